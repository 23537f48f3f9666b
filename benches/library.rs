//! Library benchmark: opening libraries of 10,000 and 100,000 generated
//! full-length stories to the first drawn frame, resident memory at first
//! frame, searching them (words, a phrase, OR, a field filter), the size
//! on disk against the originals, `lede add` of 1,000 generated pages, and
//! the reader's lists across stories at 100,000 stories (the speakers, a
//! speaker's quotes, the stories carrying a figure).
//! Every library is generated in a temp dir through the library API; each
//! story's original is its plain-text dump.
//! Plain std::time timing: `cargo bench --bench library`
//! (LEDE_BENCH_ONLY=open,search,big,import,speakers picks parts).

use lede::article::{Article, Block, Figure, FigureKind, Quote, QuoteKind, Span, Story};
use lede::library::{Library, NewStory};
use lede::tui::{Action, open_app, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
mod common;
use common::time;
use std::time::{Duration, Instant};

/// Set in a child process: open the library at this path to its first
/// frame, then print resident memory.
const RSS_CHILD: &str = "LEDE_BENCH_RSS_CHILD";

/// Run only the named parts (comma-separated: open, search, big, import,
/// speakers).
const ONLY: &str = "LEDE_BENCH_ONLY";

fn wanted(part: &str) -> bool {
    std::env::var(ONLY).map_or(true, |only| only.split(',').any(|p| p.trim() == part))
}

const COMMON: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "a",
    "in",
    "said",
    "that",
    "for",
    "on",
    "was",
    "with",
    "council",
    "government",
    "year",
    "after",
    "new",
    "people",
    "would",
    "could",
    "plan",
    "public",
    "local",
    "report",
    "minister",
    "week",
    "more",
    "than",
    "its",
    "but",
    "million",
    "by",
    "from",
    "city",
    "police",
    "school",
    "water",
    "budget",
    "court",
    "health",
    "river",
    "road",
    "market",
    "price",
];
const SYLLABLES: &[&str] = &[
    "ba", "ko", "ri", "tu", "len", "mar", "sol", "vi", "den", "gra", "pho", "stel", "ur", "an",
    "es", "ol", "ist", "ward", "ton", "ley",
];
const FIRST: &[&str] = &[
    "Ada", "Maria", "John", "Li", "Amara", "Tomas", "Sofia", "Kwame", "Ines", "Pavel", "Noor",
    "Ruth", "Diego", "Hana", "Omar", "Greta", "Ivan", "Lena", "Sam", "Yusuf",
];
const LAST: &[&str] = &[
    "Venn", "Lopez", "Okafor", "Chen", "Novak", "Haddad", "Silva", "Berg", "Kowalski", "Ito",
    "Mensah", "Duarte", "Fischer", "Rahman", "Walsh", "Moreau", "Petrov", "Nakamura", "Ortiz",
    "Byrne",
];
const OUTLETS: &[&str] = &[
    "The Coastal Herald",
    "Ardmoor Times",
    "Valley News",
    "The Morning Ledger",
    "Northern Post",
    "City Chronicle",
];

/// xorshift64*: the same library every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[(self.next() % list.len() as u64) as usize]
    }

    /// Half common words, half from ~8,400 rarer made-up words.
    fn word(&mut self) -> String {
        if self.next().is_multiple_of(2) {
            return self.pick(COMMON).to_string();
        }
        let n = 2 + (self.next() % 2) as usize;
        (0..n).map(|_| self.pick(SYLLABLES)).collect()
    }

    fn name(&mut self) -> String {
        format!("{} {}", self.pick(FIRST), self.pick(LAST))
    }

    /// A speaker: two in three from the 400 common names, the others from
    /// tens of thousands of rarer ones (a library's long tail of people).
    fn speaker(&mut self) -> String {
        if !self.next().is_multiple_of(3) {
            return self.name();
        }
        let last = self.word();
        let last = last[..1].to_uppercase() + &last[1..];
        format!("{} {last}", self.pick(FIRST))
    }
}

