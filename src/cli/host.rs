//! `downtime host`: the exercise host with web seats, driven from standard input.

use std::process::ExitCode;

use crate::errln;
use crate::journal::{self, Session};

use super::{HostArgs, ServeArgs};

/// Runs `downtime host`.
/// `lang` is the global `--lang`.
pub fn run(args: &HostArgs, lang: Option<&str>) -> ExitCode {
    match run_inner(args, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err((code, msg)) => {
            errln!("downtime host: {msg}");
            ExitCode::from(code)
        }
    }
}

/// The seats' setup from the command line: the web address, SSH, TLS, the seats file.
/// `console`: a console drives the exercise (`play --seats`); `lang`: the global `--lang`,
/// the seats' language when it names one (else the scenario's).
pub fn setup(
    seats: &str,
    serve: &ServeArgs,
    console: bool,
    lang: Option<&str>,
) -> Result<crate::host::Setup, (u8, String)> {
    let listen: std::net::SocketAddr = seats.parse().map_err(|_| {
        (
            2,
            format!(
                "`--seats {}`: give an address and port, e.g. 0.0.0.0:8080 or 127.0.0.1:0",
                crate::text::sanitize_line(seats)
            ),
        )
    })?;
    let ssh = match &serve.ssh {
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
            serve
                .ssh_host_key
                .clone()
                .unwrap_or_else(crate::host::ssh::default_host_key),
        )),
        None => None,
    };
    if let Some(u) = &serve.public_url
        && !(u.starts_with("http://") || u.starts_with("https://"))
    {
        return Err((
            2,
            "`--public-url` must start with http:// or https://".into(),
        ));
    }
    let tls = match (&serve.tls_cert, &serve.tls_key) {
        (Some(c), Some(k)) => Some(crate::host::tls::config(c, k).map_err(|e| (2, e))?),
        _ => None,
    };
    Ok(crate::host::Setup {
        config: crate::host::Config {
            public_url: serve.public_url.clone(),
            tls,
            console,
            lang: lang.and_then(crate::i18n::Lang::from_tag),
            ..crate::host::Config::new(listen)
        },
        ssh,
        seats_file: serve.seats_file.clone(),
    })
}

fn run_inner(args: &HostArgs, lang: Option<&str>) -> Result<(), (u8, String)> {
    let setup = setup(&args.seats, &args.serve, false, lang)?;
    let params = super::run::parse_params(&args.params)?;
    let scenario = crate::output::load_or_report_in(&args.scenario, lang)
        .map_err(|_| (1, crate::output::has_errors(lang)))?;
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
            setup,
            params,
            qr: args.qr,
        },
    )
}
