//! Scoring one analysed name against another.
//!
//! Scores are calibrated to the alert rule: a non-affiliate hit at or above 0.80 is treated as
//! the listed entity itself, so only exact, alias, normalised, pinyin and strong token matches
//! reach it; affiliates (sub-units, campuses, hospitals) score 0.80 × the base and are judged
//! separately by their method.
use super::normalize::{Name, Vocabulary};
use crate::model::Method;

/// Equal after case/punctuation/legal-form/script normalisation.
pub const NORMALIZED: f64 = 0.95;
/// Equal once leading place names are dropped on one side (`智谱华章科技` vs `北京智谱华章科技`).
pub const PLACELESS: f64 = 0.90;
/// A Han name whose romanisation equals a listed Latin name or pinyin alias: pinyin is lossy
/// (homophones), so below a normalised match.
pub const PINYIN: f64 = 0.90;
/// Ceiling for token-level fuzzy matches: never as sure as an equality.
pub const FUZZY_MAX: f64 = 0.94;
/// Affiliate factor: a sub-unit is evidence about, not identity with, the listed entity.
pub const AFFILIATE: f64 = 0.80;
/// Affiliate found as a contiguous part other than the start (`West China Hospital of …`).
pub const AFFILIATE_INNER: f64 = 0.75;
/// A name that gives only a unit number (32所) against the one listed unit with that number:
/// shown for review, below the identity line.
pub const BARE_UNIT: f64 = 0.75;
/// A pinyin collision on a short name (≤ `SHORT_PINYIN_CHARS` distinctive Han characters):
/// toneless pinyin of two syllables is shared by many names (华威 = 华为 = huawei), so such a
/// match stays below the threshold; the characters (zh overlay) must make it.
pub const SHORT_PINYIN: f64 = 0.65;
/// Distinctive Han characters up to which a pinyin match is a mere collision.
const SHORT_PINYIN_CHARS: usize = 2;
/// Factor when both names carry a legal form and the forms name different families of legal
/// person (АНО, a non-profit, and an LLC): never one legal person (0.95 → 0.665).
pub const LEGAL_FORM_CONFLICT: f64 = 0.7;
/// Factor when the forms are different company forms (AG and GmbH, JSC and LLC): often two
/// companies of one group, but a company may convert between them (有限公司 → 股份有限公司 before
/// a listing) and English renderings of Chinese forms vary, so review, not identity (0.95 → 0.76).
pub const LEGAL_FORM_DIFFERS: f64 = 0.8;
/// Factor for another series of one fund or trust (`Fund VII` / `Fund VIII`, `Trust 2004-1` /
/// `2004-2`): a sister vehicle of the same sponsor, not the same legal person.
pub const SERIES_MEMBER: f64 = 0.8;
/// Ceiling for a series member: shown for review, below the identity line of 0.80.
pub const SERIES_MAX: f64 = 0.75;
/// Similarity of an acronym to the words it abbreviates (`PLA` / People's Liberation Army):
/// initials are shared by many names, so below an equal word.
const ACRONYM: f64 = 0.85;
/// Ceiling for a match that needed an acronym: shown for review, below the identity line of
/// 0.80, because three letters are the initials of many names.
pub const ACRONYM_MAX: f64 = 0.75;
/// The match threshold (yente's `SCORE_THRESHOLD`); hits below it are not reported.
pub const THRESHOLD: f64 = 0.70;

