//! The HTML report: one self-contained file (inline CSS and SVG, no scripts, no external
//! resources) that reads on screen and prints cleanly, one section per page. Every piece
//! of scenario or journal text is escaped.

mod annex;
mod compare;
mod facilitator;
mod luck;
mod summary;

use std::fmt::Write;

use crate::i18n::Lang;
use crate::report::fmt::{self, real_clock};
use crate::report::model::*;
use crate::report::outline::{self, Part, Section};
use crate::tr;

/// The page's styles, then the charts' (which Word's pictures of the charts use too).
const CSS: &str = concat!(include_str!("report.css"), include_str!("../chart.css"));

pub use crate::text::escape_html;

use escape_html as esc;

/// A block of text: paragraphs on blank lines, line breaks kept.
fn block(s: &str) -> String {
    s.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|p| {
            format!(
                "<p>{}</p>",
                p.lines().map(esc).collect::<Vec<_>>().join("<br>")
            )
        })
        .collect()
}

/// Renders a document.
pub fn render(doc: &Document) -> String {
    let mut h = String::with_capacity(64 * 1024);
    let title = match &doc.comparison {
        Some(c) => tr!(
            doc.lang(),
            "report-title-comparison",
            n = doc.reports.len(),
            title = c.scenario_title.as_str()
        ),
        None => tr!(
            doc.lang(),
            "report-title",
            title = doc
                .reports
                .first()
                .map(|r| r.overview.scenario.title.as_str())
                .unwrap_or("")
        ),
    };
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"Downtime\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n",
        esc(&title),
        lang = doc.html_lang()
    );
    match &doc.comparison {
        Some(c) => {
            compare::comparison(&mut h, c, &doc.reports);
            for (i, r) in doc.reports.iter().enumerate() {
                report(&mut h, r, &format!("g{}-", i + 1), Some(i + 1));
            }
        }
        None => {
            if let Some(r) = doc.reports.first() {
                report(&mut h, r, "", None);
            }
        }
    }
    h.push_str("</body>\n</html>\n");
    h
}

/// Opens a section with its heading; its class (`main`, `plan` or `annex`) lets the print
/// stylesheet start the improvement plan and each annex on a new page.
fn section_open(h: &mut String, r: &Report, id: &str, section: Section) {
    let class = match section.part() {
        Part::Main => "main",
        Part::Plan => "plan",
        Part::Annex => "annex",
    };
    let _ = write!(
        h,
        "<section id=\"{id}{}\" class=\"{class}\">\n<h2>{}</h2>\n",
        section.anchor(),
        esc(&outline::title(r, section))
    );
}

