//! Attribution: in the writer's words around a quotation, the phrase that
//! names who said it (a name, a pronoun or a description), found from the
//! speech verbs, colon leads, dash sign-offs and the sentence's subject.

use super::lexicon;
use super::words::{Kind, Tok};

/// Who the writer names as the speaker, as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Who {
    /// A capitalised name, titles dropped: "Jane Smith", "Huang", "Nvidia".
    Name(String),
    /// A pronoun, lowercase: "he".
    Pronoun(String),
    /// A description: "the company", with its head noun ("company").
    Description(String, String),
}

/// The phrase and the byte offset where it stands in the block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub who: Who,
    pub at: usize,
}

/// How far an attribution may reach from a quote, in tokens.
const REACH: usize = 14;

fn low<'t>(toks: &'t [Tok], i: usize) -> &'t str {
    toks.get(i).map_or("", |t| t.low.as_str())
}

fn is_dash(t: &Tok) -> bool {
    matches!(t.kind, Kind::Punct('—' | '–' | '―' | '-'))
}

fn is_participle(low: &str) -> bool {
    low.ends_with("ing")
}

/// The speaker of the quotation at token `q`, inside sentence `[lo, hi)`.
pub fn attribute(toks: &[Tok], lo: usize, hi: usize, q: usize) -> Option<Source> {
    if let Some(s) = right_adjacent(toks, lo, hi, q) {
        return Some(s);
    }
    let left = nearest_verb_left(toks, lo, q);
    let right = nearest_verb_right(toks, q, hi);
    let by_left = || left.and_then(|v| speaker_of_verb(toks, lo, hi, v, lo));
    let by_right = || right.and_then(|v| speaker_of_verb(toks, lo, hi, v, q + 1));
    let found = match (left, right) {
        (Some(l), Some(r)) if r - q < q - l => by_right().or_else(by_left),
        _ => by_left().or_else(by_right),
    };
    found
        .or_else(|| colon_lead(toks, lo, q))
        .or_else(|| subject(toks, lo, hi).filter(|s| s.at < toks.get(q).map_or(0, |t| t.start)))
}

/// "“...,” she said", "“...,” said Jane Smith", "“...” — Jane Smith".
fn right_adjacent(toks: &[Tok], lo: usize, hi: usize, q: usize) -> Option<Source> {
    let mut k = q + 1;
    while toks.get(k).is_some_and(|t| t.is_punct(',')) {
        k += 1;
    }
    let t = toks.get(k).filter(|_| k < hi)?;
    if is_dash(t) {
        return np_after(toks, k + 1, hi).filter(|s| matches!(s.who, Who::Name(_)));
    }
    if t.low == "according" && low(toks, k + 1) == "to" {
        return np_after(toks, k + 2, hi);
    }
    if lexicon::is_speech_verb(&t.low) && lexicon::is_invertible(&t.low) {
        return np_after(toks, k + 1, hi);
    }
    let end = hi.min(k + REACH);
    let v = (k..end)
        .take_while(|&i| toks.get(i).is_some_and(|t| !t.is_quote() && !t.is_punct(';')))
        .find(|&i| toks.get(i).is_some_and(|t| lexicon::is_speech_verb(&t.low)))?;
    let s = np_before(toks, k, v)?;
    (s.at == t.start).then_some(s)
}

fn nearest_verb_left(toks: &[Tok], lo: usize, q: usize) -> Option<usize> {
    (lo..q).rev().find(|&i| toks.get(i).is_some_and(|t| lexicon::is_speech_verb(&t.low)))
}

fn nearest_verb_right(toks: &[Tok], q: usize, hi: usize) -> Option<usize> {
    (q + 1..hi).find(|&i| {
        toks.get(i)
            .is_some_and(|t| lexicon::is_speech_verb(&t.low) || t.low == "according")
    })
}

