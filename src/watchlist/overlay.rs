//! The Chinese-name overlay (`listed_name,zh_name,source,confidence`): the US lists carry no Han
//! names, so the Chinese names are kept apart and added as aliases to whichever list is loaded.
use std::collections::HashMap;
use std::path::Path;

use rayon::prelude::*;

use super::{
    Watchlist, WatchlistError, check_field, csv_error, csv_reader, read_utf8, record_line,
};

/// How much a Chinese name row rests on.
pub const CONFIDENCES: [&str; 4] = ["official", "press", "derived", "compiled"];

/// Rows naming entries that no loaded list has are warned about one by one up to this many.
const MAX_UNMATCHED_WARNINGS: usize = 20;

/// How rows of an overlay file that name no loaded entry are logged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UnmatchedLog {
    /// A warning per row, up to a cap: beside the bundled lists such a row is a mistake in the file.
    #[default]
    EachRow,
    /// One warning for the file and each row at debug: beside the user's own lists (`--watchlist`)
    /// most rows are expected to name entries those lists lack.
    Summary,
}

/// Counts the rows of one file that name no loaded entry and logs them as its mode says.
pub(super) struct Unmatched<'a> {
    path: &'a Path,
    mode: UnmatchedLog,
    count: usize,
}

impl<'a> Unmatched<'a> {
    /// Nothing counted yet.
    pub(super) fn new(path: &'a Path, mode: UnmatchedLog) -> Self {
        Unmatched {
            path,
            mode,
            count: 0,
        }
    }

    /// One more row at `line`, `what` saying what it is and what goes unused.
    pub(super) fn row(&mut self, line: u64, what: std::fmt::Arguments<'_>) {
        self.count += 1;
        if self.mode == UnmatchedLog::EachRow && self.count <= MAX_UNMATCHED_WARNINGS {
            tracing::warn!("{}:{line}: {what}", self.path.display());
        } else {
            tracing::debug!("{}:{line}: {what}", self.path.display());
        }
    }

    /// The closing line, given how many rows the file has.
    pub(super) fn finish(self, rows: usize) {
        let path = self.path.display();
        match self.mode {
            UnmatchedLog::EachRow if self.count > MAX_UNMATCHED_WARNINGS => tracing::warn!(
                "{path}: {} more rows name entries that are not in the loaded lists (-vv lists them)",
                self.count - MAX_UNMATCHED_WARNINGS
            ),
            UnmatchedLog::Summary if self.count > 0 => tracing::warn!(
                "{path}: {} of {rows} rows name entries that are not in the loaded lists and are unused (-vv lists them)",
                self.count
            ),
            _ => {}
        }
    }
}

/// One row of the overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZhRow {
    /// 1-based line in the file.
    pub line: u64,
    /// The entry's primary listed name.
    pub listed_name: String,
    /// The Chinese name.
    pub zh_name: String,
    /// Where the name comes from.
    pub source: String,
    /// `official`, `press`, `derived` or `compiled`; empty in the older three-column format.
    pub confidence: String,
}

/// Read and validate the overlay rows: required columns, a known `confidence`, no broken quotes.
pub fn read_rows(path: &Path) -> Result<Vec<ZhRow>, WatchlistError> {
    let text = read_utf8(path)?;
    let mut reader = csv_reader(&text);
    let headers = reader.headers().map_err(|e| csv_error(path, &e))?.clone();
    let col = |name: &str| headers.iter().position(|h| h.trim() == name);
    for required in ["listed_name", "zh_name", "source"] {
        if col(required).is_none() {
            return Err(WatchlistError::MissingColumn {
                path: path.to_path_buf(),
                column: required.into(),
            });
        }
    }
    let (listed_c, zh_c, source_c, conf_c) = (
        col("listed_name"),
        col("zh_name"),
        col("source"),
        col("confidence"),
    );
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(path, &e))?;
        let line = record_line(&record);
        let get = |c: Option<usize>| c.and_then(|i| record.get(i)).unwrap_or("").trim();
        let (listed, zh) = (get(listed_c), get(zh_c));
        check_field(path, line, "zh_name", zh)?;
        check_field(path, line, "listed_name", listed)?;
        let confidence = get(conf_c);
        if conf_c.is_some() && !CONFIDENCES.contains(&confidence) {
            return Err(WatchlistError::Syntax {
                path: path.to_path_buf(),
                line,
                message: format!(
                    "confidence `{confidence}`; expected one of {}",
                    CONFIDENCES.join(", ")
                ),
            });
        }
        if listed.is_empty() || zh.is_empty() {
            tracing::warn!(
                "{}:{line}: empty listed_name or zh_name, row skipped",
                path.display()
            );
            continue;
        }
        rows.push(ZhRow {
            line,
            listed_name: listed.to_string(),
            zh_name: zh.to_string(),
            source: get(source_c).to_string(),
            confidence: confidence.to_string(),
        });
    }
    Ok(rows)
}

/// Add each overlay row's `zh_name` as an alias of every entry whose name equals `listed_name`
/// (case-insensitive). Returns how many aliases were added. A row naming an entry that no
/// loaded list has is a warning naming the file and line.
pub fn apply_overlay(list: &mut Watchlist, path: &Path) -> Result<usize, WatchlistError> {
    apply_overlay_logged(list, path, UnmatchedLog::EachRow)
}

/// [`apply_overlay`], with rows naming no loaded entry logged as `log` says.
pub fn apply_overlay_logged(
    list: &mut Watchlist,
    path: &Path,
    log: UnmatchedLog,
) -> Result<usize, WatchlistError> {
    let rows = read_rows(path)?;
    let total = rows.len();
    let by_name = name_index(list, rows.iter().map(|r| r.listed_name.to_lowercase()));
    let mut added = 0;
    let mut unmatched = Unmatched::new(path, log);
    for row in rows {
        let Some(targets) = by_name.get(&row.listed_name.to_lowercase()) else {
            unmatched.row(
                row.line,
                format_args!(
                    "`{}` is not in the loaded lists; its Chinese name {} is unused",
                    row.listed_name, row.zh_name
                ),
            );
            continue;
        };
        for &i in targets {
            let entry = &mut list.entries[i];
            if !entry.aliases.contains(&row.zh_name) {
                entry.aliases.push(row.zh_name.clone());
                added += 1;
            }
        }
    }
    unmatched.finish(total);
    tracing::debug!("{}: {added} Chinese aliases added", path.display());
    Ok(added)
}

/// Lower-cased primary name → entry indexes, for the `wanted` lower-cased names only: the rows
/// of an overlay are few, a loaded list may have a million entries (one map entry per listed
/// name would cost more than the rest of loading it).
pub(super) fn name_index(
    list: &Watchlist,
    wanted: impl IntoIterator<Item = String>,
) -> HashMap<String, Vec<usize>> {
    let mut by_name: HashMap<String, Vec<usize>> =
        wanted.into_iter().map(|n| (n, Vec::new())).collect();
    if by_name.is_empty() {
        return by_name;
    }
    let found: Vec<(usize, String)> = list
        .entries
        .par_iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let key = e.name.trim().to_lowercase();
            by_name.contains_key(&key).then_some((i, key))
        })
        .collect();
    for (i, key) in found {
        if let Some(ids) = by_name.get_mut(&key) {
            ids.push(i);
        }
    }
    by_name.retain(|_, ids| !ids.is_empty());
    by_name
}
