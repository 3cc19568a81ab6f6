//! The head noun a product's name modifies, read compositionally instead of enumerated.
//!
//! In "华为云HCIP-AI认证证书", "阿里云授权合作伙伴", "ChatGPT发展历程" or "AWS Certified …" the
//! product's name only modifies a head noun that is not the product: a certificate, a partner or
//! agent status, a share price, a course topic, a case study, a training or a title. One bounded
//! scan after each term occurrence reads the compound: it skips at most a short modifier span (a
//! run of latin letters, digits, hyphens and spaces, one bracketed note, a level word such as
//! 高级 / 金牌 / 授权 — position `headmodifier` — and one 的), then takes the first listed word it
//! meets. A non-product head noun (`headnoun`, `partnerhead`) makes the mention no use; a product
//! head noun (`producthead`: 服务器, 算力, 资源, 服务, 模型, API …) or anything else ends the scan
//! and the mention stays. All words are rows of `context.csv`; the rule serves the terms that
//! exclude the rows' group.
//!
//! Guards: a head noun followed (maybe after 的) by a product head noun is itself a modifier
//! ("X认证的服务器", "X认证服务器": a product the vendor certifies, kept). A partner or agent
//! status (`partnerhead`) in a clause that requires it of the bidder (`headrequire`: 须, 应为,
//! 要求 …, "投标人须为阿里云授权合作伙伴") is how notices buy a reseller's cloud: the mention stays,
//! and no copula-to-partner frame vetoes it either; a descriptive one ("该公司系华为云合作伙伴")
//! is no use.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use super::is_clause_mark;
use super::text::is_word_byte;

/// Bytes of latin letters, digits, hyphens and spaces the modifier span may hold
/// ("HCIP-AI", "Stack ", "Solutions Architect" is too long).
const MAX_LATIN_BYTES: usize = 14;
/// Characters a bracketed note in the modifier span may hold ("（人工智能方向）").
const MAX_BRACKET_CHARS: usize = 16;
/// Level words the modifier span may hold ("授权金牌").
const MAX_LEVEL_WORDS: usize = 2;
/// Steps of the scan (tokens read) before it gives up.
const MAX_STEPS: usize = 8;
/// Characters a span modifier may hold between its two words ("在江苏的": 江苏).
const MAX_SPAN_CHARS: usize = 6;

/// What a listed word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A head noun that is not the product (证书, 股价, 发展历程, 培训 …).
    Head,
    /// A partner or agent status (合作伙伴, 代理商 …): a head noun, kept when required of the bidder.
    Partner,
    /// A head noun that is the product or its use (服务器, 算力, 资源, 服务 …).
    Product,
    /// A level word that may stand between the name and its head noun (高级, 金牌, 授权 …).
    Modifier,
}

/// How the compound after a term reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    /// No listed non-product head noun: the rule says nothing.
    Open,
    /// The name modifies a non-product head noun: no use of the product.
    NotUse,
    /// A partner or agent status required of the bidder: kept, whatever frame surrounds it.
    RequiredPartner,
}

/// The word lists of the rule and their anchored automaton.
#[derive(Default)]
pub(crate) struct HeadNouns {
    words: Vec<(String, Kind)>,
    /// Span modifiers written 'open…close' ("在…的": "X在江苏的核心合作伙伴"), normalised.
    spans: Vec<(Vec<String>, Vec<String>)>,
    requirements: Vec<String>,
    /// Groups whose terms the rule serves (the groups of `headnoun` / `partnerhead` rows).
    groups: Vec<usize>,
    automaton: Option<AhoCorasick>,
}

/// The positions of `context.csv` this module reads.
pub(crate) const POSITIONS: [&str; 5] = [
    "headnoun",
    "partnerhead",
    "producthead",
    "headmodifier",
    "headrequire",
];

impl HeadNouns {
    /// Add the spellings of one word of `position` (one of [`POSITIONS`]) of `group`.
    pub(crate) fn add(&mut self, position: &str, group: usize, spellings: Vec<String>) {
        if position == "headmodifier"
            && let Some((open, close)) = spellings.first().and_then(|w| w.split_once('…'))
        {
            self.spans.push((
                open.split('/').map(str::to_string).collect(),
                close.split('/').map(str::to_string).collect(),
            ));
            return;
        }
        let kind = match position {
            "headnoun" => Kind::Head,
            "partnerhead" => Kind::Partner,
            "producthead" => Kind::Product,
            "headmodifier" => Kind::Modifier,
            _ => {
                self.requirements.extend(spellings);
                return;
            }
        };
        if matches!(kind, Kind::Head | Kind::Partner) && !self.groups.contains(&group) {
            self.groups.push(group);
        }
        self.words.extend(spellings.into_iter().map(|s| (s, kind)));
    }

