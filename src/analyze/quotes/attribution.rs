//! Attribution: in the writer's words around a quotation, the phrase that
//! names who said it (a name, a pronoun or a description), found from the
//! speech verbs and nouns, "according to", colon leads, dash sign-offs and,
//! failing those, the subject of the sentence.

use super::first_names;
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

/// The phrase, the byte offset where it stands in the block and the index
/// of its first token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub who: Who,
    pub at: usize,
    pub tok: usize,
    /// Found only as the sentence's first word, with no speech cue.
    pub weak: bool,
    /// Named after "according to" behind the quotation: it stands.
    pub according: bool,
}

/// How far a speech cue may stand from its quotation within a sentence, in
/// tokens (keeps a sentence of a thousand quotations linear).
const WINDOW: usize = 80;

/// How far an attribution may reach from a quote, in tokens.
const REACH: usize = 24;

fn low<'t>(toks: &'t [Tok], i: usize) -> &'t str {
    toks.get(i).map_or("", |t| t.low.as_ref())
}

fn is_dash(t: &Tok) -> bool {
    matches!(t.kind, Kind::Punct('—' | '–' | '―' | '-'))
}

fn is_participle(low: &str) -> bool {
    low.ends_with("ing")
}

fn is_possessive(t: &Tok) -> bool {
    let stem = t
        .low
        .strip_suffix("’s")
        .or_else(|| t.low.strip_suffix("'s"));
    stem.is_some_and(|w| {
        lexicon::pronoun_gender(w).is_none()
            && !matches!(
                w,
                "that" | "there" | "what" | "who" | "let" | "here" | "where"
            )
    })
}

fn source(who: Who, toks: &[Tok], i: usize) -> Option<Source> {
    // A run of more than six capitalised words is a headline or a menu.
    if matches!(&who, Who::Name(n) if n.split(' ').count() > 6) {
        return None;
    }
    Some(Source {
        who,
        at: toks.get(i)?.start,
        tok: i,
        weak: false,
        according: false,
    })
}

/// "The word “...”", "the slogan": a subject that names words, not a speaker.
fn names_words(s: &Source) -> bool {
    matches!(&s.who, Who::Description(_, head) if matches!(
        head.as_str(),
        "word" | "words" | "phrase" | "term" | "slogan" | "motto" | "label" | "name" | "title"
            | "headline" | "hashtag" | "tag" | "banner" | "sign" | "nickname" | "song" | "film"
            | "book" | "show" | "series" | "episode" | "chant"
    ))
}

/// The speaker of the quotation at token `q`, inside sentence `[lo, hi)`.
pub fn attribute(toks: &[Tok], lo: usize, hi: usize, q: usize) -> Option<Source> {
    if let Some(s) = according_after(toks, hi, q)
        .or_else(|| according_first(toks, lo, q))
        .or_else(|| reported_last(toks, hi, q))
    {
        return Some(s);
    }
    if let Some(s) = right_adjacent(toks, hi, q) {
        return Some(s);
    }
    for nouns in [false, true] {
        let left = (lo.max(q.saturating_sub(WINDOW))..q)
            .rev()
            .filter(|&i| is_cue(toks, lo, i) && is_speech_noun_use(toks, lo, i) == nouns)
            .find_map(|v| speaker_of_cue(toks, lo, hi, v).filter(not_first_person));
        if let Some(inner) = left {
            // "Rep. Israel said Clinton called on members to be “...”": the
            // words reach the reader through the outer speaker.
            // Only when the inner clause is the outer verb's object.
            let v0 = skip_fillers_back(toks, lo, inner.tok);
            let v0 = if v0 > lo && low(toks, v0 - 1) == "that" {
                v0 - 1
            } else {
                v0
            };
            let outer = v0
                .checked_sub(1)
                .filter(|&v| {
                    v > lo
                        && is_cue(toks, lo, v)
                        && lexicon::is_speech_verb(low(toks, v))
                        && !is_participle(low(toks, v))
                        && matches!(inner.who, Who::Name(_))
                })
                .and_then(|v| speaker_of_cue(toks, lo, hi, v).filter(not_first_person))
                .filter(|o| o.tok < inner.tok);
            return outer.or(Some(inner));
        }
    }
    let found = right_final(toks, hi, q);
    if found.is_some() {
        return found;
    }
    if headline_case(toks, lo, hi) {
        // "RED STATES OUTNUMBER BLUE - Jeffrey M. Jones: “...”": a name
        // signing off a headline after a dash.
        return colon_lead(toks, lo, q)
            .filter(|s| s.tok > lo && toks.get(s.tok - 1).is_some_and(is_dash));
    }
    colon_lead(toks, lo, q).or_else(|| {
        let s = subject(toks, lo, hi).filter(|s| !names_words(s))?;
        let opens_clause = toks
            .get(lo)
            .is_some_and(|t| t.is_cap() && is_participle(&t.low));
        let weak = s.tok == lo;
        (s.tok < q || opens_clause).then_some(Source { weak, ..s })
    })
}

/// "“...,” Sanders said, according to CNN.": the words reach the reader
/// through the source named after "according to" later in the clause (no
/// other quotation and no semicolon between).
fn according_after(toks: &[Tok], hi: usize, q: usize) -> Option<Source> {
    (q + 1..hi.min(q + WINDOW))
        .take_while(|&i| {
            toks.get(i)
                .is_some_and(|t| !t.is_quote() && !t.is_punct(';'))
        })
        .find_map(|i| according(toks, i))
        .and_then(|k| after_according(toks, k, hi))
        .map(|s| Source {
            according: true,
            ..s
        })
}

/// "“...,” said Kristen Day, reports USA Today.", "..., CNN reported.": a
/// sentence that closes on who reported it, after a comma, gives its
/// quotations through that outlet.
fn reported_last(toks: &[Tok], hi: usize, q: usize) -> Option<Source> {
    // The last word of the sentence.
    let end = (q + 1..hi)
        .rev()
        .find(|&i| toks.get(i).is_some_and(Tok::is_word))?
        + 1;
    if (end..hi).any(|i| toks.get(i).is_some_and(|t| t.is_quote())) {
        return None;
    }
    let reported = |i: usize| matches!(low(toks, i), "reported" | "reports");
    let comma = |i: usize| toks.get(i).is_some_and(|t| t.is_punct(','));
    // ", reported the Washington Examiner."
    if let Some(v) = (q + 1..end)
        .rev()
        .find(|&v| reported(v) && v > q + 1 && comma(v - 1))
        && let Some(s) = np_after(toks, v + 1, end)
        && matches!(s.who, Who::Name(_))
        && (s.tok + 1..end).all(|i| toks.get(i).is_some_and(|t| t.is_word() && t.is_cap()))
    {
        return Some(Source {
            according: true,
            ..s
        });
    }
    // ", CNN reported."
    let v = end - 1;
    if reported(v) && v > q + 1 {
        let s = np_before(toks, q + 1, v).filter(|s| matches!(s.who, Who::Name(_)))?;
        if s.tok > q + 1 && comma(s.tok - 1) {
            return Some(Source {
                according: true,
                ..s
            });
        }
    }
    None
}

