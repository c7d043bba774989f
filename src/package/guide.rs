//! The facilitator and evaluator guide: per module (phase) its briefing, facilitator notes,
//! messages in the MSEL's planned order with their decisions, and its questions; then per
//! objective its critical tasks and evidence, and an exercise evaluation guide (EEG) sheet
//! to rate it P/S/M/U.

use super::{h, labelled, p, paras, spaced, subtitle};
use crate::engine::score::Rating;
use crate::i18n::{Lang, format, terms};
use crate::msel::columns::Field;
use crate::msel::export::{Authored, Row, rows, trigger_words_in};
use crate::print::{Block, Doc, Table, Text};
use crate::scenario::Scenario;
use crate::scenario::compiled::{Decision, Objective, ParamValue};
use crate::tr;

/// Between two facts on one line.
const SEP: &str = "   ·   ";

/// The tick boxes of an HSEEP rating.
pub const RATINGS: [&str; 4] = ["P", "S", "M", "U"];

/// The facilitator and evaluator guide of a scenario.
pub fn doc(sc: &Scenario, authored: &[Authored], lang: Lang) -> Doc {
    let rows = rows(sc, authored, lang);
    let mut blocks = Vec::new();
    blocks.push(h(1, tr!(lang, "package-guide-about")));
    blocks.push(p(tr!(lang, "package-guide-intro", title = &sc.meta.title)));
    blocks.push(Block::Note(
        Text::bold(spaced(tr!(lang, "package-guide-warning-label")))
            .then(tr!(lang, "package-guide-warning")),
    ));
    blocks.extend(overview(sc, rows.len(), lang));
    let phase_col = col(Field::Phase);
    for (n, ph) in sc.phases.iter().enumerate() {
        blocks.push(Block::PageBreak);
        blocks.push(h(
            1,
            tr!(lang, "package-module", n = n + 1, title = &ph.title),
        ));
        labelled_if(
            &mut blocks,
            tr!(lang, "package-starts"),
            format!(
                "{} ({})",
                crate::scenario::time::format_offset(ph.start),
                sc.clock.short_in(lang, ph.start)
            ),
        );
        if let Some(e) = ph.estimate {
            labelled_if(
                &mut blocks,
                tr!(lang, "package-estimate"),
                format::duration(lang, e),
            );
        }
        blocks.push(h(2, tr!(lang, "package-briefing")));
        blocks.extend(paras(&ph.briefing));
        if !ph.notes.is_empty() {
            blocks.push(h(2, tr!(lang, "package-facilitator-notes")));
            blocks.extend(paras(&ph.notes));
        }
        let mine: Vec<&Row> = rows
            .iter()
            .filter(|r| r.cells[phase_col] == ph.title)
            .collect();
        blocks.push(h(2, tr!(lang, "package-messages")));
        if mine.is_empty() {
            blocks.push(p(tr!(lang, "package-no-messages")));
        }
        for r in mine {
            blocks.extend(message(sc, r, authored, lang));
        }
        if !ph.questions.is_empty() {
            blocks.push(h(2, tr!(lang, "package-questions")));
            blocks.push(Block::Numbered(
                ph.questions
                    .iter()
                    .map(|q| Text::plain(q.as_str()))
                    .collect(),
            ));
        }
    }
    let other: Vec<&Row> = rows
        .iter()
        .filter(|r| !sc.phases.iter().any(|ph| r.cells[phase_col] == ph.title))
        .collect();
    if !other.is_empty() {
        blocks.push(Block::PageBreak);
        blocks.push(h(1, tr!(lang, "package-other-messages")));
        blocks.push(p(tr!(lang, "package-other-messages-intro")));
        for r in other {
            blocks.extend(message(sc, r, authored, lang));
        }
    }
    blocks.push(Block::PageBreak);
    blocks.push(h(1, tr!(lang, "package-objectives")));
    if sc.meta.objectives.is_empty() {
        blocks.push(p(tr!(lang, "package-no-objectives")));
    }
    for (n, o) in sc.meta.objectives.iter().enumerate() {
        blocks.extend(objective(sc, n, o, lang));
    }
    if !sc.meta.objectives.is_empty() {
        blocks.push(Block::PageBreak);
        blocks.push(h(1, tr!(lang, "package-eeg")));
        blocks.push(p(tr!(lang, "package-eeg-intro")));
        blocks.push(definitions(lang));
        for (n, o) in sc.meta.objectives.iter().enumerate() {
            blocks.push(Block::PageBreak);
            blocks.extend(eeg(n, o, lang));
        }
    }
    Doc {
        lang: lang.tag().to_string(),
        title: sc.meta.title.clone(),
        subtitle: subtitle(tr!(lang, "package-guide"), &sc.meta.version, lang),
        marking: Some(tr!(lang, "package-guide-marking")),
        contents: Some(tr!(lang, "package-contents")),
        blocks,
    }
}

