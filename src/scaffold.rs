//! `downtime new`: a commented skeleton scenario that shows every section of the format and
//! passes `downtime check` without a warning.

use std::path::{Path, PathBuf};

/// Preset teams, in the order they are added (`--teams N` takes the first N).
pub const TEAMS: [(&str, &str, &str); 8] = [
    (
        "command",
        "Incident command",
        "Runs the response: priorities, escalation, the regulator.",
    ),
    (
        "it",
        "IT and security",
        "Contains the attack and restores the systems.",
    ),
    (
        "clinical",
        "Clinical operations",
        "Keeps patients safe: downtime procedures, diversions, staffing.",
    ),
    (
        "comms",
        "Communications",
        "Staff, patients, the press and social media.",
    ),
    (
        "lab",
        "Laboratory",
        "Samples, results and analysers during the outage.",
    ),
    (
        "pharmacy",
        "Pharmacy",
        "Medication orders and dispensing on paper.",
    ),
    (
        "logistics",
        "Logistics and supply",
        "Transport, couriers, supplies.",
    ),
    (
        "legal",
        "Legal and compliance",
        "Notifications, data protection, insurers.",
    ),
];

/// The file a NAME designates: `NAME.ron`, or NAME itself if it already ends in `.ron`.
pub fn file_for(name: &str) -> PathBuf {
    if name.to_ascii_lowercase().ends_with(".ron") {
        PathBuf::from(name)
    } else {
        PathBuf::from(format!("{name}.ron"))
    }
}

/// A scenario id derived from a name: lower-case ASCII letters, digits and `_`, starting with
/// a letter (`My Drill 2025` → `my_drill_2025`).
pub fn id_for(name: &str) -> String {
    let stem = stem(name);
    let mut id = String::new();
    for c in stem.chars() {
        let c = c.to_ascii_lowercase();
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.ends_with('_') && !id.is_empty() {
            id.push('_');
        }
    }
    while id.ends_with('_') {
        id.pop();
    }
    if id.is_empty() {
        return "new_scenario".into();
    }
    if !id.starts_with(|c: char| c.is_ascii_alphabetic()) {
        id.insert_str(0, "scenario_");
    }
    id
}

