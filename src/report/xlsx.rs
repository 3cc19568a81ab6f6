//! The Excel report (`-f xlsx`): the CSV's columns on a `notices` sheet with typed cells, and one
//! row per watchlist hit and per product mention on a `findings` sheet.
//!
//! Excel and LibreOffice guess a CSV's encoding and garble Chinese text; an .xlsx file carries
//! its text as UTF-8 XML, so it opens right without an import dialog.
use rust_xlsxwriter::{ExcelDateTime, Format, Url, Workbook, Worksheet, XlsxError};

use super::csv_row;
use crate::model::Record;

/// Excel's limit on the characters in one cell.
const MAX_CELL_CHARS: usize = 32_767;
/// Excel's limit on the hyperlinks in one sheet; later sources are plain text.
const MAX_LINKS: u32 = 65_530;
/// Excel's limit on a hyperlink's length.
const MAX_URL_CHARS: usize = 2_079;
/// Excel's last row (0-based); records past it are counted and reported as an error.
const MAX_ROW: u32 = 1_048_575;

/// Columns of the `findings` sheet.
pub const FINDINGS_HEADER: &[&str] = &[
    "notice_row",
    "source",
    "kind",
    "role",
    "name",
    "listed_name",
    "list",
    "method",
    "score",
    "text",
    "context",
    "origin",
    "controlled",
];

/// Column widths (in characters) of the `notices` sheet, by header name; others get 14.
fn width(column: &str) -> f64 {
    match column {
        "alert" => 8.0,
        "published" | "fetched_at" => 12.0,
        "buyer" | "agency" | "suppliers" => 28.0,
        "title" => 48.0,
        "listed_entities" | "reasons" => 40.0,
        "source" | "final_url" => 50.0,
        "sha256" => 20.0,
        _ => 14.0,
    }
}

/// An Excel workbook being filled, one record at a time.
pub struct XlsxReport {
    book: Workbook,
    row: u32,
    finding_row: u32,
    links: u32,
    dropped: usize,
    date: Format,
    datetime: Format,
    amount: Format,
    score: Format,
}

impl XlsxReport {
    /// A workbook with both sheets and their header rows.
    pub fn new() -> Result<XlsxReport, XlsxError> {
        let mut book = Workbook::new();
        let header = Format::new().set_bold();
        {
            let sheet = book.add_worksheet();
            sheet.set_name("notices")?;
            for (col, name) in csv_row::HEADER.iter().enumerate() {
                let col = col as u16;
                sheet.write_string_with_format(0, col, *name, &header)?;
                sheet.set_column_width(col, width(name))?;
            }
            sheet.set_freeze_panes(1, 0)?;
        }
        {
            let sheet = book.add_worksheet();
            sheet.set_name("findings")?;
            for (col, name) in FINDINGS_HEADER.iter().enumerate() {
                sheet.write_string_with_format(0, col as u16, *name, &header)?;
            }
            for (col, w) in [
                10.0, 40.0, 8.0, 10.0, 28.0, 36.0, 30.0, 10.0, 7.0, 24.0, 60.0, 9.0, 10.0,
            ]
            .into_iter()
            .enumerate()
            {
                sheet.set_column_width(col as u16, w)?;
            }
            sheet.set_freeze_panes(1, 0)?;
        }
        Ok(XlsxReport {
            book,
            row: 0,
            finding_row: 0,
            links: 0,
            dropped: 0,
            date: Format::new().set_num_format("yyyy-mm-dd"),
            datetime: Format::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
            amount: Format::new().set_num_format("#,##0.00"),
            score: Format::new().set_num_format("0.00"),
        })
    }