/// The column of a field in the MSEL's rows.
fn col(f: Field) -> usize {
    Field::MSEL.iter().position(|x| *x == f).unwrap_or(0)
}

/// A bold label and its text, when the text is not empty.
fn labelled_if(blocks: &mut Vec<Block>, label: String, text: String) {
    if !text.is_empty() {
        blocks.push(labelled(label, text));
    }
}

/// The exercise at a glance.
fn overview(sc: &Scenario, messages: usize, lang: Lang) -> Vec<Block> {
    let mut b = vec![h(1, tr!(lang, "package-overview"))];
    if let Some(d) = sc.meta.duration {
        labelled_if(
            &mut b,
            tr!(lang, "package-duration"),
            format::duration(lang, d),
        );
    }
    labelled_if(
        &mut b,
        tr!(lang, "package-scenario-start"),
        sc.clock.full_in(lang, 0),
    );
    let teams: Vec<String> = sc.teams.iter().map(|t| t.name.clone()).collect();
    labelled_if(
        &mut b,
        tr!(lang, "package-teams-label"),
        format::list(lang, &teams),
    );
    b.push(p(tr!(
        lang,
        "package-counts",
        phases = sc.phases.len(),
        messages = messages,
        decisions = sc.decisions.len()
    )));
    if !sc.params.is_empty() {
        b.push(h(2, tr!(lang, "package-params")));
        b.push(Block::Table(Table {
            header: vec![
                tr!(lang, "package-col-setting"),
                tr!(lang, "package-col-default"),
            ],
            rows: sc
                .params
                .iter()
                .map(|p| {
                    let mut what = Text::bold(p.label.as_str());
                    if !p.help.is_empty() {
                        what = what.then(format!(" — {}", p.help));
                    }
                    let default = match p.default {
                        ParamValue::Bool(b) => terms::yes_no(lang, b),
                        ref v => p.display(v),
                    };
                    vec![what, Text::plain(default)]
                })
                .collect(),
            widths: vec![5, 2],
        }));
    }
    if !sc.cast.is_empty() {
        b.push(h(2, tr!(lang, "package-cast-guide")));
        b.push(Block::Table(Table {
            header: vec![
                tr!(lang, "package-col-name"),
                tr!(lang, "package-col-how-to-play"),
                tr!(lang, "package-col-secrets"),
            ],
            rows: sc
                .cast
                .iter()
                .map(|c| {
                    vec![
                        Text::bold(c.signature()),
                        Text::plain(c.notes.as_str()),
                        Text::plain(c.secrets.join("\n")),
                    ]
                })
                .collect(),
            widths: vec![2, 3, 3],
        }));
    }
    b
}

