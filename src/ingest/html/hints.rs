//! What an element's tag, class, id and role say about it: page furniture
//! (menus, share bars, related links, comments, ads), an article container,
//! a caption. Site-independent words only.

use aho_corasick::AhoCorasick;
use std::sync::LazyLock;

/// Words in class/id that mark furniture around the article.
const JUNK_WORDS: &[&str] = &[
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "recommend",
    "newsletter",
    "subscri",
    "signup",
    "sign-up",
    "promo",
    "sponsor",
    "advert",
    "banner",
    "sidebar",
    "side-bar",
    "footer",
    "masthead",
    "breadcrumb",
    "menu",
    "navbar",
    "navigation",
    "popup",
    "modal",
    "cookie",
    "consent",
    "gdpr",
    "outbrain",
    "taboola",
    "disqus",
    "toolbar",
    "byline",
    "dateline",
    "timestamp",
    "pagination",
    "pager",
    "skip-link",
    "visually-hidden",
    "visuallyhidden",
    "sr-only",
    "screen-reader",
    "screenreader",
    "login",
    "most-popular",
    "mostpopular",
    "most-read",
    "mostread",
    "trending",
    "readmore",
    "read-more",
    "more-stories",
    "morestories",
    "also-read",
    "tags",
    "tag-list",
    "taglist",
    "keywords",
    "author-info",
    "author-bio",
    "authorbio",
    "print-only",
    "disclaimer",
    "copyright",
    "follow",
    "rating",
    "jump-link",
    "partner",
    "teaser",
    "upsell",
    "offer",
    "donate",
    "feedback",
    "overlay",
    "alert",
];

/// Words that mark text worth scoring (Readability's positive list).
/// Words that lower a candidate's weight without marking furniture.
const WEAK_BAD_WORDS: &[&str] = &[
    "widget", "meta", "media", "scroll", "shopping", "contact", "hidden", "extra",
];

const GOOD_WORDS: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "text", "story", "blog", "prose",
];

/// Class/id words that name the article's own body container.
const BODY_WORDS: &[&str] = &[
    "articlebody",
    "article-body",
    "article_body",
    "article__body",
    "articlecontent",
    "article-content",
    "article_content",
    "article__content",
    "article-text",
    "articletext",
    "story-body",
    "storybody",
    "story-content",
    "storycontent",
    "story-text",
    "entry-content",
    "post-content",
    "postcontent",
    "post-body",
    "postbody",
    "post-entry",
    "body-text",
    "bodytext",
    "main-content",
    "page-content",
    "content-body",
    "rich-text",
    "richtext",
    "text-content",
];

const CAPTION_WORDS: &[&str] = &["caption", "credit", "photo-info", "image-info", "img-info"];

/// The word lists in one automaton, in this order (one scan per element).
const LISTS: [&[&str]; 5] = [
    JUNK_WORDS,
    WEAK_BAD_WORDS,
    GOOD_WORDS,
    BODY_WORDS,
    CAPTION_WORDS,
];

static WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(LISTS.iter().flat_map(|l| l.iter()))
        .unwrap_or_else(|e| panic!("word lists are literals: {e}"))
});

/// Which of the lists have a word in `names` (lowercase class and id).
fn lists_matched(names: &str) -> [bool; 5] {
    let mut hit = [false; 5];
    for m in WORDS.find_overlapping_iter(names) {
        let mut id = m.pattern().as_usize();
        for (slot, list) in hit.iter_mut().zip(LISTS) {
            if id < list.len() {
                *slot = true;
                break;
            }
            id -= list.len();
        }
    }
    hit
}

/// The attributes the hints read, gathered in one pass (looking each one
/// up by name interns the name every time, which is slow on big pages).
#[derive(Debug, Default, Clone, Copy)]
pub struct Attrs<'a> {
    pub class: Option<&'a str>,
    pub id: Option<&'a str>,
    pub style: Option<&'a str>,
    pub role: Option<&'a str>,
    pub itemprop: Option<&'a str>,
    pub hidden: Option<&'a str>,
    pub aria_hidden: Option<&'a str>,
    pub rel: Option<&'a str>,
    pub href: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    pub fn of(el: &'a scraper::node::Element) -> Self {
        let mut a = Attrs::default();
        for (name, value) in el.attrs() {
            let slot = match name {
                "class" => &mut a.class,
                "id" => &mut a.id,
                "style" => &mut a.style,
                "role" => &mut a.role,
                "itemprop" => &mut a.itemprop,
                "hidden" => &mut a.hidden,
                "aria-hidden" => &mut a.aria_hidden,
                "rel" => &mut a.rel,
                "href" => &mut a.href,
                _ => continue,
            };
            *slot = Some(value);
        }
        a
    }

    pub fn get(&self, name: &str) -> Option<&'a str> {
        match name {
            "class" => self.class,
            "id" => self.id,
            "style" => self.style,
            "role" => self.role,
            "itemprop" => self.itemprop,
            "hidden" => self.hidden,
            "aria-hidden" => self.aria_hidden,
            "rel" => self.rel,
            "href" => self.href,
            _ => None,
        }
    }
}

