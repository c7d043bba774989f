//! The facilitator drives the projector: what can be pinned on the presenter view, and the
//! view lines (see [`crate::journal::view`]) that carry a pin to a presenter following the
//! journal in another process. Nothing here changes the exercise.

use crate::engine::RealMs;
use crate::i18n::Lang;
use crate::journal::view::{PinKind, ViewEntry};
use crate::scenario::Scenario;
use crate::text::sanitize_line;
use crate::tr;

use super::app::{Pin, Play};
use super::wrap::truncate;

/// The pin a journal's view line names, if the scenario has it.
pub fn resolve(sc: &Scenario, kind: PinKind, id: &str) -> Option<Pin> {
    match kind {
        PinKind::Inject => sc.inject_index(id).map(Pin::Inject),
        PinKind::Attachment => sc
            .inject_index(id)
            .filter(|&i| sc.injects[i as usize].attachment.is_some())
            .map(Pin::Attachment),
        PinKind::Questions => sc
            .phases
            .iter()
            .position(|p| p.id == id)
            .map(|p| Pin::Questions(p as u16)),
    }
}

/// The view line that pins `pin` (or releases the projector, for `None`) at real time `t`.
pub fn entry(sc: &Scenario, pin: Option<Pin>, t: RealMs) -> ViewEntry {
    let (what, id) = match pin {
        None => return ViewEntry::Unpin { t },
        Some(Pin::Inject(i)) => (PinKind::Inject, sc.injects[i as usize].id.clone()),
        Some(Pin::Attachment(i)) => (PinKind::Attachment, sc.injects[i as usize].id.clone()),
        Some(Pin::Questions(p)) => (PinKind::Questions, sc.phases[p as usize].id.clone()),
    };
    ViewEntry::Pin { t, what, id }
}

/// What a pin shows, in words (for the facilitator).
pub fn label(lang: Lang, sc: &Scenario, pin: Pin) -> String {
    match pin {
        Pin::Inject(i) => tr!(
            lang,
            "pin-inject",
            title = truncate(&sanitize_line(&sc.injects[i as usize].title), 48)
        ),
        Pin::Attachment(i) => {
            let name = sc.injects[i as usize]
                .attachment
                .as_ref()
                .map(|a| a.name.as_str())
                .unwrap_or("");
            tr!(
                lang,
                "pin-attachment",
                name = truncate(&sanitize_line(name), 40)
            )
        }
        Pin::Questions(p) => tr!(
            lang,
            "pin-questions",
            n = p + 1,
            phase = truncate(&sanitize_line(&sc.phases[p as usize].title), 40)
        ),
    }
}

/// What the "show on the projector" menu offers: the selected inject, its attachment,
/// the questions of the phase (the ending one at a phase break) and, when something is
/// pinned, the release.
pub fn menu(lang: Lang, play: &Play) -> Vec<(Option<Pin>, String)> {
    let ex = play.ex();
    let sc = ex.scenario();
    let mut items = Vec::new();
    // A hidden inject is the facilitator's alone: it cannot be pinned.
    if let Some(i) = play.ui.selected
        && !sc.injects[i as usize].hidden
    {
        items.push((
            Some(Pin::Inject(i)),
            tr!(lang, "pin-message", label = label(lang, sc, Pin::Inject(i))),
        ));
        if sc.injects[i as usize].attachment.is_some() {
            items.push((
                Some(Pin::Attachment(i)),
                label(lang, sc, Pin::Attachment(i)),
            ));
        }
    }
    // At a phase break, the ending phase's questions are the ones discussed.
    let phase = ex.state().phase;
    if !sc.phases[phase as usize].questions.is_empty() {
        items.push((
            Some(Pin::Questions(phase)),
            label(lang, sc, Pin::Questions(phase)),
        ));
    }
    if play.ui.pin.is_some() {
        items.push((None, tr!(lang, "pin-release")));
    }
    items
}
