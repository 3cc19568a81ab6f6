//! Fields from running text, for pages that do not label them: the buyer opening a title
//! ("郑州大学第一附属医院…项目…公告"), news articles about a purchase (the buyer that "发布/公示"
//! it, the amount of the purchase, the candidates and winners named), and corrections written as
//! a sentence ("预算金额由120万元调整为98万元").
//!
//! Every regex here runs once per line over lines of bounded length (no nested repetition).
use std::sync::LazyLock;

use super::layout;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::money::{Unit, parse_money, plain_amounts};
use crate::model::Money;

/// Longest line the prose patterns look at (a paragraph; longer blocks are tables or junk).
const MAX_LINE_BYTES: usize = 10_000;

/// Words that end an organisation name in running text (`prose_org_end`) …
static ORG_ENDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("prose_org_end"));
/// … and as a regex alternation.
static ORG_END: LazyLock<String> = LazyLock::new(|| layout::alternation(&ORG_ENDS));

/// An organisation that "发布/公示/启动" a purchase, opening a clause of a news article; an alias
/// in parentheses ("（下称“西藏移动”）"), the purchase's quoted name ("X“Y项目”的中标结果") and the
/// place ("在X平台") may stand before the verb.
static NEWS_BUYER: LazyLock<Regex> = LazyLock::new(|| news_buyer_regex(&NEWS_VERBS));

/// Verbs of an organisation publishing or starting a purchase (`news_verb`, an alternation).
static NEWS_VERBS: LazyLock<String> =
    LazyLock::new(|| layout::alternation(layout::words("news_verb")));

/// In the article's lead sentence the subject is the buyer with more verbs (完成, 确定 …).
static LEAD_BUYER: LazyLock<Regex> = LazyLock::new(|| {
    news_buyer_regex(&format!(
        "{}|{}",
        *NEWS_VERBS,
        layout::alternation(layout::words("lead_verb"))
    ))
});

/// When the subject acted, between its name and the verb: a relative day, a weekday or a date,
/// each perhaps with the date in brackets after it ("昨日（4月7日）发布", "本周一正式公示").
const WHEN: &str = r"(?:近日|日前|今日|今天|昨日|昨天|前日|前天|日内|本周[一二三四五六日]?|上周[一二三四五六日]?|周[一二三四五六日]|星期[一二三四五六日天]|当天|当日|正式|已|于[0-9０-９年月日]{2,12}|[0-9０-９]{1,4}[年月][0-9０-９年月日]{1,10}|(?:今年|去年)?[0-9０-９]{1,2}月(?:初|中旬|下旬|底|末))";

fn news_buyer_regex(verbs: &str) -> Regex {
    Regex::new(&format!(
        r"(?:^|[，,。；;：:）)】\]\s])([\p{{Han}}A-Za-z0-9（）()]{{2,40}}?(?:{ORG_END}))(?:[（(](?:以下)?(?:简称|下称|下同|以下简称)[^（()）]{{0,20}}[）)])?(?:[“\x22《「][^”\x22》」]{{1,60}}[”\x22》」])?(?:{WHEN}(?:[（(][0-9０-９年月日号]{{2,12}}[）)])?){{0,2}}(?:(?:在|通过)[^，,。；;]{{0,30}}?)?(?:{verbs})",
        ORG_END = *ORG_END
    ))
    .expect("valid news-buyer regex")
}

/// Openings of a news article's lead ("C114讯 11月27日消息", "通信世界网消息（CWW）", "新华社北京3月1日电").
static LEAD_MARKERS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("lead_marker"));

/// A dateline or byline before the buyer ("3月11日消息（艾小瑞）中国联通…").
static NEWS_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^.*(?:[0-9]{1,2}月[0-9]{1,2}日|消息|讯)(?:[（(][^）)]{0,20}[）)])?")
        .expect("valid news-lead regex")
});

/// The amount of the purchase in a news article: budget / scale words, then the amount.
static NEWS_BUDGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:{})(?:总金额|金额|总额)?(?:为|约为|约|达|达到|共计|合计|总计)?\s*(?:约|超)?\s*(?:人民币)?\s*([0-9][0-9,]*(?:\.[0-9]+)?\s*(?:亿元|万元|元))", layout::alternation(layout::words("news_budget_word"))))
        .expect("valid news-amount regex")
});

/// The budget after a comparing word, before the budget word ("中标价2386.6万元，较2450万元的
/// 项目预算节省约63万元", "比500万元的预算下浮8%"; `news_budget_compared`, `news_budget_word`).
static NEWS_BUDGET_COMPARED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:{})\s*(?:人民币)?\s*([0-9][0-9,]*(?:\.[0-9]+)?\s*(?:亿元|万元|元))的?(?:项目|采购)?(?:{})", layout::alternation(layout::words("news_budget_compared")), layout::alternation(layout::words("news_budget_word"))))
        .expect("valid news-compared-budget regex")
});

/// An award amount in a news article: "中标金额为2.36亿元", or the amount a winner won at
/// ("以1.18亿元中标", "以2,380万元成交", "以1.5亿元（含税）中标": a tax note may stand between;
/// "以4680.5万元的报价最终中标": an adverb too).
static NEWS_AWARD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:(?:{})(?:为|约为|约|达|共计|合计)?\s*(?:约)?\s*(?:人民币)?\s*([0-9][0-9,]*(?:\.[0-9]+)?\s*(?:亿元|万元|元))|以\s*(?:约)?\s*(?:人民币)?\s*([0-9][0-9,]*(?:\.[0-9]+)?\s*(?:亿元|万元|元))(?:\s*[（(](?:含税|不含税|含增值税|不含增值税)[）)]\s*)?(?:的价格|的报价|的总价)?(?:{})?(?:中标|成交|中选))", layout::alternation(layout::words("news_award_word")), layout::alternation(layout::words("award_adverb"))))
        .expect("valid news-award regex")
});

/// "第一中标候选人为A" / "中标候选人依次为：A、B、C" / "中标候选人排序依次为A、B、C" (an order
/// noun, `candidate_order_word`, between) — the names up to the end of the clause.
static PROSE_CANDIDATES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"候选人(?:{})?(?:依次|分别)?(?:为|是)[：:]?\s*([^。；;！!？?]{{2,}})",
        layout::alternation(layout::words("candidate_order_word"))
    ))
    .expect("valid candidates regex")
});

/// A company named with its rank in running text: "A排名第一，投标报价为…", "B位列第二".
/// Group 1 is the name, group 2 the rank.
static PROSE_RANKED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"([\p{{Han}}A-Za-z0-9（）()]{{2,40}}?(?:有限责任公司|股份有限公司|有限公司|集团))(?:以[^，,。；;]{{0,20}}?|[^，,。；;、]{{0,12}}[，,]|[^，,。；;、第]{{1,8}}?)?(?:(?:综合)?(?:{})|(?:{}))第([一二三四五六七八九十])(?:名|位)?", layout::alternation(layout::words("rank_verb")), layout::alternation(layout::words("rank_is_verb"))))
        .expect("valid ranked regex")
});

/// Companies given their ranks together: "A和B分列第二、第三中标候选人", "A、B、C依次为第一、二、三
/// 名", "A、B分别位列第一至第二". Group 1 is the list of names, group 2 the list of ranks.
static PROSE_RANK_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"([\p{{Han}}A-Za-z0-9（）()、和与及]{{4,200}}?(?:有限责任公司|股份有限公司|有限公司|集团))(?:{})第?([一二三四五六七八九十](?:(?:、|和|与|及|至|到)?第?[一二三四五六七八九十]){{1,9}})", layout::alternation(layout::words("rank_list_verb"))))
        .expect("valid rank-list regex")
});

/// Ranks given together before the names: "第二、第三中标候选人分别为A、B", "第一至第三名依次为A、B、C".
/// Group 1 is the list of ranks, group 2 the list of names.
static PROSE_RANK_FIRST_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"第([一二三四五六七八九十](?:(?:、|和|与|及|至|到)?第?[一二三四五六七八九十]){{1,9}})(?:名|位)?(?:{})?(?:的)?(?:{})[：:]?\s*([\p{{Han}}A-Za-z0-9（）()、和与及]{{4,200}}(?:有限责任公司|股份有限公司|有限公司|集团))", layout::alternation(layout::words("ranked_party")), layout::alternation(layout::words("rank_list_verb"))))
        .expect("valid rank-first-list regex")
});

/// A company named after its rank in running text: "排名第一的是A", "位列第二的为B", "第三名为C",
/// "排在第一位的是D", "排名第二的A投标报价…", "第一中标候选人为A", "第一名A", "位列第一中标候选人的
/// 是A" (the party before 的: without it the name class would swallow "中标候选人的是"). Group 1, 2 or 3 is
/// the rank, group 4 the name (greedy within the name's characters, so "X集团有限公司" is not cut
/// at 集团).
static PROSE_RANK_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:(?:{})第([一二三四五六七八九十])(?:名|位)?|第([一二三四五六七八九十])(?:名|位)|第([一二三四五六七八九十])(?:{}))(?:(?:的)?(?:{})?(?:的)?(?:是|为)[：:]?\s*|的)?([\p{{Han}}A-Za-z0-9（）()]{{2,40}}(?:有限责任公司|股份有限公司|有限公司|集团))", layout::alternation(layout::words("rank_verb")), layout::alternation(layout::words("ranked_party")), layout::alternation(layout::words("ranked_party"))))
        .expect("valid rank-first regex")
});

/// Winners named together before the win: "由A与B组成的联合体中标", "A和B中标"; a member may
/// carry its role in a bracket ("A（牵头人）与B", `role_note`), and the amount the consortium won
/// at may stand before the win ("…组成的联合体，以1.26亿元的报价中标"; not "…未能中标"). Group 1
/// is the list; group 2 is set when a candidate is meant ("…以X报价成为第一中标候选人").
static PROSE_JOINT_WINNERS: LazyLock<Regex> = LazyLock::new(|| {
    const ORG: &str = r"[\p{Han}A-Za-z0-9（）()]{2,30}?(?:有限责任公司|股份有限公司|有限公司|集团)";
    let note = &*MEMBER_NOTE_PATTERN;
    Regex::new(&format!(
        r"((?:{ORG})(?:{note})?(?:(?:与|和|及|、)(?:{ORG})(?:{note})?)+)(?:组成的|共同)?(?:联合体)?(?:[，,]?以(?:[0-9],[0-9]|[^，,。；;未]){{0,20}}?)?(?:共同|均|分别)?(?:中标|成交|中选)(候选)?"
    ))
    .expect("valid joint-winners regex")
});

/// A bracketed role note after a consortium member ("（牵头人）", "（联合体成员）"; `role_note`):
/// a few characters around one role word.
static MEMBER_NOTE_PATTERN: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"[（(][^（()）。，,]{{0,6}}(?:{})[^（()）。，,]{{0,6}}[）)]",
        layout::alternation(layout::words("role_note"))
    )
});

/// [`MEMBER_NOTE_PATTERN`], to take the notes out of a list of members.
static MEMBER_NOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&MEMBER_NOTE_PATTERN).expect("valid member-note regex"));

/// "中标人为A" / "成交供应商为A、B".
static PROSE_WINNERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{})(?:依次|分别)?(?:为|是)[：:]?\s*([^。；;！!？?]{{2,}})",
        layout::alternation(layout::words("winner_role"))
    ))
    .expect("valid winners regex")
});

/// A company named before its win: "X为本项目中标人", "由X中标", "X以2.36亿元中标" (a comma
/// between digits, "以3,280万元中标", groups thousands and ends no clause). Only names of
/// company shape (ending in a legal form) count, so "项目中标" or "紫金云智算中标" name nobody.
/// Group 1 is the name; group 2 is set when a candidate is meant ("X为第一中标候选人").
static PROSE_WINNER_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"([\p{{Han}}A-Za-z0-9（）()]{{2,30}}(?:有限责任公司|股份有限公司|有限公司|集团))(?:为|成为|是)?(?:本项目|该项目|本次|此次|项目|本标段|本包)?(?:“[^”]{{1,80}}”|《[^》]{{1,80}}》)?(?:的)?(?:以(?:[0-9],[0-9]|[^，,。；;]){{0,20}}?)?(?:第[一二三四五六七八九十]名?)?(?:{})(候选)?", layout::alternation(layout::words("winner_role_end"))))
        .expect("valid winner-first regex")
});

/// Winners listed before a count ("A、B两家企业中标") or given a share of the award
/// ("A获得60%份额", "B中标40%份额"); group 1 is the name or list.
static PROSE_WINNER_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([\p{Han}A-Za-z0-9（）()、]{4,200}?(?:有限责任公司|股份有限公司|有限公司|集团))(?:[两二三四五六七八九十0-9]{1,2}家(?:企业|公司|厂商|供应商|单位)(?:均|共同|同时|分别)?(?:中标|成交|中选)|(?:获得|获|分得|中标|斩获)(?:约)?[0-9]{1,3}(?:\.[0-9]+)?[%％](?:的)?(?:中标)?份额)")
        .expect("valid winner-list regex")
});

/// "收到X发出的《中标通知书》": the sender of an award letter is the buyer (or its agency); a short
/// name introduced after it ("收到X（下称“Y”）发出的…") is skipped.
static LETTER_SENDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"收到([\p{{Han}}A-Za-z0-9（）()]{{2,40}}?(?:{ORG_END}))(?:[（(](?:以下)?(?:简称|下称)[^（()）]{{0,20}}[）)])?(?:{LETTER_VERBS})?(?:的)?[《“]?(?:中标|成交|中选)(?:（成交）|\(成交\))?通知书",
        ORG_END = *ORG_END, LETTER_VERBS = layout::alternation(layout::words("letter_verb"))))
    .expect("valid letter regex")
});

/// "X近日收到…《中标通知书》": the receiver of an award letter is the winner.
static LETTER_RECEIVER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([\p{Han}A-Za-z0-9（）()]{2,40}?(?:有限责任公司|股份有限公司|有限公司))(?:于)?(?:近日|日前|今日|[0-9]{1,4}[年月][0-9年月日]{1,10})?(?:已)?收到[^，,。；;]{0,50}?(?:中标|成交|中选)(?:（成交）|\(成交\))?通知书")
        .expect("valid letter regex")
});

/// An organisation introduced under its role: "中国建设银行股份有限公司江苏省分行（以下简称“采购人”）",
/// "X（下称“招标人”）". Group 1 is the name (no punctuation inside), group 2 the role.
static ROLE_ALIAS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r#"([^\s，,。：:；;（(）)“”"、]{{4,60}})[（(](?:以下|下文|下)?(?:简称|称)[：:]?\s*[“"「‘]?({})[”"」’]?[）)]"#, layout::alternation(layout::words("buyer_alias_role"))))
        .expect("valid role-alias regex")
});

/// The buyer introduced under its role in running text ("X（以下简称“采购人”）…"); the first such
/// organisation on the page.
pub fn alias_buyer(lines: &[&str]) -> Option<String> {
    lines
        .iter()
        .filter(|l| l.len() <= MAX_LINE_BYTES && (l.contains("简称") || l.contains("下称")))
        .flat_map(|l| ROLE_ALIAS.captures_iter(l))
        // "…（以下简称“代理机构”）受X（以下简称“采购人”）委托": the verb before the name is no part of it.
        .map(|c| c[1].trim_start_matches(['受', '由']).to_string())
        .find(|n| !n.chars().any(|c| c.is_ascii_digit()))
}

/// An organisation tagged with its role in parentheses right after its name: "X（采购人）委托Y（采购代理机构）",
/// "Y（招标代理机构）受X（招标人）委托". Group 1 is the name (no punctuation inside, perhaps with the
/// verb before it), group 2 the role.
static ROLE_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"([^\s，,。：:；;（(）)“”\x22、]{{4,60}})[（(]({})[）)]",
        layout::alternation(layout::words("role_tag"))
    ))
    .expect("valid role-tag regex")
});

/// Buyer and agency named in running text with their role in parentheses after the name
/// ("X（采购人）委托Y（采购代理机构），对…进行公开招标"): the first of each on the page. A name
/// must read as an organisation; the verb before it (委托, 受, 由 …) is no part of it.
pub fn role_tagged(lines: &[&str]) -> (Option<String>, Option<String>) {
    // Cheap tests first: the closing of a role tag.
    static TAG_ENDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("role_tag_end"));
    let (mut buyer, mut agency) = (None, None);
    for line in lines
        .iter()
        .filter(|l| l.len() <= MAX_LINE_BYTES && TAG_ENDS.iter().any(|e| l.contains(e)))
    {
        for c in ROLE_TAG.captures_iter(line) {
            let raw = &c[1];
            let name = ROLE_LEADS
                .iter()
                .filter_map(|w| raw.rfind(w).map(|i| i + w.len()))
                .max()
                .map_or(raw, |i| &raw[i..]);
            if !org_like(name) {
                continue;
            }
            let slot = if c[2].contains("代理") || c[2].contains("机构") {
                &mut agency
            } else {
                &mut buyer
            };
            if slot.is_none() {
                *slot = Some(name.to_string());
            }
        }
        if buyer.is_some() && agency.is_some() {
            break;
        }
    }
    (buyer, agency)
}

/// An organisation introduced with a short name: "中国联合网络通信有限公司湖南省分公司（下称“湖南联通”）".
/// Group 1 is the registered name (no punctuation inside but a bracketed part of Han characters,
/// "X（集团）有限责任公司"), group 2 the short name.
static NAME_ALIAS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"((?:[^\s，,。：:；;（(）)“”"、]|[（(]\p{Han}{1,8}[）)]){4,60})[（(](?:以下|下文|下)?(?:简称|称)[：:]?\s*[“"「‘]([^”"」’（()）]{2,20})[”"」’][）)]"#)
        .expect("valid name-alias regex")
});

/// Group 1 of [`NAME_ALIAS`] after the last role tag in brackets ("X（采购人）委托Y…（以下简称…）":
/// the name opens after "（采购人）"); a bracketed name part ("（集团）") stays.
fn after_role_tag(name: &str) -> &str {
    static ROLES: LazyLock<&[&str]> = LazyLock::new(|| layout::words("role_tag"));
    name.rmatch_indices(['）', ')'])
        .find(|(i, _)| {
            let head = &name[..*i];
            head.rfind(['（', '('])
                .is_some_and(|o| ROLES.contains(&head[o..].trim_start_matches(['（', '('])))
        })
        .map_or(name, |(i, c)| &name[i + c.len()..])
}

/// The registered name the page gives for `short` when it introduces it as an alias
/// ("X（下称“湖南联通”）", "X（以下简称“江西铜业”）"): the article uses the alias afterwards, but the
/// buyer is the registered name. Only lines quoting the alias are matched.
pub fn aliased_name(short: &str, lines: &[&str]) -> Option<String> {
    let quoted = ["“", "\"", "「", "‘"].map(|q| format!("{q}{short}"));
    lines
        .iter()
        .filter(|l| {
            l.len() <= MAX_LINE_BYTES
                && (l.contains("简称") || l.contains("下称"))
                && quoted.iter().any(|q| l.contains(q.as_str()))
        })
        .flat_map(|l| NAME_ALIAS.captures_iter(l))
        .filter(|c| &c[2] == short)
        // "该项目由X（以下简称“Y”）组织": the words before the name are no part of it.
        .map(|c| {
            let name = without_lead(without_byline(after_role_tag(&c[1])));
            // "招标人为X（下称…）": the role before the name is no part of it either.
            let name = ["人为", "单位为", "方为", "人是", "单位是", "方是"]
                .iter()
                .find_map(|w| name.rsplit_once(w).map(|(_, r)| r))
                .unwrap_or(name);
            let name = name.trim_start_matches('受');
            // "明年起将在X（以下简称“Y”）成为常态": the time and place words before it neither.
            let name = without_clause_lead(name);
            // "与X（以下简称“Y”）签订", "公司近日与X（…）": the clause before a connective is no
            // part of the name: one opening the text, unless the short name opens with it too
            // (同方…（简称“同方股份”）), or one inside it right before the short name's first
            // character.
            let first = short.chars().next();
            let cut = ALIAS_CONNECTIVES
                .iter()
                .flat_map(|w| {
                    name.match_indices(w).filter_map(move |(i, _)| {
                        let rest = &name[i + w.len()..];
                        ((i == 0 && !short.starts_with(w))
                            || first.is_some_and(|c| rest.starts_with(c)))
                        .then_some(i + w.len())
                    })
                })
                .max();
            cut.map_or(name, |i| &name[i..]).to_string()
        })
        .find(|n| org_like(n) && n != short)
}

/// Time words that may open a clause before a name (`name_time_lead`: 明年起, 近日 …).
static NAME_TIME_LEADS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("name_time_lead"));
/// Adverbs between those and the name's preposition (`name_adverb_lead`: 将, 已 …).
static NAME_ADVERB_LEADS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("name_adverb_lead"));
/// Prepositions right before a name (`name_place_lead`: 在, 于, 由, 向).
static NAME_PLACE_LEADS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("name_place_lead"));

/// `name` without a clause's opening run into it ("明年起将在X", "今年已由X", "近日X"): a run of
/// time words, adverbs and prepositions from its start that ends with a time word or a
/// preposition (an adverb needs one after it) and is two characters or more, so a name that
/// opens with one such character (于都县…, 将乐县…, 正泰…) keeps it. The rest must still look
/// like an organisation's name; otherwise `name` is returned whole.
pub fn without_clause_lead(name: &str) -> &str {
    let longest = |rest: &str, words: &[&'static str]| {
        words
            .iter()
            .filter(|w| rest.starts_with(**w))
            .map(|w| w.len())
            .max()
    };
    let (mut at, mut cut) = (0, 0);
    while at < name.len() {
        let rest = &name[at..];
        let ends = longest(rest, &NAME_TIME_LEADS)
            .into_iter()
            .chain(longest(rest, &NAME_PLACE_LEADS))
            .max();
        let adverb = longest(rest, &NAME_ADVERB_LEADS);
        match (ends, adverb) {
            (Some(e), a) if a.is_none_or(|a| e >= a) => {
                at += e;
                cut = at;
            }
            (_, Some(a)) => at += a,
            _ => break,
        }
    }
    let rest = &name[cut..];
    if name[..cut].chars().count() >= 2 && org_like(rest) {
        rest
    } else {
        name
    }
}

/// Connectives opening a clause before an aliased name (`alias_connective`: 与, 和, 同, 由).
static ALIAS_CONNECTIVES: LazyLock<&[&str]> = LazyLock::new(|| layout::words("alias_connective"));

/// A reporter's or editor's byline run into a name from before it ("记者 周启航）中国移动…",
/// "本报记者王明报道：中国联通…"): the name after it. A closing bracket with no opening one
/// before it ends a bracketed byline; 报道 ends a written-out one.
pub fn without_byline(name: &str) -> &str {
    let mut depth = 0usize;
    let mut cut = 0;
    for (i, c) in name.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' if depth == 0 => cut = i + c.len_utf8(),
            '）' | ')' => depth -= 1,
            _ => {}
        }
    }
    // A name never opens with a bracket: a leading bracketed group is a byline or tag before it
    // ("（林思远）中国东方航空…", "(记者 王明)某某银行"), whatever it holds.
    let mut name = &name[cut..];
    while let Some(rest) = name.strip_prefix(['（', '(']) {
        match rest.find(['）', ')']) {
            Some(i) => name = rest[i..].trim_start_matches(['）', ')']).trim_start(),
            None => break,
        }
    }
    match name.find("报道") {
        Some(i) if name[..i].contains("记者") || name[..i].contains("通讯员") => {
            name[i + "报道".len()..].trim_start_matches(['：', ':', ' '])
        }
        _ => name,
    }
}

/// Lines from the end of a notice that a signature block may span (organisation, then date).
const SIGNATURE_LINES: usize = 12;

/// The organisation signing a notice: the line right above the closing date
/// ("中国建设银行股份有限公司江苏省分行" over "2026年7月9日"), when it is an organisation's name and
/// not an agency's. `lines` is the article without page furniture.
pub fn signature_org(lines: &[&str]) -> Option<String> {
    let tail = &lines[lines.len().saturating_sub(SIGNATURE_LINES)..];
    let date_at = tail.iter().rposition(|l| {
        l.chars().count() <= 20
            && super::date::parse_date(l).is_some()
            && l.trim_end().ends_with('日')
            && l.chars().filter(|c| is_han(*c)).count() <= 3
    })?;
    tail[..date_at]
        .iter()
        .rev()
        .take(2)
        .map(|l| l.trim())
        .find(|l| {
            !l.contains(['：', ':'])
                && (org_like(l) || l.ends_with("分行") || l.ends_with("支行"))
                && l.chars().count() >= 6
                && !AGENCY_WORDS.iter().any(|w| l.contains(w))
        })
        .map(str::to_string)
}

/// Words of an agency's name: the sender of an award letter that is not the buyer.
static AGENCY_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("agency_word"));

/// The buyer that sent an award letter ("收到中国移动通信集团贵州有限公司发出的《中标通知书》"), unless
/// the sender is an agency.
pub fn letter_sender(lines: &[&str]) -> Option<String> {
    lines
        .iter()
        .filter(|l| l.len() <= MAX_LINE_BYTES && l.contains("通知书") && l.contains("收到"))
        .flat_map(|l| LETTER_SENDER.captures_iter(l))
        .map(|c| c[1].to_string())
        .find(|n| !AGENCY_WORDS.iter().any(|w| n.contains(w)))
}

