//! The console's model: which screen is shown, the overlays, and the state of each screen.
//! Views read it ([`super::view`]); only [`App::update`](super::update) changes it.

use crate::i18n::Lang;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;

use crate::audience::Audience;
use crate::engine::{Exercise, RealMs, Status};
use crate::journal::Session;
use crate::scenario::Scenario;
use crate::scenario::time::Secs;

use super::briefing::Briefing;
use super::curveball::CurveballPicker;
use super::input::Input;
use super::link::{Follower, Link};
use super::lookahead::Change;
use super::picker::Picker;
use super::theme::Theme;

/// Smallest usable terminal.
pub const MIN_SIZE: (u16, u16) = (80, 24);

/// Where new journals go.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum JournalChoice {
    /// A fresh file in the data directory.
    #[default]
    Default,
    /// This file (it must not exist).
    At(PathBuf),
    /// No journal (tests and benches).
    Off,
}

/// Settings from the command line.
#[derive(Clone, Debug, Default)]
pub struct Config {
    /// The seed, when given.
    pub seed: Option<u64>,
    /// Where the journal goes.
    pub journal: JournalChoice,
}

/// The screens.
#[derive(Debug)]
pub enum Screen {
    /// Choosing a scenario.
    Picker(Picker),
    /// Setting up the exercise.
    Briefing(Box<Briefing>),
    /// The exercise, its phase breaks and its end.
    Play(Box<Play>),
}

/// Which panel of the exercise screen has the arrow keys.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Focus {
    /// The inject feed.
    #[default]
    Feed,
    /// The selected inject's text.
    Detail,
    /// The decision's options.
    Decision,
}

impl Focus {
    /// The next panel (`dir` 1) or the previous (`-1`).
    pub fn cycle(self, dir: i32) -> Focus {
        const ORDER: [Focus; 3] = [Focus::Feed, Focus::Detail, Focus::Decision];
        let i = ORDER.iter().position(|f| *f == self).unwrap_or(0) as i32;
        ORDER[(i + dir).rem_euclid(3) as usize]
    }
}

/// The tabs of the end screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EndTab {
    /// Ending, debrief, score, grade, ratings.
    #[default]
    Summary,
    /// Best-practice checks with their lessons.
    Checks,
    /// Every metric over scenario time.
    Charts,
    /// Each team's decisions and times to decide.
    Decisions,
}

impl EndTab {
    /// Every tab, in order.
    pub const ALL: [EndTab; 4] = [
        EndTab::Summary,
        EndTab::Checks,
        EndTab::Charts,
        EndTab::Decisions,
    ];

    /// The tab's title.
    pub fn title(self, lang: Lang) -> String {
        match self {
            EndTab::Summary => crate::tr!(lang, "end-tab-summary"),
            EndTab::Checks => crate::tr!(lang, "end-tab-checks"),
            EndTab::Charts => crate::tr!(lang, "end-tab-charts"),
            EndTab::Decisions => crate::tr!(lang, "end-tab-decisions"),
        }
    }

    /// The next (`1`) or previous (`-1`) tab.
    pub fn cycle(self, dir: i32) -> EndTab {
        let i = Self::ALL.iter().position(|t| *t == self).unwrap_or(0) as i32;
        Self::ALL[(i + dir).rem_euclid(4) as usize]
    }
}

/// Real-time pacing: the console steps the clock as real time passes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pacing {
    /// Whether pacing is on.
    pub on: bool,
    /// Scenario minutes per real minute.
    pub speed: u32,
    /// Real milliseconds accumulated towards the next step.
    pub carry: RealMs,
    /// Real time of the last tick counted.
    pub last: Option<RealMs>,
}

/// Speeds offered for pacing (scenario minutes per real minute).
pub const SPEEDS: [u32; 9] = [1, 2, 5, 10, 15, 30, 60, 120, 240];

impl Default for Pacing {
    fn default() -> Self {
        Pacing {
            on: false,
            speed: 15,
            carry: 0,
            last: None,
        }
    }
}

impl Pacing {
    /// Real milliseconds one step of `step` scenario seconds lasts at this speed.
    pub fn step_ms(&self, step: i64) -> RealMs {
        (step.max(1) as u64 * 1000 / u64::from(self.speed.max(1))).max(1)
    }
}

