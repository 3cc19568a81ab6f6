//! `tenderscan history …` and `scan --history/--new-only` through the binary, on real SQLite
//! files in temp directories.
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;
use predicates::prelude::*;
use rusqlite::Connection;
use tenderscan::history::History;
use tenderscan::model::{Alert, Category, Mention, Origin, Record, RunSummary};

fn tenderscan() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("tenderscan").expect("binary");
    cmd.env_remove("TENDERSCAN_VOCAB")
        .env_remove("TENDERSCAN_HISTORY")
        .env_remove("TENDERSCAN_LOG");
    cmd
}

fn stdout_of(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stdout).into_owned()
}

fn chip(name: &str) -> Mention {
    Mention {
        category: Category::Chip,
        name: name.into(),
        origin: Origin::Us,
        controlled: true,
        text: name.into(),
        context: format!("{name} GPU服务器"),
        attachment: None,
    }
}

fn notice(source: &str, sha: &str, chips: &[&str]) -> Record {
    Record {
        source: source.into(),
        sha256: sha.into(),
        encoding: "UTF-8".into(),
        title: Some("某大学GPU服务器采购项目".into()),
        published: Some("2024-01-05".into()),
        buyer: Some("某大学".into()),
        mentions: chips.iter().map(|c| chip(c)).collect(),
        alert: if chips.is_empty() {
            Alert::None
        } else {
            Alert::Low
        },
        reasons: chips
            .iter()
            .map(|c| format!("controlled chip {c}"))
            .collect(),
        ..Record::default()
    }
}

/// A history with three finished runs: day 1 sees t1 (A100) and a quiet notice, day 2 the same
/// again plus a failed input, day 3 a corrected t1 that adds an H100.
fn filled_history(path: &Path) {
    let mut h = History::open(path).unwrap();
    let days: [Vec<Record>; 3] = [
        vec![
            notice("http://gov.example/t1.htm", "v1", &["NVIDIA A100"]),
            notice("http://gov.example/quiet.htm", "q", &[]),
        ],
        vec![
            notice("http://gov.example/t1.htm", "v1", &["NVIDIA A100"]),
            Record {
                source: "http://gov.example/gone.htm".into(),
                error: Some("HTTP 404".into()),
                ..Record::default()
            },
        ],
        vec![notice(
            "http://gov.example/t1.htm",
            "v2",
            &["NVIDIA A100", "NVIDIA H100"],
        )],
    ];
    for (day, records) in days.iter().enumerate() {
        let run = h
            .begin_run(&format!("tenderscan scan day{}", day + 1))
            .unwrap();
        let mut summary = RunSummary::default();
        for r in records {
            h.observe(run, r).unwrap();
            if r.error.is_some() {
                summary.failed += 1;
            } else {
                summary.scanned += 1;
            }
        }
        h.finish_run(run, &summary).unwrap();
    }
}

#[test]
fn history_runs_lists_runs_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.sqlite3");
    filled_history(&path);
    let out = tenderscan()
        .arg("history")
        .arg("--history")
        .arg(&path)
        .arg("runs")
        .assert()
        .success();
    let text = stdout_of(&out);
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "id", "started", "finished", "scanned", "failed", "new", "updated", "reported", "high",
            "medium", "low", "none", "errors", "command", "lists"
        ]
    );
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    let summary: Vec<(&str, &str, &str, &str)> = rows
        .iter()
        .map(|r| (&r[0], &r[3], &r[12], &r[13]))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("3", "1", "0", "tenderscan scan day3"),
            ("2", "1", "1", "tenderscan scan day2"),
            ("1", "2", "0", "tenderscan scan day1"),
        ]
    );
    // --history after the subcommand works too, and --limit and JSON.
    let out = tenderscan()
        .args(["history", "runs", "--limit", "1", "-f", "json", "--history"])
        .arg(&path)
        .assert()
        .success();
    let runs: serde_json::Value = serde_json::from_str(&stdout_of(&out)).unwrap();
    assert_eq!(runs.as_array().map(Vec::len), Some(1));
    assert_eq!(runs[0]["id"], 3);
    assert!(runs[0]["finished"].is_string());
}

