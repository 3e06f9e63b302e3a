//! HTTP plumbing: a hyper HTTP/1.1 server on a loopback socket, routing to the two dialects
//! and to the control API. Everything that goes wrong with a request becomes the provider's
//! error form; nothing here panics.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use opgate::spec::{OperationSpec, Provider};
use serde_json::{Map, Value};
use tokio::net::TcpListener;
use tokio::sync::{watch, Semaphore};
use tokio::task::JoinHandle;

use crate::auth;
use crate::clock::wall_now;
use crate::config::Config;
use crate::control;
use crate::describe;
use crate::faults::{self, FaultKind};
use crate::operations::{self, Accepted, Refused};
use crate::wire::{self, ApiError, Dialect, Received, Reply, RequestIds};
use crate::world::{Call, World};

/// Connections served at once; more wait in the listen queue.
pub const MAX_CONNECTIONS: usize = 1024;
/// Request line plus headers, at most.
pub const MAX_HEAD_BYTES: usize = 256 * 1024;

/// ZEC API versions the SDKs send (`zenlayercloud-sdk-python` has clients for both).
const ZEC_VERSIONS: [&str; 2] = ["2025-09-01", "2024-04-01"];

pub struct Shared {
    world: Mutex<World>,
    pub ids: RequestIds,
    pub config: Arc<Config>,
}

impl Shared {
    pub fn new(config: Config, fleet: Value) -> Result<Shared, String> {
        config.validate()?;
        let config = Arc::new(config);
        let world = World::new(Arc::clone(&config), fleet)?;
        let seed = u64::try_from(wall_now()).unwrap_or(0) ^ u64::from(std::process::id()).rotate_left(32);
        Ok(Shared {
            world: Mutex::new(world),
            ids: RequestIds::new(seed),
            config,
        })
    }

    /// The world, even if a previous holder panicked (it cannot, but a poisoned lock must not
    /// take the emulator down either).
    pub fn world(&self) -> MutexGuard<'_, World> {
        self.world.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A running emulator.
pub struct Server {
    pub addr: SocketAddr,
    pub shared: Arc<Shared>,
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl Server {
    /// Binds `addr` (loopback only; port 0 picks a free one) and starts serving.
    pub async fn start(config: Config, fleet: Value, addr: SocketAddr) -> Result<Server, String> {
        if !addr.ip().is_loopback() {
            return Err(format!(
                "the emulator listens on loopback only; {} is not a loopback address",
                addr.ip()
            ));
        }
        let shared = Arc::new(Shared::new(config, fleet)?);
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|err| format!("cannot listen on {addr}: {err}"))?;
        let addr = listener
            .local_addr()
            .map_err(|err| format!("cannot read the bound address: {err}"))?;
        let (stop, stopped) = watch::channel(false);
        let task = tokio::spawn(accept_loop(listener, Arc::clone(&shared), stopped));
        Ok(Server {
            addr,
            shared,
            stop,
            task,
        })
    }

    /// `http://127.0.0.1:PORT`
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let _ = self.task.await;
    }

    /// Waits until the server stops (it only stops when told to).
    pub async fn wait(self) {
        let _ = self.task.await;
    }
}

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>, mut stopped: watch::Receiver<bool>) {
    let permits = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let permit = tokio::select! {
            _ = stopped.changed() => break,
            permit = Arc::clone(&permits).acquire_owned() => match permit {
                Ok(permit) => permit,
                Err(_) => break,
            },
        };
        let stream = tokio::select! {
            _ = stopped.changed() => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file descriptors and the like: wait, then go on accepting.
                Err(_) => {
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            },
        };
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            let _permit = permit;
            let service = service_fn(move |request| {
                let shared = Arc::clone(&shared);
                async move { Ok::<_, Infallible>(handle(shared, request).await) }
            });
            let _ = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(Duration::from_secs(30))
                .max_buf_size(MAX_HEAD_BYTES)
                .keep_alive(true)
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// Why a body could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyProblem {
    TooLarge,
    Broken,
}

