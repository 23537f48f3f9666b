//! Page metadata: JSON-LD (NewsArticle and kin, in @graph or arrays),
//! OpenGraph and other meta tags, `<time datetime>`, `<link rel=canonical>`,
//! byline elements. Collected during the walk, resolved here.

use super::entities;
use super::hints::{Attrs, Hint};
use crate::sanitize;

/// One clean line: references decoded, controls and runs of space gone.
fn sanitize_line(s: &str) -> String {
    sanitize::sanitize_line(&entities::decode(s))
}
use serde_json::Value;
use std::collections::HashMap;

/// What the walk saw, before choosing.
#[derive(Debug, Default)]
pub struct RawMeta {
    pub title: Option<String>,
    pub json_ld: Vec<String>,
    /// (name or property, lowercased; content) of every `<meta>`.
    pub metas: Vec<(String, String)>,
    pub canonical: Option<String>,
    pub times: Vec<String>,
    /// Elements that name the author (class byline, rel/itemprop author).
    pub byline_elems: Vec<usize>,
}

impl RawMeta {
    pub fn meta(&mut self, el: &scraper::node::Element) {
        let key = el
            .attr("property")
            .or_else(|| el.attr("name"))
            .or_else(|| el.attr("itemprop"));
        if let (Some(key), Some(content)) = (key, el.attr("content")) {
            // Some pages carry their JSON-LD in a meta ("script:ld+json").
            if key.to_ascii_lowercase().ends_with("ld+json") {
                self.json_ld.push(content.to_string());
            }
            self.metas
                .push((key.trim().to_ascii_lowercase(), content.to_string()));
        }
    }

    pub fn link(&mut self, el: &scraper::node::Element) {
        let canonical = el
            .attr("rel")
            .is_some_and(|r| r.eq_ignore_ascii_case("canonical"));
        if canonical && self.canonical.is_none() {
            self.canonical = el.attr("href").map(|h| h.trim().to_string());
        }
    }

    /// Called for every element the walk keeps, with its index.
    pub fn note_element(&mut self, index: usize, attrs: &Attrs, hint: Hint) {
        let by_attr = attrs.rel.is_some_and(|r| r.contains("author"))
            || attrs.itemprop.is_some_and(|r| r == "author");
        let by_class = hint.junk
            && attrs
                .class
                .is_some_and(|c| c.to_ascii_lowercase().contains("byline"));
        if by_attr || by_class {
            self.byline_elems.push(index);
        }
    }

    /// The value a "twitter:labelN" names ("Written by" -> twitter:dataN).
    fn labelled_meta(&self, label: &str) -> Option<String> {
        let (key, _) = self.metas.iter().find(|(k, v)| {
            k.starts_with("twitter:label") && v.trim().eq_ignore_ascii_case(label)
        })?;
        let data = key.replace("twitter:label", "twitter:data");
        self.first_meta(&[data.as_str()])
    }

    /// The date of the first of `keys` whose meta holds one: ISO, else a
    /// date as people write it ("July 17, 2025").
    fn meta_date(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .filter(|(name, _)| name == k)
                .find_map(|(_, c)| {
                    let c = sanitize_line(c);
                    iso_date(&c).or_else(|| crate::ingest::dates::parse_date_line(&c))
                })
        })
    }

    /// An ISO date in a meta of the site's own naming ("w-published-date",
    /// "cxenseparse:recs:publishtime"): any key that says publish and not
    /// update.
    fn publish_date_like(&self) -> Option<String> {
        self.metas.iter().find_map(|(name, c)| {
            (name.contains("publish") && !name.contains("modif") && !name.contains("updat"))
                .then(|| iso_date(c.trim()))
                .flatten()
        })
    }

    fn first_meta(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| {
            self.metas
                .iter()
                .find(|(name, content)| name == k && !content.trim().is_empty())
                .map(|(_, c)| sanitize_line(c))
        })
    }
}

/// The fields of the first JSON-LD object of an article type.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct LdArticle {
    pub headline: Option<String>,
    pub description: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub publisher: Option<String>,
    pub url: Option<String>,
    pub section: Option<String>,
    pub body: Option<String>,
}

