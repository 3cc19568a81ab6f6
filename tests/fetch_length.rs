//! Issue 9 point 3 through the binary: a body that does not match its `Content-Length` is an
//! `error` on the record, never a silent truncation — over http and https, with servers that
//! close the connection and servers that keep it open. Raw loopback servers, so they can lie.
//!
//! tests/data/tls holds a test CA and a `localhost` / 127.0.0.1 certificate it signed (valid to
//! 2126); the https runs trust that CA through `SSL_CERT_FILE`, which the platform verifier reads.
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

mod common;
use common::read_head;

const NOTICE: &str = "<html><head><title>某大学云服务采购项目中标公告</title></head><body><p>采购人：某大学</p><p>项目编号：ZB2025-001</p></body></html>";
/// What a server sends beyond the declared length: read, it would be a mention.
const SURPLUS: &str = "<p>GPU服务器 英伟达 H100</p>";

const TLS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/tls");

#[derive(Clone, Copy, Debug, PartialEq)]
enum Scheme {
    Http,
    Https,
}

/// After the response: close the connection, or keep it open (a keep-alive server that has
/// nothing more to say) for longer than any fetch may wait.
#[derive(Clone, Copy, Debug, PartialEq)]
enum After {
    Close,
    KeepOpen,
}

fn tls_config() -> Arc<rustls::ServerConfig> {
    use rustls::pki_types::pem::PemObject as _;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let certs =
        vec![CertificateDer::from_pem_file(format!("{TLS_DIR}/localhost.pem")).expect("test cert")];
    let key = PrivateKeyDer::from_pem_file(format!("{TLS_DIR}/localhost.key")).expect("test key");
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("versions")
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .expect("server config");
    Arc::new(config)
}

/// One exchange on `stream`: robots.txt is a 404, anything else gets `answer`'s bytes.
fn exchange(stream: &mut (impl Read + Write), answer: &[u8], after: After) {
    let path = read_head(stream);
    if path == "/robots.txt" {
        let _ = stream
            .write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        let _ = stream.flush();
        return;
    }
    let _ = stream.write_all(answer);
    let _ = stream.flush();
    if after == After::KeepOpen {
        // Longer than the test's whole run may take; the client must not wait for it.
        std::thread::sleep(Duration::from_secs(40));
    }
}

/// A loopback server answering every page request with the raw bytes `answer`.
fn serve(scheme: Scheme, after: After, answer: Vec<u8>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let base = format!(
        "{}://{}",
        if scheme == Scheme::Https {
            "https"
        } else {
            "http"
        },
        listener.local_addr().expect("addr")
    );
    let answer = Arc::new(answer);
    let tls = (scheme == Scheme::Https).then(tls_config);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let answer = answer.clone();
            let tls = tls.clone();
            std::thread::spawn(move || serve_one(stream, tls, &answer, after));
        }
    });
    base
}

fn serve_one(
    mut stream: TcpStream,
    tls: Option<Arc<rustls::ServerConfig>>,
    answer: &[u8],
    after: After,
) {
    match tls {
        None => exchange(&mut stream, answer, after),
        Some(config) => {
            let Ok(conn) = rustls::ServerConnection::new(config) else {
                return;
            };
            let mut tls = rustls::StreamOwned::new(conn, stream);
            exchange(&mut tls, answer, after);
            tls.conn.send_close_notify();
            let _ = tls.flush();
        }
    }
}

fn head(extra: &str) -> String {
    format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n{extra}\r\n")
}

/// `scan --all -f jsonl` of one URL, no retries, no delay, the test CA trusted.
fn scan(url: &str, extra: &[&str]) -> (Option<i32>, serde_json::Value, Duration) {
    let start = Instant::now();
    let out = common::tenderscan()
        .timeout(Duration::from_secs(120))
        .env("SSL_CERT_FILE", format!("{TLS_DIR}/ca.pem"))
        .env_remove("SSL_CERT_DIR")
        .args([
            "scan",
            "--all",
            "-f",
            "jsonl",
            "--retries",
            "0",
            "--delay",
            "0",
        ])
        .args(["--timeout", "30"])
        .args(extra)
        .arg(url)
        .output()
        .expect("runs");
    let elapsed = start.elapsed();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout.lines().count(),
        1,
        "{url}: {stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let record: serde_json::Value = serde_json::from_str(stdout.trim()).expect("one JSON record");
    (out.status.code(), record, elapsed)
}

