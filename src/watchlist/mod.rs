//! Watchlists of restricted entities: CSL CSV/JSON, the project's own CSV, the zh-name overlay.
//!
//! Every format is detected from its header (CSV) or its first non-blank byte (JSON), so a user
//! can pass the official trade.gov download or an analyst's own list with the same flag.
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use anyhow::Context;
use hashbrown::HashTable;

use crate::model::ListKind;

mod abbreviations;
mod csl;
pub mod info;
pub mod overlay;
mod project_csv;
pub mod update;
pub mod version;

pub use abbreviations::{Abbreviation, apply_abbreviations, apply_abbreviations_logged};
pub use overlay::{UnmatchedLog, apply_overlay, apply_overlay_logged};

/// One listed entity.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    /// Id within its list.
    pub id: String,
    /// Primary listed name.
    pub name: String,
    /// Aliases, including Chinese names from the overlay.
    pub aliases: Vec<String>,
    /// List name (CSL `source`).
    pub list: String,
    /// ISO country code, if known.
    pub country: String,
    /// Federal Register citation(s).
    pub citation: String,
    /// Listing date `YYYY-MM-DD`.
    pub listed_on: String,
    /// Date `YYYY-MM-DD` of the list edition the row was taken from, for lists published whole
    /// without per-entry dates (the DoD 1286 list); empty otherwise.
    pub list_as_of: String,
    /// Export control or informational (from the list's `kind` column or its name).
    pub kind: ListKind,
    /// Short forms from `abbreviations.csv` (matched as whole names only).
    pub abbreviations: Vec<Abbreviation>,
}

/// All loaded entries.
#[derive(Debug, Clone, Default)]
pub struct Watchlist {
    /// The entries.
    pub entries: Vec<Entry>,
    /// The list versions loaded (one per list per file), for `screened_against`.
    pub versions: Vec<crate::model::ListVersion>,
}

/// A watchlist file that cannot be used; names the file and, where known, the line.
#[derive(Debug, thiserror::Error)]
pub enum WatchlistError {
    /// The file could not be read.
    #[error("{path}: cannot read: {error}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why (in the message, not a `source`: a chain printed with `{:#}` would repeat it).
        error: std::io::Error,
    },
    /// The file is not UTF-8.
    #[error("{path}:{line}: not valid UTF-8 (save the list as UTF-8)")]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first invalid byte.
        line: u64,
    },
    /// The header matches no known format.
    #[error(
        "{path}:1: unknown watchlist format (expected the trade.gov CSL CSV/JSON header, `name,aliases,list,…` or `listed_name,zh_name,source`)"
    )]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
    /// A required column is missing from the header.
    #[error("{path}:1: missing column `{column}`")]
    MissingColumn {
        /// The file.
        path: PathBuf,
        /// The column.
        column: String,
    },
    /// The CSV or JSON could not be parsed (broken quote, wrong field count, bad JSON).
    #[error("{path}:{line}: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: u64,
        /// What is wrong.
        message: String,
    },
    /// The file parsed but holds no entries.
    #[error("{path}: no entries (an empty watchlist would report \"no hits\" for everything)")]
    Empty {
        /// The file.
        path: PathBuf,
    },
}

/// The on-disk formats a watchlist may take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// trade.gov Consolidated Screening List CSV.
    CslCsv,
    /// trade.gov Consolidated Screening List JSON (`{"results": […]}` or a bare array).
    CslJson,
    /// The project's own CSV (`name,aliases,list,country,reference,listed_on,source,notes`).
    ProjectCsv,
    /// The Chinese-name overlay (`listed_name,zh_name,source`).
    ZhOverlay,
}

/// Read a file as UTF-8 text, with a typed error naming the line of the first bad byte.
pub(crate) fn read_utf8(path: &Path) -> Result<String, WatchlistError> {
    let bytes = std::fs::read(path).map_err(|error| WatchlistError::Io {
        path: path.to_path_buf(),
        error,
    })?;
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            Ok(text)
        }
        Err(err) => {
            let upto = err.utf8_error().valid_up_to();
            let line = err.as_bytes()[..upto]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64
                + 1;
            Err(WatchlistError::NotUtf8 {
                path: path.to_path_buf(),
                line,
            })
        }
    }
}

/// Detect the format of a watchlist text from its header line or first JSON byte.
pub fn detect_format(text: &str) -> Option<Format> {
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return Some(Format::CslJson);
    }
    let header = trimmed.lines().next().unwrap_or("");
    let columns: Vec<String> = header
        .split(',')
        .map(|c| c.trim().trim_matches('"').to_ascii_lowercase())
        .collect();
    let has = |name: &str| columns.iter().any(|c| c == name);
    if has("listed_name") && has("zh_name") {
        Some(Format::ZhOverlay)
    } else if has("_id") && has("source") && has("name") {
        Some(Format::CslCsv)
    } else if has("name") && (has("list") || has("aliases")) {
        Some(Format::ProjectCsv)
    } else {
        None
    }
}

