//! Field extraction on pages written for issue 10, through the binary.
//!
//! `fixtures/extract/` (143 pages, used while developing): every expected value must hold.
//! `tests/heldout/round1/` to `round21/` (10 pages each, written and committed before the tool
//! was run on them) to `round53/`: the misses of rounds 1–53 (3, 7, 6, 12, 12, 6, 7, 7,
//! 10, 4, 4, 6, 5, 3, 1, 4, 3, 3, 0, 1, 1, 2, 4, 6, 3, 5, 3, 3, 0, 3, 1, 4, 1, 4, 7, 5, 1, 9, 8;
//! 13, 16, 9, 9, 14, 12; 11, 10, 15, 8, 3, 11, 3 and 6 of rounds 46–53) were then fixed in general
//! terms, so all fifty-three are asserted too. The next round is held out until it is scored.
//! Expectations are in each directory's `expected.jsonl`;
//! `cargo test --test extract_score -- --nocapture` prints the per-field accuracy of the fixtures.
use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

/// The fields scored, in report order.
const FIELDS: &[&str] = &[
    "title",
    "notice_type",
    "published",
    "project_id",
    "buyer",
    "agency",
    "budget",
    "award",
    "suppliers",
    "candidates",
    "mentions",
    "reasons",
];

mod common;
use common::tenderscan;

/// Records of one scan of `dir` (JSONL), by file name.
fn scan(dir: &str) -> BTreeMap<String, Value> {
    let out = tenderscan()
        .args(["scan", "--all", "-f", "jsonl", dir])
        .assert()
        .success();
    String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("one JSON object per line");
            let name = v["source"]
                .as_str()
                .and_then(|s| s.rsplit('/').next())
                .unwrap_or_default()
                .to_string();
            (name, v)
        })
        .collect()
}

