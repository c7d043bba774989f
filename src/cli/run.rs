//! `downtime run`: play a scenario without the terminal UI, by policy, by script, or by
//! asking each decision on stdin, and print a transcript.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::engine::{Command, Event, Exercise, Status};
use crate::errln;
use crate::headless::interactive::{Adapter, DynDriver, Mode, exit_code, interactive};
use crate::headless::transcript::Transcript;
use crate::headless::{self, Bare, Plan, Policy};
use crate::i18n::Lang;
use crate::journal::{self, Session};
use crate::text::sanitize_line;

use super::{OutputFormat, RunArgs};

/// A run's JSON output.
#[derive(Serialize)]
struct JsonRun<'a> {
    scenario: &'a str,
    seed: u64,
    policy: String,
    events: Vec<JsonEvent>,
    ending: Option<&'a str>,
    score: crate::engine::ScoreCard,
}

#[derive(Serialize)]
struct JsonEvent {
    at: i64,
    #[serde(flatten)]
    event: Event,
}

/// Runs `downtime run`.
pub fn run(args: &RunArgs, lang: Option<&str>) -> ExitCode {
    match run_inner(args, lang) {
        Ok(code) => code,
        Err((code, msg)) => {
            errln!("downtime run: {msg}");
            ExitCode::from(code)
        }
    }
}

fn run_inner(args: &RunArgs, lang: Option<&str>) -> Result<ExitCode, (u8, String)> {
    // A resumed journal goes on in the language it was played in.
    let header_lang = args
        .resume
        .as_ref()
        .and_then(|p| journal::read_journal(p).ok())
        .map(|r| r.header.translation_language().map(str::to_string));
    let lang = match &header_lang {
        Some(l) => l.as_deref(),
        None => lang,
    };
    let scenario = crate::output::load_or_report_in(&args.scenario, lang)
        .map_err(|_| (1, crate::output::has_errors(lang)))?;
    let source = args.scenario.display().to_string();
    let says = Lang::for_scenario(lang, &scenario, crate::wall::env_lang());
    // The driver: a journaled session, or a bare exercise with a synthetic clock.
    let mut session;
    let mut bare;
    let seed;
    let resumed;
    let driver: &mut dyn DynDriver = if let Some(path) = &args.resume {
        let read = journal::read_journal(path).map_err(|e| (2, e.to_string()))?;
        if let Some(w) = &read.warning {
            errln!("warning: {w}");
        }
        seed = read.header.seed;
        session = Session::resume(scenario.clone(), path, &read, args.force)
            .map_err(|e| (exit_code(&e), e.in_lang(says)))?;
        errln!(
            "{}",
            crate::tr!(
                says,
                "run-journal-resumed",
                path = path.display().to_string(),
                n = session.entries()
            )
        );
        resumed = true;
        &mut session
    } else if args.no_journal {
        seed = args.seed.unwrap_or_else(crate::wall::fresh_seed);
        bare = Bare {
            exercise: Exercise::new(scenario.clone(), seed),
            real: 0,
        };
        resumed = false;
        &mut bare
    } else {
        seed = args.seed.unwrap_or_else(crate::wall::fresh_seed);
        let path = args
            .journal
            .clone()
            .unwrap_or_else(|| journal::fresh_path(&scenario.meta.id, seed));
        session = Session::create(
            scenario.clone(),
            &source,
            seed,
            &path,
            crate::wall::started_now(),
        )
        .map_err(|e| (2, e.in_lang(says)))?;
        errln!(
            "{}",
            crate::tr!(says, "run-journal", path = path.display().to_string())
        );
        resumed = false;
        &mut session
    };

    let policy_name = if args.interactive {
        "interactive".to_string()
    } else {
        args.policy.clone()
    };
    let lang = Lang::for_scenario(lang, driver.ex().scenario(), crate::wall::env_lang());
    let mut transcript =
        Transcript::new(lang, driver.ex(), &policy_name).full(args.full || args.interactive);
    let mut events_json: Vec<JsonEvent> = Vec::new();
    let json = args.format == OutputFormat::Json;
    let live = args.interactive && !json;
    let mut out = crate::output::stdout();
    if live {
        let _ = out.write_all(transcript.text().as_bytes());
    }
    let mut printed = if live { transcript.text().len() } else { 0 };
    let mut record = |ex: &Exercise, cmd: &Command, events: &[Event], out: &mut dyn Write| {
        transcript.record(ex, cmd, events);
        if json {
            for e in events {
                events_json.push(JsonEvent {
                    at: ex.now(),
                    event: e.clone(),
                });
            }
        }
        if live {
            let _ = out.write_all(&transcript.text().as_bytes()[printed..]);
            let _ = out.flush();
            printed = transcript.text().len();
        }
    };

    if resumed {
        let ex = driver.ex();
        let _ = writeln!(
            out,
            "resumed at {} with {} decision(s) already taken:",
            crate::scenario::time::format_offset(ex.now()),
            ex.log()
                .iter()
                .filter(|l| matches!(l.kind, crate::engine::LogKind::Choice { .. }))
                .count()
        );
        for l in ex.log() {
            if let crate::engine::LogKind::Choice {
                decision,
                option,
                more,
                ..
            } = &l.kind
            {
                let d = &ex.scenario().decisions[*decision as usize];
                let sel: Vec<u16> = std::iter::once(*option)
                    .chain(more.iter().map(|m| m.0))
                    .collect();
                let _ = writeln!(
                    out,
                    "  {} {}: {}",
                    crate::scenario::time::format_offset(l.at),
                    sanitize_line(&d.id),
                    sanitize_line(&d.selection_labels(&sel))
                );
            }
        }
    }

    let params = parse_params(&args.params)?;
    if driver.ex().status() == Status::Briefing {
        let plan_params = match plan_of(args)? {
            Some(p) => p.params(),
            None => Default::default(),
        };
        let mut all = plan_params;
        all.extend(params);
        let cmd = Command::Start {
            params: all,
            session: Default::default(),
        };
        let ev = driver
            .dyn_send(cmd.clone())
            .map_err(|e| (exit_code(&e), e.in_lang(lang)))?;
        record(driver.ex(), &cmd, &ev, &mut out);
    }

    if args.interactive {
        interactive(
            driver,
            &mut |ex, c, e, o| record(ex, c, e, o),
            &mut out,
            Mode::Run,
            lang,
        )?;
    } else if let Some(plan) = plan_of(args)? {
        let mut adapter = Adapter(driver);
        let mut sink = std::io::sink();
        headless::run_plan(&mut adapter, &plan, |ex, c, e| record(ex, c, e, &mut sink))
            .map_err(|e| (1, format!("test plan failed at {}", e)))?;
    } else {
        let mut policy = Policy::parse(&args.policy, seed).map_err(|e| (2, e))?;
        let mut adapter = Adapter(driver);
        let mut sink = std::io::sink();
        headless::play_out(&mut adapter, &mut policy, |ex, c, e| {
            record(ex, c, e, &mut sink)
        })
        .map_err(|e| (exit_code(&e), e.in_lang(lang)))?;
    }
    let ex = driver.ex();
    transcript.finish(ex);
    if json {
        let sc = ex.scenario();
        let run = JsonRun {
            scenario: &sc.meta.id,
            seed,
            policy: policy_name,
            events: events_json,
            ending: match ex.status() {
                Status::Ended { ending } => Some(sc.endings[ending as usize].id.as_str()),
                _ => None,
            },
            score: ex.score(),
        };
        let _ = writeln!(
            out,
            "{}",
            crate::text::escape_json(serde_json::to_string_pretty(&run).unwrap_or_default())
        );
    } else {
        let _ = out.write_all(&transcript.text().as_bytes()[printed..]);
    }
    let _ = out.flush();
    Ok(ExitCode::SUCCESS)
}

