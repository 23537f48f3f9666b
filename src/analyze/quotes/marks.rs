//! Quote-mark detection in one block: which marks open and close a quotation,
//! which are apostrophes, and where each top-level quotation's words stand.

/// A quotation found in a block: byte offsets of its words (marks excluded),
/// and of the marks around them (`outer`, end = block end when unclosed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Marked {
    pub start: usize,
    pub end: usize,
    pub outer_start: usize,
    pub outer_end: usize,
    pub closed: bool,
    /// Typewriter '' quotations: read so that the quotes nested in them are
    /// not taken for top-level ones, but not reported. Archive exports that
    /// use '' carry no reliable quotation marks (gold sets skip them).
    pub hidden: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

#[derive(Clone, Copy, Debug)]
struct Open {
    family: Family,
    /// The mark that opened it (decides which marks close it).
    mark: char,
    at: usize,
    inner: usize,
}

/// Words that start with an elision mark, not an opening quote: ’90s, ’em.
const ELISIONS: &[&str] = &[
    "em", "til", "tis", "twas", "cause", "n", "round", "bout", "nuff", "cos", "ello",
];

fn is_word(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

fn is_space_or_none(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

/// Before an opening mark: start, space or opening punctuation.
fn opens_after(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '—' | '–' | '-' | '/' | '“' | '‘' | '"' | '\'' | '«' | '„' | ':'
                )
        }
    }
}

/// After a closing mark: end, space or punctuation.
fn closes_before(next: Option<char>) -> bool {
    match next {
        None => true,
        Some(c) => !c.is_alphanumeric(),
    }
}

/// Is the single mark at `at` an elision (’90s, ’em, rock ’n’ roll)?
fn is_elision(text: &str, after: usize) -> bool {
    let rest = text.get(after..).unwrap_or("");
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    if word.is_empty() {
        return false;
    }
    // ’90s, ’05
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    if digits == 2 && (word.len() == 2 || word == format!("{}s", &word[..2])) {
        return true;
    }
    ELISIONS.contains(&word.as_str())
}

/// A ’ after "s" with a space after it may be a plural possessive
/// (students’ union); it closes only if no better closer follows.
fn later_single_closer(text: &str, from: usize) -> bool {
    let rest = text.get(from..).unwrap_or("");
    let mut prev: Option<char> = None;
    let mut it = rest.char_indices().peekable();
    while let Some((_, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        match c {
            '’' | '\'' if !is_word(prev) || !is_word(next) => {
                if !is_space_or_none(prev) && closes_before(next) {
                    return true;
                }
            }
            '‘' | '“' | '”' | '"' => return false,
            _ => {}
        }
        prev = Some(c);
    }
    false
}

/// Two straight apostrophes standing for a double quote ('' in archive
/// exports), read as one mark.
const TYPEWRITER: char = 'ʺ';

/// The characters of `text` with their offsets and byte lengths, '' as one.
fn marks_and_chars(text: &str) -> Vec<(usize, char, usize)> {
    let mut out: Vec<(usize, char, usize)> = Vec::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        if c == '\'' && out.last().is_some_and(|&(p, pc, _)| pc == '\'' && p + 1 == at) {
            out.pop();
            out.push((at - 1, TYPEWRITER, 2));
        } else {
            out.push((at, c, c.len_utf8()));
        }
    }
    out
}

/// Is there a `mark` after `from` in the text?
fn later_closer(text: &str, from: usize, mark: char) -> bool {
    text.get(from..).is_some_and(|rest| rest.contains(mark))
}

/// Which mark closes a quote opened by `open`.
fn closes(open: char, c: char) -> bool {
    match open {
        '“' | '”' => c == '”' || c == '"',
        '„' => c == '“' || c == '”',
        '"' => c == '"' || c == '”',
        TYPEWRITER => c == TYPEWRITER,
        '«' => c == '»',
        '「' => c == '」',
        '『' => c == '』',
        '‘' | '’' => c == '’',
        '\'' => c == '\'' || c == '’',
        '‹' => c == '›',
        '‚' => c == '‘' || c == '’',
        _ => false,
    }
}

