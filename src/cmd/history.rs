//! `tenderscan history`: what earlier runs saw and found.
use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use serde::Serialize;

use crate::cli::{Format, Global, TableFormat};
use crate::exit;
use crate::history::{self, History, RunRow, VersionRow};
use crate::model::{Category, Record};
use crate::report::{Output, ReportWriter};

/// Arguments of `tenderscan history`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  tenderscan history runs --limit 7
  tenderscan history show 'http://www.ccgp.gov.cn/cggg/dfgg/zbgg/202401/t20240105_1.htm' -f json
  tenderscan history export --since 2024-01-01 --until 2024-01-07 --excel -o week01.csv
  tenderscan history --history seen.db import shard-*.jsonl   # merge `scan --shard` outputs")]
pub struct Args {
    /// The history file [default: $TENDERSCAN_HISTORY, else history.sqlite3 in the user's data
    /// directory].
    #[arg(long, value_name = "FILE", global = true)]
    pub history: Option<PathBuf>,
    /// What to show.
    #[command(subcommand)]
    pub command: HistoryCommand,
}

/// Subcommands of `tenderscan history`.
#[derive(Debug, clap::Subcommand)]
pub enum HistoryCommand {
    /// Recent runs and their counts, newest first (an empty `finished` means still running or killed).
    #[command(after_help = "\
Examples:
  tenderscan history runs --limit 7
  tenderscan history --history seen.db runs -f jsonl")]
    Runs {
        /// How many runs.
        #[arg(short = 'n', long, value_name = "N", default_value_t = 20)]
        limit: usize,
        /// Output format.
        #[arg(short, long, value_enum, ignore_case = true, default_value_t = TableFormat::Csv)]
        format: TableFormat,
    },
    /// Every version of one notice, oldest first: when it was seen, what changed, what was found.
    #[command(after_help = "\
Examples:
  tenderscan history show 'http://www.ccgp.gov.cn/cggg/dfgg/zbgg/202401/t20240105_1.htm'
  tenderscan history show saved/notice.html -f json      # any spelling of the path")]
    Show {
        /// The source (URL or path) exactly as it was scanned.
        source: String,
        /// Output format.
        #[arg(short, long, value_enum, ignore_case = true, default_value_t = TableFormat::Csv)]
        format: TableFormat,
    },
    /// New and updated notices reported over a period (finished runs only), as a scan report.
    #[command(after_help = "\
Examples:
  tenderscan history export --since 7d -f xlsx -o last-week.xlsx
  tenderscan history export --since 2024-01-01 --until 2024-01-07 --excel -o week01.csv")]
    Export {
        /// First day (UTC): YYYY-MM-DD, `today`, or `7d` = seven days ago (as for `crawl`).
        #[arg(long, value_name = "DATE", value_parser = crate::cmd::crawl::parse_day)]
        since: jiff::civil::Date,
        /// Last day, inclusive, in the same forms [default: no end].
        #[arg(long, value_name = "DATE", value_parser = crate::cmd::crawl::parse_day)]
        until: Option<jiff::civil::Date>,
        /// Report format.
        #[arg(short, long, value_enum, ignore_case = true, default_value_t = Format::Csv)]
        format: Format,
        /// Include notices without findings.
        #[arg(long)]
        all: bool,
        /// Start CSV output with a UTF-8 BOM so that Excel reads Chinese text right.
        #[arg(long, visible_alias = "bom")]
        excel: bool,
        /// Write to FILE (atomically) instead of stdout.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// OCDS: the ocid prefix, as for `scan` (letters, digits, hyphens; `ocds-` + 6 characters
        /// when registered) [default: tenderscan-unregistered, which is NOT a registered prefix].
        #[arg(long, value_name = "PREFIX", value_parser = crate::report::ocds::parse_ocid_prefix,
              default_value = crate::report::ocds::DEFAULT_OCID_PREFIX, hide_default_value = true)]
        ocid_prefix: String,
    },
    /// Merge JSON Lines reports (`scan -f jsonl --all`, e.g. one per `--shard`) into the
    /// history as one run (the history is created if needed).
    #[command(after_help = "\
