//! Notice fields from HTML or plain text.
//!
//! One DOM pass ([`html::walk`]) gives the visible text, the tables and a few page anchors; the
//! fields then come from, in order of trust: page anchors (meta tags, ccgp ids, template `code-*`
//! classes), labelled values ([`labels::scan`] over one label table), result tables with a header
//! row, and finally prose sentences ("X受Y的委托…").
pub mod announce;
pub mod boiler;
pub mod date;
pub mod depth;
pub mod html;
pub mod labels;
pub mod layout;
pub mod money;
pub mod packages;
pub mod prose;
pub mod stream;
pub mod title;

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Money, Notice, NoticeType};
use labels::{
    AMOUNT_HEADERS, CANDIDATE_HEADERS, Field, Labelled, WINNER_HEADERS, header_key, is_han,
};
use money::{Unit, parse_money};

/// Tags that mark a document as HTML rather than a plain-text notice.
static HAS_MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)<(?:!doctype|html|head|body|div|p|table|meta|span|br|td|tr|title|h[1-6])\b")
        .expect("valid markup regex")
});

/// "[代理]受[采购人]（的）委托" — agency and buyer named only in prose.
static PROSE_ENTRUSTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s。；;，,：:])([^\s，,。：:；;（(）)]{2,40}?)受([^\s，,。：:；;]{2,40}?)(?:的)?委托").expect("valid prose regex")
});

/// "受[采购人]（的）委托，[代理]（以下简称…）对…" — the entrusting buyer opening a clause, the
/// agency (if any) after it; a role in brackets after the buyer ("受X（招标人）委托") is no part of
/// its name. Group 1 is the buyer, group 2 the agency.
static PROSE_ENTRUSTED_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?:^|[\s。；;，,：:])受([^\s，,。：:；;]{{2,40}}?)(?:[（(](?:{})[）)])?(?:的)?委托[，,]?\s*(?:([^\s，,。：:；;（(）)“”]{{2,40}}?(?:公司|中心|事务所|研究院))[（(，,对就拟现将在])?", layout::alternation(layout::words("entrusting_role"))))
        .expect("valid prose regex")
});

/// "招标人为X" (Epoint 招标条件 paragraph).
static PROSE_TENDERER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:招标人|采购人)为([^\s，,。；;（(]{2,40})").expect("valid prose regex")
});

/// "招标代理机构为X" / "采购代理机构是X" — the agency named in the 招标条件 sentence.
static PROSE_AGENCY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{})(?:为|是)([^\s，,。；;（(]{{2,40}})",
        layout::alternation(layout::words("agency_role"))
    ))
    .expect("valid prose regex")
});

/// "X于2011年09月20日 在…平台发布的采购…" — the buyer opening a result notice.
static PROSE_PUBLISHER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(\S{{2,40}}?(?:{}))于\s*\d{{4}}\s*年",
        layout::alternation(layout::words("publisher_end"))
    ))
    .expect("valid prose regex")
});

/// A line that is only a project number in parentheses (Epoint `（E6500003901002205002）`).
static ID_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[（(]\s*([A-Z]{0,8}[\-_]?[0-9][0-9A-Z\-_]{6,})\s*[）)]$")
        .expect("valid id-line regex")
});

/// A signature line: an optional issuer, then only a date.
static SIGNATURE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\S{2,40}\s+)?((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)$")
        .expect("valid signature regex")
});

/// Title / breadcrumb / body keywords → notice type (`notice_*` groups of `layout.csv`),
/// checked in this order (the first that appears wins, so 更正 beats 中标 in "中标结果更正公告").
static NOTICE_KEYWORDS: LazyLock<Vec<(&str, NoticeType)>> = LazyLock::new(|| {
    [
        (layout::words("notice_correction"), NoticeType::Correction),
        (layout::words("notice_termination"), NoticeType::Termination),
        (layout::words("notice_intent"), NoticeType::Intent),
        (
            layout::words("notice_single_source"),
            NoticeType::SingleSource,
        ),
        // Notices after the award (合同公告, 验收结果公告) come after the kinds that override a
        // result (更正, 终止 …) and before 候选人 / 中标 / 结果, which their titles also hold.
        (layout::words("notice_contract"), NoticeType::Award),
        (layout::words("notice_performance"), NoticeType::Other),
        // 中标候选人公示 / 成交候选人公示 / 评标结果公示 name candidates, not winners.
        (layout::words("notice_candidates"), NoticeType::Candidates),
        (layout::words("notice_award"), NoticeType::Award),
        (layout::words("notice_tender"), NoticeType::Tender),
    ]
    .into_iter()
    .flat_map(|(words, t)| words.iter().map(move |w| (*w, t)))
    .collect()
});

/// Parse a decoded document (HTML, or plain text when it has no markup) into notice fields.
pub fn parse(doc: &str) -> Notice {
    let walked = if HAS_MARKUP.is_match(doc) {
        html::walk(&depth::limit_nesting(doc))
    } else {
        let text = doc
            .lines()
            .map(html::squash)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        html::Walked {
            text,
            ..html::Walked::default()
        }
    };
    build(walked)
}

/// Turn one walked page into a notice.
fn build(mut w: html::Walked) -> Notice {
    // Cells are read whole, their `<br>`s dropped as the text has always run; the winner
    // column alone is read line by line ([`table_winners`]).
    let lined = w
        .tables
        .iter()
        .flatten()
        .flatten()
        .any(|c| c.contains(html::CELL_LINE))
        .then(|| {
            let whole = w
                .tables
                .iter()
                .map(|t| {
                    t.iter()
                        .map(|r| r.iter().map(|c| c.replace(html::CELL_LINE, "")).collect())
                        .collect()
                })
                .collect();
            std::mem::replace(&mut w.tables, whole)
        });
    let mut labelled = labels::scan(&w.text);
    labelled.extend(labels::header_pairs(&w.tables));
    labelled.extend(labels::correction_rows(&w.tables, &w.table_leads));
    // An amount given both without and with tax (中标价（不含税）：… 中标价（含税）：…): the taxed
    // one is what is paid, so the untaxed labels of that field drop out; a lone 不含税 stays.
    let taxed_twice: Vec<Field> = [Field::Budget, Field::Award, Field::AwardTotal]
        .into_iter()
        .filter(|f| {
            let mut of = labelled.iter().filter(|l| l.field == *f);
            of.clone().any(|l| l.excl_tax) && of.any(|l| !l.excl_tax)
        })
        .collect();
    let first = |field: Field| {
        let drop_untaxed = taxed_twice.contains(&field);
        labelled
            .iter()
            .filter(move |l| l.field == field && !(drop_untaxed && l.excl_tax))
    };
    let lines: Vec<&str> = w
        .text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut notes: Vec<String> = Vec::new();

    let clean_tag = w.title_tag.as_deref().and_then(title::clean_title_tag);
    // A `<title>` that is a body's name and also the page's `<h1>` is the site's banner
    // ("盐城市生态环境局" in both): as a heading it names no notice, and the line naming the
    // notice beats it as a `<title>` (a news headline in both stays).
    let banner =
        |tag: &str| w.h1.as_deref().map(str::trim) == Some(tag) && title::is_body_name(tag);
    let heading = title::notice_heading(&w.headings, clean_tag.as_deref())
        .or_else(|| title::notice_heading(&w.headings, w.title_tag.as_deref()))
        .filter(|h| !(clean_tag.as_deref() == Some(*h) && banner(h)))
        .map(str::to_string);
    // A heading without markup to know it by: an early line naming a notice.
    let notice_line = lines
        .iter()
        .enumerate()
        .take(15)
        .filter(|(i, _)| !is_stage_tab(&lines, *i))
        .map(|(_, l)| l)
        .find(|l| {
            (8..=80).contains(&l.chars().count())
                // Breadcrumbs ("首页 > 政府采购 > 招标公告") end in a channel name.
                && !l.contains(['：', ':', '|', '>', '＞', '›', '»'])
                && !is_menu_line(l)
                && ["公告", "公示"].iter().any(|w| l.ends_with(w))
        })
        .map(|l| l.to_string());
    // A `<title>` that is only the site's name, which that line goes on from
    // ("应急管理部信息研究院" over "应急管理部信息研究院…项目中标候选人公示"), or a shortened
    // version of the line, gives way to the line.
    let (line_first, line_last) = match (&clean_tag, notice_line) {
        (Some(tag), Some(line))
            if (line.len() > tag.len()
                && (line.starts_with(tag.as_str()) || title::abridges(tag, &line)))
                || banner(tag) =>
        {
            (Some(line), None)
        }
        (_, line) => (None, line),
    };
    // Bold centred text (an old table layout's heading) names the notice when it is, holds or
    // fills out the `<title>`; without a `<title>` naming the notice, when it has a notice word.
    let bold_heading = match clean_tag.as_deref() {
        Some(tag) => w
            .centred_bold
            .iter()
            .find(|b| b.chars().count() <= 150 && (b.contains(tag) || title::abridges(tag, b))),
        None => None,
    }
    .cloned();
    let bold_fallback = clean_tag
        .is_none()
        .then(|| title::notice_heading(&w.centred_bold, None))
        .flatten()
        .map(str::to_string);
    // The publisher's share title (`og:title`) that a heading repeats is the article's headline,
    // whatever `<title>` holds (an outlet's name only, which no site word marks).
    let og_heading = w.og_title.as_deref().map(html::squash).filter(|og| {
        w.h1.iter()
            .chain(w.headings.iter())
            .any(|h| html::squash(h) == *og)
    });
    let title = [w.article_title.as_deref(), w.heading.as_deref()]
        .into_iter()
        .flatten()
        .map(str::to_string)
        // The heading that names the notice beats `<title>`, which often carries the site name.
        .chain(heading)
        .chain(bold_heading)
        .chain(line_first)
        .chain(og_heading)
        .chain(clean_tag)
        .chain(bold_fallback)
        .chain(w.h1.clone())
        .chain(line_last)
        .chain(first(Field::Title).map(|l| l.value.clone()))
        .chain(w.code_project_name.clone())
        .chain(
            lines
                .first()
                .filter(|_| w.title_tag.is_none())
                .map(|l| l.to_string()),
        )
        .map(|t| {
            html::squash(&t)
                .trim_matches(|c: char| c == '|' || c.is_whitespace())
                .to_string()
        })
        // A block of page furniture ("本版标题" over an e-paper page's headlines) is no title.
        .find(|t| (2..=150).contains(&t.chars().count()) && !boiler::is_furniture_line(t));

    let hidden = |l: &str| w.hidden.iter().any(|h| h.contains(l));
    // Page furniture (sidebars, lists of links, footers): a date there dates another page.
    // Furniture that takes every sentence is the article's own container: the page stays whole.
    let furniture = boiler::furniture_lines(&w.text, &lines, &w.furniture);
    let sentence = |l: &&str| l.contains('。');
    let whole = lines.iter().any(sentence)
        && !lines
            .iter()
            .zip(&furniture)
            .any(|(l, f)| !*f && sentence(l));
    let dating: Vec<&str> = lines
        .iter()
        .zip(&furniture)
        .filter(|(l, f)| (whole || !**f) && !hidden(l))
        .map(|(l, _)| *l)
        .collect();
    let published = w
        .pub_date
        .as_deref()
        .and_then(date::parse_date)
        .or_else(|| w.pub_time.as_deref().and_then(date::parse_date))
        .or_else(|| first(Field::Published).find_map(|l| date::parse_date(&l.value)))
        // The article's info line ("日期：2026-11-04　来源：…", "2026年09月03日 10:12 来源：")
        // is its publication line: it beats a lone date in the header (a site clock) and a
        // date in the body (a 磋商 or 开标 date), which the next step would take first.
        .or_else(|| {
            let head: Vec<&str> = dating.iter().take(60).copied().collect();
            head.iter().enumerate().find_map(|(i, l)| {
                // A date split over adjacent elements ("2026" · "07/30" · "10:21:35") reads
                // as one dated line, and the line after it is the one after its last part.
                let split = date::split_date(&head[i..]);
                let (l, next) = match &split {
                    Some((d, n)) => (d.as_str(), i + n),
                    None => (*l, i + 1),
                };
                date::info_line_date(l, is_publication_label).or_else(|| {
                    // An info line laid out one field per line ("日期：…" over "来源：…"): the
                    // end of a dated line read with the line after it, its start with the line
                    // before it.
                    date::parse_date(l)?;
                    let short = |j: usize| head.get(j).filter(|n| n.chars().count() <= 80);
                    let after = short(next).map(|n| format!("{} {n}", date::tail_chars(l, 40)));
                    let before = i
                        .checked_sub(1)
                        .and_then(short)
                        .map(|p| format!("{p} {}", date::head_chars(l, 40)));
                    [after, before]
                        .into_iter()
                        .flatten()
                        .find_map(|j| date::info_line_date(&j, is_publication_label))
                })
            })
        })
        // A short header line ("news.site.cn 2017-10-25 来源") dates a mirror copy better than
        // the signature of the notice it copies. Deadlines (开标时间, 截止时间) never date it.
        .or_else(|| {
            dating
                .iter()
                .take(40)
                .filter(|l| {
                    l.chars().count() <= 80
                        && !is_deadline(l)
                        // The site's clock in its header is the day of viewing.
                        && !date::is_site_clock(l)
                })
                .find_map(|l| date::parse_date(l))
        })
        .or_else(|| {
            lines.iter().rev().find_map(|l| {
                SIGNATURE_DATE
                    .captures(l)
                    .and_then(|c| date::parse_date(&c[1]))
            })
        })
        .or_else(|| w.hidden_date.as_deref().and_then(date::parse_date))
        .or_else(|| {
            lines
                .iter()
                .take(40)
                .filter(|l| !is_deadline(l) && !hidden(l))
                .find_map(|l| date::parse_date(l))
        });

    let title_ids = title.as_deref().map(labels::scan).unwrap_or_default();
    let project_id = w
        .code_project_id
        .as_deref()
        .and_then(clean_id)
        .or_else(|| first(Field::ProjectId).find_map(|l| clean_id(&l.value)))
        .or_else(|| {
            title_ids
                .iter()
                .filter(|l| l.field == Field::ProjectId)
                .find_map(|l| clean_id(&l.value))
        })
        // On a correction the original notice's project number is the project's number; it
        // beats the correction's own 公告编号.
        .or_else(|| first(Field::ProjectIdOriginal).find_map(|l| clean_id(&l.value)))
        // A summary box's 公告编号 stands for the project when nothing else numbers it.
        .or_else(|| first(Field::NoticeNumber).find_map(|l| clean_id(&l.value)))
        .or_else(|| {
            lines
                .iter()
                .find_map(|l| ID_LINE.captures(l).map(|c| c[1].to_string()))
        });

    // Page furniture (sidebars, related-article and link lists, footers) never names a news
    // page's parties; the article is the rest.
    let mut article: Vec<&str> = lines
        .iter()
        .zip(&furniture)
        .filter(|(_, f)| !**f)
        .map(|(l, _)| *l)
        .collect();
    // Furniture that took every sentence was the article's own container (a content column
    // with a sidebar-like class): keep the page whole then.
    if whole {
        article = lines.clone();
    }
    let prose = prose_parties(&lines);
    let labelled_buyer = first(Field::Buyer).find_map(|l| clean_org(&l.value));
    let labelled_agency = first(Field::Agency)
        .find_map(|l| clean_org(&l.value))
        .or_else(|| agency_if_named(&labelled, labelled_buyer.as_deref()));
    let mut buyer = labelled_buyer
        .clone()
        .or(prose.buyer)
        // A listed company's announcement: the sender of the 中标通知书.
        .or_else(|| prose::letter_sender(&lines));
    let agency = labelled_agency.clone().or(prose.agency);

    // Corrections: the corrected budget, never the original one.
    let money_of = |l: &Labelled| parse_money(&l.value, l.unit);
    let original = first(Field::BudgetOriginal).find_map(money_of);
    let mut budget = first(Field::BudgetCorrected)
        .find_map(money_of)
        .or_else(|| match &original {
            Some(o) => first(Field::Budget)
                .filter_map(money_of)
                .find(|m| m != o)
                .or_else(|| first(Field::Budget).find_map(money_of)),
            None => first(Field::Budget).find_map(money_of),
        });
    // Only when nothing labels it: "本项目最高限价为…" in a sentence.
    // A budget from a label (not from a sentence, which news articles write too).
    let labelled_budget = budget.is_some();
    if budget.is_none() {
        budget = prose::sentence_budget(&lines);
    } else if original.is_none()
        && let Some(lots) = intent_total(&w.tables)
        && let Some(total) = prose::sentence_budget(&lines)
        && same_amount(&lots, &total)
    {
        // Lots in a budget column (each its own cap) under a total stated in a sentence that
        // they add up to ("本项目预算总金额196万元，分两个包"): the purchase's budget is the total.
        budget = Some(total);
    }
    // Budgets stated package by package (包1 / 标段一 / 采购包1 …, as lines or a lot table) with no
    // total: the first label read is package 1's, and the purchase's budget is their sum.
    // A stated total beats the lots, whatever they add up to: the lots are summed only without one.
    if labelled_budget
        && original.is_none()
        && let Some(b) = budget.clone()
    {
        if packages::names_own_lot(&lines) {
            // The notice covers one lot of a larger project ("本项目总预算500万元，分三个包，本次
            // 招标为第2包"): that lot's budget, when it is the one smaller budget stated, is the
            // notice's, not the project's total; several lot budgets leave the total. Nor is
            // its own budget summed with its siblings'.
            if let Some(total) = packages::stated_total(&lines)
                && total == b
            {
                let mut lots = first(Field::Budget)
                    .filter_map(money_of)
                    .filter(|m| m.currency == total.currency && m.amount < total.amount);
                if let Some(lot) = lots.next()
                    && lots.all(|m| m == lot)
                {
                    budget = Some(lot);
                }
            }
        } else if let Some(total) = packages::stated_total(&lines)
            .filter(|t| t.currency == b.currency && t.amount > b.amount)
        {
            budget = Some(total);
        } else if let Some((first, total)) = packages::package_budgets(&lines)
            && first == b
        {
            budget = Some(total);
        } else if prose::sentence_budget(&lines).is_none()
            && let Some(total) = packages::lot_column_total(&w.tables, &b)
        {
            budget = Some(total);
        }
    }
    let mut budget_from = original;
    // Struck text is left out of the lines; its lines with it read the old value struck out.
    let struck_lines: Vec<&str> = w
        .struck_text
        .as_deref()
        .map(|t| {
            t.lines()
                .filter(|l| l.contains(html::STRUCK_OPEN))
                .map(str::trim)
                .collect()
        })
        .unwrap_or_default();
    if let Some((from, to)) =
        prose::struck_budget(&struck_lines).or_else(|| prose::corrected_budget(&lines))
    {
        budget_from = Some(from);
        budget = Some(to);
    } else if let Some(to) = prose::clause_replaced_budget(&lines) {
        // A budget clause deleted by its number and restated: the restated value stands.
        budget = Some(to);
    }
    if let (Some(from), Some(to)) = (&budget_from, &budget)
        && from != to
    {
        notes.push(format!(
            "budget corrected from {} to {}",
            money_text(from),
            money_text(to)
        ));
    }

    let mut found = table_winners(&w.tables, lined.as_deref());
    {
        // Ranked rows past the number of candidates the page states are bidders, not candidates.
        let mut named: Vec<String> = first(Field::Candidate)
            .map(|l| l.value.as_str())
            .flat_map(value_names)
            .collect();
        named.extend(prose::candidates(&lines));
        dedup_names(&mut named);
        if let Some(cap) = candidate_cap(&lines, &named, &found) {
            found.cut_candidates(cap);
        }
    }
    let scored = std::mem::take(&mut found.scored);
    let priced = std::mem::take(&mut found.priced);
    // Ranks restart with each package: a bidder first in any package won it, whatever its rank
    // in another.
    let first_ranked: std::collections::HashSet<String> = std::mem::take(&mut found.first_ranked)
        .into_iter()
        .collect();
    let outranked: std::collections::HashSet<String> = std::mem::take(&mut found.outranked)
        .into_iter()
        .filter(|n| !first_ranked.contains(n))
        .collect();
    let mut suppliers: Vec<String> = Vec::new();
    let named = w
        .code_suppliers
        .iter()
        .map(String::as_str)
        .chain(first(Field::Supplier).map(|l| l.value.as_str()))
        .flat_map(split_orgs)
        .chain(found.winners);
    suppliers.extend(named);
    // Unmarked quotes name the winners only when no label does (成交供应商：X names the one),
    // and no candidate column or label does either: a 开标记录 of every bid beside a 中标候选人
    // table lists bidders, not results.
    if first(Field::Supplier).next().is_none()
        && found.candidates.is_empty()
        && first(Field::Candidate).next().is_none()
    {
        suppliers.extend(found.quoted);
    }
    dedup_names(&mut suppliers);
    // A candidates table names the candidates; labels of their ranks below it then give other
    // facts about them ("第一中标候选人：具备…资质；近三年完成类似项目2项"): only organisation-shaped
    // pieces of such labels are names.
    let table_named = !found.candidates.is_empty();
    let mut candidates: Vec<String> = labelled_candidates(first(Field::Candidate))
        .into_iter()
        .filter(|n| !table_named || prose::org_like(n))
        .chain(found.candidates)
        .chain(list_candidates(&w.text, &lines, &w.lists))
        .filter(|n| candidate_shaped(n))
        .collect();
    dedup_names(&mut candidates);

    let mut award = first(Field::AwardTotal)
        .find_map(money_of)
        .or_else(|| {
            sum(w
                .code_prices
                .iter()
                .filter_map(|p| parse_money(p, Some(Unit::Yuan))))
        })
        .or_else(|| sum(first(Field::Award).filter_map(money_of)))
        .or_else(|| sum(found.amounts.into_iter()));

    let has_fields = project_id.is_some()
        || labelled_buyer.is_some()
        || labelled_agency.is_some()
        || labelled_budget
        // A labelled result ("成交供应商：X", "成交金额：…") is a notice's, not an article's.
        || first(Field::Supplier).next().is_some()
        || first(Field::Award).next().is_some();
    let news = !has_fields && is_news(&lines);
    let mut notice_type = if news {
        Some(NoticeType::News)
    } else {
        title.as_deref().and_then(classify)
    };
    if matches!(notice_type, None | Some(NoticeType::Tender))
        && (!suppliers.is_empty() || award.is_some())
    {
        notice_type = Some(NoticeType::Award);
    }
    if matches!(notice_type, None | Some(NoticeType::Tender))
        && suppliers.is_empty()
        && !candidates.is_empty()
    {
        notice_type = Some(NoticeType::Candidates);
    }
    let notice_type = notice_type
        .or_else(|| w.breadcrumb.as_deref().and_then(classify))
        .or_else(|| {
            if has_fields {
                lines.iter().take(60).find_map(|l| classify(l))
            } else {
                None
            }
        })
        .unwrap_or_default();

    match notice_type {
        // Everyone named on a 候选人公示 is a candidate, and their prices are bids, not awards.
        NoticeType::Candidates => {
            candidates.append(&mut suppliers);
            dedup_names(&mut candidates);
            // A score table in submission order: the top N by score the page states, in place
            // of its rows read as bidders (a table of quotes) or of nothing.
            let top = top_scored(&lines, &scored);
            if !top.is_empty()
                && candidates
                    .iter()
                    .all(|c| scored.iter().flatten().any(|(n, ..)| n == c))
            {
                candidates = top;
            }
            // The same for a table of evaluated prices under the lowest-price method: the
            // stated number of the lowest, rows that failed review left out.
            let top = top_priced(&lines, &priced);
            if !top.is_empty()
                && candidates
                    .iter()
                    .all(|c| priced.iter().flatten().any(|(n, _)| n == c))
            {
                candidates = top;
            }
            // Candidates ranked by the bidders' numbers in a table ("推荐3号投标人为第一中标候选人"):
            // the table lists every bidder in number order, the sentence the ranking.
            let numbered = numbered_candidates(&lines, &w.tables);
            if !numbered.is_empty() {
                candidates = numbered;
            }
            if candidates.is_empty() {
                candidates = prose::candidates(&article);
            }
            award = None;
        }
        // An award notice that states its result only in running text ("确定成交供应商为：X（地址：
        // …）。该供应商最后报价为…元，作为本项目成交金额"), no label or result table naming it.
        NoticeType::Award => {
            // Bidders a rank column puts below the first lost, unless that leaves no winner.
            if suppliers.iter().any(|s| !outranked.contains(s)) {
                suppliers.retain(|s| !outranked.contains(s));
            }
            // A winner named only by its bidder number ("确定3号投标人为中标人"), looked up in
            // the table that numbers the bidders.
            let numbered = numbered_winners(&lines, &w.tables);
            if !numbered.is_empty() {
                suppliers = numbered;
            }
            if suppliers.is_empty() && candidates.is_empty() {
                suppliers = prose::winners(&article);
            }
            if award.is_none() && !suppliers.is_empty() {
                award = prose::amount_as_award(&article);
            }
        }
        NoticeType::News => {
            candidates.extend(prose::candidates(&article));
            // A company announcing its own result ("公司为Y…项目的第一中标候选人") is a candidate at
            // its rank (or the winner), never the buyer.
            let own = announce::own_result(&article);
            if let Some(o) = &own
                && !candidates.contains(&o.company)
                && !suppliers.contains(&o.company)
            {
                if o.candidate {
                    let at = o
                        .rank
                        .map_or(candidates.len(), |r| (r - 1).min(candidates.len()));
                    candidates.insert(at, o.company.clone());
                } else {
                    suppliers.push(o.company.clone());
                }
            }
            dedup_names(&mut candidates);
            let named: std::collections::HashSet<&String> = candidates.iter().collect();
            let winners: Vec<String> = prose::winners(&article)
                .into_iter()
                .filter(|w| !named.contains(w))
                .collect();
            suppliers.extend(winners);
            dedup_names(&mut suppliers);
            let (news_budget, news_award) = prose::news_amounts(&article);
            budget = budget.or(news_budget);
            award = award.or(news_award);
            // The lead sentence's subject first, then prose forms, then any publisher named.
            // The sender of an award letter names the buyer before any subject does (the lead
            // of a listed company's announcement is the company).
            // Nor is the listed parent announcing its subsidiary's bid.
            let not_own = |b: &String| {
                own.as_ref()
                    .is_none_or(|o| *b != o.company && *b != o.announcer)
            };
            buyer = labelled_buyer
                .clone()
                .or_else(|| prose::letter_sender(&article))
                .or_else(|| own.as_ref().and_then(|o| o.buyer.clone()))
                .or_else(|| prose::lead_buyer(&article).filter(not_own))
                .or_else(|| prose_parties(&article).buyer.filter(not_own))
                // A buyer stated under its role anywhere in the article ("此次的招标方是X",
                // "作为项目招标人，X是…"), when the lead opens with someone else.
                .or_else(|| prose::role_statement_buyer(&article).filter(not_own))
                .or_else(|| prose::quoted_title_buyer(&article).filter(not_own))
                .or_else(|| prose::purchase_source(&article).filter(not_own))
                .or_else(|| prose::news_buyer(&article).filter(not_own))
                // Last: the organisation opening the purchase's name in the lead, unless the
                // page names it as a bidder.
                .or_else(|| {
                    prose::lead_project_buyer(&article)
                        .filter(not_own)
                        .filter(|b| !candidates.contains(b) && !suppliers.contains(b))
                });
        }
        _ => {}
    }
    // A bidder the running text rules out ("丁公司排名第四，未能进入前三") is no candidate.
    let out = ruled_out_in_text(&article, &candidates);
    if !out.is_empty() {
        candidates.retain(|c| !out.contains(c));
    }

    // A 采购意向 lists the buyer's planned purchases: its budget is their sum, whether or not
    // the table adds them up (a 合计 row, read as the budget label's value, says the same).
    if notice_type == NoticeType::Intent
        && let Some(total) = intent_total(&w.tables)
    {
        budget = Some(total);
    }

    if buyer.is_none()
        && notice_type != NoticeType::News
        && let Some(b) = title.as_deref().and_then(prose::title_buyer)
    {
        notes.push(format!("buyer {b} inferred from the title"));
        buyer = Some(b);
    }
    // Last: the organisation signing the notice above its date (a buyer's own notice).
    if buyer.is_none()
        && notice_type != NoticeType::News
        && let Some(b) = prose::signature_org(&article)
    {
        buyer = Some(b);
    }
    // A short name ("中国银行上海市分行") gives way to the full registered name the page states.
    if let Some(full) = buyer.as_deref().and_then(|b| prose::full_name(b, &article)) {
        buyer = Some(full);
    }
    // So does a branch's short name ("北京市分公司" of "中国邮政集团有限公司北京市分公司").
    if let Some(full) = buyer
        .as_deref()
        .and_then(|b| prose::branch_full_name(b, &lines))
    {
        buyer = Some(full);
    }
    // An alias ("X（下称“湖南联通”）") gives way to the registered name X the page introduced it
    // with, whatever the page's type: an article typed by its title alone names the buyer by
    // the alias too (round 14 of issue 10). A notice's "（以下简称“采购人”）" is read by
    // `alias_buyer`.
    if let Some(full) = buyer
        .as_deref()
        .and_then(|b| prose::aliased_name(b, &article))
    {
        buyer = Some(full);
    }

    // Headlines in related-article lists, sidebars and footers name other notices: the text
    // screened for products and organisations is the article (the whole page when furniture
    // took every sentence).
    let text = if article.len() == lines.len() {
        w.text
    } else {
        article.join("\n")
    };
    // A table column headed as a comparison (对比基准) names the yardstick, not the goods; one
    // headed as past or existing work (类似业绩, 原有设备) names work outside this purchase.
    let mut yardsticks = comparison_cells(&w.tables);
    // The old-wording column of a correction table names what the correction replaces.
    yardsticks.extend(replaced_cells(&w.tables));
    let text = if yardsticks.is_empty() {
        text
    } else {
        without_cells(&text, &yardsticks)
    };
    Notice {
        title,
        notice_type,
        published,
        project_id,
        buyer,
        agency,
        budget,
        award,
        suppliers,
        candidates,
        notes,
        text,
    }
}

/// Words of a column header naming a yardstick rather than the goods ("对比基准（仅作参考）",
/// "对标产品", "参照基准"); 参考 alone is not one (参考品牌 lists acceptable goods).
static YARDSTICK_HEADER_WORDS: LazyLock<&[&str]> =
    LazyLock::new(|| layout::words("yardstick_header"));

/// Words of a column header naming work outside this purchase: a bidder's past projects or
/// the buyer's existing equipment ("投标文件中填报的类似业绩", "原有设备"): the cells below are
/// not screened.
static PAST_WORK_HEADER_WORDS: LazyLock<&[&str]> =
    LazyLock::new(|| layout::words("past_work_header"));

/// Words that make a [`PAST_WORK_HEADER_WORDS`] header a requirement or a score ("业绩要求",
/// "类似业绩评分标准"): the cells below say what is asked, which may be the purchase.
static PAST_WORK_HEADER_NOT: LazyLock<&[&str]> =
    LazyLock::new(|| layout::words("past_work_header_not"));

/// The cells under a comparison or past-work column of a table (a short, digit-free header row
/// with cells naming a yardstick or past work, and the rows of its width below it), and the
/// value of a two-cell row keyed by past work.
fn comparison_cells(tables: &[Vec<Vec<String>>]) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    for table in tables {
        let mut columns: Option<(usize, Vec<usize>)> = None;
        for row in table {
            // A stacked key/value table ("类似项目业绩 | 某医院…项目"): the key is the header.
            if let [key, value] = row.as_slice()
                && key.chars().count() <= 16
                && is_past_work_header(key)
                && !value.trim().is_empty()
            {
                out.insert(value.trim().to_string());
                continue;
            }
            // A past-work header may count years ("近3年类似业绩"): that digit is no data.
            let header = row.len() >= 2
                && row.iter().all(|c| {
                    c.chars().count() <= 16
                        && (!c.chars().any(|ch| ch.is_ascii_digit())
                            || (digits_count_years(c) && is_past_work_header(c)))
                });
            if header {
                let found: Vec<usize> = (0..row.len())
                    .filter(|&i| {
                        row.get(i)
                            .is_some_and(|c| is_yardstick_header(c) || is_past_work_header(c))
                    })
                    .collect();
                columns = (!found.is_empty()).then_some((row.len(), found));
                continue;
            }
            let Some((width, found)) = &columns else {
                continue;
            };
            if row.len() != *width {
                continue;
            }
            for cell in found.iter().filter_map(|&i| row.get(i)) {
                if !cell.trim().is_empty() {
                    out.insert(cell.trim().to_string());
                }
            }
        }
    }
    out
}

/// Every run of ASCII digits in `cell` is followed by 年 ("近3年…", "2023年以来…"): a span of
/// years, not a figure of a data row.
fn digits_count_years(cell: &str) -> bool {
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            while chars.next_if(|d| d.is_ascii_digit()).is_some() {}
            if chars.peek() != Some(&'年') {
                return false;
            }
        }
    }
    true
}

/// A header cell naming past or existing work (a [`PAST_WORK_HEADER_WORDS`] word), not a
/// requirement or score of it ([`PAST_WORK_HEADER_NOT`]).
fn is_past_work_header(cell: &str) -> bool {
    let cell = cell.trim();
    PAST_WORK_HEADER_WORDS.iter().any(|w| cell.contains(w))
        && !PAST_WORK_HEADER_NOT.iter().any(|w| cell.contains(w))
}

/// A header cell (before any parenthesised note) naming a comparison: short, with a
/// [`YARDSTICK_HEADER_WORDS`] word.
fn is_yardstick_header(cell: &str) -> bool {
    let bare = cell.split(['（', '(']).next().unwrap_or(cell).trim();
    bare.chars().count() <= 8 && YARDSTICK_HEADER_WORDS.iter().any(|w| bare.contains(w))
}

/// Header words of a correction table's new side (更正后, 更正为, 更正内容 …).
static NEW_SIDE_HEADER_WORDS: LazyLock<Vec<&str>> = LazyLock::new(|| {
    let mut w = layout::words("after_header").to_vec();
    w.extend_from_slice(layout::words("weak_after_header"));
    w
});

/// Longest header cell of a correction table read as a column name.
const MAX_CORRECTION_HEADER_CHARS: usize = 12;

/// The cells under the old-wording column of a correction table (`序号 | 更正位置 | 原文 | 更正为`,
/// `更正项 | 更正前内容 | 更正后内容`): a short, digit-free header row with an old-side and a
/// new-side column, and the rows of its width below it. What a correction removes is not
/// bought, and what it keeps stands in the new column as well.
fn replaced_cells(tables: &[Vec<Vec<String>>]) -> std::collections::HashSet<String> {
    let mut out = std::collections::HashSet::new();
    for table in tables {
        let mut column: Option<(usize, usize, usize)> = None;
        for row in table {
            let short = |c: &String| {
                c.chars().count() <= MAX_CORRECTION_HEADER_CHARS
                    && !c.chars().any(|ch| ch.is_ascii_digit())
            };
            if row.len() >= 2 && row.iter().all(short) {
                // Most header rows have no old side: the new side is looked for only after one.
                let old = row.iter().position(|c| labels::is_old_wording_header(c));
                let new = old.and_then(|_| {
                    row.iter().position(|c| {
                        let c = c.trim();
                        NEW_SIDE_HEADER_WORDS.iter().any(|w| c.contains(w))
                    })
                });
                column = match (old, new) {
                    (Some(o), Some(n)) if o != n => Some((row.len(), o, n)),
                    _ => None,
                };
                continue;
            }
            let Some((width, old, new)) = column else {
                continue;
            };
            // A cell the correction leaves as it was is kept (the new cell is the same text).
            if let Some(cell) = row.get(old).filter(|_| row.len() == width)
                && !cell.trim().is_empty()
                && row.get(new).is_none_or(|n| n.trim() != cell.trim())
            {
                out.insert(cell.trim().to_string());
            }
        }
    }
    out
}

