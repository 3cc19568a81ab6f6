//! One pass over the DOM: visible text (blocks on lines, cells joined by ` | `), the tables as
//! rows of cells, and the few page anchors that beat label text (meta tags, ccgp ids, template
//! `code-*` classes, Epoint title and hidden date).
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Separator between table cells in `Notice.text`.
pub const CELL_SEP: &str = " | ";

/// Marks a `<br>` or a closed paragraph (`<p>`, `<div>` …) inside a cell of [`Walked::tables`]
/// (never at a cell's ends): names on lines of their own in one cell are two names. The parser strips it from every cell but the few
/// read line by line.
pub const CELL_LINE: char = '\n';

/// What one DOM pass yields.
#[derive(Debug, Default)]
pub struct Walked {
    /// Visible text, one block per line.
    pub text: String,
    /// Every table (nested ones separately), rows of trimmed cell texts; a `<br>` or a closed
    /// paragraph inside a cell is a [`CELL_LINE`].
    pub tables: Vec<Vec<Vec<String>>>,
    /// For each of `tables` (same index): its `<caption>`, else the short line right before it
    /// (at most [`MAX_TABLE_LEAD_CHARS`] characters, else empty). A caption line such as
    /// "金额单位：人民币万元" gives the unit of the table's bare figures.
    pub table_leads: Vec<String>,
    /// `<meta name="ArticleTitle">`.
    pub article_title: Option<String>,
    /// `<meta name="PubDate">`.
    pub pub_date: Option<String>,
    /// `<meta property="og:title">`: the title a publisher gives the page for sharing.
    pub og_title: Option<String>,
    /// The first `<title>`.
    pub title_tag: Option<String>,
    /// `h2.tc` (ccgp header) or `div.title3` (Epoint).
    pub heading: Option<String>,
    /// First `<h1>`.
    pub h1: Option<String>,
    /// `#pubTime` (ccgp).
    pub pub_time: Option<String>,
    /// `#youxiaodate` (Epoint, hidden): a validity date, trusted only when nothing else dates the page.
    pub hidden_date: Option<String>,
    /// Short texts of elements hidden with `display:none` (at most 16): a hidden deadline must
    /// not date the page.
    pub hidden: Vec<String>,
    /// Texts of `h1`–`h3` and of elements whose class names a heading (`arti_title`,
    /// `ewb-article-tt`, `detail-tit`: see `title::is_heading_class`), in page order (at most [`MAX_HEADINGS`]).
    pub headings: Vec<String>,
    /// Bold text (`<b>`, `<strong>`, `<font size>`) in a centred block (`<p align="center">`,
    /// `<center>`, `text-align:center`): an old table layout's heading, in page order (at most
    /// [`MAX_HEADINGS`]).
    pub centred_bold: Vec<String>,
    /// ccgp breadcrumb (`.vF_deail_currentloc`, sic).
    pub breadcrumb: Option<String>,
    /// Template bookmark `code-00004` (项目编号).
    pub code_project_id: Option<String>,
    /// Template bookmark `code-00003` (项目名称).
    pub code_project_name: Option<String>,
    /// `td.code-winningSupplierName` cells, in order.
    pub code_suppliers: Vec<String>,
    /// `td.code-summaryPrice` cells, in order.
    pub code_prices: Vec<String>,
    /// Byte ranges of `text` in page furniture: `aside`/`nav`/`footer`, elements whose class or
    /// id names a sidebar, related or hot list, footer … (`boiler::is_furniture_element`), and
    /// lists (`ul`/`ol`) of links (at most [`MAX_FURNITURE`]).
    pub furniture: Vec<std::ops::Range<usize>>,
    /// Byte ranges of `text` in lists (`ul`/`ol`) outside furniture that are not lists of
    /// links, one per list (at most [`MAX_FURNITURE`]): items such as ranked candidates.
    pub lists: Vec<std::ops::Range<usize>>,
    /// `text` as walked, struck text (`<del>`, `<s>`, `<strike>`) kept between [`STRUCK_OPEN`]
    /// and [`STRUCK_CLOSE`]; `None` when the page strikes nothing. In `text` and `tables` that
    /// text is blanked: it was taken back ("灰色删除线为原公告内容"), so it names nothing the page
    /// asks for; only a correction reads it, as the old value.
    pub struck_text: Option<String>,
}

/// Opens struck text in [`Walked::struck_text`].
pub const STRUCK_OPEN: &str = "〔删除：";
/// Closes struck text in [`Walked::struck_text`].
pub const STRUCK_CLOSE: &str = "〕";

/// Elements whose text is struck out.
fn is_struck(name: &str) -> bool {
    matches!(name, "del" | "s" | "strike")
}

/// `text` with each struck run (marker to marker) turned into as many spaces as it has bytes,
/// so byte ranges into it stay right. An unclosed run ends with its line.
pub fn blank_struck(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(STRUCK_OPEN) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        // Brackets inside the struck text ("财〔2026〕12号") nest.
        let mut depth = 0usize;
        let mut end = rest.len();
        for (j, c) in rest.char_indices() {
            match c {
                '\n' => {
                    end = j;
                    break;
                }
                '〔' => depth += 1,
                '〕' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = j + c.len_utf8();
                        break;
                    }
                }
                _ => {}
            }
        }
        out.extend(std::iter::repeat_n(' ', end));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Furniture ranges kept per page.
pub const MAX_FURNITURE: usize = 256;

/// Furniture being walked: the outermost furniture element open, the lists open, and the
/// visible characters seen so far, in and out of links.
struct FurnitureWalk<K> {
    open: Option<(K, usize)>,
    lists: Vec<(K, usize, usize, usize)>,
    link_depth: usize,
    linked_chars: usize,
    all_chars: usize,
}

impl<K> Default for FurnitureWalk<K> {
    fn default() -> Self {
        FurnitureWalk {
            open: None,
            lists: Vec::new(),
            link_depth: 0,
            linked_chars: 0,
            all_chars: 0,
        }
    }
}

