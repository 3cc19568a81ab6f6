//! Amounts as written on notices (`￥668.790000 万元（人民币）`, `人民币3850元`, `930,000.00`,
//! `HKD 1,200,000`) → `Money` in units of the currency.
use std::sync::LazyLock;

use regex::Regex;

use crate::model::Money;

/// Notes saying an amount is without tax ("不含税", "除税"): from `watchlists/layout.csv`.
static TAX_EXCLUDED: LazyLock<&[&str]> =
    LazyLock::new(|| crate::parse::layout::words("tax_excluded"));

/// True if a label, header or value says its amount is without tax (`中标价（不含税，元）`,
/// `1,200.00万元（不含增值税）`). Beside the same amount with tax, the taxed one is what is paid.
pub fn excludes_tax(text: &str) -> bool {
    TAX_EXCLUDED.iter().any(|w| text.contains(w))
}

/// Words opening a caption line that states the unit of the table under it ("金额单位：万元";
/// `unit_caption`, longer forms first).
static UNIT_CAPTIONS: LazyLock<&[&str]> =
    LazyLock::new(|| crate::parse::layout::words("unit_caption"));

/// A unit stated next to the label, e.g. `预算金额（万元）`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// 元 (or any plain currency unit).
    Yuan,
    /// 万元, ×10⁴.
    Wan,
    /// 亿元, ×10⁸.
    Yi,
}

impl Unit {
    /// The unit named by a label suffix such as `万元` or `元`.
    pub fn from_label(s: &str) -> Option<Unit> {
        let s = s.trim();
        if s.starts_with('万') {
            Some(Unit::Wan)
        } else if s.starts_with('亿') {
            Some(Unit::Yi)
        } else if s.contains('元') || s.contains("人民币") {
            Some(Unit::Yuan)
        } else {
            None
        }
    }

    /// The unit named anywhere in a header's parenthesised notes: `中标（成交）金额（万元）`,
    /// `最高投标限价（含税，万元）`, `报价（万元/含税）`. A note naming no unit (`（成交）`, `（含税）`)
    /// is skipped, so the qualifier of the label itself never passes for 元.
    pub fn in_notes(header: &str) -> Option<Unit> {
        header
            .split(['（', '('])
            .skip(1)
            .filter_map(|part| part.split([')', '）']).next())
            // "（人民币：元）": a colon parts a currency from its unit, as a comma does.
            .flat_map(|note| note.split(['，', ',', '、', '/', '；', ';', ' ', '：', ':']))
            .filter_map(|word| {
                Unit::of_word(
                    word.trim()
                        .trim_start_matches("单位")
                        .trim_start_matches(['：', ':']),
                )
            })
            // "（人民币，万元）": the currency word names no scale; 万元 does.
            .max_by_key(|u| u.scaled())
    }

    /// The unit a whole word names ("万元", "人民币元"), if any.
    fn of_word(word: &str) -> Option<Unit> {
        match word {
            "万元" | "万" | "人民币万元" | "万元人民币" => Some(Unit::Wan),
            "亿元" | "亿" | "人民币亿元" => Some(Unit::Yi),
            "元" | "人民币" | "人民币元" | "元人民币" => Some(Unit::Yuan),
            _ => None,
        }
    }

    /// 1 for a unit above 元: it beats a bare currency word beside it.
    fn scaled(&self) -> u8 {
        match self {
            Unit::Yuan => 0,
            Unit::Wan | Unit::Yi => 1,
        }
    }

    /// The unit of a caption line that states only a unit for the table under it
    /// ("金额单位：人民币万元", "（单位：万元）", "单位：元"): a `unit_caption` word, a colon, then
    /// nothing but unit or currency words. Any other line (a label with a value) names none.
    pub fn of_caption(line: &str) -> Option<Unit> {
        let line = line
            .trim()
            .trim_start_matches(['（', '('])
            .trim_end_matches(['）', ')'])
            .trim();
        let rest = UNIT_CAPTIONS.iter().find_map(|w| line.strip_prefix(w))?;
        let rest = rest.trim_start().strip_prefix(['：', ':'])?;
        let mut units = rest
            .split(['（', '(', ')', '）', '，', ',', '、', '/', ' '])
            .filter(|w| !w.is_empty())
            .map(Unit::of_word);
        units
            .try_fold(None, |best: Option<Unit>, u| {
                let u = u?;
                Some(Some(match best {
                    Some(b) if b.scaled() >= u.scaled() => b,
                    _ => u,
                }))
            })
            .flatten()
    }

