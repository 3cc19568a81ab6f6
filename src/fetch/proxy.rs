//! Which HTTP proxy a page request goes through, read from the environment as curl and reqwest
//! read it: `http_proxy`/`HTTP_PROXY`, `https_proxy`/`HTTPS_PROXY`, `all_proxy`/`ALL_PROXY` and
//! `no_proxy`/`NO_PROXY`.
use std::net::IpAddr;

use url::Url;

/// One HTTP proxy: where to connect, and the `Proxy-Authorization` value if it has credentials.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Proxy {
    /// Host name or IP (no brackets).
    pub host: String,
    pub port: u16,
    /// `Basic …` from the URL's user:password.
    pub authorization: Option<String>,
    /// The variable it came from (for messages).
    pub var: &'static str,
}

impl std::fmt::Display for Proxy {
    /// `http://host:port` — credentials are never shown.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.host.contains(':') {
            write!(f, "http://[{}]:{}", self.host, self.port)
        } else {
            write!(f, "http://{}:{}", self.host, self.port)
        }
    }
}

/// The proxies for http and https targets, and the hosts that bypass them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Proxies {
    http: Option<Proxy>,
    https: Option<Proxy>,
    no_proxy: NoProxy,
}

impl Proxies {
    /// Read the process environment; a proxy URL that is not `http://` is an error.
    pub(crate) fn from_env() -> anyhow::Result<Proxies> {
        Proxies::from_lookup(|name| std::env::var(name).ok())
    }

    /// Read variables through `get` (tests pass a map). Lower-case names first, as curl; the
    /// upper-case `HTTP_PROXY` is ignored when `REQUEST_METHOD` is set (a CGI request can set it
    /// through a `Proxy:` header, "httpoxy").
    pub(crate) fn from_lookup(get: impl Fn(&str) -> Option<String>) -> anyhow::Result<Proxies> {
        let set = |name: &str| get(name).filter(|v| !v.trim().is_empty());
        let cgi = get("REQUEST_METHOD").is_some();
        let pick = |names: &[&'static str]| -> anyhow::Result<Option<Proxy>> {
            for &name in names {
                if cgi && name == "HTTP_PROXY" {
                    continue;
                }
                if let Some(value) = set(name) {
                    return parse_proxy(name, &value).map(Some);
                }
            }
            Ok(None)
        };
        let all = ["all_proxy", "ALL_PROXY"];
        let http = match pick(&["http_proxy", "HTTP_PROXY"])? {
            Some(p) => Some(p),
            None => pick(&all)?,
        };
        let https = match pick(&["https_proxy", "HTTPS_PROXY"])? {
            Some(p) => Some(p),
            None => pick(&all)?,
        };
        let no_proxy = set("no_proxy")
            .or_else(|| set("NO_PROXY"))
            .map(|v| NoProxy::parse(&v))
            .unwrap_or_default();
        Ok(Proxies {
            http,
            https,
            no_proxy,
        })
    }

    /// The proxy for `url`, or None to connect directly.
    pub(crate) fn for_url(&self, url: &Url) -> Option<&Proxy> {
        let proxy = match url.scheme() {
            "https" => self.https.as_ref(),
            _ => self.http.as_ref(),
        }?;
        let host = url.host_str().unwrap_or_default();
        (!self.no_proxy.bypasses(host)).then_some(proxy)
    }

    /// The proxies in use, one phrase each (for the start-up log), or None.
    pub(crate) fn describe(&self) -> Option<String> {
        let mut parts = Vec::new();
        if let Some(p) = &self.http {
            parts.push(format!("http:// pages through {p} ({})", p.var));
        }
        if let Some(p) = &self.https {
            parts.push(format!("https:// pages through {p} ({})", p.var));
        }
        if parts.is_empty() {
            return None;
        }
        if !self.no_proxy.entries.is_empty() || self.no_proxy.all {
            parts.push("except hosts in NO_PROXY".to_string());
        }
        Some(parts.join(", "))
    }
}

