//! The one table of field labels (Chinese and English) and the scanner that reads
//! `label：value` pairs out of text lines and `label | value` table rows.
use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::html::CELL_SEP;
use super::layout;
use super::money::{Unit, excludes_tax};

/// The notice field a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// 采购项目名称 / 项目名称.
    Title,
    /// 项目编号 …
    ProjectId,
    /// 采购人 …
    Buyer,
    /// 采购代理机构 …
    Agency,
    /// A label naming the agency only when its value reads as one (招标机构: an agency company on
    /// some platforms, a buyer-side unit on others); the assembly decides.
    AgencyIfNamed,
    /// 预算金额 …
    Budget,
    /// One lot's award amount (summed over lots).
    Award,
    /// The notice's total award (beats the lot sum).
    AwardTotal,
    /// A winner.
    Supplier,
    /// A candidate (中标候选人), not a winner.
    Candidate,
    /// The budget before a correction (原预算金额).
    BudgetOriginal,
    /// The budget after a correction (更正后预算金额).
    BudgetCorrected,
    /// Publication date.
    Published,
    /// The notice's own number (公告编号): the project number only when no label names one.
    NoticeNumber,
    /// The original notice's project number on a correction (原项目编号, 原公告项目编号): the
    /// project's number, read when no plain project-number label is on the page.
    ProjectIdOriginal,
    /// 名称 — buyer or agency depending on the `采购人信息` / `代理机构信息` block it sits in.
    Name,
}

impl Field {
    /// Every field, in declaration order.
    pub const ALL: [Field; 16] = [
        Field::Title,
        Field::ProjectId,
        Field::Buyer,
        Field::Agency,
        Field::AgencyIfNamed,
        Field::Budget,
        Field::Award,
        Field::AwardTotal,
        Field::Supplier,
        Field::Candidate,
        Field::BudgetOriginal,
        Field::BudgetCorrected,
        Field::Published,
        Field::NoticeNumber,
        Field::ProjectIdOriginal,
        Field::Name,
    ];

    /// The field's name in `watchlists/labels.csv` (snake case of the variant).
    pub fn name(self) -> &'static str {
        // Exhaustive: a new variant does not compile until it has a name here.
        match self {
            Field::Title => "title",
            Field::ProjectId => "project_id",
            Field::Buyer => "buyer",
            Field::Agency => "agency",
            Field::AgencyIfNamed => "agency_if_named",
            Field::Budget => "budget",
            Field::Award => "award",
            Field::AwardTotal => "award_total",
            Field::Supplier => "supplier",
            Field::Candidate => "candidate",
            Field::BudgetOriginal => "budget_original",
            Field::BudgetCorrected => "budget_corrected",
            Field::Published => "published",
            Field::NoticeNumber => "notice_number",
            Field::ProjectIdOriginal => "project_id_original",
            Field::Name => "name",
        }
    }

    /// The field named `name` in `watchlists/labels.csv`.
    fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// The embedded `watchlists/labels.csv`.
const LABELS_CSV: &str = include_str!("../../watchlists/labels.csv");

/// The rows of `labels.csv`, split by kind, each in file order.
#[derive(Debug, Default)]
struct Table {
    labels: &'static [(Field, &'static str)],
    sections: &'static [(&'static str, Field)],
}

/// `labels.csv` read into label and section rows, or the first problem (line numbers count from 1).
/// Rows own their text; the run-time table leaks it once, so lookups borrow it for the whole run.
#[allow(clippy::type_complexity)]
fn parse_table(text: &str) -> Result<(Vec<(Field, String)>, Vec<(String, Field)>), String> {
    let (mut labels, mut sections) = (Vec::new(), Vec::new());
    let rows = layout::sourced_rows(text, "labels.csv", &["kind", "field", "label"])?;
    for (line, cells) in rows {
        let [kind, field, label] =
            <[String; 3]>::try_from(cells).map_err(|_| "labels.csv: columns")?;
        let Some(field) = Field::from_name(&field) else {
            return Err(format!("labels.csv line {line}: unknown field `{field}`"));
        };
        // The label regexes and the split from the end assume a label ends in none of these.
        if label.is_empty()
            || label
                .chars()
                .next_back()
                .is_some_and(|c| c.is_whitespace() || matches!(c, '）' | ')' | '：' | ':'))
        {
            return Err(format!(
                "labels.csv line {line}: label `{label}` is empty or ends in a space, bracket or colon"
            ));
        }
        match kind.as_str() {
            "label" => labels.push((field, label)),
            "section" => sections.push((label, field)),
            other => return Err(format!("labels.csv line {line}: unknown kind `{other}`")),
        }
    }
    Ok((labels, sections))
}

/// The embedded table, read once; its text lives for the whole run.
static TABLE: LazyLock<Table> = LazyLock::new(|| {
    // The embedded file is checked by the unit tests below, so this never fails in a tested
    // build; should it, the parser runs without labels rather than stopping.
    let (labels, sections) = parse_table(LABELS_CSV).unwrap_or_else(|e| {
        tracing::error!("{e}");
        Default::default()
    });
    let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
    let labels: Vec<(Field, &'static str)> =
        labels.into_iter().map(|(f, l)| (f, leak(l))).collect();
    let sections: Vec<(&'static str, Field)> =
        sections.into_iter().map(|(h, f)| (leak(h), f)).collect();
    Table {
        labels: Box::leak(labels.into_boxed_slice()),
        sections: Box::leak(sections.into_boxed_slice()),
    }
});

/// Every label variant, most specific first (the regex alternation takes the first that fits):
/// the `label` rows of `watchlists/labels.csv`, in file order.
pub static LABELS: LazyLock<&[(Field, &str)]> = LazyLock::new(|| TABLE.labels);

/// Result-table column headers naming the winner.
pub static WINNER_HEADERS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("winner_header"));

/// Result-table column headers naming a candidate (中标候选人公示): never a winner.
pub static CANDIDATE_HEADERS: LazyLock<&[&str]> =
    LazyLock::new(|| layout::words("candidate_header"));

/// Result-table column headers naming the awarded amount (unit prices like 入围价 are not awards).
pub static AMOUNT_HEADERS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("amount_header"));

/// Block headings that say whose `名称：` follows (`九、…联系 1.采购人信息 名称：X`).
/// A heading may share its line with the labels under it (a whole notice in one table cell), so
/// each `名称：` takes the block of the last heading before it on the line, not the line's first.
/// The `section` rows of `watchlists/labels.csv`, in file order.
pub static SECTIONS: LazyLock<&[(&str, Field)]> = LazyLock::new(|| TABLE.sections);

/// Block headings in `cell`, as (byte offset of the heading's end, field), in order.
fn section_marks(cell: &str) -> Vec<(usize, Field)> {
    if !cell.contains("信息") && !cell.contains("联系方式") {
        return Vec::new();
    }
    let mut marks: Vec<(usize, usize, Field)> = SECTIONS
        .iter()
        .flat_map(|(h, f)| {
            cell.match_indices(h)
                .map(move |(i, m)| (i, i + m.len(), *f))
        })
        .collect();
    // Overlapping headings (代理机构信息 inside 采购代理机构信息) name the same block.
    marks.sort_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
    marks.into_iter().map(|(_, end, f)| (end, f)).collect()
}

/// Label text (whitespace removed, ASCII lower-cased) → field.
static BY_LABEL: LazyLock<HashMap<String, Field>> =
    LazyLock::new(|| LABELS.iter().map(|(f, l)| (label_key(l), *f)).collect());

/// Any label, then an optional unit in parentheses, then a colon.
static LABEL_COLON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)({})\s*([（(][^（()）：:]{{1,16}}[）)])?\s*[：:]",
        alternation()
    ))
    .expect("valid label regex")
});

/// The label (group 1) and the unit (group 2) of one `LABEL_COLON` match, read back from the
/// match's text. Capturing through the regex ran its backtracker, which clears a visited set of
/// (NFA states × span) bits per match — with ~150 letter-spaced labels that was ~6 % of a scan.
/// After the label come only `\s*`, an optional `（unit）`, `\s*` and a colon, and no label ends
/// in whitespace, a parenthesis or a colon (checked once, [`SPLIT_FROM_END`]), so the split from
/// the end is the one the regex makes. Anything else falls back to the capturing regex.
fn label_colon_parts(m: &str) -> (&str, Option<&str>) {
    if *SPLIT_FROM_END && let Some(parts) = split_label_colon(m) {
        return parts;
    }
    match LABEL_COLON.captures(m) {
        Some(c) => (
            c.get(1).map_or("", |g| g.as_str()),
            c.get(2).map(|g| g.as_str()),
        ),
        None => ("", None),
    }
}

