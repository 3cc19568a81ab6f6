//! A fast tokenizer for the common run of markup, feeding the tree-builder emulation the same
//! tokens html5ever's tokenizer would (text runs may be cut elsewhere, which the emulation and
//! the walk do not notice).
//!
//! html5ever's tokenizer steps a state machine per character and builds a tendril per text run;
//! this one jumps to the next `<` or `&` with `memchr` and hands out slices of the page. It
//! covers tags and attributes, comments, doctypes, bogus comments, raw text (`script`, `style`,
//! `title`, `textarea` …) and character references that are not parse errors. Anything else —
//! a NUL byte, a reference that html5ever would report as an error (it would emit a parse-error
//! token, which the emulation sees), script data with `<!--` and `<script`, markup cut off by
//! the end of the page, attributes on an end tag — returns [`Unsupported`] and the caller runs
//! html5ever's tokenizer from the start. Rules follow html5ever 0.40's `tokenizer/mod.rs` and
//! `tokenizer/char_ref/mod.rs`; unit tests compare both tokenizers' walks.
use std::borrow::Cow;

use html5ever::data::NAMED_ENTITIES;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{EndTag, StartTag, Tag, TagKind, states::RawKind};
use html5ever::{Attribute, LocalName, QualName, ns};
use memchr::{memchr, memchr2, memmem};

use super::State;

/// The page holds markup this tokenizer leaves to html5ever's.
#[derive(Debug)]
pub(super) struct Unsupported;

type Res<T> = Result<T, Unsupported>;

/// Tokenize `doc` into `st`. Stops early (with `Ok`) once the emulation gives up.
pub(super) fn lex(doc: &str, st: &mut State) -> Res<()> {
    // html5ever drops one leading byte-order mark.
    let doc = doc.strip_prefix('\u{feff}').unwrap_or(doc);
    if memchr(0, doc.as_bytes()).is_some() {
        return Err(Unsupported);
    }
    // The input stream's preprocessing: CR LF and lone CR become LF.
    let normalized;
    let doc = if memchr(b'\r', doc.as_bytes()).is_some() {
        normalized = doc.replace("\r\n", "\n").replace('\r', "\n");
        normalized.as_str()
    } else {
        doc
    };
    let b = doc.as_bytes();
    let mut i = 0;
    while i < b.len() && !st.bail {
        let j = memchr2(b'<', b'&', &b[i..]).map_or(b.len(), |k| i + k);
        if j > i {
            st.on_chars(&doc[i..j]);
        }
        i = j;
        if i >= b.len() || st.bail {
            break;
        }
        if b[i] == b'&' {
            i = text_ref(doc, i, st)?;
        } else {
            i = tag_open(doc, i, st)?;
        }
    }
    if !st.bail {
        st.on_eof();
    }
    Ok(())
}

/// A character reference in text at `doc[i] == '&'`; returns where text goes on.
fn text_ref(doc: &str, i: usize, st: &mut State) -> Res<usize> {
    match char_ref(doc, i + 1, false)? {
        Ref::Literal => {
            st.on_chars("&");
            Ok(i + 1)
        }
        Ref::Chars(c1, c2, end) => {
            let mut buf = [0u8; 8];
            let n = c1.encode_utf8(&mut buf).len();
            let n = n + c2.map_or(0, |c| c.encode_utf8(&mut buf[n..]).len());
            // Both characters were encoded whole, so the bytes are UTF-8.
            if let Ok(s) = std::str::from_utf8(&buf[..n]) {
                st.on_chars(s);
            }
            Ok(end)
        }
    }
}

/// What a `&` stands for.
enum Ref {
    /// A literal `&` (what follows is read again as it is).
    Literal,
    /// One or two characters, and where the reference ends.
    Chars(char, Option<char>, usize),
}

fn is_ws(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0C | b' ')
}

