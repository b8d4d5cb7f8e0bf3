//! Whole screens drawn into ratatui's TestBackend, as insta snapshots
//! (reviewed by eye), plus style checks the text can't show.

use dubao::app::{Action, Keymap, Settings, State, update};
use dubao::parse::parse_issue;
use dubao::ui::{Theme, draw};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use std::sync::Arc;

fn seed_state(w: u16, h: u16) -> State {
    let bytes = crate::common::data::seed_bytes();
    let issue = parse_issue(&bytes, "000_5f9f883e554d2686.txt").unwrap().issue;
    let mut s = State::new(vec!["seed".into()], Settings::default(), Keymap::default(), (w, h));
    update(&mut s, Action::Loaded { name: "seed".into(), result: Ok(Arc::new(issue)) });
    s
}

pub(crate) fn render(s: &State, theme: &Theme) -> Buffer {
    let mut t = Terminal::new(TestBackend::new(s.size.0, s.size.1)).unwrap();
    t.draw(|f| draw(f, s, theme)).unwrap();
    t.backend().buffer().clone()
}

pub(crate) fn text(b: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..b.area.height {
        let mut skip = 0;
        for x in 0..b.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = b[(x, y)].symbol();
            out.push_str(sym);
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
        }
        out.push('\n');
    }
    out
}

fn screen(s: &State) -> String {
    text(&render(s, &Theme::plain()))
}

#[test]
fn start_screen() {
    let s = seed_state(120, 36);
    insta::assert_snapshot!("start", screen(&s));
}

#[test]
fn article_open() {
    let mut s = seed_state(120, 36);
    update(&mut s, Action::NextArticle);
    update(&mut s, Action::NextArticle);
    update(&mut s, Action::NextArticle);
    update(&mut s, Action::PageDown);
    insta::assert_snapshot!("article_open", screen(&s));
}

#[test]
fn narrow_terminal_shows_one_pane() {
    let mut s = seed_state(50, 20);
    insta::assert_snapshot!("narrow_list", screen(&s));
    update(&mut s, Action::Open);
    insta::assert_snapshot!("narrow_article", screen(&s));
}

#[test]
fn help_overlay() {
    let mut s = seed_state(100, 40);
    update(&mut s, Action::Help);
    let shown = screen(&s);
    assert!(shown.contains("bookmark"));
    insta::assert_snapshot!("help", shown);
}

#[test]
fn search_highlights_matches_in_place() {
    let mut s = seed_state(120, 36);
    update(&mut s, Action::Search);
    for c in "侯营镇".chars() {
        update(&mut s, Action::Input(c));
    }
    update(&mut s, Action::InputSubmit);
    let theme = Theme::colored();
    let buf = render(&s, &theme);
    insta::assert_snapshot!("search", text(&buf));
    // Every visible 侯 in the article pane is highlighted, the current one differently.
    let area = s.geometry().article_inner().unwrap();
    let mut styles = Vec::new();
    for y in area.y..area.bottom() {
        for x in area.x..area.right() {
            if buf[(x, y)].symbol() == "侯" {
                styles.push(buf[(x, y)].style());
            }
        }
    }
    assert!(styles.len() >= 2, "{styles:?}");
    let current = theme.current_match.bg;
    let other = theme.matched.bg;
    assert_eq!(styles.iter().filter(|st| st.bg == current).count(), 1);
    assert!(styles.iter().filter(|st| st.bg == other).count() >= 1);
}

#[test]
fn too_small_terminal() {
    for (w, h) in [(10, 4), (19, 30), (120, 4)] {
        let s = seed_state(w, h);
        let shown = screen(&s);
        assert!(shown.contains("too") || shown.contains("small"), "{w}x{h}:\n{shown}");
    }
    insta::assert_snapshot!("too_small", screen(&seed_state(40, 4)));
}

#[test]
fn zero_and_one_cell_terminals_draw_without_panicking() {
    for (w, h) in [(0, 0), (1, 1), (1, 40), (300, 1), (2, 50), (300, 5)] {
        let mut s = seed_state(w, h);
        for a in [Action::Open, Action::Help, Action::Back, Action::Search, Action::Input('会')] {
            update(&mut s, a);
            let b = render(&s, &Theme::colored());
            // What shows, without the spaces: below 20×5 only the notice (as much as fits).
            let shown: String = b.content().iter().map(|c| c.symbol()).collect::<String>().split_whitespace().collect();
            if w < 20 || h < 5 {
                let fits = |notice: &str| notice.replace(' ', "").starts_with(&shown);
                assert!(fits("too small") || fits("terminal too small — enlarge it"), "{w}x{h}: {shown}");
            } else {
                assert!(shown.contains("000_5f9f883e554d2686"), "{w}x{h}: the top bar names the issue: {shown}");
            }
            assert!(s.nav.selected < s.library.issue().map_or(1, |i| i.articles().count()), "{w}x{h}");
        }
    }
}

