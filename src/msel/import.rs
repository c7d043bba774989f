//! A planner's spreadsheet (a master scenario events list) turned into a commented
//! scenario skeleton (RON, format 2) that passes `downtime check`. Every row that cannot be
//! read becomes a [`Problem`] naming its sheet, row and column, and is left out.

use std::collections::BTreeMap;

use crate::scenario::expr::symbols::RESERVED;
use crate::scenario::model::Channel;
use crate::scenario::time::{Secs, format_duration, parse_duration};

use super::columns::{Field, normalise};
use super::table::ReadSheet;

/// A row that cannot be imported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The sheet (XLSX only).
    pub sheet: Option<String>,
    /// The 1-based row number as the spreadsheet shows it (the CSV line).
    pub row: usize,
    /// The column's header.
    pub column: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

impl Problem {
    /// `sheet "Night", row 7, column "Heure"` (no sheet for CSV).
    pub fn place(&self) -> String {
        let sheet = self
            .sheet
            .as_ref()
            .map(|s| format!("sheet \"{s}\", "))
            .unwrap_or_default();
        format!("{sheet}row {}, column \"{}\"", self.row, self.column)
    }
}

/// The result of an import.
#[derive(Clone, Debug)]
pub struct Imported {
    /// The scenario's text.
    pub ron: String,
    /// The rows left out.
    pub problems: Vec<Problem>,
    /// The number of injects written.
    pub injects: usize,
    /// The number of teams written.
    pub teams: usize,
}

/// A spreadsheet's rows, read from a file: one CSV sheet, or an XLSX workbook's sheets.
#[derive(Clone, Debug)]
pub struct Input {
    /// The name the skeleton's comments give the file.
    pub name: String,
    /// The sheets.
    pub sheets: Vec<ReadSheet>,
    /// Whether the sheets are a workbook's (their names are shown in problems).
    pub workbook: bool,
}

/// One inject as read from a row.
#[derive(Clone, Debug, Default)]
struct Inject {
    row: usize,
    sheet: Option<String>,
    id: String,
    title: String,
    at: Option<Secs>,
    phase: Option<String>,
    channel: Channel,
    channel_note: Option<String>,
    sender: String,
    teams: Vec<String>,
    body: String,
    notes: String,
    objectives: Vec<String>,
    trigger: String,
}

/// Parses a time as planners write it: `T+01:30`, `01:30` (from the start), `+1:30`,
/// durations such as `1h30`, `1h30m`, `90m`, `90 min`, `45 mn`.
pub fn parse_time(text: &str) -> Result<Secs, String> {
    let t = text.trim();
    let t = t
        .strip_prefix("T+")
        .or_else(|| t.strip_prefix("t+"))
        .or_else(|| t.strip_prefix('+'))
        .unwrap_or(t)
        .trim();
    if t.starts_with('-') || t.starts_with("T-") {
        return Err(format!("`{text}` is before the start"));
    }
    let hm: Vec<&str> = t.split(':').collect();
    if (2..=3).contains(&hm.len())
        && hm
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        let n: Vec<i64> = hm.iter().map(|p| p.parse().unwrap_or(0)).collect();
        if n[1] < 60 && n.get(2).is_none_or(|s| *s < 60) {
            return Ok(n[0] * 3600 + n[1] * 60 + n.get(2).copied().unwrap_or(0));
        }
        return Err(format!("`{text}` has minutes or seconds past 59"));
    }
    let mut d = t.replace(' ', "").to_lowercase();
    for (long, short) in [
        ("minutes", "m"),
        ("minute", "m"),
        ("mins", "m"),
        ("min", "m"),
        ("mn", "m"),
    ] {
        if d.ends_with(long) {
            d.truncate(d.len() - long.len());
            d.push_str(short);
        }
    }
    if d.contains('h') && d.ends_with(|c: char| c.is_ascii_digit()) {
        d.push('m');
    }
    // `1h75` is a typo, not 2h15: minutes after hours stay below 60.
    if let Some((_, rest)) = d.split_once('h')
        && let Some(mins) = rest.strip_suffix('m')
        && mins.parse::<u32>().is_ok_and(|m| m >= 60)
    {
        return Err(format!("`{text}` has minutes past 59"));
    }
    match parse_duration(&d) {
        Ok(s) if !d.is_empty() && d != "0" || t == "0" => Ok(s),
        _ => Err(format!("`{text}` is not a time")),
    }
}

