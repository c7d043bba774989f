//! Inline SVG charts for the HTML report: step lines over scenario time, and swimlanes of
//! system states. Charts carry `<title>` and `<desc>`, and never rely on colour alone:
//! series differ by dash pattern and marker too, states by hatching and by their names.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use crate::i18n::Lang;
use crate::scenario::time::{Secs, format_offset};

use super::axis;
use super::fmt::{num_in, state_in};
use super::html::escape_html as esc;
use super::model::{Point, StateChange};

/// Width of every chart, in SVG units (about the report's text width on screen).
const W: f64 = 880.0;
/// Left margin (value axis).
const LEFT: f64 = 52.0;
/// Right margin (room for the last time label).
const RIGHT: f64 = 30.0;
/// Top margin (phase labels).
const TOP: f64 = 22.0;
/// Plot height of line charts.
const PLOT_H: f64 = 160.0;
/// Room under the plot for the time axis.
const AXIS_H: f64 = 30.0;
/// Height of a legend row.
const LEGEND_H: f64 = 18.0;

/// Colours of series (Okabe–Ito, safe for colour-blind readers).
const COLOURS: [&str; 7] = [
    "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000",
];
/// Dash patterns of series, so that they differ in black and white too.
const DASHES: [&str; 5] = ["", "7 4", "2 3", "10 3 2 3", "4 2 1 2"];

/// One series of a line chart.
#[derive(Clone, Debug)]
pub struct Line<'a> {
    /// Its name in the legend.
    pub name: String,
    /// Its points (a step function).
    pub points: &'a [Point],
}

/// A line chart over scenario time.
#[derive(Clone, Debug)]
pub struct LineChart<'a> {
    /// Unique prefix for element ids.
    pub id: String,
    /// Accessible title.
    pub title: String,
    /// Accessible description (a summary of the data).
    pub desc: String,
    /// Scenario time at the right edge.
    pub end: Secs,
    /// Unit of the values, shown above the value axis (may be empty).
    pub unit: String,
    /// Bottom of the value axis.
    pub lo: f64,
    /// Top of the value axis.
    pub hi: f64,
    /// Horizontal reference lines: (value, label).
    pub thresholds: Vec<(f64, String)>,
    /// Phase starts: (time, title).
    pub phases: Vec<(Secs, String)>,
    /// The series.
    pub lines: Vec<Line<'a>>,
    /// Whether to draw a legend (several series).
    pub legend: bool,
    /// The language of the report (numbers on the value axis).
    pub lang: Lang,
}

fn f(v: f64) -> String {
    format!("{v:.1}")
}

struct Frame {
    left: f64,
    end: Secs,
    lo: f64,
    hi: f64,
    plot_h: f64,
}

impl Frame {
    fn x(&self, t: Secs) -> f64 {
        self.left + (W - self.left - RIGHT) * (t.clamp(0, self.end) as f64 / self.end.max(1) as f64)
    }
    fn y(&self, v: f64) -> f64 {
        let span = (self.hi - self.lo).max(f64::EPSILON);
        TOP + self.plot_h * (1.0 - ((v - self.lo) / span).clamp(0.0, 1.0))
    }
}

fn open_svg(out: &mut String, id: &str, h: f64, title: &str, desc: &str) {
    let _ = write!(
        out,
        r#"<svg class="chart" viewBox="0 0 {w} {h}" width="{w}" height="{h}" role="img" aria-labelledby="{id}-t {id}-d" xmlns="http://www.w3.org/2000/svg"><title id="{id}-t">{t}</title><desc id="{id}-d">{d}</desc>"#,
        w = f(W),
        h = f(h),
        t = esc(title),
        d = esc(desc),
    );
}

