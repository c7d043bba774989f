//! `downtime export msel|timeline` and `downtime import msel`: real files in temporary
//! folders, read back with calamine (and LibreOffice when it is installed).

use std::path::Path;

#[path = "support/cli.rs"]
mod cli;
#[path = "support/office.rs"]
mod office;

use cli::downtime;

use calamine::{Reader, Xlsx};
use downtime::msel::columns::Field;
use downtime::msel::table::{parse_csv, read_xlsx};
use downtime::scenario::Scenario;
use downtime::scenario::compiled::Trigger;

const FLAGSHIP: &str = "scenarios/saturday-night-blackout.ron";
const FRENCH: &str = "tests/fixtures/msel/planner-fr.csv";

/// Exports the flagship's MSEL in `format` to `to` (with `extra` arguments) and expects success.
fn export_flagship(format: &str, to: &Path, extra: &[&str]) {
    let to = to.to_str().unwrap();
    let mut args = vec!["export", "msel", FLAGSHIP, "--format", format, "-o", to];
    args.extend_from_slice(extra);
    let (code, _, err) = downtime(&args, None);
    assert_eq!(code, 0, "{err}");
}

fn load(path: &Path) -> std::sync::Arc<Scenario> {
    let loaded = downtime::scenario::load::load_file(path);
    assert_eq!(
        loaded.report.errors(),
        0,
        "{} does not pass check:\n{}",
        path.display(),
        loaded.report.render_text(100)
    );
    loaded.scenario.expect("a scenario")
}

fn headers() -> Vec<String> {
    Field::MSEL.iter().map(|f| f.header().to_string()).collect()
}

fn col(f: Field) -> usize {
    Field::MSEL.iter().position(|x| *x == f).unwrap()
}

#[test]
fn the_flagships_csv_has_one_row_per_inject_with_the_headers() {
    let sc = load(Path::new(FLAGSHIP));
    let (code, out, err) = downtime(&["export", "msel", FLAGSHIP], None);
    assert_eq!(code, 0, "{err}");
    let text = String::from_utf8(out).unwrap();
    assert!(!text.starts_with('\u{feff}'));
    let rows = parse_csv(&text).unwrap();
    assert_eq!(rows[0].1, headers());
    assert_eq!(rows.len() - 1, sc.injects.len());
    // Every inject once; the timed ones first, by time.
    let mut ids: Vec<&str> = rows[1..]
        .iter()
        .map(|r| r.1[col(Field::Id)].as_str())
        .collect();
    let times: Vec<&str> = rows[1..]
        .iter()
        .map(|r| r.1[col(Field::Time)].as_str())
        .take_while(|t| !t.is_empty())
        .collect();
    assert_eq!(rows[1].1[col(Field::Trigger)], "at T+00:00");
    assert!(
        times
            .windows(2)
            .all(|w| w[0].len() < w[1].len() || w[0] <= w[1]),
        "{times:?}"
    );
    ids.sort_unstable();
    let mut want: Vec<&str> = sc.injects.iter().map(|i| i.id.as_str()).collect();
    want.sort_unstable();
    assert_eq!(ids, want);
    // The ransom note comes 45 minutes after the screens go black.
    let ransom = rows
        .iter()
        .find(|r| r.1[col(Field::Id)] == "ransom_note")
        .unwrap();
    assert_eq!(
        ransom.1[col(Field::Trigger)],
        "45 min after The screens go black"
    );
    // With --bom and -o, the file starts with the BOM and holds the same rows.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("msel.csv");
    let (code, _, err) = downtime(
        &[
            "export",
            "msel",
            FLAGSHIP,
            "--bom",
            "-o",
            file.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.starts_with('\u{feff}'));
    assert_eq!(&written['\u{feff}'.len_utf8()..], text);
}

#[test]
fn xlsx_needs_a_file_and_reads_back_with_its_sheets_and_rows() {
    let (code, out, err) = downtime(&["export", "msel", FLAGSHIP, "--format", "xlsx"], None);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("needs a file: -o FILE.xlsx"), "{err}");
    let sc = load(Path::new(FLAGSHIP));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("msel.xlsx");
    export_flagship("xlsx", &file, &[]);
    let mut book: Xlsx<_> = calamine::open_workbook(&file).unwrap();
    let mut want = vec!["All events".to_string()];
    for p in &sc.phases {
        let used: Vec<String> = want.iter().map(|w| w.to_lowercase()).collect();
        want.push(downtime::msel::table::sheet_name(&p.title, &used));
    }
    assert_eq!(book.sheet_names(), want);
    let all = book.worksheet_range("All events").unwrap();
    assert_eq!(all.height(), sc.injects.len() + 1);
    let header: Vec<String> = all
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header, headers());
    // Each phase's sheet holds the rows of that phase, as the first sheet has them.
    let phase_rows: usize = sc
        .phases
        .iter()
        .map(|p| {
            book.worksheet_range(&p.title.replace(": ", " - "))
                .unwrap()
                .height()
                - 1
        })
        .sum();
    let with_phase = all
        .rows()
        .skip(1)
        .filter(|r| !r[col(Field::Phase)].to_string().is_empty())
        .count();
    assert_eq!(phase_rows, with_phase);
    assert!(with_phase >= 19, "{with_phase}");
}