    fn factor(self) -> f64 {
        match self {
            Unit::Yuan => 1.0,
            Unit::Wan => 1e4,
            Unit::Yi => 1e8,
        }
    }
}

/// A leading note in parentheses ending in a colon: `（可填写下浮率、折扣率或费率）：`.
static LEADING_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[（(][^）)]{0,40}[）)]\s*[：:]?\s*").expect("valid note regex")
});

/// A number with an optional currency before and unit after.
static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(人民币|RMB|CNY|USD|US\$|HKD|HK\$|EUR|€|￥|¥|\$)?\s*([0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)\s*(亿元|亿|万元|万|元|million\b|m\b)?\s*(/|%|％)?(?:[（(]\s*(?:单位[：:]\s*)?(?:人民币)?\s*(亿元|万元)\s*[）)])?",
    )
    .expect("valid amount regex")
});

/// Words right after a rate that open the amount it comes to ("（折合人民币…元）", "，即…元").
static CONVERTED_LEADS: LazyLock<&[&str]> =
    LazyLock::new(|| crate::parse::layout::words("converted_lead"));

/// Parse the first amount in `raw`; `hint` is the unit given by the label. None for rates
/// (下浮率 5%), per-unit prices (36元/支), 大写 amounts and "暂未确定"; a rate followed by the
/// amount it comes to ("下浮率8%（折合人民币92,000.00元）") is that amount.
pub fn parse_money(raw: &str, hint: Option<Unit>) -> Option<Money> {
    if let Some(total) = total_clause(raw) {
        return Some(total);
    }
    let s = LEADING_NOTE.replace(raw, "");
    if opens_with_part(&s) {
        return None;
    }
    let caps = AMOUNT.captures(&s)?;
    if let Some(per) = caps.get(4) {
        return match per.as_str() {
            // "159.6万元/3年": the total over a stated period, not a price per unit.
            "/" if over_period(&s[caps.get(0)?.end()..]) => figure(&caps, &s, hint),
            "/" => None,
            _ => converted(&s[caps.get(0)?.end()..], hint),
        };
    }
    figure(&caps, &s, hint)
}

/// The amount of one `AMOUNT` match `caps` in `s`, with the unit after it or else `hint`.
fn figure(caps: &regex::Captures<'_>, s: &str, hint: Option<Unit>) -> Option<Money> {
    let number: f64 = caps.get(2)?.as_str().replace(',', "").parse().ok()?;
    // A unit after the figure, right after it or in parentheses ("58.60（万元）").
    let unit_text = caps
        .get(3)
        .or_else(|| caps.get(5))
        .map(|m| m.as_str().to_ascii_lowercase());
    let factor = match unit_text.as_deref() {
        Some("万元") | Some("万") => 1e4,
        Some("亿元") | Some("亿") => 1e8,
        Some("million") | Some("m") => 1e6,
        Some(_) => 1.0,
        None => hint.map_or(1.0, Unit::factor),
    };
    let currency = currency_of(caps.get(1).map(|m| m.as_str()), s);
    let amount = (number * factor * 100.0).round() / 100.0;
    if !amount.is_finite() || amount <= 0.0 {
        return None;
    }
    Some(Money {
        amount,
        currency: currency.to_string(),
    })
}

/// Words opening a later clause that states the value's total (`total_clause_word`).
static TOTAL_CLAUSE_WORDS: LazyLock<&[&str]> =
    LazyLock::new(|| crate::parse::layout::words("total_clause_word"));

