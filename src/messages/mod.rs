//! The wording of the engines' decisions. An engine decides *what* is wrong (a [`Violation`] of
//! a parameter, a [`Refusal`] of a resource) and hands the data here; this module alone says it,
//! in every language. The texts are what the conformance vectors pin, byte for byte.
//!
//! This file words parameter validation ([`crate::params`]) and pre-checks ([`crate::precheck`]);
//! the submodules word the other engines, one each.

pub mod catalog;
pub mod host;
pub mod lifecycle;
pub mod ram;
pub mod wire;

use crate::error::clip;
use crate::lang::{Lang, Text};
use crate::{text, text_in};

/// What is wrong with one request parameter, as [`crate::params`] found it. `got` is the bad
/// value as [`crate::params::describe_value`] or [`crate::params::json_type`] show it.
#[derive(Debug, Clone, Copy)]
pub enum Violation<'a> {
    NotBoolean {
        got: &'a str,
    },
    NotInteger {
        got: &'a str,
    },
    OutOfRange {
        low: i64,
        high: i64,
        got: i64,
    },
    NotOneOf {
        allowed: &'a [&'a str],
        got: &'a str,
    },
    NotFormat {
        expected: &'a Text,
        got: &'a str,
    },
    NotList {
        got: &'a str,
    },
    ListLength {
        min: usize,
        max: usize,
        got: usize,
    },
    /// The item repeats the one at `first` of the same list (`list` is the list's path).
    Repeats {
        list: &'a str,
        first: usize,
    },
    NotObject {
        got: &'a str,
    },
    /// Two methods of a one-method rule are used; `others` are the first method's parameters.
    MethodsCombined {
        others: &'a str,
    },
}

/// The message for `violation` of the parameter at `field`.
pub fn violation(field: &str, violation: &Violation<'_>) -> Text {
    match *violation {
        Violation::NotBoolean { got } => text!(
            format!("The parameter \"{field}\" must be a boolean; got {got}."),
            format!("参数 \"{field}\" 必须是布尔值，实际为 {got}。"),
        ),
        Violation::NotInteger { got } => text!(
            format!("The parameter \"{field}\" must be an integer; got {got}."),
            format!("参数 \"{field}\" 必须是整数，实际为 {got}。"),
        ),
        Violation::OutOfRange { low, high, got } => text!(
            format!("The parameter \"{field}\" must be between {low} and {high}; got {got}."),
            format!("参数 \"{field}\" 必须在 {low} 到 {high} 之间，实际为 {got}。"),
        ),
        Violation::NotOneOf { allowed, got } => {
            let allowed = crate::lang::join(allowed, ", ");
            text!(
                format!("The parameter \"{field}\" must be one of {allowed}; got {got}."),
                format!("参数 \"{field}\" 必须是 {allowed} 之一，实际为 {got}。"),
            )
        }
        Violation::NotFormat { expected, got } => text!(
            format!("The parameter \"{field}\" must be {}; got {got}.", expected.en),
            format!("参数 \"{field}\" 必须是{}，实际为 {got}。", expected.zh),
        ),
        Violation::NotList { got } => text!(
            format!("The parameter \"{field}\" must be a list; got {got}."),
            format!("参数 \"{field}\" 必须是列表，实际为 {got}。"),
        ),
        Violation::ListLength { min, max, got } => text!(
            format!("The parameter \"{field}\" must hold {min} to {max} items; got {got}."),
            format!("参数 \"{field}\" 必须包含 {min} 到 {max} 项，实际为 {got} 项。"),
        ),
        Violation::Repeats { list, first } => text!(
            format!("The parameter \"{field}\" repeats {list}[{first}]; each item may appear once."),
            format!("参数 \"{field}\" 与 {list}[{first}] 重复，每项只能出现一次。"),
        ),
        Violation::NotObject { got } => text!(
            format!("The parameter \"{field}\" must be an object; got {got}."),
            format!("参数 \"{field}\" 必须是对象，实际为 {got}。"),
        ),
        Violation::MethodsCombined { others } => text!(
            format!("The parameter \"{field}\" cannot be combined with {others}: use one method per request."),
            format!("参数 \"{field}\" 不能与 {others} 同时使用：每个请求只能使用一种方式。"),
        ),
    }
}

/// A required parameter is absent.
pub fn missing_parameter(field: &str) -> Text {
    text!(
        format!("The input parameter \"{field}\" that is mandatory for processing this request is not supplied."),
        format!("缺少必填参数 \"{field}\"。")
    )
}

