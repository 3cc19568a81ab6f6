//! Dates as written on notices → `YYYY-MM-DD`.
use std::sync::LazyLock;

use super::layout;

use regex::Regex;

/// 2025年06月27日, 2025-06-27, 2025/07/14, 2025.07.14 (spaces allowed: Word pages split digits).
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s*[年\-/.]\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})")
        .expect("valid date regex")
});

/// 27 March 2025, 27 Mar 2025.
static DAY_MONTH_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+((?:19|20)\d{2})\b")
        .expect("valid date regex")
});

/// March 27, 2025.
static MONTH_DAY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b")
        .expect("valid date regex")
});

/// 二〇一六年十一月二十二日 (signature lines).
static HAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([〇零一二三四五六七八九○Ｏ]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日").expect("valid date regex")
});

/// English month names' first three letters, in month order (`month` group of `layout.csv`).
static MONTHS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("month"));

/// The first date in `s`, as `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    let mut consider = |pos: usize, date: Option<String>| {
        if let Some(d) = date
            && best.as_ref().is_none_or(|(p, _)| pos < *p)
        {
            best = Some((pos, d));
        }
    };
    if let Some(c) = NUMERIC.captures(s) {
        let pos = c.get(0).map_or(0, |m| m.start());
        consider(
            pos,
            ymd(c[1].parse().ok(), c[2].parse().ok(), c[3].parse().ok()),
        );
    }
    if let Some(c) = DAY_MONTH_YEAR.captures(s) {
        let pos = c.get(0).map_or(0, |m| m.start());
        consider(pos, ymd(c[3].parse().ok(), month(&c[2]), c[1].parse().ok()));
    }
    if let Some(c) = MONTH_DAY_YEAR.captures(s) {
        let pos = c.get(0).map_or(0, |m| m.start());
        consider(pos, ymd(c[3].parse().ok(), month(&c[1]), c[2].parse().ok()));
    }
    if let Some(c) = HAN.captures(s) {
        let pos = c.get(0).map_or(0, |m| m.start());
        let year: String = c[1]
            .chars()
            .filter_map(han_digit)
            .map(|d| char::from(b'0' + d as u8))
            .collect();
        consider(
            pos,
            ymd(year.parse().ok(), han_number(&c[2]), han_number(&c[3])),
        );
    }
    best.map(|(_, d)| d)
}

/// A date followed by its weekday ("2026年11月28日 星期六", "2026-11-28 周六").
static WEEKDAY_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:19|20)\d{2}\s*[年\-/.]\s*\d{1,2}\s*[月\-/.]\s*\d{1,2}\s*日?\s*(?:星期|周|礼拜)[一二三四五六日天]")
        .expect("valid weekday-date regex")
});

/// A time of day ("20:41", "14：36").
static TIME_OF_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{1,2}\s*[:：]\s*\d{2}").expect("valid time regex"));

/// The site's clock in its header ("2026年11月28日 星期六" in a top bar): a date with its weekday
/// and no time of day. It shows the day the page was viewed, never the article's date; an
/// article's own info line gives a time ("2026-11-24 14:36 星期二") and is no clock.
/// A greeting bar's clock is one even without its weekday ("今天是2026年09月05日").
pub fn is_site_clock(line: &str) -> bool {
    ((line.contains("星期") || line.contains('周') || line.contains("礼拜"))
        && WEEKDAY_DATE.is_match(line)
        && !TIME_OF_DAY.is_match(line))
        || CLOCK_LEAD.is_match(line)
}

/// "今天是：2026年…", "今日：…", "当前日期：…" — the words of a top bar's clock before its date.
static CLOCK_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{})\s*[：:]?\s*(?:19|20)\d{{2}}\s*[年\-/.]",
        layout::alternation(layout::words("clock_lead"))
    ))
    .expect("valid clock regex")
});

/// Words of an article's info line that name its other fields (source, author, font size,
/// views, clicks, reads), each at the start of a token and followed by its colon or bracket:
/// "日期：2026-11-04　来源：条件保障处", "【字号：大 中 小】", "阅读次数：". Longer forms first.
static INFO_TOKENS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("info_token"));

/// Characters of an info line looked at (the joined head of a layout cell can be long).
const INFO_LINE_CAP: usize = 300;
/// Characters on either side of the date within which the info words must stand.
const INFO_NEAR: usize = 40;