/// "According to GMA News, Salceda said the “...”": a sentence that opens
/// on its source gives every quotation in it through that source, whoever
/// it then reports speaking.
fn according_first(toks: &[Tok], lo: usize, q: usize) -> Option<Source> {
    let k = according(toks, lo)?;
    // The source is set off by a comma before the quotation.
    (k..q.min(k + REACH)).find(|&i| toks.get(i).is_some_and(|t| t.is_punct(',')))?;
    let s = after_according(toks, k, q)?;
    Some(Source {
        according: true,
        ..s
    })
}

/// "- Bernie Sanders.": a paragraph that only signs off the quotation
/// before it with a dash and a name (`bulleted`: the dash was read as the
/// bullet of a list item and is gone).
pub fn dash_sign_off(toks: &[Tok], bulleted: bool) -> Option<Source> {
    let words = toks.iter().filter(|t| t.is_word()).count();
    let k = if bulleted { 0 } else { 1 };
    if !(bulleted || toks.first().is_some_and(is_dash)) || words == 0 || words > 6 {
        return None;
    }
    let s = np_after(toks, k, toks.len()).filter(|s| matches!(s.who, Who::Name(_)))?;
    // Nothing but the name, a place after a comma and the full stop.
    let e = run_end(toks, k, toks.len());
    toks.get(e..)
        .unwrap_or(&[])
        .iter()
        .all(|t| t.is_punct('.') || t.is_punct(',') || t.is_cap())
        .then_some(s)
}

/// A sentence in headline case ("Viacom Plots ‘Oliver Twist’ Remake"):
/// its capitalised words are no names to lean on.
pub fn headline_case(toks: &[Tok], lo: usize, hi: usize) -> bool {
    let long = |t: &&Tok| t.is_word() && t.text.chars().count() >= 4;
    let words = toks.get(lo..hi).unwrap_or(&[]).iter().filter(long);
    let (caps, all) = words.fold((0, 0), |(c, a), t| (c + usize::from(t.is_cap()), a + 1));
    all >= 3 && caps * 10 >= all * 7
}

/// The speaker named by any speech cue of the sentence `[lo, hi)`, for a
/// quotation that follows it on its own ("Smith called him a master. “...”").
pub fn cue_in(toks: &[Tok], lo: usize, hi: usize) -> Option<Source> {
    (lo..hi)
        .filter(|&i| is_cue(toks, lo, i) && !toks.get(i).is_some_and(Tok::is_quote))
        .find_map(|v| speaker_of_cue(toks, lo, hi, v))
}

/// Verb forms that are as often nouns: "late-night tweets", "his claims".
#[rustfmt::skip]
fn noun_too(low: &str) -> bool {
    matches!(
        low,
        "tweet" | "tweets" | "claim" | "claims" | "report" | "reports" | "note" | "notes" |
        "call" | "calls" | "comment" | "comments" | "state" | "states" | "post" | "posts" |
        "remark" | "remarks" | "quote" | "quotes" | "read" | "reads" | "promise" | "promises" |
        "pledge" | "vow" | "vows" | "answer" | "answers" | "demand" | "demands" | "term" |
        "terms" | "label" | "brand" | "counter" | "stress" | "joke" | "jokes" | "reply" |
        "replies" | "warning" | "sing" | "go" | "goes" | "went" | "began" | "begin"
    )
}

/// Nouns that carry someone's words: "Trump’s claim that ...".
#[rustfmt::skip]
pub fn is_speech_noun(low: &str) -> bool {
    matches!(
        low,
        "claim" | "claims" | "remarks" | "comments" | "statement" | "words" | "tweet" | "tweets" |
        "message" | "assertion" | "argument" | "promise" | "pledge" | "warning" | "description" |
        "suggestion" | "accusation" | "prediction" | "charge" | "response" | "reply" | "answer" |
        "remark" | "comment" | "speech" | "testimony" | "declaration" | "insistence" | "vow" |
        "boast"
    )
}

/// A speech noun after a possessive name ("Trump’s claim").
fn is_speech_noun_use(toks: &[Tok], lo: usize, i: usize) -> bool {
    i > lo
        && toks.get(i).is_some_and(|t| is_speech_noun(&t.low))
        && toks
            .get(i - 1)
            .is_some_and(|p| p.is_cap() && is_possessive(p))
}

/// "according to X", "selon X", "laut X", "según X": where X starts.
fn according(toks: &[Tok], i: usize) -> Option<usize> {
    match low(toks, i) {
        "according" if low(toks, i + 1) == "to" => Some(i + 2),
        "selon" | "laut" | "según" | "segundo" | "secondo" => Some(i + 1),
        _ => None,
    }
}

/// Who "according to" names from `k`: a name or a description, or
/// people named by a plural with no article ("according to campaign
/// officials", "according to show insiders"), never the sentence's subject.
fn after_according(toks: &[Tok], k: usize, hi: usize) -> Option<Source> {
    record_after(toks, k, hi)
        .or_else(|| np_after(toks, k, hi))
        .or_else(|| bare_people(toks, k, hi))
}

/// "according to the report", "according to White House pool reports,":
/// a phrase that closes on a record shaped like a speech verb, which other
/// phrases stop before.
fn record_after(toks: &[Tok], k: usize, hi: usize) -> Option<Source> {
    let e = (k..hi.min(k + 8)).find(|&i| toks.get(i).is_none_or(|t| !t.is_word()))?;
    let words = toks.get(k..e).filter(|w| w.len() >= 2)?;
    let head = words.last()?;
    let opener = words.first()?;
    let opens = lexicon::is_determiner(&opener.low) || is_possessive(opener) || opener.is_cap();
    let inner_ok = words
        .iter()
        .skip(1)
        .take(words.len() - 2)
        .all(|w| !stops_description(&w.low) && !is_preposition(&w.low) || w.is_cap());
    (lexicon::is_record(&head.low) && !head.is_cap() && opens && inner_ok)
        .then(|| source(Who::Description(join(words), head.low.to_string()), toks, k))
        .flatten()
}

