//! The page walk straight from html5ever's tokenizer, without its tree builder.
//!
//! A small emulation of the tree builder's insertion modes (implied `html`/`head`/`body`/`tbody`/
//! `tr`, implied end tags, scopes, `p`/`li`/heading closing, table modes, the simple cases of the
//! adoption agency, reconstruction of formatting elements) keeps the stack of open elements, so
//! every element opens when inserted and closes when popped — document order, as long as the
//! tree builder would only ever append to the current node. Wherever it would do anything else
//! (foster parenting, the adoption agency's furthest block, a second `<body>` or `<html>` with
//! attributes, head elements after `</head>`, foreign content, templates, captions, column groups,
//! frames, `<plaintext>`, quirks-mode tables) or the stack grows deep, the walk gives up and the
//! caller runs the tree-builder stream ([`super::walk`]) instead. Rules follow html5ever 0.40's
//! `tree_builder/rules.rs`; the unit tests compare the result with the DOM walk's.
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, StartTag, Tag, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
    states::RawKind,
};
use html5ever::{Attribute, LocalName, local_name, ns};
use std::cell::RefCell;

use super::super::html::{Elem, Walked, Walker};

/// Deepest stack of open elements walked here; deeper pages go to the tree builder (after the
/// nesting pre-pass they are rare, and scope checks walk the stack).
const MAX_STACK: usize = 512;
/// Longest list of active formatting elements walked here.
const MAX_FORMATTING: usize = 256;

mod lex;

/// Walk `doc` from the tokenizer; `None` when the tree builder would rearrange nodes.
///
/// The fast tokenizer ([`lex`]) runs first; where it meets markup it leaves to html5ever's
/// tokenizer, the walk starts again from html5ever's.
pub fn walk(doc: &str) -> Option<Walked> {
    let mut st = State::default();
    match lex::lex(doc, &mut st) {
        Ok(()) => st.finish(),
        Err(lex::Unsupported) => walk_html5ever(doc),
    }
}

/// Walk `doc` from html5ever's tokenizer.
fn walk_html5ever(doc: &str) -> Option<Walked> {
    let tok = Tokenizer::new(TokSink::default(), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(doc));
    loop {
        match tok.feed(&input) {
            html5ever::TokenizerResult::Done => break,
            // A `Script` result is our signal to stop: the walk gave up.
            html5ever::TokenizerResult::Script(()) => {
                if tok.sink.st.borrow().bail {
                    return None;
                }
            }
            html5ever::TokenizerResult::EncodingIndicator(_) => {}
        }
    }
    tok.sink.st.borrow_mut().ending = true;
    tok.end();
    let st = tok.sink.st.into_inner();
    st.finish()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Initial,
    BeforeHtml,
    BeforeHead,
    InHead,
    AfterHead,
    InBody,
    Text,
    InTable,
    InTableBody,
    InRow,
    InCell,
    AfterBody,
    AfterAfterBody,
}

struct Open {
    id: usize,
    name: LocalName,
}

enum Fmt {
    Marker,
    Elem {
        id: usize,
        name: LocalName,
        attrs: Vec<Attribute>,
    },
}

/// A token as the emulation sees it.
#[derive(Clone, Copy)]
enum Tok<'a> {
    /// Characters (never empty).
    Chars(&'a str),
    Null,
    Start(&'a Tag),
    End(&'a Tag),
    Eof,
}

struct State {
    mode: Mode,
    orig_mode: Mode,
    stack: Vec<Open>,
    fmt: Vec<Fmt>,
    next_id: usize,
    head_seen: bool,
    form: Option<usize>,
    ignore_lf: bool,
    walker: Walker<usize>,
    /// The walk gave up.
    bail: bool,
    /// `Tokenizer::end` is running: no `Script` result then.
    ending: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            mode: Mode::Initial,
            orig_mode: Mode::InBody,
            stack: Vec::new(),
            fmt: Vec::new(),
            next_id: 1,
            head_seen: false,
            form: None,
            ignore_lf: false,
            walker: Walker::default(),
            bail: false,
            ending: false,
        }
    }
}

#[derive(Default)]
struct TokSink {
    st: RefCell<State>,
}

impl TokenSink for TokSink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut st = self.st.borrow_mut();
        if st.bail {
            return if matches!(token, Token::TagToken(_)) && !st.ending {
                TokenSinkResult::Script(())
            } else {
                TokenSinkResult::Continue
            };
        }
        let result = match &token {
            Token::ParseError(_) | Token::CommentToken(_) => {
                st.on_other();
                TokenSinkResult::Continue
            }
            Token::DoctypeToken(_) => {
                st.on_doctype();
                TokenSinkResult::Continue
            }
            Token::CharacterTokens(t) => {
                st.on_chars(t);
                TokenSinkResult::Continue
            }
            Token::NullCharacterToken => {
                st.ignore_lf = false;
                st.process(Tok::Null);
                TokenSinkResult::Continue
            }
            Token::EOFToken => {
                st.on_eof();
                TokenSinkResult::Continue
            }
            Token::TagToken(tag) => match st.on_tag(tag) {
                Some(k) => TokenSinkResult::RawData(k),
                None => TokenSinkResult::Continue,
            },
        };
        if st.bail && matches!(token, Token::TagToken(_)) && !st.ending {
            return TokenSinkResult::Script(());
        }
        result
    }
}

/// The tokens as the emulation takes them, from html5ever's tokenizer or from [`lex`].
impl State {
    /// A comment or a parse error: nothing to walk, but it ends a `<pre>`'s leading newline.
    fn on_other(&mut self) {
        self.ignore_lf = false;
    }

    fn on_doctype(&mut self) {
        self.ignore_lf = false;
        if self.mode == Mode::Initial {
            self.mode = Mode::BeforeHtml;
        }
    }

    fn on_chars(&mut self, t: &str) {
        let t = if std::mem::take(&mut self.ignore_lf) {
            t.strip_prefix('\n').unwrap_or(t)
        } else {
            t
        };
        if !t.is_empty() {
            self.process_chars(t);
        }
    }

    fn on_eof(&mut self) {
        self.ignore_lf = false;
        self.process(Tok::Eof);
    }

    /// A tag; `Some` when the tokenizer is to switch to raw text.
    fn on_tag(&mut self, tag: &Tag) -> Option<RawKind> {
        self.ignore_lf = false;
        let raw = if tag.kind == StartTag {
            self.process(Tok::Start(tag))
        } else {
            self.process(Tok::End(tag))
        };
        raw.map(|Raw::Kind(k)| k)
    }
}

/// What a start tag asks of the tokenizer.
enum Raw {
    Kind(RawKind),
}

/// An element as the walk sees it.
struct View<'a> {
    name: &'a LocalName,
    attrs: &'a [Attribute],
}

impl Elem for View<'_> {
    fn name(&self) -> &str {
        self.name
    }
    fn attr(&self, name: &str) -> Option<&str> {
        super::attr_of(self.attrs, name)
    }
    fn id(&self) -> Option<&str> {
        super::id_of(self.attrs)
    }
    fn any_class(&self, f: &mut dyn FnMut(&str) -> bool) -> bool {
        super::any_class_of(self.attrs, f)
    }
}

fn is_ws(c: char) -> bool {
    c.is_ascii_whitespace()
}

