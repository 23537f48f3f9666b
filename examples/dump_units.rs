//! Print the units of a text dump with their kinds and the layout the
//! cleaner found. Usage: cargo run --release --example dump_units -- FILE

fn main() {
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        for line in lede::ingest::text::debug_units(&text) {
            println!("{line}");
        }
    }
}