    /// Build the anchored automaton once every word is added.
    pub(crate) fn build(&mut self) -> anyhow::Result<()> {
        if self.words.is_empty() {
            self.automaton = None;
            return Ok(());
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .kind(Some(AhoCorasickKind::DFA))
            .build(self.words.iter().map(|(w, _)| w.as_str()))?;
        self.automaton = Some(automaton);
        Ok(())
    }

    /// Whether the rule serves a term excluding `groups`.
    pub(crate) fn serves(&self, excludes: &[usize]) -> bool {
        self.automaton.is_some() && self.groups.iter().any(|g| excludes.contains(g))
    }

    /// The listed word `s` opens (longest first) and its length; an ASCII word must end there.
    fn word_at(&self, s: &str) -> Option<(Kind, usize)> {
        let m = self
            .automaton
            .as_ref()?
            .find(Input::new(s).anchored(Anchored::Yes))?;
        let bytes = s.as_bytes();
        let last = bytes.get(m.end().checked_sub(1)?)?;
        if is_word_byte(*last) && bytes.get(m.end()).is_some_and(|b| is_word_byte(*b)) {
            return None;
        }
        let (_, kind) = self.words.get(m.pattern().as_usize())?;
        Some((*kind, m.end()))
    }

    /// Read the compound the term opens: `before` is the text before the term (its clause is
    /// checked for a requirement), `after` the text right after the term's span.
    pub(crate) fn read(&self, before: &str, after: &str) -> Reading {
        let mut pos = 0;
        let (mut latin, mut brackets, mut levels, mut de) = (0usize, 0usize, 0usize, false);
        for _ in 0..MAX_STEPS {
            let rest = &after[pos..];
            match self.word_at(rest) {
                Some((Kind::Product, _)) => return Reading::Open,
                Some((kind @ (Kind::Head | Kind::Partner), len)) => {
                    return self.head(kind, before, &rest[len..]);
                }
                Some((Kind::Modifier, len)) if levels < MAX_LEVEL_WORDS => {
                    levels += 1;
                    pos += len;
                    continue;
                }
                _ => {}
            }
            if !de && let Some(len) = self.span_at(rest) {
                de = true;
                pos += len;
                continue;
            }
            let Some(c) = rest.chars().next() else {
                return Reading::Open;
            };
            let step = if c.is_ascii_alphanumeric() {
                rest.bytes()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count()
            } else if matches!(c, ' ' | '-' | '_' | '.' | '·') {
                c.len_utf8()
            } else if c == '(' && brackets == 0 {
                brackets += 1;
                match bracket_len(rest) {
                    Some(n) => n,
                    None => return Reading::Open,
                }
            } else if c == '的' && !de {
                de = true;
                c.len_utf8()
            } else {
                return Reading::Open;
            };
            if c.is_ascii() && c != '(' {
                latin += step;
                if latin > MAX_LATIN_BYTES {
                    return Reading::Open;
                }
            }
            pos += step;
        }
        Reading::Open
    }

    /// Length of a span modifier opening `s` ("在江苏的"): an open word, at most
    /// [`MAX_SPAN_CHARS`] characters with no clause mark, and a close word.
    fn span_at(&self, s: &str) -> Option<usize> {
        self.spans.iter().find_map(|(opens, closes)| {
            let open = opens.iter().find(|o| s.starts_with(o.as_str()))?;
            let inner = &s[open.len()..];
            inner
                .char_indices()
                .take(MAX_SPAN_CHARS + 1)
                .take_while(|&(_, c)| !is_clause_mark(c))
                .skip(1)
                .find_map(|(i, _)| {
                    closes
                        .iter()
                        .find(|c| inner[i..].starts_with(c.as_str()))
                        .map(|c| open.len() + i + c.len())
                })
        })
    }

    /// The verdict on a head noun found; `next` is the text right after it.
    fn head(&self, kind: Kind, before: &str, next: &str) -> Reading {
        // "X认证的服务器", "X认证服务器": the head is itself a modifier of a product.
        let next = next.trim_start_matches(' ');
        let next = next.strip_prefix('的').unwrap_or(next);
        if matches!(self.word_at(next), Some((Kind::Product, _))) {
            return Reading::Open;
        }
        if kind == Kind::Partner && self.required(before) {
            return Reading::RequiredPartner;
        }
        Reading::NotUse
    }

    /// The clause ending `before` states a requirement ("投标人须为").
    fn required(&self, before: &str) -> bool {
        let clause = before
            .rfind(is_clause_mark)
            .map_or(before, |i| &before[i..]);
        self.requirements
            .iter()
            .any(|w| clause.contains(w.as_str()))
    }
}

/// Length of a bracketed note opening `s` ("(人工智能方向)") through its closing bracket, if it
/// closes within [`MAX_BRACKET_CHARS`] characters with no clause mark or second bracket inside.
fn bracket_len(s: &str) -> Option<usize> {
    for (n, (i, c)) in s.char_indices().skip(1).enumerate() {
        if n > MAX_BRACKET_CHARS || c == '(' || (is_clause_mark(c) && c != '.') {
            return None;
        }
        if c == ')' {
            return Some(i + 1);
        }
    }
    None
}

/// extract70: the head-noun reading on wordings no enumerated row names, one block per kind of
/// head noun, and its guards.
#[cfg(test)]
mod headnoun_tests {
    use super::super::test_support::{assert_none, assert_some, detector};
    use super::{HeadNouns, Reading, bracket_len};

