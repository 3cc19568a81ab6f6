//! The polite client: one URL in, one raw page (or a clear failure) out.
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, SystemTime};

use hyper::StatusCode;
use hyper::header::{self, HeaderMap};
use url::Url;

use super::archive::{Archive, ArchiveEntry};
use super::opts::FetchConfig;
use super::politeness::{self, HostState, Sleeper, TokioSleeper, Wait, WaitReason};
use super::robots::{MAX_ROBOTS_BYTES, RobotsRules};
use super::transport::{Transport, TransportError};
use super::{FetchFailure, FetchOpts, UrlOrigin, addr, blocked, meta_refresh, retry};
use crate::model::Page;

/// Longest `<meta http-equiv=refresh>` delay treated as a redirect (Scrapy's METAREFRESH_MAXDELAY).
const MAX_META_REFRESH_DELAY: f64 = 100.0;

/// A polite HTTP client shared by `scan` and `crawl` (async; one per run).
pub struct Fetcher {
    cfg: FetchConfig,
    transport: Transport,
    hosts: Mutex<HashMap<String, Arc<tokio::sync::Mutex<HostState>>>>,
    in_flight: tokio::sync::Semaphore,
    allowed: RwLock<HashSet<(String, u16)>>,
    archive: Option<Archive>,
    sleeper: Arc<dyn Sleeper>,
    resolver: Arc<addr::PinnedResolver>,
    warc: Option<crate::warc::WarcWriter>,
}

/// A response read whole (body capped).
struct Fetched {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

/// Why one attempt failed, and whether another attempt may help.
enum AttemptError {
    Retryable(String),
    Fatal(String),
}

impl Fetcher {
    /// Build a fetcher from the options.
    pub fn new(opts: &FetchOpts) -> anyhow::Result<Fetcher> {
        let cfg = FetchConfig::from_opts(opts)?;
        let resolver = Arc::new(addr::PinnedResolver::default());
        // Redirects are followed by hand: each hop is checked (scheme, address, robots, politeness).
        let proxies = super::proxy::Proxies::from_env()?;
        if let Some(used) = proxies.describe() {
            tracing::info!("proxy: {used}");
        }
        let transport = Transport::new(resolver.clone(), cfg.connect_timeout, proxies)?;
        if cfg.ignore_robots {
            tracing::warn!("--ignore-robots: robots.txt is neither fetched nor obeyed");
        }
        let archive = cfg
            .archive
            .as_deref()
            .map(Archive::open)
            .transpose()?
            .map(|a| a.with_max_body(cfg.max_bytes));
        let warc = cfg
            .warc
            .as_deref()
            .map(crate::warc::WarcWriter::create)
            .transpose()?;
        Ok(Fetcher {
            in_flight: tokio::sync::Semaphore::new(cfg.concurrency),
            cfg,
            transport,
            hosts: Mutex::new(HashMap::new()),
            allowed: RwLock::new(HashSet::new()),
            archive,
            sleeper: Arc::new(TokioSleeper),
            resolver,
            warc,
        })
    }

    /// Replace how the fetcher waits (tests record the schedule instead of sleeping).
    pub fn with_sleeper(mut self, sleeper: Arc<dyn Sleeper>) -> Fetcher {
        self.sleeper = sleeper;
        self
    }

    /// Let links found in pages reach `host:port` even if it is a loopback or private address
    /// (the crawler calls this for the portal it was started on).
    pub fn allow_origin(&self, host: &str, port: u16) {
        if let Ok(mut allowed) = self.allowed.write() {
            allowed.insert((host.to_ascii_lowercase(), port));
        }
    }

    /// The host key politeness is counted by: the host name, all ports together (one machine).
    pub fn host_key(url: &Url) -> String {
        url.host_str().unwrap_or_default().to_ascii_lowercase()
    }

