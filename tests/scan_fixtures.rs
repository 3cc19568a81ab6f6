//! End to end through the binary over the bundled fixtures: the fields, mentions, hits and alert
//! of each page (see fixtures/README.md), in every report format.
use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;

mod common;
use common::tenderscan;

/// One scan of `fixtures/` with --all, by file name.
fn records() -> &'static HashMap<String, Value> {
    static RECORDS: OnceLock<HashMap<String, Value>> = OnceLock::new();
    RECORDS.get_or_init(|| {
        let out = tenderscan()
            .args(["scan", "--all", "-f", "jsonl", "fixtures/"])
            .assert()
            .success();
        String::from_utf8_lossy(&out.get_output().stdout)
            .lines()
            .map(|l| {
                let v: Value = serde_json::from_str(l).expect("one JSON object per line");
                let name = v["source"]
                    .as_str()
                    .unwrap()
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string();
                (name, v)
            })
            .collect()
    })
}

fn rec(name: &str) -> &'static Value {
    records()
        .get(name)
        .unwrap_or_else(|| panic!("no record for {name}"))
}

fn mention_names(r: &Value) -> Vec<&str> {
    r["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect()
}

fn hit<'a>(r: &'a Value, listed: &str) -> &'a Value {
    let hits = r["hits"].as_array().unwrap();
    hits.iter()
        .find(|h| h["listed_name"] == listed)
        .unwrap_or_else(|| panic!("no hit on {listed}: {hits:?}"))
}

#[test]
fn every_fixture_has_its_expected_alert() {
    let expected = [
        ("ccgp_new_award_scu_azure_openai.html", "high"),
        ("ccgp_new_tender_szu_aws_a100.html", "medium"),
        ("ccgp_old_hit_a100_servers.htm", "high"),
        ("gbk_uestc_a800_servers.htm", "high"),
        ("gbk_declared_utf8_hit_weihai.html", "medium"),
        // The supplier 中国电信…陇南分公司 is a unit of China Telecom (DoD 1260H, informational): low.
        ("gb18030_provincial_domestic_cloud.html", "low"),
        ("multi_lot_sugon_inspur_table.html", "high"),
        ("epoint_prose_zhipu_claude.html", "high"),
        ("english_hkust_gpu_rental.html", "medium"),
        ("plain_notice_bedrock.txt", "high"),
        ("ccgp_correction_sugon.html", "low"),
        ("trap_dji_h20_drone.html", "none"),
        ("trap_weather_station_aws.html", "none"),
        ("trap_mri_tesla.html", "none"),
        ("trap_office_windows_licence.html", "none"),
        ("trap_rtx4090d_workstation.html", "none"),
        ("trap_gpt_reagent.html", "none"),
        ("trap_lookalike_names.html", "none"),
        ("news_not_a_notice.html", "none"),
    ];
    for (name, alert) in expected {
        assert_eq!(
            rec(name)["alert"],
            alert,
            "{name}: {:#}",
            rec(name)["reasons"]
        );
    }
    // fixtures/extract/ (issue 10's field pages) is checked by tests/extract_score.rs.
    let top_level = records()
        .values()
        .filter(|r| !r["source"].as_str().unwrap().contains("fixtures/extract/"))
        .count();
    assert_eq!(top_level, expected.len());
}

#[test]
fn sichuan_university_azure_openai_award() {
    let r = rec("ccgp_new_award_scu_azure_openai.html");
    assert_eq!(r["notice_type"], "award");
    assert_eq!(r["published"], "2025-06-27");
    assert_eq!(r["project_id"], "SCZC2025-GK-0627");
    assert_eq!(r["buyer"], "四川大学");
    assert_eq!(r["agency"], "四川锦程招标代理有限公司");
    assert_eq!(r["award"]["amount"], 398000.0);
    assert_eq!(r["award"]["currency"], "CNY");
    assert_eq!(r["suppliers"][0], "成都云启智算科技有限公司");
    assert!(
        mention_names(r).contains(&"Azure OpenAI"),
        "{:?}",
        mention_names(r)
    );
    let h = hit(r, "Sichuan University");
    assert_eq!(h["role"], "buyer");
    assert_eq!(h["method"], "alias");
    assert_eq!(h["score"], 1.0);
    assert!(h["citation"].as_str().unwrap().contains("77 FR 58006"));
    let reasons = r["reasons"].as_array().unwrap();
    assert!(
        reasons[0]
            .as_str()
            .unwrap()
            .starts_with("buyer 四川大学 matches listed entity Sichuan University"),
        "{reasons:?}"
    );
}