/// Headings kept per page (navigation menus can have hundreds of `h3`).
pub const MAX_HEADINGS: usize = 24;

/// Elements whose content is never visible text (a `match`: it runs for every element).
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "iframe"
            | "object"
            | "svg"
            | "select"
            | "textarea"
    )
}

/// Elements that start and end a line.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "table"
            | "tr"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "blockquote"
            | "pre"
            | "dd"
            | "dt"
            | "dl"
            | "form"
            | "center"
            | "hr"
            | "nav"
            | "aside"
            | "address"
            | "caption"
            | "tbody"
            | "thead"
            | "tfoot"
            | "main"
            | "fieldset"
            | "title"
            | "body"
    )
}

/// Longest line kept as a table's lead ([`Walked::table_leads`]): a caption is short.
pub const MAX_TABLE_LEAD_CHARS: usize = 40;

/// `text` squashed if it is short enough to be a table's caption line, else empty.
fn short_lead(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() || text.len() > MAX_TABLE_LEAD_CHARS * 4 {
        return String::new();
    }
    let lead = squash(text);
    if lead.chars().count() <= MAX_TABLE_LEAD_CHARS {
        lead
    } else {
        String::new()
    }
}

/// Which anchor a captured element's text goes to.
#[derive(Debug, Clone, Copy)]
enum Slot {
    TitleTag,
    Heading,
    H1,
    PubTime,
    HiddenDate,
    Hidden,
    Breadcrumb,
    AnyHeading,
    CentredBold,
    CodeProjectId,
    CodeProjectName,
    CodeSupplier,
    CodePrice,
}

/// Accumulates text with collapsed whitespace and pending line / cell breaks.
#[derive(Default)]
struct TextSink {
    out: String,
    space: bool,
    newline: bool,
    cell: bool,
    /// The pending cell break follows a label element: a colon right after it joins the label.
    soft_cell: bool,
    /// The current line of `out` holds a cell separator.
    line_has_cell: bool,
}

impl TextSink {
    /// One run of [`Segments`]: whitespace only sets the pending space; a word gets the pending
    /// separator once, then goes in whole (character by character it would get none after its first).
    fn push_piece(&mut self, space: bool, piece: &str) {
        if space {
            self.space = true;
            return;
        }
        let at_line_start = self.out.is_empty() || self.out.ends_with('\n');
        if self.newline {
            if !at_line_start {
                self.out.push('\n');
                self.line_has_cell = false;
            }
        } else if self.cell && !(self.soft_cell && piece.starts_with(['：', ':'])) {
            if !at_line_start {
                self.out.push_str(CELL_SEP);
                self.line_has_cell = true;
            }
        } else if self.space && !at_line_start {
            self.out.push(' ');
        }
        self.newline = false;
        self.cell = false;
        self.soft_cell = false;
        self.space = false;
        self.out.push_str(piece);
    }

    fn line_break(&mut self) {
        self.newline = true;
        self.cell = false;
        self.soft_cell = false;
    }

    fn cell_break(&mut self) {
        if !self.newline {
            self.cell = true;
            self.soft_cell = false;
        }
    }
}

/// A table under construction.
#[derive(Default)]
struct TableBuild {
    /// Cells are squashed as their text arrives ([`squash_piece`]), not copied raw and squashed later.
    rows: Vec<Vec<String>>,
    /// The line before the table, replaced by its caption if it has one ([`Walked::table_leads`]).
    lead: String,
    /// Where the table's text starts in the sink: text before its first row is its caption.
    text_at: usize,
    in_cell: bool,
    /// Whitespace seen in the current cell since its last word.
    cell_space: bool,
    /// Paragraph-like blocks closed in the current cell: a layout cell holds many.
    blocks_closed: usize,
    /// Cells spanning rows below their own (`rowspan`): row index, cell index in it, rows spanned.
    row_spans: Vec<(usize, usize, usize)>,
}

/// Most rows a `rowspan` cell is copied into: a result table is short.
const MAX_ROW_SPAN: usize = 64;
/// Columns whose `rowspan` is honoured: the copy looks up the open spans at every cell, so
/// bounding them keeps a hostile 10,000-column table of spanning cells linear.
const MAX_SPANNED_COLUMNS: usize = 32;

/// The rows with each `rowspan` cell copied into the rows it spans, at its column, so a row
/// of a table with spanned cells (标段编号 | 标段名称 spanning three candidates) lines up with
/// the header. Without spans the rows are returned as they are.
fn expand_row_spans(rows: Vec<Vec<String>>, spans: &[(usize, usize, usize)]) -> Vec<Vec<String>> {
    if spans.is_empty() {
        return rows;
    }
    let mut spans = spans.iter().peekable();
    // Spanned cells still to copy: column, rows left, text.
    let mut pending: Vec<(usize, usize, String)> = Vec::new();
    let mut out = Vec::with_capacity(rows.len());
    for (r, row) in rows.into_iter().enumerate() {
        let mut own: Vec<Option<usize>> = vec![None; row.len()];
        while let Some(&&(at, cell, n)) = spans.peek() {
            if at != r {
                break;
            }
            if let Some(slot) = own.get_mut(cell) {
                *slot = Some(n.min(MAX_ROW_SPAN));
            }
            spans.next();
        }
        let mut full: Vec<String> = Vec::with_capacity(row.len() + pending.len());
        let mut next_pending = Vec::new();
        let mut fill = |full: &mut Vec<String>, next: &mut Vec<(usize, usize, String)>| {
            while let Some(i) = pending.iter().position(|(c, ..)| *c == full.len()) {
                let (c, left, text) = pending.swap_remove(i);
                full.push(text.clone());
                if left > 1 {
                    next.push((c, left - 1, text));
                }
            }
        };
        for (cell, span) in row.into_iter().zip(own) {
            fill(&mut full, &mut next_pending);
            if let Some(n) = span.filter(|n| *n > 1) {
                next_pending.push((full.len(), n - 1, cell.clone()));
            }
            full.push(cell);
        }
        // Spans at the row's end.
        fill(&mut full, &mut next_pending);
        // Spans past a short row's end pass that row by.
        next_pending.extend(
            pending
                .drain(..)
                .filter(|(_, left, _)| *left > 1)
                .map(|(c, left, text)| (c, left - 1, text)),
        );
        pending = next_pending;
        out.push(full);
    }
    out
}

