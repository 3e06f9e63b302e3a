//! The wording of RAM policy parsing and evaluation (`crate::ram`).

use serde_json::Value;

use crate::error::clip;
use crate::lang::Text;
use crate::ram::condition::OperandKind;
use crate::ram::evaluate::AccessDecision;
use crate::text;

/// What is wrong with one element of a policy document, as [`crate::ram::policy`] found it.
/// Names and values are given as the document has them; this module clips them.
#[derive(Debug, Clone, Copy)]
pub enum PolicyProblem<'a> {
    /// Neither JSON text nor an object.
    NotADocument,
    /// The text does not parse as JSON at `line`, `column`.
    NotJson {
        line: usize,
        column: usize,
    },
    /// Nested deeper than `max` levels.
    TooDeep {
        max: usize,
    },
    /// A refusal that recorded no other reason.
    Unreadable,
    /// The document parses but is not an object.
    NotAnObject,
    UnsupportedVersion {
        version: &'a str,
    },
    VersionNotString,
    NoStatements,
    StatementsNotArray,
    StatementNotObject,
    UnknownEffect {
        effect: &'a str,
    },
    EffectNotString,
    ActionAndNotAction,
    /// `Principal`, which identity policies cannot use.
    Principal,
    NotResource,
    /// An unknown element whose name differs from `meant` only in case.
    MiscasedElement {
        name: &'a str,
        meant: &'a str,
    },
    UnknownElement {
        name: &'a str,
        known: &'a [&'a str],
    },
    /// An empty `Action`, `NotAction` or `Resource` list.
    EmptyList {
        element: &'a str,
    },
    MalformedAction {
        action: &'a str,
    },
    MalformedResource {
        resource: &'a str,
    },
    ConditionNotObject,
    UnknownOperator {
        operator: &'a str,
        supported: &'a [&'a str],
    },
    OperatorWithoutKeys,
    MalformedConditionKey {
        key: &'a str,
    },
    NoConditionValues,
    BoolTakesOne,
    /// A condition value that is not of the operator's type.
    BadConditionValue {
        operator: &'a str,
        kind: OperandKind,
        value: &'a Value,
    },
    /// A required element is absent.
    Missing {
        element: &'a str,
    },
    NotString {
        element: &'a str,
    },
}

