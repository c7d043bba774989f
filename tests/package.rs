//! `downtime export sitman|guide|feedback`: the HSEEP exercise package. The trees are
//! checked for what they hold (and, above all, for what the players' manual must not hold),
//! then the command for its files, languages and exit codes.

#[path = "support/cli.rs"]
mod cli;
#[path = "support/office.rs"]
mod office;

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;

use cli::{downtime, downtime_in};
use downtime::i18n::Lang;
use downtime::msel::export::planned_order;
use downtime::package::{self, Kind};
use downtime::print::{Block, Doc};
use downtime::scenario::Scenario;
use downtime::scenario::compiled::Trigger;

const FLAGSHIP: &str = "scenarios/saturday-night-blackout.ron";

/// Every bundled scenario in each of its languages: (file, language asked).
const BUNDLED: [(&str, Option<&str>); 5] = [
    ("scenarios/saturday-night-blackout.ron", None),
    ("scenarios/saturday-night-blackout.ron", Some("fr")),
    ("scenarios/pathology-outage.ron", None),
    ("scenarios/tutorial.ron", None),
    ("scenarios/tutorial.ron", Some("zh")),
];

fn load(path: &str, lang: Option<&str>) -> Arc<Scenario> {
    let loaded = downtime::scenario::load::load_file_translated(Path::new(path), lang);
    assert_eq!(
        loaded.report.errors(),
        0,
        "{path}: {}",
        loaded.report.render_text(100)
    );
    loaded.scenario.expect("a scenario")
}

fn build(kind: Kind, sc: &Scenario) -> Doc {
    package::doc(kind, sc, &[], Lang::of_scenario(sc))
}

/// Every text of the scenario that only the facilitator and evaluators may read.
fn facilitator_only(sc: &Scenario) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in &sc.phases {
        out.push(p.notes.clone());
    }
    for i in &sc.injects {
        out.push(i.title.clone());
        out.extend(i.body.split("\n\n").map(str::to_string));
        out.push(i.notes.clone());
        out.extend(i.questions.iter().cloned());
        if let Some(a) = &i.attachment {
            out.push(a.text.clone());
        }
    }
    for d in &sc.decisions {
        out.push(d.prompt.clone());
        for o in &d.options {
            out.push(o.label.clone());
            out.push(o.unavailable.clone());
            for oc in &o.outcomes {
                out.push(oc.label.clone());
                out.push(oc.text.clone());
            }
        }
    }
    for a in &sc.actions {
        out.push(a.description.clone());
        out.push(a.unavailable.clone());
        for oc in &a.outcomes {
            out.push(oc.label.clone());
            out.push(oc.text.clone());
        }
    }
    for c in &sc.checks {
        out.push(c.title.clone());
        out.push(c.lesson.clone());
    }
    for o in &sc.meta.objectives {
        for t in &o.tasks {
            out.push(t.text.clone());
            out.push(t.target.clone());
        }
    }
    for s in &sc.meta.sources {
        out.push(s.note.clone());
    }
    for e in &sc.endings {
        out.push(e.title.clone());
        out.extend(e.debrief.split("\n\n").map(str::to_string));
    }
    for c in &sc.cast {
        out.push(c.notes.clone());
        out.extend(c.secrets.iter().cloned());
    }
    for r in &sc.random_events {
        out.push(r.label.clone());
    }
    for d in &sc.deadlines {
        out.push(d.label.clone());
        out.push(d.description.clone());
    }
    for p in &sc.params {
        out.push(p.label.clone());
        out.push(p.help.clone());
    }
    for m in &sc.metrics {
        out.push(m.description.clone());
    }
    for g in &sc.grades {
        out.push(g.label.clone());
    }
    out.into_iter()
        .map(|s| s.trim().to_string())
        // Long enough not to be a common phrase: four words or more (or, in Chinese, twelve
        // characters or more).
        .filter(|s| s.split_whitespace().count() >= 4 || s.chars().count() >= 12)
        .collect()
}

