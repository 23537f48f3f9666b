//! The lede binary end to end, on stories these tests write themselves.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod cli_common;
use cli_common::lede_cmd as lede;

fn run(cmd: &mut Command) -> Output {
    cmd.output().expect("the lede binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A small, unique plain-text story.
fn story_text(n: usize, tag: &str) -> String {
    format!(
        "Council {tag} report number {n} is published\n\n\
         The council of Ardmoor published report {n} on Monday, setting out \
         plans to repair {n} bridges over the next {} years.\n\n\
         “We have waited long enough for this work,” said councillor Ada Venn. \
         “The roads cannot wait another winter,” she added.\n\n\
         Spending will rise by {} per cent, the report said.\n",
        n % 9 + 2,
        n % 40 + 1
    )
}

fn write_stories(dir: &Path, tag: &str, count: usize) -> Vec<PathBuf> {
    fs::create_dir_all(dir).unwrap();
    (0..count)
        .map(|n| {
            let path = dir.join(format!("{tag}-{n:04}.txt"));
            fs::write(&path, story_text(n, tag)).unwrap();
            path
        })
        .collect()
}

fn listed_ids(library: &Path) -> Vec<String> {
    let out = run(lede(library).arg("list"));
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

fn asset(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets")
        .join(name)
}

#[test]
fn a_thousand_files_with_three_broken_import_997_and_name_the_three() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("in");
    let mut files = write_stories(&src.join("nested"), "good", 997);
    let png = src.join("picture.txt");
    fs::write(
        &png,
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06",
    )
    .unwrap();
    let empty = src.join("empty.html");
    fs::write(&empty, b"").unwrap();
    // Invalid UTF-8 soup with no NUL: any legacy charset would decode it.
    let garbage = src.join("garbage.txt");
    let mut x: u32 = 7;
    let soup: Vec<u8> = (0..3000)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            0x80 | (x >> 16) as u8
        })
        .collect();
    fs::write(&garbage, soup).unwrap();
    files.extend([png.clone(), empty.clone(), garbage.clone()]);

    let lib = tmp.path().join("lib");
    let out = run(lede(&lib).arg("add").arg(&src));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    for broken in [&png, &empty, &garbage] {
        let named = err
            .lines()
            .filter(|l| l.contains(&*broken.to_string_lossy()))
            .count();
        assert_eq!(named, 1, "{} not named once in:\n{err}", broken.display());
    }
    assert_eq!(stdout(&out).lines().count(), 997);
    assert_eq!(listed_ids(&lib).len(), 997);

    // Adding the same folder again adds nothing.
    let again = run(lede(&lib).arg("add").arg(&src));
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stdout(&again)
            .lines()
            .all(|l| l.ends_with("(already in the library)"))
    );
    assert_eq!(listed_ids(&lib).len(), 997);
}

#[test]
fn two_processes_adding_at_once_lose_nothing() {
    // Each round races two writers on a fresh library; without the writer
    // lock most rounds lose one side's stories.
    for round in 0..3 {
        let tmp = tempfile::tempdir().unwrap();
        let a = tmp.path().join("a");
        let b = tmp.path().join("b");
        write_stories(&a, &format!("alpha{round}"), 40);
        write_stories(&b, &format!("beta{round}"), 40);
        let lib = tmp.path().join("lib");
        let spawn = |dir: &Path| {
            lede(&lib)
                .arg("add")
                .arg(dir)
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (pa, pb) = (spawn(&a), spawn(&b));
        for p in [pa, pb] {
            let out = p.wait_with_output().unwrap();
            assert!(out.status.success(), "{}", stderr(&out));
            assert_eq!(stdout(&out).lines().count(), 40);
        }
        let mut ids = listed_ids(&lib);
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 80, "round {round}");
    }
}

#[test]
fn add_from_stdin_then_show_rm_and_reindex() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let mut child = lede(&lib)
        .args(["add", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(story_text(7, "piped").as_bytes()).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let line = stdout(&out);
    let (id, title) = line.trim().split_once("  ").unwrap();
    assert_eq!(title, "Council piped report number 7 is published");

    let shown = run(lede(&lib).args(["show", &id[..6]]));
    assert!(shown.status.success(), "{}", stderr(&shown));
    let text = stdout(&shown);
    assert!(text.starts_with("Council piped report number 7 is published\n===="));
    assert!(text.contains("councillor Ada Venn"));

    let re = run(lede(&lib).arg("reindex"));
    assert!(re.status.success(), "{}", stderr(&re));
    assert_eq!(listed_ids(&lib), [id]);

    let rm = run(lede(&lib).args(["rm", id]));
    assert!(rm.status.success());
    assert!(stdout(&rm).starts_with("removed "));
    assert!(listed_ids(&lib).is_empty());
    let gone = run(lede(&lib).args(["show", id]));
    assert_eq!(gone.status.code(), Some(1));
    assert!(stderr(&gone).contains(id), "{}", stderr(&gone));
}

#[test]
fn list_is_newest_first_and_json_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let files = write_stories(&tmp.path().join("in"), "order", 3);
    for f in &files {
        assert!(run(lede(&lib).arg("add").arg(f)).status.success());
    }
    let out = run(lede(&lib).args(["list", "--json"]));
    let titles: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["title"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(
        titles,
        [2, 1, 0].map(|n| format!("Council order report number {n} is published"))
    );
}

#[test]
fn show_wraps_to_80_columns_with_captions_marked() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let add = run(lede(&lib).arg("add").arg(asset("harbour-expansion.html")));
    assert!(add.status.success(), "{}", stderr(&add));
    let id = stdout(&add).split_whitespace().next().unwrap().to_string();
    let out = run(lede(&lib).args(["show", &id]));
    let text = stdout(&out);
    assert!(text.lines().count() > 10);
    for line in text.lines() {
        assert!(unicode_width::UnicodeWidthStr::width(line) <= 80, "{line}");
    }
    assert!(text.contains("[Caption]"), "{text}");
}

