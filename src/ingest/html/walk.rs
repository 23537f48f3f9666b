//! One iterative walk over the DOM: a flat list of elements (pre-order,
//! parent links, subtree ranges) and the text cut into blocks at block
//! boundaries, with the page's metadata tags collected on the way.
//! Never recursive, so no depth can overflow the stack.

use super::hints::{self, Hint};
use super::metadata::RawMeta;
use crate::article::BlockKind;
use ego_tree::iter::Edge;
use scraper::{Html, Node};

/// One element of the page, in document order.
#[derive(Debug)]
pub struct Elem<'a> {
    pub name: &'a str,
    pub parent: Option<usize>,
    /// Index of its last descendant: the subtree is `index..=end`.
    pub end: usize,
    pub hint: Hint,
    /// The innermost furniture element at or above this one.
    pub nearest_junk: Option<usize>,
    /// The innermost `<article>` at or above this one.
    pub nearest_article: Option<usize>,
    /// The innermost list (`ul`, `ol`, `dl`) at or above this one.
    pub nearest_list: Option<usize>,
    pub class: Option<&'a str>,
    /// Names the author by class, itemprop or rel (not a bio or a photo).
    pub author: bool,
}

/// A run of text between block boundaries.
#[derive(Debug, Clone)]
pub struct RawBlock {
    pub kind: BlockKind,
    pub text: String,
    /// The innermost element holding the text.
    pub owner: usize,
    /// Characters of the text that sit inside links.
    pub link_chars: usize,
    /// Heading level 1-6 for headings.
    pub level: u8,
    /// The text inside an author element within the block ("By
    /// <a href=/author/ann>Ann Lee</a>" -> "Ann Lee").
    pub author_text: Option<String>,
}

pub struct Walked<'a> {
    pub elems: Vec<Elem<'a>>,
    pub blocks: Vec<RawBlock>,
    pub meta: RawMeta,
}

/// Elements that start a new line of text when rendered.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "center"
            | "dd"
            | "details"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "caption"
            | "ul"
            | "noscript"
    ) || name.contains('-')
}

/// The block kind an element gives the text inside it, if any.
fn kind_of(name: &str, hint: Hint) -> Option<(BlockKind, u8)> {
    if hint.caption {
        return Some((BlockKind::Caption, 0));
    }
    Some(match name {
        "h1" => (BlockKind::Heading, 1),
        "h2" => (BlockKind::Heading, 2),
        "h3" => (BlockKind::Heading, 3),
        "h4" => (BlockKind::Heading, 4),
        "h5" => (BlockKind::Heading, 5),
        "h6" => (BlockKind::Heading, 6),
        "li" | "dd" | "dt" => (BlockKind::ListItem, 0),
        "blockquote" => (BlockKind::Blockquote, 0),
        "pre" => (BlockKind::Preformatted, 0),
        "figure" | "figcaption" | "caption" => (BlockKind::Caption, 0),
        _ => return None,
    })
}

/// class="post-author", itemprop="author", rel="author", a link to the
/// author's page ("/author/jane-doe"): the byline's name.
fn names_author(attrs: &hints::Attrs) -> bool {
    let author_page = attrs.href.is_some_and(|h| {
        let h = hints::lowercase(h);
        h.contains("/author/") || h.contains("/authors/")
    });
    let by_class = attrs.class.is_some_and(|c| {
        let c = hints::lowercase(c);
        (c.contains("author") || c.contains("byline"))
            && ![
                "bio",
                "avatar",
                "image",
                "img",
                "photo",
                "desc",
                "about",
                "authority",
            ]
            .iter()
            .any(|w| c.contains(w))
    });
    by_class
        || author_page
        || attrs
            .itemprop
            .is_some_and(|r| r.eq_ignore_ascii_case("author"))
        || attrs.rel.is_some_and(|r| r.contains("author"))
}

struct Walker<'a> {
    elems: Vec<Elem<'a>>,
    blocks: Vec<RawBlock>,
    meta: RawMeta,
    stack: Vec<usize>,
    /// Elements that set a block kind, innermost last: (elem, kind, level).
    kinds: Vec<(usize, BlockKind, u8)>,
    buf: String,
    buf_link: usize,
    /// Byte range of `buf` written inside author elements.
    buf_author: Option<(usize, usize)>,
    /// Author elements open around the walk's position.
    authors: usize,
    pending_space: bool,
    links: usize,
    pre: usize,
}

/// Walk the document once.
pub fn walk(doc: &Html) -> Walked<'_> {
    let mut w = Walker {
        elems: Vec::new(),
        blocks: Vec::new(),
        meta: RawMeta::default(),
        stack: Vec::new(),
        kinds: Vec::new(),
        buf: String::new(),
        buf_link: 0,
        buf_author: None,
        authors: 0,
        pending_space: false,
        links: 0,
        pre: 0,
    };
    let mut skipping: Option<ego_tree::NodeId> = None;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Text(t) => w.text(t),
                    Node::Element(el) => {
                        let name = el.name();
                        if hints::is_dropped_tag(name) {
                            w.collect_meta(name, el, node);
                            skipping = Some(node.id());
                            continue;
                        }
                        w.open(name, el);
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if let Some(id) = skipping {
                    if id == node.id() {
                        skipping = None;
                    }
                    continue;
                }
                if let Node::Element(el) = node.value() {
                    w.close(el.name());
                }
            }
        }
    }
    w.flush();
    Walked {
        elems: w.elems,
        blocks: w.blocks,
        meta: w.meta,
    }
}