/// What the markup says about one element.
#[derive(Debug, Default, Clone, Copy)]
pub struct Hint {
    /// Furniture: left out unless the article turns out to live inside it.
    pub junk: bool,
    /// Named as the article body (itemprop=articleBody, .article-body, ...).
    pub body: bool,
    /// Its text is a caption or credit, kept apart from the body.
    pub caption: bool,
    /// Readability-style class weight: positive for content words.
    pub weight: f32,
}

/// Tags whose whole subtree is never article text.
pub fn is_dropped_tag(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "template"
            | "svg"
            | "math"
            | "canvas"
            | "iframe"
            | "object"
            | "embed"
            | "noembed"
            | "noframes"
            | "button"
            | "select"
            | "option"
            | "textarea"
            | "input"
            | "label"
            | "dialog"
            | "audio"
            | "video"
            | "map"
            | "link"
            | "meta"
            | "title"
    )
}

/// Tags that are furniture by themselves, but may wrap the article when a
/// page is built oddly (an ASP.NET form, an unclosed aside or noscript),
/// so only soft.
fn is_furniture_tag(name: &str) -> bool {
    matches!(
        name,
        "nav" | "aside" | "footer" | "header" | "form" | "menu" | "noscript"
    )
}

/// Classify an element from its tag and attributes.
pub fn hint<'a>(name: &str, attr: impl Fn(&str) -> Option<&'a str>) -> Hint {
    // The page's own roots carry site-wide classes ("has-sidebar"), not hints.
    if matches!(name, "html" | "body") {
        return Hint::default();
    }
    let h = element_hint(name, &attr);
    // Inline elements (a link styled "external", a "share" word in a span)
    // keep their text: only hidden ones are furniture.
    if h.junk && is_inline(name) && !is_hidden(&attr) {
        return Hint { junk: false, ..h };
    }
    h
}

/// Hidden from readers: hidden attribute, display:none, screen-reader text.
fn is_hidden<'a>(attr: &impl Fn(&str) -> Option<&'a str>) -> bool {
    // React's streamed segments (`<div hidden id="S:1">`) are hidden only
    // until a script moves them into the page: they are its content.
    let streamed = attr("id").is_some_and(|id| id.starts_with("S:"));
    // A collapsed panel (an accordion's answer, a tab) is named by its
    // heading button: readers open it, it is the page's text.
    let panel = attr("aria-labelledby").is_some()
        || attr("role").is_some_and(|r| {
            r.eq_ignore_ascii_case("region") || r.eq_ignore_ascii_case("tabpanel")
        });
    if panel {
        return false;
    }
    if (attr("hidden").is_some() && !streamed)
        || attr("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    let style_hidden = attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    });
    let class = lowercase(attr("class").unwrap_or_default());
    style_hidden
        || [
            "sr-only",
            "visually-hidden",
            "visuallyhidden",
            "screen-reader",
            "screenreader",
        ]
        .iter()
        .any(|w| class.contains(w))
}

/// Phrasing elements: text inside them flows with the sentence around.
pub fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "span"
            | "em"
            | "strong"
            | "b"
            | "i"
            | "u"
            | "small"
            | "sup"
            | "sub"
            | "time"
            | "abbr"
            | "cite"
            | "code"
            | "mark"
            | "q"
            | "s"
            | "font"
            | "dfn"
            | "kbd"
            | "samp"
            | "var"
            | "bdi"
            | "bdo"
            | "ins"
            | "del"
            | "data"
            | "big"
            | "tt"
            | "strike"
            | "nobr"
    )
}

