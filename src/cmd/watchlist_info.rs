//! `tenderscan watchlist info`: which copy of the vocabulary and lists is in use, and what is in it.
use std::io::Write;
use std::path::Path;

use anyhow::Context;

use crate::cli::Global;
use crate::exit;
use crate::vocab_dir;
use crate::watchlist::{self, update};

/// `watchlist info`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  tenderscan watchlist info
  tenderscan --vocab builtin watchlist info     # the copy built into the binary
  TENDERSCAN_VOCAB=~/my-lists tenderscan watchlist info")]
pub struct InfoArgs {}

/// Print the vocabulary directory in use (and why), its files, the saved list and entry counts.
pub fn run(_args: InfoArgs, global: &Global) -> anyhow::Result<u8> {
    let located = vocab_dir::resolve(global.vocab.as_deref())?;
    let list = watchlist::load_selected(&[], &located.dir)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    writeln!(out, "vocabulary: {}", located.dir.display())?;
    writeln!(out, "in use:     {}", located.origin.describe())?;
    writeln!(out, "files:")?;
    let mut names: Vec<String> = std::fs::read_dir(&located.dir)
        .with_context(|| format!("reading {}", located.dir.display()))?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".csv"))
        .collect();
    names.sort();
    for name in &names {
        let rows = count_rows(&located.dir.join(name));
        let builtin = vocab_dir::embedded()
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, bytes)| *bytes);
        let same = match builtin {
            None => " (not in the built-in copy)",
            Some(bytes) if std::fs::read(located.dir.join(name)).is_ok_and(|b| b == bytes) => "",
            Some(_) => " (differs from the built-in copy)",
        };
        writeln!(
            out,
            "  {name:<20} {rows:>6} {}{same}",
            if rows == 1 { "row" } else { "rows" }
        )?;
    }
    match update::saved_list()? {
        Some(p) => writeln!(out, "saved list: {}", p.display())?,
        None => writeln!(
            out,
            "saved list: none (`tenderscan watchlist update` downloads the current Consolidated Screening List)"
        )?,
    }
    let counts = list.counts_by_list();
    writeln!(out, "entries:    {}", list.entries.len())?;
    for (name, n) in counts {
        writeln!(out, "  {n:>6}  {name}")?;
    }
    out.flush()?;
    Ok(exit::OK)
}

/// Data rows of a CSV file (0 when it cannot be read; `watchlist info` is informational).
fn count_rows(path: &Path) -> usize {
    csv::ReaderBuilder::new()
        .flexible(true)
        .from_path(path)
        .map(|mut r| r.records().filter(Result::is_ok).count())
        .unwrap_or(0)
}
