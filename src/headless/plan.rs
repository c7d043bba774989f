//! Test plans: scripted playthroughs with expectations, in the spirit of Yarn Spinner's
//! test plans. One instruction per line; `#` starts a comment.
//!
//! ```text
//! param backups_tested no          # before the start: set a parameter
//! choose contain isolate           # advance until `contain` is open, then choose `isolate`
//! expect inject ransom_note        # the inject has fired by now
//! expect no-inject spread          # the inject has not fired
//! expect metric patient_safety 60..100
//! expect flag network_isolated true
//! expect counter samples_sent_out 0..0
//! expect taken buy_edr 1..3         # the action was taken this many times
//! expect system lis isolated
//! expect check isolate_fast met    # met, missed, open or n/a
//! expect deadline gdpr_72h running  # met, missed, running or not-started
//! step 4 | next-inject | next-phase
//! note Some text | curveball INJECT | set METRIC VALUE REASON | undo | end-now
//! take ACTION [TEAM]                # a team takes a repeatable action now
//! rewind N | confirm-ending         # back to before journal entry N; end with decisions open
//! expect ending recovered          # plays on (first available option) to the end, then checks
//! ```

use std::collections::BTreeMap;

use crate::engine::score::CheckStatus;
use crate::engine::{Command, Exercise, ParamSetting, Status};
use crate::scenario::model::SystemState;

/// One instruction of a plan.
#[derive(Clone, Debug, PartialEq)]
pub enum Step {
    /// Set a parameter before the start.
    Param(String, String),
    /// Choose an option, advancing until the decision opens.
    Choose(String, String),
    /// Send a command as is.
    Command(Command),
    /// Advance the clock N steps.
    Steps(u32),
    /// Check something.
    Expect(Expectation),
}

/// Something a plan checks.
#[derive(Clone, Debug, PartialEq)]
pub enum Expectation {
    /// The inject has fired.
    Inject(String),
    /// The inject has not fired.
    NoInject(String),
    /// The metric lies in the range.
    Metric(String, f64, f64),
    /// The counter lies in the range.
    Counter(String, f64, f64),
    /// The flag has the value.
    Flag(String, bool),
    /// The action was taken a number of times in the range.
    Taken(String, f64, f64),
    /// The system is in the state.
    System(String, SystemState),
    /// The check has the status (`met`, `missed`, `open`, `n/a`).
    Check(String, String),
    /// The deadline has the status (`met`, `missed`, `running`, `not-started`).
    Deadline(String, String),
    /// The exercise ends with this ending (plays on to the end first).
    Ending(String),
}

/// A parsed plan.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    /// Instructions with their 1-based line numbers.
    pub steps: Vec<(usize, Step)>,
}

/// A plan that cannot be parsed or whose expectation failed.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct PlanError {
    /// 1-based line of the plan.
    pub line: usize,
    /// What went wrong.
    pub message: String,
}

fn range(text: &str) -> Option<(f64, f64)> {
    let (a, b) = text.split_once("..")?;
    let lo = if a.is_empty() {
        f64::NEG_INFINITY
    } else {
        a.parse().ok()?
    };
    let hi = if b.is_empty() {
        f64::INFINITY
    } else {
        b.parse().ok()?
    };
    Some((lo, hi))
}

