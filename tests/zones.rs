//! Scenario clocks in a time zone: daylight saving in times people read, a zone in the
//! loader's checks, and the room's zone in reports.

use std::path::Path;

use downtime::scenario::compiled::Trigger;
use downtime::scenario::diagnostics::Code;
use downtime::scenario::time::HOUR;

#[test]
fn a_zoned_clock_counts_elapsed_time_across_the_autumn_change() {
    let loaded = downtime::scenario::load_file(Path::new("tests/fixtures/scenarios/zoned.ron"));
    let sc = loaded.scenario.expect("the zoned fixture loads");
    assert_eq!(sc.clock.zone.map(|z| z.name()), Some("Europe/Paris"));
    assert_eq!(sc.clock.full(0), "Sat 29 Oct 2022 23:00 CEST");
    // 6 h after 23:00 CEST is 04:00 CET: the clocks went back from 03:00 to 02:00.
    assert_eq!(sc.clock.full(6 * HOUR), "Sun 30 Oct 2022 04:00 CET");
    assert_eq!(sc.clock.short(3 * HOUR), "Sun 30 Oct 02:00 CEST");
    assert_eq!(sc.clock.short(4 * HOUR), "Sun 30 Oct 02:00 CET");
    assert_eq!(sc.clock.day_time(6 * HOUR), "Sun 04:00");
    let shift = sc.injects.iter().find(|i| i.id == "day_shift").unwrap();
    assert!(matches!(shift.trigger, Trigger::At(t) if t == 6 * HOUR));
}

#[test]
fn an_unknown_zone_is_dt0050_with_the_name_it_meant() {
    let src = std::fs::read_to_string("tests/fixtures/scenarios/zoned.ron").unwrap();
    let bad = src.replace("Europe/Paris", "europe/paris");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("zoned.ron");
    std::fs::write(&path, bad).unwrap();
    let loaded = downtime::scenario::load_file(&path);
    let codes: Vec<Code> = loaded.report.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec![Code::UnknownZone]);
    let help = loaded.report.diagnostics[0]
        .help
        .clone()
        .unwrap_or_default();
    assert!(help.contains("`Europe/Paris`"), "{help}");
}
