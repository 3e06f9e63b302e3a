//! The one Rust runner for the conformance vectors: every `tests/vectors/*.json` case goes
//! through one call table and is compared with its `expect` exactly. Each call goes through the
//! host contract (`opgate::host::calls`) with JSON as the host: the layer the Python and JS
//! bindings call, so all three languages read their arguments through one mechanism. The Python
//! suite (`python/tests/test_vectors.py`) and the JS suite (`js/test/vectors.test.mjs`) run the
//! same files through the bindings and must agree.
//!
//! - A case whose `call` is not in the table fails; nothing is skipped silently. The one skip is
//!   a call compiled out of this build (`sign` without the `signing` feature), and it is counted
//!   and printed.
//! - A call family (core, wire, RAM, and later lifecycle or hostile input) is one module below
//!   with its own `CALLS` table, listed once in [`FAMILIES`]. Every call in the table must be
//!   exercised by at least one case.
//! - Hostile inputs (`hostile.json`, `tests/vectors/README.md`): a case with `max_work` has its
//!   recipes expanded (`support/hostile.rs`) before the call, and the core must count at most
//!   that many steps for it (`opgate::work`); work is counted, never timed.
//! - Blessing: `OPGATE_BLESS=<file-name prefix>` (e.g. `core_`, `core_validate`; `all` or `1`
//!   for every file) writes the current answer into the `expect` of each case in the matching
//!   files whose answer differs or is missing, and lists those cases; review them with `git diff`.
//!   Without it a missing `expect` fails. Blessing is refused when `CI` is set, so a CI run can
//!   never rewrite what it checks. The signing and `wire_build_sdk` vectors were recorded from the
//!   official SDKs (`tools/gen_wire_vectors.py`): never bless them from this implementation.

#[path = "support/hostile.rs"]
mod hostile;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use opgate::host::{calls, Failed, HostKind, Opt, OptionsIn};
use serde::Serialize;
use serde_json::{json, Value};

/// How a call is answered: `{"ok": <result>}` or `{"error": <report>}`.
#[derive(Clone, Copy)]
enum Call {
    Run(fn(&Value) -> Value),
    /// Not compiled into this build; the reason is printed with the number of cases skipped.
    #[cfg_attr(
        feature = "signing",
        allow(dead_code, reason = "only `sign` can be compiled out, by the signing feature")
    )]
    NotBuilt(&'static str),
}

/// Every call family the vectors may use. Adding a family is adding its module and a row here.
const FAMILIES: &[&[(&str, Call)]] = &[core::CALLS, wire::CALLS, ram::CALLS, lifecycle::CALLS];

/// Every option, read from the case's `args` by its Python (snake_case) name.
const OPTIONS: &[Opt] = &[
    Opt::Lang,
    Opt::Now,
    Opt::IntBounds,
    Opt::Region,
    Opt::Endpoint,
    Opt::AccountId,
    Opt::Context,
    Opt::Algorithm,
    Opt::Timestamp,
    Opt::Nonce,
    Opt::Scope,
    Opt::Status,
    Opt::Params,
    Opt::Attempt,
    Opt::Before,
    Opt::Seed,
];

/// A case's arguments as the host contract takes them.
struct Args<'a> {
    raw: &'a Value,
    options: Vec<(Opt, Option<&'a Value>)>,
}

impl<'a> Args<'a> {
    fn new(raw: &'a Value) -> Self {
        let options = OPTIONS
            .iter()
            .map(|opt| (*opt, raw.get(opt.name(HostKind::Json))))
            .collect();
        Args { raw, options }
    }

    /// An argument; absent reads as `null`, as a binding passes a missing one.
    fn get(&self, name: &str) -> &'a Value {
        self.raw.get(name).unwrap_or(&Value::Null)
    }

    fn options(&self) -> OptionsIn<'_, &'a Value> {
        OptionsIn::Named(&self.options)
    }
}