/// html5ever's `default_scope` (HTML elements only: foreign content gives up).
fn default_scope(n: &LocalName) -> bool {
    matches!(
        *n,
        local_name!("applet")
            | local_name!("caption")
            | local_name!("html")
            | local_name!("table")
            | local_name!("td")
            | local_name!("th")
            | local_name!("marquee")
            | local_name!("object")
            | local_name!("select")
            | local_name!("template")
    )
}

fn button_scope(n: &LocalName) -> bool {
    default_scope(n) || *n == local_name!("button")
}

fn list_item_scope(n: &LocalName) -> bool {
    default_scope(n) || matches!(*n, local_name!("ol") | local_name!("ul"))
}

fn table_scope(n: &LocalName) -> bool {
    matches!(
        *n,
        local_name!("html") | local_name!("table") | local_name!("template")
    )
}

fn cursory_implied_end(n: &LocalName) -> bool {
    matches!(
        *n,
        local_name!("dd")
            | local_name!("dt")
            | local_name!("li")
            | local_name!("option")
            | local_name!("optgroup")
            | local_name!("p")
            | local_name!("rb")
            | local_name!("rp")
            | local_name!("rt")
            | local_name!("rtc")
    )
}

fn is_heading(n: &LocalName) -> bool {
    matches!(
        *n,
        local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
    )
}

fn is_special(n: &LocalName) -> bool {
    matches!(
        *n,
        local_name!("address")
            | local_name!("applet")
            | local_name!("area")
            | local_name!("article")
            | local_name!("aside")
            | local_name!("base")
            | local_name!("basefont")
            | local_name!("bgsound")
            | local_name!("blockquote")
            | local_name!("body")
            | local_name!("br")
            | local_name!("button")
            | local_name!("caption")
            | local_name!("center")
            | local_name!("col")
            | local_name!("colgroup")
            | local_name!("dd")
            | local_name!("details")
            | local_name!("dir")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("dt")
            | local_name!("embed")
            | local_name!("fieldset")
            | local_name!("figcaption")
            | local_name!("figure")
            | local_name!("footer")
            | local_name!("form")
            | local_name!("frame")
            | local_name!("frameset")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("head")
            | local_name!("header")
            | local_name!("hgroup")
            | local_name!("hr")
            | local_name!("html")
            | local_name!("iframe")
            | local_name!("img")
            | local_name!("input")
            | local_name!("isindex")
            | local_name!("li")
            | local_name!("link")
            | local_name!("listing")
            | local_name!("main")
            | local_name!("marquee")
            | local_name!("menu")
            | local_name!("meta")
            | local_name!("nav")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("noscript")
            | local_name!("object")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("param")
            | local_name!("plaintext")
            | local_name!("pre")
            | local_name!("script")
            | local_name!("section")
            | local_name!("select")
            | local_name!("source")
            | local_name!("style")
            | local_name!("summary")
            | local_name!("table")
            | local_name!("tbody")
            | local_name!("td")
            | local_name!("template")
            | local_name!("textarea")
            | local_name!("tfoot")
            | local_name!("th")
            | local_name!("thead")
            | local_name!("title")
            | local_name!("tr")
            | local_name!("track")
            | local_name!("ul")
            | local_name!("wbr")
            | local_name!("xmp")
    )
}

fn is_formatting(n: &LocalName) -> bool {
    matches!(
        *n,
        local_name!("a")
            | local_name!("b")
            | local_name!("big")
            | local_name!("code")
            | local_name!("em")
            | local_name!("font")
            | local_name!("i")
            | local_name!("nobr")
            | local_name!("s")
            | local_name!("small")
            | local_name!("strike")
            | local_name!("strong")
            | local_name!("tt")
            | local_name!("u")
    )
}

/// Start tags that close an open `p` and are then inserted (html5ever's first block list).
fn is_block_start(n: &LocalName) -> bool {
    matches!(
        *n,
        local_name!("address")
            | local_name!("article")
            | local_name!("aside")
            | local_name!("blockquote")
            | local_name!("center")
            | local_name!("details")
            | local_name!("dialog")
            | local_name!("dir")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("fieldset")
            | local_name!("figcaption")
            | local_name!("figure")
            | local_name!("footer")
            | local_name!("header")
            | local_name!("hgroup")
            | local_name!("main")
            | local_name!("nav")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("search")
            | local_name!("section")
            | local_name!("summary")
            | local_name!("ul")
            | local_name!("menu")
    )
}

/// End tags closed through the default scope (html5ever's block end list).
fn is_block_end(n: &LocalName) -> bool {
    matches!(
        *n,
        local_name!("address")
            | local_name!("article")
            | local_name!("aside")
            | local_name!("blockquote")
            | local_name!("button")
            | local_name!("center")
            | local_name!("details")
            | local_name!("dialog")
            | local_name!("dir")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("fieldset")
            | local_name!("figcaption")
            | local_name!("figure")
            | local_name!("footer")
            | local_name!("header")
            | local_name!("hgroup")
            | local_name!("listing")
            | local_name!("main")
            | local_name!("menu")
            | local_name!("nav")
            | local_name!("ol")
            | local_name!("pre")
            | local_name!("search")
            | local_name!("section")
            | local_name!("select")
            | local_name!("summary")
            | local_name!("ul")
    )
}

/// Tags the emulation never handles: the tree builder does something other than append.
fn gives_up(n: &LocalName) -> bool {
    matches!(
        *n,
        local_name!("template")
            | local_name!("svg")
            | local_name!("math")
            | local_name!("frameset")
            | local_name!("plaintext")
            | local_name!("caption")
            | local_name!("col")
            | local_name!("colgroup")
    )
}

impl State {
    fn give_up(&mut self) -> Option<Raw> {
        self.bail = true;
        None
    }

    fn current(&self) -> Option<&LocalName> {
        self.stack.last().map(|o| &o.name)
    }

    fn current_is(&self, n: LocalName) -> bool {
        self.current() == Some(&n)
    }

    fn in_scope(&self, scope: fn(&LocalName) -> bool, target: &dyn Fn(&Open) -> bool) -> bool {
        for o in self.stack.iter().rev() {
            if target(o) {
                return true;
            }
            if scope(&o.name) {
                return false;
            }
        }
        false
    }

    fn in_scope_named(&self, scope: fn(&LocalName) -> bool, name: &LocalName) -> bool {
        self.in_scope(scope, &|o| o.name == *name)
    }

    /// Insert an element at the current node (it opens in the walk).
    fn insert(&mut self, name: LocalName, attrs: &[Attribute]) -> usize {
        let id = self.next_id;
        self.next_id += 1;
        self.walker.open(&View { name: &name, attrs }, id);
        self.stack.push(Open { id, name });
        if self.stack.len() > MAX_STACK {
            self.bail = true;
        }
        id
    }

    fn insert_and_pop(&mut self, name: LocalName, attrs: &[Attribute]) {
        self.insert(name, attrs);
        self.pop();
    }

    fn pop(&mut self) {
        if let Some(o) = self.stack.pop() {
            self.walker.close(&o.name, o.id);
        }
    }

    fn text(&mut self, t: &str) {
        self.walker.text(t);
    }

    fn generate_implied_end(&mut self, except: Option<&LocalName>) {
        while let Some(n) = self.current() {
            if !cursory_implied_end(n) || except == Some(n) {
                break;
            }
            self.pop();
        }
    }

    fn pop_until_named(&mut self, name: &LocalName) {
        while let Some(o) = self.stack.last() {
            let hit = o.name == *name;
            self.pop();
            if hit {
                break;
            }
        }
    }