/// A time of day right after a date ("日 10:12", " 15:40:21", "日10时12分").
static TIME_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^日?\s*(?:\d{1,2}\s*[:：时]\s*\d{1,2}(?:\s*[:：分]\s*(?:\d{1,2}\s*秒?)?)?)?")
        .expect("valid time regex")
});

/// True when an info token ([`INFO_TOKENS`]) starts a token of `s` at a byte offset in `span`:
/// at the start of `s` or after a character that is neither a letter nor a digit ("资金来源：" is
/// no source field), followed by its colon or bracket.
fn has_info_token(s: &str, span: std::ops::Range<usize>) -> bool {
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if i >= span.end {
            break;
        }
        if i >= span.start
            && prev.is_none_or(|p| !p.is_alphanumeric())
            && let Some(rest) = INFO_TOKENS.iter().find_map(|t| s[i..].strip_prefix(t))
        {
            let next = rest.trim_start().chars().next();
            if matches!(next, Some('：' | ':' | '】' | ']'))
                || (s[i..].starts_with("字号") && matches!(next, Some('大' | '【' | '[')))
            {
                return true;
            }
        }
        if i >= span.start && prev.is_none_or(|p| !p.is_alphanumeric()) && font_sizes(&s[i..]) {
            return true;
        }
        prev = Some(c);
    }
    false
}

/// True when `s` opens with the font-size widget "大 中 小" (spaced or not, often in 【】 and
/// without the word 字号), which only an article's info line carries; "大中小学" is no widget.
fn font_sizes(s: &str) -> bool {
    let rest = ['大', '中', '小'].iter().try_fold(s, |r, c| {
        r.trim_start_matches([' ', '\u{3000}', '\u{a0}'])
            .strip_prefix(*c)
    });
    rest.is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphanumeric()))
}

/// The label right before a date ("发布日期：", "日期:", "时间："), if any: the characters
/// back to a space or bracket before the colon.
fn label_before(before: &str) -> Option<&str> {
    let b = before.trim_end();
    let b = b.strip_suffix(['：', ':'])?.trim_end();
    let start = b
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace() || "【】[]|｜丨/（）()".contains(*c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some(&b[start..])
}

/// Last `n` characters of `s`.
pub fn tail_chars(s: &str, n: usize) -> &str {
    if n == 0 {
        return "";
    }
    s.char_indices()
        .rev()
        .nth(n - 1)
        .map_or(s, |(i, _)| &s[i..])
}

/// First `n` characters of `s`.
pub fn head_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// The date of an article's info line: a date sharing its line with the article's other fields
/// (来源, 作者, 字号, 浏览, 点击, 阅读 …), which is the page's publication line — unlike a date
/// in the body (a 磋商 or 开标 date), a site clock or a lone date in the header. The date is
/// either labelled as a date with no event word ("日期：", "发布时间：", "更新时间：") with an
/// info field within [`INFO_NEAR`] characters, or unlabelled with an info field right after it
/// ("2026年09月03日 10:12 来源：…") or just before it ("作者：郭雨晨 2026-11-27 20:41").
/// `is_publication_label` says whether a date label may name the publication.
pub fn info_line_date(line: &str, is_publication_label: impl Fn(&str) -> bool) -> Option<String> {
    let line = head_chars(line, INFO_LINE_CAP);
    for m in NUMERIC.find_iter(line).take(8) {
        let before = &line[..m.start()];
        // The end of a period ("2026年10月10日至2026年10月13日") dates nothing.
        if before
            .trim_end()
            .ends_with(['至', '到', '~', '～', '—', '－'])
        {
            continue;
        }
        let rest = &line[m.end()..];
        let time = TIME_AFTER.find(rest).map_or(0, |t| t.end());
        let gap = rest[time..]
            .find(|c: char| !(c.is_whitespace() || "|｜丨/【[]】".contains(c)))
            .map_or(rest.len(), |g| time + g);
        // Byte offsets in `line` of the characters near the date on either side.
        let from = |n: usize| m.start() - tail_chars(before, n).len();
        let to = |n: usize| m.end() + gap + head_chars(&rest[gap..], n).len();
        let info = match label_before(before) {
            Some(label) if label.ends_with("日期") || label.ends_with("时间") => {
                if !is_publication_label(label) {
                    continue;
                }
                has_info_token(line, from(INFO_NEAR)..to(INFO_NEAR))
            }
            // Another label before the date ("公示期：", "服务期限："): no publication date.
            Some(_) => continue,
            // Unlabelled: an info field right after the date or just before it.
            None => {
                has_info_token(line, m.end() + gap..to(1))
                    || has_info_token(line, from(20)..m.start())
            }
        };
        if info {
            return parse_date(m.as_str());
        }
    }
    None
}

/// A whole line that is a date with its parts apart, as the walker joins adjacent elements:
/// "2026 07/30 10:21:35" (year, month/day and time in three spans), "2026 · 07/30",
/// "2026年 07月30日", "2026- 07-30". Anchored at both ends, so a date inside a sentence or a
/// table row ("2026 | 07/30") is none.
static SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^((?:19|20)\d{2})\s*(?:年|[-/.·])?\s*(\d{1,2})\s*[月\-/.]\s*(\d{1,2})\s*日?\s*·?\s*(\d{1,2}\s*[:：]\s*\d{2}(?:\s*[:：]\s*\d{2})?)?$",
    )
    .expect("valid split-date regex")
});

