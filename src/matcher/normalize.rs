//! Name normalisation: NFKC, case fold, traditional→simplified, tokens, legal forms, generic
//! words, and romanisation of Han names (pinyin plus English renderings of generic words).
use std::collections::{HashMap, HashSet};
use std::path::Path;

use anyhow::Context;
use pinyin::ToPinyin;
use unicode_normalization::UnicodeNormalization;

/// The bundled vocabulary, compiled in so that the library works without a watchlists directory;
/// `Vocabulary::load` reads the same files from disk so analysts can edit them without a rebuild.
const LEGAL_FORMS_CSV: &str = include_str!("../../watchlists/legal_forms.csv");
/// See `LEGAL_FORMS_CSV`.
const GENERIC_WORDS_CSV: &str = include_str!("../../watchlists/generic_words.csv");

/// Han institution words after which a leading place is part of the identity, not decoration.
const PLACE_BOUND_SUFFIXES: [&str; 6] = ["大学", "学院", "医院", "研究院", "研究所", "中心"];

/// FNV-1a: vocabulary keys are short words looked up several times per token, where SipHash's
/// DoS resistance buys nothing (the vocabulary is ours) and costs a third of a comparison.
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A piece of a Han name and, if it is a vocabulary word, its kind and renderings.
type HanPiece<'a, 'v> = (&'a str, Option<&'v (WordKind, Vec<String>)>);

/// A map keyed by vocabulary words.
type WordMap<V> = HashMap<String, V, std::hash::BuildHasherDefault<Fnv>>;

/// Longest name analysed, in chars (the longest listed name is about 230).
pub const MAX_NAME_CHARS: usize = 300;

/// Shortest legal-form word recognised with one edit: long enough that no other word of a
/// name is one edit away (`corporation`, `aktiengesellschaft`).
const MIN_MISSPELT_LEGAL: usize = 11;

/// Most romanised spellings kept per Han name (translation alternatives multiply).
const MAX_ROMAN_VARIANTS: usize = 16;

/// How a vocabulary word weighs in matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordKind {
    /// Function word, dropped (`of`, `and`).
    Stop,
    /// Generic organisation word (`university`, `科技`): evidence-light.
    Generic,
    /// Place name (`beijing`, `四川`): evidence-light.
    Place,
}

/// Legal forms, generic words and Chinese renderings used by the normaliser.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// Latin-script legal-form tokens (`ltd`, `gmbh`, `youxian`), each with its class bit
    /// (`legal_classes`; 0 = a form that says nothing about the kind of legal person).
    legal_tokens: WordMap<u8>,
    /// Legal-form tokens of `MIN_MISSPELT_LEGAL` chars or more, with their class bit: a word one
    /// edit away from one is that form misspelt (`Aktiengesellchaft`).
    long_legal: Vec<(String, u8)>,
    /// Kinds of legal person (`company:llc`, `company:stock`, `nonprofit` …) named in
    /// `legal_forms.csv`, at most 8; the part before `:` is the family.
    legal_classes: Vec<String>,
    /// Words naming a pooled vehicle issued in numbered series (`trust`, `fund`): a number after
    /// one is a series number (`Trust 2004-1`), not the identity of another organisation.
    series_words: HashSet<String, std::hash::BuildHasherDefault<Fnv>>,
    /// Han legal-form suffixes, longest first.
    han_legal_suffixes: Vec<String>,
    /// Latin words and their kind.
    latin_words: WordMap<WordKind>,
    /// Latin spelling variants → canonical token (`univ` → `university`, `defence` → `defense`).
    latin_canon: WordMap<String>,
    /// Han words: kind and English renderings (alternatives).
    han_words: WordMap<(WordKind, Vec<String>)>,
    /// Longest Han word in chars, for greedy segmentation.
    han_max_chars: usize,
    /// Naming system of state groups for numbered units (`groups.csv`).
    pub groups: super::units::Groups,
}

