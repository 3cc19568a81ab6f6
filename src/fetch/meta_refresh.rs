//! `<meta http-equiv="refresh" content="0; url=…">`: government portals redirect this way and
//! reqwest does not follow it, so the fetcher does.
use std::sync::LazyLock;

use regex::bytes::Regex;

/// How much of the page is searched (the tag belongs in `<head>`).
const SCAN_BYTES: usize = 64 * 1024;

static META: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?is)<meta\b[^>]*>").ok());
static EQUIV: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r#"(?is)http-equiv\s*=\s*["']?\s*refresh"#).ok());
static CONTENT: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r#"(?is)\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"#).ok());
static COMMENTS: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->").ok());

/// The refresh target of a page, if it has one with a delay of at most `max_delay` seconds.
pub fn target(bytes: &[u8], max_delay: f64) -> Option<String> {
    let head = &bytes[..bytes.len().min(SCAN_BYTES)];
    let head = COMMENTS.as_ref()?.replace_all(head, &b""[..]);
    for tag in META.as_ref()?.find_iter(&head) {
        let tag = tag.as_bytes();
        if !EQUIV.as_ref()?.is_match(tag) {
            continue;
        }
        let caps = CONTENT.as_ref()?.captures(tag)?;
        let content = caps
            .get(1)
            .or_else(|| caps.get(2))
            .or_else(|| caps.get(3))?;
        let content = String::from_utf8_lossy(content.as_bytes()).replace("&amp;", "&");
        return parse_content(&content, max_delay);
    }
    None
}

/// The WHATWG "shared declarative refresh steps", simplified: `delay[;|,][url=]target`.
fn parse_content(content: &str, max_delay: f64) -> Option<String> {
    let content = content.trim();
    let digits_end = content
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(content.len());
    let delay: f64 = content[..digits_end].parse().unwrap_or(0.0);
    if delay > max_delay {
        return None;
    }
    let rest = content[digits_end..]
        .trim_start()
        .trim_start_matches([';', ','])
        .trim_start();
    let rest = if rest.len() >= 3 && rest[..3].eq_ignore_ascii_case("url") {
        rest[3..].trim_start().strip_prefix('=')?.trim_start()
    } else {
        rest
    };
    let target = rest.trim_matches(|c| c == '"' || c == '\'').trim();
    (!target.is_empty()).then(|| target.to_string())
}

#[cfg(test)]
mod tests {
    use super::target;

    #[test]
    fn refresh_targets_in_their_usual_spellings() {
        assert_eq!(
            target(
                br#"<meta http-equiv="refresh" content="0; url=/notice/1.htm">"#,
                100.0
            )
            .as_deref(),
            Some("/notice/1.htm")
        );
        assert_eq!(
            target(
                br#"<META content="0;URL='b.htm'" HTTP-EQUIV=Refresh>"#,
                100.0
            )
            .as_deref(),
            Some("b.htm")
        );
        assert_eq!(
            target(
                br#"<meta http-equiv=refresh content="3,http://x.gov.cn/a?b=1&amp;c=2">"#,
                100.0
            )
            .as_deref(),
            Some("http://x.gov.cn/a?b=1&c=2")
        );
    }

    #[test]
    fn reload_timers_and_long_delays_are_not_redirects() {
        assert_eq!(
            target(br#"<meta http-equiv="refresh" content="300">"#, 100.0),
            None
        );
        assert_eq!(
            target(
                br#"<meta http-equiv="refresh" content="600; url=/x">"#,
                100.0
            ),
            None
        );
        assert_eq!(
            target(
                br#"<!-- <meta http-equiv="refresh" content="0; url=/x"> -->"#,
                100.0
            ),
            None
        );
        assert_eq!(target(br#"<meta charset="utf-8">"#, 100.0), None);
    }
}
