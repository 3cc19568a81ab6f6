//! WARC 1.1 (ISO 28500:2017) evidence files: write fetched pages as request + response records,
//! read pages back from `.warc` / `.warc.gz` files (ours, wget's, Heritrix's, Common Crawl's).
//!
//! Written by hand rather than with the `warc` crate: its 0.4 release writes WARC/1.0, gzips a
//! whole file as one stream (so no record can be read by byte range) and cannot skip a damaged
//! record; the format itself is a header block and a payload, which `flate2` frames per record.
pub mod http;
pub mod read;
pub mod write;

pub use read::{ReadStats, WarcRecord, page_from_record, read_member, records};
pub use write::WarcWriter;

/// True if a path names a WARC file (`.warc` or `.warc.gz`, any case).
pub fn is_warc_path(path: &std::path::Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn warc_paths() {
        assert!(is_warc_path(Path::new("a/CC-MAIN-1.warc.gz")));
        assert!(is_warc_path(Path::new("crawl.WARC")));
        assert!(!is_warc_path(Path::new("a.warc.gz.html")));
        assert!(!is_warc_path(Path::new("a.gz")));
    }
}