/// The subject of the speech verb at `v`; its noun phrase starts at `from` or later.
fn speaker_of_verb(toks: &[Tok], lo: usize, hi: usize, v: usize, from: usize) -> Option<Source> {
    let verb = low(toks, v);
    if verb == "according" {
        return (low(toks, v + 1) == "to")
            .then(|| np_after(toks, v + 2, hi))
            .flatten();
    }
    if let Some(s) = np_before(toks, from, v) {
        return Some(s);
    }
    if is_participle(verb) {
        return subject(toks, lo, hi);
    }
    if lexicon::is_invertible(verb) {
        return np_after(toks, v + 1, hi);
    }
    None
}

/// "Ms Patel: “...”", "And from Chairwoman Smith: “...”".
fn colon_lead(toks: &[Tok], lo: usize, q: usize) -> Option<Source> {
    let c = q.checked_sub(1)?;
    if !toks.get(c)?.is_punct(':') {
        return None;
    }
    np_before(toks, lo, c).filter(|s| matches!(s.who, Who::Name(_)))
}

/// Skip fillers backwards from `end` (exclusive): "has also said on Monday".
fn skip_fillers_back(toks: &[Tok], lo: usize, mut end: usize) -> usize {
    while end > lo {
        let Some(t) = toks.get(end - 1) else { break };
        if t.is_word() && lexicon::is_verb_filler(&t.low) && !t.is_cap_name_like() {
            end -= 1;
        } else {
            break;
        }
    }
    end
}

trait NameLike {
    fn is_cap_name_like(&self) -> bool;
}

impl NameLike for Tok<'_> {
    /// A capitalised filler that is a day name stays a filler (Monday);
    /// other capitalised words may be names.
    fn is_cap_name_like(&self) -> bool {
        self.is_cap()
            && !matches!(
                self.low.as_str(),
                "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
            )
    }
}

/// The noun phrase that ends right before token `end`, not before `lo`.
pub fn np_before(toks: &[Tok], lo: usize, end: usize) -> Option<Source> {
    let mut e = skip_fillers_back(toks, lo, end);
    // A parenthesis after a name: Rep. Jane Smith (D-Wis.) said.
    if e > lo && toks.get(e - 1).is_some_and(|t| t.is_punct(')')) {
        let open = (lo..e - 1)
            .rev()
            .find(|&i| toks.get(i).is_some_and(|t| t.is_punct('(')))?;
        e = open;
    }
    if e <= lo {
        return None;
    }
    let last = toks.get(e - 1)?;
    if last.is_punct(',') {
        // An apposition: Jane Smith, a spokeswoman for X, said.
        let before = (lo..e - 1)
            .rev()
            .take(25)
            .find(|&i| toks.get(i).is_some_and(|t| t.is_punct(',') || t.is_quote()))?;
        if toks.get(before).is_some_and(Tok::is_quote) {
            return None;
        }
        return np_before(toks, lo, before).filter(|s| matches!(s.who, Who::Name(_)));
    }
    if !last.is_word() {
        return None;
    }
    if lexicon::pronoun_gender(&last.low).is_some() && !last.is_cap_name_like()
        || matches!(last.text, "He" | "She" | "They" | "It" | "We" | "I")
    {
        return Some(Source {
            who: Who::Pronoun(last.low.clone()),
            at: last.start,
        });
    }
    if last.is_cap() || lexicon::is_name_suffix(&last.low) {
        let mut s = e - 1;
        while s > lo && toks.get(s - 1).is_some_and(|t| in_name_run(toks, s - 1)) {
            s -= 1;
        }
        if let Some(src) = name_of_run(toks, s, e) {
            return Some(src);
        }
        return description_back(toks, lo, e);
    }
    description_back(toks, lo, e)
}

/// Can token `i` belong to a capitalised name run?
fn in_name_run(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if t.is_cap() {
        return true;
    }
    // Particles between capitalised words: Bill de Blasio.
    t.is_word()
        && lexicon::is_name_particle(&t.low)
        && toks.get(i + 1).is_some_and(Tok::is_cap)
        && i > 0
        && toks.get(i - 1).is_some_and(Tok::is_cap)
}

