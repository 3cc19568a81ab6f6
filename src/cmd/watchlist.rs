//! `tenderscan watchlist`: look up, compare and screen names; update the official list.
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde_json::Value;

use crate::cli::{Format, Global, TableFormat, WatchlistOpts};
use crate::exit;
use crate::matcher::{self, Matcher, Vocabulary};
use crate::model::{Hit, Role};
use crate::report::neutralise;
use crate::watchlist::{self, Watchlist, update};

/// Arguments of `tenderscan watchlist`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  tenderscan watchlist lookup 四川大学
  tenderscan watchlist compare 'Sugon Information Industry Co., Ltd.' 中科曙光
  tenderscan watchlist compare --pairs pairs.csv --format jsonl
  tenderscan watchlist screen suppliers.csv --column 供应商名称
  tenderscan watchlist update
  tenderscan watchlist info")]
pub struct Args {
    /// What to do.
    #[command(subcommand)]
    pub command: Sub,
}

/// `watchlist` subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum Sub {
    /// Best hits for one name: list, listed name, method, score, citation, matched alias.
    Lookup(LookupArgs),
    /// Score two names against each other, or every pair in a CSV (`--pairs`).
    Compare(CompareArgs),
    /// Screen one column of a CSV (e.g. a supplier list) and append the best hit to each row.
    Screen(ScreenArgs),
    /// Download the official Consolidated Screening List and keep it for `scan`.
    Update(UpdateArgs),
    /// Per list: entries, entries with a Chinese name, translated names still without one,
    /// Chinese-name confidence counts, and duplicate or conflicting Chinese names.
    Info(InfoArgs),
}

/// `watchlist info`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  tenderscan watchlist info                  # per list: entries, Chinese names, what is missing
  tenderscan watchlist info --missing        # translated-name entries without a Chinese name
  tenderscan watchlist info --problems       # duplicate or conflicting Chinese names
  tenderscan --vocab builtin watchlist info --files   # which copy of the lists is in use")]
pub struct InfoArgs {
    /// Instead of the counts: the translated-name entries still without a Chinese name.
    #[arg(long, conflicts_with = "problems")]
    pub missing: bool,
    /// Instead of the counts: duplicate and conflicting rows of zh-names.csv.
    #[arg(long, conflicts_with = "files")]
    pub problems: bool,
    /// Instead of the counts: which copy of the vocabulary is in use (a directory, or the copy
    /// built into the binary), its files, the saved list and entry counts.
    #[arg(long, conflicts_with = "missing")]
    pub files: bool,
    /// Output format.
    #[arg(short, long, value_enum, ignore_case = true, default_value_t = TableFormat::Csv)]
    pub format: TableFormat,
    /// Watchlists.
    #[command(flatten)]
    pub lists: WatchlistOpts,
}

/// `watchlist lookup`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  tenderscan watchlist lookup 四川大学
  tenderscan watchlist lookup 'Harbin Institute of Technology' --min-score 0.5 -f jsonl")]
pub struct LookupArgs {
    /// The organisation name (Chinese or English).
    pub name: String,
    /// At most N hits.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Show hits down to this score (the match threshold is 0.70).
    #[arg(long, default_value_t = matcher::THRESHOLD)]
    pub min_score: f64,
    /// Output format.
    #[arg(short, long, value_enum, ignore_case = true, default_value_t = TableFormat::Csv)]
    pub format: TableFormat,
    /// Watchlists.
    #[command(flatten)]
    pub lists: WatchlistOpts,
}

/// `watchlist compare`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  tenderscan watchlist compare 'Sugon Information Industry Co., Ltd.' 中科曙光
  tenderscan watchlist compare --pairs pairs.csv -f jsonl")]
pub struct CompareArgs {
    /// Two names to compare.
    #[arg(num_args = 0..=2, required_unless_present = "pairs")]
    pub names: Vec<String>,
    /// A CSV whose first two columns are names; each row is written back with `score,method`.
    #[arg(long, value_name = "FILE.csv", conflicts_with = "names")]
    pub pairs: Option<PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, ignore_case = true, default_value_t = TableFormat::Csv)]
    pub format: TableFormat,
    /// Compare the strings alone, without what the watchlists know (aliases, Chinese names).
    #[arg(long)]
    pub no_lists: bool,
    /// Watchlists whose aliases inform the comparison (the second name is the listed one).
    #[command(flatten)]
    pub lists: WatchlistOpts,
}

