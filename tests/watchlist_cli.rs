//! `tenderscan watchlist …` as a process: lookup, compare, screen, update (against a loopback
//! wiremock server), and bad watchlists.
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn repo(p: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(p)
}

/// A vocabulary dir like the bundled one (products.csv only marks the directory), plus an
/// empty data dir so no list saved by a real `watchlist update` leaks into the test.
struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let vocab = dir.path().join("vocab");
        std::fs::create_dir_all(&vocab).expect("vocab dir");
        for f in [
            "entities.csv",
            "zh-names.csv",
            "abbreviations.csv",
            "groups.csv",
            "legal_forms.csv",
            "generic_words.csv",
        ] {
            std::fs::copy(repo("watchlists").join(f), vocab.join(f)).expect("copy vocabulary");
        }
        std::fs::write(vocab.join("products.csv"), "name\n").expect("products.csv");
        std::fs::create_dir_all(dir.path().join("data")).expect("data dir");
        Env { dir }
    }

    fn cmd(&self) -> Command {
        let mut cmd = Command::cargo_bin("tenderscan").expect("binary");
        cmd.env("TENDERSCAN_DATA_DIR", self.dir.path().join("data"))
            .env_remove("TENDERSCAN_VOCAB")
            .env_remove("TENDERSCAN_LOG")
            .arg("--vocab")
            .arg(self.dir.path().join("vocab"));
        cmd
    }

    fn path(&self, p: &str) -> PathBuf {
        self.dir.path().join(p)
    }
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().expect("runs");
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8 stdout")
}

#[test]
fn lookup_sichuan_university_names_the_entity_and_its_citation() {
    let env = Env::new();
    let out = stdout_of(env.cmd().args(["watchlist", "lookup", "四川大学"]));
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some("name,list,listed_name,method,score,citation,matched_alias,list_id,list_kind")
    );
    let first = lines.next().expect("a hit");
    assert!(first.starts_with("四川大学,Entity List (EL) - Bureau of Industry and Security,Sichuan University,alias,1.0,"), "{first}");
    assert!(first.contains("77 FR 58006"), "{first}");
}

#[test]
fn lookup_jsonl_for_an_affiliate() {
    let env = Env::new();
    let out = stdout_of(env.cmd().args([
        "watchlist",
        "lookup",
        "哈尔滨工业大学（威海）",
        "--format",
        "jsonl",
        "--limit",
        "1",
    ]));
    let hit: serde_json::Value = serde_json::from_str(out.trim()).expect("one JSON line");
    assert_eq!(hit["listed_name"], "Harbin Institute of Technology");
    assert_eq!(hit["method"], "affiliate");
    assert_eq!(hit["score"], 0.8);
}

#[test]
fn lookup_of_an_unlisted_university_prints_only_the_header() {
    let env = Env::new();
    let out = env
        .cmd()
        .args(["watchlist", "lookup", "南方科技大学"])
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).expect("utf-8");
    assert_eq!(
        stdout,
        "name,list,listed_name,method,score,citation,matched_alias,list_id,list_kind\n"
    );
}

#[test]
fn compare_two_names() {
    let env = Env::new();
    let out = stdout_of(env.cmd().args([
        "watchlist",
        "compare",
        "--no-lists",
        "Sugon Information Industry Co., Ltd.",
        "Sugon Information Industry",
    ]));
    assert_eq!(
        out,
        "name1,name2,score,method\n\"Sugon Information Industry Co., Ltd.\",Sugon Information Industry,0.95,normalized\n"
    );
    // With the lists, a Chinese name reaches the listed English name through the overlay.
    let out = stdout_of(
        env.cmd()
            .args(["watchlist", "compare", "中科曙光", "Sugon"]),
    );
    assert_eq!(out, "name1,name2,score,method\n中科曙光,Sugon,1.0,alias\n");
}

#[test]
fn compare_pairs_appends_score_and_method() {
    let env = Env::new();
    let pairs = env.path("pairs.csv");
    std::fs::write(&pairs, "page,listed,label\n北京工业大学,Beijing Institute of Technology,false\n四川大学华西医院,Sichuan University,true\n").expect("pairs");
    let out = stdout_of(
        env.cmd()
            .args(["watchlist", "compare", "--pairs"])
            .arg(&pairs),
    );
    assert_eq!(
        out,
        "page,listed,label,score,method\n北京工业大学,Beijing Institute of Technology,false,0.0,none\n四川大学华西医院,Sichuan University,true,0.8,affiliate\n"
    );
}