/// Longest line (bytes) read as a piece of a split date.
const SPLIT_LINE_BYTES: usize = 48;
/// Lines a split date may run over (year, month/day, time).
const SPLIT_LINES: usize = 3;

/// A date whose parts sit in adjacent elements at the start of `lines` ("2026 07/30 10:21:35" on
/// one line, or "2026年" over "07月30日" over "10:21"), written as one date ("2026-07-30 10:21:35")
/// with the number of lines it took. Only short lines that open with a digit and hold nothing
/// but the date's parts count; a line that already reads as a date on its own is left as it is.
/// Whether such a date dates the page is for the info-line rules (an info field beside it).
pub fn split_date(lines: &[&str]) -> Option<(String, usize)> {
    let mut joined = String::new();
    let mut best = None;
    for (k, line) in lines.iter().take(SPLIT_LINES).enumerate() {
        let line = line.trim();
        if line.len() > SPLIT_LINE_BYTES || !line.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
        if k == 0 && NUMERIC.is_match(line) {
            return None;
        }
        if k > 0 {
            joined.push(' ');
        }
        joined.push_str(line);
        if let Some(c) = SPLIT.captures(&joined)
            && let Some(d) = ymd(c[1].parse().ok(), c[2].parse().ok(), c[3].parse().ok())
        {
            let time = c
                .get(4)
                .map_or(String::new(), |t| format!(" {}", t.as_str()));
            best = Some((format!("{d}{time}"), k + 1));
        }
    }
    best
}

