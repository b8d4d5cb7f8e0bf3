//! A deterministic archive of generated issues for tests and benches: a
//! daily paper from 1996-01-01 in `YYYY/MM/东昌府报-YYYYMMDD.txt`, shaped
//! like the real ones (page markers, headline, deck, byline, dateline,
//! attribution, sentences cut by page breaks), with a few phrases planted in
//! known issues so that tests can assert exact results.
//!
//! A shelf ([`generate_shelf`]) is several such papers side by side, one
//! folder each (`<title>/YYYY/MM/<title>-YYYYMMDD.txt`), as a researcher's
//! archive of 100,000 issues is laid out; the same phrases are planted by
//! issue number.
//!
//! Benches include this file with `#[path = "../tests/it/common/archive.rs"]`.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The paper's name, also the file names' title part.
pub const TITLE: &str = "东昌府报";

/// Planted whole in the body of every issue where [`has_rare`] holds; found
/// by `rg` in exactly those files.
pub const RARE: &str = "运河夜航船";
/// Planted in the issues where [`has_seam`] holds, cut in two by a page
/// break (a blank line) in the raw file: `rg` can't find it, the parser
/// heals it.
pub const SEAM: &str = "青石板老街修缮";
/// Planted in the issues where [`latin_form`] gives a form, in three cases.
pub const LATIN: &str = "smart grid";
/// In no issue.
pub const ABSENT: &str = "不存在的短语";
/// Frequent: in most articles of every issue (a stress for hit handling).
pub const COMMON: &str = "高质量发展";

/// Whether issue `i` carries [`RARE`].
pub fn has_rare(i: usize) -> bool {
    i % 37 == 3
}

/// Whether issue `i` carries [`SEAM`] across a page break.
pub fn has_seam(i: usize) -> bool {
    i % 53 == 11
}

/// The form [`LATIN`] takes in issue `i`, if any.
pub fn latin_form(i: usize) -> Option<&'static str> {
    match i % 41 {
        4 => Some("Smart Grid"),
        5 => Some("SMART GRID"),
        6 => Some("smart grid"),
        _ => None,
    }
}

/// The date of issue `i`: daily from 1996-01-01.
pub fn date(i: usize) -> jiff::civil::Date {
    jiff::civil::date(1996, 1, 1) + jiff::Span::new().days(i as i64)
}

/// Where issue `i` lives under `root`.
pub fn issue_path(root: &Path, i: usize) -> PathBuf {
    let d = date(i);
    let name = format!("{TITLE}-{:04}{:02}{:02}.txt", d.year(), d.month(), d.day());
    root.join(format!("{:04}", d.year())).join(format!("{:02}", d.month())).join(name)
}

/// Writes issues `0..n` under `root` and returns their paths in order.
pub fn generate(root: &Path, n: usize, seed: u64) -> Vec<PathBuf> {
    let mut paths = Vec::with_capacity(n);
    for i in 0..n {
        let path = issue_path(root, i);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(&path, issue_text(i, seed)).unwrap();
        paths.push(path);
    }
    paths
}

/// The papers of a shelf, each in a folder of its own name.
pub const SHELF: [&str; 10] = [
    "东昌府报",
    "清河日报",
    "运河晚报",
    "聊城日报",
    "鲁西商报",
    "水城周刊",
    "茌平新闻",
    "阳谷日报",
    "临清时报",
    "冠县信息",
];

/// Where issue `i` of a shelf lives: paper `i % papers`, day `i / papers`.
pub fn shelf_path(root: &Path, papers: usize, i: usize) -> PathBuf {
    let (title, d) = (SHELF[i % papers], date(i / papers));
    let name = format!("{title}-{:04}{:02}{:02}.txt", d.year(), d.month(), d.day());
    root.join(title).join(format!("{:04}", d.year())).join(format!("{:02}", d.month())).join(name)
}

/// Writes a shelf of `papers` (at most [`SHELF`]'s length) papers with
/// issues `0..n` between them, on every core, and returns their paths in
/// order of `i`. Issue `i` has [`issue_text`]'s planted phrases, the
/// paper's title and its own day, and is a fifth longer (the 100,000-issue
/// shelf is ~2.3 GB).
pub fn generate_shelf(root: &Path, papers: usize, n: usize, seed: u64) -> Vec<PathBuf> {
    let paths: Vec<PathBuf> = (0..n).map(|i| shelf_path(root, papers, i)).collect();
    let threads = std::thread::available_parallelism().map_or(2, |c| c.get());
    std::thread::scope(|s| {
        for t in 0..threads {
            let paths = &paths;
            s.spawn(move || {
                for i in (t..n).step_by(threads) {
                    let path = &paths[i];
                    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                    let text = issue_text_of(i, seed, SHELF[i % papers], date(i / papers), 6);
                    std::fs::write(path, text).unwrap();
                }
            });
        }
    });
    paths
}

