//! `crawl --source commoncrawl` against a loopback CDX index + WARC data server built from the
//! fixtures: the same records as scanning the pages directly, and bad answers reported.
use std::io::Write as _;
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use serde_json::{Value, json};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const CRAWL: &str = "CC-MAIN-2024-10";
const FILE: &str = "crawl-data/CC-MAIN-2024-10/segments/1/warc/CC-MAIN-20240301-00000.warc.gz";
const PAGES: &[&str] = &[
    "ccgp_new_award_scu_azure_openai.html",
    "gbk_uestc_a800_servers.htm",
    "gbk_declared_utf8_hit_weihai.html",
    "multi_lot_sugon_inspur_table.html",
    "trap_mri_tesla.html",
];

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).expect("fixture")
}

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

/// A WARC record the way Common Crawl writes it (WARC/1.0, request then response).
fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2024-03-01T12:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000000>\r\nContent-Length: {}\r\nContent-Type: application/http; msgtype={kind}\r\nWARC-Target-URI: {uri}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// Serves byte ranges of one file, as S3 / CloudFront do.
struct Ranged(Vec<u8>);

impl Respond for Ranged {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let range = request
            .headers
            .get("range")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("bytes="))
            .and_then(|v| v.split_once('-'))
            .and_then(|(a, b)| Some((a.parse::<usize>().ok()?, b.parse::<usize>().ok()?)));
        match range {
            Some((a, b)) if a <= b && b < self.0.len() => ResponseTemplate::new(206)
                .set_body_raw(self.0[a..=b].to_vec(), "application/octet-stream"),
            _ => ResponseTemplate::new(416),
        }
    }
}

struct Corpus {
    warc: Vec<u8>,
    rows: Vec<Value>,
}

/// The fixtures as one WARC file, with an index row per response record; then a PDF capture,
/// a gzip member that is not a WARC record, and a capture in a file served without ranges.
fn corpus() -> Corpus {
    let mut warc = Vec::new();
    let mut rows = Vec::new();
    for (i, name) in PAGES.iter().enumerate() {
        let uri = format!("http://www.ccgp.gov.cn/cggg/zygg/{i}/{name}");
        warc.extend(gz(&record("request", &uri, b"GET / HTTP/1.1\r\n\r\n")));
        let body = fixture(name);
        let mut http = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        http.extend(body);
        let member = gz(&record("response", &uri, &http));
        rows.push(
            json!({"urlkey": "cn,gov,ccgp)/", "timestamp": "20240301120000", "url": uri,
            "mime": "text/html", "status": "200", "filename": FILE,
            "offset": warc.len().to_string(), "length": member.len().to_string()}),
        );
        warc.extend(member);
    }
    let pdf = gz(&record(
        "response",
        "http://www.ccgp.gov.cn/a.pdf",
        b"HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n%PDF",
    ));
    rows.push(
        json!({"url": "http://www.ccgp.gov.cn/a.pdf", "mime": "text/html", "status": "200",
        "filename": FILE, "offset": warc.len(), "length": pdf.len()}),
    );
    warc.extend(pdf);
    let not_warc = gz(b"<html>this member is not a WARC record</html>");
    rows.push(
        json!({"url": "http://www.ccgp.gov.cn/broken.htm", "mime": "text/html",
        "status": "200", "filename": FILE, "offset": warc.len(), "length": not_warc.len()}),
    );
    warc.extend(not_warc);
    rows.push(
        json!({"url": "http://www.ccgp.gov.cn/whole.htm", "mime": "text/html",
        "status": "200", "filename": "whole/file.warc.gz", "offset": 0, "length": 10}),
    );
    Corpus { warc, rows }
}

fn lines(rows: &[Value]) -> String {
    rows.iter().map(|r| format!("{r}\n")).collect()
}

