//! The crawl frontier: what to fetch next, what was seen (by canonical URL), the page budget,
//! the `--since` rule, the allowed hosts, and the resumable state saved to a JSON file.
use std::collections::{BTreeSet, VecDeque};
use std::net::IpAddr;
use std::path::Path;

use anyhow::Context;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use url::Url;

/// The key used for duplicates: scheme and host lower-cased, default port and fragment dropped,
/// query parameters sorted (portals reorder them between listing pages).
pub fn canonical(url: &str) -> Option<String> {
    let mut u = Url::parse(url.trim()).ok()?;
    // The url crate already drops a default port (`:80` on http) while parsing.
    u.set_fragment(None);
    if u.query().is_some() {
        let mut pairs: Vec<(String, String)> = u
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        pairs.sort();
        if pairs.is_empty() {
            u.set_query(None);
        } else {
            u.query_pairs_mut().clear().extend_pairs(pairs);
        }
    }
    Some(u.to_string())
}

/// One allowed-host rule: `host`, `host:port` or `*.domain`.
#[derive(Debug, Clone, PartialEq, Eq)]
enum HostRule {
    /// Host and port exactly.
    Exact { host: String, port: u16 },
    /// A host on the scheme's default port.
    Host(String),
    /// Any host under a domain (default ports only).
    Domain(String),
    /// Any public host (`*`, attachments only).
    Any,
}

impl HostRule {
    fn parse(rule: &str) -> Option<HostRule> {
        let rule = rule.trim().to_ascii_lowercase();
        if rule == "*" {
            return Some(HostRule::Any);
        }
        if let Some(domain) = rule.strip_prefix("*.") {
            return Some(HostRule::Domain(domain.to_string()));
        }
        let u = Url::parse(&format!("http://{rule}/")).ok()?;
        let host = u.host_str()?.to_string();
        Some(match u.port() {
            Some(port) => HostRule::Exact { host, port },
            None if rule.ends_with(":80") => HostRule::Exact { host, port: 80 },
            None => HostRule::Host(host),
        })
    }

    fn allows(&self, url: &Url) -> bool {
        let Some(host) = url.host_str().map(str::to_ascii_lowercase) else {
            return false;
        };
        match self {
            HostRule::Exact { host: h, port } => {
                *h == host && url.port_or_known_default() == Some(*port)
            }
            HostRule::Host(h) => *h == host && url.port().is_none(),
            HostRule::Domain(d) => {
                url.port().is_none() && (host == *d || host.ends_with(&format!(".{d}")))
            }
            HostRule::Any => !is_internal_literal(url),
        }
    }
}

/// True for a URL whose host is an IP literal on loopback, private or link-local networks
/// (hostnames that resolve there are caught by the fetcher).
pub fn is_internal_literal(url: &Url) -> bool {
    let ip = match url.host() {
        Some(url::Host::Ipv4(v4)) => IpAddr::V4(v4),
        Some(url::Host::Ipv6(v6)) => IpAddr::V6(v6),
        Some(url::Host::Domain(d)) => {
            return d.eq_ignore_ascii_case("localhost") || d.ends_with(".localhost");
        }
        None => return false,
    };
    match ip {
        IpAddr::V4(v4) => {
            v4.is_loopback() || v4.is_private() || v4.is_link_local() || v4.is_unspecified()
        }
        IpAddr::V6(v6) => {
            v6.is_loopback()
                || v6.is_unspecified()
                || (v6.segments()[0] & 0xfe00) == 0xfc00
                || (v6.segments()[0] & 0xffc0) == 0xfe80
        }
    }
}

/// Where links may lead.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pages: Vec<HostRule>,
    attachments: Vec<HostRule>,
}

/// Why a link is not followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutOfScope {
    /// Another public host.
    OffSite,
    /// A loopback, private or link-local address other than the allowed origin: refused.
    Internal,
}