#[test]
fn shenzhen_university_aws_a100_tender() {
    let r = rec("ccgp_new_tender_szu_aws_a100.html");
    assert_eq!(r["notice_type"], "tender");
    assert_eq!(r["buyer"], "深圳大学");
    assert_eq!(r["budget"]["amount"], 200000.0);
    assert_eq!(mention_names(r), ["AWS", "NVIDIA A100", "NVIDIA H100"]);
    let a100 = r["mentions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "NVIDIA A100")
        .unwrap();
    assert_eq!(a100["controlled"], true);
    assert_eq!(a100["origin"], "us");
    assert!(
        r["hits"].as_array().unwrap().is_empty(),
        "Shenzhen University is not listed"
    );
}

#[test]
fn encodings_are_reported_and_decoded() {
    assert_eq!(rec("gbk_uestc_a800_servers.htm")["encoding"], "gbk");
    assert_eq!(rec("gbk_uestc_a800_servers.htm")["buyer"], "电子科技大学");
    // Declared utf-8, really GBK: still readable Chinese.
    assert_eq!(rec("gbk_declared_utf8_hit_weihai.html")["encoding"], "gbk");
    assert_eq!(
        rec("gbk_declared_utf8_hit_weihai.html")["buyer"],
        "哈尔滨工业大学（威海）"
    );
    assert_eq!(
        rec("gb18030_provincial_domestic_cloud.html")["encoding"],
        "gb18030"
    );
    assert_eq!(
        rec("gb18030_provincial_domestic_cloud.html")["notice_type"],
        "single_source"
    );
}

#[test]
fn campus_is_an_affiliate_not_the_entity() {
    let h = hit(
        rec("gbk_declared_utf8_hit_weihai.html"),
        "Harbin Institute of Technology",
    );
    assert_eq!(h["method"], "affiliate");
    assert!(h["score"].as_f64().unwrap() < 0.9);
}

#[test]
fn multi_lot_winners_and_listed_suppliers() {
    let r = rec("multi_lot_sugon_inspur_table.html");
    assert_eq!(
        r["suppliers"],
        serde_json::json!([
            "曙光信息产业股份有限公司",
            "浪潮电子信息产业股份有限公司",
            "重庆渝信办公设备有限公司"
        ])
    );
    assert_eq!(r["award"]["amount"], 22788000.0);
    assert_eq!(r["budget"]["amount"], 23000000.0);
    assert_eq!(hit(r, "Sugon")["role"], "supplier");
    assert_eq!(
        hit(r, "Inspur Electronic Information Industry Co., Ltd.")["method"],
        "alias"
    );
    // One name, one entity per list: the weaker Inspur (Beijing) candidate is not reported.
    // Sugon is also on the DoD 1260H list (as Dawning Information Industry), an informational hit.
    assert_eq!(r["hits"].as_array().unwrap().len(), 3);
    let dawning = hit(r, "Dawning Information Industry Co., Ltd.");
    assert_eq!(
        (&dawning["list_kind"], &dawning["role"]),
        (&"informational".into(), &"supplier".into())
    );
}

#[test]
fn prose_buyer_and_zhipu_candidate() {
    let r = rec("epoint_prose_zhipu_claude.html");
    assert_eq!(r["buyer"], "江苏省前沿智能计算实验室");
    assert_eq!(r["notice_type"], "candidates");
    assert_eq!(r["suppliers"], serde_json::json!([]));
    assert_eq!(r["candidates"][0], "北京智谱华章科技有限公司");
    // A candidate is screened, as a named organisation (role `text`), not as a winner.
    assert_eq!(
        hit(r, "Beijing Zhipu Huazhang Technology Co., Ltd.")["role"],
        "text"
    );
    assert!(mention_names(r).contains(&"Anthropic Claude"));
}

#[test]
fn traps_produce_no_us_signal() {
    for name in [
        "trap_dji_h20_drone.html",
        "trap_weather_station_aws.html",
        "trap_mri_tesla.html",
        "trap_office_windows_licence.html",
        "trap_gpt_reagent.html",
        "trap_lookalike_names.html",
    ] {
        let r = rec(name);
        assert!(
            r["mentions"].as_array().unwrap().is_empty(),
            "{name}: {:?}",
            r["mentions"]
        );
        assert!(
            r["hits"].as_array().unwrap().is_empty(),
            "{name}: {:?}",
            r["hits"]
        );
    }
    // 4090D is reported as what it is: an uncontrolled part.
    let r = rec("trap_rtx4090d_workstation.html");
    assert_eq!(mention_names(r), ["NVIDIA RTX 4090D"]);
    assert_eq!(r["mentions"][0]["controlled"], false);
}

#[test]
fn english_notice_fields() {
    let r = rec("english_hkust_gpu_rental.html");
    assert_eq!(r["project_id"], "ITD/T/2025/014");
    assert_eq!(
        r["budget"],
        serde_json::json!({"amount": 1200000.0, "currency": "HKD"})
    );
    assert_eq!(r["published"], "2025-03-27");
}

#[test]
fn csv_report_rows_read_across() {
    let out = tenderscan()
        .args(["scan", "fixtures/ccgp_new_award_scu_azure_openai.html"])
        .assert()
        .success();
    let mut rdr = csv::Reader::from_reader(out.get_output().stdout.as_slice());
    let headers = rdr.headers().unwrap().clone();
    let row = rdr.records().next().unwrap().unwrap();
    let get = |col: &str| {
        row.get(headers.iter().position(|h| h == col).unwrap())
            .unwrap()
            .to_string()
    };
    assert_eq!(get("alert"), "high");
    assert_eq!(get("buyer"), "四川大学");
    assert_eq!(get("award_amount"), "398000");
    assert!(get("ai_services").contains("Azure OpenAI"));
    // One entity on two lists: each cell entry names its list.
    assert!(
        get("listed_entities").starts_with("buyer 四川大学 = Sichuan University [EL alias 1.00]"),
        "{}",
        get("listed_entities")
    );
    assert!(
        get("listed_entities")
            .contains("Sichuan University [DoD Section 1286 List alias 1.00, informational]"),
        "{}",
        get("listed_entities")
    );
}

#[test]
fn without_all_only_findings_are_reported() {
    let out = tenderscan()
        .args(["scan", "-f", "jsonl", "fixtures/"])
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    // Traps with no mention and no hit are left out; the 4090D and domestic-only pages still have mentions.
    assert!(!stdout.contains("trap_mri_tesla.html"));
    assert!(stdout.contains("trap_rtx4090d_workstation.html"));
    assert!(stdout.contains("ccgp_new_award_scu_azure_openai.html"));
}

#[test]
fn fail_on_high_exits_10() {
    tenderscan()
        .args([
            "scan",
            "--fail-on",
            "high",
            "fixtures/ccgp_old_hit_a100_servers.htm",
        ])
        .assert()
        .code(10);
    tenderscan()
        .args([
            "scan",
            "--fail-on",
            "high",
            "fixtures/ccgp_new_tender_szu_aws_a100.html",
        ])
        .assert()
        .code(0);
    tenderscan()
        .args([
            "scan",
            "--fail-on",
            "medium",
            "fixtures/ccgp_new_tender_szu_aws_a100.html",
        ])
        .assert()
        .code(10);
}

#[test]
fn formula_cells_are_neutralised_in_csv() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("evil.html");
    std::fs::write(
        &page,
        "<html><head><title>=HYPERLINK(\"http://x\")</title></head><body><p>采购人：=cmd|' /C calc'!A0</p><p>服务器配置 英伟达 A100 GPU卡</p></body></html>",
    )
    .unwrap();
    let out = tenderscan()
        .args(["scan", "--all"])
        .arg(&page)
        .assert()
        .success();
    let mut rdr = csv::Reader::from_reader(out.get_output().stdout.as_slice());
    let row = rdr.records().next().unwrap().unwrap();
    for cell in row.iter() {
        assert!(
            !cell.starts_with(['=', '+', '-', '@']),
            "unneutralised cell {cell:?}"
        );
    }
    assert!(row.iter().any(|c| c.starts_with("'=")), "{row:?}");
}

#[test]
fn same_bytes_same_record() {
    let a = tenderscan()
        .args([
            "scan",
            "--all",
            "-f",
            "jsonl",
            "fixtures/gbk_uestc_a800_servers.htm",
        ])
        .assert()
        .success();
    let b = tenderscan()
        .args([
            "scan",
            "--all",
            "-f",
            "jsonl",
            "fixtures/gbk_uestc_a800_servers.htm",
        ])
        .assert()
        .success();
    assert_eq!(a.get_output().stdout, b.get_output().stdout);
}
