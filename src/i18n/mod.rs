//! The interface's language: English, 简体中文 or 繁體中文. Every string the
//! reader and the commands say is a message of Project Fluent's `.ftl`
//! files beside this one, one file per language (`en.ftl`, `zh-Hans.ftl`,
//! `zh-Hant.ftl`), embedded in the binary. Fluent (`fluent-bundle`) because
//! its files are plain text a translator edits without Rust, its messages
//! take named arguments and choose plural forms by CLDR's rules (`1
//! match`, `2 matches`; Chinese has one form), and it is the format
//! Mozilla keeps. A test holds the three files to the same messages, and
//! every message the source asks for to the English file.
//!
//! Which language: `ui_language` in the config (`auto`, `en`, `zh-Hans`,
//! `zh-Hant`); on `auto` the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
//! that is set (`zh_CN`, `zh_SG` → 简体; `zh_TW`, `zh_HK`, `zh_MO` → 繁體;
//! anything else English).

pub mod problems;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::sync::OnceLock;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Simplified Chinese (简体中文).
    ZhHans,
    /// Traditional Chinese (繁體中文).
    ZhHant,
}

/// The config's `ui_language`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum UiLanguage {
    /// From the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    #[default]
    #[serde(rename = "auto")]
    Auto,
    /// English.
    #[serde(rename = "en")]
    En,
    /// 简体中文.
    #[serde(rename = "zh-Hans")]
    ZhHans,
    /// 繁體中文.
    #[serde(rename = "zh-Hant")]
    ZhHant,
}

impl UiLanguage {
    /// The language this setting means, asking `env` for the locale on `auto`.
    pub fn resolve(self, env: impl Fn(&str) -> Option<String>) -> Lang {
        match self {
            UiLanguage::En => Lang::En,
            UiLanguage::ZhHans => Lang::ZhHans,
            UiLanguage::ZhHant => Lang::ZhHant,
            UiLanguage::Auto => ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .find_map(|v| env(v).filter(|s| !s.is_empty()))
                .map_or(Lang::En, |l| from_locale(&l)),
        }
    }
}

/// The language of a POSIX locale name (`zh_TW.UTF-8`, `zh_CN`, `zh-Hant`).
pub fn from_locale(locale: &str) -> Lang {
    let name = locale.split(['.', '@']).next().unwrap_or("").replace('-', "_").to_ascii_lowercase();
    let mut parts = name.split('_');
    if parts.next() != Some("zh") {
        return Lang::En;
    }
    match parts.next() {
        Some("tw" | "hk" | "mo" | "hant") => Lang::ZhHant,
        _ => Lang::ZhHans,
    }
}

/// The messages of one language, embedded.
const FILES: [(Lang, &str, &str); 3] = [
    (Lang::En, "en", include_str!("en.ftl")),
    (Lang::ZhHans, "zh-Hans", include_str!("zh-Hans.ftl")),
    (Lang::ZhHant, "zh-Hant", include_str!("zh-Hant.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 3] = [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    let i = lang as usize;
    BUNDLES[i].get_or_init(|| {
        let (_, tag, text) = FILES[i];
        let id: unic_langid::LanguageIdentifier = tag.parse().unwrap_or_default();
        let mut b = FluentBundle::new_concurrent(vec![id]);
        // No Unicode isolation marks around arguments: a terminal shows them.
        b.set_use_isolating(false);
        let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
        let _ = b.add_resource(resource);
        b
    })
}

/// An argument of a message.
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    /// A number (chooses plural forms).
    N(i64),
    /// Text.
    S(Cow<'a, str>),
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::N(n as i64)
    }
}

impl From<u64> for Arg<'_> {
    fn from(n: u64) -> Self {
        Arg::N(n as i64)
    }
}

impl From<u16> for Arg<'_> {
    fn from(n: u16) -> Self {
        Arg::N(i64::from(n))
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::S(Cow::Borrowed(s))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::S(Cow::Owned(s))
    }
}

impl Lang {
    /// Every language.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::ZhHans, Lang::ZhHant];

    /// The message `id`; English where this language lacks it, the id
    /// itself where English does too.
    pub fn t(self, id: &str) -> String {
        self.f(id, &[])
    }

