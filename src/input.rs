//! Inputs: files, directories (recursively), URLs, and lists of them on stdin.
use std::io::BufRead;
use std::path::{Path, PathBuf};

use crate::model::Page;

/// File extensions scanned when walking a directory.
pub const EXTENSIONS: &[&str] = &["html", "htm", "shtml", "jsp", "txt"];

/// One thing to scan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A local file or directory.
    Path(PathBuf),
    /// Something with a URL scheme (`http://…`; other schemes fail in the fetcher with a clear reason).
    Url(String),
}

/// Classify one argument or stdin line.
pub fn classify(arg: &str) -> Input {
    match arg.split_once("://") {
        Some((scheme, _))
            if !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) =>
        {
            Input::Url(arg.to_string())
        }
        _ if arg.starts_with("data:") => Input::Url(arg.to_string()),
        _ => Input::Path(PathBuf::from(arg)),
    }
}

/// Longest line accepted from stdin: a path or URL, not a page.
pub const MAX_STDIN_LINE: usize = 64 * 1024;

/// The inputs named on the command line, and the page piped on stdin if `-` held one.
#[derive(Debug, Default)]
pub struct Expanded {
    /// Paths and URLs, from the arguments and from a list on stdin.
    pub inputs: Vec<Input>,
    /// A page read from stdin (source `-`), or why it could not be read.
    pub stdin_page: Option<Result<Page, String>>,
}

/// Source name of a page read from stdin (as the argument that asked for it).
pub const STDIN_SOURCE: &str = "-";

/// Expand the arguments: `-` reads stdin, which is either one page (its first non-blank byte is
/// `<`) or a list of inputs, one per line (blank lines and `#` comments skipped). A page is read
/// under `max_bytes`, like a file.
pub fn expand_args(args: &[String], max_bytes: u64) -> anyhow::Result<Expanded> {
    let mut out = Expanded::default();
    for arg in args {
        if arg == "-" {
            let page = read_stdin(std::io::stdin().lock(), max_bytes, &mut out.inputs)?;
            out.stdin_page = out.stdin_page.or(page);
        } else {
            out.inputs.push(classify(arg));
        }
    }
    Ok(out)
}

/// Read `reader` as one page if it starts like markup (optional BOM, blank space, then `<`),
/// else as a list of inputs appended to `inputs`.
pub fn read_stdin(
    mut reader: impl BufRead,
    max_bytes: u64,
    inputs: &mut Vec<Input>,
) -> anyhow::Result<Option<Result<Page, String>>> {
    use std::io::Read as _;
    // Peek at the start: leading blank space is kept so a page's bytes (and sha256) are whole.
    let mut head = Vec::new();
    let is_page = loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            break starts_like_markup(&head);
        }
        let take = buf.len().min(MAX_STDIN_LINE + 1 - head.len());
        head.extend_from_slice(&buf[..take]);
        reader.consume(take);
        let decided = starts_like_markup(&head)
            || head.len() > MAX_STDIN_LINE
            || strip_bom(&head).iter().any(|b| !b.is_ascii_whitespace());
        if decided {
            break starts_like_markup(&head);
        }
    };
    let mut reader = std::io::Cursor::new(head).chain(reader);
    if !is_page {
        read_input_lines(reader, inputs)?;
        return Ok(None);
    }
    let mut bytes = Vec::new();
    if let Err(e) = (&mut reader)
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
    {
        return Ok(Some(Err(e.to_string())));
    }
    Ok(Some(page_from_bytes(STDIN_SOURCE, bytes, max_bytes)))
}

/// The bytes after a UTF-8 byte-order mark, if any.
fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

/// True if `head` begins like a page: `<` first after an optional BOM (UTF-8, or UTF-16 either
/// way) and blank space. A list of paths or URLs never starts with `<`.
fn starts_like_markup(head: &[u8]) -> bool {
    if head.starts_with(b"\xFF\xFE<\0") || head.starts_with(b"\xFE\xFF\0<") {
        return true;
    }
    strip_bom(head)
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'<')
}

/// One input per line from `reader`, each line capped at [`MAX_STDIN_LINE`] bytes: stdin is a
/// list of inputs, so a page (or /dev/zero) piped there fails at once instead of filling memory.
pub fn read_input_lines(mut reader: impl BufRead, inputs: &mut Vec<Input>) -> anyhow::Result<()> {
    use std::io::Read as _;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let n = (&mut reader)
            .take(MAX_STDIN_LINE as u64 + 1)
            .read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Ok(());
        }
        if buf.len() > MAX_STDIN_LINE || buf.contains(&0) {
            anyhow::bail!(
                "stdin holds a line longer than {} KiB or binary data: `-` reads a list of paths or URLs, one per line (to scan a page, save it to a file)",
                MAX_STDIN_LINE / 1024
            );
        }
        let line = String::from_utf8_lossy(&buf);
        let line = line.trim();
        if !line.is_empty() && !line.starts_with('#') {
            inputs.push(classify(line));
        }
    }
}

