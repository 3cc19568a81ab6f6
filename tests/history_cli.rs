//! `tenderscan history …` and `scan --history/--new-only` through the binary, on real SQLite
//! files in temp directories.
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;
use predicates::prelude::*;
use rusqlite::Connection;
use tenderscan::history::History;
use tenderscan::model::{Alert, Category, Mention, Origin, Record, RunSummary};

fn tenderscan() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("tenderscan").expect("binary");
    cmd.env_remove("TENDERSCAN_VOCAB").env_remove("TENDERSCAN_HISTORY").env_remove("TENDERSCAN_LOG");
    cmd
}

fn stdout_of(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

fn chip(name: &str) -> Mention {
    Mention {
        category: Category::Chip,
        name: name.into(),
        origin: Origin::Us,
        controlled: true,
        text: name.into(),
        context: format!("{name} GPU服务器"),
        attachment: None,
    }
}

fn notice(source: &str, sha: &str, chips: &[&str]) -> Record {
    Record {
        source: source.into(),
        sha256: sha.into(),
        encoding: "UTF-8".into(),
        title: Some("某大学GPU服务器采购项目".into()),
        published: Some("2024-01-05".into()),
        buyer: Some("某大学".into()),
        mentions: chips.iter().map(|c| chip(c)).collect(),
        alert: if chips.is_empty() { Alert::None } else { Alert::Low },
        reasons: chips.iter().map(|c| format!("controlled chip {c}")).collect(),
        ..Record::default()
    }
}

/// A history with three finished runs: day 1 sees t1 (A100) and a quiet notice, day 2 the same
/// again plus a failed input, day 3 a corrected t1 that adds an H100.
fn filled_history(path: &Path) {
    let mut h = History::open(path).unwrap();
    let days: [Vec<Record>; 3] = [
        vec![notice("http://gov.example/t1.htm", "v1", &["NVIDIA A100"]), notice("http://gov.example/quiet.htm", "q", &[])],
        vec![
            notice("http://gov.example/t1.htm", "v1", &["NVIDIA A100"]),
            Record { source: "http://gov.example/gone.htm".into(), error: Some("HTTP 404".into()), ..Record::default() },
        ],
        vec![notice("http://gov.example/t1.htm", "v2", &["NVIDIA A100", "NVIDIA H100"])],
    ];
    for (day, records) in days.iter().enumerate() {
        let run = h.begin_run(&format!("tenderscan scan day{}", day + 1)).unwrap();
        let mut summary = RunSummary::default();
        for r in records {
            h.observe(run, r).unwrap();
            if r.error.is_some() {
                summary.failed += 1;
            } else {
                summary.scanned += 1;
            }
        }
        h.finish_run(run, &summary).unwrap();
    }
}

#[test]
fn history_runs_lists_runs_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.sqlite3");
    filled_history(&path);
    let out = tenderscan().arg("history").arg("--history").arg(&path).arg("runs").assert().success();
    let text = stdout_of(&out);
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        ["id", "started", "finished", "scanned", "failed", "new", "updated", "reported", "high", "medium", "low", "none", "errors", "command"]
    );
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    let summary: Vec<(&str, &str, &str, &str)> = rows.iter().map(|r| (&r[0], &r[3], &r[12], &r[13])).collect();
    assert_eq!(
        summary,
        vec![
            ("3", "1", "0", "tenderscan scan day3"),
            ("2", "1", "1", "tenderscan scan day2"),
            ("1", "2", "0", "tenderscan scan day1"),
        ]
    );
    // --history after the subcommand works too, and --limit and JSON.
    let out = tenderscan().args(["history", "runs", "--limit", "1", "-f", "json", "--history"]).arg(&path).assert().success();
    let runs: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(runs.as_array().map(Vec::len), Some(1));
    assert_eq!(runs[0]["id"], 3);
    assert!(runs[0]["finished"].is_string());
}

