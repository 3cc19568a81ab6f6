//! Which addresses a link found in page content may point at (no loopback, private or link-local).
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// True for addresses a page must not make us fetch: loopback, private, link-local, CGNAT,
/// unspecified, multicast, broadcast, documentation and unique-local ranges.
pub fn is_internal(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_internal_v4(v4),
        IpAddr::V6(v6) => {
            // An IPv4-mapped address (::ffff:127.0.0.1) reaches the IPv4 host.
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_internal_v4(v4);
            }
            is_internal_v6(v6)
        }
    }
}

fn is_internal_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        // 100.64.0.0/10: carrier-grade NAT, often internal infrastructure.
        || (a == 100 && (64..128).contains(&b))
}

fn is_internal_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        // fc00::/7 unique local, fe80::/10 link-local.
        || (first & 0xfe00) == 0xfc00
        || (first & 0xffc0) == 0xfe80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_private_and_link_local_are_internal() {
        for ip in [
            "127.0.0.1",
            "127.0.0.2",
            "10.1.2.3",
            "192.168.0.1",
            "172.16.5.5",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "::1",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
        ] {
            let parsed: IpAddr = ip.parse().unwrap_or(IpAddr::V4(Ipv4Addr::BROADCAST));
            assert!(is_internal(parsed), "{ip} should be internal");
        }
    }

    #[test]
    fn public_addresses_are_not_internal() {
        for ip in [
            "8.8.8.8",
            "202.108.22.5",
            "2001:4860:4860::8888",
            "172.32.0.1",
        ] {
            let parsed: IpAddr = ip.parse().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
            assert!(!is_internal(parsed), "{ip} should be public");
        }
    }
}

/// DNS for the HTTP client: answers with the addresses the fetcher already checked for this host,
/// so a host cannot pass the check with a public address and then connect to an internal one
/// (DNS rebinding).
#[derive(Default)]
pub struct PinnedResolver {
    checked: std::sync::Mutex<std::collections::HashMap<String, Vec<std::net::SocketAddr>>>,
}

impl PinnedResolver {
    /// Remember the addresses `host` was checked with.
    pub fn pin(&self, host: &str, addrs: Vec<std::net::SocketAddr>) {
        let mut checked = match self.checked.lock() {
            Ok(c) => c,
            Err(poisoned) => poisoned.into_inner(),
        };
        checked.insert(host.to_ascii_lowercase(), addrs);
    }

    /// The addresses `host` was checked with, if it was.
    pub(crate) fn pinned(&self, host: &str) -> Option<Vec<std::net::SocketAddr>> {
        let checked = match self.checked.lock() {
            Ok(c) => c,
            Err(poisoned) => poisoned.into_inner(),
        };
        checked.get(&host.to_ascii_lowercase()).cloned()
    }
}

impl reqwest::dns::Resolve for PinnedResolver {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let host = name.as_str().to_string();
        let pinned = self.pinned(&host);
        Box::pin(async move {
            let addrs: Vec<std::net::SocketAddr> = match pinned {
                Some(addrs) => addrs,
                None => tokio::net::lookup_host((host.as_str(), 0)).await?.collect(),
            };
            let addrs: reqwest::dns::Addrs = Box::new(addrs.into_iter());
            Ok(addrs)
        })
    }
}