/// `text` with the table cells in `cells` left out of its table-row lines.
fn without_cells(text: &str, cells: &std::collections::HashSet<String>) -> String {
    text.lines()
        .map(|line| {
            if !line.contains(html::CELL_SEP) {
                return line.to_string();
            }
            line.split(html::CELL_SEP)
                .filter(|c| !cells.contains(c.trim()))
                .collect::<Vec<_>>()
                .join(html::CELL_SEP)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Longest item of a stage-flow tab bar ("采购/资格预审公告", "中标候选人公示").
const MAX_STAGE_TAB_CHARS: usize = 12;

/// A short stage name next to another one: a tab of a stage-flow bar (采购公告 / 更正事项 /
/// 中标候选人公示 / 结果公告 on 全国公共资源交易平台 pages), never the notice's title.
fn is_stage_tab(lines: &[&str], i: usize) -> bool {
    let stage = |l: &str| {
        l.chars().count() <= MAX_STAGE_TAB_CHARS
            && [
                "公告", "公示", "事项", "结果", "信息", "记录", "澄清", "答疑",
            ]
            .iter()
            .any(|w| l.ends_with(w))
    };
    lines.get(i).is_some_and(|l| stage(l))
        && [i.checked_sub(1), Some(i + 1)]
            .into_iter()
            .flatten()
            .filter_map(|j| lines.get(j))
            .any(|l| stage(l))
}

/// A navigation bar as a text line: "河北省政府采购网 首页 采购公告 中标公告" — a 首页 item, or
/// three or more short items separated by spaces.
fn is_menu_line(line: &str) -> bool {
    let items: Vec<&str> = line.split_whitespace().collect();
    items.contains(&"首页")
        || (items.len() >= 3 && items.iter().filter(|i| i.chars().count() <= 6).count() >= 3)
}

/// Add `name` unless already there.
/// Drops repeated names, keeping the first of each. A hash set, not `contains`: a 100,000-row
/// result table made the de-duplication quadratic.
fn dedup_names(list: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    list.retain(|n| seen.insert(n.clone()));
}

/// "1200000.00 CNY", for reasons.
fn money_text(m: &Money) -> String {
    format!("{:.2} {}", m.amount, m.currency)
}

/// Words of a line that gives a deadline, a period or an earlier notice's date ("首次公告日期",
/// "原公告发布时间" on a correction), not the publication date.
static DEADLINE_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("deadline"));

fn is_deadline(line: &str) -> bool {
    DEADLINE_WORDS.iter().any(|w| line.contains(w)) || is_event_time(line)
}

/// Words of a date label that gives the publication date ("发布时间：", "公告日期：").
/// "添加时间" / "录入时间" / "发表时间" / "上传时间": old CMSs' words for the posting time.
static PUBLICATION_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("publication"));

/// A date label that may name the publication: a bare "日期" / "时间", or one with a publication
/// word ("发布日期", "更新时间") and no deadline or event word ("公示截止时间", "开标时间").
fn is_publication_label(label: &str) -> bool {
    (label == "日期" || label == "时间" || PUBLICATION_WORDS.iter().any(|w| label.contains(w)))
        && !DEADLINE_WORDS.iter().any(|w| label.contains(w))
}

/// A line opening with a date label that is not a publication label ("时间：2025年10月31日
/// 09时30分" under "五、开启", "会议时间：…"): an event of the procedure, never the
/// publication date, which the signature at the bottom gives instead.
fn is_event_time(line: &str) -> bool {
    let Some(colon) = line.find(['：', ':']) else {
        return false;
    };
    let label = line[..colon].trim();
    let label = label.trim_start_matches(|c: char| {
        c.is_ascii_digit() || "一二三四五六七八九十、.．（）() ".contains(c)
    });
    label.chars().count() <= 12
        && ["时间", "日期", "时限"].iter().any(|w| label.ends_with(w))
        && !PUBLICATION_WORDS.iter().any(|w| label.contains(w))
        // A bare "日期：" atop a page dates the page.
        && label != "日期"
        // "时间：2026年09月30日 作者：… 点击数：": the article's info line, which dates it.
        && !INFO_LINE_WORDS.iter().any(|w| line[colon..].contains(w))
}

/// Words of an article's info line (author, clicks, source) beside its date.
static INFO_LINE_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("info_line"));

/// Bylines and datelines of a news article (checked at the start of lines).
static NEWS_MARKERS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("news_marker"));

/// A news article: a byline or dateline near the start of a line within the first lines.
/// Called only for pages without notice fields (number, labelled parties, budget).
fn is_news(lines: &[&str]) -> bool {
    lines.iter().take(80).any(|l| {
        let head: String = l.chars().take(60).collect();
        NEWS_MARKERS.iter().any(|m| head.contains(m))
            || is_byline(l)
            || is_dispatch_byline(l)
            || is_account_line(l)
            // An article's summary line ("摘要：三家入围企业均为…"); notices have no 摘要.
            || l.starts_with("摘要：")
            || l.starts_with("摘要:")
    })
}

/// An author · date line atop an article ("林楠 · 2025年12月01日 10:26"): short, a middle dot
/// between a name and a date.
fn is_byline(line: &str) -> bool {
    line.len() <= 80
        && line.split_once(['·', '•']).is_some_and(|(name, rest)| {
            (1..=12).contains(&name.trim().chars().count()) && date::parse_date(rest).is_some()
        })
}

/// A reporter's dispatch line ("梦晨 发自 凹非寺", "记者 张三 发自 北京"): a short line where a
/// name of a few characters comes before 发自 and a place after it.
/// The outlet and date may follow on the same line ("梦晨 发自 凹非寺 量子位 | 公众号 QbitAI").
fn is_dispatch_byline(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() <= 80
        && line.split_once("发自").is_some_and(|(name, rest)| {
            let place = rest.split_whitespace().next().unwrap_or("");
            (1..=10).contains(&name.trim().chars().count())
                && (1..=10).contains(&place.chars().count())
        })
}

/// An outlet's account line under an article's byline ("量子位 | 公众号 QbitAI"): short, naming
/// the outlet's 公众号 — not a portal's "扫码关注微信公众号" footer.
fn is_account_line(line: &str) -> bool {
    let line = line.trim();
    line.chars().count() <= 80
        && line.contains("公众号")
        && !["关注", "扫码", "扫描", "微信", "二维码"]
            .iter()
            .any(|w| line.contains(w))
}

/// The notice type named in `s`, if any.
fn classify(s: &str) -> Option<NoticeType> {
    let lower = s.to_lowercase();
    NOTICE_KEYWORDS
        .iter()
        .find(|(k, _)| lower.contains(k))
        .map(|(_, t)| *t)
}

/// Buyer and agency from prose, for pages without labelled parties.
#[derive(Default)]
struct ProseParties {
    buyer: Option<String>,
    agency: Option<String>,
}

fn prose_parties(lines: &[&str]) -> ProseParties {
    let mut p = ProseParties::default();
    for line in lines {
        // Cheap character tests first: capture regexes are slow on long lines.
        if p.buyer.is_none()
            && line.contains('受')
            && let Some(c) = PROSE_ENTRUSTED.captures(line)
        {
            p.agency = clean_org(&c[1]);
            p.buyer = clean_org(&c[2]);
        }
        // "受X委托，Y…": the same roles with the agency after the buyer (or left unnamed).
        if p.buyer.is_none()
            && line.contains('受')
            && let Some(c) = PROSE_ENTRUSTED_FIRST.captures(line)
        {
            p.buyer = clean_org(&c[1]);
            if p.agency.is_none() {
                p.agency = c.get(2).and_then(|a| clean_org(a.as_str()));
            }
        }
        if p.buyer.is_none()
            && line.contains("人为")
            && let Some(c) = PROSE_TENDERER.captures(line)
        {
            p.buyer = clean_org(&c[1]);
        }
        if p.agency.is_none()
            && line.contains("代理")
            && let Some(c) = PROSE_AGENCY.captures(line)
        {
            p.agency = clean_org(&c[1]);
        }
        if p.buyer.is_none()
            && line.contains('于')
            && let Some(c) = PROSE_PUBLISHER.captures(line)
        {
            p.buyer = clean_org(&c[1]);
        }
        if p.buyer.is_some() {
            break;
        }
    }
    // "X（以下简称“采购人”）…": a buyer named once in prose under its role.
    if p.buyer.is_none() {
        p.buyer = prose::alias_buyer(lines).and_then(|b| clean_org(&b));
    }
    // "X（采购人）委托Y（采购代理机构）": a name tagged with its role in parentheses.
    if p.buyer.is_none() || p.agency.is_none() {
        let (buyer, agency) = prose::role_tagged(lines);
        p.buyer = p.buyer.or_else(|| buyer.and_then(|b| clean_org(&b)));
        p.agency = p.agency.or_else(|| agency.and_then(|a| clean_org(&a)));
    }
    p
}

/// Han characters a project number may open with: a short issuer code such as 豫政采, 京财采,
/// 川财招, 鲁政采字 (provincial finance-department numbering), before any digit or bracket.
const MAX_HAN_PREFIX: usize = 8;

/// A project number: the leading run of code characters, brackets balanced
/// (`HNZB[2016]N415号`, `HCA(4)2017040GNN`, `豫政采(2)20250417-1`, `京财采〔2025〕0123号`; the `）`
/// closing "（招标编号：X）" is not part of it).
fn clean_id(v: &str) -> Option<String> {
    let v = v.trim_start_matches(|c: char| c.is_whitespace() || c == '：' || c == ':');
    let mut depth = 0usize;
    let mut out = String::new();
    // A Han issuer prefix counts only when code characters follow it right away.
    let prefix: String = v.chars().take_while(|c| is_han(*c)).collect();
    let han = prefix.chars().count();
    let v = if (1..=MAX_HAN_PREFIX).contains(&han)
        && !prefix.contains(['号', '第', '见', '无'])
        && v[prefix.len()..]
            .chars()
            .next()
            // 豫财招标采购-2025-1107: a hyphen may join the prefix to the number.
            .is_some_and(|c| c.is_ascii_alphanumeric() || "([（【〔-".contains(c))
    {
        out.push_str(&prefix);
        &v[prefix.len()..]
    } else {
        v
    };
    // Where the outermost bracket still open was pushed: an opening bracket never closed
    // ("X1（招标编号：Y）" cut at 招) belongs to the next clause, not to the number.
    let mut open_at = None;
    for c in v.chars() {
        match c {
            '(' | '（' | '[' | '【' | '〔' => {
                if depth == 0 {
                    open_at = Some(out.len());
                }
                depth += 1;
                out.push(c);
            }
            ')' | '）' | ']' | '】' | '〕' => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
                out.push(c);
            }
            '号' => {
                out.push(c);
                break;
            }
            // 〔2025〕第12号 / 鲁政采字[2025]3号: 第 and 字 sit inside such numbers.
            '第' | '字' if out.ends_with(['〕', ']', '】', ')', '）']) || out.ends_with(is_han) => {
                out.push(c)
            }
            c if c.is_ascii_alphanumeric() || "-_/.#".contains(c) => out.push(c),
            _ => break,
        }
    }
    if let Some(at) = open_at.filter(|_| depth > 0) {
        out.truncate(at);
    }
    let out = out.trim_end_matches(['.', '-', '/', '_']).to_string();
    (out.chars().filter(char::is_ascii_alphanumeric).count() >= 3
        && out.chars().any(|c| c.is_ascii_digit()))
    .then_some(out)
}

/// Words of a clause that a name never holds ("评标委员会按照…进行了评审": a sentence, not a bidder).
static CLAUSE_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("clause_word"));

/// A candidate is shaped as an organisation is: it ends in an organisation word, or it is a
/// short name with no clause in it (a person or a foreign firm keeps its own form) that is no
/// field's name.
fn candidate_shaped(name: &str) -> bool {
    prose::org_like(name) || !(CLAUSE_WORDS.iter().any(|w| name.contains(w)) || names_a_field(name))
}

/// The names candidate labels give, in page order, or in the order of the ranks the labels
/// state (第二中标候选人：X in a table's conclusion column before the name, rows in opening
/// order) when each label states one, no two the same (lots repeat ranks) and names one bidder.
fn labelled_candidates<'a>(found: impl Iterator<Item = &'a Labelled>) -> Vec<String> {
    let named: Vec<(Option<u32>, Vec<String>)> =
        found.map(|l| (l.rank, value_names(&l.value))).collect();
    let mut ranks: Vec<u32> = named.iter().filter_map(|(r, _)| *r).collect();
    ranks.sort_unstable();
    ranks.dedup();
    let mut named = named;
    if ranks.len() == named.len() && named.iter().all(|(_, n)| n.len() == 1) {
        named.sort_by_key(|(r, _)| *r);
    }
    named.into_iter().flat_map(|(_, n)| n).collect()
}

/// The names a candidate label's value gives: its pieces, or, when a piece is a clause (the
/// value is a sentence under a 中标候选人 heading: "根据招标文件规定，评标委员会推荐…为中标
/// 候选人，依次类推"), only the pieces shaped as organisations: the other clauses of a
/// sentence are no names either.
fn value_names(value: &str) -> Vec<String> {
    // A worded figure after the name ("X公司，报价98万元", "X公司，得分92.5") is another
    // field's value, not a name; a bidder's number ("3号投标人") opens with its digit.
    let names: Vec<String> = split_orgs(value)
        .into_iter()
        .filter(|n| {
            prose::org_like(n)
                || !n.chars().any(|c| c.is_ascii_digit())
                || n.starts_with(|c: char| c.is_ascii_digit())
        })
        .collect();
    if names.iter().all(|n| candidate_shaped(n)) {
        return names;
    }
    names.into_iter().filter(|n| prose::org_like(n)).collect()
}

/// A field's label or column header ("中标候选人", "投标报价（元）"), or a period's name ending
/// in a deadline word ("公示期", "投标有效期"): a heading read as a value, never a bidder.
fn names_a_field(name: &str) -> bool {
    labels::is_label_cell(name)
        || labels::is_header_cell(name)
        || (name.chars().count() <= 8
            && DEADLINE_WORDS
                .iter()
                .any(|w| w.chars().count() >= 2 && name.ends_with(w)))
}

/// Values that are placeholders, not organisations, when they stand alone or before
/// punctuation ("无", "无（流标）"): 无锡… and 略阳… are places that open real names.
static NOT_AN_ORG: LazyLock<&[&str]> = LazyLock::new(|| layout::words("placeholder"));

/// Openings of a value that is a pointer elsewhere, whatever follows ("详见附件").
static NOT_AN_ORG_PREFIX: LazyLock<&[&str]> = LazyLock::new(|| layout::words("placeholder_prefix"));

/// True if `name` is a placeholder rather than an organisation's name.
fn is_placeholder(name: &str) -> bool {
    NOT_AN_ORG_PREFIX.iter().any(|p| name.starts_with(p))
        || NOT_AN_ORG.iter().any(|p| {
            name.strip_prefix(p)
                .is_some_and(|rest| !rest.chars().next().is_some_and(is_han))
        })
}

/// An organisation name from a labelled value: first of a repeated list, no seal note, no tail.
fn clean_org(v: &str) -> Option<String> {
    split_orgs(v).into_iter().next()
}

/// All organisation names in a value ("A、B" or "济南大学,济南大学"), cleaned, in order.
fn split_orgs(v: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for part in v.split([',', '，', '、', ';', '；']) {
        let mut name = part.trim();
        // Another label's value follows ("X公司，投标报价：3,126,000.00元"): the names end here.
        // A bracket opened after a whole name holds a note with its own label ("X公司（地址：
        // 某路1号）"): that name is the last.
        let mut last = false;
        if let Some(colon) = name.find(['：', ':']) {
            let head = &name[..colon];
            match head.rfind(['（', '(']) {
                Some(open)
                    if !head[open..].contains(['）', ')'])
                        && prose::org_like(head[..open].trim_end()) =>
                {
                    name = head[..open].trim_end();
                    last = true;
                }
                _ => break,
            }
        }
        // A piece of a number split at its thousands separators is no name.
        if !name.chars().any(|c| is_han(c) || c.is_alphabetic()) {
            continue;
        }
        // A Chinese name ends at the first space ("深圳公共资源交易中心 2025年05月27日").
        if name.chars().next().is_some_and(is_han)
            && let Some(i) = name.find(char::is_whitespace)
        {
            name = &name[..i];
        }
        for seal in ["（盖章）", "(盖章)", "（公章）"] {
            name = name.trim_end_matches(seal);
        }
        let name = name.trim_matches(|c: char| c.is_whitespace() || "。.：:".contains(c));
        let name = without_role_note(name);
        let len = name.chars().count();
        if !(2..=80).contains(&len) || is_placeholder(name) {
            continue;
        }
        if seen.insert(name) {
            out.push(name.to_string());
        }
        if last {
            break;
        }
    }
    out
}

/// Openings of a bracketed note that describes the organisation before it ("（本平台招标服务机构）",
/// "（系本项目代理机构）", "（即采购人）", "（为本次招标的代理）").
const ROLE_NOTE_OPENERS: &[char] = &['本', '系', '即', '为'];

/// Roles a bracketed note after a name may give it ("X有限公司（招标代理机构）").
static ROLE_NOTE_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("role_note"));

/// `name` without a trailing bracketed note on its role ("X招标有限公司（本平台招标服务机构）"),
/// when what comes before the note is a whole organisation name. Brackets that are part of a
/// name ("有限公司（北京）", "（集团）有限公司", "研究所（计算中心）") stay.
fn without_role_note(name: &str) -> &str {
    let Some(body) = name.strip_suffix(['）', ')']) else {
        return name;
    };
    let Some(open) = body.rfind(['（', '(']) else {
        return name;
    };
    let prefix = body[..open].trim_end();
    let note = body[open..].trim_start_matches(['（', '(']).trim_start();
    // A note of one word after 本 ("（本部）") is a name part; a description runs longer.
    let describes = note.chars().count() >= 3 && note.starts_with(ROLE_NOTE_OPENERS);
    let names_role = ROLE_NOTE_WORDS.iter().any(|w| note.contains(w));
    if (describes || names_role) && !note.contains([')', '）']) && prose::org_like(prefix) {
        prefix
    } else {
        name
    }
}

/// The sum of a table's budget lines (an intent's purchases, a tender's lots), when it has two
/// or more (one line is its own budget, already read).
fn intent_total(tables: &[Vec<Vec<String>>]) -> Option<Money> {
    let lines: Vec<Money> = labels::budget_column_cells(tables)
        .into_iter()
        .flat_map(|(unit, cells)| cells.into_iter().filter_map(move |c| parse_money(c, unit)))
        .collect();
    (lines.len() >= 2).then(|| sum(lines.into_iter())).flatten()
}

/// Whether two amounts are the same, in one currency, to the yuan.
fn same_amount(a: &Money, b: &Money) -> bool {
    a.currency == b.currency && (a.amount - b.amount).abs() < 1.0
}

/// Sum of lot amounts, in the first amount's currency.
fn sum(amounts: impl Iterator<Item = Money>) -> Option<Money> {
    let mut total: Option<Money> = None;
    for m in amounts {
        match total.as_mut() {
            None => total = Some(m),
            Some(t) if t.currency == m.currency => {
                t.amount = ((t.amount + m.amount) * 100.0).round() / 100.0
            }
            Some(_) => {}
        }
    }
    total
}

/// Header keys, normalised once.
static WINNER_KEYS: LazyLock<Vec<String>> =
    LazyLock::new(|| WINNER_HEADERS.iter().map(|h| header_key(h)).collect());
static CANDIDATE_KEYS: LazyLock<Vec<String>> =
    LazyLock::new(|| CANDIDATE_HEADERS.iter().map(|h| header_key(h)).collect());
static AMOUNT_KEYS: LazyLock<Vec<String>> =
    LazyLock::new(|| AMOUNT_HEADERS.iter().map(|h| header_key(h)).collect());

/// True if a header cell names one of `keys` (exactly, or followed by a unit in parentheses).
fn header_matches(cell: &str, keys: &[String]) -> bool {
    // Header cells are short; long cells are data (and the 600-name expert lists).
    if cell.len() > 60 {
        return false;
    }
    let key = header_key(cell);
    // A qualifier in parentheses inside the header ("成交（中选）供应商") does not change the column.
    let bare = without_notes(&key);
    keys.iter().any(|h| {
        key == *h
            || (bare.len() < key.len() && bare == without_notes(h))
            || key
                .strip_prefix(h.as_str())
                .is_some_and(|rest| rest.starts_with('（') || rest.starts_with('('))
    })
}

/// `s` without its parenthesised notes.
fn without_notes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Words of a label or heading that lists candidates below it ("二、中标候选人名单（按推荐顺序排列）",
/// "评审推荐的成交候选人如下：").
static CANDIDATE_LIST_WORDS: LazyLock<&[&str]> =
    LazyLock::new(|| layout::words("candidate_list_label"));

/// Items read from one list at most: a ranked list is short.
const MAX_LIST_ITEMS: usize = 20;

/// A rank opening a list item ("第一名：", "第二中标候选人", "1.", "（3）", "二、").
static ITEM_RANK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:第[一二三四五六七八九十0-9]{1,2}(?:名|位)?(?:中标|成交|中选)?(?:候选人)?|[0-9]{1,2}[.、．)）]|[（(][一二三四五六七八九十0-9]{1,2}[）)]|[一二三四五六七八九十]{1,2}[、.．])\s*[：:]?\s*")
        .expect("valid item-rank regex")
});

/// A line that heads a list of candidates: short, naming candidates, and giving no name itself
/// (nothing after its colon).
fn is_candidate_list_label(line: &str) -> bool {
    line.chars().count() <= 40
        && CANDIDATE_LIST_WORDS.iter().any(|w| line.contains(w))
        && line
            .rfind(['：', ':'])
            .is_none_or(|i| line[i..].chars().skip(1).all(char::is_whitespace))
}

/// The name opening a list item ("X有限公司　投标报价：…", "第一名：X，报价…"): the text up to the
/// first space, comma or colon after any rank, or a bracket before that, when it reads as an
/// organisation.
fn item_name(line: &str) -> Option<String> {
    let rest = ITEM_RANK.find(line).map_or(line, |m| &line[m.end()..]);
    let end = rest
        .find(|c: char| c.is_whitespace() || "，,；;：:。".contains(c))
        .unwrap_or(rest.len());
    let piece = &rest[..end];
    // A note in brackets may follow the name ("X有限公司（报价…"); brackets inside a name
    // ("中科（北京）科技有限公司") stay: the longest bracket-cut prefix that reads as a name.
    std::iter::once(piece.len())
        .chain(piece.rmatch_indices(['（', '(']).map(|(i, _)| i))
        .filter_map(|at| clean_org(&piece[..at]))
        .find(|n| prose::org_like(n) && candidate_shaped(n))
}

/// Candidates written as the items of a list (`<ol>`/`<ul>`) right below a label naming
/// candidates, in list order. Lists of links are furniture and never reach here; a list whose
/// first item names no organisation, or that does not follow such a label, names no one.
fn list_candidates(text: &str, lines: &[&str], lists: &[std::ops::Range<usize>]) -> Vec<String> {
    // Cheap first: no list, or no label word on the page.
    if lists.is_empty()
        || !lines
            .iter()
            .any(|l| CANDIDATE_LIST_WORDS.iter().any(|w| l.contains(w)))
    {
        return Vec::new();
    }
    for span in line_spans(text, lists) {
        let Some(label) = span.start.checked_sub(1).and_then(|i| lines.get(i)) else {
            continue;
        };
        let items = lines.get(span).unwrap_or_default();
        if !is_candidate_list_label(label) || items.first().and_then(|l| item_name(l)).is_none() {
            continue;
        }
        return items
            .iter()
            .take(MAX_LIST_ITEMS)
            .filter_map(|l| item_name(l))
            .collect();
    }
    Vec::new()
}

/// The indices into the page's lines (the non-empty trimmed lines of `text`) that each byte
/// range of `text` covers, in page order. One pass over the text.
fn line_spans(text: &str, ranges: &[std::ops::Range<usize>]) -> Vec<std::ops::Range<usize>> {
    let mut sorted: Vec<&std::ops::Range<usize>> = ranges.iter().collect();
    sorted.sort_by_key(|r| r.start);
    let mut out: Vec<std::ops::Range<usize>> = sorted.iter().map(|_| 0..0).collect();
    let mut open: Vec<usize> = Vec::new();
    let (mut next, mut i, mut at) = (0usize, 0usize, 0usize);
    for raw in text.split('\n') {
        let start = at;
        at += raw.len() + 1;
        if raw.trim().is_empty() {
            continue;
        }
        while next < sorted.len() && sorted[next].start <= start {
            out[next] = i..i;
            open.push(next);
            next += 1;
        }
        open.retain(|&k| {
            let inside = sorted[k].end > start;
            if inside {
                out[k].end = i + 1;
            }
            inside
        });
        i += 1;
    }
    out.into_iter().filter(|s| !s.is_empty()).collect()
}

/// Names (and amounts) read from result tables.
#[derive(Default)]
struct TableNames {
    winners: Vec<String>,
    /// Winners ranked below first by a rank column beside a generic name header (供应商名称 |
    /// … | 排名): ranked bidders, of whom an award page's winner is the first.
    outranked: Vec<String>,
    /// Bidders ranked first in such a table: a package's winner, never outranked by its rank
    /// in another package.
    first_ranked: Vec<String>,
    amounts: Vec<Money>,
    candidates: Vec<String>,
    /// Bidders in tables of quotes with no row marked as the result: the winners only when no
    /// label names the winner (a 中标信息 table of winners and their prices).
    quoted: Vec<String>,
    /// The rank of each of `candidates` read from a ranked table's rank column, if any.
    candidate_ranks: Vec<Option<u32>>,
    /// The same for `winners` (a ranked table of bidders headed 投标人名称 gives winners).
    winner_ranks: Vec<Option<u32>>,
    /// Bidders with their total scores, one list per table, from tables with a total-score
    /// column and no column that names, ranks or marks results (递交顺序 | 投标人 | … | 综合得分).
    /// Each row also has its bid price when the table has a price column (投标报价): a stated
    /// tie rule orders equal scores by it.
    scored: Vec<Vec<(String, f64, Option<f64>)>>,
    /// Bidders with their evaluated prices, one list per table, from tables with an
    /// evaluated-price column (评审价, 评标价) and no column that names or ranks results; None
    /// for a row its conclusion rules out or with no price (—).
    priced: Vec<Vec<(String, Option<f64>)>>,
}

impl TableNames {
    /// Drop ranked candidates ranked below `cap`.
    fn cut_candidates(&mut self, cap: u32) {
        let mut ranks = self.candidate_ranks.iter();
        self.candidates
            .retain(|_| ranks.next().copied().flatten().is_none_or(|r| r <= cap));
        self.candidate_ranks.retain(|r| r.is_none_or(|r| r <= cap));
        let mut ranks = self.winner_ranks.iter();
        self.winners
            .retain(|_| ranks.next().copied().flatten().is_none_or(|r| r <= cap));
        self.winner_ranks.retain(|r| r.is_none_or(|r| r <= cap));
    }

    /// Every ranked name with its rank, candidates and winners.
    fn ranked(&self) -> impl Iterator<Item = (&String, u32)> {
        fn pairs<'a>(names: &'a [String], ranks: &[Option<u32>]) -> Vec<(&'a String, u32)> {
            names
                .iter()
                .zip(ranks.iter().copied())
                .filter_map(|(n, r)| Some((n, r?)))
                .collect()
        }
        let mut all = pairs(&self.candidates, &self.candidate_ranks);
        all.extend(pairs(&self.winners, &self.winner_ranks));
        all.into_iter()
    }
}

/// "排名前三名的投标人为中标候选人", "推荐3名中标候选人", "中标候选人共三家", "得分排名前三的投标人"
/// (a rank word before 前N: `count_rank_lead` rows): the number of candidates a line states
/// (第3名中标候选人 is a rank, not a count).
static CANDIDATE_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"前\s*([一二三四五两1-5])\s*(?:名|位|家)|(第)?([一二三四五两1-5])\s*(?:名|家|个|位)\s*(?:中标|成交|中选)?候选人|候选人(?:共|为)?\s*([一二三四五两1-5])\s*(?:名|家|个|位)|(?:{})\s*前\s*([一二三四五两1-5])",
        layout::alternation(layout::words("count_rank_lead"))
    ))
    .expect("valid candidate-count regex")
});

/// How many candidates a page has, when a ranked table lists more bidders: a count the page
/// states on a line about candidates, or the names it gives as candidates (two or more) when
/// they are exactly the table's top ranks.
fn candidate_cap(lines: &[&str], named: &[String], found: &TableNames) -> Option<u32> {
    let max_rank = found.ranked().map(|(_, r)| r).max()?;
    let digit = count_digit;
    let stated = lines
        .iter()
        .filter(|l| l.len() <= 600 && l.contains("候选人"))
        .flat_map(|l| CANDIDATE_COUNT.captures_iter(l))
        .find_map(|c| {
            if c.get(2).is_some() {
                return None;
            }
            digit(c.get(1).or(c.get(3)).or(c.get(4)).or(c.get(5))?.as_str())
        });
    let by_names = || {
        let n = u32::try_from(named.len()).ok().filter(|n| *n >= 2)?;
        (1..=n)
            .all(|r| {
                found
                    .ranked()
                    .any(|(name, rank)| rank == r && named.contains(name))
            })
            .then_some(n)
    };
    stated
        .or_else(by_names)
        .filter(|cap| *cap >= 1 && *cap < max_rank)
}

/// The columns of a result table, from its header row.
#[derive(Clone, Copy)]
struct Columns {
    width: usize,
    name: usize,
    amount: Option<usize>,
    unit: Option<Unit>,
    /// The name column holds candidates.
    candidates: bool,
    /// A table of quotes (供应商名称 | 报价): its rows are bidders, and only a row marked as
    /// the result (成交, 中标) names a winner.
    quotes: bool,
    /// The rank column of a candidates table (排名 | 投标人名称 | …).
    rank: Option<usize>,
    /// A yes/no column (是否推荐为中标候选人): only rows it marks yes are results.
    mark: Option<usize>,
    /// A conclusion column (评审结论, or the yes/no column): its cells may rank the rows in
    /// words or rule them out.
    conclusion: Option<usize>,
}

/// Openings of a yes/no column header ("是否推荐为中标候选人", "是否入围").
static MARK_HEADERS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("mark_header"));
/// Openings of a yes cell in such a column ("是", "√").
static MARK_YES: LazyLock<&[&str]> = LazyLock::new(|| layout::words("mark_yes"));

/// Words of a yes/no header asking about the bidder itself ("是否小微企业"), not its result.
static MARK_ATTRIBUTES: LazyLock<&[&str]> = LazyLock::new(|| layout::words("mark_attribute"));

/// Words between 是否 and the attribute asked about ("是否为中小企业", "是否属于小微企业").
static MARK_COPULAS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("mark_copula"));

/// A short header asking a yes/no question of each row. A question about the bidder itself
/// (是否小微企业, beside a price after the small-business deduction) marks no result: its 否
/// rules no row out. The attribute must be what is asked (right after 是否 and a copula, notes
/// left out): a note mentioning one ("是否推荐为中标候选人（联合体须注明）") leaves a result mark.
fn is_mark_header(cell: &str) -> bool {
    let cell = cell.trim();
    // Short, its notes left out; the byte cap keeps long cells off the scan.
    if cell.len() > 120 {
        return false;
    }
    let Some(question) = MARK_HEADERS
        .iter()
        .find_map(|w| cell.strip_prefix(w))
        .map(without_notes)
    else {
        return false;
    };
    let question = question.trim_start();
    if question.chars().count() > 14 {
        return false;
    }
    let question = MARK_COPULAS
        .iter()
        .find_map(|w| question.strip_prefix(w))
        .unwrap_or(question);
    !MARK_ATTRIBUTES.iter().any(|w| question.starts_with(w))
}

/// Words of a rejected-bidders table's reason column ("无效原因", "否决理由", "未通过原因").
static REJECTED_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("rejected_word"));

/// The reason column of a table of rejected bidders: a header cell (ending in a header word
/// such as 原因 or 理由) naming rejection; a yes/no column (是否无效) is not one.
fn is_rejected_header(cell: &str) -> bool {
    cell.len() <= 48
        && REJECTED_WORDS.iter().any(|w| cell.contains(w))
        && !is_mark_header(cell)
        && !cell.starts_with("是否")
        && labels::is_header_cell(cell)
}

/// Openings of a yes/no column header asking whether the row won ("是否中标", "是否成交").
static WINNER_MARK_HEADERS: LazyLock<&[&str]> =
    LazyLock::new(|| layout::words("winner_mark_header"));
/// Words of a bid column header ("投标报价（元，含税）", "投标价格").
static BID_HEADERS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("bid_header"));

/// The bid column of a result table whose yes/no column asks whether each row won (推荐排序 |
/// 投标人名称 | 投标报价（元） | 是否中标) and that has no award column: the bid of the row marked yes
/// is what it won. The taxed bid beats an untaxed one; a score of the bid (报价得分) is no bid.
fn won_bid_column(row: &[String], mark: Option<usize>) -> Option<usize> {
    let header = header_key(row.get(mark?)?);
    if !WINNER_MARK_HEADERS.iter().any(|w| header.starts_with(w)) {
        return None;
    }
    let bids = || {
        row.iter().enumerate().filter(|(_, c)| {
            c.chars().count() <= 24
                && !c.contains('分')
                && BID_HEADERS.iter().any(|w| c.contains(w))
        })
    };
    bids()
        .find(|(_, c)| !money::excludes_tax(c))
        .or_else(|| bids().next())
        .map(|(i, _)| i)
}

/// A cell of a yes/no column saying yes ("是", "是（第一名）", "√"); "否", "不推荐" are no.
fn is_mark_yes(cell: &str) -> bool {
    let cell = cell.trim();
    MARK_YES.iter().any(|w| cell.starts_with(w))
}

/// Openings of a cell saying no in a yes/no column (`mark_no`: 否, ×).
static MARK_NO: LazyLock<&[&str]> = LazyLock::new(|| layout::words("mark_no"));

/// A cell that only answers yes or no, with a note at most ("是", "否", "是（专门面向小微企业）"):
/// never an organisation's name (a name may open with 是, as 是德科技…, but goes on).
fn is_yes_no_answer(cell: &str) -> bool {
    let cell = cell.trim();
    MARK_YES.iter().chain(MARK_NO.iter()).any(|w| {
        cell.strip_prefix(w)
            .is_some_and(|r| r.is_empty() || r.starts_with(['（', '(']))
    })
}

/// Words of a conclusion cell ruling its bidder out ("未入围", "不推荐", "否决").
static CONCLUSION_OUT: LazyLock<&[&str]> = LazyLock::new(|| layout::words("conclusion_out"));

/// What a conclusion column's cell says of its row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    /// No rank and no exclusion (通过, 合格, 是, an empty cell), or no such column.
    None,
    /// The bidder is out (未入围, 不推荐, 否决 …): no candidate, winner or bidder.
    Out,
    /// The bidder's rank among the candidates (第二中标候选人 → 2).
    Rank(u32),
}

/// A rank written in a conclusion cell: 第N (followed by 名, 位, 中标, 成交, 中选, 候选 or the
/// cell's end: 第一中标候选人, 第1名, 排名第一, 推荐第一名), a rank word and a number (排名：2),
/// or a lone numeral (一, 二). Bare digits are left out: a 评审结果 column may hold scores.
static VERDICT_RANK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"第\s*([一二三四五六七八九十]{{1,3}}|[0-9]{{1,2}})\s*(?:名|位|中标|成交|中选|候选|$)|^(?:{})\s*[：:]?\s*([一二三四五六七八九十]{{1,3}}|[0-9]{{1,2}})\s*(?:名|位)?$|^([一二三四五六七八九十])$",
        layout::alternation(&RANK_HEADERS)
    ))
    .expect("valid verdict-rank regex")
});

/// A number of 1–99 in digits or Han numerals up to 九十九 (一, 十, 十二, 二十, 二十三).
fn small_number(s: &str) -> Option<u32> {
    if let Ok(n) = s.parse::<u32>() {
        return (1..=99).contains(&n).then_some(n);
    }
    let digit = |c: char| {
        "一二三四五六七八九"
            .find(c)
            .map(|i| (i / '一'.len_utf8()) as u32 + 1)
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => digit(*d),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(10 * digit(*t)?),
        [t, '十', u] => Some(10 * digit(*t)? + digit(*u)?),
        _ => None,
    }
}

/// What a conclusion cell says: out when it holds a [`CONCLUSION_OUT`] word (checked first: 不推荐
/// holds 推荐), else the rank it writes. Long cells (a note) say nothing.
fn verdict(cell: &str) -> Verdict {
    let cell = cell.trim();
    if cell.is_empty() || cell.chars().count() > 24 {
        return Verdict::None;
    }
    if CONCLUSION_OUT.iter().any(|w| cell.contains(w)) {
        return Verdict::Out;
    }
    let key = header_key(cell);
    VERDICT_RANK
        .captures(&key)
        .and_then(|c| c.get(1).or(c.get(2)).or(c.get(3)))
        .and_then(|m| small_number(m.as_str()))
        .map_or(Verdict::None, Verdict::Rank)
}

/// Rows looked at below a header for a conclusion cell giving a rank: result tables are short.
const MAX_VERDICT_ROWS: usize = 40;

/// One name row of a result table, its rank (from a rank column) and its conclusion cell's
/// verdict, kept until the table ends: whether the two ranks agree is known only then.
struct NameRow {
    rank: Option<u32>,
    verdict: Verdict,
    name: String,
    amount: Option<Money>,
    /// The rank cell holds a dash or slash (—, /): the row was not ranked (a price-cap row, a
    /// rejected bid).
    void_rank: bool,
}

