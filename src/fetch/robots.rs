//! robots.txt per origin (RFC 9309): fetched once, obeyed, Crawl-delay kept.
use std::time::Duration;

use texting_robots::Robot;

/// The product token matched against `User-agent:` lines.
pub const ROBOTS_AGENT: &str = "tenderscan";

/// Largest robots.txt read; RFC 9309 §2.5 asks parsers to handle at least 500 KiB.
pub const MAX_ROBOTS_BYTES: u64 = 500 * 1024;

/// What one origin's robots.txt allows.
pub enum RobotsRules {
    /// No robots.txt (4xx), an HTML soft-404, or robots ignored by the user.
    AllowAll,
    /// Server error or unreachable: RFC 9309 §2.3.1.4 says assume complete disallow.
    DisallowAll(String),
    /// Parsed rules.
    Parsed(Box<Robot>),
}

impl RobotsRules {
    /// Rules from a robots.txt response (status, Content-Type and body).
    pub fn from_response(status: u16, content_type: Option<&str>, body: &[u8]) -> RobotsRules {
        match status {
            200..=299 => {
                let is_html = content_type
                    .is_some_and(|ct| ct.to_ascii_lowercase().contains("html"))
                    || body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<');
                if is_html {
                    // A portal serving its home page for every path: no rules were published.
                    return RobotsRules::AllowAll;
                }
                match Robot::new(ROBOTS_AGENT, body) {
                    Ok(robot) => RobotsRules::Parsed(Box::new(robot)),
                    Err(_) => RobotsRules::AllowAll,
                }
            }
            400..=499 => RobotsRules::AllowAll,
            _ => RobotsRules::DisallowAll(format!("robots.txt answered HTTP {status}")),
        }
    }

    /// Why `url` may not be fetched, if it may not.
    pub fn refusal(&self, url: &str) -> Option<String> {
        match self {
            RobotsRules::AllowAll => None,
            RobotsRules::DisallowAll(why) => Some(format!(
                "disallowed: {why}, treated as disallow-all (RFC 9309)"
            )),
            RobotsRules::Parsed(robot) if robot.allowed(url) => None,
            RobotsRules::Parsed(_) => Some("disallowed by robots.txt".to_string()),
        }
    }

    /// The Crawl-delay for our agent, if one is given.
    pub fn crawl_delay(&self) -> Option<Duration> {
        match self {
            RobotsRules::Parsed(robot) => robot
                .delay
                .and_then(|d| Duration::try_from_secs_f32(d).ok()),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disallow_and_crawl_delay_are_read() {
        let rules = RobotsRules::from_response(
            200,
            Some("text/plain"),
            b"User-agent: *\nCrawl-delay: 5\nDisallow: /private/\n",
        );
        assert!(rules.refusal("http://h/private/x.html").is_some());
        assert_eq!(rules.refusal("http://h/public/x.html"), None);
        assert_eq!(rules.crawl_delay(), Some(Duration::from_secs(5)));
    }

    #[test]
    fn missing_robots_allows_and_server_error_disallows() {
        assert_eq!(
            RobotsRules::from_response(404, None, b"").refusal("http://h/x"),
            None
        );
        assert!(
            RobotsRules::from_response(503, None, b"")
                .refusal("http://h/x")
                .is_some()
        );
    }

    #[test]
    fn html_soft_404_is_no_rules() {
        let rules = RobotsRules::from_response(
            200,
            Some("text/html"),
            b"<html><body>Disallow: /</body></html>",
        );
        assert_eq!(rules.refusal("http://h/x"), None);
    }
}