fn report(h: &mut String, r: &Report, id: &str, group: Option<usize>) {
    let o = &r.overview;
    let l = r.lang;
    let _ = writeln!(h, "<article class=\"report\" id=\"{id}report\">");
    h.push_str("<header class=\"cover\">\n");
    match group {
        Some(n) => {
            let _ = write!(
                h,
                "<p class=\"kicker\">{}</p>\n<h1>{}</h1>\n",
                tr!(l, "report-html-kicker-group", n = n),
                esc(&r.label)
            );
        }
        None => {
            let _ = write!(
                h,
                "<p class=\"kicker\">{}</p>\n<h1>{}</h1>\n",
                tr!(l, "report-html-kicker"),
                esc(&o.scenario.title)
            );
        }
    }
    let mut sub = Vec::new();
    if !o.date.is_empty() {
        sub.push(tr!(l, "report-exercise-of", date = esc(&o.date)));
    }
    if !o.organisation.is_empty() {
        sub.push(esc(&o.organisation));
    }
    if !o.facilitator.is_empty() {
        sub.push(tr!(l, "report-facilitated-by", name = esc(&o.facilitator)));
    }
    if !sub.is_empty() {
        let _ = writeln!(h, "<p class=\"sub\">{}</p>", sub.join(" · "));
    }
    let _ = writeln!(
        h,
        "<p class=\"notice draft\">{}</p>",
        tr!(l, "report-html-draft", file = esc(&o.journal.file))
    );
    if r.status == Progress::InProgress {
        let _ = writeln!(
            h,
            "<p class=\"notice progress\">{}</p>",
            tr!(
                l,
                "report-html-in-progress",
                offset = esc(&o.scenario_to.offset),
                clock = esc(&o.scenario_to.clock)
            )
        );
    }
    for w in &r.warnings {
        let _ = writeln!(
            h,
            "<p class=\"notice warning\">{}</p>",
            tr!(l, "report-html-note", text = esc(w))
        );
    }
    let _ = writeln!(
        h,
        "<nav class=\"toc\"><h2>{}</h2><ul>",
        tr!(l, "report-contents")
    );
    let mut annexes = false;
    for (section, title) in outline::sections(r) {
        if section.part() == Part::Annex && !annexes {
            annexes = true;
            let _ = writeln!(
                h,
                "</ul><p class=\"toc-part\">{}</p><ul>",
                tr!(l, "report-annexes")
            );
        }
        let _ = writeln!(
            h,
            "<li><a href=\"#{id}{}\">{}</a></li>",
            section.anchor(),
            esc(&title)
        );
    }
    h.push_str("</ul></nav>\n</header>\n");
    for (section, _) in outline::sections(r) {
        match section {
            Section::Overview => overview(h, r, id),
            Section::Summary => summary::section(h, r, id),
            Section::Objectives => objectives(h, r, id),
            Section::Plan => plan(h, r, id),
            Section::Timeline => annex::timeline(h, r, id),
            Section::Charts => annex::charts(h, r, id),
            Section::Checks => annex::checks(h, r, id),
            Section::Decisions => annex::decisions(h, r, id),
            Section::Deadlines => annex::deadlines(h, r, id),
            Section::Luck => luck::section(h, r, id),
            Section::Questions => annex::questions(h, r, id),
            Section::Facilitator => facilitator::section(h, r, id),
            Section::Sources => annex::sources(h, r, id),
        }
    }
    h.push_str("</article>\n");
}

fn row(h: &mut String, th: &str, td: &str) {
    let _ = writeln!(
        h,
        "<tr><th scope=\"row\">{}</th><td>{td}</td></tr>",
        esc(th)
    );
}

fn table_head(h: &mut String, class: &str, cols: &[&str]) {
    let _ = write!(h, "<table class=\"{class}\"><thead><tr>");
    for c in cols {
        let _ = write!(h, "<th scope=\"col\">{}</th>", esc(c));
    }
    h.push_str("</tr></thead><tbody>\n");
}

fn when(m: &Moment) -> String {
    format!(
        "<span class=\"t\">{}</span> <span class=\"clock\">{}</span>",
        esc(&m.offset),
        esc(&m.clock)
    )
}

/// A moment on one line: `T+00:15 (Fri 8 Mar 22:15)`, `T+00:15（3 月 8 日 周五 22:15）`.
fn inline_when(l: Lang, m: &Moment) -> String {
    format!(
        "<span class=\"t\">{}</span><span class=\"muted\">{}</span>",
        esc(&m.offset),
        fmt::paren(l, &esc(&m.clock))
    )
}