/// Words of a service period after a slash and a count (`period_word`).
static PERIOD_WORDS: LazyLock<&[&str]> =
    LazyLock::new(|| crate::parse::layout::words("period_word"));

/// The amount stated by a later clause of `raw` opening with a total word ("综合单价：…元/台，
/// 数量：4台，总价：1,596,800.00元"): the unit price and quantity before it are its parts. Only
/// before any breakdown clause (…，其中…), whose figures are parts; none when the clause holds
/// no amount.
fn total_clause(raw: &str) -> Option<Money> {
    if raw.len() > 400 {
        return None;
    }
    let value = before_breakdown(raw);
    let mut at = 0;
    for clause in value.split_inclusive(['，', ',', '；', ';']) {
        let rest = clause.trim_start();
        if at > 0
            && let Some(word) = TOTAL_CLAUSE_WORDS.iter().find(|w| rest.starts_with(*w))
        {
            let start = at + (clause.len() - rest.len()) + word.len();
            let tail = value[start..]
                .trim_start_matches(|c: char| c.is_whitespace() || "：:为".contains(c));
            // The figure must follow at once ("总价：以合同为准" states none).
            if tail.starts_with(|c: char| c.is_ascii_digit() || "￥¥人".contains(c)) {
                return parse_money(tail, None);
            }
        }
        at += clause.len();
    }
    None
}

/// `rest` (after an amount's slash) is a count and a period word ("3年", "36个月"): the amount
/// is the total over that period. A bare period ("/年") or unit ("/台") is a rate.
fn over_period(rest: &str) -> bool {
    let count = rest
        .find(|c: char| !(c.is_ascii_digit() || "一二两三四五六七八九十".contains(c)))
        .unwrap_or(rest.len());
    count > 0 && PERIOD_WORDS.iter().any(|w| rest[count..].starts_with(w))
}

/// The amount a rate comes to, stated right after it: `rest` opens (after a bracket or a comma)
/// with a [`CONVERTED_LEADS`] word, and the amount is read up to the bracket's or clause's end.
/// Anything else after a rate ("下浮率5%（以招标文件为准）") gives none.
fn converted(rest: &str, hint: Option<Unit>) -> Option<Money> {
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || "（(，,：:".contains(c));
    let lead = CONVERTED_LEADS.iter().find(|w| rest.starts_with(*w))?;
    let clause =
        rest[lead.len()..].trim_start_matches(|c: char| c.is_whitespace() || "为：:".contains(c));
    let end = clause
        .find(['）', ')', '，', '；', ';', '。'])
        .unwrap_or(clause.len());
    parse_money(&clause[..end], hint)
}

/// ISO code from the symbol before the number, else from words anywhere in the value; CNY default.
fn currency_of(symbol: Option<&str>, whole: &str) -> &'static str {
    let code = |s: &str| -> Option<&'static str> {
        let u = s.to_ascii_uppercase();
        if u.contains("HKD") || u.contains("HK$") || s.contains("港币") || s.contains("港元") {
            Some("HKD")
        } else if u.contains("USD") || u.contains("US$") || s.contains("美元") {
            Some("USD")
        } else if u.contains("EUR") || s.contains('€') || s.contains("欧元") {
            Some("EUR")
        } else if s.contains('$') {
            Some("USD")
        } else if u.contains("RMB")
            || u.contains("CNY")
            || s.contains('￥')
            || s.contains('¥')
            || s.contains("人民币")
        {
            Some("CNY")
        } else {
            None
        }
    };
    symbol
        .and_then(code)
        .or_else(|| code(whole))
        .unwrap_or("CNY")
}

/// Han numerals of a 大写 amount (人民币伍佰贰拾万元整).
const DAXIE_DIGITS: &str = "零壹贰叁肆伍陆柒捌玖拾佰仟";
/// Characters that may stand in a 大写 amount besides its digits.
const DAXIE_UNITS: &str = "万亿元圆角分整";