impl Vocabulary {
    /// The vocabulary bundled at build time.
    pub fn bundled() -> Self {
        // The bundled files are part of the source tree and tested; a parse failure is a build bug.
        Self::parse(LEGAL_FORMS_CSV, GENERIC_WORDS_CSV).unwrap_or_default()
    }

    /// Read `legal_forms.csv` and `generic_words.csv` from a watchlists directory, falling back
    /// to the bundled copy for a file that is absent.
    pub fn load(dir: &Path) -> anyhow::Result<Self> {
        let read = |name: &str, bundled: &str| -> anyhow::Result<String> {
            let path = dir.join(name);
            if path.is_file() {
                std::fs::read_to_string(&path)
                    .with_context(|| format!("reading {}", path.display()))
            } else {
                Ok(bundled.to_string())
            }
        };
        let legal = read("legal_forms.csv", LEGAL_FORMS_CSV)?;
        let generic = read("generic_words.csv", GENERIC_WORDS_CSV)?;
        let groups = read("groups.csv", super::units::GROUPS_CSV)?;
        let mut vocab = Self::parse(&legal, &generic)
            .with_context(|| format!("reading the matching vocabulary in {}", dir.display()))?;
        vocab.groups = super::units::groups(Some(&groups))
            .with_context(|| format!("reading {}", dir.join("groups.csv").display()))?;
        Ok(vocab)
    }

    /// Parse the two vocabulary files.
    pub fn parse(legal_forms: &str, generic_words: &str) -> anyhow::Result<Self> {
        let mut vocab = Vocabulary {
            groups: super::units::groups(None)?,
            ..Vocabulary::default()
        };
        let mut rd = csv::Reader::from_reader(legal_forms.as_bytes());
        for row in rd.records() {
            let row = row.context("legal_forms.csv")?;
            let form = fold(row.get(0).unwrap_or(""));
            if form.is_empty() {
                continue;
            }
            match row.get(1).unwrap_or("") {
                "han" => vocab.han_legal_suffixes.push(form),
                _ => {
                    let class = row.get(4).unwrap_or("").trim();
                    let bit = if class.is_empty() {
                        0
                    } else {
                        let i = match vocab.legal_classes.iter().position(|c| c == class) {
                            Some(i) => i,
                            None => {
                                vocab.legal_classes.push(class.to_string());
                                vocab.legal_classes.len() - 1
                            }
                        };
                        anyhow::ensure!(i < 8, "legal_forms.csv: more than 8 classes");
                        1u8 << i
                    };
                    if form.chars().count() >= MIN_MISSPELT_LEGAL {
                        vocab.long_legal.push((form.clone(), bit));
                    }
                    vocab.legal_tokens.insert(form, bit);
                }
            }
        }
        vocab
            .han_legal_suffixes
            .sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
        let mut rd = csv::Reader::from_reader(generic_words.as_bytes());
        for row in rd.records() {
            let row = row.context("generic_words.csv")?;
            let word = fold(row.get(0).unwrap_or(""));
            if row.get(1) == Some("series") {
                // Not a generic word: "Deutsche Bank Trust" is not a unit of Deutsche Bank.
                if !word.is_empty() {
                    vocab.series_words.insert(word);
                }
                continue;
            }
            let kind = match row.get(1).unwrap_or("") {
                "stop" => WordKind::Stop,
                "place" => WordKind::Place,
                _ => WordKind::Generic,
            };
            if word.is_empty() {
                continue;
            }
            if word.chars().any(is_han) {
                let renderings = row
                    .get(2)
                    .unwrap_or("")
                    .split('|')
                    .map(str::trim)
                    .filter(|t| !t.is_empty())
                    .map(fold)
                    .collect();
                vocab.han_max_chars = vocab.han_max_chars.max(word.chars().count());
                vocab.han_words.insert(word, (kind, renderings));
            } else {
                let canon = fold(row.get(2).unwrap_or("").trim());
                if !canon.is_empty() && canon != word {
                    vocab.latin_canon.insert(word.clone(), canon);
                }
                vocab.latin_words.insert(word, kind);
            }
        }
        Ok(vocab)
    }