    /// Fetch one URL politely (robots, per-host delay, retries, caps, archive).
    pub async fn get(&self, url: &str, origin: UrlOrigin) -> Result<Page, FetchFailure> {
        let fail = |message: String| FetchFailure {
            url: url.to_string(),
            message,
        };
        let start = check_url(url.trim()).map_err(fail)?;

        let stored = self.archive.as_ref().and_then(|a| a.lookup(url));
        if let Some((_, page)) = &stored
            && !self.cfg.refresh
        {
            tracing::debug!("{url}: from the archive");
            return Ok(page.clone());
        }

        // A user-given URL is trusted for its own host:port; everything a server or page points at is not.
        let trusted = match origin {
            UrlOrigin::User => Some((
                Fetcher::host_key(&start),
                start.port_or_known_default().unwrap_or(0),
            )),
            UrlOrigin::Page => None,
        };
        let mut current = start;
        let mut visited = vec![current.to_string()];
        let mut hops = 0usize;
        loop {
            self.check_address(&current, trusted.as_ref())
                .await
                .map_err(fail)?;
            let validators = if hops == 0 {
                stored.as_ref().map(|(entry, _)| entry)
            } else {
                None
            };
            let fetched = self.fetch_hop(&current, validators).await.map_err(fail)?;

            let next =
                if fetched.status.is_redirection() && fetched.status != StatusCode::NOT_MODIFIED {
                    let location = fetched
                        .headers
                        .get(header::LOCATION)
                        .and_then(|v| v.to_str().ok())
                        .ok_or_else(|| {
                            fail(format!(
                                "HTTP {} redirect without a Location header",
                                fetched.status.as_u16()
                            ))
                        })?;
                    Some(
                        current
                            .join(location)
                            .map_err(|e| fail(format!("bad redirect target {location:?}: {e}")))?,
                    )
                } else if fetched.status.is_success() && is_html(&fetched.headers) {
                    meta_refresh::target(&fetched.body, MAX_META_REFRESH_DELAY)
                        .and_then(|target| current.join(&target).ok())
                        .filter(|target| target.as_str() != current.as_str())
                } else {
                    None
                };
            if let Some(next) = next {
                check_url(next.as_str()).map_err(|m| fail(format!("redirected to {next}: {m}")))?;
                if visited.iter().any(|v| v == next.as_str()) {
                    visited.push(next.to_string());
                    return Err(fail(format!("redirect loop: {}", visited.join(" → "))));
                }
                hops += 1;
                if hops > self.cfg.max_redirects {
                    return Err(fail(format!(
                        "too many redirects (more than {}), last {next}",
                        self.cfg.max_redirects
                    )));
                }
                tracing::debug!("{current} → {next}");
                visited.push(next.to_string());
                current = next;
                continue;
            }

            if fetched.status == StatusCode::NOT_MODIFIED
                && let Some((_, page)) = stored
            {
                tracing::debug!("{url}: not modified, the archived page is kept");
                return Ok(page);
            }
            if !fetched.status.is_success() {
                return Err(fail(status_message(fetched.status)));
            }
            // Only HTML can be a challenge page; a PDF attachment's bytes are left alone.
            if (is_html(&fetched.headers) || fetched.body.trim_ascii_start().starts_with(b"<"))
                && let Some(reason) = blocked::challenge_reason(&fetched.body)
            {
                return Err(fail(format!("blocked: {reason}")));
            }
            let page = Page {
                source: url.to_string(),
                final_url: Some(current.to_string()),
                fetched_at: Some(format!("{:.0}", jiff::Timestamp::now())),
                status: Some(fetched.status.as_u16()),
                header_charset: header_charset(&fetched.headers),
                bytes: fetched.body,
            };
            if let Some(archive) = &self.archive {
                let headers = header_pairs(&fetched.headers);
                if let Err(e) = archive.store(&page, headers) {
                    tracing::warn!("{url}: not archived: {e:#}");
                }
            }
            if let Some(warc) = &self.warc {
                let request = self.request_headers(validators);
                let headers = header_pairs(&fetched.headers);
                if let Err(e) = warc.write_exchange(&page, &current, &request, &headers) {
                    tracing::warn!("{url}: not written to the WARC file: {e:#}");
                }
            }
            return Ok(page);
        }
    }

