//! Page furniture that is not the article: navigation, sidebars, footers, related-article and
//! link lists. Known by structure (elements, class names, lists of links — marked by the HTML
//! walk as byte ranges of the text) and by their headings in the text (相关阅读, 热门文章 …), so
//! that a headline in a "related news" box never names a news page's buyer, winner or candidate.
use std::sync::LazyLock;

use super::layout;
use std::ops::Range;

/// Elements that hold page furniture, never the article.
static FURNITURE_ELEMENTS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("furniture_element"));

/// Class or id words (lower case) naming furniture anywhere inside them ("relatedNews",
/// "news-recommend"; pinyin initials: "xgyd" = 相关阅读, "tjyd" = 推荐阅读, "rmwz" = 热门文章).
static FURNITURE_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("furniture_class_word"));

/// Class or id words naming furniture at the start or end of a token ("hot-list", "newshot",
/// "subnav", "c114-foot", "article-more"). Not "side": portals call their content column
/// "right_side" as often as their sidebar.
static FURNITURE_AFFIXES: LazyLock<&[&str]> =
    LazyLock::new(|| layout::words("furniture_class_affix"));

/// Tokens that merely contain an affix and name article parts ("inside", "footnote").
static NOT_FURNITURE: LazyLock<&[&str]> = LazyLock::new(|| layout::words("not_furniture_class"));

/// True if the element (by name, class and id) is page furniture.
pub fn is_furniture_element(name: &str, class: Option<&str>, id: Option<&str>) -> bool {
    if FURNITURE_ELEMENTS.contains(&name) {
        return true;
    }
    [class, id]
        .into_iter()
        .flatten()
        .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|t| t.len() >= 3 && t.len() <= 40)
        .any(|token| {
            let t = token.to_ascii_lowercase();
            !NOT_FURNITURE.contains(&t.as_str())
                && (FURNITURE_WORDS.iter().any(|w| t.contains(w))
                    || FURNITURE_AFFIXES
                        .iter()
                        .any(|w| t.starts_with(w) || t.ends_with(w)))
        })
}

/// A list (`ul`/`ol`) whose text is mostly link text: a list of links, not article content.
pub fn is_link_list(linked_chars: usize, all_chars: usize) -> bool {
    all_chars > 0 && linked_chars * 5 >= all_chars * 4
}

/// A character of a list item's date or count beside its link ("2026-08-11", "06-03", "(12)"):
/// not counted against the link text by [`is_link_list`] (the HTML walk leaves it out).
pub fn is_list_meta_char(c: char) -> bool {
    c.is_ascii_digit()
        || c.is_ascii_punctuation()
        || matches!(
            c,
            '年' | '月' | '日' | '【' | '】' | '［' | '］' | '（' | '）'
        )
}

/// Headings of furniture blocks in the text.
static FURNITURE_HEADINGS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("furniture_heading"));

/// Openings of a single furniture line ("上一篇：…", "版权所有 …"), and an e-paper's
/// navigation of the page it shows ("本版标题 A B C" lists that newspaper page's headlines).
static FURNITURE_LINE_STARTS: LazyLock<&[&str]> =
    LazyLock::new(|| layout::words("furniture_line_start"));

/// True if `line` opens like a single furniture line ("上一篇：…", "本版标题 …"): never a title.
pub fn is_furniture_line(line: &str) -> bool {
    FURNITURE_LINE_STARTS.iter().any(|s| line.starts_with(s))
}

/// Lines a heading's block may run over (the headlines under it).
const MAX_BLOCK_LINES: usize = 30;
/// Headlines are short and are no sentences; a longer line or one with 。 is article text again.
const MAX_HEADLINE_CHARS: usize = 60;

/// True if `line` is only a furniture heading (decorations such as "更多>>" allowed).
fn is_furniture_heading(line: &str) -> bool {
    if line.chars().count() > 16 {
        return false;
    }
    let bare = line.trim_matches(|c: char| !super::labels::is_han(c));
    FURNITURE_HEADINGS.iter().any(|h| {
        bare == *h
            || bare.strip_prefix(h).is_some_and(|rest| {
                rest.trim_start_matches(|c: char| !super::labels::is_han(c)) == "更多"
            })
    })
}