/// One message of the MSEL: when, channel, sender, addressees, text, notes, its decision.
fn message(sc: &Scenario, r: &Row, authored: &[Authored], lang: Lang) -> Vec<Block> {
    let inj = &sc.injects[r.inject];
    let cell = |f: Field| r.cells[col(f)].clone();
    let mut b = vec![h(
        3,
        format!("{}. {}", cell(Field::Sequence), cell(Field::Title)),
    )];
    let when = match r.at {
        Some(_) => format!("{} ({})", cell(Field::Time), cell(Field::DayTime)),
        None => trigger_words_in(sc, r.inject, authored.get(r.inject), lang),
    };
    b.push(Block::Paragraph(
        Text::bold(spaced(tr!(lang, "package-when")))
            .then(when)
            .then(SEP)
            .then_bold(spaced(tr!(lang, "package-channel")))
            .then(cell(Field::Channel)),
    ));
    b.push(Block::Paragraph(
        Text::bold(spaced(tr!(lang, "package-from")))
            .then(cell(Field::From))
            .then(SEP)
            .then_bold(spaced(tr!(lang, "package-to")))
            .then(cell(Field::To)),
    ));
    if inj.hidden {
        b.push(Block::Note(Text::plain(tr!(lang, "package-hidden"))));
    }
    b.extend(paras(&inj.body));
    if let Some(a) = &inj.attachment {
        b.push(labelled(tr!(lang, "package-attachment"), a.name.clone()));
    }
    if !inj.notes.is_empty() {
        b.push(Block::Paragraph(
            Text::bold(spaced(tr!(lang, "package-notes"))).then(inj.notes.as_str()),
        ));
    }
    if !inj.questions.is_empty() {
        b.push(Block::Paragraph(Text::bold(tr!(
            lang,
            "package-inject-questions"
        ))));
        b.push(Block::Bullets(
            inj.questions
                .iter()
                .map(|q| Text::plain(q.as_str()))
                .collect(),
        ));
    }
    if let Some(d) = inj.decision {
        b.extend(decision(sc, &sc.decisions[usize::from(d)], lang));
    }
    b
}

/// A decision: its team and question, its options with the recommended ones marked, its
/// time limit, and the points to draw out in the discussion.
fn decision(sc: &Scenario, d: &Decision, lang: Lang) -> Vec<Block> {
    let team = &sc.teams[usize::from(d.team)].name;
    let mut b = vec![Block::Paragraph(
        Text::bold(spaced(tr!(lang, "package-decision", team = team.as_str())))
            .then(d.prompt.as_str()),
    )];
    if d.multi() {
        let (min, max) = d.pick_limits();
        b.push(p(terms::pick_words(lang, min, max)));
    }
    let mark = tr!(lang, "package-recommended-mark");
    b.push(Block::Table(Table {
        header: vec![
            tr!(lang, "package-col-number"),
            tr!(lang, "package-col-option"),
            tr!(lang, "package-col-recommended"),
        ],
        rows: d
            .options
            .iter()
            .enumerate()
            .map(|(k, o)| {
                vec![
                    Text::plain((k + 1).to_string()),
                    if o.recommended {
                        Text::bold(o.label.as_str())
                    } else {
                        Text::plain(o.label.as_str())
                    },
                    Text::plain(if o.recommended { mark.as_str() } else { "" }),
                ]
            })
            .collect(),
        widths: vec![1, 10, 3],
    }));
    let rec: Vec<String> = d
        .options
        .iter()
        .filter(|o| o.recommended)
        .map(|o| o.label.clone())
        .collect();
    b.push(labelled(
        tr!(lang, "package-recommended"),
        if rec.is_empty() {
            tr!(lang, "package-none-recommended")
        } else {
            rec.join(" + ")
        },
    ));
    if let Some(t) = &d.timeout {
        let limit = match (t.real, t.scenario) {
            (Some(r), _) => tr!(
                lang,
                "package-limit-real",
                duration = format::duration(lang, r)
            ),
            (None, Some(s)) => tr!(
                lang,
                "package-limit-scenario",
                duration = format::duration(lang, s)
            ),
            (None, None) => String::new(),
        };
        let default = d
            .options
            .get(usize::from(t.default))
            .map(|o| o.label.as_str())
            .unwrap_or_default();
        b.push(labelled(
            tr!(lang, "package-time-limit"),
            tr!(lang, "package-timeout", limit = limit, default = default),
        ));
    }
    let points: Vec<Text> = sc
        .checks
        .iter()
        .filter(|c| c.from == Some(d.inject) && !c.lesson.is_empty())
        .map(|c| Text::bold(c.title.as_str()).then(format!(" — {}", c.lesson)))
        .collect();
    if !points.is_empty() {
        b.push(Block::Paragraph(Text::bold(tr!(
            lang,
            "package-discussion-points"
        ))));
        b.push(Block::Bullets(points));
    }
    b
}