/// The message for `problem`.
pub fn policy_problem(problem: &PolicyProblem<'_>) -> Text {
    match *problem {
        PolicyProblem::NotADocument => text!(
            "A policy document must be a JSON object or JSON text.",
            "权限策略必须是 JSON 对象或 JSON 文本。"
        ),
        PolicyProblem::NotJson { line, column } => text!(
            format!("The policy document is not valid JSON (line {line}, column {column})."),
            format!("权限策略不是合法的 JSON（第 {line} 行，第 {column} 列）。")
        ),
        PolicyProblem::TooDeep { max } => text!(
            format!("The policy document is nested more than {max} levels deep."),
            format!("权限策略的嵌套超过 {max} 层。")
        ),
        PolicyProblem::Unreadable => text!("The policy document could not be read.", "无法读取权限策略。"),
        PolicyProblem::NotAnObject => text!("A policy document must be a JSON object.", "权限策略必须是 JSON 对象。"),
        PolicyProblem::UnsupportedVersion { version } => text!(
            format!(
                "The policy version \"{}\" is not supported; RAM policies use \"1\".",
                clip(version)
            ),
            format!("不支持权限策略版本 \"{}\"；RAM 权限策略的版本为 \"1\"。", clip(version))
        ),
        PolicyProblem::VersionNotString => text!("Version must be the string \"1\".", "Version 必须是字符串 \"1\"。"),
        PolicyProblem::NoStatements => text!(
            "Statement must list at least one statement.",
            "Statement 至少要包含一条语句。"
        ),
        PolicyProblem::StatementsNotArray => text!(
            "Statement must be an array of statements.",
            "Statement 必须是语句数组。"
        ),
        PolicyProblem::StatementNotObject => text!("A statement must be a JSON object.", "语句必须是 JSON 对象。"),
        PolicyProblem::UnknownEffect { effect } => text!(
            format!(
                "The effect \"{}\" is not valid; use \"Allow\" or \"Deny\" (case-sensitive).",
                clip(effect)
            ),
            format!(
                "Effect 值 \"{}\" 无效；请使用 \"Allow\" 或 \"Deny\"（区分大小写）。",
                clip(effect)
            )
        ),
        PolicyProblem::EffectNotString => text!(
            "Effect must be the string \"Allow\" or \"Deny\".",
            "Effect 必须是字符串 \"Allow\" 或 \"Deny\"。"
        ),
        PolicyProblem::ActionAndNotAction => text!(
            "A statement uses either Action or NotAction, not both.",
            "一条语句只能使用 Action 或 NotAction 之一。"
        ),
        PolicyProblem::Principal => text!(
            "Principal belongs to resource-based and trust policies; an identity policy cannot use it.",
            "Principal 仅用于基于资源的策略和信任策略，身份权限策略不能使用。"
        ),
        PolicyProblem::NotResource => text!(
            "RAM policies do not support NotResource.",
            "RAM 权限策略不支持 NotResource。"
        ),
        PolicyProblem::MiscasedElement { name, meant } => text!(
            format!(
                "Unknown element \"{}\"; element names are case-sensitive: did you mean \"{meant}\"?",
                clip(name)
            ),
            format!("未知元素 \"{}\"；元素名区分大小写，是否应为 \"{meant}\"？", clip(name))
        ),
        PolicyProblem::UnknownElement { name, known } => text!(
            format!(
                "Unknown element \"{}\"; allowed here: {}.",
                clip(name),
                crate::lang::join(known, ", ")
            ),
            format!(
                "未知元素 \"{}\"；此处允许：{}。",
                clip(name),
                crate::lang::join(known, ", ")
            )
        ),
        PolicyProblem::EmptyList { element } => text!(
            format!("{element} must list at least one entry."),
            format!("{element} 至少要包含一项。")
        ),
        PolicyProblem::MalformedAction { action } => text!(
            format!(
                "The action \"{}\" must have the form <ram-code>:<action-name>, e.g. ecs:RebootInstance, or be *.",
                clip(action)
            ),
            format!(
                "操作 \"{}\" 必须符合 <ram-code>:<action-name> 格式（例如 ecs:RebootInstance），或为 *。",
                clip(action)
            )
        ),
        PolicyProblem::MalformedResource { resource } => text!(
            format!(
                "The resource \"{}\" must be * or an ARN starting with acs:, e.g. acs:ecs:*:*:instance/*.",
                clip(resource)
            ),
            format!(
                "资源 \"{}\" 必须为 * 或以 acs: 开头的 ARN，例如 acs:ecs:*:*:instance/*。",
                clip(resource)
            )
        ),
        PolicyProblem::ConditionNotObject => text!(
            "Condition must be an object of operators, e.g. {\"IpAddress\": {...}}.",
            "Condition 必须是以条件运算符为键的对象，例如 {\"IpAddress\": {...}}。"
        ),
        PolicyProblem::UnknownOperator { operator, supported } => text!(
            format!(
                "Unknown condition operator \"{}\" (operators are case-sensitive); supported: {}.",
                clip(operator),
                crate::lang::join(supported, ", ")
            ),
            format!(
                "未知条件运算符 \"{}\"（区分大小写）；支持：{}。",
                clip(operator),
                crate::lang::join(supported, ", ")
            )
        ),
        PolicyProblem::OperatorWithoutKeys => text!(
            "An operator must map at least one condition key to its values, e.g. {\"acs:SourceIp\": \"10.0.0.0/8\"}.",
            "条件运算符必须至少将一个条件键映射到其取值，例如 {\"acs:SourceIp\": \"10.0.0.0/8\"}。"
        ),
        PolicyProblem::MalformedConditionKey { key } => text!(
            format!(
                "The condition key \"{}\" must have the form <prefix>:<name>, e.g. acs:SourceIp.",
                clip(key)
            ),
            format!(
                "条件键 \"{}\" 必须符合 <prefix>:<name> 格式，例如 acs:SourceIp。",
                clip(key)
            )
        ),
        PolicyProblem::NoConditionValues => {
            text!("A condition key needs at least one value.", "条件键至少需要一个取值。")
        }
        PolicyProblem::BoolTakesOne => text!(
            "Bool takes exactly one value, \"true\" or \"false\".",
            "Bool 只能有一个取值：\"true\" 或 \"false\"。"
        ),
        PolicyProblem::BadConditionValue { operator, kind, value } => bad_condition_value(operator, kind, value),
        PolicyProblem::Missing { element } => {
            text!(format!("{element} is required."), format!("缺少必需元素 {element}。"))
        }
        PolicyProblem::NotString { element } => text!(
            format!("{element} must be a string."),
            format!("{element} 必须是字符串。")
        ),
    }
}