/// The organisation opening a notice title quoted in 《…》 ("公示了《中国移动通信集团天津有限公司
/// 2025年…采购项目中标结果》"): a news article's buyer when no sentence names one.
pub fn quoted_title_buyer(lines: &[&str]) -> Option<String> {
    // A notice's title ends with one of these; a law's (《…政府采购法》) does not.
    static NOTICE_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("quoted_notice_word"));
    lines
        .iter()
        .filter(|l| l.len() <= MAX_LINE_BYTES && l.contains('《'))
        .flat_map(|l| l.split('《').skip(1))
        .filter_map(|q| q.split_once('》').map(|(t, _)| t))
        .filter(|t| NOTICE_WORDS.iter().any(|w| t.trim_end().ends_with(w)))
        .find_map(title_buyer)
}

/// "本项目最高限价为人民币壹佰…万元整（¥1,380,000.00）": a budget stated in a sentence with 为/是
/// (a short note may stand before it: "本项目采购控制价（含税）为650.00万元") instead of a colon, after a determiner (本项目, 本次采购 …) or opening a clause ("资金来自企业
/// 自筹，最高投标限价为…"), so that it is this purchase's. Without 为/是 the label must follow a
/// determiner of the whole purchase and the amount must follow it directly and end its clause
/// ("本项目预算金额310万元，于…开标"): "预算金额310万元以内的项目" is a condition, and "标包1为…，
/// 最高限价2.1亿元" a lot's amount, not this purchase's budget. A colon label inside running text
/// counts when it opens a sentence with a determiner of the whole purchase ("…平台。项目最高限价：
/// 人民币贰佰叁拾万元整（2,300,000.00元）。"): a lot's label ("。标包1最高限价：") has no determiner.
static SENTENCE_BUDGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:本项目|该项目|本次采购|本次|此次|本包|本标段|^|[，,；;：:。]\s*)(?:的)?(?:{w})(?:[（(][^）)0-9]{{1,8}}[）)])?(?:为|是)\s*([^，。；;]{{1,60}})|(?:本项目|该项目|本次采购|本次|此次)(?:的)?(?:{w})\s*((?:人民币)?\s*[¥￥]?\s*[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:亿元|万元|元))\s*(?:[，,。；;（(]|$)|(?:^|[。；;]\s*)(?:本项目|该项目|项目|本次采购|此次采购)(?:的)?(?:{w})[：:]\s*([^，。；;]{{1,60}})", w = layout::alternation(layout::words("sentence_budget_word"))))
        .expect("valid sentence-budget regex")
});

/// A budget stated in a sentence ("本项目最高限价为…"), for notices without a labelled one.
pub fn sentence_budget(lines: &[&str]) -> Option<Money> {
    lines
        .iter()
        // Every label of the regex names 预算, 限价 or 控制价.
        .filter(|l| {
            l.len() <= MAX_LINE_BYTES
                && (l.contains("预算") || l.contains("限价") || l.contains("控制价"))
        })
        .flat_map(|l| SENTENCE_BUDGET.captures_iter(l))
        .find_map(|c| {
            let value = c.get(1).or_else(|| c.get(2)).or_else(|| c.get(3))?.as_str();
            // An amount stated only in 大写 ("最高投标限价为人民币贰佰贰拾万元整"): it opens the
            // value and ends its words, as a labelled one must (`lone_daxie`).
            parse_money(value, None).or_else(|| {
                super::money::lone_daxie(value)
                    .and_then(|v| parse_money(&format!("{v:.2}元"), None))
            })
        })
}

/// Words that can run into a winner's name from before it in one clause.
/// A listed company's subsidiary ("公司全资子公司X收到…") is named after the parent's words.
static WINNER_LEADS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("winner_lead"));

/// Budget labels a correction sentence may name (预算, 最高限价, 控制价 and their longer forms;
/// `budget_word`, an alternation).
static BUDGET_WORDS: LazyLock<String> =
    LazyLock::new(|| layout::alternation(layout::words("budget_word")));

/// An amount as a correction writes it ("人民币128万元", "¥1,150,000.00元", "560.00万元").
const CORRECTION_AMOUNT: &str =
    r"(?:人民币)?\s*[¥￥]?\s*[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:亿元|万元|元)?";

/// A one-line correction, the original first: a budget label, then 原/由/从 and the old amount,
/// then a correcting word (更正/变更/调整/修改/改/现) and the new amount, within one clause:
/// "预算金额：原为560.00万元，现更正为498.00万元", "最高限价原为人民币128万元，现调整为人民币115万元",
/// "预算金额由120万元调整为98万元", "采购预算：原500,000.00元，更正后为450,000.00元".
static PROSE_CORRECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{BUDGET_WORDS})[^。；;0-9]{{0,12}}?(?:原|由|从|(?:更正|变更|调整|修改)前)[^。；;0-9]{{0,12}}?({CORRECTION_AMOUNT})[^。；;0-9]{{0,10}}?(?:{CORRECTION_VERBS})[^。；;0-9]{{0,8}}?({CORRECTION_AMOUNT})", BUDGET_WORDS = *BUDGET_WORDS, CORRECTION_VERBS = layout::alternation(layout::words("correction_verb"))))
    .expect("valid correction regex")
});

/// The old value right after the label, then a changing verb and the new one, with no 原/由 before
/// the old value: "采购预算金额：5,200,000.00元 更改为 4,860,000.00元", "最高限价：520万元，调整为486万元",
/// "预算金额 520万元→486万元".
static PROSE_CORRECTION_CHANGED_TO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{BUDGET_WORDS})([（(][^）)]{{0,12}}[）)])?\s*[：:]?\s*({CORRECTION_AMOUNT})\s*(?:[（(][^）)0-9]{{0,10}}[）)])?\s*[，,]?\s*(?:现|已|拟)?(?:(?:{CHANGED_TO_VERBS})(?:为|至|成)|→|->)[：:]?\s*“?\s*({CORRECTION_AMOUNT})", BUDGET_WORDS = *BUDGET_WORDS, CHANGED_TO_VERBS = layout::alternation(layout::words("changed_to_verb"))))
    .expect("valid correction regex")
});

/// The corrected value first, the original after 原 or 更正前: "预算金额调整为Y（原为X）",
/// "预算金额：498万元（原预算560万元）", "最高限价变更为Y，原最高限价为X", "预算金额：Y（更正前：X）".
/// Either figure may stand in parentheses of its own, as it does after a 大写 amount made plain
/// ("调整为人民币（¥4,680,000.00）（调整前预算金额为人民币（¥5,200,000.00））").
static PROSE_CORRECTION_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{BUDGET_WORDS})[^。；;0-9（(原前]{{0,12}}?(?:人民币)?\s*[（(]?\s*({CORRECTION_AMOUNT})\s*[）)]?\s*[（(，,]?\s*(?:原|(?:更正|变更|调整|修改)前)[^。；;0-9）)]{{0,16}}?(?:人民币)?\s*[（(]?\s*({CORRECTION_AMOUNT})", BUDGET_WORDS = *BUDGET_WORDS))
    .expect("valid correction regex")
});

/// 原 before the label, the quoted ccgp form: "原公告中“预算金额：560万元”更正为“预算金额：498万元”",
/// "将原预算金额560万元调整为498万元".
static PROSE_CORRECTION_QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"原[^。；;0-9]{{0,16}}?(?:{BUDGET_WORDS})[^。；;0-9]{{0,6}}?({CORRECTION_AMOUNT})[^。；;0-9]{{0,12}}?(?:{CORRECTION_VERBS})[^。；;0-9]{{0,12}}?({CORRECTION_AMOUNT})", BUDGET_WORDS = *BUDGET_WORDS, CORRECTION_VERBS = layout::alternation(layout::words("correction_verb"))))
    .expect("valid correction regex")
});

/// A correction as quoted items: the old clause in quotes after 原, the new one in quotes after a
/// correcting word, each naming the budget inside: "原“预算金额：420万元，最高限价：420万元”，
/// 现更正为“预算金额：386万元，…”", "原「采购预算为500万元」调整为「采购预算为460万元」".
/// Between 原 and the quote a short name of the original may stand, up to 16 characters (原公告,
/// 原招标公告第二章, 原文为), without a quote or a clause break, and a quoted place in it
/// (原公告“二、项目基本情况”中“…”); the old item may be deleted before it is replaced
/// ("“…”整句删除，替换为“…”"; `quoted_removal`).
static QUOTED_ITEMS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"原[^“”「」"。；;，,：:\s]{{0,16}}?(?:[“「"][^“”「」"。；;]{{1,30}}[”」"][中里内]?)?[：:]?\s*[“「"]([^“”「」"]{{1,160}})[”」"]\s*(?:(?:{})\s*[，,；;]?\s*(?:并|再)?)?[，,；;]?\s*(?:现|已|并|均|拟)?(?:{})(?:后)?(?:为|成|至)[：:]?\s*[“「"]([^“”「」"]{{1,160}})[”」"]"#,
        layout::alternation(layout::words("quoted_removal")),
        layout::alternation(layout::words("quoted_change_verb"))
    ))
    .expect("valid quoted-items regex")
});

/// A correction stating that the quoted item before it is changed, then the new item in quotes:
/// "招标公告中“预算金额：220万元；…”，此处内容调整，调整后内容为“预算金额：236万元；…”",
/// "“采购预算：300万元”，该处内容更正，更正后为“采购预算：280万元”". The lead (`quoted_here_lead`)
/// says the quote before it is the old item, so no 原 is needed. A short bracketed reason may
/// stand between the quote and the lead ("“…”（因需求调整），此处内容调整，…").
static QUOTED_HERE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"[“「"]([^“”「」"]{{1,160}})[”」"]\s*(?:[（(][^（）()“”「」"。；;]{{1,20}}[）)])?\s*[，,；;]?\s*(?:{LEAD})\s*(?:{VERB})\s*[，,；;]\s*(?:{VERB})后(?:的)?(?:内容)?(?:为|成)[：:]?\s*[“「"]([^“”「」"]{{1,160}})[”」"]"#,
        LEAD = layout::alternation(layout::words("quoted_here_lead")),
        VERB = layout::alternation(layout::words("quoted_change_verb"))
    ))
    .expect("valid quoted-here regex")
});

/// A budget label and its amount inside one quoted item ("预算金额：420.00万元", "采购预算为500万元");
/// the figure may stand in the brackets left by a 大写 amount made plain ("预算金额：叁佰贰拾捌万元整
/// （￥3,280,000.00）" reads "预算金额：（￥3,280,000.00）").
static QUOTED_BUDGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"({BUDGET_WORDS})([（(][^）)]{{0,12}}[）)])?\s*(?:[：:]|为)?\s*[（(]?\s*({CORRECTION_AMOUNT})",
        BUDGET_WORDS = *BUDGET_WORDS
    ))
    .expect("valid quoted-budget regex")
});

/// A quoted budget said to be wrong, then its right value in quotes, perhaps without the label:
/// "原公告“一、项目基本情况”中“预算金额：512.00万元”有误，应为“486.50万元”",
/// "“最高限价（万元）：320”错误，应更正为“298”" (`quoted_wrong_word`, `quoted_should_be`).
static QUOTED_WRONG_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"[“「"]\s*({BUDGET_WORDS})([（(][^）)]{{0,12}}[）)])?\s*(?:[：:]|为)?\s*({CORRECTION_AMOUNT})\s*[”」"]\s*(?:{WRONG})?\s*[，,]?\s*(?:现|故)?(?:{SHOULD})[：:]?\s*[“「"]\s*(?:(?:{BUDGET_WORDS})(?:[（(][^）)]{{0,12}}[）)])?\s*(?:[：:]|为)?)?\s*({CORRECTION_AMOUNT})\s*[”」"]"#,
        BUDGET_WORDS = *BUDGET_WORDS,
        WRONG = layout::alternation(layout::words("quoted_wrong_word")),
        SHOULD = layout::alternation(layout::words("quoted_should_be"))
    ))
    .expect("valid wrong-value regex")
});

/// (original, corrected) budget of a "“预算金额：X”有误，应为“Y”" correction; the unit in the
/// label's note (预算金额（万元）) holds for bare figures on both sides.
fn quoted_wrong_value(line: &str) -> Option<(Money, Money)> {
    QUOTED_WRONG_VALUE.captures_iter(line).find_map(|c| {
        let unit = c.get(2).and_then(|m| Unit::in_notes(m.as_str()));
        let (from, to) = (parse_money(&c[3], unit)?, parse_money(&c[4], unit)?);
        (from != to).then_some((from, to))
    })
}

/// (original, corrected) budget of a quoted-items correction: the label of the old item's first
/// budget is looked up in the new item (预算金额 beside 预算金额, not 最高限价), else its first budget.
fn quoted_items_correction(line: &str) -> Option<(Money, Money)> {
    QUOTED_ITEMS
        .captures_iter(line)
        .chain(QUOTED_HERE.captures_iter(line))
        .find_map(|c| {
            let old = QUOTED_BUDGET.captures(c.get(1)?.as_str())?;
            let amount = |b: &regex::Captures<'_>| {
                let unit = b.get(2).and_then(|m| Unit::in_notes(m.as_str()));
                parse_money(b.get(3)?.as_str(), unit)
            };
            let new_side = c.get(2)?.as_str();
            let new = QUOTED_BUDGET
                .captures_iter(new_side)
                .find(|b| b.get(1).map(|m| m.as_str()) == old.get(1).map(|m| m.as_str()))
                .or_else(|| QUOTED_BUDGET.captures(new_side))?;
            let (from, to) = (amount(&old)?, amount(&new)?);
            (from != to).then_some((from, to))
        })
}

/// A quoted old item naming the budget after 原, then the new amount applied in its place without
/// quotes: "原公告“一、项目基本情况”所列“预算金额：328.00万元；…”，经…评审后，两项金额均改按人民币
/// X执行", "原招标文件中“最高限价：150万元”，现按145万元执行", "原“采购预算为500万元”，调整后统一以
/// 480万元为准". The old item is named as in [`QUOTED_ITEMS`] (a short name of the original, a quoted
/// place, then 所列 / 所载 / 中); the new amount stands right after an applying word (`apply_verb`)
/// and before the word that ends the frame (`apply_end`), and states its unit (a bare figure there
/// may be a count or a date: "原为10台，现改按8台执行").
static QUOTED_APPLIED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r#"原[^“”「」"。；;，,：:\s]{{0,16}}?(?:[“「"][^“”「」"。；;]{{1,30}}[”」"])?[^“”「」"。；;，,：:\s0-9]{{0,4}}?[：:]?\s*[“「"]([^“”「」"]{{1,160}})[”」"][^。；;0-9“”「」"]{{0,30}}?(?:{APPLY})\s*(?:人民币)?\s*[（(]?\s*({DELTA_AMOUNT})\s*[）)]?\s*(?:{END})"#,
        APPLY = layout::alternation(layout::words("apply_verb")),
        END = layout::alternation(layout::words("apply_end")),
    ))
    .expect("valid quoted-applied regex")
});

/// (original, corrected) budget of a quoted old item replaced by an amount applied in its place
/// ([`QUOTED_APPLIED`]): the quoted item's first budget is the original.
fn quoted_applied_correction(line: &str) -> Option<(Money, Money)> {
    QUOTED_APPLIED.captures_iter(line).find_map(|c| {
        let old = QUOTED_BUDGET.captures(c.get(1)?.as_str())?;
        let unit = old.get(2).and_then(|m| Unit::in_notes(m.as_str()));
        let from = parse_money(old.get(3)?.as_str(), unit)?;
        let to = parse_money(c.get(2)?.as_str(), None)?;
        (from != to).then_some((from, to))
    })
}

/// The words that head the old and the new side of a correction (a side ends in 前 or 后;
/// `correction_side`, an alternation).
static CORRECTION_SIDES: LazyLock<String> =
    LazyLock::new(|| layout::alternation(layout::words("correction_side")));

/// The same sides as a line's opening, with the bare 原 (old) and 现 / 新 (new) of label pairs
/// ("原最高投标限价：…" / "变更后最高投标限价：…", "原预算：…" / "现预算：…"; `line_side`).
static LINE_SIDES: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{}|{}",
        *CORRECTION_SIDES,
        layout::alternation(layout::words("line_side"))
    )
});

/// "更正前：预算金额X" / "更正后：预算金额Y" on lines of their own.
static BEFORE_AFTER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:[0-9一二三四五六七八九十]{{1,2}}[、.．])?\s*({LINE_SIDES})(?:内容)?[：:]?\s*(?:的)?(?:{BUDGET_WORDS})(?:[（(][^）)]{{0,12}}[）)])?(?:为)?[：:]?\s*(\S{{1,60}})", BUDGET_WORDS = *BUDGET_WORDS, LINE_SIDES = *LINE_SIDES))
        .expect("valid before/after regex")
});

/// An item label on a line of its own, naming the budget and perhaps its unit
/// ("1.预算金额（元）"), over "更正前：X" / "更正后：Y" lines that give bare amounts.
static BUDGET_ITEM_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[0-9一二三四五六七八九十]{{1,2}}[、.．]\s*|[（(][0-9一二三四五六七八九十]{{1,2}}[）)]\s*)?(?:{BUDGET_WORDS})(?:[（(][^）)]{{0,12}}[）)])?[：:]?$", BUDGET_WORDS = *BUDGET_WORDS))
    .expect("valid budget-item regex")
});

/// "更正前：3,650,000.00" / "更正后：3,280,000.00" under an item label.
static BARE_BEFORE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^({CORRECTION_SIDES}|原内容|现内容)(?:内容)?[：:]\s*(\S{{1,40}})$",
        CORRECTION_SIDES = *CORRECTION_SIDES
    ))
    .expect("valid before/after regex")
});

/// A correction given as an item label line ("预算金额（元）") with the old and new values on the
/// lines right below it (the unit, if any, only in the label).
fn item_correction(lines: &[&str]) -> Option<(Money, Money)> {
    lines.iter().enumerate().find_map(|(i, l)| {
        let label = BUDGET_ITEM_LINE.find(l)?.as_str();
        let unit = Unit::in_notes(label);
        let (mut before, mut after) = (None, None);
        for next in lines.iter().skip(i + 1).take(2) {
            let c = BARE_BEFORE_AFTER.captures(next)?;
            let slot = if c[1].ends_with('后') || c[1].starts_with('现') {
                &mut after
            } else {
                &mut before
            };
            *slot = parse_money(&c[2], unit);
        }
        let (from, to) = (before?, after?);
        (from != to).then_some((from, to))
    })
}

/// A name that reads as an organisation: ends with an organisation word, has no digit run,
/// is not a sentence ("投标报价为812.6万元").
pub fn org_like(name: &str) -> bool {
    let n = name.chars().count();
    (4..=60).contains(&n)
        && !name.chars().any(|c| c.is_ascii_digit())
        && ORG_ENDS.iter().any(|w| name.ends_with(w))
        // A clause, not a name ("第二名为X公司"); a bare 为 is no sign (华为云计算技术有限公司).
        && !["人为", "商为", "名为", "位为", "是", "的"]
            .iter()
            .any(|w| name.contains(w))
}

/// "A与B" / "A和B" where A ends in a legal form: two names, never one joined name.
fn split_joined(part: &str) -> Vec<&str> {
    static FORMS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("joined_legal_form"));
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in part.char_indices() {
        if (c == '与' || c == '和') && FORMS.iter().any(|f| part[start..i].ends_with(f)) {
            out.push(&part[start..i]);
            start = i + c.len_utf8();
        }
    }
    out.push(&part[start..]);
    out
}

/// Organisation names listed in `s` ("A、B、C", "A，投标报价为…"), in order.
fn listed_orgs(s: &str, out: &mut Vec<String>) {
    for part in s
        .split(['、', '，', ',', '；', ';', '及'])
        .flat_map(split_joined)
    {
        // "A，第二中标候选人为B", "第三中标候选人分别为B和C": the next rank's names after
        // their own 候选人为.
        let part = after_candidate_verb(part);
        let name = without_labelled_note(without_byline(part.trim()))
            .trim()
            .trim_start_matches(['：', ':'])
            .trim_end_matches(['等', '。'])
            .trim();
        let name = without_descriptor(name);
        if org_like(name) && !opens_with_rank(name) && !out.iter().any(|o| o == name) {
            out.push(name.to_string());
        }
    }
}

/// What follows the last "候选人" of `part` that a verb follows ("为", "是", a
/// `rank_list_verb` such as "分别为", after an optional `candidate_order_word`): "第三中标候选人
/// 分别为X" gives X. `part` unchanged without such a verb.
fn after_candidate_verb(part: &str) -> &str {
    static ORDER_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("candidate_order_word"));
    part.rmatch_indices("候选人")
        .find_map(|(i, w)| {
            let rest = &part[i + w.len()..];
            let rest = ORDER_WORDS
                .iter()
                .find_map(|w| rest.strip_prefix(w))
                .unwrap_or(rest);
            RANK_LIST_VERBS
                .iter()
                .chain(["为", "是"].iter())
                .find_map(|w| rest.strip_prefix(w))
        })
        .unwrap_or(part)
}

/// `name` opens with a rank phrase ("第三中标候选人…", "第二名…"): a clause, never a name
/// ("第一拖拉机股份有限公司" opens with no rank party and stays a name).
fn opens_with_rank(name: &str) -> bool {
    static PARTIES: LazyLock<&[&str]> = LazyLock::new(|| layout::words("ranked_party"));
    let Some(rest) = name.strip_prefix('第') else {
        return false;
    };
    let Some(rest) = rest.strip_prefix(|c| RANKS.contains(c)) else {
        return false;
    };
    rest.starts_with(['名', '位']) || PARTIES.iter().any(|p| rest.starts_with(p))
}

/// `part` without a bracketed note that has its own label after a whole name ("X有限公司（地址：
/// 某路1号）"): the name; otherwise `part` unchanged.
fn without_labelled_note(part: &str) -> &str {
    let Some(open) = part.find(['（', '(']) else {
        return part;
    };
    let (name, note) = part.split_at(open);
    if note.contains(['：', ':']) && org_like(name.trim_end()) {
        name.trim_end()
    } else {
        part
    }
}

/// Descriptive lead-ins glued before a name (`name_descriptor`: 本土企业, 老牌厂商 …).
static NAME_DESCRIPTORS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("name_descriptor"));

/// `name` without a description before the organisation itself: a descriptor word
/// ("长沙本土企业X有限公司") or a phrase ending in 的 ("报价最低的X有限公司"), when what follows is
/// a name of its own; otherwise `name` unchanged.
fn without_descriptor(name: &str) -> &str {
    if org_like(name) && !NAME_DESCRIPTORS.iter().any(|d| name.contains(d)) {
        return name;
    }
    NAME_DESCRIPTORS
        .iter()
        .filter_map(|d| name.rfind(d).map(|i| i + d.len()))
        .chain(name.rfind('的').map(|i| i + '的'.len_utf8()))
        .max()
        .map(|i| &name[i..])
        // A name of its own, not the tail of one ("…民营企业服务有限公司" keeps its whole name).
        .filter(|rest| org_like(rest) && rest.chars().count() >= 8)
        .unwrap_or(name)
}

/// Candidates named in sentences ("第一中标候选人为A", "候选人依次为A、B", "A为第一中标候选人"), in
/// page order (bounded to 50 names).
pub fn candidates(lines: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for line in lines.iter().filter(|l| l.len() <= MAX_LINE_BYTES) {
        if !line.contains("候选人") {
            continue;
        }
        // Both forms in one line keep their order on the page.
        let mut found: Vec<(usize, Vec<String>)> = Vec::new();
        for c in PROSE_CANDIDATES.captures_iter(line) {
            let mut names = Vec::new();
            listed_orgs(&c[1], &mut names);
            found.push((c.get(1).map_or(0, |m| m.start()), names));
        }
        for c in PROSE_WINNER_FIRST.captures_iter(line) {
            if c.get(2).is_some() {
                let mut names = Vec::new();
                listed_orgs(without_lead(&c[1]), &mut names);
                found.push((c.get(1).map_or(0, |m| m.start()), names));
            }
        }
        found.sort_by_key(|(at, _)| *at);
        for name in found.into_iter().flat_map(|(_, names)| names) {
            if !out.contains(&name) {
                out.push(name);
            }
        }
        if out.len() >= 50 {
            break;
        }
    }
    // Companies ranked in running text (A排名第一…B排名第二…, whatever order the sentences name
    // them in) come first in rank order, then any name given without a rank in page order. Two
    // names of one rank are lots of their own ("一标段第一中标候选人为A…二标段第一…为C"): there
    // page order stands.
    if lines.iter().any(|l| l.contains("候选人")) {
        let by_rank = ranked(lines);
        let one_per_rank = by_rank.windows(2).all(|w| w[0].0 != w[1].0);
        let by_rank: Vec<String> = by_rank.into_iter().map(|(_, n)| n).collect();
        if one_per_rank {
            let rest: Vec<String> = out.into_iter().filter(|n| !by_rank.contains(n)).collect();
            out = by_rank;
            out.extend(rest);
        } else if by_rank.len() > out.len() && out.iter().all(|n| by_rank.contains(n)) {
            // A summary naming some of them ("摘要：第一中标候选人为A") gives way to the full list.
            out = by_rank;
        }
    }
    out.truncate(50);
    out
}

