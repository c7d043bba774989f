//! Styles and glyphs of the console, chosen once per process from the options and the
//! terminal (`TERM`, `NO_COLOR`). Nothing is ever conveyed by colour alone: symbols and words
//! carry the meaning, so the plain, 8-colour and light variants lose nothing.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

use crate::scenario::model::{Severity, SystemState};

/// The characters the console may draw.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Glyphs {
    /// Unicode symbols, box drawing, blocks and braille (modern terminal emulators).
    #[default]
    Unicode,
    /// ASCII signs and Latin-1 letters only (the Linux text console, VT100s, `--ascii`):
    /// every other character is replaced by an ASCII stand-in as the frame is finished.
    Latin1,
}

impl Glyphs {
    /// Whether a character may be drawn with this set.
    pub fn allows(self, c: char) -> bool {
        match self {
            Glyphs::Unicode => true,
            // Printable ASCII and Latin-1 (no controls, no soft hyphen).
            Glyphs::Latin1 => matches!(c, ' '..='~' | '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{FF}'),
        }
    }

    /// The marker of lines cut above (`up`) or below a scrolled text.
    pub fn more(self, lang: crate::i18n::Lang, up: bool, n: usize) -> String {
        self.more_items(lang, up, n, "")
    }

    /// The marker of `n` items (`what`, e.g. `options`) cut above or below.
    pub fn more_items(self, lang: crate::i18n::Lang, up: bool, n: usize, what: &str) -> String {
        let what = if what.is_empty() {
            String::new()
        } else {
            format!(" {what}")
        };
        let what = what.as_str();
        match (self, up) {
            (Glyphs::Unicode, true) => {
                format!("↑ {}", crate::tr!(lang, "more-n", n = n, what = what))
            }
            (Glyphs::Unicode, false) => {
                format!("↓ {}", crate::tr!(lang, "more-n", n = n, what = what))
            }
            (Glyphs::Latin1, true) => {
                format!("^ {}", crate::tr!(lang, "more-n-above", n = n, what = what))
            }
            (Glyphs::Latin1, false) => crate::tr!(lang, "more-n-below", n = n, what = what),
        }
    }

    /// The character drawn for `c`: itself, or its ASCII stand-in.
    pub fn fold(self, c: char) -> char {
        if self.allows(c) {
            return c;
        }
        ascii_for(c)
    }

    /// Replaces every character outside the set in a finished frame. Wide characters keep
    /// their two cells (the stand-in, then the blank the buffer already holds).
    pub fn fold_buffer(self, buf: &mut Buffer) {
        if self == Glyphs::Unicode {
            return;
        }
        for cell in buf.content.iter_mut() {
            let sym = cell.symbol();
            if sym.chars().all(|c| self.allows(c)) {
                continue;
            }
            // A grapheme (a letter and its accents, an emoji sequence) becomes one stand-in.
            let first = sym.chars().next().unwrap_or(' ');
            let mut out = [0u8; 4];
            let folded = self.fold(first).encode_utf8(&mut out).to_string();
            cell.set_symbol(&folded);
        }
    }
}

/// The ASCII stand-in of a character outside Latin-1.
fn ascii_for(c: char) -> char {
    match c {
        // Box drawing: rules, sides and corners.
        '─' | '━' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍' | '═' | '╴' | '╶' | '╸' | '╺' => {
            '-'
        }
        '│' | '┃' | '┆' | '┇' | '┊' | '┋' | '╎' | '╏' | '║' | '╵' | '╷' | '╹' | '╻' => {
            '|'
        }
        '╭' | '╮' | '╯' | '╰' => '+',
        '\u{2500}'..='\u{257F}' => '+',
        // Blocks: gauges, sparklines, cursors.
        '█' | '▓' | '▰' => '#',
        '░' | '▱' => '.',
        '▒' => ':',
        '▁' => '_',
        '▂' => '.',
        '▃' => ':',
        '▄' => '-',
        '▅' => '=',
        '▆' => '+',
        '▇' => '*',
        '▏' | '▎' | '▍' | '▌' | '▐' | '▕' => '|',
        '\u{2580}'..='\u{259F}' => '#',
        // Braille (chart dots).
        '\u{2800}' => ' ',
        '\u{2801}'..='\u{28FF}' => '.',
        // States, severities, marks.
        '●' | '•' | '★' | '☆' | '✱' => '*',
        '○' | '◯' => 'o',
        '◐' | '◑' => '~',
        '✗' | '✘' | '✕' | '⨯' => 'x',
        '✓' | '✔' => 'v',
        '⊘' => '/',
        '↻' | '⟳' => '%',
        '‼' | '⚠' | '❗' => '!',
        '▲' | '△' => '^',
        '◆' | '◇' => '+',
        '■' | '□' => '#',
        '▸' | '▶' | '▹' | '►' | '→' | '↳' | '⇒' | '⟶' => '>',
        '◂' | '◀' | '◃' | '◄' | '←' | '⇐' => '<',
        '↑' | '⇑' => '^',
        '↓' | '⇓' => 'v',
        '↔' => '-',
        '⏸' => '|',
        '⏱' | '◷' | '⌚' => '@',
        '⚕' => '+',
        // Punctuation.
        '…' => '~',
        '“' | '”' | '„' | '‟' | '″' => '"',
        '‘' | '’' | '‚' | '‛' | '′' => '\'',
        '—' | '–' | '−' | '‐' | '‑' | '‒' | '―' => '-',
        '€' => 'E',
        '\u{AD}' => '-',
        '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => ' ',
        _ => '?',
    }
}