/// A story of about `paragraphs` * 60 words, three quotes with speakers
/// and one sum of money (one of 500: each shared by ~1 story in 500).
fn gen_story(n: usize, paragraphs: usize) -> Story {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15 ^ (n as u64 + 1).wrapping_mul(0x1000_0000_01b3));
    let mut title: Vec<String> = (0..6).map(|_| rng.word()).collect();
    if let Some(first) = title.first_mut() {
        *first = first[..1].to_uppercase() + &first[1..];
    }
    let mut blocks = Vec::new();
    let mut quotes = Vec::new();
    let mut figures = Vec::new();
    for p in 0..paragraphs {
        let mut text = String::new();
        for w in 0..60 {
            if w > 0 {
                text.push(' ');
            }
            text.push_str(&rng.word());
            if w % 12 == 11 {
                text.push('.');
            }
        }
        if p == 0 {
            let millions = 1 + n % 500;
            text.push_str(" It cost $");
            let start = text.len() - 1;
            let _ = write!(text, "{millions} million");
            figures.push(Figure {
                text: text[start..].to_string(),
                kind: FigureKind::Money,
                value: Some(millions as f64 * 1e6),
                unit: Some("USD".into()),
                span: Span {
                    block: 0,
                    start,
                    end: text.len(),
                },
            });
            text.push('.');
        }
        if p < 3 {
            let speaker = rng.speaker();
            let said: Vec<String> = (0..8).map(|_| rng.word()).collect();
            let said = said.join(" ");
            text.push_str(" “");
            let start = text.len();
            text.push_str(&said);
            let end = text.len();
            let _ = write!(text, ",” said {speaker}.");
            quotes.push(Quote {
                text: said,
                canonical_speaker: Some(speaker.clone()),
                speaker: Some(speaker),
                kind: QuoteKind::Direct,
                span: Span {
                    block: blocks.len(),
                    start,
                    end,
                },
            });
        }
        blocks.push(Block::paragraph(text));
    }
    Story {
        source: Some(format!("saved/page-{n:06}.html")),
        article: Article {
            title: title.join(" "),
            byline: Some(format!("By {}", rng.name())),
            publisher: Some(rng.pick(OUTLETS).to_string()),
            published: Some(format!(
                "20{:02}-{:02}-{:02}",
                10 + n % 16,
                1 + n % 12,
                1 + n % 28
            )),
            blocks,
            ..Article::default()
        },
        quotes,
        figures,
    }
}

/// A story as a plain-text dump: what its original is in these libraries.
fn text_dump(s: &Story) -> String {
    let a = &s.article;
    let mut text = format!(
        "{}\n\n{}\n{}, {}\n\n",
        a.title,
        a.byline.as_deref().unwrap_or(""),
        a.publisher.as_deref().unwrap_or(""),
        a.published.as_deref().unwrap_or("")
    );
    for b in &a.blocks {
        text.push_str(&b.text);
        text.push_str("\n\n");
    }
    text
}

/// Write a library of `count` stories through the library API in batches
/// of 1,000, no fsync (generated data). Returns the time and the bytes of
/// the originals.
fn generate(root: &Path, count: usize, paragraphs: usize) -> (Duration, u64) {
    let start = Instant::now();
    let lib = Library::open(root).expect("library").without_sync();
    let mut bytes = 0;
    for first in (0..count).step_by(1000) {
        let batch: Vec<NewStory> = (first..(first + 1000).min(count))
            .map(|n| {
                let story = gen_story(n, paragraphs);
                let original = text_dump(&story).into_bytes();
                bytes += original.len() as u64;
                NewStory::new(original, story)
            })
            .collect();
        lib.add(batch).expect("add");
    }
    (start.elapsed(), bytes)
}

/// Bytes of every file under `dir`: as their lengths say, and as the
/// blocks they take on disk.
fn disk_size(dir: &Path) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    let (mut len, mut used) = (0, 0);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let Ok(m) = e.metadata() else { continue };
            if m.is_dir() {
                stack.push(e.path());
            } else {
                len += m.len();
                used += m.blocks() * 512;
            }
        }
    }
    (len, used)
}