fn plan_of(args: &RunArgs) -> Result<Option<Plan>, (u8, String)> {
    let Some(path) = args.policy.strip_prefix("script:") else {
        return Ok(None);
    };
    // `script:-`: the test plan from standard input.
    let bytes = if path == "-" {
        crate::stdio::read_stdin(1024 * 1024).map_err(|m| (2, m))?
    } else {
        crate::scenario::load::read_capped(Path::new(path), 1024 * 1024).map_err(|(_, m)| (2, m))?
    };
    let text = String::from_utf8(bytes).map_err(|_| (2, format!("`{path}` is not UTF-8 text")))?;
    Plan::parse(&text)
        .map(Some)
        .map_err(|e| (2, format!("{path}:{e}")))
}

pub(super) fn parse_params(
    list: &[String],
) -> Result<std::collections::BTreeMap<String, crate::engine::ParamSetting>, (u8, String)> {
    let mut out = std::collections::BTreeMap::new();
    for p in list {
        let (k, v) = p
            .split_once('=')
            .ok_or_else(|| (2, format!("`--param {p}`: write NAME=VALUE")))?;
        let v = v.trim();
        let setting = match v {
            "true" | "yes" => crate::engine::ParamSetting::Bool(true),
            "false" | "no" => crate::engine::ParamSetting::Bool(false),
            _ => v
                .parse()
                .map(crate::engine::ParamSetting::Num)
                .unwrap_or(crate::engine::ParamSetting::Choice(v.to_string())),
        };
        out.insert(k.trim().to_string(), setting);
    }
    Ok(out)
}