    /// The headers this client sends with a GET, in order (also the WARC request record's).
    fn request_headers(&self, validators: Option<&ArchiveEntry>) -> Vec<(String, String)> {
        let mut headers = vec![
            ("User-Agent".to_string(), self.cfg.user_agent.clone()),
            (
                "Accept".to_string(),
                "text/html,application/xhtml+xml,*/*;q=0.8".to_string(),
            ),
            (
                "Accept-Language".to_string(),
                "zh-CN,zh;q=0.9,en;q=0.5".to_string(),
            ),
            (
                "Accept-Encoding".to_string(),
                "gzip, br, deflate".to_string(),
            ),
        ];
        if let Some(entry) = validators {
            if let Some(etag) = entry.header("etag") {
                headers.push(("If-None-Match".to_string(), etag.to_string()));
            }
            if let Some(modified) = entry.header("last-modified") {
                headers.push(("If-Modified-Since".to_string(), modified.to_string()));
            }
        }
        headers
    }

    /// Refuse page-supplied URLs that reach loopback, private or link-local addresses; say clearly
    /// when a host does not resolve.
    async fn check_address(
        &self,
        url: &Url,
        trusted: Option<&(String, u16)>,
    ) -> Result<(), String> {
        let host = Fetcher::host_key(url);
        let port = url.port_or_known_default().unwrap_or(0);
        let key = (host.clone(), port);
        let allowed = trusted == Some(&key)
            || self
                .allowed
                .read()
                .map(|a| a.contains(&key))
                .unwrap_or(false);
        let lookup_host = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .to_string();
        if self.transport.is_proxied(url) {
            // The proxy resolves the name and connects: the target's address is not seen here
            // (and may not even resolve locally). An address written in the URL still is.
            return match lookup_host.parse::<std::net::IpAddr>() {
                Ok(ip) if !allowed && addr::is_internal(ip) => Err(format!(
                    "refused: {host}:{port} is internal address {ip} (links and redirects may not reach loopback, private or link-local hosts)"
                )),
                _ => Ok(()),
            };
        }
        let lookup = tokio::time::timeout(
            self.cfg.connect_timeout,
            tokio::net::lookup_host((lookup_host.as_str(), port)),
        )
        .await;
        let addrs: Vec<_> = match lookup {
            Err(_) => {
                return Err(format!(
                    "host {host} did not resolve within {:?}",
                    self.cfg.connect_timeout
                ));
            }
            Ok(Err(e)) => return Err(format!("host {host} does not resolve ({e})")),
            Ok(Ok(addrs)) => addrs.collect(),
        };
        if addrs.is_empty() {
            return Err(format!("host {host} does not resolve (no addresses)"));
        }
        self.resolver.pin(&lookup_host, addrs.clone());
        if !allowed && let Some(internal) = addrs.iter().find(|a| addr::is_internal(a.ip())) {
            return Err(format!(
                "refused: {host}:{port} resolves to internal address {} (links and redirects may not reach loopback, private or link-local hosts)",
                internal.ip()
            ));
        }
        Ok(())
    }

    fn host_state(&self, host: &str) -> Arc<tokio::sync::Mutex<HostState>> {
        let mut hosts = match self.hosts.lock() {
            Ok(h) => h,
            Err(poisoned) => poisoned.into_inner(),
        };
        hosts.entry(host.to_string()).or_default().clone()
    }