fn report_size(name: &str, root: &Path, originals: u64) {
    let (len, used) = disk_size(root);
    let db = std::fs::metadata(root.join("library.db")).map_or(0, |m| m.len());
    let mb = |b: u64| b as f64 / 1e6;
    println!(
        "{name:<46} {:>8.1} MB ({:.2}x the {:.1} MB of originals; database {:.1} MB, \
         {:.1} MB in disk blocks)   target <= 2x",
        mb(len),
        len as f64 / originals as f64,
        mb(originals),
        mb(db),
        mb(used)
    );
}

/// What a user waits for: open the library, read the catalog, build the
/// reader's state, draw the first frame.
fn first_frame(root: &Path) -> usize {
    let lib = Library::open(root).expect("library");
    let mut app = open_app(&lib, Vec::new()).expect("app");
    update(&mut app, Action::Resize(160, 45));
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("terminal");
    terminal
        .draw(|f| lede::tui::view::draw(f, &app))
        .expect("draw");
    app.shelf.entries.len()
}

fn report(name: &str, (median, min): (Duration, Duration), target: &str) {
    println!("{name:<46} median {median:>10.3?}   min {min:>10.3?}   {target}");
}

/// Time on the CPU of this thread (Linux: /proc/thread-self/schedstat):
/// what a run costs apart from waiting for a busy machine's cores.
fn thread_cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

/// `report` for single-threaded work, with its median CPU time too: on a
/// machine shared with other jobs the wall time says more about them.
fn report_cpu(name: &str, runs: usize, mut f: impl FnMut(), target: &str) {
    let mut cpu = Vec::new();
    let wall = time(runs, || {
        let start = thread_cpu();
        f();
        cpu.push(thread_cpu().saturating_sub(start));
    });
    cpu.sort();
    let (median, min) = wall;
    println!(
        "{name:<46} median {median:>10.3?}   min {min:>10.3?}   cpu {:>10.3?}   {target}",
        cpu[cpu.len() / 2]
    );
}

/// VmRSS and VmHWM of this process, in kB.
fn memory() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Resident memory of a fresh process after its first frame of `root`,
/// and after a search too.
fn memory_at_first_frame(root: &Path) -> Option<((u64, u64), (u64, u64))> {
    let exe = std::env::current_exe().ok()?;
    let out = Command::new(exe)
        .env(RSS_CHILD, root)
        .stderr(Stdio::inherit())
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut it = text.split_whitespace().filter_map(|w| w.parse().ok());
    Some(((it.next()?, it.next()?), (it.next()?, it.next()?)))
}

/// 1,000 pages to import: half saved HTML pages with the clutter real
/// pages carry, half plain-text dumps.
fn write_pages(dir: &Path, count: usize) {
    std::fs::create_dir_all(dir).expect("pages dir");
    let filler =
        "function track(e){window.dataLayer=window.dataLayer||[];dataLayer.push(e)}\n".repeat(120);
    for n in 0..count {
        let s = gen_story(1_000_000 + n, 10);
        let a = &s.article;
        let byline = a.byline.as_deref().unwrap_or("");
        let publisher = a.publisher.as_deref().unwrap_or("");
        let date = a.published.as_deref().unwrap_or("");
        if n.is_multiple_of(2) {
            let mut html = format!(
                "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
                 <title>{} | {publisher}</title><meta property=\"og:title\" content=\"{}\">\
                 <meta name=\"author\" content=\"{byline}\">\
                 <meta property=\"article:published_time\" content=\"{date}\">\
                 <script>{filler}</script><style>body{{margin:0}} .nav a{{color:#333}}</style></head>\
                 <body><header><nav class=\"nav\"><ul>",
                a.title, a.title
            );
            for i in 0..30 {
                let _ = write!(html, "<li><a href=\"/section/{i}\">Section {i}</a></li>");
            }
            let _ = write!(
                html,
                "</ul></nav></header><main><article><h1>{}</h1>\
                 <p class=\"byline\">{byline}</p><time datetime=\"{date}\">{date}</time>",
                a.title
            );
            for (i, b) in a.blocks.iter().enumerate() {
                let _ = write!(html, "<p>{}</p>", b.text);
                if i == 4 {
                    html.push_str(
                        "<figure><img src=\"/img/1.jpg\" alt=\"\"><figcaption>The harbour \
                         at dawn. Photo: Staff</figcaption></figure>\
                         <div class=\"ad\">Advertisement</div>",
                    );
                }
            }
            html.push_str("</article><aside class=\"related\"><h2>Most read</h2><ul>");
            for i in 0..10 {
                let _ = write!(
                    html,
                    "<li><a href=\"/story/{i}\">Another story about things number {i}</a></li>"
                );
            }
            html.push_str(
                "</ul></aside></main><footer><p>© Publisher. All rights reserved.</p>\
                 <a href=\"/privacy\">Privacy</a> <a href=\"/terms\">Terms</a></footer></body></html>",
            );
            std::fs::write(dir.join(format!("page-{n:04}.html")), html).expect("write page");
        } else {
            let mut text = format!("{}\n\n{byline}\n{publisher}, {date}\n\n", a.title);
            for b in &a.blocks {
                text.push_str(&b.text);
                text.push_str("\n\n");
            }
            std::fs::write(dir.join(format!("page-{n:04}.txt")), text).expect("write page");
        }
    }
}

