//! One notice however its path or URL is spelled: cron's working directory does not matter.
use std::path::Path;

fn tenderscan(cwd: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("tenderscan").expect("binary");
    cmd.env_remove("TENDERSCAN_VOCAB")
        .env_remove("TENDERSCAN_HISTORY")
        .current_dir(cwd);
    cmd
}

#[test]
fn relative_dotted_and_absolute_paths_are_one_notice() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("h.sqlite3");
    let file = "fixtures/ccgp_new_award_scu_azure_openai.html";
    let spellings = [
        (root.to_path_buf(), file.to_owned()),
        (root.to_path_buf(), format!("./{file}")),
        (
            dir.path().to_path_buf(),
            root.join(file).display().to_string(),
        ),
        (
            root.join("fixtures"),
            "../fixtures/ccgp_new_award_scu_azure_openai.html".to_owned(),
        ),
    ];
    for (i, (cwd, arg)) in spellings.iter().enumerate() {
        let out = tenderscan(cwd)
            .args(["scan", "--new-only", "-f", "jsonl", "--history"])
            .arg(&history)
            .arg(arg)
            .assert()
            .code(0);
        let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        if i == 0 {
            assert_eq!(stdout.lines().count(), 1, "first run reports the notice");
            assert!(stderr.contains("new 1, updated 0"), "{stderr}");
        } else {
            assert_eq!(stdout, "", "run {i} ({arg}) re-reported the notice");
            assert!(stderr.contains("new 0, updated 0"), "{stderr}");
        }
    }
    // `history show` finds it under any spelling.
    let out = tenderscan(root)
        .args(["history", "--history"])
        .arg(&history)
        .args(["show", &format!("./{file}"), "-f", "jsonl"])
        .assert()
        .code(0);
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout)
            .lines()
            .count(),
        1
    );
}
