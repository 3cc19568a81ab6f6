//! Notice fields from HTML or plain text.
use crate::model::Notice;

/// Parse a decoded document (HTML, or plain text when it has no markup) into notice fields.
pub fn parse(doc: &str) -> Notice {
    Notice { text: doc.to_string(), ..Notice::default() }
}
