//! What expressions can name: the scenario's symbols, the types of values, the reserved
//! words and functions, and a record of which names effects and conditions use.

use std::collections::HashMap;

use crate::scenario::model::SystemState;

/// A table of ids: every lookup a scenario's names need while loading. Iteration order is
/// never observable (did-you-mean breaks ties alphabetically).
pub type IdMap<V> = HashMap<String, V, foldhash::fast::RandomState>;

/// The type of an expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Type {
    /// true or false.
    Bool,
    /// A number.
    Num,
    /// A duration.
    Dur,
    /// A system state (a system, or a state name such as `down`).
    State,
    /// The value of a choice parameter (its index).
    Choice(u16),
    /// A string literal, only meaningful compared with a choice parameter.
    Str,
}

impl Type {
    /// How the type is named in messages.
    pub fn describe(self) -> &'static str {
        match self {
            Type::Bool => "a true/false value",
            Type::Num => "a number",
            Type::Dur => "a duration",
            Type::State => "a system state",
            Type::Choice(_) => "a choice",
            Type::Str => "a string",
        }
    }
}

/// What a bare name in an expression refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Name {
    /// A metric, by index.
    Metric(u16),
    /// A flag, by index.
    Flag(u16),
    /// A counter, by index.
    Counter(u16),
    /// A parameter, by index, with its type.
    Param(u16, ParamType),
    /// An IT system, by index.
    System(u16),
    /// A clinical service (its capacity), by index.
    Service(u16),
}

/// The type of a parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamType {
    /// yes/no.
    Bool,
    /// A number.
    Num,
    /// One of a list of strings.
    Choice,
}

/// Every name a scenario defines, for resolving expressions.
#[derive(Clone, Debug, Default)]
pub struct Symbols {
    /// Metrics, flags, counters, parameters, systems and services, which share one namespace.
    pub values: IdMap<Name>,
    /// Injects by id.
    pub injects: IdMap<u16>,
    /// Decisions by id.
    pub decisions: IdMap<u16>,
    /// For each decision, its options by id.
    pub options: Vec<IdMap<u16>>,
    /// Deadlines by id.
    pub deadlines: IdMap<u16>,
    /// Endings by id.
    pub endings: IdMap<u16>,
    /// Phases by id.
    pub phases: IdMap<u16>,
    /// Actions by id.
    pub actions: IdMap<u16>,
    /// For each parameter, its choices (empty unless it is a choice parameter).
    pub choices: Vec<Vec<String>>,
    /// The file's format version (constructs of a later version are refused; 0 means the
    /// newest, for tools that compile without a file).
    pub format: u32,
}

/// What the compiled effects and conditions touch, for the validator's lints.
#[derive(Clone, Debug, Default)]
pub struct Usage {
    /// Flags read by some condition or value.
    pub flags_read: Vec<bool>,
    /// Flags assigned by some effect.
    pub flags_set: Vec<bool>,
    /// Metrics changed by some effect.
    pub metrics_changed: Vec<bool>,
    /// Counters changed by some effect.
    pub counters_changed: Vec<bool>,
    /// Injects scheduled by some effect.
    pub injects_scheduled: Vec<bool>,
    /// Deadlines started by some effect.
    pub deadlines_started: Vec<bool>,
    /// Deadlines met by some effect.
    pub deadlines_met: Vec<bool>,
    /// Endings reached by some `end(...)` effect.
    pub endings_targeted: Vec<bool>,
    /// Systems whose state some effect changes.
    pub systems_changed: Vec<bool>,
}

impl Usage {
    /// An empty record sized for a scenario's symbols.
    pub fn new(
        flags: usize,
        metrics: usize,
        counters: usize,
        injects: usize,
        deadlines: usize,
        endings: usize,
        systems: usize,
    ) -> Self {
        Usage {
            flags_read: vec![false; flags],
            flags_set: vec![false; flags],
            metrics_changed: vec![false; metrics],
            counters_changed: vec![false; counters],
            injects_scheduled: vec![false; injects],
            deadlines_started: vec![false; deadlines],
            deadlines_met: vec![false; deadlines],
            endings_targeted: vec![false; endings],
            systems_changed: vec![false; systems],
        }
    }
}