#[test]
fn history_show_gives_each_version_with_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.sqlite3");
    filled_history(&path);
    let out = tenderscan()
        .args([
            "history",
            "show",
            "http://gov.example/t1.htm",
            "-f",
            "jsonl",
            "--history",
        ])
        .arg(&path)
        .assert()
        .success();
    let versions: Vec<serde_json::Value> = stdout_of(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(versions.len(), 2);
    assert_eq!(
        (
            versions[0]["status"].as_str(),
            versions[0]["times_seen"].as_u64()
        ),
        (Some("new"), Some(2))
    );
    assert_eq!(versions[0]["record"]["sha256"], "v1");
    assert_eq!(versions[1]["status"], "updated");
    assert_eq!(
        versions[1]["changes"],
        serde_json::json!(["added mention NVIDIA H100"])
    );
    let out = tenderscan()
        .args(["history", "show", "http://gov.example/t1.htm", "--history"])
        .arg(&path)
        .assert()
        .success();
    let text = stdout_of(&out);
    assert!(
        text.starts_with("first_seen,last_seen,times_seen,status,changes,alert,"),
        "{text}"
    );
    assert!(
        text.contains(",updated,added mention NVIDIA H100,low,"),
        "{text}"
    );
    assert!(text.contains("NVIDIA A100; NVIDIA H100"), "{text}");
}

#[test]
fn history_show_csv_neutralises_formulas_from_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.sqlite3");
    let mut h = History::open(&path).unwrap();
    let run = h.begin_run("scan").unwrap();
    let mut r = notice("evil.htm", "e", &[]);
    r.title = Some("=HYPERLINK(\"http://x\")".into());
    h.observe(run, &r).unwrap();
    h.finish_run(run, &RunSummary::default()).unwrap();
    let out = tenderscan()
        .args(["history", "show", "evil.htm", "--history"])
        .arg(&path)
        .assert()
        .success();
    let text = stdout_of(&out);
    assert!(
        text.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","),
        "{text}"
    );
}

#[test]
fn history_runs_csv_neutralises_formulas_from_list_names_and_commands() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.sqlite3");
    let mut h = History::open(&path).unwrap();
    let run = h.begin_run("=cmd|' /C calc'!A0").unwrap();
    // A user's watchlist can name its list anything.
    h.set_run_lists(
        run,
        &[tenderscan::model::ListVersion {
            list: "@SUM A1".into(),
            kind: Default::default(),
            as_of: "2026-12-01".into(),
            sha256: "0123456789abcdef".into(),
        }],
    )
    .unwrap();
    h.finish_run(run, &RunSummary::default()).unwrap();
    let out = tenderscan()
        .args(["history", "runs", "--history"])
        .arg(&path)
        .assert()
        .success();
    let text = stdout_of(&out);
    assert!(text.contains(",'=cmd|' /C calc'!A0,"), "{text}");
    assert!(text.ends_with(",'@SUM A1@2026-12-01#01234567\n"), "{text}");
    // JSON keeps the text as it is.
    let out = tenderscan()
        .args(["history", "runs", "-f", "jsonl", "--history"])
        .arg(&path)
        .assert()
        .success();
    let run: serde_json::Value = serde_json::from_str(stdout_of(&out).trim()).unwrap();
    assert_eq!(run["command"], "=cmd|' /C calc'!A0");
}

#[test]
fn history_show_of_an_unknown_source_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.sqlite3");
    filled_history(&path);
    tenderscan()
        .args([
            "history",
            "show",
            "http://gov.example/never.htm",
            "--history",
        ])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("never seen in the history"));
}

