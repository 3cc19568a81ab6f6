//! Organisation names against watchlist entries: normalisation, a candidate index, scoring and
//! the affiliate rule. Learned from OpenSanctions (rigour / nomenklatura), extended for Chinese:
//! Han names via the zh overlay, via pinyin, and sub-units by prefix.
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, MatchKind};
use rayon::prelude::*;

use crate::model::{Hit, Method, Notice, Role};
use crate::watchlist::{Entry, Watchlist};

mod index;
pub mod normalize;
pub mod score;
pub mod units;

use index::{HashIndex, Tokens};
pub use normalize::{Name, Vocabulary, analyse};
pub use score::THRESHOLD;

/// Candidates scored per name from token blocking (nomenklatura keeps ≤ 75; our lists are small).
const MAX_TOKEN_CANDIDATES: usize = 24;
/// Tokens in more than this many names are not used for blocking (dynamic stop words).
const MAX_POSTINGS: usize = 400;
/// Score of a listed Chinese name found verbatim in running text: the name is there, but its
/// role (buyer? a reference?) is unknown, so below a field match.
const TEXT_SCORE: f64 = 0.90;
/// Longest token given one-deletion variants: the edit distance works on tokens up to 48 chars
/// (`score::bounded_levenshtein`), and a 20,000-char token would otherwise make 20,000 variants
/// of 20,000 chars each (quadratic index building).
const MAX_FUZZY_TOKEN_CHARS: usize = 48;
/// Shortest Han alias searched for in running text (shorter ones occur inside other words).
const MIN_TEXT_ALIAS_CHARS: usize = 4;
/// Entries analysed per parallel batch while building: bounds the analysed names held at once.
const BUILD_BATCH: usize = 8192;
/// Entries whose spellings share one set of buffers (a few allocations per chunk instead of
/// four per entry, freed by the thread that fills the index).
const BUILD_CHUNK: usize = 128;

/// Token lengths (chars) that get one-deletion variants.
fn fuzzy_len(chars: usize) -> bool {
    (5..=MAX_FUZZY_TOKEN_CHARS).contains(&chars)
}

/// One searchable name of an entry. Its analysed `Name` is not kept from the build (at a
/// million rows that would be gigabytes): it is computed again when the alias is first scored.
#[derive(Debug, Clone, Copy)]
struct AliasRecord {
    entry: u32,
    text: AliasText,
    primary: bool,
    /// Derived by dropping a parenthesised place: a different company by naming practice.
    place_dropped: bool,
    /// A short form from `abbreviations.csv`: matched as a whole name only.
    abbrev: Option<AbbrevKind>,
}

/// Where an alias's text lives.
#[derive(Debug, Clone, Copy)]
enum AliasText {
    /// The entry's name (0) or alias `n - 1`, cut to `MAX_NAME_CHARS`.
    Listed(u32),
    /// The entry's abbreviation `n`.
    Abbrev(u32),
    /// A spelling derived from a listed name (`Matcher::derived`).
    Derived(u32),
}

/// How far an abbreviation may be trusted (its row's caution).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AbbrevKind {
    /// No caution: a whole-name match is the entity.
    Plain,
    /// Ambiguous inside longer words, which whole-name matching already rules out.
    Caution,
    /// Ambiguous as a whole name too (南航, 天大): shown for review only.
    ReviewOnly,
}

/// An index over a watchlist, ready to screen names.
pub struct Matcher {
    watchlist: Watchlist,
    vocab: Arc<Vocabulary>,
    aliases: Vec<AliasRecord>,
    /// Alias → its analysed name, computed on first use.
    names: LazyNames,
    /// Derived spellings: text and the places dropped from the listed name.
    derived: Vec<(Box<str>, Box<[String]>)>,
    /// Entry → range of its aliases in `aliases` (pushed contiguously).
    entry_alias_start: Vec<u32>,
    /// Entry → it has a Chinese name: then a Chinese query is judged by the characters only.
    entry_has_han: Vec<bool>,
    /// Folded text (`Name::raw`) → aliases.
    by_raw: HashIndex,
    /// Normalised key → aliases.
    by_key: HashIndex,
    /// Han without leading places → aliases.
    by_placeless: HashIndex,
    /// Tokens: postings and edit-distance blocking.
    tokens: Tokens,
    /// Han aliases long enough to be searched for in running text.
    text_aliases: Vec<u32>,
    /// The automaton over `text_aliases` (and their pattern → alias ids), built on the first
    /// notice: lookups and comparisons never need it, and over a million-row list it is most of
    /// the index's memory.
    text_search: OnceLock<Option<(AhoCorasick, Vec<u32>)>>,
    /// Numbered-unit reading (`cetc|I32`) → aliases.
    by_unit: HashMap<String, Vec<u32>>,
    /// Unit reading without the group (`I32`) → aliases, for names that give only the number.
    by_bare_unit: HashMap<String, Vec<u32>>,
    /// Innermost unit level (`I32`) → the one entry that has it; absent when several do.
    unique_bare_unit: HashMap<String, usize>,
}