/// The channel a planner's word names (English or French); `None` for a word it cannot place.
pub fn channel_of(word: &str) -> Option<Channel> {
    let w = normalise(word);
    // The words the export writes, in every language.
    for c in CHANNELS {
        if crate::i18n::Lang::ALL
            .iter()
            .any(|&l| normalise(&crate::i18n::terms::channel(l, c)) == w && !w.is_empty())
        {
            return Some(c);
        }
    }
    let has = |keys: &[&str]| keys.iter().any(|k| w.contains(k));
    let c = if w.is_empty() || has(&["other", "autre", "message"]) && !has(&["mail"]) {
        Channel::Other
    } else if has(&[
        "social", "reseaux", "twitter", "facebook", "x.com", "linkedin",
    ]) {
        Channel::Social
    } else if has(&["ransom", "rancon"]) {
        Channel::RansomNote
    } else if has(&["mail", "courriel", "mel"]) {
        Channel::Email
    } else if has(&["phone", "telephon", "appel", "call", "tel"]) {
        Channel::Phone
    } else if has(&["person", "personne", "visit", "walk", "oral", "face"]) {
        Channel::InPerson
    } else if has(&["radio", "pager", "bip", "talkie"]) {
        Channel::Radio
    } else if has(&["press", "presse", "journal", "tv", "tele", "news", "media"]) {
        Channel::Press
    } else if has(&[
        "official", "officiel", "lettre", "letter", "courrier", "arrete", "order",
    ]) {
        Channel::Official
    } else if has(&["alert", "alerte", "monitoring", "supervision", "alarm"]) {
        Channel::Alert
    } else if has(&[
        "report",
        "rapport",
        "bulletin",
        "briefing",
        "point de situation",
        "compte rendu",
    ]) {
        Channel::Report
    } else {
        return None;
    };
    Some(c)
}

/// Every channel.
const CHANNELS: [Channel; 11] = [
    Channel::Phone,
    Channel::Email,
    Channel::InPerson,
    Channel::Radio,
    Channel::Press,
    Channel::Social,
    Channel::RansomNote,
    Channel::Official,
    Channel::Alert,
    Channel::Report,
    Channel::Other,
];

/// The RON name of a channel.
fn channel_name(c: Channel) -> &'static str {
    match c {
        Channel::Phone => "Phone",
        Channel::Email => "Email",
        Channel::InPerson => "InPerson",
        Channel::Radio => "Radio",
        Channel::Press => "Press",
        Channel::Social => "Social",
        Channel::RansomNote => "RansomNote",
        Channel::Official => "Official",
        Channel::Alert => "Alert",
        Channel::Report => "Report",
        Channel::Other => "Other",
    }
}

/// Whether a "to" cell means every team.
fn is_everyone(s: &str) -> bool {
    super::columns::in_any_language(s, super::columns::all_teams)
        || matches!(
            normalise(s).as_str(),
            "all teams"
                | "all"
                | "everyone"
                | "toutes les equipes"
                | "tous"
                | "toutes"
                | "tout le monde"
        )
}

/// An id from a text: ASCII letters, digits and `_`, starting with a letter, not a reserved
/// word, not one of `taken`.
fn make_id(text: &str, fallback: &str, taken: &mut Vec<String>) -> String {
    let mut id = String::new();
    for c in normalise(text).chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('_') {
            id.push('_');
        }
        if id.len() >= 40 {
            break;
        }
    }
    let id = id.trim_end_matches('_');
    let mut id = if id.is_empty() {
        fallback.to_string()
    } else {
        id.to_string()
    };
    if !id.starts_with(|c: char| c.is_ascii_alphabetic()) {
        id.insert_str(0, &format!("{fallback}_"));
    }
    if RESERVED.contains(&id.as_str()) {
        id.push_str("_1");
    }
    let base = id.clone();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}_{n}");
        n += 1;
    }
    taken.push(id.clone());
    id
}

