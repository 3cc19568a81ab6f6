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
        let history = match history_opts.path() {
            Some(path) => {
                let mut h = History::open(&path)?;
                let run = h.begin_run(command)?;
                Some((h, run))
            }
            None if history_opts.new_only => {
                anyhow::bail!("--new-only needs a history (--history FILE)")
            }
            None => None,
        };
        let output = Output::open(opts.output.as_deref())?;
        let writer = ReportWriter::new(opts.format, output.writer()?, opts.excel)?;
        Ok(Session {
            opts: opts.clone(),
            new_only: history_opts.new_only,
            quiet: global.quiet,
            output: Some(output),
            writer: Some(writer),
            history,
            summary: RunSummary::default(),
            worst: Alert::None,
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

    /// Counts so far.
    pub fn summary(&self) -> &RunSummary {
        &self.summary
    }

    /// Close the report and the run, print the summary line, and compute the exit code.
    pub fn finish(mut self) -> anyhow::Result<u8> {
        if let Some(w) = self.writer.take() {
            drop(w.finish()?);
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
            let history = if self.history.is_some() {
                format!(", new {}, updated {}", s.new, s.updated)
            } else {
                String::new()
            };
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
