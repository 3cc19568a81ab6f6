//! Reading WARC records from `.warc` and `.warc.gz` files, streaming, skipping damaged records.
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use anyhow::Context as _;

use super::http;
use crate::model::Page;

/// Longest WARC header line or header block read (a corrupt file cannot make a line unbounded).
const MAX_HEADER_BYTES: usize = 64 * 1024;

/// One WARC record: its named fields and its block.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WarcRecord {
    /// Named fields in order (`WARC-Type`, `WARC-Target-URI`, …).
    pub headers: Vec<(String, String)>,
    /// The record block (for a response: the HTTP message).
    pub block: Vec<u8>,
    /// Byte offset in the file of the record (of its gzip member in a `.warc.gz`).
    pub offset: u64,
}

impl WarcRecord {
    /// First value of a field (case-insensitive name).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// What reading one WARC file found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadStats {
    /// Records read whole.
    pub records: usize,
    /// Response records handed on as pages.
    pub pages: usize,
    /// Records that are not HTML/text responses (request, warcinfo, images, redirects, …).
    pub skipped: usize,
    /// Damaged records skipped with a message.
    pub broken: usize,
}

/// Counts bytes taken from the file, for record offsets.
struct Counting<R> {
    inner: R,
    count: u64,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        Ok(n)
    }
}

impl<R: std::io::Seek> std::io::Seek for Counting<R> {
    fn seek(&mut self, pos: std::io::SeekFrom) -> std::io::Result<u64> {
        self.count = self.inner.seek(pos)?;
        Ok(self.count)
    }
}

/// Records of an uncompressed WARC stream.
struct Plain<R> {
    reader: R,
    max_block: u64,
    /// Added to positions (the member's offset in a `.warc.gz`).
    base: u64,
    pos: u64,
    done: bool,
    /// A record found right after a damaged region, returned after the region's error.
    pending: Option<Result<WarcRecord, String>>,
}

impl<R: BufRead> Plain<R> {
    /// One line (with its end), capped; empty at end of input.
    fn line(&mut self) -> std::io::Result<Vec<u8>> {
        let mut line = Vec::new();
        (&mut self.reader)
            .take(MAX_HEADER_BYTES as u64)
            .read_until(b'\n', &mut line)?;
        self.pos += line.len() as u64;
        Ok(line)
    }

    fn next_record(&mut self) -> Option<Result<WarcRecord, String>> {
        if let Some(p) = self.pending.take() {
            return Some(p);
        }
        if self.done {
            return None;
        }
        // Find the version line; blank lines between records are allowed, anything else is a
        // damaged region that is skipped up to the next record.
        let mut skipped = 0u64;
        let start = loop {
            let at = self.pos;
            match self.line() {
                Err(e) => {
                    self.done = true;
                    return Some(Err(format!("read error at byte {}: {e}", self.base + at)));
                }
                Ok(l) if l.is_empty() => {
                    self.done = true;
                    if skipped > 0 {
                        return Some(Err(format!(
                            "{skipped} bytes that are not a WARC record at byte {}, skipped",
                            self.base + at - skipped
                        )));
                    }
                    return None;
                }
                Ok(l) if l.starts_with(b"WARC/") => break at,
                Ok(l) if l.iter().all(u8::is_ascii_whitespace) && skipped == 0 => {}
                Ok(l) => skipped += l.len() as u64,
            }
        };
        let record = self.rest_of_record(self.base + start);
        if skipped > 0 {
            self.pending = Some(record);
            return Some(Err(format!(
                "{skipped} bytes that are not a WARC record at byte {}, skipped",
                self.base + start - skipped
            )));
        }
        Some(record)
    }

