//! SQLite history of seen notices and findings, for new-only daily reports.
//!
//! A notice is identified by its source ([`identity::key`]: a normalised URL, or a local file's
//! canonical absolute path), its content by the sha256 of the raw bytes. Every run is a row in `runs`; each observed record is committed in its own
//! transaction, so a run killed mid-way leaves a consistent file whose run has no `finished`.
//!
//! "Seen before" counts only runs that finished (and the current one): a killed run never wrote
//! its report, so what it saw is reported again by the next run rather than silently lost.
//!
//! Tables (schema version in `PRAGMA user_version`, `PRAGMA application_id` = `0x5453434E`):
//! `runs` (one per scan or crawl; `finished` NULL = running or killed), `notices` (one per
//! source, latest fields), `versions` (one per content and findings of a notice, with the whole
//! record as JSON), `findings` (one per notice per run: `new` / `updated` / `unchanged` and what
//! changed), `errors` (failed inputs per run). Read it with the `sqlite3` shell, e.g.
//!
//! ```sql
//! SELECT id, started, finished, scanned, new, updated, high FROM runs ORDER BY id DESC LIMIT 7;
//! SELECT source, first_seen, last_seen, alert, title FROM notices WHERE alert IN ('high', 'medium');
//! SELECT f.observed, f.status, f.changes, v.alert FROM findings f JOIN versions v ON v.id = f.version_id
//!   JOIN notices n ON n.id = f.notice_id WHERE n.source = 'http://…' ORDER BY f.id;
//! ```
pub mod identity;
pub mod lock;
mod migrate_keys;
mod schema;
mod store;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::model::{Record, RunSummary};

pub use schema::{APPLICATION_ID, BUSY_TIMEOUT, SCHEMA_VERSION};
pub use store::{Observation, RunRow, VersionRow, changes};

/// Environment variable naming the history file when `--history` is not given.
pub const HISTORY_ENV: &str = "TENDERSCAN_HISTORY";

/// History options (flattened into `scan` and `crawl`).
#[derive(Debug, Clone, clap::Args, Default)]
pub struct HistoryOpts {
    /// Keep a history of runs and notices in this SQLite file [env: TENDERSCAN_HISTORY; with
    /// --new-only and neither given: history.sqlite3 in the user's data directory].
    #[arg(long, value_name = "FILE", help_heading = "History")]
    pub history: Option<PathBuf>,
    /// Report only notices not seen before, or changed since (needs a history).
    #[arg(long, help_heading = "History")]
    pub new_only: bool,
    /// Seconds to wait for another run using the same history before failing (exit 1).
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = 60,
        help_heading = "History"
    )]
    pub lock_timeout: u64,
}

impl HistoryOpts {
    /// The history file to use, if any: `--history`, else `$TENDERSCAN_HISTORY`, else (only
    /// with `--new-only`) the default file in the user's data directory.
    pub fn path(&self) -> Option<PathBuf> {
        explicit_path(self.history.as_deref())
            .or_else(|| if self.new_only { default_path() } else { None })
    }
}

/// `--history FILE`, else a non-empty `$TENDERSCAN_HISTORY`.
pub fn explicit_path(flag: Option<&Path>) -> Option<PathBuf> {
    flag.map(Path::to_path_buf).or_else(|| {
        std::env::var_os(HISTORY_ENV)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    })
}

/// `history.sqlite3` in the user's data directory (e.g. `~/.local/share/tenderscan/`).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "tenderscan")
        .map(|d| d.data_dir().join("history.sqlite3"))
}

/// What the history knew about a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seen {
    /// Never seen before (also returned for failed inputs, which are always reported).
    New,
    /// Seen before with other content (or the same page with other hits, mentions or alert,
    /// e.g. after a watchlist update); what changed, in plain words.
    Updated(Vec<String>),
    /// Seen before with the same fields, mentions and hits (the page's bytes may differ: the
    /// new hash is stored, with a note on the finding, but the notice is not reported again).
    Unchanged,
}

