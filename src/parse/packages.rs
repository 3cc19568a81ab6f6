//! Budgets stated package by package (包1 / 标段一 / 采购包1 …) on a page that states no total:
//! the purchase's budget is the sum of its packages, not the first package's.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::labels::{self, Field};
use super::layout;
use super::money::parse_money;
use crate::model::Money;

/// Numerals of a package's number (包1, 标段一, A包).
const NUMERAL: &str = "[0-9一二三四五六七八九十A-Z]{1,3}";

/// A line opening a package's part of the page, perhaps after a list number: "包1：…", "采购包2",
/// "第一标段", "二标段：…", "（一）合同包1", "B包". Package words are `package_prefix` (before
/// the number) and `package_suffix` (after it).
static PACKAGE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[（(][0-9一二三四五六七八九十]{{1,2}}[）)]|[0-9]{{1,2}}[、.．]|[一二三四五六七八九十]{{1,2}}[、.．])?\s*(?:第\s*({NUMERAL})\s*(?:{SUF})|(?:{PRE})\s*({NUMERAL})|({NUMERAL})\s*(?:{SUF}))",
        PRE = layout::alternation(layout::words("package_prefix")),
        SUF = layout::alternation(layout::words("package_suffix")),
    ))
    .expect("valid package regex")
});

/// A section heading of the notice ("二、项目基本情况", "第三章 …"): it ends a package's part.
static SECTION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|第[一二三四五六七八九十]{1,3}[章部节])")
        .expect("valid section regex")
});

/// Lines longer than this are prose, not a package's heading or field line.
const MAX_LINE_BYTES: usize = 600;

/// The package a line opens, as a number key (一 and 1 name the same package), if it opens one.
/// The package a line opens ("包1：…" → "1", "第二标段" → "2"), if it opens one.
fn package_of(line: &str) -> Option<String> {
    let c = PACKAGE_LINE.captures(line)?;
    let id = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3))?.as_str();
    Some(
        id.chars()
            .map(|ch| match "一二三四五六七八九".find(ch) {
                Some(i) => char::from_digit((i / '一'.len_utf8()) as u32 + 1, 10).unwrap_or(ch),
                None => ch,
            })
            .collect(),
    )
}

/// (first package's budget, sum of the packages' budgets) when the page's lines give budgets
/// under two or more packages and none outside them: no total before the first package or under
/// a section heading of its own (a label or a "本项目预算…" sentence), and no package whose later
/// budget exceeds its first (a total written after the last package's own budget).
/// Package 1's budget and the sum of every package's, when the page states budgets package by
/// package (two packages at least) and no budget outside them; `None` otherwise.
pub fn package_budgets(lines: &[&str]) -> Option<(Money, Money)> {
    // Parts of the page in order: None = outside any package.
    let mut parts: Vec<(Option<String>, Vec<&str>)> = vec![(None, Vec::new())];
    for line in lines.iter().copied().filter(|l| l.len() <= MAX_LINE_BYTES) {
        if let Some(id) = package_of(line) {
            parts.push((Some(id), vec![line]));
        } else if SECTION_LINE.is_match(line) {
            parts.push((None, vec![line]));
        } else if let Some(last) = parts.last_mut() {
            last.1.push(line);
        }
    }
    // Most pages open no package: they are done before any part is scanned for labels (that
    // scan would repeat the page's whole label scan).
    let ids: HashSet<&str> = parts.iter().filter_map(|(id, _)| id.as_deref()).collect();
    if ids.len() < 2 {
        return None;
    }
    let mut seen: HashSet<String> = HashSet::new();
    let mut budgets: Vec<Money> = Vec::new();
    for (id, part) in &parts {
        let text = part.join("\n");
        let found: Vec<Money> = labels::scan(&text)
            .into_iter()
            .filter(|l| l.field == Field::Budget)
            .filter_map(|l| parse_money(&l.value, l.unit))
            .collect();
        let Some(id) = id else {
            // A budget outside the packages is the purchase's own: nothing to add up.
            if !found.is_empty() || super::prose::sentence_budget(part).is_some() {
                return None;
            }
            continue;
        };
        let Some(first) = found.first() else {
            continue;
        };
        if found
            .iter()
            .any(|m| m.currency != first.currency || m.amount > first.amount)
        {
            return None;
        }
        // A package named again further down (a summary, then its details) counts once.
        if seen.insert(id.clone()) {
            budgets.push(first.clone());
        }
    }
    if budgets.len() < 2 || budgets.iter().any(|m| m.currency != budgets[0].currency) {
        return None;
    }
    let total = budgets.iter().map(|m| m.amount).sum::<f64>();
    Some((
        budgets[0].clone(),
        Money {
            amount: (total * 100.0).round() / 100.0,
            currency: budgets[0].currency.clone(),
        },
    ))
}

