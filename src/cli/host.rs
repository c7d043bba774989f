//! `downtime host`: the exercise host with web seats, driven from standard input.

use std::process::ExitCode;

use crate::errln;
use crate::journal::{self, Session};

use super::HostArgs;

/// Runs `downtime host`.
pub fn run(args: &HostArgs) -> ExitCode {
    match run_inner(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err((code, msg)) => {
            errln!("downtime host: {msg}");
            ExitCode::from(code)
        }
    }
}

fn run_inner(args: &HostArgs) -> Result<(), (u8, String)> {
    let listen: std::net::SocketAddr = args.seats.parse().map_err(|_| {
        (
            2,
            format!(
                "`--seats {}`: give an address and port, e.g. 0.0.0.0:8080 or 127.0.0.1:0",
                crate::text::sanitize_line(&args.seats)
            ),
        )
    })?;
    let ssh = match &args.ssh {
        Some(a) => Some(crate::host::ssh::Config::new(
            a.parse().map_err(|_| {
                (
                    2,
                    format!(
                        "`--ssh {}`: give an address and port, e.g. 0.0.0.0:2222 or 127.0.0.1:0",
                        crate::text::sanitize_line(a)
                    ),
                )
            })?,
            args.ssh_host_key
                .clone()
                .unwrap_or_else(crate::host::ssh::default_host_key),
        )),
        None => None,
    };
    if let Some(u) = &args.public_url
        && !(u.starts_with("http://") || u.starts_with("https://"))
    {
        return Err((
            2,
            "`--public-url` must start with http:// or https://".into(),
        ));
    }
    let params = super::run::parse_params(&args.params)?;
    let tls = match (&args.tls_cert, &args.tls_key) {
        (Some(c), Some(k)) => Some(crate::host::tls::config(c, k).map_err(|e| (2, e))?),
        _ => None,
    };
    let scenario = crate::output::load_or_report(&args.scenario)
        .map_err(|_| (1, "the scenario has errors".to_string()))?;
    let seed = args.seed.unwrap_or_else(crate::wall::fresh_seed);
    let path = args
        .journal
        .clone()
        .unwrap_or_else(|| journal::fresh_path(&scenario.meta.id, seed));
    let session = Session::create(
        scenario,
        &args.scenario.display().to_string(),
        seed,
        &path,
        crate::wall::started_now(),
    )
    .map_err(|e| (2, e.to_string()))?;
    crate::host::serve(
        session,
        &crate::host::Options {
            config: crate::host::Config {
                listen,
                public_url: args.public_url.clone(),
                limits: crate::host::Limits::default(),
                tls,
            },
            params,
            seats_file: args.seats_file.clone(),
            ssh,
            qr: args.qr,
        },
    )
}