/// A parameter the operation does not have; `known` are the ones it has.
pub fn unknown_parameter(name: &str, known: &[&str]) -> Text {
    text!(
        format!(
            "The parameter \"{}\" is not recognised; expected one of: {}.",
            clip(name),
            crate::lang::join(known, ", ")
        ),
        format!(
            "无法识别的参数 \"{}\"；可用参数：{}。",
            clip(name),
            crate::lang::join(known, "、")
        )
    )
}

/// The parameters as a whole are not an object.
pub fn parameters_not_object(got: &str) -> Text {
    text!(
        format!("The parameters must be an object; got {got}."),
        format!("参数必须是一个对象，实际为 {got}。")
    )
}

/// The summary that closes a list of violations cut at [`crate::params::MAX_VIOLATIONS`].
pub fn unlisted_violations(count: usize) -> Text {
    text!(
        format!("{count} further violations were not listed."),
        format!("另有 {count} 处错误未列出。")
    )
}

/// Why a guard refuses a resource, as [`crate::precheck`] found it.
#[derive(Debug, Clone, Copy)]
pub enum Refusal<'a> {
    /// The status is one the guard refuses; `meaning` says what it tells the user.
    RefusedStatus { meaning: &'a Text },
    /// The status is none the provider documents (`shown` is clipped).
    UnknownStatus { shown: &'a str },
    /// The status is documented but not one of `wanted`.
    WrongStatus { wanted: &'a str },
    /// An operation lock; `detail` is the lock's message (clipped), empty when it has none.
    Locked { reason: &'a str, detail: &'a str },
    /// A prepaid resource expired at `at` (clipped).
    Expired { at: &'a str },
    /// The service does not offer `operation`; `offered` lists what it does.
    OperationNotOffered { operation: &'a str, offered: &'a [String] },
    /// The item does not show whether the service offers `operation`.
    OperationUnknown { operation: &'a str, problem: &'a Text },
}

/// The resource a pre-check is about, for its messages.
#[derive(Debug, Clone, Copy)]
pub struct Subject<'a> {
    pub noun: &'a Text,
    pub id: &'a str,
    pub status: &'a str,
    pub action: &'a str,
}

/// The reason for `refusal` of `subject`, in `lang` only: it is worded for every refused item.
pub fn refusal(lang: Lang, subject: &Subject<'_>, refusal: &Refusal<'_>) -> String {
    let Subject {
        noun,
        id,
        status,
        action,
    } = *subject;
    let (noun_en, noun_zh) = (&noun.en, &noun.zh);
    match *refusal {
        Refusal::RefusedStatus { meaning } => text_in!(
            lang,
            format!("The {noun_en} {id} is {status}: {}; {action} is refused.", meaning.en),
            format!("{noun_zh} {id} 当前为 {status}：{}，不能执行 {action}。", meaning.zh)
        ),
        Refusal::UnknownStatus { shown } => text_in!(
            lang,
            format!("The {noun_en} {id} reports the unknown status \"{shown}\"; it is denied to be safe."),
            format!("{noun_zh} {id} 返回了未知状态 \"{shown}\"，为安全起见拒绝操作。")
        ),
        Refusal::WrongStatus { wanted } => text_in!(
            lang,
            format!("The {noun_en} {id} is {status}; {action} requires {wanted}."),
            format!("{noun_zh} {id} 当前为 {status}，{action} 要求状态为 {wanted}。")
        ),
        Refusal::Locked { reason, detail } => {
            let detail_en = if detail.is_empty() {
                String::new()
            } else {
                format!(": {detail}")
            };
            let detail_zh = if detail.is_empty() {
                String::new()
            } else {
                format!("：{detail}")
            };
            text_in!(
                lang,
                format!("The {noun_en} {id} is locked (LockReason {reason}){detail_en}; {action} is refused while it is locked."),
                format!("{noun_zh} {id} 已被锁定（LockReason {reason}）{detail_zh}，锁定期间不能执行 {action}。")
            )
        }
        Refusal::Expired { at } => text_in!(
            lang,
            format!("The prepaid {noun_en} {id} expired at {at}; renew it before {action}."),
            format!("包年包月{noun_zh} {id} 已于 {at} 到期，请先续费再执行 {action}。")
        ),
        Refusal::OperationNotOffered { operation, offered } => {
            let listed = listing(offered);
            text_in!(
                lang,
                format!(
                    "The service of {noun_en} {id} does not offer the {operation} O&M operation (offered: {}).",
                    listed.en
                ),
                format!(
                    "{noun_zh} {id} 所属服务未配置 {operation} 运维操作（已配置：{}）。",
                    listed.zh
                )
            )
        }
        Refusal::OperationUnknown { operation, problem } => text_in!(
            lang,
            format!(
                "The {noun_en} {id} does not show whether its service offers the {operation} O&M operation: {}.",
                problem.en
            ),
            format!(
                "无法确认{noun_zh} {id} 所属服务是否配置了 {operation} 运维操作：{}。",
                problem.zh
            )
        ),
    }
}

/// Operation names shown in a refusal; a service offering thousands gets a reason of a few
/// lines, not a quarter megabyte per instance.
const MAX_LISTED_OPERATIONS: usize = 20;

/// The offered operations for a message: the first [`MAX_LISTED_OPERATIONS`] names (each
/// clipped), then how many more there are.
fn listing(supported: &[String]) -> Text {
    if supported.is_empty() {
        return Text::new("none", "无");
    }
    let shown = crate::lists::map_items(supported.get(..MAX_LISTED_OPERATIONS).unwrap_or(supported), |name| {
        clip(name)
    });
    let (mut en, mut zh) = (crate::lang::join(&shown, ", "), crate::lang::join(&shown, "、"));
    let more = supported.len().saturating_sub(MAX_LISTED_OPERATIONS);
    if more > 0 {
        en.push_str(&format!(" and {more} more"));
        zh.push_str(&format!(" 等另外 {more} 项"));
    }
    text!(en, zh)
}

/// No Describe item has the target's id.
pub fn not_found(noun: &Text, id: &str, describe_api: &str) -> Text {
    text!(
        format!(
            "No {} with id {} is among the {describe_api} results, so the provider would not find it.",
            noun.en,
            clip(id)
        ),
        format!(
            "{describe_api} 结果中没有 ID 为 {} 的{}，服务端将找不到它。",
            clip(id),
            noun.zh
        )
    )
}

/// Where the status goes once the call is accepted, as an allowed resource's reason shows it.
pub enum Path<'a> {
    Stays,
    Through { immediate: &'a str, settled: &'a str },
    Settles { settled: &'a str },
}

/// Why a resource is allowed, in `lang` only (made per item, read in one language): `dry_run`
/// says the request would pass without acting.
pub fn allowed(lang: Lang, subject: &Subject<'_>, path: &Path<'_>, dry_run: bool) -> String {
    let Subject {
        noun,
        id,
        status,
        action,
    } = *subject;
    if dry_run {
        return match lang {
            Lang::En => format!(
                "The {} {id} is {status}; the request would pass, and with DryRun the provider answers DryRunOperation without acting.",
                noun.en
            ),
            Lang::Zh => format!(
                "{} {id} 当前为 {status}；请求可以通过，设置 DryRun 时服务端返回 DryRunOperation 而不执行。",
                noun.zh
            ),
        };
    }
    let path = match (path, lang) {
        (Path::Stays, Lang::En) => format!("the status stays {status}"),
        (Path::Stays, Lang::Zh) => format!("状态保持 {status}"),
        (Path::Through { immediate, settled }, _) => format!("{status} → {immediate} → {settled}"),
        (Path::Settles { settled }, _) => format!("{status} → … → {settled}"),
    };
    match lang {
        Lang::En => format!("The {} {id} is {status}; {action} may proceed ({path}).", noun.en),
        Lang::Zh => format!("{} {id} 当前为 {status}；可以执行 {action}（{path}）。", noun.zh),
    }
}

/// What is wrong with the `resources` a pre-check was given.
#[derive(Debug, Clone, Copy)]
pub enum ResourceProblem<'a> {
    /// Neither a list, one item, nor a whole Describe response.
    NotAResourceList,
    /// More than `max` resources.
    TooMany { max: usize, got: usize },
    /// An item that is not an object (`got` as [`crate::params::describe_value`] shows it).
    ItemNotObject { got: &'a str },
    /// An item's id or status field that is not a string (`got`: the value shown, or `nothing`).
    FieldNotString { got: &'a str },
}

/// The message for `problem` of the resources at `field`, read from `describe_api` results.
pub fn resource_problem(field: &str, describe_api: &str, problem: &ResourceProblem<'_>) -> Text {
    let api = describe_api;
    match *problem {
        ResourceProblem::NotAResourceList => text!(
            format!("\"{field}\" must be a list of {api} items, one item, or a whole {api} response."),
            format!("\"{field}\" 必须是 {api} 返回的资源列表、单个资源或完整的 {api} 响应。")
        ),
        ResourceProblem::TooMany { max, got } => text!(
            format!("At most {max} resources can be checked at once; got {got}."),
            format!("一次最多检查 {max} 个资源，实际为 {got} 个。")
        ),
        ResourceProblem::ItemNotObject { got } => text!(
            format!("\"{field}\" must be an object as {api} returns it; got {got}."),
            format!("\"{field}\" 必须是 {api} 返回的对象，实际为 {got}。")
        ),
        ResourceProblem::FieldNotString { got } => text!(
            format!("\"{field}\" must be a string as {api} returns it; got {got}."),
            format!("\"{field}\" 必须是 {api} 返回的字符串，实际为 {got}。")
        ),
    }
}

/// Why a GetServiceInstance item does not show its service's O&M operations.
pub const METADATA_MISSING: Text = Text::new("Service.OperationMetadata is missing", "缺少 Service.OperationMetadata");
pub const METADATA_TOO_LARGE: Text = Text::new(
    "Service.OperationMetadata is too large",
    "Service.OperationMetadata 过大",
);
pub const METADATA_NOT_JSON: Text = Text::new(
    "Service.OperationMetadata is not valid JSON",
    "Service.OperationMetadata 不是合法的 JSON",
);

/// What one polled status says, as [`crate::precheck::wait_status`] classified it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusReading {
    /// The operation is synchronous: nothing to wait for.
    Synchronous,
    /// A target status, which alone cannot show that the operation finished.
    Goal,
    /// On the way to the target.
    OnTheWay,
    /// A status that means the operation failed.
    Failure,
    /// Neither the goal nor on the way to it.
    Unknown,
}

/// The reason for `reading` of the status `shown` (clipped) while waiting for `action`, whose
/// target statuses are `goal`.
pub fn status_reading(reading: StatusReading, shown: &str, action: &str, goal: &[&str]) -> Text {
    match reading {
        StatusReading::Synchronous => text!(
            format!("{action} is synchronous; there is nothing to wait for."),
            format!("{action} 为同步操作，无需等待。")
        ),
        StatusReading::Goal => text!(
            format!(
                "Status {shown} is the goal of {action}, but one status cannot show that {action} has finished: right after the call it still reads {shown}. Use a Waiter, which remembers whether the operation was seen acting."
            ),
            format!(
                "状态 {shown} 是 {action} 的目标状态，但单个状态无法说明 {action} 已完成：调用刚结束时它仍显示 {shown}。请使用 Waiter，它会记住是否观察到操作生效。"
            )
        ),
        StatusReading::OnTheWay => {
            let goal = crate::lang::join(goal, " / ");
            text!(
                format!("Status {shown} is on the way to {goal}; keep polling."),
                format!("状态 {shown} 仍在向 {goal} 转换，请继续轮询。")
            )
        }
        StatusReading::Failure => text!(
            format!("Status {shown} means {action} did not complete."),
            format!("状态 {shown} 表示 {action} 未能完成。")
        ),
        StatusReading::Unknown => text!(
            format!("Status {shown} is neither the goal nor on the way to it; stop waiting."),
            format!("状态 {shown} 既不是目标状态也不是中间状态，请停止等待。")
        ),
    }
}

/// What is wrong with one entry of the `int_bounds` option.
#[derive(Debug, Clone, Copy)]
pub enum IntBoundProblem {
    NotAList,
    NoPath,
    NotAnInteger,
}

/// The message for `problem` of the `int_bounds` entry (or option) at `field`.
pub fn int_bound_problem(field: &str, problem: IntBoundProblem) -> Text {
    let (en, zh) = match problem {
        IntBoundProblem::NotAList => (
            "must be a list of {path, min, max} objects.",
            "必须是 {path, min, max} 对象的列表。",
        ),
        IntBoundProblem::NoPath => ("needs a string \"path\".", "需要字符串 \"path\"。"),
        IntBoundProblem::NotAnInteger => (
            "has a \"min\"/\"max\" that is not a 64-bit integer.",
            "的 \"min\"/\"max\" 不是 64 位整数。",
        ),
    };
    text!(format!("\"{field}\" {en}"), format!("\"{field}\" {zh}"))
}
