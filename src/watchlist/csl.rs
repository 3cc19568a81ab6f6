//! The trade.gov Consolidated Screening List, CSV and JSON.
use std::path::Path;

use serde_json::Value;

use crate::model::ListKind;

use super::{
    Entry, WatchlistError, check_field, csv_error, csv_reader, derived_id, record_line,
    split_aliases,
};

/// Columns without which a CSL row cannot become an entry.
const REQUIRED: [&str; 5] = [
    "_id",
    "source",
    "name",
    "alt_names",
    "federal_register_notice",
];

/// The State Department's ISN rows append this to the name; it is not part of the name.
const ISN_TAIL: &str = "; and any successor, sub-unit, or subsidiary thereof";

/// Clean a CSL primary name: ISN tail, and BIS's `?s` mojibake for `'s` (as OpenSanctions does).
fn clean_name(raw: &str) -> String {
    let name = raw.trim();
    let name = name.strip_suffix(ISN_TAIL).unwrap_or(name);
    name.replace("?s ", "'s ").trim().to_string()
}

/// The ISO code of the first address filing (`…, Hebei, China, CN; …`).
fn country_of(addresses: &str) -> String {
    addresses
        .split("; ")
        .filter_map(|filing| filing.rsplit(", ").next())
        .map(str::trim)
        .find(|code| code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()))
        .unwrap_or("")
        .to_string()
}

/// Parse the CSL CSV download.
pub(super) fn parse_csv(path: &Path, text: &str) -> Result<Vec<Entry>, WatchlistError> {
    let mut reader = csv_reader(text);
    let headers = reader.headers().map_err(|e| csv_error(path, &e))?.clone();
    let col = |name: &str| headers.iter().position(|h| h.trim() == name);
    for required in REQUIRED {
        if col(required).is_none() {
            return Err(WatchlistError::MissingColumn {
                path: path.to_path_buf(),
                column: required.to_string(),
            });
        }
    }
    let (id_c, source_c, name_c, alt_c, fr_c) = (
        col("_id"),
        col("source"),
        col("name"),
        col("alt_names"),
        col("federal_register_notice"),
    );
    let (addr_c, start_c) = (col("addresses"), col("start_date"));
    let mut entries = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(path, &e))?;
        let line = record_line(&record);
        let get = |c: Option<usize>| c.and_then(|i| record.get(i)).unwrap_or("").trim();
        let raw_name = get(name_c);
        check_field(path, line, "name", raw_name)?;
        let name = clean_name(raw_name);
        if name.is_empty() {
            tracing::warn!("{}:{line}: empty name, row skipped", path.display());
            continue;
        }
        let id = match get(id_c) {
            "" => derived_id(&name, get(fr_c)),
            id => id.to_string(),
        };
        entries.push(Entry {
            abbreviations: Vec::new(),
            id,
            aliases: split_aliases(get(alt_c)),
            list: get(source_c).to_string(),
            country: country_of(get(addr_c)),
            citation: get(fr_c).to_string(),
            listed_on: get(start_c).to_string(),
            list_as_of: String::new(),
            kind: ListKind::of_list_name(get(source_c)),
            name,
        });
    }
    Ok(entries)
}

/// A JSON value as a string (numbers too, since `_id` / `entity_number` vary in type).
fn as_text(v: Option<&Value>) -> String {
    match v {
        Some(Value::String(s)) => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| as_text(Some(i)))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("; "),
        _ => String::new(),
    }
}

/// Parse the CSL JSON (`{"results": […]}` or a bare array of rows).
pub(super) fn parse_json(path: &Path, text: &str) -> Result<Vec<Entry>, WatchlistError> {
    let doc: Value = serde_json::from_str(text).map_err(|e| WatchlistError::Syntax {
        path: path.to_path_buf(),
        line: e.line() as u64,
        message: format!("invalid JSON: {e}"),
    })?;
    let rows = match &doc {
        Value::Array(rows) => rows,
        Value::Object(map) => match map.get("results") {
            Some(Value::Array(rows)) => rows,
            _ => {
                return Err(WatchlistError::MissingColumn {
                    path: path.to_path_buf(),
                    column: "results".into(),
                });
            }
        },
        _ => {
            return Err(WatchlistError::UnknownFormat {
                path: path.to_path_buf(),
            });
        }
    };
    let mut entries = Vec::new();
    for (n, row) in rows.iter().enumerate() {
        let Some(obj) = row.as_object() else {
            tracing::warn!(
                "{}: result {} is not an object, skipped",
                path.display(),
                n + 1
            );
            continue;
        };
        let name = clean_name(&as_text(obj.get("name")));
        if name.is_empty() {
            tracing::warn!(
                "{}: result {} has an empty name, skipped",
                path.display(),
                n + 1
            );
            continue;
        }
        let aliases = match obj.get("alt_names") {
            Some(Value::Array(items)) => items
                .iter()
                .map(|i| as_text(Some(i)))
                .filter(|s| !s.is_empty())
                .collect(),
            other => split_aliases(&as_text(other)),
        };
        let country = match obj.get("addresses") {
            Some(Value::Array(addrs)) => addrs
                .iter()
                .find_map(|a| {
                    a.get("country")
                        .map(|c| as_text(Some(c)))
                        .filter(|c| !c.is_empty())
                })
                .unwrap_or_default(),
            other => country_of(&as_text(other)),
        };
        let citation = as_text(obj.get("federal_register_notice"));
        let id = match as_text(obj.get("_id").or_else(|| obj.get("id"))) {
            id if id.is_empty() => derived_id(&name, &citation),
            id => id,
        };
        let list = as_text(obj.get("source"));
        entries.push(Entry {
            abbreviations: Vec::new(),
            id,
            aliases,
            kind: ListKind::of_list_name(&list),
            list,
            country,
            citation,
            listed_on: as_text(obj.get("start_date")),
            list_as_of: String::new(),
            name,
        });
    }
    Ok(entries)
}
