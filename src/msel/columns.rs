//! The columns of a master scenario events list: the ones `export msel` writes, and the
//! header names `import msel` recognises (English and French, case and accents ignored,
//! and the headers the export writes in every language).

use crate::i18n::Lang;
use crate::tr;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The row's number in the planned order.
    Sequence,
    /// Scenario time, `T+HH:MM`.
    Time,
    /// Weekday and clock time.
    DayTime,
    /// The phase.
    Phase,
    /// The inject's id.
    Id,
    /// The inject's title.
    Title,
    /// How it is delivered.
    Channel,
    /// Who sends it.
    From,
    /// To whom.
    To,
    /// The message.
    Description,
    /// What the teams are expected to do.
    Expected,
    /// The exercise objective it serves.
    Objective,
    /// The objective's core capability.
    Capability,
    /// For the facilitator.
    Notes,
    /// What fires it, in words.
    Trigger,
}

impl Field {
    /// The MSEL's columns, in export order.
    pub const MSEL: [Field; 15] = [
        Field::Sequence,
        Field::Time,
        Field::DayTime,
        Field::Phase,
        Field::Id,
        Field::Title,
        Field::Channel,
        Field::From,
        Field::To,
        Field::Description,
        Field::Expected,
        Field::Objective,
        Field::Capability,
        Field::Notes,
        Field::Trigger,
    ];

    /// The English header the export writes.
    pub fn header(self) -> &'static str {
        match self {
            Field::Sequence => "Seq",
            Field::Time => "Time",
            Field::DayTime => "Day/time",
            Field::Phase => "Phase",
            Field::Id => "Inject id",
            Field::Title => "Title",
            Field::Channel => "Channel",
            Field::From => "From",
            Field::To => "To",
            Field::Description => "Description",
            Field::Expected => "Expected action",
            Field::Objective => "Objective",
            Field::Capability => "Capability",
            Field::Notes => "Facilitator notes",
            Field::Trigger => "Trigger",
        }
    }

    /// The header the export writes in a language.
    pub fn header_in(self, lang: Lang) -> String {
        match self {
            Field::Sequence => tr!(lang, "sheet-seq"),
            Field::Time => tr!(lang, "sheet-time"),
            Field::DayTime => tr!(lang, "sheet-day-time"),
            Field::Phase => tr!(lang, "sheet-phase"),
            Field::Id => tr!(lang, "sheet-id"),
            Field::Title => tr!(lang, "sheet-title"),
            Field::Channel => tr!(lang, "sheet-channel"),
            Field::From => tr!(lang, "sheet-from"),
            Field::To => tr!(lang, "sheet-to"),
            Field::Description => tr!(lang, "sheet-description"),
            Field::Expected => tr!(lang, "sheet-expected"),
            Field::Objective => tr!(lang, "sheet-objective"),
            Field::Capability => tr!(lang, "sheet-capability"),
            Field::Notes => tr!(lang, "sheet-notes"),
            Field::Trigger => tr!(lang, "sheet-trigger"),
        }
    }

    /// A column width for XLSX, in characters.
    pub fn width(self) -> f64 {
        match self {
            Field::Sequence => 5.0,
            Field::Time | Field::DayTime => 10.0,
            Field::Description | Field::Expected | Field::Notes => 50.0,
            Field::Title | Field::Trigger => 30.0,
            _ => 18.0,
        }
    }

    /// The name `--map COLUMN=FIELD` gives the field.
    pub fn name(self) -> &'static str {
        match self {
            Field::Sequence => "sequence",
            Field::Time => "time",
            Field::DayTime => "daytime",
            Field::Phase => "phase",
            Field::Id => "id",
            Field::Title => "title",
            Field::Channel => "channel",
            Field::From => "from",
            Field::To => "to",
            Field::Description => "description",
            Field::Expected => "expected",
            Field::Objective => "objective",
            Field::Capability => "capability",
            Field::Notes => "notes",
            Field::Trigger => "trigger",
        }
    }

    /// The field `--map` names (`ignore` is `None` inside `Some`).
    pub fn parse(name: &str) -> Option<Option<Field>> {
        let n = normalise(name);
        if n == "ignore" || n == "none" {
            return Some(None);
        }
        Field::MSEL
            .iter()
            .copied()
            .find(|f| f.name() == n)
            .map(Some)
    }

    /// The field a spreadsheet header names, in English or French.
    pub fn of_header(header: &str) -> Option<Field> {
        let h = normalise(header);
        let f = match h.as_str() {
            "seq" | "sequence" | "no" | "n" | "#" | "numero" | "num" | "n°" | "no." => {
                Field::Sequence
            }
            "time" | "heure" | "scenario time" | "temps" | "t" | "offset" | "horaire"
            | "temps scenario" | "heure scenario" => Field::Time,
            "day/time" | "day time" | "date" | "jour/heure" | "jour heure" | "date/heure" => {
                Field::DayTime
            }
            "phase" | "sheet" | "feuille" | "etape" => Field::Phase,
            "inject id" | "id" | "identifiant" | "ref" | "reference" => Field::Id,
            "inject" | "title" | "titre" | "event" | "evenement" | "stimulus" | "intitule" => {
                Field::Title
            }
            "channel" | "method" | "canal" | "moyen" | "delivery" | "media" | "vecteur"
            | "delivery method" | "mode" => Field::Channel,
            "from" | "emetteur" | "de" | "sender" | "expediteur" | "source" => Field::From,
            "to" | "destinataire" | "destinataires" | "destinataire(s)" | "a" | "recipients"
            | "recipient" | "teams" | "equipes" | "audience" => Field::To,
            "description" | "message" | "body" | "texte" | "contenu" | "text" => Field::Description,
            "expected action" | "action attendue" | "actions attendues" | "expected actions"
            | "expected response" | "reponse attendue" => Field::Expected,
            "objective" | "objectif" | "objectives" | "objectifs" => Field::Objective,
            "capability" | "capacite" | "core capability" => Field::Capability,
            "notes" | "notes animateur" | "facilitator notes" | "note" | "remarques"
            | "notes facilitateur" | "commentaires" => Field::Notes,
            "trigger" | "declencheur" | "declenchement" => Field::Trigger,
            "jour et heure" => Field::DayTime,
            _ => {
                // The headers the export writes, in every language.
                return Field::MSEL
                    .iter()
                    .copied()
                    .find(|f| Lang::ALL.iter().any(|&l| normalise(&f.header_in(l)) == h));
            }
        };
        Some(f)
    }
}

