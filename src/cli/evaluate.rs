//! `downtime evaluate`: an evaluator rates each objective P/S/M/U with a note, from a plain
//! terminal prompt, beside the evidence and the suggested rating. Each rating is journaled
//! as a `rate` command (the journal's writer lock is taken, as for any writer).

use std::io::BufRead;
use std::process::ExitCode;

use crate::engine::score::CheckStatus;
use crate::engine::{Command, Rating};
use crate::journal::{self, Session};
use crate::scenario::time::format_offset;
use crate::text::sanitize_line as s;
use crate::{errln, out, outln};

use super::EvaluateArgs;

/// Runs `downtime evaluate`, reading answers from standard input.
pub fn run(args: &EvaluateArgs) -> ExitCode {
    let stdin = std::io::stdin();
    match evaluate(args, &mut stdin.lock()) {
        Ok(()) => ExitCode::SUCCESS,
        Err((code, msg)) => {
            errln!("downtime evaluate: {msg}");
            ExitCode::from(code)
        }
    }
}

fn evaluate(args: &EvaluateArgs, input: &mut dyn BufRead) -> Result<(), (u8, String)> {
    let read = journal::read_journal(&args.journal).map_err(|e| (2, e.to_string()))?;
    if let Some(w) = &read.warning {
        errln!("warning: {w}");
    }
    let found = journal::source::find(&args.journal, &read.header, args.scenario.as_deref())
        .map_err(|e| (1, e))?;
    let lang = crate::i18n::Lang::for_scenario(None, &found.scenario, crate::wall::env_lang());
    for w in &found.warnings {
        errln!("{}", crate::tr!(lang, "warning-line", text = w.text(lang)));
    }
    let mut session = Session::resume(found.scenario.clone(), &args.journal, &read, args.force)
        .map_err(|e| {
            let code = match e {
                journal::SessionError::Journal { .. } | journal::SessionError::Locked(_) => 2,
                _ => 1,
            };
            (code, e.to_string())
        })?;
    let sc = found.scenario;
    if sc.meta.objectives.is_empty() {
        outln!("The scenario defines no objectives to rate.");
        return Ok(());
    }
    if !session.exercise().is_over() {
        outln!(
            "Note: the exercise is still in progress at {}; the evidence is provisional.",
            format_offset(session.exercise().now())
        );
    }
    outln!(
        "Rate each objective P (performed without challenges), S (with some challenges), M (with major challenges) or U (unable to be performed). Enter keeps the current rating."
    );
    let n = sc.meta.objectives.len();
    let mut rated = 0;
    'objectives: for (k, o) in sc.meta.objectives.iter().enumerate() {
        let card = session.exercise().score();
        let r = &card.objectives[k];
        outln!();
        outln!("Objective {}/{n} `{}`: {}", k + 1, s(&o.id), s(&o.text));
        outln!("  {}", s(&r.summary()));
        for (i, c) in sc.checks.iter().enumerate() {
            if c.objective != Some(k as u16) {
                continue;
            }
            let status = match card.checks[i].status {
                CheckStatus::Met(t) => format!("met at {}", format_offset(t)),
                CheckStatus::Missed(t) => format!("missed at {}", format_offset(t)),
                CheckStatus::Pending => "open".into(),
                CheckStatus::NotApplicable => "not applicable".into(),
            };
            outln!("    - {} ({status})", s(&c.title));
        }
        let rating = loop {
            out!("Rating [P/S/M/U]: ");
            let Some(line) = next_line(input)? else {
                outln!();
                break 'objectives;
            };
            if line.trim().is_empty() {
                break None;
            }
            match Rating::from_letter(&line) {
                Some(r) => break Some(r),
                None => {
                    outln!("Type P, S, M or U (or press Enter to keep the current rating).");
                }
            }
        };
        let Some(rating) = rating else {
            continue;
        };
        out!("Note (optional): ");
        let note = next_line(input)?.unwrap_or_default();
        let cmd = Command::Rate {
            objective: o.id.clone(),
            rating,
            note: note.trim().to_string(),
        };
        session.apply(cmd).map_err(|e| (2, e.to_string()))?;
        rated += 1;
        outln!("Saved: `{}` rated {}.", s(&o.id), rating.letter());
    }
    let pending = session
        .exercise()
        .evaluations()
        .iter()
        .filter(|e| e.is_none())
        .count();
    outln!();
    outln!(
        "{rated} rating(s) saved in {}; {pending} objective(s) still pending evaluator.",
        args.journal.display()
    );
    Ok(())
}

/// The next line of input without its line ending, or `None` at the end of the input.
fn next_line(input: &mut dyn BufRead) -> Result<Option<String>, (u8, String)> {
    let mut line = String::new();
    match input.read_line(&mut line) {
        Ok(0) => Ok(None),
        Ok(_) => Ok(Some(line.trim_end_matches(['\n', '\r']).to_string())),
        Err(e) => Err((2, format!("cannot read the answers: {e}"))),
    }
}