/// The reference after a `&` (`p` is the index after it); `Unsupported` where html5ever would
/// report a parse error or the page ends inside it.
fn char_ref(doc: &str, p: usize, in_attr: bool) -> Res<Ref> {
    let b = doc.as_bytes();
    let Some(&c) = b.get(p) else {
        return Ok(Ref::Literal);
    };
    if c == b'#' {
        let mut q = p + 1;
        let hex = matches!(b.get(q), Some(b'x' | b'X'));
        if hex {
            q += 1;
        }
        let start = q;
        while q < b.len()
            && q - start <= 8
            && (if hex {
                b[q].is_ascii_hexdigit()
            } else {
                b[q].is_ascii_digit()
            })
        {
            q += 1;
        }
        if q == start || q - start > 8 || b.get(q) != Some(&b';') {
            return Err(Unsupported);
        }
        let n = u32::from_str_radix(&doc[start..q], if hex { 16 } else { 10 })
            .map_err(|_| Unsupported)?;
        // Values html5ever replaces or reports (NUL, C1 controls, surrogates, controls,
        // noncharacters, beyond U+10FFFF) are left to it.
        let error = match n {
            0 | 0xD800..=0xDFFF | 0x80..=0x9F => true,
            0x01..=0x08 | 0x0B | 0x0D..=0x1F | 0x7F | 0xFDD0..=0xFDEF => true,
            n if n > 0x10FFFF || (n & 0xFFFE) == 0xFFFE => true,
            _ => false,
        };
        return match char::from_u32(n) {
            Some(ch) if !error => Ok(Ref::Chars(ch, None, q + 1)),
            _ => Err(Unsupported),
        };
    }
    if !c.is_ascii_alphanumeric() {
        return Ok(Ref::Literal);
    }
    // Longest name in the entity table (which also holds every prefix of every name).
    let mut q = p;
    let mut best: Option<(usize, (u32, u32))> = None;
    while q < b.len() && b[q].is_ascii() {
        match NAMED_ENTITIES.get(&doc[p..=q]) {
            Some(&m) => {
                if m.0 != 0 {
                    best = Some((q + 1, m));
                }
                q += 1;
            }
            None => break,
        }
    }
    if q >= b.len() {
        return Err(Unsupported);
    }
    match best {
        None => {
            // html5ever reads on over letters and digits; a `;` after them is an error.
            while q < b.len() && b[q].is_ascii_alphanumeric() {
                q += 1;
            }
            match b.get(q) {
                None | Some(b';') => Err(Unsupported),
                Some(_) => Ok(Ref::Literal),
            }
        }
        Some((end, (c1, c2))) => {
            if b[end - 1] != b';' {
                // Without `;`: in an attribute before `=` or a letter or digit it stays
                // literal; anywhere else it is a parse error.
                return match b.get(end) {
                    Some(&n) if in_attr && (n == b'=' || n.is_ascii_alphanumeric()) => {
                        Ok(Ref::Literal)
                    }
                    _ => Err(Unsupported),
                };
            }
            let c1 = char::from_u32(c1).ok_or(Unsupported)?;
            let c2 = match c2 {
                0 => None,
                c => Some(char::from_u32(c).ok_or(Unsupported)?),
            };
            Ok(Ref::Chars(c1, c2, end))
        }
    }
}

/// Markup at `doc[i] == '<'`; returns where text goes on.
fn tag_open(doc: &str, i: usize, st: &mut State) -> Res<usize> {
    let b = doc.as_bytes();
    let Some(&c) = b.get(i + 1) else {
        return Err(Unsupported);
    };
    match c {
        c if c.is_ascii_alphabetic() => tag(doc, i + 1, StartTag, st),
        b'/' => match b.get(i + 2) {
            None => Err(Unsupported),
            Some(c) if c.is_ascii_alphabetic() => tag(doc, i + 2, EndTag, st),
            // `</>`: a parse error and nothing else.
            Some(b'>') => {
                st.on_other();
                Ok(i + 3)
            }
            Some(_) => bogus_comment(doc, i + 2, st),
        },
        b'!' => {
            let rest = &b[i + 2..];
            if rest.starts_with(b"--") {
                comment(doc, i + 4, st)
            } else if rest.len() < 7 {
                Err(Unsupported)
            } else if rest[..7].eq_ignore_ascii_case(b"doctype") {
                let end = memchr(b'>', &rest[7..]).ok_or(Unsupported)?;
                st.on_doctype();
                Ok(i + 2 + 7 + end + 1)
            } else {
                bogus_comment(doc, i + 2, st)
            }
        }
        b'?' => bogus_comment(doc, i + 1, st),
        _ => {
            // Not markup: a parse error, then `<` as text.
            st.on_other();
            st.on_chars("<");
            Ok(i + 1)
        }
    }
}

