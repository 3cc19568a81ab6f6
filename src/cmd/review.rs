//! `tenderscan review`: append analysts' verdicts to a reviewed-hits file.
use std::path::PathBuf;

use crate::cli::Global;
use crate::exit;
use crate::model::Verdict;
use crate::review::{self, Review};

/// Arguments of `tenderscan review`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  tenderscan review add --file reviewed.csv SCZB-2024-001 'Sichuan University' \\
      --verdict false_positive --reviewer ana --note 'namesake, a hospital'
  tenderscan scan --reviewed reviewed.csv --history h.sqlite3 --new-only saved/")]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: ReviewCommand,
}

/// Subcommands of `tenderscan review`.
#[derive(Debug, clap::Subcommand)]
pub enum ReviewCommand {
    /// Append one verdict (creating the file with its header if needed).
    #[command(after_help = "\
Examples:
  tenderscan review add --file reviewed.csv SCZB-2024-001 'Sichuan University' \\
      --verdict false_positive --reviewer ana --note 'namesake, a hospital'
  tenderscan review add --file reviewed.csv fixtures/epoint_prose_zhipu_claude.html \\
      'Beijing Zhipu Huazhang Technology Co., Ltd.' --verdict confirmed --reviewer ana")]
    Add {
        /// The reviewed-hits file.
        #[arg(long, value_name = "FILE")]
        file: PathBuf,
        /// The notice: its source (URL or path), project_id or sha256.
        notice: String,
        /// The entity: its listed name or list_id.
        entity: String,
        /// The verdict.
        #[arg(long, value_parser = review::parse_verdict)]
        verdict: Verdict,
        /// Who reviewed.
        #[arg(long)]
        reviewer: String,
        /// When, `YYYY-MM-DD` [default: today, UTC].
        #[arg(long, value_parser = parse_date)]
        date: Option<String>,
        /// Why.
        #[arg(long, default_value = "")]
        note: String,
    },
}

fn parse_date(s: &str) -> Result<String, String> {
    s.parse::<jiff::civil::Date>()
        .map(|d| d.to_string())
        .map_err(|_| format!("expected a date as YYYY-MM-DD, not `{s}`"))
}

/// Run the command; returns the exit code.
pub fn run(args: Args, global: &Global) -> anyhow::Result<u8> {
    let _ = global;
    match args.command {
        ReviewCommand::Add {
            file,
            notice,
            entity,
            verdict,
            reviewer,
            date,
            note,
        } => {
            let date =
                date.unwrap_or_else(|| jiff::Timestamp::now().strftime("%Y-%m-%d").to_string());
            review::append(
                &file,
                &Review {
                    line: 0,
                    notice,
                    entity,
                    verdict,
                    reviewer,
                    date,
                    note,
                },
            )?;
        }
    }
    Ok(exit::OK)
}
