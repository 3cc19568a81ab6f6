//! Issue 14's "done when", through the binary with the bundled watchlists: numbered institutes,
//! abbreviations, acronyms, 1260H names and a brand name are found; a shared number and a
//! toneless pinyin collision are not.
use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

mod common;

fn tenderscan() -> Command {
    let mut cmd = common::tenderscan();
    cmd.arg("--vocab")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists"));
    cmd
}

/// The JSON hits of `watchlist lookup NAME`.
fn lookup(name: &str) -> Vec<Value> {
    let out = tenderscan()
        .args(["-q", "watchlist", "lookup", "-f", "jsonl", name])
        .assert()
        .success();
    String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

fn top(name: &str) -> Value {
    lookup(name)
        .into_iter()
        .next()
        .unwrap_or_else(|| panic!("{name}: no hit"))
}

#[test]
fn numbered_institute_by_its_full_chinese_name() {
    let h = top("中国电子科技集团公司第三十二研究所");
    assert_eq!(
        h["listed_name"],
        "China Electronics Technology Group Corporation 32nd Research Institute"
    );
    // The overlay has this name (alias, 1.0); the unit reading alone gives 0.95.
    assert!(h["score"].as_f64().unwrap() >= 0.95, "{h}");
    assert_eq!(h["list_kind"], "export_control");
    // Short form and English acronym read as the same unit.
    assert_eq!(top("CETC 32")["listed_name"], h["listed_name"]);
    for form in [
        "中电科32所",
        "中国电子科技集团有限公司第32研究所",
        "中国电科第三十二所",
    ] {
        let s = top(form);
        assert_eq!(s["listed_name"], h["listed_name"], "{form}");
        assert_eq!(
            (&s["method"], &s["score"]),
            (&"normalized".into(), &0.95.into()),
            "{form}"
        );
    }
    // Digit-by-digit numerals: CSSC 715.
    assert_eq!(
        top("中国船舶重工集团公司第七一五研究所")["listed_name"],
        "China State Shipbuilding Corporation, Limited (CSSC) 715th Research Institute"
    );
}

#[test]
fn abbreviation_and_acronym_of_listed_universities() {
    let h = top("北航");
    assert_eq!(
        h["listed_name"],
        "Beijing University of Aeronautics and Astronautics (BUAA)"
    );
    assert_eq!(
        h["list"],
        "Entity List (EL) - Bureau of Industry and Security"
    );
    assert_eq!(h["method"], "alias");
    let h = top("NWPU");
    assert_eq!(h["listed_name"], "Northwestern Polytechnical University");
    assert_eq!(h["score"], 0.9);
    // Never inside a longer word.
    assert!(lookup("湖北航天").is_empty());
    // 南航 is also China Southern Airlines: shown for review, below the identity line.
    let h = top("南航");
    assert_eq!(
        h["listed_name"],
        "Nanjing University of Aeronautics and Astronautics"
    );
    assert!(h["score"].as_f64().unwrap() < 0.8, "{h}");
}

#[test]
fn china_unicom_is_on_the_informational_1260h_list() {
    for name in ["中国联通", "中国联合网络通信集团有限公司"] {
        let h = top(name);
        assert_eq!(
            h["listed_name"], "China United Network Communications Group Co., Ltd.",
            "{name}"
        );
        assert_eq!(h["list"], "DoD Section 1260H List - Department of Defense");
        assert_eq!(h["list_kind"], "informational");
        assert_eq!(h["citation"], "91 FR 35189");
    }
}

#[test]
fn shared_number_and_pinyin_collision_find_nothing() {
    assert!(
        lookup("测试大学159").is_empty(),
        "{:?}",
        lookup("测试大学159")
    );
    assert!(
        lookup("深圳华威技术有限公司").is_empty(),
        "{:?}",
        lookup("深圳华威技术有限公司")
    );
    // A bare number shared by two listed institutes (CETC 13, CASC 9th Academy 13) names neither.
    assert!(lookup("13所").is_empty());
}

#[test]
fn huawei_cloud_brand_as_a_supplier_in_a_scan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/ccgp_new_award_scu_azure_openai.html"),
    )
    .expect("fixture");
    // The same award, won by 华为云 for an unlisted buyer.
    let page = page
        .replace("成都云启智算科技有限公司", "华为云")
        .replace("四川大学", "成都市某某中学");
    let file = dir.path().join("award.html");
    std::fs::write(&file, page).expect("write page");
    let out = tenderscan()
        .args(["-q", "scan", "--all", "-f", "jsonl"])
        .arg(&file)
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let rec: Value = serde_json::from_str(stdout.lines().next().expect("a record")).expect("JSON");
    assert_eq!(rec["suppliers"][0], "华为云");
    let hits = rec["hits"].as_array().expect("hits");
    let h = hits
        .iter()
        .find(|h| h["role"] == "supplier")
        .unwrap_or_else(|| panic!("no supplier hit: {hits:?}"));
    assert_eq!(h["listed_name"], "Huawei Cloud Computing Technology");
    assert_eq!(h["citation"], "85 FR 51603");
    // A listed supplier with a US AI service is high.
    assert_eq!(rec["alert"], "high");
}