/// Escapes text for a double-quoted RON string.
fn ron_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Text for a `//` comment: one line, no control characters.
fn comment(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// The sheets to read: an "All events" sheet alone when there is one (the others repeat
/// its rows by phase), else every sheet.
fn chosen(input: &Input) -> Vec<&ReadSheet> {
    let all = input.sheets.iter().find(|s| {
        super::columns::in_any_language(&s.name, super::columns::all_events)
            || matches!(
                normalise(&s.name).as_str(),
                "all events" | "tous les evenements" | "msel" | "chronogramme"
            )
    });
    match all {
        Some(s) => vec![s],
        None => input.sheets.iter().collect(),
    }
}

/// Turns a spreadsheet into a scenario. `map` overrides the header matching: a header
/// (normalised) and the field it holds (`None`: ignored). `Err` when no sheet has a
/// column for the inject's title or description.
pub fn import(input: &Input, map: &[(String, Option<Field>)]) -> Result<Imported, String> {
    let sheets = chosen(input);
    let sheet_phases = sheets.len() > 1;
    let mut injects: Vec<Inject> = Vec::new();
    let mut problems = Vec::new();
    let mut any_header = false;
    let mut french = 0usize;
    let mut taken_ids: Vec<String> = Vec::new();
    for sheet in sheets {
        // The header is the first row (of the first ten) that names a title or a message
        // column: planners often put the exercise's name above it.
        let names_text = |row: &[String]| {
            row.iter().any(|h| {
                let n = normalise(h);
                let f = match map.iter().find(|(k, _)| *k == n) {
                    Some((_, f)) => *f,
                    None => Field::of_header(h),
                };
                matches!(f, Some(Field::Title | Field::Description))
            })
        };
        let Some(at) = sheet.rows.iter().take(10).position(|(_, r)| names_text(r)) else {
            continue;
        };
        let header = &sheet.rows[at].1;
        let rows = &sheet.rows[at + 1..];
        let mut cols: BTreeMap<Field, usize> = BTreeMap::new();
        for (c, h) in header.iter().enumerate() {
            let n = normalise(h);
            let field = match map.iter().find(|(k, _)| *k == n) {
                Some((_, f)) => *f,
                None => Field::of_header(h),
            };
            if let Some(f) = field {
                cols.entry(f).or_insert(c);
                if matches!(
                    n.as_str(),
                    "heure"
                        | "titre"
                        | "emetteur"
                        | "de"
                        | "destinataire(s)"
                        | "destinataires"
                        | "destinataire"
                        | "a"
                        | "canal"
                        | "moyen"
                        | "notes animateur"
                        | "objectif"
                        | "action attendue"
                ) {
                    french += 1;
                }
            }
        }
        if !cols.contains_key(&Field::Title) && !cols.contains_key(&Field::Description) {
            continue;
        }
        let expected_words = if french > 0 {
            "Action attendue : "
        } else {
            "Expected action: "
        };
        any_header = true;
        let sheet_name = input.workbook.then(|| sheet.name.clone());
        for (row, cells) in rows {
            let cell = |f: Field| {
                cols.get(&f)
                    .and_then(|&c| cells.get(c))
                    .map(|s| s.trim().to_string())
                    .unwrap_or_default()
            };
            let header_of = |f: Field| {
                cols.get(&f)
                    .and_then(|&c| header.get(c))
                    .cloned()
                    .unwrap_or_else(|| f.header().to_string())
            };
            let problem = |f: Field, message: String, help: &str| Problem {
                sheet: sheet_name.clone(),
                row: *row,
                column: header_of(f),
                message,
                help: help.to_string(),
            };
            let title = cell(Field::Title);
            let body = cell(Field::Description);
            if title.is_empty() && body.is_empty() {
                problems.push(problem(
                    if cols.contains_key(&Field::Title) {
                        Field::Title
                    } else {
                        Field::Description
                    },
                    "the row has neither a title nor a description".into(),
                    "give the inject a title or a message, or delete the row",
                ));
                continue;
            }
            let time = cell(Field::Time);
            let at = if time.is_empty() {
                None
            } else {
                match parse_time(&time) {
                    Ok(t) => Some(t),
                    Err(m) => {
                        problems.push(problem(
                            Field::Time,
                            format!("cannot read the time: {m}"),
                            "write a time from the start as T+01:30, 01:30 or 1h30 (or leave it empty for an inject the facilitator fires)",
                        ));
                        continue;
                    }
                }
            };
            let title = if title.is_empty() {
                body.chars().take(60).collect::<String>()
            } else {
                title
            };
            let method = cell(Field::Channel);
            let (channel, channel_note) = match channel_of(&method) {
                Some(c) => (c, None),
                None => (Channel::Other, Some(method.clone())),
            };
            let to = cell(Field::To);
            let teams: Vec<String> = to
                .split([',', ';', '\n'])
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_string)
                .collect();
            let teams = if teams.iter().any(|t| is_everyone(t)) {
                Vec::new()
            } else {
                teams
            };
            let mut notes = cell(Field::Notes);
            let expected = cell(Field::Expected);
            if !expected.is_empty() {
                if !notes.is_empty() {
                    notes.push_str("\n\n");
                }
                notes.push_str(&format!("{expected_words}{expected}"));
            }
            let objectives: Vec<String> = cell(Field::Objective)
                .split(['\n', ';'])
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(str::to_string)
                .collect();
            let phase = match cell(Field::Phase) {
                p if !p.is_empty() => Some(p),
                _ if sheet_phases => Some(sheet.name.clone()),
                _ => None,
            };
            let wanted = cell(Field::Id);
            let id = make_id(
                if wanted.is_empty() { &title } else { &wanted },
                "inject",
                &mut taken_ids,
            );
            injects.push(Inject {
                row: *row,
                sheet: sheet_name.clone(),
                id,
                title,
                at,
                phase,
                channel,
                channel_note,
                sender: cell(Field::From),
                teams,
                body,
                notes,
                objectives,
                trigger: cell(Field::Trigger),
            });
        }
    }
    if !any_header {
        return Err(
            "no sheet has a header row naming the injects' title or description (e.g. \"Title\", \"Titre\", \"Description\", \"Message\"); name the columns with --map COLUMN=FIELD".into(),
        );
    }
    let fr = french > 0;
    Ok(write(input, injects, problems, fr))
}

