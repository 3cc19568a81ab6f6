//! Reading the vocabulary files: `products.csv`, `terms.csv` and `context.csv`.
//!
//! Every error names the file and the line, so an analyst who broke a row can find it.
use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

use anyhow::{Context, anyhow, bail};

use super::text::{normalize_term, traditional_variants};
use crate::model::{Category, Origin};

/// The products file: one row per canonical product or provider.
pub const PRODUCTS_FILE: &str = "products.csv";
/// The surface forms and their rules.
pub const TERMS_FILE: &str = "terms.csv";
/// The anchor and exclusion words the rules refer to.
pub const CONTEXT_FILE: &str = "context.csv";

/// A canonical product or provider (a row of `products.csv`).
#[derive(Debug, Clone)]
pub(crate) struct Product {
    pub name: String,
    pub category: Category,
    pub origin: Origin,
    pub controlled: bool,
    /// The generic product this one is a member of (`family` column: 思元370 → Cambricon MLU):
    /// the generic name is not reported beside a member found in the same text.
    pub family: Option<usize>,
}

/// Where a context word must stand relative to the term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    /// Anywhere in the window around the term.
    Near,
    /// Right before the term (then shown as part of the mention).
    Prefix,
    /// Right after the term (then shown as part of the mention).
    Suffix,
    /// Right before the term or before a count of it ("相当于约600张英伟达A800"): only for
    /// comparison words, where a count names the yardstick's size, not a purchase.
    CountPrefix,
    /// An example word right before the term or before earlier items of its list, Han names
    /// included ("例如豆包、Kimi等"): every item of the list is only an example.
    ExamplePrefix,
    /// The opening word of a frame around the term ("与" of "与…相比"), in the same clause before it.
    FrameOpen(usize),
    /// The closing word of a frame ("相比" of "与…相比"), in the same clause after the term; how
    /// far it may stand is the frame's [`FrameReach`].
    FrameClose(usize),
    /// A scope note later in the term's sentence ("…仅作为对比测评的参照，不在本次采购范围内"):
    /// the products named before it are outside the purchase.
    Scope,
    /// A past-use marker right before the term ("曾较多采用英伟达H20", "以往多使用X"): what some
    /// other subject used before, not this purchase, unless the marker's clause opens with this
    /// purchase's own subject (position `own`: "本项目曾采用X，现扩容").
    PastPrefix,
    /// A note in a bracket opening right after the term ("L40S服务器（性能评测参照，不作为品牌要求）"):
    /// the term is only a yardstick.
    Note,
    /// A deletion word before a quoted requirement ("删除…中“GPU须采用NVIDIA A800…”的表述"):
    /// a term inside a quote it opens is the wording a correction removes.
    Deletion,
    /// A correction's marker right after the closing quote around the term ("第3.2条“…X…”，此处内容
    /// 调整，调整后内容为“…”"): the quote is the old wording, replaced.
    Superseded,
    /// A word on a listed company's shares after a maker's name, the rest of its short name or
    /// the later items of its list ("寒武纪、海光信息股价…上涨"): market news, not a product used.
    ShareSuffix,
    /// A negator (不, 未, 无需 …) that, followed by a scope verb, says the purchase does not take
    /// the term in ("本项目不再采用X", "X不纳入本项目建设内容"; see `negscope`).
    Negator,
    /// A negator taking its object before the verb ("不将X、Y接入平台").
    NegatorObject,
}