/// Exports the flagship, imports it back, and compares titles, bodies and `at` times.
fn round_trip(format: &str) {
    let sc = load(Path::new(FLAGSHIP));
    let dir = tempfile::tempdir().unwrap();
    let sheet = dir.path().join(format!("msel.{format}"));
    let ron = dir.path().join("back.ron");
    export_flagship(format, &sheet, &[]);
    let (code, _, err) = downtime(
        &[
            "import",
            "msel",
            sheet.to_str().unwrap(),
            "-o",
            ron.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let back = load(&ron);
    assert_eq!(back.injects.len(), sc.injects.len());
    for inj in &sc.injects {
        let b = back
            .injects
            .iter()
            .find(|b| b.id == inj.id)
            .unwrap_or_else(|| panic!("{} is missing after the round trip", inj.id));
        assert_eq!(b.title, inj.title);
        assert_eq!(b.body, inj.body);
        if let (Trigger::At(t), false) = (&inj.trigger, inj.curveball) {
            assert!(matches!(b.trigger, Trigger::At(x) if x == *t), "{}", inj.id);
        }
    }
    let (code, out, _) = downtime(&["check", ron.to_str().unwrap()], None);
    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&out));
}

#[test]
fn the_flagship_round_trips_through_xlsx() {
    round_trip("xlsx");
}

#[test]
fn the_flagship_round_trips_through_csv() {
    round_trip("csv");
}

