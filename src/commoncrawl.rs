//! Common Crawl as a source: query a snapshot's CDX index, fetch each capture's WARC record by
//! HTTP Range (one gzip member = one record), and hand the pages to the pipeline.
//!
//! The index and data hosts are settings so tests run against a loopback server. Requests are
//! sequential with `--delay` between two requests to one host (the public index server asks
//! for gentle use), retried on 408/429/5xx and transport errors with the fetcher's backoff.
use std::path::Path;
use std::time::{Duration, SystemTime};

use anyhow::Context as _;
use futures_util::StreamExt as _;
use serde::{Deserialize, Serialize};

use crate::fetch::retry;
use crate::model::Page;
use crate::warc;

/// Public CDX index server.
pub const DEFAULT_INDEX: &str = "https://index.commoncrawl.org";
/// Public data host (WARC files, byte ranges served).
pub const DEFAULT_DATA: &str = "https://data.commoncrawl.org";

/// A checked Common Crawl query.
#[derive(Debug, Clone)]
pub struct Query {
    /// Index server base URL.
    pub index: String,
    /// Data host base URL.
    pub data: String,
    /// Snapshot id, `CC-MAIN-YYYY-WW`.
    pub crawl: String,
    /// URL or pattern as given (`*.ccgp.gov.cn/*`).
    pub url: String,
    /// CDX `matchType` (exact, prefix, host, domain); derived from the pattern when not given.
    pub match_type: String,
    /// Earliest capture, `yyyyMMdd` (CDX `from`).
    pub from: Option<String>,
    /// Latest capture, `yyyyMMdd` (CDX `to`, inclusive).
    pub to: Option<String>,
}

impl Query {
    /// Build a query; the pattern's wildcards become the CDX `matchType` (`*.host/*` → domain,
    /// `prefix*` → prefix) unless `match_type` is given.
    pub fn new(
        index: &str,
        data: &str,
        crawl: &str,
        pattern: &str,
        match_type: Option<&str>,
    ) -> anyhow::Result<Query> {
        anyhow::ensure!(
            is_crawl_id(crawl),
            "--crawl {crawl}: expected a snapshot id such as CC-MAIN-2024-10"
        );
        let mut url = pattern.trim().to_string();
        let mut derived = "exact";
        if let Some(rest) = url.strip_prefix("*.") {
            url = rest.trim_end_matches('*').trim_end_matches('/').to_string();
            derived = "domain";
        } else if let Some(rest) = url.strip_suffix('*') {
            url = rest.to_string();
            derived = "prefix";
        }
        anyhow::ensure!(!url.is_empty(), "--url {pattern}: nothing to look up");
        let match_type = match_type.unwrap_or(derived).to_string();
        anyhow::ensure!(
            matches!(match_type.as_str(), "exact" | "prefix" | "host" | "domain"),
            "--match-type {match_type}: expected exact, prefix, host or domain"
        );
        Ok(Query {
            index: index.trim_end_matches('/').to_string(),
            data: data.trim_end_matches('/').to_string(),
            crawl: crawl.to_string(),
            url,
            match_type,
            from: None,
            to: None,
        })
    }

    /// The CDX request for one page of results (or the page count).
    pub fn cdx_url(&self, page: Option<u64>) -> anyhow::Result<url::Url> {
        let mut u = url::Url::parse(&format!("{}/{}-index", self.index, self.crawl))
            .with_context(|| format!("bad index URL {}", self.index))?;
        {
            let mut q = u.query_pairs_mut();
            q.append_pair("url", &self.url)
                .append_pair("matchType", &self.match_type)
                .append_pair("output", "json")
                .append_pair("filter", "status:200");
            if let Some(from) = &self.from {
                q.append_pair("from", from);
            }
            if let Some(to) = &self.to {
                q.append_pair("to", to);
            }
            match page {
                Some(p) => q.append_pair("page", &p.to_string()),
                None => q.append_pair("showNumPages", "true"),
            };
        }
        Ok(u)
    }

    /// Key of the resume state: a state saved for another query is not resumed.
    pub fn state_key(&self) -> String {
        format!(
            "commoncrawl|{}|{}|{}|{}|{}",
            self.crawl,
            self.url,
            self.match_type,
            self.from.as_deref().unwrap_or(""),
            self.to.as_deref().unwrap_or("")
        )
    }
}