/// A proxy URL as curl takes it: `http://[user:pass@]host[:port]`, the scheme optional, port 1080
/// when left out (curl's default); any other scheme is refused.
fn parse_proxy(var: &'static str, value: &str) -> anyhow::Result<Proxy> {
    let value = value.trim();
    let text = if value.contains("://") {
        value.to_string()
    } else {
        format!("http://{value}")
    };
    let url = Url::parse(&text)
        .map_err(|e| anyhow::anyhow!("{var}={value:?} is not a proxy URL ({e})"))?;
    if url.scheme() != "http" {
        anyhow::bail!(
            "{var}: {}:// proxies are not supported by scan and crawl (only http:// proxies); unset it or use an http:// proxy",
            url.scheme()
        );
    }
    let host = url
        .host_str()
        .filter(|h| !h.is_empty())
        .ok_or_else(|| anyhow::anyhow!("{var}={value:?} is not a proxy URL (no host)"))?
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string();
    let authorization = if url.username().is_empty() {
        None
    } else {
        let decode = |s: &str| {
            percent_encoding::percent_decode_str(s)
                .decode_utf8_lossy()
                .into_owned()
        };
        let pair = format!(
            "{}:{}",
            decode(url.username()),
            decode(url.password().unwrap_or(""))
        );
        Some(format!(
            "Basic {}",
            data_encoding::BASE64.encode(pair.as_bytes())
        ))
    };
    Ok(Proxy {
        host,
        port: url.port().unwrap_or(1080),
        authorization,
        var,
    })
}

/// `NO_PROXY` as curl reads it: comma-separated host names (each also matching its subdomains,
/// with or without a leading dot), IP addresses, CIDR ranges, or `*` for every host.
#[derive(Debug, Clone, Default)]
pub(crate) struct NoProxy {
    all: bool,
    entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
enum Entry {
    Name(String),
    Net(IpAddr, u8),
}

impl NoProxy {
    pub(crate) fn parse(value: &str) -> NoProxy {
        let mut no = NoProxy::default();
        for raw in value.split(',') {
            let item = raw.trim();
            if item.is_empty() {
                continue;
            }
            if item == "*" {
                no.all = true;
                continue;
            }
            let (addr, bits) = match item.split_once('/') {
                Some((a, b)) => (a, b.parse::<u8>().ok()),
                None => (item, None),
            };
            let addr = addr.trim_start_matches('[').trim_end_matches(']');
            if let Ok(ip) = addr.parse::<IpAddr>() {
                let max = if ip.is_ipv4() { 32 } else { 128 };
                no.entries
                    .push(Entry::Net(ip, bits.unwrap_or(max).min(max)));
                continue;
            }
            let name = item.trim_start_matches('.').to_ascii_lowercase();
            if !name.is_empty() {
                no.entries.push(Entry::Name(name));
            }
        }
        no
    }

