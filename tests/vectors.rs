//! The one Rust runner for the conformance vectors: every `tests/vectors/*.json` case goes
//! through one call table and is compared with its `expect` exactly. The Python suite
//! (`python/tests/test_vectors.py`) and the JS suite (`js/test/vectors.test.mjs`) run the same
//! files through the bindings and must agree.
//!
//! - A case whose `call` is not in the table fails; nothing is skipped silently. The one skip is
//!   a call compiled out of this build (`sign` without the `signing` feature), and it is counted
//!   and printed.
//! - A call family (core, wire, RAM, and later lifecycle or hostile input) is one module below
//!   with its own `CALLS` table, listed once in [`FAMILIES`]. Every call in the table must be
//!   exercised by at least one case.
//! - Blessing: `OPGATE_BLESS=<file-name prefix>` (e.g. `core_`, `core_validate`; `all` or `1`
//!   for every file) writes the current answer into the `expect` of each case in the matching
//!   files whose answer differs or is missing, and lists those cases; review them with `git diff`.
//!   Without it a missing `expect` fails. Blessing is refused when `CI` is set, so a CI run can
//!   never rewrite what it checks. The signing and `wire_build_sdk` vectors were recorded from the
//!   official SDKs (`tools/gen_wire_vectors.py`): never bless them from this implementation.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use opgate::params::IntBound;
use opgate::{Error, Lang, Options};
use serde::Serialize;
use serde_json::{json, Value};

/// Why a case produced no answer to compare.
enum Failure {
    /// The library refused: that is an answer, compared with `expect.error`.
    Library(Error),
    /// The case itself is unusable (an argument is missing or has the wrong JSON type).
    Vector(String),
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure::Library(error)
    }
}

type Answer = Result<Value, Failure>;

/// How a call is answered.
#[derive(Clone, Copy)]
enum Call {
    Run(fn(&Args) -> Answer),
    /// Not compiled into this build; the reason is printed with the number of cases skipped.
    #[cfg_attr(feature = "signing", allow(dead_code, reason = "only `sign` can be compiled out, by the signing feature"))]
    NotBuilt(&'static str),
}

/// Every call family the vectors may use. Adding a family is adding its module and a row here.
const FAMILIES: &[&[(&str, Call)]] = &[core::CALLS, wire::CALLS, ram::CALLS];

/// One case's `args`, with the language already read (it decides the language of errors).
struct Args<'a> {
    raw: &'a Value,
    lang: Lang,
}

impl<'a> Args<'a> {
    fn bad(name: &str, wanted: &str) -> Failure {
        Failure::Vector(format!("argument \"{name}\" must be {wanted}"))
    }

    /// A required argument of any JSON type (`null` included).
    fn value(&self, name: &str) -> Result<&'a Value, Failure> {
        self.raw.get(name).ok_or_else(|| Self::bad(name, "present"))
    }

    /// An optional argument; absent reads as `null`, as the bindings' defaults do.
    fn value_or_null(&self, name: &str) -> &'a Value {
        self.raw.get(name).unwrap_or(&Value::Null)
    }

    fn text(&self, name: &str) -> Result<&'a str, Failure> {
        self.value(name)?.as_str().ok_or_else(|| Self::bad(name, "a string"))
    }

    fn optional_text(&self, name: &str) -> Result<Option<&'a str>, Failure> {
        match self.value_or_null(name) {
            Value::Null => Ok(None),
            Value::String(text) => Ok(Some(text)),
            _ => Err(Self::bad(name, "a string or null")),
        }
    }

    fn list(&self, name: &str) -> Result<&'a [Value], Failure> {
        self.value(name)?.as_array().map(Vec::as_slice).ok_or_else(|| Self::bad(name, "an array"))
    }

    fn integer(&self, name: &str) -> Result<i64, Failure> {
        self.value(name)?.as_i64().ok_or_else(|| Self::bad(name, "an integer"))
    }

    /// The common options: `lang`, `now` (absent or null: no clock), `int_bounds`.
    fn options(&self) -> Result<Options, Failure> {
        let now = match self.value_or_null("now") {
            Value::Null => None,
            now => Some(now.as_i64().ok_or_else(|| Self::bad("now", "an integer or null"))?),
        };
        Ok(Options {
            lang: self.lang,
            now,
            int_bounds: IntBound::list_from_json(self.value_or_null("int_bounds"), "int_bounds")?,
        })
    }
}