/// The name inside the capitalised run `[s, e)`: what follows its last
/// title ("Nvidia CEO Jensen Huang" -> "Jensen Huang"), openers dropped.
fn name_of_run(toks: &[Tok], s: usize, e: usize) -> Option<Source> {
    let run = toks.get(s..e)?;
    let after_title = run
        .iter()
        .rposition(|t| lexicon::is_title(&t.low) || t.low.ends_with("’s") || t.low.ends_with("'s"))
        .map_or(0, |i| i + 1);
    let mut name = run.get(after_title..)?;
    while let Some(first) = name.first() {
        if lexicon::is_not_name(&first.low) || lexicon::is_title(&first.low) {
            name = name.get(1..)?;
        } else {
            break;
        }
    }
    let first = name.first()?;
    let last = name.last()?;
    if name.len() == 1 && lexicon::is_not_name(&first.low) {
        return None;
    }
    let text = join(name);
    Some(Source {
        who: Who::Name(text),
        at: first.start.min(last.start),
    })
}

fn join(toks: &[Tok]) -> String {
    let mut out = String::new();
    for t in toks {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(t.text);
    }
    out
}

/// Words that end a description looking back: clause openers, verbs.
fn stops_description(low: &str) -> bool {
    matches!(
        low,
        "that"
            | "which"
            | "who"
            | "whom"
            | "and"
            | "but"
            | "or"
            | "as"
            | "while"
            | "because"
            | "if"
            | "when"
            | "where"
            | "so"
            | "than"
            | "then"
            | "is"
            | "was"
            | "are"
            | "were"
            | "has"
            | "had"
            | "have"
            | "be"
            | "not"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
    ) || lexicon::is_speech_verb(low)
}

fn is_preposition(low: &str) -> bool {
    matches!(
        low,
        "of" | "in" | "at" | "for" | "from" | "with" | "on" | "by" | "to"
    )
}

/// "the company", "a narrator in the ad", "top black lawmakers" before `e`.
fn description_back(toks: &[Tok], lo: usize, e: usize) -> Option<Source> {
    let head = toks.get(e - 1)?;
    if !head.is_word() || stops_description(&head.low) || is_preposition(&head.low) {
        return None;
    }
    if head.text.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut s = e - 1;
    let mut found_det = false;
    while s > lo && e - s < 10 {
        let Some(t) = toks.get(s - 1) else { break };
        if !t.is_word() || stops_description(&t.low) {
            break;
        }
        if lexicon::is_determiner(&t.low) || t.low.ends_with("’s") || t.low.ends_with("'s") {
            s -= 1;
            found_det = true;
            // "a narrator in the ad": go on past a preposition.
            if s > lo && toks.get(s - 1).is_some_and(|p| is_preposition(&p.low)) && s >= 2 {
                s -= 1;
                found_det = false;
                continue;
            }
            break;
        }
        if is_preposition(&t.low) {
            if e - s > 4 {
                break;
            }
            s -= 1;
            continue;
        }
        s -= 1;
    }
    // Trim a dangling preposition at the front.
    while s < e && toks.get(s).is_some_and(|t| is_preposition(&t.low)) {
        s += 1;
    }
    if s >= e {
        return None;
    }
    let words = toks.get(s..e)?;
    let bare_ok = words.len() <= 3 && (head.low.ends_with('s') || words.first()?.is_cap());
    if !found_det && !bare_ok {
        return None;
    }
    if !found_det && words.iter().any(|t| is_preposition(&t.low)) {
        return None;
    }
    Some(Source {
        who: Who::Description(join(words), head.low.clone()),
        at: words.first()?.start,
    })
}