/// Walk the parsed document once.
///
/// The tokenizer walk ([`super::stream::tokens::walk`]) sees the same elements and texts in the
/// same order without html5ever's tree builder; where it gives up, the streaming walk
/// ([`super::stream::walk`]) runs the tree builder without building a DOM, and it gives up (and
/// this DOM walk runs) on the rare pages where the tree builder moves nodes around (foster
/// parenting, misnested formatting elements).
pub fn walk(doc: &str) -> Walked {
    super::stream::tokens::walk(doc)
        .or_else(|| super::stream::walk(doc))
        .unwrap_or_else(|| walk_dom(doc))
}

/// [`walk`] over a scraper DOM: the reference the streaming walk must agree with.
pub fn walk_dom(doc: &str) -> Walked {
    let html = Html::parse_document(doc);
    let mut walker: Walker<ego_tree::NodeId> = Walker::default();
    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) => walker.text(t),
                Node::Element(e) => walker.open(e, node.id()),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    walker.close(e.name(), node.id());
                }
            }
        }
    }
    walker.finish()
}

/// What the walk needs to know of an element.
pub(crate) trait Elem {
    /// Local name.
    fn name(&self) -> &str;
    /// The value of a no-namespace attribute.
    fn attr(&self, name: &str) -> Option<&str>;
    /// The `id` attribute.
    fn id(&self) -> Option<&str>;
    /// True if one of the class names satisfies `f`.
    fn any_class(&self, f: &mut dyn FnMut(&str) -> bool) -> bool;
}

impl Elem for scraper::node::Element {
    fn name(&self) -> &str {
        scraper::node::Element::name(self)
    }
    fn attr(&self, name: &str) -> Option<&str> {
        scraper::node::Element::attr(self, name)
    }
    fn id(&self) -> Option<&str> {
        scraper::node::Element::id(self)
    }
    fn any_class(&self, f: &mut dyn FnMut(&str) -> bool) -> bool {
        self.classes().any(f)
    }
}

/// The walk's state, fed element opens, texts and closes in document order (`K` names a node).
pub(crate) struct Walker<K> {
    w: Walked,
    sink: TextSink,
    skip: usize,
    tables: Vec<TableBuild>,
    captures: Vec<(K, Slot, String)>,
    title_hidden: usize,
    furniture: FurnitureWalk<K>,
    /// The outermost centred block open, if any.
    centred: Option<K>,
    /// Inline elements opened at a line's start outside table cells, with the text offset there:
    /// one whose text is a bare label is the key of a key/value pair.
    line_openers: Vec<(K, usize)>,
    /// Struck elements open (`<del>`, `<s>`, `<strike>`).
    struck: usize,
    /// Whether the page struck any text.
    any_struck: bool,
}

impl<K> Default for Walker<K> {
    fn default() -> Self {
        Walker {
            w: Walked::default(),
            sink: TextSink::default(),
            skip: 0,
            tables: Vec::new(),
            captures: Vec::new(),
            title_hidden: 0,
            furniture: FurnitureWalk::default(),
            centred: None,
            line_openers: Vec::new(),
            struck: 0,
            any_struck: false,
        }
    }
}

impl<K: PartialEq + Copy> Walker<K> {
    /// A text node (or a piece of one: pieces in a row give the same result as the whole).
    pub(crate) fn text(&mut self, t: &str) {
        if self.skip > 0 {
            return;
        }
        for (_, _, buf) in self.captures.iter_mut() {
            buf.push_str(t);
        }
        if self.title_hidden > 0 {
            return;
        }
        let mut cell = self.tables.last_mut().filter(|t| t.in_cell).and_then(|t| {
            let space = &mut t.cell_space;
            t.rows
                .last_mut()
                .and_then(|r| r.last_mut())
                .map(|c| (c, space))
        });
        // Visible characters, counted over the runs that are not spaces (`is_space` is exactly
        // `char::is_whitespace`): one pass instead of a second decode of the text.
        let mut n = 0;
        // Inside a list, the dates and counts out of its links ("<a>…</a><span>2026-08-11</span>")
        // are not weighed against the link text: a list of dated headlines is still a link list.
        let weigh_meta = self.furniture.link_depth == 0 && !self.furniture.lists.is_empty();
        for (space, piece) in Segments(t) {
            if !space {
                n += char_count(piece);
                if weigh_meta {
                    n -= piece
                        .chars()
                        .filter(|c| super::boiler::is_list_meta_char(*c))
                        .count();
                }
            }
            self.sink.push_piece(space, piece);
            if let Some((cell, cell_space)) = cell.as_mut() {
                squash_piece(cell, cell_space, space, piece);
            }
        }
        self.furniture.all_chars += n;
        if self.furniture.link_depth > 0 {
            self.furniture.linked_chars += n;
        }
    }

