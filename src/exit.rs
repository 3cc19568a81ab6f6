//! Documented process exit codes (also listed in README and `--help`).

/// Success: every input was read and the report was written.
pub const OK: u8 = 0;
/// Fatal error: bad watchlist or history, unwritable output, bad configuration.
pub const FATAL: u8 = 1;
/// Command-line usage error (from clap).
pub const USAGE: u8 = 2;
/// Some inputs failed (listed on stderr and in the report); the rest were reported.
pub const PARTIAL: u8 = 3;
/// Every input failed: nothing was scanned.
pub const ALL_FAILED: u8 = 4;
/// `--fail-on LEVEL`: a finding at or above LEVEL was reported.
pub const ALERT: u8 = 10;
/// Interrupted by Ctrl-C (what was done so far was written).
pub const INTERRUPTED: u8 = 130;

/// Text for `--help` and the README.
pub const HELP: &str = "\
Exit codes:
  0    success
  1    fatal error (watchlist, history, output or configuration)
  2    usage error
  3    some inputs failed; the others were reported
  4    every input failed
  10   --fail-on: a finding at or above the given level was reported
  130  interrupted (Ctrl-C); what was done was written";

/// A mistake on the command line that clap cannot see (a flag this source needs, a column not
/// in the file, a format this command cannot write): `main` prints it and exits with [`USAGE`].
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// A [`UsageError`] as an `anyhow::Error`, for `return Err(exit::usage(…))`.
pub fn usage(message: impl Into<String>) -> anyhow::Error {
    UsageError(message.into()).into()
}