/// Alias → its analysed name, in blocks allocated when an alias of the block is first scored:
/// a lookup touches a few blocks, and a million-row list would otherwise hold tens of MB of
/// empty cells from the end of the build on.
#[derive(Default)]
struct LazyNames {
    blocks: Vec<OnceLock<NameBlock>>,
    len: usize,
}

/// One block of `LazyNames`: a cell per alias, filled when that alias is first scored.
type NameBlock = Box<[OnceLock<Box<Name>>]>;

/// Aliases per `LazyNames` block.
const NAMES_BLOCK: usize = 1024;

impl LazyNames {
    fn new(len: usize) -> Self {
        LazyNames {
            blocks: (0..len.div_ceil(NAMES_BLOCK))
                .map(|_| OnceLock::new())
                .collect(),
            len,
        }
    }

    /// The cell of alias `i` (`i` < the number of aliases).
    fn get(&self, i: usize) -> &OnceLock<Box<Name>> {
        let block = self.blocks[i / NAMES_BLOCK].get_or_init(|| {
            let n = NAMES_BLOCK.min(self.len - i / NAMES_BLOCK * NAMES_BLOCK);
            (0..n).map(|_| OnceLock::new()).collect()
        });
        &block[i % NAMES_BLOCK]
    }
}

/// One-character deletions of a token (SymSpell-style blocking for typos).
fn deletion_variants(token: &str) -> Vec<String> {
    let chars: Vec<char> = token.chars().collect();
    (0..chars.len())
        .map(|i| {
            chars
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(_, c)| *c)
                .collect()
        })
        .collect()
}

/// `s` cut to `MAX_NAME_CHARS`: a run-on list field must not make building the index quadratic
/// (every later step, including the Chinese conversion, sees the cut).
fn cut(s: &str) -> &str {
    normalize::cut_name(s)
}

/// What the index needs of one alias, computed in parallel; the analysed name is dropped.
struct Spelling {
    record: AliasRecord,
    /// Text and dropped places of a derived spelling.
    derived: Option<(String, Vec<String>)>,
    raw: u32,
    key: u32,
    placeless: Option<u32>,
    unit: Option<units::Unit>,
    has_han: bool,
    /// Distinct non-generic tokens, in order: a range of `Spellings::token_ends`.
    tokens: std::ops::Range<usize>,
    /// Searched for in running text.
    text: bool,
}

/// The spellings of a run of entries, their tokens concatenated (one allocation, not one per
/// token or entry).
#[derive(Default)]
struct Spellings {
    list: Vec<Spelling>,
    /// Entry → end of its spellings in `list`.
    entry_ends: Vec<usize>,
    token_text: String,
    token_ends: Vec<usize>,
    /// `index::table_hash` of each token, computed here so that the sequential interning
    /// does not hash.
    token_hashes: Vec<u64>,
}

impl Spellings {
    /// The tokens of spelling `s`.
    fn tokens(&self, s: &Spelling) -> impl Iterator<Item = (&str, u64)> + '_ {
        s.tokens.clone().map(|k| {
            let start = if k == 0 { 0 } else { self.token_ends[k - 1] };
            (
                &self.token_text[start..self.token_ends[k]],
                self.token_hashes[k],
            )
        })
    }

    /// Add a spelling with the distinct non-generic ones of `tokens`.
    fn push<'t>(
        &mut self,
        vocab: &Vocabulary,
        mut spelling: Spelling,
        tokens: impl Iterator<Item = &'t str>,
    ) {
        let first = self.token_ends.len();
        for t in tokens {
            let seen = (first..self.token_ends.len()).any(|k| {
                let start = if k == 0 { 0 } else { self.token_ends[k - 1] };
                &self.token_text[start..self.token_ends[k]] == t
            });
            if !vocab.is_generic(t) && !seen {
                self.token_text.push_str(t);
                self.token_ends.push(self.token_text.len());
                self.token_hashes.push(index::table_hash(t));
            }
        }
        spelling.tokens = first..self.token_ends.len();
        self.list.push(spelling);
    }
}

/// Buffers reused by the analysis of every entry a build thread handles.
#[derive(Default)]
struct BuildScratch {
    name: normalize::Scratch,
    /// `Name::raw` of the spellings of the current entry, concatenated, to drop repeats.
    raws: String,
    raw_ends: Vec<usize>,
}

impl BuildScratch {
    /// True if `raw` was already seen in this entry; else remembers it.
    fn repeated(&mut self, raw: &str) -> bool {
        let mut start = 0;
        for &end in &self.raw_ends {
            if &self.raws[start..end] == raw {
                return true;
            }
            start = end;
        }
        self.raws.push_str(raw);
        self.raw_ends.push(self.raws.len());
        false
    }
}

/// True if the folded text has enough Han chars to be searched for in running text.
fn searched_in_text(folded: &str) -> bool {
    folded.chars().filter(|c| normalize::is_han(*c)).count() >= MIN_TEXT_ALIAS_CHARS
}

