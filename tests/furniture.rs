//! The library learns a publisher's page furniture: a line that recurs in
//! several of its stories is dropped from them at import and at reindex.

use std::fs;
use std::path::Path;

mod cli_common;
use cli_common::lede;

/// A dump from one outlet whose template repeats an odd line no built-in
/// rule knows.
fn dump(n: usize) -> String {
    format!(
        "Harbour works enter week {n}\n\n\
         Dredging of the old harbour entered its {n}th week on Tuesday, \
         the port authority said, with crews working through the night.\n\n\
         Lantern Quay Almanac Corner\n\n\
         Boats will be kept out of the inner basin until the spring, \
         officials said, and ferry times will change from Monday.\n\n\
         Residents near the quay have been told to expect noise at night, and \
         the authority has promised to publish a weekly update on the work.\n\n\
         -- THE HARBOUR LANTERN\n"
    )
}

fn shown(library: &Path, id: &str) -> String {
    let out = lede(library, &["show", id]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn recurring_lines_are_learned_at_import_and_reindex() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    let src = dir.path().join("in");
    fs::create_dir_all(&src).unwrap();
    for n in 1..=4 {
        fs::write(src.join(format!("s{n}.txt")), dump(n)).unwrap();
    }
    // One story alone teaches nothing: the line is kept.
    let first = lede(&lib, &["add", src.join("s1.txt").to_str().unwrap()]);
    assert!(first.status.success());
    let id1 = String::from_utf8_lossy(&first.stdout)
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    assert!(shown(&lib, &id1).contains("Lantern Quay Almanac Corner"));

    // Three stories of the outlet carry it: the fourth imports without it.
    for n in 2..=3 {
        assert!(
            lede(
                &lib,
                &["add", src.join(format!("s{n}.txt")).to_str().unwrap()]
            )
            .status
            .success()
        );
    }
    let fourth = lede(&lib, &["add", src.join("s4.txt").to_str().unwrap()]);
    let id4 = String::from_utf8_lossy(&fourth.stdout)
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    let text = shown(&lib, &id4);
    assert!(!text.contains("Lantern Quay Almanac Corner"), "{text}");
    assert!(text.contains("Boats will be kept out"));

    // Reindex cleans the stories saved before the furniture was known.
    assert!(lede(&lib, &["reindex"]).status.success());
    assert!(!shown(&lib, &id1).contains("Lantern Quay Almanac Corner"));
}
