//! The `downtime` binary: see `downtime --help`.

fn main() -> std::process::ExitCode {
    downtime::cli::main()
}
