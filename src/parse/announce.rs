//! A company announcing its own bid result in a news article ("X发布公告称，公司为Y…项目的第一中标
//!候选人"): X is a candidate (or the winner) at its rank, and Y, the purchaser, is the buyer — never X,
//! although X is the lead's subject.
//!
//! One regex per line of bounded length, after a cheap byte precheck.
use std::sync::LazyLock;

use super::layout;

use regex::Regex;

/// Longest line looked at (a paragraph).
const MAX_LINE_BYTES: usize = 10_000;

/// The announcing company, the subsidiary that bid (group 2, `sub`), the purchase it names
/// (group 3), its rank (group 4) and its role (group 5). "公司" / "本公司" / "该公司" / "其" right after the announcing verb refers back to the
/// company (not "公告，Y有限公司为…", where another company is meant); a subsidiary it names there
/// ("公司全资子公司Z有限公司（下称“Z”）被确定为…", group `sub`) is the one that bid.
static OWN_RESULT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"([\p{{Han}}A-Za-z0-9（）()]{{2,40}}?(?:有限责任公司|股份有限公司|有限公司|集团))(?:[（(](?:以下)?(?:简称|下称)[^（()）]{{0,20}}[）)])?[^。；;]{{0,20}}?(?:公告|披露|宣布|公布)[》”]?(?:中)?(?:称|显示|表示|指出)?[，,：:]?\s*(?:本公司|该公司|公司|其)(?:的)?(?:(?:全资|控股)?子公司(?P<sub>[\p{{Han}}A-Za-z0-9]{{2,40}}?(?:有限责任公司|股份有限公司|有限公司))(?:[（(](?:以下)?(?:简称|下称)[^（()）]{{0,20}}[）)])?)?(?:已|近日|日前)?(?:被确定为|确定为|被推荐为|成为|为|系|是|入围)([^。；;]{{0,120}}?)(?:的)?(?:第([一二三四五六七八九十])(?:名)?)?({})", layout::alternation(layout::words("own_result_role"))))
        .expect("valid own-result regex")
});

/// The announcing company (group 1) receiving an award letter itself: "X（下称“甲”）11月3日晚间公告称，
/// 公司近日收到Y发出的《中标通知书》". The company is the winner; the sender, the buyer, is read by
/// `prose::letter_sender`.
static OWN_LETTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([\p{Han}A-Za-z0-9（）()]{2,40}?(?:有限责任公司|股份有限公司|有限公司|集团))(?:[（(](?:以下)?(?:简称|下称)[^（()）]{0,20}[）)])?[^。；;]{0,20}?(?:公告|披露|宣布|公布)[》”]?(?:中)?(?:称|显示|表示|指出)?[，,：:]?\s*(?:本公司|该公司|公司|其)(?:已|近日|日前|近期|于近日)?(?:已)?收到[^。；;]{0,80}?[《“]?(?:中标|成交|中选)(?:（成交）|\(成交\))?通知书")
        .expect("valid own-letter regex")
});

/// Endings of the purchaser's name inside the purchase named ("Y（以下简称“Z”）…项目", "Y…项目").
static BUYER_ENDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("purchase_buyer_end"));

/// What a company announced about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnResult {
    /// The company that bid: the announcing company, or the subsidiary it names.
    pub company: String,
    /// The announcing company (a listed parent announcing its subsidiary's result is no buyer).
    pub announcer: String,
    /// Its rank among the candidates (1 = first), if stated.
    pub rank: Option<usize>,
    /// A candidate (候选人), not yet the winner.
    pub candidate: bool,
    /// The purchaser named in the purchase, if any.
    pub buyer: Option<String>,
}

/// The first own-result announcement in `lines`.
pub fn own_result(lines: &[&str]) -> Option<OwnResult> {
    lines
        .iter()
        .filter(|l| l.len() <= MAX_LINE_BYTES && l.contains("公司") && has_result_word(l))
        .find_map(|l| {
            OWN_RESULT.captures(l).map(|c| result_of(&c)).or_else(|| {
                OWN_LETTER.captures(l).map(|c| {
                    let company = without_lead(&c[1]).to_string();
                    OwnResult {
                        announcer: company.clone(),
                        company,
                        rank: None,
                        candidate: false,
                        buyer: None,
                    }
                })
            })
        })
}

/// What an [`OWN_RESULT`] match states.
fn result_of(c: &regex::Captures) -> OwnResult {
    const RANKS: &str = "一二三四五六七八九十";
    let announcer = without_lead(&c[1]).to_string();
    let company = c
        .name("sub")
        .map_or_else(|| announcer.clone(), |m| m.as_str().to_string());
    let rank = c
        .get(4)
        .and_then(|m| RANKS.chars().position(|r| m.as_str().starts_with(r)))
        .map(|i| i + 1);
    OwnResult {
        candidate: c[5].contains("候选"),
        buyer: purchaser(&c[3]).filter(|b| *b != company && *b != announcer),
        company,
        announcer,
        rank,
    }
}

/// Cheap precheck: the line names a bid result at all.
fn has_result_word(line: &str) -> bool {
    line.contains("中标")
        || line.contains("成交")
        || line.contains("中选")
        || line.contains("候选人")
}

/// The company's name without a word the name class took in before it ("据X", "晚间X"); only
/// at the start, since names hold such characters too (甲数据股份有限公司).
fn without_lead(mut name: &str) -> &str {
    while let Some(rest) = ["据", "晚间", "早间", "盘后", "日前", "近日", "今日"]
        .iter()
        .find_map(|w| name.strip_prefix(w))
    {
        name = rest;
    }
    name
}

