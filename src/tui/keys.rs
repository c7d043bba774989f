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

/// The exercise screen's keys, as shown in the help: (keys, what they do).
pub const PLAY_KEYS: &[(&str, &str)] = &[
    ("1-9", "choose that option of the open decision"),
    (
        "i",
        "tick or untick the highlighted option, on a decision with several answers (Enter takes the ticked ones)",
    ),
    (
        "Space",
        "step the clock (asks first if an open decision would time out)",
    ),
    (
        "n",
        "jump to the next inject (asks first if an open decision would time out)",
    ),
    (
        "N",
        "skip to the next phase (asks first, naming what is lost) / begin it at a phase break",
    ),
    (
        "Enter",
        "choose the highlighted option; begin the next phase",
    ),
    ("p", "pause or resume the clock"),
    ("r", "real-time pacing on or off (off: MANUAL CLOCK)"),
    ("+ / -", "pacing faster or slower"),
    (
        "Tab",
        "show the message of the next open decision; the next panel when no other is open",
    ),
    ("Shift-Tab", "previous panel"),
    ("↑ ↓ / j k", "move in the panel (feed, text, options)"),
    ("← → / h l", "previous or next panel"),
    ("PgUp / PgDn", "page through the inject's text"),
    (
        "c",
        "curveball: the pool first, then any inject; type to narrow",
    ),
    ("C", "the cast: who sends what, their notes and secrets"),
    (
        "A",
        "actions: a team takes one of the scenario's repeatable actions",
    ),
    ("m", "override a metric, with a reason"),
    ("a", "add a note to the journal"),
    ("o", "rate the objectives P/S/M/U (at a phase break)"),
    (
        "u",
        "undo the last decision (asks first, shows what is undone)",
    ),
    (
        "U",
        "rewind to an earlier journal entry (asks first, shows what is undone)",
    ),
    ("e", "end the exercise now (asks first)"),
    (
        "s",
        "show on the projector: pin the selected inject, its attachment or the phase's questions; s again releases",
    ),
    ("P", "session plan: planned and spent time per phase"),
    (
        "S",
        "seats (with --seats): links, codes and QR codes, who joined, the votes; a new link for a seat, a team's lead",
    ),
    (
        "M",
        "take the team's majority vote on the open decision (with --seats); choosing otherwise asks why",
    ),
    ("v", "presenter view on or off (spoiler-free)"),
    ("L", "large-type layout of the presenter view on or off"),
    ("t", "times as day and clock (Sun 08:00) or as T+ offsets"),
    (
        "b",
        "the board: every metric, system, service and deadline, full-screen",
    ),
    ("?", "this help"),
    ("Esc", "close a window, back out"),
    (
        "q / Ctrl-C",
        "quit (asks first; the journal keeps everything)",
    ),
    (
        "Ctrl-Z",
        "suspend the console (fg brings it back; the projector says so)",
    ),
    (
        "mouse",
        "click a feed item or an option to select it; Shift+drag selects text",
    ),
];

/// The end screen's keys.
pub const END_KEYS: &[(&str, &str)] = &[
    ("Tab / ← →", "next or previous tab"),
    ("↑ ↓ / PgUp PgDn", "scroll"),
    ("x", "export the report beside the journal"),
    ("o", "rate the objectives P/S/M/U, with a note"),
    (
        "u",
        "undo the last decision (asks first, shows what is undone)",
    ),
    ("U", "rewind to an earlier journal entry (asks first)"),
    ("P", "session plan: planned and spent time per phase"),
    ("v", "presenter view on or off"),
    ("t", "times as day and clock (Sun 08:00) or as T+ offsets"),
    ("b", "the board as the exercise ended, full-screen"),
    ("?", "this help"),
    ("q", "quit"),
];

/// The presenter's keys (read-only).
pub const PRESENT_KEYS: &[(&str, &str)] = &[
    (
        "↑ ↓ / j k",
        "look at an older inject (what the facilitator pins comes first)",
    ),
    (
        "L",
        "large-type layout on or off: the message, its question, the countdown",
    ),
    (
        "b",
        "the board: every metric, system, service and deadline, full-screen",
    ),
    ("Tab / ← →", "tabs of the end screen"),
    ("?", "this help"),
    ("q / Ctrl-C", "quit (the journal is only read)"),
];

/// The picker's keys.
pub const PICKER_KEYS: &[(&str, &str)] = &[
    ("↑ ↓ / j k", "choose a scenario"),
    ("Enter", "open its briefing"),
    ("q / Esc", "quit"),
];

/// The briefing's keys.
pub const BRIEFING_KEYS: &[(&str, &str)] = &[
    ("↑ ↓ / j k", "move in the form"),
    ("← → / Space", "change a parameter"),
    ("Enter", "edit a field; on Start: start the exercise"),
    ("s", "start the exercise"),
    (
        "Tab",
        "switch between the form, the scenario text and (with --seats) the seats",
    ),
    ("Enter (seats)", "the highlighted seat's QR code, full size"),
    (
        "r",
        "on the seats: a new link and code for the highlighted seat",
    ),
    ("PgUp / PgDn", "scroll the scenario text"),
    ("q", "quit"),
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

#[cfg(test)]
mod tests {
    use super::*;

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
