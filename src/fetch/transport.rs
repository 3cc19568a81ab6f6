//! One HTTP/1.1 GET on a connection of its own, on hyper's low-level client, so the fetcher sees
//! what a pooled client hides: bytes a server sends beyond its `Content-Length`.
//!
//! There is no connection pool on purpose: the fetcher waits between requests to one host
//! (politeness, seconds apart), so a kept-alive connection would rarely be reused, and a fresh
//! connection per request lets the exchange be checked whole, to its last byte.
use std::io::Write;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use http_body_util::{BodyExt as _, Empty};
use hyper::body::Bytes;
use hyper::header::{self, HeaderMap, HeaderName, HeaderValue};
use hyper::{Request, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::io::{AsyncRead, AsyncReadExt as _, AsyncWrite};
use tokio::net::TcpStream;
use url::Url;

use super::addr::PinnedResolver;
use super::proxy::{Proxies, Proxy};

/// Longest reply head a proxy may send to `CONNECT` (its status line and headers).
const MAX_CONNECT_REPLY: usize = 16 * 1024;

/// How long to wait, once a `Content-Length` body is whole, for bytes beyond it: long enough for
/// a surplus sent with the body to show, short enough that a server keeping the connection open
/// costs the run nothing noticeable (requests to a host are seconds apart anyway).
const SURPLUS_GRACE: Duration = Duration::from_millis(25);

/// Anything a connection can run on: plain TCP or TLS over it.
trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

/// Opens connections (pinned addresses, TLS) and runs one GET on each.
pub(crate) struct Transport {
    tls: tokio_rustls::TlsConnector,
    resolver: Arc<PinnedResolver>,
    connect_timeout: Duration,
    proxies: Proxies,
}

/// A response read whole: status, headers as sent (minus the coding headers once decoded) and the
/// decoded body.
pub(crate) struct Exchange {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

/// Why an exchange failed (the client words it and decides whether to retry).
#[derive(Debug)]
pub(crate) enum TransportError {
    /// TCP connect or TLS handshake took longer than the connect timeout.
    ConnectTimeout,
    /// No connection could be made (refused, unreachable, TLS rejected).
    Connect(String),
    /// The server reset the connection.
    Reset,
    /// The connection ended before the announced `Content-Length` bytes had arrived.
    Incomplete { declared: u64 },
    /// The proxy answered `CONNECT` with a non-2xx status (its status line, as sent).
    ProxyRefused {
        proxy: String,
        status: u16,
        line: String,
    },
    /// The server sent more bytes than its `Content-Length` announced.
    Longer { declared: u64 },
    /// The announced (uncompressed) length is over the cap.
    DeclaredTooLarge { declared: u64, cap: u64 },
    /// The body grew past the cap (counted after decompression).
    TooLarge { cap: u64 },
    /// The content coding did not decode.
    Decode(String),
    /// Any other failure of the exchange.
    Failed(String),
}

impl Transport {
    /// A transport that connects through `resolver`'s checked addresses, verifying TLS
    /// certificates against the platform's roots (as reqwest's `rustls` feature does).
    pub(crate) fn new(
        resolver: Arc<PinnedResolver>,
        connect_timeout: Duration,
        proxies: Proxies,
    ) -> anyhow::Result<Transport> {
        let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
        let verifier = rustls_platform_verifier::Verifier::new(provider.clone())
            .map_err(|e| anyhow::anyhow!("loading TLS root certificates: {e}"))?;
        let mut config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| anyhow::anyhow!("TLS setup: {e}"))?
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(verifier))
            .with_no_client_auth();
        config.alpn_protocols = vec![b"http/1.1".to_vec()];
        Ok(Transport {
            tls: tokio_rustls::TlsConnector::from(Arc::new(config)),
            resolver,
            connect_timeout,
            proxies,
        })
    }

    /// True if requests for `url` go through a proxy (its address checks then happen there).
    pub(crate) fn is_proxied(&self, url: &Url) -> bool {
        self.proxies.for_url(url).is_some()
    }

    /// GET `url` with `headers`; the body is decoded (gzip, deflate, br) under `cap` bytes.
    /// With `truncate`, the first `cap` bytes are kept instead of failing.
    pub(crate) async fn get(
        &self,
        url: &Url,
        headers: &[(String, String)],
        cap: u64,
        truncate: bool,
    ) -> Result<Exchange, TransportError> {
        let proxy = self.proxies.for_url(url);
        // Plain http through a proxy: the request names the whole URL (absolute form); https
        // goes through a CONNECT tunnel and is sent as to the server itself.
        let via = proxy.filter(|_| url.scheme() != "https");
        let request = build_request(url, headers, via)?;
        let io = match proxy {
            Some(proxy) => self.connect_via(url, proxy).await?,
            None => self.connect(url).await?,
        };
        let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(io))
            .await
            .map_err(|e| hyper_failure(&e, None))?;
        // Kept un-shut so the socket can be looked at after the body (see `surplus`).
        let mut conn = std::pin::pin!(conn.without_shutdown());
        let mut read = std::pin::pin!(async move {
            let result = read_response(&mut sender, request, cap, truncate).await;
            // Dropping the sender lets the connection finish once it is idle.
            drop(sender);
            result
        });
        let mut finished = None;
        let read = tokio::select! {
            read = &mut read => read,
            ended = &mut conn => {
                finished = Some(ended);
                read.await
            }
        };
        let (exchange, declared) = read?;
        // Checked before a decoding failure is reported: a compressed stream cut at a wrong
        // length fails to decode because of the length.
        if let Some(declared) = declared {
            let ended = match finished {
                Some(ended) => ended,
                None => conn.await,
            };
            if surplus(ended).await {
                return Err(TransportError::Longer { declared });
            }
        }
        exchange
    }

    /// TCP to the first checked address that answers, then TLS for https.
    async fn connect(&self, url: &Url) -> Result<Box<dyn Io>, TransportError> {
        let host = bare_host(url);
        let port = url.port_or_known_default().unwrap_or(80);
        let stream = self.tcp(&host, port, self.resolver.pinned(&host)).await?;
        if url.scheme() != "https" {
            return Ok(Box::new(stream));
        }
        self.tls(&host, stream).await
    }

    /// TCP to the proxy (its address is the user's choice: loopback and private allowed), then
    /// for https a `CONNECT` tunnel and TLS with the target through it.
    async fn connect_via(&self, url: &Url, proxy: &Proxy) -> Result<Box<dyn Io>, TransportError> {
        let mut stream = self
            .tcp(&proxy.host, proxy.port, None)
            .await
            .map_err(|e| match e {
                TransportError::Connect(why) => {
                    TransportError::Connect(format!("proxy {proxy} ({}): {why}", proxy.var))
                }
                other => other,
            })?;
        if url.scheme() != "https" {
            return Ok(Box::new(stream));
        }
        let host = bare_host(url);
        let port = url.port_or_known_default().unwrap_or(443);
        tokio::time::timeout(
            self.connect_timeout,
            tunnel(&mut stream, proxy, &host, port),
        )
        .await
        .map_err(|_| TransportError::ConnectTimeout)??;
        self.tls(&host, stream).await
    }

    /// TCP to the first address of `host` that answers (`pinned` ones, else looked up).
    async fn tcp(
        &self,
        host: &str,
        port: u16,
        pinned: Option<Vec<SocketAddr>>,
    ) -> Result<TcpStream, TransportError> {
        let addrs: Vec<SocketAddr> = match pinned {
            Some(addrs) => addrs,
            None => {
                tokio::time::timeout(self.connect_timeout, tokio::net::lookup_host((host, port)))
                    .await
                    .map_err(|_| TransportError::ConnectTimeout)?
                    .map_err(|e| TransportError::Connect(format!("{host} does not resolve ({e})")))?
                    .collect()
            }
        };
        // The pin is per host name; the port is the URL's.
        let addrs: Vec<SocketAddr> = addrs
            .into_iter()
            .map(|a| SocketAddr::new(a.ip(), port))
            .collect();
        if addrs.is_empty() {
            return Err(TransportError::Connect(format!(
                "{host} does not resolve (no addresses)"
            )));
        }
        // Each address gets its share of the connect timeout, so one silent address cannot use
        // it all (as hyper-util's connector does).
        let share = self.connect_timeout / u32::try_from(addrs.len()).unwrap_or(u32::MAX);
        let mut last = TransportError::ConnectTimeout;
        for addr in &addrs {
            match tokio::time::timeout(share, TcpStream::connect(addr)).await {
                Ok(Ok(stream)) => {
                    // Small requests, written whole: no reason to let Nagle hold them back.
                    let _ = stream.set_nodelay(true);
                    return Ok(stream);
                }
                Ok(Err(e)) => last = TransportError::Connect(format!("{addr}: {e}")),
                Err(_) => last = TransportError::ConnectTimeout,
            }
        }
        Err(last)
    }

    /// TLS with `host` over `stream`.
    async fn tls(&self, host: &str, stream: TcpStream) -> Result<Box<dyn Io>, TransportError> {
        let name = rustls::pki_types::ServerName::try_from(host.to_string())
            .map_err(|e| TransportError::Connect(format!("invalid TLS server name {host}: {e}")))?;
        let tls = tokio::time::timeout(self.connect_timeout, self.tls.connect(name, stream))
            .await
            .map_err(|_| TransportError::ConnectTimeout)?
            .map_err(|e| TransportError::Connect(format!("TLS handshake with {host}: {e}")))?;
        Ok(Box::new(tls))
    }
}

