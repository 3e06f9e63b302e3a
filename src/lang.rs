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
