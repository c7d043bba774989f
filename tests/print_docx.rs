//! The printable-document writers: a tree with every kind of block becomes a Word document
//! with Word's heading styles, its language, tables and a chart picture, the same bytes
//! every time, which LibreOffice opens and prints with every heading; and a printable HTML
//! page.

#[path = "support/office.rs"]
mod office;

use std::io::Read;

use downtime::print::{Block, Chart, Doc, Table, Text, docx, html};

fn sample(lang: &str) -> Doc {
    let chart = Chart {
        svg: r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 160"><style>text { font-size: 12px; fill: #3b4450; } .line { stroke: #0b4f8a; stroke-width: 2.5; fill: none; }</style><polyline class="line" points="10,140 100,90 200,110 390,20"/><text x="12" y="16">Trust</text></svg>"##.into(),
        width: 400,
        height: 160,
        alt: "Trust over the exercise".into(),
        caption: Some("Figure 1: trust over the exercise".into()),
    };
    Doc {
        lang: lang.into(),
        title: "Situation manual & <test>".into(),
        subtitle: vec!["Saint-Aubin hospital".into(), "Version 1".into()],
        marking: Some("For players".into()),
        contents: Some("Contents".into()),
        blocks: vec![
            Block::Heading {
                level: 1,
                text: "Purpose and scope".into(),
            },
            Block::Paragraph(
                Text::plain("A paragraph with ")
                    .then_bold("bold")
                    .then(" text,\na line break and a control\u{1} character."),
            ),
            Block::Heading {
                level: 2,
                text: "Objectives".into(),
            },
            Block::Bullets(vec!["First objective".into(), "Second objective".into()]),
            Block::Numbered(vec!["Step one".into(), "Step two".into()]),
            Block::Numbered(vec!["Again one".into()]),
            Block::Heading {
                level: 3,
                text: "Improvement plan".into(),
            },
            Block::Landscape(vec![Block::Table(Table {
                header: vec![
                    "Capability".into(),
                    "Corrective action".into(),
                    "Due".into(),
                ],
                rows: vec![vec![
                    "Communications".into(),
                    "Rewrite the first message".into(),
                    "".into(),
                ]],
                widths: vec![2, 5, 1],
            })]),
            Block::Chart(chart),
            Block::Boxes {
                label: Text::bold("Rating:"),
                boxes: vec!["P".into(), "S".into(), "M".into(), "U".into()],
            },
            Block::Lines(3),
            Block::Note(Text::plain(
                "No fault: this exercise tests plans, not people.",
            )),
            Block::PageBreak,
            Block::Heading {
                level: 1,
                text: "Annexes".into(),
            },
            Block::Paragraph("信任与沟通".into()),
        ],
    }
}

/// The named part of a DOCX (a ZIP), as text.
fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a DOCX is a ZIP");
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("no {name} in the document"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

fn names(docx: &[u8]) -> Vec<String> {
    let zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    zip.file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect()
}

#[test]
fn a_word_document_has_heading_styles_its_language_tables_and_a_picture() {
    let bytes = docx::write(&sample("fr")).unwrap();
    assert!(bytes.starts_with(b"PK"));
    let again = docx::write(&sample("fr")).unwrap();
    for name in names(&bytes) {
        if !name.ends_with('/') && !name.ends_with(".png") {
            let (a, b) = (part(&bytes, &name), part(&again, &name));
            assert!(a == b, "{name} differs between two writes:\n{a}\n{b}");
        }
    }
    assert!(bytes == again, "the same tree gives the same bytes");

    let styles = part(&bytes, "word/styles.xml");
    for id in ["Heading1", "Heading2", "Heading3", "Title", "Caption"] {
        assert!(
            styles.contains(&format!("w:styleId=\"{id}\"")),
            "no {id} style"
        );
    }
    assert!(
        styles.contains("<w:outlineLvl w:val=\"0\""),
        "Heading 1 has outline level 0"
    );
    assert!(
        styles.contains(r#"<w:lang w:val="fr-FR""#),
        "the language is set: {styles}"
    );
    let core = part(&bytes, "docProps/core.xml");
    assert!(core.contains("<dc:language>fr-FR</dc:language>"));
    assert!(core.contains("<dc:title>Situation manual &amp; &lt;test&gt;</dc:title>"));

    let body = part(&bytes, "word/document.xml");
    assert!(body.contains(r#"<w:pStyle w:val="Heading1" />"#));
    assert!(body.contains("<w:tbl>"), "tables are Word tables");
    assert!(body.contains("TOC \\o"), "a table-of-contents field");
    assert!(!body.contains('\u{1}'), "control characters are left out");
    assert!(!body.contains('\u{E000}'), "no mark is left");
    assert_eq!(
        body.matches("<w:sectPr").count(),
        3,
        "portrait, landscape, portrait"
    );
    assert_eq!(body.matches(r#"w:orient="landscape""#).count(), 1);
    assert_eq!(
        body.matches(r#"<w:headerReference w:type="default""#)
            .count(),
        3,
        "every section has the header"
    );
    assert!(
        names(&bytes)
            .iter()
            .any(|n| n.starts_with("word/media/") && n.ends_with(".png")),
        "the chart is a PNG picture: {:?}",
        names(&bytes)
    );
    assert!(part(&bytes, "word/header1.xml").contains("For players"));
}

#[test]
fn libreoffice_opens_the_word_document_and_prints_every_heading_and_the_chart() {
    let Some(office) = office::office_or_skip("libreoffice-writer") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("sample.docx");
    std::fs::write(&file, docx::write(&sample("en")).unwrap()).unwrap();
    let out = dir.path().join("out");
    let pdf = office::convert(&office, &file, "pdf", &out);
    let text = office::pdf_text(&pdf);
    for heading in [
        "Situation manual",
        "Purpose and scope",
        "Objectives",
        "Improvement plan",
        "Annexes",
        "Corrective action",
        "No fault",
        "Figure 1",
    ] {
        assert!(text.contains(heading), "the PDF lacks {heading:?}:\n{text}");
    }
    assert!(office::pdf_images(&pdf) >= 1, "the chart is printed");
    let sizes = std::process::Command::new("pdfinfo")
        .args(["-f", "1", "-l", "9"])
        .arg(&pdf)
        .output()
        .unwrap();
    let sizes = String::from_utf8_lossy(&sizes.stdout);
    // `Page    3 size:  841.89 x 595.304 pts (A4)`: wider than high.
    let landscape = sizes.lines().filter(|l| l.contains(" size:")).any(|l| {
        let n: Vec<f64> = l
            .split_whitespace()
            .filter_map(|w| w.parse().ok())
            .collect();
        n.len() >= 3 && n[1] > n[2]
    });
    assert!(landscape, "a landscape page: {sizes}");
}

#[test]
fn a_printable_page_holds_every_block() {
    let page = html::write(&sample("en"));
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<title>Situation manual &amp; &lt;test&gt;</title>"));
    assert!(page.contains("<p class=\"marking\">For players</p>"));
    assert!(page.contains("<nav class=\"toc\">"));
    assert!(page.contains("<ol>") && page.contains("<ul>"));
    assert!(page.contains("<th>Corrective action</th>"));
    assert!(
        page.contains("<polyline class=\"line\""),
        "the chart is inline SVG"
    );
    assert!(page.contains("role=\"img\" aria-label=\"Trust over the exercise\""));
    assert!(page.contains("<div class=\"lines\">"));
    assert!(page.contains("class=\"note\""));
    assert!(page.contains("@page { size: A4"));
    assert!(!page.contains("<script"));
}