fn overview(h: &mut String, r: &Report, id: &str) {
    let o = &r.overview;
    let l = r.lang;
    section_open(h, r, id, Section::Overview);
    if !o.scenario.summary.is_empty() {
        let _ = writeln!(
            h,
            "<div class=\"lead\">{}</div>",
            block(&o.scenario.summary)
        );
    }
    h.push_str("<table class=\"facts\"><tbody>\n");
    row(
        h,
        &tr!(l, "report-row-scenario"),
        &format!(
            "{}<span class=\"muted\">{}</span>",
            esc(&o.scenario.title),
            fmt::paren(
                l,
                &format!(
                    "<code>{}</code>{}{}",
                    esc(&o.scenario.id),
                    fmt::comma(l),
                    tr!(l, "report-version", version = esc(&o.scenario.version))
                )
            )
        ),
    );
    if !o.scenario.setting.is_empty() {
        row(
            h,
            &tr!(l, "report-row-setting"),
            &block(&o.scenario.setting),
        );
    }
    if !o.date.is_empty() {
        row(
            h,
            &tr!(l, "report-row-date"),
            &tr!(
                l,
                "report-date-started",
                date = esc(&o.date),
                time = esc(&fmt::started(&o.scenario_from, &o.time_zone))
            ),
        );
    }
    let paused = if o.paused_ms > 0 {
        tr!(
            l,
            "report-paused",
            time = fmt::real_duration_in(l, o.paused_ms)
        )
    } else {
        String::new()
    };
    row(
        h,
        &tr!(l, "report-row-real-duration"),
        &esc(&format!(
            "{}{paused}",
            fmt::real_duration_in(l, o.real_duration_ms)
        )),
    );
    for i in &o.interruptions {
        row(
            h,
            &tr!(l, "report-row-interruption"),
            &tr!(
                l,
                "report-at-when",
                text = esc(&i.text),
                when = inline_when(l, &i.resumed)
            ),
        );
    }
    row(
        h,
        &tr!(l, "report-row-covered"),
        &format!(
            "{} → {}{}{}{}",
            inline_when(l, &o.scenario_from),
            inline_when(l, &o.scenario_to),
            fmt::paren(
                l,
                &esc(&fmt::span_in(l, o.scenario_to.at - o.scenario_from.at))
            ),
            fmt::comma(l),
            if r.status == Progress::Ended {
                tr!(l, "report-exercise-ended")
            } else {
                format!("<strong>{}</strong>", tr!(l, "report-exercise-in-progress"))
            }
        ),
    );
    if !o.phases.is_empty() {
        row(
            h,
            &tr!(l, "report-row-phases"),
            &o.phases
                .iter()
                .map(|p| esc(p))
                .collect::<Vec<_>>()
                .join(" → "),
        );
    }
    if !o.organisation.is_empty() {
        row(h, &tr!(l, "report-row-organisation"), &esc(&o.organisation));
    }
    if !o.facilitator.is_empty() {
        row(h, &tr!(l, "report-row-facilitator"), &esc(&o.facilitator));
    }
    h.push_str("</tbody></table>\n");
    let _ = writeln!(h, "<h3>{}</h3>", tr!(l, "report-teams"));
    let members = o.teams.iter().any(|t| !t.members.is_empty());
    let team = tr!(l, "report-col-team");
    let resp = tr!(l, "report-col-responsibilities");
    if members {
        table_head(h, "grid", &[&team, &resp, &tr!(l, "report-col-members")]);
    } else {
        table_head(h, "grid", &[&team, &resp]);
    }
    for t in &o.teams {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td>",
            esc(&t.name),
            esc(&t.description)
        );
        if members {
            let _ = write!(
                h,
                "<td>{}</td>",
                if t.members.is_empty() {
                    format!(
                        "<span class=\"muted\">{}</span>",
                        tr!(l, "report-not-recorded")
                    )
                } else {
                    esc(&t.members)
                }
            );
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table>\n");
    if !members {
        let _ = writeln!(
            h,
            "<p class=\"muted\">{}</p>",
            tr!(l, "report-members-not-recorded")
        );
    }
    if !o.parameters.is_empty() {
        let _ = writeln!(h, "<h3>{}</h3>", tr!(l, "report-parameters"));
        table_head(
            h,
            "grid",
            &[&tr!(l, "report-col-question"), &tr!(l, "report-col-answer")],
        );
        for p in &o.parameters {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td></tr>",
                esc(&p.label),
                esc(&p.value)
            );
        }
        h.push_str("</tbody></table>\n");
    }
    h.push_str("</section>\n");
}

