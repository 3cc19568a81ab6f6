//! Source files: how to page through one portal's listings and find notice links (TOML), and the
//! bundled presets (`ccgp-search`, `ccgp-channel`, `generic`).
use std::path::Path;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// A malformed source: the message names the field, so a user can fix the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SourceError {
    /// The TOML itself (syntax, unknown or missing field, wrong type); toml names the key.
    #[error("{0}")]
    Toml(String),
    /// A field with a bad value.
    #[error("field `{field}`: {message}")]
    Field {
        /// The field name as written in the file.
        field: &'static str,
        /// What is wrong with it.
        message: String,
    },
}

fn field(field: &'static str, message: impl Into<String>) -> SourceError {
    SourceError::Field {
        field,
        message: message.into(),
    }
}

/// A portal source, as written in a TOML file (see `src/crawl/presets/*.toml`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short name; keys the resume state file.
    pub name: String,
    /// What the source crawls, for people.
    #[serde(default)]
    pub description: Option<String>,
    /// First listing pages, fetched as given.
    #[serde(default)]
    pub start_urls: Vec<String>,
    /// Listing page N: `{page}`, `{kw}`, `{start}`, `{end}` are replaced (URL-encoded).
    #[serde(default)]
    pub url_template: Option<String>,
    /// Page number of the first template page.
    #[serde(default = "default_first_page")]
    pub first_page: u32,
    /// strftime format of `{start}` / `{end}` (ccgp wants `%Y:%m:%d`).
    #[serde(default = "default_date_format")]
    pub date_format: String,
    /// Days before `{end}` used for `{start}` when `--since` is not given.
    #[serde(default = "default_days")]
    pub default_days: u32,
    /// Keyword used for `{kw}` when `--kw` is not given.
    #[serde(default)]
    pub kw: Option<String>,
    /// CSS selector of one listing entry (a notice link and its date).
    #[serde(default = "default_item_selector")]
    pub item_selector: String,
    /// CSS selector of the notice link inside an entry (the first match is taken).
    #[serde(default = "default_link_selector")]
    pub link_selector: String,
    /// CSS selector of the date inside an entry [default: the entry's text without the link].
    #[serde(default)]
    pub date_selector: Option<String>,
    /// Regex finding the date in that text: three groups, year, month, day.
    #[serde(default = "default_date_regex")]
    pub date_regex: String,
    /// CSS selector of the next-page link (also `rel=next` and `next_texts`).
    #[serde(default)]
    pub next_selector: Option<String>,
    /// Link texts meaning "next page".
    #[serde(default = "default_next_texts")]
    pub next_texts: Vec<String>,
    /// Hosts whose links are followed: `host`, `host:port` or `*.domain` [default: each start URL's host and port].
    #[serde(default)]
    pub allowed_hosts: Vec<String>,
    /// Most listing pages fetched per run.
    #[serde(default = "default_page_limit")]
    pub page_limit: u32,
    /// Link endings read as attachments (path or query string).
    #[serde(default = "default_attachment_extensions")]
    pub attachment_extensions: Vec<String>,
    /// Extra hosts attachments may come from (`*` = any public host; download servers differ from the portal).
    #[serde(default)]
    pub attachment_hosts: Vec<String>,
    /// Most attachments read per notice.
    #[serde(default = "default_max_attachments")]
    pub max_attachments: usize,
}

fn default_first_page() -> u32 {
    1
}
fn default_date_format() -> String {
    "%Y-%m-%d".into()
}
fn default_days() -> u32 {
    7
}
fn default_item_selector() -> String {
    "li, tr".into()
}
fn default_link_selector() -> String {
    "a[href]".into()
}
/// Dates as listings print them: 2025-06-03, 2025.06.03, 2025/6/3, 2025年6月3日.
pub const DEFAULT_DATE_REGEX: &str = r"(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})";
fn default_date_regex() -> String {
    DEFAULT_DATE_REGEX.into()
}
fn default_next_texts() -> Vec<String> {
    ["下一页", "下页", "next", "Next", "next page", "›", "»"]
        .map(String::from)
        .to_vec()
}
fn default_page_limit() -> u32 {
    50
}
fn default_attachment_extensions() -> Vec<String> {
    ["pdf", "doc", "docx", "xls", "xlsx", "zip"]
        .map(String::from)
        .to_vec()
}
fn default_max_attachments() -> usize {
    10
}

/// Bundled presets: name and TOML text.
pub const PRESETS: &[(&str, &str)] = &[
    ("ccgp-search", include_str!("presets/ccgp-search.toml")),
    ("ccgp-channel", include_str!("presets/ccgp-channel.toml")),
    ("generic", include_str!("presets/generic.toml")),
];

