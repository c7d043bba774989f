//! A [`Doc`] as a Word document (DOCX), with `docx-rs`.
//!
//! Word's own style ids (`Title`, `Subtitle`, `Heading1`–`Heading3`, `Caption`) so that the
//! navigation pane, a table of contents and a reader's restyling work; A4 pages with 2 cm
//! margins; the marking in the header, page numbers in the footer; charts as PNG pictures
//! ([`super::raster`]). The language goes into the default run properties and the core
//! properties, which docx-rs does not expose: [`with_language`] adds it to the XML parts
//! docx-rs builds, before they are zipped.

use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, AlignmentType, BorderType, BreakType, Docx, Footer, Header, HeightRule,
    IndentLevel, Level, LevelJc, LevelOverride, LevelText, LineSpacing, LineSpacingType, NumPages,
    NumberFormat, Numbering, NumberingId, PageMargin, PageNum, Paragraph, Pic, Run, RunFonts,
    Shading, ShdType, SpecialIndentType, Start, Style, StyleType, Table as WTable, TableBorder,
    TableBorderPosition, TableBorders, TableCell, TableCellBorder, TableCellBorderPosition,
    TableLayoutType, TableRow, VAlignType, WidthType, XMLDocx,
};

use super::model::{Block, Chart, Doc, Table, Text};
use super::raster;

/// A4 in twentieths of a point, and its margins (2 cm).
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN: i32 = 1134;
/// The width between the margins, in twips.
const TEXT_W: usize = (PAGE_W as usize) - 2 * (MARGIN as usize);
/// English Metric Units per CSS pixel (96 per inch) and per twip.
const EMU_PER_PX: u32 = 9525;
const EMU_PER_TWIP: u32 = 635;
/// The typeface: Arial, which LibreOffice replaces by its metric twin Liberation Sans (the
/// charts' typeface); Chinese text in Microsoft YaHei (Noto Sans CJK where it is absent).
const LATIN_FONT: &str = "Arial";
const CJK_FONT: &str = "Microsoft YaHei";
const INK: &str = "1D2430";
const MUTED: &str = "5B6573";
const RULE: &str = "B8C0CC";
const SHADE: &str = "EEF1F5";
/// The numbering of bulleted lists; numbered lists get one numbering each from 2 on, so
/// that each starts at 1.
/// docx-rs writes a numbering 1 of its own: ours start at 10.
const BULLETS: usize = 10;
const DECIMAL: usize = 11;
const FIRST_LIST: usize = 20;

/// The document as DOCX bytes.
pub fn write(doc: &Doc) -> Result<Vec<u8>, String> {
    let mut w = Writer {
        docx: page(styles(numbering_styles(Docx::new())), doc),
        lists: 0,
        pictures: 0,
        headings: 0,
    };
    w.title(doc);
    for block in &doc.blocks {
        w.block(block)?;
    }
    let mut xml = with_language(w.docx.build(), &doc.lang, &doc.title);
    if doc.contents.is_some() {
        xml.document = with_contents(&xml.document, &doc.headings());
    }
    xml.document = header_rows(&xml.document);
    let xml = stable_ids(xml);
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out)
        .map_err(|e| format!("cannot write the Word document: {e}"))?;
    Ok(out.into_inner())
}

/// The height (in twips, "at least") that marks a header row for [`header_rows`], which
/// docx-rs cannot mark itself.
const HEADER_ROW_MARK: f32 = 1.0;
const HEADER_ROW_XML: &str = r#"<w:trHeight w:val="1" w:hRule="atLeast" />"#;

/// Header rows repeated at the top of every page a table runs onto.
fn header_rows(document: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(document)
        .replace(HEADER_ROW_XML, "<w:tblHeader />")
        .into_bytes()
}

/// Where the table of contents goes: a paragraph [`with_contents`] replaces.
const TOC_MARK: &str = "\u{E000}downtime-contents\u{E000}";

/// The bookmark of the `n`th heading, which its line in the table of contents links to.
fn bookmark(n: usize) -> String {
    format!("_Toc{n:08}")
}