/// Add the spellings of one entry to `out`, in the order the index numbers them: the listed
/// names from the last alias to the name, then the spellings derived from each
/// (`listed_variants`).
fn entry_spellings(
    vocab: &Vocabulary,
    i: usize,
    e: &Entry,
    b: &mut BuildScratch,
    out: &mut Spellings,
) {
    let entry = i as u32;
    b.raws.clear();
    b.raw_ends.clear();
    let names = std::iter::once((cut(&e.name), AliasText::Listed(0), true)).chain(
        e.aliases
            .iter()
            .enumerate()
            .map(|(k, a)| (cut(a), AliasText::Listed(k as u32 + 1), false)),
    );
    // Each listed spelling is analysed once, into reused buffers (the analysis is most of the
    // cost of building). The index needs no romanised spellings (they are computed with the
    // full `Name` when an alias is first scored): the fields it hashes are the same.
    let listed: Vec<_> = names.collect();
    for &(text, at, primary) in listed.iter().rev() {
        normalize::analyse_into(vocab, text, &mut b.name);
        let n = &b.name;
        if n.key.is_empty() {
            continue;
        }
        let (raw, key) = (index::hash(&n.raw), index::hash(&n.key));
        let placeless = (!n.placeless.is_empty()).then(|| index::hash(&n.placeless));
        let has_han = n.has_han();
        let text_searched = has_han && searched_in_text(&n.folded);
        let raw_text = std::mem::take(&mut b.name.raw);
        let repeated = b.repeated(&raw_text);
        b.name.raw = raw_text;
        if repeated {
            continue;
        }
        let n = &mut b.name;
        let spelling = Spelling {
            record: AliasRecord {
                entry,
                text: at,
                primary,
                place_dropped: false,
                abbrev: None,
            },
            derived: None,
            raw,
            key,
            placeless,
            unit: n.unit.take(),
            has_han,
            tokens: 0..0,
            text: text_searched,
        };
        out.push(vocab, spelling, n.tokens());
    }
    for &(text, _, _) in &listed {
        let variants = normalize::listed_variants(text);
        if variants.is_empty() {
            continue;
        }
        let full = normalize::analyse_with(vocab, text, false);
        let place_dropped = normalize::has_place_parenthetical(vocab, text);
        for v in variants {
            let mut vn = normalize::analyse_with(vocab, &v, false);
            if vn.key.is_empty() || b.repeated(&vn.raw) {
                continue;
            }
            let dropped = normalize::dropped_places(vocab, &full, &vn);
            let text_searched = vn.has_han() && searched_in_text(&normalize::fold(&v));
            let spelling = Spelling {
                record: AliasRecord {
                    entry,
                    text: AliasText::Derived(0),
                    primary: false,
                    place_dropped,
                    abbrev: None,
                },
                raw: index::hash(&vn.raw),
                key: index::hash(&vn.key),
                placeless: (!vn.placeless.is_empty()).then(|| index::hash(&vn.placeless)),
                unit: vn.unit.take(),
                has_han: vn.has_han(),
                tokens: 0..0,
                text: text_searched,
                derived: Some((v, dropped)),
            };
            out.push(vocab, spelling, vn.tokens.iter().map(String::as_str));
        }
    }
    for (k, ab) in e.abbreviations.iter().enumerate() {
        let name = analyse_abbreviation(vocab, &ab.text);
        if name.key.is_empty() {
            continue;
        }
        let kind = if ab.review_only() {
            AbbrevKind::ReviewOnly
        } else if ab.caution.is_empty() {
            AbbrevKind::Plain
        } else {
            AbbrevKind::Caution
        };
        out.list.push(Spelling {
            record: AliasRecord {
                entry,
                text: AliasText::Abbrev(k as u32),
                primary: false,
                place_dropped: false,
                abbrev: Some(kind),
            },
            derived: None,
            raw: index::hash(&name.raw),
            key: index::hash(&name.key),
            placeless: None,
            unit: None,
            has_han: name.has_han(),
            tokens: 0..0,
            text: false,
        });
    }
    out.entry_ends.push(out.list.len());
}

/// An abbreviation analysed: a short form is not a unit name (九院 also names hospitals).
fn analyse_abbreviation(vocab: &Vocabulary, text: &str) -> Name {
    let mut name = analyse(vocab, text);
    name.unit = None;
    name
}

impl Matcher {
    /// Build the index with the bundled vocabulary.
    pub fn new(watchlist: Watchlist) -> Self {
        Self::with_vocabulary(watchlist, Vocabulary::bundled())
    }