    /// True if `host` (a URL's host, brackets allowed) is reached directly.
    pub(crate) fn bypasses(&self, host: &str) -> bool {
        if self.all {
            return true;
        }
        let host = host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .trim_end_matches('.')
            .to_ascii_lowercase();
        let ip = host.parse::<IpAddr>().ok();
        self.entries.iter().any(|entry| match (entry, ip) {
            (Entry::Net(net, bits), Some(ip)) => in_net(ip, *net, *bits),
            (Entry::Name(name), None) => {
                host == *name
                    || host
                        .strip_suffix(name.as_str())
                        .is_some_and(|rest| rest.ends_with('.'))
            }
            _ => false,
        })
    }
}

fn in_net(ip: IpAddr, net: IpAddr, bits: u8) -> bool {
    match (ip, net) {
        (IpAddr::V4(a), IpAddr::V4(b)) => {
            let mask = u32::MAX.checked_shl(32 - u32::from(bits)).unwrap_or(0);
            u32::from(a) & mask == u32::from(b) & mask
        }
        (IpAddr::V6(a), IpAddr::V6(b)) => {
            let mask = u128::MAX.checked_shl(128 - u32::from(bits)).unwrap_or(0);
            u128::from(a) & mask == u128::from(b) & mask
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn proxies(vars: &[(&str, &str)]) -> anyhow::Result<Proxies> {
        let map: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Proxies::from_lookup(|name| map.get(name).cloned())
    }

    fn url(s: &str) -> Url {
        Url::parse(s).expect("test URL")
    }

    #[test]
    fn no_proxy_matches_names_suffixes_ips_and_star_as_curl() {
        let no = NoProxy::parse(" example.com, .ccgp.gov.cn ,10.0.0.0/8, 192.168.1.5, ::1,,");
        for host in [
            "example.com",
            "www.example.com",
            "EXAMPLE.com.",
            "ccgp.gov.cn",
            "www.ccgp.gov.cn",
            "10.20.30.40",
            "192.168.1.5",
            "[::1]",
        ] {
            assert!(no.bypasses(host), "{host}");
        }
        for host in [
            "notexample.com",
            "example.com.cn",
            "gov.cn",
            "11.0.0.1",
            "192.168.1.6",
            "[::2]",
        ] {
            assert!(!no.bypasses(host), "{host}");
        }
        assert!(NoProxy::parse("*").bypasses("anything.cn"));
        assert!(!NoProxy::parse("").bypasses("anything.cn"));
        // An IP entry does not match a name, nor a name entry an IP.
        assert!(!NoProxy::parse("127.0.0.1").bypasses("localhost"));
    }

    #[test]
    fn the_variable_depends_on_the_target_scheme_lower_case_first() {
        let p = proxies(&[
            ("http_proxy", "http://lower:3128"),
            ("HTTP_PROXY", "http://upper:3128"),
            ("HTTPS_PROXY", "secure:8080"),
            ("NO_PROXY", "skip.cn"),
        ])
        .expect("valid");
        let http = p.for_url(&url("http://a.cn/x")).expect("proxied");
        assert_eq!((http.host.as_str(), http.var), ("lower", "http_proxy"));
        let https = p.for_url(&url("https://a.cn/x")).expect("proxied");
        assert_eq!(
            (https.host.as_str(), https.port, https.var),
            ("secure", 8080, "HTTPS_PROXY")
        );
        assert_eq!(p.for_url(&url("https://www.skip.cn/")), None);
        // ALL_PROXY is the fallback; an empty variable counts as unset.
        let p = proxies(&[("http_proxy", ""), ("ALL_PROXY", "http://all:1")]).expect("valid");
        assert_eq!(
            p.for_url(&url("http://a.cn/")).map(|p| p.var),
            Some("ALL_PROXY")
        );
        assert_eq!(
            p.for_url(&url("https://a.cn/")).map(|p| p.var),
            Some("ALL_PROXY")
        );
        assert!(proxies(&[]).expect("valid").describe().is_none());
    }

    #[test]
    fn upper_case_http_proxy_is_ignored_under_cgi() {
        let p =
            proxies(&[("HTTP_PROXY", "http://evil:1"), ("REQUEST_METHOD", "GET")]).expect("valid");
        assert_eq!(p.for_url(&url("http://a.cn/")), None);
        let p =
            proxies(&[("http_proxy", "http://ok:1"), ("REQUEST_METHOD", "GET")]).expect("valid");
        assert!(p.for_url(&url("http://a.cn/")).is_some());
    }

    #[test]
    fn credentials_become_basic_authorization_and_are_never_shown() {
        let p = proxies(&[("https_proxy", "http://us%40r:p%3Ass@127.0.0.1:3128")]).expect("valid");
        let proxy = p.for_url(&url("https://a.cn/")).expect("proxied");
        // base64("us@r:p:ss")
        assert_eq!(proxy.authorization.as_deref(), Some("Basic dXNAcjpwOnNz"));
        assert_eq!(proxy.to_string(), "http://127.0.0.1:3128");
        assert!(!p.describe().unwrap_or_default().contains("p%3Ass"));
    }

    #[test]
    fn socks_and_unparsable_proxies_are_errors() {
        let e = proxies(&[("ALL_PROXY", "socks5://127.0.0.1:1080")])
            .expect_err("refused")
            .to_string();
        assert_eq!(
            e,
            "ALL_PROXY: socks5:// proxies are not supported by scan and crawl (only http:// proxies); unset it or use an http:// proxy"
        );
        assert!(proxies(&[("https_proxy", "http://[bad")]).is_err_and(|e| {
            e.to_string()
                .starts_with("https_proxy=\"http://[bad\" is not a proxy URL")
        }));
    }
}