/// "campaign officials", "show insiders": up to four lowercase words that
/// close the clause and end on a plural standing for people.
fn bare_people(toks: &[Tok], k: usize, hi: usize) -> Option<Source> {
    let e = (k..hi.min(k + 4))
        .find(|&i| toks.get(i).is_none_or(|t| !t.is_word() || t.is_cap()))
        .unwrap_or(hi.min(k + 4));
    let words = toks.get(k..e).filter(|w| !w.is_empty())?;
    let closes = toks.get(e).is_none_or(|t| !t.is_word()) || e >= hi;
    let head = words.last()?;
    let singular = head.low.strip_suffix('s').unwrap_or("");
    let people = lexicon::is_role(singular)
        || lexicon::is_person_head(singular)
        || lexicon::is_people_plural(&head.low);
    (closes && people && !words.iter().any(|w| lexicon::is_determiner(&w.low)))
        .then(|| source(Who::Description(join(words), head.low.to_string()), toks, k))
        .flatten()
}

/// Is token `i` a speech cue: a speech verb used as a verb, "according
/// to", or a speech noun after a possessive name?
pub fn is_cue(toks: &[Tok], lo: usize, i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if !t.is_word() {
        return false;
    }
    if according(toks, i).is_some() {
        return true;
    }
    let after_possessive = i > lo
        && toks
            .get(i - 1)
            .is_some_and(|p| p.is_cap() && is_possessive(p));
    if is_speech_noun(&t.low) && after_possessive {
        // "a fact-check on Trump’s claim that there have been “...”": the
        // claim's own words follow, whatever holds it.
        let content = matches!(low(toks, i + 1), "that" | "about");
        return content || !possessor_is_object(toks, lo, i - 1);
    }
    if let Some(particle) = phrase_cue_particle(&t.low) {
        return low(toks, i + 1) == particle;
    }
    if !lexicon::is_speech_verb(&t.low) || (t.is_cap() && i > lo) {
        return false;
    }
    // "Trump’s repeated calls": after a possessive, a modifier.
    if after_possessive && t.low.ends_with("ed") {
        return false;
    }
    if lexicon::is_weak_verb(&t.low) {
        // "continued", "went": speech only right before a quotation, or
        // with "on" or "about" between ("went on about “...”").
        let particles = toks
            .get(i + 1..)
            .unwrap_or(&[])
            .iter()
            .take(2)
            .take_while(|n| matches!(&*n.low, "on" | "about"))
            .count();
        let i = i + particles;
        return toks
            .get(i + 1..(i + 3).min(toks.len()))
            .is_some_and(|w| w.iter().any(|n| n.is_quote()) && !w.iter().any(|n| n.is_word()))
            || toks.get(i + 1).is_some_and(Tok::is_quote);
    }
    if noun_too(&t.low) {
        // A noun use: after a determiner, an adjective or a possessive.
        let e = skip_fillers_back(toks, lo, i);
        let Some(p) = e.checked_sub(1).and_then(|j| toks.get(j)) else {
            return true;
        };
        if p.is_punct(',') || p.is_quote() {
            return true;
        }
        if !p.is_word() || is_possessive(p) || lexicon::is_determiner(&p.low) {
            return false;
        }
        return (p.is_cap() && !lexicon::is_title(&p.low))
            || lexicon::pronoun_gender(&p.low).is_some();
    }
    true
}

/// Verbs that cue speech only with their particle: "as she put it",
/// "as The Hill pointed out, “...”". The particle, if `low` is one.
fn phrase_cue_particle(low: &str) -> Option<&'static str> {
    match low {
        "put" | "puts" | "putting" => Some("it"),
        "pointed" => Some("out"),
        _ => None,
    }
}

/// "Hollande denounced Trump’s remarks", "in response to Trump’s
/// comments": the possessive name at `p` stands after a verb or a
/// preposition, so the remarks are what the sentence is about, not its
/// speaker's cue.
fn possessor_is_object(toks: &[Tok], lo: usize, p: usize) -> bool {
    let mut s = p;
    while s > lo && in_name_run(toks, s - 1) {
        s -= 1;
    }
    s > lo
        && toks.get(s - 1).is_some_and(|b| {
            b.is_word()
                && !b.is_cap()
                && !lexicon::is_determiner(&b.low)
                && !matches!(
                    b.low.as_ref(),
                    "and"
                        | "but"
                        | "or"
                        | "nor"
                        | "yet"
                        | "so"
                        | "while"
                        | "whereas"
                        | "because"
                        | "although"
                        | "though"
                        | "when"
                        | "then"
                )
        })
}

/// "we said", "I told": the writer or someone quoted, not a speaker to name.
fn not_first_person(s: &Source) -> bool {
    !matches!(&s.who, Who::Pronoun(p) if matches!(p.as_str(), "we" | "i" | "you"))
}

/// The speaker a cue at `v` names.
fn speaker_of_cue(toks: &[Tok], lo: usize, hi: usize, v: usize) -> Option<Source> {
    let t = toks.get(v)?;
    if let Some(k) = according(toks, v) {
        return after_according(toks, k, hi);
    }
    if v > lo
        && let Some(p) = toks.get(v - 1)
        && p.is_cap()
        && is_possessive(p)
    {
        let name = p.text.trim_end_matches("’s").trim_end_matches("'s");
        let mut s = v - 1;
        while s > lo && in_name_run(toks, s - 1) {
            s -= 1;
        }
        let mut words: Vec<&str> = toks
            .get(s..v - 1)?
            .iter()
            .filter(|w| !lexicon::is_title(&w.low) && !lexicon::is_not_name(&w.low))
            .map(|w| w.text)
            .collect();
        words.push(name);
        return source(Who::Name(words.join(" ")), toks, s);
    }
    if is_participle(&t.low) {
        let e = skip_fillers_back(toks, lo, v);
        let before = e.checked_sub(1).and_then(|j| toks.get(j));
        if before.is_none_or(|b| !b.is_word()) {
            // "..., adding that": the speaker of the clause before it.
            let earlier = (lo..e.saturating_sub(1))
                .rev()
                .filter(|&i| is_cue(toks, lo, i) && !is_participle(low(toks, i)))
                .find_map(|i| speaker_of_cue(toks, lo, hi, i));
            return earlier.or_else(|| subject(toks, lo, hi));
        }
        return np_before(toks, lo, v)
            .filter(|s| !matches!(s.who, Who::Description(..)))
            .or_else(|| subject(toks, lo, hi));
    }
    if phrase_cue_particle(&t.low).is_some() {
        return np_before(toks, lo, v);
    }
    // "Bryne went on to say": the subject of the verb the infinitive hangs on.
    if v > lo + 1 && low(toks, v - 1) == "to" {
        let mut w = v - 2;
        if matches!(low(toks, w), "on" | "up") && w > lo {
            w -= 1;
        }
        let verb = toks
            .get(w)
            .is_some_and(|b| b.is_word() && !b.is_cap() && verb_shaped(&b.low));
        return verb
            .then(|| np_before(toks, lo, w))
            .flatten()
            .filter(|s| !matches!(s.who, Who::Description(..)) && s.tok + 4 >= w);
    }
    let inverted = v == lo
        || toks
            .get(v - 1)
            .is_some_and(|p| p.is_punct(',') || p.is_quote());
    np_before(toks, lo, v).or_else(|| {
        (inverted && lexicon::is_invertible(&t.low))
            .then(|| np_after(toks, v + 1, hi))
            .flatten()
    })
}

