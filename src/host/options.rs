//! How each call's options are read from the host: one table of option names (snake_case for
//! Python keyword arguments, camelCase for the JS options object), one reader, one error per way
//! an option can be wrong.

use serde_json::Value;

use crate::codes::ClientCode;
use crate::error::{clip, Error, ErrorDetail};
use crate::host::errors::{Arg, Expected, HostError};
use crate::host::read::{expected, Reader};
use crate::host::value::{HostKind, HostValue, Kind};
use crate::lang::Lang;
use crate::params::{IntBound, Options};

/// Every option any call takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opt {
    Lang,
    Now,
    IntBounds,
    Region,
    Endpoint,
    AccountId,
    Context,
    Algorithm,
    Timestamp,
    Nonce,
    /// ClientToken scope (`client_token`, `plan`).
    Scope,
    /// An HTTP status given as an option (`classify`).
    Status,
    /// The parameters a failed call sent (`retry_advice`).
    Params,
    /// Which retry this is (`retry_advice`).
    Attempt,
    /// Describe items read before the call (`waiter_new`).
    Before,
    /// Seed of a waiter's jitter (`waiter_new`).
    Seed,
}

impl Opt {
    pub const fn arg(self) -> Arg {
        match self {
            Opt::Lang => Arg::new("lang", "lang", ClientCode::InvalidParameterLang),
            Opt::Now => Arg::new("now", "now", ClientCode::InvalidParameterNow),
            Opt::IntBounds => Arg::new("int_bounds", "intBounds", ClientCode::InvalidParameterIntBounds),
            Opt::Region => Arg::new("region", "region", ClientCode::InvalidParameterRegion),
            Opt::Endpoint => Arg::new("endpoint", "endpoint", ClientCode::InvalidParameterEndpoint),
            Opt::AccountId => Arg::new("account_id", "accountId", ClientCode::InvalidParameterAccountId),
            Opt::Context => Arg::new("context", "context", ClientCode::InvalidParameterContext),
            Opt::Algorithm => Arg::new("algorithm", "algorithm", ClientCode::InvalidParameterAlgorithm),
            Opt::Timestamp => Arg::new("timestamp", "timestamp", ClientCode::InvalidParameterTimestamp),
            Opt::Nonce => Arg::new("nonce", "nonce", ClientCode::InvalidParameterNonce),
            Opt::Scope => Arg::new("scope", "scope", ClientCode::InvalidParameterScope),
            Opt::Status => Arg::new("status", "status", ClientCode::InvalidParameterStatus),
            Opt::Params => Arg {
                bare_paths: true,
                ..Arg::new("params", "params", ClientCode::InvalidParameter)
            },
            Opt::Attempt => Arg::new("attempt", "attempt", ClientCode::InvalidParameterAttempt),
            Opt::Before => Arg::new("before", "before", ClientCode::InvalidParameter),
            Opt::Seed => Arg::new("seed", "seed", ClientCode::InvalidParameterSeed),
        }
    }

    pub fn name(self, host: HostKind) -> &'static str {
        self.arg().name(host)
    }
}

/// The options of one call, as the host passes them.
pub enum OptionsIn<'a, H> {
    /// One options object (JS), or `undefined`/`null` for none. Unknown names are refused, so a
    /// typo cannot be ignored silently.
    Object(Option<&'a H>),
    /// Keyword arguments by their snake_case name (Python); `None` when not given or `None`.
    /// The host's own signature refuses unknown names.
    Named(&'a [(Opt, Option<H>)]),
}

/// A call's failure, with the language its message is to be rendered in: the requested one
/// once `lang` has been read, English before.
#[derive(Debug, Clone, PartialEq)]
pub struct Failed {
    pub error: Error,
    pub lang: Lang,
}

/// Reads the options of one call.
pub struct OptionReader<'a, H> {
    source: OptionsIn<'a, H>,
    allowed: &'a [Opt],
    pub lang: Lang,
}

impl<'a, H: HostValue> OptionReader<'a, H> {
    /// Checks the option names, then reads `lang` first so later errors are in it.
    pub fn new(reader: &mut Reader, source: OptionsIn<'a, H>, allowed: &'a [Opt]) -> Result<Self, Failed> {
        let mut options = OptionReader {
            source,
            allowed,
            lang: Lang::En,
        };
        // `lang` first, so that even an unknown option name is reported in the language asked for.
        let english = |error| Failed { error, lang: Lang::En };
        let given_lang = match &options.source {
            OptionsIn::Object(Some(object)) if matches!(object.kind(), Ok(Kind::Map)) => {
                options.value(Opt::Lang).map_err(english)?
            }
            OptionsIn::Named(_) => options.value(Opt::Lang).map_err(english)?,
            OptionsIn::Object(_) => None,
        };
        if let Some(tag) = given_lang {
            // Read in place: every call reads `lang`, and a copy of "en" is a waste.
            let read = match reader.kind(&tag) {
                Ok(Kind::Str(text)) => Ok(Lang::parse(&text).map_err(english)?),
                Ok(other) => Err(expected(Expected::String, &other)),
                Err(error) => Err(error),
            };
            options.lang = read.map_err(|e| english(e.into_error(&Opt::Lang.arg(), H::HOST)))?;
        }
        let lang = options.lang;
        options.check_names(reader).map_err(|error| Failed { error, lang })?;
        Ok(options)
    }

