//! Cloud / chip / AI-service mentions, from the vocabulary in `watchlists/`.
//!
//! The vocabulary is data (`products.csv`, `terms.csv`, `context.csv`), so an analyst adds a term
//! without recompiling. Detection runs one Aho-Corasick pass over the normalised text, reporting
//! every candidate (overlapping), checks word boundaries and context rules only at candidates,
//! then keeps the leftmost-longest of the candidates that passed. Choosing among *valid*
//! candidates (rather than letting the automaton pick first) matters: in "RTX 4090 Dual" the
//! longest pattern "rtx 4090 d" fails its boundary and "rtx 4090" must still win.
use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use anyhow::Context;

use crate::model::Mention;

mod headnoun;
mod negscope;
mod notused;
mod pastuse;
mod text;
mod verdict;
mod vocab;

use text::{Normalized, chars_back, chars_forward, is_word_byte, snippet};
use vocab::{ContextWord, FrameReach, Position, Product, Term, Vocabulary};

pub use vocab::{CONTEXT_FILE, PRODUCTS_FILE, TERMS_FILE};

/// Context words count within this many characters either side of a term (products_vocab §6.2:
/// "same row, sentence or ±60 chars"; a table row is one line with cells joined by ` | `).
const WINDOW_CHARS: usize = 60;
/// Characters a frame word ("与…相比") may stand from the term, within one clause.
const FRAME_GAP_CHARS: usize = 12;
/// The reported snippet spans about this many characters either side of the mention.
const SNIPPET_CHARS: usize = 40;

/// A loaded vocabulary, ready to scan text.
pub struct Detector {
    products: Vec<Product>,
    terms: Vec<Term>,
    /// Pattern id → term index.
    term_of_pattern: Vec<usize>,
    /// The term patterns as a contiguous NFA (cheap to build) …
    terms_automaton: AhoCorasick,
    /// … and as a DFA (faster per byte, ~5× the build), built once `TERM_DFA_AFTER_TEXTS`
    /// texts have been searched: a short run never pays for it, a long one soon gains.
    terms_dfa: OnceLock<Option<AhoCorasick>>,
    term_strings: Vec<String>,
    /// Texts searched so far.
    texts_searched: AtomicUsize,
    groups: Vec<String>,
    context: Vec<ContextWord>,
    /// Pattern id → context word index.
    context_of_pattern: Vec<usize>,
    context_automaton: AhoCorasick,
    /// Words that end an organisation's name, and words that cannot stand inside one.
    org_ends: Vec<String>,
    org_breaks: Vec<String>,
    /// Bytes that open some word of `org_ends` or `org_breaks` (all bytes if one is empty): the
    /// text after most terms opens with none, and then no word needs comparing.
    org_word_starts: [bool; 256],
    /// Letter suffixes a `@model` chip code may carry (310P, A800X).
    model_suffixes: Vec<String>,
    /// Words that open a measure against a product ("约为英伟达H100的六成", "不低于A100的60%").
    ratio_openers: Vec<String>,
    /// Purchase verbs: a term bought in its own clause stays despite a later scope note.
    purchase_words: Vec<String>,
    /// Words that may open a scope note's clause and still refer it back ("相关模型", "本期").
    scope_leads: Vec<String>,
    /// Kinds a scope note's clause may open with (现有/原 …, 演示): it refers back only to a term
    /// whose own clause names the same kind.
    kind_leads: Vec<Vec<String>>,
    /// Words naming a bidder (投标人 …): a past-use marker after one is the bidder's experience.
    bidder_words: Vec<String>,
    /// Short qualifiers a comparison word may have before its product ("不低于同配置NVIDIA L40S").
    qualifiers: Vec<String>,
    /// Words for "about" or a floor that may open a count of a term ("约600张", "不少于64张").
    approx_words: Vec<String>,
    /// Words naming this purchase's own subject (本项目, 我院, 原有 …): a past-use marker in
    /// their clause speaks of the buyer's own equipment, which may be use.
    own_words: Vec<String>,
    /// How far each frame's closing word may stand (by frame index).
    frame_reach: Vec<FrameReach>,
    /// Words giving a correction's new wording (替换为 …): a quote after one is not deleted.
    replacement_words: Vec<String>,
    /// Rule, condition and winner words that keep a product a verdict frame would rule out.
    verdict_guards: Vec<String>,
    /// The words of a composed negated scope phrase ("X不纳入本项目建设内容", "不再采用X").
    negated_scope: negscope::NegatedScope,
    /// The head nouns a product's name may modify ("华为云HCIP认证证书", "阿里云授权合作伙伴").
    head_nouns: headnoun::HeadNouns,
    /// Words read in the term's clause by the resale, old-host and unquoted-correction rules.
    clause_words: vocab::ClauseWords,
    /// Another subject's earlier use ("此前，A医院等已陆续部署X"; see `pastuse`).
    others_use: pastuse::OthersUse,
}

/// Characters between a term and a legal-form word that still make one name
/// (智谱 + 华章科技 + 有限公司, 腾讯云 + 计算（北京） + 有限责任公司).
const MAX_NAME_GAP_CHARS: usize = 8;
/// Organisation names compared per page (buyer, agency, suppliers, candidates); more are ignored.
const MAX_NAMES: usize = 64;
/// Characters a term must share with a named organisation beyond itself to be read as that name
/// ("智谱华章排名第一" shares 华章 with 北京智谱华章科技有限公司; "智谱GLM" shares nothing).
const MIN_SHARED_CHARS: usize = 2;

/// A term occurrence that passed its rules, in normalised offsets.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    /// The span reported, including adjacent prefix/suffix anchors.
    start: usize,
    end: usize,
    /// The span of the term itself.
    core_start: usize,
    core_end: usize,
    term: usize,
}

impl Detector {
    /// Load the vocabulary files from a watchlists directory.
    pub fn load(dir: &Path) -> anyhow::Result<Self> {
        let vocab = Vocabulary::load(dir)?;
        let (term_strings, term_of_pattern): (Vec<String>, Vec<usize>) =
            vocab.term_patterns.into_iter().unzip();
        // The term automaton runs once over each page's text, the context automaton over a
        // ±60-character window per candidate (far more often), so the context one is a DFA from
        // the start and the term one only once a run is long enough (`Detector::terms`).
        let terms_automaton = build(&term_strings, AhoCorasickKind::ContiguousNFA)
            .context("building the term automaton")?;
        let (context_strings, context_of_pattern): (Vec<String>, Vec<usize>) =
            vocab.context_patterns.into_iter().unzip();
        let context_automaton = build(&context_strings, AhoCorasickKind::DFA)
            .context("building the context automaton")?;
        Ok(Detector {
            products: vocab.products,
            terms: vocab.terms,
            term_of_pattern,
            terms_automaton,
            terms_dfa: OnceLock::new(),
            term_strings,
            texts_searched: AtomicUsize::new(0),
            groups: vocab.groups,
            context: vocab.context,
            context_of_pattern,
            context_automaton,
            org_word_starts: first_bytes(vocab.org_ends.iter().chain(&vocab.org_breaks)),
            org_ends: vocab.org_ends,
            org_breaks: vocab.org_breaks,
            model_suffixes: vocab.model_suffixes,
            ratio_openers: vocab.ratio_openers,
            purchase_words: vocab.purchase_words,
            scope_leads: vocab.scope_leads,
            kind_leads: vocab.kind_leads,
            bidder_words: vocab.bidder_words,
            qualifiers: vocab.qualifiers,
            approx_words: vocab.approx_words,
            own_words: vocab.own_words,
            frame_reach: vocab.frame_reach,
            replacement_words: vocab.replacement_words,
            verdict_guards: vocab.verdict_guards,
            negated_scope: vocab.negated_scope,
            head_nouns: vocab.head_nouns,
            clause_words: vocab.clause_words,
            others_use: vocab.others_use,
        })
    }

    /// Number of canonical products and of surface-form terms loaded (for logs and checks).
    pub fn size(&self) -> (usize, usize) {
        (self.products.len(), self.terms.len())
    }

    /// The names of the context groups (anchors and exclusions) loaded from `context.csv`.
    pub fn context_groups(&self) -> &[String] {
        &self.groups
    }

    /// Every mention in a notice's text: one per canonical name (its first occurrence), in
    /// order of first appearance.
    pub fn detect(&self, text: &str) -> Vec<Mention> {
        self.detect_with_names(text, &[])
    }

    /// [`Detector::detect`], where a term that is part of an organisation's name is no mention:
    /// part of one of `names` (the notice's buyer, agency, suppliers, candidates), or followed
    /// within the same name by a legal-form word from `context.csv` (北京智谱华章科技有限公司).
    pub fn detect_with_names(&self, text: &str, names: &[&str]) -> Vec<Mention> {
        let norm = Normalized::new(text);
        let hay = norm.text.as_str();
        let names: Vec<String> = names
            .iter()
            .take(MAX_NAMES)
            .map(|n| Normalized::new(n).text)
            .filter(|n| !n.is_empty())
            .collect();
        let mut candidates = Vec::new();
        let mut vetoes: Vec<(usize, usize)> = Vec::new();
        let mut context = ContextHits::default();
        for m in self.terms().find_overlapping_iter(hay) {
            let Some(&term) = self.term_of_pattern.get(m.pattern().as_usize()) else {
                continue;
            };
            if let Some(c) = self.accept(hay, m.start(), m.end(), term, &mut vetoes, &mut context)
                && !self.in_org_name(&c, hay, &names)
            {
                candidates.push(c);
            }
        }
        // A term inside a vetoed one is vetoed with it: in "不低于GPT-4水平" the comparison that
        // vetoes GPT-4 also covers the GPT inside it.
        if !vetoes.is_empty() {
            vetoes.sort_unstable();
            let mut reach = Vec::with_capacity(vetoes.len());
            let mut furthest = 0;
            for &(_, e) in &vetoes {
                furthest = furthest.max(e);
                reach.push(furthest);
            }
            candidates.retain(|c| {
                let n = vetoes.partition_point(|&(s, _)| s <= c.core_start);
                !(n > 0 && reach[n - 1] >= c.core_end)
            });
        }
        // A term inside a longer accepted term ("Gaudi" in "Gaudi 2", "世纪互联" in "由世纪互联运营的
        // Microsoft Azure") gives way to it, even when an anchor made its reported span start earlier.
        candidates.sort_by(|a, b| {
            a.core_start
                .cmp(&b.core_start)
                .then(b.core_end.cmp(&a.core_end))
        });
        let mut widest: Option<(usize, usize)> = None;
        candidates.retain(|c| {
            let inside = widest
                .is_some_and(|(s, e)| e > c.core_end || (e == c.core_end && s < c.core_start));
            if widest.is_none_or(|(_, e)| c.core_end > e) {
                widest = Some((c.core_start, c.core_end));
            }
            !inside
        });
        // Then leftmost-longest among the reported spans. A term that is another's anchor gives
        // way to it even when an anchor of its own ("8×" of "8×昇腾") made its span start earlier:
        // in "8×昇腾910B" the span of 910B (昇腾910B) holds all of 昇腾, so 910B is kept and its
        // span takes in the count.
        candidates.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut kept: Vec<Candidate> = Vec::with_capacity(candidates.len());
        for c in candidates {
            match kept.last_mut() {
                Some(k) if c.start < k.end => {
                    if c.end > k.end && c.start <= k.core_start && k.core_end <= c.end {
                        *k = Candidate {
                            start: k.start,
                            ..c
                        };
                    }
                }
                _ => kept.push(c),
            }
        }
        let candidates = kept;
        // A generic name (思元 → Cambricon MLU) says less than a member of its family found in the
        // same text (思元370 → Cambricon MLU370): only the member is reported.
        let families: std::collections::HashSet<usize> = candidates
            .iter()
            .filter_map(|c| self.terms.get(c.term))
            .flat_map(|t| &t.products)
            .filter_map(|&p| self.products.get(p).and_then(|p| p.family))
            .collect();
        let mut mentions: Vec<Mention> = Vec::new();
        for c in candidates {
            let (start, end) = (norm.original_offset(c.start), norm.original_offset(c.end));
            let Some(found) = text.get(start..end) else {
                continue;
            };
            let Some(term) = self.terms.get(c.term) else {
                continue;
            };
            for &p in &term.products {
                let Some(product) = self.products.get(p) else {
                    continue;
                };
                if families.contains(&p) || mentions.iter().any(|m| m.name == product.name) {
                    continue;
                }
                mentions.push(Mention {
                    category: product.category,
                    name: product.name.clone(),
                    origin: product.origin,
                    controlled: product.controlled,
                    text: found.to_string(),
                    context: snippet(text, start, end, SNIPPET_CHARS),
                    attachment: None,
                });
            }
        }
        mentions
    }