fn error_of(record: &serde_json::Value) -> &str {
    record["error"].as_str().unwrap_or_default()
}

#[test]
fn a_body_longer_than_its_content_length_is_an_error_on_the_record() {
    let body = format!("{NOTICE}{SURPLUS}");
    let answer = format!(
        "{}{body}",
        head(&format!("Content-Length: {}\r\n", NOTICE.len()))
    );
    for scheme in [Scheme::Http, Scheme::Https] {
        for after in [After::Close, After::KeepOpen] {
            let base = serve(scheme, after, answer.clone().into_bytes());
            let (code, record, _) = scan(&format!("{base}/long.htm"), &[]);
            let case = format!("{scheme:?} {after:?}: {record}");
            assert_eq!(code, Some(4), "{case}");
            assert_eq!(
                error_of(&record),
                format!(
                    "response longer than its Content-Length: the server sent more than the {} bytes it announced (the record would be silently cut)",
                    NOTICE.len()
                ),
                "{case}"
            );
            assert!(!record.to_string().contains("H100"), "{case}");
        }
    }
}

#[test]
fn a_body_shorter_than_its_content_length_is_still_an_incomplete_response() {
    let answer = format!(
        "{}{NOTICE}",
        head("Content-Length: 5000\r\nConnection: close\r\n")
    );
    for scheme in [Scheme::Http, Scheme::Https] {
        let base = serve(scheme, After::Close, answer.clone().into_bytes());
        let (code, record, _) = scan(&format!("{base}/short.htm"), &[]);
        assert_eq!(code, Some(4), "{scheme:?}: {record}");
        assert_eq!(
            error_of(&record),
            "incomplete response: the connection closed before the 5000 bytes its Content-Length announced had arrived (after 1 attempt)",
            "{scheme:?}"
        );
    }
}

#[test]
fn exact_and_chunked_bodies_are_read_whole_without_waiting_for_the_connection_to_close() {
    let exact = format!(
        "{}{NOTICE}",
        head(&format!("Content-Length: {}\r\n", NOTICE.len()))
    );
    let (first, second) = NOTICE.split_at(NOTICE.find("<p>").unwrap_or(10));
    let chunked = format!(
        "{}{:x}\r\n{first}\r\n{:x}\r\n{second}\r\n0\r\n\r\n",
        head("Transfer-Encoding: chunked\r\n"),
        first.len(),
        second.len()
    );
    for scheme in [Scheme::Http, Scheme::Https] {
        for (name, answer) in [("exact", &exact), ("chunked", &chunked)] {
            for after in [After::Close, After::KeepOpen] {
                let base = serve(scheme, after, answer.clone().into_bytes());
                let (code, record, elapsed) = scan(&format!("{base}/{name}.htm"), &[]);
                let case = format!("{scheme:?} {name} {after:?}: {record}");
                assert_eq!(code, Some(0), "{case}");
                assert_eq!(error_of(&record), "", "{case}");
                assert!(record.to_string().contains("ZB2025-001"), "{case}");
                // The server holds the connection 40 s and --timeout is 30 s: a client that
                // waited for the close would fail or take that long.
                assert!(elapsed < Duration::from_secs(25), "{case}: {elapsed:?}");
            }
        }
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).expect("gzip");
    enc.finish().expect("gzip")
}