    /// One hop on one host: robots, politeness and retries, holding the host for the whole time.
    async fn fetch_hop(
        &self,
        url: &Url,
        validators: Option<&ArchiveEntry>,
    ) -> Result<Fetched, String> {
        let host = Fetcher::host_key(url);
        let slot = self.host_state(&host);
        let mut state = slot.lock().await;

        let robots = self.robots_for(url, &host, &mut state).await;
        if let Some(why) = robots.refusal(url.as_str()) {
            return Err(why);
        }
        let (base, clamped) = politeness::base_delay(
            self.cfg.delay,
            robots.crawl_delay(),
            self.cfg.max_crawl_delay,
        );
        if clamped {
            tracing::info!(
                "{host}: Crawl-delay longer than --max-crawl-delay, using {:?}",
                base
            );
        }
        let floor = robots
            .crawl_delay()
            .unwrap_or_default()
            .min(self.cfg.max_crawl_delay);

        let mut attempt = 0u32;
        loop {
            let last_problem: String;
            self.wait_turn(&host, &mut state).await;
            if crate::signal::interrupted() {
                return Err("interrupted (Ctrl-C) before the request".to_string());
            }
            let result = self
                .attempt(url, validators, self.cfg.max_bytes, false)
                .await;
            state.request_done(base, floor, rand::random_range(0.5..1.5));
            if clamped {
                state.cap_gap(self.cfg.max_crawl_delay);
            }
            let retry_wait = match result {
                Ok(fetched) if retry::is_retryable_status(fetched.status.as_u16()) => {
                    let code = fetched.status.as_u16();
                    last_problem = status_message(fetched.status);
                    if matches!(code, 429 | 503) {
                        state.slow_down();
                    }
                    if attempt >= self.cfg.retries {
                        return Err(format!(
                            "{} (after {})",
                            status_message(fetched.status),
                            crate::plural::count(attempt as usize + 1, "attempt", "attempts")
                        ));
                    }
                    let asked = fetched
                        .headers
                        .get(header::RETRY_AFTER)
                        .and_then(|v| v.to_str().ok())
                        .and_then(|v| retry::parse_retry_after(v, SystemTime::now()));
                    match asked {
                        Some(asked) if asked > self.cfg.max_retry_after => {
                            return Err(format!(
                                "{}: server asks to wait {} s, more than --max-retry-after {} s",
                                status_message(fetched.status),
                                asked.as_secs(),
                                self.cfg.max_retry_after.as_secs()
                            ));
                        }
                        Some(asked) => (
                            WaitReason::RetryAfter {
                                attempt: attempt + 1,
                            },
                            asked,
                        ),
                        None => self.backoff(attempt + 1),
                    }
                }
                Ok(fetched) => {
                    state.speed_up();
                    return Ok(fetched);
                }
                Err(AttemptError::Fatal(message)) => return Err(message),
                Err(AttemptError::Retryable(message)) => {
                    state.slow_down();
                    last_problem = message.clone();
                    if attempt >= self.cfg.retries {
                        return Err(format!(
                            "{message} (after {})",
                            crate::plural::count(attempt as usize + 1, "attempt", "attempts")
                        ));
                    }
                    tracing::debug!("{url}: {message}, retrying");
                    self.backoff(attempt + 1)
                }
            };
            attempt += 1;
            let (reason, duration) = retry_wait;
            super::count_retry();
            tracing::info!(
                "{host}: {}, retry {attempt} of {} in {:.1} s (host slow-down ×{:.2})",
                last_problem,
                self.cfg.retries,
                duration.as_secs_f64(),
                state.throttle
            );
            self.sleeper
                .sleep(Wait {
                    host: host.clone(),
                    reason,
                    duration,
                })
                .await;
        }
    }

    fn backoff(&self, attempt: u32) -> (WaitReason, Duration) {
        let wait = retry::backoff(
            attempt,
            self.cfg.backoff_base,
            self.cfg.backoff_cap,
            rand::random_range(0.5..1.5),
        );
        (WaitReason::Backoff { attempt }, wait)
    }

    /// Wait for what is left of the host's gap since its last request.
    async fn wait_turn(&self, host: &str, state: &mut HostState) {
        if let Some(next) = state.next_allowed {
            let now = tokio::time::Instant::now();
            if next > now {
                let (base, gap) = state.last_gap;
                let wait = Wait {
                    host: host.to_string(),
                    reason: WaitReason::Politeness { base, gap },
                    duration: next - now,
                };
                self.sleeper.sleep(wait).await;
            }
        }
    }

