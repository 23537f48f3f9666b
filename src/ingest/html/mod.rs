//! HTML pages -> Article: the main content, not all page text.
//!
//! parse (bounded nesting) -> walk (elements, text blocks, metadata tags)
//! -> score (which containers hold the article) -> keep their blocks
//! minus furniture, link lists and the repeated headline.

mod byline;
mod clean;
mod entities;
mod hints;
pub mod metadata;
mod parse;
mod score;
mod title;
mod walk;

use crate::article::{Article, BlockKind};
use crate::ingest::dates;
use walk::Walked;

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
    let roots = score::widen(&elems, &blocks, roots);
    // Some pages encode the headline twice ("&amp;#038;").
    let title = entities::decode(&title::choose_title(&meta, &elems, &blocks)).into_owned();
    let mut body = clean::body_blocks(&elems, &blocks, &scores, &roots, &title);
    if words(&body) < crate::ingest::MIN_STORY_WORDS {
        // Too little to be a story: the choice missed; keep the page's
        // text outside its furniture rather than refuse it.
        let page: Vec<usize> = elems
            .iter()
            .position(|e| e.name == "body")
            .into_iter()
            .collect();
        let whole = clean::body_blocks(&elems, &blocks, &scores, &page, &title);
        if words(&whole) > words(&body) {
            body = whole;
        }
        if words(&body) < crate::ingest::MIN_STORY_WORDS {
            let all = clean::page_text(&elems, &blocks, &scores, &title);
            if words(&all) > words(&body) {
                body = all;
            }
        }
    }
    let standfirst = title::standfirst(&meta, &title, &body);
    let anchor = headline_block(&blocks, &title);
    let published = shown_date(&meta, &blocks, anchor);
    let declared = meta.byline.as_deref().map(byline::clean);
    let (named, handle) = match declared {
        Some(d) if byline::name_like(&d) => (Some(d), None),
        d => (None, d.filter(|d| byline::declared_handle(d))),
    };
    let shown = anchor
        .and_then(|a| byline::shown(&elems, &blocks, a))
        .or_else(|| byline::labelled(&blocks));
    // A user name the page declares ("jdoe", "team") is its byline only
    // when the page shows no name.
    let byline = byline::choose(named, shown, &title::site_names(&meta)).or(handle);
    Article {
        title,
        standfirst,
        byline,
        publisher: meta.publisher,
        published,
        url: meta.url,
        section: meta.section,
        blocks: body,
    }
}

/// The block of the headline (else the first h1): metadata lines sit near it.
fn headline_block(blocks: &[walk::RawBlock], title: &str) -> Option<usize> {
    let key = norm(title);
    blocks
        .iter()
        .position(|b| b.kind == BlockKind::Heading && !key.is_empty() && norm_eq(&b.text, &key))
        .or_else(|| {
            blocks
                .iter()
                .position(|b| b.kind == BlockKind::Heading && b.level == 1)
        })
}