Examples:
  tenderscan history --history daily.sqlite3 import part-*.jsonl
  # where each machine i of 3 ran:
  #   tenderscan scan --all -f jsonl --shard i/3 --manifest inputs.txt -o part-i.jsonl")]
    Import {
        /// JSON Lines files, one record per line.
        #[arg(required = true, value_name = "FILE.jsonl")]
        files: Vec<PathBuf>,
    },
}

/// Run the command; returns the exit code.
pub fn run(args: Args, global: &Global) -> anyhow::Result<u8> {
    let path = history::explicit_path(args.history.as_deref())
        .or_else(history::default_path)
        .context("no --history given and no data directory for the default history")?;
    if let HistoryCommand::Import { files } = &args.command {
        return crate::cmd::history_import::run(&path, files, global.quiet);
    }
    let store = History::open_existing(&path)?;
    match args.command {
        HistoryCommand::Runs { limit, format } => {
            let runs = store.runs(limit)?;
            let nested: Vec<RunJson> = runs
                .iter()
                .map(|r| RunJson {
                    run: RunOut::from(r.clone()),
                    screened_against: r.screened_against.clone(),
                })
                .collect();
            // CSV cells: a list named in a user's watchlist or a command line could start with
            // `=`; guarded like the scan report's (JSON keeps the text as it is).
            let rows: Vec<RunOut> = runs
                .into_iter()
                .map(RunOut::from)
                .map(|r| RunOut {
                    command: cell(r.command),
                    lists: cell(r.lists),
                    ..r
                })
                .collect();
            write_table(format.into(), &rows, &nested)?;
        }
        HistoryCommand::Show { source, format } => {
            let versions = store.versions(&source)?;
            if versions.is_empty() {
                anyhow::bail!("{source}: never seen in the history {}", path.display());
            }
            let flat: Vec<VersionCsv> = versions.iter().map(VersionCsv::from).collect();
            write_table(format.into(), &flat, &versions)?;
        }
        HistoryCommand::Export {
            since,
            until,
            format,
            all,
            excel,
            output,
            ocid_prefix,
        } => {
            // The end bound is exclusive: the day after --until; without it, everything since.
            let end = match until {
                Some(day) => day
                    .tomorrow()
                    .context("--until is too far in the future")?
                    .to_string(),
                None => "9999-12-31".to_owned(),
            };
            let out = Output::open(output.as_deref())?;
            let mut writer =
                ReportWriter::with_ocid_prefix(format, out.writer()?, excel, &ocid_prefix)?;
            for obs in store.new_or_updated(&since.to_string(), &end)? {
                let mut record = obs.record;
                if !all && !record.has_findings() {
                    continue;
                }
                record.status = Some(obs.status);
                // Same wording as the daily report, so the weekly sheet reads the same way.
                record
                    .reasons
                    .extend(obs.changes.iter().map(|c| format!("changed: {c}")));
                writer.write(&record)?;
            }
            drop(writer.finish()?);
            out.commit()?;
        }
        // Handled above, before the history had to exist.
        HistoryCommand::Import { .. } => {}
    }
    Ok(exit::OK)
}