/// How far the closing word of a frame may stand from the term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FrameReach {
    /// `frame`: within a few characters after the term, in its clause ("与X相比").
    Near,
    /// `clauseframe`: anywhere after the term in its clause ("在X等芯片对华供应仍存变数的背景下").
    Clause,
    /// `sentframe`: anywhere after the term in its sentence ("评估过X方案，最终没有选用").
    Sentence,
    /// `leadframe`: right before the term, with the opening word earlier in the same clause
    /// ("以前不少同学用X", "海外同类项目大多采用X").
    Lead,
    /// `sentleadframe`: as `Lead`, but the opening word may stand in an earlier clause of the
    /// term's sentence ("过去不少企业的同类平台，主要用X来搭").
    SentLead,
    /// `banframe`: a prohibition anywhere earlier in the term's clause, and a foreign or outside
    /// category right after the term or the rest of its list ("禁止将数据上传至X等境外大模型").
    Ban,
    /// `answerframe`: a question asking to offer the term ("能否采用X投标？"), answered with a
    /// refusal right after its answer label ("答：不接受"): the product is refused, not bought.
    Answer,
    /// `bracketframe`: the term inside a bracket opened a few characters after the opening word,
    /// the closing word later in its sentence ("原X系统（部署于Y）数据迁移后停止使用").
    Bracket,
    /// `verdictframe`: an offer or option word in the term's clause (before or after it) and a
    /// verdict later in its sentence ("所投X加速卡，不满足…要求", "对基于X的方案进行比选，…未予
    /// 采用"): a rejected bid's or a dropped option's product, not this purchase.
    Verdict,
}

/// A context word (a row of `context.csv`).
#[derive(Debug, Clone)]
pub(crate) struct ContextWord {
    pub group: usize,
    pub position: Position,
    /// Must not touch an ASCII letter or digit on the left / right.
    pub left_bounded: bool,
    pub right_bounded: bool,
    /// Written with a trailing `*`: stands for the whole word it starts ("sxm*" → "SXM4").
    pub wildcard: bool,
}

/// What a term needs around it before it counts.
#[derive(Debug, Clone, Default)]
pub(crate) struct Rule {
    /// Context groups, any one of which must be present (empty: none needed).
    pub requires: Vec<usize>,
    /// Context groups that veto the term.
    pub excludes: Vec<usize>,
    /// A cloud instance type: extend over the type name; `needs_size` if the term ends in `.`.
    pub instance: bool,
    pub needs_size: bool,
    /// `@company`: the term names a company (a cloud operator), so it counts inside a company name.
    pub company: bool,
    /// `@model`: a chip model code that may carry a letter suffix (position `model` rows of
    /// `context.csv`: 310P, A800X) and still be that model.
    pub model: bool,
}

/// A surface form (a row of `terms.csv`).
#[derive(Debug, Clone)]
pub(crate) struct Term {
    /// Indexes into the products.
    pub products: Vec<usize>,
    pub rule: Rule,
    pub left_bounded: bool,
    pub right_bounded: bool,
}

