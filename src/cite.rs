//! Citations: a quote or a figure together with where it came from, in the
//! forms a reporter pastes: one line, Markdown, CSV (RFC 4180) and JSON
//! Lines. Pure: the caller gathers the records, this module only writes.

use serde::Serialize;
use std::io::{self, Write};

/// What a citation holds.
#[derive(Serialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Item {
    Quote,
    Figure,
}

/// One quote or figure with its full citation. Field order is the CSV
/// column order.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct Citation {
    pub item: Item,
    /// Who said it (quotes only).
    pub speaker: Option<String>,
    /// The quote's words or the figure as written.
    pub text: String,
    /// money, percent, count... (figures only).
    pub figure_kind: Option<String>,
    pub value: Option<f64>,
    pub unit: Option<String>,
    pub title: String,
    pub publisher: Option<String>,
    pub byline: Option<String>,
    /// ISO date of publication, when the story has a trusted one.
    pub published: Option<String>,
    /// The story's URL, else the file it was imported from.
    pub source: Option<String>,
    pub story_id: String,
    /// Where in the story: block index and byte offset into its text.
    pub block: usize,
    pub offset: usize,
}

impl Citation {
    /// "Speaker, “Title”, Publisher, 2024-05-01, https://…": the parts the
    /// record has, in the order a reference is read.
    pub fn line(&self) -> String {
        let title = (!self.title.is_empty()).then(|| format!("“{}”", self.title));
        [
            self.speaker.clone(),
            title,
            self.publisher.clone(),
            self.published.as_deref().map(day),
            self.source.clone(),
        ]
        .into_iter()
        .flatten()
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join(", ")
    }

    /// Where the record stands, for finding it again in lede.
    fn locator(&self) -> String {
        format!(
            "story {}, block {}, offset {}",
            self.story_id, self.block, self.offset
        )
    }

    /// "$5bn (money: 5000000000 USD)": a figure with what lede read in it.
    fn figure_label(&self) -> String {
        let mut read = Vec::new();
        if let Some(kind) = &self.figure_kind {
            read.push(kind.clone());
        }
        let value = self.value.map(format_value);
        // "12%" needs no "12 %" after it: the percent sign is the kind.
        let unit = self.unit.clone().filter(|u| u != "%");
        let detail = [value, unit]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        if !detail.is_empty() {
            read.push(detail);
        }
        if read.is_empty() {
            self.text.clone()
        } else {
            format!("{} ({})", self.text, read.join(": "))
        }
    }
}

/// The day of an ISO date-time ("2024-03-02T08:00:00Z" -> "2024-03-02").
fn day(iso: &str) -> String {
    match iso.get(..10) {
        Some(d) if iso.len() > 10 && iso.as_bytes()[10] == b'T' => d.to_string(),
        _ => iso.to_string(),
    }
}

/// A value as people write it: no trailing ".0", no exponent.
fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        format!("{v}")
    }
}

/// Plain text: the quote or figure, then its citation line, indented.
pub fn write_text(out: &mut impl Write, items: &[Citation]) -> io::Result<()> {
    for c in items {
        match c.item {
            Item::Quote => writeln!(out, "“{}”", c.text)?,
            Item::Figure => writeln!(out, "{}", c.figure_label())?,
        }
        writeln!(out, "    — {}  [{}]", c.line(), c.locator())?;
    }
    Ok(())
}

/// Markdown: a blockquote per quote (every line of it quoted) with its
/// citation line; figures as list items with theirs.
pub fn write_markdown(out: &mut impl Write, items: &[Citation]) -> io::Result<()> {
    for c in items {
        match c.item {
            Item::Quote => {
                for line in c.text.lines() {
                    writeln!(out, "> {}", markdown_escape(line))?;
                }
                writeln!(out, ">")?;
                writeln!(out, "> — {}", markdown_escape(&c.line()))?;
            }
            Item::Figure => {
                writeln!(
                    out,
                    "- **{}** — {}",
                    markdown_escape(&c.figure_label()),
                    markdown_escape(&c.line())
                )?;
            }
        }
        writeln!(out, "<!-- {} -->", c.locator())?;
        writeln!(out)?;
    }
    Ok(())
}

/// Characters that would turn a story's words into Markdown structure
/// (emphasis, links, HTML) are escaped so the text reads as written.
fn markdown_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if matches!(
            ch,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// CSV per RFC 4180 (header row, CRLF line ends, fields quoted as needed).
/// A text cell that a spreadsheet would run as a formula (=, +, -, @ first)
/// gets a leading apostrophe, unless it is a plain number.
pub fn write_csv(out: impl Write, items: &[Citation]) -> io::Result<()> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    for c in items {
        let mut safe = c.clone();
        for cell in [
            Some(&mut safe.text),
            safe.speaker.as_mut(),
            Some(&mut safe.title),
            safe.publisher.as_mut(),
            safe.byline.as_mut(),
            safe.source.as_mut(),
        ]
        .into_iter()
        .flatten()
        {
            defuse_formula(cell);
        }
        w.serialize(&safe).map_err(io::Error::other)?;
    }
    w.flush()
}

