//! Text normalisation for matching, with a map back to the original byte offsets.
//!
//! Tender pages mix full-width and half-width forms (`Ａ１００`), upper and lower case, and
//! traditional and simplified script (`英偉達`). We match on one canonical form but must report
//! the text exactly as on the page, so every normalised offset maps back to the original.

/// Normalised text and the way back to the original offsets.
pub(crate) struct Normalized {
    /// The canonical form: half-width, ASCII lower case, simplified script.
    pub text: String,
    /// `(normalised offset, original offset)` at the start and after every character whose
    /// UTF-8 length changed; offsets in between move in step.
    sync: Vec<(usize, usize)>,
}

/// Bytes that end a run copied unchanged by [`Normalized::new`]: ASCII capitals, tabs and the
/// lead bytes of characters that may normalise. A table: one load per byte instead of a chain
/// of comparisons, in the loop that reads every byte of every page.
static MAY_CHANGE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = matches!(b as u8, b'A'..=b'Z' | b'\t' | 0xC2 | 0xE2 | 0xE3 | 0xEF);
        b += 1;
    }
    t
};

impl Normalized {
    /// Normalise `original`: half-width, ASCII lower case, one kind of space and hyphen.
    /// Traditional script is handled on the vocabulary side (see [`traditional_variants`]),
    /// which keeps this pass a byte copy for almost every character.
    pub fn new(original: &str) -> Normalized {
        let bytes = original.as_bytes();
        // Built as a `String` from slices of `original` (all on character boundaries), so the
        // result needs no second UTF-8 validation (that was a third of this function's time).
        let mut out = String::with_capacity(bytes.len());
        let mut sync = vec![(0, 0)];
        let mut i = 0;
        while i < bytes.len() {
            // Copy the run of bytes that stay as they are in one go: everything but ASCII
            // capitals, tabs and the lead bytes of characters that may normalise (continuation
            // bytes are never among these, so a run always ends on a character boundary).
            let run = bytes[i..]
                .iter()
                .position(|&b| MAY_CHANGE[usize::from(b)])
                .unwrap_or(bytes.len() - i);
            out.push_str(original.get(i..i + run).unwrap_or_default());
            i += run;
            let Some(&b) = bytes.get(i) else { break };
            if b < 0x80 {
                out.push(if b == b'\t' {
                    ' '
                } else {
                    char::from(b.to_ascii_lowercase())
                });
                i += 1;
                continue;
            }
            let width = if b >= 0xF0 {
                4
            } else if b >= 0xE0 {
                3
            } else {
                2
            };
            let end = (i + width).min(bytes.len());
            let piece = original.get(i..end).unwrap_or_default();
            // Only these lead bytes start characters that normalise (U+00A0, U+2002…U+2212,
            // U+3000, U+FF01…U+FF5E); everything else is copied as is.
            if matches!(b, 0xC2 | 0xE2 | 0xE3 | 0xEF)
                && let Some(c) = piece.chars().next()
            {
                let n = normalize_char(c);
                if n != c {
                    out.push(n);
                    if n.len_utf8() != c.len_utf8() {
                        sync.push((out.len(), end));
                    }
                    i = end;
                    continue;
                }
            }
            out.push_str(piece);
            i = end;
        }
        Normalized { text: out, sync }
    }

    /// The original byte offset of a normalised offset that lies on a character boundary.
    pub fn original_offset(&self, pos: usize) -> usize {
        let i = self
            .sync
            .partition_point(|&(n, _)| n <= pos)
            .saturating_sub(1);
        let (n, o) = self.sync.get(i).copied().unwrap_or((0, 0));
        o + (pos - n)
    }
}

/// Normalise a vocabulary term the same way as page text, and to simplified script.
pub(crate) fn normalize_term(term: &str) -> String {
    fast2s::convert(&Normalized::new(term.trim()).text)
}