/// Everything read from the vocabulary directory.
pub(crate) struct Vocabulary {
    pub products: Vec<Product>,
    pub terms: Vec<Term>,
    /// Pattern strings for the term automaton and the term each belongs to.
    pub term_patterns: Vec<(String, usize)>,
    pub groups: Vec<String>,
    pub context: Vec<ContextWord>,
    /// Pattern strings for the context automaton and the context word each belongs to.
    pub context_patterns: Vec<(String, usize)>,
    /// Words that end an organisation's name (position `name`: 有限公司, 集团 …), normalised.
    pub org_ends: Vec<String>,
    /// Words that cannot stand inside an organisation's name (position `break`: 的, 由 …).
    pub org_breaks: Vec<String>,
    /// Letter suffixes a `@model` term may carry (position `model`: p, b, x …), normalised.
    pub model_suffixes: Vec<String>,
    /// Words before a product that open a measure against it (position `ratio`: 约为, 不低于 …,
    /// "约为英伟达H100的六成"), normalised.
    pub ratio_openers: Vec<String>,
    /// Purchase verbs (position `purchase`: 采购, 购买 …): a term whose clause buys it before a
    /// scope note ("本项目采购X，Kimi仅作对比，不在本次采购范围内") is not covered by the note.
    pub purchase_words: Vec<String>,
    /// Words that may open a scope note's own clause and still refer it back to earlier
    /// clauses (position `scopelead`: 相关, 上述, 本期, 均 …, "…X…，相关模型不在本次采购范围内"),
    /// normalised. A clause opened by anything else names its own subject ("培训场地不作为采购
    /// 内容"), and the note covers only that clause.
    pub scope_leads: Vec<String>,
    /// Kinds of thing a scope note's clause may open with (position `kindlead`, '/'-separated
    /// words of one kind: 现有/原有/原 …, 演示), normalised: such a note refers back only to a
    /// term whose own clause names the same kind ("现有X…，原服务器不纳入…" but not "升级现有平台，
    /// 新增X…，原服务器不纳入…").
    pub kind_leads: Vec<Vec<String>>,
    /// Words naming a bidder (position `bidder`: 投标人, 供应商 …), normalised: a past-use marker
    /// after one speaks of the bidder's experience, even in a clause naming this project.
    pub bidder_words: Vec<String>,
    /// Short qualifiers a comparison word may have before its product (position `qualifier`:
    /// 同配置, 主流 …, "不低于同配置NVIDIA L40S"), normalised.
    pub qualifiers: Vec<String>,
    /// Words for "about" or a floor that may open a count (position `approx`: 约, 不少于 …,
    /// "相当于约600张英伟达A800"), normalised, in file order (the first that fits is taken).
    pub approx_words: Vec<String>,
    /// Words naming this purchase's own subject (position `own`: 本项目, 我院, 原有 …): a
    /// past-use marker in a clause holding one speaks of the buyer's own equipment.
    pub own_words: Vec<String>,
    /// The reach of each frame, by the index of `Position::FrameOpen` / `FrameClose`.
    pub frame_reach: Vec<FrameReach>,
    /// Words that give a correction's new wording (position `replacement`: 替换为, 修改为 …): a
    /// quote after one is what the notice now requires, not what it deletes.
    pub replacement_words: Vec<String>,
    /// Words that make a `verdictframe` sentence a rule, not a reported verdict (position
    /// `verdictguard`: 须, 否则, 如 …, "所投GPU须为X，不满足要求的投标无效"), normalised.
    pub verdict_guards: Vec<String>,
    /// The words a negated scope phrase is composed of (positions `scopeverb`, `negfill`,
    /// `scopeobject`, `conditional`).
    pub negated_scope: super::negscope::NegatedScope,
    /// The head nouns a product's name may modify (positions `headnoun`, `partnerhead`,
    /// `producthead`, `headmodifier`, `headrequire`; see `headnoun`).
    pub head_nouns: super::headnoun::HeadNouns,
    /// Another subject's earlier use (positions `pastlead`, `pastperfective`, `pastverb`,
    /// `pastquant`, `pastorg`, `pastown`; see `pastuse`).
    pub others_use: super::pastuse::OthersUse,
    /// Words read in the term's clause by the resale, old-host and unquoted-correction rules
    /// (positions `resale`, `hostverb`, `correctionlead`).
    pub clause_words: ClauseWords,
}

/// Word lists of the resale, old-host and unquoted-correction rules, normalised.
#[derive(Debug, Default, Clone)]
pub(crate) struct ClauseWords {
    /// What a winner may not do with a bought resource (`resale`: 转租, 挪作他用 …): a ban
    /// whose clause holds one bans the dealing, not the product.
    pub resale: Vec<String>,
    /// Verbs placing a system on a host (`hostverb`: 部署于, 运行在 …), read right before the
    /// term for a `bracketframe` told without a bracket.
    pub host_verbs: Vec<String>,
    /// Words opening a correction's old side (`correctionlead`: 原, 由, 将) earlier in the
    /// term's clause: a correction verb soon after the term then replaces it without quotes.
    pub correction_leads: Vec<String>,
    /// Words making the term the means of a `frame` (`meansverb`: 通过, 借助, 利用) when they
    /// stand right before it ("通过X会议系统参加大会"): the product is used, not the frame's object.
    pub means_verbs: Vec<String>,
}

