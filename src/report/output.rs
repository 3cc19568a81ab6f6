//! Where the report goes: stdout, or a file written whole or not at all.
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use tempfile::NamedTempFile;

/// The report's destination.
pub enum Output {
    /// Standard output (block-buffered; flushed at the end).
    Stdout,
    /// A temporary file beside `dest`, renamed over it on `commit`.
    File {
        /// The temporary file.
        tmp: NamedTempFile,
        /// The final path.
        dest: PathBuf,
    },
}

impl Output {
    /// Open stdout (`None` or `-`) or a temporary file beside `path`.
    pub fn open(path: Option<&Path>) -> anyhow::Result<Output> {
        match path {
            None => Ok(Output::Stdout),
            Some(p) if p.as_os_str() == "-" => Ok(Output::Stdout),
            Some(p) => {
                let dir = match p.parent() {
                    Some(d) if !d.as_os_str().is_empty() => d,
                    _ => Path::new("."),
                };
                let mut builder = tempfile::Builder::new();
                builder.prefix(".tenderscan-report-");
                // A report is for sharing: not the 0600 a temp file gets by default.
                #[cfg(unix)]
                {
                    use std::os::unix::fs::PermissionsExt;
                    builder.permissions(std::fs::Permissions::from_mode(0o644));
                }
                let tmp = builder.tempfile_in(dir).with_context(|| {
                    format!("cannot create the report file in {}", dir.display())
                })?;
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
            tmp.persist(&dest)
                .with_context(|| format!("writing {}", dest.display()))?;
        }
        Ok(())
    }
}