#[test]
fn history_export_gives_new_and_updated_notices_with_findings() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.sqlite3");
    filled_history(&path);
    let out = tenderscan()
        .args([
            "history",
            "export",
            "--since",
            "2000-01-01",
            "-f",
            "jsonl",
            "--history",
        ])
        .arg(&path)
        .assert()
        .success();
    let records: Vec<Record> = stdout_of(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let rows: Vec<(&str, &str, Option<&str>)> = records
        .iter()
        .map(|r| (r.source.as_str(), r.sha256.as_str(), r.status.as_deref()))
        .collect();
    // The quiet notice has no findings; the unchanged second sighting of t1 is not exported again.
    assert_eq!(
        rows,
        vec![
            ("http://gov.example/t1.htm", "v1", Some("new")),
            ("http://gov.example/t1.htm", "v2", Some("updated"))
        ]
    );
    assert!(
        records[1]
            .reasons
            .contains(&"changed: added mention NVIDIA H100".to_owned()),
        "{:?}",
        records[1].reasons
    );
    // --all includes the quiet one; a period before anything was seen is empty.
    let out = tenderscan()
        .args([
            "history",
            "export",
            "--all",
            "--since",
            "2000-01-01",
            "-f",
            "jsonl",
            "--history",
        ])
        .arg(&path)
        .assert()
        .success();
    assert_eq!(stdout_of(&out).lines().count(), 3);
    let out = tenderscan()
        .args([
            "history",
            "export",
            "--since",
            "2000-01-01",
            "--until",
            "2000-01-31",
            "-f",
            "csv",
            "--history",
        ])
        .arg(&path)
        .assert()
        .success();
    assert_eq!(stdout_of(&out).lines().count(), 1, "header only");
    tenderscan()
        .args(["history", "export", "--since", "last week", "--history"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
}

#[test]
fn history_reads_the_file_named_by_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.sqlite3");
    filled_history(&path);
    let out = tenderscan()
        .args(["history", "runs", "-f", "jsonl"])
        .env("TENDERSCAN_HISTORY", &path)
        .assert()
        .success();
    assert_eq!(stdout_of(&out).lines().count(), 3);
}

#[test]
fn history_of_a_missing_file_is_an_error_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nothing.sqlite3");
    tenderscan()
        .args(["history", "runs", "--history"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no history there yet"));
    assert!(!path.exists());
}

#[test]
fn history_of_a_foreign_file_is_an_error_and_leaves_it_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.sqlite3");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE notes (body TEXT)")
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    tenderscan()
        .args(["history", "runs", "--history"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("another application"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

// ---- end to end: `scan --history … --new-only` over pages in a temp dir -------------------------

/// A page of a notice; `n` varies the title so that each page has its own content.
fn page(n: usize, extra: &str) -> String {
    format!(
        "<html><head><title>某大学GPU服务器采购项目{n}公开招标公告</title></head><body>\
         <p>采购人：某大学</p><p>项目编号：SCZB-2024-{n:03}</p><p>采购NVIDIA A100 GPU服务器{extra}</p></body></html>"
    )
}

/// A temp dir with `pages/p00.html …`; the binary runs inside it, so sources are relative.
struct Workdir {
    dir: tempfile::TempDir,
}

impl Workdir {
    fn new(pages: usize) -> Workdir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("pages")).unwrap();
        for n in 0..pages {
            std::fs::write(dir.path().join(format!("pages/p{n:02}.html")), page(n, "")).unwrap();
        }
        // Until the bundled vocabulary (products.csv) is in the tree, a copy of what is there plus
        // an empty product list lets the pipeline run; the history does not depend on what is
        // detected.
        let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists");
        if !bundled.join("products.csv").is_file() {
            let vocab = dir.path().join("vocab");
            std::fs::create_dir(&vocab).unwrap();
            for entry in std::fs::read_dir(&bundled).into_iter().flatten().flatten() {
                if entry.path().extension().is_some_and(|e| e == "csv") {
                    std::fs::copy(entry.path(), vocab.join(entry.file_name())).unwrap();
                }
            }
            std::fs::write(vocab.join("products.csv"), "").unwrap();
        }
        Workdir { dir }
    }

    fn path(&self, rel: &str) -> std::path::PathBuf {
        self.dir.path().join(rel)
    }

    fn vocab(&self) -> Option<std::path::PathBuf> {
        let v = self.path("vocab");
        v.is_dir().then_some(v)
    }

    fn tenderscan(&self) -> assert_cmd::Command {
        let mut cmd = tenderscan();
        cmd.current_dir(self.dir.path());
        if let Some(v) = self.vocab() {
            cmd.env("TENDERSCAN_VOCAB", v);
        }
        cmd
    }

    fn process(&self) -> Command {
        let mut cmd = Command::cargo_bin("tenderscan").unwrap();
        cmd.current_dir(self.dir.path())
            .env_remove("TENDERSCAN_HISTORY")
            .env_remove("TENDERSCAN_LOG");
        match self.vocab() {
            Some(v) => cmd.env("TENDERSCAN_VOCAB", v),
            None => cmd.env_remove("TENDERSCAN_VOCAB"),
        };
        cmd
    }

    /// `scan --history h.sqlite3 --new-only --all -f jsonl pages/`: the JSON lines reported.
    fn daily_scan(&self) -> (Vec<serde_json::Value>, String) {
        let out = self
            .tenderscan()
            .args([
                "scan",
                "--history",
                "h.sqlite3",
                "--new-only",
                "--all",
                "-f",
                "jsonl",
                "pages/",
            ])
            .assert()
            .success();
        let records = stdout_of(&out)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        (
            records,
            String::from_utf8_lossy(&out.get_output().stderr).into_owned(),
        )
    }
}

fn integrity(path: &Path) -> String {
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn field<'a>(records: &'a [serde_json::Value], name: &str) -> Vec<&'a str> {
    records
        .iter()
        .map(|r| r[name].as_str().unwrap_or(""))
        .collect()
}

#[test]
fn daily_scans_report_new_then_nothing_then_the_updated_notice() {
    let w = Workdir::new(2);
    let (day1, stderr) = w.daily_scan();
    assert_eq!(field(&day1, "source"), ["pages/p00.html", "pages/p01.html"]);
    assert_eq!(field(&day1, "status"), ["new", "new"]);
    assert!(stderr.contains("new 2, updated 0"), "{stderr}");

    let (day2, stderr) = w.daily_scan();
    assert!(day2.is_empty(), "the second run reports nothing: {day2:?}");
    assert!(stderr.contains("new 0, updated 0"), "{stderr}");

    // A view counter ticks: other bytes, the same fields and findings. Not reported again (a
    // cron job with --fail-on would otherwise mail the same alert every day), but recorded.
    let counted = page(0, "").replace("</body>", "<p>浏览次数：313</p></body>");
    std::fs::write(w.path("pages/p00.html"), counted).unwrap();
    let (day3, stderr) = w.daily_scan();
    assert!(
        day3.is_empty(),
        "a content-only change is not news: {day3:?}"
    );
    assert!(stderr.contains("new 0, updated 0"), "{stderr}");

    // 更正公告: the notice is republished with other content.
    let corrected = page(1, "（更正：增加两台）").replace("公开招标公告", "更正公告");
    std::fs::write(w.path("pages/p01.html"), corrected).unwrap();
    let (day3, _) = w.daily_scan();
    assert_eq!(field(&day3, "source"), ["pages/p01.html"]);
    assert_eq!(field(&day3, "status"), ["updated"]);
    let reasons = day3[0]["reasons"].to_string();
    assert!(reasons.contains("changed: "), "{reasons}");

    let out = w
        .tenderscan()
        .args(["history", "runs", "-f", "jsonl", "--history", "h.sqlite3"])
        .assert()
        .success();
    let runs: Vec<serde_json::Value> = stdout_of(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let counts: Vec<(u64, u64, u64)> = runs
        .iter()
        .map(|r| {
            (
                r["scanned"].as_u64().unwrap(),
                r["new"].as_u64().unwrap(),
                r["updated"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(counts, vec![(2, 0, 1), (2, 0, 0), (2, 0, 0), (2, 2, 0)]);
    let out = w
        .tenderscan()
        .args([
            "history",
            "show",
            "pages/p01.html",
            "-f",
            "jsonl",
            "--history",
            "h.sqlite3",
        ])
        .assert()
        .success();
    assert_eq!(stdout_of(&out).lines().count(), 2, "two versions of p01");
}

#[test]
fn history_export_takes_the_ocid_prefix_and_checks_it_as_scan_does() {
    let w = Workdir::new(1);
    w.daily_scan();
    let out = w
        .tenderscan()
        .args([
            "history",
            "--history",
            "h.sqlite3",
            "export",
            "--since",
            "today",
        ])
        .args(["--all", "-f", "ocds-jsonl", "--ocid-prefix", "ocds-abc123"])
        .assert()
        .success();
    let release: serde_json::Value =
        serde_json::from_str(stdout_of(&out).lines().next().expect("one release")).unwrap();
    let ocid = release["ocid"].as_str().unwrap();
    assert!(ocid.starts_with("ocds-abc123-"), "{ocid}");
    w.tenderscan()
        .args([
            "history",
            "--history",
            "h.sqlite3",
            "export",
            "--since",
            "today",
        ])
        .args(["-f", "ocds", "--ocid-prefix", "ocds-ABCDEF"])
        .assert()
        .code(2);
}

#[test]
fn scan_refuses_a_foreign_history_and_leaves_it_untouched() {
    let w = Workdir::new(1);
    let path = w.path("h.sqlite3");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE notes (body TEXT)")
        .unwrap();
    let before = std::fs::read(&path).unwrap();
    w.tenderscan()
        .args(["scan", "--history", "h.sqlite3", "--new-only", "pages/"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("another application"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[cfg(unix)]
#[test]
fn a_run_killed_between_two_pages_leaves_a_consistent_history_and_the_next_run_reports_all() {
    let w = Workdir::new(64);
    // A loopback server that accepts and never answers: the scan blocks on that URL after the
    // local pages (a FIFO no longer works: non-regular files are refused at once).
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let slow_url = format!("http://{}/slow.html", silent.local_addr().unwrap());
    let held = std::thread::spawn(move || {
        let mut conns = Vec::new();
        for c in silent.incoming().take(4).flatten() {
            conns.push(c);
        }
        std::thread::sleep(Duration::from_secs(300));
        drop(conns);
    });
    drop(held);
    let mut child = w
        .process()
        .args([
            "scan",
            "--history",
            "h.sqlite3",
            "--new-only",
            "--all",
            "-f",
            "jsonl",
            "-o",
            "report.jsonl",
            "pages/",
            &slow_url,
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let history = w.path("h.sqlite3");
    let observed = || -> i64 {
        Connection::open_with_flags(&history, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .and_then(|c| c.query_row("SELECT count(*) FROM findings", [], |r| r.get(0)))
            .unwrap_or(0)
    };
    // Waiting for the scan to reach the pipe is not a timing assertion: the deadline only keeps
    // a broken build from hanging the suite.
    let deadline = Instant::now() + Duration::from_secs(120);
    while observed() == 0 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    let seen_before_kill = observed();
    assert!(seen_before_kill > 0, "the scan never observed a page");

    assert!(!w.path("report.jsonl").exists(), "no partial report");
    assert_eq!(integrity(&history), "ok");
    let (records, _) = w.daily_scan();
    assert_eq!(
        records.len(),
        64,
        "the killed run's report never reached anyone: all pages are new again"
    );
    assert!(field(&records, "status").iter().all(|s| *s == "new"));
    let out = w
        .tenderscan()
        .args(["history", "runs", "-f", "jsonl", "--history", "h.sqlite3"])
        .assert()
        .success();
    let runs: Vec<serde_json::Value> = stdout_of(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(runs.len(), 2);
    assert!(
        runs[0]["finished"].is_string() && runs[1]["finished"].is_null(),
        "{runs:?}"
    );
    let (again, _) = w.daily_scan();
    assert!(again.is_empty());
}

#[test]
fn two_scans_at_once_on_one_history_both_finish_and_the_file_stays_sound() {
    let w = Workdir::new(40);
    let spawn = || {
        w.process()
            .args([
                "scan",
                "--history",
                "h.sqlite3",
                "--new-only",
                "--all",
                "-f",
                "jsonl",
                "pages/",
            ])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    let outputs = [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()];
    for out in &outputs {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let reported: usize = outputs
        .iter()
        .map(|o| String::from_utf8_lossy(&o.stdout).lines().count())
        .sum();
    // Each notice is new to at least one run; both may report it when neither had finished.
    assert!((40..=80).contains(&reported), "reported {reported}");
    let history = w.path("h.sqlite3");
    assert_eq!(integrity(&history), "ok");
    let c = Connection::open(&history).unwrap();
    let (notices, finished): (i64, i64) = c
        .query_row(
            "SELECT (SELECT count(*) FROM notices), (SELECT count(*) FROM runs WHERE finished IS NOT NULL)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!((notices, finished), (40, 2));
    let (third, _) = w.daily_scan();
    assert!(third.is_empty());
}