/// A table of packages: a row has a cell naming its package ("包1", "一标段"), or a header cell
/// opens with a package word followed by nothing or by 号 / 名 / 件 / a bracket ("包号", "标段名称",
/// "采购包"; not "包装要求", "包括").
/// A table of lots: a package word or package id in one of the first cells of its first rows.
fn is_lot_table(table: &[Vec<String>]) -> bool {
    let words = || {
        layout::words("package_prefix")
            .iter()
            .chain(layout::words("package_suffix"))
    };
    table.iter().take(MAX_LOT_ROWS).any(|row| {
        row.iter().take(3).any(|cell| {
            let cell = cell.trim();
            package_of(cell).is_some()
                || (cell.chars().count() <= 8
                    && words().any(|w| {
                        cell.strip_prefix(w).is_some_and(|rest| {
                            rest.is_empty() || rest.starts_with(['号', '名', '件', '（', '('])
                        })
                    }))
        })
    })
}

/// Rows of a lot table looked at for its package cells.
const MAX_LOT_ROWS: usize = 40;

/// The sum of a lot table's budget column (two or more lines, no 合计 row) whose first line is
/// `budget`: the budget was read from the first lot, and the lots together are the purchase's.
/// Other tables (an item list of one purchase) are left alone.
/// The sum of a lot table's budget column whose first figure is `budget` (package 1's).
pub fn lot_column_total(tables: &[Vec<Vec<String>>], budget: &Money) -> Option<Money> {
    tables
        .iter()
        .filter(|t| is_lot_table(t))
        .flat_map(|t| labels::budget_column_cells(std::slice::from_ref(t)))
        .find_map(|(unit, cells)| {
            let lines: Vec<Money> = cells
                .into_iter()
                .filter_map(|c| parse_money(c, unit))
                .collect();
            let first = lines.first()?;
            (lines.len() >= 2
                && first == budget
                && lines.iter().all(|m| m.currency == first.currency))
            .then(|| Money {
                amount: (lines.iter().map(|m| m.amount).sum::<f64>() * 100.0).round() / 100.0,
                currency: first.currency.clone(),
            })
        })
}

/// The purchase's stated total budget: a `budget_total_label` label, perhaps with a unit note,
/// then 为 / 是 / a colon / a cell break and the amount ("预算总金额：300万元", "本项目总预算为
/// 260万元", "预算总金额（万元） | 260"), as a figure (group 2) or only in 大写 (group 3:
/// "预算总金额：人民币壹佰贰拾万元整", "总预算为人民币（大写）…").
static STATED_TOTAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{W})([（(][^）)]{{0,12}}[）)])?\s*(?:[：:]|为|是|\|)\s*(?:人民币)?\s*(?:([¥￥]?\s*[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:亿元|万元|元)?)|(?:[（(]?大写[）)]?\s*[：:]?\s*)?([零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整]{{3,}}))",
        W = layout::alternation(layout::words("budget_total_label")),
    ))
    .expect("valid stated-total regex")
});

/// The first total budget the page states ([`STATED_TOTAL`]): it is the purchase's, whatever its
/// lots add up to.
pub fn stated_total(lines: &[&str]) -> Option<Money> {
    lines
        .iter()
        .filter(|l| l.len() <= MAX_LINE_BYTES && l.contains('总'))
        .flat_map(|l| STATED_TOTAL.captures_iter(l).map(move |c| (l, c)))
        .find_map(|(l, c)| {
            if let Some(run) = c.get(3) {
                // A 大写 run going on into a word ("壹佰元店") is no amount.
                let after = l.get(run.end()..).unwrap_or_default();
                if after.chars().next().is_some_and(labels::is_han) {
                    return None;
                }
                return super::money::lone_daxie(run.as_str()).map(|amount| Money {
                    amount,
                    currency: "CNY".to_string(),
                });
            }
            let unit = c
                .get(1)
                .and_then(|m| super::money::Unit::in_notes(m.as_str()));
            parse_money(c.get(2)?.as_str(), unit)
        })
}

/// Words saying which lot of a larger project this notice is for ("本次招标为第2包",
/// "本次采购为二标段", "本次公告仅为包2"): `own_lot_lead`, each followed by the lot's id.
static OWN_LOT_LEADS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("own_lot_lead"));

