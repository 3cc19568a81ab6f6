//! A negated scope phrase, composed instead of enumerated: a negator (`negator` rows of
//! `context.csv`: 不, 未, 无需 …), at most one filler (`negfill`: 再, 予以, 被 …) and a scope verb
//! (`scopeverb`: 属于, 在, 纳入, 采用, 接入 …) say that the purchase does not take a product in,
//! whichever object the note names ("X不纳入本项目建设内容", "本项目不再采用X", "X不在本期招标
//! 范围内"). Only listed fillers may stand between the negator and the verb, so measures
//! (不少于, 不低于, 不限于) and modals (不能, 未能, 不可 + verb: "不能提供X的按无效投标处理") are
//! no such phrase; 含 / 包含 are no scope verb ("含8卡X服务器（不含机柜）" keeps X).
//!
//! After the term (a note, as `scope` rows): what follows the verb in its clause is empty
//! ("本项目不再采用") or opens with a scope object (`scopeobject`: 本次, 本项目, 该, 采购 …), and
//! is no relative clause ("不在本次采购范围内的配件由…" speaks of the 配件). Before the term:
//! the phrase stands right before it or before earlier items of its list, and no 的 follows the
//! term in its clause ("未采用X的投标人…" names bidders). In either direction a conditional
//! (`conditional`: 如果, 若未 …) in the clause before the negator keeps the term ("如未采用X则…").

use super::{is_clause_mark, list_items, only_separators, qualified};

/// Characters of a scope note's clause read after its verb.
const NOTE_REST_CHARS: usize = 24;
/// Characters after the term read for a 的 that makes the phrase a relative clause.
const RELATIVE_CHARS: usize = 10;
/// Characters after a 的 within which a plan noun ends the phrase ("的部署方案").
const PLAN_CHARS: usize = 6;
/// Characters after the term within which a `negatorobject` phrase's verb must stand
/// ("不将X、Y（…）接入平台").
const OBJECT_VERB_CHARS: usize = 30;

/// The words a negated scope phrase is composed of, normalised (traditional spellings too).
#[derive(Debug, Default, Clone)]
pub(crate) struct NegatedScope {
    verbs: Vec<String>,
    fillers: Vec<String>,
    objects: Vec<String>,
    conditionals: Vec<String>,
    /// Longer words opening with a conditional that are none (`notconditional`: 若干).
    not_conditionals: Vec<String>,
    /// Nouns of a plan (`plannoun`: 方案, 技术路线 …): "不再采用X的方案" drops the plan built on
    /// X, so a 的 before one opens no relative clause that keeps X.
    plan_nouns: Vec<String>,
}

impl NegatedScope {
    /// Add the spellings of one word of `position` (scopeverb, negfill, scopeobject, conditional).
    pub(crate) fn add(&mut self, position: &str, spellings: Vec<String>) {
        let list = match position {
            "scopeverb" => &mut self.verbs,
            "negfill" => &mut self.fillers,
            "scopeobject" => &mut self.objects,
            "notconditional" => &mut self.not_conditionals,
            "plannoun" => &mut self.plan_nouns,
            _ => &mut self.conditionals,
        };
        list.extend(spellings);
    }

    /// End of the scope verb that `rest` (the text right after a negator) opens, after at most
    /// one filler: "再采用…" → after 采用. None when anything else stands there ("少于", "能提供").
    fn verb_end(&self, rest: &str) -> Option<usize> {
        let verb = |s: &str| {
            self.verbs
                .iter()
                .filter(|v| s.starts_with(v.as_str()))
                .map(String::len)
                .max()
        };
        verb(rest).or_else(|| {
            self.fillers
                .iter()
                .filter_map(|f| rest.strip_prefix(f.as_str()).map(|r| (f.len(), r)))
                .find_map(|(n, r)| verb(r).map(|v| n + v))
        })
    }

    /// A conditional word stands in the clause of `before`, which ends with a negator ("如未").
    fn conditional(&self, before: &str) -> bool {
        let clause = before
            .rfind(is_clause_mark)
            .map_or(before, |i| &before[i..]);
        // "若干台X" is a count, not the condition 若.
        self.conditionals.iter().any(|w| {
            clause.match_indices(w.as_str()).any(|(i, _)| {
                !self
                    .not_conditionals
                    .iter()
                    .any(|n| clause[i..].starts_with(n.as_str()))
            })
        })
    }

    /// `rest` opens with a scope object ("本项目建设内容", "该服务").
    fn object(&self, rest: &str) -> bool {
        self.objects.iter().any(|o| rest.starts_with(o.as_str()))
    }