fn expected(path: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{path}: {e}: {l}")))
        .collect()
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The record's value of `field` in the shape of the expectation, and whether it matches.
fn check(record: &Value, want: &Value, field: &str) -> (bool, String) {
    match field {
        "budget" | "award" => {
            let got = record[field]["amount"].as_f64();
            let ok = match (got, want[field].as_f64()) {
                (None, None) => true,
                (Some(g), Some(w)) => (g - w).abs() < 0.005 && record[field]["currency"] == "CNY",
                _ => false,
            };
            (ok, format!("{got:?}"))
        }
        "mentions" => {
            let mut got: Vec<String> = record["mentions"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|m| m["name"].as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            got.sort();
            let mut w = strings(&want["mentions"]);
            w.sort();
            (got == w, format!("{got:?}"))
        }
        "reasons" => {
            let reasons = strings(&record["reasons"]).join(" | ");
            let ok = strings(&want["reasons_contains"])
                .iter()
                .all(|s| reasons.contains(s.as_str()));
            (ok, reasons)
        }
        "suppliers" | "candidates" => {
            let got = strings(&record[field]);
            (got == strings(&want[field]), format!("{got:?}"))
        }
        _ => (record[field] == want[field], record[field].to_string()),
    }
}

/// Per-field accuracy over one set; prints every miss.
fn score(dir: &str, expectations: &str) -> (BTreeMap<&'static str, (usize, usize)>, Vec<String>) {
    let records = scan(dir);
    let mut tally: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    for want in expected(expectations) {
        let file = want["file"].as_str().unwrap_or_default();
        let record = records
            .get(file)
            .unwrap_or_else(|| panic!("no record for {file}"));
        for field in FIELDS {
            let (ok, got) = check(record, &want, field);
            let t = tally.entry(field).or_default();
            t.1 += 1;
            if ok {
                t.0 += 1;
            } else {
                let w = if *field == "reasons" {
                    want["reasons_contains"].to_string()
                } else {
                    want[*field].to_string()
                };
                misses.push(format!("{file} {field}: got {got}, want {w}"));
            }
        }
    }
    (tally, misses)
}

fn print(name: &str, tally: &BTreeMap<&'static str, (usize, usize)>, misses: &[String]) {
    println!("{name}: per-field accuracy");
    for field in FIELDS {
        if let Some((ok, n)) = tally.get(field) {
            println!("  {field:<12} {ok}/{n} = {:.2}", *ok as f64 / *n as f64);
        }
    }
    for m in misses {
        println!("  miss: {m}");
    }
}

#[test]
fn extract_fixtures_hold_every_expected_value() {
    let (tally, misses) = score("fixtures/extract", "fixtures/extract/expected.jsonl");
    print("fixtures/extract", &tally, &misses);
    assert!(tally.values().all(|(_, n)| *n >= 20), "{tally:?}");
    assert!(misses.is_empty(), "{misses:#?}");
}

/// A tuned round (its first-run misses since fixed, see its README): every value must hold.
fn assert_round(round: &str) {
    let (tally, misses) = score(
        &format!("tests/heldout/{round}/pages"),
        &format!("tests/heldout/{round}/expected.jsonl"),
    );
    print(round, &tally, &misses);
    assert!(tally.values().all(|(_, n)| *n == 10), "{tally:?}");
    assert!(misses.is_empty(), "{misses:#?}");
}

/// A held-out round: printed, not asserted (scored once on the final code, see its README).
fn print_round(round: &str) {
    let (tally, misses) = score(
        &format!("tests/heldout/{round}/pages"),
        &format!("tests/heldout/{round}/expected.jsonl"),
    );
    print(&format!("heldout {round}"), &tally, &misses);
}

#[test]
fn round1_pages_hold_every_expected_value_since_fixed() {
    assert_round("round1");
}

#[test]
fn round2_pages_hold_every_expected_value_since_fixed() {
    assert_round("round2");
}

#[test]
fn round3_pages_hold_every_expected_value_since_fixed() {
    assert_round("round3");
}

#[test]
fn round4_pages_hold_every_expected_value_since_fixed() {
    assert_round("round4");
}

#[test]
fn round5_pages_hold_every_expected_value_since_fixed() {
    assert_round("round5");
}

#[test]
fn round6_pages_hold_every_expected_value_since_fixed() {
    assert_round("round6");
}

#[test]
fn round7_pages_hold_every_expected_value_since_fixed() {
    assert_round("round7");
}

#[test]
fn round8_pages_hold_every_expected_value_since_fixed() {
    assert_round("round8");
}

#[test]
fn round9_pages_hold_every_expected_value_since_fixed() {
    assert_round("round9");
}

#[test]
fn round10_pages_hold_every_expected_value_since_fixed() {
    assert_round("round10");
}

#[test]
fn round11_pages_hold_every_expected_value_since_fixed() {
    assert_round("round11");
}

#[test]
fn round12_pages_hold_every_expected_value_since_fixed() {
    assert_round("round12");
}

#[test]
fn round13_pages_hold_every_expected_value_since_fixed() {
    assert_round("round13");
}

#[test]
fn round14_pages_hold_every_expected_value_since_fixed() {
    assert_round("round14");
}

#[test]
fn round15_pages_hold_every_expected_value_since_fixed() {
    assert_round("round15");
}

#[test]
fn round16_pages_hold_every_expected_value_since_fixed() {
    assert_round("round16");
}

#[test]
fn round17_pages_hold_every_expected_value_since_fixed() {
    assert_round("round17");
}

#[test]
fn round18_pages_hold_every_expected_value_since_fixed() {
    assert_round("round18");
}

#[test]
fn round19_pages_hold_every_expected_value_since_fixed() {
    assert_round("round19");
}

#[test]
fn round20_pages_hold_every_expected_value_since_fixed() {
    assert_round("round20");
}

#[test]
fn round21_pages_hold_every_expected_value_since_fixed() {
    assert_round("round21");
}

#[test]
fn round22_pages_hold_every_expected_value_since_fixed() {
    assert_round("round22");
}

#[test]
fn round23_pages_hold_every_expected_value_since_fixed() {
    assert_round("round23");
}

#[test]
fn round24_pages_hold_every_expected_value_since_fixed() {
    assert_round("round24");
}

#[test]
fn round25_pages_hold_every_expected_value_since_fixed() {
    assert_round("round25");
}

#[test]
fn round26_pages_hold_every_expected_value_since_fixed() {
    assert_round("round26");
}

#[test]
fn round27_pages_hold_every_expected_value_since_fixed() {
    assert_round("round27");
}

#[test]
fn round28_pages_hold_every_expected_value_since_fixed() {
    assert_round("round28");
}

#[test]
fn round29_pages_hold_every_expected_value() {
    assert_round("round29");
}

#[test]
fn round30_pages_hold_every_expected_value_since_fixed() {
    assert_round("round30");
}

#[test]
fn round31_pages_hold_every_expected_value_since_fixed() {
    assert_round("round31");
}

#[test]
fn round32_pages_hold_every_expected_value_since_fixed() {
    assert_round("round32");
}

#[test]
fn round33_pages_hold_every_expected_value_since_fixed() {
    assert_round("round33");
}

#[test]
fn round34_pages_hold_every_expected_value_since_fixed() {
    assert_round("round34");
}

#[test]
fn round35_pages_hold_every_expected_value_since_fixed() {
    assert_round("round35");
}

#[test]
fn round36_pages_hold_every_expected_value_since_fixed() {
    assert_round("round36");
}

#[test]
fn round37_pages_hold_every_expected_value_since_fixed() {
    assert_round("round37");
}

#[test]
fn round38_pages_hold_every_expected_value_since_fixed() {
    assert_round("round38");
}

#[test]
fn round39_pages_hold_every_expected_value_since_fixed() {
    assert_round("round39");
}

#[test]
fn round40_pages_hold_every_expected_value_since_fixed() {
    assert_round("round40");
}

#[test]
fn round41_pages_hold_every_expected_value_since_fixed() {
    assert_round("round41");
}

#[test]
fn round42_pages_hold_every_expected_value_since_fixed() {
    assert_round("round42");
}

#[test]
fn round43_pages_hold_every_expected_value_since_fixed() {
    assert_round("round43");
}

#[test]
fn round44_pages_hold_every_expected_value_since_fixed() {
    assert_round("round44");
}

#[test]
fn round45_pages_hold_every_expected_value_since_fixed() {
    assert_round("round45");
}

#[test]
fn round46_pages_hold_every_expected_value_since_fixed() {
    assert_round("round46");
}

#[test]
fn round47_pages_hold_every_expected_value_since_fixed() {
    assert_round("round47");
}

#[test]
fn round48_pages_hold_every_expected_value_since_fixed() {
    assert_round("round48");
}

#[test]
fn round49_pages_hold_every_expected_value_since_fixed() {
    assert_round("round49");
}

#[test]
fn round50_pages_hold_every_expected_value_since_fixed() {
    assert_round("round50");
}

#[test]
fn round51_pages_hold_every_expected_value_since_fixed() {
    assert_round("round51");
}

#[test]
fn round52_pages_hold_every_expected_value_since_fixed() {
    assert_round("round52");
}

#[test]
fn round53_pages_hold_every_expected_value_since_fixed() {
    assert_round("round53");
}

/// A new round, once written: `HELDOUT_ROUND=round54 cargo test --release --test extract_score
/// heldout_round -- --ignored --nocapture` prints its per-field accuracy without asserting it.
#[test]
#[ignore]
fn heldout_round_accuracy() {
    match std::env::var("HELDOUT_ROUND") {
        Ok(round) => print_round(&round),
        Err(_) => eprintln!("set HELDOUT_ROUND to a folder of tests/heldout"),
    }
}