/// Companies ranked in running text ("A排名第一…；B排名第二", "排名第二的B…；第一中标候选人为A",
/// "B和C分列第二、第三中标候选人"), in rank order: on a page about candidates these are the
/// candidates. A rank counts only in a sentence about the bids ([`RANK_CONTEXT`]) of this
/// purchase (not "去年…排名第一的X", nor an industry ranking of vendors).
fn ranked(lines: &[&str]) -> Vec<(usize, String)> {
    let mut found: Vec<(usize, String)> = Vec::new();
    // One automaton pass skips lines that rank nobody before the regexes run.
    static RANK_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::new(
            [
                "排名", "排序", "位列", "位居", "名列", "排在", "名为", "名是", "位为", "位是",
                "名的", "位的",
            ]
            .iter()
            .map(|w| w.to_string())
            .chain(layout::words("rank_is_verb").iter().map(|w| w.to_string()))
            .chain(
                layout::words("rank_list_verb")
                    .iter()
                    .map(|w| w.to_string()),
            )
            .chain(layout::words("ranked_party").iter().map(|w| w.to_string()))
            // "第一名A、第二名B": a rank numeral with 名 or 位 after it.
            .chain(
                RANKS
                    .chars()
                    .flat_map(|r| [format!("第{r}名"), format!("第{r}位")]),
            ),
        )
        .expect("rank words build an automaton")
    });
    for line in lines
        .iter()
        .filter(|l| l.len() <= MAX_LINE_BYTES && l.contains('第') && RANK_WORDS.is_match(**l))
    {
        let about_bids = |m: regex::Match| bid_sentence(line, m.start(), m.end());
        for c in PROSE_RANKED.captures_iter(line) {
            // "A，排名第一的是B": the rank is B's, read below. "A、B分别位列第二、第三": a list of
            // ranks, read below too.
            if c.get(0).is_some_and(|m| {
                let rest = &line[m.end()..];
                rest.starts_with('的') || starts_rank_list(rest) || !about_bids(m)
            }) {
                continue;
            }
            // "X发布评标结果，排名第一": across a comma the name must be the clause's bidder.
            if let (Some(n), Some(m)) = (c.get(1), c.get(0))
                && line[n.end()..m.end()].contains(['，', ','])
                && !bidder_subject(&line[n.end()..])
            {
                continue;
            }
            let rank = rank_of(&c[2]);
            let mut names = Vec::new();
            listed_orgs(without_lead(&c[1]), &mut names);
            found.extend(names.into_iter().map(|n| (rank, n)));
        }
        // A rank clause with no name: "A以1968万元的报价综合得分最高，排名第一" ranks the
        // organisation opening the clause before it, when that clause is about its bid.
        for c in SUBJECTLESS_RANK.captures_iter(line) {
            let Some(m) = c.get(0) else { continue };
            let rest = &line[m.end()..];
            if rest.starts_with('的') || starts_rank_list(rest) || !about_bids(m) {
                continue;
            }
            if let Some(name) = clause_subject(&line[..m.start()]) {
                found.push((rank_of(&c[1]), name));
            }
        }
        // The rank before the name: "排名第一的是A，投标报价…；排名第二的是B".
        for c in PROSE_RANK_FIRST.captures_iter(line) {
            // "第二、第三中标候选人分别为A、B": a list, read below.
            let list = RANK_LIST_VERBS.iter().any(|w| c[4].starts_with(w));
            if list || c.get(0).is_some_and(|m| !about_bids(m)) {
                continue;
            }
            let rank = rank_of(
                c.get(1)
                    .or(c.get(2))
                    .or(c.get(3))
                    .map_or("", |m| m.as_str()),
            );
            let mut names = Vec::new();
            listed_orgs(&c[4], &mut names);
            found.extend(names.into_iter().map(|n| (rank, n)));
        }
        // The rank in a bracket after the name, short names resolved to the registered ones.
        for c in PROSE_NOTED_RANK.captures_iter(line) {
            if c.get(0).is_some_and(|m| !about_bids(m)) {
                continue;
            }
            if let Some(name) = noted_org(&c[1], lines) {
                found.push((rank_of(&c[2]), name));
            }
        }
        // Ranks given together: the names and the ranks pair up in order, when they count alike.
        // A short name introduced for one of them ("A（下称“甲”）、B、C依次…") is no part of the list.
        let plain = without_alias_notes(line);
        for c in PROSE_RANK_LIST.captures_iter(&plain) {
            if c.get(0)
                .is_some_and(|m| !bid_sentence(&plain, m.start(), m.end()))
            {
                continue;
            }
            let mut names = Vec::new();
            for part in c[1].split('、') {
                listed_orgs(without_lead(part), &mut names);
            }
            let ranks = rank_list(&c[2]);
            if ranks.len() == names.len() {
                found.extend(ranks.into_iter().zip(names));
            }
        }
        for c in PROSE_RANK_FIRST_LIST.captures_iter(line) {
            if c.get(0).is_some_and(|m| !about_bids(m)) {
                continue;
            }
            let mut names = Vec::new();
            listed_orgs(&c[2], &mut names);
            let ranks = rank_list(&c[1]);
            if ranks.len() == names.len() {
                found.extend(ranks.into_iter().zip(names));
            }
        }
        if found.len() >= 50 {
            break;
        }
    }
    found.extend(score_ranked(lines));
    // Stable: equal ranks keep their page order.
    found.sort_by_key(|(rank, _)| *rank);
    let mut out: Vec<(usize, String)> = Vec::new();
    for (rank, name) in found {
        if !out.iter().any(|(_, n)| *n == name) {
            out.push((rank, name));
        }
    }
    out
}

/// A short name introduced in brackets after a name: "（下称“甲智能”）", "（以下简称“乙公司”）".
static ALIAS_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"[（(](?:以下)?(?:简称|下称)[“"「][^”"」（()）]{1,20}[”"」][）)]"#)
        .expect("valid alias-note regex")
});

/// `line` without the short names it introduces in brackets (the names then stand side by side).
fn without_alias_notes(line: &str) -> std::borrow::Cow<'_, str> {
    if line.contains("简称") || line.contains("下称") {
        ALIAS_NOTE.replace_all(line, "")
    } else {
        std::borrow::Cow::Borrowed(line)
    }
}

/// The bidder named as scoring highest ("综合得分最高的是A", "评分最高的为A"; `rank_top_word`):
/// ranked first. Group 1 is the name.
static TOP_SCORED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{})的?(?:是|为)[：:]?\s*([\p{{Han}}A-Za-z0-9（）()]{{2,40}}(?:有限责任公司|股份有限公司|有限公司|集团))",
        layout::alternation(layout::words("rank_top_word"))
    ))
    .expect("valid top-scored regex")
});

/// Bidders ranked after the one a sentence has just ranked: "B和C分别以91.05分、88.47分位居其后",
/// "B紧随其后" (`rank_follow_word`). Group 1 is the list of names.
static FOLLOWING_RANKS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"([\p{{Han}}A-Za-z0-9（）()、和与及]{{2,200}}?(?:有限责任公司|股份有限公司|有限公司|集团))(?:分别|依次|则)?(?:以[^，,。；;]{{0,40}}?)?(?:{})",
        layout::alternation(layout::words("rank_follow_word"))
    ))
    .expect("valid following-ranks regex")
});

/// A rank stated in a sentence: the top-score words (1) or 第 and rank numerals ("第一",
/// "第二、三"; the last of a list counts).
static STATED_RANK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{})|第[一二三四五六七八九十](?:(?:、|和|与|及|至|到)?第?[一二三四五六七八九十]){{0,9}}",
        layout::alternation(layout::words("rank_top_word"))
    ))
    .expect("valid stated-rank regex")
});

/// Bidders ranked by score in running text with no rank numeral of their own: the top scorer
/// ([`TOP_SCORED`]) first, and names said to follow ([`FOLLOWING_RANKS`]) after the last rank
/// stated before them in their sentence (none stated: no rank). Only in sentences about the bids.
fn score_ranked(lines: &[&str]) -> Vec<(usize, String)> {
    static WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::new(
            layout::words("rank_top_word")
                .iter()
                .chain(layout::words("rank_follow_word")),
        )
        .expect("rank words build an automaton")
    });
    let mut found: Vec<(usize, String)> = Vec::new();
    for line in lines
        .iter()
        .filter(|l| l.len() <= MAX_LINE_BYTES && WORDS.is_match(**l))
    {
        for c in TOP_SCORED.captures_iter(line) {
            if c.get(0)
                .is_some_and(|m| bid_sentence(line, m.start(), m.end()))
            {
                let mut names = Vec::new();
                listed_orgs(without_lead(&c[1]), &mut names);
                found.extend(names.into_iter().take(1).map(|n| (1, n)));
            }
        }
        for c in FOLLOWING_RANKS.captures_iter(line) {
            let (Some(m), Some(list)) = (c.get(0), c.get(1)) else {
                continue;
            };
            if !bid_sentence(line, m.start(), m.end()) {
                continue;
            }
            // The last rank stated earlier in the same sentence.
            let before = &line[..list.start()];
            let from = before.floor_char_boundary(before.len().saturating_sub(MAX_SENTENCE_BYTES));
            let sentence = before[from..]
                .rfind(['。', '！', '？', '!', '?'])
                .map_or(&before[from..], |i| &before[from + i..]);
            let Some(prior) = STATED_RANK
                .find_iter(sentence)
                .last()
                .map(|r| rank_list(r.as_str()).into_iter().max().unwrap_or(1))
            else {
                continue;
            };
            let mut names = Vec::new();
            for part in list.as_str().split('、') {
                listed_orgs(without_lead(part), &mut names);
            }
            found.extend(
                names
                    .into_iter()
                    .enumerate()
                    .map(|(i, n)| (prior + 1 + i, n)),
            );
        }
        if found.len() >= 50 {
            break;
        }
    }
    found
}

/// A name with its rank in a bracket after it: "超山智算（第二中标候选人，报价2.61亿元）",
/// "A公司（第一名）". Group 1 is what runs up to the bracket (a lead may open it), group 2 the
/// rank.
static PROSE_NOTED_RANK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"([\p{{Han}}A-Za-z0-9]{{2,40}})[（(]\s*(?:为|系)?第([一二三四五六七八九十])(?:{})",
        layout::alternation(layout::words("rank_note_party"))
    ))
    .expect("valid noted-rank regex")
});

/// Words that end a lead-in before a name (`rank_note_lead`: "三家依次为", "、", "和").
static RANK_NOTE_LEADS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("rank_note_lead"));

/// The organisation `run` ends with, after a lead word of it or whole, shortest first: the short
/// name the page introduced for one ("X有限公司（下称“超山智算”）") resolved to it, or a registered
/// name of 8 characters or more (so "华为技术有限公司" is not cut at its 为), else `run` itself.
fn noted_org(run: &str, lines: &[&str]) -> Option<String> {
    let mut starts: Vec<usize> = RANK_NOTE_LEADS
        .iter()
        .flat_map(|w| run.match_indices(w).map(|(i, m)| i + m.len()))
        .collect();
    starts.sort_unstable_by(|a, b| b.cmp(a));
    starts.dedup();
    starts
        .into_iter()
        .find_map(|i| {
            let name = &run[i..];
            if org_like(name) {
                (name.chars().count() >= 8).then(|| name.to_string())
            } else if name.chars().count() >= 2 {
                aliased_name(name, lines)
            } else {
                None
            }
        })
        .or_else(|| {
            let name = without_lead(run);
            if org_like(name) {
                Some(name.to_string())
            } else {
                aliased_name(name, lines)
            }
        })
}

/// A rank clause with no name of its own, right after a comma: "，排名第一", "，为第二中标候选人".
/// Group 1 is the rank.
static SUBJECTLESS_RANK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"[，,]\s*(?:(?:综合)?(?:排名|排序|位列|位居|名列)|(?:{}))第([一二三四五六七八九十])(?:名|位)?",
        layout::alternation(layout::words("rank_is_verb"))
    ))
    .expect("valid subjectless-rank regex")
});

/// An organisation opening a clause (greedy over a group's legal form: "X集团有限公司").
static CLAUSE_ORG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{Han}A-Za-z0-9（）()]{2,40}?(?:有限责任公司|股份有限公司|有限公司|集团(?:股份有限公司|有限责任公司|有限公司)?)")
        .expect("valid clause-org regex")
});

/// Words right after a clause's organisation making it the buyer or publisher (`rank_subject_stop`).
static RANK_SUBJECT_STOPS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("rank_subject_stop"));

/// The subject of the clause that ends `before` (at a comma, within its sentence): the
/// organisation opening it, when the clause is about that organisation's bid ([`RANK_CONTEXT`]:
/// "…以1968万元的报价综合得分最高"), not its purchase ("X采购…") nor a thing of its ("X的产品…").
fn clause_subject(before: &str) -> Option<String> {
    let from = before.ceil_char_boundary(before.len().saturating_sub(MAX_CLAUSE_CHARS * 4));
    let tail = &before[from..];
    let clause = tail
        .rfind(['，', ',', '；', ';', '。', '！', '？', '：', ':'])
        .map_or(tail, |i| {
            let sep = tail[i..].chars().next().map_or(1, char::len_utf8);
            &tail[i + sep..]
        })
        .trim_start();
    let m = CLAUSE_ORG.find(clause)?;
    let name = without_lead(m.as_str());
    let after = &clause[m.end()..];
    (bidder_subject(after) && RANK_CONTEXT.is_match(after) && org_like(name))
        .then(|| name.to_string())
}

/// What follows an organisation's name (`after`) leaves it the subject of its own bid: not "X的…"
/// (a thing of its) nor "X采购…", "X近日发布…" (`rank_subject_stop`: the buyer or publisher).
fn bidder_subject(after: &str) -> bool {
    let after = ["近日", "日前", "今日", "已", "于"]
        .iter()
        .fold(after, |a, w| a.strip_prefix(w).unwrap_or(a));
    !after.starts_with('的') && !RANK_SUBJECT_STOPS.iter().any(|w| after.starts_with(w))
}

/// Words that give several ranks together (`rank_list_verb`: "分列", "依次为").
static RANK_LIST_VERBS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("rank_list_verb"));

/// `rest` goes on with more ranks after one ("、第三", "和三", "至第五").
fn starts_rank_list(rest: &str) -> bool {
    let Some(more) = ['、', '和', '与', '及', '至', '到']
        .iter()
        .find_map(|j| rest.strip_prefix(*j))
    else {
        return false;
    };
    more.trim_start_matches('第')
        .starts_with(|c| RANKS.contains(c))
}

/// Rank numerals, 一 = 1 … 十 = 10 (0 for none).
const RANKS: &str = "一二三四五六七八九十";

/// The rank a numeral at the start of `r` gives (1 for 一; 0 when none).
fn rank_of(r: &str) -> usize {
    RANKS
        .chars()
        .position(|c| r.starts_with(c))
        .map_or(0, |i| i + 1)
}

/// The ranks of a list: "第二、第三" → [2, 3], "一、二、三" → [1, 2, 3], "第一至第三" → [1, 2, 3].
fn rank_list(s: &str) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let mut range = false;
    for c in s.chars() {
        if c == '至' || c == '到' {
            range = true;
            continue;
        }
        let Some(r) = RANKS.chars().position(|d| d == c).map(|i| i + 1) else {
            continue;
        };
        match out.last() {
            Some(&from) if range && from < r => out.extend(from + 1..=r),
            _ => out.push(r),
        }
        range = false;
    }
    out
}

/// Words of a sentence about the bids of a purchase (`rank_context`): a rank there is a bidder's.
static RANK_CONTEXT: LazyLock<AhoCorasick> = LazyLock::new(|| layout::searcher("rank_context"));

/// The sentence around `line[start..end]` is about this purchase's bids: it holds a
/// [`RANK_CONTEXT`] word and does not speak of an earlier time. Bounded look either side.
fn bid_sentence(line: &str, start: usize, end: usize) -> bool {
    let from = line.floor_char_boundary(start.saturating_sub(MAX_SENTENCE_BYTES));
    let to = line.ceil_char_boundary((end + MAX_SENTENCE_BYTES).min(line.len()));
    let ends = ['。', '！', '？', '!', '?'];
    let s = line[from..start].rfind(ends).map_or(from, |i| from + i);
    let e = line[end..to].find(ends).map_or(to, |i| end + i);
    RANK_CONTEXT.is_match(&line[s..e]) && !in_the_past(&line[..start])
}

/// A name captured with the verb before it ("最终确定X", "由X") without that verb.
fn without_lead(name: &str) -> &str {
    WINNER_LEADS
        .iter()
        .filter_map(|w| name.rfind(w).map(|i| i + w.len()))
        .max()
        .map_or(name, |i| &name[i..])
}

/// Winners named in sentences ("中标人为X"), in page order (bounded to 50 names).
pub fn winners(lines: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for line in lines.iter().filter(|l| l.len() <= MAX_LINE_BYTES) {
        if !(line.contains("中标") || line.contains("成交")) {
            continue;
        }
        for c in PROSE_WINNERS.captures_iter(line) {
            listed_orgs(&c[1], &mut out);
        }
        for c in PROSE_JOINT_WINNERS.captures_iter(line) {
            if c.get(2).is_none() {
                // The members' role notes are no part of their names.
                listed_orgs(without_lead(&MEMBER_NOTE.replace_all(&c[1], "")), &mut out);
            }
        }
        if line.contains("通知书") {
            for c in LETTER_RECEIVER.captures_iter(line) {
                listed_orgs(without_lead(&c[1]), &mut out);
            }
        }
        for c in PROSE_WINNER_LIST.captures_iter(line) {
            for name in c[1].split('、') {
                listed_orgs(without_lead(name), &mut out);
            }
        }
        for c in PROSE_WINNER_FIRST.captures_iter(line) {
            if c.get(2).is_none() {
                // The name class takes in the verb before it ("最终确定X", "由X") and members'
                // role notes ("A（牵头方）与B以…中标").
                listed_orgs(without_lead(&MEMBER_NOTE.replace_all(&c[1], "")), &mut out);
            }
        }
        if out.len() >= 50 {
            break;
        }
    }
    out.truncate(50);
    out
}

/// The purchaser a news article names as where the purchase comes from ("这项采购来自X（下称“Y”）",
/// "该订单来自X。"): the words of a purchase (`purchase_source_word`) before 来自, then a name
/// ending a clause. Not "采购来自X的服务器" (a product's maker).
static PURCHASE_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{})来自([\p{{Han}}A-Za-z0-9（）()]{{2,40}}?(?:{}))(?:[（(，,。；;]|$)",
        layout::alternation(layout::words("purchase_source_word")),
        *ORG_END
    ))
    .expect("valid purchase-source regex")
});

/// The first purchaser named by [`PURCHASE_SOURCE`] in `lines`.
pub fn purchase_source(lines: &[&str]) -> Option<String> {
    lines
        .iter()
        .filter(|l| l.len() <= MAX_LINE_BYTES && l.contains("来自"))
        .flat_map(|l| PURCHASE_SOURCE.captures_iter(l))
        .map(|c| c[1].to_string())
        .find(|n| org_like(n) && !is_category(n))
}

/// The buyer of a news article: the first organisation that publishes or starts a purchase.
pub fn news_buyer(lines: &[&str]) -> Option<String> {
    lines
        .iter()
        .filter(|l| l.len() <= MAX_LINE_BYTES)
        .flat_map(|l| NEWS_BUYER.captures_iter(l))
        .filter_map(|c| buyer_name(&c[1]))
        .next()
}

/// Legal forms that a short name ("中国银行上海市分行", "交通银行") leaves out, longest first.
static LEGAL_FORMS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("legal_form"));

/// A word every legal form holds ("有限"), when they share it: a SIMD substring search for it
/// skips most lines more cheaply than the automaton (which runs only on lines holding it).
static FORM_CORE: LazyLock<Option<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
    LEGAL_FORMS
        .iter()
        .all(|f| f.contains("有限"))
        .then(|| memchr::memmem::Finder::new("有限"))
});

/// The full registered name of `short` when the page gives it: the same name with a legal form
/// inserted ("中国银行股份有限公司上海市分行" for "中国银行上海市分行") or appended ("交通银行股份有限公司"
/// for "交通银行", not followed by more of a name such as a branch). Linear in the lines' length.
pub fn full_name(short: &str, lines: &[&str]) -> Option<String> {
    if short.chars().count() < 2 || LEGAL_FORMS.iter().any(|f| short.contains(f)) {
        return None;
    }
    // Split points of `short` that leave at least two characters before the legal form.
    let splits: Vec<usize> = short
        .char_indices()
        .map(|(i, _)| i)
        .skip(2)
        .chain(std::iter::once(short.len()))
        .collect();
    // Most lines name no company: one automaton pass skips them before the per-form searches.
    static ANY_FORM: LazyLock<AhoCorasick> =
        LazyLock::new(|| AhoCorasick::new(*LEGAL_FORMS).expect("legal forms build an automaton"));
    for line in lines.iter().filter(|l| {
        l.len() <= MAX_LINE_BYTES
            && FORM_CORE
                .as_ref()
                .is_none_or(|f| f.find(l.as_bytes()).is_some())
            && ANY_FORM.is_match(**l)
    }) {
        for form in *LEGAL_FORMS {
            for (pos, _) in line.match_indices(form) {
                let (before, after) = (&line[..pos], &line[pos + form.len()..]);
                for &k in &splits {
                    let (head, tail) = short.split_at(k);
                    let Some(start) = before.strip_suffix(head) else {
                        continue;
                    };
                    if !after.starts_with(tail)
                        // The full name starts where the short one does, not inside a longer word.
                        || start.chars().next_back().is_some_and(is_han)
                        // "交通银行股份有限公司上海分行" is a branch, not the bank itself.
                        || (tail.is_empty() && after.chars().next().is_some_and(is_han))
                    {
                        continue;
                    }
                    return Some(format!("{head}{form}{tail}"));
                }
            }
        }
    }
    None
}

fn is_han(c: char) -> bool {
    super::labels::is_han(c)
}

/// Words ending a branch's short name ("北京市分公司", "海淀支行"): a unit of some larger body.
static BRANCH_ENDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("branch_end"));
/// Endings of the parent body a branch name follows in a registered name ("…有限公司北京市分公司",
/// "…集团福建分公司", "中国农业银行北京市分行").
static PARENT_ENDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("parent_end"));
/// Role words that a name written as a clause carries before it ("招标人为X", "由X").
static ROLE_LEADS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("role_lead"));

/// The registered name a branch's short name ("北京市分公司") stands for when the page gives it:
/// the short name right after its parent body's name ("中国邮政集团有限公司北京市分公司"). Of the
/// names found the shortest parent wins (a clause "招标人为X…" carries role words before it).
/// One substring search of `short` per line.
pub fn branch_full_name(short: &str, lines: &[&str]) -> Option<String> {
    // The short name without its branch word names no parent ("北京市", not "中国银行北京市").
    let stem = BRANCH_ENDS.iter().find_map(|e| short.strip_suffix(e))?;
    if stem.chars().count() < 2 || PARENT_ENDS.iter().any(|p| stem.contains(p)) {
        return None;
    }
    let finder = memchr::memmem::Finder::new(short.as_bytes());
    let mut best: Option<&str> = None;
    for line in lines.iter().filter(|l| l.len() <= MAX_LINE_BYTES) {
        for at in finder.find_iter(line.as_bytes()) {
            let before = &line[..at];
            if !PARENT_ENDS.iter().any(|p| before.ends_with(p)) {
                continue;
            }
            // The parent's name: the name characters right before the short one.
            // Bounded, so a line repeating the short name costs linear time.
            let start = before
                .char_indices()
                .rev()
                .take(MAX_CLAUSE_CHARS)
                .take_while(|(_, c)| {
                    is_han(*c) || c.is_ascii_alphanumeric() || "（）()".contains(*c)
                })
                .last()
                .map_or(at, |(i, _)| i);
            let mut parent = &before[start..];
            if let Some(i) = ROLE_LEADS
                .iter()
                .filter_map(|w| parent.rfind(w).map(|i| i + w.len()))
                .max()
            {
                parent = &parent[i..];
            }
            // A parent opening with a digit is a clause's tail ("2026年…"), not a name.
            if parent.chars().count() < 4
                || parent.starts_with(|c: char| c.is_ascii_digit() || "（）()".contains(c))
            {
                continue;
            }
            if best.is_none_or(|b| parent.len() < b.len()) {
                best = Some(parent);
            }
        }
    }
    best.map(|p| format!("{p}{short}"))
}

