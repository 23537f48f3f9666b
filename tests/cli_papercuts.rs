//! Issue 16's command-line papercuts: `lede rm A B`, an ambiguous id lists
//! its candidates, a mistyped `--library` is an error, dates in one
//! readable form with undated stories saying so, `--print-config`.

mod cli_common;

use cli_common::{lede, lede_cmd};
use std::fs;
use std::path::Path;

fn text(o: &std::process::Output) -> (String, String) {
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Add stories until two ids share a first digit; returns all ids.
fn library_with_shared_prefix(lib: &Path, dir: &Path) -> Vec<String> {
    fs::create_dir_all(dir).unwrap();
    let mut files = Vec::new();
    for n in 0..20 {
        let p = dir.join(format!("s{n}.txt"));
        fs::write(
            &p,
            format!(
                "Council story number {n} about the budget\n\nBy Ada Venn\n\nThe council met on day {n} and argued about the budget for hours on end.\n\nMembers disagreed about the harbour, the roads and the library, and the mayor said a vote on the final plan would come before the summer break, once every ward had been heard.\n"
            ),
        )
        .unwrap();
        files.push(p);
    }
    let mut cmd = lede_cmd(lib);
    cmd.arg("add").args(&files);
    assert!(cmd.output().unwrap().status.success());
    let (out, _) = text(&lede(lib, &["list"]));
    out.lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .collect()
}

#[test]
fn rm_takes_several_ids_and_an_ambiguous_prefix_lists_candidates() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let ids = library_with_shared_prefix(&lib, &tmp.path().join("in"));
    assert_eq!(ids.len(), 20);
    // Two ids sharing a first digit (20 ids, 16 digits: there must be two).
    let (a, b) = ids
        .iter()
        .enumerate()
        .find_map(|(i, a)| {
            ids[i + 1..]
                .iter()
                .find(|b| b[..1] == a[..1])
                .map(|b| (a.clone(), b.clone()))
        })
        .unwrap();
    let o = lede(&lib, &["show", &a[..1]]);
    let (_, err) = text(&o);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err.contains("ambiguous") && err.contains(&a) && err.contains(&b),
        "{err}"
    );
    assert!(
        err.contains("Council story number"),
        "titles name the candidates: {err}"
    );
    // A typo among the ids removes nothing.
    let o = lede(&lib, &["rm", &a, "zzzz"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&lede(&lib, &["list"])).0.lines().count(), 20);
    let o = lede(&lib, &["rm", &a, &b[..10]]);
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert_eq!(out.lines().count(), 2, "{out}");
    let (list, _) = text(&lede(&lib, &["list"]));
    assert_eq!(list.lines().count(), 18);
    assert!(!list.contains(&a) && !list.contains(&b));
}

#[test]
fn a_mistyped_library_is_an_error_for_every_reading_command() {
    let tmp = tempfile::tempdir().unwrap();
    let typo = tmp.path().join("typo");
    for args in [
        &["list"][..],
        &["show", "abc"],
        &["rm", "abc"],
        &["search", "budget"],
    ] {
        let o = lede(&typo, args);
        let (out, err) = text(&o);
        assert_ne!(o.status.code(), Some(0), "{args:?}");
        assert!(
            out.is_empty() && err.contains("no library at"),
            "{args:?}: {err}"
        );
    }
    assert!(!typo.exists(), "nothing was created");
}

#[test]
fn list_shows_readable_dates_and_says_undated() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let dated = tmp.path().join("dated.html");
    fs::write(
        &dated,
        "<html><head><title>Harbour wall repairs begin after storm damage</title>\
         <meta property=\"article:published_time\" content=\"2024-05-02T09:30:00Z\"></head>\
         <body><article><h1>Harbour wall repairs begin after storm damage</h1>\
         <p>Work on the harbour wall began on Thursday, two months after the storm tore a hole in it.</p>\
         <p>The repairs will cost about four million and take most of the summer, the council said.</p>\
         <p>Boats will moor at the north quay while the crews work, and the ferry keeps its usual times.</p>\
         </article></body></html>",
    )
    .unwrap();
    let undated = tmp.path().join("undated.txt");
    fs::write(
        &undated,
        "Ferry timetable changes for the winter\n\nThe ferry will run every two hours from next month, the operator said on Monday.\n\nThe last sailing of the day moves to six in the evening, and tickets bought for the old times stay valid until the end of the year, it added.\n",
    )
    .unwrap();
    let mut cmd = lede_cmd(&lib);
    assert!(
        cmd.arg("add")
            .arg(&undated)
            .arg(&dated)
            .output()
            .unwrap()
            .status
            .success()
    );
    let (out, _) = text(&lede(&lib, &["list"]));
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].contains("Harbour wall") && lines[0].contains("2 May 2024"),
        "{out}"
    );
    assert!(
        lines[1].contains("Ferry") && lines[1].contains("undated, added "),
        "{out}"
    );
    assert!(!out.contains("T09:30"), "no raw timestamps: {out}");
}

#[test]
fn print_config_writes_a_config_that_reads_back() {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_lede"))
        .arg("--print-config")
        .output()
        .unwrap();
    assert!(o.status.success());
    let (out, _) = text(&o);
    assert!(
        out.contains("[keys.story]") && out.contains("back = [\"q\", \"Esc\""),
        "{out}"
    );
    let c = lede::config::parse(&out, Path::new("printed.toml")).unwrap();
    assert_eq!(c.sort, lede::listing::Sort::Published);
}
