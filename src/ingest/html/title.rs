//! The title and standfirst: the page's own h1 when it agrees with the
//! declared title, the declared title without its " | Site" suffix, and
//! a description only when it is a real dek.

use super::metadata::Meta;
use super::norm;
use super::walk::{Elem, RawBlock};
use crate::article::{Block, BlockKind};

/// The headline as the page shows it: an h1 that agrees with a declared
/// title (JSON-LD headline, og:title, <title>), else the first h1 that
/// reads like a headline (not the site's name, a menu word or a blurb),
/// else a declared title without its " | Site" suffix.
pub fn choose_title(meta: &Meta, elems: &[Elem], blocks: &[RawBlock]) -> String {
    let declared: Vec<&str> = [&meta.headline, &meta.og_title, &meta.doc_title]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    let sites = site_names(meta);
    let declared_title = |t: &str, lenient: bool| {
        let t = strip_site_suffix(t, meta.publisher.as_deref(), lenient);
        cut_pipe_tail(&sites.iter().fold(t, |t, s| strip_known_site(&t, s)))
    };
    // An h1 that is the site's name starting a declared title ("Blog
    // Name: Headline") names the site, not the story: the rest does.
    let named_site = |h: &&RawBlock| site_prefix(&h.text, &declared, &sites).is_some();
    let site_rest = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading && b.level == 1)
        .find_map(|h| site_prefix(&h.text, &declared, &sites));
    let all_h1s: Vec<&RawBlock> = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading && b.level == 1)
        .filter(|h| !named_site(h))
        .collect();
    let h1s: Vec<&RawBlock> = all_h1s
        .iter()
        .copied()
        .filter(|b| !in_menu(elems, b.owner))
        .collect();
    let agreeing = |h: &&&RawBlock| {
        let n = norm(&h.text);
        n.len() >= 8
            && declared.iter().any(|d| {
                let d = norm(d);
                d == n || d.starts_with(&n) || n.starts_with(&d)
            })
    };
    // One or two words that no declared title says are a label ("Our
    // Blog", a site or section name) when the page declares a title.
    let fewest = if declared.is_empty() { 2 } else { 3 };
    let headline_like = |h: &&&RawBlock| {
        let words = h.text.split_whitespace().count();
        let n = norm(&h.text);
        (fewest..=25).contains(&words) && !sites.contains(&n)
    };
    let agrees = h1s.iter().find(agreeing);
    if agrees.is_none()
        && let Some(t) = banner_headline(&all_h1s, &declared)
    {
        // As below: only a JSON-LD headline keeps a short " - tail".
        return declared_title(t, meta.headline.as_deref() != Some(t));
    }
    // The page's only h1, in a block the walk counts as furniture (a hero,
    // a title bar) but not in a menu, sidebar or footer, is its headline.
    let outside_nav: Vec<&&RawBlock> = all_h1s.iter().filter(|h| !in_nav(elems, h.owner)).collect();
    // A copy of it for small screens ("the same h1 twice") is still one.
    let lone = match outside_nav.as_slice() {
        [h, rest @ ..] if h1s.is_empty() && rest.iter().all(|r| r.text == h.text) => Some(*h),
        _ => None,
    };
    if agrees.is_none()
        && let Some(rest) = site_rest
    {
        return declared_title(rest, true);
    }
    if let Some(h) = agrees
        .or_else(|| h1s.iter().find(headline_like))
        .or_else(|| lone.filter(|h| headline_like(h) && sentence_like(&h.text)))
    {
        // "Dec 18 2025 Headline", "Blog: Headline": a short lead before a
        // declared title is a date or a label, not the headline's words.
        if agrees.is_none()
            && let Some(d) = declared
                .iter()
                .map(|d| declared_title(d, true))
                .find(|d| led_in(&h.text, d))
        {
            return d;
        }
        // A lower heading above that h1 saying the declared title in full
        // is the headline; the h1 is a section of the text.
        if agrees.is_none()
            && let Some(sub) = declared_above(blocks, elems, h, &declared, &declared_title)
        {
            return sub;
        }
        let text = strip_site_suffix(&h.text, meta.publisher.as_deref(), false);
        let text = sites.iter().fold(text, |t, s| strip_known_site(&t, s));
        return recased(&cut_pipe_tail(&text), &declared, meta.publisher.as_deref());
    }
    if let Some(t) = &meta.headline {
        // A JSON-LD headline cut short ("... (Including") yields to the
        // declared title it starts.
        let cut = |o: &String| {
            let (n, t) = (norm(o), norm(t));
            n.len() > t.len() && n.starts_with(&t)
        };
        if let Some(o) = [&meta.og_title, &meta.doc_title]
            .into_iter()
            .flatten()
            .find(|o| cut(o))
        {
            return declared_title(o, true);
        }
        return declared_title(t, false);
    }
    if let Some(t) = &meta.og_title {
        return declared_title(t, true);
    }
    if let Some(t) = &meta.doc_title
        && !t.is_empty()
    {
        return declared_title(t, true);
    }
    h1s.first().map(|h| h.text.clone()).unwrap_or_default()
}

