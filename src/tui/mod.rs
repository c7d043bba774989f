//! The facilitator console (`downtime play`) and the presenter view (`downtime present`).
//!
//! Elm-style: the [`App`] is the model, [`Msg`] the messages, [`App::update`] the only code
//! that changes the model (engine changes are [`Command`](crate::engine::Command)s sent to a
//! journaled session), and [`view::draw`] a pure function that draws it. The runner below
//! feeds terminal events and the real-time clock in; it blocks while nothing is timed.

pub mod actions;
pub mod app;
pub mod briefing;
pub mod curveball;
pub mod hosted;
pub mod input;
pub mod keys;
pub mod link;
pub mod lookahead;
pub mod picker;
pub mod plan;
pub mod projector;
pub mod seats;
pub mod terminal;
pub mod theme;
pub mod update;
pub mod view;
pub mod words;
pub mod wrap;

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event as TermEvent};

use crate::i18n::Lang;
use crate::journal::{self, Session, SessionError};
use crate::scenario::Scenario;
use crate::{errln, outln, tr};

pub use app::{App, Config, JournalChoice};
pub use theme::{DisplayOptions, Glyphs, Theme};
pub use update::Msg;

/// What `downtime play` is asked to do.
#[derive(Clone, Debug, Default)]
pub struct PlayOptions {
    /// A scenario file (default: the picker). With `resume`, the scenario to use when the
    /// journal's own cannot be found.
    pub scenario: Option<PathBuf>,
    /// Seed of the exercise (default: a fresh one).
    pub seed: Option<u64>,
    /// A new journal to write (default: a fresh file in the data folder).
    pub journal: Option<PathBuf>,
    /// A journal to resume.
    pub resume: Option<PathBuf>,
    /// Resume even if the scenario changed since the journal was written.
    pub force: bool,
    /// Glyphs and theme asked for.
    pub display: DisplayOptions,
    /// Serve the seats (`--seats`): the console becomes the facilitator's client of a host.
    pub seats: Option<crate::host::Setup>,
    /// The language asked for (`--lang`): the scenario's translation, when it has one.
    pub lang: Option<String>,
}

/// What `downtime present` is asked to follow.
#[derive(Clone, Debug, Default)]
pub struct PresentOptions {
    /// The journal of the exercise being played, or a folder of journals.
    pub journal: Option<PathBuf>,
    /// Follow the journal a console has open in the data folder.
    pub latest: bool,
    /// The scenario, when the journal's own cannot be found.
    pub scenario: Option<PathBuf>,
    /// The large-type projector layout.
    pub large: bool,
    /// Glyphs and theme asked for.
    pub display: DisplayOptions,
    /// The language asked for (`--lang`).
    pub lang: Option<String>,
}

/// The language of what a command says before its console runs: `--lang` when it names a
/// language with a catalogue, else the scenario's once it is known, else the environment's.
fn said_in(asked: Option<&str>, scenario: Option<&Scenario>) -> Lang {
    Lang::choose(
        asked.and_then(Lang::from_tag),
        scenario.map(|s| s.meta.language.as_str()),
        crate::wall::env_lang(),
    )
}

/// How often `present` looks for a journal it waits for.
const WAIT_POLL: std::time::Duration = std::time::Duration::from_millis(300);