    /// Check boundaries and context rules for one occurrence; the accepted span may grow to
    /// take in an adjacent prefix/suffix anchor ("NV A100", "A100 80G") or an instance size.
    fn accept(
        &self,
        hay: &str,
        start: usize,
        mut end: usize,
        term_index: usize,
        vetoes: &mut Vec<(usize, usize)>,
        context: &mut ContextHits,
    ) -> Option<Candidate> {
        let term = self.terms.get(term_index)?;
        let bytes = hay.as_bytes();
        if term.left_bounded && !left_boundary(bytes, start) {
            return None;
        }
        let rule = &term.rule;
        // The end of the model code itself: a letter suffix ("310P") widens only the reported
        // span, so an exact longer term (910B, A100X) still wins over the code with its suffix.
        let mut suffix_end = end;
        if term.right_bounded && !right_boundary(bytes, end) {
            suffix_end = end + self.model_suffix_len(bytes, end, rule.model)?;
        }
        if rule.instance {
            let tail = bytes[end..]
                .iter()
                .take_while(|b| is_word_byte(**b) || matches!(b, b'.' | b'-' | b'_'))
                .count();
            let suffix = &hay[end..end + tail];
            if rule.needs_size && !(suffix.contains("large") || suffix.contains("metal")) {
                return None;
            }
            end += suffix.trim_end_matches(['.', '-', '_']).len();
        }
        let core_end = end;
        let end = end.max(suffix_end);
        if rule.requires.is_empty() && rule.excludes.is_empty() {
            return Some(Candidate {
                start,
                end,
                core_start: start,
                core_end,
                term: term_index,
            });
        }

        let from = chars_back(hay, start, WINDOW_CHARS);
        let to = chars_forward(hay, end, WINDOW_CHARS);
        let mut satisfied = rule.requires.is_empty();
        // Prefix / suffix anchors of a required group, placed anywhere in the window for now;
        // those that chain up to the term ("AMD Instinct MI300X", "A100-SXM4-80GB") widen it.
        let mut prefixes: Vec<(usize, usize)> = Vec::new();
        let mut suffixes: Vec<(usize, usize)> = Vec::new();
        // Ends of excluding prefixes and starts of excluding suffixes.
        let mut vetoing_prefixes: Vec<usize> = Vec::new();
        let mut vetoing_suffixes: Vec<usize> = Vec::new();
        // Ends of excluding prefixes that also govern a count of the term, and of example
        // words that govern every item of a list after them.
        let mut counting_prefixes: Vec<usize> = Vec::new();
        let mut example_prefixes: Vec<usize> = Vec::new();
        // Frame words of excluding groups: (frame, end of the opening word) and (frame, start
        // of the closing word).
        let mut frame_opens: Vec<(usize, usize)> = Vec::new();
        let mut frame_closes: Vec<(usize, usize)> = Vec::new();
        // Closing words of `leadframe` frames, which stand before the term: (frame, start, end).
        let mut lead_closes: Vec<(usize, usize, usize)> = Vec::new();
        // Ends of deletion words before the term ("删除…“…”").
        let mut deletions: Vec<usize> = Vec::new();
        // Starts of correction markers after the term ("”，此处内容调整").
        let mut superseded: Vec<usize> = Vec::new();
        // Starts and ends of scope notes after the term ("不在本次采购范围内").
        let mut scope_notes: Vec<(usize, usize)> = Vec::new();
        // Starts of bracketed notes after the term ("（不作为品牌要求）").
        let mut bracket_notes: Vec<usize> = Vec::new();
        // Starts and ends of past-use markers before the term ("曾较多采用").
        let mut past_prefixes: Vec<(usize, usize)> = Vec::new();
        // Starts of share-price words after the term ("股价").
        let mut share_words: Vec<usize> = Vec::new();
        // Ends of `near` anchors of a required group, and starts of every share-price word: a
        // maker's name before one ("英伟达股价下跌") is market news and anchors no product.
        let mut near_anchors: Vec<usize> = Vec::new();
        let mut any_share_words: Vec<usize> = Vec::new();
        // Starts and ends of negators after the term; ends of negators before it, and of those
        // taking their object first ("不将").
        let mut negators_after: Vec<(usize, usize)> = Vec::new();
        let mut negators_before: Vec<usize> = Vec::new();
        let mut object_negators: Vec<usize> = Vec::new();
        // Opening and verdict words of `verdictframe` frames (either side of the term).
        let mut verdict = verdict::VerdictWords {
            opens: Vec::new(),
            closes: Vec::new(),
        };
        for &(s, e, pattern) in context.within(&self.context_automaton, hay, from, to) {
            let mut e = e;
            let Some(word) = self
                .context_of_pattern
                .get(pattern)
                .and_then(|&i| self.context.get(i))
            else {
                continue;
            };
            if (word.left_bounded && !left_boundary(bytes, s))
                || (word.right_bounded && !right_boundary(bytes, e))
            {
                continue;
            }
            // A context word inside the term itself ("gpu" in "a3-highgpu") says nothing.
            if s < end && e > start {
                continue;
            }
            if word.wildcard {
                // "sxm*" stands for the whole word "SXM4".
                e += bytes[e..].iter().take_while(|b| is_word_byte(**b)).count();
            }
            if matches!(word.position, Position::ShareSuffix) {
                any_share_words.push(s);
            }
            if rule.excludes.contains(&word.group) {
                match word.position {
                    Position::FrameOpen(f) | Position::FrameClose(f)
                        if self.frame_reach.get(f) == Some(&FrameReach::Verdict) =>
                    {
                        match word.position {
                            Position::FrameOpen(_) if e <= start || s >= end => {
                                verdict.opens.push((f, s, e))
                            }
                            Position::FrameClose(_) if s >= end => verdict.closes.push((f, s, e)),
                            _ => {}
                        }
                    }
                    Position::Near => {
                        vetoes.push((start, end));
                        return None;
                    }
                    // Checked against the widened span below ("对标英伟达A100").
                    Position::Prefix if e <= start => vetoing_prefixes.push(e),
                    Position::Suffix if s >= end => vetoing_suffixes.push(s),
                    Position::CountPrefix if e <= start => counting_prefixes.push(e),
                    Position::ExamplePrefix if e <= start => example_prefixes.push(e),
                    Position::FrameOpen(f) if e <= start => frame_opens.push((f, e)),
                    Position::FrameClose(f) if s >= end => frame_closes.push((f, s)),
                    Position::FrameClose(f) if e <= start => lead_closes.push((f, s, e)),
                    Position::Deletion if e <= start => deletions.push(e),
                    Position::Superseded if s >= end => superseded.push(s),
                    Position::Scope if s >= end => scope_notes.push((s, e)),
                    Position::Note if s >= end => bracket_notes.push(s),
                    Position::PastPrefix if e <= start => past_prefixes.push((s, e)),
                    Position::ShareSuffix if s >= end => share_words.push(s),
                    Position::Negator if s >= end => negators_after.push((s, e)),
                    Position::Negator if e <= start => negators_before.push(e),
                    Position::NegatorObject if e <= start => object_negators.push(e),
                    _ => {}
                }
            }
            if rule.requires.contains(&word.group) {
                match word.position {
                    Position::Near => near_anchors.push(e),
                    Position::Prefix if e <= start => prefixes.push((s, e)),
                    Position::Suffix if s >= end => suffixes.push((s, e)),
                    _ => {}
                }
            }
        }
        satisfied |= near_anchors.iter().any(|&e| {
            !any_share_words
                .iter()
                .any(|&s| s >= e && name_tail(&hay[e..s]))
        });
        let (mut new_start, mut new_end) = (start, end);
        while let Some(&(s, _)) = prefixes
            .iter()
            .find(|&&(s, e)| s < new_start && e <= new_start && only_separators(&hay[e..new_start]))
        {
            new_start = s;
        }
        while let Some(&(_, e)) = suffixes
            .iter()
            .find(|&&(s, e)| e > new_end && s >= new_end && only_separators(&hay[new_end..s]))
        {
            new_end = e;
        }
        // The compound the term opens: a certificate, a partner status, a share price … of it
        // ("华为云HCIP-AI认证证书", "阿里云授权合作伙伴") is no use; a partner status required of
        // the bidder ("投标人须为X授权合作伙伴") stays, whatever partner frame surrounds it.
        let head = if self.head_nouns.serves(&rule.excludes) {
            let after = new_end.max(end).min(to);
            self.head_nouns.read(&hay[from..start], &hay[after..to])
        } else {
            headnoun::Reading::Open
        };
        if head == headnoun::Reading::RequiredPartner {
            frame_opens.clear();
        }
        let vetoed = vetoing_prefixes.iter().any(|&e| {
            [start, new_start].iter().any(|&at| {
                e <= at
                    && (only_separators(&hay[e..at])
                        || list_items(&hay[e..at])
                        || qualified(&hay[e..at], &self.qualifiers))
            })
        }) || counting_prefixes.iter().any(|&e| {
            [start, new_start].iter().any(|&at| {
                e <= at
                    && (only_separators(&hay[e..at])
                        || list_items(&hay[e..at])
                        || count_of(&hay[e..at], &self.approx_words)
                        || qualified(&hay[e..at], &self.qualifiers))
            })
        }) || (example_prefixes.iter().any(|&e| {
            [start, new_start]
                .iter()
                .any(|&at| e <= at && example_stretch(&hay[e..at]))
                // "如智谱GLM": the maker before the term is a term of the same product itself.
                || (e <= start && self.same_product_term(&hay[e..start], term_index))
        }) && !words_in_clause(
            &hay[new_end.max(end)..],
            &self.clause_words.resale,
        )) || vetoing_suffixes.iter().any(|&s| {
            [end, new_end]
                .iter()
                .any(|&at| s >= at && only_separators(&hay[at..s]))
        }) || frame_opens.iter().any(|&(f, e)| {
            let after = new_end.max(end);
            match self.frame_reach.get(f) {
                Some(&reach @ (FrameReach::Lead | FrameReach::SentLead)) => {
                    lead_closes.iter().any(|&(g, cs, ce)| {
                        g == f
                            && e <= cs
                            && if reach == FrameReach::Lead {
                                in_clause(&hay[e..cs])
                            } else {
                                other_subject_sentence(&hay[e..cs], &self.own_words)
                            }
                            && [start, new_start].iter().any(|&at| {
                                ce <= at
                                    && (only_separators(&hay[ce..at])
                                        || qualified(&hay[ce..at], &self.qualifiers))
                            })
                            && !own_clause(&hay[from..cs], &self.own_words, &self.bidder_words)
                    })
                }
                // A prohibition over a list of outside products ("不得接入X等境外大模型接口").
                Some(FrameReach::Ban) => {
                    banned_stretch(&hay[e..new_start.min(start).max(e)])
                        && frame_closes
                            .iter()
                            .any(|&(g, s)| g == f && s >= after && later_items(&hay[after..s]))
                }
                // An old system's host, in a bracket, migrated off ("原X系统（部署于Y）数据迁移").
                // A closing word of the frame before the bracket ("原有业务迁移至政务云（X）")
                // makes the bracket the new host's, not the old system's.
                Some(FrameReach::Bracket) => {
                    let between = &hay[e..new_start.min(start).max(e)];
                    (in_bracket_of(between) || hosted_on(between, &self.clause_words.host_verbs))
                        && !lead_closes.iter().any(|&(g, cs, _)| g == f && cs >= e)
                        && frame_closes
                            .iter()
                            .any(|&(g, s)| g == f && s >= after && !sentence_break(&hay[after..s]))
                }
                // A refused question ("能否采用X投标？答：不接受").
                Some(FrameReach::Answer) => {
                    in_clause(&hay[e..new_start.min(start).max(e)])
                        && frame_closes
                            .iter()
                            .any(|&(g, s)| g == f && s >= after && refused(&hay[after..s]))
                }
                // "对本项目租用的X资源使用情况开展检查": a product stated as this purchase's
                // own is not the frame's outside object.
                Some(&reach) => {
                    let between = &hay[e..new_start.min(start).max(e)];
                    in_clause(between)
                        && !own_purchase(between, &self.own_words, &self.purchase_words)
                        // "参会人员通过X会议系统参加大会": the means of a near frame.
                        && !(reach == FrameReach::Near
                            && means_of_other_head(between, &self.clause_words.means_verbs))
                        && frame_closes.iter().any(|&(g, s)| {
                            let gap = &hay[after.min(s)..s];
                            g == f
                                && match reach {
                                    FrameReach::Clause => !gap.contains(is_clause_mark),
                                    FrameReach::Sentence => !sentence_break(gap),
                                    _ => in_clause(gap),
                                }
                        })
                }
                None => false,
            }
        }) || deletions
            .iter()
            .any(|&e| deleted_quote(&hay[e..start], &self.replacement_words))
            || superseded.iter().any(|&s| {
                replaced_quote(&hay[end.max(new_end).min(s)..s])
                    || unquoted_correction(
                        &hay[from..new_start.min(start)],
                        &hay[end.max(new_end).min(s)..s],
                        &self.clause_words.correction_leads,
                    )
            })
            || ratio_comparison(
                &hay[..new_start.min(start)],
                &hay[new_end.max(end)..],
                &self.ratio_openers,
            )
            || scope_notes.iter().any(|&(s, e)| {
                out_of_scope(
                    &hay[from..start],
                    &hay[end.max(new_end).min(s)..s],
                    &hay[e..],
                    &self.purchase_words,
                    &self.scope_leads,
                    &self.kind_leads,
                )
            })
            || bracket_notes
                .iter()
                .any(|&s| in_bracket_after(&hay[end.max(new_end).min(s)..s]))
            || past_prefixes.iter().any(|&(s, e)| {
                [start, new_start].iter().any(|&at| {
                    e <= at
                        && (only_separators(&hay[e..at])
                            || qualified(&hay[e..at], &self.qualifiers))
                }) && !own_clause(&hay[from..s], &self.own_words, &self.bidder_words)
            })
            || share_words.iter().any(|&s| {
                [end, new_end]
                    .iter()
                    .any(|&at| s >= at && name_tail(&hay[at..s]))
            })
            || negators_after.iter().any(|&(s, e)| {
                self.negated_scope
                    .note_after(&hay[from..e], &hay[e..])
                    .is_some_and(|v| {
                        out_of_scope(
                            &hay[from..start],
                            &hay[end.max(new_end).min(s)..s],
                            &hay[e + v..],
                            &self.purchase_words,
                            &self.scope_leads,
                            &self.kind_leads,
                        )
                    })
            })
            || negators_before.iter().any(|&e| {
                [start, new_start].iter().any(|&at| {
                    e <= at
                        && self.negated_scope.before_term(
                            &hay[from..e],
                            &hay[e..at],
                            &hay[end.max(new_end)..],
                            &self.qualifiers,
                        )
                })
            })
            || verdict.rules_out(
                hay,
                from,
                new_start.min(start),
                new_end.max(end),
                &verdict::VerdictLists {
                    guards: &self.verdict_guards,
                    bidders: &self.bidder_words,
                    purchases: &self.purchase_words,
                    other_product: &|clause: &str| self.names_other_product(clause, term_index),
                },
            )
            || object_negators.iter().any(|&e| {
                [start, new_start].iter().any(|&at| {
                    e <= at
                        && self.negated_scope.object_first(
                            &hay[from..e],
                            &hay[e..at],
                            &hay[end.max(new_end)..],
                            &self.qualifiers,
                        )
                })
            });
        let vetoed = vetoed
            || (self.others_use.serves(&rule.excludes)
                && self
                    .others_use
                    .others_before(&hay[from..new_start.min(start)], &hay[new_end.max(end)..to]));
        if vetoed || head == headnoun::Reading::NotUse {
            vetoes.push((start, end));
            return None;
        }
        satisfied |= new_start < start || new_end > end;
        satisfied.then_some(Candidate {
            start: new_start,
            end: new_end,
            core_start: start,
            core_end,
            term: term_index,
        })
    }
}

impl Detector {
    /// Length of a letter suffix (`model` rows of `context.csv`) right after a `@model` code at
    /// `end`, if one stands there and ends a word: "310p" takes "p", "3100" and "310pq" take none.
    fn model_suffix_len(&self, bytes: &[u8], end: usize, model: bool) -> Option<usize> {
        if !model {
            return None;
        }
        let rest = bytes.get(end..)?;
        self.model_suffixes
            .iter()
            .map(|w| w.as_bytes())
            .filter(|w| rest.starts_with(w) && right_boundary(bytes, end + w.len()))
            .map(<[u8]>::len)
            .max()
    }

    /// True if the term at `start..end` of `hay` stands inside an organisation's name.
    fn in_org_name(&self, c: &Candidate, hay: &str, names: &[String]) -> bool {
        let (start, end) = (c.core_start, c.core_end);
        if self.terms.get(c.term).is_none_or(|t| t.rule.company) {
            return false;
        }
        // A legal-form word closes a run of Han characters (or a bracketed place) after the term.
        let mut pos = end;
        for _ in 0..=MAX_NAME_GAP_CHARS {
            let rest = &hay[pos..];
            let may_open = rest
                .as_bytes()
                .first()
                .is_none_or(|&b| self.org_word_starts[usize::from(b)]);
            if may_open && self.org_ends.iter().any(|w| rest.starts_with(w.as_str())) {
                return true;
            }
            if may_open && self.org_breaks.iter().any(|w| rest.starts_with(w.as_str())) {
                break;
            }
            match rest.chars().next() {
                Some(c) if is_han(c) || "()（）".contains(c) => pos += c.len_utf8(),
                _ => break,
            }
        }
        // Or the text around the term goes on as a named organisation does around it.
        let Some(core) = hay.get(start..end).filter(|c| !c.is_empty()) else {
            return false;
        };
        // Most terms are ASCII and most names Han: a name without the term's first byte holds
        // no occurrence, and then no substring searcher is set up for it.
        let Some(&lead) = core.as_bytes().first() else {
            return false;
        };
        names.iter().any(|name| {
            memchr::memchr(lead, name.as_bytes()).is_some()
                && name.match_indices(core).any(|(i, _)| {
                    let right = shared_prefix(&name[i + core.len()..], &hay[end..]);
                    let left = shared_suffix(&name[..i], &hay[..start]);
                    left + right >= MIN_SHARED_CHARS
                })
        })
    }
}

/// The context words found so far in one text, so that the ±60-character windows of
/// neighbouring terms (a table row holds several) are searched once, not once per term.
#[derive(Default)]
struct ContextHits {
    /// `(start, end, pattern)` of every context word lying wholly in `from..to`, in the order
    /// an overlapping search reports them (by end, then the automaton's order at that end).
    hits: Vec<(usize, usize, usize)>,
    from: usize,
    to: usize,
}

impl ContextHits {
    /// The context words lying wholly in `hay[from..to]`, in the order an overlapping search of
    /// that slice reports them. Windows arrive roughly left to right; one that starts inside the
    /// searched stretch only extends it, any other starts a new one.
    fn within(
        &mut self,
        automaton: &AhoCorasick,
        hay: &str,
        from: usize,
        to: usize,
    ) -> impl Iterator<Item = &(usize, usize, usize)> {
        if from < self.from || from > self.to {
            self.hits.clear();
            (self.from, self.to) = (from, from);
        }
        if to > self.to {
            // A word ending after `self.to` starts at most `max_pattern_len - 1` bytes before
            // it; the words ending earlier are in `hits` already. The automaton reports, at
            // each end, the words of its state in one fixed order, of which a search started
            // later reports a tail, so the order stays that of one search over the window.
            let at = self
                .to
                .saturating_sub(automaton.max_pattern_len().saturating_sub(1))
                .max(self.from);
            let done = self.to;
            let bytes = hay.as_bytes().get(at..to).unwrap_or_default();
            self.hits.extend(
                automaton
                    .find_overlapping_iter(bytes)
                    .map(|m| (at + m.start(), at + m.end(), m.pattern().as_usize()))
                    .filter(|&(_, e, _)| e > done),
            );
            self.to = to;
        }
        // Hits are sorted by end, and a word in the window ends after `from`.
        let first = self.hits.partition_point(|&(_, e, _)| e <= from);
        self.hits[first..]
            .iter()
            .take_while(move |&&(_, e, _)| e <= to)
            .filter(move |&&(s, _, _)| s >= from)
    }
}

/// A table of the first bytes of `words`; every byte when a word is empty (it opens anything).
fn first_bytes<'a>(words: impl Iterator<Item = &'a String>) -> [bool; 256] {
    let mut table = [false; 256];
    for w in words {
        match w.as_bytes().first() {
            Some(&b) => table[usize::from(b)] = true,
            None => return [true; 256],
        }
    }
    table
}

/// Characters `a` and `b` share at their starts.
fn shared_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Characters `a` and `b` share at their ends.
fn shared_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn is_han(c: char) -> bool {
    crate::parse::labels::is_han(c)
}

/// Texts searched with the term NFA before its DFA is built. Measured with callgrind on the WARC
/// corpus (2026-12-02): the DFA costs ~98 M instructions more to build than the NFA (and 5 MB)
/// and saves 36–150 k per page searched (more on longer pages), so it pays for itself after
/// some 650–2,700 pages. A run of a few dozen pages (a daily cron run) is cheapest without it; a
/// long run builds it early and pays only the NFA's build (~22 M) and these texts' searches extra.
const TERM_DFA_AFTER_TEXTS: usize = 64;

impl Detector {
    /// The term automaton for the next text: the NFA, or the DFA once the run is long enough
    /// (both report the same matches in the same order).
    fn terms(&self) -> &AhoCorasick {
        if let Some(Some(dfa)) = self.terms_dfa.get() {
            return dfa;
        }
        if self.texts_searched.fetch_add(1, Ordering::Relaxed) < TERM_DFA_AFTER_TEXTS {
            return &self.terms_automaton;
        }
        self.terms_dfa
            .get_or_init(|| build(&self.term_strings, AhoCorasickKind::DFA).ok())
            .as_ref()
            .unwrap_or(&self.terms_automaton)
    }
}

impl Detector {
    /// `s` is, whole, a vocabulary term naming the same product as term `term` (the maker's name
    /// before a model's: "智谱" before "GLM"). One automaton pass over a short stretch.
    /// `s` (one short clause) holds a term of a product other than `term`'s.
    fn names_other_product(&self, s: &str, term: usize) -> bool {
        let Some(products) = self.terms.get(term).map(|t| &t.products) else {
            return false;
        };
        self.terms_automaton.find_overlapping_iter(s).any(|m| {
            self.term_of_pattern
                .get(m.pattern().as_usize())
                .and_then(|&i| self.terms.get(i))
                .is_some_and(|t| !t.products.iter().any(|p| products.contains(p)))
        })
    }

    fn same_product_term(&self, s: &str, term: usize) -> bool {
        if s.is_empty() || s.len() > MAX_MAKER_BYTES {
            return false;
        }
        let Some(products) = self.terms.get(term).map(|t| &t.products) else {
            return false;
        };
        self.terms_automaton.find_overlapping_iter(s).any(|m| {
            m.start() == 0
                && m.end() == s.len()
                && self
                    .term_of_pattern
                    .get(m.pattern().as_usize())
                    .and_then(|&i| self.terms.get(i))
                    .is_some_and(|t| t.products.iter().any(|p| products.contains(p)))
        })
    }
}

