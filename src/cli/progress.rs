//! A small progress bar on stderr, drawn only when stderr is a terminal.

use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

const BAR_WIDTH: usize = 30;
const REDRAW_EVERY: Duration = Duration::from_millis(80);

pub struct Progress {
    label: &'static str,
    total: usize,
    done: usize,
    enabled: bool,
    drawn: bool,
    last_draw: Option<Instant>,
}

impl Progress {
    /// A bar for `total` items; silent when stderr is piped or redirected.
    pub fn new(label: &'static str, total: usize) -> Self {
        Progress {
            label,
            total,
            done: 0,
            enabled: std::io::stderr().is_terminal() && total > 1,
            drawn: false,
            last_draw: None,
        }
    }

    pub fn set(&mut self, done: usize) {
        self.done = done.min(self.total);
        let due = self.last_draw.is_none_or(|t| t.elapsed() >= REDRAW_EVERY);
        if self.enabled && (due || self.done == self.total) {
            self.draw();
        }
    }

    pub fn advance(&mut self, n: usize) {
        self.set(self.done + n);
    }

    /// Clear the bar, run `f` (which prints), and draw the bar again.
    pub fn suspend<T>(&mut self, f: impl FnOnce() -> T) -> T {
        let was_drawn = self.drawn;
        self.clear();
        let out = f();
        if was_drawn {
            self.draw();
        }
        out
    }

    /// Remove the bar from the screen.
    pub fn finish(&mut self) {
        self.clear();
    }

    fn draw(&mut self) {
        let filled = (self.done * BAR_WIDTH).checked_div(self.total).unwrap_or(0);
        let line = format!(
            "\r{} [{}{}] {}/{}",
            self.label,
            "#".repeat(filled),
            "-".repeat(BAR_WIDTH - filled),
            self.done,
            self.total
        );
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(line.as_bytes());
        let _ = err.flush();
        self.drawn = true;
        self.last_draw = Some(Instant::now());
    }

    fn clear(&mut self) {
        if self.drawn {
            let blank = " ".repeat(self.label.len() + BAR_WIDTH + 30);
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r{blank}\r");
            let _ = err.flush();
            self.drawn = false;
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.clear();
    }
}