    /// An element starts.
    pub(crate) fn open(&mut self, e: &(impl Elem + ?Sized), key: K) {
        let name = e.name();
        if self.skip > 0 || is_skipped(name) {
            self.skip += 1;
            return;
        }
        if is_struck(name) {
            if self.struck == 0 {
                self.text(STRUCK_OPEN);
                self.any_struck = true;
            }
            self.struck += 1;
        }
        let w = &mut self.w;
        match name {
            "meta" => {
                let key = e.attr("name").unwrap_or_default();
                let content = e.attr("content").map(|c| c.trim().to_string());
                if key.eq_ignore_ascii_case("ArticleTitle") && w.article_title.is_none() {
                    w.article_title = content.filter(|c| !c.is_empty());
                } else if key.eq_ignore_ascii_case("PubDate") && w.pub_date.is_none() {
                    w.pub_date = content.filter(|c| !c.is_empty());
                } else if w.og_title.is_none()
                    && e.attr("property")
                        .is_some_and(|p| p.eq_ignore_ascii_case("og:title"))
                {
                    w.og_title = content.filter(|c| !c.is_empty());
                }
            }
            "title" => self.title_hidden += 1,
            "table" => {
                let out = &self.sink.out;
                // Only the tail of the text is looked at (a long line holds no caption), so
                // many tables on one long line cost no rescans of it.
                let mut from = out.len().saturating_sub(MAX_TABLE_LEAD_CHARS * 4 + 8);
                while !out.is_char_boundary(from) {
                    from += 1;
                }
                let tail = &out[from..];
                let line = tail.rsplit('\n').next().unwrap_or(tail);
                // In a cell of an outer table the line holds that row's cells: the last one
                // precedes the table.
                let last = line.rsplit(CELL_SEP).next().unwrap_or(line);
                // A piece running back past the tail is longer than any caption.
                let cut = from > 0 && last.len() == tail.len();
                self.tables.push(TableBuild {
                    lead: if cut { String::new() } else { short_lead(last) },
                    text_at: out.len(),
                    ..TableBuild::default()
                });
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    // Text inside the table before its first row is its `<caption>`.
                    if t.rows.is_empty() && self.sink.out.len() > t.text_at {
                        let caption = short_lead(self.sink.out.get(t.text_at..).unwrap_or(""));
                        if !caption.is_empty() {
                            t.lead = caption;
                        }
                    }
                    t.rows.push(Vec::new());
                }
            }
            "td" | "th" => {
                self.sink.cell_break();
                if let Some(t) = self.tables.last_mut() {
                    if t.rows.is_empty() {
                        t.rows.push(Vec::new());
                    }
                    if let Some(row) = t.rows.last_mut() {
                        row.push(String::new());
                    }
                    if let Some(n) = e
                        .attr("rowspan")
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .filter(|n| *n > 1)
                    {
                        let at = t.rows.len() - 1;
                        let cell = t.rows.last().map_or(0, |r| r.len().saturating_sub(1));
                        if cell < MAX_SPANNED_COLUMNS {
                            t.row_spans.push((at, cell, n));
                        }
                    }
                    t.in_cell = true;
                    t.cell_space = false;
                    t.blocks_closed = 0;
                }
            }
            // A line break inside a cell separates what it holds ("A公司<br>B公司").
            "br" => {
                if let Some(t) = self.tables.last_mut().filter(|t| t.in_cell)
                    && let Some(cell) = t.rows.last_mut().and_then(|r| r.last_mut())
                    && !cell.is_empty()
                    && !cell.ends_with(CELL_LINE)
                {
                    cell.push(CELL_LINE);
                    t.cell_space = false;
                }
            }
            // A field grid with two pairs a row (`<label>招标编号</label><span>…</span><label>招标
            // 代理</label><span>…</span>`): the second label opens a cell of its own, not glued to
            // the value before it. Only on a line already split into cells, so a label inside a
            // running sentence stays in it.
            "label"
                if !self.tables.last().is_some_and(|t| t.in_cell)
                    && !self.sink.newline
                    && self.sink.line_has_cell =>
            {
                self.sink.cell_break();
            }
            _ => {}
        }
        if is_block(name) {
            block_break(&mut self.sink, &self.tables, name);
        }
        let furniture_start = self.furniture.open.is_none()
            && super::boiler::is_furniture_element(name, e.attr("class"), e.id());
        let is_list = self.furniture.open.is_none() && matches!(name, "ul" | "ol");
        if let Some(slot) = slot_of(e, &self.w) {
            self.captures.push((key, slot, String::new()));
        }
        if self.centred.is_none() && is_centred(e) {
            self.centred = Some(key);
        } else if self.centred.is_some()
            && is_bold(e)
            && self.w.centred_bold.len() < MAX_HEADINGS
            && !self
                .captures
                .iter()
                .any(|(_, s, _)| matches!(s, Slot::CentredBold))
        {
            self.captures.push((key, Slot::CentredBold, String::new()));
        }
        if is_pair_key_element(name)
            && !self.tables.last().is_some_and(|t| t.in_cell)
            && !self.sink.cell
            && (self.sink.newline || self.sink.out.is_empty() || self.sink.out.ends_with('\n'))
        {
            self.line_openers.push((key, self.sink.out.len()));
        }
        let f = &mut self.furniture;
        if name == "a" {
            f.link_depth += 1;
        }
        let at = self.sink.out.len();
        if furniture_start {
            f.open = Some((key, at));
        }
        // A list furniture by its own class ("ecp-rank") is still read as a list: below a
        // candidates label its items are the ranking (`list_candidates`).
        if is_list {
            f.lists.push((key, at, f.linked_chars, f.all_chars));
        }
    }

    /// An element ends (after all its content).
    pub(crate) fn close(&mut self, name: &str, key: K) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        if is_struck(name) && self.struck > 0 {
            self.struck -= 1;
            if self.struck == 0 {
                self.text(STRUCK_CLOSE);
            }
        }
        match name {
            "title" => self.title_hidden = self.title_hidden.saturating_sub(1),
            "table" => {
                if let Some(t) = self.tables.pop() {
                    // Cells are already squashed (see `text`).
                    let rows: Vec<Vec<String>> = expand_row_spans(t.rows, &t.row_spans)
                        .into_iter()
                        .filter(|r| !r.is_empty())
                        .collect();
                    if !rows.is_empty() {
                        self.w.tables.push(rows);
                        self.w.table_leads.push(t.lead);
                    }
                }
            }
            "td" | "th" => {
                if let Some(t) = self.tables.last_mut() {
                    if t.in_cell
                        && let Some(cell) = t.rows.last_mut().and_then(|r| r.last_mut())
                        && cell.ends_with(CELL_LINE)
                    {
                        cell.pop();
                    }
                    t.in_cell = false;
                }
            }
            // A field grid's `<label>招标编号</label><span>…</span>`: the label and the value
            // beside it are two cells of a row, as in a table, not one glued word. Inside a
            // table cell the text stays as the cell has it.
            "label" if !self.tables.last().is_some_and(|t| t.in_cell) => self.sink.cell_break(),
            _ => {}
        }
        // `<span class="k">招标编号</span><span class="v">…</span>`: a bare label (no colon) opening
        // its line, then its value in the next element. Glued, "招标编号BGZB-…" reads as no label.
        if self.line_openers.last().is_some_and(|(k, _)| *k == key)
            && let Some((_, start)) = self.line_openers.pop()
        {
            let text = self.sink.out.get(start..).unwrap_or_default().trim();
            if !text.is_empty()
                && !text.contains('\n')
                && !text.ends_with(['：', ':'])
                && super::labels::is_label_cell(text)
            {
                self.sink.cell_break();
                self.sink.soft_cell = true;
            }
        }
        if is_paragraph(name)
            && let Some(t) = self.tables.last_mut().filter(|t| t.in_cell)
        {
            t.blocks_closed += 1;
            // A paragraph closing inside a cell ends a line of it, as a `<br>` does
            // ("<p>A公司</p><p>B公司</p>"): the winner column reads the lines apart.
            if let Some(cell) = t.rows.last_mut().and_then(|r| r.last_mut())
                && !cell.is_empty()
                && !cell.ends_with(CELL_LINE)
            {
                cell.push(CELL_LINE);
                t.cell_space = false;
            }
        }
        if is_block(name) {
            block_break(&mut self.sink, &self.tables, name);
        }
        if self.captures.last().is_some_and(|(id, _, _)| *id == key)
            && let Some((_, slot, buf)) = self.captures.pop()
        {
            store(&mut self.w, slot, squash(&buf));
        }
        if self.centred == Some(key) {
            self.centred = None;
        }
        let f = &mut self.furniture;
        if name == "a" {
            f.link_depth = f.link_depth.saturating_sub(1);
        }
        let end = self.sink.out.len();
        let w = &mut self.w;
        let mut closed_furniture = false;
        if f.open.as_ref().is_some_and(|(id, _)| *id == key)
            && let Some((_, start)) = f.open.take()
            && end > start
            && w.furniture.len() < MAX_FURNITURE
        {
            w.furniture.push(start..end);
            closed_furniture = true;
        }
        if f.lists.last().is_some_and(|l| l.0 == key)
            && let Some((_, start, linked, all)) = f.lists.pop()
            && end > start
        {
            if super::boiler::is_link_list(f.linked_chars - linked, f.all_chars - all) {
                if !closed_furniture && w.furniture.len() < MAX_FURNITURE {
                    w.furniture.push(start..end);
                }
            } else if w.lists.len() < MAX_FURNITURE {
                w.lists.push(start..end);
            }
        }
    }

    /// The walked page.
    pub(crate) fn finish(mut self) -> Walked {
        self.w.text = self.sink.out;
        if self.any_struck {
            let blanked = blank_struck(&self.w.text);
            self.w.struck_text = Some(std::mem::replace(&mut self.w.text, blanked));
            for cell in self.w.tables.iter_mut().flatten().flatten() {
                if cell.contains(STRUCK_OPEN) {
                    *cell = squash(&blank_struck(cell));
                }
            }
        }
        self.w
    }
}

