//! Languages and bilingual text. This module depends on nothing else in the crate (only the
//! code `derive(Record)` generates names `crate::record`), so every module (errors included) can
//! use it without an import cycle.

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

/// A message in every supported language, chosen at render time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub en: String,
    pub zh: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }
}

/// Builds a [`Text`] from an English and a Chinese expression.
#[macro_export]
macro_rules! text {
    ($en:expr, $zh:expr $(,)?) => {
        $crate::lang::Text {
            en: ($en).into(),
            zh: ($zh).into(),
        }
    };
}

/// Formats the message in `lang` only: for texts made per item (a pre-check's reason for each
/// of 10,000 instances) and read in one language, where a [`Text`] would format both.
#[macro_export]
macro_rules! text_in {
    ($lang:expr, $en:expr, $zh:expr $(,)?) => {
        match $lang {
            $crate::lang::Lang::En => ::std::string::String::from($en),
            $crate::lang::Lang::Zh => ::std::string::String::from($zh),
        }
    };
}
