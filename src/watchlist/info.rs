//! What the loaded lists know in Chinese: per list, entries with a Chinese name, entries whose
//! English name is a translation and still lack one, and the overlay's confidence counts; plus
//! duplicate and conflicting overlay rows (`tenderscan watchlist info`).
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use regex::Regex;

use super::Watchlist;
use super::overlay::{CONFIDENCES, ZhRow};
use crate::model::ListKind;

/// Coverage of one list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListInfo {
    /// The list name.
    pub list: String,
    /// Its kind.
    pub kind: ListKind,
    /// Entries.
    pub entries: usize,
    /// Entries with at least one Chinese name.
    pub with_zh: usize,
    /// Entries whose English name is a translation (see `is_translated_name`).
    pub translated: usize,
    /// Of those, the ones still without a Chinese name.
    pub translated_without_zh: Vec<String>,
    /// Overlay rows applied to this list's entries, by confidence (`official` … `compiled`,
    /// `unspecified` for the older three-column overlay).
    pub confidence: BTreeMap<String, usize>,
}

/// An overlay problem: the same row twice, or one Chinese name for different entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZhProblem {
    /// `duplicate` or `conflict`.
    pub kind: &'static str,
    /// The Chinese name.
    pub zh_name: String,
    /// The listed names it is given to.
    pub listed_names: Vec<String>,
    /// Lines of the rows.
    pub lines: Vec<u64>,
}

/// Heuristic: is this English name a translation of a Chinese name (so a Chinese name is needed
/// to find it in Chinese notices), rather than pinyin or a foreign brand? True for universities,
/// colleges, institutes, academies, laboratories, centres, schools, hospitals, bureaus,
/// state-group names (China … / Chinese … / … of China, CETC/CASC/… units) and names that read
/// as a numbered unit. Pinyin names (Zhongke Shuguang, … Youxian Gongsi) and brand-named
/// companies (Sugon, Hikvision) are not translations.
pub fn is_translated_name(name: &str) -> bool {
    static RX: OnceLock<Option<Regex>> = OnceLock::new();
    let rx = RX.get_or_init(|| {
        Regex::new(
            r"(?i)\b(universit(y|ies)|college|institute|institution|academy|laborator(y|ies)|cent(er|re)|school|hospital|bureau|administration|ministry|department|corps)\b|^(china|chinese)\b|\bof china\b|\b(cetc|casc|casic|avic|cssc|csic|norinco|caep)\b",
        )
        .ok()
    });
    let pinyin = name.to_ascii_lowercase().contains("youxian gongsi");
    !pinyin && rx.as_ref().is_some_and(|r| r.is_match(name))
}

fn has_han(s: &str) -> bool {
    s.chars().any(crate::matcher::normalize::is_han)
}

/// Coverage per list, in list-name order.
pub fn coverage(list: &Watchlist, rows: &[ZhRow]) -> Vec<ListInfo> {
    let mut by_listed: HashMap<String, Vec<&ZhRow>> = HashMap::new();
    for r in rows {
        by_listed
            .entry(r.listed_name.to_lowercase())
            .or_default()
            .push(r);
    }
    let mut out: BTreeMap<String, ListInfo> = BTreeMap::new();
    for e in &list.entries {
        let info = out.entry(e.list.clone()).or_insert_with(|| ListInfo {
            list: e.list.clone(),
            kind: e.kind,
            entries: 0,
            with_zh: 0,
            translated: 0,
            translated_without_zh: Vec::new(),
            confidence: CONFIDENCES.iter().map(|c| (c.to_string(), 0)).collect(),
        });
        info.entries += 1;
        let zh = has_han(&e.name) || e.aliases.iter().any(|a| has_han(a));
        info.with_zh += usize::from(zh);
        if is_translated_name(&e.name) {
            info.translated += 1;
            if !zh {
                info.translated_without_zh.push(e.name.clone());
            }
        }
        for r in by_listed
            .get(&e.name.to_lowercase())
            .map_or(&[][..], Vec::as_slice)
        {
            let c = if r.confidence.is_empty() {
                "unspecified"
            } else {
                r.confidence.as_str()
            };
            *info.confidence.entry(c.to_string()).or_insert(0) += 1;
        }
    }
    out.into_values().collect()
}

