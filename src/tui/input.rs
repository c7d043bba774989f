//! A one-line text field (notes, names, values), edited by keys.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Longest text a field accepts, in characters.
pub const MAX_INPUT: usize = 500;

/// A one-line text field with a cursor (in characters).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Input {
    /// The text.
    pub text: String,
    /// Cursor position, in characters from the start.
    pub cursor: usize,
}

/// What a key did to a field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputResult {
    /// The text or cursor changed (or nothing happened).
    Editing,
    /// Enter: the text is done.
    Submit,
    /// Esc: editing is abandoned.
    Cancel,
}

impl Input {
    /// A field holding `text`, cursor at the end.
    pub fn with(text: &str) -> Self {
        Input {
            text: text.to_string(),
            cursor: text.chars().count(),
        }
    }

    fn byte_at(&self, c: usize) -> usize {
        self.text
            .char_indices()
            .nth(c)
            .map(|(i, _)| i)
            .unwrap_or(self.text.len())
    }

    /// Handles a key.
    pub fn key(&mut self, k: KeyEvent) -> InputResult {
        let len = self.text.chars().count();
        match k.code {
            KeyCode::Enter => return InputResult::Submit,
            KeyCode::Esc => return InputResult::Cancel,
            KeyCode::Char('u') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                self.text.clear();
                self.cursor = 0;
            }
            KeyCode::Char(c)
                if !k.modifiers.contains(KeyModifiers::CONTROL)
                    && len < MAX_INPUT
                    && !c.is_control() =>
            {
                let at = self.byte_at(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
            }
            KeyCode::Backspace if self.cursor > 0 => {
                let at = self.byte_at(self.cursor - 1);
                self.text.remove(at);
                self.cursor -= 1;
            }
            KeyCode::Delete if self.cursor < len => {
                let at = self.byte_at(self.cursor);
                self.text.remove(at);
            }
            KeyCode::Left => self.cursor = self.cursor.saturating_sub(1),
            KeyCode::Right => self.cursor = (self.cursor + 1).min(len),
            KeyCode::Home => self.cursor = 0,
            KeyCode::End => self.cursor = len,
            _ => {}
        }
        InputResult::Editing
    }

    /// The text with a visible cursor mark (`▏`), for drawing.
    pub fn display(&self) -> String {
        let at = self.byte_at(self.cursor);
        format!("{}▏{}", &self.text[..at], &self.text[at..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn typing_editing_and_submitting() {
        let mut i = Input::default();
        for c in "héllo".chars() {
            assert_eq!(i.key(k(KeyCode::Char(c))), InputResult::Editing);
        }
        i.key(k(KeyCode::Left));
        i.key(k(KeyCode::Backspace));
        assert_eq!(i.text, "hélo");
        i.key(k(KeyCode::Home));
        i.key(k(KeyCode::Char('>')));
        assert_eq!(i.display(), ">▏hélo");
        assert_eq!(i.key(k(KeyCode::Enter)), InputResult::Submit);
        assert_eq!(i.key(k(KeyCode::Esc)), InputResult::Cancel);
    }
}