fn bad_condition_value(name: &str, kind: OperandKind, value: &Value) -> Text {
    let (expected_en, expected_zh) = match kind {
        OperandKind::String => ("a string", "字符串"),
        OperandKind::Numeric => ("a number", "数字"),
        OperandKind::Date => (
            "an ISO 8601 UTC time such as 2017-11-11T23:59:59Z",
            "ISO 8601 UTC 时间，例如 2017-11-11T23:59:59Z",
        ),
        OperandKind::Bool => ("\"true\" or \"false\"", "\"true\" 或 \"false\""),
        OperandKind::Ip => (
            "an IP address or CIDR block such as 10.0.0.0/8",
            "IP 地址或 CIDR 网段，例如 10.0.0.0/8",
        ),
    };
    let shown = match value {
        Value::String(text) => format!("\"{}\"", clip(text)),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
        // The JSON spelling, as `Value`'s Display writes it, without a JSON writer for it.
        Value::Null => "null".to_owned(),
        Value::Bool(flag) => flag.to_string(),
        Value::Number(number) => clip(&number.to_string()),
    };
    let shown_zh = match value {
        Value::Array(_) => "数组".to_owned(),
        Value::Object(_) => "对象".to_owned(),
        _ => shown.clone(),
    };
    text!(
        format!("{name} needs {expected_en}; got {shown}."),
        format!("{name} 需要{expected_zh}；实际为 {shown_zh}。")
    )
}

/// A policy document outside 1 to `max` characters.
pub fn policy_length(length: usize, max: usize) -> Text {
    text!(
        format!("The policy document is {length} characters long; it must be 1 to {max} characters."),
        format!("权限策略长度为 {length} 个字符，必须为 1 到 {max} 个字符。")
    )
}

/// The summary that closes a list of policy problems cut at [`crate::params::MAX_VIOLATIONS`].
pub fn unlisted_problems(count: usize) -> Text {
    text!(
        format!("{count} further problems were not listed."),
        format!("另有 {count} 处问题未列出。")
    )
}

/// Why a set of policy documents is too large to evaluate at once.
#[derive(Debug, Clone, Copy)]
pub enum PoliciesLimit {
    /// `count` documents, more than `max`.
    Count { count: usize, max: usize },
    /// `total` characters in all, more than `max`.
    Chars { total: usize, max: usize },
}

/// The message for `limit`.
pub fn policies_limit(limit: PoliciesLimit) -> Text {
    match limit {
        PoliciesLimit::Count { count, max } => text!(
            format!("{count} policy documents were given; at most {max} can be evaluated at once."),
            format!("提供了 {count} 个权限策略；一次最多评估 {max} 个。")
        ),
        PoliciesLimit::Chars { total, max } => text!(
            format!("The policy documents add up to {total} characters; at most {max} can be evaluated at once."),
            format!("权限策略合计 {total} 个字符；一次最多评估 {max} 个字符。")
        ),
    }
}

/// What is wrong with a request context, as [`crate::ram::condition::Context::from_json`] found it.
#[derive(Debug, Clone, Copy)]
pub enum ContextProblem<'a> {
    NotAnObject,
    /// `key` repeats another key but for case.
    RepeatedKey {
        key: &'a str,
    },
    /// A value that is not a scalar or an array of scalars.
    NotAValue,
    TooManyValues {
        max: usize,
    },
    ValueTooLong {
        max: usize,
    },
    TooManyChars {
        max: usize,
    },
    /// A well-known key's value that is not of its `kind`.
    WrongKind {
        value: &'a str,
        kind: ContextKind,
    },
}

/// The type a well-known context key holds.
#[derive(Debug, Clone, Copy)]
pub enum ContextKind {
    IpAddress,
    UtcTime,
    Boolean,
}

/// The message for `problem`.
pub fn context_problem(problem: &ContextProblem<'_>) -> Text {
    match *problem {
        ContextProblem::NotAnObject => text!(
            "The context must be an object of condition keys, e.g. {\"acs:SourceIp\": \"203.0.113.7\"}.",
            "上下文必须是以条件键为键的对象，例如 {\"acs:SourceIp\": \"203.0.113.7\"}。"
        ),
        ContextProblem::RepeatedKey { key } => text!(
            format!(
                "The context key \"{}\" is given twice (keys are case-insensitive).",
                clip(key)
            ),
            format!("上下文键 \"{}\" 重复出现（键不区分大小写）。", clip(key))
        ),
        ContextProblem::NotAValue => text!(
            "A context value must be a string, number, boolean, or an array of these.",
            "上下文的值必须是字符串、数字、布尔值或由它们组成的数组。"
        ),
        ContextProblem::TooManyValues { max } => text!(
            format!("The context holds more than {max} values."),
            format!("上下文的取值超过 {max} 个。")
        ),
        ContextProblem::ValueTooLong { max } => text!(
            format!("A context value is at most {max} characters long."),
            format!("上下文的每个取值最长 {max} 个字符。")
        ),
        ContextProblem::TooManyChars { max } => text!(
            format!("The context's keys and values add up to more than {max} characters."),
            format!("上下文的键与取值合计超过 {max} 个字符。")
        ),
        ContextProblem::WrongKind { value, kind } => {
            let (expected_en, expected_zh) = match kind {
                ContextKind::IpAddress => ("an IP address such as 203.0.113.7", "IP 地址，例如 203.0.113.7"),
                ContextKind::UtcTime => (
                    "an ISO 8601 UTC time such as 2017-11-11T23:59:59Z",
                    "ISO 8601 UTC 时间，例如 2017-11-11T23:59:59Z",
                ),
                ContextKind::Boolean => ("true or false", "true 或 false"),
            };
            text!(
                format!("The context value \"{}\" must be {expected_en}.", clip(value)),
                format!("上下文值 \"{}\" 必须是{expected_zh}。", clip(value))
            )
        }
    }
}