/// A result as the vectors hold it.
fn to_json<T: Serialize>(result: T) -> Answer {
    serde_json::to_value(result).map_err(|error| Failure::Vector(format!("the result does not serialize: {error}")))
}

/// The core: catalog, validation, pre-checks, waiting (`core_*.json`).
mod core {
    use super::{to_json, Answer, Args, Call};
    use serde_json::Value;

    pub const CALLS: &[(&str, Call)] = &[
        ("operations", Call::Run(operations)),
        ("operation", Call::Run(operation)),
        ("validate", Call::Run(validate)),
        ("precheck", Call::Run(precheck)),
        ("check", Call::Run(check)),
        ("precheck_resources", Call::Run(precheck_resources)),
        ("wait_status", Call::Run(wait_status)),
    ];

    fn operations(args: &Args) -> Answer {
        args.options()?;
        Ok(Value::Array(opgate::operations().iter().map(|op| op.describe(args.lang)).collect()))
    }

    fn operation(args: &Args) -> Answer {
        args.options()?;
        Ok(opgate::operation(args.text("operation")?)?.describe(args.lang))
    }

    fn validate(args: &Args) -> Answer {
        let options = args.options()?;
        to_json(opgate::validate(args.text("operation")?, args.value("params")?, &options)?)
    }

    fn precheck(args: &Args) -> Answer {
        let options = args.options()?;
        to_json(opgate::precheck(
            args.text("operation")?,
            args.value("params")?,
            args.value("resources")?,
            &options,
        )?)
    }

    fn check(args: &Args) -> Answer {
        let options = args.options()?;
        to_json(opgate::check(
            args.text("operation")?,
            args.value("params")?,
            args.value("resources")?,
            &options,
        )?)
    }

    fn precheck_resources(args: &Args) -> Answer {
        let options = args.options()?;
        to_json(opgate::precheck_resources(args.text("operation")?, args.value("resources")?, &options)?)
    }

    fn wait_status(args: &Args) -> Answer {
        let options = args.options()?;
        to_json(opgate::wait_status(args.text("operation")?, args.text("status")?, &options)?)
    }
}

/// Endpoints, request building, signing, response parsing (`wire_*.json`).
mod wire {
    use super::{to_json, Answer, Args, Call, Failure};
    use opgate::wire::{self, BuildOptions};

    pub const CALLS: &[(&str, Call)] = &[
        ("build", Call::Run(build)),
        ("endpoint", Call::Run(endpoint)),
        ("parse_response", Call::Run(parse_response)),
        ("sign", SIGN),
    ];

    fn build(args: &Args) -> Answer {
        let options = BuildOptions {
            region: args.optional_text("region")?.map(str::to_owned),
            endpoint: args.optional_text("endpoint")?.map(str::to_owned),
            validation: args.options()?,
        };
        to_json(wire::build(args.text("operation")?, args.value("params")?, &options)?)
    }

    fn endpoint(args: &Args) -> Answer {
        let op = opgate::operation(args.text("operation")?)?;
        to_json(wire::resolve_endpoint(op, args.optional_text("region")?, args.optional_text("endpoint")?)?)
    }

    fn parse_response(args: &Args) -> Answer {
        let status =
            u16::try_from(args.integer("status")?).map_err(|_| Failure::Vector("argument \"status\" must be an HTTP status (0..=65535)".to_owned()))?;
        let headers = wire::header_pairs_from_json(args.value_or_null("headers").clone())?;
        let body = args.text("body")?;
        to_json(wire::parse_response(args.text("operation")?, status, &headers, body.as_bytes())?)
    }

    #[cfg(feature = "signing")]
    const SIGN: Call = Call::Run(sign);
    #[cfg(not(feature = "signing"))]
    const SIGN: Call = Call::NotBuilt("signing is compiled out (feature `signing` is off)");

