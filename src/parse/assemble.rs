//! Units → sections and articles: where a story starts, which short lines
//! are its headline and decks, which are subheads, and what closes it.

use super::classify::{
    attribution, byline_after_dateline, dateline, is_all_caps, is_byline, is_deck_marked, is_enumerated,
};
use super::text::{ends_sentence, join_into};
use super::units::{Kind, Profile, Unit};
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

/// Builds the sections of an issue from heuristic units and explicit markup.
pub struct Assembler {
    sections: Vec<Section>,
    state: State,
    profile: Profile,
}

impl Assembler {
    /// An empty issue body.
    pub fn new(profile: Profile) -> Assembler {
        Assembler { sections: Vec::new(), state: State::None, profile }
    }

    /// The sections built so far.
    pub fn finish(self) -> Vec<Section> {
        self.sections
    }

    /// Starts a section named by its marker.
    pub fn start_section(&mut self, name: &str) {
        self.sections.push(Section { name: name.trim().to_string(), articles: Vec::new() });
        self.state = State::None;
    }

    /// Adds an article given explicitly (markup); heuristics never touch it.
    pub fn push_explicit(&mut self, article: Article) {
        self.start_article(article);
        self.state = State::Closed;
    }

    fn start_article(&mut self, article: Article) {
        if self.sections.is_empty() {
            self.start_section("");
        }
        if let Some(section) = self.sections.last_mut() {
            section.articles.push(article);
        }
        self.state = State::Header;
    }

    fn current(&mut self) -> Option<&mut Article> {
        self.sections.last_mut()?.articles.last_mut()
    }

    /// Feeds the units of a stretch of plain text.
    pub fn feed(&mut self, mut units: Vec<Unit>) {
        promote_exclaimed_titles(&mut units);
        let mut i = 0;
        while i < units.len() {
            let unit = &units[i];
            match unit.kind {
                Kind::Marker => {
                    self.start_section(&unit.text);
                    i += 1;
                }
                Kind::Title => {
                    let end = i + units[i..].iter().take_while(|u| u.kind == Kind::Title).count();
                    self.titles(&units[i..end], units.get(end));
                    i = end;
                }
                Kind::Byline => {
                    self.byline(&unit.text);
                    i += 1;
                }
                Kind::Attribution
                    if self.state == State::Header && is_byline(attribution(&unit.text).unwrap_or("")) =>
                {
                    // `（本报记者 王五）` under a headline is its byline.
                    self.byline(&unit.text);
                    i += 1;
                }
                Kind::Attribution => {
                    if self.state == State::Body && closes_article(units.get(i + 1)) {
                        let text = attribution(&unit.text).unwrap_or(&unit.text).to_string();
                        if let Some(a) = self.current() {
                            a.attribution = Some(text);
                        }
                        self.state = State::Closed;
                    } else {
                        self.paragraph(std::mem::take(&mut units[i].text), false);
                    }
                    i += 1;
                }
                Kind::Credit => {
                    self.paragraph(std::mem::take(&mut units[i].text), true);
                    i += 1;
                }
                Kind::Body => {
                    self.paragraph(std::mem::take(&mut units[i].text), false);
                    i += 1;
                }
            }
        }
    }

    /// A run of short unpunctuated lines: a new article's headline and decks,
    /// decks of the article being headed, or subheads.
    fn titles(&mut self, run: &[Unit], next: Option<&Unit>) {
        let next_kind = next.map(|u| u.kind);
        let next_dated = next.is_some_and(|u| u.kind == Kind::Body && dateline(&u.text).is_some());
        let merged = self.merge_title_lines(run);
        let enumerated = is_enumerated(&run[0].text);
        let strong = next_kind == Some(Kind::Byline) || next_dated;
        let starts = match self.state {
            State::None | State::Closed => true,
            // A run right under a headline was taken in with it; here a
            // byline or caption came between, so the lines are subheads,
            // unless a second byline shows a second story.
            State::Header => next_kind == Some(Kind::Byline) && self.has_byline(),
            State::Body => strong || !enumerated && (merged.len() >= 2 || run[0].gap >= 2),
        };
        if starts {
            let mut lines = merged.into_iter();
            let mut article = Article::new(lines.next().unwrap_or_default());
            article.decks.extend(lines);
            self.start_article(article);
        } else {
            // Subheads head the text that follows; with none following, the
            // lines are plain paragraphs.
            let followed = matches!(next_kind, Some(Kind::Body | Kind::Credit));
            for line in merged {
                match (followed, self.current()) {
                    (true, Some(a)) => a.blocks.push(Block::Subhead(line)),
                    _ => self.paragraph(line, false),
                }
            }
        }
    }

    /// Title lines directly adjacent to each other are one headline broken
    /// over lines when the file otherwise separates everything by blank lines
    /// (or both are OCR'd capitals); decks marked with a dash stay apart.
    fn merge_title_lines(&self, run: &[Unit]) -> Vec<String> {
        let mut out: Vec<String> = Vec::with_capacity(run.len());
        for (k, unit) in run.iter().enumerate() {
            let adjacent = k > 0 && unit.gap == 0 && !is_deck_marked(&unit.text);
            let caps = k > 0 && is_all_caps(&unit.text) && is_all_caps(&run[k - 1].text);
            match out.last_mut() {
                Some(prev) if adjacent && (self.profile.blank_separated || caps) => join_into(prev, &unit.text),
                _ => out.push(unit.text.clone()),
            }
        }
        out
    }

    fn has_byline(&mut self) -> bool {
        self.current().is_some_and(|a| a.byline.is_some())
    }

    fn byline(&mut self, text: &str) {
        let headed = self.current().is_some_and(|a| a.blocks.is_empty());
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
            }
            State::None | State::Closed => {
                let mut article = Article::new(String::new());
                article.byline = Some(text.to_string());
                self.start_article(article);
            }
            _ => self.paragraph(text.to_string(), false),
        }
    }

    /// Adds a body paragraph; `aside` marks captions and credits, which
    /// don't count as the article's first paragraph.
    fn paragraph(&mut self, text: String, aside: bool) {
        if matches!(self.state, State::None | State::Closed) {
            self.start_article(Article::new(String::new()));
        }
        let first = self.state == State::Header && !aside;
        let Some(a) = self.current() else { return };
        if first && a.dateline.is_none() {
            a.dateline = dateline(&text).map(str::to_string);
            if a.byline.is_none() {
                a.byline = byline_after_dateline(&text).map(str::to_string);
            }
        }
        a.blocks.push(Block::Paragraph(text));
        if !aside {
            self.state = State::Body;
        }
    }
}

/// An attribution closes its article when the article ends there: next
/// comes a headline, a page marker, a byline or the end of the text.
fn closes_article(next: Option<&Unit>) -> bool {
    next.is_none_or(|u| matches!(u.kind, Kind::Title | Kind::Marker | Kind::Byline))
}

/// A headline may end in `!` or `?` (`暖心!`, `“双11”来了？`): a short such
/// line counts as a title when a byline or a dateline paragraph follows it.
fn promote_exclaimed_titles(units: &mut [Unit]) {
    for k in 0..units.len().saturating_sub(1) {
        let u = &units[k];
        let t = u.text.trim_end();
        let exclaimed = t.ends_with(['!', '?', '！', '？']) && !t.ends_with("?”") && t.chars().count() <= 30;
        if u.kind != Kind::Body || !exclaimed || !ends_sentence(t) {
            continue;
        }
        let next = &units[k + 1];
        if next.kind == Kind::Byline || next.kind == Kind::Body && dateline(&next.text).is_some() {
            units[k].kind = Kind::Title;
        }
    }
}
