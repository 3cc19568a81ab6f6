//! `tenderscan crawl` end to end: the binary against a portal served on loopback (wiremock),
//! checked through the report and the server's request log.
#[path = "portal/gen.rs"]
mod generate;

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const PORTAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/portal");

fn portal_file(name: &str, other_port: u16) -> Vec<u8> {
    let text = std::fs::read_to_string(Path::new(PORTAL).join(name)).expect("portal file");
    text.replace("{other}", &other_port.to_string())
        .into_bytes()
}

async fn serve(server: &MockServer, at: &str, body: Vec<u8>, mime: &str) {
    Mock::given(method("GET"))
        .and(path(at))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body, mime))
        .mount(server)
        .await;
}

/// The three-page portal of `tests/portal/`, with its attachments; `other` is another loopback
/// server that must never be asked.
async fn portal() -> (MockServer, MockServer) {
    let server = MockServer::start().await;
    let other = MockServer::start().await;
    let port = other.address().port();
    let html = "text/html; charset=utf-8";
    serve(
        &server,
        "/list/index.htm",
        portal_file("list_page1.htm", port),
        html,
    )
    .await;
    serve(
        &server,
        "/list/index_1.htm",
        portal_file("list_page2.htm", port),
        html,
    )
    .await;
    serve(
        &server,
        "/list/index_2.htm",
        portal_file("list_page3.htm", port),
        html,
    )
    .await;
    serve(
        &server,
        "/list/index_3.htm",
        portal_file("list_page3.htm", port),
        html,
    )
    .await;
    for n in ["n1", "n2", "n3", "n4", "n5", "n6"] {
        serve(
            &server,
            &format!("/notice/{n}.htm"),
            portal_file(&format!("{n}.htm"), port),
            html,
        )
        .await;
    }
    let bin = "application/octet-stream";
    serve(
        &server,
        "/files/n1-spec.docx",
        generate::docx("技术参数\n计算节点：8 × NVIDIA A100 80GB SXM"),
        bin,
    )
    .await;
    serve(
        &server,
        "/files/n2.pdf",
        generate::pdf("GPU servers with NVIDIA H800, 8 per node"),
        "application/pdf",
    )
    .await;
    serve(
        &server,
        "/files/n2-old.doc",
        vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0],
        bin,
    )
    .await;
    let inner = generate::xlsx(&[&["序号", "服务"], &["1", "Azure OpenAI 服务 调用额度"]]);
    serve(
        &server,
        "/download.do",
        generate::zip(&[("报价清单.xlsx", &inner)]),
        "application/zip",
    )
    .await;
    serve(
        &server,
        "/files/bomb.zip",
        generate::zip_bomb(16),
        "application/zip",
    )
    .await;
    serve(
        &server,
        "/files/broken.docx",
        b"PK\x03\x04 truncated upload".to_vec(),
        bin,
    )
    .await;
    serve(&other, "/notice/n8.htm", portal_file("n1.htm", port), html).await;
    (server, other)
}

async fn requested(server: &MockServer) -> Vec<String> {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .map(|r| r.url.path().to_string())
        .filter(|p| p != "/robots.txt")
        .collect()
}

