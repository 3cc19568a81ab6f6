//! The `tenderscan` binary: parse arguments, set up logging, dispatch, map errors to exit codes.
use std::process::ExitCode;

use clap::Parser;
use tenderscan::cli::{Cli, Command};
use tenderscan::{cmd, exit};

// Parsing a page makes many small `String`s and `Vec`s; mimalloc serves them with ~10 % less CPU
// than glibc's malloc (benches/README.md, 2026-12-03). Only the binary picks it: the library
// stays allocator-neutral.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Err(usage) = cli.check() {
        usage.exit();
    }
    init_logging(cli.global.verbose, cli.global.quiet);
    tenderscan::signal::install();
    let result = match cli.command {
        Command::Scan(args) => cmd::scan::run(args, &cli.global),
        Command::Crawl(args) => cmd::crawl::run(args, &cli.global),
        Command::Watchlist(args) => cmd::watchlist::run(args, &cli.global),
        Command::History(args) => cmd::history::run(args, &cli.global),
        Command::Review(args) => cmd::review::run(args, &cli.global),
        Command::Completions(args) => cmd::shell::completions(args),
        Command::Man(args) => cmd::shell::man(args),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        // `tenderscan scan … | head` closes our stdout early: that is the reader's choice, not an error.
        Err(err) if is_broken_pipe(&err) => ExitCode::from(exit::OK),
        Err(err) if err.chain().any(|c| c.is::<exit::UsageError>()) => {
            eprintln!("tenderscan: {err:#}");
            ExitCode::from(exit::USAGE)
        }
        Err(err) => {
            eprintln!("tenderscan: {err:#}");
            ExitCode::from(exit::FATAL)
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause.downcast_ref::<serde_json::Error>().and_then(serde_json::Error::io_error_kind)
                == Some(std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<csv::Error>()
                .is_some_and(|e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe))
    })
}

fn init_logging(verbose: u8, quiet: bool) {
    let default = match (quiet, verbose) {
        (true, _) => "error",
        (false, 0) => "warn",
        (false, 1) => "info",
        (false, 2) => "debug",
        _ => "trace",
    };
    let filter =
        tracing_subscriber::EnvFilter::try_from_env("TENDERSCAN_LOG").unwrap_or_else(|_| {
            tracing_subscriber::EnvFilter::new(format!("tenderscan={default},warn"))
        });
    // stderr only: stdout carries the report.
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .event_format(Prefixed)
        .init();
}

/// Log lines read like the program's other stderr lines: `tenderscan: warning: …`.
struct Prefixed;

impl<S, N> tracing_subscriber::fmt::FormatEvent<S, N> for Prefixed
where
    S: tracing::Subscriber + for<'a> tracing_subscriber::registry::LookupSpan<'a>,
    N: for<'a> tracing_subscriber::fmt::FormatFields<'a> + 'static,
{
    fn format_event(
        &self,
        ctx: &tracing_subscriber::fmt::FmtContext<'_, S, N>,
        mut writer: tracing_subscriber::fmt::format::Writer<'_>,
        event: &tracing::Event<'_>,
    ) -> std::fmt::Result {
        let level = match *event.metadata().level() {
            tracing::Level::ERROR => "error: ",
            tracing::Level::WARN => "warning: ",
            tracing::Level::INFO => "",
            tracing::Level::DEBUG => "debug: ",
            tracing::Level::TRACE => "trace: ",
        };
        write!(writer, "tenderscan: {level}")?;
        ctx.field_format().format_fields(writer.by_ref(), event)?;
        writeln!(writer)
    }
}