    /// The canonical spelling of a Latin token.
    pub fn canonical<'a>(&'a self, token: &'a str) -> &'a str {
        self.latin_canon.get(token).map_or(token, String::as_str)
    }

    /// The class bit of a Latin legal-form token, or of a long one misspelt by one edit.
    fn legal_form(&self, token: &str) -> Option<u8> {
        if let Some(bit) = self.legal_tokens.get(token) {
            return Some(*bit);
        }
        let n = token.chars().count();
        if n < MIN_MISSPELT_LEGAL {
            return None;
        }
        self.long_legal
            .iter()
            .find(|(form, _)| {
                form.chars().count().abs_diff(n) <= 1
                    && may_be_one_edit(form, token)
                    && super::score::bounded_levenshtein(form, token, 1) == Some(1)
            })
            .map(|(_, bit)| *bit)
    }

    /// The class bits of `legal` whose family (`company` of `company:llc`) is shared with a class
    /// in `other`: a company may convert between its forms and stay one legal person.
    pub fn legal_same_family(&self, legal: u8, other: u8) -> bool {
        let family = |i: usize| {
            self.legal_classes
                .get(i)
                .map(|c| c.split(':').next().unwrap_or(c))
        };
        (0..self.legal_classes.len()).any(|i| {
            legal & (1 << i) != 0
                && (0..self.legal_classes.len())
                    .any(|j| other & (1 << j) != 0 && family(i) == family(j))
        })
    }

    /// True if the token names a vehicle issued in numbered series (`trust`, `fund`).
    pub fn is_series(&self, token: &str) -> bool {
        self.series_words.contains(token)
    }

    /// True if the token is a place name.
    pub fn is_place(&self, token: &str) -> bool {
        self.latin_kind(token) == Some(WordKind::Place)
    }

    /// The kind of a Latin token, if it is a vocabulary word.
    pub fn latin_kind(&self, token: &str) -> Option<WordKind> {
        self.latin_words.get(token).copied()
    }

    /// True if the token carries little identity (generic word or place).
    pub fn is_generic(&self, token: &str) -> bool {
        matches!(
            self.latin_kind(token),
            Some(WordKind::Generic | WordKind::Place)
        )
    }

    /// Greedy longest-match segmentation of a Han string into vocabulary words and other chars.
    fn segment_han<'a>(&self, han: &'a str) -> Vec<HanPiece<'a, '_>> {
        let idx: Vec<usize> = han
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(han.len()))
            .collect();
        let n = idx.len() - 1;
        let mut out = Vec::new();
        let mut i = 0;
        while i < n {
            let mut step = 1;
            let mut found = None;
            for len in (1..=self.han_max_chars.min(n - i)).rev() {
                if let Some(w) = self.han_words.get(&han[idx[i]..idx[i + len]]) {
                    step = len;
                    found = Some(w);
                    break;
                }
            }
            out.push((&han[idx[i]..idx[i + step]], found));
            i += step;
        }
        out
    }
}

/// False when two ASCII words cannot be one edit (or one transposition) apart: outside their
/// common prefix and suffix they differ in more than two chars. A cheap test before the edit
/// distance, which every long word of every listed name would otherwise pay for.
fn may_be_one_edit(a: &str, b: &str) -> bool {
    if !a.is_ascii() || !b.is_ascii() {
        return true;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    prefix + suffix + 2 >= a.len().max(b.len())
}

/// True for CJK ideographs (the scripts of Chinese organisation names).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF | 0x3007)
}

/// NFKC, lower case, traditional→simplified; apostrophes and dots dropped inside words
/// (`U.S.A.` → `usa`, `Xi'an` → `xian`), as rigour's tokenizer does.
pub fn fold(s: &str) -> String {
    let mut out = String::new();
    fold_into(s, &mut out);
    out
}