/// Duplicate rows (same listed name and Chinese name) and conflicts (one Chinese name given to
/// different listed names), in Chinese-name order.
pub fn zh_problems(rows: &[ZhRow]) -> Vec<ZhProblem> {
    let mut by_zh: BTreeMap<&str, Vec<&ZhRow>> = BTreeMap::new();
    for r in rows {
        by_zh.entry(r.zh_name.as_str()).or_default().push(r);
    }
    let mut out = Vec::new();
    for (zh, rs) in by_zh {
        let mut names: Vec<String> = rs.iter().map(|r| r.listed_name.clone()).collect();
        names.sort();
        for pair in names.windows(2).filter(|w| w[0] == w[1]) {
            let lines = rs
                .iter()
                .filter(|r| r.listed_name == pair[0])
                .map(|r| r.line)
                .collect();
            let p = ZhProblem {
                kind: "duplicate",
                zh_name: zh.to_string(),
                listed_names: vec![pair[0].clone()],
                lines,
            };
            if !out.contains(&p) {
                out.push(p);
            }
        }
        names.dedup();
        if names.len() > 1 {
            out.push(ZhProblem {
                kind: "conflict",
                zh_name: zh.to_string(),
                listed_names: names,
                lines: rs.iter().map(|r| r.line).collect(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::watchlist::Entry;

    fn row(line: u64, listed: &str, zh: &str, confidence: &str) -> ZhRow {
        ZhRow {
            line,
            listed_name: listed.into(),
            zh_name: zh.into(),
            source: "test".into(),
            confidence: confidence.into(),
        }
    }

    #[test]
    fn translated_names() {
        assert!(is_translated_name("Sichuan University"));
        assert!(is_translated_name(
            "China Electronics Technology Group Corporation 32nd Research Institute"
        ));
        assert!(is_translated_name("Chinese Academy of Engineering Physics"));
        assert!(!is_translated_name("Sugon"));
        assert!(!is_translated_name("Haiguang Xinxi Jishu Youxian Gongsi"));
        assert!(!is_translated_name("Wong Yung Fai"));
    }

    #[test]
    fn coverage_counts_and_problems() {
        let entry = |name: &str, aliases: &[&str]| Entry {
            name: name.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            list: "EL".into(),
            ..Entry::default()
        };
        let list = Watchlist {
            entries: vec![
                entry("Sichuan University", &["四川大学"]),
                entry("Tianjin University", &[]),
                entry("Sugon", &[]),
            ],
            ..Watchlist::default()
        };
        let rows = vec![
            row(2, "Sichuan University", "四川大学", "official"),
            row(3, "Sichuan University", "四川大学", "press"),
            row(4, "Sugon", "曙光", "compiled"),
            row(5, "Dawning", "曙光", "compiled"),
        ];
        let info = coverage(&list, &rows);
        assert_eq!(info.len(), 1);
        let i = &info[0];
        assert_eq!((i.entries, i.with_zh, i.translated), (3, 1, 2));
        assert_eq!(i.translated_without_zh, vec!["Tianjin University"]);
        assert_eq!(i.confidence["official"], 1);
        assert_eq!(i.confidence["press"], 1);
        assert_eq!(i.confidence["compiled"], 1);
        let p = zh_problems(&rows);
        assert_eq!(p.len(), 2, "{p:?}");
        assert_eq!(
            (p[0].kind, p[0].zh_name.as_str(), p[0].lines.clone()),
            ("duplicate", "四川大学", vec![2, 3])
        );
        assert_eq!(
            (p[1].kind, p[1].listed_names.clone()),
            ("conflict", vec!["Dawning".to_string(), "Sugon".to_string()])
        );
    }
}
