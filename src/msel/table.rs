//! Plain tables of text and the two files they travel in: CSV (RFC 4180, UTF-8) and XLSX
//! (one sheet per table). Pure: bytes in, bytes out.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{Format, FormatAlign, Workbook};

/// One sheet: a header row and rows of cells, all text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    /// The sheet's name (XLSX); unused in CSV.
    pub name: String,
    /// Column headers.
    pub header: Vec<String>,
    /// Rows, each as long as the header or shorter.
    pub rows: Vec<Vec<String>>,
}

/// Column widths for XLSX, in characters: a width per column, wider for long texts.
pub type Widths<'a> = &'a [f64];

/// The UTF-8 byte order mark Excel looks for in a CSV file.
pub const BOM: &str = "\u{feff}";

/// A cell quoted for CSV when it must be (RFC 4180): a comma, a quote or a line break.
fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The sheet as CSV: CRLF line ends (RFC 4180), a BOM first when asked.
pub fn to_csv(sheet: &Sheet, bom: bool) -> String {
    let mut out = String::new();
    if bom {
        out.push_str(BOM);
    }
    for row in std::iter::once(&sheet.header).chain(&sheet.rows) {
        let cells: Vec<String> = row.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Why a CSV text cannot be read: the 1-based line where a quoted cell opens and never closes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvError {
    /// The line.
    pub line: usize,
}

/// Reads CSV (RFC 4180; a BOM, LF or CRLF line ends, and `;` as the separator when the
/// first line holds more `;` than `,`, as French spreadsheets write). Returns the records,
/// each with the 1-based line it starts on; blank lines are dropped.
pub fn parse_csv(text: &str) -> Result<Vec<(usize, Vec<String>)>, CsvError> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let sep = if first.matches(';').count() > first.matches(',').count() {
        ';'
    } else {
        ','
    };
    let mut records = Vec::new();
    let mut record: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut start = 1;
    let mut quote_line = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => quoted = false,
                '\r' if chars.peek() == Some(&'\n') => {}
                c => {
                    if c == '\n' {
                        line += 1;
                    }
                    cell.push(c);
                }
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() => {
                quoted = true;
                quote_line = line;
            }
            c if c == sep => record.push(std::mem::take(&mut cell)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut cell));
                if record.iter().any(|c| !c.trim().is_empty()) {
                    records.push((start, std::mem::take(&mut record)));
                }
                record.clear();
                line += 1;
                start = line;
            }
            c => cell.push(c),
        }
    }
    if quoted {
        return Err(CsvError { line: quote_line });
    }
    if !cell.is_empty() || !record.is_empty() {
        record.push(cell);
        if record.iter().any(|c| !c.trim().is_empty()) {
            records.push((start, record));
        }
    }
    Ok(records)
}

/// Sheets as an XLSX workbook: the header in bold and frozen, the given column widths,
/// text wrapped at the top of each cell. Sheet names are made valid and unique.
pub fn to_xlsx(sheets: &[Sheet], widths: Widths<'_>) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    let bold = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let mut used: Vec<String> = Vec::new();
    for sheet in sheets {
        let name = sheet_name(&sheet.name, &used);
        used.push(name.to_lowercase());
        let ws = book.add_worksheet();
        let e = |e: rust_xlsxwriter::XlsxError| e.to_string();
        ws.set_name(&name).map_err(e)?;
        for (c, h) in sheet.header.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &bold)
                .map_err(e)?;
            if let Some(w) = widths.get(c) {
                ws.set_column_width(c as u16, *w).map_err(e)?;
            }
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                ws.write_string_with_format(r as u32 + 1, c as u16, v, &wrap)
                    .map_err(e)?;
            }
        }
        ws.set_freeze_panes(1, 0).map_err(e)?;
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

/// A valid Excel sheet name: at most 31 characters, none of `[]:*?/\` (`: ` becomes
/// ` - `, the others `-`), not taken yet (`used` holds lower-case names), never empty.
pub fn sheet_name(wanted: &str, used: &[String]) -> String {
    let clean: String = wanted
        .replace(": ", " - ")
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .filter(|c| !c.is_control())
        .collect();
    let clean = clean.trim().trim_matches('\'').trim();
    let base: String = if clean.is_empty() { "Sheet" } else { clean }
        .chars()
        .take(31)
        .collect();
    let mut name = base.clone();
    let mut n = 2;
    while used.contains(&name.to_lowercase()) {
        let suffix = format!(" ({n})");
        let keep = 31 - suffix.chars().count();
        name = base.chars().take(keep).collect::<String>() + &suffix;
        n += 1;
    }
    name
}

/// One sheet of a workbook as read: its name and its rows of text (the first row
/// included), each with its 1-based row number as the spreadsheet shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadSheet {
    /// The sheet's name.
    pub name: String,
    /// Rows with their numbers.
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Reads every sheet of an XLSX workbook, as text: numbers without a trailing `.0`, times
/// of day and durations as `HH:MM`, dates as ISO 8601. Empty rows are dropped.
pub fn read_xlsx(bytes: &[u8]) -> Result<Vec<ReadSheet>, String> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| format!("not a readable XLSX workbook: {e}"))?;
    let mut out = Vec::new();
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|e| format!("sheet `{name}` cannot be read: {e}"))?;
        let (top, _) = range.start().unwrap_or((0, 0));
        let mut rows = Vec::new();
        for (i, row) in range.rows().enumerate() {
            let cells: Vec<String> = row.iter().map(cell_text).collect();
            if cells.iter().any(|c| !c.trim().is_empty()) {
                rows.push((top as usize + i + 1, cells));
            }
        }
        out.push(ReadSheet { name, rows });
    }
    Ok(out)
}

/// A cell as text.
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::DateTime(dt) if !dt.is_datetime() || dt.as_f64() < 1.0 => {
            // A time of day or a duration: a fraction of a day.
            let mins = (dt.as_f64() * 1440.0).round() as i64;
            format!("{:02}:{:02}", mins / 60, mins % 60)
        }
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_round_trips_quotes_commas_and_line_breaks() {
        let sheet = Sheet {
            name: "x".into(),
            header: vec!["a".into(), "b".into()],
            rows: vec![vec!["1, 2".into(), "say \"hi\"\nthen go".into()]],
        };
        let text = to_csv(&sheet, true);
        assert!(text.starts_with(BOM));
        let back = parse_csv(&text).unwrap();
        assert_eq!(back[0].1, sheet.header);
        assert_eq!(back[1], (2, sheet.rows[0].clone()));
    }

    #[test]
    fn semicolons_and_an_open_quote() {
        let rows = parse_csv("Heure;Titre\n01:00;Appel\n").unwrap();
        assert_eq!(rows[1].1, vec!["01:00", "Appel"]);
        assert_eq!(parse_csv("a,b\n\"open,x\n"), Err(CsvError { line: 2 }));
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        assert_eq!(sheet_name("a/b", &[]), "a-b");
        assert_eq!(sheet_name("Night: detection", &[]), "Night - detection");
        assert_eq!(
            sheet_name("All events", &["all events".into()]),
            "All events (2)"
        );
        assert_eq!(sheet_name("", &[]), "Sheet");
        assert_eq!(sheet_name(&"x".repeat(40), &[]).chars().count(), 31);
    }
}
