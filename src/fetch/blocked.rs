//! Anti-bot and CAPTCHA interstitials: a 200 that is not a notice must be reported as `blocked`.
//!
//! Works on raw bytes (the fetcher never decodes): every Chinese marker is searched in its UTF-8
//! and its GBK spelling, the two encodings portals serve.
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::bytes::Regex;

/// Phrases that only challenge pages use (tender_pages.md §1.3: ccgp `bxsearch` answers
/// "频繁访问!", other portals "访问过于频繁", WAFs "访问被阻断", 政采云's Alibaba slider).
const CHALLENGE_PHRASES_ZH: &[&str] = &[
    "频繁访问",
    "访问过于频繁",
    "访问被阻断",
    "访问被拦截",
    "验证码",
    "安全验证",
    "滑动验证",
    "人机验证",
    "请拖动滑块",
];

/// ASCII markers of challenge pages (Cloudflare, Geetest, Aliyun slider `nc_1_n1z`, generic).
const CHALLENGE_MARKERS_ASCII: &[&str] = &[
    "captcha",
    "cf-challenge",
    "challenge-platform",
    "geetest",
    "nc_1_n1z",
    "access denied",
];

/// Bot-management script paths of ccgp.gov.cn (tender_pages.md §1.3): on every page, so they
/// only mean "challenge" when the page has no notice content.
const BOT_SCRIPT_MARKERS: &[&str] = &["/_bot_sbu/", "/_ws_sbu/"];

/// Words any notice or listing page carries; their absence next to a bot script means a challenge.
const CONTENT_WORDS_ZH: &[&str] = &[
    "公告",
    "采购人",
    "项目编号",
    "招标",
    "中标",
    "成交",
    "预算金额",
];

/// ccgp's detail-body classes.
const CONTENT_MARKERS_ASCII: &[&str] = &["vF_detail_main", "vT_detail_main"];

/// Below this much text (tags and scripts removed) a page is an interstitial, not a notice.
const SMALL_PAGE_BYTES: usize = 4096;

struct Detector {
    challenge_zh: AhoCorasick,
    challenge_ascii: AhoCorasick,
    bot_script: AhoCorasick,
    content_zh: AhoCorasick,
    content_ascii: AhoCorasick,
    title: Regex,
    scripts: Regex,
    tags: Regex,
}

/// Each phrase in UTF-8 and in GBK.
fn both_encodings(words: &[&str]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for word in words {
        out.push(word.as_bytes().to_vec());
        let (gbk, _, _) = encoding_rs::GBK.encode(word);
        out.push(gbk.into_owned());
    }
    out
}

static DETECTOR: LazyLock<Option<Detector>> = LazyLock::new(|| {
    let ascii_ci = |words: &[&str]| {
        AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(words)
            .ok()
    };
    Some(Detector {
        challenge_zh: AhoCorasick::new(both_encodings(CHALLENGE_PHRASES_ZH)).ok()?,
        challenge_ascii: ascii_ci(CHALLENGE_MARKERS_ASCII)?,
        bot_script: AhoCorasick::new(BOT_SCRIPT_MARKERS).ok()?,
        content_zh: AhoCorasick::new(both_encodings(CONTENT_WORDS_ZH)).ok()?,
        content_ascii: AhoCorasick::new(CONTENT_MARKERS_ASCII).ok()?,
        title: Regex::new(r"(?is)<title[^>]*>(.*?)</title>").ok()?,
        scripts: Regex::new(r"(?is)<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->")
            .ok()?,
        tags: Regex::new(r"(?s)<[^>]*>|&nbsp;|\s+").ok()?,
    })
});

/// Why a page looks like an anti-bot or CAPTCHA interstitial rather than a notice, if it does.
pub fn challenge_reason(bytes: &[u8]) -> Option<String> {
    let d = DETECTOR.as_ref()?;
    let phrase = |hay: &[u8]| -> Option<String> {
        if let Some(m) = d.challenge_zh.find(hay) {
            let word = CHALLENGE_PHRASES_ZH
                .get(m.pattern().as_usize() / 2)
                .copied()
                .unwrap_or("?");
            return Some(word.to_string());
        }
        d.challenge_ascii
            .find(hay)
            .map(|m| String::from_utf8_lossy(&hay[m.start()..m.end()]).to_lowercase())
    };
    if let Some(title) = d.title.captures(bytes).and_then(|c| c.get(1))
        && let Some(word) = phrase(title.as_bytes())
    {
        return Some(format!(
            "page title says \"{word}\" (anti-bot or CAPTCHA page)"
        ));
    }
    let without_scripts = d.scripts.replace_all(bytes, &b" "[..]);
    let text = d.tags.replace_all(&without_scripts, &b""[..]);
    let has_content = d.content_ascii.is_match(bytes) || d.content_zh.is_match(&*text);
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

#[cfg(test)]
mod tests {
    use super::challenge_reason;

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
}