/// A result or a rendered error, as the vectors hold it.
fn answer<T: Serialize>(result: Result<T, Failed>) -> Value {
    match result {
        Ok(value) => match serde_json::to_value(value) {
            Ok(value) => json!({ "ok": value }),
            Err(error) => json!({ "unserializable": error.to_string() }),
        },
        Err(failed) => json!({ "error": failed.error.render(failed.lang) }),
    }
}

/// The core: catalog, validation, pre-checks, waiting (`core_*.json`).
mod core {
    use super::{answer, calls, Args, Call};
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

    fn operations(raw: &Value) -> Value {
        let args = Args::new(raw);
        answer(calls::operations(args.options()))
    }

    fn operation(raw: &Value) -> Value {
        let args = Args::new(raw);
        answer(calls::operation(&args.get("operation"), args.options()))
    }

    fn validate(raw: &Value) -> Value {
        let args = Args::new(raw);
        answer(calls::validate(
            &args.get("operation"),
            &args.get("params"),
            args.options(),
        ))
    }

    fn precheck(raw: &Value) -> Value {
        let args = Args::new(raw);
        answer(calls::precheck(
            &args.get("operation"),
            &args.get("params"),
            &args.get("resources"),
            args.options(),
        ))
    }

    fn check(raw: &Value) -> Value {
        let args = Args::new(raw);
        answer(calls::check(
            &args.get("operation"),
            &args.get("params"),
            &args.get("resources"),
            args.options(),
        ))
    }

    fn precheck_resources(raw: &Value) -> Value {
        let args = Args::new(raw);
        answer(calls::precheck_resources(
            &args.get("operation"),
            &args.get("resources"),
            args.options(),
        ))
    }

    fn wait_status(raw: &Value) -> Value {
        let args = Args::new(raw);
        answer(calls::wait_status(
            &args.get("operation"),
            &args.get("status"),
            args.options(),
        ))
    }
}

/// Endpoints, request building, signing, response parsing (`wire_*.json`).
mod wire {
    use super::{answer, calls, Args, Call};
    use serde_json::Value;

    pub const CALLS: &[(&str, Call)] = &[
        ("build", Call::Run(build)),
        ("endpoint", Call::Run(endpoint)),
        ("parse_response", Call::Run(parse_response)),
        ("sign", SIGN),
    ];

    fn build(raw: &Value) -> Value {
        let args = Args::new(raw);
        answer(calls::build(
            &args.get("operation"),
            &args.get("params"),
            args.options(),
        ))
    }

    fn endpoint(raw: &Value) -> Value {
        let args = Args::new(raw);
        answer(calls::endpoint(&args.get("operation"), args.options()))
    }

    fn parse_response(raw: &Value) -> Value {
        let args = Args::new(raw);
        answer(calls::parse_response(
            &args.get("operation"),
            &args.get("status"),
            raw.get("body").as_ref(),
            raw.get("headers").as_ref(),
            args.options(),
        ))
    }

    #[cfg(feature = "signing")]
    const SIGN: Call = Call::Run(sign);
    #[cfg(not(feature = "signing"))]
    const SIGN: Call = Call::NotBuilt("signing is compiled out (feature `signing` is off)");

    #[cfg(feature = "signing")]
    fn sign(raw: &Value) -> Value {
        let args = Args::new(raw);
        let credentials = args.get("credentials");
        let signed = calls::sign(
            calls::RequestIn::Host(&args.get("request")),
            calls::CredentialsIn::Host(&credentials),
            args.options(),
            calls::SignDefaults::default(),
        );
        // A signed request shows its tokens only when the caller asks (`include_secrets`);
        // otherwise the answer is what Python's `to_dict()` gives, `SignedRequest::shown`.
        let include_secrets = raw.get("include_secrets").and_then(Value::as_bool).unwrap_or(false);
        answer(signed.map(|signed| if include_secrets { signed } else { signed.shown() }))
    }
}