fn element_hint<'a>(name: &str, attr: &impl Fn(&str) -> Option<&'a str>) -> Hint {
    let mut h = Hint {
        junk: is_furniture_tag(name),
        ..Hint::default()
    };
    if matches!(name, "figcaption" | "caption") {
        h.caption = true;
    }
    if matches!(name, "article" | "main") {
        h.body = name == "article";
        h.weight += 10.0;
    }
    if is_hidden(attr) {
        h.junk = true;
    }
    if let Some(role) = attr("role") {
        let role = lowercase(role);
        if matches!(
            role.as_ref(),
            "navigation"
                | "complementary"
                | "banner"
                | "contentinfo"
                | "menu"
                | "menubar"
                | "dialog"
                | "alertdialog"
                | "search"
                | "toolbar"
                | "tablist"
        ) {
            h.junk = true;
        }
        if role == "main" || role == "article" {
            h.weight += 10.0;
        }
    }
    if attr("itemprop").is_some_and(|v| lowercase(v).contains("articlebody")) {
        h.body = true;
        h.weight += 25.0;
    }
    // Class and id are read as one list of names; no word spans the two.
    let names = [attr("class"), attr("id")].map(|n| lowercase(n.unwrap_or_default()));
    if names.iter().all(|n| n.trim().is_empty()) {
        return h;
    }
    let [mut junk, mut weak_bad, mut good, mut body, mut caption] = [false; 5];
    let mut embed = false;
    for n in &names {
        let [j, w, g, b, c] = lists_matched(n);
        junk |= j || has_ad_token(n);
        weak_bad |= w;
        good |= g;
        body |= b;
        caption |= c;
        // Embedded posts (tweets, social embeds) quote sources the story cites.
        embed |= n.contains("embed") || n.contains("tweet");
    }
    if body {
        h.body = true;
        h.weight += 25.0;
    }
    if junk && !body && !embed {
        h.junk = true;
        h.weight -= 25.0;
    } else if good {
        h.weight += 25.0;
    }
    if weak_bad && !body {
        h.weight -= 25.0;
    }
    // A story's container is never a caption: a blog post's classes name
    // its categories ("category-deductions-and-credits").
    if caption && !matches!(name, "article" | "main" | "body") {
        h.caption = true;
    }
    h
}

/// ASCII-lowercased, copied only when it has capitals.
pub fn lowercase(s: &str) -> std::borrow::Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Owned(s.to_ascii_lowercase())
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// "ad", "ads", "ad-slot": ad words as whole tokens ("header" is not one).
fn has_ad_token(names: &str) -> bool {
    names.split(|c: char| !c.is_ascii_alphanumeric()).any(|t| {
        matches!(
            t,
            "ad" | "ads" | "adv" | "advert" | "adslot" | "adunit" | "adsense" | "dfp" | "gpt"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hint_of(name: &str, attrs: &[(&str, &str)]) -> Hint {
        hint(name, |k| {
            attrs.iter().find(|(a, _)| *a == k).map(|(_, v)| *v)
        })
    }

    #[test]
    fn furniture_and_bodies() {
        assert!(hint_of("div", &[("class", "share-bar")]).junk);
        assert!(hint_of("div", &[("class", "ad-slot top")]).junk);
        assert!(!hint_of("div", &[("class", "header-wrap")]).junk);
        assert!(hint_of("div", &[("itemprop", "articleBody")]).body);
        let b = hint_of("div", &[("class", "article-body related-links")]);
        assert!(b.body && !b.junk);
        assert!(hint_of("nav", &[]).junk);
        assert!(hint_of("span", &[("class", "image-credit")]).caption);
        assert!(hint_of("p", &[("style", "display: none")]).junk);
        assert!(!hint_of("div", &[("class", "social-media-embed")]).junk);
    }

    #[test]
    fn a_post_filed_under_credits_is_no_caption() {
        let post = [(
            "class",
            "post type-post hentry category-deductions-and-credits",
        )];
        assert!(!hint_of("article", &post).caption);
        assert!(hint_of("div", &[("class", "photo-credit")]).caption);
    }

    #[test]
    fn a_collapsed_panel_is_not_hidden() {
        let panel = [("role", "region"), ("style", "display:none")];
        assert!(!hint_of("div", &panel).junk);
        let answer = [("aria-labelledby", "q1"), ("hidden", "")];
        assert!(!hint_of("div", &answer).junk);
        assert!(hint_of("div", &[("hidden", "")]).junk);
    }
}
