//! `lede search` end to end, on stories this test writes itself.

use std::fs;
use std::process::Output;

mod cli_common;
use cli_common::lede;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn search_finds_titles_quotes_speakers_and_body() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    fs::write(
        input.join("a.txt"),
        "Ferry fares frozen for a year\n\n\
         The harbour board froze ferry fares on Monday after a long dispute.\n\n\
         “Nobody should pay more to cross the water,” said Ada Venn, the board's chair.\n\n\
         Islanders had campaigned for months against a rise, and the board will look \
         at the fares again when the new boats arrive next year.\n",
    )
    .unwrap();
    fs::write(
        input.join("b.txt"),
        "Library opens new wing\n\nThe town library opened a reading room with a view of the harbour.\n\n\
         The wing also holds a children's corner and a local history archive, and it \
         will stay open late on Thursdays and Fridays through the long winter months, the librarian said.\n",
    )
    .unwrap();
    let added = lede(&lib, &["add", input.to_str().unwrap()]);
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );

    let out = lede(&lib, &["search", "HARBOUR"]);
    assert!(out.status.success());
    assert_eq!(stdout(&out).lines().count(), 2, "{}", stdout(&out));
    assert!(
        stdout(&out).contains("[body] The harbour board froze"),
        "{}",
        stdout(&out)
    );

    let out = lede(&lib, &["search", "ferry"]);
    assert!(
        stdout(&out).contains("Ferry fares frozen for a year  [title]"),
        "{}",
        stdout(&out)
    );

    let out = lede(&lib, &["search", "--json", "cross", "water"]);
    let hit: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(hit["title"], "Ferry fares frozen for a year");
    assert!(hit["field"] == "quote" || hit["field"] == "body", "{hit}");
    assert!(hit["snippet"].as_str().unwrap().contains("cross the water"));

    let out = lede(&lib, &["search", "--limit", "1", "the"]);
    assert_eq!(stdout(&out).lines().count(), 1);

    let none = lede(&lib, &["search", "zeppelin"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(stdout(&none).is_empty());
}