/// Weight of an evidence-light token (generic word, place) relative to a distinctive one.
const GENERIC_WEIGHT: f64 = 0.35;
/// Weight of a number token: a different number is a different entity (logic-v2 NUMERIC 1.3).
const NUMBER_WEIGHT: f64 = 1.3;
/// Weight of unmatched tokens in the denominator (logic-v2 `nm_extra_*_name`, made symmetric).
const EXTRA_WEIGHT: f64 = 0.8;
/// Ceiling for a match through a listed spelling whose parenthesised place was dropped
/// (`Inspur (Beijing) …` → `Inspur …`): shown for review, below the identity line of 0.80.
pub const PLACE_DROPPED_MAX: f64 = 0.75;
/// Factor when both names carry a different unmatched place.
pub const PLACE_MISMATCH: f64 = 0.8;
/// Weight of tokens only the listed name has.
const LISTED_EXTRA_WEIGHT: f64 = 0.5;
/// Weight of unmatched tokens when both sides have some.
const SUBSTITUTION_WEIGHT: f64 = 1.0;
/// Shortest Han listed name that may be a sub-unit prefix (四川大学 is four).
const MIN_HAN_PARENT_CHARS: usize = 4;
/// Shortest romanised listed key that may be a sub-unit prefix.
const MIN_ROMAN_PARENT_LEN: usize = 8;

/// The score of `q` (a name in a notice) against `c` (a listed name or alias), if any method
/// applies. `both_ways` also lets `c` be the sub-unit of `q` (for `compare`).
pub fn score_pair(
    vocab: &Vocabulary,
    q: &Name,
    c: &Name,
    both_ways: bool,
) -> Option<(Method, f64)> {
    let (m, s) = score_pair_forms(vocab, q, c, both_ways)?;
    Some((m, s * legal_form_factor(vocab, q, c)))
}

/// 1.0 unless both names give a legal form with a kind of legal person and no kind is shared:
/// then `LEGAL_FORM_DIFFERS` within one family (company forms), else `LEGAL_FORM_CONFLICT`.
pub fn legal_form_factor(vocab: &Vocabulary, q: &Name, c: &Name) -> f64 {
    if q.legal == 0 || c.legal == 0 || q.legal & c.legal != 0 {
        1.0
    } else if vocab.legal_same_family(q.legal, c.legal) {
        LEGAL_FORM_DIFFERS
    } else {
        LEGAL_FORM_CONFLICT
    }
}

/// `score_pair` before the legal-form check.
fn score_pair_forms(
    vocab: &Vocabulary,
    q: &Name,
    c: &Name,
    both_ways: bool,
) -> Option<(Method, f64)> {
    if !q.raw.is_empty() && q.raw == c.raw {
        return Some((Method::Exact, 1.0));
    }
    // Numbered units (中电科32所 = CETC 32): the readings decide. A unit inside a listed academy
    // (航天九院771所 in CASC 9th Academy) is its affiliate; any other difference is another unit.
    if let (Some(qu), Some(cu)) = (&q.unit, &c.unit) {
        if qu.grouped && cu.grouped {
            if qu.key == cu.key {
                return Some((Method::Normalized, NORMALIZED));
            }
            let inside = qu.key.len() > cu.key.len()
                && qu.key.starts_with(&cu.key)
                && qu.key.as_bytes().get(cu.key.len()) == Some(&b'|');
            return inside.then_some((Method::Affiliate, AFFILIATE));
        }
        if !qu.grouped && !cu.grouped && qu.key == cu.key {
            return Some((Method::Normalized, NORMALIZED));
        }
        // One side gives only the number: the matcher decides with what the whole list knows
        // (a bare number names a unit only if one entry has it).
        return None;
    }
    if !q.key.is_empty() && q.key == c.key {
        return Some((Method::Normalized, NORMALIZED));
    }
    // Spacing only (`SiemensAG` / `Siemens AG`, `Zhongkeshuguang` / `Zhongke Shuguang`).
    if q.spaced_key.len() >= 5 && q.spaced_key == c.spaced_key && !q.has_han() && !c.has_han() {
        return Some((Method::Normalized, NORMALIZED));
    }
    let mut best: Option<(Method, f64)> = None;
    let mut offer = |m: Method, s: f64| {
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((m, s));
        }
    };
    if placeless_equal(q, c) {
        offer(Method::Normalized, PLACELESS);
    }
    if roman_equal(q, c) || roman_equal(c, q) {
        let han = if q.has_han() { q } else { c };
        // Zero distinctive characters: the name is all vocabulary words (四川 + 大学), matched by
        // their renderings, not by a syllable collision.
        if (1..=SHORT_PINYIN_CHARS).contains(&han.han_distinctive_chars) {
            offer(Method::Pinyin, SHORT_PINYIN);
        } else {
            offer(Method::Pinyin, PINYIN);
        }
    }
    if let Some(s) = affiliate(vocab, q, c).or_else(|| {
        if both_ways {
            affiliate(vocab, c, q)
        } else {
            None
        }
    }) {
        offer(Method::Affiliate, s);
    }
    // Tokens are the Latin/digit parts only: with Han on either side they would score a name
    // on its numbers or Latin fragments while ignoring its characters (测试大学159 vs "… 159 Factory").
    let fuzzy = if q.has_han() || c.has_han() {
        0.0
    } else {
        token_score(vocab, &q.tokens, &c.tokens)
    };
    if fuzzy > 0.0 {
        offer(Method::Fuzzy, fuzzy.min(FUZZY_MAX));
    }
    best
}

