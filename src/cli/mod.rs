//! The command line: argument definitions (clap) and thin dispatch to each command.

pub mod check;
pub mod evaluate;
pub mod explain;
pub mod export;
pub mod fork;
pub mod graph;
pub mod host;
pub mod import;
pub mod man;
pub mod new;
pub mod run;
pub mod translate;
pub mod watch;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Downtime: tabletop incident-response exercises for hospital crisis teams, in the terminal.
#[derive(Debug, Parser)]
#[command(name = "downtime", version, about, long_about = None)]
pub struct Cli {
    /// What to do (default: play).
    #[command(subcommand)]
    pub command: Option<Cmd>,
    /// Language to play and report in (a BCP 47 tag such as `fr` or `zh`): the scenario's
    /// texts come from its translation `NAME.LANG.ron` when it has one.
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Cmd {
    /// Check scenario files and report every problem.
    Check(CheckArgs),
    /// Explain a diagnostic code (e.g. `downtime explain DT0006`), or list every code.
    Explain(ExplainArgs),
    /// Play a scenario without the terminal UI and print a transcript.
    Run(RunArgs),
    /// Start a new journal from the first N entries of another ("what if...").
    Fork(ForkArgs),
    /// Run an exercise in the facilitator console (the default command).
    Play(PlayArgs),
    /// Host an exercise for web seats (a page per team and one for the presenter), driven
    /// from standard input in plain lines (for scripts and screen readers).
    Host(HostArgs),
    /// Show the spoiler-free presenter view of a live journal, read-only (for a projector;
    /// `present --latest` follows the exercise a console has open in the data folder).
    Present(PresentArgs),
    /// Write an after-action report (HSEEP-style) from one or more journals.
    Report(ReportArgs),
    /// Rate a journal's objectives P/S/M/U as its evaluator, from a terminal prompt.
    Evaluate(EvaluateArgs),
    /// Run many headless playthroughs and report on the scenario's balance.
    Simulate(SimulateArgs),
    /// Draw a scenario's injects, decisions and endings as a graph (Graphviz or Mermaid).
    Graph(GraphArgs),
    /// Write a commented skeleton scenario to start from.
    New(NewArgs),
    /// Write the skeleton of a scenario's translation (`NAME.LANG.ron`), or add the missing
    /// keys to an existing one.
    Translate(TranslateArgs),
    /// Write a spreadsheet (CSV or XLSX): a scenario's master scenario events list, or a
    /// journal's played timeline; or a document of the HSEEP exercise package (HTML or
    /// Word): the situation manual, the facilitator guide, the feedback form.
    Export(ExportArgs),
    /// Turn a planner's spreadsheet (a master scenario events list) into a scenario skeleton.
    Import(ImportArgs),
    /// Print shell completions.
    Completions(CompletionsArgs),
    /// Print the man page (roff).
    Man,
}

/// Arguments of `downtime play`.
#[derive(Clone, Debug, Default, Args)]
pub struct PlayArgs {
    /// A scenario file, or `bundled:NAME` (default: choose among the bundled ones and
    /// ./scenarios/*.ron).
    #[arg(value_name = "SCENARIO")]
    pub scenario: Option<PathBuf>,
    /// Seed of the exercise's randomness (default: a fresh one, shown on screen).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Journal file to write (default: a new file in the data directory).
    #[arg(long, value_name = "FILE", conflicts_with = "resume")]
    pub journal: Option<PathBuf>,
    /// Resume an exercise from its journal.
    #[arg(long, value_name = "FILE")]
    pub resume: Option<PathBuf>,
    /// Resume even if the scenario file changed since the journal was written.
    #[arg(long, requires = "resume")]
    pub force: bool,
    /// Serve every team its own web page here, e.g. `0.0.0.0:8080` (port 0 picks a free
    /// one): the briefing shows each seat's link, QR code and join code.
    #[arg(long, value_name = "ADDR")]
    pub seats: Option<String>,
    /// How seats are served (with `--seats`).
    #[command(flatten)]
    pub serve: ServeArgs,
    /// Glyphs and colours.
    #[command(flatten)]
    pub display: DisplayArgs,
}

/// How seats are served, beside their address (`play --seats` and `host`).
#[derive(Clone, Debug, Default, Args)]
pub struct ServeArgs {
    /// Also serve the seats over SSH here, e.g. `0.0.0.0:2222`: `ssh -p 2222 TEAM@HOST`
    /// (or `presenter@HOST`), the join code as the password.
    #[arg(long, value_name = "ADDR", requires = "seats")]
    pub ssh: Option<String>,
    /// The SSH host key (ed25519, OpenSSH format; created with mode 0600 when missing).
    /// Default: `ssh_host_ed25519_key` in the data folder.
    #[arg(long, value_name = "FILE", requires = "ssh")]
    pub ssh_host_key: Option<PathBuf>,
    /// Write each seat's audience, URL and join code to this JSON file (mode 0600).
    #[arg(long, value_name = "FILE", requires = "seats")]
    pub seats_file: Option<PathBuf>,
    /// The URL base printed for the seats, when people reach the host by another name
    /// (e.g. `http://crisis-laptop.local:8080`).
    #[arg(long, value_name = "URL", requires = "seats")]
    pub public_url: Option<String>,
    /// Serve the seats over TLS with this certificate chain (PEM).
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// The certificate's private key (PEM).
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
}

/// How the console draws (`play` and `present`).
#[derive(Clone, Debug, Default, Args)]
pub struct DisplayArgs {
    /// Draw with ASCII and Latin-1 characters only (automatic with TERM=linux or vt100).
    #[arg(long)]
    pub ascii: bool,
    /// Colours for a dark or a light (white) background, e.g. a projector.
    #[arg(long, value_enum, default_value_t = ThemeArg::Dark)]
    pub theme: ThemeArg,
}

/// The console's themes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// For dark backgrounds.
    #[default]
    Dark,
    /// For white backgrounds: meaning by bold and dim rather than grey and yellow.
    Light,
}

