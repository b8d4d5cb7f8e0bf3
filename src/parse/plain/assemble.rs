//! Units → sections and articles: where a story starts, which short lines
//! are its head and which are subheads or table rows, and what closes it.
//! Where a story starts is asked of the file's shape first (blank lines
//! between articles, headlines set flush in indented text), then of the
//! signs every paper prints (a byline or dateline under the head, a credit
//! closing the story before, a rule between items).

use super::super::classify::{
    attribution, byline_after_dateline, closing_credit, dateline, is_byline, is_deck_marked, is_enumerated,
    is_mostly_caps,
};
use super::super::text::ends_sentence;
use super::head::{self, Part};
use super::profile::{Profile, Shape};
use super::role::Role;
use super::units::{Kind, Unit};
use super::vocab;
use crate::model::{Article, Block, Section};

/// Where the last article stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// No article in the current section yet.
    None,
    /// Headline (and maybe decks/byline) seen, no body paragraph yet.
    Header,
    /// In the body.
    Body,
    /// Closed by an attribution.
    Closed,
}

/// The role a run of source lines was given, for `dump --explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineRole {
    /// First and last source line.
    pub lines: (usize, usize),
    /// What they were read as.
    pub role: Role,
}

/// Builds the sections of an issue from heuristic units and explicit markup.
pub struct Assembler<'p> {
    sections: Vec<Section>,
    state: State,
    profile: &'p Profile,
    /// A rule (`*  *  *`) came after the current article's text: a title
    /// starts the next item, text without one goes on with this one.
    separated: bool,
    roles: Vec<LineRole>,
}