/// Traditional spellings of a simplified term ("英伟达" → "英偉達"), at most `cap` of them
/// besides the term itself. Pages in traditional script then match without converting every
/// page (a per-character table lookup that would cost more than the whole scan).
pub(crate) fn traditional_variants(term: &str, cap: usize) -> Vec<String> {
    let forms = traditional_forms();
    let mut out = vec![String::new()];
    for c in term.chars() {
        let alternatives = forms.get(&c);
        let mut next = Vec::with_capacity(out.len() * (1 + alternatives.map_or(0, Vec::len)));
        // Strings built by hand, not `format!` (its machinery was a third of the vocabulary's
        // load time); the plain spelling extends the prefix in place.
        for mut prefix in out {
            let plain_at = next.len();
            for &t in alternatives.into_iter().flatten() {
                let mut variant = String::with_capacity(prefix.len() + t.len_utf8());
                variant.push_str(&prefix);
                variant.push(t);
                next.push(variant);
            }
            prefix.push(c);
            next.insert(plain_at, prefix);
        }
        if next.len() > cap + 1 {
            // Too many mixed spellings: keep the plain and the fully traditional ones.
            let full: String = term
                .chars()
                .map(|c| forms.get(&c).and_then(|v| v.first()).copied().unwrap_or(c))
                .collect();
            let mut few = vec![term.to_string()];
            if full != term {
                few.push(full);
            }
            return few;
        }
        out = next;
    }
    out
}

/// Simplified character → the traditional characters fast2s turns into it.
fn traditional_forms() -> &'static std::collections::HashMap<char, Vec<char>> {
    static FORMS: std::sync::OnceLock<std::collections::HashMap<char, Vec<char>>> =
        std::sync::OnceLock::new();
    FORMS.get_or_init(|| {
        let mut map: std::collections::HashMap<char, Vec<char>> = std::collections::HashMap::new();
        let ranges = [0x3400u32..=0x4DBF, 0x4E00..=0x9FFF, 0xF900..=0xFAFF];
        for c in ranges.into_iter().flatten().filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let simplified = fast2s::convert(c.encode_utf8(&mut buf));
            if let Some(s) = simplified.chars().next()
                && s != c
            {
                map.entry(s).or_default().push(c);
            }
        }
        map
    })
}

/// One character's canonical form.
fn normalize_char(c: char) -> char {
    match c {
        // Full-width ASCII block (Ａ１００, ＧＰＵ, －).
        '\u{FF01}'..='\u{FF5E}' => {
            char::from_u32(c as u32 - 0xFEE0).map_or(c, |h| h.to_ascii_lowercase())
        }
        '\u{3000}' | '\u{00A0}' | '\t' | '\u{2002}'..='\u{200A}' => ' ',
        // Dashes, so that "A100–SXM4" and "GPT‑4" behave like ASCII hyphens.
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        _ => c.to_ascii_lowercase(),
    }
}

/// True for bytes that make an ASCII word (a code like `A100` must not touch them).
pub(crate) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

/// Byte offset `n` characters before `pos` (or 0).
pub(crate) fn chars_back(text: &str, pos: usize, n: usize) -> usize {
    text[..pos]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

/// Byte offset `n` characters after `pos` (or the end).
pub(crate) fn chars_forward(text: &str, pos: usize, n: usize) -> usize {
    text[pos..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| pos + i)
}

/// A one-line snippet of `original` around `start..end`, about `width` characters each side.
pub(crate) fn snippet(original: &str, start: usize, end: usize, width: usize) -> String {
    let from = chars_back(original, start, width);
    let to = chars_forward(original, end, width);
    crate::parse::html::squash(&original[from..to])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_maps_back_to_original_offsets() {
        let original = "型号：Ａ１００ 显卡";
        let n = Normalized::new(original);
        assert_eq!(n.text, "型号:a100 显卡");
        let start = n.text.find("a100").unwrap_or(usize::MAX);
        let (s, e) = (n.original_offset(start), n.original_offset(start + 4));
        assert_eq!(&original[s..e], "Ａ１００");
        let g = n.text.find("显卡").unwrap_or(usize::MAX);
        assert_eq!(&original[n.original_offset(g)..], "显卡");
    }

    #[test]
    fn traditional_terms_become_simplified() {
        assert_eq!(
            normalize_term("英偉達 輝達 亞馬遜 微軟"),
            "英伟达 辉达 亚马逊 微软"
        );
    }

    #[test]
    fn simplified_terms_get_their_traditional_spellings() {
        let v = traditional_variants("英伟达", 16);
        assert!(
            v.contains(&"英偉達".to_string()) && v.contains(&"英伟达".to_string()),
            "{v:?}"
        );
        assert_eq!(traditional_variants("aws", 16), vec!["aws"]);
    }

    #[test]
    fn snippet_is_one_line() {
        assert_eq!(snippet("ab\n\ncd  ef\tgh", 3, 5, 10), "ab cd ef gh");
    }
}
