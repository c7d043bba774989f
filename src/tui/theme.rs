//! Styles of the console. With `NO_COLOR` set, only bold, dim, reverse and underline are
//! used; nothing is ever conveyed by colour alone (symbols and words carry the meaning).

use ratatui::style::{Color, Modifier, Style};

use crate::scenario::model::{Severity, SystemState};

/// The console's styles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours may be used.
    pub color: bool,
}

impl Theme {
    /// The theme for this process: colours unless `NO_COLOR` is set to a non-empty value.
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    /// A theme without colours (tests and `NO_COLOR`).
    pub fn plain() -> Self {
        Theme { color: false }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// Ordinary text.
    pub fn text(self) -> Style {
        Style::new()
    }

    /// Secondary text (labels, hints).
    pub fn dim(self) -> Style {
        if self.color {
            Style::new().fg(Color::Gray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// Headings and titles.
    pub fn title(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
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
        self.fg(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    /// Something good (met checks, working systems).
    pub fn good(self) -> Style {
        self.fg(Color::Green)
    }

    /// Something to watch.
    pub fn warn(self) -> Style {
        self.fg(Color::Yellow)
    }

    /// Something bad.
    pub fn bad(self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    /// Facilitator-only material (notes, previews, the queue).
    pub fn private(self) -> Style {
        self.fg(Color::Magenta)
    }

    /// Section borders.
    pub fn border(self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new()
        }
    }

    /// The focused section's border.
    pub fn border_focus(self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
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
