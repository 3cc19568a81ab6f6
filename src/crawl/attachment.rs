//! Text of tender attachments: DOCX and XLSX (zip + quick-xml), PDF (the `pdftotext` command),
//! ZIP archives (recursively, with limits). Every failure is a typed [`Skip`] reason, never a panic:
//! a corrupt, encrypted or enormous attachment, or a zip bomb, must not stop the crawl.
use std::io::{Cursor, Read};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::reader::Reader;

/// Limits applied while reading attachments.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Largest attachment accepted, in bytes (as downloaded).
    pub max_bytes: u64,
    /// Most entries read from one ZIP archive (DOCX/XLSX parts count too).
    pub max_entries: usize,
    /// Most bytes expanded from one archive in total (all entries, nested archives included).
    pub max_expanded: u64,
    /// Deepest nesting of archives inside archives.
    pub max_depth: usize,
    /// Longest a `pdftotext` run may take.
    pub pdf_timeout: Duration,
    /// The PDF-to-text program (normally `pdftotext` from poppler-utils).
    pub pdftotext: String,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 20 << 20,
            max_entries: 200,
            max_expanded: 64 << 20,
            max_depth: 3,
            pdf_timeout: Duration::from_secs(60),
            pdftotext: "pdftotext".into(),
        }
    }
}

/// Why an attachment's text could not be read (shown in the report as the skip reason).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Skip {
    /// The file type is not read at all.
    #[error("{0}")]
    Unsupported(String),
    /// Larger than the configured limit.
    #[error("too large: {size} bytes (limit {limit}; see --max-attachment-mib)")]
    TooLarge {
        /// Size seen.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The archive expands beyond its limits (a zip bomb, or simply too big).
    #[error("archive expands beyond the limit ({0}); possible zip bomb")]
    Bomb(String),
    /// Password-protected content.
    #[error("encrypted: {0}")]
    Encrypted(String),
    /// Unreadable bytes.
    #[error("corrupt {kind}: {detail}")]
    Corrupt {
        /// DOCX, XLSX, PDF, ZIP.
        kind: &'static str,
        /// What went wrong.
        detail: String,
    },
    /// `pdftotext` is missing.
    #[error("pdftotext not installed; apt-get install poppler-utils")]
    NoPdfToText,
}

/// Kinds of attachment, by extension (the magic bytes are checked again when reading).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Office Open XML word document.
    Docx,
    /// Office Open XML workbook.
    Xlsx,
    /// PDF.
    Pdf,
    /// ZIP archive.
    Zip,
    /// Old binary Word (OLE); not read.
    Doc,
    /// Old binary Excel (OLE); not read.
    Xls,
}

impl Kind {
    /// The kind for a file extension (case-insensitive, without the dot).
    pub fn from_extension(ext: &str) -> Option<Kind> {
        match ext.to_ascii_lowercase().as_str() {
            "docx" => Some(Kind::Docx),
            "xlsx" => Some(Kind::Xlsx),
            "pdf" => Some(Kind::Pdf),
            "zip" => Some(Kind::Zip),
            "doc" => Some(Kind::Doc),
            "xls" => Some(Kind::Xls),
            _ => None,
        }
    }

    /// The kind for a file name, from its extension.
    pub fn from_name(name: &str) -> Option<Kind> {
        let ext = name.rsplit_once('.')?.1;
        Kind::from_extension(ext.trim())
    }
}

/// An entry this large that compressed better than [`BOMB_RATIO`] is refused.
const BOMB_MIN_BYTES: u64 = 1 << 20;
/// Compression ratio beyond which a large entry counts as a zip bomb.
const BOMB_RATIO: u64 = 200;
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP_MAGIC: &[u8] = b"PK\x05\x06";
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Extract the text of one attachment named `name` (the name decides the type).
pub fn extract_text(name: &str, bytes: &[u8], limits: &Limits) -> Result<String, Skip> {
    if bytes.len() as u64 > limits.max_bytes {
        return Err(Skip::TooLarge {
            size: bytes.len() as u64,
            limit: limits.max_bytes,
        });
    }
    let Some(kind) = Kind::from_name(name) else {
        return Err(Skip::Unsupported(format!(
            "not a document type that is read: {name}"
        )));
    };
    let mut budget = Budget {
        entries: limits.max_entries,
        expanded: limits.max_expanded,
    };
    extract_kind(kind, bytes, limits, &mut budget, 0)
}