/// Spelling variants are generated only up to this many per term, to keep the automaton small.
const MAX_VARIANTS: usize = 81;
/// Letter/digit splits ("A 100", "H-100") are generated only for codes up to this length.
const MAX_SPLIT_CODE: usize = 8;

impl Vocabulary {
    /// Read the three files from `dir`.
    pub fn load(dir: &Path) -> anyhow::Result<Vocabulary> {
        let products_path = dir.join(PRODUCTS_FILE);
        let products = read_products(&products_path)?;
        let by_name: HashMap<&str, usize> = products
            .iter()
            .enumerate()
            .map(|(i, p)| (p.name.as_str(), i))
            .collect();

        let context_path = dir.join(CONTEXT_FILE);
        let mut groups: Vec<String> = Vec::new();
        let mut context = Vec::new();
        let mut context_patterns = Vec::new();
        let mut org_ends = Vec::new();
        let mut org_breaks = Vec::new();
        let mut model_suffixes = Vec::new();
        let mut ratio_openers = Vec::new();
        let mut purchase_words = Vec::new();
        let mut scope_leads = Vec::new();
        let mut kind_leads = Vec::new();
        let mut bidder_words = Vec::new();
        let mut qualifiers = Vec::new();
        let mut approx_words = Vec::new();
        let mut own_words = Vec::new();
        let mut replacement_words = Vec::new();
        let mut verdict_guards = Vec::new();
        let mut clause_words = ClauseWords::default();
        let mut frame_reach = Vec::new();
        let mut negated_scope = super::negscope::NegatedScope::default();
        let mut head_nouns = super::headnoun::HeadNouns::default();
        let mut others_use = super::pastuse::OthersUse::default();
        for row in read_rows(&context_path, &["group", "term", "position"], false)? {
            let group_name = row.get("group")?;
            let group = match groups.iter().position(|g| g == group_name) {
                Some(i) => i,
                None => {
                    groups.push(group_name.to_string());
                    groups.len() - 1
                }
            };
            let position = match row.get("position")? {
                "near" => Position::Near,
                "prefix" => Position::Prefix,
                "suffix" => Position::Suffix,
                "countprefix" => Position::CountPrefix,
                "exampleprefix" => Position::ExamplePrefix,
                "scope" => Position::Scope,
                "note" => Position::Note,
                "pastprefix" => Position::PastPrefix,
                "deletion" => Position::Deletion,
                "superseded" => Position::Superseded,
                "sharesuffix" => Position::ShareSuffix,
                "negator" => Position::Negator,
                "negatorobject" => Position::NegatorObject,
                // The other words of a negated scope phrase, checked only after a negator.
                p @ ("scopeverb" | "negfill" | "scopeobject" | "conditional" | "notconditional"
                | "plannoun") => {
                    let word = normalize_term(row.get("term")?);
                    if word.is_empty() {
                        return Err(row.error("empty term".to_string()));
                    }
                    negated_scope.add(p, traditional_variants(&word, MAX_VARIANTS));
                    continue;
                }
                // The words of another subject's earlier use, read by one scan of the sentence.
                p if super::pastuse::POSITIONS.contains(&p) => {
                    let word = normalize_term(row.get("term")?);
                    if word.is_empty() {
                        return Err(row.error("empty term".to_string()));
                    }
                    others_use.add(p, group, traditional_variants(&word, MAX_VARIANTS));
                    continue;
                }
                // The words of a compound after the term, read by one bounded scan after it.
                p if super::headnoun::POSITIONS.contains(&p) => {
                    let word = normalize_term(row.get("term")?);
                    if word.is_empty() {
                        return Err(row.error("empty term".to_string()));
                    }
                    head_nouns.add(p, group, traditional_variants(&word, MAX_VARIANTS));
                    continue;
                }
                // "与…相比": two words, one either side of the term, each in its clause; either
                // side may list alternatives split by '/' ("评估过/测试过…没有选用/未选用").
                p @ ("frame" | "clauseframe" | "sentframe" | "leadframe" | "sentleadframe"
                | "banframe" | "answerframe" | "bracketframe" | "verdictframe") => {
                    let raw = row.get("term")?;
                    let (open, close) = raw
                        .split_once('…')
                        .map(|(o, c)| (alternatives(o), alternatives(c)))
                        .filter(|(o, c)| !o.is_empty() && !c.is_empty())
                        .ok_or_else(|| {
                            row.error(format!(
                                "frame {raw:?} is not two words (or '/' lists) around '…'"
                            ))
                        })?;
                    let frames = frame_reach.len();
                    frame_reach.push(match p {
                        "frame" => FrameReach::Near,
                        "clauseframe" => FrameReach::Clause,
                        "answerframe" => FrameReach::Answer,
                        "sentframe" => FrameReach::Sentence,
                        "banframe" => FrameReach::Ban,
                        "sentleadframe" => FrameReach::SentLead,
                        "bracketframe" => FrameReach::Bracket,
                        "verdictframe" => FrameReach::Verdict,
                        _ => FrameReach::Lead,
                    });
                    let words = open
                        .into_iter()
                        .map(|w| (w, Position::FrameOpen(frames)))
                        .chain(close.into_iter().map(|w| (w, Position::FrameClose(frames))));
                    for (word, position) in words {
                        let index = context.len();
                        context.push(ContextWord {
                            group,
                            position,
                            left_bounded: word
                                .bytes()
                                .next()
                                .is_some_and(super::text::is_word_byte),
                            right_bounded: word
                                .bytes()
                                .last()
                                .is_some_and(super::text::is_word_byte),
                            wildcard: false,
                        });
                        for spelling in traditional_variants(&word, MAX_VARIANTS) {
                            context_patterns.push((spelling, index));
                        }
                    }
                    continue;
                }
                "kindlead" => {
                    let words = alternatives(row.get("term")?);
                    if words.is_empty() {
                        return Err(row.error("empty term".to_string()));
                    }
                    kind_leads.push(words);
                    continue;
                }
                // Organisation-name words apply to every term, outside the context automaton;
                // model suffixes are checked only right after a `@model` term; ratio openers
                // only before a term followed by "的" and a fraction.
                p @ ("name" | "break" | "model" | "ratio" | "purchase" | "scopelead"
                | "qualifier" | "approx" | "own" | "bidder" | "replacement"
                | "verdictguard" | "resale" | "hostverb" | "correctionlead" | "meansverb") => {
                    let word = normalize_term(row.get("term")?);
                    if word.is_empty() {
                        return Err(row.error("empty term".to_string()));
                    }
                    match p {
                        "name" => org_ends.push(word),
                        "break" => org_breaks.push(word),
                        "ratio" => ratio_openers.push(word),
                        "purchase" => purchase_words.push(word),
                        "scopelead" => scope_leads.push(word),
                        "qualifier" => qualifiers.push(word),
                        "approx" => approx_words.push(word),
                        "own" => own_words.push(word),
                        "bidder" => bidder_words.push(word),
                        "replacement" => replacement_words.push(word),
                        "verdictguard" => verdict_guards.push(word),
                        "resale" => clause_words.resale.push(word),
                        "hostverb" => clause_words.host_verbs.push(word),
                        "correctionlead" => clause_words.correction_leads.push(word),
                        "meansverb" => clause_words.means_verbs.push(word),
                        _ => model_suffixes.push(word),
                    }
                    continue;
                }
                other => {
                    return Err(row.error(format!(
                        "position {other:?} is not near, prefix, suffix, frame, clauseframe, sentframe, leadframe, sentleadframe, banframe, answerframe, bracketframe, verdictframe, scope, note, pastprefix, deletion, superseded, sharesuffix, negator, negatorobject, scopeverb, negfill, scopeobject, conditional, headnoun, partnerhead, producthead, headmodifier, headrequire, name, break, model, ratio, purchase, scopelead, kindlead, qualifier, approx, own, bidder, replacement, verdictguard, resale, hostverb, correctionlead, meansverb, notconditional, plannoun, pastlead, pastperfective, pastverb, pastquant, pastorg or pastown"
                    )));
                }
            };
            let raw = row.get("term")?;
            let (word, wildcard) = match raw.strip_suffix('*') {
                Some(w) => (w, true),
                None => (raw, false),
            };
            let word = normalize_term(word);
            if word.is_empty() {
                return Err(row.error("empty term".to_string()));
            }
            let index = context.len();
            context.push(ContextWord {
                group,
                position,
                left_bounded: word.bytes().next().is_some_and(super::text::is_word_byte),
                right_bounded: !wildcard
                    && word.bytes().last().is_some_and(super::text::is_word_byte),
                wildcard,
            });
            for spelling in traditional_variants(&word, MAX_VARIANTS) {
                context_patterns.push((spelling, index));
            }
        }
        let group_index = |name: &str| groups.iter().position(|g| g == name);

        let terms_path = dir.join(TERMS_FILE);
        let mut terms = Vec::new();
        let mut term_patterns = Vec::new();
        for row in read_rows(
            &terms_path,
            &["term", "name", "requires", "excludes"],
            false,
        )? {
            let raw = row.get("term")?;
            let term = normalize_term(raw);
            if term.is_empty() {
                return Err(row.error("empty term".to_string()));
            }
            let mut product_ids = Vec::new();
            for name in split_list(row.get("name")?) {
                let id = by_name
                    .get(name)
                    .copied()
                    .ok_or_else(|| row.error(format!("name {name:?} is not in {PRODUCTS_FILE}")))?;
                product_ids.push(id);
            }
            if product_ids.is_empty() {
                return Err(row.error("no name".to_string()));
            }
            let mut rule = Rule::default();
            for group in split_list(row.get("requires")?) {
                if group == "@company" {
                    rule.company = true;
                } else if group == "@model" {
                    rule.model = true;
                } else if group == "@instance" {
                    rule.instance = true;
                    rule.needs_size = term.ends_with('.');
                } else {
                    let g = group_index(group).ok_or_else(|| {
                        row.error(format!(
                            "requires {group:?}, which is not a group in {CONTEXT_FILE}"
                        ))
                    })?;
                    rule.requires.push(g);
                }
            }
            for group in split_list(row.get("excludes")?) {
                let g = group_index(group).ok_or_else(|| {
                    row.error(format!(
                        "excludes {group:?}, which is not a group in {CONTEXT_FILE}"
                    ))
                })?;
                rule.excludes.push(g);
            }
            let index = terms.len();
            let variants = if rule.instance {
                vec![term.clone()]
            } else {
                spelling_variants(&term)
            };
            for v in variants {
                for spelling in traditional_variants(&v, MAX_VARIANTS) {
                    term_patterns.push((spelling, index));
                }
            }
            terms.push(Term {
                products: product_ids,
                left_bounded: term.bytes().next().is_some_and(super::text::is_word_byte),
                right_bounded: term.bytes().last().is_some_and(super::text::is_word_byte),
                rule,
            });
        }
        if terms.is_empty() {
            bail!("{}: no terms", terms_path.display());
        }
        head_nouns
            .build()
            .with_context(|| format!("{}: head nouns", context_path.display()))?;
        others_use
            .finish()
            .with_context(|| format!("{}: past-use words", context_path.display()))?;
        Ok(Vocabulary {
            products,
            terms,
            term_patterns,
            groups,
            context,
            context_patterns,
            org_ends,
            org_breaks,
            model_suffixes,
            ratio_openers,
            purchase_words,
            scope_leads,
            kind_leads,
            bidder_words,
            qualifiers,
            approx_words,
            own_words,
            frame_reach,
            replacement_words,
            verdict_guards,
            negated_scope,
            head_nouns,
            others_use,
            clause_words,
        })
    }
}