/// "“...,” she said", "“...,” said Jane Smith", "“...” — Jane Smith".
fn right_adjacent(toks: &[Tok], hi: usize, q: usize) -> Option<Source> {
    let mut k = q + 1;
    while toks.get(k).is_some_and(|t| t.is_punct(',')) {
        k += 1;
    }
    let t = toks.get(k).filter(|_| k < hi)?;
    if is_dash(t) {
        return np_after(toks, k + 1, hi).filter(|s| matches!(s.who, Who::Name(_)));
    }
    // ("..., according to X" is `according_after`'s, tried before.)
    if lexicon::is_speech_verb(&t.low) && lexicon::is_invertible(&t.low) {
        return np_after(toks, k + 1, hi);
    }
    // « ... », a déclaré X / „...“, hat X gesagt: an auxiliary first.
    if matches!(t.low.as_ref(), "a" | "ha" | "hat")
        && toks
            .get(k + 1)
            .is_some_and(|n| lexicon::is_other_speech_verb(&n.low))
    {
        return np_after(toks, k + 2, hi);
    }
    let end = hi.min(k + REACH);
    // A nickname in quote marks may stand inside the name: Marcia "Cia" Price.
    let nickname = |t: &Tok| t.is_quote() && t.text.split_whitespace().count() <= 2;
    let v = (k..end)
        .take_while(|&i| {
            toks.get(i)
                .is_some_and(|t| (!t.is_quote() || nickname(t)) && !t.is_punct(';'))
        })
        .find(|&i| {
            toks.get(i).is_some_and(|t| lexicon::is_speech_verb(&t.low))
                && !(noun_too(low(toks, i)) && toks.get(i + 1).is_some_and(Tok::is_word))
        })?;
    // The phrase must fill the gap: "Tulsa police Chief Chuck Jordan said".
    if let Some(s) = np_before(toks, k, v)
        && s.tok >= k
        && s.tok - k <= 4
        && toks
            .get(k..s.tok)
            .is_some_and(|w| w.iter().all(|t| t.is_word()))
        && (k..s.tok).all(|i| !stops_description_at(toks, i))
    {
        return Some(s);
    }
    np_after(toks, k, v)
}

/// A speech verb later in the sentence, in a clause of its own:
/// "..., were “world class”, and had spurred ..., Huang said."
fn right_final(toks: &[Tok], hi: usize, q: usize) -> Option<Source> {
    (q + 1..hi.min(q + WINDOW))
        .take_while(|&i| toks.get(i).is_some_and(|t| !t.is_punct(';')))
        .find_map(|v| {
            // "..., according to the organisers."
            if let Some(k) = according(toks, v) {
                return after_according(toks, k, hi);
            }
            // "“...” was written by Bruce Springsteen."
            if low(toks, v) == "by" && v > 0 && is_passive_speech(low(toks, v - 1)) {
                return np_after(toks, v + 1, hi);
            }
            if !toks
                .get(v)
                .is_some_and(|t| t.is_word() && lexicon::is_speech_verb(&t.low))
            {
                return None;
            }
            let opens = |p: usize| {
                p > q
                    && toks.get(p - 1).is_some_and(|b| {
                        b.is_punct(',') || is_dash(b) || b.is_quote() || b.low == "as"
                    })
            };
            if let Some(s) = np_before(toks, q + 1, v)
                && opens(s.tok)
            {
                return Some(s);
            }
            if lexicon::is_invertible(low(toks, v)) && opens(v) {
                return np_after(toks, v + 1, hi);
            }
            None
        })
}

/// Participles whose agent ("by X") wrote or spoke the words.
fn is_passive_speech(low: &str) -> bool {
    matches!(
        low,
        "written"
            | "said"
            | "spoken"
            | "sung"
            | "penned"
            | "coined"
            | "uttered"
            | "tweeted"
            | "posted"
            | "voiced"
            | "delivered"
    )
}

/// "Ms Patel: “...”", "And from Chairwoman Smith: “...”".
fn colon_lead(toks: &[Tok], lo: usize, q: usize) -> Option<Source> {
    let c = q.checked_sub(1)?;
    if !toks.get(c)?.is_punct(':') {
        return None;
    }
    let short_name = |s: &Source| match &s.who {
        Who::Name(n) => n.split(' ').count() <= 4,
        _ => false,
    };
    let last = np_before(toks, lo, c).filter(short_name)?;
    // "Mark Blumenthal and Jon Cohen: “...”": the first of the authors.
    let and = last
        .tok
        .checked_sub(1)
        .filter(|&a| a > lo && low(toks, a) == "and");
    Some(
        and.and_then(|a| np_before(toks, lo, a))
            .filter(short_name)
            .unwrap_or(last),
    )
}

