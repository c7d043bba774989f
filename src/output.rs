//! The one way Downtime writes to standard output and standard error outside the
//! full-screen console.
//!
//! Every byte goes through [`Sanitized`], which shows control and bidirectional characters
//! as visible placeholders ([`crate::text`]) while keeping newlines and tabs. So a path, a
//! file name, a scenario text or a journal entry can be formatted into any message without
//! a care: it can never move the cursor, retitle the terminal or write the clipboard. Use
//! [`outln!`](crate::outln), [`errln!`](crate::errln) (and `out!`/`err!` without the
//! newline), or [`stdout`]/[`stderr`] for a writer. `tests/output_rule.rs` fails if code
//! elsewhere prints by another way. The only raw channels are [`console`] (the full-screen
//! console, whose views sanitise every string they draw) and [`clear_screen`].

use std::io::{self, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use crate::scenario::Scenario;
use crate::scenario::diagnostics::RENDER_WIDTH;
use crate::text::{is_dangerous, placeholder};

/// A writer that sanitises text on its way through: controls and bidirectional characters
/// become placeholders, `\r\n` becomes `\n`, invalid UTF-8 becomes `�`. Multi-byte
/// characters split across writes are put back together.
#[derive(Debug)]
pub struct Sanitized<W: Write> {
    inner: W,
    /// An incomplete UTF-8 sequence (or a `\r`) held until the next write.
    pending: Vec<u8>,
}

impl<W: Write> Sanitized<W> {
    /// Wraps a writer.
    pub fn new(inner: W) -> Self {
        Sanitized {
            inner,
            pending: Vec::new(),
        }
    }

    fn emit(&mut self, text: &str, out: &mut String) {
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\n' | '\t' => out.push(c),
                '\r' => match chars.peek() {
                    Some('\n') => {}
                    // Held: the next write may start with `\n`.
                    None => self.pending.push(b'\r'),
                    Some(_) => out.push(placeholder(c)),
                },
                c if is_dangerous(c) => out.push(placeholder(c)),
                c => out.push(c),
            }
        }
    }
}

impl<W: Write> Write for Sanitized<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut bytes = std::mem::take(&mut self.pending);
        bytes.extend_from_slice(buf);
        let mut out = String::with_capacity(bytes.len());
        let mut rest = &bytes[..];
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    self.emit(s, &mut out);
                    break;
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    // Checked by from_utf8 just above.
                    self.emit(std::str::from_utf8(good).unwrap_or_default(), &mut out);
                    match e.error_len() {
                        Some(n) => {
                            out.push('\u{fffd}');
                            rest = &bad[n..];
                        }
                        None => {
                            // An incomplete sequence at the end: wait for the rest.
                            self.pending.extend_from_slice(bad);
                            break;
                        }
                    }
                }
            }
        }
        self.inner.write_all(out.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let held = std::mem::take(&mut self.pending);
            let text = String::from_utf8_lossy(&held).replace('\r', "\u{240d}");
            self.inner.write_all(text.as_bytes())?;
        }
        self.inner.flush()
    }
}

impl<W: Write> Drop for Sanitized<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

/// Standard output, sanitised.
pub fn stdout() -> Sanitized<io::StdoutLock<'static>> {
    Sanitized::new(io::stdout().lock())
}

/// Standard error, sanitised.
pub fn stderr() -> Sanitized<io::StderrLock<'static>> {
    Sanitized::new(io::stderr().lock())
}

/// Writes text to standard output, sanitised. A closed pipe is not an error worth a panic:
/// failures are returned for the caller to judge.
pub fn out(text: &str) -> io::Result<()> {
    let mut w = stdout();
    w.write_all(text.as_bytes())?;
    w.flush()
}

/// Writes a data file meant for a pipe or a redirection (`fork -o -`: a journal; `export
/// msel -o -`: a CSV) to standard output: byte for byte when standard output is not a
/// terminal, so that the data read back is the data written; sanitised, as everything else,
/// on a terminal.
pub fn out_raw(bytes: &[u8]) -> io::Result<()> {
    if stdout_is_terminal() {
        let mut w = stdout();
        w.write_all(bytes)?;
        return w.flush();
    }
    let mut w = io::stdout().lock();
    w.write_all(bytes)?;
    w.flush()
}

/// Writes text to standard error, sanitised; failures are ignored (there is nowhere left
/// to report them).
pub fn err(text: &str) {
    let mut w = stderr();
    let _ = w.write_all(text.as_bytes());
    let _ = w.flush();
}

/// Whether standard output is a terminal.
pub fn stdout_is_terminal() -> bool {
    io::stdout().is_terminal()
}

/// Whether standard error is a terminal.
pub fn stderr_is_terminal() -> bool {
    io::stderr().is_terminal()
}

/// The raw standard output, for the full-screen console only: ratatui writes the escape
/// sequences of the frame, and every string a view draws is sanitised by the view.
pub fn console() -> io::Stdout {
    io::stdout()
}

/// Writes text holding the colours of the text renderer to standard output: SGR sequences
/// (`ESC [ digits and semicolons m`, colour and weight only) pass as they are, every other
/// byte is sanitised as by [`out`]. Callers render untrusted text without colour (and
/// sanitised) unless it holds no dangerous character, so only the renderer's own colours
/// reach the terminal.
pub fn out_styled(text: &str) -> io::Result<()> {
    let mut buf: Vec<u8> = Vec::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("\x1b[") {
        let params = rest[i + 2..]
            .find(|c: char| !(c.is_ascii_digit() || c == ';'))
            .map(|n| i + 2 + n);
        let (plain, sgr_end) = match params {
            Some(end) if rest[end..].starts_with('m') => (&rest[..i], Some(end + 1)),
            _ => (&rest[..i + 1], None),
        };
        {
            let mut w = Sanitized::new(&mut buf);
            w.write_all(plain.as_bytes())?;
            w.flush()?;
        }
        match sgr_end {
            Some(end) => {
                buf.extend_from_slice(&rest.as_bytes()[i..end]);
                rest = &rest[end..];
            }
            None => rest = &rest[i + 1..],
        }
    }
    {
        let mut w = Sanitized::new(&mut buf);
        w.write_all(rest.as_bytes())?;
        w.flush()?;
    }
    let mut o = io::stdout().lock();
    o.write_all(&buf)?;
    o.flush()
}