/// The '/'-separated words of one side of a frame, normalised, empty ones dropped.
fn alternatives(side: &str) -> Vec<String> {
    side.split('/')
        .map(normalize_term)
        .filter(|w| !w.is_empty())
        .collect()
}

fn read_products(path: &Path) -> anyhow::Result<Vec<Product>> {
    let mut products: Vec<Product> = Vec::new();
    let required = [
        "name",
        "category",
        "vendor",
        "origin",
        "controlled",
        "status",
        "basis",
        "since",
        "source",
        "notes",
    ];
    // `family` is optional, so rows written before it (or by an analyst) may leave it out.
    let rows = read_rows(path, &required, true)?;
    let mut families: Vec<(usize, String, u64)> = Vec::new();
    for row in &rows {
        let name = row.get("name")?;
        if name.is_empty() {
            return Err(row.error("empty name".to_string()));
        }
        if products.iter().any(|p| p.name == name) {
            return Err(row.error(format!("duplicate product {name:?}")));
        }
        let category = match row.get("category")? {
            "cloud" => Category::Cloud,
            "chip" => Category::Chip,
            "ai_service" => Category::AiService,
            other => {
                return Err(row.error(format!(
                    "category {other:?} is not cloud, chip or ai_service"
                )));
            }
        };
        let origin = match row.get("origin")? {
            "us" => Origin::Us,
            "domestic" => Origin::Domestic,
            "other" => Origin::Other,
            other => {
                return Err(row.error(format!("origin {other:?} is not us, domestic or other")));
            }
        };
        let controlled = match row.get("controlled")? {
            "true" => true,
            "false" => false,
            other => return Err(row.error(format!("controlled {other:?} is not true or false"))),
        };
        if row.get("source")?.is_empty() {
            return Err(row.error(format!("product {name:?} has no source")));
        }
        let family = row.get_optional("family");
        if !family.is_empty() {
            families.push((products.len(), family.to_string(), row.line));
        }
        products.push(Product {
            name: name.to_string(),
            category,
            origin,
            controlled,
            family: None,
        });
    }
    if products.is_empty() {
        bail!("{}: no products", path.display());
    }
    for (member, family, line) in families {
        let Some(f) = products.iter().position(|p| p.name == family) else {
            bail!(
                "{}:{line}: family {family:?} is not a product in {PRODUCTS_FILE}",
                path.display()
            );
        };
        if f == member {
            bail!("{}:{line}: a product is not its own family", path.display());
        }
        products[member].family = Some(f);
    }
    Ok(products)
}