    /// A negator after the term opens a scope note: `after_negator` is the text right after it,
    /// `before_negator` the text from the term's clause through it. Returns the note's end (the end
    /// of its verb, as an offset into `after_negator`) when the note's object is a scope object
    /// or none, it is no relative clause, and no conditional precedes it. Whether the note
    /// reaches the term is left to the caller (the `scope` rows' test).
    pub(crate) fn note_after(&self, before_negator: &str, after_negator: &str) -> Option<usize> {
        let v = self.verb_end(after_negator)?;
        let rest = clause_head(&after_negator[v..], NOTE_REST_CHARS).trim_start_matches(' ');
        let object_ok = rest
            .trim_end_matches([' ', '内', '了'])
            .trim_end_matches("之")
            .is_empty()
            || self.object(rest);
        // "不在本次采购范围内的配件…": the note describes what follows its 的; "不属于本项目的
        // 采购范围" is still one object.
        // A 的 inside an object word ("采购标的") opens no relative clause.
        let relative = rest.rfind('的').is_some_and(|i| {
            let through = &rest[..i + '的'.len_utf8()];
            !self.object(&rest[i + '的'.len_utf8()..])
                && !self.objects.iter().any(|o| through.ends_with(o.as_str()))
        });
        (object_ok && !relative && !self.conditional(before_negator)).then_some(v)
    }

    /// A negator before the term (`between` runs from the negator's end to the term, `before`
    /// is the text through the negator, `after` the text after the term) negates taking it in:
    /// "本项目不再采用X", "未部署X或Y".
    pub(crate) fn before_term(
        &self,
        before: &str,
        between: &str,
        after: &str,
        qualifiers: &[String],
    ) -> bool {
        let Some(v) = self.verb_end(between) else {
            return false;
        };
        let gap = &between[v..];
        (only_separators(gap) || list_items(gap) || qualified(gap, qualifiers))
            && (!relative_after(after) || self.plan_after(after))
            && !self.conditional(before)
    }

    /// A plan noun follows the term's 的 in its clause ("X推理卡的方案", "X的部署方案").
    fn plan_after(&self, after: &str) -> bool {
        let head = clause_head(after, RELATIVE_CHARS + PLAN_CHARS);
        head.find('的').is_some_and(|i| {
            let rest = clause_head(&head[i + '的'.len_utf8()..], PLAN_CHARS);
            self.plan_nouns.iter().any(|n| rest.contains(n.as_str()))
        })
    }

    /// A negator taking its object first ("不将X、Y（…）接入平台"): the term stands right after
    /// it or after earlier items of its list (`between`), and a scope verb follows in the term's
    /// clause (`after`, brackets skipped).
    pub(crate) fn object_first(
        &self,
        before: &str,
        between: &str,
        after: &str,
        qualifiers: &[String],
    ) -> bool {
        (only_separators(between) || list_items(between) || qualified(between, qualifiers))
            && !self.conditional(before)
            && verb_in_clause(after, &self.verbs)
    }
}

/// The head of `s` up to its first clause mark, list joiner or bracket, at most `max` characters.
fn clause_head(s: &str, max: usize) -> &str {
    let end = s
        .char_indices()
        .take(max)
        .find(|&(_, c)| is_clause_mark(c) || "、()（）".contains(c))
        .map_or_else(
            || s.char_indices().nth(max).map_or(s.len(), |(i, _)| i),
            |(i, _)| i,
        );
    &s[..end]
}

/// A 的 follows the term in its clause within [`RELATIVE_CHARS`]: the phrase before the term
/// then describes something else ("未采用X的投标人").
fn relative_after(after: &str) -> bool {
    after
        .chars()
        .take(RELATIVE_CHARS)
        .take_while(|&c| !is_clause_mark(c))
        .any(|c| c == '的')
}

/// A verb of `verbs` stands in the clause that `after` continues, within [`OBJECT_VERB_CHARS`]
/// (text inside brackets, which may hold its own commas, is skipped).
fn verb_in_clause(after: &str, verbs: &[String]) -> bool {
    let mut depth = 0usize;
    for (n, (i, c)) in after.char_indices().enumerate() {
        if n >= OBJECT_VERB_CHARS {
            return false;
        }
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            _ if is_clause_mark(c) => return false,
            _ => {
                if verbs.iter().any(|v| after[i..].starts_with(v.as_str())) {
                    return true;
                }
            }
        }
    }
    false
}

/// extract63: negated scope phrases in wordings no enumerated row names, both directions, and
/// the negations that must stay use.
#[cfg(test)]
mod negated_scope_tests {
    use super::super::test_support::{detector, names};

