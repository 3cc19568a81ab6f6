//! `tenderscan scan`.

/// Arguments of `tenderscan scan`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Run the command; returns the exit code.
pub fn run(args: Args, global: &crate::cli::Global) -> anyhow::Result<u8> {
    let _ = (args, global);
    anyhow::bail!("`scan` is not built yet")
}
