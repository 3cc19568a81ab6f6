//! The page walk without a DOM: html5ever's tree builder drives a [`TreeSink`] that feeds the
//! walk ([`Walker`]) as nodes are inserted, instead of building a scraper tree and walking it.
//!
//! While the tree builder only ever appends new nodes to an element on the path from the root
//! to the last node inserted (the "rightmost path"), document order is insertion order: an
//! element opens when it is appended and closes when something is next appended to one of its
//! ancestors (or at the end). That is every ordinary page. When the tree builder does anything
//! else — foster parenting text out of a table, the adoption agency re-parenting misnested
//! `<b>`/`<font>`, attributes added to `<body>` later — the stream gives up and the caller walks a
//! real DOM ([`super::html::walk_dom`]), so the result is always the same as the DOM walk's.
use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName, local_name, ns};

use super::html::{Elem, Walked, Walker};

pub(super) mod tokens;

/// Walk `doc` in one streaming pass; `None` when the tree builder rearranged nodes.
pub fn walk(doc: &str) -> Option<Walked> {
    let sink = StreamSink::default();
    html5ever::parse_document(sink, Default::default()).one(doc)
}

/// What a handle stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Document,
    Element,
    /// A `<template>`'s content (scraper's `Node::Fragment`): invisible to the walk.
    Fragment,
    /// Comments and processing instructions: invisible to the walk.
    Other,
}

/// Where a node is in the walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Created, not inserted yet.
    Orphan,
    /// On the rightmost path: more may be appended to it.
    Open,
    /// Left the rightmost path: anything appended to it now would be out of order.
    Closed,
}

struct NodeData {
    kind: Kind,
    state: State,
    /// Attributes, kept until the element opens in the walk.
    attrs: Vec<Attribute>,
}

/// An element as the walk sees it.
struct View<'a> {
    name: &'a QualName,
    attrs: &'a [Attribute],
}

/// An attribute without a namespace, as a selector reads it.
fn attr_of<'a>(attrs: &'a [Attribute], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|a| a.name.ns == ns!() && &*a.name.local == name)
        .map(|a| &*a.value)
}

/// The element's id: scraper takes the first `id` whatever its namespace.
fn id_of(attrs: &[Attribute]) -> Option<&str> {
    attrs
        .iter()
        .find(|a| &*a.name.local == "id")
        .map(|a| &*a.value)
}

/// Whether any class of the element satisfies `f`.
fn any_class_of(attrs: &[Attribute], f: &mut dyn FnMut(&str) -> bool) -> bool {
    attrs
        .iter()
        .filter(|a| &*a.name.local == "class")
        .any(|a| a.value.split_ascii_whitespace().any(&mut *f))
}

impl Elem for View<'_> {
    fn name(&self) -> &str {
        &self.name.local
    }
    fn attr(&self, name: &str) -> Option<&str> {
        attr_of(self.attrs, name)
    }
    fn id(&self) -> Option<&str> {
        id_of(self.attrs)
    }
    fn any_class(&self, f: &mut dyn FnMut(&str) -> bool) -> bool {
        any_class_of(self.attrs, f)
    }
}

struct Inner {
    nodes: Vec<NodeData>,
    /// The rightmost path, root first.
    path: Vec<usize>,
    walker: Walker<usize>,
    irregular: bool,
}

/// The tree sink: names are kept apart from the walk state so the tree builder can look at an
/// element's name while nothing else is borrowed.
struct StreamSink {
    names: RefCell<Vec<QualName>>,
    inner: RefCell<Inner>,
}

impl Default for StreamSink {
    fn default() -> Self {
        StreamSink {
            names: RefCell::new(vec![QualName::new(None, ns!(), local_name!(""))]),
            inner: RefCell::new(Inner {
                nodes: vec![NodeData {
                    kind: Kind::Document,
                    state: State::Open,
                    attrs: Vec::new(),
                }],
                path: vec![0],
                walker: Walker::default(),
                irregular: false,
            }),
        }
    }
}

impl StreamSink {
    fn new_node(&self, name: QualName, kind: Kind, attrs: Vec<Attribute>) -> usize {
        let mut inner = self.inner.borrow_mut();
        inner.nodes.push(NodeData {
            kind,
            state: State::Orphan,
            attrs,
        });
        self.names.borrow_mut().push(name);
        inner.nodes.len() - 1
    }

    fn give_up(&self) {
        self.inner.borrow_mut().irregular = true;
    }

    /// Close the nodes above `keep` entries of the path.
    fn close_above(&self, inner: &mut Inner, keep: usize) {
        let names = self.names.borrow();
        while inner.path.len() > keep {
            let Some(id) = inner.path.pop() else { break };
            if let Some(node) = inner.nodes.get_mut(id) {
                node.state = State::Closed;
                if node.kind == Kind::Element
                    && let Some(name) = names.get(id)
                {
                    inner.walker.close(&name.local, id);
                }
            }
        }
    }
}

