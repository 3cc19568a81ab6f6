//! Report writers (CSV, JSON, JSON Lines, OCDS, Excel) and atomic report files.
mod cell;
mod csv_row;
pub mod ocds;
mod output;
pub mod xlsx;

pub use cell::strip_controls;
pub use csv_row::neutralise;
pub use output::Output;

use std::io::Write;

use anyhow::Context;

use crate::model::Record;

/// Report format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Format {
    /// Flat CSV, one row per notice.
    #[default]
    Csv,
    /// One JSON array of notice objects.
    Json,
    /// JSON Lines: one notice object per line.
    Jsonl,
    /// One OCDS 1.1 release package, one release per notice (see --ocid-prefix).
    Ocds,
    /// OCDS 1.1 releases, one per line, for streams.
    OcdsJsonl,
    /// Excel workbook: a notices sheet and a findings sheet (needs -o FILE).
    Xlsx,
}

/// Writes records in one format to a byte sink.
pub struct ReportWriter<W: Write> {
    inner: Inner<W>,
}

enum Inner<W: Write> {
    Csv(Box<csv::Writer<W>>),
    Json {
        out: W,
        first: bool,
    },
    Jsonl(W),
    Ocds {
        out: W,
        first: bool,
        prefix: String,
        now: String,
    },
    OcdsJsonl {
        out: W,
        prefix: String,
        now: String,
    },
    Xlsx {
        book: Box<xlsx::XlsxReport>,
        out: W,
    },
}

impl<W: Write> ReportWriter<W> {
    /// Start a report; `bom` prefixes CSV output with a UTF-8 BOM (for Excel).
    pub fn new(format: Format, out: W, bom: bool) -> anyhow::Result<Self> {
        Self::with_ocid_prefix(format, out, bom, ocds::DEFAULT_OCID_PREFIX)
    }

    /// Start a report; OCDS formats build each `ocid` from `prefix` (see `ocds::parse_ocid_prefix`).
    pub fn with_ocid_prefix(
        format: Format,
        mut out: W,
        bom: bool,
        prefix: &str,
    ) -> anyhow::Result<Self> {
        let now = jiff::Timestamp::now()
            .strftime("%Y-%m-%dT%H:%M:%SZ")
            .to_string();
        let inner = match format {
            Format::Csv => {
                if bom {
                    out.write_all("\u{feff}".as_bytes())?;
                }
                let mut w = csv::WriterBuilder::new().from_writer(out);
                w.write_record(csv_row::HEADER)?;
                Inner::Csv(Box::new(w))
            }
            Format::Json => {
                out.write_all(b"[")?;
                Inner::Json { out, first: true }
            }
            Format::Jsonl => Inner::Jsonl(out),
            Format::Ocds => {
                // The package head, then the releases streamed one by one into its array.
                let mut head = serde_json::to_string(&ocds::package_head(prefix, &now))?;
                head.pop(); // the closing brace: `releases` follows
                out.write_all(head.as_bytes())?;
                out.write_all(b",\"releases\":[")?;
                Inner::Ocds {
                    out,
                    first: true,
                    prefix: prefix.to_string(),
                    now,
                }
            }
            Format::OcdsJsonl => Inner::OcdsJsonl {
                out,
                prefix: prefix.to_string(),
                now,
            },
            Format::Xlsx => Inner::Xlsx {
                book: Box::new(xlsx::XlsxReport::new().context("starting the Excel report")?),
                out,
            },
        };
        Ok(ReportWriter { inner })
    }

    /// Write one record.
    pub fn write(&mut self, record: &Record) -> anyhow::Result<()> {
        match &mut self.inner {
            Inner::Csv(w) => w.write_record(csv_row::row(record))?,
            Inner::Json { out, first } => {
                out.write_all(if *first { b"\n" } else { b",\n" })?;
                *first = false;
                serde_json::to_writer(&mut *out, record)?;
            }
            Inner::Jsonl(out) => {
                serde_json::to_writer(&mut *out, record)?;
                out.write_all(b"\n")?;
            }
            // A failed input is no contracting process: it has no place in OCDS (stderr names it).
            Inner::Ocds { .. } | Inner::OcdsJsonl { .. } if record.error.is_some() => {}
            Inner::Ocds {
                out,
                first,
                prefix,
                now,
            } => {
                out.write_all(if *first { b"\n" } else { b",\n" })?;
                *first = false;
                serde_json::to_writer(&mut *out, &ocds::release(record, prefix, now))?;
            }
            Inner::OcdsJsonl { out, prefix, now } => {
                serde_json::to_writer(&mut *out, &ocds::release(record, prefix, now))?;
                out.write_all(b"\n")?;
            }
            Inner::Xlsx { book, .. } => book.write(record).context("writing the Excel report")?,
        }
        Ok(())
    }

    /// Close the report (JSON's closing bracket), flush, and hand back the sink.
    pub fn finish(self) -> anyhow::Result<W> {
        let mut out = match self.inner {
            // `csv::Writer`'s drop would swallow a flush error: flush explicitly.
            Inner::Csv(w) => (*w)
                .into_inner()
                .map_err(|e| anyhow::Error::new(e.into_error()))?,
            Inner::Json { mut out, first } => {
                out.write_all(if first { b"]\n" } else { b"\n]\n" })?;
                out
            }
            Inner::Jsonl(out) => out,
            Inner::Ocds { mut out, first, .. } => {
                if first {
                    // Still valid JSON for pipes, but the package schema wants ≥ 1 release.
                    tracing::warn!(
                        "no release to write: the OCDS package has an empty `releases` array, which the package schema does not accept"
                    );
                }
                out.write_all(if first { b"]}\n" } else { b"\n]}\n" })?;
                out
            }
            Inner::OcdsJsonl { out, .. } => out,
            // A workbook is a zip archive: it is written whole at the end.
            Inner::Xlsx { book, mut out } => {
                out.write_all(&book.finish()?)?;
                out
            }
        };
        out.flush().context("flushing the report")?;
        Ok(out)
    }
}
