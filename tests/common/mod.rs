//! Helpers shared by the end-to-end test files.

/// The binary, run from the repository root with the bundled lists only.
pub fn tenderscan() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("tenderscan").expect("binary");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("TENDERSCAN_VOCAB")
        .env_remove("TENDERSCAN_HISTORY")
        .env_remove("TENDERSCAN_LOG")
        // The bundled lists only: a list saved by `watchlist update` on this machine must not leak in.
        .env(
            "TENDERSCAN_DATA_DIR",
            env!("CARGO_MANIFEST_DIR").to_string() + "/target/no-such-data-dir",
        );
    cmd
}
