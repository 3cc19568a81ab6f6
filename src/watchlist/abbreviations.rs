//! Abbreviations and acronyms of listed organisations (`abbreviation,listed_name,lang,source,
//! confidence,caution`): 北航, 中科大, NWPU, UESTC. They are kept apart from aliases because they
//! match only as a whole organisation name (or, for Latin acronyms, a whole word of a name), never
//! by fuzzy scoring, pinyin or inside a longer word (湖北航天 is not 北航).
use std::path::Path;

use super::overlay::{CONFIDENCES, Unmatched, UnmatchedLog, name_index};
use super::{
    Watchlist, WatchlistError, check_field, csv_error, csv_reader, read_utf8, record_line,
};

/// A short form of an entry's name.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Abbreviation {
    /// The short form (北航, NWPU).
    pub text: String,
    /// `zh` or `en`.
    pub lang: String,
    /// The row's caution: why the short form is ambiguous (empty when it is not).
    pub caution: String,
}

impl Abbreviation {
    /// A caution that says the short form must never match alone (南航 is also China Southern
    /// Airlines, 天大 is a common word): such a form is shown for review only.
    pub fn review_only(&self) -> bool {
        self.caution.to_lowercase().contains("never match alone")
    }
}

/// Add the rows of an abbreviations file to the entries they name. Returns how many were added;
/// a row naming an entry that no loaded list has is a warning naming file and line.
pub fn apply_abbreviations(list: &mut Watchlist, path: &Path) -> Result<usize, WatchlistError> {
    apply_abbreviations_logged(list, path, UnmatchedLog::EachRow)
}

/// [`apply_abbreviations`], with rows naming no loaded entry logged as `log` says.
pub fn apply_abbreviations_logged(
    list: &mut Watchlist,
    path: &Path,
    log: UnmatchedLog,
) -> Result<usize, WatchlistError> {
    let text = read_utf8(path)?;
    let mut reader = csv_reader(&text);
    let headers = reader.headers().map_err(|e| csv_error(path, &e))?.clone();
    let col = |name: &str| headers.iter().position(|h| h.trim() == name);
    for required in [
        "abbreviation",
        "listed_name",
        "lang",
        "source",
        "confidence",
        "caution",
    ] {
        if col(required).is_none() {
            return Err(WatchlistError::MissingColumn {
                path: path.to_path_buf(),
                column: required.into(),
            });
        }
    }
    let (abbr_c, listed_c, lang_c, conf_c, caution_c) = (
        col("abbreviation"),
        col("listed_name"),
        col("lang"),
        col("confidence"),
        col("caution"),
    );
    // The names the rows refer to (rows that do not parse are reported below).
    let wanted: Vec<String> = csv_reader(&text)
        .records()
        .filter_map(Result::ok)
        .filter_map(|r| {
            listed_c
                .and_then(|i| r.get(i))
                .map(|l| l.trim().to_lowercase())
        })
        .collect();
    let total = wanted.len();
    let by_name = name_index(list, wanted);
    let mut added = 0;
    let mut unmatched = Unmatched::new(path, log);
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(path, &e))?;
        let line = record_line(&record);
        let get = |c: Option<usize>| c.and_then(|i| record.get(i)).unwrap_or("").trim();
        let (abbr, listed, lang) = (get(abbr_c), get(listed_c), get(lang_c));
        check_field(path, line, "abbreviation", abbr)?;
        let syntax = |message: String| WatchlistError::Syntax {
            path: path.to_path_buf(),
            line,
            message,
        };
        if !matches!(lang, "zh" | "en") {
            return Err(syntax(format!("lang `{lang}`; expected zh or en")));
        }
        if !CONFIDENCES.contains(&get(conf_c)) {
            return Err(syntax(format!(
                "confidence `{}`; expected one of {}",
                get(conf_c),
                CONFIDENCES.join(", ")
            )));
        }
        if abbr.is_empty() || listed.is_empty() {
            tracing::warn!(
                "{}:{line}: empty abbreviation or listed_name, row skipped",
                path.display()
            );
            continue;
        }
        let Some(targets) = by_name.get(&listed.to_lowercase()) else {
            unmatched.row(
                line,
                format_args!(
                    "`{listed}` is not in the loaded lists; abbreviation {abbr} is unused"
                ),
            );
            continue;
        };
        for &i in targets {
            let entry = &mut list.entries[i];
            if !entry.abbreviations.iter().any(|a| a.text == abbr) {
                entry.abbreviations.push(Abbreviation {
                    text: abbr.to_string(),
                    lang: lang.to_string(),
                    caution: get(caution_c).to_string(),
                });
                added += 1;
            }
        }
    }
    unmatched.finish(total);
    Ok(added)
}
