//! One pass over the DOM: visible text (blocks on lines, cells joined by ` | `), the tables as
//! rows of cells, and the few page anchors that beat label text (meta tags, ccgp ids, template
//! `code-*` classes, Epoint title and hidden date).
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// Separator between table cells in `Notice.text`.
pub const CELL_SEP: &str = " | ";

/// What one DOM pass yields.
#[derive(Debug, Default)]
pub struct Walked {
    /// Visible text, one block per line.
    pub text: String,
    /// Every table (nested ones separately), rows of trimmed cell texts.
    pub tables: Vec<Vec<Vec<String>>>,
    /// `<meta name="ArticleTitle">`.
    pub article_title: Option<String>,
    /// `<meta name="PubDate">`.
    pub pub_date: Option<String>,
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
}

/// Furniture ranges kept per page.
pub const MAX_FURNITURE: usize = 256;

/// Furniture being walked: the outermost furniture element open, the lists open, and the
/// visible characters seen so far, in and out of links.
#[derive(Default)]
struct FurnitureWalk {
    open: Option<(ego_tree::NodeId, usize)>,
    lists: Vec<(ego_tree::NodeId, usize, usize, usize)>,
    link_depth: usize,
    linked_chars: usize,
    all_chars: usize,
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
}

impl TextSink {
    fn push(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}' {
                self.space = true;
                continue;
            }
            let at_line_start = self.out.is_empty() || self.out.ends_with('\n');
            if self.newline {
                if !at_line_start {
                    self.out.push('\n');
                }
            } else if self.cell {
                if !at_line_start {
                    self.out.push_str(CELL_SEP);
                }
            } else if self.space && !at_line_start {
                self.out.push(' ');
            }
            self.newline = false;
            self.cell = false;
            self.space = false;
            self.out.push(c);
        }
    }

    fn line_break(&mut self) {
        self.newline = true;
        self.cell = false;
    }

    fn cell_break(&mut self) {
        if !self.newline {
            self.cell = true;
        }
    }
}

/// A table under construction.
#[derive(Default)]
struct TableBuild {
    rows: Vec<Vec<String>>,
    in_cell: bool,
}