    fn pop_until(&mut self, pred: fn(&LocalName) -> bool) {
        while let Some(o) = self.stack.last() {
            let hit = pred(&o.name);
            self.pop();
            if hit {
                break;
            }
        }
    }

    fn pop_until_current(&mut self, set: fn(&LocalName) -> bool) {
        while let Some(n) = self.current() {
            if set(n) {
                break;
            }
            self.pop();
        }
    }

    fn close_p(&mut self) {
        self.generate_implied_end(Some(&local_name!("p")));
        self.pop_until_named(&local_name!("p"));
    }

    fn close_p_in_button_scope(&mut self) {
        if self.in_scope_named(button_scope, &local_name!("p")) {
            self.close_p();
        }
    }

    fn is_open(&self, id: usize) -> bool {
        self.stack.iter().rev().any(|o| o.id == id)
    }

    fn marker_or_open(&self, f: &Fmt) -> bool {
        match f {
            Fmt::Marker => true,
            Fmt::Elem { id, .. } => self.is_open(*id),
        }
    }

    fn reconstruct(&mut self) {
        let Some(last) = self.fmt.last() else {
            return;
        };
        if self.marker_or_open(last) {
            return;
        }
        let mut i = self.fmt.len() - 1;
        while i > 0 {
            i -= 1;
            if self.marker_or_open(&self.fmt[i]) {
                i += 1;
                break;
            }
        }
        for j in i..self.fmt.len() {
            let (name, attrs) = match &self.fmt[j] {
                Fmt::Elem { name, attrs, .. } => (name.clone(), attrs.clone()),
                Fmt::Marker => return self.bail_unit(),
            };
            let new = self.insert(name, &attrs);
            if let Fmt::Elem { id, .. } = &mut self.fmt[j] {
                *id = new;
            }
        }
    }

    fn bail_unit(&mut self) {
        self.bail = true;
    }

    fn clear_fmt_to_marker(&mut self) {
        while let Some(f) = self.fmt.pop() {
            if matches!(f, Fmt::Marker) {
                break;
            }
        }
    }

    fn push_marker(&mut self) {
        self.fmt.push(Fmt::Marker);
    }

    fn insert_formatting(&mut self, tag: &Tag) {
        // Noah's Ark: at most three equal entries after the last marker.
        let mut first = None;
        let mut matches = 0;
        for (i, f) in self.fmt.iter().enumerate().rev() {
            match f {
                Fmt::Marker => break,
                Fmt::Elem { name, attrs, .. } => {
                    if *name == tag.name && same_attrs(attrs, &tag.attrs) {
                        first = Some(i);
                        matches += 1;
                    }
                }
            }
        }
        if matches >= 3
            && let Some(i) = first
        {
            self.fmt.remove(i);
        }
        let id = self.insert(tag.name.clone(), &tag.attrs);
        self.fmt.push(Fmt::Elem {
            id,
            name: tag.name.clone(),
            attrs: tag.attrs.clone(),
        });
        if self.fmt.len() > MAX_FORMATTING {
            self.bail = true;
        }
    }

    /// html5ever's `process_end_tag_in_body` ("any other end tag").
    fn end_tag_in_body(&mut self, name: &LocalName) {
        let mut at = None;
        for (i, o) in self.stack.iter().enumerate().rev() {
            if o.name == *name {
                at = Some(i);
                break;
            }
            if is_special(&o.name) {
                return;
            }
        }
        let Some(at) = at else { return };
        self.generate_implied_end(Some(name));
        while self.stack.len() > at {
            self.pop();
        }
    }

    /// The adoption agency, where it only pops; the rest gives up.
    fn adoption(&mut self, name: &LocalName) {
        if let Some(o) = self.stack.last()
            && o.name == *name
        {
            let id = o.id;
            let listed = self
                .fmt
                .iter()
                .any(|f| matches!(f, Fmt::Elem { id: e, .. } if *e == id));
            if !listed {
                self.pop();
                return;
            }
        }
        let mut entry = None;
        for (i, f) in self.fmt.iter().enumerate().rev() {
            match f {
                Fmt::Marker => break,
                Fmt::Elem { id, name: n, .. } if n == name => {
                    entry = Some((i, *id));
                    break;
                }
                Fmt::Elem { .. } => {}
            }
        }
        let Some((fi, id)) = entry else {
            return self.end_tag_in_body(name);
        };
        let Some(at) = self.stack.iter().rposition(|o| o.id == id) else {
            self.fmt.remove(fi);
            return;
        };
        if !self.in_scope(default_scope, &|o| o.id == id) {
            return;
        }
        if self.stack[at..].iter().any(|o| is_special(&o.name)) {
            self.bail = true;
            return;
        }
        while self.stack.len() > at {
            self.pop();
        }
        self.fmt.remove(fi);
    }

    fn reset_mode(&self) -> Mode {
        for (i, o) in self.stack.iter().enumerate().rev() {
            let last = i == 0;
            match o.name {
                local_name!("td") | local_name!("th") if !last => return Mode::InCell,
                local_name!("tr") => return Mode::InRow,
                local_name!("tbody") | local_name!("thead") | local_name!("tfoot") => {
                    return Mode::InTableBody;
                }
                local_name!("table") => return Mode::InTable,
                local_name!("head") if !last => return Mode::InHead,
                local_name!("body") => return Mode::InBody,
                local_name!("html") => {
                    return if self.head_seen {
                        Mode::AfterHead
                    } else {
                        Mode::BeforeHead
                    };
                }
                _ => {}
            }
        }
        Mode::InBody
    }

    fn raw(&mut self, tag: &Tag, kind: RawKind) -> Option<Raw> {
        self.insert(tag.name.clone(), &tag.attrs);
        self.orig_mode = self.mode;
        self.mode = Mode::Text;
        Some(Raw::Kind(kind))
    }

    /// Characters: split off leading whitespace where the mode treats it apart.
    fn process_chars(&mut self, mut t: &str) {
        while !t.is_empty() && !self.bail {
            match self.mode {
                Mode::Initial
                | Mode::BeforeHtml
                | Mode::BeforeHead
                | Mode::InHead
                | Mode::AfterHead
                | Mode::AfterBody
                | Mode::AfterAfterBody => {
                    let ws = t.len() - t.trim_start_matches(is_ws).len();
                    let (run, rest) = if ws > 0 {
                        t.split_at(ws)
                    } else {
                        let n = t.find(is_ws).unwrap_or(t.len());
                        t.split_at(n)
                    };
                    if ws > 0 {
                        match self.mode {
                            Mode::InHead | Mode::AfterHead => self.text(run),
                            Mode::AfterBody | Mode::AfterAfterBody => {
                                self.reconstruct();
                                self.text(run);
                            }
                            _ => {}
                        }
                    } else {
                        self.process(Tok::Chars(run));
                    }
                    t = rest;
                }
                _ => {
                    self.process(Tok::Chars(t));
                    return;
                }
            }
        }
    }