/// `watchlist screen`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  tenderscan watchlist screen suppliers.csv --column 供应商名称
  tenderscan watchlist screen - --column name -f jsonl < vendors.csv")]
pub struct ScreenArgs {
    /// CSV file with a header row (`-` for stdin).
    pub file: PathBuf,
    /// The column holding the names.
    #[arg(long, value_name = "NAME")]
    pub column: String,
    /// Output format.
    #[arg(short, long, value_enum, ignore_case = true, default_value_t = TableFormat::Csv)]
    pub format: TableFormat,
    /// Watchlists.
    #[command(flatten)]
    pub lists: WatchlistOpts,
}

/// `watchlist update`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  tenderscan watchlist update
  tenderscan watchlist update --url https://mirror.example.org/consolidated.csv --out lists/csl.csv")]
pub struct UpdateArgs {
    /// Where to download the CSL from (CSV or JSON).
    #[arg(long, default_value = update::DEFAULT_URL)]
    pub url: String,
    /// Where to store it [default: the data directory, or $TENDERSCAN_DATA_DIR, where `scan` finds it].
    #[arg(long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Refuse a download larger than this many bytes (after decompression).
    #[arg(long, value_name = "BYTES", default_value_t = update::DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
}

/// Run the command; returns the exit code.
pub fn run(args: Args, global: &Global) -> anyhow::Result<u8> {
    match args.command {
        Sub::Lookup(a) => lookup(a, global),
        Sub::Compare(a) => compare(a, global),
        Sub::Screen(a) => screen(a, global),
        Sub::Update(a) => run_update(a),
        Sub::Info(a) => info(a, global),
    }
}

fn info(args: InfoArgs, global: &Global) -> anyhow::Result<u8> {
    use crate::watchlist::{info, overlay};
    if args.files {
        return crate::cmd::watchlist_info::run(crate::cmd::watchlist_info::InfoArgs {}, global);
    }
    if !global.quiet {
        let located = crate::vocab_dir::resolve(global.vocab.as_deref())?;
        eprintln!(
            "tenderscan: vocabulary {} ({}); `watchlist info --files` lists it",
            located.dir.display(),
            located.origin.describe()
        );
    }
    let dir = vocab_dir(global, args.lists.watchlists.is_empty())?;
    let list = match &dir {
        Some(d) => watchlist::load_selected(&args.lists.watchlists, d)?,
        None => Watchlist::load(&args.lists.watchlists, None).context("loading the watchlists")?,
    };
    let overlay_path = dir.as_ref().map(|d| d.join("zh-names.csv"));
    let rows = match overlay_path.filter(|p| p.is_file()) {
        Some(p) => overlay::read_rows(&p).with_context(|| format!("reading {}", p.display()))?,
        None => Vec::new(),
    };
    let coverage = info::coverage(&list, &rows);
    let table = if args.missing {
        Table {
            header: vec!["list".into(), "listed_name".into()],
            rows: coverage
                .iter()
                .flat_map(|c| {
                    c.translated_without_zh
                        .iter()
                        .map(|n| vec![c.list.clone().into(), n.clone().into()])
                })
                .collect(),
        }
    } else if args.problems {
        Table {
            header: ["kind", "zh_name", "listed_names", "lines"]
                .map(String::from)
                .to_vec(),
            rows: info::zh_problems(&rows)
                .into_iter()
                .map(|p| {
                    let lines: Vec<String> = p.lines.iter().map(u64::to_string).collect();
                    vec![
                        p.kind.into(),
                        p.zh_name.into(),
                        p.listed_names.join(" | ").into(),
                        lines.join(" ").into(),
                    ]
                })
                .collect(),
        }
    } else {
        let problems = info::zh_problems(&rows);
        let count = |kind: &str, c: &info::ListInfo| {
            problems
                .iter()
                .filter(|p| p.kind == kind)
                .filter(|p| {
                    list.entries
                        .iter()
                        .any(|e| e.list == c.list && p.listed_names.contains(&e.name))
                })
                .count()
        };
        let mut header: Vec<String> = [
            "list",
            "kind",
            "entries",
            "with_zh_name",
            "translated_names",
            "translated_without_zh",
        ]
        .map(String::from)
        .to_vec();
        header.extend(overlay::CONFIDENCES.iter().map(|c| format!("zh_{c}")));
        header.extend(["zh_duplicates", "zh_conflicts"].map(String::from));
        let rows = coverage
            .iter()
            .map(|c| {
                let mut row: Vec<Value> = vec![
                    c.list.clone().into(),
                    c.kind.as_str().into(),
                    c.entries.into(),
                    c.with_zh.into(),
                    c.translated.into(),
                    c.translated_without_zh.len().into(),
                ];
                row.extend(
                    overlay::CONFIDENCES
                        .iter()
                        .map(|k| Value::from(c.confidence.get(*k).copied().unwrap_or(0))),
                );
                row.push(count("duplicate", c).into());
                row.push(count("conflict", c).into());
                row
            })
            .collect();
        Table { header, rows }
    };
    table.write(args.format.into())?;
    Ok(exit::OK)
}

