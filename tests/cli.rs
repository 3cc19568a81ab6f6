//! End-to-end behaviour of the binary that does not depend on page content: inputs, errors,
//! exit codes, report formats, atomic output, broken pipes.
use std::io::Read;
use std::process::{Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;
use predicates::prelude::*;

fn tenderscan() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("tenderscan").expect("binary");
    cmd.env_remove("TENDERSCAN_VOCAB")
        .env_remove("TENDERSCAN_HISTORY")
        .env_remove("TENDERSCAN_LOG");
    cmd
}

const PAGE: &str = "<html><head><title>某某大学服务器采购项目中标公告</title></head><body><p>采购人：某某大学</p></body></html>";

#[test]
fn help_documents_exit_codes() {
    tenderscan()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit codes:"))
        .stdout(predicate::str::contains("10   --fail-on"));
}

#[test]
fn missing_file_is_reported_and_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.html");
    std::fs::write(&good, PAGE).unwrap();
    let missing = dir.path().join("missing.html");
    tenderscan()
        .args(["scan", "--all", "-f", "jsonl"])
        .arg(&missing)
        .arg(&good)
        .assert()
        .code(3)
        .stderr(
            predicate::str::contains("missing.html").and(predicate::str::contains("No such file")),
        )
        .stdout(predicate::str::contains("\"error\"").and(predicate::str::contains("good.html")));
}

#[test]
fn every_input_failing_exits_4() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.html");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.path().join("blob.htm");
    std::fs::write(&binary, b"\x7fELF\x00\x00\x01binary").unwrap();
    let out = tenderscan()
        .args(["scan", "-f", "jsonl"])
        .arg(&empty)
        .arg(&binary)
        .assert()
        .code(4);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("empty.html: empty file"), "{stderr}");
    assert!(stderr.contains("blob.htm: binary file"), "{stderr}");
}

#[test]
fn paths_from_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.html");
    std::fs::write(&a, PAGE).unwrap();
    tenderscan()
        .args(["scan", "--all", "-f", "jsonl", "-"])
        .write_stdin(format!("# a comment\n\n{}\n", a.display()))
        .assert()
        .success()
        .stdout(predicate::str::contains("a.html"));
}

#[test]
fn a_page_piped_on_stdin_is_scanned_as_one_page_named_dash() {
    // A GBK page with a BOM-less start and blank lines before the markup: one record, decoded.
    let gbk = std::fs::read("fixtures/gbk_uestc_a800_servers.htm").unwrap();
    let mut piped = b"\n  \n".to_vec();
    piped.extend_from_slice(&gbk);
    let out = tenderscan()
        .args(["scan", "--all", "-f", "jsonl", "-"])
        .write_stdin(piped)
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{stdout}");
    let record: serde_json::Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(record["source"], "-");
    assert_eq!(record["encoding"], "gbk");
    assert!(record["error"].is_null(), "{record}");
    // A UTF-8 BOM then markup is a page too; over --max-file-size it is one failed record.
    let mut big = b"\xEF\xBB\xBF<html><body>".to_vec();
    big.resize(2 << 20, b'x');
    tenderscan()
        .args(["scan", "--max-file-size", "1", "-f", "jsonl", "-"])
        .write_stdin(big)
        .assert()
        .code(4)
        .stderr(predicate::str::contains("-: file too large"));
}

#[test]
fn usage_mistakes_clap_cannot_see_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("suppliers.csv");
    std::fs::write(&csv, "序号,供应商名称\n1,某公司\n").unwrap();
    let csv = csv.to_str().unwrap();
    let cases: &[&[&str]] = &[
        &["crawl", "--source", "ccgp-search", "--since", "7d"],
        &[
            "crawl",
            "--source",
            "commoncrawl",
            "--url",
            "*.ccgp.gov.cn/*",
        ],
        &[
            "crawl",
            "--source",
            "commoncrawl",
            "--crawl",
            "CC-MAIN-2024-10",
        ],
        &[
            "crawl",
            "--source",
            "commoncrawl",
            "--crawl",
            "CC-MAIN-2024-10",
            "--url",
            "*.ccgp.gov.cn/*",
            "--since",
            "2025-02-01",
            "--until",
            "2025-01-01",
        ],
        &["scan", "--rescreen"],
        &["watchlist", "lookup", "-f", "ocds", "四川大学"],
        &["watchlist", "lookup", "-f", "xlsx", "四川大学"],
        &["watchlist", "lookup", ""],
        &["watchlist", "lookup", "  "],
        &["watchlist", "screen", csv, "--column", "name"],
        &[
            "history",
            "--history",
            "/nonexistent/h.db",
            "runs",
            "-f",
            "ocds",
        ],
        &["man", "nosuch"],
    ];
    for args in cases {
        let out = tenderscan()
            .env("HOME", dir.path())
            .args(*args)
            .assert()
            .code(2);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        // One line of ours, or clap's own message for a value it refuses.
        assert!(
            stderr.lines().count() == 1 || stderr.starts_with("error: invalid value"),
            "{args:?}: {stderr}"
        );
    }
    // Commands that print a table offer only the table formats.
    let help = tenderscan()
        .args(["watchlist", "lookup", "--help"])
        .assert()
        .success();
    let help = String::from_utf8_lossy(&help.get_output().stdout).to_string();
    assert!(
        help.contains("jsonl") && !help.contains("ocds") && !help.contains("xlsx"),
        "{help}"
    );
    // Every table command takes its formats in any case, as the report commands do.
    for args in [
        &["watchlist", "info", "-f", "JSON"][..],
        &["watchlist", "lookup", "-f", "JSON", "四川大学"],
    ] {
        tenderscan().arg("-q").args(args).assert().success();
    }
}

