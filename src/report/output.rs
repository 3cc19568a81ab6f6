//! Where the report goes: stdout, or a file written whole or not at all.
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use anyhow::Context;
use tempfile::NamedTempFile;

/// The report's destination.
pub enum Output {
    /// Standard output (block-buffered; flushed at the end).
    Stdout,
    /// An existing device or FIFO (`-o /dev/null`, a named pipe): written directly, since
    /// renaming a temporary file over it would replace the device with a regular file.
    Special(File),
    /// A temporary file beside `dest`, renamed over it on `commit`.
    File {
        /// The temporary file.
        tmp: NamedTempFile,
        /// The final path.
        dest: PathBuf,
    },
}

/// The operating system's words for an I/O error (`No such file or directory (os error 2)`),
/// without the path of the temporary file that `tempfile` adds to its message.
fn os_cause(e: &std::io::Error) -> String {
    let mut cause: Option<&dyn std::error::Error> = Some(e);
    while let Some(c) = cause {
        if let Some(code) = c
            .downcast_ref::<std::io::Error>()
            .and_then(std::io::Error::raw_os_error)
        {
            return std::io::Error::from_raw_os_error(code).to_string();
        }
        cause = c.source();
    }
    // tempfile wraps the OS error in a type of its own that hides it from `source()`; its text is
    // the OS error's, then ` at path "…"`.
    let text = e.to_string();
    match text.rfind(" at path ") {
        Some(end) => text[..end].to_owned(),
        None => text,
    }
}

impl Output {
    /// Open stdout (`None` or `-`) or a temporary file beside `path`.
    pub fn open(path: Option<&Path>) -> anyhow::Result<Output> {
        match path {
            None => Ok(Output::Stdout),
            Some(p) if p.as_os_str() == "-" => Ok(Output::Stdout),
            Some(p) if std::fs::metadata(p).is_ok_and(|m| !m.is_file() && !m.is_dir()) => {
                let f = std::fs::OpenOptions::new()
                    .write(true)
                    .open(p)
                    .with_context(|| format!("opening {}", p.display()))?;
                Ok(Output::Special(f))
            }
            Some(p) => {
                let dir = match p.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d,
                    _ => Path::new("."),
                };
                let mut builder = tempfile::Builder::new();
                builder.prefix(TEMP_PREFIX);
                // A report is for sharing: not the 0600 a temp file gets by default.
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    builder.permissions(std::fs::Permissions::from_mode(0o644));
                }
                remove_stale_temp_files(dir);
                // tempfile's error names the temporary file; the user knows only the target.
                let tmp = builder.tempfile_in(dir).map_err(|e| {
                    anyhow::anyhow!(
                        "cannot create the report file {}: {}",
                        p.display(),
                        os_cause(&e)
                    )
                })?;
                crate::signal::remove_on_exit(tmp.path());
                Ok(Output::File {
                    tmp,
                    dest: p.to_path_buf(),
                })
            }
        }
    }

    /// A buffered writer into the destination.
    pub fn writer(&self) -> anyhow::Result<Box<dyn Write + Send>> {
        Ok(match self {
            Output::Stdout => Box::new(BufWriter::with_capacity(64 * 1024, std::io::stdout())),
            Output::Special(f) => Box::new(BufWriter::with_capacity(
                64 * 1024,
                f.try_clone().context("opening the report file")?,
            )),
            Output::File { tmp, .. } => {
                let f: File = tmp
                    .as_file()
                    .try_clone()
                    .context("opening the report file")?;
                Box::new(BufWriter::with_capacity(64 * 1024, f))
            }
        })
    }

    /// Make the report visible: fsync and rename a file into place (stdout: nothing to do).
    pub fn commit(self) -> anyhow::Result<()> {
        if let Output::File { tmp, dest } = self {
            tmp.as_file()
                .sync_all()
                .context("syncing the report file")?;
            let path = tmp.path().to_path_buf();
            let persisted = tmp.persist(&dest);
            crate::signal::forget_temp_file(&path);
            persisted.with_context(|| format!("writing {}", dest.display()))?;
        }
        Ok(())
    }
}

/// Prefix of the temporary report files.
const TEMP_PREFIX: &str = ".tenderscan-report-";

/// A temporary report file older than this was left by a killed run (SIGKILL, power cut).
const STALE_AFTER: Duration = Duration::from_secs(24 * 3600);

/// Remove `.tenderscan-report-*` files older than a day in `dir`: SIGKILL cannot be caught, so
/// the next run in the same folder cleans up. Younger ones may belong to a run in progress.
pub fn remove_stale_temp_files(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !name.to_string_lossy().starts_with(TEMP_PREFIX) {
            continue;
        }
        let old = entry
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|t| now.duration_since(t).ok())
            .is_some_and(|age| age > STALE_AFTER);
        if old {
            match std::fs::remove_file(entry.path()) {
                Ok(()) => tracing::info!("removed a stale {}", entry.path().display()),
                Err(e) => tracing::warn!("cannot remove {}: {e}", entry.path().display()),
            }
        }
    }
}
