//! `scan FILE.warc[.gz]`: the HTML/text responses of a WARC file through the pipeline, in
//! parallel batches, damaged records skipped with a message.
use rayon::prelude::*;

use crate::cli::Global;
use crate::cmd::session::Session;
use crate::model::{Page, Record};
use crate::pipeline::Engine;
use crate::warc::{self, ReadStats};

/// Pages scanned in parallel per batch (memory stays bounded on multi-GB WARC files).
const BATCH: usize = 64;

/// Scan one WARC file; returns what was read. Only an unopenable file is an error.
pub fn scan_file(
    engine: &Engine,
    pool: &rayon::ThreadPool,
    path: &std::path::Path,
    max_bytes: u64,
    keep: &dyn Fn(&Page) -> bool,
    session: &mut Session,
    global: &Global,
) -> anyhow::Result<ReadStats> {
    let name = path.display().to_string();
    let mut stats = ReadStats::default();
    let mut batch: Vec<Page> = Vec::new();
    let flush = |batch: &mut Vec<Page>, session: &mut Session| -> anyhow::Result<()> {
        let records: Vec<Record> =
            pool.install(|| batch.par_iter().map(|p| engine.scan(p)).collect());
        batch.clear();
        records.into_iter().try_for_each(|r| session.emit(r))
    };
    for item in warc::records(path, max_bytes)? {
        if crate::signal::interrupted() {
            break;
        }
        let page = item.and_then(|record| {
            stats.records += 1;
            warc::page_from_record(&record, max_bytes)
        });
        match page {
            Ok(Some(page)) if keep(&page) => {
                stats.pages += 1;
                batch.push(page);
                if batch.len() >= BATCH {
                    flush(&mut batch, session)?;
                }
            }
            Ok(_) => stats.skipped += 1,
            Err(reason) => {
                stats.broken += 1;
                tracing::warn!("{name}: {reason}; skipped");
            }
        }
    }
    flush(&mut batch, session)?;
    if !global.quiet {
        eprintln!(
            "tenderscan: {name}: {} WARC records, {} pages scanned, {} other records skipped, {} damaged",
            stats.records, stats.pages, stats.skipped, stats.broken
        );
    }
    Ok(stats)
}