/// Winners and their amounts, and candidates, from result tables with a header row. Rows
/// shorter than the header lost their leading cells to `rowspan`, so their cells are aligned
/// to the right. A column headed 中标候选人 holds candidates: never winners, no award amounts.
fn table_winners(tables: &[Vec<Vec<String>>], lined: Option<&[Vec<Vec<String>>]>) -> TableNames {
    let mut found = TableNames::default();
    // Candidates of small key/value tables, one per candidate, each headed by its rank.
    let mut stacked: Vec<(u32, String)> = Vec::new();
    for (table_at, table) in tables.iter().enumerate() {
        if let Some(one) = stacked_candidate(table) {
            stacked.push(one);
            continue;
        }
        let mut columns: Option<Columns> = None;
        let (mut unmarked, mut marked) = (Vec::new(), false);
        // This table's candidates with their ranks, put in rank order when every row has one.
        let mut ranked: Vec<NameRow> = Vec::new();
        let mut ranked_winners: Vec<NameRow> = Vec::new();
        // The winner column is a generic name (供应商名称) beside a rank column: the rows are
        // ranked bidders, of whom only the first won.
        let mut ranked_bidders = false;
        // A table turned sideways: candidates in columns by rank, names in one row.
        let mut ranks: Option<Vec<u32>> = None;
        // A score table's width, name column, total-score column and bid-price column.
        let mut scored: Option<(usize, usize, usize, Option<usize>)> = None;
        // A price table's width, name column, evaluated-price column and conclusion column.
        let mut priced: Option<(usize, usize, usize, Option<usize>)> = None;
        for (at, row) in table.iter().enumerate() {
            if let Some(order) = &ranks {
                if row.first().is_some_and(|c| is_name_row_label(c)) {
                    let mut named: Vec<(u32, String)> = order
                        .iter()
                        .zip(row.iter().skip(1))
                        .filter_map(|(r, c)| clean_org(c).map(|n| (*r, n)))
                        .collect();
                    named.sort_by_key(|(r, _)| *r);
                    for (_, n) in named {
                        found.candidates.push(n);
                        found.candidate_ranks.push(None);
                    }
                    ranks = None;
                }
                continue;
            }
            if let Some(order) = transposed_ranks(row) {
                ranks = Some(order);
                continue;
            }
            let cells: Vec<&str> = row.iter().map(String::as_str).collect();
            if labels::is_header_row(&cells) {
                // A table of rejected bidders (供应商名称 | 无效原因) names no result: its rows
                // are skipped up to the next header row.
                if row.iter().any(|c| is_rejected_header(c)) {
                    columns = None;
                    continue;
                }
                // A yes/no column (是否推荐为中标候选人, 是否入围) holds no names: it says which
                // rows are results, and its header which kind they are.
                let mark = row.iter().position(|c| is_mark_header(c));
                let candidate = row.iter().position(|c| {
                    !is_mark_header(c)
                        && (header_matches(c, &CANDIDATE_KEYS)
                        // 推荐的中标候选人, 拟推荐成交候选人名称 …: any short header naming candidates.
                        || (c.chars().count() <= 12
                            && (c.ends_with("候选人") || c.ends_with("候选人名称"))
                            // 入围候选人名称 lists those admitted: winners.
                            && !header_matches(c, &WINNER_KEYS)))
                });
                let winner = row
                    .iter()
                    .position(|c| !is_mark_header(c) && header_matches(c, &WINNER_KEYS));
                // With a yes/no column, the bidders' name column holds the results it marks.
                let marks_candidates = mark.and_then(|m| row.get(m)).map(|h| h.contains("候选人"));
                // The yes/no column itself names no one, whatever words its header holds.
                let named = || {
                    row.iter()
                        .position(|c| is_ranked_name_header(c) && !is_mark_header(c))
                };
                let (candidate, winner) = match (candidate, winner, marks_candidates) {
                    (None, None, Some(true)) => (named(), None),
                    (None, None, Some(false)) => (None, named()),
                    other => (other.0, other.1),
                };
                // A conclusion column (评审结论); a yes/no column is read the same way.
                let conclusion = row
                    .iter()
                    .position(|c| labels::is_conclusion_header(c) || is_mark_header(c));
                // A conclusion column whose cells below rank rows (第一中标候选人, 推荐第一名) is
                // a rank column in words.
                let ranks_in_words = conclusion.is_some_and(|k| {
                    table
                        .iter()
                        .skip(at + 1)
                        .take(MAX_VERDICT_ROWS)
                        .take_while(|r| r.len() == row.len())
                        .any(|r| {
                            r.get(k)
                                .is_some_and(|c| matches!(verdict(c), Verdict::Rank(_)))
                        })
                });
                // A ranked table (排名 | 投标单位 | 投标报价) lists candidates, however its name
                // column is headed.
                let ranked = || {
                    (ranks_in_words || row.iter().any(|c| is_rank_header(c)))
                        .then(|| row.iter().position(|c| is_ranked_name_header(c)))
                        .flatten()
                };
                let candidate = candidate.or_else(|| winner.is_none().then(ranked).flatten());
                // A bidders' table with a total-score column and nothing naming, ranking or
                // marking results (递交顺序 | 投标人 | … | 综合得分): its scores rank the rows only
                // where the page states how many of the best are candidates (`top_scored`).
                // A generic name header (投标人名称) may also make the table one of quotes,
                // read below as well.
                let generic = |i: usize| {
                    row.get(i).is_some_and(|h| {
                        !["中标", "成交", "中选", "入围"]
                            .iter()
                            .any(|w| h.contains(w))
                    })
                };
                scored = None;
                priced = None;
                // The same with an evaluated-price column (评审价), ranked low to high where the
                // page states the lowest-price method (`top_priced`); a conclusion column
                // (符合性审查: 通过 / 不通过) says which rows stay in.
                if candidate.is_none()
                    && mark.is_none()
                    && !ranks_in_words
                    && !row.iter().any(|c| is_rank_header(c))
                    && let Some(name) = winner.filter(|w| generic(*w)).or_else(named)
                    && let Some(price) = row.iter().position(|c| is_eval_price_header(c))
                {
                    let review =
                        conclusion.or_else(|| row.iter().position(|c| is_review_header(c)));
                    priced = Some((row.len(), name, price, review.filter(|k| *k != name)));
                    found.priced.push(Vec::new());
                }
                if candidate.is_none()
                    && mark.is_none()
                    && conclusion.is_none()
                    && !row.iter().any(|c| is_rank_header(c))
                    && let Some(name) = winner.filter(|w| generic(*w)).or_else(named)
                    && let Some(score) = row.iter().position(|c| is_total_score_header(c))
                {
                    // The bid column (投标报价（元）), not a score of the price (价格得分, 报价得分).
                    let bid = row
                        .iter()
                        .position(|c| c.contains("报价") && !c.contains('分'));
                    scored = Some((row.len(), name, score, bid));
                    found.scored.push(Vec::new());
                    if winner.is_none() {
                        columns = None;
                        continue;
                    }
                }
                if let Some(col) = candidate.or(winner) {
                    ranked_bidders = candidate.is_none()
                        && row.iter().any(|c| is_rank_header(c))
                        && generic(col);
                    // The award given without and with tax (中标价（不含税） | 中标价（含税）):
                    // the taxed column is what is paid; a lone 不含税 column still gives it.
                    let amounts = || {
                        row.iter()
                            .enumerate()
                            .filter(|(_, c)| header_matches(c, &AMOUNT_KEYS))
                    };
                    let amt = amounts()
                        .find(|(_, c)| !money::excludes_tax(c))
                        .or_else(|| amounts().next())
                        .map(|(i, _)| i)
                        .or_else(|| won_bid_column(row, mark));
                    let unit = amt.and_then(|i| row.get(i)).and_then(|c| unit_in_header(c));
                    // A generic name header (供应商名称) over bids, with no award column.
                    let quotes = candidate.is_none()
                        && mark.is_none()
                        && amt.is_none()
                        && row.get(col).is_some_and(|h| {
                            !["中标", "成交", "中选", "入围", "awarded", "successful"]
                                .iter()
                                .any(|w| h.contains(w))
                        })
                        && row.iter().any(|c| c.contains("报价"))
                        // A ranked table's rows are candidates (排名 | 投标人名称 | 投标报价).
                        && !row.iter().any(|c| is_rank_header(c));
                    columns = Some(Columns {
                        width: row.len(),
                        name: col,
                        amount: amt,
                        unit,
                        candidates: candidate.is_some(),
                        quotes,
                        rank: row.iter().position(|c| is_rank_header(c)),
                        mark,
                        conclusion: conclusion.filter(|k| *k != col),
                    });
                    continue;
                }
            }
            if let Some((width, name_at, price_at, out_at)) = priced {
                let offset = width.saturating_sub(row.len());
                let cell = |i: usize| i.checked_sub(offset).and_then(|i| row.get(i));
                if let Some(name) = cell(name_at)
                    .filter(|c| !labels::is_label_cell(c))
                    .and_then(|c| clean_org(c))
                    && let Some(rows) = found.priced.last_mut()
                    && rows.len() < MAX_SCORED_ROWS
                {
                    let out = out_at
                        .and_then(cell)
                        .is_some_and(|c| verdict(c) == Verdict::Out);
                    let price = cell(price_at)
                        .and_then(|c| parse_money(c, None))
                        .map(|m| m.amount)
                        .filter(|v| v.is_finite() && *v > 0.0);
                    rows.push((name, price.filter(|_| !out)));
                }
            }
            if let Some((width, name_at, score_at, bid_at)) = scored {
                let offset = width.saturating_sub(row.len());
                let cell = |i: usize| i.checked_sub(offset).and_then(|i| row.get(i));
                if let Some(name) = cell(name_at)
                    .filter(|c| !labels::is_label_cell(c))
                    .and_then(|c| clean_org(c))
                    && let Some(score) = cell(score_at).and_then(|c| score_value(c))
                    && let Some(rows) = found.scored.last_mut()
                    && rows.len() < MAX_SCORED_ROWS
                {
                    let bid = bid_at
                        .and_then(cell)
                        .and_then(|c| parse_money(c, None))
                        .map(|m| m.amount)
                        .filter(|v| v.is_finite() && *v > 0.0);
                    rows.push((name, score, bid));
                }
            }
            let Some(Columns {
                width,
                name: col,
                amount: amt,
                unit,
                candidates: is_candidate,
                quotes,
                rank,
                mark,
                conclusion,
            }) = columns
            else {
                continue;
            };
            let offset = width.saturating_sub(row.len());
            // A row its yes/no column does not mark (否, 否（投标无效）) names no result.
            if let Some(m) = mark.and_then(|m| m.checked_sub(offset))
                && !row.get(m).is_some_and(|c| is_mark_yes(c))
            {
                continue;
            }
            let Some(name) = col.checked_sub(offset).and_then(|i| row.get(i)) else {
                continue;
            };
            // A label, or a yes/no answer ("是（专门面向小微企业）"), is no name.
            if labels::is_label_cell(name) || is_yes_no_answer(name) {
                continue;
            }
            // All candidates in one cell, each on a line of its own after its rank.
            if is_candidate && let Some(pieces) = rank_pieces(name) {
                for (r, name) in pieces {
                    ranked.push(NameRow {
                        rank: Some(r),
                        verdict: Verdict::None,
                        name,
                        amount: None,
                        void_rank: false,
                    });
                }
                continue;
            }
            // A cell with names on lines of their own ("A公司<br>B公司"; an address on its line
            // names none): each line is read apart, when the first is a whole name (a long
            // name wrapped by hand, "某某信息<br>技术有限公司", stays one).
            let lines_of_cell = col
                .checked_sub(offset)
                .and_then(|i| lined?.get(table_at)?.get(at)?.get(i))
                .filter(|c| {
                    let mut lines = c.split(html::CELL_LINE);
                    lines.next().is_some_and(|first| {
                        split_orgs(first)
                            .first()
                            .is_some_and(|n| prose::org_like(n))
                    }) && lines.next().is_some()
                });
            let mut names = match lines_of_cell {
                Some(c) => c
                    .split(html::CELL_LINE)
                    .flat_map(split_orgs)
                    .collect::<Vec<_>>(),
                None => split_orgs(name),
            }
            .into_iter();
            let Some(name) = names.next() else {
                continue;
            };
            // A consortium in one winner's cell ("A（联合体牵头人）、B（联合体成员）"): each
            // member that is an organisation is a winner too.
            let members: Vec<String> = names.filter(|n| prose::org_like(n)).collect();
            if name.chars().any(|c| c.is_ascii_digit()) && !name.chars().any(is_han) {
                continue;
            }
            let r = rank
                .and_then(|i| i.checked_sub(offset))
                .and_then(|i| row.get(i))
                .and_then(|c| rank_in_cell(c));
            let said = conclusion
                .and_then(|i| i.checked_sub(offset))
                .and_then(|i| row.get(i))
                .map_or(Verdict::None, |c| verdict(c));
            let void_rank = rank
                .and_then(|i| i.checked_sub(offset))
                .and_then(|i| row.get(i))
                .is_some_and(|c| is_void_rank(c));
            if is_candidate {
                ranked.push(NameRow {
                    rank: r,
                    verdict: said,
                    name,
                    amount: None,
                    void_rank,
                });
                continue;
            }
            // A table of quotes has no rank column: a bidder its conclusion rules out is no
            // bidder in the result, and one it ranks is a result row.
            if quotes && said == Verdict::Out {
                continue;
            }
            // A bidder in a table of quotes wins only where its row says so.
            if quotes
                && !matches!(said, Verdict::Rank(_))
                && !row.iter().enumerate().any(|(i, c)| {
                    i + offset != col
                        && (c.contains("成交") || c.contains("中标"))
                        && !c.contains(['未', '不', '否'])
                })
            {
                unmarked.push(name);
                continue;
            }
            if quotes {
                marked = true;
            }
            let amount = amt
                .and_then(|a| a.checked_sub(offset))
                .and_then(|i| row.get(i))
                .and_then(|c| parse_money(c, unit));
            ranked_winners.push(NameRow {
                rank: r,
                verdict: said,
                name,
                amount,
                void_rank,
            });
            for name in members {
                ranked_winners.push(NameRow {
                    rank: r,
                    verdict: said,
                    name,
                    amount: None,
                    void_rank,
                });
            }
        }
        if !marked {
            found.quoted.append(&mut unmarked);
        }
        // A conclusion column ranks the rows and rules some out only where it agrees with the
        // table's rank column: one row ranked differently by the two leaves the whole table as
        // read before (rank column only, every row kept).
        let agree = ranked.iter().chain(&ranked_winners).all(|row| match row {
            NameRow {
                rank: Some(a),
                verdict: Verdict::Rank(b),
                ..
            } => a == b,
            _ => true,
        });
        // A candidates table whose rank column leaves some rows unranked with a dash or slash
        // (a 最高投标限价 row, a bid that failed review, listed in decryption order) ranks the
        // others: those rows are no candidates, and the rest keep their ranks.
        for rows in [&mut ranked, &mut ranked_winners] {
            if rows.iter().filter(|row| row.rank.is_some()).count() >= 2
                && rows.iter().any(|row| row.void_rank)
                && rows.iter().all(|row| row.rank.is_some() || row.void_rank)
            {
                rows.retain(|row| row.rank.is_some());
            }
        }
        // Ranked bidders under a generic name header (供应商名称 | … | 排名): on an award page
        // the first won and the others lost (a table of every valid bid after the result).
        if ranked_bidders
            && ranked_winners.iter().any(|row| row.rank == Some(1))
            && ranked_winners.iter().all(|row| row.rank.is_some())
        {
            found.outranked.extend(
                ranked_winners
                    .iter()
                    .filter(|row| row.rank != Some(1))
                    .map(|row| row.name.clone()),
            );
            found.first_ranked.extend(
                ranked_winners
                    .iter()
                    .filter(|row| row.rank == Some(1))
                    .map(|row| row.name.clone()),
            );
        }
        // Rows listed in another order (submission order) with a rank column: rank order.
        for (rows, names, ranks) in [
            (ranked, &mut found.candidates, &mut found.candidate_ranks),
            (ranked_winners, &mut found.winners, &mut found.winner_ranks),
        ] {
            let mut rows: Vec<(Option<u32>, String)> = rows
                .into_iter()
                .filter(|row| !(agree && row.verdict == Verdict::Out))
                .map(|row| {
                    found.amounts.extend(row.amount);
                    let said = match row.verdict {
                        Verdict::Rank(n) if agree => Some(n),
                        _ => None,
                    };
                    (row.rank.or(said), row.name)
                })
                .collect();
            if rows.iter().all(|(r, _)| r.is_some()) {
                rows.sort_by_key(|(r, _)| *r);
            } else {
                rows.iter_mut().for_each(|(r, _)| *r = None);
            }
            for (r, n) in rows {
                names.push(n);
                ranks.push(r);
            }
        }
    }
    // Stacked tables in rank order when no two give the same rank (lots repeat ranks).
    let mut distinct: Vec<u32> = stacked.iter().map(|(r, _)| *r).collect();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() == stacked.len() {
        stacked.sort_by_key(|(r, _)| *r);
    }
    for (r, n) in stacked {
        found.candidates.push(n);
        found.candidate_ranks.push(Some(r));
    }
    found
}

/// Rows of a key/value table that holds one candidate: a few fields.
const MAX_STACKED_ROWS: usize = 16;

/// One candidate's key/value table, stacked with the others': a first row of one cell giving
/// the rank (第一中标候选人, 第二名), and a row "投标人名称 | X" (any name-row label) naming it.
/// Gives the rank and the name.
fn stacked_candidate(table: &[Vec<String>]) -> Option<(u32, String)> {
    if table.len() > MAX_STACKED_ROWS {
        return None;
    }
    let (first, rest) = table.split_first()?;
    let [title] = first.as_slice() else {
        return None;
    };
    let rank = rank_of(title)?;
    rest.iter()
        .find_map(|row| match row.as_slice() {
            [label, value] if is_name_row_label(label) => clean_org(value),
            _ => None,
        })
        .map(|name| (rank, name))
}

/// Rows read from one score table at most (a tender has few bidders).
const MAX_SCORED_ROWS: usize = 200;

/// Headers of a total-score column (`total_score_header`: "综合得分", "总得分"), compared
/// whitespace-free without bracketed notes ("综合得分（分）").
static TOTAL_SCORE_HEADERS: LazyLock<&[&str]> =
    LazyLock::new(|| layout::words("total_score_header"));

/// A total-score column's header; part scores (技术得分, 价格得分) are not one.
fn is_total_score_header(cell: &str) -> bool {
    header_in(&TOTAL_SCORE_HEADERS, cell)
}

/// A short header cell that is one of `words`, compared whitespace-free without bracketed notes.
fn header_in(words: &[&str], cell: &str) -> bool {
    cell.len() <= 48 && words.contains(&header_key(&without_notes(cell)).as_str())
}

/// A score cell's value ("91.50", "89.7分").
fn score_value(cell: &str) -> Option<f64> {
    let t = cell.trim();
    let t = t.strip_suffix('分').unwrap_or(t).trim();
    t.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && (0.0..=1000.0).contains(v))
}

/// "推荐综合得分排名前三的投标人为中标候选人", "得分最高的两家供应商为成交候选人": the number of
/// top-scored bidders a line about candidates makes the candidates (a plain count such as
/// "推荐3名中标候选人" says nothing of scores and gives none).
static TOP_BY_SCORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"最高的?\s*(?:前)?\s*([一二三四五两1-5])\s*(?:名|位|家|个)")
        .expect("valid top-by-score regex")
});

/// The candidates of a page whose only result table is a score table in another order
/// (submission order): its rows with the highest total scores, as many as the page states,
/// highest first (equal scores keep page order, or go lower bid first where the page states
/// that tie rule). None without a stated count, or with more than one score table (lots).
fn top_scored(lines: &[&str], tables: &[Vec<(String, f64, Option<f64>)>]) -> Vec<String> {
    let mut tables = tables.iter().filter(|t| !t.is_empty());
    let (Some(rows), None) = (tables.next(), tables.next()) else {
        return Vec::new();
    };
    let Some(n) = stated_top_count(lines, true) else {
        return Vec::new();
    };
    let mut rows: Vec<&(String, f64, Option<f64>)> = rows.iter().collect();
    // Stable: equal scores keep page order unless the rule orders them, and then only rows
    // that all have a bid (a missing bid leaves the page order).
    if rows.iter().all(|r| r.2.is_some()) && ties_go_to_lower_bid(lines) {
        rows.sort_by(|a, b| a.2.unwrap_or(0.0).total_cmp(&b.2.unwrap_or(0.0)));
    }
    let rows = rows
        .into_iter()
        .map(|(name, score, _)| (name, -score))
        .collect();
    first_by_value(rows, n)
}

/// Words saying two bidders' scores are equal (`score_tie`: 得分相同, 得分并列).
static SCORE_TIES: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| layout::searcher("score_tie"));

/// Words ordering tied bidders by the lower bid (`tie_lower_bid`: 报价由低到高, 报价低的优先).
static TIE_LOWER_BIDS: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| layout::searcher("tie_lower_bid"));

/// Bytes after a tie word in which its rule's lower-bid words must stand (the same clause:
/// "综合得分相同的，按投标报价由低到高顺序排列").
const TIE_RULE_SPAN: usize = 60;

/// Whether the page states that equal total scores are ordered by the lower bid
/// ("得分相同的，按投标报价由低到高顺序排列", "得分并列时，报价低者优先"): a tie word followed
/// closely by a lower-bid word on one line. Linear: one automaton pass per capped line.
fn ties_go_to_lower_bid(lines: &[&str]) -> bool {
    lines.iter().filter(|l| l.len() <= 4000).any(|l| {
        SCORE_TIES.find_iter(*l).any(|m| {
            let mut end = (m.end() + TIE_RULE_SPAN).min(l.len());
            while !l.is_char_boundary(end) {
                end -= 1;
            }
            TIE_LOWER_BIDS.is_match(&l[m.end()..end])
        })
    })
}

/// The number of top-ranked bidders a line about candidates makes the candidates ("排名前三的",
/// "前两名"; with `by_score`, also "得分最高的两家" and a plain count in a sentence ordering by
/// score, [`scored_count`]).
fn stated_top_count(lines: &[&str], by_score: bool) -> Option<usize> {
    lines
        .iter()
        .filter(|l| l.len() <= 600 && l.contains("候选人"))
        .find_map(|l| {
            CANDIDATE_COUNT
                .captures_iter(l)
                .find_map(|c| c.get(1).or(c.get(5)))
                .or_else(|| {
                    by_score
                        .then(|| TOP_BY_SCORE.captures(l).and_then(|c| c.get(1)))
                        .flatten()
                })
                .and_then(|m| count_digit(m.as_str()))
                .or_else(|| by_score.then(|| scored_count(l)).flatten())
        })
        .and_then(|n| usize::try_from(n).ok())
}

/// Words ordering bidders by score, high to low (`score_order`: 得分由高到低, 评分从高到低).
static SCORE_ORDERS: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| layout::searcher("score_order"));

/// A plain count of candidates ("推荐3名中标候选人") in a sentence of `line` that orders the
/// bidders by score ("按综合得分由高到低的顺序推荐3名中标候选人"): the candidates are that many
/// top scores. A count in another sentence, or a rank (第3名), gives none. `line` is capped.
fn scored_count(line: &str) -> Option<u32> {
    line.split(['。', '；', ';'])
        .filter(|s| SCORE_ORDERS.is_match(*s))
        .find_map(|s| {
            CANDIDATE_COUNT
                .captures_iter(s)
                .find_map(|c| c.get(3).filter(|_| c.get(2).is_none()).or(c.get(4)))
                .and_then(|m| count_digit(m.as_str()))
        })
}

/// The names of the `n` rows of lowest value, in that order (equal values keep their page
/// order); none when `n` is 0 or more than the rows.
fn first_by_value(mut rows: Vec<(&String, f64)>, n: usize) -> Vec<String> {
    if n == 0 || rows.len() < n {
        return Vec::new();
    }
    // Stable: equal values keep their page order.
    rows.sort_by(|a, b| a.1.total_cmp(&b.1));
    rows.into_iter()
        .take(n)
        .map(|(name, _)| name.clone())
        .collect()
}

/// Headers of an evaluated-price column (`eval_price_header`: "评审价", "评标价"), compared
/// whitespace-free without bracketed notes ("评审价（元）").
static EVAL_PRICE_HEADERS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("eval_price_header"));

/// Headers of a review-stage column whose cells pass or fail a row (`review_header`: 符合性审查,
/// 资格审查), compared whitespace-free without bracketed notes.
static REVIEW_HEADERS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("review_header"));

/// A review-stage column's header (符合性审查 | 通过 / 不通过).
fn is_review_header(cell: &str) -> bool {
    header_in(&REVIEW_HEADERS, cell)
}

/// An evaluated-price column's header; the bid itself (投标报价) is not one.
fn is_eval_price_header(cell: &str) -> bool {
    header_in(&EVAL_PRICE_HEADERS, cell)
}

/// Words stating that the lowest evaluated price wins (`lowest_price_method`: 经评审的最低投标价法,
/// 由低到高).
static LOWEST_PRICE_METHODS: LazyLock<aho_corasick::AhoCorasick> =
    LazyLock::new(|| layout::searcher("lowest_price_method"));

/// The candidates of a page whose only result table is one of evaluated prices in another order
/// (opening order): as many of its rows as the page states, lowest price first (equal prices
/// keep page order), rows failed in review or without a price left out. None unless the page
/// states the lowest-price method and a top count (前三名) on a line about candidates, or with
/// more than one such table (lots).
fn top_priced(lines: &[&str], tables: &[Vec<(String, Option<f64>)>]) -> Vec<String> {
    let mut tables = tables.iter().filter(|t| !t.is_empty());
    let (Some(rows), None) = (tables.next(), tables.next()) else {
        return Vec::new();
    };
    // The method is often stated in the long opening paragraph: one linear automaton pass.
    if !lines
        .iter()
        .filter(|l| l.len() <= 4000)
        .any(|l| LOWEST_PRICE_METHODS.is_match(*l))
    {
        return Vec::new();
    }
    let Some(n) = stated_top_count(lines, false) else {
        return Vec::new();
    };
    let rows = rows
        .iter()
        .filter_map(|(name, price)| price.map(|p| (name, p)))
        .collect();
    first_by_value(rows, n)
}

/// A count numeral: "3", "三", "两".
fn count_digit(s: &str) -> Option<u32> {
    let c = s.chars().next()?;
    c.to_digit(10)
        .or_else(|| {
            "一二三四五"
                .find(c)
                .map(|i| (i / '一'.len_utf8()) as u32 + 1)
        })
        .or_else(|| (c == '两').then_some(2))
}

/// A rank cell saying the row has no rank: only dashes and slashes (—, ——, -, /, ／).
fn is_void_rank(cell: &str) -> bool {
    let t = cell.trim();
    !t.is_empty()
        && t.chars()
            .all(|c| matches!(c, '—' | '-' | '－' | '–' | '/' | '／' | '\\'))
}

/// The rank a rank column's cell gives: "2", "第二名", "第一中标候选人".
fn rank_in_cell(cell: &str) -> Option<u32> {
    let t = cell.trim();
    t.parse::<u32>()
        .ok()
        .filter(|n| (1..=99).contains(n))
        .or_else(|| rank_of(t))
}

/// The ranks of a sideways candidate table's header row ("中标候选人排序 | 第一中标候选人 |
/// 第二中标候选人 | 第三中标候选人"): every cell after the first names a rank (第一…候选人, 第一名,
/// 候选人1), at least two of them. Under a rank label (`is_rank_header`: 中标候选人排序, 排名) a
/// bare ordinal is a rank too ("排名 | 第一 | 第二 | 第三", "排序 | 1 | 2 | 3"). Cheap: short cells
/// only, no regex.
fn transposed_ranks(row: &[String]) -> Option<Vec<u32>> {
    if row.len() < 3 || row.iter().any(|c| c.len() > 48) {
        return None;
    }
    let ranks: Option<Vec<u32>> = row[1..].iter().map(|c| rank_of(c)).collect();
    ranks.or_else(|| {
        is_rank_header(&row[0])
            .then(|| row[1..].iter().map(|c| bare_rank(c)).collect())
            .flatten()
    })
}

/// A bare ordinal cell: "第一", "第2", "3" (1 to 10).
fn bare_rank(cell: &str) -> Option<u32> {
    let key = header_key(cell);
    let rest = key.strip_prefix('第').unwrap_or(&key);
    let n = "一二三四五六七八九十"
        .find(rest)
        .filter(|_| rest.chars().count() == 1)
        .map(|i| (i / '一'.len_utf8()) as u32 + 1)
        .or_else(|| rest.parse::<u32>().ok());
    n.filter(|n| (1..=10).contains(n))
}

/// The rank a candidate column header names: 第一中标候选人 / 第二名 / 候选人3 / 第1成交候选人.
fn rank_of(cell: &str) -> Option<u32> {
    // Byte precheck before any allocation: data cells of big tables fail it at once.
    let cell = cell.trim();
    if !(cell.starts_with('第')
        || cell.starts_with("中标")
        || cell.starts_with("成交")
        || cell.starts_with("候选人"))
    {
        return None;
    }
    let key = header_key(cell);
    let ordinal = |s: &str| -> Option<(u32, usize)> {
        let c = s.chars().next()?;
        let n = "一二三四五六七八九十"
            .find(c)
            .map(|i| (i / '一'.len_utf8()) as u32 + 1);
        n.map(|n| (n, c.len_utf8()))
            .or_else(|| c.to_digit(10).filter(|d| *d > 0).map(|d| (d, 1)))
    };
    if let Some(rest) = key.strip_prefix('第') {
        let (n, len) = ordinal(rest)?;
        let tail = &rest[len..];
        return (tail == "名" || tail.ends_with("候选人") || tail.ends_with("候选人名称"))
            .then_some(n);
    }
    let rest = key
        .strip_prefix("中标候选人")
        .or_else(|| key.strip_prefix("成交候选人"))
        .or_else(|| key.strip_prefix("候选人"))?;
    let (n, len) = ordinal(rest)?;
    (len == rest.len()).then_some(n)
}

/// Longest cell read for ranked names on lines of their own.
const MAX_RANK_PIECES_BYTES: usize = 1_000;

/// The ranks and names of a cell listing several candidates on lines of their own ("第一名：A<br>
/// 第二名：B", whose text runs on as "第一名：A第二名：B"): two or more pieces, each a rank label
/// opening with 第 (`rank_of`) and an organisation's name; none unless every piece is one.
fn rank_pieces(cell: &str) -> Option<Vec<(u32, String)>> {
    let cell = cell.trim();
    if cell.len() > MAX_RANK_PIECES_BYTES || !cell.starts_with('第') {
        return None;
    }
    // Each piece after a colon holds a name and the next rank label (第…) after it.
    let segments: Vec<&str> = cell.split(['：', ':']).collect();
    if segments.len() < 3 {
        return None;
    }
    let mut rank = rank_of(segments[0])?;
    let mut out = Vec::new();
    for (i, segment) in segments.iter().enumerate().skip(1) {
        let (name, next) = if i + 1 == segments.len() {
            (*segment, None)
        } else {
            let at = segment.rfind('第')?;
            (&segment[..at], Some(rank_of(&segment[at..])?))
        };
        out.push((rank, clean_org(name.trim()).filter(|n| prose::org_like(n))?));
        if let Some(next) = next {
            rank = next;
        }
    }
    Some(out)
}

/// The label cell of the row that names a sideways table's candidates (投标人名称, 单位名称 …).
fn is_name_row_label(cell: &str) -> bool {
    let key = header_key(cell);
    RANKED_NAME_HEADERS.contains(&key.as_str())
        || header_matches(cell, &CANDIDATE_KEYS)
        || header_matches(cell, &WINNER_KEYS)
}

/// Headers of a rank column (a ranked table lists candidates).
static RANK_HEADERS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("rank_header"));

/// Endings of a rank column's header beyond [`RANK_HEADERS`] ("推荐次序", "候选顺序", "综合排名").
static RANK_HEADER_ENDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("rank_header_end"));

/// Words of an order column naming an event's order (递交顺序, 开标顺序): no rank.
static NOT_RANK_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("not_rank_word"));

/// A rank column's header: a known one, or a short cell ending in a rank word, unless it names
/// the order of an event (递交顺序, 开标顺序: the rows as handed in or opened).
fn is_rank_header(cell: &str) -> bool {
    let key = header_key(cell);
    if NOT_RANK_WORDS.iter().any(|w| key.contains(w)) {
        return false;
    }
    RANK_HEADERS.contains(&key.as_str())
        || (key.chars().count() <= 8 && RANK_HEADER_ENDS.iter().any(|w| key.ends_with(w)))
}

/// Words of a ranked table's name column beyond [`RANKED_NAME_HEADERS`] ("单位", "投标单位全称",
/// "投标人全称"), and words of other columns that rule a cell out (地址, 联系人, 报价 …).
static RANKED_NAME_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("ranked_name_word"));
static NOT_NAME_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("not_name_word"));

/// A ranked table's name column: a known header, or a short cell naming the bidder.
fn is_ranked_name_header(cell: &str) -> bool {
    let key = header_key(cell);
    RANKED_NAME_HEADERS.contains(&key.as_str())
        || (key.chars().count() <= 10
            && RANKED_NAME_WORDS.iter().any(|w| key.contains(w))
            && !NOT_NAME_WORDS.iter().any(|w| key.contains(w)))
}

/// Name columns of a ranked table that no winner or candidate header names.
static RANKED_NAME_HEADERS: LazyLock<&[&str]> =
    LazyLock::new(|| layout::words("ranked_name_header"));

/// The unit in a header such as `中标金额（万元）`.
fn unit_in_header(cell: &str) -> Option<Unit> {
    Unit::in_notes(cell)
}

/// Words of a company's name that make it an agency (`agency_name_word`: 招标, 咨询, 项目管理 …).
static AGENCY_NAME_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("agency_name_word"));

/// The agency under a label that names one only on some platforms (招标机构, field
/// [`Field::AgencyIfNamed`]): the value when it is a company whose name reads as an agency and
/// a buyer label names another organisation. A buyer-side unit under the same label (a group's
/// materials company) has no agency word and stays unread.
fn agency_if_named(labelled: &[Labelled], buyer: Option<&str>) -> Option<String> {
    let buyer = buyer?;
    labelled
        .iter()
        .filter(|l| l.field == Field::AgencyIfNamed)
        .find_map(|l| clean_org(&l.value))
        .filter(|a| {
            a != buyer && a.ends_with("公司") && AGENCY_NAME_WORDS.iter().any(|w| a.contains(w))
        })
}

/// Words of running text ruling a bidder out (`text_out_word`: 未能进入, 未入围 …).
static TEXT_OUT_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("text_out_word"));

/// A clause stating a bidder's rank ("排名第四", "综合得分第四名", "名次第五").
static RANK_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"排名|名次|第[一二三四五六七八九十0-9]{1,3}名").expect("valid rank-clause regex")
});

/// The `names` that running text rules out: named before an out word ([`TEXT_OUT_WORDS`]) in
/// its clause ("丁公司未入围"), or, when the clause opens with the out word ("，未能进入前三"),
/// in the clause before it that states a rank ("丁公司排名第四"). A clause about bidders in
/// general ("未进入候选人名单的投标人…") names no one.
fn ruled_out_in_text(lines: &[&str], names: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    if names.is_empty() {
        return out;
    }
    let named_in = |clause: &str| -> Vec<String> {
        names
            .iter()
            .filter(|n| clause.contains(n.as_str()))
            .cloned()
            .collect()
    };
    for line in lines
        .iter()
        // Running text only: a table row's conclusion cell is read with its table.
        .filter(|l| {
            l.len() <= 2_000
                && !l.contains(html::CELL_SEP)
                && TEXT_OUT_WORDS.iter().any(|w| l.contains(w))
        })
    {
        for sentence in line.split(['。', '；', ';']) {
            let clauses: Vec<&str> = sentence.split(['，', ',']).map(str::trim).collect();
            for (i, clause) in clauses.iter().enumerate() {
                let Some(at) = TEXT_OUT_WORDS.iter().filter_map(|w| clause.find(w)).min() else {
                    continue;
                };
                let own = named_in(&clause[..at]);
                if !own.is_empty() {
                    out.extend(own);
                } else if at == 0
                    && !clause.contains('的')
                    && let Some(before) = i.checked_sub(1).and_then(|j| clauses.get(j))
                    && RANK_CLAUSE.is_match(before)
                {
                    out.extend(named_in(before));
                }
            }
        }
    }
    out
}

/// A sentence ranking bidders by their numbers: "推荐3号投标人为第一中标候选人" (group 1 the
/// number, group 2 the rank) or "第一中标候选人为3号投标人" (group 3 the rank, group 4 the number).
static NUMBERED_RANK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"([0-9]{{1,2}})\s*号\s*(?:{party})?\s*(?:{verb})\s*第([一二三四五六七八九十])名?(?:中标|成交|中选)?候选人|第([一二三四五六七八九十])名?(?:中标|成交|中选)?候选人\s*(?:为|是)[：:]?\s*([0-9]{{1,2}})\s*号",
        party = layout::alternation(layout::words("ranked_party")),
        verb = layout::alternation(layout::words("rank_is_verb")),
    ))
    .expect("valid numbered-rank regex")
});

/// A bidder's number written in a cell: "3号", "第3号".
static NUMBER_CELL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^第?\s*([0-9]{1,2})\s*号$").expect("valid number-cell regex"));

/// Column headers of the bidders' numbers (`bidder_no_header`: 投标人序号, 投标人编号).
static BIDDER_NO_HEADERS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("bidder_no_header"));