fn time_axis(out: &mut String, fr: &Frame, y0: f64) {
    let _ = write!(
        out,
        r#"<line class="axis" x1="{}" y1="{y}" x2="{}" y2="{y}"/>"#,
        f(fr.left),
        f(W - RIGHT),
        y = f(y0)
    );
    for t in axis::time_ticks(fr.end) {
        let x = fr.x(t);
        let _ = write!(
            out,
            r#"<line class="tick" x1="{x}" y1="{a}" x2="{x}" y2="{b}"/><text class="tl" x="{x}" y="{c}" text-anchor="middle">{l}</text>"#,
            x = f(x),
            a = f(y0),
            b = f(y0 + 4.0),
            c = f(y0 + 16.0),
            l = esc(&format_offset(t)),
        );
    }
}

fn phase_marks(out: &mut String, fr: &Frame, phases: &[(Secs, String)], bottom: f64) {
    for (t, name) in phases {
        if *t <= 0 || *t > fr.end {
            continue;
        }
        let x = fr.x(*t);
        // Labels of late phases run leftwards so that they stay inside the chart.
        let (tx, anchor) = if x > fr.left + (W - fr.left - RIGHT) * 0.55 {
            (x - 3.0, "end")
        } else {
            (x + 3.0, "start")
        };
        let _ = write!(
            out,
            r#"<line class="phase" x1="{x}" y1="{a}" x2="{x}" y2="{b}"/><text class="pl" x="{tx}" y="{ty}" text-anchor="{anchor}">{n}</text>"#,
            x = f(x),
            a = f(TOP - 8.0),
            b = f(bottom),
            tx = f(tx),
            ty = f(TOP - 10.0),
            n = esc(name),
        );
    }
}