/// A URL's host without IPv6 brackets.
fn bare_host(url: &Url) -> String {
    url.host_str()
        .unwrap_or_default()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string()
}

/// `CONNECT host:port` through the proxy on `stream`; Ok once the proxy answers 2xx.
async fn tunnel(
    stream: &mut TcpStream,
    proxy: &Proxy,
    host: &str,
    port: u16,
) -> Result<(), TransportError> {
    use tokio::io::AsyncWriteExt as _;
    let authority = if host.contains(':') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    };
    let mut head = format!("CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n");
    if let Some(auth) = &proxy.authorization {
        head.push_str(&format!("Proxy-Authorization: {auth}\r\n"));
    }
    head.push_str("\r\n");
    let failed = |e: std::io::Error| {
        TransportError::Connect(format!(
            "proxy {proxy} ({}): CONNECT {authority}: {e}",
            proxy.var
        ))
    };
    stream.write_all(head.as_bytes()).await.map_err(failed)?;
    // Read byte by byte up to the blank line: the TLS bytes that follow are the target's, and
    // must not be taken into a buffer here.
    let mut reply = Vec::new();
    let mut byte = [0u8; 1];
    while !reply.ends_with(b"\r\n\r\n") {
        if reply.len() >= MAX_CONNECT_REPLY {
            return Err(TransportError::Connect(format!(
                "proxy {proxy} ({}): reply to CONNECT {authority} longer than {MAX_CONNECT_REPLY} bytes",
                proxy.var
            )));
        }
        if stream.read(&mut byte).await.map_err(failed)? == 0 {
            return Err(TransportError::Connect(format!(
                "proxy {proxy} ({}) closed the connection before answering CONNECT {authority}",
                proxy.var
            )));
        }
        reply.push(byte[0]);
    }
    let text = String::from_utf8_lossy(&reply);
    let line = text.lines().next().unwrap_or_default().trim().to_string();
    let status = line
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse::<u16>().ok())
        .filter(|_| line.starts_with("HTTP/1."));
    match status {
        Some(code) if (200..300).contains(&code) => Ok(()),
        Some(code) => Err(TransportError::ProxyRefused {
            proxy: format!("{proxy} ({})", proxy.var),
            status: code,
            line,
        }),
        None => Err(TransportError::Connect(format!(
            "proxy {proxy} ({}) answered CONNECT {authority} with {line:?}, not HTTP",
            proxy.var
        ))),
    }
}