/// The vocabulary directory if one can be found; with explicit `--watchlist` files it is optional.
fn vocab_dir(global: &Global, required: bool) -> anyhow::Result<Option<PathBuf>> {
    match crate::vocab_dir::locate(global.vocab.as_deref()) {
        Ok(dir) => Ok(Some(dir)),
        Err(err) if required || global.vocab.is_some() => Err(err),
        Err(err) => {
            tracing::info!(
                "no vocabulary directory ({err:#}); using the bundled matching vocabulary"
            );
            Ok(None)
        }
    }
}

fn vocabulary(dir: Option<&Path>) -> anyhow::Result<Vocabulary> {
    match dir {
        Some(d) => Vocabulary::load(d),
        None => Ok(Vocabulary::bundled()),
    }
}

/// Load the selected watchlists and build the matcher.
pub fn build_matcher(opts: &WatchlistOpts, global: &Global) -> anyhow::Result<Matcher> {
    let dir = vocab_dir(global, opts.watchlists.is_empty())?;
    let list = match &dir {
        Some(d) => watchlist::load_selected(&opts.watchlists, d)?,
        None => Watchlist::load(&opts.watchlists, None).context("loading the watchlists")?,
    };
    if list.entries.is_empty() {
        bail!("the watchlists hold no entries");
    }
    tracing::info!("{} watchlist entries loaded", list.entries.len());
    Ok(Matcher::with_vocabulary(list, vocabulary(dir.as_deref())?))
}

const HIT_COLUMNS: [&str; 9] = [
    "name",
    "list",
    "listed_name",
    "method",
    "score",
    "citation",
    "matched_alias",
    "list_id",
    "list_kind",
];

fn hit_values(h: &Hit) -> Vec<Value> {
    vec![
        h.name.clone().into(),
        h.list.clone().into(),
        h.listed_name.clone().into(),
        h.method.as_str().into(),
        Value::from(h.score),
        h.citation.clone().into(),
        h.matched_alias.clone().into(),
        h.list_id.clone().into(),
        h.list_kind.as_str().into(),
    ]
}

fn lookup(args: LookupArgs, global: &Global) -> anyhow::Result<u8> {
    // Usage checks first: loading a large list takes seconds.
    table_format(args.format.into())?;
    if args.name.trim().is_empty() {
        return Err(exit::usage("watchlist lookup needs a name (it was empty)"));
    }
    let m = build_matcher(&args.lists, global)?;
    let mut hits = m.screen_with_threshold(&args.name, Role::Text, args.min_score);
    hits.truncate(args.limit);
    if hits.is_empty() && !global.quiet {
        eprintln!(
            "tenderscan: no hit for {:?} at or above {:.2}",
            args.name, args.min_score
        );
    }
    let table = Table {
        header: HIT_COLUMNS.iter().map(|s| s.to_string()).collect(),
        rows: hits.iter().map(hit_values).collect(),
    };
    table.write(args.format.into())?;
    exit_without_freeing(m);
    Ok(exit::OK)
}

