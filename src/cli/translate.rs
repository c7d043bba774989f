//! `downtime translate`: write the skeleton of a scenario's translation file, or add the
//! missing keys to an existing one (`--update`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::scenario::diagnostics::RENDER_WIDTH;
use crate::scenario::load::{MAX_FILE_SIZE, model_of, read_capped};
use crate::scenario::source::SourceFile;
use crate::scenario::translation::{self, is_language_tag, skeleton};
use crate::{errln, outln};

use super::TranslateArgs;

/// Runs `downtime translate`.
pub fn run(args: &TranslateArgs, lang: Option<&str>) -> ExitCode {
    let Some(lang) = lang else {
        errln!("downtime translate: say which language with --lang LANG (e.g. --lang fr)");
        return ExitCode::from(2);
    };
    match run_inner(args, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err((code, msg)) => {
            errln!("downtime translate: {msg}");
            ExitCode::from(code)
        }
    }
}

fn read_text(path: &Path) -> Result<String, (u8, String)> {
    let bytes = if crate::stdio::is_dash(path) {
        crate::stdio::read_stdin(MAX_FILE_SIZE).map_err(|m| (2, m))?
    } else {
        read_capped(path, MAX_FILE_SIZE).map_err(|(_, m)| (2, m))?
    };
    String::from_utf8(bytes).map_err(|_| (1, format!("`{}` is not UTF-8", path.display())))
}

fn run_inner(args: &TranslateArgs, lang: &str) -> Result<(), (u8, String)> {
    if !is_language_tag(lang) {
        return Err((
            2,
            format!("`{lang}` is not a BCP 47 language tag (e.g. fr, zh, zh-Hans)"),
        ));
    }
    let text = read_text(&args.scenario)?;
    let from_stdin = crate::stdio::is_dash(&args.scenario);
    let name = if from_stdin {
        crate::stdio::STDIN_NAME.to_string()
    } else {
        args.scenario.display().to_string()
    };
    let source = SourceFile::new(&name, &text);
    let (model, diags) = model_of(&source);
    let Some(file) = model else {
        let report = crate::scenario::diagnostics::Report {
            source,
            diagnostics: diags,
        };
        crate::output::err(&report.render_text(RENDER_WIDTH));
        return Err((
            1,
            format!("{name} cannot be translated until its errors are fixed"),
        ));
    };
    // `-o -`, or a scenario read from standard input without `-o`: the file on stdout.
    let out: PathBuf = args.output.clone().unwrap_or_else(|| {
        if from_stdin {
            return PathBuf::from("-");
        }
        let stem = args
            .scenario
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".ron"))
            .unwrap_or("scenario");
        args.scenario.with_file_name(format!("{stem}.{lang}.ron"))
    });
    let to_stdout = crate::stdio::is_dash(&out);
    let existing = if args.update {
        if to_stdout {
            return Err((
                2,
                crate::stdio::needs_a_file(
                    "--update -o",
                    "--update adds the missing keys to an existing translation file",
                ),
            ));
        }
        let t = read_text(&out)?;
        let src = SourceFile::new(out.display().to_string(), &t);
        let (tr, diags) = translation::parse(&src);
        match tr {
            Some(tr) => Some(tr),
            None => {
                let report = crate::scenario::diagnostics::Report {
                    source: src,
                    diagnostics: diags,
                };
                crate::output::err(&report.render_text(RENDER_WIDTH));
                return Err((
                    1,
                    format!("{} cannot be read as a translation", out.display()),
                ));
            }
        }
    } else {
        if !to_stdout && out.exists() {
            return Err((
                2,
                format!(
                    "{} exists; pass --update to add the missing keys to it",
                    out.display()
                ),
            ));
        }
        None
    };
    let s = skeleton::skeleton(&file, lang, existing.as_ref());
    if to_stdout {
        match crate::output::out(&s.text) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            Err(e) => return Err((2, format!("cannot write the translation: {e}"))),
        }
        errln!("{} texts to translate", s.keys);
        return Ok(());
    }
    std::fs::write(&out, &s.text)
        .map_err(|e| (2, format!("cannot write {}: {e}", out.display())))?;
    outln!(
        "wrote {}: {} texts, {} translated, {} to translate",
        out.display(),
        s.keys,
        s.kept,
        s.keys - s.kept
    );
    if !s.gone.is_empty() {
        errln!(
            "{} key{} no longer in the scenario (kept as comments at the end): {}",
            s.gone.len(),
            if s.gone.len() == 1 { " is" } else { "s are" },
            s.gone.join(", ")
        );
    }
    Ok(())
}