    /// The header fields and block of a record whose version line was just read.
    fn rest_of_record(&mut self, offset: u64) -> Result<WarcRecord, String> {
        let mut headers = Vec::new();
        let mut header_bytes = 0usize;
        loop {
            let line = match self.line() {
                Ok(l) => l,
                Err(e) => return Err(format!("record at byte {offset}: {e}")),
            };
            header_bytes += line.len();
            if line.is_empty() {
                self.done = true;
                return Err(format!(
                    "record at byte {offset}: the file ends inside its header"
                ));
            }
            if line == b"\r\n" || line == b"\n" {
                break;
            }
            if header_bytes > MAX_HEADER_BYTES {
                return Err(format!(
                    "record at byte {offset}: header longer than {MAX_HEADER_BYTES} bytes"
                ));
            }
            let text = String::from_utf8_lossy(&line);
            match text.split_once(':') {
                Some((k, v)) => headers.push((k.trim().to_string(), v.trim().to_string())),
                None => {
                    return Err(format!(
                        "record at byte {offset}: bad header line {:.60?}",
                        text.trim_end()
                    ));
                }
            }
        }
        let record = WarcRecord {
            headers,
            block: Vec::new(),
            offset,
        };
        let Some(length) = record
            .header("Content-Length")
            .and_then(|v| v.parse::<u64>().ok())
        else {
            return Err(format!("record at byte {offset}: no valid Content-Length"));
        };
        if length > self.max_block {
            // Skip the block without keeping it; the next record follows it.
            let skipped = std::io::copy(&mut (&mut self.reader).take(length), &mut std::io::sink())
                .unwrap_or(0);
            self.pos += skipped;
            return Err(format!(
                "record at byte {offset}: block of {length} bytes is over the {} byte limit, skipped",
                self.max_block
            ));
        }
        let mut block = Vec::new();
        match (&mut self.reader).take(length).read_to_end(&mut block) {
            Ok(n) => self.pos += n as u64,
            Err(e) => {
                self.done = true;
                return Err(format!("record at byte {offset}: {e}"));
            }
        }
        if (block.len() as u64) < length {
            self.done = true;
            return Err(format!(
                "record at byte {offset}: truncated ({} of {length} bytes)",
                block.len()
            ));
        }
        Ok(WarcRecord { block, ..record })
    }
}

/// Parse every record in an uncompressed buffer (one decompressed gzip member, or a fetched range).
fn parse_all(bytes: &[u8], base: u64, max_block: u64) -> Vec<Result<WarcRecord, String>> {
    let mut plain = Plain {
        reader: bytes,
        max_block,
        base,
        pos: 0,
        done: false,
        pending: None,
    };
    std::iter::from_fn(|| plain.next_record()).collect()
}

/// The one WARC record in a fetched byte range: a gzip member (Common Crawl) or plain bytes.
pub fn read_member(bytes: &[u8], max_block: u64) -> Result<WarcRecord, String> {
    let plain;
    let data = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::bufread::GzDecoder::new(bytes)
            .take(max_block.saturating_add(MAX_HEADER_BYTES as u64))
            .read_to_end(&mut out)
            .map_err(|e| format!("not a gzip member: {e}"))?;
        plain = out;
        &plain[..]
    } else {
        bytes
    };
    if !data.starts_with(b"WARC/") {
        return Err(format!(
            "not a WARC record (starts {:?})",
            String::from_utf8_lossy(&data[..data.len().min(16)])
        ));
    }
    parse_all(data, 0, max_block)
        .into_iter()
        .next()
        .unwrap_or_else(|| Err("empty WARC record".into()))
}

/// The file's reader while the gzip decoder holds it. `GzDecoder::reset` swaps readers, and the
/// decoder is reset rather than re-created for every member: a new one allocates and clears a
/// fresh inflate state each time, about a seventh of the cost of inflating a page-sized member.
struct Lent<R>(Option<BufReader<Counting<R>>>);

impl<R: Read> Read for Lent<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.0.as_mut().map_or(Ok(0), |r| r.read(buf))
    }
}

impl<R: Read> BufRead for Lent<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.0.as_mut().map_or(Ok(&[]), |r| r.fill_buf())
    }

    fn consume(&mut self, amt: usize) {
        if let Some(r) = self.0.as_mut() {
            r.consume(amt);
        }
    }
}