/// Write rows as CSV (`flat`) or JSON / JSON Lines (`nested`).
fn write_table<F: Serialize, N: Serialize>(
    format: Format,
    flat: &[F],
    nested: &[N],
) -> anyhow::Result<()> {
    if format == Format::Xlsx {
        return Err(exit::usage(
            "-f xlsx is for reports (scan, crawl, history export); use -f csv here",
        ));
    }
    if matches!(format, Format::Ocds | Format::OcdsJsonl) {
        return Err(exit::usage(
            "OCDS output is for notices: use `history export -f ocds`",
        ));
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format {
        Format::Xlsx => {}
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            for row in flat {
                w.serialize(row)?;
            }
            // `csv::Writer`'s drop would swallow a flush error.
            w.flush()?;
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, nested)?;
            out.write_all(b"\n")?;
        }
        Format::Ocds | Format::OcdsJsonl => {}
        Format::Jsonl => {
            for row in nested {
                serde_json::to_writer(&mut out, row)?;
                out.write_all(b"\n")?;
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// A run as printed by `history runs`.
#[derive(Debug, Serialize)]
struct RunOut {
    id: i64,
    started: String,
    finished: Option<String>,
    scanned: usize,
    failed: usize,
    new: usize,
    updated: usize,
    reported: usize,
    high: usize,
    medium: usize,
    low: usize,
    none: usize,
    errors: usize,
    command: String,
    /// Short ids of the list versions (`EL@2025-09-29#3f2a1b4c`; see README "List versions").
    lists: String,
}

/// A run in JSON: the flat row plus the list versions in full.
#[derive(Debug, Serialize)]
struct RunJson {
    #[serde(flatten)]
    run: RunOut,
    screened_against: Vec<crate::model::ListVersion>,
}

impl From<RunRow> for RunOut {
    fn from(r: RunRow) -> Self {
        let s = r.summary;
        RunOut {
            id: r.id,
            started: r.started,
            finished: r.finished,
            scanned: s.scanned,
            failed: s.failed,
            new: s.new,
            updated: s.updated,
            reported: s.reported,
            high: s.by_level[3],
            medium: s.by_level[2],
            low: s.by_level[1],
            none: s.by_level[0],
            errors: r.errors,
            command: r.command,
            lists: r
                .screened_against
                .iter()
                .map(crate::watchlist::version::short_id)
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

/// One version of a notice as a flat CSV row for `history show`.
#[derive(Debug, Serialize)]
struct VersionCsv {
    first_seen: String,
    last_seen: String,
    times_seen: usize,
    status: String,
    changes: String,
    alert: &'static str,
    notice_type: &'static str,
    title: Option<String>,
    published: Option<String>,
    buyer: Option<String>,
    suppliers: String,
    cloud: String,
    chips: String,
    ai_services: String,
    listed_entities: String,
    reasons: String,
    sha256: String,
    source: String,
}

impl From<&VersionRow> for VersionCsv {
    fn from(v: &VersionRow) -> Self {
        let r: &Record = &v.record;
        let names = |cat: Category| {
            let mut seen = std::collections::BTreeSet::new();
            r.mentions
                .iter()
                .filter(|m| m.category == cat && seen.insert(m.name.as_str()))
                .map(|m| m.name.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        };
        VersionCsv {
            first_seen: v.first_seen.clone(),
            last_seen: v.last_seen.clone(),
            times_seen: v.times_seen,
            status: v.status.clone(),
            changes: cell(v.changes.join("; ")),
            alert: r.alert.as_str(),
            notice_type: r.notice_type.as_str(),
            title: r.title.clone().map(cell),
            published: r.published.clone().map(cell),
            buyer: r.buyer.clone().map(cell),
            suppliers: cell(r.suppliers.join("; ")),
            cloud: cell(names(Category::Cloud)),
            chips: cell(names(Category::Chip)),
            ai_services: cell(names(Category::AiService)),
            listed_entities: cell(
                r.hits
                    .iter()
                    .map(|h| {
                        format!(
                            "{} ({}, {})",
                            h.listed_name,
                            h.list_short(),
                            h.role.as_str()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            reasons: cell(r.reasons.join("; ")),
            sha256: r.sha256.clone(),
            source: cell(r.source.clone()),
        }
    }
}

/// Page text in a CSV cell must not run as a spreadsheet formula (same rule as the scan report).
fn cell(text: String) -> String {
    crate::report::neutralise(text)
}