/// The publication date as the page shows it: a date line near the
/// headline (often "Updated ..."), preferring one the metadata also
/// declares; else the declared publication date.
fn shown_date(
    meta: &metadata::Meta,
    blocks: &[walk::RawBlock],
    anchor: Option<usize>,
) -> Option<String> {
    let declared: Vec<&str> = [&meta.published, &meta.modified]
        .into_iter()
        .flatten()
        .filter_map(|d| d.get(..10))
        .collect();
    let Some(anchor) = anchor else {
        return meta
            .published
            .clone()
            .or_else(|| meta.modified.clone())
            .or_else(|| page_date(blocks, None));
    };
    let window = blocks
        .iter()
        .skip(anchor.saturating_sub(DATE_BEFORE))
        .take(DATE_BEFORE + DATE_AFTER)
        .filter(|b| b.text.chars().count() <= 150);
    let shown: Vec<String> = window
        .filter_map(|b| dates::parse_visible(&b.text))
        .collect();
    // A date in the story's address ("/2015/07/14/") is when it was filed.
    if let Some(filed) = meta.url.as_deref().and_then(dates::in_url) {
        let candidates = shown
            .iter()
            .map(String::as_str)
            .chain(declared.iter().copied());
        return candidates
            .filter(|d| d.starts_with(&filed))
            .map(str::to_string)
            .next()
            .or_else(|| (filed.len() == 10).then_some(filed));
    }
    if let Some(d) = shown.iter().find(|d| declared.contains(&d.as_str())) {
        // A line naming a declared day (often "Updated ...") on a page
        // that also stamps its first publication in OpenGraph: the stamp
        // is the story's date (it beat the line on both halves of
        // wcxb-dev, 21 pages to 4).
        if let Some(stamp) = &meta.published_stamped {
            return Some(stamp.clone());
        }
        return [&meta.published, &meta.modified]
            .into_iter()
            .flatten()
            .find(|m| m.starts_with(d.as_str()))
            .cloned();
    }
    // The same day told another way: the local day of a declared UTC
    // time ("July 4" for 2025-07-05T00:04Z), or day and month read the
    // other way round ("09.10.2024" for 2024-09-10). The declared form
    // is the unambiguous one.
    if let Some(p) = meta.published.as_deref() {
        let same = |d: &String| {
            dates::day_of_instant(p, d)
                || dates::day_month_swapped(d).is_some_and(|s| p.starts_with(&s))
        };
        if shown.iter().any(same) {
            return meta.published.clone();
        }
    }
    shown
        .into_iter()
        .next()
        .or_else(|| meta.published.clone())
        .or_else(|| meta.modified.clone())
        .or_else(|| page_date(blocks, Some(anchor)))
}

/// With nothing near the headline and nothing declared: the first line
/// after the headline (else anywhere) that is only a date, not a link (a
/// teaser) nor in a list (lists of other stories carry their own dates).
fn page_date(blocks: &[walk::RawBlock], anchor: Option<usize>) -> Option<String> {
    let from = anchor.unwrap_or(0).min(blocks.len());
    let (before, after) = blocks.split_at(from);
    after.iter().chain(before).find_map(|b| {
        let len = b.text.chars().count();
        (b.link_chars * 2 < len && b.kind != BlockKind::ListItem)
            .then(|| dates::parse_date_line(&b.text))
            .flatten()
    })
}

/// Blocks looked at for a date line before and after the headline.
const DATE_BEFORE: usize = 6;
const DATE_AFTER: usize = 14;

fn words(blocks: &[crate::article::Block]) -> usize {
    crate::ingest::story_words(
        blocks
            .iter()
            .filter(|b| b.kind.is_body())
            .map(|b| b.text.as_str()),
    )
}

/// Letters and digits only, lowercased: for comparing titles and lines.
fn norm(s: &str) -> String {
    norm_chars(s).collect()
}