async fn read_body(body: Incoming, limit: usize, declared: Option<u64>) -> Result<Vec<u8>, BodyProblem> {
    if declared.is_some_and(|length| length > u64::try_from(limit).unwrap_or(u64::MAX)) {
        return Err(BodyProblem::TooLarge);
    }
    match Limited::new(body, limit).collect().await {
        Ok(collected) => Ok(collected.to_bytes().to_vec()),
        Err(error) if error.downcast_ref::<LengthLimitError>().is_some() => Err(BodyProblem::TooLarge),
        Err(_) => Err(BodyProblem::Broken),
    }
}

fn response(reply: Reply) -> Response<Full<Bytes>> {
    let status = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut builder = Response::builder().status(status);
    for (name, value) in &reply.headers {
        builder = builder.header(name.as_str(), value.as_str());
    }
    builder.body(Full::new(Bytes::from(reply.body))).unwrap_or_else(|_| {
        let mut fallback = Response::new(Full::new(Bytes::new()));
        *fallback.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        fallback
    })
}

/// A request before its body was judged.
struct Arrived {
    method: String,
    path: String,
    raw_query: String,
    headers: Vec<(String, String)>,
    body: Result<Vec<u8>, BodyProblem>,
}

async fn handle(shared: Arc<Shared>, request: Request<Incoming>) -> Response<Full<Bytes>> {
    let (parts, body) = request.into_parts();
    let path = parts.uri.path().to_owned();
    let headers: Vec<(String, String)> = parts
        .headers
        .iter()
        .map(|(name, value)| {
            let text = std::str::from_utf8(value.as_bytes()).map_or_else(
                |_| String::from_utf8_lossy(value.as_bytes()).into_owned(),
                str::to_owned,
            );
            (name.as_str().to_owned(), text)
        })
        .collect();
    let declared = parts
        .headers
        .get(hyper::header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|text| text.trim().parse::<u64>().ok());
    if path == "/_emulator" || path.starts_with("/_emulator/") {
        let body = read_body(body, shared.config.max_control_body_bytes, declared).await;
        return response(
            control::handle(
                &shared,
                parts.method.as_str(),
                &path,
                parts.uri.query().unwrap_or(""),
                body.map_err(|_| ()),
            )
            .await,
        );
    }
    let arrived = Arrived {
        method: parts.method.as_str().to_owned(),
        path,
        raw_query: parts.uri.query().unwrap_or("").to_owned(),
        headers,
        body: read_body(body, shared.config.max_body_bytes, declared).await,
    };
    let reply = if arrived.path.starts_with("/api/") {
        zenlayer(&shared, arrived).await
    } else {
        alibaba(&shared, arrived).await
    };
    response(reply)
}