/// `label \s* (（unit）)? \s* [：:]` split from the end; `None` when `m` is not of that shape.
fn split_label_colon(m: &str) -> Option<(&str, Option<&str>)> {
    let rest = m.strip_suffix(['：', ':'])?.trim_end();
    let (label, unit) = match rest.strip_suffix(['）', ')']) {
        Some(inner) => {
            let open = inner.rfind(['（', '('])?;
            let body = &inner[open..];
            let body = body.strip_prefix('（').or_else(|| body.strip_prefix('('))?;
            let n = body.chars().count();
            if !(1..=16).contains(&n) || body.contains(['（', '(', ')', '）', '：', ':']) {
                return None;
            }
            (inner[..open].trim_end(), Some(&rest[open..]))
        }
        None => (rest, None),
    };
    (!label.is_empty()).then_some((label, unit))
}

/// Whether [`split_label_colon`] can be trusted: no label ends in whitespace, a parenthesis or a
/// colon (else the split from the end could differ from the regex's).
static SPLIT_FROM_END: LazyLock<bool> = LazyLock::new(|| {
    LABELS.iter().all(|(_, l)| {
        l.chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace() && !matches!(c, '）' | ')' | '：' | ':'))
    })
});

/// A whole cell that is only a label (table label cell or a label alone on its line). Its note
/// may name the unit after a colon ("采购预算（人民币：元）", "预算金额（单位：万元）"): a colon
/// inside the note is taken only before a currency or unit word, so "（其中：A包）" stays no note.
static LABEL_CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s*(?:[一二三四五六七八九十]{{1,3}}[、.．]|\d{{1,2}}[、.．])?\s*({})\s*([（(](?:[^（()）：:]|[：:]\s*(?:人民币|万元|亿元|元)){{1,16}}[）)])?\s*[：:]?\s*$",
        alternation()
    ))
    .expect("valid label-cell regex")
});

/// Where a value stops: the next numbered heading or the next short `label：`, after a space or
/// a comma ("X公司，投标报价：3,126,000.00元"). A label never opens with a digit, so the thousands
/// separator of "¥586,000.00（大写：…）" is no clause break. A label's bracket is closed before its
/// colon ("预算金额（万元）："): "人民币385万元（其中：A包…）" is a note inside the value, not a label.
static VALUE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\s+(?:[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}[.．、]\p{Han}|(?:[^\s：:|（(]|[（(][^（()）\s：:|]{0,10}[）)]){1,12}[：:])|[，,；;]\s*(?:\d{1,2}[.．、])?[^\s0-9：:|，,；;][^\s：:|，,；;]{0,11}[：:]",
    )
    .expect("valid value-end regex")
});

/// A line that opens with some short `label：` (known or not). As in [`VALUE_END`], a label's
/// bracket is closed before its colon: "人民币385万元（其中：A包…）" opens with a value.
static SHORT_LABEL_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[^\s：:（(]|[（(][^（()）\s：:]{0,10}[）)]){1,12}[：:]")
        .expect("valid short-label regex")
});

/// Tags naming how an amount is written (`amount_form_tag`: 大写, 小写).
static AMOUNT_FORM_TAGS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("amount_form_tag"));

/// `value` opens with a tag naming how the amount after it is written ("大写：人民币…元整　小写：
/// ￥…", "人民币（小写）：…"): the value of an amount label, not another label's line.
fn opens_with_amount_form(value: &str) -> bool {
    SHORT_LABEL_START.find(value).is_some_and(|m| {
        let tag: String = m
            .as_str()
            .chars()
            .filter(|c| !c.is_whitespace() && !"（()）：:".contains(*c))
            .collect();
        let tag = tag.strip_prefix("人民币").unwrap_or(&tag);
        AMOUNT_FORM_TAGS.contains(&tag)
    })
}

/// Chinese labels may be letter-spaced in Word pages (`采 购 人`).
fn alternation() -> String {
    LABELS
        .iter()
        .map(|(_, l)| {
            if l.is_ascii() {
                regex::escape(l).replace(' ', r"\s+")
            } else {
                l.chars()
                    .map(|c| regex::escape(&c.to_string()))
                    .collect::<Vec<_>>()
                    .join(r"\s*")
            }
        })
        .collect::<Vec<_>>()
        .join("|")
}

fn label_key(l: &str) -> String {
    let mut key = String::with_capacity(l.len());
    for c in l.chars().filter(|c| !c.is_whitespace()) {
        // Han characters have no case: skip the Unicode case tables for them (hot in big tables).
        if c.is_ascii() {
            key.push(c.to_ascii_lowercase());
        } else if is_han(c) {
            key.push(c);
        } else {
            key.extend(c.to_lowercase());
        }
    }
    key
}

/// Longest cell (in bytes) that can still be a label alone: the longest label, a numbering and a
/// unit. Data cells are longer; checking length first keeps the regex off them.
const MAX_LABEL_CELL_BYTES: usize = 128;

/// Cheap prefilters before the label regexes, which dominate the parse of large tables.
fn may_be_label_cell(cell: &str) -> bool {
    cell.len() <= MAX_LABEL_CELL_BYTES && ends_like_label_cell(cell)
}

/// The characters a label can end in, for [`ends_like_label_cell`]: ASCII ones lower-cased,
/// every other one with its case variants; sorted. `None` when some label ends in whitespace
/// (the check would not hold; never so today).
static LABEL_LAST_CHARS: LazyLock<Option<Vec<char>>> = LazyLock::new(|| {
    let mut set = Vec::new();
    for (_, l) in LABELS.iter() {
        let c = l.chars().next_back()?;
        if c.is_whitespace() {
            return None;
        }
        set.push(c.to_ascii_lowercase());
        set.extend(c.to_lowercase().chain(c.to_uppercase()));
    }
    set.sort_unstable();
    set.dedup();
    Some(set)
});

/// False when `cell` cannot match `LABEL_CELL`, which ends `label \s* (（unit）)? \s* [：:]? \s*`:
/// so the cell, without trailing whitespace and one colon, ends in `）`/`)` or in a label's last
/// character. Only ASCII and Han endings are ruled out (`(?i)` folds an ASCII letter only with
/// ASCII letters and a few symbols of other scripts, and Han has no case); numbers and most
/// data cells end otherwise, and the regex then never runs on them.
fn ends_like_label_cell(cell: &str) -> bool {
    let Some(set) = LABEL_LAST_CHARS.as_ref() else {
        return true;
    };
    let t = cell.trim_end();
    let t = t.strip_suffix(['：', ':']).unwrap_or(t).trim_end();
    let Some(c) = t.chars().next_back() else {
        return false;
    };
    if matches!(c, ')' | '）') {
        return true;
    }
    if c.is_ascii() {
        set.binary_search(&c.to_ascii_lowercase()).is_ok()
    } else if is_han(c) {
        set.binary_search(&c).is_ok()
    } else {
        true
    }
}

/// `line.split(CELL_SEP)` (`" | "`) found with `memchr` on `|`: the standard split builds a
/// two-way searcher per line, a large part of the scan on table-heavy pages.
fn split_cells(line: &str) -> impl Iterator<Item = &str> {
    let bytes = line.as_bytes();
    let mut from = 0;
    let mut at = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        while let Some(p) = bytes.get(at..).and_then(|rest| memchr::memchr(b'|', rest)) {
            let bar = at + p;
            at = bar + 1;
            // A separator starts one byte before the bar, at or after the previous one's end.
            if bar > from && bytes[bar - 1] == b' ' && bytes.get(bar + 1) == Some(&b' ') {
                let cell = line.get(from..bar - 1).unwrap_or_default();
                from = bar + 2;
                at = from;
                return Some(cell);
            }
        }
        done = true;
        Some(line.get(from..).unwrap_or_default())
    })
}

fn has_colon(cell: &str) -> bool {
    cell.contains(['：', ':'])
}

/// One labelled value found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Labelled {
    /// Which field.
    pub field: Field,
    /// Unit stated with the label (`预算金额（万元）`).
    pub unit: Option<Unit>,
    /// The value text, trimmed.
    pub value: String,
    /// The label or the value says the amount is without tax (`中标价（不含税）`).
    pub excl_tax: bool,
    /// The rank a candidate's label states (`第二中标候选人` → 2).
    pub rank: Option<u32>,
}

/// The rank a label opening with 第 and a numeral states (第一中标候选人, 第 3 成交候选人).
fn label_rank(label: &str) -> Option<u32> {
    let key = label_key(label);
    let c = key.strip_prefix('第')?.chars().next()?;
    "一二三四五六七八九"
        .find(c)
        .map(|i| (i / '一'.len_utf8()) as u32 + 1)
        .or_else(|| c.to_digit(10).filter(|d| *d > 0))
}

/// Words that open a label inside a running sentence ("本项目最高限价：…", "本次采购预算金额："):
/// the label after them is not part of a longer word.
static SENTENCE_DETERMINERS: LazyLock<&[&str]> =
    LazyLock::new(|| layout::words("sentence_determiner"));

/// Words naming whose figure a label gives when they open an item right before the label
/// ("一、项目最高限价：", "采购项目控制价："): the label's own qualifier, not a longer word.
static ITEM_QUALIFIERS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("label_qualifier"));