/// `lede add DIR` through the release binary into `library`.
fn import(library: &Path, pages: &Path) -> Duration {
    let start = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_lede"))
        .env_remove("LEDE_LIBRARY")
        .arg("--library")
        .arg(library)
        .arg("add")
        .arg(pages)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("lede add runs");
    let took = start.elapsed();
    if !out.status.success() {
        eprintln!("lede add: {}", String::from_utf8_lossy(&out.stderr));
    }
    took
}

fn child(root: &Path) {
    first_frame(root);
    let (rss, hwm) = memory();
    // Then what the reader's filter costs on top: the worst search, a
    // word in every story, from another thread as the reader runs it.
    let lib = Library::open(root).expect("library");
    std::thread::spawn(move || lib.search_typing("budget", 50).map(|h| h.len()))
        .join()
        .ok();
    let (rss2, hwm2) = memory();
    println!("{rss} {hwm} {rss2} {hwm2}");
}

fn main() {
    if let Some(root) = std::env::var_os(RSS_CHILD) {
        child(Path::new(&root));
        return;
    }
    let all = Instant::now();
    let tmp = tempfile::tempdir().expect("temp dir");
    // 10,000 stories of about 600 words.
    let small = tmp.path().join("lib10k");
    if wanted("open") || wanted("search") || wanted("import") {
        let (took, originals) = generate(&small, 10_000, 10);
        println!("generated 10,000 stories (~600 words) in {took:.2?}");
        report_size("on disk, 10,000 stories", &small, originals);
    }
    if wanted("open") {
        bench_open(&small, &tmp.path().join("empty"));
    }
    if wanted("search") {
        bench_search(&small, "10,000");
    }
    if wanted("big") {
        bench_big();
    }
    if wanted("import") {
        bench_import(tmp.path(), &small);
    }
    if wanted("speakers") && !wanted("big") {
        // The big library has the lists measured already; else a lighter
        // one of the same number of stories (three paragraphs each).
        let root = tmp.path().join("people100k");
        let (took, _) = generate(&root, 100_000, 3);
        println!("generated 100,000 stories (~180 words) in {took:.2?}");
        bench_lists(&root);
    }
    println!("library bench done in {:.1?}", all.elapsed());
}

fn bench_open(small: &Path, empty: &Path) {
    assert_eq!(first_frame(small), 10_000);
    report_cpu(
        "first frame, 10,000 stories",
        7,
        || {
            first_frame(small);
        },
        "target <= 60 ms",
    );
    if let (Some(((rss, hwm), _)), Some(((rss0, _), _))) =
        (memory_at_first_frame(small), memory_at_first_frame(empty))
    {
        println!(
            "{:<46} VmRSS {:>6.1} MB   VmHWM {:>6.1} MB   (empty library: {:.1} MB)",
            "memory at first frame, 10,000 stories",
            rss as f64 / 1024.0,
            hwm as f64 / 1024.0,
            rss0 as f64 / 1024.0
        );
    }
}

/// Typical queries: a rarer word (in ~2% of stories), a name (~20%), a
/// full name as a phrase (~1%), an OR, a field filter. Common words of the generator sit
/// in every story; "budget" and "the" show that worst case apart.
const QUERIES: [&str; 5] = [
    "marsolvi",
    "lopez",
    "\"maria lopez\"",
    "marsolvi OR tudenur",
    "speaker:chen",
];

