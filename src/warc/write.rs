//! Writing WARC 1.1 records, one gzip member per record (so any record can be read by byte range).
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::Context as _;
use sha1::{Digest as _, Sha1};

use super::http;
use crate::model::Page;

/// An append-only `.warc.gz` (or plain `.warc`) file shared by the fetcher's tasks.
pub struct WarcWriter {
    path: PathBuf,
    gzip: bool,
    file: Mutex<std::fs::File>,
}

/// `sha1:` + base32, the digest form of Common Crawl, wget, Heritrix and warcio.
pub fn sha1_digest(bytes: &[u8]) -> String {
    format!(
        "sha1:{}",
        data_encoding::BASE32.encode(&Sha1::digest(bytes))
    )
}

/// A random (version 4) UUID as a WARC record id.
fn record_id() -> String {
    let mut b = rand::random::<u128>().to_be_bytes();
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex::encode(b);
    format!(
        "<urn:uuid:{}-{}-{}-{}-{}>",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    )
}

/// One record's bytes: version line, fields, `Content-Length`, blank line, block, two CRLFs.
pub fn record_bytes(fields: &[(&str, String)], block: &[u8]) -> Vec<u8> {
    let mut out = b"WARC/1.1\r\n".to_vec();
    for (name, value) in fields {
        // A field value never spans lines here: CR/LF in a URL or header would forge fields.
        let value = value.replace(['\r', '\n'], " ");
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn gzip_member(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes)?;
    gz.finish()
}

impl WarcWriter {
    /// Open `path` for appending (gzip per record unless the name ends in `.warc`); a new file
    /// starts with a `warcinfo` record naming the tool.
    pub fn create(path: &Path) -> anyhow::Result<WarcWriter> {
        let gzip = !path
            .to_string_lossy()
            .to_ascii_lowercase()
            .ends_with(".warc");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .with_context(|| format!("opening WARC file {}", path.display()))?;
        let fresh = file.metadata().map(|m| m.len() == 0).unwrap_or(false);
        let writer = WarcWriter {
            path: path.to_path_buf(),
            gzip,
            file: Mutex::new(file),
        };
        if fresh {
            let info = format!(
                "software: tenderscan/{}\r\nformat: WARC File Format 1.1\r\nconformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n",
                env!("CARGO_PKG_VERSION")
            );
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let record = record_bytes(
                &[
                    ("WARC-Type", "warcinfo".into()),
                    ("WARC-Record-ID", record_id()),
                    ("WARC-Date", now()),
                    ("WARC-Filename", name),
                    ("Content-Type", "application/warc-fields".into()),
                ],
                info.as_bytes(),
            );
            writer.append(&[record])?;
        }
        Ok(writer)
    }

    /// Write a fetched page as a `request` + `response` pair (`url` is the URL that answered,
    /// `request_headers` what the client sent, `response_headers` what the server returned).
    pub fn write_exchange(
        &self,
        page: &Page,
        url: &url::Url,
        request_headers: &[(String, String)],
        response_headers: &[(String, String)],
    ) -> anyhow::Result<()> {
        let date = page.fetched_at.clone().unwrap_or_else(now);
        let response_id = record_id();
        let response_block =
            http::response_bytes(page.status.unwrap_or(200), response_headers, &page.bytes);
        let mut fields = vec![
            ("WARC-Type", "response".to_string()),
            ("WARC-Record-ID", response_id.clone()),
            ("WARC-Date", date.clone()),
            ("WARC-Target-URI", url.to_string()),
            ("Content-Type", "application/http; msgtype=response".into()),
            ("WARC-Block-Digest", sha1_digest(&response_block)),
            ("WARC-Payload-Digest", sha1_digest(&page.bytes)),
        ];
        // The URL as the user gave it, when the page came from elsewhere (a redirect).
        if page.source != url.as_str() {
            fields.push(("Tenderscan-Source", page.source.clone()));
        }
        let response = record_bytes(&fields, &response_block);
        let request_block = http::request_bytes(url, request_headers);
        let request = record_bytes(
            &[
                ("WARC-Type", "request".into()),
                ("WARC-Record-ID", record_id()),
                ("WARC-Date", date),
                ("WARC-Target-URI", url.to_string()),
                ("WARC-Concurrent-To", response_id),
                ("Content-Type", "application/http; msgtype=request".into()),
                ("WARC-Block-Digest", sha1_digest(&request_block)),
            ],
            &request_block,
        );
        self.append(&[request, response])
    }

    /// Append whole records under one lock, so concurrent fetches never interleave.
    fn append(&self, records: &[Vec<u8>]) -> anyhow::Result<()> {
        let mut bytes = Vec::new();
        for r in records {
            if self.gzip {
                bytes.extend(gzip_member(r)?);
            } else {
                bytes.extend_from_slice(r);
            }
        }
        let mut file = match self.file.lock() {
            Ok(f) => f,
            Err(poisoned) => poisoned.into_inner(),
        };
        file.write_all(&bytes)
            .and_then(|()| file.flush())
            .with_context(|| format!("writing WARC file {}", self.path.display()))
    }
}

fn now() -> String {
    format!("{:.0}", jiff::Timestamp::now())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_uuid_v4() {
        let id = record_id();
        assert_eq!(id.len(), "<urn:uuid:>".len() + 36);
        assert_eq!(&id[24..25], "4");
        assert_ne!(record_id(), id);
    }

    #[test]
    fn sha1_base32_matches_known_value() {
        // sha1("") = da39a3ee…, in base32 as every WARC tool writes it.
        assert_eq!(sha1_digest(b""), "sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
    }

    #[test]
    fn field_values_cannot_inject_lines() {
        let r = record_bytes(
            &[("WARC-Target-URI", "http://x/\r\nWARC-Type: x".into())],
            b"",
        );
        assert_eq!(
            String::from_utf8_lossy(&r),
            "WARC/1.1\r\nWARC-Target-URI: http://x/  WARC-Type: x\r\nContent-Length: 0\r\n\r\n\r\n\r\n"
        );
    }
}
