use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorDetail};

/// Language of human-readable messages. Codes never change with the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    pub fn parse(tag: &str) -> Result<Lang, Error> {
        match tag {
            "en" => Ok(Lang::En),
            "zh" => Ok(Lang::Zh),
            other => Err(Error::Input(ErrorDetail::client(
                "InvalidParameter.Lang",
                crate::text!(
                    format!("The language \"{}\" is not supported; use \"en\" or \"zh\".", crate::error::clip(other)),
                    format!("不支持语言 \"{}\"，请使用 \"en\" 或 \"zh\"。", crate::error::clip(other))
                ),
                Some("lang".to_owned()),
            ))),
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