/// The GET as sent: origin-form target (absolute form to an http proxy, with its
/// `Proxy-Authorization`), `Host`, then the fetcher's headers in order.
fn build_request(
    url: &Url,
    headers: &[(String, String)],
    proxy: Option<&Proxy>,
) -> Result<Request<Empty<Bytes>>, TransportError> {
    let mut target = match proxy {
        Some(_) => {
            let mut whole = url.clone();
            whole.set_fragment(None);
            let _ = whole.set_username("");
            let _ = whole.set_password(None);
            // The path and query are appended below.
            whole.set_query(None);
            whole.set_path("");
            whole.as_str().trim_end_matches('/').to_string()
        }
        None => String::new(),
    };
    target.push_str(url.path());
    if let Some(query) = url.query() {
        target.push('?');
        target.push_str(query);
    }
    let host = match url.port() {
        Some(port) => format!("{}:{port}", url.host_str().unwrap_or_default()),
        None => url.host_str().unwrap_or_default().to_string(),
    };
    let mut builder = Request::get(target).header(header::HOST, host);
    if let Some(auth) = proxy.and_then(|p| p.authorization.as_deref()) {
        builder = builder.header(header::PROXY_AUTHORIZATION, auth);
    }
    for (name, value) in headers {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|e| TransportError::Failed(format!("bad request header {name}: {e}")))?;
        let value = HeaderValue::from_str(value)
            .map_err(|e| TransportError::Failed(format!("bad value for {name}: {e}")))?;
        builder = builder.header(name, value);
    }
    builder
        .body(Empty::new())
        .map_err(|e| TransportError::Failed(format!("bad request for {url}: {e}")))
}