#[test]
fn fatal_errors_say_it_once_and_name_what_the_user_gave() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("a.html");
    std::fs::write(&page, PAGE).unwrap();
    let missing = dir.path().join("nope.csv");
    let out = tenderscan()
        .args(["scan", "--watchlist"])
        .arg(&missing)
        .arg(&page)
        .assert()
        .code(1)
        .stdout("");
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert_eq!(
        stderr.matches("No such file or directory").count(),
        1,
        "{stderr}"
    );
    // -o into a missing folder: the message names the report file, not the temporary one.
    let out = tenderscan()
        .args(["scan", "-o", "/nonexistent/dir/r.csv"])
        .arg(&page)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("/nonexistent/dir/r.csv"), "{stderr}");
    assert!(!stderr.contains(".tenderscan-report"), "{stderr}");
    // The operating system's words for the cause, not the bare error kind.
    assert!(
        stderr.contains("No such file or directory (os error 2)"),
        "{stderr}"
    );
    // Not an archive: no CSV header on stdout before the error (`> report.csv` stays empty).
    tenderscan()
        .args(["scan", "--from-archive"])
        .arg(dir.path().join("nosuchdir"))
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("is not a tenderscan archive"));
    // A usage error of `scan` shows the `scan` usage line.
    tenderscan()
        .args(["scan", "-f", "xlsx"])
        .arg(&page)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("Usage: tenderscan scan"));
}

#[test]
fn directories_are_walked_for_page_extensions_only() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("sub/deeper")).unwrap();
    for name in [
        "a.html",
        "sub/b.htm",
        "sub/deeper/c.shtml",
        "sub/d.jsp",
        "e.txt",
        "f.pdf",
        "g.json",
    ] {
        std::fs::write(dir.path().join(name), PAGE).unwrap();
    }
    let out = tenderscan()
        .args(["scan", "--all", "-f", "jsonl"])
        .arg(dir.path())
        .assert()
        .success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert_eq!(stdout.lines().count(), 5, "{stdout}");
    assert!(!stdout.contains("f.pdf") && !stdout.contains("g.json"));
}

#[test]
fn json_output_is_one_array() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.html", "b.html"] {
        std::fs::write(dir.path().join(name), PAGE).unwrap();
    }
    let out = tenderscan()
        .args(["scan", "--all", "-f", "json"])
        .arg(dir.path())
        .assert()
        .success();
    let v: serde_json::Value =
        serde_json::from_slice(&out.get_output().stdout).expect("valid JSON");
    let arr = v.as_array().expect("array");
    assert_eq!(arr.len(), 2);
    for key in [
        "source",
        "final_url",
        "fetched_at",
        "sha256",
        "encoding",
        "notice_type",
        "title",
        "published",
        "project_id",
        "buyer",
        "agency",
        "budget",
        "award",
        "suppliers",
        "mentions",
        "hits",
        "alert",
        "reasons",
    ] {
        assert!(arr[0].get(key).is_some(), "missing field {key}");
    }
    assert_eq!(arr[0]["sha256"].as_str().unwrap().len(), 64);
}

#[test]
fn empty_json_report_is_an_empty_array() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.html"), PAGE).unwrap();
    // Without --all a notice with no findings is left out.
    tenderscan()
        .args(["scan", "-f", "json"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout("[]\n");
}

#[test]
fn csv_has_header_and_bom_with_excel() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.html"), PAGE).unwrap();
    let out = tenderscan()
        .args(["scan", "--all", "--excel"])
        .arg(dir.path())
        .assert()
        .success();
    let stdout = &out.get_output().stdout;
    assert!(stdout.starts_with("\u{feff}alert,published,buyer,title,project_id".as_bytes()));
    let out = tenderscan()
        .args(["scan", "--all"])
        .arg(dir.path())
        .assert()
        .success();
    assert!(out.get_output().stdout.starts_with(b"alert,"));
}