/// Build a standard (overlapping-capable) automaton; we choose among matches ourselves.
fn build(patterns: &[String], kind: AhoCorasickKind) -> anyhow::Result<AhoCorasick> {
    Ok(AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .kind(Some(kind))
        .build(patterns)?)
}

/// The term is a yardstick of a ratio: in one short clause, a ratio opener (`ratio` rows of
/// `context.csv`) before it and
/// "的" + a fraction or multiple after it ("约为英伟达H100的六成", "达到A100性能的80%", "是H20
/// 的2倍"). A measure against a product is a comparison, not use. Only
/// [`FRAME_GAP_CHARS`] characters either side are read.
fn ratio_comparison(before: &str, after: &str, openers: &[String]) -> bool {
    // Without a 的 in reach after the term there is no ratio: checked first, as nearly every
    // term has none, and the openers' searches before it cost far more.
    if !after.chars().take(FRAME_GAP_CHARS + 6).any(|c| c == '的') {
        return false;
    }
    let back: String = {
        let mut v: Vec<char> = before
            .chars()
            .rev()
            .take(FRAME_GAP_CHARS)
            .take_while(|c| !is_clause_mark(*c))
            .collect();
        v.reverse();
        v.into_iter().collect()
    };
    if !openers.iter().any(|w| back.contains(w.as_str())) {
        return false;
    }
    // A decimal point ("2.5倍") is no clause mark.
    let near: Vec<char> = after.chars().take(FRAME_GAP_CHARS + 6).collect();
    let clause_end = (0..near.len())
        .find(|&i| {
            is_clause_mark(near[i])
                && !(near[i] == '.'
                    && i > 0
                    && near[i - 1].is_ascii_digit()
                    && near.get(i + 1).is_some_and(char::is_ascii_digit))
        })
        .unwrap_or(near.len());
    let ahead: String = near[..clause_end].iter().collect();
    ahead
        .match_indices('的')
        .any(|(i, _)| is_ratio(&ahead[i + '的'.len_utf8()..]))
}

/// Sentence ends of normalised text: a scope note speaks only of its own sentence.
const SENTENCE_ENDS: [char; 7] = ['。', '.', ';', '!', '?', '|', '\n'];

/// A scope note after a term ("不在本次采购范围内") puts the term outside the purchase when it
/// stands in the term's sentence (`between`, within the window), is said of what came before it
/// (not "不在本次采购范围内的Y…", where `after` opens with (内)的), governs the term's clause (see
/// [`note_reaches_back`]), and the term's own clause in `before` buys nothing ("本项目采购X，Kimi
/// 仅作对比，不在本次采购范围内" keeps X).
fn out_of_scope(
    before: &str,
    between: &str,
    after: &str,
    purchase_words: &[String],
    scope_leads: &[String],
    kind_leads: &[Vec<String>],
) -> bool {
    let clause = before
        .rfind(is_clause_mark)
        .map_or(before, |i| &before[i..]);
    // The term's own clause: its part before the term and after it up to a clause break.
    let rest = between
        .find(is_clause_mark)
        .map_or(between, |i| &between[..i]);
    // "范围" is often closed by "内" ("不在本次采购范围内的Y"); a decimal point ("Claude 3.5")
    // between them ends no sentence.
    if sentence_break(between)
        || after.trim_start_matches('内').starts_with('的')
        || !note_reaches_back(between, [clause, rest], scope_leads, kind_leads)
    {
        return false;
    }
    !purchase_words.iter().any(|w| clause.contains(w.as_str()))
}

/// A scope note reaches the term across the clause breaks of `between` (term to note) only when
/// its own clause names no subject of its own: the note opens it ("…X…，不属于本次采购内容"), or a
/// word referring back does (`scope_leads`: "相关模型…", "本期未开通"). "部署X，培训场地不作为
/// 采购内容" speaks of the venue only. With no clause break the term is in the note's clause.
/// A lead naming a kind of thing (`kind_leads`: 现有/原 …, 演示) refers back only when the term's
/// own clause (`term_clause`, its parts before and after the term) names that kind too: "现有X
/// 服务器…，原服务器不纳入…" but not "升级现有平台，新增X服务，原服务器不纳入…".
fn note_reaches_back(
    between: &str,
    term_clause: [&str; 2],
    scope_leads: &[String],
    kind_leads: &[Vec<String>],
) -> bool {
    let b = between.as_bytes();
    // A decimal point ("Claude 3.5") breaks no clause; an opening bracket starts the note's
    // clause ("X…（不涉及采购或使用）").
    let mut breaks = between.rmatch_indices(|c: char| is_clause_mark(c) || c == '(' || c == '（');
    let Some((i, m)) = breaks.find(|&(i, m)| {
        m != "."
            || !(i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit))
    }) else {
        return true;
    };
    let lead = between[i + m.len()..].trim_start_matches([' ', '\t']);
    lead.is_empty()
        || scope_leads.iter().any(|w| lead.starts_with(w.as_str()))
        || kind_leads.iter().any(|kind| {
            kind.iter().any(|w| lead.starts_with(w.as_str()))
                && kind
                    .iter()
                    .any(|w| term_clause.iter().any(|part| part.contains(w.as_str())))
        })
}

/// The clause ending at a past-use marker (`before`, within the window) names this purchase's
/// own subject ("本项目曾采用X": the buyer's own equipment, perhaps extended now), and no bidder
/// after it ("本项目要求投标人具有使用过X的业绩" is the bidder's experience).
fn own_clause(before: &str, own_words: &[String], bidder_words: &[String]) -> bool {
    let clause = before
        .rfind(is_clause_mark)
        .map_or(before, |i| &before[i..]);
    let last = |words: &[String]| words.iter().filter_map(|w| clause.rfind(w.as_str())).max();
    match (last(own_words), last(bidder_words)) {
        (Some(own), Some(bidder)) => own > bidder,
        (own, _) => own.is_some(),
    }
}

/// The stretch from a frame's opening word to the term (`between`) ends with this purchase's
/// own acquisition of it: an own word, a later purchase verb and a final 的 ("本项目租用的",
/// "本次采购的"), so the term is the buyer's product, not the frame's outside object.
fn own_purchase(between: &str, own_words: &[String], purchase_words: &[String]) -> bool {
    let Some(rest) = between.trim_end_matches(' ').strip_suffix('的') else {
        return false;
    };
    let Some(own) = own_words.iter().filter_map(|w| rest.find(w.as_str())).min() else {
        return false;
    };
    purchase_words
        .iter()
        .any(|w| rest[own..].contains(w.as_str()))
}

/// `between` (a frame's opening word to the term) ends with a means verb (`meansverb`) after
/// a word of its own ("参会人员通过"): the opening word governs that word and the term is the
/// means of its action. A means verb right after the opening word ("与通过X调用相比") is the
/// frame's object itself and says nothing.
fn means_of_other_head(between: &str, means_verbs: &[String]) -> bool {
    let head = between.trim_end_matches(' ');
    means_verbs.iter().any(|w| {
        head.strip_suffix(w.as_str())
            .is_some_and(|rest| !rest.trim().is_empty())
    })
}

/// Labels opening the answer to a supplier's question ("答1：", "答复：").
const ANSWER_LABELS: [&str; 3] = ["答复", "回复", "答"];

/// The stretch from the term to a refusal word (`gap`, within the window) ends the term's
/// question ('?') and then holds only the answer's label, its number and a colon: the refusal
/// answers the question that names the term ("能否采用X投标？答1：不接受").
fn refused(gap: &str) -> bool {
    let Some(q) = gap.find('?') else {
        return false;
    };
    if sentence_break(&gap[..q]) {
        return false;
    }
    let answer = gap[q + 1..].trim_start_matches([' ', '\t', '\n']);
    let Some(rest) = ANSWER_LABELS.iter().find_map(|l| answer.strip_prefix(l)) else {
        return false;
    };
    rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ')
        .trim_start_matches(':')
        .trim_start_matches(' ')
        .is_empty()
}

/// `s` holds a sentence end; a decimal point ("第2.4条", "2.5倍") is none.
fn sentence_break(s: &str) -> bool {
    let b = s.as_bytes();
    s.match_indices(SENTENCE_ENDS).any(|(i, m)| {
        m != "."
            || !(i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit))
    })
}

/// The stretch from a deletion word to the term (`between`, within the window) stays in one
/// sentence, opens a quote that is still open at the term, and gives no new wording (a
/// `replacement` word: "删除…，替换为“…X…”" keeps X): the term is in the wording a correction
/// deletes ("删除…第2.4条中“GPU须采用NVIDIA A800或同等性能产品”的表述").
fn deleted_quote(between: &str, replacements: &[String]) -> bool {
    if sentence_break(between) || replacements.iter().any(|w| between.contains(w.as_str())) {
        return false;
    }
    let open = between.rfind(['“', '「', '『']);
    let close = between.rfind(['”', '」', '』']);
    let curly_open = open.is_some_and(|o| close.is_none_or(|c| c < o));
    curly_open || between.matches('"').count() % 2 == 1
}

/// The stretch from the term to a correction's marker (`between`, within the window) closes the
/// quote the term stands in, and only a comma or spaces follow the quote before the marker: the
/// term is in the old wording ("第3.2条“平台部署于X或Y资源池”，此处内容调整，调整后内容为“…Y…”"
/// drops X; the new quote after the marker keeps Y). A short bracketed reason may stand between
/// the quote and the marker ("“…X…”（因需求调整），此处内容调整，…").
fn replaced_quote(between: &str) -> bool {
    let Some(close) = between.find(['”', '」', '』']) else {
        return false;
    };
    let (inside, rest) = between.split_at(close);
    let rest = rest.char_indices().nth(1).map_or("", |(i, _)| &rest[i..]);
    let separator = |c: char| matches!(c, ',' | ' ' | '、');
    let rest = rest.trim_start_matches(separator);
    // One bracketed note of a few characters (no quote or sentence end in it) is skipped.
    let rest = match rest.strip_prefix(['(', '（']) {
        Some(note) => match note.find([')', '）']) {
            Some(end)
                if note[..end].chars().count() <= REASON_CHARS
                    && !note[..end].contains(['“', '”', '「', '」', '。', '\n', '(', '（']) =>
            {
                note[end..]
                    .char_indices()
                    .nth(1)
                    .map_or("", |(i, _)| &note[end + i..])
            }
            _ => return false,
        },
        None => rest,
    };
    !inside.contains(['“', '「', '『', '。', '\n']) && rest.chars().all(separator)
}

/// `between` (from a `bracketframe` opening word to the term) opens a bracket within a short
/// stretch of the word's clause, and the term stands in that bracket, a few characters in, with
/// no sentence end before it: "原监测系统（2021年建设，部署于X" puts X in the old system's note,
/// "原有机房改造，新建平台（部署于X" and "原系统（…）；新平台部署于X" do not.
fn in_bracket_of(between: &str) -> bool {
    let Some(open) = between.rfind('(') else {
        return false;
    };
    let (head, inside) = between.split_at(open);
    let inside = &inside[1..];
    in_clause(head)
        && !inside.contains(')')
        && !sentence_break(inside)
        && inside.chars().count() <= NOTE_CHARS
}

/// Characters of the term's clause after it read for a `resale` word ("X资源转租给第三方").
const RESALE_CHARS: usize = 20;

/// A word of `words` stands in the clause `after` opens, within [`RESALE_CHARS`]: a ban on
/// reselling or diverting a bought resource ("不得将X资源转租") keeps the product.
fn words_in_clause(after: &str, words: &[String]) -> bool {
    let end = after
        .char_indices()
        .take(RESALE_CHARS)
        .find(|&(_, c)| is_clause_mark(c))
        .map_or_else(
            || {
                after
                    .char_indices()
                    .nth(RESALE_CHARS)
                    .map_or(after.len(), |(i, _)| i)
            },
            |(i, _)| i,
        );
    let clause = &after[..end];
    words.iter().any(|w| clause.contains(w.as_str()))
}

/// `between` (from a `bracketframe` opening word to the term) stays in the word's clause and
/// ends with a host verb: "原系统部署于X" names the old system's host without a bracket.
fn hosted_on(between: &str, host_verbs: &[String]) -> bool {
    let head = between.trim_end_matches(' ');
    in_clause(between) && host_verbs.iter().any(|v| head.ends_with(v.as_str()))
}

/// Characters a correction verb may stand after the term it replaces, told without quotes
/// ("原采用X服务，现更改为Y服务").
const CORRECTION_GAP_CHARS: usize = 3;

/// A correction told without quotes: a `correctionlead` word (原, 由, 将) earlier in the term's
/// clause (`before` ends at the term) and the correction verb soon after it (`gap`, from the
/// term to the verb, may end with a comma and 现): "将X调整为Y", "由X更换为Y" replace X.
fn unquoted_correction(before: &str, gap: &str, leads: &[String]) -> bool {
    let clause = before
        .char_indices()
        .rfind(|&(_, c)| is_clause_mark(c))
        .map_or(before, |(i, c)| &before[i + c.len_utf8()..]);
    let gap = gap.trim_end_matches(' ');
    let gap = gap
        .strip_suffix("现已")
        .or_else(|| gap.strip_suffix('现'))
        .unwrap_or(gap);
    let gap = gap.trim_end_matches([',', ' ']);
    leads.iter().any(|w| clause.contains(w.as_str()))
        && !gap.contains(is_clause_mark)
        && !gap.contains(['“', '"', '(', ')'])
        && gap.chars().filter(|&c| c != ' ').count() <= CORRECTION_GAP_CHARS
}

/// Characters a bracketed reason between a replaced quote and its marker may run.
const REASON_CHARS: usize = 20;

/// The stretch from a `sentleadframe` opening word to its closing word stays in one sentence and
/// names none of this purchase's own subjects (`own`): "过去不少企业的同类平台，主要用X" is others'
/// practice, "过去不少单位用国产卡，本项目主要用X" is this purchase.
fn other_subject_sentence(between: &str, own_words: &[String]) -> bool {
    !sentence_break(between) && !own_words.iter().any(|w| between.contains(w.as_str()))
}

/// Characters a bracketed note may run before its note word ("（性能评测参照，不作为品牌要求）").
const NOTE_CHARS: usize = 20;

/// `between` (from the term to a note word) opens a bracket in the term's own short stretch
/// ("L40S服务器（…"), and the note word stands inside it: the note speaks of this term only,
/// never of a product named earlier in the sentence.
fn in_bracket_after(between: &str) -> bool {
    let Some(open) = between.rfind('(') else {
        return false;
    };
    let inside = &between[open + 1..];
    in_clause(&between[..open]) && !inside.contains(')') && inside.chars().count() <= NOTE_CHARS
}

/// Clause punctuation of normalised text.
fn is_clause_mark(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '|' | '\n' | '。')
}

/// A fraction or multiple opens `s`: "一半", "六成", "80%", "2倍", "三分之一", or a range of two
/// ("六到七成", "60-70%"), after an optional "约".
fn is_ratio(s: &str) -> bool {
    let s = s.trim_start_matches(' ');
    let s = ["大约", "约", "近", "将近"]
        .iter()
        .find_map(|w| s.strip_prefix(w))
        .unwrap_or(s);
    if s.starts_with("一半")
        || s.starts_with("半数")
        || s.starts_with("数倍")
        || s.starts_with("几倍")
    {
        return true;
    }
    let digits = number_len(s);
    // A range of two fractions ("六到七成", "60-70%", "五至六成") reads as its second number;
    // "六七成" and "60%-70%" already open with a number and its unit.
    let digits = RANGE_JOINERS
        .iter()
        .find(|j| digits > 0 && s[digits..].starts_with(**j))
        .map(|j| digits + j.len())
        .map_or(digits, |at| match number_len(&s[at..]) {
            0 => digits,
            n => at + n,
        });
    digits > 0
        && ["成", "倍", "%", "分之"]
            .iter()
            .any(|u| s[digits..].trim_start_matches(' ').starts_with(u))
}

/// Words joining the two ends of a range of fractions ("六到七成", "60~70%").
const RANGE_JOINERS: [&str; 5] = ["到", "至", "-", "~", "～"];

/// Length in bytes of the number (Arabic or Chinese digits) opening `s`.
fn number_len(s: &str) -> usize {
    s.find(|c: char| !(c.is_ascii_digit() || c == '.' || "零一二两三四五六七八九十百".contains(c)))
        .unwrap_or(s.len())
}

/// A short stretch inside one clause: at most [`FRAME_GAP_CHARS`] characters and no clause
/// punctuation (normalised text: full-width marks are ASCII by now). A run of ASCII letters and
/// digits counts as one character and spaces as none, so a product's own words
/// ("与OpenAI Chat Completions接口格式兼容") do not push the frame word away.
fn in_clause(s: &str) -> bool {
    if s.contains([',', '.', ';', ':', '!', '?', '|', '\n', '。']) {
        return false;
    }
    let mut width = 0usize;
    let mut in_word = false;
    for c in s.chars() {
        let word = c.is_ascii_alphanumeric();
        if !(c == ' ' || (word && in_word)) {
            width += 1;
        }
        in_word = word;
    }
    width <= FRAME_GAP_CHARS
}

/// The stretch from a prohibition word to the term stays in its clause and holds no number:
/// "禁止将巡护影像、坐标等数据上传至X" forbids X, but "不得少于4台X" asks for a count of X.
/// Digits inside an earlier item's model code ("禁止使用GPT-4、X等境外…") are no count.
fn banned_stretch(s: &str) -> bool {
    !s.contains(is_clause_mark) && !holds_count(s)
}

/// A number standing on its own: a digit run whose previous non-space character is not part of
/// an ASCII code (a letter, digit, '-' or '.'), so "少于4台" and "少于 8 张" count, "GPT-4" and
/// "H100 80G" do not.
fn holds_count(s: &str) -> bool {
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if c.is_ascii_digit() {
            let in_code = prev.is_some_and(|p| p.is_ascii_alphanumeric() || p == '-' || p == '.');
            if !in_code {
                return true;
            }
        }
        if c != ' ' {
            prev = Some(c);
        }
    }
    false
}