/// The exercise screen's own state (everything that is not the exercise).
#[derive(Debug, Default)]
pub struct PlayUi {
    /// The panel with the arrow keys.
    pub focus: Focus,
    /// The inject shown in full.
    pub selected: Option<u16>,
    /// Injects already looked at.
    pub read: BTreeSet<u16>,
    /// Scroll of the inject's text.
    pub detail_scroll: u16,
    /// Highlighted option of the active decision.
    pub option_cursor: usize,
    /// Options ticked on a decision with `pick` (decision, option indices in file order),
    /// taken together with Enter.
    pub ticked: Option<(u16, Vec<u16>)>,
    /// One line per notable event, oldest first (facilitator view).
    pub log: Vec<String>,
    /// Real-time pacing.
    pub pacing: Pacing,
    /// End screen tab.
    pub end_tab: EndTab,
    /// End screen scroll.
    pub end_scroll: u16,
    /// The exported report's path, or why it could not be written.
    pub report: Option<Result<PathBuf, String>>,
    /// Length of the feed last seen, to notice new injects.
    pub seen: usize,
    /// What the facilitator pinned on the projector (the presenter shows the newest inject
    /// when nothing is pinned).
    pub pin: Option<Pin>,
    /// The phase whose planned time running out was last said in the status bar.
    pub over_plan: Option<u16>,
    /// Times shown as `T+hh:mm` offsets rather than day and clock time (`t`).
    pub offsets: bool,
    /// The live console's heartbeats and view entries (see [`crate::journal::marks`]).
    pub clock: ClockUi,
    /// What the presenter knows of the console it follows.
    pub console: ConsoleState,
    /// Length of the exercise's log last seen, to tell the facilitator what the seats did.
    pub seen_log: usize,
}

/// Something pinned on the projector, by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pin {
    /// An inject (by index).
    Inject(u16),
    /// An inject's attachment (by the inject's index).
    Attachment(u16),
    /// A phase's discussion questions (by phase index).
    Questions(u16),
}

impl Pin {
    /// The inject it shows, if it is an inject or its attachment.
    pub fn inject(self) -> Option<u16> {
        match self {
            Pin::Inject(i) | Pin::Attachment(i) => Some(i),
            Pin::Questions(_) => None,
        }
    }
}

/// The live console's journal marks: when the last heartbeat was written, which selection
/// was journaled last.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClockUi {
    /// Whether the `open` heartbeat has been written.
    pub opened: bool,
    /// Wall-clock ms of the last heartbeat written.
    pub last_beat: Option<i64>,
    /// The selected inject as last journaled.
    pub journaled: Option<u16>,
    /// Wall-clock ms of the last view entry written.
    pub last_view: Option<i64>,
}

/// What a presenter knows of the console whose journal it follows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ConsoleState {
    /// No heartbeats (an older console, or not started): nothing is claimed.
    #[default]
    Unknown,
    /// Heartbeats arrive: the clock is the console's.
    Live,
    /// The console paused the exercise.
    Paused,
    /// The console was suspended, this many seconds ago.
    Suspended(u64),
    /// The console was closed, this many seconds ago.
    Closed(u64),
    /// No heartbeat for longer than expected; last seen this many seconds ago.
    Lost(u64),
}

impl ConsoleState {
    /// Whether the console's clock is no longer running here (countdowns frozen).
    pub fn gone(self) -> bool {
        matches!(
            self,
            ConsoleState::Suspended(_) | ConsoleState::Closed(_) | ConsoleState::Lost(_)
        )
    }
}

/// The wall clock, as the runner last read it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WallNow {
    /// Milliseconds since the Unix epoch (UTC).
    pub ms: i64,
    /// The local UTC offset, in seconds.
    pub offset_s: i32,
}

impl WallNow {
    /// The local time of day, `HH:MM:SS`.
    pub fn time_of_day(&self) -> String {
        let s = (self.ms / 1000 + i64::from(self.offset_s)).rem_euclid(86_400);
        format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    }
}

