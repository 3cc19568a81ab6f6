//! The notice's title: the page heading that names the notice, else `<title>` without the site
//! name. Portals append or prepend their own name ("…结果公告_四川大学招投标管理中心",
//! "山东政府采购网-…公告", "… - 中国招标投标公共服务平台"); a heading is usually the cleaner title.
use std::sync::LazyLock;

use super::layout;

/// Separators portals put between a notice title and the site name.
const SEPARATORS: [char; 7] = ['-', '_', '|', '—', '｜', '–', '－'];

/// Endings of a site or channel name ("…政府采购网", "…服务平台", "…管理中心").
static SITE_ENDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("site_end"));

/// Parts of a site name anywhere in it.
static SITE_PARTS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("site_part"));

/// Words only a notice title has (a segment with one is never cut as a site name).
static TITLE_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("title_word"));

/// Words that make a text a notice title (a segment with one is never cut as a site name).
pub static NOTICE_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("notice_word"));

/// Whether `s` is a body's name, not a notice's: a publisher ending and no notice word
/// ("盐城市生态环境局", "某某大学").
pub fn is_body_name(s: &str) -> bool {
    !has_notice_word(s) && PUBLISHER_ENDS.iter().any(|e| s.ends_with(e))
}

fn has_notice_word(s: &str) -> bool {
    NOTICE_WORDS.iter().any(|w| s.contains(w))
}

fn site_like(segment: &str) -> bool {
    let segment = segment.trim();
    !TITLE_WORDS.iter().any(|w| segment.contains(w))
        && (SITE_ENDS.iter().any(|w| segment.ends_with(w))
            || SITE_PARTS.iter().any(|w| segment.contains(w)))
}

/// `<title>` minus site names at either end. Trailing segments go when they look like a site or
/// channel (short, or with 网/平台/中心…); leading ones only with a site word ("D-Link" stays).
/// None when nothing but a site name is left.
pub fn clean_title_tag(t: &str) -> Option<String> {
    if let Some(only) = the_one_notice_segment(t) {
        return Some(only);
    }
    let mut title = t.trim();
    while let Some(i) = title.rfind(SEPARATORS) {
        let tail = title[i..].trim_start_matches(SEPARATORS).trim();
        let short = tail.chars().count() <= 8 && !TITLE_WORDS.iter().any(|w| tail.contains(w));
        let cut = short || site_like(tail);
        if !cut || i == 0 {
            break;
        }
        title = title[..i].trim();
    }
    while let Some(i) = title.find(SEPARATORS) {
        let head = title[..i].trim();
        if head.is_empty() || !site_like(head) {
            break;
        }
        title = title[i..].trim_start_matches(SEPARATORS).trim();
    }
    let title = title.trim();
    (title.chars().count() >= 4 && !site_like(title) && !is_type_name(title))
        .then(|| title.to_string())
}

/// Words of a notice-type or channel name ("招标公告", "中标（成交）结果公告", "采购信息").
static TYPE_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("type_word"));

/// True when `t` is only a notice type or channel name ("招标公告", "结果公示"): what a CMS
/// puts in `<title>` next to the site name on every page, so it names no notice.
pub fn is_type_name(t: &str) -> bool {
    let mut rest: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    if rest.is_empty() || rest.chars().count() > 16 {
        return false;
    }
    for w in *TYPE_WORDS {
        rest = rest.replace(w, "");
    }
    rest.is_empty()
}

/// Class names CMS templates give a notice's heading element: `title`, `arti_title`, and the
/// short forms `ewb-article-tt` (Epoint), `detail-tit`, `news_bt`, `biaoti`. A class matches when
/// one of its `-`/`_`-separated parts is one of these words (so `btn` or `attr` never do).
/// The HTML walk calls it for every classed element, so it does not allocate.
pub fn is_heading_class(class: &str) -> bool {
    static PARTS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("heading_class_part"));
    class
        .as_bytes()
        .windows(5)
        .any(|w| w.eq_ignore_ascii_case(b"title"))
        || class
            .split(['-', '_'])
            .any(|part| PARTS.iter().any(|p| part.eq_ignore_ascii_case(p)))
}

