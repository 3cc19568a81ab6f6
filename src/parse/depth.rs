//! A linear pre-pass that caps element nesting before the HTML tree builder sees the page.
//!
//! html5ever checks "is X in scope" by walking the stack of open elements, so every tag costs
//! time proportional to the nesting depth: 200,000 nested `<div>` took 225 s, 522k nested `<math>`
//! 20 s. No real notice nests deeper than a few dozen levels, so start tags past [`MAX_DEPTH`]
//! (and as many matching end tags) are dropped; their text stays. A page within the limit is
//! returned untouched (borrowed), so ordinary pages parse exactly as before.
//!
//! Both tokenizers (ours and html5ever's) check each new attribute against the tag's earlier ones,
//! so one tag with 200,000 attributes took 20 s. A start tag with more than [`MAX_ATTRIBUTES`]
//! keeps only its name.
use std::borrow::Cow;

use memchr::{memchr, memmem};

/// Deepest nesting of counted elements kept (real pages: under 40).
pub const MAX_DEPTH: usize = 256;

/// Most attributes one start tag keeps (real tags: under 20).
pub const MAX_ATTRIBUTES: usize = 256;

/// Elements that never nest (no end tag) or whose end tag is optional and usually omitted:
/// they are not counted, so sloppy `<p>`/`<li>`/`<td>` runs never look deep. A `match`, not a
/// list search: it runs for every tag of every page.
fn is_uncounted(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"p"
            | b"li"
            | b"dt"
            | b"dd"
            | b"tr"
            | b"td"
            | b"th"
            | b"tbody"
            | b"thead"
            | b"tfoot"
            | b"option"
            | b"optgroup"
            | b"rb"
            | b"rt"
            | b"rp"
            | b"colgroup"
            | b"caption"
            | b"html"
            | b"head"
            | b"body"
            | b"frame"
            | b"basefont"
            | b"bgsound"
            | b"keygen"
    )
}

/// Elements whose content is text, not tags: skipped whole up to their end tag.
fn is_raw_text(name: &[u8]) -> bool {
    matches!(
        name,
        b"script"
            | b"style"
            | b"textarea"
            | b"title"
            | b"xmp"
            | b"iframe"
            | b"noembed"
            | b"noframes"
            | b"plaintext"
    )
}

/// The document with nesting deeper than [`MAX_DEPTH`] flattened (borrowed if nothing changed).
pub fn limit_nesting(doc: &str) -> Cow<'_, str> {
    let bytes = doc.as_bytes();
    let mut depth = 0usize;
    let mut excess = 0usize;
    // Byte ranges of dropped tags, in order, with how many of their first bytes (`<name`) stay.
    let mut dropped: Vec<(usize, usize, usize)> = Vec::new();
    let mut i = 0usize;
    while let Some(lt) = bytes.get(i..).and_then(|rest| memchr(b'<', rest)) {
        let start = i + lt;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            i = match memmem::find(&rest[4..], b"-->") {
                Some(e) => start + 4 + e + 3,
                None => bytes.len(),
            };
            continue;
        }
        let Some(gt) = memchr(b'>', rest) else {
            break;
        };
        let end = start + gt + 1;
        let tag = &bytes[start + 1..end - 1];
        let closing = tag.first() == Some(&b'/');
        let name_bytes = if closing { &tag[1..] } else { tag };
        let name_len = name_bytes
            .iter()
            .position(|c| !(c.is_ascii_alphanumeric() || *c == b'-' || *c == b':'))
            .unwrap_or(name_bytes.len());
        if name_len == 0 || !name_bytes[0].is_ascii_alphabetic() {
            i = end;
            continue;
        }
        // Lower-cased in a small buffer (no allocation or UTF-8 check per tag); longer names are
        // in no list.
        let mut buf = [0u8; 16];
        let name: &[u8] = match buf.get_mut(..name_len) {
            Some(dst) => {
                dst.copy_from_slice(&name_bytes[..name_len]);
                dst.make_ascii_lowercase();
                dst
            }
            None => b"",
        };
        if !closing && is_raw_text(name) {
            // Find `</name` case-insensitively; the text in between holds no tags.
            let close = [&b"</"[..], name].concat();
            let after = &bytes[end..];
            i = find_ascii_ci(after, &close).map_or(bytes.len(), |p| end + p);
            continue;
        }
        i = end;
        let name_end = start + 1 + usize::from(closing) + name_len;
        if !closing {
            let (real_end, attributes) = attribute_count(bytes, name_end);
            if attributes > MAX_ATTRIBUTES {
                // Keep `<name`, drop the attributes; the tag then counts as an ordinary one.
                dropped.push((start, real_end, name_end - start));
                i = real_end;
                if is_uncounted(name) {
                    continue;
                }
                if depth >= MAX_DEPTH {
                    excess += 1;
                    // The whole tag goes, as for any tag past the limit.
                    if let Some(last) = dropped.last_mut() {
                        last.2 = 0;
                    }
                } else {
                    depth += 1;
                }
                continue;
            }
        }
        if is_uncounted(name) || (!closing && tag.ends_with(b"/")) {
            continue;
        }
        if closing {
            if excess > 0 {
                excess -= 1;
                dropped.push((start, end, 0));
            } else {
                depth = depth.saturating_sub(1);
            }
        } else if depth >= MAX_DEPTH {
            excess += 1;
            dropped.push((start, end, 0));
        } else {
            depth += 1;
        }
    }
    if dropped.is_empty() {
        return Cow::Borrowed(doc);
    }
    let mut out = String::with_capacity(doc.len());
    let mut from = 0;
    for (start, end, keep) in dropped {
        // Tag boundaries and name ends are ASCII bytes, so these are char boundaries.
        out.push_str(doc.get(from..start).unwrap_or_default());
        if keep > 0 {
            out.push_str(doc.get(start..start + keep).unwrap_or_default());
            out.push('>');
        }
        from = end;
    }
    out.push_str(doc.get(from..).unwrap_or_default());
    Cow::Owned(out)
}

