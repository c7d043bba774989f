//! `downtime man`: the manual page in roff, its section headings in the language of
//! `--lang` or the environment (the options' help stays English, as clap writes it).

use std::io::Write;
use std::process::ExitCode;

use crate::i18n::Lang;
use crate::tr;

/// Writes the manual page to standard output.
pub fn run(lang: Option<&str>) -> ExitCode {
    let lang = lang
        .and_then(Lang::from_tag)
        .unwrap_or_else(crate::wall::env_lang);
    let cmd = <super::Cli as clap::CommandFactory>::command();
    let mut page = Vec::new();
    let written = clap_mangen::Man::new(cmd).render(&mut page).and_then(|()| {
        let page = String::from_utf8_lossy(&page);
        crate::output::stdout().write_all(headings(lang, &page).as_bytes())
    });
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            crate::errln!("downtime man: {e}");
            ExitCode::from(2)
        }
    }
}

/// The page with its `.SH` section headings in `lang`; other lines as they are.
pub fn headings(lang: Lang, page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    for line in page.split_inclusive('\n') {
        let heading = line
            .strip_prefix(".SH ")
            .map(|h| h.trim_end().trim_matches('"'))
            .and_then(|h| heading(lang, h));
        match heading {
            Some(h) if h.contains(' ') => out.push_str(&format!(".SH \"{h}\"\n")),
            Some(h) => out.push_str(&format!(".SH {h}\n")),
            None => out.push_str(line),
        }
    }
    out
}

/// A heading clap_mangen writes, in `lang`.
fn heading(lang: Lang, english: &str) -> Option<String> {
    Some(match english {
        "NAME" => tr!(lang, "man-name"),
        "SYNOPSIS" => tr!(lang, "man-synopsis"),
        "DESCRIPTION" => tr!(lang, "man-description"),
        "OPTIONS" => tr!(lang, "man-options"),
        "SUBCOMMANDS" | "COMMANDS" => tr!(lang, "man-commands"),
        "EXTRA" => tr!(lang, "man-extra"),
        "VERSION" => tr!(lang, "man-version"),
        "AUTHORS" => tr!(lang, "man-authors"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_are_translated_and_the_rest_kept() {
        let page = ".TH downtime 1\n.SH NAME\ndowntime\n.SH OPTIONS\n.TP\n.SH \"MY PART\"\n";
        let fr = headings(Lang::Fr, page);
        assert_eq!(
            fr,
            ".TH downtime 1\n.SH NOM\ndowntime\n.SH OPTIONS\n.TP\n.SH \"MY PART\"\n"
        );
        assert!(headings(Lang::Zh, page).contains(".SH 名称\n"));
        assert_eq!(headings(Lang::En, page), page);
    }
}
