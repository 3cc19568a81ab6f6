//! Amounts as written on notices (`￥668.790000 万元（人民币）`, `人民币3850元`, `930,000.00`,
//! `HKD 1,200,000`) → `Money` in units of the currency.
use std::sync::LazyLock;

use regex::Regex;

use crate::model::Money;

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
            .flat_map(|note| note.split(['，', ',', '、', '/', '；', ';', ' ']))
            .filter_map(|word| {
                let word = word
                    .trim()
                    .trim_start_matches("单位")
                    .trim_start_matches(['：', ':']);
                match word {
                    "万元" | "万" | "人民币万元" | "万元人民币" => Some(Unit::Wan),
                    "亿元" | "亿" | "人民币亿元" => Some(Unit::Yi),
                    "元" | "人民币" | "人民币元" | "元人民币" => Some(Unit::Yuan),
                    _ => None,
                }
            })
            // "（人民币，万元）": the currency word names no scale; 万元 does.
            .max_by_key(|u| match u {
                Unit::Yuan => 0,
                Unit::Wan | Unit::Yi => 1,
            })
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

/// Parse the first amount in `raw`; `hint` is the unit given by the label. None for rates
/// (下浮率 5%), per-unit prices (36元/支), 大写 amounts and "暂未确定".
pub fn parse_money(raw: &str, hint: Option<Unit>) -> Option<Money> {
    let s = LEADING_NOTE.replace(raw, "");
    let caps = AMOUNT.captures(&s)?;
    if caps.get(4).is_some() {
        return None;
    }
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
    let currency = currency_of(caps.get(1).map(|m| m.as_str()), &s);
    let amount = (number * factor * 100.0).round() / 100.0;
    if !amount.is_finite() || amount <= 0.0 {
        return None;
    }
    Some(Money {
        amount,
        currency: currency.to_string(),
    })
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

#[cfg(test)]
mod tests {
    use super::*;

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