/// xorshift64*: a few lines, and its sequence is fixed forever. A PRNG
/// crate's seeded generators may change their streams between versions,
/// which would silently change every generated archive and the figures
/// measured on it.
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed` (any value; zero is mapped away).
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next() >> 32) as usize) % n.max(1)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// One of the words of a space-separated list.
    pub fn pick(&mut self, list: &'static str) -> &'static str {
        let n = list.split_whitespace().count();
        list.split_whitespace().nth(self.below(n)).unwrap_or("")
    }
}

// The vocabulary, as space-separated words.
const PLACES: &str = "\
    古楼街道 柳园街道 新区街道 湖西街道 侯营镇 沙镇镇 堂邑镇
    梁水镇镇 斗虎屯镇 郑家镇 张炉集镇 于集镇 许营镇 闫寺街道
    道口铺街道 北城街道";
const SUBJECTS: &str = "\
    全区 我区 区委 区政府 各镇街 相关部门 区教体局 区卫健局
    区住建局 区农业农村局 区市场监管局 区文旅局 区人社局 区财政局
    社区工作者 志愿者 企业负责人 广大党员干部 基层干部 医护人员
    教师们 村民们 居民们 青年志愿者";
const VERBS: &str = "\
    深入推进 扎实开展 持续巩固 全面落实 积极探索 加快建设 认真组织
    统筹推进 大力实施 不断完善 切实加强 稳步提升 精心筹备 广泛宣传
    着力打造 协调解决 深化拓展 有序推进 严格落实 全力保障 主动服务
    优化调整 集中整治 系统谋划";
const OBJECTS: &str = "\
    乡村振兴工作 项目建设 营商环境 民生实事 安全生产 疫情防控
    文明城市创建 生态环境保护 基层治理 产业升级 招商引资
    农村人居环境整治 老旧小区改造 就业创业服务 社会保障体系
    义务教育均衡发展 医疗卫生服务 文化惠民活动 河湖长制 秸秆禁烧
    防汛抗旱 冬季供暖 食品安全监管 农产品质量提升 5G基站建设
    数字政府建设 APP便民服务 PM2.5治理 GDP核算 LED路灯更换 WiFi全覆盖
    电子商务进农村";
const TAILS: &str = "\
    取得了明显成效 群众满意度不断提升
    为全区经济社会发展提供了有力支撑 受到广大群众的一致好评
    形成了可复制可推广的经验 推动各项任务落地见效
    确保各项工作有序开展 进一步增强了群众的获得感
    为下一步工作打下了坚实基础 营造了良好的社会氛围
    实现了稳中有进 切实解决了群众的急难愁盼问题 助力高质量发展
    为推动高质量发展贡献力量 不断开创工作新局面
    各项指标位居全市前列 有效提升了服务效能 让群众少跑腿
    推动形成长效机制 确保取得实效";
const OPENERS: &str = "\
    据了解, 会议指出, 会议强调, 据介绍, 近年来, 今年以来, 截至目前,
    下一步, 活动现场, 与此同时, 在此基础上, 记者了解到,";
const NAMES: &str = "\
    王建国 李晓燕 张立新 刘海涛 陈思远 杨文静 赵志刚 黄丽华 周明亮
    吴晓东 徐振鑫 朱晓斌 孙占山 马军权 胡瑞恒 郭泗新 何清源 韩立新
    苗春雨 邵佳明";
const PAGES: &str = "\
    要闻 综合 民生 经济 城建 文化 社会 副刊";
const HEAD_A: &str = "\
    我区召开 全区 区委常委会议 我区举行 区政府 各镇街 我区启动
    区人大常委会 我区开展 区政协 我区部署 我区推进";
const HEAD_B: &str = "\
    高质量发展推进会 乡村振兴工作会议 安全生产专题会议
    营商环境优化大会 民生实事项目签约仪式 文明城市创建动员会
    重点项目集中开工活动 生态环境保护督察整改 基层治理现场观摩会
    冬季供暖保障工作会 就业创业服务月活动 防汛抗旱工作部署会
    老旧小区改造推进会 5G基站建设专题调度 数字政府建设培训班
    秋季征兵工作会议";

/// A sentence from the vocabulary, with digits now and then.
fn sentence(rng: &mut Rng, out: &mut String) {
    if rng.below(4) == 0 {
        out.push_str(rng.pick(OPENERS));
    }
    out.push_str(rng.pick(SUBJECTS));
    if rng.below(3) == 0 {
        let _ = write!(out, "在{}", rng.pick(PLACES));
    }
    out.push_str(rng.pick(VERBS));
    out.push_str(rng.pick(OBJECTS));
    match rng.below(6) {
        0 => {
            let _ = write!(out, ",累计投入资金{}.{}万元", rng.range(10, 9999), rng.below(10));
        }
        1 => {
            let _ = write!(out, ",惠及群众{}余人", rng.range(100, 60000));
        }
        2 => {
            let _ = write!(out, "、{}", rng.pick(OBJECTS));
        }
        _ => {}
    }
    out.push(',');
    out.push_str(rng.pick(TAILS));
    out.push('。');
}

/// A paragraph of 3–8 sentences.
fn paragraph(rng: &mut Rng) -> String {
    let mut p = String::new();
    for _ in 0..rng.range(3, 8) {
        sentence(rng, &mut p);
    }
    p
}

/// Cuts a paragraph in two at a character between two ideographs, as a page
/// break in the middle of a sentence does.
fn cut_mid_sentence(p: &str, rng: &mut Rng) -> Option<(String, String)> {
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let lo = chars.len() / 3;
    let hi = chars.len() * 2 / 3;
    let start = lo + rng.below(hi.saturating_sub(lo).max(1));
    (start..hi).find_map(|k| {
        let (a, b) = (chars[k - 1].1, chars[k].1);
        let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
        (han(a) && han(b)).then(|| (p[..chars[k].0].to_string(), p[chars[k].0..].to_string()))
    })
}

/// The raw text of issue `i`: ~15–25 KB, 5–10 articles over 2–4 pages.
pub fn issue_text(i: usize, seed: u64) -> String {
    issue_text_of(i, seed, TITLE, date(i), 5)
}

/// Issue `i` of the paper `title` on day `d`, `fifths` fifths as long as
/// the daily of [`issue_text`] (which is 5).
fn issue_text_of(i: usize, seed: u64, title: &str, d: jiff::civil::Date, fifths: usize) -> String {
    let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0xA24B_AED4_963E_E407));
    let mut out = String::with_capacity(24 * 1024);
    let articles = rng.range(5, 10);
    let pages = rng.range(2, 4).min(articles);
    let target = rng.range(13 * 1024, 20 * 1024) * fifths / 5;
    // 东昌府报's stories are 东昌府讯, 清河日报's 清河讯.
    let dateline: String = if title == TITLE { "东昌府".into() } else { title.chars().take(2).collect() };
    let per_article = target / articles;
    // Which article carries each planted phrase.
    let plant_in = |salt: usize| (i + salt) % articles;
    let mut page = 0;
    for a in 0..articles {
        if a * pages / articles == page {
            page += 1;
            let _ = write!(
                out,
                "\n第{:02}版：{}\n\n",
                page,
                PAGES.split_whitespace().cycle().nth(page - 1 + i).unwrap_or("")
            );
        }
        let _ = writeln!(out, "{}{}\n", rng.pick(HEAD_A), rng.pick(HEAD_B));
        if rng.below(3) > 0 {
            let _ = writeln!(out, "{}{} {}\n", rng.pick(VERBS), rng.pick(OBJECTS), rng.pick(TAILS));
        }
        let writer = rng.pick(NAMES);
        if rng.below(2) == 0 {
            let _ = writeln!(out, "本报记者 {writer}\n");
        }
        let mut paras = Vec::new();
        let mut first = format!("{dateline}讯 {}月{}日,", d.month(), d.day());
        sentence(&mut rng, &mut first);
        first.push_str(&paragraph(&mut rng));
        let mut size = first.len();
        paras.push(first);
        while size < per_article {
            let p = paragraph(&mut rng);
            size += p.len();
            paras.push(p);
        }
        if has_rare(i) && plant_in(0) == a {
            let k = 1 % paras.len();
            paras[k].push_str(&format!("当晚,{RARE}活动在{}举行,吸引了众多市民参与。", rng.pick(PLACES)));
        }
        if let Some(form) = latin_form(i).filter(|_| plant_in(1) == a) {
            let k = paras.len() - 1;
            paras[k].push_str(&format!("该项目采用{form}技术,年内将覆盖{}户。", rng.range(100, 9999)));
        }
        let seam_here = has_seam(i) && plant_in(2) == a;
        let cut = rng.below(paras.len());
        for (k, p) in paras.iter().enumerate() {
            if seam_here && k == paras.len() - 1 {
                // The planted phrase, cut by a page break between 老 and 街.
                let _ = writeln!(out, "{p}{}积极推进青石板老\n", rng.pick(SUBJECTS));
                let _ = writeln!(out, "街修缮工程,{}", &paragraph(&mut rng));
                out.push('\n');
            } else if k == cut
                && rng.below(2) == 0
                && let Some((x, y)) = cut_mid_sentence(p, &mut rng)
            {
                let _ = writeln!(out, "{x}\n\n{y}\n");
            } else {
                let _ = writeln!(out, "{p}\n");
            }
        }
        let _ = writeln!(out, "(融媒体中心 {writer} {})\n", rng.pick(NAMES));
    }
    out
}