/// A captured buyer without the dateline before it, if it is long enough to be a name.
fn buyer_name(raw: &str) -> Option<String> {
    let n = NEWS_LEAD.replace(raw, "");
    let n = without_byline(n.trim()).trim();
    // A description before the name ends at its 的 ("培养师范生的长江师范学院决定建设…"); after an
    // organisation it names a part of that one ("甲大学的附属医院"), kept whole.
    let n = n
        .rsplit_once('的')
        .filter(|(before, name)| {
            name.chars().count() >= 4 && !ORG_ENDS.iter().any(|e| before.ends_with(e))
        })
        .map_or(n, |(_, name)| name)
        .to_string();
    ((n.chars().count() >= 4 || n.ends_with("联通") || n.ends_with("移动")) && !is_category(&n))
        .then_some(n)
}

/// Names of a kind of organisation (`org_category`: 股份制银行, 三甲医院, 央企 …).
static ORG_CATEGORIES: LazyLock<&[&str]> = LazyLock::new(|| layout::words("org_category"));
/// Words of number or extent before a category (`org_category_lead`: 多家, 部分 …).
static CATEGORY_LEADS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("org_category_lead"));

/// `name` is a kind of organisation ("股份制银行", "多家城商行"), not one organisation's name: a
/// category, perhaps after words of number or extent. A named one ("长沙农商行") is a name.
pub fn is_category(name: &str) -> bool {
    ORG_CATEGORIES.iter().any(|c| {
        let Some(mut head) = name.strip_suffix(c) else {
            return false;
        };
        // A few number words at most ("国内多家"), each a whole lead word.
        for _ in 0..3 {
            match CATEGORY_LEADS.iter().find(|l| head.ends_with(*l)) {
                Some(l) => head = &head[..head.len() - l.len()],
                None => break,
            }
        }
        head.is_empty()
    })
}

/// The lead of a news article (`lines` without page furniture): the first sentence-length line
/// opening with a dateline or byline, else the first line that is a sentence.
pub fn news_lead<'a>(lines: &[&'a str]) -> Option<&'a str> {
    news_lead_at(lines).map(|i| lines[i])
}

/// A line long enough to be a sentence of running text.
fn is_sentence_line(l: &str) -> bool {
    l.len() <= MAX_LINE_BYTES && l.contains('。') && l.chars().count() >= 20
}

/// Index of [`news_lead`] in `lines`.
fn news_lead_at(lines: &[&str]) -> Option<usize> {
    let head = &lines[..lines.len().min(60)];
    head.iter()
        .position(|l| {
            is_sentence_line(l) && {
                let head: String = l.chars().take(40).collect();
                LEAD_MARKERS.iter().any(|m| head.contains(m))
            }
        })
        .or_else(|| head.iter().position(|l| is_sentence_line(l)))
}

/// Words that show a text is about a purchase (`lead_purchase_word`: 采购, 招标, 项目 …).
static LEAD_PURCHASE_WORDS: LazyLock<AhoCorasick> =
    LazyLock::new(|| layout::searcher("lead_purchase_word"));

/// How many lines after a scene-setting lead are looked at for the one about the purchase.
const SCENE_LINES: usize = 3;

/// The leads to read the buyer from, likelier first. A lead that names no purchase only sets the
/// scene ("东北网11月10日讯 黑龙江粮食总产量…", figures of the region): the next sentence-length line
/// that names one ("…记者从X获悉，该院…项目已完成评标") comes before it. A lead that names a purchase
/// word in figures of the trade ("全国…项目招标总额已超过200亿元") may still name no buyer: that
/// line comes after it.
fn news_leads<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let Some(at) = news_lead_at(lines) else {
        return Vec::new();
    };
    let lead = lines[at];
    let names_purchase = |l: &str| LEAD_PURCHASE_WORDS.is_match(l);
    let purchase = lines[at + 1..]
        .iter()
        .take(SCENE_LINES)
        .find(|l| is_sentence_line(l) && names_purchase(l))
        .copied();
    if names_purchase(lead) {
        [lead].into_iter().chain(purchase).collect()
    } else {
        purchase.into_iter().chain([lead]).collect()
    }
}

/// The buyer named as the subject of a news article's lead sentence, which beats any other
/// organisation on the page.
pub fn lead_buyer(lines: &[&str]) -> Option<String> {
    news_leads(lines)
        .into_iter()
        .find_map(|lead| lead_buyer_in(lead, lines))
}

/// [`lead_buyer`] of one lead.
fn lead_buyer_in(lead: &str, lines: &[&str]) -> Option<String> {
    // The first sentence of the lead only: later sentences name others.
    let first = lead.split('。').next().unwrap_or(lead);
    NEWS_BUYER
        .captures_iter(first)
        .chain(LEAD_BUYER.captures_iter(first))
        .filter_map(|c| buyer_name(&c[1]))
        .next()
        .or_else(|| lead_alias_org(first, lines, false))
        // A lead that opens with a hook ("浙江高速公路的“AI大脑”有了建设单位。") introduces its
        // subject in a later sentence: there the alias marks the buyer only when the sentence
        // goes on to the purchase ("X（以下简称“Y”）…项目公布中标结果").
        .or_else(|| {
            lead.split('。')
                .skip(1)
                .take(2)
                .find_map(|s| lead_alias_org(s, lines, true))
        })
}

/// Endings of an organisation that opens the purchase's name in a lead (`lead_project_org_end`).
static PROJECT_ORG_ENDS: LazyLock<&[&str]> =
    LazyLock::new(|| layout::words("lead_project_org_end"));
/// Words before 项目 that make the opening organisation someone other than the buyer
/// (`lead_project_stop`: "X中标Y项目", "X承建的Y项目", a byline's "记者").
static PROJECT_STOPS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("lead_project_stop"));

/// The organisation that opens a clause of the lead's first sentence with the purchase's name
/// right after it ("华中农业大学作物…平台建设项目日前完成评标", "郑州大学第一附属医院2026年…项目近日
/// 公示"): the purchase is its own. A last resort when no other form names the buyer; a clause
/// where the organisation wins, builds or supplies the project ([`PROJECT_STOPS`]), or that opens
/// with a place or a source ("从X获悉"), names none.
pub fn lead_project_buyer(lines: &[&str]) -> Option<String> {
    news_leads(lines)
        .into_iter()
        .find_map(lead_project_buyer_in)
}

/// [`lead_project_buyer`] of one lead.
fn lead_project_buyer_in(lead: &str) -> Option<String> {
    let mut sentences = lead.split('。');
    let first = sentences.next().unwrap_or(lead);
    let in_sentence = |s: &str| {
        s.split(['，', ',', '；', ';', '：', ':'])
            .take(6)
            .find_map(project_org)
    };
    in_sentence(first)
        .or_else(|| source_anaphor_org(first))
        .or_else(|| {
            // A hook opening the lead ("高校智算中心建设热度不减。") leaves the purchase to the next
            // sentence; a first sentence with a date, an amount or an organisation of its own is the
            // news itself, and a later sentence may be about anyone.
            // There too the purchase's subject may refer back to the source ("一项…采购如今有了
            // 结果。记者从X获悉，该院…项目已完成评标").
            hook(first)
                .then(|| sentences.next())
                .flatten()
                .and_then(|s| in_sentence(s).or_else(|| source_anaphor_org(s)))
        })
}

/// A lead's first sentence that only sets the scene: no digit (no date or amount), no subject
/// the lead-buyer forms take, and no organisation of the kind that buys opening it
/// ([`PROJECT_ORG_ENDS`]; "高校智算中心…" is none). A one-character ending (局) is too weak a
/// sign there: it ends common words too ("算力布局再添一笔").
fn hook(sentence: &str) -> bool {
    let sentence = NEWS_LEAD.replace(sentence, "");
    // Run only on a short sentence: the patterns then cover a bounded stretch.
    let subject = || {
        NEWS_BUYER
            .captures_iter(&sentence)
            .chain(LEAD_BUYER.captures_iter(&sentence))
            .any(|c| buyer_name(&c[1]).is_some())
    };
    !sentence
        .chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
        && sentence.chars().count() <= MAX_CLAUSE_CHARS
        && !subject()
        && !LEGAL_FORMS.iter().any(|f| sentence.contains(f))
        && title_buyer(&sentence).is_none_or(|n| {
            is_category(&n)
                || !PROJECT_ORG_ENDS
                    .iter()
                    .any(|e| e.chars().count() >= 2 && n.ends_with(e))
        })
}

/// Words that refer back to an organisation just named (`lead_anaphor`: 该校, 该院 …).
static ANAPHORS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("lead_anaphor"));

/// The source of a lead sentence when the purchase's subject refers back to it ("记者从X大学获悉，
/// 该校…项目日前完成定标"): X is the buyer. Only an organisation of the kind that buys
/// ([`PROJECT_ORG_ENDS`]), and only when the referring clause names the purchase (…项目).
fn source_anaphor_org(sentence: &str) -> Option<String> {
    if sentence.chars().count() > MAX_CLAUSE_CHARS * 3 {
        return None;
    }
    SOURCE_ENDS.iter().find_map(|w| {
        let at = sentence.find(w)?;
        let rest = sentence[at + w.len()..].trim_start_matches(['，', ',', ' ']);
        let clause = rest.split(['，', ',', '；', ';']).next().unwrap_or(rest);
        if !(ANAPHORS.iter().any(|a| clause.starts_with(a)) && clause.contains("项目")) {
            return None;
        }
        let before = &sentence[..at];
        let source = SOURCE_LEADS
            .iter()
            .filter_map(|l| before.rfind(l).map(|i| i + l.len()))
            .max()
            .map(|i| before[i..].trim())?;
        (org_like(source)
            && !is_category(source)
            && PROJECT_ORG_ENDS.iter().any(|e| source.ends_with(e)))
        .then(|| source.to_string())
    })
}

/// Words closing a source ("记者从X获悉", `lead_source_end`): the clause's subject follows them.
static SOURCE_ENDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("lead_source_end"));

/// The organisation opening `clause` before the purchase's name ("X…项目"), if it is one.
fn project_org(clause: &str) -> Option<String> {
    let head = &clause[..clause.find("项目")?];
    // The dateline and byline before the subject are no part of it ("科技日报讯（记者…）",
    // "新华社长沙3月5日电（记者…）"). A marker inside a name ("…通讯有限公司") has a name after it.
    let head = LEAD_MARKERS
        .iter()
        .filter_map(|m| head.rfind(m).map(|i| i + m.len()))
        .filter(|&i| !head[i..].starts_with(is_han))
        .max()
        .map_or(head, |i| &head[i..]);
    let head = NEWS_LEAD.replace(head, "");
    let head = without_byline(head.trim()).trim();
    // "记者从X获悉Y大学…项目": the source ends before the subject.
    let head = SOURCE_ENDS
        .iter()
        .filter_map(|w| head.rfind(w).map(|i| i + w.len()))
        .max()
        .map_or(head, |i| head[i..].trim_start());
    if head.chars().count() > MAX_CLAUSE_CHARS || PROJECT_STOPS.iter().any(|w| head.contains(w)) {
        return None;
    }
    let name = title_buyer(head)?;
    let opens_with_lead = SOURCE_LEADS
        .iter()
        .chain(WINNER_LEADS.iter())
        .any(|w| name.starts_with(w));
    (org_like(&name)
        && !opens_with_lead
        && !is_category(&name)
        && PROJECT_ORG_ENDS.iter().any(|e| name.ends_with(e))
        // The purchase's name follows: the organisation is not the whole head.
        && name.len() < head.len())
    .then_some(name)
}

/// Words after an alias-introduced organisation that make its sentence about its own purchase
/// ("…项目公布中标结果", "…启动公开招标", "…采购").
static ALIAS_PURCHASE_WORDS: LazyLock<&[&str]> =
    LazyLock::new(|| layout::words("alias_purchase_word"));

/// Words that lead a source into the lead sentence ("记者从X获悉", "向X了解到"): no part of a name.
static SOURCE_LEADS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("source_lead"));

/// The organisation the lead sentence introduces with a short name ("X（下称“甘肃移动”）前一日公布…",
/// "记者从X（下称“内蒙古电信”）获悉"): a press alias marks the article's subject whatever verb
/// follows. A name the page gives as a winner is the supplier's, not the buyer's.
/// With `purchase`, the rest of the sentence after the alias must name the purchase
/// ([`ALIAS_PURCHASE_WORDS`]).
fn lead_alias_org(first: &str, lines: &[&str], purchase: bool) -> Option<String> {
    if !(first.contains("简称") || first.contains("下称")) {
        return None;
    }
    let name = NAME_ALIAS
        .captures_iter(first)
        .filter(|c| {
            !purchase
                || c.get(0).is_some_and(|m| {
                    let rest = &first[m.end()..];
                    ALIAS_PURCHASE_WORDS.iter().any(|w| rest.contains(w))
                })
        })
        .map(|c| {
            let raw = NEWS_LEAD.replace(after_role_tag(&c[1]), "");
            let name = without_byline(raw.trim()).trim();
            // A source ("记者从X") or a role's lead-in ("该项目由X（以下简称…）招标") is no part of it.
            let name = SOURCE_LEADS
                .iter()
                .chain(ROLE_LEADS.iter())
                .find_map(|w| name.rsplit_once(w).map(|(_, r)| r).filter(|r| org_like(r)))
                .unwrap_or(name);
            name.to_string()
        })
        .find(|n| org_like(n))?;
    (!winners(lines).contains(&name)).then_some(name)
}

/// Words that put a sentence in an earlier year or purchase ("去年，…同类项目的采购规模约为1.9亿元"):
/// an amount there is not this purchase's.
static PAST_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("past_word"));
/// Words that bring the amount's own clause back to this purchase ("与去年相比，本次预算为…").
static PRESENT_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("present_word"));

/// Longest stretch looked back over for a clause (a parent company's name and its lead-in).
const MAX_CLAUSE_CHARS: usize = 80;
/// Longest stretch looked back over for the sentence an amount is in.
const MAX_SENTENCE_BYTES: usize = 600;

/// The sentence that ends at this text speaks of an earlier time, and the amount's own clause
/// does not turn back to this purchase.
fn in_the_past(before: &str) -> bool {
    // Only the last few hundred bytes: a line of many amounts costs linear time.
    let before =
        &before[before.ceil_char_boundary(before.len().saturating_sub(MAX_SENTENCE_BYTES))..];
    let sentence = before
        .rfind(['。', '；', ';', '！', '？'])
        .map_or(before, |i| &before[i..]);
    let clause = sentence
        .rfind(['，', ','])
        .map_or(sentence, |i| &sentence[i..]);
    PAST_WORDS.iter().any(|w| sentence.contains(w))
        && !PRESENT_WORDS.iter().any(|w| clause.contains(w))
}

/// An award amount stated before the words that make it the award: "最后报价为…即1,968,000.00元，
/// 作为本项目成交金额", "236.5万元确定为中标价" (`award_as_verb`, then `award_as_noun`). Group 1 is
/// the amount.
static AMOUNT_AS_AWARD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"([0-9][0-9,]*(?:\.[0-9]+)?\s*(?:万元|元))\s*[，,]?\s*(?:{})(?:本项目|该项目|本次|本包|本标段)?(?:的)?(?:{})",
        layout::alternation(layout::words("award_as_verb")),
        layout::alternation(layout::words("award_as_noun"))
    ))
    .expect("valid amount-as-award regex")
});

/// The award of a notice stated in running text before its role ("…即1,968,000.00元，作为本项目
/// 成交金额"): the first such amount, on lines about the result only.
pub fn amount_as_award(lines: &[&str]) -> Option<Money> {
    lines
        .iter()
        .filter(|l| l.len() <= MAX_LINE_BYTES && (l.contains("成交") || l.contains("中标")))
        .find_map(|l| {
            AMOUNT_AS_AWARD
                .captures(l)
                .and_then(|c| parse_money(c.get(1)?.as_str(), None))
        })
}

/// Budget and award of a news article, from amounts tied to the purchase (not bids).
pub fn news_amounts(lines: &[&str]) -> (Option<Money>, Option<Money>) {
    let find = |re: &Regex| {
        lines
            .iter()
            .filter(|l| l.len() <= MAX_LINE_BYTES)
            .flat_map(|l| re.captures_iter(l).map(move |c| (*l, c)))
            .filter(|(l, c)| c.get(0).is_some_and(|m| !in_the_past(&l[..m.start()])))
            .find_map(|(_, c)| parse_money(c.get(1).or_else(|| c.get(2))?.as_str(), None))
    };
    (
        find(&NEWS_BUDGET).or_else(|| find(&NEWS_BUDGET_COMPARED)),
        news_award(lines),
    )
}

/// Words that make an award amount a stated total ("合计中标金额…", "中标金额共计…").
static AWARD_TOTAL_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("award_total_word"));

/// The award of a news article: the first award amount not in the past, or a stated total
/// after it on the same line ("第一标段由A以4386万元中标，…两个标段合计中标金额7298万元"), the
/// lots it adds up. A running total elsewhere ("全省今年累计采购…") is on no lot's line.
fn news_award(lines: &[&str]) -> Option<Money> {
    lines
        .iter()
        .filter(|l| l.len() <= MAX_LINE_BYTES)
        .find_map(|l| {
            let mut first: Option<Money> = None;
            for c in NEWS_AWARD.captures_iter(l) {
                let Some(m) = c.get(0) else { continue };
                if in_the_past(&l[..m.start()]) {
                    continue;
                }
                let Some(money) = c
                    .get(1)
                    .or_else(|| c.get(2))
                    .and_then(|g| parse_money(g.as_str(), None))
                else {
                    continue;
                };
                match &first {
                    None => {
                        // Only a line with a total word can state a total after the lot.
                        if !AWARD_TOTAL_WORDS.iter().any(|w| l.contains(w)) {
                            return Some(money);
                        }
                        first = Some(money);
                    }
                    Some(lot) => {
                        let before = l[..m.start()].trim_end_matches('的');
                        let total = AWARD_TOTAL_WORDS
                            .iter()
                            .any(|w| before.ends_with(w) || m.as_str().contains(w));
                        if total && money.currency == lot.currency && money.amount > lot.amount {
                            return Some(money);
                        }
                    }
                }
            }
            first
        })
}

/// Words that raise a budget by an amount ("追加预算资金35万元", "增加36万元"; `budget_delta_up`).
static DELTA_UP: LazyLock<&[&str]> = LazyLock::new(|| layout::words("budget_delta_up"));
/// Words that lower a budget by an amount ("核减20万元"; `budget_delta_down`).
static DELTA_DOWN: LazyLock<&[&str]> = LazyLock::new(|| layout::words("budget_delta_down"));

/// An amount with its unit: a bare figure beside a change may be a count (增加4台).
const DELTA_AMOUNT: &str = r"(?:人民币)?\s*[¥￥]?\s*[0-9][0-9,]*(?:\.[0-9]+)?\s*(?:亿元|万元|元)";

/// A budget changed by a stated amount, with the total after it: the original after 原, the
/// change word and its amount, then "<change word>后…为" and the new total, within one sentence:
/// "原公告“预算金额：390.00万元”，现追加预算资金35.00万元，追加后本项目预算金额为425.00万元",
/// "在原公告432.00万元的基础上增加36.00万元，增加后预算金额为468.00万元".
static DELTA_CORRECTION: LazyLock<Regex> = LazyLock::new(|| {
    let delta = layout::alternation(
        &[*DELTA_UP, *DELTA_DOWN]
            .concat()
            .into_iter()
            .chain(layout::words("budget_delta_total").iter().copied())
            .collect::<Vec<_>>(),
    );
    let change = layout::alternation(&[*DELTA_UP, *DELTA_DOWN].concat());
    Regex::new(&format!(
        r"原[^。；;0-9]{{0,16}}?({DELTA_AMOUNT})[^。；;0-9]{{0,16}}?({change})[^。；;0-9]{{0,10}}?({DELTA_AMOUNT})[^。；;0-9]{{0,8}}?(?:{delta})后[^。；;0-9]{{0,16}}?({DELTA_AMOUNT})"
    ))
    .expect("valid delta-correction regex")
});

/// (original, new total) of a budget changed by an amount; the change alone is never the
/// budget. The sentence must name a budget and the figures must add up (original ± change =
/// total), so that a count or another sum beside it is not taken for the budget.
fn delta_correction(line: &str) -> Option<(Money, Money)> {
    static BUDGET_LABELS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("budget_word"));
    DELTA_CORRECTION.captures_iter(line).find_map(|c| {
        let whole = c.get(0)?.as_str();
        if !BUDGET_LABELS.iter().any(|w| whole.contains(w)) {
            return None;
        }
        let (from, delta, to) = (
            parse_money(&c[1], None)?,
            parse_money(&c[3], None)?,
            parse_money(&c[4], None)?,
        );
        let sign = if DELTA_UP.contains(&&c[2]) { 1.0 } else { -1.0 };
        let adds_up = from.currency == delta.currency
            && from.currency == to.currency
            && (from.amount + sign * delta.amount - to.amount).abs() < 1.0;
        (adds_up && from != to).then_some((from, to))
    })
}

/// Whether the words between an old amount and a new one change it by an amount ("现追加预算资金"):
/// the amount after them is the change, not the new budget. A change word followed by 后 or by
/// 为 / 至 / 到 / 成 names the total ("追加后…为", "从236万元调减为198万元").
/// Words after a number that make it a clause's number ("原第3条删除", "原第2款"; `clause_unit`).
static CLAUSE_UNITS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("clause_unit"));

/// The figure `m` of `line` numbers a clause rather than stating an amount: 第 stands before it
/// or a clause word (条, 款, 项 …) right after it ("原第3条删除" deletes a clause; 3 is no old
/// budget).
fn clause_number(line: &str, m: regex::Match<'_>) -> bool {
    let figure = m.as_str().trim_end();
    let after = line[m.start() + figure.len()..].trim_start();
    line[..m.start()].trim_end().ends_with('第')
        || (figure.ends_with(|c: char| c.is_ascii_digit())
            && CLAUSE_UNITS.iter().any(|w| after.starts_with(w)))
}

fn names_a_change(gap: &str) -> bool {
    DELTA_UP.iter().chain(DELTA_DOWN.iter()).any(|w| {
        gap.match_indices(w)
            .any(|(i, _)| !gap[i + w.len()..].starts_with(['后', '为', '至', '到', '成']))
    })
}

/// A budget label, then the old amount struck out (kept between the walk's markers) and the new
/// one after it: "预算金额：<del>456.00万元</del> <ins>418.00万元</ins>".
static STRUCK_CORRECTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{BUDGET_WORDS})([（(][^）)]{{0,12}}[）)])?[^。；;，,0-9〔]{{0,12}}?{open}\s*({CORRECTION_AMOUNT})\s*{close}\s*(?:[：:]|为)?\s*({CORRECTION_AMOUNT})",
        BUDGET_WORDS = *BUDGET_WORDS,
        open = regex::escape(super::html::STRUCK_OPEN),
        close = regex::escape(super::html::STRUCK_CLOSE),
    ))
    .expect("valid struck-correction regex")
});

/// (original, corrected) budget from lines with struck text ([`super::html::Walked::struck_text`]):
/// the struck amount after a budget label is the old value, the amount after it the new one.
pub fn struck_budget(lines: &[&str]) -> Option<(Money, Money)> {
    lines
        .iter()
        .filter(|l| l.len() <= MAX_LINE_BYTES && l.contains(super::html::STRUCK_OPEN))
        .flat_map(|l| STRUCK_CORRECTION.captures_iter(l))
        .find_map(|c| {
            // The unit in the label's note (预算金额（万元）) holds for bare figures.
            let unit = c.get(1).and_then(|m| Unit::in_notes(m.as_str()));
            let (from, to) = (parse_money(&c[2], unit)?, parse_money(&c[3], unit)?);
            (from != to).then_some((from, to))
        })
}

/// A budget voided or deleted, then restated: the old amount after a budget label (perhaps in
/// quotes), a voiding word (`void_word`, or a `quoted_removal` word), then the new amount either
/// "以…为准" or after a restating verb (`restate_verb`) with its own budget label:
/// "预算金额“380.00万元”作废，本项目预算金额以人民币（3,560,000.00元）为准",
/// "“预算金额：3,600,000.00元”一句删除，另行明确为：预算金额（同时作为最高限价）：3520000.00元".
static RESTATED_CORRECTION: LazyLock<Regex> = LazyLock::new(|| {
    let void = [layout::words("void_word"), layout::words("quoted_removal")].concat();
    Regex::new(&format!(
        r#"(?:{BUDGET_WORDS})(?:[（(][^）)]{{0,12}}[）)])?[^。；;0-9“”「」"]{{0,4}}?[“「"]?\s*({CORRECTION_AMOUNT})\s*[”」"]?[^。；;0-9]{{0,6}}?(?:{VOID})\s*[，,；;]?\s*(?:[^。；;0-9]{{0,24}}?以\s*(?:人民币)?\s*[（(]?\s*({CORRECTION_AMOUNT})\s*[）)]?\s*为准|(?:并|现|并且)?(?:{RESTATE})[：:]?\s*[“「"]?[^。；;0-9]{{0,4}}?(?:{BUDGET_WORDS})(?:[（(][^）)]{{0,12}}[）)])?\s*(?:[：:]|为)?\s*(?:人民币)?\s*[（(]?\s*({CORRECTION_AMOUNT}))"#,
        BUDGET_WORDS = *BUDGET_WORDS,
        VOID = layout::alternation(&void),
        RESTATE = layout::alternation(layout::words("restate_verb")),
    ))
    .expect("valid restated-correction regex")
});