/// `fold` into a reused buffer.
fn fold_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        // Most list names: no normalisation form changes ASCII, so skip the Unicode passes.
        out.extend(
            s.bytes()
                .filter(|b| !matches!(b, b'.' | b'\'' | b'`'))
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        return;
    }
    out.push_str(&fold_unicode(s));
}

/// `fold` of a string that is not all ASCII.
fn fold_unicode(s: &str) -> String {
    let skip = |c: &char| !matches!(c, '.' | '\'' | '’' | '‘' | '`' | '´');
    // ASCII and CJK Unified Ideographs (U+4E00–U+9FFF, most Chinese names) have no
    // decomposition, are no combining marks and have no case: the passes below would change only
    // the ASCII letters, so such names skip them.
    let lowered: String = if s
        .chars()
        .all(|c| c.is_ascii() || ('\u{4E00}'..='\u{9FFF}').contains(&c))
    {
        s.chars()
            .map(|c| c.to_ascii_lowercase())
            .filter(skip)
            .collect()
    } else {
        // NFKD then dropping combining marks folds accents (Société → societe) and full width.
        s.nfkd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .filter(skip)
            .collect()
    };
    if lowered.chars().any(is_han) {
        fast2s::convert(&lowered)
    } else {
        lowered
    }
}

/// Text up to width, case and spacing: equality here is an exact match.
fn exact_form_into(input: &str, out: &mut String) {
    out.clear();
    let push = |c: char, out: &mut String| {
        if c.is_whitespace() {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    };
    if input.is_ascii() {
        for c in input.chars() {
            push(c.to_ascii_lowercase(), out);
        }
    } else {
        for c in input.nfkc().flat_map(char::to_lowercase) {
            push(c, out);
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
}

/// One run of a name: Latin/digit token or Han run (a slice of the folded name, or of the
/// vocabulary for a canonical spelling: analysis allocates no string per token).
#[derive(Debug, Clone, Copy, PartialEq)]
enum Segment<'a> {
    Latin(&'a str),
    Han(&'a str),
}

/// The runs of a folded name, in order (an iterator: analysis allocates no list of them).
fn segments(folded: &str) -> impl Iterator<Item = Segment<'_>> + '_ {
    let seg = move |start: usize, end: usize, han: bool| {
        let text = &folded[start..end];
        if han {
            Segment::Han(text)
        } else {
            Segment::Latin(text)
        }
    };
    let mut chars = folded.char_indices();
    // The current run: its start (byte offset) and script.
    let mut cur: Option<(usize, bool)> = None;
    std::iter::from_fn(move || {
        for (i, c) in chars.by_ref() {
            let han = is_han(c);
            if han || c.is_alphanumeric() {
                match cur {
                    Some((start, cur_han)) if cur_han != han => {
                        cur = Some((i, han));
                        return Some(seg(start, i, cur_han));
                    }
                    Some(_) => {}
                    None => cur = Some((i, han)),
                }
            } else if let Some((start, cur_han)) = cur.take() {
                return Some(seg(start, i, cur_han));
            }
        }
        cur.take()
            .map(|(start, cur_han)| seg(start, folded.len(), cur_han))
    })
}

/// A name analysed for matching.
#[derive(Debug, Clone, Default)]
pub struct Name {
    /// Folded text with spaces squashed: equality here is an exact match.
    pub raw: String,
    /// Latin/digit tokens without stop words and legal forms.
    pub tokens: Vec<String>,
    /// For each token: a stop word followed it (`University` *of* `Technology`), so a listed name
    /// ending there continues into a longer, different name rather than a sub-unit.
    pub stop_after: Vec<bool>,
    /// Han content (legal-form suffixes stripped), concatenated.
    pub han: String,
    /// Everything that identifies the name, in order, without separators: equality here is a
    /// normalised match (case, punctuation, spacing, legal form, script variant).
    pub key: String,
    /// All Latin tokens including legal forms, without separators (`SiemensAG` = `Siemens AG`).
    pub spaced_key: String,
    /// `han` without leading place names, if what remains is distinctive; else empty.
    pub placeless: String,
    /// Romanised spellings of the whole name (pinyin; English for generic Han words), each with
    /// the byte offsets where a word ends (for sub-unit prefixes).
    pub roman: Vec<(String, Vec<usize>)>,
    /// True if the Han content has a character outside the generic/place vocabulary.
    pub han_distinctive: bool,
    /// Han characters outside the generic/place vocabulary (华为 in 深圳华为技术: 2).
    pub han_distinctive_chars: usize,
    /// Classes of the Latin legal forms the name carries (bits of `legal_forms.csv` `class`):
    /// AG (stock) and GmbH (llc) are different kinds of legal person.
    pub legal: u8,
    /// The name read as a numbered unit of a state group (中电科32所 = `cetc|I32`).
    pub unit: Option<super::units::Unit>,
    /// True if a Latin token is not a generic word or place.
    pub latin_distinctive: bool,
}

impl Name {
    /// True if the name has any Han content.
    pub fn has_han(&self) -> bool {
        !self.han.is_empty()
    }
}

/// Strip Han legal-form suffixes repeatedly (`…集团有限公司` → `…`), by suffix match because Han
/// has no word boundaries (rigour's `test_cjk_word_boundary` limitation).
fn strip_han_legal<'a>(vocab: &Vocabulary, seg: &'a str) -> &'a str {
    let mut s = seg;
    'outer: loop {
        for suffix in &vocab.han_legal_suffixes {
            if let Some(rest) = s.strip_suffix(suffix.as_str()) {
                s = rest;
                continue 'outer;
            }
        }
        return s;
    }
}

/// Analyse a name (with its romanised spellings if it has Han content).
pub fn analyse(vocab: &Vocabulary, input: &str) -> Name {
    analyse_with(vocab, input, true)
}

/// Analyse a name; `romanise` false skips the pinyin spellings (only needed across scripts).
pub fn analyse_with(vocab: &Vocabulary, input: &str, romanise_han: bool) -> Name {
    SCRATCH.with(|cell| {
        let mut guard = cell.borrow_mut();
        let s = &mut *guard;
        analyse_into(vocab, input, s);
        let mut name = Name {
            raw: s.raw.clone(),
            tokens: s.tokens().map(str::to_string).collect(),
            stop_after: s.stop_after.clone(),
            han: s.han.clone(),
            key: s.key.clone(),
            spaced_key: s.spaced_key.clone(),
            placeless: s.placeless.clone(),
            roman: Vec::new(),
            han_distinctive: s.han_distinctive,
            han_distinctive_chars: s.han_distinctive_chars,
            legal: s.legal,
            unit: s.unit.take(),
            latin_distinctive: s.latin_distinctive,
        };
        if romanise_han && name.has_han() {
            let content: Vec<Segment> = s.content().collect();
            name.roman = romanise(vocab, &content);
        }
        name
    })
}

thread_local! {
    /// Buffers of `analyse_with`, reused by every analysis on a thread.
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// A name analysed into reusable buffers: the fields of `Name` without its romanised spellings,
/// tokens concatenated. Building the index of a million-row list analyses millions of names;
/// reusing the buffers saves a dozen allocations per name.
#[derive(Debug, Default)]
pub struct Scratch {
    /// The folded input (`fold`).
    pub folded: String,
    /// `Name::raw`.
    pub raw: String,
    /// `Name::spaced_key`.
    pub spaced_key: String,
    /// `Name::key`.
    pub key: String,
    /// `Name::han`.
    pub han: String,
    /// `Name::placeless`.
    pub placeless: String,
    /// `Name::tokens`, concatenated; `token_ends` says where each ends.
    token_text: String,
    token_ends: Vec<usize>,
    /// `Name::stop_after`.
    pub stop_after: Vec<bool>,
    /// The content in order: a Latin token (index into the tokens) or a Han run (byte range of
    /// `han`), for romanising.
    content: Vec<(bool, usize, usize)>,
    /// `Name::legal`.
    pub legal: u8,
    /// `Name::unit`.
    pub unit: Option<super::units::Unit>,
    /// `Name::han_distinctive`.
    pub han_distinctive: bool,
    /// `Name::han_distinctive_chars`.
    pub han_distinctive_chars: usize,
    /// `Name::latin_distinctive`.
    pub latin_distinctive: bool,
}

impl Scratch {
    /// `Name::tokens`.
    pub fn tokens(&self) -> impl Iterator<Item = &str> + '_ {
        let mut start = 0;
        self.token_ends.iter().map(move |&end| {
            let t = &self.token_text[start..end];
            start = end;
            t
        })
    }

    /// `Name::has_han`.
    pub fn has_han(&self) -> bool {
        !self.han.is_empty()
    }

    fn content(&self) -> impl Iterator<Item = Segment<'_>> + '_ {
        self.content.iter().map(|&(han, a, b)| {
            if han {
                Segment::Han(&self.han[a..b])
            } else {
                let start = if a == 0 { 0 } else { self.token_ends[a - 1] };
                Segment::Latin(&self.token_text[start..self.token_ends[a]])
            }
        })
    }

    fn push_latin(&mut self, t: &str, stop_after: bool) {
        self.key.push_str(t);
        self.content.push((false, self.token_ends.len(), 0));
        self.token_text.push_str(t);
        self.token_ends.push(self.token_text.len());
        self.stop_after.push(stop_after);
    }

    fn push_han(&mut self, h: &str) {
        self.key.push_str(h);
        let a = self.han.len();
        self.han.push_str(h);
        self.content.push((true, a, self.han.len()));
    }
}

/// `input` cut to `MAX_NAME_CHARS` chars.
pub fn cut_name(input: &str) -> &str {
    // A char is at least one byte: a short string needs no counting.
    if input.len() <= MAX_NAME_CHARS {
        return input;
    }
    match input.char_indices().nth(MAX_NAME_CHARS) {
        Some((cut, _)) => &input[..cut],
        None => input,
    }
}

/// Analyse a name into `s` (everything of `analyse_with` but the romanised spellings).
pub fn analyse_into(vocab: &Vocabulary, input: &str, s: &mut Scratch) {
    // Organisation names are far shorter; a run-on field (a 20,000-char "name") is cut so that
    // romanising and indexing it stays linear in the list, not quadratic in the name.
    let input = cut_name(input);
    fold_into(input, &mut s.folded);
    // Exact means the same text up to width and case; script variants and punctuation are "normalized".
    exact_form_into(input, &mut s.raw);
    s.spaced_key.clear();
    s.key.clear();
    s.han.clear();
    s.placeless.clear();
    s.token_text.clear();
    s.token_ends.clear();
    s.stop_after.clear();
    s.content.clear();
    s.legal = 0;
    s.han_distinctive = false;
    s.han_distinctive_chars = 0;
    let folded = std::mem::take(&mut s.folded);
    for seg in segments(&folded) {
        match seg {
            Segment::Latin(raw_token) => {
                let t = vocab.canonical(raw_token);
                s.spaced_key.push_str(t);
                if vocab.latin_kind(t) == Some(WordKind::Stop) {
                    if let Some(last) = s.stop_after.last_mut() {
                        *last = true;
                    }
                    continue;
                }
                if let Some(bit) = vocab.legal_form(t) {
                    s.legal |= bit;
                    continue;
                }
                s.push_latin(t, false);
            }
            Segment::Han(h) => {
                let stripped = strip_han_legal(vocab, h);
                if !stripped.is_empty() {
                    s.push_han(stripped);
                }
            }
        }
    }
    if s.content.is_empty() {
        // A name made only of legal forms or stop words keeps them rather than vanishing.
        for seg in segments(&folded) {
            match seg {
                Segment::Latin("&") => {}
                Segment::Latin(t) => s.push_latin(t, false),
                Segment::Han(h) => s.push_han(h),
            }
        }
    }
    s.unit = vocab.groups.read(&folded);
    s.folded = folded;
    let latin_distinctive = s.tokens().any(|t| !vocab.is_generic(t));
    s.latin_distinctive = latin_distinctive;
    if s.has_han() {
        let pieces = vocab.segment_han(&s.han);
        s.han_distinctive = pieces.iter().any(|(_, w)| w.is_none());
        s.han_distinctive_chars = pieces
            .iter()
            .filter(|(_, w)| w.is_none())
            .map(|(p, _)| p.chars().count())
            .sum();
        let leading_places = pieces
            .iter()
            .take_while(|(_, w)| matches!(w, Some((WordKind::Place, _))))
            .count();
        // A university or institute named after its city is a different one in another city
        // (华南理工大学 ≠ 南京理工大学), so those keep their place.
        let place_bound = PLACE_BOUND_SUFFIXES.iter().any(|p| s.han.ends_with(p));
        if leading_places > 0 && s.han_distinctive && !place_bound {
            for (p, _) in &pieces[leading_places..] {
                s.placeless.push_str(p);
            }
        }
    }
}

/// Romanised spellings of a name: all-pinyin first, then English renderings of generic words.
fn romanise(vocab: &Vocabulary, content: &[Segment]) -> Vec<(String, Vec<usize>)> {
    // Each piece offers alternatives; the product is capped.
    let mut pinyin_only: Vec<Vec<String>> = Vec::new();
    let mut translated: Vec<Vec<String>> = Vec::new();
    for seg in content {
        match seg {
            Segment::Latin(t) => {
                pinyin_only.push(vec![t.to_string()]);
                translated.push(vec![t.to_string()]);
            }
            Segment::Han(h) => {
                for (piece, word) in vocab.segment_han(h) {
                    // Pushed straight into one string: no `String` per character.
                    let mut py = String::with_capacity(piece.len() * 2);
                    for c in piece.chars() {
                        match c.to_pinyin() {
                            Some(p) => py.push_str(p.plain()),
                            None => py.push(c),
                        }
                    }
                    match word {
                        Some((_, renderings)) if !renderings.is_empty() => {
                            let alts = renderings
                                .iter()
                                .map(|r| {
                                    r.split_whitespace()
                                        .filter(|w| vocab.latin_kind(w) != Some(WordKind::Stop))
                                        .collect::<String>()
                                })
                                .collect();
                            translated.push(alts);
                        }
                        _ => translated.push(vec![py.clone()]),
                    }
                    pinyin_only.push(vec![py]);
                }
            }
        }
    }
    let mut variants = expand(&pinyin_only, 1);
    for v in expand(&translated, MAX_ROMAN_VARIANTS) {
        if !variants.iter().any(|(s, _)| *s == v.0) {
            variants.push(v);
        }
    }
    variants.truncate(MAX_ROMAN_VARIANTS);
    variants
}

/// The cartesian product of piece alternatives, at most `cap` spellings, with word ends.
fn expand(pieces: &[Vec<String>], cap: usize) -> Vec<(String, Vec<usize>)> {
    let mut acc: Vec<(String, Vec<usize>)> = vec![(String::new(), Vec::new())];
    for alts in pieces {
        // One alternative (most pieces) extends every spelling in place: the product is the
        // same, without copying each spelling once per piece (quadratic in the pieces).
        if let [alt] = alts.as_slice() {
            for (s, ends) in &mut acc {
                s.push_str(alt);
                ends.push(s.len());
            }
            continue;
        }
        let mut next = Vec::new();
        'fill: for (s, ends) in &acc {
            for alt in alts {
                let mut s2 = s.clone();
                s2.push_str(alt);
                let mut e2 = ends.clone();
                e2.push(s2.len());
                next.push((s2, e2));
                if next.len() >= cap {
                    break 'fill;
                }
            }
        }
        acc = next;
    }
    acc
}

