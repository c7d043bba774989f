//! Every console screen in French (the flagship's French translation) and in Chinese (the
//! tutorial's translation), at 80×24 and 120×36, snapshotted as text (insta); each render is
//! also checked for what a snapshot review could miss: no English sentence left in the
//! interface, and no line of CJK text starting with closing punctuation (UAX #14).

use downtime::bundled;
use downtime::engine::{Command, Status};
use downtime::i18n::Lang;
use downtime::tui::app::{Overlay, Screen};
use downtime::tui::picker::Picker;
use downtime::tui::{App, Config, JournalChoice, Msg, Theme, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The scenario and the language of each language's exercise.
fn scenario(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Fr => ("saturday-night-blackout", "fr"),
        _ => ("tutorial", "zh"),
    }
}

fn config() -> Config {
    Config {
        seed: Some(7),
        journal: JournalChoice::Off,
    }
}

fn briefing(lang: Lang) -> App {
    let (name, tag) = scenario(lang);
    let b = bundled::find(name).unwrap();
    let sc = b.load_translated(Some(tag)).scenario.unwrap();
    assert_eq!(sc.meta.language, tag, "{name} has its {tag} translation");
    App::briefing(sc, b.source(), config(), Theme::plain())
}

fn started(lang: Lang) -> App {
    let mut a = briefing(lang);
    a.type_keys("s");
    a.update(Msg::Tick(65_000));
    a
}

/// Three injects in, saying yes to any question a jump asks.
fn midway(lang: Lang) -> App {
    let mut a = started(lang);
    for _ in 0..3 {
        a.type_keys("n");
        if matches!(a.overlay, Some(Overlay::Confirm(_))) {
            a.type_keys("y");
        }
    }
    a.update(Msg::Tick(200_000));
    a
}

fn status(a: &App) -> Status {
    a.play().unwrap().ex().status()
}

/// Answers every open decision with its first option that can be taken (a room that
/// decides, so that the exercise reaches its phase breaks rather than a bad ending).
fn answer_all(a: &mut App) {
    let ex = a.play().unwrap().ex();
    let sc = ex.scenario();
    let open: Vec<(String, Vec<String>)> = ex
        .pending()
        .iter()
        .map(|&d| {
            let dec = &sc.decisions[usize::from(d)];
            (
                dec.id.clone(),
                dec.options.iter().map(|o| o.id.clone()).collect(),
            )
        })
        .collect();
    for (decision, options) in open {
        for option in options {
            let cmd = Command::Choose {
                decision: decision.clone(),
                option,
                team: None,
            };
            if a.send(cmd) {
                break;
            }
        }
    }
}

fn phase_break(lang: Lang) -> App {
    let mut a = midway(lang);
    for _ in 0..30 {
        if matches!(status(&a), Status::PhaseBreak { .. }) {
            break;
        }
        answer_all(&mut a);
        a.type_keys("N");
        if matches!(a.overlay, Some(Overlay::Confirm(_))) {
            a.type_keys("y");
        }
    }
    if !(matches!(status(&a), Status::PhaseBreak { .. })) {
        let screen = render(&mut a, 120, 36);
        panic!("{:?} {:?} {screen}", status(&a), a.overlay);
    }
    a
}

/// Past the phase break, the room decides, then the facilitator ends the exercise (`e`).
fn ended(lang: Lang) -> App {
    let mut a = phase_break(lang);
    a.type_keys("\n");
    answer_all(&mut a);
    a.type_keys("ey");
    if !a.play().unwrap().ex().is_over() {
        let screen = render(&mut a, 120, 36);
        panic!("{:?} {:?} {screen}", status(&a), a.overlay);
    }
    a
}

fn render(app: &mut App, w: u16, h: u16) -> String {
    app.update(Msg::Resize(w, h));
    let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
    term.draw(|f| view::draw(f, app)).unwrap();
    term.backend().to_string()
}

/// English words that only an untranslated interface string would put on screen.
const ENGLISH: &[&str] = &[
    " the ",
    " and ",
    " of ",
    " to ",
    " is ",
    " are ",
    "Press ",
    " scenario ",
    " seconds",
];

/// Closing punctuation that must not begin a line of CJK text.
const CLOSING: &[char] = &[
    '，', '。', '、', '）', '：', '；', '！', '？', '」', '』', '”',
];

