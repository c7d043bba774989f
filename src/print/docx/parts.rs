//! Mending the XML parts docx-rs builds: what its API cannot say (the document's language,
//! repeated header rows), a table of contents LibreOffice can read, and ids that do not
//! depend on what the process wrote before.

use docx_rs::XMLDocx;

use super::TEXT_W;

/// The height (in twips, "at least") that marks a header row for [`header_rows`], which
/// docx-rs cannot mark itself.
pub(super) const HEADER_ROW_MARK: f32 = 1.0;
const HEADER_ROW_XML: &str = r#"<w:trHeight w:val="1" w:hRule="atLeast" />"#;

/// Header rows repeated at the top of every page a table runs onto.
pub(super) fn header_rows(document: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(document)
        .replace(HEADER_ROW_XML, "<w:tblHeader />")
        .into_bytes()
}

/// The marks of section breaks: the end of portrait pages before landscape ones, and the
/// end of landscape pages.
pub(super) const PORTRAIT_END: &str = "\u{E000}downtime-portrait-end\u{E000}";
pub(super) const LANDSCAPE_END: &str = "\u{E000}downtime-landscape-end\u{E000}";

/// Section breaks in place of their marks: a paragraph holding the section's properties,
/// those of the document's last section (its header and footer) for portrait pages, turned
/// a quarter for landscape ones. docx-rs's own sections drop a section's footer when it has
/// a header, and need every part given again.
pub(super) fn with_sections(document: &[u8]) -> Vec<u8> {
    let mut text = String::from_utf8_lossy(document).into_owned();
    if !text.contains(PORTRAIT_END) {
        return text.into_bytes();
    }
    let Some(last) = last_section(&text) else {
        return text.into_bytes();
    };
    let portrait = format!("<w:p><w:pPr>{last}</w:pPr></w:p>");
    let turned = last.replacen(
        &format!(
            r#"<w:pgSz w:w="{}" w:h="{}" />"#,
            super::PAGE_W,
            super::PAGE_H
        ),
        &format!(
            r#"<w:pgSz w:w="{}" w:h="{}" w:orient="landscape" />"#,
            super::PAGE_H,
            super::PAGE_W
        ),
        1,
    );
    let landscape = format!("<w:p><w:pPr>{turned}</w:pPr></w:p>");
    while text.contains(PORTRAIT_END) {
        text = replace_paragraph(&text, PORTRAIT_END, &portrait);
    }
    while text.contains(LANDSCAPE_END) {
        text = replace_paragraph(&text, LANDSCAPE_END, &landscape);
    }
    text.into_bytes()
}

/// The document's last `<w:sectPr>…</w:sectPr>`.
fn last_section(text: &str) -> Option<String> {
    let start = text.rfind("<w:sectPr")?;
    let end = text[start..].find("</w:sectPr>")? + start + "</w:sectPr>".len();
    Some(text[start..end].to_string())
}

/// The text with the paragraph that holds `mark` replaced by `by`.
fn replace_paragraph(text: &str, mark: &str, by: &str) -> String {
    let Some(at) = text.find(mark) else {
        return text.to_string();
    };
    let start = text[..at]
        .rfind("<w:p ")
        .into_iter()
        .chain(text[..at].rfind("<w:p>"))
        .max()
        .unwrap_or(at);
    let end = text[at..]
        .find("</w:p>")
        .map_or(text.len(), |e| at + e + "</w:p>".len());
    format!("{}{by}{}", &text[..start], &text[end..])
}

/// Where the table of contents goes: a paragraph [`with_contents`] replaces.
pub(super) const TOC_MARK: &str = "\u{E000}downtime-contents\u{E000}";

/// The bookmark of the `n`th heading, which its line in the table of contents links to.
pub(super) fn bookmark(n: usize) -> String {
    format!("_Toc{n:08}")
}

/// The heading levels the table of contents lists (as the HTML page's does).
const CONTENTS_DEPTH: u8 = 2;

/// The table of contents in place of its mark: a `TOC` field (levels 1 and 2, linked)
/// whose entries are the headings, linked to their bookmarks, without page numbers,
/// marked for Word to update on opening (which adds them). docx-rs's own table of
/// contents puts every field character in one run and page numbers it cannot know,
/// which LibreOffice prints as the field's code.
pub(super) fn with_contents(document: &[u8], headings: &[(u8, &str)]) -> Vec<u8> {
    let text = String::from_utf8_lossy(document).into_owned();
    if !text.contains(TOC_MARK) {
        return document.to_vec();
    }
    let mut toc = String::new();
    let listed: Vec<_> = headings
        .iter()
        .enumerate()
        .filter(|(_, (level, _))| *level <= CONTENTS_DEPTH)
        .collect();
    for (n, (i, (level, heading))) in listed.iter().enumerate() {
        let level = (*level).clamp(1, CONTENTS_DEPTH);
        toc.push_str(&format!(
            r#"<w:p><w:pPr><w:pStyle w:val="TOC{level}" /><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{TEXT_W}" /></w:tabs></w:pPr>"#
        ));
        if n == 0 {
            toc.push_str(concat!(
                r#"<w:r><w:fldChar w:fldCharType="begin" w:dirty="true" /></w:r>"#,
                r#"<w:r><w:instrText xml:space="preserve"> TOC \o "1-2" \h \z \u </w:instrText></w:r>"#,
                r#"<w:r><w:fldChar w:fldCharType="separate" /></w:r>"#
            ));
        }
        toc.push_str(&format!(
            r#"<w:hyperlink w:anchor="{}" w:history="1"><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:hyperlink></w:p>"#,
            bookmark(i + 1),
            escape(heading)
        ));
    }
    if !listed.is_empty() {
        toc.push_str(r#"<w:p><w:r><w:fldChar w:fldCharType="end" /></w:r></w:p>"#);
    }
    replace_paragraph(&text, TOC_MARK, &toc).into_bytes()
}

/// The language tag as Word writes it (`fr` → `fr-FR`).
fn word_language(lang: &str) -> &'static str {
    match lang.split(['-', '_']).next().unwrap_or("") {
        "fr" => "fr-FR",
        "zh" => "zh-CN",
        "de" => "de-DE",
        "es" => "es-ES",
        _ => "en-GB",
    }
}