/// Sets entry `i` of a usage table (ignoring an index out of range).
pub(crate) fn mark(v: &mut [bool], i: u16) {
    if let Some(x) = v.get_mut(i as usize) {
        *x = true;
    }
}

/// The system states by the names expressions give them.
pub(crate) const STATES: [(&str, SystemState); 6] = [
    ("up", SystemState::Up),
    ("degraded", SystemState::Degraded),
    ("down", SystemState::Down),
    ("isolated", SystemState::Isolated),
    ("restoring", SystemState::Restoring),
    ("restored", SystemState::Restored),
];

/// The system state an expression names `name`, if it is one.
pub(crate) fn state_named(name: &str) -> Option<SystemState> {
    STATES.iter().find(|(s, _)| *s == name).map(|(_, st)| *st)
}

/// Words that cannot be used as ids because expressions give them a meaning.
pub const RESERVED: [&str; 14] = [
    "true",
    "false",
    "and",
    "or",
    "not",
    "elapsed",
    "hour",
    "step",
    "up",
    "degraded",
    "down",
    "isolated",
    "restoring",
    "restored",
];

/// Functions usable in conditions, with their argument kinds, for messages and docs.
pub const FUNCTIONS: [(&str, &str); 15] = [
    ("fired", "fired(inject): the inject has fired"),
    (
        "taken",
        "taken(action): how many times the action was taken",
    ),
    ("since", "since(inject): time since the inject fired"),
    ("chosen", "chosen(decision, option) or chosen(decision)"),
    (
        "pending",
        "pending(decision): the decision waits for a choice",
    ),
    ("started", "started(deadline)"),
    ("met", "met(deadline)"),
    ("missed", "missed(deadline)"),
    (
        "active",
        "active(deadline): started, neither met nor missed",
    ),
    (
        "remaining",
        "remaining(deadline): time left on a running deadline",
    ),
    ("in_phase", "in_phase(phase)"),
    ("min", "min(a, b)"),
    ("max", "max(a, b)"),
    ("abs", "abs(x)"),
    ("chance", "not a function: use an inject's `chance` field"),
];

/// Actions usable as effects, for messages and docs.
pub const ACTIONS: [&str; 6] = [
    "schedule(inject) or schedule(inject, delay)",
    "cancel(inject)",
    "start(deadline)",
    "meet(deadline)",
    "end(ending)",
    "name = value, name += value, name -= value",
];

/// The hint for an id that names nothing of its kind (`noun`, e.g. `inject`): the nearest
/// id ("did you mean"), or else the first dozen ids of that kind, sorted.
pub fn unknown_id_help<V>(name: &str, noun: &str, table: &IdMap<V>) -> String {
    if let Some(m) = did_you_mean(name, table.keys().map(String::as_str)) {
        return format!("did you mean `{m}`?");
    }
    let mut list: Vec<&str> = table.keys().map(String::as_str).collect();
    list.sort_unstable();
    let more = list.len().saturating_sub(12);
    list.truncate(12);
    // "option of this decision" has its plural inside.
    let nouns = match noun.split_once(" of ") {
        Some((head, tail)) => format!("{head}s of {tail}"),
        None => format!("{noun}s"),
    };
    match (list.is_empty(), more) {
        (true, _) => format!("this scenario defines no {noun}"),
        (false, 0) => format!("known {nouns}: {}", list.join(", ")),
        (false, n) => format!("known {nouns}: {}, and {n} more", list.join(", ")),
    }
}

/// The closest candidate to a misspelt name, if any is close enough.
pub fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    // Ties go to the alphabetically first name, so the answer never depends on the order
    // in which candidates come (id tables are hash maps).
    let mut best: Option<(f64, &str)> = None;
    for c in candidates {
        let score = strsim::jaro_winkler(name, c);
        if score > 0.8 && best.is_none_or(|(s, b)| score > s || (score == s && c < b)) {
            best = Some((score, c));
        }
    }
    best.map(|(_, c)| c.to_string())
}