/// Send the request and read the body through its decoder under the cap. Also returns the
/// `Content-Length` that framed the body, if one did (the caller checks for bytes beyond it);
/// a body that arrived whole but did not decode is the inner error.
async fn read_response(
    sender: &mut hyper::client::conn::http1::SendRequest<Empty<Bytes>>,
    request: Request<Empty<Bytes>>,
    cap: u64,
    truncate: bool,
) -> Result<(Result<Exchange, TransportError>, Option<u64>), TransportError> {
    let response = sender
        .send_request(request)
        .await
        .map_err(|e| hyper_failure(&e, None))?;
    let (parts, mut body) = response.into_parts();
    let mut headers = parts.headers;
    let status = parts.status;
    // As sent (before decompression). A transfer coding overrides it (RFC 9112 §6.3); 204 and
    // 304 have no body whatever it says.
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|_| !headers.contains_key(header::TRANSFER_ENCODING))
        .filter(|_| {
            !(status.is_informational()
                || status == StatusCode::NO_CONTENT
                || status == StatusCode::NOT_MODIFIED)
        });
    let coding = Coding::of(&headers);
    if !truncate
        && coding == Coding::Identity
        && let Some(len) = declared
        && len > cap
    {
        return Err(TransportError::DeclaredTooLarge { declared: len, cap });
    }
    let mut decoder = Decoder::new(coding, cap, truncate);
    let mut whole = true;
    while let Some(frame) = body.frame().await {
        let frame = frame.map_err(|e| hyper_failure(&e, declared))?;
        let Ok(data) = frame.into_data() else {
            continue;
        };
        if !decoder.write(&data)? {
            whole = false;
            break;
        }
    }
    let decoded = decoder.coding != Coding::Identity;
    let exchange = decoder.finish().map(|body| {
        if decoded {
            // The stored headers describe the stored (decoded) body.
            headers.remove(header::CONTENT_ENCODING);
            headers.remove(header::CONTENT_LENGTH);
        }
        Exchange {
            status,
            headers,
            body,
        }
    });
    // A body cut at the cap was not read to its end: nothing to say about what follows it.
    // robots.txt (truncating) only needs its first bytes, so a surplus there is let pass.
    Ok((exchange, declared.filter(|_| whole && !truncate)))
}

/// After a whole `Content-Length` body: did the server send anything more? hyper reports bytes
/// that arrive while the connection is idle as an "unexpected message"; bytes already buffered
/// or arriving within a short grace show in the connection's parts.
async fn surplus(
    ended: hyper::Result<hyper::client::conn::http1::Parts<TokioIo<Box<dyn Io>>>>,
) -> bool {
    let parts = match ended {
        Ok(parts) => parts,
        // Only this one means more bytes; a reset after a whole body is not the page's problem.
        Err(e) => return e.to_string().contains("unexpected message"),
    };
    if !parts.read_buf.is_empty() {
        return true;
    }
    let mut io = parts.io.into_inner();
    let mut one = [0u8; 1];
    matches!(
        tokio::time::timeout(SURPLUS_GRACE, io.read(&mut one)).await,
        Ok(Ok(n)) if n > 0
    )
}

/// A hyper error as a transport failure; `declared` words an early end as an incomplete body.
fn hyper_failure(e: &hyper::Error, declared: Option<u64>) -> TransportError {
    if is_reset(e) {
        return TransportError::Reset;
    }
    // hyper says "connection closed before message completed" when the head was cut, and an
    // end-of-file error when the body was.
    if let Some(declared) = declared
        && (e.is_incomplete_message() || has_io_kind(e, &[std::io::ErrorKind::UnexpectedEof]))
    {
        return TransportError::Incomplete { declared };
    }
    TransportError::Failed(super::client::error_chain(e))
}