fn count(paths: &[String], p: &str) -> usize {
    paths.iter().filter(|x| *x == p).count()
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Run the binary off the async runtime (the servers keep answering meanwhile).
async fn tenderscan(args: Vec<String>) -> Run {
    tokio::task::spawn_blocking(move || {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_tenderscan"))
            .args(&args)
            .env_remove("TENDERSCAN_VOCAB")
            .env_remove("TENDERSCAN_LOG")
            .output()
            .expect("run tenderscan");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    })
    .await
    .expect("join")
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Records by URL path.
fn records(stdout: &str) -> BTreeMap<String, Value> {
    stdout
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Value>(l).expect("jsonl"))
        .map(|v| {
            let src = v["source"].as_str().unwrap_or_default().to_string();
            let key = url::Url::parse(&src)
                .map(|u| u.path().to_string())
                .unwrap_or(src);
            (key, v)
        })
        .collect()
}

fn mention_names(record: &Value) -> Vec<(String, String)> {
    record["mentions"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|m| {
                    (
                        m["name"].as_str().unwrap_or("").to_string(),
                        m["attachment"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn attachment_status(record: &Value, name: &str) -> (String, String) {
    record["attachments"]
        .as_array()
        .and_then(|a| a.iter().find(|x| x["name"] == name))
        .map(|x| {
            (
                x["status"].as_str().unwrap_or("").to_string(),
                x["reason"].as_str().unwrap_or("").to_string(),
            )
        })
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn crawl_follows_listings_since_date_with_attachments() {
    let (server, other) = portal().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state.json");
    let start = format!("{}/list/index.htm", server.uri());
    let run = tenderscan(args(&[
        "crawl",
        "--start",
        &start,
        "--since",
        "2025-06-01",
        "--delay",
        "0",
        "--all",
        "-f",
        "jsonl",
        "--state",
        state.to_str().expect("utf-8 path"),
    ]))
    .await;
    assert!(
        run.code == 0 || run.code == 3,
        "exit {}: {}",
        run.code,
        run.stderr
    );
    let paths = requested(&server).await;

    // Three listing pages; the third is all older than --since, so paging stops there.
    for p in ["/list/index.htm", "/list/index_1.htm", "/list/index_2.htm"] {
        assert_eq!(count(&paths, p), 1, "{p} in {paths:?}");
    }
    assert_eq!(count(&paths, "/list/index_3.htm"), 0, "{paths:?}");
    // Notices dated on or after 2025-06-01 are fetched once (n1 is listed twice); older ones never.
    for p in [
        "/notice/n1.htm",
        "/notice/n2.htm",
        "/notice/n3.htm",
        "/notice/n4.htm",
    ] {
        assert_eq!(count(&paths, p), 1, "{p} in {paths:?}");
    }
    assert_eq!(
        count(&paths, "/notice/n5.htm") + count(&paths, "/notice/n6.htm"),
        0,
        "{paths:?}"
    );
    // A link to another loopback port is refused; the off-site link is not followed.
    assert!(
        requested(&other).await.is_empty(),
        "other loopback port was asked"
    );
    assert!(run.stderr.contains("/notice/n8.htm"), "{}", run.stderr);
    assert!(!run.stdout.contains("www.example.com"), "{}", run.stdout);
    // A finished crawl leaves no resume state behind.
    assert!(!state.exists());

    let recs = records(&run.stdout);
    assert_eq!(
        recs.keys().cloned().collect::<Vec<_>>(),
        [
            "/notice/n1.htm",
            "/notice/n2.htm",
            "/notice/n3.htm",
            "/notice/n4.htm"
        ]
    );

    // DOCX: the chip is named only in the attachment.
    let n1 = &recs["/notice/n1.htm"];
    assert_eq!(
        attachment_status(n1, "采购需求.docx"),
        ("scanned".into(), "".into())
    );
    let a100 = mention_names(n1)
        .into_iter()
        .find(|(n, _)| n == "NVIDIA A100");
    let a100_from = a100.map(|(_, from)| from).unwrap_or_default();
    assert!(
        a100_from.starts_with("采购需求.docx (http://127.0.0.1:")
            && a100_from.ends_with("/files/n1-spec.docx)"),
        "{n1}"
    );

    // PDF (when pdftotext is installed) and an old .doc skipped with its reason.
    let n2 = &recs["/notice/n2.htm"];
    let (doc_status, doc_reason) = attachment_status(n2, "报价表.doc");
    assert_eq!(doc_status, "skipped");
    assert!(doc_reason.contains("old binary Word .doc"), "{doc_reason}");
    if generate::have_pdftotext() {
        assert_eq!(attachment_status(n2, "磋商文件.pdf").0, "scanned");
        assert!(
            mention_names(n2)
                .iter()
                .any(|(n, from)| n == "NVIDIA H800" && from.starts_with("磋商文件.pdf (")),
            "{n2}"
        );
    } else {
        eprintln!("PDF assertion skipped: pdftotext not installed");
        assert_eq!(
            attachment_status(n2, "磋商文件.pdf"),
            (
                "skipped".into(),
                "pdftotext not installed; apt-get install poppler-utils".into()
            )
        );
    }

    // ZIP linked with its type only in the query string (file_name=…zip), an XLSX inside.
    let n3 = &recs["/notice/n3.htm"];
    assert_eq!(attachment_status(n3, "招标文件.zip").0, "scanned", "{n3}");
    assert!(
        mention_names(n3)
            .iter()
            .any(|(n, from)| n == "Azure OpenAI" && from.starts_with("招标文件.zip (")),
        "{n3}"
    );

    // A zip bomb and a corrupt DOCX are skipped; the notice's own text is still scanned.
    let n4 = &recs["/notice/n4.htm"];
    let (bomb_status, bomb_reason) = attachment_status(n4, "资料包.zip");
    assert_eq!(bomb_status, "skipped");
    assert!(bomb_reason.contains("possible zip bomb"), "{bomb_reason}");
    let (broken_status, broken_reason) = attachment_status(n4, "参数.docx");
    assert_eq!(broken_status, "skipped");
    assert!(broken_reason.starts_with("corrupt DOCX"), "{broken_reason}");
    assert!(
        mention_names(n4).iter().any(|(_, from)| from.is_empty()),
        "page mention expected: {n4}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn max_pages_stops_and_state_resumes() {
    let (server, _other) = portal().await;
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state.json");
    let state_arg = state.to_str().expect("utf-8 path").to_string();
    let start = format!("{}/list/index.htm", server.uri());
    let common = |extra: &[&str]| {
        let mut a = args(&[
            "crawl",
            "--start",
            &start,
            "--since",
            "2025-06-01",
            "--delay",
            "0",
            "--no-attachments",
            "--all",
            "-f",
            "jsonl",
            "--state",
            &state_arg,
        ]);
        a.extend(extra.iter().map(|s| s.to_string()));
        a
    };
    // Budget 3: the first listing page and its first two notices.
    let first = tenderscan(common(&["--max-pages", "3"])).await;
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(
        requested(&server).await,
        ["/list/index.htm", "/notice/n1.htm", "/notice/n2.htm"]
    );
    assert!(
        first.stderr.contains("--max-pages 3 reached"),
        "{}",
        first.stderr
    );
    assert!(state.exists(), "state saved when the budget ran out");

    // The same command continues: nothing fetched twice, the rest of the window fetched.
    let second = tenderscan(common(&[])).await;
    assert_eq!(second.code, 0, "{}", second.stderr);
    let paths = requested(&server).await;
    assert_eq!(
        paths,
        [
            "/list/index.htm",
            "/notice/n1.htm",
            "/notice/n2.htm",
            "/list/index_1.htm",
            "/notice/n3.htm",
            "/notice/n4.htm",
            "/list/index_2.htm"
        ]
    );
    assert_eq!(
        records(&second.stdout).keys().cloned().collect::<Vec<_>>(),
        ["/notice/n3.htm", "/notice/n4.htm"]
    );
    assert!(!state.exists(), "finished crawl removes its state");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn source_file_template_paging_and_encoded_query() {
    let server = MockServer::start().await;
    let listing = r#"<html><body><ul class="vT-srch-result-list-bid">
      <li><a href="/cggg/dfgg/gkzb/202506/t20250603_1.htm">某大学云服务采购公开招标公告</a><p>项目编号 2024-01-01</p>
      <span>2025.06.03 09:49:53 | 采购人：某大学 | 代理机构：某公司</span></li></ul></body></html>"#;
    Mock::given(method("GET"))
        .and(path("/bxsearch"))
        .and(wiremock::matchers::query_param("page_index", "1"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(listing.as_bytes().to_vec(), "text/html; charset=utf-8"),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/bxsearch"))
        .and(wiremock::matchers::query_param("page_index", "2"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            b"<ul class=\"vT-srch-result-list-bid\"></ul>".to_vec(),
            "text/html",
        ))
        .mount(&server)
        .await;
    serve(
        &server,
        "/cggg/dfgg/gkzb/202506/t20250603_1.htm",
        b"<html><head><title>t</title></head><body><p>AWS</p></body></html>".to_vec(),
        "text/html",
    )
    .await;
    let dir = tempfile::tempdir().expect("tempdir");
    let source = dir.path().join("search.toml");
    std::fs::write(
        &source,
        format!(
            "name = \"loop-search\"\nurl_template = \"{}/bxsearch?page_index={{page}}&kw={{kw}}&start_time={{start}}&end_time={{end}}&timeType=6\"\n\
             date_format = \"%Y:%m:%d\"\nitem_selector = \"ul.vT-srch-result-list-bid > li\"\ndate_selector = \"span\"\n",
            server.uri()
        ),
    )
    .expect("write source");
    let run = tenderscan(args(&[
        "crawl",
        "--source",
        source.to_str().expect("utf-8"),
        "--kw",
        "亚马逊云",
        "--since",
        "2025-06-01",
        "--until",
        "2025-06-07",
        "--delay",
        "0",
        "--all",
        "-f",
        "jsonl",
        "--state",
        dir.path().join("s.json").to_str().expect("utf-8"),
    ]))
    .await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    let reqs = server.received_requests().await.unwrap_or_default();
    let queries: Vec<String> = reqs
        .iter()
        .filter(|r| r.url.path() == "/bxsearch")
        .map(|r| r.url.query().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        queries,
        [
            "page_index=1&kw=%E4%BA%9A%E9%A9%AC%E9%80%8A%E4%BA%91&start_time=2025%3A06%3A01&end_time=2025%3A06%3A07&timeType=6",
            "page_index=2&kw=%E4%BA%9A%E9%A9%AC%E9%80%8A%E4%BA%91&start_time=2025%3A06%3A01&end_time=2025%3A06%3A07&timeType=6",
        ]
    );
    assert!(
        reqs.iter()
            .any(|r| r.url.path() == "/cggg/dfgg/gkzb/202506/t20250603_1.htm")
    );
    assert!(
        !run.stderr.contains("layout may have changed"),
        "an empty page past the end is normal: {}",
        run.stderr
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn listing_without_matches_warns_with_url() {
    let server = MockServer::start().await;
    serve(
        &server,
        "/list/index.htm",
        b"<html><body><div class=\"new-layout\">loading...</div></body></html>".to_vec(),
        "text/html",
    )
    .await;
    let dir = tempfile::tempdir().expect("tempdir");
    let start = format!("{}/list/index.htm", server.uri());
    let run = tenderscan(args(&[
        "crawl",
        "--start",
        &start,
        "--delay",
        "0",
        "--state",
        dir.path().join("s.json").to_str().expect("utf-8"),
    ]))
    .await;
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "{start}: no notice links matched `li, tr` (the portal's layout may have changed)"
        )),
        "{}",
        run.stderr
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_source_file_names_the_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    let source = dir.path().join("bad.toml");
    std::fs::write(
        &source,
        "name = \"bad\"\nstart_urls = [\"http://127.0.0.1:9/\"]\nitem_selector = \"ul >> li[\"\n",
    )
    .expect("write");
    let run = tenderscan(args(&[
        "crawl",
        "--source",
        source.to_str().expect("utf-8"),
    ]))
    .await;
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("field `item_selector`: bad CSS selector"),
        "{}",
        run.stderr
    );

    std::fs::write(
        &source,
        "name = \"bad\"\nstart_urls = \"http://127.0.0.1:9/\"\n",
    )
    .expect("write");
    let run = tenderscan(args(&[
        "crawl",
        "--source",
        source.to_str().expect("utf-8"),
    ]))
    .await;
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("start_urls"), "{}", run.stderr);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ccgp_search_needs_a_keyword_and_presets_print() {
    let run = tenderscan(args(&["crawl", "--source", "ccgp-search"])).await;
    assert_eq!(run.code, 2, "a usage error");
    assert!(
        run.stderr
            .contains("source ccgp-search searches by keyword: give --kw WORD"),
        "{}",
        run.stderr
    );
    let run = tenderscan(args(&["crawl", "--show-source", "ccgp-search"])).await;
    assert_eq!(run.code, 0);
    assert!(
        run.stdout
            .contains("item_selector = \"ul.vT-srch-result-list-bid > li"),
        "{}",
        run.stdout
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ctrl_c_saves_state_and_the_next_run_resumes() {
    let (server, _other) = portal().await;
    // n2 answers slowly, so that the interrupt lands while it is being fetched.
    Mock::given(method("GET"))
        .and(path("/notice/n2.htm"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(portal_file("n2.htm", 9), "text/html")
                .set_delay(std::time::Duration::from_millis(1500)),
        )
        .with_priority(1)
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().expect("tempdir");
    let state = dir.path().join("state.json");
    let start = format!("{}/list/index.htm", server.uri());
    let run_args = args(&[
        "crawl",
        "--start",
        &start,
        "--since",
        "2025-06-01",
        "--delay",
        "0",
        "--no-attachments",
        "--all",
        "-f",
        "jsonl",
        "--state",
        state.to_str().expect("utf-8"),
    ]);
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_tenderscan"))
        .args(&run_args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    // Wait (by the request log, not by the clock) until n2 is being fetched, then press Ctrl-C.
    let mut child = child;
    let mut polls = 0;
    while !requested(&server)
        .await
        .iter()
        .any(|p| p == "/notice/n2.htm")
    {
        polls += 1;
        if polls > 1500 || child.try_wait().ok().flatten().is_some() {
            let _ = child.kill();
            panic!(
                "the crawl never reached /notice/n2.htm: {:?}",
                requested(&server).await
            );
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let pid = child.id().to_string();
    std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .expect("kill -INT");
    let out = tokio::task::spawn_blocking(move || child.wait_with_output())
        .await
        .expect("join")
        .expect("wait");
    assert_eq!(
        out.status.code(),
        Some(130),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(state.exists(), "state saved on Ctrl-C");
    // The page in flight was finished and reported.
    let first = records(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(
        first.keys().cloned().collect::<Vec<_>>(),
        ["/notice/n1.htm", "/notice/n2.htm"]
    );

    let second = tenderscan(run_args.clone()).await;
    assert_eq!(second.code, 0, "{}", second.stderr);
    assert_eq!(
        records(&second.stdout).keys().cloned().collect::<Vec<_>>(),
        ["/notice/n3.htm", "/notice/n4.htm"]
    );
    let paths = requested(&server).await;
    for p in [
        "/list/index.htm",
        "/notice/n1.htm",
        "/notice/n2.htm",
        "/notice/n3.htm",
    ] {
        assert_eq!(count(&paths, p), 1, "{p} in {paths:?}");
    }
    assert!(!state.exists());
}