/// True if a file found while walking a directory should be scanned (pages and WARC files).
pub fn is_scannable(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
        || crate::warc::is_warc_path(path)
}

/// The string an input is known by (for `--shard`): the path or URL as given.
pub fn key(input: &Input) -> String {
    match input {
        Input::Path(p) => p.to_string_lossy().into_owned(),
        Input::Url(u) => u.clone(),
    }
}

/// Longest manifest line read (a path or URL; a longer line is an error, not a huge allocation).
const MAX_MANIFEST_LINE: u64 = 64 * 1024;

/// Inputs listed in a manifest file, one per line (blank lines and `#` comments skipped).
pub fn read_manifest(path: &Path) -> anyhow::Result<Vec<Input>> {
    use anyhow::Context as _;
    use std::io::Read as _;
    let file = std::fs::File::open(path)
        .with_context(|| format!("opening manifest {}", path.display()))?;
    let mut reader = std::io::BufReader::new(file);
    let mut inputs = Vec::new();
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        let n = (&mut reader)
            .take(MAX_MANIFEST_LINE)
            .read_until(b'\n', &mut line)
            .with_context(|| format!("reading manifest {}", path.display()))?;
        if n == 0 {
            break;
        }
        anyhow::ensure!(
            line.ends_with(b"\n") || (n as u64) < MAX_MANIFEST_LINE,
            "{}:{number}: line longer than {MAX_MANIFEST_LINE} bytes",
            path.display()
        );
        let text = String::from_utf8_lossy(&line);
        let text = text.trim();
        if !text.is_empty() && !text.starts_with('#') {
            inputs.push(classify(text));
        }
    }
    Ok(inputs)
}

/// A path to read, or a walk error to report, in the order found.
pub type FoundFile = Result<PathBuf, (String, String)>;

/// Files under the given paths: files as given, directories walked recursively in name order.
pub fn walk(paths: Vec<PathBuf>) -> impl Iterator<Item = FoundFile> {
    paths
        .into_iter()
        .flat_map(|p| -> Box<dyn Iterator<Item = FoundFile>> {
            if p.is_dir() {
                Box::new(
                    walkdir::WalkDir::new(p)
                        .follow_links(true)
                        .sort_by_file_name()
                        .into_iter()
                        .filter_map(|entry| match entry {
                            Ok(e) if e.file_type().is_file() && is_scannable(e.path()) => {
                                Some(Ok(e.into_path()))
                            }
                            Ok(_) => None,
                            Err(err) => {
                                let at = err
                                    .path()
                                    .map(|p| p.display().to_string())
                                    .unwrap_or_default();
                                Some(Err((at, err.to_string())))
                            }
                        }),
                )
            } else {
                Box::new(std::iter::once(Ok(p)))
            }
        })
}

/// Read a local file into a `Page`, refusing empty, binary and oversized files with a one-line reason.
pub fn read_file(path: &Path, max_bytes: u64) -> Result<Page, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.is_dir() {
        return Err("is a directory".into());
    }
    // A FIFO would block forever and a device (/dev/zero) never ends: only regular files are pages.
    if !meta.is_file() {
        return Err(
            "not a regular file (a FIFO, device or socket), skipped: save the page to a file first"
                .into(),
        );
    }
    if meta.len() > max_bytes {
        return Err(too_large(meta.len(), max_bytes));
    }
    // Read under the cap even so: the file may grow between the check and the read.
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    std::fs::File::open(path)
        .and_then(|f| {
            use std::io::Read as _;
            f.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes)
        })
        .map_err(|e| e.to_string())?;
    page_from_bytes(&path.display().to_string(), bytes, max_bytes)
}

/// A page from bytes read under `max_bytes + 1`: refused if over the cap, blank or binary.
fn page_from_bytes(source: &str, bytes: Vec<u8>, max_bytes: u64) -> Result<Page, String> {
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(bytes.len() as u64, max_bytes));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("empty file".into());
    }
    if looks_binary(&bytes) {
        return Err("binary file (not a text or HTML page), skipped".into());
    }
    Ok(Page {
        source: source.to_owned(),
        bytes,
        ..Page::default()
    })
}

/// Why a page over the size cap was refused.
fn too_large(len: u64, max_bytes: u64) -> String {
    format!(
        "file too large ({} MiB; the limit is {} MiB, see --max-file-size)",
        len / (1 << 20),
        max_bytes / (1 << 20)
    )
}