/// One flag per line of `lines` (the non-empty trimmed lines of `text`, in order): true for
/// furniture. `ranges` are byte ranges of `text` that the HTML walk marked as furniture.
pub fn furniture_lines(text: &str, lines: &[&str], ranges: &[Range<usize>]) -> Vec<bool> {
    let mut flags = vec![false; lines.len()];
    // Line start offsets, for the ranges (lines are the non-empty trimmed lines of `text`).
    if !ranges.is_empty() {
        let mut sorted: Vec<Range<usize>> = ranges.to_vec();
        sorted.sort_by_key(|r| r.start);
        let mut next = 0usize;
        let mut i = 0usize;
        let mut at = 0usize;
        for raw in text.split('\n') {
            let start = at;
            at += raw.len() + 1;
            if raw.trim().is_empty() {
                continue;
            }
            // Ranges that end before this line are done with.
            while next < sorted.len() && sorted[next].end <= start {
                next += 1;
            }
            let covered = sorted[next..]
                .iter()
                .take_while(|r| r.start <= start)
                .any(|r| r.end > start);
            // A layout cell joins a box's heading and its list of links on one line ("通知公告
            // <list>"): the line is furniture when the ranges hold nearly all of it.
            let from = start + (raw.len() - raw.trim_start().len());
            let to = start + raw.trim_end().len();
            let mostly = !covered && {
                let held: usize = sorted[next..]
                    .iter()
                    .take_while(|r| r.start < to)
                    .map(|r| r.end.min(to).saturating_sub(r.start.max(from)))
                    .sum();
                held * 5 >= (to - from) * 4
            };
            if let Some(f) = flags.get_mut(i) {
                *f = covered || mostly;
            }
            i += 1;
        }
    }
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if is_furniture_line(line) {
            flags[i] = true;
        } else if is_furniture_heading(line) {
            flags[i] = true;
            let mut j = i + 1;
            while j < lines.len()
                && j <= i + MAX_BLOCK_LINES
                && lines[j].chars().count() <= MAX_HEADLINE_CHARS
                && !lines[j].contains('。')
            {
                flags[j] = true;
                j += 1;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_by_element_and_class() {
        assert!(is_furniture_element("aside", None, None));
        assert!(is_furniture_element("div", Some("related"), None));
        assert!(is_furniture_element("ul", Some("hot-list"), None));
        assert!(is_furniture_element("div", Some("box relatedNews"), None));
        assert!(is_furniture_element("div", None, Some("sidebar-left")));
        assert!(!is_furniture_element("div", Some("right_side"), None));
        assert!(is_furniture_element("div", Some("c114-foot"), None));
        assert!(!is_furniture_element("div", Some("article-body"), None));
        assert!(!is_furniture_element("div", Some("inside"), None));
        assert!(!is_furniture_element("div", Some("text"), Some("content")));
        assert!(!is_furniture_element("p", Some("photo"), None));
    }

    #[test]
    fn headings_mark_the_headlines_under_them() {
        let lines = [
            "正文第一段。",
            "相关阅读",
            "中国联通某分公司启动智算中心扩容招标",
            "某公司以2亿元中标",
            "这是一段正文，不是标题。",
            "上一篇：某新闻",
            "本版导读 某区智算中心开工 图书馆扩容工程招标",
            "本版目录：学院新闻 校园动态",
            "版面导航 第01版 第02版",
        ];
        let text = lines.join("\n");
        assert_eq!(
            furniture_lines(&text, &lines, &[]),
            vec![false, true, true, true, false, true, true, true, true]
        );
        assert!(is_furniture_heading("【相关新闻】"));
        assert!(is_furniture_heading("热门文章 更多>>"));
        assert!(!is_furniture_heading("热门行业智算中心建设观察"));
    }

    #[test]
    fn a_line_mostly_in_ranges_is_furniture() {
        // A box heading joined to its list of links on one line; a line with a short link
        // inside article text is not.
        let text = "正文。\n最新动态 关于举办某某培训班的通知 关于做好某某工作的通知\n详见附件一和附件二所列的全部采购需求。";
        let lines: Vec<&str> = text.lines().collect();
        let a = text.find("关于举办").unwrap_or_default();
        let b = text.find("\n详见").unwrap_or_default();
        let c = text.find("附件一").unwrap_or_default();
        let ranges = [a..b, c..c + "附件一".len()];
        assert_eq!(
            furniture_lines(text, &lines, &ranges),
            vec![false, true, false]
        );
        // Another joined heading; half of a line in a range is not enough.
        let text = "便民服务 农机补贴查询 种子质量查询 三农热线 办事指南\n项目概况 采购内容为服务器 详见下表";
        let lines: Vec<&str> = text.lines().collect();
        let a = text.find("农机").unwrap_or_default();
        let b = text.find('\n').unwrap_or_default();
        let c = text.find("采购内容").unwrap_or_default();
        assert_eq!(
            furniture_lines(text, &lines, &[a..b, c..c + "采购内容为服务器".len()]),
            vec![true, false]
        );
    }

    #[test]
    fn ranges_mark_their_lines() {
        let text = "标题\n  \n正文。\n链接一\n链接二\n页脚";
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let start = text.find("链接一").unwrap_or_default();
        let end = text.find("页脚").unwrap_or_default() - 1;
        let range = start..end;
        assert_eq!(
            furniture_lines(text, &lines, std::slice::from_ref(&range)),
            vec![false, false, true, true, false]
        );
    }
}
