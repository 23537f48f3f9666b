//! Running the lede binary against a library of the test's own.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// `lede --library LIBRARY`, with no inherited library choice or stdin.
pub fn lede_cmd(library: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lede"));
    cmd.env_remove("LEDE_LIBRARY")
        .arg("--library")
        .arg(library)
        .stdin(Stdio::null());
    cmd
}

/// Run `lede --library LIBRARY ARGS...` to the end.
pub fn lede(library: &Path, args: &[&str]) -> Output {
    lede_cmd(library)
        .args(args)
        .output()
        .expect("the lede binary runs")
}