/// RAM policies and authorization (`ram_*.json`).
mod ram {
    use super::{answer, calls, Args, Call};
    use serde_json::Value;

    pub const CALLS: &[(&str, Call)] = &[
        ("ram_parse_policy", Call::Run(parse_policy)),
        ("ram_required_access", Call::Run(required_access)),
        ("ram_authorize", Call::Run(authorize)),
        ("ram_evaluate", Call::Run(evaluate)),
    ];

    fn parse_policy(raw: &Value) -> Value {
        let args = Args::new(raw);
        answer(calls::ram_parse_policy(&args.get("policy"), args.options()))
    }

    fn required_access(raw: &Value) -> Value {
        let args = Args::new(raw);
        answer(calls::ram_required_access(
            &args.get("operation"),
            &args.get("params"),
            args.options(),
        ))
    }

    fn authorize(raw: &Value) -> Value {
        let args = Args::new(raw);
        answer(calls::ram_authorize(
            &args.get("operation"),
            &args.get("params"),
            &args.get("policies"),
            args.options(),
        ))
    }

    fn evaluate(raw: &Value) -> Value {
        let args = Args::new(raw);
        answer(calls::ram_evaluate(
            &args.get("policies"),
            &args.get("action"),
            &args.get("resource"),
            args.options(),
        ))
    }
}

/// Waiters, ClientTokens, retry classes, batch plans (`life_*.json`). `plan_and_merge` and
/// `wait` chain several calls, as a script does: a plan and its merged responses; a waiter made
/// (or resumed), fed each step, and serialized and read back after step `resume_after`.
mod lifecycle {
    use super::{answer, calls, Args, Call};
    use opgate::host::calls::Held;
    use opgate::host::{Failed, OptionsIn};
    use serde_json::{json, Value};

    pub const CALLS: &[(&str, Call)] = &[
        ("client_token", Call::Run(client_token)),
        ("classify", Call::Run(classify)),
        ("retry_advice", Call::Run(retry_advice)),
        ("access_denied", Call::Run(access_denied)),
        ("plan", Call::Run(plan)),
        ("plan_and_merge", Call::Run(plan_and_merge)),
        ("wait", Call::Run(wait)),
    ];

    fn client_token(raw: &Value) -> Value {
        let args = Args::new(raw);
        answer(calls::client_token(
            &args.get("operation"),
            &args.get("params"),
            args.options(),
        ))
    }

    fn classify(raw: &Value) -> Value {
        let args = Args::new(raw);
        answer(calls::classify(
            &args.get("operation"),
            &args.get("code"),
            args.options(),
        ))
    }

    fn retry_advice(raw: &Value) -> Value {
        // `status` is positional here, not the `classify` option.
        let args = Args::new(raw);
        let options: Vec<_> = args
            .options
            .iter()
            .filter(|(opt, _)| *opt != opgate::host::Opt::Status)
            .cloned()
            .collect();
        answer(calls::retry_advice(
            &args.get("operation"),
            raw.get("status").as_ref(),
            raw.get("code").as_ref(),
            raw.get("headers").as_ref(),
            OptionsIn::Named(&options),
        ))
    }

    fn access_denied(raw: &Value) -> Value {
        let args = Args::new(raw);
        answer(calls::access_denied(&args.get("detail"), args.options()))
    }

    fn plan(raw: &Value) -> Value {
        let args = Args::new(raw);
        answer(calls::plan(
            &args.get("operation"),
            &args.get("targets"),
            raw.get("resources").as_ref(),
            args.options(),
        ))
    }

    fn plan_and_merge(raw: &Value) -> Value {
        let args = Args::new(raw);
        // The plan goes back as the value `plan` returned (Python's path); the JS path hands it
        // back as JSON, as the waiter's state goes below.
        let merged = calls::plan(
            &args.get("operation"),
            &args.get("targets"),
            raw.get("resources").as_ref(),
            args.options(),
        )
        .and_then(|plan| {
            let plan_json = serde_json::to_value(&plan).unwrap_or_default();
            calls::merge_plan(Held::Value(&plan, &&plan_json), &args.get("responses"), args.options())
        });
        answer(merged)
    }