impl From<DisplayArgs> for crate::tui::DisplayOptions {
    fn from(a: DisplayArgs) -> Self {
        crate::tui::DisplayOptions {
            ascii: a.ascii,
            light: a.theme == ThemeArg::Light,
        }
    }
}

/// Arguments of `downtime host`.
#[derive(Clone, Debug, Args)]
#[command(
    after_help = "Standard input takes one line at a time: start, next, step, pause, resume, continue\n(at a phase break), N or choose N (take the open decision for the team), note TEXT, undo,\nend [REASON], seats, rotate TEAM|presenter, lead TEAM VOTER, help, q. An empty line shows\nwhere things stand. Votes and the leads' submissions arrive from the seats meanwhile."
)]
pub struct HostArgs {
    /// The scenario file (`-` reads it from standard input; `bundled:NAME`, e.g.
    /// `bundled:tutorial`, a scenario bundled with Downtime).
    #[arg(value_name = "SCENARIO")]
    pub scenario: PathBuf,
    /// Where the web seats listen, e.g. `0.0.0.0:8080` (port 0 picks a free one).
    #[arg(long, value_name = "ADDR")]
    pub seats: String,
    /// How seats are served.
    #[command(flatten)]
    pub serve: ServeArgs,
    /// Seed of the exercise's randomness (default: a fresh one).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Journal file to write (default: a new file in the data directory).
    #[arg(long, value_name = "FILE")]
    pub journal: Option<PathBuf>,
    /// Set a parameter, e.g. `--param backups_tested=no` (repeatable).
    #[arg(long = "param", value_name = "NAME=VALUE")]
    pub params: Vec<String>,
    /// Also draw each seat's URL as a QR code on stderr, for phones to scan.
    #[arg(long)]
    pub qr: bool,
}

/// Arguments of `downtime present`.
#[derive(Clone, Debug, Args)]
#[command(
    after_help = "Start it before the exercise if you like: given a journal that does not exist yet, or a\nfolder (or --latest) where no console has an exercise open, it waits for one.\nIts clock is the console's (from the journal's heartbeats); when the console pauses,\nquits or stops answering, the projector says so and the countdowns stop."
)]
pub struct PresentArgs {
    /// The journal of the exercise being played (it is followed live, read-only), or a
    /// folder: the journal a console has open there, newest first.
    #[arg(value_name = "JOURNAL", required_unless_present = "latest")]
    pub journal: Option<PathBuf>,
    /// Follow the journal a console has open in the data folder (the default folder of
    /// `play`), switching to a newer one when another exercise starts.
    #[arg(long, conflicts_with = "journal")]
    pub latest: bool,
    /// The scenario file, when the journal's own source cannot be found.
    #[arg(long, value_name = "SCENARIO")]
    pub scenario: Option<PathBuf>,
    /// Large-type projector layout: the current message, its question and the countdown,
    /// nothing else (`L` switches layouts while it runs).
    #[arg(long)]
    pub large: bool,
    /// Glyphs and colours.
    #[command(flatten)]
    pub display: DisplayArgs,
}