/// Resolved metadata.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Meta {
    /// Title candidates, best first: JSON-LD headline, og:title, <title>.
    pub headline: Option<String>,
    pub og_title: Option<String>,
    pub doc_title: Option<String>,
    pub description: Option<String>,
    pub byline: Option<String>,
    pub publisher: Option<String>,
    /// og:site_name: the name the site goes by in its <title> suffixes,
    /// which may differ from the publisher's legal name.
    pub site_name: Option<String>,
    pub published: Option<String>,
    /// The last-modified date the metadata declares (ISO), if any.
    pub modified: Option<String>,
    /// The page states its publication time in OpenGraph
    /// (`article:published_time`), the stamp a CMS writes from the post's
    /// first date; an "Updated" line does not override it.
    pub published_stamped: Option<String>,
    pub url: Option<String>,
    pub section: Option<String>,
    pub article_body: Option<String>,
}

const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published",
    "published-date",
    "published_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "article.published",
    "cxenseparse:recs:publishtime",
];

/// Choose each field from the most reliable source that has it.
pub fn resolve(raw: &RawMeta, byline_text: Option<String>) -> Meta {
    let ld = raw
        .json_ld
        .iter()
        .find_map(|s| ld_article(s))
        .unwrap_or_default();
    let not_url = |s: &String| !s.starts_with("http") && !s.contains("://");
    let byline = (!ld.authors.is_empty())
        .then(|| ld.authors.join(", "))
        .or_else(|| {
            raw.first_meta(&["author", "article:author", "dc.creator", "byl"])
                .filter(not_url)
        })
        .or_else(|| raw.labelled_meta("written by"))
        .or(byline_text)
        .map(|b| strip_by(&b));
    let published = ld
        .published
        .as_deref()
        .and_then(iso_date)
        .or_else(|| raw.meta_date(DATE_KEYS))
        .or_else(|| ld_field(raw, "datePublished"))
        .or_else(|| raw.publish_date_like())
        .or_else(|| raw.times.iter().find_map(|t| iso_date(t)));
    let modified = ld
        .modified
        .as_deref()
        .and_then(iso_date)
        .or_else(|| ld_field(raw, "dateModified"))
        .or_else(|| {
            raw.meta_date(&[
                "article:modified_time",
                "og:updated_time",
                "datemodified",
                "last-modified",
            ])
        });
    Meta {
        modified,
        published_stamped: raw
            .meta_date(&["article:published_time"])
            .filter(|d| crate::ingest::dates::trusted(d, None)),
        headline: ld.headline.clone(),
        og_title: raw.first_meta(&["og:title", "twitter:title"]),
        doc_title: raw.title.as_deref().map(sanitize_line),
        description: raw
            .first_meta(&["og:description", "twitter:description", "description"])
            .or(ld.description.clone()),
        byline: byline.filter(|b| !b.is_empty()),
        publisher: ld
            .publisher
            .clone()
            .or_else(|| raw.first_meta(&["og:site_name", "application-name"])),
        site_name: raw.first_meta(&["og:site_name", "application-name"]),
        published,
        // A canonical link that is no address (some pages put the title
        // there) gives way to og:url.
        url: raw
            .canonical
            .clone()
            .filter(|u| looks_like_url(u))
            .or_else(|| raw.first_meta(&["og:url"]))
            .or(ld.url.clone()),
        section: ld
            .section
            .clone()
            .or_else(|| raw.first_meta(&["article:section"])),
        article_body: ld.body,
    }
}

/// A date field of any JSON-LD object (a WebPage, or a script that does
/// not parse), as ISO.
fn ld_field(raw: &RawMeta, key: &str) -> Option<String> {
    let quoted = format!("\"{key}\"");
    raw.json_ld.iter().find_map(|script| {
        let at = script.find(&quoted)? + quoted.len();
        let rest = script
            .get(at..)?
            .trim_start()
            .strip_prefix(':')?
            .trim_start();
        let value = rest.strip_prefix('"')?;
        iso_date(value.get(..value.find('"')?)?)
    })
}

/// An absolute or root-relative address, not free text.
fn looks_like_url(u: &str) -> bool {
    !u.contains(char::is_whitespace) && (u.contains("://") || u.starts_with('/'))
}

fn strip_by(byline: &str) -> String {
    let b = byline.trim();
    let lower = b.to_lowercase();
    let b = if lower.starts_with("by ") {
        b.get(3..).unwrap_or(b).trim()
    } else {
        b
    };
    sanitize_line(b)
}

/// A date or date-time as ISO 8601, when the source gives one.
pub fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| {
        b.get(r)
            .is_some_and(|d| !d.is_empty() && d.iter().all(u8::is_ascii_digit))
    };
    let dated = digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7);
    if !dated {
        return None;
    }
    // "YYYY-MM", or "YYYY-MM-DD" and what follows it in ISO form.
    if b.get(7) == Some(&b'-') && !digits(8..10) {
        return Some(s[..7].to_string());
    }
    let mut out = s.to_string();
    if out.as_bytes().get(10) == Some(&b' ') && digits(11..13) {
        out.replace_range(10..11, "T");
    }
    let iso = |c: char| c.is_ascii_digit() || matches!(c, '-' | ':' | '.' | '+' | 'T' | 'Z');
    let end = out.find(|c: char| !iso(c)).unwrap_or(out.len());
    out.truncate(end);
    Some(out)
}

