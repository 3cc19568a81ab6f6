//! `tenderscan crawl`: page through a portal's listings, fetch the notices published in the date
//! window, read their attachments, and report them exactly as `scan` does.
use std::path::PathBuf;

use anyhow::Context;
use jiff::civil::Date;

use crate::cli::{Global, ReportOpts, WatchlistOpts};
use crate::cmd::session::Session;
use crate::crawl::attachment::Limits;
use crate::crawl::source::{PRESETS, Params, Source};
use crate::crawl::{self, Plan};
use crate::fetch::{FetchOpts, Fetcher};
use crate::history::HistoryOpts;
use crate::pipeline::Engine;

/// Arguments of `tenderscan crawl`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Sources: a TOML file, or a bundled preset: ccgp-search (search.ccgp.gov.cn by keyword and
dates), ccgp-channel (www.ccgp.gov.cn 地方公告 » 公开招标 listing), generic (used by --start),
or commoncrawl (a Common Crawl snapshot's captures: --crawl and --url; --since/--until are
capture dates; --max-pages counts WARC records fetched).
Print a preset with --show-source NAME and edit it for another portal.

Examples:
  tenderscan crawl --source ccgp-search --kw 亚马逊云 --since 7d -o aws.csv
  tenderscan crawl --start https://bidding.example.edu.cn/cggg/index.htm --since 2025-06-01
  tenderscan crawl --source my-portal.toml --max-pages 200 --history seen.db --new-only
  tenderscan crawl --source commoncrawl --crawl CC-MAIN-2024-10 --url '*.ccgp.gov.cn/*' -f jsonl

An interrupted crawl (Ctrl-C, or --max-pages reached) saves its state; the same command
continues where it stopped.")]
pub struct Args {
    /// Source file (TOML) or preset name (ccgp-search, ccgp-channel, generic).
    #[arg(long, value_name = "FILE|NAME", required_unless_present_any = ["start", "show_source"])]
    pub source: Option<String>,
    /// Start from this listing page (with the generic preset unless --source is given).
    #[arg(long, value_name = "URL")]
    pub start: Option<String>,
    /// Keyword for sources whose URL template has {kw} (e.g. ccgp-search).
    #[arg(long, value_name = "WORD")]
    pub kw: Option<String>,
    /// Only notices published on or after DATE (YYYY-MM-DD, `today`, or `7d` = seven days ago);
    /// paging stops at a listing page whose notices are all older.
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub since: Option<Date>,
    /// Only notices published on or before DATE [default: today, for {end} in URL templates].
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub until: Option<Date>,
    /// Most pages fetched in this run, listing and notice pages together (attachments not counted).
    #[arg(long, value_name = "N", default_value_t = 500)]
    pub max_pages: u32,
    /// Resume state file [default: crawl/<source>-<hash of keyword and start URLs>.json under the data
    /// directory, e.g. ~/.local/share/tenderscan].
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Do not fetch attachments.
    #[arg(long)]
    pub no_attachments: bool,
    /// Skip attachments larger than MIB (and archives expanding beyond four times that).
    #[arg(long, value_name = "MIB", default_value_t = 20)]
    pub max_attachment_mib: u64,
    /// Print the named preset (or the source file, checked) as TOML and exit.
    #[arg(long, value_name = "NAME")]
    pub show_source: Option<String>,
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
    /// With --source commoncrawl: the snapshot, e.g. CC-MAIN-2024-10.
    #[arg(long, value_name = "CC-MAIN-YYYY-WW", help_heading = "Common Crawl")]
    pub crawl: Option<String>,
    /// With --source commoncrawl: URL pattern to look up, e.g. '*.ccgp.gov.cn/*' (a leading
    /// `*.` means the domain and its subdomains, a trailing `*` a prefix).
    #[arg(long, value_name = "PATTERN", help_heading = "Common Crawl")]
    pub url: Option<String>,
    /// With --source commoncrawl: CDX matchType (exact, prefix, host, domain) instead of the
    /// one the pattern implies.
    #[arg(long, value_name = "TYPE", help_heading = "Common Crawl")]
    pub match_type: Option<String>,
    /// Common Crawl CDX index server.
    #[arg(long, value_name = "URL", env = "TENDERSCAN_CC_INDEX", default_value = crate::commoncrawl::DEFAULT_INDEX, help_heading = "Common Crawl")]
    pub cc_index: String,
    /// With --source commoncrawl: work on CDX pages p with p mod N = I only (I counts from 0),
    /// so N machines share one snapshot's slice.
    #[arg(long, value_name = "I/N", value_parser = crate::shard::Shard::parse, help_heading = "Common Crawl")]
    pub shard: Option<crate::shard::Shard>,
    /// Common Crawl data host (WARC files, read by byte range).
    #[arg(long, value_name = "URL", env = "TENDERSCAN_CC_DATA", default_value = crate::commoncrawl::DEFAULT_DATA, help_heading = "Common Crawl")]
    pub cc_data: String,
    /// Per-input CPU budget.
    #[command(flatten)]
    pub budget: crate::pipeline::BudgetOpts,
}