    /// robots.txt of the URL's origin, fetched once (under the host's lock, so it is polite too).
    async fn robots_for(&self, url: &Url, host: &str, state: &mut HostState) -> Arc<RobotsRules> {
        if self.cfg.ignore_robots {
            return Arc::new(RobotsRules::AllowAll);
        }
        let origin = url.origin().ascii_serialization();
        if let Some(rules) = state.robots.get(&origin) {
            return rules.clone();
        }
        let rules = match url.join("/robots.txt") {
            Err(_) => RobotsRules::AllowAll,
            Ok(robots_url) => self.fetch_robots(&robots_url, host, state).await,
        };
        if let RobotsRules::DisallowAll(why) = &rules {
            tracing::warn!("{origin}: {why}; nothing will be fetched from it (RFC 9309)");
        }
        let rules = Arc::new(rules);
        state.robots.insert(origin, rules.clone());
        rules
    }

    async fn fetch_robots(
        &self,
        robots_url: &Url,
        host: &str,
        state: &mut HostState,
    ) -> RobotsRules {
        let mut target = robots_url.clone();
        // RFC 9309 §2.3.1.2: follow at least five redirects.
        for _ in 0..5 {
            let mut attempt = 0u32;
            let fetched = loop {
                self.wait_turn(host, state).await;
                let result = self.attempt(&target, None, MAX_ROBOTS_BYTES, true).await;
                state.request_done(self.cfg.delay, Duration::ZERO, rand::random_range(0.5..1.5));
                match result {
                    Ok(f)
                        if retry::is_retryable_status(f.status.as_u16())
                            && attempt < self.cfg.retries => {}
                    Err(AttemptError::Retryable(_)) if attempt < self.cfg.retries => {}
                    other => break other,
                }
                attempt += 1;
                let (reason, duration) = self.backoff(attempt);
                self.sleeper
                    .sleep(Wait {
                        host: host.to_string(),
                        reason,
                        duration,
                    })
                    .await;
            };
            match fetched {
                Err(AttemptError::Retryable(m) | AttemptError::Fatal(m)) => {
                    return RobotsRules::DisallowAll(format!("robots.txt unreachable ({m})"));
                }
                Ok(f) if f.status.is_redirection() => {
                    let next = f
                        .headers
                        .get(header::LOCATION)
                        .and_then(|v| v.to_str().ok())
                        .and_then(|l| target.join(l).ok());
                    match next {
                        // Another host's robots.txt would be fetched without its own politeness; RFC 9309 lets us stop here.
                        Some(next) if Fetcher::host_key(&next) == host => target = next,
                        _ => return RobotsRules::AllowAll,
                    }
                }
                Ok(f) => {
                    let content_type = f
                        .headers
                        .get(header::CONTENT_TYPE)
                        .and_then(|v| v.to_str().ok());
                    return RobotsRules::from_response(f.status.as_u16(), content_type, &f.body);
                }
            }
        }
        RobotsRules::AllowAll
    }

    /// One request, body read under `cap` (decompressed bytes); `truncate` keeps the first `cap`
    /// bytes instead of failing (robots.txt).
    async fn attempt(
        &self,
        url: &Url,
        validators: Option<&ArchiveEntry>,
        cap: u64,
        truncate: bool,
    ) -> Result<Fetched, AttemptError> {
        let _permit = self
            .in_flight
            .acquire()
            .await
            .map_err(|_| AttemptError::Fatal("fetcher shut down".into()))?;
        // The whole exchange (connect, headers, body) runs under --timeout.
        let exchange = tokio::time::timeout(
            self.cfg.timeout,
            self.transport
                .get(url, &self.request_headers(validators), cap, truncate),
        )
        .await
        .map_err(|_| self.timed_out())?
        .map_err(|e| self.classify(e))?;
        Ok(Fetched {
            status: exchange.status,
            headers: exchange.headers,
            body: exchange.body,
        })
    }

    fn timed_out(&self) -> AttemptError {
        AttemptError::Retryable(format!(
            "timed out (--timeout {} s, --connect-timeout {} s)",
            self.cfg.timeout.as_secs_f64(),
            self.cfg.connect_timeout.as_secs_f64()
        ))
    }