/// Sets the document's language (default run properties: Latin and East Asian text) and
/// its title and language in the core properties.
pub(super) fn with_language(mut xml: XMLDocx, lang: &str, title: &str) -> XMLDocx {
    let tag = word_language(lang);
    let lang_xml = format!(r#"<w:lang w:val="{tag}" w:eastAsia="zh-CN" w:bidi="ar-SA" />"#);
    let styles = String::from_utf8_lossy(&xml.styles).into_owned();
    let styles = if let Some(at) = styles.find("<w:rPrDefault><w:rPr>") {
        let at = at + "<w:rPrDefault><w:rPr>".len();
        format!("{}{lang_xml}{}", &styles[..at], &styles[at..])
    } else {
        styles.replacen(
            "<w:rPrDefault><w:rPr />",
            &format!("<w:rPrDefault><w:rPr>{lang_xml}</w:rPr>"),
            1,
        )
    };
    xml.styles = styles.into_bytes();
    let core = String::from_utf8_lossy(&xml.doc_props.core).into_owned();
    let props = format!(
        "<dc:title>{}</dc:title><dc:language>{tag}</dc:language></cp:coreProperties>",
        escape(title)
    );
    xml.doc_props.core = core
        .replacen("</cp:coreProperties>", &props, 1)
        .into_bytes();
    xml
}

/// Numbers paragraphs, bookmarks and table-of-contents anchors from 1 in every document.
/// docx-rs draws them from counters that live as long as the process (a second document
/// would get other numbers), so two writes of one tree would differ.
pub(super) fn stable_ids(mut xml: XMLDocx) -> XMLDocx {
    let parts = std::iter::once(&mut xml.document)
        .chain(xml.headers.iter_mut())
        .chain(xml.footers.iter_mut())
        .chain(std::iter::once(&mut xml.footnotes));
    for part in parts {
        let text = String::from_utf8_lossy(part).into_owned();
        let text = number_each(&text, "w14:paraId=\"", |n| format!("{n:08X}"));
        let text = renumber(&text, &["_Toc"], |n| format!("{n:08}"));
        let text = renumber(
            &text,
            &["<w:bookmarkStart w:id=\"", "<w:bookmarkEnd w:id=\""],
            |n| n.to_string(),
        );
        *part = text.into_bytes();
    }
    xml
}

/// Replaces the word (letters and digits) after each `prefix` by the next number: every
/// paragraph gets its own id, whatever docx-rs's counter gave (it may repeat one).
fn number_each(xml: &str, prefix: &str, format: impl Fn(usize) -> String) -> String {
    let mut n = 0;
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(at) = rest.find(prefix) {
        let start = at + prefix.len();
        let len = rest[start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - start);
        n += 1;
        out.push_str(&rest[..start]);
        out.push_str(&format(n));
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

/// Replaces the word (letters and digits) after each of `prefixes` by a number given in
/// order of first appearance (the same word gets the same number).
fn renumber(xml: &str, prefixes: &[&str], format: impl Fn(usize) -> String) -> String {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some((at, prefix)) = prefixes
        .iter()
        .filter_map(|p| rest.find(p).map(|at| (at, *p)))
        .min()
    {
        let start = at + prefix.len();
        let len = rest[start..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - start);
        let word = &rest[start..start + len];
        let n = match seen.iter().position(|w| *w == word) {
            Some(i) => i + 1,
            None => {
                seen.push(word);
                seen.len()
            }
        };
        out.push_str(&rest[..start]);
        out.push_str(&format(n));
        rest = &rest[start + len..];
    }
    out.push_str(rest);
    out
}

/// Text without the control characters XML cannot hold (a tab stays).
pub(super) fn clean(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || *c == '\t')
        .collect()
}

/// Text for XML character data.
fn escape(s: &str) -> String {
    clean(s)
        .chars()
        .fold(String::with_capacity(s.len()), |mut out, c| {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                c => out.push(c),
            }
            out
        })
}