#[test]
fn a_french_planners_csv_imports_with_one_diagnostic_for_its_broken_row() {
    let dir = tempfile::tempdir().unwrap();
    let ron = dir.path().join("exercice.ron");
    let (code, _, err) = downtime(
        &["import", "msel", FRENCH, "-o", ron.to_str().unwrap()],
        None,
    );
    assert_eq!(code, 1, "{err}");
    assert_eq!(err.matches("error[DT0051]").count(), 1, "{err}");
    assert!(
        err.contains("row 4, column \"Heure\": cannot read the time: `25h99`"),
        "{err}"
    );
    let sc = load(&ron);
    let titles: Vec<&str> = sc.injects.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Les écrans s'éteignent",
            "La note de rançon",
            "Le SAMU demande des nouvelles",
            "Point de situation",
            "Un pigeon voyageur",
        ]
    );
    assert_eq!(sc.meta.language, "fr");
    let teams: Vec<&str> = sc.teams.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(teams, ["Cellule de crise", "DSI"]);
    assert!(
        sc.injects[0].teams.is_empty(),
        "\"Toutes les équipes\" is everyone"
    );
    assert!(matches!(sc.injects[2].trigger, Trigger::At(5400)));
    assert!(
        sc.injects[4].curveball,
        "a row without a time is a curveball"
    );
    let phases: Vec<(&str, i64)> = sc
        .phases
        .iter()
        .map(|p| (p.title.as_str(), p.start))
        .collect();
    assert_eq!(phases, [("Nuit", 0), ("Matin", 9 * 3600)]);
    let objectives: Vec<&str> = sc.meta.objectives.iter().map(|o| o.text.as_str()).collect();
    assert_eq!(objectives, ["Contenir l'attaque", "Informer le public"]);
    let text = std::fs::read_to_string(&ron).unwrap();
    assert!(
        text.contains("// imported from tests/fixtures/msel/planner-fr.csv, row 2\n"),
        "{text}"
    );
    assert!(text.contains("channel \"Pigeon\" is not one Downtime knows: Other"));
    // The same rows on standard input, with the header renamed and mapped back.
    let csv = std::fs::read_to_string(FRENCH)
        .unwrap()
        .replacen("Heure", "Quand", 1);
    let (code, out, err) = downtime(
        &["import", "msel", "-", "--map", "quand=time"],
        Some(csv.as_bytes()),
    );
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("row 4, column \"Quand\""), "{err}");
    assert!(
        String::from_utf8(out)
            .unwrap()
            .contains("title: \"La note de rançon\"")
    );
    let (code, _, err) = downtime(
        &["import", "msel", "-", "--map", "quand=tiem"],
        Some(csv.as_bytes()),
    );
    assert_eq!(code, 2);
    assert!(err.contains("`tiem` is not a field"), "{err}");
}