/// One CSV row with its file and line, for error messages.
struct Row<'a> {
    path: &'a Path,
    line: u64,
    record: csv::StringRecord,
    columns: Rc<HashMap<String, usize>>,
}

impl Row<'_> {
    fn get(&self, column: &str) -> anyhow::Result<&str> {
        let i = self
            .columns
            .get(column)
            .copied()
            .ok_or_else(|| self.error(format!("no column {column:?}")))?;
        Ok(self.record.get(i).unwrap_or("").trim())
    }

    /// The value of an optional column, empty when the file or the row has none.
    fn get_optional(&self, column: &str) -> &str {
        self.columns
            .get(column)
            .and_then(|&i| self.record.get(i))
            .unwrap_or("")
            .trim()
    }

    fn error(&self, message: String) -> anyhow::Error {
        anyhow!("{}:{}: {message}", self.path.display(), self.line)
    }
}

/// Read a CSV file (`#` lines are comments) whose header has the `required` columns;
/// `flexible` lets rows leave out trailing optional columns.
fn read_rows<'a>(
    path: &'a Path,
    required: &[&str],
    flexible: bool,
) -> anyhow::Result<Vec<Row<'a>>> {
    let file =
        std::fs::File::open(path).with_context(|| format!("{}: cannot open", path.display()))?;
    let mut reader = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .flexible(flexible)
        .from_reader(std::io::BufReader::new(file));
    let headers = reader.headers().map_err(|e| csv_error(path, &e))?.clone();
    let columns: HashMap<String, usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim().to_string(), i))
        .collect();
    for column in required {
        if !columns.contains_key(*column) {
            bail!(
                "{}: header has no column {column:?} (need {})",
                path.display(),
                required.join(",")
            );
        }
    }
    let columns = Rc::new(columns);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(path, &e))?;
        let line = record.position().map_or(0, |p| p.line());
        rows.push(Row {
            path,
            line,
            record,
            columns: Rc::clone(&columns),
        });
    }
    Ok(rows)
}

