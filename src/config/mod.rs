//! The config file: TOML merged over the built-in defaults, checked whole
//! before anything starts. Every error names the file, line and column.
//!
//! It sits above `app` and `ui` because it builds their inputs (settings,
//! keymap, theme) from text; nothing below it knows it exists.

use crate::app::{Action, Key, Keymap, MarkRead, Settings};
use crate::i18n::UiLanguage;
use crate::layout::{Ambiguous, AmbiguousWidth, LayoutOptions};
use crate::measure::Rates;
use crate::script::Script;
use crate::ui::Theme;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The documented example, embedded so tests can hold it to the defaults.
pub const EXAMPLE: &str = include_str!("../../config.example.toml");

/// Everything the config decides, ready to use.
#[derive(Debug, Clone)]
pub struct Config {
    /// Issue files and folders opened when no PATH is given.
    pub library: Vec<PathBuf>,
    /// Layout and pane settings for the reader.
    pub settings: Settings,
    /// How the width of ambiguous characters is found.
    pub ambiguous: AmbiguousWidth,
    /// The keymap: defaults with the file's `[keys]` merged over them.
    pub keymap: Keymap,
    /// The theme, before `NO_COLOR` or `--color` take colours away.
    pub theme: Theme,
    /// The pager for long output (`""`: none); `None`: the environment's, else the default.
    pub pager: Option<String>,
    /// Where the config was read from, when a file was read.
    pub path: Option<PathBuf>,
    /// Where and how `x` and `dubao export` write.
    pub export: ExportConfig,
}

/// Where and how exports are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportConfig {
    /// The folder exports go to; empty: the directory dubao was started in.
    pub dir: PathBuf,
    /// The format `x` writes.
    pub format: crate::export::Format,
}

/// A config that can't be used, located in its file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}{}: {message}", location(.line, .column))]
pub struct ConfigError {
    /// The config file.
    pub path: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column (in characters), when known.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
}

fn location(line: &Option<usize>, column: &Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!(":{l}:{c}"),
        (Some(l), None) => format!(":{l}"),
        _ => String::new(),
    }
}

/// The file as written: every section optional, unknown keys refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct File {
    /// Library paths.
    pub library: Vec<String>,
    /// The pager; unset, the environment's or the default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pager: Option<String>,
    /// The interface's language: `auto` (from the locale), `en`, `zh-Hans`, `zh-Hant`.
    pub ui_language: UiLanguage,
    /// `[layout]`
    pub layout: LayoutSection,
    /// `[reader]`
    pub reader: ReaderSection,
    /// `[display]`
    pub display: DisplaySection,
    /// `[export]`
    pub export: ExportSection,
    /// `[theme]`: part → style string, as the file writes it (where it
    /// writes it, for errors); the defaults are not merged in.
    #[serde(default)]
    pub theme: BTreeMap<Spanned<String>, String>,
    /// `[keys]`: action → key names, as the file writes them; the defaults
    /// are not merged in.
    #[serde(default)]
    pub keys: BTreeMap<Spanned<String>, Vec<String>>,
}

/// `[layout]`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LayoutSection {
    /// Widest text column in cells.
    #[serde(deserialize_with = "column_width")]
    pub max_width: u16,
    /// Indent the first line of Chinese paragraphs by two ideographic spaces.
    pub indent: bool,
    /// `auto`, `narrow` or `wide`.
    pub ambiguous_width: AmbiguousWidth,
    /// Show ASCII `,;:!?()` between Chinese characters full-width.
    pub fullwidth_punct: bool,
    /// Let closing punctuation hang into the right margin.
    pub hanging: bool,
}

/// `[reader]`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReaderSection {
    /// Width of the list pane, percent of the screen.
    #[serde(deserialize_with = "list_width")]
    pub list_width: u16,
    /// When an article counts as read.
    pub mark_read: MarkRead,
    /// Chinese characters read a minute.
    #[serde(deserialize_with = "reading_rate")]
    pub cjk_per_minute: u16,
    /// Words read a minute (Latin and other spaced scripts).
    #[serde(deserialize_with = "reading_rate")]
    pub words_per_minute: u16,
}

/// `[display]`
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DisplaySection {
    /// The script articles are shown in: `original`, `simplified`,
    /// `traditional`, `taiwan` or `hongkong`.
    pub script: Script,
}