/// Inline elements that may hold the key of a key/value pair (`<label>` breaks on its own).
fn is_pair_key_element(name: &str) -> bool {
    matches!(name, "span" | "b" | "strong" | "em" | "i" | "font")
}

/// A block whose text is centred: `<center>`, or a `p` / `div` / `td` / `th` with
/// `align="center"` or `text-align:center`.
fn is_centred(e: &(impl Elem + ?Sized)) -> bool {
    let name = e.name();
    name == "center"
        || (matches!(name, "p" | "div" | "td" | "th")
            && (e
                .attr("align")
                .is_some_and(|a| a.trim().eq_ignore_ascii_case("center"))
                || e.attr("style").is_some_and(|st| {
                    let st: String = st.chars().filter(|c| !c.is_whitespace()).collect();
                    st.to_ascii_lowercase().contains("text-align:center")
                })))
}

/// Bold or enlarged text: `<b>`, `<strong>`, or `<font>` with a size.
fn is_bold(e: &(impl Elem + ?Sized)) -> bool {
    matches!(e.name(), "b" | "strong") || (e.name() == "font" && e.attr("size").is_some())
}

/// Paragraph-like blocks closed in a cell before it counts as a layout cell.
const LAYOUT_CELL_BLOCKS: usize = 3;

/// Blocks that hold a paragraph or a group of them: a subset of [`is_block`] without line
/// breaks, table parts, list terms, page furniture and preformatted text.
fn is_paragraph(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "section"
            | "article"
            | "blockquote"
            | "center"
            | "form"
    )
}

/// A block boundary: a new line, except inside a table cell, where the row must stay on one
/// line (Word tables wrap every cell's text in `<p>`). A cell that has closed
/// [`LAYOUT_CELL_BLOCKS`] paragraphs is the column of a table layout (an old CMS's article in a
/// `<td>`): its later blocks are lines, so its heading, info line, body paragraphs and
/// signature stay apart.
fn block_break(sink: &mut TextSink, tables: &[TableBuild], name: &str) {
    let in_cell = tables
        .last()
        .is_some_and(|t| t.in_cell && t.blocks_closed < LAYOUT_CELL_BLOCKS);
    if in_cell && name != "table" && name != "tr" {
        sink.space = true;
    } else {
        sink.line_break();
    }
}

