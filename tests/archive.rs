//! The evidence archive: fetch → archive → read_pages round trip, skip on re-fetch, --refresh.
use std::path::Path;

use sha2::{Digest, Sha256};
use tenderscan::fetch::archive::{ArchiveEntry, read_pages};
use tenderscan::fetch::{FetchOpts, Fetcher, UrlOrigin};
use wiremock::matchers::{header, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn gbk(text: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(text).0.into_owned()
}

fn sha(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn opts(dir: &Path) -> FetchOpts {
    FetchOpts {
        delay: 0.0,
        retries: 0,
        archive: Some(dir.to_path_buf()),
        progress: false,
        ..FetchOpts::default()
    }
}

const NOTICE: &str = "<html><head><title>某大学GPU服务器采购公告</title></head><body>采购人：某大学 预算金额：668.79万元</body></html>";

#[tokio::test]
async fn archive_round_trip_gives_the_same_page() {
    let server = MockServer::start().await;
    let body = gbk(NOTICE);
    Mock::given(path("/old.htm"))
        .respond_with(ResponseTemplate::new(301).insert_header("Location", "/n/1.htm"))
        .mount(&server)
        .await;
    Mock::given(path("/n/1.htm"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(body.clone(), "text/html; charset=gb2312")
                .insert_header("ETag", "\"v1\""),
        )
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let f = Fetcher::new(&opts(dir.path())).unwrap();
    let url = format!("{}/old.htm", server.uri());
    let fetched = f.get(&url, UrlOrigin::User).await.unwrap();

    let pages = read_pages(dir.path()).unwrap();
    assert_eq!(pages.len(), 1);
    let stored = pages.into_iter().next().unwrap().unwrap();
    assert_eq!(stored.source, url);
    assert_eq!(stored.final_url, Some(format!("{}/n/1.htm", server.uri())));
    assert_eq!(stored.fetched_at, fetched.fetched_at);
    assert_eq!(stored.status, Some(200));
    assert_eq!(stored.header_charset.as_deref(), Some("gb2312"));
    assert_eq!(stored.bytes, body);

    // Files are named by hashes only: <sha256 of body>.body/.json and urls/<sha256 of URL>.json.
    let digest = sha(&body);
    assert_eq!(
        std::fs::read(dir.path().join(format!("{digest}.body"))).unwrap(),
        body
    );
    let sidecar: ArchiveEntry =
        serde_json::from_slice(&std::fs::read(dir.path().join(format!("{digest}.json"))).unwrap())
            .unwrap();
    assert_eq!(sidecar.url, url);
    assert_eq!(sidecar.sha256, digest);
    assert_eq!(sidecar.header("etag"), Some("\"v1\""));
    assert_eq!(
        sidecar.header("content-type"),
        Some("text/html; charset=gb2312")
    );
    assert!(
        dir.path()
            .join("urls")
            .join(format!("{}.json", sha(url.as_bytes())))
            .is_file()
    );
}

#[tokio::test]
async fn archived_url_is_not_fetched_again() {
    let server = MockServer::start().await;
    Mock::given(path("/n/1.htm"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(gbk(NOTICE), "text/html"))
        .expect(1)
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("{}/n/1.htm", server.uri());
    let first = Fetcher::new(&opts(dir.path()))
        .unwrap()
        .get(&url, UrlOrigin::User)
        .await
        .unwrap();
    let second = Fetcher::new(&opts(dir.path()))
        .unwrap()
        .get(&url, UrlOrigin::User)
        .await
        .unwrap();
    assert_eq!(second.bytes, first.bytes);
    assert_eq!(second.fetched_at, first.fetched_at);
}

#[tokio::test]
async fn refresh_sends_a_conditional_get_and_a_304_keeps_the_stored_page() {
    let server = MockServer::start().await;
    Mock::given(path("/n/1.htm"))
        .and(header("If-None-Match", "\"v1\""))
        .respond_with(ResponseTemplate::new(304))
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(path("/n/1.htm"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(gbk(NOTICE), "text/html")
                .insert_header("ETag", "\"v1\"")
                .insert_header("Last-Modified", "Wed, 26 Nov 2026 08:00:00 GMT"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("{}/n/1.htm", server.uri());
    let first = Fetcher::new(&opts(dir.path()))
        .unwrap()
        .get(&url, UrlOrigin::User)
        .await
        .unwrap();
    let refreshed = Fetcher::new(&FetchOpts {
        refresh: true,
        ..opts(dir.path())
    })
    .unwrap()
    .get(&url, UrlOrigin::User)
    .await
    .unwrap();
    assert_eq!(refreshed.bytes, first.bytes);
    assert_eq!(refreshed.fetched_at, first.fetched_at);
    let requests = server.received_requests().await.unwrap();
    let conditional = requests
        .iter()
        .rfind(|r| r.url.path() == "/n/1.htm")
        .unwrap();
    assert_eq!(
        conditional
            .headers
            .get("if-modified-since")
            .and_then(|v| v.to_str().ok()),
        Some("Wed, 26 Nov 2026 08:00:00 GMT")
    );
}

#[tokio::test]
async fn refresh_stores_a_changed_page() {
    let server = MockServer::start().await;
    Mock::given(path("/n/1.htm"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(gbk(NOTICE), "text/html"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    let corrected = format!("{NOTICE}<p>更正公告</p>");
    Mock::given(path("/n/1.htm"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(gbk(&corrected), "text/html"))
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("{}/n/1.htm", server.uri());
    Fetcher::new(&opts(dir.path()))
        .unwrap()
        .get(&url, UrlOrigin::User)
        .await
        .unwrap();
    Fetcher::new(&FetchOpts {
        refresh: true,
        ..opts(dir.path())
    })
    .unwrap()
    .get(&url, UrlOrigin::User)
    .await
    .unwrap();
    let pages: Vec<_> = read_pages(dir.path())
        .unwrap()
        .into_iter()
        .map(|p| p.unwrap())
        .collect();
    assert_eq!(pages.len(), 1, "one page per URL: the latest");
    assert_eq!(pages[0].bytes, gbk(&corrected));
    // The first version's body stays as evidence.
    assert!(
        dir.path()
            .join(format!("{}.body", sha(&gbk(NOTICE))))
            .is_file()
    );
}

#[tokio::test]
async fn same_body_under_two_urls_is_stored_once() {
    let server = MockServer::start().await;
    Mock::given(path("/a.htm"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(gbk(NOTICE), "text/html"))
        .mount(&server)
        .await;
    Mock::given(path("/b.htm"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(gbk(NOTICE), "text/html"))
        .mount(&server)
        .await;
    let dir = tempfile::tempdir().unwrap();
    let f = Fetcher::new(&opts(dir.path())).unwrap();
    f.get(&format!("{}/a.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap();
    f.get(&format!("{}/b.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap();
    let bodies = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "body")
        })
        .count();
    assert_eq!(bodies, 1);
    let mut sources: Vec<_> = read_pages(dir.path())
        .unwrap()
        .into_iter()
        .map(|p| p.unwrap().source)
        .collect();
    sources.sort();
    assert_eq!(
        sources,
        vec![
            format!("{}/a.htm", server.uri()),
            format!("{}/b.htm", server.uri())
        ]
    );
}

#[test]
fn damaged_or_missing_archives_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let err = read_pages(dir.path()).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("is not a tenderscan archive (no urls/ folder)"),
        "{err}"
    );

    std::fs::create_dir(dir.path().join("urls")).unwrap();
    let entry = ArchiveEntry {
        url: "http://x.gov.cn/1.htm".into(),
        sha256: sha(b"original"),
        final_url: None,
        status: Some(200),
        headers: vec![],
        fetched_at: None,
        header_charset: None,
    };
    std::fs::write(
        dir.path().join(format!("{}.body", entry.sha256)),
        b"tampered",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("urls").join("x.json"),
        serde_json::to_vec(&entry).unwrap(),
    )
    .unwrap();
    std::fs::write(dir.path().join("urls").join("y.json"), b"{not json").unwrap();
    let pages = read_pages(dir.path()).unwrap();
    assert_eq!(pages.len(), 2);
    assert!(pages.iter().all(|p| p.is_err()));
    let message = format!("{:#}", pages[0].as_ref().unwrap_err());
    assert!(message.contains("does not match its sha256"), "{message}");
}