    /// One token in the current mode (reprocessing as the tree builder does).
    fn process(&mut self, tok: Tok<'_>) -> Option<Raw> {
        loop {
            if self.bail {
                return None;
            }
            let step = match self.mode {
                Mode::Initial => {
                    self.mode = Mode::BeforeHtml;
                    Step::Again
                }
                Mode::BeforeHtml => match tok {
                    Tok::Start(t) if t.name == local_name!("html") => {
                        self.insert(local_name!("html"), &t.attrs);
                        self.mode = Mode::BeforeHead;
                        Step::Done(None)
                    }
                    Tok::End(t)
                        if !matches!(
                            t.name,
                            local_name!("head")
                                | local_name!("body")
                                | local_name!("html")
                                | local_name!("br")
                        ) =>
                    {
                        Step::Done(None)
                    }
                    _ => {
                        self.insert(local_name!("html"), &[]);
                        self.mode = Mode::BeforeHead;
                        Step::Again
                    }
                },
                Mode::BeforeHead => match tok {
                    Tok::Start(t) if t.name == local_name!("html") => self.html_in_body(t),
                    Tok::Start(t) if t.name == local_name!("head") => {
                        self.insert(local_name!("head"), &t.attrs);
                        self.head_seen = true;
                        self.mode = Mode::InHead;
                        Step::Done(None)
                    }
                    Tok::End(t)
                        if !matches!(
                            t.name,
                            local_name!("head")
                                | local_name!("body")
                                | local_name!("html")
                                | local_name!("br")
                        ) =>
                    {
                        Step::Done(None)
                    }
                    _ => {
                        self.insert(local_name!("head"), &[]);
                        self.head_seen = true;
                        self.mode = Mode::InHead;
                        Step::Again
                    }
                },
                Mode::InHead => match tok {
                    Tok::Start(t) => match t.name {
                        local_name!("html") => self.html_in_body(t),
                        local_name!("head") => Step::Done(None),
                        _ => match self.head_start(t) {
                            Some(r) => Step::Done(r),
                            None => {
                                self.pop();
                                self.mode = Mode::AfterHead;
                                Step::Again
                            }
                        },
                    },
                    Tok::End(t) if t.name == local_name!("head") => {
                        self.pop();
                        self.mode = Mode::AfterHead;
                        Step::Done(None)
                    }
                    Tok::End(t)
                        if !matches!(
                            t.name,
                            local_name!("body") | local_name!("html") | local_name!("br")
                        ) =>
                    {
                        if t.name == local_name!("template") {
                            return self.give_up();
                        }
                        Step::Done(None)
                    }
                    _ => {
                        self.pop();
                        self.mode = Mode::AfterHead;
                        Step::Again
                    }
                },
                Mode::AfterHead => match tok {
                    Tok::Start(t) => match t.name {
                        local_name!("html") => self.html_in_body(t),
                        local_name!("body") => {
                            self.insert(local_name!("body"), &t.attrs);
                            self.mode = Mode::InBody;
                            Step::Done(None)
                        }
                        local_name!("head") => Step::Done(None),
                        local_name!("frameset")
                        | local_name!("base")
                        | local_name!("basefont")
                        | local_name!("bgsound")
                        | local_name!("link")
                        | local_name!("meta")
                        | local_name!("noframes")
                        | local_name!("script")
                        | local_name!("style")
                        | local_name!("template")
                        | local_name!("title") => return self.give_up(),
                        _ => self.phantom_body(),
                    },
                    Tok::End(t)
                        if !matches!(
                            t.name,
                            local_name!("body") | local_name!("html") | local_name!("br")
                        ) =>
                    {
                        if t.name == local_name!("template") {
                            return self.give_up();
                        }
                        Step::Done(None)
                    }
                    _ => self.phantom_body(),
                },
                Mode::InBody => self.in_body(tok),
                Mode::Text => match tok {
                    Tok::Chars(t) => {
                        self.text(t);
                        Step::Done(None)
                    }
                    Tok::End(_) => {
                        self.pop();
                        self.mode = self.orig_mode;
                        Step::Done(None)
                    }
                    Tok::Eof => {
                        self.pop();
                        self.mode = self.orig_mode;
                        Step::Again
                    }
                    _ => return self.give_up(),
                },
                Mode::InTable => self.in_table(tok),
                Mode::InTableBody => match tok {
                    Tok::Start(t) if t.name == local_name!("tr") => {
                        self.pop_until_current(table_body_context);
                        self.insert(local_name!("tr"), &t.attrs);
                        self.mode = Mode::InRow;
                        Step::Done(None)
                    }
                    Tok::Start(t) if matches!(t.name, local_name!("td") | local_name!("th")) => {
                        self.pop_until_current(table_body_context);
                        self.insert(local_name!("tr"), &[]);
                        self.mode = Mode::InRow;
                        Step::Again
                    }
                    Tok::End(t)
                        if matches!(
                            t.name,
                            local_name!("tbody") | local_name!("tfoot") | local_name!("thead")
                        ) =>
                    {
                        if self.in_scope_named(table_scope, &t.name) {
                            self.pop_until_current(table_body_context);
                            self.pop();
                            self.mode = Mode::InTable;
                        }
                        Step::Done(None)
                    }
                    Tok::Start(t)
                        if matches!(
                            t.name,
                            local_name!("tbody") | local_name!("tfoot") | local_name!("thead")
                        ) =>
                    {
                        self.table_body_out()
                    }
                    Tok::End(t) if t.name == local_name!("table") => self.table_body_out(),
                    Tok::End(t)
                        if matches!(
                            t.name,
                            local_name!("body")
                                | local_name!("caption")
                                | local_name!("col")
                                | local_name!("colgroup")
                                | local_name!("html")
                                | local_name!("td")
                                | local_name!("th")
                                | local_name!("tr")
                        ) =>
                    {
                        Step::Done(None)
                    }
                    _ => self.in_table(tok),
                },
                Mode::InRow => match tok {
                    Tok::Start(t) if matches!(t.name, local_name!("td") | local_name!("th")) => {
                        self.pop_until_current(table_row_context);
                        self.insert(t.name.clone(), &t.attrs);
                        self.mode = Mode::InCell;
                        self.push_marker();
                        Step::Done(None)
                    }
                    Tok::End(t) if t.name == local_name!("tr") => {
                        if self.in_scope_named(table_scope, &local_name!("tr")) {
                            self.pop_until_current(table_row_context);
                            self.pop();
                            self.mode = Mode::InTableBody;
                        }
                        Step::Done(None)
                    }
                    Tok::Start(t)
                        if matches!(
                            t.name,
                            local_name!("tbody")
                                | local_name!("tfoot")
                                | local_name!("thead")
                                | local_name!("tr")
                        ) =>
                    {
                        self.row_out()
                    }
                    Tok::End(t) if t.name == local_name!("table") => self.row_out(),
                    Tok::End(t)
                        if matches!(
                            t.name,
                            local_name!("tbody") | local_name!("tfoot") | local_name!("thead")
                        ) =>
                    {
                        if self.in_scope_named(table_scope, &t.name) {
                            if self.in_scope_named(table_scope, &local_name!("tr")) {
                                self.pop_until_current(table_row_context);
                                self.pop();
                                self.mode = Mode::InTableBody;
                                Step::Again
                            } else {
                                Step::Done(None)
                            }
                        } else {
                            Step::Done(None)
                        }
                    }
                    Tok::End(t)
                        if matches!(
                            t.name,
                            local_name!("body")
                                | local_name!("caption")
                                | local_name!("col")
                                | local_name!("colgroup")
                                | local_name!("html")
                                | local_name!("td")
                                | local_name!("th")
                        ) =>
                    {
                        Step::Done(None)
                    }
                    _ => self.in_table(tok),
                },
                Mode::InCell => match tok {
                    Tok::End(t) if matches!(t.name, local_name!("td") | local_name!("th")) => {
                        if self.in_scope_named(table_scope, &t.name) {
                            self.generate_implied_end(None);
                            self.pop_until_named(&t.name);
                            self.clear_fmt_to_marker();
                            self.mode = Mode::InRow;
                        }
                        Step::Done(None)
                    }
                    Tok::Start(t)
                        if matches!(
                            t.name,
                            local_name!("tbody")
                                | local_name!("td")
                                | local_name!("tfoot")
                                | local_name!("th")
                                | local_name!("thead")
                                | local_name!("tr")
                        ) =>
                    {
                        if self.in_scope(table_scope, &|o| {
                            matches!(o.name, local_name!("td") | local_name!("th"))
                        }) {
                            self.close_cell();
                            Step::Again
                        } else {
                            Step::Done(None)
                        }
                    }
                    Tok::End(t)
                        if matches!(
                            t.name,
                            local_name!("body")
                                | local_name!("caption")
                                | local_name!("col")
                                | local_name!("colgroup")
                                | local_name!("html")
                        ) =>
                    {
                        Step::Done(None)
                    }
                    Tok::End(t)
                        if matches!(
                            t.name,
                            local_name!("table")
                                | local_name!("tbody")
                                | local_name!("tfoot")
                                | local_name!("thead")
                                | local_name!("tr")
                        ) =>
                    {
                        if self.in_scope_named(table_scope, &t.name) {
                            self.close_cell();
                            Step::Again
                        } else {
                            Step::Done(None)
                        }
                    }
                    _ => self.in_body(tok),
                },
                Mode::AfterBody => match tok {
                    Tok::Start(t) if t.name == local_name!("html") => self.html_in_body(t),
                    Tok::End(t) if t.name == local_name!("html") => {
                        self.mode = Mode::AfterAfterBody;
                        Step::Done(None)
                    }
                    Tok::Eof => Step::Done(None),
                    _ => {
                        self.mode = Mode::InBody;
                        Step::Again
                    }
                },
                Mode::AfterAfterBody => match tok {
                    Tok::Start(t) if t.name == local_name!("html") => self.html_in_body(t),
                    Tok::Eof => Step::Done(None),
                    _ => {
                        self.mode = Mode::InBody;
                        Step::Again
                    }
                },
            };
            match step {
                Step::Done(r) => return r,
                Step::Again => {}
            }
        }
    }

