//! The facilitator console (`downtime play`) and the presenter view (`downtime present`).
//!
//! Elm-style: the [`App`] is the model, [`Msg`] the messages, [`App::update`] the only code
//! that changes the model (engine changes are [`Command`](crate::engine::Command)s sent to a
//! journaled session), and [`view::draw`] a pure function that draws it. The runner below
//! feeds terminal events and the real-time clock in; it blocks while nothing is timed.

pub mod app;
pub mod briefing;
pub mod input;
pub mod keys;
pub mod link;
pub mod picker;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod wrap;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event as TermEvent};

use crate::cli::{PlayArgs, PresentArgs};
use crate::journal::{self, Session};
use crate::scenario::Scenario;
use crate::text::sanitize_line;

pub use app::{App, Config, JournalChoice};
pub use theme::Theme;
pub use update::Msg;

/// `downtime play`.
pub fn play(args: &PlayArgs) -> ExitCode {
    match prepare_play(args) {
        Ok(app) => run_console(app),
        Err(code) => code,
    }
}

/// `downtime present`.
pub fn present(args: &PresentArgs) -> ExitCode {
    let read = match journal::read_journal(&args.journal) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("downtime present: {}", sanitize_line(&e.to_string()));
            return ExitCode::from(2);
        }
    };
    let scenario = match scenario_for(&read.header.scenario_source, args.scenario.as_deref()) {
        Ok(s) => s,
        Err(c) => return c,
    };
    if scenario.meta.id != read.header.scenario_id {
        eprintln!(
            "downtime present: the journal is for scenario `{}`, not `{}`",
            sanitize_line(&read.header.scenario_id),
            sanitize_line(&scenario.meta.id)
        );
        return ExitCode::from(1);
    }
    let follower = match link::Follower::open(&args.journal, scenario) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("downtime present: {}", sanitize_line(&e));
            return ExitCode::from(1);
        }
    };
    run_console(App::follow(follower, Theme::from_env()))
}

/// Loads the scenario a journal names (`bundled:NAME` or a path), or the one given.
fn scenario_for(source: &str, explicit: Option<&Path>) -> Result<Arc<Scenario>, ExitCode> {
    if let Some(p) = explicit {
        return crate::cli::check::load_or_report(p);
    }
    if let Some(name) = source.strip_prefix("bundled:") {
        let Some(b) = crate::bundled::find(name) else {
            eprintln!(
                "downtime: the journal's scenario `{}` is not bundled with this version; pass --scenario FILE",
                sanitize_line(source)
            );
            return Err(ExitCode::from(2));
        };
        let loaded = b.load();
        return loaded.scenario.ok_or_else(|| {
            eprint!(
                "{}",
                crate::text::sanitize_block(
                    &loaded.report.render_text(crate::cli::check::RENDER_WIDTH)
                )
            );
            ExitCode::from(1)
        });
    }
    crate::cli::check::load_or_report(Path::new(source))
}

/// Builds the console for `downtime play`, printing problems as plain text before any
/// full-screen UI.
fn prepare_play(args: &PlayArgs) -> Result<App, ExitCode> {
    let theme = Theme::from_env();
    let mut config = Config {
        seed: args.seed,
        journal: JournalChoice::Default,
    };
    if let Some(p) = &args.journal {
        if p.exists() {
            eprintln!(
                "downtime play: {} already exists; pass --resume {} to continue it, or another --journal",
                sanitize_line(&p.display().to_string()),
                sanitize_line(&p.display().to_string())
            );
            return Err(ExitCode::from(2));
        }
        config.journal = JournalChoice::At(p.clone());
    }
    if let Some(path) = &args.resume {
        let read = journal::read_journal(path).map_err(|e| {
            eprintln!("downtime play: {}", sanitize_line(&e.to_string()));
            ExitCode::from(2)
        })?;
        if let Some(w) = &read.warning {
            eprintln!("warning: {}", sanitize_line(w));
        }
        let scenario = scenario_for(&read.header.scenario_source, args.scenario.as_deref())?;
        let session = Session::resume(scenario, path, &read, args.force).map_err(|e| {
            eprintln!("downtime play: {}", sanitize_line(&e.to_string()));
            ExitCode::from(1)
        })?;
        let mut app = App::session(session, theme);
        app.config.seed = args.seed;
        return Ok(app);
    }
    if let Some(path) = &args.scenario {
        let scenario = crate::cli::check::load_or_report(path)?;
        let source = std::fs::canonicalize(path)
            .unwrap_or_else(|_| path.clone())
            .display()
            .to_string();
        return Ok(App::briefing(scenario, source, config, theme));
    }
    let picker = picker::Picker::discover(Path::new("scenarios"));
    Ok(App::picker(picker, config, theme))
}