/// (original, corrected) budget of a voided or deleted budget restated after it
/// ([`RESTATED_CORRECTION`]). A line ending in a colon ("…删除，另行明确为：") is read with the
/// line after it, where the restated item may stand on its own (an inline element of its own).
fn restated_correction(lines: &[&str]) -> Option<(Money, Money)> {
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.len() <= MAX_LINE_BYTES && (l.contains("预算") || l.contains("价")))
        .find_map(|(i, l)| {
            let joined = match lines.get(i + 1) {
                Some(next) if l.ends_with(['：', ':']) && next.len() <= MAX_LINE_BYTES => {
                    std::borrow::Cow::Owned(format!("{l}{next}"))
                }
                _ => std::borrow::Cow::Borrowed(*l),
            };
            let plain = plain_amounts(&joined);
            RESTATED_CORRECTION.captures_iter(&plain).find_map(|c| {
                let from = parse_money(c.get(1)?.as_str(), None)?;
                let to = parse_money(c.get(2).or_else(|| c.get(3))?.as_str(), None)?;
                (from != to).then_some((from, to))
            })
        })
}

/// A budget's clause deleted or voided by its number, then the new value after a changing verb,
/// perhaps under its label again: "最高限价原第5款删除，现修改为：最高限价180万元",
/// "采购预算原第二项作废，调整为：采购预算2,400,000.00元". No old amount is stated (the figure is
/// the clause's number, [`clause_number`]); the amount after the verb is the corrected one.
static CLAUSE_REPLACED: LazyLock<Regex> = LazyLock::new(|| {
    let void = [layout::words("void_word"), layout::words("quoted_removal")].concat();
    Regex::new(&format!(
        r#"(?:{BUDGET_WORDS})[^。；;0-9]{{0,8}}?第\s*[0-9一二三四五六七八九十]{{1,3}}\s*(?:{UNITS})[^。；;0-9]{{0,4}}?(?:{VOID})\s*[，,；;]?\s*(?:现|并|已)?(?:{CHANGED})后?(?:为|成)[：:]?\s*[“「"]?\s*(?:(?:{BUDGET_WORDS})(?:[（(][^）)]{{0,12}}[）)])?\s*(?:[：:]|为)?)?\s*(?:人民币)?\s*[（(]?\s*({CORRECTION_AMOUNT})"#,
        BUDGET_WORDS = *BUDGET_WORDS,
        UNITS = layout::alternation(layout::words("clause_unit")),
        VOID = layout::alternation(&void),
        CHANGED = layout::alternation(layout::words("changed_to_verb")),
    ))
    .expect("valid clause-replaced regex")
});

/// The corrected budget of a budget clause deleted by its number and restated after a changing
/// verb ([`CLAUSE_REPLACED`]); the old value is not stated.
pub fn clause_replaced_budget(lines: &[&str]) -> Option<Money> {
    lines
        .iter()
        .filter(|l| l.len() <= MAX_LINE_BYTES && l.contains('第'))
        .find_map(|l| {
            let plain = plain_amounts(l);
            CLAUSE_REPLACED
                .captures_iter(&plain)
                .find_map(|c| parse_money(c.get(1)?.as_str(), None))
        })
}

/// A correction written as one sentence: (original, corrected) budget.
pub fn corrected_budget(lines: &[&str]) -> Option<(Money, Money)> {
    // Only lines naming a budget word can hold a correction; their 大写 amounts made plain.
    let plain: Vec<std::borrow::Cow<'_, str>> = lines
        .iter()
        .filter(|l| l.len() <= MAX_LINE_BYTES && (l.contains("预算") || l.contains("价")))
        .map(|l| plain_amounts(l))
        .collect();
    let short = || plain.iter().map(|l| l.as_ref());
    short()
        // Every form names the old value with 原, 由, 从 or …前, or calls a quoted one wrong
        // (“…”有误，应为“…”); a bare 应 is in every 供应商 line, so it needs the quotes too.
        .filter(|l| {
            l.contains(['原', '由', '从', '前'])
                || (l.contains(['“', '「', '"']) && l.contains(['误', '错', '应']))
                // "“…”，此处内容调整，调整后内容为“…”": the lead names the quote before as old.
                || (l.contains('后') && QUOTED_HERE.is_match(l))
        })
        .find_map(|l| {
            let changed = |c: regex::Captures<'_>| {
                let (old, new) = (c.get(1)?, c.get(2)?);
                if names_a_change(&l[old.end()..new.start()]) || clause_number(l, old) {
                    return None;
                }
                let (from, to) = (
                    parse_money(old.as_str(), None)?,
                    parse_money(new.as_str(), None)?,
                );
                (from != to).then_some((from, to))
            };
            delta_correction(l)
                .or_else(|| quoted_wrong_value(l))
                .or_else(|| quoted_items_correction(l))
                .or_else(|| quoted_applied_correction(l))
                .or_else(|| PROSE_CORRECTION.captures_iter(l).find_map(changed))
                .or_else(|| PROSE_CORRECTION_QUOTED.captures_iter(l).find_map(changed))
                .or_else(|| {
                    PROSE_CORRECTION_AFTER.captures_iter(l).find_map(|c| {
                        if clause_number(l, c.get(2)?) {
                            return None;
                        }
                        let (from, to) = (parse_money(&c[2], None)?, parse_money(&c[1], None)?);
                        (from != to).then_some((from, to))
                    })
                })
        })
        .or_else(|| {
            // "预算金额：X 更改为 Y": the old value right after the label.
            short()
                .filter(|l| {
                    l.contains('为') || l.contains('至') || l.contains('成') || l.contains('→')
                })
                .find_map(|l| {
                    PROSE_CORRECTION_CHANGED_TO.captures_iter(l).find_map(|c| {
                        // The unit in the label's note (预算金额（万元）) holds for bare figures.
                        let unit = c.get(1).and_then(|m| Unit::in_notes(m.as_str()));
                        if clause_number(l, c.get(2)?) {
                            return None;
                        }
                        let (from, to) = (parse_money(&c[2], unit)?, parse_money(&c[3], unit)?);
                        (from != to).then_some((from, to))
                    })
                })
        })
        .or_else(|| {
            let (mut before, mut after) = (None, None);
            for c in short()
                .filter(|l| l.contains(['前', '后', '原', '现', '新']))
                .filter_map(|l| BEFORE_AFTER_LINE.captures(l))
            {
                let slot = if c[1].ends_with('前') || &c[1] == "原" {
                    &mut before
                } else {
                    &mut after
                };
                if slot.is_none() {
                    *slot = parse_money(&c[2], None);
                }
            }
            Some((before?, after?))
        })
        .or_else(|| item_correction(lines))
        .or_else(|| restated_correction(lines))
}

/// The organisation opening a title ("郑州大学第一附属医院人工智能…项目…公告" → 郑州大学第一附属医院),
/// for pages that name the buyer nowhere else.
pub fn title_buyer(title: &str) -> Option<String> {
    // Words that start the purchase itself: the organisation ends before them.
    static PURCHASE: LazyLock<&[&str]> = LazyLock::new(|| layout::words("purchase_start"));
    // Sub-units that may follow the first organisation word (大学 → 大学第一附属医院).
    static SUB_UNIT: LazyLock<&[&str]> = LazyLock::new(|| layout::words("sub_unit"));
    let stop = PURCHASE
        .iter()
        .filter_map(|w| title.find(w))
        .min()
        .unwrap_or(title.len());
    let head = &title[..stop];
    let ends = ORG_ENDS
        .iter()
        .copied()
        .filter_map(|w| head.match_indices(w).next().map(|(i, m)| (i + m.len(), w)));
    let mut end = ends.map(|(e, _)| e).min()?;
    // A short name inside a registered one ends at its legal form: 中国移动 of
    // 中国移动通信集团天津有限公司.
    if let Some(legal) = ["有限责任公司", "有限公司"]
        .iter()
        .filter_map(|f| head.find(f).map(|i| i + f.len()))
        .min()
        .filter(|&e| e > end && !head[end..e].contains(char::is_whitespace))
    {
        end = legal;
    }
    // Extend over sub-units, each within a short stretch of the last.
    loop {
        let rest = &head[end..];
        let next = SUB_UNIT
            .iter()
            .filter_map(|w| rest.find(w).map(|i| i + w.len()))
            .filter(|&e| rest[..e].chars().count() <= 12)
            .max();
        match next {
            Some(e) if e > 0 => end += e,
            _ => break,
        }
    }
    let name = head[..end].trim();
    (name.chars().count() >= 4).then(|| name.to_string())
}

/// The buyer stated under its role in running text, wherever the article introduces it:
/// "此次的招标方是X（以下简称…）", "采购人为X，", "作为项目招标人，X是…", "作为招标人的X表示".
/// The roles are the buyer roles of `role_tag` (those naming no agency). Group 1 is the stretch
/// of name characters after the role; [`title_buyer`] cuts the name from it.
static ROLE_STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    let roles: Vec<&str> = layout::words("role_tag")
        .iter()
        .copied()
        .filter(|r| !r.contains("代理") && !r.contains("机构"))
        .collect();
    let roles = layout::alternation(&roles);
    Regex::new(&format!(
        r"(?:作为[^，,。；;：:“”\x22]{{0,12}}?(?:{roles})(?:[，,]\s*|的)|(?:{roles})(?:就是|是|为)[：:]?\s*)([\p{{Han}}A-Za-z0-9（）()]{{4,40}})"
    ))
    .expect("valid role-statement regex")
});