#[test]
fn a_frame_of_another_size_than_the_state_knows_is_drawn_safely() {
    let s = seed_state(120, 36);
    for (w, h) in [(50, 10), (200, 60), (1, 1), (0, 0)] {
        let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
        t.draw(|f| draw(f, &s, &Theme::colored())).unwrap();
        // Left blank: the resize on its way brings a frame that fits.
        let cells = t.backend().buffer().content();
        assert!(cells.iter().all(|c| *c == ratatui::buffer::Cell::default()), "{w}x{h}");
    }
}

/// A library of three papers a day for a year, the seed issue open.
fn library_state(w: u16, h: u16) -> State {
    let mut s = seed_state(w, h);
    let start = jiff::civil::date(2022, 11, 19);
    let infos = (0..365)
        .flat_map(|i| {
            let d = start - jiff::Span::new().days(i);
            ["东昌府报", "聊城日报", "Riverton Courier"].map(|t| dubao::app::IssueInfo {
                name: format!("papers/{t}-{}.txt", d.strftime("%Y%m%d")).into(),
                title: t.into(),
                date: Some(d),
                articles: Some(6),
            })
        })
        .chain(std::iter::once(dubao::app::IssueInfo::from_name("seed")))
        .collect();
    update(&mut s, Action::Library(infos));
    update(&mut s, Action::Progress(Some((412, 1096))));
    s
}

#[test]
fn issue_picker_filtered() {
    let mut s = library_state(100, 20);
    update(&mut s, Action::Issues);
    for c in "日报 1118".chars() {
        update(&mut s, Action::Input(c));
    }
    update(&mut s, Action::Down);
    insta::assert_snapshot!("picker", screen(&s));
}

#[test]
fn archive_search_results() {
    let mut s = library_state(100, 20);
    update(&mut s, Action::ArchiveSearch);
    for c in "绿色低碳".chars() {
        update(&mut s, Action::Input(c));
    }
    update(&mut s, Action::InputSubmit);
    let a = s.article().unwrap().clone();
    let found = |date: &str, headline: &str| dubao::library::ArchiveHit {
        path: "seed".into(),
        issue_title: "东昌府报".into(),
        date: Some(date.parse().unwrap()),
        article: a.id.clone(),
        headline: headline.into(),
        pos: dubao::model::Pos { element: dubao::model::Element::Block(0), offset: 0 },
        snippet: "…聚力推进绿色低碳高质量发展先行区建设。省委书记…".into(),
        snippet_match: "…聚力推进".len().."…聚力推进绿色低碳".len(),
    };
    let results = vec![found("2022-11-19", &a.headline), found("2022-11-02", "全区绿色低碳发展现场推进会召开")];
    update(&mut s, Action::Found { search: 1, results });
    insta::assert_snapshot!("archive_running", screen(&s));
    update(&mut s, Action::FoundAll { search: 1, issues: 1096 });
    update(&mut s, Action::Down);
    insta::assert_snapshot!("archive_done", screen(&s));
}

#[test]
fn archive_search_counts_matches_and_the_issues_they_are_in() {
    let mut s = library_state(120, 30);
    update(&mut s, Action::ArchiveSearch);
    for c in "绿色".chars() {
        update(&mut s, Action::Input(c));
    }
    update(&mut s, Action::InputSubmit);
    let a = s.article().unwrap().clone();
    let hit = |path: &str| dubao::library::ArchiveHit {
        path: path.into(),
        issue_title: "东昌府报".into(),
        date: None,
        article: a.id.clone(),
        headline: a.headline.clone(),
        pos: dubao::model::Pos { element: dubao::model::Element::Block(0), offset: 0 },
        snippet: "绿色".into(),
        snippet_match: 0.."绿色".len(),
    };
    let mut results: Vec<_> = (0..40).map(|_| hit("a.txt")).collect();
    update(&mut s, Action::Found { search: 1, results: results.split_off(20) });
    assert!(screen(&s).contains("searching… 20 matches in 1 issue "), "{}", screen(&s));
    results.extend((0..15).map(|_| hit("b.txt")));
    update(&mut s, Action::Found { search: 1, results });
    update(&mut s, Action::FoundAll { search: 1, issues: 11 });
    assert!(screen(&s).contains("search · 55 matches in 2 of 11 issues"), "{}", screen(&s));
}