    #[test]
    fn a_certificate_named_after_a_product_is_no_use() {
        let d = detector();
        for (text, product) in [
            ("项目经理持有腾讯云TCP高级认证的，得2分。", "Tencent Cloud"),
            (
                "技术负责人具有Microsoft Azure AZ-305 certification，提供复印件。",
                "Microsoft Azure",
            ),
            (
                "拟派人员具备百度智能云（AI方向）资格证的每人得1分。",
                "Baidu AI Cloud",
            ),
            (
                "团队成员持有华为云的专业认证，每人得0.5分。",
                "Huawei Cloud",
            ),
        ] {
            assert_none(&d, text, product);
        }
    }

    #[test]
    fn a_partner_or_agent_status_described_is_no_use() {
        let d = detector();
        for (text, product) in [
            (
                "该公司系火山引擎授权服务商，近年承接多个项目。",
                "Volcano Engine",
            ),
            ("据介绍，华为云金牌分销商负责本地交付。", "Huawei Cloud"),
            ("Amazon Web Services Partner名录中的企业均可参与。", "AWS"),
            (
                "天翼云在西南地区的金牌代理商负责交付。",
                "China Telecom Cloud",
            ),
        ] {
            assert_none(&d, text, product);
        }
    }

    #[test]
    fn a_share_price_or_company_result_is_no_use() {
        let d = detector();
        for (text, product) in [
            ("腾讯云营收同比增长，带动集团业绩。", "Tencent Cloud"),
            ("阿里云财报显示，其AI相关收入连续增长。", "Alibaba Cloud"),
            (
                "Oracle Cloud stock price rose after the results.",
                "Oracle Cloud",
            ),
        ] {
            assert_none(&d, text, product);
        }
    }

    #[test]
    fn a_course_topic_or_case_study_is_no_use() {
        let d = detector();
        for (text, product) in [
            ("课程含通义千问原理与应用两章。", "Alibaba Qwen"),
            ("配套讯飞星火教程一套，供学生自学。", "iFlytek Spark"),
            ("第三讲介绍文心一言的原理与局限。", "Baidu ERNIE"),
            ("讲授华为云案例三个，由学生分组讨论。", "Huawei Cloud"),
            ("提供阿里云（政务）案例分析材料。", "Alibaba Cloud"),
            ("教材收录腾讯混元的案例两则。", "Tencent Hunyuan"),
        ] {
            assert_none(&d, text, product);
        }
    }

    #[test]
    fn a_training_or_a_title_is_no_use() {
        let d = detector();
        for (text, product) in [
            ("组织智谱GLM培训两次，每次半天。", "Zhipu GLM"),
            ("邀请华为云资深讲师授课。", "Huawei Cloud"),
            ("配备亚马逊云科技架构师一名，负责方案评审。", "AWS"),
            ("项目组含阿里云高级工程师2名。", "Alibaba Cloud"),
            ("邀请DeepSeek专家开展讲座。", "DeepSeek"),
        ] {
            assert_none(&d, text, product);
        }
    }

