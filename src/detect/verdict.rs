//! Verdict frames (`verdictframe` rows of `context.csv`): a product named in an offer or an
//! option that a later verdict of its sentence rules out ("所投X加速卡，不满足…要求，其投标被
//! 否决", "对基于X的方案进行比选，…未予采用", "X等芯片的供货仍不稳定") is not this purchase.
//! The winning bid's product, a rule for all bids ("所投GPU须为X，不满足要求的投标无效") and a
//! verdict on another bidder later in the sentence ("中标人所投X…，另1家投标人未通过") stay.

use super::{in_clause, is_clause_mark, sentence_break};

/// The words of one text a verdict frame is read from, all in normalised offsets.
pub(super) struct VerdictWords {
    /// `(frame, start, end)` of opening words (所投, 比选, 供货 …) in the window.
    pub opens: Vec<(usize, usize, usize)>,
    /// `(frame, start, end)` of verdict words (不满足, 被否决, 未予采用 …) after the term.
    pub closes: Vec<(usize, usize, usize)>,
}

/// The word lists a verdict frame is checked against.
pub(super) struct VerdictLists<'a> {
    /// Words of a rule or a condition (须, 否则, 如 …) and of a winner (中标, 成交).
    pub guards: &'a [String],
    /// Words naming a bidder (投标人, 供应商 …).
    pub bidders: &'a [String],
    /// Purchase verbs (采购, 购置 …).
    pub purchases: &'a [String],
    /// True when a text names a product other than the term's: a verdict whose own clause
    /// names one is that option's ("对X、Y方案进行比选，Y方案未予采用" keeps X).
    pub other_product: &'a dyn Fn(&str) -> bool,
}

fn holds_any(s: &str, words: &[String]) -> bool {
    words.iter().any(|w| s.contains(w.as_str()))
}

impl VerdictWords {
    /// True if a verdict frame rules out the term at `start..after` of `hay` (`from` = the
    /// window's start): an opening word in the term's clause, before it in a clause naming no
    /// rule, condition or winner ("所投…X"), or after it ("X的方案进行比选") when the term's sentence so far names
    /// no bidder, winner, rule or purchase; and a verdict word later in the sentence, with no
    /// rule word or other bidder between the term and it, not opening a relative clause
    /// ("不满足的" describes bids in general).
    pub(super) fn rules_out(
        &self,
        hay: &str,
        from: usize,
        start: usize,
        after: usize,
        lists: &VerdictLists,
    ) -> bool {
        // Most terms have no frame word near them: skip the clause scans then.
        if self.opens.is_empty() || self.closes.is_empty() {
            return false;
        }
        let before = &hay[from..start];
        let sentence = before
            .char_indices()
            .rfind(|&(_, c)| matches!(c, '。' | '.' | ';' | '!' | '?' | '|' | '\n'))
            .map_or(before, |(i, c)| &before[i + c.len_utf8()..]);
        let clause = before
            .rfind(is_clause_mark)
            .map_or(before, |i| &before[i..]);
        if holds_any(clause, lists.purchases) {
            return false;
        }
        self.opens.iter().any(|&(f, os, oe)| {
            let opened = if oe <= start {
                in_clause(&hay[oe..start]) && !holds_any(clause, lists.guards)
            } else {
                os >= after
                    && in_clause(&hay[after..os])
                    && !holds_any(sentence, lists.guards)
                    && !holds_any(sentence, lists.bidders)
            };
            opened
                && self.closes.iter().any(|&(g, cs, ce)| {
                    let gap = &hay[after..cs];
                    g == f
                        && cs >= oe.max(after)
                        && !sentence_break(gap)
                        && !holds_any(gap, lists.guards)
                        && !holds_any(gap, lists.bidders)
                        && !hay[ce..].starts_with('的')
                        && !own_subject(gap, lists.other_product)
                })
        })
    }
}

