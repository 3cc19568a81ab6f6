//! Compact lookup structures for the matcher's index, sized for million-row lists: keys are
//! kept as 32-bit hashes in sorted arrays (8 bytes per posting instead of a `String` key and a
//! `Vec` per key), and every hit is verified against the real string by the caller, so a hash
//! collision costs a comparison, never a wrong candidate.
use hashbrown::HashTable;
use rayon::prelude::*;

/// 64-bit FNV-1a: keys are short names and tokens, hashed once per lookup.
fn fnv64(bytes: impl IntoIterator<Item = u8>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// 64-bit FNV-1a folded to 32 bits.
fn fnv32(bytes: impl IntoIterator<Item = u8>) -> u32 {
    let h = fnv64(bytes);
    (h ^ (h >> 32)) as u32
}

/// The hash of a token in the interning table. All 64 bits: the table tells slots apart by the
/// top 7 bits, which a 32-bit hash widened to 64 leaves zero (every slot of a probed group
/// would then be compared).
pub fn table_hash(token: &str) -> u64 {
    fnv64(token.bytes())
}

/// Hash of a key string.
pub fn hash(key: &str) -> u32 {
    fnv32(key.bytes())
}

/// Hash of `token` with the char at byte range `at` removed (equal to `hash` of that string).
fn hash_without(token: &str, at: std::ops::Range<usize>) -> u32 {
    fnv32(
        token.as_bytes()[..at.start]
            .iter()
            .chain(&token.as_bytes()[at.end..])
            .copied(),
    )
}

/// A multimap from hashed string keys to ids: `(hash << 32) | id`, sorted.
#[derive(Default)]
pub struct HashIndex {
    cells: Vec<u64>,
}

impl HashIndex {
    /// Build from `(hash, id)` pairs in any order.
    pub fn build(mut cells: Vec<u64>) -> Self {
        cells.par_sort_unstable();
        cells.dedup();
        cells.shrink_to_fit();
        HashIndex { cells }
    }

    /// One cell.
    pub fn cell(hash: u32, id: u32) -> u64 {
        (u64::from(hash) << 32) | u64::from(id)
    }

    /// Ids stored under `hash`, ascending (may include other keys with the same hash).
    pub fn get(&self, hash: u32) -> impl Iterator<Item = u32> + '_ {
        let lo = u64::from(hash) << 32;
        let start = self.cells.partition_point(|&c| c < lo);
        self.cells[start..]
            .iter()
            .take_while(move |&&c| (c >> 32) as u32 == hash)
            .map(|&c| c as u32)
    }
}

/// A slot of the interning table: a token id and, for a short token, its text, so that most
/// lookups compare in the table instead of reaching into the arena (two cache misses fewer per
/// token of every listed name).
#[derive(Clone, Copy)]
struct Slot {
    id: u32,
    /// Length in bytes if at most `INLINE`, else `u8::MAX` (the text is only in the arena).
    len: u8,
    text: [u8; INLINE],
}

/// Bytes of a token kept in its `Slot`.
const INLINE: usize = 11;

impl Slot {
    fn new(id: u32, token: &str) -> Self {
        let mut slot = Slot {
            id,
            len: u8::MAX,
            text: [0; INLINE],
        };
        if token.len() <= INLINE {
            slot.len = token.len() as u8;
            slot.text[..token.len()].copy_from_slice(token.as_bytes());
        }
        slot
    }
}

/// Interned tokens, their postings (token → aliases) and one-deletion variants.
#[derive(Default)]
pub struct Tokens {
    /// All token texts, concatenated.
    arena: String,
    /// Token id → start of its text in `arena` (one more entry at the end).
    starts: Vec<u32>,
    /// Token text → id, while building (lookups go through `deletions`).
    ids: HashTable<Slot>,
    /// Token id → `table_hash` of its text, while building (growing `ids` rehashes).
    table_hashes: Vec<u64>,
    /// Token id → range of its aliases in `posted` (CSR; built by `finish`).
    posting_starts: Vec<u32>,
    posted: Vec<u32>,
    /// `(token id, alias id)` while building.
    pairs: Vec<(u32, u32)>,
    /// Token or one-deletion variant → token ids (edit-distance blocking).
    deletions: HashIndex,
}

impl Tokens {
    /// Number of distinct tokens.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Text of token `id`.
    pub fn text(&self, id: u32) -> &str {
        let (a, b) = (self.starts[id as usize], self.starts[id as usize + 1]);
        &self.arena[a as usize..b as usize]
    }

