//! `opgate-emulator [--host 127.0.0.1] [--port 0] [--fleet FILE] [--config FILE]
//! [--port-file FILE] [--exit-with-stdin]`
//!
//! Prints `opgate-emulator listening on http://127.0.0.1:PORT` on stdout once it accepts
//! connections. `--port 0` (the default) picks a free port. `--exit-with-stdin` stops the
//! emulator when its standard input closes, so a test runner that dies cannot leave it behind.

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use opgate_emulator::{Config, Server};
use serde_json::Value;

const USAGE: &str = "usage: opgate-emulator [--host 127.0.0.1|::1|localhost] [--port N] [--fleet FILE] [--config FILE] [--port-file FILE] [--exit-with-stdin]";

struct Args {
    host: IpAddr,
    port: u16,
    fleet: Option<String>,
    config: Option<String>,
    port_file: Option<String>,
    exit_with_stdin: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        host: IpAddr::V4(Ipv4Addr::LOCALHOST),
        port: 0,
        fleet: None,
        config: None,
        port_file: None,
        exit_with_stdin: false,
    };
    let mut given = std::env::args().skip(1);
    while let Some(flag) = given.next() {
        let mut value = || given.next().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"));
        match flag.as_str() {
            "--host" => {
                let host = value()?;
                args.host = if host == "localhost" {
                    IpAddr::V4(Ipv4Addr::LOCALHOST)
                } else {
                    host.parse()
                        .map_err(|_| format!("--host {host} is not an IP address"))?
                };
            }
            "--port" => {
                let port = value()?;
                args.port = port
                    .parse()
                    .map_err(|_| format!("--port {port} is not a port number"))?;
            }
            "--fleet" => args.fleet = Some(value()?),
            "--config" => args.config = Some(value()?),
            "--port-file" => args.port_file = Some(value()?),
            "--exit-with-stdin" => args.exit_with_stdin = true,
            "--help" | "-h" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    if !args.host.is_loopback() {
        return Err(format!(
            "--host {} is not a loopback address; the emulator serves this machine only",
            args.host
        ));
    }
    Ok(args)
}

fn read(path: &str, what: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|err| format!("cannot read the {what} {path}: {err}"))
}

fn setup(args: &Args) -> Result<(Config, Value), String> {
    let config = match &args.config {
        Some(path) => Config::from_json(&read(path, "configuration")?)?,
        None => Config::default(),
    };
    let fleet = match &args.fleet {
        Some(path) => serde_json::from_str(&read(path, "fleet")?)
            .map_err(|err| format!("the fleet {path} is not valid JSON: {err}"))?,
        None => Value::Object(serde_json::Map::new()),
    };
    Ok((config, fleet))
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    };
    let (config, fleet) = match setup(&args) {
        Ok(setup) => setup,
        Err(message) => {
            eprintln!("opgate-emulator: {message}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            eprintln!("opgate-emulator: cannot start the runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async {
        let server = match Server::start(config, fleet, SocketAddr::new(args.host, args.port)).await {
            Ok(server) => server,
            Err(message) => {
                eprintln!("opgate-emulator: {message}");
                return ExitCode::FAILURE;
            }
        };
        if let Some(path) = &args.port_file {
            if let Err(err) = std::fs::write(path, server.addr.port().to_string()) {
                eprintln!("opgate-emulator: cannot write {path}: {err}");
                return ExitCode::FAILURE;
            }
        }
        let mut stdout = std::io::stdout();
        let _ = writeln!(stdout, "opgate-emulator listening on {}", server.url());
        let _ = stdout.flush();
        if args.exit_with_stdin {
            std::thread::spawn(|| {
                let mut buffer = [0u8; 256];
                let mut stdin = std::io::stdin();
                while matches!(stdin.read(&mut buffer), Ok(n) if n > 0) {}
                std::process::exit(0);
            });
        }
        server.wait().await;
        ExitCode::SUCCESS
    })
}
