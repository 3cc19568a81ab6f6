//! Command-line options of the fetcher (flattened into `scan` and `crawl`) and their checked form.
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context as _, bail};

/// Default response cap: 32 MiB, Scrapy's `DOWNLOAD_WARNSIZE` (tender pages are far smaller).
pub const DEFAULT_MAX_BYTES: u64 = 32 * 1024 * 1024;

/// Fetch options.
#[derive(Debug, Clone, clap::Args)]
pub struct FetchOpts {
    /// Seconds between two requests to one host (randomised ±50 %); a robots.txt Crawl-delay wins if longer.
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = 1.0,
        help_heading = "Fetching"
    )]
    pub delay: f64,
    /// Hosts fetched at the same time (never more than one request at a time per host).
    #[arg(long, value_name = "N", default_value_t = 4, help_heading = "Fetching")]
    pub concurrency: usize,
    /// Give up on a request after SECS in total (connect, headers and body).
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = 60.0,
        help_heading = "Fetching"
    )]
    pub timeout: f64,
    /// Give up connecting after SECS.
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = 15.0,
        help_heading = "Fetching"
    )]
    pub connect_timeout: f64,
    /// Retries after a 408/429/5xx answer, a timeout or a dropped connection (exponential backoff).
    #[arg(long, value_name = "N", default_value_t = 3, help_heading = "Fetching")]
    pub retries: u32,
    /// Refuse responses larger than BYTES once decompressed (guards against gzip bombs).
    #[arg(long, value_name = "BYTES", default_value_t = DEFAULT_MAX_BYTES, help_heading = "Fetching")]
    pub max_bytes: u64,
    /// Follow at most N redirects (HTTP and `<meta http-equiv="refresh">`) per URL.
    #[arg(
        long,
        value_name = "N",
        default_value_t = 10,
        help_heading = "Fetching"
    )]
    pub max_redirects: usize,
    /// Longest Crawl-delay (robots.txt) obeyed; longer ones are cut to this, with a log line.
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = 60.0,
        help_heading = "Fetching"
    )]
    pub max_crawl_delay: f64,
    /// Longest Retry-After wait honoured; a server asking for more makes the URL fail instead.
    #[arg(
        long,
        value_name = "SECS",
        default_value_t = 300.0,
        help_heading = "Fetching"
    )]
    pub max_retry_after: f64,
    /// User-Agent header; put a contact (URL or e-mail) in it so portal operators can reach you.
    /// [default: `tenderscan/<version> (procurement notice scanner; contact: set --user-agent)`;
    /// with `+<repository URL>` instead of the description once Cargo.toml names a repository]
    #[arg(long, value_name = "TEXT", help_heading = "Fetching")]
    pub user_agent: Option<String>,
    /// Do not fetch or obey robots.txt (logged as a warning; ask the site operator first).
    #[arg(long, help_heading = "Fetching")]
    pub ignore_robots: bool,
    /// Store every fetched page under its sha256 in DIR, with a JSON sidecar; URLs already there are not re-fetched.
    #[arg(long, value_name = "DIR", help_heading = "Fetching")]
    pub archive: Option<PathBuf>,
    /// With --archive: fetch archived URLs again (a conditional GET; a 304 re-uses the stored page).
    #[arg(long, requires = "archive", help_heading = "Fetching")]
    pub refresh: bool,
    /// Show the progress bar on stderr when it is a terminal (the caller clears it for `-q`).
    #[arg(skip = true)]
    pub progress: bool,
    /// Also write every fetched page and attachment to FILE as WARC 1.1 request + response
    /// records (one gzip member per record; appended to an existing file).
    #[arg(long, value_name = "FILE.warc.gz", help_heading = "Fetching")]
    pub warc: Option<PathBuf>,
}

impl Default for FetchOpts {
    /// The same values as the command-line defaults.
    fn default() -> Self {
        FetchOpts {
            delay: 1.0,
            concurrency: 4,
            timeout: 60.0,
            connect_timeout: 15.0,
            retries: 3,
            max_bytes: DEFAULT_MAX_BYTES,
            max_redirects: 10,
            max_crawl_delay: 60.0,
            max_retry_after: 300.0,
            user_agent: None,
            ignore_robots: false,
            archive: None,
            refresh: false,
            progress: true,
            warc: None,
        }
    }
}