    fn find_hashed(&self, token: &str, h: u64) -> Option<u32> {
        let short = token.len() <= INLINE;
        self.ids
            .find(h, |slot| {
                if short {
                    usize::from(slot.len) == token.len()
                        && &slot.text[..token.len()] == token.as_bytes()
                } else {
                    slot.len == u8::MAX && self.text(slot.id) == token
                }
            })
            .map(|slot| slot.id)
    }

    /// Record that alias `alias` contains `token` (ids in order of first appearance).
    #[cfg(test)]
    pub fn post(&mut self, token: &str, alias: u32) {
        self.post_hashed(token, table_hash(token), alias);
    }

    /// `post` with the token's `table_hash` computed beforehand (in parallel, while building).
    pub fn post_hashed(&mut self, token: &str, h: u64, alias: u32) {
        if self.starts.is_empty() {
            self.starts.push(0);
        }
        let id = match self.find_hashed(token, h) {
            Some(id) => id,
            None => {
                let id = self.len() as u32;
                self.arena.push_str(token);
                self.starts.push(self.arena.len() as u32);
                self.table_hashes.push(h);
                let hashes = &self.table_hashes;
                self.ids
                    .insert_unique(h, Slot::new(id, token), |slot| hashes[slot.id as usize]);
                id
            }
        };
        self.pairs.push((id, alias));
    }

    /// Lay out the postings and build the deletion index; `fuzzy` says which tokens get
    /// one-deletion variants (by length in chars).
    pub fn finish(&mut self, fuzzy: impl Fn(usize) -> bool + Sync) {
        let n = self.len();
        // Counting sort by token; stable, so each posting stays in alias order.
        let mut starts = vec![0u32; n + 1];
        for &(t, _) in &self.pairs {
            starts[t as usize + 1] += 1;
        }
        for i in 0..n {
            starts[i + 1] += starts[i];
        }
        let mut fill = starts.clone();
        let mut posted = vec![0u32; self.pairs.len()];
        for &(t, a) in &self.pairs {
            posted[fill[t as usize] as usize] = a;
            fill[t as usize] += 1;
        }
        self.pairs = Vec::new();
        self.table_hashes = Vec::new();
        self.ids = HashTable::new();
        self.posting_starts = starts;
        self.posted = posted;
        self.arena.shrink_to_fit();
        self.starts.shrink_to_fit();
        // Sized exactly: at a million rows these are tens of millions of cells.
        let count = |t: &str| {
            let chars = t.chars().count();
            1 + if fuzzy(chars) { chars } else { 0 }
        };
        // Filled in parallel runs of token ids, each into its own part of one buffer (runs
        // concatenated afterwards would hold the cells twice at the peak of the build).
        const RUN: u32 = 1 << 16;
        let runs: Vec<std::ops::Range<u32>> = (0..(n as u32).div_ceil(RUN))
            .map(|r| r * RUN..((r + 1) * RUN).min(n as u32))
            .collect();
        let sizes: Vec<usize> = runs
            .par_iter()
            .map(|ids| ids.clone().map(|id| count(self.text(id))).sum())
            .collect();
        let mut cells = vec![0u64; sizes.iter().sum()];
        let mut parts = Vec::with_capacity(runs.len());
        let mut rest = cells.as_mut_slice();
        for &size in &sizes {
            let (part, tail) = rest.split_at_mut(size);
            parts.push(part);
            rest = tail;
        }
        parts.into_par_iter().zip(runs).for_each(|(part, ids)| {
            let mut out = part.iter_mut();
            for id in ids {
                let t = self.text(id);
                let cells = std::iter::once(HashIndex::cell(hash(t), id)).chain(
                    (count(t) > 1)
                        .then(|| {
                            t.char_indices().map(move |(i, c)| {
                                HashIndex::cell(hash_without(t, i..i + c.len_utf8()), id)
                            })
                        })
                        .into_iter()
                        .flatten(),
                );
                // `cells` first: zip stops on it without taking a slot from `out`.
                for (cell, slot) in cells.zip(out.by_ref()) {
                    *slot = cell;
                }
            }
        });
        self.deletions = HashIndex::build(cells);
    }

