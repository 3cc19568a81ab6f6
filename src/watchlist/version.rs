//! Which version of which list a notice was screened against (`screened_against`, `Hit::as_of`).
use std::collections::BTreeMap;

use sha2::{Digest, Sha256};

use super::Entry;
use crate::model::{ListKind, ListVersion};

/// The kind of a list, from its name: the Entity List and the MEU List have legal effect on
/// exports; the DoD 1260H list and the NDAA section 1286 list are for information. Any other
/// list counts as export control, the cautious reading.
/// (The loaders give each row its kind, from a `kind` column or this rule; `describe` uses it.)
pub fn kind_of(list: &str) -> ListKind {
    ListKind::of_list_name(list)
}

/// One `ListVersion` per list in a loaded file. `as_of` is the newest date among the list's rows
/// in that file: listing dates (the list as amended through that day) and, for a list published
/// whole, the edition date in `list_as_of`; empty when no row has one. Never the file's
/// modification time, which differs between two clones of the same commit. `sha256` is of the
/// file's text as loaded (UTF-8, without a BOM).
pub fn describe(text: &str, entries: &[Entry]) -> Vec<ListVersion> {
    let sha256 = hex::encode(Sha256::digest(text.as_bytes()));
    // The kind comes from the rows (a `kind` column), so a user list declares its own.
    let mut newest: BTreeMap<&str, (&str, ListKind)> = BTreeMap::new();
    for e in entries {
        let date = normalise_date(&e.listed_on).max(normalise_date(&e.list_as_of));
        let slot = newest.entry(e.list.as_str()).or_insert(("", e.kind));
        if date > slot.0 {
            slot.0 = date;
        }
    }
    newest
        .into_iter()
        .map(|(list, (date, kind))| ListVersion {
            list: list.to_string(),
            kind,
            as_of: date.to_string(),
            sha256: sha256.clone(),
        })
        .collect()
}

/// The `YYYY-MM-DD` head of a date field, or "" when it is not one (so it never wins `max`).
fn normalise_date(d: &str) -> &str {
    let d = d.trim();
    match d.get(..10) {
        Some(head) if head.parse::<jiff::civil::Date>().is_ok() => head,
        _ => "",
    }
}

/// A short, readable id of a list version for CSV cells: `EL@2025-09-29#3f2a1b4c` (the
/// abbreviation in the list name's first parentheses, else the whole name; as_of; 8 hex digits
/// of the file's sha256).
pub fn short_id(v: &ListVersion) -> String {
    let abbr = v
        .list
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .map(|(a, _)| a.trim())
        .filter(|a| !a.is_empty())
        .unwrap_or(v.list.trim());
    let sha = v.sha256.get(..8).unwrap_or(&v.sha256);
    format!("{abbr}@{}#{sha}", v.as_of)
}

/// The newest `as_of` per list name, for stamping hits.
pub fn as_of_by_list(versions: &[ListVersion]) -> BTreeMap<String, String> {
    let mut map: BTreeMap<String, String> = BTreeMap::new();
    for v in versions {
        let slot = map.entry(v.list.clone()).or_default();
        if v.as_of > *slot {
            *slot = v.as_of.clone();
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(list: &str, listed_on: &str) -> Entry {
        Entry {
            list: list.into(),
            listed_on: listed_on.into(),
            ..Entry::default()
        }
    }

    #[test]
    fn kinds_from_list_names() {
        assert_eq!(
            kind_of("Entity List (EL) - Bureau of Industry and Security"),
            ListKind::ExportControl
        );
        assert_eq!(
            kind_of("Military End User (MEU) List - Bureau of Industry and Security"),
            ListKind::ExportControl
        );
        assert_eq!(kind_of("DoD 1260H list"), ListKind::Informational);
        assert_eq!(kind_of("NDAA FY2021 section 1286"), ListKind::Informational);
    }

    #[test]
    fn a_list_published_whole_takes_its_edition_date_and_never_the_file_time() {
        let mut whole = entry("DoD Section 1286 List", "");
        whole.list_as_of = "2026-07-09".into();
        let entries = [
            whole,
            entry("Undated list", ""),
            entry("Undated list", "n/a"),
        ];
        let v = describe("abc", &entries);
        assert_eq!(v[0].list, "DoD Section 1286 List");
        assert_eq!(v[0].as_of, "2026-07-09");
        // No date in the rows: empty (the sha256 still names the version), the same on any clone.
        assert_eq!(v[1].as_of, "");
    }

    #[test]
    fn as_of_is_the_newest_listing_per_list() {
        let entries = [
            entry("Entity List (EL)", "2021-12-17"),
            entry("Entity List (EL)", "2025-03-25"),
            entry("Entity List (EL)", "not a date"),
            entry("MEU", "2020-12-23T00:00:00"),
        ];
        let v = describe("abc", &entries);
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].list, "Entity List (EL)");
        assert_eq!(v[0].as_of, "2025-03-25");
        assert_eq!(v[1].as_of, "2020-12-23");
        assert_eq!(
            v[0].sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(short_id(&v[0]), "EL@2025-03-25#ba7816bf");
        assert_eq!(short_id(&v[1]), "MEU@2020-12-23#ba7816bf");
    }
}
