//! Analysts' verdicts on hits (`--reviewed FILE`): a false positive stays in the record, marked,
//! but no longer raises the alert; a confirmed hit says so in the reasons.
//!
//! File format (CSV, UTF-8, header required): `notice,entity,verdict,reviewer,date,note` where
//! `notice` is a record's source, project_id or sha256 and `entity` a listed name or list_id.
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::assess::assess;
use crate::model::{Hit, Record, Verdict};

/// The header of a reviewed-hits file, in order.
pub const HEADER: [&str; 6] = ["notice", "entity", "verdict", "reviewer", "date", "note"];

/// Files larger than this are refused: a review file is typed by people, not generated in bulk.
const MAX_BYTES: u64 = 64 << 20;

/// One row of a reviewed-hits file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Review {
    /// 1-based line in the file.
    pub line: u64,
    /// Source, project_id or sha256 of the notice.
    pub notice: String,
    /// Listed name or list_id of the entity.
    pub entity: String,
    /// The verdict.
    pub verdict: Verdict,
    /// Who reviewed.
    pub reviewer: String,
    /// When (`YYYY-MM-DD`).
    pub date: String,
    /// Free text.
    pub note: String,
}

/// Parse a verdict as written in the file.
pub fn parse_verdict(s: &str) -> Result<Verdict, String> {
    match s.trim() {
        "false_positive" => Ok(Verdict::FalsePositive),
        "confirmed" => Ok(Verdict::Confirmed),
        other => Err(format!(
            "verdict `{other}` is not `false_positive` or `confirmed`"
        )),
    }
}

/// A loaded reviewed-hits file and which rows have matched a hit so far.
#[derive(Debug, Default)]
pub struct Reviews {
    path: PathBuf,
    rows: Vec<Review>,
    /// Row indexes by `notice` key, so that a record is looked up once per key, not per row.
    by_notice: HashMap<String, Vec<usize>>,
    used: Vec<bool>,
}

