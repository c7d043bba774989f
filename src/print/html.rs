//! A [`Doc`] as one printable HTML page: no script, no outside file, A4 pages when printed
//! (the marking at the top of every page, headings kept with what follows).

use std::fmt::Write;

use super::model::{Block, Chart, Doc, Table, Text};
use crate::text::{escape_html as esc, html_lang};

const CSS: &str = include_str!("print.css");

/// The document as one self-contained HTML page.
pub fn write(doc: &Doc) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{CSS}{}</style>\n</head>\n<body>\n",
        esc(&html_lang(&doc.lang)),
        esc(&doc.title),
        doc.marking.as_deref().map(page_marking).unwrap_or_default()
    );
    if let Some(marking) = &doc.marking {
        let _ = writeln!(out, "<p class=\"marking\">{}</p>", esc(marking));
    }
    let _ = writeln!(
        out,
        "<header class=\"cover\">\n<h1>{}</h1>",
        esc(&doc.title)
    );
    for line in &doc.subtitle {
        let _ = writeln!(out, "<p class=\"sub\">{}</p>", esc(line));
    }
    out.push_str("</header>\n");
    if let Some(heading) = &doc.contents {
        contents(&mut out, heading, doc);
    }
    out.push_str("<main>\n");
    let mut heading = 0;
    blocks(&mut out, &doc.blocks, &mut heading);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The marking in the top margin of every printed page (a page-margin box: on screen it
/// is the line above the title).
fn page_marking(marking: &str) -> String {
    format!(
        "@page {{ @top-right {{ content: \"{}\"; font: 700 8pt sans-serif; color: #a50f15; }} }}\n\
         @media print {{ .marking {{ display: none; }} }}\n",
        css_string(marking)
    )
}

/// Text inside a CSS string in a `<style>` element: quotes, backslashes, line breaks and
/// angle brackets escaped (so `</style>` cannot end the element).
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("\\3C "),
            '>' => out.push_str("\\3E "),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The table of contents: the level-1 and level-2 headings, linked.
fn contents(out: &mut String, heading: &str, doc: &Doc) {
    let _ = writeln!(out, "<nav class=\"toc\">\n<h2>{}</h2>\n<ul>", esc(heading));
    for (i, (level, text)) in doc.headings().into_iter().enumerate() {
        if level <= 2 {
            let _ = writeln!(
                out,
                "<li class=\"l{level}\"><a href=\"#h{}\">{}</a></li>",
                i + 1,
                esc(text)
            );
        }
    }
    out.push_str("</ul>\n</nav>\n");
}

/// Blocks in order; `heading` counts the headings so far (their anchors).
fn blocks(out: &mut String, list: &[Block], heading: &mut usize) {
    for b in list {
        block(out, b, heading);
    }
}

/// One block; `heading` counts the headings so far (their anchors). Landscape blocks
/// print on landscape pages (a named page).
fn block(out: &mut String, block: &Block, heading: &mut usize) {
    match block {
        Block::Heading { level, text } => {
            *heading += 1;
            let heading = *heading;
            let tag = (*level).clamp(1, 3) + 1;
            let _ = writeln!(out, "<h{tag} id=\"h{heading}\">{}</h{tag}>", esc(text));
        }
        Block::Paragraph(t) => {
            let _ = writeln!(out, "<p>{}</p>", spans(t));
        }
        Block::Bullets(items) => list(out, "ul", items),
        Block::Numbered(items) => list(out, "ol", items),
        Block::Table(t) => table(out, t),
        Block::Chart(c) => chart(out, c),
        Block::Boxes { label, boxes } => {
            let _ = write!(out, "<p class=\"boxes\">{}", spans(label));
            for b in boxes {
                let _ = write!(out, " <span class=\"box\">\u{2610} {}</span>", esc(b));
            }
            out.push_str("</p>\n");
        }
        Block::Lines(n) => {
            out.push_str("<div class=\"lines\">");
            for _ in 0..(*n).max(1) {
                out.push_str("<div></div>");
            }
            out.push_str("</div>\n");
        }
        Block::Note(t) => {
            let _ = writeln!(out, "<p class=\"note\">{}</p>", spans(t));
        }
        Block::PageBreak => out.push_str("<div class=\"page-break\"></div>\n"),
        Block::Landscape(inner) => {
            out.push_str("<section class=\"landscape\">\n");
            blocks(out, inner, heading);
            out.push_str("</section>\n");
        }
    }
}

/// Text with its emphasis; line breaks kept.
fn spans(t: &Text) -> String {
    let mut out = String::new();
    for s in &t.0 {
        let text = s.text.split('\n').map(esc).collect::<Vec<_>>().join("<br>");
        match (s.bold, s.italic) {
            (true, true) => {
                let _ = write!(out, "<strong><em>{text}</em></strong>");
            }
            (true, false) => {
                let _ = write!(out, "<strong>{text}</strong>");
            }
            (false, true) => {
                let _ = write!(out, "<em>{text}</em>");
            }
            (false, false) => out.push_str(&text),
        }
    }
    out
}

fn list(out: &mut String, tag: &str, items: &[Text]) {
    let _ = writeln!(out, "<{tag}>");
    for item in items {
        let _ = writeln!(out, "<li>{}</li>", spans(item));
    }
    let _ = writeln!(out, "</{tag}>");
}

fn table(out: &mut String, t: &Table) {
    out.push_str("<table>\n");
    let total: u32 = t.widths.iter().map(|w| u32::from(*w)).sum();
    if total > 0 && t.widths.len() == t.header.len() {
        out.push_str("<colgroup>");
        for w in &t.widths {
            let _ = write!(
                out,
                "<col style=\"width:{:.1}%\">",
                f64::from(*w) * 100.0 / f64::from(total)
            );
        }
        out.push_str("</colgroup>\n");
    }
    if !t.header.is_empty() {
        out.push_str("<thead><tr>");
        for h in &t.header {
            let _ = write!(out, "<th>{}</th>", esc(h));
        }
        out.push_str("</tr></thead>\n");
    }
    out.push_str("<tbody>\n");
    for r in &t.rows {
        out.push_str("<tr>");
        for c in r {
            let _ = write!(out, "<td>{}</td>", spans(c));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// A chart: the SVG inline (it is the program's own drawing, not text from a file), with
/// its description for screen readers and its caption.
fn chart(out: &mut String, c: &Chart) {
    let _ = write!(
        out,
        "<figure class=\"chart\" role=\"img\" aria-label=\"{}\" style=\"max-width:{}px\">{}",
        esc(&c.alt),
        c.width,
        c.svg
    );
    if let Some(caption) = &c.caption {
        let _ = write!(out, "<figcaption>{}</figcaption>", esc(caption));
    }
    out.push_str("</figure>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_the_language_set() {
        let doc = Doc {
            lang: "fr".into(),
            title: "<script>alert(1)</script>".into(),
            marking: Some("Pour les joueurs".into()),
            contents: Some("Sommaire".into()),
            blocks: vec![
                Block::Heading {
                    level: 1,
                    text: "Objectifs & capacités".into(),
                },
                Block::Paragraph(Text::bold("a").then("<b>")),
                Block::Boxes {
                    label: Text::plain("Note :"),
                    boxes: vec!["P".into(), "S".into()],
                },
            ],
            ..Doc::default()
        };
        let html = write(&doc);
        assert!(html.contains("<html lang=\"fr\">"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("<h2 id=\"h1\">Objectifs &amp; capacités</h2>"));
        assert!(html.contains("<a href=\"#h1\">Objectifs &amp; capacités</a>"));
        assert!(html.contains("<strong>a</strong>&lt;b&gt;"));
        assert!(html.contains("\u{2610} P"));
        assert!(html.contains(r#"@top-right { content: "Pour les joueurs";"#));
        assert_eq!(css_string(r#"a"b\</style>"#), r#"a\"b\\\3C /style\3E "#);
        assert_eq!(html, write(&doc));
    }
}
