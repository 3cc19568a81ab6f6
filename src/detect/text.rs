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

impl Normalized {
    /// Normalise `original`.
    pub fn new(original: &str) -> Normalized {
        let mut text = String::with_capacity(original.len());
        let mut sync = vec![(0, 0)];
        for (i, c) in original.char_indices() {
            let n = normalize_char(c);
            text.push(n);
            if n.len_utf8() != c.len_utf8() {
                sync.push((text.len(), i + c.len_utf8()));
            }
        }
        // fast2s replaces traditional characters in place with simplified ones of the same
        // (3-byte) length, so the offsets above stay valid.
        fast2s::replace(&mut text);
        Normalized { text, sync }
    }

    /// The original byte offset of a normalised offset that lies on a character boundary.
    pub fn original_offset(&self, pos: usize) -> usize {
        let i = self.sync.partition_point(|&(n, _)| n <= pos).saturating_sub(1);
        let (n, o) = self.sync.get(i).copied().unwrap_or((0, 0));
        o + (pos - n)
    }
}

/// Normalise a vocabulary term the same way as page text.
pub(crate) fn normalize_term(term: &str) -> String {
    Normalized::new(term.trim()).text
}

/// One character's canonical form.
fn normalize_char(c: char) -> char {
    match c {
        // Full-width ASCII block (Ａ１００, ＧＰＵ, －).
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).map_or(c, |h| h.to_ascii_lowercase()),
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
    text[..pos].char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i)
}

/// Byte offset `n` characters after `pos` (or the end).
pub(crate) fn chars_forward(text: &str, pos: usize, n: usize) -> usize {
    text[pos..].char_indices().nth(n).map_or(text.len(), |(i, _)| pos + i)
}

/// A one-line snippet of `original` around `start..end`, about `width` characters each side.
pub(crate) fn snippet(original: &str, start: usize, end: usize, width: usize) -> String {
    let from = chars_back(original, start, width);
    let to = chars_forward(original, end, width);
    let mut out = String::with_capacity(to - from);
    let mut space = false;
    for c in original[from..to].chars() {
        if c.is_whitespace() {
            space = true;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
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
    fn traditional_becomes_simplified_in_place() {
        assert_eq!(normalize_term("英偉達 輝達 亞馬遜 微軟"), "英伟达 辉达 亚马逊 微软");
    }

    #[test]
    fn snippet_is_one_line() {
        assert_eq!(snippet("ab\n\ncd  ef\tgh", 3, 5, 10), "ab cd ef gh");
    }
}