    /// Add one record: a row on `notices`, and its hits and mentions on `findings`.
    pub fn write(&mut self, r: &Record) -> Result<(), XlsxError> {
        if self.row >= MAX_ROW {
            self.dropped += 1;
            return Ok(());
        }
        self.row += 1;
        let row = self.row;
        let cells = csv_row::row(r);
        let sheet = self.book.worksheet_from_index(0)?;
        for (col, (name, cell)) in csv_row::HEADER.iter().zip(cells).enumerate() {
            let col = col as u16;
            match *name {
                "budget_amount" => number(
                    sheet,
                    row,
                    col,
                    r.budget.as_ref().map(|m| m.amount),
                    &self.amount,
                )?,
                "award_amount" => number(
                    sheet,
                    row,
                    col,
                    r.award.as_ref().map(|m| m.amount),
                    &self.amount,
                )?,
                "published" => match r.published.as_deref().and_then(date) {
                    Some(d) => {
                        sheet.write_datetime_with_format(row, col, &d, &self.date)?;
                    }
                    None => text(sheet, row, col, r.published.as_deref().unwrap_or(""))?,
                },
                "fetched_at" => match r.fetched_at.as_deref().and_then(timestamp) {
                    Some(d) => {
                        sheet.write_datetime_with_format(row, col, &d, &self.datetime)?;
                    }
                    None => text(sheet, row, col, r.fetched_at.as_deref().unwrap_or(""))?,
                },
                "source" | "final_url" => {
                    // The CSV cell carries a formula guard; the xlsx cell is never a formula.
                    let raw = if *name == "source" {
                        Some(r.source.as_str())
                    } else {
                        r.final_url.as_deref()
                    };
                    let raw = raw.unwrap_or("");
                    match link_target(raw) {
                        Some(url) if self.links < MAX_LINKS => {
                            self.links += 1;
                            sheet.write_url_with_text(row, col, Url::new(url), clean(raw))?;
                        }
                        _ => text(sheet, row, col, raw)?,
                    }
                }
                // Text straight from the record, not the CSV's formula-guarded cell.
                "title" => text(sheet, row, col, r.title.as_deref().unwrap_or(""))?,
                "buyer" => text(sheet, row, col, r.buyer.as_deref().unwrap_or(""))?,
                "agency" => text(sheet, row, col, r.agency.as_deref().unwrap_or(""))?,
                "project_id" => text(sheet, row, col, r.project_id.as_deref().unwrap_or(""))?,
                _ => text(
                    sheet,
                    row,
                    col,
                    cell.strip_prefix('\'')
                        .filter(|_| guarded(&cell))
                        .unwrap_or(&cell),
                )?,
            }
        }
        self.findings(row, r)
    }

    fn findings(&mut self, notice_row: u32, r: &Record) -> Result<(), XlsxError> {
        let sheet = self.book.worksheet_from_index(1)?;
        for h in &r.hits {
            let cells = [
                r.source.as_str(),
                "hit",
                h.role.as_str(),
                &h.name,
                &h.listed_name,
                &h.list,
                h.method.as_str(),
                &h.matched_alias,
                &h.citation,
                "",
                "",
            ];
            finding(
                sheet,
                &mut self.finding_row,
                notice_row,
                cells,
                Some(h.score),
                &self.score,
            )?;
        }
        for m in &r.mentions {
            let context = match &m.attachment {
                Some(a) => format!("{} [{a}]", m.context),
                None => m.context.clone(),
            };
            let cells = [
                r.source.as_str(),
                "mention",
                m.category.as_str(),
                &m.name,
                "",
                "",
                "",
                &m.text,
                &context,
                m.origin.as_str(),
                if m.controlled { "yes" } else { "no" },
            ];
            finding(
                sheet,
                &mut self.finding_row,
                notice_row,
                cells,
                None,
                &self.score,
            )?;
        }
        Ok(())
    }

    /// Autofilters over what was written, then the file's bytes.
    pub fn finish(mut self) -> anyhow::Result<Vec<u8>> {
        let (rows, findings) = (self.row, self.finding_row);
        self.book.worksheet_from_index(0)?.autofilter(
            0,
            0,
            rows,
            csv_row::HEADER.len() as u16 - 1,
        )?;
        self.book.worksheet_from_index(1)?.autofilter(
            0,
            0,
            findings,
            FINDINGS_HEADER.len() as u16 - 1,
        )?;
        if self.dropped > 0 {
            anyhow::bail!(
                "the report has more rows than an Excel sheet holds ({} left out); use -f csv or jsonl",
                self.dropped
            );
        }
        Ok(self.book.save_to_buffer()?)
    }
}

/// True if a CSV cell got the formula guard (`'` before = + - @ tab CR).
fn guarded(cell: &str) -> bool {
    matches!(
        cell.chars().nth(1),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    )
}

/// One row of the `findings` sheet: the notice's row number, then `cells` around the score.
fn finding(
    sheet: &mut Worksheet,
    at: &mut u32,
    notice_row: u32,
    cells: [&str; 11],
    score: Option<f64>,
    score_fmt: &Format,
) -> Result<(), XlsxError> {
    if *at >= MAX_ROW {
        return Ok(());
    }
    *at += 1;
    // 1-based, as Excel shows it.
    sheet.write_number(*at, 0, f64::from(notice_row + 1))?;
    let [
        source,
        kind,
        role,
        name,
        listed,
        list,
        method,
        text_,
        context,
        origin,
        controlled,
    ] = cells;
    for (col, cell) in [source, kind, role, name, listed, list, method]
        .iter()
        .enumerate()
    {
        text(sheet, *at, col as u16 + 1, cell)?;
    }
    number(sheet, *at, 8, score, score_fmt)?;
    for (col, cell) in [text_, context, origin, controlled].iter().enumerate() {
        text(sheet, *at, col as u16 + 9, cell)?;
    }
    Ok(())
}