#[test]
fn the_situation_manual_holds_no_facilitator_only_text() {
    for (path, lang) in BUNDLED {
        let sc = load(path, lang);
        let text = build(Kind::Sitman, &sc).visible_text();
        let secret = facilitator_only(&sc);
        assert!(secret.len() > 10, "{path} {lang:?}: {} texts", secret.len());
        for s in &secret {
            // A phase briefing may repeat a line of the scenario: it is the players' then.
            let public = sc.phases.iter().any(|p| p.briefing.contains(s.as_str()))
                || sc.meta.summary.contains(s.as_str())
                || sc.meta.setting.contains(s.as_str())
                || sc.meta.how_to_play.contains(s.as_str());
            assert!(
                public || !text.contains(s.as_str()),
                "{path} {lang:?}: the situation manual shows facilitator-only text: {s:?}"
            );
        }
        // The same search finds them in the guide: the check can see what it looks for.
        let guide = build(Kind::Guide, &sc).visible_text();
        let in_guide = secret.iter().filter(|s| guide.contains(s.as_str())).count();
        assert!(
            in_guide * 2 > secret.len(),
            "{path} {lang:?}: {in_guide} of {}",
            secret.len()
        );
        for o in &sc.meta.objectives {
            assert!(text.contains(&o.text), "{path}: objective {:?}", o.text);
            assert!(text.contains(&o.capability), "{path}: {:?}", o.capability);
        }
        for p in &sc.phases {
            for part in p.briefing.split("\n\n").map(str::trim) {
                assert!(text.contains(part), "{path}: briefing {part:?}");
            }
            for q in &p.questions {
                assert!(text.contains(q.as_str()), "{path}: question {q:?}");
            }
        }
        for t in &sc.teams {
            assert!(text.contains(&t.name), "{path}: team {}", t.name);
        }
        let doc = build(Kind::Sitman, &sc);
        let no_fault = package::sitman::no_fault(Lang::of_scenario(&sc));
        assert!(
            doc.blocks.contains(&Block::Note(no_fault)),
            "{path}: the no-fault statement as a note"
        );
        assert!(doc.marking.is_some());
    }
}

#[test]
fn the_situation_manual_names_the_cast_without_its_notes() {
    let text = include_str!("fixtures/scenarios/pools.ron");
    let loaded = downtime::scenario::load::load_str(
        "pools.ron",
        text,
        String::new(),
        &downtime::scenario::files::NoFiles,
    );
    let sc = loaded.scenario.expect("pools.ron loads");
    assert!(!sc.cast.is_empty());
    let shown = build(Kind::Sitman, &sc).visible_text();
    for c in &sc.cast {
        assert!(shown.contains(&c.name), "{}", c.name);
        assert!(c.notes.is_empty() || !shown.contains(&c.notes));
        for s in &c.secrets {
            assert!(!shown.contains(s.as_str()), "{s}");
        }
    }
    for i in sc.injects.iter().filter(|i| i.hidden) {
        assert!(!shown.contains(&i.title), "hidden inject {}", i.title);
    }
    // The facilitator plays them: the guide has their notes and secrets.
    let guide = build(Kind::Guide, &sc).visible_text();
    for c in &sc.cast {
        assert!(guide.contains(&c.notes));
        for s in &c.secrets {
            assert!(guide.contains(s.as_str()), "{s}");
        }
    }
}

/// The blocks between the heading `title` (level `level`) and the next heading of the same
/// level or above.
fn section<'a>(doc: &'a Doc, level: u8, title: &str) -> &'a [Block] {
    let start = doc
        .blocks
        .iter()
        .position(
            |b| matches!(b, Block::Heading { level: l, text } if *l == level && text == title),
        )
        .unwrap_or_else(|| panic!("no heading {title:?}"));
    let end = doc.blocks[start + 1..]
        .iter()
        .position(|b| matches!(b, Block::Heading { level: l, .. } if *l <= level))
        .map_or(doc.blocks.len(), |n| start + 1 + n);
    &doc.blocks[start..end]
}

fn text_of(blocks: &[Block]) -> String {
    Doc {
        blocks: blocks.to_vec(),
        ..Doc::default()
    }
    .visible_text()
}