    /// A transport failure as a one-line reason, retryable or not.
    fn classify(&self, e: TransportError) -> AttemptError {
        match e {
            TransportError::ConnectTimeout => self.timed_out(),
            TransportError::Connect(why) => {
                AttemptError::Retryable(format!("could not connect: {why}"))
            }
            // 5xx: the proxy could not reach the server now; 407, 403: it will not, as set up.
            TransportError::ProxyRefused {
                proxy,
                status,
                line,
            } => {
                let why = format!("proxy {proxy} refused CONNECT: {line}");
                if status >= 500 {
                    AttemptError::Retryable(why)
                } else {
                    AttemptError::Fatal(why)
                }
            }
            TransportError::Reset => {
                AttemptError::Retryable("connection reset by the server".to_string())
            }
            TransportError::Incomplete { declared } => AttemptError::Retryable(format!(
                "incomplete response: the connection closed before the {declared} bytes its Content-Length announced had arrived"
            )),
            // The server's framing is wrong, not the network: asking again gives the same.
            TransportError::Longer { declared } => AttemptError::Fatal(format!(
                "response longer than its Content-Length: the server sent more than the {declared} bytes it announced (the record would be silently cut)"
            )),
            TransportError::DeclaredTooLarge { declared, cap } => AttemptError::Fatal(format!(
                "response too large: Content-Length {declared} bytes exceeds --max-bytes {cap}"
            )),
            TransportError::TooLarge { cap } => AttemptError::Fatal(format!(
                "response too large: more than --max-bytes {cap} bytes (after decompression)"
            )),
            TransportError::Decode(why) => {
                AttemptError::Fatal(format!("could not decompress the response: {why}"))
            }
            TransportError::Failed(why) => {
                AttemptError::Retryable(format!("connection failed: {why}"))
            }
        }
    }
}

/// Parse and check a URL: only absolute http(s) URLs with a host.
fn check_url(url: &str) -> Result<Url, String> {
    let parsed = Url::parse(url).map_err(|e| format!("invalid URL: {e}"))?;
    match parsed.scheme() {
        "http" | "https" => {}
        other => {
            return Err(format!(
                "unsupported URL scheme {other}: (only http and https are fetched)"
            ));
        }
    }
    if parsed.host_str().is_none_or(str::is_empty) {
        return Err("invalid URL: no host".to_string());
    }
    Ok(parsed)
}

fn status_message(status: StatusCode) -> String {
    match status.canonical_reason() {
        Some(reason) => format!("HTTP {} {reason}", status.as_u16()),
        None => format!("HTTP {}", status.as_u16()),
    }
}

fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_none_or(|ct| ct.to_ascii_lowercase().contains("html"))
}

/// The `charset` parameter of Content-Type, as given (only quotes and spaces trimmed).
pub fn header_charset(headers: &HeaderMap) -> Option<String> {
    let content_type = headers.get(header::CONTENT_TYPE)?;
    let content_type = String::from_utf8_lossy(content_type.as_bytes());
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!value.is_empty()).then(|| value.to_string())
    })
}

fn header_pairs(headers: &HeaderMap) -> Vec<(String, String)> {
    headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_string(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect()
}

/// An error and its sources on one line, repeats left out.
pub(crate) fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut parts = vec![e.to_string()];
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !parts.iter().any(|p| p.contains(&text)) {
            parts.push(text);
        }
        source = s.source();
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charset_param_is_kept_as_given() {
        let mut h = HeaderMap::new();
        h.insert(
            header::CONTENT_TYPE,
            header::HeaderValue::from_static("text/html; Charset=\"GB2312\""),
        );
        assert_eq!(header_charset(&h).as_deref(), Some("GB2312"));
        h.insert(
            header::CONTENT_TYPE,
            header::HeaderValue::from_static("text/html"),
        );
        assert_eq!(header_charset(&h), None);
    }

    #[test]
    fn only_http_urls_pass() {
        assert!(check_url("https://www.ccgp.gov.cn/x.htm").is_ok());
        assert!(
            check_url("ftp://example.com/a")
                .is_err_and(|m| m.contains("unsupported URL scheme ftp"))
        );
        assert!(check_url("not a url").is_err_and(|m| m.starts_with("invalid URL")));
    }
}
