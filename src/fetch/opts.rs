//! Command-line options of the fetcher (flattened into `scan` and `crawl`).

/// Fetch options.
#[derive(Debug, Clone, clap::Args, Default)]
pub struct FetchOpts {
    /// Store every fetched page under its sha256 in DIR, with a JSON sidecar.
    #[arg(long, value_name = "DIR", help_heading = "Fetching")]
    pub archive: Option<std::path::PathBuf>,
}
