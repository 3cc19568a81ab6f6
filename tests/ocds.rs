//! End to end: `-f ocds` / `-f ocds-jsonl` over the fixtures, validated against the official
//! OCDS 1.1.5 schemas in ../shared/data/ocds (skipped when ../shared is missing: the schemas are
//! not copied into the repository).
use std::path::PathBuf;

use serde_json::Value;

mod common;
use common::tenderscan;

const RELEASE_URI: &str =
    "https://standard.open-contracting.org/schema/1__1__5/release-schema.json";

fn schema_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data/ocds");
    if dir.join("release-package-schema.json").is_file() {
        Some(dir)
    } else {
        eprintln!("skipped: {} is missing", dir.display());
        None
    }
}

fn read(path: PathBuf) -> Value {
    serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap()
}

/// Validators for a release and for a package (the package schema refers to the release schema
/// by its URL, which is served from the local copy).
fn validators(dir: PathBuf) -> (jsonschema::Validator, jsonschema::Validator) {
    let release_schema = read(dir.join("release-schema.json"));
    let package_schema = read(dir.join("release-package-schema.json"));
    let registry = jsonschema::Registry::new()
        .add(
            RELEASE_URI,
            jsonschema::Resource::from_contents(release_schema.clone()),
        )
        .unwrap()
        .prepare()
        .unwrap();
    let opts = || {
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft4)
            .should_validate_formats(true)
            .with_registry(&registry)
    };
    let release = opts().build(&release_schema).unwrap();
    let package = opts().build(&package_schema).unwrap();
    (release, package)
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn package() -> Value {
    let out = tenderscan()
        .args([
            "scan",
            "--all",
            "-f",
            "ocds",
            "--ocid-prefix",
            "ocds-abc123",
            "fixtures/",
        ])
        .assert()
        .success();
    serde_json::from_slice(&out.get_output().stdout).expect("one JSON package")
}

#[test]
fn every_release_and_the_package_validate() {
    let Some(dir) = schema_dir() else { return };
    let (release_v, package_v) = validators(dir);
    let pkg = package();
    let releases = pkg["releases"].as_array().unwrap();
    // 19 top-level fixtures + 143 in fixtures/extract/.
    assert_eq!(releases.len(), 162, "one release per fixture notice");
    for r in releases {
        let errs = errors(&release_v, r);
        assert!(errs.is_empty(), "release {}: {errs:#?}", r["ocid"]);
    }
    let errs = errors(&package_v, &pkg);
    assert!(errs.is_empty(), "package: {errs:#?}");
    assert_eq!(pkg["version"], "1.1");
    assert_eq!(pkg["publisher"]["name"], "tenderscan");
}

#[test]
fn the_validator_does_reject_a_broken_release() {
    let Some(dir) = schema_dir() else { return };
    let (release_v, package_v) = validators(dir);
    let mut pkg = package();
    let mut bad = pkg["releases"][0].clone();
    bad["tag"] = serde_json::json!(["notATag"]);
    assert!(!errors(&release_v, &bad).is_empty());
    pkg["releases"][0]["date"] = serde_json::json!("yesterday");
    assert!(!errors(&package_v, &pkg).is_empty());
}

#[test]
fn award_notice_maps_to_parties_awards_and_the_extension() {
    let pkg = package();
    let releases = pkg["releases"].as_array().unwrap();
    let r = releases
        .iter()
        .find(|r| {
            r["tenderscan"]["source"]
                .as_str()
                .unwrap()
                .ends_with("ccgp_new_award_scu_azure_openai.html")
        })
        .expect("the SCU award notice");
    assert_eq!(r["tag"], serde_json::json!(["award"]));
    assert!(r["ocid"].as_str().unwrap().starts_with("ocds-abc123-"));
    assert_eq!(r["buyer"]["name"], "四川大学");
    let buyer = r["parties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "四川大学")
        .unwrap();
    assert!(buyer["roles"].as_array().unwrap().contains(&"buyer".into()));
    assert_eq!(r["tenderscan"]["alert"], "high");
    assert!(!r["tenderscan"]["hits"].as_array().unwrap().is_empty());
    assert_eq!(r["tender"]["documents"][0]["documentType"], "awardNotice");
    assert!(r["awards"][0]["suppliers"].as_array().is_some());
}

#[test]
fn jsonl_is_one_valid_release_per_line() {
    let out = tenderscan()
        .args(["scan", "-f", "ocds-jsonl", "fixtures/"])
        .assert()
        .success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() >= 10, "findings only: {}", lines.len());
    assert!(lines.iter().all(|r| r["initiationType"] == "tender"));
    if let Some(dir) = schema_dir() {
        let (release_v, _) = validators(dir);
        for r in &lines {
            assert!(errors(&release_v, r).is_empty(), "{}", r["ocid"]);
        }
    }
}

#[test]
fn a_prefix_with_forbidden_characters_is_a_usage_error() {
    tenderscan()
        .args([
            "scan",
            "-f",
            "ocds",
            "--ocid-prefix",
            "my prefix",
            "fixtures/",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "only ASCII letters, digits and hyphens",
        ));
    tenderscan()
        .args([
            "scan",
            "-f",
            "ocds",
            "--ocid-prefix",
            "ocds-ABC",
            "fixtures/",
        ])
        .assert()
        .code(2);
}

#[test]
fn default_prefix_is_the_unregistered_one() {
    let out = tenderscan()
        .args([
            "scan",
            "-f",
            "ocds-jsonl",
            "fixtures/ccgp_new_tender_szu_aws_a100.html",
        ])
        .assert()
        .success();
    let r: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert!(
        r["ocid"]
            .as_str()
            .unwrap()
            .starts_with("tenderscan-unregistered-"),
        "{}",
        r["ocid"]
    );
}

#[test]
fn candidates_are_tenderers_never_award_suppliers() {
    let pkg = package();
    let r = pkg["releases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["tenderscan"]["source"]
                .as_str()
                .unwrap()
                .ends_with("epoint_prose_zhipu_claude.html")
        })
        .expect("the Epoint candidates notice");
    assert_eq!(
        r["tender"]["tenderers"][0]["name"],
        "北京智谱华章科技有限公司"
    );
    let zhipu = r["parties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "北京智谱华章科技有限公司")
        .expect("the candidate is a party");
    assert_eq!(zhipu["roles"], serde_json::json!(["tenderer"]));
    assert!(r["awards"][0]["suppliers"].is_null());
}

#[test]
fn a_run_without_releases_writes_well_formed_json_and_warns() {
    // The trap page has no hit, so without --all nothing is reported.
    let out = tenderscan()
        .args(["scan", "-f", "ocds", "fixtures/trap_mri_tesla.html"])
        .assert()
        .success();
    let pkg: Value = serde_json::from_slice(&out.get_output().stdout).expect("one JSON package");
    assert_eq!(pkg["releases"], serde_json::json!([]));
    assert_eq!(pkg["version"], "1.1");
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(stderr.contains("no release to write"), "{stderr}");
}
