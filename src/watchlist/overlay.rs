//! The Chinese-name overlay (`listed_name,zh_name,source`): the US lists carry no Han names, so
//! the Chinese names are kept apart and added as aliases to whichever list is loaded.
use std::collections::HashMap;
use std::path::Path;

use super::{
    Watchlist, WatchlistError, check_field, csv_error, csv_reader, read_utf8, record_line,
};

/// Add each overlay row's `zh_name` as an alias of every entry whose name equals `listed_name`
/// (case-insensitive). Returns how many aliases were added; unmatched rows are warned about.
pub fn apply_overlay(list: &mut Watchlist, path: &Path) -> Result<usize, WatchlistError> {
    let text = read_utf8(path)?;
    let mut reader = csv_reader(&text);
    let headers = reader.headers().map_err(|e| csv_error(path, &e))?.clone();
    let col = |name: &str| headers.iter().position(|h| h.trim() == name);
    let (Some(listed_c), Some(zh_c)) = (col("listed_name"), col("zh_name")) else {
        let missing = if col("listed_name").is_none() {
            "listed_name"
        } else {
            "zh_name"
        };
        return Err(WatchlistError::MissingColumn {
            path: path.to_path_buf(),
            column: missing.into(),
        });
    };
    if col("source").is_none() {
        return Err(WatchlistError::MissingColumn {
            path: path.to_path_buf(),
            column: "source".into(),
        });
    }
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, e) in list.entries.iter().enumerate() {
        by_name
            .entry(e.name.trim().to_lowercase())
            .or_default()
            .push(i);
    }
    let mut added = 0;
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(path, &e))?;
        let line = record_line(&record);
        let listed = record.get(listed_c).unwrap_or("").trim();
        let zh = record.get(zh_c).unwrap_or("").trim();
        check_field(path, line, "zh_name", zh)?;
        if listed.is_empty() || zh.is_empty() {
            tracing::warn!(
                "{}:{line}: empty listed_name or zh_name, row skipped",
                path.display()
            );
            continue;
        }
        let Some(targets) = by_name.get(&listed.to_lowercase()) else {
            tracing::debug!(
                "{}:{line}: `{listed}` is not in the loaded lists",
                path.display()
            );
            continue;
        };
        for &i in targets {
            let entry = &mut list.entries[i];
            if !entry.aliases.iter().any(|a| a == zh) {
                entry.aliases.push(zh.to_string());
                added += 1;
            }
        }
    }
    tracing::debug!("{}: {added} Chinese aliases added", path.display());
    Ok(added)
}