/// The verdict's own clause (the end of `gap`, after its last clause mark) names another
/// product as its subject; `gap` within the term's clause has none.
fn own_subject(gap: &str, other_product: &dyn Fn(&str) -> bool) -> bool {
    gap.char_indices()
        .rfind(|&(_, c)| is_clause_mark(c))
        .is_some_and(|(i, c)| other_product(&gap[i + c.len_utf8()..]))
}

#[cfg(test)]
mod verdict_frame_tests {
    use super::super::test_support::{detector, names};

    fn has(text: &str, product: &str) -> bool {
        names(&detector(), text)
            .iter()
            .any(|n| n.starts_with(product))
    }

    #[test]
    fn a_rejected_bids_product_is_not_the_purchase() {
        for (text, product) in [
            (
                "2家供应商所报服务器配置英伟达A800加速卡，不符合采购文件要求，投标无效。",
                "NVIDIA",
            ),
            (
                "某某科技有限公司 | 所投设备采用NVIDIA H20 GPU，未满足国产化的实质性要求",
                "NVIDIA",
            ),
            ("投标产品为英伟达L40S显卡，未通过符合性审查。", "NVIDIA"),
        ] {
            assert!(!has(text, product), "{product} in {text}");
        }
    }

    #[test]
    fn the_winning_bid_a_rule_or_another_bidders_verdict_keeps_the_product() {
        for (text, product) in [
            // The winner's offer, no verdict against it.
            (
                "中标人所投服务器采用昇腾910B加速卡，满足招标文件要求。",
                "Huawei Ascend 910B",
            ),
            // A winner's word in the clause: its offer is bought.
            (
                "中标供应商所投一体机配置NVIDIA L20 GPU，经复核不符合部分参数，已澄清。",
                "NVIDIA",
            ),
            // A rule for all bids, not a verdict on one.
            (
                "投标人所投GPU须为NVIDIA A100，不满足要求的投标无效。",
                "NVIDIA",
            ),
            ("如所投服务器采用英伟达H100，不满足国产化要求。", "NVIDIA"),
            // The verdict is on another bidder, named between.
            (
                "第一中标候选人所投一体机配置NVIDIA L20 GPU，另有1家投标人不满足实质性要求，其投标被否决。",
                "NVIDIA",
            ),
            // The verdict opens a relative clause on bids in general.
            (
                "所投产品为英伟达L40S，未通过的投标人不得进入详细评审。",
                "NVIDIA",
            ),
        ] {
            assert!(has(text, product), "{product} missing in {text}");
        }
    }

    #[test]
    fn an_option_compared_and_dropped_is_not_the_purchase() {
        assert!(!has(
            "前期曾对采用英伟达H100集群的方案进行论证，因成本过高未被采纳。",
            "NVIDIA"
        ));
        assert!(!has(
            "对基于英伟达A800的训练集群方案开展选型论证，因交付周期过长未予采用。",
            "NVIDIA"
        ));
        assert!(!has(
            "可研阶段曾对NVIDIA H100方案进行比选，最终未被选用。",
            "NVIDIA"
        ));
        // A purchase in the term's clause, or no verdict: the product is bought.
        assert!(has(
            "采购基于昇腾910B的一体机方案，经比选，其他方案未予采用。",
            "Huawei Ascend 910B"
        ));
        assert!(has(
            "部署英伟达L40S推理服务器，已与其他方案比选。",
            "NVIDIA"
        ));
    }

    #[test]
    fn a_supply_worry_about_a_product_is_not_its_use() {
        assert!(!has(
            "受美国出口管制影响，英伟达H800的货源持续紧张。",
            "NVIDIA"
        ));
        assert!(!has(
            "业内人士称，英伟达H20加速卡的供货短期内仍受限，多家医院转向国产算力。",
            "NVIDIA"
        ));
        // Bought with a condition on supply, or by the winner: kept.
        assert!(has(
            "采购英伟达L20服务器4台，若供货紧张可分批交付。",
            "NVIDIA"
        ));
        assert!(has(
            "中标人所投昇腾910B服务器因供货紧张延期交付。",
            "Huawei Ascend 910B"
        ));
        assert!(has("投标人须保证英伟达A800加速卡供货稳定。", "NVIDIA"));
    }
}
