//! The wording of the lifecycle engines (`crate::lifecycle`): waiters, plans, retry classes,
//! access-denied explanations, client tokens.
//!
//! Each engine decides what happened (a [`Reading`] of a polled target, an [`IdsProblem`] of its
//! arguments…) and hands the data here; nothing in this module decides.

use crate::error::clip;
use crate::lang::Text;
use crate::text;

/// A whole-number argument (`name`) that is not an integer within `min..=max`; `shown` is the
/// value as JSON (clipped).
pub fn integer_argument(name: &str, min: i64, max: i64, shown: &str) -> Text {
    text!(
        format!("\"{name}\" must be a whole number from {min} to {max}; got {shown}."),
        format!("\"{name}\" 必须是 {min} 到 {max} 之间的整数，实际为 {shown}。")
    )
}

// ---------------------------------------------------------------------------------------------
// Waiters (`crate::lifecycle::waiter`)

/// Why a persisted waiter state is refused.
#[derive(Debug, Clone, Copy)]
pub enum WaiterStateProblem<'a> {
    /// It does not deserialize; `reason` is the parser's (clipped here).
    Unreadable { reason: &'a str },
    /// It was written by another version than the one this build `reads`.
    Version { got: u32, reads: u32 },
    /// Its targets are not 1 to 10000 distinct, non-empty ids.
    Targets,
}

/// The message for `problem` of a persisted waiter state.
pub fn waiter_state(problem: &WaiterStateProblem<'_>) -> Text {
    match *problem {
        WaiterStateProblem::Unreadable { reason } => {
            let shown = clip(reason);
            text!(
                format!("The waiter state is not one a Waiter wrote: {shown}."),
                format!("该等待器状态不是 Waiter 生成的：{shown}。"),
            )
        }
        WaiterStateProblem::Version { got, reads } => text!(
            format!("The waiter state has version {got}; this opgate reads version {reads}."),
            format!("等待器状态的版本为 {got}；当前 opgate 只能读取版本 {reads}。"),
        ),
        WaiterStateProblem::Targets => text!(
            "The waiter state's targets must be 1 to 10000 distinct, non-empty ids.",
            "等待器状态中的目标必须是 1 到 10000 个互不相同的非空 ID。",
        ),
    }
}

/// What is wrong with the `ids` argument of a waiter.
#[derive(Debug, Clone, Copy)]
pub enum IdsProblem<'a> {
    /// Neither a list nor one id.
    NotAList,
    /// Not 1 to `max` ids.
    Count { max: usize, got: usize },
    /// The id at `field` repeats an earlier one (`id` is clipped here).
    Repeats { field: &'a str, id: &'a str },
    /// The item at `field` is not a non-empty id string.
    NotAnId { field: &'a str },
}

/// The message for `problem` of the waiter's ids.
pub fn ids_problem(problem: &IdsProblem<'_>) -> Text {
    match *problem {
        IdsProblem::NotAList => text!(
            "\"ids\" must be a list of target ids, or one id.",
            "\"ids\" 必须是目标 ID 的列表或单个 ID。",
        ),
        IdsProblem::Count { max, got } => text!(
            format!("\"ids\" must hold 1 to {max} ids; got {got}."),
            format!("\"ids\" 必须包含 1 到 {max} 个 ID，实际为 {got} 个。"),
        ),
        IdsProblem::Repeats { field, id } => text!(
            format!("\"{field}\" repeats the id {}.", clip(id)),
            format!("\"{field}\" 重复了 ID {}。", clip(id)),
        ),
        IdsProblem::NotAnId { field } => text!(
            format!("\"{field}\" must be a non-empty id string."),
            format!("\"{field}\" 必须是非空的 ID 字符串。"),
        ),
    }
}

/// The target a waiter's reason is about.
#[derive(Debug, Clone, Copy)]
pub struct WaitTarget<'a> {
    pub noun: &'a Text,
    /// Clipped.
    pub id: &'a str,
    pub action: &'a str,
}