/// Walk the parsed document once.
pub fn walk(doc: &str) -> Walked {
    let html = Html::parse_document(doc);
    let mut w = Walked::default();
    let mut sink = TextSink::default();
    let mut skip = 0usize;
    let mut tables: Vec<TableBuild> = Vec::new();
    let mut captures: Vec<(ego_tree::NodeId, Slot, String)> = Vec::new();
    let mut title_hidden = 0usize;
    let mut furniture = FurnitureWalk::default();

    for edge in html.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Text(t) => {
                    if skip > 0 {
                        continue;
                    }
                    for (_, _, buf) in captures.iter_mut() {
                        buf.push_str(t);
                    }
                    if title_hidden > 0 {
                        continue;
                    }
                    sink.push(t);
                    let n = t.chars().filter(|c| !c.is_whitespace()).count();
                    furniture.all_chars += n;
                    if furniture.link_depth > 0 {
                        furniture.linked_chars += n;
                    }
                    if let Some(table) = tables.last_mut()
                        && table.in_cell
                        && let Some(cell) = table.rows.last_mut().and_then(|r| r.last_mut())
                    {
                        cell.push_str(t);
                    }
                }
                Node::Element(e) => {
                    let name = e.name();
                    if skip > 0 || is_skipped(name) {
                        skip += 1;
                        continue;
                    }
                    match name {
                        "meta" => {
                            let key = e.attr("name").unwrap_or_default();
                            let content = e.attr("content").map(|c| c.trim().to_string());
                            if key.eq_ignore_ascii_case("ArticleTitle") && w.article_title.is_none()
                            {
                                w.article_title = content.filter(|c| !c.is_empty());
                            } else if key.eq_ignore_ascii_case("PubDate") && w.pub_date.is_none() {
                                w.pub_date = content.filter(|c| !c.is_empty());
                            }
                        }
                        "title" => title_hidden += 1,
                        "table" => tables.push(TableBuild::default()),
                        "tr" => {
                            if let Some(t) = tables.last_mut() {
                                t.rows.push(Vec::new());
                            }
                        }
                        "td" | "th" => {
                            sink.cell_break();
                            if let Some(t) = tables.last_mut() {
                                if t.rows.is_empty() {
                                    t.rows.push(Vec::new());
                                }
                                if let Some(row) = t.rows.last_mut() {
                                    row.push(String::new());
                                }
                                t.in_cell = true;
                            }
                        }
                        _ => {}
                    }
                    if is_block(name) {
                        block_break(&mut sink, &tables, name);
                    }
                    if let Some(slot) = slot_of(e, &w) {
                        captures.push((node.id(), slot, String::new()));
                    }
                    if name == "a" {
                        furniture.link_depth += 1;
                    }
                    if furniture.open.is_none() {
                        if super::boiler::is_furniture_element(name, e.attr("class"), e.id()) {
                            furniture.open = Some((node.id(), sink.out.len()));
                        } else if matches!(name, "ul" | "ol") {
                            furniture.lists.push((
                                node.id(),
                                sink.out.len(),
                                furniture.linked_chars,
                                furniture.all_chars,
                            ));
                        }
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                let Node::Element(e) = node.value() else {
                    continue;
                };
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let name = e.name();
                match name {
                    "title" => title_hidden = title_hidden.saturating_sub(1),
                    "table" => {
                        if let Some(t) = tables.pop() {
                            let rows: Vec<Vec<String>> = t
                                .rows
                                .into_iter()
                                .map(|r| r.into_iter().map(|c| squash(&c)).collect::<Vec<_>>())
                                .filter(|r| !r.is_empty())
                                .collect();
                            if !rows.is_empty() {
                                w.tables.push(rows);
                            }
                        }
                    }
                    "td" | "th" => {
                        if let Some(t) = tables.last_mut() {
                            t.in_cell = false;
                        }
                    }
                    _ => {}
                }
                if is_block(name) {
                    block_break(&mut sink, &tables, name);
                }
                if captures.last().is_some_and(|(id, _, _)| *id == node.id())
                    && let Some((_, slot, buf)) = captures.pop()
                {
                    store(&mut w, slot, squash(&buf));
                }
                if name == "a" {
                    furniture.link_depth = furniture.link_depth.saturating_sub(1);
                }
                let end = sink.out.len();
                if furniture.open.is_some_and(|(id, _)| id == node.id())
                    && let Some((_, start)) = furniture.open.take()
                    && end > start
                    && w.furniture.len() < MAX_FURNITURE
                {
                    w.furniture.push(start..end);
                }
                if furniture.lists.last().is_some_and(|l| l.0 == node.id())
                    && let Some((_, start, linked, all)) = furniture.lists.pop()
                    && end > start
                    && w.furniture.len() < MAX_FURNITURE
                    && super::boiler::is_link_list(
                        furniture.linked_chars - linked,
                        furniture.all_chars - all,
                    )
                {
                    w.furniture.push(start..end);
                }
            }
        }
    }
    w.text = sink.out;
    w
}

/// A block boundary: a new line, except inside a table cell, where the row must stay on one
/// line (Word tables wrap every cell's text in `<p>`).
fn block_break(sink: &mut TextSink, tables: &[TableBuild], name: &str) {
    let in_cell = tables.last().is_some_and(|t| t.in_cell);
    if in_cell && name != "table" && name != "tr" {
        sink.space = true;
    } else {
        sink.line_break();
    }
}

/// The anchor an element feeds, if any (first occurrence wins for single-valued anchors).
fn slot_of(e: &scraper::node::Element, w: &Walked) -> Option<Slot> {
    let name = e.name();
    // Most elements carry neither a class nor an id: leave early.
    if e.attr("class").is_none()
        && e.id().is_none()
        && e.attr("style").is_none()
        && !matches!(name, "title" | "h1" | "h2" | "h3")
    {
        return None;
    }
    let has = |class: &str| e.classes().any(|c| c == class);
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
            && e.classes().any(super::title::is_heading_class));
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
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}' {
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