/// The anchor an element feeds, if any (first occurrence wins for single-valued anchors).
fn slot_of(e: &(impl Elem + ?Sized), w: &Walked) -> Option<Slot> {
    let name = e.name();
    // Most elements carry neither a class nor an id: leave early.
    if e.attr("class").is_none()
        && e.id().is_none()
        && e.attr("style").is_none()
        && !matches!(name, "title" | "h1" | "h2" | "h3")
    {
        return None;
    }
    let has = |class: &str| e.any_class(&mut |c| c == class);
    match name {
        "title" if w.title_tag.is_none() => return Some(Slot::TitleTag),
        "h1" if w.h1.is_none() => return Some(Slot::H1),
        "h2" if w.heading.is_none() && has("tc") => return Some(Slot::Heading),
        "div" if w.heading.is_none() && has("title3") => return Some(Slot::Heading),
        _ => {}
    }
    match e.id() {
        Some("pubTime") if w.pub_time.is_none() => return Some(Slot::PubTime),
        Some("youxiaodate") if w.hidden_date.is_none() => return Some(Slot::HiddenDate),
        _ => {}
    }
    if w.breadcrumb.is_none() && (has("vF_deail_currentloc") || has("vF_detail_currentloc")) {
        return Some(Slot::Breadcrumb);
    }
    if has("code-00004") && w.code_project_id.is_none() {
        return Some(Slot::CodeProjectId);
    }
    if has("code-00003") && w.code_project_name.is_none() {
        return Some(Slot::CodeProjectName);
    }
    if name == "td" && has("code-winningSupplierName") {
        return Some(Slot::CodeSupplier);
    }
    if name == "td" && has("code-summaryPrice") {
        return Some(Slot::CodePrice);
    }
    if w.hidden.len() < 16
        && e.attr("style").is_some_and(|st| {
            let st: String = st.chars().filter(|c| !c.is_whitespace()).collect();
            st.to_ascii_lowercase().contains("display:none")
        })
    {
        return Some(Slot::Hidden);
    }
    let titled = matches!(name, "h1" | "h2" | "h3")
        || (matches!(name, "div" | "p" | "span" | "h4" | "td" | "strong")
            && e.any_class(&mut super::title::is_heading_class));
    (titled && w.headings.len() < MAX_HEADINGS).then_some(Slot::AnyHeading)
}

fn store(w: &mut Walked, slot: Slot, text: String) {
    if text.is_empty() {
        return;
    }
    match slot {
        Slot::TitleTag => w.title_tag = Some(text),
        Slot::Heading | Slot::H1 => {
            if w.headings.len() < MAX_HEADINGS {
                w.headings.push(text.clone());
            }
            if matches!(slot, Slot::H1) {
                w.h1 = Some(text);
            } else {
                w.heading = Some(text);
            }
        }
        Slot::PubTime => w.pub_time = Some(text),
        Slot::HiddenDate => w.hidden_date = Some(text),
        Slot::Hidden => {
            if text.chars().count() <= 200 && w.hidden.len() < 16 {
                w.hidden.push(text);
            }
        }
        Slot::AnyHeading => w.headings.push(text),
        Slot::CentredBold => w.centred_bold.push(text),
        Slot::Breadcrumb => w.breadcrumb = Some(text),
        Slot::CodeProjectId => w.code_project_id = Some(text),
        Slot::CodeProjectName => w.code_project_name = Some(text),
        Slot::CodeSupplier => w.code_suppliers.push(text),
        Slot::CodePrice => w.code_prices.push(text),
    }
}

/// Collapse whitespace runs (incl. ideographic and no-break spaces) to one space and trim.
pub fn squash(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for (is_space, piece) in Segments(s) {
        squash_piece(&mut out, &mut space, is_space, piece);
    }
    out
}

/// [`squash`] one run at a time: `space` carries a pending separator between calls.
fn squash_piece(out: &mut String, space: &mut bool, is_space: bool, piece: &str) {
    if is_space {
        *space = true;
    } else {
        if *space && !out.is_empty() {
            out.push(' ');
        }
        *space = false;
        out.push_str(piece);
    }
}

/// Characters in `s`: its bytes that do not continue a UTF-8 sequence.
fn char_count(s: &str) -> usize {
    s.bytes().filter(|b| b & 0xC0 != 0x80).count()
}

/// True for the characters the walk treats as spaces.
fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}'
}

/// Maximal runs of spaces ([`is_space`]) and of other characters: `(is_space, run)`.
/// Works on bytes: only a few lead bytes can start a non-ASCII space, so Han text is skipped
/// three bytes at a time without decoding.
struct Segments<'a>(&'a str);

