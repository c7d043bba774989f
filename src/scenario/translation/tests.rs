use std::collections::{BTreeMap, HashSet};

use super::check::{numbers, placeholders};
use super::*;
use crate::scenario::load::model_of;

fn model(path: &str) -> ScenarioFile {
    let text = std::fs::read_to_string(path).unwrap();
    model_of(&SourceFile::new(path, &text)).0.unwrap()
}

#[test]
fn every_text_of_the_flagship_has_one_key() {
    let file = model("scenarios/saturday-night-blackout.ron");
    let all = keys(&file);
    let unique: HashSet<&String> = all.iter().collect();
    assert_eq!(unique.len(), all.len(), "keys are unique");
    let texts = texts(&file);
    assert!(texts.len() > 200, "{}", texts.len());
    // Every string literal of the file that is a text is listed: compare with a count of
    // the texts the walk sees against a map that changes them all.
    let marked: BTreeMap<String, String> =
        all.iter().map(|k| (k.clone(), format!("«{k}»"))).collect();
    let mut copy = file.clone();
    assert_eq!(apply(&mut copy, &marked), all.len());
    for (k, t) in super::texts(&copy) {
        assert_eq!(t, format!("«{k}»"));
    }
    for k in [
        "meta.title",
        "inject.screens_black.title",
        "phase.night.questions.1",
    ] {
        assert!(all.iter().any(|a| a == k), "{k}");
    }
}

#[test]
fn applying_the_texts_gives_the_same_texts() {
    for path in [
        "scenarios/saturday-night-blackout.ron",
        "scenarios/tutorial.ron",
        "scenarios/pathology-outage.ron",
    ] {
        let file = model(path);
        let map: BTreeMap<String, String> = texts(&file)
            .into_iter()
            .map(|(k, t)| (k, t.to_string()))
            .collect();
        let mut copy = file.clone();
        apply(&mut copy, &map);
        let before: Vec<(String, String)> = texts(&file)
            .into_iter()
            .map(|(k, t)| (k, t.to_string()))
            .collect();
        let after: Vec<(String, String)> = texts(&copy)
            .into_iter()
            .map(|(k, t)| (k, t.to_string()))
            .collect();
        assert_eq!(before, after, "{path}");
    }
}

#[test]
fn numbers_ignore_their_formatting() {
    let en = numbers("10,000 patients in 72h, 1.5 beds, at 03:00");
    let fr = numbers("10 000 patients en 72 h, 1,5 lit, à 3 h 00");
    assert_eq!(en, fr);
    assert!(numbers("１０ beds").contains("10"));
    assert_eq!(
        placeholders("Call {name} at {time}, not {}").len(),
        2,
        "empty braces are no placeholder"
    );
}

#[test]
fn language_tags_and_names() {
    for ok in ["fr", "zh", "en", "zh-Hans", "pt-BR"] {
        assert!(is_language_tag(ok), "{ok}");
    }
    for bad in ["", "f", "french", "fr_FR", "zh-", "12"] {
        assert!(!is_language_tag(bad), "{bad}");
    }
    assert_eq!(split_name("x.fr.ron"), Some(("x", "fr")));
    assert_eq!(split_name("x.ron"), None);
}

#[test]
fn a_skeleton_parses_and_has_every_key_empty() {
    let file = model("scenarios/tutorial.ron");
    let s = skeleton::skeleton(&file, "zh", None);
    let src = SourceFile::new("tutorial.zh.ron", &s.text);
    let (tr, diags) = parse(&src);
    assert!(diags.is_empty(), "{diags:?}");
    let tr = tr.unwrap();
    assert_eq!(tr.texts.value.0.len(), texts(&file).len());
    assert!(tr.texts.value.0.iter().all(|(_, v)| v.value.is_empty()));
    let d = check::check(&tr, &file, Some("zh"), &crate::scenario::files::NoFiles);
    assert_eq!(
        d.iter().map(|d| d.code).collect::<Vec<_>>(),
        vec![crate::scenario::diagnostics::Code::MissingTexts]
    );
}