/// What is left of one top-level attachment's expansion limits.
struct Budget {
    entries: usize,
    expanded: u64,
}

fn extract_kind(
    kind: Kind,
    bytes: &[u8],
    limits: &Limits,
    budget: &mut Budget,
    depth: usize,
) -> Result<String, Skip> {
    // Office files encrypted with a password are OLE containers whatever their extension says.
    if bytes.starts_with(OLE_MAGIC) && matches!(kind, Kind::Docx | Kind::Xlsx) {
        return Err(Skip::Encrypted(
            "password-protected Office file (OLE container, not OOXML)".into(),
        ));
    }
    match kind {
        Kind::Docx => docx_text(bytes, limits, budget),
        Kind::Xlsx => xlsx_text(bytes, limits, budget),
        Kind::Pdf => pdf_text(bytes, limits),
        Kind::Zip => zip_text(bytes, limits, budget, depth),
        Kind::Doc => Err(Skip::Unsupported(
            "old binary Word .doc is not read; ask for the .docx or .pdf".into(),
        )),
        Kind::Xls => Err(Skip::Unsupported(
            "old binary Excel .xls is not read; ask for the .xlsx".into(),
        )),
    }
}

fn corrupt(kind: &'static str, detail: impl std::fmt::Display) -> Skip {
    Skip::Corrupt {
        kind,
        detail: detail.to_string(),
    }
}

fn open_zip<'a>(
    kind: &'static str,
    bytes: &'a [u8],
) -> Result<zip::ZipArchive<Cursor<&'a [u8]>>, Skip> {
    if !(bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(EMPTY_ZIP_MAGIC)) {
        return Err(corrupt(kind, "not a ZIP container"));
    }
    zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(kind, e))
}

/// Read one archive entry whole, charging the budget with what is really expanded (the sizes
/// declared in the archive can lie, so the reader is capped, not trusted).
fn read_entry<R: Read>(
    mut entry: R,
    name: &str,
    compressed: u64,
    budget: &mut Budget,
) -> Result<Vec<u8>, Skip> {
    if budget.entries == 0 {
        return Err(Skip::Bomb("too many entries".into()));
    }
    budget.entries -= 1;
    let mut out = Vec::new();
    let read = (&mut entry)
        .take(budget.expanded.saturating_add(1))
        .read_to_end(&mut out);
    match read {
        Ok(n) if n as u64 > budget.expanded => {
            Err(Skip::Bomb(format!("{name} expands past the size limit")))
        }
        // Text and office documents compress 3–20×; a megabyte-plus entry at 200× is padding.
        Ok(n) if n as u64 > BOMB_MIN_BYTES && n as u64 / compressed.max(1) > BOMB_RATIO => {
            Err(Skip::Bomb(format!(
                "{name} expands {}× ({n} bytes from {compressed})",
                n as u64 / compressed.max(1)
            )))
        }
        Ok(n) => {
            budget.expanded -= n as u64;
            Ok(out)
        }
        Err(e) if e.to_string().to_ascii_lowercase().contains("password") => {
            Err(Skip::Encrypted(name.into()))
        }
        Err(e) => Err(corrupt("ZIP", format!("{name}: {e}"))),
    }
}

fn zip_part(
    archive: &mut zip::ZipArchive<Cursor<&[u8]>>,
    kind: &'static str,
    part: &str,
    budget: &mut Budget,
) -> Result<Option<String>, Skip> {
    let entry = match archive.by_name(part) {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) if e.to_string().to_ascii_lowercase().contains("password") => {
            return Err(Skip::Encrypted(part.into()));
        }
        Err(e) => return Err(corrupt(kind, e)),
    };
    if entry.encrypted() {
        return Err(Skip::Encrypted(part.into()));
    }
    let compressed = entry.compressed_size();
    let bytes = read_entry(entry, part, compressed, budget)?;
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

