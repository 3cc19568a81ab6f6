//! HTTP fetching: politeness per host, robots.txt, retries, size caps, evidence archive.
//!
//! Politeness is counted per host *name*: two ports of one host share a slot (one machine),
//! 127.0.0.1 and 127.0.0.2 are two hosts.
pub mod addr;
pub mod archive;
pub mod blocked;
mod client;
pub mod meta_refresh;
mod opts;
pub mod politeness;
pub mod progress;
mod proxy;
pub mod retry;
pub mod robots;
mod transport;

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, mpsc};
use std::time::Duration;

use anyhow::Context as _;
use futures_util::StreamExt as _;

pub(crate) use client::error_chain;
pub use client::{Fetcher, header_charset};
pub use opts::{DEFAULT_MAX_BYTES, FetchOpts, default_user_agent};
pub use politeness::{Sleeper, Wait, WaitReason};

use crate::model::Page;

/// Why a URL produced no page.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{url}: {message}")]
pub struct FetchFailure {
    /// The URL as given.
    pub url: String,
    /// One-line reason (`blocked: …`, `timeout`, `HTTP 404`, …).
    pub message: String,
}

impl FetchFailure {
    /// True if the page was an anti-bot or CAPTCHA interstitial.
    pub fn is_blocked(&self) -> bool {
        self.message.starts_with("blocked:")
    }
}

/// What the caller wants to do after a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    /// Keep going.
    Continue,
    /// Stop fetching (Ctrl-C or a broken pipe).
    Stop,
}

/// Who supplied a URL: the user (trusted) or page content (loopback/private targets refused).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlOrigin {
    /// Given on the command line, stdin or a source file.
    User,
    /// Found in a fetched page.
    Page,
}

/// URLs grouped by politeness host, in first-seen order (URLs that do not parse form their own group).
fn group_by_host(urls: Vec<String>) -> Vec<Vec<String>> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for url in urls {
        let key = match url::Url::parse(url.trim()) {
            Ok(parsed) => Fetcher::host_key(&parsed),
            Err(_) => String::new(),
        };
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, group)) => group.push(url),
            None => groups.push((key, vec![url])),
        }
    }
    groups.into_iter().map(|(_, group)| group).collect()
}

/// Fetch URLs politely and hand each result to `on_result` as it arrives (blocking; runs its own runtime).
///
/// Hosts are worked on `--concurrency` at a time, each host's URLs one after the other.
pub fn fetch_urls(
    urls: Vec<String>,
    opts: &FetchOpts,
    on_result: &mut dyn FnMut(Result<Page, FetchFailure>) -> Flow,
) -> anyhow::Result<()> {
    if urls.is_empty() {
        return Ok(());
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the fetch runtime")?;
    let fetcher = {
        let _guard = runtime.enter();
        Arc::new(Fetcher::new(opts)?)
    };
    let mut progress = progress::Progress::new(urls.len(), opts.progress);
    let stop = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::channel();
    let groups = group_by_host(urls);
    let concurrency = opts.concurrency.max(1);
    let driver = {
        let stop = stop.clone();
        runtime.spawn(async move {
            futures_util::stream::iter(groups)
                .for_each_concurrent(concurrency, |group| {
                    let fetcher = fetcher.clone();
                    let tx = tx.clone();
                    let stop = stop.clone();
                    async move {
                        for url in group {
                            if stop.load(Ordering::SeqCst) || crate::signal::interrupted() {
                                break;
                            }
                            let result = fetcher.get(&url, UrlOrigin::User).await;
                            if tx.send(result).is_err() {
                                break;
                            }
                        }
                    }
                })
                .await;
        })
    };
    loop {
        match rx.recv_timeout(Duration::from_millis(200)) {
            Ok(result) => {
                if let Err(failure) = &result {
                    tracing::debug!("{failure}");
                }
                progress.record(result.is_ok());
                if on_result(result) == Flow::Stop || crate::signal::interrupted() {
                    break;
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) if crate::signal::interrupted() => break,
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    stop.store(true, Ordering::SeqCst);
    driver.abort();
    progress.finish();
    runtime.shutdown_timeout(Duration::from_secs(1));
    Ok(())
}

/// Retries made by every fetcher of this process (for the run's summary line).
static RETRIES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn count_retry() {
    RETRIES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}

/// How many requests were retried so far in this process (429/503/5xx, timeouts, resets).
pub fn retry_count() -> usize {
    RETRIES.load(std::sync::atomic::Ordering::Relaxed)
}