    /// The message `id` with its arguments (`$n`, `$what`, …).
    pub fn f(self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fargs = FluentArgs::new();
        for (k, v) in args {
            match v {
                Arg::N(n) => fargs.set(*k, FluentValue::from(*n)),
                Arg::S(s) => fargs.set(*k, FluentValue::from(s.as_ref())),
            }
        }
        for lang in [self, Lang::En] {
            let b = bundle(lang);
            if let Some(pattern) = b.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return b.format_pattern(pattern, Some(&fargs), &mut errors).into_owned();
            }
        }
        id.to_string()
    }

    /// The message `id` of this language alone, `None` where it lacks it
    /// (no English in its place).
    pub fn get(self, id: &str, args: &[(&str, Arg<'_>)]) -> Option<String> {
        bundle(self).get_message(id)?.value()?;
        Some(self.f(id, args))
    }

    /// The language of the interface for this setting of `ui_language`,
    /// the locale read from the process's environment.
    pub fn of(setting: UiLanguage) -> Lang {
        setting.resolve(|k| std::env::var(k).ok())
    }

    /// Why a read or write failed, for the kinds of I/O error dubao words
    /// itself (`disk full`, `read-only`, …); `None`: the system's words.
    pub fn io(self, kind: std::io::ErrorKind) -> Option<String> {
        use std::io::ErrorKind as K;
        let id = match kind {
            K::StorageFull => "err-disk-full",
            K::QuotaExceeded => "err-quota",
            K::ReadOnlyFilesystem => "err-read-only",
            K::PermissionDenied => "err-permission",
            K::NotFound => "err-not-found",
            K::NotADirectory => "err-not-a-directory",
            K::FileTooLarge => "err-too-large",
            _ => return None,
        };
        Some(self.t(id))
    }

    /// True for the Chinese interfaces (their key hints need no spaces).
    pub fn is_chinese(self) -> bool {
        self != Lang::En
    }
}

/// The message ids of each language's file, for the test that holds them equal.
pub fn message_ids(lang: Lang) -> Vec<String> {
    let text = FILES[lang as usize].2;
    let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(r, _)| r);
    let mut ids: Vec<String> = resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect();
    ids.sort();
    ids
}

/// Whether a file parses without errors.
pub fn parses(lang: Lang) -> Result<(), String> {
    FluentResource::try_new(FILES[lang as usize].2.to_string()).map(|_| ()).map_err(|(_, e)| format!("{e:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_choose_the_language() {
        assert_eq!(from_locale("zh_CN.UTF-8"), Lang::ZhHans);
        assert_eq!(from_locale("zh_SG"), Lang::ZhHans);
        assert_eq!(from_locale("zh_TW.UTF-8"), Lang::ZhHant);
        assert_eq!(from_locale("zh_HK.Big5"), Lang::ZhHant);
        assert_eq!(from_locale("zh_MO"), Lang::ZhHant);
        assert_eq!(from_locale("zh-Hant"), Lang::ZhHant);
        assert_eq!(from_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(from_locale("C.UTF-8"), Lang::En);
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |k: &str| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
        };
        assert_eq!(UiLanguage::Auto.resolve(env(&[("LANG", "zh_TW.UTF-8")])), Lang::ZhHant);
        assert_eq!(UiLanguage::Auto.resolve(env(&[("LANG", "zh_TW"), ("LC_MESSAGES", "zh_CN")])), Lang::ZhHans);
        assert_eq!(UiLanguage::Auto.resolve(env(&[("LC_ALL", "C"), ("LANG", "zh_CN")])), Lang::En, "LC_ALL first");
        assert_eq!(UiLanguage::Auto.resolve(env(&[("LC_ALL", ""), ("LANG", "zh_CN")])), Lang::ZhHans, "empty is unset");
        assert_eq!(UiLanguage::ZhHant.resolve(env(&[("LANG", "en_US")])), Lang::ZhHant);
    }

    #[test]
    fn messages_take_arguments_and_plurals() {
        assert_eq!(Lang::En.f("search-count", &[("n", 1usize.into())]), "1 match");
        assert_eq!(Lang::En.f("search-count", &[("n", 3usize.into())]), "3 matches");
        assert_eq!(Lang::ZhHans.f("search-count", &[("n", 3usize.into())]), "3 处匹配");
        assert_eq!(Lang::ZhHant.t("hint-quit"), "離開");
        assert_eq!(Lang::ZhHans.t("no-such-message"), "no-such-message");
    }
}