impl Scope {
    /// Rules from `allowed_hosts` (or, when empty, the host:port of each of `starts`) and
    /// `attachment_hosts`.
    pub fn new(allowed: &[String], starts: &[String], attachment_hosts: &[String]) -> Scope {
        let mut pages: Vec<HostRule> = allowed.iter().filter_map(|h| HostRule::parse(h)).collect();
        if pages.is_empty() {
            for s in starts {
                if let Ok(u) = Url::parse(s)
                    && let (Some(host), Some(port)) = (u.host_str(), u.port_or_known_default())
                {
                    pages.push(HostRule::Exact {
                        host: host.to_ascii_lowercase(),
                        port,
                    });
                }
            }
        }
        pages.retain(|r| *r != HostRule::Any);
        let attachments = attachment_hosts
            .iter()
            .filter_map(|h| HostRule::parse(h))
            .collect();
        Scope { pages, attachments }
    }

    /// Host and port of every exact rule (the origins the fetcher must accept on loopback).
    pub fn exact_origins(&self) -> Vec<(String, u16)> {
        self.pages
            .iter()
            .filter_map(|r| match r {
                HostRule::Exact { host, port } => Some((host.clone(), *port)),
                _ => None,
            })
            .collect()
    }

    /// May a listing or notice link be followed?
    pub fn check_page(&self, url: &Url) -> Result<(), OutOfScope> {
        if self.pages.iter().any(|r| r.allows(url)) {
            Ok(())
        } else if is_internal_literal(url) {
            Err(OutOfScope::Internal)
        } else {
            Err(OutOfScope::OffSite)
        }
    }

    /// May an attachment link be fetched? (The page hosts, plus `attachment_hosts`.)
    pub fn check_attachment(&self, url: &Url) -> Result<(), OutOfScope> {
        if self.check_page(url).is_ok() || self.attachments.iter().any(|r| r.allows(url)) {
            Ok(())
        } else if is_internal_literal(url) {
            Err(OutOfScope::Internal)
        } else {
            Err(OutOfScope::OffSite)
        }
    }
}

/// A listing page waiting to be fetched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ListingTask {
    /// Position in the source's paging sequence (start URLs, then template pages).
    pub index: u32,
    /// The URL.
    pub url: String,
    /// Found as a next-page link in page content (fetched as page-origin).
    #[serde(default)]
    pub from_page: bool,
}

/// A notice waiting to be fetched.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoticeTask {
    /// The URL.
    pub url: String,
    /// Title on the listing.
    pub title: String,
    /// Date on the listing (`YYYY-MM-DD`).
    pub listed: Option<String>,
}

/// Everything needed to resume a crawl; saved as JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct State {
    /// Which crawl this is: source name and keyword; another key starts afresh.
    pub key: String,
    /// Canonical URLs already queued or fetched.
    pub seen: BTreeSet<String>,
    /// Listing pages to fetch.
    pub listings: VecDeque<ListingTask>,
    /// Notices to fetch.
    pub notices: VecDeque<NoticeTask>,
    /// Listing pages fetched so far (against the source's page limit).
    pub listing_pages: u32,
    /// Paging stopped (dates older than --since, empty page, or page limit).
    pub paging_done: bool,
}

impl State {
    /// Load the state at `path` if it exists and belongs to `key`.
    pub fn load(path: &Path, key: &str) -> anyhow::Result<Option<State>> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => {
                return Err(e).with_context(|| format!("reading crawl state {}", path.display()));
            }
        };
        let state: State = serde_json::from_str(&text).with_context(|| {
            format!(
                "crawl state {} is corrupt; delete it to start afresh",
                path.display()
            )
        })?;
        if state.key != key {
            tracing::warn!(
                "crawl state {} is for {:?}, not {key:?}: starting afresh",
                path.display(),
                state.key
            );
            return Ok(None);
        }
        Ok(Some(state))
    }

    /// Write the state atomically (temp file in the same directory, then rename).
    pub fn save(&self, path: &Path) -> anyhow::Result<()> {
        save_json_atomically(self, path)
    }
}

