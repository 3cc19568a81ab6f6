//! Another subject's earlier use, composed instead of enumerated (extract74): a use verb
//! (`pastverb` rows of `context.csv`: 部署, 采购, 依托 …) right before the term, a perfective
//! (`pastperfective`: 已, 陆续, 先后, 曾) earlier in its clause, and a subject that is not this
//! purchase's: either an existential subject, a quantifier (`pastquant`: 已有, 部分, 不少, 多家 …)
//! followed closely by an organisation noun (`pastorg`: 单位, 医院, 高校, 部门 …) in the term's
//! sentence ("近年来，省内部分科研单位已依托X开展…"), or a time-before lead (`pastlead`: 此前,
//! 近年来, 去年 …) in the sentence and a named subject ending in an organisation noun or 等 before
//! the perfective ("此前，A医院、B医院等已陆续部署X"). Such a sentence reports what others did
//! before, not this purchase.
//!
//! Kept: any word of this purchase's own subject (`pastown`: 本项目, 本次, 我院, 该院 …) in the
//! term's sentence, before or after it ("本院此前已部署X，本次扩容", "此前已部署X，本期新增…"):
//! the existing-equipment and purchase rules decide those. A bare time lead with no named
//! subject ("此前已采购X服务器2台") may be the buyer's own equipment and is kept too.
//!
//! Each reading is one overlapping automaton pass over the term's sentence, capped by the
//! detector's window, so the rule is linear in the page.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use super::is_clause_mark;

/// The `context.csv` positions this rule reads.
pub(crate) const POSITIONS: &[&str] = &[
    "pastlead",
    "pastperfective",
    "pastverb",
    "pastquant",
    "pastorg",
    "pastown",
];

/// Characters that may stand between the use verb and the term ("采购基于X", "采购了一批X").
const VERB_GAP_CHARS: usize = 6;
/// Characters that may stand between the perfective and the use verb ("已有市州教育部门以购买
/// 服务的方式采购").
const PERFECTIVE_GAP_CHARS: usize = 20;
/// Characters that may stand between a quantifier and its organisation noun ("部分农业科研单位").
const ORG_GAP_CHARS: usize = 8;
/// Characters of the term's sentence read after it for an own-subject word.
const REST_CHARS: usize = 60;

/// What a listed word is (its `context.csv` position).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Lead,
    Perfective,
    Verb,
    Quant,
    Org,
    Own,
}

/// The words of the rule, their context group and their automaton.
/// The word lists of the rule and their automaton.
#[derive(Debug, Default, Clone)]
pub(crate) struct OthersUse {
    words: Vec<(String, Kind)>,
    groups: Vec<usize>,
    automaton: Option<AhoCorasick>,
}

/// One word found: its kind and byte span in the text read.
/// A listed word found in a sentence: its kind, start and end byte.
type Hit = (Kind, usize, usize);

impl OthersUse {
    /// Add the spellings of one word of `position` (one of [`POSITIONS`]) from `group`.
    /// Add the spellings of one word of `position` (one of [`POSITIONS`]) of `group`.
    pub(crate) fn add(&mut self, position: &str, group: usize, spellings: Vec<String>) {
        let kind = match position {
            "pastlead" => Kind::Lead,
            "pastperfective" => Kind::Perfective,
            "pastverb" => Kind::Verb,
            "pastquant" => Kind::Quant,
            "pastorg" => Kind::Org,
            _ => Kind::Own,
        };
        if !self.groups.contains(&group) {
            self.groups.push(group);
        }
        self.words.extend(spellings.into_iter().map(|s| (s, kind)));
    }

    /// Build the automaton once every row is read.
    /// Build the automaton once every word is added.
    pub(crate) fn finish(&mut self) -> anyhow::Result<()> {
        if self.words.is_empty() {
            return Ok(());
        }
        let patterns: Vec<&str> = self.words.iter().map(|(w, _)| w.as_str()).collect();
        self.automaton = Some(
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(patterns)?,
        );
        Ok(())
    }

    /// The rule serves a term that excludes one of `excludes` (the group its rows belong to).
    /// Whether the rule serves a term excluding the groups `excludes`.
    pub(crate) fn serves(&self, excludes: &[usize]) -> bool {
        self.groups.iter().any(|g| excludes.contains(g))
    }

