//! Where the vocabulary and bundled watchlists live.
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

/// The watchlists directory: `--vocab`/`TENDERSCAN_VOCAB`, else the one in the source tree this
/// binary was built from, else `watchlists/` beside the executable.
pub fn locate(explicit: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(dir) = explicit {
        if !dir.join("products.csv").is_file() {
            bail!(
                "{}: not a vocabulary directory (no products.csv)",
                dir.display()
            );
        }
        return Ok(dir.to_path_buf());
    }
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists");
    if built.join("products.csv").is_file() {
        return Ok(built);
    }
    let exe = std::env::current_exe().context("locating the executable")?;
    for dir in exe.ancestors().skip(1) {
        let candidate = dir.join("watchlists");
        if candidate.join("products.csv").is_file() {
            return Ok(candidate);
        }
    }
    bail!("cannot find the watchlists directory; pass --vocab DIR or set TENDERSCAN_VOCAB")
}