/// The journal `present` follows: the one given, or the one a console has open in a
/// folder; waits (saying so) while there is none yet. `None` when it cannot be.
fn present_target(opts: &PresentOptions) -> Result<(PathBuf, Option<PathBuf>), ExitCode> {
    let lang = said_in(opts.lang.as_deref(), None);
    let folder = match &opts.journal {
        None => Some(journal::default_dir()),
        Some(p) if p.is_dir() => Some(p.clone()),
        Some(_) => None,
    };
    if let Some(dir) = folder {
        let mut said = false;
        loop {
            if let Some(p) = journal::newest_open(&dir, crate::wall::now_ms()) {
                errln!(
                    "{}",
                    tr!(lang, "present-following", path = p.display().to_string())
                );
                return Ok((p, Some(dir)));
            }
            if !said {
                errln!(
                    "{}",
                    tr!(
                        lang,
                        "present-waiting-folder",
                        dir = dir.display().to_string()
                    )
                );
                said = true;
            }
            std::thread::sleep(WAIT_POLL);
        }
    }
    let Some(path) = opts.journal.clone() else {
        return Err(ExitCode::from(2));
    };
    if !path.exists() {
        let parent_ok = path
            .parent()
            .is_none_or(|d| d.as_os_str().is_empty() || d.is_dir());
        if !parent_ok || path.extension().and_then(|e| e.to_str()) != Some("jsonl") {
            errln!(
                "{}",
                tr!(
                    lang,
                    "present-no-journal",
                    path = path.display().to_string()
                )
            );
            return Err(ExitCode::from(2));
        }
        errln!(
            "{}",
            tr!(
                lang,
                "present-waiting-journal",
                path = path.display().to_string()
            )
        );
        while !(path.is_file() && journal::read_journal(&path).is_ok()) {
            std::thread::sleep(WAIT_POLL);
        }
    }
    Ok((path, None))
}

/// `downtime play`.
pub fn play(opts: &PlayOptions) -> ExitCode {
    // Seats are served only for a console that can run.
    if opts.seats.is_some()
        && let Err(code) = usable_terminal(said_in(opts.lang.as_deref(), None))
    {
        return code;
    }
    match prepare_play(opts) {
        Ok(mut app) => {
            app.lang_asked = opts.lang.as_deref().and_then(Lang::from_tag);
            app.env_lang = crate::wall::env_lang();
            run_console(app)
        }
        Err(code) => code,
    }
}

/// `downtime present`.
pub fn present(opts: &PresentOptions) -> ExitCode {
    if !crate::output::stdout_is_terminal() || !std::io::stdin().is_terminal() {
        // No waiting without a terminal: a journal that cannot be read is named first.
        if let Some(p) = opts.journal.as_ref().filter(|p| !p.is_dir())
            && let Err(e) = journal::read_journal(p)
        {
            errln!("downtime present: {e}");
            return ExitCode::from(2);
        }
        errln!(
            "{}",
            tr!(
                said_in(opts.lang.as_deref(), None),
                "present-needs-terminal"
            )
        );
        return ExitCode::from(2);
    }
    let (path, folder) = match present_target(opts) {
        Ok(t) => t,
        Err(c) => return c,
    };
    let read = match journal::read_journal(&path) {
        Ok(r) => r,
        Err(e) => {
            errln!("downtime present: {e}");
            return ExitCode::from(2);
        }
    };
    let scenario = match scenario_for(&path, &read.header, opts.scenario.as_deref()) {
        Ok(s) => s,
        Err(c) => return c,
    };
    let mut follower = match link::Follower::open(&path, scenario) {
        Ok(f) => f,
        Err(e) => {
            errln!("downtime present: {e}");
            return ExitCode::from(1);
        }
    };
    follower.folder = folder;
    follower.explicit_scenario = opts.scenario.clone();
    let mut app = App::follow(follower, Theme::from_env(opts.display));
    app.lang_asked = opts.lang.as_deref().and_then(Lang::from_tag);
    app.env_lang = crate::wall::env_lang();
    app.large = opts.large;
    app.notice = Some(app::Notice {
        text: tr!(
            app.lang(),
            "console-following",
            path = path.display().to_string()
        ),
        error: false,
        warn: false,
    });
    run_console(app)
}

/// The scenario a journal was recorded with, found as `report` finds it (the `--scenario`
/// file, the recorded source, or a bundled scenario with the same hash); warnings printed.
fn scenario_for(
    path: &Path,
    header: &journal::Header,
    explicit: Option<&Path>,
) -> Result<Arc<Scenario>, ExitCode> {
    match journal::source::find(path, header, explicit) {
        Ok(found) => {
            let lang = crate::i18n::Lang::of_scenario(&found.scenario);
            for w in &found.warnings {
                errln!("{}", crate::tr!(lang, "warning-line", text = w.text(lang)));
            }
            Ok(found.scenario)
        }
        Err(e) => {
            errln!("downtime: {e}");
            Err(ExitCode::from(2))
        }
    }
}