#[test]
fn bad_spreadsheets_are_refused_with_a_message_and_no_panic() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], i32, &str); 4] = [
        (
            "none.csv",
            b"Colour,Size\nred,2\n",
            1,
            "no sheet has a header row",
        ),
        (
            "open.csv",
            b"Title,Time\n\"never closed,1h\n",
            1,
            "never closes",
        ),
        (
            "latin1.csv",
            b"Titre\n\xe9t\xe9\n",
            1,
            "neither an XLSX workbook nor UTF-8",
        ),
        (
            "broken.xlsx",
            b"PK\x03\x04 not really a zip",
            1,
            "not a readable XLSX workbook",
        ),
    ];
    for (name, bytes, want, says) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let (code, _, err) = downtime(&["import", "msel", p.to_str().unwrap()], None);
        assert_eq!(code, want, "{name}: {err}");
        assert!(err.contains(says), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
    let (code, _, err) = downtime(&["import", "msel", "/nonexistent/plan.csv"], None);
    assert_eq!(code, 2, "{err}");
    // A title line above the header is skipped; an existing scenario is not overwritten.
    let p = dir.path().join("titled.csv");
    std::fs::write(
        &p,
        "Exercise Blue Night,,\nTime,Title,Message\n01:00,Call,Hello\n",
    )
    .unwrap();
    let (code, _, err) = downtime(&["import", "msel", p.to_str().unwrap()], None);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        load(&dir.path().join("titled.ron")).injects[0].title,
        "Call"
    );
    let (code, _, err) = downtime(&["import", "msel", p.to_str().unwrap()], None);
    assert_eq!(code, 2);
    assert!(err.contains("already exists"), "{err}");
    let (code, _, err) = downtime(&["import", "msel", p.to_str().unwrap(), "--force"], None);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn the_timeline_of_a_played_journal() {
    let dir = tempfile::tempdir().unwrap();
    let journal = dir.path().join("j.jsonl");
    let plan = dir.path().join("p.plan");
    std::fs::write(
        &plan,
        "note The room asks for the lab manager\nset patient_safety 70 Facilitator's call\n",
    )
    .unwrap();
    let policy = format!("script:{}", plan.display());
    let (code, _, err) = downtime(
        &[
            "run",
            "scenarios/tutorial.ron",
            "--seed",
            "3",
            "--policy",
            &policy,
            "--journal",
            journal.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = downtime(&["export", "timeline", journal.to_str().unwrap()], None);
    assert_eq!(code, 0, "{err}");
    let rows = parse_csv(&String::from_utf8(out).unwrap()).unwrap();
    assert_eq!(
        rows[0].1[..5],
        ["Seq", "Real time", "Scenario time", "Planned", "Kind"]
    );
    let kinds: Vec<&str> = rows[1..].iter().map(|r| r.1[4].as_str()).collect();
    assert!(
        kinds.contains(&"inject") && kinds.contains(&"decision"),
        "{kinds:?}"
    );
    assert_eq!(kinds.last(), Some(&"ending"));
    let note = rows.iter().find(|r| r.1[4] == "note").expect("the note");
    assert_eq!(note.1[5], "The room asks for the lab manager");
    let set = rows
        .iter()
        .find(|r| r.1[4] == "override")
        .expect("the override");
    assert_eq!(
        (set.1[5].as_str(), set.1[7].as_str()),
        ("patient_safety = 70", "Facilitator's call")
    );
    let decision = rows.iter().find(|r| r.1[4] == "decision").unwrap();
    assert!(!decision.1[7].is_empty(), "{decision:?}");
    // A timed inject shows its planned time beside the actual one.
    assert!(
        rows[1..]
            .iter()
            .any(|r| r.1[4] == "inject" && !r.1[3].is_empty())
    );
    let xlsx = dir.path().join("t.xlsx");
    let (code, _, err) = downtime(
        &[
            "export",
            "timeline",
            journal.to_str().unwrap(),
            "--format",
            "xlsx",
            "-o",
            xlsx.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let sheets = read_xlsx(&std::fs::read(&xlsx).unwrap()).unwrap();
    assert_eq!(sheets.len(), 1);
    assert_eq!(sheets[0].rows.len(), rows.len());
}

#[test]
fn libreoffice_reads_the_exported_workbook_as_calamine_does() {
    let Some(office) = office::office_or_skip("libreoffice-calc") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("msel.xlsx");
    export_flagship("xlsx", &xlsx, &[]);
    let outdir = dir.path().join("out");
    let csv = office::convert(
        &office,
        &xlsx,
        "csv:Text - txt - csv (StarCalc):44,34,76,1",
        &outdir,
    );
    let csv = std::fs::read_to_string(csv).unwrap();
    let theirs: Vec<Vec<String>> = parse_csv(&csv).unwrap().into_iter().map(|r| r.1).collect();
    let ours: Vec<Vec<String>> = read_xlsx(&std::fs::read(&xlsx).unwrap()).unwrap()[0]
        .rows
        .iter()
        .map(|r| r.1.clone())
        .collect();
    assert_eq!(theirs.len(), ours.len());
    for (t, o) in theirs.iter().zip(&ours) {
        assert_eq!(t, o);
    }
}

#[test]
fn in_french_the_headers_are_french_and_the_export_still_imports() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("msel-fr.xlsx");
    export_flagship("xlsx", &xlsx, &["--lang", "fr"]);
    let sheets = read_xlsx(&std::fs::read(&xlsx).unwrap()).unwrap();
    assert_eq!(sheets[0].name, "Tous les événements");
    let header = &sheets[0].rows[0].1;
    assert_eq!(header[..3], ["N°", "Heure", "Jour et heure"]);
    assert!(header.contains(&"Notes animateur".to_string()));
    let ron = dir.path().join("fr.ron");
    let (code, _, err) = downtime(
        &[
            "import",
            "msel",
            xlsx.to_str().unwrap(),
            "-o",
            ron.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    let back = load(&ron);
    assert_eq!(back.meta.language, "fr");
    assert_eq!(back.injects.len(), sheets[0].rows.len() - 1);
    assert_eq!(back.teams.len(), 4);
}
