//! The project's labelled Chinese/English name pairs (tests/data/name_pairs.csv) through the
//! matcher with the bundled lists: no hard negative may match, and recall must stay high.
//! The full precision/recall report (with OpenSanctions' name_bench) is benches/name_pairs.sh.
use std::path::Path;

use tenderscan::matcher::{Matcher, THRESHOLD, Vocabulary};
use tenderscan::watchlist::Watchlist;

fn matcher() -> Matcher {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists");
    let mut list = Watchlist::load(&[dir.join("entities.csv")], Some(&dir.join("zh-names.csv")))
        .expect("bundled lists load");
    // As the CLI does: the abbreviation rows (北航, NWPU …) are part of what the lists know.
    tenderscan::watchlist::apply_abbreviations(&mut list, &dir.join("abbreviations.csv"))
        .expect("bundled abbreviations load");
    Matcher::with_vocabulary(list, Vocabulary::load(&dir).expect("vocabulary loads"))
}

#[test]
fn labelled_pairs_no_false_positive_and_recall_at_least_97_percent() {
    let m = matcher();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/name_pairs.csv");
    let mut rd = csv::Reader::from_path(&path).expect("pairs file");
    let (mut tp, mut false_positives, mut misses) = (0, Vec::new(), Vec::new());
    for row in rd.records() {
        let row = row.expect("pairs row");
        let (a, b, truth) = (&row[0], &row[1], &row[2] == "true");
        let predicted = m.compare(a, b).is_some_and(|(_, s)| s >= THRESHOLD);
        match (truth, predicted) {
            (true, true) => tp += 1,
            (true, false) => misses.push(format!("{a} / {b}: {:?}", m.compare(a, b))),
            (false, true) => false_positives.push(format!("{a} / {b}: {:?}", m.compare(a, b))),
            (false, false) => {}
        }
    }
    assert!(
        false_positives.is_empty(),
        "hard negatives matched: {false_positives:#?}"
    );
    let fn_ = misses.len();
    let recall = tp as f64 / (tp + fn_) as f64;
    assert!(tp + fn_ >= 140, "{} positives", tp + fn_);
    assert!(
        recall >= 0.97,
        "recall {recall:.3} ({tp} of {}), missed: {misses:#?}",
        tp + fn_
    );
}

#[test]
fn named_hard_negatives_score_zero() {
    let m = matcher();
    for (a, b) in [
        (
            "南方科技大学",
            "University of Science and Technology of China",
        ),
        ("四川省学栋科技有限公司", "Sichuan University"),
        ("北京工业大学", "Beijing Institute of Technology"),
        ("哈尔滨工程大学", "Harbin Institute of Technology"),
        (
            "西安电子科技大学",
            "University of Electronic Science and Technology of China",
        ),
    ] {
        assert_eq!(m.compare(a, b), None, "{a} / {b}");
    }
}
