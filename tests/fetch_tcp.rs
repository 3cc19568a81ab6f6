//! Fetcher behaviour that needs a hand-made loopback server: connection resets, and counting
//! requests in flight per host. "Hosts" are 127.0.0.1 and 127.0.0.2 (politeness is per host name).
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::future::BoxFuture;
use tenderscan::fetch::{
    FetchOpts, Fetcher, Flow, Sleeper, UrlOrigin, Wait, WaitReason, fetch_urls,
};
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};

const NOTICE: &str = "<html><head><title>某大学云服务采购项目中标公告</title></head><body><p>采购人：某大学</p></body></html>";

#[derive(Default)]
struct Recorder(Mutex<Vec<Wait>>);

impl Sleeper for Recorder {
    fn sleep(&self, wait: Wait) -> BoxFuture<'static, ()> {
        self.0.lock().unwrap().push(wait);
        Box::pin(async {})
    }
}

/// Read one request head; returns its path.
async fn read_request(stream: &mut TcpStream) -> String {
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    let head = String::from_utf8_lossy(&head);
    head.split_whitespace().nth(1).unwrap_or("/").to_string()
}

async fn respond(stream: &mut TcpStream, status: &str, body: &str) {
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = stream.write_all(response.as_bytes()).await;
    let _ = stream.shutdown().await;
}

/// A server that resets the first `resets` connections (RST via zero linger), then serves NOTICE.
async fn resetting_server(resets: usize) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/n.htm", listener.local_addr().unwrap());
    let connections = Arc::new(AtomicUsize::new(0));
    let count = connections.clone();
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let n = count.fetch_add(1, Ordering::SeqCst);
            read_request(&mut stream).await;
            if n < resets {
                let _ = stream.set_zero_linger();
                drop(stream);
            } else {
                respond(&mut stream, "200 OK", NOTICE).await;
            }
        }
    });
    (url, connections)
}

fn opts() -> FetchOpts {
    FetchOpts {
        delay: 0.0,
        ignore_robots: true,
        timeout: 10.0,
        connect_timeout: 5.0,
        progress: false,
        ..FetchOpts::default()
    }
}

#[tokio::test]
async fn connection_reset_is_retried() {
    let (url, connections) = resetting_server(1).await;
    let recorder = Arc::new(Recorder::default());
    let f = Fetcher::new(&FetchOpts {
        retries: 2,
        ..opts()
    })
    .unwrap()
    .with_sleeper(recorder.clone());
    let page = f.get(&url, UrlOrigin::User).await.unwrap();
    assert_eq!(page.bytes, NOTICE.as_bytes());
    assert_eq!(connections.load(Ordering::SeqCst), 2);
    assert!(
        recorder
            .0
            .lock()
            .unwrap()
            .iter()
            .any(|w| w.reason == WaitReason::Backoff { attempt: 1 })
    );
}

#[tokio::test]
async fn connection_reset_without_retries_is_a_clear_failure() {
    let (url, _) = resetting_server(usize::MAX).await;
    let f = Fetcher::new(&FetchOpts {
        retries: 0,
        ..opts()
    })
    .unwrap();
    let err = f.get(&url, UrlOrigin::User).await.unwrap_err();
    assert_eq!(
        err.message,
        "connection reset by the server (after 1 attempt)"
    );
}

/// Per-host counters of a test server.
#[derive(Default)]
struct HostLog {
    requests: AtomicUsize,
    in_flight: AtomicUsize,
    max_in_flight: AtomicUsize,
    saw_other_host_meanwhile: AtomicBool,
}

/// Serve NOTICE on `ip`; while a request is in flight, wait (at most 2 s) until the other host has
/// been asked something too: that only happens if the two hosts are fetched in parallel.
async fn counting_server(ip: &str, me: Arc<HostLog>, other: Arc<HostLog>) -> String {
    let listener = TcpListener::bind(format!("{ip}:0")).await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        while let Ok((mut stream, _)) = listener.accept().await {
            let me = me.clone();
            let other = other.clone();
            tokio::spawn(async move {
                let path = read_request(&mut stream).await;
                let now = me.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
                me.max_in_flight.fetch_max(now, Ordering::SeqCst);
                me.requests.fetch_add(1, Ordering::SeqCst);
                for _ in 0..200 {
                    if other.requests.load(Ordering::SeqCst) > 0 {
                        me.saw_other_host_meanwhile.store(true, Ordering::SeqCst);
                        break;
                    }
                    tokio::time::sleep(Duration::from_millis(10)).await;
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
                me.in_flight.fetch_sub(1, Ordering::SeqCst);
                if path == "/robots.txt" {
                    respond(&mut stream, "404 Not Found", "").await;
                } else {
                    respond(&mut stream, "200 OK", NOTICE).await;
                }
            });
        }
    });
    base
}

