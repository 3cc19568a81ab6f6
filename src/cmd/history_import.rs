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

/// Bad lines named on stderr; the rest are counted in one line.
const MAX_BAD_LINE_WARNINGS: usize = 20;

/// Import the files into the history at `path` (created if needed); returns the exit code.
pub fn run(path: &Path, files: &[PathBuf], quiet: bool) -> anyhow::Result<u8> {
    // Before the history is touched: a CSV report or any other wrong file records no empty run.
    for file in files {
        check_first_record(file, open(file)?)?;
    }
    let mut history = History::open(path)?;
    let command = std::env::args().collect::<Vec<_>>().join(" ");
    let run = history.begin_run(&command)?;
    let mut summary = RunSummary::default();
    let mut bad = 0usize;
    for file in files {
        import_file(&mut history, run, file, open(file)?, &mut summary, &mut bad)?;
    }
    if bad > MAX_BAD_LINE_WARNINGS {
        tracing::warn!(
            "{} more lines were not records (skipped)",
            bad - MAX_BAD_LINE_WARNINGS
        );
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

fn open(file: &Path) -> anyhow::Result<std::io::BufReader<std::fs::File>> {
    let f = std::fs::File::open(file).with_context(|| format!("opening {}", file.display()))?;
    Ok(std::io::BufReader::new(f))
}

/// Fail unless the first non-blank line of `reader` is a JSON object: a file that is not JSON
/// Lines at all is one error, not a warning per line.
/// Read the next line, or its first [`MAX_LINE`] bytes, into `line` (cleared first); 0 at the end.
fn read_piece(reader: &mut impl BufRead, line: &mut Vec<u8>, name: &Path) -> anyhow::Result<usize> {
    line.clear();
    reader
        .take(MAX_LINE)
        .read_until(b'\n', line)
        .with_context(|| format!("reading {}", name.display()))
}

fn check_first_record(name: &Path, mut reader: impl BufRead) -> anyhow::Result<()> {
    let mut line = Vec::new();
    loop {
        if read_piece(&mut reader, &mut line, name)? == 0 {
            return Ok(());
        }
        if !line.iter().all(u8::is_ascii_whitespace) {
            break;
        }
    }
    // A JSON object that is not a record (another tool's JSON Lines, a damaged line) is left to
    // the per-line warnings; anything else (CSV, a JSON array, HTML) is the wrong file.
    match serde_json::from_slice::<serde_json::Value>(&line) {
        Ok(serde_json::Value::Object(_)) => Ok(()),
        Ok(_) => anyhow::bail!(
            "{}: not JSON Lines (the first line is not a JSON object); `history import` reads the output of `scan -f jsonl --all`; nothing imported",
            name.display()
        ),
        Err(e) => anyhow::bail!(
            "{}: not JSON Lines (first line: {e}); `history import` reads the output of `scan -f jsonl --all`; nothing imported",
            name.display()
        ),
    }
}

/// Import one JSON Lines stream; lines that were not records are added to `bad` (the first
/// [`MAX_BAD_LINE_WARNINGS`] of the run are named).
fn import_file(
    history: &mut History,
    run: i64,
    name: &Path,
    mut reader: impl BufRead,
    summary: &mut RunSummary,
    bad: &mut usize,
) -> anyhow::Result<()> {
    let mut line = Vec::new();
    for number in 1.. {
        if read_piece(&mut reader, &mut line, name)? == 0 {
            break;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let mut record: Record = match serde_json::from_slice(&line) {
            Ok(r) => r,
            Err(e) => {
                *bad += 1;
                if *bad <= MAX_BAD_LINE_WARNINGS {
                    tracing::warn!("{}:{number}: not a record ({e}); skipped", name.display());
                }
                // An over-long line: drop the rest of it, a capped piece at a time.
                while !line.ends_with(b"\n") {
                    if read_piece(&mut reader, &mut line, name)? == 0 {
                        break;
                    }
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
    Ok(())
}
