//! The fetcher against real HTTP servers on loopback (wiremock, or a tiny tokio server where
//! connection resets or in-flight counting are needed). No real sleeps: waits are recorded.
use std::io::Write as _;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::future::BoxFuture;
use tenderscan::fetch::{FetchOpts, Fetcher, Sleeper, UrlOrigin, Wait, WaitReason};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Records every wait instead of sleeping, so schedules are asserted without wall time.
#[derive(Default)]
struct Recorder(Mutex<Vec<Wait>>);

impl Sleeper for Recorder {
    fn sleep(&self, wait: Wait) -> BoxFuture<'static, ()> {
        self.0.lock().unwrap().push(wait);
        Box::pin(async {})
    }
}

impl Recorder {
    fn waits(&self) -> Vec<Wait> {
        self.0.lock().unwrap().clone()
    }
}

fn quick_opts() -> FetchOpts {
    FetchOpts {
        delay: 0.0,
        retries: 2,
        timeout: 10.0,
        connect_timeout: 5.0,
        ..FetchOpts::default()
    }
}

fn fetcher(opts: &FetchOpts) -> (Fetcher, Arc<Recorder>) {
    let recorder = Arc::new(Recorder::default());
    let fetcher = Fetcher::new(opts).unwrap().with_sleeper(recorder.clone());
    (fetcher, recorder)
}

fn gbk(text: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(text).0.into_owned()
}

const NOTICE: &str = "<html><head><title>某大学云服务采购项目中标公告</title></head><body><p>采购人：某大学</p></body></html>";

#[tokio::test]
async fn gbk_page_served_as_bare_text_html_keeps_its_bytes() {
    let server = MockServer::start().await;
    let body = gbk(NOTICE);
    Mock::given(path("/gbk.htm"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body.clone(), "text/html"))
        .mount(&server)
        .await;
    let (f, _) = fetcher(&quick_opts());
    let url = format!("{}/gbk.htm", server.uri());
    let page = f.get(&url, UrlOrigin::User).await.unwrap();
    assert_eq!(page.bytes, body);
    assert_eq!(page.header_charset, None);
    assert_eq!(page.status, Some(200));
    assert_eq!(page.source, url);
    assert_eq!(page.final_url.as_deref(), Some(url.as_str()));
    let fetched_at = page.fetched_at.unwrap();
    assert!(
        fetched_at.parse::<jiff::Timestamp>().is_ok(),
        "{fetched_at} is not RFC 3339"
    );
}