    /// Build the index with a vocabulary read from a watchlists directory.
    pub fn with_vocabulary(watchlist: Watchlist, vocab: Vocabulary) -> Self {
        let vocab = Arc::new(vocab);
        let mut m = Matcher {
            watchlist: Watchlist::default(),
            vocab,
            aliases: Vec::new(),
            names: LazyNames::default(),
            derived: Vec::new(),
            entry_alias_start: Vec::with_capacity(watchlist.entries.len() + 1),
            entry_has_han: vec![false; watchlist.entries.len()],
            by_raw: HashIndex::default(),
            by_key: HashIndex::default(),
            by_placeless: HashIndex::default(),
            tokens: Tokens::default(),
            text_aliases: Vec::new(),
            text_search: OnceLock::new(),
            by_unit: HashMap::new(),
            by_bare_unit: HashMap::new(),
            unique_bare_unit: HashMap::new(),
        };
        let (mut raw_cells, mut key_cells, mut placeless_cells) =
            (Vec::new(), Vec::new(), Vec::new());
        // Analysis runs in parallel batches; the index is filled in entry order, so alias and
        // token ids are the same as a sequential build's.
        for (b, batch) in watchlist.entries.chunks(BUILD_BATCH).enumerate() {
            let vocab = &*m.vocab;
            let analysed: Vec<Spellings> = batch
                .par_chunks(BUILD_CHUNK)
                .enumerate()
                .map_init(BuildScratch::default, |scratch, (c, chunk)| {
                    let mut out = Spellings::default();
                    for (k, e) in chunk.iter().enumerate() {
                        let i = b * BUILD_BATCH + c * BUILD_CHUNK + k;
                        entry_spellings(vocab, i, e, scratch, &mut out);
                    }
                    out
                })
                .collect();
            for spellings in analysed {
                let Spellings {
                    list,
                    entry_ends,
                    token_text,
                    token_ends,
                    token_hashes,
                } = spellings;
                let all = Spellings {
                    list: Vec::new(),
                    entry_ends: Vec::new(),
                    token_text,
                    token_ends,
                    token_hashes,
                };
                let mut list = list.into_iter();
                let mut start = 0;
                for end in entry_ends {
                    m.entry_alias_start.push(m.aliases.len() as u32);
                    for mut s in list.by_ref().take(end - start) {
                        let id = m.aliases.len() as u32;
                        let mut record = s.record;
                        if let Some((text, dropped)) = s.derived.take() {
                            record.text = AliasText::Derived(m.derived.len() as u32);
                            m.derived
                                .push((text.into_boxed_str(), dropped.into_boxed_slice()));
                        }
                        m.aliases.push(record);
                        raw_cells.push(HashIndex::cell(s.raw, id));
                        key_cells.push(HashIndex::cell(s.key, id));
                        if record.abbrev.is_some() {
                            // Whole-name lookups only: no token blocking, no running-text search.
                            continue;
                        }
                        if s.has_han {
                            m.entry_has_han[record.entry as usize] = true;
                        }
                        if let Some(u) = s.unit.take() {
                            m.by_bare_unit
                                .entry(u.last().to_string())
                                .or_default()
                                .push(id);
                            m.by_unit.entry(u.key).or_default().push(id);
                        }
                        if let Some(h) = s.placeless {
                            placeless_cells.push(HashIndex::cell(h, id));
                        }
                        for (t, h) in all.tokens(&s) {
                            m.tokens.post_hashed(t, h, id);
                        }
                        if s.text {
                            m.text_aliases.push(id);
                        }
                    }
                    start = end;
                }
            }
        }
        m.entry_alias_start.push(m.aliases.len() as u32);
        m.watchlist = watchlist;
        m.by_raw = HashIndex::build(raw_cells);
        m.by_key = HashIndex::build(key_cells);
        m.by_placeless = HashIndex::build(placeless_cells);
        m.tokens.finish(fuzzy_len);
        m.names = LazyNames::new(m.aliases.len());
        m.aliases.shrink_to_fit();
        m.derived.shrink_to_fit();
        m.text_aliases.shrink_to_fit();
        for (last, ids) in &m.by_bare_unit {
            let first = ids.first().map(|&i| m.aliases[i as usize].entry as usize);
            if let Some(e) = first.filter(|&e| {
                ids.iter()
                    .all(|&i| m.aliases[i as usize].entry as usize == e)
            }) {
                m.unique_bare_unit.insert(last.clone(), e);
            }
        }
        m
    }

    /// The running-text automaton (built on first use).
    fn text_search(&self) -> Option<&(AhoCorasick, Vec<u32>)> {
        self.text_search
            .get_or_init(|| {
                let mut patterns = Vec::new();
                let mut ids = Vec::new();
                for &id in &self.text_aliases {
                    let folded = normalize::fold(self.alias_text(&self.aliases[id as usize]));
                    // Pages write brackets full width as often as not: search both spellings
                    // rather than folding every page's text.
                    let full_width = folded.replace('(', "（").replace(')', "）");
                    if full_width != folded {
                        patterns.push(full_width);
                        ids.push(id);
                    }
                    patterns.push(folded);
                    ids.push(id);
                }
                if patterns.is_empty() {
                    return None;
                }
                match AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .ascii_case_insensitive(true)
                    .build(&patterns)
                {
                    Ok(ac) => Some((ac, ids)),
                    Err(err) => {
                        tracing::warn!("Chinese names will not be searched in running text: {err}");
                        None
                    }
                }
            })
            .as_ref()
    }

    /// The text of an alias (the listed spelling, cut to `MAX_NAME_CHARS`).
    fn alias_text(&self, a: &AliasRecord) -> &str {
        let e = &self.watchlist.entries[a.entry as usize];
        match a.text {
            AliasText::Listed(0) => cut(&e.name),
            AliasText::Listed(k) => e.aliases.get(k as usize - 1).map_or("", |s| cut(s)),
            AliasText::Abbrev(k) => e.abbreviations.get(k as usize).map_or("", |ab| &ab.text),
            AliasText::Derived(d) => self.derived.get(d as usize).map_or("", |(t, _)| t),
        }
    }

