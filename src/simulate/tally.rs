//! What the simulator keeps from each playthrough: integer counts only, so that merging the
//! tallies of several threads gives the same totals whatever the order.

use crate::engine::{CheckStatus, Exercise, Status};
use crate::scenario::Scenario;

/// Number of score buckets: scores are rounded to a tenth of a point, 0.0 to 100.0.
pub const SCORE_BUCKETS: usize = 1001;

/// The outcome of a best-practice check in one run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CheckCounts {
    /// Runs that met it.
    pub met: u64,
    /// Runs that missed it.
    pub missed: u64,
    /// Runs where its window never opened.
    pub not_applicable: u64,
    /// Runs where it was still open at the end (should not happen once ended).
    pub pending: u64,
}

/// Counts for one option of a decision.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OptionCounts {
    /// Runs that chose it.
    pub chosen: u64,
    /// Sum of the final scores (in tenths of a point) of those runs.
    pub score_tenths: i64,
    /// Runs where it was taken by timeout.
    pub by_timeout: u64,
}

/// Counts for one repeatable action.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ActionCounts {
    /// Runs that took it at least once.
    pub runs: u64,
    /// Times taken, over all runs.
    pub uses: u64,
    /// Sum of the final scores (in tenths of a point) of the runs that took it.
    pub score_tenths: i64,
}

/// A playthrough that could not be completed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// Index of the run.
    pub run: u64,
    /// Its seed.
    pub seed: u64,
    /// What went wrong.
    pub message: String,
}

/// Aggregated counts of many playthroughs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tally {
    /// Completed runs.
    pub runs: u64,
    /// Runs that failed.
    pub failed: u64,
    /// The failure with the smallest run index, if any.
    pub first_failure: Option<Failure>,
    /// Commands applied (every step of the playthrough loop, the start included).
    pub commands: u64,
    /// Decisions taken (choices by the policy and timeouts).
    pub decisions_taken: u64,
    /// Runs per ending.
    pub endings: Vec<u64>,
    /// Runs per score, in tenths of a point.
    pub scores: Vec<u64>,
    /// Sum of scores in tenths of a point.
    pub score_tenths: i64,
    /// Runs per grade band.
    pub grades: Vec<u64>,
    /// Per check.
    pub checks: Vec<CheckCounts>,
    /// Runs in which each inject fired.
    pub injects_fired: Vec<u64>,
    /// Runs in which each inject was skipped by its chance roll.
    pub injects_skipped: Vec<u64>,
    /// Runs in which each decision opened.
    pub decisions_opened: Vec<u64>,
    /// Runs in which each decision was open at some moment with no available option.
    pub no_option: Vec<u64>,
    /// Per decision, per option.
    pub options: Vec<Vec<OptionCounts>>,
    /// Per decision: runs in which it was taken, and the sum of their final scores (tenths
    /// of a point). With several answers at once, the options' counts add up to more.
    pub taken: Vec<(u64, i64)>,
    /// Runs in which each deadline started, was met, was missed.
    pub deadlines: Vec<[u64; 3]>,
    /// Runs in which each random event happened at least once.
    pub random_events: Vec<u64>,
    /// Per action.
    pub actions: Vec<ActionCounts>,
    /// Sum of final scenario times (seconds).
    pub duration_secs: i64,
}

impl Tally {
    /// An empty tally shaped for a scenario.
    pub fn new(sc: &Scenario) -> Tally {
        Tally {
            runs: 0,
            failed: 0,
            first_failure: None,
            commands: 0,
            decisions_taken: 0,
            endings: vec![0; sc.endings.len()],
            scores: vec![0; SCORE_BUCKETS],
            score_tenths: 0,
            grades: vec![0; sc.grades.len()],
            checks: vec![CheckCounts::default(); sc.checks.len()],
            injects_fired: vec![0; sc.injects.len()],
            injects_skipped: vec![0; sc.injects.len()],
            decisions_opened: vec![0; sc.decisions.len()],
            taken: vec![(0, 0); sc.decisions.len()],
            no_option: vec![0; sc.decisions.len()],
            options: sc
                .decisions
                .iter()
                .map(|d| vec![OptionCounts::default(); d.options.len()])
                .collect(),
            deadlines: vec![[0; 3]; sc.deadlines.len()],
            random_events: vec![0; sc.random_events.len()],
            actions: vec![ActionCounts::default(); sc.actions.len()],
            duration_secs: 0,
        }
    }