fn ymd(y: Option<u32>, m: Option<u32>, d: Option<u32>) -> Option<String> {
    let (y, m, d) = (y?, m?, d?);
    ((1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn month(name: &str) -> Option<u32> {
    let lower = name.to_ascii_lowercase();
    let prefix = lower.get(..3)?;
    MONTHS
        .iter()
        .position(|m| *m == prefix)
        .map(|i| i as u32 + 1)
}

fn han_digit(c: char) -> Option<u32> {
    match c {
        '〇' | '零' | '○' | 'Ｏ' => Some(0),
        '一' => Some(1),
        '二' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

/// 一 … 三十一.
fn han_number(s: &str) -> Option<u32> {
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        ['十', u] => Some(10 + han_digit(*u)?),
        [t, '十'] => Some(han_digit(*t)? * 10),
        [t, '十', u] => Some(han_digit(*t)? * 10 + han_digit(*u)?),
        [u] => han_digit(*u),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_with_its_weekday_and_no_time_is_the_site_clock() {
        assert!(is_site_clock("2026年11月28日 星期六"));
        assert!(is_site_clock("欢迎访问本站！今天是：2026-03-02 周一"));
        assert!(is_site_clock("2025/7/4 礼拜五 晴"));
        // An article's info line gives its time; a bare date is no clock either.
        assert!(!is_site_clock("2026-11-24 14:36 星期二"));
        assert!(!is_site_clock("来源：中证网 作者：郭雨晨 2026-11-27 20:41"));
        assert!(!is_site_clock("发布日期：2026年11月27日"));
        assert!(!is_site_clock("服务周期：2026年1月1日至2026年12月31日"));
        // A greeting bar's clock without its weekday.
        assert!(is_site_clock("您好，欢迎访问！今天是2026年09月05日"));
        assert!(is_site_clock("当前日期：2026-03-02"));
        assert!(!is_site_clock("本项目于2026年09月05日开标"));
    }

    fn publication(label: &str) -> bool {
        ["日期", "时间", "发布日期", "发布时间", "更新时间"].contains(&label)
    }

    #[test]
    fn the_font_size_widget_is_an_info_field() {
        let d = |s: &str| info_line_date(s, publication);
        assert_eq!(
            d("2026-09-15　|　【 大 中 小 】【打印】【关闭】").as_deref(),
            Some("2026-09-15")
        );
        assert_eq!(
            d("发布日期：2025-06-02 [大 中 小] [打印本页]").as_deref(),
            Some("2025-06-02")
        );
        assert_eq!(d("2024年3月8日 大中小 打印").as_deref(), Some("2024-03-08"));
        // Schools of every size are no widget.
        assert_eq!(d("2026-09-15 大中小学校舍维修项目"), None);
        assert!(!font_sizes("大中小学"));
        assert!(font_sizes("大 中 小"));
    }

    #[test]
    fn a_date_split_over_adjacent_elements_reads_as_one() {
        let split = |lines: &[&str]| split_date(lines);
        assert_eq!(
            split(&["2026 07/30 10:21:35", "来源：新华网"]),
            Some(("2026-07-30 10:21:35".to_string(), 1))
        );
        assert_eq!(
            split(&["2025 · 3/7 · 09:05"]),
            Some(("2025-03-07 09:05".to_string(), 1))
        );
        // Year, month/day and time each on a line of their own.
        assert_eq!(
            split(&["2026年", "11月02日", "08:15", "作者：某某"]),
            Some(("2026-11-02 08:15".to_string(), 3))
        );
        assert_eq!(
            split(&["2024-", "06-18", "点击：33"]),
            Some(("2024-06-18".to_string(), 2))
        );
        // A line that is a date already, a table row, a sentence or numbers that are no date.
        assert_eq!(split(&["2026-07-30 10:21", "来源：某某"]), None);
        assert_eq!(split(&["2026 | 07/30 | 开标"]), None);
        assert_eq!(split(&["2026年", "第3期 共12页"]), None);
        assert_eq!(split(&["2026 13/45"]), None);
        assert_eq!(split(&["本项目2026 07/30开标"]), None);
        // Read with the info field after it, the split date dates the article's info line.
        let d = |s: &str| info_line_date(s, publication);
        assert_eq!(
            d("2026-07-30 10:21:35 来源：新华网").as_deref(),
            Some("2026-07-30")
        );
    }

    #[test]
    fn an_info_line_dates_the_article() {
        let d = |s: &str| info_line_date(s, publication);
        assert_eq!(
            d("日期：2026-11-04　来源：条件保障处　【字号：大 中 小】").as_deref(),
            Some("2026-11-04")
        );
        assert_eq!(
            d("发布时间：2025年3月7日 09:30 | 浏览次数：215").as_deref(),
            Some("2025-03-07")
        );
        // The date unlabelled, an info field right after it or just before it.
        assert_eq!(
            d("2026年09月03日 10:12 来源：某某日报").as_deref(),
            Some("2026-09-03")
        );
        assert_eq!(
            d("来源：中证网 作者：郭雨晨 2026-11-27 20:41").as_deref(),
            Some("2026-11-27")
        );
        // The joined head of a layout cell: breadcrumb, heading and info line on one line.
        assert_eq!(
            d("当前位置：首页 > 通知公告 某某项目成交公告 更新时间:2024/6/18 点击:33").as_deref(),
            Some("2024-06-18")
        );
        // A date in the body, a period or an event is no info line, nor is a field that only
        // ends in an info word ("资金来源").
        assert_eq!(d("磋商日期为2026年10月29日。"), None);
        assert_eq!(
            d("公示期：2026年10月10日至2026年10月13日　来源：交易中心"),
            None
        );
        assert_eq!(d("开标时间：2026-10-29 09:30 作者：某某"), None);
        assert_eq!(d("资金来源：财政资金 2026年10月29日"), None);
        assert_eq!(d("2026年6月8日"), None);
    }
}