/// A bogus comment from `p` to the next `>`.
fn bogus_comment(doc: &str, p: usize, st: &mut State) -> Res<usize> {
    let end = memchr(b'>', &doc.as_bytes()[p..]).ok_or(Unsupported)?;
    st.on_other();
    Ok(p + end + 1)
}

/// A comment whose text starts at `p` (after `<!--`): it ends at `>` or `->` right away, else
/// at the first `-->` or `--!>`.
fn comment(doc: &str, p: usize, st: &mut State) -> Res<usize> {
    let rest = &doc.as_bytes()[p..];
    let end = if rest.starts_with(b">") {
        1
    } else if rest.starts_with(b"->") {
        2
    } else {
        let mut from = 0;
        loop {
            let k = from + memmem::find(&rest[from..], b"--").ok_or(Unsupported)?;
            match rest.get(k + 2) {
                Some(b'>') => break k + 3,
                Some(b'!') if rest.get(k + 3) == Some(&b'>') => break k + 4,
                None => return Err(Unsupported),
                _ => from = k + 1,
            }
        }
    };
    st.on_other();
    Ok(p + end)
}

/// ASCII upper case to lower case, borrowing when there is none.
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|c| c.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// A tag whose name starts at `p`; hands it to the emulation and reads raw text after it when
/// asked to. Returns where text goes on.
fn tag(doc: &str, p: usize, kind: TagKind, st: &mut State) -> Res<usize> {
    let b = doc.as_bytes();
    let mut q = p;
    while q < b.len() && !is_ws(b[q]) && b[q] != b'/' && b[q] != b'>' {
        q += 1;
    }
    if q >= b.len() {
        return Err(Unsupported);
    }
    let name = LocalName::from(&*lower(&doc[p..q]));
    let mut attrs: Vec<Attribute> = Vec::new();
    let mut self_closing = false;
    let mut dup = false;
    let mut value = String::new();
    loop {
        // Before an attribute name.
        while q < b.len() && is_ws(b[q]) {
            q += 1;
        }
        match b.get(q) {
            None => return Err(Unsupported),
            Some(b'>') => {
                q += 1;
                break;
            }
            Some(b'/') => {
                q += 1;
                match b.get(q) {
                    None => return Err(Unsupported),
                    Some(b'>') => {
                        self_closing = true;
                        q += 1;
                        break;
                    }
                    // Read again as the start of an attribute name.
                    Some(_) => continue,
                }
            }
            Some(_) => {}
        }
        // The attribute name: its first character may be `=`.
        let start = q;
        q += 1;
        while q < b.len() && !is_ws(b[q]) && !matches!(b[q], b'/' | b'>' | b'=') {
            q += 1;
        }
        // `start + 1` may be inside a multi-byte character; find the end on a boundary.
        while !doc.is_char_boundary(q) {
            q += 1;
        }
        let attr_name = LocalName::from(&*lower(&doc[start..q]));
        while q < b.len() && is_ws(b[q]) {
            q += 1;
        }
        let mut val = StrTendril::new();
        match b.get(q) {
            None => return Err(Unsupported),
            Some(b'=') => {
                q += 1;
                while q < b.len() && is_ws(b[q]) {
                    q += 1;
                }
                match b.get(q) {
                    None => return Err(Unsupported),
                    Some(&quote @ (b'"' | b'\'')) => {
                        q += 1;
                        let (v, end) = attr_value(doc, q, |c| c == quote, &mut value)?;
                        if end >= b.len() {
                            return Err(Unsupported);
                        }
                        val = v;
                        q = end + 1;
                    }
                    // `=>`: an empty value, then the end of the tag (read at the loop's top).
                    Some(b'>') => {}
                    Some(_) => {
                        let (v, end) = attr_value(doc, q, |c| is_ws(c) || c == b'>', &mut value)?;
                        if end >= b.len() {
                            return Err(Unsupported);
                        }
                        val = v;
                        q = end;
                    }
                }
            }
            Some(_) => {}
        }
        if attrs.iter().any(|a| a.name.local == attr_name) {
            dup = true;
        } else {
            attrs.push(Attribute {
                name: QualName::new(None, ns!(), attr_name),
                value: val,
            });
        }
    }
    if kind == EndTag && (!attrs.is_empty() || dup) {
        return Err(Unsupported);
    }
    let tag = Tag {
        kind,
        name,
        self_closing,
        attrs,
        had_duplicate_attributes: dup,
    };
    match st.on_tag(&tag) {
        Some(raw) if !st.bail => raw_text(doc, q, &tag.name, raw, st),
        _ => Ok(q),
    }
}