/// A title derived from a name: the file stem with `-` and `_` as spaces, first letter
/// capitalised; control characters removed.
pub fn title_for(name: &str) -> String {
    let words: Vec<String> = stem(name)
        .chars()
        .map(|c| if c == '-' || c == '_' { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect::<String>()
        .split_whitespace()
        .map(str::to_string)
        .collect();
    let joined = words.join(" ");
    let mut chars = joined.chars();
    match chars.next() {
        Some(f) => f.to_uppercase().chain(chars).collect(),
        None => "New scenario".into(),
    }
}

/// The file's name as shown in the skeleton's comments (control characters removed).
fn file_name(name: &str) -> String {
    let p = file_for(name);
    let n = p
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    n.chars().filter(|c| !c.is_control()).collect()
}

fn stem(name: &str) -> String {
    let p = file_for(name);
    Path::new(&p)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Escapes text for a double-quoted RON string.
fn ron_str(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// The skeleton's text for a name and a number of teams (1 to 8).
pub fn skeleton(name: &str, teams: usize) -> String {
    let n = teams.clamp(1, TEAMS.len());
    let team_lines: String = TEAMS[..n]
        .iter()
        .map(|(id, name, desc)| {
            format!("        (id: \"{id}\", name: \"{name}\", description: \"{desc}\"),\n")
        })
        .collect();
    // Who decides what: IT contains if there is an IT team; the last team takes press calls.
    let containing = TEAMS[1.min(n - 1)].0;
    let press = TEAMS[n - 1].0;
    TEMPLATE
        .replace("{{ID}}", &id_for(name))
        .replace("{{TITLE}}", &ron_str(&title_for(name)))
        .replace("{{TEAMS}}", team_lines.trim_end_matches('\n'))
        .replace("{{CONTAIN_TEAM}}", containing)
        .replace("{{PRESS_TEAM}}", press)
        .replace("{{FILE}}", &file_name(name))
}

/// Writes the skeleton for NAME; refuses to overwrite an existing file unless `force`.
/// Returns the path written.
pub fn write(name: &str, teams: usize, force: bool) -> Result<PathBuf, String> {
    if name.trim().is_empty() {
        return Err("the name cannot be empty".into());
    }
    let path = file_for(name);
    let shown = path.display();
    if let Ok(meta) = std::fs::symlink_metadata(&path) {
        if meta.is_dir() {
            return Err(format!("`{shown}` is a folder"));
        }
        if !force {
            return Err(format!(
                "`{shown}` already exists; use --force to overwrite it"
            ));
        }
    }
    let text = skeleton(name, teams);
    // Atomic (temporary file, fsync, rename): a crash leaves the old file or the new one.
    let result = if force {
        crate::report::atomic::write_atomic(&path, text.as_bytes())
    } else {
        // Never clobber a file that appeared since the check above.
        crate::report::atomic::write_atomic_new(&path, text.as_bytes())
    };
    result.map_err(|e| format!("cannot write `{shown}`: {e}"))?;
    Ok(path)
}

const TEMPLATE: &str = r##"#![enable(implicit_some)]
// {{TITLE}}: a Downtime scenario skeleton, written by `downtime new`.
//
// Every section of the format appears once, with a comment on what to change. It already
// passes `downtime check`: edit it step by step and keep it that way, e.g. with
//     downtime check --watch {{FILE}}
// Draw its flow with `downtime graph {{FILE}} | dot -Tsvg > flow.svg`, play it with
// `downtime run {{FILE}} --policy random`, and test its balance with
// `downtime simulate {{FILE}}`. The full reference is scenarios/README.md.
Scenario(
    format: 1,

    // What the exercise is, for whom, and what it should achieve.
    meta: (
        id: "{{ID}}", // stable identifier: journals and reports refer to it
        title: "{{TITLE}}",
        summary: "One paragraph: what happens, to whom, and what the teams must decide.",
        language: "en", // language of the texts (BCP 47 tag, e.g. "fr")
        authors: ["Your name"],
        version: "0.1",
        duration: "60m", // estimated real duration of a session
        setting: "The organisation, the day and hour, who is on duty. Replace with your own.",
        how_to_play: "Read each message aloud. Discuss each decision, then choose an option.",
        // Objectives are rated P/S/M/U at the end, from the checks linked to them below.
        objectives: [
            (id: "contain", text: "Contain the attack without losing sight of patient care.", capability: "Cybersecurity"),
            (id: "coordinate", text: "Notify the authorities in time.", capability: "Operational coordination"),
        ],
        // Public sources the scenario draws on: incident reports, guidance, laws.
        sources: [
            (title: "A public incident report or guide", url: "https://example.org", note: "What this scenario takes from it."),
        ],
    ),

    // The teams (roles) in the room. Injects may be addressed to some; each decision has one owner.
    teams: [
{{TEAMS}}
    ],

    // T+0 is `start`; the clock moves by `step`; the default ending comes at `end`.
    clock: (start: "2025-01-18T21:00", step: "15m", end: "12h"),

    // Stretches of the exercise. The clock stops at each phase's start for a discussion.
    phases: [
        (
            id: "detection",
            title: "Night: detection",
            start: "0m", // the first phase starts at 0m
            briefing: "Read to the room when the phase begins: the situation at T+0.",
            questions: ["A question for the discussion at the end of the phase?"],
            notes: "For the facilitator only: what to watch for.",
        ),
        (
            id: "recovery",
            title: "Morning: recovery",
            start: "6h",
            step: "30m", // this phase moves in bigger steps
            briefing: "The situation when the day staff arrive.",
            questions: ["What would you do differently?"],
        ),
    ],

    // Set by the facilitator at the briefing; expressions read them by id.
    parameters: [
        (id: "offline_backups", label: "Are backups kept offline?", kind: Bool, default: true, help: "Offline backups survive the attack more often."),
        (id: "staffing", label: "Staffing tonight", kind: Choice(["low", "normal"]), default: "normal"),
        (id: "it_on_site", label: "IT staff on site", kind: Number(min: 0, max: 10), default: 2),
    ],

    // Gauges of how things go. The final values make the score (weighted by `weight`).
    metrics: [
        (
            id: "patient_safety", label: "Patient safety", unit: "%",
            description: "How safe care is, given what the systems still allow.",
            start: "staffing == \"low\" ? 70 : 80", // a number, or an expression over parameters
            min: 0, max: 100, good: High, weight: 3,
            thresholds: [(below: 40, label: "critical"), (below: 60, label: "at risk")],
        ),
        (
            id: "trust", label: "Trust", unit: "%",
            description: "Confidence of staff, regulator and public.",
            start: 70, weight: 1,
            thresholds: [(below: 40, label: "low")],
        ),
        (
            id: "cost", label: "Cost", unit: "k€",
            description: "Extra spending caused by the incident.",
            start: 0, min: 0, max: 1000, good: Low, weight: 1,
            thresholds: [(above: 300, label: "over budget")],
        ),
    ],

    // True/false facts that effects set and conditions read.
    flags: [
        (id: "network_isolated", label: "Network isolated"),
    ],

    // Whole numbers to keep count of something.
    counters: [
        (id: "paper_forms", label: "Paper forms handed out", unit: "forms"),
    ],

    // IT systems. Effects change their state: up, degraded, down, isolated, restoring, restored.
    systems: [
        (id: "ehr", name: "Electronic health record", description: "Orders, notes and results.", state: Up),
        (id: "email", name: "E-mail", description: "Internal and external e-mail.", state: Up),
    ],

    // Clinical services: their capacity follows their systems and, while those are down,
    // the paper downtime procedures (which wear out after `planned_for`).
    services: [
        (
            id: "emergency", name: "Emergency department", description: "Triage and emergency care.",
            depends_on: ["ehr"],
            paper: "network_isolated ? 60 : 40", // capacity on paper: a number or an expression
            planned_for: "8h", decay: 30, floor: 20,
        ),
    ],

    // The messages. Triggers: `at` a time, `after` an inject or an option (+ `delay`),
    // `when` a condition holds, or none (fired by a follow-up, a schedule(...) or a random event).
    injects: [
        (
            id: "alert",
            title: "Screens go dark in the emergency department",
            at: "0m", // trigger: at a time
            channel: Phone, sender: "ED charge nurse", severity: Critical,
            body: "What the players hear or read, word for word.",
            notes: "For the facilitator: the recommended move and why.",
            questions: ["What do you ask before deciding?"],
            effects: ["ehr = down", "start(notify_regulator)"],
            decision: (
                id: "contain",
                team: "{{CONTAIN_TEAM}}",
                prompt: "Do you cut the hospital's network off the internet now?",
                options: [
                    (
                        id: "isolate", label: "Isolate the network now",
                        effects: ["network_isolated = true", "email = isolated", "trust -= 5", "cost += 20"],
                        follow_up: ["it_report"], // injects that follow, each after its own delay
                        recommended: true, // what public guidance recommends
                    ),
                    (
                        id: "investigate", label: "Let IT investigate first",
                        requires: "it_on_site >= 2", // only available when this holds
                        unavailable: "Not enough IT staff on site to investigate.",
                        effects: ["cost += 5"],
                        // One outcome is drawn; the one without `chance` takes the rest.
                        outcomes: [
                            (label: "IT finds the intrusion", chance: "offline_backups ? 0.6 : 0.4", text: "IT pinpoints the entry point and cuts it.", effects: ["network_isolated = true", "email = isolated"]),
                            (label: "The malware spreads", text: "While IT looks, the malware reaches e-mail.", effects: ["email = down", "patient_safety -= 10"], follow_up: ["it_report"]),
                        ],
                    ),
                    (
                        id: "wait", label: "Wait and see",
                        effects: ["patient_safety -= 10", "schedule(spread, 30m)"],
                    ),
                ],
                // Out of time (real or scenario time): the default option is taken.
                timeout: (real: "5m", scenario: "1h", default: "wait"),
            ),
        ),
        (
            id: "it_report",
            title: "IT reports on the damage",
            delay: "45m", // no trigger: fired by the follow-ups above, after this delay
            channel: Report, sender: "IT on-call engineer", severity: High,
            body: "The extent of the damage, and what IT needs.",
            effects: ["paper_forms += 50"],
        ),
        (
            id: "spread",
            title: "E-mail is down too",
            // no trigger: scheduled by the `wait` option
            channel: Alert, sender: "IT monitoring", severity: High,
            body: "The malware has reached the mail server.",
            effects: ["email = down", "trust -= 10", "cost += 50"],
        ),
        (
            id: "paper_mode",
            title: "Downtime forms are out",
            after: "contain.isolate", delay: "30m", // trigger: after an option was chosen
            channel: InPerson, sender: "Night nursing supervisor", severity: Medium,
            body: "Paper forms are on every ward.",
            effects: ["patient_safety += 5"],
        ),
        (
            id: "press_call",
            title: "A journalist calls",
            after: "alert", delay: "1h", // trigger: after another inject
            chance: 0.5, // fires only half of the time
            teams: ["{{PRESS_TEAM}}"], // addressed to these teams only (default: everyone)
            channel: Press, sender: "Local newspaper", severity: Low,
            body: "\"Is it true the hospital has been hacked?\"",
            effects: ["trust -= 5"],
        ),
        (
            id: "regulator_call",
            title: "The regulator calls",
            when: "elapsed >= 1h && !met(notify_regulator)", // trigger: when a condition holds
            channel: Phone, sender: "Regional health authority", severity: Medium,
            body: "\"We heard you have an IT problem. Anything to report?\"",
            decision: (
                id: "notify",
                team: "command",
                prompt: "Do you file the incident report now?",
                options: [
                    (id: "report", label: "Report now", effects: ["meet(notify_regulator)", "trust += 10"], recommended: true),
                    (id: "later", label: "Promise a report in the morning", effects: ["trust -= 5"]),
                ],
            ),
        ),
        (
            id: "rumour",
            title: "Rumours among staff",
            // no trigger: scheduled by the random event below
            channel: Social, sender: "Staff group chat", severity: Low,
            body: "\"All patient records have been stolen!\"",
            effects: ["trust -= 5"],
        ),
        (
            id: "systems_back",
            title: "The systems are back",
            at: "8h",
            channel: Report, sender: "IT on-call engineer", severity: Info,
            body: "The health record and e-mail are restored from backups.",
            effects: ["ehr = restored", "email = restored", "cost += 100"],
        ),
    ],

    // Regulatory or operational clocks: start(id) starts one, meet(id) meets it.
    deadlines: [
        (
            id: "notify_regulator",
            label: "Report the incident to the health authority",
            duration: "2h",
            team: "command",
            description: "Why it matters and who must be told.",
            reference: "The law or guidance that sets it",
            on_met: ["trust += 5"],
            on_missed: ["trust -= 15"],
        ),
    ],

    // Rolled at every clock step while `when` holds.
    random_events: [
        (
            id: "staff_rumour",
            label: "A rumour spreads among staff",
            chance: 0.1, // per step
            when: "!network_isolated",
            once: true,
            effects: ["schedule(rumour)"],
        ),
    ],

    // The first conditional ending whose `when` holds ends the exercise; the default one
    // comes when the clock reaches its end (an `end(id)` effect can also end it).
    endings: [
        (id: "recovered", title: "Systems restored", when: "ehr == restored", debrief: "What went well, and what would you change?"),
        (id: "unsafe", title: "Care is no longer safe", when: "patient_safety < 30", debrief: "Which decision weighed most?"),
        (id: "time_up", title: "The night is over", default: true, debrief: "What does the day team inherit?"),
    ],

    // Grades by score (0 to 100), and best-practice checks rated at the end.
    scoring: (
        grades: [
            (min: 85, grade: "A", label: "Exemplary response"),
            (min: 70, grade: "B", label: "Sound response"),
            (min: 55, grade: "C", label: "Shaky response"),
            (min: 0, grade: "D", label: "Response failed"),
        ],
        checks: [
            (
                id: "isolate_fast",
                title: "Network isolated within 30 minutes of the alert",
                when: "network_isolated",
                within: "30m", from: "alert", // met only if it holds within 30m of `alert`
                objective: "contain",
                lesson: "What to learn when it is missed.",
                reference: "The guidance it comes from",
            ),
            (
                id: "safety_held",
                title: "Patient safety stayed at 60% or more",
                when: "patient_safety >= 60", // no `within`: judged at the end
                objective: "contain",
                lesson: "Every containment choice has a clinical cost.",
            ),
            (
                id: "reported",
                title: "Incident reported in time",
                when: "met(notify_regulator)",
                objective: "coordinate",
                lesson: "Reporting is a legal duty and brings help.",
            ),
        ],
    ),
)
"##;
