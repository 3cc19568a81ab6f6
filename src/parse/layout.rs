//! The parser's layout vocabulary: the word lists of `watchlists/layout.csv` (deadline and
//! publication words, furniture headings, news markers, legal forms …), one group per list.
//!
//! The file is embedded at build time and parsed once; the parser holds each group's slice in a
//! static, so a lookup never allocates. A `--vocab` directory does not override this file: the
//! parser runs without the vocabulary directory (see `watchlists/README.md`).
use std::collections::HashMap;
use std::sync::LazyLock;

/// The embedded `watchlists/layout.csv`.
const LAYOUT_CSV: &str = include_str!("../../watchlists/layout.csv");

/// The certainty values a row may give.
pub(super) const CERTAINTIES: &[&str] = &["low", "medium", "high"];

/// Every group the parser reads (a row naming another group is an error).
pub const GROUPS: &[&str] = &[
    "purchase_buyer_end",
    "furniture_element",
    "furniture_class_word",
    "furniture_class_affix",
    "not_furniture_class",
    "furniture_heading",
    "furniture_line_start",
    "info_token",
    "deadline",
    "publication",
    "info_line",
    "news_marker",
    "clause_word",
    "placeholder",
    "placeholder_prefix",
    "role_note",
    "rank_header",
    "rank_header_end",
    "ranked_name_word",
    "not_name_word",
    "ranked_name_header",
    "lead_marker",
    "role_tag_end",
    "agency_word",
    "quoted_notice_word",
    "winner_lead",
    "joined_legal_form",
    "legal_form",
    "branch_end",
    "parent_end",
    "role_lead",
    "source_lead",
    "past_word",
    "present_word",
    "purchase_start",
    "sub_unit",
    "site_end",
    "site_part",
    "title_word",
    "notice_word",
    "type_word",
    "heading_class_part",
    "title_separator",
    "title_end",
    "notice_correction",
    "notice_termination",
    "notice_intent",
    "notice_single_source",
    "notice_candidates",
    "notice_award",
    "notice_tender",
    "month",
    "clock_lead",
    "prose_org_end",
    "news_verb",
    "lead_verb",
    "budget_word",
    "correction_side",
    "line_side",
    "role_tag",
    "buyer_alias_role",
    "sentence_budget_word",
    "news_budget_word",
    "news_award_word",
    "winner_role",
    "winner_role_end",
    "rank_verb",
    "ranked_party",
    "entrusting_role",
    "agency_role",
    "publisher_end",
    "own_result_role",
    "correction_verb",
    "changed_to_verb",
    "quoted_change_verb",
    "letter_verb",
    "winner_header",
    "candidate_header",
    "amount_header",
    "sentence_determiner",
    "header_word",
    "field_kind_end",
    "before_header",
    "after_header",
    "weak_after_header",
    "item_joiner",
    "quoted_wrong_word",
    "quoted_should_be",
    "total_word",
    "yardstick_header",
    "past_work_header",
    "past_work_header_not",
    "old_wording_header",
    "tax_excluded",
    "daxie_lead",
    "amount_form_tag",
    "quoted_removal",
    "news_budget_compared",
    "notice_contract",
    "notice_performance",
    "mark_header",
    "mark_yes",
    "mark_attribute",
    "mark_copula",
    "mark_no",
    "own_lot_lead",
    "rejected_word",
    "candidate_list_label",
    "alias_purchase_word",
    "award_total_word",
    "label_qualifier",
    "count_rank_lead",
    "rank_is_verb",
    "rank_list_verb",
    "rank_note_party",
    "rank_note_lead",
    "rank_context",
    "lead_project_org_end",
    "lead_project_stop",
    "conclusion_header",
    "conclusion_out",
    "not_rank_word",
    "total_score_header",
    "rank_subject_stop",
    "org_category",
    "org_category_lead",
    "award_adverb",
    "lead_source_end",
    "budget_delta_up",
    "budget_delta_down",
    "budget_delta_total",
    "agency_name_word",
    "text_out_word",
    "alias_connective",
    "name_time_lead",
    "name_adverb_lead",
    "name_place_lead",
    "name_descriptor",
    "lead_anaphor",
    "lead_purchase_word",
    "purchase_source_word",
    "eval_price_header",
    "lowest_price_method",
    "review_header",
    // extract39
    "score_tie",
    "tie_lower_bid",
    "award_as_verb",
    "award_as_noun",
    // extract44
    "score_order",
    "candidate_order_word",
    // extract43
    "void_word",
    "restate_verb",
    // extract47
    "apply_verb",
    "apply_end",
    "unit_caption",
    // extract49
    "rank_top_word",
    "rank_follow_word",
    "bidder_no_header",
    // extract48
    "converted_lead",
    "breakdown_lead",
    "winner_mark_header",
    "bid_header",
    // extract53
    "total_clause_word",
    "period_word",
    "quoted_here_lead",
    // extract56
    "part_lead",
    "clause_unit",
    "package_prefix",
    "package_suffix",
    // extract65
    "budget_total_label",
];