#[test]
fn two_hosts_in_parallel_but_never_two_requests_at_once_on_one_host() {
    let a = Arc::new(HostLog::default());
    let b = Arc::new(HostLog::default());
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (base_a, base_b) = runtime.block_on(async {
        (
            counting_server("127.0.0.1", a.clone(), b.clone()).await,
            counting_server("127.0.0.2", b.clone(), a.clone()).await,
        )
    });
    let urls: Vec<String> = (0..3)
        .flat_map(|i| [format!("{base_a}/n{i}.htm"), format!("{base_b}/n{i}.htm")])
        .collect();
    let mut pages = Vec::new();
    // robots.txt obeyed here (the servers answer 404): it counts as a request to the host too.
    let options = FetchOpts {
        ignore_robots: false,
        concurrency: 2,
        ..opts()
    };
    fetch_urls(urls.clone(), &options, &mut |result| {
        pages.push(result.map(|p| p.source).map_err(|e| e.to_string()));
        Flow::Continue
    })
    .unwrap();
    let mut got: Vec<String> = pages.into_iter().map(|r| r.unwrap()).collect();
    got.sort();
    let mut want = urls;
    want.sort();
    assert_eq!(got, want);
    assert_eq!(
        a.requests.load(Ordering::SeqCst),
        4,
        "robots.txt once and three pages"
    );
    assert_eq!(b.requests.load(Ordering::SeqCst), 4);
    assert_eq!(a.max_in_flight.load(Ordering::SeqCst), 1);
    assert_eq!(b.max_in_flight.load(Ordering::SeqCst), 1);
    assert!(
        a.saw_other_host_meanwhile.load(Ordering::SeqCst)
            && b.saw_other_host_meanwhile.load(Ordering::SeqCst)
    );
}

#[test]
fn concurrency_one_fetches_hosts_one_after_the_other() {
    let a = Arc::new(HostLog::default());
    let b = Arc::new(HostLog::default());
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let (base_a, base_b) = runtime.block_on(async {
        (
            counting_server("127.0.0.1", a.clone(), b.clone()).await,
            counting_server("127.0.0.2", b.clone(), a.clone()).await,
        )
    });
    let urls = vec![format!("{base_a}/1.htm"), format!("{base_b}/1.htm")];
    let mut ok = 0;
    fetch_urls(
        urls,
        &FetchOpts {
            concurrency: 1,
            ..opts()
        },
        &mut |result| {
            ok += usize::from(result.is_ok());
            Flow::Continue
        },
    )
    .unwrap();
    assert_eq!(ok, 2);
    // Host A finished (after waiting in vain for B) before B was asked anything.
    assert!(!a.saw_other_host_meanwhile.load(Ordering::SeqCst));
}

#[test]
fn stop_ends_the_run_early() {
    let a = Arc::new(HostLog::default());
    let b = Arc::new(HostLog::default());
    let runtime = tokio::runtime::Runtime::new().unwrap();
    // B's server is never asked, so A's requests do not wait for it: keep it answering quickly.
    b.requests.store(1, Ordering::SeqCst);
    let base_a = runtime.block_on(counting_server("127.0.0.1", a.clone(), b.clone()));
    let urls: Vec<String> = (0..5).map(|i| format!("{base_a}/{i}.htm")).collect();
    let mut calls = 0;
    fetch_urls(urls, &opts(), &mut |_| {
        calls += 1;
        Flow::Stop
    })
    .unwrap();
    assert_eq!(calls, 1);
    assert!(a.requests.load(Ordering::SeqCst) < 5);
}

/// Not a test: how many pages per second fetch_urls manages on loopback with no delay (the
/// fetcher's own overhead). Run with `cargo test --test fetch_tcp -- --ignored --nocapture`.
#[test]
#[ignore = "benchmark"]
fn throughput_on_loopback() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let bases: Vec<String> = runtime.block_on(async {
        let mut bases = Vec::new();
        for ip in ["127.0.0.1", "127.0.0.2", "127.0.0.3", "127.0.0.4"] {
            let listener = TcpListener::bind(format!("{ip}:0")).await.unwrap();
            bases.push(format!("http://{}", listener.local_addr().unwrap()));
            tokio::spawn(async move {
                while let Ok((mut stream, _)) = listener.accept().await {
                    tokio::spawn(async move {
                        read_request(&mut stream).await;
                        respond(&mut stream, "200 OK", &NOTICE.repeat(200)).await;
                    });
                }
            });
        }
        bases
    });
    let urls: Vec<String> = (0..500)
        .map(|i| format!("{}/{i}.htm", bases[i % 4]))
        .collect();
    let start = std::time::Instant::now();
    let mut ok = 0;
    fetch_urls(
        urls,
        &FetchOpts {
            ignore_robots: true,
            ..opts()
        },
        &mut |r| {
            ok += usize::from(r.is_ok());
            Flow::Continue
        },
    )
    .unwrap();
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "{ok} pages of {} bytes in {secs:.2} s: {:.0} pages/s",
        NOTICE.len() * 200,
        f64::from(ok as u32) / secs
    );
    assert_eq!(ok, 500);
}