/// Report formats (the report's own [`crate::report::Format`], as a command-line value).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Markdown.
    #[default]
    Md,
    /// JSON (versioned schema).
    Json,
    /// One self-contained HTML file.
    Html,
    /// An editable Word document (needs `-o FILE.docx`, or standard output not a terminal).
    Docx,
}

/// Arguments of `downtime report`.
#[derive(Clone, Debug, Args)]
pub struct ReportArgs {
    /// One journal, or several journals of the same scenario for a comparison (`-` reads
    /// one from standard input).
    #[arg(required = true, value_name = "JOURNAL")]
    pub journals: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
    pub format: ReportFormat,
    /// Output file (default, or `-`: standard output).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The scenario file, when a journal's own source cannot be found.
    #[arg(long, value_name = "SCENARIO")]
    pub scenario: Option<PathBuf>,
    /// Print the letter grade too (left out by default: HSEEP evaluation is no-fault).
    #[arg(long)]
    pub grade: bool,
    /// Leave out the skill-and-luck section (the team's decisions replayed 1,000 times).
    #[arg(long)]
    pub no_analysis: bool,
}

/// Arguments of `downtime simulate`.
#[derive(Clone, Debug, Args)]
pub struct SimulateArgs {
    /// The scenario file (`-` reads it from standard input; `bundled:NAME`, e.g.
    /// `bundled:tutorial`, a scenario bundled with Downtime).
    #[arg(value_name = "SCENARIO")]
    pub scenario: PathBuf,
    /// Number of playthroughs.
    #[arg(long, default_value_t = 10_000)]
    pub runs: u64,
    /// How decisions are taken: random, first or best-practice.
    #[arg(long, default_value = "random")]
    pub policy: String,
    /// Seed of the whole simulation (run i uses a seed derived from it).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Worker threads (default: all cores). The report does not depend on it.
    #[arg(long)]
    pub jobs: Option<usize>,
    /// Set a parameter for every run, e.g. `--param backups_tested=no` (repeatable;
    /// parameters not set take their default).
    #[arg(long = "param", value_name = "NAME=VALUE")]
    pub params: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Measure the balance rules instead (best practice against luck and against random
    /// play, each recommended option, each decision, each parameter, the endings): `--runs`
    /// runs per simulation; exits with 1 when a rule does not hold. `--policy` and `--param`
    /// do not apply: the rules set them.
    #[arg(long, conflicts_with_all = ["policy", "params"])]
    pub balance: bool,
}

/// Graph formats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz `dot`.
    #[default]
    Dot,
    /// Mermaid flowchart.
    Mermaid,
}

/// Arguments of `downtime graph`.
#[derive(Clone, Debug, Args)]
pub struct GraphArgs {
    /// The scenario file (`-` reads it from standard input; `bundled:NAME`, e.g.
    /// `bundled:tutorial`, a scenario bundled with Downtime).
    #[arg(value_name = "SCENARIO")]
    pub scenario: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    pub format: GraphFormat,
}

/// Arguments of `downtime new`.
#[derive(Clone, Debug, Args)]
pub struct NewArgs {
    /// Name of the scenario; the file is NAME.ron (or NAME if it ends in .ron); `-` writes
    /// the skeleton to standard output.
    #[arg(value_name = "NAME")]
    pub name: String,
    /// Number of teams in the skeleton.
    #[arg(long, default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=8))]
    pub teams: u8,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `downtime translate`.
#[derive(Clone, Debug, Args)]
#[command(
    after_help = "Every text of the scenario gets a key, in file order, after a comment with the original's\nfirst line and an empty value \"\": `downtime check` lists the empty ones as missing until filled."
)]
pub struct TranslateArgs {
    /// The scenario file (`-` reads it from standard input).
    #[arg(value_name = "SCENARIO")]
    pub scenario: PathBuf,
    /// The translation file (default: `NAME.LANG.ron` beside the scenario; standard output
    /// for a scenario read from standard input); `-` for standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Keep the texts of the existing translation file, add the missing keys, and list
    /// the keys that no longer exist.
    #[arg(long)]
    pub update: bool,
}

