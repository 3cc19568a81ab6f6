//! The anti-bot detector against real saved tender pages (third-party, read from `../shared`,
//! never copied): none of them is a challenge page, so none may be reported `blocked`.
use std::path::PathBuf;

use tenderscan::fetch::blocked::challenge_reason;

fn shared_pages() -> Option<PathBuf> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    [
        root.join("../shared/data/pages"),
        root.join("../../shared/data/pages"),
    ]
    .into_iter()
    .find(|p| p.is_dir())
}

#[test]
fn real_tender_pages_are_not_blocked() {
    let Some(pages) = shared_pages() else {
        eprintln!(
            "skipped: ../shared/data/pages not found (third-party pages are not in the repository)"
        );
        return;
    };
    let mut checked = 0;
    for dir in ["html", "excerpts"] {
        let Ok(listing) = std::fs::read_dir(pages.join(dir)) else {
            continue;
        };
        for entry in listing.flatten() {
            let bytes = std::fs::read(entry.path()).unwrap();
            assert_eq!(
                challenge_reason(&bytes),
                None,
                "{} flagged as a challenge page",
                entry.path().display()
            );
            checked += 1;
        }
    }
    assert!(checked >= 6, "only {checked} pages found");
}