/// The values put into a URL template.
#[derive(Debug, Clone, PartialEq)]
pub struct Params {
    /// `{kw}`.
    pub kw: Option<String>,
    /// `{start}`.
    pub start: Date,
    /// `{end}`.
    pub end: Date,
}

impl Source {
    /// Parse and check a source file's text; `origin` names it in messages.
    pub fn parse(text: &str) -> Result<Source, SourceError> {
        let source: Source = toml::from_str(text)
            .map_err(|e| SourceError::Toml(e.to_string().trim_end().to_string()))?;
        source.check()?;
        Ok(source)
    }

    /// A bundled preset by name.
    pub fn preset(name: &str) -> Option<Result<Source, SourceError>> {
        PRESETS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, text)| Source::parse(text))
    }

    /// `--source ARG`: a file if one exists at ARG, else a preset name.
    pub fn resolve(arg: &str) -> anyhow::Result<Source> {
        let path = Path::new(arg);
        if path.is_file() {
            let text = std::fs::read_to_string(path)
                .map_err(|e| anyhow::anyhow!("reading source {arg}: {e}"))?;
            return Source::parse(&text).map_err(|e| anyhow::anyhow!("source {arg}: {e}"));
        }
        match Source::preset(arg) {
            Some(preset) => preset.map_err(|e| anyhow::anyhow!("preset {arg}: {e}")),
            None => {
                let names: Vec<&str> = PRESETS.iter().map(|(n, _)| *n).collect();
                anyhow::bail!(
                    "source {arg}: no such file, and not a preset ({})",
                    names.join(", ")
                )
            }
        }
    }

    /// Check every field whose value can be wrong beyond its type.
    pub fn check(&self) -> Result<(), SourceError> {
        if self.name.trim().is_empty() || self.name.contains(['/', '\\']) {
            return Err(field("name", "must be a non-empty name without slashes"));
        }
        for url in &self.start_urls {
            let parsed =
                url::Url::parse(url).map_err(|e| field("start_urls", format!("{url}: {e}")))?;
            if !matches!(parsed.scheme(), "http" | "https") {
                return Err(field(
                    "start_urls",
                    format!("{url}: only http and https are crawled"),
                ));
            }
        }
        if let Some(t) = &self.url_template {
            if !t.contains("{page}") {
                return Err(field("url_template", "needs a {page} placeholder"));
            }
            let sample = fill(
                t,
                1,
                &Params {
                    kw: Some("x".into()),
                    start: Date::constant(2025, 1, 1),
                    end: Date::constant(2025, 1, 2),
                },
                &self.date_format,
            )
            .map_err(|e| field("url_template", e))?;
            url::Url::parse(&sample).map_err(|e| field("url_template", format!("{t}: {e}")))?;
        }
        jiff::fmt::strtime::format(&self.date_format, Date::constant(2025, 6, 1))
            .map_err(|e| field("date_format", e.to_string()))?;
        parse_selector(&self.item_selector).map_err(|e| field("item_selector", e))?;
        parse_selector(&self.link_selector).map_err(|e| field("link_selector", e))?;
        if let Some(s) = &self.date_selector {
            parse_selector(s).map_err(|e| field("date_selector", e))?;
        }
        if let Some(s) = &self.next_selector {
            parse_selector(s).map_err(|e| field("next_selector", e))?;
        }
        let re =
            regex::Regex::new(&self.date_regex).map_err(|e| field("date_regex", e.to_string()))?;
        if re.captures_len() < 4 {
            return Err(field("date_regex", "needs three groups: year, month, day"));
        }
        if self.page_limit == 0 {
            return Err(field("page_limit", "must be at least 1"));
        }
        for h in &self.allowed_hosts {
            if h.is_empty() || h.contains('/') {
                return Err(field(
                    "allowed_hosts",
                    format!("{h:?}: write a host, host:port or *.domain"),
                ));
            }
        }
        Ok(())
    }

    /// True when the source has somewhere to start from (start URLs or a template).
    pub fn has_start(&self) -> bool {
        !self.start_urls.is_empty() || self.url_template.is_some()
    }

    /// True when the template needs a keyword.
    pub fn needs_kw(&self) -> bool {
        self.url_template
            .as_deref()
            .is_some_and(|t| t.contains("{kw}"))
    }

    /// URL of the listing page at position `index` of the paging sequence (start URLs first,
    /// then template pages), or None past the end of a source without a template.
    pub fn listing_url(&self, index: u32, params: &Params) -> Result<Option<String>, SourceError> {
        if let Some(url) = self.start_urls.get(index as usize) {
            return Ok(Some(url.clone()));
        }
        let Some(template) = &self.url_template else {
            return Ok(None);
        };
        let page = self
            .first_page
            .saturating_add(index.saturating_sub(self.start_urls.len() as u32));
        fill(template, page, params, &self.date_format)
            .map(Some)
            .map_err(|e| field("url_template", e))
    }
}

