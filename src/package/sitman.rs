//! The situation manual (SitMan), for players: built from [`PlayersBrief`] alone, what
//! [`crate::audience`] lets players read before the exercise, so that no facilitator-only
//! text can reach it.

use super::{h, p, paras, spaced, subtitle};
use crate::audience::PlayersBrief;
use crate::i18n::{Lang, format};
use crate::print::{Block, Doc, Table, Text};
use crate::tr;

/// The situation manual of a scenario, from what players may see of it.
pub fn doc(b: &PlayersBrief, lang: Lang) -> Doc {
    let mut blocks = Vec::new();
    // Purpose.
    blocks.push(h(1, tr!(lang, "package-purpose")));
    blocks.push(p(tr!(lang, "package-sitman-purpose", title = &b.title)));
    // Scope.
    blocks.push(h(1, tr!(lang, "package-scope")));
    if let Some(d) = b.duration {
        blocks.push(p(tr!(
            lang,
            "package-scope-duration",
            duration = format::duration(lang, d),
            phases = b.phases.len()
        )));
    } else {
        blocks.push(p(tr!(
            lang,
            "package-scope-phases",
            phases = b.phases.len()
        )));
    }
    blocks.push(h(2, tr!(lang, "package-teams")));
    blocks.push(Block::Table(Table {
        header: vec![
            tr!(lang, "package-col-team"),
            tr!(lang, "package-col-responsibilities"),
        ],
        rows: b
            .teams
            .iter()
            .map(|(n, d)| vec![Text::bold(n.as_str()), Text::plain(d.as_str())])
            .collect(),
        widths: vec![1, 3],
    }));
    blocks.push(h(2, tr!(lang, "package-in-play")));
    let mut in_play = vec![Text::plain(tr!(lang, "package-in-play-teams"))];
    if !b.systems.is_empty() {
        in_play.push(
            Text::bold(spaced(tr!(lang, "package-in-play-systems")))
                .then(format::list(lang, &b.systems)),
        );
    }
    if !b.services.is_empty() {
        in_play.push(
            Text::bold(spaced(tr!(lang, "package-in-play-services")))
                .then(format::list(lang, &b.services)),
        );
    }
    blocks.push(Block::Bullets(in_play));
    blocks.push(h(2, tr!(lang, "package-out-of-play")));
    blocks.push(Block::Bullets(vec![
        tr!(lang, "package-out-of-play-real").into(),
        tr!(lang, "package-out-of-play-outside").into(),
        tr!(lang, "package-out-of-play-people").into(),
    ]));
    // Objectives.
    blocks.push(h(1, tr!(lang, "package-objectives")));
    if b.objectives.is_empty() {
        blocks.push(p(tr!(lang, "package-no-objectives")));
    } else {
        blocks.push(Block::Table(Table {
            header: vec![
                tr!(lang, "package-col-number"),
                tr!(lang, "package-col-objective"),
                tr!(lang, "package-col-capability"),
            ],
            rows: b
                .objectives
                .iter()
                .enumerate()
                .map(|(n, (t, c))| {
                    vec![
                        Text::plain((n + 1).to_string()),
                        Text::plain(t.as_str()),
                        Text::plain(c.as_str()),
                    ]
                })
                .collect(),
            widths: vec![1, 8, 4],
        }));
    }
    // The scenario.
    blocks.push(h(1, tr!(lang, "package-scenario")));
    if !b.setting.is_empty() {
        blocks.push(h(2, tr!(lang, "package-setting")));
        blocks.extend(paras(&b.setting));
    }
    if !b.summary.is_empty() {
        blocks.push(h(2, tr!(lang, "package-summary")));
        blocks.extend(paras(&b.summary));
    }
    // Modules.
    for (n, ph) in b.phases.iter().enumerate() {
        blocks.push(h(
            1,
            tr!(lang, "package-module", n = n + 1, title = &ph.title),
        ));
        blocks.extend(paras(&ph.briefing));
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
    // Rules.
    blocks.push(h(1, tr!(lang, "package-rules")));
    if !b.how_to_play.is_empty() {
        blocks.push(h(2, tr!(lang, "package-how-to-play")));
        blocks.extend(paras(&b.how_to_play));
    }
    blocks.push(h(2, tr!(lang, "package-ground-rules")));
    blocks.push(Block::Bullets(ground_rules(lang)));
    blocks.push(Block::Note(no_fault(lang)));
    // The cast.
    if !b.cast.is_empty() {
        blocks.push(h(1, tr!(lang, "package-cast")));
        blocks.push(p(tr!(lang, "package-cast-intro")));
        blocks.push(Block::Table(Table {
            header: vec![
                tr!(lang, "package-col-name"),
                tr!(lang, "package-col-role"),
                tr!(lang, "package-col-organisation"),
            ],
            rows: b
                .cast
                .iter()
                .map(|(n, r, o)| {
                    vec![
                        Text::bold(n.as_str()),
                        Text::plain(r.as_str()),
                        Text::plain(o.as_str()),
                    ]
                })
                .collect(),
            widths: vec![2, 3, 3],
        }));
    }
    // Sources.
    if !b.sources.is_empty() {
        blocks.push(h(1, tr!(lang, "package-sources")));
        blocks.push(p(tr!(lang, "package-sources-intro")));
        blocks.push(Block::Bullets(
            b.sources
                .iter()
                .map(|(t, u)| {
                    if u.is_empty() {
                        Text::plain(t.as_str())
                    } else {
                        Text::plain(format!("{t}. ")).then(u.as_str())
                    }
                })
                .collect(),
        ));
    }
    Doc {
        lang: lang.tag().to_string(),
        title: b.title.clone(),
        subtitle: subtitle(tr!(lang, "package-sitman"), &b.version, lang),
        marking: Some(tr!(lang, "package-sitman-marking")),
        contents: Some(tr!(lang, "package-contents")),
        blocks,
    }
}

/// The standard HSEEP ground rules of a tabletop exercise.
pub fn ground_rules(lang: Lang) -> Vec<Text> {
    [
        tr!(lang, "package-rule-real"),
        tr!(lang, "package-rule-role"),
        tr!(lang, "package-rule-no-hidden"),
        tr!(lang, "package-rule-time"),
        tr!(lang, "package-rule-assumptions"),
        tr!(lang, "package-rule-decide"),
        tr!(lang, "package-rule-phones"),
    ]
    .into_iter()
    .map(Text::from)
    .collect()
}

/// The no-fault statement: the exercise tests plans and systems, not people.
pub fn no_fault(lang: Lang) -> Text {
    Text::bold(spaced(tr!(lang, "package-no-fault-label"))).then(tr!(lang, "package-no-fault"))
}