/// The stretch after the term up to a word closing its list ("等境外"): nothing, or later items
/// of the same list ("、Claude"), each short and in the clause; a bracketed alias the term closes
/// or that follows it ("亚马逊云科技(AWS)、…") is skipped first.
fn later_items(s: &str) -> bool {
    let s = s.trim_matches(' ');
    // The term closes a bracketed alias ("亚马逊云科技(AWS)、…"), or one follows it ("(AWS)、…").
    let s = s.strip_prefix(')').unwrap_or(s);
    let s = match s.strip_prefix('(').and_then(|a| a.split_once(')')) {
        Some((alias, rest)) if in_clause(alias) && !alias.contains('(') => rest,
        _ => s,
    };
    if s.is_empty() {
        return true;
    }
    let Some(rest) = s.strip_prefix(LIST_JOINERS) else {
        return false;
    };
    let items: Vec<&str> = rest.split(LIST_JOINERS).collect();
    items.len() < MAX_LIST_ITEMS
        && items.iter().all(|item| {
            let item = item.trim_matches(' ');
            !item.is_empty() && in_clause(item)
        })
}

/// Han characters the rest of a maker's short name may run after the term (海光 + 信息).
const NAME_TAIL_CHARS: usize = 4;

/// The stretch from a maker's name to a share-price word: nothing, the rest of its short name
/// ("海光信息股价"), or the later items of its list ("寒武纪、海光信息股价"), in one clause.
fn name_tail(s: &str) -> bool {
    let s = s.trim_matches(' ');
    let tail: usize = s
        .chars()
        .take_while(|&c| is_han(c) && !LIST_JOINERS.contains(&c))
        .take(NAME_TAIL_CHARS)
        .map(char::len_utf8)
        .sum();
    let rest = &s[tail..];
    rest.is_empty() || later_items(rest)
}

/// Words that join the items of a list ("兼容OpenAI API、Claude API"), so a prefix before the
/// first item governs the later ones too.
const LIST_JOINERS: [char; 5] = ['、', ',', '和', '及', '或'];
/// Items of a list, before the term, that a prefix may still govern.
const MAX_LIST_ITEMS: usize = 4;

/// The stretch between a prefix and a term is earlier items of one list: it ends with a joiner,
/// and every item is a short stretch of one clause that starts with an ASCII word, as product
/// names do (so in "GPU类型为NV A100或T4" the prefix 类 governs no list).
fn list_items(s: &str) -> bool {
    list_items_of(s, false)
}

/// [`list_items`], where `han_items` also lets short Han names stand as items: an example word
/// ("例如豆包、Kimi") governs every item of its list, whatever the item is.
fn list_items_of(s: &str, han_items: bool) -> bool {
    let Some(body) = s
        .trim_end_matches(' ')
        .strip_suffix(LIST_JOINERS)
        .map(|b| b.trim_end_matches(' '))
    else {
        return false;
    };
    let items: Vec<&str> = body.split(LIST_JOINERS).collect();
    items.len() <= MAX_LIST_ITEMS
        && items.iter().all(|item| {
            let item = item.trim_matches(' ');
            (item.bytes().next().is_some_and(is_word_byte) && in_clause(item))
                || (han_items && (han_name(item) || han_led_code(item)))
        })
}

/// Longest run of a maker's words before its product ("amazon " of "Amazon SageMaker").
const MAX_MAKER_BYTES: usize = 24;

/// The stretch between an example word and the term: nothing, earlier items of its list, or
/// either followed by the maker's name of this item ("例如Amazon SageMaker", "例如OpenAI GPT系列、
/// Anthropic Claude"): a short run of ASCII words.
fn example_stretch(s: &str) -> bool {
    if only_separators(s) || list_items_of(s, true) {
        return true;
    }
    let (head, maker) = match s.rfind(LIST_JOINERS) {
        Some(i) => {
            let j = i + s[i..].chars().next().map_or(1, char::len_utf8);
            (&s[..j], &s[j..])
        }
        None => ("", s),
    };
    let maker = maker.trim_matches(' ');
    !maker.is_empty()
        && maker.len() <= MAX_MAKER_BYTES
        && maker.split(' ').count() <= 2
        && maker
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b' ')
        && (head.is_empty() || list_items_of(head, true))
}

/// A short Han maker's name before a product code, as an item of an example's list
/// ("不得以英伟达H20、H800等", "例如英伟达A100、H100").
fn han_led_code(item: &str) -> bool {
    item.find(|c: char| !is_han(c)).is_some_and(|at| {
        let (head, code) = item.split_at(at);
        han_name(head) && code.bytes().next().is_some_and(is_word_byte) && in_clause(code)
    })
}

/// Longest all-Han list item counted as a product's name ("豆包", "通义千问").
const MAX_HAN_ITEM_CHARS: usize = 6;

/// A short run of Han characters only, as a Chinese product's name is ("例如豆包、Kimi").
fn han_name(item: &str) -> bool {
    let n = item.chars().count();
    n > 0 && n <= MAX_HAN_ITEM_CHARS && item.chars().all(is_han)
}

/// The stretch is a count of the term: an optional "about" word, digits, and one measure word
/// ("约600张", "8 块"), so a comparison word before it still governs the term. `approx` holds the
/// "about" words and floors (`approx` rows of `context.csv`: 约, 不少于 …).
fn count_of(s: &str, approx: &[String]) -> bool {
    let s = s.trim_matches(' ');
    let s = approx
        .iter()
        .find_map(|w| s.strip_prefix(w))
        .unwrap_or(s)
        .trim_start_matches(' ');
    let digits = s
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b'.' || *b == b',')
        .count();
    if digits == 0 || !s.as_bytes()[0].is_ascii_digit() {
        return false;
    }
    let mut rest = s[digits..].trim_start_matches(' ').chars();
    rest.next().is_some_and(is_han) && rest.as_str().trim_matches(' ').is_empty()
}

/// The stretch between a comparison word and its product is one short qualifier (`qualifier`
/// rows of `context.csv`), maybe with 的: "不低于同配置NVIDIA L40S", "相当于同等配置的A100" still
/// compare. Only a listed word counts, so "不低于非原厂的A100" or any longer stretch does not.
fn qualified(s: &str, qualifiers: &[String]) -> bool {
    let s = s.trim_matches(' ');
    qualifiers.iter().any(|q| {
        s.strip_prefix(q.as_str())
            .map(|rest| rest.trim_start_matches(' '))
            .is_some_and(|rest| rest.is_empty() || rest == "的")
    })
}

/// Nothing but spaces and hyphens (so "NV A100" and "A100-80GB" count as adjacent).
fn only_separators(s: &str) -> bool {
    s.len() <= 3 && s.bytes().all(|b| b == b' ' || b == b'-')
}

/// No ASCII letter or digit right before `pos`. A count like "8x" ("8xA100") is allowed,
/// because tender tables write GPU counts that way.
fn left_boundary(bytes: &[u8], pos: usize) -> bool {
    let Some(&prev) = pos.checked_sub(1).and_then(|i| bytes.get(i)) else {
        return true;
    };
    if !is_word_byte(prev) {
        return true;
    }
    if prev == b'x' {
        let digits = bytes[..pos - 1]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let before = (pos - 1).checked_sub(digits + 1).and_then(|i| bytes.get(i));
        return digits > 0 && before.is_none_or(|b| !is_word_byte(*b));
    }
    false
}

