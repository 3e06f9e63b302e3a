//! Test helpers: start an emulator in-process, sign requests with opgate as a client would,
//! and send them over a real loopback HTTP/1.1 connection.
#![allow(dead_code, reason = "each test binary uses a different part of the shared helpers")]
#![allow(
    clippy::expect_used,
    reason = "test helpers: a server or connection that cannot start should stop the test there"
)]

use std::net::SocketAddr;
use std::time::{SystemTime, UNIX_EPOCH};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use opgate::wire::SignatureAlgorithm;
use opgate::{BuildOptions, Credentials, HttpRequest, SignOptions};
use opgate_emulator::config::{DEFAULT_ALIBABA_KEY, DEFAULT_ZENLAYER_KEY};
use opgate_emulator::{Config, Server};
use serde_json::{json, Value};
use tokio::net::TcpStream;

pub const FLEET: &str = include_str!("../../../examples/fleet.json");

pub fn fleet() -> Value {
    serde_json::from_str(FLEET).expect("examples/fleet.json is JSON")
}

pub async fn start(config: Config, fleet: Value) -> Server {
    Server::start(config, fleet, SocketAddr::from(([127, 0, 0, 1], 0)))
        .await
        .expect("emulator starts")
}

pub fn wall() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

/// An HTTP answer.
#[derive(Debug, Clone)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|err| panic!("not JSON ({err}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// The provider error code, Alibaba `Code` or Zenlayer `code`.
    pub fn code(&self) -> String {
        let body = self.json();
        body.get("Code")
            .or_else(|| body.get("code"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned()
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// One keep-alive HTTP/1.1 connection.
pub struct Client {
    sender: hyper::client::conn::http1::SendRequest<Full<Bytes>>,
    pub addr: SocketAddr,
}

impl Client {
    pub async fn connect(addr: SocketAddr) -> Client {
        let stream = TcpStream::connect(addr).await.expect("connects");
        let (sender, connection) = hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(stream))
            .await
            .expect("handshake");
        tokio::spawn(connection);
        Client { sender, addr }
    }

    pub async fn raw(&mut self, method: &str, target: &str, headers: &[(&str, &str)], body: Vec<u8>) -> Answer {
        let mut builder = hyper::Request::builder().method(method).uri(target);
        let mut has_host = false;
        for (name, value) in headers {
            has_host |= name.eq_ignore_ascii_case("host");
            builder = builder.header(*name, *value);
        }
        if !has_host {
            builder = builder.header("host", self.addr.to_string());
        }
        let request = builder.body(Full::new(Bytes::from(body))).expect("request");
        self.sender.ready().await.expect("connection ready");
        let response = self.sender.send_request(request).await.expect("answered");
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(k, v)| (k.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
            .collect();
        let body = response.into_body().collect().await.expect("body").to_bytes().to_vec();
        Answer { status, headers, body }
    }

    /// Sends an opgate request exactly as built and signed.
    pub async fn send(&mut self, request: &HttpRequest) -> Answer {
        let url = request.url();
        let target = url
            .split_once(request.host.as_ref())
            .map(|(_, rest)| rest.to_owned())
            .unwrap_or_else(|| "/".to_owned());
        let headers: Vec<(&str, &str)> = request.headers.iter().map(|(k, v)| (k.as_ref(), v.as_ref())).collect();
        self.raw(&request.method, &target, &headers, request.body.clone()).await
    }

    pub async fn control(&mut self, method: &str, path: &str, body: Option<Value>) -> Value {
        let bytes = body.map(|b| serde_json::to_vec(&b).expect("json")).unwrap_or_default();
        let answer = self
            .raw(method, path, &[("content-type", "application/json")], bytes)
            .await;
        let mut value = answer.json();
        if let Value::Object(map) = &mut value {
            map.insert("_status".to_owned(), json!(answer.status));
        }
        value
    }

    pub async fn advance(&mut self, seconds: i64) -> i64 {
        self.control("POST", "/_emulator/clock", Some(json!({"advance": seconds})))
            .await["now"]
            .as_i64()
            .expect("now")
    }
}

static NONCE: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

pub fn nonce() -> String {
    format!(
        "test-nonce-{}-{}",
        std::process::id(),
        NONCE.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    )
}

pub fn alibaba_credentials() -> Credentials {
    Credentials::access_key(DEFAULT_ALIBABA_KEY.0, DEFAULT_ALIBABA_KEY.1)
}

pub fn zenlayer_credentials() -> Credentials {
    Credentials::access_key(DEFAULT_ZENLAYER_KEY.0, DEFAULT_ZENLAYER_KEY.1)
}

/// Builds an operation's request for the emulator at `addr`, unsigned.
pub fn build(addr: SocketAddr, op: &str, params: Value) -> HttpRequest {
    let options = BuildOptions {
        endpoint: Some(format!("http://{addr}")),
        region: Some("cn-hangzhou".to_owned()),
        ..BuildOptions::default()
    };
    let options = if op.starts_with("zec:") {
        BuildOptions {
            region: None,
            ..options
        }
    } else {
        options
    };
    opgate::build(op, &params, &options).expect("builds")
}

pub fn sign_with(
    request: &HttpRequest,
    credentials: &Credentials,
    algorithm: Option<SignatureAlgorithm>,
    timestamp: i64,
) -> HttpRequest {
    let options = SignOptions {
        algorithm,
        timestamp,
        nonce: nonce(),
    };
    opgate::sign(request, credentials, &options).expect("signs").request
}

pub fn sign(request: &HttpRequest) -> HttpRequest {
    let credentials = if request.header("x-zc-action").is_some() {
        zenlayer_credentials()
    } else {
        alibaba_credentials()
    };
    sign_with(request, &credentials, None, wall())
}

/// An operation's request, built and signed with the default test key.
pub fn operation(addr: SocketAddr, op: &str, params: Value) -> HttpRequest {
    sign(&build(addr, op, params))
}

/// An Alibaba RPC call opgate has no builder for (the Describe calls), laid out as `build`
/// lays out RPC requests, then signed.
pub fn alibaba_call(addr: SocketAddr, version: &str, action: &str, query: &[(&str, &str)]) -> HttpRequest {
    let host = addr.to_string();
    let request = HttpRequest {
        method: "POST".to_owned().into(),
        scheme: "http".to_owned().into(),
        host: host.clone().into(),
        path: "/".to_owned().into(),
        query: query
            .iter()
            .map(|(k, v)| ((*k).to_owned().into(), (*v).to_owned().into()))
            .collect(),
        headers: vec![
            ("host".to_owned().into(), host.into()),
            ("x-acs-action".to_owned().into(), action.to_owned().into()),
            ("x-acs-version".to_owned().into(), version.to_owned().into()),
            ("accept".to_owned().into(), "application/json".to_owned().into()),
        ],
        body: Vec::new(),
    };
    sign(&request)
}

/// A ZEC call with a JSON body, signed with ZC2.
pub fn zec_call(addr: SocketAddr, action: &str, body: Value) -> HttpRequest {
    let host = addr.to_string();
    let request = HttpRequest {
        method: "POST".to_owned().into(),
        scheme: "http".to_owned().into(),
        host: host.clone().into(),
        path: "/api/v2/zec".to_owned().into(),
        query: Vec::new(),
        headers: vec![
            ("Host".to_owned().into(), host.into()),
            ("Content-Type".to_owned().into(), "application/json".to_owned().into()),
            ("X-ZC-Service".to_owned().into(), "zec".to_owned().into()),
            ("X-ZC-Action".to_owned().into(), action.to_owned().into()),
            ("X-ZC-Version".to_owned().into(), "2025-09-01".to_owned().into()),
        ],
        body: serde_json::to_vec(&body).expect("json"),
    };
    sign(&request)
}

pub async fn ecs_status(client: &mut Client, id: &str) -> String {
    let ids = format!("[\"{id}\"]");
    let request = alibaba_call(
        client.addr,
        "2014-05-26",
        "DescribeInstances",
        &[("RegionId", "cn-hangzhou"), ("InstanceIds", &ids)],
    );
    let answer = client.send(&request).await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    answer.json()["Instances"]["Instance"][0]["Status"]
        .as_str()
        .unwrap_or("absent")
        .to_owned()
}

pub async fn zec_status(client: &mut Client, id: &str) -> String {
    let answer = client
        .send(&zec_call(
            client.addr,
            "DescribeInstancesStatus",
            json!({"instanceIds": [id]}),
        ))
        .await;
    assert_eq!(answer.status, 200, "{}", answer.text());
    answer.json()["response"]["dataSet"][0]["instanceStatus"]
        .as_str()
        .unwrap_or("absent")
        .to_owned()
}