/// The exercise and the screen's state.
#[derive(Debug)]
pub struct Play {
    /// The exercise.
    pub link: Link,
    /// The screen's state.
    pub ui: PlayUi,
}

impl Play {
    /// The exercise.
    pub fn ex(&self) -> &Exercise {
        self.link.exercise()
    }

    /// The decision the number keys answer: the open decision of the inject shown, and
    /// no other (a decision and its message stay together; Tab shows another open one).
    pub fn active_decision(&self, presenter: bool) -> Option<u16> {
        let ex = self.ex();
        let i = self.shown(presenter)?;
        let d = ex.scenario().injects[i as usize].decision?;
        ex.pending().contains(&d).then_some(d)
    }

    /// The inject shown in the inject panel: on the presenter view, the one pinned on the
    /// projector (while it is in the feed); otherwise the selected one.
    pub fn shown(&self, presenter: bool) -> Option<u16> {
        let sc = self.ex().scenario();
        if presenter
            && let Some(i) = self.ui.pin.as_ref().and_then(|p| p.inject())
            && self.ex().state().feed.contains(&i)
            && Audience::Presenter.sees(&sc.injects[usize::from(i)])
        {
            return Some(i);
        }
        // A hidden inject is never on the projector, even while the facilitator reads it:
        // the projector then shows the newest message it may.
        match self.ui.selected {
            Some(i) if presenter && !Audience::Presenter.sees(&sc.injects[usize::from(i)]) => {
                self.feed_newest_first(true).next().map(|(i, _)| i)
            }
            s => s,
        }
    }

    /// The phase whose questions are pinned on the projector, if any (presenter view).
    pub fn pinned_questions(&self, presenter: bool) -> Option<u16> {
        match self.ui.pin {
            Some(Pin::Questions(p)) if presenter => Some(p),
            _ => None,
        }
    }

    /// The open decision after the one shown, in the order they opened (wrapping), whose
    /// inject Tab shows; `None` when no other decision is open.
    pub fn next_open_decision(&self, presenter: bool) -> Option<u16> {
        let pending = self.ex().pending();
        let cur = self.active_decision(presenter);
        let at = cur.and_then(|d| pending.iter().position(|x| *x == d));
        let n = pending.len();
        (0..n)
            .map(|k| pending[(at.map_or(0, |a| a + 1) + k) % n])
            .find(|d| Some(*d) != cur)
    }

    /// The open decision real-time pacing waits for, if any: the next step would reach its
    /// scenario-time limit while its real-time limit still runs. Pacing then holds the
    /// clock, so no decision times out by scenario time before its real time is up.
    pub fn pacing_waits(&self, real: RealMs) -> Option<u16> {
        let ex = self.ex();
        let step = ex.scenario().phases[ex.state().phase as usize].step;
        ex.pending().iter().copied().find(|&d| {
            ex.real_time_left(d, real).is_some_and(|left| left > 0)
                && ex.scenario_time_left(d).is_some_and(|left| left <= step)
        })
    }

    /// The feed, newest first, with each entry's firing time; the presenter's leaves out
    /// what only the facilitator sees (hidden injects).
    pub fn feed_newest_first(&self, presenter: bool) -> impl Iterator<Item = (u16, Secs)> + '_ {
        let sc = self.ex().scenario();
        let who = if presenter {
            Audience::Presenter
        } else {
            Audience::Facilitator
        };
        self.ex()
            .state()
            .feed_times()
            .into_iter()
            .rev()
            .filter(move |(i, _)| who.sees(&sc.injects[usize::from(*i)]))
    }
}

/// A yes/no question before something that cannot be taken back lightly.
#[derive(Clone, Debug, PartialEq)]
pub enum Confirm {
    /// Leave the console.
    Quit,
    /// Undo the last decision: what it would take back.
    Undo(Box<Change>),
    /// Rewind to a journal entry: what it would take back.
    Rewind(Box<Change>),
    /// A clock command (Space, `n`, `N`) that would time out open decisions, reach an
    /// ending or skip a phase: what it would do.
    Clock(Box<Change>),
    /// End the exercise now.
    EndNow,
    /// Reach the ending that waits although decisions are still open.
    Ending,
}