/// Records of a `.warc.gz`: each gzip member read on its own, so a damaged member is skipped by
/// searching for the next gzip header.
struct Gzip<R> {
    /// One decoder for the whole file, reset at each member; it holds the file's reader.
    decoder: flate2::bufread::GzDecoder<Lent<R>>,
    /// The decompressed member, reused (its records' blocks are copied out of it).
    out: Vec<u8>,
    max_block: u64,
    queue: VecDeque<Result<WarcRecord, String>>,
    done: bool,
}

impl<R: Read + std::io::Seek> Gzip<R> {
    fn new(reader: BufReader<Counting<R>>, max_block: u64) -> Self {
        // `new` would read a gzip header at once; `reset` leaves that to the first read.
        let mut decoder = flate2::bufread::GzDecoder::new(Lent(None));
        decoder.reset(Lent(Some(reader)));
        Gzip {
            decoder,
            out: Vec::new(),
            max_block,
            queue: VecDeque::new(),
            done: false,
        }
    }

    fn reader(&mut self) -> Option<&mut BufReader<Counting<R>>> {
        self.decoder.get_mut().0.as_mut()
    }

    fn position(&self) -> u64 {
        self.decoder
            .get_ref()
            .0
            .as_ref()
            .map_or(0, |r| r.get_ref().count - r.buffer().len() as u64)
    }

    fn next_member(&mut self) -> Option<()> {
        let at_end = self
            .reader()?
            .fill_buf()
            .map(|b| b.is_empty())
            .unwrap_or(true);
        if at_end {
            return None;
        }
        let offset = self.position();
        // A fresh gzip state over the same reader, which stays where the last member ended.
        let reader = self.decoder.get_mut().0.take();
        self.decoder.reset(Lent(reader));
        let mut out = std::mem::take(&mut self.out);
        out.clear();
        let cap = self.max_block.saturating_add(MAX_HEADER_BYTES as u64);
        let read = (&mut self.decoder).take(cap + 1).read_to_end(&mut out);
        match read {
            Err(e) => {
                self.queue.push_back(Err(format!(
                    "gzip member at byte {offset}: {e}; skipped to the next member"
                )));
                self.resync(offset);
            }
            Ok(_) if out.len() as u64 > cap => {
                self.queue.push_back(Err(format!(
                    "gzip member at byte {offset}: more than {cap} bytes once decompressed, skipped"
                )));
                self.resync(offset);
            }
            Ok(_) => self.queue.extend(parse_all(&out, offset, self.max_block)),
        }
        self.out = out;
        Some(())
    }

    /// Skip to the next gzip header (`1f 8b 08`) after `from` (the decoder may have read past
    /// it before it noticed the damage, so the search restarts just after the broken member's start).
    fn resync(&mut self, from: u64) {
        let Some(reader) = self.reader() else {
            self.done = true;
            return;
        };
        if std::io::Seek::seek(reader, std::io::SeekFrom::Start(from)).is_err() {
            self.done = true;
            return;
        }
        loop {
            let pos = self.position();
            let Some(Ok(buf)) = self.reader().map(|r| r.fill_buf()) else {
                self.done = true;
                return;
            };
            if buf.is_empty() {
                return;
            }
            // Never stop where the broken member started.
            let begin = usize::from(pos == from);
            let found = buf
                .get(begin..)
                .and_then(|b| b.windows(3).position(|w| w == [0x1f, 0x8b, 0x08]));
            let n = match found {
                Some(i) => begin + i,
                // Keep the last two bytes: a header may straddle two reads.
                None => buf.len().saturating_sub(2).max(begin).max(1).min(buf.len()),
            };
            if let Some(r) = self.reader() {
                r.consume(n);
            }
            if found.is_some() {
                return;
            }
        }
    }
}

/// A streaming iterator over a WARC file's records.
pub struct Records {
    inner: Inner,
}

enum Inner {
    Plain(Plain<BufReader<std::fs::File>>),
    // Boxed: the inflate state is large, and there is one per file.
    Gzip(Box<Gzip<std::fs::File>>),
}

