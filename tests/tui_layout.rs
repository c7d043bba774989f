//! The console in a real training room: every bundled scenario played through its screens at
//! 120×36 and 80×24 (and 160×48), checking what people read: no scenario id on screen, only
//! ASCII/Latin-1 characters with the ASCII glyph set, no grey or yellow in the light theme,
//! the footer's `? keys · q quit`, the briefing's Start, and lists that say what they cut.

use std::collections::BTreeSet;
use std::sync::Arc;

use downtime::bundled;
use downtime::engine::{OptionStatus, Status, option_order};
use downtime::scenario::Scenario;
use downtime::tui::app::Overlay;
use downtime::tui::picker::Picker;
use downtime::tui::{App, Config, Glyphs, JournalChoice, Msg, Theme, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

const SIZES: [(u16, u16); 3] = [(120, 36), (80, 24), (160, 48)];

fn config() -> Config {
    Config {
        seed: Some(3),
        journal: JournalChoice::Off,
    }
}

fn scenarios() -> Vec<(String, Arc<Scenario>)> {
    bundled::all()
        .into_iter()
        .map(|b| {
            let sc = b.load().scenario.expect("bundled scenarios load");
            (b.name.trim_end_matches(".ron").to_string(), sc)
        })
        .collect()
}

fn press(app: &mut App, code: KeyCode) {
    app.update(Msg::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn buffer(app: &mut App, w: u16, h: u16) -> Buffer {
    app.update(Msg::Resize(w, h));
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
    term.backend().buffer().clone()
}

fn text_of(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// A frame seen along the way: where, and the buffer.
struct Frame {
    what: String,
    buf: Buffer,
}

/// Plays a scenario through its screens, collecting frames at every size: the picker, the
/// briefing with every parameter value, the exercise after each inject and choice (the
/// first available option), the decision panel focused, the board, help, curveball, undo
/// and quit windows, presenter view, T+ times, phase breaks, and every tab of the end screen.
fn play_through(name: &str, sc: &Arc<Scenario>, theme: Theme) -> Vec<Frame> {
    let mut frames = Vec::new();
    let mut snap = |app: &mut App, what: &str| {
        for (w, h) in SIZES {
            frames.push(Frame {
                what: format!("{name} · {what} · {w}x{h}"),
                buf: buffer(app, w, h),
            });
        }
    };
    let dir = tempfile::tempdir().unwrap();
    let mut picker = App::picker(Picker::discover(dir.path()), config(), theme);
    snap(&mut picker, "picker");
    let mut a = App::briefing(
        Arc::clone(sc),
        format!("bundled:{name}.ron"),
        config(),
        theme,
    );
    snap(&mut a, "briefing");
    // Every value of every parameter.
    for (k, p) in sc.params.iter().enumerate() {
        let n = match &p.kind {
            downtime::scenario::model::ParamKind::Choice(c) => c.len(),
            _ => 2,
        };
        for v in 0..n {
            snap(&mut a, &format!("briefing, parameter {k} value {v}"));
            press(&mut a, KeyCode::Right);
        }
        press(&mut a, KeyCode::Down);
    }
    snap(&mut a, "briefing at the end of the form");
    a.type_keys("s");
    a.update(Msg::Tick(30_000));
    snap(&mut a, "started");
    let mut undone = false;
    for step in 0..400 {
        let Some(play) = a.play() else {
            panic!("{name}: the exercise screen is gone");
        };
        let ex = play.ex();
        if ex.is_over() {
            break;
        }
        if let Some(Overlay::Confirm(_)) = &a.overlay {
            snap(&mut a, "a question");
            a.type_keys("y");
            continue;
        }
        let status = ex.status();
        if let Status::PhaseBreak { .. } = status {
            snap(&mut a, "phase break");
            a.type_keys("v");
            snap(&mut a, "phase break, presenter");
            a.type_keys("v\n");
            continue;
        }
        if let Some(d) = play.active_decision(false) {
            let order = option_order(ex, d);
            let pos = order
                .iter()
                .position(|&o| ex.option_status(d, o) == OptionStatus::Available);
            if step % 3 == 0 {
                a.type_keys("\t\t");
                snap(&mut a, "decision focused");
                a.type_keys("\x1b");
            }
            match pos {
                Some(p) => a.type_keys(&(p + 1).to_string()),
                None => a.type_keys("n"),
            }
            snap(&mut a, "after a choice");
            if !undone && pos.is_some() {
                // Undo for real once: the notice and the log say what was undone.
                a.type_keys("u");
                if let Some(Overlay::Confirm(_)) = &a.overlay {
                    a.type_keys("y");
                    snap(&mut a, "after an undo");
                    undone = true;
                }
            }
            continue;
        }
        a.type_keys("n");
        snap(&mut a, "after an inject");
        match step % 8 {
            1 => {
                a.type_keys("b");
                snap(&mut a, "board");
                a.type_keys("jjjjjjjjjj");
                snap(&mut a, "board, scrolled");
                a.type_keys("\x1b");
            }
            2 => {
                a.type_keys("v");
                snap(&mut a, "presenter");
                a.type_keys("v");
            }
            3 => {
                a.type_keys("t");
                snap(&mut a, "T+ times");
                a.type_keys("t");
            }
            4 => {
                a.type_keys("c");
                snap(&mut a, "curveball");
                a.type_keys("\x1b?");
                snap(&mut a, "help");
                a.type_keys("\x1b");
            }
            5 => {
                a.type_keys("u");
                snap(&mut a, "undo question");
                a.type_keys("\x1bq");
                snap(&mut a, "quit question");
                a.type_keys("\x1b");
            }
            6 => {
                a.type_keys("jjj");
                snap(&mut a, "an older inject");
                a.type_keys("kkk");
            }
            7 if step < 60 => {
                // Undo for real: the notice and the log say what was undone.
                a.type_keys("u");
                if a.overlay.is_some() {
                    a.type_keys("y");
                    snap(&mut a, "after an undo");
                }
            }
            _ => {}
        }
    }
    assert!(
        a.play().is_some_and(|p| p.ex().is_over()),
        "{name}: the exercise did not end"
    );
    for tab in ["1", "2", "3", "4"] {
        a.type_keys(tab);
        snap(&mut a, &format!("end tab {tab}"));
        a.type_keys("jjjjjjjjjjjjjjjjjjjj");
        snap(&mut a, &format!("end tab {tab}, scrolled"));
    }
    a.type_keys("1t");
    snap(&mut a, "end, T+ times");
    a.type_keys("b");
    snap(&mut a, "end, the board");
    a.type_keys("\x1b");
    a.type_keys("v");
    snap(&mut a, "end, presenter");
    frames
}

/// Every id of a scenario, with what it names.
fn ids(sc: &Scenario) -> Vec<(String, &'static str)> {
    let mut v: Vec<(String, &'static str)> = vec![(sc.meta.id.clone(), "scenario")];
    v.extend(
        sc.meta
            .objectives
            .iter()
            .map(|o| (o.id.clone(), "objective")),
    );
    v.extend(sc.teams.iter().map(|x| (x.id.clone(), "team")));
    v.extend(sc.phases.iter().map(|x| (x.id.clone(), "phase")));
    for p in &sc.params {
        v.push((p.id.clone(), "parameter"));
        if let downtime::scenario::model::ParamKind::Choice(c) = &p.kind {
            v.extend(c.iter().map(|x| (x.clone(), "choice")));
        }
    }
    v.extend(sc.metrics.iter().map(|x| (x.id.clone(), "metric")));
    v.extend(sc.flags.iter().map(|x| (x.id.clone(), "flag")));
    v.extend(sc.counters.iter().map(|x| (x.id.clone(), "counter")));
    v.extend(sc.systems.iter().map(|x| (x.id.clone(), "system")));
    v.extend(sc.services.iter().map(|x| (x.id.clone(), "service")));
    v.extend(sc.injects.iter().map(|x| (x.id.clone(), "inject")));
    for d in &sc.decisions {
        v.push((d.id.clone(), "decision"));
        v.extend(d.options.iter().map(|o| (o.id.clone(), "option")));
    }
    v.extend(sc.deadlines.iter().map(|x| (x.id.clone(), "deadline")));
    v.extend(
        sc.random_events
            .iter()
            .map(|x| (x.id.clone(), "random event")),
    );
    v.extend(sc.endings.iter().map(|x| (x.id.clone(), "ending")));
    v.extend(sc.checks.iter().map(|x| (x.id.clone(), "check")));
    v
}

/// Every word people read in a scenario (titles, texts, labels, names), as written.
fn prose_words(sc: &Scenario) -> BTreeSet<String> {
    let m = &sc.meta;
    let mut texts: Vec<&str> = vec![&m.title, &m.summary, &m.setting, &m.how_to_play];
    for o in &m.objectives {
        texts.push(&o.text);
        texts.push(&o.capability);
    }
    for t in &sc.teams {
        texts.extend([t.name.as_str(), &t.description]);
    }
    for p in &sc.phases {
        texts.extend([p.title.as_str(), &p.briefing, &p.notes]);
        texts.extend(p.questions.iter().map(String::as_str));
    }
    for p in &sc.params {
        texts.extend([p.label.as_str(), &p.help]);
        texts.extend(p.labels.iter().map(String::as_str));
    }
    for x in &sc.metrics {
        texts.extend([x.label.as_str(), &x.unit, &x.description]);
        texts.extend(x.thresholds.iter().map(|t| t.label.as_str()));
    }
    texts.extend(sc.flags.iter().map(|x| x.label.as_str()));
    for x in &sc.counters {
        texts.extend([x.label.as_str(), &x.unit]);
    }
    for x in &sc.systems {
        texts.extend([x.name.as_str(), &x.description]);
    }
    for x in &sc.services {
        texts.extend([x.name.as_str(), &x.description]);
    }
    for i in &sc.injects {
        texts.extend([i.title.as_str(), &i.sender, &i.body, &i.notes]);
        texts.extend(i.questions.iter().map(String::as_str));
        if let Some(a) = &i.attachment {
            texts.extend([a.name.as_str(), &a.text]);
        }
    }
    for d in &sc.decisions {
        texts.push(&d.prompt);
        for o in &d.options {
            texts.extend([o.label.as_str(), &o.unavailable]);
            for oc in &o.outcomes {
                texts.extend([oc.label.as_str(), &oc.text]);
            }
        }
    }
    for x in &sc.deadlines {
        texts.extend([x.label.as_str(), &x.description, &x.reference]);
    }
    texts.extend(sc.random_events.iter().map(|x| x.label.as_str()));
    for x in &sc.endings {
        texts.extend([x.title.as_str(), &x.debrief]);
    }
    for x in &sc.checks {
        texts.extend([x.title.as_str(), &x.lesson, &x.reference]);
    }
    texts.extend(sc.grades.iter().map(|g| g.label.as_str()));
    let mut words = BTreeSet::new();
    for t in texts {
        for w in t.split(|c: char| !(c.is_alphanumeric() || c == '_')) {
            if !w.is_empty() {
                words.insert(w.to_string());
            }
        }
    }
    words
}

/// Whether `word` appears in `text` as a whole word (not inside a longer identifier).
fn has_word(text: &str, word: &str) -> bool {
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    let mut from = 0;
    while let Some(k) = text[from..].find(word) {
        let start = from + k;
        let end = start + word.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if !before.is_some_and(is_word) && !after.is_some_and(is_word) {
            return true;
        }
        from = end;
    }
    false
}

/// No rendered frame of a bundled scenario shows one of its ids.
///
/// Ids are matched case-sensitively as whole words. An id that is a single ordinary word
/// (letters only) which the bundled scenarios' prose also uses as a word (`low`, `normal`,
/// `trust`, `emergency`...) cannot be told apart from that prose and is not checked;
/// every other id is: compound ids (`crisis_cell`, `winter_peak`, `report_ars`), ids with
/// digits, and lowercase words the prose never uses (`ehr`, `pacs`: the prose writes them
/// `EHR`, `PACS`). Even an ordinary-word id must not appear in backticks, the way ids
/// leaked through notes (`` `attacked_before` ``).
#[test]
fn no_id_appears_in_any_rendered_frame_of_the_bundled_scenarios() {
    // The picker shows every scenario's summary: prose anywhere in the bundle counts.
    let mut prose = BTreeSet::new();
    for (_, sc) in scenarios() {
        prose.extend(prose_words(&sc));
    }
    for (name, sc) in scenarios() {
        let checked: Vec<(String, &str)> = ids(&sc)
            .into_iter()
            .filter(|(id, _)| {
                let plain = id.chars().all(|c| c.is_ascii_alphabetic());
                !(plain && prose.contains(id))
            })
            .collect();
        assert!(
            checked.iter().any(|(id, _)| id.contains('_')),
            "{name}: no compound id to check"
        );
        let frames = play_through(&name, &sc, Theme::plain());
        assert!(frames.len() > 60, "{name}: only {} frames", frames.len());
        assert!(
            frames.iter().any(|f| f.what.contains("after an undo")),
            "{name}: nothing was undone on the way"
        );
        let all = ids(&sc);
        for f in &frames {
            let text = text_of(&f.buf);
            for (id, kind) in &all {
                assert!(
                    !text.contains(&format!("`{id}`")),
                    "{}: the {kind} id `{id}` is on screen as an id:\n{text}",
                    f.what
                );
            }
            for (id, kind) in &checked {
                assert!(
                    !has_word(&text, id),
                    "{}: the {kind} id `{id}` is on screen:\n{text}",
                    f.what
                );
            }
        }
    }
}

/// Printable ASCII and Latin-1.
fn latin1(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{FF}')
}

#[test]
fn with_the_ascii_glyph_set_every_screen_draws_only_ascii_and_latin1() {
    let theme = Theme::plain().with_glyphs(Glyphs::Latin1);
    for (name, sc) in scenarios() {
        for f in play_through(&name, &sc, theme) {
            for y in 0..f.buf.area.height {
                for x in 0..f.buf.area.width {
                    let sym = f.buf[(x, y)].symbol();
                    assert!(
                        sym.chars().all(latin1),
                        "{}: {sym:?} at {x},{y} is outside ASCII/Latin-1:\n{}",
                        f.what,
                        text_of(&f.buf)
                    );
                }
            }
        }
    }
}

#[test]
fn the_ascii_set_keeps_the_meaning_of_the_console_symbols() {
    let theme = Theme::plain().with_glyphs(Glyphs::Latin1);
    let (_, sc) = scenarios()
        .into_iter()
        .find(|(n, _)| n == "tutorial")
        .unwrap();
    let mut a = App::briefing(sc, "bundled:tutorial.ron".into(), config(), theme);
    a.type_keys("s2nn");
    let text = text_of(&buffer(&mut a, 80, 24));
    // Severities, systems, the running clock, unread marks and the pinned footer.
    assert!(text.contains("MANUAL CLOCK"), "{text}");
    assert!(text.contains("! Fri 22:00 Ransom message"), "{text}");
    assert!(text.contains("/ E-mail"), "{text}");
    assert!(text.contains("? keys · q quit"), "{text}");
    assert!(!text.contains('─'), "{text}");
}

#[test]
fn the_light_theme_carries_meaning_without_grey_or_yellow() {
    let theme = Theme::colours().lightened();
    let (_, sc) = scenarios()
        .into_iter()
        .find(|(n, _)| n == "saturday-night-blackout")
        .unwrap();
    for f in play_through("saturday-night-blackout", &sc, theme)
        .into_iter()
        .step_by(7)
    {
        for cell in f.buf.content() {
            assert!(
                !matches!(
                    cell.fg,
                    Color::Gray | Color::DarkGray | Color::Yellow | Color::White
                ),
                "{}: {:?} drawn in {:?}",
                f.what,
                cell.symbol(),
                cell.fg
            );
        }
    }
}

#[test]
fn the_footer_always_keeps_help_and_quit() {
    for (name, sc) in scenarios() {
        for f in play_through(&name, &sc, Theme::plain()) {
            let h = f.buf.area.height;
            let last: String = (0..f.buf.area.width)
                .map(|x| f.buf[(x, h - 1)].symbol().to_string())
                .collect();
            if f.what.contains("presenter") {
                // The room's screen shows no keys.
                assert!(!last.contains("quit"), "{}: footer {last:?}", f.what);
            } else {
                assert!(
                    last.trim_end().ends_with("? keys · q quit"),
                    "{}: footer {last:?}",
                    f.what
                );
            }
        }
    }
}

#[test]
fn the_briefing_start_is_visible_at_80x24_wherever_the_highlight_is() {
    for (name, sc) in scenarios() {
        let mut a = App::briefing(Arc::clone(&sc), name.clone(), config(), Theme::plain());
        for _ in 0..(sc.params.len() + sc.teams.len() + 3) {
            let text = text_of(&buffer(&mut a, 80, 24));
            assert!(text.contains("▶ Start the exercise"), "{name}:\n{text}");
            press(&mut a, KeyCode::Down);
        }
        // At the end of the form, Enter starts.
        press(&mut a, KeyCode::Enter);
        assert!(a.play().is_some(), "{name}: Enter on Start did not start");
    }
}

#[test]
fn choice_parameters_show_their_labels_at_the_briefing() {
    let (_, sc) = scenarios()
        .into_iter()
        .find(|(n, _)| n == "saturday-night-blackout")
        .unwrap();
    let mut a = App::briefing(sc, "x".into(), config(), Theme::plain());
    let text = text_of(&buffer(&mut a, 120, 36));
    assert!(text.contains("Winter peak"), "{text}");
    assert!(!text.contains("winter_peak"), "{text}");
}

/// The flagship with seed 7, eight injects in: twelve in the feed, four deadlines running.
fn flagship_night(sc: &Arc<Scenario>) -> App {
    let config = Config {
        seed: Some(7),
        journal: JournalChoice::Off,
    };
    let mut a = App::briefing(Arc::clone(sc), "x".into(), config, Theme::plain());
    a.type_keys("s");
    for _ in 0..8 {
        a.type_keys("n");
        // A step that would time a decision out asks first: go on.
        if let Some(Overlay::Confirm(_)) = &a.overlay {
            a.type_keys("y");
        }
    }
    a.update(Msg::Tick(65_000));
    a
}

#[test]
fn at_120x36_the_flagship_shows_every_system_and_service() {
    let (_, sc) = scenarios()
        .into_iter()
        .find(|(n, _)| n == "saturday-night-blackout")
        .unwrap();
    let mut a = flagship_night(&sc);
    let text = text_of(&buffer(&mut a, 120, 36));
    for s in &sc.systems {
        let head: String = s.name.chars().take(14).collect();
        assert!(text.contains(&head), "{} missing:\n{text}", s.name);
    }
    for s in &sc.services {
        let head: String = s.name.chars().take(10).collect();
        assert!(text.contains(&head), "{} missing:\n{text}", s.name);
    }
    assert!(text.contains("Deadlines · 4 running"), "{text}");
}

#[test]
fn cut_lists_say_how_much_they_cut_and_running_deadlines_come_first() {
    let (_, sc) = scenarios()
        .into_iter()
        .find(|(n, _)| n == "saturday-night-blackout")
        .unwrap();
    let mut a = flagship_night(&sc);
    let text = text_of(&buffer(&mut a, 80, 24));
    // Systems and services: 15 rows in a panel of 3.
    assert!(text.contains("more · b shows all"), "{text}");
    // Four deadlines running, two shown: the marker says two more are running.
    assert!(text.contains("+2 more (2 running) · b"), "{text}");
    // The most urgent first.
    let paper = text.find("Paper downtime").expect("paper procedures shown");
    let ars = text
        .find("Report to the CE")
        .expect("the report to the CERT Santé shown");
    assert!(paper < ars, "{text}");
    // The feed says how many older injects are below.
    assert!(text.contains("↓ 8 more"), "{text}");
    // The board lists everything, and the room's deadlines in full.
    a.type_keys("b");
    let mut all = String::new();
    for _ in 0..6 {
        all.push_str(&text_of(&buffer(&mut a, 80, 24)));
        a.type_keys("jjjjjjjjjjjjjjjj");
    }
    for s in sc
        .systems
        .iter()
        .map(|s| &s.name)
        .chain(sc.services.iter().map(|s| &s.name))
    {
        let head: String = s.chars().take(18).collect();
        assert!(all.contains(&head), "{s} not on the board:\n{all}");
    }
    assert!(all.contains("Notify the CNIL"), "{all}");
    assert!(all.contains("The attackers"), "{all}");
}

#[test]
fn the_feed_shows_day_and_clock_time_and_t_plus_on_demand() {
    let (_, sc) = scenarios()
        .into_iter()
        .find(|(n, _)| n == "tutorial")
        .unwrap();
    let mut a = App::briefing(sc, "x".into(), config(), Theme::plain());
    a.type_keys("s2nn");
    let text = text_of(&buffer(&mut a, 80, 24));
    assert!(text.contains("‼ Fri 22:00 Ransom message"), "{text}");
    a.type_keys("t");
    let text = text_of(&buffer(&mut a, 80, 24));
    assert!(text.contains("‼ T+00:00 Ransom message"), "{text}");
    a.type_keys("t");
    let text = text_of(&buffer(&mut a, 80, 24));
    assert!(text.contains("‼ Fri 22:00 Ransom message"), "{text}");
}

#[test]
fn no_size_from_80x24_up_panics_or_overflows() {
    let (_, sc) = scenarios()
        .into_iter()
        .find(|(n, _)| n == "saturday-night-blackout")
        .unwrap();
    let mut a = App::briefing(sc, "x".into(), config(), Theme::plain());
    a.type_keys("snnnnnnnnnn");
    for w in [80u16, 95, 109, 110, 119, 120, 139, 140, 200] {
        for h in [24u16, 29, 30, 35, 36, 50] {
            buffer(&mut a, w, h);
            a.type_keys("b");
            buffer(&mut a, w, h);
            a.type_keys("\x1b");
        }
    }
}