/// Renders `app` at both sizes, checks each render and snapshots it as `NAME_WxH`.
fn check(name: &str, lang: Lang, make: impl Fn() -> App) {
    for (w, h) in [(80, 24), (120, 36)] {
        let mut app = make();
        assert_eq!(app.lang(), lang, "{name}: the interface's language");
        // The picker lists scenarios without a translation in their own language, and a
        // window drawn over the screen cuts the text beneath it anywhere.
        let (texts, wraps) = match &app.screen {
            Screen::Picker(_) => (false, true),
            _ => (true, app.overlay.is_none()),
        };
        let screen = render(&mut app, w, h);
        for row in screen.lines() {
            let text = row.trim_matches('"');
            for word in ENGLISH.iter().filter(|_| texts) {
                assert!(
                    !text.contains(word),
                    "{name} {w}x{h}: English {word:?} in {text:?}\n{screen}"
                );
            }
            // A row's text starts after the borders, markers and spaces around it.
            for part in text.split(['│', '┃', '║', '▏']).filter(|_| wraps) {
                let first = part
                    .trim_start_matches([' ', '▸', '•', '·', '─', '━'])
                    .chars()
                    .next();
                assert!(
                    !first.is_some_and(|c| CLOSING.contains(&c)),
                    "{name} {w}x{h}: a line starts with {first:?}: {text:?}\n{screen}"
                );
            }
        }
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen);
    }
}

macro_rules! screens {
    ($($module:ident $lang:ident $prefix:literal),*) => {
        $(
            mod $module {
                use super::*;
                const LANG: Lang = Lang::$lang;

                #[test]
                fn picker() {
                    check(concat!($prefix, "_picker"), LANG, || {
                        let dir = tempfile::tempdir().unwrap();
                        let (_, tag) = scenario(LANG);
                        let found = Picker::discover_for(dir.path(), Some(tag), LANG);
                        let mut a = App::picker(found, config(), Theme::plain());
                        a.lang_asked = Some(LANG);
                        a
                    });
                }

                #[test]
                fn briefing() {
                    check(concat!($prefix, "_briefing"), LANG, || super::briefing(LANG));
                }

                #[test]
                fn exercise() {
                    check(concat!($prefix, "_start"), LANG, || started(LANG));
                    check(concat!($prefix, "_midway"), LANG, || midway(LANG));
                }

                #[test]
                fn windows() {
                    for (what, key) in [
                        ("help", "?"),
                        ("board", "b"),
                        ("plan", "P"),
                        ("curveball", "c"),
                        ("note", "a"),
                        ("override", "m"),
                        ("quit", "q"),
                        ("end_now", "e"),
                        ("presenter", "v"),
                        ("large", "vL"),
                        ("cast", "C"),
                        ("actions", "A"),
                        ("rewind", "U"),
                        ("undo", "u"),
                        ("rate", "o"),
                        ("projector", "s"),
                    ] {
                        let name = format!("{}_{what}", $prefix);
                        check(&name, LANG, || {
                            let mut a = midway(LANG);
                            a.type_keys(key);
                            a
                        });
                    }
                }

                /// The engine's refusal in the status bar: the clock cannot move while paused.
                #[test]
                fn refused() {
                    check(concat!($prefix, "_refused"), LANG, || {
                        let mut a = midway(LANG);
                        a.type_keys("pn");
                        a
                    });
                }

                /// A terminal too small for the console says so in the language.
                #[test]
                fn too_small() {
                    let mut a = midway(LANG);
                    let screen = render(&mut a, 50, 12);
                    let title = downtime::i18n::text(LANG, "too-small-title", &[]);
                    assert!(screen.contains(&title), "{screen}");
                }

                #[test]
                fn phase_break() {
                    check(concat!($prefix, "_phase_break"), LANG, || super::phase_break(LANG));
                }

                #[test]
                fn end() {
                    for tab in ["1", "2", "3", "4"] {
                        let name = format!("{}_end_{tab}", $prefix);
                        check(&name, LANG, || {
                            let mut a = ended(LANG);
                            a.type_keys(tab);
                            a
                        });
                    }
                }
            }
        )*
    };
}

screens!(fr Fr "fr", zh Zh "zh");