async fn server(corpus: &Corpus) -> MockServer {
    let server = MockServer::start().await;
    let index = format!("/{CRAWL}-index");
    Mock::given(method("GET"))
        .and(path(index.clone()))
        .and(query_param("showNumPages", "true"))
        .and(query_param("url", "ccgp.gov.cn"))
        .and(query_param("matchType", "domain"))
        .and(query_param("filter", "status:200"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_string("{\"pages\": 3, \"pageSize\": 5, \"blocks\": 3}\n"),
        )
        .mount(&server)
        .await;
    // Page 0: three captures; page 1: the rest and a line that is not JSON; page 2: an HTML error.
    let mut page1 = lines(&corpus.rows[3..]);
    page1.push_str("<html>oops</html>\n");
    for (page, body) in [
        ("0", lines(&corpus.rows[..3])),
        ("1", page1),
        ("2", "<html><body>502 Bad Gateway</body></html>".to_string()),
    ] {
        Mock::given(method("GET"))
            .and(path(index.clone()))
            .and(query_param("page", page))
            .and(query_param("output", "json"))
            .respond_with(ResponseTemplate::new(200).set_body_string(body))
            .mount(&server)
            .await;
    }
    Mock::given(method("GET"))
        .and(path(format!("/{FILE}")))
        .respond_with(Ranged(corpus.warc.clone()))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/whole/file.warc.gz"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(corpus.warc.clone(), "application/octet-stream"),
        )
        .mount(&server)
        .await;
    server
}

fn tenderscan() -> Command {
    let mut cmd = Command::cargo_bin("tenderscan").expect("binary");
    cmd.env_remove("TENDERSCAN_VOCAB")
        .env_remove("TENDERSCAN_HISTORY")
        .env_remove("TENDERSCAN_CC_INDEX")
        .env_remove("TENDERSCAN_CC_DATA")
        .env("TENDERSCAN_DATA_DIR", "/nonexistent-tenderscan-data");
    cmd
}

fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

fn content(mut v: Value) -> Value {
    for k in ["source", "final_url", "fetched_at"] {
        v.as_object_mut().unwrap().remove(k);
    }
    v
}