/// Why [`crate::ram::authorize`] refuses its arguments before deciding anything.
#[derive(Debug, Clone, Copy)]
pub enum AuthorizeProblem<'a> {
    /// The operation (`op_id`) is a Zenlayer one, which RAM does not govern.
    NotRamGoverned {
        op_id: &'a str,
    },
    /// The target parameter `param` names no resource.
    NoTarget {
        param: &'a str,
    },
    /// The `region` argument and the `RegionId` parameter differ.
    RegionMismatch {
        region: &'a str,
        region_id: &'a str,
    },
    InvalidAccountId {
        account_id: &'a str,
    },
    /// The `field` (action or resource) is longer than `max` characters.
    TooLong {
        field: &'a str,
        max: usize,
    },
}

/// The message for `problem`.
pub fn authorize_problem(problem: &AuthorizeProblem<'_>) -> Text {
    match *problem {
        AuthorizeProblem::NotRamGoverned { op_id } => text!(
            format!("RAM applies to Alibaba Cloud operations only; {op_id} is a Zenlayer operation."),
            format!("RAM 仅适用于阿里云操作；{op_id} 是 Zenlayer 操作。")
        ),
        AuthorizeProblem::NoTarget { param } => text!(
            format!("{param} names no resource."),
            format!("{param} 未指定任何资源。")
        ),
        AuthorizeProblem::RegionMismatch { region, region_id } => text!(
            format!("The region \"{region}\" differs from the RegionId parameter \"{region_id}\"; the resource ARN would name the wrong region."),
            format!("地域 \"{region}\" 与参数 RegionId \"{region_id}\" 不一致；资源 ARN 会指向错误的地域。")
        ),
        AuthorizeProblem::InvalidAccountId { account_id } => text!(
            format!(
                "The account id \"{}\" is not valid; expected 16 digits such as 1488317743351199.",
                clip(account_id)
            ),
            format!(
                "账号 ID \"{}\" 无效；应为 16 位数字，例如 1488317743351199。",
                clip(account_id)
            )
        ),
        AuthorizeProblem::TooLong { field, max } => text!(
            format!("The {field} is longer than {max} characters."),
            format!("{field} 超过 {max} 个字符。")
        ),
    }
}

/// Alibaba Cloud's message for `Forbidden.RAM`.
pub const FORBIDDEN_RAM: Text = Text::new(
    "User not authorized to operate on the specified resource, or this API doesn't support RAM.",
    "用户无权操作指定资源，或此 API 不支持 RAM。",
);

/// Why several required permissions, all `count` granted, allow the call.
pub fn all_granted(count: usize) -> Text {
    text!(
        format!("Allowed: all {count} required permissions are granted."),
        format!("允许：全部 {count} 项所需权限均已授予。")
    )
}

/// Why `decision` was reached for `action` on `resource`; `policy` and `statement` index the
/// deciding statement (unused for an implicit deny).
pub fn access_decision(
    decision: AccessDecision,
    policy: usize,
    statement: usize,
    action: &str,
    resource: &str,
) -> Text {
    match decision {
        AccessDecision::Allow => text!(
            format!("Allowed: statement {statement} of policy {policy} allows {action} on {resource}."),
            format!("允许：策略 {policy} 的语句 {statement} 允许对 {resource} 执行 {action}。")
        ),
        AccessDecision::ExplicitDeny => text!(
            format!("Explicit deny: statement {statement} of policy {policy} denies {action} on {resource}; an explicit Deny overrides any Allow."),
            format!("显式拒绝：策略 {policy} 的语句 {statement} 拒绝对 {resource} 执行 {action}；显式 Deny 优先于任何 Allow。")
        ),
        AccessDecision::ImplicitDeny => text!(
            format!("Implicit deny: no statement allows {action} on {resource}; RAM denies by default."),
            format!("隐式拒绝：没有语句允许对 {resource} 执行 {action}；RAM 默认拒绝。")
        ),
    }
}
