//! Command-line interface: the top-level parser and options shared by several subcommands.
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::cmd;

/// Scan public procurement notices for US cloud, controlled AI chips and US AI services, and
/// match buyers and suppliers against export-control watchlists.
#[derive(Debug, Parser)]
#[command(name = "tenderscan", version, propagate_version = true, after_help = crate::exit::HELP)]
pub struct Cli {
    /// Options valid for every subcommand.
    #[command(flatten)]
    pub global: Global,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Options valid for every subcommand.
#[derive(Debug, Clone, clap::Args)]
pub struct Global {
    /// More log output on stderr (-v info, -vv debug, -vvv trace).
    #[arg(short, long, action = clap::ArgAction::Count, global = true)]
    pub verbose: u8,
    /// Only errors on stderr (no warnings, no summary, no progress).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Directory holding the vocabulary and bundled watchlists, or `builtin` for the copy built
    /// into the binary [default: the first found; `tenderscan watchlist info` says which].
    #[arg(long, value_name = "DIR", global = true, env = "TENDERSCAN_VOCAB")]
    pub vocab: Option<PathBuf>,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan saved pages, directories, URLs, or a list of them on stdin.
    Scan(cmd::scan::Args),
    /// Crawl a portal's listing pages and scan the notices (and attachments) found.
    Crawl(cmd::crawl::Args),
    /// Look up, compare and screen names against the watchlists; update the official list.
    Watchlist(cmd::watchlist::Args),
    /// Query the history of runs and notices.
    History(cmd::history::Args),
    /// Record analysts' verdicts on hits (the file `--reviewed` reads).
    Review(cmd::review::Args),
    /// Print a shell completion script (bash, zsh, fish, powershell).
    Completions(cmd::shell::CompletionsArgs),
    /// Print the manual page (roff) on stdout.
    Man(cmd::shell::ManArgs),
}

/// Report format (defined by the report module, which never imports the command line).
pub use crate::report::Format;

/// Output format of the commands that print a table (`watchlist …`, `history runs|show`): the
/// report formats OCDS and XLSX are for notices only, so they are not offered there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum TableFormat {
    /// CSV with a header row.
    #[default]
    Csv,
    /// One JSON array of objects.
    Json,
    /// JSON Lines: one object per line.
    Jsonl,
}

impl From<TableFormat> for Format {
    fn from(f: TableFormat) -> Format {
        match f {
            TableFormat::Csv => Format::Csv,
            TableFormat::Json => Format::Json,
            TableFormat::Jsonl => Format::Jsonl,
        }
    }
}

/// Alert level for `--fail-on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Level {
    /// Low or above.
    Low,
    /// Medium or above.
    Medium,
    /// High only.
    High,
}

impl Level {
    /// The matching alert.
    pub fn alert(self) -> crate::model::Alert {
        match self {
            Level::Low => crate::model::Alert::Low,
            Level::Medium => crate::model::Alert::Medium,
            Level::High => crate::model::Alert::High,
        }
    }
}

/// Report options shared by `scan` and `crawl`.
#[derive(Debug, Clone, clap::Args)]
pub struct ReportOpts {
    /// Report format.
    #[arg(short, long, value_enum, ignore_case = true, default_value_t = Format::Csv, help_heading = "Report")]
    pub format: Format,
    /// Write the report to FILE (atomically: whole or not at all) instead of stdout.
    #[arg(short, long, value_name = "FILE", help_heading = "Report")]
    pub output: Option<PathBuf>,
    /// Include notices without findings (alert none, no hits).
    #[arg(long, help_heading = "Report")]
    pub all: bool,
    /// Start CSV output with a UTF-8 BOM so that Excel reads Chinese text right.
    #[arg(long, visible_alias = "bom", help_heading = "Report")]
    pub excel: bool,
    /// Exit with code 10 when a finding at or above LEVEL is reported.
    #[arg(
        long,
        value_enum,
        ignore_case = true,
        value_name = "LEVEL",
        help_heading = "Report"
    )]
    pub fail_on: Option<Level>,
    /// OCDS: the ocid prefix (letters, digits, hyphens; `ocds-` + 6 characters when registered)
    /// [default: tenderscan-unregistered, which is NOT a registered prefix].
    #[arg(long, value_name = "PREFIX", value_parser = crate::report::ocds::parse_ocid_prefix,
          default_value = crate::report::ocds::DEFAULT_OCID_PREFIX, hide_default_value = true,
          help_heading = "Report")]
    pub ocid_prefix: String,
    /// Analysts' verdicts on hits (CSV `notice,entity,verdict,reviewer,date,note`): a
    /// false_positive no longer raises the alert, a confirmed hit says so in the reasons.
    #[arg(long, value_name = "FILE", help_heading = "Report")]
    pub reviewed: Option<PathBuf>,
}

/// Watchlist selection shared by every command that matches names.
#[derive(Debug, Clone, clap::Args, Default)]
pub struct WatchlistOpts {
    /// Watchlist file (CSL CSV/JSON or the project CSV); repeatable [default: the bundled lists
    /// plus the list saved by `watchlist update`].
    #[arg(long = "watchlist", value_name = "PATH", help_heading = "Watchlists")]
    pub watchlists: Vec<PathBuf>,
}

impl Cli {
    /// Usage rules clap cannot express: `-f xlsx` needs `-o FILE`; `--excel` is for CSV only.
    pub fn check(&self) -> Result<(), clap::Error> {
        let (path, format, output, excel): (&[&str], _, _, _) = match &self.command {
            Command::Scan(a) => (
                &["scan"],
                a.report.format,
                a.report.output.as_deref(),
                a.report.excel,
            ),
            Command::Crawl(a) => (
                &["crawl"],
                a.report.format,
                a.report.output.as_deref(),
                a.report.excel,
            ),
            Command::History(cmd::history::Args {
                command:
                    cmd::history::HistoryCommand::Export {
                        format,
                        output,
                        excel,
                        ..
                    },
                ..
            }) => (&["history", "export"], *format, output.as_deref(), *excel),
            _ => return Ok(()),
        };
        // The error shows the usage line of the subcommand at fault, not the top-level one.
        let usage = |msg: &str| {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            cmd.build();
            for name in path {
                if let Some(sub) = cmd.find_subcommand(name).cloned() {
                    cmd = sub;
                }
            }
            cmd.error(clap::error::ErrorKind::ArgumentConflict, msg)
        };
        if format == Format::Xlsx && output.is_none_or(|p| p.as_os_str() == "-") {
            return Err(usage(
                "-f xlsx writes a workbook, not text: give -o FILE.xlsx",
            ));
        }
        if excel && format != Format::Csv {
            return Err(usage(
                "--excel (--bom) only applies to -f csv; for Excel use -f xlsx -o FILE.xlsx",
            ));
        }
        Ok(())
    }
}