/// The rest of a declared title that starts with `h1` and a separator,
/// when the h1 is the site's name: a known site name, a domain
/// ("example.com Headline"), or the rest is itself another declared title.
fn site_prefix<'d>(h1: &str, declared: &[&'d str], sites: &[String]) -> Option<&'d str> {
    let h1 = h1.trim();
    let n = norm(h1);
    if n.is_empty() {
        return None;
    }
    let domain = !h1.contains(char::is_whitespace)
        && h1.rsplit_once('.').is_some_and(|(a, b)| {
            !a.is_empty() && b.len() >= 2 && b.chars().all(char::is_alphabetic)
        });
    declared.iter().find_map(|d| {
        let rest = d.trim().get(h1.len()..)?;
        if !d.trim().get(..h1.len())?.eq_ignore_ascii_case(h1) {
            return None;
        }
        let after = rest.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ':' | '|' | '-' | '–' | '—' | '·' | '•')
        });
        let sep = &rest[..rest.len() - after.len()];
        let separated = sep.contains(|c: char| !c.is_whitespace()) || (domain && !sep.is_empty());
        if !separated || after.split_whitespace().count() < 2 {
            return None;
        }
        let rest_n = norm(after);
        let named = domain || sites.contains(&n) || declared.iter().any(|o| norm(o) == rest_n);
        named.then_some(after)
    })
}

/// The text of a heading below level 1, before `h1` and outside menus,
/// that says one of the declared titles (cleaned by `clean`).
fn declared_above(
    blocks: &[RawBlock],
    elems: &[Elem],
    h1: &RawBlock,
    declared: &[&str],
    clean: &dyn Fn(&str, bool) -> String,
) -> Option<String> {
    let at = blocks.iter().position(|b| std::ptr::eq(b, h1))?;
    let keys: Vec<String> = declared
        .iter()
        .map(|d| norm(&clean(d, true)))
        .filter(|k| k.len() >= 8)
        .collect();
    blocks
        .get(..at)?
        .iter()
        .find(|b| {
            b.kind == BlockKind::Heading
                && b.level > 1
                && !in_menu(elems, b.owner)
                && keys.contains(&norm(&b.text))
        })
        .map(|b| b.text.clone())
}

/// `h1` is a declared title led by one to four words that are a label
/// ("Blog:") or a date ("Dec 18 2025"), not the headline's own words.
fn led_in(h1: &str, declared: &str) -> bool {
    let (h, d) = (norm(h1), norm(declared));
    let words = declared.split_whitespace().count();
    if words < 3 || h.len() <= d.len() || !h.ends_with(&d) {
        return false;
    }
    let lead: Vec<&str> = h1.split_whitespace().collect();
    let Some(lead) = lead.get(..lead.len().saturating_sub(words)) else {
        return false;
    };
    let labelled = lead
        .last()
        .is_some_and(|w| w.ends_with([':', '|', '-', '–', '—', '·']));
    let dated = lead.len() >= 2 && lead.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()));
    (1..=4).contains(&lead.len()) && (labelled || dated)
}

/// An h1 in a banner or hero block (which the walk counts as furniture)
/// that says a declared title in full; the shortest such declared title
/// when the h1 runs on ("Title | Section | Site"). A shorter h1 there is
/// a section label, not the headline.
fn banner_headline<'d>(h1s: &[&RawBlock], declared: &[&'d str]) -> Option<&'d str> {
    h1s.iter().find_map(|h| {
        let n = norm(&h.text);
        declared
            .iter()
            .filter(|d| {
                let d = norm(d);
                d.len() >= 8 && n.starts_with(&d) && runs_on_with_a_tail(&h.text, d.chars().count())
            })
            .min_by_key(|d| d.len())
            .copied()
    })
}