/// Skip fillers backwards from `end` (exclusive): "has also said on Monday".
fn skip_fillers_back(toks: &[Tok], lo: usize, mut end: usize) -> usize {
    while end > lo {
        let Some(t) = toks.get(end - 1) else { break };
        let day = matches!(
            t.low.as_ref(),
            "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
        );
        if t.is_word() && lexicon::is_verb_filler(&t.low) && (!t.is_cap() || day) {
            end -= 1;
        } else {
            break;
        }
    }
    end
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
    // "Gov. John Kasich (R-OH), said": the name before the parenthesis.
    if last.is_punct(',')
        && e > lo + 1
        && toks.get(e - 2).is_some_and(|t| t.is_punct(')'))
        && let Some(s) = np_before(toks, lo, e - 1).filter(|s| matches!(s.who, Who::Name(_)))
    {
        return Some(s);
    }
    if last.is_punct(',') {
        // An apposition: Jane Smith, a spokeswoman for X, said. The
        // sentence's subject when it is a name, else the name before the
        // apposition's opening comma (not one inside a phrase: "at X").
        let subj = subject(toks, lo, e - 1);
        if let Some(s) = subj.as_ref().filter(|s| matches!(s.who, Who::Name(_))) {
            return Some(s.clone());
        }
        let named = (lo..e - 1)
            .rev()
            .take(REACH)
            .take_while(|&i| toks.get(i).is_some_and(|t| !t.is_quote()))
            .find(|&i| toks.get(i).is_some_and(|t| t.is_punct(',')))
            .and_then(|c| np_before(toks, lo, c))
            .filter(|s| {
                matches!(s.who, Who::Name(_))
                    && (s.tok == lo || !is_preposition(low(toks, s.tok - 1)))
            });
        return named.or_else(|| subj.filter(|s| !matches!(s.who, Who::Description(..))));
    }
    if !last.is_word() {
        return None;
    }
    if lexicon::pronoun_gender(&last.low).is_some() {
        return source(Who::Pronoun(last.low.to_string()), toks, e - 1);
    }
    if last.is_cap() || lexicon::is_name_suffix(&last.low) {
        let mut s = e - 1;
        while s > lo && in_name_run(toks, s - 1) {
            s -= 1;
        }
        // "Mr. Morgan of the Sierra Club": the person, not the body.
        let mut of = s;
        // "Stacy Baker of Columbia, South Carolina": a town and its state.
        if of > lo + 1
            && toks.get(of - 1).is_some_and(|t| t.is_punct(','))
            && toks.get(of - 2).is_some_and(Tok::is_cap)
        {
            let mut t = of - 2;
            while t > lo && in_name_run(toks, t - 1) {
                t -= 1;
            }
            if t > lo && low(toks, t - 1) == "of" {
                of = t;
            }
        }
        if of > lo && low(toks, of - 1) == "the" {
            of -= 1;
        }
        if of > lo + 1
            && low(toks, of - 1) == "of"
            && toks.get(of - 2).is_some_and(Tok::is_cap)
            && let Some(person) = np_before(toks, lo, of - 1)
            && matches!(person.who, Who::Name(_))
        {
            return Some(person);
        }
        if let Some(person) = apposed_before(toks, lo, of) {
            return Some(person);
        }
        if let Some(src) = name_of_run(toks, s, e) {
            return Some(src);
        }
    }
    description_back(toks, lo, e)
}

/// "Sam Lau, the communications director for the Iowa Democratic Party
/// said": the person named before a role that ends on a body (at `of`).
fn apposed_before(toks: &[Tok], lo: usize, of: usize) -> Option<Source> {
    if of < lo + 3 || !matches!(low(toks, of - 1), "of" | "for" | "at" | "with") {
        return None;
    }
    // Back over the role's words (lowercase, or titles such as "CEO").
    let mut c = of - 1;
    while c > lo
        && of - 1 - c < 8
        && toks.get(c - 1).is_some_and(|t| {
            t.is_word()
                && (!t.is_cap()
                    || lexicon::is_title(&t.low)
                    || lexicon::is_role(&t.low)
                    || t.is_all_caps())
        })
    {
        c -= 1;
    }
    if c == of - 1 || c <= lo + 1 || !toks.get(c - 1).is_some_and(|t| t.is_punct(',')) {
        return None;
    }
    np_before(toks, lo, c - 1).filter(|s| matches!(s.who, Who::Name(_)))
}

/// Can token `i` belong to a capitalised name run?
fn in_name_run(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return false };
    if t.is_cap() {
        return true;
    }
    // A nickname in quote marks: Robert "Bobby" Kline.
    if t.is_quote() && !t.text.contains(' ') && t.text.starts_with(char::is_uppercase) {
        return i > 0
            && toks.get(i - 1).is_some_and(Tok::is_cap)
            && toks.get(i + 1).is_some_and(Tok::is_cap);
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
    let head = run.get(..run.len().saturating_sub(1))?;
    // A body's name keeps the words a person's name would drop as titles:
    // "the State Department", "the House Intelligence Committee".
    let body = run.last().is_some_and(|t| lexicon::is_org_word(&t.low));
    let title = |t: &Tok| !body && lexicon::is_title(&t.low);
    let mut from = head
        .iter()
        .rposition(|t| title(t) || is_possessive(t))
        .map_or(0, |i| i + 1);
    while run
        .get(from)
        .is_some_and(|t| lexicon::is_not_name(&t.low) || (from + 1 < run.len() && title(t)))
    {
        from += 1;
    }
    let name: Vec<Tok> = run
        .get(from..)?
        .iter()
        .filter(|t| !t.is_quote())
        .cloned()
        .collect();
    let mut name = name.as_slice();
    // "New York City Public Advocate Trish James": past six words a run is
    // a headline, unless it ends on a person's first and last names.
    if name.len() > 6
        && let Some(p) = (name.len().saturating_sub(3)..name.len() - 1).find(|&p| {
            name.get(p)
                .is_some_and(|t| first_names::gender(&t.low).is_some())
        })
    {
        name = name.get(p..)?;
    }
    let first = name.first()?;
    if name.len() == 1 && (lexicon::is_not_name(&first.low) || lexicon::is_title(&first.low)) {
        return None;
    }
    // "Pennsylvania Gov.": a title with no name after it names nobody
    // ("Amy Pope" is a name).
    if !body
        && name.len() > 1
        && name
            .last()
            .is_some_and(|t| t.text.ends_with('.') && lexicon::is_title(&t.low))
    {
        return None;
    }
    source(Who::Name(join(name)), toks, s + from)
}

fn join(toks: &[Tok]) -> String {
    let mut out = String::new();
    for t in toks {
        if !out.is_empty() && !t.is_punct(',') {
            out.push(' ');
        }
        out.push_str(t.text);
    }
    out
}

/// Words that end a description: clause openers, auxiliaries, pronouns,
/// speech verbs and adverbs.
fn stops_description(low: &str) -> bool {
    stops_description_word(low) || lexicon::is_speech_verb(low) || is_adverb(low)
}

/// The closed-class words of `stops_description`.
#[rustfmt::skip]
fn stops_description_word(low: &str) -> bool {
    matches!(
        low,
        "that" | "which" | "who" | "whom" | "and" | "but" | "or" | "as" | "while" | "because" |
        "if" | "when" | "where" | "so" | "than" | "then" | "is" | "was" | "are" | "were" | "has" |
        "had" | "have" | "be" | "not" | "it" | "he" | "she" | "they" | "we" | "i" | "you" |
        "before" | "after" | "about" | "like" | "there" | "here" | "also" | "even" | "just" |
        "cannot" | "could" | "would" | "should" | "might" | "must" | "somehow"
    )
}