fn placeless_equal(q: &Name, c: &Name) -> bool {
    // Both sides need distinctive Han content, else 北京工业大学 / 哈尔滨工业大学 would collapse to 工业大学.
    // Only when one side has no place at all: 杭州智谱华章 and 北京智谱华章 are two listed companies.
    (!q.placeless.is_empty() && q.placeless == c.han && c.han_distinctive && c.tokens.is_empty())
        || (!c.placeless.is_empty()
            && c.placeless == q.han
            && q.han_distinctive
            && q.tokens.is_empty())
}

/// `h` (Han) romanises to `l`'s Latin key.
fn roman_equal(h: &Name, l: &Name) -> bool {
    h.has_han() && !l.has_han() && l.key.len() >= 5 && h.roman.iter().any(|(r, _)| *r == l.key)
}

/// `parent` is a listed name and `unit` starts with it (or contains it) plus more: a sub-unit.
pub fn affiliate(vocab: &Vocabulary, unit: &Name, parent: &Name) -> Option<f64> {
    // Han: 四川大学华西医院 ⊃ 四川大学, 哈尔滨工业大学(威海) ⊃ 哈尔滨工业大学.
    if parent.has_han() && parent.tokens.is_empty() && unit.tokens.is_empty() {
        let n = parent.han.chars().count();
        if n >= MIN_HAN_PARENT_CHARS
            && unit.han.len() > parent.han.len()
            && unit.han.starts_with(&parent.han)
        {
            return Some(AFFILIATE);
        }
        return None;
    }
    // Han unit, Latin parent: a romanised prefix ending on a word boundary (四川大学华西医院 → sichuanuniversity…).
    if unit.has_han() && !parent.has_han() {
        let plen = parent.key.len();
        if plen >= MIN_ROMAN_PARENT_LEN
            && (parent.tokens.len() >= 2 || parent.latin_distinctive)
            && unit.roman.iter().any(|(r, ends)| {
                r.len() > plen && ends.contains(&plen) && r.starts_with(&parent.key)
            })
        {
            return Some(AFFILIATE * PINYIN);
        }
        return None;
    }
    // Latin: the parent's tokens as a contiguous run of the unit's tokens.
    let (u, p) = (&unit.tokens, &parent.tokens);
    if p.is_empty() || u.len() <= p.len() || unit.has_han() || parent.has_han() {
        return None;
    }
    // One-word parents are too weak: "Crystalord Systems" is not a unit of "Crystalord Ltd".
    if p.len() < 2 {
        return None;
    }
    // "Tianjin University *of* Technology" continues the name: a different institution, not a unit.
    let continues = |end: usize| unit.stop_after.get(end).copied().unwrap_or(false);
    // A unit adds a campus, place or department (generic words), not a new distinctive word
    // or a number: "Deutsche Bank Trust" and "Management Company 23" are other entities.
    if !u
        .iter()
        .all(|t| p.contains(t) || (vocab.is_generic(t) && !is_number(t)))
    {
        return None;
    }
    if u.starts_with(p) && !continues(p.len() - 1) {
        return Some(AFFILIATE);
    }
    // Inside the name only for distinctive parents: "Southern Sichuan University" is not a unit of Sichuan University.
    if parent.latin_distinctive
        && u.windows(p.len())
            .enumerate()
            .any(|(i, w)| i > 0 && w == p.as_slice() && !continues(i + p.len() - 1))
    {
        return Some(AFFILIATE_INNER);
    }
    None
}