    fn phantom_body(&mut self) -> Step {
        self.insert(local_name!("body"), &[]);
        self.mode = Mode::InBody;
        Step::Again
    }

    /// `<html>` after the root: its attributes would be added to the root.
    fn html_in_body(&mut self, t: &Tag) -> Step {
        if t.attrs.is_empty() {
            Step::Done(None)
        } else {
            self.bail = true;
            Step::Done(None)
        }
    }

    /// Start tags the "in head" mode inserts; `None` for anything else.
    fn head_start(&mut self, t: &Tag) -> Option<Option<Raw>> {
        Some(match t.name {
            local_name!("base")
            | local_name!("basefont")
            | local_name!("bgsound")
            | local_name!("link")
            | local_name!("meta") => {
                self.insert_and_pop(t.name.clone(), &t.attrs);
                None
            }
            local_name!("title") => self.raw(t, RawKind::Rcdata),
            local_name!("noframes") | local_name!("style") | local_name!("noscript") => {
                self.raw(t, RawKind::Rawtext)
            }
            local_name!("script") => self.raw(t, RawKind::ScriptData),
            local_name!("template") => self.give_up(),
            _ => return None,
        })
    }

    fn table_body_out(&mut self) -> Step {
        if self.in_scope(table_scope, &|o| {
            matches!(
                o.name,
                local_name!("table") | local_name!("tbody") | local_name!("tfoot")
            )
        }) {
            self.pop_until_current(table_body_context);
            self.pop();
            self.mode = Mode::InTable;
            Step::Again
        } else {
            Step::Done(None)
        }
    }

    fn row_out(&mut self) -> Step {
        if self.in_scope_named(table_scope, &local_name!("tr")) {
            self.pop_until_current(table_row_context);
            self.pop();
            self.mode = Mode::InTableBody;
            Step::Again
        } else {
            Step::Done(None)
        }
    }

    fn close_cell(&mut self) {
        self.generate_implied_end(None);
        self.pop_until(|n| matches!(*n, local_name!("td") | local_name!("th")));
        self.clear_fmt_to_marker();
        self.mode = Mode::InRow;
    }

    fn in_table(&mut self, tok: Tok<'_>) -> Step {
        match tok {
            Tok::Chars(t) => {
                let tableish = self.current().is_some_and(|n| {
                    matches!(
                        *n,
                        local_name!("table")
                            | local_name!("tbody")
                            | local_name!("tfoot")
                            | local_name!("thead")
                            | local_name!("tr")
                    )
                });
                // Only whitespace stays in the table; other text is foster-parented.
                if tableish && t.chars().all(is_ws) {
                    self.text(t);
                } else {
                    self.bail = true;
                }
                Step::Done(None)
            }
            Tok::Null => {
                if !self.current().is_some_and(|n| {
                    matches!(
                        *n,
                        local_name!("table")
                            | local_name!("tbody")
                            | local_name!("tfoot")
                            | local_name!("thead")
                            | local_name!("tr")
                    )
                }) {
                    self.bail = true;
                }
                Step::Done(None)
            }
            Tok::Start(t) => match t.name {
                local_name!("tbody") | local_name!("tfoot") | local_name!("thead") => {
                    self.pop_until_current(table_scope);
                    self.insert(t.name.clone(), &t.attrs);
                    self.mode = Mode::InTableBody;
                    Step::Done(None)
                }
                local_name!("td") | local_name!("th") | local_name!("tr") => {
                    self.pop_until_current(table_scope);
                    self.insert(local_name!("tbody"), &[]);
                    self.mode = Mode::InTableBody;
                    Step::Again
                }
                local_name!("table") => {
                    if self.in_scope_named(table_scope, &local_name!("table")) {
                        self.pop_until_named(&local_name!("table"));
                        self.mode = self.reset_mode();
                        Step::Again
                    } else {
                        Step::Done(None)
                    }
                }
                local_name!("style") => Step::Done(self.raw(t, RawKind::Rawtext)),
                local_name!("script") => Step::Done(self.raw(t, RawKind::ScriptData)),
                local_name!("input") if is_type_hidden(t) => {
                    self.insert_and_pop(local_name!("input"), &t.attrs);
                    Step::Done(None)
                }
                local_name!("form") => {
                    if self.form.is_none() {
                        let id = self.insert(local_name!("form"), &t.attrs);
                        self.pop();
                        self.form = Some(id);
                    }
                    Step::Done(None)
                }
                _ => {
                    self.bail = true;
                    Step::Done(None)
                }
            },
            Tok::End(t) => match t.name {
                local_name!("table") => {
                    if self.in_scope_named(table_scope, &local_name!("table")) {
                        self.pop_until_named(&local_name!("table"));
                        self.mode = self.reset_mode();
                    }
                    Step::Done(None)
                }
                local_name!("body")
                | local_name!("caption")
                | local_name!("col")
                | local_name!("colgroup")
                | local_name!("html")
                | local_name!("tbody")
                | local_name!("td")
                | local_name!("tfoot")
                | local_name!("th")
                | local_name!("thead")
                | local_name!("tr") => Step::Done(None),
                _ => {
                    self.bail = true;
                    Step::Done(None)
                }
            },
            Tok::Eof => self.in_body(Tok::Eof),
        }
    }

