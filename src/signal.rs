//! Ctrl-C / SIGTERM / SIGHUP: finish the current page, write what was done, exit 130.
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Temporary files to delete if a second signal ends the process at once.
static TEMP_FILES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Install the handler for Ctrl-C, SIGTERM and SIGHUP (a second signal exits at once, removing
/// the report's temporary file).
pub fn install() {
    let _ = ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            remove_temp_files();
            std::process::exit(i32::from(crate::exit::INTERRUPTED));
        }
        eprintln!("tenderscan: interrupted, finishing the current page (Ctrl-C again to quit now)");
    });
}

/// True once Ctrl-C (or SIGTERM) was received.
pub fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::SeqCst)
}

/// Delete `path` if the process is ended by a second signal before [`forget_temp_file`].
pub fn remove_on_exit(path: &Path) {
    if let Ok(mut files) = TEMP_FILES.lock() {
        files.push(path.to_path_buf());
    }
}

/// `path` was renamed into place or removed: nothing to clean up any more.
pub fn forget_temp_file(path: &Path) {
    if let Ok(mut files) = TEMP_FILES.lock() {
        files.retain(|p| p != path);
    }
}

fn remove_temp_files() {
    if let Ok(files) = TEMP_FILES.lock() {
        for f in files.iter() {
            let _ = std::fs::remove_file(f);
        }
    }
}
