//! Reading a listing page: notice links, the dates beside them, the next-page link; and the
//! attachment links of a notice. Pure functions over HTML text.
use jiff::civil::Date;
use scraper::{ElementRef, Html, Selector};
use url::Url;

use super::source::{Source, SourceError, parse_selector};

/// The compiled listing rules of a source.
#[derive(Debug, Clone)]
pub struct Rules {
    item: Selector,
    link: Selector,
    date: Option<Selector>,
    date_regex: regex::Regex,
    next: Option<Selector>,
    next_texts: Vec<String>,
    item_css: String,
}

/// One notice link found on a listing page.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Absolute URL of the notice.
    pub url: String,
    /// Link title (the `title` attribute when the text is cut short).
    pub title: String,
    /// The date shown beside the link, if any.
    pub date: Option<Date>,
}

/// What a listing page offers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Listing {
    /// Notice links in page order, de-duplicated.
    pub entries: Vec<Entry>,
    /// Absolute URL of the next listing page, if the page links one.
    pub next: Option<String>,
    /// Elements the item selector matched (0 = the layout probably changed).
    pub items_matched: usize,
}

/// An attachment link on a notice page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachmentLink {
    /// File name (with its extension): from the link text, the query string or the path.
    pub name: String,
    /// Absolute URL.
    pub url: String,
}

impl Rules {
    /// Compile a source's selectors and date regex.
    pub fn from_source(source: &Source) -> Result<Rules, SourceError> {
        let f = |field: &'static str, message: String| SourceError::Field { field, message };
        Ok(Rules {
            item: parse_selector(&source.item_selector).map_err(|e| f("item_selector", e))?,
            link: parse_selector(&source.link_selector).map_err(|e| f("link_selector", e))?,
            date: source
                .date_selector
                .as_deref()
                .map(parse_selector)
                .transpose()
                .map_err(|e| f("date_selector", e))?,
            date_regex: regex::Regex::new(&source.date_regex)
                .map_err(|e| f("date_regex", e.to_string()))?,
            next: source
                .next_selector
                .as_deref()
                .map(parse_selector)
                .transpose()
                .map_err(|e| f("next_selector", e))?,
            next_texts: source
                .next_texts
                .iter()
                .map(|t| t.trim().to_lowercase())
                .collect(),
            item_css: source.item_selector.clone(),
        })
    }

    /// The item selector as written (for the "layout changed" warning).
    pub fn item_css(&self) -> &str {
        &self.item_css
    }

    /// The first date in `text`, per the source's date regex.
    pub fn find_date(&self, text: &str) -> Option<Date> {
        self.date_regex.captures_iter(text).find_map(|c| {
            let y = c.get(1)?.as_str().parse::<i16>().ok()?;
            let m = c.get(2)?.as_str().parse::<i8>().ok()?;
            let d = c.get(3)?.as_str().parse::<i8>().ok()?;
            Date::new(y, m, d).ok()
        })
    }

    fn is_next_text(&self, text: &str) -> bool {
        let t = text.trim().to_lowercase();
        !t.is_empty() && self.next_texts.contains(&t)
    }
}

/// The base URL links resolve against: `<base href>` if present, else the page URL.
fn base_url(doc: &Html, page_url: &Url) -> Url {
    let Ok(sel) = Selector::parse("base[href]") else {
        return page_url.clone();
    };
    doc.select(&sel)
        .next()
        .and_then(|b| b.value().attr("href"))
        .and_then(|h| page_url.join(h.trim()).ok())
        .unwrap_or_else(|| page_url.clone())
}

/// Resolve an href to an absolute http(s) URL without its fragment; None for `javascript:`, `#`,
/// `mailto:` and the like.
pub fn resolve(base: &Url, href: &str) -> Option<Url> {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    let mut url = base.join(href).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    url.set_fragment(None);
    Some(url)
}

