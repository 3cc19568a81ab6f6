//! `tenderscan scan URL…` end to end against a loopback server: fetched pages give the same
//! records as the saved files, failures are reported, and the archive re-scans offline identically.
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const PAGES: &[&str] = &[
    "ccgp_new_award_scu_azure_openai.html",
    "gbk_uestc_a800_servers.htm",
    "gbk_declared_utf8_hit_weihai.html",
];

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).expect("fixture")
}

fn tenderscan() -> Command {
    let mut cmd = Command::cargo_bin("tenderscan").expect("binary");
    cmd.env_remove("TENDERSCAN_VOCAB")
        .env_remove("TENDERSCAN_HISTORY")
        .env("TENDERSCAN_DATA_DIR", "/nonexistent-tenderscan-data");
    cmd
}

fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

/// The record without the fields that say where and when the bytes came from.
fn content(mut v: Value) -> Value {
    for k in ["source", "final_url", "fetched_at"] {
        v.as_object_mut().unwrap().remove(k);
    }
    v
}

async fn portal() -> MockServer {
    let server = MockServer::start().await;
    for name in PAGES {
        // Served as bare text/html: the charset must come from the page itself, as on real portals.
        Mock::given(method("GET"))
            .and(path(format!("/notice/{name}")))
            .respond_with(ResponseTemplate::new(200).set_body_raw(fixture(name), "text/html"))
            .mount(&server)
            .await;
    }
    Mock::given(method("GET"))
        .and(path("/gone.htm"))
        .respond_with(ResponseTemplate::new(404))
        .mount(&server)
        .await;
    server
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fetched_pages_give_the_same_records_as_saved_files() {
    let server = portal().await;
    let urls: Vec<String> = PAGES
        .iter()
        .map(|n| format!("{}/notice/{n}", server.uri()))
        .collect();
    let files: Vec<String> = PAGES
        .iter()
        .map(|n| format!("{}/fixtures/{n}", env!("CARGO_MANIFEST_DIR")))
        .collect();
    let fetched = tenderscan()
        .args(["scan", "--all", "-f", "jsonl", "--delay", "0"])
        .args(&urls)
        .output()
        .unwrap();
    assert_eq!(
        fetched.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&fetched.stderr)
    );
    let saved = tenderscan()
        .args(["scan", "--all", "-f", "jsonl"])
        .args(&files)
        .output()
        .unwrap();
    let mut fetched = records(&fetched.stdout);
    // Completion order may differ across hosts; one host is fetched in order, but sort to be safe.
    fetched.sort_by_key(|r| r["sha256"].as_str().unwrap().to_string());
    let mut saved = records(&saved.stdout);
    saved.sort_by_key(|r| r["sha256"].as_str().unwrap().to_string());
    assert_eq!(fetched.len(), 3);
    for (f, s) in fetched.iter().zip(&saved) {
        assert!(f["fetched_at"].as_str().is_some_and(|t| t.contains('T')));
        assert!(f["final_url"].as_str().unwrap().starts_with(&server.uri()));
        assert_eq!(content(f.clone()), content(s.clone()));
    }
    assert!(
        fetched.iter().any(|r| r["encoding"] == "gbk"
            && r["buyer"] == "电子科技大学"
            && r["alert"] == "high")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_url_is_a_record_and_the_run_goes_on() {
    let server = portal().await;
    let out = tenderscan()
        .args(["scan", "-f", "jsonl", "--delay", "0", "--retries", "0"])
        .arg(format!("{}/gone.htm", server.uri()))
        .arg(format!("{}/notice/{}", server.uri(), PAGES[0]))
        .arg("ftp://example.org/x.htm")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let recs = records(&out.stdout);
    let gone = recs
        .iter()
        .find(|r| r["source"].as_str().unwrap().ends_with("/gone.htm"))
        .expect("404 reported");
    assert!(gone["error"].as_str().unwrap().contains("404"), "{gone}");
    let ftp = recs
        .iter()
        .find(|r| r["source"] == "ftp://example.org/x.htm")
        .expect("ftp reported");
    assert!(ftp["error"].as_str().is_some());
    assert!(recs.iter().any(|r| r["alert"] == "high"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("gone.htm") && stderr.contains("failed 2"),
        "{stderr}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn archive_rescans_offline_identically() {
    let server = portal().await;
    let archive = tempfile::tempdir().unwrap();
    let urls: Vec<String> = PAGES
        .iter()
        .map(|n| format!("{}/notice/{n}", server.uri()))
        .collect();
    let live = tenderscan()
        .args(["scan", "--all", "-f", "jsonl", "--delay", "0", "--archive"])
        .arg(archive.path())
        .args(&urls)
        .output()
        .unwrap();
    assert!(
        live.status.success(),
        "{}",
        String::from_utf8_lossy(&live.stderr)
    );
    drop(server); // offline from here on
    let offline = tenderscan()
        .args(["scan", "--all", "-f", "jsonl", "--from-archive"])
        .arg(archive.path())
        .output()
        .unwrap();
    assert!(
        offline.status.success(),
        "{}",
        String::from_utf8_lossy(&offline.stderr)
    );
    let mut a = records(&live.stdout);
    let mut b = records(&offline.stdout);
    a.sort_by_key(|r| r["sha256"].as_str().unwrap().to_string());
    b.sort_by_key(|r| r["sha256"].as_str().unwrap().to_string());
    assert_eq!(a.len(), 3);
    assert_eq!(a, b);
}