/// Write crawl state as JSON atomically: a synced temp file in the same directory, then a
/// rename, so a crash leaves either the old state or the new one, never half of it.
pub fn save_json_atomically(state: &impl serde::Serialize, path: &Path) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("writing crawl state in {}", dir.display()))?;
    serde_json::to_writer(&mut tmp, state).context("writing crawl state")?;
    tmp.as_file().sync_all().context("writing crawl state")?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("saving crawl state {}", path.display()))?;
    Ok(())
}

/// Why a notice link was not queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Already queued or fetched.
    Duplicate,
    /// The listing dates it before `--since`.
    BeforeSince,
    /// The listing dates it after `--until`.
    AfterUntil,
    /// Not an allowed host.
    OutOfScope(OutOfScope),
    /// Not an http(s) URL.
    BadUrl,
}

/// The frontier: state plus the rules deciding what enters it.
#[derive(Debug)]
pub struct Frontier {
    /// The resumable part.
    pub state: State,
    scope: Scope,
    since: Option<Date>,
    until: Option<Date>,
    budget: u32,
    spent: u32,
}

impl Frontier {
    /// A frontier over `state` with the run's rules; `budget` counts listing and notice fetches.
    pub fn new(
        state: State,
        scope: Scope,
        since: Option<Date>,
        until: Option<Date>,
        budget: u32,
    ) -> Frontier {
        Frontier {
            state,
            scope,
            since,
            until,
            budget,
            spent: 0,
        }
    }

    /// The scope rules.
    pub fn scope(&self) -> &Scope {
        &self.scope
    }

    /// Queue a listing page (user-given or a next-page link) unless seen.
    pub fn push_listing(&mut self, index: u32, url: &str, from_page: bool) -> bool {
        let Some(key) = canonical(url) else {
            return false;
        };
        if !self.state.seen.insert(key) {
            return false;
        }
        self.state.listings.push_back(ListingTask {
            index,
            url: url.to_string(),
            from_page,
        });
        true
    }

    /// Offer a notice link from a listing, with its listed date.
    pub fn offer_notice(
        &mut self,
        url: &str,
        title: &str,
        listed: Option<Date>,
    ) -> Result<(), Refusal> {
        let parsed = Url::parse(url).map_err(|_| Refusal::BadUrl)?;
        self.scope
            .check_page(&parsed)
            .map_err(Refusal::OutOfScope)?;
        if let (Some(since), Some(d)) = (self.since, listed)
            && d < since
        {
            return Err(Refusal::BeforeSince);
        }
        if let (Some(until), Some(d)) = (self.until, listed)
            && d > until
        {
            return Err(Refusal::AfterUntil);
        }
        let key = canonical(url).ok_or(Refusal::BadUrl)?;
        if !self.state.seen.insert(key) {
            return Err(Refusal::Duplicate);
        }
        self.state.notices.push_back(NoticeTask {
            url: url.to_string(),
            title: title.to_string(),
            listed: listed.map(|d| d.to_string()),
        });
        Ok(())
    }

    /// True when a listing page's dates say paging can stop: it has dates, all before `--since`.
    pub fn all_before_since(&self, dates: &[Option<Date>]) -> bool {
        let Some(since) = self.since else {
            return false;
        };
        let dated: Vec<Date> = dates.iter().flatten().copied().collect();
        !dated.is_empty() && dated.iter().all(|d| *d < since)
    }

    /// Take one unit of the budget; false when it is spent.
    pub fn spend(&mut self) -> bool {
        if self.spent >= self.budget {
            return false;
        }
        self.spent += 1;
        true
    }

    /// Pages fetched in this run.
    pub fn spent(&self) -> u32 {
        self.spent
    }

    /// True when the budget is spent.
    pub fn budget_spent(&self) -> bool {
        self.spent >= self.budget
    }