/// The noun phrase that starts at token `k`: "Jane Smith", "the company", "he".
pub fn np_after(toks: &[Tok], k: usize, hi: usize) -> Option<Source> {
    let first = toks.get(k).filter(|_| k < hi)?;
    if !first.is_word() {
        return None;
    }
    if lexicon::pronoun_gender(&first.low).is_some() && first.low != "it" || first.low == "it" {
        return Some(Source {
            who: Who::Pronoun(first.low.clone()),
            at: first.start,
        });
    }
    if first.is_cap() && !lexicon::is_determiner(&first.low) {
        let mut e = k + 1;
        while e < hi && in_name_run(toks, e) {
            e += 1;
        }
        while e < hi && toks.get(e).is_some_and(|t| lexicon::is_name_suffix(&t.low)) {
            e += 1;
        }
        // "President Obama" or "the President": a run that is all titles
        // is a description.
        if let Some(s) = name_of_run(toks, k, e) {
            return Some(s);
        }
    }
    if lexicon::is_determiner(&first.low) || first.low.ends_with("’s") {
        return description_after(toks, k, hi);
    }
    None
}

/// "the company", "a spokesman" from `k` on: up to punctuation or a verb.
fn description_after(toks: &[Tok], k: usize, hi: usize) -> Option<Source> {
    let mut e = k + 1;
    while e < hi && e - k < 8 {
        let Some(t) = toks.get(e) else { break };
        if !t.is_word()
            || stops_description(&t.low)
            || lexicon::is_not_subject_after(&t.low)
            || lexicon::is_verb_filler(&t.low)
            || (e > k + 1 && (t.low.ends_with("ed") || t.low.ends_with("ly")))
        {
            break;
        }
        e += 1;
    }
    if e == k + 1 {
        return None;
    }
    let words = toks.get(k..e)?;
    let head = words.last()?;
    // A capitalised run after the determiner is a name: "the New York Post".
    if words.get(1..)?.iter().all(Tok::is_cap) {
        return name_of_run(toks, k + 1, e).or_else(|| {
            Some(Source {
                who: Who::Description(join(words), head.low.clone()),
                at: words.first()?.start,
            })
        });
    }
    Some(Source {
        who: Who::Description(join(words), head.low.clone()),
        at: words.first()?.start,
    })
}

/// Openers that put an adverbial before the subject: "In July, Smith ...".
fn opens_adverbial(t: &Tok) -> bool {
    matches!(
        t.low.as_str(),
        "in" | "on"
            | "at"
            | "after"
            | "before"
            | "during"
            | "despite"
            | "while"
            | "when"
            | "as"
            | "although"
            | "though"
            | "since"
            | "because"
            | "if"
            | "for"
            | "with"
            | "without"
            | "under"
            | "over"
            | "amid"
            | "following"
            | "from"
            | "by"
            | "like"
            | "unlike"
            | "asked"
            | "last"
            | "earlier"
            | "later"
            | "once"
            | "to"
            | "according"
            | "until"
            | "upon"
            | "within"
    ) || (t.low.ends_with("ing") && t.is_cap())
        || (t.low.ends_with("ed") && t.is_cap() && !lexicon::is_title(&t.low))
}

/// The subject of the sentence `[lo, hi)`: its first noun phrase, after a
/// dateline, a conjunction or an opening adverbial.
pub fn subject(toks: &[Tok], lo: usize, hi: usize) -> Option<Source> {
    let mut k = lo;
    // Dateline: WASHINGTON (AP) — ...
    if let Some(d) = (lo..hi.min(lo + 15)).find(|&i| toks.get(i).is_some_and(is_dash))
        && toks
            .get(lo..d)
            .is_some_and(|w| w.iter().any(|t| t.is_all_caps() || t.is_punct('(')))
    {
        k = d + 1;
    }
    while toks.get(k).is_some_and(|t| {
        t.is_punct(',')
            || matches!(
                t.low.as_str(),
                "but" | "and" | "so" | "yet" | "still" | "meanwhile" | "however" | "also" | "now"
                    | "instead" | "indeed" | "then" | "separately" | "later"
            )
    }) {
        k += 1;
    }
    if toks.get(k).is_some_and(opens_adverbial) {
        let comma = (k..hi)
            .take_while(|&i| toks.get(i).is_some_and(|t| !t.is_quote()))
            .find(|&i| toks.get(i).is_some_and(|t| t.is_punct(',')))?;
        k = comma + 1;
    }
    np_after(toks, k, hi)
}