impl<'a> Iterator for Segments<'a> {
    type Item = (bool, &'a str);

    fn next(&mut self) -> Option<(bool, &'a str)> {
        let s = self.0;
        let first = space_at(s, 0)?;
        let mut i = first.1;
        while let Some((space, len)) = space_at(s, i) {
            if space != first.0 {
                break;
            }
            i += len;
        }
        let (run, rest) = s.split_at(i);
        self.0 = rest;
        Some((first.0, run))
    }
}

/// Whether the character at byte `i` of `s` is a space, and its length; `None` at the end.
fn space_at(s: &str, i: usize) -> Option<(bool, usize)> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' '), 1));
    }
    let len = match b {
        0xF0.. => 4,
        0xE0.. => 3,
        _ => 2,
    };
    // Non-ASCII spaces are U+0085, U+00A0 (lead 0xC2), U+1680 (0xE1), U+2000–U+205F (0xE2)
    // and U+3000 (0xE3); any other lead byte starts a non-space.
    if matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3) {
        let c = s.get(i..)?.chars().next()?;
        return Some((is_space(c), c.len_utf8()));
    }
    Some((false, len.min(s.len() - i)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_layout_cell_keeps_its_paragraphs_apart_and_a_word_cell_stays_one_row() {
        // An old CMS's article in a layout table's column: after its first blocks (breadcrumb,
        // heading, info line) its paragraphs and signature are lines of their own.
        let doc = "<table><tr><td><div>当前位置：首页 &gt; 招标采购</div><div>某项目招标公告</div>\
            <div>时间:2026-11-27 15:40 来源:设备处</div><div><p>我院现进行公开招标。</p>\
            <p>福建省立医院</p><p>2026年11月27日</p></div></td></tr></table>";
        for w in [walk(doc), walk_dom(doc)] {
            let lines: Vec<&str> = w.text.lines().collect();
            assert_eq!(
                lines,
                [
                    "当前位置：首页 > 招标采购 某项目招标公告 时间:2026-11-27 15:40 来源:设备处",
                    "我院现进行公开招标。",
                    "福建省立医院",
                    "2026年11月27日"
                ]
            );
        }
        // A Word table wraps each cell's text in a paragraph or two: the row stays one line.
        let doc = "<table><tr><td><p>中标供应商</p><p>（名称）</p></td><td><p>甲科技有限公司</p></td>\
            <td><p>人民币壹佰万元整</p><p>（¥1,000,000.00）</p></td></tr></table>";
        for w in [walk(doc), walk_dom(doc)] {
            assert_eq!(
                w.text.trim(),
                "中标供应商 （名称） | 甲科技有限公司 | 人民币壹佰万元整 （¥1,000,000.00）"
            );
        }
    }

    /// `doc` read by each walker that takes it: the two DOM walks, the streaming tree sink and
    /// the token walk (the last two decline some pages).
    pub(super) fn every_walk(doc: &str) -> impl Iterator<Item = Walked> {
        [
            Some(walk(doc)),
            Some(walk_dom(doc)),
            super::super::stream::walk(doc),
            super::super::stream::tokens::walk(doc),
        ]
        .into_iter()
        .flatten()
    }

    #[test]
    fn a_label_and_its_sibling_value_are_two_cells() {
        let doc = "<div class=\"row\"><label>采购编号：</label><em>CG-7</em></div>\
            <div><label for=\"x\">最高限价（元）</label> <b>980,000</b></div><div><label>单独</label></div>\
            <table><tr><td><label>甲</label>乙</td></tr></table>";
        for w in every_walk(doc) {
            let lines: Vec<&str> = w.text.lines().collect();
            assert_eq!(
                lines,
                [
                    "采购编号： | CG-7",
                    "最高限价（元） | 980,000",
                    "单独",
                    "甲乙"
                ]
            );
        }
    }

    #[test]
    fn every_label_of_a_grid_row_opens_its_own_cell() {
        // Two pairs a row: the second label is not glued to the first value.
        let doc = "<div class=\"row\"><label>项目编号</label><span>ZB-12</span><label>采购代理机构</label>\
            <span>某某招标有限公司</span></div><div><label>开标时间：</label><em>2026-01-05</em><label>地点\
            </label><em>某会议室</em></div><p>本项目<label>预算金额</label>为100万元</p>";
        for w in every_walk(doc) {
            let lines: Vec<&str> = w.text.lines().collect();
            assert_eq!(
                lines,
                [
                    "项目编号 | ZB-12 | 采购代理机构 | 某某招标有限公司",
                    "开标时间： | 2026-01-05 | 地点 | 某会议室",
                    "本项目预算金额 | 为100万元"
                ]
            );
        }
    }

    #[test]
    fn a_bare_label_element_and_its_value_element_are_two_cells() {
        // Key/value pairs as sibling inline elements with no colon: the key is a label alone.
        let doc = "<ul><li><b>采购项目编号</b><em>ZFCG-88</em></li></ul>\
            <div><strong>最高限价（含税）</strong> <span>520万元</span></div>\
            <p><span>采购人</span>：某某大学</p><p><span>说明</span><span>见附件</span></p>\
            <p>本项目<span>预算金额</span>为100万元</p>";
        for w in every_walk(doc) {
            let lines: Vec<&str> = w.text.lines().collect();
            assert_eq!(
                lines,
                [
                    "采购项目编号 | ZFCG-88",
                    "最高限价（含税） | 520万元",
                    "采购人：某某大学",
                    "说明见附件",
                    "本项目预算金额为100万元"
                ]
            );
        }
    }

    #[test]
    fn bold_text_in_a_centred_block_is_kept_apart() {
        let doc = "<table><tr><td align=\"center\"><font size=\"4\"><b>某医院设备采购招标公告</b></font></td></tr></table>\
            <p><b>一、项目概况</b></p><div style=\"TEXT-ALIGN: center\"><span><strong>第二个</strong></span></div>\
            <center>居中<b>粗体</b></center>";
        for w in [walk(doc), walk_dom(doc)] {
            assert_eq!(w.centred_bold, ["某医院设备采购招标公告", "第二个", "粗体"]);
        }
    }

    /// The reference: character by character, as the walk did before runs.
    fn squash_chars(s: &str) -> String {
        let mut out = String::new();
        let mut space = false;
        for c in s.chars() {
            if is_space(c) {
                space = true;
            } else {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn runs_squash_like_characters() {
        for s in [
            "",
            "  ",
            " a  b ",
            "采购人：\u{3000}某大学\u{a0}\u{a0}x",
            "\u{2003}A100\u{2028}\u{85}é\u{1680}z\u{205f}\u{202f}",
            "\u{2010}\u{e1}\u{1681}\u{3001}",
            "😀 a\tb\r\n\u{b}\u{c}c",
        ] {
            assert_eq!(squash(s), squash_chars(s), "{s:?}");
            let pieces: String = Segments(s).map(|(_, p)| p).collect();
            assert_eq!(pieces, s);
            assert!(Segments(s).all(|(sp, p)| p.chars().all(|c| is_space(c) == sp)));
        }
    }

    /// The visible-character count over non-space runs equals counting non-whitespace chars.
    #[test]
    fn spaces_are_exactly_whitespace() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_space(c), c.is_whitespace(), "{c:?}");
        }
        let s = "采购人：\u{3000}某大学 A100\u{a0}é\u{2028}😀";
        let runs: usize = Segments(s)
            .filter(|(sp, _)| !sp)
            .map(|(_, p)| char_count(p))
            .sum();
        assert_eq!(runs, s.chars().filter(|c| !c.is_whitespace()).count());
    }

    #[test]
    fn text_in_pieces_walks_like_text_whole() {
        let mut a: Walker<u8> = Walker::default();
        let mut b: Walker<u8> = Walker::default();
        let text = " 采购人： 某大学\u{3000}\n 金额 ";
        a.text(text);
        for c in text.chars() {
            b.text(c.encode_utf8(&mut [0; 4]));
        }
        assert_eq!(a.finish().text, b.finish().text);
    }

    #[test]
    fn struck_text_is_blanked_and_kept_for_corrections() {
        // Round 41 of issue 10: `<del>` old value, `<ins>` new one; `<s>` and `<strike>` alike.
        for tag in ["del", "s", "strike"] {
            let w = walk(&format!(
                "<html><body><p>预算金额：<{tag}>456.00万元</{tag}> <ins>418.00万元</ins></p>\
                 <p>需求：<{tag}>配置某型号GPU（16卡）</{tag}>国产GPU云主机</p></body></html>"
            ));
            assert!(
                !w.text.contains("456") && !w.text.contains("型号"),
                "{tag}: {}",
                w.text
            );
            assert!(w.text.contains("418.00万元") && w.text.contains("国产GPU云主机"));
            let struck = w.struck_text.unwrap_or_default();
            assert!(
                struck.contains(&format!("{STRUCK_OPEN}456.00万元{STRUCK_CLOSE}")),
                "{tag}: {struck}"
            );
        }
        // Nested struck elements and brackets inside are one run; table cells lose it too.
        let w = walk(
            "<html><body><table><tr><td>文号</td><td><del>财〔2026〕<s>12</s>号</del>财〔2026〕15号</td></tr></table></body></html>",
        );
        assert_eq!(w.tables[0][0][1], "财〔2026〕15号");
        assert!(!w.text.contains("12号"), "{}", w.text);
        // Without struck text nothing changes.
        let w = walk("<html><body><p>预算金额：418.00万元</p></body></html>");
        assert!(w.struck_text.is_none());
    }

    #[test]
    fn blanking_keeps_byte_offsets() {
        let t = format!("a{STRUCK_OPEN}x〔1〕y{STRUCK_CLOSE}b\n{STRUCK_OPEN}open\nc");
        let b = blank_struck(&t);
        assert_eq!(b.len(), t.len());
        assert_eq!(
            b.trim_start_matches('a').trim_start().chars().next(),
            Some('b')
        );
        assert!(b.ends_with("\nc") && !b.contains("open"));
    }
}

#[cfg(test)]
mod table_lead_tests {
    use super::tests::every_walk;

    #[test]
    fn a_table_keeps_the_short_line_before_it_or_its_caption() {
        let doc = "<p>更正内容：</p><p style=\"text-align:right\">金额单位：人民币万元</p>\
            <table><tr><td>更正项</td><td>更正前</td><td>更正后</td></tr></table>\
            <table><caption>（单位：元）</caption><tr><td>预算金额</td><td>960,000</td></tr></table>\
            <p>本项目分两个包，各包预算及最高限价详见下表，投标人可就其中一个或全部两个包投标，不得拆分投标。</p>\
            <table><tr><td>包号</td><td>预算</td></tr></table>";
        for w in every_walk(doc) {
            assert_eq!(w.tables.len(), w.table_leads.len());
            assert_eq!(w.table_leads[0], "金额单位：人民币万元");
            assert_eq!(w.table_leads[1], "（单位：元）");
            // A long sentence before a table is no caption.
            assert_eq!(w.table_leads[2], "");
        }
    }

    #[test]
    fn nested_tables_keep_their_leads_in_step() {
        let doc = "<table><tr><td>外层</td><td><p>单位：万元</p>\
            <table><tr><td>预算金额</td><td>96</td></tr></table></td></tr></table>";
        for w in every_walk(doc) {
            assert_eq!(w.tables.len(), 2);
            assert_eq!(w.table_leads.len(), 2);
            // The inner table closes first and is stored first.
            assert_eq!(w.tables[0][0][0], "预算金额");
            assert_eq!(w.table_leads[0], "单位：万元");
        }
    }
}

#[cfg(test)]
mod extract54_row_spans {
    use super::*;

    #[test]
    fn a_rowspan_cell_is_copied_into_the_rows_it_spans() {
        // Spans at the start and in the middle (质量 across three candidates).
        let w = walk(
            "<table><tr><th>标段编号</th><th>排序</th><th>名称</th><th>质量</th><th>得分</th></tr>\
             <tr><td rowspan=\"3\">A-001</td><td>1</td><td>甲公司</td><td rowspan=\"3\">合格</td><td>90</td></tr>\
             <tr><td>2</td><td>乙公司</td><td>88</td></tr>\
             <tr><td>3</td><td>丙公司</td><td>85</td></tr></table>",
        );
        let t = &w.tables[0];
        assert_eq!(t[2], vec!["A-001", "2", "乙公司", "合格", "88"]);
        assert_eq!(t[3], vec!["A-001", "3", "丙公司", "合格", "85"]);
        // A span at the row's end, over two rows only; the third row is its own.
        let w = walk(
            "<table><tr><td>名称</td><td>工期</td></tr>\
             <tr><td>甲公司</td><td rowspan='2'>90日</td></tr>\
             <tr><td>乙公司</td></tr><tr><td>丙公司</td><td>60日</td></tr></table>",
        );
        assert_eq!(w.tables[0][2], vec!["乙公司", "90日"]);
        assert_eq!(w.tables[0][3], vec!["丙公司", "60日"]);
        // No rowspan (or rowspan=1): the rows as written.
        let w =
            walk("<table><tr><td rowspan=\"1\">a</td><td>b</td></tr><tr><td>c</td></tr></table>");
        assert_eq!(w.tables[0][1], vec!["c"]);
    }
}