#[test]
fn extract_json_prints_one_contract_object_per_file() {
    let files = [asset("orchard-frost.html"), asset("rail-link-cjk.txt")];
    let out = run(Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["extract", "--json"])
        .args(&files));
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    for (v, f) in lines.iter().zip(&files) {
        assert_eq!(v["source"], f.to_string_lossy().as_ref());
        for key in [
            "title",
            "blocks",
            "quotes",
            "figures",
            "byline",
            "published",
        ] {
            assert!(v.get(key).is_some(), "{key} missing");
        }
        for q in v["quotes"].as_array().unwrap() {
            let block = &v["blocks"][q["block"].as_u64().unwrap() as usize]["text"];
            let text = block.as_str().unwrap().as_bytes();
            let (s, e) = (q["start"].as_u64().unwrap(), q["end"].as_u64().unwrap());
            assert_eq!(
                &text[s as usize..e as usize],
                q["text"].as_str().unwrap().as_bytes()
            );
        }
    }
}

#[test]
fn errors_name_the_file_and_the_reason() {
    let tmp = tempfile::tempdir().unwrap();
    let missing = tmp.path().join("no-such-story.html");
    let out = run(Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["extract", "--json"])
        .arg(&missing));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("no-such-story.html") && err.contains("No such file"),
        "{err}"
    );
    assert!(!err.contains("panicked"));
}

#[test]
fn extract_reports_a_page_without_article_text_and_says_why() {
    // A script-rendered page: a title and a description, no article text.
    let tmp = tempfile::tempdir().unwrap();
    let page = tmp.path().join("app-shell.html");
    fs::write(
        &page,
        "<html><head><title>Twelve board games of the year</title>\
         <meta name=\"description\" content=\"My favourites.\"></head>\
         <body><div id=\"root\"></div><script>render()</script></body></html>",
    )
    .unwrap();
    let out = run(Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["extract", "--json"])
        .arg(&page));
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("app-shell.html") && err.contains("no article text"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    assert_eq!(v["title"], "Twelve board games of the year");
    assert_eq!(v["blocks"].as_array().map(Vec::len), Some(0));
    // The library still refuses it: a page with no text is not a story.
    let lib = tmp.path().join("lib");
    let add = run(lede(&lib).arg("add").arg(&page));
    assert_eq!(add.status.code(), Some(1));
    assert!(stderr(&add).contains("no article text"), "{}", stderr(&add));
}

#[test]
fn an_empty_default_library_lists_the_samples_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(Command::new(env!("CARGO_BIN_EXE_lede"))
        .env_remove("LEDE_LIBRARY")
        .env("HOME", tmp.path())
        .env("XDG_DATA_HOME", tmp.path().join("data"))
        .stdin(Stdio::null()));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 5, "{}", stdout(&out));
    assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 0);
    // A library the user named is theirs, even when empty: no samples.
    fs::create_dir(tmp.path().join("mine")).unwrap();
    let named = run(&mut lede(&tmp.path().join("mine")));
    assert!(named.status.success(), "{}", stderr(&named));
    assert_eq!(stdout(&named), "");
    // A named library that does not exist is a typo, not an empty list.
    let typo = run(lede(&tmp.path().join("mnie")).arg("list"));
    assert_eq!(typo.status.code(), Some(1));
    assert!(stderr(&typo).contains("no library at"), "{}", stderr(&typo));
}

#[test]
fn every_command_has_help() {
    for cmd in [
        vec!["--help"],
        vec!["add", "--help"],
        vec!["list", "--help"],
        vec!["show", "--help"],
        vec!["rm", "--help"],
        vec!["reindex", "--help"],
        vec!["extract", "--help"],
    ] {
        let out = run(Command::new(env!("CARGO_BIN_EXE_lede")).args(&cmd));
        assert!(out.status.success(), "{cmd:?}");
        assert!(stdout(&out).contains("Usage: lede"), "{cmd:?}");
    }
}

#[cfg(unix)]
#[test]
fn folder_links_are_not_followed_so_loops_end() {
    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("in");
    write_stories(&src, "loop", 2);
    std::os::unix::fs::symlink(&src, src.join("again")).unwrap();
    let lib = tmp.path().join("lib");
    let out = run(lede(&lib).arg("add").arg(&src));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(listed_ids(&lib).len(), 2);
}