/// `stops_description` for token `i` inside a phrase: a capitalised word
/// shaped like a speech verb after a determiner or next to another
/// capitalised word is part of a name there ("a State Department
/// official", "a Washington Post reporter", "according to the Post").
fn stops_description_at(toks: &[Tok], i: usize) -> bool {
    let Some(t) = toks.get(i) else { return true };
    let in_name = t.is_cap()
        && lexicon::is_speech_verb(&t.low)
        && !stops_description_word(&t.low)
        && (toks.get(i + 1).is_some_and(Tok::is_cap)
            || i.checked_sub(1)
                .and_then(|j| toks.get(j))
                .is_some_and(|p| p.is_cap() || lexicon::is_determiner(&p.low)));
    stops_description(&t.low) && !in_name
}

/// Adverbs in -ly (not family, ally, assembly...).
#[rustfmt::skip]
fn is_adverb(low: &str) -> bool {
    low.ends_with("ly")
        && low.len() > 4
        && !matches!(
            low,
            "family" | "rally" | "bully" | "supply" | "assembly" | "italy" | "july" | "belly" |
            "daily" | "weekly" | "monthly" | "quarterly" | "anomaly" | "monopoly"
        )
}

fn is_preposition(low: &str) -> bool {
    lexicon::is_preposition(low)
}