fn cc_crawl(server: &MockServer, state: &std::path::Path, max: &str) -> std::process::Output {
    tenderscan()
        .args([
            "crawl",
            "--source",
            "commoncrawl",
            "--crawl",
            CRAWL,
            "--url",
            "*.ccgp.gov.cn/*",
        ])
        .args([
            "--all",
            "-f",
            "jsonl",
            "--delay",
            "0",
            "--retries",
            "0",
            "--max-pages",
            max,
        ])
        .args([
            "--cc-index",
            &server.uri(),
            "--cc-data",
            &server.uri(),
            "--state",
        ])
        .arg(state)
        .output()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_loopback_common_crawl_gives_the_records_of_the_pages() {
    let corpus = corpus();
    let server = server(&corpus).await;
    let dir = tempfile::tempdir().unwrap();
    let out = cc_crawl(&server, &dir.path().join("state.json"), "100");
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Some captures failed (reported), the others scanned: exit 3.
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    let got = records(&out.stdout);
    let pages: Vec<&Value> = got.iter().filter(|r| r["error"].is_null()).collect();
    assert_eq!(pages.len(), PAGES.len(), "{stderr}");

    let files: Vec<String> = PAGES
        .iter()
        .map(|n| format!("{}/fixtures/{n}", env!("CARGO_MANIFEST_DIR")))
        .collect();
    let direct = tenderscan()
        .args(["scan", "--all", "-f", "jsonl"])
        .args(&files)
        .output()
        .unwrap();
    let direct = records(&direct.stdout);
    for (i, (cc, file)) in pages.iter().zip(&direct).enumerate() {
        assert_eq!(
            content((*cc).clone()),
            content(file.clone()),
            "{}",
            PAGES[i]
        );
        assert_eq!(cc["source"], corpus.rows[i]["url"]);
        let offset = corpus.rows[i]["offset"]
            .as_str()
            .unwrap()
            .parse::<u64>()
            .unwrap();
        let length = corpus.rows[i]["length"]
            .as_str()
            .unwrap()
            .parse::<u64>()
            .unwrap();
        assert_eq!(
            cc["final_url"],
            format!(
                "{}/{FILE}#bytes={offset}-{}",
                server.uri(),
                offset + length - 1
            )
        );
        assert_eq!(cc["fetched_at"], "2024-03-01T12:00:00Z");
    }

    // Bad input: each a clear error, the run went on.
    let error_of = |url: &str| -> String {
        got.iter()
            .find(|r| r["source"] == url)
            .and_then(|r| r["error"].as_str())
            .unwrap_or_else(|| panic!("{url} not reported: {stderr}"))
            .to_string()
    };
    assert!(error_of("http://www.ccgp.gov.cn/broken.htm").contains("not a WARC record"));
    assert!(error_of("http://www.ccgp.gov.cn/whole.htm").contains("ignored the Range request"));
    assert!(error_of("CDX page 2").contains("not JSON"));
    assert!(
        stderr.contains("CDX answer line 6: not a JSON index row"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "3 CDX pages (3 index blocks: at most 9000 captures), 8 records fetched, 5 pages scanned, 1 not HTML/text"
        ),
        "{stderr}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stopped_common_crawl_resumes_where_it_stopped() {
    let corpus = corpus();
    let server = server(&corpus).await;
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let first = cc_crawl(&server, &state, "2");
    let first_stderr = String::from_utf8_lossy(&first.stderr);
    assert!(
        first_stderr.contains("not finished; state in"),
        "{first_stderr}"
    );
    let first = records(&first.stdout);
    assert_eq!(first.len(), 2);
    let second = records(&cc_crawl(&server, &state, "100").stdout);
    let sources: Vec<&str> = first
        .iter()
        .chain(&second)
        .filter(|r| r["error"].is_null())
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = corpus.rows[..PAGES.len()]
        .iter()
        .map(|r| r["url"].as_str().unwrap())
        .collect();
    assert_eq!(sources, expected, "each capture once, in index order");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shards_split_the_cdx_pages() {
    let corpus = corpus();
    let server = server(&corpus).await;
    let dir = tempfile::tempdir().unwrap();
    let mut sources = Vec::new();
    for i in 0..2 {
        let out = tenderscan()
            .args([
                "crawl",
                "--source",
                "commoncrawl",
                "--crawl",
                CRAWL,
                "--url",
                "*.ccgp.gov.cn/*",
            ])
            .args(["--all", "-f", "jsonl", "--delay", "0", "--retries", "0"])
            .args([
                "--cc-index",
                &server.uri(),
                "--cc-data",
                &server.uri(),
                "--state",
            ])
            .arg(dir.path().join(format!("s{i}.json")))
            .args(["--shard", &format!("{i}/2")])
            .output()
            .unwrap();
        let got: Vec<String> = records(&out.stdout)
            .iter()
            .map(|r| r["source"].as_str().unwrap().to_string())
            .collect();
        sources.push(got);
    }
    // Shard 0 has CDX pages 0 and 2 (three captures, then the error page), shard 1 page 1.
    assert_eq!(sources[0].len(), 4, "{:?}", sources[0]);
    assert!(
        sources[0][..3]
            .iter()
            .zip(&corpus.rows[..3])
            .all(|(s, r)| r["url"] == *s)
    );
    // Page 1: two pages, the PDF (no record), the non-WARC member and the ignored range.
    assert_eq!(sources[1].len(), 4, "{:?}", sources[1]);
    assert!(sources[1].iter().all(|s| !sources[0].contains(s)));
}

#[test]
fn a_bad_crawl_id_is_refused() {
    let out = tenderscan()
        .args([
            "crawl",
            "--source",
            "commoncrawl",
            "--crawl",
            "2024-10",
            "--url",
            "x.cn/*",
        ])
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("CC-MAIN-2024-10"));
}
