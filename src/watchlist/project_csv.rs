//! The project's own CSV for analysts' lists: `name,aliases,list,country,reference,listed_on,source,notes`.
use std::path::Path;

use crate::model::ListKind;

use super::{
    Entry, WatchlistError, check_field, csv_error, csv_reader, derived_id, record_line,
    split_aliases,
};

/// Columns every project list must have: a row without a list, a citation or a source is not evidence.
const REQUIRED: [&str; 5] = ["name", "aliases", "list", "reference", "source"];

/// Parse a project CSV.
pub(super) fn parse(path: &Path, text: &str) -> Result<Vec<Entry>, WatchlistError> {
    let mut reader = csv_reader(text);
    let headers = reader.headers().map_err(|e| csv_error(path, &e))?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    for required in REQUIRED {
        if col(required).is_none() {
            return Err(WatchlistError::MissingColumn {
                path: path.to_path_buf(),
                column: required.to_string(),
            });
        }
    }
    let (name_c, alias_c, list_c, country_c) =
        (col("name"), col("aliases"), col("list"), col("country"));
    let (ref_c, date_c, id_c) = (col("reference"), col("listed_on"), col("id"));
    let kind_c = col("kind");
    let mut entries = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(path, &e))?;
        let line = record_line(&record);
        let get = |c: Option<usize>| c.and_then(|i| record.get(i)).unwrap_or("").trim();
        let name = get(name_c);
        check_field(path, line, "name", name)?;
        check_field(path, line, "aliases", get(alias_c))?;
        if name.is_empty() {
            tracing::warn!("{}:{line}: empty name, row skipped", path.display());
            continue;
        }
        if get(list_c).is_empty() {
            tracing::warn!(
                "{}:{line}: `{name}` has no list, row skipped",
                path.display()
            );
            continue;
        }
        // A list declares its kind per row; without the column, DoD 1260H/1286 list names are
        // informational and every other list restricts exports.
        let kind = match get(kind_c) {
            "" => ListKind::of_list_name(get(list_c)),
            k => ListKind::parse(k).ok_or_else(|| WatchlistError::Syntax {
                path: path.to_path_buf(),
                line,
                message: format!(
                    "column `kind` is `{k}`; expected `export_control` or `informational`"
                ),
            })?,
        };
        let id = match get(id_c) {
            "" => derived_id(name, get(ref_c)),
            id => id.to_string(),
        };
        entries.push(Entry {
            abbreviations: Vec::new(),
            id,
            name: name.to_string(),
            aliases: split_aliases(get(alias_c)),
            list: get(list_c).to_string(),
            country: get(country_c).to_string(),
            citation: get(ref_c).to_string(),
            listed_on: get(date_c).to_string(),
            kind,
        });
    }
    Ok(entries)
}