/// Why a history file cannot be used; in every case the file was left untouched.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    /// The file exists but is not a SQLite database.
    #[error("{}: not a SQLite database, so not a tenderscan history (file left untouched)", path.display())]
    NotSqlite {
        /// The history file.
        path: PathBuf,
    },
    /// A SQLite database of some other application.
    #[error("{}: a SQLite database of another application, not a tenderscan history (file left untouched)", path.display())]
    Foreign {
        /// The history file.
        path: PathBuf,
    },
    /// Written by a newer tenderscan.
    #[error(
        "{}: history schema version {found} is newer than this tenderscan understands ({supported}); \
         upgrade tenderscan (file left untouched)",
        path.display()
    )]
    NewerSchema {
        /// The history file.
        path: PathBuf,
        /// `PRAGMA user_version` of the file.
        found: i64,
        /// The version this build writes.
        supported: i64,
    },
    /// The file or its directory cannot be written.
    #[error("{}: cannot write the history there: {reason}", path.display())]
    ReadOnly {
        /// The history file.
        path: PathBuf,
        /// What the system said.
        reason: String,
    },
    /// Another run held the database longer than the busy timeout.
    #[error(
        "{}: the history is locked by another tenderscan run (waited {waited} s); run again when it has finished",
        path.display()
    )]
    Locked {
        /// The history file.
        path: PathBuf,
        /// Seconds waited.
        waited: u64,
    },
    /// The history does not exist (for the read-only `history` commands).
    #[error("{}: no history there yet (a `scan --history` run creates it)", path.display())]
    Missing {
        /// The history file.
        path: PathBuf,
    },
    /// Any other SQLite failure.
    #[error("{}: {source}", path.display())]
    Sqlite {
        /// The history file.
        path: PathBuf,
        /// The SQLite error.
        source: rusqlite::Error,
    },
}

/// An open history database.
#[derive(Debug)]
pub struct History {
    conn: Connection,
    path: PathBuf,
}

impl History {
    /// Open (creating if needed) the history at `path`.
    ///
    /// Errors ([`HistoryError`] inside the `anyhow::Error`): not SQLite, another application's
    /// database, a newer schema, a read-only location; the file is then left untouched.
    pub fn open(path: &Path) -> anyhow::Result<History> {
        let conn = schema::open(path)?;
        Ok(History {
            conn,
            path: path.to_owned(),
        })
    }

    /// Open an existing history (for the read-only `history` commands); never creates one.
    pub fn open_existing(path: &Path) -> anyhow::Result<History> {
        if !path.exists() {
            return Err(HistoryError::Missing {
                path: path.to_owned(),
            }
            .into());
        }
        History::open(path)
    }

    /// How long a write waits for another run's transaction before failing with
    /// [`HistoryError::Locked`] (default [`BUSY_TIMEOUT`]).
    pub fn set_busy_timeout(&mut self, wait: std::time::Duration) -> anyhow::Result<()> {
        self.conn
            .busy_timeout(wait)
            .map_err(|e| schema::classify(&self.path, e))?;
        Ok(())
    }

    /// The file this history lives in.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Start a run; `command` is the command line, for `history runs`.
    pub fn begin_run(&mut self, command: &str) -> anyhow::Result<i64> {
        Ok(store::begin_run(&mut self.conn, &self.path, command)?)
    }

    /// Record one notice (or failure) of a run and say whether it is new.
    pub fn observe(&mut self, run_id: i64, record: &Record) -> anyhow::Result<Seen> {
        Ok(store::observe(&mut self.conn, &self.path, run_id, record)?)
    }

    /// Close a run with its counts.
    pub fn finish_run(&mut self, run_id: i64, summary: &RunSummary) -> anyhow::Result<()> {
        Ok(store::finish_run(
            &mut self.conn,
            &self.path,
            run_id,
            summary,
        )?)
    }

    /// The most recent runs, newest first.
    pub fn runs(&self, limit: usize) -> anyhow::Result<Vec<RunRow>> {
        store::runs(&self.conn, &self.path, limit)
    }

    /// Store the list versions a run screened against (for `history runs`).
    pub fn set_run_lists(
        &mut self,
        run_id: i64,
        lists: &[crate::model::ListVersion],
    ) -> anyhow::Result<()> {
        Ok(store::set_run_lists(
            &mut self.conn,
            &self.path,
            run_id,
            lists,
        )?)
    }

    /// The latest version id of every notice, in the order the notices were first seen.
    pub fn latest_versions(&self) -> anyhow::Result<Vec<i64>> {
        store::latest_versions(&self.conn, &self.path)
    }

    /// The record stored with a version.
    pub fn version_record(&self, version_id: i64) -> anyhow::Result<Record> {
        store::version_record(&self.conn, &self.path, version_id)
    }

    /// Every version of one notice, oldest first (empty if the source was never seen); the
    /// source is matched by its [`identity::key`], so any spelling of the path or URL finds it.
    pub fn versions(&self, source: &str) -> anyhow::Result<Vec<VersionRow>> {
        let found = store::versions(&self.conn, &self.path, &identity::key(source))?;
        if found.is_empty() {
            // A relative path kept as it was by migration 2 (its file was not there).
            return store::versions(&self.conn, &self.path, source);
        }
        Ok(found)
    }

    /// New and updated notices reported by finished runs with `since <= observed < until`
    /// (RFC 3339 strings or dates), oldest first.
    pub fn new_or_updated(&self, since: &str, until: &str) -> anyhow::Result<Vec<Observation>> {
        store::new_or_updated(&self.conn, &self.path, since, until)
    }
}