/// The heading levels the table of contents lists (as the HTML page's does).
const CONTENTS_DEPTH: u8 = 2;

/// The table of contents in place of its mark: a `TOC` field (levels 1 and 2, linked)
/// whose entries are the headings, linked to their bookmarks, without page numbers,
/// marked for Word to update on opening (which adds them). docx-rs's own table of
/// contents puts every field character in one run and page numbers it cannot know,
/// which LibreOffice prints as the field's code.
fn with_contents(document: &[u8], headings: &[(u8, &str)]) -> Vec<u8> {
    let text = String::from_utf8_lossy(document).into_owned();
    let Some(mark) = text.find(TOC_MARK) else {
        return document.to_vec();
    };
    let start = text[..mark]
        .rfind("<w:p ")
        .or_else(|| text[..mark].rfind("<w:p>"))
        .unwrap_or(mark);
    let end = text[mark..]
        .find("</w:p>")
        .map_or(text.len(), |e| mark + e + "</w:p>".len());
    let mut toc = String::new();
    let listed: Vec<_> = headings
        .iter()
        .enumerate()
        .filter(|(_, (level, _))| *level <= CONTENTS_DEPTH)
        .collect();
    for (n, (i, (level, heading))) in listed.iter().enumerate() {
        let level = (*level).clamp(1, CONTENTS_DEPTH);
        toc.push_str(&format!(
            r#"<w:p><w:pPr><w:pStyle w:val="TOC{level}" /><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TEXT_W}" /></w:tabs></w:pPr>"#
        ));
        if n == 0 {
            toc.push_str(concat!(
                r#"<w:r><w:fldChar w:fldCharType="begin" w:dirty="true" /></w:r>"#,
                r#"<w:r><w:instrText xml:space="preserve"> TOC \o "1-2" \h \z \u </w:instrText></w:r>"#,
                r#"<w:r><w:fldChar w:fldCharType="separate" /></w:r>"#
            ));
        }
        toc.push_str(&format!(
            r#"<w:hyperlink w:anchor="{}" w:history="1"><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:hyperlink></w:p>"#,
            bookmark(i + 1),
            escape(heading)
        ));
    }
    if !listed.is_empty() {
        toc.push_str(r#"<w:p><w:r><w:fldChar w:fldCharType="end" /></w:r></w:p>"#);
    }
    format!("{}{toc}{}", &text[..start], &text[end..]).into_bytes()
}

/// The document being written: docx-rs's builder, and counters for numbered lists and
/// pictures.
struct Writer {
    docx: Docx,
    lists: usize,
    pictures: usize,
    headings: usize,
}

impl Writer {
    fn push(&mut self, p: Paragraph) {
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
    }

    fn push_table(&mut self, t: WTable) {
        self.docx = std::mem::take(&mut self.docx).add_table(t);
    }

    /// The title, the lines under it and the table of contents.
    fn title(&mut self, doc: &Doc) {
        self.push(
            Paragraph::new()
                .style("Title")
                .add_run(Run::new().add_text(clean(&doc.title))),
        );
        for line in &doc.subtitle {
            self.push(
                Paragraph::new()
                    .style("Subtitle")
                    .add_run(Run::new().add_text(clean(line))),
            );
        }
        if let Some(heading) = &doc.contents {
            self.push(
                Paragraph::new()
                    .style("TOCHeading")
                    .add_run(Run::new().add_text(clean(heading))),
            );
            self.push(Paragraph::new().add_run(Run::new().add_text(TOC_MARK)));
            self.push(page_break());
        }
    }

    fn block(&mut self, block: &Block) -> Result<(), String> {
        match block {
            Block::Heading { level, text } => {
                let level = (*level).clamp(1, 3);
                self.headings += 1;
                let n = self.headings;
                self.push(
                    Paragraph::new()
                        .style(&format!("Heading{level}"))
                        .keep_next(true)
                        .add_bookmark_start(n, bookmark(n))
                        .add_run(Run::new().add_text(clean(text)))
                        .add_bookmark_end(n),
                );
            }
            Block::Paragraph(t) => self.push(runs(Paragraph::new(), t)),
            Block::Bullets(items) => {
                for item in items {
                    self.push(
                        runs(Paragraph::new(), item)
                            .style("ListParagraph")
                            .numbering(NumberingId::new(BULLETS), IndentLevel::new(0)),
                    );
                }
            }
            Block::Numbered(items) => {
                self.lists += 1;
                let id = FIRST_LIST + self.lists;
                self.docx = std::mem::take(&mut self.docx).add_numbering(
                    Numbering::new(id, DECIMAL).add_override(LevelOverride::new(0).start(1)),
                );
                for item in items {
                    self.push(
                        runs(Paragraph::new(), item)
                            .style("ListParagraph")
                            .numbering(NumberingId::new(id), IndentLevel::new(0)),
                    );
                }
            }
            Block::Table(t) => {
                self.push_table(table(t));
                self.push(Paragraph::new().style("AfterTable"));
            }
            Block::Chart(c) => self.chart(c)?,
            Block::Boxes { label, boxes } => {
                let mut p = runs(Paragraph::new(), label);
                for b in boxes {
                    p = p.add_run(Run::new().add_text(format!("    \u{2610} {}", clean(b))));
                }
                self.push(p);
            }
            Block::Lines(n) => {
                self.push_table(lines(*n));
                self.push(Paragraph::new().style("AfterTable"));
            }
            Block::Note(t) => {
                self.push_table(note(t));
                self.push(Paragraph::new().style("AfterTable"));
            }
            Block::PageBreak => self.push(page_break()),
        }
        Ok(())
    }

    /// A chart as a PNG picture as wide as the text (or its own width, if narrower), with
    /// its caption.
    fn chart(&mut self, c: &Chart) -> Result<(), String> {
        let png = raster::png(c)?;
        self.pictures += 1;
        let text_w_px = (TEXT_W as u32) * EMU_PER_TWIP / EMU_PER_PX;
        let w_px = c.width.clamp(1, text_w_px);
        let h_px = (u64::from(c.height.max(1)) * u64::from(w_px) / u64::from(c.width.max(1))).max(1)
            as u32;
        let pic = Pic::new_with_dimensions(png.bytes, png.width, png.height)
            .id(format!("chart{}", self.pictures))
            .size(w_px * EMU_PER_PX, h_px * EMU_PER_PX);
        self.push(
            Paragraph::new()
                .keep_next(c.caption.is_some())
                .add_run(Run::new().add_image(pic)),
        );
        if let Some(caption) = &c.caption {
            self.push(
                Paragraph::new()
                    .style("Caption")
                    .add_run(Run::new().add_text(clean(caption))),
            );
        }
        Ok(())
    }
}

/// A paragraph with the runs of a text; a line break in the text is a line break in Word,
/// and control characters (which XML cannot hold) are left out.
fn runs(mut p: Paragraph, t: &Text) -> Paragraph {
    for s in &t.0 {
        let mut r = Run::new();
        for (i, line) in s.text.split('\n').enumerate() {
            if i > 0 {
                r = r.add_break(BreakType::TextWrapping);
            }
            r = r.add_text(clean(line));
        }
        if s.bold {
            r = r.bold();
        }
        if s.italic {
            r = r.italic();
        }
        p = p.add_run(r);
    }
    p
}

fn page_break() -> Paragraph {
    Paragraph::new().add_run(Run::new().add_break(BreakType::Page))
}

/// Column widths in twips, from relative widths (equal when none are given).
fn grid(widths: &[u16], columns: usize) -> Vec<usize> {
    let columns = columns.max(1);
    let rel: Vec<usize> = if widths.len() == columns && widths.iter().any(|w| *w > 0) {
        widths.iter().map(|w| usize::from(*w).max(1)).collect()
    } else {
        vec![1; columns]
    };
    let total: usize = rel.iter().sum();
    rel.iter().map(|w| TEXT_W * w / total).collect()
}

/// A table: a shaded bold header row, then the rows; thin grey rules.
fn table(t: &Table) -> WTable {
    let columns = t
        .header
        .len()
        .max(t.rows.iter().map(Vec::len).max().unwrap_or(0));
    let grid = grid(&t.widths, columns);
    let cell = |i: usize, p: Paragraph| {
        TableCell::new()
            .width(grid.get(i).copied().unwrap_or(0), WidthType::Dxa)
            .vertical_align(VAlignType::Top)
            .add_paragraph(p.style("TableText"))
    };
    let mut rows = Vec::with_capacity(t.rows.len() + 1);
    if !t.header.is_empty() {
        let cells = (0..columns)
            .map(|i| {
                let text = t.header.get(i).map(String::as_str).unwrap_or("");
                cell(
                    i,
                    Paragraph::new()
                        .keep_next(true)
                        .add_run(Run::new().add_text(clean(text)).bold()),
                )
                .shading(
                    Shading::new()
                        .shd_type(ShdType::Clear)
                        .color("auto")
                        .fill(SHADE),
                )
            })
            .collect();
        rows.push(
            TableRow::new(cells)
                .cant_split()
                .row_height(HEADER_ROW_MARK)
                .height_rule(HeightRule::AtLeast),
        );
    }
    for r in &t.rows {
        let cells = (0..columns)
            .map(|i| match r.get(i) {
                Some(text) => cell(i, runs(Paragraph::new(), text)),
                None => cell(i, Paragraph::new()),
            })
            .collect();
        rows.push(TableRow::new(cells).cant_split());
    }
    WTable::new(rows)
        .set_grid(grid.clone())
        .layout(TableLayoutType::Fixed)
        .width(TEXT_W, WidthType::Dxa)
        .set_borders(rules(TableBorders::new()))
}

/// Thin grey rules on every edge of a table.
fn rules(b: TableBorders) -> TableBorders {
    [
        TableBorderPosition::Top,
        TableBorderPosition::Left,
        TableBorderPosition::Bottom,
        TableBorderPosition::Right,
        TableBorderPosition::InsideH,
        TableBorderPosition::InsideV,
    ]
    .into_iter()
    .fold(b, |b, pos| {
        b.set(
            TableBorder::new(pos)
                .border_type(BorderType::Single)
                .size(4)
                .color(RULE),
        )
    })
}

/// Lines to write on: rows of one empty cell with only a bottom rule.
fn lines(n: u8) -> WTable {
    let rows = (0..n.max(1))
        .map(|_| {
            TableRow::new(vec![
                TableCell::new()
                    .width(TEXT_W, WidthType::Dxa)
                    .clear_all_border()
                    .set_border(
                        TableCellBorder::new(TableCellBorderPosition::Bottom)
                            .border_type(BorderType::Single)
                            .size(4)
                            .color(RULE),
                    )
                    .add_paragraph(Paragraph::new().style("TableText")),
            ])
            .row_height(400.0)
        })
        .collect();
    let borders = TableBorders::new()
        .clear_all()
        .set(
            TableBorder::new(TableBorderPosition::Bottom)
                .border_type(BorderType::Single)
                .size(4)
                .color(RULE),
        )
        .set(
            TableBorder::new(TableBorderPosition::InsideH)
                .border_type(BorderType::Single)
                .size(4)
                .color(RULE),
        );
    WTable::new(rows)
        .set_grid(vec![TEXT_W])
        .layout(TableLayoutType::Fixed)
        .width(TEXT_W, WidthType::Dxa)
        .set_borders(borders)
}

/// A shaded, framed box around one paragraph.
fn note(t: &Text) -> WTable {
    let cell = TableCell::new()
        .width(TEXT_W, WidthType::Dxa)
        .shading(
            Shading::new()
                .shd_type(ShdType::Clear)
                .color("auto")
                .fill(SHADE),
        )
        .add_paragraph(runs(Paragraph::new(), t).style("TableText"));
    WTable::new(vec![TableRow::new(vec![cell]).cant_split()])
        .set_grid(vec![TEXT_W])
        .layout(TableLayoutType::Fixed)
        .width(TEXT_W, WidthType::Dxa)
        .set_borders(rules(TableBorders::new()))
}

/// A4, 2 cm margins, the marking in the header, "page N / M" in the footer.
fn page(docx: Docx, doc: &Doc) -> Docx {
    let margin = PageMargin::new()
        .top(MARGIN)
        .bottom(MARGIN)
        .left(MARGIN)
        .right(MARGIN)
        .header(567)
        .footer(567);
    let mut docx = docx.page_size(PAGE_W, PAGE_H).page_margin(margin);
    if let Some(marking) = &doc.marking {
        docx = docx.header(
            Header::new().add_paragraph(
                Paragraph::new()
                    .style("Header")
                    .add_run(Run::new().add_text(clean(marking)).bold()),
            ),
        );
    }
    docx.footer(
        Footer::new().add_paragraph(
            Paragraph::new()
                .style("Footer")
                .align(AlignmentType::Center)
                .add_page_num(PageNum::new())
                .add_run(Run::new().add_text(" / "))
                .add_num_pages(NumPages::new()),
        ),
    )
}

/// The paragraph styles: Normal, Title, Subtitle, three headings (outline levels, so the
/// navigation pane and tables of contents find them), the table of contents' heading,
/// list and table text, captions, header and footer.
fn styles(docx: Docx) -> Docx {
    let fonts = RunFonts::new()
        .ascii(LATIN_FONT)
        .hi_ansi(LATIN_FONT)
        .cs(LATIN_FONT)
        .east_asia(CJK_FONT);
    let para = |id: &str, name: &str| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
    };
    let heading = |level: usize, size: usize, before: u32| {
        para(&format!("Heading{level}"), &format!("heading {level}"))
            .bold()
            .size(size)
            .color(INK)
            .outline_lvl(level - 1)
            .line_spacing(LineSpacing::new().before(before).after(120))
    };
    let toc = |level: usize| {
        para(&format!("TOC{level}"), &format!("toc {level}"))
            .indent(Some(((level - 1) * 360) as i32), None, None, None)
            .line_spacing(LineSpacing::new().after(60))
    };
    // docx-rs always writes a bare `Normal` style: the body text's looks are the defaults.
    docx.default_fonts(fonts)
        .default_size(20)
        .default_line_spacing(
            LineSpacing::new()
                .after(120)
                .line(264)
                .line_rule(LineSpacingType::Auto),
        )
        .add_style(
            para("Title", "Title")
                .bold()
                .size(44)
                .line_spacing(LineSpacing::new().after(200)),
        )
        .add_style(para("Subtitle", "Subtitle").size(24).color(MUTED))
        .add_style(heading(1, 32, 360))
        .add_style(heading(2, 26, 240))
        .add_style(heading(3, 22, 200))
        .add_style(
            para("TOCHeading", "TOC Heading")
                .bold()
                .size(28)
                .line_spacing(LineSpacing::new().before(360).after(120)),
        )
        .add_style(toc(1))
        .add_style(toc(2))
        .add_style(toc(3))
        .add_style(
            para("ListParagraph", "List Paragraph").line_spacing(LineSpacing::new().after(60)),
        )
        .add_style(
            para("TableText", "Table Text")
                .size(18)
                .line_spacing(LineSpacing::new().before(40).after(40)),
        )
        .add_style(
            para("AfterTable", "After Table")
                .size(8)
                .line_spacing(LineSpacing::new().after(120)),
        )
        .add_style(para("Caption", "caption").italic().size(18).color(MUTED))
        .add_style(para("Header", "header").size(16).color(MUTED))
        .add_style(para("Footer", "footer").size(16).color(MUTED))
}