/// The page says the notice covers one lot of its project: an [`OWN_LOT_LEADS`] word followed by
/// a package id (perhaps after 第). A project total stated beside it is not this notice's budget.
pub fn names_own_lot(lines: &[&str]) -> bool {
    lines
        .iter()
        .filter(|l| l.len() <= MAX_LINE_BYTES && l.contains("本"))
        .any(|l| {
            OWN_LOT_LEADS.iter().any(|w| {
                l.match_indices(w)
                    .any(|(at, _)| package_of(l[at + w.len()..].trim_start()).is_some())
            })
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn total(text: &str) -> Option<f64> {
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        package_budgets(&lines).map(|(_, t)| t.amount)
    }

    #[test]
    fn packages_without_a_total_add_up() {
        assert_eq!(
            total("包1：智算服务器\n预算金额：150万元\n包2：平台软件\n预算金额：60万元"),
            Some(2_100_000.0)
        );
        assert_eq!(
            total(
                "采购包1：\n采购包预算金额（元）：520000.00\n采购包最高限价（元）：520000.00\n采购包2：\n采购包预算金额（元）：310000.00\n采购包最高限价（元）：300000.00"
            ),
            Some(830_000.0)
        );
        assert_eq!(
            total(
                "第一标段：训练集群\n最高限价：300万元\n第二标段：推理集群\n最高限价：90万元\n第三标段：运维\n最高限价：10万元"
            ),
            Some(4_000_000.0)
        );
        assert_eq!(
            total("标段一 预算金额：45万元\n标段二 预算金额：35万元"),
            Some(800_000.0)
        );
    }

    #[test]
    fn a_stated_total_or_a_single_package_is_left_alone() {
        // A total before the packages.
        assert_eq!(
            total(
                "预算总金额（元）：900000.00\n采购包1：\n采购包预算金额（元）：600000.00\n采购包2：\n采购包预算金额（元）：300000.00"
            ),
            None
        );
        // A total in a sentence before them.
        assert_eq!(
            total(
                "本项目预算金额为210万元，分两个包。\n包1：服务器\n预算金额：150万元\n包2：软件\n预算金额：60万元"
            ),
            None
        );
        // A total under a section heading after them.
        assert_eq!(
            total(
                "包1：服务器\n预算金额：150万元\n包2：软件\n预算金额：60万元\n三、预算\n预算金额：210万元"
            ),
            None
        );
        // A total written right after the last package's own budget.
        assert_eq!(
            total(
                "包1：服务器\n预算金额：150万元\n包2：软件\n预算金额：60万元\n项目总预算：210万元"
            ),
            None
        );
        // One package only, or packages without budgets.
        assert_eq!(total("采购包1：\n采购包预算金额（元）：1200000.00"), None);
        assert_eq!(total("包1：服务器\n包2：软件\n预算金额：210万元"), None);
        // A package named again (summary, then details) counts once.
        assert_eq!(
            total("包1 预算金额：150万元\n包2 预算金额：60万元\n包1：技术要求\n预算金额：150万元"),
            Some(2_100_000.0)
        );
        // 包括 opens no package.
        assert_eq!(package_of("包括服务器和软件"), None);
        assert_eq!(package_of("（一）合同包2：软件").as_deref(), Some("2"));
        assert_eq!(package_of("二标段：推理").as_deref(), Some("2"));
    }

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn a_lot_column_read_at_its_first_line_adds_up() {
        let first = Money {
            amount: 1_200_000.0,
            currency: "CNY".into(),
        };
        let table = vec![
            row(&["包号", "采购内容", "预算金额（元）"]),
            row(&["1", "服务器", "1,200,000.00"]),
            row(&["2", "软件", "800,000.00"]),
        ];
        assert_eq!(
            lot_column_total(std::slice::from_ref(&table), &first).map(|m| m.amount),
            Some(2_000_000.0)
        );
        let wan = vec![
            row(&["标段", "最高限价（万元）"]),
            row(&["一标段", "120"]),
            row(&["二标段", "60"]),
            row(&["三标段", "20"]),
        ];
        assert_eq!(
            lot_column_total(&[wan], &first).map(|m| m.amount),
            Some(2_000_000.0)
        );
        // An item table of one purchase (no package column) is left alone.
        let items = vec![
            row(&["序号", "采购内容", "预算金额（元）"]),
            row(&["1", "服务器", "1,200,000.00"]),
            row(&["2", "软件", "800,000.00"]),
        ];
        assert_eq!(lot_column_total(&[items], &first), None);
        let packing = vec![
            row(&["包装要求", "预算金额（元）"]),
            row(&["木箱", "1,200,000.00"]),
            row(&["纸箱", "800,000.00"]),
        ];
        assert_eq!(lot_column_total(&[packing], &first), None);
        // A budget other than the first line (a stated total) is left alone.
        let other = Money {
            amount: 2_000_000.0,
            currency: "CNY".into(),
        };
        assert_eq!(lot_column_total(&[table], &other), None);
        // A 合计 row gives the total itself.
        let with_total = vec![
            row(&["包号", "预算金额（元）"]),
            row(&["1", "1,200,000.00"]),
            row(&["2", "800,000.00"]),
            row(&["合计", "2,000,000.00"]),
        ];
        assert_eq!(lot_column_total(&[with_total], &first), None);
    }
}