    #[test]
    fn a_partner_status_required_of_the_bidder_keeps_the_product() {
        let d = detector();
        for (text, product) in [
            // The product bought by another mention: kept either way.
            (
                "投标人须为阿里云授权合作伙伴，提供阿里云ECS云服务器资源。",
                "Alibaba Cloud",
            ),
            // The requirement is the only mention: a reseller's cloud is bought.
            ("投标人须为阿里云授权合作伙伴。", "Alibaba Cloud"),
            (
                "供应商应为华为云金牌经销商，并提供原厂授权书。",
                "Huawei Cloud",
            ),
            ("要求投标人为腾讯云授权服务商。", "Tencent Cloud"),
            ("投标人必须是天翼云在本省的代理商。", "China Telecom Cloud"),
        ] {
            assert_some(&d, text, product);
        }
        // Descriptive, in a result notice: no requirement in its clause.
        for (text, product) in [
            ("该公司系华为云合作伙伴。", "Huawei Cloud"),
            (
                "据了解，中标人是阿里云在本省的授权经销商。",
                "Alibaba Cloud",
            ),
            ("投标人为腾讯云授权服务商的，得2分。", "Tencent Cloud"),
        ] {
            assert_none(&d, text, product);
        }
    }

    #[test]
    fn a_product_head_noun_or_a_certified_product_keeps_the_product() {
        let d = detector();
        for (text, product) in [
            // Decided: a product the vendor certifies is that vendor's product.
            ("采购经华为云认证的服务器2台。", "Huawei Cloud"),
            ("采购阿里云认证服务器2台。", "Alibaba Cloud"),
            // A product head noun comes first.
            ("提供华为云服务器培训。", "Huawei Cloud"),
            ("采购阿里云高级版资源包一年。", "Alibaba Cloud"),
            ("开通ChatGPT企业版账号20个。", "OpenAI"),
            ("阿里云授权服务一年。", "Alibaba Cloud"),
            // A license of the product ("部署授权") is no head noun.
            ("采购智谱GLM-4私有化部署授权1套。", "Zhipu GLM"),
            // The title stands before the product: the product is what is operated.
            ("工程师驻场提供华为云运维。", "Huawei Cloud"),
            // Too long a modifier span, or another word: the scan stops.
            ("部署腾讯云TI-ONE平台认证。", "Tencent Cloud"),
            ("租用华为云鲲鹏云主机，提供培训。", "Huawei Cloud"),
        ] {
            assert_some(&d, text, product);
        }
        // Decided: software certified by the vendor's programme uses none of its products.
        assert_none(&d, "所投软件须通过华为云认证。", "Huawei Cloud");
    }

    /// The reading itself, on a hand-made word list (no other row of the vocabulary).
    #[test]
    fn the_scan_reads_modifiers_heads_and_guards() {
        let mut h = HeadNouns::default();
        for (p, w) in [
            ("headnoun", "证书"),
            ("headnoun", "认证"),
            ("partnerhead", "合作伙伴"),
            ("partnerhead", "partner"),
            ("producthead", "服务器"),
            ("headmodifier", "金牌"),
            ("headmodifier", "授权"),
            ("headmodifier", "在…的"),
            ("headrequire", "须"),
        ] {
            h.add(p, 0, vec![w.to_string()]);
        }
        h.build().unwrap_or_else(|e| panic!("{e:#}"));
        assert!(h.serves(&[0]) && !h.serves(&[1]));
        let read = |before: &str, after: &str| h.read(before, after);
        assert_eq!(read("", "hcip-ai认证证书的"), Reading::NotUse);
        assert_eq!(read("", "acp(人工智能方向)认证证书"), Reading::NotUse);
        assert_eq!(read("", " partner network"), Reading::NotUse);
        assert_eq!(read("该公司系", "金牌合作伙伴"), Reading::NotUse);
        assert_eq!(read("投标人须为", "授权合作伙伴"), Reading::RequiredPartner);
        assert_eq!(
            read("投标人须具备资质,该公司为", "合作伙伴"),
            Reading::NotUse
        );
        assert_eq!(read("是", "在江苏的核心合作伙伴"), Reading::Open);
        assert_eq!(read("是", "在江苏的金牌合作伙伴"), Reading::NotUse);
        assert_eq!(read("是", "在江苏南京市鼓楼区的合作伙伴"), Reading::Open);
        assert_eq!(read("", "认证的服务器"), Reading::Open);
        assert_eq!(read("", "服务器认证"), Reading::Open);
        // A word merely starting with a head noun is none ("partners" is no "partner" word).
        assert_eq!(read("", " partners"), Reading::Open);
        // Too much latin text, a second bracket, an unclosed one, a clause mark: stop.
        assert_eq!(read("", " solutions architect expert 认证"), Reading::Open);
        assert_eq!(read("", "(a)(b)认证"), Reading::Open);
        assert_eq!(read("", "(认证"), Reading::Open);
        assert_eq!(read("", ",认证"), Reading::Open);
        assert_eq!(
            bracket_len("(人工智能方向)认证"),
            Some("(人工智能方向)".len())
        );
        assert_eq!(bracket_len("(a,b)"), None);
    }
}