fn compare(args: CompareArgs, global: &Global) -> anyhow::Result<u8> {
    if args.pairs.is_none() && args.names.len() != 2 {
        eprintln!("tenderscan: compare needs two names or --pairs FILE.csv");
        return Ok(exit::USAGE);
    }
    let vocab = vocabulary(vocab_dir(global, false)?.as_deref())?;
    let listed = if args.no_lists {
        None
    } else {
        match build_matcher(&args.lists, global) {
            Ok(m) => Some(m),
            Err(err) if args.lists.watchlists.is_empty() => {
                tracing::warn!("comparing without watchlist aliases: {err:#}");
                None
            }
            Err(err) => return Err(err),
        }
    };
    let score_of = |a: &str, b: &str| -> Vec<Value> {
        let result = match &listed {
            Some(m) => m.compare(a, b),
            None => matcher::compare_names(&vocab, a, b),
        };
        match result {
            Some((m, s)) => vec![Value::from(s), m.as_str().into()],
            None => vec![Value::from(0.0), "none".into()],
        }
    };
    let table = match (&args.pairs, args.names.as_slice()) {
        (Some(path), _) => {
            let (mut header, rows) = read_csv(path)?;
            if header.len() < 2 {
                bail!("{}: needs two name columns", path.display());
            }
            header.extend(["score".to_string(), "method".to_string()]);
            let rows = rows
                .into_iter()
                .map(|row| {
                    let extra = score_of(
                        row.first().map_or("", String::as_str),
                        row.get(1).map_or("", String::as_str),
                    );
                    row.into_iter().map(Value::from).chain(extra).collect()
                })
                .collect();
            Table { header, rows }
        }
        (None, [a, b]) => {
            let header = ["name1", "name2", "score", "method"]
                .iter()
                .map(|s| s.to_string())
                .collect();
            let row = vec![Value::from(a.as_str()), Value::from(b.as_str())]
                .into_iter()
                .chain(score_of(a, b))
                .collect();
            Table {
                header,
                rows: vec![row],
            }
        }
        _ => bail!("compare needs two names or --pairs FILE.csv"),
    };
    table.write(args.format.into())?;
    exit_without_freeing(listed);
    Ok(exit::OK)
}

fn screen(args: ScreenArgs, global: &Global) -> anyhow::Result<u8> {
    table_format(args.format.into())?;
    let (mut header, rows) = read_csv(&args.file)?;
    let Some(col) = header.iter().position(|h| h.trim() == args.column) else {
        return Err(exit::usage(format!(
            "{}: no column `{}` (columns: {})",
            args.file.display(),
            args.column,
            header.join(", ")
        )));
    };
    let m = build_matcher(&args.lists, global)?;
    header.extend(
        [
            "hit_listed_name",
            "hit_list",
            "hit_method",
            "hit_score",
            "hit_citation",
            "hit_matched_alias",
            "hit_count",
        ]
        .map(String::from),
    );
    let mut flagged = 0;
    let rows = rows
        .into_iter()
        .map(|row| {
            let hits = m.screen(row.get(col).map_or("", String::as_str), Role::Supplier);
            flagged += usize::from(!hits.is_empty());
            let best: Vec<Value> = match hits.first() {
                Some(h) => vec![
                    h.listed_name.clone().into(),
                    h.list.clone().into(),
                    h.method.as_str().into(),
                    Value::from(h.score),
                    h.citation.clone().into(),
                    h.matched_alias.clone().into(),
                ],
                // No hit: null in JSON (not "", which reads as a value), an empty CSV cell.
                None => vec![Value::Null; 6],
            };
            row.into_iter()
                .map(Value::from)
                .chain(best)
                .chain([Value::from(hits.len())])
                .collect()
        })
        .collect::<Vec<Vec<Value>>>();
    if !global.quiet {
        eprintln!(
            "tenderscan: {flagged} of {} rows hit a watchlist entry",
            rows.len()
        );
    }
    Table { header, rows }.write(args.format.into())?;
    exit_without_freeing(m);
    Ok(exit::OK)
}

/// Leave the index to the operating system: the command returns and the process exits next,
/// and freeing a million-row index alloc by alloc would cost ~0.3 s for nothing.
fn exit_without_freeing<T>(index: T) {
    std::mem::forget(index);
}