/// The metric override form.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OverrideForm {
    /// The metric, by index.
    pub metric: usize,
    /// `50` or `=50` sets, `+5` and `-5` adjust.
    pub value: Input,
    /// Why, for the report.
    pub reason: Input,
    /// 0 metric, 1 value, 2 reason.
    pub field: usize,
    /// What is wrong with the values.
    pub error: Option<String>,
}

/// The evaluator's form: rate one objective P/S/M/U, with a note.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RateForm {
    /// The objective, by index.
    pub objective: usize,
    /// The rating chosen, if any.
    pub rating: Option<crate::engine::Rating>,
    /// The evaluator's note.
    pub note: Input,
    /// 0 objective and rating, 1 note.
    pub field: usize,
    /// What is missing.
    pub error: Option<String>,
}

/// A window over the screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Overlay {
    /// Every key, scrolled by this many lines.
    Help(u16),
    /// Every metric, system, service and deadline, full-screen, scrolled by this many lines.
    Board(u16),
    /// A yes/no question.
    Confirm(Confirm),
    /// A facilitator's note being typed.
    Note(Input),
    /// A metric override.
    Override(OverrideForm),
    /// An objective being rated.
    Rate(RateForm),
    /// The curveball picker: the pool, then the injects that have not fired; a filter.
    Curveball(CurveballPicker),
    /// The cast: every character, with the facilitator's notes and secrets, scrolled.
    Cast(u16),
    /// The action menu: (action, team) rows, and the highlighted one.
    Actions {
        /// Action and team indices.
        rows: Vec<(u16, Option<u16>)>,
        /// Highlighted row.
        selected: usize,
    },
    /// The journal entries still in force, newest first, to rewind to one.
    Rewind {
        /// Entry numbers with what each did.
        entries: Vec<(u64, String)>,
        /// Highlighted row.
        selected: usize,
    },
    /// What can be shown on the projector, to pin one.
    Show {
        /// The choices, with their labels.
        items: Vec<(Option<Pin>, String)>,
        /// Highlighted row.
        selected: usize,
    },
    /// The session plan, scrolled by this many lines.
    Plan(u16),
    /// The seats (`play --seats`): links, codes, who joined, the votes; the highlighted
    /// seat, and whether its QR code is shown.
    Seats {
        /// Highlighted seat (presenter first, then the teams).
        selected: usize,
        /// Its QR code is drawn.
        qr: bool,
    },
    /// Why the facilitator overrules the room on a decision, being typed.
    Overrule {
        /// Decision index.
        decision: u16,
        /// Option indices (several for a decision with `pick`), in file order.
        option: Vec<u16>,
        /// What the room wanted, in words (the majority, or the lead's submission).
        room: String,
        /// The reason.
        reason: Input,
    },
    /// A broken scenario's diagnostics.
    Problems {
        /// The file.
        title: String,
        /// The diagnostics.
        text: String,
        /// Scroll.
        scroll: u16,
    },
}

/// A one-line message in the status bar, until the next key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The message.
    pub text: String,
    /// Whether it reports a failure.
    pub error: bool,
    /// Whether it reports something that happened by default (a timeout): shown without
    /// the success mark.
    pub warn: bool,
}

/// The whole console.
#[derive(Debug)]
pub struct App {
    /// The screen.
    pub screen: Screen,
    /// A window over it.
    pub overlay: Option<Overlay>,
    /// A message in the status bar.
    pub notice: Option<Notice>,
    /// Styles.
    pub theme: Theme,
    /// Spoiler-free projector view.
    pub presenter: bool,
    /// The large-type projector layout (presenter view only): the current message, its
    /// question and the countdown, nothing else.
    pub large: bool,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    /// Real milliseconds of the session, as of the last tick.
    pub real: RealMs,
    /// The wall clock, as of the last tick (unknown in tests that do not set it).
    pub wall: Option<WallNow>,
    /// Set when the console should close.
    pub quit: bool,
    /// Set when the console should suspend itself (Ctrl-Z); the runner clears it.
    pub suspend: bool,
    /// Settings from the command line.
    pub config: Config,
    /// The picker the briefing was opened from (Esc goes back to it).
    pub last_picker: Option<Picker>,
    /// The interface language asked for (`--lang`); without it, the scenario's.
    pub lang_asked: Option<Lang>,
    /// The environment's language (`LANG`), for the picker, where there is no scenario yet.
    pub env_lang: Lang,
}

