//! Install anywhere, cron that speaks, nothing-to-scan: the binary outside its source tree, the
//! `--fail-on` digest as cron sees it, and empty inputs.
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");

/// The built binary copied into `dir` (as `cargo install` or a user would place it).
fn installed(dir: &Path) -> PathBuf {
    let built = assert_cmd::cargo::cargo_bin("tenderscan");
    let copy = dir.join("tenderscan");
    std::fs::copy(&built, &copy).expect("copy the binary");
    copy
}

/// A command with no tenderscan environment and a private home, data and cache directory.
fn isolated(bin: &Path, home: &Path) -> Command {
    let mut cmd = Command::new(bin);
    cmd.env_remove("TENDERSCAN_VOCAB")
        .env_remove("TENDERSCAN_HISTORY")
        .env_remove("TENDERSCAN_LOG")
        .env("HOME", home)
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("TENDERSCAN_DATA_DIR", home.join("data/tenderscan"))
        .current_dir(home)
        .stdin(Stdio::null());
    cmd
}

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("run tenderscan")
}

fn in_tree_report() -> Vec<u8> {
    let out = run(Command::new(assert_cmd::cargo::cargo_bin("tenderscan"))
        .env_remove("TENDERSCAN_VOCAB")
        .args(["-q", "scan", "-f", "jsonl", FIXTURES]));
    assert_eq!(out.status.code(), Some(0));
    out.stdout
}

#[test]
fn copied_binary_scans_the_same_with_the_built_in_lists() {
    let bin_dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let bin = installed(bin_dir.path());
    let expected = in_tree_report();
    assert!(expected.len() > 1000);
    // No environment, cwd elsewhere.
    let out = run(isolated(&bin, home.path()).args(["-q", "scan", "-f", "jsonl", FIXTURES]));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.stdout, expected);
    // The copy built into the binary, as when the source tree is gone.
    let out = run(isolated(&bin, home.path())
        .args(["-q", "--vocab", "builtin", "scan", "-f", "jsonl", FIXTURES]));
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.stdout, expected);
    let cache = home.path().join("cache/tenderscan");
    let unpacked: Vec<_> = std::fs::read_dir(&cache).unwrap().collect();
    assert_eq!(
        unpacked.len(),
        1,
        "one unpacked copy in {}",
        cache.display()
    );
    let info = run(isolated(&bin, home.path()).args([
        "--vocab",
        "builtin",
        "watchlist",
        "info",
        "--files",
    ]));
    let text = String::from_utf8(info.stdout).unwrap();
    assert!(
        text.contains("in use:     the copy built into this binary"),
        "{text}"
    );
    assert!(text.contains("entities.csv"), "{text}");
}

#[test]
fn user_data_dir_copy_overrides_and_info_says_so() {
    let home = tempfile::tempdir().unwrap();
    let user = home.path().join("data/tenderscan/watchlists");
    std::fs::create_dir_all(&user).unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists");
    for entry in std::fs::read_dir(&src).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "csv") {
            std::fs::copy(&p, user.join(p.file_name().unwrap())).unwrap();
        }
    }
    // An edited copy: one more row in terms.csv is not needed; a changed file is enough to show.
    let mut generic = std::fs::read_to_string(user.join("generic_words.csv")).unwrap();
    generic.push('\n');
    std::fs::write(user.join("generic_words.csv"), generic).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("tenderscan");
    let out = run(isolated(&bin, home.path()).args(["watchlist", "info", "--files"]));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(&format!("vocabulary: {}", user.display())),
        "{text}"
    );
    assert!(
        text.contains("the user's copy in the data directory"),
        "{text}"
    );
    assert!(
        text.contains("generic_words.csv") && text.contains("(differs from the built-in copy)"),
        "{text}"
    );
    // --vocab still wins.
    let out = run(isolated(&bin, home.path()).args([
        "--vocab",
        src.to_str().unwrap(),
        "watchlist",
        "info",
        "--files",
    ]));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("--vocab or TENDERSCAN_VOCAB"), "{text}");
}

