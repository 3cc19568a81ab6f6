//! A reporting session shared by `scan` and `crawl`: filters, history, the report file, the
//! stderr summary and the exit code.
use std::io::Write;

use anyhow::Context;

use crate::cli::{Global, ReportOpts};
use crate::cmd::digest::Digest;
use crate::exit;
use crate::history::{History, HistoryOpts, Seen};
use crate::model::{Alert, Record, RunSummary};
use crate::report::{Output, ReportWriter};
use crate::review::Reviews;

/// One run's report being written.
pub struct Session {
    opts: ReportOpts,
    new_only: bool,
    quiet: bool,
    output: Option<Output>,
    /// Started with the first record written, or at the end: a run that fails before any input
    /// leaves nothing on stdout (a header alone would read like a quiet day).
    writer: Option<ReportWriter<Box<dyn Write + Send>>>,
    history: Option<(History, i64)>,
    summary: RunSummary,
    worst: Alert,
    reviews: Option<Reviews>,
    lists_stored: bool,
    /// `--rescreen`: stored notices re-screened, and on how many the alert went up.
    rescreened: Option<(usize, usize)>,
    /// Held for the whole run: one run at a time per history.
    _lock: Option<crate::history::lock::RunLock>,
    digest: Option<Digest>,
}

impl Session {
    /// Open the report destination and the history (if any) and start a run.
    pub fn start(
        opts: &ReportOpts,
        history_opts: &HistoryOpts,
        global: &Global,
        command: &str,
    ) -> anyhow::Result<Session> {
        let mut lock = None;
        let history = match history_opts.path() {
            Some(path) => {
                lock = Some(crate::history::lock::acquire(
                    &path,
                    std::time::Duration::from_secs(history_opts.lock_timeout),
                )?);
                let mut h = History::open(&path)?;
                let run = h.begin_run(command)?;
                Some((h, run))
            }
            None if history_opts.new_only => {
                anyhow::bail!("--new-only needs a history (--history FILE)")
            }
            None => None,
        };
        let reviews = opts.reviewed.as_deref().map(Reviews::load).transpose()?;
        // Opened now, so that an unwritable -o fails before any work.
        let output = Output::open(opts.output.as_deref())?;
        Ok(Session {
            opts: opts.clone(),
            new_only: history_opts.new_only,
            quiet: global.quiet,
            output: Some(output),
            writer: None,
            history,
            summary: RunSummary::default(),
            worst: Alert::None,
            reviews,
            lists_stored: false,
            rescreened: None,
            _lock: lock,
            digest: opts.fail_on.map(|l| Digest::new(l.alert())),
        })
    }

    /// Account for one record and write it if it belongs in the report.
    pub fn emit(&mut self, mut record: Record) -> anyhow::Result<()> {
        let mut seen = Seen::New;
        if let Some(err) = &record.error {
            self.summary.failed += 1;
            // Always shown, even with -q: the user must know which inputs are missing from the report.
            eprintln!("tenderscan: {}: {err}", record.source);
        } else {
            self.summary.scanned += 1;
        }
        if let Some((h, run)) = &mut self.history {
            // Every record of a run carries the same lists: store them on the run once.
            if !self.lists_stored && !record.screened_against.is_empty() {
                h.set_run_lists(*run, &record.screened_against)
                    .context("writing to the history")?;
                self.lists_stored = true;
            }
            seen = h.observe(*run, &record).context("writing to the history")?;
            if record.error.is_none() {
                match &seen {
                    Seen::New => {
                        self.summary.new += 1;
                        record.status = Some("new".into());
                    }
                    Seen::Updated(changes) => {
                        self.summary.updated += 1;
                        record.status = Some("updated".into());
                        record
                            .reasons
                            .extend(changes.iter().map(|c| format!("changed: {c}")));
                    }
                    Seen::Unchanged => {}
                }
            }
        }
        // After the history: it keeps what the screening found, so that clearing a hit is not
        // itself a change that reports the notice again; only a changed page is.
        if let Some(reviews) = &mut self.reviews {
            reviews.apply(&mut record);
        }
        let wanted = if record.error.is_some() {
            true
        } else if self.new_only && seen == Seen::Unchanged {
            false
        } else {
            self.opts.all || record.has_findings() || (record.status.as_deref() == Some("updated"))
        };
        if !wanted {
            return Ok(());
        }
        self.writer()?.write(&record)?;
        self.summary.reported += 1;
        if record.error.is_none() {
            self.summary.by_level[record.alert as usize] += 1;
            self.worst = self.worst.max(record.alert);
        }
        if let Some(d) = &mut self.digest {
            d.note(&record);
        }
        Ok(())
    }