#[test]
fn the_guide_has_each_modules_messages_and_notes_and_an_evaluation_sheet_per_objective() {
    for (path, lang) in BUNDLED {
        let sc = load(path, lang);
        let l = Lang::of_scenario(&sc);
        let doc = build(Kind::Guide, &sc);
        assert!(doc.marking.is_some(), "marked for facilitators");
        let all = doc.visible_text();
        let modules: Vec<&str> = doc
            .headings()
            .into_iter()
            .filter(|(lv, _)| *lv == 1)
            .map(|(_, t)| t)
            .collect();
        for (n, p) in sc.phases.iter().enumerate() {
            let title = modules
                .iter()
                .find(|t| t.contains(&p.title) && t.contains(&(n + 1).to_string()))
                .unwrap_or_else(|| panic!("{path}: no module for {}", p.title));
            let module = text_of(section(&doc, 1, title));
            if !p.notes.is_empty() {
                let first = p.notes.split("\n\n").next().unwrap().trim();
                assert!(module.contains(first), "{path}: notes of {}", p.title);
            }
            // The messages planned at a fixed time in this phase, in planned order.
            let mut at = 0;
            for i in planned_order(&sc) {
                let inj = &sc.injects[i];
                let Trigger::At(t) = inj.trigger else {
                    continue;
                };
                if inj.curveball || usize::from(sc.phase_at(t)) != n {
                    continue;
                }
                let found = module[at..]
                    .find(&format!(". {}\n", inj.title))
                    .unwrap_or_else(|| panic!("{path}: {} not in order in {}", inj.title, p.title));
                at += found;
                assert!(module.contains(inj.body.split("\n\n").next().unwrap().trim()));
                if !inj.notes.is_empty() {
                    assert!(module.contains(&inj.notes), "{path}: notes of {}", inj.id);
                }
                if let Some(d) = inj.decision {
                    let d = &sc.decisions[usize::from(d)];
                    assert!(module.contains(&d.prompt));
                    for o in &d.options {
                        assert!(module.contains(&o.label));
                    }
                }
            }
        }
        // Every message is somewhere.
        for inj in &sc.injects {
            assert!(all.contains(&inj.title), "{path}: {}", inj.title);
        }
        // One evaluation sheet per objective, each task rated P/S/M/U, then the objective.
        let sheets: Vec<&str> = doc
            .headings()
            .into_iter()
            .filter(|(lv, t)| *lv == 2 && sc.meta.objectives.iter().any(|o| t.ends_with(&o.text)))
            .map(|(_, t)| t)
            .collect();
        for (n, o) in sc.meta.objectives.iter().enumerate() {
            let eeg = sheets
                .iter()
                .rfind(|t| t.ends_with(&o.text))
                .unwrap_or_else(|| panic!("{path}: no sheet for {}", o.text));
            let blocks = section(&doc, 2, eeg);
            let boxes = blocks
                .iter()
                .filter(
                    |b| matches!(b, Block::Boxes { boxes, .. } if boxes == &["P", "S", "M", "U"]),
                )
                .count();
            assert_eq!(boxes, o.tasks.len() + 1, "{path}: objective {}", n + 1);
            assert!(
                blocks
                    .iter()
                    .any(|b| matches!(b, Block::Lines(n) if *n >= 3))
            );
            let sheet = text_of(blocks);
            for t in &o.tasks {
                assert!(sheet.contains(&t.text));
            }
            for r in [
                downtime::engine::score::Rating::P,
                downtime::engine::score::Rating::S,
                downtime::engine::score::Rating::M,
                downtime::engine::score::Rating::U,
            ] {
                assert!(sheet.contains(&downtime::i18n::terms::rating(l, r)));
            }
            // The evidence: each critical task's checks, in the objectives part.
            for t in &o.tasks {
                for &c in &t.checks {
                    assert!(all.contains(&sc.checks[usize::from(c)].title));
                }
            }
        }
    }
}

#[test]
fn the_feedback_form_has_the_rating_table_and_lines_to_write_on() {
    let sc = load(FLAGSHIP, None);
    let doc = build(Kind::Feedback, &sc);
    let table = doc
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .expect("a rating table");
    assert_eq!(&table.header[1..], ["1", "2", "3", "4", "5"]);
    assert!(table.rows.len() >= sc.meta.objectives.len() + 5);
    for row in &table.rows {
        assert_eq!(row.len(), 6);
        assert!(row[1..].iter().all(|c| c.to_plain() == "☐"));
    }
    let text = doc.visible_text();
    for o in &sc.meta.objectives {
        assert!(text.contains(&o.text));
    }
    for h in [
        "Strengths",
        "Areas for improvement",
        "What I will do differently",
        "Other comments",
    ] {
        let blocks = section(&doc, 1, h);
        assert!(
            blocks
                .iter()
                .any(|b| matches!(b, Block::Lines(n) if *n >= 4)),
            "{h}"
        );
    }
    let about = section(&doc, 1, "About you (optional)");
    assert_eq!(
        about
            .iter()
            .filter(|b| matches!(b, Block::Lines(1)))
            .count(),
        2
    );
    assert!(
        about
            .iter()
            .any(|b| matches!(b, Block::Boxes { boxes, .. } if boxes.len() == sc.teams.len()))
    );
}

