//! Anti-bot and CAPTCHA interstitials: a 200 that is not a notice must be reported as `blocked`.
//!
//! Works on raw bytes (the fetcher never decodes): every Chinese marker is searched in its UTF-8
//! and its GBK spelling, the two encodings portals serve.
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use memchr::memmem;

/// The embedded `watchlists/blocked.csv`: challenge phrases and markers, bot-script paths and
/// notice-content words, one row each with its source and certainty.
const BLOCKED_CSV: &str = include_str!("../../watchlists/blocked.csv");

/// The words of `blocked.csv` by kind, each in file order.
#[derive(Debug, Default)]
struct Words {
    /// Phrases that only challenge pages use (tender_pages.md §1.3: ccgp `bxsearch` answers
    /// "频繁访问!", other portals "访问过于频繁", WAFs "访问被阻断", 政采云's Alibaba slider).
    challenge_zh: Vec<String>,
    /// ASCII markers of challenge pages (Cloudflare, Geetest, Aliyun slider `nc_1_n1z`, generic).
    challenge_ascii: Vec<String>,
    /// Bot-management script paths of ccgp.gov.cn (tender_pages.md §1.3): on every page, so
    /// they only mean "challenge" when the page has no notice content.
    bot_script: Vec<String>,
    /// Words any notice or listing page carries; their absence next to a bot script means a
    /// challenge.
    content_zh: Vec<String>,
    /// ccgp's detail-body classes.
    content_ascii: Vec<String>,
}

/// The rows of `text` by kind, or the first problem (unknown kind, empty word, no source, a
/// certainty other than low/medium/high).
fn parse_words(text: &str) -> Result<Words, String> {
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| format!("blocked.csv: {e}"))?;
    if headers.iter().collect::<Vec<_>>() != ["kind", "word", "source", "certainty", "note"] {
        return Err("blocked.csv: header is not kind,word,source,certainty,note".to_string());
    }
    let mut words = Words::default();
    for record in reader.records() {
        let record = record.map_err(|e| format!("blocked.csv: {e}"))?;
        let line = record.position().map_or(0, |p| p.line());
        let cell = |i: usize| record.get(i).unwrap_or("");
        let list = match cell(0) {
            "challenge_phrase" => &mut words.challenge_zh,
            "challenge_marker" => &mut words.challenge_ascii,
            "bot_script" => &mut words.bot_script,
            "content_word" => &mut words.content_zh,
            "content_marker" => &mut words.content_ascii,
            other => return Err(format!("blocked.csv line {line}: unknown kind `{other}`")),
        };
        if cell(1).is_empty() {
            return Err(format!("blocked.csv line {line}: empty word"));
        }
        if cell(2).trim().is_empty() {
            return Err(format!("blocked.csv line {line}: no source"));
        }
        if !["low", "medium", "high"].contains(&cell(3)) {
            return Err(format!("blocked.csv line {line}: certainty `{}`", cell(3)));
        }
        list.push(cell(1).to_owned());
    }
    Ok(words)
}

/// Below this much text (tags and scripts removed) a page is an interstitial, not a notice.
const SMALL_PAGE_BYTES: usize = 4096;

struct Detector {
    /// The challenge phrases, to name the one found (pattern id / 2: each is in two encodings).
    challenge_words: Vec<String>,
    challenge_zh: AhoCorasick,
    challenge_ascii: AhoCorasick,
    bot_script: AhoCorasick,
    content_zh: AhoCorasick,
    content_ascii: AhoCorasick,
}

/// Each phrase in UTF-8 and in GBK.
fn both_encodings(words: &[String]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for word in words {
        out.push(word.as_bytes().to_vec());
        let (gbk, _, _) = encoding_rs::GBK.encode(word);
        out.push(gbk.into_owned());
    }
    out
}

static DETECTOR: LazyLock<Option<Detector>> = LazyLock::new(|| {
    // The embedded file is checked by the unit tests below; should it fail to parse, pages are
    // never reported as blocked rather than the run stopping.
    let words = parse_words(BLOCKED_CSV)
        .map_err(|e| tracing::error!("{e}"))
        .ok()?;
    let ascii_ci = |words: &[String]| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(words)
            .ok()
    };
    Some(Detector {
        challenge_zh: AhoCorasick::new(both_encodings(&words.challenge_zh)).ok()?,
        challenge_ascii: ascii_ci(&words.challenge_ascii)?,
        bot_script: AhoCorasick::new(&words.bot_script).ok()?,
        content_zh: AhoCorasick::new(both_encodings(&words.content_zh)).ok()?,
        content_ascii: AhoCorasick::new(&words.content_ascii).ok()?,
        challenge_words: words.challenge_zh,
    })
});

