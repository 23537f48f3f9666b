//! The title and standfirst: the page's own h1 when it agrees with the
//! declared title, the declared title without its " | Site" suffix, and
//! a description only when it is a real dek.

use super::metadata::Meta;
use super::norm;
use super::walk::RawBlock;
use crate::article::{Block, BlockKind};

/// The page's h1 when it agrees with a declared title, else the declared
/// title (JSON-LD headline, og:title, <title>) without a site suffix.
pub fn choose_title(meta: &Meta, blocks: &[RawBlock]) -> String {
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
pub fn strip_site_suffix(title: &str, site: Option<&str>, lenient: bool) -> String {
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
