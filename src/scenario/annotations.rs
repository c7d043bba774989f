//! One-line forms of diagnostics for tools: `file:line:col: severity[CODE]: message` (the
//! form editors' problem matchers read) and GitHub Actions workflow commands.

use super::diagnostics::{Diagnostic, Report, Severity};

fn severity(d: &Diagnostic) -> &'static str {
    match d.severity() {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// Any run of white space (new lines included) as one space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Report {
    /// One `file:line:col: severity[CODE]: message` line per diagnostic, the hint after
    /// `; help: `. A problem with the whole file is placed at `1:1`.
    pub fn render_concise(&self) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            let (line, col) = self.place(d).map_or((1, 1), |(s, _)| (s.line, s.col));
            out.push_str(&format!(
                "{}:{line}:{col}: {}[{}]: {}",
                self.source.name,
                severity(d),
                d.code,
                one_line(&d.message)
            ));
            if let Some(h) = &d.help {
                out.push_str("; help: ");
                out.push_str(&one_line(h));
            }
            out.push('\n');
        }
        out
    }

    /// One GitHub Actions workflow command per diagnostic (`::error file=…,line=…,col=…,
    /// endLine=…,endColumn=…,title=CODE::message`, or `::warning`), the hint on a second line
    /// of the message. Data and properties are escaped as the runner documents.
    pub fn render_github(&self) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            let mut props = vec![format!("file={}", escape_property(&self.source.name))];
            if let Some((s, e)) = self.place(d) {
                props.push(format!("line={}", s.line));
                props.push(format!("col={}", s.col));
                props.push(format!("endLine={}", e.line));
                props.push(format!("endColumn={}", e.col));
            }
            props.push(format!("title={}", d.code));
            let mut message = d.message.clone();
            if let Some(h) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(h);
            }
            out.push_str(&format!(
                "::{} {}::{}\n",
                severity(d),
                props.join(","),
                escape_data(&message)
            ));
        }
        out
    }
}

/// Escapes a workflow command's message: `%`, CR and LF.
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value: as data, and `:` and `,` too.
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_escape_what_the_runner_documents() {
        assert_eq!(escape_data("50% a\r\nb"), "50%25 a%0D%0Ab");
        assert_eq!(escape_property("c:\\a,b%.ron"), "c%3A\\a%2Cb%25.ron");
    }
}
