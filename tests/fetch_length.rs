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

/// Read one request head; returns its path.
fn read_head(stream: &mut impl Read) -> String {
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    String::from_utf8_lossy(&head)
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string()
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

/// The page fetcher connects directly; a proxy set for other tools is named, not silently ignored.
#[test]
fn a_proxy_in_the_environment_is_not_used_and_a_warning_says_so() {
    let answer = format!(
        "{}{NOTICE}",
        head(&format!("Content-Length: {}\r\n", NOTICE.len()))
    );
    let base = serve(Scheme::Http, After::Close, answer.into_bytes());
    let out = common::tenderscan()
        .timeout(Duration::from_secs(120))
        .env("HTTP_PROXY", "http://127.0.0.1:9")
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
        .arg(format!("{base}/p.htm"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("ZB2025-001"));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("HTTP_PROXY is set, but pages are fetched directly"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