/// How `check` draws diagnostics as text on standard output: in colour on a terminal,
/// unless `NO_COLOR` is set (not empty); in colour anywhere when `CLICOLOR_FORCE` is set
/// (not empty, not `0`) and `NO_COLOR` is not; ASCII only, without colour, with
/// `TERM=dumb`.
pub fn diagnostics_style() -> crate::scenario::diagnostics::TextStyle {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    let forced =
        set("CLICOLOR_FORCE") && std::env::var_os("CLICOLOR_FORCE").is_some_and(|v| v != "0");
    let colour = !set("NO_COLOR") && (forced || (!dumb && stdout_is_terminal()));
    crate::scenario::diagnostics::TextStyle {
        colour,
        ascii: dumb,
    }
}

/// Clears a terminal screen and its scrollback (for `check --watch`).
pub fn clear_screen() -> io::Result<()> {
    let mut o = io::stdout().lock();
    o.write_all(b"\x1b[H\x1b[2J\x1b[3J")?;
    o.flush()
}

/// Prints a line to standard output, sanitised (errors such as a closed pipe are ignored).
#[macro_export]
macro_rules! outln {
    () => { let _ = $crate::output::out("\n"); };
    ($($arg:tt)*) => { let _ = $crate::output::out(&format!("{}\n", format_args!($($arg)*))); };
}

/// Prints to standard output, sanitised, without a newline.
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => { let _ = $crate::output::out(&format!($($arg)*)); };
}

/// Prints a line to standard error, sanitised.
#[macro_export]
macro_rules! errln {
    () => { $crate::output::err("\n") };
    ($($arg:tt)*) => { $crate::output::err(&format!("{}\n", format_args!($($arg)*))) };
}

/// Prints to standard error, sanitised, without a newline.
#[macro_export]
macro_rules! err {
    ($($arg:tt)*) => { $crate::output::err(&format!($($arg)*)) };
}

/// Loads a scenario file for a command, printing its diagnostics (warnings too) to
/// standard error; the error is the exit code to use (1 for errors in the file, 2 when it
/// cannot be read).
pub fn load_or_report(path: &Path) -> Result<Arc<Scenario>, ExitCode> {
    load_or_report_in(path, None)
}

/// The language of messages about a scenario not read yet: the one asked for, else the
/// environment's.
pub fn before_loading(lang: Option<&str>) -> crate::i18n::Lang {
    lang.and_then(crate::i18n::Lang::from_tag)
        .unwrap_or_else(crate::wall::env_lang)
}

/// The short error a command ends with when its scenario has errors (they were shown).
pub fn has_errors(lang: Option<&str>) -> String {
    crate::tr!(before_loading(lang), "load-errors")
}

/// [`load_or_report`] in a language (`--lang`): the translation beside the file when there
/// is one; without one, a one-line warning and the scenario's own language.
pub fn load_or_report_in(path: &Path, lang: Option<&str>) -> Result<Arc<Scenario>, ExitCode> {
    let loaded = crate::stdio::load_scenario(path, lang);
    let shown = if crate::stdio::is_dash(path) {
        crate::stdio::STDIN_NAME.to_string()
    } else {
        path.display().to_string()
    };
    let says = before_loading(lang);
    match loaded.scenario {
        Some(s) => {
            if let Some(l) = lang
                && !crate::scenario::translation::same_language(l, &s.meta.language)
            {
                errln!(
                    "{}",
                    crate::tr!(
                        says,
                        "load-no-translation",
                        path = shown.as_str(),
                        asked = l,
                        language = &s.meta.language
                    )
                );
            }
            if loaded.report.warnings() > 0 {
                err(&loaded.report.render_text(RENDER_WIDTH));
            }
            Ok(s)
        }
        None => {
            err(&loaded.report.render_text(RENDER_WIDTH));
            errln!(
                "{}",
                crate::tr!(says, "load-has-errors", path = shown.as_str())
            );
            Err(ExitCode::from(if loaded.io_error { 2 } else { 1 }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(chunks: &[&[u8]]) -> String {
        let mut buf = Vec::new();
        {
            let mut w = Sanitized::new(&mut buf);
            for c in chunks {
                w.write_all(c).unwrap();
            }
        }
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn controls_become_placeholders_and_lines_stay() {
        assert_eq!(
            through(&[b"a\x1b]0;t\x07b\r\nc\td\n"]),
            "a\u{241b}]0;t\u{2407}b\nc\td\n"
        );
        assert_eq!(
            through(&["x\u{202e}y\u{9b}z".as_bytes()]),
            "x\u{fffd}y\u{fffd}z"
        );
    }

    #[test]
    fn split_characters_and_line_ends_are_joined() {
        let e = "é中🙂".as_bytes();
        let chunks: Vec<&[u8]> = e.chunks(1).collect();
        assert_eq!(through(&chunks), "é中🙂");
        assert_eq!(through(&[b"a\r", b"\nb"]), "a\nb");
        assert_eq!(through(&[b"a\r", b"b"]), "a\u{240d}b");
        assert_eq!(through(&[b"a\r"]), "a\u{240d}");
        assert_eq!(through(&[b"bad \xff here"]), "bad \u{fffd} here");
    }
}