fn norm_chars(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// `norm(s) == key` without building `norm(s)`.
fn norm_eq(s: &str, key: &str) -> bool {
    norm_chars(s).eq(key.chars())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Block, BlockKind};

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
    fn sections_inside_a_wrapper_named_like_furniture_stay_whole() {
        // The whole page body sits in a "with-nav-sidebar" wrapper: the
        // name does not stop the sections beside the chosen one.
        let page = format!(
            "<html><body><div class=\"page-paragraphs with-nav-sidebar\"><div class=\"chapters\">\
             <section><h2>First part</h2><div>{}</div></section>\
             <section><h2>Second part</h2><div>{}</div></section>\
             <section><h2>Third part</h2><div>{}</div></section>\
             </div></div></body></html>",
            para(2),
            para(5),
            para(2)
        );
        let text = body_text(&extract(&page)).join("\n");
        assert_eq!(text.matches("Item").count(), 9, "{text}");
    }

    #[test]
    fn a_guide_of_sections_with_lists_stays_whole() {
        // The first section wins; the others add a little prose and many
        // short unlinked list items (more than their prose): still the story.
        let items: String = (0..10)
            .map(|i| format!("<li>Short point number {i} to remember</li>"))
            .collect();
        let later = format!(
            "<h2>Step</h2><div><div><div>{}</div></div></div><ul>{items}</ul>",
            para(2)
        );
        let page = format!(
            "<html><body><nav><a href=/>Home</a> <a href=/w>World</a></nav><main>\
             <section><div><div><div><div>{}</div></div></div></div></section>\
             <section>{later}</section><section>{later}</section>\
             </main><footer><a href=/a>About us</a> <a href=/c>Contact</a></footer></body></html>",
            para(6)
        );
        let text = body_text(&extract(&page)).join("\n");
        assert_eq!(text.matches("Item").count(), 10, "{text}");
        assert_eq!(text.matches("Short point").count(), 20, "{text}");
        assert!(
            !text.contains("Home") && !text.contains("About us"),
            "{text}"
        );
    }

    #[test]
    fn a_wrapper_named_like_furniture_holding_most_of_the_story_stays() {
        let page = |wrapper: &str| {
            format!(
                "<html><body><nav><a href=/>Home</a></nav><article><h1>Head line here</h1>\
                 <div class=\"entry-content\">{}<div class=\"{wrapper}\"><div>{}</div></div>\
                 <div class=\"share-bar\"><p>Share this story with your friends on the networks.</p></div>\
                 </div></article><footer><p>Copyright words, contact us, about us.</p></footer></body></html>",
                para(3),
                para(6)
            )
        };
        let text = body_text(&extract(&page("page-footer"))).join("\n");
        assert_eq!(text.matches("Item").count(), 9, "{text}");
        assert!(
            !text.contains("Share this") && !text.contains("Copyright"),
            "{text}"
        );
        // A small piece of furniture in the story still goes.
        let small = page("page-footer").replace(&para(6), &para(1));
        let text = body_text(&extract(&small)).join("\n");
        assert_eq!(text.matches("Item").count(), 3, "{text}");
    }

    #[test]
    fn a_listicle_of_cards_with_spec_tabs_stays_whole() {
        // Each item is an <article> card: its prose, then a tab of specs
        // (short cells, no prose). The specs do not stop the widening.
        let specs: String = (0..16)
            .map(|i| format!("<tr><td>Measured value {i}</td><td>{i}0.5 units</td></tr>"))
            .collect();
        let items: String = (0..4)
            .map(|i| {
                let n = if i == 0 { 10 } else { 3 };
                let paras: String = (0..n)
                    .map(|k| format!("<p>{LOREM} Pick {i}.{k}.</p>"))
                    .collect();
                format!(
                    "<article class=item><h2>Pick {i}</h2><div class=panels>\
                     <div class=panel><div class=text>{paras}</div></div>\
                     <div class=specs><table>{specs}</table></div></div></article>"
                )
            })
            .collect();
        let page = format!(
            "<html><body><nav><a href=/>Home</a></nav><main><h1>The best picks</h1>\
             <div class=guide>{items}</div></main><footer><a href=/a>About</a></footer></body></html>"
        );
        let text = body_text(&extract(&page)).join(" ");
        for i in 0..4 {
            assert!(text.contains(&format!("Pick {i}.2.")), "{text}");
        }
    }

    #[test]
    fn a_list_of_sources_stays_a_list_of_related_links_goes() {
        // Some sources are bare links, some carry a note: the list is
        // mostly links, but a reader's list, not another story's.
        let sources: String = (0..4)
            .map(|i| {
                format!(
                    "<li><a href=/s{i}>Annual housing report of the state statistics office, volume {i}</a></li>\
                     <li><a href=/t{i}>Survey {i}</a>, prices by county and year, with rents</li>"
                )
            })
            .collect();
        let related: String = (0..4)
            .map(|i| format!("<li><a href=/r{i}>Another story about housing number {i}</a></li>"))
            .collect();
        let page = format!(
            "<html><body><article><h1>Head line here</h1>{}<h2>Sources</h2><ul>{sources}</ul>\
             {}<ul>{related}</ul></article></body></html>",
            para(3),
            para(2)
        );
        let text = body_text(&extract(&page)).join("\n");
        assert_eq!(text.matches("prices by county").count(), 4, "{text}");
        assert!(!text.contains("Another story"), "{text}");
    }

    #[test]
    fn a_collapsed_accordion_panel_is_text() {
        let page = format!(
            "<html><body><article><h1>Head line here</h1>{}<h2>Questions</h2>\
             <button aria-controls=\"a1\">How long does it take?</button>\
             <div id=\"a1\" role=\"region\" aria-labelledby=\"q1\" style=\"display:none\">\
             <p>About three weeks from the first visit to the last inspection, in most towns.</p></div>\
             <div style=\"display:none\"><p>A hidden note that nobody reads on the page at all.</p></div>\
             </article></body></html>",
            para(4)
        );
        let text = body_text(&extract(&page)).join("\n");
        assert!(text.contains("About three weeks"), "{text}");
        assert!(!text.contains("hidden note"), "{text}");
    }

    #[test]
    fn streamed_segments_are_content_but_hidden_text_is_not() {
        let page = format!(
            "<html><body><main><h1>Head line here</h1><div id=\"seg\"></div>\
             <p hidden>Hidden words that no reader sees on this page at all, ever.</p></main>\
             <div id=\"streamed\"><div hidden id=\"S:1\"><div class=\"prose\">{}</div></div>\
             <div hidden id=\"S:2\"><div class=\"prose\">{}</div></div></div>\
             <script>$RC(\"B:1\",\"S:1\")</script></body></html>",
            para(4),
            para(3)
        );
        let text = body_text(&extract(&page)).join("\n");
        assert_eq!(text.matches("Item").count(), 7, "{text}");
        assert!(!text.contains("Hidden words"), "{text}");
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
    fn a_headline_in_a_banner_is_the_title_a_label_there_is_not() {
        let page = |h1: &str| {
            format!(
                "<html><head><title>Seven days of meals on a budget | The Daily</title>\
                 <meta property=\"og:title\" content=\"Seven days of meals on a budget\">\
                 <script type=\"application/ld+json\">{{\"@type\":\"Article\",\"headline\":\"Sample menus\"}}</script></head>\
                 <body><div class=\"hero-banner\"><h1>{h1}</h1></div><article>{}</article></body></html>",
                para(3)
            )
        };
        let a = extract(&page(
            "Seven days of meals on a budget | Recipes | The Daily",
        ));
        assert_eq!(a.title, "Seven days of meals on a budget");
        // A subtitle after a colon is the headline's own.
        let c = extract(&page("Seven days of meals on a budget: menus for four"));
        assert_eq!(c.title, "Seven days of meals on a budget: menus for four");
        let b = extract(&page("Seven days"));
        assert_eq!(
            b.title, "Sample menus",
            "the declared headline, not the label"
        );
    }

    #[test]
    fn the_lone_h1_in_a_hero_beats_a_reworded_declared_title() {
        let page = |h1: &str| {
            format!(
                "<html><head><meta property=\"og:title\" content=\"Office chairs for back pain relief\"></head>\
                 <body><nav><a href=/>Home</a></nav><div class=\"hero-banner\"><h1>{h1}</h1></div>\
                 <article>{}</article><footer><h1>Our newsletter signup here</h1></footer></body></html>",
                para(3)
            )
        };
        assert_eq!(
            extract(&page("Best office chairs to prevent back pain")).title,
            "Best office chairs to prevent back pain"
        );
        assert_eq!(
            extract(&page("OFFICE CHAIR GUIDES")).title,
            "Office chairs for back pain relief"
        );
        // The same h1 twice (a copy for small screens) is still the one.
        let twice = "Best office chairs to prevent back pain</h1><h1>Best office chairs to prevent back pain";
        assert_eq!(
            extract(&page(twice)).title,
            "Best office chairs to prevent back pain"
        );
    }

    #[test]
    fn a_site_name_or_a_label_before_the_headline_is_not_the_title() {
        let page = |head: &str, h1: &str| {
            format!(
                "<html><head>{head}</head><body><h1>{h1}</h1><article>{}</article></body></html>",
                para(3)
            )
        };
        let blog = page(
            "<title>Ann's Notes: Small adventures with small models</title>\
             <meta property=\"og:title\" content=\"Small adventures with small models\">",
            "Ann's Notes",
        );
        assert_eq!(extract(&blog).title, "Small adventures with small models");
        let domain = page(
            "<title>example.com Vibe Coding Notes</title>",
            "example.com",
        );
        assert_eq!(extract(&domain).title, "Vibe Coding Notes");
        let og = "<meta property=\"og:title\" content=\"Preparing a transition in Debusine\">";
        assert_eq!(
            extract(&page(og, "Dec 18 2025 Preparing a transition in Debusine")).title,
            "Preparing a transition in Debusine"
        );
        assert_eq!(
            extract(&page(og, "Blog: Preparing a transition in Debusine")).title,
            "Preparing a transition in Debusine"
        );
        // A word of the headline's own stays.
        assert_eq!(
            extract(&page(og, "Now Preparing a transition in Debusine")).title,
            "Now Preparing a transition in Debusine"
        );
    }

    #[test]
    fn an_h2_saying_the_declared_title_beats_a_section_h1_below_it() {
        let page = format!(
            "<html><head><title>What do people love about Rust? | Rust Blog</title></head>\
             <body><header><h2>What do people love about Rust?</h2><p>Dec. 19, 2025</p></header>\
             <article>{}<h1>But what they love is the sense of empowerment</h1>{}</article></body></html>",
            para(2),
            para(2)
        );
        let a = extract(&page);
        assert_eq!(a.title, "What do people love about Rust?");
        assert_eq!(a.published.as_deref(), Some("2025-12-19"));
    }

    #[test]
    fn a_json_ld_headline_cut_short_yields_to_the_whole_title() {
        let page = format!(
            "<html><head><script type=\"application/ld+json\">{{\"@type\":\"Article\",\
             \"headline\":\"Fix It Friday: We Help Four Readers (Including\"}}</script>\
             <meta property=\"og:title\" content=\"Fix It Friday: We Help Four Readers (Including One Trick) - Site\">\
             </head><body><article>{}</article></body></html>",
            para(3)
        );
        assert_eq!(
            extract(&page).title,
            "Fix It Friday: We Help Four Readers (Including One Trick)"
        );
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
    fn a_date_line_far_from_the_headline_dates_an_undated_page() {
        let related = "<ul><li>Older post</li><li>Jan 5, 2020</li><li>Feb 5, 2020</li></ul>";
        let page = format!(
            "<html><body><h1>Plan approved after long debate</h1>\
             <div class=\"article-body\">{}<p>Posted on April 13, 2023</p></div>{related}</body></html>",
            para(20)
        );
        assert_eq!(extract(&page).published.as_deref(), Some("2023-04-13"));
        // A date in a sentence of the story does not date it.
        let page = format!(
            "<html><body><h1>Plan approved after long debate</h1>\
             <div class=\"article-body\">{}<p>The vote on March 3, 2024 was close, and the count took hours.</p></div></body></html>",
            para(20)
        );
        assert_eq!(extract(&page).published, None);
    }

    #[test]
    fn metadata_from_og_meta_time_and_canonical() {
        let page = format!(
            "<html><head><meta property=\"og:title\" content=\"Plan approved after long debate\">\
             <meta property=\"og:description\" content=\"A dek that says more than the headline does.\">\
             <meta name=\"author\" content=\"By Bo Chan\"><link rel=\"canonical\" href=\"https://example.org/c\">\
             <meta property=\"article:section\" content=\"Local\">\
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
        assert_eq!(a.section.as_deref(), Some("Local"));
    }

    #[test]
    fn a_date_line_far_from_the_headline_or_a_modified_date_stands_in() {
        let page = format!(
            "<html><body><article><h1>Plan approved after debate</h1>{}\
             <p><a href=/old>Older story from 2019-01-02</a></p><div>March 13, 2024</div>{}</article></body></html>",
            para(20),
            para(2)
        );
        assert_eq!(extract(&page).published.as_deref(), Some("2024-03-13"));
        let page = format!(
            "<html><head><meta property=\"article:modified_time\" content=\"2023-06-12T10:39:42+00:00\"></head>\
             <body><article><h1>Plan approved after debate</h1>{}<div>March 13, 2024</div></article></body></html>",
            para(20)
        );
        assert_eq!(
            extract(&page).published.as_deref(),
            Some("2023-06-12T10:39:42+00:00")
        );
    }

    #[test]
    fn a_date_line_that_retells_the_declared_day_gives_way_to_it() {
        let page = |meta: &str, line: &str| {
            format!(
                "<html><head><meta property=\"article:published_time\" content=\"{meta}\"></head>\
                 <body><article><h1>Plan approved after debate</h1><div>{line}</div>{}</article></body></html>",
                para(20)
            )
        };
        for (meta, line) in [
            ("2025-07-05T00:04:00+00:00", "July 4, 2025"),
            ("2024-09-10T16:07:00.000Z", "09.10.2024"),
        ] {
            assert_eq!(
                extract(&page(meta, line)).published.as_deref(),
                Some(meta),
                "{line}"
            );
        }
        // A day no time zone reaches is another date: the line stands.
        assert_eq!(
            extract(&page("2025-12-19T22:02:58Z", "Dec 17, 2025"))
                .published
                .as_deref(),
            Some("2025-12-17")
        );
    }

    #[test]
    fn an_update_line_yields_to_the_stamped_publication_time() {
        let page = |stamp: &str| {
            format!(
                "<html><head>{stamp}<script type=\"application/ld+json\">{{\"@type\":\"Article\",\
                 \"datePublished\":\"2024-01-02\",\"dateModified\":\"2025-03-04\"}}</script></head>\
                 <body><article><h1>Plan approved after debate</h1><div>Updated March 4, 2025</div>{}</article></body></html>",
                para(20)
            )
        };
        let stamped =
            "<meta property=\"article:published_time\" content=\"2024-01-03T09:00:00+00:00\">";
        assert_eq!(
            extract(&page(stamped)).published.as_deref(),
            Some("2024-01-03T09:00:00+00:00")
        );
        // Without the stamp the line names the declared update: it stands.
        assert_eq!(extract(&page("")).published.as_deref(), Some("2025-03-04"));
    }

    #[test]
    fn a_nested_article_of_prose_is_a_section_a_short_one_a_teaser() {
        let section = "The second part of the plan covers the harbour, where the council wants new berths, a wider quay and a path along the water for walkers and cyclists alike.";
        let page = format!(
            "<html><body><main><article><h1>Plan approved after debate</h1>{}\
             <article class=part><h2>The harbour</h2><p>{section}</p><p>{section} Again.</p><p>{section} Once more.</p></article>\
             <article class=teaser><h3><a href=/other>Budget row goes on</a></h3><p>Councillors argued again.</p></article>\
             </article></main></body></html>",
            para(12)
        );
        let text = body_text(&extract(&page)).join(" ");
        assert!(text.contains("The second part of the plan"), "{text}");
        assert!(!text.contains("Councillors argued again"), "{text}");
    }

    #[test]
    fn a_body_split_over_section_articles_stays_whole() {
        // The first section scores highest; the others are <article>s too,
        // but without the headline they are parts of the story.
        let sections: String = (0..4)
            .map(|i| {
                let n = if i == 0 { 8 } else { 3 };
                let paras: String = (0..n)
                    .map(|k| format!("<p>{LOREM} Part {i}.{k}.</p>"))
                    .collect();
                format!(
                    "<article class=step><h2>Step {i}</h2><div class=text>{paras}</div></article>"
                )
            })
            .collect();
        let page = format!(
            "<html><body><nav><a href=/a>Home</a></nav><main><h1>Plan approved after debate</h1>\
             <div class=steps>{sections}</div></main></body></html>"
        );
        let text = body_text(&extract(&page)).join(" ");
        for i in 0..4 {
            assert!(text.contains(&format!("Part {i}.2.")), "{text}");
        }
        // The <article> holding the headline is the story: the posts
        // beside it are others, however long.
        let other = "Another post entirely, about the weather this week and how the farmers of the valley are coping with the rain.";
        let others: String = (0..3)
            .map(|i| format!("<article class=post><div class=text><p>{other} {i}a.</p><p>{other} {i}b.</p><p>{other} {i}c.</p><p>{other} {i}d.</p><p>{other} {i}e.</p></div></article>"))
            .collect();
        let page = format!(
            "<html><body><div class=posts><article class=post><h1>Plan approved after debate</h1><div class=text>{}</div></article>{others}</div></body></html>",
            para(8)
        );
        let text = body_text(&extract(&page)).join(" ");
        assert!(text.contains("Item 7."), "{text}");
        assert!(!text.contains("Another post entirely"), "{text}");
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
        let page = format!(
            "<html><body><article>{}<noscript><p>Please enable JavaScript to see the comments.</p></noscript></article></body></html>",
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
}