    fn wait(raw: &Value) -> Value {
        let args = Args::new(raw);
        let reports = (|| -> Result<Vec<Value>, Failed> {
            let mut state = match raw.get("resume").filter(|state| !state.is_null()) {
                Some(state) => {
                    serde_json::to_value(calls::waiter_resume(Held::Host(&state), args.options())?).unwrap_or_default()
                }
                None => serde_json::to_value(calls::waiter_new(
                    &args.get("operation"),
                    &args.get("ids"),
                    &args.get("sent_at"),
                    args.options(),
                )?)
                .unwrap_or_default(),
            };
            let resume_after = raw.get("resume_after").and_then(Value::as_u64);
            let mut reports = Vec::new();
            let steps = raw
                .get("steps")
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or_default();
            for (index, step) in steps.iter().enumerate() {
                let resources = step.get("resources").unwrap_or(&Value::Null);
                let now = step.get("now").unwrap_or(&Value::Null);
                let observed = calls::waiter_observe(Held::Host(&&state), &resources, &now, args.options())?;
                reports.push(serde_json::to_value(&observed.report).unwrap_or_default());
                state = serde_json::to_value(&observed.waiter).unwrap_or_default();
                if resume_after == Some(index as u64) {
                    state = serde_json::to_value(calls::waiter_resume(Held::Host(&&state), args.options())?)
                        .unwrap_or_default();
                }
            }
            Ok(reports)
        })();
        match reports {
            Ok(reports) => json!({ "ok": reports }),
            Err(failed) => answer::<()>(Err(failed)),
        }
    }
}

fn call_table() -> BTreeMap<&'static str, Call> {
    FAMILIES.iter().flat_map(|family| family.iter().copied()).collect()
}

/// Which files `OPGATE_BLESS` lets the runner rewrite.
struct Bless(Option<String>);

impl Bless {
    fn from_env() -> Bless {
        let Some(prefix) = std::env::var("OPGATE_BLESS").ok().filter(|value| !value.is_empty()) else {
            return Bless(None);
        };
        let in_ci = std::env::var("CI").is_ok_and(|value| !value.is_empty() && value != "false" && value != "0");
        assert!(
            !in_ci,
            "OPGATE_BLESS is set while CI is set: a CI run never rewrites the vectors it checks"
        );
        Bless(Some(if prefix == "all" || prefix == "1" {
            String::new()
        } else {
            prefix
        }))
    }

    fn covers(&self, file_name: &str) -> bool {
        self.0.as_deref().is_some_and(|prefix| file_name.starts_with(prefix))
    }
}

