//! Numbers, dates and durations as each language writes them: `10,000.5` / `10 000,5`,
//! `Sun 11 Dec 08:00` / `dim. 11 déc. 08:00` / `12 月 11 日 周日 08:00`, `1h30m` / `1 h 30` /
//! `1 小时 30 分`. Pure functions of their arguments (no locale is read here).

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use super::Lang;
use crate::scenario::compiled::format_number;

/// The narrow no-break space French puts between thousands, before `%` and units.
pub const NNBSP: char = '\u{202F}';

/// A number as the scenario writes it (no decimals for a whole number, one otherwise), in
/// the language's notation: `12345.5` in English and Chinese, `12 345,5` in French (which
/// groups thousands from five digits, as its typography does).
pub fn number(lang: Lang, n: f64) -> String {
    let text = format_number(n);
    if lang != Lang::Fr {
        return text;
    }
    let (sign, digits) = text.split_at(usize::from(text.starts_with('-')));
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let mut out = String::from(sign);
    let grouped = int.len() > 4 && int.bytes().all(|b| b.is_ascii_digit());
    for (i, c) in int.chars().enumerate() {
        if grouped && i > 0 && (int.len() - i) % 3 == 0 {
            out.push(NNBSP);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

/// A value with its unit: `45%` / `45 %`, `120 k€`, `5 days`; the bare number without one.
pub fn with_unit(lang: Lang, n: f64, unit: &str) -> String {
    let value = number(lang, n);
    match (unit, lang) {
        ("", _) => value,
        ("%", Lang::Fr) => format!("{value}{NNBSP}%"),
        ("%", _) => format!("{value}%"),
        (u, Lang::Fr) => format!("{value}{NNBSP}{u}"),
        (u, _) => format!("{value} {u}"),
    }
}

const EN_DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const FR_DAYS: [&str; 7] = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];
const ZH_DAYS: [&str; 7] = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];
const EN_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const FR_MONTHS: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];

fn weekday(lang: Lang, d: NaiveDate) -> &'static str {
    let i = d.weekday().num_days_from_monday() as usize;
    match lang {
        Lang::En => EN_DAYS[i],
        Lang::Fr => FR_DAYS[i],
        Lang::Zh => ZH_DAYS[i],
    }
}

/// A date without its weekday: `11 Dec`, `11 déc.`, `12 月 11 日`, with the year when asked.
fn day_month(lang: Lang, d: NaiveDate, year: bool) -> String {
    let m = d.month0() as usize;
    match (lang, year) {
        (Lang::En, false) => format!("{} {}", d.day(), EN_MONTHS[m]),
        (Lang::En, true) => format!("{} {} {}", d.day(), EN_MONTHS[m], d.year()),
        (Lang::Fr, false) => format!("{} {}", d.day(), FR_MONTHS[m]),
        (Lang::Fr, true) => format!("{} {} {}", d.day(), FR_MONTHS[m], d.year()),
        (Lang::Zh, false) => format!("{} 月 {} 日", m + 1, d.day()),
        (Lang::Zh, true) => format!("{} 年 {} 月 {} 日", d.year(), m + 1, d.day()),
    }
}

/// A date with its weekday: `Sun 11 Dec 2022`, `dim. 11 déc. 2022`, `2022 年 12 月 11 日 周日`.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("{} {}", day_month(lang, d, true), weekday(lang, d)),
        _ => format!("{} {}", weekday(lang, d), day_month(lang, d, true)),
    }
}