fn csv_error(path: &Path, e: &csv::Error) -> anyhow::Error {
    match e.position() {
        Some(p) => anyhow!("{}:{}: {e}", path.display(), p.line()),
        None => anyhow!("{}: {e}", path.display()),
    }
}

/// The `;`-separated items of a cell, trimmed, without empties.
fn split_list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(';').map(str::trim).filter(|s| !s.is_empty())
}

/// The spellings of a normalised term: each space or hyphen in it may be none, a space or a
/// hyphen ("RTX 4090" / "RTX4090" / "RTX-4090"), and short codes may also be split where letters
/// meet digits ("A100" / "A 100" / "A-100"), as tender writers do.
fn spelling_variants(term: &str) -> Vec<String> {
    let chars: Vec<char> = term.chars().collect();
    let code_len = chars.iter().filter(|c| c.is_ascii_alphanumeric()).count();
    let split_codes = code_len <= MAX_SPLIT_CODE && chars.iter().all(|c| c.is_ascii());
    // Pieces between gaps; a gap is either an existing separator or a letter/digit seam.
    let mut pieces: Vec<String> = vec![String::new()];
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' || c == '-' {
            if !pieces.last().is_some_and(String::is_empty) {
                pieces.push(String::new());
            }
            continue;
        }
        let seam = split_codes
            && i > 0
            && chars[i - 1].is_ascii_alphanumeric()
            && c.is_ascii_alphanumeric()
            && chars[i - 1].is_ascii_digit() != c.is_ascii_digit();
        let cjk_seam = i > 0
            && (chars[i - 1].is_ascii_alphanumeric() != c.is_ascii_alphanumeric())
            && !is_separator(chars[i - 1]);
        if (seam || cjk_seam) && !pieces.last().is_some_and(String::is_empty) {
            pieces.push(String::new());
        }
        if let Some(last) = pieces.last_mut() {
            last.push(c);
        }
    }
    pieces.retain(|p| !p.is_empty());
    let gaps = pieces.len().saturating_sub(1);
    let joins: &[&str] = &["", " ", "-"];
    if gaps == 0 || joins.len().pow(gaps as u32) > MAX_VARIANTS {
        let mut out = vec![term.to_string()];
        let squeezed: String = term.chars().filter(|c| *c != ' ').collect();
        if squeezed != term {
            out.push(squeezed);
        }
        return out;
    }
    let mut out = vec![pieces[0].clone()];
    for piece in &pieces[1..] {
        let mut next = Vec::with_capacity(out.len() * joins.len());
        for prefix in &out {
            for join in joins {
                next.push(format!("{prefix}{join}{piece}"));
            }
        }
        out = next;
    }
    out.sort();
    out.dedup();
    out
}

fn is_separator(c: char) -> bool {
    c == ' ' || c == '-'
}

#[cfg(test)]
mod tests {
    use super::spelling_variants;

    #[test]
    fn short_codes_split_at_letter_digit_seams() {
        let v = spelling_variants("a100");
        assert_eq!(v, vec!["a 100", "a-100", "a100"]);
    }

    #[test]
    fn existing_spaces_are_flexible() {
        let v = spelling_variants("rtx 4090");
        assert!(
            v.contains(&"rtx4090".to_string()) && v.contains(&"rtx-4090".to_string()),
            "{v:?}"
        );
    }

    #[test]
    fn cjk_ascii_seam_allows_a_space() {
        let v = spelling_variants("亚马逊aws");
        assert!(v.contains(&"亚马逊 aws".to_string()), "{v:?}");
    }
}