fn badge(l: Lang, s: CheckOutcome) -> String {
    match s {
        CheckOutcome::Met => format!(
            "<span class=\"badge met\">✓ {}</span>",
            tr!(l, "report-check-met")
        ),
        CheckOutcome::Missed => format!(
            "<span class=\"badge missed\">✗ {}</span>",
            tr!(l, "report-check-missed")
        ),
        CheckOutcome::Open => format!(
            "<span class=\"badge open\">… {}</span>",
            tr!(l, "report-check-open")
        ),
        CheckOutcome::NotApplicable => {
            format!(
                "<span class=\"badge na\">– {}</span>",
                tr!(l, "report-check-na")
            )
        }
    }
}

/// The evaluator's rating, or `pending evaluator`.
pub(super) fn rating(l: Lang, o: &ObjectiveReport) -> String {
    if o.rating == "pending" {
        return format!(
            "<span class=\"rating r-not_rated\">?</span> {}",
            tr!(l, "report-pending-evaluator")
        );
    }
    format!(
        "<span class=\"rating r-{}\">{}</span> {}",
        esc(&o.rating),
        esc(&o.rating),
        esc(&o.rating_text)
    )
}

/// The suggestion from the evidence, marked as one.
pub(super) fn suggestion(l: Lang, o: &ObjectiveReport) -> String {
    if o.suggested == "not_rated" {
        return format!(
            "<span class=\"muted\">{}</span>",
            tr!(l, "report-suggestion-none")
        );
    }
    format!(
        "<span class=\"muted\">{}</span>",
        tr!(l, "report-suggestion", rating = esc(&o.suggested))
    )
}

fn objectives(h: &mut String, r: &Report, id: &str) {
    let l = r.lang;
    section_open(h, r, id, Section::Objectives);
    if r.objectives.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"muted\">{}</p>",
            tr!(l, "report-no-objectives")
        );
        notes(h, r);
        h.push_str("</section>\n");
        return;
    }
    let _ = writeln!(h, "<p>{}</p>", tr!(l, "report-html-ratings-intro"));
    for (k, o) in r.objectives.iter().enumerate() {
        let _ = write!(
            h,
            "<div class=\"objective\"><h3>{}</h3>\n<p>{}</p>\n",
            tr!(
                l,
                "report-objective-heading",
                n = k + 1,
                text = esc(&o.text)
            ),
            tr!(
                l,
                "report-html-objective-line",
                rating = rating(l, o),
                suggested = suggestion(l, o),
                capability = esc(&o.capability)
            )
        );
        if !o.note.is_empty() {
            let _ = writeln!(
                h,
                "<p>{}</p>",
                tr!(l, "report-evaluator-note", note = esc(&o.note))
            );
        }
        if !o.tasks.is_empty() {
            let _ = writeln!(
                h,
                "<p><strong>{}</strong></p>\n<ul>",
                tr!(l, "report-critical-tasks")
            );
            for t in &o.tasks {
                let _ = writeln!(
                    h,
                    "<li>{}{}: {}</li>",
                    esc(&t.text),
                    if t.target.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", tr!(l, "report-target", target = esc(&t.target)))
                    },
                    tr!(l, "report-task-met", met = t.met, n = t.applicable)
                );
            }
            h.push_str("</ul>\n");
        }
        let linked: Vec<&CheckReport> = r
            .checks
            .iter()
            .filter(|c| o.checks.contains(&c.id))
            .collect();
        let group = |h: &mut String, title: &str, status: &[CheckOutcome]| {
            let list: Vec<&&CheckReport> = linked
                .iter()
                .filter(|c| status.contains(&c.status))
                .collect();
            if list.is_empty() {
                return;
            }
            let _ = writeln!(h, "<h4>{}</h4>\n<ul class=\"evidence\">", esc(title));
            for c in list {
                let at = c
                    .when
                    .as_ref()
                    .map(|m| format!(" {}", tr!(l, "report-at", when = esc(&m.when()))))
                    .unwrap_or_default();
                let lesson = if c.status == CheckOutcome::Missed && !c.lesson.is_empty() {
                    format!(
                        "<div class=\"lesson\"><strong>{}</strong> {}</div>",
                        tr!(l, "report-lesson"),
                        esc(&c.lesson)
                    )
                } else {
                    String::new()
                };
                let _ = writeln!(
                    h,
                    "<li>{} {}{at}{lesson}</li>",
                    badge(l, c.status),
                    esc(&c.title)
                );
            }
            h.push_str("</ul>\n");
        };
        group(h, &tr!(l, "report-strengths"), &[CheckOutcome::Met]);
        group(h, &tr!(l, "report-improvements"), &[CheckOutcome::Missed]);
        group(
            h,
            &tr!(l, "report-not-judged"),
            &[CheckOutcome::Open, CheckOutcome::NotApplicable],
        );
        if linked.is_empty() {
            let _ = writeln!(
                h,
                "<p class=\"muted\">{}</p>",
                tr!(l, "report-no-linked-check")
            );
        }
        h.push_str("</div>\n");
    }
    notes(h, r);
    h.push_str("</section>\n");
}