#[test]
fn a_french_scenario_gives_french_documents() {
    let sc = load(FLAGSHIP, Some("fr"));
    assert_eq!(sc.meta.language, "fr");
    let sitman = build(Kind::Sitman, &sc);
    let guide = build(Kind::Guide, &sc);
    let feedback = build(Kind::Feedback, &sc);
    for d in [&sitman, &guide, &feedback] {
        assert_eq!(d.lang, "fr");
        assert_eq!(d.title, "Samedi soir, écran noir");
    }
    let heads =
        |d: &Doc| -> Vec<String> { d.headings().iter().map(|(_, t)| t.to_string()).collect() };
    for h in [
        "Objet",
        "Périmètre",
        "Règles de l’exercice",
        "Objectifs et capacités",
    ] {
        assert!(heads(&sitman).iter().any(|x| x == h), "{h}");
    }
    assert!(
        heads(&sitman)
            .iter()
            .any(|x| x.starts_with("Module 1\u{a0}: "))
    );
    assert!(
        heads(&guide)
            .iter()
            .any(|x| x == "Grilles d’évaluation de l’exercice")
    );
    assert!(heads(&feedback).iter().any(|x| x == "Points forts"));
    assert_eq!(sitman.marking.as_deref(), Some("Pour les joueurs"));
    assert_eq!(
        guide.marking.as_deref(),
        Some("Réservé à l’animateur et aux évaluateurs")
    );
    // --lang overrides the scenario's language for the fixed words.
    let en = package::doc(Kind::Sitman, &sc, &[], Lang::En);
    assert_eq!(en.lang, "en");
    assert!(en.headings().iter().any(|(_, t)| *t == "Purpose"));
}

#[test]
fn the_same_scenario_gives_the_same_trees() {
    let sc = load(FLAGSHIP, None);
    for kind in [Kind::Sitman, Kind::Guide, Kind::Feedback] {
        assert_eq!(build(kind, &sc), build(kind, &load(FLAGSHIP, None)));
    }
}

#[test]
fn the_command_writes_html_to_standard_output_and_to_a_file() {
    let (code, out, err) = downtime(&["export", "sitman", FLAGSHIP], None);
    assert_eq!(code, 0, "{err}");
    let html = String::from_utf8(out).unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>"),
        "{}",
        &html[..80.min(html.len())]
    );
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains("Saturday Night Blackout"));
    assert!(html.contains("Situation manual"));
    let (_, again, _) = downtime(&["export", "sitman", FLAGSHIP], None);
    assert_eq!(html.as_bytes(), again, "the same bytes twice");

    let dir = tempfile::tempdir().unwrap();
    for (what, words) in [
        ("guide", "Facilitator and evaluators only"),
        ("feedback", "Participant feedback form"),
        ("sitman", "For players"),
    ] {
        let file = dir.path().join(format!("{what}.html"));
        let (code, out, err) = downtime(
            &[
                "export",
                what,
                FLAGSHIP,
                "--format",
                "html",
                "-o",
                file.to_str().unwrap(),
            ],
            None,
        );
        assert_eq!(code, 0, "{err}");
        assert!(out.is_empty());
        assert!(err.contains("wrote"), "{err}");
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains(words), "{what}");
    }
    // `-o -`, standard input and a bundled scenario, in French.
    let bytes = std::fs::read(FLAGSHIP).unwrap();
    let (code, out, err) = downtime_in(
        Some(Path::new("scenarios")),
        &["export", "guide", "-", "-o", "-"],
        Some(&bytes),
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        String::from_utf8(out)
            .unwrap()
            .contains("Facilitator and evaluator guide")
    );
    let (code, out, err) = downtime(
        &[
            "export",
            "feedback",
            "bundled:saturday-night-blackout",
            "--lang",
            "fr",
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        String::from_utf8(out)
            .unwrap()
            .contains("Questionnaire des participants")
    );
}

#[test]
fn the_command_refuses_a_missing_scenario_and_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere.ron");
    let (code, out, err) = downtime(&["export", "sitman", missing.to_str().unwrap()], None);
    assert_eq!(code, 2, "{err}");
    assert!(out.is_empty());
    assert!(err.contains("nowhere.ron"), "{err}");
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "Scenario(format: 2, meta: (id: \"x\"").unwrap();
    for what in ["sitman", "guide", "feedback"] {
        let (code, out, err) = downtime(&["export", what, broken.to_str().unwrap()], None);
        assert_eq!(code, 1, "{what}: {err}");
        assert!(out.is_empty());
        assert!(err.contains("broken.ron"), "{err}");
    }
    // As for a missing file: nothing to read.
    let (code, _, err) = downtime(&["export", "sitman", "bundled:no-such-thing"], None);
    assert_eq!(code, 2, "{err}");
}