/// Spreadsheet formats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    /// Comma-separated values (UTF-8, RFC 4180).
    #[default]
    Csv,
    /// An Excel workbook (needs `-o FILE`).
    Xlsx,
}

/// How a spreadsheet is written.
#[derive(Clone, Debug, Args)]
pub struct SheetArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = SheetFormat::Csv)]
    pub format: SheetFormat,
    /// Start the CSV with a UTF-8 byte order mark, for Excel.
    #[arg(long)]
    pub bom: bool,
    /// Output file (default or `-`: standard output, CSV only).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

/// Arguments of `downtime export`.
#[derive(Clone, Debug, Args)]
pub struct ExportArgs {
    /// What to export.
    #[command(subcommand)]
    pub what: ExportWhat,
}

/// What `downtime export` writes.
#[derive(Clone, Debug, Subcommand)]
pub enum ExportWhat {
    /// The master scenario events list: one row per inject, in planned order (XLSX: an
    /// "All events" sheet, then one sheet per phase).
    Msel(ExportMselArgs),
    /// The played timeline of a journal: injects fired (planned and actual time),
    /// decisions, votes, notes and overrides.
    Timeline(ExportTimelineArgs),
    /// The situation manual for players (HSEEP SitMan): purpose, scope, objectives, the
    /// setting, one module per phase with its briefing and questions, the rules and the
    /// cast; nothing of the facilitator's (no message, decision, note or check).
    Sitman(ExportDocArgs),
    /// The facilitator and evaluator guide: per module its briefing, notes, messages in
    /// planned order and decisions with their recommended options; per objective its
    /// critical tasks, evidence and an evaluation guide sheet (P/S/M/U).
    Guide(ExportDocArgs),
    /// The participant feedback form (HSEEP): ratings from 1 to 5, strengths, areas for
    /// improvement and comments, with lines to write on.
    Feedback(ExportDocArgs),
}

/// Printable document formats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum DocFormat {
    /// One printable HTML page.
    #[default]
    Html,
    /// A Word document (binary: `-o FILE.docx`, or `-o -` for a pipe).
    Docx,
}

/// Arguments of `downtime export sitman|guide|feedback`.
#[derive(Clone, Debug, Args)]
pub struct ExportDocArgs {
    /// The scenario: a file, `-` (standard input) or `bundled:NAME`.
    #[arg(value_name = "SCENARIO")]
    pub scenario: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DocFormat::Html)]
    pub format: DocFormat,
    /// Output file (default or `-`: standard output; a Word document is not written to a
    /// terminal).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Arguments of `downtime export msel`.
#[derive(Clone, Debug, Args)]
pub struct ExportMselArgs {
    /// The scenario file.
    #[arg(value_name = "SCENARIO")]
    pub scenario: PathBuf,
    /// How it is written.
    #[command(flatten)]
    pub sheet: SheetArgs,
}

/// Arguments of `downtime export timeline`.
#[derive(Clone, Debug, Args)]
pub struct ExportTimelineArgs {
    /// The journal.
    #[arg(value_name = "JOURNAL")]
    pub journal: PathBuf,
    /// The scenario file, when the journal's own source cannot be found.
    #[arg(long, value_name = "SCENARIO")]
    pub scenario: Option<PathBuf>,
    /// How it is written.
    #[command(flatten)]
    pub sheet: SheetArgs,
}

/// Arguments of `downtime import`.
#[derive(Clone, Debug, Args)]
pub struct ImportArgs {
    /// What to import.
    #[command(subcommand)]
    pub what: ImportWhat,
}

/// What `downtime import` reads.
#[derive(Clone, Debug, Subcommand)]
pub enum ImportWhat {
    /// A master scenario events list (CSV or XLSX) as a commented scenario skeleton.
    #[command(
        after_help = "Columns are found by their headers, in English or French (Time/Heure, Title/Titre, Description/Message,\nFrom/Émetteur, To/Destinataire(s), Channel/Canal/Moyen, Notes, Phase, Objective/Objectif,\nExpected action/Action attendue), case and accents ignored. Fields for --map: sequence, time,\ndaytime, phase, id, title, channel, from, to, description, expected, objective, capability, notes,\ntrigger, or ignore.\nExit codes: 0 every row imported, 1 rows left out (each with a DT0051 diagnostic), 2 a file\ncannot be read or written."
    )]
    Msel(ImportMselArgs),
}