    /// Places dropped when this spelling was derived from a parenthesised listed name.
    fn dropped_places(&self, a: &AliasRecord) -> &[String] {
        match a.text {
            AliasText::Derived(d) => self.derived.get(d as usize).map_or(&[], |(_, p)| p),
            _ => &[],
        }
    }

    /// The analysed name of alias `id` (analysed on first use, then kept).
    fn name(&self, id: u32) -> &Name {
        self.names.get(id as usize).get_or_init(|| {
            let a = &self.aliases[id as usize];
            let text = self.alias_text(a);
            Box::new(if a.abbrev.is_some() {
                analyse_abbreviation(&self.vocab, text)
            } else {
                analyse(&self.vocab, text)
            })
        })
    }

    /// Aliases under `hash` in `index` whose `field` really is `key`.
    fn lookup<'a>(
        &'a self,
        index: &'a HashIndex,
        key: &'a str,
        field: fn(&Name) -> &str,
    ) -> impl Iterator<Item = u32> + 'a {
        index
            .get(index::hash(key))
            .filter(move |&id| field(self.name(id)) == key)
    }

    /// Aliases whose folded text is `raw`.
    fn by_raw<'a>(&'a self, raw: &'a str) -> impl Iterator<Item = u32> + 'a {
        self.lookup(&self.by_raw, raw, |n| n.raw.as_str())
    }

    /// Aliases whose normalised key is `key`.
    fn by_key<'a>(&'a self, key: &'a str) -> impl Iterator<Item = u32> + 'a {
        self.lookup(&self.by_key, key, |n| n.key.as_str())
    }

    /// Aliases whose placeless Han is `han`.
    fn by_placeless<'a>(&'a self, han: &'a str) -> impl Iterator<Item = u32> + 'a {
        self.lookup(&self.by_placeless, han, |n| n.placeless.as_str())
    }

    /// Score a name against one alias, minding places dropped from a derived spelling.
    fn score_alias(&self, q: &Name, id: u32) -> Option<(Method, f64)> {
        let alias = &self.aliases[id as usize];
        let name = self.name(id);
        let entry = alias.entry as usize;
        if let Some(kind) = alias.abbrev {
            return score_abbreviation(q, name, kind);
        }
        // Numbered units: the same reading is the same unit in any script; a different reading
        // (another number or group) is another unit, whatever else the names share.
        if let (Some(qu), Some(au)) = (&q.unit, &name.unit) {
            // A bare number (32所) only when one listed entry has it: every group reuses
            // small numbers (13所 is CETC 13 and CASC 9th Academy 13).
            if !qu.grouped {
                let unique =
                    qu.bare == au.last() && self.unique_bare_unit.get(&qu.bare) == Some(&entry);
                return unique.then_some((Method::Normalized, score::BARE_UNIT));
            }
        }
        // A numbered unit's Chinese name romanised must not make it a sub-unit of a Latin name
        // (中国电子科技… is not "China Electronics Corporation"); the readings or the characters decide.
        if q.unit.as_ref().is_some_and(|u| u.grouped) && q.has_han() && !name.has_han() {
            return None;
        }
        // When both sides have Chinese characters, the characters decide: 深圳华威 must not
        // reach Huawei (华为) through the shared toneless pinyin of its English name.
        if q.has_han() && !name.has_han() && self.entry_has_han.get(entry).copied().unwrap_or(false)
        {
            return None;
        }
        let (m, s) = score::score_pair(&self.vocab, q, name, false)?;
        let (m, s) = if alias.place_dropped && s > score::PLACE_DROPPED_MAX {
            (
                if m == Method::Exact {
                    Method::Normalized
                } else {
                    m
                },
                score::PLACE_DROPPED_MAX,
            )
        } else {
            (m, s)
        };
        if score::dropped_place_conflict(&self.vocab, q, name, self.dropped_places(alias)) {
            let s = s * score::PLACE_MISMATCH;
            return (s > 0.0).then_some((
                if m == Method::Exact {
                    Method::Normalized
                } else {
                    m
                },
                s,
            ));
        }
        Some((m, s))
    }

    /// The alias ids of entry `e`.
    fn entry_aliases(&self, e: usize) -> std::ops::Range<u32> {
        match (
            self.entry_alias_start.get(e),
            self.entry_alias_start.get(e + 1),
        ) {
            (Some(&a), Some(&b)) => a..b,
            _ => 0..0,
        }
    }

    /// Number of entries indexed.
    pub fn len(&self) -> usize {
        self.watchlist.entries.len()
    }

    /// True if no entries are loaded.
    pub fn is_empty(&self) -> bool {
        self.watchlist.entries.is_empty()
    }

    /// The vocabulary in use.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocab
    }

    /// The indexed watchlist.
    pub fn watchlist(&self) -> &Watchlist {
        &self.watchlist
    }

    /// Aliases worth scoring for `q`: equal keys, sub-unit prefixes and token blocking.
    fn candidates(&self, q: &Name) -> Vec<u32> {
        let mut out: Vec<u32> = Vec::new();
        out.extend(self.by_raw(&q.raw));
        out.extend(self.by_key(&q.key));
        if let Some(u) = &q.unit {
            let mut take = |ids: Option<&Vec<u32>>| {
                if let Some(ids) = ids {
                    out.extend_from_slice(ids);
                }
            };
            if u.grouped {
                take(self.by_unit.get(&u.key));
            } else if !u.bare.contains('|') && !u.bare.starts_with('A') {
                take(self.by_bare_unit.get(&u.bare));
            }
        }
        if q.has_han() {
            out.extend(self.by_placeless(&q.han));
            if !q.placeless.is_empty() {
                out.extend(self.by_placeless(&q.placeless));
                out.extend(self.by_key(&q.placeless));
            }
            // Every prefix of the Han name could be a listed parent (四川大学华西医院 → 四川大学).
            for (i, _) in q.han.char_indices().skip(1) {
                out.extend(self.by_key(&q.han[..i]));
            }
            for (r, ends) in &q.roman {
                out.extend(self.by_key(r));
                for &e in ends {
                    out.extend(self.by_key(&r[..e]));
                }
            }
        }
        // Contiguous token runs: a listed parent inside a longer Latin name.
        let n = q.tokens.len().min(16);
        for start in 0..n {
            let mut key = String::new();
            for t in &q.tokens[start..n] {
                key.push_str(t);
                out.extend(self.by_key(&key));
            }
        }
        out.extend(self.token_candidates(q));
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Top aliases by summed IDF of shared distinctive tokens (exact or within one deletion).
    fn token_candidates(&self, q: &Name) -> Vec<u32> {
        let mut acc: HashMap<u32, f64> = HashMap::new();
        // IDF weight `1 + ln(N / df)` (nomenklatura blocker), N counting every alias.
        let n = self.aliases.len().max(1) as f64;
        for t in &q.tokens {
            if self.vocab.is_generic(t) {
                continue;
            }
            let mut tids: Vec<u32> = self.tokens.near(t, fuzzy_len).collect();
            if fuzzy_len(t.chars().count()) {
                for v in deletion_variants(t) {
                    tids.extend(self.tokens.near(&v, fuzzy_len));
                }
            }
            tids.sort_unstable();
            tids.dedup();
            for tid in tids {
                let posting = self.tokens.posting(tid);
                if posting.len() > MAX_POSTINGS {
                    continue;
                }
                let idf = 1.0 + (n / posting.len() as f64).ln();
                for &a in posting {
                    *acc.entry(a).or_insert(0.0) += idf;
                }
            }
        }
        let mut ranked: Vec<(u32, f64)> = acc.into_iter().collect();
        ranked.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        ranked.truncate(MAX_TOKEN_CANDIDATES);
        ranked.into_iter().map(|(a, _)| a).collect()
    }

    fn hit(&self, name: &str, role: Role, id: u32, method: Method, score: f64) -> Hit {
        let alias = &self.aliases[id as usize];
        let e: &Entry = &self.watchlist.entries[alias.entry as usize];
        Hit {
            name: name.to_string(),
            role,
            listed_name: e.name.clone(),
            list: e.list.clone(),
            list_id: e.id.clone(),
            method,
            score: (score * 1000.0).round() / 1000.0,
            matched_alias: self.alias_text(alias).to_string(),
            citation: e.citation.clone(),
            as_of: String::new(),
            reviewed: None,
            list_kind: e.kind,
        }
    }

    /// All hits for one name at or above `min_score`, best first, one per entry.
    pub fn screen_with_threshold(&self, name: &str, role: Role, min_score: f64) -> Vec<Hit> {
        let q = analyse(&self.vocab, name);
        if q.key.is_empty() {
            return Vec::new();
        }
        let mut best: HashMap<u32, (Method, f64, u32)> = HashMap::new();
        for id in self.candidates(&q) {
            let alias = &self.aliases[id as usize];
            let Some((mut method, score)) = self.score_alias(&q, id) else {
                continue;
            };
            if method == Method::Exact && !alias.primary {
                method = Method::Alias;
            }
            if score < min_score {
                continue;
            }
            let better = match best.get(&alias.entry) {
                None => true,
                // Ties: the more direct method, then the primary name over an alias.
                Some(&(m, s, prev)) => {
                    score > s
                        || (score == s
                            && (method < m
                                || (method == m
                                    && alias.primary
                                    && !self.aliases[prev as usize].primary)))
                }
            };
            if better {
                best.insert(alias.entry, (method, score, id));
            }
        }
        let mut hits: Vec<Hit> = best
            .into_values()
            .map(|(m, s, id)| self.hit(name, role, id, m, s))
            .collect();
        sort_hits(&mut hits);
        hits
    }

    /// Hits for one name, best first (only hits at or above the match threshold).
    pub fn screen(&self, name: &str, role: Role) -> Vec<Hit> {
        self.screen_with_threshold(name, role, THRESHOLD)
    }

    /// Compare a name as on a page (`a`) with a listed name (`b`), using what the lists know:
    /// if `b` is a listed name or alias, `a` is also scored against every other name of that
    /// entry (so 中科曙光 matches "Sugon" through the overlay).
    pub fn compare(&self, a: &str, b: &str) -> Option<(Method, f64)> {
        let mut best = compare_names(&self.vocab, a, b);
        let qb = normalize::analyse_with(&self.vocab, b, false);
        if qb.key.is_empty() {
            return best;
        }
        // Only entries that `b` names outright (listed name or alias, up to normalisation).
        let mut entries: Vec<usize> = self
            .by_raw(&qb.raw)
            .chain(self.by_key(&qb.key))
            .map(|id| self.aliases[id as usize].entry as usize)
            .collect();
        if entries.is_empty() {
            return best;
        }
        let qa = analyse(&self.vocab, a);
        entries.sort_unstable();
        entries.dedup();
        // The characters decide (see `score_alias`): drop a string-only cross-script score.
        if qa.has_han()
            && !qb.has_han()
            && entries
                .iter()
                .any(|&e| self.entry_has_han.get(e).copied().unwrap_or(false))
        {
            best = None;
        }
        for e in entries {
            for id in self.entry_aliases(e) {
                if let Some((mut m, s)) = self.score_alias(&qa, id) {
                    if m == Method::Exact && !self.aliases[id as usize].primary {
                        m = Method::Alias;
                    }
                    let s = (s * 1000.0).round() / 1000.0;
                    if best.is_none_or(|(_, b)| s > b) {
                        best = Some((m, s));
                    }
                }
            }
        }
        best
    }

    /// Hits for the buyer, agency and suppliers of a notice, plus listed Chinese names found
    /// verbatim in its text (role `text`) for entities not already hit in a field.
    pub fn screen_notice(&self, notice: &Notice) -> Vec<Hit> {
        let mut hits = Vec::new();
        if let Some(b) = &notice.buyer {
            hits.extend(clearly_best(self.screen(b, Role::Buyer)));
        }
        if let Some(a) = &notice.agency {
            hits.extend(clearly_best(self.screen(a, Role::Agency)));
        }
        for s in &notice.suppliers {
            hits.extend(clearly_best(self.screen(s, Role::Supplier)));
        }
        // Candidates are not winners: screened as named organisations (role `text`).
        for c in &notice.candidates {
            hits.extend(clearly_best(self.screen(c, Role::Text)));
        }
        if let Some((ac, ids)) = self.text_search() {
            let text = notice.text.as_str();
            let mut seen: Vec<(String, String)> = hits
                .iter()
                .map(|h| (h.list.clone(), h.list_id.clone()))
                .collect();
            for m in ac.find_iter(text) {
                let Some(&id) = ids.get(m.pattern().as_usize()) else {
                    continue;
                };
                let alias = &self.aliases[id as usize];
                let e = &self.watchlist.entries[alias.entry as usize];
                let key = (e.list.clone(), e.id.clone());
                if seen.contains(&key) {
                    continue;
                }
                seen.push(key);
                let method = if alias.primary {
                    Method::Exact
                } else {
                    Method::Alias
                };
                hits.push(self.hit(
                    &text[m.start()..m.end()],
                    Role::Text,
                    id,
                    method,
                    TEXT_SCORE,
                ));
            }
        }
        hits
    }
}