/// The value of a 大写 amount in 元 ("伍佰贰拾万元整" → 5,200,000), if it is one.
fn daxie_value(s: &str) -> Option<f64> {
    let digit = |c: char| {
        "零壹贰叁肆伍陆柒捌玖"
            .find(c)
            .map(|i| (i / '零'.len_utf8()) as f64)
    };
    let (mut total, mut section, mut number) = (0.0f64, 0.0f64, 0.0f64);
    let mut any = false;
    for c in s.chars() {
        if let Some(d) = digit(c) {
            number = d;
            any = true;
            continue;
        }
        match c {
            '拾' | '佰' | '仟' => {
                let f = match c {
                    '拾' => 10.0,
                    '佰' => 100.0,
                    _ => 1000.0,
                };
                // "拾万" opens with an implied 壹.
                section += (if number == 0.0 { 1.0 } else { number }) * f;
                number = 0.0;
                any = true;
            }
            '万' => {
                total += (section + number) * 1e4;
                (section, number) = (0.0, 0.0);
            }
            '亿' => {
                total = (total + section + number) * 1e8;
                (section, number) = (0.0, 0.0);
            }
            '角' => {
                total += section + number * 0.1;
                (section, number) = (0.0, 0.0);
            }
            '分' => {
                total += number * 0.01;
                number = 0.0;
            }
            '元' | '圆' => {
                total += section + number;
                (section, number) = (0.0, 0.0);
            }
            '整' => {}
            _ => return None,
        }
    }
    total += section + number;
    (any && total > 0.0).then_some(total)
}

/// Words that may open a value before its 大写 amount ("人民币", "大写：").
static DAXIE_LEAD: LazyLock<&[&str]> = LazyLock::new(|| crate::parse::layout::words("daxie_lead"));

/// Words that, opening a value, name a part of the amount rather than the amount ("合计：其中设备费
/// 120万元": the figure is the 设备费's, not the total's; `part_lead`).
static PART_LEADS: LazyLock<&[&str]> = LazyLock::new(|| crate::parse::layout::words("part_lead"));

/// `value` opens (after spaces and a colon) with a [`PART_LEADS`] word: its figures are parts.
pub fn opens_with_part(value: &str) -> bool {
    let v = value.trim_start_matches(|c: char| c.is_whitespace() || c == '：' || c == ':');
    PART_LEADS.iter().any(|w| v.starts_with(w))
}

/// Words opening a clause that splits an amount into parts ("…，其中不含税金额…元").
static BREAKDOWN_LEADS: LazyLock<&[&str]> =
    LazyLock::new(|| crate::parse::layout::words("breakdown_lead"));

/// `value` up to the first clause (after a comma or semicolon) opening with a
/// [`BREAKDOWN_LEADS`] word: "人民币…元整（含税），其中不含税金额4,512.00元" → "人民币…元整（含税），".
/// The figures after it are parts of the amount, not the amount.
fn before_breakdown(value: &str) -> &str {
    let mut at = 0;
    for clause in value.split_inclusive(['，', ',', '；', ';']) {
        if at > 0
            && BREAKDOWN_LEADS
                .iter()
                .any(|w| clause.trim_start().starts_with(w))
        {
            return &value[..at];
        }
        at += clause.len();
    }
    value
}

/// The amount of a value written only in 大写 ("人民币壹佰捌拾柒万陆仟元整"): it opens with the
/// amount, which states its 元 and ends its words (so "叁拾天", "第壹包" or "壹佰元店" are none), and
/// holds no figure at all (a figure beside it says the amount, and is read as one) before a clause
/// splitting it into parts ("…元整，其中税额…元": the parts are no figure of the whole).
pub fn lone_daxie(value: &str) -> Option<f64> {
    let value = before_breakdown(value);
    if value.len() > 200 || value.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut rest = value.trim_start();
    while let Some(lead) = DAXIE_LEAD.iter().find(|l| rest.starts_with(*l)) {
        rest = rest[lead.len()..].trim_start();
    }
    let in_run = |c: char| DAXIE_DIGITS.contains(c) || DAXIE_UNITS.contains(c);
    let end = rest.find(|c: char| !in_run(c)).unwrap_or(rest.len());
    let (run, after) = rest.split_at(end);
    // A word going on after it ("壹佰元店") makes it no amount.
    let ends = !after.chars().next().is_some_and(super::labels::is_han);
    (ends && run.chars().count() >= 3 && run.contains(['元', '圆']))
        .then(|| daxie_value(run))
        .flatten()
}