    /// Aliases containing token `id`, ascending.
    pub fn posting(&self, id: u32) -> &[u32] {
        match (
            self.posting_starts.get(id as usize),
            self.posting_starts.get(id as usize + 1),
        ) {
            (Some(&a), Some(&b)) => &self.posted[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Tokens whose text is `key`, or (for `fuzzy` lengths) has `key` as a one-deletion variant.
    pub fn near(&self, key: &str, fuzzy: impl Fn(usize) -> bool) -> impl Iterator<Item = u32> {
        self.deletions.get(hash(key)).filter(move |&id| {
            let t = self.text(id);
            t == key || (fuzzy(t.chars().count()) && is_one_deletion(key, t))
        })
    }
}

/// True if `short` is `long` with exactly one char removed.
fn is_one_deletion(short: &str, long: &str) -> bool {
    // Removing the char at the first difference is enough: within a run of equal chars any
    // deletion gives the same string.
    let mut p = short
        .bytes()
        .zip(long.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !long.is_char_boundary(p) {
        p -= 1;
    }
    let Some(c) = long[p..].chars().next() else {
        return false;
    };
    let w = c.len_utf8();
    long.len() == short.len() + w && short.get(p..) == long.get(p + w..)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_deletion() {
        assert!(is_one_deletion("huawe", "huawei"));
        assert!(is_one_deletion("hawei", "huawei"));
        assert!(is_one_deletion("ab", "aab"));
        assert!(is_one_deletion("华为", "华为云"));
        assert!(is_one_deletion("华云", "华为云"));
        assert!(!is_one_deletion("huawei", "huawei"));
        assert!(!is_one_deletion("huawx", "huawai"));
        assert!(!is_one_deletion("hua", "huawei"));
    }

    #[test]
    fn deletion_hash_equals_hash_of_variant() {
        assert_eq!(hash_without("huawei", 2..3), hash("huwei"));
        assert_eq!(hash_without("华为云", 3..6), hash("华云"));
    }

    #[test]
    fn tokens_post_and_find_near() {
        let mut t = Tokens::default();
        t.post("huawei", 0);
        t.post("sugon", 0);
        t.post("huawei", 2);
        t.finish(|n| (5..=48).contains(&n));
        assert_eq!(t.len(), 2);
        assert_eq!(t.posting(0), &[0, 2]);
        assert_eq!(t.posting(1), &[0]);
        let fuzzy = |n: usize| (5..=48).contains(&n);
        assert_eq!(t.near("huawei", fuzzy).collect::<Vec<_>>(), vec![0]);
        assert_eq!(t.near("huwei", fuzzy).collect::<Vec<_>>(), vec![0]);
        // "sugon" has 5 chars: its deletions are indexed too.
        assert_eq!(t.near("sgon", fuzzy).collect::<Vec<_>>(), vec![1]);
        assert_eq!(t.near("xyz", fuzzy).count(), 0);
    }

    #[test]
    fn tokens_longer_than_a_slot_are_interned_through_the_arena() {
        let mut t = Tokens::default();
        // 11 bytes fit a slot; 12 and 18 do not; a 4-char Han token is 12 bytes.
        for (token, alias) in [
            ("abcdefghijk", 0),
            ("abcdefghijkl", 0),
            ("huaweitechnologies", 1),
            ("abcdefghijkl", 2),
            ("华为技术", 2),
            ("huaweitechnologies", 3),
            ("huaweitechnologiez", 3),
            ("华为技术", 4),
        ] {
            t.post(token, alias);
        }
        t.finish(|n| (5..=48).contains(&n));
        assert_eq!(t.len(), 5);
        assert_eq!(t.text(1), "abcdefghijkl");
        assert_eq!(t.posting(1), &[0, 2]);
        assert_eq!(t.posting(2), &[1, 3]);
        assert_eq!(t.posting(3), &[2, 4]);
        assert_eq!(t.posting(4), &[3]);
        let fuzzy = |n: usize| (5..=48).contains(&n);
        assert_eq!(
            t.near("huaweitechnologie", fuzzy).collect::<Vec<_>>(),
            vec![2, 4]
        );
        assert_eq!(t.near("华为技术", fuzzy).collect::<Vec<_>>(), vec![3]);
    }

    #[test]
    fn hash_index_returns_ids_of_a_hash() {
        let idx = HashIndex::build(vec![
            HashIndex::cell(7, 3),
            HashIndex::cell(7, 1),
            HashIndex::cell(9, 2),
            HashIndex::cell(7, 1),
        ]);
        assert_eq!(idx.get(7).collect::<Vec<_>>(), vec![1, 3]);
        assert_eq!(idx.get(9).collect::<Vec<_>>(), vec![2]);
        assert_eq!(idx.get(8).count(), 0);
    }
}
