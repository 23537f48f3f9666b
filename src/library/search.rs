//! Searching the whole library with SQLite's FTS5: whole words and their
//! prefixes (`harb*`), phrases in quotes, OR and NOT (or `-word`), field
//! filters (`title:`, `speaker:`, `quote:`, `byline:`, `publisher:`,
//! `body:`), BM25 ranking with titles, speakers and quotes weighed above
//! the body (see the schema), snippets with the matches marked.

use super::db::db_err;
use super::store::{Library, LibraryError};
use rusqlite::params;

/// The searchable parts of a story, as the index's columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Title,
    Byline,
    Publisher,
    Speaker,
    Quote,
    Body,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::Title,
        Field::Byline,
        Field::Publisher,
        Field::Speaker,
        Field::Quote,
        Field::Body,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Byline => "byline",
            Field::Publisher => "publisher",
            Field::Speaker => "speaker",
            Field::Quote => "quote",
            Field::Body => "body",
        }
    }

    /// The index column (see the schema's `search` table).
    fn column(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Byline => "byline",
            Field::Publisher => "publisher",
            Field::Speaker => "speakers",
            Field::Quote => "quoted",
            Field::Body => "body",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The field a `name:` filter names (plurals too).
    fn from_filter(name: &str) -> Option<Field> {
        Some(match name.to_lowercase().as_str() {
            "title" => Field::Title,
            "byline" | "by" | "author" => Field::Byline,
            "publisher" | "outlet" => Field::Publisher,
            "speaker" | "speakers" => Field::Speaker,
            "quote" | "quotes" => Field::Quote,
            "body" | "text" => Field::Body,
            _ => return None,
        })
    }
}

/// The order in which a hit's field is told: the most telling first.
const PRIORITY: [Field; 6] = [
    Field::Title,
    Field::Speaker,
    Field::Quote,
    Field::Byline,
    Field::Publisher,
    Field::Body,
];

/// One story that matches, where, and the words around the match.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub field: Field,
    pub snippet: String,
    /// Byte ranges of the matched words in `snippet`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<(usize, usize)>,
}

/// Words the snippet shows around the match.
const SNIPPET_TOKENS: usize = 20;
/// Marks FTS5 puts around a match in a snippet: control characters that
/// sanitized text never holds.
const OPEN: char = '\u{2}';
const CLOSE: char = '\u{3}';

#[derive(Debug, PartialEq)]
enum Token {
    /// A word or phrase, maybe filtered to a field, maybe a prefix.
    Term {
        text: String,
        field: Option<Field>,
        prefix: bool,
        negated: bool,
    },
    Or,
    Not,
}

/// Split what the user typed into terms and operators.
fn tokenize(q: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = q.chars().peekable();
    let mut negated = false;
    let mut field = None;
    while let Some(&c) = chars.peek() {
        if c.is_whitespace() || c == '(' || c == ')' {
            chars.next();
            continue;
        }
        let mut term = String::new();
        let mut quoted = false;
        if c == '"' {
            chars.next();
            quoted = true;
            for c in chars.by_ref() {
                if c == '"' {
                    break;
                }
                term.push(c);
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c.is_whitespace() || c == '"' || c == '(' || c == ')' {
                    break;
                }
                term.push(c);
                chars.next();
                // `speaker:"maria lopez"` and `title:harbour`.
                if c == ':'
                    && let Some(f) = Field::from_filter(&term[..term.len() - 1])
                {
                    field = Some(f);
                    term.clear();
                    if chars.peek() == Some(&'"') {
                        break;
                    }
                }
            }
            if term.is_empty() {
                continue;
            }
            if field.is_none() && !negated {
                match term.as_str() {
                    "OR" => {
                        out.push(Token::Or);
                        continue;
                    }
                    "NOT" => {
                        out.push(Token::Not);
                        continue;
                    }
                    "AND" => continue,
                    _ => {}
                }
            }
            if term.len() > 1
                && let Some(rest) = term.strip_prefix('-')
            {
                term = rest.to_string();
                negated = true;
            }
        }
        let prefix = if !quoted && term.ends_with('*') {
            term.truncate(term.trim_end_matches('*').len());
            true
        } else {
            quoted && chars.peek() == Some(&'*') && chars.next().is_some()
        };
        // A term with no letter or digit holds no word to find.
        if term.chars().any(char::is_alphanumeric) {
            out.push(Token::Term {
                text: term,
                field: field.take(),
                prefix,
                negated: std::mem::take(&mut negated),
            });
        }
        field = None;
        negated = false;
    }
    out
}

