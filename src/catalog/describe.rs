//! A plain-data view of an operation spec, for `operations()` / `operation()` and for docs. Its
//! serialized form is what `tests/vectors/core_catalog.json` pins.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::lists::strings;
use crate::record::Record;
use crate::spec::{
    CrossRule, ErrorOrigin, Format, Guard, OperationSpec, ParamKind, ParamSpec, Provider, TargetSpec, Transition,
    Uniqueness, WireSpec,
};

/// An operation's description: parameters, the statuses its guards accept, how to wait for it,
/// its RAM permission, its errors and how its requests travel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
#[record(python = "Operation", ts = "OperationDescription", repr(id, provider, action))]
pub struct OperationDescription {
    /// The operation id, `<ram-code>:<Action>`.
    #[serde(deserialize_with = "crate::catalog::deserialize_id")]
    #[record(ty = crate::record::OperationId)]
    pub id: crate::catalog::StaticId,
    pub provider: Provider,
    /// The product code as the SDKs name it (`Ecs`, `ComputeNest`, `ComputeNestSupplier`, `zec`).
    pub product: String,
    pub api_version: String,
    /// The API action, e.g. `RebootInstance`.
    pub action: String,
    /// One sentence, in the requested language.
    pub summary: String,
    pub wire: WireDescription,
    /// The parameters, in the order the official SDKs serialize them.
    pub params: Vec<ParamDescription>,
    /// Rules that span several parameters.
    pub rules: Vec<RuleDescription>,
    pub target: TargetDescription,
    pub resource: ResourceDescription,
    /// The statuses in which the operation is allowed.
    pub allowed_statuses: Vec<String>,
    /// Where the status goes once the call is accepted; `None` when it does not change.
    pub transition: Option<TransitionDescription>,
    pub wait: WaitDescription,
    /// The RAM permission it needs; `None` where the provider has no RAM (Zenlayer).
    pub ram: Option<RamDescription>,
    /// How a dry run is asked for and answered; `None` where there is none.
    pub dry_run: Option<DryRunDescription>,
    /// Every error code the operation can produce, client-side or from the provider.
    pub errors: Vec<ErrorDescription>,
}

/// How the operation's requests travel.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
#[serde(untagged)]
pub enum WireDescription {
    AlibabaRpc(AlibabaRpcWire),
    ZenlayerJson(ZenlayerJsonWire),
}

