//! Decision policies for headless play.

use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::engine::{Exercise, OptionStatus};

/// Stream of the policy's own generator, separate from the exercise's outcome stream.
const POLICY_STREAM: u64 = 0x706f_6c69_6379;

/// The chance that the random policy takes an action each time it could move the clock
/// on: with this probability, one available action, picked uniformly (if none is
/// available, none); otherwise the clock moves on by one step. On average it takes a third
/// of an action at each clock step (1/4 + 1/16 + ...), as long as one is available.
pub const ACTION_CHANCE: f64 = 0.25;

/// Draws among all actions before the random policy lists the available ones.
const ACTION_TRIES: usize = 16;

/// How a headless player decides.
#[derive(Clone, Debug)]
pub enum Policy {
    /// The first available option.
    First,
    /// A random available option, from its own seeded ChaCha8 stream.
    Random(Box<ChaCha8Rng>),
    /// The option marked `recommended`, else the first available.
    BestPractice,
    /// Best practice, except at one decision, where it takes one given option (when it is
    /// available): what that option alone changes against best play.
    BestExcept {
        /// The decision.
        decision: u16,
        /// The option taken there.
        option: u16,
    },
}

impl Policy {
    /// A random policy seeded from the exercise seed (on its own stream).
    pub fn random(seed: u64) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(POLICY_STREAM);
        Policy::Random(Box::new(rng))
    }

    /// Parses `first`, `random` or `best-practice`.
    pub fn parse(name: &str, seed: u64) -> Result<Self, String> {
        match name {
            "first" => Ok(Policy::First),
            "random" => Ok(Policy::random(seed)),
            "best-practice" | "best_practice" | "best" => Ok(Policy::BestPractice),
            _ => Err(format!(
                "unknown policy `{name}`: use first, random or best-practice"
            )),
        }
    }

    /// The policy's name.
    pub fn name(&self) -> &'static str {
        match self {
            Policy::First => "first",
            Policy::Random(_) => "random",
            Policy::BestPractice => "best-practice",
            Policy::BestExcept { .. } => "best-practice-except",
        }
    }

    /// Whether the policy takes actions (only the random policy does).
    pub fn acts(&self) -> bool {
        matches!(self, Policy::Random(_))
    }

    /// An action to take now, or `None` to let the clock move on. Only the random policy
    /// takes actions (see [`ACTION_CHANCE`]). It draws nothing in a scenario without
    /// actions, which plays as it always did; it looks at which actions are available only
    /// once it has drawn to act, so that hundreds of actions cost little.
    pub fn take_action(&mut self, ex: &Exercise) -> Option<u16> {
        let Policy::Random(rng) = self else {
            return None;
        };
        let n = ex.scenario().actions.len() as u16;
        if n == 0 || rng.random::<f64>() >= ACTION_CHANCE {
            return None;
        }
        let open = |a: u16| ex.action_status(a, None) == OptionStatus::Available;
        // Uniform among the available ones: draw among all until one is available (cheap
        // when many are), else look at them all.
        for _ in 0..ACTION_TRIES {
            let a = rng.random_range(0..n);
            if open(a) {
                return Some(a);
            }
        }
        let available: Vec<u16> = (0..n).filter(|&a| open(a)).collect();
        (!available.is_empty()).then(|| available[rng.random_range(0..available.len())])
    }

    /// Picks the options of decision `d` to take, in file order: one for a single answer
    /// (an available one when there is any), several for a decision with `pick` (see
    /// [`pick_several`](Self::pick_several)).
    pub fn choose(&mut self, ex: &Exercise, d: u16) -> Vec<u16> {
        let dec = &ex.scenario().decisions[d as usize];
        let n = dec.options.len() as u16;
        let available: Vec<u16> = (0..n)
            .filter(|&o| ex.option_status(d, o) == OptionStatus::Available)
            .collect();
        if dec.multi() {
            return self.pick_several(ex, d, &available);
        }
        let pool: &[u16] = if available.is_empty() {
            &[0]
        } else {
            &available
        };
        vec![match self {
            Policy::First => pool[0],
            Policy::Random(rng) => pool[rng.random_range(0..pool.len())],
            Policy::BestExcept { decision, option } if *decision == d && pool.contains(option) => {
                *option
            }
            Policy::BestPractice | Policy::BestExcept { .. } => {
                let opts = &dec.options;
                pool.iter()
                    .copied()
                    .find(|&o| opts[o as usize].recommended)
                    .unwrap_or(pool[0])
            }
        }]
    }

    /// A selection for a decision with `pick`, built by adding options one at a time as
    /// long as the selection stays available: `first` takes the first `min` options;
    /// `random` a size drawn uniformly between `min` and `max`, options in a shuffled
    /// order; `best-practice` every recommended option (up to `max`), then others in file
    /// order to reach `min`. When no selection reaches `min` this way, the first available
    /// option alone (the engine then refuses it, and the decision waits).
    pub fn pick_several(&mut self, ex: &Exercise, d: u16, available: &[u16]) -> Vec<u16> {
        let dec = &ex.scenario().decisions[d as usize];
        let (min, max) = dec.pick_limits();
        let (min, max) = (min as usize, max as usize);
        let mut sel = match self {
            Policy::First => grow(ex, d, Vec::new(), available.iter().copied(), min),
            Policy::Random(rng) => {
                let k = rng.random_range(min..=max);
                let mut order = available.to_vec();
                order.shuffle(&mut **rng);
                grow(ex, d, Vec::new(), order.into_iter(), k)
            }
            Policy::BestExcept { decision, option }
                if *decision == d && available.contains(option) =>
            {
                vec![*option]
            }
            Policy::BestPractice | Policy::BestExcept { .. } => {
                let rec = available
                    .iter()
                    .copied()
                    .filter(|&o| dec.options[o as usize].recommended);
                grow(ex, d, Vec::new(), rec, max)
            }
        };
        if sel.len() < min {
            sel = grow(ex, d, sel, available.iter().copied(), min);
        }
        if sel.is_empty() {
            sel.push(available.first().copied().unwrap_or(0));
        }
        sel
    }
}

/// Adds options of `candidates` to `sel` in turn, each only if the selection with it can
/// be taken now, until it holds `target` options; the result is in file order.
fn grow(
    ex: &Exercise,
    d: u16,
    mut sel: Vec<u16>,
    candidates: impl Iterator<Item = u16>,
    target: usize,
) -> Vec<u16> {
    for o in candidates {
        if sel.len() >= target {
            break;
        }
        if sel.contains(&o) {
            continue;
        }
        let mut with = sel.clone();
        with.push(o);
        with.sort_unstable();
        if ex.selection_status(d, &with) == OptionStatus::Available {
            sel = with;
        }
    }
    sel
}