/// What follows the first `letters` letters and digits of `h1` is nothing
/// or a " | Section" tail, not the headline's own ": subtitle".
fn runs_on_with_a_tail(h1: &str, letters: usize) -> bool {
    let mut seen = 0;
    let Some(at) = h1.char_indices().find_map(|(i, c)| {
        seen += usize::from(c.is_alphanumeric());
        (seen > letters).then_some(i)
    }) else {
        return true;
    };
    // The separator: what lies between the prefix's last letter and the
    // first letter after it.
    let sep: String = h1[..at]
        .chars()
        .rev()
        .take_while(|c| !c.is_alphanumeric())
        .collect();
    sep.contains(['|', '-', '–', '—', '·', '•', '»'])
}

/// A heading inside a menu, a sidebar or a footer is not the headline.
fn in_menu(elems: &[Elem], owner: usize) -> bool {
    let Some(j) = elems.get(owner).and_then(|e| e.nearest_junk) else {
        return false;
    };
    // The article's own <header> holds its headline.
    elems.get(j).is_some_and(|e| e.name != "header")
}

/// Four words or more, capitalised, not all in capitals: a headline
/// rather than a styled label ("SUPPORTING GAAP COMPLIANCE").
fn sentence_like(text: &str) -> bool {
    text.split_whitespace().count() >= 4
        && text.chars().next().is_some_and(char::is_uppercase)
        && text.chars().any(char::is_lowercase)
}

/// Inside a nav, an aside or a footer.
fn in_nav(elems: &[Elem], owner: usize) -> bool {
    let mut at = Some(owner);
    while let Some(e) = at.and_then(|i| elems.get(i)) {
        if matches!(e.name, "nav" | "aside" | "footer") {
            return true;
        }
        at = e.parent;
    }
    false
}

/// Normalized names of the site: og:site_name or the publisher, and the
/// short end piece of the <title> ("Headline | Site").
pub fn site_names(meta: &Meta) -> Vec<String> {
    let mut out: Vec<String> = meta
        .publisher
        .iter()
        .chain(&meta.site_name)
        .map(|p| norm(p))
        .collect();
    if let Some(t) = &meta.doc_title {
        let stripped = strip_site_suffix(t, None, true);
        if let Some(tail) = t.get(stripped.len()..) {
            let tail = tail.trim_start_matches(|c: char| !c.is_alphanumeric());
            let n = norm(tail);
            if !n.is_empty() {
                out.push(n);
            }
        }
    }
    out.retain(|s| s.len() >= 3);
    out
}

/// "Headline - Site" -> "Headline", for one known site name.
fn strip_known_site(title: &str, site: &str) -> String {
    const SEPARATORS: &[&str] = &[
        " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ",
    ];
    for sep in SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && norm(tail) == site
            && head.split_whitespace().count() >= 2
        {
            return head.trim().to_string();
        }
    }
    title.to_string()
}

/// "Best Movers in 2025 | Top 19 Companies", "History of tea | Origin,
/// Spread, Facts": a pipe never joins a headline's own words; a short or
/// listing tail after it is the page's keywords. A long phrase stays.
fn cut_pipe_tail(title: &str) -> String {
    let mut t = title.trim();
    while let Some((head, tail)) = t.rsplit_once(" | ") {
        let keywords = tail.split_whitespace().count() <= 4 || tail.contains(',');
        if !keywords || head.split_whitespace().count() < 2 {
            break;
        }
        t = head.trim();
    }
    t.to_string()
}

/// Words that start with a capital letter.
fn title_cased(t: &str) -> usize {
    t.split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count()
}