    /// Every listed word in `s`, overlapping.
    fn hits(&self, s: &str) -> Vec<Hit> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        ac.find_overlapping_iter(s)
            .filter_map(|m| {
                let &(_, kind) = self.words.get(m.pattern().as_usize())?;
                Some((kind, m.start(), m.end()))
            })
            .collect()
    }

    /// The term whose window text before it is `before` and after it `after` is another
    /// subject's earlier use (see the module doc).
    /// Whether the term, with `before` its window's text before it and `after` the text after
    /// it, is told as another subject's earlier use.
    pub(crate) fn others_before(&self, before: &str, after: &str) -> bool {
        let sentence = &before[before
            .rfind(is_sentence_end)
            .map_or(0, |i| i + char_len(before, i))..];
        let clause = sentence
            .rfind(is_clause_mark)
            .map_or(0, |i| i + char_len(sentence, i));
        let hits = self.hits(sentence);
        if hits.iter().any(|h| h.0 == Kind::Own) {
            return false;
        }
        let rest_end = after
            .char_indices()
            .take(REST_CHARS)
            .find(|&(_, c)| is_sentence_end(c))
            .map_or_else(
                || {
                    after
                        .char_indices()
                        .nth(REST_CHARS)
                        .map_or(after.len(), |(i, _)| i)
                },
                |(i, _)| i,
            );
        if self
            .hits(&after[..rest_end])
            .iter()
            .any(|h| h.0 == Kind::Own)
        {
            return false;
        }
        // The use verb nearest the term in its clause.
        let Some(verb_start) = hits
            .iter()
            .filter(|&&(k, s, e)| {
                k == Kind::Verb && s >= clause && sentence[e..].chars().count() <= VERB_GAP_CHARS
            })
            .map(|h| h.1)
            .max()
        else {
            return false;
        };
        let Some(perfective) = hits
            .iter()
            .filter(|&&(k, s, e)| {
                k == Kind::Perfective
                    && s >= clause
                    && e <= verb_start
                    && sentence[e..verb_start].chars().count() <= PERFECTIVE_GAP_CHARS
            })
            .map(|h| h.1)
            .min()
        else {
            return false;
        };
        let existential = hits.iter().any(|&(k, _, qe)| {
            k == Kind::Quant
                && hits.iter().any(|&(o, os, oe)| {
                    o == Kind::Org
                        && os >= qe
                        && oe <= verb_start
                        && sentence[qe..os].chars().count() <= ORG_GAP_CHARS
                        && !sentence[qe..os].contains(is_clause_mark)
                })
        });
        existential || {
            let lead = hits
                .iter()
                .filter(|&&(k, _, e)| k == Kind::Lead && e <= perfective)
                .map(|h| h.2)
                .max();
            lead.is_some_and(|lead_end| {
                let subject = sentence[clause.max(lead_end).min(perfective)..perfective]
                    .trim_end_matches([' ', '、']);
                subject.ends_with('等')
                    || hits.iter().any(|&(k, s, e)| {
                        k == Kind::Org
                            && e == clause.max(lead_end).min(perfective) + subject.len()
                            && s >= clause.max(lead_end)
                    })
            })
        }
    }
}

/// A character that ends a sentence for this rule (the clause marks that are no comma or colon).
/// A character that ends a sentence for this rule (a table cell's `|` too).
fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | ';' | '!' | '?' | '|' | '\n')
}

/// Length of the character at byte `i` of `s`.
/// The byte length of the character at `i` (1 past the end).
fn char_len(s: &str, i: usize) -> usize {
    s[i..].chars().next().map_or(1, char::len_utf8)
}

/// Other wordings of another subject's earlier use than the held-out pages', and negatives that
/// keep the product.
#[cfg(test)]
mod extract74_others_use_tests {
    use super::super::test_support::{assert_none, assert_some, detector};

    #[test]
    fn others_earlier_use_with_a_time_lead_and_a_named_subject_is_no_use() {
        let d = detector();
        assert_none(
            &d,
            "去年，多地政务服务中心、部分区县等已先后接入DeepSeek，用于政策问答。",
            "DeepSeek",
        );
        assert_none(
            &d,
            "早前，省人民医院等已在院内上线文心大模型，辅助病历书写。",
            "Baidu ERNIE",
        );
        assert_none(
            &d,
            "近年来，邻省两所高校曾采用阿里云搭建教学平台。",
            "Alibaba Cloud",
        );
    }

