//! The project's own CSV for analysts' lists: `name,aliases,list,country,reference,listed_on,source,notes`
//! (optional: `id`, `kind`, `list_as_of`).
use std::path::Path;

use rayon::prelude::*;

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
    let (kind_c, list_as_of_c) = (col("kind"), col("list_as_of"));
    let cols = Columns {
        name: name_c,
        aliases: alias_c,
        list: list_c,
        country: country_c,
        reference: ref_c,
        listed_on: date_c,
        id: id_c,
        kind: kind_c,
        list_as_of: list_as_of_c,
    };
    // Rows are read in order into reused records, then turned into entries in parallel batches
    // (hashing ids and allocating fields is most of the cost); warnings and the first error are
    // then reported in file order, as a sequential reader would.
    let mut entries = Vec::new();
    let mut batch: Vec<csv::StringRecord> = Vec::new();
    loop {
        let mut filled = 0;
        let mut read_error = None;
        while filled < PARSE_BATCH {
            if filled == batch.len() {
                batch.push(csv::StringRecord::new());
            }
            match reader.read_record(&mut batch[filled]) {
                Ok(true) => filled += 1,
                Ok(false) => break,
                Err(e) => {
                    read_error = Some(csv_error(path, &e));
                    break;
                }
            }
        }
        let rows: Vec<Result<Row, WatchlistError>> = batch[..filled]
            .par_iter()
            .map(|record| row(path, &cols, record))
            .collect();
        for r in rows {
            match r? {
                Ok(e) => entries.push(e),
                Err(message) => tracing::warn!("{message}"),
            }
        }
        if let Some(e) = read_error {
            return Err(e);
        }
        if filled < PARSE_BATCH {
            break;
        }
    }
    Ok(entries)
}

/// Records read before they are turned into entries in parallel.
const PARSE_BATCH: usize = 16_384;

/// Column positions of a project list.
struct Columns {
    name: Option<usize>,
    aliases: Option<usize>,
    list: Option<usize>,
    country: Option<usize>,
    reference: Option<usize>,
    listed_on: Option<usize>,
    id: Option<usize>,
    kind: Option<usize>,
    list_as_of: Option<usize>,
}

/// What one row gives: an entry, or the warning that it was skipped.
type Row = Result<Entry, String>;

/// One record as an entry.
fn row(path: &Path, cols: &Columns, record: &csv::StringRecord) -> Result<Row, WatchlistError> {
    let line = record_line(record);
    let get = |c: Option<usize>| c.and_then(|i| record.get(i)).unwrap_or("").trim();
    let name = get(cols.name);
    check_field(path, line, "name", name)?;
    check_field(path, line, "aliases", get(cols.aliases))?;
    if name.is_empty() {
        return Ok(Err(format!(
            "{}:{line}: empty name, row skipped",
            path.display()
        )));
    }
    if get(cols.list).is_empty() {
        return Ok(Err(format!(
            "{}:{line}: `{name}` has no list, row skipped",
            path.display()
        )));
    }
    // A list declares its kind per row; without the column, DoD 1260H/1286 list names are
    // informational and every other list restricts exports.
    let kind = match get(cols.kind) {
        "" => ListKind::of_list_name(get(cols.list)),
        k => ListKind::parse(k).ok_or_else(|| WatchlistError::Syntax {
            path: path.to_path_buf(),
            line,
            message: format!(
                "column `kind` is `{k}`; expected `export_control` or `informational`"
            ),
        })?,
    };
    let id = match get(cols.id) {
        "" => derived_id(name, get(cols.reference)),
        id => id.to_string(),
    };
    Ok(Ok(Entry {
        abbreviations: Vec::new(),
        id,
        name: name.to_string(),
        aliases: split_aliases(get(cols.aliases)),
        list: get(cols.list).to_string(),
        country: get(cols.country).to_string(),
        citation: get(cols.reference).to_string(),
        listed_on: get(cols.listed_on).to_string(),
        list_as_of: get(cols.list_as_of).to_string(),
        kind,
    }))
}