/// Writes the scenario's text.
fn write(input: &Input, injects: Vec<Inject>, problems: Vec<Problem>, fr: bool) -> Imported {
    let name = comment(&input.name);
    // Teams and objectives in order of first mention.
    let mut team_names: Vec<String> = Vec::new();
    let mut objectives: Vec<String> = Vec::new();
    for i in &injects {
        for t in &i.teams {
            if !team_names.iter().any(|n| normalise(n) == normalise(t)) {
                team_names.push(t.clone());
            }
        }
        for o in &i.objectives {
            if !objectives.contains(o) {
                objectives.push(o.clone());
            }
        }
    }
    let default_team = team_names.is_empty();
    if default_team {
        team_names.push(
            if fr {
                "Cellule de crise"
            } else {
                "Crisis team"
            }
            .to_string(),
        );
    }
    let mut taken = Vec::new();
    let team_ids: Vec<String> = team_names
        .iter()
        .map(|t| make_id(t, "team", &mut taken))
        .collect();
    let team_id = |name: &str| {
        team_names
            .iter()
            .position(|n| normalise(n) == normalise(name))
            .map(|i| team_ids[i].clone())
            .unwrap_or_default()
    };
    let mut taken = Vec::new();
    let objective_ids: Vec<String> = objectives
        .iter()
        .map(|o| make_id(o, "objective", &mut taken))
        .collect();
    // Phases in order of first mention, each starting at its earliest time; a phase that
    // cannot start after the one before is left out (its injects stay).
    let mut phase_names: Vec<String> = Vec::new();
    for i in &injects {
        if let Some(p) = &i.phase
            && !phase_names.contains(p)
        {
            phase_names.push(p.clone());
        }
    }
    let latest = injects.iter().filter_map(|i| i.at).max().unwrap_or(0);
    let end = ((latest / 3600) + 2) * 3600;
    let mut phases: Vec<(String, Secs)> = Vec::new();
    let mut dropped: Vec<String> = Vec::new();
    for p in &phase_names {
        let first = injects
            .iter()
            .filter(|i| i.phase.as_ref() == Some(p))
            .filter_map(|i| i.at)
            .min();
        let start = if phases.is_empty() { Some(0) } else { first };
        match (start, phases.last()) {
            (Some(s), Some((_, last))) if s > *last => phases.push((p.clone(), s)),
            (Some(s), None) => phases.push((p.clone(), s)),
            _ => dropped.push(p.clone()),
        }
    }
    let mut taken = Vec::new();
    let mut o = String::new();
    let title = input
        .name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or("")
        .rsplit_once('.')
        .map_or(input.name.as_str(), |(s, _)| s)
        .to_string();
    let title = comment(&title.replace(['-', '_'], " "));
    let title = if title.is_empty() {
        "Imported exercise".to_string()
    } else {
        title
    };
    let mut taken_s = Vec::new();
    let scenario_id = make_id(&title, "scenario", &mut taken_s);
    o.push_str("#![enable(implicit_some)]\n");
    o.push_str(&format!(
        "// Imported from {name} by `downtime import msel`: a skeleton to complete.\n"
    ));
    o.push_str("// Every inject below says which row it comes from. Injects without a time are curveballs\n");
    o.push_str(
        "// (the facilitator fires them); give them `after`, `when` or `at` as you see fit, add\n",
    );
    o.push_str("// decisions, metrics and checks, then `downtime check` this file. Reference: scenarios/README.md.\n");
    o.push_str("Scenario(\n    format: 2,\n\n    meta: (\n");
    o.push_str(&format!(
        "        id: \"{scenario_id}\",\n        title: \"{}\",\n",
        ron_str(&title)
    ));
    o.push_str(&format!(
        "        summary: \"Imported from {}.\",\n",
        ron_str(&name)
    ));
    o.push_str(&format!(
        "        language: \"{}\",\n",
        if fr { "fr" } else { "en" }
    ));
    if !objectives.is_empty() {
        o.push_str("        // From the spreadsheet's objective column.\n        objectives: [\n");
        for (id, text) in objective_ids.iter().zip(&objectives) {
            o.push_str(&format!(
                "            (id: \"{id}\", text: \"{}\"),\n",
                ron_str(text)
            ));
        }
        o.push_str("        ],\n");
    }
    o.push_str("    ),\n\n");
    if default_team {
        o.push_str("    // The spreadsheet names no team: one team for the whole room.\n");
    } else {
        o.push_str("    // From the spreadsheet's \"to\" column.\n");
    }
    o.push_str("    teams: [\n");
    for (id, n) in team_ids.iter().zip(&team_names) {
        o.push_str(&format!(
            "        (id: \"{id}\", name: \"{}\"),\n",
            ron_str(n)
        ));
    }
    o.push_str("    ],\n\n");
    o.push_str("    // T+0 is `start` (set the real date and hour); the exercise ends at `end` at the latest.\n");
    o.push_str(&format!(
        "    clock: (start: \"2025-01-06T09:00\", step: \"15m\", end: \"{}\"),\n\n",
        format_duration(end)
    ));
    if !phases.is_empty() {
        o.push_str("    phases: [\n");
        for (p, start) in &phases {
            let id = make_id(p, "phase", &mut taken);
            o.push_str(&format!(
                "        (id: \"{id}\", title: \"{}\", start: \"{}\"),\n",
                ron_str(p),
                format_duration(*start)
            ));
        }
        for p in &dropped {
            o.push_str(&format!(
                "        // phase \"{}\" left out: it does not start after the phase before it\n",
                comment(p)
            ));
        }
        o.push_str("    ],\n\n");
    }
    o.push_str("    injects: [\n");
    for i in &injects {
        let place = match &i.sheet {
            Some(s) => format!("sheet \"{}\", row {}", comment(s), i.row),
            None => format!("row {}", i.row),
        };
        o.push_str(&format!("        // imported from {name}, {place}\n"));
        if !i.trigger.is_empty() && i.at.is_none() {
            o.push_str(&format!(
                "        // planned trigger: {}\n",
                comment(&i.trigger)
            ));
        }
        for obj in &i.objectives {
            o.push_str(&format!("        // objective: {}\n", comment(obj)));
        }
        if let Some(n) = &i.channel_note
            && !n.is_empty()
        {
            o.push_str(&format!(
                "        // channel \"{}\" is not one Downtime knows: Other\n",
                comment(n)
            ));
        }
        o.push_str("        (\n");
        o.push_str(&format!("            id: \"{}\",\n", i.id));
        o.push_str(&format!("            title: \"{}\",\n", ron_str(&i.title)));
        match i.at {
            Some(t) => o.push_str(&format!("            at: \"{}\",\n", format_duration(t))),
            None => o.push_str("            curveball: true,\n"),
        }
        if !i.teams.is_empty() {
            let ids: Vec<String> = i
                .teams
                .iter()
                .map(|t| format!("\"{}\"", team_id(t)))
                .collect();
            o.push_str(&format!("            teams: [{}],\n", ids.join(", ")));
        }
        o.push_str(&format!(
            "            channel: {},\n",
            channel_name(i.channel)
        ));
        if !i.sender.is_empty() {
            o.push_str(&format!(
                "            sender: \"{}\",\n",
                ron_str(&i.sender)
            ));
        }
        o.push_str(&format!("            body: \"{}\",\n", ron_str(&i.body)));
        if !i.notes.is_empty() {
            o.push_str(&format!("            notes: \"{}\",\n", ron_str(&i.notes)));
        }
        o.push_str("        ),\n");
    }
    o.push_str("    ],\n\n");
    o.push_str("    endings: [\n");
    let (eid, etitle) = if fr {
        ("fin", "Fin de l'exercice")
    } else {
        ("end", "End of the exercise")
    };
    o.push_str(&format!(
        "        (id: \"{eid}\", title: \"{etitle}\", default: true),\n"
    ));
    o.push_str("    ],\n\n");
    o.push_str("    // A discussion exercise: no score until you add metrics and checks.\n");
    o.push_str("    scoring: None,\n)\n");
    Imported {
        ron: o,
        problems,
        injects: injects.len(),
        teams: team_ids.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_as_planners_write_them() {
        assert_eq!(parse_time("T+01:30"), Ok(5400));
        assert_eq!(parse_time("01:30"), Ok(5400));
        assert_eq!(parse_time("1h30"), Ok(5400));
        assert_eq!(parse_time("90 min"), Ok(5400));
        assert_eq!(parse_time("45mn"), Ok(2700));
        assert_eq!(parse_time("T+00:00"), Ok(0));
        assert_eq!(parse_time("T+26:15"), Ok(26 * 3600 + 900));
        assert!(parse_time("25h99").is_err());
        assert!(parse_time("demain").is_err());
        assert!(parse_time("12:75").is_err());
        assert!(parse_time("-01:00").is_err());
    }

    #[test]
    fn channels_in_english_and_french() {
        assert_eq!(channel_of("Téléphone"), Some(Channel::Phone));
        assert_eq!(channel_of("Courriel"), Some(Channel::Email));
        assert_eq!(channel_of("E-mail"), Some(Channel::Email));
        assert_eq!(channel_of("En personne"), Some(Channel::InPerson));
        assert_eq!(channel_of("Réseaux sociaux"), Some(Channel::Social));
        assert_eq!(channel_of("Social media"), Some(Channel::Social));
        assert_eq!(channel_of("Presse"), Some(Channel::Press));
        assert_eq!(channel_of("Officiel"), Some(Channel::Official));
        assert_eq!(channel_of("Alerte"), Some(Channel::Alert));
        assert_eq!(channel_of("Rapport"), Some(Channel::Report));
        assert_eq!(channel_of("Radio / pager"), Some(Channel::Radio));
        assert_eq!(channel_of("Pigeon voyageur"), None);
        assert_eq!(channel_of("勒索信"), Some(Channel::RansomNote));
        assert_eq!(channel_of("Demande de rançon"), Some(Channel::RansomNote));
    }
}