impl Plan {
    /// Parses a plan.
    pub fn parse(text: &str) -> Result<Plan, PlanError> {
        let mut steps = Vec::new();
        for (n, raw) in text.lines().enumerate() {
            let line = n + 1;
            let content = raw.split('#').next().unwrap_or("").trim();
            if content.is_empty() {
                continue;
            }
            let err = |m: &str| PlanError {
                line,
                message: m.to_string(),
            };
            let words: Vec<&str> = content.split_whitespace().collect();
            let rest_after = |k: usize| -> String {
                let mut s = content;
                for _ in 0..k {
                    s = s.trim_start();
                    s = &s[s.find(char::is_whitespace).unwrap_or(s.len())..];
                }
                s.trim().to_string()
            };
            let step = match words.as_slice() {
                ["param", id, value] => Step::Param(id.to_string(), value.to_string()),
                ["choose", d, o] => Step::Choose(d.to_string(), o.to_string()),
                ["step"] => Step::Steps(1),
                ["step", n] => {
                    Step::Steps(n.parse().map_err(|_| err("`step` takes a whole number"))?)
                }
                ["next-inject"] => Step::Command(Command::NextInject),
                ["next-phase"] => Step::Command(Command::NextPhase),
                ["pause"] => Step::Command(Command::Pause),
                ["resume"] => Step::Command(Command::Resume),
                ["undo"] => Step::Command(Command::Undo),
                ["rewind", n] => Step::Command(Command::Rewind {
                    entry: n
                        .parse()
                        .map_err(|_| err("`rewind` takes a journal entry number"))?,
                }),
                ["confirm-ending"] => Step::Command(Command::ConfirmEnding),
                ["end-now"] => Step::Command(Command::EndNow {
                    reason: "test plan".into(),
                }),
                ["note", ..] => Step::Command(Command::Note {
                    text: rest_after(1),
                }),
                ["curveball", i] => Step::Command(Command::Curveball {
                    inject: i.to_string(),
                }),
                ["take", a] => Step::Command(Command::Take {
                    action: a.to_string(),
                    team: None,
                    by: String::new(),
                    name: String::new(),
                }),
                ["take", a, t] => Step::Command(Command::Take {
                    action: a.to_string(),
                    team: Some(t.to_string()),
                    by: String::new(),
                    name: String::new(),
                }),
                ["set", m, v, ..] => Step::Command(Command::SetMetric {
                    metric: m.to_string(),
                    value: v
                        .parse()
                        .map_err(|_| err("`set` takes a metric and a number"))?,
                    reason: rest_after(3),
                }),
                ["expect", "inject", i] => Step::Expect(Expectation::Inject(i.to_string())),
                ["expect", "no-inject", i] => Step::Expect(Expectation::NoInject(i.to_string())),
                ["expect", "metric", m, r] => {
                    let (lo, hi) = range(r)
                        .ok_or_else(|| err("write a range such as `40..80`, `..30` or `70..`"))?;
                    Step::Expect(Expectation::Metric(m.to_string(), lo, hi))
                }
                ["expect", "counter", m, r] => {
                    let (lo, hi) = range(r).ok_or_else(|| err("write a range such as `0..3`"))?;
                    Step::Expect(Expectation::Counter(m.to_string(), lo, hi))
                }
                ["expect", "taken", a, r] => {
                    let (lo, hi) = range(r).ok_or_else(|| err("write a range such as `1..3`"))?;
                    Step::Expect(Expectation::Taken(a.to_string(), lo, hi))
                }
                ["expect", "flag", f, v] => Step::Expect(Expectation::Flag(
                    f.to_string(),
                    match *v {
                        "true" | "yes" => true,
                        "false" | "no" => false,
                        _ => return Err(err("a flag is `true` or `false`")),
                    },
                )),
                ["expect", "system", s, st] => Step::Expect(Expectation::System(
                    s.to_string(),
                    SystemState::ALL
                        .into_iter()
                        .find(|x| x.name() == *st)
                        .ok_or_else(|| {
                            err("states: up, degraded, down, isolated, restoring, restored")
                        })?,
                )),
                [
                    "expect",
                    "check",
                    c,
                    st @ ("met" | "missed" | "open" | "n/a"),
                ] => Step::Expect(Expectation::Check(c.to_string(), st.to_string())),
                [
                    "expect",
                    "deadline",
                    d,
                    st @ ("met" | "missed" | "running" | "not-started"),
                ] => Step::Expect(Expectation::Deadline(d.to_string(), st.to_string())),
                ["expect", "deadline", _, _] => {
                    return Err(err(
                        "a deadline is `met`, `missed`, `running` or `not-started`",
                    ));
                }
                ["expect", "ending", e] => Step::Expect(Expectation::Ending(e.to_string())),
                _ => {
                    return Err(err(&format!(
                        "cannot read `{content}`; see `downtime run --help` for the plan syntax"
                    )));
                }
            };
            steps.push((line, step));
        }
        Ok(Plan { steps })
    }

    /// The parameter settings of the plan, for the start command.
    pub fn params(&self) -> BTreeMap<String, ParamSetting> {
        self.steps
            .iter()
            .filter_map(|(_, s)| match s {
                Step::Param(id, v) => Some((
                    id.clone(),
                    match v.as_str() {
                        "true" | "yes" => ParamSetting::Bool(true),
                        "false" | "no" => ParamSetting::Bool(false),
                        _ => v
                            .parse()
                            .map(ParamSetting::Num)
                            .unwrap_or(ParamSetting::Choice(v.clone())),
                    },
                )),
                _ => None,
            })
            .collect()
    }
}

