//! The HTTP messages inside WARC request / response records: built when writing, parsed when reading.
use std::io::Read as _;

/// A parsed HTTP response: status, headers in order, and the entity body (de-chunked, decoded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpResponse {
    /// Status code.
    pub status: u16,
    /// Header fields in order.
    pub headers: Vec<(String, String)>,
    /// The body after removing chunked transfer coding and gzip/deflate content coding.
    pub body: Vec<u8>,
}

impl HttpResponse {
    /// First value of a header (case-insensitive name).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Headers whose value no longer describes the body once it is stored decoded; kept renamed with
/// Common Crawl's `X-Crawler-` prefix so the evidence still shows what the server sent.
const RENAMED: &[&str] = &["content-encoding", "transfer-encoding", "content-length"];

/// The response as stored: status line, the server's headers (length and codings renamed) and the
/// decoded body, with a `Content-Length` that matches it.
pub fn response_bytes(status: u16, headers: &[(String, String)], body: &[u8]) -> Vec<u8> {
    let reason = reqwest::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("");
    let mut out = format!("HTTP/1.1 {status} {reason}\r\n").into_bytes();
    for (name, value) in headers {
        if RENAMED.iter().any(|r| name.eq_ignore_ascii_case(r)) {
            out.extend_from_slice(format!("X-Crawler-{name}: {value}\r\n").as_bytes());
        } else {
            out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
        }
    }
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes());
    out.extend_from_slice(body);
    out
}

/// A GET request as the client sends it (reqwest does not expose the bytes on the wire, so the
/// request is rebuilt from the URL and the headers the fetcher sets).
pub fn request_bytes(url: &url::Url, headers: &[(String, String)]) -> Vec<u8> {
    let mut target = url.path().to_string();
    if let Some(q) = url.query() {
        target.push('?');
        target.push_str(q);
    }
    let host = match url.port() {
        Some(port) => format!("{}:{port}", url.host_str().unwrap_or_default()),
        None => url.host_str().unwrap_or_default().to_string(),
    };
    let mut out = format!("GET {target} HTTP/1.1\r\nHost: {host}\r\n").into_bytes();
    for (name, value) in headers {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    out
}

/// Parse an `application/http; msgtype=response` block, decoding the body under `max_body` bytes.
pub fn parse_response(block: &[u8], max_body: u64) -> Result<HttpResponse, String> {
    let end = find(block, b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)))
        .ok_or("HTTP response without the blank line that ends its headers")?;
    let head = String::from_utf8_lossy(&block[..end.0]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or_default();
    let mut parts = status_line.split_whitespace();
    let version = parts.next().unwrap_or_default();
    if !version.starts_with("HTTP/") {
        return Err(format!("not an HTTP response (starts {status_line:.40?})"));
    }
    let status = parts
        .next()
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| format!("bad HTTP status line {status_line:.60?}"))?;
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let mut response = HttpResponse {
        status,
        headers,
        body: Vec::new(),
    };
    let raw = &block[end.1..];
    let dechunked;
    let payload = if response
        .header("transfer-encoding")
        .is_some_and(|v| v.to_ascii_lowercase().contains("chunked"))
    {
        dechunked = dechunk(raw)?;
        &dechunked[..]
    } else {
        raw
    };
    response.body = match response
        .header("content-encoding")
        .map(|v| v.trim().to_ascii_lowercase())
    {
        Some(c) if c == "gzip" || c == "x-gzip" => {
            inflate(flate2::read::MultiGzDecoder::new(payload), max_body)?
        }
        Some(c) if c == "deflate" => inflate(flate2::read::ZlibDecoder::new(payload), max_body)?,
        Some(c) if c.is_empty() || c == "identity" => capped(payload, max_body)?,
        Some(other) => return Err(format!("unsupported Content-Encoding {other}")),
        None => capped(payload, max_body)?,
    };
    Ok(response)
}

fn capped(bytes: &[u8], max: u64) -> Result<Vec<u8>, String> {
    if bytes.len() as u64 > max {
        return Err(format!("body larger than {max} bytes"));
    }
    Ok(bytes.to_vec())
}

fn inflate(reader: impl std::io::Read, max: u64) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut out)
        .map_err(|e| format!("could not decompress the body: {e}"))?;
    if out.len() as u64 > max {
        return Err(format!("body larger than {max} bytes once decompressed"));
    }
    Ok(out)
}

/// Remove chunked transfer coding (RFC 9112 §7.1); a truncated last chunk keeps what arrived.
fn dechunk(mut raw: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(raw.len());
    loop {
        let Some(eol) = find(raw, b"\r\n") else {
            return Ok(out);
        };
        let size_text = String::from_utf8_lossy(&raw[..eol]);
        let size_text = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| format!("bad chunk size {size_text:.20?}"))?;
        raw = &raw[eol + 2..];
        if size == 0 {
            return Ok(out);
        }
        let take = size.min(raw.len());
        out.extend_from_slice(&raw[..take]);
        raw = raw.get(take + 2..).unwrap_or_default();
    }
}

/// Byte search (linear in practice: the needles are two or four bytes).
pub(crate) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_response_parses_back() {
        let headers = vec![
            (
                "content-type".to_string(),
                "text/html; charset=GBK".to_string(),
            ),
            ("content-encoding".to_string(), "gzip".to_string()),
            ("content-length".to_string(), "99".to_string()),
        ];
        let bytes = response_bytes(200, &headers, b"<p>hi</p>");
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"));
        assert!(text.contains("X-Crawler-content-encoding: gzip\r\n"));
        assert!(text.contains("Content-Length: 9\r\n\r\n<p>hi</p>"));
        let parsed = parse_response(&bytes, 1000).unwrap();
        assert_eq!(parsed.status, 200);
        assert_eq!(
            parsed.header("Content-Type"),
            Some("text/html; charset=GBK")
        );
        assert_eq!(parsed.body, b"<p>hi</p>");
    }

    #[test]
    fn chunked_and_gzip_bodies_are_decoded() {
        let raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nabcd\r\n3;x=y\r\nefg\r\n0\r\n\r\n";
        assert_eq!(parse_response(raw, 100).unwrap().body, b"abcdefg");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        std::io::Write::write_all(&mut gz, b"hello").unwrap();
        let mut raw = b"HTTP/1.0 404 Not Found\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        raw.extend(gz.finish().unwrap());
        let parsed = parse_response(&raw, 100).unwrap();
        assert_eq!((parsed.status, &parsed.body[..]), (404, &b"hello"[..]));
        assert!(parse_response(&raw, 3).is_err_and(|e| e.contains("larger than 3")));
    }

    #[test]
    fn broken_responses_are_errors() {
        assert!(parse_response(b"GET / HTTP/1.1\r\n\r\n", 10).is_err());
        assert!(parse_response(b"HTTP/1.1 abc\r\n\r\n", 10).is_err());
        assert!(parse_response(b"HTTP/1.1 200 OK", 10).is_err());
    }

    #[test]
    fn request_line_and_host() {
        let url = url::Url::parse("http://127.0.0.1:8080/a/b.htm?x=1").unwrap();
        let req = request_bytes(&url, &[("User-Agent".into(), "t".into())]);
        assert_eq!(
            req,
            b"GET /a/b.htm?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: t\r\n\r\n"
        );
    }
}