fn is_article_type(v: &Value) -> bool {
    let kin = |t: &str| {
        t.ends_with("Article") || t.contains("BlogPosting") || t == "Report" || t == "Review"
    };
    match v.get("@type") {
        Some(Value::String(t)) => kin(t),
        Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(kin)),
        _ => false,
    }
}

/// The first article-typed object in one JSON-LD script.
pub fn ld_article(script: &str) -> Option<LdArticle> {
    let value: Value = serde_json::from_str(script.trim())
        .or_else(|_| serde_json::from_str(&script.replace(['\n', '\r', '\t'], " ")))
        .ok()?;
    let ids = named_ids(&value);
    let article = walk_json(&value, |map| {
        [
            "@graph",
            "mainEntity",
            "mainEntityOfPage",
            "itemListElement",
        ]
        .into_iter()
        .filter_map(|k| map.get(k))
        .collect()
    })
    .find(|v| is_article_type(v))?;
    Some(article_fields(article, &ids))
}

/// JSON values depth first from `value`, into every array and into the
/// members of an object that `members` picks; at most 10,000 of them, so
/// a hostile script stays cheap.
fn walk_json<'v>(
    value: &'v Value,
    members: impl Fn(&'v serde_json::Map<String, Value>) -> Vec<&'v Value>,
) -> impl Iterator<Item = &'v Value> {
    let mut stack = vec![value];
    std::iter::from_fn(move || {
        let v = stack.pop()?;
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(map) => stack.extend(members(map).into_iter().rev()),
            _ => {}
        }
        Some(v)
    })
    .take(10_000)
}

fn article_fields(v: &Value, ids: &HashMap<&str, &str>) -> LdArticle {
    let text = |key: &str| {
        v.get(key)
            .and_then(Value::as_str)
            .map(sanitize_line)
            .filter(|s| !s.is_empty())
    };
    let url = text("url").or_else(|| match v.get("mainEntityOfPage") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(o) => o.get("@id").and_then(Value::as_str).map(str::to_string),
        None => None,
    });
    LdArticle {
        headline: text("headline").or_else(|| text("name")),
        description: text("description"),
        authors: names(v.get("author"), ids),
        published: text("datePublished").or_else(|| text("dateCreated")),
        modified: text("dateModified"),
        publisher: names(v.get("publisher"), ids).into_iter().next(),
        url,
        section: text("articleSection"),
        body: v
            .get("articleBody")
            .and_then(Value::as_str)
            .map(str::to_string),
    }
}

/// The name of every object that has an "@id" and a "name": an @graph
/// (Yoast and kin) gives the author as {"@id": ...} pointing at a Person.
fn named_ids(value: &Value) -> HashMap<&str, &str> {
    let mut ids = HashMap::new();
    for v in walk_json(value, |map| map.values().collect()) {
        if let (Some(id), Some(name)) = (
            v.get("@id").and_then(Value::as_str),
            v.get("name").and_then(Value::as_str),
        ) {
            ids.entry(id).or_insert(name);
        }
    }
    ids
}