/// An h1 in capitals only (or in lower case only) is styled text: the
/// declared title with the same words gives its real case.
fn recased(h1: &str, declared: &[&str], site: Option<&str>) -> String {
    // "Beginner? Guide": characters the page lost to "?" or U+FFFD, which
    // a declared title still has ("Beginner's Guide").
    if h1.contains(['?', '\u{FFFD}']) {
        let squeeze = |t: &str| -> Vec<char> {
            t.chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(char::to_lowercase)
                .collect()
        };
        let lossy = squeeze(h1);
        if let Some(d) = declared
            .iter()
            .map(|d| strip_site_suffix(d, site, true))
            .find(|d| {
                let d = squeeze(d);
                !d.contains(&'\u{FFFD}') && d != lossy && lost_chars_match(&lossy, &d)
            })
        {
            return d;
        }
    }
    let has_upper = h1.chars().any(char::is_uppercase);
    let has_lower = h1.chars().any(char::is_lowercase);
    if has_upper && has_lower {
        // An h1 in sentence case whose words the declared title gives in
        // title case ("How to install solar panels" and "How to Install
        // Solar Panels"): the declared form is the headline's name.
        let sentence_case = title_cased(h1) * 2 < h1.split_whitespace().count();
        let same_words = |d: &String| {
            sentence_case
                && d.to_lowercase() == h1.to_lowercase()
                && title_cased(d) * 2 >= d.split_whitespace().count()
        };
        if let Some(d) = declared
            .iter()
            .map(|d| strip_site_suffix(d, site, true))
            .find(same_words)
        {
            return d;
        }
        return h1.to_string();
    }
    let key = norm(h1);
    declared
        .iter()
        .map(|d| strip_site_suffix(d, site, true))
        .find(|d| norm(d) == key)
        .unwrap_or_else(|| h1.to_string())
}

/// Whether `lossy` is `full` with some characters lost: each "?" or
/// U+FFFD in it stands for one to three characters of `full`.
fn lost_chars_match(lossy: &[char], full: &[char]) -> bool {
    match lossy.split_first() {
        None => full.is_empty(),
        Some((&c, rest)) if c == '?' || c == '\u{FFFD}' => {
            (1..=3).any(|n| full.get(n..).is_some_and(|f| lost_chars_match(rest, f)))
        }
        Some((&c, rest)) => full
            .split_first()
            .is_some_and(|(&f, more)| f == c && lost_chars_match(rest, more)),
    }
}

/// "Headline | Site" -> "Headline". Without a known site name only a short
/// tail after a separator goes, and only from the <title> tag.
pub fn strip_site_suffix(title: &str, site: Option<&str>, lenient: bool) -> String {
    const SEPARATORS: &[&str] = &[
        " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ",
    ];
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

/// og:description or the like, when it is a real dek: not the title, not
/// a cut-off copy of the first paragraph.
pub fn standfirst(meta: &Meta, title: &str, body: &[Block]) -> Option<String> {
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

    #[test]
    fn pipe_tails_are_keywords() {
        assert_eq!(
            cut_pipe_tail("Best Movers in NYC 2025 | Top 19 Companies"),
            "Best Movers in NYC 2025"
        );
        assert_eq!(
            cut_pipe_tail("History of tea | Origin, Spread, Trade, Facts, and a Timeline"),
            "History of tea"
        );
        let long = "Top Cameras of 2025 | The Best Mirrorless Cameras on the Market";
        assert_eq!(cut_pipe_tail(long), long);
        assert_eq!(cut_pipe_tail("Blog | Tips"), "Blog | Tips");
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

    #[test]
    fn an_h1_that_lost_characters_gives_way_to_the_declared_title() {
        let declared = ["Event Planning: Beginner's Guide"];
        assert_eq!(
            recased("Event Planning? Beginner? Guide", &declared, None),
            "Event Planning: Beginner's Guide"
        );
        // A real question mark stays: the declared title says something else.
        assert_eq!(
            recased(
                "Is It Over? We Asked",
                &["Is It Over? We Asked | Site"],
                Some("Site")
            ),
            "Is It Over? We Asked"
        );
        assert!(!lost_chars_match(&['a', '?'], &['a', 'b', 'c', 'd', 'e']));
    }

    #[test]
    fn a_sentence_case_h1_takes_the_declared_title_case() {
        let declared = ["How to Install Solar Panels in 2026 | Site"];
        assert_eq!(
            recased(
                "How to install solar panels in 2026",
                &declared,
                Some("Site")
            ),
            "How to Install Solar Panels in 2026"
        );
        // An h1 already in title case keeps its own small words.
        assert_eq!(
            recased(
                "Review and Approval Process",
                &["Review And Approval Process"],
                None
            ),
            "Review and Approval Process"
        );
    }
}