/// A whole-name match on an abbreviation without a caution (北航 is BUAA).
const ABBREV: f64 = 0.90;
/// A whole-name match on a cautioned abbreviation (ambiguous only inside longer words).
const ABBREV_CAUTION: f64 = 0.85;
/// A whole-name match on an abbreviation that must never match alone: review only, below the
/// 0.80 identity line so it never raises an alert by itself.
const ABBREV_REVIEW: f64 = 0.75;
/// Shortest Latin acronym matched as a word inside a longer name (NWPU, not HIT or BIT).
const MIN_ACRONYM_IN_NAME: usize = 4;

/// An abbreviation matches as the whole organisation name (after legal forms), or a Latin
/// acronym as a whole word of a longer Latin name (a part of the organisation); never inside a
/// longer word, never by pinyin or edit distance.
fn score_abbreviation(q: &Name, a: &Name, kind: AbbrevKind) -> Option<(Method, f64)> {
    if !q.key.is_empty() && q.key == a.key {
        let s = match kind {
            AbbrevKind::Plain => ABBREV,
            AbbrevKind::Caution => ABBREV_CAUTION,
            AbbrevKind::ReviewOnly => ABBREV_REVIEW,
        };
        return Some((Method::Alias, s));
    }
    let acronym = match a.tokens.as_slice() {
        [t] if !a.has_han() && t.len() >= MIN_ACRONYM_IN_NAME => t,
        _ => return None,
    };
    (kind == AbbrevKind::Plain && !q.has_han() && q.tokens.len() > 1 && q.tokens.contains(acronym))
        .then_some((Method::Affiliate, score::AFFILIATE_INNER))
}