impl<'p> Assembler<'p> {
    /// An empty issue body.
    pub fn new(profile: &'p Profile) -> Assembler<'p> {
        Assembler { sections: Vec::new(), state: State::None, profile, separated: false, roles: Vec::new() }
    }

    /// The sections built so far, and the role of every line read.
    pub fn finish(self) -> (Vec<Section>, Vec<LineRole>) {
        (self.sections, self.roles)
    }

    /// Records the role of a unit's lines.
    pub fn role(&mut self, lines: (usize, usize), role: Role) {
        self.roles.push(LineRole { lines, role });
    }

    /// Starts a section named by its marker.
    pub fn start_section(&mut self, name: &str) {
        self.sections.push(Section { name: name.trim().to_string(), articles: Vec::new() });
        self.state = State::None;
        self.separated = false;
    }

    /// Adds an article given explicitly (markup, a one-article line);
    /// heuristics never touch it.
    pub fn push_explicit(&mut self, article: Article) {
        self.start_article(article);
        self.state = State::Closed;
    }

    /// Starts with an article whose head is known (a labelled file's):
    /// what is fed next is its body.
    pub fn begin(&mut self, article: Article) {
        self.start_article(article);
    }

    fn start_article(&mut self, article: Article) {
        if self.sections.is_empty() {
            self.start_section("");
        }
        if let Some(section) = self.sections.last_mut() {
            section.articles.push(article);
        }
        self.state = State::Header;
        self.separated = false;
    }

    fn current(&mut self) -> Option<&mut Article> {
        self.sections.last_mut()?.articles.last_mut()
    }

    /// Feeds the units of a stretch of plain text.
    pub fn feed(&mut self, mut units: Vec<Unit>) {
        promote_titles(&mut units, self.profile);
        let mut i = 0;
        while i < units.len() {
            let unit = &units[i];
            let lines = unit.lines;
            match unit.kind {
                Kind::Marker => {
                    let name = unit.text.clone();
                    self.start_section(&name);
                    self.role(lines, Role::Marker);
                }
                Kind::Separator => {
                    self.separated = self.state != State::None;
                    self.role(lines, Role::Separator);
                }
                Kind::Noise => {
                    let text = std::mem::take(&mut units[i].text);
                    self.block(Block::Noise(text));
                    self.role(lines, Role::Noise);
                }
                Kind::Title => {
                    let end = i + self.head_run(&units[i..]);
                    self.titles(&units[i..end], &units[end..]);
                    i = end;
                    continue;
                }
                // A byline after the story, where it ends, credits it.
                Kind::Byline if self.state == State::Body && closes_article(units.get(i + 1)) => {
                    let text = unit.text.clone();
                    if let Some(a) = self.current() {
                        a.attribution = Some(text);
                    }
                    self.state = State::Closed;
                    self.role(lines, Role::Credit);
                }
                Kind::Byline => {
                    let text = unit.text.clone();
                    self.byline(&text, lines);
                }
                Kind::Attribution => self.attribution(&mut units, i),
                Kind::Credit => {
                    let text = std::mem::take(&mut units[i].text);
                    self.caption(text, lines);
                }
                Kind::Body => {
                    let closes = closes_article(units.get(i + 1));
                    let text = std::mem::take(&mut units[i].text);
                    self.body(text, lines, closes);
                }
            }
            i += 1;
        }
    }

    /// The matter after a text's end (an archive's licence): one article,
    /// named by its first line, whatever headings it has inside.
    pub fn back_matter(&mut self, units: Vec<Unit>) {
        let mut units = units.into_iter();
        let Some(first) = units.next() else { return };
        self.start_article(Article::new(first.text));
        self.role(first.lines, Role::Headline);
        for u in units {
            self.body(u.text, u.lines, false);
        }
    }

    /// How many title units from the first make one run: a head block and
    /// what follows it without a break. The run ends where blank lines
    /// part articles, and, where the file indents paragraphs one per line,
    /// where indentation changes (heads flush, subheads indented).
    fn head_run(&self, units: &[Unit]) -> usize {
        let p = self.profile;
        let by_indent = p.indented && matches!(p.shape, Shape::ParagraphPerLine | Shape::SentencePerLine);
        let mut n = 1;
        while n < units.len() {
            let (prev, u) = (&units[n - 1], &units[n]);
            // OCR noise between head lines stays in the head's run.
            let noise_inside =
                p.ocr && u.kind == Kind::Noise && units.get(n + 1).is_some_and(|v| v.kind == Kind::Title);
            // A numbered part (`第一章 总则`, `一、…`) is never a deck.
            let title = u.kind == Kind::Title
                && u.gap < p.article_gap
                && !(by_indent && u.indent != prev.indent)
                && !is_enumerated(&u.text);
            if !(title || noise_inside) {
                break;
            }
            n += 1;
        }
        n
    }

    /// A run of short unpunctuated lines: a new article's head, rows of a
    /// table, decks of the article being headed, or subheads.
    fn titles(&mut self, run: &[Unit], after: &[Unit]) {
        if run.iter().any(|u| u.kind == Kind::Noise) {
            // Noise the scan left inside a head: the head without it, the
            // noise kept after it.
            let head: Vec<Unit> = run.iter().filter(|u| u.kind == Kind::Title).cloned().collect();
            self.titles(&head, after);
            for u in run.iter().filter(|u| u.kind == Kind::Noise) {
                self.block(Block::Noise(u.text.clone()));
                self.role(u.lines, Role::Noise);
            }
            return;
        }
        if let Some((at, rows)) = (0..run.len()).find_map(|k| Some((k, table_rows(&run[k..]))).filter(|(_, n)| *n > 0))
        {
            // The lines over a table name it: a box of its own on the page.
            if at > 0 && self.state != State::Header {
                let n = self.head(&run[..at]);
                self.subheads(&run[n..at], run.get(at));
            } else if at > 0 {
                self.subheads(&run[..at], run.get(at));
            }
            for u in &run[at..at + rows] {
                self.block(Block::Table(u.text.clone()));
                self.role(u.lines, Role::Table);
            }
            if at + rows < run.len() {
                self.titles(&run[at + rows..], after);
            }
            return;
        }
        if self.starts(run, after) {
            let n = self.head(run);
            if n < run.len() {
                self.subheads(&run[n..], after.first());
            }
        } else {
            self.subheads(run, after.first());
        }
    }

    /// Starts an article headed by the first lines of `run`: a kicker, a
    /// headline and up to three decks (Latin heads are broken over more
    /// lines than Chinese ones, each part over two or three). Returns how
    /// many lines the head took.
    fn head(&mut self, run: &[Unit]) -> usize {
        let latin = !run.iter().any(|u| super::super::text::is_cjk_dominant(&u.text));
        let n = run.len().min(if latin { 12 } else { 5 });
        let lines: Vec<(&str, bool)> = run[..n].iter().map(|u| (u.text.as_str(), u.gap == 0)).collect();
        let (h, parts) = head::split(&lines);
        let mut article = Article::new(h.headline);
        article.kicker = h.kicker;
        article.decks = h.decks;
        self.start_article(article);
        for (u, part) in run.iter().zip(parts) {
            let role = match part {
                Part::Kicker => Role::Kicker,
                Part::Headline => Role::Headline,
                Part::Deck => Role::Deck,
            };
            self.role(u.lines, role);
        }
        n
    }

    /// Subheads head the text that follows; with none following, the lines
    /// are plain paragraphs.
    fn subheads(&mut self, run: &[Unit], next: Option<&Unit>) {
        let followed = matches!(next.map(|u| u.kind), Some(Kind::Body | Kind::Credit));
        for u in run {
            match (followed && !is_deck_marked(&u.text), self.current()) {
                (true, Some(a)) => {
                    a.blocks.push(Block::Subhead(u.text.clone()));
                    self.role(u.lines, Role::Subhead);
                }
                _ => self.body(u.text.clone(), u.lines, false),
            }
        }
    }

    /// Whether a run of title lines starts a new article.
    fn starts(&mut self, run: &[Unit], after: &[Unit]) -> bool {
        let next = after.first();
        let next_kind = next.map(|u| u.kind);
        let dated = next.is_some_and(|u| u.kind == Kind::Body && dateline(&u.text).is_some());
        // Under the head come a byline, a dateline, or a photo's caption.
        // A photo's caption, or its credit after a caption paragraph.
        let photo = run.len() <= 2 && after.iter().take(2).any(|u| u.kind == Kind::Credit);
        let strong = next_kind == Some(Kind::Byline) || dated || photo;
        match self.state {
            State::None | State::Closed => true,
            // A run right under a headline was taken in with it; here a
            // byline or caption came between, so the lines are subheads,
            // unless a second byline shows a second story.
            // In OCR, a head of capitals after a credit is the next story's.
            State::Header => {
                next_kind == Some(Kind::Byline) && self.has_byline()
                    || self.profile.ocr && run.iter().any(|u| is_mostly_caps(&u.text))
            }
            State::Body => self.starts_in_body(run, after, strong),
        }
    }

    fn starts_in_body(&mut self, run: &[Unit], after: &[Unit], strong: bool) -> bool {
        let p = self.profile;
        let first = &run[0];
        if is_enumerated(&first.text) {
            return strong && first.gap >= p.article_gap;
        }
        // A dash-led line in running text signs or sources it (`——编 者`):
        // decks come only under a head.
        if is_deck_marked(&first.text) && run.len() == 1 {
            return false;
        }
        let lines: Vec<&str> = run.iter().map(|u| u.text.as_str()).collect();
        if self.separated || strong || first.gap >= p.article_gap || head::signed(&lines) {
            return true;
        }
        if p.article_gap != usize::MAX {
            // Blank lines part the articles of this file, and none came.
            return false;
        }
        match p.shape {
            // A lone heading with a blank line under it, like a headline's,
            // heads a story when the subject changes after it; one set
            // right over its text is a subhead.
            Shape::BlankParagraphs => {
                let apart = after.first().is_some_and(|u| u.gap > 0);
                run.len() >= 2
                    || first.gap > p.para_gap
                    || apart && self.current().is_some_and(|a| vocab::shifts(a, after))
            }
            Shape::ParagraphPerLine | Shape::SentencePerLine if p.indented => !first.indent,
            // OCR heads are set in capitals; one line of them over running
            // text is a subhead.
            // OCR heads are set in capitals; a single line of them, or a short
            // line in headline capitals, over running text heads a story
            // when the subject changes, and is a subhead when it does not.
            Shape::Columns if p.ocr => {
                let body_next = after.first().is_some_and(|u| u.kind == Kind::Body);
                let caps = run.iter().any(|u| is_mostly_caps(&u.text));
                // A box with no running text (an advertisement's price list)
                // has no subheads: the next head is the next item's.
                let boxed = self.current().is_some_and(|a| !a.blocks.iter().any(|b| matches!(b, Block::Paragraph(_))));
                caps && (!(run.len() == 1 && body_next) || boxed)
                    || self.current().is_some_and(|a| vocab::shifts(a, after))
            }
            // Nothing else tells a headline from a subhead here: whether the
            // subject changes does.
            _ => self.current().is_some_and(|a| vocab::shifts(a, after)),
        }
    }

    fn has_byline(&mut self) -> bool {
        self.current().is_some_and(|a| a.byline.is_some())
    }

    fn byline(&mut self, text: &str, lines: (usize, usize)) {
        let headed = self.current().is_some_and(|a| only_asides(a));
        match self.state {
            // A byline over two lines (`记者 张三` / `通讯员 李四`) is one byline.
            State::Header if headed => {
                if let Some(a) = self.current() {
                    match &mut a.byline {
                        Some(b) => {
                            b.push(' ');
                            b.push_str(text);
                        }
                        None => a.byline = Some(text.to_string()),
                    }
                }
                self.role(lines, Role::Byline);
            }
            State::None | State::Closed => {
                let mut article = Article::new(String::new());
                article.byline = Some(text.to_string());
                self.start_article(article);
                self.role(lines, Role::Byline);
            }
            _ => self.body(text.to_string(), lines, false),
        }
    }

    fn attribution(&mut self, units: &mut [Unit], i: usize) {
        let unit = &units[i];
        let lines = unit.lines;
        let inner = attribution(&unit.text).unwrap_or(&unit.text).to_string();
        let headed = self.state == State::Header && self.current().is_some_and(|a| only_asides(a));
        if headed && is_byline(&inner) {
            // `（本报记者 王五）` under a headline is its byline.
            let text = unit.text.clone();
            self.byline(&text, lines);
        } else if headed && self.current().is_some_and(|a| a.byline.is_none() && a.decks.len() < 3) {
            // Any other aside in brackets under a headline is a deck:
            // `(_To our Soldiers in the field._)`, `（2019年12月31日）`.
            let text = unit.text.clone();
            if let Some(a) = self.current() {
                a.decks.push(text);
            }
            self.role(lines, Role::Deck);
        } else if self.state == State::Body && closes_article(units.get(i + 1)) {
            if let Some(a) = self.current() {
                a.attribution = Some(inner);
            }
            self.state = State::Closed;
            self.role(lines, Role::Credit);
        } else {
            let text = std::mem::take(&mut units[i].text);
            self.body(text, lines, false);
        }
    }

    /// A photo caption or credit line: an aside in a story; after a rule
    /// or a finished story, a picture item of its own, named by it.
    fn caption(&mut self, text: String, lines: (usize, usize)) {
        if self.separated || matches!(self.state, State::None | State::Closed) && !self.sections.is_empty() {
            self.start_article(Article::new(text));
            self.state = State::Body;
            self.role(lines, Role::Headline);
            return;
        }
        self.block(Block::Caption(text));
        self.role(lines, Role::Caption);
    }

    /// Running text. `closes`: the story ends after it, so a credit in
    /// parentheses after its last full stop is the attribution.
    fn body(&mut self, mut text: String, lines: (usize, usize), closes: bool) {
        let credit = closing_credit(&text).filter(|_| closes && self.state != State::None);
        let credit = credit.map(|(at, inner)| (at, inner.to_string()));
        if let Some((at, _)) = &credit {
            text.truncate(*at);
            let trimmed = text.trim_end().len();
            text.truncate(trimmed);
        }
        self.paragraph(text, lines);
        if let Some((_, inner)) = credit
            && let Some(a) = self.current()
        {
            a.attribution = Some(inner);
            self.state = State::Closed;
        }
    }

    /// Adds a body paragraph (the first one may carry a dateline).
    fn paragraph(&mut self, text: String, lines: (usize, usize)) {
        self.open_for_text();
        let first = self.state == State::Header;
        let Some(a) = self.current() else { return };
        let mut role = Role::Paragraph;
        if first && a.dateline.is_none() {
            a.dateline = dateline(&text).map(str::to_string);
            if a.dateline.is_some() {
                role = Role::Dateline;
            }
            if a.byline.is_none() {
                a.byline = byline_after_dateline(&text).map(str::to_string);
            }
        }
        a.blocks.push(Block::Paragraph(text));
        self.state = State::Body;
        self.role((lines.0, lines.0), role);
        if lines.1 > lines.0 {
            self.role((lines.0 + 1, lines.1), Role::Paragraph);
        }
    }

    /// Adds a block that is no paragraph (a caption, a table row, noise):
    /// it never counts as the story's first paragraph, so no dateline is
    /// looked for in it.
    fn block(&mut self, block: Block) {
        self.open_for_text();
        // A table is the story's body; a caption or noise is an aside.
        if matches!(block, Block::Table(_)) {
            self.state = State::Body;
        }
        if let Some(a) = self.current() {
            a.blocks.push(block);
        }
    }

    /// Makes sure there is an article for text to go into: text after a
    /// rule goes on with the story before it (an item without a head of
    /// its own); elsewhere, text with no article before it is an untitled one.
    fn open_for_text(&mut self) {
        if self.separated && self.current().is_some() {
            self.separated = false;
            self.state = State::Body;
            // The story goes on past its signature: keep it where it was printed.
            if let Some(a) = self.current()
                && let Some(sig) = a.attribution.take()
            {
                a.blocks.push(Block::Paragraph(sig));
            }
            return;
        }
        if matches!(self.state, State::None | State::Closed) {
            self.start_article(Article::new(String::new()));
        }
    }
}

/// No text in the article's body yet but noise the scan left in its head:
/// what comes next may still belong to the head.
fn only_asides(a: &Article) -> bool {
    a.blocks.iter().all(|b| matches!(b, Block::Noise(_)))
}

/// An attribution closes its article when the article ends there: next
/// comes a headline, a page marker, a byline, a rule or the end of the text.
fn closes_article(next: Option<&Unit>) -> bool {
    next.is_none_or(|u| matches!(u.kind, Kind::Title | Kind::Marker | Kind::Byline | Kind::Separator))
}

/// How many title units from the first are rows of one table: four or more
/// short lines of the same shape (`东湖 21.3米`, `Smith 10.41`), with
/// figures in most of them or the same number of cells.
fn table_rows(run: &[Unit]) -> usize {
    if run.len() < 4 {
        return 0;
    }
    let cells = |t: &str| t.split_whitespace().count();
    let digits = |t: &str| t.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    let len = |t: &str| t.chars().count();
    let first = &run[0].text;
    let mut n = 0;
    for u in run {
        let t = &u.text;
        // Rows with figures go on while figures do; rows of words while
        // they have the same number of cells.
        let shaped = if digits(first) { digits(t) } else { !digits(t) && cells(t) == cells(first) && cells(t) >= 2 };
        let alike = shaped && len(t) * 2 >= len(first) && len(t) <= len(first) * 2 && len(t) <= 40;
        if !alike || u.gap > 1 {
            break;
        }
        n += 1;
    }
    let with_figures = run[..n].iter().filter(|u| digits(&u.text)).count();
    let same_cells = run[..n].iter().all(|u| cells(&u.text) == cells(first) && cells(first) >= 2);
    if n >= 4 && (with_figures * 4 >= n * 3 || same_cells) { n } else { 0 }
}

/// Lines that head a story though they read like a sentence: a short
/// line ending in `!`/`?` (`暖心!`, `谁来管管飞线充电？`), a short Latin line
/// ending in a full stop (`Postmistress at Lark.`), or an unpunctuated
/// line longer than a subhead ever is (up to 80 ideographs). They head a
/// story when a byline or a dateline paragraph follows, or when the file's
/// layout sets them as heads: after the blank lines that part articles,
/// or flush among indented paragraphs.
fn promote_titles(units: &mut [Unit], profile: &Profile) {
    let per_line = matches!(profile.shape, Shape::ParagraphPerLine | Shape::SentencePerLine);
    for k in 0..units.len().saturating_sub(1) {
        let u = &units[k];
        if u.kind != Kind::Body || u.lines.0 != u.lines.1 {
            continue;
        }
        let t = u.text.trim_end();
        let n = t.chars().count();
        let exclaimed = t.ends_with(['!', '?', '！', '？']) && !t.ends_with("?”") && n <= 40;
        let latin_stop = t.ends_with('.') && n <= 60 && t.is_ascii() && t.starts_with(|c: char| c.is_uppercase());
        let long_head = n <= 80 && !ends_sentence(t) && !t.ends_with(['，', '、', '：', '；', ',', ':', ';']);
        if !(exclaimed || latin_stop || long_head) {
            continue;
        }
        let next = &units[k + 1];
        let led = next.kind == Kind::Byline || next.kind == Kind::Body && dateline(&next.text).is_some();
        let placed = next.kind == Kind::Body
            && !latin_stop
            && (u.gap >= profile.article_gap && k > 0 || per_line && profile.indented && !u.indent && next.indent);
        if led || placed {
            units[k].kind = Kind::Title;
        }
    }
}