impl<'a> Walker<'a> {
    fn open(&mut self, name: &'a str, el: &'a scraper::node::Element) {
        match name {
            "br" | "hr" => self.flush(),
            "td" | "th" => self.soft_break(),
            "a" => self.links += 1,
            "pre" => self.pre += 1,
            "time" => {
                if let Some(dt) = el.attr("datetime") {
                    self.meta.times.push(dt.to_string());
                }
            }
            _ => {}
        }
        if is_block(name) {
            self.flush();
        }
        let index = self.elems.len();
        let parent = self.stack.last().copied();
        let attrs = hints::Attrs::of(el);
        let hint = hints::hint(name, |k| attrs.get(k));
        self.meta.note_element(index, &attrs, hint);
        let parent_junk = parent.and_then(|p| self.elems.get(p)?.nearest_junk);
        let parent_article = parent.and_then(|p| self.elems.get(p)?.nearest_article);
        let parent_list = parent.and_then(|p| self.elems.get(p)?.nearest_list);
        self.elems.push(Elem {
            name,
            parent,
            end: index,
            hint,
            nearest_junk: if hint.junk { Some(index) } else { parent_junk },
            nearest_article: if name == "article" {
                Some(index)
            } else {
                parent_article
            },
            nearest_list: if matches!(name, "ul" | "ol" | "dl") {
                Some(index)
            } else {
                parent_list
            },
            class: attrs.class,
            author: names_author(&attrs),
        });
        if self.elems.last().is_some_and(|e| e.author) {
            self.authors += 1;
        }
        if let Some((kind, level)) = kind_of(name, hint) {
            self.kinds.push((index, kind, level));
        }
        self.stack.push(index);
    }

    fn close(&mut self, name: &str) {
        if is_block(name) {
            self.flush();
        }
        match name {
            "td" | "th" => self.soft_break(),
            "a" => self.links = self.links.saturating_sub(1),
            "pre" => self.pre = self.pre.saturating_sub(1),
            _ => {}
        }
        if let Some(index) = self.stack.pop() {
            let last = self.elems.len().saturating_sub(1);
            if let Some(e) = self.elems.get_mut(index) {
                e.end = last;
                if e.author {
                    self.authors = self.authors.saturating_sub(1);
                }
            }
            if self.kinds.last().is_some_and(|k| k.0 == index) {
                self.kinds.pop();
            }
        }
    }

    /// A separator inside a block (table cells on one row).
    fn soft_break(&mut self) {
        if !self.buf.is_empty() && !self.buf.ends_with(" | ") {
            self.buf.push_str(" | ");
        }
        self.pending_space = false;
    }

    fn text(&mut self, text: &str) {
        let before = self.buf.len();
        if self.pre > 0 {
            self.buf.push_str(&text.replace("\r\n", "\n"));
        } else {
            // Every whitespace run (no-break spaces too) becomes one space.
            for (i, piece) in text.split(char::is_whitespace).enumerate() {
                if i > 0 {
                    self.pending_space = true;
                }
                if piece.is_empty() {
                    continue;
                }
                if self.pending_space && !self.buf.is_empty() && !self.buf.ends_with(' ') {
                    self.buf.push(' ');
                }
                self.pending_space = false;
                self.buf.push_str(piece);
            }
        }
        if self.links > 0 {
            self.buf_link += self.buf[before..].chars().count();
        }
        if self.authors > 0 && self.buf.len() > before {
            let start = self.buf_author.map_or(before, |(s, _)| s);
            self.buf_author = Some((start, self.buf.len()));
        }
    }

    /// End the current block and store it if it has any text.
    fn flush(&mut self) {
        self.pending_space = false;
        let text = std::mem::take(&mut self.buf);
        let link_chars = std::mem::take(&mut self.buf_link);
        let author_text = self
            .buf_author
            .take()
            .and_then(|(s, e)| text.get(s..e))
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(crate::sanitize::sanitize_line);
        let text = text.trim_end_matches(" | ").trim();
        if text.is_empty() || text == "|" {
            return;
        }
        let Some(&owner) = self.stack.last() else {
            return;
        };
        let (kind, level) = self
            .kinds
            .last()
            .map_or((BlockKind::Paragraph, 0), |k| (k.1, k.2));
        let text = if kind == BlockKind::Preformatted {
            crate::sanitize::sanitize(text)
                .trim_matches('\n')
                .to_string()
        } else if text.chars().any(crate::sanitize::is_dropped) {
            crate::sanitize::sanitize_line(text)
        } else {
            // Already collapsed and free of anything sanitize removes.
            text.to_string()
        };
        if text.is_empty() {
            return;
        }
        self.blocks.push(RawBlock {
            kind,
            text,
            owner,
            link_chars,
            level,
            author_text,
        });
    }

    fn collect_meta(
        &mut self,
        name: &str,
        el: &scraper::node::Element,
        node: ego_tree::NodeRef<'_, Node>,
    ) {
        let text = || {
            node.children()
                .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
                .collect::<String>()
        };
        match name {
            "meta" => self.meta.meta(el),
            "link" => self.meta.link(el),
            "title" if self.meta.title.is_none() => self.meta.title = Some(text()),
            "script"
                if el
                    .attr("type")
                    .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) =>
            {
                self.meta.json_ld.push(text());
            }
            _ => {}
        }
    }
}