/// The default honest User-Agent: names the tool, its version and where to learn about it.
pub fn default_user_agent() -> String {
    let repo = env!("CARGO_PKG_REPOSITORY");
    let version = env!("CARGO_PKG_VERSION");
    // No invented URL: the project's home appears once Cargo.toml names a repository.
    if repo.is_empty() {
        format!("tenderscan/{version} (procurement notice scanner; contact: set --user-agent)")
    } else {
        format!("tenderscan/{version} (+{repo}; contact: set --user-agent)")
    }
}

/// Options after checking: durations instead of floats, no zero concurrency.
#[derive(Debug, Clone)]
pub(crate) struct FetchConfig {
    pub delay: Duration,
    pub concurrency: usize,
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub retries: u32,
    pub max_bytes: u64,
    pub max_redirects: usize,
    pub max_crawl_delay: Duration,
    pub max_retry_after: Duration,
    pub user_agent: String,
    pub ignore_robots: bool,
    pub archive: Option<PathBuf>,
    pub refresh: bool,
    pub warc: Option<PathBuf>,
    /// First backoff step; doubled per retry (1 s as in most polite crawlers).
    pub backoff_base: Duration,
    /// Longest backoff step.
    pub backoff_cap: Duration,
}

fn secs(name: &str, value: f64) -> anyhow::Result<Duration> {
    Duration::try_from_secs_f64(value)
        .with_context(|| format!("--{name} must be a non-negative number of seconds, not {value}"))
}

impl FetchConfig {
    /// Check the raw options once, so the fetcher never sees a half-checked value.
    pub fn from_opts(opts: &FetchOpts) -> anyhow::Result<FetchConfig> {
        if opts.concurrency == 0 {
            bail!("--concurrency must be at least 1");
        }
        let timeout = secs("timeout", opts.timeout)?;
        let connect_timeout = secs("connect-timeout", opts.connect_timeout)?;
        if timeout.is_zero() || connect_timeout.is_zero() {
            bail!("--timeout and --connect-timeout must be greater than zero");
        }
        let user_agent = match &opts.user_agent {
            Some(ua) if ua.trim().is_empty() => bail!("--user-agent must not be empty"),
            Some(ua) => ua.trim().to_string(),
            None => default_user_agent(),
        };
        Ok(FetchConfig {
            delay: secs("delay", opts.delay)?,
            concurrency: opts.concurrency,
            timeout,
            connect_timeout,
            retries: opts.retries,
            max_bytes: opts.max_bytes,
            max_redirects: opts.max_redirects,
            max_crawl_delay: secs("max-crawl-delay", opts.max_crawl_delay)?,
            max_retry_after: secs("max-retry-after", opts.max_retry_after)?,
            user_agent,
            ignore_robots: opts.ignore_robots,
            archive: opts.archive.clone(),
            refresh: opts.refresh,
            warc: opts.warc.clone(),
            backoff_base: Duration::from_secs(1),
            backoff_cap: Duration::from_secs(60),
        })
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser as _;

    use super::*;

    #[derive(clap::Parser)]
    struct Cli {
        #[command(flatten)]
        fetch: FetchOpts,
    }

    #[test]
    fn default_matches_the_command_line_defaults() {
        let parsed = Cli::try_parse_from(["tenderscan"])
            .map(|c| c.fetch)
            .unwrap_or_default();
        let default = FetchOpts::default();
        assert_eq!(format!("{parsed:?}"), format!("{default:?}"));
        assert_eq!(parsed.delay, 1.0);
        assert_eq!(parsed.concurrency, 4);
        assert_eq!(parsed.max_bytes, 32 * 1024 * 1024);
    }

    #[test]
    fn bad_values_are_refused_once() {
        let zero = FetchOpts {
            concurrency: 0,
            ..FetchOpts::default()
        };
        assert!(
            FetchConfig::from_opts(&zero)
                .is_err_and(|e| e.to_string() == "--concurrency must be at least 1")
        );
        let negative = FetchOpts {
            delay: -1.0,
            ..FetchOpts::default()
        };
        assert!(
            FetchConfig::from_opts(&negative)
                .is_err_and(|e| e.to_string().starts_with("--delay must be"))
        );
        assert!(
            Cli::try_parse_from(["tenderscan", "--refresh"]).is_err(),
            "--refresh needs --archive"
        );
    }

    #[test]
    fn user_agent_is_honest_and_ascii() {
        let ua = default_user_agent();
        assert!(ua.starts_with(&format!("tenderscan/{} (", env!("CARGO_PKG_VERSION"))));
        assert!(ua.contains("contact: set --user-agent"));
        assert!(ua.is_ascii());
    }
}
