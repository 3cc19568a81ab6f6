//! Dates as written on notices → `YYYY-MM-DD`.
use std::sync::LazyLock;

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

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

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
pub fn is_site_clock(line: &str) -> bool {
    (line.contains("星期") || line.contains('周') || line.contains("礼拜"))
        && WEEKDAY_DATE.is_match(line)
        && !TIME_OF_DAY.is_match(line)
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
    }
}
