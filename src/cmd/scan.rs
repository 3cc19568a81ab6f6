//! `tenderscan scan`: local files, directories, URLs and archives through the pipeline.
use std::path::PathBuf;

use anyhow::Context;
use rayon::prelude::*;

use crate::cli::{Global, ReportOpts, WatchlistOpts};
use crate::cmd::session::Session;
use crate::fetch::{self, FetchOpts, Flow};
use crate::history::HistoryOpts;
use crate::input::{self, Input};
use crate::model::Record;
use crate::pipeline::{Engine, failed_record};

/// Files scanned in parallel per batch; bounds memory while keeping output in input order.
const BATCH: usize = 64;

/// Arguments of `tenderscan scan`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  tenderscan scan fixtures/                       # CSV of notices with findings
  tenderscan scan --all -f jsonl saved/ | jq .    # every notice, JSON Lines
  find saved -name '*.htm' | tenderscan scan -    # paths (or URLs) from stdin
  curl -s URL | tenderscan scan -                 # one page on stdin (starts with `<`)
  tenderscan scan -o report.csv --excel - < urls.txt   # atomic CSV for Excel
  tenderscan scan --archive pages/ http://www.ccgp.gov.cn/cggg/dfgg/zbgg/index.htm

Exit codes: 0 success, 1 fatal error, 2 usage error, 3 some inputs failed, 4 every input
failed, 10 --fail-on level reached, 130 interrupted (see `tenderscan --help`).")]
pub struct Args {
    /// Files, directories (walked recursively for .html .htm .shtml .jsp .txt), URLs, or `-` for
    /// stdin: one page if it starts with `<` (named `-`, capped by --max-file-size), else one
    /// path or URL per line.
    #[arg(value_name = "INPUT", required_unless_present_any = ["from_archive", "manifest", "rescreen"])]
    pub inputs: Vec<String>,
    /// Re-scan the pages stored in an evidence archive (see --archive) instead of fetching.
    #[arg(long, value_name = "DIR")]
    pub from_archive: Option<PathBuf>,
    /// Worker threads for local files [default: all cores].
    #[arg(short = 'j', long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Skip local files larger than this many MiB.
    #[arg(long, value_name = "MIB", default_value_t = 64)]
    pub max_file_size: u64,
    /// Report options.
    #[command(flatten)]
    pub report: ReportOpts,
    /// Watchlist selection.
    #[command(flatten)]
    pub watchlists: WatchlistOpts,
    /// Fetch options.
    #[command(flatten)]
    pub fetch: FetchOpts,
    /// History options.
    #[command(flatten)]
    pub history: HistoryOpts,
    /// Read inputs (paths, URLs, WARC files) from FILE, one per line (`#` comments and blank
    /// lines skipped); repeatable.
    #[arg(long, value_name = "FILE")]
    pub manifest: Vec<PathBuf>,
    /// Scan only shard I of N (I counts from 0): a stable 1/N of the inputs chosen by a hash
    /// of each input, so N machines together scan everything once.
    #[arg(long, value_name = "I/N", value_parser = crate::shard::Shard::parse)]
    pub shard: Option<crate::shard::Shard>,
    /// Screen the notices stored in the history again against the lists loaded now (no
    /// fetching) and report those whose alert went up (needs --history).
    #[arg(long, help_heading = "History")]
    pub rescreen: bool,
    /// Per-input CPU budget.
    #[command(flatten)]
    pub budget: crate::pipeline::BudgetOpts,
}