impl Iterator for Records {
    type Item = Result<WarcRecord, String>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.inner {
            Inner::Plain(p) => p.next_record(),
            Inner::Gzip(g) => loop {
                if let Some(r) = g.queue.pop_front() {
                    return Some(r);
                }
                if g.done {
                    return None;
                }
                g.next_member()?;
            },
        }
    }
}

/// Open a WARC file (gzip per record, or plain) and stream its records; blocks over
/// `max_block` bytes are skipped with an error item.
pub fn records(path: &Path, max_block: u64) -> anyhow::Result<Records> {
    let mut file =
        std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut magic = [0u8; 2];
    let n = file.read(&mut magic).unwrap_or(0);
    drop(file);
    let file = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let inner = if n == 2 && magic == [0x1f, 0x8b] {
        Inner::Gzip(Box::new(Gzip::new(
            BufReader::with_capacity(
                1 << 16,
                Counting {
                    inner: file,
                    count: 0,
                },
            ),
            max_block,
        )))
    } else {
        Inner::Plain(Plain {
            reader: BufReader::with_capacity(1 << 16, file),
            max_block,
            base: 0,
            pos: 0,
            done: false,
            pending: None,
        })
    };
    Ok(Records { inner })
}

/// The page in a record: `Ok(Some)` for an HTML/text 2xx response, `Ok(None)` for a record that
/// is not one (counted as skipped), `Err` for a response that cannot be read.
pub fn page_from_record(record: &WarcRecord, max_body: u64) -> Result<Option<Page>, String> {
    if !record
        .header("WARC-Type")
        .is_some_and(|t| t.eq_ignore_ascii_case("response"))
    {
        return Ok(None);
    }
    let is_http = record
        .header("Content-Type")
        .is_none_or(|t| t.to_ascii_lowercase().starts_with("application/http"));
    if !is_http {
        return Ok(None);
    }
    let at = record.offset;
    let response = http::parse_response(&record.block, max_body)
        .map_err(|e| format!("response record at byte {at}: {e}"))?;
    if !(200..300).contains(&response.status) {
        return Ok(None);
    }
    let content_type = response
        .header("Content-Type")
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let textual = content_type.is_empty()
        || content_type.contains("html")
        || content_type.starts_with("text/");
    if !textual {
        return Ok(None);
    }
    let target = record.header("WARC-Target-URI").map(str::to_string);
    let source = record
        .header("Tenderscan-Source")
        .map(str::to_string)
        .or_else(|| target.clone())
        .ok_or_else(|| format!("response record at byte {at}: no WARC-Target-URI"))?;
    Ok(Some(Page {
        source,
        final_url: target,
        fetched_at: record.header("WARC-Date").map(str::to_string),
        status: Some(response.status),
        header_charset: response.header("Content-Type").and_then(charset_param),
        bytes: response.body,
    }))
}