#[test]
fn info_prints_coverage_per_list() {
    let out = tenderscan()
        .args(["-q", "watchlist", "info", "-f", "jsonl"])
        .assert()
        .success();
    let rows: Vec<Value> = String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    let row = |list: &str| {
        rows.iter()
            .find(|r| r["list"] == list)
            .unwrap_or_else(|| panic!("no row for {list}: {rows:?}"))
    };
    let el = row("Entity List (EL) - Bureau of Industry and Security");
    assert_eq!(el["entries"], 1112);
    assert_eq!(el["kind"], "export_control");
    assert_eq!(
        row("Military End User (MEU) List - Bureau of Industry and Security")["entries"],
        70
    );
    let h = row("DoD Section 1260H List - Department of Defense");
    assert_eq!(
        (&h["entries"], &h["kind"]),
        (&80.into(), &"informational".into())
    );
    assert_eq!(
        row("DoD Section 1286 List - Department of Defense")["entries"],
        101
    );
    for r in &rows {
        assert!(r["with_zh_name"].as_u64() <= r["entries"].as_u64(), "{r}");
    }
}

#[test]
fn overlay_problems_are_reported_not_dropped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let vocab = dir.path().join("vocab");
    std::fs::create_dir_all(&vocab).expect("dir");
    std::fs::write(vocab.join("products.csv"), "name\n").expect("products");
    std::fs::write(
        vocab.join("entities.csv"),
        "name,aliases,list,country,reference,listed_on,source,notes,kind\n\
         Sichuan University,,Entity List (EL) - Bureau of Industry and Security,CN,77 FR 58006,2012-09-19,test,,export_control\n\
         Sugon,,Entity List (EL) - Bureau of Industry and Security,CN,84 FR 29373,2019-06-24,test,,\n",
    )
    .expect("entities");
    std::fs::write(
        vocab.join("zh-names.csv"),
        "listed_name,zh_name,source,confidence\n\
         Sichuan University,四川大学,test,official\n\
         Sichuan University,四川大学,test,press\n\
         Sugon,曙光,test,compiled\n\
         Dawning,曙光,test,compiled\n",
    )
    .expect("zh names");
    let run = |args: &[&str]| {
        let mut cmd = Command::cargo_bin("tenderscan").expect("binary");
        cmd.env("TENDERSCAN_DATA_DIR", dir.path().join("data"))
            .env_remove("TENDERSCAN_VOCAB")
            .env_remove("TENDERSCAN_LOG")
            .arg("--vocab")
            .arg(&vocab)
            .args(args);
        cmd.assert().success()
    };
    let out = run(&["watchlist", "info", "--problems"]);
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout),
        "kind,zh_name,listed_names,lines\n\
         duplicate,四川大学,Sichuan University,2 3\n\
         conflict,曙光,Dawning | Sugon,4 5\n"
    );
    // The row for an entry no list has is a warning naming the file and line.
    let out = run(&["watchlist", "lookup", "四川大学"]);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(
        stderr.contains("zh-names.csv:5: `Dawning` is not in the loaded lists"),
        "{stderr}"
    );
    // Beside the user's own list (--watchlist) most overlay rows are expected to name entries it
    // lacks: one line per file counts them, instead of a line per row.
    let own = dir.path().join("own.csv");
    std::fs::write(
        &own,
        "name,aliases,list,country,reference,listed_on,source,notes,kind\n\
         Sugon,,Entity List (EL) - Bureau of Industry and Security,CN,84 FR 29373,2019-06-24,test,,\n",
    )
    .expect("own list");
    let out = run(&[
        "watchlist",
        "lookup",
        "曙光",
        "--watchlist",
        &own.to_string_lossy(),
    ]);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(
        stderr.contains(
            "zh-names.csv: 3 of 4 rows name entries that are not in the loaded lists and are unused (-vv lists them)"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("is not in the loaded lists;"), "{stderr}");
    // A bad confidence is an error naming the line.
    std::fs::write(
        vocab.join("zh-names.csv"),
        "listed_name,zh_name,source,confidence\nSugon,曙光,test,sure\n",
    )
    .expect("zh names");
    let mut cmd = Command::cargo_bin("tenderscan").expect("binary");
    let out = cmd
        .env("TENDERSCAN_DATA_DIR", dir.path().join("data"))
        .env_remove("TENDERSCAN_VOCAB")
        .arg("--vocab")
        .arg(&vocab)
        .args(["watchlist", "lookup", "曙光"])
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(
        stderr.contains("zh-names.csv:2: confidence `sure`"),
        "{stderr}"
    );
}
