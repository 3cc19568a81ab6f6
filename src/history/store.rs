//! Reading and writing runs, notices, versions and findings.
use std::collections::BTreeSet;
use std::path::Path;

use anyhow::Context;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::schema::classify;
use super::{HistoryError, Seen};
use crate::model::{ListVersion, Money, Record, RunSummary};

/// One run, for `history runs`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RunRow {
    /// Run id.
    pub id: i64,
    /// The command line.
    pub command: String,
    /// Start time (RFC 3339, UTC).
    pub started: String,
    /// End time; `None` if the run is still going or was killed.
    pub finished: Option<String>,
    /// Counts (zero until the run finished).
    #[serde(flatten)]
    pub summary: RunSummary,
    /// Failed inputs recorded during the run (also counted for unfinished runs).
    pub errors: usize,
    /// The list versions the run screened against.
    pub screened_against: Vec<ListVersion>,
}

/// One version (content and findings) of a notice, for `history show`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionRow {
    /// When this version was first observed.
    pub first_seen: String,
    /// When this version was last observed.
    pub last_seen: String,
    /// In how many observations (runs) it was seen.
    pub times_seen: usize,
    /// Status at its first observation: `new`, `updated` (or `unchanged` when an unfinished run
    /// had already seen it).
    pub status: String,
    /// What changed from the version before, in plain words.
    pub changes: Vec<String>,
    /// The record as reported then.
    pub record: Record,
}

/// A new or updated notice in a finished run, for `history export`.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    /// The run that reported it.
    pub run_id: i64,
    /// When (RFC 3339, UTC).
    pub observed: String,
    /// `new` or `updated`.
    pub status: String,
    /// What changed (for `updated`).
    pub changes: Vec<String>,
    /// The record as reported then.
    pub record: Record,
}

/// The current time as stored: RFC 3339 UTC to the second, so that text order is time order.
fn now() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    // Serialising our own plain types cannot fail; an empty array keeps the column valid anyway.
    serde_json::to_string(value).unwrap_or_else(|_| "[]".to_owned())
}

/// Insert a run row and return its id.
pub fn begin_run(conn: &mut Connection, path: &Path, command: &str) -> Result<i64, HistoryError> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| classify(path, e))?;
    tx.execute(
        "INSERT INTO runs (command, started) VALUES (?1, ?2)",
        params![command, now()],
    )
    .map_err(|e| classify(path, e))?;
    let id = tx.last_insert_rowid();
    tx.commit().map_err(|e| classify(path, e))?;
    Ok(id)
}

/// Close a run with its counts.
pub fn finish_run(
    conn: &mut Connection,
    path: &Path,
    run_id: i64,
    s: &RunSummary,
) -> Result<(), HistoryError> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| classify(path, e))?;
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    let changed = tx
        .execute(
            "UPDATE runs SET finished = ?2, scanned = ?3, failed = ?4, new = ?5, updated = ?6, reported = ?7,
                 none = ?8, low = ?9, medium = ?10, high = ?11
             WHERE id = ?1",
            params![
                run_id,
                now(),
                count(s.scanned),
                count(s.failed),
                count(s.new),
                count(s.updated),
                count(s.reported),
                count(s.by_level[0]),
                count(s.by_level[1]),
                count(s.by_level[2]),
                count(s.by_level[3]),
            ],
        )
        .map_err(|e| classify(path, e))?;
    if changed == 0 {
        return Err(classify(path, rusqlite::Error::QueryReturnedNoRows));
    }
    tx.commit().map_err(|e| classify(path, e))
}

/// Digest of what the scan found in a version, so that a changed watchlist or vocabulary on the
/// same page content is a version of its own.
fn findings_digest(record: &Record) -> String {
    let mut h = Sha256::new();
    h.update(to_json(&record.mentions));
    h.update(b"\0");
    h.update(to_json(&record.hits));
    h.update(b"\0");
    h.update(record.alert.as_str());
    h.update(b"\0");
    h.update(to_json(&record.reasons));
    hex::encode(h.finalize())
}

