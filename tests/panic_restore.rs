//! The reader's panic path: the terminal is restored (alternate screen
//! left, mouse reporting off) before the panic message is printed, so the
//! message stays on the normal screen. The real hooks are exercised: a
//! child copy of this test opens the reader with no terminal (its set-up
//! fails after the hooks are in place, as they are in a real run), then
//! panics; stdout and stderr share one file, so the order of the restore
//! sequences and the message is what a terminal would receive.

use lede::library::Library;
use std::io::{Read, Seek};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CHILD: &str = "LEDE_PANIC_RESTORE_CHILD";
const TEST: &str = "panic_restores_the_terminal_before_the_message";
const MESSAGE: &str = "deliberate panic after the reader's set-up";

#[test]
fn panic_restores_the_terminal_before_the_message() {
    if std::env::var_os(CHILD).is_some() {
        child();
    }
    // With a controlling terminal the child's reader would take it over.
    if std::fs::File::open("/dev/tty").is_ok() {
        eprintln!("skipped: this process has a terminal (run it under CI or setsid)");
        return;
    }
    let mut out = tempfile::tempfile().expect("temp file");
    let exe = std::env::current_exe().expect("test binary");
    let mut child = Command::new(exe)
        .args([TEST, "--exact", "--nocapture", "--test-threads", "1"])
        .env(CHILD, "1")
        .stdin(Stdio::null())
        .stdout(out.try_clone().expect("dup"))
        .stderr(out.try_clone().expect("dup"))
        .spawn()
        .expect("spawn the child test");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("the child did not finish");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(!status.success(), "the child was meant to panic");
    let mut text = String::new();
    out.rewind().expect("rewind");
    out.read_to_string(&mut text).expect("read");
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle:?} not in the child's output:\n{text:?}"))
    };
    let leave_alt_screen = at("\u{1b}[?1049l");
    let mouse_off = at("\u{1b}[?1000l");
    let message = at(MESSAGE);
    assert!(
        leave_alt_screen < message && mouse_off < message,
        "the message came before the restore: {text:?}"
    );
    assert!(
        !text[message..].contains("\u{1b}[?1049"),
        "the screen was switched again after the message: {text:?}"
    );
}

/// In the child: open the reader (fails without a terminal, hooks set), panic.
fn child() -> ! {
    let dir = tempfile::tempdir().expect("temp dir");
    let library = Library::open(dir.path()).expect("library");
    let result = lede::tui::run(library, Vec::new());
    assert!(result.is_err(), "the reader started without a terminal");
    panic!("{MESSAGE}");
}