/// How many colours the terminal shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Palette {
    /// None: bold, dim, reverse and underline only (`NO_COLOR`, VT100s).
    None,
    /// The eight basic ANSI colours (the Linux console): no grey, no bright colours.
    Eight,
    /// The sixteen ANSI colours.
    #[default]
    Sixteen,
}

/// What the command line asks of the display (`--ascii`, `--theme light`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DisplayOptions {
    /// ASCII and Latin-1 only, whatever the terminal.
    pub ascii: bool,
    /// A theme for white backgrounds (projectors): meaning by bold and dim, not grey and
    /// yellow.
    pub light: bool,
}

/// Whether the terminal can hold the console at all.
pub fn unusable_terminal(term: Option<&str>) -> bool {
    matches!(term, Some("dumb") | Some("unknown") | Some(""))
}

/// The console's styles and glyphs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours may be used.
    pub color: bool,
    /// Which colours, when they may.
    pub palette: Palette,
    /// For white backgrounds.
    pub light: bool,
    /// The characters drawn.
    pub glyphs: Glyphs,
}

impl Theme {
    /// The theme for this process: the options, `NO_COLOR` and `TERM`.
    pub fn from_env(opts: DisplayOptions) -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let term = std::env::var("TERM").ok();
        Theme::detect(opts, term.as_deref(), no_color)
    }

    /// The theme for these options and this terminal (`TERM`, whether `NO_COLOR` is set).
    ///
    /// `TERM=linux` (the Linux text console) gets the ASCII/Latin-1 glyphs and the eight basic
    /// colours; `vt100`, `vt102`, `vt220` and the like get the glyphs and no colour.
    pub fn detect(opts: DisplayOptions, term: Option<&str>, no_color: bool) -> Self {
        let term = term.unwrap_or("");
        let base = term.split('-').next().unwrap_or("");
        let (glyphs, palette) = match base {
            "linux" | "cons25" => (Glyphs::Latin1, Palette::Eight),
            t if t.starts_with("vt") => (Glyphs::Latin1, Palette::None),
            _ => (Glyphs::Unicode, Palette::Sixteen),
        };
        let glyphs = if opts.ascii { Glyphs::Latin1 } else { glyphs };
        let palette = if no_color { Palette::None } else { palette };
        Theme {
            color: palette != Palette::None,
            palette,
            light: opts.light,
            glyphs,
        }
    }

    /// A theme without colours, with Unicode glyphs (tests and `NO_COLOR`).
    pub fn plain() -> Self {
        Theme {
            color: false,
            palette: Palette::None,
            light: false,
            glyphs: Glyphs::Unicode,
        }
    }

    /// The sixteen-colour dark theme with Unicode glyphs (the usual terminal emulator).
    pub fn colours() -> Self {
        Theme {
            color: true,
            palette: Palette::Sixteen,
            light: false,
            glyphs: Glyphs::Unicode,
        }
    }

    /// This theme with other glyphs.
    pub fn with_glyphs(self, glyphs: Glyphs) -> Self {
        Theme { glyphs, ..self }
    }

    /// This theme for a white background.
    pub fn lightened(self) -> Self {
        Theme {
            light: true,
            ..self
        }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// Whether grey may carry meaning (sixteen colours on a dark background).
    fn greys(self) -> bool {
        self.color && self.palette == Palette::Sixteen && !self.light
    }

    /// Ordinary text.
    pub fn text(self) -> Style {
        Style::new()
    }

    /// Secondary text (labels, hints).
    pub fn dim(self) -> Style {
        if self.greys() {
            Style::new().fg(Color::Gray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// Headings and titles.
    pub fn title(self) -> Style {
        let c = if self.light { Color::Blue } else { Color::Cyan };
        self.fg(c).add_modifier(Modifier::BOLD)
    }

    /// Emphasised text.
    pub fn strong(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The selected row of a list.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// Keys in hints, e.g. `[Space]`.
    pub fn key(self) -> Style {
        if self.light {
            // Yellow cannot be read on white: bold carries it.
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
        }
    }

    /// Something good (met checks, working systems).
    pub fn good(self) -> Style {
        self.fg(Color::Green)
    }

    /// Something to watch.
    pub fn warn(self) -> Style {
        if self.light {
            self.fg(Color::Magenta).add_modifier(Modifier::BOLD)
        } else {
            self.fg(Color::Yellow)
        }
    }

    /// Something bad.
    pub fn bad(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// Facilitator-only material (notes, previews, the queue).
    pub fn private(self) -> Style {
        if self.light {
            self.fg(Color::Magenta).add_modifier(Modifier::ITALIC)
        } else {
            self.fg(Color::Magenta)
        }
    }

    /// Section borders.
    pub fn border(self) -> Style {
        if self.greys() {
            Style::new().fg(Color::DarkGray)
        } else if self.light {
            Style::new().add_modifier(Modifier::DIM)
        } else {
            Style::new()
        }
    }

    /// The focused section's border.
    pub fn border_focus(self) -> Style {
        self.title()
    }

    /// A severity's style (the symbol carries the meaning too).
    pub fn severity(self, s: Severity) -> Style {
        match s {
            Severity::Info => self.dim(),
            Severity::Low => self.text(),
            Severity::Medium => self.warn(),
            Severity::High => self.bad(),
            Severity::Critical => self.bad().add_modifier(Modifier::UNDERLINED),
        }
    }

    /// A system state's style (the symbol and word carry the meaning too).
    pub fn system(self, s: SystemState) -> Style {
        match s {
            SystemState::Up | SystemState::Restored => self.good(),
            SystemState::Degraded | SystemState::Restoring => self.warn(),
            SystemState::Down | SystemState::Isolated => self.bad(),
        }
    }
}

/// A symbol for a system state, so that it reads without colour.
pub fn system_symbol(s: SystemState) -> &'static str {
    match s {
        SystemState::Up => "●",
        SystemState::Degraded => "◐",
        SystemState::Down => "✗",
        SystemState::Isolated => "⊘",
        SystemState::Restoring => "↻",
        SystemState::Restored => "✓",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_terminal_picks_glyphs_and_colours() {
        let d = DisplayOptions::default();
        let linux = Theme::detect(d, Some("linux"), false);
        assert_eq!(
            (linux.glyphs, linux.palette),
            (Glyphs::Latin1, Palette::Eight)
        );
        let vt = Theme::detect(d, Some("vt100"), false);
        assert_eq!((vt.glyphs, vt.color), (Glyphs::Latin1, false));
        let xterm = Theme::detect(d, Some("xterm-256color"), false);
        assert_eq!(
            (xterm.glyphs, xterm.palette),
            (Glyphs::Unicode, Palette::Sixteen)
        );
        let ascii = DisplayOptions {
            ascii: true,
            light: true,
        };
        let a = Theme::detect(ascii, Some("xterm-256color"), true);
        assert_eq!((a.glyphs, a.color, a.light), (Glyphs::Latin1, false, true));
        assert!(unusable_terminal(Some("dumb")));
        assert!(!unusable_terminal(Some("screen")));
    }

    #[test]
    fn the_light_theme_uses_no_grey_or_yellow() {
        let t = Theme::colours().lightened();
        for s in [t.dim(), t.key(), t.warn(), t.border(), t.title()] {
            assert!(
                !matches!(
                    s.fg,
                    Some(Color::Gray | Color::DarkGray | Color::Yellow | Color::White)
                ),
                "{s:?}"
            );
        }
        assert!(t.dim().add_modifier.contains(Modifier::DIM));
        assert!(t.key().add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn eight_colours_never_use_grey() {
        let t = Theme::detect(DisplayOptions::default(), Some("linux"), false);
        assert_eq!(t.dim().fg, None);
        assert_eq!(t.border().fg, None);
    }

    #[test]
    fn the_latin1_set_folds_the_console_symbols_to_ascii() {
        let g = Glyphs::Latin1;
        let folded: String = "▶ RUNNING ⏱ 2:55 ✓ ✗ … “é” — ░█│"
            .chars()
            .map(|c| g.fold(c))
            .collect();
        assert_eq!(folded, "> RUNNING @ 2:55 v x ~ \"é\" - .#|");
    }
}