#[test]
fn counts_of_one_are_singular() {
    let text = "第01版\n\n新图书馆今日开放\n\n本报讯 4月1日,新图书馆正式开放。\n";
    let issue = parse_issue(text.as_bytes(), "清河日报-20240401.txt").unwrap().issue;
    let mut s = State::new(vec!["one".into()], Settings::default(), Keymap::default(), (100, 20));
    update(&mut s, Action::Loaded { name: "one".into(), result: Ok(Arc::new(issue)) });
    let shown = screen(&s);
    assert!(shown.contains(" 1 article · 1 unread "), "{shown}");
    update(&mut s, Action::Search);
    update(&mut s, Action::Input('馆'));
    assert!(screen(&s).contains("2 matches"), "{}", screen(&s));
    update(&mut s, Action::Input('今'));
    assert!(screen(&s).contains("1 match"), "{}", screen(&s));
}

/// The fixture issue with a kicker, captions, tables and noise.
fn blocks_state(w: u16, h: u16) -> State {
    let name = "blocks/望川晚报-20240506.dubao";
    let issue = parse_issue(&crate::common::data::fixture_bytes(name), name).unwrap().issue;
    let mut s = State::new(vec![name.into()], Settings::default(), Keymap::default(), (w, h));
    update(&mut s, Action::Loaded { name: name.into(), result: Ok(Arc::new(issue)) });
    s
}

/// The style of the first cell showing `text` on screen.
fn style_of(b: &Buffer, text: &str) -> ratatui::style::Style {
    let first = text.chars().next().unwrap().to_string();
    for y in 0..b.area.height {
        let row = text_row(b, y);
        if let Some(col) = row.find(text) {
            let x = unicode_width::UnicodeWidthStr::width(&row[..col]) as u16;
            assert_eq!(b[(x, y)].symbol(), first);
            return b[(x, y)].style();
        }
    }
    panic!("{text:?} is not on screen:\n{}", self::text(b));
}

fn text_row(b: &Buffer, y: u16) -> String {
    self::text(b).lines().nth(usize::from(y)).unwrap_or("").to_string()
}

#[test]
fn kicker_captions_tables_and_folded_noise() {
    let mut s = blocks_state(120, 40);
    update(&mut s, Action::Open);
    insta::assert_snapshot!("blocks_folded", screen(&s));
    update(&mut s, Action::Open);
    insta::assert_snapshot!("blocks_unfolded", screen(&s));
    update(&mut s, Action::NextArticle);
    update(&mut s, Action::NextArticle);
    update(&mut s, Action::Resize(50, 30));
    insta::assert_snapshot!("blocks_latin_narrow", screen(&s));
}

#[test]
fn each_new_part_is_drawn_in_its_own_theme_style() {
    use ratatui::style::{Color, Modifier};
    let mut s = blocks_state(120, 40);
    update(&mut s, Action::Open);
    let parts = [("kicker", "red"), ("caption", "green"), ("table", "cyan"), ("noise", "magenta")];
    let specs = parts.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let b = render(&s, &Theme::from_specs(&specs).unwrap());
    assert_eq!(style_of(&b, "历时四年建设").fg, Some(Color::Red));
    assert_eq!(style_of(&b, "图为5月5日").fg, Some(Color::Green));
    assert_eq!(style_of(&b, "年吞吐量").fg, Some(Color::Cyan));
    assert_eq!(style_of(&b, "⋯ 5 unreadable lines").fg, Some(Color::Magenta));
    assert_eq!(style_of(&b, "unfold").fg, Some(Color::Magenta), "the hint beside it");
    let theme = Theme::colored();
    assert_ne!(theme.kicker, theme.headline, "the headline stays the dominant line");
    // Without colour the caption and the noise still stand apart from the body.
    let plain = render(&s, &Theme::plain());
    assert!(style_of(&plain, "图为5月5日").add_modifier.contains(Modifier::ITALIC));
    assert!(style_of(&plain, "⋯ 5 unreadable lines").add_modifier.contains(Modifier::DIM));
    // A search match hidden in folded noise shows on its fold line.
    update(&mut s, Action::Search);
    for c in "口口口".chars() {
        update(&mut s, Action::Input(c));
    }
    let b = render(&s, &theme);
    assert_eq!(style_of(&b, "⋯ 5 unreadable lines").bg, theme.matched.bg);
}

#[test]
fn changes_not_saved_show_hollow_and_dim_and_the_list_says_how_many() {
    use dubao::app::{SaveReport, Unsaved};
    let mut s = seed_state(100, 14);
    update(&mut s, Action::ToggleBookmark);
    update(&mut s, Action::Down);
    update(&mut s, Action::ToggleBookmark);
    update(&mut s, Action::Down);
    update(&mut s, Action::ToggleRead);
    let ids: Vec<_> = s.library.issue().unwrap().articles().map(|a| a.id.clone()).collect();
    let unsaved = Unsaved {
        articles: [ids[1].clone(), ids[2].clone()].into(),
        marks: 2,
        positions: 1,
        why: Some("bookmarks.toml: disk full".into()),
        kept: true,
    };
    update(&mut s, Action::Saved(Box::new(SaveReport { marks: None, unsaved, change: true, messages: vec![] })));
    insta::assert_snapshot!("unsaved", screen(&s));
    // The hollow star is dim; the saved one is not.
    let buf = render(&s, &Theme::default());
    let cell = |y: u16| buf[(1, y)].clone();
    assert_eq!((cell(2).symbol(), cell(3).symbol()), ("★", "☆"));
    assert!(!cell(2).style().add_modifier.contains(ratatui::style::Modifier::DIM));
    assert!(cell(3).style().add_modifier.contains(ratatui::style::Modifier::DIM));
}