/// The FTS5 expression for what the user typed: every term quoted (so no
/// character of theirs is syntax), terms joined by AND, OR between the
/// terms it stands between, NOT and `-` leaving out. None when nothing
/// is left to find.
fn fts_query(q: &str) -> Option<String> {
    let mut groups: Vec<Vec<String>> = Vec::new();
    let mut excluded: Vec<String> = Vec::new();
    let mut or = false;
    let mut not = false;
    for token in tokenize(q) {
        match token {
            Token::Or => or = true,
            Token::Not => not = true,
            Token::Term {
                text,
                field,
                prefix,
                negated,
            } => {
                let mut expr = format!("\"{}\"", text.replace('"', "\"\""));
                if prefix {
                    expr.push('*');
                }
                if let Some(f) = field {
                    expr = format!("{} : {expr}", f.column());
                }
                if negated || std::mem::take(&mut not) {
                    excluded.push(expr);
                } else if std::mem::take(&mut or)
                    && let Some(last) = groups.last_mut()
                {
                    last.push(expr);
                } else {
                    groups.push(vec![expr]);
                }
                or = false;
            }
        }
    }
    if groups.is_empty() {
        return None;
    }
    let mut out = groups
        .iter()
        .map(|g| format!("({})", g.join(" OR ")))
        .collect::<Vec<_>>()
        .join(" AND ");
    for e in excluded {
        out = format!("({out}) NOT {e}");
    }
    Some(out)
}

/// `fts_query` for a query still being typed: its last word is a prefix.
fn typing_query(q: &str) -> String {
    let last = q.split_whitespace().last().unwrap_or("");
    let ends_in_word = q.chars().last().is_some_and(char::is_alphanumeric)
        && !matches!(last, "OR" | "AND" | "NOT");
    if ends_in_word {
        format!("{q}*")
    } else {
        q.to_string()
    }
}

impl Library {
    /// Stories matching `query`, best first (BM25, ties newest first),
    /// each with a snippet.
    pub fn search(&self, query: &str) -> Result<Vec<Hit>, LibraryError> {
        self.search_with_snippets(query, usize::MAX)
    }

    /// `search`, as the reader's filter asks while the user types: the
    /// last word matches as a prefix too (`harb` finds "harbour").
    pub fn search_typing(&self, query: &str, snippets: usize) -> Result<Vec<Hit>, LibraryError> {
        self.search_with_snippets(&typing_query(query), snippets)
    }

    /// `search`, with snippets for the first `snippets` hits only (the
    /// others say Body with an empty snippet): what a screen shows costs
    /// the same whether a query matches ten stories or ten thousand.
    pub fn search_with_snippets(
        &self,
        query: &str,
        snippets: usize,
    ) -> Result<Vec<Hit>, LibraryError> {
        self.search_best(query, usize::MAX, snippets)
    }