/// `[export]`
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ExportSection {
    /// Folder `x` writes to; `~/` is home, relative is relative to the
    /// config file; `""` is the directory dubao was started in.
    pub dir: String,
    /// `markdown`, `epub` or `html`.
    pub format: crate::export::Format,
    /// The command `|` offers; `""`: the prompt starts empty.
    pub pipe_command: String,
}

impl Default for ExportSection {
    fn default() -> ExportSection {
        ExportSection { dir: String::new(), format: crate::export::Format::Markdown, pipe_command: String::new() }
    }
}

impl Default for File {
    /// The file that writes out every default (what `config.example.toml` shows).
    fn default() -> File {
        let keymap = Keymap::default();
        let keys = Action::BINDABLE
            .iter()
            .map(|a| (unspanned(a.name()), keymap.keys_for(a).iter().map(Key::to_string).collect()))
            .collect();
        let theme = crate::ui::theme::DEFAULTS.iter().map(|(k, v)| (unspanned(k), v.to_string())).collect();
        let (layout, reader) = (LayoutSection::default(), ReaderSection::default());
        let display = DisplaySection::default();
        let export = ExportSection::default();
        File {
            library: Vec::new(),
            pager: None,
            ui_language: UiLanguage::Auto,
            layout,
            reader,
            display,
            export,
            theme,
            keys,
        }
    }
}

impl Default for LayoutSection {
    fn default() -> LayoutSection {
        let o = LayoutOptions::default();
        LayoutSection {
            max_width: o.max_width,
            indent: o.indent,
            ambiguous_width: AmbiguousWidth::Auto,
            fullwidth_punct: o.fullwidth_punct,
            hanging: o.hanging,
        }
    }
}

impl Default for ReaderSection {
    fn default() -> ReaderSection {
        let s = Settings::default();
        ReaderSection {
            list_width: s.list_percent,
            mark_read: s.mark_read,
            cjk_per_minute: s.rates.cjk_per_minute as u16,
            words_per_minute: s.rates.words_per_minute as u16,
        }
    }
}

/// A name written nowhere (a default).
fn unspanned(name: &str) -> Spanned<String> {
    Spanned::new(0..0, name.to_string())
}

/// The widths `max_width` allows, and `dubao show --width` with it: at
/// fewer cells a Chinese character has no room beside the margins.
pub const COLUMN_WIDTHS: RangeInclusive<u16> = 20..=240;

/// The list pane widths `list_width` allows, in percent.
const LIST_WIDTHS: RangeInclusive<u16> = 15..=60;
/// Characters or words a minute a reading rate may be.
const READING_RATES: RangeInclusive<u16> = 20..=5000;

/// `v` when it lies in `range`, else why not (`must be between 20 and
/// 240, not 5`).
pub fn in_range(v: i64, range: &RangeInclusive<u16>) -> Result<u16, String> {
    match u16::try_from(v) {
        Ok(n) if range.contains(&n) => Ok(n),
        _ => Err(format!("must be between {} and {}, not {v}", range.start(), range.end())),
    }
}

fn ranged<'de, D: serde::Deserializer<'de>>(d: D, range: &RangeInclusive<u16>, what: &str) -> Result<u16, D::Error> {
    let v = i64::deserialize(d)?;
    in_range(v, range).map_err(|e| serde::de::Error::custom(format!("{what} {e}")))
}

fn column_width<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    ranged(d, &COLUMN_WIDTHS, "max_width")
}

fn reading_rate<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    ranged(d, &READING_RATES, "a reading rate")
}

fn list_width<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u16, D::Error> {
    ranged(d, &LIST_WIDTHS, "list_width")
}

/// The config file's usual place: `config.toml` in dubao's config directory
/// (`$XDG_CONFIG_HOME/dubao` on Linux, `~/Library/Application Support/dubao`
/// on macOS, `%LOCALAPPDATA%\dubao\config` on Windows).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "dubao").map(|d| d.config_local_dir().join("config.toml"))
}

/// Reads the config: the given file (which must exist), else the default
/// place (where a missing file means the defaults).
pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
    let (path, must_exist) = match explicit {
        Some(p) => (Some(p.to_path_buf()), true),
        None => (default_path(), false),
    };
    let Some(path) = path else { return build(File::default(), None, "") };
    let shown = path.display().to_string();
    match std::fs::read(&path) {
        Ok(bytes) => {
            let text = String::from_utf8(bytes).map_err(|e| ConfigError {
                path: shown.clone(),
                line: None,
                column: None,
                message: format!("not UTF-8 text (at byte {})", e.utf8_error().valid_up_to()),
            })?;
            let file = parse(&text, &shown)?;
            build(file, Some(path), &text)
        }
        Err(e)
            if matches!(e.kind(), std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory) && !must_exist =>
        {
            build(File::default(), None, "")
        }
        Err(e) => Err(ConfigError { path: shown, line: None, column: None, message: e.to_string() }),
    }
}