#[test]
fn screen_appends_the_best_hit_to_each_row() {
    let env = Env::new();
    let file = env.path("suppliers.csv");
    std::fs::write(
        &file,
        "供应商名称,金额\n曙光信息产业股份有限公司,100\n四川省学栋科技有限公司,200\n",
    )
    .expect("suppliers");
    let out = stdout_of(env.cmd().args(["watchlist", "screen"]).arg(&file).args([
        "--column",
        "供应商名称",
        "--format",
        "json",
    ]));
    let rows: serde_json::Value = serde_json::from_str(&out).expect("JSON array");
    assert_eq!(rows[0]["hit_listed_name"], "Sugon");
    assert_eq!(rows[0]["hit_method"], "alias");
    assert_eq!(rows[0]["金额"], "100");
    // No hit: null, not "" (a missing score is not a value).
    assert_eq!(rows[1]["hit_listed_name"], serde_json::Value::Null);
    assert_eq!(rows[1]["hit_score"], serde_json::Value::Null);
    assert_eq!(rows[1]["hit_count"], 0);
    // CSV: empty cells.
    let csv_out = stdout_of(env.cmd().args(["watchlist", "screen"]).arg(&file).args([
        "--column",
        "供应商名称",
        "-f",
        "CSV",
    ]));
    assert!(
        csv_out.lines().nth(2).unwrap().ends_with(",200,,,,,,,0"),
        "{csv_out}"
    );
}

#[test]
fn screen_csv_guards_formula_cells_like_the_scan_report() {
    let env = Env::new();
    let file = env.path("inj.csv");
    std::fs::write(
        &file,
        "名称,=cmd\n\"=HYPERLINK(\"\"http://x\"\")\",@SUM(A1)\n+四川大学,-1\n",
    )
    .expect("csv");
    let out = stdout_of(
        env.cmd()
            .args(["watchlist", "screen"])
            .arg(&file)
            .args(["--column", "名称"]),
    );
    let mut rd = csv::Reader::from_reader(out.as_bytes());
    assert_eq!(&rd.headers().unwrap()[1], "'=cmd");
    let rows: Vec<csv::StringRecord> = rd.records().map(Result::unwrap).collect();
    assert_eq!(&rows[0][0], "'=HYPERLINK(\"http://x\")");
    assert_eq!(&rows[0][1], "'@SUM(A1)");
    assert_eq!(&rows[1][0], "'+四川大学");
    assert_eq!(&rows[1][1], "'-1");
    // The name is still screened as written (the guard is on output only).
    assert_eq!(&rows[1][2], "Sichuan University");
}

#[test]
fn screen_reads_a_gbk_csv_as_excel_saves_it() {
    let env = Env::new();
    let file = env.path("gbk.csv");
    let (gbk, _, _) = encoding_rs::GBK
        .encode("序号,供应商名称\n1,曙光信息产业股份有限公司\n2,某某科技有限公司\n");
    std::fs::write(&file, gbk).expect("csv");
    let out = stdout_of(env.cmd().args(["watchlist", "screen"]).arg(&file).args([
        "--column",
        "供应商名称",
        "-f",
        "jsonl",
    ]));
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2, "{out}");
    assert_eq!(rows[0]["供应商名称"], "曙光信息产业股份有限公司");
    assert_eq!(rows[0]["hit_listed_name"], "Sugon");
    // UTF-8 damaged on one line is not guessed around: the line and what to do.
    let bad = env.path("bad.csv");
    let mut bytes = "name\n中国科学院计算技术研究所北京分所中国科学院计算技术研究所\n"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"\xe5\x9b\n");
    std::fs::write(&bad, bytes).expect("csv");
    env.cmd()
        .args(["watchlist", "screen"])
        .arg(&bad)
        .args(["--column", "name"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("bad.csv:3:").and(predicate::str::contains("CSV UTF-8")));
}