/// Separators that split a `<title>` into site and notice parts only with spaces around them
/// (a bare hyphen sits inside names: "D-Link DES-1252").
static SPACED: LazyLock<&[&str]> = LazyLock::new(|| layout::words("title_separator"));
/// Separators that always split.
const ALWAYS: [char; 4] = ['_', '｜', '|', '—'];

/// When a `<title>` holds site or channel names on both sides ("山东大学 - 采购与招标 - …公告"),
/// the one segment with a notice word (公告, 公示, 结果 …) is the title.
fn the_one_notice_segment(t: &str) -> Option<String> {
    let mut text = t.trim().to_string();
    for sep in *SPACED {
        text = text.replace(sep, "_");
    }
    let segments: Vec<&str> = text
        .split(ALWAYS)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if segments.len() < 3 {
        return None;
    }
    let mut with_word = segments
        .iter()
        .filter(|s| TITLE_WORDS.iter().any(|w| s.contains(w)));
    let one = with_word.next()?;
    (with_word.next().is_none() && one.chars().count() >= 6).then(|| one.to_string())
}

/// Endings a notice title has ("…招标公告", "…中标结果"): a shortened `<title>` keeps the
/// heading's.
static TITLE_ENDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("title_end"));

/// Characters a shortened title keeps of the heading's start at least.
const SHARED_START: usize = 4;

/// True when `full` is a fuller version of `short` (a `<title>` a CMS shortened: "…人工智能平台
/// 招标公告" for the heading "…人工智能辅助诊断平台采购项目招标公告"): longer, with the same first
/// characters and the same notice-type ending, and nearly every character of `short` found in
/// `full` in order. Both are titles (at most 150 characters), so the in-order scan is short.
pub fn abridges(short: &str, full: &str) -> bool {
    // A `<title>` cut off with an ellipsis ("…辅助诊断平台采购..."): the heading goes on from it.
    let cut = short.trim_end_matches(['.', '…', '。', '·']).trim_end();
    if cut.len() < short.len() {
        return cut.chars().count() >= 8 && full.len() > cut.len() && full.starts_with(cut);
    }
    // "关于X的中标公告": the heading's opening 关于 is no part of the name the title shortens.
    let (short, full) = (
        short.strip_prefix("关于").unwrap_or(short),
        full.strip_prefix("关于").unwrap_or(full),
    );
    let s: Vec<char> = short.chars().collect();
    let f: Vec<char> = full.chars().collect();
    if s.len() < 8
        || f.len() <= s.len()
        || f.len() > 150
        || s.get(..SHARED_START) != f.get(..SHARED_START)
    {
        return false;
    }
    if !TITLE_ENDS
        .iter()
        .any(|e| short.ends_with(e) && full.ends_with(e))
    {
        return false;
    }
    // Characters of `short` found in `full` in order (one missing one is skipped, not searched
    // for to the end).
    let mut at = 0;
    let mut found = 0;
    for c in &s {
        if let Some(i) = f[at..].iter().position(|x| x == c) {
            at += i + 1;
            found += 1;
        }
    }
    found * 10 >= s.len() * 9
}

/// Endings of a publishing body's name ("…局", "…人民政府", "…大学").
static PUBLISHER_ENDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("publisher_end"));