/// One row of `layout.csv`.
#[derive(Debug)]
struct Row {
    group: String,
    word: String,
}

/// The rows of a sourced vocabulary file (`layout.csv`, `labels.csv`): for each row its line
/// number and the cells of `columns`, in that order. Every row must give a source and a
/// certainty of low, medium or high; `file` names the file in errors.
pub(super) fn sourced_rows(
    text: &str,
    file: &str,
    columns: &[&str],
) -> Result<Vec<(u64, Vec<String>)>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("{file}: {e}"))?
        .clone();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .ok_or_else(|| format!("{file}: no `{name}` column"))
    };
    let wanted = columns
        .iter()
        .map(|c| column(c))
        .collect::<Result<Vec<_>, _>>()?;
    let (s, c) = (column("source")?, column("certainty")?);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| format!("{file}: {e}"))?;
        let line = record.position().map_or(0, |p| p.line());
        let cell = |i: usize| record.get(i).unwrap_or("");
        if cell(s).trim().is_empty() {
            return Err(format!("{file} line {line}: no source"));
        }
        if !CERTAINTIES.contains(&cell(c)) {
            return Err(format!(
                "{file} line {line}: certainty `{}` is none of low, medium, high",
                cell(c)
            ));
        }
        rows.push((line, wanted.iter().map(|&i| cell(i).to_owned()).collect()));
    }
    Ok(rows)
}

/// The rows of `text` in file order, or the first problem (line numbers count from 1).
fn parse(text: &str) -> Result<Vec<Row>, String> {
    let mut rows = Vec::new();
    for (line, cells) in sourced_rows(text, "layout.csv", &["group", "word"])? {
        let [group, word] = <[String; 2]>::try_from(cells).map_err(|_| "layout.csv: columns")?;
        if !GROUPS.contains(&group.as_str()) {
            return Err(format!("layout.csv line {line}: unknown group `{group}`"));
        }
        if word.is_empty() {
            return Err(format!("layout.csv line {line}: empty word"));
        }
        rows.push(Row { group, word });
    }
    Ok(rows)
}

/// Every group's words in file order. Built once; the words live for the whole run.
static TABLE: LazyLock<HashMap<&'static str, &'static [&'static str]>> = LazyLock::new(|| {
    // The embedded file is checked by the unit tests below, so this never fails in a tested
    // build; should it, the parser runs without layout words rather than stopping.
    let rows = parse(LAYOUT_CSV).unwrap_or_else(|e| {
        tracing::error!("{e}");
        Vec::new()
    });
    let mut groups: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
    for row in rows {
        let Some(group) = GROUPS.iter().find(|g| **g == row.group) else {
            continue;
        };
        let word: &'static str = Box::leak(row.word.into_boxed_str());
        groups.entry(group).or_default().push(word);
    }
    groups
        .into_iter()
        .map(|(g, words)| (g, &*Box::leak(words.into_boxed_slice())))
        .collect()
});

/// The words of `group`, in file order (empty if the file has none). Call once per list and keep
/// the slice in a static: the lookup hashes the name.
pub fn words(group: &str) -> &'static [&'static str] {
    debug_assert!(GROUPS.contains(&group), "unknown layout group {group}");
    TABLE.get(group).copied().unwrap_or(&[])
}

/// An automaton over the words of `group` (default match kind). Build it once, in a
/// static. The words are compiled in from `layout.csv`, so building cannot fail on input.
pub fn searcher(group: &str) -> aho_corasick::AhoCorasick {
    aho_corasick::AhoCorasick::new(words(group))
        .unwrap_or_else(|e| panic!("layout group {group} builds no automaton: {e}"))
}

