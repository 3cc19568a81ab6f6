//! HTTP fetching: politeness per host, robots.txt, retries, size caps, evidence archive.
pub mod archive;
mod opts;

pub use opts::FetchOpts;

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

/// A polite HTTP client shared by `scan` and `crawl` (async; one per run).
pub struct Fetcher {}

impl Fetcher {
    /// Build a fetcher from the options.
    pub fn new(opts: &FetchOpts) -> anyhow::Result<Fetcher> {
        let _ = opts;
        Ok(Fetcher {})
    }

    /// Accept page-origin URLs on this host and port even when it is loopback or private (the
    /// crawl's own start origin). Stub until the fetcher lands.
    pub fn allow_origin(&self, host: &str, port: u16) {
        let _ = (host, port);
    }

    /// Fetch one URL politely (robots, per-host delay, retries, caps, archive).
    pub async fn get(&self, url: &str, origin: UrlOrigin) -> Result<Page, FetchFailure> {
        let _ = origin;
        Err(FetchFailure { url: url.to_string(), message: "URL fetching is not built yet".into() })
    }
}

/// Fetch URLs politely and hand each result to `on_result` as it arrives (blocking; runs its own runtime).
pub fn fetch_urls(
    urls: Vec<String>,
    opts: &FetchOpts,
    on_result: &mut dyn FnMut(Result<Page, FetchFailure>) -> Flow,
) -> anyhow::Result<()> {
    let _ = opts;
    for url in urls {
        if on_result(Err(FetchFailure { url, message: "URL fetching is not built yet".into() })) == Flow::Stop {
            break;
        }
    }
    Ok(())
}
