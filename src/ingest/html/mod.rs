//! HTML pages -> Article: the main content, not all page text.
//!
//! parse (bounded nesting) -> walk (elements, text blocks, metadata tags)
//! -> score (which containers hold the article) -> keep their blocks
//! minus furniture, link lists and the repeated headline.

mod hints;
pub mod metadata;
mod parse;
mod score;
mod walk;

use crate::article::{Article, Block, BlockKind};
use metadata::Meta;
use walk::{Elem, RawBlock, Walked};

/// Extract the article from a decoded HTML page.
pub fn extract(html: &str) -> Article {
    let doc = parse::parse(html);
    let Walked {
        elems,
        blocks,
        meta: raw,
    } = walk::walk(&doc);
    let byline_text = raw.byline_elems.first().and_then(|&e| {
        let end = elems.get(e)?.end;
        let text: Vec<&str> = blocks
            .iter()
            .filter(|b| b.owner >= e && b.owner <= end)
            .map(|b| b.text.as_str())
            .collect();
        let text = text.join(" ");
        (!text.is_empty() && text.len() < 200).then_some(text)
    });
    let meta = metadata::resolve(&raw, byline_text);
    let scores = score::score(&elems, &blocks);
    let roots = score::choose(&elems, &scores, &blocks, meta.article_body.as_deref());
    let title = choose_title(&meta, &blocks);
    let body = body_blocks(&elems, &blocks, &scores, &roots, &title);
    let standfirst = standfirst(&meta, &title, &body);
    Article {
        title,
        standfirst,
        byline: meta.byline,
        publisher: meta.publisher,
        published: meta.published,
        url: meta.url,
        section: None,
        blocks: body,
    }
}

/// Letters and digits only, lowercased: for comparing titles and lines.
fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The page's h1 when it agrees with a declared title, else the declared
/// title (JSON-LD headline, og:title, <title>) without a site suffix.
fn choose_title(meta: &Meta, blocks: &[RawBlock]) -> String {
    let declared: Vec<&str> = [&meta.headline, &meta.og_title, &meta.doc_title]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    let h1s = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading && b.level == 1);
    for h in h1s.clone() {
        let n = norm(&h.text);
        if n.len() >= 8
            && declared.iter().any(|d| {
                let d = norm(d);
                d == n || d.starts_with(&n) || n.starts_with(&d)
            })
        {
            return h.text.clone();
        }
    }
    if let Some(t) = &meta.headline {
        return t.clone();
    }
    if let Some(t) = &meta.og_title {
        return strip_site_suffix(t, meta.publisher.as_deref(), false);
    }
    if let Some(t) = &meta.doc_title
        && !t.is_empty()
    {
        return strip_site_suffix(t, meta.publisher.as_deref(), true);
    }
    h1s.map(|h| h.text.clone()).next().unwrap_or_default()
}

/// "Headline | Site" -> "Headline". Without a known site name only a short
/// tail after a separator goes, and only from the <title> tag.
fn strip_site_suffix(title: &str, site: Option<&str>, lenient: bool) -> String {
    const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » "];
    let mut t = title.trim();
    for _ in 0..2 {
        let Some((head, tail)) = SEPARATORS
            .iter()
            .filter_map(|s| t.rfind(s).map(|i| (i, s.len())))
            .max_by_key(|&(i, _)| i)
            .and_then(|(i, len)| Some((t.get(..i)?, t.get(i + len..)?)))
        else {
            break;
        };
        let is_site = site.is_some_and(|s| norm(s) == norm(tail) || norm(tail).contains(&norm(s)));
        let short_tail =
            tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3;
        if is_site || (lenient && short_tail) {
            t = head.trim();
        } else {
            break;
        }
    }
    t.to_string()
}

