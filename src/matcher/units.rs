//! Numbered units of China's state groups as structure, not rows: 中国电子科技集团公司第三十二研究所,
//! 中电科32所 and "CETC 32" all read as group `cetc`, institute 32. The group forms come from
//! `watchlists/groups.csv`; numbers may be Arabic, positional Chinese (三十二) or digit by digit
//! (七一五, 七〇四). Two names with the same reading are the same unit; two readings that differ
//! (another number, another group) are different units, whatever else the names share.
use std::collections::HashMap;

use anyhow::Context;

/// One unit level: academy (院), institute (所) or factory (厂), with its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Level {
    Academy(u32),
    Institute(u32),
    Factory(u32),
}

impl Level {
    fn code(self) -> String {
        match self {
            Level::Academy(n) => format!("A{n}"),
            Level::Institute(n) => format!("I{n}"),
            Level::Factory(n) => format!("F{n}"),
        }
    }
}

/// A name read as a numbered unit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Unit {
    /// `group|A9|I771`, or `?|I32` when the name does not say the group.
    pub key: String,
    /// The units without the group (`I32`), for names that say only the number.
    pub bare: String,
    /// True if the name says which group (or academy).
    pub grouped: bool,
}

impl Unit {
    /// The innermost level (`I771` of `A9|I771`): what a bare number (771所) names.
    pub fn last(&self) -> &str {
        self.bare.rsplit('|').next().unwrap_or("")
    }
}

/// The group naming table (`groups.csv`).
#[derive(Debug, Clone, Default)]
pub struct Groups {
    /// Chinese forms → group id (`cetc`, `casc/A5`), longest first.
    zh: Vec<(String, String)>,
    /// English forms as word lists (filler words removed) → group id, longest first.
    en: Vec<(Vec<String>, String)>,
}

/// Words that carry no identity in a unit name ("China Electronics Technology Group
/// *Corporation* 32nd *Research* Institute").
const FILLER: [&str; 14] = [
    "research",
    "of",
    "the",
    "limited",
    "ltd",
    "co",
    "corp",
    "corporation",
    "group",
    "company",
    "no",
    "s",
    "and",
    "inc",
];

/// English ordinals written as words (CASIC *Second* Academy, *Ninth* Academy).
const ORDINAL_WORDS: [&str; 12] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

/// Longest name read (chars): unit names are short; a page's run-on text is not a unit name.
const MAX_UNIT_NAME_CHARS: usize = 120;