/// Digits or a Roman numeral (`II`, `VIII`, `XII`, `XX`): identifies one of a series. A lone
/// `x` is a letter (L.X.C.), `xi` a pinyin syllable.
fn is_number(t: &str) -> bool {
    t.chars().any(|c| c.is_ascii_digit())
        || (t.len() <= 4
            && t.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
            && (t.contains('i') || t.contains('v') || t.len() >= 2)
            && t != "xi")
}

/// The value of a Roman numeral of up to four letters from i, v, x (`xiv` = 14).
fn roman_value(t: &str) -> Option<u32> {
    let b = t.as_bytes();
    if b.is_empty() || b.len() > 4 {
        return None;
    }
    let digit = |c: u8| match c {
        b'i' => Some(1i32),
        b'v' => Some(5),
        b'x' => Some(10),
        _ => None,
    };
    let mut total = 0i32;
    for k in 0..b.len() {
        let d = digit(b[k])?;
        // A smaller numeral before a larger one is subtracted (ix = 9).
        match b.get(k + 1).map(|&n| digit(n)) {
            Some(None) => return None,
            Some(Some(n)) if n > d => total -= d,
            _ => total += d,
        }
    }
    u32::try_from(total).ok().filter(|&n| n > 0)
}

/// Every number of the name follows a series word (`… Trust 2004-1`, `… Partners VII`): the
/// numbers are series numbers of a pooled vehicle, not the identity of an organisation.
fn series_numbers(vocab: &Vocabulary, ts: &[String]) -> bool {
    match ts.iter().position(|t| vocab.is_series(t)) {
        Some(k) => ts[..k].iter().all(|t| !is_number(t)) && ts[k..].iter().any(|t| is_number(t)),
        None => false,
    }
}

/// Tokens that initial `acronym` (≥ 2 letters, no digits), as a run of `len(acronym)` unused
/// tokens of `ts`: the start of the run.
fn acronym_run(acronym: &str, ts: &[String], used: &[bool]) -> Option<usize> {
    let n = acronym.len();
    if !(2..=6).contains(&n)
        || !acronym.bytes().all(|b| b.is_ascii_lowercase())
        || is_number(acronym)
    {
        return None;
    }
    (0..=ts.len().checked_sub(n)?).find(|&i| {
        (i..i + n).all(|k| !used[k])
            && ts[i..i + n]
                .iter()
                .zip(acronym.bytes())
                .all(|(t, b)| t.as_bytes().first() == Some(&b))
    })
}

fn weight(vocab: &Vocabulary, t: &str) -> f64 {
    if is_number(t) {
        NUMBER_WEIGHT
    } else if vocab.is_generic(t) {
        GENERIC_WEIGHT
    } else if t.chars().count() <= 2 {
        0.6
    } else {
        1.0
    }
}

