//! The flat CSV row: one notice per row, lists joined with "; ".
use crate::model::{Category, ListKind, Money, Record};

/// Column names, in order. A spreadsheet user sorts by `alert` and reads across.
pub const HEADER: &[&str] = &[
    "alert",
    "published",
    "buyer",
    "title",
    "project_id",
    "notice_type",
    "budget_amount",
    "budget_currency",
    "award_amount",
    "award_currency",
    "agency",
    "suppliers",
    "cloud",
    "chips",
    "ai_services",
    "listed_entities",
    "reasons",
    "status",
    "error",
    "source",
    "final_url",
    "fetched_at",
    "encoding",
    "sha256",
    "candidates",
    "screened_against",
];

/// The cells of one record, formula-neutralised.
pub fn row(r: &Record) -> Vec<String> {
    let names = |cat: Category| {
        let mut seen = std::collections::HashSet::new();
        r.mentions
            .iter()
            .filter(|m| m.category == cat && seen.insert(m.name.as_str()))
            .map(|m| {
                if cat == Category::Chip && m.controlled {
                    format!("{} (controlled)", m.name)
                } else {
                    m.name.clone()
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let hits = r
        .hits
        .iter()
        .map(|h| {
            // The list's short name tells two hits on one entity (EL and 1286) apart.
            format!(
                "{} {} = {} [{} {} {:.2}{}]",
                h.role.as_str(),
                h.name,
                h.listed_name,
                h.list_short(),
                h.method.as_str(),
                h.score,
                if h.list_kind == ListKind::Informational {
                    ", informational"
                } else {
                    ""
                }
            )
        })
        .collect::<Vec<_>>()
        .join("; ");
    let (budget_amount, budget_currency) = money(&r.budget);
    let (award_amount, award_currency) = money(&r.award);
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    [
        r.alert.as_str().to_string(),
        opt(&r.published),
        opt(&r.buyer),
        opt(&r.title),
        opt(&r.project_id),
        if r.error.is_some() {
            String::new()
        } else {
            r.notice_type.as_str().to_string()
        },
        budget_amount,
        budget_currency,
        award_amount,
        award_currency,
        opt(&r.agency),
        r.suppliers.join("; "),
        names(Category::Cloud),
        names(Category::Chip),
        names(Category::AiService),
        hits,
        r.reasons.join("; "),
        opt(&r.status),
        opt(&r.error),
        r.source.clone(),
        opt(&r.final_url),
        opt(&r.fetched_at),
        r.encoding.clone(),
        r.sha256.clone(),
        r.candidates.join("; "),
        r.screened_against
            .iter()
            .map(crate::watchlist::version::short_id)
            .collect::<Vec<_>>()
            .join("; "),
    ]
    .into_iter()
    .map(neutralise)
    .collect()
}

fn money(m: &Option<Money>) -> (String, String) {
    match m {
        Some(m) => (format_amount(m.amount), m.currency.clone()),
        None => (String::new(), String::new()),
    }
}

/// Amount without float noise: `6687920`, `3850.5`.
pub fn format_amount(amount: f64) -> String {
    let rounded = (amount * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded}")
    }
}

/// Control characters removed ([`super::strip_controls`]), then a cell that a spreadsheet would
/// run as a formula (starting with = + - @ or tab) gets a quote prefix.
pub fn neutralise(cell: String) -> String {
    let cell = match super::strip_controls(&cell) {
        std::borrow::Cow::Borrowed(_) => cell,
        std::borrow::Cow::Owned(clean) => clean,
    };
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")".into()), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+1".into()), "'+1");
        assert_eq!(neutralise("-2".into()), "'-2");
        assert_eq!(neutralise("@SUM(A1)".into()), "'@SUM(A1)");
        assert_eq!(neutralise("\tx".into()), "'\tx");
        assert_eq!(neutralise("四川大学".into()), "四川大学");
        assert_eq!(neutralise("\0=1".into()), "'=1");
        assert_eq!(neutralise("a\0b\r\nc".into()), "ab\nc");
    }

    #[test]
    fn amounts_drop_float_noise() {
        assert_eq!(format_amount(6687920.0), "6687920");
        assert_eq!(format_amount(398000.00000000006), "398000");
        assert_eq!(format_amount(3850.5), "3850.5");
    }
}