fn is_crawl_id(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 15
        && s.starts_with("CC-MAIN-")
        && b[8..12].iter().all(u8::is_ascii_digit)
        && b[12] == b'-'
        && b[13..].iter().all(u8::is_ascii_digit)
}

/// One CDX index row (the JSON fields Common Crawl's index gives; numbers come as strings).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CdxRow {
    /// Captured URL.
    pub url: String,
    /// Capture time, `yyyyMMddhhmmss`.
    #[serde(default)]
    pub timestamp: String,
    /// Content type as served.
    #[serde(default)]
    pub mime: String,
    /// HTTP status.
    #[serde(default)]
    pub status: String,
    /// WARC file path on the data host.
    pub filename: String,
    /// Byte offset of the record's gzip member.
    #[serde(deserialize_with = "number_or_string")]
    pub offset: u64,
    /// Length of the record's gzip member.
    #[serde(deserialize_with = "number_or_string")]
    pub length: u64,
}

fn number_or_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum N {
        Num(u64),
        Text(String),
    }
    match N::deserialize(d)? {
        N::Num(n) => Ok(n),
        N::Text(t) => t.trim().parse().map_err(serde::de::Error::custom),
    }
}

/// Lines per block of Common Crawl's ZipNum index: a slice of B blocks holds at most B × 3000
/// captures, the sizing figure `showNumPages` gives without reading the index itself.
pub const LINES_PER_BLOCK: u64 = 3000;

/// A `showNumPages=true` answer (`{"pages": N, "pageSize": 5, "blocks": B}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct NumPages {
    /// CDX pages to request.
    pub pages: u64,
    /// Index blocks the query touches (absent on some servers).
    #[serde(default)]
    pub blocks: Option<u64>,
}

/// Parse a `showNumPages=true` answer.
pub fn parse_num_pages(body: &[u8]) -> Result<NumPages, String> {
    serde_json::from_slice::<NumPages>(body.trim_ascii()).map_err(|e| {
        format!(
            "the index's page count is not JSON ({e}): {}",
            preview(body)
        )
    })
}

/// The rows of one CDX answer page; lines that are not JSON rows are errors with their number.
pub fn parse_rows(body: &[u8]) -> Vec<Result<CdxRow, String>> {
    body.split(|&b| b == b'\n')
        .enumerate()
        .filter(|(_, l)| !l.trim_ascii().is_empty())
        .map(|(i, line)| {
            serde_json::from_slice::<CdxRow>(line.trim_ascii()).map_err(|e| {
                format!(
                    "CDX answer line {}: not a JSON index row ({e}): {}",
                    i + 1,
                    preview(line)
                )
            })
        })
        .collect()
}

fn preview(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(80)]);
    format!("{:?}", text.trim())
}

/// Where a crawl stopped: the CDX page and how many of its rows are done.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// The query this state belongs to.
    pub key: String,
    /// Next CDX page to work on.
    pub page: u64,
    /// Rows of that page already handled.
    pub rows_done: u64,
    /// True once every page is done.
    pub complete: bool,
}

impl State {
    /// Load a saved state for `key` (a state for another query, or none, gives a fresh one).
    pub fn load(path: &Path, key: &str) -> anyhow::Result<State> {
        let fresh = State {
            key: key.to_string(),
            ..State::default()
        };
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(fresh),
            Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
        };
        let state: State = serde_json::from_str(&text).with_context(|| {
            format!(
                "crawl state {} is corrupt; delete it to start afresh",
                path.display()
            )
        })?;
        Ok(if state.key == key && !state.complete {
            state
        } else {
            fresh
        })
    }

    /// Save atomically.
    pub fn save(&self, path: &Path) -> anyhow::Result<()> {
        crate::crawl::frontier::save_json_atomically(self, path)
    }
}

/// Client settings (taken from the fetch options).
#[derive(Debug, Clone)]
pub struct Settings {
    /// Gap between two requests to one host.
    pub delay: Duration,
    /// Retries after 408/429/5xx or a transport error.
    pub retries: u32,
    /// Per-request timeout.
    pub timeout: Duration,
    /// Largest answer or record read.
    pub max_bytes: u64,
    /// User-Agent.
    pub user_agent: String,
    /// First backoff step.
    pub backoff_base: Duration,
}