/// Similarity of two tokens: 1 if equal; else a per-side edit similarity with a length-dependent
/// edit budget and a cliff (rigour `compare_parts`); short tokens and numbers must be equal.
pub fn token_similarity(a: &str, b: &str) -> f64 {
    if a == b {
        return 1.0;
    }
    // A plural is the same word (Moore Threads / Moore Thread).
    if a.len() >= 5
        && b.len() >= 5
        && (a.strip_suffix('s') == Some(b) || b.strip_suffix('s') == Some(a))
    {
        return 0.95;
    }
    if is_number(a) || is_number(b) {
        return 0.0;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let shorter = la.min(lb);
    if shorter <= 3 {
        return 0.0;
    }
    // log_{2.35}(len − 2) (rigour's cliff), but at least one edit from 4 chars: 2 from 8, 3 from 15.
    let budget = (((shorter as f64 - 2.0).max(1.0).ln() / 2.35f64.ln()).floor() as usize).max(1);
    if la.abs_diff(lb) > budget {
        return 0.0;
    }
    match bounded_levenshtein(a, b, budget) {
        Some(d) if d <= budget => 1.0 - d as f64 / ((la + lb) as f64 / 2.0),
        _ => 0.0,
    }
}

/// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions: Appel/Apple),
/// or None once it must exceed `max`. Tokens are short: rows live on the stack, no allocation.
pub(crate) fn bounded_levenshtein(a: &str, b: &str, max: usize) -> Option<usize> {
    const CAP: usize = 48;
    let mut ab = ['\0'; CAP];
    let mut bb = ['\0'; CAP];
    let (mut la, mut lb) = (0, 0);
    for c in a.chars() {
        if la == CAP {
            return None;
        }
        ab[la] = c;
        la += 1;
    }
    for c in b.chars() {
        if lb == CAP {
            return None;
        }
        bb[lb] = c;
        lb += 1;
    }
    let (a, b) = (&ab[..la], &bb[..lb]);
    let mut prev2 = [0usize; CAP + 1];
    let mut prev = [0usize; CAP + 1];
    let mut cur = [0usize; CAP + 1];
    for (j, p) in prev.iter_mut().enumerate().take(lb + 1) {
        *p = j;
    }
    for i in 1..=la {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=lb {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(prev2[j - 2] + 1);
            }
            cur[j] = d;
            row_min = row_min.min(d);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    Some(prev[lb])
}

/// Token-level score: greedy best alignment, weighted by how much identity each token carries,
/// with unmatched tokens on either side pulling the score down. Zero unless a distinctive token
/// matched: generic words and places never make a match alone.
pub fn token_score(vocab: &Vocabulary, q: &[String], c: &[String]) -> f64 {
    if q.is_empty() || c.is_empty() {
        return 0.0;
    }
    // A Roman numeral right after a series word is the series number, read as digits (Fund X =
    // Fund 10): `x` alone is otherwise a letter and `xi` a pinyin syllable.
    let numeral_after_series = |ts: &[String]| {
        ts.windows(2)
            .any(|w| roman_value(&w[1]).is_some() && vocab.is_series(&w[0]))
    };
    if numeral_after_series(q) || numeral_after_series(c) {
        let read = |ts: &[String]| -> Vec<String> {
            ts.iter()
                .enumerate()
                .map(|(i, t)| match roman_value(t) {
                    Some(v) if i > 0 && vocab.is_series(&ts[i - 1]) => v.to_string(),
                    _ => t.clone(),
                })
                .collect()
        };
        return token_score(vocab, &read(q), &read(c));
    }
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, a) in q.iter().enumerate() {
        for (j, b) in c.iter().enumerate() {
            let s = token_similarity(a, b);
            if s > 0.0 {
                pairs.push((s, i, j));
            }
        }
    }
    // Numbers must agree when both sides have them: "Institute 32" is not "Institute 33".
    fn numbers(ts: &[String]) -> Vec<&str> {
        let mut n: Vec<&str> = ts
            .iter()
            .filter(|t| is_number(t))
            .map(String::as_str)
            .collect();
        n.sort_unstable();
        n.dedup();
        n
    }
    let (qn, cn) = (numbers(q), numbers(c));
    if !qn.is_empty() && !cn.is_empty() && qn != cn {
        // Except series numbers of one fund or trust (Trust 2004-1 / 2004-2): the rest of the
        // name decides, and the result stays below the identity line.
        if series_numbers(vocab, q) && series_numbers(vocab, c) {
            let rest = |ts: &[String]| -> Vec<String> {
                ts.iter().filter(|t| !is_number(t)).cloned().collect()
            };
            return (SERIES_MEMBER * token_score(vocab, &rest(q), &rest(c))).min(SERIES_MAX);
        }
        return 0.0;
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0));
    let mut q_used = vec![false; q.len()];
    let mut c_used = vec![false; c.len()];
    let (mut num, mut den) = (0.0, 0.0);
    let mut distinctive = false;
    for (s, i, j) in pairs {
        if q_used[i] || c_used[j] {
            continue;
        }
        q_used[i] = true;
        c_used[j] = true;
        let w = weight(vocab, &q[i]).max(weight(vocab, &c[j]));
        num += s * w;
        den += w;
        // A number or a generic word alone never makes a match.
        distinctive |= !vocab.is_generic(&q[i])
            && !vocab.is_generic(&c[j])
            && !is_number(&q[i])
            && !is_number(&c[j]);
    }
    // An acronym left over on one side and a run of words with those initials on the other
    // (U.S. / United States, PLA / People's Liberation Army). Two letters are initials of too
    // many names to decide alone: they need a word matched beside them.
    let matched_any = q_used.iter().any(|u| *u);
    let mut by_acronym = false;
    for flip in [false, true] {
        let (short, long, s_used, l_used) = if flip {
            (c, q, &mut c_used, &mut q_used)
        } else {
            (q, c, &mut q_used, &mut c_used)
        };
        for (i, a) in short.iter().enumerate() {
            if s_used[i] || (a.len() < 3 && !matched_any) {
                continue;
            }
            if let Some(k) = acronym_run(a, long, l_used) {
                let run = &long[k..k + a.len()];
                let w: f64 = run.iter().map(|t| weight(vocab, t)).sum();
                num += ACRONYM * w;
                den += w;
                distinctive |= run.iter().any(|t| !vocab.is_generic(t));
                s_used[i] = true;
                l_used[k..k + a.len()].iter_mut().for_each(|u| *u = true);
                by_acronym = true;
            }
        }
    }
    if !distinctive {
        return 0.0;
    }
    // Tokens left over on both sides disagree (a substitution), which says more than a word
    // merely missing on one side.
    let both_extra = q_used.iter().any(|u| !u) && c_used.iter().any(|u| !u);
    let extra = if both_extra {
        SUBSTITUTION_WEIGHT
    } else {
        EXTRA_WEIGHT
    };
    for (i, t) in q.iter().enumerate() {
        if !q_used[i] {
            den += extra * weight(vocab, t);
        }
    }
    // Words the listed name has and the page lacks weigh less (logic-v2 `nm_extra_result_name`):
    // pages shorten names more often than they lengthen them.
    let c_extra = if both_extra {
        SUBSTITUTION_WEIGHT
    } else {
        LISTED_EXTRA_WEIGHT
    };
    for (j, t) in c.iter().enumerate() {
        if !c_used[j] {
            den += c_extra * weight(vocab, t);
        }
    }
    // Different places left over on both sides: branches in different cities (Huawei Cloud
    // Shenzhen / Shanghai) are different entities.
    let q_place = q
        .iter()
        .enumerate()
        .any(|(i, t)| !q_used[i] && vocab.is_place(t));
    let c_place = c
        .iter()
        .enumerate()
        .any(|(j, t)| !c_used[j] && vocab.is_place(t));
    let penalty = if q_place && c_place {
        PLACE_MISMATCH
    } else {
        1.0
    };
    let ceiling = if by_acronym { ACRONYM_MAX } else { 1.0 };
    if den == 0.0 {
        0.0
    } else {
        (penalty * num / den).min(ceiling)
    }
}