/// The name of the sheet that holds every event, in a language.
pub fn all_events(lang: Lang) -> String {
    tr!(lang, "sheet-all-events")
}

/// "All teams" in a language.
pub fn all_teams(lang: Lang) -> String {
    tr!(lang, "sheet-all-teams")
}

/// Whether a text is one of `words`' values in some language (normalised).
pub fn in_any_language(text: &str, words: fn(Lang) -> String) -> bool {
    let t = normalise(text);
    Lang::ALL.iter().any(|&l| normalise(&words(l)) == t)
}

/// Lower case, accents dropped (French letters), spaces collapsed.
pub fn normalise(s: &str) -> String {
    let folded: String = s
        .trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' | 'á' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ç' => 'c',
            'ÿ' => 'y',
            '_' | '\u{a0}' | '\u{202f}' => ' ',
            c => c,
        })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_in_english_and_french_any_case_or_accent() {
        assert_eq!(Field::of_header("Heure"), Some(Field::Time));
        assert_eq!(Field::of_header("ÉMETTEUR"), Some(Field::From));
        assert_eq!(Field::of_header("Destinataire(s)"), Some(Field::To));
        assert_eq!(Field::of_header("À"), Some(Field::To));
        assert_eq!(Field::of_header("Notes animateur"), Some(Field::Notes));
        assert_eq!(Field::of_header("Action attendue"), Some(Field::Expected));
        assert_eq!(Field::of_header("Moyen"), Some(Field::Channel));
        assert_eq!(Field::of_header("Whatever"), None);
        assert_eq!(Field::of_header("发送方"), Some(Field::From));
        for l in Lang::ALL {
            for f in Field::MSEL {
                assert_eq!(Field::of_header(&f.header_in(l)), Some(f), "{l} {f:?}");
            }
        }
        for f in Field::MSEL {
            assert_eq!(Field::of_header(f.header()), Some(f), "{f:?}");
            assert_eq!(Field::parse(f.name()), Some(Some(f)));
        }
    }
}