/// The 1-based line of a csv record (header is line 1).
pub(crate) fn record_line(record: &csv::StringRecord) -> u64 {
    record.position().map_or(0, |p| p.line())
}

/// A csv error as a typed syntax error naming file and line.
pub(crate) fn csv_error(path: &Path, err: &csv::Error) -> WatchlistError {
    let line = err.position().map_or(0, |p| p.line());
    let message = match err.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!(
                "{len} fields where the header has {expected_len} (a broken quote or a stray comma?)"
            )
        }
        _ => err.to_string(),
    };
    WatchlistError::Syntax {
        path: path.to_path_buf(),
        line,
        message,
    }
}

/// A CSV reader with strict field counts, so that a broken quote surfaces as an error.
pub(crate) fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes())
}

/// Reject field values that can only come from an unbalanced quote swallowing line ends.
pub(crate) fn check_field(
    path: &Path,
    line: u64,
    column: &str,
    value: &str,
) -> Result<(), WatchlistError> {
    if value.contains('\n') || value.contains('"') && value.matches('"').count() % 2 == 1 {
        return Err(WatchlistError::Syntax {
            path: path.to_path_buf(),
            line,
            message: format!(
                "column `{column}` spans lines or holds a stray quote (broken quote?)"
            ),
        });
    }
    Ok(())
}

/// Split a `; `-joined alias field whose last item may carry an `and ` prefix (CSL convention).
pub fn split_aliases(field: &str) -> Vec<String> {
    let items = || {
        field
            .split(';')
            .map(|a| a.trim())
            .map(|a| a.strip_prefix("and ").unwrap_or(a).trim())
            .filter(|a| !a.is_empty())
    };
    // Sized exactly: a collected iterator of unknown length reserves four, and at a million
    // rows the spare room is tens of MB.
    let mut out = Vec::with_capacity(items().count());
    out.extend(items().map(str::to_string));
    out
}

impl Watchlist {
    /// Load the given files (format detected by header).
    pub fn load(paths: &[PathBuf], zh_overlay: Option<&Path>) -> anyhow::Result<Self> {
        Self::load_logged(paths, zh_overlay, UnmatchedLog::EachRow)
    }

    /// [`Watchlist::load`], with overlay rows naming no loaded entry logged as `log` says.
    pub fn load_logged(
        paths: &[PathBuf],
        zh_overlay: Option<&Path>,
        log: UnmatchedLog,
    ) -> anyhow::Result<Self> {
        let mut list = Watchlist::default();
        for path in paths {
            let part = load_file(path)?;
            if list.entries.is_empty() {
                // Moved, not copied: at a million rows the copy doubled the entries' memory.
                list.entries = part.entries;
            } else {
                list.entries.extend(part.entries);
            }
            list.versions.extend(part.versions);
        }
        // Each file is de-duplicated as it is loaded; only several files can repeat each other.
        if paths.len() > 1 {
            list.dedupe();
        }
        if let Some(overlay) = zh_overlay {
            apply_overlay_logged(&mut list, overlay, log)?;
        }
        Ok(list)
    }

    /// Load the bundled default lists from a watchlists directory.
    ///
    /// `dir/entities.csv`, plus the list saved by `watchlist update` if present, plus the
    /// Chinese-name overlay `dir/zh-names.csv` if present.
    pub fn load_default(dir: &Path) -> anyhow::Result<Self> {
        let mut paths = vec![dir.join("entities.csv")];
        if let Some(saved) = update::saved_list()? {
            tracing::info!(
                "using the list saved by `watchlist update`: {}",
                saved.display()
            );
            paths.push(saved);
        }
        let overlay = dir.join("zh-names.csv");
        let mut list = Watchlist::load(&paths, overlay.is_file().then_some(overlay.as_path()))?;
        list.apply_abbreviations_in(dir, UnmatchedLog::EachRow)?;
        Ok(list)
    }

    /// Add `dir/abbreviations.csv`, if present; rows naming no loaded entry are logged as `log` says.
    pub fn apply_abbreviations_in(&mut self, dir: &Path, log: UnmatchedLog) -> anyhow::Result<()> {
        let path = dir.join("abbreviations.csv");
        if path.is_file() {
            apply_abbreviations_logged(self, &path, log)?;
        }
        Ok(())
    }

    /// Entry counts per list, for summaries.
    pub fn counts_by_list(&self) -> BTreeMap<String, usize> {
        let mut counts = BTreeMap::new();
        for e in &self.entries {
            *counts.entry(e.list.clone()).or_insert(0) += 1;
        }
        counts
    }