/// A sequential, polite HTTP client for the index and data hosts.
pub struct Client {
    http: reqwest::Client,
    settings: Settings,
    last: std::collections::HashMap<String, tokio::time::Instant>,
}

/// A body read under the cap, with its status.
struct Answer {
    status: u16,
    body: Vec<u8>,
}

impl Client {
    /// Build the client.
    pub fn new(settings: Settings) -> anyhow::Result<Client> {
        let http = reqwest::Client::builder()
            .user_agent(settings.user_agent.clone())
            .timeout(settings.timeout)
            .build()
            .context("building the HTTP client")?;
        Ok(Client {
            http,
            settings,
            last: Default::default(),
        })
    }

    /// GET with politeness and retries; `range` asks for `bytes=a-b`. A 200 answer to a range
    /// request is refused before its body is read (it would be the whole multi-GB file).
    async fn get(&mut self, url: &url::Url, range: Option<(u64, u64)>) -> Result<Answer, String> {
        let host = url.host_str().unwrap_or_default().to_string();
        let mut attempt = 0u32;
        loop {
            if let Some(last) = self.last.get(&host) {
                tokio::time::sleep_until(*last + self.settings.delay).await;
            }
            if crate::signal::interrupted() {
                return Err("interrupted (Ctrl-C) before the request".into());
            }
            let mut request = self.http.get(url.clone());
            if let Some((a, b)) = range {
                request = request.header(reqwest::header::RANGE, format!("bytes={a}-{b}"));
            }
            let sent = request.send().await;
            self.last.insert(host.clone(), tokio::time::Instant::now());
            let wait = match sent {
                Ok(resp) if retry::is_retryable_status(resp.status().as_u16()) => {
                    let code = resp.status().as_u16();
                    if attempt >= self.settings.retries {
                        return Err(format!("HTTP {code} (after {})", attempts(attempt)));
                    }
                    resp.headers()
                        .get(reqwest::header::RETRY_AFTER)
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| retry::parse_retry_after(v, SystemTime::now()))
                        .unwrap_or_else(|| self.backoff(attempt + 1))
                }
                Ok(resp) => {
                    let status = resp.status().as_u16();
                    if range.is_some() && status == 200 {
                        return Err("the data host ignored the Range request (HTTP 200 with the whole file); refusing to read it".into());
                    }
                    if !(200..300).contains(&status) {
                        return Err(format!("HTTP {status}"));
                    }
                    let body = self.read_capped(resp).await?;
                    return Ok(Answer { status, body });
                }
                Err(e) => {
                    if attempt >= self.settings.retries {
                        // The cause (refused, unresolved …) without the URL, which the
                        // caller names.
                        return Err(format!(
                            "{} (after {})",
                            crate::fetch::error_chain(&e.without_url()),
                            attempts(attempt)
                        ));
                    }
                    self.backoff(attempt + 1)
                }
            };
            attempt += 1;
            tokio::time::sleep(wait).await;
        }
    }

    fn backoff(&self, attempt: u32) -> Duration {
        retry::backoff(
            attempt,
            self.settings.backoff_base,
            Duration::from_secs(60),
            rand::random_range(0.5..1.5),
        )
    }

    async fn read_capped(&self, resp: reqwest::Response) -> Result<Vec<u8>, String> {
        let cap = self.settings.max_bytes;
        let mut body = Vec::new();
        let mut stream = resp.bytes_stream();
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|e| format!("reading the answer: {e}"))?;
            if (body.len() + chunk.len()) as u64 > cap {
                return Err(format!("answer larger than --max-bytes {cap}"));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    /// Number of CDX pages for the query.
    pub async fn num_pages(&mut self, query: &Query) -> anyhow::Result<NumPages> {
        let url = query.cdx_url(None)?;
        let answer = self
            .get(&url, None)
            .await
            .map_err(|e| anyhow::anyhow!("{url}: {e}"))?;
        parse_num_pages(&answer.body).map_err(|e| anyhow::anyhow!("{url}: {e}"))
    }

    /// One page of CDX rows (a page the server cannot give is an error for that page only).
    pub async fn rows(
        &mut self,
        query: &Query,
        page: u64,
    ) -> anyhow::Result<Vec<Result<CdxRow, String>>> {
        let url = query.cdx_url(Some(page))?;
        match self.get(&url, None).await {
            Ok(answer) => {
                let rows = parse_rows(&answer.body);
                // Not one line parsed: an error page rather than an index answer.
                if !rows.is_empty() && rows.iter().all(Result::is_err) {
                    anyhow::bail!(
                        "{url}: the answer is not JSON lines: {}",
                        preview(&answer.body)
                    );
                }
                Ok(rows)
            }
            // pywb answers 404 for a page past the end or a query with no captures.
            Err(e) if e == "HTTP 404" => Ok(Vec::new()),
            Err(e) => Err(anyhow::anyhow!("{url}: {e}")),
        }
    }

    /// Fetch one capture's record by byte range and turn it into a page: `Ok(None)` when it is
    /// not an HTML/text 2xx response.
    pub async fn page(&mut self, query: &Query, row: &CdxRow) -> Result<Option<Page>, String> {
        if row.length == 0 {
            return Err("index row with length 0".into());
        }
        let location = format!("{}/{}", query.data, row.filename.trim_start_matches('/'));
        let url =
            url::Url::parse(&location).map_err(|e| format!("bad WARC location {location}: {e}"))?;
        let end = row.offset + row.length - 1;
        let answer = self.get(&url, Some((row.offset, end))).await?;
        if answer.status != 206 {
            return Err(format!(
                "expected HTTP 206 Partial Content, got {}",
                answer.status
            ));
        }
        if answer.body.len() as u64 != row.length {
            return Err(format!(
                "the range answer has {} bytes, the index says {}",
                answer.body.len(),
                row.length
            ));
        }
        let record = warc::read_member(&answer.body, self.settings.max_bytes)?;
        let page = warc::page_from_record(&record, self.settings.max_bytes)?;
        Ok(page.map(|mut page| {
            page.source = row.url.clone();
            page.final_url = Some(format!("{location}#bytes={}-{end}", row.offset));
            page
        }))
    }
}