/// An objective: its capability, critical tasks with their targets and evidence.
fn objective(sc: &Scenario, n: usize, o: &Objective, lang: Lang) -> Vec<Block> {
    let mut b = vec![h(
        2,
        tr!(lang, "package-objective", n = n + 1, text = o.text.as_str()),
    )];
    if !o.capability.is_empty() {
        b.push(labelled(
            tr!(lang, "package-capability"),
            o.capability.clone(),
        ));
    }
    if o.tasks.is_empty() {
        b.push(p(tr!(lang, "package-no-tasks")));
    }
    for (k, t) in o.tasks.iter().enumerate() {
        b.push(h(
            3,
            tr!(
                lang,
                "package-task",
                n = format!("{}.{}", n + 1, k + 1),
                text = t.text.as_str()
            ),
        ));
        if !t.target.is_empty() {
            b.push(labelled(tr!(lang, "package-target"), t.target.clone()));
        }
        let evidence: Vec<Text> = t
            .checks
            .iter()
            .filter_map(|&c| sc.checks.get(usize::from(c)))
            .map(|c| {
                let mut x = Text::bold(c.title.as_str());
                if !c.lesson.is_empty() {
                    x = x.then(format!(" — {}", c.lesson));
                }
                if !c.reference.is_empty() {
                    x = x.then(format!(" ({})", c.reference));
                }
                x
            })
            .collect();
        if evidence.is_empty() {
            b.push(p(tr!(lang, "package-no-evidence")));
        } else {
            b.push(Block::Paragraph(Text::bold(tr!(lang, "package-evidence"))));
            b.push(Block::Bullets(evidence));
        }
    }
    b
}

/// The rating definitions (HSEEP).
fn definitions(lang: Lang) -> Block {
    Block::Table(Table {
        header: vec![
            tr!(lang, "package-col-rating"),
            tr!(lang, "package-col-meaning"),
        ],
        rows: [Rating::P, Rating::S, Rating::M, Rating::U]
            .iter()
            .zip(RATINGS)
            .map(|(&r, l)| vec![Text::bold(l), Text::plain(terms::rating(lang, r))])
            .collect(),
        widths: vec![1, 6],
    })
}

/// The exercise evaluation guide sheet of one objective: each critical task with lines for
/// observations and P/S/M/U boxes, then the objective's rating.
fn eeg(n: usize, o: &Objective, lang: Lang) -> Vec<Block> {
    let mut b = vec![h(
        2,
        tr!(lang, "package-eeg-sheet", n = n + 1, text = o.text.as_str()),
    )];
    if !o.capability.is_empty() {
        b.push(labelled(
            tr!(lang, "package-capability"),
            o.capability.clone(),
        ));
    }
    b.push(Block::Paragraph(Text::bold(tr!(lang, "package-evaluator"))));
    b.push(Block::Lines(1));
    // The sheet's parts are bold paragraphs, not headings: the contents stay short.
    for (k, t) in o.tasks.iter().enumerate() {
        b.push(Block::Paragraph(Text::bold(tr!(
            lang,
            "package-task",
            n = format!("{}.{}", n + 1, k + 1),
            text = t.text.as_str()
        ))));
        if !t.target.is_empty() {
            b.push(labelled(tr!(lang, "package-target"), t.target.clone()));
        }
        b.push(Block::Paragraph(Text::italic(tr!(
            lang,
            "package-observations"
        ))));
        b.push(Block::Lines(3));
        b.push(boxes(tr!(lang, "package-task-rating")));
    }
    b.push(Block::Paragraph(Text::bold(tr!(
        lang,
        "package-objective-rating"
    ))));
    b.push(boxes(tr!(lang, "package-rating")));
    b.push(Block::Paragraph(Text::italic(tr!(
        lang,
        "package-rating-reason"
    ))));
    b.push(Block::Lines(3));
    b.push(definitions(lang));
    b
}

/// P/S/M/U tick boxes after a label.
fn boxes(label: String) -> Block {
    Block::Boxes {
        label: Text::bold(label),
        boxes: RATINGS.iter().map(|s| s.to_string()).collect(),
    }
}
