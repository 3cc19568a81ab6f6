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

/// Read one HTTP request head from a raw loopback connection; returns its path ("/" if none).
pub fn read_head(stream: &mut impl std::io::Read) -> String {
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
    }
    String::from_utf8_lossy(&head)
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string()
}