/// True if some parenthesised part of a listed name is only a place (`(Beijing)`, `（北京）`):
/// by Chinese naming practice that marks a subsidiary, a company of its own.
pub fn has_place_parenthetical(vocab: &Vocabulary, name: &str) -> bool {
    let mut parts = Vec::new();
    let mut cur: Option<String> = None;
    for c in name.chars() {
        match (c, cur.as_mut()) {
            ('(' | '（', _) => cur = Some(String::new()),
            (')' | '）', Some(_)) => parts.extend(cur.take()),
            (_, Some(s)) => s.push(c),
            _ => {}
        }
    }
    parts.iter().any(|p| {
        let n = analyse_with(vocab, p, false);
        let latin_places = n.tokens.iter().all(|t| vocab.is_place(t));
        let han_places = vocab
            .segment_han(&n.han)
            .iter()
            .all(|(_, w)| matches!(w, Some((WordKind::Place, _))));
        !n.key.is_empty() && latin_places && han_places
    })
}

/// Place tokens of `full` missing from `variant` (what dropping the parentheses removed).
pub fn dropped_places(vocab: &Vocabulary, full: &Name, variant: &Name) -> Vec<String> {
    full.tokens
        .iter()
        .filter(|t| vocab.is_place(t) && !variant.tokens.contains(t))
        .cloned()
        .collect()
}