/// Run the command; returns the exit code.
pub fn run(mut args: Args, global: &Global) -> anyhow::Result<u8> {
    args.fetch.progress = !global.quiet;
    if args.rescreen && args.history.path().is_none() {
        return Err(crate::exit::usage(
            "--rescreen needs a history (--history FILE)",
        ));
    }
    let vocab = crate::vocab_dir::locate(global.vocab.as_deref())?;
    let engine =
        Engine::load(&vocab, &args.watchlists.watchlists)?.with_page_timeout(args.budget.timeout());
    let max_bytes = args.max_file_size.saturating_mul(1 << 20);
    let input::Expanded {
        mut inputs,
        stdin_page,
    } = input::expand_args(&args.inputs, max_bytes).context("reading stdin")?;
    for manifest in &args.manifest {
        inputs.extend(input::read_manifest(manifest)?);
    }
    // Shards are taken per URL and per file found (a directory is split too).
    let shard = args.shard;
    if let Some(shard) = shard {
        inputs.retain(|i| matches!(i, Input::Path(_)) || shard.takes(&input::key(i)));
    }
    let mut paths = Vec::new();
    let mut urls = Vec::new();
    for i in inputs {
        match i {
            Input::Path(p) => paths.push(p),
            Input::Url(u) => urls.push(u),
        }
    }
    let command = std::env::args().collect::<Vec<_>>().join(" ");
    let rescreen_from = args.history.path().filter(|_| args.rescreen);
    // Opened before the report starts: a wrong folder must not leave a header-only report that
    // reads like a quiet day.
    let archive = match &args.from_archive {
        Some(dir) => Some((dir, fetch::archive::pages(dir, max_bytes)?)),
        None => None,
    };
    let mut session = Session::start(&args.report, &args.history, global, &command)?;
    if let Some(path) = &rescreen_from {
        crate::cmd::rescreen::rescreen(&engine, path, &mut session)?;
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()?;

    if let Some(page) = stdin_page
        && shard.is_none_or(|s| s.takes(input::STDIN_SOURCE))
    {
        session.emit(match page {
            Ok(page) => engine.scan(&page),
            Err(reason) => failed_record(input::STDIN_SOURCE, &reason),
        })?;
    }
    scan_local(
        &engine,
        &pool,
        paths,
        max_bytes,
        &mut session,
        global,
        shard,
    )?;
    if let Some((dir, pages)) = archive {
        for page in pages {
            if crate::signal::interrupted() {
                break;
            }
            let record = match page {
                Ok(page) if shard.is_some_and(|s| !s.takes(&page.source)) => continue,
                Ok(page) => engine.scan(&page),
                Err(e) => failed_record(&dir.display().to_string(), &format!("{e:#}")),
            };
            session.emit(record)?;
        }
    }
    if !urls.is_empty() && !crate::signal::interrupted() {
        let mut failure = None;
        fetch::fetch_urls(urls, &args.fetch, &mut |result| {
            let record = match result {
                Ok(page) => engine.scan(&page),
                Err(f) => failed_record(&f.url, &f.message),
            };
            match session.emit(record) {
                Ok(()) if !crate::signal::interrupted() => Flow::Continue,
                Ok(()) => Flow::Stop,
                Err(e) => {
                    failure = Some(e);
                    Flow::Stop
                }
            }
        })?;
        if let Some(e) = failure {
            return Err(e);
        }
    }
    // An empty shard is normal (N machines, few inputs), and --rescreen reads the history only.
    let nothing = session.summary().scanned + session.summary().failed == 0
        && args.shard.is_none()
        && !args.rescreen;
    // Not success: a cron job over an empty or wrong folder must not look like a quiet day. Said
    // before the summary line, which stays the last line of the run.
    let nothing = nothing && !crate::signal::interrupted();
    if nothing {
        eprintln!("tenderscan: {}", nothing_to_scan(&args));
    }
    let code = session.finish()?;
    if nothing && code != crate::exit::INTERRUPTED {
        return Ok(crate::exit::ALL_FAILED);
    }
    Ok(code)
}

/// Why nothing was scanned, naming the inputs.
fn nothing_to_scan(args: &Args) -> String {
    let named: Vec<String> = args
        .inputs
        .iter()
        .map(|i| {
            if i == "-" {
                "standard input (no page, paths or URLs on it)".to_owned()
            } else {
                format!("`{i}`")
            }
        })
        .chain(
            args.from_archive
                .iter()
                .map(|d| format!("archive `{}`", d.display())),
        )
        .collect();
    // The note on directories only when a file or directory was named.
    let note = if args.inputs.iter().any(|i| i != "-") {
        format!(
            " (directories are searched for .{} files)",
            input::EXTENSIONS.join(" .")
        )
    } else {
        String::new()
    };
    format!("nothing to scan in {}{note}", named.join(", "))
}

/// The spinner's count: `1 file scanned`, `2 files scanned`.
fn files_scanned(state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write) {
    let n = usize::try_from(state.pos()).unwrap_or(usize::MAX);
    let _ = w.write_str(&crate::plural::count(n, "file scanned", "files scanned"));
}

/// Scan local files in parallel batches, writing records in input order.
fn scan_local(
    engine: &Engine,
    pool: &rayon::ThreadPool,
    paths: Vec<PathBuf>,
    max_bytes: u64,
    session: &mut Session,
    global: &Global,
    shard: Option<crate::shard::Shard>,
) -> anyhow::Result<()> {
    if paths.is_empty() {
        return Ok(());
    }
    let progress = if global.quiet {
        indicatif::ProgressBar::hidden()
    } else {
        // Drawn on stderr and hidden automatically when stderr is not a terminal (cron, pipes).
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {scanned} ({rate}) {msg}")
                .map(crate::fetch::progress::with_rate)
                .map(|style| style.with_key("scanned", files_scanned))
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        pb
    };
    let mut files = input::walk(paths)
        .filter(|f| match (shard, f) {
            (Some(shard), Ok(p)) => shard.takes(&p.to_string_lossy()),
            _ => true,
        })
        .peekable();
    let is_warc = |f: &input::FoundFile| matches!(f, Ok(p) if crate::warc::is_warc_path(p));
    while files.peek().is_some() && !crate::signal::interrupted() {
        // A WARC file holds many pages: it is read as a stream, between batches of plain files.
        if let Some(Ok(path)) = files.next_if(is_warc) {
            super::scan_warc::scan_file(
                engine,
                pool,
                &path,
                max_bytes,
                &|_| true,
                session,
                global,
            )?;
            continue;
        }
        let mut batch: Vec<input::FoundFile> = Vec::with_capacity(BATCH);
        while batch.len() < BATCH
            && let Some(found) = files.next_if(|f| !is_warc(f))
        {
            batch.push(found);
        }
        // Lets a caller (and the Ctrl-C test) see that work on a batch has begun.
        tracing::debug!(files = batch.len(), "batch started");
        let records: Vec<Record> = pool.install(|| {
            batch
                .par_iter()
                .map(|found| match found {
                    Ok(path) => match input::read_file(path, max_bytes) {
                        Ok(page) => engine.scan(&page),
                        Err(reason) => failed_record(&path.display().to_string(), &reason),
                    },
                    Err((at, reason)) => failed_record(at, reason),
                })
                .collect()
        });
        for record in records {
            session.emit(record)?;
            progress.inc(1);
        }
    }
    progress.finish_and_clear();
    Ok(())
}