/// DOCX: the `<w:t>` runs of the body, headers and footers, one paragraph per line.
fn docx_text(bytes: &[u8], _limits: &Limits, budget: &mut Budget) -> Result<String, Skip> {
    let mut archive = open_zip("DOCX", bytes)?;
    let Some(document) = zip_part(&mut archive, "DOCX", "word/document.xml", budget)? else {
        return Err(corrupt("DOCX", "no word/document.xml"));
    };
    let mut text = word_xml_text(&document).map_err(|e| corrupt("DOCX", e))?;
    // Footnotes and tables already sit in document.xml; footnotes live apart and sometimes name products.
    for part in ["word/footnotes.xml", "word/endnotes.xml"] {
        if let Some(xml) = zip_part(&mut archive, "DOCX", part, budget)? {
            text.push_str(&word_xml_text(&xml).map_err(|e| corrupt("DOCX", e))?);
        }
    }
    Ok(text)
}

/// Text of a WordprocessingML part: `<w:t>` content, tabs for `<w:tab/>`, a newline per paragraph
/// and table cell so that "NVIDIA" and "A100" in two cells do not run together.
pub fn word_xml_text(xml: &str) -> Result<String, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event()? {
            Event::Start(e) if e.local_name().as_ref() == "t" => in_text = true,
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" | "tc" => out.push('\n'),
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" => out.push('\t'),
                "br" | "cr" => out.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text => out.push_str(&t.xml_content(XmlVersion::Implicit1_0)),
            Event::CData(t) if in_text => out.push_str(&t),
            Event::GeneralRef(r) if in_text => push_reference(&mut out, &r),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

fn push_reference(out: &mut String, r: &quick_xml::events::BytesRef<'_>) {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        out.push(c);
        return;
    }
    match &**r {
        "amp" => out.push('&'),
        "lt" => out.push('<'),
        "gt" => out.push('>'),
        "quot" => out.push('"'),
        "apos" => out.push('\''),
        _ => {}
    }
}

/// XLSX: every sheet, one row per line, cells separated by tabs, shared strings resolved.
fn xlsx_text(bytes: &[u8], _limits: &Limits, budget: &mut Budget) -> Result<String, Skip> {
    let mut archive = open_zip("XLSX", bytes)?;
    let shared = match zip_part(&mut archive, "XLSX", "xl/sharedStrings.xml", budget)? {
        Some(xml) => shared_strings(&xml).map_err(|e| corrupt("XLSX", e))?,
        None => Vec::new(),
    };
    let mut sheets: Vec<String> = archive
        .file_names_raw()
        .map(entry_name)
        .filter(|n| n.starts_with("xl/worksheets/") && n.ends_with(".xml"))
        .collect();
    if sheets.is_empty() {
        return Err(corrupt("XLSX", "no worksheets"));
    }
    // sheet2 before sheet10: numeric order, as Excel shows them.
    sheets.sort_by_key(|n| (n.len(), n.clone()));
    let mut out = String::new();
    for sheet in sheets {
        if let Some(xml) = zip_part(&mut archive, "XLSX", &sheet, budget)? {
            out.push_str(&sheet_text(&xml, &shared).map_err(|e| corrupt("XLSX", e))?);
        }
    }
    Ok(out)
}