/// A listed spelling derived by dropping a parenthesised place (`Bank of China (Singapore)` →
/// `Bank of China`) must not match a name that names another place (`… Hong Kong`).
pub fn dropped_place_conflict(vocab: &Vocabulary, q: &Name, c: &Name, dropped: &[String]) -> bool {
    !dropped.is_empty()
        && q.tokens
            .iter()
            .any(|t| vocab.is_place(t) && !c.tokens.contains(t) && !dropped.contains(t))
        && !q.tokens.iter().any(|t| dropped.contains(t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::compare_names;

    fn score(a: &str, b: &str) -> f64 {
        compare_names(&Vocabulary::bundled(), a, b).map_or(0.0, |(_, s)| s)
    }

    #[test]
    fn series_members_of_one_fund_or_trust_score_for_review() {
        let pairs = [
            "Northgate Mortgage Trust 2011-1",
            "Northgate Mortgage Trust 2011-2",
        ];
        assert_eq!(score(pairs[0], pairs[1]), SERIES_MAX);
        assert_eq!(
            score("Kestrel Growth Fund X", "Kestrel Growth Fund XI"),
            0.75
        );
        // Fund X is Fund 10: the same series, a token match capped below equality.
        assert_eq!(
            score("Kestrel Growth Fund X", "Kestrel Growth Fund 10"),
            FUZZY_MAX
        );
    }

    #[test]
    fn identifying_numbers_still_must_agree() {
        // Before the series word the number names the organisation; no series word at all.
        assert_eq!(
            score("Kestrel 12 Growth Fund", "Kestrel 14 Growth Fund"),
            0.0
        );
        assert_eq!(score("Kestrel Institute 32", "Kestrel Institute 33"), 0.0);
        assert_eq!(score("Three Gorges Group", "Five Gorges Group"), 0.0);
    }

    #[test]
    fn roman_numerals_read_as_values() {
        assert_eq!(roman_value("x"), Some(10));
        assert_eq!(roman_value("xiv"), Some(14));
        assert_eq!(roman_value("ix"), Some(9));
        assert_eq!(roman_value("viii"), Some(8));
        assert_eq!(roman_value("fund"), None);
        assert_eq!(roman_value(""), None);
    }

    #[test]
    fn legal_forms_of_different_kinds_lower_the_match() {
        // Two company forms: review level, below the identity line.
        assert_eq!(
            score("Nordwind Logistik GmbH", "Nordwind Logistik AG"),
            0.76
        );
        // A non-profit is never a company: below the threshold.
        assert_eq!(
            score("Nordwind Logistik ANO", "Nordwind Logistik LLC"),
            0.665
        );
        assert_eq!(
            score("Nordwind Logistik OOO", "Nordwind Logistik LLC"),
            NORMALIZED
        );
    }

    #[test]
    fn a_long_legal_form_misspelt_by_one_letter_is_that_form() {
        assert_eq!(
            score(
                "Nordwind Logistik Aktiengesellchaft",
                "Nordwind Logistik AG"
            ),
            NORMALIZED
        );
        // Two edits from `corporation`: a word of the name, not a legal form.
        assert_eq!(score("Nordwind Cooperation", "Nordwind Corporation"), 0.556);
    }

    #[test]
    fn acronyms_match_the_run_of_words_they_initial() {
        assert_eq!(score("PLA", "People's Liberation Army"), ACRONYM_MAX);
        assert_eq!(
            score(
                "US Department of Energy",
                "United States Department of Energy"
            ),
            ACRONYM_MAX
        );
        // Two letters alone are the initials of too many names.
        assert_eq!(score("US", "United States"), 0.0);
    }

    #[test]
    fn number_words_are_digits() {
        assert_eq!(score("Three Gorges", "3 Gorges"), NORMALIZED);
    }
}