/// How a Common Crawl run ended.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// CDX pages in the slice.
    pub cdx_pages: u64,
    /// Index blocks in the slice (at most [`LINES_PER_BLOCK`] captures each).
    pub cdx_blocks: Option<u64>,
    /// Records fetched in this run.
    pub fetched: u32,
    /// Pages handed to the pipeline.
    pub pages: u32,
    /// Captures that were not HTML/text 2xx responses.
    pub skipped: u32,
    /// Index lines, ranges or records that could not be read.
    pub failed: u32,
    /// True when every CDX page is done.
    pub complete: bool,
}

/// Walk the query's CDX pages (this shard's, with `shard`) from the saved state, fetch at most `max_records` records, and
/// hand every page (or failure: URL and reason) to `emit`. State is saved after every record.
pub async fn run(
    query: &Query,
    client: &mut Client,
    state_path: &Path,
    max_records: u32,
    shard: Option<crate::shard::Shard>,
    emit: &mut dyn FnMut(Result<Page, (String, String)>) -> anyhow::Result<()>,
) -> anyhow::Result<Outcome> {
    let mut state = State::load(state_path, &query.state_key())?;
    let size = client.num_pages(query).await?;
    let mut outcome = Outcome {
        cdx_pages: size.pages,
        cdx_blocks: size.blocks,
        ..Outcome::default()
    };
    tracing::info!(
        "{}: {} CDX pages for {} ({})",
        query.crawl,
        outcome.cdx_pages,
        query.url,
        query.match_type
    );
    'pages: while state.page < outcome.cdx_pages {
        // With --shard I/N this machine takes the CDX pages p with p mod N = I (the page list of
        // a snapshot is fixed, so the split is stable and no page is asked for twice).
        if shard.is_some_and(|s| state.page % s.count != s.index) {
            state.page += 1;
            continue;
        }
        let rows = match client.rows(query, state.page).await {
            Ok(rows) => rows,
            Err(e) => {
                outcome.failed += 1;
                emit(Err((format!("CDX page {}", state.page), format!("{e:#}"))))?;
                Vec::new()
            }
        };
        for (i, row) in rows.iter().enumerate().skip(state.rows_done as usize) {
            if crate::signal::interrupted() || outcome.fetched >= max_records {
                break 'pages;
            }
            match row {
                Err(e) => {
                    outcome.failed += 1;
                    tracing::warn!("{}: CDX page {}: {e}; skipped", query.crawl, state.page);
                }
                Ok(row) if !is_textual(&row.mime) => outcome.skipped += 1,
                Ok(row) => {
                    outcome.fetched += 1;
                    match client.page(query, row).await {
                        Ok(Some(page)) => {
                            outcome.pages += 1;
                            emit(Ok(page))?;
                        }
                        Ok(None) => outcome.skipped += 1,
                        Err(e) => {
                            outcome.failed += 1;
                            emit(Err((row.url.clone(), e)))?;
                        }
                    }
                }
            }
            state.rows_done = i as u64 + 1;
            state.save(state_path)?;
        }
        state.page += 1;
        state.rows_done = 0;
        state.save(state_path)?;
    }
    outcome.complete = state.page >= outcome.cdx_pages;
    state.complete = outcome.complete;
    state.save(state_path)?;
    Ok(outcome)
}