/// The label at byte `at` of `cell` opens the item: only the item's numbering ("一、", "（二）",
/// "3.") and a qualifier word come before it, the label's start within or right after the
/// qualifier ("（二）采购项目预算：" reads 项目预算). Checked only for labels glued to Han text.
fn opens_item(cell: &str, at: usize) -> bool {
    let numbered = ITEM_NUMBER.find(cell).map_or(0, |m| m.end());
    let rest = cell.get(numbered..).unwrap_or_default();
    let start = numbered + (rest.len() - rest.trim_start().len());
    let rest = cell.get(start..).unwrap_or_default();
    ITEM_QUALIFIERS
        .iter()
        .any(|q| rest.starts_with(q) && at > start && at <= start + q.len())
}

/// An item's numbering opening a cell: "一、", "(一)", "（十二）", "1.", "2、", "3．", "1)".
static ITEM_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十0-9]{1,3}[）)]|[0-9]{1,2}[、.．)）])")
        .expect("valid item-number regex")
});

/// Read every labelled value in `text`, in page order.
pub fn scan(text: &str) -> Vec<Labelled> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut out = Vec::new();
    let mut section: Option<Field> = None;
    for (li, line) in lines.iter().enumerate() {
        let cells: Vec<&str> = split_cells(line).map(str::trim).collect();
        let header_row = is_header_row(&cells);
        for (ci, cell) in cells.iter().enumerate() {
            let marks = section_marks(cell);
            // The block in force at byte `at` of this cell.
            let section_at = |at: usize, before: Option<Field>| {
                marks
                    .iter()
                    .take_while(|(end, _)| *end <= at)
                    .last()
                    .map(|(_, f)| *f)
                    .or(before)
            };
            let section_in = section;
            section = section_at(cell.len(), section);
            let next_value = || -> Option<String> {
                // The value sits in the next cell, or on the next line when the label ends the row.
                let candidate = if ci + 1 < cells.len() {
                    cells.get(ci + 1).map(|c| c.to_string())
                } else if cells.len() > 1 {
                    // A label ending a table row (a rank column's 第三中标候选人) has no value
                    // below: the line after the table is the next section, not this cell's value.
                    None
                } else {
                    // Only a plain line can carry the value; a table row below a heading is a table.
                    // One other label's line in between ("供应商地址：…") is stepped over.
                    let plain = |i: usize| {
                        lines
                            .get(i)
                            .filter(|l| !l.contains(CELL_SEP))
                            .map(|l| l.trim().to_string())
                    };
                    plain(li + 1).and_then(|l| {
                        if SHORT_LABEL_START.is_match(&l) && !LABEL_COLON.is_match(&l) {
                            plain(li + 2).filter(|n| !has_colon(n))
                        } else {
                            Some(l)
                        }
                    })
                };
                // A value is not itself a label.
                // Nor another label's line ("供应商地址：…" under "中标供应商：").
                candidate.filter(|c| {
                    !(c.is_empty()
                        || is_label_cell(c)
                        || is_header_cell(c)
                        || (has_colon(c)
                            && (LABEL_COLON.is_match(c) || SHORT_LABEL_START.is_match(c))
                            && !opens_with_amount_form(c)))
                })
            };
            if let Some(caps) = may_be_label_cell(cell)
                .then(|| LABEL_CELL.captures(cell))
                .flatten()
            {
                if header_row {
                    continue;
                }
                let Some(field) = caps
                    .get(1)
                    .and_then(|m| BY_LABEL.get(&label_key(m.as_str())))
                else {
                    continue;
                };
                let unit = caps.get(2).and_then(|m| Unit::in_notes(m.as_str()));
                if let Some(value) = next_value() {
                    push(&mut out, *field, unit, cell, &value, section_in);
                }
                continue;
            }
            if !has_colon(cell) {
                continue;
            }
            let matches: Vec<_> = LABEL_COLON
                .find_iter(cell)
                .filter_map(|whole| {
                    // A label glued to a preceding Han character is part of a longer word
                    // (投标供应商名称 is not 供应商名称).
                    // 将 opens a correction sentence ("将预算金额调整为…"), not a longer word.
                    // "本项目最高限价：" in a sentence: a determiner before the label is no word.
                    let before = &cell[..whole.start()];
                    let glued = before
                        .chars()
                        .next_back()
                        .is_some_and(|c| is_han(c) && c != '将')
                        && !SENTENCE_DETERMINERS.iter().any(|d| before.ends_with(d))
                        // "1.本项目预算金额：" read as 本 + the label 项目预算金额.
                        && !(whole.as_str().starts_with("项目")
                            && (before.ends_with('本') || before.ends_with('该'))
                            // …not the end of a longer word (成本).
                            && !before.chars().rev().nth(1).is_some_and(is_han))
                        // "一、项目最高限价：": the project's own label opening its item.
                        && !opens_item(cell, whole.start());
                    (!glued).then(|| {
                        let (label, unit) = label_colon_parts(whole.as_str());
                        let field = BY_LABEL.get(&label_key(label)).copied();
                        (
                            whole.start(),
                            whole.end(),
                            field,
                            unit.and_then(Unit::in_notes),
                        )
                    })
                })
                .collect();
            for (k, (start, end, field, unit)) in matches.iter().enumerate() {
                let Some(field) = field else { continue };
                let block = section_at(*start, section_in);
                let stop = matches.get(k + 1).map_or(cell.len(), |m| m.0);
                let raw = cell.get(*end..stop).unwrap_or_default();
                let raw = VALUE_END.find(raw).map_or(raw, |m| &raw[..m.start()]);
                // A label inside a running sentence: its value ends with the sentence.
                let raw = raw.split('。').next().unwrap_or(raw);
                let value = raw.trim();
                if value.is_empty() {
                    if stop == cell.len()
                        && let Some(v) = next_value()
                    {
                        push(&mut out, *field, *unit, &cell[*start..*end], &v, block);
                    }
                } else {
                    push(&mut out, *field, *unit, &cell[*start..*end], value, block);
                }
            }
        }
    }
    out
}

/// Words of result/goods table headers (a row of them is a header, not label | value).
static HEADER_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("header_word"));

/// A table header cell ("投标报价（元）", "评标得分"): short, digit-free, ending (before any
/// parenthesised unit) with a header word, and no organisation's name. Never a label's value.
pub fn is_header_cell(cell: &str) -> bool {
    if cell.chars().count() > 16 || cell.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let bare = cell.split(['（', '(']).next().unwrap_or(cell).trim();
    HEADER_WORDS.iter().any(|w| bare.ends_with(w)) && !crate::parse::prose::org_like(cell)
}

/// A row of short, digit-free cells, more than half of them (and at least two) labels or header
/// words. `采购人 | X | 采购代理机构 | Y` is half labels: label/value pairs, not a header.
pub fn is_header_row(cells: &[&str]) -> bool {
    // The cheap shape test first: data rows (digits, long cells) fail it before any regex runs.
    if cells.len() < 2
        || !cells
            .iter()
            // English headers are longer ("Procuring Department").
            .all(|c| {
                (c.chars().count() <= 16 || (c.is_ascii() && c.len() <= 32))
                    && !c.chars().any(|ch| ch.is_ascii_digit())
            })
    {
        return false;
    }
    let headerish = cells
        .iter()
        .filter(|c| {
            HEADER_WORD_SET.any_in(c)
                || LABEL_CELL.is_match(c)
                || names_a_field_kind(c)
                || is_conclusion_header(c)
        })
        .count();
    headerish >= 2 && headerish * 2 > cells.len()
}

/// Endings of a conclusion column's header ("评审结论", "评审结果", "推荐意见").
static CONCLUSION_HEADERS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("conclusion_header"));

/// A conclusion column's header: at most 10 characters (spaces and a bracketed note aside),
/// ending in a [`CONCLUSION_HEADERS`] word; its cells may rank the rows in words. A header
/// cell in a header row.
pub fn is_conclusion_header(cell: &str) -> bool {
    if cell.len() > 60 {
        return false;
    }
    let key = header_key(cell);
    let bare = key.split(['（', '(']).next().unwrap_or(&key);
    bare.chars().count() <= 10 && CONCLUSION_HEADERS.iter().any(|w| bare.ends_with(w))
}

/// Nouns that end the name of a field rather than a value ("采购方式", "开标时间", "资金来源", "包数"):
/// a header cell even when no label or header word is known for it. Values such as "公开招标",
/// "财政资金" or an organisation's name end otherwise.
static FIELD_KIND_ENDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("field_kind_end"));

/// A short cell (before any parenthesised note) ending in a [`FIELD_KIND_ENDS`] noun.
fn names_a_field_kind(cell: &str) -> bool {
    let bare = cell.split(['（', '(']).next().unwrap_or(cell).trim();
    bare.chars().count() <= 10 && FIELD_KIND_ENDS.iter().any(|w| bare.ends_with(w))
}

