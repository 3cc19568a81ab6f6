//! Entry points for robustness testing, shared by the cargo-fuzz targets in `fuzz/` and the
//! bounded property test (`tests/robustness.rs`): each takes arbitrary bytes and must neither
//! panic nor run long.
use std::path::Path;

use crate::crawl::{attachment, listing, source::Source};
use crate::model::{Page, Record};
use crate::pipeline::Engine;
use crate::report::Format;
use crate::report::ReportWriter;

/// Decode arbitrary bytes (with and without a declared charset); returns the text length.
pub fn decode(bytes: &[u8]) -> usize {
    let a = crate::decode::decode(bytes, None);
    let b = crate::decode::decode(bytes, Some("gb2312"));
    a.text.len() + b.text.len()
}

/// Scan each input as one page and write the records as CSV; returns (records, CSV data rows),
/// which must be equal.
pub fn scan_to_csv(engine: &Engine, pages: &[&[u8]]) -> (usize, usize) {
    let records: Vec<Record> = pages
        .iter()
        .enumerate()
        .map(|(i, bytes)| {
            engine.scan(&Page {
                source: format!("input-{i}.html"),
                bytes: bytes.to_vec(),
                ..Page::default()
            })
        })
        .collect();
    let mut out = Vec::new();
    if let Ok(mut w) = ReportWriter::new(Format::Csv, &mut out, false) {
        for r in &records {
            let _ = w.write(r);
        }
        let _ = w.finish();
    }
    let rows = csv::Reader::from_reader(&out[..])
        .records()
        .filter(Result::is_ok)
        .count();
    (records.len(), rows)
}

/// Load arbitrary bytes as a watchlist file (via a temporary file, as `--watchlist` would);
/// returns the number of entries (0 when it does not parse).
pub fn watchlist(bytes: &[u8]) -> usize {
    let Ok(dir) = tempfile::tempdir() else {
        return 0;
    };
    let path = dir.path().join("list.csv");
    if std::fs::write(&path, bytes).is_err() {
        return 0;
    }
    crate::watchlist::load_file(&path).map_or(0, |l| l.entries.len())
}

/// Extract listing entries and attachment links from arbitrary HTML with every bundled preset;
/// returns the number of links found.
pub fn listing(bytes: &[u8]) -> usize {
    let html = String::from_utf8_lossy(bytes);
    let Ok(url) = url::Url::parse("http://www.ccgp.gov.cn/cggg/index.htm") else {
        return 0;
    };
    let found: usize = preset_rules()
        .iter()
        .map(|rules| listing::extract(&html, &url, rules).entries.len())
        .sum();
    let extensions: Vec<String> = ["pdf", "docx", "xlsx", "zip"].map(String::from).to_vec();
    found + listing::attachment_links(&html, &url, &extensions).len()
}

/// The compiled listing rules of every bundled preset, built once: compiling them per input
/// made the fuzz target spend nearly all its time there (6 inputs/s).
fn preset_rules() -> &'static [listing::Rules] {
    static RULES: std::sync::OnceLock<Vec<listing::Rules>> = std::sync::OnceLock::new();
    RULES.get_or_init(|| {
        crate::crawl::source::PRESETS
            .iter()
            .filter_map(|(name, _)| Source::preset(name)?.ok())
            .filter_map(|source| listing::Rules::from_source(&source).ok())
            .collect()
    })
}

/// Extract text from arbitrary bytes as each attachment kind read in-process (DOCX, XLSX, ZIP;
/// PDF runs an external program, so it is left out); returns the text length.
pub fn attachment_text(bytes: &[u8]) -> usize {
    let limits = attachment::Limits::default();
    ["a.docx", "a.xlsx", "a.zip"]
        .iter()
        .map(|name| attachment::extract_text(name, bytes, &limits).map_or(0, |t| t.len()))
        .sum()
}

/// The engine over the bundled vocabulary and lists of a source checkout (`manifest_dir`).
pub fn engine(manifest_dir: &Path) -> anyhow::Result<Engine> {
    Engine::load(&manifest_dir.join("watchlists"), &[])
}
