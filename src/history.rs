//! SQLite history of seen notices and findings, for new-only daily reports.
use std::path::{Path, PathBuf};

use crate::model::{Record, RunSummary};

/// History options (flattened into `scan` and `crawl`).
#[derive(Debug, Clone, clap::Args, Default)]
pub struct HistoryOpts {
    /// Keep a history of runs and notices in this SQLite file.
    #[arg(long, value_name = "FILE", help_heading = "History")]
    pub history: Option<PathBuf>,
    /// Report only notices not seen before, or changed since (needs a history).
    #[arg(long, help_heading = "History")]
    pub new_only: bool,
}

impl HistoryOpts {
    /// The history file to use, if any.
    pub fn path(&self) -> Option<PathBuf> {
        self.history.clone()
    }
}

/// What the history knew about a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seen {
    /// Never seen before.
    New,
    /// Seen before with other content; what changed, in plain words.
    Updated(Vec<String>),
    /// Seen before with the same content.
    Unchanged,
}

/// An open history database.
pub struct History {}

impl History {
    /// Open (creating if needed) the history at `path`.
    pub fn open(path: &Path) -> anyhow::Result<History> {
        anyhow::bail!("{}: history is not built yet", path.display())
    }

    /// Start a run; `command` is the command line, for `history runs`.
    pub fn begin_run(&mut self, command: &str) -> anyhow::Result<i64> {
        let _ = command;
        anyhow::bail!("history is not built yet")
    }

    /// Record one notice (or failure) of a run and say whether it is new.
    pub fn observe(&mut self, run_id: i64, record: &Record) -> anyhow::Result<Seen> {
        let _ = (run_id, record);
        anyhow::bail!("history is not built yet")
    }

    /// Close a run with its counts.
    pub fn finish_run(&mut self, run_id: i64, summary: &RunSummary) -> anyhow::Result<()> {
        let _ = (run_id, summary);
        anyhow::bail!("history is not built yet")
    }
}