    fn in_body(&mut self, tok: Tok<'_>) -> Step {
        match tok {
            Tok::Null | Tok::Eof => Step::Done(None),
            Tok::Chars(t) => {
                self.reconstruct();
                self.text(t);
                Step::Done(None)
            }
            Tok::Start(t) => Step::Done(self.start_in_body(t)),
            Tok::End(t) => {
                self.end_in_body(t);
                Step::Done(None)
            }
        }
    }

    fn start_in_body(&mut self, t: &Tag) -> Option<Raw> {
        let name = &t.name;
        if gives_up(name) {
            return self.give_up();
        }
        if is_block_start(name) {
            self.close_p_in_button_scope();
            self.insert(name.clone(), &t.attrs);
            return None;
        }
        if is_heading(name) {
            self.close_p_in_button_scope();
            if self.current().is_some_and(is_heading) {
                self.pop();
            }
            self.insert(name.clone(), &t.attrs);
            return None;
        }
        match *name {
            local_name!("html") => {
                if !t.attrs.is_empty() {
                    self.bail = true;
                }
            }
            local_name!("body") => {
                // A second `<body>` adds its attributes to the first.
                if !t.attrs.is_empty() {
                    self.bail = true;
                }
            }
            local_name!("base")
            | local_name!("basefont")
            | local_name!("bgsound")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("noframes")
            | local_name!("script")
            | local_name!("style")
            | local_name!("title") => {
                return self.head_start(t).flatten();
            }
            local_name!("pre") | local_name!("listing") => {
                self.close_p_in_button_scope();
                self.insert(name.clone(), &t.attrs);
                self.ignore_lf = true;
            }
            local_name!("form") => {
                if self.form.is_none() {
                    self.close_p_in_button_scope();
                    let id = self.insert(local_name!("form"), &t.attrs);
                    self.form = Some(id);
                }
            }
            local_name!("li") | local_name!("dd") | local_name!("dt") => {
                let list = *name == local_name!("li");
                let mut to_close = None;
                for o in self.stack.iter().rev() {
                    let hit = if list {
                        o.name == local_name!("li")
                    } else {
                        matches!(o.name, local_name!("dd") | local_name!("dt"))
                    };
                    if hit {
                        to_close = Some(o.name.clone());
                        break;
                    }
                    if is_special(&o.name)
                        && !matches!(
                            o.name,
                            local_name!("address") | local_name!("div") | local_name!("p")
                        )
                    {
                        break;
                    }
                }
                if let Some(n) = to_close {
                    self.generate_implied_end(Some(&n));
                    self.pop_until_named(&n);
                }
                self.close_p_in_button_scope();
                self.insert(name.clone(), &t.attrs);
            }
            local_name!("button") => {
                if self.in_scope_named(default_scope, &local_name!("button")) {
                    self.generate_implied_end(None);
                    self.pop_until_named(&local_name!("button"));
                }
                self.reconstruct();
                self.insert(name.clone(), &t.attrs);
            }
            local_name!("a") => {
                let open_a = self
                    .fmt
                    .iter()
                    .rev()
                    .take_while(|f| !matches!(f, Fmt::Marker))
                    .any(|f| matches!(f, Fmt::Elem { name, .. } if *name == local_name!("a")));
                if open_a {
                    return self.give_up();
                }
                self.reconstruct();
                self.insert_formatting(t);
            }
            local_name!("nobr") => {
                self.reconstruct();
                if self.in_scope_named(default_scope, &local_name!("nobr")) {
                    return self.give_up();
                }
                self.insert_formatting(t);
            }
            local_name!("b")
            | local_name!("big")
            | local_name!("code")
            | local_name!("em")
            | local_name!("font")
            | local_name!("i")
            | local_name!("s")
            | local_name!("small")
            | local_name!("strike")
            | local_name!("strong")
            | local_name!("tt")
            | local_name!("u") => {
                self.reconstruct();
                self.insert_formatting(t);
            }
            local_name!("applet") | local_name!("marquee") | local_name!("object") => {
                self.reconstruct();
                self.insert(name.clone(), &t.attrs);
                self.push_marker();
            }
            local_name!("table") => {
                // Whether an open `p` closes depends on quirks mode: leave it to the tree builder.
                if self.in_scope_named(button_scope, &local_name!("p")) {
                    return self.give_up();
                }
                self.insert(local_name!("table"), &t.attrs);
                self.mode = Mode::InTable;
            }
            local_name!("area")
            | local_name!("br")
            | local_name!("embed")
            | local_name!("img")
            | local_name!("keygen")
            | local_name!("wbr") => {
                self.reconstruct();
                self.insert_and_pop(name.clone(), &t.attrs);
            }
            local_name!("image") => {
                self.reconstruct();
                self.insert_and_pop(local_name!("img"), &t.attrs);
            }
            local_name!("input") => {
                if self.in_scope_named(default_scope, &local_name!("select")) {
                    self.pop_until_named(&local_name!("select"));
                }
                self.reconstruct();
                self.insert_and_pop(local_name!("input"), &t.attrs);
            }
            local_name!("param") | local_name!("source") | local_name!("track") => {
                self.insert_and_pop(name.clone(), &t.attrs);
            }
            local_name!("hr") => {
                self.close_p_in_button_scope();
                if self.in_scope_named(default_scope, &local_name!("select")) {
                    self.generate_implied_end(None);
                }
                self.insert_and_pop(local_name!("hr"), &t.attrs);
            }
            local_name!("textarea") => {
                self.ignore_lf = true;
                return self.raw(t, RawKind::Rcdata);
            }
            local_name!("xmp") => {
                self.close_p_in_button_scope();
                self.reconstruct();
                return self.raw(t, RawKind::Rawtext);
            }
            local_name!("iframe") | local_name!("noembed") | local_name!("noscript") => {
                return self.raw(t, RawKind::Rawtext);
            }
            local_name!("select") => {
                if self.in_scope_named(default_scope, &local_name!("select")) {
                    self.pop_until_named(&local_name!("select"));
                } else {
                    self.reconstruct();
                    self.insert(local_name!("select"), &t.attrs);
                }
            }
            local_name!("option") => {
                if self.in_scope_named(default_scope, &local_name!("select")) {
                    self.generate_implied_end(Some(&local_name!("optgroup")));
                } else if self.current_is(local_name!("option")) {
                    self.pop();
                }
                self.reconstruct();
                self.insert(local_name!("option"), &t.attrs);
            }
            local_name!("optgroup") => {
                if self.in_scope_named(default_scope, &local_name!("select")) {
                    self.generate_implied_end(None);
                } else if self.current_is(local_name!("option")) {
                    self.pop();
                }
                self.reconstruct();
                self.insert(local_name!("optgroup"), &t.attrs);
            }
            local_name!("rb") | local_name!("rtc") => {
                if self.in_scope_named(default_scope, &local_name!("ruby")) {
                    self.generate_implied_end(None);
                }
                self.insert(name.clone(), &t.attrs);
            }
            local_name!("rp") | local_name!("rt") => {
                if self.in_scope_named(default_scope, &local_name!("ruby")) {
                    self.generate_implied_end(Some(&local_name!("rtc")));
                }
                self.insert(name.clone(), &t.attrs);
            }
            local_name!("frame")
            | local_name!("head")
            | local_name!("tbody")
            | local_name!("td")
            | local_name!("tfoot")
            | local_name!("th")
            | local_name!("thead")
            | local_name!("tr") => {}
            _ => {
                self.reconstruct();
                self.insert(name.clone(), &t.attrs);
            }
        }
        None
    }

