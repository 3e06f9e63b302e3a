//! Hostile and random input: the wire layer answers with `Ok` or an `Error`, never a panic,
//! and never echoes a secret.

use opgate::wire::{self, BuildOptions};
use proptest::prelude::*;
use serde_json::json;

const OPS: [&str; 4] = [
    "ecs:RebootInstance",
    "computenestsupplier:RestartServiceInstance",
    "computenest:RenewServiceInstanceResources",
    "zec:RebootInstances",
];

fn xml_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("<".to_owned()),
            Just(">".to_owned()),
            Just("</".to_owned()),
            Just("/>".to_owned()),
            Just("<?".to_owned()),
            Just("?>".to_owned()),
            Just("<!--".to_owned()),
            Just("<![CDATA[".to_owned()),
            Just("]]>".to_owned()),
            Just("&".to_owned()),
            Just("&#x".to_owned()),
            Just(";".to_owned()),
            "[A-Za-z]{1,3}",
            "[ \\n\\t]"
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn parse_response_never_panics_on_bytes(op in 0usize..4, status in 0u16..700, body in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = wire::parse_response(OPS[op], status, &[], &body);
    }

    #[test]
    fn parse_response_never_panics_on_xml_like_text(op in 0usize..4, status in prop::sample::select(vec![200u16, 400, 403, 500]), body in xml_like()) {
        let _ = wire::parse_response(OPS[op], status, &[], body.as_bytes());
    }

    #[test]
    fn parse_response_never_panics_on_json_shapes(status in prop::sample::select(vec![200u16, 400, 503]), request_id in any::<Option<i64>>(), total in "[0-9a-z\\-]{0,4}", ids in prop::collection::vec(any::<Option<u32>>(), 0..4)) {
        let bodies = [
            json!({"RequestId": request_id, "RenewalResult": {"TotalCount": total, "Succeeded": ids, "Failed": null}, "FailureDetails": ids}),
            json!({"requestId": request_id, "response": {"instanceIds": ids}}),
            json!({"Code": request_id, "Message": ids, "AccessDeniedDetail": total}),
        ];
        for body in bodies {
            for op in OPS {
                let _ = wire::parse_response(op, status, &[], body.to_string().as_bytes());
            }
        }
    }

    #[test]
    fn build_never_panics(op in 0usize..4, region in prop::option::of("[a-zA-Z0-9\\-_.:/ ]{0,24}"), endpoint in prop::option::of("[a-zA-Z0-9\\-_.:/@?# ]{0,40}"), id in ".{0,40}") {
        let params = json!({"InstanceId": id, "ServiceInstanceId": id, "RegionId": region, "instanceIds": [id], "Period": 1});
        let options = BuildOptions { region, endpoint, ..BuildOptions::default() };
        let _ = wire::build(OPS[op], &params, &options);
    }
}

#[cfg(feature = "signing")]
mod signing {
    use opgate::wire::{self, Credentials, HttpRequest, SignOptions, SignatureAlgorithm};
    use proptest::prelude::*;

    fn texts(pairs: Vec<(String, String)>) -> Vec<(wire::Text, wire::Text)> {
        pairs
            .into_iter()
            .map(|(name, value)| (name.into(), value.into()))
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        #[test]
        fn sign_never_panics_and_never_leaks_the_secret(
            algorithm in 0usize..3,
            timestamp in any::<i64>(),
            nonce in ".{0,40}",
            query in prop::collection::vec((".{0,8}", ".{0,8}"), 0..5),
            headers in prop::collection::vec((".{0,8}", ".{0,8}"), 0..5),
            body in ".{0,40}",
            id in ".{0,12}",
        ) {
            let secret = "SECRET-never-shown-0123456789";
            let request = HttpRequest { method: "POST".into(), scheme: "https".into(), host: "h".into(), path: "/".into(), query: texts(query), headers: texts(headers), body: body.into_bytes() };
            let options = SignOptions { algorithm: SignatureAlgorithm::ALL.get(algorithm).copied(), timestamp, nonce };
            match wire::sign(&request, &Credentials::sts(id, secret, "token"), &options) {
                Ok(signed) => {
                    let shown = serde_json::to_string(&signed).unwrap_or_default();
                    prop_assert!(!shown.contains(secret));
                }
                Err(error) => {
                    let shown = format!("{error:?} {error}");
                    prop_assert!(!shown.contains(secret));
                }
            }
        }
    }
}