/// `script` (util-linux) on PATH, to run a command with a terminal as standard output.
fn script() -> Option<std::path::PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|d| d.join("script"))
        .find(|p| p.is_file())
}

#[test]
fn a_word_document_is_not_written_to_a_terminal() {
    let Some(script) = script() else {
        println!("SKIPPED: `script` (util-linux) is not on PATH");
        return;
    };
    let cmd = format!(
        "{} export guide {FLAGSHIP} --format docx",
        env!("CARGO_BIN_EXE_downtime")
    );
    let out = Command::new(script)
        .args(["-qec", &cmd, "/dev/null"])
        .env("LANG", "C")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{shown}");
    assert!(shown.contains("-o FILE.docx"), "{shown}");
}

#[test]
fn each_document_as_word_converts_to_pdf_with_its_headings() {
    let dir = tempfile::tempdir().unwrap();
    // Word needs a file, or `-o -` into a pipe: the same bytes.
    let (code, piped, err) = downtime(
        &["export", "sitman", FLAGSHIP, "--format", "docx", "-o", "-"],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        piped.starts_with(b"PK\x03\x04"),
        "a zip: the DOCX bytes raw"
    );
    let mut files = Vec::new();
    for (what, lang) in [
        ("sitman", None),
        ("guide", None),
        ("feedback", None),
        ("sitman", Some("fr")),
    ] {
        let file = dir
            .path()
            .join(format!("{what}-{}.docx", lang.unwrap_or("en")));
        let mut args = vec![
            "export",
            what,
            FLAGSHIP,
            "--format",
            "docx",
            "-o",
            file.to_str().unwrap(),
        ];
        if let Some(l) = lang {
            args.extend(["--lang", l]);
        }
        let (code, _, err) = downtime(&args, None);
        assert_eq!(code, 0, "{what}: {err}");
        let bytes = std::fs::read(&file).unwrap();
        assert!(bytes.starts_with(b"PK\x03\x04"));
        if what == "sitman" && lang.is_none() {
            assert_eq!(bytes, piped, "the same bytes to a file and to a pipe");
        }
        files.push((what, lang, file));
    }
    let Some(soffice) = office::office_or_skip("libreoffice-writer") else {
        return;
    };
    let out = dir.path().join("pdf");
    for (what, lang, file) in files {
        let sc = load(FLAGSHIP, lang);
        let kind = match what {
            "sitman" => Kind::Sitman,
            "guide" => Kind::Guide,
            _ => Kind::Feedback,
        };
        let doc = build(kind, &sc);
        let pdf = office::convert(&soffice, &file, "pdf", &out);
        // pdftotext may break a long heading over lines: compare words.
        let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = words(&office::pdf_text(&pdf));
        assert!(text.contains(&words(&doc.title)), "{what}: the title");
        for (_, h) in doc.headings().into_iter() {
            assert!(
                text.contains(&words(h)),
                "{what} {lang:?}: heading {h:?} not in the PDF"
            );
        }
        if let Some(m) = &doc.marking {
            assert!(text.contains(&words(m)), "{what}: the marking");
        }
    }
}

#[test]
fn the_guide_gives_each_trigger_in_its_language_and_the_msel_keeps_english() {
    use downtime::msel::export::{trigger_words, trigger_words_in};
    let en = load(FLAGSHIP, None);
    let fr = load(FLAGSHIP, Some("fr"));
    let follow_up = en
        .injects
        .iter()
        .position(|i| matches!(i.trigger, Trigger::Manual) && !i.curveball)
        .expect("a follow-up");
    let words = trigger_words(&en, follow_up, None);
    assert!(
        words.starts_with("follow-up of outcome \"") || words.starts_with("scheduled by "),
        "{words}"
    );
    assert_eq!(words, trigger_words_in(&en, follow_up, None, Lang::En));
    let french = trigger_words_in(&fr, follow_up, None, Lang::Fr);
    assert!(
        french.starts_with("suite de l’issue «\u{a0}") || french.starts_with("programmé par "),
        "{french}"
    );
    let guide = build(Kind::Guide, &fr).visible_text();
    assert!(guide.contains(&french));
    assert!(
        !guide.contains("follow-up of"),
        "no English trigger in the French guide"
    );
}