/// Rows looked at in one table for bidders' numbers: a bid record is short.
const MAX_NUMBERED_ROWS: usize = 60;

/// Candidates a page ranks only by the bidders' numbers ("推荐3号投标人为第一中标候选人，1号投标人
/// 为第二中标候选人"), each looked up in a table that numbers the bidders: a cell "3号", or a
/// number under a bidder-number header ([`BIDDER_NO_HEADERS`]), in a row naming an
/// organisation. In rank order, when the ranks run from the first without a gap or a repeat
/// and every number names one organisation; else none.
fn numbered_candidates(lines: &[&str], tables: &[Vec<Vec<String>>]) -> Vec<String> {
    let mut ranked: Vec<(u32, u32)> = lines
        .iter()
        .filter(|l| l.len() <= 2_000 && l.contains('号') && l.contains("候选人"))
        .flat_map(|l| NUMBERED_RANK.captures_iter(l))
        .filter_map(|c| {
            let (rank, no) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
                (Some(n), Some(r), ..) => (r, n),
                (.., Some(r), Some(n)) => (r, n),
                _ => return None,
            };
            Some((small_number(rank.as_str())?, no.as_str().parse().ok()?))
        })
        .take(20)
        .collect();
    if ranked.is_empty() {
        return Vec::new();
    }
    ranked.sort_unstable();
    if ranked.iter().zip(1u32..).any(|((r, _), want)| *r != want) {
        return Vec::new();
    }
    let numbered = bidder_numbers(tables);
    let mut out = Vec::new();
    for (_, no) in &ranked {
        // Two tables may number the same bidder; two names under one number are ambiguous.
        let Some(name) = numbered_name(&numbered, *no) else {
            return Vec::new();
        };
        if out.contains(&name) {
            return Vec::new();
        }
        out.push(name);
    }
    out
}

/// The one organisation numbered `no` in `numbered`, or none when no table or two names give it.
fn numbered_name(numbered: &[(u32, String)], no: u32) -> Option<String> {
    let mut names = numbered.iter().filter(|(n, _)| *n == no).map(|(_, m)| m);
    let name = names.next()?;
    (!names.any(|m| m != name)).then(|| name.clone())
}

/// A sentence naming an award's winner by the bidder's number: "确定3号投标人为中标人" (group
/// 1) or "成交供应商为2号供应商" (group 2).
static NUMBERED_WINNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"([0-9]{{1,2}})\s*号\s*(?:{party})?\s*(?:被确定为|确定为|为|是)\s*(?:本项目的?)?(?:中标|成交|中选)(?:人|供应商|单位)|(?:中标|成交|中选)(?:人|供应商|单位)\s*(?:为|是|[：:])\s*第?\s*([0-9]{{1,2}})\s*号",
        party = layout::alternation(layout::words("ranked_party")),
    ))
    .expect("valid numbered-winner regex")
});