    /// Drop repeated entries (same list, name and citation) with a warning: a list loaded twice
    /// or a row pasted twice would otherwise double every hit.
    fn dedupe(&mut self) {
        // Keys are hashed, not stored: a million rows would otherwise hold a million
        // (list, lower-case name, citation) string triples just to find a few repeats.
        use rayon::prelude::*;
        use std::hash::BuildHasher;
        // foldhash: the keys are hashed once each, in parallel; no map here is exposed to
        // collision attacks (a colliding key costs a comparison, not a wrong answer).
        let state = hashbrown::DefaultHashBuilder::default();
        let key_hash = |e: &Entry| {
            state.hash_one((e.list.as_str(), e.name.to_lowercase(), e.citation.as_str()))
        };
        let hashes: Vec<u64> = self.entries.par_iter().map(key_hash).collect();
        let same = |a: &Entry, b: &Entry| {
            a.list == b.list
                && a.citation == b.citation
                && a.name.to_lowercase() == b.name.to_lowercase()
        };
        let mut seen: HashTable<usize> = HashTable::with_capacity(self.entries.len());
        let mut keep = vec![true; self.entries.len()];
        for (i, e) in self.entries.iter().enumerate() {
            let h = hashes[i];
            if seen.find(h, |&j| same(&self.entries[j], e)).is_some() {
                keep[i] = false;
                tracing::warn!(
                    "duplicate watchlist entry skipped: {} ({}, {})",
                    e.name,
                    e.list,
                    e.citation
                );
            } else {
                seen.insert_unique(h, i, |&j| hashes[j]);
            }
        }
        let mut keep = keep.into_iter();
        self.entries.retain(|_| keep.next().unwrap_or(true));
    }
}

/// Load one list file (CSL CSV/JSON or project CSV). Fails if it holds no entries.
pub fn load_file(path: &Path) -> Result<Watchlist, WatchlistError> {
    let text = read_utf8(path)?;
    let entries = match detect_format(&text) {
        Some(Format::CslCsv) => csl::parse_csv(path, &text)?,
        Some(Format::CslJson) => csl::parse_json(path, &text)?,
        Some(Format::ProjectCsv) => project_csv::parse(path, &text)?,
        Some(Format::ZhOverlay) | None => {
            return Err(WatchlistError::UnknownFormat {
                path: path.to_path_buf(),
            });
        }
    };
    if entries.is_empty() {
        return Err(WatchlistError::Empty {
            path: path.to_path_buf(),
        });
    }
    let versions = version::describe(&text, &entries);
    let mut list = Watchlist { entries, versions };
    list.dedupe();
    Ok(list)
}

/// The watchlists a command uses: `paths` if given, else the bundled lists in `vocab_dir` plus
/// the list saved by `watchlist update`. Fails on an empty or unreadable list.
pub fn load_selected(paths: &[PathBuf], vocab_dir: &Path) -> anyhow::Result<Watchlist> {
    let list = if paths.is_empty() {
        Watchlist::load_default(vocab_dir)
    } else {
        let overlay = vocab_dir.join("zh-names.csv");
        // The user's own lists: the bundled overlays name many entries they may lack, so one
        // line per file says how many rows go unused.
        let log = UnmatchedLog::Summary;
        Watchlist::load_logged(paths, overlay.is_file().then_some(overlay.as_path()), log).and_then(
            |mut list| {
                list.apply_abbreviations_in(vocab_dir, log)?;
                Ok(list)
            },
        )
    }
    .context("loading the watchlists")?;
    if list.entries.is_empty() {
        anyhow::bail!("the watchlists hold no entries");
    }
    if let Some(note) = selection_note(paths, vocab_dir, &list) {
        // A warning, so `-q` hides it: `--watchlist my.csv` reads like "add my list" otherwise.
        tracing::warn!("{note}");
    }
    Ok(list)
}

/// With `--watchlist`, which lists the run screens against and that the bundled lists are not
/// loaded (unless their file was given too); `None` without `--watchlist`.
fn selection_note(paths: &[PathBuf], vocab_dir: &Path, list: &Watchlist) -> Option<String> {
    if paths.is_empty() {
        return None;
    }
    let mut names: Vec<&str> = Vec::new();
    for v in &list.versions {
        if !names.contains(&v.list.as_str()) {
            names.push(&v.list);
        }
    }
    let bundled = vocab_dir.join("entities.csv");
    let same = |p: &PathBuf| match (p.canonicalize(), bundled.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    let files: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let mut note = format!(
        "screening against {} (from {}) only",
        names.join(", "),
        files.join(", ")
    );
    if !paths.iter().any(same) {
        note.push_str(&format!(
            "; the bundled lists are not loaded (add `--watchlist {}` to screen against them too)",
            bundled.display()
        ));
    }
    Some(note)
}

/// A short stable id for rows that carry none: sha256 of lower(name) + lower(reference).
pub(crate) fn derived_id(name: &str, reference: &str) -> String {
    use sha2::{Digest, Sha256};
    // Fed in two parts: the same digest as of the concatenation, without building it.
    let digest = Sha256::new()
        .chain_update(name.to_lowercase().as_bytes())
        .chain_update(reference.to_lowercase().as_bytes())
        .finalize();
    hex::encode(&digest[..8])
}