fn number(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<f64>,
    fmt: &Format,
) -> Result<(), XlsxError> {
    if let Some(v) = value.filter(|v| v.is_finite()) {
        sheet.write_number_with_format(row, col, v, fmt)?;
    }
    Ok(())
}

fn text(sheet: &mut Worksheet, row: u32, col: u16, s: &str) -> Result<(), XlsxError> {
    if !s.is_empty() {
        sheet.write_string(row, col, clean(s))?;
    }
    Ok(())
}

/// Page text may hold control characters (which Excel shows as `_x0001_`) or more than a cell
/// holds: drop the first (keeping tab and newline), cut the second.
pub fn clean(s: &str) -> String {
    // The CSV sanitiser, plus the C1 controls, which some XLSX readers reject.
    let mut out: String = super::strip_controls(s)
        .chars()
        .filter(|c| !('\u{80}'..='\u{9f}').contains(c))
        .collect();
    if out.chars().count() > MAX_CELL_CHARS {
        out = out.chars().take(MAX_CELL_CHARS - 1).collect();
        out.push('…');
    }
    out
}

/// `YYYY-MM-DD` as an Excel date.
fn date(s: &str) -> Option<ExcelDateTime> {
    let d: jiff::civil::Date = s.parse().ok()?;
    ExcelDateTime::from_ymd(
        u16::try_from(d.year()).ok()?,
        u8::try_from(d.month()).ok()?,
        u8::try_from(d.day()).ok()?,
    )
    .ok()
}

/// An RFC 3339 time as an Excel date-time in UTC.
fn timestamp(s: &str) -> Option<ExcelDateTime> {
    let t: jiff::Timestamp = s.parse().ok()?;
    let dt = jiff::tz::TimeZone::UTC.to_datetime(t);
    ExcelDateTime::from_ymd(
        u16::try_from(dt.year()).ok()?,
        u8::try_from(dt.month()).ok()?,
        u8::try_from(dt.day()).ok()?,
    )
    .ok()?
    .and_hms(
        u16::try_from(dt.hour()).ok()?,
        u8::try_from(dt.minute()).ok()?,
        f64::from(dt.second()),
    )
    .ok()
}

/// Where a source cell links to: web addresses only. (A local path would need a `file:` link,
/// which rust_xlsxwriter stores as a relative path on Unix; it stays plain text.)
fn link_target(source: &str) -> Option<String> {
    if !(source.starts_with("http://") || source.starts_with("https://")) {
        return None;
    }
    let s = url::Url::parse(source).ok()?.to_string();
    (s.len() <= MAX_URL_CHARS).then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_drops_control_characters_and_caps_length() {
        assert_eq!(clean("a\u{1}b\u{1b}[31mc\nd\te"), "ab[31mc\nd\te");
        let long = "字".repeat(40_000);
        let cut = clean(&long);
        assert_eq!(cut.chars().count(), MAX_CELL_CHARS);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn dates_and_links() {
        assert!(date("2025-06-27").is_some());
        assert!(date("June").is_none());
        assert!(timestamp("2025-06-27T01:02:03Z").is_some());
        assert!(timestamp("2025-06-27T09:02:03+08:00").is_some());
        assert_eq!(
            link_target("http://www.ccgp.gov.cn/a.htm").as_deref(),
            Some("http://www.ccgp.gov.cn/a.htm")
        );
        assert_eq!(link_target("/tmp/a b.html"), None);
        assert!(link_target(&format!("http://x.cn/{}", "a".repeat(3000))).is_none());
    }

    #[test]
    fn url_sources_are_hyperlinks() {
        use std::io::Read;
        let mut report = XlsxReport::new().unwrap();
        let record = Record {
            source: "http://www.ccgp.gov.cn/cggg/t1.htm".into(),
            title: Some("=cmd".into()),
            ..Record::default()
        };
        report.write(&record).unwrap();
        let bytes = report.finish().unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut rels = String::new();
        zip.by_name("xl/worksheets/_rels/sheet1.xml.rels")
            .unwrap()
            .read_to_string(&mut rels)
            .unwrap();
        assert!(
            rels.contains(r#"Target="http://www.ccgp.gov.cn/cggg/t1.htm" TargetMode="External""#),
            "{rels}"
        );
        let mut strings = String::new();
        zip.by_name("xl/sharedStrings.xml")
            .unwrap()
            .read_to_string(&mut strings)
            .unwrap();
        // A text cell, never a formula, and without the CSV's quote guard.
        assert!(strings.contains("<t>=cmd</t>"), "{strings}");
    }
}
