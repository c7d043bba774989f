//! The report's charts, ready to embed: each metric's trajectory, the IT systems' states,
//! the clinical services' capacity and, in comparisons, each metric of every group. The
//! HTML and the Word report draw the same charts from here (see [`super::svg`]).

use crate::i18n::Lang;
use crate::report::fmt;
use crate::report::model::*;
use crate::report::svg::{self, Line, LineChart};
use crate::scenario::time::format_offset;
use crate::tr;

/// A chart and what it shows in words (its SVG `<desc>`, for readers who cannot see it).
#[derive(Clone, Debug, PartialEq)]
pub struct Drawn {
    /// The `<svg>` element.
    pub svg: String,
    /// A summary of the data.
    pub desc: String,
}

/// The phases that began for good: (time, title), from the timeline.
pub fn phases(r: &Report) -> Vec<(i64, String)> {
    r.timeline
        .iter()
        .filter(|t| t.kind == TimelineKind::Phase && !t.undone)
        .map(|t| (t.when.at, t.title.clone()))
        .collect()
}

/// A metric's threshold bands as reference lines: (value, label).
pub fn threshold_lines(l: Lang, m: &MetricSeries) -> Vec<(f64, String)> {
    m.thresholds
        .iter()
        .flat_map(|t| {
            let mut v = Vec::new();
            if let Some(b) = t.below {
                v.push((
                    b,
                    tr!(
                        l,
                        "report-g-below",
                        label = t.label.as_str(),
                        value = fmt::num_in(l, b)
                    ),
                ));
            }
            if let Some(a) = t.above {
                v.push((
                    a,
                    tr!(
                        l,
                        "report-g-above",
                        label = t.label.as_str(),
                        value = fmt::num_in(l, a)
                    ),
                ));
            }
            v
        })
        .collect()
}

/// `↑ higher is better` or `↓ lower is better`.
pub fn direction(l: Lang, g: GoodDirection) -> String {
    match g {
        GoodDirection::High => tr!(l, "report-g-higher"),
        GoodDirection::Low => tr!(l, "report-g-lower"),
    }
}

/// A metric's label with its unit: `Patient safety (%)`.
fn label_unit(m: &MetricSeries) -> String {
    if m.unit.is_empty() {
        m.label.clone()
    } else {
        format!("{} ({})", m.label, m.unit)
    }
}

/// The caption of a metric's chart: direction, start, end, worst, best, band at the end.
pub fn metric_caption(l: Lang, m: &MetricSeries, end: i64) -> String {
    let start = m.points.first().map(|p| p.value).unwrap_or(m.end);
    tr!(
        l,
        "report-g-caption",
        metric = label_unit(m),
        direction = direction(l, m.good),
        start = fmt::with_unit_in(l, start, &m.unit),
        end = fmt::with_unit_in(l, m.end, &m.unit),
        at = format_offset(end),
        worst = fmt::with_unit_in(l, m.worst.value, &m.unit),
        worst_at = format_offset(m.worst.at),
        best = fmt::with_unit_in(l, m.best.value, &m.unit),
        best_at = format_offset(m.best.at),
        band = m
            .band_at_end
            .as_ref()
            .map(|b| tr!(l, "report-g-band", band = b.as_str()))
            .unwrap_or_default()
    )
}

/// The chart of the `k`th metric of `r`; `id` prefixes its element ids. Its description
/// is its caption ([`metric_caption`]).
pub fn metric(r: &Report, id: &str, k: usize) -> Drawn {
    let m = &r.metrics[k];
    let end = r.overview.scenario_to.at;
    let desc = metric_caption(r.lang, m, end);
    let svg = svg::line_chart(&LineChart {
        id: format!("{id}m{k}"),
        title: tr!(r.lang, "report-g-over-time", metric = m.label.as_str()),
        desc: desc.clone(),
        end,
        unit: m.unit.clone(),
        lo: m.min,
        hi: m.max,
        thresholds: threshold_lines(r.lang, m),
        phases: phases(r),
        lines: vec![Line {
            name: m.label.clone(),
            points: &m.points,
        }],
        legend: false,
        lang: r.lang,
    });
    Drawn { svg, desc }
}