    /// `text` reports a name starting with `product` (or, with `kept` false, none).
    fn check(texts: &[(&str, &str)], kept: bool) {
        let d = detector();
        for &(text, product) in texts {
            let got = names(&d, text);
            assert_eq!(
                got.iter().any(|n| n.starts_with(product)),
                kept,
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn a_negated_scope_note_after_the_term_removes_it() {
        check(
            &[
                (
                    "英伟达H100集群由学院自行维护，不属于本标段供货范围。",
                    "NVIDIA",
                ),
                (
                    "英伟达V100服务器已报废处置，不予纳入本次验收范围。",
                    "NVIDIA",
                ),
                (
                    "现有2台NVIDIA T4推理服务器继续承担视频转发，未被列入本项目建设范围。",
                    "NVIDIA",
                ),
                (
                    "Azure OpenAI的分级过滤设计见附件，本期不会调用该服务。",
                    "Azure",
                ),
                ("NVIDIA A100服务器不在本包供货清单内。", "NVIDIA"),
            ],
            false,
        );
    }

    #[test]
    fn a_negated_scope_phrase_before_the_term_removes_it() {
        check(
            &[
                (
                    "经论证，本项目暂不部署英伟达A800服务器，改用国产加速卡。",
                    "NVIDIA",
                ),
                ("平台上线后未再调用ChatGPT接口。", "OpenAI"),
                ("新平台无需接入微软Azure云服务。", "Microsoft Azure"),
                ("本系统不拟选用AWS云服务。", "AWS"),
            ],
            false,
        );
    }

    #[test]
    fn a_negator_taking_its_object_first_removes_the_term() {
        check(
            &[
                ("本期不将Claude、Gemini模型接入平台。", "Anthropic"),
                ("本期不将Claude、Gemini模型接入平台。", "Google"),
                (
                    "系统不会将DeepSeek（含蒸馏版本，仅作对照）部署到生产环境。",
                    "DeepSeek",
                ),
            ],
            false,
        );
    }

    #[test]
    fn measures_modals_accessories_and_conditions_stay_use() {
        check(
            &[
                // Measures and "not limited to".
                ("每台服务器配置不少于8张NVIDIA A100加速卡。", "NVIDIA"),
                ("包括但不限于使用NVIDIA A100加速卡。", "NVIDIA"),
                // Modal "cannot": the product is required.
                ("不能提供NVIDIA A100的按无效投标处理。", "NVIDIA"),
                ("未能部署DeepSeek-R1的不予验收。", "DeepSeek"),
                ("投标人无法接入阿里云的，按无效投标处理。", "Alibaba Cloud"),
                // An accessory left out of the product.
                ("含8卡NVIDIA A100服务器（不含机柜）。", "NVIDIA"),
                // Conditions.
                ("如未部署DeepSeek-R1模型，则不予验收。", "DeepSeek"),
                (
                    "若投标人不采用华为昇腾910B加速卡，则扣5分。",
                    "Huawei Ascend",
                ),
            ],
            true,
        );
    }

    #[test]
    fn relative_clauses_purchases_and_other_objects_stay_use() {
        check(
            &[
                // The negated phrase describes something else (的).
                ("对未采用NVIDIA A100的投标人作无效投标处理。", "NVIDIA"),
                (
                    "NVIDIA A100服务器8台，不在本次采购范围内的配件由采购人自备。",
                    "NVIDIA",
                ),
                // The term's clause buys it; the note covers only what came after.
                (
                    "本项目采购英伟达L40S服务器4台，原有设备不纳入本次验收。",
                    "NVIDIA",
                ),
                // The note's object is no scope object, or its clause has its own subject.
                ("部署NVIDIA A100服务器，不接入互联网。", "NVIDIA"),
                ("平台采用DeepSeek-R1，不使用境外模型。", "DeepSeek"),
                (
                    "部署NVIDIA A100服务器，机房装修不属于本标段范围。",
                    "NVIDIA",
                ),
            ],
            true,
        );
    }

    #[test]
    fn the_verb_needs_a_listed_filler_or_none() {
        let mut n = super::NegatedScope::default();
        n.add("scopeverb", vec!["采用".into(), "在".into()]);
        n.add("negfill", vec!["再".into(), "予以".into()]);
        assert_eq!(n.verb_end("采用x"), Some("采用".len()));
        assert_eq!(n.verb_end("再采用x"), Some("再采用".len()));
        assert_eq!(n.verb_end("予以采用"), Some("予以采用".len()));
        assert_eq!(n.verb_end("能采用"), None);
        assert_eq!(n.verb_end("少于"), None);
        assert_eq!(n.verb_end("限于采用"), None);
    }
}