/// Runs a console in the terminal and prints where the journal is afterwards.
fn run_console(app: App) -> ExitCode {
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        eprintln!(
            "downtime: the console needs a terminal; use `downtime run` for a plain transcript"
        );
        return ExitCode::from(2);
    }
    terminal::install_panic_hook();
    if let Err(e) = terminal::install_signal_handlers() {
        eprintln!("downtime: cannot handle signals: {e}");
        return ExitCode::from(2);
    }
    let guard = match terminal::enter() {
        Ok(g) => g,
        Err(e) => {
            eprintln!("downtime: cannot set up the terminal: {e}");
            return ExitCode::from(2);
        }
    };
    let result = event_loop(app);
    drop(guard);
    match result {
        Ok(app) => {
            after_exit(&app);
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("downtime: terminal error: {e}");
            ExitCode::from(2)
        }
    }
}

fn after_exit(app: &App) {
    let Some(path) = app.journal_path() else {
        return;
    };
    let shown = path.display().to_string();
    if app.read_only() {
        return;
    }
    let over = app.play().is_some_and(|p| p.ex().is_over());
    println!("Journal: {shown}");
    if over {
        println!("Report:  downtime report {shown}");
    } else {
        println!("Resume:  downtime play --resume {shown}");
    }
}

/// The real time to feed the model, when an exercise runs.
fn real_now(app: &App) -> Option<u64> {
    app.play().map(|p| p.link.real_now())
}

fn journal_name(app: &App) -> Option<PathBuf> {
    app.journal_path()
}

fn event_loop(mut app: App) -> std::io::Result<App> {
    let mut term = Terminal::new(CrosstermBackend::new(std::io::stdout()))?;
    let size = term.size()?;
    app.update(Msg::Resize(size.width, size.height));
    let mut named: Option<PathBuf> = None;
    loop {
        // Updates journal commands: a signal waits until they are on disk.
        let busy = terminal::DRAW_LOCK.lock();
        if let Some(t) = real_now(&app) {
            app.update(Msg::Tick(t));
        }
        if app.read_only() {
            app.update(Msg::Refresh);
        }
        let j = journal_name(&app);
        if j != named {
            if let Ok(mut g) = terminal::JOURNAL.lock() {
                *g = j.as_ref().map(|p| p.display().to_string());
            }
            named = j;
        }
        term.draw(|f| view::draw(f, &app))?;
        drop(busy);
        if app.quit {
            return Ok(app);
        }
        let ev = match app.next_wakeup() {
            Some(d) => {
                if event::poll(d)? {
                    Some(event::read()?)
                } else {
                    None
                }
            }
            None => Some(event::read()?),
        };
        let Some(ev) = ev else {
            continue;
        };
        let _busy = terminal::DRAW_LOCK.lock();
        if let Some(t) = real_now(&app) {
            app.update(Msg::Tick(t));
        }
        match ev {
            TermEvent::Key(k) => app.update(Msg::Key(k)),
            TermEvent::Mouse(m) => app.update(Msg::Mouse(m)),
            TermEvent::Resize(w, h) => {
                app.update(Msg::Resize(w, h));
                term.autoresize()?;
            }
            _ => {}
        }
    }
}