/// The config's `ui_language` alone, read before the rest (for `--help`
/// and for saying what is wrong with the rest): `auto` when the file is
/// missing, unreadable or broken; the rest of the file is not checked here.
pub fn ui_language(explicit: Option<&Path>) -> UiLanguage {
    let Some(text) =
        explicit.map(Path::to_path_buf).or_else(default_path).and_then(|p| std::fs::read_to_string(p).ok())
    else {
        return UiLanguage::Auto;
    };
    let table: toml::Table = toml::from_str(&text).unwrap_or_default();
    table.get("ui_language").and_then(|v| v.clone().try_into().ok()).unwrap_or_default()
}

/// Parses config text, locating errors in it.
pub fn parse(text: &str, path: &str) -> Result<File, ConfigError> {
    toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map(|s| line_col(text, s.start)).unzip();
        let key = line.and_then(|l| text.lines().nth(l - 1)?.split_once('=')).map(|(k, _)| k.trim());
        let message = plain_words(e.message().trim(), key);
        ConfigError { path: path.to_string(), line, column, message }
    })
}

/// serde's `invalid type: string "72", expected i64` in plain words, with
/// the key it is about: `max_width must be a number, not the text "72"`.
/// Other messages are kept.
fn plain_words(message: &str, key: Option<&str>) -> String {
    let Some((found, wanted)) = message.strip_prefix("invalid type: ").and_then(|m| m.split_once(", expected ")) else {
        return message.to_string();
    };
    let wanted = match wanted {
        w if w.starts_with(['i', 'u']) && w[1..].parse::<u8>().is_ok() => "a number",
        "a boolean" => "true or false",
        "a sequence" => "a list in [ ]",
        "a string" => "text in quotes",
        w => w,
    };
    let (kind, value) = found.split_once(' ').unwrap_or((found, ""));
    let value = value.trim_matches('`');
    let found = match kind {
        "string" => format!("the text {value}"),
        "integer" | "boolean" | "floating" => value.trim_start_matches("point ").trim_matches('`').to_string(),
        "sequence" => "a list".to_string(),
        "map" => "a table".to_string(),
        _ => found.to_string(),
    };
    match key {
        Some(k) if !k.is_empty() && !k.starts_with('[') => format!("{k} must be {wanted}, not {found}"),
        _ => format!("must be {wanted}, not {found}"),
    }
}

/// Turns a parsed file into settings, keymap and theme, checking action
/// names, key names and styles. The file's `[keys]` and `[theme]` entries
/// go over the defaults one by one: a table with one entry changes only
/// that entry.
fn build(file: File, path: Option<PathBuf>, text: &str) -> Result<Config, ConfigError> {
    let shown = path.as_ref().map(|p| p.display().to_string()).unwrap_or_default();
    let err = |at: &Spanned<String>, message: String| {
        let (line, column) = line_col(text, at.span().start);
        ConfigError { path: shown.clone(), line: Some(line), column: Some(column), message }
    };
    let keymap = keymap(&file.keys, &err)?;
    let specs: BTreeMap<String, String> = file.theme.iter().map(|(k, v)| (k.get_ref().clone(), v.clone())).collect();
    let theme = Theme::from_specs(&specs).map_err(|e| match file.theme.get_key_value(e.part.as_str()) {
        Some((at, _)) => err(at, e.to_string()),
        None => ConfigError { path: shown.clone(), line: None, column: None, message: e.to_string() },
    })?;
    let base = path.as_ref().and_then(|p| p.parent()).map(Path::to_path_buf).unwrap_or_default();
    let library = file.library.iter().map(|p| expand(p, &base)).collect();
    let l = &file.layout;
    let layout = LayoutOptions {
        max_width: l.max_width,
        indent: l.indent,
        ambiguous: Ambiguous::Narrow,
        fullwidth_punct: l.fullwidth_punct,
        hanging: l.hanging,
        script: file.display.script,
    };
    let ambiguous = l.ambiguous_width;
    let r = &file.reader;
    let rates = Rates { cjk_per_minute: r.cjk_per_minute.into(), words_per_minute: r.words_per_minute.into() };
    let script = file.display.script;
    let lang = file.ui_language.resolve(|k| std::env::var(k).ok());
    let pipe_command = file.export.pipe_command.clone();
    let settings =
        Settings { layout, list_percent: r.list_width, mark_read: r.mark_read, rates, script, lang, pipe_command };
    let e = &file.export;
    let dir = if e.dir.is_empty() { PathBuf::new() } else { expand(&e.dir, &base) };
    let export = ExportConfig { dir, format: e.format };
    Ok(Config { library, settings, ambiguous, keymap, theme, path, pager: file.pager, export })
}