#[test]
fn broken_watchlist_fails_with_file_and_line() {
    let env = Env::new();
    let bad = env.path("bad.csv");
    std::fs::write(&bad, "name,aliases,list,country,reference,listed_on,source,notes\nA,,EL,CN,1 FR 1,,s,\n\"B,,EL,CN,1 FR 2,,s,\n").expect("bad list");
    env.cmd()
        .args(["watchlist", "lookup", "A", "--watchlist"])
        .arg(&bad)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("bad.csv:3:"));
}

#[test]
fn a_list_saved_by_update_is_used_by_default() {
    let env = Env::new();
    std::fs::copy(
        repo("tests/data/mini_project.csv"),
        env.path("data/consolidated.csv"),
    )
    .expect("saved list");
    // Only the saved list has this entry; the project format is accepted there too.
    let out = stdout_of(env.cmd().args([
        "watchlist",
        "lookup",
        "Example Compute Co Ltd",
        "--limit",
        "1",
    ]));
    assert!(out.contains(",\"Example Compute Co., Ltd.\",normalized,0.95,internal memo 2026-01,\"Example Compute Co., Ltd.\","), "{out}");
}

fn run_update(env: &Env, url: &str, out: &Path) -> std::process::Output {
    env.cmd()
        .args(["watchlist", "update", "--url", url, "--out"])
        .arg(out)
        .output()
        .expect("runs")
}

#[tokio::test(flavor = "multi_thread")]
async fn update_downloads_parses_and_replaces_atomically() {
    let server = MockServer::start().await;
    let csl = std::fs::read(repo("tests/data/mini_csl.csv")).expect("mini csl");
    Mock::given(method("GET"))
        .and(path("/consolidated.csv"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(csl.clone()))
        .mount(&server)
        .await;
    let env = Env::new();
    let out = env.path("lists/consolidated.csv");
    let url = format!("{}/consolidated.csv", server.uri());
    let result = tokio::task::block_in_place(|| run_update(&env, &url, &out));
    let stderr = String::from_utf8_lossy(&result.stderr);
    assert!(result.status.success(), "{stderr}");
    assert_eq!(std::fs::read(&out).expect("saved"), csl);
    assert!(
        stderr.contains("10  Entity List (EL) - Bureau of Industry and Security"),
        "{stderr}"
    );
    assert!(
        stderr.contains("1  Military End User (MEU) List"),
        "{stderr}"
    );
    // No temporary file left beside it.
    assert_eq!(
        std::fs::read_dir(env.path("lists")).expect("dir").count(),
        1
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn update_keeps_the_previous_copy_on_server_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    let env = Env::new();
    let out = env.path("consolidated.csv");
    std::fs::write(&out, "previous copy").expect("previous");
    let result = tokio::task::block_in_place(|| run_update(&env, &server.uri(), &out));
    assert_eq!(result.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&result.stderr).contains("HTTP 500"),
        "{}",
        String::from_utf8_lossy(&result.stderr)
    );
    assert_eq!(
        std::fs::read_to_string(&out).expect("kept"),
        "previous copy"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn update_keeps_the_previous_copy_on_a_garbage_body() {
    let server = MockServer::start().await;
    let env = Env::new();
    let out = env.path("consolidated.csv");
    std::fs::write(&out, "previous copy").expect("previous");
    for body in [
        &b"<html>maintenance</html>"[..],
        b"_id,source,name,alt_names,federal_register_notice\n",
        &[0xff, 0xfe, 0x00],
    ] {
        server.reset().await;
        Mock::given(method("GET"))
            .respond_with(ResponseTemplate::new(200).set_body_bytes(body.to_vec()))
            .mount(&server)
            .await;
        let result = tokio::task::block_in_place(|| run_update(&env, &server.uri(), &out));
        assert_eq!(
            result.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&result.stderr)
        );
        assert!(
            String::from_utf8_lossy(&result.stderr).contains("previous list is kept"),
            "{}",
            String::from_utf8_lossy(&result.stderr)
        );
        assert_eq!(
            std::fs::read_to_string(&out).expect("kept"),
            "previous copy"
        );
    }
    assert_eq!(
        std::fs::read_dir(env.dir.path())
            .expect("dir")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with(".tenderscan"))
            .count(),
        0
    );
}
