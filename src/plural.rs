//! Counts in messages: "1 attempt", "2 attempts".

/// `n` and the noun in the right number (`count(1, "attempt", "attempts")` → `1 attempt`).
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    #[test]
    fn singular_and_plural() {
        assert_eq!(super::count(1, "attempt", "attempts"), "1 attempt");
        assert_eq!(super::count(0, "attempt", "attempts"), "0 attempts");
        assert_eq!(
            super::count(2, "listing page", "listing pages"),
            "2 listing pages"
        );
    }
}
