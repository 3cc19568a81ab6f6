//! Bytes → UTF-8 text: BOM, HTTP charset, `<meta>` declaration, then detection.
//!
//! A declaration is a hint, not a promise: portals mislabel pages (a GBK page saying `utf-8`, a
//! UTF-8 mirror still saying `gb2312`), so a declared label only wins when the bytes agree with it.
use std::sync::LazyLock;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, GBK, UTF_8};
use regex::bytes::Regex;

use crate::model::Decoded;

/// How far into the page a `<meta charset>` is looked for (HTML says 1024; Word pages push it further).
const META_PRESCAN: usize = 16 * 1024;
/// How much of the page chardetng sees.
const DETECT_PREFIX: usize = 64 * 1024;

/// `<meta charset=…>` and `<meta http-equiv="Content-Type" content="…; charset=…">`.
static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)"#)
        .expect("valid meta regex")
});

/// Decode a page's bytes to text, never failing (invalid sequences become U+FFFD).
pub fn decode(bytes: &[u8], header_charset: Option<&str>) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_as(encoding, bytes.get(bom_len..).unwrap_or_default());
    }
    let declared = header_charset
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        .or_else(|| meta_charset(bytes))
        // A UTF-16 label in an ASCII-compatible document is a lie; WHATWG maps it to UTF-8.
        .map(Encoding::output_encoding);

    // Valid UTF-8 is checked once and copied once: it is most pages, so this is the hot path.
    let valid_utf8 = std::str::from_utf8(bytes).ok();
    match declared {
        Some(enc) if enc == UTF_8 => {
            if let Some(text) = valid_utf8 {
                utf8(text)
            } else if mostly_utf8(bytes) {
                decode_as(UTF_8, bytes)
            } else {
                decode_as(detect(bytes), bytes)
            }
        }
        Some(enc) => {
            // Valid UTF-8 with non-ASCII text is almost never GBK or a single-byte charset:
            // mirrors often keep the old declaration after re-encoding the page.
            if let Some(text) = valid_utf8.filter(|t| !t.is_ascii()) {
                utf8(text)
            } else {
                decode_as(enc, bytes)
            }
        }
        None => {
            if let Some(text) = valid_utf8 {
                utf8(text)
            } else if mostly_utf8(bytes) {
                decode_as(UTF_8, bytes)
            } else {
                decode_as(detect(bytes), bytes)
            }
        }
    }
}

/// The charset declared by a `<meta>` tag near the top of the page, if any.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes
        .get(..META_PRESCAN.min(bytes.len()))
        .unwrap_or_default();
    let caps = META_CHARSET.captures(head)?;
    Encoding::for_label(caps.get(1)?.as_bytes())
}

/// True if the bytes are UTF-8 apart from a stray truncated or damaged sequence or two
/// (a cut `<meta description>` must not turn a UTF-8 page into mojibake).
/// Called only for bytes that failed strict UTF-8 validation.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let sample = bytes
        .get(..DETECT_PREFIX.min(bytes.len()))
        .unwrap_or_default();
    let text = String::from_utf8_lossy(sample);
    let mut replaced = 0usize;
    let mut non_ascii = 0usize;
    for c in text.chars() {
        if c == char::REPLACEMENT_CHARACTER {
            replaced += 1;
        } else if !c.is_ascii() {
            non_ascii += 1;
        }
    }
    // GBK read as UTF-8 yields a replacement for nearly every Chinese character.
    replaced <= 3 && non_ascii >= replaced * 20
}

/// chardetng's guess over the first 64 KiB; GBK when it cannot tell (the common case here).
fn detect(bytes: &[u8]) -> &'static Encoding {
    let sample = bytes
        .get(..DETECT_PREFIX.min(bytes.len()))
        .unwrap_or_default();
    if sample.is_empty() {
        return UTF_8;
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(sample, sample.len() == bytes.len());
    let guess = detector.guess(None, Utf8Detection::Allow);
    // chardetng reads short Chinese snippets as windows-1252 now and then; CJK pages are the norm.
    if guess == encoding_rs::WINDOWS_1252 && looks_gbk(sample) {
        GBK
    } else {
        guess
    }
}

/// True if the high bytes pair up as GBK lead/trail bytes throughout the sample.
fn looks_gbk(sample: &[u8]) -> bool {
    let (text, _, had_errors) = GBK.decode(sample);
    !had_errors && text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// Text already known to be valid UTF-8.
/// The encoding as a WHATWG label, lower case (`utf-8`, `gbk`, `gb18030`, `big5`): one spelling
/// in every report.
fn whatwg_label(encoding: &'static Encoding) -> String {
    encoding.name().to_ascii_lowercase()
}

fn utf8(text: &str) -> Decoded {
    Decoded {
        text: text.to_owned(),
        encoding: whatwg_label(UTF_8),
        had_errors: false,
    }
}

/// Decode with one encoding, replacing invalid sequences.
fn decode_as(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: whatwg_label(encoding),
        had_errors,
    }
}