/// Derived spellings of a listed name: without parenthesised parts (`Inspur (Beijing) Electronic…`
/// → `Inspur Electronic…`) and a parenthesised acronym on its own (`… (NUDT)` → `NUDT`).
pub fn listed_variants(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    if !name.contains(['(', '（']) {
        return out;
    }
    let mut outside = String::new();
    let mut inside: Vec<String> = Vec::new();
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' | '（' => {
                depth += 1;
                inside.push(String::new());
            }
            ')' | '）' if depth > 0 => depth -= 1,
            _ if depth > 0 => {
                if let Some(last) = inside.last_mut() {
                    last.push(c);
                }
            }
            _ => outside.push(c),
        }
    }
    if inside.is_empty() {
        return out;
    }
    let outside = outside.split_whitespace().collect::<Vec<_>>().join(" ");
    let outside = outside.replace(" ,", ",");
    if !outside.trim().is_empty() {
        out.push(outside.trim().to_string());
    }
    for part in inside {
        let part = part.trim();
        let acronym = part.chars().count() >= 3
            && !part.contains(' ')
            && part.chars().any(|c| c.is_ascii_uppercase())
            && part
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-');
        if acronym {
            out.push(part.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `fold_unicode` without its fast path: NFKD, combining marks dropped, lower case.
    fn fold_full(s: &str) -> String {
        let lowered: String = s
            .nfkd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .filter(|c| !matches!(c, '.' | '\'' | '’' | '‘' | '`' | '´'))
            .collect();
        fast2s::convert(&lowered)
    }

    #[test]
    fn the_fast_fold_of_ascii_and_cjk_equals_the_full_passes() {
        let mut text = String::from("Xi'an 華為 U.S.A. Ltd`");
        text.extend('\u{4E00}'..='\u{9FFF}');
        text.extend((0x20u8..0x7f).map(char::from));
        assert_eq!(fold_unicode(&text), fold_full(&text));
        assert_eq!(fold("Xi'an 華為 U.S.A."), "xian 华为 usa");
        // Outside the fast path (full-width brackets and letters): the full passes.
        assert_eq!(fold("（ＡＢ）"), fold_full("（ＡＢ）"));
    }
}