fn bench_search(root: &Path, size: &str) {
    let lib = Library::open(root).expect("library");
    println!("search: the whole of `lede search` in-process (ranked hits, 50 snippets)");
    for query in QUERIES {
        let n = lib.search_with_snippets(query, 50).expect("search").len();
        report_cpu(
            &format!("search {size}: {query} ({n} hits)"),
            9,
            || {
                lib.search_with_snippets(query, 50).expect("search");
            },
            "target <= 30 ms",
        );
    }
    for query in ["budget", "the"] {
        let n = lib.search_with_snippets(query, 50).expect("search").len();
        report_cpu(
            &format!("search {size}: {query} ({n} hits: a word in every story)"),
            3,
            || {
                lib.search_with_snippets(query, 50).expect("search");
            },
            "(worst case)",
        );
    }
    report(
        &format!("`lede search --limit 50 lopez`, {size} (binary)"),
        time(5, || {
            let out = Command::new(env!("CARGO_BIN_EXE_lede"))
                .env_remove("LEDE_LIBRARY")
                .arg("--library")
                .arg(root)
                .args(["search", "--limit", "50", "lopez"])
                .stdin(Stdio::null())
                .output()
                .expect("lede search runs");
            assert!(out.status.success());
        }),
        "",
    );
}

/// The 100,000-story library, generated once (about a minute) and kept
/// in cargo's target tmp dir for the next runs. Its name holds a hash of
/// the schema, so a schema change generates it afresh; LEDE_BENCH_FRESH=1
/// does too (do that after changing how stories are stored). Returns its folder and the bytes of its originals.
fn cached_big() -> (PathBuf, u64) {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (
        BIG_VERSION,
        lede::library::db::SCHEMA_VERSION,
        include_str!("../src/library/schema.sql"),
        include_str!("../src/library/schema_v2.sql"),
    )
        .hash(&mut h);
    let parent = Path::new(env!("CARGO_TARGET_TMPDIR")).join("lede-bench");
    let name = format!("lib100k-{:016x}", h.finish());
    let big = parent.join(&name);
    let done = big.join(".bench-originals");
    let fresh = std::env::var_os("LEDE_BENCH_FRESH").is_some();
    if !fresh
        && let Some(bytes) = std::fs::read_to_string(&done)
            .ok()
            .and_then(|s| s.trim().parse().ok())
    {
        println!("reusing the 100,000-story library in {}", big.display());
        return (big, bytes);
    }
    // Older generations (another schema) and any half-made one go.
    for e in std::fs::read_dir(&parent).into_iter().flatten().flatten() {
        if e.file_name().to_string_lossy().starts_with("lib100k-") {
            drop(std::fs::remove_dir_all(e.path()));
        }
    }
    let (took, originals) = generate(&big, 100_000, 10);
    println!("generated 100,000 stories (~600 words) in {took:.2?}");
    std::fs::write(&done, originals.to_string()).expect("bench marker");
    (big, originals)
}

/// Bump when the generated stories or the way they are stored change.
const BIG_VERSION: u32 = 3;

/// 100,000 full-length stories: first frame, memory, search, size.
fn bench_big() {
    let (big, originals) = cached_big();
    let big = big.as_path();
    report_size("on disk, 100,000 stories", big, originals);
    assert_eq!(first_frame(big), 100_000);
    report_cpu(
        "first frame, 100,000 stories",
        5,
        || {
            first_frame(big);
        },
        "target <= 250 ms",
    );
    if let Some(((rss, hwm), (rss2, hwm2))) = memory_at_first_frame(big) {
        let mb = |kb: u64| kb as f64 / 1024.0;
        println!(
            "{:<46} VmRSS {:>6.1} MB   VmHWM {:>6.1} MB   target <= 80 MB",
            "memory at first frame, 100,000 stories",
            mb(rss),
            mb(hwm)
        );
        println!(
            "{:<46} VmRSS {:>6.1} MB   VmHWM {:>6.1} MB   target <= 80 MB",
            "... then searching a word in every story",
            mb(rss2),
            mb(hwm2)
        );
    }
    bench_search(big, "100,000");
    bench_lists(big);
}

