//! `lede speakers`, `lede quotes` and `lede export` on a small library of
//! hand-written stories: each format parsed back (CSV with a CSV reader,
//! JSON with serde) or pinned by snapshot (Markdown).

mod cli_common;

use cli_common::lede;
use std::path::Path;

const HARBOUR: &str = "<html><head><title>Harbour tolls to rise next spring</title>\
<meta property=\"og:url\" content=\"https://example.com/harbour\">\
<meta name=\"author\" content=\"Sam Reed\">\
<meta property=\"article:published_time\" content=\"2024-03-02T08:00:00Z\"></head><body>\
<article><h1>Harbour tolls to rise next spring</h1>\
<p>The port authority will raise harbour tolls by 12% next spring, its chair said on Tuesday, \
after a year in which cargo volumes fell and the cost of dredging the main channel doubled.</p>\
<p>“We have no other way to pay for the channel,” said Ada Venn, the authority's chair. \
She said the increase would bring in $40 million a year.</p>\
<p>Shipping lines were unhappy. “This will drive business to other ports,” said Li Chen, \
who speaks for a group of carriers, adding that members would review their routes.</p>\
</article></body></html>";

const DREDGING: &str = "<html><head><title>Dredging starts on the main channel</title>\
<meta property=\"article:published_time\" content=\"2024-05-10T08:00:00Z\"></head><body>\
<article><h1>Dredging starts on the main channel</h1>\
<p>Work to deepen the main channel began on Monday, two months after the port authority \
said it would raise tolls to pay for it, and crews expect to finish before the winter storms.</p>\
<p>“The channel will be ready for the largest ships by December,” said Ada Venn, \
the chair of the port authority, at a briefing on the quay.</p>\
</article></body></html>";

fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let pages = dir.path().join("pages");
    std::fs::create_dir(&pages).unwrap();
    std::fs::write(pages.join("harbour.html"), HARBOUR).unwrap();
    std::fs::write(pages.join("dredging.html"), DREDGING).unwrap();
    let out = lede(&dir.path().join("lib"), &["add", pages.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir
}

fn run(dir: &Path, args: &[&str]) -> String {
    let out = lede(&dir.join("lib"), args);
    assert!(
        out.status.success(),
        "lede {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn speakers_are_counted_across_stories() {
    let dir = library();
    let text = run(dir.path(), &["speakers"]);
    let first = text.lines().next().unwrap();
    assert!(first.ends_with("Ada Venn"), "{text}");
    assert!(
        first.contains("2 quotes") && first.contains("2 stories"),
        "{text}"
    );
    let json = run(dir.path(), &["speakers", "--json"]);
    let rows: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows[0]["speaker"], "Ada Venn");
    assert_eq!(rows[0]["quotes"], 2);
    assert!(rows.iter().any(|r| r["speaker"] == "Li Chen"));
}

#[test]
fn quotes_as_csv_parse_back_with_their_citations() {
    let dir = library();
    let csv_text = run(
        dir.path(),
        &["quotes", "--speaker", "ada venn", "--format", "csv"],
    );
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    // Newest story first.
    assert_eq!(
        &rows[0][col("text")],
        "The channel will be ready for the largest ships by December,"
    );
    assert_eq!(&rows[0][col("published")][..10], "2024-05-10");
    assert_eq!(&rows[1][col("title")], "Harbour tolls to rise next spring");
    assert_eq!(&rows[1][col("source")], "https://example.com/harbour");
    assert_eq!(&rows[1][col("speaker")], "Ada Venn");
    assert_eq!(rows[1][col("story_id")].len(), 16);
}

#[test]
fn export_json_holds_quotes_and_figures() {
    let dir = library();
    let list = run(dir.path(), &["list", "--json"]);
    let harbour = list
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|e| e["title"] == "Harbour tolls to rise next spring")
        .unwrap();
    let id = harbour["id"].as_str().unwrap();
    let json = run(
        dir.path(),
        &["export", "--format", "json", "--story", &id[..8]],
    );
    let items: Vec<serde_json::Value> = json
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(items.iter().all(|i| i["story_id"] == id));
    let quotes: Vec<_> = items.iter().filter(|i| i["item"] == "quote").collect();
    assert_eq!(quotes.len(), 2);
    assert_eq!(quotes[0]["byline"], "Sam Reed");
    let money = items
        .iter()
        .find(|i| i["item"] == "figure" && i["figure_kind"] == "money")
        .expect("the $40 million figure");
    assert_eq!(money["value"], 40e6);
    assert_eq!(money["unit"], "USD");
    assert!(items.iter().any(|i| i["figure_kind"] == "percent"));
}

#[test]
fn export_markdown_is_a_blockquote_per_quote() {
    let dir = library();
    let md = run(
        dir.path(),
        &["export", "--format", "md", "--search", "shipping lines"],
    );
    // Story ids depend on the bytes only, so the snapshot is stable.
    insta::assert_snapshot!(md);
}

#[test]
fn nothing_found_exits_1() {
    let dir = library();
    let out = lede(
        &dir.path().join("lib"),
        &["quotes", "--speaker", "Nobody Here"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
}