    /// Records a finished exercise.
    pub fn record(&mut self, ex: &Exercise, commands: u64) {
        let sc = ex.scenario();
        let st = ex.state();
        let Status::Ended { ending } = ex.status() else {
            return;
        };
        let card = ex.score();
        let tenths = (card.score * 10.0).round().clamp(0.0, 1000.0) as i64;
        self.runs += 1;
        self.commands += commands;
        self.endings[ending as usize] += 1;
        self.scores[tenths as usize] += 1;
        self.score_tenths += tenths;
        if let Some(g) = card.grade {
            self.grades[g] += 1;
        }
        for c in &card.checks {
            let cc = &mut self.checks[c.check as usize];
            match c.status {
                CheckStatus::Met(_) => cc.met += 1,
                CheckStatus::Missed(_) => cc.missed += 1,
                CheckStatus::NotApplicable => cc.not_applicable += 1,
                CheckStatus::Pending => cc.pending += 1,
            }
        }
        for (i, s) in st.injects.iter().enumerate() {
            self.injects_fired[i] += u64::from(s.fired_at.is_some());
            self.injects_skipped[i] += u64::from(s.skipped);
        }
        for (d, ds) in st.decisions.iter().enumerate() {
            self.decisions_opened[d] += u64::from(ds.opened_at.is_some());
            if let Some(c) = &ds.choice {
                self.decisions_taken += 1;
                self.taken[d].0 += 1;
                self.taken[d].1 += tenths;
                for (o, _) in c.picked() {
                    let oc = &mut self.options[d][o as usize];
                    oc.chosen += 1;
                    oc.score_tenths += tenths;
                    oc.by_timeout += u64::from(c.timeout);
                }
            }
        }
        for (i, ds) in st.deadlines.iter().enumerate() {
            let t = &mut self.deadlines[i];
            t[0] += u64::from(ds.started.is_some());
            t[1] += u64::from(ds.met.is_some());
            t[2] += u64::from(ds.missed.is_some());
        }
        for (i, &hits) in st.random_hits.iter().enumerate() {
            self.random_events[i] += u64::from(hits > 0);
        }
        for (a, s) in st.actions.iter().enumerate() {
            if s.uses > 0 {
                let c = &mut self.actions[a];
                c.runs += 1;
                c.uses += u64::from(s.uses);
                c.score_tenths += tenths;
            }
        }
        self.duration_secs += st.now;
        debug_assert_eq!(sc.endings.len(), self.endings.len());
    }

    /// Records a run that could not be completed.
    pub fn fail(&mut self, run: u64, seed: u64, message: String) {
        self.failed += 1;
        if self.first_failure.as_ref().is_none_or(|f| run < f.run) {
            self.first_failure = Some(Failure { run, seed, message });
        }
    }

    /// Adds another tally (of the same scenario) to this one. Addition of integers does
    /// not depend on order, so the result is the same whatever thread ran what.
    pub fn merge(&mut self, o: &Tally) {
        fn add(a: &mut [u64], b: &[u64]) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
        self.runs += o.runs;
        self.failed += o.failed;
        if let Some(f) = &o.first_failure
            && self.first_failure.as_ref().is_none_or(|m| f.run < m.run)
        {
            self.first_failure = Some(f.clone());
        }
        self.commands += o.commands;
        self.decisions_taken += o.decisions_taken;
        add(&mut self.endings, &o.endings);
        add(&mut self.scores, &o.scores);
        self.score_tenths += o.score_tenths;
        add(&mut self.grades, &o.grades);
        for (a, b) in self.checks.iter_mut().zip(&o.checks) {
            a.met += b.met;
            a.missed += b.missed;
            a.not_applicable += b.not_applicable;
            a.pending += b.pending;
        }
        add(&mut self.injects_fired, &o.injects_fired);
        add(&mut self.injects_skipped, &o.injects_skipped);
        add(&mut self.decisions_opened, &o.decisions_opened);
        for (a, b) in self.taken.iter_mut().zip(&o.taken) {
            a.0 += b.0;
            a.1 += b.1;
        }
        add(&mut self.no_option, &o.no_option);
        for (a, b) in self.options.iter_mut().zip(&o.options) {
            for (x, y) in a.iter_mut().zip(b) {
                x.chosen += y.chosen;
                x.score_tenths += y.score_tenths;
                x.by_timeout += y.by_timeout;
            }
        }
        for (a, b) in self.deadlines.iter_mut().zip(&o.deadlines) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
        add(&mut self.random_events, &o.random_events);
        for (a, b) in self.actions.iter_mut().zip(&o.actions) {
            a.runs += b.runs;
            a.uses += b.uses;
            a.score_tenths += b.score_tenths;
        }
        self.duration_secs += o.duration_secs;
    }

    /// The score at a percentile (nearest rank), in points.
    pub fn percentile(&self, p: f64) -> Option<f64> {
        if self.runs == 0 {
            return None;
        }
        let rank = ((p / 100.0) * self.runs as f64).ceil().max(1.0) as u64;
        let mut seen = 0;
        for (t, &n) in self.scores.iter().enumerate() {
            seen += n;
            if seen >= rank {
                return Some(t as f64 / 10.0);
            }
        }
        None
    }
}