/// The heading that names the notice: the first heading that is, contains or fills out
/// ([`abridges`]) the cleaned `<title>`, else the first one with a notice word (公告, 公示,
/// 结果 …) and the length of a title. A heading matching the `<title>` that is a body's name
/// (a publisher ending, no notice word) is the site's banner ("四平市市场监督管理局" when the
/// `<title>` is "政府采购_四平市市场监督管理局"): a heading with a notice word beats it.
pub fn notice_heading<'a>(headings: &'a [String], title_tag: Option<&str>) -> Option<&'a str> {
    let fits =
        |h: &str| (6..=150).contains(&h.chars().count()) && !site_like(h) && !is_type_name(h);
    let by_word = || {
        headings
            .iter()
            .find(|h| fits(h) && h.chars().count() >= 8 && has_notice_word(h))
            .map(String::as_str)
    };
    if let Some(tag) = title_tag.filter(|t| t.chars().count() >= 6)
        && let Some(h) = headings
            .iter()
            .find(|h| fits(h) && (h.contains(tag) || tag.contains(h.as_str()) || abridges(tag, h)))
    {
        if has_notice_word(h) || !PUBLISHER_ENDS.iter().any(|e| h.ends_with(e)) {
            return Some(h);
        }
        return by_word().or(Some(h));
    }
    by_word()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_names_go_from_either_end() {
        assert_eq!(
            clean_title_tag("化学学院集群采购项目结果公告_四川大学招投标管理中心").as_deref(),
            Some("化学学院集群采购项目结果公告")
        );
        assert_eq!(
            clean_title_tag("山东政府采购网-山东农业大学服务采购项目竞争性磋商公告").as_deref(),
            Some("山东农业大学服务采购项目竞争性磋商公告")
        );
        assert_eq!(
            clean_title_tag("交换机D-Link DES-1252 和路由器H3C ER5200采购项目成交通告").as_deref(),
            Some("交换机D-Link DES-1252 和路由器H3C ER5200采购项目成交通告")
        );
        assert_eq!(clean_title_tag("湖南省公共资源交易中心"), None);
        assert_eq!(
            clean_title_tag("山东大学 - 采购与招标 - 山东大学存储扩容项目成交结果公告").as_deref(),
            Some("山东大学存储扩容项目成交结果公告")
        );
        assert_eq!(
            clean_title_tag("GPU服务器采购询价公告 - 某大学采购与招标管理中心 - 首页").as_deref(),
            Some("GPU服务器采购询价公告")
        );
    }

    #[test]
    fn a_news_outlets_name_is_no_title() {
        // Held-out round 43 (extract42): "天目新闻" alone; other outlets and a cut trailing name.
        assert_eq!(clean_title_tag("天目新闻"), None);
        assert_eq!(clean_title_tag("潮新闻客户端"), None);
        assert_eq!(clean_title_tag("齐鲁晚报"), None);
        assert_eq!(
            clean_title_tag("浙能集团1.28亿元项目候选人出炉_天目新闻").as_deref(),
            Some("浙能集团1.28亿元项目候选人出炉")
        );
        // A notice's own title that speaks of news keeps its words.
        assert_eq!(
            clean_title_tag("新闻中心融媒体平台采购项目招标公告").as_deref(),
            Some("新闻中心融媒体平台采购项目招标公告")
        );
    }

    #[test]
    fn a_type_or_channel_name_is_no_title() {
        assert!(is_type_name("招标公告"));
        assert!(is_type_name("中标（成交）结果公告"));
        assert!(is_type_name("采购 信息"));
        assert!(!is_type_name("服务器采购公告"));
        assert!(!is_type_name(
            "兰州大学超算中心国产智算集群扩容项目招标公告"
        ));
        assert_eq!(clean_title_tag("甘肃省公共资源交易网-招标公告"), None);
        assert_eq!(clean_title_tag("结果公示 | 某省政府采购网"), None);
        assert_eq!(
            notice_heading(&["更正公告".to_string()], Some("更正公告")),
            None
        );
    }

    #[test]
    fn heading_classes_of_common_cms_templates() {
        for c in [
            "ewb-article-tt",
            "detail-tit",
            "news_bt",
            "arti_title",
            "biaoti",
            "Title3",
        ] {
            assert!(is_heading_class(c), "{c}");
        }
        for c in ["btn", "attr", "content", "ewb-article-info", "list-wrap"] {
            assert!(!is_heading_class(c), "{c}");
        }
    }

    #[test]
    fn a_fuller_heading_fills_out_a_shortened_title() {
        assert!(abridges(
            "某某医科大学附属医院医学影像人工智能平台招标公告",
            "某某医科大学附属医院医学影像人工智能辅助诊断平台采购项目招标公告"
        ));
        assert!(abridges(
            "市第一人民医院信息中心服务器采购结果公示",
            "市第一人民医院信息中心GPU推理服务器采购项目中标结果公示"
        ));
        // Another notice of the same buyer, another ending, or no longer text is not one.
        assert!(!abridges(
            "某某医科大学附属医院医学影像人工智能平台招标公告",
            "某某医科大学附属医院手术室净化工程结果公告"
        ));
        assert!(!abridges(
            "某某大学智能计算平台招标公告",
            "某某大学智能计算平台中标结果公示"
        ));
        assert!(!abridges(
            "某某大学智能计算平台招标公告",
            "某某大学智能计算平台招标公告"
        ));
        // A heading opening with 关于.
        assert!(abridges(
            "某某大学GPU服务器中标公告",
            "关于某某大学人工智能学院GPU服务器采购项目的中标公告"
        ));
        // A `<title>` cut off with an ellipsis.
        assert!(abridges(
            "某某大学智能计算平台二期扩容采购...",
            "某某大学智能计算平台二期扩容采购项目竞争性磋商公告"
        ));
        assert!(abridges(
            "某某省人民医院数字化病理平台…",
            "某某省人民医院数字化病理平台建设项目招标公告"
        ));
        assert!(!abridges("某某大学...", "某某大学智能计算平台招标公告"));
        assert!(!abridges(
            "某某大学智能计算平台二期扩容采购...",
            "某某学院智能计算平台二期扩容采购项目公告"
        ));
        let hs = vec![
            "院务公开".to_string(),
            "某某医科大学附属医院医学影像人工智能辅助诊断平台采购项目招标公告".to_string(),
        ];
        assert_eq!(
            notice_heading(
                &hs,
                Some("某某医科大学附属医院医学影像人工智能平台招标公告")
            ),
            Some(hs[1].as_str())
        );
    }

    #[test]
    fn heading_matching_the_title_wins() {
        let hs = vec![
            "最新公告".to_string(),
            "湘潭大学智能计算平台建设项目中标候选人公示".to_string(),
        ];
        assert_eq!(
            notice_heading(&hs, None),
            Some("湘潭大学智能计算平台建设项目中标候选人公示")
        );
        assert_eq!(notice_heading(&hs[..1], None), None);
    }

    #[test]
    fn a_banner_name_matching_the_title_is_no_notice_heading() {
        // The `<title>` is the body's or site's name (alone or beside a channel name), and so is
        // the banner heading; the article's heading names the notice.
        let hs = vec![
            "某某县人民医院".to_string(),
            "某某县人民医院医学影像云平台采购项目竞争性磋商公告".to_string(),
        ];
        for tag in [
            "某某县人民医院",
            "信息公开-某某县人民医院",
            "某某县人民医院_采购信息",
        ] {
            assert_eq!(
                notice_heading(&hs, Some(tag)),
                Some(hs[1].as_str()),
                "{tag}"
            );
        }
        // Without a heading naming a notice, the banner stays the heading that matched.
        assert_eq!(
            notice_heading(&hs[..1], Some("某某县人民医院")),
            Some(hs[0].as_str())
        );
        // A news headline matching the `<title>` is no body's name: it stays.
        let hs = vec![
            "某某医院上线DeepSeek大模型".to_string(),
            "某某医院关于设备采购的结果公示".to_string(),
        ];
        assert_eq!(
            notice_heading(&hs, Some("某某医院上线DeepSeek大模型")),
            Some(hs[0].as_str())
        );
        // A heading matching the `<title>` with a notice word keeps winning over a later one.
        let hs = vec![
            "某某大学算力平台采购项目".to_string(),
            "某某大学关于寒假放假安排的通知公告".to_string(),
        ];
        assert_eq!(
            notice_heading(&hs, Some("某某大学算力平台采购项目")),
            Some(hs[0].as_str())
        );
    }
}