fn is_reset(e: &(dyn std::error::Error + 'static)) -> bool {
    use std::io::ErrorKind;
    has_io_kind(
        e,
        &[
            ErrorKind::ConnectionReset,
            ErrorKind::ConnectionAborted,
            ErrorKind::BrokenPipe,
        ],
    )
}

/// True if an I/O error of one of `kinds` is in `e`'s chain.
fn has_io_kind(e: &(dyn std::error::Error + 'static), kinds: &[std::io::ErrorKind]) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>()
            && kinds.contains(&io.kind())
        {
            return true;
        }
        source = s.source();
    }
    false
}

/// The content codings decoded (as reqwest's gzip/deflate/brotli features did); others are kept
/// as sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Coding {
    Identity,
    Gzip,
    Deflate,
    Brotli,
}

impl Coding {
    fn of(headers: &HeaderMap) -> Coding {
        let Some(value) = headers
            .get(header::CONTENT_ENCODING)
            .and_then(|v| v.to_str().ok())
        else {
            return Coding::Identity;
        };
        match value.trim().to_ascii_lowercase().as_str() {
            "gzip" | "x-gzip" => Coding::Gzip,
            "deflate" => Coding::Deflate,
            "br" => Coding::Brotli,
            _ => Coding::Identity,
        }
    }
}

/// Where decoded bytes go: a buffer that refuses (or, truncating, stops at) the cap.
struct Capped {
    out: Vec<u8>,
    cap: usize,
    truncate: bool,
    /// The cap was reached: past it when refusing, exactly at it when truncating.
    full: bool,
}

impl Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let room = self.cap.saturating_sub(self.out.len());
        if buf.len() > room {
            self.full = true;
            if !self.truncate {
                return Err(std::io::Error::other("over the cap"));
            }
            self.out.extend_from_slice(&buf[..room]);
            // Claim it all: the rest is dropped, and the reader stops at `full`.
            return Ok(buf.len());
        }
        self.out.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Streaming decoder of one body: the cap counts decoded bytes, so a gzip bomb stops early.
struct Decoder {
    coding: Coding,
    sink: Sink,
    /// Some compressed bytes arrived (an empty body is not a broken gzip stream).
    fed: bool,
    cap: u64,
}

enum Sink {
    Identity(Capped),
    Gzip(Box<flate2::write::MultiGzDecoder<Capped>>),
    Deflate(Box<flate2::write::ZlibDecoder<Capped>>),
    Brotli(Box<brotli_decompressor::DecompressorWriter<Capped>>),
}

impl Decoder {
    fn new(coding: Coding, cap: u64, truncate: bool) -> Decoder {
        let capped = Capped {
            out: Vec::new(),
            cap: usize::try_from(cap).unwrap_or(usize::MAX),
            truncate,
            full: false,
        };
        let sink = match coding {
            Coding::Identity => Sink::Identity(capped),
            Coding::Gzip => Sink::Gzip(Box::new(flate2::write::MultiGzDecoder::new(capped))),
            Coding::Deflate => Sink::Deflate(Box::new(flate2::write::ZlibDecoder::new(capped))),
            Coding::Brotli => Sink::Brotli(Box::new(brotli_decompressor::DecompressorWriter::new(
                capped, 8192,
            ))),
        };
        Decoder {
            coding,
            sink,
            fed: false,
            cap,
        }
    }

    fn capped(&self) -> &Capped {
        match &self.sink {
            Sink::Identity(c) => c,
            Sink::Gzip(d) => d.get_ref(),
            Sink::Deflate(d) => d.get_ref(),
            Sink::Brotli(d) => d.get_ref(),
        }
    }

    fn capped_mut(&mut self) -> &mut Capped {
        match &mut self.sink {
            Sink::Identity(c) => c,
            Sink::Gzip(d) => d.get_mut(),
            Sink::Deflate(d) => d.get_mut(),
            Sink::Brotli(d) => d.get_mut(),
        }
    }

    /// Feed raw bytes; false once a truncating cap is reached (stop reading).
    fn write(&mut self, data: &[u8]) -> Result<bool, TransportError> {
        if data.is_empty() {
            return Ok(true);
        }
        self.fed = true;
        let written = match &mut self.sink {
            Sink::Identity(c) => c.write_all(data),
            Sink::Gzip(d) => d.write_all(data),
            Sink::Deflate(d) => d.write_all(data),
            Sink::Brotli(d) => d.write_all(data),
        };
        let capped = self.capped();
        if capped.full {
            if capped.truncate {
                return Ok(false);
            }
            return Err(TransportError::TooLarge { cap: self.cap });
        }
        written.map_err(|e| TransportError::Decode(e.to_string()))?;
        Ok(true)
    }

