//! `downtime run`: play a scenario without the terminal UI, by policy, by script, or by
//! asking each decision on stdin, and print a transcript.

use std::io::{BufRead, Write};
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::engine::{Command, Event, Exercise, OptionStatus, Status};
use crate::errln;
use crate::headless::transcript::Transcript;
use crate::headless::{self, Bare, Driver, Plan, Policy};
use crate::journal::{self, Session, SessionError};
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
pub fn run(args: &RunArgs) -> ExitCode {
    match run_inner(args) {
        Ok(code) => code,
        Err((code, msg)) => {
            errln!("downtime run: {msg}");
            ExitCode::from(code)
        }
    }
}

fn run_inner(args: &RunArgs) -> Result<ExitCode, (u8, String)> {
    let scenario = super::check::load_or_report(&args.scenario)
        .map_err(|_| (1, "the scenario has errors".to_string()))?;
    let source = args.scenario.display().to_string();
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
            .map_err(|e| (exit_code(&e), e.to_string()))?;
        errln!(
            "journal: {} (resumed, {} entries)",
            path.display(),
            session.entries()
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
        .map_err(|e| (2, e.to_string()))?;
        errln!("journal: {}", path.display());
        resumed = false;
        &mut session
    };

    let policy_name = if args.interactive {
        "interactive".to_string()
    } else {
        args.policy.clone()
    };
    let mut transcript = Transcript::new(driver.ex(), &policy_name);
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
                decision, option, ..
            } = l.kind
            {
                let d = &ex.scenario().decisions[decision as usize];
                let _ = writeln!(
                    out,
                    "  {} {}: {}",
                    crate::scenario::time::format_offset(l.at),
                    sanitize_line(&d.id),
                    sanitize_line(&d.options[option as usize].label)
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
            .map_err(|e| (exit_code(&e), e.to_string()))?;
        record(driver.ex(), &cmd, &ev, &mut out);
    }

    if args.interactive {
        interactive(driver, &mut |ex, c, e, o| record(ex, c, e, o), &mut out)?;
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
        .map_err(|e| (exit_code(&e), e.to_string()))?;
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
    let bytes = crate::scenario::load::read_capped(Path::new(path), 1024 * 1024)
        .map_err(|(_, m)| (2, m))?;
    let text = String::from_utf8(bytes).map_err(|_| (2, format!("`{path}` is not UTF-8 text")))?;
    Plan::parse(&text)
        .map(Some)
        .map_err(|e| (2, format!("{path}:{e}")))
}

fn parse_params(
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

/// Object-safe driver, so a session and a bare exercise can share one code path.
trait DynDriver {
    fn ex(&self) -> &Exercise;
    fn dyn_send(&mut self, cmd: Command) -> Result<Vec<Event>, crate::journal::SessionError>;
}

impl<T: Driver> DynDriver for T {
    fn ex(&self) -> &Exercise {
        self.exercise()
    }
    fn dyn_send(&mut self, cmd: Command) -> Result<Vec<Event>, crate::journal::SessionError> {
        self.send(cmd)
    }
}

struct Adapter<'a>(&'a mut dyn DynDriver);

impl Driver for Adapter<'_> {
    fn exercise(&self) -> &Exercise {
        self.0.ex()
    }
    fn send(&mut self, cmd: Command) -> Result<Vec<Event>, crate::journal::SessionError> {
        self.0.dyn_send(cmd)
    }
}

/// Records a command's events into the transcript (and prints them when live).
type Recorder<'a> = dyn FnMut(&Exercise, &Command, &[Event], &mut dyn Write) + 'a;

