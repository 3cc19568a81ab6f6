//! End to end: every record names the list versions it was screened against, every hit its
//! list's `as_of`, `history runs` stores them, and `scan --history … --rescreen` reports the
//! stored notices whose alert went up under a newer list, without reading the pages again.
use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;
use sha2::{Digest, Sha256};

mod common;
use common::tenderscan;

const SCU: &str = "fixtures/ccgp_new_award_scu_azure_openai.html";
const EL: &str = "Entity List (EL) - Bureau of Industry and Security";

/// Newest listed_on per list and the sha256 of the bundled entities.csv, computed independently.
fn bundled() -> (BTreeMap<String, String>, String) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists/entities.csv");
    let bytes = std::fs::read(&path).unwrap();
    let mut newest: BTreeMap<String, String> = BTreeMap::new();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    for row in reader.deserialize::<BTreeMap<String, String>>() {
        let row = row.unwrap();
        let slot = newest.entry(row["list"].clone()).or_default();
        if row["listed_on"] > *slot {
            *slot = row["listed_on"].clone();
        }
    }
    (newest, hex::encode(Sha256::digest(&bytes)))
}

fn jsonl(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn every_record_and_hit_names_its_list_version() {
    let (newest, sha) = bundled();
    let out = tenderscan()
        .args(["scan", "-f", "jsonl", SCU])
        .assert()
        .success();
    let r = &jsonl(&out.get_output().stdout)[0];
    let lists = r["screened_against"].as_array().unwrap();
    assert_eq!(lists.len(), newest.len(), "{lists:?}");
    let el = lists.iter().find(|l| l["list"] == EL).unwrap();
    assert_eq!(el["kind"], "export_control");
    assert_eq!(el["as_of"], newest[EL].as_str());
    assert_eq!(el["sha256"], sha.as_str());
    assert_eq!(r["hits"][0]["list"], EL);
    assert_eq!(r["hits"][0]["as_of"], newest[EL].as_str());

    let csv_out = tenderscan().args(["scan", SCU]).assert().success();
    let text = String::from_utf8(csv_out.get_output().stdout.clone()).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let col = header.iter().position(|h| h == "screened_against").unwrap();
    let row = reader.records().next().unwrap().unwrap();
    let cell = row.get(col).unwrap();
    assert!(
        cell.contains(&format!("EL@{}#{}", newest[EL], &sha[..8])),
        "{cell}"
    );
}

#[test]
fn history_runs_store_the_list_versions_and_rescreen_reports_rises() {
    let (newest, _) = bundled();
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("h.sqlite3");
    // An older, smaller list that does not hold Sichuan University.
    let old_list = dir.path().join("old.csv");
    std::fs::write(
        &old_list,
        "name,aliases,list,country,reference,listed_on,source,notes\n\
         Harbin Institute of Technology,HIT,Entity List (EL) - Bureau of Industry and Security,CN,85 FR 34495,2020-06-05,https://www.federalregister.gov/citation/85-FR-34495,\n",
    )
    .unwrap();
    let first = tenderscan()
        .args(["scan", "-f", "jsonl", "--all", "--history"])
        .arg(&history)
        .arg("--watchlist")
        .arg(&old_list)
        .args([SCU, "fixtures/ccgp_new_tender_szu_aws_a100.html"])
        .assert()
        .success();
    let day1 = jsonl(&first.get_output().stdout);
    assert_eq!(day1.len(), 2);
    assert_eq!(
        day1[0]["alert"], "medium",
        "no listed buyer on the old list"
    );
    assert_eq!(day1[0]["screened_against"][0]["as_of"], "2020-06-05");

    let runs = tenderscan()
        .args(["history", "runs", "-f", "json", "--history"])
        .arg(&history)
        .assert()
        .success();
    let runs: Value = serde_json::from_slice(&runs.get_output().stdout).unwrap();
    assert_eq!(runs[0]["screened_against"][0]["list"], EL);
    assert_eq!(runs[0]["screened_against"][0]["as_of"], "2020-06-05");
    assert_eq!(runs[0]["screened_against"][0]["kind"], "export_control");
    assert!(
        runs[0]["lists"]
            .as_str()
            .unwrap()
            .starts_with("EL@2020-06-05#")
    );

    // The pages are gone: re-screening must work from the history alone.
    let rescreen = tenderscan()
        .args(["scan", "-f", "jsonl", "--rescreen", "--history"])
        .arg(&history)
        .assert()
        .success();
    let rose = jsonl(&rescreen.get_output().stdout);
    assert_eq!(
        rose.len(),
        1,
        "only the notice whose alert went up: {rose:?}"
    );
    let r = &rose[0];
    assert_eq!(r["source"], SCU);
    assert_eq!(r["alert"], "high");
    assert_eq!(r["status"], "updated");
    assert_eq!(r["hits"][0]["listed_name"], "Sichuan University");
    assert_eq!(r["hits"][0]["as_of"], newest[EL].as_str());
    let reasons = r["reasons"].as_array().unwrap();
    assert!(
        reasons.contains(&"changed: alert medium → high".into()),
        "{reasons:?}"
    );
    let el = r["screened_against"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["list"] == EL)
        .unwrap();
    assert_eq!(el["as_of"], newest[EL].as_str());

    // Done once, the rise is stored: a second re-screen finds nothing new.
    let again = tenderscan()
        .args(["scan", "-f", "jsonl", "--rescreen", "--history"])
        .arg(&history)
        .assert()
        .success();
    assert!(jsonl(&again.get_output().stdout).is_empty());
}

#[test]
fn rescreen_without_a_history_is_refused() {
    tenderscan()
        .args(["scan", "--rescreen"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("--rescreen needs a history"));
}

#[test]
fn a_version_1_history_is_migrated_and_its_old_runs_have_no_lists() {
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("h.sqlite3");
    tenderscan()
        .args(["scan", "--history"])
        .arg(&history)
        .arg(SCU)
        .assert()
        .success();
    // Turn it back into what the previous release wrote: schema 1, no list column.
    {
        let c = rusqlite::Connection::open(&history).unwrap();
        c.execute_batch("ALTER TABLE runs DROP COLUMN screened_against; PRAGMA user_version = 1;")
            .unwrap();
    }
    tenderscan()
        .args(["scan", "--history"])
        .arg(&history)
        .arg(SCU)
        .assert()
        .success();
    let c = rusqlite::Connection::open(&history).unwrap();
    let version: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, tenderscan::history::SCHEMA_VERSION);
    let lists: Vec<String> = c
        .prepare("SELECT screened_against FROM runs ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(lists.len(), 2);
    assert_eq!(lists[0], "[]", "the old run screened against unknown lists");
    assert!(lists[1].contains("\"as_of\""), "{}", lists[1]);
}

#[test]
fn rescreen_does_not_report_a_rise_that_a_review_has_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("h.sqlite3");
    let old_list = dir.path().join("old.csv");
    std::fs::write(
        &old_list,
        "name,aliases,list,country,reference,listed_on,source,notes\n\
         Harbin Institute of Technology,HIT,Entity List (EL) - Bureau of Industry and Security,CN,85 FR 34495,2020-06-05,https://www.federalregister.gov/citation/85-FR-34495,\n",
    )
    .unwrap();
    tenderscan()
        .args(["scan", "--history"])
        .arg(&history)
        .arg("--watchlist")
        .arg(&old_list)
        .arg(SCU)
        .assert()
        .success();
    let reviewed = dir.path().join("reviewed.csv");
    std::fs::write(
        &reviewed,
        "notice,entity,verdict,reviewer,date,note\nSCZC2025-GK-0627,Sichuan University,false_positive,ana,2026-11-30,\n",
    )
    .unwrap();
    let out = tenderscan()
        .args(["scan", "-f", "jsonl", "--rescreen", "--reviewed"])
        .arg(&reviewed)
        .arg("--history")
        .arg(&history)
        .assert()
        .success();
    assert!(jsonl(&out.get_output().stdout).is_empty());
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(!stderr.contains("matched nothing"), "{stderr}");
}