/// An attribute value from `p` up to the first byte where `stop` holds (or the end of the
/// page), with character references resolved; `scratch` is reused between values.
fn attr_value(
    doc: &str,
    p: usize,
    stop: impl Fn(u8) -> bool,
    scratch: &mut String,
) -> Res<(StrTendril, usize)> {
    let b = doc.as_bytes();
    let mut q = p;
    while q < b.len() && !stop(b[q]) && b[q] != b'&' {
        q += 1;
    }
    if q >= b.len() || stop(b[q]) {
        return Ok((StrTendril::from_slice(&doc[p..q]), q));
    }
    scratch.clear();
    scratch.push_str(&doc[p..q]);
    while q < b.len() && !stop(b[q]) {
        if b[q] == b'&' {
            match char_ref(doc, q + 1, true)? {
                Ref::Literal => {
                    scratch.push('&');
                    q += 1;
                }
                Ref::Chars(c1, c2, end) => {
                    scratch.push(c1);
                    if let Some(c2) = c2 {
                        scratch.push(c2);
                    }
                    q = end;
                }
            }
        } else {
            let s = q;
            while q < b.len() && !stop(b[q]) && b[q] != b'&' {
                q += 1;
            }
            scratch.push_str(&doc[s..q]);
        }
    }
    Ok((StrTendril::from_slice(scratch), q))
}

/// Raw text after a start tag (`p` is after its `>`) up to the appropriate end tag, which is then
/// read as a tag. Returns where text goes on.
fn raw_text(doc: &str, p: usize, name: &LocalName, kind: RawKind, st: &mut State) -> Res<usize> {
    let b = doc.as_bytes();
    let n = name.len();
    let mut from = p;
    let end = loop {
        let k = from + memmem::find(&b[from..], b"</").ok_or(Unsupported)?;
        let after = k + 2 + n;
        if after >= b.len() {
            return Err(Unsupported);
        }
        if b[k + 2..after].eq_ignore_ascii_case(name.as_bytes())
            && (is_ws(b[after]) || b[after] == b'/' || b[after] == b'>')
        {
            break k;
        }
        from = k + 1;
    };
    let text = &doc[p..end];
    match kind {
        RawKind::Rawtext => st.on_chars(text),
        RawKind::ScriptData => {
            // `<!--` … `<script` double-escapes, and the end tag may not end the script.
            if memmem::find(text.as_bytes(), b"<!--").is_some()
                && text.to_ascii_lowercase().contains("<script")
            {
                return Err(Unsupported);
            }
            st.on_chars(text);
        }
        RawKind::Rcdata => {
            // Character references are read in RCDATA (none reaches past the `<` at `end`).
            let mut i = p;
            while i < end && !st.bail {
                let j = memchr(b'&', &b[i..end]).map_or(end, |k| i + k);
                if j > i {
                    st.on_chars(&doc[i..j]);
                }
                if j >= end {
                    break;
                }
                i = text_ref(doc, j, st)?;
            }
        }
        RawKind::ScriptDataEscaped(_) => return Err(Unsupported),
    }
    if st.bail {
        return Ok(end);
    }
    tag(doc, end + 2, EndTag, st)
}
