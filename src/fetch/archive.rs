//! Evidence archive: pages stored once under their sha256, with a JSON sidecar.
//!
//! Layout of `DIR`:
//! - `<sha256>.body` — the raw bytes (after Content-Encoding decompression), stored once;
//! - `<sha256>.json` — sidecar: URL, final URL, status, headers, fetch time, header charset;
//! - `urls/<sha256 of the URL>.json` — the same record for each URL, so that a URL already
//!   archived is found without fetching it. File names never come from the URL itself.
use std::io::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::model::Page;

/// The metadata stored next to each page (sidecar and per-URL pointer).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArchiveEntry {
    /// The URL as given.
    pub url: String,
    /// sha256 of the bytes (hex), also the body file's name.
    pub sha256: String,
    /// URL after redirects.
    pub final_url: Option<String>,
    /// HTTP status.
    pub status: Option<u16>,
    /// Response headers as received, in order.
    pub headers: Vec<(String, String)>,
    /// RFC 3339 fetch time.
    pub fetched_at: Option<String>,
    /// The Content-Type charset parameter, as given.
    pub header_charset: Option<String>,
}

impl ArchiveEntry {
    /// First value of a header (case-insensitive name).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    fn page(&self, bytes: Vec<u8>) -> Page {
        Page {
            source: self.url.clone(),
            final_url: self.final_url.clone(),
            fetched_at: self.fetched_at.clone(),
            status: self.status,
            header_charset: self.header_charset.clone(),
            bytes,
        }
    }
}

/// Hex sha256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// An archive directory.
#[derive(Debug, Clone)]
pub struct Archive {
    dir: PathBuf,
    /// Largest body read back (a damaged or planted file must not be read without limit).
    max_body: u64,
}

/// Default cap on one archived body read back (the fetcher's `--max-bytes` default).
const MAX_BODY: u64 = super::DEFAULT_MAX_BYTES;

impl Archive {
    /// Open (creating if needed) an archive directory.
    pub fn open(dir: &Path) -> anyhow::Result<Archive> {
        std::fs::create_dir_all(dir.join("urls"))
            .with_context(|| format!("creating archive directory {}", dir.display()))?;
        Ok(Archive {
            dir: dir.to_path_buf(),
            max_body: MAX_BODY,
        })
    }

    /// Read bodies back only up to `max_bytes` (the run's `--max-bytes`).
    pub fn with_max_body(mut self, max_bytes: u64) -> Archive {
        self.max_body = max_bytes;
        self
    }

    fn pointer_path(&self, url: &str) -> PathBuf {
        self.dir
            .join("urls")
            .join(format!("{}.json", sha256_hex(url.as_bytes())))
    }

    /// The archived page for a URL (as given), with its metadata, if there is one and it is intact.
    pub fn lookup(&self, url: &str) -> Option<(ArchiveEntry, Page)> {
        let entry: ArchiveEntry =
            serde_json::from_slice(&std::fs::read(self.pointer_path(url)).ok()?).ok()?;
        let bytes = self.body(&entry).ok()?;
        let page = entry.page(bytes);
        Some((entry, page))
    }

    fn body(&self, entry: &ArchiveEntry) -> anyhow::Result<Vec<u8>> {
        anyhow::ensure!(
            entry.sha256.len() == 64 && entry.sha256.bytes().all(|b| b.is_ascii_hexdigit()),
            "bad sha256 {:?} in archive entry for {}",
            entry.sha256,
            entry.url
        );
        let path = self.dir.join(format!("{}.body", entry.sha256));
        let bytes = crate::input::read_capped(&path, self.max_body)
            .with_context(|| format!("reading {}", path.display()))?;
        anyhow::ensure!(
            sha256_hex(&bytes) == entry.sha256,
            "{} does not match its sha256 (damaged archive)",
            path.display()
        );
        Ok(bytes)
    }

    /// Store a fetched page: body once, sidecar and URL pointer (each written atomically).
    pub fn store(
        &self,
        page: &Page,
        headers: Vec<(String, String)>,
    ) -> anyhow::Result<ArchiveEntry> {
        let entry = ArchiveEntry {
            url: page.source.clone(),
            sha256: sha256_hex(&page.bytes),
            final_url: page.final_url.clone(),
            status: page.status,
            headers,
            fetched_at: page.fetched_at.clone(),
            header_charset: page.header_charset.clone(),
        };
        let body = self.dir.join(format!("{}.body", entry.sha256));
        if !body.exists() {
            self.write_atomic(&body, &page.bytes)?;
        }
        let json = serde_json::to_vec_pretty(&entry).context("serialising archive entry")?;
        self.write_atomic(&self.dir.join(format!("{}.json", entry.sha256)), &json)?;
        self.write_atomic(&self.pointer_path(&entry.url), &json)?;
        Ok(entry)
    }

    fn write_atomic(&self, path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
        let parent = path.parent().unwrap_or(&self.dir);
        let mut tmp = tempfile::NamedTempFile::new_in(parent)
            .with_context(|| format!("writing into {}", parent.display()))?;
        tmp.write_all(bytes)
            .with_context(|| format!("writing {}", path.display()))?;
        tmp.persist(path)
            .with_context(|| format!("writing {}", path.display()))?;
        Ok(())
    }
}

/// Every page stored in an archive directory, for offline re-scanning, one per archived URL,
/// ordered by fetch time then URL (a damaged entry is an `Err` item, the rest still load).
pub fn read_pages(dir: &Path) -> anyhow::Result<Vec<anyhow::Result<Page>>> {
    Ok(pages(dir, MAX_BODY)?.collect())
}

/// The archive's pages like [`read_pages`], each body read (up to `max_body` bytes) only when the
/// iterator reaches it, so re-scanning a large archive holds one page at a time.
pub fn pages(
    dir: &Path,
    max_body: u64,
) -> anyhow::Result<impl Iterator<Item = anyhow::Result<Page>>> {
    let urls = dir.join("urls");
    let listing = std::fs::read_dir(&urls).with_context(|| {
        format!(
            "{} is not a tenderscan archive (no urls/ folder)",
            dir.display()
        )
    })?;
    let archive = Archive {
        dir: dir.to_path_buf(),
        max_body,
    };
    let mut entries = Vec::new();
    let mut damaged = Vec::new();
    for item in listing {
        let path = item
            .with_context(|| format!("listing {}", urls.display()))?
            .path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let parsed = std::fs::read(&path)
            .with_context(|| format!("reading {}", path.display()))
            .and_then(|raw| {
                serde_json::from_slice::<ArchiveEntry>(&raw)
                    .with_context(|| format!("parsing {}", path.display()))
            });
        match parsed {
            Ok(entry) => entries.push(entry),
            Err(e) => damaged.push(Err(e)),
        }
    }
    entries.sort_by(|a, b| (&a.fetched_at, &a.url).cmp(&(&b.fetched_at, &b.url)));
    Ok(entries
        .into_iter()
        .map(move |entry| archive.body(&entry).map(|bytes| entry.page(bytes)))
        .chain(damaged))
}
