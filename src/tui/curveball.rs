//! The curveball picker's model: the scenario's curveball pool first, then every other
//! inject that has not fired, narrowed by what the facilitator types.

use crate::engine::Exercise;
use crate::scenario::compiled::Inject;

/// The curveball picker's state.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CurveballPicker {
    /// The candidates, pool first (each part in file order).
    pub injects: Vec<u16>,
    /// How many of `injects` are the pool.
    pub pool: usize,
    /// What the facilitator typed to narrow the list.
    pub filter: String,
    /// Highlighted row of the narrowed list.
    pub selected: usize,
}

impl CurveballPicker {
    /// The injects the facilitator can throw now: the pool's (a repeatable one even after
    /// it fired), then the others that have not fired.
    pub fn new(ex: &Exercise) -> Self {
        let sc = ex.scenario();
        let st = ex.state();
        let can = |i: usize| st.injects[i].fired_at.is_none() || sc.injects[i].repeat;
        let (pool, rest): (Vec<u16>, Vec<u16>) = (0..sc.injects.len())
            .filter(|&i| can(i))
            .map(|i| i as u16)
            .partition(|&i| sc.injects[usize::from(i)].curveball);
        CurveballPicker {
            pool: pool.len(),
            injects: pool.into_iter().chain(rest).collect(),
            filter: String::new(),
            selected: 0,
        }
    }

    /// The candidates the filter keeps, each with whether it is in the pool.
    pub fn visible(&self, injects: &[Inject]) -> Vec<(u16, bool)> {
        let words: Vec<String> = self
            .filter
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        self.injects
            .iter()
            .enumerate()
            .filter(|(_, i)| matches(&injects[usize::from(**i)], &words))
            .map(|(k, &i)| (i, k < self.pool))
            .collect()
    }

    /// The highlighted inject, if the filter keeps any.
    pub fn current(&self, injects: &[Inject]) -> Option<u16> {
        self.visible(injects).get(self.selected).map(|(i, _)| *i)
    }

    /// Moves the highlight by `delta` within the narrowed list.
    pub fn move_by(&mut self, delta: isize, injects: &[Inject]) {
        let n = self.visible(injects).len();
        let last = n.saturating_sub(1) as isize;
        self.selected = (self.selected as isize + delta).clamp(0, last) as usize;
    }

    /// Types a character into the filter (the highlight goes back to the top).
    pub fn push(&mut self, c: char) {
        self.filter.push(c);
        self.selected = 0;
    }

    /// Removes the filter's last character.
    pub fn pop(&mut self) {
        self.filter.pop();
        self.selected = 0;
    }
}

/// Whether every word of the filter is in the inject's id, title, sender or body.
fn matches(inj: &Inject, words: &[String]) -> bool {
    let hay = format!("{} {} {} {}", inj.id, inj.title, inj.sender, inj.body).to_lowercase();
    words.iter().all(|w| hay.contains(w.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::{Command, Exercise};
    use crate::scenario::files::NoFiles;
    use crate::scenario::load::load_str;

    fn pools() -> Exercise {
        let text = include_str!("../../tests/fixtures/scenarios/pools.ron");
        let loaded = load_str("pools.ron", text, String::new(), &NoFiles);
        let mut ex = Exercise::new(loaded.scenario.expect("pools.ron loads"), 1);
        ex.apply(
            Command::Start {
                params: Default::default(),
                session: Default::default(),
            },
            0,
        )
        .unwrap();
        ex
    }

    fn ids(p: &CurveballPicker, ex: &Exercise) -> Vec<String> {
        let sc = ex.scenario();
        p.visible(&sc.injects)
            .into_iter()
            .map(|(i, pool)| {
                format!(
                    "{}{}",
                    sc.injects[usize::from(i)].id,
                    if pool { "*" } else { "" }
                )
            })
            .collect()
    }

    #[test]
    fn the_pool_comes_first_then_the_injects_not_fired() {
        let ex = pools();
        let p = CurveballPicker::new(&ex);
        assert_eq!(
            ids(&p, &ex),
            ["press_call*", "insider*", "power*", "backdoor", "agency"]
        );
    }

    #[test]
    fn typing_narrows_the_list_and_a_repeat_stays_after_it_fired() {
        let mut ex = pools();
        ex.apply(
            Command::Curveball {
                inject: "press_call".into(),
            },
            1,
        )
        .unwrap();
        ex.apply(
            Command::Curveball {
                inject: "power".into(),
            },
            2,
        )
        .unwrap();
        let mut p = CurveballPicker::new(&ex);
        assert_eq!(
            ids(&p, &ex),
            ["press_call*", "insider*", "backdoor", "agency"]
        );
        for c in "turned AWAY".chars() {
            p.push(c);
        }
        assert_eq!(ids(&p, &ex), ["press_call*"]);
        p.move_by(3, &ex.scenario().injects);
        assert_eq!(p.selected, 0);
        p.filter.clear();
        p.push('z');
        assert!(p.current(&ex.scenario().injects).is_none());
    }
}