#[test]
fn compressed_bodies_count_their_content_length_in_compressed_bytes() {
    let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    zlib.write_all(NOTICE.as_bytes()).expect("zlib");
    let deflated = zlib.finish().expect("zlib");
    for (coding, body) in [("gzip", gzip(NOTICE.as_bytes())), ("deflate", deflated)] {
        let mut answer = head(&format!(
            "Content-Encoding: {coding}\r\nContent-Length: {}\r\n",
            body.len()
        ))
        .into_bytes();
        answer.extend_from_slice(&body);
        for scheme in [Scheme::Http, Scheme::Https] {
            let base = serve(scheme, After::KeepOpen, answer.clone());
            let (code, record, _) = scan(&format!("{base}/z.htm"), &[]);
            assert_eq!(code, Some(0), "{coding} {scheme:?}: {record}");
            assert!(
                record.to_string().contains("ZB2025-001"),
                "{coding} {scheme:?}: {record}"
            );
        }
    }
    // The surplus check applies to the compressed bytes as sent.
    let body = gzip(NOTICE.as_bytes());
    let mut answer = head(&format!(
        "Content-Encoding: gzip\r\nContent-Length: {}\r\n",
        body.len() - 8
    ))
    .into_bytes();
    answer.extend_from_slice(&body);
    let base = serve(Scheme::Http, After::Close, answer);
    let (code, record, _) = scan(&format!("{base}/z.htm"), &[]);
    assert_eq!(code, Some(4), "{record}");
    assert!(
        error_of(&record).starts_with("response longer than its Content-Length"),
        "{record}"
    );
}

#[test]
fn a_gzip_bomb_with_an_honest_content_length_stops_at_the_decompressed_cap() {
    let bomb = gzip(&vec![0u8; 64 << 20]);
    assert!(bomb.len() < 1 << 20, "the bomb is small: {}", bomb.len());
    let mut answer = head(&format!(
        "Content-Encoding: gzip\r\nContent-Length: {}\r\nConnection: close\r\n",
        bomb.len()
    ))
    .into_bytes();
    answer.extend_from_slice(&bomb);
    let base = serve(Scheme::Http, After::Close, answer);
    let (code, record, _) = scan(&format!("{base}/bomb.htm"), &["--max-bytes", "1048576"]);
    assert_eq!(code, Some(4), "{record}");
    assert_eq!(
        error_of(&record),
        "response too large: more than --max-bytes 1048576 bytes (after decompression)"
    );
}

/// What the test proxy does with a request.
#[derive(Clone, Copy, Debug, PartialEq)]
enum ProxyMode {
    /// Forward: `GET http://…` rewritten to origin form, `CONNECT` tunnelled.
    Forward,
    /// Answer `CONNECT` with this status and close.
    Refuse(u16),
}

/// A loopback HTTP proxy (tokio) recording each request's line and `Proxy-Authorization`
/// header (`-` when absent); returns its address and the record.
fn proxy(mode: ProxyMode) -> (String, Arc<std::sync::Mutex<Vec<String>>>) {
    use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
    let seen = Arc::new(std::sync::Mutex::new(Vec::new()));
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.set_nonblocking(true).expect("nonblocking");
    let addr = listener.local_addr().expect("addr").to_string();
    let record = seen.clone();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
            loop {
                let Ok((mut client, _)) = listener.accept().await else {
                    continue;
                };
                let record = record.clone();
                tokio::spawn(async move {
                    // The head, byte by byte: nothing after it is taken.
                    let mut head = Vec::new();
                    let mut byte = [0u8; 1];
                    while !head.ends_with(b"\r\n\r\n") {
                        match client.read(&mut byte).await {
                            Ok(1) => head.push(byte[0]),
                            _ => return,
                        }
                    }
                    let head = String::from_utf8_lossy(&head).into_owned();
                    let line = head.lines().next().unwrap_or_default().to_string();
                    let auth = head
                        .lines()
                        .find_map(|l| {
                            let (name, value) = l.split_once(':')?;
                            name.eq_ignore_ascii_case("proxy-authorization")
                                .then(|| value.trim().to_string())
                        })
                        .unwrap_or_else(|| "-".to_string());
                    if let Ok(mut seen) = record.lock() {
                        seen.push(format!("{line} | {auth}"));
                    }
                    let mut parts = line.split_whitespace();
                    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
                    if method == "CONNECT" {
                        if let ProxyMode::Refuse(code) = mode {
                            let reply = format!("HTTP/1.1 {code} No\r\nContent-Length: 0\r\n\r\n");
                            let _ = client.write_all(reply.as_bytes()).await;
                            return;
                        }
                        let Ok(mut server) = tokio::net::TcpStream::connect(target).await else {
                            return;
                        };
                        let _ = client
                            .write_all(b"HTTP/1.1 200 Connection established\r\n\r\n")
                            .await;
                        let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                        return;
                    }
                    // http://host:port/path → connect to host:port, send /path.
                    let Some(rest) = target.strip_prefix("http://") else {
                        return;
                    };
                    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
                    let Ok(mut server) = tokio::net::TcpStream::connect(authority).await else {
                        return;
                    };
                    let forwarded =
                        head.replacen(target, if path.is_empty() { "/" } else { path }, 1);
                    let _ = server.write_all(forwarded.as_bytes()).await;
                    let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                });
            }
        });
    });
    (addr, seen)
}

