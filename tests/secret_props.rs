//! For random credentials, no output of any call shows the AccessKey secret, the security
//! token or the bearer token: not a result (serialized or `Debug`), not an error (`Display`,
//! `Debug`, rendered report), not a debug string. The tokens are only in the request's fields,
//! and the serialized form, which are what is sent ([`SignedRequest::with_secrets`]); every view
//! meant for showing ([`SignedRequest::shown`], `Debug`) hides them;
//! the AccessKey secret is nowhere at all. Calls that take no credentials get the secrets
//! planted where a caller might put them by mistake (parameter names, Describe fields, response
//! headers, context keys) and must not echo them either.

#![cfg(feature = "signing")]

use opgate::params::Options;
use opgate::wire::{self, BuildOptions, Credentials, SignOptions, SignatureAlgorithm};
use opgate::{ram, Error, Lang};
use proptest::prelude::*;
use serde_json::{json, Value};

#[derive(Debug)]
struct Secrets {
    secret: String,
    token: String,
    bearer: String,
}

impl Secrets {
    fn all(&self) -> [&str; 3] {
        [&self.secret, &self.token, &self.bearer]
    }

    fn assert_hidden(&self, shown: &str, what: &str) -> Result<(), TestCaseError> {
        for secret in self.all() {
            prop_assert!(!shown.contains(secret), "{} shows a secret: {}", what, shown);
        }
        Ok(())
    }

    fn assert_error_hidden(&self, error: &Error, what: &str) -> Result<(), TestCaseError> {
        for lang in [Lang::En, Lang::Zh] {
            let shown = format!(
                "{error} {error:?} {}",
                serde_json::to_string(&error.render(lang)).unwrap_or_default()
            );
            self.assert_hidden(&shown, what)?;
        }
        Ok(())
    }

    /// A signed request as shown (`SignedRequest::shown`, serialized, and its `Debug`), or its
    /// error, shows none of the secrets; the serialized form itself is what is sent.
    fn assert_signed_hidden(
        &self,
        outcome: &Result<wire::SignedRequest, Error>,
        what: &str,
    ) -> Result<(), TestCaseError> {
        match outcome {
            Ok(signed) => self.assert_hidden(
                &format!(
                    "{} {signed:?}",
                    serde_json::to_string(&signed.shown()).unwrap_or_default()
                ),
                what,
            ),
            Err(error) => self.assert_error_hidden(error, what),
        }
    }

    /// A result's serialized form, or its error, shows none of the secrets.
    fn assert_outcome_hidden<T: serde::Serialize + std::fmt::Debug>(
        &self,
        outcome: &Result<T, Error>,
        what: &str,
    ) -> Result<(), TestCaseError> {
        match outcome {
            Ok(value) => self.assert_hidden(
                &format!("{} {value:?}", serde_json::to_string(value).unwrap_or_default()),
                what,
            ),
            Err(error) => self.assert_error_hidden(error, what),
        }
    }
}

fn secrets() -> impl Strategy<Value = Secrets> {
    // Long random runs: an accidental match with anything else in an output is out of reach.
    ("[A-Za-z0-9]{24,40}", "[A-Za-z0-9+/=]{24,80}", "[A-Za-z0-9._-]{24,60}").prop_map(|(secret, token, bearer)| {
        Secrets {
            secret: format!("S{secret}"),
            token: format!("T{token}"),
            bearer: format!("B{bearer}"),
        }
    })
}

