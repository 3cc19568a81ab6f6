//! Alert level and plain-language reasons, from mentions and hits (the rule in README "Alert levels").
use crate::model::{Alert, Assessment, Category, Hit, ListKind, Mention, Method, Origin};

/// Score at or above which a non-affiliate hit counts as the listed entity itself.
pub const LISTED_MIN_SCORE: f64 = 0.80;

/// Apply the alert rule.
///
/// - high: a listed entity with a US cloud, a controlled chip or a US AI service;
/// - medium: a US cloud or US AI service with a controlled chip or generative AI (any AI
///   service), or an affiliate of a listed entity with a controlled chip, US cloud or US AI;
/// - low: any one of those signals alone;
/// - none: nothing US-origin, controlled or listed.
///
/// Only export-control lists (EL, MEU, user lists by default) count as "listed" above. A hit on
/// an informational list (DoD 1260H / 1286) is explained in the reasons but alone makes at most
/// `low`, and never lifts a notice to `medium` or `high`.
pub fn assess(mentions: &[Mention], hits: &[Hit]) -> Assessment {
    let restricting = |h: &&Hit| h.list_kind == ListKind::ExportControl;
    let listed: Vec<&Hit> = hits
        .iter()
        .filter(restricting)
        .filter(|h| h.method != Method::Affiliate && h.score >= LISTED_MIN_SCORE)
        .collect();
    let affiliates: Vec<&Hit> = hits
        .iter()
        .filter(restricting)
        .filter(|h| h.method == Method::Affiliate)
        .collect();
    let informational: Vec<&Hit> = hits
        .iter()
        .filter(|h| h.list_kind == ListKind::Informational)
        .filter(|h| h.method == Method::Affiliate || h.score >= LISTED_MIN_SCORE)
        .collect();
    let us_cloud: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.category == Category::Cloud && m.origin == Origin::Us)
        .collect();
    let us_ai: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.category == Category::AiService && m.origin == Origin::Us)
        .collect();
    let chips: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.category == Category::Chip && m.controlled)
        .collect();
    let genai: Vec<&Mention> = mentions
        .iter()
        .filter(|m| m.category == Category::AiService)
        .collect();

    let us_product = !us_cloud.is_empty() || !us_ai.is_empty() || !chips.is_empty();
    let alert = if !listed.is_empty() && us_product {
        Alert::High
    } else if (!us_cloud.is_empty() && (!chips.is_empty() || !genai.is_empty()))
        || (!us_ai.is_empty() && !chips.is_empty())
        || (!affiliates.is_empty() && us_product)
    {
        Alert::Medium
    } else if us_product
        || !listed.is_empty()
        || !affiliates.is_empty()
        || !informational.is_empty()
    {
        Alert::Low
    } else {
        Alert::None
    };

    let mut reasons = Vec::new();
    for h in listed.iter().chain(affiliates.iter()) {
        reasons.push(hit_reason(h));
    }
    for h in &informational {
        reasons.push(format!(
            "{} (informational list: it restricts no exports, so it never raises the alert above low)",
            hit_reason(h)
        ));
    }
    push_names(&mut reasons, "US cloud", &us_cloud);
    push_names(&mut reasons, "US AI service", &us_ai);
    push_names(&mut reasons, "controlled chip", &chips);
    let domestic_ai: Vec<&Mention> = genai
        .iter()
        .copied()
        .filter(|m| m.origin != Origin::Us)
        .collect();
    if alert > Alert::None {
        push_names(&mut reasons, "generative AI", &domestic_ai);
    }
    if alert == Alert::None && !mentions.is_empty() {
        reasons.push("only domestic or uncontrolled products mentioned".to_string());
    }
    Assessment { alert, reasons }
}

fn hit_reason(h: &Hit) -> String {
    let what = if h.method == Method::Affiliate {
        "is part of listed entity"
    } else {
        "matches listed entity"
    };
    let cite = if h.citation.is_empty() {
        String::new()
    } else {
        format!(", {}", h.citation)
    };
    format!(
        "{} {} {what} {} ({}{cite}; {} match on \"{}\", score {:.2})",
        h.role.as_str(),
        h.name,
        h.listed_name,
        h.list,
        h.method.as_str(),
        h.matched_alias,
        h.score
    )
}

