//! Keys: one table per screen, used both to interpret key presses and to draw the help.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Something the facilitator asks of the exercise screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Choose option N (0-based) of the active decision.
    Choose(usize),
    /// Confirm the highlighted item (option, or the next phase at a break).
    Confirm,
    /// Tick or untick the highlighted option of a decision with several answers.
    Tick,
    /// Step the clock.
    Step,
    /// Jump to the next inject.
    NextInject,
    /// Go to the next phase break, or begin the next phase.
    NextPhase,
    /// Pause or resume.
    TogglePause,
    /// Real-time pacing on or off.
    TogglePacing,
    /// Pacing faster (`1`) or slower (`-1`).
    Speed(i32),
    /// Move in the focused panel.
    Move(i32),
    /// Page in the focused panel.
    Page(i32),
    /// Next (`1`) or previous (`-1`) panel or tab.
    Focus(i32),
    /// Show the message of the next open decision (Tab); the next panel or tab when no
    /// other decision is open.
    NextDecision,
    /// Show something on the projector, or release what is shown there.
    Show,
    /// Rewind to an earlier journal entry (asks first, with a preview).
    Rewind,
    /// The session plan: planned and spent real time per phase.
    Plan,
    /// Open the curveball picker.
    Curveball,
    /// Open the action menu.
    Actions,
    /// The cast, with the facilitator's notes and secrets.
    Cast,
    /// Override a metric.
    Override,
    /// Add a note.
    Note,
    /// Undo the last decision.
    Undo,
    /// End the exercise now.
    EndNow,
    /// Export the report (end screen).
    Export,
    /// Rate the objectives (end screen and phase breaks).
    Rate,
    /// Toggle the presenter view.
    Presenter,
    /// The large-type projector layout on or off (presenter view).
    Large,
    /// Show every key.
    Help,
    /// Times as T+ offsets, or as day and clock time.
    ToggleTimes,
    /// Show the board (every metric, system, service, deadline) full-screen.
    Board,
    /// The seats: links, codes, who joined, the votes (`play --seats`).
    Seats,
    /// Take the open decision's majority of the team's votes (`play --seats`).
    Majority,
    /// Back out.
    Back,
    /// Quit.
    Quit,
}

/// The exercise screen's keys, as shown in the help: (keys, the catalogue key of what they do).
pub const PLAY_KEYS: &[(&str, &str)] = &[
    ("1-9", "keys-play-choose-that-option-of"),
    ("i", "keys-play-tick-or-untick-the"),
    ("Space", "keys-play-step-the-clock-asks"),
    ("n", "keys-play-jump-to-the-next"),
    ("N", "keys-play-skip-to-the-next"),
    ("Enter", "keys-play-choose-the-highlighted-option"),
    ("p", "keys-play-pause-or-resume-the"),
    ("r", "keys-play-realtime-pacing-on-or"),
    ("+ / -", "keys-play-pacing-faster-or-slower"),
    ("Tab", "keys-play-show-the-message-of"),
    ("Shift-Tab", "keys-play-previous-panel"),
    ("↑ ↓ / j k", "keys-play-move-in-the-panel"),
    ("← → / h l", "keys-play-previous-or-next-panel"),
    ("PgUp / PgDn", "keys-play-page-through-the-injects"),
    ("c", "keys-play-curveball-the-pool-first"),
    ("C", "keys-play-the-cast-who-sends"),
    ("A", "keys-play-actions-a-team-takes"),
    ("m", "keys-play-override-a-metric-with"),
    ("a", "keys-play-add-a-note-to"),
    ("o", "keys-play-rate-the-objectives-psmu"),
    ("u", "keys-play-undo-the-last-decision"),
    ("U", "keys-play-rewind-to-an-earlier"),
    ("e", "keys-play-end-the-exercise-now"),
    ("s", "keys-play-show-on-the-projector"),
    ("P", "keys-play-session-plan-planned-and"),
    ("S", "keys-play-seats-with-seats-links"),
    ("M", "keys-play-take-the-teams-majority"),
    ("v", "keys-play-presenter-view-on-or"),
    ("L", "keys-play-largetype-layout-of-the"),
    ("t", "keys-play-times-as-day-and"),
    ("b", "keys-play-the-board-every-metric"),
    ("?", "keys-play-this-help"),
    ("Esc", "keys-play-close-a-window-back"),
    ("q / Ctrl-C", "keys-play-quit-asks-first-the"),
    ("Ctrl-Z", "keys-play-suspend-the-console-fg"),
    ("mouse", "keys-play-click-a-feed-item"),
];

