//! The HSEEP participant feedback form: who (optional), statements rated 1 to 5, strengths,
//! areas for improvement, what the participant will do differently, and comments.

use super::{h, p, subtitle};
use crate::i18n::Lang;
use crate::print::{Block, Doc, Table, Text};
use crate::scenario::Scenario;
use crate::tr;

/// The tick box of a rating cell.
pub const BOX: &str = "☐";

/// The participant feedback form of a scenario.
pub fn doc(sc: &Scenario, lang: Lang) -> Doc {
    let mut blocks = vec![p(tr!(
        lang,
        "package-feedback-intro",
        title = &sc.meta.title
    ))];
    blocks.push(h(1, tr!(lang, "package-feedback-about")));
    for key in [
        tr!(lang, "package-feedback-name"),
        tr!(lang, "package-feedback-role"),
    ] {
        blocks.push(Block::Paragraph(Text::bold(key)));
        blocks.push(Block::Lines(1));
    }
    if sc.teams.is_empty() {
        blocks.push(Block::Paragraph(Text::bold(tr!(
            lang,
            "package-feedback-team"
        ))));
        blocks.push(Block::Lines(1));
    } else {
        blocks.push(Block::Boxes {
            label: Text::bold(tr!(lang, "package-feedback-team")),
            boxes: sc.teams.iter().map(|t| t.name.clone()).collect(),
        });
    }
    blocks.push(h(1, tr!(lang, "package-feedback-ratings")));
    blocks.push(p(tr!(lang, "package-feedback-scale")));
    let mut statements = vec![tr!(lang, "package-feedback-objectives-clear")];
    statements.extend(sc.meta.objectives.iter().map(|o| {
        tr!(
            lang,
            "package-feedback-objective-met",
            objective = o.text.as_str()
        )
    }));
    statements.extend([
        tr!(lang, "package-feedback-realistic"),
        tr!(lang, "package-feedback-materials"),
        tr!(lang, "package-feedback-facilitation"),
        tr!(lang, "package-feedback-time"),
        tr!(lang, "package-feedback-role-clear"),
        tr!(lang, "package-feedback-plans"),
        tr!(lang, "package-feedback-participants"),
        tr!(lang, "package-feedback-better-prepared"),
    ]);
    let mut header = vec![tr!(lang, "package-feedback-statement")];
    header.extend((1..=5).map(|n| n.to_string()));
    blocks.push(Block::Table(Table {
        header,
        rows: statements
            .into_iter()
            .map(|s| {
                let mut row = vec![Text::plain(s)];
                row.extend((0..5).map(|_| Text::plain(BOX)));
                row
            })
            .collect(),
        widths: vec![10, 1, 1, 1, 1, 1],
    }));
    for (heading, prompt, lines) in [
        (
            tr!(lang, "package-feedback-strengths"),
            tr!(lang, "package-feedback-strengths-prompt"),
            5,
        ),
        (
            tr!(lang, "package-feedback-improve"),
            tr!(lang, "package-feedback-improve-prompt"),
            5,
        ),
        (
            tr!(lang, "package-feedback-differently"),
            tr!(lang, "package-feedback-differently-prompt"),
            4,
        ),
        (
            tr!(lang, "package-feedback-comments"),
            tr!(lang, "package-feedback-comments-prompt"),
            5,
        ),
    ] {
        blocks.push(h(1, heading));
        blocks.push(Block::Paragraph(Text::italic(prompt)));
        blocks.push(Block::Lines(lines));
    }
    blocks.push(p(tr!(lang, "package-feedback-thanks")));
    Doc {
        lang: lang.tag().to_string(),
        title: sc.meta.title.clone(),
        subtitle: subtitle(tr!(lang, "package-feedback"), &sc.meta.version, lang),
        marking: None,
        contents: None,
        blocks,
    }
}