/// Arguments of `downtime import msel`.
#[derive(Clone, Debug, Args)]
pub struct ImportMselArgs {
    /// The spreadsheet: FILE.csv or FILE.xlsx; `-` reads CSV from standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// The scenario to write (default: FILE with `.ron`; standard output for `-`).
    #[arg(short, long, value_name = "NEW.ron")]
    pub output: Option<PathBuf>,
    /// Read a column as a field, e.g. `--map "Heure H=time"` (repeatable).
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    pub maps: Vec<String>,
    /// Overwrite the scenario file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `downtime completions`.
#[derive(Clone, Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Arguments of `downtime run`.
#[derive(Clone, Debug, Args)]
#[command(
    after_help = "Test plans (--policy script:FILE) hold one instruction per line:\n  param NAME VALUE | choose DECISION OPTION | step [N] | next-inject | next-phase\n  note TEXT | curveball INJECT | set METRIC VALUE REASON | undo | end-now\n  rewind N | confirm-ending\n  expect inject ID | expect no-inject ID | expect metric ID MIN..MAX\n  expect counter ID MIN..MAX | expect flag ID true|false | expect system ID STATE\n  expect check ID met|missed|open|n/a | expect deadline ID met|missed|running|not-started\n  expect ending ID\nAfter the last line the run plays on with the first available option.\n\nWith --interactive, answer each decision with its number as shown, `note TEXT` to record\na note, or q to stop; at a phase break type `continue`. When stdin is not a terminal, any\nother line is an error that names its line number."
)]
pub struct RunArgs {
    /// The scenario file (`-` reads it from standard input; `bundled:NAME`, e.g.
    /// `bundled:tutorial`, a scenario bundled with Downtime).
    #[arg(value_name = "SCENARIO")]
    pub scenario: PathBuf,
    /// Seed of the exercise's randomness (default: a fresh one, printed).
    #[arg(long)]
    pub seed: Option<u64>,
    /// How decisions are taken: first, random, best-practice, or script:FILE.
    #[arg(long, default_value = "first", value_name = "POLICY")]
    pub policy: String,
    /// Ask each decision on stdin, in plain numbered lines (for rehearsal and screen
    /// readers): prints the full texts, takes `note TEXT` lines as notes, and waits for a
    /// `continue` line at each phase break.
    #[arg(long, conflicts_with = "policy")]
    pub interactive: bool,
    /// Print inject bodies, attachments, discussion questions and phase briefings in the
    /// transcript (always with --interactive).
    #[arg(long)]
    pub full: bool,
    /// Set a parameter, e.g. `--param backups_tested=no` (repeatable).
    #[arg(long = "param", value_name = "NAME=VALUE")]
    pub params: Vec<String>,
    /// Journal file to write (default: a new file in the data directory).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["resume", "no_journal"])]
    pub journal: Option<PathBuf>,
    /// Do not write a journal.
    #[arg(long)]
    pub no_journal: bool,
    /// Resume an existing journal and continue it.
    #[arg(long, value_name = "JOURNAL", conflicts_with = "no_journal")]
    pub resume: Option<PathBuf>,
    /// Resume even if the scenario file changed since the journal was written.
    #[arg(long, requires = "resume")]
    pub force: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

/// Arguments of `downtime evaluate`.
#[derive(Clone, Debug, Args)]
pub struct EvaluateArgs {
    /// The journal of the exercise to evaluate (the ratings are added to it).
    #[arg(value_name = "JOURNAL")]
    pub journal: PathBuf,
    /// The scenario file, when the journal's own source cannot be found.
    #[arg(long, value_name = "SCENARIO")]
    pub scenario: Option<PathBuf>,
    /// Evaluate even if the scenario file changed since the journal was written.
    #[arg(long)]
    pub force: bool,
}

/// Arguments of `downtime fork`.
#[derive(Clone, Debug, Args)]
pub struct ForkArgs {
    /// The journal to fork (`-` reads it from standard input).
    #[arg(value_name = "JOURNAL")]
    pub journal: PathBuf,
    /// Keep entries 1 to N.
    #[arg(long, value_name = "N")]
    pub at: u64,
    /// The new journal (default: JOURNAL.fork-N.jsonl beside it; standard output for a
    /// journal read from standard input); `-` for standard output.
    #[arg(short, long, value_name = "NEW")]
    pub output: Option<PathBuf>,
}

/// Output formats for machine-readable commands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Text for people.
    #[default]
    Text,
    /// JSON for tools.
    Json,
}