fn text_of(el: ElementRef<'_>) -> String {
    el.text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Read a listing page: entries (innermost matching items, first link each), their dates, and the
/// next-page link. When some entries carry a date, undated ones (menus, footers) are dropped.
pub fn extract(html: &str, page_url: &Url, rules: &Rules) -> Listing {
    let doc = Html::parse_document(html);
    let base = base_url(&doc, page_url);
    let items: Vec<ElementRef<'_>> = doc.select(&rules.item).collect();
    let mut listing = Listing {
        items_matched: items.len(),
        ..Listing::default()
    };
    for item in &items {
        // A list inside a list item: only the innermost entries are notices.
        if item
            .select(&rules.item)
            .any(|inner| inner.id() != item.id())
        {
            continue;
        }
        let Some((link, url)) = item
            .select(&rules.link)
            .filter(|a| !rules.is_next_text(&text_of(*a)))
            .find_map(|a| {
                a.value()
                    .attr("href")
                    .and_then(|h| resolve(&base, h))
                    .map(|u| (a, u))
            })
        else {
            continue;
        };
        let link_text = text_of(link);
        let title = match link.value().attr("title").map(str::trim) {
            Some(t) if !t.is_empty() => t.to_string(),
            _ => link_text.clone(),
        };
        let date = match &rules.date {
            Some(sel) => item.select(sel).find_map(|d| rules.find_date(&text_of(d))),
            None => rules.find_date(&text_of(*item).replacen(&link_text, " ", 1)),
        };
        let url = url.to_string();
        if listing.entries.iter().any(|e| e.url == url) {
            continue;
        }
        listing.entries.push(Entry { url, title, date });
    }
    if listing.entries.iter().any(|e| e.date.is_some()) {
        listing.entries.retain(|e| e.date.is_some());
    }
    listing.next = next_link(&doc, &base, rules);
    listing
        .entries
        .retain(|e| Some(&e.url) != listing.next.as_ref());
    listing
}

fn next_link(doc: &Html, base: &Url, rules: &Rules) -> Option<String> {
    let href_of = |el: ElementRef<'_>| {
        el.value()
            .attr("href")
            .and_then(|h| resolve(base, h))
            .map(|u| u.to_string())
    };
    if let Some(sel) = &rules.next
        && let Some(url) = doc.select(sel).find_map(href_of)
    {
        return Some(url);
    }
    if let Ok(sel) = Selector::parse("a[rel~=next][href], link[rel~=next][href]")
        && let Some(url) = doc.select(&sel).find_map(href_of)
    {
        return Some(url);
    }
    let anchors = Selector::parse("a[href]").ok()?;
    doc.select(&anchors)
        .filter(|a| rules.is_next_text(&text_of(*a)))
        .find_map(href_of)
}

/// Attachment links of a notice: hrefs whose path or query string ends with one of `extensions`
/// (ccgp's provincial download links carry the type only in `file_name=…docx`).
pub fn attachment_links(html: &str, page_url: &Url, extensions: &[String]) -> Vec<AttachmentLink> {
    let doc = Html::parse_document(html);
    let base = base_url(&doc, page_url);
    let Ok(anchors) = Selector::parse("a[href]") else {
        return Vec::new();
    };
    let exts: Vec<String> = extensions
        .iter()
        .map(|e| format!(".{}", e.trim_start_matches('.').to_ascii_lowercase()))
        .collect();
    let matched_ext = |s: &str| {
        let s = s.trim().to_ascii_lowercase();
        exts.iter()
            .find(|e| s.ends_with(e.as_str()) && s.len() > e.len())
            .cloned()
    };
    let has_ext = |s: &str| matched_ext(s).is_some();
    let mut out: Vec<AttachmentLink> = Vec::new();
    for a in doc.select(&anchors) {
        let Some(url) = a.value().attr("href").and_then(|h| resolve(&base, h)) else {
            continue;
        };
        let path = percent_decode(url.path());
        let path_name = path.rsplit('/').next().unwrap_or("").to_string();
        let query_name = url
            .query_pairs()
            .map(|(_, v)| v.into_owned())
            .find(|v| has_ext(v));
        let file_name = if has_ext(&path_name) {
            Some(path_name)
        } else if let Some(q) = query_name {
            Some(q.rsplit(['/', '\\']).next().unwrap_or(&q).to_string())
        } else {
            // `download?id=7&type=.pdf`: the type is all the query says.
            let ext = url
                .query()
                .map(|q| q.to_ascii_lowercase())
                .and_then(|q| exts.iter().find(|e| q.ends_with(e.as_str())).cloned());
            ext.map(|e| format!("{path_name}{e}"))
        };
        let Some(file_name) = file_name else { continue };
        let text = text_of(a);
        // The link text is the friendlier name, but the type must come from the URL's file name.
        let name = if has_ext(&text) {
            text
        } else {
            file_name.trim().to_string()
        };
        let url = url.to_string();
        if !out.iter().any(|o| o.url == url) {
            out.push(AttachmentLink { name, url });
        }
    }
    out
}