/// The default keymap with the file's `[keys]` over it: a key the file
/// gives an action moves to it; two entries of the file claiming one key
/// is an error, as is an unknown action or key name.
fn keymap(
    written: &BTreeMap<Spanned<String>, Vec<String>>,
    err: &dyn Fn(&Spanned<String>, String) -> ConfigError,
) -> Result<Keymap, ConfigError> {
    let mut keymap = Keymap::default();
    let mut claimed: BTreeMap<Key, &str> = BTreeMap::new();
    for (name, names) in written {
        let action = Action::from_name(name.get_ref()).ok_or_else(|| {
            let all: Vec<&str> = Action::BINDABLE.iter().map(Action::name).collect();
            err(name, format!("unknown action `{}` (actions: {})", name.get_ref(), all.join(", ")))
        })?;
        let mut keys = Vec::new();
        for k in names {
            let key: Key = k.parse().map_err(|e: crate::app::keymap::BadKey| err(name, e.to_string()))?;
            if let Some(other) = claimed.insert(key, name.get_ref()) {
                return Err(err(name, format!("key `{k}` is bound to both `{other}` and `{}`", name.get_ref())));
            }
            keys.push(key);
        }
        if keymap.keys_for(&action) != keys {
            keymap.rebind(action, &keys);
        }
    }
    Ok(keymap)
}