/// The first buyer a sentence states under its role ([`ROLE_STATEMENT`]): a news article that
/// opens with someone else (the winner, a quote, a short name) names the buyer in full there.
/// Only a whole organisation name counts, not a kind of one ("一家省属国企").
pub fn role_statement_buyer(lines: &[&str]) -> Option<String> {
    lines
        .iter()
        .filter(|l| {
            l.len() <= MAX_LINE_BYTES
                && (l.contains('人') || l.contains('方') || l.contains("单位"))
        })
        .flat_map(|l| ROLE_STATEMENT.captures_iter(l))
        // "采购人是指…", "招标方是否…": 是 opens another word, no name follows.
        .filter(|c| !c[1].starts_with(['指', '否']))
        .filter_map(|c| title_buyer(&c[1]))
        .find(|n| org_like(n) && !is_category(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_pairs_with_daxie_give_the_corrected_budget() {
        let page = [
            "原最高限价：人民币伍佰万元整（¥5,000,000.00）；",
            "调整后最高限价：人民币肆佰陆拾万元整（¥4,600,000.00）。",
        ];
        let (from, to) = corrected_budget(&page).expect("a correction");
        assert_eq!((from.amount, to.amount), (5_000_000.0, 4_600_000.0));
        let page = ["现预算：98万元", "原预算：120万元"];
        let (from, to) = corrected_budget(&page).expect("a correction");
        assert_eq!((from.amount, to.amount), (1_200_000.0, 980_000.0));
        // A 原 line alone is no correction.
        assert_eq!(corrected_budget(&["原预算金额：120万元"]), None);
    }

    #[test]
    fn a_role_in_parentheses_after_a_name_names_that_role() {
        let page = [
            "　　中国工程物理研究院计算机应用研究所（采购人）委托四川绵州招标代理有限公司（采购代理机构），对加速计算节点采购项目进行公开招标，现将中标结果公告如下：",
        ];
        assert_eq!(
            role_tagged(&page),
            (
                Some("中国工程物理研究院计算机应用研究所".to_string()),
                Some("四川绵州招标代理有限公司".to_string())
            )
        );
        // The other order, other role words, half-width brackets.
        let page = [
            "甲乙招标咨询有限公司(招标代理机构)受某某市第一人民医院(招标人)委托，就下列项目进行竞争性磋商。",
        ];
        assert_eq!(
            role_tagged(&page),
            (
                Some("某某市第一人民医院".to_string()),
                Some("甲乙招标咨询有限公司".to_string())
            )
        );
        // A column header or a role without a name of organisation shape names nobody.
        assert_eq!(
            role_tagged(&["联系方式（采购人）：0571-1234567"]),
            (None, None)
        );
        assert_eq!(role_tagged(&["本项目由某某大学自行组织。"]), (None, None));
    }

    #[test]
    fn an_organisation_introduced_as_the_buyer_is_the_buyer() {
        let page =
            ["经研究，中国工商银行股份有限公司浙江省分行（以下简称：“采购人”）拟采购一批服务器。"];
        assert_eq!(
            alias_buyer(&page).as_deref(),
            Some("中国工商银行股份有限公司浙江省分行")
        );
        let page =
            ["甲招标有限公司（以下简称“代理机构”）受某某大学（以下简称“招标人”）委托进行招标。"];
        assert_eq!(alias_buyer(&page).as_deref(), Some("某某大学"));
        // A short name for the press (下称“河南移动”) is no role.
        assert_eq!(
            alias_buyer(&["中国移动通信集团河南有限公司（下称“河南移动”）公示了结果。"]),
            None
        );
    }

    #[test]
    fn the_signature_above_the_date_names_the_buyer_but_not_an_agency() {
        let page = ["联系人：王老师", "浙江省肿瘤医院", "2026年3月2日"];
        assert_eq!(signature_org(&page).as_deref(), Some("浙江省肿瘤医院"));
        let page = ["联系人：王老师", "浙江华信招标代理有限公司", "2026年3月2日"];
        assert_eq!(signature_org(&page), None);
        // No closing date: no signature.
        assert_eq!(signature_org(&["浙江省肿瘤医院"]), None);
    }

    #[test]
    fn ranked_companies_on_a_candidates_page_are_candidates_in_rank_order() {
        let page = [
            "某公司中标候选人公示如下。",
            "乙数据有限公司排名第二，报价1.2亿元；甲智算科技有限公司排名第一，报价1.1亿元；丙信息技术有限公司名列第三。",
        ];
        assert_eq!(
            candidates(&page),
            ["甲智算科技有限公司", "乙数据有限公司", "丙信息技术有限公司"]
        );
        // Without 候选人 on the page, a ranking names no candidates.
        assert!(candidates(&["甲智算科技有限公司排名第一。"]).is_empty());
    }

    #[test]
    fn a_description_before_a_ranked_name_is_no_part_of_it() {
        let page = [
            "某银行服务器采购中标候选人公示。",
            "据公示，杭州老牌厂商西溪数据技术有限公司排名第二，报价3.1亿元；省内企业鼓山智算科技有限公司名列第一，报价3.2亿元。",
            "投标报价最高的闽江信息技术有限公司以3.4亿元排在第三。",
        ];
        assert_eq!(
            candidates(&page),
            [
                "鼓山智算科技有限公司",
                "西溪数据技术有限公司",
                "闽江信息技术有限公司"
            ]
        );
        // A descriptor inside a registered name leaves the name whole.
        assert_eq!(
            without_descriptor("广州民营企业服务有限公司"),
            "广州民营企业服务有限公司"
        );
        // Without a name after it, nothing is cut.
        assert_eq!(without_descriptor("报价最低的企业"), "报价最低的企业");
    }

    #[test]
    fn ranks_in_running_text_order_the_candidates_whatever_order_the_sentence_names_them() {
        let page = [
            "某大学智算平台中标候选人公示。",
            "评标结果显示，丙信息技术有限公司位列第三，投标报价最低；甲云计算有限公司被确定为第一中标候选人；乙数据有限公司和丁网络有限公司分列第二、第四名。",
        ];
        assert_eq!(
            candidates(&page),
            [
                "甲云计算有限公司",
                "乙数据有限公司",
                "丙信息技术有限公司",
                "丁网络有限公司"
            ]
        );
        let page = [
            "经评审，丙信息技术有限公司、甲云计算有限公司、乙数据有限公司依次为第三、一、二中标候选人。",
        ];
        assert_eq!(
            candidates(&page),
            ["甲云计算有限公司", "乙数据有限公司", "丙信息技术有限公司"]
        );
        let page = [
            "成交候选人公示",
            "本次比选结果：第二名乙数据有限公司，第一名甲云计算有限公司，第三名丙信息技术有限公司。",
        ];
        assert_eq!(
            candidates(&page),
            ["甲云计算有限公司", "乙数据有限公司", "丙信息技术有限公司"]
        );
        let page = [
            "投标报价排名第二的乙数据有限公司报价9800万元；第一中标候选人为甲云计算有限公司。",
            "第三中标候选人是丙信息技术有限公司。",
        ];
        assert_eq!(
            candidates(&page),
            ["甲云计算有限公司", "乙数据有限公司", "丙信息技术有限公司"]
        );
        // Ranks first, then the names: "第二、第三中标候选人分别为B、C".
        let page = [
            "甲云计算有限公司为第一中标候选人，第二、第三中标候选人分别为乙数据有限公司、丙信息技术有限公司。",
        ];
        assert_eq!(
            candidates(&page),
            ["甲云计算有限公司", "乙数据有限公司", "丙信息技术有限公司"]
        );
        // "A、B分别位列第二、第三": B is third, not second.
        let page = [
            "评审结果显示，乙数据有限公司、丙信息技术有限公司分别位列第二、第三；甲云计算有限公司综合得分第一，被推荐为第一中标候选人。",
        ];
        assert_eq!(
            candidates(&page),
            ["甲云计算有限公司", "乙数据有限公司", "丙信息技术有限公司"]
        );
        // A name without a rank follows the ranked ones in page order.
        let page = [
            "中标候选人为丁网络有限公司、甲云计算有限公司，其中甲云计算有限公司综合得分排名第一。",
        ];
        assert_eq!(candidates(&page), ["甲云计算有限公司", "丁网络有限公司"]);
    }

    #[test]
    fn ranks_of_last_year_an_industry_or_two_lots_do_not_reorder_the_candidates() {
        // Last year's tender: its ranked bidder is no candidate now.
        let page = [
            "去年同类项目招标中，排名第一的戊服务器有限公司投标报价最低。",
            "本次第一中标候选人为甲云计算有限公司，第二中标候选人为乙数据有限公司。",
        ];
        assert_eq!(candidates(&page), ["甲云计算有限公司", "乙数据有限公司"]);
        // An industry ranking of vendors on a candidates page.
        let page = [
            "中标候选人依次为乙数据有限公司、甲云计算有限公司。",
            "据IDC统计，排名第二的厂商为戊服务器有限公司，己信息产业股份有限公司在国内市场排名第一。",
        ];
        assert_eq!(candidates(&page), ["乙数据有限公司", "甲云计算有限公司"]);
        // Two lots each with a first candidate keep page order.
        let page = [
            "一标段第一中标候选人为甲云计算有限公司，第二中标候选人为乙数据有限公司。",
            "二标段第一中标候选人为丙信息技术有限公司，第二中标候选人为丁网络有限公司。",
        ];
        assert_eq!(
            candidates(&page),
            [
                "甲云计算有限公司",
                "乙数据有限公司",
                "丙信息技术有限公司",
                "丁网络有限公司"
            ]
        );
    }

    #[test]
    fn a_rank_clause_without_a_name_ranks_the_subject_of_the_clause_before() {
        // Round 37 of issue 10: "X以…的报价综合得分最高，排名第一；Y、Z分列第二、第三".
        let page = [
            "中标候选人公示显示，共5家企业投标。",
            "经评审，乙数据有限公司以812万元投标报价技术评分位居前列且综合得分最高，排名第一。丙信息技术有限公司报价最低，位列第二；甲云计算有限公司名列第三。",
        ];
        assert_eq!(
            candidates(&page),
            ["乙数据有限公司", "丙信息技术有限公司", "甲云计算有限公司"]
        );
        let page = [
            "评标结果显示，丁网络有限公司综合得分排名第二，戊智算科技有限公司凭借最低的投标报价和最高的技术得分，为第一中标候选人。",
            "该中标候选人公示期为三天。",
        ];
        assert_eq!(candidates(&page), ["戊智算科技有限公司", "丁网络有限公司"]);
        // The clause before is the buyer's, a product's or last year's: no rank.
        for line in [
            "己电力有限公司采购的服务器投标报价中，排名第一的为乙数据有限公司。",
            "己电力有限公司发布评标结果公示，排名第一，第二中标候选人为乙数据有限公司。",
            "己芯片有限公司的加速卡在测试中得分最高，排名第一，第二中标候选人为乙数据有限公司。",
            "去年，己服务器有限公司以较低报价综合得分最高，排名第一；本次第二中标候选人为乙数据有限公司。",
        ] {
            let got = candidates(&["中标候选人公示", line]);
            assert!(!got.iter().any(|n| n.starts_with('己')), "{line}: {got:?}");
        }
    }

    #[test]
    fn a_rank_in_a_bracket_after_a_short_name_ranks_its_registered_name() {
        let page = [
            "某市政务云扩容项目中标候选人公示。",
            "北京甲星算力有限公司（以下简称“甲星”）、乙辰数据技术有限公司（下称“乙辰”）均在名单中。",
            "按投标报价排列，分别是乙辰（第一名，得分92分）和甲星（第二名，得分90分），华为技术有限公司（第三中标候选人）随后。",
        ];
        assert_eq!(
            candidates(&page),
            [
                "乙辰数据技术有限公司",
                "北京甲星算力有限公司",
                "华为技术有限公司"
            ]
        );
        // A short name never introduced for a registered one names nobody.
        let page = ["中标候选人公示：甲星（第一中标候选人，报价1亿元）。"];
        assert!(candidates(&page).is_empty());
        // The same bracket in a sentence about an industry ranking, not the bids, ranks nobody.
        let page = [
            "中标候选人公示。",
            "北京甲星算力有限公司（以下简称“甲星”）去年营收增长。",
            "行业榜单中，甲星（第一名）领先。",
        ];
        assert!(candidates(&page).is_empty());
    }

    #[test]
    fn rank_lists_read_ranges_and_bare_numerals() {
        assert_eq!(rank_list("二、第三"), [2, 3]);
        assert_eq!(rank_list("一、二、三"), [1, 2, 3]);
        assert_eq!(rank_list("一至第三"), [1, 2, 3]);
        assert_eq!(rank_list("二和四"), [2, 4]);
    }

    #[test]
    fn an_organisation_opening_the_purchase_name_in_the_lead_is_the_buyer() {
        let page = [
            "新华社长沙3月5日电（记者李明）中南大学湘雅医院2026年智慧医疗算力平台采购项目近日完成招标，三家企业入围。",
        ];
        assert_eq!(
            lead_project_buyer(&page).as_deref(),
            Some("中南大学湘雅医院")
        );
        let page =
            ["本报讯 3月2日，成都市公安局视频智能分析系统建设项目公示中标候选人，公示期三天。"];
        assert_eq!(lead_project_buyer(&page).as_deref(), Some("成都市公安局"));
        // A winner, a supplier, a place or a source opening the lead names no buyer.
        for lead in [
            "本报讯 甲科技有限公司中标乙大学智算中心建设项目，中标金额1.2亿元，工期一年。",
            "本报讯 甲科技有限公司承建的乙大学智算中心项目日前通过验收，将于下月投入使用。",
            "本报讯 甲科技有限公司为乙大学智算平台建设项目提供服务器，合同金额1.2亿元。",
            "本报讯 湖北省武汉市2026年智算中心建设项目近日完成招标，预算3000万元。",
            // The source is no buyer when the purchase's subject is someone else; when it
            // refers back to the source (该校…项目) it is: see the test below.
            "本报讯（记者王明）记者从华中科技大学获悉，湖北多所高校智算平台项目近日完成招标。",
            "本报讯 武汉东湖新技术开发区智算中心项目近日完成招标，预算3000万元。",
        ] {
            assert_eq!(lead_project_buyer(&[lead]), None, "{lead}");
        }
    }

    #[test]
    fn a_source_the_purchase_refers_back_to_is_the_buyer() {
        for (lead, want) in [
            (
                "9月2日，记者从武汉理工大学了解到，该校“智能制造大模型平台”项目已完成招标，某公司以980万元中标。",
                "武汉理工大学",
            ),
            (
                "记者近日从苏州市立医院获悉，该院医疗影像智能分析项目日前公示中标结果。",
                "苏州市立医院",
            ),
            (
                "本报讯（记者王明）记者从华中科技大学获悉，该校智算平台项目近日完成招标。",
                "华中科技大学",
            ),
        ] {
            assert_eq!(lead_project_buyer(&[lead]).as_deref(), Some(want), "{lead}");
        }
        for lead in [
            // The next clause is the source's news, not a purchase of its own.
            "记者从南京大学获悉，该校学生在全国大赛中获得一等奖，相关项目将继续推进。",
            // A new subject after the source: not referred back to.
            "记者从省财政厅获悉，全省高校智算平台采购项目预算合计12亿元，采购需求已公布。",
            // A source that is no buyer (a publication).
            "记者从业内人士处获悉，该公司推理服务器项目近日完成评标。",
        ] {
            assert_eq!(lead_project_buyer(&[lead]), None, "{lead}");
        }
    }

    #[test]
    fn a_scene_setting_lead_gives_way_to_the_line_about_the_purchase() {
        // Rounds 40/41 of issue 10, other wordings: the dated lead states figures of the region
        // and names no purchase; the next line names the buyer (a source referred back to after
        // a hook, or a described subject deciding to build).
        let page = [
            "本报讯 江苏水稻种植面积常年稳定在3300万亩左右。近年来，全省智慧农业累计投入超过20亿元，多家单位建设了数字农场。",
            "一项面向稻麦轮作的人工智能采购日前落地。3月5日，记者从江苏省农业科学院获悉，该院稻麦种植大模型平台项目已完成评标。",
        ];
        assert_eq!(
            lead_project_buyer(&page).as_deref(),
            Some("江苏省农业科学院")
        );
        let page = [
            "新华网5月6日讯 清晨六点，城西新区的实训楼里已亮起灯。今年以来，全区在职业教育上的投入超过8000万元。",
            "为此，以工科见长的甲乙职业技术学院决定建设人工智能实训平台。记者从学校获悉，该项目日前完成定标。",
        ];
        assert_eq!(lead_buyer(&page).as_deref(), Some("甲乙职业技术学院"));
        // A lead that names the purchase stays the lead: the next line is not read first.
        let page = [
            "本报讯 甲乙医院智慧病房采购项目近日完成招标，丙丁科技有限公司中标。",
            "此前，戊己大学决定建设智算平台，该项目已于上月完成定标。",
        ];
        assert_eq!(lead_project_buyer(&page).as_deref(), Some("甲乙医院"));
        // A scene with no line about a purchase after it keeps its own reading (none here).
        let page = [
            "本报讯 全省粮食总产量连续多年稳定在1500亿斤以上。",
            "专家认为，数字农业正在从“能看”走向“能管”。",
        ];
        assert_eq!(lead_project_buyer(&page), None);
        assert_eq!(lead_buyer(&page), None);
    }

    #[test]
    fn a_lead_of_trade_figures_gives_way_to_the_line_that_names_the_buyer() {
        // Round 42 of issue 10, other wordings: the lead gives figures of the trade with a
        // purchase word in them (招标总额, 采购规模) and no buyer; the next line names it.
        let page = [
            "今年以来，全省医疗机构信息化项目采购规模已超过80亿元，“AI进医院”成为热门话题。",
            "11月3日，记者从甲乙市第一人民医院（以下简称“市一院”）了解到，该院智慧病历大模型项目已完成招标。",
        ];
        assert_eq!(lead_buyer(&page).as_deref(), Some("甲乙市第一人民医院"));
        let page = [
            "据行业协会统计，前三季度全国智算中心相关项目招标总额超过300亿元。",
            "丙丁大学昨日发布智算平台建设项目中标结果公告，总金额约2400万元。",
        ];
        assert_eq!(lead_buyer(&page).as_deref(), Some("丙丁大学"));
        // There a role's lead-in before the aliased buyer is no part of its name.
        let page = [
            "今年以来，全区政务云及智算项目招标持续升温，市场规模同比增长四成。",
            "据公告，该项目由甲乙市大数据发展局（以下简称“市数据局”）委托招标，采购算力服务器64台。",
        ];
        assert_eq!(lead_buyer(&page).as_deref(), Some("甲乙市大数据发展局"));
        // A lead that names its buyer keeps it: the next line is read only when it names none.
        let page = [
            "戊己能源集团有限公司近日发布算力服务器采购项目招标公告，预算3000万元。",
            "此前，庚辛大学发布智算平台采购项目中标结果，由壬癸科技有限公司中标。",
        ];
        assert_eq!(lead_buyer(&page).as_deref(), Some("戊己能源集团有限公司"));
        // A next line that names no purchase names no buyer.
        let page = [
            "今年全省数据中心项目招标总额已超过50亿元，同比增长三成。",
            "专家认为，算力建设正在从“重规模”转向“重应用”。",
        ];
        assert_eq!(lead_buyer(&page), None);
    }

    #[test]
    fn a_description_before_a_named_subject_ends_at_its_de() {
        assert_eq!(
            buyer_name("培养师范生的甲乙师范学院").as_deref(),
            Some("甲乙师范学院")
        );
        // A short tail after 的 is no name of its own: the whole capture stays.
        assert_eq!(
            buyer_name("甲乙大学的附属医院").as_deref(),
            Some("甲乙大学的附属医院")
        );
    }

    #[test]
    fn the_purchaser_a_purchase_comes_from_is_the_buyer() {
        for (line, want) in [
            (
                "这项采购来自甲乙能源集团有限公司（下称“甲乙能源”）。据甲乙能源发布的公示，最高限价2亿元。",
                "甲乙能源集团有限公司",
            ),
            (
                "该订单来自丙丁银行股份有限公司，金额约3亿元。",
                "丙丁银行股份有限公司",
            ),
            ("此次集采来自戊己大学。", "戊己大学"),
        ] {
            assert_eq!(purchase_source(&[line]).as_deref(), Some(want), "{line}");
        }
        for line in [
            // A product's maker, not the purchaser.
            "这项采购来自甲乙科技有限公司的推理服务器占比最高。",
            // Funding, not the purchase.
            "项目资金来自甲乙市财政局，共计3000万元。",
            // A category of buyers.
            "今年的订单来自多家城商行。",
        ] {
            assert_eq!(purchase_source(&[line]), None, "{line}");
        }
    }

    #[test]
    fn a_hook_or_a_source_before_the_purchase_leaves_the_buyer_to_its_clause() {
        // A hook opens the lead; the next sentence names the buyer opening the purchase, after
        // a source (round 36 of issue 10, other wordings).
        for (lead, want) in [
            (
                "医疗算力建设提速。3月2日，记者从浙江政府采购网获悉，温州医科大学附属第一医院算力平台采购项目发布招标公告。",
                "温州医科大学附属第一医院",
            ),
            (
                "高校算力投入持续加码。本报记者了解到，西北工业大学智能计算平台（二期）建设项目近日完成评标。",
                "西北工业大学",
            ),
            (
                "本报讯 据了解，东北师范大学人工智能实验平台项目日前公示中标候选人，公示期三天。",
                "东北师范大学",
            ),
        ] {
            assert_eq!(lead_project_buyer(&[lead]).as_deref(), Some(want), "{lead}");
        }
        // A first sentence about another organisation, with a date or amount, or a category
        // opening the purchase: no buyer from a later sentence.
        for lead in [
            "湖南大学智算中心已投入使用。长沙理工大学人工智能计算中心建设项目近日完成招标。",
            "3月1日，省内多所高校发布算力需求。记者获悉，乙大学智算平台项目近日完成招标。",
            "甲市数据局的算力调度平台运行平稳。记者获悉，乙大学智算平台项目近日完成招标。",
            "本报讯 记者获悉，多家股份制银行算力资源池项目近日陆续启动招标。",
        ] {
            assert_eq!(lead_project_buyer(&[lead]), None, "{lead}");
        }
    }

    #[test]
    fn a_category_of_organisations_names_no_buyer() {
        for name in [
            "股份制银行",
            "多家城商行",
            "部分三甲医院",
            "国内多家农商行",
            "央企",
        ] {
            assert!(is_category(name), "{name}");
        }
        for name in [
            "长沙农商行",
            "中国光大银行",
            "北京协和医院",
            "某某国企集团有限公司",
        ] {
            assert!(!is_category(name), "{name}");
        }
        // The category in the hook gives way to the registered name with its press alias.
        let page = [
            "本报讯（记者王明）国有大行之外，城商行的算力投入也在加码。3月2日，甲乙银行股份有限公司（以下简称“甲乙银行”）发布智算平台采购项目招标公告。",
        ];
        assert_eq!(lead_buyer(&page).as_deref(), Some("甲乙银行股份有限公司"));
        let page = ["多家三甲医院的智慧病房建设项目近日启动，丙市人民医院发布采购公告。"];
        assert_eq!(news_buyer(&page).as_deref(), Some("丙市人民医院"));
    }

    #[test]
    fn an_adverb_may_stand_before_the_win() {
        for (line, want) in [
            (
                "甲智算科技有限公司以4680.5万元的报价最终中标，评审得分排名第一。",
                46_805_000.0,
            ),
            ("乙数据有限公司以1.2亿元成功中标。", 120_000_000.0),
            ("丙网络有限公司以3,150万元的价格顺利成交。", 31_500_000.0),
        ] {
            let (_, award) = news_amounts(&[line]);
            assert_eq!(award.map(|m| m.amount), Some(want), "{line}");
        }
        // A loser's bid and a budget are no award.
        for line in [
            "排名第二、第三的两家企业报价分别为4712万元和4596万元，均未中标。",
            "该项目采购预算为4950万元，共吸引6家企业投标。",
            "丁科技有限公司以4712万元的报价最终未中标。",
        ] {
            let (_, award) = news_amounts(&[line]);
            assert_eq!(award, None, "{line}");
        }
    }

    #[test]
    fn a_branch_short_name_gives_its_registered_name() {
        let page = [
            "采购单位：北京市分公司",
            "本项目资金来自企业自筹，招标人为中国邮政集团有限公司北京市分公司，招标代理机构为某招标咨询有限公司。",
        ];
        assert_eq!(
            branch_full_name("北京市分公司", &page).as_deref(),
            Some("中国邮政集团有限公司北京市分公司")
        );
        // The shortest parent wins over a clause; other parents (集团, 银行, （集团）).
        let page = [
            "受中国农业银行北京市分行委托",
            "中国农业银行北京市分行2026年算力采购项目",
        ];
        assert_eq!(
            branch_full_name("北京市分行", &page).as_deref(),
            Some("中国农业银行北京市分行")
        );
        let page = ["项目资金已落实，采购主体为甲财产保险股份有限公司浙江省分公司。"];
        assert_eq!(
            branch_full_name("浙江省分公司", &page).as_deref(),
            Some("甲财产保险股份有限公司浙江省分公司")
        );
        let page = ["招标人：内蒙古电力（集团）有限责任公司信息通信分公司"];
        assert_eq!(
            branch_full_name("信息通信分公司", &page).as_deref(),
            Some("内蒙古电力（集团）有限责任公司信息通信分公司")
        );
        // A bank's sub-branch after its registered parent; a 支行 after 分行 is the 支行's parent.
        let page = ["采购人：中国工商银行股份有限公司深圳市分行"];
        assert_eq!(
            branch_full_name("深圳市分行", &page).as_deref(),
            Some("中国工商银行股份有限公司深圳市分行")
        );
        // Not a branch, a name already with its parent, or no parent on the page: nothing.
        assert_eq!(
            branch_full_name("信息中心", &["某某集团有限公司信息中心"]),
            None
        );
        assert_eq!(
            branch_full_name("中国银行北京市分行", &["中国银行股份有限公司北京市分行"]),
            None
        );
        assert_eq!(
            branch_full_name("北京市分公司", &["对北京市分公司约1200个坐席完成接入"]),
            None
        );
    }

    #[test]
    fn a_rank_before_the_name_ranks_that_company() {
        let page = [
            "评标委员会推荐了三名中标候选人：排名第一的是甲智算科技有限公司，投标报价4712.6万元；排名第二的是乙数据有限公司，投标报价4655.0万元；排名第三的是丙信息技术有限公司。",
        ];
        assert_eq!(
            candidates(&page),
            ["甲智算科技有限公司", "乙数据有限公司", "丙信息技术有限公司"]
        );
        // Other wordings of the same construction, out of page order.
        let page = [
            "本次共有三家中标候选人。",
            "位列第二的为乙数据有限公司；第一名为甲云集团有限公司，报价最高；排在第三位的是丙信息技术有限公司。",
        ];
        assert_eq!(
            candidates(&page),
            ["甲云集团有限公司", "乙数据有限公司", "丙信息技术有限公司"]
        );
        // A role word between the rank and the name ("排名第一的中标候选人为A", "位居第二位的是B").
        let page =
            ["公示显示，排名第一的中标候选人为甲智算科技有限公司；位居第二位的是乙数据有限公司。"];
        assert_eq!(candidates(&page), ["甲智算科技有限公司", "乙数据有限公司"]);
        // A clause between the name and its rank ("A综合得分最高，排名第一").
        let page = [
            "中标候选人公示：甲智算科技有限公司综合得分最高，排名第一，投标报价2.71亿元；乙数据有限公司位列第二。",
        ];
        assert_eq!(candidates(&page), ["甲智算科技有限公司", "乙数据有限公司"]);
        // A rank before something that is not a company names no one.
        assert!(candidates(&["中标候选人排名第一的是技术得分最高的方案。"]).is_empty());
    }

    #[test]
    fn a_summary_naming_the_first_candidate_gives_way_to_the_ranked_list() {
        let page = [
            "摘要：第一中标候选人为甲智算科技有限公司，投标报价3.08亿元。",
            "公示显示，甲智算科技有限公司排名第一；乙数据有限公司排名第二；丙信息技术有限公司排名第三。",
        ];
        assert_eq!(
            candidates(&page),
            ["甲智算科技有限公司", "乙数据有限公司", "丙信息技术有限公司"]
        );
        // A ranking that misses a named candidate does not replace the list.
        let page = [
            "第一中标候选人为甲智算科技有限公司，第二中标候选人为丁云有限公司。",
            "乙数据有限公司排名第一，丙信息技术有限公司排名第二，戊网络有限公司排名第三。",
        ];
        assert_eq!(candidates(&page), ["甲智算科技有限公司", "丁云有限公司"]);
    }

    #[test]
    fn bylines_never_join_a_name() {
        assert_eq!(
            without_byline("记者 周启航）中国移动通信集团黑龙江有限公司"),
            "中国移动通信集团黑龙江有限公司"
        );
        assert_eq!(
            without_byline("本报记者王明报道：中国联通湖南省分公司"),
            "中国联通湖南省分公司"
        );
        // Brackets inside a name stay.
        assert_eq!(
            without_byline("腾讯云计算（北京）有限责任公司"),
            "腾讯云计算（北京）有限责任公司"
        );
        assert_eq!(without_byline("报道中心有限公司"), "报道中心有限公司");
        let page = [
            "财联社11月24日讯（记者 周启航）中国移动通信集团黑龙江有限公司（下称“黑龙江移动”）11月23日在中国移动采购与招标网发布某项目中标候选人公示。",
        ];
        assert_eq!(
            lead_buyer(&page).as_deref(),
            Some("中国移动通信集团黑龙江有限公司")
        );
        let page = [
            "证券日报网讯（记者 许晨阳 见习记者 丁一）中国电信股份有限公司江苏分公司7月15日公示了某项目中标候选人。",
        ];
        assert_eq!(
            lead_buyer(&page).as_deref(),
            Some("中国电信股份有限公司江苏分公司")
        );
    }

    #[test]
    fn a_bracketed_group_never_opens_a_name() {
        assert_eq!(
            without_byline("（王小川 李薇）某某航空集团有限公司"),
            "某某航空集团有限公司"
        );
        assert_eq!(
            without_byline("(实习生 赵一)(编辑 钱二)甲乙银行"),
            "甲乙银行"
        );
        // A dateline with the reporter in brackets after a space: the bracket opens the capture.
        let page = [
            "某某财经北京5月6日电 （周明远）甲乙能源集团有限公司（以下简称“甲乙能源”）5月5日公布了智算平台项目中标结果。",
        ];
        assert_eq!(lead_buyer(&page).as_deref(), Some("甲乙能源集团有限公司"));
    }

    #[test]
    fn an_org_introduced_with_a_press_alias_leads_the_article() {
        let page = [
            "某某网3月2日消息，甲乙电力集团有限公司（下称“甲乙电力”）前一日揭示了储能项目的评审结论。",
        ];
        assert_eq!(lead_buyer(&page).as_deref(), Some("甲乙电力集团有限公司"));
        let page = [
            "本报记者近日向丙丁银行股份有限公司（以下简称“丙丁银行”）了解到，该行算力平台采购已定标。",
        ];
        assert_eq!(lead_buyer(&page).as_deref(), Some("丙丁银行股份有限公司"));
        // The winner introduced with a short name is no buyer.
        let page = ["戊己科技有限公司（下称“戊己科技”）获得了某项目，中标人为戊己科技有限公司。"];
        assert_eq!(lead_buyer(&page), None);
    }

    #[test]
    fn a_hook_sentence_leaves_the_buyer_to_the_alias_that_buys() {
        // The lead opens with a hook; the next sentence introduces the buyer with an alias and
        // goes on to its purchase.
        let page = [
            "算力调度有了新平台。据悉，甲乙港务集团有限公司（下称“甲乙港务”）智慧港口算力平台项目日前启动公开招标，预算约1.2亿元。",
        ];
        assert_eq!(lead_buyer(&page).as_deref(), Some("甲乙港务集团有限公司"));
        let page = [
            "大模型进入医院。记者了解到，丙丁医科大学附属医院（以下简称“丙丁医院”）本月采购一批推理服务器。",
        ];
        assert_eq!(lead_buyer(&page).as_deref(), Some("丙丁医科大学附属医院"));
        // An alias in a later sentence that does not buy (a partner, a winner) is no buyer.
        let page = ["政务云再扩容。戊己科技有限公司（以下简称“戊己科技”）表示将加大投入。"];
        assert_eq!(lead_buyer(&page), None);
        let page = [
            "新平台落地。庚辛科技有限公司（下称“庚辛科技”）中标了某市政务云采购项目，中标人为庚辛科技有限公司。",
        ];
        assert_eq!(lead_buyer(&page), None);
    }

    #[test]
    fn a_stated_total_after_the_lots_is_the_award() {
        for (line, want) in [
            (
                "包1由甲智算科技有限公司以1,260万元中标，包2由乙数据有限公司以980万元中标，中标金额共计2240万元。",
                22_400_000.0,
            ),
            (
                "一标段成交金额为3.1亿元，二标段成交金额为1.9亿元，两个标段总计成交金额5亿元。",
                500_000_000.0,
            ),
        ] {
            let (_, award) = news_amounts(&[line]);
            assert_eq!(award.map(|m| m.amount), Some(want), "{line}");
        }
        // A running total on another line (a province's, a company's) is no award of this one.
        let lines = [
            "丙网络有限公司以3,600万元中标。",
            "据统计，全省今年累计采购算力服务超过12亿元，该公司今年累计中标金额达4.5亿元。",
        ];
        let (_, award) = news_amounts(&lines);
        assert_eq!(award.map(|m| m.amount), Some(36_000_000.0));
        // A total smaller than the lot is no total of it.
        let (_, award) =
            news_amounts(&["丁公司以5000万元中标，其中合计中标金额300万元为运维服务。"]);
        assert_eq!(award.map(|m| m.amount), Some(50_000_000.0));
    }

    #[test]
    fn a_thousands_separator_in_the_won_amount_ends_no_clause() {
        let line =
            "标段A由甲智算科技有限公司以1,260万元中标，标段B由乙云数据有限公司以12,480,000元成交。";
        assert_eq!(
            winners(&[line]),
            vec!["甲智算科技有限公司", "乙云数据有限公司"]
        );
        // A real comma still ends the clause: the company before it is no winner.
        assert!(winners(&["丙科技有限公司表示，以往项目以价格取胜中标"]).is_empty());
    }

    #[test]
    fn a_relative_day_or_weekday_may_stand_before_the_verb() {
        let page = [
            "某某网3月11日消息，甲乙保险股份有限公司（以下简称“甲乙保险”）本周二（3月10日）公示了大模型平台项目的中标候选人。",
        ];
        assert_eq!(lead_buyer(&page).as_deref(), Some("甲乙保险股份有限公司"));
        let page = ["据了解，丙丁证券有限责任公司昨天正式发布了算力租赁服务采购公告。"];
        assert_eq!(news_buyer(&page).as_deref(), Some("丙丁证券有限责任公司"));
        let page = ["戊己银行股份有限公司今年6月底启动了智能客服项目采购。"];
        assert_eq!(news_buyer(&page).as_deref(), Some("戊己银行股份有限公司"));
    }

    #[test]
    fn an_alias_gives_way_to_the_registered_name_it_stands_for() {
        let page = [
            "8月18日，湖南联通公示了某项目的中标候选人。",
            "招标人为中国联合网络通信有限公司湖南省分公司（下称“湖南联通”），最高投标限价为2.36亿元。",
        ];
        assert_eq!(
            aliased_name("湖南联通", &page).as_deref(),
            Some("中国联合网络通信有限公司湖南省分公司")
        );
        let page = ["江西铜业股份有限公司（以下简称“江西铜业”）发布公告。"];
        assert_eq!(
            aliased_name("江西铜业", &page).as_deref(),
            Some("江西铜业股份有限公司")
        );
        // Another alias, or none, changes nothing.
        assert_eq!(aliased_name("湖南移动", &page), None);
        assert_eq!(aliased_name("湖南联通", &["湖南联通公示了结果。"]), None);
    }

    #[test]
    fn joined_winners_are_two_names() {
        assert_eq!(
            winners(&["最终，甲智算科技有限公司与乙数据有限公司中标，中标总金额为2亿元。"]),
            ["甲智算科技有限公司", "乙数据有限公司"]
        );
        assert_eq!(
            winners(&["公告显示，由甲智算科技有限公司和乙数据有限公司组成的联合体中标。"]),
            ["甲智算科技有限公司", "乙数据有限公司"]
        );
        // 和 inside a name (和林格尔…) is no join.
        assert_eq!(
            winners(&["中标人为和林格尔云数据有限公司。"]),
            ["和林格尔云数据有限公司"]
        );
    }

    #[test]
    fn consortium_members_with_role_notes_and_the_won_amount_are_winners() {
        // Round 42 of issue 10, other wordings: a member's role in a bracket, the amount the
        // consortium won at between it and the win.
        assert_eq!(
            winners(&[
                "经评审，由甲智算科技有限公司（联合体牵头人）和乙数据有限公司（联合体成员）组成的联合体，以8,650万元的报价中标。"
            ]),
            ["甲智算科技有限公司", "乙数据有限公司"]
        );
        assert_eq!(
            winners(&["丙信息技术股份有限公司（牵头方）与丁网络有限公司以2.4亿元中标。"]),
            ["丙信息技术股份有限公司", "丁网络有限公司"]
        );
        // The same words where the consortium did not win, or only became a candidate.
        assert!(
            winners(&["由甲智算科技有限公司（牵头人）与乙数据有限公司组成的联合体，以9000万元的报价未能中标。"])
                .is_empty()
        );
        assert!(
            winners(&["甲智算科技有限公司（牵头人）与乙数据有限公司组成的联合体以9000万元报价成为第一中标候选人。"])
                .is_empty()
        );
        // A consortium that only bid leaves the win to the one named with it.
        assert_eq!(
            winners(&[
                "甲智算科技有限公司（牵头人）与乙数据有限公司组成的联合体参与投标，最终丙科技有限公司以8000万元中标。"
            ]),
            ["丙科技有限公司"]
        );
    }

    #[test]
    fn last_years_amount_is_not_this_purchases_budget() {
        let (budget, _) = news_amounts(&[
            "上一年度，该公司同类算力服务器集采规模约为3.2亿元。本次项目预算为2.6亿元。",
        ]);
        assert_eq!(budget.map(|m| m.amount), Some(260_000_000.0));
        let (budget, _) =
            news_amounts(&["据了解，去年同类项目的采购规模约为1.5亿元，今年增长三成。"]);
        assert_eq!(budget, None);
        // A clause that turns back to this purchase keeps its amount.
        let (budget, _) = news_amounts(&["与去年相比，本次项目预算为1.8亿元。"]);
        assert_eq!(budget.map(|m| m.amount), Some(180_000_000.0));
    }

    #[test]
    fn a_news_limit_price_is_the_budget() {
        let (budget, _) = news_amounts(&["该项目最高投标限价为2.86亿元（不含税）。"]);
        assert_eq!(budget.map(|m| m.amount), Some(286_000_000.0));
    }

    #[test]
    fn a_budget_sentence_may_open_a_clause() {
        let page = ["资金来自企业自筹，最高投标限价为人民币680万元。"];
        assert_eq!(sentence_budget(&page).map(|m| m.amount), Some(6_800_000.0));
        // Inside a clause it is a condition, not this purchase's budget.
        assert_eq!(
            sentence_budget(&["投标报价超过最高投标限价为无效投标。"]),
            None
        );
    }

    #[test]
    fn short_names_give_way_to_the_full_registered_name() {
        let page = [
            "招商银行股份有限公司深圳分行对本项目进行了竞争性磋商。",
            "采购人：招商银行深圳分行",
        ];
        assert_eq!(
            full_name("招商银行深圳分行", &page).as_deref(),
            Some("招商银行股份有限公司深圳分行")
        );
        let news = ["记者获悉，交通银行股份有限公司（下称“交通银行”）日前公示了候选人。"];
        assert_eq!(
            full_name("交通银行", &news).as_deref(),
            Some("交通银行股份有限公司")
        );
        // A branch of the bank, or a name inside a longer word, is another organisation.
        assert_eq!(
            full_name("交通银行", &["交通银行股份有限公司上海分行发布公告"]),
            None
        );
        assert_eq!(full_name("中国银行", &["某中国银行股份有限公司"]), None);
        // A name that already has its legal form stays.
        assert_eq!(full_name("甲科技有限公司", &["甲科技有限公司"]), None);
    }

    #[test]
    fn the_legal_form_prefilter_skips_only_lines_without_a_form() {
        // Every form holds the shared word, so the prefilter is on and drops no line with a form.
        assert!(FORM_CORE.is_some());
        for form in *LEGAL_FORMS {
            let line = format!("采购人：北京某某{form}信息中心");
            assert!(
                FORM_CORE
                    .as_ref()
                    .is_some_and(|f| f.find(line.as_bytes()).is_some())
            );
        }
        let lines = [
            "一、项目编号：ZB2025-000001",
            "供应商名称：成都甲乙科技有限责任公司（联合体）",
            "地址：某市某区某路1号",
        ];
        assert_eq!(
            full_name("成都甲乙科技", &lines).as_deref(),
            Some("成都甲乙科技有限责任公司")
        );
        assert_eq!(full_name("成都甲乙科技", &lines[..1]), None);
    }

    #[test]
    fn a_lead_after_a_bracketed_byline_and_a_bare_date() {
        let lines = [
            "【财新网】中国电信股份有限公司丙省分公司（下称丙省电信）12月2日发布中标结果公告，中标金额4.86亿元。",
        ];
        assert_eq!(
            lead_buyer(&lines).as_deref(),
            Some("中国电信股份有限公司丙省分公司")
        );
    }

    #[test]
    fn winners_listed_with_a_count_or_a_share() {
        let lines = [
            "近日，中国电信股份有限公司丙省分公司发布中标结果公示，甲智算科技有限公司、乙数联信息技术有限公司两家企业中标。",
            "经评审，甲智算科技有限公司获得60%份额，乙数联信息技术有限公司获得40%份额，中标总金额为1.36亿元（不含税）。",
        ];
        assert_eq!(
            winners(&lines),
            vec!["甲智算科技有限公司", "乙数联信息技术有限公司"]
        );
        assert_eq!(
            winners(&lines[1..]),
            vec!["甲智算科技有限公司", "乙数联信息技术有限公司"]
        );
        let (_, award) = news_amounts(&lines);
        assert_eq!(award.map(|m| m.amount), Some(136_000_000.0));
    }

    #[test]
    fn a_tax_note_may_stand_between_the_won_amount_and_the_verb() {
        for (line, want) in [
            (
                "丁省电信智算项目近日定标，甲智算科技有限公司以2.18亿元（不含税）中标。",
                218_000_000.0,
            ),
            (
                "乙数据有限公司以4,860万元(含增值税)成交，服务期三年。",
                48_600_000.0,
            ),
            ("丙网络有限公司最终以1.05亿元 (含税) 中选。", 105_000_000.0),
        ] {
            let (_, award) = news_amounts(&[line]);
            assert_eq!(award.map(|m| m.amount), Some(want), "{line}");
        }
        // An earlier purchase's amount and a regional total are not this award.
        let lines = [
            "这是戊省移动继去年约1.2亿元的一期项目之后再次扩容，全省智算总投资已超过180亿元。",
            "甲智算科技有限公司以2.18亿元(含税)中标。",
        ];
        let (_, award) = news_amounts(&lines);
        assert_eq!(award.map(|m| m.amount), Some(218_000_000.0));
        // A bracket that is no tax note still ends the amount before the verb.
        let (_, award) = news_amounts(&["甲智算科技有限公司以2.18亿元（约合3000万美元）中标。"]);
        assert_eq!(award, None);
    }

    #[test]
    fn award_letters_name_the_buyer_and_the_winner() {
        let lines = [
            "某某讯，甲数智科技股份有限公司（下称“甲数智”）晚间公告，公司全资子公司乙智算科技有限公司近日收到中国联合网络通信有限公司丙省分公司发出的《中标通知书》，确定乙智算科技有限公司为“丙省联通智算中心项目”的中标人。",
        ];
        assert_eq!(
            letter_sender(&lines).as_deref(),
            Some("中国联合网络通信有限公司丙省分公司")
        );
        assert_eq!(winners(&lines), vec!["乙智算科技有限公司"]);
        // A letter from the agency names no buyer; an electronics company keeps its name.
        assert_eq!(
            letter_sender(&["公司收到丁招标代理有限公司发来的中标通知书"]),
            None
        );
        assert_eq!(
            winners(&["深圳戊电子有限公司近日收到《成交通知书》"]),
            vec!["深圳戊电子有限公司"]
        );
    }

    #[test]
    fn a_quoted_notice_title_names_the_buyer() {
        let lines = [
            "某网 11 月 26 日消息，中国移动采购与招标网今日公示了《中国移动通信集团天津有限公司 2025 年智算中心采购项目中标结果》，甲公司中标。",
        ];
        assert_eq!(
            quoted_title_buyer(&lines).as_deref(),
            Some("中国移动通信集团天津有限公司")
        );
        assert_eq!(
            quoted_title_buyer(&["详见《中华人民共和国政府采购法》"]),
            None
        );
        assert_eq!(
            title_buyer("中国电信股份有限公司四川分公司2025年智算中心采购项目").as_deref(),
            Some("中国电信股份有限公司四川分公司")
        );
    }

    #[test]
    fn buyer_from_the_title() {
        assert_eq!(
            title_buyer("郑州大学第一附属医院人工智能辅助诊断平台建设项目竞争性磋商公告")
                .as_deref(),
            Some("郑州大学第一附属医院")
        );
        assert_eq!(
            title_buyer("成都东部新区石盘街道办事处2022年食堂配送服务项目").as_deref(),
            Some("成都东部新区石盘街道办事处")
        );
        assert_eq!(title_buyer("校园自动气象站建设项目询价公告"), None);
    }

    #[test]
    fn news_fields() {
        let lines = [
            "通信世界网消息（CWW）9月1日，中国电信股份有限公司宁夏分公司发布2025年大模型服务采购项目中标候选人公示。",
            "本项目项目预算为860万元（含税）。",
            "第一中标候选人为北京智谱华章科技有限公司，投标报价为812.6万元；第二中标候选人为科大讯飞股份有限公司，投标报价为835万元。",
        ];
        assert_eq!(
            news_buyer(&lines).as_deref(),
            Some("中国电信股份有限公司宁夏分公司")
        );
        assert_eq!(news_amounts(&lines).0.map(|m| m.amount), Some(8_600_000.0));
        assert_eq!(
            candidates(&lines),
            vec!["北京智谱华章科技有限公司", "科大讯飞股份有限公司"]
        );
        // The name before its rank, beside the other order, in page order.
        let lines = [
            "公示显示，甲智算科技有限公司为第一中标候选人，第二中标候选人为乙数据有限公司，丙网络有限公司为第四中标候选人。",
        ];
        assert_eq!(
            candidates(&lines),
            vec!["甲智算科技有限公司", "乙数据有限公司", "丙网络有限公司"]
        );
    }

    #[test]
    fn the_lead_sentence_names_the_buyer() {
        let lines = [
            "C114讯 11月27日消息（苏宁）中国移动通信集团西藏有限公司（下称“西藏移动”）日前公示了智算中心项目的中标候选人。",
            "中国联通青海分公司启动智算中心扩容招标",
        ];
        assert_eq!(
            lead_buyer(&lines).as_deref(),
            Some("中国移动通信集团西藏有限公司")
        );
        let lines = [
            "标题不是句子",
            "通信世界网消息（CWW）近日，中国电信股份有限公司湖南分公司（以下简称“湖南电信”）在中国电信阳光采购网公布了项目的中标候选人。",
        ];
        assert_eq!(
            lead_buyer(&lines).as_deref(),
            Some("中国电信股份有限公司湖南分公司")
        );
        // A subject with another verb only counts in the lead.
        let lines = ["近日，国网甘肃省电力公司完成了大模型算力服务采购项目的评标工作。"];
        assert_eq!(lead_buyer(&lines).as_deref(), Some("国网甘肃省电力公司"));
        assert_eq!(news_buyer(&lines), None);
        // A source clause before the subject, and the purchase's quoted name between the
        // subject's alias and 的: the organisation owning the purchase is the buyer.
        let lines = [
            "本网讯 3月2日，笔者从某省公共资源交易平台了解到，中国建设银行股份有限公司（以下简称“建设银行”）《智能客服大模型平台采购项目》的评标结果已经公示，两家企业入围。",
        ];
        assert_eq!(
            lead_buyer(&lines).as_deref(),
            Some("中国建设银行股份有限公司")
        );
        let lines = [
            "腾讯科技讯 11月28日，记者从中国采购与招标网获悉，中国农业银行股份有限公司（以下简称“农业银行”）“企业级大模型平台建设项目”的中标结果已于11月27日公布。",
        ];
        assert_eq!(
            lead_buyer(&lines).as_deref(),
            Some("中国农业银行股份有限公司")
        );
    }

    #[test]
    fn names_with_wei_are_names_and_total_budgets_count() {
        assert!(org_like("华为云计算技术有限公司"));
        assert!(!org_like("第二名为甲科技有限公司"));
        let lines = ["某省大数据中心发布框架协议采购项目结果，采购预算总额为2.4亿元。"];
        assert_eq!(
            news_amounts(&lines).0.map(|m| m.amount),
            Some(240_000_000.0)
        );
    }

    #[test]
    fn corrections_lowered_raised_or_under_an_item_label() {
        for lines in [
            vec!["一、采购预算由236万元下调至198万元，最高限价相应调整为198万元。"],
            vec!["项目预算从236万元调减为198万元。"],
            // The unit only in the item label, the values on the lines below it.
            vec!["1.预算金额（万元）", "更正前：236", "更正后：198"],
            vec![
                "（一）采购预算（元）",
                "变更前：2,360,000.00",
                "变更后：1,980,000.00",
            ],
        ] {
            let (from, to) = corrected_budget(&lines)
                .unwrap_or_else(|| panic!("no correction read in {lines:?}"));
            assert_eq!(
                (from.amount, to.amount),
                (2_360_000.0, 1_980_000.0),
                "{lines:?}"
            );
        }
        // Before/after lines under another item (a deadline, a requirement) are no budget.
        assert!(
            corrected_budget(&[
                "开标时间",
                "更正前：2025年11月19日",
                "更正后：2025年11月26日"
            ])
            .is_none()
        );
        assert!(corrected_budget(&["预算金额（元）", "更正后：1,980,000.00"]).is_none());
    }

    #[test]
    fn correction_sentence() {
        let (from, to) = corrected_budget(&["预算金额由120万元调整为98万元。"])
            .unwrap_or_else(|| panic!("no correction read"));
        assert_eq!((from.amount, to.amount), (1_200_000.0, 980_000.0));
        for lines in [
            vec!["预算金额：由300万元变更为280万元"],
            vec!["将预算金额调整为280万元（原为300万元）。"],
            vec!["更正前：预算金额300万元", "更正后：预算金额280万元"],
        ] {
            let (from, to) = corrected_budget(&lines)
                .unwrap_or_else(|| panic!("no correction read in {lines:?}"));
            assert_eq!(
                (from.amount, to.amount),
                (3_000_000.0, 2_800_000.0),
                "{lines:?}"
            );
        }
        assert!(corrected_budget(&["更正后：预算金额280万元"]).is_none());
    }

    #[test]
    fn quoted_item_corrections_in_other_quotes_and_verbs() {
        for (line, from, to) in [
            (
                "二、第二章中：原「采购预算为500万元，最高限价为500万元」，现变更为「采购预算为460万元，最高限价为460万元」；",
                5_000_000.0,
                4_600_000.0,
            ),
            // The old item's label is looked up in the new one (最高限价 beside 最高限价).
            (
                "原\"最高限价：人民币1,200,000.00元\"调整为\"工期：60日历天，最高限价：人民币1,080,000.00元\"",
                1_200_000.0,
                1_080_000.0,
            ),
            (
                "（3）原“项目预算（万元）：260”更正为“项目预算（万元）：248”。",
                2_600_000.0,
                2_480_000.0,
            ),
        ] {
            let (f, t) =
                corrected_budget(&[line]).unwrap_or_else(|| panic!("no correction read in {line}"));
            assert_eq!((f.amount, t.amount), (from, to), "{line}");
        }
        // A quoted item with no budget, or an unchanged one, is no budget correction.
        assert!(corrected_budget(&["原“供货期：30天，预算另计”现更正为“供货期：45天”"]).is_none());
        assert!(
            corrected_budget(&["原“预算金额：80万元”更正为“预算金额：80万元，含税”"]).is_none()
        );
    }

    #[test]
    fn a_budget_changed_by_an_amount_gives_the_total_after_it() {
        for (line, want) in [
            (
                "原“采购预算：200.00万元”，现核增预算20.00万元，核增后采购预算为220.00万元。",
                (2_000_000.0, 2_200_000.0),
            ),
            (
                "最高限价在原1,500,000.00元的基础上调减300,000.00元，调整后最高限价为1,200,000.00元；",
                (1_500_000.0, 1_200_000.0),
            ),
            (
                "经批复，原预算金额80万元，追加预算15万元，追加后项目预算金额为95万元",
                (800_000.0, 950_000.0),
            ),
        ] {
            let (from, to) =
                corrected_budget(&[line]).unwrap_or_else(|| panic!("no correction read in {line}"));
            assert_eq!((from.amount, to.amount), want, "{line}");
        }
        // The change alone is never the budget: without a total that adds up, nothing is read.
        assert!(
            corrected_budget(&["原预算金额80万元，现追加预算资金15万元，追加后为100万元"])
                .is_none()
        );
        assert!(corrected_budget(&["原预算金额80万元，现追加预算资金15万元。"]).is_none());
        // A count changed beside it is no amount.
        assert!(
            corrected_budget(&["预算不变，服务器数量在原12台的基础上增加4台，增加后为16台"])
                .is_none()
        );
    }

    #[test]
    fn a_quoted_budget_called_wrong_gives_way_to_the_quoted_right_value() {
        // Round 34 of issue 10: "“预算金额：512.00万元”有误，应为“486.50万元”" (the new quote holds
        // only the amount). Other labels, units, words and quotes here.
        for (line, from, to) in [
            (
                "2.招标文件第二章中“最高限价（万元）：320”错误，应更正为“298”。",
                3_200_000.0,
                2_980_000.0,
            ),
            (
                "原公告“采购预算为人民币1,250,000.00元”有错，现更正为“人民币1,180,000.00元”；",
                1_250_000.0,
                1_180_000.0,
            ),
            // The right value may repeat the label; 「」 quotes.
            (
                "公告正文中「项目预算：96万元」有误，应改为「项目预算：88万元」",
                960_000.0,
                880_000.0,
            ),
        ] {
            let (f, t) =
                corrected_budget(&[line]).unwrap_or_else(|| panic!("no correction read in {line}"));
            assert_eq!((f.amount, t.amount), (from, to), "{line}");
        }
        // A date called wrong in the same form is no budget correction.
        assert!(
            corrected_budget(&[
                "原公告中“开标时间：2026年6月18日9点30分”有误，应为“2026年6月25日9点30分”"
            ])
            .is_none()
        );
    }

    #[test]
    fn quoted_item_corrections_after_a_name_of_the_original() {
        // Round 32 of issue 10: 原公告“预算金额：…，最高限价：…”，现更正为“…” (the quote after the
        // original's name, not right after 原). Other names, labels, units, verbs and quotes.
        for (line, from, to) in [
            (
                "2.原招标公告“采购预算（元）：1,250,000.00；控制价（元）：1,250,000.00”调整为“采购预算（元）：1,180,000.00；控制价（元）：1,180,000.00”。",
                1_250_000.0,
                1_180_000.0,
            ),
            (
                "原招标文件第三章采购需求第2.1条“招标控制价为人民币3,600,000.00元”，现修改为“招标控制价为人民币3,420,000.00元”",
                3_600_000.0,
                3_420_000.0,
            ),
            // One labelled value, English quotes, 变更为.
            (
                "原采购文件\"最高限价：人民币86.5万元\"，现变更为\"最高限价：人民币79.8万元\"",
                865_000.0,
                798_000.0,
            ),
            (
                "原文为：“预算金额：2,300,000.00元”更正为“预算金额：2,150,000.00元”",
                2_300_000.0,
                2_150_000.0,
            ),
            // The old item's first label is looked up in the new item, whatever their order.
            (
                "原公告中“最高限价：500万元，预算金额：520万元”，现更正为“预算金额：480万元，最高限价：460万元”",
                5_000_000.0,
                4_600_000.0,
            ),
        ] {
            let (f, t) =
                corrected_budget(&[line]).unwrap_or_else(|| panic!("no correction read in {line}"));
            assert_eq!((f.amount, t.amount), (from, to), "{line}");
        }
        // A quoted date after the original's name is no budget correction.
        assert!(
            corrected_budget(&[
                "原公告“投标截止时间：2026年5月6日9时”，现更正为“投标截止时间：2026年5月13日9时”"
            ])
            .is_none()
        );
    }

    #[test]
    fn one_line_corrections_in_other_wordings_and_labels() {
        for (line, from, to) in [
            (
                "1.预算金额：原为560.00万元，现更正为498.00万元。",
                5_600_000.0,
                4_980_000.0,
            ),
            (
                "最高限价原为人民币128万元，现调整为人民币115万元；",
                1_280_000.0,
                1_150_000.0,
            ),
            (
                "采购预算：原500,000.00元，更正后为450,000.00元",
                500_000.0,
                450_000.0,
            ),
            (
                "招标控制价原¥2,360,000.00元，变更为¥2,180,000.00元",
                2_360_000.0,
                2_180_000.0,
            ),
            (
                "项目预算金额由原来的86万元改为79万元。",
                860_000.0,
                790_000.0,
            ),
            (
                "预算金额：498万元（原预算560万元）",
                5_600_000.0,
                4_980_000.0,
            ),
            (
                "最高投标限价变更为312万元，原最高投标限价为330万元。",
                3_300_000.0,
                3_120_000.0,
            ),
            (
                "原公告中“预算金额：560万元”更正为“预算金额：498万元”。",
                5_600_000.0,
                4_980_000.0,
            ),
            ("将原预算金额560万元调整为498万元", 5_600_000.0, 4_980_000.0),
            (
                "预算金额：498万元（更正前：560万元）",
                5_600_000.0,
                4_980_000.0,
            ),
        ] {
            let (f, t) =
                corrected_budget(&[line]).unwrap_or_else(|| panic!("no correction read in {line}"));
            assert_eq!((f.amount, t.amount), (from, to), "{line}");
        }
        for (line, from, to) in [
            (
                "1. 采购预算金额：5,200,000.00元 更改为 4,860,000.00元；",
                5_200_000.0,
                4_860_000.0,
            ),
            (
                "采购预算：原为人民币伍佰贰拾万元（￥5,200,000.00），现调整为人民币肆佰玖拾捌万元（￥4,980,000.00）",
                5_200_000.0,
                4_980_000.0,
            ),
            (
                "最高限价：调整前人民币壹佰贰拾万元整，调整后人民币壹佰壹拾伍万元整。",
                1_200_000.0,
                1_150_000.0,
            ),
            (
                "预算金额（万元）：520.00，变更为486.00万元",
                5_200_000.0,
                4_860_000.0,
            ),
            (
                "项目预算由¥3,000,000.00（大写：人民币叁佰万元整）修改为¥2,800,000.00（大写：人民币贰佰捌拾万元整）",
                3_000_000.0,
                2_800_000.0,
            ),
            // The new value first, each figure in parentheses after its 大写 amount.
            (
                "预算金额调整为人民币肆佰陆拾捌万元整（¥4,680,000.00）（调整前预算金额为人民币伍佰贰拾万元整（¥5,200,000.00）），最高限价同步调整。",
                5_200_000.0,
                4_680_000.0,
            ),
            (
                "采购预算变更为（¥3,150,000.00元）（原采购预算：¥3,400,000.00元）",
                3_400_000.0,
                3_150_000.0,
            ),
            (
                "最高限价更正为人民币贰佰壹拾万元（¥2,100,000.00），变更前最高限价为人民币（¥2,350,000.00）",
                2_350_000.0,
                2_100_000.0,
            ),
        ] {
            let (f, t) =
                corrected_budget(&[line]).unwrap_or_else(|| panic!("no correction read in {line}"));
            assert_eq!((f.amount, t.amount), (from, to), "{line}");
        }
        // A changed deadline or a budget followed by another item is no correction.
        assert!(corrected_budget(&["开标时间：2025年12月5日 更改为 2025年12月12日"]).is_none());
        assert!(corrected_budget(&["预算金额：520万元，最高限价：调整为486万元"]).is_none());
        // Dates are corrected the same way; they are no budget.
        assert!(
            corrected_budget(&["开标时间：原为2025年11月24日09:30，现更正为2025年12月01日09:30。"])
                .is_none()
        );
        // Two clauses: the old budget and an unrelated later number are no correction.
        assert!(corrected_budget(&["预算金额：原为560万元。联系电话：现更正为010-1234"]).is_none());
        // The same value twice is no correction.
        assert!(corrected_budget(&["预算金额：原为100万元，现更正为100万元"]).is_none());
    }

    #[test]
    fn winners_named_before_their_win() {
        let lines = [
            "公示显示，江苏紫金云智算科技有限公司为本项目中标人，中标金额为2.36亿元（含税）。",
            "本项目最终由杭州钱塘智算科技有限公司以1.18亿元中标，另有4家企业参与投标。",
            "北京某某数据有限公司为第一中标候选人。",
            "紫金云智算以2.36亿元中标",
        ];
        assert_eq!(
            winners(&lines),
            vec!["江苏紫金云智算科技有限公司", "杭州钱塘智算科技有限公司"]
        );
        let award = news_amounts(&lines[1..2]).1.map(|m| m.amount);
        assert_eq!(award, Some(118_000_000.0));
    }

    #[test]
    fn a_budget_stated_in_a_sentence() {
        let lines = ["本项目最高限价为人民币玖拾陆万元整（¥960,000.00），超出者无效。"];
        assert_eq!(sentence_budget(&lines).map(|m| m.amount), Some(960_000.0));
        // Whose budget is unclear without a determiner. A 大写 amount alone is read since
        // round 44 of issue 10 (see `extract47_tests`).
        assert_eq!(sentence_budget(&["其他项目预算金额为100万元"]), None);
        assert_eq!(
            sentence_budget(&["本项目预算金额为人民币玖拾陆万元整"]).map(|m| m.amount),
            Some(960_000.0)
        );
        // A sentence of its own after another one ("…服务。采购预算为192万元（含…）").
        let lines = [
            "一、项目概况：采购两年的推理算力服务。采购预算为192万元（含两年服务费），超出者无效。",
        ];
        assert_eq!(sentence_budget(&lines).map(|m| m.amount), Some(1_920_000.0));
        // A colon label opening a sentence of running text, after a determiner of the purchase.
        let amount = |l: &str| sentence_budget(&[l]).map(|m| m.amount);
        assert_eq!(
            amount(
                "采购推理服务器4台及配套软件。本项目采购预算：人民币壹佰伍拾万元整（1,500,000.00元）。"
            ),
            Some(1_500_000.0)
        );
        assert_eq!(
            amount("建设问答平台；项目控制价：86万元，超出者无效。"),
            Some(860_000.0)
        );
        // Without a determiner, or a lot's label, it is not the purchase's.
        assert_eq!(amount("分两个标包。标包1最高限价：120万元。"), None);
        assert_eq!(amount("详见附件，其他项目最高限价：120万元"), None);
    }

    #[test]
    fn a_budget_amount_right_after_the_label_ends_its_clause() {
        let amount = |l: &str| sentence_budget(&[l]).map(|m| m.amount);
        assert_eq!(
            amount("本次采购最高限价人民币86.5万元，投标报价超出者无效。"),
            Some(865_000.0)
        );
        assert_eq!(
            amount("该项目预算金额¥1,200,000.00元（含税）。"),
            Some(1_200_000.0)
        );
        assert_eq!(amount("资金已落实，本次控制价450万元"), Some(4_500_000.0));
        // A bound, a condition or another item's amount is not this purchase's budget.
        assert_eq!(amount("本项目预算金额310万元以内的部分由财政承担。"), None);
        assert_eq!(amount("本项目预算金额300万元及以上的须公开招标。"), None);
        assert_eq!(amount("其中设备预算金额120万元，服务费另计。"), None);
        assert_eq!(amount("其他项目预算金额100万元。"), None);
        assert_eq!(amount("标包1为租赁服务，最高限价2.1亿元；"), None);
    }

    #[test]
    fn a_note_may_stand_between_the_sentence_label_and_its_verb() {
        // Round 43 of issue 10: "本项目采购控制价（含税）为650.00万元"; other notes and labels.
        let amount = |l: &str| sentence_budget(&[l]).map(|m| m.amount);
        assert_eq!(
            amount("本次采购最高限价（不含税）为人民币128万元。"),
            Some(1_280_000.0)
        );
        assert_eq!(amount("本项目预算金额(含税)是96万元"), Some(960_000.0));
        assert_eq!(
            amount("该项目采购控制价（不含税）为人民币300万元"),
            Some(3_000_000.0)
        );
        // A note with a figure is a lot or an item, and another item's amount stays none.
        assert_eq!(amount("本项目最高限价（包1）为120万元"), None);
        assert_eq!(amount("其中设备预算金额（含税）为120万元"), None);
    }

    #[test]
    fn a_total_budget_after_a_determiner_is_the_budget() {
        // Round 42 of issue 10: "本项目预算总金额196万元，分两个包…".
        let amount = |l: &str| sentence_budget(&[l]).map(|m| m.amount);
        assert_eq!(
            amount("本次采购预算总金额人民币350万元，分三个包。"),
            Some(3_500_000.0)
        );
        assert_eq!(
            amount("该项目预算总金额为1,200,000.00元"),
            Some(1_200_000.0)
        );
        // A bound on the total is no budget.
        assert_eq!(amount("本项目预算总金额300万元以上的须公开招标。"), None);
    }

    #[test]
    fn a_bare_budget_after_a_determiner_is_the_budget() {
        // Round 41 of issue 10: "本项目预算127.60万元，已落实…"; other determiners and amounts.
        for (line, want) in [
            ("本次采购预算80万元。", 800_000.0),
            ("该项目预算人民币1,250,000.00元（含税）", 1_250_000.0),
            ("资金已落实，预算为96万元。", 960_000.0),
        ] {
            assert_eq!(
                sentence_budget(&[line]).map(|m| m.amount),
                Some(want),
                "{line}"
            );
        }
        // A condition or an amount of another purchase is none.
        assert_eq!(
            sentence_budget(&["本项目预算500万元以内的部分由学校自筹"]),
            None
        );
        assert_eq!(sentence_budget(&["单位年度预算300万元"]), None);
    }

    #[test]
    fn a_budget_the_award_is_compared_with_is_the_budget() {
        // Round 40 of issue 10: "较2450万元的项目预算节省约63万元"; other wordings.
        let (budget, award) =
            news_amounts(&["甲公司以1.2亿元中标，比1.5亿元的采购预算节约3000万元。"]);
        assert_eq!(budget.map(|m| m.amount), Some(150_000_000.0));
        assert_eq!(award.map(|m| m.amount), Some(120_000_000.0));
        let (budget, _) = news_amounts(&["成交价480万元，较500万元的控制价下浮4%。"]);
        assert_eq!(budget.map(|m| m.amount), Some(5_000_000.0));
        // A comparison with anything but a budget is none.
        let (budget, _) = news_amounts(&["营收较2450万元的上年同期增长12%。"]);
        assert_eq!(budget, None);
    }

    #[test]
    fn a_budget_voided_or_deleted_then_restated_is_a_correction() {
        // Rounds 42/43 of issue 10: "…“X”作废，…以Y为准", "“预算金额：X”一句删除，另行明确为：预算金额：Y".
        for (lines, from, to) in [
            (
                vec!["二、更正内容：采购预算“500万元”作废，采购预算以人民币460万元为准。"],
                5_000_000.0,
                4_600_000.0,
            ),
            (
                vec!["最高限价：1,200,000.00元不再适用，本项目最高限价以1,080,000.00元为准"],
                1_200_000.0,
                1_080_000.0,
            ),
            // The new value only in 大写, old and new in different units.
            (
                vec!["原文件“采购预算：420万元”删除，现明确为“采购预算：肆佰零伍万元整”。"],
                4_200_000.0,
                4_050_000.0,
            ),
            // The restated item on the line after a colon.
            (
                vec![
                    "原公告中“最高限价：2,800,000.00元”整句删除，另行规定为：",
                    "最高限价（含税）：贰佰陆拾万元整",
                    "。其余不变。",
                ],
                2_800_000.0,
                2_600_000.0,
            ),
        ] {
            let (f, t) = corrected_budget(&lines)
                .unwrap_or_else(|| panic!("no correction read in {lines:?}"));
            assert_eq!((f.amount, t.amount), (from, to), "{lines:?}");
        }
        // Other items voided or restated, a deletion without a restated budget, and a budget
        // that stands are none.
        for lines in [
            vec!["预算金额360万元不变，原第3.2条作废，以本公告为准。"],
            vec!["删除采购需求第3.2条，另行明确为：供货期30天。"],
            vec!["原公告中“预算金额：420万元”整句删除。"],
            vec!["本项目预算金额以人民币360万元为准。"],
            vec![
                "预算金额：360万元，采购需求第3条删除，现明确为：",
                "供货期：45天",
            ],
        ] {
            assert!(corrected_budget(&lines).is_none(), "{lines:?}");
        }
    }

    #[test]
    fn a_quoted_item_deleted_and_replaced_is_a_correction() {
        // Round 40 of issue 10: "原公告“…”中“预算金额：…”整句删除，替换为“预算金额：…”".
        for (line, from, to) in [
            (
                "原公告“三、采购需求”中“采购预算：500万元”整段删除，替换为“采购预算：460万元”。",
                5_000_000.0,
                4_600_000.0,
            ),
            (
                "原“最高限价：人民币1,200,000.00元”予以删除，并替换为“最高限价：人民币1,080,000.00元”",
                1_200_000.0,
                1_080_000.0,
            ),
            (
                "1.原招标文件中“预算金额：420万元”删除，更正为“预算金额：400万元”",
                4_200_000.0,
                4_000_000.0,
            ),
            // 大写 amounts with their figures in brackets.
            (
                "原公告“一、项目概况”中“采购预算：伍佰万元整（¥5,000,000.00）”整句删除，替换为“采购预算：肆佰陆拾万元整（¥4,600,000.00）”",
                5_000_000.0,
                4_600_000.0,
            ),
        ] {
            let (f, t) =
                corrected_budget(&[line]).unwrap_or_else(|| panic!("no correction read in {line}"));
            assert_eq!((f.amount, t.amount), (from, to), "{line}");
        }
        // Deleted without a replacement, or a quoted place without a budget, is none.
        assert!(corrected_budget(&["原公告中“预算金额：420万元”整句删除。"]).is_none());
        assert!(
            corrected_budget(&[
                "原公告“二、项目基本情况”中“供货期：30天”整句删除，替换为“供货期：45天”"
            ])
            .is_none()
        );
    }

    #[test]
    fn a_struck_amount_after_a_budget_label_is_the_old_value() {
        // Round 41 of issue 10: "预算金额：<del>456.00万元</del> <ins>418.00万元</ins>", as the
        // walk keeps struck text; other labels, units and spacing.
        let o = crate::parse::html::STRUCK_OPEN;
        let c = crate::parse::html::STRUCK_CLOSE;
        for (line, from, to) in [
            (
                format!("1.预算金额：{o}456.00万元{c} 418.00万元"),
                4_560_000.0,
                4_180_000.0,
            ),
            (
                format!("最高限价（万元）：{o}300{c}280"),
                3_000_000.0,
                2_800_000.0,
            ),
            (
                format!("采购预算为{o}¥1,200,000.00元{c} ¥1,080,000.00元"),
                1_200_000.0,
                1_080_000.0,
            ),
        ] {
            let (f, t) = struck_budget(&[line.as_str()])
                .unwrap_or_else(|| panic!("no correction read in {line}"));
            assert_eq!((f.amount, t.amount), (from, to), "{line}");
        }
        // Struck text that is no budget, or a budget label far before it, gives none.
        assert!(
            struck_budget(&[format!("开标时间：{o}2026年6月9日{c} 2026年6月16日").as_str()])
                .is_none()
        );
        assert!(
            struck_budget(&[format!("预算金额不变，供货期：{o}30天{c} 45天").as_str()]).is_none()
        );
    }

    #[test]
    fn a_rank_phrase_never_opens_a_listed_name() {
        // Round 43 of issue 10 wrote "第一…为A，第二、第三中标候选人分别为B和C". Here other
        // wordings: 依次是, 成交候选人, 与; "第一拖拉机…" opens with no rank party and stays.
        let got = candidates(&[
            "第一成交候选人为甲科技有限公司，第二、第三成交候选人依次是乙数据有限公司与丙智能有限公司。",
        ]);
        assert_eq!(got, ["甲科技有限公司", "乙数据有限公司", "丙智能有限公司"]);
        let got = candidates(&[
            "第一名候选人为第一拖拉机股份有限公司，第二名、第三名候选人分别为乙数据有限公司、丙智能有限公司。",
        ]);
        assert_eq!(
            got,
            ["第一拖拉机股份有限公司", "乙数据有限公司", "丙智能有限公司"]
        );
        assert!(opens_with_rank("第三中标候选人分别为乙数据有限公司"));
        assert!(opens_with_rank("第二名乙数据有限公司"));
        assert!(!opens_with_rank("第一拖拉机股份有限公司"));
        assert_eq!(
            after_candidate_verb("第三中标候选人分别为乙数据有限公司"),
            "乙数据有限公司"
        );
        // A 候选人 with no verb after it leaves the part whole.
        assert_eq!(after_candidate_verb("候选人甲有限公司"), "候选人甲有限公司");
    }

    #[test]
    fn an_order_noun_may_stand_between_candidates_and_the_list() {
        // Round 42 of issue 10 wrote "中标候选人排序依次为A、B、C，三家拟中标份额分别为…". Here
        // other wordings: 排名依次是, 名单为.
        for line in [
            "经评审，成交候选人排名依次是甲科技有限公司、乙数据有限公司、丙智能有限公司，公示期三日。",
            "本项目中标候选人名单为甲科技有限公司、乙数据有限公司、丙智能有限公司。",
        ] {
            assert_eq!(
                candidates(&[line]),
                ["甲科技有限公司", "乙数据有限公司", "丙智能有限公司"],
                "{line}"
            );
        }
        // The order noun with a rank after it is no list ("候选人排名第一的是…" is read by rank).
        assert!(candidates(&["中标候选人排名第一的是技术得分最高的方案。"]).is_empty());
        // Without a verb after the noun nothing is listed.
        assert!(candidates(&["中标候选人排序甲科技有限公司、乙数据有限公司。"]).is_empty());
    }
}

#[cfg(test)]
mod role_statement_tests {
    use super::*;

    #[test]
    fn a_buyer_stated_under_its_role_is_read_in_any_paragraph() {
        for (line, name) in [
            // 招标方是 with a bracketed name part and an alias after it.
            (
                "本次的招标方是甲省能源（集团）有限责任公司（以下简称“甲能源”），项目于9月公开招标。",
                "甲省能源（集团）有限责任公司",
            ),
            // 作为…招标人， before the name, a description after it.
            (
                "作为项目招标人，乙省交通投资有限公司是省属国有企业，负责全省高速公路建设。",
                "乙省交通投资有限公司",
            ),
            // 作为…的 before the name, a verb after it.
            (
                "作为本次采购的采购人的丙市第一人民医院介绍，平台将于明年投用。",
                "丙市第一人民医院",
            ),
            // 采购方为 with a branch after the registered name.
            (
                "据了解，该项目采购方为中国联合网络通信有限公司丁省分公司，共有5家企业投标。",
                "中国联合网络通信有限公司丁省分公司",
            ),
        ] {
            assert_eq!(
                role_statement_buyer(&[line]).as_deref(),
                Some(name),
                "{line}"
            );
        }
    }

    #[test]
    fn a_registered_name_with_a_bracketed_part_is_read_whole_before_its_alias() {
        let lines = [
            "此次的招标方是甲省能源（集团）有限责任公司（以下简称“甲能源”）。",
            "乙（中国）投资有限公司（下称“乙投资”）近日公示了采购结果。",
            "丙市人民医院（采购人）委托丁项目管理有限公司（以下简称“丁项目”）进行招标。",
        ];
        assert_eq!(
            aliased_name("甲能源", &lines).as_deref(),
            Some("甲省能源（集团）有限责任公司")
        );
        assert_eq!(
            aliased_name("乙投资", &lines).as_deref(),
            Some("乙（中国）投资有限公司")
        );
        // A role tag in brackets before the name is no part of it.
        assert_eq!(
            after_role_tag("丙市人民医院（采购人）委托丁项目管理有限公司"),
            "委托丁项目管理有限公司"
        );
        assert_eq!(
            after_role_tag("甲省能源（集团）有限责任公司"),
            "甲省能源（集团）有限责任公司"
        );
    }

    #[test]
    fn other_roles_kinds_and_clauses_state_no_buyer() {
        for line in [
            // A winner's or bidder's role, an agency's role.
            "作为中标人，戊科技有限公司将在8个月内完成建设。",
            "作为投标人，己数据有限公司报价最低。",
            "招标代理机构为庚招标有限公司，",
            // A kind of organisation, not a name; a clause, not a name.
            "招标方是一家央企，",
            "采购人是指依法进行政府采购的国家机关、事业单位和团体组织。",
            "采购人为确保项目进度，要求中标人于30日内进场。",
        ] {
            assert_eq!(role_statement_buyer(&[line]), None, "{line}");
        }
    }
}

#[cfg(test)]
mod extract47_tests {
    use super::*;

    #[test]
    fn a_budget_sentence_may_state_its_amount_only_in_daxie() {
        // Round 44 of issue 10: "…，最高投标限价为人民币…万元整。" in the opening paragraph, with no
        // figure. Other labels, determiners and amounts here.
        let amount = |l: &str| sentence_budget(&[l]).map(|m| m.amount);
        assert_eq!(
            amount(
                "招标人为某市数据局，招标代理机构为某招标有限公司，最高投标限价为人民币叁佰壹拾万元整。"
            ),
            Some(3_100_000.0)
        );
        assert_eq!(
            amount("本次采购控制价为人民币捌拾陆万伍仟元整，超出者无效。"),
            Some(865_000.0)
        );
        assert_eq!(
            amount("资金已落实，采购预算为壹佰零伍万元（含税）。"),
            Some(1_050_000.0)
        );
        // A 大写 word that goes on, names no 元, or stands without a determiner is none.
        assert_eq!(amount("本项目最高限价为人民币壹佰万元整以内的部分"), None);
        assert_eq!(amount("本项目预算金额为叁拾天内支付"), None);
        assert_eq!(amount("其他项目预算金额为人民币玖拾万元整"), None);
        assert_eq!(amount("标包1为租赁服务，最高限价壹佰万元整；"), None);
    }

    #[test]
    fn a_quoted_old_budget_replaced_by_an_amount_applied_in_its_place() {
        // Round 45 of issue 10: "原公告…所列“预算金额：…；最高限价：…”，经…后，两项金额均改按人民币
        // …（…元）执行，原列数额不再适用". Other names, verbs and amounts here.
        let pair = |l: &str| corrected_budget(&[l]).map(|(a, b)| (a.amount, b.amount));
        assert_eq!(
            pair(
                "（一）原招标文件第二章所列“最高限价：150.00万元”，经复核后，现改按人民币壹佰肆拾伍万元（1,450,000.00元）执行，原列数额不再适用。"
            ),
            Some((1_500_000.0, 1_450_000.0))
        );
        assert_eq!(
            pair("原公告中“采购预算为500万元”，调整后统一以480万元为准。"),
            Some((5_000_000.0, 4_800_000.0))
        );
        assert_eq!(
            pair("原公告“预算金额（万元）：260”，经财政评审，现按照人民币2,400,000.00元执行。"),
            Some((2_600_000.0, 2_400_000.0))
        );
        // A count or a date applied in place of another item is no budget.
        assert_eq!(pair("GPU服务器数量原为10台，现改按8台执行；"), None);
        assert_eq!(
            pair("原公告“服务期限：一年”，现改按两年执行，预算金额不变。"),
            None
        );
        assert_eq!(
            pair("原公告“开标时间：2026年7月9日”，现改按2026年7月16日执行，预算金额不变。"),
            None
        );
        // The same amount applied again is no correction.
        assert_eq!(pair("原公告“预算金额：300万元”，现仍按300万元执行。"), None);
    }
}

/// Ranks stated by score order or after the ranked party (extract49).
#[cfg(test)]
mod score_rank_tests {
    use super::*;

    #[test]
    fn the_party_may_stand_between_the_rank_and_its_name() {
        let page = [
            "中标候选人公示",
            "根据公示，排名第一中标候选人的是甲云计算有限公司，投标报价1.2亿元；乙数据有限公司和丙信息技术有限公司分列第二、三位。",
        ];
        assert_eq!(
            candidates(&page),
            ["甲云计算有限公司", "乙数据有限公司", "丙信息技术有限公司"]
        );
        let page = [
            "成交候选人公示",
            "经评审，名列第一成交候选人的为甲云计算有限公司，报价980万元。",
        ];
        assert_eq!(candidates(&page), ["甲云计算有限公司"]);
        // As before: the rank straight before 的是.
        let page = [
            "中标候选人公示",
            "评审结果显示，排名第一的是甲云计算有限公司，投标报价最低。",
        ];
        assert_eq!(candidates(&page), ["甲云计算有限公司"]);
    }

    #[test]
    fn the_top_scorer_and_those_following_it_are_ranked_in_order() {
        let page = [
            "中标候选人公示",
            "评审结果显示，综合得分最高的是甲云计算有限公司，得分95.1分；乙数据有限公司和丙信息技术有限公司分别以90.2分、88.3分位居其后。",
        ];
        assert_eq!(
            candidates(&page),
            ["甲云计算有限公司", "乙数据有限公司", "丙信息技术有限公司"]
        );
        // "评分最高的为A…；B紧随其后".
        let page = [
            "中标候选人公示",
            "经评审，乙数据有限公司紧随其后，报价最低；评分最高的为甲云计算有限公司。",
        ];
        // The follower comes before the top scorer in its sentence: no rank is stated before it.
        assert_eq!(candidates(&page), ["甲云计算有限公司"]);
        let page = [
            "中标候选人公示",
            "评分最高的为甲云计算有限公司，投标报价980万元；乙数据有限公司紧随其后。",
        ];
        assert_eq!(candidates(&page), ["甲云计算有限公司", "乙数据有限公司"]);
        // After a numeral rank: "A排名第一；B和C紧随其后".
        let page = [
            "中标候选人公示",
            "评标结果显示，甲云计算有限公司以980万元的报价排名第一，乙数据有限公司、丙信息技术有限公司紧随其后。",
        ];
        assert_eq!(
            candidates(&page),
            ["甲云计算有限公司", "乙数据有限公司", "丙信息技术有限公司"]
        );
    }

    #[test]
    fn following_words_rank_no_one_outside_a_sentence_about_bids() {
        // An industry ranking, and a follower with no rank stated before it.
        let page = [
            "中标候选人公示",
            "在全国智算企业榜单中，甲科技有限公司排名第一，乙数据有限公司紧随其后。",
            "乙数据有限公司的投标报价位居其后。",
        ];
        assert!(score_ranked(&page).is_empty());
        // "推荐得分最高的两家投标人为中标候选人" names no one.
        assert!(score_ranked(&["推荐得分最高的两家投标人为中标候选人。"]).is_empty());
    }
}

/// extract53: corrections that say the quoted item before them is changed ("此处内容调整").
#[cfg(test)]
mod extract53_tests {
    use super::*;

    fn amounts(lines: &[&str]) -> Option<(f64, f64)> {
        corrected_budget(lines).map(|(f, t)| (f.amount, t.amount))
    }

    #[test]
    fn a_quoted_item_changed_here_gives_the_new_budget() {
        for (line, want) in [
            (
                "1. 招标公告中“预算金额：300.00万元；最高限价：300.00万元”，此处内容调整，调整后内容为“预算金额：285.00万元；最高限价：285.00万元”。",
                (3_000_000.0, 2_850_000.0),
            ),
            (
                "二、“采购预算：1,200,000.00元”，该处内容更正，更正后为“采购预算：1,350,000.00元”。",
                (1_200_000.0, 1_350_000.0),
            ),
            (
                "招标文件第一章“最高限价为150万元”，此项内容修改，修改后的内容为“最高限价为145万元”",
                (1_500_000.0, 1_450_000.0),
            ),
        ] {
            assert_eq!(amounts(&[line]), Some(want), "{line}");
        }
        // No budget in the quotes, no quote after the verb, or no lead: nothing read here.
        for line in [
            "“接入监测点位不少于800个”，此处内容调整，调整后内容为“接入监测点位不少于900个”。",
            "开标时间：原为2026年03月01日09时00分，此处内容调整，调整后内容为2026年03月08日09时00分。",
            "“预算金额：300.00万元”，此处内容不变。",
        ] {
            assert_eq!(amounts(&[line]), None, "{line}");
        }
    }
}

#[cfg(test)]
mod alias_connective_tests {
    use super::*;

    #[test]
    fn a_connective_before_an_aliased_name_is_no_part_of_it() {
        for (line, short) in [
            (
                "公司近日与甲乙数据科技有限公司（以下简称“甲乙数据”）签订了算力服务合同。",
                "甲乙数据",
            ),
            (
                "本院将和甲乙数据科技有限公司（下称“甲乙数据”）签署合作协议。",
                "甲乙数据",
            ),
            (
                "项目由甲乙数据科技有限公司（以下简称“甲乙数据”）承建。",
                "甲乙数据",
            ),
        ] {
            assert_eq!(
                aliased_name(short, &[line]).as_deref(),
                Some("甲乙数据科技有限公司"),
                "{line}"
            );
        }
        // A name that opens with the same character as its short name keeps it.
        assert_eq!(
            aliased_name(
                "同方数据",
                &["同方数据科技有限公司（以下简称“同方数据”）中标。"]
            )
            .as_deref(),
            Some("同方数据科技有限公司")
        );
        // A name with no connective is unchanged.
        assert_eq!(
            aliased_name(
                "丙丁科技",
                &["丙丁科技有限公司（以下简称“丙丁科技”）发布公告。"]
            )
            .as_deref(),
            Some("丙丁科技有限公司")
        );
    }
}

/// extract56: a deleted clause's number is no old budget; a bracketed reason after a replaced quote.
#[cfg(test)]
mod extract56_correction_tests {
    use super::*;

    fn corrected(line: &str) -> Option<(f64, f64)> {
        corrected_budget(&[line]).map(|(a, b)| (a.amount, b.amount))
    }

    #[test]
    fn a_deleted_clause_number_is_no_old_budget() {
        assert_eq!(
            corrected("更正内容：预算金额原第3条删除，现调整为120万元。"),
            None
        );
        assert_eq!(
            corrected("最高限价原第5款删除，现修改为：最高限价180万元。"),
            None
        );
        assert_eq!(corrected("预算金额：120万元，原第2项作废。"), None);
        // Real old amounts still read.
        assert_eq!(
            corrected("预算金额：原为200万元，现更正为180万元。"),
            Some((2_000_000.0, 1_800_000.0))
        );
        assert_eq!(
            corrected("预算金额由3,000,000.00元调整为2,800,000.00元"),
            Some((3_000_000.0, 2_800_000.0))
        );
    }

    #[test]
    fn a_bracketed_reason_after_the_quoted_old_item() {
        assert_eq!(
            corrected(
                "招标公告中“预算金额：220万元”（因需求调整），此处内容调整，调整后内容为“预算金额：236万元”。"
            ),
            Some((2_200_000.0, 2_360_000.0))
        );
        assert_eq!(
            corrected("“采购预算：300万元”(笔误)，该处内容更正，更正后为“采购预算：280万元”"),
            Some((3_000_000.0, 2_800_000.0))
        );
        // Without the reason, as before.
        assert_eq!(
            corrected("“采购预算：300万元”，该处内容更正，更正后为“采购预算：280万元”"),
            Some((3_000_000.0, 2_800_000.0))
        );
    }
}

/// extract76: a clause's time words, adverbs and preposition before an aliased name.
#[cfg(test)]
mod extract76_clause_lead_tests {
    use super::*;

    #[test]
    fn a_time_and_place_run_before_an_aliased_name_is_no_part_of_it() {
        for (line, short, want) in [
            (
                "这样的服务，今年起将在甲乙市中心医院（以下简称“市中心医院”）全面推开。",
                "市中心医院",
                "甲乙市中心医院",
            ),
            (
                "记者获悉，该平台近日已由丙丁数据科技有限公司（下称“丙丁数据”）建成上线。",
                "丙丁数据",
                "丙丁数据科技有限公司",
            ),
            (
                "据悉，目前已于戊己大学附属医院（以下简称“附属医院”）完成部署的设备共10台。",
                "附属医院",
                "戊己大学附属医院",
            ),
        ] {
            assert_eq!(
                aliased_name(short, &[line]).as_deref(),
                Some(want),
                "{line}"
            );
        }
    }

    #[test]
    fn a_name_opening_with_a_lead_character_keeps_it() {
        // One preposition or adverb character alone may open a name (于都县…, 将乐县…, 正泰…).
        assert_eq!(without_clause_lead("于都县人民医院"), "于都县人民医院");
        assert_eq!(without_clause_lead("将乐县总医院"), "将乐县总医院");
        assert_eq!(without_clause_lead("正泰数据有限公司"), "正泰数据有限公司");
        // An adverb needs a time word or preposition after it to be cut.
        assert_eq!(
            without_clause_lead("近日正泰数据有限公司"),
            "正泰数据有限公司"
        );
        // What is left must still look like a name.
        assert_eq!(without_clause_lead("明年起将在本院"), "明年起将在本院");
        // A plain name is unchanged.
        assert_eq!(
            aliased_name(
                "丙丁科技",
                &["丙丁科技有限公司（以下简称“丙丁科技”）发布公告。"]
            )
            .as_deref(),
            Some("丙丁科技有限公司")
        );
    }
}
