//! A [`Doc`] as a Word document (DOCX), with `docx-rs`.
//!
//! Word's own style ids (`Title`, `Subtitle`, `Heading1`–`Heading3`, `Caption`) so that the
//! navigation pane, a table of contents and a reader's restyling work; A4 pages with 2 cm
//! margins; the marking in the header, page numbers in the footer; charts as PNG pictures
//! (`print::raster`). The language goes into the default run properties and the core
//! properties, which docx-rs does not expose: `parts` mends the XML parts docx-rs builds
//! (language, table of contents, header rows, stable ids) before they are zipped;
//! `styles` holds the styles and list formats.

mod parts;
mod styles;

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BorderType, BreakType, Docx, Footer, Header, HeightRule, IndentLevel,
    LevelOverride, NumPages, Numbering, NumberingId, PageMargin, PageNum, Paragraph, Pic, Run,
    Shading, ShdType, Table as WTable, TableBorder, TableBorderPosition, TableBorders, TableCell,
    TableCellBorder, TableCellBorderPosition, TableLayoutType, TableRow, VAlignType, WidthType,
};

use super::model::{Block, Chart, Doc, Table, Text};
use super::raster;
use parts::{
    HEADER_ROW_MARK, LANDSCAPE_END, PORTRAIT_END, TOC_MARK, bookmark, clean, header_rows,
    stable_ids, with_contents, with_language, with_sections,
};
use styles::{numbering_styles, styles};

/// A4 in twentieths of a point, and its margins (2 cm).
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN: i32 = 1134;
/// The width between the margins, in twips.
const TEXT_W: usize = (PAGE_W as usize) - 2 * (MARGIN as usize);
/// The width between the margins of a landscape page, in twips.
const LANDSCAPE_TEXT_W: usize = (PAGE_H as usize) - 2 * (MARGIN as usize);
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
        text_w: TEXT_W,
        pending_break: false,
        fresh_page: true,
    };
    w.title(doc);
    for block in &doc.blocks {
        w.block(block)?;
    }
    let mut xml = with_language(w.docx.build(), &doc.lang, &doc.title);
    if doc.contents.is_some() {
        xml.document = with_contents(&xml.document, &doc.headings());
    }
    xml.document = with_sections(&header_rows(&xml.document));
    let xml = stable_ids(xml);
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out)
        .map_err(|e| format!("cannot write the Word document: {e}"))?;
    Ok(out.into_inner())
}

/// The document being written: docx-rs's builder, and counters for numbered lists and
/// pictures.
struct Writer {
    docx: Docx,
    lists: usize,
    pictures: usize,
    headings: usize,
    /// The width between the margins of the current pages, in twips.
    text_w: usize,
    /// A page break asked for and not yet written: it is dropped when a section break
    /// (which starts a page) or the end comes first.
    pending_break: bool,
    /// Nothing written since the last page or section break (a page break there would
    /// leave a blank page).
    fresh_page: bool,
}

impl Writer {
    fn push(&mut self, p: Paragraph) {
        self.flush_break();
        self.fresh_page = false;
        self.docx = std::mem::take(&mut self.docx).add_paragraph(p);
    }

    fn push_table(&mut self, t: WTable) {
        self.flush_break();
        self.fresh_page = false;
        self.docx = std::mem::take(&mut self.docx).add_table(t);
    }

    fn flush_break(&mut self) {
        if std::mem::take(&mut self.pending_break) {
            self.docx = std::mem::take(&mut self.docx).add_paragraph(page_break());
        }
    }

    /// Ends the section so far with a mark [`parts::with_sections`] makes a section break,
    /// the next page starting on new pages.
    fn section_break(&mut self, mark: &str) {
        self.pending_break = false;
        self.docx = std::mem::take(&mut self.docx)
            .add_paragraph(Paragraph::new().add_run(Run::new().add_text(mark)));
        self.fresh_page = true;
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
                self.push_table(table(t, self.text_w));
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
                self.push_table(lines(*n, self.text_w));
                self.push(Paragraph::new().style("AfterTable"));
            }
            Block::Note(t) => {
                self.push_table(note(t, self.text_w));
                self.push(Paragraph::new().style("AfterTable"));
            }
            Block::PageBreak => self.pending_break = !self.fresh_page,
            Block::Landscape(inner) => {
                self.section_break(PORTRAIT_END);
                self.text_w = LANDSCAPE_TEXT_W;
                for b in inner {
                    self.block(b)?;
                }
                self.section_break(LANDSCAPE_END);
                self.text_w = TEXT_W;
            }
        }
        Ok(())
    }

    /// A chart as a PNG picture as wide as the text (or its own width, if narrower), with
    /// its caption.
    fn chart(&mut self, c: &Chart) -> Result<(), String> {
        let png = raster::png(c)?;
        self.pictures += 1;
        let text_w_px = (self.text_w as u32) * EMU_PER_TWIP / EMU_PER_PX;
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
fn grid(widths: &[u16], columns: usize, text_w: usize) -> Vec<usize> {
    let columns = columns.max(1);
    let rel: Vec<usize> = if widths.len() == columns && widths.iter().any(|w| *w > 0) {
        widths.iter().map(|w| usize::from(*w).max(1)).collect()
    } else {
        vec![1; columns]
    };
    let total: usize = rel.iter().sum();
    rel.iter().map(|w| text_w * w / total).collect()
}

/// A table: a shaded bold header row, then the rows; thin grey rules.
fn table(t: &Table, text_w: usize) -> WTable {
    let columns = t
        .header
        .len()
        .max(t.rows.iter().map(Vec::len).max().unwrap_or(0));
    let grid = grid(&t.widths, columns, text_w);
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
        .width(text_w, WidthType::Dxa)
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
fn lines(n: u8, text_w: usize) -> WTable {
    let rows = (0..n.max(1))
        .map(|_| {
            TableRow::new(vec![
                TableCell::new()
                    .width(text_w, WidthType::Dxa)
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
        .set_grid(vec![text_w])
        .layout(TableLayoutType::Fixed)
        .width(text_w, WidthType::Dxa)
        .set_borders(borders)
}

/// A shaded, framed box around one paragraph.
fn note(t: &Text, text_w: usize) -> WTable {
    let cell = TableCell::new()
        .width(text_w, WidthType::Dxa)
        .shading(
            Shading::new()
                .shd_type(ShdType::Clear)
                .color("auto")
                .fill(SHADE),
        )
        .add_paragraph(runs(Paragraph::new(), t).style("TableText"));
    WTable::new(vec![TableRow::new(vec![cell]).cant_split()])
        .set_grid(vec![text_w])
        .layout(TableLayoutType::Fixed)
        .width(text_w, WidthType::Dxa)
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