/// "the company", "a narrator in the ad", "top black lawmakers" before `e`.
fn description_back(toks: &[Tok], lo: usize, e: usize) -> Option<Source> {
    let head = toks.get(e - 1)?;
    // "the congressional report said": a record may head it, after a
    // lowercase word ("the IMF report said" is the IMF's).
    let record = lexicon::is_record(&head.low)
        && e > lo + 1
        && toks
            .get(e - 2)
            .is_some_and(|p| p.is_word() && !p.is_cap() && !stops_description(&p.low));
    if !head.is_word() || (stops_description(&head.low) && !record) || is_preposition(&head.low) {
        return None;
    }
    if head.text.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut s = e - 1;
    let mut found_det = false;
    while s > lo && e - s < 10 {
        let Some(t) = toks.get(s - 1) else { break };
        // "the former first lady and senator": go on past "and" only
        // towards a determiner close behind.
        let joined = t.low == "and"
            && (lo..s - 1)
                .rev()
                .take(4)
                .take_while(|&j| {
                    toks.get(j)
                        .is_some_and(|w| w.is_word() && !stops_description_at(toks, j))
                })
                .any(|j| toks.get(j).is_some_and(|w| lexicon::is_determiner(&w.low)));
        if !t.is_word() || (stops_description_at(toks, s - 1) && !joined) {
            break;
        }
        if lexicon::is_determiner(&t.low) || is_possessive(t) {
            s -= 1;
            found_det = true;
            if t.is_cap() {
                while s > lo && in_name_run(toks, s - 1) {
                    s -= 1;
                }
                break;
            }
            // "a narrator in the ad": go on past a preposition.
            if s >= lo + 2 && toks.get(s - 1).is_some_and(|p| is_preposition(&p.low)) {
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
    while s < e && toks.get(s).is_some_and(|t| is_preposition(&t.low)) {
        s += 1;
    }
    let words = toks.get(s..e)?;
    let first = words.first()?;
    let bare_ok =
        words.len() <= 3 && head.low.ends_with('s') && words.iter().all(|w| !w.is_cap() || s == lo);
    if !found_det && !bare_ok {
        return None;
    }
    if !found_det && words.iter().any(|t| is_preposition(&t.low)) {
        return None;
    }
    let _ = first;
    source(Who::Description(join(words), head.low.to_string()), toks, s)
}

/// The noun phrase that starts at token `k` (and ends before `hi`):
/// "Jane Smith", "the company", "he", "9/11 widow Terry Strada".
pub fn np_after(toks: &[Tok], k: usize, hi: usize) -> Option<Source> {
    let first = toks.get(k).filter(|_| k < hi)?;
    if !first.is_word() {
        return None;
    }
    // "her rival’s deputy": a possessive determiner, not the pronoun.
    let determines =
        lexicon::is_determiner(&first.low) && toks.get(k + 1).is_some_and(Tok::is_word);
    if lexicon::pronoun_gender(&first.low).is_some() && !determines {
        return source(Who::Pronoun(first.low.to_string()), toks, k);
    }
    if first.is_cap() && !lexicon::is_determiner(&first.low) {
        let e = run_end(toks, k, hi);
        // "Oversight ranking Democrat Elijah Cummings": a lone capitalised
        // word qualifying the name that closes the phrase.
        if e == k + 1
            && let Some(s) = name_after_modifiers(toks, k, hi, true)
        {
            return Some(s);
        }
        // "Clinton’s campaign manager Robby Mook", "White House press
        // secretary Josh Earnest": the name after the role.
        if let Some(later) = name_after_role(toks, e, hi) {
            return Some(later);
        }
        // "wrote Time magazine": a name and the kind of body it is.
        if toks
            .get(e)
            .is_some_and(|t| !t.is_cap() && is_media_head(&t.low))
            && e < hi
            && toks.get(e + 1).is_none_or(|t| !t.is_word())
        {
            return source(
                Who::Description(join(toks.get(k..=e)?), low(toks, e).to_string()),
                toks,
                k,
            );
        }
        let possessed = e > k && toks.get(e - 1).is_some_and(is_possessive);
        if possessed {
            let d = description_after(toks, k, hi)?;
            return Some(apposed_name(toks, k, hi).unwrap_or(d));
        }
        if let Some(s) = name_of_run(toks, k, e) {
            return Some(s);
        }
    }
    if lexicon::is_determiner(&first.low) || is_possessive(first) {
        let d = description_after(toks, k, hi)?;
        // "Another critic, Laurence H. Tribe,": the name in apposition.
        if let Some(n) = apposed_name(toks, k, hi) {
            return Some(n);
        }
        return Some(d);
    }
    // "9/11 widow Terry Strada", "conservative radio host Rush Limbaugh".
    name_after_role(toks, k, hi).or_else(|| name_after_modifiers(toks, k, hi, false))
}

/// A name closing a phrase of words the tables do not know: "Republican
/// political consultant Chris Russell", "master of ceremonies Asab
/// Al-Tabchi". The phrase runs to punctuation or a preposition; the name
/// is its last capitalised run, of two words or more, after a lowercase word.
/// Never past a possessive ("regarding her Wall Street links") or, when
/// `no_verbs`, a word shaped like a verb ("Trump mocked Jeb Bush").
fn name_after_modifiers(toks: &[Tok], k: usize, hi: usize, no_verbs: bool) -> Option<Source> {
    if is_participle(low(toks, k)) {
        return None;
    }
    let mut e = k;
    let mut lower = false;
    let mut run_start = None;
    while e < hi && e < k + 8 {
        let t = toks.get(e)?;
        if !t.is_word() || stops_description_at(toks, e) {
            break;
        }
        let verb_like = t.low.ends_with("ed")
            || (t.low.ends_with('s') && !t.low.ends_with("ss"))
            || is_irregular_past(&t.low);
        if lexicon::is_determiner(&t.low) || (no_verbs && !t.is_cap() && verb_like) {
            return None;
        }
        if is_preposition(&t.low) && (run_start.is_some() || t.low != "of") {
            break;
        }
        if t.is_cap() {
            run_start.get_or_insert(e);
        } else if run_start.is_some_and(|r| e - r >= 2) {
            // "... Donald Trump defended": the name ends at the verb.
            break;
        } else {
            lower = true;
            run_start = None;
        }
        e += 1;
    }
    let s = run_start?;
    if !lower || e - s < 2 {
        return None;
    }
    name_of_run(toks, s, e)
}

/// The name set off by commas after a description that starts at `k`:
/// "Another critic, Laurence H. Tribe, said".
fn apposed_name(toks: &[Tok], k: usize, hi: usize) -> Option<Source> {
    let c = (k..hi).find(|&i| toks.get(i).is_some_and(|t| !t.is_word()))?;
    if !toks.get(c).is_some_and(|t| t.is_punct(',')) || !toks.get(c + 1).is_some_and(Tok::is_cap) {
        return None;
    }
    let e = run_end(toks, c + 1, hi);
    if toks
        .get(e)
        .is_none_or(|t| t.is_punct(',') || t.is_punct('.'))
    {
        name_of_run(toks, c + 1, e)
    } else {
        None
    }
}

/// The end of the capitalised run that starts at `k`.
fn run_end(toks: &[Tok], k: usize, hi: usize) -> usize {
    let mut e = k + 1;
    while e < hi && in_name_run(toks, e) {
        e += 1;
    }
    while e < hi && toks.get(e).is_some_and(|t| lexicon::is_name_suffix(&t.low)) {
        e += 1;
    }
    e
}

/// A name after up to four lowercase role words from `k`: "press secretary
/// Josh Earnest". The words before may follow a possessive name.
fn name_after_role(toks: &[Tok], k: usize, hi: usize) -> Option<Source> {
    let starts_run = k > 0 && toks.get(k - 1).is_some_and(Tok::is_cap);
    let possessed = k > 0 && toks.get(k - 1).is_some_and(is_possessive);
    let mut i = k;
    while i < hi && i < k + 4 {
        let t = toks.get(i)?;
        if t.is_cap() {
            break;
        }
        let role = t.is_word()
            && (lexicon::is_title(&t.low)
                || lexicon::is_role(&t.low)
                || t.low.chars().all(|c| c.is_ascii_digit()));
        // "political scientist", "1st Lt.": a qualifier, before a role.
        let qualifier = t.is_word()
            && (is_adjective_shaped(&t.low) || is_ordinal(&t.low))
            && toks.get(i + 1).is_some_and(|n| n.is_word());
        let joiner = t.is_punct('/') || t.is_punct('-');
        // "bureau chief", "policy director": a noun naming what the role
        // is over.
        let over = t.is_word()
            && !lexicon::is_determiner(&t.low)
            && !is_preposition(&t.low)
            && !stops_description(&t.low)
            && !verb_shaped(&t.low)
            && toks.get(i + 1).is_some_and(|n| {
                n.is_word()
                    && !n.is_cap()
                    && (lexicon::is_role(&n.low) || lexicon::is_title(&n.low))
            });
        if !role && !joiner && !qualifier && !over {
            return None;
        }
        i += 1;
    }
    // The words before the name end on a role or a title, not a qualifier
    // ("1st Lt." ends on the title that opens the name).
    let titled = toks.get(i).is_some_and(|t| lexicon::is_title(&t.low));
    if i > k
        && !titled
        && toks.get(i - 1).is_some_and(|t| {
            (is_adjective_shaped(&t.low) || is_ordinal(&t.low))
                && !lexicon::is_role(&t.low)
                && !lexicon::is_title(&t.low)
        })
    {
        return None;
    }
    if i == k && !possessed {
        return None;
    }
    if starts_run && !possessed && i == k {
        return None;
    }
    if !toks.get(i).is_some_and(Tok::is_cap) || i >= hi {
        return None;
    }
    let e = run_end(toks, i, hi);
    // "former Pennsylvania Gov. and Democratic National Committee Chairman
    // Ed Rendell": two roles of one person, the name after the second.
    let ends_on_title = e > i && toks.get(e - 1).is_some_and(|t| lexicon::is_title(&t.low));
    if ends_on_title && e < hi && toks.get(e).is_some_and(|t| t.low == "and") {
        return np_after(toks, e + 1, hi).filter(|s| matches!(s.who, Who::Name(_)));
    }
    // "retired Air Force general Lloyd Newton": a body, a role, a name.
    name_after_role(toks, e, hi)
        .filter(|_| e < hi && toks.get(e).is_some_and(|t| !t.is_cap() && t.is_word()))
        .or_else(|| name_of_run(toks, i, e))
}

/// Kinds of news bodies that follow their name: "Time magazine".
fn is_media_head(low: &str) -> bool {
    matches!(
        low,
        "magazine" | "newspaper" | "website" | "blog" | "journal" | "network" | "radio"
    )
}

/// Adjectives by their ending: "political", "legal", "conservative".
fn is_adjective_shaped(low: &str) -> bool {
    low.len() > 4
        && ["al", "ic", "ive", "ary", "ous", "ian", "ican"]
            .iter()
            .any(|e| low.ends_with(e))
}

/// "1st", "22nd", "3rd", "4th".
fn is_ordinal(low: &str) -> bool {
    let digits = low.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(&low[digits.len()..], "st" | "nd" | "rd" | "th")
}

/// "the company", "a spokesman" from `k` on: up to punctuation or a verb.
fn description_after(toks: &[Tok], k: usize, hi: usize) -> Option<Source> {
    let mut e = k + 1;
    // Where the head noun ends when a phrase follows it: "a longtime
    // adviser to Trump", "a spokeswoman for the House Armed Services
    // Committee".
    let mut head_end: Option<usize> = None;
    while e < hi && e - k < if head_end.is_some() { 14 } else { 8 } {
        let Some(t) = toks.get(e) else { break };
        let next = toks.get(e + 1);
        let verb_like = e > k + 1
            && !t.is_cap()
            && (t.low.ends_with("ed")
                || is_irregular_past(&t.low)
                || (t.low.ends_with('s')
                    && !t.low.ends_with("ss")
                    && next.is_some_and(|n| {
                        is_preposition(&n.low)
                            || lexicon::is_determiner(&n.low)
                            || n.is_quote()
                            || (n.is_cap() && head_end.is_none())
                            || matches!(n.low.as_ref(), "off" | "out" | "up" | "down")
                    })));
        let opens_phrase = head_end.is_none()
            && e > k + 1
            && matches!(t.low.as_ref(), "to" | "for" | "of" | "at" | "with" | "from")
            && next
                .is_some_and(|n| n.is_cap() || (lexicon::is_determiner(&n.low) && n.low != "that"));
        if opens_phrase {
            head_end = Some(e);
            e += 1;
            continue;
        }
        if !t.is_word()
            || stops_description_at(toks, e)
            || lexicon::is_not_subject_after(&t.low)
            || lexicon::is_verb_filler(&t.low)
            || verb_like
        {
            break;
        }
        e += 1;
    }
    // A phrase that ends on its preposition or determiner is no phrase.
    if let Some(h) = head_end
        && toks
            .get(e - 1)
            .is_none_or(|t| is_preposition(&t.low) || lexicon::is_determiner(&t.low))
    {
        e = h;
        head_end = None;
    }
    if e == k + 1 {
        return None;
    }
    let words = toks.get(k..e)?;
    let head = toks.get(head_end.unwrap_or(e) - 1)?;
    // A capitalised run after the determiner is a name: "the New York Post".
    if words.get(1..)?.iter().all(Tok::is_cap)
        && let Some(n) = name_of_run(toks, k + 1, e)
    {
        return Some(n);
    }
    source(Who::Description(join(words), head.low.to_string()), toks, k)
}

/// A word that may be the sentence's verb: "-ed", an irregular past, a
/// speech verb ("says").
fn verb_shaped(low: &str) -> bool {
    low.ends_with("ed") || is_irregular_past(low) || lexicon::is_speech_verb(low)
}

/// Past tenses without -ed that end a description: "the actor held ...".
#[rustfmt::skip]
fn is_irregular_past(low: &str) -> bool {
    matches!(
        low,
        "held"
            | "put"
            | "took"
            | "made"
            | "gave"
            | "sought"
            | "began"
            | "told"
            | "wrote"
            | "said"
            | "sent"
            | "saw"
            | "met"
            | "ran"
            | "won"
            | "lost"
            | "led"
            | "left"
            | "kept"
            | "got"
            | "brought"
            | "thought"
            | "found"
            | "felt"
            | "heard"
            | "hit"
            | "set"
            | "spent"
            | "stood"
            | "meant"
            | "paid"
            | "went"
            | "came"
            | "became"
            | "knew"
            | "drew"
            | "chose"
            | "spoke"
            | "likes"
            | "loves"
            | "wants"
            | "used"
    )
}

/// Openers that put an adverbial before the subject: "In July, Smith ...".
#[rustfmt::skip]
fn opens_adverbial(t: &Tok) -> bool {
    matches!(
        t.low.as_ref(),
        "in" | "on" | "at" | "after" | "before" | "during" | "despite" | "while" | "when" | "as" |
        "although" | "though" | "since" | "because" | "if" | "for" | "with" | "without" | "under" |
        "over" | "amid" | "following" | "from" | "by" | "like" | "unlike" | "asked" | "last" |
        "earlier" | "later" | "once" | "to" | "until" | "upon" | "within"
    ) || (t.low.ends_with("ing") && t.is_cap())
        || (t.low.ends_with("ed") && t.is_cap() && !lexicon::is_title(&t.low))
}

/// The subject of the sentence `[lo, hi)`: its first noun phrase, after a
/// dateline, a conjunction or an opening adverbial.
pub fn subject(toks: &[Tok], lo: usize, hi: usize) -> Option<Source> {
    let mut k = lo;
    // Dateline: WASHINGTON (AP) — ...
    if let Some(d) = (lo..hi.min(lo + 15)).find(|&i| toks.get(i).is_some_and(is_dash))
        && toks.get(lo..d).is_some_and(|w| {
            w.iter().any(|t| t.is_all_caps() || t.is_punct('('))
                && w.iter().all(|t| {
                    !t.is_word() || t.is_cap() || t.text.starts_with(|c: char| c.is_ascii_digit())
                })
        })
    {
        k = d + 1;
    }
    while toks.get(k).is_some_and(|t| {
        t.is_punct(',')
            || matches!(
                t.low.as_ref(),
                "but"
                    | "and"
                    | "so"
                    | "yet"
                    | "still"
                    | "meanwhile"
                    | "however"
                    | "also"
                    | "now"
                    | "instead"
                    | "indeed"
                    | "then"
                    | "separately"
                    | "later"
            )
    }) {
        k += 1;
    }
    // "Conversely, ...", "Yesterday, ...": a lone adverb before a comma.
    if toks
        .get(k)
        .is_some_and(|t| is_adverb(&t.low) || lexicon::is_verb_filler(&t.low))
        && toks.get(k + 1).is_some_and(|t| t.is_punct(','))
    {
        k += 2;
    }
    // "Two years ago, ...", "A week later, ...": a time phrase before a comma.
    let comma = (k..hi.min(k + 6)).find(|&i| toks.get(i).is_some_and(|t| t.is_punct(',')));
    if let Some(c) = comma
        && toks.get(k..c).is_some_and(|w| {
            w.iter()
                .any(|t| matches!(t.low.as_ref(), "ago" | "later" | "earlier"))
        })
    {
        k = c + 1;
    }
    if toks.get(k).is_some_and(opens_adverbial) {
        // The adverbial ends at a comma (or a quotation ending with one);
        // one more comma may stand inside it.
        let commas: Vec<usize> = (k..hi)
            .filter(|&i| {
                toks.get(i)
                    .is_some_and(|t| t.is_punct(',') || (t.is_quote() && t.text.ends_with(',')))
            })
            .take(2)
            .collect();
        // "In a Tumblr post at the time she described ...": with no comma
        // after a prepositional phrase (not a clause: "While ... she
        // submitted"), the first "he", "she" or "they".
        let clause = toks.get(k).is_some_and(|t| {
            matches!(
                &*t.low,
                "while"
                    | "when"
                    | "although"
                    | "though"
                    | "if"
                    | "because"
                    | "since"
                    | "as"
                    | "once"
                    | "until"
                    | "unless"
                    | "whether"
            )
        });
        let after_comma = commas.iter().find_map(|&c| np_after(toks, c + 1, hi));
        if after_comma.is_some() || clause {
            return after_comma;
        }
        return (k + 2..hi.min(k + 15))
            .take_while(|&i| toks.get(i).is_some_and(|t| t.is_word()))
            .find(|&i| {
                toks.get(i)
                    .is_some_and(|t| matches!(&*t.low, "he" | "she" | "they"))
            })
            .and_then(|i| np_after(toks, i, hi));
    }
    np_after(toks, k, hi)
}