/// Builds the console for `downtime play`, printing problems as plain text before any
/// full-screen UI.
fn prepare_play(opts: &PlayOptions) -> Result<App, ExitCode> {
    let theme = Theme::from_env(opts.display);
    let mut config = Config {
        seed: opts.seed,
        journal: JournalChoice::Default,
    };
    if let Some(p) = &opts.journal {
        if p.exists() {
            errln!(
                "{}",
                tr!(
                    said_in(opts.lang.as_deref(), None),
                    "play-journal-exists",
                    path = p.display().to_string()
                )
            );
            return Err(ExitCode::from(2));
        }
        config.journal = JournalChoice::At(p.clone());
    }
    if let Some(path) = &opts.resume {
        let read = journal::read_journal(path).map_err(|e| {
            errln!("downtime play: {e}");
            ExitCode::from(2)
        })?;
        if let Some(w) = &read.warning {
            errln!("warning: {w}");
        }
        let scenario = scenario_for(path, &read.header, opts.scenario.as_deref())?;
        let session = Session::resume(scenario, path, &read, opts.force).map_err(|e| {
            errln!("downtime play: {e}");
            ExitCode::from(match e {
                SessionError::Locked(_) | SessionError::Journal { .. } => 2,
                _ => 1,
            })
        })?;
        if let Some(setup) = &opts.seats {
            let source = session.header().scenario_source.clone();
            return hosted_app(session, setup, source, false, theme, None);
        }
        let mut app = App::session(session, theme);
        app.config.seed = opts.seed;
        return Ok(app);
    }
    if let (Some(setup), Some(path)) = (&opts.seats, &opts.scenario) {
        let scenario = crate::output::load_or_report_in(path, opts.lang.as_deref())?;
        let source = std::fs::canonicalize(path)
            .unwrap_or_else(|_| path.clone())
            .display()
            .to_string();
        let seed = opts.seed.unwrap_or_else(crate::wall::fresh_seed);
        let journal = opts
            .journal
            .clone()
            .unwrap_or_else(|| journal::fresh_path(&scenario.meta.id, seed));
        let session = Session::create(
            scenario,
            &source,
            seed,
            &journal,
            crate::wall::started_now(),
        )
        .map_err(|e| {
            errln!("downtime play: {e}");
            ExitCode::from(2)
        })?;
        let in_data_folder = opts.journal.is_none();
        return hosted_app(session, setup, source, in_data_folder, theme, Some(journal));
    }
    if opts.seats.is_some() {
        errln!(
            "{}",
            tr!(
                said_in(opts.lang.as_deref(), None),
                "play-seats-need-scenario"
            )
        );
        return Err(ExitCode::from(2));
    }
    if let Some(path) = &opts.scenario {
        let scenario = crate::output::load_or_report_in(path, opts.lang.as_deref())?;
        let source = std::fs::canonicalize(path)
            .unwrap_or_else(|_| path.clone())
            .display()
            .to_string();
        return Ok(App::briefing(scenario, source, config, theme));
    }
    let ui = said_in(opts.lang.as_deref(), None);
    let picker = picker::Picker::discover_for(Path::new("scenarios"), opts.lang.as_deref(), ui);
    Ok(App::picker(picker, config, theme))
}

/// The console as the facilitator's client of a host serving `session`'s seats. A host that
/// cannot start (the address is taken) is said before any full-screen UI; the journal just
/// `created` for it (`None` when resuming) is removed then, since nothing was played.
fn hosted_app(
    session: Session,
    setup: &crate::host::Setup,
    source: String,
    in_data_folder: bool,
    theme: Theme,
    created: Option<PathBuf>,
) -> Result<App, ExitCode> {
    let journal = session.path().map(|p| p.to_path_buf());
    let resumed = session.resumed().cloned();
    let launched = match crate::host::launch(session, setup) {
        Ok(l) => l,
        Err(e) => {
            if let Some(p) = created {
                let _ = std::fs::remove_file(&p);
            }
            errln!("downtime play: {e}");
            return Err(ExitCode::from(2));
        }
    };
    let started = launched.lines(setup);
    let hosted = hosted::Hosted::new(
        launched,
        journal,
        resumed,
        started,
        setup.seats_file.clone(),
    )
    .map_err(|e| {
        errln!("downtime play: {e}");
        ExitCode::from(2)
    })?;
    Ok(App::hosted(hosted, source, in_data_folder, theme))
}