/// Why a page looks like an anti-bot or CAPTCHA interstitial rather than a notice, if it does.
pub fn challenge_reason(bytes: &[u8]) -> Option<String> {
    let d = DETECTOR.as_ref()?;
    let phrase = |hay: &[u8]| -> Option<String> {
        if let Some(m) = d.challenge_zh.find(hay) {
            let word = d
                .challenge_words
                .get(m.pattern().as_usize() / 2)
                .map_or("?", String::as_str);
            return Some(word.to_string());
        }
        d.challenge_ascii
            .find(hay)
            .map(|m| String::from_utf8_lossy(&hay[m.start()..m.end()]).to_lowercase())
    };
    let lower = bytes.to_ascii_lowercase();
    if let Some(title) = title(bytes, &lower)
        && let Some(word) = phrase(title)
    {
        return Some(format!(
            "page title says \"{word}\" (anti-bot or CAPTCHA page)"
        ));
    }
    let text = visible_text(bytes, &lower);
    let has_content = d.content_ascii.is_match(bytes) || d.content_zh.is_match(&text);
    if text.len() < SMALL_PAGE_BYTES && !has_content {
        if let Some(word) = phrase(&text).or_else(|| phrase(bytes)) {
            return Some(format!(
                "short page with \"{word}\" and no notice content (anti-bot or CAPTCHA page)"
            ));
        }
        if d.bot_script.is_match(bytes) {
            return Some(
                "bot-check script and no notice content (anti-bot challenge page)".to_string(),
            );
        }
    }
    None
}

// The scanners below replace backtracking-prone regexes (`<script\b.*?</script\s*>` retried at
// every unclosed `<script` is quadratic: 31 s on a 170 KB page). Each remembers where the next
// closing marker is, so every byte is looked at a bounded number of times.

/// The text of the first `<title…>…</title>` (ASCII case-insensitive), like the regex
/// `(?is)<title[^>]*>(.*?)</title>`: if the first `<title` has no end, no later one has either.
fn title<'a>(bytes: &'a [u8], lower: &[u8]) -> Option<&'a [u8]> {
    let open = memmem::find(lower, b"<title")?;
    let gt = open + memchr::memchr(b'>', &lower[open..])? + 1;
    let end = gt + memmem::find(&lower[gt..], b"</title>")?;
    bytes.get(gt..end)
}

/// The next position ≥ `from` where `needle` starts, cached: `None` in the cache means "not
/// found from an earlier position", which also holds for any later one.
struct NextFinder<'n> {
    needle: &'n [u8],
    found: Option<Option<usize>>,
}

impl<'n> NextFinder<'n> {
    fn new(needle: &'n [u8]) -> Self {
        NextFinder {
            needle,
            found: None,
        }
    }

    fn next(&mut self, lower: &[u8], from: usize) -> Option<usize> {
        match self.found {
            Some(None) => return None,
            Some(Some(at)) if at >= from => return Some(at),
            _ => {}
        }
        let at = lower
            .get(from..)
            .and_then(|rest| memmem::find(rest, self.needle))
            .map(|i| from + i);
        self.found = Some(at);
        at
    }
}

/// The end (exclusive) of a closing tag `</name\s*>` at or after `from`, searching on from
/// candidates that lack the `>`.
fn close_tag_end(finder: &mut NextFinder, lower: &[u8], mut from: usize) -> Option<usize> {
    loop {
        let at = finder.next(lower, from)?;
        let mut i = at + finder.needle.len();
        while lower.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if lower.get(i) == Some(&b'>') {
            return Some(i + 1);
        }
        from = at + 1;
    }
}

/// True if `lower[i..]` starts with `<name` followed by a non-word byte (regex `<name\b`).
fn opens(lower: &[u8], i: usize, name: &[u8]) -> bool {
    lower.get(i..).is_some_and(|rest| rest.starts_with(name))
        && !lower
            .get(i + name.len())
            .is_some_and(|&c| c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80)
}