impl App {
    fn with(screen: Screen, config: Config, theme: Theme) -> Self {
        App {
            screen,
            overlay: None,
            notice: None,
            theme,
            presenter: false,
            large: false,
            size: MIN_SIZE,
            real: 0,
            wall: None,
            quit: false,
            suspend: false,
            config,
            last_picker: None,
            lang_asked: None,
            env_lang: Lang::En,
        }
    }

    /// The interface's language: the one asked for, else the scenario's (its
    /// translation's), else the environment's.
    pub fn lang(&self) -> Lang {
        let scenario = match &self.screen {
            Screen::Picker(_) => None,
            Screen::Briefing(b) => Some(b.scenario.meta.language.as_str()),
            Screen::Play(p) => Some(p.ex().scenario().meta.language.as_str()),
        };
        Lang::choose(self.lang_asked, scenario, self.env_lang)
    }

    /// The console at the scenario picker.
    pub fn picker(picker: Picker, config: Config, theme: Theme) -> Self {
        Self::with(Screen::Picker(picker), config, theme)
    }

    /// The console at a scenario's briefing.
    pub fn briefing(scenario: Arc<Scenario>, source: String, config: Config, theme: Theme) -> Self {
        let seed = config.seed.unwrap_or_else(crate::wall::fresh_seed);
        let mut b = Briefing::new(scenario, source, seed);
        match &config.journal {
            JournalChoice::Default => {
                b.journal = Some(crate::journal::fresh_path(&b.scenario.meta.id, seed));
                b.in_data_folder = true;
            }
            JournalChoice::At(p) => b.journal = Some(p.clone()),
            JournalChoice::Off => {}
        }
        Self::with(Screen::Briefing(Box::new(b)), config, theme)
    }

    /// The console on an existing session (resumed, or started by a test).
    pub fn session(session: Session, theme: Theme) -> Self {
        let config = Config::default();
        if session.exercise().status() == Status::Briefing {
            let ex = session.exercise();
            let mut b = Briefing::new(
                Arc::clone(ex.scenario_arc()),
                session.header().scenario_source.clone(),
                ex.seed(),
            );
            b.journal = session.path().map(|p| p.to_path_buf());
            b.resumed = Some(session);
            return Self::with(Screen::Briefing(Box::new(b)), config, theme);
        }
        let mut app = Self::with(
            Screen::Play(Box::new(Play::new(Link::Live(session)))),
            config,
            theme,
        );
        app.real = app.play().map(|p| p.ex().state().real_now).unwrap_or(0);
        // What the projector was held on before the interruption stays held.
        if let Screen::Play(p) = &mut app.screen
            && let Some(path) = p.link.journal_path()
            && let Ok(bytes) = crate::scenario::load::read_capped(path, crate::journal::MAX_JOURNAL)
        {
            p.ui.pin = crate::journal::view::latest_pin(&bytes).and_then(|(kind, id)| {
                super::projector::resolve(p.link.exercise().scenario(), kind, &id)
            });
        }
        app
    }

    /// The console as the facilitator's client of a host serving seats (`play --seats`):
    /// at the briefing (seats shown first) or, resumed, in the exercise.
    pub fn hosted(
        hosted: super::hosted::Hosted,
        source: String,
        in_data_folder: bool,
        theme: Theme,
    ) -> Self {
        let config = Config::default();
        let ex = hosted.exercise();
        if ex.status() == Status::Briefing {
            let mut b = Briefing::new(Arc::clone(ex.scenario_arc()), source, ex.seed());
            b.journal = hosted.journal_path().map(|p| p.to_path_buf());
            b.in_data_folder = in_data_folder;
            b.focus = super::briefing::BriefFocus::Seats;
            b.hosted = Some(Box::new(hosted));
            return Self::with(Screen::Briefing(Box::new(b)), config, theme);
        }
        let real = ex.state().real_now;
        let mut app = Self::with(
            Screen::Play(Box::new(Play::new(Link::Hosted(Box::new(hosted))))),
            config,
            theme,
        );
        app.real = real;
        app
    }