/// Lines that are page furniture wherever they stand: ad labels (in
/// several languages), section labels, reading-time notes, share prompts.
fn is_boilerplate_line(text: &str) -> bool {
    if text.split_whitespace().nth(8).is_some() {
        return false;
    }
    let t = text.trim().to_lowercase();
    let bare = t.trim_matches(|c: char| !c.is_alphanumeric());
    const LINES: &[&str] = &[
        "advertisement",
        "advert",
        "ad",
        "ads",
        "sponsored",
        "sponsored links",
        "sponsored content",
        "anzeige",
        "werbung",
        "publicité",
        "publicidad",
        "pubblicità",
        "publicidade",
        "iklan",
        "реклама",
        "广告",
        "廣告",
        "広告",
        "광고",
        "comments",
        "comment",
        "tags",
        "topics",
        "share",
        "share this",
        "share this article",
        "share this story",
        "print",
        "email",
        "text size",
        "related",
        "related articles",
        "related stories",
        "related content",
        "more stories",
        "you may also like",
        "recommended",
        "explore further",
        "read more",
        "read next",
        "skip to content",
        "back to top",
    ];
    if LINES.contains(&bare) {
        return true;
    }
    const READING_TIME: &[&str] = &[
        "min read",
        "minute read",
        "minutes read",
        "reading time",
        "read time",
        "tempo de leitura",
        "temps de lecture",
        "tiempo de lectura",
        "lesezeit",
        "tempo di lettura",
    ];
    let has_digit = t.chars().any(|c| c.is_ascii_digit());
    if has_digit && READING_TIME.iter().any(|w| t.contains(w)) {
        return true;
    }
    const STARTS: &[&str] = &[
        "advertisement",
        "read more:",
        "read also:",
        "see also:",
        "related:",
        "share this",
        "share on",
        "click here to",
        "sign up for",
        "subscribe to",
        "follow us",
        "image copyright",
        "copyright ©",
        "©",
    ];
    STARTS.iter().any(|s| t.starts_with(s))
}

/// A photo credit standing alone ("Photo: A. Person/Agency", "... Getty
/// Images"): a caption, not body text.
fn is_credit_line(text: &str) -> bool {
    if text.split_whitespace().nth(20).is_some() {
        return false;
    }
    let t = text.trim().to_lowercase();
    const STARTS: &[&str] = &[
        "photo:",
        "photos:",
        "image:",
        "images:",
        "picture:",
        "credit:",
        "photograph:",
        "foto:",
        "fotos:",
        "(photo",
        "(image",
        "image copyright",
        "image caption",
        "photo credit",
    ];
    const AGENCIES: &[&str] = &[
        "getty images",
        "shutterstock",
        "/afp",
        "/reuters",
        "/ap photo",
        "istock",
    ];
    STARTS.iter().any(|s| t.starts_with(s)) || AGENCIES.iter().any(|a| t.contains(a))
}

/// The blocks inside the chosen containers, furniture left out.
fn body_blocks(
    elems: &[Elem],
    blocks: &[RawBlock],
    scores: &score::Scores,
    roots: &[usize],
    title: &str,
) -> Vec<Block> {
    let title_norm = norm(title);
    let mut out: Vec<Block> = Vec::new();
    for root in roots {
        let Some(root_el) = elems.get(*root) else {
            continue;
        };
        let (start, end) = (*root, root_el.end);
        for b in blocks.iter().filter(|b| b.owner >= start && b.owner <= end) {
            let junk_inside = elems
                .get(b.owner)
                .and_then(|o| o.nearest_junk)
                .is_some_and(|j| j > start && j <= end);
            // A small <article> nested in the body is a teaser for another story.
            let root_text = scores.text.get(start).copied().unwrap_or(0);
            let teaser = elems
                .get(b.owner)
                .and_then(|o| o.nearest_article)
                .is_some_and(|a| {
                    a > start
                        && a <= end
                        && scores.text.get(a).copied().unwrap_or(0) * 2 < root_text
                });
            // A list of links inside the body: related stories, tags.
            let link_list = elems
                .get(b.owner)
                .and_then(|o| o.nearest_list)
                .is_some_and(|l| l > start && l <= end && scores.link_density(l) > 0.5);
            if junk_inside || teaser || link_list {
                continue;
            }
            let len = b.text.chars().count().max(1);
            // Mostly links: a teaser or menu line. A long block stays unless
            // it is nearly all link (a summary item led by its headline link).
            let link_dense = b.link_chars * 2 > len && (len < 200 || b.link_chars * 5 > len * 4);
            if link_dense && b.kind != BlockKind::Caption {
                continue;
            }
            if b.kind == BlockKind::Heading && b.level == 1 {
                continue;
            }
            let maybe_title = b.text.len() <= title.len() * 2 + 16;
            if maybe_title && !title_norm.is_empty() && norm(&b.text) == title_norm {
                continue;
            }
            if is_boilerplate_line(&b.text) {
                continue;
            }
            let kind = if is_credit_line(&b.text) {
                BlockKind::Caption
            } else {
                b.kind
            };
            out.push(Block::new(kind, b.text.clone()));
        }
    }
    out
}