/// Visible text without whitespace: scripts, styles, comments and tags removed, `&nbsp;` dropped.
fn visible_text(bytes: &[u8], lower: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 2);
    let mut script_end = NextFinder::new(b"</script");
    let mut style_end = NextFinder::new(b"</style");
    let mut comment_end = NextFinder::new(b"-->");
    let mut gt = NextFinder::new(b">");
    let mut i = 0;
    while let Some(&c) = bytes.get(i) {
        if c == b'<' {
            let skip_to = if opens(lower, i, b"<script") {
                close_tag_end(&mut script_end, lower, i + 7)
            } else if opens(lower, i, b"<style") {
                close_tag_end(&mut style_end, lower, i + 6)
            } else if lower.get(i..).is_some_and(|r| r.starts_with(b"<!--")) {
                comment_end.next(lower, i + 4).map(|at| at + 3)
            } else {
                None
            }
            // An unclosed script or comment is left to the tag rule, as the regexes did.
            .or_else(|| gt.next(lower, i + 1).map(|at| at + 1));
            if let Some(end) = skip_to {
                i = end;
                continue;
            }
        } else if c == b'&' && lower.get(i..).is_some_and(|r| r.starts_with(b"&nbsp;")) {
            i += 6;
            continue;
        }
        if !c.is_ascii_whitespace() {
            out.push(c);
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{BLOCKED_CSV, challenge_reason, parse_words, visible_text};

    #[test]
    fn visible_text_drops_scripts_comments_tags_and_spaces() {
        let page = b"<HTML><Script type=x>var a = '<b>';</SCRIPT >A <!-- c --> B&nbsp;<style>p{}</style>C <i>D</i> < E";
        assert_eq!(
            visible_text(page, &page.to_ascii_lowercase()),
            b"ABCD<E".to_vec()
        );
        // Unclosed: the script tag goes as a tag, its text stays (as with the old regexes).
        let page = b"<script>x<!--c--><script>y";
        assert_eq!(
            visible_text(page, &page.to_ascii_lowercase()),
            b"xy".to_vec()
        );
    }

    #[test]
    fn frequent_access_title_is_blocked() {
        let page = "<html><head><title>频繁访问!</title></head><body>您的IP 1.2.3.4</body></html>";
        assert!(challenge_reason(page.as_bytes()).is_some_and(|r| r.contains("频繁访问")));
    }

    #[test]
    fn gbk_captcha_page_is_blocked() {
        let (gbk, _, _) = encoding_rs::GBK
            .encode("<html><body><p>请输入验证码</p><img src=/c.png></body></html>");
        assert!(challenge_reason(&gbk).is_some_and(|r| r.contains("验证码")));
    }

    #[test]
    fn bot_script_without_content_is_blocked() {
        let page = r#"<html><body><script id="keyparam" src="/_bot_sbu/sbu_fpcm.js"></script><script>document.cookie="HOY_TR=1"</script></body></html>"#;
        assert!(challenge_reason(page.as_bytes()).is_some_and(|r| r.contains("bot-check")));
    }

    #[test]
    fn notice_with_bot_script_is_not_blocked() {
        let page = r#"<html><body><script src="/_bot_sbu/sbu_fpcm.js"></script><div class="vF_detail_main"><h2>某大学云服务采购项目中标公告</h2><p>采购人：某大学</p></div></body></html>"#;
        assert_eq!(challenge_reason(page.as_bytes()), None);
    }

    #[test]
    fn long_notice_mentioning_captcha_login_is_not_blocked() {
        let body = "采购人：某大学。供应商登录时需输入验证码。".repeat(200);
        let page =
            format!("<html><head><title>某大学采购公告</title></head><body>{body}</body></html>");
        assert_eq!(challenge_reason(page.as_bytes()), None);
    }

    #[test]
    fn the_embedded_word_file_parses_with_every_kind() {
        let w = parse_words(BLOCKED_CSV).expect("blocked.csv parses");
        let kinds = [
            "challenge_phrase",
            "challenge_marker",
            "bot_script",
            "content_word",
            "content_marker",
        ];
        for (kind, list) in kinds.iter().zip([
            &w.challenge_zh,
            &w.challenge_ascii,
            &w.bot_script,
            &w.content_zh,
            &w.content_ascii,
        ]) {
            assert!(!list.is_empty(), "blocked.csv has no `{kind}` rows");
        }
        assert_eq!(w.challenge_zh[0], "频繁访问");
        let head = "kind,word,source,certainty,note\n";
        assert!(parse_words(&format!("{head}bot_script,/x/,src,high,\n")).is_ok());
        assert!(parse_words(&format!("{head}nosuch,/x/,src,high,\n")).is_err());
        assert!(parse_words(&format!("{head}bot_script,,src,high,\n")).is_err());
        assert!(parse_words(&format!("{head}bot_script,/x/, ,high,\n")).is_err());
        assert!(parse_words(&format!("{head}bot_script,/x/,src,sure,\n")).is_err());
        assert!(parse_words("kind,word\nbot_script,/x/\n").is_err());
    }
}
