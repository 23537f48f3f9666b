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
                    '(' | '['
                        | '{'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                        | '“'
                        | '‘'
                        | '"'
                        | '\''
                        | '«'
                        | '„'
                        | ':'
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
            '’' | '\''
                if (!is_word(prev) || !is_word(next))
                    && !is_space_or_none(prev)
                    && closes_before(next) =>
            {
                return true;
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
        if c == '\''
            && out
                .last()
                .is_some_and(|&(p, pc, _)| pc == '\'' && p + 1 == at)
        {
            out.pop();
            out.push((at - 1, TYPEWRITER, 2));
        } else {
            out.push((at, c, c.len_utf8()));
        }
    }
    out
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '„'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
    )
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
    if !text.contains(is_mark) {
        return Vec::new();
    }
    let mut found: Vec<Marked> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let chars = marks_and_chars(text);
    for (k, &(at, c, len)) in chars.iter().enumerate() {
        let prev = k
            .checked_sub(1)
            .and_then(|j| chars.get(j))
            .map(|&(_, p, _)| p);
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
            '“' | '”' | '"' | TYPEWRITER | '„' | '«' | '»' | '「' | '」' | '『' | '』' =>
            {
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
                    Some(j)
                        if !(left_flank && !right_flank && matches!(c, '“' | '"' | TYPEWRITER)) =>
                    {
                        close_at(&mut stack, &mut found, j, at, after);
                    }
                    _ if can_open
                        && (left_flank
                            || (c == '“' && !right_flank)
                            || matches!(c, '„' | '«' | '「' | '『')) =>
                    {
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
                    // The second mark of rock ’n’ roll.
                    let before_prev = k
                        .checked_sub(2)
                        .and_then(|j| chars.get(j))
                        .map(|&(_, p, _)| p);
                    let elision_n = prev == Some('n') && matches!(before_prev, Some('’' | '\''));
                    if !possessive && !elision_n {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        find(text)
            .iter()
            .map(|m| text.get(m.start..m.end).unwrap_or("<bad span>"))
            .collect()
    }

    #[test]
    fn curly_and_straight_double_quotes() {
        assert_eq!(texts("She said “we will win,” and left."), ["we will win,"]);
        assert_eq!(texts("He said \"no way\" twice."), ["no way"]);
    }

    #[test]
    fn single_quotes_are_quotes_but_apostrophes_are_not() {
        let t = "The band’s ‘loud and proud’ tour, rock ’n’ roll from the ’90s, don’t stop.";
        assert_eq!(texts(t), ["loud and proud"]);
        assert_eq!(
            texts("It was 'a bad idea', the pupils' union said."),
            ["a bad idea"]
        );
        assert!(texts("The students’ union and the teachers’ room.").is_empty());
    }

    #[test]
    fn elisions_inside_a_single_quote() {
        let t = "‘The ’80s gave us rock ’n’ roll excess,’ he said.";
        assert_eq!(texts(t), ["The ’80s gave us rock ’n’ roll excess,"]);
    }

    #[test]
    fn plural_possessive_inside_a_single_quote() {
        let t = "‘The players’ wages are too high,’ she said.";
        assert_eq!(texts(t), ["The players’ wages are too high,"]);
    }

    #[test]
    fn guillemets_low_nine_and_corner_brackets() {
        assert_eq!(texts("Il a dit « non merci » hier."), ["non merci"]);
        assert_eq!(texts("Er sagte „gute Nacht“ und ging."), ["gute Nacht"]);
        assert_eq!(texts("彼は「ありがとう」と言った。"), ["ありがとう"]);
    }

    #[test]
    fn nested_quotes_stay_inside_the_outer_one() {
        let t = "“They called it ‘a farce’ at the time,” he said.";
        assert_eq!(texts(t), ["They called it ‘a farce’ at the time,"]);
        let t = "\"People ask, 'Why now?'\" said the mayor.";
        assert_eq!(texts(t), ["People ask, 'Why now?'"]);
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_end_of_the_paragraph() {
        let m = find("He went on: “We will build it, and we will pay for it. ");
        assert_eq!(m.len(), 1);
        assert!(!m[0].closed);
        assert_eq!(
            texts("He went on: “We will build it, and we will pay for it. "),
            ["We will build it, and we will pay for it."]
        );
    }

    #[test]
    fn stray_marks_do_not_derail_the_rest() {
        let t = "The pipe is 6\" wide. Later she said \"fine\" and left.";
        assert_eq!(texts(t), ["fine"]);
        let t = "” … and so it went,” she wrote.";
        assert_eq!(texts(t), ["… and so it went,"]);
    }

    #[test]
    fn mixed_curly_and_straight_marks_pair_up() {
        assert_eq!(texts("there was “no evidence\" of it"), ["no evidence"]);
    }

    #[test]
    fn typewriter_double_apostrophes_are_read_but_not_reported() {
        let t = "''It is what we call 'the deal,' '' he said.";
        assert!(texts(t).is_empty());
    }

    #[test]
    fn spans_hold_on_non_ascii_text() {
        let t = "Zoë dit « ça va très bien » à Zürich.";
        let m = find(t);
        assert_eq!(t.get(m[0].start..m[0].end), Some("ça va très bien"));
    }

    #[test]
    fn empty_or_markless_quotes_are_dropped() {
        assert!(texts("He typed \"\" and “ ” then stopped.").is_empty());
    }
}