#[test]
fn output_file_is_written_whole_and_replaced_atomically() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.html"), PAGE).unwrap();
    let report = dir.path().join("out/report.jsonl");
    std::fs::create_dir_all(report.parent().unwrap()).unwrap();
    std::fs::write(&report, "old report\n").unwrap();
    tenderscan()
        .args(["scan", "--all", "-f", "jsonl", "-o"])
        .arg(&report)
        .arg(dir.path().join("a.html"))
        .assert()
        .success()
        .stdout("");
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(text.starts_with("{\"source\":"), "{text}");
    // No temporary files left behind.
    let names: Vec<_> = std::fs::read_dir(report.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn unwritable_output_is_fatal_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.html"), PAGE).unwrap();
    tenderscan()
        .args(["scan", "--all", "-o", "/nonexistent-dir/report.csv"])
        .arg(dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("report file"));
}

#[test]
fn broken_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..400 {
        std::fs::write(dir.path().join(format!("p{i:04}.html")), PAGE.repeat(20)).unwrap();
    }
    // Like `tenderscan scan … | head -1`: the reader goes away after the first line.
    let mut child = Command::cargo_bin("tenderscan")
        .unwrap()
        .args(["scan", "--all", "-f", "jsonl"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("Broken pipe"),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

#[test]
fn usage_error_exits_2() {
    tenderscan()
        .args(["scan", "--format", "xml", "x"])
        .assert()
        .code(2);
}

#[cfg(unix)]
#[test]
fn non_utf8_path_names_are_scanned() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"\xb2\xc9\xb9\xba.html"); // 采购 in GBK: not UTF-8
    std::fs::write(dir.path().join(name), PAGE).unwrap();
    tenderscan()
        .args(["scan", "--all", "-f", "jsonl"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains(".html"));
}

#[cfg(unix)]
#[test]
fn ctrl_c_finishes_the_batch_writes_it_and_exits_130() {
    let dir = tempfile::tempdir().unwrap();
    // A heavy page, given first, keeps the first batch busy for seconds (FIFOs, used for this
    // before, are now refused as inputs).
    let pipe_dir = tempfile::tempdir().unwrap();
    let heavy = pipe_dir.path().join("heavy.html");
    let mut rows = String::from("<html><body><table><tr><th>序号</th><th>中标供应商</th></tr>");
    // ~9 MB: over a second of work even on a fast machine (at 0.3 s, CI once finished it
    // before the signal and ran the second batch too).
    for i in 0..150_000 {
        rows.push_str(&format!(
            "<tr><td>{i}</td><td>某某科技有限公司{i}</td></tr>"
        ));
    }
    rows.push_str("</table></body></html>");
    std::fs::write(&heavy, rows).unwrap();
    for i in 0..100 {
        std::fs::write(dir.path().join(format!("p{i:03}.html")), PAGE).unwrap();
    }
    let report = pipe_dir.path().join("report.jsonl");
    let mut child = Command::cargo_bin("tenderscan")
        .unwrap()
        .args([
            "-vv",
            "scan",
            "--all",
            "-f",
            "jsonl",
            "--page-timeout",
            "0",
            "-o",
        ])
        .arg(&report)
        .arg(&heavy)
        .arg(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The signal goes only once the first batch has begun (a signal sent before it, under a
    // loaded machine, rightly ends the run with nothing written); stderr is read to the end on
    // a thread so the child never blocks on a full pipe.
    let (started_tx, started_rx) = std::sync::mpsc::channel();
    let stderr = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        use std::io::BufRead;
        let mut all = String::new();
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            if line.contains("batch started") {
                let _ = started_tx.send(());
            }
            all.push_str(&line);
            all.push('\n');
        }
        all
    });
    started_rx
        .recv_timeout(std::time::Duration::from_secs(120))
        .expect("the first batch never started");
    assert!(
        Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap()
            .success()
    );
    let status = child.wait().unwrap();
    let stderr = reader.join().unwrap();
    assert_eq!(status.code(), Some(130), "{stderr}");
    // The batch in flight (64 files) was finished and written; the rest were not started.
    let text = std::fs::read_to_string(&report).expect("the report of what was done is written");
    assert_eq!(text.lines().count(), 64, "{text}");
}