/// The `charset` parameter of a Content-Type value, as given (quotes and spaces trimmed), the
/// same rule as the live fetcher's.
fn charset_param(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let value = value.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!value.is_empty()).then(|| value.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::super::write::record_bytes;
    use super::*;

    fn response(uri: &str, body: &str, content_type: &str) -> Vec<u8> {
        let block = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        record_bytes(
            &[
                ("WARC-Type", "response".into()),
                ("WARC-Target-URI", uri.into()),
                ("WARC-Date", "2026-01-02T03:04:05Z".into()),
                ("Content-Type", "application/http; msgtype=response".into()),
            ],
            block.as_bytes(),
        )
    }

    fn gz(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut e, bytes).unwrap();
        e.finish().unwrap()
    }

    fn read(bytes: &[u8]) -> Vec<Result<WarcRecord, String>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.warc.gz");
        std::fs::write(&path, bytes).unwrap();
        records(&path, 1 << 20).unwrap().collect()
    }

    #[test]
    fn members_of_shrinking_size_read_whole_through_the_reused_decoder() {
        // The decoder and its output buffer are reused: a short member after a long one must
        // come out alone, at its own offset.
        let long = "<p>long</p>".repeat(5_000);
        let members = [
            gz(&response("http://a/1", &long, "text/html")),
            gz(&response("http://a/2", "<p>two</p>", "text/html")),
            gz(&response("http://a/3", "", "text/html")),
        ];
        let got = read(&members.concat());
        assert_eq!(got.len(), 3, "{got:?}");
        let mut offset = 0;
        for (i, (record, member)) in got.iter().zip(&members).enumerate() {
            let record = record.as_ref().unwrap();
            assert_eq!(record.offset, offset);
            let page = page_from_record(record, 1 << 20).unwrap().unwrap();
            assert_eq!(page.source, format!("http://a/{}", i + 1));
            let want = [long.as_str(), "<p>two</p>", ""][i];
            assert_eq!(page.bytes, want.as_bytes());
            offset += member.len() as u64;
        }
    }

    #[test]
    fn a_broken_gzip_member_is_skipped_and_the_next_read() {
        let first = gz(&response("http://a/1", "<p>one</p>", "text/html"));
        let mut broken = gz(&response("http://a/2", "<p>two</p>", "text/html"));
        let mid = broken.len() / 2;
        broken[mid..].fill(0xAA);
        let third = gz(&response("http://a/3", "<p>three</p>", "text/html"));
        let mut file = first.clone();
        file.extend(&broken);
        file.extend(&third);
        let got = read(&file);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(
            got[0].as_ref().unwrap().header("WARC-Target-URI"),
            Some("http://a/1")
        );
        assert!(
            got[1]
                .as_ref()
                .is_err_and(|e| e.contains(&format!("byte {}", first.len())))
        );
        let third = got[2].as_ref().unwrap();
        assert_eq!(third.header("WARC-Target-URI"), Some("http://a/3"));
        assert_eq!(third.offset, (first.len() + broken.len()) as u64);
    }

    #[test]
    fn plain_warc_with_garbage_between_records() {
        let mut file = response("http://a/1", "x", "text/html");
        file.extend(b"garbage line\r\nmore\r\n");
        file.extend(response("http://a/2", "y", "text/plain; charset=gbk"));
        let got = read(&file);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(
            got[1]
                .as_ref()
                .is_err_and(|e| e.contains("not a WARC record"))
        );
        let page = page_from_record(got[2].as_ref().unwrap(), 100)
            .unwrap()
            .unwrap();
        assert_eq!(page.source, "http://a/2");
        assert_eq!(page.bytes, b"y");
        assert_eq!(page.header_charset.as_deref(), Some("gbk"));
        assert_eq!(page.fetched_at.as_deref(), Some("2026-01-02T03:04:05Z"));
    }

    #[test]
    fn truncated_record_and_missing_length_are_errors() {
        let mut rec = response("http://a/1", "hello", "text/html");
        rec.truncate(rec.len() - 8);
        assert!(
            read(&rec)[0]
                .as_ref()
                .is_err_and(|e| e.contains("truncated"))
        );
        let no_len = b"WARC/1.1\r\nWARC-Type: response\r\n\r\nabc";
        assert!(
            read(no_len)[0]
                .as_ref()
                .is_err_and(|e| e.contains("Content-Length"))
        );
    }

    #[test]
    fn non_pages_are_skipped_not_errors() {
        let pdf = response("http://a/x.pdf", "%PDF", "application/pdf");
        let rec = parse_all(&pdf, 0, 100).remove(0).unwrap();
        assert!(matches!(page_from_record(&rec, 100), Ok(None)));
        let mut req = rec.clone();
        req.headers[0].1 = "request".into();
        assert!(matches!(page_from_record(&req, 100), Ok(None)));
    }

    #[test]
    fn one_member_by_range() {
        let member = gz(&response("http://a/1", "<p>one</p>", "text/html"));
        assert_eq!(
            read_member(&member, 1000)
                .unwrap()
                .header("WARC-Target-URI"),
            Some("http://a/1")
        );
        let not_warc = gz(b"<html>hello</html>");
        assert!(read_member(&not_warc, 1000).is_err_and(|e| e.contains("not a WARC record")));
        assert!(read_member(&[0x1f, 0x8b, 0, 1, 2], 1000).is_err_and(|e| e.contains("gzip")));
    }
}