/// `line` with its 大写 amounts made plain for the correction patterns: a 大写 amount next to a
/// figure ("人民币伍佰贰拾万元（￥5,200,000.00）", "¥586,000.00（大写：人民币伍拾捌万陆仟元整）") is
/// dropped, the figure says it; one standing alone becomes a figure in 元. Linear; the line is
/// only copied when it holds a 大写 digit.
pub fn plain_amounts(line: &str) -> std::borrow::Cow<'_, str> {
    let is_digit = |c: char| DAXIE_DIGITS.contains(c);
    if !line.chars().any(is_digit) {
        return std::borrow::Cow::Borrowed(line);
    }
    let in_run = |c: char| is_digit(c) || DAXIE_UNITS.contains(c);
    // Characters that may stand between a 大写 amount and its figure.
    let between = |c: char| "（()）:：¥￥ 小写大写人民币为".contains(c);
    let figure_near = |s: &mut dyn Iterator<Item = char>| {
        s.take(10)
            .find(|c| !between(*c))
            .is_some_and(|c| c.is_ascii_digit())
    };
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find(is_digit) {
        let end = rest[start..]
            .find(|c: char| !in_run(c))
            .map_or(rest.len(), |i| start + i);
        let (head, run, tail) = (&rest[..start], &rest[start..end], &rest[end..]);
        out.push_str(head);
        let near = figure_near(&mut tail.chars()) || figure_near(&mut head.chars().rev());
        match daxie_value(run) {
            Some(_) if near => {}
            Some(v) if run.chars().count() >= 2 => out.push_str(&format!("{v:.2}元")),
            _ => out.push_str(run),
        }
        rest = tail;
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn daxie_amounts_have_their_value() {
        assert_eq!(daxie_value("伍拾捌万陆仟元整"), Some(586_000.0));
        assert_eq!(daxie_value("壹亿贰仟万元"), Some(120_000_000.0));
        assert_eq!(daxie_value("壹拾万零伍佰元"), Some(100_500.0));
        assert_eq!(daxie_value("零售"), None);
    }

    #[test]
    fn a_value_only_in_daxie_is_its_amount() {
        let amount = lone_daxie;
        assert_eq!(amount("人民币贰佰叁拾肆万元"), Some(2_340_000.0));
        assert_eq!(amount("大写：伍拾万零叁佰元整"), Some(500_300.0));
        assert_eq!(amount("壹拾贰万圆整（含税）"), Some(120_000.0));
        // A figure beside it says the amount (the figure is read); a run without 元 is none.
        assert_eq!(amount("壹佰万元整（¥1,000,000.00）"), None);
        assert_eq!(amount("叁拾天"), None);
        assert_eq!(amount("壹佰元店"), None);
        assert_eq!(amount("第壹包"), None);
        assert_eq!(amount("详见招标文件"), None);
    }

    #[test]
    fn unit_anywhere_in_a_header_note() {
        assert_eq!(Unit::in_notes("中标（成交）金额（万元）"), Some(Unit::Wan));
        assert_eq!(
            Unit::in_notes("最高投标限价（含税，万元）"),
            Some(Unit::Wan)
        );
        assert_eq!(Unit::in_notes("采购预算（万元，含税）"), Some(Unit::Wan));
        assert_eq!(Unit::in_notes("金额（单位：亿元）"), Some(Unit::Yi));
        assert_eq!(Unit::in_notes("报价（人民币元）"), Some(Unit::Yuan));
        assert_eq!(Unit::in_notes("中标（成交）金额（含税）"), None);
    }

    #[test]
    fn a_unit_after_the_figure_always_applies() {
        let amount = |s: &str| parse_money(s, None).map(|m| m.amount);
        assert_eq!(amount("58.60（万元）"), Some(586_000.0));
        assert_eq!(amount("58.6 万元"), Some(586_000.0));
        assert_eq!(amount("1.26(单位：亿元)"), Some(126_000_000.0));
        // The 大写 note after a figure names no unit of it.
        assert_eq!(
            amount("¥586,000.00（大写：人民币伍拾捌万陆仟元整）"),
            Some(586_000.0)
        );
        // A label's unit gives way to the one written after the figure.
        assert_eq!(
            parse_money("586.0万元", Some(Unit::Yuan)).map(|m| m.amount),
            Some(5_860_000.0)
        );
    }
}