    /// True when nothing is left to fetch.
    pub fn is_empty(&self) -> bool {
        self.state.notices.is_empty() && self.state.listings.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn canonical_drops_fragment_default_port_and_sorts_query() {
        assert_eq!(
            canonical("HTTP://WWW.Ccgp.gov.cn:80/a.htm?b=2&a=1#top").as_deref(),
            Some("http://www.ccgp.gov.cn/a.htm?a=1&b=2")
        );
        assert_eq!(
            canonical("http://127.0.0.1:8080/x"),
            Some("http://127.0.0.1:8080/x".to_string())
        );
    }

    #[test]
    fn default_scope_is_start_host_and_port() {
        let scope = Scope::new(&[], &["http://127.0.0.1:4000/list".into()], &[]);
        assert_eq!(
            scope.check_page(&url("http://127.0.0.1:4000/n/1.htm")),
            Ok(())
        );
        assert_eq!(
            scope.check_page(&url("http://127.0.0.1:4001/n/1.htm")),
            Err(OutOfScope::Internal)
        );
        assert_eq!(
            scope.check_page(&url("http://www.example.com/n/1.htm")),
            Err(OutOfScope::OffSite)
        );
        assert_eq!(scope.exact_origins(), vec![("127.0.0.1".to_string(), 4000)]);
    }

    #[test]
    fn host_rules_and_any_public_attachment_host() {
        let scope = Scope::new(
            &["www.ccgp.gov.cn".into(), "*.gov.cn".into()],
            &[],
            &["*".into()],
        );
        assert_eq!(scope.check_page(&url("http://www.ccgp.gov.cn/x")), Ok(()));
        assert_eq!(
            scope.check_page(&url("http://www.ccgp.gov.cn:8080/x")),
            Err(OutOfScope::OffSite)
        );
        assert_eq!(
            scope.check_page(&url("https://zfcg.czt.zj.gov.cn/x")),
            Ok(())
        );
        assert_eq!(
            scope.check_page(&url("http://www.yngp.com/x")),
            Err(OutOfScope::OffSite)
        );
        assert_eq!(
            scope.check_attachment(&url("http://www.yngp.com/x.docx")),
            Ok(())
        );
        assert_eq!(
            scope.check_attachment(&url("http://10.0.0.1/x.docx")),
            Err(OutOfScope::Internal)
        );
    }

    #[test]
    fn since_rule_duplicates_and_budget() {
        let scope = Scope::new(&[], &["http://p.example/".into()], &[]);
        let since = Date::constant(2025, 6, 1);
        let mut f = Frontier::new(State::default(), scope, Some(since), None, 2);
        assert_eq!(
            f.offer_notice(
                "http://p.example/a.htm",
                "a",
                Some(Date::constant(2025, 6, 2))
            ),
            Ok(())
        );
        assert_eq!(
            f.offer_notice("http://p.example/a.htm#x", "a", None),
            Err(Refusal::Duplicate)
        );
        assert_eq!(
            f.offer_notice(
                "http://p.example/b.htm",
                "b",
                Some(Date::constant(2025, 5, 31))
            ),
            Err(Refusal::BeforeSince)
        );
        assert_eq!(f.offer_notice("http://p.example/c.htm", "c", None), Ok(()));
        assert!(f.all_before_since(&[Some(Date::constant(2025, 5, 1)), None]));
        assert!(!f.all_before_since(&[Some(Date::constant(2025, 5, 1)), Some(since)]));
        assert!(!f.all_before_since(&[None]));
        assert!(f.spend() && f.spend() && !f.spend());
    }

    #[test]
    fn state_round_trips_atomically() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("sub/state.json");
        let mut state = State {
            key: "generic|".into(),
            listing_pages: 2,
            ..State::default()
        };
        state.notices.push_back(NoticeTask {
            url: "http://p.example/a".into(),
            title: "a".into(),
            listed: Some("2025-06-02".into()),
        });
        state.save(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(State::load(&path, "generic|").ok().flatten(), Some(state));
        assert_eq!(State::load(&path, "other|").ok().flatten(), None);
    }
}