    /// The report writer, started on first use.
    fn writer(&mut self) -> anyhow::Result<&mut ReportWriter<Box<dyn Write + Send>>> {
        let writer = match self.writer.take() {
            Some(w) => w,
            None => {
                let output = self
                    .output
                    .as_ref()
                    .context("the report is already closed")?;
                ReportWriter::with_ocid_prefix(
                    self.opts.format,
                    output.writer()?,
                    self.opts.excel,
                    &self.opts.ocid_prefix,
                )?
            }
        };
        Ok(self.writer.insert(writer))
    }

    /// The alert a record would be reported with once the `--reviewed` verdicts are applied.
    pub fn reviewed_alert(&mut self, record: &Record) -> Alert {
        match &mut self.reviews {
            Some(reviews) => {
                let mut copy = record.clone();
                reviews.apply(&mut copy);
                copy.alert
            }
            None => record.alert,
        }
    }

    /// Record what `--rescreen` did, for the summary line.
    pub fn note_rescreened(&mut self, stored: usize, rose: usize) {
        self.rescreened = Some((stored, rose));
    }

    /// Counts so far.
    pub fn summary(&self) -> &RunSummary {
        &self.summary
    }

    /// Close the report and the run, print the summary line, and compute the exit code.
    pub fn finish(mut self) -> anyhow::Result<u8> {
        // An empty report is still written whole (a CSV header, an empty JSON array).
        self.writer()?;
        if let Some(w) = self.writer.take() {
            drop(w.finish()?);
        }
        if let Some(reviews) = &self.reviews {
            reviews.warn_unused();
        }
        if let Some(out) = self.output.take() {
            out.commit()?;
        }
        if let Some((h, run)) = &mut self.history {
            h.finish_run(*run, &self.summary)?;
        }
        if let Some(mib) = peak_memory_mib() {
            tracing::info!("peak memory {mib:.1} MiB");
        }
        let s = &self.summary;
        if !self.quiet {
            eprintln!(
                "tenderscan: {}",
                summary_line(s, self.rescreened, self.history.is_some())
            );
        }
        // Even with -q: with --fail-on this is what cron mails. Nothing when nothing was found.
        if let Some(text) = self.digest.as_ref().and_then(|d| d.render(&s.by_level)) {
            eprint!("{text}");
        }
        Ok(if crate::signal::interrupted() {
            exit::INTERRUPTED
        } else if self
            .opts
            .fail_on
            .is_some_and(|l| s.reported > 0 && self.worst >= l.alert())
        {
            exit::ALERT
        } else if s.scanned == 0 && s.failed > 0 {
            exit::ALL_FAILED
        } else if s.failed > 0 {
            exit::PARTIAL
        } else {
            exit::OK
        })
    }
}

/// The stderr summary: `scanned …, failed …; reported R (high …, medium …, low …, none …)`. The
/// levels count notices; failed inputs are reported too (as `alert: none` rows with an `error`), so
/// they get their own count in the parentheses and the line adds up to R.
fn summary_line(s: &RunSummary, rescreened: Option<(usize, usize)>, history: bool) -> String {
    let mut line = format!("scanned {}", s.scanned);
    if let Some((stored, rose)) = rescreened {
        line.push_str(&format!(
            ", re-screened {} (alert up on {rose})",
            crate::plural::count(stored, "stored notice", "stored notices")
        ));
    }
    if history {
        line.push_str(&format!(", new {}, updated {}", s.new, s.updated));
    }
    let retries = crate::fetch::retry_count();
    if retries > 0 {
        line.push_str(&format!(", retries {retries}"));
    }
    let failed_reported = s.reported.saturating_sub(s.by_level.iter().sum::<usize>());
    line.push_str(&format!(
        ", failed {}; reported {} (high {}, medium {}, low {}, none {}{})",
        s.failed,
        s.reported,
        s.by_level[3],
        s.by_level[2],
        s.by_level[1],
        s.by_level[0],
        if failed_reported > 0 {
            format!(", failed {failed_reported}")
        } else {
            String::new()
        }
    ));
    line
}

/// Peak resident memory of this process (Linux `VmHWM`), for `-v` and the benchmark.
fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_line_adds_up_with_failed_inputs() {
        let s = RunSummary {
            scanned: 2,
            failed: 3,
            reported: 5,
            by_level: [1, 0, 0, 1],
            ..RunSummary::default()
        };
        assert_eq!(
            summary_line(&s, None, false),
            "scanned 2, failed 3; reported 5 (high 1, medium 0, low 0, none 1, failed 3)"
        );
        let clean = RunSummary {
            scanned: 1,
            reported: 1,
            by_level: [0, 1, 0, 0],
            ..RunSummary::default()
        };
        assert_eq!(
            summary_line(&clean, Some((150, 1)), true),
            "scanned 1, re-screened 150 stored notices (alert up on 1), new 0, updated 0, failed 0; reported 1 (high 0, medium 0, low 1, none 0)"
        );
    }
}