/// Every top-level quotation in `text`. Quotes opened but never closed in
/// the block run to its end (a quote reopened in the next paragraph);
/// unclosed single marks are taken for apostrophes and dropped.
pub fn find(text: &str) -> Vec<Marked> {
    let mut found: Vec<Marked> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let chars = marks_and_chars(text);
    for (k, &(at, c, len)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).and_then(|j| chars.get(j)).map(|&(_, p, _)| p);
        let next = chars.get(k + 1).map(|&(_, n, _)| n);
        let after = at + len;
        let open_here = |family, stack: &mut Vec<Open>| {
            stack.push(Open {
                family,
                mark: c,
                at,
                inner: after,
            })
        };
        match c {
            '“' | '”' | '"' | TYPEWRITER | '„' | '«' | '»' | '「' | '」' | '『' | '』' => {
                // The innermost open double quote that this mark can close.
                let closer = stack
                    .iter()
                    .rposition(|o| o.family == Family::Double && closes(o.mark, c));
                let left_flank = opens_after(prev) && !is_space_or_none(next);
                let right_flank = !is_space_or_none(prev) && closes_before(next);
                let can_open = matches!(c, '“' | '„' | '«' | '「' | '『' | '"' | '”' | TYPEWRITER);
                match closer {
                    // A mark that looks like an opener while a quote is open
                    // (“a” “b”) still closes: pairs run in order.
                    Some(j) if !(left_flank && !right_flank && matches!(c, '“' | '"' | TYPEWRITER)) => {
                        close_at(&mut stack, &mut found, j, at, after);
                    }
                    _ if can_open && (left_flank || (c == '“' && !right_flank)) => {
                        open_here(Family::Double, &mut stack);
                    }
                    // A ” that opens a paragraph: ” … he said,” she wrote.
                    _ if c == '”' && opens_after(prev) && later_closer(text, after, '”') => {
                        open_here(Family::Double, &mut stack);
                    }
                    _ => {}
                }
            }
            '‘' | '’' | '\'' | '‹' | '›' | '‚' => {
                if is_word(prev) && is_word(next) {
                    continue; // don’t, Huang’s, rock’n’roll
                }
                let closer = stack
                    .iter()
                    .rposition(|o| o.family == Family::Single && closes(o.mark, c));
                let left_flank = opens_after(prev) && is_word_or_quote(next);
                let right_flank = !is_space_or_none(prev) && closes_before(next);
                if let Some(j) = closer.filter(|_| right_flank) {
                    let possessive = prev.is_some_and(|p| p == 's' || p == 'S')
                        && next.is_some_and(char::is_whitespace)
                        && later_single_closer(text, after);
                    if !possessive {
                        close_at(&mut stack, &mut found, j, at, after);
                    }
                    continue;
                }
                if matches!(c, '‘' | '\'' | '‹' | '‚' | '’')
                    && left_flank
                    && !is_elision(text, after)
                {
                    open_here(Family::Single, &mut stack);
                }
            }
            _ => {}
        }
    }
    // Unclosed doubles run to the block's end; the outermost one wins.
    if let Some(o) = stack.iter().find(|o| o.family == Family::Double) {
        let end = text.trim_end().len();
        found.push(Marked {
            start: o.inner,
            end,
            outer_start: o.at,
            outer_end: end,
            closed: false,
            hidden: o.mark == TYPEWRITER,
        });
    }
    found.sort_by_key(|m| (m.outer_start, std::cmp::Reverse(m.outer_end)));
    let mut top: Vec<Marked> = Vec::new();
    for m in found {
        if top.last().is_some_and(|t| m.outer_start < t.outer_end) {
            continue; // nested inside the previous quotation
        }
        top.push(m);
    }
    top.into_iter()
        .filter(|m| !m.hidden)
        .filter_map(|m| trimmed(text, m))
        .collect()
}

/// The quotation without the spaces inside its marks; None if no words.
fn trimmed(text: &str, m: Marked) -> Option<Marked> {
    let inner = text.get(m.start..m.end)?;
    let lead = inner.len() - inner.trim_start().len();
    let words = inner.trim();
    if !words.chars().any(char::is_alphanumeric) {
        return None;
    }
    Some(Marked {
        start: m.start + lead,
        end: m.start + lead + words.len(),
        ..m
    })
}

fn is_word_or_quote(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || matches!(c, '“' | '"' | '.' | '…' | '['))
}

/// Close the open quote `j`; marks opened inside it and still open are dropped.
fn close_at(stack: &mut Vec<Open>, found: &mut Vec<Marked>, j: usize, at: usize, after: usize) {
    let Some(o) = stack.get(j).copied() else {
        return;
    };
    stack.truncate(j);
    found.push(Marked {
        start: o.inner,
        end: at,
        outer_start: o.at,
        outer_end: after,
        closed: true,
        hidden: o.mark == TYPEWRITER,
    });
}