impl Reviews {
    /// Load a file; a malformed row is an error naming file and line.
    pub fn load(path: &Path) -> anyhow::Result<Reviews> {
        let file = std::fs::File::open(path)
            .with_context(|| format!("{}: cannot read the reviewed-hits file", path.display()))?;
        let len = file.metadata().map(|m| m.len()).unwrap_or(0);
        if len > MAX_BYTES {
            bail!("{}: larger than {} MiB", path.display(), MAX_BYTES >> 20);
        }
        let mut reader = csv::ReaderBuilder::new()
            .flexible(false)
            .from_reader(std::io::Read::take(file, MAX_BYTES));
        let headers = reader
            .headers()
            .with_context(|| format!("{}:1: cannot read the header", path.display()))?
            .clone();
        let col = |name: &str| {
            headers
                .iter()
                .position(|h| h.trim().trim_start_matches('\u{feff}') == name)
        };
        let mut cols = [0usize; 6];
        for (i, name) in HEADER.iter().enumerate() {
            cols[i] = col(name).with_context(|| {
                format!(
                    "{}:1: missing column `{name}` (header: {})",
                    path.display(),
                    HEADER.join(",")
                )
            })?;
        }
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.with_context(|| format!("{}", path.display()))?;
            let line = record.position().map_or(0, |p| p.line());
            let get = |i: usize| record.get(cols[i]).unwrap_or("").trim().to_string();
            let verdict = parse_verdict(&get(2))
                .map_err(|e| anyhow::anyhow!("{}:{line}: {e}", path.display()))?;
            let (notice, entity) = (get(0), get(1));
            if notice.is_empty() || entity.is_empty() {
                bail!(
                    "{}:{line}: `notice` and `entity` must not be empty",
                    path.display()
                );
            }
            rows.push(Review {
                line,
                notice,
                entity,
                verdict,
                reviewer: get(3),
                date: get(4),
                note: get(5),
            });
        }
        let mut by_notice: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, r) in rows.iter().enumerate() {
            by_notice.entry(r.notice.clone()).or_default().push(i);
        }
        Ok(Reviews {
            path: path.to_path_buf(),
            used: vec![false; rows.len()],
            rows,
            by_notice,
        })
    }

    /// The rows, in file order.
    pub fn rows(&self) -> &[Review] {
        &self.rows
    }

    /// Mark the record's reviewed hits and recompute its alert without the false positives.
    /// Reasons not made by the alert rule (e.g. `changed: …`) are kept.
    pub fn apply(&mut self, record: &mut Record) {
        if record.error.is_some() || record.hits.is_empty() {
            return;
        }
        let keys = [
            Some(record.source.as_str()),
            record.final_url.as_deref(),
            record.project_id.as_deref(),
            Some(record.sha256.as_str()),
        ];
        let mut matched = false;
        for key in keys.into_iter().flatten().filter(|k| !k.is_empty()) {
            let Some(idx) = self.by_notice.get(key) else {
                continue;
            };
            for &i in idx {
                let row = &self.rows[i];
                for hit in record.hits.iter_mut().filter(|h| is_entity(h, &row.entity)) {
                    // The last matching row wins, as the later line in the file is the later review.
                    hit.reviewed = Some(row.verdict);
                    self.used[i] = true;
                    matched = true;
                }
            }
        }
        if !matched {
            return;
        }
        let rule_reasons = assess(&record.mentions, &record.hits).reasons;
        let other: Vec<String> = record
            .reasons
            .iter()
            .filter(|r| !rule_reasons.contains(r))
            .cloned()
            .collect();
        let active: Vec<Hit> = record
            .hits
            .iter()
            .filter(|h| h.reviewed != Some(Verdict::FalsePositive))
            .cloned()
            .collect();
        let after = assess(&record.mentions, &active);
        record.alert = after.alert;
        record.reasons = after.reasons;
        for hit in &record.hits {
            let Some(verdict) = hit.reviewed else {
                continue;
            };
            let row = self.rows.iter().rev().find(|r| {
                r.verdict == verdict
                    && is_entity(hit, &r.entity)
                    && [
                        Some(record.source.as_str()),
                        record.final_url.as_deref(),
                        record.project_id.as_deref(),
                        Some(record.sha256.as_str()),
                    ]
                    .contains(&Some(r.notice.as_str()))
            });
            let by = row.map_or(String::new(), |r| {
                let note = if r.note.is_empty() {
                    String::new()
                } else {
                    format!(": {}", r.note)
                };
                format!(" by {} on {}{note}", r.reviewer, r.date)
            });
            // The list named, as in the CSV cell: one entity on two lists gives two reasons
            // that read differently, not a duplicate.
            let name = format!("{} [{}]", hit.listed_name, hit.list_short());
            record.reasons.push(match verdict {
                Verdict::Confirmed => format!("hit {name} confirmed{by}"),
                Verdict::FalsePositive => {
                    format!("hit {name} cleared as a false positive{by} (does not raise the alert)")
                }
            });
        }
        record.reasons.extend(other);
    }

    /// Warn (file and line) about every row that matched no hit in this run.
    pub fn warn_unused(&self) {
        for (row, used) in self.rows.iter().zip(&self.used) {
            if !used {
                tracing::warn!(
                    "{}:{}: reviewed hit matched nothing in this run (notice `{}`, entity `{}`)",
                    self.path.display(),
                    row.line,
                    row.notice,
                    row.entity
                );
            }
        }
    }

    /// Lines of rows that matched nothing so far.
    pub fn unused_lines(&self) -> Vec<u64> {
        self.rows
            .iter()
            .zip(&self.used)
            .filter(|(_, u)| !**u)
            .map(|(r, _)| r.line)
            .collect()
    }
}

fn is_entity(hit: &Hit, entity: &str) -> bool {
    hit.list_id == entity || hit.listed_name.trim().eq_ignore_ascii_case(entity.trim())
}