/// A marker shape centred on (x, y), for series `k`.
fn marker(k: usize, x: f64, y: f64) -> String {
    match k % 5 {
        0 => format!(r#"<circle cx="{}" cy="{}" r="3.2"/>"#, f(x), f(y)),
        1 => format!(
            r#"<rect x="{}" y="{}" width="6" height="6"/>"#,
            f(x - 3.0),
            f(y - 3.0)
        ),
        2 => format!(
            r#"<path d="M{} {}L{} {}L{} {}Z"/>"#,
            f(x),
            f(y - 4.0),
            f(x + 4.0),
            f(y + 3.0),
            f(x - 4.0),
            f(y + 3.0)
        ),
        3 => format!(
            r#"<path d="M{} {}L{} {}L{} {}L{} {}Z"/>"#,
            f(x),
            f(y - 4.0),
            f(x + 4.0),
            f(y),
            f(x),
            f(y + 4.0),
            f(x - 4.0),
            f(y)
        ),
        _ => format!(
            r#"<path d="M{} {}L{} {}M{} {}L{} {}" stroke-width="2"/>"#,
            f(x - 3.5),
            f(y - 3.5),
            f(x + 3.5),
            f(y + 3.5),
            f(x - 3.5),
            f(y + 3.5),
            f(x + 3.5),
            f(y - 3.5)
        ),
    }
}

fn style(k: usize) -> (&'static str, &'static str) {
    (COLOURS[k % COLOURS.len()], DASHES[k % DASHES.len()])
}

/// A step-line chart.
pub fn line_chart(c: &LineChart) -> String {
    let fr = Frame {
        left: LEFT,
        end: c.end.max(1),
        lo: c.lo,
        hi: c.hi,
        plot_h: PLOT_H,
    };
    let bottom = TOP + PLOT_H;
    let legend_rows = if c.legend { c.lines.len() } else { 0 };
    let h = bottom + AXIS_H + LEGEND_H * legend_rows as f64 + 4.0;
    let mut out = String::new();
    open_svg(&mut out, &c.id, h, &c.title, &c.desc);
    // Value grid and labels.
    for v in axis::value_ticks(c.lo, c.hi) {
        let y = fr.y(v);
        let _ = write!(
            out,
            r#"<line class="grid" x1="{}" y1="{y}" x2="{}" y2="{y}"/><text class="vl" x="{}" y="{}" text-anchor="end">{}</text>"#,
            f(LEFT),
            f(W - RIGHT),
            f(LEFT - 6.0),
            f(y + 4.0),
            esc(&num_in(c.lang, v)),
            y = f(y),
        );
    }
    if !c.unit.is_empty() {
        let _ = write!(
            out,
            r#"<text class="unit" x="{}" y="{}" text-anchor="end">{}</text>"#,
            f(LEFT - 6.0),
            f(TOP - 10.0),
            esc(&c.unit)
        );
    }
    phase_marks(&mut out, &fr, &c.phases, bottom);
    for (v, label) in &c.thresholds {
        let y = fr.y(*v);
        let _ = write!(
            out,
            r#"<line class="threshold" x1="{}" y1="{y}" x2="{}" y2="{y}"/><text class="thl" x="{}" y="{}" text-anchor="end">{}</text>"#,
            f(LEFT),
            f(W - RIGHT),
            f(W - RIGHT - 4.0),
            f(y - 4.0),
            esc(label),
            y = f(y),
        );
    }
    time_axis(&mut out, &fr, bottom);
    for (k, line) in c.lines.iter().enumerate() {
        let Some(first) = line.points.first() else {
            continue;
        };
        let (colour, dash) = style(k);
        let mut d = format!("M{} {}", f(fr.x(first.at)), f(fr.y(first.value)));
        for p in &line.points[1..] {
            let _ = write!(d, "H{}V{}", f(fr.x(p.at)), f(fr.y(p.value)));
        }
        let _ = write!(d, "H{}", f(fr.x(fr.end)));
        let dash_attr = if dash.is_empty() {
            String::new()
        } else {
            format!(r#" stroke-dasharray="{dash}""#)
        };
        let _ = write!(
            out,
            r#"<g class="series" stroke="{colour}" fill="{colour}"><path class="line" d="{d}" fill="none"{dash_attr}/>"#
        );
        for p in line.points {
            out.push_str(&marker(k, fr.x(p.at), fr.y(p.value)));
        }
        out.push_str("</g>");
    }
    if c.legend {
        for (k, line) in c.lines.iter().enumerate() {
            let (colour, dash) = style(k);
            let y = bottom + AXIS_H + LEGEND_H * k as f64 + 8.0;
            let dash_attr = if dash.is_empty() {
                String::new()
            } else {
                format!(r#" stroke-dasharray="{dash}""#)
            };
            let _ = write!(
                out,
                r#"<g class="legend" stroke="{colour}" fill="{colour}"><line x1="{}" y1="{y}" x2="{}" y2="{y}"{dash_attr}/>{}</g><text class="ll" x="{}" y="{}">{}</text>"#,
                f(LEFT),
                f(LEFT + 36.0),
                marker(k, LEFT + 18.0, y),
                f(LEFT + 44.0),
                f(y + 4.0),
                esc(&line.name),
                y = f(y),
            );
        }
    }
    out.push_str("</svg>");
    out
}

/// States in legend order (their patterns are named after them).
const STATES: [&str; 6] = [
    "up",
    "degraded",
    "restoring",
    "down",
    "isolated",
    "restored",
];

/// A state's name for the legend, in `lang`, with a capital: `Down`, `À l’arrêt`, `停机`.
fn legend_label(lang: Lang, state: &str) -> String {
    let word = state_in(lang, state);
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => word,
    }
}

fn patterns(out: &mut String, id: &str) {
    let _ = write!(
        out,
        concat!(
            r##"<defs>"##,
            r##"<pattern id="{id}-up" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#eef4fa"/></pattern>"##,
            r##"<pattern id="{id}-restored" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#dff0d8"/><circle cx="4" cy="4" r="0.9" fill="#3c763d"/></pattern>"##,
            r##"<pattern id="{id}-degraded" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#fdf1d6"/><line x1="0" y1="0" x2="0" y2="8" stroke="#b8860b" stroke-width="1.5"/></pattern>"##,
            r##"<pattern id="{id}-restoring" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="#e3eefc"/><circle cx="3" cy="3" r="1.3" fill="#2c5aa0"/></pattern>"##,
            r##"<pattern id="{id}-down" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f6d5d5"/><line x1="0" y1="0" x2="0" y2="6" stroke="#a50f15" stroke-width="3"/></pattern>"##,
            r##"<pattern id="{id}-isolated" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#ebe3f3"/><path d="M0 0L8 8M8 0L0 8" stroke="#54278f" stroke-width="1.2"/></pattern>"##,
            r##"</defs>"##
        ),
        id = id
    );
}

/// Swimlanes of system states over scenario time: one row per (name, states), the states'
/// names in `lang`.
pub fn state_chart(
    lang: Lang,
    id: &str,
    title: &str,
    desc: &str,
    end: Secs,
    phases: &[(Secs, String)],
    rows: &[(String, &[StateChange])],
) -> String {
    const ROW: f64 = 26.0;
    const LABEL_W: f64 = 150.0;
    let end = end.max(1);
    let bottom = TOP + ROW * rows.len() as f64;
    let h = bottom + AXIS_H + LEGEND_H + 8.0;
    let fr = Frame {
        left: LEFT + LABEL_W,
        end,
        lo: 0.0,
        hi: 1.0,
        plot_h: 1.0,
    };
    let x = |t: Secs| fr.x(t);
    let mut out = String::new();
    open_svg(&mut out, id, h, title, desc);
    patterns(&mut out, id);
    for (r, (name, states)) in rows.iter().enumerate() {
        let y = TOP + ROW * r as f64;
        let _ = write!(
            out,
            r#"<text class="rl" x="{}" y="{}" text-anchor="end">{}</text>"#,
            f(LEFT + LABEL_W - 8.0),
            f(y + ROW / 2.0 + 4.0),
            esc(name)
        );
        for (k, sc) in states.iter().enumerate() {
            let until = states.get(k + 1).map(|n| n.at).unwrap_or(end).min(end);
            if until <= sc.at {
                continue;
            }
            let (x0, x1) = (x(sc.at), x(until));
            let state = esc(&sc.state);
            let word = esc(&state_in(lang, &sc.state));
            let _ = write!(
                out,
                r#"<rect class="seg" x="{}" y="{}" width="{}" height="{}" fill="url(#{id}-{state})"><title>{} {}{}{} → {}</title></rect>"#,
                f(x0),
                f(y + 3.0),
                f(x1 - x0),
                f(ROW - 6.0),
                esc(name),
                word,
                super::fmt::colon(lang),
                esc(&format_offset(sc.at)),
                esc(&format_offset(until)),
            );
            if x1 - x0 >= 56.0 {
                let _ = write!(
                    out,
                    r#"<text class="sl" x="{}" y="{}">{}</text>"#,
                    f(x0 + 4.0),
                    f(y + ROW / 2.0 + 4.0),
                    word
                );
            }
        }
    }
    time_axis(&mut out, &fr, bottom);
    phase_marks(&mut out, &fr, phases, bottom);
    let ly = bottom + AXIS_H + 6.0;
    let mut lx = LEFT;
    for state in STATES {
        let label = legend_label(lang, state);
        let _ = write!(
            out,
            r#"<rect class="seg" x="{}" y="{}" width="22" height="12" fill="url(#{id}-{state})"/><text class="ll" x="{}" y="{}">{}</text>"#,
            f(lx),
            f(ly),
            f(lx + 27.0),
            f(ly + 10.0),
            esc(&label),
        );
        // Wide (CJK) characters count twice, as they are drawn.
        lx += 27.0 + 8.0 * label.width() as f64 + 18.0;
    }
    out.push_str("</svg>");
    out
}

/// The charts' styles (also in the HTML report's page).
#[allow(dead_code)] // until the Word report uses it
pub const CHART_CSS: &str = include_str!("chart.css");

/// A chart with its styles inside, to stand alone (a picture in a Word document, a page
/// without the report's styles).
#[allow(dead_code)] // until the Word report uses it
pub fn standalone(svg: &str) -> String {
    match svg
        .find("<svg")
        .and_then(|at| svg[at..].find('>').map(|end| at + end + 1))
    {
        Some(end) => format!("{}<style>{CHART_CSS}</style>{}", &svg[..end], &svg[end..]),
        None => svg.to_string(),
    }
}
