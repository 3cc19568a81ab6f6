//! Cloud / chip / AI-service mentions, from the vocabulary in `watchlists/`.
use std::path::Path;

use crate::model::Mention;

/// A loaded vocabulary, ready to scan text.
pub struct Detector {}

impl Detector {
    /// Load the vocabulary files from a watchlists directory.
    pub fn load(dir: &Path) -> anyhow::Result<Self> {
        let _ = dir;
        Ok(Detector {})
    }

    /// Every mention in a notice's text, in order of appearance.
    pub fn detect(&self, text: &str) -> Vec<Mention> {
        let _ = text;
        Vec::new()
    }
}
