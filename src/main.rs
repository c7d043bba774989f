//! The `downtime` binary: see `downtime --help`.

/// mimalloc: scenario loading and simulations allocate many small objects.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    downtime::cli::main()
}