/// The APIs the emulator answers.
#[derive(Debug, Clone, Copy)]
enum Route {
    Operation(&'static OperationSpec),
    EcsDescribeInstances,
    GetServiceInstance,
    ListServiceInstances,
    ZecDescribeInstances,
    ZecDescribeInstancesStatus,
}

/// Alibaba APIs are named by version and action (one emulator serves every product's host).
fn alibaba_route(version: &str, action: &str) -> Option<Route> {
    if let Some(op) = opgate::operations()
        .iter()
        .find(|op| op.provider == Provider::Alibaba && op.api_version == version && op.action == action)
    {
        return Some(Route::Operation(op));
    }
    match (version, action) {
        ("2014-05-26", "DescribeInstances") => Some(Route::EcsDescribeInstances),
        ("2021-05-21" | "2021-06-01", "GetServiceInstance") => Some(Route::GetServiceInstance),
        ("2021-05-21" | "2021-06-01", "ListServiceInstances") => Some(Route::ListServiceInstances),
        _ => None,
    }
}

/// The SDK product code for an API version, for the error's troubleshooting link.
fn alibaba_product(version: &str) -> String {
    opgate::operations()
        .iter()
        .find(|op| op.provider == Provider::Alibaba && op.api_version == version)
        .map_or_else(String::new, |op| op.product.to_owned())
}

fn zenlayer_route(service: &str, action: &str) -> Option<Route> {
    if let Some(op) = opgate::operations()
        .iter()
        .find(|op| op.provider == Provider::Zenlayer && op.product == service && op.action == action)
    {
        return Some(Route::Operation(op));
    }
    match (service, action) {
        ("zec", "DescribeInstances") => Some(Route::ZecDescribeInstances),
        ("zec", "DescribeInstancesStatus") => Some(Route::ZecDescribeInstancesStatus),
        _ => None,
    }
}

enum Input<'a> {
    Pairs(&'a [(String, String)]),
    Json(&'a Map<String, Value>),
}

/// Runs the routed API on the world; returns what to log as the call's parameters, and the
/// answer.
fn dispatch(world: &mut World, route: Route, input: Input<'_>) -> (Value, Result<Accepted, Refused>) {
    let logged = |input: &Input<'_>| match input {
        Input::Pairs(pairs) => Value::Object(
            pairs
                .iter()
                .filter(|(name, _)| !COMMON_RPC_PARAMS.contains(&name.as_str()))
                .map(|(name, value)| (name.clone(), Value::from(value.as_str())))
                .collect(),
        ),
        Input::Json(body) => Value::Object((*body).clone()),
    };
    let wrong_style = || Refused {
        error: ApiError::new(500, "InternalError", "request style does not match the API"),
        targets: Vec::new(),
    };
    match (route, &input) {
        (Route::Operation(op), Input::Pairs(pairs)) => {
            let params = operations::rpc_params(op, pairs);
            let answer = operations::call(world, op, &params);
            (params, answer)
        }
        (Route::Operation(op), Input::Json(body)) => {
            let params = operations::json_params(op, body);
            let answer = operations::call(world, op, &params);
            (params, answer)
        }
        (Route::EcsDescribeInstances, Input::Pairs(pairs)) => {
            (logged(&input), describe::ecs_describe_instances(world, pairs))
        }
        (Route::GetServiceInstance, Input::Pairs(pairs)) => {
            (logged(&input), describe::get_service_instance(world, pairs))
        }
        (Route::ListServiceInstances, Input::Pairs(pairs)) => {
            (logged(&input), describe::list_service_instances(world, pairs))
        }
        (Route::ZecDescribeInstances, Input::Json(body)) => {
            (logged(&input), describe::zec_describe_instances(world, body))
        }
        (Route::ZecDescribeInstancesStatus, Input::Json(body)) => {
            (logged(&input), describe::zec_describe_instances_status(world, body))
        }
        _ => (logged(&input), Err(wrong_style())),
    }
}

/// RPC parameters that belong to the protocol, not the API; left out of the call log.
const COMMON_RPC_PARAMS: [&str; 11] = [
    "Action",
    "Version",
    "Format",
    "Timestamp",
    "SignatureNonce",
    "SignatureMethod",
    "SignatureVersion",
    "SignatureType",
    "AccessKeyId",
    "Signature",
    "SecurityToken",
];

/// One provider call on its way: what the call log will say about it.
struct Exchange {
    provider: Provider,
    dialect: Dialect,
    request_id: String,
    action: Option<String>,
    version: Option<String>,
    operation: Option<&'static str>,
    access_key_id: Option<String>,
    signature: Option<&'static str>,
    params: Value,
    targets: Vec<String>,
    faults: Vec<String>,
}

impl Exchange {
    fn new(shared: &Shared, provider: Provider, dialect: Dialect) -> Self {
        Exchange {
            provider,
            dialect,
            request_id: shared.ids.next(provider),
            action: None,
            version: None,
            operation: None,
            access_key_id: None,
            signature: None,
            params: Value::Null,
            targets: Vec::new(),
            faults: Vec::new(),
        }
    }

    /// Renders the answer and logs the call.
    fn finish(self, shared: &Shared, answer: Result<Map<String, Value>, ApiError>) -> Reply {
        let action = self.action.clone().unwrap_or_default();
        let (reply, code) = match &answer {
            Ok(payload) => (
                wire::success(&self.dialect, &action, &self.request_id, payload.clone()),
                None,
            ),
            Err(error) => (
                wire::failure(&self.dialect, &self.request_id, error),
                Some(error.code.clone()),
            ),
        };
        let mut world = shared.world();
        let call = Call {
            seq: 0,
            time: world.now(),
            provider: match self.provider {
                Provider::Alibaba => "alibaba",
                Provider::Zenlayer => "zenlayer",
            },
            action: self.action,
            version: self.version,
            operation: self.operation,
            access_key_id: self.access_key_id,
            signature: self.signature,
            params: self.params,
            status: reply.status,
            code,
            request_id: self.request_id,
            targets: self.targets,
            faults: self.faults,
        };
        world.calls.push(call, shared.config.call_log_capacity);
        reply
    }