/// Replace the placeholders of a URL template, URL-encoding each value.
pub fn fill(
    template: &str,
    page: u32,
    params: &Params,
    date_format: &str,
) -> Result<String, String> {
    let enc = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    let date = |d: Date| {
        jiff::fmt::strtime::format(date_format, d).map_err(|e| format!("date_format: {e}"))
    };
    let mut url = template.replace("{page}", &page.to_string());
    if url.contains("{kw}") {
        let kw = params
            .kw
            .as_deref()
            .ok_or("this source needs a keyword: give --kw WORD")?;
        url = url.replace("{kw}", &enc(kw));
    }
    if url.contains("{start}") {
        url = url.replace("{start}", &enc(&date(params.start)?));
    }
    if url.contains("{end}") {
        url = url.replace("{end}", &enc(&date(params.end)?));
    }
    Ok(url)
}

/// Parse a CSS selector, with the error as text.
pub fn parse_selector(css: &str) -> Result<scraper::Selector, String> {
    scraper::Selector::parse(css).map_err(|e| format!("bad CSS selector {css:?}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params() -> Params {
        Params {
            kw: Some("亚马逊云 AWS".into()),
            start: Date::constant(2025, 6, 1),
            end: Date::constant(2025, 6, 8),
        }
    }

    #[test]
    fn ccgp_search_url_encodes_keyword_and_colon_dates() {
        let Some(Ok(source)) = Source::preset("ccgp-search") else {
            panic!("ccgp-search preset must parse")
        };
        let url = source
            .listing_url(1, &params())
            .ok()
            .flatten()
            .unwrap_or_default();
        assert!(
            url.starts_with("http://search.ccgp.gov.cn/bxsearch?"),
            "{url}"
        );
        assert!(url.contains("page_index=2&"), "{url}");
        assert!(
            url.contains("kw=%E4%BA%9A%E9%A9%AC%E9%80%8A%E4%BA%91+AWS&"),
            "{url}"
        );
        assert!(url.contains("start_time=2025%3A06%3A01&"), "{url}");
        assert!(url.contains("end_time=2025%3A06%3A08&"), "{url}");
        assert!(url.contains("timeType=6"), "{url}");
    }

    #[test]
    fn ccgp_search_needs_a_keyword() {
        let Some(Ok(source)) = Source::preset("ccgp-search") else {
            panic!("preset")
        };
        let err = source
            .listing_url(
                0,
                &Params {
                    kw: None,
                    ..params()
                },
            )
            .err();
        assert_eq!(
            err.map(|e| e.to_string()),
            Some("field `url_template`: this source needs a keyword: give --kw WORD".into())
        );
    }

    #[test]
    fn ccgp_channel_starts_at_index_then_numbers_pages() {
        let Some(Ok(source)) = Source::preset("ccgp-channel") else {
            panic!("preset")
        };
        let p = params();
        assert_eq!(
            source.listing_url(0, &p).ok().flatten().as_deref(),
            Some("http://www.ccgp.gov.cn/cggg/dfgg/gkzb/index.htm")
        );
        assert_eq!(
            source.listing_url(1, &p).ok().flatten().as_deref(),
            Some("http://www.ccgp.gov.cn/cggg/dfgg/gkzb/index_1.htm")
        );
        assert_eq!(
            source.listing_url(2, &p).ok().flatten().as_deref(),
            Some("http://www.ccgp.gov.cn/cggg/dfgg/gkzb/index_2.htm")
        );
    }

    #[test]
    fn every_preset_parses() {
        for (name, _) in PRESETS {
            assert!(
                matches!(Source::preset(name), Some(Ok(_))),
                "{name}: {:?}",
                Source::preset(name)
            );
        }
    }

    #[test]
    fn errors_name_the_field() {
        let err =
            Source::parse("name = \"x\"\nstart_urls = [\"http://a/\"]\nlink_selector = \"a[[\"\n")
                .err();
        assert!(
            err.as_ref()
                .is_some_and(|e| e.to_string().starts_with("field `link_selector`")),
            "{err:?}"
        );
        let err = Source::parse("name = \"x\"\nurl_template = \"http://a/list\"\n").err();
        assert_eq!(
            err.map(|e| e.to_string()),
            Some("field `url_template`: needs a {page} placeholder".into())
        );
        let err = Source::parse("name = \"x\"\npage_limit = \"many\"\n").err();
        assert!(
            err.as_ref()
                .is_some_and(|e| e.to_string().contains("page_limit")),
            "{err:?}"
        );
        let err = Source::parse("nam = \"x\"\n").err();
        assert!(
            err.as_ref().is_some_and(|e| e.to_string().contains("nam")),
            "{err:?}"
        );
    }
}