/// Output formats of `downtime check`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// Text for people: the place, the underlined source and the hint (in colour on a
    /// terminal).
    #[default]
    Text,
    /// A JSON array of diagnostics, for tools.
    Json,
    /// One `file:line:col: severity[CODE]: message` line each, for editors' problem matchers.
    Concise,
    /// GitHub Actions workflow commands (`::error file=…,line=…::…`), annotations in CI.
    Github,
    /// A SARIF 2.1.0 log, for code-scanning services.
    Sarif,
}

/// Arguments of `downtime check`.
#[derive(Clone, Debug, Args)]
#[command(
    after_help = "Exit codes: 0 no errors, 1 errors (or warnings with --deny-warnings), 2 a file cannot be read.\n`downtime explain CODE` says what a diagnostic code means and how to fix it.\nText is in colour on a terminal; NO_COLOR turns colour off, CLICOLOR_FORCE on anywhere,\nTERM=dumb gives ASCII only."
)]
pub struct CheckArgs {
    /// Scenario files, or folders of `.ron` files; `-` reads one scenario from standard input.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// The name standard input (`-`) is shown with, and resolves attachments beside
    /// (default: `<stdin>`, attachments beside the current folder).
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    /// Exit with 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Re-check on every save, clearing the screen between runs (with `--format json`: one
    /// line of JSON per run).
    #[arg(long)]
    pub watch: bool,
    /// The summary's language (the global `--lang`, set by the dispatcher).
    #[arg(skip)]
    pub lang: Option<String>,
}

/// Arguments of `downtime explain`.
#[derive(Clone, Debug, Args)]
pub struct ExplainArgs {
    /// A diagnostic code, e.g. `DT0006` (any case); without one, every code is listed.
    #[arg(value_name = "CODE")]
    pub code: Option<String>,
}

/// Parses the command line and runs the command.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            // Plain text (no colours), sanitised: clap quotes the arguments it refuses.
            let text = e.render().to_string();
            if e.use_stderr() {
                crate::err!("{text}");
                return ExitCode::from(2);
            }
            crate::out!("{text}");
            return ExitCode::SUCCESS;
        }
    };
    if let Some(msg) = cli.command.as_ref().and_then(dash_misuse) {
        crate::errln!("downtime: {msg}");
        return ExitCode::from(2);
    }
    match cli.command {
        Some(Cmd::Check(a)) => check::run(&CheckArgs {
            lang: cli.lang.clone(),
            ..a
        }),
        Some(Cmd::Explain(a)) => explain::run(&a),
        Some(Cmd::Run(a)) => run::run(&a, cli.lang.as_deref()),
        Some(Cmd::Host(a)) => host::run(&a, cli.lang.as_deref()),
        Some(Cmd::Fork(a)) => fork::run(&a),
        Some(Cmd::Evaluate(a)) => evaluate::run(&a),
        Some(Cmd::Play(a)) => match play_options(a, cli.lang.clone()) {
            Ok(o) => crate::tui::play(&o),
            Err((code, msg)) => {
                crate::errln!("downtime play: {msg}");
                ExitCode::from(code)
            }
        },
        Some(Cmd::Present(a)) => crate::tui::present(&crate::tui::PresentOptions {
            journal: a.journal,
            latest: a.latest,
            scenario: a.scenario,
            large: a.large,
            display: a.display.into(),
            lang: cli.lang.clone(),
        }),
        Some(Cmd::Report(a)) => crate::report::run(&crate::report::Options {
            journals: a.journals,
            format: a.format.into(),
            output: a.output,
            scenario: a.scenario,
            grade: a.grade,
            no_analysis: a.no_analysis,
            lang: cli.lang.clone(),
        }),
        Some(Cmd::Simulate(a)) => crate::simulate::run(&crate::simulate::Options {
            scenario: a.scenario,
            runs: a.runs,
            policy: a.policy,
            seed: a.seed,
            jobs: a.jobs,
            params: a.params,
            json: a.format == OutputFormat::Json,
            lang: cli.lang.clone(),
            balance: a.balance,
        }),
        Some(Cmd::Graph(a)) => graph::run(&a),
        Some(Cmd::New(a)) => new::run(&a),
        Some(Cmd::Translate(a)) => translate::run(&a, cli.lang.as_deref()),
        Some(Cmd::Export(a)) => export::run(&a, cli.lang.as_deref()),
        Some(Cmd::Import(a)) => import::run(&a),
        Some(Cmd::Completions(a)) => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(a.shell, &mut cmd, "downtime", &mut crate::output::stdout());
            ExitCode::SUCCESS
        }
        Some(Cmd::Man) => man::run(cli.lang.as_deref()),
        None => crate::tui::play(&crate::tui::PlayOptions {
            lang: cli.lang,
            ..crate::tui::PlayOptions::default()
        }),
    }
}