/// Margin below the best hit within which other candidates for the same name are still reported.
const REPORT_MARGIN: f64 = 0.1;

/// For one name in a notice, drop candidates well below the best one: 浪潮电子信息产业股份有限公司
/// is Inspur Electronic Information (alias, 1.0), not also Inspur (Beijing) (0.75).
fn clearly_best(hits: Vec<Hit>) -> Vec<Hit> {
    let Some(best) = hits.iter().map(|h| h.score).reduce(f64::max) else {
        return hits;
    };
    hits.into_iter()
        .filter(|h| h.score >= best - REPORT_MARGIN)
        .collect()
}

/// Best first: score, then the more direct method, then the list's kind, then listed name.
fn sort_hits(hits: &mut [Hit]) {
    hits.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(a.method.cmp(&b.method))
            // An export-control listing before an informational one of the same name.
            .then_with(|| (a.list_kind as u8).cmp(&(b.list_kind as u8)))
            .then_with(|| a.listed_name.cmp(&b.listed_name))
            .then_with(|| a.list.cmp(&b.list))
            // Entries that share a name and list: a fixed order, so a `--limit` cut is reproducible.
            .then_with(|| a.list_id.cmp(&b.list_id))
            .then_with(|| a.matched_alias.cmp(&b.matched_alias))
    });
}