/// The end screen's keys.
pub const END_KEYS: &[(&str, &str)] = &[
    ("Tab / ← →", "keys-end-next-or-previous-tab"),
    ("↑ ↓ / PgUp PgDn", "keys-end-scroll"),
    ("x", "keys-end-export-the-report-beside"),
    ("o", "keys-end-rate-the-objectives-psmu"),
    ("u", "keys-end-undo-the-last-decision"),
    ("U", "keys-end-rewind-to-an-earlier"),
    ("P", "keys-end-session-plan-planned-and"),
    ("v", "keys-end-presenter-view-on-or"),
    ("t", "keys-end-times-as-day-and"),
    ("b", "keys-end-the-board-as-the"),
    ("?", "keys-end-this-help"),
    ("q", "keys-end-quit"),
];

/// The presenter's keys (read-only).
pub const PRESENT_KEYS: &[(&str, &str)] = &[
    ("↑ ↓ / j k", "keys-present-look-at-an-older"),
    ("L", "keys-present-largetype-layout-on-or"),
    ("b", "keys-present-the-board-every-metric"),
    ("Tab / ← →", "keys-present-tabs-of-the-end"),
    ("?", "keys-present-this-help"),
    ("q / Ctrl-C", "keys-present-quit-the-journal-is"),
];

/// The picker's keys.
pub const PICKER_KEYS: &[(&str, &str)] = &[
    ("↑ ↓ / j k", "keys-picker-choose-a-scenario"),
    ("Enter", "keys-picker-open-its-briefing"),
    ("l", "keys-picker-language"),
    ("q / Esc", "keys-picker-quit"),
];

/// The briefing's keys.
pub const BRIEFING_KEYS: &[(&str, &str)] = &[
    ("↑ ↓ / j k", "keys-briefing-move-in-the-form"),
    ("← → / Space", "keys-briefing-change-a-parameter"),
    ("Enter", "keys-briefing-edit-a-field-on"),
    ("s", "keys-briefing-start-the-exercise"),
    ("Tab", "keys-briefing-switch-between-the-form"),
    ("Enter (seats)", "keys-briefing-the-highlighted-seats-qr"),
    ("r", "keys-briefing-on-the-seats-a"),
    ("PgUp / PgDn", "keys-briefing-scroll-the-scenario-text"),
    ("q", "keys-briefing-quit"),
];

/// Whether a key is Ctrl-C (raw mode delivers it as a key, not a signal).
pub fn is_ctrl_c(k: &KeyEvent) -> bool {
    k.modifiers.contains(KeyModifiers::CONTROL) && matches!(k.code, KeyCode::Char('c' | 'C'))
}

/// Whether a key is Ctrl-Z (suspend; raw mode delivers it as a key, not a signal).
pub fn is_ctrl_z(k: &KeyEvent) -> bool {
    k.modifiers.contains(KeyModifiers::CONTROL) && matches!(k.code, KeyCode::Char('z' | 'Z'))
}

/// The action of a key on the exercise screen.
pub fn play_action(k: &KeyEvent) -> Option<Action> {
    if is_ctrl_c(k) {
        return Some(Action::Quit);
    }
    if k.modifiers.contains(KeyModifiers::CONTROL) || k.modifiers.contains(KeyModifiers::ALT) {
        return None;
    }
    Some(match k.code {
        KeyCode::Char(c @ '1'..='9') => Action::Choose(c as usize - '1' as usize),
        KeyCode::Enter => Action::Confirm,
        KeyCode::Char('i') => Action::Tick,
        KeyCode::Char(' ') => Action::Step,
        KeyCode::Char('n') => Action::NextInject,
        KeyCode::Char('N') => Action::NextPhase,
        KeyCode::Char('p') => Action::TogglePause,
        KeyCode::Char('r') => Action::TogglePacing,
        KeyCode::Char('+' | '=') => Action::Speed(1),
        KeyCode::Char('-') => Action::Speed(-1),
        KeyCode::Up | KeyCode::Char('k') => Action::Move(-1),
        KeyCode::Down | KeyCode::Char('j') => Action::Move(1),
        KeyCode::PageUp => Action::Page(-1),
        KeyCode::PageDown => Action::Page(1),
        KeyCode::Tab => Action::NextDecision,
        KeyCode::Right | KeyCode::Char('l') => Action::Focus(1),
        KeyCode::BackTab | KeyCode::Left | KeyCode::Char('h') => Action::Focus(-1),
        KeyCode::Char('c') => Action::Curveball,
        KeyCode::Char('A') => Action::Actions,
        KeyCode::Char('C') => Action::Cast,
        KeyCode::Char('m') => Action::Override,
        KeyCode::Char('a') => Action::Note,
        KeyCode::Char('u') => Action::Undo,
        KeyCode::Char('U') => Action::Rewind,
        KeyCode::Char('s') => Action::Show,
        KeyCode::Char('P') => Action::Plan,
        KeyCode::Char('e') => Action::EndNow,
        KeyCode::Char('x') => Action::Export,
        KeyCode::Char('o') => Action::Rate,
        KeyCode::Char('v') => Action::Presenter,
        KeyCode::Char('L') => Action::Large,
        KeyCode::Char('b') => Action::Board,
        KeyCode::Char('S') => Action::Seats,
        KeyCode::Char('M') => Action::Majority,
        KeyCode::Char('t') => Action::ToggleTimes,
        KeyCode::Char('?') | KeyCode::F(1) => Action::Help,
        KeyCode::Esc => Action::Back,
        KeyCode::Char('q') => Action::Quit,
        _ => return None,
    })
}

