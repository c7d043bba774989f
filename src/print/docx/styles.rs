//! The document's styles (Word's own ids and names) and list formats.

use docx_rs::{
    AbstractNumbering, Docx, Level, LevelJc, LevelText, LineSpacing, LineSpacingType, NumberFormat,
    Numbering, RunFonts, SpecialIndentType, Start, Style, StyleType,
};

use super::{BULLETS, CJK_FONT, DECIMAL, INK, LATIN_FONT, MUTED};

/// The paragraph styles: Normal, Title, Subtitle, three headings (outline levels, so the
/// navigation pane and tables of contents find them), the table of contents' heading,
/// list and table text, captions, header and footer.
pub(super) fn styles(docx: Docx) -> Docx {
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
pub(super) fn numbering_styles(docx: Docx) -> Docx {
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