#[cfg(test)]
mod caption_unit_tests {
    use super::*;

    #[test]
    fn a_caption_line_states_the_unit_of_the_table_under_it() {
        assert_eq!(Unit::of_caption("金额单位：人民币万元"), Some(Unit::Wan));
        assert_eq!(Unit::of_caption("（单位：万元）"), Some(Unit::Wan));
        assert_eq!(Unit::of_caption("单位: 元"), Some(Unit::Yuan));
        assert_eq!(Unit::of_caption("货币单位：人民币元"), Some(Unit::Yuan));
        assert_eq!(
            Unit::of_caption("金额单位：万元（人民币）"),
            Some(Unit::Wan)
        );
        // A line naming anything else after the word states no unit.
        assert_eq!(Unit::of_caption("单位：某某市教育局"), None);
        assert_eq!(Unit::of_caption("单位名称：某某学院"), None);
        assert_eq!(Unit::of_caption("采购单位：某某大学"), None);
        assert_eq!(Unit::of_caption("金额单位："), None);
        assert_eq!(Unit::of_caption("预算金额：96万元"), None);
    }

    #[test]
    fn a_colon_in_a_note_parts_the_currency_from_the_unit() {
        assert_eq!(Unit::in_notes("采购预算（人民币：元）"), Some(Unit::Yuan));
        assert_eq!(Unit::in_notes("最高限价（人民币：万元）"), Some(Unit::Wan));
        assert_eq!(
            Unit::in_notes("预算金额（币种：人民币，单位：万元）"),
            Some(Unit::Wan)
        );
        // Notes without a unit still name none.
        assert_eq!(Unit::in_notes("预算金额（其中：设备）"), None);
    }
}

/// extract48: a rate with the amount it comes to; a 大写 amount with its parts after 其中.
#[cfg(test)]
mod converted_and_breakdown_tests {
    use super::*;

    fn amount(s: &str) -> Option<f64> {
        parse_money(s, None).map(|m| m.amount)
    }

    #[test]
    fn a_rate_followed_by_the_amount_it_comes_to_is_that_amount() {
        assert_eq!(
            amount("下浮率6%（折合人民币940,000.00元）"),
            Some(940_000.0)
        );
        assert_eq!(
            amount("折扣率95%，折算金额为：1,140,000.00元"),
            Some(1_140_000.0)
        );
        assert_eq!(amount("优惠率3％（即人民币48.5万元）"), Some(485_000.0));
        // The label's unit still applies to a bare converted figure.
        assert_eq!(
            parse_money("下浮率2%（折合98.00）", Some(Unit::Wan)).map(|m| m.amount),
            Some(980_000.0)
        );
    }

    #[test]
    fn a_rate_alone_or_with_another_note_stays_no_amount() {
        assert_eq!(amount("下浮率5%"), None);
        assert_eq!(amount("下浮率5%（以招标文件为准）"), None);
        assert_eq!(amount("下浮率5%（即报价为预算的95%）"), None);
        // A per-unit price is never an amount, whatever follows it.
        assert_eq!(amount("36元/支（折合人民币3,600.00元）"), None);
    }

    #[test]
    fn a_daxie_amount_split_into_parts_is_the_whole() {
        assert_eq!(
            lone_daxie("人民币叁佰万元整（含税），其中不含税金额2,830,188.68元，税额169,811.32元"),
            Some(3_000_000.0)
        );
        assert_eq!(
            lone_daxie("大写：伍拾万元整；包括设备费400,000.00元、安装费100,000.00元"),
            Some(500_000.0)
        );
        assert_eq!(
            lone_daxie("壹拾贰万圆整，含增值税6,792.45元"),
            Some(120_000.0)
        );
    }

