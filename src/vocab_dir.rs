//! Where the vocabulary and bundled watchlists live.
//!
//! Every `watchlists/*.csv` is embedded in the binary at build time (see `build.rs`), so an
//! installed `tenderscan` works anywhere. A directory still wins when there is one, in this
//! order: `--vocab DIR` / `TENDERSCAN_VOCAB`, `watchlists/` in the user's data directory, the
//! source tree the binary was built from (so that an edited CSV takes effect without a rebuild),
//! `watchlists/` beside the executable, and finally the embedded copy. The loaders read
//! directories, so the embedded copy is unpacked once into a content-addressed cache directory.
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use sha2::{Digest, Sha256};

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled_watchlists.rs"));
}

/// The value of `--vocab` / `TENDERSCAN_VOCAB` that selects the embedded copy.
pub const BUILTIN: &str = "builtin";

/// A file every vocabulary directory has; its presence marks a directory as one.
const MARKER: &str = "products.csv";

/// Which copy of the vocabulary is in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// `--vocab DIR` or `TENDERSCAN_VOCAB`.
    Explicit,
    /// `watchlists/` in the user's data directory.
    DataDir,
    /// The source tree the binary was built from.
    SourceTree,
    /// `watchlists/` beside (or above) the executable.
    BesideExe,
    /// The copy embedded at build time (unpacked into the cache directory).
    Builtin,
}

impl Origin {
    /// Plain words for `watchlist info` and logs.
    pub fn describe(self) -> &'static str {
        match self {
            Origin::Explicit => "the directory given with --vocab or TENDERSCAN_VOCAB",
            Origin::DataDir => "the user's copy in the data directory",
            Origin::SourceTree => "the source tree this binary was built from",
            Origin::BesideExe => "the watchlists directory beside the executable",
            Origin::Builtin => "the copy built into this binary",
        }
    }
}

/// The vocabulary directory in use and why.
#[derive(Debug, Clone)]
pub struct Located {
    /// The directory the loaders read.
    pub dir: PathBuf,
    /// Which copy it is.
    pub origin: Origin,
}

/// The watchlists directory to read (see the module documentation for the order).
pub fn locate(explicit: Option<&Path>) -> anyhow::Result<PathBuf> {
    Ok(resolve(explicit)?.dir)
}

/// The watchlists directory to read and which copy it is.
pub fn resolve(explicit: Option<&Path>) -> anyhow::Result<Located> {
    if let Some(dir) = explicit {
        if dir.as_os_str() == BUILTIN {
            return builtin();
        }
        if !dir.join(MARKER).is_file() {
            bail!(
                "{}: not a vocabulary directory (no {MARKER}; `--vocab {BUILTIN}` selects the built-in copy)",
                dir.display()
            );
        }
        return Ok(Located {
            dir: dir.to_path_buf(),
            origin: Origin::Explicit,
        });
    }
    if let Some(dir) = user_dir().filter(|d| d.join(MARKER).is_file()) {
        return Ok(Located {
            dir,
            origin: Origin::DataDir,
        });
    }
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists");
    if built.join(MARKER).is_file() {
        return Ok(Located {
            dir: built,
            origin: Origin::SourceTree,
        });
    }
    if let Ok(exe) = std::env::current_exe() {
        for dir in exe.ancestors().skip(1) {
            let candidate = dir.join("watchlists");
            if candidate.join(MARKER).is_file() {
                return Ok(Located {
                    dir: candidate,
                    origin: Origin::BesideExe,
                });
            }
        }
    }
    builtin()
}

/// `watchlists/` in the data directory (`$TENDERSCAN_DATA_DIR`, else e.g.
/// `~/.local/share/tenderscan`): a user's edited copy of the whole set.
pub fn user_dir() -> Option<PathBuf> {
    crate::watchlist::update::data_dir()
        .ok()
        .map(|d| d.join("watchlists"))
}

/// The embedded files, by name.
pub fn embedded() -> &'static [(&'static str, &'static [u8])] {
    bundled::FILES
}

