//! Migration 2: re-key notices by [`identity::key`] and merge the notices that turn out to be
//! one (`fixtures/a.html`, `./fixtures/a.html` and `/abs/fixtures/a.html` stored by schema 1).
//!
//! Relative paths stored by schema 1 are resolved against the directory of the run that
//! migrates, when the file is there; otherwise they are left as they were (a later scan of
//! the same file then starts a new notice, as it would have before).
use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::{OptionalExtension, Transaction, params};

use super::identity;

/// Re-key and merge, inside the migration's transaction.
pub fn run(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let notices: Vec<(i64, String)> = {
        let mut stmt = tx.prepare("SELECT id, source FROM notices ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut groups: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for (id, source) in notices {
        groups.entry(migrated_key(&source)).or_default().push(id);
    }
    for (key, ids) in groups {
        // The first notice seen survives; the others fold into it.
        let keep = ids[0];
        for &other in &ids[1..] {
            merge(tx, keep, other)?;
        }
        tx.execute(
            "UPDATE notices SET source = ?2 WHERE id = ?1",
            params![keep, key],
        )?;
    }
    Ok(())
}

/// The key of a stored source; a relative path whose file is not here stays as it was.
fn migrated_key(source: &str) -> String {
    match crate::input::classify(source) {
        crate::input::Input::Path(p) if p.is_relative() && !Path::new(&p).exists() => {
            source.to_owned()
        }
        _ => identity::key(source),
    }
}

/// Fold notice `other` into `keep`: versions (merged when the same content and findings),
/// findings, first/last seen, and the latest fields.
fn merge(tx: &Transaction<'_>, keep: i64, other: i64) -> rusqlite::Result<()> {
    let versions: Vec<(i64, String, String)> = {
        let mut stmt =
            tx.prepare("SELECT id, sha256, findings_digest FROM versions WHERE notice_id = ?1")?;
        let rows = stmt.query_map([other], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (version, sha, digest) in versions {
        let twin: Option<i64> = tx
            .query_row(
                "SELECT id FROM versions WHERE notice_id = ?1 AND sha256 = ?2 AND findings_digest = ?3",
                params![keep, sha, digest],
                |r| r.get(0),
            )
            .optional()?;
        match twin {
            Some(twin) => {
                tx.execute(
                    "UPDATE findings SET version_id = ?1 WHERE version_id = ?2",
                    params![twin, version],
                )?;
                tx.execute(
                    "UPDATE versions SET
                         first_seen = min(first_seen, (SELECT first_seen FROM versions WHERE id = ?2)),
                         last_seen = max(last_seen, (SELECT last_seen FROM versions WHERE id = ?2))
                     WHERE id = ?1",
                    params![twin, version],
                )?;
                tx.execute("DELETE FROM versions WHERE id = ?1", [version])?;
            }
            None => {
                tx.execute(
                    "UPDATE versions SET notice_id = ?1 WHERE id = ?2",
                    params![keep, version],
                )?;
            }
        }
    }
    tx.execute(
        "UPDATE findings SET notice_id = ?1 WHERE notice_id = ?2",
        params![keep, other],
    )?;
    // The latest fields come from whichever was seen last.
    tx.execute(
        "UPDATE notices SET
             sha256 = o.sha256, notice_type = o.notice_type, title = o.title, published = o.published,
             project_id = o.project_id, buyer = o.buyer, agency = o.agency,
             budget_amount = o.budget_amount, budget_currency = o.budget_currency,
             award_amount = o.award_amount, award_currency = o.award_currency,
             suppliers = o.suppliers, alert = o.alert
         FROM (SELECT * FROM notices WHERE id = ?2) AS o
         WHERE notices.id = ?1 AND o.last_seen > notices.last_seen",
        params![keep, other],
    )?;
    tx.execute(
        "UPDATE notices SET
             first_seen = min(first_seen, (SELECT first_seen FROM notices WHERE id = ?2)),
             last_seen = max(last_seen, (SELECT last_seen FROM notices WHERE id = ?2))
         WHERE id = ?1",
        params![keep, other],
    )?;
    tx.execute("DELETE FROM notices WHERE id = ?1", [other])?;
    Ok(())
}