/// `YYYY-MM-DD`, `today`, or `Nd` (N days before today).
pub fn parse_day(s: &str) -> Result<Date, String> {
    let s = s.trim();
    let today = jiff::ZonedDateTime::now().date();
    if s.eq_ignore_ascii_case("today") {
        return Ok(today);
    }
    if let Some(n) = s.strip_suffix('d').and_then(|n| n.parse::<i64>().ok()) {
        return today
            .checked_sub(jiff::Span::new().days(n))
            .map_err(|e| format!("{s}: {e}"));
    }
    s.parse::<Date>()
        .map_err(|_| format!("{s}: expected YYYY-MM-DD, `today` or a number of days such as `7d`"))
}

/// Build the checked crawl plan from the arguments.
pub fn plan(args: &Args) -> anyhow::Result<Plan> {
    let mut source = match (&args.source, &args.start) {
        (Some(arg), _) => Source::resolve(arg)?,
        (None, Some(_)) => Source::resolve("generic")?,
        (None, None) => anyhow::bail!("give --source FILE|NAME or --start URL"),
    };
    if let Some(start) = &args.start {
        let url = url::Url::parse(start).with_context(|| format!("--start {start}"))?;
        anyhow::ensure!(
            matches!(url.scheme(), "http" | "https"),
            "--start {start}: only http and https are crawled"
        );
        source.start_urls = vec![start.clone()];
        source.url_template = None;
    }
    anyhow::ensure!(
        source.has_start(),
        "source {}: give start_urls or url_template (or --start URL)",
        source.name
    );
    let end = args
        .until
        .unwrap_or_else(|| jiff::ZonedDateTime::now().date());
    let start = match args.since {
        Some(d) => d,
        None => end
            .checked_sub(jiff::Span::new().days(i64::from(source.default_days)))
            .unwrap_or(end),
    };
    if let (Some(s), Some(u)) = (args.since, args.until)
        && s > u
    {
        return Err(crate::exit::usage(format!(
            "--since {s} is after --until {u}"
        )));
    }
    let kw = args.kw.clone().or_else(|| source.kw.clone());
    if source.needs_kw() && kw.is_none() {
        return Err(crate::exit::usage(format!(
            "source {} searches by keyword: give --kw WORD",
            source.name
        )));
    }
    let params = Params { kw, start, end };
    // Fails early, with the field named, on a template that cannot be filled.
    source.listing_url(0, &params)?;
    let mut plan = Plan {
        state_path: PathBuf::new(),
        source,
        params,
        since: args.since,
        until: args.until,
        max_pages: args.max_pages,
        attachments: !args.no_attachments,
        limits: Limits {
            max_bytes: args.max_attachment_mib.saturating_mul(1 << 20),
            max_expanded: args.max_attachment_mib.saturating_mul(4 << 20),
            ..Limits::default()
        },
    };
    plan.state_path = match &args.state {
        Some(p) => p.clone(),
        None => default_state_path(&plan)?,
    };
    Ok(plan)
}

/// `crawl/<source>-<hash of keyword and start URLs>.json` under the user's data directory, so
/// that crawls of different keywords or `--start` pages keep separate states.
fn default_state_path(plan: &Plan) -> anyhow::Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "tenderscan")
        .context("no home directory for the crawl state; give --state FILE")?;
    let mut name = plan.source.name.clone();
    name.push('-');
    name.push_str(&crate::pipeline::sha256_hex(plan.state_key().as_bytes())[..12]);
    Ok(dirs.data_dir().join("crawl").join(format!("{name}.json")))
}

/// Run the command; returns the exit code.
pub fn run(args: Args, global: &Global) -> anyhow::Result<u8> {
    if let Some(name) = &args.show_source {
        match PRESETS.iter().find(|(n, _)| n == name) {
            Some((_, text)) => print!("{text}"),
            None => {
                let source = Source::resolve(name)?;
                print!(
                    "{}",
                    toml::to_string_pretty(&source).context("printing the source")?
                );
            }
        }
        return Ok(crate::exit::OK);
    }
    if args.source.as_deref() == Some("commoncrawl") {
        return crate::cmd::crawl_cc::run(&args, global);
    }
    let plan = plan(&args)?;
    let vocab = crate::vocab_dir::locate(global.vocab.as_deref())?;
    let engine =
        Engine::load(&vocab, &args.watchlists.watchlists)?.with_page_timeout(args.budget.timeout());
    let fetcher = Fetcher::new(&args.fetch)?;
    let command = std::env::args().collect::<Vec<_>>().join(" ");
    let mut session = Session::start(&args.report, &args.history, global, &command)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let outcome = runtime.block_on(crawl::crawl(&plan, &fetcher, &engine, &mut |record| {
        session.emit(record)
    }))?;
    // The report is flushed first, so that the crawl line follows it on a terminal.
    let code = session.finish()?;
    if !global.quiet {
        eprintln!(
            "tenderscan: crawled {}, {}, {}{}",
            crate::plural::count(
                outcome.listing_pages as usize,
                "listing page",
                "listing pages"
            ),
            crate::plural::count(outcome.notices as usize, "notice", "notices"),
            crate::plural::count(outcome.attachments as usize, "attachment", "attachments"),
            if outcome.complete {
                String::new()
            } else {
                format!(" (not finished; state in {})", plan.state_path.display())
            }
        );
    }
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_parse() {
        assert_eq!(parse_day("2025-06-01"), Ok(Date::constant(2025, 6, 1)));
        let today = jiff::ZonedDateTime::now().date();
        assert_eq!(parse_day("0d"), Ok(today));
        assert!(parse_day("June").is_err());
    }
}