impl From<ReportFormat> for crate::report::Format {
    fn from(f: ReportFormat) -> Self {
        match f {
            ReportFormat::Md => crate::report::Format::Md,
            ReportFormat::Json => crate::report::Format::Json,
            ReportFormat::Html => crate::report::Format::Html,
            ReportFormat::Docx => crate::report::Format::Docx,
        }
    }
}

/// `play`'s arguments as the console's options; `Err` (exit code, message) for a bad
/// seats address or TLS file.
fn play_options(
    a: PlayArgs,
    lang: Option<String>,
) -> Result<crate::tui::PlayOptions, (u8, String)> {
    let seats = match &a.seats {
        Some(addr) => Some(host::setup(addr, &a.serve, true, lang.as_deref())?),
        None => None,
    };
    Ok(crate::tui::PlayOptions {
        scenario: a.scenario,
        seed: a.seed,
        journal: a.journal,
        resume: a.resume,
        force: a.force,
        display: a.display.into(),
        seats,
        lang,
    })
}

/// `-` where a command needs a real file (a journal it appends to and locks, a key it keeps)
/// or where standard input is already taken: the message, instead of a file named `-`.
/// Everywhere else `-` is standard input or output (see [`crate::stdio`]).
fn dash_misuse(cmd: &Cmd) -> Option<String> {
    use crate::stdio::{is_dash, needs_a_file};
    let dash = |p: &Option<PathBuf>| p.as_deref().is_some_and(is_dash);
    let journal = "a journal is a file that is appended to and locked while it is written";
    let seats = |s: &ServeArgs| {
        if dash(&s.seats_file) {
            Some(needs_a_file(
                "--seats-file",
                "the seats file is written readable by you only",
            ))
        } else if dash(&s.ssh_host_key) {
            Some(needs_a_file(
                "--ssh-host-key",
                "the host key is kept in a file",
            ))
        } else if dash(&s.tls_cert) || dash(&s.tls_key) {
            Some(needs_a_file(
                "--tls-cert/--tls-key",
                "the certificate and key are read from files",
            ))
        } else {
            None
        }
    };
    match cmd {
        Cmd::Run(a) => {
            let script_stdin = a.policy == "script:-";
            if dash(&a.journal) {
                Some(needs_a_file("--journal", journal))
            } else if dash(&a.resume) {
                Some(needs_a_file("--resume", journal))
            } else if is_dash(&a.scenario) && (a.interactive || script_stdin) {
                Some("`run -`: standard input holds the scenario, so it cannot also hold the answers (--interactive) or the test plan (script:-)".into())
            } else if script_stdin && a.interactive {
                Some("`--policy script:-` and `--interactive` both read standard input".into())
            } else {
                None
            }
        }
        Cmd::Play(a) => {
            if a.scenario.as_deref().is_some_and(is_dash) {
                Some("`play -`: the console reads the keyboard; give a scenario file (or `bundled:NAME`)".into())
            } else if dash(&a.journal) {
                Some(needs_a_file("--journal", journal))
            } else if dash(&a.resume) {
                Some(needs_a_file("--resume", journal))
            } else {
                seats(&a.serve)
            }
        }
        Cmd::Host(a) => {
            if is_dash(&a.scenario) {
                Some("`host -`: standard input takes the facilitator's commands; give a scenario file (or `bundled:NAME`)".into())
            } else if dash(&a.journal) {
                Some(needs_a_file("--journal", journal))
            } else {
                seats(&a.serve)
            }
        }
        Cmd::Evaluate(a) if is_dash(&a.journal) => Some(needs_a_file(
            "evaluate",
            "the ratings are added to the journal, and standard input takes them",
        )),
        Cmd::Present(a) if dash(&a.journal) => Some(needs_a_file(
            "present",
            "the presenter follows a journal file as the console writes it",
        )),
        _ => None,
    }
}