fn vector_files() -> Vec<PathBuf> {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let entries =
        std::fs::read_dir(&directory).unwrap_or_else(|error| panic!("cannot read {}: {error}", directory.display()));
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
    let file_name = path
        .file_name()
        .and_then(|name| name.to_str())
        .unwrap_or_default()
        .to_owned();
    let mut fail = |message: String| tally.failures.push(format!("{file_name}: {message}"));
    let mut suite: Value = match std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()))
    {
        Ok(suite) => suite,
        Err(error) => return fail(format!("not a readable JSON file: {error}")),
    };
    let Some(cases) = suite
        .get_mut("cases")
        .and_then(Value::as_array_mut)
        .filter(|cases| !cases.is_empty())
    else {
        return fail("no \"cases\" array, or it is empty".to_owned());
    };
    let mut names = BTreeSet::new();
    let mut rewritten = false;
    for (index, case) in cases.iter_mut().enumerate() {
        let name = case
            .get("name")
            .and_then(Value::as_str)
            .map_or_else(|| format!("case #{index}"), str::to_owned);
        let fail_case =
            |tally: &mut Tally, message: String| tally.failures.push(format!("{file_name} / {name}: {message}"));
        if !names.insert(name.clone()) {
            fail_case(tally, "the name is used twice in this file".to_owned());
        }
        let Some(call_name) = case.get("call").and_then(Value::as_str) else {
            fail_case(tally, "no \"call\"".to_owned());
            continue;
        };
        let Some(&call) = calls.get(call_name) else {
            let known: Vec<&str> = calls.keys().copied().collect();
            fail_case(
                tally,
                format!("unknown call \"{call_name}\"; the runner knows {}", known.join(", ")),
            );
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
        let max_work = case.get("max_work").and_then(Value::as_u64);
        let raw_args = case.get("args").unwrap_or(&Value::Null);
        let args = if max_work.is_some() {
            hostile::expand(raw_args)
        } else {
            raw_args.clone()
        };
        calls::take_work();
        let got = run(&args);
        let work = calls::take_work();
        tally.ran += 1;
        if let Some(bound) = max_work.filter(|bound| work > *bound) {
            fail_case(tally, format!("{work} steps, more than its bound of {bound}"));
        }
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
            None => fail_case(
                tally,
                format!("no \"expect\" (bless with OPGATE_BLESS={file_name}); got {got}"),
            ),
        }
    }
    if rewritten {
        let written = serde_json::to_string_pretty(&suite)
            .map_err(|error| error.to_string())
            .and_then(|text| std::fs::write(path, text + "\n").map_err(|error| error.to_string()));
        if let Err(error) = written {
            tally
                .failures
                .push(format!("{file_name}: cannot write the blessed answers: {error}"));
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
            tally.failures.push(format!(
                "the call \"{name}\" is in the runner's table but no vector uses it"
            ));
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
fn every_hostile_case_states_its_hazard_and_its_bound() {
    let suite = hostile::load();
    let cases = hostile::cases(&suite);
    assert!(cases.len() >= 10, "only {} hostile cases", cases.len());
    for case in cases {
        let name = case["name"].as_str().unwrap_or("?");
        assert!(
            case["why"].as_str().is_some_and(|why| why.len() > 20),
            "{name}: say what the case guards against"
        );
        assert!(
            case["max_work"].as_u64().is_some_and(|bound| bound > 0),
            "{name}: a positive max_work"
        );
    }
}

#[test]
fn call_names_are_unique_across_families() {
    let mut seen = BTreeSet::new();
    for (name, _) in FAMILIES.iter().flat_map(|family| family.iter()) {
        assert!(seen.insert(*name), "the call \"{name}\" is in two families");
    }
}

/// A vector case with Describe resources: where it is, its operation and its arguments.
#[derive(Clone)]
struct ResourceCase {
    label: String,
    call: String,
    params: Option<Value>,
    operation: String,
    spec: &'static opgate::spec::OperationSpec,
    resources: Value,
    now: Option<i64>,
}

/// Every case of every vector file whose arguments hold `resources` for a known operation.
#[allow(
    clippy::expect_used,
    reason = "a test helper: an unreadable vector file fails the test that reads it"
)]
fn resource_cases() -> Vec<ResourceCase> {
    let mut cases = Vec::new();
    for file in vector_files() {
        let text = std::fs::read_to_string(&file).expect("vector file readable");
        let doc: Value = serde_json::from_str(&text).expect("vector file is JSON");
        for case in doc["cases"].as_array().expect("cases array") {
            let args = &case["args"];
            let Some(resources) = args.get("resources") else {
                continue;
            };
            let Some(op) = args.get("operation").and_then(Value::as_str) else {
                continue;
            };
            let Ok(spec) = opgate::operation(op) else { continue };
            cases.push(ResourceCase {
                label: format!("{}: {}", file.display(), case["name"]),
                call: case["call"].as_str().unwrap_or_default().to_owned(),
                params: args.get("params").cloned(),
                operation: op.to_owned(),
                spec,
                resources: resources.clone(),
                now: args.get("now").and_then(Value::as_i64),
            });
        }
    }
    cases
}