    /// The decoded body; a compressed stream that does not end properly is an error.
    fn finish(mut self) -> Result<Vec<u8>, TransportError> {
        // An empty body (a redirect, `Content-Length: 0`) is not a broken compressed stream.
        if !self.fed {
            return Ok(Vec::new());
        }
        let reached = self.capped_mut();
        if reached.full && reached.truncate {
            // Cut at the cap on purpose: the stream's end was never read.
            return Ok(std::mem::take(&mut reached.out));
        }
        let ended = match &mut self.sink {
            Sink::Identity(_) => Ok(()),
            Sink::Gzip(d) => d.try_finish(),
            Sink::Deflate(d) => d.try_finish(),
            Sink::Brotli(d) => d.close(),
        };
        let cap = self.cap;
        let capped = self.capped_mut();
        if capped.full && !capped.truncate {
            return Err(TransportError::TooLarge { cap });
        }
        ended.map_err(|e| TransportError::Decode(e.to_string()))?;
        Ok(std::mem::take(&mut capped.out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let _ = enc.write_all(bytes);
        enc.finish().unwrap_or_default()
    }

    fn decode(coding: Coding, data: &[u8], cap: u64, truncate: bool) -> Result<Vec<u8>, String> {
        let mut decoder = Decoder::new(coding, cap, truncate);
        // Fed in small pieces, as a body arrives.
        for piece in data.chunks(7) {
            match decoder.write(piece) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => return Err(format!("{e:?}")),
            }
        }
        decoder.finish().map_err(|e| format!("{e:?}"))
    }

    #[test]
    fn gzip_is_decoded_under_the_cap_counted_after_decoding() {
        let page = b"<p>ZB2025-001</p>".repeat(100);
        let packed = gzip(&page);
        assert_eq!(
            decode(Coding::Gzip, &packed, 1 << 20, false),
            Ok(page.clone())
        );
        assert_eq!(
            decode(Coding::Gzip, &packed, 100, false),
            Err("TooLarge { cap: 100 }".to_string())
        );
        // robots.txt: the first bytes are kept, and the unread end of the stream is no error.
        assert_eq!(
            decode(Coding::Gzip, &packed, 100, true),
            Ok(page[..100].to_vec())
        );
    }

    #[test]
    fn a_broken_stream_is_a_decode_error_and_an_empty_body_is_none() {
        let packed = gzip(b"<p>ZB2025-001</p>");
        let cut = &packed[..packed.len() - 4];
        assert!(decode(Coding::Gzip, cut, 1 << 20, false).is_err_and(|e| e.starts_with("Decode")));
        assert_eq!(decode(Coding::Gzip, b"", 1 << 20, false), Ok(Vec::new()));
        assert_eq!(decode(Coding::Brotli, b"", 1 << 20, false), Ok(Vec::new()));
    }

    #[test]
    fn brotli_and_deflate_are_decoded() {
        // One uncompressed meta-block holding "hello", then the empty last one (RFC 7932 §9.2).
        let brotli = [0x40, 0x00, 0x10, b'h', b'e', b'l', b'l', b'o', 0x03];
        assert_eq!(
            decode(Coding::Brotli, &brotli, 1 << 20, false),
            Ok(b"hello".to_vec())
        );
        assert!(decode(Coding::Brotli, &brotli[..6], 1 << 20, false).is_err());
        assert_eq!(
            decode(Coding::Brotli, &brotli, 3, false),
            Err("TooLarge { cap: 3 }".to_string())
        );
        let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        let _ = zlib.write_all(b"hello");
        let deflated = zlib.finish().unwrap_or_default();
        assert_eq!(
            decode(Coding::Deflate, &deflated, 1 << 20, false),
            Ok(b"hello".to_vec())
        );
    }

    #[test]
    fn codings_are_read_case_insensitively_and_unknown_ones_kept() {
        let mut headers = HeaderMap::new();
        assert_eq!(Coding::of(&headers), Coding::Identity);
        for (value, coding) in [
            ("GZIP", Coding::Gzip),
            ("x-gzip", Coding::Gzip),
            (" br ", Coding::Brotli),
            ("deflate", Coding::Deflate),
            ("zstd", Coding::Identity),
        ] {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(value));
            assert_eq!(Coding::of(&headers), coding, "{value}");
        }
    }
}