/// Record one observation in its own transaction and classify it against what finished runs
/// (and this run) saw last.
pub fn observe(
    conn: &mut Connection,
    path: &Path,
    run_id: i64,
    record: &Record,
) -> Result<Seen, HistoryError> {
    let err = |e| classify(path, e);
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(err)?;
    let now = now();
    if let Some(error) = &record.error {
        tx.execute(
            "INSERT INTO errors (run_id, source, error, observed) VALUES (?1, ?2, ?3, ?4)",
            params![run_id, record.source, error, now],
        )
        .map_err(err)?;
        tx.commit().map_err(err)?;
        return Ok(Seen::New);
    }
    // The same page under another spelling of its path or URL is the same notice.
    let key = super::identity::key(&record.source);
    let notice_id: Option<i64> = tx
        .query_row("SELECT id FROM notices WHERE source = ?1", [&key], |r| {
            r.get(0)
        })
        .optional()
        .map_err(err)?;
    let baseline: Option<(i64, String, String)> = match notice_id {
        None => None,
        Some(id) => tx
            .query_row(
                "SELECT v.id, v.sha256, v.record FROM findings f
                   JOIN runs r ON r.id = f.run_id
                   JOIN versions v ON v.id = f.version_id
                  WHERE f.notice_id = ?1 AND (r.finished IS NOT NULL OR r.id = ?2)
                  ORDER BY f.id DESC LIMIT 1",
                params![id, run_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(err)?,
    };
    let money = |m: &Option<Money>| {
        (
            m.as_ref().map(|m| m.amount),
            m.as_ref().map(|m| m.currency.clone()),
        )
    };
    let (budget_amount, budget_currency) = money(&record.budget);
    let (award_amount, award_currency) = money(&record.award);
    let notice_id = tx
        .query_row(
            "INSERT INTO notices (source, first_seen, last_seen, sha256, notice_type, title, published, project_id,
                                  buyer, agency, budget_amount, budget_currency, award_amount, award_currency,
                                  suppliers, alert)
             VALUES (?1, ?2, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
             ON CONFLICT (source) DO UPDATE SET
                 last_seen = excluded.last_seen, sha256 = excluded.sha256, notice_type = excluded.notice_type,
                 title = excluded.title, published = excluded.published, project_id = excluded.project_id,
                 buyer = excluded.buyer, agency = excluded.agency,
                 budget_amount = excluded.budget_amount, budget_currency = excluded.budget_currency,
                 award_amount = excluded.award_amount, award_currency = excluded.award_currency,
                 suppliers = excluded.suppliers, alert = excluded.alert
             RETURNING id",
            params![
                key,
                now,
                record.sha256,
                record.notice_type.as_str(),
                record.title,
                record.published,
                record.project_id,
                record.buyer,
                record.agency,
                budget_amount,
                budget_currency,
                award_amount,
                award_currency,
                to_json(&record.suppliers),
                record.alert.as_str(),
            ],
            |r| r.get::<_, i64>(0),
        )
        .map_err(err)?;
    let mut stored = record.clone();
    stored.status = None; // the status belongs to an observation, not to the content
    let version_id: i64 = tx
        .query_row(
            "INSERT INTO versions (notice_id, sha256, findings_digest, first_seen, last_seen, alert, mentions, hits,
                                   reasons, record)
             VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?8, ?9)
             ON CONFLICT (notice_id, sha256, findings_digest) DO UPDATE SET last_seen = excluded.last_seen
             RETURNING id",
            params![
                notice_id,
                record.sha256,
                findings_digest(record),
                now,
                record.alert.as_str(),
                to_json(&record.mentions),
                to_json(&record.hits),
                to_json(&record.reasons),
                to_json(&stored),
            ],
            |r| r.get(0),
        )
        .map_err(err)?;
    // A note kept on an `unchanged` finding: what changed that a reader need not see again.
    let mut note = Vec::new();
    let seen = match baseline {
        None => Seen::New,
        Some((previous, _, _)) if previous == version_id => Seen::Unchanged,
        Some((_, old_sha, old_json)) => {
            let list = match serde_json::from_str::<Record>(&old_json) {
                Ok(old) => changes(&old, record),
                Err(_) => vec!["the earlier version could not be read back".to_owned()],
            };
            if !list.is_empty() {
                Seen::Updated(list)
            } else {
                // Only the bytes (a view counter, a clock, a rotating sidebar) or snippets and
                // reason wording (a newer tenderscan) differ: the new hash is kept as a version,
                // but reporting the notice again would mail the same alert every day.
                if old_sha != record.sha256 {
                    note.push(CONTENT_ONLY.to_owned());
                }
                Seen::Unchanged
            }
        }
    };
    let (status, change_list): (&str, &[String]) = match &seen {
        Seen::New => ("new", &[]),
        Seen::Updated(c) => ("updated", c),
        Seen::Unchanged => ("unchanged", &note),
    };
    tx.execute(
        "INSERT INTO findings (run_id, notice_id, version_id, observed, status, changes)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            run_id,
            notice_id,
            version_id,
            now,
            status,
            to_json(change_list)
        ],
    )
    .map_err(err)?;
    tx.commit().map_err(err)?;
    Ok(seen)
}

