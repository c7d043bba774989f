//! The document tree the writers share.

/// A document: its language, title page facts and blocks.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Doc {
    /// BCP 47 language tag (`en`, `fr`, `zh`): Word's proofing language, HTML's `lang`.
    pub lang: String,
    /// The title (Word's `Title` style and the document's title property).
    pub title: String,
    /// Lines under the title (exercise, date, version).
    pub subtitle: Vec<String>,
    /// A line printed at the top of every page ("For players", "Facilitator and
    /// evaluators only").
    pub marking: Option<String>,
    /// The heading of a table of contents after the title; `None`: no contents.
    pub contents: Option<String>,
    /// The body.
    pub blocks: Vec<Block>,
}

/// A block of the body.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading, level 1 to 3 (Word's Heading 1–3 styles, HTML's `h2`–`h4`).
    Heading { level: u8, text: String },
    /// A paragraph.
    Paragraph(Text),
    /// A bulleted list.
    Bullets(Vec<Text>),
    /// A numbered list.
    Numbered(Vec<Text>),
    /// A table.
    Table(Table),
    /// A chart (SVG; Word gets it as a PNG).
    Chart(Chart),
    /// A label, then tick boxes on one line: `Rating: ☐ P ☐ S ☐ M ☐ U`.
    Boxes { label: Text, boxes: Vec<String> },
    /// Ruled lines to write on.
    Lines(u8),
    /// A shaded, framed paragraph (a rule, a warning, a no-fault statement).
    Note(Text),
    /// The next block starts a new page.
    PageBreak,
    /// Blocks on landscape pages of their own (a wide table: the improvement plan).
    Landscape(Vec<Block>),
}

/// Text with emphasis.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text(pub Vec<Span>);

/// A run of text with one emphasis.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Span {
    /// The characters.
    pub text: String,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
}

impl Text {
    /// Plain text.
    pub fn plain(s: impl Into<String>) -> Self {
        Text(vec![Span {
            text: s.into(),
            ..Span::default()
        }])
    }

    /// Bold text.
    pub fn bold(s: impl Into<String>) -> Self {
        Text(vec![Span {
            text: s.into(),
            bold: true,
            ..Span::default()
        }])
    }

    /// Italic text.
    pub fn italic(s: impl Into<String>) -> Self {
        Text(vec![Span {
            text: s.into(),
            italic: true,
            ..Span::default()
        }])
    }

    /// This text, then plain text.
    pub fn then(mut self, s: impl Into<String>) -> Self {
        self.0.push(Span {
            text: s.into(),
            ..Span::default()
        });
        self
    }

    /// This text, then bold text.
    pub fn then_bold(mut self, s: impl Into<String>) -> Self {
        self.0.push(Span {
            text: s.into(),
            bold: true,
            ..Span::default()
        });
        self
    }

    /// The characters, without emphasis.
    pub fn to_plain(&self) -> String {
        self.0.iter().map(|s| s.text.as_str()).collect()
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text::plain(s)
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text::plain(s)
    }
}

/// A table: a header row, then rows of cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// The header row (repeated on every page in Word).
    pub header: Vec<String>,
    /// The rows; each has as many cells as the header.
    pub rows: Vec<Vec<Text>>,
    /// Relative column widths (any unit; empty: equal columns).
    pub widths: Vec<u16>,
}

/// A chart drawn as SVG.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chart {
    /// A complete `<svg>` element with a `viewBox`.
    pub svg: String,
    /// Its width in CSS pixels.
    pub width: u32,
    /// Its height in CSS pixels.
    pub height: u32,
    /// What it shows, for readers who cannot see it.
    pub alt: String,
    /// A caption under it.
    pub caption: Option<String>,
}

impl Doc {
    /// Every piece of text a reader can see, one per line, in order (for tests that
    /// check what a document holds).
    pub fn visible_text(&self) -> String {
        let mut out = Vec::new();
        out.push(self.title.clone());
        out.extend(self.subtitle.iter().cloned());
        out.extend(self.marking.iter().cloned());
        out.extend(self.contents.iter().cloned());
        for b in self.all_blocks() {
            match b {
                Block::Heading { text, .. } => out.push(text.clone()),
                Block::Paragraph(t) | Block::Note(t) => out.push(t.to_plain()),
                Block::Bullets(items) | Block::Numbered(items) => {
                    out.extend(items.iter().map(Text::to_plain))
                }
                Block::Table(t) => {
                    out.push(t.header.join(" | "));
                    for r in &t.rows {
                        out.push(r.iter().map(Text::to_plain).collect::<Vec<_>>().join(" | "));
                    }
                }
                Block::Chart(c) => {
                    out.push(c.alt.clone());
                    out.extend(c.caption.iter().cloned());
                }
                Block::Boxes { label, boxes } => {
                    out.push(format!("{} {}", label.to_plain(), boxes.join(" ")))
                }
                Block::Lines(_) | Block::PageBreak | Block::Landscape(_) => {}
            }
        }
        out.join("\n")
    }

    /// Every block in reading order, those of landscape pages included (after the
    /// `Landscape` block that holds them).
    pub fn all_blocks(&self) -> Vec<&Block> {
        fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a Block>) {
            for b in blocks {
                out.push(b);
                if let Block::Landscape(inner) = b {
                    walk(inner, out);
                }
            }
        }
        let mut out = Vec::with_capacity(self.blocks.len());
        walk(&self.blocks, &mut out);
        out
    }

    /// The headings, with their levels, in order.
    pub fn headings(&self) -> Vec<(u8, &str)> {
        self.all_blocks()
            .into_iter()
            .filter_map(|b| match b {
                Block::Heading { level, text } => Some((*level, text.as_str())),
                _ => None,
            })
            .collect()
    }
}
