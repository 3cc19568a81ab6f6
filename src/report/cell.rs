//! Cell text safe for spreadsheets: the one sanitiser every cell writer (CSV, XLSX) calls.
use std::borrow::Cow;

/// `s` without C0 control characters and DEL, except tab and newline (which a quoted CSV cell or
/// an XLSX string carries fine); CR is dropped so CRLF becomes LF. A NUL from a hostile page
/// would otherwise end the cell in some readers and makes XLSX files invalid.
pub fn strip_controls(s: &str) -> Cow<'_, str> {
    let bad = |c: char| (c.is_ascii_control() && c != '\t' && c != '\n') || c == '\u{7f}';
    if !s.contains(bad) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().filter(|&c| !bad(c)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_go_tab_and_newline_stay() {
        assert_eq!(
            strip_controls("a\0b\u{1}c\u{1b}[31m\r\nd\te\u{7f}"),
            "abc[31m\nd\te"
        );
        assert!(matches!(strip_controls("四川大学\tx\ny"), Cow::Borrowed(_)));
    }
}
