//! The saved real pages in `../shared/data/pages/html` (third-party; never copied here): the
//! labelled values from that folder's README. Skips, saying why, when the folder is missing.
use std::path::PathBuf;

use tenderscan::model::{Money, Notice};
use tenderscan::{decode, parse};

fn pages_dir() -> Option<PathBuf> {
    // `../shared` next to the main checkout; a git worktree sits one level deeper.
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("../shared/data/pages/html");
    let alt = root.join("../../shared/data/pages/html");
    if dir.is_dir() {
        Some(dir)
    } else if alt.is_dir() {
        Some(alt)
    } else {
        eprintln!("skipping: {} not found (real pages live outside the repository)", dir.display());
        None
    }
}

fn load(name: &str) -> Option<(String, Notice)> {
    let dir = pages_dir()?;
    let bytes = std::fs::read(dir.join(name)).ok()?;
    let decoded = decode::decode(&bytes, None);
    let notice = parse::parse(&decoded.text);
    Some((decoded.encoding, notice))
}

fn cny(amount: f64) -> Option<Money> {
    Some(Money { amount, currency: "CNY".into() })
}

#[test]
fn dump_all_real_pages() {
    let Some(dir) = pages_dir() else { return };
    let mut names: Vec<_> = std::fs::read_dir(dir).into_iter().flatten().flatten().map(|e| e.file_name()).collect();
    names.sort();
    for name in names {
        let Some((enc, n)) = load(&name.to_string_lossy()) else { continue };
        eprintln!(
            "{:?} {enc}\n  title={:?}\n  type={:?} published={:?} id={:?}\n  buyer={:?} agency={:?}\n  budget={:?} award={:?}\n  suppliers={:?}",
            name, n.title, n.notice_type, n.published, n.project_id, n.buyer, n.agency, n.budget, n.award, n.suppliers
        );
    }
}