    fn fail(self, shared: &Shared, error: ApiError) -> Reply {
        self.finish(shared, Err(error))
    }
}

fn fault_name(kind: FaultKind) -> String {
    match kind {
        FaultKind::Throttle => "throttle",
        FaultKind::Error => "error",
        FaultKind::Latency => "latency",
    }
    .to_owned()
}

/// Nonce, faults (with latency) and the call itself, after the signature was accepted.
async fn run(
    shared: &Shared,
    mut exchange: Exchange,
    route: Route,
    nonce: Option<(String, String)>,
    input: Input<'_>,
) -> Reply {
    let action = exchange.action.clone().unwrap_or_default();
    if let Route::Operation(op) = route {
        exchange.operation = Some(op.id);
    }
    let decision = {
        let mut world = shared.world();
        let replayed = nonce
            .as_ref()
            .is_some_and(|(key, nonce)| !world.nonces.fresh(key, nonce, shared.config.signature_window_seconds));
        if replayed {
            None
        } else {
            Some(faults::decide(&mut world.faults, exchange.provider, &action))
        }
    };
    let Some(decision) = decision else {
        return exchange.fail(
            shared,
            ApiError::new(400, "SignatureNonceUsed", "Specified signature nonce was used already."),
        );
    };
    exchange.faults = decision.fired.iter().copied().map(fault_name).collect();
    if decision.delay_ms > 0 {
        tokio::time::sleep(Duration::from_millis(decision.delay_ms)).await;
    }
    if let Some(error) = decision.error {
        return exchange.fail(shared, error);
    }
    let (params, answer) = {
        let mut world = shared.world();
        dispatch(&mut world, route, input)
    };
    exchange.params = params;
    match answer {
        Ok(accepted) => {
            exchange.targets = accepted.targets;
            exchange.finish(shared, Ok(accepted.payload))
        }
        Err(refused) => {
            exchange.targets = refused.targets;
            exchange.fail(shared, refused.error)
        }
    }
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(key, _)| key.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_str())
}

fn too_large(provider: Provider, limit: usize) -> ApiError {
    let code = match provider {
        Provider::Alibaba => "RequestTooLarge",
        Provider::Zenlayer => "REQUEST_TOO_LARGE",
    };
    ApiError::new(413, code, format!("The request body is larger than {limit} bytes."))
}

async fn alibaba(shared: &Shared, arrived: Arrived) -> Reply {
    let host = header(&arrived.headers, "host").unwrap_or("").to_owned();
    let mut exchange = Exchange::new(
        shared,
        Provider::Alibaba,
        Dialect::Alibaba {
            xml: false,
            host,
            product: String::new(),
        },
    );
    let invalid = |message: &str| ApiError::new(400, "InvalidParameter", message);
    let body = match arrived.body {
        Ok(body) => body,
        Err(BodyProblem::TooLarge) => {
            return exchange.fail(shared, too_large(Provider::Alibaba, shared.config.max_body_bytes))
        }
        Err(BodyProblem::Broken) => return exchange.fail(shared, invalid("The request body could not be read.")),
    };
    let Some(query) = wire::parse_pairs(&arrived.raw_query) else {
        return exchange.fail(
            shared,
            invalid(
                "The query string is not valid: bad percent-encoding, text that is not UTF-8, or too many parameters.",
            ),
        );
    };
    let mut params = query.clone();
    let is_form = header(&arrived.headers, "content-type")
        .is_some_and(|t| t.to_ascii_lowercase().starts_with("application/x-www-form-urlencoded"));
    if is_form && !body.is_empty() {
        match std::str::from_utf8(&body).ok().and_then(wire::parse_pairs) {
            Some(form) => params.extend(form),
            None => return exchange.fail(shared, invalid("The form body is not valid form encoding.")),
        }
    }
    let param = |name: &str| {
        params
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
    };
    if let Dialect::Alibaba { xml, .. } = &mut exchange.dialect {
        *xml = param("Format").is_some_and(|format| format.eq_ignore_ascii_case("xml"));
    }
    let action = header(&arrived.headers, "x-acs-action")
        .map(str::to_owned)
        .or_else(|| param("Action"));
    let version = header(&arrived.headers, "x-acs-version")
        .map(str::to_owned)
        .or_else(|| param("Version"));
    exchange.action.clone_from(&action);
    exchange.version.clone_from(&version);
    let (Some(action), Some(version)) = (action, version) else {
        let name = if exchange.action.is_none() { "Action" } else { "Version" };
        return exchange.fail(
            shared,
            ApiError::new(
                400,
                "MissingParameter",
                format!(
                    "The input parameter \"{name}\" that is mandatory for processing this request is not supplied."
                ),
            ),
        );
    };
    if let Dialect::Alibaba { product, .. } = &mut exchange.dialect {
        *product = alibaba_product(&version);
    }
    let Some(route) = alibaba_route(&version, &action) else {
        return exchange.fail(
            shared,
            ApiError::new(
                404,
                "InvalidAction.NotFound",
                "Specified api is not found, please check your url and method.",
            ),
        );
    };
    let received = Received {
        method: arrived.method,
        path: arrived.path,
        query,
        headers: arrived.headers,
        body,
    };
    let caller = match auth::alibaba(&received, &params, &shared.config, wall_now()) {
        Ok(caller) => caller,
        Err(error) => return exchange.fail(shared, error),
    };
    exchange.access_key_id = Some(caller.access_key_id.clone());
    exchange.signature = Some(caller.algorithm);
    let nonce = caller.nonce.map(|nonce| (caller.access_key_id, nonce));
    run(shared, exchange, route, nonce, Input::Pairs(&params)).await
}