/// Short digest of the embedded set: names the cache directory, so that two builds never share one.
fn embedded_digest() -> String {
    let mut h = Sha256::new();
    for (name, bytes) in bundled::FILES {
        h.update(name.as_bytes());
        h.update([0]);
        h.update((bytes.len() as u64).to_le_bytes());
        h.update(bytes);
    }
    hex::encode(&h.finalize()[..6])
}

/// Unpack the embedded copy (once) and return its directory.
fn builtin() -> anyhow::Result<Located> {
    let name = format!(
        "watchlists-{}-{}",
        env!("CARGO_PKG_VERSION"),
        embedded_digest()
    );
    let mut bases = Vec::new();
    if let Some(dirs) = directories::ProjectDirs::from("", "", "tenderscan") {
        bases.push(dirs.cache_dir().to_path_buf());
    }
    // No home (a locked-down service account): the system's temporary directory.
    bases.push(std::env::temp_dir().join("tenderscan-cache"));
    let mut last_err = None;
    for base in bases {
        match unpack(&base, &name) {
            Ok(dir) => {
                return Ok(Located {
                    dir,
                    origin: Origin::Builtin,
                });
            }
            Err(e) => last_err = Some(e),
        }
    }
    Err(last_err
        .unwrap_or_else(|| anyhow::anyhow!("no directory"))
        .context("unpacking the built-in watchlists; pass --vocab DIR or set TENDERSCAN_VOCAB"))
}

/// True if `dir` holds exactly the embedded bytes for every embedded file.
fn matches_embedded(dir: &Path) -> bool {
    bundled::FILES
        .iter()
        .all(|(name, bytes)| std::fs::read(dir.join(name)).is_ok_and(|b| b == *bytes))
}

/// Make `base/name` hold the embedded files: verified if present (an edited copy is restored),
/// else written into a temporary directory and renamed into place, so a reader never sees half.
fn unpack(base: &Path, name: &str) -> anyhow::Result<PathBuf> {
    let target = base.join(name);
    if matches_embedded(&target) {
        return Ok(target);
    }
    std::fs::create_dir_all(base).with_context(|| format!("creating {}", base.display()))?;
    let tmp = tempfile::Builder::new()
        .prefix(".watchlists-")
        .tempdir_in(base)
        .with_context(|| format!("creating a directory in {}", base.display()))?;
    for (file, bytes) in bundled::FILES {
        let path = tmp.path().join(file);
        std::fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
    }
    if target.exists() {
        tracing::warn!(
            "{}: differs from the built-in watchlists; restored (put an edited copy in {} or pass --vocab DIR)",
            target.display(),
            user_dir().map_or_else(|| "a directory".to_owned(), |d| d.display().to_string())
        );
        std::fs::remove_dir_all(&target)
            .with_context(|| format!("removing {}", target.display()))?;
    }
    let staged = tmp.keep();
    if let Err(e) = std::fs::rename(&staged, &target) {
        let _ = std::fs::remove_dir_all(&staged);
        // Another run unpacked the same set at the same moment: theirs is as good as ours.
        if !matches_embedded(&target) {
            return Err(e).with_context(|| format!("creating {}", target.display()));
        }
    }
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_watchlist_csv_is_embedded() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("watchlists");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.ends_with(".csv"))
            .collect();
        on_disk.sort();
        let names: Vec<&str> = embedded().iter().map(|(n, _)| *n).collect();
        assert_eq!(names, on_disk);
        assert!(names.contains(&"entities.csv") && names.contains(&"products.csv"));
    }

    #[test]
    fn unpack_writes_verifies_and_restores() {
        let base = tempfile::tempdir().unwrap();
        let dir = unpack(base.path(), "w").unwrap();
        assert!(matches_embedded(&dir));
        std::fs::write(dir.join("products.csv"), "edited").unwrap();
        let again = unpack(base.path(), "w").unwrap();
        assert_eq!(again, dir);
        assert!(matches_embedded(&again), "an edited cache copy is restored");
    }

    #[test]
    fn builtin_value_selects_the_embedded_copy() {
        let located = resolve(Some(Path::new(BUILTIN))).unwrap();
        assert_eq!(located.origin, Origin::Builtin);
        assert!(matches_embedded(&located.dir));
    }
}