/// Index MIME types worth fetching (the index's `mime` is what the server declared).
fn is_textual(mime: &str) -> bool {
    let m = mime.to_ascii_lowercase();
    m.is_empty() || m.contains("html") || m.starts_with("text/") || m == "unk"
}

/// `1 attempt`, `4 attempts`: the count after the last failed try (`attempt` counts from 0).
fn attempts(attempt: u32) -> String {
    crate::plural::count(attempt as usize + 1, "attempt", "attempts")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_become_match_types() {
        let q = Query::new(
            "http://i/",
            "http://d",
            "CC-MAIN-2024-10",
            "*.ccgp.gov.cn/*",
            None,
        )
        .unwrap();
        assert_eq!(
            (q.url.as_str(), q.match_type.as_str()),
            ("ccgp.gov.cn", "domain")
        );
        assert_eq!(
            q.cdx_url(Some(2)).unwrap().as_str(),
            "http://i/CC-MAIN-2024-10-index?url=ccgp.gov.cn&matchType=domain&output=json&filter=status%3A200&page=2"
        );
        let q = Query::new(
            "http://i",
            "http://d",
            "CC-MAIN-2024-10",
            "www.ccgp.gov.cn/cggg/*",
            None,
        )
        .unwrap();
        assert_eq!(
            (q.url.as_str(), q.match_type.as_str()),
            ("www.ccgp.gov.cn/cggg/", "prefix")
        );
        assert!(
            q.cdx_url(None)
                .unwrap()
                .as_str()
                .ends_with("&showNumPages=true")
        );
        assert!(Query::new("http://i", "http://d", "CC-2024", "x", None).is_err());
        assert!(
            Query::new(
                "http://i",
                "http://d",
                "CC-MAIN-2024-10",
                "x",
                Some("fuzzy")
            )
            .is_err()
        );
    }

    #[test]
    fn cdx_answers() {
        assert_eq!(
            parse_num_pages(b"{\"pages\": 3, \"pageSize\": 5, \"blocks\": 12}\n"),
            Ok(NumPages {
                pages: 3,
                blocks: Some(12)
            })
        );
        assert!(
            parse_num_pages(b"<html>502 Bad Gateway</html>").is_err_and(|e| e.contains("not JSON"))
        );
        let rows = parse_rows(
            b"{\"url\": \"http://a/1\", \"mime\": \"text/html\", \"status\": \"200\", \"filename\": \"f.warc.gz\", \"offset\": \"10\", \"length\": \"20\", \"timestamp\": \"20240301000000\"}\n\nnot json\n",
        );
        assert_eq!(rows.len(), 2);
        let row = rows[0].as_ref().unwrap();
        assert_eq!(
            (row.offset, row.length, row.filename.as_str()),
            (10, 20, "f.warc.gz")
        );
        assert!(
            rows[1]
                .as_ref()
                .is_err_and(|e| e.starts_with("CDX answer line 3"))
        );
    }

    #[test]
    fn state_is_resumed_only_for_the_same_query() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let s = State {
            key: "k".into(),
            page: 2,
            rows_done: 5,
            complete: false,
        };
        s.save(&path).unwrap();
        assert_eq!(State::load(&path, "k").unwrap(), s);
        assert_eq!(State::load(&path, "other").unwrap().page, 0);
    }
}