/// Runs a console in the terminal and prints where the journal is afterwards.
fn run_console(app: App) -> ExitCode {
    let lang = app.lang();
    if let Err(code) = usable_terminal(lang) {
        return code;
    }
    terminal::install_panic_hook();
    if let Err(e) = terminal::install_signal_handlers() {
        errln!("{}", tr!(lang, "console-no-signals", error = e.to_string()));
        return ExitCode::from(2);
    }
    let guard = match terminal::enter() {
        Ok(g) => g,
        Err(e) => {
            errln!(
                "{}",
                tr!(lang, "console-no-terminal-setup", error = e.to_string())
            );
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
            errln!(
                "{}",
                tr!(lang, "console-terminal-error", error = e.to_string())
            );
            ExitCode::from(2)
        }
    }
}

/// Whether the console can run here: a terminal on both ends that can draw it (said in
/// `lang` when not).
fn usable_terminal(lang: Lang) -> Result<(), ExitCode> {
    let term = std::env::var("TERM").ok();
    if !crate::output::stdout_is_terminal() || !std::io::stdin().is_terminal() {
        errln!("{}", tr!(lang, "console-needs-terminal"));
        return Err(ExitCode::from(2));
    }
    if theme::unusable_terminal(term.as_deref()) {
        errln!(
            "{}",
            tr!(
                lang,
                "console-unusable-terminal",
                term = term.as_deref().unwrap_or("")
            )
        );
        return Err(ExitCode::from(2));
    }
    Ok(())
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
    let lang = app.lang();
    outln!("{}", tr!(lang, "exit-journal", path = &shown));
    if over {
        outln!("{}", tr!(lang, "exit-report", path = &shown));
    } else {
        outln!("{}", tr!(lang, "exit-resume", path = &shown));
    }
}

/// The real time to feed the model, when an exercise runs, after the wall clock.
fn real_now(app: &mut App) -> Option<u64> {
    let wall = app::WallNow {
        ms: crate::wall::now_ms(),
        offset_s: crate::wall::local_offset_s(),
    };
    app.update(Msg::Wall(wall));
    app.play().map(|p| p.link.real_now(wall.ms))
}

/// The live console's clock for a `quit` heartbeat after a signal: only once its `open`
/// heartbeat is written and until the exercise ends.
fn live_clock(app: &App) -> Option<terminal::LastClock> {
    let play = app.play()?;
    if play.link.read_only() || !play.ui.clock.opened || play.ex().is_over() {
        return None;
    }
    Some(terminal::LastClock {
        path: play.link.journal_path()?.to_path_buf(),
        real: app.real,
        at: std::time::Instant::now(),
    })
}

fn journal_name(app: &App) -> Option<PathBuf> {
    app.journal_path()
}

fn event_loop(mut app: App) -> std::io::Result<App> {
    let mut term = Terminal::new(CrosstermBackend::new(crate::output::console()))?;
    let size = term.size()?;
    app.update(Msg::Resize(size.width, size.height));
    let mut named: Option<PathBuf> = None;
    loop {
        // Updates journal commands: a signal waits until they are on disk.
        let busy = terminal::DRAW_LOCK.lock();
        if let Some(t) = real_now(&mut app) {
            app.update(Msg::Tick(t));
        }
        if app.refreshes() {
            app.update(Msg::Refresh);
        }
        if let Ok(mut g) = terminal::LAST_CLOCK.lock() {
            *g = live_clock(&app);
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
            let _busy = terminal::DRAW_LOCK.lock();
            app.update(Msg::Closing);
            return Ok(app);
        }
        if app.suspend {
            terminal::suspend()?;
            term.clear()?;
            let _busy = terminal::DRAW_LOCK.lock();
            let t = real_now(&mut app).unwrap_or(app.real);
            app.update(Msg::Continued(t));
            continue;
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
        if let Some(t) = real_now(&mut app) {
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