    #[test]
    fn an_existential_subject_before_a_perfective_use_is_no_use() {
        let d = detector();
        assert_none(
            &d,
            "目前不少三甲医院已陆续部署DeepSeek开展智能导诊。",
            "DeepSeek",
        );
        assert_none(
            &d,
            "据了解，国内多家银行已经采购基于通义千问的客服系统。",
            "Alibaba Qwen",
        );
        assert_none(
            &d,
            "另一所高校曾以单一来源方式采购英伟达A800服务器。",
            "NVIDIA A800",
        );
    }

    #[test]
    fn the_buyers_own_use_and_a_bare_time_lead_stay() {
        let d = detector();
        // An own subject in the sentence, before or after the term.
        assert_some(&d, "本院此前已部署DeepSeek，本次扩容推理算力。", "DeepSeek");
        assert_some(
            &d,
            "此前，多家单位已部署DeepSeek，本项目拟同步建设。",
            "DeepSeek",
        );
        assert_some(
            &d,
            "近年来，我校已依托阿里云建设教学平台。",
            "Alibaba Cloud",
        );
        // No named subject: may be the buyer's own equipment.
        assert_some(&d, "此前已采购DeepSeek一体机2台，运行良好。", "DeepSeek");
        // No perfective: a present plan or a purchase.
        assert_some(&d, "部分单位拟依托阿里云开展试点。", "Alibaba Cloud");
        // The subject sits in another sentence.
        assert_some(
            &d,
            "近年来多家医院开展智慧医疗建设。平台已部署DeepSeek模型。",
            "DeepSeek",
        );
    }
}

/// The probe written before any run: sentences where the product IS bought or used, worded
/// like the frames above. None may lose its product.
#[cfg(test)]
mod extract74_probe_tests {
    use super::super::test_support::{detector, names};

    const PROBES: &[(&str, &str)] = &[
        ("本院此前已部署DeepSeek，本次扩容DeepSeek算力。", "DeepSeek"),
        ("参照阿里云报价采购阿里云云服务。", "Alibaba Cloud"),
        ("依托阿里云平台建设本项目。", "Alibaba Cloud"),
        ("我院已陆续部署DeepSeek，现需扩容。", "DeepSeek"),
        (
            "此前，我所已依托百度智能云开展试验，本次继续租用。",
            "Baidu AI Cloud",
        ),
        (
            "近年来，本单位已采购华为昇腾910B服务器8台。",
            "Huawei Ascend",
        ),
        (
            "本项目已有部分单位使用的DeepSeek平台将统一纳管。",
            "DeepSeek",
        ),
        ("采购人此前已上线文心大模型，本期新增应用。", "Baidu ERNIE"),
        ("去年，该院已部署DeepSeek，今年拟扩容。", "DeepSeek"),
        ("此次采购基于DeepSeek的智能问答系统。", "DeepSeek"),
        ("部分学校将依托阿里云开展教学。", "Alibaba Cloud"),
        ("全市中小学将统一使用DeepSeek。", "DeepSeek"),
        ("此前已有部分功能接入DeepSeek，本次全面升级。", "DeepSeek"),
        ("平台已部署DeepSeek-R1模型，供各单位调用。", "DeepSeek"),
        ("多家单位参与投标，中标人将部署DeepSeek。", "DeepSeek"),
        ("近年来，我市已依托阿里云建成城市大脑。", "Alibaba Cloud"),
        (
            "招标人已采购英伟达A800服务器，本次采购配套存储。",
            "NVIDIA A800",
        ),
        ("各单位可通过本平台使用文心大模型。", "Baidu ERNIE"),
        ("早前，甲方已部署DeepSeek，现补充算力。", "DeepSeek"),
        ("项目建成后，全省部分医院将接入DeepSeek。", "DeepSeek"),
        (
            "此前该项目已选用华为昇腾910B，现追加采购。",
            "Huawei Ascend",
        ),
        ("本次拟采购已预装DeepSeek的一体机。", "DeepSeek"),
    ];

    #[test]
    fn probe_figures() {
        let d = detector();
        let wrong: Vec<_> = PROBES
            .iter()
            .filter(|(t, p)| !names(&d, t).iter().any(|n| n.starts_with(p)))
            .collect();
        println!(
            "extract74 probe: {} of {} uses dropped",
            wrong.len(),
            PROBES.len()
        );
        for (t, p) in &wrong {
            println!("DROPPED {p}: {t} -> {:?}", names(&d, t));
        }
        assert!(wrong.is_empty(), "{wrong:?}");
    }
}