/// Split a folded Latin name into words, cutting letter/digit boundaries (`cetc55` → `cetc 55`,
/// `32nd` → `32 nd`).
fn words(folded: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut cur_digit = false;
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            let d = c.is_ascii_digit();
            if !cur.is_empty() && d != cur_digit {
                out.push(std::mem::take(&mut cur));
            }
            cur_digit = d;
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn content_words(folded: &str) -> Vec<String> {
    words(folded)
        .into_iter()
        .filter(|w| !FILLER.contains(&w.as_str()))
        .collect()
}

/// A Chinese numeral: positional with 十 (三十二 = 32, 十三 = 13), else digit by digit
/// (七一五 = 715, 七〇四 = 704).
fn han_number(s: &str) -> Option<u32> {
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '〇' | '零' | 'o' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    if s.is_empty() {
        return None;
    }
    if let Some((hi, lo)) = s.split_once('十') {
        let tens = match hi {
            "" => 1,
            h if h.chars().count() == 1 => digit(h.chars().next()?)?,
            _ => return None,
        };
        let ones = match lo {
            "" => 0,
            l if l.chars().count() == 1 => digit(l.chars().next()?)?,
            _ => return None,
        };
        return Some(tens * 10 + ones);
    }
    let mut n: u32 = 0;
    for c in s.chars() {
        n = n.checked_mul(10)?.checked_add(digit(c)?)?;
    }
    Some(n)
}

fn is_han_numeral(c: char) -> bool {
    matches!(
        c,
        '〇' | '零' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
    )
}

fn make_unit(group: Option<&str>, levels: &[Level]) -> Option<Unit> {
    let (group, academy) = match group {
        Some(g) => match g.split_once('/') {
            Some((g, a)) => (Some(g), Some(a)),
            None => (Some(g), None),
        },
        None => (None, None),
    };
    let mut parts: Vec<String> = academy.map(str::to_string).into_iter().collect();
    parts.extend(levels.iter().map(|l| l.code()));
    if parts.is_empty() {
        return None;
    }
    // An academy named twice (中国空间技术研究院 = 五院) must agree.
    if academy.is_some()
        && levels
            .iter()
            .any(|l| matches!(l, Level::Academy(_)) && Some(l.code().as_str()) != academy)
    {
        return None;
    }
    parts.dedup();
    let bare = parts.join("|");
    Some(Unit {
        key: format!("{}|{bare}", group.unwrap_or("?")),
        bare,
        grouped: group.is_some(),
    })
}

impl Groups {
    /// Parse `groups.csv` (`group,form,lang,source`; `#` comment lines allowed).
    pub fn parse(text: &str) -> anyhow::Result<Self> {
        let body: String = text
            .lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| format!("{l}\n"))
            .collect();
        let mut rd = csv::Reader::from_reader(body.as_bytes());
        let mut g = Groups::default();
        for (i, row) in rd.records().enumerate() {
            let row = row.with_context(|| format!("groups.csv row {}", i + 2))?;
            let (id, form, lang) = (
                row.get(0).unwrap_or("").trim(),
                row.get(1).unwrap_or("").trim(),
                row.get(2).unwrap_or("").trim(),
            );
            if id.is_empty() || form.is_empty() {
                continue;
            }
            if row.get(3).unwrap_or("").trim().is_empty() {
                anyhow::bail!("groups.csv: `{form}` has no source");
            }
            match lang {
                "zh" => g.zh.push((super::normalize::fold(form), id.to_string())),
                "en" => {
                    g.en.push((content_words(&super::normalize::fold(form)), id.to_string()))
                }
                other => anyhow::bail!("groups.csv: `{form}` has lang `{other}` (zh or en)"),
            }
        }
        g.zh.sort_by_key(|(f, _)| std::cmp::Reverse(f.chars().count()));
        g.en.sort_by_key(|(f, _)| std::cmp::Reverse(f.len()));
        Ok(g)
    }

    /// Read a folded name as a numbered unit, if the whole name is one.
    pub fn read(&self, folded: &str) -> Option<Unit> {
        if folded.chars().count() > MAX_UNIT_NAME_CHARS
            || !folded
                .chars()
                .any(|c| c.is_ascii_digit() || is_han_numeral(c))
        {
            return None;
        }
        if folded.chars().any(super::normalize::is_han) {
            self.read_han(folded)
        } else {
            self.read_latin(folded)
        }
    }

    fn read_han(&self, folded: &str) -> Option<Unit> {
        // Drop parenthesised parts (第212研究所（西安机电信息技术研究所）) and separators.
        let mut s = String::with_capacity(folded.len());
        let mut depth = 0usize;
        for c in folded.chars() {
            match c {
                '(' | '（' => depth += 1,
                ')' | '）' => depth = depth.saturating_sub(1),
                _ if depth > 0 || c.is_whitespace() => {}
                _ => s.push(c),
            }
        }
        let mut rest = s.as_str();
        let mut group: Option<&str> = None;
        if let Some((form, id)) = self.zh.iter().find(|(f, _)| rest.starts_with(f.as_str())) {
            group = Some(id);
            rest = &rest[form.len()..];
        }
        let mut levels = Vec::new();
        while !rest.is_empty() {
            rest = rest.strip_prefix('第').unwrap_or(rest);
            let digits: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
            let (n, after) = if !digits.is_empty() {
                (digits.parse::<u32>().ok()?, &rest[digits.len()..])
            } else {
                let num: String = rest.chars().take_while(|c| is_han_numeral(*c)).collect();
                (han_number(&num)?, &rest[num.len()..])
            };
            let (level, after) = if let Some(a) = after.strip_prefix("研究院") {
                (Level::Academy(n), a)
            } else if let Some(a) = after.strip_prefix("研究所") {
                (Level::Institute(n), a)
            } else if let Some(a) = after.strip_prefix('院') {
                (Level::Academy(n), a)
            } else if let Some(a) = after.strip_prefix('所') {
                (Level::Institute(n), a)
            } else if let Some(a) = after.strip_prefix('厂') {
                (Level::Factory(n), a)
            } else {
                return None;
            };
            levels.push(level);
            rest = after;
        }
        if levels.is_empty() {
            return None;
        }
        make_unit(group, &levels)
    }

    fn read_latin(&self, folded: &str) -> Option<Unit> {
        let mut w = content_words(folded);
        for t in w.iter_mut() {
            if let Some(i) = ORDINAL_WORDS.iter().position(|o| o == t) {
                *t = (i + 1).to_string();
            } else if t == "academys" || t == "academies" {
                *t = "academy".into();
            } else if t == "plant" {
                *t = "factory".into();
            }
        }
        let is_num = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
        // Ordinal suffixes after a number (32 nd).
        let mut i = 1;
        while i < w.len() {
            if is_num(&w[i - 1]) && matches!(w[i].as_str(), "st" | "nd" | "rd" | "th") {
                w.remove(i);
            } else {
                i += 1;
            }
        }
        let mut used = vec![false; w.len()];
        let mut group: Option<&str> = None;
        let mut group_end: Vec<usize> = Vec::new();
        let mut i = 0;
        while i < w.len() {
            let found = self
                .en
                .iter()
                .find(|(form, _)| !form.is_empty() && w[i..].starts_with(form));
            match found {
                Some((form, id)) => {
                    if group.is_some_and(|g| g.split('/').next() != id.split('/').next()) {
                        return None;
                    }
                    // The more specific reading (an academy) wins over its group.
                    if group.is_none_or(|g| !g.contains('/')) {
                        group = Some(id);
                    }
                    for u in used.iter_mut().skip(i).take(form.len()) {
                        *u = true;
                    }
                    group_end.push(i + form.len() - 1);
                    i += form.len();
                }
                None => i += 1,
            }
        }
        let kind = |t: &str, n: u32| match t {
            "institute" => Some(Level::Institute(n)),
            "academy" => Some(Level::Academy(n)),
            "factory" => Some(Level::Factory(n)),
            _ => None,
        };
        let mut levels = Vec::new();
        for i in 0..w.len() {
            if used[i] || !is_num(&w[i]) {
                continue;
            }
            let n: u32 = w[i].parse().ok()?;
            let level = if let Some(l) = w.get(i + 1).and_then(|t| kind(t, n)) {
                used[i + 1] = true;
                l
            } else if let Some(l) = (i > 0 && !used[i - 1])
                .then(|| kind(&w[i - 1], n))
                .flatten()
            {
                // "Institute 625", "Research Institute 55".
                used[i - 1] = true;
                l
            } else if i > 0 && group_end.contains(&(i - 1)) {
                // "CETC 32": a group acronym and a number name an institute.
                Level::Institute(n)
            } else {
                return None;
            };
            used[i] = true;
            levels.push(level);
        }
        if levels.is_empty() || used.iter().any(|u| !u) {
            return None;
        }
        make_unit(group, &levels)
    }
}

