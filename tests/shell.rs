//! Shell integration and help: completions, man page, an example in every leaf's help, one
//! `--since` syntax, case-insensitive values.
use clap::CommandFactory;
use tenderscan::cli::Cli;

fn tenderscan() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("tenderscan").expect("binary");
    cmd.env_remove("TENDERSCAN_VOCAB")
        .env_remove("TENDERSCAN_HISTORY");
    cmd
}

fn stdout(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.assert().code(0);
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// Every command without subcommands, as its path of names.
fn leaves(cmd: &clap::Command, path: Vec<String>, out: &mut Vec<(Vec<String>, clap::Command)>) {
    let subs: Vec<&clap::Command> = cmd
        .get_subcommands()
        .filter(|c| c.get_name() != "help")
        .collect();
    if subs.is_empty() {
        out.push((path.clone(), cmd.clone()));
    }
    for sub in subs {
        let mut p = path.clone();
        p.push(sub.get_name().to_owned());
        leaves(sub, p, out);
    }
}

#[test]
fn every_leaf_subcommand_has_an_example_in_its_help() {
    let mut all = Vec::new();
    leaves(&Cli::command(), vec![], &mut all);
    let names: Vec<String> = all.iter().map(|(p, _)| p.join(" ")).collect();
    assert!(names.len() >= 12, "{names:?}");
    for (path, _) in &all {
        let help = stdout(tenderscan().args(path).arg("--help"));
        assert!(
            help.contains("Examples:\n  tenderscan"),
            "`tenderscan {} --help` has no example",
            path.join(" ")
        );
    }
}

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [
        ("bash", "_tenderscan()"),
        ("zsh", "#compdef tenderscan"),
        ("fish", "complete -c tenderscan"),
        ("powershell", "Register-ArgumentCompleter"),
        ("BASH", "_tenderscan()"),
    ] {
        let text = stdout(tenderscan().args(["completions", shell]));
        assert!(text.contains(marker), "{shell}: {text:.200}");
        assert!(text.contains("watchlist"), "{shell} completes subcommands");
    }
    tenderscan().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn man_page_renders() {
    let page = stdout(tenderscan().arg("man"));
    assert!(page.starts_with(".ie \\n(.g .ds Aq"), "{page:.100}");
    assert!(page.contains(".TH tenderscan 1"));
    assert!(page.contains("tenderscan\\-scan"), "lists the subcommands");
    let sub = stdout(tenderscan().args(["man", "watchlist", "screen"]));
    assert!(
        sub.contains(".TH tenderscan-watchlist-screen 1"),
        "{sub:.300}"
    );
    assert!(sub.contains("\\-\\-column"));
    tenderscan().args(["man", "nosuch"]).assert().code(2);
}

#[test]
fn since_takes_the_same_forms_in_history_export() {
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("h.sqlite3");
    let page = dir.path().join("p.html");
    std::fs::write(&page, "<html><head><title>某大学云服务采购公告</title></head><body><p>采购人：某大学</p><p>采购亚马逊云服务 AWS</p></body></html>").unwrap();
    tenderscan()
        .args(["-q", "scan", "--history"])
        .arg(&history)
        .arg(&page)
        .assert()
        .code(0);
    for since in ["7d", "today", "2020-01-01", "TODAY"] {
        let out = stdout(
            tenderscan()
                .args(["history", "--history"])
                .arg(&history)
                .args(["export", "--since", since, "-f", "jsonl"]),
        );
        assert_eq!(out.lines().count(), 1, "--since {since}");
    }
    let out = tenderscan()
        .args(["history", "--history"])
        .arg(&history)
        .args(["export", "--since", "last week"])
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("`7d`"));
}

#[test]
fn level_and_format_values_are_case_insensitive() {
    let fixtures = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/ccgp_new_award_scu_azure_openai.html"
    );
    let out = stdout(tenderscan().args(["-q", "scan", "-f", "JSONL", fixtures]));
    assert!(out.starts_with('{'));
    tenderscan()
        .args(["-q", "scan", "-f", "Json", "--fail-on", "HIGH", fixtures])
        .assert()
        .code(10);
}

#[test]
fn default_user_agent_matches_its_help() {
    let ua = tenderscan::fetch::default_user_agent();
    let help = stdout(tenderscan().args(["scan", "--help"]));
    if env!("CARGO_PKG_REPOSITORY").is_empty() {
        assert_eq!(
            ua,
            format!(
                "tenderscan/{} (procurement notice scanner; contact: set --user-agent)",
                env!("CARGO_PKG_VERSION")
            )
        );
        assert!(
            help.contains("tenderscan/<version> (procurement notice scanner; contact: set"),
            "{help}"
        );
    } else {
        assert!(ua.contains(env!("CARGO_PKG_REPOSITORY")));
    }
}
