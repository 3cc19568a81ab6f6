//! Alert level and plain-language reasons, from mentions and hits (the rule in README "Alert levels").
use crate::model::{Alert, Assessment, Category, Hit, Method, Mention, Origin};

/// Score at or above which a non-affiliate hit counts as the listed entity itself.
pub const LISTED_MIN_SCORE: f64 = 0.80;

/// Apply the alert rule.
///
/// - high: a listed entity with a US cloud, a controlled chip or a US AI service;
/// - medium: a US cloud or US AI service with a controlled chip or generative AI (any AI
///   service), or an affiliate of a listed entity with a controlled chip, US cloud or US AI;
/// - low: any one of those signals alone;
/// - none: nothing US-origin, controlled or listed.
pub fn assess(mentions: &[Mention], hits: &[Hit]) -> Assessment {
    let listed: Vec<&Hit> = hits.iter().filter(|h| h.method != Method::Affiliate && h.score >= LISTED_MIN_SCORE).collect();
    let affiliates: Vec<&Hit> = hits.iter().filter(|h| h.method == Method::Affiliate).collect();
    let us_cloud: Vec<&Mention> = mentions.iter().filter(|m| m.category == Category::Cloud && m.origin == Origin::Us).collect();
    let us_ai: Vec<&Mention> = mentions.iter().filter(|m| m.category == Category::AiService && m.origin == Origin::Us).collect();
    let chips: Vec<&Mention> = mentions.iter().filter(|m| m.category == Category::Chip && m.controlled).collect();
    let genai: Vec<&Mention> = mentions.iter().filter(|m| m.category == Category::AiService).collect();

    let us_product = !us_cloud.is_empty() || !us_ai.is_empty() || !chips.is_empty();
    let alert = if !listed.is_empty() && us_product {
        Alert::High
    } else if (!us_cloud.is_empty() && (!chips.is_empty() || !genai.is_empty()))
        || (!us_ai.is_empty() && !chips.is_empty())
        || (!affiliates.is_empty() && us_product)
    {
        Alert::Medium
    } else if us_product || !listed.is_empty() || !affiliates.is_empty() {
        Alert::Low
    } else {
        Alert::None
    };

    let mut reasons = Vec::new();
    for h in listed.iter().chain(affiliates.iter()) {
        reasons.push(hit_reason(h));
    }
    push_names(&mut reasons, "US cloud", &us_cloud);
    push_names(&mut reasons, "US AI service", &us_ai);
    push_names(&mut reasons, "controlled chip", &chips);
    let domestic_ai: Vec<&Mention> = genai.iter().copied().filter(|m| m.origin != Origin::Us).collect();
    if alert > Alert::None {
        push_names(&mut reasons, "generative AI", &domestic_ai);
    }
    if alert == Alert::None && !mentions.is_empty() {
        reasons.push("only domestic or uncontrolled products mentioned".to_string());
    }
    Assessment { alert, reasons }
}

fn hit_reason(h: &Hit) -> String {
    let what = if h.method == Method::Affiliate { "is part of listed entity" } else { "matches listed entity" };
    let cite = if h.citation.is_empty() { String::new() } else { format!(", {}", h.citation) };
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
