//! End to end: `review add` writes the reviewed-hits file; `scan --reviewed` marks hits, a false
//! positive no longer raises the alert, a confirmed one says so, and a cleared hit is not
//! reported again by a `--new-only` run unless the page changes.
use std::path::Path;

use serde_json::Value;

mod common;
use common::tenderscan;

const SCU: &str = "fixtures/ccgp_new_award_scu_azure_openai.html";

fn add(file: &Path, notice: &str, entity: &str, verdict: &str) {
    tenderscan()
        .args(["review", "add", "--file"])
        .arg(file)
        .args([notice, entity, "--verdict", verdict, "--reviewer", "ana"])
        .args(["--date", "2026-11-30", "--note", "checked by phone"])
        .assert()
        .success();
}

fn records(stdout: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn review_add_writes_header_once_then_rows() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reviewed.csv");
    add(
        &file,
        "SCZC2025-GK-0627",
        "Sichuan University",
        "false_positive",
    );
    add(&file, SCU, "3603544e4fb9bf44", "confirmed");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "notice,entity,verdict,reviewer,date,note\n\
         SCZC2025-GK-0627,Sichuan University,false_positive,ana,2026-11-30,checked by phone\n\
         fixtures/ccgp_new_award_scu_azure_openai.html,3603544e4fb9bf44,confirmed,ana,2026-11-30,checked by phone\n"
    );
    tenderscan()
        .args(["review", "add", "--file"])
        .arg(&file)
        .args(["x", "y", "--verdict", "maybe", "--reviewer", "ana"])
        .assert()
        .code(2);
}

#[test]
fn false_positive_stays_marked_but_no_longer_raises_the_alert() {
    let before = tenderscan()
        .args(["scan", "-f", "jsonl", SCU])
        .assert()
        .success();
    assert_eq!(records(&before.get_output().stdout)[0]["alert"], "high");

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reviewed.csv");
    add(
        &file,
        "SCZC2025-GK-0627",
        "sichuan university",
        "false_positive",
    );
    add(&file, "no-such-notice", "Sichuan University", "confirmed");
    let out = tenderscan()
        .args(["scan", "-f", "jsonl", "--reviewed"])
        .arg(&file)
        .arg(SCU)
        .assert()
        .success();
    let r = &records(&out.get_output().stdout)[0];
    assert_eq!(r["hits"][0]["listed_name"], "Sichuan University");
    assert_eq!(r["hits"][0]["reviewed"], "false_positive");
    // US cloud with an AI service is still medium on its own; the listed buyer no longer adds to it.
    assert_eq!(r["alert"], "medium");
    let reasons: Vec<&str> = r["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    // Sichuan University is on the EL and the 1286 list: one reason per list, each naming it.
    for list in ["EL", "DoD Section 1286 List"] {
        let reason = format!(
            "hit Sichuan University [{list}] cleared as a false positive by ana on 2026-11-30: checked by phone (does not raise the alert)"
        );
        assert_eq!(
            reasons.iter().filter(|x| **x == reason).count(),
            1,
            "{reasons:?}"
        );
    }
    assert!(
        !reasons
            .iter()
            .any(|x| x.starts_with("buyer 四川大学 matches"))
    );
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(
        stderr.contains("reviewed.csv:3: reviewed hit matched nothing in this run"),
        "{stderr}"
    );
    assert!(!stderr.contains("reviewed.csv:2:"), "{stderr}");
}

#[test]
fn confirmed_hit_keeps_the_alert_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("reviewed.csv");
    add(&file, SCU, "3603544e4fb9bf44", "confirmed");
    let out = tenderscan()
        .args(["scan", "-f", "jsonl", "--reviewed"])
        .arg(&file)
        .arg(SCU)
        .assert()
        .success();
    let r = &records(&out.get_output().stdout)[0];
    assert_eq!(r["alert"], "high");
    assert_eq!(r["hits"][0]["reviewed"], "confirmed");
    assert!(r["reasons"].as_array().unwrap().contains(
        &"hit Sichuan University [EL] confirmed by ana on 2026-11-30: checked by phone".into()
    ));
}

#[test]
fn a_cleared_hit_is_not_reported_again_unless_the_page_changes() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("scu.html");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(SCU), &page).unwrap();
    let history = dir.path().join("h.sqlite3");
    let file = dir.path().join("reviewed.csv");
    let daily = |reviewed: bool| {
        let mut cmd = tenderscan();
        cmd.args(["scan", "-f", "jsonl", "--new-only", "--history"])
            .arg(&history);
        if reviewed {
            cmd.arg("--reviewed").arg(&file);
        }
        let out = cmd.arg(&page).assert().success();
        records(&out.get_output().stdout)
    };
    let day1 = daily(false);
    assert_eq!(day1.len(), 1);
    assert_eq!(day1[0]["alert"], "high");

    add(
        &file,
        page.to_str().unwrap(),
        "Sichuan University",
        "false_positive",
    );
    assert!(
        daily(true).is_empty(),
        "same page, hit cleared: nothing to mail"
    );

    // Other bytes alone (a view counter) are not a change worth a mail …
    let mut bytes = std::fs::read(&page).unwrap();
    bytes.extend_from_slice("<p>浏览次数：313</p>".as_bytes());
    std::fs::write(&page, bytes).unwrap();
    assert!(
        daily(true).is_empty(),
        "only the bytes changed: nothing to mail"
    );
    // … a correction notice is.
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(
        &page,
        text.replace("中标（成交）结果公告", "中标（成交）结果更正公告"),
    )
    .unwrap();
    let day3 = daily(true);
    assert_eq!(day3.len(), 1, "the notice changed: reported again");
    assert_eq!(day3[0]["status"], "updated");
    assert_eq!(day3[0]["hits"][0]["reviewed"], "false_positive");
    assert_eq!(day3[0]["alert"], "medium");
}
