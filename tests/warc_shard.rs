//! WARC evidence (`--warc`, scanning `.warc.gz` inputs), `scan --shard I/N` and
//! `history import`, end to end through the binary over loopback.
#[path = "portal/gen.rs"]
mod generate;

use std::io::Read as _;
use std::path::Path;
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const PAGES: &[&str] = &[
    "ccgp_new_award_scu_azure_openai.html",
    "gbk_uestc_a800_servers.htm",
    "gbk_declared_utf8_hit_weihai.html",
    "plain_notice_bedrock.txt",
];

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).expect("fixture")
}

fn tenderscan() -> Command {
    let mut cmd = Command::cargo_bin("tenderscan").expect("binary");
    cmd.env_remove("TENDERSCAN_VOCAB")
        .env_remove("TENDERSCAN_HISTORY")
        .env("TENDERSCAN_DATA_DIR", "/nonexistent-tenderscan-data")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

fn sorted(mut v: Vec<Value>) -> Vec<Value> {
    v.sort_by_key(|r| r["source"].as_str().unwrap_or_default().to_string());
    v
}

async fn portal() -> MockServer {
    let server = MockServer::start().await;
    for name in PAGES {
        let kind = if name.ends_with(".txt") {
            "text/plain"
        } else {
            "text/html"
        };
        Mock::given(method("GET"))
            .and(path(format!("/notice/{name}")))
            .respond_with(ResponseTemplate::new(200).set_body_raw(fixture(name), kind))
            .mount(&server)
            .await;
    }
    Mock::given(method("GET"))
        .and(path("/files/spec.pdf"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(b"%PDF-1.4 x".to_vec(), "application/pdf"),
        )
        .mount(&server)
        .await;
    server
}

/// Split a `.warc.gz` into its gzip members, decompressed.
fn members(file: &Path) -> Vec<String> {
    let bytes = std::fs::read(file).unwrap();
    let mut rest = &bytes[..];
    let mut out = Vec::new();
    while !rest.is_empty() {
        let mut decoder = flate2::bufread::GzDecoder::new(rest);
        let mut text = Vec::new();
        decoder.read_to_end(&mut text).expect("a whole gzip member");
        rest = decoder.into_inner();
        out.push(String::from_utf8_lossy(&text).into_owned());
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_warc_written_by_warc_rescans_identically() {
    let server = portal().await;
    let dir = tempfile::tempdir().unwrap();
    let warc = dir.path().join("run.warc.gz");
    let mut urls: Vec<String> = PAGES
        .iter()
        .map(|n| format!("{}/notice/{n}", server.uri()))
        .collect();
    urls.push(format!("{}/files/spec.pdf", server.uri()));
    let live = tenderscan()
        .args(["scan", "--all", "-f", "jsonl", "--delay", "0", "--warc"])
        .arg(&warc)
        .args(&urls)
        .output()
        .unwrap();
    let live_records = sorted(records(&live.stdout));
    // The PDF is written to the WARC but is not an HTML/text response: skipped when reading it.
    let live_pages: Vec<Value> = live_records
        .into_iter()
        .filter(|r| !r["source"].as_str().unwrap().ends_with(".pdf"))
        .collect();
    assert_eq!(
        live_pages.len(),
        4,
        "{}",
        String::from_utf8_lossy(&live.stderr)
    );

    // One gzip member per record: warcinfo, then request + response per fetched URL.
    let members = members(&warc);
    assert_eq!(members.len(), 1 + 2 * 5, "{:?}", &members[..1]);
    assert!(members[0].starts_with("WARC/1.1\r\nWARC-Type: warcinfo\r\n"));
    let responses: Vec<&String> = members
        .iter()
        .filter(|m| m.contains("WARC-Type: response\r\n"))
        .collect();
    assert_eq!(responses.len(), 5);
    assert_eq!(
        members
            .iter()
            .filter(|m| m.contains("WARC-Type: request\r\n") && m.contains("\r\n\r\nGET /"))
            .count(),
        5
    );
    // The payload digest is sha1/base32 of the stored body, as every WARC tool computes it.
    let body = fixture(PAGES[1]);
    let digest = {
        use sha1::Digest as _;
        format!(
            "WARC-Payload-Digest: sha1:{}\r\n",
            data_encoding::BASE32.encode(&sha1::Sha1::digest(&body))
        )
    };
    assert!(
        responses
            .iter()
            .any(|m| m.contains(&digest) && m.contains(PAGES[1])),
        "no response with {digest}"
    );

    drop(server); // offline from here on
    let offline = tenderscan()
        .args(["scan", "--all", "-f", "jsonl"])
        .arg(&warc)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&offline.stderr);
    assert_eq!(offline.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("11 WARC records, 4 pages scanned, 7 other records skipped, 0 damaged"),
        "{stderr}"
    );
    // Identical records: source, final_url and fetch time included.
    assert_eq!(sorted(records(&offline.stdout)), live_pages);

    // A damaged record (bytes that are no gzip member) is skipped with a message; the rest is read.
    let mut bytes = std::fs::read(&warc).unwrap();
    let cut = bytes.len();
    bytes.extend_from_slice(b"\x1f\x8b\x08\0 this is not deflate data at all");
    bytes.extend(std::fs::read(&warc).unwrap()[..cut].iter());
    let damaged = dir.path().join("damaged.warc.gz");
    std::fs::write(&damaged, &bytes).unwrap();
    let out = tenderscan()
        .args(["scan", "--all", "-f", "jsonl"])
        .arg(&damaged)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(&format!("gzip member at byte {cut}")),
        "{stderr}"
    );
    assert!(stderr.contains("8 pages scanned"), "{stderr}");
    assert_eq!(records(&out.stdout).len(), 8);

    // A standard reader opens it too, when Python's warcio is installed (pip install warcio).
    let has_warcio = Command::new("python3")
        .args(["-c", "import warcio"])
        .output()
        .is_ok_and(|o| o.status.success());
    if has_warcio {
        let check = Command::new("python3")
            .args(["-c", WARCIO, "check", "-v"])
            .arg(&warc)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&check.stdout);
        assert!(check.status.success(), "warcio check: {text}");
        // Block and payload digests verified on every request and response record.
        assert_eq!(text.matches("digest pass").count(), 5 * 2, "{text}");
        assert!(!text.contains("fail"), "{text}");
        let index = Command::new("python3")
            .args(["-c", WARCIO, "index", "-f", "warc-type,warc-target-uri"])
            .arg(&warc)
            .output()
            .unwrap();
        let index = String::from_utf8_lossy(&index.stdout);
        assert_eq!(
            index.matches("\"warc-type\": \"response\"").count(),
            5,
            "{index}"
        );
    } else {
        eprintln!("warcio not installed: the standard-reader check is skipped");
    }
}

/// warcio's command line, run through Python so that a missing script shim does not matter.
const WARCIO: &str = "import sys; from warcio.cli import main; sys.exit(main(sys.argv[1:]))";

fn scan_fixtures(extra: &[&str]) -> Vec<Value> {
    let out = tenderscan()
        .args(["scan", "--all", "-f", "jsonl", "fixtures/"])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    records(&out.stdout)
}

#[test]
fn shard_unions_equal_the_whole() {
    let whole = sorted(scan_fixtures(&[]));
    assert!(whole.len() >= 15, "{}", whole.len());
    for n in [1, 3, 7] {
        let mut union = Vec::new();
        let mut nonempty = 0;
        for i in 0..n {
            let part = scan_fixtures(&["--shard", &format!("{i}/{n}")]);
            nonempty += usize::from(!part.is_empty());
            union.extend(part);
        }
        assert_eq!(sorted(union), whole, "N = {n}");
        assert!(nonempty >= n.min(3), "N = {n}: shards were not spread");
    }
}

#[test]
fn bad_shard_specs_are_usage_errors() {
    for spec in ["3/2", "0/0", "2/2", "x/3", "1"] {
        let out = tenderscan()
            .args(["scan", "--shard", spec, "fixtures/"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{spec}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("--shard"),
            "{spec}"
        );
    }
}

#[test]
fn manifest_inputs_and_history_import_of_shards() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = dir.path().join("inputs.txt");
    let names = [
        "gbk_uestc_a800_servers.htm",
        "trap_mri_tesla.html",
        "plain_notice_bedrock.txt",
        "ccgp_correction_sugon.html",
        "english_hkust_gpu_rental.html",
    ];
    let mut text = String::from("# one input per line\n\n");
    for n in names {
        text.push_str(&format!("fixtures/{n}\n"));
    }
    std::fs::write(&manifest, text).unwrap();
    let whole = tenderscan()
        .args(["scan", "--all", "-f", "jsonl", "--manifest"])
        .arg(&manifest)
        .output()
        .unwrap();
    assert!(whole.status.success());
    let whole = sorted(records(&whole.stdout));
    assert_eq!(whole.len(), 5);

    let mut parts = Vec::new();
    for i in 0..3 {
        let part = dir.path().join(format!("shard-{i}.jsonl"));
        let out = tenderscan()
            .args(["scan", "--all", "-f", "jsonl", "--shard", &format!("{i}/3")])
            .arg("--manifest")
            .arg(&manifest)
            .arg("-o")
            .arg(&part)
            .output()
            .unwrap();
        assert!(out.status.success());
        parts.push(part);
    }
    std::fs::write(dir.path().join("bad.jsonl"), "{\"not\": \"a record\"}\n").unwrap();
    parts.push(dir.path().join("bad.jsonl"));
    let history = dir.path().join("h.sqlite3");
    let import = tenderscan()
        .args(["history", "--history"])
        .arg(&history)
        .arg("import")
        .args(&parts)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&import.stderr);
    // One bad line: reported with file and line, the rest imported, exit 3 (some input failed).
    assert_eq!(import.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("bad.jsonl:1: not a record"), "{stderr}");
    assert!(stderr.contains("imported 5 records"), "{stderr}");
    assert!(stderr.contains("new 5, updated 0"), "{stderr}");

    // A file that is not JSON Lines at all (a CSV report): one error, exit 1, no run written;
    // many bad lines in a JSON Lines file: the first 20 named, then a count.
    let csv = dir.path().join("report.csv");
    std::fs::write(
        &csv,
        "alert,published,buyer\nhigh,2025-01-01,x\n".repeat(30),
    )
    .unwrap();
    let refused = tenderscan()
        .args(["history", "--history"])
        .arg(&history)
        .arg("import")
        .arg(&parts[0])
        .arg(&csv)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert_eq!(refused.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("report.csv: not JSON Lines"), "{stderr}");
    let runs = tenderscan()
        .args(["history", "--history"])
        .arg(&history)
        .args(["runs", "-f", "jsonl"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&runs.stdout).lines().count(), 1);
    let noisy = dir.path().join("noisy.jsonl");
    std::fs::write(&noisy, "{\"not\": \"a record\"}\n".repeat(25)).unwrap();
    let warned = tenderscan()
        .args(["history", "--history"])
        .arg(dir.path().join("h2.sqlite3"))
        .arg("import")
        .arg(&noisy)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&warned.stderr);
    assert_eq!(warned.status.code(), Some(3), "{stderr}");
    assert_eq!(stderr.matches("not a record").count(), 20, "{stderr}");
    assert!(stderr.contains("5 more lines were not records"), "{stderr}");

    // The merged history holds what a single scan would have: every notice, with findings.
    let export = tenderscan()
        .args(["history", "--history"])
        .arg(&history)
        .args(["export", "--since", "2000-01-01", "--all", "-f", "jsonl"])
        .output()
        .unwrap();
    assert!(export.status.success());
    let mut exported = sorted(records(&export.stdout));
    for r in &mut exported {
        r.as_object_mut().unwrap().remove("status");
    }
    assert_eq!(exported, whole);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crawl_writes_listing_notice_and_attachment_to_the_warc() {
    let server = MockServer::start().await;
    let listing = "<html><head><meta charset=\"utf-8\"><title>招标公告</title></head><body><table>\
        <tr><th>序号</th><th>发布时间</th><th>标题</th></tr>\
        <tr><td>1</td><td>2025-06-10</td><td><a href=\"/notice/n1.htm\">示例大学智能计算平台采购项目公开招标公告</a></td></tr>\
        </table></body></html>";
    let notice = std::fs::read(format!(
        "{}/tests/portal/n1.htm",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let docx = generate::docx("技术参数\n计算节点：8 × NVIDIA A100 80GB SXM");
    for (at, body, mime) in [
        (
            "/list/index.htm",
            listing.as_bytes().to_vec(),
            "text/html; charset=utf-8",
        ),
        ("/notice/n1.htm", notice, "text/html; charset=utf-8"),
        (
            "/files/n1-spec.docx",
            docx.clone(),
            "application/octet-stream",
        ),
    ] {
        Mock::given(method("GET"))
            .and(path(at))
            .respond_with(ResponseTemplate::new(200).set_body_raw(body, mime))
            .mount(&server)
            .await;
    }
    let dir = tempfile::tempdir().unwrap();
    let warc = dir.path().join("crawl.warc.gz");
    let uri = server.uri();
    let warc_arg = warc.clone();
    let state = dir.path().join("state.json");
    let out = tokio::task::spawn_blocking(move || {
        tenderscan()
            .args(["crawl", "--start", &format!("{uri}/list/index.htm")])
            .args([
                "--since",
                "2025-06-01",
                "--until",
                "2025-06-30",
                "--delay",
                "0",
            ])
            .args(["--all", "-f", "jsonl", "--state"])
            .arg(state)
            .arg("--warc")
            .arg(warc_arg)
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(out.status.code(), Some(0 | 3)), "{stderr}");
    let crawled = records(&out.stdout);
    let n1 = crawled
        .iter()
        .find(|r| {
            r["source"]
                .as_str()
                .is_some_and(|s| s.ends_with("/notice/n1.htm"))
        })
        .unwrap_or_else(|| panic!("n1 not crawled: {stderr}"));
    assert_eq!(n1["attachments"][0]["status"], "scanned", "{n1}");

    let targets: Vec<String> = members(&warc)
        .iter()
        .filter(|m| m.contains("WARC-Type: response\r\n"))
        .filter_map(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("WARC-Target-URI: "))
                .map(|u| u.trim_start_matches(&server.uri()).to_string())
        })
        .collect();
    assert_eq!(
        targets,
        ["/list/index.htm", "/notice/n1.htm", "/files/n1-spec.docx"],
        "every fetched page and the attachment, in fetch order"
    );
    // The attachment's bytes are in the record whole (payload digest of the docx).
    let digest = {
        use sha1::Digest as _;
        data_encoding::BASE32.encode(&sha1::Sha1::digest(&docx))
    };
    assert!(
        members(&warc)
            .iter()
            .any(|m| m.contains(&format!("WARC-Payload-Digest: sha1:{digest}\r\n"))),
        "docx payload digest"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn urls_are_sharded_by_url() {
    let server = portal().await;
    let urls: Vec<String> = PAGES
        .iter()
        .map(|n| format!("{}/notice/{n}", server.uri()))
        .collect();
    let mut seen = Vec::new();
    for i in 0..3 {
        let out = tenderscan()
            .args(["scan", "--all", "-f", "jsonl", "--delay", "0"])
            .args(["--shard", &format!("{i}/3")])
            .args(&urls)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        seen.extend(
            records(&out.stdout)
                .iter()
                .map(|r| r["source"].as_str().unwrap().to_string()),
        );
    }
    seen.sort();
    let mut all = urls.clone();
    all.sort();
    assert_eq!(seen, all, "each URL in exactly one shard");
}