#[test]
fn watchlist_flag_says_once_which_lists_are_screened_and_that_the_bundled_ones_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("my.csv");
    std::fs::write(
        &mine,
        "name,aliases,list,country,reference,listed_on,source,notes\n成都云启智算科技有限公司,,My suppliers,CN,,,internal,\n",
    )
    .unwrap();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let page = root.join("fixtures/ccgp_new_award_scu_azure_openai.html");
    let vocab = root.join("watchlists");
    let stderr_of = |args: &[&std::ffi::OsStr]| {
        let out = tenderscan()
            .arg("--vocab")
            .arg(&vocab)
            .args(args)
            .arg(&page)
            .assert()
            .success();
        String::from_utf8_lossy(&out.get_output().stderr).to_string()
    };
    let stderr = stderr_of(&["scan".as_ref(), "--watchlist".as_ref(), mine.as_os_str()]);
    assert_eq!(
        stderr.matches("screening against My suppliers").count(),
        1,
        "{stderr}"
    );
    assert_eq!(
        stderr
            .matches("the bundled lists are not loaded (add `--watchlist ")
            .count(),
        1,
        "{stderr}"
    );
    // The bundled file given too: both are screened, so nothing is "not loaded".
    let bundled = vocab.join("entities.csv");
    let stderr = stderr_of(&[
        "scan".as_ref(),
        "--watchlist".as_ref(),
        bundled.as_os_str(),
        "--watchlist".as_ref(),
        mine.as_os_str(),
    ]);
    assert!(stderr.contains("My suppliers"), "{stderr}");
    assert!(!stderr.contains("not loaded"), "{stderr}");
    // -q: nothing; without --watchlist: nothing.
    let stderr = stderr_of(&[
        "-q".as_ref(),
        "scan".as_ref(),
        "--watchlist".as_ref(),
        mine.as_os_str(),
    ]);
    assert!(!stderr.contains("screening against"), "{stderr}");
    let stderr = stderr_of(&["scan".as_ref()]);
    assert!(!stderr.contains("screening against"), "{stderr}");
}

#[test]
fn summary_line_adds_up_and_comes_last() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = |out: &assert_cmd::assert::Assert| {
        String::from_utf8_lossy(&out.get_output().stderr).to_string()
    };
    // Failed inputs are reported (rows with an error) and counted apart from the levels.
    let missing = dir.path().join("missing.html");
    let out = tenderscan()
        .args(["scan", "-"])
        .write_stdin(format!("{}\n{}\n", missing.display(), missing.display()))
        .assert()
        .code(4);
    let err = stderr(&out);
    assert_eq!(
        err.lines().last(),
        Some(
            "tenderscan: scanned 0, failed 2; reported 2 (high 0, medium 0, low 0, none 0, failed 2)"
        ),
        "{err}"
    );
    // Nothing to scan: the note first, the summary line last.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = tenderscan().arg("scan").arg(&empty).assert().code(4);
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].contains("nothing to scan in"), "{err}");
    assert!(lines[1].starts_with("tenderscan: scanned 0"), "{err}");
    // --rescreen says how many stored notices it screened again.
    let page = dir.path().join("a.html");
    std::fs::write(&page, PAGE).unwrap();
    let history = dir.path().join("h.db");
    tenderscan()
        .args(["-q", "scan", "--history"])
        .arg(&history)
        .arg(&page)
        .assert()
        .success();
    let out = tenderscan()
        .args(["scan", "--rescreen", "--history"])
        .arg(&history)
        .assert()
        .success();
    let err = stderr(&out);
    assert!(
        err.contains("re-screened 1 stored notice (alert up on 0)"),
        "{err}"
    );
}

#[test]
fn a_run_that_fails_before_any_input_writes_no_report_header() {
    // A loopback port with nothing listening: the Common Crawl index cannot be read, a fatal
    // error before any page. `> report.csv` must stay empty, not hold a header alone.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = tempfile::tempdir().unwrap();
    let base = format!("http://127.0.0.1:{port}/");
    tenderscan()
        .env("HOME", dir.path())
        .args([
            "crawl",
            "--source",
            "commoncrawl",
            "--crawl",
            "CC-MAIN-2024-10",
        ])
        .args(["--url", "127.0.0.1/*", "--retries", "0", "--state"])
        .arg(dir.path().join("state.json"))
        .args(["--cc-index", &base, "--cc-data", &base])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("Connection refused"))
        .stderr(predicate::str::contains("(after 1 attempt)"))
        // The URL once, by the caller; not again inside the cause.
        .stderr(predicate::function(|e: &str| {
            e.matches("CC-MAIN-2024-10-index").count() == 1
        }));
    // An empty run still writes its report whole: the header of an empty CSV.
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = tenderscan().arg("scan").arg(&empty).assert().code(4);
    assert!(String::from_utf8_lossy(&out.get_output().stdout).starts_with("alert,published,"));
}

#[test]
fn log_lines_read_like_the_other_stderr_lines() {
    let dir = tempfile::tempdir().unwrap();
    let out = tenderscan()
        .args(["-v", "scan", "-f", "ocds"])
        .arg(dir.path().join("missing.html"))
        .assert()
        .code(4);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with("tenderscan: warning: no release to write")),
        "{stderr}"
    );
    // Every line, info included, has the program's prefix.
    assert!(
        stderr.lines().all(|l| l.starts_with("tenderscan: ")),
        "{stderr}"
    );
}
