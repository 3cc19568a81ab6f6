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
    writer: Option<ReportWriter<Box<dyn Write + Send>>>,
    history: Option<(History, i64)>,
    summary: RunSummary,
    worst: Alert,
    reviews: Option<Reviews>,
    lists_stored: bool,
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
        let output = Output::open(opts.output.as_deref())?;
        let writer = ReportWriter::with_ocid_prefix(
            opts.format,
            output.writer()?,
            opts.excel,
            &opts.ocid_prefix,
        )?;
        Ok(Session {
            opts: opts.clone(),
            new_only: history_opts.new_only,
            quiet: global.quiet,
            output: Some(output),
            writer: Some(writer),
            history,
            summary: RunSummary::default(),
            worst: Alert::None,
            reviews,
            lists_stored: false,
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
        if let Some(w) = &mut self.writer {
            w.write(&record)?;
        }
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

    /// Counts so far.
    pub fn summary(&self) -> &RunSummary {
        &self.summary
    }

    /// Close the report and the run, print the summary line, and compute the exit code.
    pub fn finish(mut self) -> anyhow::Result<u8> {
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
            let mut history = if self.history.is_some() {
                format!(", new {}, updated {}", s.new, s.updated)
            } else {
                String::new()
            };
            let retries = crate::fetch::retry_count();
            if retries > 0 {
                history.push_str(&format!(", retries {retries}"));
            }
            eprintln!(
                "tenderscan: scanned {}{history}, failed {}; reported {} (high {}, medium {}, low {}, none {})",
                s.scanned,
                s.failed,
                s.reported,
                s.by_level[3],
                s.by_level[2],
                s.by_level[1],
                s.by_level[0]
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

/// Peak resident memory of this process (Linux `VmHWM`), for `-v` and the benchmark.
fn peak_memory_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}