/// No ASCII letter or digit right after `pos`, except a count like "x8" ("A100x8").
fn right_boundary(bytes: &[u8], pos: usize) -> bool {
    let Some(&next) = bytes.get(pos) else {
        return true;
    };
    if !is_word_byte(next) {
        return true;
    }
    if next == b'x' {
        let digits = bytes[pos + 1..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let after = bytes.get(pos + 1 + digits);
        return digits > 0 && after.is_none_or(|b| !is_word_byte(*b));
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_term_dfa_finds_what_the_nfa_finds() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists");
        let d = Detector::load(&dir).unwrap_or_else(|e| panic!("{e:#}"));
        let texts = [
            "采购GPU服务器，配置8块NVIDIA A100 80G显卡，及华为昇腾910B推理卡",
            "本项目租用阿里云ECS实例与亚马逊云科技 p4d.24xlarge 实例，不低于GPT-4水平",
            "与英伟达H100相比，国产加速卡约为其六成；RTX 4090 Dual 一块",
        ];
        let by_nfa: Vec<_> = texts.iter().map(|t| format!("{:?}", d.detect(t))).collect();
        assert!(d.terms_dfa.get().is_none());
        assert!(by_nfa.iter().all(|m| m.contains("name")), "{by_nfa:?}");
        d.texts_searched
            .store(TERM_DFA_AFTER_TEXTS, Ordering::Relaxed);
        let by_dfa: Vec<_> = texts.iter().map(|t| format!("{:?}", d.detect(t))).collect();
        assert!(matches!(d.terms_dfa.get(), Some(Some(_))));
        assert_eq!(by_nfa, by_dfa);
    }

    #[test]
    fn duplicate_patterns_are_all_reported() {
        // Both kinds in use: the term automaton (contiguous NFA) and the context one (DFA).
        for kind in [AhoCorasickKind::ContiguousNFA, AhoCorasickKind::DFA] {
            let ac = build(
                &[
                    "英伟达".to_string(),
                    "英伟达".to_string(),
                    "nv".to_string(),
                    "nv".to_string(),
                ],
                kind,
            )
            .unwrap_or_else(|e| panic!("{e}"));
            let ids: Vec<usize> = ac
                .find_overlapping_iter("英伟达a800 nv")
                .map(|m| m.pattern().as_usize())
                .collect();
            assert_eq!(ids, vec![0, 1, 2, 3], "{kind:?}");
        }
    }

    #[test]
    fn a_product_another_subject_used_before_is_no_mention() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists");
        let d = Detector::load(&dir).unwrap_or_else(|e| panic!("{e:#}"));
        let names = |t: &str| -> Vec<String> { d.detect(t).into_iter().map(|m| m.name).collect() };
        // Another subject's past use, in other wordings than the page's (round 36 of issue 10).
        for text in [
            "业内人士表示，过去多数高校智算平台曾大量采用NVIDIA A100，如今转向国产。",
            "据介绍，该地区医院的影像平台以往多使用英伟达V100显卡。",
            "同行业企业此前多采用英伟达A800构建训练集群，本次采购昇腾910B服务器。",
        ] {
            let got = names(text);
            assert!(
                !got.iter().any(|n| n.starts_with("NVIDIA")),
                "{text}: {got:?}"
            );
        }
        // The purchase named in the same sentence still counts.
        let got = names("同行业企业此前多采用英伟达A800构建训练集群，本次采购昇腾910B服务器。");
        assert!(
            got.iter().any(|n| n.starts_with("Huawei Ascend")),
            "{got:?}"
        );
        // This purchase's own subject before the marker, no marker, or 原有/现有: still a mention.
        for text in [
            "本项目曾采用英伟达A100服务器，现扩容同型号GPU服务器8台。",
            "我院影像平台曾使用NVIDIA V100显卡，本次升级。",
            "利旧原有NVIDIA A100服务器4台，新增采购GPU服务器。",
            "现有英伟达A800集群需扩容。",
            "本次采购NVIDIA H20推理服务器16台。",
        ] {
            let got = names(text);
            assert!(
                got.iter().any(|n| n.starts_with("NVIDIA")),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn products_named_but_not_used_are_no_mentions() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists");
        let d = Detector::load(&dir).unwrap_or_else(|e| panic!("{e:#}"));
        let names = |t: &str| -> Vec<String> { d.detect(t).into_iter().map(|m| m.name).collect() };
        // Other wordings than the pages of held-out rounds 40/41 (extract37): a prohibition over
        // a list, a quote a correction deletes, evaluated but not chosen, a performance reference,
        // market background, others' practice, past use by others.
        for text in [
            "禁止将Kimi、通义千问等公共大模型用于办公数据处理。",
            "供应商不得以英伟达H20、H800等产品参与投标。",
            "删去招标文件第五章中“服务器须配置英伟达H100加速卡”的要求。",
            "项目组测试过NVIDIA A100方案，最后未采用。",
            "推理性能对照NVIDIA A100集群给出，仅供参考。",
            "在英伟达H20供货受限的背景下，多地转向国产卡。",
            "国外同类平台普遍采用英伟达H100构建集群。",
            "过去很多医生用ChatGPT检索文献。",
        ] {
            let got = names(text);
            assert!(
                !got.iter()
                    .any(|n| n.starts_with("NVIDIA") || n == "OpenAI" || n == "Moonshot Kimi"),
                "{text}: {got:?}"
            );
        }
        // The same words where the product is still used: a prohibition about data before a
        // product in the next clause, a closed quote or a replacement quote, a choice, a
        // reference without a note, background before the purchase, this purchase's own
        // practice, a past word in another clause.
        for text in [
            "严禁将政务数据上传至公网，平台部署Kimi大模型。",
            "不得将数据外传；本项目采购NVIDIA H20服务器。",
            "投标人须采用NVIDIA A800服务器。",
            "删除“进口”字样，GPU须采用NVIDIA A800。",
            "删除原表述，修改为“配置NVIDIA H20推理卡8张”。",
            "测试过NVIDIA A100方案，效果良好，最终采购8台。",
            "评估过多家方案，未选用进口产品，部署英伟达H20。",
            "参照NVIDIA A100配置采购服务器8台。",
            "GPU采用NVIDIA A100，图片仅供参考。",
            "在国产化替代的背景下，本项目采购NVIDIA H20服务器。",
            "同类项目大多采用国产卡，本项目采用英伟达H20。",
            "我院同类项目大多采用NVIDIA A100，本次扩容。",
            "以前用国产卡，现在用NVIDIA H20。",
        ] {
            let got = names(text);
            assert!(
                got.iter()
                    .any(|n| n.starts_with("NVIDIA") || n == "Moonshot Kimi"),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn a_prohibition_over_outside_products_and_existing_equipment_out_of_scope() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists");
        let d = Detector::load(&dir).unwrap_or_else(|e| panic!("{e:#}"));
        let names = |t: &str| -> Vec<String> { d.detect(t).into_iter().map(|m| m.name).collect() };
        // Other wordings than the pages of held-out rounds 42/43 (extract42): the prohibition
        // word further before the product, a list after it, a scope note on existing equipment.
        for text in [
            "严禁把业务日志、用户信息发送给ChatGPT、Claude等国外大模型。",
            "各单位不应调用OpenAI等互联网大模型服务处理涉密信息。",
            "所投设备不得使用英伟达H800等进口GPU芯片。",
            "中心机房原有4台NVIDIA A100服务器由信息中心运维，不属于本项目采购内容。",
        ] {
            let got = names(text);
            assert!(
                !got.iter().any(|n| n.starts_with("NVIDIA")
                    || n == "OpenAI"
                    || n.starts_with("Anthropic")),
                "{text}: {got:?}"
            );
        }
        // The same words where the product still counts: no 等 + category after the product, a
        // prohibition in another clause, a count after the prohibition word, existing equipment
        // extended by this purchase, a note that speaks of what follows 的.
        for text in [
            "投标人不得将所投英伟达H20服务器转包。",
            "禁止将数据外传；本项目采购NVIDIA H20等进口GPU服务器。",
            "GPU卡不得少于8张NVIDIA H100等进口加速卡。",
            "现有NVIDIA A100服务器4台，本次扩容采购NVIDIA A100服务器4台。",
            "现有英伟达A800集群，不属于本次采购内容的部分由学校维护，本次扩容英伟达A800服务器。",
            "平台接入OpenAI等境外大模型接口，不得上传涉密数据。",
        ] {
            let got = names(text);
            assert!(
                got.iter().any(|n| n.starts_with("NVIDIA") || n == "OpenAI"),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn notes_bans_practice_and_yardsticks_of_rounds_44_45() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists");
        let d = Detector::load(&dir).unwrap_or_else(|e| panic!("{e:#}"));
        let names = |t: &str| -> Vec<String> { d.detect(t).into_iter().map(|m| m.name).collect() };
        // Other wordings than the pages of held-out rounds 44/45 (extract46): a note that the
        // named service or existing equipment is not bought, a ban over consumer cards, others'
        // practice, a yardstick, a distilled model's base.
        for (text, name) in [
            (
                "内容审核策略借鉴Azure OpenAI的做法，不使用该服务。",
                "Azure OpenAI",
            ),
            ("界面交互风格对齐ChatGPT网页版，不接入该服务。", "OpenAI"),
            (
                "测评基准选用Claude 3.5的公开榜单成绩，不涉及采购和使用。",
                "Anthropic Claude",
            ),
            (
                "对照Anthropic Claude 3.5 Haiku的公开评测分数（不涉及采购或使用）。",
                "Anthropic Claude",
            ),
            (
                "机房已有NVIDIA A100服务器2台，不属于本项目采购。",
                "NVIDIA A100",
            ),
            (
                "投标方案不得使用GeForce RTX 4090等消费级显卡。",
                "NVIDIA RTX 4090",
            ),
            ("海外同类系统大多部署于Amazon Web Services。", "AWS"),
            (
                "评测中NVIDIA H100仅用来对照，本项目采购国产卡。",
                "NVIDIA H100",
            ),
            ("部署DeepSeek-R1-Distill-Qwen-7B模型。", "Alibaba Qwen"),
        ] {
            let got = names(text);
            assert!(!got.iter().any(|n| n == name), "{text}: {got:?}");
        }
        // The same words where the product still counts: bought in its own clause, the note in
        // another sentence, no consumer category after the product, practice word in another
        // clause, Qwen named on its own.
        for (text, name) in [
            (
                "本项目采购Azure OpenAI服务12个月，不使用该服务处理涉密数据。",
                "Azure OpenAI",
            ),
            ("平台接入ChatGPT。门户不接入该服务的旧版本。", "OpenAI"),
            (
                "平台接入Anthropic Claude服务。旧版不涉及采购或使用。",
                "Anthropic Claude",
            ),
            (
                "采购NVIDIA A100服务器4台，安装场地不属于本次采购。",
                "NVIDIA A100",
            ),
            (
                "本项目采购NVIDIA RTX 4090显卡8张，不接受翻新产品等消费级配件。",
                "NVIDIA RTX 4090",
            ),
            (
                "国外同类平台较多，本平台部署在Amazon Web Services上。",
                "AWS",
            ),
            (
                "部署Qwen-72B与DeepSeek-R1-Distill-Qwen-32B两个模型。",
                "Alibaba Qwen",
            ),
        ] {
            let got = names(text);
            assert!(got.iter().any(|n| n == name), "{text}: {got:?}");
        }
        assert!(
            names("部署DeepSeek-R1-Distill-Qwen-7B模型。")
                .iter()
                .any(|n| n == "DeepSeek")
        );
    }

    #[test]
    fn later_items_of_a_list_up_to_its_closing_word() {
        assert!(later_items(""));
        assert!(later_items("、claude"));
        assert!(later_items("、claude、gemini"));
        assert!(!later_items("服务器转包"));
        assert!(!later_items("、a;b"));
        assert!(banned_stretch("将巡护影像、坐标等数据上传至"));
        assert!(!banned_stretch("少于8张"));
        assert!(!banned_stretch("将数据外传;本项目采购"));
        // Earlier items of the list with model codes are no count; a number on its own still is.
        assert!(banned_stretch("使用gpt-4、"));
        assert!(banned_stretch("采用a100、"));
        assert!(!banned_stretch("少于 8 张"));
        assert!(!banned_stretch("采购2台a100、"));
    }

    #[test]
    fn a_prohibition_governs_items_after_one_with_a_model_code() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists");
        let d = Detector::load(&dir).unwrap_or_else(|e| panic!("{e:#}"));
        let names = |t: &str| -> Vec<String> { d.detect(t).into_iter().map(|m| m.name).collect() };
        for text in [
            "严禁将涉密文档上传至GPT-4、Claude等境外大模型。",
            "不得接入GPT-4o、Gemini等国外大模型服务。",
            "禁止采用A100、H100等进口GPU。",
        ] {
            let got = names(text);
            assert!(
                !got.iter().any(|n| n == "Anthropic Claude"
                    || n == "Google Gemini"
                    || n.starts_with("NVIDIA")
                    || n == "OpenAI"),
                "{text}: {got:?}"
            );
        }
        // A count before the list is still a requirement.
        let text = "GPU卡不得少于8张A100、H100等进口加速卡。";
        let got = names(text);
        assert!(
            got.iter().any(|n| n.starts_with("NVIDIA")),
            "{text}: {got:?}"
        );
    }

    #[test]
    fn a_deleted_quote_is_open_at_the_term_and_gives_no_new_wording() {
        let r = ["替换为".to_string(), "修改为".to_string()];
        assert!(deleted_quote("原文件第2.4条中“gpu须采用nvidia ", &r));
        assert!(deleted_quote("\"gpu须采用", &r));
        // A closed quote, a new wording, or a sentence end between: not deleted.
        assert!(!deleted_quote("“进口”字样,gpu须采用", &r));
        assert!(!deleted_quote("原表述,替换为“gpu须采用", &r));
        assert!(!deleted_quote("原表述。“gpu须采用", &r));
        assert!(sentence_break("a。b"));
        assert!(!sentence_break("第2.4条"));
        assert!(sentence_break("条款.下"));
    }

    #[test]
    fn a_model_code_takes_only_a_listed_letter_suffix_that_ends_the_word() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists");
        let d = Detector::load(&dir).unwrap_or_else(|e| panic!("{e:#}"));
        let len = |hay: &str, model: bool| d.model_suffix_len(hay.as_bytes(), 3, model);
        assert_eq!(len("310p推理卡", true), Some(1));
        assert_eq!(len("310b", true), Some(1));
        // Digits, two letters, an unlisted letter, or a term not marked @model: no suffix.
        assert_eq!(len("3101", true), None);
        assert_eq!(len("310pq", true), None);
        assert_eq!(len("h20t", true), None);
        assert_eq!(len("310p", false), None);
    }

    #[test]
    fn a_ratio_against_a_product_is_a_comparison() {
        let o = Vocabulary::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists"))
            .expect("the real vocabulary loads")
            .ratio_openers;
        assert!(ratio_comparison(
            "单卡推理性能上约为英伟达",
            "的六成,但在供应上",
            &o
        ));
        assert!(ratio_comparison("性能达到", " gpu性能的80%以上", &o));
        assert!(ratio_comparison("吞吐是", "的2.5倍", &o));
        assert!(ratio_comparison("算力仅为", "的约一半", &o));
        assert!(ratio_comparison("成本不到", "的三分之一", &o));
        // A floor or ceiling stated as a share of a product (round 16 of issue 10).
        assert!(ratio_comparison(
            "单卡fp32算力不低于nvidia ",
            "的60%,仅作为性能参照",
            &o
        ));
        assert!(ratio_comparison("整机吞吐不少于", "的八成", &o));
        assert!(ratio_comparison("功耗不高于", "的70%", &o));
        assert!(ratio_comparison("推理性能至少达", "的1.5倍", &o));
        // A count or a plain possessive after the term, no opener, or a clause between: use.
        assert!(!ratio_comparison("采用的是", "的8卡服务器", &o));
        assert!(!ratio_comparison("采购", "的数量为去年的两倍", &o));
        assert!(!ratio_comparison("性能为国产卡的两倍,采购", "的一半", &o));
        assert!(!ratio_comparison("约为", "服务器,占全部的六成", &o));
        assert!(!ratio_comparison("配置不少于8张", "的服务器", &o));
        // A range of two fractions (held-out round 35).
        assert!(ratio_comparison("单卡训练性能约为", "的六到七成", &o));
        assert!(ratio_comparison("吞吐约为", "的60-70%", &o));
        assert!(ratio_comparison("性能达", "的五至六成", &o));
        assert!(ratio_comparison("算力约为", "的六七成", &o));
        assert!(ratio_comparison("算力约为", "的60%~70%", &o));
        // A range needs a fraction after it: "六到七台" is a count.
        assert!(!is_ratio("六到七台"));
        assert!(!is_ratio("到七成"));
    }

    #[test]
    fn a_qualifier_or_a_bracketed_note_is_read_only_next_to_the_term() {
        let q = ["同配置".to_string(), "主流".to_string()];
        assert!(qualified("同配置", &q));
        assert!(qualified(" 主流的 ", &q));
        assert!(!qualified("同配置且已部署的", &q));
        assert!(!qualified("非原厂的", &q));
        assert!(!qualified("", &q));
        assert!(in_bracket_after("服务器("));
        assert!(in_bracket_after(" (性能评测参照,"));
        // A bracket after a later product, a closed bracket or a long note: not this term's note.
        assert!(!in_bracket_after("加速卡,单机性能不低于nvidia l40s("));
        assert!(!in_bracket_after("(含三年质保)以及"));
        assert!(!in_bracket_after(
            "(本项目所列全部设备的性能指标与验收方法及其说明,"
        ));
    }

    #[test]
    fn a_count_between_a_comparison_word_and_the_term() {
        let approx = Vocabulary::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists"))
            .expect("the real vocabulary loads")
            .approx_words;
        let count_of = |s: &str| count_of(s, &approx);
        assert!(count_of("约600张"));
        assert!(count_of(" 8 块 "));
        assert!(count_of("大约1,000台"));
        // No digits, more than one word after them, or no measure word: not a count.
        assert!(!count_of("约张"));
        assert!(!count_of("600张国产"));
        assert!(!count_of("600"));
        assert!(!count_of("同等规模"));
        // A floor opens a count too ("相当于不少于64张NVIDIA H100").
        assert!(count_of("不少于64张"));
        assert!(count_of("至少 8 块"));
        // Other wordings of the moved rows: 逾 / 超 / 近 before a count.
        assert!(count_of("逾200台"));
        assert!(count_of("超 3,000 张"));
        assert!(count_of("近50块"));
        assert!(!count_of("逾期200台"));
    }

    #[test]
    fn an_example_word_governs_a_product_after_its_makers_name() {
        assert!(example_stretch(""));
        assert!(example_stretch("amazon "));
        assert!(example_stretch("openai gpt系列、anthropic "));
        assert!(example_stretch("豆包、"));
        // A Han stretch, a clause, or three words are no maker's name.
        assert!(!example_stretch("境外公众大模型 "));
        assert!(!example_stretch("境外 amazon "));
        assert!(!example_stretch("a b c "));
    }

    #[test]
    fn example_words_govern_han_items_of_their_list() {
        assert!(list_items_of("豆包、", true));
        assert!(list_items_of("kimi、通义千问和", true));
        // A Han maker's name before a code (extract37: "不得以英伟达H20、H800等").
        assert!(list_items_of("英伟达h20、", true));
        assert!(list_items_of("昇腾910b、英伟达a100及", true));
        assert!(!list_items_of("英伟达h20、", false));
        assert!(!list_items_of("各类境外公众大模型h20,部署、", true));
        // Plain prefixes take only items that start as ASCII product names do.
        assert!(!list_items_of("豆包、", false));
        // A long Han stretch or one with a clause break is no list item.
        assert!(!list_items_of("各类境外公众大模型服务、", true));
        assert!(!list_items_of("豆包。部署、", true));
    }

    #[test]
    fn list_items_before_a_term_end_with_a_joiner() {
        assert!(list_items("openai api、"));
        assert!(list_items("openai api, "));
        assert!(list_items("gpt-4、gemini和"));
        assert!(list_items("openai及"));
        // Not a list: no joiner right before the term, an empty item, a clause break inside.
        assert!(!list_items("openai接口,部署"));
        assert!(!list_items("、"));
        assert!(!list_items("openai。部署、"));
        assert!(!list_items("a、b、c、d、e、"));
        assert!(!list_items("服务器、"));
        assert!(!list_items("型为nv a100或"));
    }
}

/// What the detector's test modules share: the bundled vocabulary and the names it reports.
#[cfg(test)]
mod test_support {
    use super::Detector;
    use std::path::Path;

    /// The detector over the repository's `watchlists/`.
    pub(super) fn detector() -> Detector {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists");
        Detector::load(&dir).unwrap_or_else(|e| panic!("{e:#}"))
    }

    /// The canonical names `d` reports in `t`, in order.
    pub(super) fn names(d: &Detector, t: &str) -> Vec<String> {
        d.detect(t).into_iter().map(|m| m.name).collect()
    }

    /// [`names`] with the bundled detector.
    pub(super) fn bundled_names(t: &str) -> Vec<String> {
        names(&detector(), t)
    }

    /// Panics unless no name `d` reports in `text` starts with `product`.
    pub(super) fn assert_none(d: &Detector, text: &str, product: &str) {
        let got = names(d, text);
        assert!(
            !got.iter().any(|n| n.starts_with(product)),
            "{product} in {text}: {got:?}"
        );
    }

    /// Panics unless a name `d` reports in `text` starts with `product`.
    pub(super) fn assert_some(d: &Detector, text: &str, product: &str) {
        let got = names(d, text);
        assert!(
            got.iter().any(|n| n.starts_with(product)),
            "{product} missing in {text}: {got:?}"
        );
    }
}

/// extract52 (held-out round 47 of issue 10): scope notes on a project's other work, the old
/// wording a correction replaces, and others' practice whose subject stands a clause earlier.
#[cfg(test)]
mod not_use_round47_tests {

    use super::test_support::{detector, names};

    #[test]
    fn a_note_putting_the_product_outside_the_project_vetoes_it() {
        let d = detector();
        for (text, product) in [
            (
                "验收时以OpenAI GPT-4o的公开评测成绩作为参照，该结果仅供专家参考，不作为本次采购内容。",
                "OpenAI",
            ),
            (
                "项目组此前借用NVIDIA A100服务器完成数据标注，相关工作不属于本项目建设内容。",
                "NVIDIA",
            ),
            (
                "此前课题组使用英伟达V100显卡完成预实验，相关工作不属于本次项目内容，本次须迁移至国产平台。",
                "NVIDIA",
            ),
        ] {
            let got = names(&d, text);
            assert!(
                !got.iter().any(|n| n.starts_with(product)),
                "{text}: {got:?}"
            );
        }
        // Bought in the term's own clause, or the note in another sentence: still a mention.
        for text in [
            "本项目采购NVIDIA A100服务器4台，机房改造不属于本项目内容。",
            "部署NVIDIA A100服务器4台。机房装修不作为采购内容。",
        ] {
            let got = names(&d, text);
            assert!(
                got.iter().any(|n| n.starts_with("NVIDIA")),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn the_old_wording_a_correction_replaces_is_no_mention() {
        let d = detector();
        for text in [
            "将“GPU须采用NVIDIA A800或同等性能产品”修改为“GPU须采用国产加速卡”。",
            "第5条“模型服务调用OpenAI接口”，此处内容更正，调整后内容为“模型服务调用国产大模型接口”。",
        ] {
            let got = names(&d, text);
            assert!(
                !got.iter()
                    .any(|n| n.starts_with("NVIDIA") || n.starts_with("OpenAI")),
                "{text}: {got:?}"
            );
        }
        // The product in both quotes stays (from the new one), the dropped one goes.
        let got = names(
            &d,
            "原文“平台部署于阿里云或华为云”，此处内容调整，调整后内容为“平台部署于华为云”。",
        );
        assert!(got.iter().any(|n| n.starts_with("Huawei Cloud")), "{got:?}");
        assert!(
            !got.iter().any(|n| n.starts_with("Alibaba Cloud")),
            "{got:?}"
        );
        // The new wording, or a product outside any quote: still a mention.
        for text in [
            "将“GPU须采用国产加速卡”修改为“GPU须采用NVIDIA A800”。",
            "服务器采用NVIDIA A800，配置修改为8卡。",
            "“服务器采用NVIDIA A800”一条保持不变，交货期修改为60日。",
        ] {
            let got = names(&d, text);
            assert!(
                got.iter().any(|n| n.starts_with("NVIDIA")),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn others_practice_with_its_subject_a_clause_earlier_is_no_mention() {
        let d = detector();
        for text in [
            "以往很多高校的实验室，大多采用NVIDIA V100训练模型。",
            "“此前不少医院的影像系统，都使用英伟达A100显卡。”一位业内人士说。",
        ] {
            let got = names(&d, text);
            assert!(
                !got.iter().any(|n| n.starts_with("NVIDIA")),
                "{text}: {got:?}"
            );
        }
        // This purchase's own subject between, or another sentence: still a mention.
        for text in [
            "过去不少单位用国产卡，本项目主要采用NVIDIA H20。",
            "过去不少单位用国产卡。现主要采用NVIDIA H20。",
            "以前用国产卡，现在用NVIDIA H20。",
        ] {
            let got = names(&d, text);
            assert!(
                got.iter().any(|n| n.starts_with("NVIDIA")),
                "{text}: {got:?}"
            );
        }
    }
}

#[cfg(test)]
mod round46_not_use_tests {
    use super::*;

    use super::test_support::bundled_names as names;

    #[test]
    fn products_named_but_not_used_of_round_46() {
        // Other wordings than the pages of held-out round 46 (extract51): a refused question,
        // a course topic, a platform left or retired, a failed proposal, others' past choice.
        for (text, name) in [
            (
                "问2：可否以NVIDIA A800 GPU服务器响应？\n答2：不可以，须为国产加速卡。",
                "NVIDIA A800",
            ),
            (
                "问：是否接受Azure OpenAI服务作为大模型底座？答复：不接受。",
                "Azure OpenAI",
            ),
            ("教材第三章讲解ChatGPT技术原理。", "OpenAI"),
            ("专题讲座：文心一言发展史与应用展望。", "Baidu ERNIE"),
            (
                "中标人负责将学院原有NVIDIA A100集群上的推理服务迁移到国产平台。",
                "NVIDIA A100",
            ),
            (
                "现有阿里云对象存储服务合同期满后停止使用，数据迁回本地。",
                "Alibaba Cloud",
            ),
            ("原V100服务器改作教学演示用途。", "NVIDIA V100"),
            (
                "某公司投标方案拟采用OpenAI接口，数据出境，资格性审查未通过。",
                "OpenAI",
            ),
            ("许多高校的首选是英伟达A100，但供货紧张。", "NVIDIA A100"),
        ] {
            let got = names(text);
            assert!(!got.iter().any(|n| n == name), "{text}: {got:?}");
        }
        // The same words where the product still counts: a question answered yes, a course
        // taught on the product, a migration onto it, existing equipment kept, a winner's plan,
        // this purchase's own choice.
        for (text, name) in [
            (
                "问1：能否采用NVIDIA A800 GPU服务器投标？答1：可以。",
                "NVIDIA A800",
            ),
            (
                "能否采用NVIDIA A800服务器？不接受的原因见第5条。",
                "NVIDIA A800",
            ),
            ("课程实验基于ChatGPT接口开展。", "OpenAI"),
            ("将业务系统迁移至阿里云。", "Alibaba Cloud"),
            ("利旧原有NVIDIA A100服务器，扩容4台。", "NVIDIA A100"),
            ("中标人拟采用华为云部署，满足要求。", "Huawei Cloud"),
            ("本项目首选英伟达A100服务器。", "NVIDIA A100"),
        ] {
            let got = names(text);
            assert!(got.iter().any(|n| n == name), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_refusal_answers_only_the_question_naming_the_term() {
        assert!(refused("GPU的服务器投标?\n答1:"));
        assert!(refused("服务? 答复: "));
        assert!(!refused("服务器。问2:哪些?答:"));
        assert!(!refused("服务器投标?\n答1:经研究,"));
        assert!(!refused("服务器投标,"));
    }
}

/// extract56: a bracketed reason between a replaced quote and the correction's marker.
#[cfg(test)]
mod replaced_quote_reason_tests {
    use super::*;

    use super::test_support::bundled_names as names;

    #[test]
    fn a_bracketed_reason_after_the_old_quote_still_marks_it_replaced() {
        for text in [
            "第4.1条“模型服务调用OpenAI接口”（因安全审查），此处内容更正，调整后内容为“模型服务调用国产大模型接口”。",
            "原文“GPU须采用NVIDIA A800”(笔误)，此处内容修改，修改后内容为“GPU须采用国产加速卡”。",
        ] {
            let got = names(text);
            assert!(
                !got.iter()
                    .any(|n| n.starts_with("NVIDIA") || n.starts_with("OpenAI")),
                "{text}: {got:?}"
            );
        }
        assert!(replaced_quote("X资源池”(因需求调整),"));
        assert!(replaced_quote("X资源池”（笔误）"));
    }

    #[test]
    fn a_long_note_or_other_words_after_the_quote_keep_the_mention() {
        // A note that runs on, a second quote, or words after the bracket: not the replaced quote.
        assert!(!replaced_quote(
            "X”(这里是一段远远超过二十个字的说明文字用来描述其他的事项内容)"
        ));
        assert!(!replaced_quote("X”(见“附件”)"));
        assert!(!replaced_quote("X”(笔误)保持不变,"));
        assert!(!replaced_quote("X”(笔误"));
        let got = names("“服务器采用NVIDIA A800”（已确认）一条保持不变，交货期修改为60日。");
        assert!(got.iter().any(|n| n.starts_with("NVIDIA")), "{got:?}");
    }
}

/// extract55: a scope note covers only its own clause when that clause names a subject of its
/// own ("部署X，培训场地不作为采购内容"); opened by the note or by a word referring back
/// ("…X…，相关模型不在本次采购范围内") it still covers the earlier clauses.
#[cfg(test)]
mod scope_clause_tests {
    use super::*;

    use super::test_support::{detector, names};

    #[test]
    fn a_note_on_another_subject_leaves_earlier_clauses() {
        let d = detector();
        for (text, product) in [
            (
                "平台部署NVIDIA A100服务器，机房装修不属于本次采购范围。",
                "NVIDIA",
            ),
            (
                "服务运行于华为云，运维驻场人员费用不纳入本次采购。",
                "Huawei Cloud",
            ),
            (
                "系统接入DeepSeek-R1模型，培训场地不作为采购内容。",
                "DeepSeek",
            ),
        ] {
            let got = names(&d, text);
            assert!(
                got.iter().any(|n| n.starts_with(product)),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn a_note_opening_its_clause_or_referring_back_still_covers_them() {
        let d = detector();
        for (text, product) in [
            (
                "以NVIDIA A100作为测评参照，相关设备不在本次采购范围内。",
                "NVIDIA",
            ),
            (
                "现有英伟达V100服务器由学院自行维护，不属于本次采购内容。",
                "NVIDIA",
            ),
            ("平台预留与OpenAI接口对接的能力，本期未开通。", "OpenAI"),
            (
                "测评中与NVIDIA H100进行对比，上述产品均不属于本次采购内容。",
                "NVIDIA",
            ),
            ("机房装修与NVIDIA A100服务器不属于本次采购范围。", "NVIDIA"),
            (
                "新平台须兼容学院原有的英伟达T4推理卡，原有推理卡不在本次采购范围内。",
                "NVIDIA",
            ),
        ] {
            let got = names(&d, text);
            assert!(
                !got.iter().any(|n| n.starts_with(product)),
                "{text}: {got:?}"
            );
        }
        let leads = ["相关".to_string(), "本期".to_string()];
        assert!(note_reaches_back("A100,相关", ["", ""], &leads, &[]));
        assert!(note_reaches_back("A100服务器,", ["", ""], &leads, &[]));
        assert!(note_reaches_back("A100与机房装修", ["", ""], &leads, &[]));
        assert!(!note_reaches_back("A100,机房装修", ["", ""], &leads, &[]));
        assert!(note_reaches_back(
            " 3.5 Haiku的评测分数(",
            ["", ""],
            &leads,
            &[]
        ));
    }
}

/// extract59 (held-out rounds 48/49 of issue 10): products named only as not part of this
/// purchase, in variants of covered frames: a dropped plan, existing equipment kept or retired,
/// a later phase, an earlier trial or separate system, demonstration equipment.
#[cfg(test)]
mod not_ours_round48_tests {

    use super::test_support::{assert_none, assert_some, detector};

    #[test]
    fn a_dropped_plan_is_no_mention() {
        let d = detector();
        for text in [
            "（说明：初步方案中拟采用NVIDIA A10显卡，经专家论证后已调整，本项目不再采用。）",
            "原设计中的英伟达L4推理服务器方案已取消，本次不再使用。",
            "可研阶段曾比选英伟达A30方案，因供货原因调整，不予采用。",
        ] {
            assert_none(&d, text, "NVIDIA");
        }
        // Bought in its own clause, a note in another sentence, or a note on something else.
        assert_some(
            &d,
            "本项目采购NVIDIA L40S服务器2台，原方案不再采用。",
            "NVIDIA",
        );
        assert_some(&d, "部署NVIDIA L40S服务器2台。旧机房不再使用。", "NVIDIA");
        assert_some(&d, "部署NVIDIA L40S服务器2台，机房空调不再使用。", "NVIDIA");
    }

    #[test]
    fn existing_or_retired_equipment_outside_the_project_is_no_mention() {
        let d = detector();
        for text in [
            "中心现有4台英伟达A10服务器继续用于视频分析，不纳入本项目建设内容。",
            "既有的NVIDIA V100集群由信息科维护，不纳入本项目建设范围。",
            "新平台上线后替换机房原有2台NVIDIA P100服务器，旧设备统一报废，不作为利旧设备。",
            "原英伟达T4服务器已到使用年限，不予利旧。",
        ] {
            assert_none(&d, text, "NVIDIA");
        }
        // Reused equipment stays use; another subject's note speaks of it only.
        assert_some(&d, "利旧原有NVIDIA A100服务器2台，纳入统一调度。", "NVIDIA");
        assert_some(
            &d,
            "部署NVIDIA A100服务器2台，机房装修不纳入本项目建设内容。",
            "NVIDIA",
        );
    }

    #[test]
    fn a_later_phase_is_no_mention() {
        let d = detector();
        for (text, product) in [
            (
                "后续拟接入通义千问开展智能问答，另行立项，不在本次招标范围内。",
                "Alibaba Qwen",
            ),
            (
                "三期计划部署英伟达H20推理集群，不属于本期采购范围。",
                "NVIDIA",
            ),
        ] {
            assert_none(&d, text, product);
        }
        // "不在本期招标范围内的Y" speaks of Y; bought in the term's own clause.
        assert_some(
            &d,
            "本期采购英伟达L20服务器，二期扩容不在本期招标范围内。",
            "NVIDIA",
        );
        assert_some(
            &d,
            "部署DeepSeek模型，不在本期招标范围内的运维服务另行采购。",
            "DeepSeek",
        );
    }

    #[test]
    fn an_earlier_trial_or_separate_system_is_no_mention() {
        let d = detector();
        for (text, product) in [
            (
                "前几年我们试用过基于英伟达V100的识别方案，效果一般。",
                "NVIDIA",
            ),
            ("该中心曾试点NVIDIA A30推理方案。", "NVIDIA"),
            (
                "医院门户网站此前曾调用通义千问接口，与本项目无关。",
                "Alibaba Qwen",
            ),
            (
                "学校原有的教务问答系统曾引入讯飞星火，该系统与本项目相互独立。",
                "iFlytek Spark",
            ),
        ] {
            assert_none(&d, text, product);
        }
        // Past use of this project's own equipment is kept, as is a plain deployment.
        assert_some(&d, "本项目曾接入通义千问，现扩容。", "Alibaba Qwen");
        assert_some(&d, "平台基于通义千问大模型建设。", "Alibaba Qwen");
    }

    #[test]
    fn demonstration_equipment_is_no_mention() {
        let d = detector();
        for text in [
            "答辩环节供应商自带笔记本演示（演示用机配备NVIDIA RTX 4080显卡），演示设备不属于本次采购内容。",
            "现场演示使用的英伟达RTX 3090工作站由投标人自备，演示环境不在采购范围内。",
        ] {
            assert_none(&d, text, "NVIDIA");
        }
        // A demo of the product bought in its own clause stays.
        assert_some(
            &d,
            "采购搭载NVIDIA RTX 4090显卡的工作站10台，演示培训不属于本次采购内容。",
            "NVIDIA",
        );
    }
}

/// extract60 (held-out rounds 48/49 of issue 10): variants of covered not-use frames, on other
/// wordings than the pages: a prohibition opened by 不将 over a list with a bracketed alias,
/// others' practice built on a product (多基于), a tender's scope note (招标范围), a contrast
/// (与…不同, 不同于), and share-price news on listed makers.
#[cfg(test)]
mod round48_49_not_use_tests {
    use super::*;

    use super::test_support::bundled_names as names;

    #[test]
    fn products_named_but_not_used_of_rounds_48_49() {
        for (text, name) in [
            (
                "运营方承诺不会将用户语音转写结果传输至OpenAI等境外模型接口。",
                "OpenAI",
            ),
            (
                "中标人不将监测数据同步至微软智能云(Azure)等海外云平台。",
                "Microsoft Azure",
            ),
            (
                "海外同行大多基于NVIDIA A100构建同类训练平台。",
                "NVIDIA A100",
            ),
            ("业内普遍基于AWS部署同类系统，本项目采用国产云。", "AWS"),
            (
                "原有门户网站托管于阿里云，由信息中心自行维护，不在招标范围内。",
                "Alibaba Cloud",
            ),
            (
                "合作医院的影像系统使用腾讯云，不属于本项目招标范围。",
                "Tencent Cloud",
            ),
            (
                "跟Azure OpenAI的公有云方案不同，本系统全部本地部署。",
                "Azure OpenAI",
            ),
            ("不同于ChatGPT等云端服务，本平台部署在院内。", "OpenAI"),
            (
                "午后算力芯片板块拉升，摩尔线程股价一度上涨6%。",
                "Moore Threads",
            ),
            (
                "国产算力芯片板块走强，寒武纪和海光信息盘中涨停。",
                "Cambricon MLU",
            ),
            ("国产算力芯片板块走强，寒武纪和海光信息盘中涨停。", "Hygon"),
        ] {
            assert!(
                !names(text).iter().any(|n| n == name),
                "{name} in {text}: {:?}",
                names(text)
            );
        }
    }

    #[test]
    fn the_same_products_bought_stay_mentions() {
        for (text, name) in [
            // No outside category closes the list: the ban does not reach the product.
            (
                "平台数据存储于阿里云政务云，承诺不将数据存储至境外。",
                "Alibaba Cloud",
            ),
            ("本项目基于NVIDIA A100服务器开展训练。", "NVIDIA A100"),
            // The purchase's own clause buys it; the note speaks of the supervision only.
            (
                "本项目租用阿里云资源，监理服务不在本次招标范围内。",
                "Alibaba Cloud",
            ),
            ("项目租用腾讯云，与往年方案不同。", "Tencent Cloud"),
            (
                "本项目采购摩尔线程MTT S4000加速卡8张，供应商股票代码见附件。",
                "Moore Threads",
            ),
        ] {
            assert!(
                names(text).iter().any(|n| n == name),
                "{name} missing in {text}: {:?}",
                names(text)
            );
        }
    }

    #[test]
    fn name_tail_and_bracketed_aliases() {
        assert!(name_tail(""));
        assert!(name_tail("信息"));
        assert!(name_tail("、海光信息"));
        assert!(name_tail("和海光信息"));
        assert!(!name_tail("MTT S4000加速卡8张,供应商"));
        assert!(!name_tail("加速卡采购项目的中标人"));
        assert!(later_items(")、微软Azure"));
        assert!(later_items("(AWS)、微软Azure"));
        assert!(!later_items("(AWS,云服务)、微软Azure"));
    }
}

/// extract64: weaknesses seen in code review, on wordings of our own: a demonstration or
/// existing-equipment note that names its own subject, a bidder's past experience in a
/// qualification, a contrast of models, and share-price news on foreign makers.
#[cfg(test)]
mod review64_tests {
    use super::test_support::{assert_none, assert_some, detector};
    use super::{note_reaches_back, own_clause};

    #[test]
    fn a_demonstration_note_governs_only_its_own_clause() {
        let d = detector();
        // The note names its own subject (the demo set-up); the product bought stands apart.
        assert_some(
            &d,
            "部署DeepSeek大模型，演示环境不属于采购内容。",
            "DeepSeek",
        );
        assert_some(
            &d,
            "本平台接入通义千问提供问答服务，演示设备不在本次采购范围内。",
            "Alibaba Qwen",
        );
        assert_some(
            &d,
            "配置英伟达L40S推理服务器2台，演示用笔记本不属于本次采购内容。",
            "NVIDIA",
        );
        // The product is the demonstration's own equipment.
        assert_none(&d, "演示用英伟达RTX 4090工作站不属于采购内容。", "NVIDIA");
        assert_none(
            &d,
            "投标人可现场演示DeepSeek对话效果，演示环境不在采购范围内。",
            "DeepSeek",
        );
        assert_none(&d, "NVIDIA A100服务器仅作演示。", "NVIDIA");
        assert_none(
            &d,
            "其中通义千问仅作为演示，不纳入本次采购。",
            "Alibaba Qwen",
        );
    }

    #[test]
    fn an_existing_equipment_note_governs_only_clauses_naming_it() {
        let d = detector();
        assert_some(
            &d,
            "升级现有平台，新增DeepSeek推理服务，原服务器不纳入本次采购。",
            "DeepSeek",
        );
        assert_some(
            &d,
            "扩容现有机房，部署英伟达H20推理服务器4台，现有服务器不在本次采购范围内。",
            "NVIDIA",
        );
        // The existing equipment is the product itself.
        assert_none(
            &d,
            "现有2台英伟达A100服务器继续使用，原服务器不纳入本次采购。",
            "NVIDIA",
        );
        assert_none(
            &d,
            "与我院原有的NVIDIA V100集群统一纳管，原集群不在本次采购范围内。",
            "NVIDIA",
        );
    }

    #[test]
    fn a_bidders_past_experience_is_no_mention() {
        let d = detector();
        for (text, product) in [
            ("投标人须具有使用过英伟达H20的项目业绩。", "NVIDIA"),
            (
                "本项目要求投标人具有采用过英伟达A100集群的实施业绩。",
                "NVIDIA",
            ),
            ("供应商应具备部署过DeepSeek大模型的项目经验。", "DeepSeek"),
        ] {
            assert_none(&d, text, product);
        }
        // The purchase's own use, and the buyer's own past use, stay.
        assert_some(&d, "本项目使用英伟达H20服务器开展训练。", "NVIDIA");
        assert_some(&d, "中标人须采用英伟达A100服务器部署平台。", "NVIDIA");
        assert_some(&d, "我院曾采用DeepSeek模型，现扩容。", "DeepSeek");
        let own = ["本项目".to_string(), "采购人".to_string()];
        let bidders = ["投标人".to_string(), "供应商".to_string()];
        assert!(own_clause("本项目曾", &own, &bidders));
        assert!(own_clause("投标人须知:采购人曾", &own, &bidders));
        assert!(!own_clause("采购人要求供应商具有", &own, &bidders));
        assert!(!own_clause("投标人须具有", &own, &bidders));
    }

    #[test]
    fn a_kind_lead_needs_its_kind_in_the_terms_clause() {
        let kinds = vec![
            vec!["现有".to_string(), "原".to_string()],
            vec!["演示".to_string()],
        ];
        let reach =
            |clause: [&str; 2], between: &str| note_reaches_back(between, clause, &[], &kinds);
        assert!(reach(["现有2台", "服务器"], "服务器,原服务器"));
        assert!(reach(["演示用机配备", ""], "显卡),演示设备"));
        assert!(!reach(["新增", "推理服务"], "推理服务,原服务器"));
        assert!(!reach(["现有2台", ""], ",演示环境"));
    }

    #[test]
    fn a_contrast_of_models_is_no_mention() {
        let d = detector();
        assert_none(&d, "提供与英伟达A100不同型号的加速卡。", "NVIDIA");
        assert_none(
            &d,
            "所投服务器须采用与NVIDIA H20不同的国产加速卡。",
            "NVIDIA",
        );
        assert_none(&d, "所投产品与英伟达L40S不同，采用国产芯片。", "NVIDIA");
        assert_some(&d, "提供与英伟达A100配套的NVLink桥接器。", "NVIDIA");
        assert_some(&d, "扩容节点须与现有NVIDIA H100同型号。", "NVIDIA");
        assert_some(&d, "提供与英伟达A800同型号的加速卡4张。", "NVIDIA");
    }

    #[test]
    fn share_news_on_a_foreign_maker_is_no_mention() {
        let d = detector();
        for (text, product) in [
            ("受H20出口许可影响，英伟达股价当日下跌3%。", "NVIDIA"),
            ("NVIDIA shares fell after the H20 licence news.", "NVIDIA"),
            ("AMD股价盘中上涨，MI308订单增加。", "AMD"),
            ("英特尔股价收跌，Gaudi需求不及预期。", "Intel"),
            ("微软股价上涨，Azure业务增长。", "Microsoft Azure"),
            ("亚马逊股价收涨，AWS业务增长。", "AWS"),
            ("谷歌市值突破2万亿美元，Vertex用户增长。", "Google"),
        ] {
            assert_none(&d, text, product);
        }
        for (text, product) in [
            ("采购英伟达H100 8卡服务器2台。", "NVIDIA"),
            ("采购英伟达H20推理卡，供应商股票代码见附件。", "NVIDIA"),
            ("AMD MI308加速卡8张。", "AMD"),
            ("租用微软Azure云资源。", "Microsoft Azure"),
        ] {
            assert_some(&d, text, product);
        }
    }
}

/// extract68 (held-out round 51 of issue 10): products that are old, replaced or someone else's —
/// the old wording a correction replaces with 更改为 / 改为 / 更换为, an old system's host in a
/// bracket that is migrated off or switched off, and a company called a product's partner.
#[cfg(test)]
mod old_replaced_partner_tests {
    use super::in_bracket_of;
    use super::test_support::{detector, names};

    fn has(got: &[String], product: &str) -> bool {
        got.iter().any(|n| n.starts_with(product))
    }

    #[test]
    fn the_old_wording_a_correction_changes_is_no_mention() {
        let d = detector();
        for (text, old, new) in [
            (
                "2．采购需求第2项“云资源：租用阿里云ECS云主机2台”更改为“云资源：依托市政务云（华为云）资源池”。",
                "Alibaba Cloud",
                "Huawei Cloud",
            ),
            (
                "部署位置由“部署于腾讯云”改为“部署于天翼云”，其余不变。",
                "Tencent Cloud",
                "China Telecom Cloud",
            ),
            (
                "第4条“算力资源租用移动云GPU主机”更换为“算力资源租用天翼云GPU主机”。",
                "China Mobile Cloud",
                "China Telecom Cloud",
            ),
        ] {
            let got = names(&d, text);
            assert!(!has(&got, old), "{text}: {got:?}");
            assert!(has(&got, new), "{text}: {got:?}");
        }
        // The new wording, a requirement said to stay, or a change told without quotes: kept.
        for (text, product) in [
            ("将“部署于本地机房”更改为“部署于阿里云”。", "Alibaba Cloud"),
            (
                "第5项“问答助手基于文心大模型私有化部署”的要求不变。",
                "Baidu ERNIE",
            ),
            ("平台部署位置由本地机房更改为华为云。", "Huawei Cloud"),
        ] {
            let got = names(&d, text);
            assert!(has(&got, product), "{text}: {got:?}");
        }
    }

    #[test]
    fn an_old_systems_host_migrated_off_is_no_mention() {
        let d = detector();
        for (text, product) in [
            (
                "将原门户网站（2019年建设，托管于腾讯云）数据迁移至政务云，原网站随后下线。",
                "Tencent Cloud",
            ),
            (
                "旧版OA系统（部署于华为云，2020年上线）停止使用后，数据归档保存。",
                "Huawei Cloud",
            ),
            (
                "现有视频平台（基于阿里云搭建，2018年上线）迁出后关停。",
                "Alibaba Cloud",
            ),
        ] {
            let got = names(&d, text);
            assert!(!has(&got, product), "{text}: {got:?}");
        }
        // No migration or retirement, the bracket on a new platform, or the retirement in
        // another sentence: still a mention.
        for (text, product) in [
            (
                "原有系统（部署于华为云）扩容升级，新增存储。",
                "Huawei Cloud",
            ),
            (
                "新建平台（部署于华为云），原系统数据迁移至新平台后停止使用。",
                "Huawei Cloud",
            ),
            (
                "原有机房改造完成，新建平台（部署于阿里云）上线后旧系统停止使用。",
                "Alibaba Cloud",
            ),
            (
                "原系统（部署于阿里云）继续运行。数据迁移由中标人负责。",
                "Alibaba Cloud",
            ),
        ] {
            let got = names(&d, text);
            assert!(has(&got, product), "{text}: {got:?}");
        }
    }

    #[test]
    fn a_bracket_after_the_opening_word_holds_the_term() {
        assert!(in_bracket_of("监测系统(2021年建设,部署于"));
        assert!(in_bracket_of("系统("));
        // A clause mark before the bracket, a closed bracket, a sentence end or no bracket.
        assert!(!in_bracket_of("有机房改造,新建平台(部署于"));
        assert!(!in_bracket_of("系统(2021年建设)部署于"));
        assert!(!in_bracket_of("系统(2021年建设。部署于"));
        assert!(!in_bracket_of("系统部署于"));
    }

    #[test]
    fn a_company_called_a_products_partner_is_no_mention() {
        let d = detector();
        for (text, product) in [
            (
                "第一中标候选人系华为云的金牌合作伙伴，近年承建多个政务项目。",
                "Huawei Cloud",
            ),
            (
                "该公司作为腾讯云生态伙伴参与了多个智慧园区项目。",
                "Tencent Cloud",
            ),
            (
                "据了解，排名第二的公司是阿里云在本省的战略伙伴。",
                "Alibaba Cloud",
            ),
        ] {
            let got = names(&d, text);
            assert!(!has(&got, product), "{text}: {got:?}");
        }
        // The product used, with a partner named in another clause or far from it: kept.
        for (text, product) in [
            ("项目部署于阿里云，合作伙伴负责日常运维。", "Alibaba Cloud"),
            (
                "本项目采用的是华为云GPU云主机，由原厂技术合作伙伴驻场。",
                "Huawei Cloud",
            ),
            (
                "中标人为本地企业，平台租用腾讯云GPU云服务器，并由其合作伙伴提供运维服务。",
                "Tencent Cloud",
            ),
        ] {
            let got = names(&d, text);
            assert!(has(&got, product), "{text}: {got:?}");
        }
    }
}

#[cfg(test)]
mod extract66_not_use_tests {
    use super::test_support::{assert_none, assert_some, detector};

    #[test]
    fn an_exclusion_whose_word_stands_off_its_list_governs_it() {
        let d = detector();
        for (text, product) in [
            (
                "报价不包含学生自行订阅的ChatGPT、Claude等境外AI应用的会员费用。",
                "OpenAI",
            ),
            (
                "服务费不含员工个人使用的Kimi、豆包等第三方应用的订阅费。",
                "Moonshot Kimi",
            ),
            (
                "服务费不含员工个人使用的Kimi、豆包等第三方应用的订阅费。",
                "ByteDance Doubao",
            ),
            (
                "本项目不接受以OpenAI、Claude等境外模型接口封装的产品。",
                "OpenAI",
            ),
            (
                "不包括基于阿里云、华为云等公有云部署的方案。",
                "Alibaba Cloud",
            ),
        ] {
            assert_none(&d, text, product);
        }
        // Without 等 + an outside category the product is still named as bought or used.
        for (text, product) in [
            ("报价包含ChatGPT企业版订阅费用。", "OpenAI"),
            ("报价不含税，采购英伟达H100服务器2台。", "NVIDIA"),
            ("不接受非原厂的NVIDIA H100。", "NVIDIA"),
            ("本项目部署于阿里云，不包含三年后的续费。", "Alibaba Cloud"),
        ] {
            assert_some(&d, text, product);
        }
    }

    #[test]
    fn a_staff_certificate_named_after_a_cloud_is_no_use_of_it() {
        let d = detector();
        for (text, product) in [
            ("项目经理具有华为云HCIE认证的，得2分。", "Huawei Cloud"),
            (
                "技术负责人持有阿里云ACE认证证书，提供复印件。",
                "Alibaba Cloud",
            ),
            (
                "团队成员持有AWS Certified Solutions Architect证书的得1分。",
                "AWS",
            ),
            ("拟派人员具有华为云认证证书的每人得1分。", "Huawei Cloud"),
        ] {
            assert_none(&d, text, product);
        }
        for (text, product) in [
            ("平台部署于华为云，租用3年。", "Huawei Cloud"),
            ("采购阿里云ECS云服务器资源。", "Alibaba Cloud"),
            ("租用AWS云资源，并提供认证证书。", "AWS"),
        ] {
            assert_some(&d, text, product);
        }
    }

    #[test]
    fn a_platform_the_software_must_prove_compatibility_with_is_no_use_of_it() {
        let d = detector();
        for (text, product) in [
            (
                "软件须提供与麒麟操作系统及海光、飞腾等国产CPU的兼容性证明。",
                "Hygon",
            ),
            (
                "投标人须提供与鲲鹏、昇腾等国产芯片平台的兼容性互认证书。",
                "Huawei Ascend",
            ),
            (
                "须提供与统信UOS等操作系统及寒武纪、昆仑芯等国产AI芯片的兼容认证。",
                "Cambricon",
            ),
        ] {
            assert_none(&d, text, product);
        }
        // The makers' chips bought or the list without the compatibility closing stay use.
        for (text, product) in [
            ("采购海光、鲲鹏等国产CPU服务器4台。", "Hygon"),
            ("采购昇腾910B服务器，与海光CPU服务器组成异构集群。", "Hygon"),
            (
                "推理服务器配置寒武纪MLU370加速卡，须提供与国产操作系统的兼容性证明。",
                "Cambricon",
            ),
        ] {
            assert_some(&d, text, product);
        }
    }
}

/// review69: wordings of real purchases that resemble a bracket or verdict frame — a bracket
/// after the move's own verb names the new host, a negated verdict passes the bid.
#[cfg(test)]
mod review69_tests {
    use super::test_support::{assert_none, assert_some, detector};

    #[test]
    fn a_bracket_after_the_moves_verb_is_the_new_host() {
        let d = detector();
        for (text, product) in [
            (
                "原有业务迁移至政务云（华为云）后，原机房停止使用。",
                "Huawei Cloud",
            ),
            (
                "原系统数据迁移至新建平台（部署于天翼云），迁移完成后原系统停用。",
                "China Telecom Cloud",
            ),
            (
                "现有应用停止使用本地机房，改由云平台（阿里云）承载，原服务器报废。",
                "Alibaba Cloud",
            ),
        ] {
            assert_some(&d, text, product);
        }
        // The old system's own bracket, before the move's verb, still says where it ran.
        for (text, product) in [
            ("原系统（部署于阿里云）停止使用。", "Alibaba Cloud"),
            (
                "含原监测系统（2020年建设，部署于华为云）历史数据迁移，迁移完成后原系统停止使用。",
                "Huawei Cloud",
            ),
            (
                "原有平台（租用腾讯云）数据迁出后不再续约。",
                "Tencent Cloud",
            ),
        ] {
            assert_none(&d, text, product);
        }
    }

    #[test]
    fn a_negated_verdict_passes_the_bid() {
        let d = detector();
        for (text, product) in [
            (
                "所投NVIDIA L20显卡经复核不存在不满足招标要求的情形。",
                "NVIDIA L20",
            ),
            (
                "投标人所投昇腾910B加速卡经评审未发现不符合项。",
                "Huawei Ascend",
            ),
            (
                "所报寒武纪MLU370加速卡经核验不存在被否决的情形。",
                "Cambricon",
            ),
        ] {
            assert_some(&d, text, product);
        }
        // A plain verdict still rules the offer out.
        for (text, product) in [
            (
                "其他投标人所投NVIDIA A100服务器不满足招标文件要求，投标无效。",
                "NVIDIA A100",
            ),
            (
                "1家投标人所投一体机配置NVIDIA L40S，经复核不满足实质性要求，其投标被否决。",
                "NVIDIA L40S",
            ),
        ] {
            assert_none(&d, text, product);
        }
    }
}

/// extract71: non-use rules that reached too far or not far enough (seen in review): a verdict
/// over one of two options, a ban on reselling a bought resource, an old host without a bracket,
/// a correction told without quotes, one maker's compatibility proof, 若 as a condition, a
/// dropped plan named with 的, and a bidder's record of past work.
#[cfg(test)]
mod extract71_tests {
    use super::test_support::{assert_none, assert_some, detector};

    #[test]
    fn a_verdict_over_one_option_drops_only_that_option() {
        let d = detector();
        for (text, dropped, kept) in [
            (
                "两种方案比较，阿里云方案未被采纳，最终选用华为云。",
                "Alibaba Cloud",
                "Huawei Cloud",
            ),
            (
                "经比选，方案一（阿里云）未予采用，方案二（华为云）中选。",
                "Alibaba Cloud",
                "Huawei Cloud",
            ),
            (
                "经对比评估，腾讯云方案未予采纳，本项目采用天翼云方案。",
                "Tencent Cloud",
                "China Telecom Cloud",
            ),
            (
                "对阿里云、华为云两种方案进行比选，阿里云方案未予采用。",
                "Alibaba Cloud",
                "Huawei Cloud",
            ),
            (
                "对基于腾讯云和天翼云的方案进行比选，腾讯云方案未被采纳。",
                "Tencent Cloud",
                "China Telecom Cloud",
            ),
            (
                "选型论证中，华为云方案落选，最终确定采用阿里云。",
                "Huawei Cloud",
                "Alibaba Cloud",
            ),
        ] {
            assert_none(&d, text, dropped);
            assert_some(&d, text, kept);
        }
        // A verdict clause without a subject of its own still rules out the compared option.
        for (text, product) in [
            (
                "可研阶段曾对基于阿里云的方案进行比选，因成本原因未予采用。",
                "Alibaba Cloud",
            ),
            (
                "对基于华为云和阿里云的方案进行比选，该方案未被采纳。",
                "Huawei Cloud",
            ),
        ] {
            assert_none(&d, text, product);
        }
    }

    #[test]
    fn a_ban_on_reselling_a_bought_resource_keeps_it() {
        let d = detector();
        for (text, product) in [
            ("中标人不得将华为云资源转租给第三方。", "Huawei Cloud"),
            (
                "中标人不得将阿里云服务器转售或转让给其他单位。",
                "Alibaba Cloud",
            ),
            ("供应商不得将腾讯云账号挪作他用。", "Tencent Cloud"),
            ("不得将天翼云算力资源用于其他项目。", "China Telecom Cloud"),
        ] {
            assert_some(&d, text, product);
        }
        for (text, product) in [
            ("不得将数据上传至OpenAI等境外服务。", "OpenAI"),
            ("禁止将业务数据传输至OpenAI等境外大模型。", "OpenAI"),
        ] {
            assert_none(&d, text, product);
        }
    }

    #[test]
    fn an_old_systems_host_without_a_bracket_is_no_mention() {
        let d = detector();
        for (text, product) in [
            ("原系统部署于阿里云，迁移完成后停止使用。", "Alibaba Cloud"),
            (
                "现有业务运行在腾讯云上，本项目将其迁移至本地机房。",
                "Tencent Cloud",
            ),
            ("原有平台托管于华为云，数据迁出后下线。", "Huawei Cloud"),
        ] {
            assert_none(&d, text, product);
        }
        for (text, product) in [
            (
                "原系统迁移至华为云，迁移完成后原机房停止使用。",
                "Huawei Cloud",
            ),
            (
                "现有业务迁移至天翼云，原服务器报废。",
                "China Telecom Cloud",
            ),
            (
                "原有业务迁移至政务云（阿里云）后，原机房停用。",
                "Alibaba Cloud",
            ),
        ] {
            assert_some(&d, text, product);
        }
    }

    #[test]
    fn a_correction_told_without_quotes_drops_the_old_product() {
        let d = detector();
        for (text, old, new) in [
            (
                "原采用阿里云服务，现更改为华为云服务。",
                "Alibaba Cloud",
                "Huawei Cloud",
            ),
            (
                "将阿里云调整为天翼云。",
                "Alibaba Cloud",
                "China Telecom Cloud",
            ),
            (
                "部署平台由腾讯云更换为华为云，其余不变。",
                "Tencent Cloud",
                "Huawei Cloud",
            ),
        ] {
            assert_none(&d, text, old);
            assert_some(&d, text, new);
        }
        for (text, product) in [
            ("平台部署位置由本地机房更改为华为云。", "Huawei Cloud"),
            ("采用阿里云服务，备份策略调整为每日一次。", "Alibaba Cloud"),
        ] {
            assert_some(&d, text, product);
        }
    }

    #[test]
    fn one_makers_compatibility_proof_is_no_use() {
        let d = detector();
        for (text, product) in [
            ("提供与海光处理器的兼容性证明。", "Hygon"),
            ("提供在昇腾平台上的适配证明材料。", "Huawei Ascend"),
            ("须提供与寒武纪加速卡的兼容性适配证明。", "Cambricon"),
        ] {
            assert_none(&d, text, product);
        }
        for (text, product) in [
            ("采购海光处理器服务器4台。", "Hygon"),
            (
                "本项目采用昇腾平台，提供昇腾910B加速卡8张。",
                "Huawei Ascend",
            ),
        ] {
            assert_some(&d, text, product);
        }
    }

    #[test]
    fn ruo_alone_is_a_condition_but_ruogan_is_a_count() {
        let d = detector();
        for (text, product) in [
            (
                "若本项目不采用NVIDIA A100方案，则须另行说明理由。",
                "NVIDIA A100",
            ),
            (
                "若NVIDIA A100不在本次采购范围内，则应书面告知。",
                "NVIDIA A100",
            ),
        ] {
            assert_some(&d, text, product);
        }
        for (text, product) in [
            ("若干台NVIDIA A100服务器不在本次采购范围内。", "NVIDIA A100"),
            ("本项目不采用NVIDIA A100方案。", "NVIDIA A100"),
        ] {
            assert_none(&d, text, product);
        }
        assert_some(&d, "采购若干台NVIDIA A100服务器。", "NVIDIA A100");
    }

    #[test]
    fn a_dropped_plan_named_with_de_is_no_mention() {
        let d = detector();
        for (text, product) in [
            ("本项目不再采用NVIDIA A100推理卡的方案。", "NVIDIA A100"),
            ("本期不采用基于阿里云的部署方案。", "Alibaba Cloud"),
            ("不再采用NVIDIA H100集群的技术路线。", "NVIDIA H100"),
        ] {
            assert_none(&d, text, product);
        }
        for (text, product) in [
            ("未采用NVIDIA A100的投标人，其投标无效。", "NVIDIA A100"),
            ("未部署NVIDIA H100的服务器不予验收。", "NVIDIA H100"),
        ] {
            assert_some(&d, text, product);
        }
    }

    #[test]
    fn a_bidders_past_work_is_no_mention() {
        let d = detector();
        for (text, product) in [
            ("投标人须具有NVIDIA H100集群部署业绩。", "NVIDIA H100"),
            ("供应商应具备华为云平台实施业绩。", "Huawei Cloud"),
            ("具有阿里云项目建设成功案例的，加2分。", "Alibaba Cloud"),
        ] {
            assert_none(&d, text, product);
        }
        for (text, product) in [
            (
                "本项目采购NVIDIA H100服务器2台，投标人须具有类似业绩。",
                "NVIDIA H100",
            ),
            (
                "采购华为云资源，供应商须具有云平台实施业绩。",
                "Huawei Cloud",
            ),
            (
                "所投服务器具有8张NVIDIA H100 GPU，投标人须具有类似业绩。",
                "NVIDIA H100",
            ),
        ] {
            assert_some(&d, text, product);
        }
    }
}

/// extract75 (held-out round 53 of issue 10): a product named only as the price yardstick a cap
/// or budget was estimated from, or as the popularity lead of a news story; and a probe of
/// purchases worded like these frames, which must keep the product.
#[cfg(test)]
mod extract75_price_trend_tests {

    use super::test_support::{assert_none, assert_some, detector};

    #[test]
    fn a_cap_estimated_from_a_products_prices_vetoes_it() {
        let d = detector();
        for (text, product) in [
            (
                "项目预算参照华为云同类服务的市场价格测算，分三年支付。",
                "Huawei Cloud",
            ),
            ("最高投标限价依据腾讯云公开收费标准确定。", "Tencent Cloud"),
            (
                "本项目控制价对标火山引擎同规格实例的公开报价制定。",
                "Volcano Engine",
            ),
            (
                "年度服务费上限比照移动云等平台GPU云主机刊例价估算得出。",
                "China Mobile Cloud",
            ),
        ] {
            assert_none(&d, text, product);
        }
    }

    #[test]
    fn a_popularity_lead_in_news_vetoes_the_product() {
        let d = detector();
        for (text, product) in [
            (
                "自DeepSeek爆火以来，各地政务大模型项目明显增多。",
                "DeepSeek",
            ),
            ("随着DeepSeek的走红，矿山企业纷纷布局智能化。", "DeepSeek"),
            ("ChatGPT横空出世，大模型应用进入快车道。", "OpenAI"),
            (
                "Kimi火出圈之后，长文本处理成为各地关注的能力。",
                "Moonshot Kimi",
            ),
            ("在DeepSeek热潮下，算力需求持续攀升。", "DeepSeek"),
            // A model code between the name and the rise word is skipped.
            ("DeepSeek-V3爆火之后，算力租赁价格一路走高。", "DeepSeek"),
        ] {
            assert_none(&d, text, product);
        }
    }

    /// Written before the rules ran: purchases or uses that read like a price reference or a
    /// popularity lead. Every one keeps its product.
    #[test]
    fn purchases_worded_like_the_frames_keep_the_product() {
        let d = detector();
        let probes = [
            ("本院此前已部署DeepSeek，本次扩容DeepSeek算力。", "DeepSeek"),
            ("参照阿里云报价采购阿里云云服务。", "Alibaba Cloud"),
            ("依托阿里云平台建设本项目。", "Alibaba Cloud"),
            ("云资源费用按阿里云官网刊例价格的7折结算。", "Alibaba Cloud"),
            (
                "参照阿里云刊例价格测算后，本项目采购阿里云百炼大模型服务。",
                "Alibaba Cloud",
            ),
            (
                "本项目采购华为云ModelArts服务，价格参照华为云官网刊例价确定。",
                "Huawei Cloud",
            ),
            (
                "本项目租用联通云GPU资源，参考联通云资费标准按月结算。",
                "China Unicom Cloud",
            ),
            (
                "参考DeepSeek官方部署指南完成DeepSeek-R1本地化部署。",
                "DeepSeek",
            ),
            ("随着业务量增长，本项目扩容DeepSeek推理集群。", "DeepSeek"),
            (
                "DeepSeek走红以来，本院已部署DeepSeek-R1满血版。",
                "DeepSeek",
            ),
            (
                "中标人须提供DeepSeek-R1模型的私有化部署，模型走红后的访问高峰须保障。",
                "DeepSeek",
            ),
            (
                "本项目采购DeepSeek一体机，火爆的咨询需求由其承接。",
                "DeepSeek",
            ),
            (
                "采购阿里云通义千问服务，单价确定为每千tokens 0.002元。",
                "Alibaba Cloud",
            ),
            (
                "依据招标文件要求，采购腾讯云TI平台服务，服务价格测算详见附件。",
                "Tencent Cloud",
            ),
            (
                "本项目依据华为云昇腾AI云服务部署方案实施，价格确定方式为固定总价。",
                "Huawei Cloud",
            ),
            (
                "参照华为云昇腾云服务的配置确定算力规模，采购华为云昇腾云服务。",
                "Huawei Cloud",
            ),
            (
                "本项目采购移动云GPU云主机，费用参照移动云公布的刊例价执行。",
                "China Mobile Cloud",
            ),
            (
                "对标阿里云百炼平台能力，本项目采购阿里云百炼平台服务。",
                "Alibaba Cloud",
            ),
            ("根据DeepSeek热度选择部署DeepSeek-R1模型。", "DeepSeek"),
            (
                "随着本院DeepSeek大模型上线使用持续升温，需扩容推理服务器。",
                "DeepSeek",
            ),
            ("随着DeepSeek-R1部署完成，平台访问量火爆增长。", "DeepSeek"),
            (
                "依据火山引擎豆包大模型服务报价签订合同并采购火山引擎豆包大模型服务。",
                "Volcano Engine",
            ),
            ("本项目部署DeepSeek，走红以来的访问量由其承接。", "DeepSeek"),
            (
                "部署DeepSeek-R1推理服务，热潮下的访问高峰须保障。",
                "DeepSeek",
            ),
        ];
        let kept = probes
            .iter()
            .filter(|(text, product)| {
                super::test_support::names(&d, text)
                    .iter()
                    .any(|n| n.starts_with(product))
            })
            .count();
        eprintln!("extract75 probe: {kept}/{} kept", probes.len());
        for (text, product) in probes {
            assert_some(&d, text, product);
        }
    }
}

/// review77: sentences written before any run in the wording of the frames of extract71/73 and
/// the head-noun rule, where the product IS bought or used (kept) or only named (dropped).
#[cfg(test)]
mod review77_tests {
    use super::test_support::{assert_none, assert_some, detector};

    #[test]
    fn a_product_bought_or_used_in_a_not_use_frame_stays() {
        let d = detector();
        for (text, product) in [
            (
                "培训服务：中标人须对采购的华为云资源开展培训。",
                "Huawei Cloud",
            ),
            (
                "本项目租用阿里云ECS云服务器，中标人须提供阿里云工程师7×24小时驻场运维。",
                "Alibaba Cloud",
            ),
            (
                "投标人须为华为云合作伙伴，并提供华为云资源不少于200核。",
                "Huawei Cloud",
            ),
            (
                "采购昇腾910B服务器8台，中标人须提供昇腾工程师现场安装调试。",
                "Huawei Ascend",
            ),
            (
                "采购腾讯云对象存储服务，供应商须提供腾讯云原厂授权证书。",
                "Tencent Cloud",
            ),
            (
                "须提供所投NVIDIA A100服务器的原厂授权书及质保证书。",
                "NVIDIA A100",
            ),
            (
                "中标人负责对采购人技术人员进行昇腾910B服务器操作培训。",
                "Huawei Ascend",
            ),
            (
                "本项目依托华为云部署，投标人须提供不少于3个华为云上线案例。",
                "Huawei Cloud",
            ),
            (
                "拟派驻场工程师须持有华为云HCIE证书，负责本项目华为云Stack平台运维。",
                "Huawei Cloud",
            ),
            (
                "本次采购的英伟达H20服务器须由英伟达授权的合作伙伴供货。",
                "NVIDIA H20",
            ),
            (
                "投标人须为阿里云授权合作伙伴，负责提供阿里云资源。",
                "Alibaba Cloud",
            ),
            (
                "培训内容：天翼云主机的开通、配置及运维。",
                "China Telecom Cloud",
            ),
            ("通过华为云会议系统参加大会。", "Huawei Cloud"),
            (
                "采购阿里云视频直播服务，用于年度峰会的线上直播。",
                "Alibaba Cloud",
            ),
            (
                "中标人须使用腾讯云会议组织参会人员参加线上峰会。",
                "Tencent Cloud",
            ),
            (
                "本项目租用华为云服务器，验收阶段中标人须组织采购人赴华为云数据中心现场考察。",
                "Huawei Cloud",
            ),
            ("采购昇腾910B服务器，替换原有CPU服务器。", "Huawei Ascend"),
            ("本项目使用海光DCU加速卡替换原有的英伟达V100显卡。", "Hygon"),
            ("以阿里云替换自建机房，全部业务迁移上云。", "Alibaba Cloud"),
            ("新购寒武纪MLU370加速卡，取代现有老旧设备。", "Cambricon"),
            ("用华为云取代原有的自建服务器。", "Huawei Cloud"),
            ("对部署于华为云的业务系统开展等保测评。", "Huawei Cloud"),
            (
                "本项目开展基于昇腾910B的大模型训练研究，采购昇腾910B服务器2台。",
                "Huawei Ascend",
            ),
            (
                "委托第三方对采购的腾讯云资源使用情况进行审计。",
                "Tencent Cloud",
            ),
            (
                "除本次采购的华为云资源外，不得使用其他公有云服务。",
                "Huawei Cloud",
            ),
            (
                "禁止将业务数据存储于境外云服务，须统一使用天翼云。",
                "China Telecom Cloud",
            ),
            (
                "参照兄弟单位已采购的阿里云政务云服务，本次续购阿里云政务云资源一年。",
                "Alibaba Cloud",
            ),
            ("按《华为云服务等级协议》提供华为云服务。", "Huawei Cloud"),
            (
                "中标人应按照《阿里云ECS使用指南》对采购人提供的阿里云ECS实例进行配置。",
                "Alibaba Cloud",
            ),
            (
                "依据《天翼云产品服务协议》，采购天翼云主机50台。",
                "China Telecom Cloud",
            ),
            (
                "经比选，A方案未被采纳，最终采用华为云方案。",
                "Huawei Cloud",
            ),
            (
                "原拟采用的自建方案未被采纳，改为租用阿里云。",
                "Alibaba Cloud",
            ),
            (
                "中标人不得将采购的腾讯云资源转租给第三方。",
                "Tencent Cloud",
            ),
            ("采购人租用的华为云资源不得转售或出借。", "Huawei Cloud"),
            (
                "原系统部署于自建机房，现已停止使用，本次迁移至华为云。",
                "Huawei Cloud",
            ),
            (
                "原系统部署于阿里云，合同到期后继续使用阿里云。",
                "Alibaba Cloud",
            ),
            ("将云服务商调整为天翼云。", "China Telecom Cloud"),
            ("将昇腾910B服务器采购数量调整为8台。", "Huawei Ascend"),
            ("将GPU型号由A800调整为H20。", "NVIDIA H20"),
            (
                "所投软件须部署于采购人现有的华为云平台，并提供与华为云的兼容性证明。",
                "Huawei Cloud",
            ),
            (
                "提供与华为云的兼容性证明，系统须部署于华为云。",
                "Huawei Cloud",
            ),
            (
                "本项目采用华为云部署，若华为云资源不足，中标人须及时扩容。",
                "Huawei Cloud",
            ),
            (
                "若中标人提供的昇腾910B服务器出现故障，须在4小时内响应。",
                "Huawei Ascend",
            ),
            (
                "不再采用自建机房的方案，改为采用华为云的方案。",
                "Huawei Cloud",
            ),
            (
                "不再采用本地部署方案，统一采用阿里云的方案。",
                "Alibaba Cloud",
            ),
            (
                "投标人须提供阿里云ECS实例，并具有类似项目部署业绩。",
                "Alibaba Cloud",
            ),
            (
                "本项目部署在腾讯云上，投标人须具有腾讯云部署业绩。",
                "Tencent Cloud",
            ),
            (
                "采购昇腾910B服务器，投标人须具有昇腾910B部署业绩不少于2个。",
                "Huawei Ascend",
            ),
            (
                "中标人须提供昇腾工程师现场安装调试本次采购的AI服务器。",
                "Huawei Ascend",
            ),
            (
                "投标人须提供不少于3个本项目所用华为云的上线案例。",
                "Huawei Cloud",
            ),
            (
                "供应商须为华为云合作伙伴，负责本项目云资源的开通与运维。",
                "Huawei Cloud",
            ),
            (
                "培训服务：中标人须提供昇腾910B服务器操作培训。",
                "Huawei Ascend",
            ),
            (
                "中标人须具有华为云授权服务商资质，提供本项目所需云主机。",
                "Huawei Cloud",
            ),
            ("通过腾讯会议及腾讯云直播参加年度大会。", "Tencent Cloud"),
            (
                "中标人须提供阿里云直播服务，保障峰会线上参会。",
                "Alibaba Cloud",
            ),
            (
                "组织采购人赴华为云贵安数据中心考察本项目租用的云资源部署情况。",
                "Huawei Cloud",
            ),
            ("采购华为云资源，替换原有自建机房。", "Huawei Cloud"),
            (
                "本次新建的昇腾910B集群将取代原有CPU计算节点。",
                "Huawei Ascend",
            ),
            ("以天翼云主机替换原有物理服务器。", "China Telecom Cloud"),
            (
                "将原有业务迁移至阿里云，替换到期的IDC托管服务。",
                "Alibaba Cloud",
            ),
            ("对本项目租用的腾讯云资源开展安全审计。", "Tencent Cloud"),
            (
                "开展基于昇腾910B算力平台的模型适配研究，所需算力由中标人提供。",
                "Huawei Ascend",
            ),
            ("除华为云外，本项目不得使用其他公有云。", "Huawei Cloud"),
            (
                "禁止使用境外云服务，本项目云资源统一部署于天翼云。",
                "China Telecom Cloud",
            ),
            (
                "项目经理曾就职于阿里云，本项目须部署于阿里云。",
                "Alibaba Cloud",
            ),
            (
                "中标人按《阿里云服务等级协议》提供不低于99.95%的可用性。",
                "Alibaba Cloud",
            ),
            (
                "服务标准执行《华为云服务等级协议》，本项目租用云主机20台。",
                "Huawei Cloud",
            ),
            ("中标人不得将本项目华为云资源转租他人。", "Huawei Cloud"),
            (
                "原系统部署于本地机房，本次整体迁移至华为云，原机房停止使用。",
                "Huawei Cloud",
            ),
            ("将“自建机房”调整为“华为云”。", "Huawei Cloud"),
            ("将部署环境由本地机房调整为阿里云。", "Alibaba Cloud"),
            ("若华为云资源不足，中标人须在24小时内扩容。", "Huawei Cloud"),
            (
                "若所投昇腾910B服务器出现故障，须4小时内响应。",
                "Huawei Ascend",
            ),
            (
                "不再采用自建机房的方案，改为租用天翼云。",
                "China Telecom Cloud",
            ),
            (
                "投标人须提供阿里云ECS实例，并具有阿里云部署业绩。",
                "Alibaba Cloud",
            ),
            (
                "投标人须具有昇腾910B部署业绩，并提供昇腾910B服务器8台。",
                "Huawei Ascend",
            ),
            (
                "与市卫健委已采购的华为云资源统一管理，本次扩容华为云资源。",
                "Huawei Cloud",
            ),
            (
                "采购英伟达H20服务器2台（须符合出口管制要求）。",
                "NVIDIA H20",
            ),
            (
                "采购华为昇腾服务器4台，价格不得高于市场价。",
                "Huawei Ascend",
            ),
        ] {
            assert_some(&d, text, product);
        }
    }

    #[test]
    fn a_product_only_named_in_these_frames_is_still_dropped() {
        let d = detector();
        for (text, product) in [
            ("投标人具有华为云部署业绩的，每个加1分。", "Huawei Cloud"),
            ("项目负责人曾就职于阿里云。", "Alibaba Cloud"),
            ("参考《华为云白皮书》编制技术方案。", "Huawei Cloud"),
            ("投标人具有阿里云认证证书的得2分。", "Alibaba Cloud"),
            ("原系统部署于阿里云，现已停止使用。", "Alibaba Cloud"),
            ("经比选，腾讯云方案未被采纳。", "Tencent Cloud"),
            ("将华为云调整为政务云。", "Huawei Cloud"),
            ("项目组成员曾参加华为云开发者大会。", "Huawei Cloud"),
            ("不再采用阿里云的方案。", "Alibaba Cloud"),
        ] {
            assert_none(&d, text, product);
        }
    }

    #[test]
    fn the_means_of_attending_an_event_is_used() {
        let d = detector();
        for (text, product) in [
            ("参会人员通过腾讯云会议系统参加大会。", "Tencent Cloud"),
            ("参会代表利用阿里云直播服务出席线上峰会。", "Alibaba Cloud"),
            ("参会嘉宾借助华为云会议平台参加年度论坛。", "Huawei Cloud"),
        ] {
            assert_some(&d, text, product);
        }
        // The event's own vendor, and a means that is itself the compared item, still drop.
        for (text, product) in [
            ("项目组成员曾参加华为云开发者大会。", "Huawei Cloud"),
            ("参会人员参加阿里云峰会。", "Alibaba Cloud"),
            ("与通过OpenAI接口调用相比，本地部署成本更低。", "OpenAI"),
            ("与利用英伟达A100训练相比，本方案能耗更低。", "NVIDIA A100"),
        ] {
            assert_none(&d, text, product);
        }
    }

    #[test]
    fn this_purchases_own_product_inside_a_frame_is_not_its_object() {
        let d = detector();
        for (text, product) in [
            (
                "对本项目租用的华为云资源使用情况开展安全检查。",
                "Huawei Cloud",
            ),
            ("对本次采购的阿里云资源使用情况进行检查。", "Alibaba Cloud"),
            (
                "中标人须组织采购人参观本项目租用的华为云数据中心。",
                "Huawei Cloud",
            ),
            (
                "验收时赴现场参观本单位租用的天翼云数据中心。",
                "China Telecom Cloud",
            ),
        ] {
            assert_some(&d, text, product);
        }
        // Others' use and a plain visit are still the frame's object.
        for (text, product) in [
            ("对下属单位使用阿里云情况开展安全检查。", "Alibaba Cloud"),
            (
                "对各科室采购的阿里云资源使用情况开展安全检查。",
                "Alibaba Cloud",
            ),
            ("组织人员赴杭州参观阿里云数据中心。", "Alibaba Cloud"),
            (
                "组织人员参观本项目所在园区附近的华为云数据中心。",
                "Huawei Cloud",
            ),
        ] {
            assert_none(&d, text, product);
        }
    }
}