/// Where a start tag whose name ends at `p` really ends (after its `>`, quoted values read as
/// the tokenizer reads them) and how many attributes it has. Linear: every step moves on.
fn attribute_count(bytes: &[u8], mut p: usize) -> (usize, usize) {
    let is_ws = |c: u8| matches!(c, b'\t' | b'\n' | b'\r' | 0x0C | b' ');
    let skip_ws = |mut p: usize| {
        while bytes.get(p).is_some_and(|&c| is_ws(c)) {
            p += 1;
        }
        p
    };
    let mut count = 0;
    loop {
        p = skip_ws(p);
        match bytes.get(p) {
            None => return (bytes.len(), count),
            Some(b'>') => return (p + 1, count),
            Some(b'/') => {
                p += 1;
                continue;
            }
            Some(_) => {}
        }
        // The name (its first character may be `=`).
        count += 1;
        p += 1;
        while bytes
            .get(p)
            .is_some_and(|&c| !is_ws(c) && !matches!(c, b'/' | b'>' | b'='))
        {
            p += 1;
        }
        p = skip_ws(p);
        if bytes.get(p) != Some(&b'=') {
            continue;
        }
        p = skip_ws(p + 1);
        match bytes.get(p) {
            None => return (bytes.len(), count),
            Some(&q @ (b'"' | b'\'')) => match bytes.get(p + 1..).and_then(|r| memchr(q, r)) {
                Some(k) => p += 1 + k + 1,
                None => return (bytes.len(), count),
            },
            Some(b'>') => {}
            Some(_) => {
                while bytes.get(p).is_some_and(|&c| !is_ws(c) && c != b'>') {
                    p += 1;
                }
            }
        }
    }
}

/// First position of `needle` (lower-case ASCII) in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle.first()?;
    let mut from = 0;
    while let Some(p) = hay.get(from..).and_then(|rest| memchr(*first, rest)) {
        let at = from + p;
        if hay
            .get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_page_is_untouched() {
        let page = "<html><body><div><div><p>采购人：某大学<p>x</div></div><script>if(a<b){}</script></body></html>";
        assert!(matches!(limit_nesting(page), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_cut_at_the_limit_and_text_kept() {
        let n = MAX_DEPTH + 100;
        let page = format!("{}文本{}", "<div>".repeat(n), "</div>".repeat(n));
        let out = limit_nesting(&page);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("文本"));
    }

    #[test]
    fn tags_inside_scripts_and_comments_do_not_count() {
        let page = format!(
            "<script>{}</SCRIPT><!--{}--><div>x</div>",
            "<div>".repeat(MAX_DEPTH + 1),
            "<div>".repeat(MAX_DEPTH + 1)
        );
        assert!(matches!(limit_nesting(&page), Cow::Borrowed(_)));
    }

    #[test]
    fn a_tag_with_too_many_attributes_keeps_its_name_only() {
        let attrs: Vec<String> = (0..MAX_ATTRIBUTES + 1)
            .map(|i| format!("a{i}=\"1>\""))
            .collect();
        let page = format!("<p>x</p><DIV {}>采购人：某大学</DIV>", attrs.join(" "));
        assert_eq!(limit_nesting(&page), "<p>x</p><DIV>采购人：某大学</DIV>");
        // At the limit nothing changes.
        let attrs: Vec<String> = (0..MAX_ATTRIBUTES).map(|i| format!("a{i}=1")).collect();
        let page = format!("<div {}>x</div>", attrs.join(" "));
        assert!(matches!(limit_nesting(&page), Cow::Borrowed(_)));
    }

    #[test]
    fn attribute_count_reads_quoted_values_and_bare_names() {
        let tag = b"<td class=\"a > b\" nowrap colspan=2 data-x='y'>rest";
        assert_eq!(attribute_count(tag, 3), (tag.len() - 4, 4));
        assert_eq!(attribute_count(b"<br/>", 3), (5, 0));
        assert_eq!(attribute_count(b"<a href=\"unclosed", 2), (17, 1));
    }

    #[test]
    fn unclosed_paragraphs_do_not_count() {
        let page = format!(
            "{}<div><table><tr><td>x</td></tr></table></div>",
            "<p>a".repeat(1000)
        );
        assert!(matches!(limit_nesting(&page), Cow::Borrowed(_)));
    }
}