fn shared_strings(xml: &str) -> Result<Vec<String>, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut strings = Vec::new();
    let mut current = String::new();
    let mut in_t = false;
    loop {
        match reader.read_event()? {
            Event::Start(e) if e.local_name().as_ref() == "si" => current.clear(),
            Event::Start(e) if e.local_name().as_ref() == "t" => in_t = true,
            Event::End(e) if e.local_name().as_ref() == "t" => in_t = false,
            Event::End(e) if e.local_name().as_ref() == "si" => {
                strings.push(std::mem::take(&mut current))
            }
            Event::Text(t) if in_t => current.push_str(&t.xml_content(XmlVersion::Implicit1_0)),
            Event::GeneralRef(r) if in_t => push_reference(&mut current, &r),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(strings)
}

fn sheet_text(xml: &str, shared: &[String]) -> Result<String, quick_xml::Error> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::new();
    let mut cell_type = String::new();
    let mut value = String::new();
    let mut in_value = false;
    loop {
        match reader.read_event()? {
            Event::Start(e) if e.local_name().as_ref() == "c" => {
                cell_type = e
                    .try_get_attribute("t")
                    .ok()
                    .flatten()
                    .map(|a| a.value.into_owned())
                    .unwrap_or_default();
                value.clear();
            }
            Event::Start(e) if matches!(e.local_name().as_ref(), "v" | "t") => in_value = true,
            Event::End(e) => match e.local_name().as_ref() {
                "v" | "t" => in_value = false,
                "c" => {
                    let cell = if cell_type == "s" {
                        value
                            .trim()
                            .parse::<usize>()
                            .ok()
                            .and_then(|i| shared.get(i))
                            .cloned()
                            .unwrap_or_default()
                    } else {
                        std::mem::take(&mut value)
                    };
                    out.push_str(&cell);
                    out.push('\t');
                }
                "row" => out.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_value => value.push_str(&t.xml_content(XmlVersion::Implicit1_0)),
            Event::GeneralRef(r) if in_value => push_reference(&mut value, &r),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

/// ZIP: every entry of a readable type, recursively, under one shared budget of entries and bytes.
fn zip_text(
    bytes: &[u8],
    limits: &Limits,
    budget: &mut Budget,
    depth: usize,
) -> Result<String, Skip> {
    if depth >= limits.max_depth {
        return Err(Skip::Bomb(format!(
            "archives nested deeper than {}",
            limits.max_depth
        )));
    }
    let mut archive = open_zip("ZIP", bytes)?;
    if archive.len() > budget.entries {
        return Err(Skip::Bomb(format!(
            "{} entries (limit {})",
            archive.len(),
            budget.entries
        )));
    }
    let mut out = String::new();
    let mut read_any = false;
    let mut skipped = Vec::new();
    for i in 0..archive.len() {
        let entry = match archive.by_index(i) {
            Ok(e) => e,
            Err(e) if e.to_string().to_ascii_lowercase().contains("password") => {
                return Err(Skip::Encrypted(format!("entry {i} of the archive")));
            }
            Err(e) => return Err(corrupt("ZIP", e)),
        };
        if entry.is_dir() {
            continue;
        }
        let name = entry_name(entry.name_raw());
        let Some(kind) = Kind::from_name(&name) else {
            skipped.push(name);
            continue;
        };
        if entry.encrypted() {
            return Err(Skip::Encrypted(name));
        }
        let compressed = entry.compressed_size();
        let inner = read_entry(entry, &name, compressed, budget)?;
        match extract_kind(kind, &inner, limits, budget, depth + 1) {
            Ok(text) => {
                read_any = true;
                out.push_str(&format!("\n[{name}]\n"));
                out.push_str(&text);
            }
            // A bomb or an encrypted entry condemns the whole archive; one bad entry does not.
            Err(e @ (Skip::Bomb(_) | Skip::NoPdfToText)) => return Err(e),
            Err(e) => skipped.push(format!("{name} ({e})")),
        }
    }
    if !read_any {
        return Err(Skip::Unsupported(if skipped.is_empty() {
            "empty archive".into()
        } else {
            format!(
                "no readable document in the archive: {}",
                skipped.join(", ")
            )
        }));
    }
    if !skipped.is_empty() {
        tracing::info!("archive entries not read: {}", skipped.join(", "));
    }
    Ok(out)
}

/// Entry names from Chinese Windows zippers are GBK without the UTF-8 flag.
fn entry_name(raw: &[u8]) -> String {
    match std::str::from_utf8(raw) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::GBK.decode(raw).0.into_owned(),
    }
}

/// True when the `pdftotext` program can be run.
pub fn pdftotext_available(program: &str) -> bool {
    Command::new(program)
        .arg("-v")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// PDF through poppler's `pdftotext` (pure-Rust extractors panic on the GBK-EUC CMaps common in
/// Chinese official documents), with a timeout.
fn pdf_text(bytes: &[u8], limits: &Limits) -> Result<String, Skip> {
    if !bytes.starts_with(b"%PDF") {
        return Err(corrupt("PDF", "no %PDF header"));
    }
    let dir =
        tempfile::tempdir().map_err(|e| corrupt("PDF", format!("temporary directory: {e}")))?;
    let input = dir.path().join("attachment.pdf");
    let output = dir.path().join("attachment.txt");
    std::fs::write(&input, bytes).map_err(|e| corrupt("PDF", format!("temporary file: {e}")))?;
    run_pdftotext(&limits.pdftotext, &input, &output, limits.pdf_timeout)?;
    let text =
        std::fs::read(&output).map_err(|e| corrupt("PDF", format!("pdftotext output: {e}")))?;
    Ok(String::from_utf8_lossy(&text).into_owned())
}

fn run_pdftotext(
    program: &str,
    input: &Path,
    output: &Path,
    timeout: Duration,
) -> Result<(), Skip> {
    let mut child = match Command::new(program)
        .args(["-q", "-enc", "UTF-8", "-layout"])
        .arg(input)
        .arg(output)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(Skip::NoPdfToText),
        Err(e) => return Err(corrupt("PDF", format!("running {program}: {e}"))),
    };
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(corrupt(
                    "PDF",
                    format!("pdftotext took longer than {}s", timeout.as_secs()),
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(corrupt("PDF", format!("waiting for pdftotext: {e}"))),
        }
    };
    if status.success() {
        return Ok(());
    }
    let mut stderr = String::new();
    if let Some(mut err) = child.stderr.take() {
        let _ = err.read_to_string(&mut stderr);
    }
    // poppler exit code 1 = cannot open (damaged or password), per pdftotext(1).
    if stderr.to_ascii_lowercase().contains("password") || stderr.contains("Incorrect") {
        return Err(Skip::Encrypted("password-protected PDF".into()));
    }
    let detail = stderr.lines().next().unwrap_or("").trim().to_string();
    Err(corrupt(
        "PDF",
        if detail.is_empty() {
            format!("pdftotext failed ({status})")
        } else {
            detail
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_xml_keeps_runs_and_splits_paragraphs() {
        let xml = r#"<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>采购</w:t></w:r><w:r><w:t xml:space="preserve">NVIDIA A100 &amp; H800</w:t></w:r></w:p><w:p><w:r><w:t>第二段</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(
            word_xml_text(xml).ok().as_deref(),
            Some("采购NVIDIA A100 & H800\n第二段\n")
        );
    }

    #[test]
    fn old_binary_doc_is_skipped_with_reason() {
        let err = extract_text("招标文件.doc", OLE_MAGIC, &Limits::default()).err();
        assert!(
            matches!(err, Some(Skip::Unsupported(ref m)) if m.contains(".doc")),
            "{err:?}"
        );
    }

    #[test]
    fn encrypted_docx_is_an_ole_container() {
        let err = extract_text("a.docx", OLE_MAGIC, &Limits::default()).err();
        assert!(matches!(err, Some(Skip::Encrypted(_))), "{err:?}");
    }

    #[test]
    fn gbk_entry_names_are_decoded() {
        let (bytes, _, _) = encoding_rs::GBK.encode("采购文件.docx");
        assert_eq!(entry_name(&bytes), "采购文件.docx");
    }

    #[test]
    fn missing_pdftotext_is_a_named_skip() {
        let limits = Limits {
            pdftotext: "/nonexistent/pdftotext".into(),
            ..Limits::default()
        };
        assert_eq!(
            extract_text("a.pdf", b"%PDF-1.4\n", &limits),
            Err(Skip::NoPdfToText)
        );
        assert_eq!(
            Skip::NoPdfToText.to_string(),
            "pdftotext not installed; apt-get install poppler-utils"
        );
    }
}