/// Winners an award page names only by the bidders' numbers ("确定3号投标人为中标人"), each
/// looked up like [`numbered_candidates`]; none unless every number names one organisation.
fn numbered_winners(lines: &[&str], tables: &[Vec<Vec<String>>]) -> Vec<String> {
    let nos: Vec<u32> = lines
        .iter()
        .filter(|l| l.len() <= 2_000 && l.contains('号'))
        .flat_map(|l| NUMBERED_WINNER.captures_iter(l))
        .filter_map(|c| c.get(1).or(c.get(2))?.as_str().parse().ok())
        .take(20)
        .collect();
    if nos.is_empty() {
        return Vec::new();
    }
    let numbered = bidder_numbers(tables);
    let mut out: Vec<String> = Vec::new();
    for no in nos {
        let Some(name) = numbered_name(&numbered, no) else {
            return Vec::new();
        };
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// The bidders each table numbers, (number, name): a cell "3号", or a number under a
/// bidder-number header, in a row naming an organisation.
fn bidder_numbers(tables: &[Vec<Vec<String>>]) -> Vec<(u32, String)> {
    let mut numbered: Vec<(u32, String)> = Vec::new();
    for table in tables {
        let mut column: Option<usize> = None;
        for row in table.iter().take(MAX_NUMBERED_ROWS) {
            if column.is_none() {
                column = row.iter().position(|c| {
                    let key = header_key(c);
                    BIDDER_NO_HEADERS.iter().any(|w| key == *w)
                });
                if column.is_some() {
                    continue;
                }
            }
            let no = row.iter().enumerate().find_map(|(i, c)| {
                let c = c.trim();
                NUMBER_CELL
                    .captures(c)
                    .map(|m| m[1].to_string())
                    .or_else(|| {
                        (Some(i) == column && c.chars().all(|d| d.is_ascii_digit()))
                            .then(|| c.to_string())
                    })
                    .and_then(|n| n.parse::<u32>().ok())
            });
            let name = row.iter().map(|c| c.trim()).find(|c| prose::org_like(c));
            if let (Some(no), Some(name)) = (no, name) {
                numbered.push((no, name.to_string()));
            }
        }
    }
    numbered
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notice_types_come_from_layout_groups_in_priority_order() {
        // The notice_* groups keep the former order: a correction of a result is a correction,
        // a candidates notice is no award, English words are compared lower-cased.
        assert_eq!(classify("成交结果变更公告"), Some(NoticeType::Correction));
        assert_eq!(
            classify("某项目招标终止公告"),
            Some(NoticeType::Termination)
        );
        assert_eq!(classify("2026年5月政府采购意向"), Some(NoticeType::Intent));
        assert_eq!(classify("单一来源采购公示"), Some(NoticeType::SingleSource));
        assert_eq!(classify("成交候选人公示"), Some(NoticeType::Candidates));
        assert_eq!(classify("Contract Award Notice"), Some(NoticeType::Award));
        assert_eq!(classify("竞争性谈判公告"), Some(NoticeType::Tender));
        assert_eq!(classify("关于举办讲座的通知"), None);
        assert_eq!(NOTICE_KEYWORDS.first().map(|k| k.0), Some("更正"));
        // Notices after the award sit between the overriding kinds and 候选人 / 中标.
        assert_eq!(classify("中标合同公告"), Some(NoticeType::Award));
        assert_eq!(classify("项目验收结果公示"), Some(NoticeType::Other));
        assert_eq!(classify("合同公告更正"), Some(NoticeType::Correction));
        assert_eq!(NOTICE_KEYWORDS.len(), 37);
    }

    #[test]
    fn project_numbers_with_a_han_issuer_prefix() {
        assert_eq!(
            clean_id("豫政采(2)20250417-1").as_deref(),
            Some("豫政采(2)20250417-1")
        );
        assert_eq!(
            clean_id("京财采〔2025〕0637号 采购方式").as_deref(),
            Some("京财采〔2025〕0637号")
        );
        assert_eq!(
            clean_id("川财采〔2025〕第118号").as_deref(),
            Some("川财采〔2025〕第118号")
        );
        assert_eq!(
            clean_id("鲁政采字[2025]3号").as_deref(),
            Some("鲁政采字[2025]3号")
        );
        assert_eq!(clean_id("[2025]0412号").as_deref(), Some("[2025]0412号"));
        assert_eq!(
            clean_id("ZB-SHPC-2025-110702").as_deref(),
            Some("ZB-SHPC-2025-110702")
        );
        // Words are not numbers, however they start.
        assert_eq!(clean_id("详见招标文件"), None);
        assert_eq!(clean_id("见附件2025"), None);
        assert_eq!(clean_id("采购文件中规定的项目编号2025-01"), None);
    }

    #[test]
    fn a_sentence_is_not_a_candidate() {
        assert!(!candidate_shaped(
            "评审小组依据磋商文件规定的评审标准对响应文件进行了综合评审"
        ));
        assert!(!candidate_shaped("经评审，推荐成交候选人如下"));
        assert!(candidate_shaped("广西八桂智算科技有限公司"));
        assert!(candidate_shaped("Acme Computing GmbH"));
        // A name ending in an organisation word keeps a 的 or 了 inside it.
        assert!(candidate_shaped("中国科学院计算技术研究所"));
    }

    #[test]
    fn an_opening_bracket_never_closed_is_left_off_the_number() {
        // Another number in brackets after the project number: the bracket opens the next clause.
        assert_eq!(
            clean_id("HBZC-2026-0311-A（采购计划号：2026-88）").as_deref(),
            Some("HBZC-2026-0311-A")
        );
        assert_eq!(
            clean_id("GXZC2026-G1-0042(委托编号：W-17)").as_deref(),
            Some("GXZC2026-G1-0042")
        );
        // Balanced brackets inside the number stay.
        assert_eq!(
            clean_id("HCA(4)2017040GNN（备案号：B-2）").as_deref(),
            Some("HCA(4)2017040GNN")
        );
    }

    #[test]
    fn a_role_note_after_a_whole_name_is_no_part_of_it() {
        for (value, name) in [
            (
                "宝武天山招标有限公司（本平台招标服务机构）",
                "宝武天山招标有限公司",
            ),
            (
                "华北工程咨询有限公司(系本项目代理机构)",
                "华北工程咨询有限公司",
            ),
            ("某某市人民医院（即采购人）", "某某市人民医院"),
            (
                "甲乙项目管理有限公司（招标代理机构）",
                "甲乙项目管理有限公司",
            ),
            // Brackets that are part of the name stay.
            (
                "中金数据系统有限公司（北京）",
                "中金数据系统有限公司（北京）",
            ),
            ("某某（集团）有限公司", "某某（集团）有限公司"),
            (
                "中国科学院某某研究所（超算中心）",
                "中国科学院某某研究所（超算中心）",
            ),
            ("某某大学（本部）", "某某大学（本部）"),
            // Before the note there must be a whole name.
            ("某某（本平台招标服务机构）", "某某（本平台招标服务机构）"),
        ] {
            assert_eq!(clean_org(value).as_deref(), Some(name), "{value}");
        }
    }

    #[test]
    fn names_stop_at_the_next_label_and_skip_number_pieces() {
        assert_eq!(
            split_orgs("重庆两江智算科技有限公司，投标报价：3,126,000.00元"),
            vec!["重庆两江智算科技有限公司"]
        );
        assert_eq!(split_orgs("甲公司、乙公司,123"), vec!["甲公司", "乙公司"]);
    }

    fn notice(html: &str) -> Notice {
        parse(html)
    }

    #[test]
    fn a_field_grid_of_labels_and_values_reads_like_table_rows() {
        let n = notice(
            "<html><body><h2>某集团数据中心扩容项目招标公告</h2><div class=\"grid\">\
             <div class=\"item\"><label>项目编号</label><span>ABC-2026-0042</span></div>\
             <div class=\"item\"><label>最高限价（万元）</label><span>865.5</span></div></div>\
             <p>某集团数据中心扩容项目现进行公开招标。</p></body></html>",
        );
        assert_eq!(n.project_id.as_deref(), Some("ABC-2026-0042"));
        assert_eq!(n.budget.map(|m| m.amount), Some(8_655_000.0));
        // The same grid as a definition list: term and value on lines of their own.
        let n = notice(
            "<html><body><h2>某大学实验平台采购公告</h2><dl><dt>采购编号</dt><dd>XY-26-118</dd>\
             <dt>预算金额（元）</dt><dd>1,250,000.00</dd></dl></body></html>",
        );
        assert_eq!(n.project_id.as_deref(), Some("XY-26-118"));
        assert_eq!(n.budget.map(|m| m.amount), Some(1_250_000.0));
    }

    #[test]
    fn a_clause_opening_with_the_entrusting_buyer_names_buyer_and_agency() {
        // The agency after the buyer, under a short name of its own.
        let p = prose_parties(&[
            "　　受某某省第三人民医院的委托，甲乙项目管理咨询有限公司（下称“代理机构”）就影像云平台项目进行竞争性磋商。",
        ]);
        assert_eq!(p.buyer.as_deref(), Some("某某省第三人民医院"));
        assert_eq!(p.agency.as_deref(), Some("甲乙项目管理咨询有限公司"));
        // A role tag after the buyer; a bracket inside its name stays.
        let p = prose_parties(&[
            "受某某（集团）有限公司（采购人）委托，丙丁招标有限公司对下列项目进行公开招标。",
        ]);
        assert_eq!(p.buyer.as_deref(), Some("某某（集团）有限公司"));
        assert_eq!(p.agency.as_deref(), Some("丙丁招标有限公司"));
        // Mid-paragraph, the agency speaking of itself: the buyer only.
        let p = prose_parties(&[
            "根据有关规定，受某某市数据资源局委托，我公司对下列项目进行询价采购。",
        ]);
        assert_eq!(p.buyer.as_deref(), Some("某某市数据资源局"));
        assert_eq!(p.agency, None);
        // 受 inside a word opens no clause.
        let p = prose_parties(&["代理机构受理委托事项后三个工作日内完成备案。"]);
        assert_eq!(p.buyer, None);
    }

    #[test]
    fn one_cell_notice_reads_each_block_name() {
        let n = notice(
            "<table><tr><td>项目编号：SC-2025-1<br>1.采购人信息<br>名称：某某大学<br>地址：某路1号<br>\
             2.采购代理机构信息<br>名称：某某招标有限公司<br>地址：某路2号</td></tr></table>",
        );
        assert_eq!(n.buyer.as_deref(), Some("某某大学"));
        assert_eq!(n.agency.as_deref(), Some("某某招标有限公司"));
    }

    #[test]
    fn correction_table_with_an_item_column_named_like_the_new_side() {
        // 更正内容 names the item here; 原公告内容 / 更正后内容 are the sides.
        let n = notice(
            "<h2>某银行平台采购项目更正公告</h2><p>项目编号：ZX-2026-1</p><table>\
             <tr><td>序号</td><td>更正内容</td><td>原公告内容</td><td>更正后内容</td></tr>\
             <tr><td>1</td><td>采购预算（含税）</td><td>人民币720万元</td><td>人民币648万元</td></tr></table>",
        );
        assert_eq!(n.budget.map(|m| m.amount), Some(6_480_000.0));
        assert_eq!(
            n.notes,
            vec!["budget corrected from 7200000.00 CNY to 6480000.00 CNY".to_string()]
        );
        // The unit in the item cell holds for bare figures.
        let n = notice(
            "<h2>某大学采购项目更正公告</h2><table>\
             <tr><th>序号</th><th>变更事项</th><th>原内容</th><th>调整后内容</th></tr>\
             <tr><td>1</td><td>最高限价（万元）</td><td>450.00</td><td>420.00</td></tr></table>",
        );
        assert_eq!(n.budget.map(|m| m.amount), Some(4_200_000.0));
    }

    #[test]
    fn a_correction_reads_the_original_notices_project_number() {
        // Round 21 of issue 10: on a correction the original notice's number is the project's.
        for (html, want) in [
            ("<p>原项目编号：HB-ZC-2026-031</p>", "HB-ZC-2026-031"),
            (
                "<table><tr><td>原采购项目编号</td><td>JX2026-GK-017</td></tr></table>",
                "JX2026-GK-017",
            ),
            (
                "<p>公告编号：GZ-2026-9 原公告编号：YG-2026-0415</p>",
                "YG-2026-0415",
            ),
            (
                "<dl><dt>原招标项目编号</dt><dd>ZB-2026-88</dd></dl>",
                "ZB-2026-88",
            ),
            ("<p>项目编号（原）：SD-2026-12</p>", "SD-2026-12"),
        ] {
            let n = notice(&format!("<h3>某大学服务器采购项目更正公告</h3>{html}"));
            assert_eq!(n.project_id.as_deref(), Some(want), "{html}");
        }
        // A plain project number on the page wins.
        let n = notice(
            "<h3>某大学服务器采购项目更正公告</h3><p>原公告编号：YG-2026-0415</p>\
             <p>项目编号：XM-2026-0002</p>",
        );
        assert_eq!(n.project_id.as_deref(), Some("XM-2026-0002"));
    }

    #[test]
    fn an_institutions_own_number_is_the_project_number() {
        // Round 40 of issue 10, other wordings: a school or hospital organising its own purchase
        // numbers it in its own series (校内编号, 院内编号), in brackets or as a label.
        for (html, want) in [
            (
                "<p>甲乙大学就智算平台采购项目（校内编号：XN-CG-2026-07）组织公开招标。</p>",
                "XN-CG-2026-07",
            ),
            ("<p>院内编号：YN-2026-115</p>", "YN-2026-115"),
        ] {
            let n = notice(&format!("<h3>某大学服务器采购项目招标公告</h3>{html}"));
            assert_eq!(n.project_id.as_deref(), Some(want), "{html}");
        }
        // Glued to a longer word it is no label ("学院内编号" is not 院内编号).
        let n = notice(
            "<h3>某大学服务器采购项目招标公告</h3><p>本次按学院内编号：XY-9 排序的清单报价。</p>",
        );
        assert_eq!(n.project_id, None);
    }

    #[test]
    fn a_notice_number_stands_in_only_without_a_project_number() {
        let n =
            notice("<h3>某公司平台招标公告</h3><dl><dt>公告编号</dt><dd>GG-2026-0001</dd></dl>");
        assert_eq!(n.project_id.as_deref(), Some("GG-2026-0001"));
        let n = notice(
            "<h3>某公司平台招标公告</h3><dl><dt>公告编号</dt><dd>GG-2026-0001</dd>\
             <dt>项目编号</dt><dd>XM-2026-0002</dd></dl>",
        );
        assert_eq!(n.project_id.as_deref(), Some("XM-2026-0002"));
    }

    #[test]
    fn a_stage_tab_bar_is_no_title() {
        let n = notice(
            "<ul><li>采购/资格预审公告</li><li>更正事项</li><li>中标/成交结果公告</li></ul>\
             <div>某省某中心算力平台建设项目中标结果公告</div><p>采购人：某省某中心</p>",
        );
        assert_eq!(
            n.title.as_deref(),
            Some("某省某中心算力平台建设项目中标结果公告")
        );
    }

    #[test]
    fn an_info_line_time_dates_the_page_but_an_event_time_does_not() {
        assert!(!is_event_time(
            "时间：2026年09月30日 作者：采购办 点击数：12"
        ));
        assert!(is_event_time("时间：2026年09月30日 09时30分"));
        let n = notice(
            "<h3>某大学项目成交公告</h3><div>时间：2026年09月30日 作者：采购办 点击数：12</div>\
             <p>本项目已于2026年09月24日完成磋商。</p>",
        );
        assert_eq!(n.published.as_deref(), Some("2026-09-30"));
    }

    #[test]
    fn a_date_split_over_spans_dates_the_info_area_only() {
        // Year, month/day and time in adjacent spans, with the source beside them.
        let n = notice(
            "<div class=\"info\"><div class=\"t\"><span><i>2025</i></span>\
             <span><i>11</i>/<i>03</i></span><span>16:40</span></div>\
             <div>来源：某某日报</div></div><h1>某市智算中心项目定标</h1>\
             <p>本项目于2025年10月28日开标。</p>",
        );
        assert_eq!(n.published.as_deref(), Some("2025-11-03"), "{n:?}");
        let n = notice(
            "<p class=\"meta\"><span>2024年</span><span>05月21日</span> 作者：张某</p>\
             <h1>某大学算力平台采购结果</h1><p>正文。</p>",
        );
        assert_eq!(n.published.as_deref(), Some("2024-05-21"), "{n:?}");
        // A schedule table's year and day cells are no info area.
        let n = notice(
            "<h1>某项目招标公告</h1><table><tr><td>2026</td><td>07/30</td><td>答疑</td></tr></table>\
             <p>发布时间：2026年07月20日 来源：中心</p>",
        );
        assert_eq!(n.published.as_deref(), Some("2026-07-20"), "{n:?}");
        let n = notice(
            "<h1>某项目招标公告</h1><table><tr><td>2026</td><td>07/30</td></tr></table>\
             <p>正文。</p>",
        );
        assert_eq!(n.published, None, "{n:?}");
    }

    #[test]
    fn the_info_line_beats_a_header_date_and_a_body_date() {
        // A layout cell joins breadcrumb, heading and info line into one long line; the short
        // body line with a 谈判 date came first before.
        let n = notice(
            "<table><tr><td><div>当前位置：首页 &gt; 通知公告 &gt; 采购信息</div>             <div>某某研究所高性能计算集群扩容项目成交结果公告</div>             <div>发表时间：2025-04-17 作者：资产处 浏览：210</div>             <p>一、项目编号：XX-2025-017</p><p>二、其他事项：谈判时间为2025年4月9日。</p>             </td></tr></table>",
        );
        assert_eq!(n.published.as_deref(), Some("2025-04-17"));
        // A lone date in the header table (no weekday, no label) is the site's clock.
        let n = notice(
            "<table><tr><td align=right>2025年3月21日</td></tr></table>             <h3>某某医院服务器采购招标公告</h3>             <div>文章来源：设备科　录入时间：2025年3月18日　阅读次数：77</div>",
        );
        assert_eq!(n.published.as_deref(), Some("2025-03-18"));
        // An info line laid out one field per line, its date field in a layout cell's head.
        let n = notice(
            "<table><tr><td>某某大学国资处</td><td>2025年3月9日</td></tr></table>\
             <table><tr><td><div>位置：首页 &gt; 招标采购</div><div>某某大学服务器采购结果公告</div>\
             <div>日期：2025-03-02</div><div>来源：国资处</div><p>一、开标日期：2025年2月27日</p>\
             </td></tr></table>",
        );
        assert_eq!(n.published.as_deref(), Some("2025-03-02"));
        let n = notice(
            "<table><tr><td>某某学院资产处</td><td>2025年3月21日</td></tr></table>\
             <h3>某某学院服务器采购结果公告</h3><div>更新时间：2025-03-18</div><div>点击：77</div>\
             <p>开标日期：2025年3月12日</p>",
        );
        assert_eq!(n.published.as_deref(), Some("2025-03-18"));
        let n = notice(
            "<div>欢迎访问 2025-03-21</div><h3>某某学院服务器采购结果公告</h3>\
             <div>作者：资产处</div><div>日期：2025-03-18</div>",
        );
        assert_eq!(n.published.as_deref(), Some("2025-03-18"));
        // An explicit publication label still wins over an info line's later update time.
        let n = notice(
            "<h3>某某大学采购项目招标公告</h3><p>发布日期：2025-06-03</p>             <div>更新时间：2025-06-05 点击：9</div>",
        );
        assert_eq!(n.published.as_deref(), Some("2025-06-03"));
        // An earlier notice's date on a correction never dates it.
        let n = notice(
            "<h3>某某中心设备采购更正公告</h3><p>一、原公告发布时间：2025年8月1日</p>             <p>二、更正事项：预算金额更正为80万元。</p><p>某某中心</p><p>2025年8月6日</p>",
        );
        assert_eq!(n.published.as_deref(), Some("2025-08-06"));
    }

    #[test]
    fn a_bold_centred_heading_fills_out_a_shortened_title() {
        let n = notice(
            "<html><head><title>某某县人民医院超声AI系统招标公告_某某县人民医院</title></head>             <body><table><tr><td><p align=center><strong>某某县人民医院超声影像AI辅助诊断系统采购项目招标公告</strong></p>             <p align=center>发布时间：2025-05-06</p></td></tr></table></body></html>",
        );
        assert_eq!(
            n.title.as_deref(),
            Some("某某县人民医院超声影像AI辅助诊断系统采购项目招标公告")
        );
        // A `<title>` cut off with an ellipsis gives way to the heading that goes on from it.
        let n = notice(
            "<html><head><title>某某市第三人民医院互联网医院AI问诊平台建设...</title></head>\
             <body><center><b>某某市第三人民医院互联网医院AI问诊平台建设项目中标结果公示</b></center>\
             <p>发布时间：2025-05-06</p></body></html>",
        );
        assert_eq!(
            n.title.as_deref(),
            Some("某某市第三人民医院互联网医院AI问诊平台建设项目中标结果公示")
        );
        // Other bold centred text (an attachment's caption) does not replace the `<title>`.
        let n = notice(
            "<html><head><title>某某学院算力平台采购项目中标结果公告-某某学院</title></head>             <body><div style=\"text-align: center\"><b>附件：某某学院算力平台采购需求一览表公告</b></div>             <p>发布时间：2025-05-06</p></body></html>",
        );
        assert_eq!(
            n.title.as_deref(),
            Some("某某学院算力平台采购项目中标结果公告")
        );
        // Without a `<title>` naming the notice, a bold centred one with a notice word is the title.
        let n = notice(
            "<html><head><title>某某集团电子采购平台</title></head><body>\
             <center><font size=5>某某集团数据中心GPU服务器采购项目竞争性谈判公告</font></center>\
             <p>发布时间：2025-05-06</p></body></html>",
        );
        assert_eq!(
            n.title.as_deref(),
            Some("某某集团数据中心GPU服务器采购项目竞争性谈判公告")
        );
    }

    #[test]
    fn related_headlines_are_not_in_the_screened_text() {
        let n = notice(
            "<h1>某运营商服务器集采结果出炉</h1><p>某日消息，某公司公布了结果，服务器采用海光DCU。</p>\
             <div class=\"related\"><h3>相关阅读</h3><ul><li><a href=\"#\">昇腾服务器获大单</a></li></ul></div>",
        );
        assert!(n.text.contains("海光DCU"));
        assert!(!n.text.contains("昇腾服务器获大单"), "{}", n.text);
    }

    #[test]
    fn correction_table_gives_the_corrected_budget() {
        let n = notice(
            "<h2>某大学平台采购项目更正公告</h2><p>项目编号：GD-2025-7</p><table>\
             <tr><td>序号</td><td>更正项</td><td>更正前内容</td><td>更正后内容</td></tr>\
             <tr><td>1</td><td>预算金额</td><td>3,500,000.00元</td><td>3,200,000.00元</td></tr>\
             <tr><td>2</td><td>开标时间</td><td>2025年06月10日</td><td>2025年06月17日</td></tr></table>",
        );
        assert_eq!(n.budget.map(|m| m.amount), Some(3_200_000.0));
        assert_eq!(
            n.notes,
            vec!["budget corrected from 3500000.00 CNY to 3200000.00 CNY".to_string()]
        );
    }

    #[test]
    fn correction_table_columns_are_read_by_their_headers_in_any_order() {
        // Round 35 of issue 10: 更正后内容 before 更正前内容, a joined budget item and 大写 cells.
        // Other headers, items and amounts here.
        let n = notice(
            "<h2>某局平台采购项目更正公告</h2><p>项目编号：SX-2026-9</p><table>\
             <tr><td>序号</td><td>变更事项</td><td>变更后内容</td><td>变更前内容</td></tr>\
             <tr><td>1</td><td>采购预算和最高限价</td><td>人民币贰佰捌拾万元整（￥2,800,000.00）</td><td>人民币叁佰万元整（￥3,000,000.00）</td></tr>\
             <tr><td>2</td><td>开标时间</td><td>2026年10月15日</td><td>2026年10月9日</td></tr></table>",
        );
        assert_eq!(n.budget.map(|m| m.amount), Some(2_800_000.0));
        // A date item in the same table gives no budget.
        let n = notice(
            "<h2>某局平台采购项目更正公告</h2><p>项目编号：SX-2026-9</p><table>\
             <tr><td>序号</td><td>更正事项</td><td>更正后内容</td><td>更正前内容</td></tr>\
             <tr><td>1</td><td>开标时间</td><td>2026年10月15日</td><td>2026年10月9日</td></tr></table>",
        );
        assert!(n.budget.is_none(), "{:?}", n.budget);
    }

    #[test]
    fn any_short_candidate_header_names_candidates() {
        let n = notice(
            "<h1>某电力公司服务招标采购推荐的中标候选人公示</h1><p>招标编号：0711-25OTL0617</p><table>\
             <tr><th>分标编号</th><th>包号</th><th>推荐的中标候选人</th><th>投标报价(万元)</th></tr>\
             <tr><td>SG01</td><td>包1</td><td>甲电力科技有限公司</td><td>312.5</td></tr>\
             <tr><td>SG01</td><td>包2</td><td>乙数智科技有限公司</td><td>208</td></tr></table>",
        );
        assert_eq!(
            n.candidates,
            vec!["甲电力科技有限公司", "乙数智科技有限公司"]
        );
        assert!(n.suppliers.is_empty() && n.award.is_none());
    }

    #[test]
    fn ranked_candidate_lines_are_all_candidates() {
        let n = notice(
            "<h2>某大学平台建设项目评标结果公示</h2><p>项目编号：CQ-2025-1</p>\
             <p>第一中标候选人：甲科技有限公司，投标报价：3,126,000.00元</p>\
             <p>第二中标候选人：乙数据有限公司，投标报价：3,189,500.00元</p>\
             <p>第三中标候选人：丙超算科技有限公司，投标报价：3,240,000.00元</p>",
        );
        assert_eq!(n.notice_type, NoticeType::Candidates);
        assert_eq!(
            n.candidates,
            vec!["甲科技有限公司", "乙数据有限公司", "丙超算科技有限公司"]
        );
        assert!(n.suppliers.is_empty() && n.award.is_none());
    }

    #[test]
    fn a_menu_line_is_no_title() {
        assert!(is_menu_line("河北省政府采购网 首页 采购公告 中标公告"));
        assert!(is_menu_line("采购公告 结果公告 更正公告"));
        assert!(!is_menu_line(
            "河北工业大学智算实验平台采购项目公开招标公告"
        ));
        let n = notice(
            "<html><head><title>某省政府采购网-采购公告</title></head><body>\
             <div>某省政府采购网 <a>首页</a> <a>采购公告</a> <a>中标公告</a></div>\
             <table><tr><td class=\"txt7\">某某大学实验平台采购项目公开招标公告</td></tr></table>\
             <p>项目编号：XX-2025-1</p></body></html>",
        );
        assert_eq!(
            n.title.as_deref(),
            Some("某某大学实验平台采购项目公开招标公告")
        );
        assert_eq!(n.notice_type, NoticeType::Tender);
    }

    #[test]
    fn furniture_never_names_a_news_buyer_or_winner() {
        let n = notice(
            "<html><body><aside class=\"right-side\"><ul><li><a>甲省联通分公司发布算力集采公告</a></li>\
             <li><a>乙数据科技有限公司以2.1亿元中标政务云项目</a></li></ul></aside>\
             <h1>某电信智算项目候选人公示</h1><p>2025-12-03 来源：某某网</p>\
             <p>某某网消息 近日，中国电信股份有限公司丙省分公司（以下简称“丙省电信”）公布了项目的中标候选人。</p>\
             <p>第一中标候选人为丁智算科技有限公司，投标报价为5,980万元。</p>\
             <div><h3>相关阅读</h3><ul><li><a>戊省移动发布智算中心招标</a></li></ul></div>\
             <ul><li><a>第一中标候选人为己云计算有限公司</a></li><li><a>更多</a></li></ul></body></html>",
        );
        assert_eq!(n.notice_type, NoticeType::News);
        assert_eq!(n.buyer.as_deref(), Some("中国电信股份有限公司丙省分公司"));
        assert_eq!(n.candidates, vec!["丁智算科技有限公司"]);
        assert!(n.suppliers.is_empty() && n.award.is_none(), "{n:?}");
    }

    #[test]
    fn a_date_in_a_list_of_links_dates_no_page() {
        let n = notice(
            "<html><body><div class=\"left\"><h3>最新动态</h3><ul class=\"news\">\
             <li><a>2025-04-20 某研究所设备采购预告</a></li>\
             <li><a>2025-04-12 某研究所学术报告会</a></li></ul></div>\
             <table><tr><td>某研究所计算集群采购项目招标公告</td></tr>\
             <tr><td>2025-04-15　|　【 大 中 小 】【打印】【关闭】</td></tr>\
             <tr><td>某招标有限公司受某研究所委托，对计算集群采购项目进行公开招标。</td></tr></table>\
             </body></html>",
        );
        assert_eq!(n.published.as_deref(), Some("2025-04-15"), "{n:?}");
        // A lone date line outside the list still dates the page.
        let n = notice(
            "<html><body><ul><li><a>2025-05-30 另一则通知</a></li><li><a>2025-05-28 会议纪要</a></li></ul>\
             <h1>某学院服务器采购询价公告</h1><p>2025-05-21</p>\
             <p>某学院拟采购服务器一批，欢迎报价。</p></body></html>",
        );
        assert_eq!(n.published.as_deref(), Some("2025-05-21"), "{n:?}");
    }

    #[test]
    fn an_e_paper_page_list_is_no_title() {
        let n = notice(
            "<html><head><title>某大学超算中心扩容项目完成验收--某报数字报</title></head><body>\
             <div class=\"title-list\"><h4>本版导读</h4><ul><li><a>某大学超算中心扩容项目完成验收</a></li>\
             <li><a>某市智能制造大会开幕</a></li></ul></div>\
             <h1 class=\"art-h1\">某大学超算中心扩容项目完成验收</h1>\
             <p>本报讯 近日，某大学超算中心扩容项目完成验收。</p></body></html>",
        );
        let title = n.title.unwrap_or_default();
        assert!(!title.starts_with("本版"), "{title}");
        assert!(boiler::is_furniture_line("本版标题 甲 乙 丙"));
        assert!(!boiler::is_furniture_line("某版面设计服务采购公告"));
    }

    #[test]
    fn furniture_that_holds_every_sentence_is_the_article() {
        let n = notice(
            "<html><body><h1>某电信智算项目结果出炉</h1><p>来源：某某网</p><div class=\"linkbox\">\
             <p>某某网消息 近日，中国电信股份有限公司丙省分公司公示了智算项目的中标候选人。</p>\
             <p>第一中标候选人为丁智算科技有限公司。</p></div></body></html>",
        );
        assert_eq!(n.notice_type, NoticeType::News);
        assert_eq!(n.buyer.as_deref(), Some("中国电信股份有限公司丙省分公司"));
        assert_eq!(n.candidates, vec!["丁智算科技有限公司"]);
    }

    #[test]
    fn a_ranked_table_in_another_order_is_read_in_rank_order_and_cut_to_the_stated_count() {
        let table = "<table><tr><th>序号</th><th>投标单位</th><th>报价（万元）</th><th>名次</th></tr>\
             <tr><td>1</td><td>甲科技有限公司</td><td>468.00</td><td>第三名</td></tr>\
             <tr><td>2</td><td>乙数据有限公司</td><td>472.50</td><td>第四名</td></tr>\
             <tr><td>3</td><td>丙智能有限公司</td><td>479.80</td><td>第一名</td></tr>\
             <tr><td>4</td><td>丁信息有限公司</td><td>483.20</td><td>第二名</td></tr></table>";
        let head = "<h3>某学院算力平台采购项目中标候选人公示</h3><p>项目编号：XY-2026-7</p>";
        // No count stated: every ranked row, in rank order.
        let n = notice(&format!("{head}{table}"));
        assert_eq!(
            n.candidates,
            vec![
                "丙智能有限公司",
                "丁信息有限公司",
                "甲科技有限公司",
                "乙数据有限公司"
            ]
        );
        // A stated count cuts the rows ranked below it.
        for said in [
            "<p>评审委员会推荐排名前两名的供应商为成交候选人。</p>",
            "<p>现推荐2家中标候选人如下。</p>",
        ] {
            let n = notice(&format!("{head}{table}{said}"));
            assert_eq!(
                n.candidates,
                vec!["丙智能有限公司", "丁信息有限公司"],
                "{said}"
            );
        }
        // The candidates named again in prose, as the table's top ranks, set the count.
        let n = notice(&format!(
            "{head}{table}<p>中标候选人依次为：丙智能有限公司、丁信息有限公司、甲科技有限公司。</p>"
        ));
        assert_eq!(
            n.candidates,
            vec!["丙智能有限公司", "丁信息有限公司", "甲科技有限公司"]
        );
        // A rank given as a candidate's place (第1名中标候选人) is no count.
        let n = notice(&format!(
            "{head}{table}<p>第1名中标候选人放弃的，依次递补。</p>"
        ));
        assert_eq!(n.candidates.len(), 4);
    }

    #[test]
    fn a_ranked_table_keeps_every_row() {
        let n = notice(
            "<h3>某能源公司大模型服务采购项目中标候选人公示</h3><p>招标编号：CHD-2025-1</p><table>\
             <tr><th>排名</th><th>投标人名称</th><th>投标报价（万元）</th></tr>\
             <tr><td>1</td><td>甲科技有限公司</td><td>468.00</td></tr>\
             <tr><td>2</td><td>乙数据有限公司</td><td>472.50</td></tr>\
             <tr><td>3</td><td>丙智能有限公司</td><td>479.80</td></tr>\
             <tr><td>4</td><td>无为江北数据技术有限公司</td><td>483.20</td></tr>\
             <tr><td>5</td><td>略阳汉江信息工程有限公司</td><td>490.00</td></tr></table>\
             <p>第四中标候选人：无锡某某科技有限公司</p>",
        );
        assert_eq!(n.notice_type, NoticeType::Candidates);
        assert_eq!(
            n.candidates,
            vec![
                "无锡某某科技有限公司",
                "甲科技有限公司",
                "乙数据有限公司",
                "丙智能有限公司",
                "无为江北数据技术有限公司",
                "略阳汉江信息工程有限公司"
            ]
        );
        // Placeholders still name nobody.
        assert!(split_orgs("无").is_empty() && split_orgs("无（流标）").is_empty());
        assert!(split_orgs("详见附件").is_empty());
    }

    #[test]
    fn rank_and_name_columns_in_other_words() {
        // 推荐次序 | 投标单位, 候选顺序 | 单位, 排序 | 投标单位全称: ranked tables of candidates.
        for (rank, name) in [
            ("推荐次序", "投标单位"),
            ("候选顺序", "单位"),
            ("排序", "投标单位全称"),
        ] {
            let n = notice(&format!(
                "<h3>某局算力租赁服务中标候选人公示</h3><p>招标编号：NM-2026-1</p><table>\
                 <tr><th>{rank}</th><th>{name}</th><th>投标总价（含税，元）</th><th>服务期</th><th>评标得分</th></tr>\
                 <tr><td>第1名</td><td>甲科技有限公司</td><td>4,512,800.00</td><td>24个月</td><td>93.28</td></tr>\
                 <tr><td>第2名</td><td>乙数据有限公司</td><td>4,436,000.00</td><td>24个月</td><td>90.15</td></tr></table>"
            ));
            assert_eq!(
                n.candidates,
                ["甲科技有限公司", "乙数据有限公司"],
                "{rank} | {name}"
            );
        }
        assert!(is_rank_header("综合排名") && !is_rank_header("投标单位"));
        // The order bids were handed in or opened is no rank.
        assert!(!is_rank_header("递交顺序") && !is_rank_header("开标顺序"));
        assert!(!is_rank_header("签到次序") && is_rank_header("推荐顺序"));
        assert!(is_ranked_name_header("投标人全称") && !is_ranked_name_header("投标单位地址"));
        assert!(!is_ranked_name_header("项目负责人"));
    }

    #[test]
    fn a_ranked_table_with_score_columns_never_names_a_header() {
        // Header cells (投标报价（元）, 工期, 评标得分) are never names, and every ranked row counts.
        let n = notice(
            "<h3>某高速公司事件检测平台项目中标候选人公示</h3><p>招标编号：GS-2025-7</p><table>\
             <tr><td>名次</td><td>中标候选人名称</td><td>投标报价（元）</td><td>工期（日历天）</td>\
             <td>项目负责人</td><td>评标得分</td></tr>\
             <tr><td>第一名</td><td>甲科技有限公司</td><td>8,736,500.00</td><td>90</td><td>张工</td><td>92.36</td></tr>\
             <tr><td>第二名</td><td>乙数据有限公司</td><td>8,812,000.00</td><td>90</td><td>李工</td><td>89.71</td></tr>\
             </table>",
        );
        assert_eq!(n.notice_type, NoticeType::Candidates);
        assert_eq!(n.candidates, vec!["甲科技有限公司", "乙数据有限公司"]);
        assert!(n.suppliers.is_empty() && n.award.is_none());
    }

    #[test]
    fn a_table_of_quotes_names_only_the_marked_winner() {
        // 询价结果 with every quote listed (作者/来源 in the meta line): an award, not news.
        let n = notice(
            "<div>某职业学院实训室工作站询价采购结果公示</div><p>作者：采购科　来源：采购处　时间：2025-06-20</p>\
             <p>学院就工作站采购项目（编号：ZY-XJ-2025-062）组织了询价。</p><table>\
             <tr><td>序号</td><td>供应商名称</td><td>报价（元）</td><td>评审结论</td></tr>\
             <tr><td>1</td><td>甲科技有限公司</td><td>486,400.00</td><td>通过，成交</td></tr>\
             <tr><td>2</td><td>乙数据有限公司</td><td>492,000.00</td><td>通过</td></tr>\
             <tr><td>3</td><td>丙电子有限公司</td><td>505,800.00</td><td>未成交</td></tr></table>",
        );
        assert_eq!(n.notice_type, NoticeType::Award);
        assert_eq!(n.project_id.as_deref(), Some("ZY-XJ-2025-062"));
        assert_eq!(n.suppliers, vec!["甲科技有限公司"]);
        assert!(n.candidates.is_empty());
    }

    #[test]
    fn a_comparison_column_is_left_out_of_the_screened_text() {
        let n = notice(
            "<h2>某研究院推理服务器采购项目招标公告</h2><p>发布时间：2025-08-01</p>\
             <p>项目编号：YJY-2025-0801</p><p>服务器配置昇腾910B加速卡。</p><table>\
             <tr><td>参数</td><td>招标要求</td><td>对标产品</td></tr>\
             <tr><td>显存</td><td>64GB</td><td>英伟达H100 80GB</td></tr>\
             <tr><td>互联带宽</td><td>392GB/s</td><td>NVLink 900GB/s</td></tr></table>\
             <table><tr><td>序号</td><td>参考品牌</td></tr><tr><td>1</td><td>浪潮NF5688</td></tr></table>",
        );
        assert!(!n.text.contains("H100"), "{}", n.text);
        assert!(n.text.contains("64GB"));
        // 参考品牌 lists goods that may be offered: kept.
        assert!(n.text.contains("浪潮NF5688"));
        assert!(is_yardstick_header("性能基准"));
        assert!(is_yardstick_header("对比型号（仅供参考）"));
        assert!(!is_yardstick_header("参考型号"));
    }

    #[test]
    fn a_bid_record_beside_a_candidate_list_names_no_one() {
        // 开标一览表 of every bidder, then the candidates named by label: only those are named.
        let n = notice(
            "<h2>某学院虚拟仿真实验平台采购项目中标候选人公示</h2><p>发布日期：2025-09-02</p>\
             <p>项目编号：XY-2025-0902</p><p>开标一览表</p><table>\
             <tr><td>序号</td><td>供应商名称</td><td>报价（元）</td></tr>\
             <tr><td>1</td><td>甲科技有限公司</td><td>386,000.00</td></tr>\
             <tr><td>2</td><td>乙数据有限公司</td><td>372,500.00</td></tr>\
             <tr><td>3</td><td>丙电子有限公司</td><td>399,000.00</td></tr></table>\
             <p>第一中标候选人：乙数据有限公司</p><p>第二中标候选人：甲科技有限公司</p>",
        );
        assert_eq!(n.notice_type, NoticeType::Candidates);
        assert_eq!(n.candidates, vec!["乙数据有限公司", "甲科技有限公司"]);
        assert!(n.suppliers.is_empty());
    }

    #[test]
    fn a_bid_record_beside_a_candidate_table_names_no_one() {
        let n = notice(
            "<div class=\"t\">某大学高性能计算集群扩容项目评标结果公示</div><p>2025-10-11</p>\
             <p>项目编号：DX-2025-1011</p><table>\
             <tr><td>序号</td><td>投标人名称</td><td>投标报价（万元）</td></tr>\
             <tr><td>1</td><td>丁智算科技有限公司</td><td>218.00</td></tr>\
             <tr><td>2</td><td>戊信息技术有限公司</td><td>209.50</td></tr></table><table>\
             <tr><td>推荐顺序</td><td>候选人名称</td><td>评标得分</td></tr>\
             <tr><td>1</td><td>戊信息技术有限公司</td><td>90.1</td></tr></table>",
        );
        assert_eq!(n.candidates, vec!["戊信息技术有限公司"]);
        assert!(n.suppliers.is_empty());
    }

    #[test]
    fn a_press_article_about_candidates_is_news() {
        let n = notice(
            "<h1>某银行大模型服务采购中标候选人出炉</h1><p>作者：记者甲　2025-11-19</p>\
             <p>记者获悉，某某银行股份有限公司日前公示了大模型服务采购项目的中标候选人，本项目预算金额为3860万元。</p>\
             <p>公示显示，第一中标候选人为甲科技有限公司；第二中标候选人为乙数据有限公司。</p>",
        );
        assert_eq!(n.notice_type, NoticeType::News);
        assert_eq!(n.candidates, vec!["甲科技有限公司", "乙数据有限公司"]);
        assert_eq!(n.budget.map(|b| b.amount), Some(38_600_000.0));
    }

    #[test]
    fn a_dispatch_byline_or_an_outlet_account_line_makes_an_article() {
        // Round 14 of issue 10: a tech outlet's "X 发自 Y" byline and "outlet | 公众号 …" line,
        // on an article whose title names candidates, and its buyer introduced under an alias.
        let n = notice(
            "<html><head><title>某省电信智算集群开标：三家候选人入围 | 某某网</title></head><body>\
             <h1>某省电信智算集群开标：三家候选人入围</h1><div>李四 发自 望京</div>\
             <div>某某网 | 公众号 MouMou</div><div>2026-03-02 10:00</div>\
             <p>中国电信股份有限公司某省分公司（以下简称“某省电信”）日前发布了智算集群采购项目的中标候选人公示，\
             本项目最高投标限价为8600万元。</p>\
             <p>按公示，甲智算科技有限公司排名第一；乙算力网络有限公司排名第二。</p>\
             <p>某省电信表示，集群将于年内上线。</p></body></html>",
        );
        assert_eq!(n.notice_type, NoticeType::News);
        assert_eq!(n.buyer.as_deref(), Some("中国电信股份有限公司某省分公司"));
        assert!(is_dispatch_byline("梦晨 发自 凹非寺"));
        assert!(is_dispatch_byline("记者 张三 发自 北京"));
        assert!(is_dispatch_byline(
            "梦晨 发自 凹非寺 量子位 | 公众号 QbitAI 2026-08-14 12:31"
        ));
        assert!(!is_dispatch_byline(
            "本公告发自某某市公共资源交易中心网站，请各投标人注意查收相关澄清文件"
        ));
        assert!(is_account_line("量子位 | 公众号 QbitAI"));
        assert!(!is_account_line("扫码关注微信公众号"));
    }

    #[test]
    fn a_buyer_named_by_its_alias_gives_way_to_the_registered_name_on_any_page() {
        let n = notice(
            "<h1>某省电信2026年服务器采购项目中标候选人公示</h1>\
             <p>中国电信股份有限公司某省分公司（以下简称“某省电信”）的服务器采购项目评标工作已经结束，\
             现将中标候选人公示如下。</p>\
             <p>招标人：某省电信</p>\
             <p>第一中标候选人：甲智算科技有限公司</p>",
        );
        assert_eq!(n.notice_type, NoticeType::Candidates);
        assert_eq!(n.buyer.as_deref(), Some("中国电信股份有限公司某省分公司"));
    }

    #[test]
    fn a_press_article_with_a_byline_about_candidates_is_news() {
        let n = notice(
            "<html><head><title>某省政务云项目候选人出炉，三家企业角逐-某某科技</title></head><body>\
             <h1>某省政务云项目候选人出炉，三家企业角逐</h1><div>王五 · 2025年12月01日 10:26</div>\
             <p>某某科技获悉，某省大数据管理局近日公示了政务云项目的中标候选人，该项目预算金额为1.26亿元。</p>\
             <p>第一中标候选人为甲智算科技有限公司；第二中标候选人为乙数智信息技术有限公司。</p></body></html>",
        );
        assert_eq!(n.notice_type, NoticeType::News);
        assert_eq!(n.buyer.as_deref(), Some("某省大数据管理局"));
        assert_eq!(n.budget.map(|b| b.amount), Some(126_000_000.0));
        assert_eq!(
            n.candidates,
            vec!["甲智算科技有限公司", "乙数智信息技术有限公司"]
        );
        assert!(is_byline("王五 · 2025年12月01日 10:26"));
        assert!(!is_byline("首页 · 新闻中心"));
    }

    #[test]
    fn a_listed_company_announcement_names_the_letter_sender_and_the_subsidiary() {
        let n = notice(
            "<html><body><h1>甲数智：子公司中标某省联通智算项目 中标金额3.2亿元</h1>\
             <p>来源：某某证券网　2026-10-03 20:41</p>\
             <p>某某证券网讯，甲数智科技股份有限公司（下称“甲数智”）10月3日晚间公告，公司控股子公司乙智算科技有限公司近日收到中国联合网络通信有限公司丙省分公司发出的《中标通知书》，确定乙智算科技有限公司为该项目的中标人，中标金额为3.2亿元（含税）。</p>\
             </body></html>",
        );
        assert_eq!(n.notice_type, NoticeType::News);
        assert_eq!(
            n.buyer.as_deref(),
            Some("中国联合网络通信有限公司丙省分公司")
        );
        assert_eq!(n.suppliers, vec!["乙智算科技有限公司"]);
        assert_eq!(n.award.map(|b| b.amount), Some(320_000_000.0));
    }

    #[test]
    fn a_site_name_title_gives_way_to_the_line_that_goes_on_from_it() {
        let n = notice(
            "<html><head><title>某某研究院</title></head><body><div>某某研究院</div>\
             <div>某某研究院算力平台建设项目中标候选人公示</div><p>发布日期：2025-11-25</p></body></html>",
        );
        assert_eq!(
            n.title.as_deref(),
            Some("某某研究院算力平台建设项目中标候选人公示")
        );
    }

    #[test]
    fn a_rank_column_makes_its_names_candidates() {
        let n = notice(
            "<h3>某公司平台采购项目评标结果公示</h3><p>招标编号：HX-2025-9</p><table>\
             <tr><td>名次</td><td>单位名称</td><td>投标报价（元）</td></tr>\
             <tr><td>1</td><td>甲科技有限公司</td><td>1,680,000.00</td></tr>\
             <tr><td>2</td><td>乙数据有限公司</td><td>1,720,000.00</td></tr>\
             <tr><td>3</td><td>丙智能有限公司</td><td>1,750,000.00</td></tr>\
             <tr><td>4</td><td>丁网络有限公司</td><td>1,790,000.00</td></tr></table>",
        );
        assert_eq!(n.notice_type, NoticeType::Candidates);
        assert_eq!(
            n.candidates,
            vec![
                "甲科技有限公司",
                "乙数据有限公司",
                "丙智能有限公司",
                "丁网络有限公司"
            ]
        );
        assert!(n.suppliers.is_empty() && n.award.is_none());
    }

    #[test]
    fn notices_after_the_award_have_their_own_kinds() {
        // A contract notice is the award made binding; an acceptance notice awards nothing.
        for (title, kind) in [
            (
                "某大学高性能计算平台采购项目政府采购合同公示",
                NoticeType::Award,
            ),
            ("某医院影像云服务项目合同公告", NoticeType::Award),
            ("某学院智慧教室项目履约验收公告", NoticeType::Other),
            ("某市数据局政务云服务项目验收结果公示", NoticeType::Other),
            // Buying acceptance testing is a tender; a correction of a result stays one.
            ("某园区竣工验收检测服务采购项目招标公告", NoticeType::Tender),
            ("某大学合同公告更正公告", NoticeType::Correction),
            ("某项目中标结果公告", NoticeType::Award),
        ] {
            assert_eq!(classify(title), Some(kind), "{title}");
        }
    }

    #[test]
    fn contract_amounts_and_the_contract_supplier_are_read() {
        let n = notice(
            "<h3>某学院实验室云桌面项目合同公告</h3><p>合同编号：HT-2026-09</p>\
             <p>甲方：某学院</p><p>乙方：丁云计算有限公司</p><p>合同总金额：人民币46.8万元</p>",
        );
        assert_eq!(n.notice_type, NoticeType::Award);
        assert_eq!(n.suppliers, vec!["丁云计算有限公司"]);
        assert_eq!(n.award.map(|m| m.amount), Some(468_000.0));
        let n = notice(
            "<h3>某医院信息系统运维项目验收公告</h3><p>项目编号：YY-2026-5</p>\
             <p>采购人：某市人民医院</p><p>供应商（乙方）：戊信息技术有限公司</p>\
             <p>合同金额：￥320,000.00元</p><p>投标供应商：己科技有限公司</p>",
        );
        assert_eq!(n.notice_type, NoticeType::Other);
        assert_eq!(n.suppliers, vec!["戊信息技术有限公司"]);
        assert_eq!(n.award.map(|m| m.amount), Some(320_000.0));
    }

    #[test]
    fn a_proposed_supplier_block_and_a_genitive_budget_label_are_read() {
        let n = notice(
            "<h3>某研究所质谱仪维保服务单一来源采购公示</h3><p>项目编号：DY-2026-3</p>\
             <p>拟采购货物的预算金额：人民币58万元</p><p>四、拟定供应商信息</p>\
             <p>名称：庚仪器服务有限公司</p><p>地址：某市某路1号</p>",
        );
        assert_eq!(n.notice_type, NoticeType::SingleSource);
        assert_eq!(n.budget.map(|m| m.amount), Some(580_000.0));
        assert_eq!(n.suppliers, vec!["庚仪器服务有限公司"]);
        let n = notice(
            "<h3>某中学录播教室项目招标公告</h3><p>项目编号：ZX-2026-1</p>\
             <p>本项目的预算金额：1,200,000.00元</p>",
        );
        assert_eq!(n.budget.map(|m| m.amount), Some(1_200_000.0));
    }

    #[test]
    fn a_yes_no_column_marks_the_results() {
        // Rows in rank order without a rank column; 推荐 / 不推荐 answers.
        let n = notice(
            "<h3>某大学超算扩容项目中标候选人公示</h3><p>项目编号：CS-2026-8</p><table>\
             <tr><td>投标人名称</td><td>投标报价（元）</td><td>是否推荐为中标候选人</td></tr>\
             <tr><td>甲算力科技有限公司</td><td>980,000.00</td><td>推荐</td></tr>\
             <tr><td>乙数据有限公司</td><td>990,000.00</td><td>不推荐</td></tr>\
             <tr><td>丙信息有限公司</td><td>995,000.00</td><td>推荐</td></tr></table>",
        );
        assert_eq!(n.candidates, vec!["甲算力科技有限公司", "丙信息有限公司"]);
        assert!(n.suppliers.is_empty());
        // 是否入围: those marked 是 are admitted (winners); 否（…） rules a row out.
        let n = notice(
            "<h3>某市政务云服务商入围结果公告</h3><p>项目编号：RW-2026-2</p><table>\
             <tr><td>序号</td><td>供应商名称</td><td>综合得分</td><td>是否入围</td></tr>\
             <tr><td>1</td><td>丁云有限公司</td><td>90.5</td><td>是</td></tr>\
             <tr><td>2</td><td>戊网络有限公司</td><td>71.0</td><td>否（得分低于入围线）</td></tr>\
             <tr><td>3</td><td>己智算有限公司</td><td>88.0</td><td>√</td></tr></table>",
        );
        assert_eq!(n.suppliers, vec!["丁云有限公司", "己智算有限公司"]);
        assert!(n.candidates.is_empty());
    }

    #[test]
    fn an_intents_budget_is_the_sum_of_its_lines() {
        let page = |rows: &str, title: &str| {
            notice(&format!(
                "<h3>{title}</h3><table><tr><td>序号</td><td>采购项目名称</td>\
                 <td>采购预算（万元）</td><td>预计采购时间</td></tr>{rows}</table>"
            ))
        };
        let lines = "<tr><td>1</td><td>服务器采购</td><td>120.5</td><td>2027年1月</td></tr>\
                     <tr><td>2</td><td>云服务租用</td><td>30</td><td>2027年2月</td></tr>";
        let n = page(lines, "某市教育局2027年1月至2月政府采购意向");
        assert_eq!(n.notice_type, NoticeType::Intent);
        assert_eq!(n.budget.map(|m| m.amount), Some(1_505_000.0));
        // A stated total still gives it.
        let total = format!("{lines}<tr><td>合计</td><td></td><td>150.5</td><td></td></tr>");
        let n = page(&total, "某市教育局2027年1月至2月政府采购意向");
        assert_eq!(n.budget.map(|m| m.amount), Some(1_505_000.0));
        // A tender's lots are not summed (the first lot, as before).
        let n = page(lines, "某市教育局服务器采购项目公开招标公告");
        assert_eq!(n.budget.map(|m| m.amount), Some(1_205_000.0));
    }

    #[test]
    fn lot_caps_under_a_stated_total_give_the_total() {
        // Round 42 of issue 10: a total in a sentence, the lots' caps in a column adding up to it.
        let page = |sentence: &str| {
            notice(&format!(
                "<h3>某大学算力平台建设项目公开招标公告</h3><p>{sentence}</p>\
                 <table><tr><td>包号</td><td>包名称</td><td>预算金额（万元）</td></tr>\
                 <tr><td>1</td><td>服务器</td><td>230</td></tr>\
                 <tr><td>2</td><td>软件平台</td><td>120</td></tr></table>"
            ))
        };
        let n = page("本次采购预算总金额人民币350万元，分两个包采购。");
        assert_eq!(n.budget.map(|m| m.amount), Some(3_500_000.0));
        // A stated amount the lots do not add up to leaves the first lot.
        let n = page("本项目预算金额为300万元。");
        assert_eq!(n.budget.map(|m| m.amount), Some(2_300_000.0));
        // No total stated: the lots add up to the budget (extract56; was the first lot).
        let n = page("分两个包采购。");
        assert_eq!(n.budget.map(|m| m.amount), Some(3_500_000.0));
    }

    #[test]
    fn a_daxie_budget_with_a_bracketed_daxie_note_is_read() {
        // Round 42 of issue 10: "采购预算：人民币（大写）捌拾玖万陆仟元整　￥：896,000.00".
        for line in [
            "采购预算：人民币（大写）壹佰贰拾万元整　￥：1,200,000.00",
            "预算金额：人民币(大写)壹佰贰拾万元整",
            "最高限价：（大写）壹佰贰拾万元整",
        ] {
            let n = notice(&format!(
                "<h3>某单位设备采购项目竞争性磋商公告</h3><p>{line}</p>"
            ));
            assert_eq!(n.budget.map(|m| m.amount), Some(1_200_000.0), "{line}");
        }
    }

    #[test]
    fn an_award_given_without_and_with_tax_is_the_taxed_one() {
        // Columns: the taxed amount is what is paid, wherever it sits.
        let n = notice(
            "<h3>某港务集团算力服务器采购项目成交结果公告</h3><p>采购编号：GW-2026-07</p><table>             <tr><td>成交供应商</td><td>成交金额（含税，万元）</td><td>成交金额（不含税，万元）</td></tr>             <tr><td>甲科技有限公司</td><td>452.00</td><td>400.00</td></tr></table>",
        );
        assert_eq!(n.suppliers, vec!["甲科技有限公司"]);
        assert_eq!(n.award.map(|m| m.amount), Some(4_520_000.0));
        // Labels, the untaxed one first; budgets alike.
        let n = notice(
            "<h3>某能源公司推理平台采购项目中标结果公告</h3><p>项目编号：NY-2026-12</p>             <p>最高限价（除税）：300万元</p><p>最高限价（含税）：339万元</p>             <p>中标人：乙数据有限公司</p>             <p>中标价（不含增值税）：2,800,000.00元</p><p>中标价（含增值税）：3,164,000.00元</p>",
        );
        assert_eq!(n.budget.map(|m| m.amount), Some(3_390_000.0));
        assert_eq!(n.award.map(|m| m.amount), Some(3_164_000.0));
        // A lone untaxed amount is still the award.
        let n = notice(
            "<h3>某研究院训练集群采购项目中标结果公告</h3><p>项目编号：YJ-2026-3</p>             <p>中标人：丙智能有限公司</p><p>中标金额：1,860,000.00元（不含税）</p>",
        );
        assert_eq!(n.award.map(|m| m.amount), Some(1_860_000.0));
    }

    #[test]
    fn a_selection_grid_names_the_selected_supplier_and_its_amount() {
        // Round 43 of issue 10, other wordings: a 中选结果 grid of a state company's platform,
        // the amount in a 万元 column with a tax note; those not selected are named in a
        // sentence and stay out.
        let n = notice(
            "<h3>某电网公司数据中心推理服务器采购中选结果公示</h3><p>采购编号：DW-2026-41</p><table>             <tr><td>包号</td><td>中选单位</td><td>中选金额（万元，不含税）</td></tr>             <tr><td>包1</td><td>甲算力科技有限公司</td><td>318.60</td></tr></table>             <p>未中选供应商：乙数据有限公司（最终报价330.00万元）。</p>",
        );
        assert_eq!(n.suppliers, vec!["甲算力科技有限公司"]);
        assert_eq!(n.award.map(|m| m.amount), Some(3_186_000.0));
        let n = notice(
            "<h3>某钢铁集团有限公司智能质检平台中选结果公告</h3><p>采购编号：GT-2026-8</p><table>             <tr><td>序号</td><td>中选供应商名称</td><td>中选价格（元）</td><td>服务期</td></tr>             <tr><td>1</td><td>丙智能装备有限公司</td><td>1,245,000.00</td><td>一年</td></tr></table>",
        );
        assert_eq!(n.suppliers, vec!["丙智能装备有限公司"]);
        assert_eq!(n.award.map(|m| m.amount), Some(1_245_000.0));
        // A column of those not selected names no supplier.
        let n = notice(
            "<h3>某汽车公司仿真平台采购中选结果公示</h3><p>采购编号：QC-2026-2</p><table>             <tr><td>包号</td><td>未中选供应商</td><td>最终报价（万元）</td></tr>             <tr><td>包1</td><td>丁信息有限公司</td><td>96.00</td></tr></table>",
        );
        assert!(n.suppliers.is_empty());
    }

    #[test]
    fn a_rank_column_last_names_no_heading_below_the_table() {
        // The rank cell ending the last row is a label with no value: the heading after the
        // table ("四、质疑期限") is the next section, never a candidate.
        let n = notice(
            "<h3>某学院算力平台采购项目成交候选人公示</h3><p>采购编号：XY-2026-33</p><table>             <tr><td>供应商名称</td><td>报价（万元）</td><td>综合得分</td><td>推荐顺序</td></tr>             <tr><td>甲科技有限公司</td><td>268.5</td><td>90.2</td><td>第一成交候选人</td></tr>             <tr><td>乙数据有限公司</td><td>259.0</td><td>87.4</td><td>第二成交候选人</td></tr></table>             <p>四、质疑期限</p><p>自公示之日起七个工作日。</p>",
        );
        assert_eq!(n.notice_type, NoticeType::Candidates);
        assert_eq!(n.candidates, vec!["甲科技有限公司", "乙数据有限公司"]);
    }

    #[test]
    fn a_count_of_top_ranks_after_a_rank_word_cuts_the_ranked_table() {
        // Round 32 of issue 10 said "综合得分排名前三的投标人": a rank word before 前N, no 名.
        let table = "<table><tr><th>递交序号</th><th>响应供应商</th><th>排序</th><th>报价（元）</th></tr>\
             <tr><td>1</td><td>甲科技有限公司</td><td>2</td><td>468,000.00</td></tr>\
             <tr><td>2</td><td>乙数据有限公司</td><td>3</td><td>472,500.00</td></tr>\
             <tr><td>3</td><td>丙智能有限公司</td><td>1</td><td>479,800.00</td></tr></table>";
        let head = "<h3>某中心视频云平台采购项目成交候选人公示</h3><p>项目编号：ZX-2026-11</p>";
        for said in [
            "<p>磋商小组推荐排序前二的供应商为成交候选人。</p>",
            "<p>按综合得分前2的供应商确定为成交候选人。</p>",
            "<p>评标委员会推荐名次前两位的投标人为中标候选人。</p>",
        ] {
            let n = notice(&format!("{head}{said}{table}"));
            assert_eq!(
                n.candidates,
                vec!["丙智能有限公司", "甲科技有限公司"],
                "{said}"
            );
        }
        // 前N after no rank word is no count ("开标前3日"), nor is a line without 候选人.
        for said in [
            "<p>投标人应于开标前3日提交样品，中标候选人须配合核验。</p>",
            "<p>综合得分排名前二的投标人另行通知。</p>",
        ] {
            let n = notice(&format!("{head}{said}{table}"));
            assert_eq!(n.candidates.len(), 3, "{said}");
        }
    }

    #[test]
    fn a_score_table_in_submission_order_gives_the_stated_number_of_top_scores() {
        // Round 36 of issue 10: 递交顺序 | 投标人 | … | 综合得分 with no rank column, under "推荐
        // 综合得分排名前三的投标人为中标候选人". Here other wordings: 总得分, 前两名, 最高的两家.
        let head =
            "<h3>某县人民医院影像云平台采购项目中标候选人公示</h3><p>项目编号：XY-2026-52</p>";
        let table = "<table><tr><th>开标顺序</th><th>投标人名称</th><th>投标报价（元）</th><th>价格分</th><th>总得分</th></tr>\
             <tr><td>1</td><td>甲科技有限公司</td><td>468,000.00</td><td>28.5</td><td>81.30</td></tr>\
             <tr><td>2</td><td>乙数据有限公司</td><td>472,500.00</td><td>28.1</td><td>88.75</td></tr>\
             <tr><td>3</td><td>丙智能有限公司</td><td>479,800.00</td><td>27.6</td><td>84.10</td></tr></table>";
        for said in [
            "<p>评标委员会推荐得分前两名的投标人为中标候选人。</p>",
            "<p>按总得分由高到低排序，得分最高的两家投标人为中标候选人。</p>",
            "<p>总得分排名前二的投标人为中标候选人。</p>",
        ] {
            let n = notice(&format!("{head}{table}{said}"));
            assert_eq!(n.notice_type, NoticeType::Candidates, "{said}");
            assert_eq!(
                n.candidates,
                vec!["乙数据有限公司", "丙智能有限公司"],
                "{said}"
            );
        }
        // No stated count, or a plain count that says nothing of scores ("推荐3名中标候选人"):
        // the table is read as before (its bidders in page order), not by score.
        for said in [
            "<p>评标委员会按总得分由高到低的顺序推荐中标候选人。</p>",
            "<p>评标委员会推荐3名中标候选人。</p>",
        ] {
            let n = notice(&format!("{head}{table}{said}"));
            assert_eq!(
                n.candidates,
                vec!["甲科技有限公司", "乙数据有限公司", "丙智能有限公司"],
                "{said}"
            );
        }
        // Not on an award notice.
        let n = notice(&format!(
            "<h3>某县人民医院影像云平台采购项目结果公告</h3><p>项目编号：XY-2026-52</p>{table}<p>评标委员会推荐得分前两名的投标人为中标候选人。</p>"
        ));
        assert!(n.candidates.is_empty(), "{:?}", n.candidates);
    }

    #[test]
    fn an_evaluated_price_table_under_the_lowest_price_method_gives_the_lowest_that_passed() {
        // Rounds 38/39 of issue 10: 开标序号 | 投标人名称 | 投标报价 | 评审价 (| 符合性审查) with no
        // rank column, under "经评审的最低投标价法…由低到高…前三名". Here other wordings: 评标价格,
        // 资格审查 | 不合格, 最低评标价法, 前两名.
        let head = "<h3>某市疾控中心数据平台采购项目中标候选人公示</h3><p>项目编号：JK-2026-19</p>";
        let table = "<table><tr><th>序号</th><th>投标人名称</th><th>投标报价（元）</th><th>资格审查</th><th>评标价格（元）</th></tr>\
             <tr><td>1</td><td>甲科技有限公司</td><td>468,000.00</td><td>合格</td><td>468,000.00</td></tr>\
             <tr><td>2</td><td>乙数据有限公司</td><td>431,500.00</td><td>不合格</td><td>/</td></tr>\
             <tr><td>3</td><td>丙智能有限公司</td><td>452,800.00</td><td>合格</td><td>452,800.00</td></tr>\
             <tr><td>4</td><td>丁信息有限公司</td><td>489,000.00</td><td>合格</td><td>489,000.00</td></tr></table>";
        let said = "<p>本项目采用最低评标价法，按评标价格从低到高推荐前两名为中标候选人。</p>";
        let n = notice(&format!("{head}<p>评审情况如下：</p>{table}{said}"));
        assert_eq!(n.notice_type, NoticeType::Candidates);
        assert_eq!(n.candidates, vec!["丙智能有限公司", "甲科技有限公司"]);
        // Without the lowest-price method stated, or without a top count, the table is read as
        // before: its prices rank nothing.
        for said in [
            "<p>按综合评分法推荐前两名为中标候选人。</p>",
            "<p>本项目采用最低评标价法，评标委员会推荐中标候选人。</p>",
        ] {
            let n = notice(&format!("{head}{table}{said}"));
            assert!(
                n.candidates.len() != 2 || n.candidates[0] != "丙智能有限公司",
                "{said}: {:?}",
                n.candidates
            );
        }
    }

    #[test]
    fn equal_scores_keep_page_order_and_a_rank_column_wins_over_the_scores() {
        let head = "<h3>某职业学院算力平台采购项目成交候选人公示</h3><p>项目编号：ZY-2026-8</p>\
             <p>磋商小组推荐综合得分排名前二的供应商为成交候选人。</p>";
        let table = "<table><tr><td>序号</td><td>供应商</td><td>报价（万元）</td><td>综合得分（分）</td></tr>\
             <tr><td>1</td><td>甲科技有限公司</td><td>86.0</td><td>79.5</td></tr>\
             <tr><td>2</td><td>乙数据有限公司</td><td>84.0</td><td>90.0分</td></tr>\
             <tr><td>3</td><td>丙智能有限公司</td><td>85.5</td><td>90.0分</td></tr></table>";
        let n = notice(&format!("{head}{table}"));
        assert_eq!(n.candidates, vec!["乙数据有限公司", "丙智能有限公司"]);
        // A rank column disagreeing with the scores: the rank column stands.
        let table = "<table><tr><td>排名</td><td>供应商</td><td>报价（万元）</td><td>综合得分</td></tr>\
             <tr><td>2</td><td>甲科技有限公司</td><td>86.0</td><td>92.0</td></tr>\
             <tr><td>1</td><td>乙数据有限公司</td><td>84.0</td><td>90.0</td></tr>\
             <tr><td>3</td><td>丙智能有限公司</td><td>85.5</td><td>70.0</td></tr></table>";
        let n = notice(&format!("{head}{table}"));
        assert_eq!(n.candidates, vec!["乙数据有限公司", "甲科技有限公司"]);
        // Two score tables (two lots): no reading by score.
        let lot = "<table><tr><td>序号</td><td>供应商</td><td>综合得分</td></tr>\
             <tr><td>1</td><td>甲科技有限公司</td><td>79.5</td></tr>\
             <tr><td>2</td><td>乙数据有限公司</td><td>90.0</td></tr></table>";
        let n = notice(&format!("{head}{lot}{lot}"));
        assert!(n.candidates.is_empty(), "{:?}", n.candidates);
    }

    #[test]
    fn a_rule_sentence_under_a_candidates_heading_names_no_one() {
        // Round 32 of issue 10: "三、中标候选人" over the sentence saying how candidates are chosen.
        for sentence in [
            "按综合得分由高到低排序，得分最高者为第一中标候选人，以此类推。",
            "经评审小组评审，推荐以下两家单位为成交候选人。",
            "依据磋商文件约定，评分最高的供应商为第一成交候选人，其余依次类推。",
        ] {
            let n = notice(&format!(
                "<h3>某局数据平台采购项目中标候选人公示</h3><p>项目编号：SJ-2026-3</p>\
                 <p>二、中标候选人</p><p>{sentence}</p><p>三、公示期</p><p>3个工作日。</p>"
            ));
            assert!(n.candidates.is_empty(), "{sentence}: {:?}", n.candidates);
        }
        // Names listed under the heading stay, and so does an organisation inside a sentence.
        assert_eq!(
            value_names("甲科技有限公司、乙数据有限公司"),
            vec!["甲科技有限公司", "乙数据有限公司"]
        );
        assert_eq!(
            value_names("经评审，推荐顺序如下，甲科技有限公司，乙数据有限公司"),
            vec!["甲科技有限公司", "乙数据有限公司"]
        );
        assert_eq!(value_names("张三、李四"), vec!["张三", "李四"]);
        for clause in ["根据招标文件规定", "依次类推", "推荐排名第一"] {
            assert!(!candidate_shaped(clause), "{clause}");
        }
    }

    #[test]
    fn a_field_name_is_never_a_candidate() {
        for name in [
            "公示期",
            "投标有效期",
            "中标候选人",
            "投标报价（元）",
            "服务期限",
        ] {
            assert!(!candidate_shaped(name), "{name}");
        }
        // Short names that are no field keep their place (a person, a foreign firm).
        assert!(candidate_shaped("张三"));
        assert!(candidate_shaped("Acme Ltd"));
    }

    #[test]
    fn a_sideways_candidate_table_reads_the_name_row_in_rank_order() {
        let n = notice(
            "<h3>某市数据局智算中心设备采购项目中标候选人公示</h3><p>项目编号：WH-2026-1</p><table>\
             <tr><td>排序</td><td>第二中标候选人</td><td>第一中标候选人</td><td>第三中标候选人</td></tr>\
             <tr><td>投标人名称</td><td>乙数据有限公司</td><td>甲科技有限公司</td><td>丙智能有限公司</td></tr>\
             <tr><td>投标报价（元）</td><td>23,402,500.00</td><td>23,156,000.00</td><td>23,590,000.00</td></tr>\
             <tr><td>交货期</td><td>60日历天</td><td>60日历天</td><td>60日历天</td></tr></table>",
        );
        assert_eq!(n.notice_type, NoticeType::Candidates);
        assert_eq!(
            n.candidates,
            vec!["甲科技有限公司", "乙数据有限公司", "丙智能有限公司"]
        );
        assert!(n.suppliers.is_empty() && n.award.is_none());
        assert_eq!(rank_of("第一名"), Some(1));
        assert_eq!(rank_of("候选人3"), Some(3));
        assert_eq!(rank_of("第2成交候选人"), Some(2));
        assert_eq!(rank_of("第一中标候选人名称"), Some(1));
        assert_eq!(rank_of("中标候选人"), None);
        assert_eq!(rank_of("第一阶段"), None);
    }

    #[test]
    fn a_rejected_bidders_table_names_no_candidate() {
        // 名次 | 投标人 | 报价 of candidates, then 序号 | 投标人 | 否决理由 of rejected bids: the
        // reason column's header is no name and the rejected bidder no candidate.
        let n = notice(
            "<h1>某学院算力平台采购项目评标结果公示</h1><table>\
             <tr><th>名次</th><th>投标人</th><th>投标报价</th></tr>\
             <tr><td>1</td><td>甲算力科技有限公司</td><td>1,200,000.00</td></tr>\
             <tr><td>2</td><td>乙数据有限公司</td><td>1,180,000.00</td></tr></table>\
             <p>未通过符合性审查的投标人</p><table>\
             <tr><th>序号</th><th>投标人</th><th>否决理由</th></tr>\
             <tr><td>1</td><td>丙信息技术有限公司</td><td>未按要求提供授权书</td></tr></table>",
        );
        assert_eq!(n.candidates, vec!["甲算力科技有限公司", "乙数据有限公司"]);
        // Two columns, the reason's header beside a label: no supplier either.
        let n = notice(
            "<h1>某局平台项目中标候选人公示</h1><p>第一中标候选人：丁科技有限公司</p>\
             <table><tr><td>供应商名称</td><td>无效投标原因</td></tr>\
             <tr><td>戊网络有限公司</td><td>报价超过最高限价</td></tr></table>",
        );
        assert_eq!(n.candidates, vec!["丁科技有限公司"]);
        assert!(n.suppliers.is_empty());
        assert!(is_rejected_header("未通过资格审查原因") && is_rejected_header("废标原因"));
        // A yes/no column or a plain column is no reason column.
        assert!(!is_rejected_header("是否无效") && !is_rejected_header("投标报价"));
    }

    #[test]
    fn a_conclusion_cell_reads_as_a_rank_or_as_out() {
        for (cell, rank) in [
            ("第一中标候选人", 1),
            ("第 2 成交候选人", 2),
            ("第1名", 1),
            ("排名第三", 3),
            ("推荐第一名", 1),
            ("推荐为第二中选候选人", 2),
            ("第十二名", 12),
            ("排名：4", 4),
            ("二", 2),
            ("是（第一名）", 1),
        ] {
            assert_eq!(verdict(cell), Verdict::Rank(rank), "{cell}");
        }
        for cell in [
            "未入围",
            "不推荐",
            "否",
            "否（投标无效）",
            "投标被否决",
            "资格审查未通过",
        ] {
            assert_eq!(verdict(cell), Verdict::Out, "{cell}");
        }
        // Scores, plain passes and other ordinals (a lot) give no rank.
        for cell in ["通过", "合格", "是", "88.50", "3", "第一包", "", "入围"] {
            assert_eq!(verdict(cell), Verdict::None, "{cell}");
        }
        assert_eq!(small_number("二十三"), Some(23));
        assert_eq!(small_number("十"), Some(10));
        assert_eq!(small_number("0"), None);
        for h in [
            "评审结论",
            "评 审 结 果",
            "评标委员会推荐意见",
            "结论（按得分）",
            "是否入围",
        ] {
            assert!(labels::is_conclusion_header(h), "{h}");
        }
        for h in ["投标人名称", "综合得分", "评标委员会对各投标人的评审结论"]
        {
            assert!(!labels::is_conclusion_header(h), "{h}");
        }
        // A conclusion header is a header cell: this row is a header, not label | value.
        assert!(labels::is_header_row(&[
            "开标顺序号",
            "中标候选人名称",
            "评标价（万元）",
            "评标结论"
        ]));
        // …but a conclusion beside its value is a label | value pair.
        assert!(!labels::is_header_row(&["评审结果", "通过"]));
    }

    #[test]
    fn a_conclusion_column_in_words_orders_the_candidates() {
        // 评审结果 | 推荐第N名 over a table in submission order, the 不推荐 bidder left out;
        // the name column headed 单位名称 (no winner or candidate header) is found through it.
        for name in ["供应商名称", "单位名称"] {
            let n = notice(&format!(
                "<h2>某市疾控中心实验室信息系统采购项目成交候选人公示</h2><p>项目编号：JK-2026-031</p><table>\
                 <tr><th>序号</th><th>{name}</th><th>响应报价（元）</th><th>评审结果</th></tr>\
                 <tr><td>1</td><td>甲软件有限公司</td><td>812,000.00</td><td>推荐第二名</td></tr>\
                 <tr><td>2</td><td>乙网络科技有限公司</td><td>799,500.00</td><td>推荐第一名</td></tr>\
                 <tr><td>3</td><td>丙信息有限公司</td><td>768,000.00</td><td>不推荐</td></tr>\
                 <tr><td>4</td><td>丁数码有限公司</td><td>826,300.00</td><td>推荐第三名</td></tr></table>"
            ));
            assert_eq!(n.notice_type, NoticeType::Candidates, "{name}");
            assert_eq!(
                n.candidates,
                vec!["乙网络科技有限公司", "甲软件有限公司", "丁数码有限公司"],
                "{name}"
            );
        }
        // Arabic ranks (第1中标候选人) beside a candidate column headed as such.
        let n = notice(
            "<h2>某港务集团智能理货系统中标候选人公示</h2><table>\
             <tr><td>开标顺序号</td><td>中标候选人名称</td><td>评标价（万元）</td><td>评标结论</td></tr>\
             <tr><td>1</td><td>戊智能装备有限公司</td><td>356.80</td><td>第3中标候选人</td></tr>\
             <tr><td>2</td><td>己视觉技术有限公司</td><td>349.00</td><td>第1中标候选人</td></tr>\
             <tr><td>3</td><td>庚物联网有限公司</td><td>352.40</td><td>第2中标候选人</td></tr></table>",
        );
        assert_eq!(
            n.candidates,
            vec![
                "己视觉技术有限公司",
                "庚物联网有限公司",
                "戊智能装备有限公司"
            ]
        );
    }

    #[test]
    fn rank_labels_order_the_candidates_they_name() {
        // The conclusion column before the name: its 第N中标候选人 cells read as labels of the
        // name beside them, in rank order; the 未入围 row names no one.
        let n = notice(
            "<h2>某市轨道交通集团客服大模型平台中标候选人公示</h2><table>\
             <tr><th>序号</th><th>评审结论</th><th>投标人名称</th><th>投标报价（元）</th></tr>\
             <tr><td>1</td><td>第二中标候选人</td><td>甲软件有限公司</td><td>812,000.00</td></tr>\
             <tr><td>2</td><td>第一中标候选人</td><td>乙网络科技有限公司</td><td>799,500.00</td></tr>\
             <tr><td>3</td><td>未入围</td><td>丙信息有限公司</td><td>768,000.00</td></tr>\
             <tr><td>4</td><td>第三中标候选人</td><td>丁数码有限公司</td><td>826,300.00</td></tr></table>",
        );
        assert_eq!(
            n.candidates,
            vec!["乙网络科技有限公司", "甲软件有限公司", "丁数码有限公司"]
        );
        // Labelled lines out of rank order: rank order.
        let n = notice(
            "<h2>某市轨道交通集团客服大模型平台成交候选人公示</h2>\
             <p>第二成交候选人：甲软件有限公司</p><p>第一成交候选人：乙网络科技有限公司</p>",
        );
        assert_eq!(n.candidates, vec!["乙网络科技有限公司", "甲软件有限公司"]);
        // Two lots repeat the ranks: page order.
        let n = notice(
            "<h2>某市轨道交通集团客服大模型平台中标候选人公示</h2>\
             <p>标段一</p><p>第一中标候选人：甲软件有限公司</p><p>第二中标候选人：乙网络科技有限公司</p>\
             <p>标段二</p><p>第一中标候选人：丙信息有限公司</p>",
        );
        assert_eq!(
            n.candidates,
            vec!["甲软件有限公司", "乙网络科技有限公司", "丙信息有限公司"]
        );
    }

    #[test]
    fn a_rank_column_beside_a_conclusion_column_decides_unless_they_agree() {
        // 是否入围 (是/否) with a 排名 column: rank order, the 否 row out.
        let n = notice(
            "<h2>某区教育局智慧课堂采购项目中标候选人公示</h2><table>\
             <tr><th>排名</th><th>投标人名称</th><th>投标报价（元）</th><th>是否入围</th></tr>\
             <tr><td>2</td><td>甲教育科技有限公司</td><td>1,320,000.00</td><td>是</td></tr>\
             <tr><td>3</td><td>乙电子有限公司</td><td>1,298,000.00</td><td>否</td></tr>\
             <tr><td>1</td><td>丙信息技术有限公司</td><td>1,305,600.00</td><td>是</td></tr></table>",
        );
        assert_eq!(
            n.candidates,
            vec!["丙信息技术有限公司", "甲教育科技有限公司"]
        );
        let table = |second: &str| {
            format!(
                "<h2>某水务集团管网监测平台中标候选人公示</h2><table>\
                 <tr><th>排名</th><th>投标人名称</th><th>综合得分</th><th>评审结论</th></tr>\
                 <tr><td>1</td><td>甲水务科技有限公司</td><td>91.2</td><td>第一中标候选人</td></tr>\
                 <tr><td>2</td><td>乙环境有限公司</td><td>88.7</td><td>{second}</td></tr>\
                 <tr><td>3</td><td>丙仪表有限公司</td><td>85.1</td><td>未入围</td></tr></table>"
            )
        };
        // Agreeing ranks: the 未入围 row is out.
        let n = notice(&table("第二中标候选人"));
        assert_eq!(n.candidates, vec!["甲水务科技有限公司", "乙环境有限公司"]);
        // Disagreeing ranks: the rank column as before, every row kept.
        let n = notice(&table("第三中标候选人"));
        assert_eq!(
            n.candidates,
            vec!["甲水务科技有限公司", "乙环境有限公司", "丙仪表有限公司"]
        );
    }

    #[test]
    fn a_table_without_a_full_ranking_keeps_page_order() {
        // Scores out of order and no rank column: page order.
        let n = notice(
            "<h2>某县医院影像归档系统中标候选人公示</h2><table>\
             <tr><th>序号</th><th>投标人名称</th><th>投标报价（元）</th><th>综合得分</th></tr>\
             <tr><td>1</td><td>甲医疗科技有限公司</td><td>560,000.00</td><td>84.20</td></tr>\
             <tr><td>2</td><td>乙软件有限公司</td><td>548,000.00</td><td>91.05</td></tr></table>",
        );
        assert_eq!(n.candidates, vec!["甲医疗科技有限公司", "乙软件有限公司"]);
        // A conclusion column that ranks only one row of a candidate column: page order too.
        let n = notice(
            "<h2>某县医院影像归档系统中标候选人公示</h2><table>\
             <tr><th>序号</th><th>中标候选人名称</th><th>投标报价（元）</th><th>评审结论</th></tr>\
             <tr><td>1</td><td>甲医疗科技有限公司</td><td>560,000.00</td><td>通过</td></tr>\
             <tr><td>2</td><td>乙软件有限公司</td><td>548,000.00</td><td>第一名</td></tr></table>",
        );
        assert_eq!(n.candidates, vec!["甲医疗科技有限公司", "乙软件有限公司"]);
        // In a table of every bidder's quote, only the row the conclusion calls a candidate.
        let n = notice(
            "<h2>某县医院影像归档系统中标候选人公示</h2><table>\
             <tr><th>序号</th><th>投标人名称</th><th>投标报价（元）</th><th>评审结论</th></tr>\
             <tr><td>1</td><td>甲医疗科技有限公司</td><td>560,000.00</td><td>通过</td></tr>\
             <tr><td>2</td><td>乙软件有限公司</td><td>548,000.00</td><td>第一中标候选人</td></tr></table>",
        );
        assert_eq!(n.candidates, vec!["乙软件有限公司"]);
        // A table of one ranked row names that one candidate.
        let n = notice(
            "<h2>某县医院影像归档系统成交候选人公示</h2><table>\
             <tr><th>序号</th><th>单位名称</th><th>报价（元）</th><th>评审意见</th></tr>\
             <tr><td>1</td><td>乙软件有限公司</td><td>548,000.00</td><td>推荐第一</td></tr></table>",
        );
        assert_eq!(n.candidates, vec!["乙软件有限公司"]);
    }

    #[test]
    fn a_list_below_a_candidates_label_holds_the_candidates() {
        let n = notice(
            "<h1>某大学数据中心扩容项目成交候选人公示</h1><p>项目编号：XY-2026-88</p>\
             <p>评审小组推荐的成交候选人如下：</p>\
             <ul><li>第一名：甲云计算有限公司，报价：96.5万元</li>\
             <li>第二名：乙信息科技股份有限公司，报价：98.2万元</li></ul>\
             <p>公示期：3个工作日</p>",
        );
        assert_eq!(
            n.candidates,
            vec!["甲云计算有限公司", "乙信息科技股份有限公司"]
        );
        // Bare items in an ordered list, the name then its bid after a space.
        let n = notice(
            "<h1>某医院影像平台中标候选人公示</h1><p>三、中标候选人（排名不分先后）</p>\
             <ol><li>丙医疗科技有限公司 投标报价：￥1,280,000.00</li>\
             <li>丁软件有限公司 投标报价：￥1,300,000.00</li></ol>",
        );
        assert_eq!(n.candidates, vec!["丙医疗科技有限公司", "丁软件有限公司"]);
        // A list whose class reads as furniture (a ranking, "list-rank") is still the list.
        let n = notice(
            "<h1>某集团算力项目中标候选人公示</h1><h4>推荐中标候选人：</h4>\
             <ol class=\"list-rank\"><li>1. 戊智能科技有限公司（报价：518万元）</li>\
             <li>2. 己数据服务有限公司（报价：526万元）</li></ol>",
        );
        assert_eq!(
            n.candidates,
            vec!["戊智能科技有限公司", "己数据服务有限公司"]
        );
    }

    #[test]
    fn a_list_elsewhere_names_no_candidate() {
        // A list with no candidates label right above it, and links below the label: no one.
        let n = notice(
            "<h1>某中心服务器采购项目中标候选人公示</h1><p>一、项目概况</p>\
             <ul><li>甲服务器有限公司 参与了资格预审</li></ul>\
             <p>二、中标候选人</p><ul><li><a href=\"/a\">上一篇：乙科技有限公司中标公告</a></li>\
             <li><a href=\"/b\">下一篇：丙网络有限公司中标公告</a></li></ul>",
        );
        assert!(n.candidates.is_empty(), "{:?}", n.candidates);
        assert!(!is_candidate_list_label("第一中标候选人：甲科技有限公司"));
        assert!(is_candidate_list_label("中标候选人名单："));
    }

    #[test]
    fn event_times_are_not_publication_dates() {
        assert!(is_event_time(
            "时间：2025年10月31日 09时30分00秒（北京时间）。"
        ));
        assert!(is_event_time("开启时间：2025年08月18日 14:00"));
        assert!(is_event_time("2. 会议时间：2025-08-18"));
        assert!(!is_event_time("发布时间：2025-08-04"));
        assert!(!is_event_time("日期：2025-08-04"));
        assert!(!is_event_time("陕西华采招标有限公司 2025年10月21日"));
    }

    #[test]
    fn date_under_the_signature_beats_an_opening_time() {
        let n = notice(
            "<html><body><h2>某大学存储系统采购项目竞争性谈判公告</h2>\
             <p>项目编号：XX-2025-1</p><p>五、开启</p>\
             <p>时间：2025年10月31日 09时30分00秒（北京时间）。</p>\
             <p>某某招标有限公司 2025年10月21日</p></body></html>",
        );
        assert_eq!(n.published.as_deref(), Some("2025-10-21"));
    }

    #[test]
    fn header_notes_do_not_change_the_column() {
        assert_eq!(without_notes("成交（中选）供应商"), "成交供应商");
        assert!(header_matches("成交（中选）供应商", &WINNER_KEYS));
        assert_eq!(unit_in_header("中标（成交）金额（万元）"), Some(Unit::Wan));
        assert_eq!(unit_in_header("成交金额（人民币，万元）"), Some(Unit::Wan));
        assert_eq!(unit_in_header("单价（含税，元）"), Some(Unit::Yuan));
        assert_eq!(unit_in_header("中标（成交）金额"), None);
    }

    // extract39: held-out rounds 40/41 of issue 10, in other wordings than their pages.

    #[test]
    fn stacked_key_value_tables_give_one_candidate_each_in_rank_order() {
        let kv = |rank: &str, name: &str| {
            format!(
                "<table><tr><td colspan=\"2\"><b>{rank}</b></td></tr>\
                 <tr><td>供应商名称</td><td>{name}</td></tr>\
                 <tr><td>投标报价</td><td>￥468,000.00</td></tr>\
                 <tr><td>综合得分</td><td>88.10</td></tr></table>"
            )
        };
        // Tables listed in another order than their ranks: rank order.
        let page = format!(
            "<h3>某县人民医院影像云平台采购项目成交候选人公示</h3><p>项目编号：XY-2026-77</p>{}{}",
            kv("第二名", "乙数据有限公司"),
            kv("第一名", "甲科技有限公司"),
        );
        let n = notice(&page);
        assert_eq!(n.notice_type, NoticeType::Candidates);
        assert_eq!(n.candidates, vec!["甲科技有限公司", "乙数据有限公司"]);
        // A key/value table headed by a section title, not a rank, names no candidate.
        let page = "<h3>某县人民医院影像云平台采购项目成交候选人公示</h3><p>项目编号：XY-2026-77</p>\
             <table><tr><td colspan=\"2\">项目基本情况</td></tr>\
             <tr><td>投标人名称</td><td>丁信息有限公司</td></tr></table>";
        assert_eq!(
            stacked_candidate(&[
                vec!["项目基本情况".to_string()],
                vec!["投标人名称".to_string(), "丁信息有限公司".to_string()],
            ]),
            None
        );
        let n = notice(page);
        assert!(!n.candidates.contains(&"丁信息有限公司".to_string()) || n.candidates.len() == 1);
    }

    #[test]
    fn a_stated_tie_rule_orders_equal_scores_by_the_lower_bid() {
        let head = "<h3>某职业学院算力平台采购项目成交候选人公示</h3><p>项目编号：ZY-2026-9</p>";
        let table = "<table><tr><td>开标顺序</td><td>供应商</td><td>响应报价（元）</td><td>价格得分</td><td>总得分</td></tr>\
             <tr><td>1</td><td>甲科技有限公司</td><td>860,000.00</td><td>18.2</td><td>90.00</td></tr>\
             <tr><td>2</td><td>乙数据有限公司</td><td>840,000.00</td><td>19.0</td><td>90.00</td></tr>\
             <tr><td>3</td><td>丙智能有限公司</td><td>855,000.00</td><td>18.5</td><td>93.50</td></tr></table>";
        for rule in [
            "<p>磋商小组推荐总得分排名前三的供应商为成交候选人，总分相同时，响应报价低的优先。</p>",
            "<p>按得分由高到低推荐前三名为成交候选人；得分并列的，按报价从低到高排列。</p>",
        ] {
            let n = notice(&format!("{head}{rule}{table}"));
            assert_eq!(
                n.candidates,
                vec!["丙智能有限公司", "乙数据有限公司", "甲科技有限公司"],
                "{rule}"
            );
        }
        // A tie rule by another score, or the lower-bid words far from any tie word: page order.
        for rule in [
            "<p>推荐总得分排名前三的供应商为成交候选人，得分相同的，按技术得分由高到低排列。</p>",
            "<p>推荐总得分排名前三的供应商为成交候选人。价格分按报价由低到高计算。</p>",
        ] {
            let n = notice(&format!("{head}{rule}{table}"));
            assert_eq!(
                n.candidates,
                vec!["丙智能有限公司", "甲科技有限公司", "乙数据有限公司"],
                "{rule}"
            );
        }
    }

    #[test]
    fn a_consortium_in_one_winner_cell_names_every_member() {
        let head = "<h3>某市教育局智慧校园平台采购项目成交结果公告</h3><p>项目编号：JY-2026-31</p>";
        let table = |cell: &str| {
            format!(
                "<table><tr><th>成交供应商</th><th>成交金额（元）</th></tr>\
                 <tr><td>{cell}</td><td>2,360,000.00</td></tr></table>"
            )
        };
        let n = notice(&format!(
            "{head}{}",
            table("甲科技有限公司（牵头人）、乙教育服务有限公司（成员）")
        ));
        assert_eq!(n.suppliers, vec!["甲科技有限公司", "乙教育服务有限公司"]);
        assert_eq!(n.award.map(|m| m.amount), Some(2_360_000.0));
        let n = notice(&format!(
            "{head}{}",
            table("丙信息有限公司（联合体牵头方）,丁网络有限公司（联合体成员单位）")
        ));
        assert_eq!(n.suppliers, vec!["丙信息有限公司", "丁网络有限公司"]);
        // A bracketed place in a name stays; a single winner stays single.
        let n = notice(&format!("{head}{}", table("戊数据系统有限公司（北京）")));
        assert_eq!(n.suppliers, vec!["戊数据系统有限公司（北京）"]);
        assert_eq!(
            without_role_note("己智能有限公司（联合体）"),
            "己智能有限公司"
        );
    }

    #[test]
    fn a_labelled_note_in_brackets_after_a_name_ends_the_names() {
        assert_eq!(
            split_orgs("丙智能有限公司（地址：某市某区某路8号），成交金额：468,000.00元"),
            vec!["丙智能有限公司"]
        );
        assert_eq!(
            split_orgs("甲科技有限公司(联系人:王工)、乙数据有限公司"),
            vec!["甲科技有限公司"]
        );
        // Still: another label's value ends the names, and a bracket after no whole name is no note.
        assert_eq!(
            split_orgs("甲科技有限公司，投标报价：3,126,000.00元"),
            vec!["甲科技有限公司"]
        );
        assert!(split_orgs("详见附件（地址：某路1号）").is_empty());
    }

    #[test]
    fn an_award_notice_with_its_result_only_in_running_text() {
        let head = "<h3>某区数据局政务云服务项目成交结果公告</h3><p>项目编号：SJ-2026-12</p>";
        let n = notice(&format!(
            "{head}<p>经评审小组评审，确定成交供应商为：甲数据有限公司（联系地址：某市某路3号），其报价236.5万元确定为成交价。</p>"
        ));
        assert_eq!(n.notice_type, NoticeType::Award);
        assert_eq!(n.suppliers, vec!["甲数据有限公司"]);
        assert_eq!(n.award.map(|m| m.amount), Some(2_365_000.0));
        // A labelled winner stays the winner; an amount that is no award is none.
        let n = notice(&format!(
            "{head}<p>成交供应商：乙科技有限公司</p><p>本项目预算金额800,000.00元，作为本项目最高限价。</p>"
        ));
        assert_eq!(n.suppliers, vec!["乙科技有限公司"]);
        assert_eq!(n.award, None);
    }

    #[test]
    fn a_struck_old_budget_corrects_it_and_names_nothing() {
        // Round 41 of issue 10: `<del>` old / `<ins>` new with a legend and no joining word.
        let n = notice(
            "<html><head><title>某市政务云平台项目更正公告</title></head><body>\
             <h2>某市政务云平台项目更正公告</h2><p>原公告的采购项目编号：AB-2026-07</p>\
             <p>更正内容：（说明：<s>删除线</s>为原内容，<b>加粗</b>为更正后内容。）</p>\
             <p>1.最高限价：<strike>人民币300万元</strike> 人民币276万元</p>\
             <p>2.算力要求：<del>配置NVIDIA H20不少于8卡</del> <ins>国产GPU不少于8卡</ins></p>\
             <p>采购人：某市数据局</p></body></html>",
        );
        assert_eq!(n.budget.map(|m| m.amount), Some(2_760_000.0));
        assert_eq!(
            n.notes,
            vec!["budget corrected from 3000000.00 CNY to 2760000.00 CNY".to_string()]
        );
        assert!(
            !n.text.contains("H20") && n.text.contains("国产GPU"),
            "{}",
            n.text
        );
    }

    #[test]
    fn a_title_that_is_also_the_h1_banner_gives_way_to_the_notice_line() {
        // Round 40 of issue 10: `<title>` and `<h1>` both the publisher's name.
        let n = notice(
            "<html><head><title>某某市交通运输局</title></head><body>\
             <div class=\"banner\"><h1>某某市交通运输局</h1></div>\
             <table><tr><td class=\"t\">某某市智慧交通大脑平台项目中标结果公告</td></tr>\
             <tr><td>发布日期：2026-07-15</td></tr></table></body></html>",
        );
        assert_eq!(
            n.title.as_deref(),
            Some("某某市智慧交通大脑平台项目中标结果公告")
        );
        // A `<title>` naming the notice stays, whatever the h1.
        let n = notice(
            "<html><head><title>某某市智慧交通大脑平台项目招标公告</title></head><body>\
             <h1>某某市智慧交通大脑平台项目招标公告</h1>\
             <p>某某市智慧交通大脑平台项目中标结果公告</p></body></html>",
        );
        assert_eq!(
            n.title.as_deref(),
            Some("某某市智慧交通大脑平台项目招标公告")
        );
    }

    #[test]
    fn a_plain_count_in_a_sentence_ordering_by_score_gives_the_top_scores() {
        // Round 43 of issue 10: "按综合得分由高到低的顺序推荐3名中标候选人" over a score table in
        // opening order. Here other wordings: 从高到低, 评分, 候选人N名.
        let head =
            "<h3>某县人民医院影像云平台采购项目中标候选人公示</h3><p>项目编号：XY-2026-52</p>";
        let table = "<table><tr><th>开标顺序</th><th>投标人名称</th><th>投标报价（元）</th><th>价格分</th><th>总得分</th></tr>\
             <tr><td>1</td><td>甲科技有限公司</td><td>468,000.00</td><td>28.5</td><td>81.30</td></tr>\
             <tr><td>2</td><td>乙数据有限公司</td><td>472,500.00</td><td>28.1</td><td>88.75</td></tr>\
             <tr><td>3</td><td>丙智能有限公司</td><td>479,800.00</td><td>27.6</td><td>84.10</td></tr></table>";
        for said in [
            "<p>评标委员会按总得分从高到低排序，推荐2名中标候选人。</p>",
            "<p>按综合评分由高到低的顺序确定中标候选人2名，排名第一的为拟中标人。</p>",
        ] {
            let n = notice(&format!("{head}{said}{table}"));
            assert_eq!(
                n.candidates,
                vec!["乙数据有限公司", "丙智能有限公司"],
                "{said}"
            );
        }
        // The count in another sentence than the score order, or a rank (第2名), is none.
        for said in [
            "<p>评标委员会按总得分由高到低排序。推荐2名中标候选人。</p>",
            "<p>按总得分由高到低排序，第2名中标候选人为备选。</p>",
        ] {
            let n = notice(&format!("{head}{said}{table}"));
            assert_eq!(
                n.candidates,
                vec!["甲科技有限公司", "乙数据有限公司", "丙智能有限公司"],
                "{said}"
            );
        }
        assert_eq!(scored_count("按得分高低顺序推荐两家成交候选人"), Some(2));
        assert_eq!(scored_count("推荐两家成交候选人"), None);
    }

    #[test]
    fn a_sideways_table_under_a_rank_label_reads_bare_ordinals() {
        // Round 43 of issue 10: "中标候选人排序 | 第一 | 第二 | 第三" over "投标人名称 | A | B | C".
        // Here other wordings: 排名 with digits in another order, 名次 with 第N.
        let n = notice(
            "<h3>某市数据局智算中心设备采购项目中标候选人公示</h3><p>项目编号：WH-2026-1</p><table>\
             <tr><td>排名</td><td>2</td><td>1</td><td>3</td></tr>\
             <tr><td>单位名称</td><td>乙数据有限公司</td><td>甲科技有限公司</td><td>丙智能有限公司</td></tr>\
             <tr><td>投标报价（元）</td><td>23,402,500.00</td><td>23,156,000.00</td><td>23,590,000.00</td></tr></table>",
        );
        assert_eq!(
            n.candidates,
            vec!["甲科技有限公司", "乙数据有限公司", "丙智能有限公司"]
        );
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert_eq!(
            transposed_ranks(&row(&["名次", "第一", "第二", "第三"])),
            Some(vec![1, 2, 3])
        );
        // Bare numbers under no rank label (序号, 开标顺序) rank nothing.
        assert_eq!(transposed_ranks(&row(&["序号", "1", "2", "3"])), None);
        assert_eq!(transposed_ranks(&row(&["开标顺序", "1", "2", "3"])), None);
        assert_eq!(
            transposed_ranks(&row(&["排名", "第一", "甲科技有限公司"])),
            None
        );
    }
}

#[cfg(test)]
mod user_notes_stated_buyers_and_share_titles {
    use super::*;

    #[test]
    fn a_bracketed_note_on_the_using_unit_is_no_part_of_the_buyer() {
        for (value, name) in [
            ("某某学院（图书馆使用）", "某某学院"),
            ("某某大学（供计算机学院使用）", "某某大学"),
            ("某某市人民医院（使用单位：影像科）", "某某市人民医院"),
            // Brackets that are part of the name, or a note with no whole name before it, stay.
            ("某某大学（本部）", "某某大学（本部）"),
            ("某某（使用）", "某某（使用）"),
        ] {
            assert_eq!(clean_org(value).as_deref(), Some(name), "{value}");
        }
        let n = parse(
            "<h1>某某学院实训平台建设项目招标公告</h1><table>\
             <tr><td>项目名称</td><td>某某学院实训平台建设项目</td></tr>\
             <tr><td>采购人</td><td>某某学院（电子工程系使用）</td></tr></table>",
        );
        assert_eq!(n.buyer.as_deref(), Some("某某学院"));
    }

    #[test]
    fn an_article_naming_its_buyer_by_role_after_a_lead_on_someone_else() {
        // The lead opens with the winner, the buyer comes later under its role.
        let n = parse(
            "<html><head><title>某地企业拿下油田算力大单_某某网</title></head><body>\
             <h1>某地企业拿下油田算力大单</h1><div>2026-03-02 10:00 来源：某某网 作者：张三</div>\
             <p>某某网记者张三3月2日报道：记者昨天获悉，甲智算科技有限公司近日中标一个能源巨头的算力平台项目。</p>\
             <p>这家公司去年营收约5亿元。</p>\
             <p>此次的招标方是乙省能源（集团）有限责任公司（以下简称“乙能源”）。该项目最高投标限价为6000万元，\
             甲智算科技有限公司以5800万元中标。</p></body></html>",
        );
        assert_eq!(n.notice_type, NoticeType::News);
        assert_eq!(n.buyer.as_deref(), Some("乙省能源（集团）有限责任公司"));
        assert_eq!(n.suppliers, vec!["甲智算科技有限公司"]);
        // The lead's subject, where it is the buyer, still wins over a later role statement.
        let n = parse(
            "<html><head><title>某大学算力平台项目定标_某某网</title></head><body>\
             <h1>某大学算力平台项目定标</h1><div>2026-03-02 10:00 来源：某某网 作者：张三</div>\
             <p>某某网讯 丙理工大学日前发布算力平台采购项目中标结果公告，丁科技有限公司以1200万元中标。</p>\
             <p>作为项目招标人，戊大学附属医院是合作单位。</p></body></html>",
        );
        assert_eq!(n.buyer.as_deref(), Some("丙理工大学"));
    }

    #[test]
    fn a_share_title_a_heading_repeats_beats_an_outlet_name_title() {
        let page = |title: &str, og: &str| {
            parse(&format!(
                "<html><head><title>{title}</title><meta property=\"og:title\" content=\"{og}\"></head>\
                 <body><div>某某+</div><h1>某省高速要上AI巡路员，三家候选人出炉</h1>\
                 <p>2026-12-02 20:16</p><p>记者获悉，某省交通控股有限公司的项目已完成评标。</p></body></html>"
            ))
        };
        // A `<title>` that is only the outlet's name, which no site word marks.
        let n = page("某某快报+", "某省高速要上AI巡路员，三家候选人出炉");
        assert_eq!(
            n.title.as_deref(),
            Some("某省高速要上AI巡路员，三家候选人出炉")
        );
        let n = page("AB Daily", "某省高速要上AI巡路员，三家候选人出炉");
        assert_eq!(
            n.title.as_deref(),
            Some("某省高速要上AI巡路员，三家候选人出炉")
        );
        // A share title no heading repeats (a site-wide default) decides nothing.
        let n = page("某某快报+", "某某快报+ 新闻客户端");
        assert_eq!(n.title.as_deref(), Some("某某快报+"));
    }
}

#[cfg(test)]
mod extract47_tests {
    use super::*;

    #[test]
    fn a_unit_caption_above_a_correction_table_scales_its_cells() {
        // Round 44 of issue 10: "金额单位：人民币万元" on a line of its own above the table.
        // Other captions, items and amounts here.
        let n = parse(
            "<h2>某区平台采购项目更正公告</h2><p>更正内容：</p><p align=\"right\">（单位：万元）</p><table>\
             <tr><td>序号</td><td>更正事项</td><td>更正前内容</td><td>更正后内容</td></tr>\
             <tr><td>1</td><td>最高限价</td><td>415.00</td><td>398.50</td></tr>\
             <tr><td>2</td><td>开标时间</td><td>2026年05月10日</td><td>2026年05月17日</td></tr></table>",
        );
        assert_eq!(n.budget.map(|m| m.amount), Some(3_985_000.0));
        assert_eq!(
            n.notes,
            vec!["budget corrected from 4150000.00 CNY to 3985000.00 CNY".to_string()]
        );
        let n = parse(
            "<h2>某局系统采购项目变更公告</h2><table><caption>金额单位：人民币元</caption>\
             <tr><td>变更项</td><td>变更前</td><td>变更后</td></tr>\
             <tr><td>采购预算</td><td>880000</td><td>860000</td></tr></table>",
        );
        assert_eq!(n.budget.map(|m| m.amount), Some(860_000.0));
        // A caption-like line above another table states nothing for this one.
        let n = parse(
            "<h2>某局系统采购项目变更公告</h2><p>单位：万元</p><table><tr><td>包号</td><td>预算</td></tr>\
             <tr><td>1</td><td>50</td></tr></table><p>更正如下：</p><table>\
             <tr><td>变更项</td><td>变更前</td><td>变更后</td></tr>\
             <tr><td>采购预算</td><td>880000</td><td>860000</td></tr></table>",
        );
        assert_eq!(n.budget.map(|m| m.amount), Some(860_000.0));
    }

    #[test]
    fn a_header_row_under_key_value_rows_gives_the_budget_over_a_unit_cap() {
        // Round 45 of issue 10: "采购预算（人民币：元）" in a `<th>` row of a key/value table; a
        // per-unit 单台最高限价 in the prose below is not the purchase's. Other wordings here.
        let n = parse(
            "<h1>某学院实训平台采购项目公开招标公告</h1><table>\
             <tr><td>项目编号</td><td>XY-ZC2026-01</td><td>采购方式</td><td>公开招标</td></tr>\
             <tr><td>项目名称</td><td colspan=\"3\">某学院实训平台采购项目</td></tr>\
             <tr><th>预算金额（人民币：元）</th><th>最高限价（人民币：元）</th><th>交货期</th><th>是否接受联合体</th></tr>\
             <tr><td>1,230,000.00</td><td>1,230,000.00</td><td>合同签订后45日内</td><td>否</td></tr></table>\
             <p>其中服务器共3台，单台最高限价人民币贰拾伍万元（￥250,000.00），超过单台限价的报价无效。</p>",
        );
        assert_eq!(n.budget.map(|m| m.amount), Some(1_230_000.0));
    }

    #[test]
    fn a_quoted_old_budget_applied_anew_is_the_corrected_budget() {
        // Round 45 of issue 10: the new amount after 改按…执行, the old item in quotes.
        let n = parse(
            "<h2>某局平台项目更正公告</h2><p>原公告的采购项目编号：AB-2026-01</p>\
             <p>（一）原公告“二、采购需求”所列“预算金额：265.00万元；最高限价：265.00万元”，经评审后，\
             两项金额均改按人民币贰佰肆拾捌万元（2,480,000.00元）执行，原列数额不再适用。</p>",
        );
        assert_eq!(n.budget.map(|m| m.amount), Some(2_480_000.0));
        assert_eq!(
            n.notes,
            vec!["budget corrected from 2650000.00 CNY to 2480000.00 CNY".to_string()]
        );
    }
}

/// Candidates ranked by bidder number, and bidders a conclusion cell leaves out (extract49).
#[cfg(test)]
mod numbered_tests {
    use super::*;

    #[test]
    fn bidders_ranked_by_number_are_looked_up_in_the_numbered_table() {
        // Digits under a bidder-number header, the ranks in one sentence.
        let n = parse(
            "<h2>某学院算力平台采购项目中标候选人公示</h2><p>项目编号：XY-2026-0101</p>\
             <table><tr><td>投标人编号</td><td>供应商名称</td><td>投标报价（元）</td></tr>\
             <tr><td>1</td><td>甲科技有限公司</td><td>1,200,000.00</td></tr>\
             <tr><td>2</td><td>乙数据有限公司</td><td>1,150,000.00</td></tr>\
             <tr><td>3</td><td>丙信息有限公司</td><td>1,180,000.00</td></tr></table>\
             <p>经评审，评标委员会推荐2号投标人为第一中标候选人，3号投标人为第二中标候选人。</p>",
        );
        assert_eq!(n.notice_type, NoticeType::Candidates);
        assert_eq!(n.candidates, vec!["乙数据有限公司", "丙信息有限公司"]);
        // Cells written "第N号", the rank before the number.
        let n = parse(
            "<h2>某医院信息系统采购项目成交候选人公示</h2><p>项目编号：YY-2026-0202</p>\
             <table><tr><td>序号</td><td>供应商</td><td>报价（元）</td></tr>\
             <tr><td>第1号</td><td>甲科技有限公司</td><td>500,000.00</td></tr>\
             <tr><td>第2号</td><td>乙数据有限公司</td><td>480,000.00</td></tr>\
             <tr><td>第3号</td><td>丙信息有限公司</td><td>510,000.00</td></tr></table>\
             <p>第一成交候选人为3号供应商，第二成交候选人为1号供应商，第三成交候选人为2号供应商。</p>",
        );
        assert_eq!(
            n.candidates,
            vec!["丙信息有限公司", "甲科技有限公司", "乙数据有限公司"]
        );
    }

    #[test]
    fn bidder_numbers_that_do_not_resolve_change_nothing() {
        let table = "<table><tr><td>序号</td><td>投标人名称</td><td>投标报价（元）</td></tr>\
             <tr><td>1</td><td>甲科技有限公司</td><td>1,200,000.00</td></tr>\
             <tr><td>2</td><td>乙数据有限公司</td><td>1,150,000.00</td></tr></table>";
        // A plain row counter is no bidder number: the table stands as before.
        let plain = parse(&format!(
            "<h2>某项目中标候选人公示</h2><p>项目编号：ZZ-2026-0303</p>{table}\
             <p>推荐2号投标人为第一中标候选人，1号投标人为第二中标候选人。</p>"
        ));
        let before = parse(&format!(
            "<h2>某项目中标候选人公示</h2><p>项目编号：ZZ-2026-0303</p>{table}"
        ));
        assert_eq!(plain.candidates, before.candidates);
        let lines = ["推荐2号投标人为第一中标候选人，1号投标人为第二中标候选人。"];
        let numbered = vec![vec![
            vec!["投标人序号".to_string(), "投标人名称".to_string()],
            vec!["1号".to_string(), "甲科技有限公司".to_string()],
            vec!["2号".to_string(), "乙数据有限公司".to_string()],
        ]];
        assert_eq!(
            numbered_candidates(&lines, &numbered),
            vec!["乙数据有限公司", "甲科技有限公司"]
        );
        // A gap in the ranks, or a number no table gives: no ranking read.
        assert!(numbered_candidates(&["推荐2号投标人为第二中标候选人。"], &numbered).is_empty());
        assert!(
            numbered_candidates(
                &["推荐5号投标人为第一中标候选人，1号投标人为第二中标候选人。"],
                &numbered
            )
            .is_empty()
        );
        // No number: nothing.
        assert!(numbered_candidates(&["第一中标候选人为甲科技有限公司。"], &numbered).is_empty());
    }

    #[test]
    fn a_bidder_left_out_of_the_candidates_in_a_conclusion_cell_is_none() {
        for out in [
            "综合得分第四名，未进入中标候选人",
            "排名第四，未能进入候选人名单",
        ] {
            let n = parse(&format!(
                "<h2>某局平台项目中标候选人公示</h2><p>项目编号：GG-2026-0404</p>\
                 <p><b>第一中标候选人：</b>甲科技有限公司</p>\
                 <p><b>第二中标候选人：</b>乙数据有限公司</p>\
                 <p><b>第三中标候选人：</b>丙信息有限公司</p>\
                 <table><tr><th>投标人</th><th>投标报价（元）</th><th>评审结果</th></tr>\
                 <tr><td>丁网络有限公司</td><td>2,089,000.00</td><td>{out}</td></tr></table>"
            ));
            assert_eq!(
                n.candidates,
                vec!["甲科技有限公司", "乙数据有限公司", "丙信息有限公司"],
                "{out}"
            );
        }
        // A conclusion cell giving a rank still ranks its row.
        assert_eq!(verdict("第四名"), Verdict::Rank(4));
        assert_eq!(verdict("综合得分第四名，未进入中标候选人"), Verdict::Out);
    }
}

/// extract48: award amounts given as a rate with the amount it comes to, in 大写 with parts after
/// 其中, or as the bid of the row a 是否中标 column marks; a budget sentence written in 大写 only.
#[cfg(test)]
mod award_forms_tests {
    use super::*;

    #[test]
    fn a_won_column_marks_the_winner_and_its_bid_is_the_award() {
        let n = parse(
            "<h3>某港口集团视觉质检平台采购项目成交结果公告</h3><p>项目编号：GK-2026-17</p><table>\
             <tr><td>序号</td><td>供应商名称</td><td>最终报价（万元）</td><td>报价得分</td><td>是否成交</td></tr>\
             <tr><td>1</td><td>甲视觉科技有限公司</td><td>96.50</td><td>28.00</td><td>否</td></tr>\
             <tr><td>2</td><td>乙智能装备有限公司</td><td>92.80</td><td>30.00</td><td>是</td></tr></table>",
        );
        assert_eq!(n.suppliers, vec!["乙智能装备有限公司"]);
        assert_eq!(n.award.map(|m| m.amount), Some(928_000.0));
        // Bids without and with tax, the rank column first: the taxed bid of the 是 row.
        let n = parse(
            "<h3>某能源集团算力租赁项目中标结果公告</h3><p>招标编号：NY-2026-33</p><table>\
             <tr><td>排名</td><td>投标人</td><td>投标金额（不含税，元）</td><td>投标金额（含税，元）</td><td>是否中标</td></tr>\
             <tr><td>1</td><td>丙算力有限公司</td><td>2,000,000.00</td><td>2,120,000.00</td><td>是</td></tr>\
             <tr><td>2</td><td>丁云服务有限公司</td><td>1,980,000.00</td><td>2,098,800.00</td><td>否</td></tr></table>",
        );
        assert_eq!(n.suppliers, vec!["丙算力有限公司"]);
        assert_eq!(n.award.map(|m| m.amount), Some(2_120_000.0));
    }

    #[test]
    fn other_yes_no_columns_give_no_award_from_bids() {
        // 是否入围: several admitted, their bids are no award.
        let n = parse(
            "<h3>某市政务云服务商入围结果公告</h3><p>项目编号：RW-2026-9</p><table>\
             <tr><td>序号</td><td>供应商名称</td><td>投标报价（元）</td><td>是否入围</td></tr>\
             <tr><td>1</td><td>戊云有限公司</td><td>500,000.00</td><td>是</td></tr>\
             <tr><td>2</td><td>己网络有限公司</td><td>520,000.00</td><td>是</td></tr></table>",
        );
        assert_eq!(n.suppliers, vec!["戊云有限公司", "己网络有限公司"]);
        assert_eq!(n.award, None);
        // Candidates marked by a 是否推荐 column: no award.
        let n = parse(
            "<h3>某大学超算扩容项目中标候选人公示</h3><p>项目编号：CS-2026-9</p><table>\
             <tr><td>投标人名称</td><td>投标报价（元）</td><td>是否推荐为中标候选人</td></tr>\
             <tr><td>庚算力科技有限公司</td><td>980,000.00</td><td>是</td></tr></table>",
        );
        assert_eq!(n.award, None);
        // A 是否中标 column with no bid column: the winner, no amount.
        let n = parse(
            "<h3>某医院影像平台采购项目中标结果公告</h3><p>项目编号：YY-2026-5</p><table>\
             <tr><td>序号</td><td>投标人名称</td><td>综合得分</td><td>是否中标</td></tr>\
             <tr><td>1</td><td>辛医疗科技有限公司</td><td>91.20</td><td>是</td></tr></table>",
        );
        assert_eq!(n.suppliers, vec!["辛医疗科技有限公司"]);
        assert_eq!(n.award, None);
    }

    #[test]
    fn an_award_as_a_rate_with_the_amount_it_comes_to() {
        let n = parse(
            "<h3>某区数据局政务云服务项目中标结果公告</h3><p>项目编号：SJ-2026-4</p><table>\
             <tr><td>供应商名称</td><td>供应商地址</td><td>中标金额</td></tr>\
             <tr><td>壬数字科技有限公司</td><td>某市某路1号</td><td>下浮率6%（折合人民币940,000.00元）</td></tr></table>",
        );
        assert_eq!(n.suppliers, vec!["壬数字科技有限公司"]);
        assert_eq!(n.award.map(|m| m.amount), Some(940_000.0));
        let n = parse(
            "<h3>某县教育局智慧课堂项目成交结果公告</h3><p>项目编号：JY-2026-8</p>\
             <p>成交供应商：癸教育科技有限公司</p><p>成交金额：折扣率92%，即人民币73.6万元</p>",
        );
        assert_eq!(n.award.map(|m| m.amount), Some(736_000.0));
        // A rate alone stays no award.
        let n = parse(
            "<h3>某县教育局智慧课堂项目成交结果公告</h3><p>项目编号：JY-2026-9</p>\
             <p>成交供应商：癸教育科技有限公司</p><p>成交金额：下浮率8%</p>",
        );
        assert_eq!(n.award, None);
    }

    #[test]
    fn a_daxie_award_with_its_parts_after_qizhong_is_the_whole() {
        let n = parse(
            "<h3>某物业公司客服平台采购成交结果公示</h3><p>项目编号：WY-2026-3</p><dl>\
             <dt>成交供应商</dt><dd>子智能科技有限公司</dd>\
             <dt>成交价</dt><dd>人民币叁佰万元整（含税），其中不含税金额2,830,188.68元，税额169,811.32元</dd></dl>",
        );
        assert_eq!(n.award.map(|m| m.amount), Some(3_000_000.0));
        let n = parse(
            "<h3>某集团视频平台采购项目中标结果公告</h3><p>项目编号：JT-2026-6</p>\
             <p>中标人：丑数据有限公司</p>\
             <p>中标金额：大写伍拾万元整；包括设备费400,000.00元、安装费100,000.00元</p>",
        );
        assert_eq!(n.award.map(|m| m.amount), Some(500_000.0));
        // A figure beside the 大写 amount is read as before.
        let n = parse(
            "<h3>某集团视频平台采购项目中标结果公告</h3><p>项目编号：JT-2026-7</p>\
             <p>中标人：丑数据有限公司</p>\
             <p>中标金额：人民币伍拾万元整（¥500,000.00），其中税额28,301.89元</p>",
        );
        assert_eq!(n.award.map(|m| m.amount), Some(500_000.0));
    }

    #[test]
    fn a_budget_sentence_in_daxie_only() {
        let n = parse(
            "<h3>某矿业公司算力平台采购项目中标结果公告</h3>\
             <p>本项目于2026年3月1日开标，招标控制价为人民币叁佰伍拾万元（含税）。</p>",
        );
        assert_eq!(n.budget.map(|m| m.amount), Some(3_500_000.0));
        let n = parse(
            "<h3>某局数据平台项目招标公告</h3>\
             <p>本项目最高投标限价为人民币捌拾万零伍佰元整，超过的投标无效。</p>",
        );
        assert_eq!(n.budget.map(|m| m.amount), Some(800_500.0));
        // A figure beside it is read as before; a 大写 count is no budget.
        let n = parse(
            "<h3>某局数据平台项目招标公告</h3>\
             <p>本项目最高限价为人民币伍拾万元（¥500,000.00）。</p>",
        );
        assert_eq!(n.budget.map(|m| m.amount), Some(500_000.0));
        let n = parse("<h3>某局数据平台项目招标公告</h3><p>本项目预算为叁拾天内支付。</p>");
        assert_eq!(n.budget, None);
    }
}

#[cfg(test)]
mod extract54_tests {
    use super::*;

    /// An award page naming the winner by label, then a table of the other bidders.
    fn award_with(table: &str) -> Notice {
        parse(&format!(
            "<h3>某局政务大模型平台项目中标（成交）结果公告</h3><p>项目编号：AB-2026-01</p>\
             <p>供应商名称：甲乙数据科技有限公司</p><p>中标（成交）金额：1200000.00（元）</p>\
             <p>其他补充事宜</p>{table}"
        ))
    }

    #[test]
    fn a_table_of_losing_bidders_with_their_reasons_names_no_winner() {
        for table in [
            "<table><tr><td>供应商名称</td><td>评审得分</td><td>未中标原因</td></tr>\
             <tr><td>丙丁科技有限公司</td><td>84.37</td><td>综合得分低于中标供应商</td></tr>\
             <tr><td>戊己信息技术有限公司</td><td>/</td><td>符合性审查未通过</td></tr></table>",
            // The 成交 form, reason column first.
            "<table><tr><th>未成交原因</th><th>供应商名称</th></tr>\
             <tr><td>报价高于成交供应商</td><td>丙丁科技有限公司</td></tr></table>",
            // Another word for the losers.
            "<table><tr><th>投标人名称</th><th>落选原因</th></tr>\
             <tr><td>丙丁科技有限公司</td><td>得分排名第二</td></tr></table>",
        ] {
            let n = award_with(table);
            assert_eq!(n.suppliers, vec!["甲乙数据科技有限公司"], "{table}");
            assert!(n.candidates.is_empty(), "{table}");
        }
        // A result table without such a column still names its winners.
        let n = parse(
            "<h3>某局平台项目中标（成交）结果公告</h3><table>\
             <tr><td>中标供应商名称</td><td>中标金额（元）</td></tr>\
             <tr><td>甲乙数据科技有限公司</td><td>1,200,000.00</td></tr></table>",
        );
        assert_eq!(n.suppliers, vec!["甲乙数据科技有限公司"]);
    }

    #[test]
    fn ranked_bidders_under_a_generic_name_header_leave_only_the_first_as_winner() {
        for table in [
            "<table><tr><th>供应商名称</th><th>企业规模</th><th>投标报价（元）</th>\
             <th>评审价格（元）</th><th>综合得分</th><th>排名</th></tr>\
             <tr><td>甲乙数据科技有限公司</td><td>小型企业</td><td>1,200,000.00</td>\
             <td>1,080,000.00</td><td>91.84</td><td>1</td></tr>\
             <tr><td>丙丁科技有限公司</td><td>中型企业</td><td>1,150,000.00</td>\
             <td>1,150,000.00</td><td>84.62</td><td>2</td></tr></table>",
            // Rank first, rows out of rank order.
            "<table><tr><th>排名</th><th>投标人名称</th><th>投标报价</th></tr>\
             <tr><td>2</td><td>丙丁科技有限公司</td><td>1,150,000.00</td></tr>\
             <tr><td>1</td><td>甲乙数据科技有限公司</td><td>1,200,000.00</td></tr>\
             <tr><td>3</td><td>戊己信息技术有限公司</td><td>1,260,000.00</td></tr></table>",
        ] {
            let n = award_with(table);
            assert_eq!(n.suppliers, vec!["甲乙数据科技有限公司"], "{table}");
        }
        // A table naming its winners (中标供应商) keeps every row: lots each have a winner.
        let n = parse(
            "<h3>某局平台项目中标（成交）结果公告</h3><table>\
             <tr><td>包号</td><td>中标供应商名称</td><td>排名</td></tr>\
             <tr><td>1</td><td>甲乙数据科技有限公司</td><td>1</td></tr>\
             <tr><td>2</td><td>丙丁科技有限公司</td><td>1</td></tr></table>",
        );
        assert_eq!(
            n.suppliers,
            vec!["甲乙数据科技有限公司", "丙丁科技有限公司"]
        );
    }

    fn candidates_with(table: &str) -> Notice {
        parse(&format!(
            "<h3>某委员会AI辅助决策系统建设项目中标候选人公示</h3><p>采购人：某市某委员会</p>{table}"
        ))
    }

    #[test]
    fn rows_a_rank_column_leaves_unranked_are_no_candidates() {
        for table in [
            // A price-cap row first, a failed bid with a slash, bids in decryption order.
            "<table><tr><th>序号</th><th>投标人名称</th><th>投标报价（元）</th><th>排名</th></tr>\
             <tr><td>—</td><td>最高投标限价</td><td>3,000,000.00</td><td>—</td></tr>\
             <tr><td>1</td><td>甲乙数据科技有限公司</td><td>2,900,000.00</td><td>2</td></tr>\
             <tr><td>2</td><td>丙丁科技有限公司</td><td>2,700,000.00</td><td>/</td></tr>\
             <tr><td>3</td><td>戊己信息技术有限公司</td><td>2,950,000.00</td><td>1</td></tr></table>",
            // Dashes of another width; the rank column first.
            "<table><tr><th>排名</th><th>投标人</th><th>投标报价</th></tr>\
             <tr><td>——</td><td>丙丁科技有限公司</td><td>2,700,000.00</td></tr>\
             <tr><td>2</td><td>甲乙数据科技有限公司</td><td>2,900,000.00</td></tr>\
             <tr><td>1</td><td>戊己信息技术有限公司</td><td>2,950,000.00</td></tr></table>",
        ] {
            let n = candidates_with(table);
            assert_eq!(
                n.candidates,
                vec!["戊己信息技术有限公司", "甲乙数据科技有限公司"],
                "{table}"
            );
        }
        // An empty rank cell is no dash: the table is read as before, in its own order.
        let n = candidates_with(
            "<table><tr><th>投标人名称</th><th>排名</th></tr>\
             <tr><td>丙丁科技有限公司</td><td></td></tr>\
             <tr><td>甲乙数据科技有限公司</td><td>2</td></tr>\
             <tr><td>戊己信息技术有限公司</td><td>1</td></tr></table>",
        );
        assert_eq!(n.candidates.len(), 3);
        assert!(
            is_void_rank(" — ") && is_void_rank("／") && !is_void_rank("") && !is_void_rank("1")
        );
    }
}

#[cfg(test)]
mod party_tests_57 {
    use super::*;

    #[test]
    fn a_zhaobiao_jigou_value_is_the_agency_only_when_it_reads_as_one() {
        // Label lines in the contacts, or a table of label | value, beside a 招标人.
        for page in [
            "<h3>某研究院实验平台项目中标候选人公示</h3>\
             <p>招标人：甲乙化工研究院有限公司　联系人：王工</p>\
             <p>招标机构：丙丁工程咨询有限公司　联系人：李工</p>",
            "<h3>某研究院实验平台项目招标公告</h3><table>\
             <tr><td>招标人</td><td>甲乙化工研究院有限公司</td></tr>\
             <tr><td>招标机构</td><td>丙丁招标代理有限公司</td></tr></table>",
        ] {
            let n = parse(page);
            assert_eq!(n.buyer.as_deref(), Some("甲乙化工研究院有限公司"), "{page}");
            assert!(
                n.agency.as_deref().is_some_and(|a| a.starts_with("丙丁")),
                "{page}"
            );
        }
        // A buyer-side unit under the label (a group's materials company): no agency.
        let n = parse(
            "<h3>某油田分公司算力服务项目变更公告</h3>\
             <p>招标人：某某石油股份有限公司某油田分公司</p>\
             <p>招标机构：某某石油物资有限公司某分公司</p>",
        );
        assert_eq!(n.agency, None);
        // No buyer label beside it: the label alone decides nothing.
        let n = parse("<h3>某研究院实验平台项目招标公告</h3><p>招标机构：丙丁工程咨询有限公司</p>");
        assert_eq!(n.agency, None);
        // A real agency label still wins.
        let n = parse(
            "<h3>某研究院实验平台项目招标公告</h3><p>招标人：甲乙化工研究院有限公司</p>\
             <p>招标代理机构：戊己项目管理有限公司</p><p>招标机构：丙丁工程咨询有限公司</p>",
        );
        assert_eq!(n.agency.as_deref(), Some("戊己项目管理有限公司"));
    }

    fn award(body: &str) -> Notice {
        parse(&format!(
            "<h3>某局算力平台项目中标结果公告</h3><p>项目编号：AB-2026-07</p>{body}"
        ))
    }

    #[test]
    fn every_package_keeps_its_first_ranked_winner() {
        for body in [
            // One table with a package column; the second package's winner is second in the first.
            "<table><tr><th>包号</th><th>供应商名称</th><th>投标报价（元）</th><th>排名</th></tr>\
             <tr><td>1</td><td>甲乙数据科技有限公司</td><td>1,200,000.00</td><td>1</td></tr>\
             <tr><td>1</td><td>丙丁科技有限公司</td><td>1,250,000.00</td><td>2</td></tr>\
             <tr><td>2</td><td>丙丁科技有限公司</td><td>800,000.00</td><td>1</td></tr>\
             <tr><td>2</td><td>戊己信息技术有限公司</td><td>820,000.00</td><td>2</td></tr></table>",
            // A table per package, the rank column first.
            "<p>包1：</p><table><tr><th>排名</th><th>投标人名称</th><th>投标报价</th></tr>\
             <tr><td>1</td><td>甲乙数据科技有限公司</td><td>1,200,000.00</td></tr>\
             <tr><td>2</td><td>丙丁科技有限公司</td><td>1,250,000.00</td></tr></table>\
             <p>包2：</p><table><tr><th>排名</th><th>投标人名称</th><th>投标报价</th></tr>\
             <tr><td>2</td><td>戊己信息技术有限公司</td><td>820,000.00</td></tr>\
             <tr><td>1</td><td>丙丁科技有限公司</td><td>800,000.00</td></tr></table>",
        ] {
            let n = award(body);
            assert_eq!(
                n.suppliers,
                vec!["甲乙数据科技有限公司", "丙丁科技有限公司"],
                "{body}"
            );
        }
        // Negative: one package, the second-ranked bidder still lost.
        let n = award(
            "<table><tr><th>供应商名称</th><th>投标报价（元）</th><th>排名</th></tr>\
             <tr><td>甲乙数据科技有限公司</td><td>1,200,000.00</td><td>1</td></tr>\
             <tr><td>丙丁科技有限公司</td><td>1,250,000.00</td><td>2</td></tr></table>",
        );
        assert_eq!(n.suppliers, vec!["甲乙数据科技有限公司"]);
    }

    #[test]
    fn an_award_naming_its_winner_by_number_resolves_it() {
        let table = "<table><tr><td>投标人编号</td><td>投标人名称</td><td>投标报价（元）</td></tr>\
             <tr><td>1</td><td>甲乙数据科技有限公司</td><td>1,200,000.00</td></tr>\
             <tr><td>2</td><td>丙丁科技有限公司</td><td>1,150,000.00</td></tr>\
             <tr><td>3</td><td>戊己信息技术有限公司</td><td>1,180,000.00</td></tr></table>";
        for sentence in [
            "<p>经评审，确定2号投标人为中标人。</p>",
            "<p>评标委员会推荐，采购人确认：成交供应商为2号供应商。</p>",
        ] {
            let n = award(&format!("{table}{sentence}"));
            assert_eq!(n.suppliers, vec!["丙丁科技有限公司"], "{sentence}");
        }
        // Cells written "N号" under any header.
        let lines = ["中标人为第3号。"];
        let tables = vec![vec![
            vec!["序号".to_string(), "供应商".to_string()],
            vec!["1号".to_string(), "甲乙数据科技有限公司".to_string()],
            vec!["3号".to_string(), "戊己信息技术有限公司".to_string()],
        ]];
        assert_eq!(
            numbered_winners(&lines, &tables),
            vec!["戊己信息技术有限公司"]
        );
        // Negatives: a number no table gives, a candidate rank, no number.
        assert!(numbered_winners(&["确定5号投标人为中标人。"], &tables).is_empty());
        assert!(numbered_winners(&["推荐3号投标人为第一中标候选人。"], &tables).is_empty());
        assert!(numbered_winners(&["中标人为戊己信息技术有限公司。"], &tables).is_empty());
    }

    #[test]
    fn a_bidder_the_text_rules_out_is_no_candidate() {
        let names: Vec<String> = ["甲公司有限公司", "乙科技有限公司", "丁信息有限公司"]
            .map(String::from)
            .to_vec();
        for line in [
            "丁信息有限公司综合得分排名第四，未能进入前三。",
            "经评审，丁信息有限公司因报价超过最高限价未入围。",
            "甲公司有限公司、乙科技有限公司入围，丁信息有限公司得分第四名，未能进入中标候选人名单。",
        ] {
            assert_eq!(
                ruled_out_in_text(&[line], &names),
                vec!["丁信息有限公司"],
                "{line}"
            );
        }
        // Negatives: bidders in general, a winner before a general clause, no out word.
        for line in [
            "未进入候选人名单的投标人可在公示期内提出异议。",
            "甲公司有限公司为第一中标候选人，未进入候选人名单的投标人可查询得分。",
            "甲公司有限公司排名第一，乙科技有限公司排名第二。",
        ] {
            assert!(ruled_out_in_text(&[line], &names).is_empty(), "{line}");
        }
        // On a page: the table's fourth row leaves the candidates.
        let n = parse(
            "<h3>某委员会平台项目中标候选人公示</h3><p>采购人：某市某委员会</p>\
             <table><tr><th>排名</th><th>投标人名称</th><th>综合得分</th></tr>\
             <tr><td>1</td><td>甲公司有限公司</td><td>90.1</td></tr>\
             <tr><td>2</td><td>乙科技有限公司</td><td>88.2</td></tr>\
             <tr><td>4</td><td>丁信息有限公司</td><td>80.3</td></tr></table>\
             <p>丁信息有限公司排名第四，未能进入前三，不作为中标候选人。</p>",
        );
        assert_eq!(n.candidates, vec!["甲公司有限公司", "乙科技有限公司"]);
    }
}

/// extract55 (held-out round 46 of issue 10): table columns headed as past or existing work
/// (类似业绩, 原有设备) name work outside this purchase and are left out of the screened text.
#[cfg(test)]
mod past_work_column_tests {
    use super::*;

    #[test]
    fn a_past_work_column_is_left_out_of_the_screened_text() {
        // A candidate table with a past-projects column, in two header wordings.
        for header in ["近三年同类业绩", "类似项目业绩（投标文件填报）"] {
            let n = parse(&format!(
                "<h2>某学院智慧教学平台采购项目中标候选人公示</h2><p>发布时间：2026-05-01</p>\
                 <p>项目编号：XY-2026-0501</p><p>平台部署通义千问大模型。</p><table>\
                 <tr><td>排名</td><td>候选人名称</td><td>报价（元）</td><td>{header}</td></tr>\
                 <tr><td>1</td><td>甲科技有限公司</td><td>986,000.00</td>\
                 <td>某县教育云平台（腾讯云部署）项目</td></tr>\
                 <tr><td>2</td><td>乙数据有限公司</td><td>990,000.00</td>\
                 <td>某市智慧校园项目</td></tr></table>"
            ));
            assert!(!n.text.contains("腾讯云"), "{header}: {}", n.text);
            assert!(n.text.contains("甲科技有限公司"), "{}", n.text);
            assert!(n.text.contains("通义千问"));
        }
        // Existing equipment in a tender's list, beside what is bought.
        let n = parse(
            "<h2>某医院影像服务器扩容项目招标公告</h2><p>发布时间：2026-05-02</p>\
             <p>项目编号：YY-2026-0502</p><table>\
             <tr><td>序号</td><td>原有设备</td><td>本次采购</td></tr>\
             <tr><td>1</td><td>英伟达V100服务器2台</td><td>昇腾910B服务器4台</td></tr></table>",
        );
        assert!(!n.text.contains("V100"), "{}", n.text);
        assert!(n.text.contains("昇腾910B"), "{}", n.text);
    }

    #[test]
    fn a_stacked_row_keyed_by_past_work_is_left_out() {
        let n = parse(
            "<h2>某医院病历质控系统采购项目中标候选人公示</h2><p>发布时间：2026-05-03</p>\
             <p>项目编号：YY-2026-0503</p><table>\
             <tr><td>中标候选人名称</td><td>甲科技有限公司</td></tr>\
             <tr><td>投标报价</td><td>1,260,000.00元</td></tr>\
             <tr><td>以往业绩</td><td>某医院AI辅助诊断项目（阿里云部署），2025年验收</td></tr>\
             </table><p>系统部署DeepSeek-R1模型。</p>",
        );
        assert!(!n.text.contains("阿里云"), "{}", n.text);
        assert!(n.text.contains("1,260,000.00"), "{}", n.text);
        assert!(n.text.contains("DeepSeek"));
    }

    #[test]
    fn a_requirement_or_score_of_past_work_stays_screened() {
        // 业绩要求 / 类似业绩评分标准 say what is asked, which may be the purchase.
        for header in ["类似业绩要求", "项目业绩评分标准"] {
            let n = parse(&format!(
                "<h2>某大学算力平台采购项目招标公告</h2><p>发布时间：2026-05-04</p>\
                 <p>项目编号：DX-2026-0504</p><table>\
                 <tr><td>序号</td><td>评分项</td><td>{header}</td></tr>\
                 <tr><td>1</td><td>业绩</td><td>提供昇腾910B服务器供货业绩</td></tr></table>"
            ));
            assert!(n.text.contains("昇腾910B"), "{header}: {}", n.text);
        }
        assert!(is_past_work_header("投标文件中填报的类似业绩"));
        assert!(is_past_work_header("现有配置"));
        assert!(!is_past_work_header("业绩要求"));
        assert!(!is_past_work_header("技术参数"));
        // A two-cell row keyed by something else keeps its value.
        let n = parse(
            "<h2>某中心服务器采购项目中标结果公告</h2><p>发布时间：2026-05-05</p><table>\
             <tr><td>中标内容</td><td>华为Atlas 800服务器</td></tr></table>",
        );
        assert!(n.text.contains("Atlas 800"), "{}", n.text);
    }
}

/// extract60 (held-out round 48 of issue 10): the old-wording column of a correction table
/// names what the correction replaces and is left out of the screened text.
#[cfg(test)]
mod replaced_column_tests {
    use super::*;

    #[test]
    fn the_old_wording_column_of_a_correction_table_is_left_out() {
        // Two header layouts: 原文 / 修改后 with a 说明 column, 更正前内容 / 更正后内容 first.
        for (old, new) in [("原文内容", "修改后"), ("更正前内容", "更正后内容")] {
            let n = parse(&format!(
                "<h2>某县人民医院影像平台采购项目更正公告</h2><p>发布时间：2026-06-01</p>\
                 <p>项目编号：YY-2026-0601</p><table>\
                 <tr><td>更正事项</td><td>{old}</td><td>{new}</td><td>说明</td></tr>\
                 <tr><td>技术要求第2条</td><td>GPU卡4张（如英伟达L40S等同档次产品）</td>\
                 <td>GPU卡4张，单卡显存不低于48GB</td><td>删除品牌示例</td></tr>\
                 <tr><td>部署要求</td><td>部署于天翼云，每周备份1次</td>\
                 <td>部署于天翼云，每日备份1次</td><td>调整频次</td></tr></table>"
            ));
            assert!(!n.text.contains("L40S"), "{old}: {}", n.text);
            assert!(!n.text.contains("每周备份"), "{old}: {}", n.text);
            // The new wording keeps what it keeps.
            assert!(
                n.text.contains("部署于天翼云，每日备份1次"),
                "{old}: {}",
                n.text
            );
            assert!(n.text.contains("单卡显存不低于48GB"), "{old}: {}", n.text);
        }
    }

    #[test]
    fn a_table_without_a_new_side_or_an_unchanged_cell_stays_screened() {
        // 原文 beside a translation is no correction.
        let n = parse(
            "<h2>某学院语料平台采购项目招标公告</h2><p>发布时间：2026-06-02</p><table>\
             <tr><td>序号</td><td>原文</td><td>译文</td></tr>\
             <tr><td>1</td><td>平台部署通义千问大模型</td><td>The platform runs Qwen</td></tr>\
             </table>",
        );
        assert!(n.text.contains("通义千问"), "{}", n.text);
        // A cell the correction repeats unchanged stays.
        let n = parse(
            "<h2>某局监测平台采购项目更正公告</h2><p>发布时间：2026-06-03</p><table>\
             <tr><td>序号</td><td>原文</td><td>更正为</td></tr>\
             <tr><td>1</td><td>平台部署于移动云</td><td>平台部署于移动云</td></tr></table>",
        );
        assert!(n.text.contains("移动云"), "{}", n.text);
        assert!(labels::is_old_wording_header("原文"));
        assert!(labels::is_old_wording_header("更正前"));
        assert!(!labels::is_old_wording_header("原文件条款号"));
        assert!(!labels::is_old_wording_header("更正位置"));
    }
}

#[cfg(test)]
mod extract62_party_tests {
    use super::*;

    #[test]
    fn candidates_on_lines_of_their_own_in_one_cell_are_read_in_rank_order() {
        // 第N名 or 第N中标候选人 before each name, the bids in a parallel cell; ranks out of order.
        for (page, want) in [
            (
                "<h3>某电力公司视觉质检平台采购项目中标候选人公示</h3><table>\
                 <tr><th>标段名称</th><th>中标候选人名称</th><th>投标报价（万元）</th></tr>\
                 <tr><td>质检平台</td><td>第一名：甲智能科技有限公司<br>第二名：乙数字技术有限公司<br>第三名：丙软件有限公司</td>\
                 <td>第一名：100.00<br>第二名：101.00<br>第三名：99.00</td></tr></table>",
                vec!["甲智能科技有限公司", "乙数字技术有限公司", "丙软件有限公司"],
            ),
            (
                "<h3>某大学算力平台项目中标候选人公示</h3><table>\
                 <tr><th>包号</th><th>中标候选人</th><th>投标报价（元）</th></tr>\
                 <tr><td>1</td><td>第二中标候选人：乙网络科技有限公司<br>第一中标候选人：甲信息技术股份有限公司</td>\
                 <td>812,000.00<br>799,500.00</td></tr></table>",
                vec!["甲信息技术股份有限公司", "乙网络科技有限公司"],
            ),
        ] {
            assert_eq!(parse(page).candidates, want, "{page}");
        }
        // One name in its cell per row: read as before.
        let n = parse(
            "<h3>某大学算力平台项目中标候选人公示</h3><table>\
             <tr><th>排名</th><th>中标候选人名称</th><th>投标报价（元）</th></tr>\
             <tr><td>1</td><td>甲信息技术股份有限公司</td><td>799,500.00</td></tr>\
             <tr><td>2</td><td>乙网络科技有限公司</td><td>812,000.00</td></tr></table>",
        );
        assert_eq!(
            n.candidates,
            vec!["甲信息技术股份有限公司", "乙网络科技有限公司"]
        );
        // Pieces that are not all rank labels with names: no split on that account.
        assert_eq!(rank_pieces("第一名：甲智能科技有限公司 备注：无"), None);
        assert_eq!(rank_pieces("第一名：甲智能科技有限公司"), None);
        assert_eq!(rank_pieces("第一名：100.00 第二名：101.00"), None);
    }

    #[test]
    fn rank_labels_below_a_candidates_table_give_facts_not_names() {
        // A sideways table names the candidates; rank labels below give their qualifications.
        let sideways = "<h3>某灌区调度平台建设项目中标候选人公示</h3><table>\
             <tr><td>排序</td><td>第一中标候选人</td><td>第二中标候选人</td></tr>\
             <tr><td>投标人名称</td><td>甲信息技术有限公司</td><td>乙数智科技有限公司</td></tr>\
             <tr><td>投标报价（万元）</td><td>284.6300</td><td>279.8000</td></tr></table>\
             <p>三、中标候选人响应招标文件要求的资格能力条件</p>\
             <p>第一中标候选人：具备电子与智能化工程专业承包二级资质；近三年完成类似项目2项。</p>\
             <p>第二中标候选人：具备建筑智能化工程设计专项乙级资质；近三年完成类似项目1项（某平台项目，合同金额98.7万元）。</p>";
        assert_eq!(
            parse(sideways).candidates,
            vec!["甲信息技术有限公司", "乙数智科技有限公司"]
        );
        // One small table per candidate, then each one's staff and past work under rank labels.
        let ranked = "<h3>某医院信息平台项目中标候选人公示</h3>\
             <table><tr><td>第一中标候选人</td></tr><tr><td>投标人名称</td><td>甲信息技术有限公司</td></tr>\
             <tr><td>投标报价</td><td>1,200,000.00元</td></tr></table>\
             <table><tr><td>第二中标候选人</td></tr><tr><td>投标人名称</td><td>乙数智科技有限公司</td></tr>\
             <tr><td>投标报价</td><td>1,180,000.00元</td></tr></table>\
             <p>第一中标候选人：近三年完成某市智慧医院项目</p>\
             <p>第二中标候选人：项目负责人具备高级工程师职称</p>";
        assert_eq!(
            parse(ranked).candidates,
            vec!["甲信息技术有限公司", "乙数智科技有限公司"]
        );
        // No table: the labels name the candidates, as before.
        let n = parse(
            "<h3>某医院信息平台项目中标候选人公示</h3>\
             <p>第一中标候选人：甲信息技术有限公司</p><p>第二中标候选人：乙数智科技有限公司</p>",
        );
        assert_eq!(
            n.candidates,
            vec!["甲信息技术有限公司", "乙数智科技有限公司"]
        );
    }

    #[test]
    fn news_candidates_listed_with_a_short_name_and_a_passive_rank_verb() {
        for line in [
            "记者注意到，10月27日，甲市水务集团有限公司发布中标候选人公示，经评标委员会评审，\
             乙智能科技有限公司（下称“乙智能”）、丙数字技术有限公司、丁科技有限公司依次被推荐为第一、第二、第三中标候选人。",
            "经评审，乙智能科技有限公司、丙数字技术有限公司（以下简称“丙数字”）、丁科技有限公司依次被确定为第一、二、三名中标候选人。",
        ] {
            let page = format!(
                "<h1>甲市水务智慧水厂项目中标候选人出炉</h1><p>摘要：三家候选人报价接近。</p><div class=\"article\"><p>{line}</p></div>"
            );
            let n = parse(&page);
            assert_eq!(
                n.candidates,
                vec!["乙智能科技有限公司", "丙数字技术有限公司", "丁科技有限公司"],
                "{line}"
            );
        }
    }

    #[test]
    fn a_listed_company_announcing_its_award_letter_is_the_winner_and_the_sender_the_buyer() {
        for (line, buyer) in [
            (
                "甲智算科技股份有限公司（下称“甲智算”）11月3日晚间公告称，公司近日收到乙省交通控股集团有限公司（下称“乙交控”）发出的《中标通知书》，确认公司为“乙交控智算中心建设项目”的中标单位，中标金额为21,000.00万元（含税）。",
                "乙省交通控股集团有限公司",
            ),
            (
                "丙信息股份有限公司晚间披露，公司已收到丁市人民医院（以下简称“丁医院”）的中标通知书，中标金额为3,200万元。",
                "丁市人民医院",
            ),
        ] {
            let page = format!(
                "<h1>某公司中标智算项目</h1><p>摘要：单笔中标金额约占公司营业收入的三成。</p><div class=\"article\"><p>{line}</p></div>"
            );
            let n = parse(&page);
            assert_eq!(n.buyer.as_deref(), Some(buyer), "{line}");
            assert_eq!(n.suppliers.len(), 1, "{line}");
            assert!(n.candidates.is_empty(), "{line}");
        }
    }
}

/// Sidebars of dated headlines and 上一条 / 下一条 lines are furniture; correction tables headed
/// 原文 / 更正为 whose item cell names a place in the file (extract61).
#[cfg(test)]
mod extract61_tests {
    use super::*;

    #[test]
    fn a_list_of_dated_headlines_is_furniture_whatever_its_class() {
        // Round 48/49 of issue 10: a side box's list whose items carry a date beside the link
        // (`<span>2026-08-11</span>`, `<span>06-03</span>`) under a class the words miss.
        // Other markup, dates and headlines here.
        let docs = [
            "<div class=\"art\"><h2>某局平台采购项目中标公告</h2><p>中标内容：国产服务器3台。</p></div>\
             <div class=\"col-r\"><div class=\"box-hd\">同类公告</div><ul class=\"box-ul\">\
             <li><a href=\"/a/1.html\">某市政务云（天翼云）扩容项目成交公告</a><span>2026-03-02</span></li>\
             <li><a href=\"/a/2.html\">某县中学教学设备采购项目中标公告</a><span>2026-03-01</span></li></ul></div>",
            "<div class=\"lbg\"><div class=\"l_t\">通知公告</div><ul class=\"l_ul\">\
             <li><a href=\"/t/1.html\">关于举办文心大模型应用培训的通知</a>[11-20]</li>\
             <li><a href=\"/t/2.html\">关于做好秋季农机安全生产工作的通知</a>[11-12]</li></ul></div>\
             <div><h2>某局平台采购项目中标公告</h2><p>中标内容：国产服务器3台。</p></div>",
            "<div class=\"c\"><ol><li><a href=\"/n/1\">某区智算中心（昇腾）开工</a>（2026年1月5日）</li>\
             <li><a href=\"/n/2\">某馆扩容工程招标</a>（2026年1月4日）</li></ol>\
             <h2>某局平台采购项目中标公告</h2><p>中标内容：国产服务器3台。</p></div>",
        ];
        for doc in docs {
            let n = parse(doc);
            assert!(n.text.contains("国产服务器"), "{}", n.text);
            for other in ["天翼云", "文心", "昇腾", "农机", "教学设备"] {
                assert!(!n.text.contains(other), "{other}: {}", n.text);
            }
        }
    }

    #[test]
    fn a_list_of_items_with_figures_stays_article() {
        // Negatives: a list whose text out of links is words (candidates with their bids, a
        // link inside a sentence) is still read.
        let n = parse(
            "<h2>某局平台采购项目中标候选人公示</h2><ul>\
             <li>第一名：<a href=\"/c/1\">甲科技有限公司</a>，投标报价：1,234,000.00元</li>\
             <li>第二名：<a href=\"/c/2\">乙科技有限公司</a>，投标报价：1,250,000.00元</li></ul>",
        );
        assert!(n.text.contains("甲科技有限公司"), "{}", n.text);
        let n = parse(
            "<h2>某局平台采购项目招标公告</h2><ul><li>采购内容：昇腾服务器2台，详见\
             <a href=\"/f/1\">采购需求</a>（2026年版）。</li></ul>",
        );
        assert!(n.text.contains("昇腾服务器"), "{}", n.text);
    }

    #[test]
    fn previous_and_next_item_lines_are_furniture() {
        // Round 49 of issue 10: "上一条：<a>…</a>" under the article names another notice.
        let n = parse(
            "<h2>某局平台采购项目变更公告</h2><p>变更内容：开标时间顺延。</p>\
             <div class=\"wz_b\"><p>上一条：<a href=\"/1\">关于举办通义千问应用培训的通知</a></p>\
             <p>下一条：<a href=\"/2\">某市智算中心（华为云）项目成交公告</a></p></div>",
        );
        assert!(n.text.contains("开标时间顺延"), "{}", n.text);
        assert!(!n.text.contains("通义千问"), "{}", n.text);
        assert!(!n.text.contains("华为云"), "{}", n.text);
        // A sentence that merely uses the word stays.
        let n = parse(
            "<h2>某局平台采购项目变更公告</h2><p>本条与上一条规定不一致的，以本条为准；平台部署于华为云。</p>",
        );
        assert!(n.text.contains("华为云"), "{}", n.text);
    }

    #[test]
    fn correction_sides_that_open_with_the_budget_label_give_the_budget() {
        // Round 48 of issue 10: 原文 / 更正为 columns, the item cell a place in the file and
        // both sides "预算金额：X元；最高限价：X元". Other wordings and amounts here.
        let n = parse(
            "<h2>某局监测平台采购项目更正公告</h2><table>\
             <tr><td>序号</td><td>更正位置</td><td>原文</td><td>更正为</td><td>备注</td></tr>\
             <tr><td>1</td><td>第一章 一、项目基本情况</td><td>预算金额：3,400,000.00元；最高限价：3,400,000.00元</td>\
             <td>预算金额：3,150,000.00元；最高限价：3,150,000.00元</td><td>核减</td></tr>\
             <tr><td>2</td><td>第一章 四、开标时间</td><td>2026年03月09日</td><td>2026年03月16日</td><td>顺延</td></tr></table>",
        );
        assert_eq!(n.budget.map(|m| m.amount), Some(3_150_000.0));
        assert_eq!(
            n.notes,
            vec!["budget corrected from 3400000.00 CNY to 3150000.00 CNY".to_string()]
        );
        // 更正前内容 / 更正后内容 sides with the unit in the label, the item a chapter; a budget up.
        let n = parse(
            "<h2>某院设备采购项目更正公告</h2><table>\
             <tr><td>序号</td><td>更正章节</td><td>更正前内容</td><td>更正后内容</td></tr>\
             <tr><td>1</td><td>第二章 第3条</td><td>采购预算（万元）：86</td><td>采购预算（万元）：92</td></tr></table>",
        );
        assert_eq!(n.budget.map(|m| m.amount), Some(920_000.0));
        assert_eq!(
            n.notes,
            vec!["budget corrected from 860000.00 CNY to 920000.00 CNY".to_string()]
        );
    }

    #[test]
    fn correction_sides_with_other_labels_give_no_budget() {
        // Negatives: sides that open with a date or a quantity label; a budget-led row in a table
        // without before / after headers.
        let n = parse(
            "<h2>某局平台采购项目更正公告</h2><table>\
             <tr><td>序号</td><td>更正位置</td><td>原文</td><td>更正为</td></tr>\
             <tr><td>1</td><td>第一章</td><td>开标时间：2026年03月09日</td><td>开标时间：2026年03月16日</td></tr>\
             <tr><td>2</td><td>第三章</td><td>数量：12套</td><td>数量：8套</td></tr></table>",
        );
        assert!(n.budget.is_none(), "{:?}", n.budget);
        assert!(
            n.notes.iter().all(|r| !r.contains("budget corrected")),
            "{:?}",
            n.notes
        );
        let n = parse(
            "<h2>某局平台采购项目招标公告</h2><table>\
             <tr><td>包号</td><td>内容</td><td>金额</td></tr>\
             <tr><td>1</td><td>预算金额：500,000.00元</td><td>最高限价：480,000.00元</td></tr></table>",
        );
        assert!(
            n.notes.iter().all(|r| !r.contains("budget corrected")),
            "{:?}",
            n.notes
        );
    }
}

/// extract65: weaknesses seen in review: names on lines of their own in one winner cell, a stated
/// total beside lot budgets, the value after 现修改为 in a deleted-clause correction, past-work
/// headers with a year count.
#[cfg(test)]
mod extract65_tests {
    use super::*;

    fn budget(doc: &str) -> Option<f64> {
        parse(doc).budget.map(|m| m.amount)
    }

    #[test]
    fn names_on_lines_of_their_own_in_a_winner_cell_are_two_winners() {
        let docs = [
            "<h2>某局平台采购项目中标公告</h2><table><tr><td>包号</td><td>中标供应商</td><td>中标金额（元）</td></tr>\
             <tr><td>1</td><td>甲信息技术有限公司<br>乙网络科技有限公司</td><td>1,200,000.00</td></tr></table>",
            "<h2>某中心设备采购成交结果公告</h2><table><tr><th>成交单位</th><th>成交金额</th></tr>\
             <tr><td>丙数据股份有限公司<br/>丁智能科技有限公司（联合体成员）</td><td>98.5万元</td></tr></table>",
        ];
        let want = [
            ["甲信息技术有限公司", "乙网络科技有限公司"],
            ["丙数据股份有限公司", "丁智能科技有限公司"],
        ];
        for (doc, want) in docs.iter().zip(want) {
            let n = parse(doc);
            assert_eq!(n.suppliers, want, "{}", n.text);
        }
    }

    #[test]
    fn a_cell_line_break_is_marked_inside_the_cell_only() {
        let w = html::walk(
            "<table><tr><td><br>甲有限公司<br><br>乙有限公司<br></td><td>1<br/></td></tr></table>",
        );
        assert_eq!(w.tables[0][0], ["甲有限公司\n乙有限公司", "1"]);
        assert!(!w.text.contains("\n乙"), "{}", w.text);
    }

    #[test]
    fn an_address_on_its_own_line_in_a_winner_cell_is_no_name() {
        let docs = [
            "<h2>某局平台采购项目中标公告</h2><table><tr><td>中标供应商</td><td>中标金额（元）</td></tr>\
             <tr><td>甲信息技术有限公司<br>地址：某市某路1号</td><td>1,200,000.00</td></tr></table>",
            "<h2>某局平台采购项目中标公告</h2><table><tr><td>中标人</td><td>中标价</td></tr>\
             <tr><td>乙网络科技有限公司<br>统一社会信用代码：91110000MA00000000</td><td>80万元</td></tr></table>",
        ];
        let want = ["甲信息技术有限公司", "乙网络科技有限公司"];
        for (doc, want) in docs.iter().zip(want) {
            let n = parse(doc);
            assert_eq!(n.suppliers, [want], "{}", n.text);
        }
        // A long name wrapped by hand is one name.
        let n = parse(
            "<h2>某局平台采购项目中标公告</h2><table><tr><td>中标供应商</td><td>中标金额（元）</td></tr>\
             <tr><td>某某市甲乙丙信息<br>技术有限公司</td><td>1,200,000.00</td></tr></table>",
        );
        assert_eq!(n.suppliers, ["某某市甲乙丙信息技术有限公司"], "{}", n.text);
        // One name in the cell, as before.
        let n = parse(
            "<h2>某局平台采购项目中标公告</h2><table><tr><td>中标供应商</td><td>中标金额（元）</td></tr>\
             <tr><td>甲信息技术有限公司</td><td>1,200,000.00</td></tr></table>",
        );
        assert_eq!(n.suppliers, ["甲信息技术有限公司"]);
    }

    #[test]
    fn a_stated_total_beats_lot_budgets_that_do_not_add_up() {
        // Lines: lot budgets, then the total in a label.
        let doc = "<h2>某局平台采购项目招标公告</h2><p>二、项目基本情况</p>\
             <p>包1：服务器采购</p><p>预算金额：120万元</p>\
             <p>包2：存储采购</p><p>预算金额：100万元</p>\
             <p>项目总预算：300万元</p><p>三、申请人的资格要求</p>";
        assert_eq!(budget(doc), Some(3_000_000.0));
        // A lot table, and the total in a sentence.
        let doc = "<h2>某局平台采购项目招标公告</h2><p>本项目预算总金额为260万元。</p>\
             <table><tr><td>包号</td><td>包名称</td><td>预算金额（万元）</td></tr>\
             <tr><td>1</td><td>服务器</td><td>120</td></tr>\
             <tr><td>2</td><td>存储</td><td>100</td></tr></table>";
        assert_eq!(budget(doc), Some(2_600_000.0));
        // A lot table under a labelled total written after it.
        let doc = "<h2>某局平台采购项目招标公告</h2>\
             <table><tr><td>包号</td><td>包名称</td><td>预算金额（万元）</td></tr>\
             <tr><td>1</td><td>服务器</td><td>120</td></tr>\
             <tr><td>2</td><td>存储</td><td>100</td></tr></table><p>预算总金额：260万元</p>";
        assert_eq!(budget(doc), Some(2_600_000.0));
    }

    #[test]
    fn lots_are_summed_only_without_a_stated_total() {
        let doc = "<h2>某局平台采购项目招标公告</h2><p>二、项目基本情况</p>\
             <p>包1：服务器采购</p><p>预算金额：120万元</p>\
             <p>包2：存储采购</p><p>预算金额：100万元</p><p>三、申请人的资格要求</p>";
        assert_eq!(budget(doc), Some(2_200_000.0));
        let doc = "<h2>某局平台采购项目招标公告</h2>\
             <table><tr><td>包号</td><td>包名称</td><td>预算金额（万元）</td></tr>\
             <tr><td>1</td><td>服务器</td><td>120</td></tr>\
             <tr><td>2</td><td>存储</td><td>100</td></tr></table>";
        assert_eq!(budget(doc), Some(2_200_000.0));
    }

    #[test]
    fn the_value_after_a_deleted_clause_is_the_corrected_one() {
        let docs = [
            (
                "<h2>某局平台采购项目更正公告</h2><p>更正内容：</p>\
              <p>最高限价原第5款删除，现修改为：最高限价180万元。</p>",
                1_800_000.0,
            ),
            (
                "<h2>某局平台采购项目更正公告</h2><p>更正事项：预算金额原第3条删除，现更正为：预算金额95万元。</p>",
                950_000.0,
            ),
            (
                "<h2>某局平台采购项目变更公告</h2><p>采购预算原第二项作废，调整为：采购预算2,400,000.00元。</p>",
                2_400_000.0,
            ),
        ];
        for (doc, want) in docs {
            assert_eq!(budget(doc), Some(want), "{doc}");
        }
        // A deleted clause restated without a budget leaves the labelled budget.
        let doc = "<h2>某局平台采购项目更正公告</h2><p>预算金额：120万元</p>\
             <p>交货期原第3条删除，现修改为：交货期30日历天。</p>";
        assert_eq!(budget(doc), Some(1_200_000.0));
        // A plain correction reads as before.
        let doc =
            "<h2>某局平台采购项目更正公告</h2><p>预算金额：原为200万元，现更正为180万元。</p>";
        assert_eq!(budget(doc), Some(1_800_000.0));
    }

    #[test]
    fn candidates_under_spanned_headers_come_in_rank_order() {
        // The rank header spans two header rows; name and price sit under a spanned group.
        let docs = [
            "<h2>某局平台采购项目中标候选人公示</h2><table>\
             <tr><th rowspan=\"2\">排名</th><th colspan=\"2\">中标候选人</th></tr>\
             <tr><th>名称</th><th>投标报价（元）</th></tr>\
             <tr><td>2</td><td>乙网络科技有限公司</td><td>1,250,000.00</td></tr>\
             <tr><td>1</td><td>甲信息技术有限公司</td><td>1,234,000.00</td></tr>\
             <tr><td>3</td><td>丙数据股份有限公司</td><td>1,260,000.00</td></tr></table>",
            "<h2>某中心设备采购成交候选人公示</h2><table>\
             <tr><td rowspan=\"2\">推荐顺序</td><td colspan=\"2\">成交候选人</td><td rowspan=\"2\">备注</td></tr>\
             <tr><td>单位名称</td><td>报价（万元）</td></tr>\
             <tr><td>第三名</td><td>丙数据股份有限公司</td><td>99.8</td><td></td></tr>\
             <tr><td>第一名</td><td>甲信息技术有限公司</td><td>98.5</td><td></td></tr>\
             <tr><td>第二名</td><td>乙网络科技有限公司</td><td>99.1</td><td></td></tr></table>",
            // A group header over the whole width, the column headers below it.
            "<h2>某局平台采购项目中标候选人公示</h2><table>\
             <tr><th colspan=\"3\">中标候选人情况</th></tr>\
             <tr><th>名次</th><th>中标候选人名称</th><th>投标报价（元）</th></tr>\
             <tr><td>3</td><td>丙数据股份有限公司</td><td>1,260,000.00</td></tr>\
             <tr><td>1</td><td>甲信息技术有限公司</td><td>1,234,000.00</td></tr>\
             <tr><td>2</td><td>乙网络科技有限公司</td><td>1,250,000.00</td></tr></table>",
        ];
        for doc in docs {
            let n = parse(doc);
            assert_eq!(
                n.candidates,
                [
                    "甲信息技术有限公司",
                    "乙网络科技有限公司",
                    "丙数据股份有限公司"
                ],
                "{}",
                n.text
            );
            assert!(n.suppliers.is_empty(), "{:?}", n.suppliers);
        }
    }

    #[test]
    fn a_past_work_header_with_a_year_count_is_past_work() {
        let docs = [
            "<h2>某局平台采购项目中标候选人公示</h2><table><tr><td>排名</td><td>候选人名称</td><td>近3年类似业绩</td></tr>\
             <tr><td>1</td><td>甲信息技术有限公司</td><td>某市政务云（天翼云）扩容项目</td></tr></table>",
            "<h2>某局平台采购项目中标候选人公示</h2><table><tr><td>排名</td><td>候选人名称</td><td>近三年同类项目业绩</td></tr>\
             <tr><td>1</td><td>甲信息技术有限公司</td><td>某县昇腾智算中心建设项目</td></tr></table>",
            "<h2>某局平台采购项目中标候选人公示</h2><table><tr><td>排名</td><td>候选人名称</td><td>近5年以往业绩</td></tr>\
             <tr><td>1</td><td>甲信息技术有限公司</td><td>某馆文心大模型应用项目</td></tr></table>",
        ];
        for doc in docs {
            let n = parse(doc);
            assert!(n.text.contains("甲信息技术有限公司"), "{}", n.text);
            for other in ["天翼云", "昇腾", "文心"] {
                assert!(!n.text.contains(other), "{other}: {}", n.text);
            }
        }
        // Negatives: a requirement with a year count stays; a data row with a year is no header.
        let n = parse(
            "<h2>某局平台采购项目招标公告</h2><table><tr><td>序号</td><td>近3年类似业绩要求</td></tr>\
             <tr><td>1</td><td>具有昇腾服务器供货业绩</td></tr></table>",
        );
        assert!(n.text.contains("昇腾"), "{}", n.text);
        assert!(is_past_work_header("近3年类似业绩"));
        assert!(!is_past_work_header("近3年类似业绩要求"));
    }
}

#[cfg(test)]
mod extract66_tests {
    use super::*;

    #[test]
    fn a_yes_no_column_about_the_bidder_rules_no_row_out() {
        let docs = [
            // A price after the small-business deduction beside a 是否小微企业 column.
            "<h2>某局监控平台建设项目中标候选人公示</h2><table>\
             <tr><th>排序</th><th>中标候选人名称</th><th>投标报价（元）</th><th>评审价格（元）</th><th>是否小微企业</th></tr>\
             <tr><td>1</td><td>甲信息技术有限公司</td><td>1,000,000.00</td><td>900,000.00</td><td>是</td></tr>\
             <tr><td>2</td><td>乙网络科技有限公司</td><td>980,000.00</td><td>980,000.00</td><td>否</td></tr>\
             <tr><td>3</td><td>丙数据股份有限公司</td><td>950,000.00</td><td>855,000.00</td><td>是</td></tr></table>",
            // The same policy asked as 是否中小企业, the column before the score.
            "<h2>某中心软件采购项目中标候选人公示</h2><table>\
             <tr><td>排名</td><td>投标人名称</td><td>投标报价（元）</td><td>是否中小企业</td><td>综合得分</td></tr>\
             <tr><td>1</td><td>甲信息技术有限公司</td><td>1,000,000.00</td><td>否</td><td>92.10</td></tr>\
             <tr><td>2</td><td>乙网络科技有限公司</td><td>990,000.00</td><td>是</td><td>88.40</td></tr>\
             <tr><td>3</td><td>丙数据股份有限公司</td><td>970,000.00</td><td>否</td><td>80.05</td></tr></table>",
            // 是否监狱企业 as the last column, no price after deduction.
            "<h2>某院设备采购项目中标候选人公示</h2><table>\
             <tr><th>排名</th><th>供应商名称</th><th>投标报价</th><th>是否监狱企业</th></tr>\
             <tr><td>1</td><td>甲信息技术有限公司</td><td>1,000,000.00</td><td>否</td></tr>\
             <tr><td>2</td><td>乙网络科技有限公司</td><td>990,000.00</td><td>否</td></tr>\
             <tr><td>3</td><td>丙数据股份有限公司</td><td>985,000.00</td><td>否</td></tr></table>",
        ];
        for doc in docs {
            assert_eq!(
                parse(doc).candidates,
                [
                    "甲信息技术有限公司",
                    "乙网络科技有限公司",
                    "丙数据股份有限公司"
                ],
                "{doc}"
            );
        }
        assert!(!is_mark_header("是否小微企业") && !is_mark_header("是否为中小企业"));
        // A result question still marks rows: its 否 rules the row out.
        assert!(is_mark_header("是否推荐为中标候选人") && is_mark_header("是否入围"));
        let n = parse(
            "<h2>某局平台采购项目中标候选人公示</h2><table>\
             <tr><th>投标人</th><th>投标报价（元）</th><th>是否推荐为中标候选人</th></tr>\
             <tr><td>甲信息技术有限公司</td><td>1,000,000.00</td><td>是</td></tr>\
             <tr><td>乙网络科技有限公司</td><td>980,000.00</td><td>否</td></tr>\
             <tr><td>丙数据股份有限公司</td><td>950,000.00</td><td>是</td></tr></table>",
        );
        assert_eq!(n.candidates, ["甲信息技术有限公司", "丙数据股份有限公司"]);
    }

    #[test]
    fn a_side_box_of_the_channels_latest_notices_is_no_title() {
        let docs = [
            "<title>某市公共资源交易中心</title><div class=\"side\"><h3>最新评标结果公示</h3>\
             <ul><li><a href=\"/a.html\">某县医院设备采购项目中标候选人公示</a></li></ul></div>\
             <h1>某市城市管理局视频平台建设项目中标候选人公示</h1><p>采购人：某市城市管理局</p>",
            "<title>某省政府采购网</title><h3>政府采购</h3><h2>最新中标公告</h2>\
             <h1 class=\"detail-title\">某大学算力平台采购项目中标公告</h1><p>采购人：某大学</p>",
        ];
        let want = [
            "某市城市管理局视频平台建设项目中标候选人公示",
            "某大学算力平台采购项目中标公告",
        ];
        for (doc, want) in docs.iter().zip(want) {
            assert_eq!(parse(doc).title.as_deref(), Some(want), "{doc}");
        }
        assert!(title::is_type_name("最新评标结果公示") && title::is_type_name("评标结果公示"));
        // A notice's own heading stays a title.
        assert!(!title::is_type_name("某局最新评标结果公示"));
        assert!(!title::is_type_name("某市医院设备采购项目评标结果公示"));
    }
}

#[cfg(test)]
mod extract72_tests {
    use super::*;

    #[test]
    fn paragraphs_in_a_winner_cell_are_lines_like_br() {
        for cell in [
            "<p>甲信息技术有限公司</p><p>乙网络科技有限公司</p>",
            "<div>甲信息技术有限公司</div><div>乙网络科技有限公司</div>",
            "<p>甲信息技术有限公司</p>\n<p>乙网络科技有限公司</p>",
        ] {
            let n = parse(&format!(
                "<h2>某局平台采购项目中标结果公告</h2><table>\
                 <tr><th>中标供应商名称</th><th>中标金额（元）</th></tr>\
                 <tr><td>{cell}</td><td>1,000,000.00</td></tr></table>"
            ));
            assert_eq!(
                n.suppliers,
                ["甲信息技术有限公司", "乙网络科技有限公司"],
                "{cell}"
            );
        }
        // A long name wrapped in two paragraphs by hand stays one name.
        let n = parse(
            "<h2>某局平台采购项目中标结果公告</h2><table>\
             <tr><th>中标供应商名称</th><th>中标金额（元）</th></tr>\
             <tr><td><p>某某信息</p><p>技术有限公司</p></td><td>1,000,000.00</td></tr></table>",
        );
        assert_eq!(n.suppliers, ["某某信息技术有限公司"]);
        // One name in a paragraph: one winner, as before.
        let n = parse(
            "<h2>某局平台采购项目中标结果公告</h2><table>\
             <tr><td><p>中标供应商名称</p></td><td><p>中标金额（元）</p></td></tr>\
             <tr><td><p>甲信息技术有限公司</p></td><td><p>1,000,000.00</p></td></tr></table>",
        );
        assert_eq!(n.suppliers, ["甲信息技术有限公司"]);
        assert_eq!(n.award.map(|m| m.amount), Some(1_000_000.0));
    }

    #[test]
    fn cheng_jiao_and_zhong_xuan_name_the_winner() {
        for header in ["成交人", "成交单位", "中选人", "中选单位"] {
            let n = parse(&format!(
                "<h2>某中心设备采购结果公告</h2><table>\
                 <tr><th>序号</th><th>{header}</th><th>金额（元）</th></tr>\
                 <tr><td>1</td><td>甲信息技术有限公司</td><td>1,000,000.00</td></tr></table>"
            ));
            assert_eq!(n.suppliers, ["甲信息技术有限公司"], "{header}");
            let n = parse(&format!(
                "<h2>某中心设备采购结果公告</h2><p>项目编号：ZX-2026-1</p>\
                 <p>{header}：乙网络科技有限公司</p><p>成交金额：98万元</p>"
            ));
            assert_eq!(n.suppliers, ["乙网络科技有限公司"], "{header}");
        }
        // Those not selected stay out.
        let n = parse(
            "<h2>某中心设备采购中选结果公示</h2><p>中选单位：甲信息技术有限公司</p>\
             <p>未中选单位：乙网络科技有限公司</p>",
        );
        assert_eq!(n.suppliers, ["甲信息技术有限公司"]);
    }

    #[test]
    fn a_total_written_only_in_daxie_is_the_total() {
        for line in [
            "预算总金额：人民币壹佰贰拾万元整",
            "本项目总预算为人民币（大写）壹佰贰拾万元整",
            "采购预算总金额：大写：壹佰贰拾万元整",
        ] {
            let lines = [line];
            assert_eq!(
                packages::stated_total(&lines).map(|m| m.amount),
                Some(1_200_000.0),
                "{line}"
            );
            let n = parse(&format!(
                "<h2>某局设备采购项目招标公告</h2><p>{line}</p>\
                 <p>包1：服务器</p><p>预算金额：50万元</p><p>包2：存储</p><p>预算金额：40万元</p>"
            ));
            assert_eq!(n.budget.map(|m| m.amount), Some(1_200_000.0), "{line}");
        }
        // A figure still reads as before; a 大写 word that is no amount gives none.
        assert_eq!(
            packages::stated_total(&["预算总金额：120万元"]).map(|m| m.amount),
            Some(1_200_000.0)
        );
        assert_eq!(packages::stated_total(&["预算总额为壹佰元店采购"]), None);
    }

    #[test]
    fn a_notice_for_one_lot_keeps_that_lot_s_budget() {
        let docs = [
            "<h2>某局设备采购项目（第2包）招标公告</h2><p>本项目总预算500万元，分三个包。</p>\
             <p>本次招标为第2包。</p><p>预算金额：150万元</p>",
            "<h2>某局设备采购项目招标公告</h2><p>项目总预算：500万元</p>\
             <p>本次采购为二标段，最高限价：150万元</p>",
            "<h2>某局设备采购项目招标公告</h2><p>预算总金额：人民币伍佰万元整</p>\
             <p>本次公告仅为包2的采购</p><p>包2预算金额：1,500,000.00元</p>",
        ];
        for doc in docs {
            assert_eq!(
                parse(doc).budget.map(|m| m.amount),
                Some(1_500_000.0),
                "{doc}"
            );
        }
        // Without a sentence naming this notice's lot, the stated total still wins.
        let n = parse(
            "<h2>某局设备采购项目招标公告</h2><p>项目总预算：500万元</p>\
             <p>包1预算金额：150万元</p><p>包2预算金额：200万元</p>",
        );
        assert_eq!(n.budget.map(|m| m.amount), Some(5_000_000.0));
    }

    #[test]
    fn a_yes_no_attribute_is_a_whole_question() {
        assert!(!is_mark_header("是否小微企业") && !is_mark_header("是否联合体投标"));
        assert!(!is_mark_header("是否为中小企业"));
        // A result question whose note mentions a consortium still marks rows.
        assert!(is_mark_header("是否推荐为中标候选人（联合体须注明）"));
        assert!(is_mark_header("是否入围（小微企业见备注）"));
        let n = parse(
            "<h2>某局平台采购项目中标候选人公示</h2><table>\
             <tr><th>排名</th><th>供应商名称（是否联合体见备注）</th><th>投标报价（元）</th></tr>\
             <tr><td>1</td><td>甲信息技术有限公司</td><td>1,000,000.00</td></tr>\
             <tr><td>2</td><td>乙网络科技有限公司</td><td>980,000.00</td></tr></table>",
        );
        assert_eq!(n.candidates, ["甲信息技术有限公司", "乙网络科技有限公司"]);
        // A result mark whose note names a consortium still rules its 否 rows out.
        let n = parse(
            "<h2>某局平台采购项目中标候选人公示</h2><table>\
             <tr><th>投标人</th><th>投标报价（元）</th><th>是否入围（含联合体）</th></tr>\
             <tr><td>甲信息技术有限公司</td><td>1,000,000.00</td><td>是</td></tr>\
             <tr><td>乙网络科技有限公司</td><td>980,000.00</td><td>否</td></tr>\
             <tr><td>丙数据股份有限公司</td><td>950,000.00</td><td>是</td></tr></table>",
        );
        assert_eq!(n.candidates, ["甲信息技术有限公司", "丙数据股份有限公司"]);
    }

    #[test]
    fn candidates_in_one_paragraph_come_in_rank_order() {
        let docs = [
            "<h2>某局平台采购项目中标候选人公示</h2><p>第一中标候选人：甲信息技术有限公司，投标报价：1,000,000.00元；\
             第二中标候选人：乙网络科技有限公司，投标报价：990,000.00元；第三中标候选人：丙数据股份有限公司，投标报价：980,000.00元。</p>",
            "<h2>某局平台采购项目中标候选人公示</h2><p>第一成交候选人：甲信息技术有限公司，报价98万元；第二成交候选人：\
             乙网络科技有限公司，报价99万元；第三成交候选人：丙数据股份有限公司，报价100万元</p>",
            // Written out of order: the ranks, not the order of writing, decide.
            "<h2>某局平台采购项目中标候选人公示</h2><p>第二中标候选人：乙网络科技有限公司；第一中标候选人：\
             甲信息技术有限公司；第三中标候选人：丙数据股份有限公司。</p>",
        ];
        for doc in docs {
            assert_eq!(
                parse(doc).candidates,
                [
                    "甲信息技术有限公司",
                    "乙网络科技有限公司",
                    "丙数据股份有限公司"
                ],
                "{doc}"
            );
        }
    }

    #[test]
    fn a_publication_date_after_the_body_beats_a_deadline_before_it() {
        let docs = [
            "<h2>某局平台采购项目招标公告</h2><p>投标截止时间：2026年11月20日 09:30</p>\
             <p>采购人：某局</p><div class=\"info\">发布时间：2026年11月3日 09:30</div>",
            "<h2>某局平台采购项目招标公告</h2><p>递交响应文件截止时间：2026-11-20 09:30</p>\
             <p>采购人：某局</p><p>公告日期：2026-11-03</p>",
        ];
        for doc in docs {
            assert_eq!(parse(doc).published.as_deref(), Some("2026-11-03"), "{doc}");
        }
        // A deadline alone is no publication date.
        let n = parse("<h2>某局平台采购项目招标公告</h2><p>投标截止时间：2026年11月20日 09:30</p>");
        assert_ne!(n.published.as_deref(), Some("2026-11-20"));
    }
}

/// extract76: a lot-reservation yes/no column in a package table; an award cell written in 大写
/// and 小写 together.
#[cfg(test)]
mod extract76_tests {
    use super::*;

    #[test]
    fn a_reserved_lot_column_names_no_winner() {
        for (header, yes) in [
            ("是否专门面向中小企业", "是（专门面向小微企业）"),
            ("是否面向中小企业采购", "是"),
            ("是否专门面向小微企业", "是(预留份额)"),
        ] {
            let n = parse(&format!(
                "<h2>某市某局平台建设项目招标公告</h2><p>预算金额：224.00万元</p><table>\
                 <tr><th>包号</th><th>包名称</th><th>预算金额（万元）</th><th>{header}</th></tr>\
                 <tr><td>1</td><td>硬件</td><td>168.00</td><td>否</td></tr>\
                 <tr><td>2</td><td>软件</td><td>56.00</td><td>{yes}</td></tr></table>"
            ));
            assert!(n.suppliers.is_empty(), "{header}: {:?}", n.suppliers);
            assert_eq!(n.notice_type, NoticeType::Tender, "{header}");
        }
        // A result mark still marks its rows; a name opening with 是 is still a name.
        assert!(is_mark_header("是否中标") && is_mark_header("是否推荐为中标候选人"));
        assert!(is_yes_no_answer("是") && is_yes_no_answer("否（投标无效）"));
        assert!(!is_yes_no_answer("是德科技（中国）有限公司"));
        let n = parse(
            "<h2>某局平台采购项目中标结果公告</h2><table>\
             <tr><th>投标人名称</th><th>投标报价（元）</th><th>是否中标</th></tr>\
             <tr><td>甲信息技术有限公司</td><td>1,000,000.00</td><td>是</td></tr>\
             <tr><td>乙网络科技有限公司</td><td>980,000.00</td><td>否</td></tr></table>",
        );
        assert_eq!(n.suppliers, ["甲信息技术有限公司"]);
    }

    #[test]
    fn an_award_cell_in_daxie_and_xiaoxie_is_read() {
        for cell in [
            "大写：人民币伍拾捌万陆仟元整　　小写：￥586,000.00",
            "小写：￥586,000.00（大写：人民币伍拾捌万陆仟元整）",
            "人民币（小写）：586,000.00元　人民币（大写）：伍拾捌万陆仟元整",
        ] {
            let n = parse(&format!(
                "<h2>某医院设备采购项目成交结果公示</h2><table>\
                 <tr><td>成交供应商名称</td><td>甲信息技术有限公司</td></tr>\
                 <tr><td>成交金额</td><td>{cell}</td></tr>\
                 <tr><td>交货期</td><td>合同签订后30日历天</td></tr></table>"
            ));
            assert_eq!(n.award.map(|m| m.amount), Some(586_000.0), "{cell}");
        }
        // Another label's line is still no value of an amount label.
        let n = parse(
            "<h2>某医院设备采购项目成交结果公示</h2><table>\
             <tr><td>成交金额</td><td>供应商地址：某市某路1号</td></tr></table>",
        );
        assert_eq!(n.award, None);
    }
}
