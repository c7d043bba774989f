//! Axes and sampling of step series, shared by the SVG charts and the Markdown tables.

use crate::scenario::time::{DAY, HOUR, MINUTE, Secs};

use super::model::Point;

/// Most time ticks on an axis.
const MAX_TICKS: i64 = 8;

/// Tick times from 0 to `end` at a round step (15m, 1h, 6h, 1d...), at most nine ticks.
pub fn time_ticks(end: Secs) -> Vec<Secs> {
    let end = end.max(1);
    let steps = [
        5 * MINUTE,
        15 * MINUTE,
        30 * MINUTE,
        HOUR,
        2 * HOUR,
        3 * HOUR,
        4 * HOUR,
        6 * HOUR,
        12 * HOUR,
        DAY,
        2 * DAY,
        7 * DAY,
        14 * DAY,
        30 * DAY,
    ];
    let step = steps
        .iter()
        .copied()
        .find(|s| end / s <= MAX_TICKS)
        .unwrap_or_else(|| (end / MAX_TICKS / DAY + 1) * DAY);
    (0..=end / step).map(|k| k * step).collect()
}

/// Value ticks between `lo` and `hi` at a round step (1, 2, 2.5 or 5 × 10^n), about five.
pub fn value_ticks(lo: f64, hi: f64) -> Vec<f64> {
    if hi <= lo || hi.is_nan() || lo.is_nan() || !lo.is_finite() || !hi.is_finite() {
        return vec![lo];
    }
    let raw = (hi - lo) / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last).map(|k| k as f64 * step).collect()
}

/// The value of a step series at time `t`: the last point at or before it, else the first.
pub fn value_at(points: &[Point], t: Secs) -> Option<f64> {
    let k = points.partition_point(|p| p.at <= t);
    match k {
        0 => points.first().map(|p| p.value),
        k => Some(points[k - 1].value),
    }
}

/// A text sparkline of `width` characters over `[0, end]`, scaled between `lo` and `hi`.
pub fn sparkline(points: &[Point], end: Secs, lo: f64, hi: f64, width: usize) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    if points.is_empty() || width == 0 {
        return String::new();
    }
    let span = (hi - lo).max(f64::EPSILON);
    (0..width)
        .map(|k| {
            let t = if width == 1 {
                end
            } else {
                end * k as Secs / (width as Secs - 1)
            };
            let v = value_at(points, t).unwrap_or(lo);
            let x = ((v - lo) / span).clamp(0.0, 1.0);
            BARS[((x * 7.0).round() as usize).min(7)]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round() {
        assert_eq!(
            time_ticks(12 * HOUR),
            (0..=6).map(|k| k * 2 * HOUR).collect::<Vec<_>>()
        );
        assert_eq!(time_ticks(45 * MINUTE).len(), 4);
        assert_eq!(time_ticks(0), vec![0]);
        assert!(time_ticks(400 * DAY).len() <= 9);
        assert_eq!(
            value_ticks(0.0, 100.0),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(
            value_ticks(0.0, 500.0),
            vec![0.0, 100.0, 200.0, 300.0, 400.0, 500.0]
        );
        assert_eq!(value_ticks(5.0, 5.0), vec![5.0]);
    }

    #[test]
    fn step_series_are_sampled_from_the_left() {
        let pts = [
            Point { at: 0, value: 80.0 },
            Point {
                at: HOUR,
                value: 60.0,
            },
        ];
        assert_eq!(value_at(&pts, 0), Some(80.0));
        assert_eq!(value_at(&pts, HOUR - 1), Some(80.0));
        assert_eq!(value_at(&pts, HOUR), Some(60.0));
        assert_eq!(sparkline(&pts, 2 * HOUR, 0.0, 100.0, 3), "▇▅▅");
    }
}