/// `words` as the body of a regex alternation (`a|b|c`), each escaped, in the given order: a
/// regex built from a group takes the first word that fits, as the former inline `(?:a|b|c)` did.
/// Build the regex once (in a static), never per call.
pub fn alternation(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_file_parses() {
        let rows = parse(LAYOUT_CSV).expect("layout.csv parses");
        assert!(rows.len() > 500, "{} rows", rows.len());
    }

    #[test]
    fn every_row_names_a_source_and_a_certainty() {
        let mut reader = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .from_reader(LAYOUT_CSV.as_bytes());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(
            headers.iter().collect::<Vec<_>>(),
            ["group", "word", "source", "certainty", "note"]
        );
        for record in reader.records() {
            let record = record.unwrap();
            let line = record.position().unwrap().line();
            assert!(!record[2].trim().is_empty(), "line {line}: no source");
            assert!(CERTAINTIES.contains(&&record[3]), "line {line}: certainty");
        }
    }

    #[test]
    fn every_group_the_code_asks_for_exists() {
        // The groups named in `layout::words("…")` and `layout::searcher("…")` calls across the
        // parser's sources.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/parse");
        let mut asked = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("layout.rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for call in ["layout::words(\"", "layout::searcher(\""] {
                    for part in text.split(call).skip(1) {
                        asked.push(part.split('"').next().unwrap().to_owned());
                    }
                }
            }
        }
        assert!(asked.len() >= GROUPS.len(), "{asked:?}");
        for group in &asked {
            assert!(GROUPS.contains(&group.as_str()), "{group} is not in GROUPS");
            assert!(!words(group).is_empty(), "layout.csv has no `{group}` rows");
        }
        for group in GROUPS {
            assert!(asked.iter().any(|a| a == group), "{group} is never read");
        }
    }

    #[test]
    fn bad_rows_are_refused() {
        let head = "group,word,source,certainty,note\n";
        assert!(parse(&format!("{head}deadline,截止,src,high,\n")).is_ok());
        assert!(parse(&format!("{head}nosuch,截止,src,high,\n")).is_err());
        assert!(parse(&format!("{head}deadline,,src,high,\n")).is_err());
        assert!(parse(&format!("{head}deadline,截止, ,high,\n")).is_err());
        assert!(parse(&format!("{head}deadline,截止,src,sure,\n")).is_err());
        assert!(parse("group,word\ndeadline,截止\n").is_err());
    }

    #[test]
    fn order_and_spaces_survive() {
        // Order matters where the code wants the most specific word first, and some words
        // carry a space ("讯 ", " - ").
        assert_eq!(words("info_token")[..2], ["信息来源", "文章来源"]);
        assert_eq!(words("legal_form")[0], "股份有限公司");
        assert!(words("title_separator").contains(&" - "));
        assert!(words("news_marker").contains(&"讯　"));
    }

    #[test]
    fn calendar_and_alternations() {
        // `month` is indexed by month number; an alternation escapes and keeps the order.
        assert_eq!(words("month").len(), 12);
        assert_eq!((words("month")[0], words("month")[11]), ("jan", "dec"));
        assert_eq!(
            alternation(&["今天是", "今天", "a.b", "(成交)"]),
            r"今天是|今天|a\.b|\(成交\)"
        );
        assert_eq!(words("clock_lead")[..2], ["今天是", "今天"]);
    }
    #[test]
    fn regex_alternation_groups_keep_their_invariants() {
        // Longer forms before the shorter ones they contain (the regex takes the first that
        // fits), and the line filter of sentence_budget sees every word.
        for group in [
            "prose_org_end",
            "budget_word",
            "role_tag",
            "news_award_word",
        ] {
            let w = words(group);
            for (i, a) in w.iter().enumerate() {
                for b in &w[..i] {
                    assert!(!a.contains(b), "{group}: {a} after {b}, which it contains");
                }
            }
        }
        for w in words("sentence_budget_word") {
            assert!(
                ["预算", "限价", "控制价"].iter().any(|k| w.contains(k)),
                "{w}"
            );
        }
        assert_eq!(words("line_side"), ["原", "现", "新"]);
    }
}
