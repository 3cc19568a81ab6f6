//! `watchlist update`: download the official CSL, check it parses, and replace the saved copy
//! atomically, so a failed download never leaves scan without a list.
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::{Format, detect_format, load_file};

/// trade.gov's bulk CSV (ITA recommends the bulk file over paging the search API).
pub const DEFAULT_URL: &str =
    "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv";

/// Base names of the saved list; the extension follows the downloaded format.
const SAVED_STEM: &str = "consolidated";

/// Where `update` saves the list: `$TENDERSCAN_DATA_DIR`, else the user's data directory.
pub fn data_dir() -> anyhow::Result<PathBuf> {
    if let Some(dir) = std::env::var_os("TENDERSCAN_DATA_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "tenderscan")
        .map(|p| p.data_dir().to_path_buf())
        .context("no home directory to keep the downloaded list in; set TENDERSCAN_DATA_DIR")
}

/// The list saved by a previous `update`, if any.
pub fn saved_list() -> anyhow::Result<Option<PathBuf>> {
    let dir = data_dir()?;
    Ok(["csv", "json"]
        .iter()
        .map(|ext| dir.join(format!("{SAVED_STEM}.{ext}")))
        .find(|p| p.is_file()))
}

/// What an update did.
#[derive(Debug, Clone)]
pub struct UpdateReport {
    /// The file written.
    pub path: PathBuf,
    /// Entries per list (`source`).
    pub counts: BTreeMap<String, usize>,
    /// Bytes downloaded.
    pub bytes: usize,
}

/// Default cap on a downloaded list (the CSL is ~25 MB; a bigger answer is not a list).
pub const DEFAULT_MAX_BYTES: u64 = 256 << 20;

/// Download `url` and store it at `out` (default: the data dir), keeping the previous copy on
/// any failure. The body is streamed to a temporary file beside the target and capped at
/// `max_bytes` after decompression, so an endless body or a gzip bomb fails cleanly.
pub fn update(url: &str, out: Option<&Path>, max_bytes: u64) -> anyhow::Result<UpdateReport> {
    let dir = match out {
        Some(p) => match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        },
        None => data_dir()?,
    };
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".tenderscan-update")
        .tempfile_in(&dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let bytes = runtime.block_on(download(url, tmp.as_file_mut(), max_bytes))?;
    tmp.flush().context("writing the temporary file")?;
    store_file(tmp, bytes, out)
}

async fn download(url: &str, file: &mut std::fs::File, max_bytes: u64) -> anyhow::Result<usize> {
    use futures_util::StreamExt as _;
    let client = reqwest::Client::builder()
        .user_agent(concat!("tenderscan/", env!("CARGO_PKG_VERSION")))
        .timeout(std::time::Duration::from_secs(300))
        .build()
        .context("building the HTTP client")?;
    let response = client
        .get(url)
        .send()
        .await
        .with_context(|| format!("downloading {url}"))?;
    let status = response.status();
    if !status.is_success() {
        bail!("downloading {url}: HTTP {status}; the previous list is kept");
    }
    let too_big = || {
        anyhow::anyhow!(
            "downloading {url}: the list is larger than --max-bytes {max_bytes} bytes (after decompression); the previous list is kept"
        )
    };
    if response.content_length().is_some_and(|len| len > max_bytes) {
        return Err(too_big());
    }
    let mut written = 0usize;
    let mut stream = response.bytes_stream();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.with_context(|| {
            format!("reading the body of {url} (after {written} bytes); the previous list is kept")
        })?;
        written += chunk.len();
        if written as u64 > max_bytes {
            return Err(too_big());
        }
        file.write_all(&chunk)
            .context("writing the temporary file")?;
    }
    Ok(written)
}

/// Check the downloaded file parses as a CSL and rename it into place.
fn store_file(
    tmp: tempfile::NamedTempFile,
    bytes: usize,
    out: Option<&Path>,
) -> anyhow::Result<UpdateReport> {
    let head = {
        use std::io::Read as _;
        let mut head = Vec::new();
        std::fs::File::open(tmp.path())
            .and_then(|f| f.take(64 * 1024).read_to_end(&mut head))
            .context("reading the temporary file")?;
        head
    };
    // The head may end inside a character; only the complete part is needed to sniff the format.
    let valid = match std::str::from_utf8(&head) {
        Ok(t) => t,
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or("")
        }
        Err(_) => bail!("the downloaded list is not UTF-8; the previous list is kept"),
    };
    let ext = match detect_format(valid) {
        Some(Format::CslCsv) => "csv",
        Some(Format::CslJson) => "json",
        _ => bail!(
            "the download is not a Consolidated Screening List (CSV or JSON); the previous list is kept"
        ),
    };
    let list = load_file(tmp.path())
        .context("the downloaded list does not parse; the previous list is kept")?;
    persist(tmp, ext, out, list, bytes)
}

/// Check `body` parses as a CSL and write it atomically; the previous copy survives any error.
pub fn store(body: &[u8], out: Option<&Path>) -> anyhow::Result<UpdateReport> {
    let text = std::str::from_utf8(body)
        .context("the downloaded list is not UTF-8; the previous list is kept")?;
    let format = detect_format(text);
    let ext = match format {
        Some(Format::CslCsv) => "csv",
        Some(Format::CslJson) => "json",
        _ => bail!(
            "the download is not a Consolidated Screening List (CSV or JSON); the previous list is kept"
        ),
    };
    let target = match out {
        Some(p) => p.to_path_buf(),
        None => data_dir()?.join(format!("{SAVED_STEM}.{ext}")),
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".tenderscan-update")
        .suffix(&format!(".{ext}"))
        .tempfile_in(&dir)
        .with_context(|| format!("creating a temporary file in {}", dir.display()))?;
    tmp.write_all(body).context("writing the temporary file")?;
    tmp.flush().context("writing the temporary file")?;
    // Parse the very bytes that will be kept, before they replace anything.
    let list = load_file(tmp.path())
        .context("the downloaded list does not parse; the previous list is kept")?;
    persist(tmp, ext, out, list, body.len())
}

/// Rename a checked list into place (and drop a saved list of the other format).
fn persist(
    tmp: tempfile::NamedTempFile,
    ext: &str,
    out: Option<&Path>,
    list: super::Watchlist,
    bytes: usize,
) -> anyhow::Result<UpdateReport> {
    let target = match out {
        Some(p) => p.to_path_buf(),
        None => data_dir()?.join(format!("{SAVED_STEM}.{ext}")),
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    tmp.as_file()
        .sync_all()
        .context("syncing the temporary file")?;
    tmp.persist(&target)
        .with_context(|| format!("replacing {}", target.display()))?;
    if out.is_none() {
        // A saved list in the other format would shadow or confuse the new one.
        let other = if ext == "csv" { "json" } else { "csv" };
        let stale = dir.join(format!("{SAVED_STEM}.{other}"));
        if stale.is_file() {
            std::fs::remove_file(&stale)
                .with_context(|| format!("removing the stale {}", stale.display()))?;
        }
    }
    Ok(UpdateReport {
        path: target,
        counts: list.counts_by_list(),
        bytes,
    })
}