/// The note on an `unchanged` finding whose page bytes changed but whose fields and findings did not.
pub const CONTENT_ONLY: &str = "page content changed; fields and findings the same";

/// What changed between two versions of a notice, in plain words, most important first.
pub fn changes(old: &Record, new: &Record) -> Vec<String> {
    let mut out = Vec::new();
    if old.alert != new.alert {
        out.push(format!(
            "alert {} → {}",
            old.alert.as_str(),
            new.alert.as_str()
        ));
    }
    let listed = |r: &Record| {
        r.hits
            .iter()
            .map(|h| h.listed_name.clone())
            .collect::<BTreeSet<_>>()
    };
    added_removed(&mut out, "hit", &listed(old), &listed(new));
    let named = |r: &Record| {
        r.mentions
            .iter()
            .map(|m| m.name.clone())
            .collect::<BTreeSet<_>>()
    };
    added_removed(&mut out, "mention", &named(old), &named(new));
    let fields: [(&str, Option<&str>, Option<&str>); 6] = [
        (
            "notice type",
            Some(old.notice_type.as_str()),
            Some(new.notice_type.as_str()),
        ),
        ("title", old.title.as_deref(), new.title.as_deref()),
        (
            "published",
            old.published.as_deref(),
            new.published.as_deref(),
        ),
        (
            "project id",
            old.project_id.as_deref(),
            new.project_id.as_deref(),
        ),
        ("buyer", old.buyer.as_deref(), new.buyer.as_deref()),
        ("agency", old.agency.as_deref(), new.agency.as_deref()),
    ];
    for (label, before, after) in fields {
        if before != after {
            out.push(format!(
                "{label} {} → {}",
                before.unwrap_or("none"),
                after.unwrap_or("none")
            ));
        }
    }
    for (label, before, after) in [
        ("budget", &old.budget, &new.budget),
        ("award", &old.award, &new.award),
    ] {
        if before != after {
            out.push(format!(
                "{label} {} → {}",
                money_text(before.as_ref()),
                money_text(after.as_ref())
            ));
        }
    }
    let suppliers = |r: &Record| r.suppliers.iter().cloned().collect::<BTreeSet<_>>();
    added_removed(&mut out, "supplier", &suppliers(old), &suppliers(new));
    out
}

fn added_removed(
    out: &mut Vec<String>,
    what: &str,
    old: &BTreeSet<String>,
    new: &BTreeSet<String>,
) {
    out.extend(new.difference(old).map(|n| format!("added {what} {n}")));
    out.extend(old.difference(new).map(|n| format!("removed {what} {n}")));
}

fn money_text(m: Option<&Money>) -> String {
    match m {
        None => "none".to_owned(),
        Some(m) if m.amount.fract() == 0.0 && m.amount.abs() < 1e15 => {
            format!("{} {}", m.amount as i64, m.currency)
        }
        Some(m) => format!("{:.2} {}", m.amount, m.currency),
    }
}