/// Run a command line through `sh -c` with stdout to a file and stderr captured, as cron does
/// (cron mails whatever the job prints).
fn cron(line: &str, home: &Path) -> (Option<i32>, String) {
    let out = Command::new("sh")
        .arg("-c")
        .arg(line)
        .env_remove("TENDERSCAN_VOCAB")
        .env_remove("TENDERSCAN_HISTORY")
        .env("HOME", home)
        .current_dir(home)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.stdout.is_empty(), "the report goes to the file");
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn cron_job_mails_a_digest_of_high_alerts_even_with_quiet() {
    let home = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("tenderscan");
    let line = format!(
        "{} -q scan -o report.csv --fail-on high {FIXTURES}",
        bin.display()
    );
    let (code, mail) = cron(&line, home.path());
    assert_eq!(code, Some(10));
    let lines: Vec<&str> = mail.lines().collect();
    // Low (informational): 41 since extract11's 18 pages in fixtures/extract/ — ten of them name an
    // uncontrolled US chip (H20, L40S), a listed entity (摩尔线程, 重庆大学, 电子科技大学) or a China
    // Mobile / China Telecom company; 42 since extract13's news page on a China Mobile company;
    // 45 since extract17's six pages (an H20 award, a China Mobile branch in news, a 中广核 buyer);
    // 46 since extract20's eight pages (摩尔线程, a listed entity, bought by a university);
    // 49 since extract24's three pages (a China Unicom branch buying in news) and extract23's eight
    // (a China Mobile branch in news, the 兵团 portal naming XPCC).
    assert_eq!(
        lines[0],
        "tenderscan: 6 notices at or above high (high 6, medium 3, low 49)"
    );
    assert_eq!(lines.len(), 7, "{mail}");
    assert!(
        lines[1..].iter().all(|l| l.starts_with("high   | ")),
        "{mail}"
    );
    let scu = lines
        .iter()
        .find(|l| l.contains("ccgp_new_award_scu_azure_openai.html"))
        .expect("the Sichuan University award");
    assert!(scu.contains("| 2025-06-27 | 四川大学 | 四川大学人工智能大模型服务采购项目中标（成交）结果公告 | Sichuan University [EL]; Sichuan University [DoD Section 1286 List] |"), "{scu}");
    assert!(home.path().join("report.csv").is_file());
}

#[test]
fn cron_job_prints_nothing_when_nothing_reaches_the_level() {
    let home = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("tenderscan");
    let line = format!(
        "{} -q scan -o report.csv --fail-on high {FIXTURES}/trap_mri_tesla.html {FIXTURES}/gb18030_provincial_domestic_cloud.html",
        bin.display()
    );
    let (code, mail) = cron(&line, home.path());
    assert_eq!(code, Some(0));
    assert_eq!(mail, "");
}

#[test]
fn nothing_to_scan_is_exit_4_naming_the_input() {
    let home = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("tenderscan");
    let empty = home.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let no_pages = home.path().join("no-pages");
    std::fs::create_dir(&no_pages).unwrap();
    std::fs::write(no_pages.join("notes.pdf"), b"%PDF-1.4").unwrap();
    for dir in [&empty, &no_pages] {
        let out = run(isolated(&bin, home.path()).arg("scan").arg(dir));
        assert_eq!(out.status.code(), Some(4));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(
            err.contains(&format!(
                "tenderscan: nothing to scan in `{}`",
                dir.display()
            )),
            "{err}"
        );
        assert!(err.contains(".html .htm"), "{err}");
    }
    // Empty stdin, even with -q.
    let out = run(isolated(&bin, home.path()).args(["-q", "scan", "-"]));
    assert_eq!(out.status.code(), Some(4));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("nothing to scan in standard input"), "{err}");
    assert!(
        !err.contains("directories are searched"),
        "no folder was named: {err}"
    );
}