    #[test]
    fn a_figure_before_the_parts_or_inside_the_amounts_note_still_says_it() {
        // A figure beside the 大写 amount says it (the figure is read, not the 大写).
        assert_eq!(
            lone_daxie("壹佰万元整（¥1,000,000.00），其中税额56,603.77元"),
            None
        );
        // 其中 inside a bracket opens no clause: the figure there is still beside the amount.
        assert_eq!(lone_daxie("人民币伍拾万元整（其中5万元为运维费）"), None);
        // A breakdown with no 大写 amount before it gives nothing.
        assert_eq!(lone_daxie("详见附件，其中软件费120,000.00元"), None);
    }
}

/// extract53: totals after a unit price and quantity, amounts over a stated period.
#[cfg(test)]
mod extract53_tests {
    use super::*;

    fn amount(s: &str) -> Option<f64> {
        parse_money(s, None).map(|m| m.amount)
    }

    #[test]
    fn a_total_clause_after_a_unit_price_and_quantity_is_the_amount() {
        for (cell, want) in [
            (
                "综合单价：人民币贰拾万元/台，数量：3台，总价：600,000.00元",
                600_000.0,
            ),
            (
                "单价：1,200.00元/套，数量：50套，合计：60,000.00元",
                60_000.0,
            ),
            (
                "单价58000元/台；数量20台；总金额为人民币1,160,000元",
                1_160_000.0,
            ),
            ("每套8.5万元，共6套，总计51万元", 510_000.0),
        ] {
            assert_eq!(amount(cell), Some(want), "{cell}");
        }
        // Unchanged: a total opening the value, a total stating no figure, a per-unit price
        // alone, a breakdown after the amount, an amount with no total clause.
        assert_eq!(amount("总价：1,000.00元，含税"), Some(1000.0));
        assert_eq!(amount("单价500元/台，总价：以合同为准"), None);
        assert_eq!(amount("36元/支"), None);
        assert_eq!(
            amount("人民币120万元，其中软件50万元，合计服务70万元"),
            Some(1_200_000.0)
        );
        assert_eq!(amount("1,596,800.00元"), Some(1_596_800.0));
    }

    #[test]
    fn an_amount_over_a_stated_period_is_that_total() {
        for (cell, want) in [
            ("48.00万元/36个月", 480_000.0),
            ("12,000元/2年", 12_000.0),
            ("90万元/三年", 900_000.0),
            ("¥300,000.00/90天", 300_000.0),
        ] {
            assert_eq!(amount(cell), Some(want), "{cell}");
        }
        // A rate per period or per unit stays no amount.
        for cell in [
            "5.2万元/年",
            "36元/支",
            "200元/台",
            "1.5元/3台",
            "8000元/人·月",
        ] {
            assert_eq!(amount(cell), None, "{cell}");
        }
    }
}

/// extract56: a value opening with a part ("合计：其中设备费…") states no amount of its own.
#[cfg(test)]
mod part_value_tests {
    use super::*;

    #[test]
    fn a_value_opening_with_a_part_is_no_amount() {
        assert_eq!(parse_money("其中设备费120万元", None), None);
        assert_eq!(
            parse_money("：其中软件费80,000.00元，服务费20,000.00元", None),
            None
        );
        assert_eq!(parse_money(" 包括运维服务费30万元", None), None);
        // The amount first, its parts after: the amount stays.
        assert_eq!(
            parse_money("150万元，其中设备费120万元", None).map(|m| m.amount),
            Some(1_500_000.0)
        );
        assert_eq!(
            parse_money("（含税）120万元", None).map(|m| m.amount),
            Some(1_200_000.0)
        );
        assert_eq!(
            parse_money("含税价120万元", None).map(|m| m.amount),
            Some(1_200_000.0)
        );
    }
}