/// og:description or the like, when it is a real dek: not the title, not
/// a cut-off copy of the first paragraph.
fn standfirst(meta: &Meta, title: &str, body: &[Block]) -> Option<String> {
    let d = meta.description.as_deref()?.trim();
    let len = d.chars().count();
    if !(25..=500).contains(&len) || d.ends_with("...") || d.ends_with('…') {
        return None;
    }
    let n = norm(d);
    if n == norm(title) {
        return None;
    }
    let first = body
        .iter()
        .find(|b| b.kind == BlockKind::Paragraph)
        .map(|b| norm(&b.text))
        .unwrap_or_default();
    let prefix: String = n.chars().take(60).collect();
    if !first.is_empty() && first.starts_with(&prefix) {
        return None;
    }
    Some(d.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOREM: &str = "The council voted on Tuesday to approve the plan, which had been debated for months, and officials said work would begin in spring.";

    fn para(n: usize) -> String {
        (0..n)
            .map(|i| format!("<p>{LOREM} Item {i}.</p>"))
            .collect()
    }

    fn body_text(a: &Article) -> Vec<String> {
        a.blocks
            .iter()
            .filter(|b| b.kind.is_body())
            .map(|b| b.text.clone())
            .collect()
    }

    #[test]
    fn body_split_over_sibling_containers_stays_whole() {
        let page = format!(
            "<html><body><nav><a href=/>Home</a> <a href=/w>World</a></nav><main>\
             <div class=\"article-body\">{}</div>\
             <div class=\"ad-slot\"><p>Advertisement text that should not be kept in the body at all.</p></div>\
             <div class=\"article-body\">{}<p>Closing words of the story.</p></div>\
             </main><footer><p>Copyright words, contact us, about us, careers and more.</p></footer></body></html>",
            para(3),
            para(3)
        );
        let text = body_text(&extract(&page)).join("\n");
        assert_eq!(text.matches("Item").count(), 6, "{text}");
        assert!(text.contains("Closing words"));
        assert!(!text.contains("Advertisement"));
        assert!(!text.contains("Copyright"));
        assert!(!text.contains("Home"));
    }

    #[test]
    fn body_split_over_nested_sections_stays_whole() {
        let page = format!(
            "<html><body><article><h1>Head line here</h1>\
             <div class=\"part\"><div class=\"inner\">{}</div></div>\
             <div class=\"promo\"><a href=/x>Buy the thing now, it is great</a></div>\
             <div class=\"part\"><div class=\"inner\">{}</div></div>\
             </article><aside>{}</aside></body></html>",
            para(4),
            para(2),
            para(1).replace("council", "sidebar")
        );
        let text = body_text(&extract(&page)).join("\n");
        assert_eq!(text.matches("Item").count(), 6, "{text}");
        assert!(!text.contains("Buy the thing") && !text.contains("sidebar"));
    }

    #[test]
    fn captions_and_credits_are_caption_blocks() {
        let page = format!(
            "<html><body><article>{}<figure><img src=a.jpg><figcaption>The mayor at the site. \
             <span class=credit>Photo: A. Person</span></figcaption></figure>\
             <div class=\"image-caption\">A second caption under a photo.</div>\
             <p>Photo: Jane Roe/Getty Images</p>{}</article></body></html>",
            para(2),
            para(2)
        );
        let a = extract(&page);
        let captions: Vec<&Block> = a
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Caption)
            .collect();
        assert_eq!(captions.len(), 3, "{:?}", a.blocks);
        assert!(captions[0].text.contains("The mayor at the site."));
        let body = body_text(&a).join(" ");
        assert!(!body.contains("mayor") && !body.contains("Getty"), "{body}");
    }

    #[test]
    fn no_glued_words_and_clean_whitespace() {
        let page = format!(
            "<html><body><article>{}<p>One<br>Two</p><ul><li>Alpha</li><li>Beta</li></ul>\
             <table><tr><td>Cell</td><td>Other</td></tr></table>\
             <p><b>Bold</b> <i>italic</i> and<script>var x=1;</script> more, costs 1&nbsp;000 euros.</p>\
             <div>Loose<div>Nested</div>Tail</div></article></body></html>",
            para(3)
        );
        let text = body_text(&extract(&page));
        for expected in ["One", "Two", "Alpha", "Beta", "Loose", "Nested", "Tail"] {
            assert!(text.iter().any(|t| t == expected), "{expected}: {text:?}");
        }
        assert!(text.iter().any(|t| t == "Cell | Other"), "{text:?}");
        assert!(
            text.iter()
                .any(|t| t == "Bold italic and more, costs 1 000 euros."),
            "{text:?}"
        );
    }

    #[test]
    fn block_kinds() {
        let page = format!(
            "<html><body><article>{}<h2>A section</h2><blockquote>Quoted words here.</blockquote>\
             <pre>line 1\n  line 2</pre><ol><li>First point</li></ol></article></body></html>",
            para(3)
        );
        let a = extract(&page);
        let kind = |t: &str| a.blocks.iter().find(|b| b.text == t).map(|b| b.kind);
        assert_eq!(kind("A section"), Some(BlockKind::Heading));
        assert_eq!(kind("Quoted words here."), Some(BlockKind::Blockquote));
        assert_eq!(kind("line 1\n  line 2"), Some(BlockKind::Preformatted));
        assert_eq!(kind("First point"), Some(BlockKind::ListItem));
    }

    #[test]
    fn headline_is_not_repeated_in_the_body() {
        let page = format!(
            "<html><head><title>Council approves plan | The Daily</title>\
             <meta property=\"og:site_name\" content=\"The Daily\"></head>\
             <body><article><h1>Council approves plan</h1><h2>Council approves plan</h2>{}</article></body></html>",
            para(3)
        );
        let a = extract(&page);
        assert_eq!(a.title, "Council approves plan");
        assert!(!body_text(&a).iter().any(|t| t.contains("approves plan")));
        assert_eq!(a.publisher.as_deref(), Some("The Daily"));
    }

    #[test]
    fn metadata_from_json_ld() {
        let page = format!(
            "<html><head><script type=\"application/ld+json\">{{\"@context\":\"https://schema.org\",\
             \"@graph\":[{{\"@type\":\"NewsArticle\",\"headline\":\"Plan approved\",\
             \"author\":{{\"@type\":\"Person\",\"name\":\"Ann Lee\"}},\"datePublished\":\"2024-05-01T08:00:00Z\",\
             \"publisher\":{{\"name\":\"The Daily\"}},\"url\":\"https://example.org/plan\"}}]}}</script>\
             <meta property=\"og:title\" content=\"Other title\"></head><body><article>{}</article></body></html>",
            para(3)
        );
        let a = extract(&page);
        assert_eq!(a.title, "Plan approved");
        assert_eq!(a.byline.as_deref(), Some("Ann Lee"));
        assert_eq!(a.published.as_deref(), Some("2024-05-01T08:00:00Z"));
        assert_eq!(a.publisher.as_deref(), Some("The Daily"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/plan"));
    }

    #[test]
    fn metadata_from_og_meta_time_and_canonical() {
        let page = format!(
            "<html><head><meta property=\"og:title\" content=\"Plan approved after long debate\">\
             <meta property=\"og:description\" content=\"A dek that says more than the headline does.\">\
             <meta name=\"author\" content=\"By Bo Chan\"><link rel=\"canonical\" href=\"https://example.org/c\">\
             </head><body><article><time datetime=\"2023-02-03\">Feb 3</time>{}</article></body></html>",
            para(3)
        );
        let a = extract(&page);
        assert_eq!(a.title, "Plan approved after long debate");
        assert_eq!(
            a.standfirst.as_deref(),
            Some("A dek that says more than the headline does.")
        );
        assert_eq!(a.byline.as_deref(), Some("Bo Chan"));
        assert_eq!(a.published.as_deref(), Some("2023-02-03"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/c"));
    }

    #[test]
    fn lede_as_description_is_not_a_standfirst() {
        let page = format!(
            "<html><head><meta name=\"description\" content=\"{LOREM}\"></head>\
             <body><article>{}</article></body></html>",
            para(3)
        );
        assert_eq!(extract(&page).standfirst, None);
    }

    #[test]
    fn content_pushed_into_noscript_or_furniture_is_kept() {
        let page = format!(
            "<html><body><noscript><img src=pixel.gif><div class=\"story-body\">{}</div></body></html>",
            para(3)
        );
        assert_eq!(body_text(&extract(&page)).len(), 3);
        let page = format!(
            "<html><body><aside class=\"related\"><div class=\"story-body\">{}</div></body></html>",
            para(3)
        );
        assert_eq!(body_text(&extract(&page)).len(), 3);
    }

    #[test]
    fn comments_lose_to_the_story() {
        let page = format!(
            "<html><body><div class=\"content\">{}</div><div id=\"comments\">\
             <div class=\"comment\"><div class=\"content\">{}</div></div></div></body></html>",
            para(3),
            para(6).replace("council", "commenter")
        );
        let text = body_text(&extract(&page)).join(" ");
        assert!(!text.contains("commenter"), "{text}");
        assert_eq!(text.matches("Item").count(), 3);
    }

    #[test]
    fn json_ld_article_body_checks_the_choice() {
        let story = "Rescuers reached the village after the bridge collapsed, officials said, and families were moved to the school.";
        let story_html: String = (0..3)
            .map(|i| format!("<p>{story} Part {i}.</p>"))
            .collect();
        let ld_body: String = (0..3).map(|i| format!("{story} Part {i}. ")).collect();
        let page = format!(
            "<html><head><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"articleBody\":\"{ld_body}\"}}</script></head>\
             <body><div>{}</div><div>{story_html}</div></body></html>",
            para(8)
        );
        let text = body_text(&extract(&page)).join(" ");
        assert!(text.contains("Rescuers reached"), "{text}");
        assert!(!text.contains("council"), "{text}");
    }

    #[test]
    fn short_lines_only_fall_back_to_the_body() {
        let page = "<html><body><nav><a href=/>Home</a></nav><div>Closed today.</div><div>Back on Monday.</div></body></html>";
        assert_eq!(
            body_text(&extract(page)),
            vec!["Closed today.", "Back on Monday."]
        );
    }

    #[test]
    fn deep_nesting_finishes() {
        let page = format!(
            "<html><body>{}<p>{LOREM}</p></body></html>",
            "<div>".repeat(100_000)
        );
        let started = std::time::Instant::now();
        let a = extract(&page);
        assert!(started.elapsed().as_secs() < 10);
        assert!(body_text(&a).iter().any(|t| t == LOREM));
    }

    #[test]
    fn odd_markup_does_not_panic() {
        for page in [
            "",
            "<",
            "<html><head><meta charset=",
            "<p>unclosed <b>bold <i>both</p> tail",
            "<script>never closed",
            "<table><td>cell<tr>row</table><pre>",
            "<!-- comment only",
            "<article><article><article>x",
            "<script type=application/ld+json>[[[[{\"@type\":\"NewsArticle\",\"author\":[[[]]]}]]]]</script>",
        ] {
            let _ = extract(page);
        }
    }

    proptest::proptest! {
        #[test]
        fn any_tag_soup_extracts(page in "(<(p|div|a|li|ul|td|tr|table|article|script|noscript|br|h1)( class=\"(share|body|ad)\")?>|</(p|div|a|li|ul|article|script)>|[a-z ,.]{0,12}|&nbsp;|&amp;){0,60}") {
            let a = extract(&page);
            for b in &a.blocks {
                proptest::prop_assert!(!b.text.is_empty());
                proptest::prop_assert!(!b.text.contains("  "));
            }
        }
    }

    #[test]
    fn title_suffixes() {
        assert_eq!(
            strip_site_suffix("Big storm hits the coast - Daily News", None, true),
            "Big storm hits the coast"
        );
        assert_eq!(
            strip_site_suffix("Rock - paper - scissors", None, false),
            "Rock - paper - scissors"
        );
        assert_eq!(
            strip_site_suffix("Plan passes | Herald", Some("The Herald"), false),
            "Plan passes | Herald"
        );
        assert_eq!(
            strip_site_suffix("Plan passes | The Herald", Some("The Herald"), false),
            "Plan passes"
        );
    }
}
