//! Helpers shared by the end-to-end test files.
#![allow(dead_code)] // each test file uses its own subset

/// The environment every run gets: started from the repository root, with the bundled lists
/// only (a list saved by `watchlist update` on this machine must not leak in).
fn isolate(cmd: &mut std::process::Command) {
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("TENDERSCAN_VOCAB")
        .env_remove("TENDERSCAN_HISTORY")
        .env_remove("TENDERSCAN_LOG")
        // Loopback test servers are reached directly, whatever proxy this machine has set.
        .env_remove("http_proxy")
        .env_remove("HTTP_PROXY")
        .env_remove("https_proxy")
        .env_remove("HTTPS_PROXY")
        .env_remove("all_proxy")
        .env_remove("ALL_PROXY")
        .env(
            "TENDERSCAN_DATA_DIR",
            env!("CARGO_MANIFEST_DIR").to_string() + "/target/no-such-data-dir",
        );
}

/// The binary, run from the repository root with the bundled lists only.
pub fn tenderscan() -> assert_cmd::Command {
    assert_cmd::Command::from_std(tenderscan_std())
}

/// The same, as a std Command (for processes run in parallel or signalled).
pub fn tenderscan_std() -> std::process::Command {
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("tenderscan"));
    isolate(&mut cmd);
    cmd
}