fn seen(record: &Arc<std::sync::Mutex<Vec<String>>>) -> Vec<String> {
    record.lock().map(|s| s.clone()).unwrap_or_default()
}

/// `scan` of one URL with `env` set (and no other proxy variable).
fn scan_env(
    url: &str,
    env: &[(&str, &str)],
    extra: &[&str],
) -> (Option<i32>, serde_json::Value, String) {
    let mut cmd = common::tenderscan();
    cmd.timeout(Duration::from_secs(120))
        .env("SSL_CERT_FILE", format!("{TLS_DIR}/ca.pem"))
        .env_remove("SSL_CERT_DIR");
    for var in [
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
        "no_proxy",
        "NO_PROXY",
        "REQUEST_METHOD",
    ] {
        cmd.env_remove(var);
    }
    for (name, value) in env {
        cmd.env(name, value);
    }
    let out = cmd
        .args([
            "-v",
            "scan",
            "--all",
            "-f",
            "jsonl",
            "--retries",
            "0",
            "--delay",
            "0",
        ])
        .args(["--timeout", "30"])
        .args(extra)
        .arg(url)
        .output()
        .expect("runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let record = serde_json::from_str(stdout.trim()).unwrap_or_else(
        |_| serde_json::json!({ "unparsed": stdout.to_string(), "stderr": stderr.clone() }),
    );
    (out.status.code(), record, stderr)
}

fn exact_page() -> Vec<u8> {
    format!(
        "{}{NOTICE}",
        head(&format!("Content-Length: {}\r\n", NOTICE.len()))
    )
    .into_bytes()
}

