//! Service capacity: what each clinical service can still do, given its systems' states
//! and how long it has run on paper downtime procedures.
//!
//! For a service that depends on systems `S`, each system contributes
//! `availability(state) × 100 + (1 − availability(state)) × paper`, where `paper` is the
//! service's capacity on downtime procedures; the service's capacity is the smallest
//! contribution (the weakest link). While any system is not fully working the service runs
//! on paper; once that has lasted longer than `planned_for`, `paper` loses `decay` points per
//! day, down to `floor`: three days are planned for, thirty are not.

use std::sync::Arc;

use crate::scenario::expr::vm::reads;
use crate::scenario::time::DAY;

use super::event::Event;
use super::exercise::Exercise;

impl Exercise {
    /// Recomputes every service's capacity, emitting events for changes of a point or more.
    ///
    /// Services whose systems all work stay at 100 and are only looked at again when a
    /// system changes; services on paper are recomputed every time (their paper capacity
    /// may read any state, and it decays with time).
    pub(crate) fn update_services(&mut self, ev: &mut Vec<Event>) {
        let full = std::mem::take(&mut self.st.services_dirty);
        let sc = Arc::clone(&self.sc);
        let now = self.st.now;
        for (i, svc) in sc.services.iter().enumerate() {
            if !full
                && (self.st.services[i].paper_since.is_none()
                    || self.st.dirty & (svc.paper.reads() | reads::TIME) == 0)
            {
                continue;
            }
            let degraded = svc
                .depends_on
                .iter()
                .any(|&s| !self.st.systems[s as usize].is_working());
            let since = match (degraded, self.st.services[i].paper_since) {
                (true, None) => Some(now),
                (true, Some(t)) => Some(t),
                (false, _) => None,
            };
            self.st.services[i].paper_since = since;
            let capacity = if let Some(t0) = since {
                // The paper expression is evaluated again only when something it reads changed.
                let mut paper = match self.st.cache.paper[i] {
                    Some(p) if !full && self.st.dirty & svc.paper.reads() == 0 => p,
                    _ => {
                        let p = svc.paper.eval(&self.view()).clamp(0.0, 100.0);
                        self.st.cache.paper[i] = Some(p);
                        p
                    }
                };
                let over = (now - t0) - svc.planned_for;
                if over > 0 {
                    let lost = svc.decay * over as f64 / DAY as f64;
                    paper = (paper - lost).max(svc.floor.min(paper));
                }
                svc.depends_on
                    .iter()
                    .map(|&s| {
                        let a = self.st.systems[s as usize].availability();
                        a * 100.0 + (1.0 - a) * paper
                    })
                    .fold(100.0f64, f64::min)
            } else {
                100.0
            };
            if self.st.services[i].capacity != capacity {
                self.st.services[i].capacity = capacity;
                self.st.dirty |= reads::SERVICES;
            }
            // History and events record changes of a point or more (decay is gradual).
            let hist = &mut self.st.service_history[i];
            match hist.last() {
                None => hist.push((now, capacity)),
                Some(&(_, last))
                    if (last - capacity).abs() >= 1.0 || (capacity == 100.0 && last != 100.0) =>
                {
                    hist.push((now, capacity));
                    ev.push(Event::ServiceChanged {
                        service: i as u16,
                        from: last,
                        to: capacity,
                    });
                }
                _ => {}
            }
        }
    }
}