/// `~/papers` → the home directory's `papers`; relative paths are relative
/// to the config file's directory.
fn expand(p: &str, base: &Path) -> PathBuf {
    let home = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
    match (p.strip_prefix("~/"), home) {
        (Some(rest), Some(h)) => h.join(rest),
        _ if p == "~" => directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf()).unwrap_or_default(),
        _ => base.join(p),
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(text: &str) -> ConfigError {
        match parse(text, "config.toml").and_then(|f| build(f, Some("config.toml".into()), text)) {
            Ok(_) => panic!("accepted:\n{text}"),
            Err(e) => e,
        }
    }

    #[test]
    fn the_example_is_the_defaults() {
        let file = parse(EXAMPLE, "config.example.toml").unwrap();
        assert_eq!(file, File::default());
        // Every key of the defaults is written out in the example.
        let written: toml::Table = EXAMPLE.parse().unwrap();
        let defaults = toml::Table::try_from(File::default()).unwrap();
        assert_eq!(keys_of(&written), keys_of(&defaults));
    }

    fn keys_of(t: &toml::Table) -> Vec<String> {
        let mut out = Vec::new();
        for (k, v) in t {
            match v {
                toml::Value::Table(inner) => out.extend(keys_of(inner).into_iter().map(|x| format!("{k}.{x}"))),
                _ => out.push(k.clone()),
            }
        }
        out.sort();
        out
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        let c = build(parse("", "c").unwrap(), None, "").unwrap();
        assert_eq!(c.keymap, Keymap::default());
        assert_eq!(c.theme, Theme::default());
        assert_eq!(c.settings, Settings::default());
        assert_eq!(c.ambiguous, AmbiguousWidth::Auto);
    }

    #[test]
    fn values_are_read() {
        let text = "library = [\"~/papers\", \"archive\"]\npager = \"most\"\n[layout]\nmax_width = 100\nambiguous_width = \"wide\"\nhanging = false\n[reader]\nmark_read = \"on_end\"\nlist_width = 40\ncjk_per_minute = 300\nwords_per_minute = 200\n[keys]\nbookmark = [\"b\", \"ctrl-b\"]\n[theme]\nheadline = \"bold #ff0000\"\n";
        let c = build(parse(text, "c").unwrap(), Some("/etc/dubao/config.toml".into()), text).unwrap();
        assert_eq!(c.settings.layout.max_width, 100);
        assert!(!c.settings.layout.hanging);
        assert_eq!(c.ambiguous, AmbiguousWidth::Wide);
        assert_eq!(c.settings.mark_read, MarkRead::OnEnd);
        assert_eq!(c.settings.list_percent, 40);
        assert_eq!(c.settings.rates, crate::measure::Rates { cjk_per_minute: 300, words_per_minute: 200 });
        assert_eq!(c.keymap.resolve(crate::app::Mode::Normal, Key::ctrl('b')), Some(Action::ToggleBookmark));
        assert_eq!(c.keymap.resolve(crate::app::Mode::Normal, Key::char('m')), None);
        assert_eq!(c.keymap.resolve(crate::app::Mode::Normal, Key::char('j')), Some(Action::Down), "others kept");
        assert_eq!(c.theme.headline.fg, Some(ratatui::style::Color::Rgb(255, 0, 0)));
        assert_eq!(c.library[1], PathBuf::from("/etc/dubao/archive"));
        assert!(c.library[0].ends_with("papers") && c.library[0].is_absolute());
        assert_eq!(c.pager.as_deref(), Some("most"));
        let taiwan = build(parse("[display]\nscript = \"taiwan\"\n", "c").unwrap(), None, "").unwrap();
        assert_eq!(taiwan.settings.layout.script, Script::Taiwan);
        let hk = build(parse("[display]\nscript = \"hongkong\"\n", "c").unwrap(), None, "").unwrap();
        assert_eq!(hk.settings.layout.script, Script::HongKong);
        assert_eq!(error("[display]\nscript = \"klingon\"\n").line, Some(2));
        let off = build(parse("pager = \"\"", "c").unwrap(), None, "").unwrap();
        assert_eq!(off.pager.as_deref(), Some(""), "an empty pager is kept: it turns paging off");
    }

    #[test]
    fn errors_say_where() {
        let e = error("[layout]\nmax_width = = 3\n");
        assert_eq!((e.line, e.column), (Some(2), Some(13)), "{e}");
        let e = error("[layout]\nmax_widht = 90\n");
        assert_eq!(e.line, Some(2), "{e}");
        assert!(e.message.contains("max_widht"), "{e}");
        let e = error("[layout]\nmax_width = 5\n");
        assert!(e.message.contains("between 20 and 240"), "{e}");
        assert_eq!(e.line, Some(2));
        let e = error("[layout]\nambiguous_width = \"huge\"\n");
        assert_eq!(e.line, Some(2), "{e}");
        let e = error("[reader]\nwords_per_minute = 0\n");
        assert!(e.message.contains("between 20 and 5000"), "{e}");
        let e = error("[reader]\nmark_read = \"sometimes\"\n");
        assert_eq!(e.line, Some(2), "{e}");
        let e = error("\n[keys]\nfrobnicate = [\"x\"]\n");
        assert_eq!((e.line, e.column), (Some(3), Some(1)), "{e}");
        assert!(e.message.contains("unknown action `frobnicate`"), "{e}");
        let e = error("[keys]\n  bookmark = [\"hyper-b\"]\n");
        assert_eq!((e.line, e.column), (Some(2), Some(3)), "{e}");
        assert!(e.message.contains("unknown key `hyper-b`"), "{e}");
        let e = error("[keys]\nbookmark = [\"x\"]\nquit = [\"x\"]\n");
        assert!(e.message.contains("bound to both"), "{e}");
        let e = error("[theme]\nheadline = \"bold puce\"\n");
        assert_eq!(e.line, Some(2), "{e}");
        assert!(e.message.contains("puce"), "{e}");
        let e = error("[theme]\nheadlne = \"bold\"\n");
        assert_eq!(e.line, Some(2), "{e}");
        assert_eq!(e.to_string().split(':').take(3).collect::<Vec<_>>(), ["config.toml", "2", "1"]);
    }

    #[test]
    fn a_named_file_must_exist_the_default_one_need_not() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("nope.toml");
        let e = load(Some(&missing)).unwrap_err();
        assert!(e.to_string().contains("nope.toml"));
        std::fs::write(dir.path().join("bad.toml"), [0xff, 0xfe, b'x']).unwrap();
        assert!(load(Some(&dir.path().join("bad.toml"))).unwrap_err().message.contains("UTF-8"));
    }
}