/// Labels in a table's header row with their values in the row below, same column
/// (`Tender Ref. No. | Title` over `ITD/T/2025/014 | …`). Only rows whose cells are all labels
/// or header words count as headers, and only the row right below is read.
pub fn header_pairs(tables: &[Vec<Vec<String>>]) -> Vec<Labelled> {
    let mut out = Vec::new();
    for table in tables {
        for (at, pair) in table.windows(2).enumerate() {
            let (head, values) = (&pair[0], &pair[1]);
            if head.len() != values.len() {
                continue;
            }
            let cells: Vec<&str> = head.iter().map(String::as_str).collect();
            if !is_header_row(&cells) {
                continue;
            }
            // A 合计 row further down totals the lots listed under the header: it, not the
            // first lot, gives a budget column's value. Looked for under header rows only.
            // The total row may be short: its 合计 cell spans the columns on the left
            // (colspan), so its cells line up with the header's from the right.
            let total = table.iter().skip(at + 2).take(MAX_LOT_ROWS).find(|r| {
                (2..=head.len()).contains(&r.len()) && r.first().is_some_and(|c| is_total_cell(c))
            });
            let value_cells: Vec<&str> = values.iter().map(String::as_str).collect();
            if is_header_row(&value_cells) {
                continue;
            }
            for (column, (label, value)) in head.iter().zip(values).enumerate() {
                let Some(caps) = may_be_label_cell(label)
                    .then(|| LABEL_CELL.captures(label))
                    .flatten()
                else {
                    continue;
                };
                let Some(field) = caps
                    .get(1)
                    .and_then(|m| BY_LABEL.get(&label_key(m.as_str())))
                else {
                    continue;
                };
                // Result columns (winner, amount) are read as tables by the caller.
                if matches!(
                    field,
                    Field::Supplier | Field::Candidate | Field::Award | Field::Name
                ) || is_label_cell(value)
                {
                    continue;
                }
                let unit = caps.get(2).and_then(|m| Unit::in_notes(m.as_str()));
                let value = match (field, total) {
                    (Field::Budget, Some(t)) => column
                        .checked_sub(head.len() - t.len())
                        .and_then(|c| t.get(c))
                        // "合计 | 其中设备费120万元" names a part: no total.
                        .filter(|v| {
                            v.chars().any(|ch| ch.is_ascii_digit())
                                && !super::money::opens_with_part(v)
                        })
                        .unwrap_or(value),
                    _ => value,
                };
                push(&mut out, *field, unit, label, value, None);
            }
        }
    }
    out
}

/// Rows looked at below a header for a total row: a lot table is short.
const MAX_LOT_ROWS: usize = 40;

/// The cells of each table's budget column under its header row, with the header's unit: the
/// lines of a 采购意向 table (`采购项目名称 | … | 预算金额（万元）`), down to the first row of
/// another width. A table with a 合计 row is left out: [`header_pairs`] reads its total.
pub fn budget_column_cells(tables: &[Vec<Vec<String>>]) -> Vec<(Option<Unit>, Vec<&str>)> {
    let mut out = Vec::new();
    for table in tables {
        let Some((at, head)) = table.iter().enumerate().find(|(_, r)| {
            let cells: Vec<&str> = r.iter().map(String::as_str).collect();
            is_header_row(&cells)
        }) else {
            continue;
        };
        let budget = head.iter().enumerate().find_map(|(column, label)| {
            let caps = may_be_label_cell(label)
                .then(|| LABEL_CELL.captures(label))
                .flatten()?;
            let field = caps
                .get(1)
                .and_then(|m| BY_LABEL.get(&label_key(m.as_str())))?;
            (*field == Field::Budget)
                .then(|| (column, caps.get(2).and_then(|m| Unit::in_notes(m.as_str()))))
        });
        let Some((column, unit)) = budget else {
            continue;
        };
        let rows: Vec<&Vec<String>> = table
            .iter()
            .skip(at + 1)
            .take(MAX_LOT_ROWS)
            .take_while(|r| r.len() == head.len())
            .collect();
        // A total row stating a part ("合计 | 其中设备费…") totals nothing: the lines still count.
        if rows.iter().any(|r| {
            r.first().is_some_and(|c| is_total_cell(c))
                && r.get(column)
                    .is_none_or(|v| !super::money::opens_with_part(v))
        }) {
            continue;
        }
        let cells = rows
            .iter()
            .filter_map(|r| r.get(column).map(String::as_str))
            .collect();
        out.push((unit, cells));
    }
    out
}

/// Words of a total row's first cell ("合计", "总 计", "合计（万元）").
static TOTAL_WORDS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("total_word"));

/// A table row's first cell naming the row a total of the rows above it.
fn is_total_cell(cell: &str) -> bool {
    // Compared char by char without building a String: this runs on every row of every table.
    let head = cell.split(['（', '(']).next().unwrap_or(cell);
    let bare = || {
        head.chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{3000}' && *c != '：' && *c != ':')
    };
    TOTAL_WORDS.iter().any(|w| bare().eq(w.chars()))
}

/// Column headers of a correction table holding the value before / after the correction
/// (`更正项 | 更正前内容 | 更正后内容`).
/// A short header cell opening with 原 (原公告内容, 原招标文件内容) is the old side too.
static BEFORE_HEADERS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("before_header"));
/// Column headers of a correction table holding the value after the correction.
static AFTER_HEADERS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("after_header"));
/// Headers that name the new side only when no header above does: in `序号 | 更正内容 | 原公告内容
/// | 更正后内容` the 更正内容 column is the item, not the new value.
static WEAK_AFTER_HEADERS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("weak_after_header"));

/// Words joining two items of one correction-table row ("预算金额及最高限价", "采购预算、最高限价").
static ITEM_JOINERS: LazyLock<&[&str]> = LazyLock::new(|| layout::words("item_joiner"));

static HEADER_WORD_SET: LazyLock<Words> = LazyLock::new(|| Words::new(&HEADER_WORDS));
static BEFORE_SET: LazyLock<Words> = LazyLock::new(|| Words::new(&BEFORE_HEADERS));
static AFTER_SET: LazyLock<Words> = LazyLock::new(|| Words::new(&AFTER_HEADERS));
static WEAK_AFTER_SET: LazyLock<Words> = LazyLock::new(|| Words::new(&WEAK_AFTER_HEADERS));

/// A few words looked for in short cells, indexed by their first character: one hash probe per
/// character of the cell instead of one `contains` per word (each sets up a Two-Way searcher,
/// ~2 % of a scan over big tables). An Aho-Corasick automaton per cell measured dearer still.
struct Words {
    by_first: hashbrown::HashMap<char, Vec<&'static str>>,
    /// Bit `c % 64` set for every first character `c`: most characters are out in one test.
    first_bits: u64,
    /// An empty word is in every cell.
    empty: bool,
}

