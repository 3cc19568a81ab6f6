//! `history import FILE.jsonl…`: merge JSON Lines reports (e.g. the outputs of `scan --shard`
//! on several machines) into a history as one run, so they feed the same daily report.
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::exit;
use crate::history::{History, Seen};
use crate::model::{Record, RunSummary};

/// Longest JSON line read (a record is a few KiB; a longer line is reported, not allocated).
const MAX_LINE: u64 = 16 * 1024 * 1024;

/// Import the files into the history at `path` (created if needed); returns the exit code.
pub fn run(path: &Path, files: &[PathBuf], quiet: bool) -> anyhow::Result<u8> {
    let mut history = History::open(path)?;
    let command = std::env::args().collect::<Vec<_>>().join(" ");
    let run = history.begin_run(&command)?;
    let mut summary = RunSummary::default();
    let mut bad = 0usize;
    for file in files {
        let reader = std::io::BufReader::new(
            std::fs::File::open(file).with_context(|| format!("opening {}", file.display()))?,
        );
        bad += import_file(&mut history, run, file, reader, &mut summary)?;
    }
    history.finish_run(run, &summary)?;
    if !quiet {
        eprintln!(
            "tenderscan: imported {} records into {} (new {}, updated {}, failed inputs {}); {} bad lines",
            summary.scanned + summary.failed,
            path.display(),
            summary.new,
            summary.updated,
            summary.failed,
            bad
        );
    }
    Ok(if bad > 0 { exit::PARTIAL } else { exit::OK })
}

/// Import one JSON Lines stream; returns the number of lines that were not records.
fn import_file(
    history: &mut History,
    run: i64,
    name: &Path,
    mut reader: impl BufRead,
    summary: &mut RunSummary,
) -> anyhow::Result<usize> {
    let mut bad = 0;
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        let n = (&mut reader)
            .take(MAX_LINE)
            .read_until(b'\n', &mut line)
            .with_context(|| format!("reading {}", name.display()))?;
        if n == 0 {
            break;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let mut record: Record = match serde_json::from_slice(&line) {
            Ok(r) => r,
            Err(e) => {
                bad += 1;
                tracing::warn!("{}:{number}: not a record ({e}); skipped", name.display());
                if !line.ends_with(b"\n") {
                    // An over-long line: drop the rest of it.
                    let mut rest = Vec::new();
                    let _ = reader.read_until(b'\n', &mut rest);
                }
                continue;
            }
        };
        // A shard run with its own history marked records new/updated; the merged history decides again.
        record.status = None;
        record.reasons.retain(|r| !r.starts_with("changed: "));
        if record.error.is_some() {
            summary.failed += 1;
        } else {
            summary.scanned += 1;
        }
        match history
            .observe(run, &record)
            .context("writing to the history")?
        {
            Seen::New if record.error.is_none() => summary.new += 1,
            Seen::Updated(_) => summary.updated += 1,
            _ => {}
        }
        summary.reported += 1;
        if record.error.is_none() {
            summary.by_level[record.alert as usize] += 1;
        }
    }
    Ok(bad)
}