#[tokio::test]
async fn wrong_charset_header_is_kept_as_given() {
    let server = MockServer::start().await;
    let body = gbk(NOTICE);
    Mock::given(path("/wrong.htm"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(body.clone(), "text/html; charset=UTF-8"),
        )
        .mount(&server)
        .await;
    let (f, _) = fetcher(&quick_opts());
    let page = f
        .get(&format!("{}/wrong.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap();
    assert_eq!(page.header_charset.as_deref(), Some("UTF-8"));
    assert_eq!(page.bytes, body, "the fetcher never decodes");
}

#[tokio::test]
async fn robots_disallow_refuses_the_url_without_requesting_it() {
    let server = MockServer::start().await;
    Mock::given(path("/robots.txt"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw("User-agent: *\nDisallow: /private/\n", "text/plain"),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(path("/private/a.htm"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(NOTICE, "text/html"))
        .expect(0)
        .mount(&server)
        .await;
    Mock::given(path("/public/b.htm"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(NOTICE, "text/html"))
        .expect(1)
        .mount(&server)
        .await;
    let (f, _) = fetcher(&quick_opts());
    let err = f
        .get(&format!("{}/private/a.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap_err();
    assert_eq!(err.message, "disallowed by robots.txt");
    // robots.txt is fetched once per host: the second URL re-uses it (expect(1) above).
    f.get(&format!("{}/public/b.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap();
}

#[tokio::test]
async fn crawl_delay_sets_the_gap_between_requests() {
    let server = MockServer::start().await;
    Mock::given(path("/robots.txt"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw("User-agent: *\nCrawl-delay: 5\n", "text/plain"),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(NOTICE, "text/html"))
        .mount(&server)
        .await;
    let (f, recorder) = fetcher(&FetchOpts {
        delay: 1.0,
        ..quick_opts()
    });
    f.get(&format!("{}/1.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap();
    f.get(&format!("{}/2.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap();
    let gaps: Vec<_> = recorder
        .waits()
        .into_iter()
        .filter_map(|w| match w.reason {
            WaitReason::Politeness { base, gap } => Some((base, gap, w.duration)),
            _ => None,
        })
        .collect();
    // Between robots.txt and page 1 the plain --delay applies (robots not yet known); between
    // page 1 and page 2 the Crawl-delay: base 5 s, jittered upwards only, at most ×1.5.
    let (base, gap, wait) = *gaps.last().unwrap();
    assert_eq!(base, Duration::from_secs(5));
    assert!(
        gap >= Duration::from_secs(5) && gap < Duration::from_millis(7500),
        "gap {gap:?}"
    );
    assert!(wait <= gap);
}

#[tokio::test]
async fn crawl_delay_beyond_the_cap_is_cut() {
    let server = MockServer::start().await;
    Mock::given(path("/robots.txt"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw("User-agent: *\nCrawl-delay: 3600\n", "text/plain"),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(NOTICE, "text/html"))
        .mount(&server)
        .await;
    let (f, recorder) = fetcher(&FetchOpts {
        max_crawl_delay: 20.0,
        ..quick_opts()
    });
    f.get(&format!("{}/1.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap();
    f.get(&format!("{}/2.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap();
    let last = recorder
        .waits()
        .into_iter()
        .rev()
        .find(|w| matches!(w.reason, WaitReason::Politeness { .. }))
        .unwrap();
    assert!(
        matches!(last.reason, WaitReason::Politeness { base, .. } if base == Duration::from_secs(20))
    );
}

#[tokio::test]
async fn retry_after_seconds_is_honoured() {
    let server = MockServer::start().await;
    Mock::given(path("/busy.htm"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "7"))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path("/busy.htm"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(NOTICE, "text/html"))
        .mount(&server)
        .await;
    let (f, recorder) = fetcher(&quick_opts());
    let page = f
        .get(&format!("{}/busy.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap();
    assert_eq!(page.status, Some(200));
    let waits = recorder.waits();
    let retry = waits
        .iter()
        .find(|w| matches!(w.reason, WaitReason::RetryAfter { attempt: 1 }))
        .unwrap();
    assert_eq!(retry.duration, Duration::from_secs(7));
    assert_eq!(retry.host, "127.0.0.1");
}

#[tokio::test]
async fn retry_after_http_date_is_honoured() {
    let server = MockServer::start().await;
    let when = httpdate::fmt_http_date(std::time::SystemTime::now() + Duration::from_secs(30));
    Mock::given(path("/busy.htm"))
        .respond_with(ResponseTemplate::new(503).insert_header("Retry-After", when.as_str()))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path("/busy.htm"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(NOTICE, "text/html"))
        .mount(&server)
        .await;
    let (f, recorder) = fetcher(&quick_opts());
    f.get(&format!("{}/busy.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap();
    let retry = recorder
        .waits()
        .into_iter()
        .find(|w| matches!(w.reason, WaitReason::RetryAfter { .. }))
        .unwrap();
    // HTTP dates have one-second resolution: 30 s from now is 29–30 s once the request is made.
    assert!(
        retry.duration >= Duration::from_secs(28) && retry.duration <= Duration::from_secs(30),
        "{:?}",
        retry.duration
    );
}

#[tokio::test]
async fn retry_after_beyond_the_cap_fails_the_url() {
    let server = MockServer::start().await;
    Mock::given(path("/busy.htm"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "3600"))
        .expect(1)
        .mount(&server)
        .await;
    let (f, recorder) = fetcher(&quick_opts());
    let err = f
        .get(&format!("{}/busy.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap_err();
    assert_eq!(
        err.message,
        "HTTP 429 Too Many Requests: server asks to wait 3600 s, more than --max-retry-after 300 s"
    );
    assert!(
        recorder
            .waits()
            .iter()
            .all(|w| !matches!(w.reason, WaitReason::RetryAfter { .. }))
    );
}

#[tokio::test]
async fn server_error_then_success_is_retried_with_backoff() {
    let server = MockServer::start().await;
    Mock::given(path("/flaky.htm"))
        .respond_with(ResponseTemplate::new(500))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path("/flaky.htm"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(NOTICE, "text/html"))
        .mount(&server)
        .await;
    let (f, recorder) = fetcher(&quick_opts());
    let page = f
        .get(&format!("{}/flaky.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap();
    assert_eq!(page.bytes, NOTICE.as_bytes());
    let backoff = recorder
        .waits()
        .into_iter()
        .find(|w| matches!(w.reason, WaitReason::Backoff { attempt: 1 }))
        .unwrap();
    // First backoff step: 1 s × jitter in [0.5, 1.5).
    assert!(
        backoff.duration >= Duration::from_millis(500)
            && backoff.duration < Duration::from_millis(1500)
    );
    let hits = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.url.path() == "/flaky.htm")
        .count();
    assert_eq!(hits, 2);
}

#[tokio::test]
async fn persistent_server_error_gives_up_after_the_retries() {
    let server = MockServer::start().await;
    Mock::given(path("/down.htm"))
        .respond_with(ResponseTemplate::new(502))
        .expect(3)
        .mount(&server)
        .await;
    let (f, _) = fetcher(&quick_opts());
    let err = f
        .get(&format!("{}/down.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap_err();
    assert_eq!(err.message, "HTTP 502 Bad Gateway (after 3 attempts)");
}

#[tokio::test]
async fn not_found_is_a_failure_without_retry() {
    let server = MockServer::start().await;
    Mock::given(path("/gone.htm"))
        .respond_with(ResponseTemplate::new(404))
        .expect(1)
        .mount(&server)
        .await;
    let (f, _) = fetcher(&quick_opts());
    let err = f
        .get(&format!("{}/gone.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap_err();
    assert_eq!(err.message, "HTTP 404 Not Found");
}

#[tokio::test]
async fn redirects_are_followed_and_a_loop_is_a_clear_failure() {
    let server = MockServer::start().await;
    Mock::given(path("/old.htm"))
        .respond_with(ResponseTemplate::new(301).insert_header("Location", "/new.htm"))
        .mount(&server)
        .await;
    Mock::given(path("/new.htm"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(NOTICE, "text/html"))
        .mount(&server)
        .await;
    Mock::given(path("/a"))
        .respond_with(ResponseTemplate::new(302).insert_header("Location", "/b"))
        .mount(&server)
        .await;
    Mock::given(path("/b"))
        .respond_with(ResponseTemplate::new(302).insert_header("Location", "/a"))
        .mount(&server)
        .await;
    let (f, _) = fetcher(&quick_opts());
    let page = f
        .get(&format!("{}/old.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap();
    assert_eq!(page.final_url, Some(format!("{}/new.htm", server.uri())));
    let err = f
        .get(&format!("{}/a", server.uri()), UrlOrigin::User)
        .await
        .unwrap_err();
    let u = server.uri();
    assert_eq!(err.message, format!("redirect loop: {u}/a → {u}/b → {u}/a"));
}

#[tokio::test]
async fn too_many_redirects_is_a_clear_failure() {
    let server = MockServer::start().await;
    for i in 0..5 {
        Mock::given(path(format!("/r{i}")))
            .respond_with(
                ResponseTemplate::new(302)
                    .insert_header("Location", format!("/r{}", i + 1).as_str()),
            )
            .mount(&server)
            .await;
    }
    let (f, _) = fetcher(&FetchOpts {
        max_redirects: 3,
        ..quick_opts()
    });
    let err = f
        .get(&format!("{}/r0", server.uri()), UrlOrigin::User)
        .await
        .unwrap_err();
    assert_eq!(
        err.message,
        format!("too many redirects (more than 3), last {}/r4", server.uri())
    );
}

#[tokio::test]
async fn meta_refresh_is_followed() {
    let server = MockServer::start().await;
    let hop = r#"<html><head><meta http-equiv="refresh" content="0; url=/notice/1.htm"></head><body></body></html>"#;
    Mock::given(path("/index.htm"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(hop, "text/html"))
        .mount(&server)
        .await;
    Mock::given(path("/notice/1.htm"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(NOTICE, "text/html"))
        .mount(&server)
        .await;
    let (f, _) = fetcher(&quick_opts());
    let url = format!("{}/index.htm", server.uri());
    let page = f.get(&url, UrlOrigin::User).await.unwrap();
    assert_eq!(page.source, url);
    assert_eq!(
        page.final_url,
        Some(format!("{}/notice/1.htm", server.uri()))
    );
    assert_eq!(page.bytes, NOTICE.as_bytes());
}

#[tokio::test]
async fn slow_server_past_the_timeout_fails() {
    let server = MockServer::start().await;
    Mock::given(path("/slow.htm"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(NOTICE, "text/html")
                .set_delay(Duration::from_secs(5)),
        )
        .mount(&server)
        .await;
    let (f, _) = fetcher(&FetchOpts {
        timeout: 0.3,
        retries: 0,
        ignore_robots: true,
        ..quick_opts()
    });
    let err = f
        .get(&format!("{}/slow.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap_err();
    assert_eq!(
        err.message,
        "timed out (--timeout 0.3 s, --connect-timeout 5 s) (after 1 attempt)"
    );
}

#[tokio::test]
async fn oversized_body_is_refused() {
    let server = MockServer::start().await;
    Mock::given(path("/big.htm"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(vec![b'a'; 2 << 20], "text/html"))
        .mount(&server)
        .await;
    let (f, _) = fetcher(&FetchOpts {
        max_bytes: 1 << 20,
        ..quick_opts()
    });
    let err = f
        .get(&format!("{}/big.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap_err();
    assert_eq!(
        err.message,
        "response too large: Content-Length 2097152 bytes exceeds --max-bytes 1048576"
    );
}

#[tokio::test]
async fn gzip_bomb_is_stopped_by_the_decompressed_cap() {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..64 {
        encoder.write_all(&zeros).unwrap();
    }
    let bomb = encoder.finish().unwrap();
    assert!(
        bomb.len() < 1 << 20,
        "the bomb itself is small: {}",
        bomb.len()
    );
    let server = MockServer::start().await;
    Mock::given(path("/bomb.htm"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(bomb, "text/html")
                .insert_header("Content-Encoding", "gzip"),
        )
        .mount(&server)
        .await;
    let (f, _) = fetcher(&FetchOpts {
        max_bytes: 1 << 20,
        ..quick_opts()
    });
    let err = f
        .get(&format!("{}/bomb.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap_err();
    assert_eq!(
        err.message,
        "response too large: more than --max-bytes 1048576 bytes (after decompression)"
    );
}

#[tokio::test]
async fn gzip_page_is_decompressed() {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(&gbk(NOTICE)).unwrap();
    let server = MockServer::start().await;
    Mock::given(path("/z.htm"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(encoder.finish().unwrap(), "text/html")
                .insert_header("Content-Encoding", "gzip"),
        )
        .mount(&server)
        .await;
    let (f, _) = fetcher(&quick_opts());
    let page = f
        .get(&format!("{}/z.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap();
    assert_eq!(page.bytes, gbk(NOTICE));
}

#[tokio::test]
async fn captcha_page_is_blocked() {
    let server = MockServer::start().await;
    let challenge = "<html><head><title>频繁访问!</title></head><body>您的访问过于频繁，请输入验证码</body></html>";
    Mock::given(path("/search"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(challenge, "text/html; charset=utf-8"),
        )
        .mount(&server)
        .await;
    let bot = r#"<html><body><script id="keyparam" src="/_bot_sbu/sbu_fpcm.js"></script><script>document.cookie="HOY_TR=a,b,c; max-age=31536000"</script></body></html>"#;
    Mock::given(path("/detail.htm"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(bot, "text/html"))
        .mount(&server)
        .await;
    let (f, _) = fetcher(&quick_opts());
    let err = f
        .get(&format!("{}/search", server.uri()), UrlOrigin::User)
        .await
        .unwrap_err();
    assert!(err.is_blocked());
    assert_eq!(
        err.message,
        "blocked: page title says \"频繁访问\" (anti-bot or CAPTCHA page)"
    );
    let err = f
        .get(&format!("{}/detail.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap_err();
    assert_eq!(
        err.message,
        "blocked: bot-check script and no notice content (anti-bot challenge page)"
    );
}

#[tokio::test]
async fn bad_urls_are_per_url_failures() {
    let (f, _) = fetcher(&quick_opts());
    let cases = [
        ("not a url", "invalid URL: relative URL without a base"),
        (
            "ftp://ftp.example.com/notice.doc",
            "unsupported URL scheme ftp: (only http and https are fetched)",
        ),
        (
            "file:///etc/passwd",
            "unsupported URL scheme file: (only http and https are fetched)",
        ),
        (
            "data:text/html,<p>x</p>",
            "unsupported URL scheme data: (only http and https are fetched)",
        ),
        ("http://[::1", "invalid URL: invalid IPv6 address"),
    ];
    for (url, message) in cases {
        let err = f.get(url, UrlOrigin::User).await.unwrap_err();
        assert_eq!((err.url.as_str(), err.message.as_str()), (url, message));
    }
    // .invalid never resolves (RFC 6761).
    let err = f
        .get("http://no-such-portal.invalid/notice.htm", UrlOrigin::User)
        .await
        .unwrap_err();
    assert!(
        err.message
            .starts_with("host no-such-portal.invalid does not resolve"),
        "{}",
        err.message
    );
}

#[tokio::test]
async fn page_links_to_internal_addresses_are_refused() {
    let portal = MockServer::start().await;
    let other = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(NOTICE, "text/html"))
        .mount(&portal)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(NOTICE, "text/html"))
        .expect(0)
        .mount(&other)
        .await;
    let (f, _) = fetcher(&quick_opts());
    // Before the crawler allows its portal, even the portal's own links are refused.
    let err = f
        .get(&format!("{}/n/1.htm", portal.uri()), UrlOrigin::Page)
        .await
        .unwrap_err();
    assert!(
        err.message.starts_with("refused: 127.0.0.1:"),
        "{}",
        err.message
    );
    f.allow_origin("127.0.0.1", portal.address().port());
    f.get(&format!("{}/n/1.htm", portal.uri()), UrlOrigin::Page)
        .await
        .unwrap();
    // Another port on loopback, and another loopback address, stay refused.
    let err = f
        .get(&format!("{}/x", other.uri()), UrlOrigin::Page)
        .await
        .unwrap_err();
    assert_eq!(
        err.message,
        format!(
            "refused: 127.0.0.1:{} resolves to internal address 127.0.0.1 (links and redirects may not reach loopback, private or link-local hosts)",
            other.address().port()
        )
    );
    let err = f
        .get(
            &format!("http://127.0.0.2:{}/x", portal.address().port()),
            UrlOrigin::Page,
        )
        .await
        .unwrap_err();
    assert!(
        err.message.starts_with("refused: 127.0.0.2:"),
        "{}",
        err.message
    );
    let err = f
        .get("http://169.254.169.254/latest/meta-data/", UrlOrigin::Page)
        .await
        .unwrap_err();
    assert!(
        err.message.starts_with("refused: 169.254.169.254:80"),
        "{}",
        err.message
    );
}

#[tokio::test]
async fn redirect_from_a_user_url_to_another_internal_port_is_refused() {
    let portal = MockServer::start().await;
    let other = MockServer::start().await;
    Mock::given(path("/go"))
        .respond_with(
            ResponseTemplate::new(302)
                .insert_header("Location", format!("{}/secret", other.uri()).as_str()),
        )
        .mount(&portal)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(NOTICE, "text/html"))
        .expect(0)
        .mount(&other)
        .await;
    let (f, _) = fetcher(&quick_opts());
    let err = f
        .get(&format!("{}/go", portal.uri()), UrlOrigin::User)
        .await
        .unwrap_err();
    assert!(
        err.message
            .starts_with(&format!("refused: 127.0.0.1:{}", other.address().port())),
        "{}",
        err.message
    );
}

#[tokio::test]
async fn user_agent_is_sent_and_can_be_set() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(NOTICE, "text/html"))
        .mount(&server)
        .await;
    let (f, _) = fetcher(&quick_opts());
    f.get(&format!("{}/1.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap();
    let (g, _) = fetcher(&FetchOpts {
        user_agent: Some("newsroom-bot/1.0 (tips@example.org)".into()),
        ..quick_opts()
    });
    g.get(&format!("{}/2.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap();
    let agents: Vec<(String, String)> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .filter(|r| r.url.path() != "/robots.txt")
        .map(|r| {
            (
                r.url.path().to_string(),
                r.headers
                    .get("user-agent")
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default()
                    .to_string(),
            )
        })
        .collect();
    assert_eq!(
        agents[0],
        (
            "/1.htm".to_string(),
            tenderscan::fetch::default_user_agent()
        )
    );
    assert_eq!(
        agents[1],
        (
            "/2.htm".to_string(),
            "newsroom-bot/1.0 (tips@example.org)".to_string()
        )
    );
}

#[tokio::test]
async fn robots_server_error_disallows_the_host() {
    let server = MockServer::start().await;
    Mock::given(path("/robots.txt"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    Mock::given(path("/1.htm"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(NOTICE, "text/html"))
        .expect(0)
        .mount(&server)
        .await;
    let (f, _) = fetcher(&FetchOpts {
        retries: 1,
        ..quick_opts()
    });
    let err = f
        .get(&format!("{}/1.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap_err();
    assert_eq!(
        err.message,
        "disallowed: robots.txt answered HTTP 503, treated as disallow-all (RFC 9309)"
    );
    // --ignore-robots fetches anyway.
    let (g, _) = fetcher(&FetchOpts {
        ignore_robots: true,
        ..quick_opts()
    });
    assert!(
        g.get(&format!("{}/2.htm", server.uri()), UrlOrigin::User)
            .await
            .is_err_and(|e| e.message == "HTTP 404 Not Found")
    );
}

#[tokio::test]
async fn pdf_attachment_is_not_mistaken_for_a_challenge() {
    let server = MockServer::start().await;
    let pdf = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\n% captcha\n%%EOF".to_vec();
    Mock::given(path("/att.pdf"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(pdf.clone(), "application/pdf"))
        .mount(&server)
        .await;
    let (f, _) = fetcher(&quick_opts());
    let page = f
        .get(&format!("{}/att.pdf", server.uri()), UrlOrigin::User)
        .await
        .unwrap();
    assert_eq!(page.bytes, pdf);
}

#[tokio::test]
async fn fetched_at_is_rfc3339_to_the_second() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(NOTICE, "text/html"))
        .mount(&server)
        .await;
    let (f, _) = fetcher(&quick_opts());
    let page = f
        .get(&format!("{}/1.htm", server.uri()), UrlOrigin::User)
        .await
        .unwrap();
    let at = page.fetched_at.unwrap();
    assert_eq!(at.len(), "2026-11-28T02:45:00Z".len(), "{at}");
    assert!(at.ends_with('Z'));
}

#[tokio::test]
async fn host_names_resolve_through_the_checked_addresses() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(NOTICE, "text/html"))
        .mount(&server)
        .await;
    let (f, _) = fetcher(&quick_opts());
    let url = format!("http://localhost:{}/1.htm", server.address().port());
    let page = f.get(&url, UrlOrigin::User).await.unwrap();
    assert_eq!(page.bytes, NOTICE.as_bytes());
    // The same name found in a page is refused: it resolves to loopback.
    let err = f
        .get(
            &format!("http://localhost:{}/2.htm", server.address().port()),
            UrlOrigin::Page,
        )
        .await
        .unwrap_err();
    assert!(
        err.message.starts_with(&format!(
            "refused: localhost:{} resolves to internal address",
            server.address().port()
        )),
        "{}",
        err.message
    );
}
