//! Watchlist loaders: the three formats, the zh overlay, and every bad-input case of issue 3.
use std::io::Write;
use std::path::{Path, PathBuf};

use tenderscan::watchlist::{Watchlist, WatchlistError, load_file, split_aliases};

const EL: &str = "Entity List (EL) - Bureau of Industry and Security";

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    let mut f = std::fs::File::create(&path).expect("temp file");
    f.write_all(bytes).expect("write temp file");
    path
}

const PROJECT_HEADER: &str = "name,aliases,list,country,reference,listed_on,source,notes\n";

#[test]
fn csl_csv_rows_become_entries_with_aliases_citation_country_and_date() {
    let list = load_file(&data("mini_csl.csv")).expect("loads");
    assert_eq!(list.entries.len(), 11);
    let su = list
        .entries
        .iter()
        .find(|e| e.name == "Sichuan University")
        .expect("Sichuan University");
    assert_eq!(su.list, EL);
    assert_eq!(su.citation, "77 FR 58006");
    assert_eq!(su.country, "CN");
    assert_eq!(su.listed_on, "2012-09-19");
    assert_eq!(
        su.id,
        "4b6ac57e99bead1caa57dfb1b7ddc3b277bac23a4ca2e35f3ab19e4e"
    );
    // "A; B; and C" → three aliases, the "and " prefix removed.
    assert_eq!(su.aliases.len(), 3);
    assert_eq!(
        su.aliases[2],
        "Sichuan University, Yibin Industrial Technology Research Institute"
    );
}

#[test]
fn alias_field_splits_like_the_ita_importer() {
    assert_eq!(split_aliases("A; B; and C"), vec!["A", "B", "C"]);
    assert_eq!(split_aliases("Only One"), vec!["Only One"]);
    assert!(split_aliases("").is_empty());
}

#[test]
fn real_csl_sample_loads_when_shared_data_is_present() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/lists/csl_sample_real_12rows.csv");
    let sample = if sample.is_file() {
        sample
    } else {
        PathBuf::from("/work/shared/data/lists/csl_sample_real_12rows.csv")
    };
    if !sample.is_file() {
        eprintln!(
            "skipped: {} not present (third-party data, not in the repository)",
            sample.display()
        );
        return;
    }
    let list = load_file(&sample).expect("real CSL sample loads");
    // The file name says 12, but the extract holds 13 data rows.
    assert_eq!(list.entries.len(), 13);
    let isn = list
        .entries
        .iter()
        .find(|e| e.name.starts_with("Sinobright"))
        .expect("ISN row");
    // The ISN boilerplate is not part of the name.
    assert_eq!(isn.name, "Sinobright Import and Export Company");
    let meu = list
        .entries
        .iter()
        .find(|e| e.name.starts_with("Academy of Aerospace Solid"))
        .expect("MEU row");
    assert_eq!(meu.citation, "85 FR 83799");
    assert_eq!(meu.country, "CN");
}

#[test]
fn csl_json_with_results_wrapper_and_bare_array() {
    let list = load_file(&data("mini_csl.json")).expect("loads");
    assert_eq!(list.entries.len(), 2);
    assert_eq!(list.entries[0].name, "Sugon");
    assert_eq!(list.entries[0].aliases, vec!["Dawning", "Zhongke Shuguang"]);
    assert_eq!(list.entries[0].country, "CN");
    assert_eq!(list.entries[0].id, "json-1");
    let dir = tempfile::tempdir().expect("tempdir");
    let bare = write(dir.path(), "bare.json", br#"[{"name": "Higon", "source": "EL", "alt_names": "THATIC; and Haiguang", "federal_register_notice": "84 FR 29373"}]"#);
    let list = load_file(&bare).expect("bare array loads");
    assert_eq!(list.entries[0].aliases, vec!["THATIC", "Haiguang"]);
    assert_eq!(list.entries[0].citation, "84 FR 29373");
}

#[test]
fn project_csv_loads_with_derived_ids() {
    let list = load_file(&data("mini_project.csv")).expect("loads");
    assert_eq!(list.entries.len(), 2);
    let e = &list.entries[0];
    assert_eq!(e.name, "Example Compute Co., Ltd.");
    assert_eq!(e.aliases, vec!["Example Compute", "示例算力有限公司"]);
    assert_eq!(e.list, "Analyst watchlist");
    assert_eq!(e.citation, "internal memo 2026-01");
    assert_eq!(e.id.len(), 16);
}

#[test]
fn zh_overlay_adds_chinese_names_to_whichever_list_is_loaded() {
    let overlay = data("mini_zh_names.csv");
    let list = Watchlist::load(
        &[data("mini_csl.csv"), data("mini_project.csv")],
        Some(&overlay),
    )
    .expect("loads");
    // Sichuan University is on two lists: both get the Chinese name.
    let with_zh: Vec<&str> = list
        .entries
        .iter()
        .filter(|e| e.aliases.iter().any(|a| a == "四川大学"))
        .map(|e| e.list.as_str())
        .collect();
    assert_eq!(
        with_zh,
        vec![EL, "DoD Section 1286 List - Department of Defense"]
    );
    let sugon = list
        .entries
        .iter()
        .find(|e| e.name == "Sugon")
        .expect("Sugon");
    assert!(sugon.aliases.iter().any(|a| a == "中科曙光"));
    assert!(
        sugon
            .aliases
            .iter()
            .any(|a| a == "曙光信息产业股份有限公司")
    );
}

#[test]
fn bundled_entities_and_overlay_load() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists");
    let list = Watchlist::load(&[dir.join("entities.csv")], Some(&dir.join("zh-names.csv")))
        .expect("bundled list loads");
    assert!(list.entries.len() >= 150, "{} entries", list.entries.len());
    let su = list
        .entries
        .iter()
        .find(|e| e.name == "Sichuan University" && e.list == EL)
        .expect("Sichuan University");
    assert!(su.citation.contains("77 FR 58006"));
    assert!(su.aliases.iter().any(|a| a == "四川大学"));
}