    fn end_in_body(&mut self, t: &Tag) {
        let name = &t.name;
        if is_block_end(name) {
            if self.in_scope_named(default_scope, name) {
                self.generate_implied_end(None);
                self.pop_until_named(name);
            }
            return;
        }
        if is_heading(name) {
            if self.in_scope(default_scope, &|o| is_heading(&o.name)) {
                self.generate_implied_end(None);
                self.pop_until(is_heading);
            }
            return;
        }
        if is_formatting(name) {
            return self.adoption(name);
        }
        match *name {
            local_name!("template") => self.bail = true,
            local_name!("body") => {
                if self.in_scope_named(default_scope, &local_name!("body")) {
                    self.mode = Mode::AfterBody;
                }
            }
            local_name!("html") => {
                if self.in_scope_named(default_scope, &local_name!("body")) {
                    self.mode = Mode::AfterAfterBody;
                }
            }
            local_name!("form") => {
                let Some(id) = self.form.take() else { return };
                if !self.in_scope(default_scope, &|o| o.id == id) {
                    return;
                }
                self.generate_implied_end(None);
                if self.stack.last().is_some_and(|o| o.id == id) {
                    self.pop();
                } else {
                    // Removed from the middle of the stack: not an append any more.
                    self.bail = true;
                }
            }
            local_name!("p") => {
                if !self.in_scope_named(button_scope, &local_name!("p")) {
                    self.insert(local_name!("p"), &[]);
                }
                self.close_p();
            }
            local_name!("li") => {
                if self.in_scope_named(list_item_scope, name) {
                    self.generate_implied_end(Some(name));
                    self.pop_until_named(name);
                }
            }
            local_name!("dd") | local_name!("dt") => {
                if self.in_scope_named(default_scope, name) {
                    self.generate_implied_end(Some(name));
                    self.pop_until_named(name);
                }
            }
            local_name!("applet") | local_name!("marquee") | local_name!("object") => {
                if self.in_scope_named(default_scope, name) {
                    self.generate_implied_end(None);
                    self.pop_until_named(name);
                    self.clear_fmt_to_marker();
                }
            }
            local_name!("br") => {
                self.reconstruct();
                self.insert_and_pop(local_name!("br"), &[]);
            }
            _ => self.end_tag_in_body(name),
        }
    }

    fn finish(mut self) -> Option<Walked> {
        if self.bail {
            return None;
        }
        while !self.stack.is_empty() {
            self.pop();
        }
        Some(self.walker.finish())
    }
}

enum Step {
    Done(Option<Raw>),
    Again,
}

fn table_body_context(n: &LocalName) -> bool {
    matches!(
        *n,
        local_name!("tbody")
            | local_name!("tfoot")
            | local_name!("thead")
            | local_name!("template")
            | local_name!("html")
    )
}

fn table_row_context(n: &LocalName) -> bool {
    matches!(
        *n,
        local_name!("tr") | local_name!("template") | local_name!("html")
    )
}

fn is_type_hidden(t: &Tag) -> bool {
    t.attrs
        .iter()
        .find(|a| a.name.ns == ns!() && a.name.local == local_name!("type"))
        .is_some_and(|a| a.value.eq_ignore_ascii_case("hidden"))
}

/// Equal attribute lists, order aside (html5ever's `equiv_modulo_attr_order`).
fn same_attrs(a: &[Attribute], b: &[Attribute]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut a = a.to_vec();
    let mut b = b.to_vec();
    a.sort();
    b.sort();
    a == b
}

#[cfg(test)]
mod tests {
    use super::super::super::html::walk_dom;
    use super::*;

    fn same(doc: &str) -> bool {
        let dom = walk_dom(doc);
        match walk(doc) {
            Some(w) => {
                assert_eq!(format!("{w:?}"), format!("{dom:?}"), "{doc:?}");
                true
            }
            None => false,
        }
    }

    /// The fast tokenizer's walk equals html5ever's tokenizer's; false when it leaves the page
    /// to html5ever.
    fn lexed_same(doc: &str) -> bool {
        let mut st = State::default();
        match lex::lex(doc, &mut st) {
            Ok(()) => {
                let fast = st.finish();
                let slow = walk_html5ever(doc);
                assert_eq!(format!("{fast:?}"), format!("{slow:?}"), "{doc:?}");
                true
            }
            Err(lex::Unsupported) => false,
        }
    }

    #[test]
    fn fast_tokenizer_reads_common_markup() {
        for doc in [
            "",
            "\u{feff}<p>x",
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\">\r\n<HTML><Head><TITLE>A&amp;B&nbsp;公告</TITLE></head>\r<body>",
            "<P CLASS=\"Title\" id='a' data-x=1 checked>a&lt;b&#20013;&#x6587;&copy;&NotEqualTilde;</p>",
            "<a href=\"/x?a=1&b=2&amp;c=3&copy=4\">q</a><a href=x?a&b>r</a><a href='&#39;'>s</a>",
            "<p>a & b &; &x1 &qqq &=1 <3 </> < p</p><? pi ?><!x><! DOCTYPE><!-->a<!--->b<!---->c",
            "<!-- x -- y --!> z<!--<!-- n -->--><p a=1 a=2 b c = d/>x<br/><img src=x />",
            "<script>if (a<b && c>d) {}</script><script type=x><!-- var s='</scr'+'ipt>'; //--></script>",
            "<style>p>q{}</style ><textarea>\na&amp;</textarea><title>&nbsp;</title >",
            "<pre>\nx</pre><pre><!--c-->\ny</pre><pre></>\nz</pre><textarea>&#10;t</textarea>",
            "<table><tr><td>a</td>\n<td>b</td></tr></table><div class=a/b>x</div><p/x>y</p>",
            "<span title=\"&notin; &not=1 &notit=2\">&notin; &not;</span>",
            "<xmp><b>x</b></xmp><iframe src=x></iframe><noembed>n</noembed><noframes>f</noframes>",
            "<div 属性=值 名>中文</div><名字>x</名字>",
        ] {
            assert!(lexed_same(doc), "left to html5ever: {doc:?}");
        }
    }

    #[test]
    fn fast_tokenizer_leaves_errors_to_html5ever() {
        for doc in [
            "a\u{0}b",
            "&amp",
            "<p>&nbsp x",
            "<p>&#128;",
            "<p>&#0;",
            "<p>&#65",
            "<p>&bogus;",
            "<p title='&amp'>",
            "<p",
            "<p a='x",
            "<!-- never closed",
            "<!DOCTYPE html",
            "<script><!--<script></script>--></script>",
            "<script>never closed",
            "</p class=x>",
            "<",
        ] {
            assert!(!lexed_same(doc), "read: {doc:?}");
        }
    }