fn usize_of(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

/// The most recent runs, newest first.
pub fn runs(conn: &Connection, path: &Path, limit: usize) -> anyhow::Result<Vec<RunRow>> {
    let read = || -> rusqlite::Result<Vec<RunRow>> {
        let mut stmt = conn.prepare(
            "SELECT id, command, started, finished, scanned, failed, new, updated, reported, none, low, medium, high,
                    (SELECT count(*) FROM errors e WHERE e.run_id = runs.id), screened_against
               FROM runs ORDER BY id DESC LIMIT ?1",
        )?;
        let rows = stmt.query_map([i64::try_from(limit).unwrap_or(i64::MAX)], |r| {
            Ok(RunRow {
                id: r.get(0)?,
                command: r.get(1)?,
                started: r.get(2)?,
                finished: r.get(3)?,
                summary: RunSummary {
                    scanned: usize_of(r.get(4)?),
                    failed: usize_of(r.get(5)?),
                    new: usize_of(r.get(6)?),
                    updated: usize_of(r.get(7)?),
                    reported: usize_of(r.get(8)?),
                    by_level: [
                        usize_of(r.get(9)?),
                        usize_of(r.get(10)?),
                        usize_of(r.get(11)?),
                        usize_of(r.get(12)?),
                    ],
                },
                errors: usize_of(r.get(13)?),
                screened_against: serde_json::from_str(&r.get::<_, String>(14)?)
                    .unwrap_or_default(),
            })
        })?;
        rows.collect()
    };
    read()
        .map_err(|e| classify(path, e))
        .context("reading runs")
}

/// A version row as read: first seen, last seen, times seen, first status, first changes, record.
type VersionColumns = (String, String, i64, Option<String>, Option<String>, String);
/// An observation row as read: run, observed, status, changes, record.
type ObservationColumns = (i64, String, String, String, String);

fn parse_record(path: &Path, json: &str) -> anyhow::Result<Record> {
    serde_json::from_str(json)
        .with_context(|| format!("{}: a stored record is not valid JSON", path.display()))
}

fn parse_changes(json: &str) -> Vec<String> {
    serde_json::from_str(json).unwrap_or_default()
}

/// Every version of one notice, oldest first.
pub fn versions(conn: &Connection, path: &Path, source: &str) -> anyhow::Result<Vec<VersionRow>> {
    let read = || -> rusqlite::Result<Vec<VersionColumns>> {
        let mut stmt = conn.prepare(
            "SELECT v.first_seen, v.last_seen,
                    (SELECT count(*) FROM findings f WHERE f.version_id = v.id),
                    (SELECT f.status FROM findings f WHERE f.version_id = v.id ORDER BY f.id LIMIT 1),
                    (SELECT f.changes FROM findings f WHERE f.version_id = v.id ORDER BY f.id LIMIT 1),
                    v.record
               FROM versions v JOIN notices n ON n.id = v.notice_id
              WHERE n.source = ?1
              ORDER BY v.id",
        )?;
        let rows = stmt.query_map([source], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })?;
        rows.collect()
    };
    let rows = read()
        .map_err(|e| classify(path, e))
        .context("reading versions")?;
    rows.into_iter()
        .map(|(first_seen, last_seen, times, status, changes, record)| {
            Ok(VersionRow {
                first_seen,
                last_seen,
                times_seen: usize_of(times),
                status: status.unwrap_or_else(|| "new".to_owned()),
                changes: changes.as_deref().map(parse_changes).unwrap_or_default(),
                record: parse_record(path, &record)?,
            })
        })
        .collect()
}

/// New and updated notices reported by finished runs in `[since, until)`.
pub fn new_or_updated(
    conn: &Connection,
    path: &Path,
    since: &str,
    until: &str,
) -> anyhow::Result<Vec<Observation>> {
    let read = || -> rusqlite::Result<Vec<ObservationColumns>> {
        let mut stmt = conn.prepare(
            "SELECT f.run_id, f.observed, f.status, f.changes, v.record
               FROM findings f
               JOIN runs r ON r.id = f.run_id
               JOIN versions v ON v.id = f.version_id
              WHERE r.finished IS NOT NULL AND f.status IN ('new', 'updated')
                AND f.observed >= ?1 AND f.observed < ?2
              ORDER BY f.id",
        )?;
        let rows = stmt.query_map([since, until], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
        rows.collect()
    };
    let rows = read()
        .map_err(|e| classify(path, e))
        .context("reading findings")?;
    rows.into_iter()
        .map(|(run_id, observed, status, changes, record)| {
            Ok(Observation {
                run_id,
                observed,
                status,
                changes: parse_changes(&changes),
                record: parse_record(path, &record)?,
            })
        })
        .collect()
}

/// Store the list versions a run screened against.
pub fn set_run_lists(
    conn: &mut Connection,
    path: &Path,
    run_id: i64,
    lists: &[ListVersion],
) -> Result<(), HistoryError> {
    conn.execute(
        "UPDATE runs SET screened_against = ?2 WHERE id = ?1",
        params![run_id, to_json(lists)],
    )
    .map_err(|e| classify(path, e))?;
    Ok(())
}

/// The id of the latest version of every notice (the one its last observation saw), by notice.
pub fn latest_versions(conn: &Connection, path: &Path) -> anyhow::Result<Vec<i64>> {
    let read = || -> rusqlite::Result<Vec<i64>> {
        let mut stmt = conn.prepare(
            "SELECT (SELECT f.version_id FROM findings f WHERE f.notice_id = n.id ORDER BY f.id DESC LIMIT 1)
               FROM notices n ORDER BY n.id",
        )?;
        let rows = stmt.query_map([], |r| r.get::<_, Option<i64>>(0))?;
        rows.filter_map(|r| r.transpose()).collect()
    };
    read()
        .map_err(|e| classify(path, e))
        .context("reading the latest versions")
}

/// The record stored with one version.
pub fn version_record(conn: &Connection, path: &Path, version_id: i64) -> anyhow::Result<Record> {
    let json: String = conn
        .query_row(
            "SELECT record FROM versions WHERE id = ?1",
            [version_id],
            |r| r.get(0),
        )
        .map_err(|e| classify(path, e))
        .context("reading a stored version")?;
    parse_record(path, &json)
}