/// `lede add` of 1,000 pages, HTML and text, into new libraries and into
/// the 10,000-story one.
fn bench_import(tmp: &Path, small: &Path) {
    // Kept in target/tmp after the run, to profile `lede add` on them.
    let pages = Path::new(env!("CARGO_TARGET_TMPDIR")).join("lede-bench/pages");
    drop(std::fs::remove_dir_all(&pages));
    write_pages(&pages, 1000);
    let (pages_len, _) = disk_size(&pages);
    for run in 1..=3 {
        let library = tmp.join(format!("import{run}"));
        let took = import(&library, &pages);
        let count = Library::open(&library)
            .and_then(|l| l.catalog())
            .map_or(0, |c| c.len());
        println!(
            "{:<46} {took:>10.3?}   {:>6.0} pages/s   target >= 500 pages/s  ({count} stored)",
            format!("lede add 1,000 pages, run {run}"),
            1000.0 / took.as_secs_f64()
        );
        if run == 1 {
            report_size("on disk, 1,000 imported pages", &library, pages_len);
        }
    }
    let took = import(small, &pages);
    println!(
        "{:<46} {took:>10.3?}   {:>6.0} pages/s",
        "lede add 1,000 pages into the 10,000 library",
        1000.0 / took.as_secs_f64()
    );
}

/// The reader's lists across 100,000 stories, as a user waits for them:
/// the library's answer, then the update and the frame that show it.
fn bench_lists(root: &Path) {
    use lede::tui::people::PlacesOf;
    let lib = Library::open(root).expect("library");
    let mut app = open_app(&lib, Vec::new()).expect("app");
    update(&mut app, Action::Resize(160, 45));
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("terminal");
    let speakers = lib.speakers().expect("speakers");
    let top = speakers
        .first()
        .map(|s| s.speaker.clone())
        .unwrap_or_default();
    let quoted = speakers.first().map_or(0, |s| s.quotes);
    let top_also = speakers.first().map(|s| s.also.clone()).unwrap_or_default();
    println!(
        "lists: {} speakers, the most quoted ({top}) {quoted} times",
        speakers.len()
    );
    report_cpu(
        "speakers view, 100,000 stories",
        5,
        || {
            // From the stories each time (p on the speakers goes back).
            app.lib_tab = lede::tui::people::LibTab::Stories;
            update(&mut app, Action::ShowSpeakers);
            let found = lib.speakers().map_err(|e| e.to_string());
            update(&mut app, Action::SpeakersFound(found));
            terminal
                .draw(|f| lede::tui::view::draw(f, &app))
                .expect("draw");
        },
        "target <= 100 ms",
    );
    report_cpu(
        &format!("a speaker's quotes ({quoted}), 100,000 stories"),
        9,
        || {
            update(&mut app, Action::Open);
            let of = PlacesOf::Speaker {
                name: top.clone(),
                also: top_also.clone(),
            };
            let names = lede::library::forms(&top, &top_also);
            let places = lib.quotes_by(&names).map_err(|e| e.to_string());
            update(&mut app, Action::PlacesFound { of, places });
            terminal
                .draw(|f| lede::tui::view::draw(f, &app))
                .expect("draw");
            update(&mut app, Action::Back);
        },
        "target <= 50 ms",
    );
    assert_eq!(app.lib_tab, lede::tui::people::LibTab::Speakers);
    let rare = speakers
        .last()
        .map(lede::library::SpeakerCount::names)
        .unwrap_or_default();
    report_cpu(
        "a rarely quoted speaker's quotes",
        9,
        || {
            lib.quotes_by(&rare).expect("quotes");
        },
        "",
    );
    let n = lib
        .stories_with_figure(FigureKind::Money, 5e6, Some("USD"))
        .expect("figure")
        .len();
    report_cpu(
        &format!("stories with a figure ({n}), 100,000 stories"),
        9,
        || {
            lib.stories_with_figure(FigureKind::Money, 5e6, Some("USD"))
                .expect("figure");
        },
        "target <= 50 ms",
    );
}