/// Alibaba RPC style: `Action`/`Version` plus flat parameters.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
pub struct AlibabaRpcWire {
    pub style: AlibabaRpcStyle,
    /// The host template; `{region}` is replaced by the region id.
    pub endpoint: String,
    /// Regions that have their own host (empty: every region does).
    pub regions: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
pub enum AlibabaRpcStyle {
    #[serde(rename = "alibaba_rpc")]
    AlibabaRpc,
}

/// Zenlayer: `POST <path>` with a JSON body and the action in `X-ZC-Action`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
pub struct ZenlayerJsonWire {
    pub style: ZenlayerJsonStyle,
    pub host: String,
    pub path: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
pub enum ZenlayerJsonStyle {
    #[serde(rename = "zenlayer_json")]
    ZenlayerJson,
}

/// One parameter: its name, whether it is required, and its kind (`type` and what goes with it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
pub struct ParamDescription {
    /// The name as the provider spells it.
    pub name: String,
    pub required: bool,
    /// What values it takes; its keys are the parameter's own in the serialized form.
    #[serde(flatten)]
    pub kind: ParamKindDescription,
}

/// What values a parameter takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
#[serde(untagged)]
#[record(name = "ParamKind")]
pub enum ParamKindDescription {
    Boolean(BooleanKind),
    Integer(IntegerKind),
    Enum(EnumKind),
    String(StringKind),
    List(ListKind),
    Object(ObjectKind),
}

/// `true` or `false`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
pub struct BooleanKind {
    #[serde(rename = "type")]
    pub kind: BooleanType,
    /// What the provider assumes when it is left out.
    pub default: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
#[serde(rename_all = "lowercase")]
pub enum BooleanType {
    Boolean,
}

/// An integer within inclusive bounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
pub struct IntegerKind {
    #[serde(rename = "type")]
    pub kind: IntegerType,
    pub min: i64,
    pub max: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
#[serde(rename_all = "lowercase")]
pub enum IntegerType {
    Integer,
}

/// One of a fixed set of strings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
pub struct EnumKind {
    #[serde(rename = "type")]
    pub kind: EnumType,
    pub values: Vec<String>,
    /// What the provider assumes when it is left out.
    pub default: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
#[serde(rename_all = "lowercase")]
pub enum EnumType {
    Enum,
}

/// A string of a checked format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
pub struct StringKind {
    #[serde(rename = "type")]
    pub kind: StringType,
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
#[serde(rename_all = "lowercase")]
pub enum StringType {
    String,
}

/// A list of items of one kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
pub struct ListKind {
    #[serde(rename = "type")]
    pub kind: ListType,
    pub items: Box<ParamKindDescription>,
    /// The fewest items allowed.
    pub min: usize,
    /// The most items allowed.
    pub max: usize,
    /// Which repeats it refuses: `"items"` (items must differ), a field name (objects must
    /// differ in it), or `None` (repeats allowed).
    pub unique: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
#[serde(rename_all = "lowercase")]
pub enum ListType {
    List,
}

/// An object with named fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
pub struct ObjectKind {
    #[serde(rename = "type")]
    pub kind: ObjectType,
    pub fields: Vec<ParamDescription>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Record)]
#[serde(rename_all = "lowercase")]
pub enum ObjectType {
    Object,
}

/// A rule that spans several parameters: exactly one of the groups may be used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
#[record(name = "RuleDescription")]
pub struct RuleDescription {
    /// The groups of parameters, one of which is used (Renew: `Period`+`PeriodUnit` for every
    /// resource, or `ResourcePeriod` for listed ones).
    pub one_method_of: Vec<Vec<String>>,
}

/// Which parameter names the resources the operation acts on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
pub struct TargetDescription {
    pub param: String,
    /// For a batch operation, the most ids one request may carry; `None` for one resource.
    pub batch_max: Option<usize>,
}

/// How a resource is read from the provider's Describe API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
pub struct ResourceDescription {
    /// The Describe API whose items a pre-check takes.
    pub describe_api: String,
    pub id_field: String,
    pub status_field: String,
    /// Every status the provider documents; any other is denied as unknown.
    pub statuses: Vec<String>,
}

/// Where the status goes once the call is accepted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
pub struct TransitionDescription {
    /// `None` where the provider does not document the intermediate status.
    pub immediate: Option<String>,
    pub settled: String,
}

/// How to wait for the operation to finish by polling the Describe API (classify each status
/// seen with `wait_status`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
pub struct WaitDescription {
    /// The statuses that mean done; empty for a synchronous operation.
    pub target: Vec<String>,
    /// The statuses on the way there: poll again.
    pub pending: Vec<String>,
    /// The statuses that mean it did not complete.
    pub failure: Vec<String>,
    /// How long to wait before the first poll: right after the call the status can still read
    /// as it did before, so a first poll could wrongly read "done".
    pub initial_delay_seconds: u32,
    /// How long to wait between polls.
    pub interval_seconds: u32,
    /// How long to wait in all.
    pub timeout_seconds: u32,
}

/// The RAM permission an operation needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
pub struct RamDescription {
    pub action: String,
    /// The resource ARN template; `{region}`, `{account}` and `{id}` are replaced per target.
    pub resource: String,
}

/// How a dry run is asked for (`param` set to true) and answered (`code`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
pub struct DryRunDescription {
    pub param: String,
    pub code: String,
}

/// One error code the operation can produce.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Record)]
pub struct ErrorDescription {
    pub code: String,
    pub http_status: u16,
    pub retryable: bool,
    /// The message, in the requested language.
    pub message: String,
    pub origin: ErrorOrigin,
}

impl OperationSpec {
    pub fn describe(&self, lang: Lang) -> OperationDescription {
        let allowed_statuses = self
            .guards
            .iter()
            .find_map(|guard| match guard {
                Guard::StatusIn { statuses, .. } => Some(strings(statuses)),
                _ => None,
            })
            .unwrap_or_default();
        let target = match self.target {
            TargetSpec::Single { param } => TargetDescription {
                param: param.to_owned(),
                batch_max: None,
            },
            TargetSpec::Batch { param, max } => TargetDescription {
                param: param.to_owned(),
                batch_max: Some(max),
            },
        };
        let transition = match self.transition {
            Transition::Through { immediate, settled } => Some(TransitionDescription {
                immediate: Some(immediate.to_owned()),
                settled: settled.to_owned(),
            }),
            Transition::Settles { settled } => Some(TransitionDescription {
                immediate: None,
                settled: settled.to_owned(),
            }),
            Transition::Unchanged => None,
        };
        let wire = match self.wire {
            WireSpec::AlibabaRpc {
                endpoint,
                regional_endpoints,
                ..
            } => WireDescription::AlibabaRpc(AlibabaRpcWire {
                style: AlibabaRpcStyle::AlibabaRpc,
                endpoint: endpoint.to_owned(),
                regions: strings(regional_endpoints),
            }),
            WireSpec::ZenlayerJson { host, path } => WireDescription::ZenlayerJson(ZenlayerJsonWire {
                style: ZenlayerJsonStyle::ZenlayerJson,
                host: host.to_owned(),
                path: path.to_owned(),
            }),
        };
        let mut errors = Vec::new();
        for entry in self.errors.iter().chain(crate::catalog::provider_errors(self.provider)) {
            if self.error(entry.code).is_some_and(|first| std::ptr::eq(first, entry)) {
                errors.push(ErrorDescription {
                    code: entry.code.to_owned(),
                    http_status: entry.http_status,
                    retryable: entry.retryable,
                    message: entry.message.get(lang).to_owned(),
                    origin: entry.origin,
                });
            }
        }
        let rules = crate::lists::map_items(self.rules, |rule| match rule {
            CrossRule::OneMethod { groups } => RuleDescription {
                one_method_of: crate::lists::map_items(groups, |group| strings(group.members)),
            },
        });
        OperationDescription {
            id: self.id,
            provider: self.provider,
            product: self.product.to_owned(),
            api_version: self.api_version.to_owned(),
            action: self.action.to_owned(),
            summary: self.summary.get(lang).to_owned(),
            wire,
            params: describe_params(self.params),
            rules,
            target,
            resource: ResourceDescription {
                describe_api: self.resource.describe_api.to_owned(),
                id_field: self.resource.id_field.to_owned(),
                status_field: self.resource.status_field.to_owned(),
                statuses: strings(self.resource.statuses),
            },
            allowed_statuses,
            transition,
            wait: WaitDescription {
                target: strings(self.wait.target),
                pending: strings(self.wait.pending),
                failure: strings(self.wait.failure),
                initial_delay_seconds: self.wait.initial_delay_seconds,
                interval_seconds: self.wait.interval_seconds,
                timeout_seconds: self.wait.timeout_seconds,
            },
            ram: self.ram.map(|ram| RamDescription {
                action: ram.action.to_owned(),
                resource: ram.resource.to_owned(),
            }),
            dry_run: self.dry_run.map(|dry_run| DryRunDescription {
                param: dry_run.param.to_owned(),
                code: dry_run.code.to_owned(),
            }),
            errors,
        }
    }
}

fn describe_params(params: &[ParamSpec]) -> Vec<ParamDescription> {
    crate::lists::map_items(params, |param| ParamDescription {
        name: param.name.to_owned(),
        required: param.required,
        kind: describe_kind(&param.kind),
    })
}

fn describe_kind(kind: &ParamKind) -> ParamKindDescription {
    match kind {
        ParamKind::Bool { default } => ParamKindDescription::Boolean(BooleanKind {
            kind: BooleanType::Boolean,
            default: *default,
        }),
        ParamKind::Int { min, max } => ParamKindDescription::Integer(IntegerKind {
            kind: IntegerType::Integer,
            min: *min,
            max: *max,
        }),
        ParamKind::Enum { values, default } => ParamKindDescription::Enum(EnumKind {
            kind: EnumType::Enum,
            values: strings(values),
            default: default.map(str::to_owned),
        }),
        ParamKind::Str { format } => ParamKindDescription::String(StringKind {
            kind: StringType::String,
            format: *format,
        }),
        ParamKind::List { item, min, max, unique } => ParamKindDescription::List(ListKind {
            kind: ListType::List,
            items: Box::new(describe_kind(item)),
            min: *min,
            max: *max,
            unique: match unique {
                Uniqueness::Any => None,
                Uniqueness::Items => Some("items".to_owned()),
                Uniqueness::Field(name) => Some((*name).to_owned()),
            },
        }),
        ParamKind::Object { fields } => ParamKindDescription::Object(ObjectKind {
            kind: ObjectType::Object,
            fields: describe_params(fields),
        }),
    }
}