impl Words {
    fn new(words: &[&'static str]) -> Self {
        let mut by_first: hashbrown::HashMap<char, Vec<&'static str>> = hashbrown::HashMap::new();
        let mut first_bits = 0;
        let mut empty = false;
        for w in words {
            match w.chars().next() {
                Some(c) => {
                    first_bits |= 1u64 << (u32::from(c) % 64);
                    by_first.entry(c).or_default().push(w);
                }
                None => empty = true,
            }
        }
        Words {
            by_first,
            first_bits,
            empty,
        }
    }

    /// Same as `words.iter().any(|w| hay.contains(w))`.
    fn any_in(&self, hay: &str) -> bool {
        self.empty
            || hay.char_indices().any(|(i, c)| {
                self.first_bits & (1u64 << (u32::from(c) % 64)) != 0
                    && self
                        .by_first
                        .get(&c)
                        .is_some_and(|ws| ws.iter().any(|w| hay[i..].starts_with(w)))
            })
    }
}

/// The unit a table's caption line states for its bare figures ("金额单位：人民币万元" above it;
/// `leads` is [`super::html::Walked::table_leads`], index by index with the tables).
fn caption_unit(leads: &[String], table: usize) -> Option<Unit> {
    leads.get(table).and_then(|l| Unit::of_caption(l))
}

/// Whole header cells naming the old wording of a correction table (原文, 原表述), also with 内容.
static OLD_WORDING_HEADER_WORDS: LazyLock<&[&str]> =
    LazyLock::new(|| layout::words("old_wording_header"));

/// A header cell naming the old side of a correction: a `before_header` word inside it
/// (更正前内容), or an `old_wording_header` word as the whole cell or before 内容 (原文, 原文内容).
/// Runs on every short cell of every table: one probe per character, no search per word.
pub(crate) fn is_old_wording_header(cell: &str) -> bool {
    let cell = cell.trim();
    cell.len() <= 48 && (BEFORE_SET.any_in(cell) || is_old_wording_cell(cell))
}

/// An `old_wording_header` word as the whole cell or before 内容 (原文, 原文内容).
fn is_old_wording_cell(cell: &str) -> bool {
    cell.starts_with('原')
        && OLD_WORDING_HEADER_WORDS.iter().any(|w| {
            cell.strip_prefix(w)
                .is_some_and(|r| r.is_empty() || r == "内容")
        })
}

/// Budget rows of correction tables: the item cell is a budget label, the before / after columns
/// come from the header row. Yields the original and the corrected budget. The unit is the item
/// label's ("最高限价（万元）"), else the one the table's caption line states (`leads`).
pub fn correction_rows(tables: &[Vec<Vec<String>>], leads: &[String]) -> Vec<Labelled> {
    let mut out = Vec::new();
    for (at, table) in tables.iter().enumerate() {
        let mut columns: Option<(usize, usize)> = None;
        for row in table {
            // Header cells are short; checking the length first keeps long data rows cheap.
            let find = |words: &Words| row.iter().position(|c| c.len() <= 48 && words.any_in(c));
            let before = find(&BEFORE_SET).or_else(|| {
                row.iter().position(|c| {
                    c.len() <= 48
                        && c.starts_with('原')
                        && (c.ends_with("内容") || is_old_wording_cell(c))
                })
            });
            // Most rows have no old side: the new side is looked for only after one.
            let after = before.and_then(|_| find(&AFTER_SET).or_else(|| find(&WEAK_AFTER_SET)));
            if let (Some(before), Some(after)) = (before, after)
                && before != after
            {
                columns = Some((before, after));
                continue;
            }
            let Some((before, after)) = columns else {
                continue;
            };
            // The item cell names the budget, perhaps with its unit ("最高限价（万元）"), or opens
            // with it before a joined item ("预算金额及最高限价": one value for both).
            let budget_item = row.iter().take(before.min(after)).find_map(|c| {
                fn label(cell: &str) -> Option<regex::Captures<'_>> {
                    may_be_label_cell(cell)
                        .then(|| LABEL_CELL.captures(cell))
                        .flatten()
                }
                let caps = label(c).or_else(|| {
                    let first = ITEM_JOINERS
                        .iter()
                        .filter_map(|j| c.split_once(j).map(|(head, _)| head))
                        .min_by_key(|head| head.len())
                        .filter(|head| !head.is_empty())?;
                    label(first)
                })?;
                let field = caps
                    .get(1)
                    .and_then(|m| BY_LABEL.get(&label_key(m.as_str())))?;
                (*field == Field::Budget)
                    .then(|| caps.get(2).and_then(|m| Unit::in_notes(m.as_str())))
            });
            let (unit, from, to) = match budget_item {
                Some(unit) => (unit, row.get(before), row.get(after)),
                None => {
                    // The item cell names a place in the file ("第一章 一、项目基本情况"): both
                    // sides open with the budget label themselves ("预算金额：X元；最高限价：X元").
                    let (Some((unit, from)), Some((_, to))) = (
                        row.get(before).and_then(|c| budget_led_cell(c)),
                        row.get(after).and_then(|c| budget_led_cell(c)),
                    ) else {
                        continue;
                    };
                    push_correction(&mut out, unit.or_else(|| caption_unit(leads, at)), from, to);
                    continue;
                }
            };
            let unit = unit.or_else(|| caption_unit(leads, at));
            if let (Some(from), Some(to)) = (from, to) {
                push_correction(&mut out, unit, from, to);
            }
        }
    }
    out
}

/// The original and the corrected budget of one correction-table row.
fn push_correction(out: &mut Vec<Labelled>, unit: Option<Unit>, from: &str, to: &str) {
    push(out, Field::BudgetOriginal, unit, "", from, None);
    push(out, Field::BudgetCorrected, unit, "", to, None);
}

/// A correction-table side that opens with a budget label and its colon ("预算金额：1,960,000.00元；
/// 最高限价：…", "采购预算（万元）：196"): the label's unit and the value after the colon.
fn budget_led_cell(cell: &str) -> Option<(Option<Unit>, &str)> {
    // The label is short: the colon within its first few characters.
    let (head, rest) = cell
        .char_indices()
        .take(24)
        .find(|(_, c)| matches!(c, '：' | ':'))
        .map(|(i, c)| (&cell[..i], &cell[i + c.len_utf8()..]))?;
    let caps = may_be_label_cell(head)
        .then(|| LABEL_CELL.captures(head))
        .flatten()?;
    let field = caps
        .get(1)
        .and_then(|m| BY_LABEL.get(&label_key(m.as_str())))?;
    (*field == Field::Budget).then(|| (caps.get(2).and_then(|m| Unit::in_notes(m.as_str())), rest))
}

/// True if the cell is only a label.
pub fn is_label_cell(cell: &str) -> bool {
    may_be_label_cell(cell) && LABEL_CELL.is_match(cell)
}

fn push(
    out: &mut Vec<Labelled>,
    field: Field,
    unit: Option<Unit>,
    label: &str,
    value: &str,
    section: Option<Field>,
) {
    let field = match field {
        Field::Name => match section {
            Some(f @ (Field::Buyer | Field::Agency | Field::Supplier)) => f,
            _ => return,
        },
        f => f,
    };
    let value = value.trim_matches(|c: char| c.is_whitespace() || "。；;，,".contains(c));
    // An amount written only in 大写 ("中标金额 | 壹佰捌拾柒万陆仟元整"): its figure in 元, which
    // the amount parser reads (a sentence's 大写 amount alone stays unread there).
    let amount_field = matches!(
        field,
        Field::Budget
            | Field::Award
            | Field::AwardTotal
            | Field::BudgetOriginal
            | Field::BudgetCorrected
    );
    let figure = amount_field
        .then(|| super::money::lone_daxie(value))
        .flatten()
        .map(|v| format!("{v:.2}元"));
    let value = figure.as_deref().unwrap_or(value);
    if !value.is_empty() {
        out.push(Labelled {
            field,
            unit,
            value: value.to_string(),
            excl_tax: excludes_tax(label) || excludes_tax(value),
            rank: (field == Field::Candidate)
                .then(|| label_rank(label))
                .flatten(),
        });
    }
}