/// What one observation of a target showed, as the waiter decided it. `shown` is the status
/// (clipped); `goal` the target statuses.
#[derive(Debug, Clone, Copy)]
pub enum Reading<'a> {
    /// Not among the `api` results.
    Missing { api: &'a str },
    /// A failure status.
    FailureStatus { shown: &'a str },
    /// A documented status that is neither the goal nor on the way to it.
    Abandoned { shown: &'a str },
    /// A documented status on the way to the goal.
    OnTheWay { shown: &'a str, goal: &'a [&'a str] },
    /// A status no page documents; polling goes on.
    Undocumented { shown: &'a str, goal: &'a [&'a str] },
    /// The goal, and the evidence `field` changed since before the call.
    DoneFieldChanged { shown: &'a str, field: &'a str },
    /// The goal, `elapsed` seconds after the send, past the settle time.
    DoneSettled { shown: &'a str, elapsed: i64 },
    /// The goal again, after the target left it.
    DoneReturned { shown: &'a str },
    /// The goal, without evidence yet that the operation acted.
    NotSeenActing { shown: &'a str },
}

/// Why `target` stands where it does after a `reading`.
pub fn reading(target: &WaitTarget<'_>, reading: &Reading<'_>) -> Text {
    let WaitTarget { noun, id, action } = *target;
    let (noun_en, noun_zh) = (&noun.en, &noun.zh);
    match *reading {
        Reading::Missing { api } => text!(
            format!(
                "The {noun_en} {id} is not among these {api} results, so nothing is known about it; it is not done."
            ),
            format!("本次 {api} 结果中没有{noun_zh} {id}，无法得知其状态，不视为完成。")
        ),
        Reading::FailureStatus { shown } => text!(
            format!("The {noun_en} {id} is {shown}, which means {action} did not complete."),
            format!("{noun_zh} {id} 当前为 {shown}，表示 {action} 未能完成。")
        ),
        Reading::Abandoned { shown } => text!(
            format!(
                "The {noun_en} {id} is {shown}: neither the goal nor on the way to it, so {action} will not complete."
            ),
            format!("{noun_zh} {id} 当前为 {shown}：既不是目标状态也不是中间状态，{action} 不会完成。")
        ),
        Reading::OnTheWay { shown, goal } => {
            let goal = crate::lang::join(goal, " / ");
            text!(
            format!("The {noun_en} {id} is {shown}, on the way to {goal}."),
            format!("{noun_zh} {id} 当前为 {shown}，正在向 {goal} 转换。")
            )
        }
        Reading::Undocumented { shown, goal } => {
            let goal = crate::lang::join(goal, " / ");
            text!(
            format!("The {noun_en} {id} reports the undocumented status \"{shown}\"; it is not {goal}, so keep polling."),
            format!("{noun_zh} {id} 返回了未见文档的状态 \"{shown}\"，不是 {goal}，请继续轮询。")
            )
        }
        Reading::DoneFieldChanged { shown, field } => text!(
            format!("The {noun_en} {id} is {shown} and its {field} changed since before the call: {action} is done."),
            format!("{noun_zh} {id} 当前为 {shown}，且 {field} 与调用前不同：{action} 已完成。")
        ),
        Reading::DoneSettled { shown, elapsed } => text!(
            format!("The {noun_en} {id} is {shown} {elapsed} s after the send, past the settle time: {action} is done."),
            format!("{noun_zh} {id} 在发送 {elapsed} 秒后为 {shown}，已超过稳定时间：{action} 已完成。")
        ),
        Reading::DoneReturned { shown } => text!(
            format!("The {noun_en} {id} left {shown} and is {shown} again: {action} is done."),
            format!("{noun_zh} {id} 曾离开 {shown}，现已回到 {shown}：{action} 已完成。")
        ),
        Reading::NotSeenActing { shown } => text!(
            format!(
                "The {noun_en} {id} still reads {shown}, but {action} has not been seen acting on it yet (right after the call the status has not changed); keep polling."
            ),
            format!(
                "{noun_zh} {id} 仍显示 {shown}，但尚未观察到 {action} 生效（调用刚结束时状态尚未变化），请继续轮询。"
            )
        ),
    }
}

/// How a target that was settled before this observation had settled.
#[derive(Debug, Clone, Copy)]
pub enum Settled<'a> {
    /// The operation is synchronous: its response was the outcome.
    Synchronous,
    AlreadyDone,
    /// It failed earlier with `code`.
    AlreadyFailed {
        code: &'a str,
    },
}

/// Why a target settled earlier stays as it is.
pub fn settled(target: &WaitTarget<'_>, settled: &Settled<'_>) -> Text {
    let WaitTarget { noun, id, action } = *target;
    match *settled {
        Settled::Synchronous => text!(
            format!("{action} is synchronous: its response was the outcome for {id}; there is nothing to wait for."),
            format!("{action} 为同步操作：其响应即为 {id} 的结果，无需等待。")
        ),
        Settled::AlreadyDone => text!(
            format!("The {} {id} was already done.", noun.en),
            format!("{} {id} 此前已完成。", noun.zh)
        ),
        Settled::AlreadyFailed { code } => text!(
            format!("The {} {id} had already failed ({code}).", noun.en),
            format!("{} {id} 此前已失败（{code}）。", noun.zh)
        ),
    }
}

/// The target did not reach the `goal` statuses within `limit` seconds; `last` is the status it
/// last read (clipped here), if it ever appeared.
pub fn timed_out(target: &WaitTarget<'_>, goal: &[&str], limit: u32, last: Option<&str>) -> Text {
    let WaitTarget { noun, id, .. } = *target;
    let goal = crate::lang::join(goal, " / ");
    let (noun_en, noun_zh) = (&noun.en, &noun.zh);
    match last {
        Some(status) => text!(
            format!(
                "The {noun_en} {id} did not reach {goal} within {limit} s; it last read {}.",
                clip(status)
            ),
            format!(
                "{noun_zh} {id} 未在 {limit} 秒内达到 {goal}；最后一次状态为 {}。",
                clip(status)
            )
        ),
        None => text!(
            format!(
                "The {noun_en} {id} did not reach {goal} within {limit} s; it never appeared in the Describe results."
            ),
            format!("{noun_zh} {id} 未在 {limit} 秒内达到 {goal}；它从未出现在 Describe 结果中。")
        ),
    }
}

/// Where a whole wait stands, as its report sums it up.
#[derive(Debug, Clone, Copy)]
pub enum WaitSummary {
    /// Over, every target done.
    AllDone { done: usize },
    /// Over, some failed.
    Over { done: usize, failed: usize },
    /// Not over: poll again `after` seconds.
    Polling {
        done: usize,
        pending: usize,
        failed: usize,
        unknown: usize,
        after: u32,
    },
}

/// The summary of a wait for `action`.
pub fn wait_summary(action: &str, summary: &WaitSummary) -> Text {
    match *summary {
        WaitSummary::AllDone { done } => text!(
            format!("{action} is done for all {done} target(s)."),
            format!("{action} 已对全部 {done} 个目标完成。")
        ),
        WaitSummary::Over { done, failed } => text!(
            format!("Waiting is over: {done} done, {failed} failed."),
            format!("等待结束：{done} 个完成，{failed} 个失败。")
        ),
        WaitSummary::Polling {
            done,
            pending,
            failed,
            unknown,
            after,
        } => text!(
            format!("{done} done, {pending} pending, {failed} failed, {unknown} unknown; poll again in {after} s."),
            format!(
                "{done} 个完成，{pending} 个进行中，{failed} 个失败，{unknown} 个未知；请在 {after} 秒后再次轮询。"
            )
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Plans (`crate::lifecycle::plan`)

/// What is wrong with the targets a plan was given; `got` is the JSON type found.
#[derive(Debug, Clone, Copy)]
pub enum PlanInputProblem<'a> {
    /// The target parameter `param` is neither an id nor a list of ids.
    IdsNotList { param: &'a str, got: &'a str },
    /// `targets` is neither a list of ids nor an object of parameters.
    TargetsShape { got: &'a str },
    /// Not 1 to `max` ids.
    Count { max: usize, got: usize },
    /// The item at `field` is not an id string.
    NotAnId { field: &'a str, got: &'a str },
    /// The client-token parameter `name` was given; a plan derives it.
    TokenGiven { name: &'a str },
}

/// The message for `problem` of a plan's targets.
pub fn plan_input(problem: &PlanInputProblem<'_>) -> Text {
    match *problem {
        PlanInputProblem::IdsNotList { param, got } => text!(
            format!("\"{param}\" must be an id or a list of ids; got {got}."),
            format!("\"{param}\" 必须是 ID 或 ID 列表，实际为 {got}。"),
        ),
        PlanInputProblem::TargetsShape { got } => text!(
            format!("\"targets\" must be a list of ids or an object of parameters; got {got}."),
            format!("\"targets\" 必须是 ID 列表或参数对象，实际为 {got}。"),
        ),
        PlanInputProblem::Count { max, got } => text!(
            format!("A plan needs 1 to {max} ids; got {got}."),
            format!("计划需要 1 到 {max} 个 ID，实际为 {got} 个。"),
        ),
        PlanInputProblem::NotAnId { field, got } => text!(
            format!("\"{field}\" must be an id string; got {got}."),
            format!("\"{field}\" 必须是 ID 字符串，实际为 {got}。"),
        ),
        PlanInputProblem::TokenGiven { name } => text!(
            format!("A plan derives one {name} per request from its scope; pass a scope instead of a {name}."),
            format!("计划会根据 scope 为每个请求生成 {name}；请传入 scope 而不是 {name}。"),
        ),
    }
}

/// No `describe_api` item has the id (clipped here), so it is left out of the plan.
pub fn not_planned(noun: &Text, id: &str, describe_api: &str) -> Text {
    text!(
        format!(
            "No {} with id {} is among the {describe_api} results, so it is not planned; read it first.",
            noun.en,
            clip(id)
        ),
        format!(
            "{describe_api} 结果中没有 ID 为 {} 的{}，因此未纳入计划；请先查询它。",
            clip(id),
            noun.zh
        )
    )
}

/// How a plan splits its ids.
#[derive(Debug, Clone, Copy)]
pub struct PlanCounts {
    pub allowed: usize,
    pub requests: usize,
    pub batch_max: usize,
    pub denied: usize,
    pub unknown: usize,
}

/// The summary of a plan for `action`.
pub fn plan_summary(action: &str, counts: &PlanCounts) -> Text {
    let PlanCounts {
        allowed,
        requests,
        batch_max,
        denied,
        unknown,
    } = *counts;
    text!(
        format!(
            "{allowed} id(s) may proceed: {requests} {action} request(s) of at most {batch_max} id(s); {denied} denied, {unknown} unknown (not sent)."
        ),
        format!(
            "{allowed} 个 ID 可以执行：共 {requests} 个 {action} 请求，每个最多 {batch_max} 个 ID；{denied} 个被拒绝，{unknown} 个未知（不发送）。"
        )
    )
}

/// What is wrong with the responses handed to a merge.
#[derive(Debug, Clone, Copy)]
pub enum ResponsesProblem {
    /// The whole is not a list.
    NotAList,
    /// An entry is neither `{status, body, headers}` nor null.
    EntryShape,
    Status,
    Body,
    Headers,
}

/// The message for `problem` of the responses at `field`.
pub fn responses_problem(field: &str, problem: ResponsesProblem) -> Text {
    let (en, zh) = match problem {
        ResponsesProblem::NotAList => (
            "must be a list with one entry per planned request.",
            "必须是与计划请求一一对应的列表。",
        ),
        ResponsesProblem::EntryShape => (
            "must be {status, body, headers} or null.",
            "必须是 {status, body, headers} 或 null。",
        ),
        ResponsesProblem::Status => ("must be an HTTP status or null.", "必须是 HTTP 状态码或 null。"),
        ResponsesProblem::Body => ("must be the response body as text.", "必须是文本形式的响应体。"),
        ResponsesProblem::Headers => (
            "must be an object of header names to strings, or a list of [name, value] pairs.",
            "必须是从请求头名称到字符串的对象，或 [名称, 值] 对的列表。",
        ),
    };
    text!(format!("\"{field}\" {en}"), format!("\"{field}\" {zh}"))
}

/// The plan handed to a merge does not deserialize; `reason` is the parser's (clipped here).
pub fn plan_unreadable(reason: &str) -> Text {
    let shown = clip(reason);
    text!(
        format!("\"plan\" must be a plan as plan() returns it: {shown}."),
        format!("\"plan\" 必须是 plan() 返回的计划：{shown}。")
    )
}

/// A merge got another number of responses than the plan has requests.
pub fn response_count(requests: usize, responses: usize) -> Text {
    text!(
        format!(
            "The plan has {requests} request(s) but {responses} response(s) were given; give one per request (null for one not sent)."
        ),
        format!("计划有 {requests} 个请求，但提供了 {responses} 个响应；请为每个请求提供一个（未发送的为 null）。")
    )
}

/// How many ids of a merged plan ended up in each state.
#[derive(Debug, Clone, Copy)]
pub struct MergeCounts {
    pub accepted: usize,
    pub partly_failed: usize,
    pub failed: usize,
    pub dry_run: usize,
    pub no_answer: usize,
    pub not_sent: usize,
    pub denied: usize,
    pub unknown: usize,
}

/// The summary of a merged plan.
pub fn merge_summary(counts: &MergeCounts) -> Text {
    let MergeCounts {
        accepted,
        partly_failed,
        failed,
        dry_run,
        no_answer,
        not_sent,
        denied,
        unknown,
    } = *counts;
    text!(
        format!(
            "{accepted} accepted, {partly_failed} partly failed, {failed} failed, {dry_run} dry run, {no_answer} without an answer, {not_sent} not sent, {denied} denied, {unknown} unknown."
        ),
        format!(
            "{accepted} 个已受理，{partly_failed} 个部分失败，{failed} 个失败，{dry_run} 个预检通过，{no_answer} 个无应答，{not_sent} 个未发送，{denied} 个被拒绝，{unknown} 个未知。"
        )
    )
}

/// What became of one planned request, for every id it carried.
#[derive(Debug, Clone, Copy)]
pub enum RequestFate<'a> {
    NotSent,
    /// Sent, but no response arrived: `action` may or may not have been carried out.
    NoAnswer {
        action: &'a str,
    },
    DryRunPassed,
    /// It failed with `code`; `advice` is the retry advice's reason, in the reader's language.
    Failed {
        code: &'a str,
        advice: &'a str,
    },
}

/// Why the ids of request `index` stand where they do.
pub fn request_fate(index: usize, fate: &RequestFate<'_>) -> Text {
    match *fate {
        RequestFate::NotSent => text!(
            format!("Request {index} has not been sent."),
            format!("请求 {index} 尚未发送。")
        ),
        RequestFate::NoAnswer { action } => text!(
            format!("No response arrived for request {index}: {action} may or may not have been carried out."),
            format!("请求 {index} 没有收到响应：{action} 可能已执行也可能未执行。")
        ),
        RequestFate::DryRunPassed => text!(
            format!("The dry run of request {index} passed; nothing was changed."),
            format!("请求 {index} 的预检（DryRun）通过，未做任何更改。")
        ),
        RequestFate::Failed { code, advice } => text!(
            format!("Request {index} failed with {code}: {advice}"),
            format!("请求 {index} 失败，错误码 {code}：{advice}")
        ),
    }
}

/// What the provider's answer says of one id it accepted or refused.
#[derive(Debug, Clone, Copy)]
pub enum IdFate {
    /// The provider listed it among the failed ids.
    Failed,
    /// Accepted, but `failed` of its resources failed.
    PartlyFailed {
        failed: usize,
    },
    Accepted,
}

/// Why `id` (clipped here) stands where it does after the answer to `action`.
pub fn id_fate(action: &str, id: &str, fate: IdFate) -> Text {
    let id = clip(id);
    match fate {
        IdFate::Failed => text!(
            format!("The provider listed {id} among the ids whose {action} failed."),
            format!("服务商将 {id} 列为 {action} 失败的 ID。")
        ),
        IdFate::PartlyFailed { failed } => text!(
            format!("{action} was accepted for {id}, but {failed} of its resource(s) failed."),
            format!("{id} 的 {action} 已受理，但其中 {failed} 个资源失败。")
        ),
        IdFate::Accepted => text!(
            format!("The provider accepted {action} for {id}."),
            format!("服务商已受理 {id} 的 {action}。")
        ),
    }
}

// ---------------------------------------------------------------------------------------------
// Retry classes (`crate::lifecycle::classify`)

/// An HTTP status outside 100-599.
pub fn invalid_status(status: u16) -> Text {
    text!(
        format!("The HTTP status {status} is not valid; expected 100-599."),
        format!("HTTP 状态码 {status} 无效；应在 100-599 之间。")
    )
}

/// The parameters that were sent are not an object (`got`: the JSON type found).
pub fn sent_params_not_object(got: &str) -> Text {
    text!(
        format!("\"params\" must be the object of parameters that was sent; got {got}."),
        format!("\"params\" 必须是已发送的参数对象，实际为 {got}。")
    )
}

/// The resource a retry advice is about.
#[derive(Debug, Clone, Copy)]
pub struct RetrySubject<'a> {
    pub noun: &'a Text,
    pub action: &'a str,
    pub describe_api: &'a str,
}

/// What a failed call's answer says, as the classifier read it.
#[derive(Debug, Clone, Copy)]
pub enum FailureReading<'a> {
    /// No response arrived.
    NoResponse,
    /// The provider sent the retry-after header `header`.
    Header { header: &'a str },
    /// The error `code` (empty: the response named none) of the class `class`; `known` is the
    /// provider's own message for it, when its table lists it.
    Code {
        code: &'a str,
        class: CodeClass,
        known: Option<&'a Text>,
    },
}

/// The retry class of a code, as its reason words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeClass {
    Throttle,
    /// A server-side fault after which the operation may have been carried out.
    ServerFault,
    /// A temporary failure; the request was not carried out.
    Temporary,
    StateConflict,
    Permanent,
    Auth,
}

/// Why a failed call is classed as it is.
pub fn failure_reading(subject: &RetrySubject<'_>, reading: &FailureReading<'_>) -> Text {
    let RetrySubject {
        noun,
        action,
        describe_api: api,
    } = *subject;
    let (code, class, known) = match *reading {
        FailureReading::NoResponse => {
            return text!(
                format!("No response arrived, so {action} may or may not have been carried out."),
                format!("没有收到响应，{action} 可能已执行也可能未执行。")
            )
        }
        FailureReading::Header { header } => {
            return text!(
                format!("The provider sent {header}: the request was throttled; it succeeds later."),
                format!("服务商返回了 {header}：请求被流控，稍后可以成功。")
            )
        }
        FailureReading::Code { code, class, known } => (code, class, known),
    };
    let shown = if code.is_empty() {
        "The response".to_owned()
    } else {
        clip(code)
    };
    let shown_zh = if code.is_empty() {
        "该响应".to_owned()
    } else {
        clip(code)
    };
    let (noun_en, noun_zh) = (&noun.en, &noun.zh);
    let reason = match class {
        CodeClass::Throttle => text!(
            format!("{shown} means the request was rate-limited; the same request succeeds later."),
            format!("{shown_zh} 表示请求被流控；同一请求稍后可以成功。")
        ),
        CodeClass::ServerFault => text!(
            format!("{shown} is a server-side fault: {action} may or may not have been carried out."),
            format!("{shown_zh} 是服务端故障：{action} 可能已执行也可能未执行。")
        ),
        CodeClass::Temporary => text!(
            format!(
                "{shown} is a temporary failure; the request was not carried out, and trying again later can succeed."
            ),
            format!("{shown_zh} 是临时故障；请求未被执行，稍后重试可以成功。")
        ),
        CodeClass::StateConflict => text!(
            format!(
                "{shown} means the {noun_en} is busy or not in a state that allows {action}: wait, check it with {api}, then decide."
            ),
            format!("{shown_zh} 表示{noun_zh}正忙或当前状态不允许 {action}：请等待，用 {api} 确认后再决定。")
        ),
        CodeClass::Permanent => text!(
            format!("{shown} means the request itself cannot succeed; sending it again cannot help."),
            format!("{shown_zh} 表示该请求本身无法成功，重发也无济于事。")
        ),
        CodeClass::Auth => text!(
            format!("{shown} is a credentials, signature or permission problem; fix that before trying again."),
            format!("{shown_zh} 是凭证、签名或权限问题，请先解决再重试。")
        ),
    };
    match known {
        Some(message) => text!(
            format!("{} {}", message.en, reason.en),
            format!("{}{}", message.zh, reason.zh)
        ),
        None => reason,
    }
}

/// Whether resending a failed call is safe, and why, as the classifier decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResendSafety {
    /// Nothing to add (the request cannot succeed anyway).
    Unsaid,
    /// Safe with a new ClientToken: the old one is spent.
    NewToken,
    /// Safe with the same ClientToken.
    SameToken,
    /// Safe: the request was not carried out.
    NotCarriedOut,
    /// Unsafe: the operation takes no ClientToken and may have been carried out.
    TakesNoToken,
    /// Unsafe: the request carried no ClientToken and may have been carried out.
    NoTokenSent,
    /// Unsafe: check the resource first.
    CheckFirst,
}

/// The resend-safety sentence of a retry advice (empty for [`ResendSafety::Unsaid`]).
pub fn resend_safety(subject: &RetrySubject<'_>, safety: ResendSafety) -> Text {
    let RetrySubject {
        noun,
        action,
        describe_api: api,
    } = *subject;
    let (noun_en, noun_zh) = (&noun.en, &noun.zh);
    match safety {
        ResendSafety::Unsaid => text!("", ""),
        ResendSafety::NewToken => text!(
            "Resending is safe with a new ClientToken: the old one is spent.",
            "使用新的 ClientToken 重发是安全的：旧令牌已失效。"
        ),
        ResendSafety::SameToken => text!(
            "Resending with the same ClientToken is safe: the provider carries it out at most once.",
            "使用相同的 ClientToken 重发是安全的：服务商最多执行一次。"
        ),
        ResendSafety::NotCarriedOut => {
            text!("Resending is safe: the request was not carried out.", "重发是安全的：请求未被执行。")
        }
        ResendSafety::TakesNoToken => text!(
            format!(
                "{action} takes no ClientToken, so a blind resend could repeat it: check the {noun_en} with {api} first."
            ),
            format!("{action} 不支持 ClientToken，盲目重发可能重复执行：请先用 {api} 确认{noun_zh}的状态。")
        ),
        ResendSafety::NoTokenSent => text!(
            format!(
                "The request carried no ClientToken, so a blind resend could repeat it: check the {noun_en} with {api} first, and send a ClientToken next time."
            ),
            format!(
                "请求未携带 ClientToken，盲目重发可能重复执行：请先用 {api} 确认{noun_zh}的状态，今后请携带 ClientToken。"
            )
        ),
        ResendSafety::CheckFirst => text!(
            format!("Check the {noun_en} with {api} before resending."),
            format!("重发前请先用 {api} 确认{noun_zh}的状态。")
        ),
    }
}

/// `more` after `text`, as one reason: a space between in English, none in Chinese; nothing
/// when `more` is empty.
pub fn append(text: &mut Text, more: Text) {
    if !more.en.is_empty() {
        text.en.to_mut().push(' ');
        text.en.to_mut().push_str(&more.en);
        text.zh.to_mut().push_str(&more.zh);
    }
}

// ---------------------------------------------------------------------------------------------
// Access-denied explanations (`crate::lifecycle::denied`)

/// What is wrong with an access-denied detail handed to the explainer.
#[derive(Debug, Clone, Copy)]
pub enum DetailProblem {
    TooLarge,
    TextNotJson,
    NotJsonObject,
    /// Neither an AccessDeniedDetail object nor its JSON text.
    NotDetail,
    NotObject,
    NotBoolean,
    NotString,
}

/// The message for `problem` of the detail at `field`.
pub fn detail_problem(field: &str, problem: DetailProblem) -> Text {
    let (en, zh) = match problem {
        DetailProblem::TooLarge => ("is too large to be a denial detail", "过大，不是拒绝详情"),
        DetailProblem::TextNotJson => ("is text that is not JSON", "是文本但不是 JSON"),
        DetailProblem::NotJsonObject => ("must be a JSON object", "必须是 JSON 对象"),
        DetailProblem::NotDetail => (
            "must be an AccessDeniedDetail object or its JSON text",
            "必须是 AccessDeniedDetail 对象或其 JSON 文本",
        ),
        DetailProblem::NotObject => ("must be an object", "必须是对象"),
        DetailProblem::NotBoolean => ("must be a boolean", "必须是布尔值"),
        DetailProblem::NotString => ("must be a string", "必须是字符串"),
    };
    text!(format!("\"{field}\" {en}."), format!("\"{field}\" {zh}。"))
}

/// Which kind of deny the provider reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DenyKind {
    Explicit,
    Implicit,
    /// The provider did not say.
    Unstated,
}

/// A denial as the provider explained it; the strings are the provider's own, already bounded.
#[derive(Debug, Clone, Copy)]
pub struct Denial<'a> {
    pub kind: DenyKind,
    pub action: Option<&'a str>,
    pub resource: Option<&'a str>,
    /// Alibaba's policy type name (`ControlPolicy`…).
    pub policy_type: Option<&'a str>,
    /// The principal's type and display name (clipped here), when both are given.
    pub principal: Option<(&'a str, &'a str)>,
    /// The detail carries an encoded diagnostic message.
    pub encoded_diagnosis: bool,
}

/// Why access was denied, in words.
pub fn denial(denial: &Denial<'_>) -> Text {
    // Provider text, already bounded when read; ARNs are often longer than `clip` keeps.
    let action = denial.action.unwrap_or("the action");
    let action_zh = denial.action.unwrap_or("该操作");
    let (on_en, on_zh) = match denial.resource {
        Some(arn) => (format!(" on {arn}"), format!("对 {arn} ")),
        None => (String::new(), String::new()),
    };
    let (policy_en, policy_zh) = match denial.policy_type {
        Some(kind) => policy_words(kind),
        None => ("policy".to_owned(), "策略".to_owned()),
    };
    let mut text = match denial.kind {
        DenyKind::Explicit => text!(
            format!(
                "Explicit deny: {} denies {action}{on_en}; an explicit Deny overrides any Allow.",
                with_article(&policy_en)
            ),
            format!("显式拒绝：{policy_zh}拒绝{on_zh}执行 {action_zh}；显式 Deny 优先于任何 Allow。")
        ),
        DenyKind::Implicit => text!(
            format!("Implicit deny: no {policy_en} allows {action}{on_en}; RAM denies by default."),
            format!("隐式拒绝：没有{policy_zh}允许{on_zh}执行 {action_zh}；RAM 默认拒绝。")
        ),
        DenyKind::Unstated => text!(
            format!(
                "Access denied for {action}{on_en}; the provider did not say whether a policy denied it explicitly."
            ),
            format!("{on_zh}执行 {action_zh} 被拒绝；服务商未说明是否为显式拒绝。")
        ),
    };
    if let Some((kind, name)) = denial.principal {
        text.en
            .to_mut()
            .push_str(&format!(" Principal: {} {}.", clip(kind), clip(name)));
        text.zh
            .to_mut()
            .push_str(&format!("身份：{} {}。", clip(kind), clip(name)));
    }
    if denial.encoded_diagnosis {
        text.en
            .to_mut()
            .push_str(" ram:DecodeDiagnosticMessage decodes the full diagnosis.");
        text.zh
            .to_mut()
            .push_str("可调用 ram:DecodeDiagnosticMessage 解码完整诊断信息。");
    }
    text
}

/// The policy types Alibaba names in denials, in words (without an article).
fn policy_words(kind: &str) -> (String, String) {
    match kind {
        "AccountLevelIdentityBasedPolicy" => (
            "identity-based policy (account level)".to_owned(),
            "身份策略（账号级别）".to_owned(),
        ),
        "ResourceGroupLevelIdentityBasedPolicy" => (
            "identity-based policy (resource-group level)".to_owned(),
            "身份策略（资源组级别）".to_owned(),
        ),
        "ControlPolicy" => (
            "control policy of the resource directory".to_owned(),
            "资源目录管控策略".to_owned(),
        ),
        "SessionPolicy" => ("session policy".to_owned(), "会话策略".to_owned()),
        "AssumeRolePolicy" => ("role trust policy".to_owned(), "角色信任策略".to_owned()),
        other => (format!("{} policy", clip(other)), format!("{} 策略", clip(other))),
    }
}

fn with_article(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {noun}")
}

// ---------------------------------------------------------------------------------------------
// Client tokens (`crate::lifecycle::token`)

/// The operation `operation` takes no ClientToken.
pub fn takes_no_token(operation: &str) -> Text {
    text!(
        format!("{operation} takes no ClientToken, so it has no idempotency token."),
        format!("{operation} 不支持 ClientToken，因此没有幂等令牌。")
    )
}

/// A token scope longer than `max` characters.
pub fn scope_too_long(max: usize) -> Text {
    text!(
        format!("The scope must be at most {max} characters."),
        format!("scope 最多 {max} 个字符。")
    )
}