fn push_names(reasons: &mut Vec<String>, label: &str, mentions: &[&Mention]) {
    let mut names: Vec<&str> = mentions.iter().map(|m| m.name.as_str()).collect();
    names.dedup();
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(*n));
    if !names.is_empty() {
        reasons.push(format!("{label}: {}", names.join(", ")));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Role;

    fn mention(category: Category, name: &str, origin: Origin, controlled: bool) -> Mention {
        Mention {
            category,
            name: name.into(),
            origin,
            controlled,
            text: name.into(),
            context: String::new(),
            attachment: None,
        }
    }

    fn hit(method: Method, score: f64) -> Hit {
        Hit {
            name: "四川大学".into(),
            role: Role::Buyer,
            listed_name: "Sichuan University".into(),
            list: "Entity List (EL) - Bureau of Industry and Security".into(),
            list_id: "x".into(),
            method,
            score,
            matched_alias: "四川大学".into(),
            citation: "77 FR 58006".into(),
            as_of: String::new(),
            reviewed: None,
            list_kind: ListKind::ExportControl,
        }
    }

    #[test]
    fn listed_buyer_with_us_ai_service_is_high() {
        let a = assess(
            &[mention(
                Category::AiService,
                "Azure OpenAI",
                Origin::Us,
                false,
            )],
            &[hit(Method::Alias, 1.0)],
        );
        assert_eq!(a.alert, Alert::High);
        assert!(
            a.reasons[0].contains("buyer 四川大学 matches listed entity Sichuan University"),
            "{:?}",
            a.reasons
        );
        assert!(a.reasons[0].contains("77 FR 58006"));
        assert!(a.reasons.iter().any(|r| r == "US AI service: Azure OpenAI"));
    }

    #[test]
    fn us_cloud_with_controlled_chip_is_medium() {
        let a = assess(
            &[
                mention(Category::Cloud, "AWS", Origin::Us, false),
                mention(Category::Chip, "NVIDIA A100", Origin::Us, true),
            ],
            &[],
        );
        assert_eq!(a.alert, Alert::Medium);
        assert_eq!(
            a.reasons,
            vec!["US cloud: AWS", "controlled chip: NVIDIA A100"]
        );
    }

    #[test]
    fn affiliate_with_controlled_chip_is_medium_not_high() {
        let a = assess(
            &[mention(Category::Chip, "NVIDIA H800", Origin::Us, true)],
            &[hit(Method::Affiliate, 0.8)],
        );
        assert_eq!(a.alert, Alert::Medium);
        assert!(a.reasons[0].contains("is part of listed entity"));
    }

    #[test]
    fn single_signals_are_low() {
        assert_eq!(
            assess(
                &[mention(Category::Chip, "NVIDIA A100", Origin::Us, true)],
                &[]
            )
            .alert,
            Alert::Low
        );
        assert_eq!(
            assess(&[mention(Category::Cloud, "AWS", Origin::Us, false)], &[]).alert,
            Alert::Low
        );
        assert_eq!(assess(&[], &[hit(Method::Exact, 1.0)]).alert, Alert::Low);
        // A weak fuzzy hit is not "the listed entity" but still worth a look.
        assert_eq!(assess(&[], &[hit(Method::Fuzzy, 0.5)]).alert, Alert::None);
    }

    #[test]
    fn domestic_only_is_none() {
        let a = assess(
            &[
                mention(Category::Cloud, "阿里云", Origin::Domestic, false),
                mention(
                    Category::Chip,
                    "Huawei Ascend 910B",
                    Origin::Domestic,
                    false,
                ),
                mention(Category::AiService, "通义千问", Origin::Domestic, false),
            ],
            &[],
        );
        assert_eq!(a.alert, Alert::None);
        assert_eq!(
            a.reasons,
            vec!["only domestic or uncontrolled products mentioned"]
        );
    }

    #[test]
    fn uncontrolled_us_chip_alone_is_none() {
        let a = assess(
            &[mention(
                Category::Chip,
                "NVIDIA RTX 4090D",
                Origin::Us,
                false,
            )],
            &[],
        );
        assert_eq!(a.alert, Alert::None);
    }

    fn informational(method: Method, score: f64) -> Hit {
        Hit {
            list: "DoD Section 1260H List - Department of Defense".into(),
            listed_name: "China United Network Communications Group Co., Ltd.".into(),
            name: "中国联通".into(),
            citation: "91 FR 35189".into(),
            list_kind: ListKind::Informational,
            ..hit(method, score)
        }
    }

    #[test]
    fn informational_hit_alone_is_low_and_explained() {
        let a = assess(&[], &[informational(Method::Alias, 1.0)]);
        assert_eq!(a.alert, Alert::Low);
        assert_eq!(a.reasons.len(), 1);
        assert!(
            a.reasons[0].starts_with(
                "buyer 中国联通 matches listed entity China United Network Communications Group Co., Ltd."
            ),
            "{:?}",
            a.reasons
        );
        assert!(
            a.reasons[0].contains("informational list"),
            "{:?}",
            a.reasons
        );
    }

    #[test]
    fn informational_hit_with_us_product_does_not_raise_the_alert() {
        // A controlled chip alone is low; the 1260H hit must not make it high (nor medium).
        let chip = mention(Category::Chip, "NVIDIA A100", Origin::Us, true);
        let a = assess(
            std::slice::from_ref(&chip),
            &[informational(Method::Alias, 1.0)],
        );
        assert_eq!(a.alert, Alert::Low);
        let a = assess(
            std::slice::from_ref(&chip),
            &[informational(Method::Affiliate, 0.8)],
        );
        assert_eq!(a.alert, Alert::Low);
        // The same hit on an export-control list is high.
        assert_eq!(
            assess(&[chip], &[hit(Method::Alias, 1.0)]).alert,
            Alert::High
        );
    }
}
