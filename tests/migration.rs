//! A library written in the old format (catalog.jsonl, story files) is
//! migrated by the binary on first use, with nothing lost.

use lede::article::{Article, Block, Quote, QuoteKind, Span, Story};
use lede::library::migrate::fixture::{OldStory, write_old_library};
use lede::library::{FurnitureRecord, Position};
use std::fs;

mod cli_common;
use cli_common::lede;

fn old_story(n: usize) -> OldStory {
    let body = format!(
        "The ferry board met for the {n}th time. “Fares stay put,” said Ada Venn. \
         The board also heard from residents of the islands, who asked for an earlier \
         first sailing on weekdays and a later last one in the summer months."
    );
    OldStory {
        original: format!("Ferry board meeting {n}\n\n{body}\n").into_bytes(),
        story: Story {
            source: Some(format!("saved/ferry-{n}.txt")),
            article: Article {
                title: format!("Ferry board meeting {n}"),
                publisher: Some("The Harbour Lantern".into()),
                published: Some(format!("2023-04-{:02}", 1 + n % 28)),
                blocks: vec![Block::paragraph(body.clone())],
                ..Article::default()
            },
            quotes: vec![Quote::new(
                "Fares stay put,",
                Some("Ada Venn"),
                QuoteKind::Direct,
                Span::of(0, &body, "Fares stay put,"),
            )],
            figures: Vec::new(),
        },
        added_at: 1_690_000_000 + n as u64 * 60,
        position: Position {
            block: 0,
            offset: n % 7,
        },
        percent_read: (n % 100) as u8,
        read: n.is_multiple_of(5),
    }
}

#[test]
fn an_old_library_is_migrated_by_the_first_command() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let olds: Vec<OldStory> = (0..150).map(old_story).collect();
    let furniture = vec![FurnitureRecord {
        id: "0".repeat(16),
        publisher: Some("The Harbour Lantern".into()),
        lines: vec!["Lantern Quay Almanac Corner".into()],
    }];
    let ids = write_old_library(&lib, &olds, &furniture).unwrap();

    let out = lede(&lib, &["list", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listed: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(listed.len(), 150);
    for (id, old) in ids.iter().zip(&olds) {
        let e = listed.iter().find(|e| e["id"] == id.as_str()).unwrap();
        assert_eq!(e["added_at"], old.added_at);
        assert_eq!(e["percent_read"], old.percent_read);
        assert_eq!(e["read"], old.read);
        assert_eq!(e["position"]["offset"], old.position.offset);
        assert_eq!(e["published"], old.story.article.published.clone().unwrap());
    }
    assert!(!lib.join("catalog.jsonl").exists());
    assert!(!lib.join("stories").exists());
    assert!(lib.join("library.db").exists());
    // The originals stay where they were, byte for byte.
    assert_eq!(
        fs::read(lib.join("originals").join(&ids[3])).unwrap(),
        olds[3].original
    );

    let shown = lede(&lib, &["show", &ids[7]]);
    assert!(String::from_utf8_lossy(&shown.stdout).contains("the 7th time"));
    let found = lede(&lib, &["search", "speaker:venn", "\"fares stay put\""]);
    assert_eq!(String::from_utf8_lossy(&found.stdout).lines().count(), 150);
    // Reindex reads the originals of the old format too.
    let re = lede(&lib, &["reindex"]);
    assert!(
        re.status.success(),
        "{}",
        String::from_utf8_lossy(&re.stderr)
    );
    assert_eq!(
        lede(&lib, &["list"])
            .stdout
            .iter()
            .filter(|&&b| b == b'\n')
            .count(),
        150
    );
}

#[test]
fn a_damaged_database_points_at_reindex_which_rebuilds_it() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let src = dir.path().join("in");
    fs::create_dir_all(&src).unwrap();
    for n in 0..3 {
        fs::write(
            src.join(format!("s{n}.txt")),
            format!(
                "Tide tables for week {n}\n\nThe tides will be high this week, the harbour master said.\n\n\
                 Boat owners should check their moorings before the weekend, and the slipway \
                 at the north quay will close for two hours on either side of each high tide, the harbour office said in a notice on Monday. Anglers are asked to keep clear of the lock gates while the tide turns.\n"
            ),
        )
        .unwrap();
    }
    assert!(lede(&lib, &["add", src.to_str().unwrap()]).status.success());
    for suffix in ["-wal", "-shm"] {
        let _ = fs::remove_file(lib.join(format!("library.db{suffix}")));
    }
    fs::write(lib.join("library.db"), vec![0x5a; 8192]).unwrap();
    let out = lede(&lib, &["list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("damaged") && err.contains("lede reindex"),
        "{err}"
    );
    let re = lede(&lib, &["reindex"]);
    assert!(
        re.status.success(),
        "{}",
        String::from_utf8_lossy(&re.stderr)
    );
    let listed = String::from_utf8_lossy(&lede(&lib, &["list"]).stdout).into_owned();
    assert_eq!(listed.lines().count(), 3, "{listed}");
    assert!(lib.join("library.db.damaged").exists());
}