/// True for CJK ideographs.
pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// Normalised header key for table columns.
pub fn header_key(s: &str) -> String {
    label_key(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_candidate_label_states_its_rank() {
        assert_eq!(label_rank("第二中标候选人"), Some(2));
        assert_eq!(label_rank("第 三 成交候选人"), Some(3));
        assert_eq!(label_rank("中标候选人"), None);
        let got =
            scan("第一中标候选人：甲科技有限公司\n中标候选人：乙数据有限公司\n预算金额：100万元");
        let ranks: Vec<Option<u32>> = got.iter().map(|l| l.rank).collect();
        assert_eq!(ranks, [Some(1), None, None]);
    }

    #[test]
    fn the_embedded_table_parses() {
        let (labels, sections) = parse_table(LABELS_CSV).expect("labels.csv parses");
        assert!(labels.len() > 150, "{} labels", labels.len());
        assert!(sections.len() >= 10, "{} sections", sections.len());
        assert_eq!(LABELS.len(), labels.len());
        assert_eq!(SECTIONS.len(), sections.len());
    }

    #[test]
    fn every_row_names_a_source_and_a_certainty() {
        let mut reader = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .from_reader(LABELS_CSV.as_bytes());
        let headers = reader.headers().unwrap().clone();
        assert_eq!(
            headers.iter().collect::<Vec<_>>(),
            ["kind", "field", "label", "source", "certainty", "note"]
        );
        for record in reader.records() {
            let record = record.unwrap();
            let line = record.position().unwrap().line();
            assert!(!record[3].trim().is_empty(), "line {line}: no source");
            assert!(
                layout::CERTAINTIES.contains(&&record[4]),
                "line {line}: certainty"
            );
            assert!(Field::from_name(&record[1]).is_some(), "line {line}: field");
        }
    }

    #[test]
    fn every_field_has_a_name_and_a_label() {
        for (i, f) in Field::ALL.iter().enumerate() {
            assert_eq!(Field::from_name(f.name()), Some(*f));
            assert!(Field::ALL[..i].iter().all(|g| g.name() != f.name()));
            assert!(LABELS.iter().any(|(g, _)| g == f), "{f:?} has no label");
        }
    }

    #[test]
    fn bad_rows_are_refused() {
        let head = "kind,field,label,source,certainty,note\n";
        let ok = |row: &str| parse_table(&format!("{head}{row}\n")).is_ok();
        assert!(ok("label,budget,预算金额,src,high,"));
        assert!(ok("section,buyer,采购人信息,src,low,"));
        assert!(!ok("label,nosuch,预算金额,src,high,"));
        assert!(!ok("label,Budget,预算金额,src,high,"));
        assert!(!ok("heading,budget,预算金额,src,high,"));
        assert!(!ok("label,budget,,src,high,"));
        assert!(!ok("label,budget,预算金额（元）,src,high,"));
        assert!(!ok("label,budget,\"预算金额 \",src,high,"));
        assert!(!ok("label,budget,预算金额, ,high,"));
        assert!(!ok("label,budget,预算金额,src,sure,"));
        assert!(parse_table("field,label\nbudget,预算金额\n").is_err());
    }

    #[test]
    fn order_and_fields_survive() {
        // The alternation takes the first label that fits: longer labels stay before the
        // labels they contain.
        assert_eq!(LABELS[0], (Field::Title, "原公告的采购项目名称"));
        assert_eq!(LABELS.last(), Some(&(Field::Name, "名称")));
        let at = |l: &str| LABELS.iter().position(|(_, x)| *x == l);
        assert!(at("采购项目名称") < at("项目名称"));
        assert!(at("中标候选人名称") < at("中标候选人"));
        assert!(at("Tender Reference No.") < at("Tender Reference"));
        assert_eq!(SECTIONS[0], ("采购人信息", Field::Buyer));
        assert_eq!(SECTIONS.last(), Some(&("项目联系方式", Field::Title)));
        assert_eq!(FIELD_KIND_ENDS.len(), 12);
        assert_eq!(WEAK_AFTER_HEADERS[..], ["更正内容", "变更内容"]);
    }

    /// The ending check never turns away a cell the label-cell regex accepts: every label in
    /// the shapes the regex allows, and random mixes of label pieces, units and noise.
    #[test]
    fn ending_check_keeps_every_label_cell() {
        for (_, l) in LABELS.iter() {
            let upper = l.to_uppercase();
            let spaced: String = l.chars().map(|c| format!("{c} ")).collect();
            for cell in [
                l.to_string(),
                format!("{l}："),
                format!(" 1、{l} : "),
                format!("二、{upper}（万元）："),
                format!("{spaced}(元)\u{3000}"),
            ] {
                assert!(ends_like_label_cell(&cell), "{cell:?}");
            }
        }
        assert!(!ends_like_label_cell("1000.00"));
        assert!(!ends_like_label_cell("台"));
        assert!(!ends_like_label_cell("  ： "));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn ending_check_agrees_with_the_regex(parts in proptest::collection::vec(proptest::sample::select(
            LABELS.iter().map(|(_, l)| *l).chain([
                "采购", "名称", " ", "\u{3000}", "：", ":", "（万元）", "(元)", "1、", "二.", "台", "8",
                "A100", "k", "K", "\u{212a}", "ſ", "s", "服务", ")", "）", "x",
            ]).collect::<Vec<_>>()), 0..5)) {
            let cell = parts.concat();
            if LABEL_CELL.is_match(&cell) {
                proptest::prop_assert!(ends_like_label_cell(&cell), "{cell:?}");
            }
        }
    }

    #[test]
    fn cells_split_like_str_split() {
        for line in [
            "",
            "a",
            " | ",
            "a | b | c",
            " | | ",
            "a || b | | c |  | d",
            "采购人 | 某大学|x | ",
            "| a |",
            "a  |  b",
        ] {
            let ours: Vec<&str> = split_cells(line).collect();
            let std: Vec<&str> = line.split(CELL_SEP).collect();
            assert_eq!(ours, std, "{line:?}");
        }
    }

    #[test]
    fn word_set_equals_contains() {
        let set = Words::new(&HEADER_WORDS);
        let cells = [
            "序号",
            "中标供应商名称",
            "abc",
            "",
            "单 价",
            "X包号Y",
            "报",
            "项目负责人",
        ];
        for c in cells {
            assert_eq!(
                set.any_in(c),
                HEADER_WORDS.iter().any(|w| c.contains(w)),
                "{c}"
            );
        }
        assert!(set.any_in("项目负责人") && !set.any_in("abc"));
        assert!(Words::new(&["", "x"]).any_in("abc"));
        assert!(!Words::new(&[]).any_in("abc"));
    }

    #[test]
    fn label_colon_split_equals_the_regex_captures() {
        assert!(*SPLIT_FROM_END);
        let mut texts = Vec::new();
        for (_, l) in LABELS.iter() {
            let spaced: String = l.chars().map(|c| format!("{c} ")).collect();
            for label in [l.to_string(), spaced.trim_end().to_string()] {
                for tail in [
                    "：",
                    ":",
                    " ：",
                    "（万元）：",
                    " (元) :",
                    "（含税价）  ：",
                    "()：",
                    "（一二三四五六七八九十一二三四五六七）：",
                ] {
                    texts.push(format!("甲，{label}{tail}X"));
                    texts.push(format!("{label}{tail}"));
                }
            }
        }
        let mut split = 0;
        for t in &texts {
            for (m, c) in LABEL_COLON.find_iter(t).zip(LABEL_COLON.captures_iter(t)) {
                let want = (
                    c.get(1).map_or("", |g| g.as_str()),
                    c.get(2).map(|g| g.as_str()),
                );
                assert_eq!(label_colon_parts(m.as_str()), want, "{t}");
                split += usize::from(split_label_colon(m.as_str()).is_some());
            }
        }
        assert!(split > 1000, "{split}");
    }

    fn values(text: &str, field: Field) -> Vec<String> {
        scan(text)
            .into_iter()
            .filter(|l| l.field == field)
            .map(|l| l.value)
            .collect()
    }

    #[test]
    fn a_qualified_label_opening_a_numbered_item_is_read() {
        // Round 32 of issue 10: "一、项目最高限价：396万元" — 项目 qualifies the label, as the
        // item's whole text before it; other numberings and qualifiers alike.
        for (line, want) in [
            ("一、项目最高限价：396万元", "396万元"),
            ("项目最高限价：396万元", "396万元"),
            ("（三）采购项目最高限价：1,786,000.00元", "1,786,000.00元"),
            ("2.招标项目控制价：85.6万元", "85.6万元"),
            ("(2)项目招标控制价：520万元", "520万元"),
            ("十二、 项目采购预算：300万元", "300万元"),
            ("（二）采购项目预算：260万元", "260万元"),
        ] {
            assert_eq!(values(line, Field::Budget), vec![want], "{line}");
        }
        // Other text before the qualifier, or a longer word, still makes the label part of it.
        for line in [
            "子项目最高限价：396万元",
            "一、分包项目最高限价：396万元",
            "2026年项目最高限价：396万元",
        ] {
            assert!(values(line, Field::Budget).is_empty(), "{line}");
        }
        assert!(values("一、投标供应商名称：甲公司", Field::Supplier).is_empty());
    }

    #[test]
    fn a_total_over_lots_is_the_budget() {
        assert_eq!(
            values(
                "项目总预算：850.00万元（其中第一标段612.00万元）",
                Field::Budget
            ),
            vec!["850.00万元（其中第一标段612.00万元）"]
        );
        assert_eq!(
            values("采购总预算：¥1,200,000.00", Field::Budget),
            vec!["¥1,200,000.00"]
        );
    }

    #[test]
    fn an_amount_only_in_daxie_is_given_as_its_figure() {
        assert_eq!(
            values("成交金额 | 人民币玖拾捌万伍仟元整", Field::Award),
            vec!["985000.00元"]
        );
        assert_eq!(
            values("采购预算：叁佰贰拾万元", Field::Budget),
            vec!["3200000.00元"]
        );
        // With its figure the value stays as written; other fields are never turned.
        assert_eq!(
            values("中标金额：壹拾万元整（¥100,000.00）", Field::Award),
            vec!["壹拾万元整（¥100,000.00）"]
        );
        assert_eq!(
            values("项目名称 | 壹佰元店改造", Field::Title),
            vec!["壹佰元店改造"]
        );
    }

    #[test]
    fn a_numbered_sentence_label_after_ben() {
        // "1.本项目预算金额：" under 其它补充事宜: 本 + 项目预算金额 is the budget's label.
        assert_eq!(
            values("1.本项目预算金额：260.00万元。", Field::Budget),
            vec!["260.00万元"]
        );
        // A longer word ending in 本 still glues (成本预算 is no budget of the purchase).
        assert!(values("成本项目预算金额：260.00万元", Field::Budget).is_empty());
    }

    #[test]
    fn header_cells_are_never_values() {
        assert!(is_header_cell("投标报价（元）") && is_header_cell("评标得分"));
        assert!(is_header_cell("工期（日历天）"));
        assert!(!is_header_cell("江西赣江智联科技有限公司"));
        // A project name that merely contains a header word is a value.
        assert!(!is_header_cell("水质量监测设备"));
        assert!(values("中标候选人名称 | 投标报价（元）", Field::Candidate).is_empty());
    }

    #[test]
    fn name_takes_the_block_heading_before_it_on_the_same_line() {
        let line = "五、联系方式 1.采购人信息 名称：甲大学 地址：甲路 2.采购代理机构信息 名称：乙招标有限公司 地址：乙路 3.项目联系方式 名称：丙";
        assert_eq!(values(line, Field::Buyer), vec!["甲大学"]);
        assert_eq!(values(line, Field::Agency), vec!["乙招标有限公司"]);
    }

    #[test]
    fn name_under_a_supplier_block_is_the_supplier() {
        let text = "三、中标（成交）信息\n中标供应商信息\n名称：丁科技有限公司\n地址：丁路\n1.采购人信息\n名称：甲大学";
        assert_eq!(values(text, Field::Supplier), vec!["丁科技有限公司"]);
        assert_eq!(values(text, Field::Buyer), vec!["甲大学"]);
    }

    #[test]
    fn the_bare_agency_label() {
        let text = "招标人 | 甲电网有限责任公司乙供电局 | 招标代理 | 丙供应链集团有限公司\n采购代理：丁招标有限公司";
        assert_eq!(
            values(text, Field::Agency),
            vec!["丙供应链集团有限公司", "丁招标有限公司"]
        );
        // A longer word is no label: the agency's fee.
        assert!(values("招标代理服务费：8,000.00元", Field::Agency).is_empty());
        assert!(values("招标代理费 | 8,000.00元", Field::Agency).is_empty());
    }

    #[test]
    fn organising_bodies_of_state_company_procurement_are_the_agency() {
        // Round 33 of issue 10: 采购组织机构 (a 中远海运-like platform). Its other forms, in a
        // label/value row, a contact line and a two-pairs-per-row table.
        let text = "招标组织机构 | 甲招标咨询有限公司\n采购实施机构：乙项目管理有限公司　联系人：王女士\n招标人 | 丙集团有限公司 | 采购组织机构 | 丁国际招标有限公司";
        assert_eq!(
            values(text, Field::Agency),
            vec![
                "甲招标咨询有限公司",
                "乙项目管理有限公司",
                "丁国际招标有限公司"
            ]
        );
        // The way a purchase is organised is a method, and 组织机构 alone (its registration code)
        // names no agency.
        for other in [
            "采购组织形式：集中采购",
            "采购组织形式 | 委托招标",
            "组织形式：分散采购",
            "组织机构代码：91110000XXXXXXXX1A",
            "组织机构：戊科技有限公司",
        ] {
            assert!(values(other, Field::Agency).is_empty(), "{other}");
        }
    }

    #[test]
    fn before_and_after_budget_labels() {
        let text = "原预算：520万元；现预算：486万元\n调整前预算金额：300万元\n调整后预算：280万元";
        assert_eq!(
            values(text, Field::BudgetOriginal),
            vec!["520万元", "300万元"]
        );
        assert_eq!(
            values(text, Field::BudgetCorrected),
            vec!["486万元", "280万元"]
        );
        // Inside a longer word the label is no label; 项目 alone opening the item is the
        // label's qualifier (the project's original budget).
        assert!(values("子项目原预算：520万元", Field::BudgetOriginal).is_empty());
        assert_eq!(
            values("项目原预算：520万元", Field::BudgetOriginal),
            vec!["520万元"]
        );
    }

    #[test]
    fn a_notice_is_published_the_day_its_publicity_starts() {
        assert_eq!(
            values(
                "公示日期：2025-12-05　公示截止日期：2025-12-08",
                Field::Published
            ),
            vec!["2025-12-05"]
        );
    }

    #[test]
    fn a_thousands_separator_is_no_clause_break() {
        assert_eq!(
            values(
                "成交金额：¥586,000.00（大写：人民币伍拾捌万陆仟元整）",
                Field::Award
            ),
            vec!["¥586,000.00（大写：人民币伍拾捌万陆仟元整）"]
        );
        // A comma before the next label still ends the value.
        assert_eq!(
            values(
                "中标人：甲科技有限公司，投标报价：3,126,000.00元",
                Field::Supplier
            ),
            vec!["甲科技有限公司"]
        );
    }

    #[test]
    fn a_name_label_before_any_block_is_nobody() {
        assert!(scan("名称：某某").is_empty());
    }

    #[test]
    fn a_label_inside_a_sentence_after_a_determiner() {
        assert_eq!(
            values(
                "本项目最高限价：人民币壹佰叁拾捌万元整（¥1,380,000.00）。经评审，现公示如下：",
                Field::Budget
            ),
            vec!["人民币壹佰叁拾捌万元整（¥1,380,000.00）"]
        );
        // A longer word is still no label: 投标供应商名称 is not 供应商名称.
        assert!(values("投标最高限价：100万元", Field::Budget).is_empty());
    }

    #[test]
    fn a_header_unit_with_qualifiers_in_its_note() {
        let tables = vec![vec![
            vec![
                "标段编号".to_string(),
                "标段名称".to_string(),
                "最高投标限价（含税，万元）".to_string(),
            ],
            vec![
                "CE-01".to_string(),
                "训练服务器".to_string(),
                "2,350.00".to_string(),
            ],
        ]];
        let pairs = header_pairs(&tables);
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        assert_eq!(pairs[0].field, Field::Budget);
        assert_eq!(pairs[0].unit, Some(Unit::Wan));
        assert_eq!(pairs[0].value, "2,350.00");
    }

    #[test]
    fn a_bare_total_budget_is_a_budget_label() {
        for line in [
            "总预算：人民币120万元，其中第1包86万元，第2包34万元。",
            "总预算：￥3,600,000.00（含二个标段）",
        ] {
            let found = scan(line);
            let budget = found.iter().find(|l| l.field == Field::Budget);
            assert!(
                budget.is_some_and(|l| l.value.contains("万元") || l.value.contains("3,600,000")),
                "{found:?}"
            );
        }
    }

    #[test]
    fn a_total_row_gives_a_budget_column_its_value() {
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        // Lots under a 预算（元） header, then a spaced "总 计" row: the total is the budget.
        let tables = vec![vec![
            row(&["标段", "采购内容", "预算金额（元）"]),
            row(&["一标段", "训练服务器", "1,200,000.00"]),
            row(&["二标段", "推理服务器", "800,000.00"]),
            row(&["总　计", "", "2,000,000.00"]),
        ]];
        let pairs = header_pairs(&tables);
        let budget = pairs.iter().find(|p| p.field == Field::Budget);
        assert_eq!(budget.map(|p| p.value.as_str()), Some("2,000,000.00"));
        // An empty total cell leaves the first row's value; a row of 小计 is no total.
        let tables = vec![vec![
            row(&["包号", "最高限价（万元）"]),
            row(&["1", "56.00"]),
            row(&["小计", "56.00"]),
            row(&["合计（万元）", ""]),
        ]];
        let pairs = header_pairs(&tables);
        let budget = pairs.iter().find(|p| p.field == Field::Budget);
        assert_eq!(budget.map(|p| p.value.as_str()), Some("56.00"));
        assert!(is_total_cell("合 计："));
        assert!(!is_total_cell("合计金额大写"));
    }

    #[test]
    fn a_header_row_of_field_names_pairs_with_the_row_below() {
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        // Half the cells are known labels, the rest field names (采购方式, 开标时间): a header.
        let tables = vec![vec![
            row(&["项目编号", "采购方式", "招标控制价（万元）", "开标时间"]),
            row(&[
                "LZZC2026-G1-00318",
                "公开招标",
                "586.00",
                "2026-05-22 09:30",
            ]),
        ]];
        let pairs = header_pairs(&tables);
        let budget = pairs.iter().find(|p| p.field == Field::Budget);
        assert_eq!(
            budget.map(|p| (p.unit, p.value.as_str())),
            Some((Some(Unit::Wan), "586.00"))
        );
        // Other field names: 包数, 资金来源, 交货日期.
        assert!(is_header_row(&[
            "采购项目编号",
            "采购方式",
            "包数",
            "预算金额（万元）"
        ]));
        assert!(is_header_row(&["资金来源", "预算金额（元）", "交货日期"]));
        assert!(is_header_row(&[
            "项目编号",
            "服务期限",
            "交付地点",
            "最高限价（元）"
        ]));
        // Label | value pairs are still no header: values do not end in a field name.
        assert!(!is_header_row(&[
            "采购人",
            "某某市大数据局",
            "采购方式",
            "公开招标"
        ]));
    }

    #[test]
    fn a_note_in_brackets_with_a_colon_stays_in_the_value() {
        // Round 41 of issue 10: a space after the label's colon, then "…（其中：A包…）".
        assert_eq!(
            values(
                "项目预算： 人民币385万元（其中：A包260万元，B包125万元）",
                Field::Budget
            ),
            vec!["人民币385万元（其中：A包260万元，B包125万元）"]
        );
        // The value on the line below its label (`<dt>项目预算：</dt><dd>…</dd>`).
        assert_eq!(
            values(
                "项目预算：\n人民币385万元（其中：A包260万元）",
                Field::Budget
            ),
            vec!["人民币385万元（其中：A包260万元）"]
        );
        assert_eq!(
            values("采购预算： 120万元（含：运维费10万元）", Field::Budget),
            vec!["120万元（含：运维费10万元）"]
        );
        // A label line below, with or without a closed note, is no value.
        assert!(
            values(
                "项目预算：\n联系电话（办公室）：0454-1234567",
                Field::Budget
            )
            .is_empty()
        );
        // A label with its closed unit note after a space still ends the value.
        assert_eq!(
            values(
                "采购人：某大学 办公电话（传真）：0454-1234567",
                Field::Buyer
            ),
            vec!["某大学"]
        );
    }

    #[test]
    fn a_short_total_row_lines_up_from_the_right() {
        // Round 40 of issue 10: `合计` spans the left columns (colspan); its amount is under the
        // budget column. Another header and unit alike.
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        let tables = vec![vec![
            row(&["序号", "货物名称", "数量", "预算金额（万元）"]),
            row(&["1", "服务器", "2台", "60"]),
            row(&["2", "软件", "1套", "40"]),
            row(&["合计", "100"]),
        ]];
        let pairs = header_pairs(&tables);
        let budget: Vec<_> = pairs.iter().filter(|l| l.field == Field::Budget).collect();
        assert_eq!(budget.len(), 1, "{pairs:?}");
        assert_eq!(budget[0].value, "100");
        assert_eq!(budget[0].unit, Some(Unit::Wan));
        // A total row whose amount is under another column gives way to the row below the header.
        let tables = vec![vec![
            row(&["序号", "货物名称", "数量", "预算合计（元）", "备注"]),
            row(&["1", "服务器", "2台", "600000", "无"]),
            row(&["合计", "600000"]),
        ]];
        let pairs = header_pairs(&tables);
        let budget: Vec<_> = pairs.iter().filter(|l| l.field == Field::Budget).collect();
        assert_eq!(budget.len(), 1, "{pairs:?}");
        assert_eq!(budget[0].value, "600000");
    }
}

#[cfg(test)]
mod extract47_tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    fn budget_of(out: &[Labelled], field: Field) -> Option<f64> {
        out.iter()
            .find(|l| l.field == field)
            .and_then(|l| super::super::money::parse_money(&l.value, l.unit))
            .map(|m| m.amount)
    }

    #[test]
    fn a_label_cell_may_name_its_unit_after_a_colon_in_its_note() {
        assert!(is_label_cell("采购预算（人民币：元）"));
        assert!(is_label_cell("最高限价（单位：万元）"));
        assert!(is_label_cell("预算金额（币种：人民币，单位：元）"));
        // A colon before anything but a unit or currency is still no note of a label.
        assert!(!is_label_cell("预算金额（其中：设备）"));
    }

    #[test]
    fn a_header_row_inside_a_key_value_table_reads_the_row_below() {
        // Round 45 of issue 10: a `<th>` row with the unit after a colon in its notes, under
        // key/value rows. Other headers and amounts here.
        let tables = vec![table(&[
            &["项目编号", "XX-2026-01", "采购方式", "公开招标"],
            &["项目名称", "某平台采购项目"],
            &[
                "预算金额（人民币：元）",
                "最高限价（人民币：元）",
                "交货期",
                "是否接受联合体",
            ],
            &["2,350,000.00", "2,350,000.00", "合同签订后30日内", "否"],
        ])];
        assert_eq!(
            budget_of(&header_pairs(&tables), Field::Budget),
            Some(2_350_000.0)
        );
        // The unit after the colon scales bare figures.
        let tables = vec![table(&[
            &["采购预算（人民币：万元）", "服务期", "采购方式"],
            &["96.5", "一年", "竞争性磋商"],
        ])];
        assert_eq!(
            budget_of(&header_pairs(&tables), Field::Budget),
            Some(965_000.0)
        );
    }

    #[test]
    fn a_caption_unit_scales_the_bare_figures_of_a_correction_table() {
        // Round 44 of issue 10: "金额单位：人民币万元" only above the table. Other captions,
        // headers and amounts here.
        let tables = vec![table(&[
            &["序号", "更正事项", "更正前内容", "更正后内容"],
            &["1", "最高限价", "315.00", "298.00"],
        ])];
        let leads = vec!["（单位：万元）".to_string()];
        let out = correction_rows(&tables, &leads);
        assert_eq!(budget_of(&out, Field::BudgetOriginal), Some(3_150_000.0));
        assert_eq!(budget_of(&out, Field::BudgetCorrected), Some(2_980_000.0));
        let tables = vec![table(&[
            &["更正项目", "原公告内容", "更正后内容"],
            &["采购预算", "1.25", "1.18"],
        ])];
        let leads = vec!["金额单位：亿元".to_string()];
        let out = correction_rows(&tables, &leads);
        assert_eq!(budget_of(&out, Field::BudgetCorrected), Some(118_000_000.0));
        // The item's own unit beats the caption's; a line that is no caption gives none.
        let tables = vec![table(&[
            &["更正项", "更正前", "更正后"],
            &["预算金额（元）", "960,000", "900,000"],
        ])];
        let out = correction_rows(&tables, &["单位：万元".to_string()]);
        assert_eq!(budget_of(&out, Field::BudgetCorrected), Some(900_000.0));
        let tables = vec![table(&[
            &["更正项", "更正前", "更正后"],
            &["预算金额", "960,000", "900,000"],
        ])];
        let out = correction_rows(&tables, &["单位：某某市财政局".to_string()]);
        assert_eq!(budget_of(&out, Field::BudgetCorrected), Some(900_000.0));
        // Without leads (or a lead for another table) nothing changes.
        let out = correction_rows(&tables, &[]);
        assert_eq!(budget_of(&out, Field::BudgetCorrected), Some(900_000.0));
    }
}

