//! Languages and bilingual text. This module depends on nothing else in the crate (only the
//! code `derive(Record)` generates names `crate::record`), so every module (errors included) can
//! use it without an import cycle.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// Language of human-readable messages; codes never change with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, opgate_derive::Record)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// The language for a tag, if it is supported. [`Lang::parse`] (in `error.rs`, beside the
    /// error it raises) is the same with an `InvalidParameter.Lang` error for an unknown tag.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
}

/// A message in every supported language, chosen at render time. Specs hold fixed ones
/// ([`Text::new`], borrowed from the binary); messages made at run time own theirs ([`text!`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub en: Cow<'static, str>,
    pub zh: Cow<'static, str>,
}

impl Text {
    /// A fixed text, as specs and the error catalogue hold it.
    pub const fn new(en: &'static str, zh: &'static str) -> Text {
        Text {
            en: Cow::Borrowed(en),
            zh: Cow::Borrowed(zh),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// The text in one language from an English and a Chinese expression, evaluating only the one
/// asked for: for wording made per item, where the other language would be formatted for
/// nothing.
#[macro_export]
macro_rules! text_in {
    ($lang:expr, $en:expr, $zh:expr $(,)?) => {
        match $lang {
            $crate::lang::Lang::En => ::std::string::String::from($en),
            $crate::lang::Lang::Zh => ::std::string::String::from($zh),
        }
    };
}

/// Builds a [`Text`] from an English and a Chinese expression.
#[macro_export]
macro_rules! text {
    ($en:expr, $zh:expr $(,)?) => {
        $crate::lang::Text {
            en: ::std::borrow::Cow::<'static, str>::from($en),
            zh: ::std::borrow::Cow::<'static, str>::from($zh),
        }
    };
}

/// `parts` joined by `separator`, as `[S]::join` joins them. core's joiner is a kilobyte of
/// WebAssembly for each element type (`&str`, `String`); this one is a fifth of that.
pub fn join<S: AsRef<str>>(parts: &[S], separator: &str) -> String {
    let length =
        parts.iter().map(|part| part.as_ref().len()).sum::<usize>() + separator.len() * parts.len().saturating_sub(1);
    let mut out = String::with_capacity(length);
    for (index, part) in parts.iter().enumerate() {
        if index > 0 {
            out.push_str(separator);
        }
        out.push_str(part.as_ref());
    }
    out
}

// Substring search. core's (`str::find` and friends with a `&str` pattern: the Two-Way
// algorithm) is 3.5 KB of WebAssembly; every needle here is a short constant, for which a scan
// for the first byte and a comparison is as fast. A match of a UTF-8 needle in UTF-8 text always
// starts on a character boundary, so the byte offsets are valid string indices.

/// The byte offset of the first `needle` in `haystack`, as `str::find` gives it.
pub fn find(haystack: &str, needle: &str) -> Option<usize> {
    let (text, pattern) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = pattern.first() else {
        return Some(0);
    };
    let mut from = 0;
    while let Some(offset) = text.get(from..)?.iter().position(|&byte| byte == first) {
        let start = from + offset;
        if text.get(start..start + pattern.len())? == pattern {
            return Some(start);
        }
        from = start + 1;
    }
    None
}

/// The byte offset of the last `needle` in `haystack`, as `str::rfind` gives it.
pub fn rfind(haystack: &str, needle: &str) -> Option<usize> {
    let (text, pattern) = (haystack.as_bytes(), needle.as_bytes());
    let Some(&first) = pattern.first() else {
        return Some(text.len());
    };
    let mut end = text.len();
    while let Some(start) = text.get(..end)?.iter().rposition(|&byte| byte == first) {
        if text.get(start..start + pattern.len()) == Some(pattern) {
            return Some(start);
        }
        end = start;
    }
    None
}

/// Whether `needle` occurs in `haystack`.
pub fn contains(haystack: &str, needle: &str) -> bool {
    find(haystack, needle).is_some()
}

/// `text` with every `from` replaced by `to`, as `str::replace` gives it (`from` not empty).
pub fn replace(text: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = find(rest, from).filter(|_| !from.is_empty()) {
        out.push_str(rest.get(..at).unwrap_or_default());
        out.push_str(to);
        rest = rest.get(at + from.len()..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_and_replace_agree_with_std() {
        let texts = [
            "",
            "a",
            "aaa",
            "abcabc",
            "x{region}y{region}",
            "é杭\u{E000}é\u{E000}",
            "]]>]]",
            "ab",
        ];
        let needles = [
            "", "a", "aa", "abc", "{region}", "\u{E000}", "]]>", "é", "杭", "zz", "abcabcd",
        ];
        for text in texts {
            for needle in needles {
                assert_eq!(find(text, needle), text.find(needle), "find {needle:?} in {text:?}");
                assert_eq!(rfind(text, needle), text.rfind(needle), "rfind {needle:?} in {text:?}");
                assert_eq!(contains(text, needle), text.contains(needle));
                if !needle.is_empty() {
                    assert_eq!(replace(text, needle, "<>"), text.replace(needle, "<>"));
                }
            }
        }
        for parts in [&[][..], &["a"], &["a", "", "b"]] {
            assert_eq!(join(parts, ", "), parts.join(", "));
        }
    }
}
