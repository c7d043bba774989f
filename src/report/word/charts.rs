//! The charts annex: each metric's trajectory, the IT systems' states and the clinical
//! services' capacity (the HTML report's charts, as pictures), with their tables, then the
//! flags and counters.

use super::Out;
use crate::print::{Block, Chart, Text};
use crate::report::charts::{self, Drawn};
use crate::report::fmt;
use crate::report::model::*;
use crate::report::outline::Section;
use crate::scenario::time::format_offset;
use crate::tr;

/// Width of a chart in the document, in CSS pixels (A4's text width between 2 cm margins).
const WIDTH: f64 = 640.0;

/// A chart as a picture `WIDTH` wide, its styles inside it.
pub(super) fn chart(drawn: Drawn, caption: String) -> Block {
    let svg = crate::report::svg::standalone(&drawn.svg);
    let (w, h) = crate::report::svg::size(&svg);
    let height = if w > 0.0 { h * WIDTH / w } else { WIDTH / 3.0 };
    Block::Chart(Chart {
        svg,
        width: WIDTH as u32,
        height: height.round() as u32,
        alt: drawn.desc,
        caption: Some(caption),
    })
}

/// Metric trajectories, IT systems and clinical services.
pub(super) fn section(out: &mut Out, r: &Report) {
    let l = r.lang;
    super::open(out, r, Section::Charts);
    if r.metrics.is_empty() && r.systems.is_empty() && r.services.is_empty() {
        out.muted(tr!(l, "report-no-charts"));
    }
    if !r.metrics.is_empty() {
        out.heading(1, tr!(l, "report-metrics"));
    }
    for k in 0..r.metrics.len() {
        let drawn = charts::metric(r, "", k);
        let caption = drawn.desc.clone();
        out.blocks.push(chart(drawn, caption));
    }
    systems(out, r);
    services(out, r);
    super::annex::flags_and_counters(out, r);
}

fn systems(out: &mut Out, r: &Report) {
    let l = r.lang;
    let Some(drawn) = charts::systems(r, "") else {
        return;
    };
    out.heading(1, tr!(l, "report-systems"));
    out.blocks
        .push(chart(drawn, tr!(l, "report-g-systems-caption")));
    let rows = r
        .systems
        .iter()
        .map(|s| {
            let changes = s
                .states
                .iter()
                .map(|c| format!("{} {}", format_offset(c.at), fmt::state_in(l, &c.state)))
                .collect::<Vec<_>>()
                .join(" → ");
            vec![
                Text::plain(&s.name),
                Text::plain(fmt::span_in(l, s.down_s)),
                Text::plain(fmt::span_in(l, s.impaired_s)),
                Text::plain(fmt::state_in(l, &s.end)),
                Text::plain(changes),
            ]
        })
        .collect();
    out.table(
        vec![
            tr!(l, "report-col-system"),
            tr!(l, "report-col-down"),
            tr!(l, "report-col-degraded"),
            tr!(l, "report-col-at-end"),
            tr!(l, "report-col-changes"),
        ],
        rows,
        &[3, 2, 2, 2, 7],
    );
}

fn services(out: &mut Out, r: &Report) {
    let l = r.lang;
    let Some(drawn) = charts::services(r, "") else {
        return;
    };
    out.heading(1, tr!(l, "report-services"));
    out.blocks
        .push(chart(drawn, tr!(l, "report-g-services-caption")));
    let pct = |v: f64| fmt::with_unit_in(l, v, "%");
    let rows = r
        .services
        .iter()
        .map(|s| {
            vec![
                Text::plain(&s.name),
                Text::plain(s.depends_on.join(", ")),
                Text::plain(format!(
                    "{} {}",
                    pct(s.lowest.value),
                    tr!(l, "report-at", when = format_offset(s.lowest.at))
                )),
                Text::plain(fmt::span_in(l, s.reduced_s)),
                Text::plain(pct(s.mean)),
                Text::plain(pct(s.end)),
            ]
        })
        .collect();
    out.table(
        vec![
            tr!(l, "report-col-service"),
            tr!(l, "report-col-needs"),
            tr!(l, "report-col-lowest-capacity"),
            tr!(l, "report-col-time-below"),
            tr!(l, "report-col-mean-capacity"),
            tr!(l, "report-col-at-end"),
        ],
        rows,
        &[3, 4, 3, 2, 2, 2],
    );
}