#[test]
fn missing_column_is_an_error_naming_the_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "nolist.csv",
        b"name,aliases,country,reference,source\nFoo,,CN,1 FR 1,x\n",
    );
    let err = load_file(&path).expect_err("must fail");
    assert!(
        matches!(&err, WatchlistError::MissingColumn { column, .. } if column == "list"),
        "{err}"
    );
    assert!(
        err.to_string()
            .contains("nolist.csv:1: missing column `list`"),
        "{err}"
    );
}

#[test]
fn broken_quote_is_an_error_naming_file_and_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let body = format!(
        "{PROJECT_HEADER}Good Co,,EL,CN,1 FR 1,,src,\n\"Broken Co,,EL,CN,1 FR 2,,src,\nNext Co,,EL,CN,1 FR 3,,src,\n"
    );
    let path = write(dir.path(), "broken.csv", body.as_bytes());
    let err = load_file(&path).expect_err("must fail");
    let msg = err.to_string();
    assert!(
        matches!(err, WatchlistError::Syntax { line: 3, .. }),
        "{msg}"
    );
    assert!(msg.starts_with(&format!("{}:3:", path.display())), "{msg}");
}

#[test]
fn empty_name_is_skipped_and_the_rest_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let body =
        format!("{PROJECT_HEADER}Good Co,,EL,CN,1 FR 1,,src,\n,alias only,EL,CN,1 FR 2,,src,\n");
    let path = write(dir.path(), "emptyname.csv", body.as_bytes());
    let list = load_file(&path).expect("loads");
    assert_eq!(list.entries.len(), 1);
    assert_eq!(list.entries[0].name, "Good Co");
}

#[test]
fn duplicate_entry_is_skipped_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let body = format!(
        "{PROJECT_HEADER}Good Co,,EL,CN,1 FR 1,,src,\nGood Co,,EL,CN,1 FR 1,,src,\nGood Co,,Other list,CN,1 FR 1,,src,\n"
    );
    let path = write(dir.path(), "dup.csv", body.as_bytes());
    let list = load_file(&path).expect("loads");
    assert_eq!(
        list.entries
            .iter()
            .map(|e| e.list.as_str())
            .collect::<Vec<_>>(),
        vec!["EL", "Other list"]
    );
    // The same file twice does not double the entries.
    let twice = Watchlist::load(&[path.clone(), path], None).expect("loads");
    assert_eq!(twice.entries.len(), 2);
}

#[test]
fn non_utf8_file_is_an_error_naming_the_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut body = format!("{PROJECT_HEADER}Good Co,,EL,CN,1 FR 1,,src,\n").into_bytes();
    body.extend_from_slice(&[0xCB, 0xC4, 0xB4, 0xA8, 0xB4, 0xF3, 0xD1, 0xA7]); // 四川大学 in GBK
    body.extend_from_slice(b",,EL,CN,1 FR 2,,src,\n");
    let path = write(dir.path(), "gbk.csv", &body);
    let err = load_file(&path).expect_err("must fail");
    assert!(
        matches!(err, WatchlistError::NotUtf8 { line: 3, .. }),
        "{err}"
    );
    assert!(
        err.to_string().contains("gbk.csv:3: not valid UTF-8"),
        "{err}"
    );
}

#[test]
fn empty_unknown_and_unreadable_lists_are_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let header_only = write(dir.path(), "header.csv", PROJECT_HEADER.as_bytes());
    assert!(matches!(
        load_file(&header_only),
        Err(WatchlistError::Empty { .. })
    ));
    let unknown = write(dir.path(), "unknown.csv", b"foo,bar\n1,2\n");
    assert!(matches!(
        load_file(&unknown),
        Err(WatchlistError::UnknownFormat { .. })
    ));
    let empty = write(dir.path(), "empty.csv", b"");
    assert!(load_file(&empty).is_err());
    let missing = dir.path().join("missing.csv");
    assert!(matches!(
        load_file(&missing),
        Err(WatchlistError::Io { .. })
    ));
    // Through the multi-file loader too: never a clean empty list.
    assert!(Watchlist::load(&[header_only], None).is_err());
}

#[test]
fn bad_json_is_an_error_with_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = write(
        dir.path(),
        "bad.json",
        b"{\"results\": [\n{\"name\": \"A\",\n\"source\": }\n]}",
    );
    let err = load_file(&path).expect_err("must fail");
    assert!(
        matches!(err, WatchlistError::Syntax { line: 3, .. }),
        "{err}"
    );
}

#[test]
fn overlay_with_missing_column_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let overlay = write(
        dir.path(),
        "zh.csv",
        "listed_name,zh_name\nSugon,中科曙光\n".as_bytes(),
    );
    let err = Watchlist::load(&[data("mini_csl.csv")], Some(&overlay)).expect_err("must fail");
    assert!(
        format!("{err:#}").contains("missing column `source`"),
        "{err:#}"
    );
}