/// Bundled groups table.
pub const GROUPS_CSV: &str = include_str!("../../watchlists/groups.csv");

/// Read a table of groups, or the bundled one if `text` is None.
pub fn groups(text: Option<&str>) -> anyhow::Result<Groups> {
    Groups::parse(text.unwrap_or(GROUPS_CSV))
}

/// Per-key index helper: unit key → ids.
pub type UnitIndex = HashMap<String, Vec<u32>>;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::normalize::fold;

    fn read(s: &str) -> Option<String> {
        groups(None)
            .expect("bundled groups")
            .read(&fold(s))
            .map(|u| u.key)
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(han_number("三十二"), Some(32));
        assert_eq!(han_number("十三"), Some(13));
        assert_eq!(han_number("七一五"), Some(715));
        assert_eq!(han_number("七〇四"), Some(704));
        assert_eq!(han_number("五九"), Some(59));
        assert_eq!(han_number("三十二一"), None);
    }

    #[test]
    fn cetc_32_in_every_form_reads_the_same() {
        let want = Some("cetc|I32".to_string());
        for name in [
            "中国电子科技集团公司第三十二研究所",
            "中国电子科技集团有限公司第32研究所",
            "中电科32所",
            "中国电科第三十二所",
            "CETC 32",
            "China Electronics Technology Group Corporation 32nd Research Institute",
            "32nd Research Institute of China Electronics Technology Group Corporation",
        ] {
            assert_eq!(read(name), want, "{name}");
        }
        assert_eq!(read("32所").as_deref(), Some("?|I32"));
        assert_eq!(read("32nd Research Institute").as_deref(), Some("?|I32"));
    }

    #[test]
    fn academies_and_two_level_units() {
        assert_eq!(
            read("中国航天科技集团有限公司第四研究院").as_deref(),
            Some("casc|A4")
        );
        assert_eq!(
            read("China Aerospace Science and Technology Corporation (CASC) 9th Academy 771 Research Institute")
                .as_deref(),
            Some("casc|A9|I771")
        );
        assert_eq!(read("航天九院771所").as_deref(), Some("casc|A9|I771"));
        assert_eq!(
            read("China Academy of Space Technology 502 Research Institute").as_deref(),
            Some("casc|A5|I502")
        );
        assert_eq!(
            read(
                "China Aerospace Science and Industry Corporation (CASIC) 3rd Academy's 159 Factory"
            )
            .as_deref(),
            Some("casic|A3|F159")
        );
        assert_eq!(
            read("中国船舶重工集团公司第七一五研究所").as_deref(),
            Some("cssc|I715")
        );
        assert_eq!(
            read("China State Shipbuilding Corporation, Limited (CSSC) 715th Research Institute")
                .as_deref(),
            Some("cssc|I715")
        );
        assert_eq!(read("CETC-7").as_deref(), Some("cetc|I7"));
    }

    #[test]
    fn names_that_are_not_units() {
        for name in [
            "测试大学159",
            "中国电子科技集团公司",
            "湖北航天技术研究院总体设计所",
            "China Electronics Technology Group Corporation 13th Research Institute (CETC 13) subordinate institution: Envoltek",
            "Tianjin Aerospace Zhongwei Data System Technology Co., Ltd. 81 UAV",
            "四川大学",
        ] {
            assert_eq!(read(name), None, "{name}");
        }
    }
}