/// Append one row to a reviewed-hits file, writing the header first when the file is new or empty.
pub fn append(path: &Path, row: &Review) -> anyhow::Result<()> {
    let fresh = std::fs::metadata(path)
        .map(|m| m.len() == 0)
        .unwrap_or(true);
    if !fresh {
        // Validate the existing file first: appending to a broken one would hide the breakage.
        Reviews::load(path)?;
    }
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .with_context(|| format!("{}: cannot open for appending", path.display()))?;
    let mut buf = Vec::new();
    {
        let mut w = csv::Writer::from_writer(&mut buf);
        if fresh {
            w.write_record(HEADER)?;
        }
        w.write_record([
            row.notice.as_str(),
            row.entity.as_str(),
            row.verdict.as_str(),
            row.reviewer.as_str(),
            row.date.as_str(),
            row.note.as_str(),
        ])?;
        w.flush()?;
    }
    // One write call, so that a concurrent reader never sees half a row.
    file.write_all(&buf)
        .and_then(|()| file.sync_all())
        .with_context(|| format!("{}: cannot append", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Alert, Category, Mention, Method, Origin, Role};

    fn record() -> Record {
        Record {
            source: "a.html".into(),
            sha256: "s".into(),
            project_id: Some("P-1".into()),
            mentions: vec![Mention {
                category: Category::Cloud,
                name: "AWS".into(),
                origin: Origin::Us,
                controlled: false,
                text: "AWS".into(),
                context: String::new(),
                attachment: None,
            }],
            hits: vec![Hit {
                name: "四川大学".into(),
                role: Role::Buyer,
                listed_name: "Sichuan University".into(),
                list: "Entity List (EL) - Bureau of Industry and Security".into(),
                list_id: "el-7".into(),
                method: Method::Alias,
                score: 1.0,
                matched_alias: "四川大学".into(),
                citation: String::new(),
                as_of: String::new(),
                reviewed: None,
                list_kind: Default::default(),
            }],
            alert: Alert::High,
            reasons: vec!["changed: title a → b".into()],
            ..Record::default()
        }
    }

    fn write(text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("reviewed.csv");
        std::fs::write(&p, text).unwrap();
        (dir, p)
    }

    #[test]
    fn false_positive_lowers_the_alert_and_keeps_the_hit() {
        let (_d, p) = write(
            "notice,entity,verdict,reviewer,date,note\nP-1,sichuan university,false_positive,ana,2026-11-30,namesake\n",
        );
        let mut reviews = Reviews::load(&p).unwrap();
        let mut r = record();
        reviews.apply(&mut r);
        assert_eq!(r.hits[0].reviewed, Some(Verdict::FalsePositive));
        assert_eq!(r.alert, Alert::Low);
        assert!(r.reasons.iter().any(|x| x
            == "hit Sichuan University [EL] cleared as a false positive by ana on 2026-11-30: namesake (does not raise the alert)"));
        assert!(r.reasons.contains(&"changed: title a → b".to_string()));
        assert!(reviews.unused_lines().is_empty());
    }

    #[test]
    fn confirmed_keeps_the_alert_and_says_so() {
        let (_d, p) = write(
            "notice,entity,verdict,reviewer,date,note\na.html,el-7,confirmed,bo,2026-11-30,\nb.html,el-7,confirmed,bo,2026-11-30,\n",
        );
        let mut reviews = Reviews::load(&p).unwrap();
        let mut r = record();
        reviews.apply(&mut r);
        assert_eq!(r.alert, Alert::High);
        assert!(
            r.reasons
                .contains(&"hit Sichuan University [EL] confirmed by bo on 2026-11-30".to_string())
        );
        assert_eq!(reviews.unused_lines(), vec![3]);
    }

    #[test]
    fn a_bad_verdict_names_file_and_line() {
        let (_d, p) = write("notice,entity,verdict,reviewer,date,note\na,b,maybe,c,d,e\n");
        let err = format!("{:#}", Reviews::load(&p).unwrap_err());
        assert!(
            err.ends_with("reviewed.csv:2: verdict `maybe` is not `false_positive` or `confirmed`"),
            "{err}"
        );
    }
}