async fn zenlayer(shared: &Shared, arrived: Arrived) -> Reply {
    let mut exchange = Exchange::new(shared, Provider::Zenlayer, Dialect::Zenlayer);
    let invalid = |message: String| ApiError::new(400, "INVALID_PARAMETER", message);
    let body = match arrived.body {
        Ok(body) => body,
        Err(BodyProblem::TooLarge) => {
            return exchange.fail(shared, too_large(Provider::Zenlayer, shared.config.max_body_bytes))
        }
        Err(BodyProblem::Broken) => {
            return exchange.fail(shared, invalid("The request body could not be read.".to_owned()))
        }
    };
    exchange.action = header(&arrived.headers, "x-zc-action").map(str::to_owned);
    exchange.version = header(&arrived.headers, "x-zc-version").map(str::to_owned);
    if arrived.method != "POST" {
        return exchange.fail(
            shared,
            invalid(format!("Only POST is supported; got {}.", arrived.method)),
        );
    }
    let Some(action) = exchange.action.clone() else {
        return exchange.fail(
            shared,
            ApiError::new(400, "MISSING_PARAMETER", "The X-ZC-Action header is missing."),
        );
    };
    let service = arrived
        .path
        .strip_prefix("/api/v2/")
        .unwrap_or("")
        .trim_end_matches('/');
    let version_known = exchange.version.as_deref().map_or(true, |v| ZEC_VERSIONS.contains(&v));
    let route = if version_known {
        zenlayer_route(service, &action)
    } else {
        None
    };
    let Some(route) = route else {
        let message = format!(
            "The action {} (version {}) of service \"{service}\" is not supported.",
            action,
            exchange.version.as_deref().unwrap_or("none")
        );
        return exchange.fail(shared, ApiError::new(400, "INVALID_ACTION", message));
    };
    let received = Received {
        method: arrived.method,
        path: arrived.path,
        query: Vec::new(),
        headers: arrived.headers,
        body,
    };
    let caller = match auth::zenlayer(&received, &shared.config, wall_now()) {
        Ok(caller) => caller,
        Err(error) => return exchange.fail(shared, error),
    };
    exchange.access_key_id = Some(caller.access_key_id);
    exchange.signature = Some(caller.algorithm);
    let parsed = if received.body.iter().all(u8::is_ascii_whitespace) {
        Ok(Value::Object(Map::new()))
    } else {
        serde_json::from_slice::<Value>(&received.body)
    };
    let body = match parsed {
        Ok(Value::Object(body)) => body,
        Ok(_) => return exchange.fail(shared, invalid("The request body must be a JSON object.".to_owned())),
        Err(error) => return exchange.fail(shared, invalid(format!("The request body is not valid JSON: {error}."))),
    };
    run(shared, exchange, route, None, Input::Json(&body)).await
}
