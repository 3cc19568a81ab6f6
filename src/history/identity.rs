//! A notice's identity in the history: the same page scanned as `fixtures/a.html`,
//! `./fixtures/a.html` or its absolute path, or fetched as `HTTP://Example.cn:80/a#top` and
//! `http://example.cn/a`, is one notice.
use std::path::Path;

use crate::input::{self, Input};

/// The history key of a source: a URL normalised (scheme and host lower case, default port
/// and fragment dropped), a local path made canonical and absolute (against the current
/// directory). A source that cannot be normalised is its own key.
pub fn key(source: &str) -> String {
    match input::classify(source) {
        Input::Url(u) => url_key(&u).unwrap_or(u),
        Input::Path(p) => path_key(&p).unwrap_or_else(|| source.to_owned()),
    }
}

fn url_key(raw: &str) -> Option<String> {
    // `url` lower-cases the scheme and host and drops the scheme's default port.
    let mut url = url::Url::parse(raw).ok()?;
    url.set_fragment(None);
    Some(url.to_string())
}

fn path_key(path: &Path) -> Option<String> {
    let abs = std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .ok()?;
    abs.to_str().map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_normalised() {
        assert_eq!(
            key("HTTP://WWW.Ccgp.gov.CN:80/cggg/a.htm#top"),
            "http://www.ccgp.gov.cn/cggg/a.htm"
        );
        assert_eq!(key("https://x.cn:443/a?b=1#c"), "https://x.cn/a?b=1");
        assert_eq!(key("http://x.cn:8080/A"), "http://x.cn:8080/A");
        assert_eq!(key("http://x.cn"), "http://x.cn/");
    }

    #[test]
    fn paths_are_canonical_and_absolute() {
        let here = std::env::current_dir().unwrap();
        let expected = here
            .join("fixtures/news_not_a_notice.html")
            .canonicalize()
            .unwrap();
        let expected = expected.to_str().unwrap();
        assert_eq!(key("fixtures/news_not_a_notice.html"), expected);
        assert_eq!(key("./fixtures/news_not_a_notice.html"), expected);
        assert_eq!(key("fixtures/../fixtures/news_not_a_notice.html"), expected);
        assert_eq!(key(expected), expected);
        // A path that does not exist (yet) is still made absolute.
        assert_eq!(
            key("no/such.html"),
            here.join("no/such.html").to_str().unwrap()
        );
    }
}