/// Compare a name as on a page (`a`) with a listed name (`b`) using only the vocabulary:
/// method and score, if any. Directional: `a` may be a sub-unit of `b`, not the reverse.
pub fn compare_names(vocab: &Vocabulary, a: &str, b: &str) -> Option<(Method, f64)> {
    // Romanised spellings are only needed across scripts; skipping them keeps pairs cheap.
    let mut qa = normalize::analyse_with(vocab, a, false);
    let mut full = normalize::analyse_with(vocab, b, false);
    if qa.key.is_empty() {
        return None;
    }
    if qa.has_han() && !full.has_han() {
        qa = analyse(vocab, a);
    } else if full.has_han() && !qa.has_han() {
        full = analyse(vocab, b);
    }
    let mut best: Option<(Method, f64)> = None;
    let mut offer = |m: Method, s: f64| {
        if best.is_none_or(|(_, bs)| s > bs) {
            best = Some((m, (s * 1000.0).round() / 1000.0));
        }
    };
    if let Some((m, s)) = (!full.key.is_empty())
        .then(|| score::score_pair(vocab, &qa, &full, false))
        .flatten()
    {
        offer(m, s);
    }
    if b.contains(['(', '（']) {
        for text in normalize::listed_variants(b) {
            let qb = analyse(vocab, &text);
            if qb.key.is_empty() {
                continue;
            }
            if let Some((m, mut s)) = score::score_pair(vocab, &qa, &qb, false) {
                if score::dropped_place_conflict(
                    vocab,
                    &qa,
                    &qb,
                    &normalize::dropped_places(vocab, &full, &qb),
                ) {
                    s *= score::PLACE_MISMATCH;
                }
                // A derived spelling (parentheses dropped) is at best a normalised match, and
                // below the identity line when the dropped part was a place (a subsidiary).
                let (m, s) = if m == Method::Exact {
                    (Method::Normalized, score::NORMALIZED)
                } else {
                    (m, s)
                };
                let s = if normalize::has_place_parenthetical(vocab, b) {
                    s.min(score::PLACE_DROPPED_MAX)
                } else {
                    s
                };
                offer(m, s);
            }
        }
    }
    best
}

#[cfg(test)]
mod lazy_names_tests {
    use super::*;

    #[test]
    fn lazy_names_cover_every_alias_across_blocks() {
        let names = LazyNames::new(NAMES_BLOCK + 3);
        assert_eq!(names.blocks.len(), 2);
        // Only the blocks touched are allocated.
        assert!(names.blocks.iter().all(|b| b.get().is_none()));
        for i in [0, NAMES_BLOCK - 1, NAMES_BLOCK, NAMES_BLOCK + 2] {
            let name = names.get(i).get_or_init(|| Box::new(Name::default()));
            assert!(name.key.is_empty());
        }
        assert_eq!(names.blocks[1].get().map(|b| b.len()), Some(3));
        assert!(names.get(NAMES_BLOCK + 2).get().is_some());
        assert!(names.get(1).get().is_none());
    }
}

#[cfg(test)]
mod sort_tests {
    use super::*;
    use crate::model::ListKind;

    fn hit(list_id: &str) -> Hit {
        Hit {
            name: "Hua Xin Technology".into(),
            role: Role::Supplier,
            listed_name: "Hua Xin Technology Co., Ltd.".into(),
            list: "Entity List (EL) - Bureau of Industry and Security".into(),
            list_id: list_id.into(),
            method: Method::Exact,
            score: 1.0,
            matched_alias: String::new(),
            citation: String::new(),
            as_of: String::new(),
            reviewed: None,
            list_kind: ListKind::default(),
        }
    }

    #[test]
    fn tied_hits_sort_by_entry_so_a_limit_cut_is_reproducible() {
        // Two entries with the same name on the same list come out of a hash map in any order.
        for start in [["b2", "a1", "c3"], ["c3", "b2", "a1"]] {
            let mut hits: Vec<Hit> = start.iter().map(|id| hit(id)).collect();
            sort_hits(&mut hits);
            let ids: Vec<&str> = hits.iter().map(|h| h.list_id.as_str()).collect();
            assert_eq!(ids, ["a1", "b2", "c3"]);
        }
    }
}