/// The facilitator's notes taken during play: observations for the analysis.
fn notes(h: &mut String, r: &Report) {
    let o = &r.overview;
    if !o.facilitator_notes.is_empty() {
        let _ = writeln!(h, "<h3>{}</h3>", tr!(r.lang, "report-notes"));
        h.push_str("<ul class=\"notes\">\n");
        for n in &o.facilitator_notes {
            let _ = writeln!(
                h,
                "<li><span class=\"stamp\">{} · {}</span>{}</li>",
                esc(&n.when.when()),
                esc(&real_clock(&n.when)),
                block(&n.text)
            );
        }
        h.push_str("</ul>\n");
    }
}

/// Columns of the improvement plan, as in the HSEEP IP.
fn plan_columns(l: Lang) -> [String; 8] {
    [
        tr!(l, "report-plan-col-obj"),
        tr!(l, "report-plan-col-issue"),
        tr!(l, "report-plan-col-action"),
        tr!(l, "report-plan-col-capability"),
        tr!(l, "report-plan-col-organisation"),
        tr!(l, "report-plan-col-contact"),
        tr!(l, "report-plan-col-start"),
        tr!(l, "report-plan-col-completion"),
    ]
}

/// Blank rows at the end of the improvement plan, for the issues raised in the hot wash.
const BLANK_PLAN_ROWS: usize = 3;

fn plan(h: &mut String, r: &Report, id: &str) {
    section_open(h, r, id, Section::Plan);
    let _ = writeln!(h, "<p>{}</p>", tr!(r.lang, "report-plan-intro"));
    let columns = plan_columns(r.lang);
    let columns: Vec<&str> = columns.iter().map(String::as_str).collect();
    table_head(h, "grid plan", &columns);
    for item in &r.improvement_plan {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            item.objective.map(|k| k.to_string()).unwrap_or_default(),
            esc(&item.issue),
            esc(&item.corrective_action),
            esc(&item.capability),
            esc(&item.organisation),
            esc(&item.point_of_contact),
            esc(&item.start),
            esc(&item.completion)
        );
    }
    for _ in 0..BLANK_PLAN_ROWS {
        h.push_str("<tr class=\"blank\">");
        h.push_str(&"<td></td>".repeat(columns.len()));
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody></table>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape_html(r#"<script>alert("x&y's")</script>"#),
            "&lt;script&gt;alert(&quot;x&amp;y&#39;s&quot;)&lt;/script&gt;"
        );
        assert_eq!(block("a\nb\n\nc<"), "<p>a<br>b</p><p>c&lt;</p>");
    }
}