fn run_update(args: UpdateArgs) -> anyhow::Result<u8> {
    let report = update::update(&args.url, args.out.as_deref(), args.max_bytes)?;
    eprintln!(
        "tenderscan: saved {} ({} bytes)",
        report.path.display(),
        report.bytes
    );
    for (list, n) in &report.counts {
        eprintln!("  {n:>6}  {list}");
    }
    Ok(exit::OK)
}

/// A CSV file (or stdin) as header + rows of strings; errors name the file and line.
fn read_csv(path: &Path) -> anyhow::Result<(Vec<String>, Vec<Vec<String>>)> {
    let bytes = if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).context("reading stdin")?;
        bytes
    } else {
        std::fs::read(path).with_context(|| format!("reading {}", path.display()))?
    };
    let text = csv_text(bytes, path)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut rd = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let header = rd
        .headers()
        .with_context(|| format!("{}: reading the header", path.display()))?
        .iter()
        .map(String::from)
        .collect();
    let mut rows = Vec::new();
    for rec in rd.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            anyhow::anyhow!("{}:{line}: {e}", path.display())
        })?;
        rows.push(rec.iter().map(String::from).collect());
    }
    Ok((header, rows))
}

/// A CSV file's text: UTF-8 (a BOM is allowed), else the charset detected as for pages — GBK
/// is what Excel on Chinese Windows saves as "CSV". Damaged UTF-8 or undecodable bytes are an
/// error naming the first bad line, never text with replacement characters.
fn csv_text(bytes: Vec<u8>, path: &Path) -> anyhow::Result<String> {
    let err = match String::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(err) => err,
    };
    let decoded = crate::decode::decode(err.as_bytes(), None);
    if decoded.encoding != "utf-8" && !decoded.had_errors {
        tracing::info!("{}: read as {}", path.display(), decoded.encoding);
        return Ok(decoded.text);
    }
    let line = err.as_bytes()[..err.utf8_error().valid_up_to()]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1;
    bail!(
        "{}:{line}: not valid UTF-8 (nor GBK/GB18030) text: save it as \"CSV UTF-8\" or convert it (iconv -f gbk -t utf-8)",
        path.display()
    )
}

/// Fail with a usage error unless `format` is one a table can be written in (csv, json, jsonl).
fn table_format(format: Format) -> anyhow::Result<()> {
    match format {
        Format::Csv | Format::Json | Format::Jsonl => Ok(()),
        Format::Xlsx => Err(exit::usage(
            "-f xlsx is for reports (scan, crawl, history export); use -f csv here",
        )),
        Format::Ocds | Format::OcdsJsonl => Err(exit::usage(
            "OCDS output is for notices (scan, crawl, history export); use -f csv, json or jsonl here",
        )),
    }
}

/// Rows with named columns, written as CSV, a JSON array or JSON Lines on stdout.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<Value>>,
}

impl Table {
    fn object(&self, row: &[Value]) -> Value {
        let map: serde_json::Map<String, Value> = self
            .header
            .iter()
            .cloned()
            .zip(row.iter().cloned())
            .collect();
        Value::Object(map)
    }

    fn write(&self, format: Format) -> anyhow::Result<()> {
        table_format(format)?;
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::new(stdout.lock());
        match format {
            Format::Xlsx => {}
            Format::Csv => {
                // Cells come from the user's file (often scraped supplier lists) and from the
                // lists: guarded against formulas exactly as the scan report's cells are.
                let mut w = csv::Writer::from_writer(&mut out);
                w.write_record(self.header.iter().cloned().map(neutralise))?;
                for row in &self.rows {
                    w.write_record(row.iter().map(|v| match v {
                        Value::String(s) => neutralise(s.clone()),
                        Value::Null => String::new(),
                        other => other.to_string(),
                    }))?;
                }
                // csv::Writer's drop discards flush errors.
                w.flush()?;
            }
            Format::Json => {
                let all: Vec<Value> = self.rows.iter().map(|r| self.object(r)).collect();
                serde_json::to_writer_pretty(&mut out, &all)?;
                writeln!(out)?;
            }
            Format::Ocds | Format::OcdsJsonl => {}
            Format::Jsonl => {
                for r in &self.rows {
                    serde_json::to_writer(&mut out, &self.object(r))?;
                    writeln!(out)?;
                }
            }
        }
        out.flush()?;
        Ok(())
    }
}