#[test]
fn the_bottom_line_keeps_the_help_key_at_every_width_and_cuts_long_messages_at_words() {
    for w in [30u16, 40, 50, 60, 80, 100, 120, 200] {
        let mut s = seed_state(w, 20);
        let last = |s: &State| screen(s).lines().last().unwrap().trim_end().to_string();
        assert!(last(&s).ends_with("? help") || last(&s).contains("? help ·"), "{w}: {}", last(&s));
        update(&mut s, Action::Open);
        assert!(last(&s).contains("? help"), "{w}: {}", last(&s));
        s.status = Some("read-only".into());
        assert!(last(&s).ends_with("? help"), "{w}: beside a short message: {}", last(&s));
        s.status =
            Some("the state directory is read-only: changes are kept in a journal until it can be written".into());
        let line = last(&s);
        let said = line.trim_end_matches("? help").trim();
        let words: Vec<&str> = s.status.as_deref().unwrap().split(' ').collect();
        let shown: Vec<&str> = said.trim_end_matches('…').split(' ').collect();
        assert!(
            shown.iter().zip(&words).all(|(a, b)| a == b) && shown.len() <= words.len(),
            "{w}: whole words only: {said}"
        );
    }
}

#[test]
fn without_colour_the_focused_pane_is_told_by_a_bold_border() {
    let mut s = seed_state(120, 20);
    let bold = |b: &Buffer, x: u16| b[(x, 5)].modifier.contains(ratatui::style::Modifier::BOLD);
    let g = s.geometry();
    let (list, article) = (g.list.unwrap(), g.article.unwrap());
    let b = render(&s, &Theme::plain());
    assert!(bold(&b, list.x) && !bold(&b, article.x), "the list focused");
    update(&mut s, Action::Open);
    let b = render(&s, &Theme::plain());
    assert!(!bold(&b, list.x) && bold(&b, article.x), "the article focused");
}

#[test]
fn an_issue_without_articles_says_so() {
    let issue = parse_issue(b"\n\n", "blank-20240301.txt").unwrap().issue;
    let mut s = State::new(vec!["blank".into()], Settings::default(), Keymap::default(), (80, 12));
    update(&mut s, Action::Loaded { name: "blank".into(), result: Ok(Arc::new(issue)) });
    let shown = screen(&s);
    assert!(shown.lines().nth(1).unwrap().contains("─ no articles ─"), "{shown}");
    assert!(shown.contains("│no articles: dubao") && shown.contains("found none in this file"), "{shown}");
    assert!(!shown.contains("0 articles"), "{shown}");
}

#[test]
fn a_narrow_picker_shows_titles_before_counts() {
    for w in [40u16, 60, 100] {
        let mut s = library_state(w, 14);
        update(&mut s, Action::Issues);
        let shown = screen(&s);
        let open = shown.lines().find(|l| l.contains("▶ ")).unwrap();
        assert!(open.contains("000_5f"), "{w}: the issue read keeps its title before its counts: {open:?}");
        let rows: Vec<&str> = shown.lines().filter(|l| l.contains("  2021-") || l.contains("  2022-")).collect();
        assert!(rows.len() > 3, "{shown}");
        for row in rows {
            assert!(["东昌", "聊城", "Rive"].iter().any(|t| row.contains(t)), "{w}: a title in {row:?}");
            if w >= 100 {
                assert!(row.contains("6 articles"), "{w}: counts where there is room: {row:?}");
            }
        }
    }
}

#[test]
fn headlines_in_the_list_are_set_like_the_article() {
    let path = crate::common::data::samples().join("qinghe-weekend-2024-03-10.dubao");
    let issue = parse_issue(&std::fs::read(&path).unwrap(), "qinghe-weekend-2024-03-10.dubao").unwrap().issue;
    let mut s = State::new(vec!["weekend".into()], Settings::default(), Keymap::default(), (120, 20));
    update(&mut s, Action::Loaded { name: "weekend".into(), result: Ok(Arc::new(issue)) });
    let shown = screen(&s);
    assert!(shown.contains("读者来信：请为老街留住一张长椅"), "{shown}");
    assert!(!shown.contains("读者来信:"), "{shown}");
}
