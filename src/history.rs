//! SQLite history of seen notices and findings, for new-only daily reports.
use std::path::PathBuf;

/// History options (flattened into `scan` and `crawl`).
#[derive(Debug, Clone, clap::Args, Default)]
pub struct HistoryOpts {
    /// Keep a history of runs and notices in this SQLite file.
    #[arg(long, value_name = "FILE", help_heading = "History")]
    pub history: Option<PathBuf>,
}