    #[cfg(feature = "signing")]
    fn sign(args: &Args) -> Answer {
        use opgate::wire::{Credentials, HttpRequest, SignOptions, SignatureAlgorithm};

        let held = args.value("credentials")?;
        let field = |name: &str| held.get(name).and_then(serde_json::Value::as_str);
        let credentials = match (field("bearer_token"), field("security_token")) {
            (Some(token), _) => Credentials::bearer(token),
            (None, Some(token)) => Credentials::sts(
                field("access_key_id").unwrap_or_default(),
                field("access_key_secret").unwrap_or_default(),
                token,
            ),
            (None, None) => Credentials::access_key(field("access_key_id").unwrap_or_default(), field("access_key_secret").unwrap_or_default()),
        };
        let request: HttpRequest = serde_json::from_value(args.value("request")?.clone())
            .map_err(|error| Failure::Vector(format!("argument \"request\" is not an HttpRequest: {error}")))?;
        let algorithm = args.optional_text("algorithm")?.map(SignatureAlgorithm::parse).transpose()?;
        let options = SignOptions {
            algorithm,
            timestamp: args.integer("timestamp")?,
            nonce: args.text("nonce")?.to_owned(),
        };
        to_json(wire::sign(&request, &credentials, &options)?)
    }
}

/// RAM policies and authorization (`ram_*.json`).
mod ram {
    use super::{to_json, Answer, Args, Call};
    use opgate::ram;

    pub const CALLS: &[(&str, Call)] = &[
        ("ram_parse_policy", Call::Run(parse_policy)),
        ("ram_required_access", Call::Run(required_access)),
        ("ram_authorize", Call::Run(authorize)),
        ("ram_evaluate", Call::Run(evaluate)),
    ];

    fn parse_policy(args: &Args) -> Answer {
        to_json(ram::parse_policy(args.value("policy")?)?)
    }

    fn required_access(args: &Args) -> Answer {
        to_json(ram::required_access(
            args.text("operation")?,
            args.value("params")?,
            args.text("region")?,
            args.text("account_id")?,
        )?)
    }

    fn authorize(args: &Args) -> Answer {
        to_json(ram::authorize(
            args.text("operation")?,
            args.value("params")?,
            args.text("region")?,
            args.text("account_id")?,
            args.list("policies")?,
            args.value_or_null("context"),
            args.lang,
        )?)
    }

    fn evaluate(args: &Args) -> Answer {
        to_json(ram::check_access(
            args.list("policies")?,
            args.text("action")?,
            args.text("resource")?,
            args.value_or_null("context"),
            args.lang,
        )?)
    }
}

fn call_table() -> BTreeMap<&'static str, Call> {
    FAMILIES.iter().flat_map(|family| family.iter().copied()).collect()
}

/// The answer to one case as the vectors hold it (`{"ok": ...}` or `{"error": <report>}`), or
/// why the case is malformed.
fn answer(run: fn(&Args) -> Answer, args: &Value) -> Result<Value, String> {
    let tag = match args.get("lang") {
        None => "en",
        Some(Value::String(tag)) => tag,
        Some(_) => return Err("argument \"lang\" must be a string".to_owned()),
    };
    // An unsupported language is itself an answer: an input error, told in English.
    let (lang, result) = match Lang::parse(tag) {
        Ok(lang) => (lang, run(&Args { raw: args, lang })),
        Err(error) => (Lang::En, Err(Failure::Library(error))),
    };
    match result {
        Ok(value) => Ok(json!({ "ok": value })),
        Err(Failure::Library(error)) => Ok(json!({ "error": error.render(lang) })),
        Err(Failure::Vector(problem)) => Err(problem),
    }
}

/// Which files `OPGATE_BLESS` lets the runner rewrite.
struct Bless(Option<String>);

impl Bless {
    fn from_env() -> Bless {
        let Some(prefix) = std::env::var("OPGATE_BLESS").ok().filter(|value| !value.is_empty()) else {
            return Bless(None);
        };
        let in_ci = std::env::var("CI").is_ok_and(|value| !value.is_empty() && value != "false" && value != "0");
        assert!(!in_ci, "OPGATE_BLESS is set while CI is set: a CI run never rewrites the vectors it checks");
        Bless(Some(if prefix == "all" || prefix == "1" { String::new() } else { prefix }))
    }

    fn covers(&self, file_name: &str) -> bool {
        self.0.as_deref().is_some_and(|prefix| file_name.starts_with(prefix))
    }
}

fn vector_files() -> Vec<PathBuf> {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let entries = std::fs::read_dir(&directory).unwrap_or_else(|error| panic!("cannot read {}: {error}", directory.display()));
    let mut files: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|extension| extension == "json"))
        .collect();
    files.sort();
    files
}

/// What the whole run saw.
#[derive(Default)]
struct Tally {
    ran: usize,
    skipped: BTreeMap<&'static str, usize>,
    blessed: Vec<String>,
    failures: Vec<String>,
    calls_seen: BTreeSet<String>,
}