fn hm(t: NaiveDateTime) -> String {
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// A full date-time: `Sat 3 Dec 2022 21:00`, `sam. 3 déc. 2022 21:00`,
/// `2022 年 12 月 3 日 周六 21:00`.
pub fn datetime(lang: Lang, t: NaiveDateTime) -> String {
    format!("{} {}", date(lang, t.date()), hm(t))
}

/// A date-time without the year: `Sun 11 Dec 08:00`, `dim. 11 déc. 08:00`,
/// `12 月 11 日 周日 08:00`.
pub fn datetime_short(lang: Lang, t: NaiveDateTime) -> String {
    let d = t.date();
    match lang {
        Lang::Zh => format!(
            "{} {} {}",
            day_month(lang, d, false),
            weekday(lang, d),
            hm(t)
        ),
        _ => format!(
            "{} {} {}",
            weekday(lang, d),
            day_month(lang, d, false),
            hm(t)
        ),
    }
}

/// A time with its weekday, for lists: `Sun 08:00`, `dim. 08:00`, `周日 08:00`.
pub fn day_time(lang: Lang, t: NaiveDateTime) -> String {
    format!("{} {}", weekday(lang, t.date()), hm(t))
}

/// A scenario duration, compactly: `1h30m`, `3d`, `45m` / `1 h 30`, `3 j`, `45 min` /
/// `1 小时 30 分`, `3 天`, `45 分`.
pub fn duration(lang: Lang, secs: i64) -> String {
    let sign = if secs < 0 { "-" } else { "" };
    let rest = secs.unsigned_abs();
    let (d, h, m, s) = (rest / 86_400, rest / 3600 % 24, rest / 60 % 60, rest % 60);
    let mut parts: Vec<String> = Vec::new();
    match lang {
        Lang::En => {
            for (n, unit) in [(d, 'd'), (h, 'h'), (m, 'm'), (s, 's')] {
                if n > 0 {
                    parts.push(format!("{n}{unit}"));
                }
            }
            return format!(
                "{sign}{}",
                if parts.is_empty() {
                    "0m".into()
                } else {
                    parts.concat()
                }
            );
        }
        Lang::Fr => {
            if d > 0 {
                parts.push(format!("{d}{NNBSP}j"));
            }
            match (h, m) {
                (0, 0) => {}
                (0, m) => parts.push(format!("{m}{NNBSP}min")),
                (h, 0) => parts.push(format!("{h}{NNBSP}h")),
                (h, m) => parts.push(format!("{h}{NNBSP}h{NNBSP}{m:02}")),
            }
            if s > 0 {
                parts.push(format!("{s}{NNBSP}s"));
            }
            if parts.is_empty() {
                parts.push(format!("0{NNBSP}min"));
            }
        }
        Lang::Zh => {
            for (n, unit) in [(d, "天"), (h, "小时"), (m, "分"), (s, "秒")] {
                if n > 0 {
                    parts.push(format!("{n} {unit}"));
                }
            }
            if parts.is_empty() {
                parts.push("0 分".into());
            }
        }
    }
    format!("{sign}{}", parts.join(" "))
}

/// A countdown: `hh:mm` or, past a day, `2d 04:10` / `2 j 04:10` / `2 天 04:10`.
pub fn countdown(lang: Lang, secs: i64) -> String {
    let m = secs.max(0) / 60;
    let (d, h, mm) = (m / 1440, (m / 60) % 24, m % 60);
    match (d, lang) {
        (0, _) => format!("{h:02}:{mm:02}"),
        (d, Lang::En) => format!("{d}d {h:02}:{mm:02}"),
        (d, Lang::Fr) => format!("{d}{NNBSP}j {h:02}:{mm:02}"),
        (d, Lang::Zh) => format!("{d} 天 {h:02}:{mm:02}"),
    }
}

/// A list of items joined as the language does: `a, b and c` / `a, b et c` / `a、b 和 c`.
pub fn list(lang: Lang, items: &[String]) -> String {
    let (sep, last) = match lang {
        Lang::En => (", ", " and "),
        Lang::Fr => (", ", " et "),
        Lang::Zh => ("、", " 和 "),
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., tail] => format!("{}{last}{tail}", init.join(sep)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
    }

    #[test]
    fn numbers_group_and_point_by_language() {
        assert_eq!(number(Lang::En, 12345.5), "12345.5");
        assert_eq!(number(Lang::Fr, 12345.5), "12\u{202F}345,5");
        assert_eq!(number(Lang::Zh, 1234.0), "1234");
        assert_eq!(number(Lang::Fr, 2022.0), "2022");
        assert_eq!(number(Lang::Fr, -12345.0), "-12\u{202F}345");
        assert_eq!(number(Lang::Fr, -1.5), "-1,5");
        assert_eq!(with_unit(Lang::Fr, 10.0, "k€"), "10\u{202F}k€");
        assert_eq!(with_unit(Lang::Fr, 92.0, "%"), "92\u{202F}%");
        assert_eq!(with_unit(Lang::En, 92.0, "%"), "92%");
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let t = at("2022-12-11T08:00");
        assert_eq!(datetime_short(Lang::En, t), "Sun 11 Dec 08:00");
        assert_eq!(datetime_short(Lang::Fr, t), "dim. 11 déc. 08:00");
        assert_eq!(datetime_short(Lang::Zh, t), "12 月 11 日 周日 08:00");
        assert_eq!(datetime(Lang::En, t), "Sun 11 Dec 2022 08:00");
        assert_eq!(datetime(Lang::Zh, t), "2022 年 12 月 11 日 周日 08:00");
        assert_eq!(day_time(Lang::Fr, t), "dim. 08:00");
    }

    #[test]
    fn durations_and_countdowns() {
        assert_eq!(duration(Lang::En, 5400), "1h30m");
        assert_eq!(duration(Lang::En, 0), "0m");
        assert_eq!(duration(Lang::Fr, 5400), "1\u{202F}h\u{202F}30");
        assert_eq!(duration(Lang::Fr, 2700), "45\u{202F}min");
        assert_eq!(duration(Lang::Zh, 3 * 86_400 + 3600), "3 天 1 小时");
        assert_eq!(countdown(Lang::Fr, 2 * 86_400 + 600), "2\u{202F}j 00:10");
        assert_eq!(
            list(Lang::Fr, &["a".into(), "b".into(), "c".into()]),
            "a, b et c"
        );
        assert_eq!(list(Lang::Zh, &["a".into(), "b".into()]), "a 和 b");
    }
}