    /// The host serving seats, when the console has one.
    pub fn hosted_link(&self) -> Option<&super::hosted::Hosted> {
        match &self.screen {
            Screen::Play(p) => p.link.hosted(),
            Screen::Briefing(b) => b.hosted.as_deref(),
            Screen::Picker(_) => None,
        }
    }

    /// Whether the runner should send [`super::update::Msg::Refresh`] often: the console
    /// follows a journal, or serves seats whose members vote and come and go.
    pub fn refreshes(&self) -> bool {
        self.read_only() || self.hosted_link().is_some()
    }

    /// The presenter console following a journal read-only.
    pub fn follow(follower: Follower, theme: Theme) -> Self {
        let mut app = Self::with(
            Screen::Play(Box::new(Play::new(Link::Follow(follower)))),
            Config::default(),
            theme,
        );
        app.presenter = true;
        if let Screen::Play(p) = &mut app.screen {
            let pin = match &p.link {
                Link::Follow(f) => f.pin.as_ref().and_then(|(kind, id)| {
                    super::projector::resolve(f.exercise.scenario(), *kind, id)
                }),
                _ => None,
            };
            p.ui.pin = pin;
        }
        app
    }

    /// The exercise screen's state, when it is shown.
    pub fn play(&self) -> Option<&Play> {
        match &self.screen {
            Screen::Play(p) => Some(p),
            _ => None,
        }
    }

    /// Whether the console only follows a journal.
    pub fn read_only(&self) -> bool {
        self.play().is_some_and(|p| p.link.read_only())
    }

    /// The journal's path, if any.
    pub fn journal_path(&self) -> Option<PathBuf> {
        match &self.screen {
            Screen::Play(p) => p.link.journal_path().map(|p| p.to_path_buf()),
            Screen::Briefing(b) => match &b.hosted {
                Some(h) => h.journal_path().map(|p| p.to_path_buf()),
                None => b
                    .resumed
                    .as_ref()
                    .and_then(|s| s.path().map(|p| p.to_path_buf())),
            },
            Screen::Picker(_) => None,
        }
    }

    /// Whether the terminal is too small to draw the console.
    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_SIZE.0 || self.size.1 < MIN_SIZE.1
    }
}

impl Play {
    /// The exercise screen for a link, the newest inject selected.
    pub fn new(link: Link) -> Self {
        let mut p = Play {
            link,
            ui: PlayUi::default(),
        };
        p.ui.seen = p.ex().state().feed.len();
        p.ui.seen_log = p.ex().log().len();
        p.ui.selected = p.ex().state().feed.last().copied();
        if let Some(i) = p.ui.selected {
            p.ui.read.insert(i);
        }
        p.restore_view();
        p
    }

    /// A resumed journal's view: the injects read, the selection, the pacing settings.
    fn restore_view(&mut self) {
        let Some(r) = self.link.resumed() else {
            return;
        };
        let sc = self.link.exercise().scenario();
        let feed = &self.link.exercise().state().feed;
        let shown = |id: &str| sc.inject_index(id).filter(|i| feed.contains(i));
        let read: BTreeSet<u16> = r.view.read.iter().filter_map(|id| shown(id)).collect();
        let selected = r.view.selected.as_deref().and_then(shown);
        let pacing = r.view.pacing;
        // An inject that fired after the last view entry stays the one shown (and unread
        // ones stay unread).
        let newest_read = feed.last().is_none_or(|last| read.contains(last));
        if !read.is_empty() {
            self.ui.read = read;
            if let Some(i) = self.ui.selected {
                self.ui.read.insert(i);
            }
        }
        if let Some(i) = selected
            && newest_read
        {
            self.ui.selected = Some(i);
        }
        if let Some((on, speed)) = pacing {
            self.ui.pacing.on = on;
            self.ui.pacing.speed = speed.clamp(SPEEDS[0], SPEEDS[SPEEDS.len() - 1]);
        }
    }
}
