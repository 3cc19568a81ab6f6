//! `crawl --source commoncrawl`: a Common Crawl snapshot's captures of a portal, by CDX index
//! and byte-range WARC fetches, reported exactly as `scan` reports pages.
use std::time::Duration;

use anyhow::Context as _;

use crate::cli::Global;
use crate::cmd::crawl::Args;
use crate::cmd::session::Session;
use crate::commoncrawl::{self, Client, Query, Settings};
use crate::pipeline::{Engine, failed_record};

/// Run the Common Crawl source; returns the exit code.
pub fn run(args: &Args, global: &Global) -> anyhow::Result<u8> {
    // Flags this source needs that clap cannot require: usage errors (exit 2), as for the others.
    let crawl = args
        .crawl
        .as_deref()
        .ok_or_else(|| crate::exit::usage("--source commoncrawl needs --crawl CC-MAIN-YYYY-WW"))?;
    let pattern = args.url.as_deref().ok_or_else(|| {
        crate::exit::usage("--source commoncrawl needs --url PATTERN, e.g. '*.ccgp.gov.cn/*'")
    })?;
    let mut query = Query::new(
        &args.cc_index,
        &args.cc_data,
        crawl,
        pattern,
        args.match_type.as_deref(),
    )?;
    if let (Some(s), Some(u)) = (args.since, args.until)
        && s > u
    {
        return Err(crate::exit::usage(format!(
            "--since {s} is after --until {u}"
        )));
    }
    query.from = args.since.map(|d| d.strftime("%Y%m%d").to_string());
    query.to = args.until.map(|d| d.strftime("%Y%m%d").to_string());
    if args.fetch.archive.is_some() || args.fetch.warc.is_some() {
        tracing::warn!(
            "--archive/--warc are not used with --source commoncrawl: each record's final_url names its WARC file and byte range"
        );
    }
    let f = &args.fetch;
    anyhow::ensure!(
        f.delay.is_finite() && f.delay >= 0.0,
        "--delay must be a number of seconds, at least 0"
    );
    anyhow::ensure!(
        f.timeout.is_finite() && f.timeout > 0.0,
        "--timeout must be a positive number of seconds"
    );
    let settings = Settings {
        delay: Duration::from_secs_f64(f.delay),
        retries: f.retries,
        timeout: Duration::from_secs_f64(f.timeout),
        max_bytes: f.max_bytes,
        user_agent: f
            .user_agent
            .clone()
            .unwrap_or_else(crate::fetch::default_user_agent),
        backoff_base: Duration::from_secs(1),
    };
    let state_path = match &args.state {
        Some(p) => p.clone(),
        None => directories::ProjectDirs::from("", "", "tenderscan")
            .context("no home directory for the crawl state; give --state FILE")?
            .data_dir()
            .join("crawl")
            .join(format!(
                "commoncrawl-{}.json",
                &crate::pipeline::sha256_hex(
                    format!("{}|{:?}", query.state_key(), args.shard).as_bytes()
                )[..12]
            )),
    };
    let vocab = crate::vocab_dir::locate(global.vocab.as_deref())?;
    let engine = Engine::load(&vocab, &args.watchlists.watchlists)?;
    let command = std::env::args().collect::<Vec<_>>().join(" ");
    let mut session = Session::start(&args.report, &args.history, global, &command)?;
    let mut client = Client::new(settings)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let outcome = runtime.block_on(commoncrawl::run(
        &query,
        &mut client,
        &state_path,
        args.max_pages,
        args.shard,
        &mut |item| match item {
            Ok(page) => session.emit(engine.scan(&page)),
            Err((source, reason)) => session.emit(failed_record(&source, &reason)),
        },
    ))?;
    let code = session.finish()?;
    if !global.quiet {
        eprintln!(
            "tenderscan: {} {}: {} CDX pages{}, {} records fetched, {} pages scanned, {} not HTML/text, {} failed{}",
            query.crawl,
            query.url,
            outcome.cdx_pages,
            outcome
                .cdx_blocks
                .map(|b| format!(
                    " ({b} index blocks: at most {} captures)",
                    b * commoncrawl::LINES_PER_BLOCK
                ))
                .unwrap_or_default(),
            outcome.fetched,
            outcome.pages,
            outcome.skipped,
            outcome.failed,
            if outcome.complete {
                String::new()
            } else {
                format!(" (not finished; state in {})", state_path.display())
            }
        );
    }
    Ok(code)
}