fn defuse_formula(cell: &mut String) {
    let risky = cell
        .chars()
        .next()
        .is_some_and(|c| matches!(c, '=' | '+' | '-' | '@' | '\t' | '\r'));
    if risky && cell.trim().parse::<f64>().is_err() {
        cell.insert(0, '\'');
    }
}

/// JSON Lines: one object per citation.
pub fn write_json(out: &mut impl Write, items: &[Citation]) -> io::Result<()> {
    for c in items {
        serde_json::to_writer(&mut *out, c)?;
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote() -> Citation {
        Citation {
            item: Item::Quote,
            speaker: Some("Jane Doe".into()),
            text: "We will not back down, \"ever\".".into(),
            figure_kind: None,
            value: None,
            unit: None,
            title: "Harbour tolls rise".into(),
            publisher: Some("The Gazette".into()),
            byline: Some("A. Writer".into()),
            published: Some("2024-05-01".into()),
            source: Some("https://example.com/a".into()),
            story_id: "3fa9c0de12345678".into(),
            block: 4,
            offset: 120,
        }
    }

    fn figure() -> Citation {
        Citation {
            item: Item::Figure,
            speaker: None,
            text: "$5bn".into(),
            figure_kind: Some("money".into()),
            value: Some(5e9),
            unit: Some("USD".into()),
            ..quote()
        }
    }

    #[test]
    fn line_names_what_the_record_has() {
        assert_eq!(
            quote().line(),
            "Jane Doe, “Harbour tolls rise”, The Gazette, 2024-05-01, https://example.com/a"
        );
        let bare = Citation {
            speaker: None,
            publisher: None,
            published: None,
            source: None,
            ..quote()
        };
        assert_eq!(bare.line(), "“Harbour tolls rise”");
    }

    #[test]
    fn csv_round_trips_through_a_csv_reader() {
        let mut buf = Vec::new();
        write_csv(&mut buf, &[quote(), figure()]).unwrap();
        let text = String::from_utf8(buf.clone()).unwrap();
        assert!(text.contains("\r\n"), "RFC 4180 line ends");
        let mut r = csv::Reader::from_reader(&buf[..]);
        let header = r.headers().unwrap().clone();
        assert_eq!(&header[0], "item");
        assert_eq!(&header[2], "text");
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(&rows[0][2], "We will not back down, \"ever\".");
        assert_eq!(&rows[0][1], "Jane Doe");
        assert_eq!(&rows[1][0], "figure");
        assert_eq!(rows[1][4].parse::<f64>().unwrap(), 5e9);
        assert_eq!(&rows[1][13], "120");
    }

    #[test]
    fn csv_cells_never_start_a_formula() {
        let hostile = Citation {
            text: "=HYPERLINK(\"http://x\")".into(),
            speaker: Some("@someone".into()),
            ..quote()
        };
        let negative = Citation {
            text: "-5".into(),
            ..figure()
        };
        let mut buf = Vec::new();
        write_csv(&mut buf, &[hostile, negative]).unwrap();
        let mut r = csv::Reader::from_reader(&buf[..]);
        let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
        assert_eq!(&rows[0][2], "'=HYPERLINK(\"http://x\")");
        assert_eq!(&rows[0][1], "'@someone");
        assert_eq!(&rows[1][2], "-5", "a plain number is left alone");
    }

    #[test]
    fn json_lines_parse_back() {
        let mut buf = Vec::new();
        write_json(&mut buf, &[quote(), figure()]).unwrap();
        let lines: Vec<serde_json::Value> = String::from_utf8(buf)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["speaker"], "Jane Doe");
        assert_eq!(lines[0]["item"], "quote");
        assert_eq!(lines[1]["value"], 5e9);
        assert_eq!(lines[1]["offset"], 120);
    }

    #[test]
    fn markdown_is_a_blockquote_with_its_citation() {
        let mut multi = quote();
        multi.text = "First line.\nSecond *line*.".into();
        let mut buf = Vec::new();
        write_markdown(&mut buf, &[multi, figure()]).unwrap();
        let md = String::from_utf8(buf).unwrap();
        assert_eq!(
            md,
            "> First line.\n> Second \\*line\\*.\n>\n\
             > — Jane Doe, “Harbour tolls rise”, The Gazette, 2024-05-01, https://example.com/a\n\
             <!-- story 3fa9c0de12345678, block 4, offset 120 -->\n\n\
             - **$5bn (money: 5000000000 USD)** — “Harbour tolls rise”, The Gazette, 2024-05-01, https://example.com/a\n\
             <!-- story 3fa9c0de12345678, block 4, offset 120 -->\n\n"
        );
    }

    #[test]
    fn text_puts_the_citation_under_the_words() {
        let mut buf = Vec::new();
        write_text(&mut buf, &[quote()]).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert!(text.starts_with("“We will not back down, \"ever\".”\n    — Jane Doe"));
        assert!(
            text.trim_end()
                .ends_with("[story 3fa9c0de12345678, block 4, offset 120]")
        );
    }
}
