//! Opening a history file safely: refuse what is not ours, then migrate in order.
//!
//! Every check that can reject a file runs before anything is written to it, so a foreign,
//! corrupt or newer database is left byte-for-byte untouched.
use std::io::Read;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use super::HistoryError;

/// `PRAGMA application_id` of a tenderscan history ("TSCN" in ASCII), so that `file(1)` and we
/// can tell our databases from other applications' ones.
pub const APPLICATION_ID: i32 = 0x5453_434E;

/// How long a writer waits for another run's transaction before giving up with `Locked`.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// One migration: SQL, or code for what SQL cannot compute.
enum Step {
    /// A batch of SQL statements.
    Sql(&'static str),
    /// A function run inside the migration's transaction.
    Code(fn(&rusqlite::Transaction<'_>) -> rusqlite::Result<()>),
}

/// Ordered migrations: `MIGRATIONS[i]` takes the schema from version `i` to `i + 1`.
/// Append only; never edit a migration that has shipped.
const MIGRATIONS: &[Step] = &[
    // 1: runs, notices, versions of their content, per-run observations, failed inputs.
    Step::Sql(
        "
    CREATE TABLE runs (
        id        INTEGER PRIMARY KEY,
        command   TEXT NOT NULL,
        started   TEXT NOT NULL,            -- RFC 3339, UTC
        finished  TEXT,                     -- NULL: still running, or killed
        scanned   INTEGER NOT NULL DEFAULT 0,
        failed    INTEGER NOT NULL DEFAULT 0,
        new       INTEGER NOT NULL DEFAULT 0,
        updated   INTEGER NOT NULL DEFAULT 0,
        reported  INTEGER NOT NULL DEFAULT 0,
        high      INTEGER NOT NULL DEFAULT 0,
        medium    INTEGER NOT NULL DEFAULT 0,
        low       INTEGER NOT NULL DEFAULT 0,
        none      INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE notices (
        id              INTEGER PRIMARY KEY,
        source          TEXT NOT NULL UNIQUE,   -- URL or path as given
        first_seen      TEXT NOT NULL,
        last_seen       TEXT NOT NULL,
        sha256          TEXT NOT NULL,          -- latest content
        notice_type     TEXT NOT NULL,
        title           TEXT,
        published       TEXT,
        project_id      TEXT,
        buyer           TEXT,
        agency          TEXT,
        budget_amount   REAL,
        budget_currency TEXT,
        award_amount    REAL,
        award_currency  TEXT,
        suppliers       TEXT NOT NULL,          -- JSON array
        alert           TEXT NOT NULL
    );
    CREATE TABLE versions (
        id          INTEGER PRIMARY KEY,
        notice_id   INTEGER NOT NULL REFERENCES notices(id),
        sha256      TEXT NOT NULL,
        findings_digest TEXT NOT NULL,          -- sha256 of mentions, hits, alert, reasons
        first_seen  TEXT NOT NULL,
        last_seen   TEXT NOT NULL,
        alert       TEXT NOT NULL,
        mentions    TEXT NOT NULL,              -- JSON
        hits        TEXT NOT NULL,              -- JSON
        reasons     TEXT NOT NULL,              -- JSON
        record      TEXT NOT NULL,              -- the whole report record, JSON
        UNIQUE (notice_id, sha256, findings_digest)
    );
    CREATE TABLE findings (
        id          INTEGER PRIMARY KEY,
        run_id      INTEGER NOT NULL REFERENCES runs(id),
        notice_id   INTEGER NOT NULL REFERENCES notices(id),
        version_id  INTEGER NOT NULL REFERENCES versions(id),
        observed    TEXT NOT NULL,
        status      TEXT NOT NULL CHECK (status IN ('new', 'updated', 'unchanged')),
        changes     TEXT NOT NULL               -- JSON array of plain-word changes
    );
    CREATE INDEX findings_by_notice ON findings(notice_id, id);
    CREATE INDEX findings_by_run ON findings(run_id);
    CREATE INDEX findings_by_observed ON findings(observed);
    CREATE TABLE errors (
        id        INTEGER PRIMARY KEY,
        run_id    INTEGER NOT NULL REFERENCES runs(id),
        source    TEXT NOT NULL,
        error     TEXT NOT NULL,
        observed  TEXT NOT NULL
    );
    CREATE INDEX errors_by_run ON errors(run_id);
    ",
    ),
    // 2: `notices.source` holds the notice's identity key (normalised URL, canonical path).
    Step::Code(super::migrate_keys::run),
    // 3: the list versions each run screened against (JSON array of {list, kind, as_of, sha256}).
    Step::Sql(
        "
    ALTER TABLE runs ADD COLUMN screened_against TEXT NOT NULL DEFAULT '[]';
    ",
    ),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The 16-byte header every SQLite 3 database file starts with.
const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Open `path`, check it is a tenderscan history (or new), migrate it, and switch to WAL.
pub fn open(path: &Path) -> Result<Connection, HistoryError> {
    let exists = path.exists();
    if exists {
        check_header(path)?;
    } else if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| HistoryError::ReadOnly {
            path: path.to_owned(),
            reason: format!("cannot create {}: {e}", dir.display()),
        })?;
    }
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if !exists {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
    conn.busy_timeout(BUSY_TIMEOUT)
        .map_err(|e| classify(path, e))?;
    // SQLite silently opens a write-protected file read-only; say so now, not at the first write.
    if conn
        .is_readonly(rusqlite::MAIN_DB)
        .map_err(|e| classify(path, e))?
    {
        return Err(HistoryError::ReadOnly {
            path: path.to_owned(),
            reason: "the file is write-protected".into(),
        });
    }
    check_identity(&conn, path)?;
    migrate(conn, path)
}

/// Reject a non-empty file that does not start with the SQLite header, without opening it.
fn check_header(path: &Path) -> Result<(), HistoryError> {
    let mut head = Vec::with_capacity(16);
    let file = std::fs::File::open(path).map_err(|e| HistoryError::ReadOnly {
        path: path.to_owned(),
        reason: format!("cannot read it: {e}"),
    })?;
    file.take(16)
        .read_to_end(&mut head)
        .map_err(|e| HistoryError::ReadOnly {
            path: path.to_owned(),
            reason: format!("cannot read it: {e}"),
        })?;
    // An empty file is what `touch` makes: SQLite treats it as a new database.
    if head.is_empty() || head.as_slice() == SQLITE_HEADER {
        Ok(())
    } else {
        Err(HistoryError::NotSqlite {
            path: path.to_owned(),
        })
    }
}

/// Read-only checks: our application id (or an empty database) and a schema we understand.
fn check_identity(conn: &Connection, path: &Path) -> Result<(), HistoryError> {
    // One read transaction, so that the three values come from one snapshot: another run may be
    // creating the schema right now, and a mix of "before" and "after" would look foreign.
    let snapshot = conn
        .unchecked_transaction()
        .map_err(|e| classify(path, e))?;
    let (app_id, version, objects): (i32, i64, i64) = snapshot
        .query_row(
            "SELECT (SELECT application_id FROM pragma_application_id()),
                    (SELECT user_version FROM pragma_user_version()),
                    (SELECT count(*) FROM sqlite_schema)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .map_err(|e| classify(path, e))?;
    drop(snapshot); // rolls back: nothing was written
    if app_id == 0 && version == 0 && objects == 0 {
        return Ok(()); // a new, empty database: ours to initialise
    }
    if app_id != APPLICATION_ID {
        return Err(HistoryError::Foreign {
            path: path.to_owned(),
        });
    }
    if version > SCHEMA_VERSION {
        return Err(HistoryError::NewerSchema {
            path: path.to_owned(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Apply the missing migrations, each in its own write transaction, then switch to WAL.
fn migrate(mut conn: Connection, path: &Path) -> Result<Connection, HistoryError> {
    loop {
        // IMMEDIATE, and the version re-read inside: two runs creating the same file at once
        // must not both apply migration 1.
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| classify(path, e))?;
        let version: i64 = tx
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| classify(path, e))?;
        if version > SCHEMA_VERSION {
            return Err(HistoryError::NewerSchema {
                path: path.to_owned(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        let Some(step) = usize::try_from(version)
            .ok()
            .and_then(|v| MIGRATIONS.get(v))
        else {
            drop(tx); // nothing written: roll back the empty transaction
            break;
        };
        match step {
            Step::Sql(sql) => tx.execute_batch(sql),
            Step::Code(f) => f(&tx),
        }
        .map_err(|e| classify(path, e))?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(|e| classify(path, e))?;
        tx.pragma_update(None, "user_version", version + 1)
            .map_err(|e| classify(path, e))?;
        tx.commit().map_err(|e| classify(path, e))?;
    }
    // WAL: readers (`history show`) never block a running scan, and a killed process leaves the
    // database consistent. Persistent in the file, so set once the file is known to be ours.
    let mode = switch_to_wal(&conn, path)?;
    if !mode.eq_ignore_ascii_case("wal") {
        tracing::warn!(
            "{}: could not switch the history to WAL mode (journal mode is {mode})",
            path.display()
        );
    }
    // NORMAL is safe in WAL mode against a crash of the process; only a power cut can lose the
    // last transactions, never corrupt the file.
    conn.pragma_update(None, "synchronous", "NORMAL")
        .map_err(|e| classify(path, e))?;
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(|e| classify(path, e))?;
    Ok(conn)
}

/// `PRAGMA journal_mode = WAL`, retried while another connection holds the file: SQLite answers
/// that pragma with an immediate SQLITE_BUSY instead of calling the busy handler, which several
/// runs creating the same new history at once would otherwise see as "locked".
fn switch_to_wal(conn: &Connection, path: &Path) -> Result<String, HistoryError> {
    let started = std::time::Instant::now();
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
            Ok(mode) => return Ok(mode),
            Err(e)
                if matches!(
                    e.sqlite_error_code(),
                    Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
                ) && started.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => return Err(classify(path, e)),
        }
    }
}

/// Map a SQLite error to the error a user can act on.
pub fn classify(path: &Path, err: rusqlite::Error) -> HistoryError {
    let path = path.to_owned();
    match err.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => HistoryError::Locked {
            path,
            waited: BUSY_TIMEOUT.as_secs(),
        },
        Some(ErrorCode::NotADatabase) => HistoryError::NotSqlite { path },
        Some(ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            HistoryError::ReadOnly {
                path,
                reason: err.to_string(),
            }
        }
        _ => HistoryError::Sqlite { path, source: err },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A schema-1 history as the previous tenderscan wrote it: one page under three spellings
    /// of its path (two with the same content), and one URL under two spellings.
    fn schema_1_history(path: &Path) {
        let conn = Connection::open(path).unwrap();
        let Step::Sql(v1) = &MIGRATIONS[0] else {
            panic!("migration 1 is SQL")
        };
        conn.execute_batch(v1).unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        let abs = std::fs::canonicalize("fixtures/news_not_a_notice.html").unwrap();
        let abs = abs.to_str().unwrap();
        conn.execute_batch(
            "INSERT INTO runs (id, command, started, finished) VALUES
                 (1, 'scan', '2025-01-01T00:00:00Z', '2025-01-01T00:01:00Z'),
                 (2, 'scan', '2025-01-02T00:00:00Z', '2025-01-02T00:01:00Z'),
                 (3, 'scan', '2025-01-03T00:00:00Z', '2025-01-03T00:01:00Z');",
        )
        .unwrap();
        let notices = [
            (
                1,
                "fixtures/news_not_a_notice.html",
                "aaa",
                "2025-01-01T00:00:00Z",
                "old title",
            ),
            (
                2,
                "./fixtures/news_not_a_notice.html",
                "aaa",
                "2025-01-02T00:00:00Z",
                "old title",
            ),
            (3, abs, "bbb", "2025-01-03T00:00:00Z", "new title"),
            (
                4,
                "HTTP://WWW.Example.CN:80/a.htm#top",
                "ccc",
                "2025-01-01T00:00:00Z",
                "u",
            ),
            (
                5,
                "http://www.example.cn/a.htm",
                "ccc",
                "2025-01-02T00:00:00Z",
                "u",
            ),
            (
                6,
                "gone/elsewhere.html",
                "ddd",
                "2025-01-01T00:00:00Z",
                "kept",
            ),
        ];
        for (id, source, sha, seen, title) in notices {
            conn.execute(
                "INSERT INTO notices (id, source, first_seen, last_seen, sha256, notice_type, title,
                                      suppliers, alert)
                 VALUES (?1, ?2, ?3, ?3, ?4, 'other', ?5, '[]', 'none')",
                rusqlite::params![id, source, seen, sha, title],
            )
            .unwrap();
            conn.execute(
                "INSERT INTO versions (id, notice_id, sha256, findings_digest, first_seen, last_seen,
                                       alert, mentions, hits, reasons, record)
                 VALUES (?1, ?1, ?2, 'd', ?3, ?3, 'none', '[]', '[]', '[]', '{}')",
                rusqlite::params![id, sha, seen],
            )
            .unwrap();
            let run = if seen.starts_with("2025-01-01") {
                1
            } else if seen.starts_with("2025-01-02") {
                2
            } else {
                3
            };
            conn.execute(
                "INSERT INTO findings (run_id, notice_id, version_id, observed, status, changes)
                 VALUES (?1, ?2, ?2, ?3, 'new', '[]')",
                rusqlite::params![run, id, seen],
            )
            .unwrap();
        }
    }

    #[test]
    fn migration_2_rekeys_and_merges_notices() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h.sqlite3");
        schema_1_history(&path);
        let conn = open(&path).unwrap();
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(version, SCHEMA_VERSION);
        assert_eq!(
            SCHEMA_VERSION, 3,
            "2 re-keys notices, 3 adds the runs' list versions"
        );
        let abs = std::fs::canonicalize("fixtures/news_not_a_notice.html").unwrap();
        let abs = abs.to_str().unwrap().to_owned();
        let notices: Vec<(i64, String, String, String, String)> = conn
            .prepare("SELECT id, source, first_seen, last_seen, title FROM notices ORDER BY id")
            .unwrap()
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(
            notices,
            [
                (
                    1,
                    abs,
                    "2025-01-01T00:00:00Z".into(),
                    "2025-01-03T00:00:00Z".into(),
                    "new title".into()
                ),
                (
                    4,
                    "http://www.example.cn/a.htm".into(),
                    "2025-01-01T00:00:00Z".into(),
                    "2025-01-02T00:00:00Z".into(),
                    "u".into()
                ),
                (
                    6,
                    "gone/elsewhere.html".into(),
                    "2025-01-01T00:00:00Z".into(),
                    "2025-01-01T00:00:00Z".into(),
                    "kept".into()
                ),
            ]
        );
        // Same content and findings under two spellings: one version; other content: its own.
        let versions: Vec<(i64, i64, String)> = conn
            .prepare("SELECT id, notice_id, sha256 FROM versions ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(
            versions,
            [
                (1, 1, "aaa".into()),
                (3, 1, "bbb".into()),
                (4, 4, "ccc".into()),
                (6, 6, "ddd".into())
            ]
        );
        // Every finding kept, pointing at the surviving notice and version.
        let findings: Vec<(i64, i64)> = conn
            .prepare("SELECT notice_id, version_id FROM findings ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(findings, [(1, 1), (1, 1), (1, 3), (4, 4), (4, 4), (6, 6)]);
        let fk: i64 = conn
            .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(fk, 0);
    }
}