#[test]
fn history_show_gives_each_version_with_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.sqlite3");
    filled_history(&path);
    let out = tenderscan()
        .args(["history", "show", "http://gov.example/t1.htm", "-f", "jsonl", "--history"])
        .arg(&path)
        .assert()
        .success();
    let versions: Vec<serde_json::Value> =
        stdout_of(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(versions.len(), 2);
    assert_eq!((versions[0]["status"].as_str(), versions[0]["times_seen"].as_u64()), (Some("new"), Some(2)));
    assert_eq!(versions[0]["record"]["sha256"], "v1");
    assert_eq!(versions[1]["status"], "updated");
    assert_eq!(versions[1]["changes"], serde_json::json!(["added mention NVIDIA H100"]));
    let out = tenderscan().args(["history", "show", "http://gov.example/t1.htm", "--history"]).arg(&path).assert().success();
    let text = stdout_of(&out);
    assert!(text.starts_with("first_seen,last_seen,times_seen,status,changes,alert,"), "{text}");
    assert!(text.contains(",updated,added mention NVIDIA H100,low,"), "{text}");
    assert!(text.contains("NVIDIA A100; NVIDIA H100"), "{text}");
}

#[test]
fn history_show_of_an_unknown_source_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.sqlite3");
    filled_history(&path);
    tenderscan()
        .args(["history", "show", "http://gov.example/never.htm", "--history"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("never seen in the history"));
}

#[test]
fn history_export_gives_new_and_updated_notices_with_findings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.sqlite3");
    filled_history(&path);
    let out = tenderscan()
        .args(["history", "export", "--since", "2000-01-01", "-f", "jsonl", "--history"])
        .arg(&path)
        .assert()
        .success();
    let records: Vec<Record> = stdout_of(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let rows: Vec<(&str, &str, Option<&str>)> =
        records.iter().map(|r| (r.source.as_str(), r.sha256.as_str(), r.status.as_deref())).collect();
    // The quiet notice has no findings; the unchanged second sighting of t1 is not exported again.
    assert_eq!(rows, vec![("http://gov.example/t1.htm", "v1", Some("new")), ("http://gov.example/t1.htm", "v2", Some("updated"))]);
    assert!(records[1].reasons.contains(&"changed: added mention NVIDIA H100".to_owned()), "{:?}", records[1].reasons);
    // --all includes the quiet one; a period before anything was seen is empty.
    let out = tenderscan()
        .args(["history", "export", "--all", "--since", "2000-01-01", "-f", "jsonl", "--history"])
        .arg(&path)
        .assert()
        .success();
    assert_eq!(stdout_of(&out).lines().count(), 3);
    let out = tenderscan()
        .args(["history", "export", "--since", "2000-01-01", "--until", "2000-01-31", "-f", "csv", "--history"])
        .arg(&path)
        .assert()
        .success();
    assert_eq!(stdout_of(&out).lines().count(), 1, "header only");
    tenderscan()
        .args(["history", "export", "--since", "last week", "--history"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
}

#[test]
fn history_reads_the_file_named_by_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.sqlite3");
    filled_history(&path);
    let out = tenderscan().args(["history", "runs", "-f", "jsonl"]).env("TENDERSCAN_HISTORY", &path).assert().success();
    assert_eq!(stdout_of(&out).lines().count(), 3);
}

#[test]
fn history_of_a_missing_file_is_an_error_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nothing.sqlite3");
    tenderscan()
        .args(["history", "runs", "--history"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no history there yet"));
    assert!(!path.exists());
}

#[test]
fn history_of_a_foreign_file_is_an_error_and_leaves_it_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.sqlite3");
    Connection::open(&path).unwrap().execute_batch("CREATE TABLE notes (body TEXT)").unwrap();
    let before = std::fs::read(&path).unwrap();
    tenderscan()
        .args(["history", "runs", "--history"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("another application"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}