/// Plays by asking each decision on stdin, in plain numbered lines.
fn interactive(
    driver: &mut dyn DynDriver,
    record: &mut Recorder<'_>,
    out: &mut dyn Write,
) -> Result<(), (u8, String)> {
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    loop {
        let ex = driver.ex();
        let cmd = match ex.status() {
            Status::Ended { .. } => return Ok(()),
            Status::Briefing => unreachable!("started before"),
            Status::PhaseBreak { next } => {
                let p = &ex.scenario().phases[next as usize];
                let _ = writeln!(
                    out,
                    "\n-- Phase break. Next: {}. Press Enter to begin it.",
                    sanitize_line(&p.title)
                );
                let _ = out.flush();
                match lines.next() {
                    Some(Ok(_)) => Command::NextPhase,
                    _ => return stop(driver, out),
                }
            }
            Status::Running => Command::NextInject,
            Status::AwaitingDecisions => {
                let d = ex.pending()[0];
                let dec = &ex.scenario().decisions[d as usize];
                let team = &ex.scenario().teams[dec.team as usize];
                let _ = writeln!(
                    out,
                    "\n{} — {}",
                    sanitize_line(&team.name),
                    sanitize_line(&dec.prompt)
                );
                // In the order the teams see, numbered as shown.
                let order = crate::engine::option_order(ex, d);
                for (pos, &k) in order.iter().enumerate() {
                    let o = &dec.options[usize::from(k)];
                    match ex.option_status(d, k) {
                        OptionStatus::Available => {
                            let _ = writeln!(out, "  {}. {}", pos + 1, sanitize_line(&o.label));
                        }
                        OptionStatus::Unavailable(why) => {
                            let _ = writeln!(
                                out,
                                "  {}. {} (not available: {})",
                                pos + 1,
                                sanitize_line(&o.label),
                                sanitize_line(&why)
                            );
                        }
                    }
                }
                let choice = loop {
                    let _ = write!(out, "Your choice (1-{}, or q to stop): ", dec.options.len());
                    let _ = out.flush();
                    let Some(Ok(line)) = lines.next() else {
                        return stop(driver, out);
                    };
                    let t = line.trim();
                    if t == "q" {
                        return stop(driver, out);
                    }
                    match t.parse::<usize>() {
                        Ok(n) if n >= 1 && n <= order.len() => {
                            let k = order[n - 1];
                            if let OptionStatus::Unavailable(why) = ex.option_status(d, k) {
                                let _ = writeln!(
                                    out,
                                    "That option is not available: {}",
                                    sanitize_line(&why)
                                );
                                continue;
                            }
                            break usize::from(k);
                        }
                        _ => {
                            let _ = writeln!(
                                out,
                                "Please type a number from 1 to {}.",
                                dec.options.len()
                            );
                        }
                    }
                };
                Command::Choose {
                    decision: dec.id.clone(),
                    option: dec.options[choice].id.clone(),
                    team: None,
                }
            }
        };
        let events = match driver.dyn_send(cmd.clone()) {
            Ok(events) => events,
            // Nothing changed: say so, and offer to try again (space may be freed meanwhile).
            Err(e @ (SessionError::Journal { .. } | SessionError::TooLong(_))) => {
                let _ = write!(out, "\n{e}\nPress Enter to try again, or q to stop: ");
                let _ = out.flush();
                match lines.next() {
                    Some(Ok(l)) if l.trim() != "q" => continue,
                    _ => return stop(driver, out),
                }
            }
            Err(e) => return Err((exit_code(&e), e.to_string())),
        };
        record(driver.ex(), &cmd, &events, out);
    }
}

/// The exit code for a session error: 2 for the journal's file (I/O, another writer),
/// 1 for the content.
fn exit_code(e: &SessionError) -> u8 {
    match e {
        SessionError::Journal { .. } | SessionError::Locked(_) => 2,
        _ => 1,
    }
}

fn stop(driver: &mut dyn DynDriver, out: &mut dyn Write) -> Result<(), (u8, String)> {
    let _ = writeln!(
        out,
        "\nStopped at {}. Nothing is lost: resume with `downtime run --interactive --resume JOURNAL`.",
        crate::scenario::time::format_offset(driver.ex().now())
    );
    Ok(())
}