#[test]
fn an_http_page_goes_through_the_http_proxy_in_absolute_form_with_its_credentials() {
    let base = serve(Scheme::Http, After::Close, exact_page());
    let (proxy_addr, record) = proxy(ProxyMode::Forward);
    let url = format!("{base}/p.htm?id=7");
    let (code, page, stderr) = scan_env(
        &url,
        &[(
            "http_proxy",
            &format!("http://ana%40lyst:s3cret@{proxy_addr}"),
        )],
        &[],
    );
    assert_eq!(code, Some(0), "{page} {stderr}");
    assert!(page.to_string().contains("ZB2025-001"), "{page}");
    // base64("ana@lyst:s3cret")
    let auth = "Basic YW5hQGx5c3Q6czNjcmV0";
    assert_eq!(
        seen(&record),
        vec![
            format!("GET {base}/robots.txt HTTP/1.1 | {auth}"),
            format!("GET {url} HTTP/1.1 | {auth}"),
        ]
    );
    assert!(
        stderr.contains(&format!(
            "http:// pages through http://{proxy_addr} (http_proxy)"
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("s3cret"), "{stderr}");
}

#[test]
fn an_https_page_goes_through_a_connect_tunnel_and_the_target_certificate_is_checked() {
    let base = serve(Scheme::Https, After::KeepOpen, exact_page());
    let authority = base.trim_start_matches("https://").to_string();
    let (proxy_addr, record) = proxy(ProxyMode::Forward);
    let (code, page, stderr) = scan_env(
        &format!("{base}/s.htm"),
        &[("HTTPS_PROXY", &format!("http://u:p@{proxy_addr}"))],
        &[],
    );
    assert_eq!(code, Some(0), "{page} {stderr}");
    assert!(page.to_string().contains("ZB2025-001"), "{page}");
    // One tunnel for robots.txt, one for the page; base64("u:p").
    let connect = format!("CONNECT {authority} HTTP/1.1 | Basic dTpw");
    assert_eq!(seen(&record), vec![connect.clone(), connect]);
}

#[test]
fn no_proxy_hosts_are_fetched_directly() {
    let base = serve(Scheme::Http, After::Close, exact_page());
    let (proxy_addr, record) = proxy(ProxyMode::Forward);
    let (code, page, _) = scan_env(
        &format!("{base}/d.htm"),
        &[
            ("HTTP_PROXY", &format!("http://{proxy_addr}")),
            ("NO_PROXY", "example.com, 127.0.0.0/8"),
        ],
        &[],
    );
    assert_eq!(code, Some(0), "{page}");
    assert!(page.to_string().contains("ZB2025-001"), "{page}");
    assert_eq!(seen(&record), Vec::<String>::new());
}

#[test]
fn a_proxy_refusing_connect_is_an_error_naming_its_status() {
    let base = serve(Scheme::Https, After::Close, exact_page());
    for code in [407, 403] {
        let (proxy_addr, record) = proxy(ProxyMode::Refuse(code));
        let env = [("https_proxy", format!("http://{proxy_addr}"))];
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let refused =
            format!("proxy http://{proxy_addr} (https_proxy) refused CONNECT: HTTP/1.1 {code} No");
        // robots.txt is asked for first: unreachable, it disallows the site (RFC 9309).
        let (exit, page, _) = scan_env(&format!("{base}/r.htm"), &env, &[]);
        assert_eq!(exit, Some(4), "{page}");
        assert_eq!(
            error_of(&page),
            format!(
                "disallowed: robots.txt unreachable ({refused}), treated as disallow-all (RFC 9309)"
            ),
            "{page}"
        );
        // A fatal error (no "(after 1 attempt)"): the refusal is the proxy's setup, not a
        // passing fault, so it is not retried.
        let (exit, page, _) = scan_env(&format!("{base}/r.htm"), &env, &["--ignore-robots"]);
        assert_eq!(exit, Some(4), "{page}");
        assert_eq!(error_of(&page), refused, "{page}");
        assert_eq!(seen(&record).len(), 2, "{code}");
    }
}

#[test]
fn a_body_longer_than_its_content_length_is_caught_through_the_proxy() {
    let answer = format!(
        "{}{NOTICE}{SURPLUS}",
        head(&format!("Content-Length: {}\r\n", NOTICE.len()))
    );
    for scheme in [Scheme::Http, Scheme::Https] {
        for after in [After::Close, After::KeepOpen] {
            let base = serve(scheme, after, answer.clone().into_bytes());
            let (proxy_addr, record) = proxy(ProxyMode::Forward);
            let proxy_url = format!("http://{proxy_addr}");
            let (code, page, _) = scan_env(
                &format!("{base}/long.htm"),
                &[("http_proxy", &proxy_url), ("https_proxy", &proxy_url)],
                &[],
            );
            let case = format!("{scheme:?} {after:?}: {page}");
            assert_eq!(code, Some(4), "{case}");
            assert!(
                error_of(&page).starts_with("response longer than its Content-Length"),
                "{case}"
            );
            assert!(!page.to_string().contains("H100"), "{case}");
            assert_eq!(seen(&record).len(), 2, "{case}");
        }
    }
}

#[test]
fn a_socks_proxy_is_a_clear_error_at_start_up() {
    let (code, page, stderr) = scan_env(
        "http://127.0.0.1:9/x.htm",
        &[("ALL_PROXY", "socks5://127.0.0.1:1080")],
        &[],
    );
    assert_ne!(code, Some(0), "{page}");
    assert!(
        stderr.contains(
            "ALL_PROXY: socks5:// proxies are not supported by scan and crawl (only http:// proxies)"
        ),
        "{stderr}"
    );
}