impl TreeSink for StreamSink {
    type Handle = usize;
    type Output = Option<Walked>;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Option<Walked> {
        let mut inner = self.inner.into_inner();
        if inner.irregular {
            return None;
        }
        let names = self.names.into_inner();
        while let Some(id) = inner.path.pop() {
            if inner.nodes.get(id).is_some_and(|n| n.kind == Kind::Element)
                && let Some(name) = names.get(id)
            {
                inner.walker.close(&name.local, id);
            }
        }
        Some(inner.walker.finish())
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> usize {
        0
    }

    fn elem_name<'a>(&'a self, target: &'a usize) -> Ref<'a, QualName> {
        // Handles only ever come from `new_node`, so the index exists; the document's empty
        // name stands in otherwise rather than panicking.
        Ref::map(self.names.borrow(), |names| {
            names.get(*target).unwrap_or(&names[0])
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _: ElementFlags) -> usize {
        let template = name.ns == ns!(html) && name.local == local_name!("template");
        let id = self.new_node(name, Kind::Element, attrs);
        if template {
            // The content fragment is the next handle (see `get_template_contents`).
            self.new_node(
                QualName::new(None, ns!(), local_name!("")),
                Kind::Fragment,
                Vec::new(),
            );
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> usize {
        self.new_node(
            QualName::new(None, ns!(), local_name!("")),
            Kind::Other,
            Vec::new(),
        )
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> usize {
        self.create_comment(StrTendril::new())
    }

    fn append(&self, parent: &usize, child: NodeOrText<usize>) {
        let mut guard = self.inner.borrow_mut();
        let inner = &mut *guard;
        if inner.irregular {
            return;
        }
        // Comments are invisible: where they go changes nothing.
        if let NodeOrText::AppendNode(id) = &child
            && inner.nodes.get(*id).is_some_and(|n| n.kind == Kind::Other)
        {
            return;
        }
        let Some(at) = inner.path.iter().rposition(|p| p == parent) else {
            inner.irregular = true;
            return;
        };
        self.close_above(inner, at + 1);
        match child {
            NodeOrText::AppendText(text) => inner.walker.text(&text),
            NodeOrText::AppendNode(id) => {
                let Some(node) = inner.nodes.get_mut(id) else {
                    inner.irregular = true;
                    return;
                };
                if node.state != State::Orphan {
                    inner.irregular = true;
                    return;
                }
                node.state = State::Open;
                let attrs = std::mem::take(&mut node.attrs);
                let kind = node.kind;
                inner.path.push(id);
                if kind == Kind::Element {
                    let names = self.names.borrow();
                    if let Some(name) = names.get(id) {
                        inner.walker.open(
                            &View {
                                name,
                                attrs: &attrs,
                            },
                            id,
                        );
                    }
                    // A template's content is its first child.
                    if inner
                        .nodes
                        .get(id + 1)
                        .is_some_and(|n| n.kind == Kind::Fragment)
                        && name_is_template(names.get(id))
                    {
                        if let Some(frag) = inner.nodes.get_mut(id + 1) {
                            frag.state = State::Open;
                        }
                        inner.path.push(id + 1);
                    }
                }
            }
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &usize,
        prev_element: &usize,
        child: NodeOrText<usize>,
    ) {
        let in_tree = self
            .inner
            .borrow()
            .nodes
            .get(*element)
            .is_some_and(|n| n.state != State::Orphan);
        if in_tree {
            // Foster parenting: the node goes before the table, out of insertion order.
            self.give_up();
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &usize) -> usize {
        target + 1
    }

    fn same_node(&self, x: &usize, y: &usize) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, _sibling: &usize, _new_node: NodeOrText<usize>) {
        self.give_up();
    }

    fn add_attrs_if_missing(&self, _target: &usize, attrs: Vec<Attribute>) {
        // A second `<body class=…>`: the walk already judged the element by its first tag.
        if attrs.iter().any(|a| {
            matches!(
                &*a.name.local,
                "class" | "id" | "style" | "name" | "content"
            )
        }) {
            self.give_up();
        }
    }

    fn remove_from_parent(&self, _target: &usize) {
        self.give_up();
    }

    fn reparent_children(&self, _node: &usize, _new_parent: &usize) {
        self.give_up();
    }
}

fn name_is_template(name: Option<&QualName>) -> bool {
    name.is_some_and(|n| n.ns == ns!(html) && n.local == local_name!("template"))
}

/// Every HTML page the project keeps (fixtures, held-out rounds, `../shared` when present),
/// decoded and nesting-limited, for the tests that compare walks.
#[cfg(test)]
pub(crate) fn stored_pages() -> Vec<(std::path::PathBuf, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![root.join("fixtures"), root.join("fixtures/extract")];
    for round in std::fs::read_dir(root.join("tests/heldout"))
        .into_iter()
        .flatten()
        .flatten()
    {
        dirs.push(round.path().join("pages"));
    }
    dirs.push(root.join("../shared/data/pages/html"));
    let mut pages = Vec::new();
    for dir in dirs {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if !path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.starts_with("htm"))
            {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap_or_default();
            let doc = crate::decode::decode(&bytes, None).text;
            let doc = super::depth::limit_nesting(&doc).into_owned();
            pages.push((path, doc));
        }
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::super::html::walk_dom;
    use super::*;

    /// The fields of two walks, for comparison.
    fn fields(w: &Walked) -> String {
        format!("{w:?}")
    }

    fn same(doc: &str) {
        let dom = walk_dom(doc);
        if let Some(stream) = walk(doc) {
            assert_eq!(fields(&stream), fields(&dom), "{doc}");
        }
        if let Some(flat) = tokens::walk(doc) {
            assert_eq!(fields(&flat), fields(&dom), "tokens: {doc}");
        }
    }

    #[test]
    fn ordinary_markup_streams() {
        let doc = "<html><head><title>某某公告</title><meta name=ArticleTitle content=' T '></head>\
                   <body><h2 class=tc>标题</h2><p>采购人：某大学<p>金额：1元<table><tr><td>a<td>b<p>c</table>\
                   <div style='display: none'>2020年1月1日</div><template><p>x</template>\
                   <span id=pubTime>2021-01-02</span></body></html>";
        assert!(walk(doc).is_some());
        same(doc);
    }

    #[test]
    fn foster_parenting_gives_up() {
        let doc = "<table>前<tr><td>a</td></tr></table>";
        assert!(walk(doc).is_none());
        same(doc);
    }

    #[test]
    fn misnested_formatting_gives_up_or_agrees() {
        for doc in [
            "<b>1<p>2</b>3</p>",
            "<a href=x>1<div>2<a>3</a></div>",
            "<p><font class=arti_title>标题<p>正文</font>",
            "<body><p>x</p><body class=arti_title>y",
            "<table><tr><td>a</td></tr><!--c--> </table><p>b</p></body><!--d-->tail",
            "<select><option>a<table><tr><td>b</td></tr></table>",
            "<svg><title>t</title><desc>d</desc></svg><math><mi>x</mi></math>",
            "<h2 class=tc>标题<h3>副</h3>尾</h2>",
        ] {
            same(doc);
        }
    }

    /// Every page the project keeps (fixtures, held-out rounds, and `../shared` when present)
    /// walks the same with and without a DOM; says how many needed the DOM.
    #[test]
    fn stored_pages_walk_the_same() {
        let (mut pages, mut fallbacks, mut token_fallbacks) = (0, 0, 0);
        for (path, doc) in stored_pages() {
            pages += 1;
            match tokens::walk(&doc) {
                Some(w) => assert_eq!(
                    fields(&w),
                    fields(&walk_dom(&doc)),
                    "tokens: {}",
                    path.display()
                ),
                None => token_fallbacks += 1,
            }
            match walk(&doc) {
                Some(w) => {
                    assert_eq!(fields(&w), fields(&walk_dom(&doc)), "{}", path.display())
                }
                None => fallbacks += 1,
            }
        }
        assert!(pages >= 40, "{pages} pages");
        // Most real pages must stream, or the streaming walk buys nothing.
        assert!(
            fallbacks * 4 <= pages,
            "{fallbacks} of {pages} pages needed the DOM"
        );
        // And most must walk from the tokenizer, or that walk buys nothing.
        assert!(
            token_fallbacks * 4 <= pages,
            "{token_fallbacks} of {pages} pages needed the tree builder"
        );
        eprintln!(
            "{pages} pages, {fallbacks} walked through the DOM, {token_fallbacks} through the tree builder"
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Random tag soup: the streaming walk agrees with the DOM walk whenever it does not give up.
        #[test]
        fn tag_soup_walks_the_same(parts in proptest::collection::vec(proptest::sample::select(vec![
            "<p>", "</p>", "<div class=title3>", "</div>", "<table>", "</table>", "<tr>", "</tr>",
            "<td>", "</td>", "<th class=code-summaryPrice>", "<b>", "</b>", "<font>", "</font>",
            "<a href=x>", "</a>", "<h1>", "</h1>", "<h2 class=tc>", "</h2>", "<h3>", "<li>", "<ul>",
            "</ul>", "<span id=pubTime>", "</span>", "<span style='display:none'>", "<br>", "</br>",
            "<title>", "</title>", "<script>", "</script>", "<select>", "<option>", "</select>",
            "<template>", "</template>", "<svg>", "</svg>", "<math>", "<mi>", "<!--c-->", "<body class=x>",
            "</body>", "</html>", "<meta name=PubDate content=2020-01-02>", "<form>", "</form>",
            "<caption>", "<tbody>", "<col>", "<frameset>", "<noscript>", "</noscript>", "<textarea>",
            "<pre>", "<button>", "<nobr>", "<i>", "</i>", "<td class=code-winningSupplierName>",
            "文本", " ", "采购人：某大学", "2020年1月2日", "&amp;", "\n",
        ]), 0..40)) {
            let doc = parts.concat();
            same(&doc);
        }
    }
}