#[test]
fn projection_answers_as_the_whole_items() {
    // Every case with resources, once through the engine with the items whole and once through
    // the host reader that projects them: the verdicts (or errors) must be identical.
    let mut compared = 0;
    for case in resource_cases() {
        let Ok(projected) = opgate::host::Reader::default().resources(case.spec, &&case.resources) else {
            continue;
        };
        let options = opgate::Options {
            now: case.now,
            ..Default::default()
        };
        let whole = opgate::precheck_resources(&case.operation, &case.resources, &options);
        let picked = opgate::precheck_resources(&case.operation, &projected, &options);
        assert_eq!(whole, picked, "{}", case.label);
        compared += 1;
    }
    assert!(compared > 100, "only {compared} pre-check cases compared");
}

/// Every case with resources whose items the reader takes by groups (`Reader::grouped`: one
/// representative per set of items alike but for their id), once per language.
fn grouped_cases() -> Vec<(ResourceCase, opgate::host::Grouping, opgate::Options)> {
    let mut cases = Vec::new();
    for case in resource_cases() {
        let Some(grouping) = opgate::host::Reader::default().grouped(case.spec, &&case.resources) else {
            continue;
        };
        for lang in [opgate::Lang::En, opgate::Lang::Zh] {
            let options = opgate::Options {
                now: case.now,
                lang,
                ..Default::default()
            };
            let label = format!("{} ({lang:?})", case.label);
            cases.push((ResourceCase { label, ..case.clone() }, grouping.clone(), options));
        }
    }
    cases
}

#[test]
fn grouped_answers_as_precheck_resources() {
    // Every case with resources, answered by `grouped::precheck_grouping`, must give exactly the
    // verdict `precheck_resources` gives for the whole items; a case the engine refuses must not
    // be answered by groups at all.
    let mut compared = 0;
    for (case, grouping, options) in grouped_cases() {
        let whole = opgate::precheck_resources(&case.operation, &case.resources, &options);
        let grouped =
            opgate::grouped::precheck_grouping(&case.operation, grouping, &options).expect("a known operation");
        match (whole, grouped) {
            (Ok(whole), Some(grouped)) => {
                assert_eq!(whole, grouped, "{}", case.label);
                compared += 1;
            }
            (Err(error), Some(_)) => panic!("{}: grouped answers where the engine refuses: {error}", case.label),
            (_, None) => {}
        }
    }
    assert!(compared > 200, "only {compared} grouped cases compared");
}

#[test]
fn grouped_targets_answer_as_precheck_and_check() {
    // Every precheck and check case with parameters, each target judged on its group's
    // representative (`grouped::precheck_targets`, what the JS package calls): the verdict, or
    // the error, must be exactly the one the items themselves give.
    let mut compared = 0;
    for (case, grouping, options) in grouped_cases() {
        let Some(params) = &case.params else { continue };
        let refuse = match case.call.as_str() {
            "precheck" => false,
            "check" => true,
            _ => continue,
        };
        let whole = if refuse {
            opgate::check(&case.operation, params, &case.resources, &options)
        } else {
            opgate::precheck(&case.operation, params, &case.resources, &options)
        };
        let representatives = Value::Array(grouping.representatives);
        let grouped = opgate::grouped::precheck_targets(
            &case.operation,
            params,
            &representatives,
            &grouping.rows,
            &grouping.ids,
            &options,
            refuse,
        );
        match grouped {
            Ok(None) => {}
            Ok(Some(verdict)) => {
                assert_eq!(whole, Ok(verdict), "{}", case.label);
                compared += 1;
            }
            Err(error) => {
                assert_eq!(whole, Err(error), "{}", case.label);
                compared += 1;
            }
        }
    }
    assert!(
        compared >= 200,
        "only {compared} grouped precheck and check cases compared"
    );
}