/// The purchaser opening the purchase named: the name before an alias in parentheses, else the
/// longest stretch ending in an organisation word.
fn purchaser(purchase: &str) -> Option<String> {
    let purchase = purchase.trim();
    let head = purchase
        .split_once(['（', '('])
        .map_or(purchase, |(h, _)| h)
        .trim_start_matches(['“', '"'])
        .trim();
    let end = BUYER_ENDS
        .iter()
        .filter_map(|e| head.rfind(e).map(|i| i + e.len()))
        .max()?;
    let name = &head[..end];
    // A purchase that opens with its own name ("本项目", "该项目的") names no purchaser.
    (name.chars().count() >= 4 && !name.starts_with(['本', '该', '此'])).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listed_company_announcing_its_rank_is_a_candidate_and_the_purchaser_the_buyer() {
        let page = [
            "10月14日晚间，兰州金城智算科技股份有限公司（以下简称“金城智算”）发布公告称，公司为中国联合网络通信有限公司甘肃省分公司（以下简称“甘肃联通”）兰州新区智算中心扩容项目的第一中标候选人，投标报价为6.52亿元（含税）。",
        ];
        assert_eq!(
            own_result(&page),
            Some(OwnResult {
                company: "兰州金城智算科技股份有限公司".into(),
                announcer: "兰州金城智算科技股份有限公司".into(),
                rank: Some(1),
                candidate: true,
                buyer: Some("中国联合网络通信有限公司甘肃省分公司".into()),
            })
        );
    }

    #[test]
    fn other_wordings_of_an_own_result() {
        // A winner, 披露 instead of 公告, no alias, a purchaser without one.
        let page =
            ["甲数据股份有限公司晚间披露，公司已成为乙理工大学高性能计算平台采购项目的中标人。"];
        assert_eq!(
            own_result(&page),
            Some(OwnResult {
                company: "甲数据股份有限公司".into(),
                announcer: "甲数据股份有限公司".into(),
                rank: None,
                candidate: false,
                buyer: Some("乙理工大学".into()),
            })
        );
        // 本公司, the second rank, a purchase naming no purchaser.
        let page = ["据丙科技有限公司公告，本公司被确定为该项目第二中标候选人。"];
        let got = own_result(&page).expect("an own result");
        assert_eq!(got.company, "丙科技有限公司");
        assert_eq!((got.rank, got.candidate, got.buyer), (Some(2), true, None));
        // The announcement named in title marks ("发布《关于…的提示性公告》，公司为…").
        let page = [
            "丁科技股份有限公司发布《关于项目中标的提示性公告》，公司为戊省电力有限公司调度平台项目的中标人。",
        ];
        let got = own_result(&page).expect("an own result");
        assert_eq!(got.company, "丁科技股份有限公司");
        assert_eq!(got.buyer.as_deref(), Some("戊省电力有限公司"));
        assert!(!got.candidate);
        // A subsidiary named after 公司 bid; the listed parent only announces it.
        let page = [
            "11月3日晚间，甲信息技术股份有限公司（下称“甲信息”）发布公告称，公司全资子公司乙智算科技有限公司（下称“乙智算”）被确定为丙能源集团有限公司算力平台采购项目的第一中标候选人。",
        ];
        let got = own_result(&page).expect("an own result");
        assert_eq!(got.company, "乙智算科技有限公司");
        assert_eq!(got.announcer, "甲信息技术股份有限公司");
        assert_eq!(got.buyer.as_deref(), Some("丙能源集团有限公司"));
        assert_eq!((got.rank, got.candidate), (Some(1), true));
        let got =
            own_result(&["丁科技股份有限公司公告，其控股子公司戊数据有限公司成为该项目的中标人。"])
                .expect("an own result");
        assert_eq!(
            (got.company.as_str(), got.announcer.as_str()),
            ("戊数据有限公司", "丁科技股份有限公司")
        );
        assert!(!got.candidate);
        // Another company after the verb, or a buyer announcing candidates: no own result.
        assert_eq!(
            own_result(&["甲股份有限公司公告，乙科技有限公司为该项目第一中标候选人。"]),
            None
        );
        assert_eq!(
            own_result(&["丁集团有限公司发布公示，第一中标候选人为戊科技有限公司。"]),
            None
        );
    }
}

#[cfg(test)]
mod letter_tests {
    use super::*;

    #[test]
    fn a_company_announcing_an_award_letter_it_received_won() {
        for (line, company) in [
            (
                "甲智算科技股份有限公司（下称“甲智算”）11月3日晚间公告称，公司近日收到乙省交通控股集团有限公司（下称“乙交控”）发出的《中标通知书》。",
                "甲智算科技股份有限公司",
            ),
            (
                "丙信息股份有限公司披露，公司已收到丁市人民医院的中标通知书，中标金额为3,200万元。",
                "丙信息股份有限公司",
            ),
            (
                "据戊数据有限公司公告，本公司于近日收到己大学发来的成交通知书。",
                "戊数据有限公司",
            ),
        ] {
            let got = own_result(&[line]).expect("an own result");
            assert_eq!(got.company, company, "{line}");
            assert!(!got.candidate && got.rank.is_none() && got.buyer.is_none());
        }
        // Another company received it, or no letter: no own result.
        assert_eq!(
            own_result(&[
                "甲股份有限公司公告称，乙科技有限公司收到丙集团有限公司发出的中标通知书。"
            ]),
            None
        );
        assert_eq!(
            own_result(&["甲股份有限公司公告称，公司收到丙集团有限公司发出的问询函。"]),
            None
        );
    }
}