fn percent_decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s)
        .decode_utf8_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(toml: &str) -> Rules {
        let source = Source::parse(toml).unwrap_or_else(|e| panic!("{e}"));
        Rules::from_source(&source).unwrap_or_else(|e| panic!("{e}"))
    }

    fn generic() -> Rules {
        rules("name = \"g\"\nstart_urls = [\"http://p.example/list/\"]\n")
    }

    fn page() -> Url {
        Url::parse("http://p.example/list/index.htm").unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn table_rows_with_dates_and_menu_links_dropped() {
        // Shaped like a portal's bid table: 序号 | 发布时间 | 标题 | 采购人.
        let html = r#"<ul class="nav"><li><a href="/">首页</a></li></ul>
        <table><tr><th>发布时间</th><th>标题</th></tr>
        <tr><td>1</td><td>2025-06-03</td><td><a href="./t1.htm" title="云服务采购项目公开招标公告">云服务采购项目…</a></td><td>某大学</td></tr>
        <tr><td>2</td><td>2025/5/28</td><td><a href="http://p.example/list/t2.htm#top">算力租赁项目</a></td></tr></table>
        <a href="index_1.htm">下一页</a>"#;
        let l = extract(html, &page(), &generic());
        assert_eq!(l.entries.len(), 2, "{l:?}");
        assert_eq!(l.entries[0].url, "http://p.example/list/t1.htm");
        assert_eq!(l.entries[0].title, "云服务采购项目公开招标公告");
        assert_eq!(l.entries[0].date, Some(Date::constant(2025, 6, 3)));
        assert_eq!(l.entries[1].url, "http://p.example/list/t2.htm");
        assert_eq!(l.entries[1].date, Some(Date::constant(2025, 5, 28)));
        assert_eq!(l.next.as_deref(), Some("http://p.example/list/index_1.htm"));
    }

    #[test]
    fn ccgp_search_item_date_from_span() {
        let Some(Ok(source)) = Source::preset("ccgp-search") else {
            panic!("preset")
        };
        let r = Rules::from_source(&source).unwrap_or_else(|e| panic!("{e}"));
        let html = r#"<ul class="vT-srch-result-list-bid">
        <li><a href="http://www.ccgp.gov.cn/cggg/dfgg/gkzb/202506/t20250603_1.htm">某大学2025年云服务采购公开招标公告</a>
        <p>项目编号：ABC-2025-06-01 …</p><span>2025.06.03 09:49:53 | 采购人：某大学 | 代理机构：某公司<br/><strong>公开招标公告</strong></span></li>
        </ul><p class="pager"><a class="next" href="javascript:void(0)">下一页</a></p>"#;
        let u = Url::parse("http://search.ccgp.gov.cn/bxsearch?page_index=1")
            .unwrap_or_else(|e| panic!("{e}"));
        let l = extract(html, &u, &r);
        assert_eq!(l.entries.len(), 1);
        // The date in the snippet paragraph is not the listing date: the date_selector reads the span.
        assert_eq!(l.entries[0].date, Some(Date::constant(2025, 6, 3)));
        assert_eq!(l.next, None);
    }

    #[test]
    fn ccgp_channel_items_with_em_dates() {
        let Some(Ok(source)) = Source::preset("ccgp-channel") else {
            panic!("preset")
        };
        let r = Rules::from_source(&source).unwrap_or_else(|e| panic!("{e}"));
        let html = r#"<div class="vT_z"><ul class="c_list_bid">
        <li><a href="./202506/t20250603_24617001.htm" title="某研究院GPU服务器采购项目公开招标公告">某研究院GPU服务器…</a><em>2025-06-03 10:22</em><em>北京</em><em>某研究院</em></li>
        <li><a href="./202506/t20250602_24617002.htm">某中学录播系统公开招标公告</a><em>2025-06-02 16:01</em><em>广东</em></li>
        </ul></div>"#;
        let u = Url::parse("http://www.ccgp.gov.cn/cggg/dfgg/gkzb/index_1.htm")
            .unwrap_or_else(|e| panic!("{e}"));
        let l = extract(html, &u, &r);
        let got: Vec<(&str, Option<Date>)> =
            l.entries.iter().map(|e| (e.url.as_str(), e.date)).collect();
        assert_eq!(
            got,
            [
                (
                    "http://www.ccgp.gov.cn/cggg/dfgg/gkzb/202506/t20250603_24617001.htm",
                    Some(Date::constant(2025, 6, 3))
                ),
                (
                    "http://www.ccgp.gov.cn/cggg/dfgg/gkzb/202506/t20250602_24617002.htm",
                    Some(Date::constant(2025, 6, 2))
                ),
            ]
        );
        assert_eq!(l.entries[0].title, "某研究院GPU服务器采购项目公开招标公告");
    }

    #[test]
    fn rel_next_and_no_items() {
        let html = r#"<div>nothing here</div><link rel="next" href="?page=2">"#;
        let l = extract(html, &page(), &generic());
        assert_eq!(l.items_matched, 0);
        assert_eq!(
            l.next.as_deref(),
            Some("http://p.example/list/index.htm?page=2")
        );
    }

    #[test]
    fn attachment_links_by_path_and_query() {
        let html = r#"<a href="/files/采购文件.docx">采购文件</a>
        <a href="http://www.yngp.com/business/bulletin_zz.do?method=downloadFile&file_id=-45ed&file_name=二类疫苗采购 - 副本.docx">附件</a>
        <a href="/download?id=7&type=.PDF">技术参数</a>
        <a href="/other.htm">其他公告</a>"#;
        let exts: Vec<String> = ["pdf", "docx", "zip"].map(String::from).to_vec();
        let links = attachment_links(html, &page(), &exts);
        let names: Vec<&str> = links.iter().map(|l| l.name.as_str()).collect();
        assert_eq!(
            names,
            ["采购文件.docx", "二类疫苗采购 - 副本.docx", "download.pdf"]
        );
        assert!(
            links[1]
                .url
                .starts_with("http://www.yngp.com/business/bulletin_zz.do?"),
            "{}",
            links[1].url
        );
    }
}