/// Checks an expectation against the exercise, explaining a failure.
pub fn check(ex: &Exercise, e: &Expectation) -> Result<(), String> {
    let sc = ex.scenario();
    let st = ex.state();
    let find = |kind: &str, list: Vec<&str>, id: &str| -> Result<usize, String> {
        list.iter()
            .position(|x| *x == id)
            .ok_or_else(|| format!("unknown {kind} `{id}`"))
    };
    match e {
        Expectation::Inject(i) | Expectation::NoInject(i) => {
            let k = find(
                "inject",
                sc.injects.iter().map(|x| x.id.as_str()).collect(),
                i,
            )?;
            let fired = st.injects[k].fired_at.is_some();
            let want = matches!(e, Expectation::Inject(_));
            if fired != want {
                return Err(format!(
                    "expected inject `{i}` {}to have fired",
                    if want { "" } else { "not " }
                ));
            }
        }
        Expectation::Metric(m, lo, hi) => {
            let k = find(
                "metric",
                sc.metrics.iter().map(|x| x.id.as_str()).collect(),
                m,
            )?;
            let v = st.metrics[k];
            if v < *lo || v > *hi {
                return Err(format!("expected metric `{m}` in {lo}..{hi}, found {v}"));
            }
        }
        Expectation::Counter(c, lo, hi) => {
            let k = find(
                "counter",
                sc.counters.iter().map(|x| x.id.as_str()).collect(),
                c,
            )?;
            let v = st.counters[k];
            if v < *lo || v > *hi {
                return Err(format!("expected counter `{c}` in {lo}..{hi}, found {v}"));
            }
        }
        Expectation::Taken(a, lo, hi) => {
            let k = find(
                "action",
                sc.actions.iter().map(|x| x.id.as_str()).collect(),
                a,
            )?;
            let v = f64::from(st.actions[k].uses);
            if v < *lo || v > *hi {
                return Err(format!(
                    "expected action `{a}` taken {lo}..{hi} times, found {v}"
                ));
            }
        }
        Expectation::Flag(f, want) => {
            let k = find("flag", sc.flags.iter().map(|x| x.id.as_str()).collect(), f)?;
            if st.flags[k] != *want {
                return Err(format!("expected flag `{f}` to be {want}"));
            }
        }
        Expectation::System(s, want) => {
            let k = find(
                "system",
                sc.systems.iter().map(|x| x.id.as_str()).collect(),
                s,
            )?;
            if st.systems[k] != *want {
                return Err(format!(
                    "expected system `{s}` to be {}, found {}",
                    want.name(),
                    st.systems[k].name()
                ));
            }
        }
        Expectation::Check(c, want) => {
            let k = find(
                "check",
                sc.checks.iter().map(|x| x.id.as_str()).collect(),
                c,
            )?;
            let got = match ex.score().checks[k].status {
                CheckStatus::Met(_) => "met",
                CheckStatus::Missed(_) => "missed",
                CheckStatus::Pending => "open",
                CheckStatus::NotApplicable => "n/a",
            };
            if got != want {
                return Err(format!("expected check `{c}` to be {want}, found {got}"));
            }
        }
        Expectation::Deadline(d, want) => {
            let k = find(
                "deadline",
                sc.deadlines.iter().map(|x| x.id.as_str()).collect(),
                d,
            )?;
            let ds = &st.deadlines[k];
            let got = if ds.met.is_some() {
                "met"
            } else if ds.missed.is_some() {
                "missed"
            } else if ds.started.is_some() {
                "running"
            } else {
                "not-started"
            };
            if got != want {
                return Err(format!("expected deadline `{d}` to be {want}, found {got}"));
            }
        }
        Expectation::Ending(want) => match ex.status() {
            Status::Ended { ending } => {
                let got = &sc.endings[ending as usize].id;
                if got != want {
                    return Err(format!("expected ending `{want}`, reached `{got}`"));
                }
            }
            _ => {
                return Err(format!(
                    "expected ending `{want}`, but the exercise has not ended"
                ));
            }
        },
    }
    Ok(())
}