/// Names from a string, an object with "name" (or an "@id" that names
/// one elsewhere in the script), or an array of those.
fn names(v: Option<&Value>, ids: &HashMap<&str, &str>) -> Vec<String> {
    let one = |v: &Value| match v {
        Value::String(s) => Some(sanitize_line(s)),
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .or_else(|| {
                o.get("@id")
                    .and_then(Value::as_str)
                    .and_then(|id| ids.get(id).copied())
            })
            .map(sanitize_line),
        _ => None,
    };
    let list = match v {
        Some(Value::Array(items)) => items.iter().filter_map(one).collect(),
        Some(v) => one(v).into_iter().collect(),
        None => Vec::new(),
    };
    let mut out: Vec<String> = Vec::new();
    for n in list {
        if !n.is_empty() && !n.contains("://") && !out.contains(&n) {
            out.push(n);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_author_by_reference() {
        let s = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"Article","headline":"H","author":{"@id":"https://x.org/#/person/1"},
             "publisher":{"@id":"https://x.org/#org"}},
            {"@type":"Organization","@id":"https://x.org/#org","name":"X Media"},
            {"@type":"Person","@id":"https://x.org/#/person/1","name":"Albert Swann"}]}"#;
        let a = ld_article(s).unwrap();
        assert_eq!(a.authors, vec!["Albert Swann"]);
        assert_eq!(a.publisher.as_deref(), Some("X Media"));
    }

    #[test]
    fn twitter_written_by_names_the_author() {
        let mut raw = RawMeta::default();
        for (k, v) in [
            ("twitter:label1", "Est. reading time"),
            ("twitter:data1", "4 minutes"),
            ("twitter:label2", "Written by"),
            ("twitter:data2", "Zoe Foster"),
        ] {
            raw.metas.push((k.to_string(), v.to_string()));
        }
        assert_eq!(resolve(&raw, None).byline.as_deref(), Some("Zoe Foster"));
    }

    #[test]
    fn json_ld_in_graph_with_author_array() {
        let s = r#"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","name":"Site"},
            {"@type":["NewsArticle"],"headline":"Big news","datePublished":"2024-03-05 10:00:00",
             "author":[{"@type":"Person","name":"Ann Lee"},"Bo Chan"],
             "publisher":{"@type":"Organization","name":"The Daily"},
             "mainEntityOfPage":{"@id":"https://example.org/a"}}]}"#;
        let a = ld_article(s).unwrap();
        assert_eq!(a.headline.as_deref(), Some("Big news"));
        assert_eq!(a.authors, vec!["Ann Lee", "Bo Chan"]);
        assert_eq!(a.publisher.as_deref(), Some("The Daily"));
        assert_eq!(a.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(
            iso_date(a.published.as_deref().unwrap()).as_deref(),
            Some("2024-03-05T10:00:00")
        );
    }

    #[test]
    fn json_ld_top_level_array_and_string_author() {
        let s = r#"[{"@type":"BreadcrumbList"},{"@type":"BlogPosting","headline":"H","author":"Cy Dee"}]"#;
        let a = ld_article(s).unwrap();
        assert_eq!(a.authors, vec!["Cy Dee"]);
        assert!(ld_article(r#"{"@type":"Organization","name":"X"}"#).is_none());
        assert!(ld_article("{not json").is_none());
    }

    #[test]
    fn a_canonical_link_that_is_no_address_gives_way_to_og_url() {
        let mut raw = RawMeta {
            canonical: Some("What are the types of wine?".to_string()),
            ..RawMeta::default()
        };
        raw.metas.push((
            "og:url".to_string(),
            "https://a.org/2023/10/03/wine".to_string(),
        ));
        assert_eq!(
            resolve(&raw, None).url.as_deref(),
            Some("https://a.org/2023/10/03/wine")
        );
        raw.canonical = Some("/2023/10/03/wine".to_string());
        assert_eq!(resolve(&raw, None).url.as_deref(), Some("/2023/10/03/wine"));
    }

    #[test]
    fn a_date_meta_may_be_written_out() {
        let mut raw = RawMeta::default();
        raw.metas
            .push(("published".to_string(), "July 17, 2025".to_string()));
        raw.metas
            .push(("last-modified".to_string(), "soon".to_string()));
        let meta = resolve(&raw, None);
        assert_eq!(meta.published.as_deref(), Some("2025-07-17"));
        assert_eq!(meta.modified, None);
    }

    #[test]
    fn a_site_named_publish_meta_dates_the_page_an_update_one_does_not() {
        let mut raw = RawMeta::default();
        raw.metas.push((
            "x-updated-publish-date".to_string(),
            "2024-01-01".to_string(),
        ));
        assert_eq!(resolve(&raw, None).published, None);
        raw.metas.push((
            "w-published-date".to_string(),
            "2025-05-27T06:03:43Z".to_string(),
        ));
        let meta = resolve(&raw, None);
        assert_eq!(
            meta.published.as_deref().map(|d| &d[..10]),
            Some("2025-05-27")
        );
    }

    #[test]
    fn dates_must_look_iso() {
        assert_eq!(iso_date("2020-01-02").as_deref(), Some("2020-01-02"));
        assert_eq!(iso_date("March 3, 2020"), None);
        assert_eq!(
            iso_date("2020-01-02 10:30:00+01:00").as_deref(),
            Some("2020-01-02T10:30:00+01:00")
        );
        // Attribute junk never rides along (found by fuzzing).
        assert_eq!(
            iso_date("1012-05-0udget</h\u{1}~1>").as_deref(),
            Some("1012-05")
        );
        assert_eq!(iso_date("2024-05-01\u{1}x").as_deref(), Some("2024-05-01"));
    }
}
