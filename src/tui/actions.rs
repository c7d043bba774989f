//! The action menu (`A`): a team takes one of the scenario's repeatable actions.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::engine::{Command, Exercise};

use super::app::{App, Overlay};

/// The menu's rows: each action once per team that may take it (once with no team when
/// it is open to every team), in file order.
pub fn rows(ex: &Exercise) -> Vec<(u16, Option<u16>)> {
    let mut rows = Vec::new();
    for (a, act) in ex.scenario().actions.iter().enumerate() {
        if act.teams.is_empty() {
            rows.push((a as u16, None));
        }
        for &t in &act.teams {
            rows.push((a as u16, Some(t)));
        }
    }
    rows
}

impl App {
    /// Opens the action menu, or says why there is none.
    pub(super) fn open_actions(&mut self) {
        let Some(play) = self.play() else {
            return;
        };
        let rows = rows(play.ex());
        if rows.is_empty() {
            let text = crate::tr!(self.lang(), "actions-none");
            self.error(text);
        } else {
            self.overlay = Some(Overlay::Actions { rows, selected: 0 });
        }
    }

    /// A key in the action menu; `false` closes it.
    pub(super) fn actions_key(
        &mut self,
        rows: &[(u16, Option<u16>)],
        selected: &mut usize,
        k: KeyEvent,
    ) -> bool {
        match k.code {
            KeyCode::Up | KeyCode::Char('k') => {
                *selected = selected.saturating_sub(1);
                true
            }
            KeyCode::Down | KeyCode::Char('j') => {
                *selected = (*selected + 1).min(rows.len().saturating_sub(1));
                true
            }
            KeyCode::Enter => {
                let Some(&(a, team)) = rows.get(*selected) else {
                    return false;
                };
                let Some(play) = self.play() else {
                    return false;
                };
                let sc = play.ex().scenario();
                let cmd = Command::Take {
                    action: sc.actions[a as usize].id.clone(),
                    team: team.map(|t| sc.teams[t as usize].id.clone()),
                    by: String::new(),
                    name: String::new(),
                };
                let label = sc.actions[a as usize].label.clone();
                // Refused (not available now): the menu stays open with the reason below.
                if self.send(cmd) {
                    if self.notice.is_none() {
                        self.info(format!("taken: {label}"));
                    }
                    false
                } else {
                    true
                }
            }
            _ => !matches!(k.code, KeyCode::Esc | KeyCode::Char('q')),
        }
    }
}