/// The two list formats: bullets, and decimals (each numbered list restarts at 1).
fn numbering_styles(docx: Docx) -> Docx {
    let level = |format: &str, text: &str| {
        Level::new(
            0,
            Start::new(1),
            NumberFormat::new(format),
            LevelText::new(text),
            LevelJc::new("left"),
        )
        .indent(Some(567), Some(SpecialIndentType::Hanging(283)), None, None)
    };
    docx.add_abstract_numbering(AbstractNumbering::new(BULLETS).add_level(level("bullet", "•")))
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .add_abstract_numbering(AbstractNumbering::new(DECIMAL).add_level(level("decimal", "%1.")))
}

/// The language tag as Word writes it (`fr` → `fr-FR`).
fn word_language(lang: &str) -> &'static str {
    match lang.split(['-', '_']).next().unwrap_or("") {
        "fr" => "fr-FR",
        "zh" => "zh-CN",
        "de" => "de-DE",
        "es" => "es-ES",
        _ => "en-GB",
    }
}

/// Sets the document's language (default run properties: Latin and East Asian text) and
/// its title and language in the core properties.
pub(crate) fn with_language(mut xml: XMLDocx, lang: &str, title: &str) -> XMLDocx {
    let tag = word_language(lang);
    let lang_xml = format!(r#"<w:lang w:val="{tag}" w:eastAsia="zh-CN" w:bidi="ar-SA" />"#);
    let styles = String::from_utf8_lossy(&xml.styles).into_owned();
    let styles = if let Some(at) = styles.find("<w:rPrDefault><w:rPr>") {
        let at = at + "<w:rPrDefault><w:rPr>".len();
        format!("{}{lang_xml}{}", &styles[..at], &styles[at..])
    } else {
        styles.replacen(
            "<w:rPrDefault><w:rPr />",
            &format!("<w:rPrDefault><w:rPr>{lang_xml}</w:rPr>"),
            1,
        )
    };
    xml.styles = styles.into_bytes();
    let core = String::from_utf8_lossy(&xml.doc_props.core).into_owned();
    let props = format!(
        "<dc:title>{}</dc:title><dc:language>{tag}</dc:language></cp:coreProperties>",
        escape(title)
    );
    xml.doc_props.core = core
        .replacen("</cp:coreProperties>", &props, 1)
        .into_bytes();
    xml
}

/// Numbers paragraphs, bookmarks and table-of-contents anchors from 1 in every document.
/// docx-rs draws them from counters that live as long as the process (a second document
/// would get other numbers), so two writes of one tree would differ.
fn stable_ids(mut xml: XMLDocx) -> XMLDocx {
    let parts = std::iter::once(&mut xml.document)
        .chain(xml.headers.iter_mut())
        .chain(xml.footers.iter_mut())
        .chain(std::iter::once(&mut xml.footnotes));
    for part in parts {
        let text = String::from_utf8_lossy(part).into_owned();
        let text = number_each(&text, "w14:paraId=\"", |n| format!("{n:08X}"));
        let text = renumber(&text, &["_Toc"], |n| format!("{n:08}"));
        let text = renumber(
            &text,
            &["<w:bookmarkStart w:id=\"", "<w:bookmarkEnd w:id=\""],
            |n| n.to_string(),
        );
        *part = text.into_bytes();
    }
    xml
}

/// Replaces the word (letters and digits) after each `prefix` by the next number: every
/// paragraph gets its own id, whatever docx-rs's counter gave (it may repeat one).
fn number_each(xml: &str, prefix: &str, format: impl Fn(usize) -> String) -> String {
    let mut n = 0;
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(at) = rest.find(prefix) {
        let start = at + prefix.len();
        let len = rest[start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - start);
        n += 1;
        out.push_str(&rest[..start]);
        out.push_str(&format(n));
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

/// Replaces the word (letters and digits) after each of `prefixes` by a number given in
/// order of first appearance (the same word gets the same number).
fn renumber(xml: &str, prefixes: &[&str], format: impl Fn(usize) -> String) -> String {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some((at, prefix)) = prefixes
        .iter()
        .filter_map(|p| rest.find(p).map(|at| (at, *p)))
        .min()
    {
        let start = at + prefix.len();
        let len = rest[start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - start);
        let word = &rest[start..start + len];
        let n = match seen.iter().position(|w| *w == word) {
            Some(i) => i + 1,
            None => {
                seen.push(word);
                seen.len()
            }
        };
        out.push_str(&rest[..start]);
        out.push_str(&format(n));
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

/// Text without the control characters XML cannot hold (a tab stays).
fn clean(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || *c == '\t')
        .collect()
}

/// Text for XML character data.
fn escape(s: &str) -> String {
    clean(s)
        .chars()
        .fold(String::with_capacity(s.len()), |mut out, c| {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                c => out.push(c),
            }
            out
        })
}