/// Keys' names as the help and the hints write them, in `lang`: `Space` is `Espace` or
/// `空格`; letters, arrows and `Ctrl-C` are the same everywhere.
pub fn name(lang: crate::i18n::Lang, keys: &str) -> String {
    use crate::tr;
    keys.split(' ')
        .map(|w| match w {
            "Space" => tr!(lang, "key-space"),
            "Enter" => tr!(lang, "key-enter"),
            "Esc" => tr!(lang, "key-esc"),
            "Shift-Tab" => tr!(lang, "key-shift-tab"),
            "PgUp" => tr!(lang, "key-page-up"),
            "PgDn" => tr!(lang, "key-page-down"),
            "mouse" => tr!(lang, "key-mouse"),
            "(seats)" => tr!(lang, "key-seats"),
            w => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a key of a table does, in `lang`.
pub fn what(lang: crate::i18n::Lang, key: &str) -> String {
    crate::i18n::text(lang, key, &[])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_help_line_is_in_the_catalogue() {
        for table in [
            PLAY_KEYS,
            END_KEYS,
            PRESENT_KEYS,
            PICKER_KEYS,
            BRIEFING_KEYS,
        ] {
            for (_, key) in table {
                let en = what(crate::i18n::Lang::En, key);
                assert_ne!(en, *key, "{key} is not in the catalogue");
            }
        }
    }

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn number_keys_choose_zero_based_options() {
        assert_eq!(
            play_action(&key(KeyCode::Char('1'))),
            Some(Action::Choose(0))
        );
        assert_eq!(
            play_action(&key(KeyCode::Char('9'))),
            Some(Action::Choose(8))
        );
        assert_eq!(play_action(&key(KeyCode::Char('0'))), None);
    }

    #[test]
    fn arrows_and_vi_keys_agree() {
        assert_eq!(
            play_action(&key(KeyCode::Up)),
            play_action(&key(KeyCode::Char('k')))
        );
        assert_eq!(
            play_action(&key(KeyCode::Down)),
            play_action(&key(KeyCode::Char('j')))
        );
        assert_eq!(
            play_action(&key(KeyCode::Left)),
            play_action(&key(KeyCode::Char('h')))
        );
        assert_eq!(
            play_action(&key(KeyCode::Right)),
            play_action(&key(KeyCode::Char('l')))
        );
    }

    #[test]
    fn ctrl_c_quits_and_other_control_keys_do_nothing() {
        let c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(play_action(&c), Some(Action::Quit));
        let n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
        assert_eq!(play_action(&n), None);
    }

    #[test]
    fn every_help_line_names_a_key_that_works() {
        for (keys, _) in PLAY_KEYS {
            let first = keys.split([' ', '/']).next().unwrap();
            let code = match first {
                "1-9" => KeyCode::Char('1'),
                "Space" => KeyCode::Char(' '),
                "Enter" => KeyCode::Enter,
                "Tab" => KeyCode::Tab,
                "Shift-Tab" => KeyCode::BackTab,
                "↑" => KeyCode::Up,
                "←" => KeyCode::Left,
                "PgUp" => KeyCode::PageUp,
                "Esc" => KeyCode::Esc,
                "+" => KeyCode::Char('+'),
                "mouse" => continue,
                // Handled before any screen's keys: the console suspends itself.
                "Ctrl-Z" => {
                    let z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
                    assert!(is_ctrl_z(&z));
                    continue;
                }
                s if s.chars().count() == 1 => KeyCode::Char(s.chars().next().unwrap()),
                other => panic!("unexpected key name {other}"),
            };
            assert!(play_action(&key(code)).is_some(), "{keys} does nothing");
        }
    }
}
