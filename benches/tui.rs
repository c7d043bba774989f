//! Console budgets: a full render of the exercise screen at 160×48 (< 0.5 ms), start to
//! first frame (< 50 ms: picker discovery, app construction, first draw), and the bytes one
//! selection move writes to the terminal (< 1 KB, asserted).

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use criterion::{Criterion, criterion_group, criterion_main};
use downtime::bundled;
use downtime::scenario::Scenario;
use downtime::tui::picker::Picker;
use downtime::tui::{App, Config, JournalChoice, Msg, Theme, view};
use ratatui::Terminal;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::crossterm::event::KeyCode;

fn tutorial() -> Arc<Scenario> {
    bundled::find("tutorial").unwrap().load().scenario.unwrap()
}

fn config() -> Config {
    Config {
        seed: Some(7),
        journal: JournalChoice::Off,
    }
}

/// The tutorial started, isolated, two more injects in: a busy exercise screen.
fn midway(theme: Theme) -> App {
    midway_of(tutorial(), "bundled:tutorial.ron", theme)
}

/// A bundled scenario in one of its translations (`fr`, `zh`), three injects in.
fn translated(name: &str, tag: &str) -> App {
    let b = bundled::find(name).unwrap();
    let sc = b.load_translated(Some(tag)).scenario.unwrap();
    let mut a = App::briefing(sc, b.source(), config(), Theme::colours());
    for c in "snnn".chars() {
        a.press(KeyCode::Char(c));
        if a.overlay.is_some() {
            // A jump that would time a decision out asks first: yes.
            a.press(KeyCode::Char('y'));
        }
    }
    a.update(Msg::Tick(200_000));
    a
}

fn midway_of(sc: Arc<Scenario>, source: &str, theme: Theme) -> App {
    let mut a = App::briefing(sc, source.into(), config(), theme);
    for c in "s1nn".chars() {
        a.press(KeyCode::Char(c));
    }
    a.update(Msg::Tick(200_000));
    a
}

/// Counts the bytes written to the terminal.
#[derive(Default)]
struct Counting {
    bytes: Arc<AtomicUsize>,
}

impl Write for Counting {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bytes.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Bytes written by the frame after `key`, once `setup` keys were pressed.
fn move_bytes(theme: Theme, setup: &[KeyCode], key: KeyCode) -> usize {
    let mut app = midway(theme);
    for k in setup {
        app.press(*k);
    }
    app.update(Msg::Resize(160, 48));
    let counter = Counting::default();
    let bytes = Arc::clone(&counter.bytes);
    let mut term = Terminal::with_options(
        CrosstermBackend::new(counter),
        ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::new(0, 0, 160, 48)),
        },
    )
    .unwrap();
    term.draw(|f| view::draw(f, &app)).unwrap();
    let before = bytes.load(Ordering::Relaxed);
    app.press(key);
    term.draw(|f| view::draw(f, &app)).unwrap();
    bytes.load(Ordering::Relaxed) - before
}

/// CPU time this thread has run, in nanoseconds (Linux `schedstat`), so that a figure can be
/// given even when other processes share the cores and inflate wall-clock times.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn benches(c: &mut Criterion) {
    // Every word on screen is a catalogue lookup: the budget holds in each language.
    for (label, mut app) in [
        ("", midway(Theme::colours())),
        (
            ", French flagship",
            translated("saturday-night-blackout", "fr"),
        ),
        (", Chinese tutorial", translated("tutorial", "zh")),
    ] {
        app.update(Msg::Resize(160, 48));
        let mut term = Terminal::new(TestBackend::new(160, 48)).unwrap();
        let name = format!("exercise screen full render 160x48{label}");
        c.bench_function(&name, |b| {
            b.iter(|| {
                term.clear().unwrap();
                term.draw(|f| view::draw(f, &app)).unwrap();
            })
        });
        if let Some(start) = thread_cpu_ns() {
            const N: u64 = 2000;
            for _ in 0..N {
                term.clear().unwrap();
                term.draw(|f| view::draw(f, &app)).unwrap();
            }
            if let Some(end) = thread_cpu_ns() {
                println!(
                    "{name}: {:.3} ms of CPU time each (mean of {N})",
                    (end - start) as f64 / N as f64 / 1e6
                );
            }
        }
    }
    let mut app = midway(Theme::colours());
    app.update(Msg::Resize(160, 48));
    let mut term = Terminal::new(TestBackend::new(160, 48)).unwrap();
    c.bench_function("exercise screen redraw 160x48 (diffed)", |b| {
        b.iter(|| {
            term.draw(|f| view::draw(f, &app)).unwrap();
        })
    });
    c.bench_function("start to first frame (picker, 80x24)", |b| {
        b.iter(|| {
            let picker = Picker::discover(std::path::Path::new("scenarios"));
            let mut app = App::picker(picker, config(), Theme::colours());
            app.update(Msg::Resize(80, 24));
            let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
            t.draw(|f| view::draw(f, &app)).unwrap();
        })
    });
    c.bench_function("start to first frame (scenario given, 80x24)", |b| {
        b.iter(|| {
            let mut app = App::briefing(
                tutorial(),
                "bundled:tutorial.ron".into(),
                config(),
                Theme::colours(),
            );
            app.update(Msg::Resize(80, 24));
            let mut t = Terminal::new(TestBackend::new(80, 24)).unwrap();
            t.draw(|f| view::draw(f, &app)).unwrap();
        })
    });
    for (name, theme) in [("colour", Theme::colours()), ("NO_COLOR", Theme::plain())] {
        // The highlight moving between the options of the decision.
        let option = move_bytes(theme, &[KeyCode::Tab, KeyCode::Tab], KeyCode::Down);
        println!("option highlight moved by one at 160x48 ({name}): {option} bytes");
        assert!(option < 1024, "{option} bytes (budget 1 KB)");
        // The feed selection moving by one: the inject panel then shows another inject, so
        // its text is redrawn too.
        let feed = move_bytes(theme, &[], KeyCode::Down);
        println!("feed selection moved by one at 160x48 ({name}): {feed} bytes");
    }
}

criterion_group!(tui, benches);
criterion_main!(tui);