/// extract53: a package's budget label qualified by its package word (政采云 template).
#[cfg(test)]
mod extract53_tests {
    use super::*;

    fn budgets(text: &str) -> Vec<String> {
        scan(text)
            .into_iter()
            .filter(|l| l.field == Field::Budget)
            .map(|l| l.value)
            .collect()
    }

    #[test]
    fn a_package_qualified_budget_label_is_read() {
        for (text, want) in [
            ("采购包1：\n采购包预算金额（元）：880000.00", "880000.00"),
            ("合同包1：\n合同包预算金额（元）：452000.00", "452000.00"),
            ("（一）采购包最高限价（万元）：85.5", "85.5"),
        ] {
            assert_eq!(
                budgets(text).first().map(String::as_str),
                Some(want),
                "{text}"
            );
        }
        // Other words glued before a budget label still make it part of a longer word.
        for text in [
            "标的预算金额（元）：618000.00",
            "分包预算金额：20万元",
            "第二采购包预算金额：20万元",
        ] {
            assert!(budgets(text).is_empty(), "{text}");
        }
    }
}

/// extract56: a 合计 row whose budget cell names a part ("其中设备费…") totals nothing.
#[cfg(test)]
mod part_total_row_tests {
    use super::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn a_total_row_naming_a_part_gives_no_total() {
        for part in ["其中设备费120万元", "其中：软件80万元，服务20万元"] {
            let table = vec![
                row(&["序号", "采购内容", "预算金额（万元）"]),
                row(&["1", "服务器", "150"]),
                row(&["2", "软件", "50"]),
                row(&["合计", "", part]),
            ];
            let pairs = header_pairs(std::slice::from_ref(&table));
            let budget: Vec<&str> = pairs
                .iter()
                .filter(|l| l.field == Field::Budget)
                .map(|l| l.value.as_str())
                .collect();
            assert_eq!(budget, vec!["150"], "{part}");
            // The lines still count: the table's column is read as lots.
            let cells = budget_column_cells(std::slice::from_ref(&table));
            assert_eq!(cells.len(), 1, "{part}");
            assert_eq!(&cells[0].1[..2], &["150", "50"]);
        }
        // A total row with the total itself: read, and the column is left to it.
        let table = vec![
            row(&["序号", "预算金额（万元）"]),
            row(&["1", "150"]),
            row(&["2", "50"]),
            row(&["合计", "200"]),
        ];
        let pairs = header_pairs(std::slice::from_ref(&table));
        assert!(
            pairs
                .iter()
                .any(|l| l.field == Field::Budget && l.value == "200")
        );
        assert!(budget_column_cells(std::slice::from_ref(&table)).is_empty());
    }
}

/// extract76: a value opening with a tag naming how its amount is written (大写 / 小写).
#[cfg(test)]
mod extract76_tests {
    use super::*;

    #[test]
    fn an_amount_form_tag_opens_a_value_not_a_label() {
        assert!(opens_with_amount_form(
            "大写：人民币壹佰万元整　小写：￥1,000,000.00"
        ));
        assert!(opens_with_amount_form("小写：￥1,000,000.00"));
        assert!(opens_with_amount_form("人民币（小写）：1,000,000.00元"));
        assert!(!opens_with_amount_form("供应商地址：某市某路1号"));
        assert!(!opens_with_amount_form("人民币壹佰万元整"));
        let vals: Vec<String> = scan("中标金额 | 小写：￥1,000,000.00（大写：人民币壹佰万元整）")
            .into_iter()
            .filter(|l| l.field == Field::Award)
            .map(|l| l.value)
            .collect();
        assert_eq!(vals, ["小写：￥1,000,000.00（大写：人民币壹佰万元整）"]);
    }
}
