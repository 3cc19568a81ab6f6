//! Watchlists of restricted entities: CSL CSV/JSON, the project's own CSV, the zh-name overlay.
use std::path::{Path, PathBuf};

/// One listed entity.
#[derive(Debug, Clone, Default)]
pub struct Entry {
    /// Id within its list.
    pub id: String,
    /// Primary listed name.
    pub name: String,
    /// Aliases, including Chinese names from the overlay.
    pub aliases: Vec<String>,
    /// List name (CSL `source`).
    pub list: String,
    /// ISO country code, if known.
    pub country: String,
    /// Federal Register citation(s).
    pub citation: String,
    /// Listing date `YYYY-MM-DD`.
    pub listed_on: String,
}

/// All loaded entries.
#[derive(Debug, Clone, Default)]
pub struct Watchlist {
    /// The entries.
    pub entries: Vec<Entry>,
}

impl Watchlist {
    /// Load the given files (format detected by header).
    pub fn load(paths: &[PathBuf], zh_overlay: Option<&Path>) -> anyhow::Result<Self> {
        let _ = (paths, zh_overlay);
        Ok(Watchlist::default())
    }

    /// Load the bundled default lists from a watchlists directory.
    pub fn load_default(dir: &Path) -> anyhow::Result<Self> {
        let _ = dir;
        Ok(Watchlist::default())
    }
}

/// The watchlists a command uses: `paths` if given, else the bundled lists in `vocab_dir` plus
/// the list saved by `watchlist update`. Fails on an empty or unreadable list.
pub fn load_selected(paths: &[PathBuf], vocab_dir: &Path) -> anyhow::Result<Watchlist> {
    if paths.is_empty() { Watchlist::load_default(vocab_dir) } else { Watchlist::load(paths, Some(&vocab_dir.join("zh-names.csv"))) }
}