    /// Every stored page walks the same from both tokenizers, and most from the fast one.
    #[test]
    fn stored_pages_lex_the_same() {
        let (mut pages, mut fast) = (0, 0);
        for (_path, doc) in super::super::stored_pages() {
            pages += 1;
            if lexed_same(&doc) {
                fast += 1;
            }
            // Pieces of the page cut anywhere (inside tags, comments, references, scripts).
            let mut seed = doc.len() as u64;
            for _ in 0..8 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let a = (seed >> 33) as usize % (doc.len() + 1);
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let (mut a, mut b) = (a, a + (seed >> 33) as usize % (doc.len() - a + 1));
                while !doc.is_char_boundary(a) {
                    a -= 1;
                }
                while !doc.is_char_boundary(b) {
                    b -= 1;
                }
                if let Some(piece) = doc.get(a..b.max(a)) {
                    lexed_same(piece);
                }
            }
        }
        assert!(pages >= 40, "{pages} pages");
        assert!(
            fast * 4 >= pages * 3,
            "{fast} of {pages} pages read by the fast tokenizer"
        );
        eprintln!("{pages} pages, {fast} read by the fast tokenizer");
    }

    #[test]
    fn ordinary_pages_walk_from_the_tokenizer() {
        for doc in [
            "",
            "x",
            "  <!DOCTYPE html>\n<html><head>\n<meta charset=utf-8><title>某公告</title>\n<style>p{}</style></head>\n<body><p>a<p>b<div>c</div></body></html>\n",
            "<p>采购人：<b>某大学</b><br>金额：<font color=red>1元</font></p><ul><li>a<li>b</ul><dl><dt>x<dd>y</dl>",
            "<table><tr><td>a<td>b<p>c</td></tr>\n<tr><th class=code-summaryPrice>1</th></tr></table>tail",
            "<table><tbody><tr><td><table><tr><td>in</td></tr></table>out</td></tr></tbody></table>",
            "<h2 class=tc>标题<h3>副</h3>尾</h2><pre>\nline</pre><textarea>\nt</textarea>",
            "<p><b>1</p>2</b>3<p><i>x<u>y</i>z</u>",
            "<form><input type=text><select><option>a<option>b</select></form><hr><img src=x>",
            "<a href=x>1</a><span id=pubTime>2021-01-02</span></p></br><image src=y>",
            "<script>var a='<p>';</script><noscript><p>x</noscript><iframe><b></iframe>end",
            "</head><body>x</body></html>\n<!--c--> tail",
            "<ruby>漢<rt>kan</rt></ruby><object><b>o</object>",
        ] {
            assert!(same(doc), "gave up: {doc:?}");
        }
    }

    #[test]
    fn rearranging_markup_gives_up() {
        for doc in [
            "<table>前<tr><td>a</td></tr></table>",
            "<a href=x>1<div>2<a>3</a></div>",
            "<b>1<div>2</b>3</div>",
            "<body><p>x</p><body class=arti_title>y",
            "<svg><title>t</title></svg>",
            "<template><p>x</template>",
            "<head></head><link rel=x><body>",
        ] {
            assert!(!same(doc), "walked: {doc:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// Random tag soup: the tokenizer walk agrees with the DOM walk whenever it does not give up.
        #[test]
        fn tag_soup_walks_the_same(parts in proptest::collection::vec(proptest::sample::select(vec![
            "<p>", "</p>", "<div class=title3>", "</div>", "<table>", "</table>", "<tr>", "</tr>",
            "<td>", "</td>", "<th class=code-summaryPrice>", "</th>", "<tbody>", "</tbody>", "<thead>",
            "<b>", "</b>", "<font>", "</font>", "<strong>", "</strong>", "<u>", "</u>", "<span>", "</span>",
            "<a href=x>", "</a>", "<h1>", "</h1>", "<h2 class=tc>", "</h2>", "<h3>", "</h3>", "<li>", "</li>",
            "<ul>", "</ul>", "<ol>", "<dl>", "<dt>", "<dd>", "</dd>", "<span id=pubTime>",
            "<span style='display:none'>", "<br>", "</br>", "<hr>", "<img>", "<image>", "<input>",
            "<input type=hidden>", "<title>", "</title>", "<script>", "</script>", "<style>", "</style>",
            "<select>", "</select>", "<option>", "</option>", "<optgroup>", "<textarea>", "</textarea>",
            "<pre>", "</pre>", "\n", "<button>", "</button>", "<nobr>", "</nobr>", "<i>", "</i>",
            "<form>", "</form>", "<head>", "</head>", "<html>", "</html>", "<body>", "</body>",
            "<body class=x>", "<meta name=PubDate content=2020-01-02>", "<link>", "<noscript>",
            "</noscript>", "<iframe>", "</iframe>", "<object>", "</object>", "<ruby>", "<rt>", "<rp>",
            "<xmp>", "<center>", "</center>", "<td class=code-winningSupplierName>", "<!--c-->",
            "<!DOCTYPE html>", "<caption>", "<col>", "<template>", "<svg>", "<math>",
            "文本", " ", "\u{3000}", "采购人：某大学", "2020年1月2日", "&amp;", "\u{0}",
        ]), 0..40)) {
            let doc = parts.concat();
            same(&doc);
        }

        /// Random markup soup: the fast tokenizer's walk equals html5ever's whenever it reads
        /// the page.
        #[test]
        fn markup_soup_lexes_the_same(parts in proptest::collection::vec(proptest::sample::select(vec![
            "<p>", "</p>", "<P CLASS=x>", "</P >", "<table>", "</table>", "<tr>", "<td>", "</td>",
            "<b>", "</b>", "<pre>", "</pre>", "<textarea>", "</textarea>", "<title>", "</title>",
            "<script>", "</script>", "</SCRIPT>", "<style>", "</style>", "<xmp>", "</xmp>",
            "<a href=\"x?a=1&b=2\">", "<a href='&amp;&copy=1&#65;'>", "</a>", "<br/>", "<img src=x />",
            "<p a=1 a=2>", "<div class=a/b>", "<p/x>", "<!--", "-->", "--!>", "<!-->", "<!--->",
            "<!DOCTYPE html>", "<?x>", "</>", "</ x>", "<!x>", "<3", "<", ">", "&", "&amp;", "&amp",
            "&nbsp;", "&nbsp", "&#20013;", "&#x41;", "&#65", "&#128;", "&notit;", "&qq;", "&qq ",
            "\n", "\r\n", "\r", " ", "文本", "\u{feff}", "\"", "'", "=", "/", "a", "<!--<script>",
            "<span title=\"a", "\">",
        ]), 0..40)) {
            let doc = parts.concat();
            lexed_same(&doc);
        }

        /// The same with markup the fast tokenizer always reads (closed comments and
        /// attributes, references without errors), so that most cases compare.
        #[test]
        fn clean_markup_soup_lexes_the_same(parts in proptest::collection::vec(proptest::sample::select(vec![
            "<p>", "</p>", "<P CLASS=x>", "</P >", "<table>", "</table>", "<tr>", "<td>", "</td>",
            "<b>", "</b>", "<pre>", "</pre>", "<textarea>", "</textarea>", "<title>", "</title>",
            "<script>", "</script>", "</SCRIPT>", "<style>", "</style>", "<xmp>", "</xmp>",
            "<a href=\"x?a=1&b=2\">", "<a href='&amp;&copy=1&#65;'>", "</a>", "<br/>", "<img src=x />",
            "<p a=1 a=2>", "<div class=a/b>", "<p/x>", "<!-- c -->", "<!-->", "<!--->", "<!--x--!>",
            "<!DOCTYPE html>", "<?x>", "</>", "</ x>", "<!x>", "<3", ">", "& ", "&amp;", "&nbsp;",
            "&#20013;", "&#x41;", "&#10;", "&qq ", "\n", "\r\n", "\r", " ", "文本", "\"", "'", "=", "/", "a",
        ]), 0..40)) {
            let doc = parts.concat();
            lexed_same(&doc);
        }
    }
}