const OPERATIONS: [(&str, &str); 4] = [
    (
        "ecs:RebootInstance",
        r#"{"InstanceId": "i-bp67acfmxazb4ph1abcd", "ForceStop": true}"#,
    ),
    (
        "computenestsupplier:RestartServiceInstance",
        r#"{"RegionId": "cn-hangzhou", "ServiceInstanceId": "si-d6ab3a63ccbb4b17a0f1"}"#,
    ),
    (
        "computenest:RenewServiceInstanceResources",
        r#"{"RegionId": "cn-hangzhou", "ServiceInstanceId": "si-d6ab3a63ccbb4b17a0f1", "Period": 1, "PeriodUnit": "Month"}"#,
    ),
    ("zec:RebootInstances", r#"{"instanceIds": ["1660545330971680835"]}"#),
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn signing_never_shows_a_secret(
        secrets in secrets(),
        id in "[A-Za-z0-9]{0,24}",
        op in 0usize..OPERATIONS.len(),
        algorithm in 0usize..4,
        timestamp in prop_oneof![Just(1_700_000_000i64), any::<i64>()],
        nonce in prop_oneof![Just("n-1".to_owned()), ".{0,20}"],
        line_break in any::<bool>(),
    ) {
        let (operation, params) = OPERATIONS[op];
        let params: Value = serde_json::from_str(params).expect("valid JSON");
        let request = wire::build(operation, &params, &BuildOptions { region: Some("cn-hangzhou".into()), ..BuildOptions::default() }).expect("valid parameters build");
        let token = if line_break { format!("{}\n", secrets.token) } else { secrets.token.clone() };
        let all = [
            Credentials::access_key(id.clone(), secrets.secret.clone()),
            Credentials::sts(id.clone(), secrets.secret.clone(), token),
            Credentials::bearer(secrets.bearer.clone()),
        ];
        let options = SignOptions { algorithm: SignatureAlgorithm::ALL.get(algorithm).copied(), timestamp, nonce };
        for credentials in &all {
            secrets.assert_hidden(&format!("{credentials:?} {credentials:#?}"), "Credentials")?;
            let signed = wire::sign(&request, credentials, &options);
            secrets.assert_signed_hidden(&signed, "sign")?;
            if let Ok(signed) = &signed {
                secrets.assert_hidden(&format!("{:?} {:#?}", signed.request, signed), "signed request Debug")?;
                let sent = serde_json::to_string(&signed.with_secrets()).unwrap_or_default();
                prop_assert!(!sent.contains(&secrets.secret), "the AccessKey secret is sent: {}", sent);
                // What is sent must still carry the token, where the credentials have one.
                let wire = format!("{:?} {:?}", signed.request.query, signed.request.headers);
                for token in [&secrets.token, &secrets.bearer] {
                    prop_assert_eq!(sent.contains(token.as_str()), wire.contains(token.as_str()));
                }
            }
        }
        // Re-signing a request that already carries a token shows nothing either.
        if let Ok(signed) = wire::sign(&request, &all[1], &SignOptions { algorithm: None, timestamp: 1_700_000_000, nonce: "n".into() }) {
            for credentials in &all {
                secrets.assert_signed_hidden(&wire::sign(&signed.request, credentials, &options), "re-sign")?;
            }
            let mut broken = serde_json::to_value(&signed.request).expect("serializes");
            broken["headers"] = json!([format!("x-acs-security-token: {}", secrets.token)]);
            secrets.assert_outcome_hidden(&wire::HttpRequest::from_json(broken), "reading a broken request")?;
        }
    }

    #[test]
    fn misplaced_credentials_are_never_echoed(secrets in secrets(), op in 0usize..OPERATIONS.len(), lang in prop_oneof![Just(Lang::En), Just(Lang::Zh)]) {
        let (operation, params) = OPERATIONS[op];
        let mut params: Value = serde_json::from_str(params).expect("valid JSON");
        params["AccessKeySecret"] = json!(secrets.secret);
        params["SecurityToken"] = json!(secrets.token);
        params["accessKeySecret"] = json!(secrets.bearer);
        let item = json!({"InstanceId": "i-bp67acfmxazb4ph1abcd", "Status": "Running", "SecurityToken": secrets.token, "AccessKeySecret": secrets.secret});
        let options = Options { lang, ..Options::default() };
        secrets.assert_outcome_hidden(&opgate::validate(operation, &params, &options), "validate")?;
        secrets.assert_outcome_hidden(&opgate::precheck(operation, &params, &json!([item]), &options), "precheck")?;
        secrets.assert_outcome_hidden(&opgate::check(operation, &params, &json!([item]), &options), "check")?;
        secrets.assert_outcome_hidden(&opgate::precheck_resources(operation, &json!([item, {"SecurityToken": secrets.token}]), &options), "precheck_resources")?;
        secrets.assert_outcome_hidden(&wire::build(operation, &params, &BuildOptions { validation: options.clone(), ..BuildOptions::default() }), "build")?;
        let headers = vec![
            ("Authorization".to_owned(), format!("Bearer {}", secrets.bearer)),
            ("x-acs-security-token".to_owned(), secrets.token.clone()),
            ("x-acs-accesskey-secret".to_owned(), secrets.secret.clone()),
        ];
        for (status, body) in [(200, r#"{"RequestId": "r", "requestId": "r", "response": {}}"#), (403, r#"{"Code": "X", "code": "X"}"#), (500, "<html>")] {
            secrets.assert_outcome_hidden(&wire::parse_response(operation, status, &headers, body.as_bytes()), "parse_response")?;
        }
        let policy = json!({"Version": "1", "Statement": [{"Effect": "Allow", "Action": "ecs:*", "Resource": "*"}]});
        let context = json!({"acs:SecurityToken": secrets.token, "acs:AccessKeySecret": secrets.secret, "acs:BearerToken": secrets.bearer});
        secrets.assert_outcome_hidden(&ram::required_access(operation, &params, "cn-hangzhou", "1488317743351199"), "ram_required_access")?;
        secrets.assert_outcome_hidden(&ram::authorize(operation, &params, "cn-hangzhou", "1488317743351199", std::slice::from_ref(&policy), &context, lang), "ram_authorize")?;
        secrets.assert_outcome_hidden(&ram::check_access(std::slice::from_ref(&policy), "ecs:RebootInstance", "acs:ecs:*:*:instance/i-1", &context, lang), "ram_evaluate")?;
        for field in ["access_key_secret", "security_token", "bearer_token"] {
            secrets.assert_error_hidden(&Credentials::not_unicode(field), "not_unicode")?;
            secrets.assert_error_hidden(&Credentials::not_text(field, "bytes"), "not_text")?;
        }
        let refused = Credentials::from_parts("credentials", None, Some(secrets.secret.clone()), Some(secrets.token.clone()), Some(secrets.bearer.clone()));
        secrets.assert_error_hidden(&refused.expect_err("an impossible combination"), "from_parts")?;
    }
}