/// The swimlanes of the IT systems' states (`None` without systems).
pub fn systems(r: &Report, id: &str) -> Option<Drawn> {
    if r.systems.is_empty() {
        return None;
    }
    let rows: Vec<(String, &[StateChange])> = r
        .systems
        .iter()
        .map(|s| (s.name.clone(), s.states.as_slice()))
        .collect();
    let desc = r
        .systems
        .iter()
        .map(|s| {
            tr!(
                r.lang,
                "report-g-system-desc",
                name = s.name.as_str(),
                down = fmt::span_in(r.lang, s.down_s),
                impaired = fmt::span_in(r.lang, s.impaired_s),
                end = fmt::state_in(r.lang, &s.end)
            )
        })
        .collect::<Vec<_>>()
        .join(fmt::semicolon(r.lang));
    let svg = svg::state_chart(
        r.lang,
        &format!("{id}sys"),
        &tr!(r.lang, "report-g-systems-title"),
        &desc,
        r.overview.scenario_to.at,
        &phases(r),
        &rows,
    );
    Some(Drawn { svg, desc })
}

/// The clinical services' capacity, one line each (`None` without services).
pub fn services(r: &Report, id: &str) -> Option<Drawn> {
    if r.services.is_empty() {
        return None;
    }
    let desc = r
        .services
        .iter()
        .map(|s| {
            tr!(
                r.lang,
                "report-g-service-desc",
                name = s.name.as_str(),
                lowest = fmt::with_unit_in(r.lang, s.lowest.value, "%"),
                at = format_offset(s.lowest.at),
                mean = fmt::with_unit_in(r.lang, s.mean, "%"),
                end = fmt::with_unit_in(r.lang, s.end, "%")
            )
        })
        .collect::<Vec<_>>()
        .join(fmt::semicolon(r.lang));
    let svg = svg::line_chart(&LineChart {
        id: format!("{id}svc"),
        title: tr!(r.lang, "report-g-services-title"),
        desc: desc.clone(),
        end: r.overview.scenario_to.at,
        unit: "%".into(),
        lo: 0.0,
        hi: 100.0,
        thresholds: Vec::new(),
        phases: phases(r),
        lines: r
            .services
            .iter()
            .map(|s| Line {
                name: s.name.clone(),
                points: &s.points,
            })
            .collect(),
        legend: true,
        lang: r.lang,
    });
    Some(Drawn { svg, desc })
}

/// The `k`th metric of the first report, one line per group; its description lists the
/// final values. With [`compared_caption`] under it.
pub fn compared(reports: &[Report], lang: Lang, k: usize) -> Drawn {
    let m = &reports[0].metrics[k];
    let end = reports
        .iter()
        .map(|r| r.overview.scenario_to.at)
        .max()
        .unwrap_or(0);
    let lines: Vec<Line> = reports
        .iter()
        .map(|r| Line {
            name: r.label.clone(),
            points: r
                .metrics
                .iter()
                .find(|x| x.id == m.id)
                .map(|x| x.points.as_slice())
                .unwrap_or(&[]),
        })
        .collect();
    let list = final_values(reports, lang, m);
    let svg = svg::line_chart(&LineChart {
        id: format!("cmp-m{k}"),
        title: tr!(lang, "report-g-each-group", metric = m.label.as_str()),
        desc: tr!(
            lang,
            "report-g-final-values-desc",
            direction = direction(lang, m.good),
            list = list.as_str()
        ),
        end,
        unit: m.unit.clone(),
        lo: m.min,
        hi: m.max,
        thresholds: threshold_lines(lang, m),
        phases: Vec::new(),
        lines,
        legend: true,
        lang,
    });
    Drawn { svg, desc: list }
}

/// Each group's final value of a metric: `Team A: 70%; Team B: 55%`.
fn final_values(reports: &[Report], lang: Lang, m: &MetricSeries) -> String {
    reports
        .iter()
        .map(|r| {
            let v = r.metrics.iter().find(|x| x.id == m.id).map(|x| x.end);
            format!(
                "{}{}{}",
                r.label,
                fmt::colon(lang),
                v.map(|v| fmt::with_unit_in(lang, v, &m.unit))
                    .unwrap_or_else(|| "–".into())
            )
        })
        .collect::<Vec<_>>()
        .join(fmt::semicolon(lang))
}

/// The caption under a compared metric's chart, its pieces passed through `esc` (the HTML
/// escapes them; Word takes them as they are).
pub fn compared_caption(
    lang: Lang,
    m: &MetricSeries,
    drawn: &Drawn,
    esc: impl Fn(&str) -> String,
) -> String {
    tr!(
        lang,
        "report-g-compare-caption",
        metric = if m.unit.is_empty() {
            esc(&m.label)
        } else {
            format!("{} ({})", esc(&m.label), esc(&m.unit))
        },
        direction = esc(&direction(lang, m.good)),
        list = esc(&drawn.desc)
    )
}