    fn check_names(&self, reader: &mut Reader) -> Result<(), Error> {
        let OptionsIn::Object(Some(object)) = self.source else {
            return Ok(());
        };
        let whole = Arg::new("options", "options", ClientCode::InvalidParameterOptions);
        match reader.kind(object).map_err(|e| e.into_error(&whole, H::HOST))? {
            Kind::Null => return Ok(()),
            Kind::Map => {}
            other => {
                return Err(expected(Expected::Map, &other).into_error(&whole, H::HOST));
            }
        }
        let allowed = self.allowed;
        object.for_each_entry(
            |name, _| {
                if allowed.iter().any(|opt| opt.name(H::HOST) == name) {
                    Ok(())
                } else {
                    Err(unknown_option(name, allowed, H::HOST))
                }
            },
            |problem, key| {
                let error = HostError::from(problem);
                let error = match key {
                    Some(key) => error.at_key(key),
                    None => error,
                };
                error.into_error(&whole, H::HOST)
            },
        )
    }

    /// The raw host value of an option, `None` when not given (or null/undefined).
    fn value(&self, opt: Opt) -> Result<Option<H>, Error> {
        match &self.source {
            OptionsIn::Object(None) => Ok(None),
            OptionsIn::Object(Some(object)) => {
                let arg = opt.arg();
                let found = object
                    .field(arg.name(H::HOST))
                    .map_err(|p| HostError::from(p).into_error(&arg, H::HOST))?;
                Ok(found.filter(|value| !value.is_null()))
            }
            OptionsIn::Named(pairs) => Ok(pairs
                .iter()
                .find(|(name, _)| *name == opt)
                .and_then(|(_, value)| value.as_ref())
                .filter(|value| !value.is_null())
                .cloned()),
        }
    }

    pub fn fail(&self, error: Error) -> Failed {
        Failed { error, lang: self.lang }
    }

    fn host_error(&self, opt: Opt, error: HostError) -> Failed {
        self.fail(error.into_error(&opt.arg(), H::HOST))
    }

    /// An optional string option.
    pub fn string(&self, reader: &mut Reader, opt: Opt) -> Result<Option<String>, Failed> {
        match self.value(opt).map_err(|e| self.fail(e))? {
            None => Ok(None),
            Some(value) => reader.string(&value).map(Some).map_err(|e| self.host_error(opt, e)),
        }
    }

    /// An optional integer option.
    pub fn integer(&self, reader: &mut Reader, opt: Opt) -> Result<Option<i64>, Failed> {
        match self.value(opt).map_err(|e| self.fail(e))? {
            None => Ok(None),
            Some(value) => reader.integer(&value).map(Some).map_err(|e| self.host_error(opt, e)),
        }
    }

    /// An option read whole as JSON (`context`).
    pub fn json(&self, reader: &mut Reader, opt: Opt) -> Result<Value, Failed> {
        match self.value(opt).map_err(|e| self.fail(e))? {
            None => Ok(Value::Null),
            Some(value) => reader.json(&value).map_err(|e| self.host_error(opt, e)),
        }
    }

    /// An option holding Describe items, read by projection for `spec` (`before`).
    pub fn resources(
        &self,
        reader: &mut Reader,
        opt: Opt,
        spec: &crate::spec::OperationSpec,
    ) -> Result<Option<Value>, Failed> {
        match self.value(opt).map_err(|e| self.fail(e))? {
            None => Ok(None),
            Some(value) => reader
                .resources(spec, &value)
                .map(Some)
                .map_err(|refusal| match refusal {
                    crate::host::projection::Refusal::Host(error) => self.host_error(opt, error),
                    crate::host::projection::Refusal::Engine(error) => self.fail(error),
                }),
        }
    }

    /// `lang`, `now` and `int_bounds`: what validation and pre-checks take.
    pub fn core(&self, reader: &mut Reader) -> Result<Options, Failed> {
        let now = self.integer(reader, Opt::Now)?;
        let int_bounds = match self.value(Opt::IntBounds).map_err(|e| self.fail(e))? {
            None => Vec::new(),
            Some(value) => {
                let bounds = reader.json(&value).map_err(|e| self.host_error(Opt::IntBounds, e))?;
                IntBound::list_from_json(&bounds, Opt::IntBounds.name(H::HOST)).map_err(|e| self.fail(e))?
            }
        };
        Ok(Options {
            lang: self.lang,
            now,
            int_bounds,
        })
    }
}

fn unknown_option(name: &str, allowed: &[Opt], host: HostKind) -> Error {
    let shown = clip(name);
    let names: Vec<&str> = crate::lists::map_items(allowed, |opt| opt.name(host));
    Error::Input(ErrorDetail::client(
        ClientCode::InvalidParameterOptions,
        crate::messages::host::unknown_option(&shown, &names),
        Some(format!("options.{shown}")),
    ))
}