    /// The `limit` best hits only, the first `snippets` with snippets
    /// (`lede search --limit`): the rest are ranked but never read.
    pub fn search_best(
        &self,
        query: &str,
        limit: usize,
        snippets: usize,
    ) -> Result<Vec<Hit>, LibraryError> {
        let Some(expr) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let Some(conn) = self.conn(false)? else {
            return Ok(Vec::new());
        };
        let db_path = conn.path.clone();
        let err = db_err(&db_path);
        // Ranked here, not by ORDER BY: with one, FTS5 runs its own sorter
        // (ORDER BY rank) or SQLite a top-N sorter (any LIMIT), and either
        // costs more than the ranking itself when a word is in 20,000
        // stories; sorting the (rank, sid) pairs in Rust is a millisecond.
        let mut stmt = conn
            .prepare_cached(
                "SELECT s.id, s.title, s.sid, search.rank FROM search \
                 JOIN stories s ON s.sid = search.rowid WHERE search MATCH ?1",
            )
            .map_err(&err)?;
        let mut rows: Vec<(String, String, i64, f64)> = stmt
            .query_map(params![&expr], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .map_err(&err)?
            .collect::<Result<_, _>>()
            .map_err(&err)?;
        // BM25 is lower for better matches; ties go to the newest.
        rows.sort_unstable_by(|a, b| a.3.total_cmp(&b.3).then(b.2.cmp(&a.2)));
        rows.truncate(limit);
        let mut snip = conn.prepare_cached(&snippet_sql()).map_err(&err)?;
        let mut hits = Vec::with_capacity(rows.len());
        for (n, (id, title, sid, _)) in rows.into_iter().enumerate() {
            let (field, snippet, marks) = if n < snippets {
                let raw: Option<String> = snip
                    .query_row(params![&expr, sid], |r| r.get(0))
                    .map_err(&err)?;
                best_snippet(raw.as_deref().unwrap_or(""))
            } else {
                (Field::Body, String::new(), Vec::new())
            };
            hits.push(Hit {
                id,
                title,
                field,
                snippet,
                marks,
            });
        }
        Ok(hits)
    }
}

/// The snippet of a hit's most telling field that holds a match (see
/// PRIORITY), prefixed with the field's index. SQLite evaluates a CASE
/// lazily, so the body, the one long field, is cut only when no other
/// field matched: a name found among the speakers costs no scan of the
/// text. (A short field's snippet is made twice, to test and to return.)
fn snippet_sql() -> String {
    let snippet = |f: Field| {
        format!(
            "snippet(search, {}, char(2), char(3), '…', {SNIPPET_TOKENS})",
            f.index()
        )
    };
    let mut sql = String::from("SELECT CASE");
    for f in PRIORITY.iter().filter(|f| **f != Field::Body) {
        let s = snippet(*f);
        sql += &format!(" WHEN instr({s}, char(2)) THEN '{}' || {s}", f.index());
    }
    sql += &format!(
        " ELSE '{}' || {} END FROM search WHERE search MATCH ?1 AND rowid = ?2",
        Field::Body.index(),
        snippet(Field::Body)
    );
    sql
}

/// `snippet_sql`'s answer read: the field, and its snippet tidied; Body
/// with no snippet when no field holds a marked match.
fn best_snippet(raw: &str) -> (Field, String, Vec<(usize, usize)>) {
    let field = raw
        .get(..1)
        .and_then(|d| d.parse::<usize>().ok())
        .and_then(|i| Field::ALL.get(i).copied());
    match field {
        Some(field) if raw.contains(OPEN) => {
            let (s, m) = tidy_snippet(&raw[1..]);
            (field, s, m)
        }
        _ => (Field::Body, String::new(), Vec::new()),
    }
}

/// Keep the line (block, quote, name) of the first match, collapse its
/// whitespace, and turn the marks into byte ranges.
fn tidy_snippet(raw: &str) -> (String, Vec<(usize, usize)>) {
    let first = raw.find(OPEN).unwrap_or(0);
    let start = raw[..first].rfind('\n').map_or(0, |p| p + 1);
    let end = raw[first..].find('\n').map_or(raw.len(), |p| first + p);
    let mut line = raw[start..end].trim().to_string();
    if start > 0 {
        line.insert(0, '…');
    }
    if end < raw.len() {
        line.push('…');
    }
    let mut out = String::with_capacity(line.len());
    let mut marks = Vec::new();
    let mut open = None;
    let mut space = false;
    for c in line.chars() {
        match c {
            OPEN => open = Some(out.len() + usize::from(space && !out.is_empty())),
            CLOSE => {
                if let Some(s) = open.take() {
                    marks.push((s, out.len()));
                }
            }
            c if c.is_whitespace() => space = true,
            c => {
                if std::mem::take(&mut space) && !out.is_empty() {
                    out.push(' ');
                }
                out.push(c);
            }
        }
    }
    (out, marks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Article, Block, Quote, QuoteKind, Span, Story};
    use crate::library::NewStory;

    #[test]
    fn queries_become_safe_fts5_expressions() {
        assert_eq!(fts_query("harbour").as_deref(), Some("(\"harbour\")"));
        assert_eq!(
            fts_query("harb* tolls").as_deref(),
            Some("(\"harb\"*) AND (\"tolls\")")
        );
        assert_eq!(
            fts_query("\"absolutely right\"").as_deref(),
            Some("(\"absolutely right\")")
        );
        assert_eq!(
            fts_query("ferry OR bridge -toll").as_deref(),
            Some("((\"ferry\" OR \"bridge\")) NOT \"toll\"")
        );
        assert_eq!(
            fts_query("budget NOT council").as_deref(),
            Some("((\"budget\")) NOT \"council\"")
        );
        assert_eq!(
            fts_query("speaker:\"maria lopez\" title:budget").as_deref(),
            Some("(speakers : \"maria lopez\") AND (title : \"budget\")")
        );
        // Syntax of FTS5 typed by the user is only text.
        assert_eq!(
            fts_query("a\"b c:d NEAR( -").as_deref(),
            Some("(\"a\") AND (\"b c:d NEAR( -\")")
        );
        assert_eq!(fts_query("  "), None);
        assert_eq!(fts_query("-toll"), None);
        assert_eq!(fts_query("— &"), None);
    }

    #[test]
    fn snippets_keep_the_matching_line_with_marks() {
        let (s, m) = tidy_snippet("…end of one.\nThe \u{2}harbour\u{3}  board\nnext…");
        assert_eq!(s, "…The harbour board…");
        assert_eq!(&s[m[0].0..m[0].1], "harbour");
    }

    fn story(title: &str, body: &str, quote: Option<(&str, &str)>) -> NewStory {
        let mut s = Story {
            article: Article {
                title: title.into(),
                byline: Some("Ann Writer".into()),
                publisher: Some("The Coastal Herald".into()),
                blocks: vec![Block::paragraph(body)],
                ..Article::default()
            },
            ..Story::default()
        };
        if let Some((text, speaker)) = quote {
            let start = body.find(text).unwrap_or(0);
            s.quotes.push(Quote {
                text: text.into(),
                speaker: Some(speaker.into()),
                canonical_speaker: Some(speaker.into()),
                kind: QuoteKind::Direct,
                span: Span {
                    block: 0,
                    start,
                    end: start + text.len(),
                },
            });
        }
        let original = format!("{title}\n{body}").into_bytes();
        NewStory::new(original, s)
    }

    fn fixture() -> (tempfile::TempDir, Library) {
        let dir = tempfile::tempdir().unwrap();
        let lib = Library::open(dir.path()).unwrap();
        lib.add(vec![
            story(
                "Harbour works delayed",
                "Engineers warned of delays to the harbour.",
                None,
            ),
            story(
                "Budget passes",
                "The council voted. “Tolls will rise in Spring,” said the mayor. You are absolutely right, he added.",
                Some(("Tolls will rise in Spring,", "Maria Lopez")),
            ),
            story("Élan vital", "Une histoire d’ÉTÉ à Zürich.", None),
        ])
        .unwrap();
        (dir, lib)
    }

    fn fields(lib: &Library, q: &str) -> Vec<(String, Field)> {
        lib.search(q)
            .unwrap()
            .into_iter()
            .map(|h| (h.title, h.field))
            .collect()
    }

    #[test]
    fn finds_each_field_and_says_where() {
        let (_dir, lib) = fixture();
        let one = |t: &str, f| vec![(t.to_string(), f)];
        assert_eq!(
            fields(&lib, "HARBOUR"),
            [("Harbour works delayed".to_string(), Field::Title),]
        );
        assert_eq!(fields(&lib, "lopez"), one("Budget passes", Field::Speaker));
        assert_eq!(fields(&lib, "tolls"), one("Budget passes", Field::Quote));
        assert_eq!(
            fields(&lib, "council voted"),
            one("Budget passes", Field::Body)
        );
        // Accents and case fold away.
        assert_eq!(fields(&lib, "ete zurich"), one("Élan vital", Field::Body));
        assert_eq!(fields(&lib, "élan"), one("Élan vital", Field::Title));
        // Whole words, or prefixes when asked.
        assert!(fields(&lib, "harb").is_empty());
        assert_eq!(fields(&lib, "harb*").len(), 1);
        // Every word must match; an empty query matches nothing.
        assert!(fields(&lib, "harbour budget").is_empty());
        assert!(fields(&lib, "  ").is_empty());
        // Phrases, OR, NOT, field filters.
        assert_eq!(fields(&lib, "\"absolutely right\"").len(), 1);
        assert!(fields(&lib, "\"right absolutely\"").is_empty());
        assert_eq!(fields(&lib, "harbour OR zurich").len(), 2);
        assert_eq!(fields(&lib, "harbour OR zurich -delays").len(), 1);
        assert_eq!(fields(&lib, "speaker:lopez").len(), 1);
        assert!(fields(&lib, "title:lopez").is_empty());
        assert_eq!(fields(&lib, "publisher:\"coastal herald\"").len(), 3);
        // The reader's filter while typing: the last word is a prefix.
        assert_eq!(lib.search_typing("harb", 10).unwrap().len(), 1);
        assert_eq!(lib.search_typing("zurich OR harb", 10).unwrap().len(), 2);
        assert_eq!(lib.search_typing("harbour OR", 10).unwrap().len(), 1);
    }

    #[test]
    fn titles_rank_above_bodies() {
        let (_dir, lib) = fixture();
        lib.add(vec![story(
            "Ferry news",
            "The harbour harbour harbour was busy.",
            None,
        )])
        .unwrap();
        let hits = fields(&lib, "harbour");
        assert_eq!(hits[0], ("Harbour works delayed".into(), Field::Title));
        assert_eq!(hits.len(), 2);
    }

    #[test]
    fn snippets_show_the_words_around_the_match() {
        let (_dir, lib) = fixture();
        let hits = lib.search("voted").unwrap();
        let h = &hits[0];
        assert!(h.snippet.starts_with("The council voted."), "{}", h.snippet);
        assert_eq!(&h.snippet[h.marks[0].0..h.marks[0].1], "voted");
        let long = "word ".repeat(100) + "needle " + &"more ".repeat(100);
        lib.add(vec![story("Long", &long, None)]).unwrap();
        let hits = lib.search("needle").unwrap();
        let s = &hits[0].snippet;
        assert!(
            s.starts_with("…word") && s.ends_with("more…") && s.contains("needle"),
            "{s}"
        );
        assert!(s.len() < 160, "{s}");
    }

    #[test]
    fn removed_stories_leave_the_results() {
        let (_dir, lib) = fixture();
        let id = lib.search("harbour").unwrap()[0].id.clone();
        lib.remove(&id).unwrap();
        assert!(lib.search("harbour").unwrap().is_empty());
        assert_eq!(lib.search("budget").unwrap().len(), 1);
    }
}