/// Read a whole regular file of at most `max_bytes`; FIFOs and devices are refused (they would
/// block or never end) and a file that grows past the cap while read is refused too.
pub fn read_capped(path: &Path, max_bytes: u64) -> std::io::Result<Vec<u8>> {
    use std::io::{Error, ErrorKind, Read as _};
    // Checked before opening: opening a FIFO blocks until someone writes to it.
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(Error::new(ErrorKind::InvalidInput, "not a regular file"));
    }
    let too_large = || {
        Error::new(
            ErrorKind::InvalidData,
            format!("larger than the {max_bytes}-byte limit"),
        )
    };
    if meta.len() > max_bytes {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    std::fs::File::open(path)?
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large());
    }
    Ok(bytes)
}

/// NUL bytes in the first 8 KiB mean binary, unless the file is UTF-16 with a BOM.
fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    bytes[..bytes.len().min(8192)].contains(&0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_urls_and_paths() {
        assert_eq!(
            classify("http://x.cn/a.htm"),
            Input::Url("http://x.cn/a.htm".into())
        );
        assert_eq!(classify("ftp://x.cn/a"), Input::Url("ftp://x.cn/a".into()));
        assert_eq!(
            classify("fixtures/a.html"),
            Input::Path("fixtures/a.html".into())
        );
        assert_eq!(classify("C:\\x"), Input::Path("C:\\x".into()));
    }

    #[test]
    fn scannable_extensions() {
        assert!(is_scannable(Path::new("a/b.HTML")));
        assert!(is_scannable(Path::new("a/b.jsp")));
        assert!(!is_scannable(Path::new("a/b.pdf")));
        assert!(!is_scannable(Path::new("a/README")));
    }

    #[test]
    fn devices_and_fifos_are_refused_not_read() {
        let err = read_file(Path::new("/dev/zero"), 1 << 20).unwrap_err();
        assert!(err.starts_with("not a regular file"), "{err}");
    }

    #[test]
    fn capped_reads_refuse_devices_and_oversized_files() {
        assert!(read_capped(Path::new("/dev/zero"), 1 << 20).is_err());
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("a.body");
        std::fs::write(&f, vec![b'x'; 1000]).unwrap();
        assert_eq!(read_capped(&f, 1000).unwrap().len(), 1000);
        assert!(
            read_capped(&f, 999)
                .unwrap_err()
                .to_string()
                .contains("larger than the 999-byte limit")
        );
    }

    #[test]
    fn stdin_lists_are_capped_per_line() {
        use std::io::Read as _;
        let mut inputs = Vec::new();
        read_input_lines(&b"a.html\n# c\n\nhttp://x.cn/b\n"[..], &mut inputs).unwrap();
        assert_eq!(
            inputs,
            vec![
                Input::Path("a.html".into()),
                Input::Url("http://x.cn/b".into())
            ]
        );
        let endless = std::io::repeat(b'x').take(10 << 20);
        let err = read_input_lines(std::io::BufReader::new(endless), &mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains("longer than 64 KiB"));
        let zeros = std::io::repeat(0).take(10 << 20);
        assert!(read_input_lines(std::io::BufReader::new(zeros), &mut Vec::new()).is_err());
    }

    #[test]
    fn stdin_is_a_page_when_it_starts_with_markup() {
        let read = |text: &[u8]| {
            let mut inputs = Vec::new();
            let page = read_stdin(text, 1 << 20, &mut inputs).unwrap();
            (page, inputs)
        };
        for text in [
            &b"<!DOCTYPE html><p>x</p>\n"[..],
            b"\n\r\n\t <html>\na.html\n",
            b"\xEF\xBB\xBF<p>x</p>",
            b"\xEF\xBB\xBF\n <p>x</p>",
            b"\xFF\xFE<\0p\0>\0",
        ] {
            let (page, inputs) = read(text);
            let page = page.expect("a page").expect("read");
            assert_eq!(page.source, "-");
            assert_eq!(page.bytes, text, "the page's bytes are whole");
            assert!(inputs.is_empty());
        }
        // A list stays a list, whatever its lines hold after the first.
        let (page, inputs) = read(b"\n# <comment>\na.html\n<b.html\n");
        assert!(page.is_none());
        assert_eq!(inputs.len(), 2);
        let (page, inputs) = read(b"");
        assert!(page.is_none() && inputs.is_empty());
        // The cap applies as to a file.
        let mut big = b"<p>".to_vec();
        big.resize(2000, b'x');
        let refused = read_stdin(&big[..], 1000, &mut Vec::new()).unwrap();
        assert!(refused.unwrap().unwrap_err().starts_with("file too large"));
    }

    #[test]
    fn binary_detection() {
        assert!(looks_binary(b"\x7fELF\0\0\0"));
        assert!(!looks_binary(b"<html>"));
        assert!(!looks_binary(b"\xff\xfe<\0h\0"));
    }
}
