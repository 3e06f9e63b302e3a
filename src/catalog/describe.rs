//! A plain-data view of an operation spec, for `operations()` in the bindings and for docs.

use serde_json::{json, Map, Value};

use crate::lang::Lang;
use crate::spec::{CrossRule, Guard, OperationSpec, ParamKind, ParamSpec, TargetSpec, Transition, Uniqueness, WireSpec};

impl OperationSpec {
    pub fn describe(&self, lang: Lang) -> Value {
        let allowed_statuses: Vec<&str> = self
            .guards
            .iter()
            .find_map(|g| {
                if let Guard::StatusIn { statuses, .. } = g {
                    Some(statuses.to_vec())
                } else {
                    None
                }
            })
            .unwrap_or_default();
        let (target_param, batch_max) = match self.target {
            TargetSpec::Single { param } => (param, None),
            TargetSpec::Batch { param, max } => (param, Some(max)),
        };
        let transition = match self.transition {
            Transition::Through { immediate, settled } => json!({"immediate": immediate, "settled": settled}),
            Transition::Settles { settled } => json!({"immediate": null, "settled": settled}),
            Transition::Unchanged => json!(null),
        };
        let wire = match self.wire {
            WireSpec::AlibabaRpc {
                endpoint, regional_endpoints, ..
            } => json!({"style": "alibaba_rpc", "endpoint": endpoint, "regions": regional_endpoints}),
            WireSpec::ZenlayerJson { host, path } => json!({"style": "zenlayer_json", "host": host, "path": path}),
        };
        let errors: Vec<Value> = self
            .errors
            .iter()
            .chain(crate::catalog::provider_errors(self.provider))
            .filter(|entry| self.error(entry.code).is_some_and(|first| std::ptr::eq(first, *entry)))
            .map(|e| json!({"code": e.code, "http_status": e.http_status, "retryable": e.retryable, "message": if lang == Lang::Zh { e.zh } else { e.en }, "origin": e.origin}))
            .collect();
        let rules: Vec<Value> = self
            .rules
            .iter()
            .map(|rule| match rule {
                CrossRule::OneMethod { groups } => json!({"one_method_of": groups.iter().map(|g| g.members.to_vec()).collect::<Vec<_>>()}),
            })
            .collect();
        json!({
            "id": self.id,
            "provider": self.provider,
            "product": self.product,
            "api_version": self.api_version,
            "action": self.action,
            "summary": if lang == Lang::Zh { self.summary_zh } else { self.summary_en },
            "wire": wire,
            "params": describe_params(self.params),
            "rules": rules,
            "target": {"param": target_param, "batch_max": batch_max},
            "resource": {
                "describe_api": self.resource.describe_api,
                "id_field": self.resource.id_field,
                "status_field": self.resource.status_field,
                "statuses": self.resource.statuses,
            },
            "allowed_statuses": allowed_statuses,
            "transition": transition,
            "wait": self.wait,
            "ram": self.ram,
            "dry_run": self.dry_run.map(|d| json!({"param": d.param, "code": d.code})),
            "errors": errors,
        })
    }
}

fn describe_params(params: &[ParamSpec]) -> Vec<Value> {
    params
        .iter()
        .map(|p| {
            let mut out = Map::new();
            out.insert("name".into(), json!(p.name));
            out.insert("required".into(), json!(p.required));
            describe_kind(&p.kind, &mut out);
            Value::Object(out)
        })
        .collect()
}

fn describe_kind(kind: &ParamKind, out: &mut Map<String, Value>) {
    match kind {
        ParamKind::Bool { default } => {
            out.insert("type".into(), json!("boolean"));
            out.insert("default".into(), json!(default));
        }
        ParamKind::Int { min, max } => {
            out.insert("type".into(), json!("integer"));
            out.insert("min".into(), json!(min));
            out.insert("max".into(), json!(max));
        }
        ParamKind::Enum { values, default } => {
            out.insert("type".into(), json!("enum"));
            out.insert("values".into(), json!(values));
            out.insert("default".into(), json!(default));
        }
        ParamKind::Str { format } => {
            out.insert("type".into(), json!("string"));
            out.insert("format".into(), json!(format));
        }
        ParamKind::List { item, min, max, unique } => {
            let mut item_out = Map::new();
            describe_kind(item, &mut item_out);
            out.insert("type".into(), json!("list"));
            out.insert("items".into(), Value::Object(item_out));
            out.insert("min".into(), json!(min));
            out.insert("max".into(), json!(max));
            out.insert(
                "unique".into(),
                match unique {
                    Uniqueness::Any => json!(null),
                    Uniqueness::Items => json!("items"),
                    Uniqueness::Field(name) => json!(name),
                },
            );
        }
        ParamKind::Object { fields } => {
            out.insert("type".into(), json!("object"));
            out.insert("fields".into(), json!(describe_params(fields)));
        }
    }
}