fn run_file(path: &Path, calls: &BTreeMap<&'static str, Call>, bless: &Bless, tally: &mut Tally) {
    let file_name = path.file_name().and_then(|name| name.to_str()).unwrap_or_default().to_owned();
    let mut fail = |message: String| tally.failures.push(format!("{file_name}: {message}"));
    let mut suite: Value = match std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()))
    {
        Ok(suite) => suite,
        Err(error) => return fail(format!("not a readable JSON file: {error}")),
    };
    let Some(cases) = suite.get_mut("cases").and_then(Value::as_array_mut).filter(|cases| !cases.is_empty()) else {
        return fail("no \"cases\" array, or it is empty".to_owned());
    };
    let mut names = BTreeSet::new();
    let mut rewritten = false;
    for (index, case) in cases.iter_mut().enumerate() {
        let name = case.get("name").and_then(Value::as_str).map_or_else(|| format!("case #{index}"), str::to_owned);
        let fail_case = |tally: &mut Tally, message: String| tally.failures.push(format!("{file_name} / {name}: {message}"));
        if !names.insert(name.clone()) {
            fail_case(tally, "the name is used twice in this file".to_owned());
        }
        let Some(call_name) = case.get("call").and_then(Value::as_str) else {
            fail_case(tally, "no \"call\"".to_owned());
            continue;
        };
        let Some(&call) = calls.get(call_name) else {
            let known: Vec<&str> = calls.keys().copied().collect();
            fail_case(tally, format!("unknown call \"{call_name}\"; the runner knows {}", known.join(", ")));
            continue;
        };
        tally.calls_seen.insert(call_name.to_owned());
        let run = match call {
            Call::Run(run) => run,
            Call::NotBuilt(reason) => {
                *tally.skipped.entry(reason).or_default() += 1;
                continue;
            }
        };
        let got = match answer(run, case.get("args").unwrap_or(&Value::Null)) {
            Ok(got) => got,
            Err(problem) => {
                fail_case(tally, format!("the case is malformed: {problem}"));
                continue;
            }
        };
        tally.ran += 1;
        match case.get("expect") {
            Some(expected) if *expected == got => {}
            _ if bless.covers(&file_name) => {
                if let Some(object) = case.as_object_mut() {
                    object.insert("expect".to_owned(), got);
                    tally.blessed.push(format!("{file_name} / {name}"));
                    rewritten = true;
                }
            }
            Some(expected) => fail_case(tally, format!("\n  expected {expected}\n  got      {got}")),
            None => fail_case(tally, format!("no \"expect\" (bless with OPGATE_BLESS={file_name}); got {got}")),
        }
    }
    if rewritten {
        let written = serde_json::to_string_pretty(&suite)
            .map_err(|error| error.to_string())
            .and_then(|text| std::fs::write(path, text + "\n").map_err(|error| error.to_string()));
        if let Err(error) = written {
            tally.failures.push(format!("{file_name}: cannot write the blessed answers: {error}"));
        }
    }
}

#[test]
fn every_vector_case_answers_as_expected() {
    let calls = call_table();
    let bless = Bless::from_env();
    let files = vector_files();
    assert!(!files.is_empty(), "no tests/vectors/*.json files");
    let mut tally = Tally::default();
    for file in &files {
        run_file(file, &calls, &bless, &mut tally);
    }
    for (name, call) in &calls {
        if matches!(call, Call::Run(_)) && !tally.calls_seen.contains(*name) {
            tally
                .failures
                .push(format!("the call \"{name}\" is in the runner's table but no vector uses it"));
        }
    }
    for (reason, count) in &tally.skipped {
        eprintln!("skipped {count} case(s): {reason}");
    }
    if !tally.blessed.is_empty() {
        eprintln!(
            "blessed {} case(s); review them with git diff:\n  {}",
            tally.blessed.len(),
            tally.blessed.join("\n  ")
        );
    }
    assert!(
        tally.failures.is_empty(),
        "{} problem(s) in {} vector case(s) run from {} file(s):\n{}",
        tally.failures.len(),
        tally.ran,
        files.len(),
        tally.failures.join("\n")
    );
}

#[test]
fn call_names_are_unique_across_families() {
    let mut seen = BTreeSet::new();
    for (name, _) in FAMILIES.iter().flat_map(|family| family.iter()) {
        assert!(seen.insert(*name), "the call \"{name}\" is in two families");
    }
}
