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
    let mut transcript =
        Transcript::new(driver.ex(), &policy_name).full(args.full || args.interactive);
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

/// A line of the player's answer, as understood.
enum Reply {
    /// `q`: stop here (the journal keeps everything).
    Quit,
    /// `continue`: begin the next phase.
    Continue,
    /// `note TEXT`.
    Note(String),
    /// A number as shown, from 1.
    Number(usize),
    /// Anything else.
    Other,
}

fn reply(line: &str) -> Reply {
    let t = line.trim();
    match t {
        "q" => return Reply::Quit,
        "continue" => return Reply::Continue,
        _ => {}
    }
    if let Some(text) = t.strip_prefix("note ").map(str::trim)
        && !text.is_empty()
    {
        return Reply::Note(text.to_string());
    }
    t.parse().map(Reply::Number).unwrap_or(Reply::Other)
}

/// What the player was last shown, so that a note does not repeat it.
#[derive(Clone, Copy, PartialEq)]
enum Shown {
    Break(u16),
    Decision(u16),
}

/// Plays by asking each decision on stdin, in plain numbered lines: the options in the
/// order the teams see them, `note TEXT` lines as notes, and an explicit `continue` at each
/// phase break. When stdin is not a terminal (a piped script), a line that does not fit is
/// an error naming its line number rather than an answer to something else.
fn interactive(
    driver: &mut dyn DynDriver,
    record: &mut Recorder<'_>,
    out: &mut dyn Write,
) -> Result<(), (u8, String)> {
    use std::io::IsTerminal;
    let stdin = std::io::stdin();
    let piped = !stdin.is_terminal();
    let mut lines = stdin.lock().lines();
    let mut line_no = 0usize;
    let mut next_line = || {
        let line = lines.next()?.ok()?;
        line_no += 1;
        Some((line_no, line))
    };
    // A piped answer is not echoed: end the prompt's line before what follows.
    let answered = |out: &mut dyn Write| {
        if piped {
            let _ = writeln!(out);
        }
    };
    let mut shown = None;
    loop {
        let ex = driver.ex();
        let cmd = match ex.status() {
            Status::Ended { .. } => return Ok(()),
            Status::Briefing => unreachable!("started before"),
            Status::PhaseBreak { next } => {
                let title = sanitize_line(&ex.scenario().phases[next as usize].title);
                if shown != Some(Shown::Break(next)) {
                    let _ = writeln!(out, "\n-- Phase break. Next: {title}.");
                    shown = Some(Shown::Break(next));
                }
                loop {
                    let _ = write!(
                        out,
                        "Type continue to begin it (or note TEXT, or q to stop): "
                    );
                    let _ = out.flush();
                    let Some((n, line)) = next_line() else {
                        return stop(driver, out);
                    };
                    answered(out);
                    match reply(&line) {
                        Reply::Continue => break Command::NextPhase,
                        Reply::Note(text) => break Command::Note { text },
                        Reply::Quit => return stop(driver, out),
                        _ if piped => {
                            return Err(misfit(
                                n,
                                &line,
                                &format!(
                                    "phase break before \"{title}\": expected continue, note TEXT or q"
                                ),
                            ));
                        }
                        _ => {
                            let _ = writeln!(out, "Type continue to begin \"{title}\".");
                        }
                    }
                }
            }
            Status::Running => Command::NextInject,
            Status::AwaitingDecisions => {
                let d = ex.pending()[0];
                let dec = &ex.scenario().decisions[d as usize];
                // In the order the teams see, numbered as shown.
                let order = crate::engine::option_order(ex, d);
                if shown != Some(Shown::Decision(d)) {
                    let team = &ex.scenario().teams[dec.team as usize];
                    let _ = writeln!(
                        out,
                        "\n{} — {}",
                        sanitize_line(&team.name),
                        sanitize_line(&dec.prompt)
                    );
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
                    shown = Some(Shown::Decision(d));
                }
                let n = order.len();
                loop {
                    let _ = write!(out, "Your choice (1-{n}, or note TEXT, or q to stop): ");
                    let _ = out.flush();
                    let Some((at, line)) = next_line() else {
                        return stop(driver, out);
                    };
                    answered(out);
                    // What to tell the player, and how a script's error says it.
                    let (tell, expected) = match reply(&line) {
                        Reply::Quit => return stop(driver, out),
                        Reply::Note(text) => break Command::Note { text },
                        Reply::Number(k) if (1..=n).contains(&k) => {
                            let o = order[k - 1];
                            match ex.option_status(d, o) {
                                OptionStatus::Available => {
                                    break Command::Choose {
                                        decision: dec.id.clone(),
                                        option: dec.options[usize::from(o)].id.clone(),
                                        team: None,
                                    };
                                }
                                OptionStatus::Unavailable(why) => {
                                    let why = sanitize_line(&why);
                                    (
                                        format!("That option is not available: {why}"),
                                        format!("option {k} is not available ({why})"),
                                    )
                                }
                            }
                        }
                        _ => (
                            format!("Please type a number from 1 to {n}."),
                            format!("expected a number from 1 to {n}, note TEXT or q"),
                        ),
                    };
                    if piped {
                        let id = sanitize_line(&dec.id);
                        return Err(misfit(at, &line, &format!("decision `{id}`: {expected}")));
                    }
                    let _ = writeln!(out, "{tell}");
                }
            }
        };
        let note = matches!(cmd, Command::Note { .. });
        let events = match driver.dyn_send(cmd.clone()) {
            Ok(events) => events,
            // Nothing changed: say so, and offer to try again (space may be freed meanwhile).
            Err(e @ (SessionError::Journal { .. } | SessionError::TooLong(_))) => {
                let _ = write!(out, "\n{e}\nPress Enter to try again, or q to stop: ");
                let _ = out.flush();
                match next_line() {
                    Some((_, l)) if l.trim() != "q" => continue,
                    _ => return stop(driver, out),
                }
            }
            Err(e) => return Err((exit_code(&e), e.to_string())),
        };
        record(driver.ex(), &cmd, &events, out);
        if !note {
            shown = None;
        }
    }
}

/// The error for a scripted line that does not fit where it was read.
fn misfit(line_no: usize, line: &str, expected: &str) -> (u8, String) {
    (
        1,
        format!(
            "stdin line {line_no}: {expected}, got `{}`",
            sanitize_line(line.trim())
        ),
    )
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
