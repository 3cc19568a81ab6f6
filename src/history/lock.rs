//! One run at a time per history: an exclusive lock on `<history>.lock`, held for the whole run.
//!
//! SQLite's own locking is per transaction, so two overlapping runs would each see a notice as
//! new before the other commits it. A second run waits up to `--lock-timeout` for the first to
//! end, then fails with exit 1. The lock is the operating system's (flock), so a killed run
//! releases it at once; the file itself is left in place (removing it would race).
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How often a waiting run retries the lock.
const POLL: Duration = Duration::from_millis(100);

/// A held run lock; released when dropped (or when the process dies).
#[derive(Debug)]
pub struct RunLock {
    _file: File,
}

/// The lock file of a history: `history.sqlite3.lock` beside it.
pub fn lock_path(history: &Path) -> PathBuf {
    let mut name = history.as_os_str().to_owned();
    name.push(".lock");
    PathBuf::from(name)
}

/// Take the run lock of `history`, waiting up to `timeout` for another run to finish.
pub fn acquire(history: &Path, timeout: Duration) -> anyhow::Result<RunLock> {
    let path = lock_path(history);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| anyhow::anyhow!("{}: cannot create the directory: {e}", dir.display()))?;
    }
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| anyhow::anyhow!("{}: cannot open the lock file: {e}", path.display()))?;
    let started = Instant::now();
    let mut told = false;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(RunLock { _file: file }),
            Err(TryLockError::WouldBlock) => {
                if started.elapsed() >= timeout {
                    anyhow::bail!(
                        "{}: another tenderscan run is using this history (waited {} s, see --lock-timeout); try again when it has finished",
                        history.display(),
                        timeout.as_secs()
                    );
                }
                if !told {
                    tracing::info!(
                        "{}: another run holds the history, waiting up to {} s",
                        history.display(),
                        timeout.as_secs()
                    );
                    told = true;
                }
                std::thread::sleep(POLL.min(timeout.saturating_sub(started.elapsed())));
            }
            Err(TryLockError::Error(e)) => {
                anyhow::bail!("{}: cannot lock: {e}", path.display())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_waits_then_fails() {
        let dir = tempfile::tempdir().expect("tempdir");
        let history = dir.path().join("h.sqlite3");
        let first = acquire(&history, Duration::ZERO).expect("first lock");
        let t = Instant::now();
        let err = acquire(&history, Duration::from_millis(300)).expect_err("held");
        assert!(t.elapsed() >= Duration::from_millis(300));
        assert!(err.to_string().contains("another tenderscan run"));
        drop(first);
        assert!(acquire(&history, Duration::ZERO).is_ok());
    }
}
