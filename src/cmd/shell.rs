//! `tenderscan completions SHELL` and `tenderscan man`: shell integration from the clap model.
use std::io::Write;

use anyhow::Context;
use clap::CommandFactory;

use crate::cli::Cli;
use crate::exit;

/// Arguments of `tenderscan completions`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  tenderscan completions bash > ~/.local/share/bash-completion/completions/tenderscan
  tenderscan completions zsh > ~/.zfunc/_tenderscan      # with fpath+=~/.zfunc in .zshrc
  tenderscan completions fish > ~/.config/fish/completions/tenderscan.fish
  tenderscan completions powershell >> $PROFILE")]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum, ignore_case = true)]
    pub shell: clap_complete::Shell,
}

/// Arguments of `tenderscan man`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  tenderscan man | man -l -
  tenderscan man > ~/.local/share/man/man1/tenderscan.1
  tenderscan man watchlist screen | man -l -    # the page of one subcommand")]
pub struct ManArgs {
    /// A subcommand (path) whose page to print, e.g. `scan` or `watchlist screen` [default: the
    /// main page].
    #[arg(value_name = "SUBCOMMAND")]
    pub subcommand: Vec<String>,
}

/// Print the completion script on stdout.
pub fn completions(args: CompletionsArgs) -> anyhow::Result<u8> {
    let mut cmd = Cli::command();
    let mut out = std::io::stdout().lock();
    clap_complete::generate(args.shell, &mut cmd, "tenderscan", &mut out);
    out.flush()?;
    Ok(exit::OK)
}

/// Print the roff manual page on stdout.
pub fn man(args: ManArgs) -> anyhow::Result<u8> {
    let mut cmd = Cli::command();
    cmd.build();
    let mut name = String::from("tenderscan");
    for sub in &args.subcommand {
        let found = cmd
            .find_subcommand(sub)
            .cloned()
            .ok_or_else(|| exit::usage(format!("no subcommand `{sub}` under `{name}`")))?;
        name = format!("{name}-{sub}");
        cmd = found;
    }
    let mut page = Vec::new();
    clap_mangen::Man::new(cmd)
        .title(name)
        .render(&mut page)
        .context("rendering the manual page")?;
    let mut out = std::io::stdout().lock();
    out.write_all(&page)?;
    out.flush()?;
    Ok(exit::OK)
}
