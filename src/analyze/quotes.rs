//! Quotes: the words inside quotation marks, and who said them.
//!
//! marks -> the quotations of each body block; words -> tokens and
//! sentences around them; attribution -> the phrase naming the speaker;
//! entities -> that phrase turned into the full name of a person or
//! organisation of the story.

mod attribution;
mod choice;
mod entities;
mod first_names;
mod lexicon;
mod marks;
mod names;
mod speaker_weights;
mod words;

use crate::article::{Article, Quote, QuoteKind, Span};
use attribution::{Source, Who};
use choice::{Context, Origin, Path, Pool};
use entities::{BlockView, People, Resolved};
use marks::Marked;
use words::{Kind, Tok};

/// One body block read for quotes.
struct Read<'a> {
    block: usize,
    /// A list item: a text dump may read a sign-off dash as a bullet.
    list_item: bool,
    text: &'a str,
    quotes: Vec<Marked>,
    toks: Vec<Tok<'a>>,
    sentences: Vec<(usize, usize)>,
}

/// Every quotation in the body blocks (never captions), with its speaker.
pub fn find(article: &Article) -> Vec<Quote> {
    find_with(article, None)
}

/// One quotation's speaker candidates as the fitted choice sees them:
/// (speaker, canonical name, features), for scripts/fit_speaker.py.
pub struct SpeakerRows {
    pub text: String,
    pub candidates: Vec<(String, String, Vec<f64>)>,
}

/// The speaker candidates of every quotation (see `SpeakerRows`).
pub fn speaker_candidates(article: &Article) -> Vec<SpeakerRows> {
    let mut rows = Vec::new();
    find_with(article, Some(&mut rows));
    rows
}

fn find_with(article: &Article, mut dump: Option<&mut Vec<SpeakerRows>>) -> Vec<Quote> {
    let reads: Vec<Read> = article
        .body()
        .map(|(block, b)| {
            let quotes = marks::find(&b.text);
            let toks = words::tokens(&b.text, &quotes);
            let sentences = words::sentences(&toks);
            Read {
                block,
                list_item: b.kind == crate::article::BlockKind::ListItem,
                text: &b.text,
                quotes,
                toks,
                sentences,
            }
        })
        .collect();
    let views: Vec<BlockView> = reads
        .iter()
        .map(|r| BlockView {
            block: r.block,
            toks: &r.toks,
            sentences: &r.sentences,
        })
        .collect();
    let people = People::build(&views);

    let mut out = Vec::new();
    let mut thread = Thread::default();
    for (ri, r) in reads.iter().enumerate() {
        let mut sentence = r.sentences.iter().peekable();
        for (ti, t) in r.toks.iter().enumerate() {
            let Kind::Quote(qi) = t.kind else { continue };
            let Some(m) = r.quotes.get(qi) else { continue };
            while sentence.next_if(|&&(_, hi)| hi <= ti).is_some() {}
            let Some(&&(lo, hi)) = sentence.peek() else {
                continue;
            };
            if is_quoted_heading(&r.toks, m, r.text) || is_nickname(&r.toks, ti) {
                continue;
            }
            let alone = stands_alone(&r.toks, lo, hi, ti);
            let words = r.text.get(m.start..m.end).unwrap_or("");
            let quote_kind = kind(r.text, &r.toks, lo, ti, m);
            let mut rule_found = None;
            let mut according = false;
            let (rule, path) = match transcript_label(words) {
                Some(label) => {
                    let label = names::fix_label_case(&label, |w| people.form_of(w));
                    (Some(Resolved::same(people.full_name(&label))), None)
                }
                None => match thread.after_quote(r.block, &r.sentences, lo, alone) {
                    Some(s) => (Some(s), Some(Path::AfterQuote)),
                    None => match source_of(&reads, ri, ti, (lo, hi), alone, &thread) {
                        Some((s, b)) => {
                            let path = if b != r.block || !(lo..hi).contains(&s.tok) {
                                Path::Outside
                            } else if s.weak {
                                Path::Weak
                            } else {
                                Path::Sentence
                            };
                            let who = people.resolve(&s, b).and_then(|r| tidy(r, &people));
                            according = s.according && who.is_some();
                            rule_found = Some((s.at.abs_diff(m.start), s.who.clone()));
                            (who, Some(path))
                        }
                        None => (
                            thread.carry(r.block, lo, alone || ti == lo, alone),
                            Some(Path::Carry),
                        ),
                    },
                },
            };
            let speaker = match path {
                None => rule,
                // "..., Sanders said, according to CNN": the source stands.
                Some(_) if according => rule,
                Some(path) => {
                    let cue = attribution::cue_in(&r.toks, lo, hi);
                    let ctx = Context {
                        path,
                        alone,
                        opens: ti == lo,
                        partial: quote_kind == QuoteKind::Partial,
                        cue: cue.is_some(),
                        spoke_in_block: thread.spoke_in(r.block),
                        rule_pronoun: matches!(rule_found, Some((_, Who::Pronoun(_)))),
                        rule_description: matches!(rule_found, Some((_, Who::Description(..)))),
                    };
                    let rule_distance = rule_found.as_ref().map(|(d, _)| *d);
                    let mut pool = candidates(
                        (rule, rule_distance),
                        cue,
                        r,
                        ti,
                        (lo, hi),
                        &thread,
                        &people,
                    );
                    // "“You winning?” she said": whoever else the sentence
                    // names, the speaker is no man.
                    if path == Path::Sentence
                        && let Some((_, Who::Pronoun(p))) = &rule_found
                    {
                        pool.candidates
                            .retain(|c| people.may_be(&c.who.canonical, p));
                    }
                    if let Some(rows) = dump.as_deref_mut() {
                        rows.push(SpeakerRows {
                            text: words.to_string(),
                            candidates: pool
                                .candidates
                                .iter()
                                .map(|c| {
                                    let f = Pool::features(c, &ctx, &people);
                                    (c.who.speaker.clone(), c.who.canonical.clone(), f.to_vec())
                                })
                                .collect(),
                        });
                    }
                    pool.choose(&ctx, &people)
                }
            };
            thread.record(r.block, lo, &speaker);
            let (speaker, canonical_speaker) = match speaker {
                Some(r) => (Some(r.speaker), Some(r.canonical)),
                None => (None, None),
            };
            out.push(Quote {
                text: words.to_string(),
                speaker,
                canonical_speaker,
                kind: quote_kind,
                span: Span {
                    block: r.block,
                    start: m.start,
                    end: m.end,
                },
            });
        }
        thread.prev_block = Some(r.block);
    }
    one_name_per_person(&mut out);
    out
}

/// Across stories, where no story tells who is meant: the one fuller
/// person's name among `names` that `name` is short for ("Obama" ->
/// "Barack Obama", "Owen Dempsey" -> "Owen John Dempsey"), else `name`.
/// Stricter than within a story: the fuller name opens with a known first
/// name, and a place or a body's word ("Washington", "Party") stays itself.
pub fn same_person_as<'n>(name: &'n str, names: &'n [String]) -> &'n str {
    let low = name.to_lowercase();
    if !name.contains(' ')
        && (lexicon::is_place(&low) || lexicon::is_org_word(&low) || lexicon::is_not_name(&low))
    {
        return name;
    }
    let full = names::fullest(name, names);
    let person = full
        .split(' ')
        .next()
        .is_some_and(|first| first_names::gender(&first.to_lowercase()).is_some());
    if person { full } else { name }
}

/// The rules' pick and the others the quotation at token `ti` may go
/// with: its sentence's subject and speech cue, the sentence before, the
/// paragraph's last speaker (or the one before's) and the last quotation's.
/// `rule` is the rules' pick and how far from the quotation they found it.
fn candidates(
    (rule, rule_distance): (Option<Resolved>, Option<usize>),
    cue: Option<Source>,
    r: &Read,
    ti: usize,
    (lo, hi): (usize, usize),
    thread: &Thread,
    people: &People,
) -> Pool {
    let mut pool = Pool::default();
    pool.add_found(rule, Origin::Rule, false, rule_distance, false);
    let named = |s: Option<Source>| {
        s.and_then(|s| people.resolve(&s, r.block))
            .and_then(|x| tidy(x, people))
    };
    // A sentence's first word with no cue is a name only if the story
    // names it again ("Whatever", "Moreover"), as for the rules.
    let weak_at = |s: Source, first: usize| Source {
        weak: s.weak || s.tok == first,
        ..s
    };
    // A sentence in headline case lends no names ("Studio Revives ...").
    if attribution::headline_case(&r.toks, lo, hi) {
        return pool;
    }
    if let Some(s) = attribution::subject(&r.toks, lo, hi) {
        let before = s.tok < ti;
        pool.add(named(Some(weak_at(s, lo))), Origin::Subject, before);
    }
    pool.add(named(cue), Origin::Cue, false);
    if let Some((plo, phi)) = previous_sentence(&r.sentences, lo) {
        let s = attribution::cue_in(&r.toks, plo, phi)
            .or_else(|| attribution::subject(&r.toks, plo, phi).map(|s| weak_at(s, plo)));
        pool.add(named(s), Origin::Previous, false);
    }
    // The names of the sentence, and the paragraph's last one before it.
    let at = |i: usize| r.toks.get(i).map_or(r.text.len(), |t| t.start);
    let (q0, q1) = (at(ti), at(ti + 1));
    let as_name = |name: &str| tidy(Resolved::same(name.to_string()), people);
    let named: Vec<_> = people.named_between(r.block, at(lo), at(hi)).collect();
    if let Some((a, n, subj)) = named.iter().rev().find(|m| m.0 < q0) {
        pool.add_found(as_name(n), Origin::NameBefore, false, Some(q0 - a), *subj);
    }
    if let Some((a, n, subj)) = named.iter().find(|m| m.0 >= q1) {
        pool.add_found(as_name(n), Origin::NameAfter, false, Some(a - q1), *subj);
    }
    if let Some((_, n, subj)) = named.first() {
        pool.add_found(as_name(n), Origin::NameFirst, false, None, *subj);
    }
    if let Some((_, n, subj)) = people.named_between(r.block, 0, at(lo)).next_back() {
        pool.add_found(as_name(&n), Origin::NameRecent, false, None, subj);
    }
    if let Some((b, s)) = &thread.last {
        if *b == r.block {
            pool.add(Some(s.clone()), Origin::ParaLast, false);
        } else if Some(*b) == thread.prev_block {
            pool.add(Some(s.clone()), Origin::PrevBlockLast, false);
        }
    }
    if let Some((b, _, Some(s))) = &thread.sentence
        && *b == r.block
    {
        pool.add(Some(s.clone()), Origin::PrevQuote, false);
    }
    pool
}

/// Every quote of a person under the fullest name the story's speakers give.
fn one_name_per_person(quotes: &mut [Quote]) {
    let mut names: Vec<String> = quotes
        .iter()
        .filter_map(|q| q.canonical_speaker.clone())
        .collect();
    names.sort();
    names.dedup();
    for q in quotes.iter_mut() {
        for s in [&mut q.speaker, &mut q.canonical_speaker] {
            if let Some(name) = s.as_deref() {
                let full = names::fullest(name, &names);
                if full != name {
                    *s = Some(full.to_string());
                }
            }
        }
    }
}

/// A speaker as shown: descriptors dropped, case fixed, and none at all
/// when the phrase cannot speak (a place, a work, a fragment).
fn tidy(r: Resolved, people: &People) -> Option<Resolved> {
    let fix = |s: &str| {
        let name = names::drop_descriptors(names::cut_glued(s));
        names::fix_case(&name, |w| people.form_of(w))
    };
    let speaker = fix(&r.speaker);
    if !names::may_speak(&speaker) {
        return None;
    }
    let canonical = fix(&r.canonical);
    let canonical = if names::may_speak(&canonical) {
        canonical
    } else {
        speaker.clone()
    };
    Some(Resolved { speaker, canonical })
}

/// Who spoke last, for quotations that carry no attribution of their own.
#[derive(Default)]
struct Thread {
    /// The last speaker found and the block it spoke in.
    last: Option<(usize, Resolved)>,
    /// The block, sentence start and speaker of the last quotation.
    sentence: Option<(usize, usize, Option<Resolved>)>,
    prev_block: Option<usize>,
}

impl Thread {
    /// The speaker a quotation with no attribution goes on with: the last
    /// one of its paragraph when it opens its sentence (or of the paragraph
    /// before when it stands alone), else the speaker of an earlier
    /// quotation in the same sentence.
    fn carry(&self, block: usize, lo: usize, opens: bool, alone: bool) -> Option<Resolved> {
        if opens {
            let (b, s) = self.last.as_ref()?;
            return (*b == block || (alone && Some(*b) == self.prev_block)).then(|| s.clone());
        }
        match &self.sentence {
            Some((b, start, s)) if *b == block && *start == lo => s.clone(),
            _ => None,
        }
    }

    /// "“...,” said Jane Smith. “...”": a quotation standing alone right
    /// after a sentence whose quotation has a speaker goes on with it.
    fn after_quote(
        &self,
        block: usize,
        sentences: &[(usize, usize)],
        lo: usize,
        alone: bool,
    ) -> Option<Resolved> {
        let (plo, _) = previous_sentence(sentences, lo).filter(|_| alone)?;
        match &self.sentence {
            Some((b, start, s)) if *b == block && *start == plo => s.clone(),
            _ => None,
        }
    }

    fn record(&mut self, block: usize, lo: usize, speaker: &Option<Resolved>) {
        if let Some(s) = speaker {
            self.last = Some((block, s.clone()));
        }
        self.sentence = Some((block, lo, speaker.clone()));
    }

    fn spoke_in(&self, block: usize) -> bool {
        self.last.as_ref().is_some_and(|(b, _)| *b == block)
    }
}

/// The phrase naming the speaker of the quotation at token `ti` of block
/// `reads[ri]`, and the block it stands in: in its own sentence, in the
/// sentence before when the quotation stands alone, or in a paragraph
/// before that ends with a colon.
fn source_of(
    reads: &[Read],
    ri: usize,
    ti: usize,
    (lo, hi): (usize, usize),
    alone: bool,
    thread: &Thread,
) -> Option<(Source, usize)> {
    let r = reads.get(ri)?;
    if let Some(s) = attribution::attribute(&r.toks, lo, hi, ti) {
        return Some((s, r.block));
    }
    // "“...”" then a paragraph "- Bernie Sanders.": the quotation ends its
    // paragraph and the next one signs it off.
    if ti + 1 >= r.toks.len()
        || r.toks
            .get(ti + 1..)
            .is_some_and(|rest| rest.iter().all(|t| !t.is_word()))
    {
        // A lone list item may be the sign-off with its dash read as a bullet.
        let lone_item = |i: usize| {
            reads.get(i).is_some_and(|n| n.list_item)
                && !reads.get(i + 1).is_some_and(|n| n.list_item)
                && !reads.get(ri).is_some_and(|n| n.list_item)
        };
        if let Some(n) = reads.get(ri + 1)
            && let Some(s) = attribution::dash_sign_off(&n.toks, lone_item(ri + 1))
        {
            return Some((s, n.block));
        }
    }
    if alone && let Some((plo, phi)) = previous_sentence(&r.sentences, lo) {
        // "Smith called him a master. “...”", or that sentence's subject
        // when it names a person and the paragraph has no speaker yet.
        let named = attribution::cue_in(&r.toks, plo, phi).or_else(|| {
            let s = attribution::subject(&r.toks, plo, phi)?;
            (!thread.spoke_in(r.block) && matches!(s.who, attribution::Who::Name(_))).then_some(s)
        });
        if let Some(s) = named {
            return Some((s, r.block));
        }
    }
    // "“...” Trump said.": a short sentence after that only attributes.
    if ti + 1 == hi
        && let Some(&(nlo, nhi)) = r.sentences.iter().find(|&&(a, _)| a == hi)
        && nhi - nlo <= 8
        && (nlo..nhi).all(|i| r.toks.get(i).is_some_and(|t| !t.is_quote()))
        && let Some(s) = attribution::cue_in(&r.toks, nlo, nhi)
    {
        return Some((s, r.block));
    }
    // "Caddell continued:" then a paragraph of quotation.
    let p = ri.checked_sub(1).and_then(|j| reads.get(j))?;
    let &(plo, phi) = p.sentences.last()?;
    if alone && ti == 0 && p.text.trim_end().ends_with(':') {
        return attribution::cue_in(&p.toks, plo, phi)
            .or_else(|| attribution::subject(&p.toks, plo, phi))
            .map(|s| (s, p.block));
    }
    // "Valastro praised Christie’s leadership." then a paragraph that is
    // one quotation: the person the sentence before is about.
    let quoted = (plo..phi).any(|i| p.toks.get(i).is_some_and(Tok::is_quote));
    if !(alone && lo == 0 && r.sentences.len() == 1) || quoted {
        return None;
    }
    attribution::cue_in(&p.toks, plo, phi)
        .or_else(|| {
            let s = attribution::subject(&p.toks, plo, phi)?;
            let weak = s.tok == plo;
            Some(attribution::Source { weak, ..s })
        })
        .filter(|s| matches!(s.who, attribution::Who::Name(_)))
        .map(|s| (s, p.block))
}

/// One capitalised word in quote marks inside a name: Robert "Bobby" Kline.
fn is_nickname(toks: &[Tok], q: usize) -> bool {
    let one_word = toks
        .get(q)
        .is_some_and(|t| !t.text.contains(' ') && t.text.starts_with(char::is_uppercase));
    one_word
        && q > 0
        && toks.get(q - 1).is_some_and(Tok::is_cap)
        && toks.get(q + 1).is_some_and(Tok::is_cap)
}

/// The sentence before the one starting at token `lo`.
fn previous_sentence(sentences: &[(usize, usize)], lo: usize) -> Option<(usize, usize)> {
    sentences.iter().rev().find(|&&(_, hi)| hi <= lo).copied()
}

/// A transcript's speaker label opening the quotation: "PENCE: Well, ...".
fn transcript_label(words: &str) -> Option<String> {
    let (label, rest) = words.split_once(':')?;
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let caps = label
        .chars()
        .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'');
    (letters >= 2 && caps && label.split(' ').count() <= 3 && rest.starts_with(' '))
        .then(|| label.trim().to_string())
}

/// A block that is only a short title-case quotation is a subheading in
/// quote marks ('All Bets Are Off.'), not someone's words.
fn is_quoted_heading(toks: &[Tok], m: &Marked, text: &str) -> bool {
    if toks.len() > 4
        || toks.iter().any(|t| t.is_word())
        || toks.iter().filter(|t| t.is_quote()).count() != 1
    {
        return false;
    }
    let words: Vec<&str> = text
        .get(m.start..m.end)
        .unwrap_or("")
        .split_whitespace()
        .collect();
    (2..=10).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() < 4
                || w.chars().next().is_some_and(char::is_uppercase)
        })
}

/// Is the quotation at `q` a sentence of its own (no words of the writer)?
fn stands_alone(toks: &[Tok], lo: usize, hi: usize, q: usize) -> bool {
    hi - lo <= 8
        && (lo..hi).all(|i| i == q || toks.get(i).is_some_and(|t| !t.is_word() && !t.is_quote()))
}

/// Direct: a quoted sentence or clause (starts with a capital and opens the
/// sentence, follows a colon or comma, or ends with its own punctuation).
/// Partial: a fragment inside the writer's sentence.
fn kind(text: &str, toks: &[Tok], lo: usize, q: usize, m: &Marked) -> QuoteKind {
    let words = text.get(m.start..m.end).unwrap_or("");
    let capital = words
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase);
    let opens_sentence = q == lo;
    let after_lead = q > lo
        && toks
            .get(q - 1)
            .is_some_and(|t| t.is_punct(':') || t.is_punct(','));
    let own_punct = words.ends_with(['.', ',', '?', '!', '…']) || !m.closed;
    if capital && (opens_sentence || after_lead || own_punct) {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::{Block, BlockKind};

    fn article(paragraphs: &[&str]) -> Article {
        Article {
            title: "T".into(),
            blocks: paragraphs.iter().map(|p| Block::paragraph(*p)).collect(),
            ..Article::default()
        }
    }

    /// (text, speaker) of every quote found in the paragraphs.
    fn said(paragraphs: &[&str]) -> Vec<(String, Option<String>)> {
        let a = article(paragraphs);
        let quotes = find(&a);
        for q in &quotes {
            assert_eq!(a.span_text(&q.span), Some(q.text.as_str()), "span of {q:?}");
        }
        quotes.into_iter().map(|q| (q.text, q.speaker)).collect()
    }

    fn speakers(paragraphs: &[&str]) -> Vec<Option<String>> {
        said(paragraphs).into_iter().map(|(_, s)| s).collect()
    }

    /// The one name per person or body of each quote.
    fn canonical(paragraphs: &[&str]) -> Vec<Option<String>> {
        find(&article(paragraphs))
            .into_iter()
            .map(|q| q.canonical_speaker)
            .collect()
    }

    fn some(s: &str) -> Option<String> {
        Some(s.to_string())
    }

    #[test]
    fn a_body_keeps_the_words_of_its_name() {
        let said = speakers(&[
            "In May, the State Department told the group that “no records were located.”",
        ]);
        assert_eq!(said, vec![some("State Department")]);
    }

    #[test]
    fn a_name_shaped_like_a_speech_verb_stays_in_its_description() {
        // "State", "Post": speech verbs in lower case, part of a name here.
        assert_eq!(
            speakers(&["A State Department official said, “We are not going to speak to it.”"]),
            [some("A State Department official")]
        );
        assert_eq!(
            speakers(&["“We will not comment,” a Washington Post reporter said."]),
            [some("a Washington Post reporter")]
        );
        assert_eq!(
            speakers(&["“It must stop,” the judge said, according to the Post."]),
            [some("Post")]
        );
    }

    #[test]
    fn a_sentence_opening_on_according_to_gives_its_source() {
        assert_eq!(
            speakers(&[
                "According to GMA News, Salceda said the “ugliness of utterances” stood out."
            ]),
            [some("GMA News")]
        );
        assert_eq!(
            speakers(&["According to Trump, he was once part of the “establishment” himself."]),
            [some("Trump")]
        );
    }

    #[test]
    fn according_to_a_report_names_the_report() {
        assert_eq!(
            speakers(&["“Neither do I,” Obama said, according to a White House pool report."]),
            [some("a White House pool report")]
        );
        assert_eq!(
            speakers(&[
                "The witness said the order was to “avoid the outcome,” according to the report."
            ]),
            [some("the report")]
        );
    }

    #[test]
    fn a_record_heads_a_description_before_its_verb() {
        assert_eq!(
            speakers(&["“The computer had been hacked,” the congressional report said."]),
            [some("the congressional report")]
        );
        // An owned record speaks for its owner.
        assert_eq!(
            speakers(&["“The market reaction was muted,” the IMF report said."]),
            [some("IMF")]
        );
    }

    #[test]
    fn a_sentence_closing_on_who_reported_it_gives_its_source() {
        assert_eq!(
            speakers(&[
                "“You are no longer welcome,” said Kristen Day, a director, reports USA Today."
            ]),
            [some("USA Today")]
        );
        assert_eq!(
            speakers(&["Trump said Kasich was “doing the right thing,” CNN reported."]),
            [some("CNN")]
        );
        // Reported inside the sentence is no sign-off.
        assert_eq!(
            speakers(&["“We are ready,” Smith said after CNN reported the news."]),
            [some("Smith")]
        );
    }

    #[test]
    fn a_slogan_is_the_words_of_its_owner() {
        assert_eq!(
            speakers(&[
                "Hillary Clinton spoke on Monday.",
                "Hillary Clinton’s campaign slogan is “I’m with her.” Now she is with them."
            ]),
            [some("Hillary Clinton")]
        );
    }

    #[test]
    fn a_dash_paragraph_signs_off_the_quotation_before_it() {
        assert_eq!(
            speakers(&[
                "We do not award Pinocchios for debates.",
                "\"I helped write the Affordable Care Act.\"",
                "- Bernie Sanders.",
                "The senator is relying on an outdated study.",
            ]),
            [some("Bernie Sanders")]
        );
    }

    #[test]
    fn agrees_names_who_agrees_after_a_quotation() {
        assert_eq!(
            speakers(&["“Our ideas of success are different,” agrees Michelle Stevens, 30."]),
            [some("Michelle Stevens")]
        );
    }

    #[test]
    fn an_infinitive_cue_speaks_for_the_subject_of_its_verb() {
        assert_eq!(
            speakers(&["Bryne went on to say, “From the bottom of my soul, I know this.”"]),
            [some("Bryne")]
        );
    }

    #[test]
    fn a_first_name_tells_who_she_is_not() {
        let said = speakers(&[
            "Donald Trump came to the town hall on Monday with the campaign team.",
            "“Here comes Big Daddy,” she said, clapping.",
        ]);
        assert_eq!(said, vec![None]);
        let said = speakers(&[
            "Melania Trump came to the town hall on Monday with the campaign team.",
            "“Here comes Big Daddy,” she said, clapping.",
        ]);
        assert_eq!(said, vec![some("Melania Trump")]);
        // A "she" about someone else in a sentence naming him does not make
        // him a "she".
        let said = speakers(&[
            "Donald Trump came to the town hall on Monday with the campaign team.",
            "Melanie was there, and the rise of Trump was what she had hoped for.",
            "The woman’s enthusiasm for Trump is recorded in detail.",
            "“Here comes Big Daddy,” she said, clapping.",
        ]);
        assert_ne!(said, vec![some("Donald Trump")]);
    }

    #[test]
    fn according_to_after_the_quote_names_the_source() {
        assert_eq!(
            speakers(&["“We will fight on,” Tom Becker said, according to the Daily Ledger."]),
            [some("Daily Ledger")]
        );
        assert_eq!(
            speakers(&["On Monday, Becker said he was “happy to see” it, according to Reuters."]),
            [some("Reuters")]
        );
    }

    #[test]
    fn a_person_before_a_role_or_a_parenthesis_not_the_body() {
        assert_eq!(
            speakers(&[
                "Sam Lau, the communications director for the Iowa Democratic Party said in a statement. “There are no ballots to recount.”"
            ]),
            [some("Sam Lau")]
        );
        assert_eq!(
            speakers(&[
                "“It was never meant to be,” said Monmouth University political scientist Patrick Murray."
            ]),
            [some("Patrick Murray")]
        );
        assert_eq!(
            speakers(&["After the primary, Gov. John Kasich (R-OH), said, “I’m getting ready.”"]),
            [some("John Kasich")]
        );
    }

    #[test]
    fn a_phrase_cut_after_its_adjective_is_nobody() {
        assert_eq!(
            speakers(&[
                "Bernie Sanders spoke in Columbia on Monday.",
                "Then Bernie Sanders delivered a snappy retort: “No one is tearing this up.”"
            ]),
            [some("Bernie Sanders")]
        );
        assert!(!names::may_speak("a snappy"));
        assert!(!names::may_speak("the caustic"));
        assert!(names::may_speak("a senior official"));
        assert!(names::may_speak(
            "one Democrat familiar with the discussion"
        ));
    }

    #[test]
    fn a_long_run_keeps_the_person_at_its_end() {
        assert_eq!(
            speakers(&[
                "“He voted twice to protect gun dealers,” New York City Public Advocate Mary Jones said."
            ]),
            [some("Mary Jones")]
        );
    }

    #[test]
    fn less_common_cues() {
        assert_eq!(
            speakers(&["As The Hill pointed out, “Still, he has declined to release them.”"]),
            [some("Hill")]
        );
        assert_eq!(
            speakers(&[
                "“Gun owners should leave their weapons at home,” opined Cleveland's Plain Dealer."
            ]),
            [some("Plain Dealer")]
        );
        assert_eq!(
            speakers(&["“Nooooo!” the crowd cried out, booing."]),
            [some("the crowd")]
        );
        assert_eq!(
            speakers(&["“The train has left the station,” wrote Time magazine."]),
            [some("Time magazine")]
        );
        assert_eq!(
            speakers(&[
                "RED STATES OUTNUMBER BLUE STATES - Jeffrey M. Jones: “Gallup’s analysis finds 20 states are solid.”"
            ]),
            [some("Jeffrey Jones")]
        );
    }

    #[test]
    fn speech_verb_after_the_quote() {
        assert_eq!(
            speakers(&["“The bridge will open in May,” Maria Lopez said."]),
            [some("Maria Lopez")]
        );
        assert_eq!(
            speakers(&["“We are ready,” said Tom Becker, chief engineer at Arcwell Ltd."]),
            [some("Tom Becker")]
        );
    }

    #[test]
    fn speech_verb_before_the_quote_and_colon_leads() {
        assert_eq!(
            speakers(&["Ms Anita Rao said: “The numbers do not add up.”"]),
            [some("Anita Rao")]
        );
        assert_eq!(
            speakers(&["Dr. Paul Weiss told reporters the trial had been “a partial success”."]),
            [some("Paul Weiss")]
        );
    }

    #[test]
    fn titles_and_parentheses_are_dropped() {
        assert_eq!(
            speakers(&["“Not on my watch,” Sen. Dana Whitfield (R-Ore.) said Tuesday."]),
            [some("Dana Whitfield")]
        );
    }

    #[test]
    fn spokespeople_speak_for_their_body_unless_named() {
        let story = [
            "Helix Motors recalled 4,000 cars.",
            "Helix’s spokesman said the fault was “minor”.",
            "“We acted fast,” said Nora Bell, a spokeswoman for Helix Motors.",
        ];
        assert_eq!(speakers(&story), [some("Helix Motors"), some("Nora Bell")]);
        assert_eq!(canonical(&story), [some("Helix Motors"), some("Nora Bell")]);
    }

    #[test]
    fn a_split_quote_has_one_speaker() {
        let got = said(&["“It was cold,” said Ivan Petrov, “but we kept going.”"]);
        assert_eq!(
            got,
            [
                ("It was cold,".to_string(), some("Ivan Petrov")),
                ("but we kept going.".to_string(), some("Ivan Petrov")),
            ]
        );
    }

    #[test]
    fn a_surname_gives_the_full_name_as_introduced() {
        assert_eq!(
            speakers(&[
                "Harbor Authority chief Lena J. Okafor opened the session on Monday.",
                "“Traffic is up,” Okafor said.",
            ]),
            [some("Lena Okafor")]
        );
    }

    #[test]
    fn pronouns_follow_gender_and_salience() {
        assert_eq!(
            speakers(&[
                "Mr. Omar Haddad met Mrs. Greta Lind in Oslo.",
                "Lind spoke first. “We found common ground,” she said.",
                "Haddad nodded. “It is a start,” he added.",
            ]),
            [some("Greta Lind"), some("Omar Haddad")]
        );
    }

    #[test]
    fn she_said_is_no_man_the_sentence_names() {
        // The fitted choice may prefer a name the sentence gives as a
        // subject; "she" rules out a man by his first name.
        let got = speakers(&[
            "Nora watched Victor Kallas on television. Kallas waved to the crowd.",
            "Victor Kallas said the polls were wrong. Kallas said it twice.",
            "“You winning?” she said, but Sam was drifting off, and as Victor Kallas went on about taxes, Nora said yes.",
        ]);
        assert_eq!(got, [some("Nora")]);
    }

    #[test]
    fn he_is_no_woman_known_by_her_first_name() {
        let got = speakers(&[
            "Nora said she would watch. Nora said it again.",
            "“I love you,” he said.",
        ]);
        assert_ne!(got, [some("Nora")]);
    }

    #[test]
    fn went_on_about_is_speech() {
        assert_eq!(
            speakers(&["As Victor Kallas went on about “a rigged system,” the crowd cheered."]),
            [some("Victor Kallas")]
        );
    }

    #[test]
    fn according_to_people_with_no_article() {
        // Never the sentence's subject ("The plan", "Victor Kallas").
        assert_eq!(
            speakers(&[
                "The plan was “dead,” according to campaign officials.",
                "As a boss on “The Show,” Victor Kallas demeaned women, according to show insiders.",
            ]),
            [some("campaign officials"), some("show insiders")]
        );
    }

    #[test]
    fn a_platform_post_is_not_its_author() {
        // "post" is a noun here, and "she" the subject after the phrase.
        assert_eq!(
            speakers(&[
                "Singer Mara Quist left the label last year.",
                "In a Tumblr post at the time she described this as the “worst case scenario”.",
            ]),
            [some("Mara Quist")]
        );
    }

    #[test]
    fn a_move_someone_called() {
        assert_eq!(
            speakers(&[
                "Regulators banned the sale, a move Priya Nair called “short-sighted” on Friday."
            ]),
            [some("Priya Nair")]
        );
    }

    #[test]
    fn according_to_and_passive_saying() {
        assert_eq!(
            speakers(&["The deal is “nearly done”, according to Felix Brandt."]),
            [some("Felix Brandt")]
        );
        assert_eq!(
            speakers(&["Chen Wei was quoted as saying the plan was “unworkable”."]),
            [some("Chen Wei")]
        );
    }

    #[test]
    fn according_to_at_the_end_and_passive_agents() {
        assert_eq!(
            speakers(&[
                "Thousands joined a “day of action” in 40 towns, according to the Tenants Union.",
                "“Harbour Lights” was written by Mira Sol in 1998.",
            ]),
            [some("Tenants Union"), some("Mira Sol")]
        );
    }

    #[test]
    fn dash_sign_off() {
        assert_eq!(
            speakers(&["“Keep the lights on.” — Commissioner Rosa Delgado"]),
            [some("Rosa Delgado")]
        );
    }

    #[test]
    fn descriptions_resolve_to_the_organisation_or_person_meant() {
        let story = [
            "Orbital Foods Inc said sales rose. Ravi Menon founded it in 2001.",
            "Orbital Foods will open two plants that are “fully automated,” the company said.",
            "Speaking in Pune, the billionaire said the plants were “a bet on the future”.",
        ];
        assert_eq!(
            speakers(&story),
            [some("Orbital Foods"), some("Ravi Menon")]
        );
        assert_eq!(
            canonical(&story),
            [some("Orbital Foods"), some("Ravi Menon")]
        );
    }

    #[test]
    fn a_description_runs_to_its_phrase_and_stops_at_the_verb() {
        assert_eq!(
            speakers(&[
                "“We have work to do,” said a longtime adviser to Trump, who asked not to be named.",
                "The actor held a fake audition and asked actors to act “whiter.”",
            ]),
            [some("a longtime adviser to Trump"), some("The actor")]
        );
    }

    #[test]
    fn places_works_events_and_fragments_are_no_speakers() {
        let got = speakers(&[
            "Jane Starner lives in a retirement community in North Manchester, Indiana.",
            "North Manchester is quiet. “I cannot believe it.”",
        ]);
        assert_ne!(got, [some("North Manchester")]);
        assert_eq!(
            speakers(&["He performed an improvised live show called “Ask Dr. Mike” at fairs."]),
            [None]
        );
        assert_eq!(
            speakers(&["The festival opened with a poem called “Harbour Lights”."]),
            [None]
        );
        assert_eq!(
            speakers(&["So, the paper-thin medical “record” that Trump provided was made up."]),
            [None]
        );
        let debates = speakers(&[
            "The Commission on Presidential Debates called the format “final” on Monday.",
        ]);
        assert_ne!(debates, [some("Presidential Debates")]);
    }

    #[test]
    fn one_name_per_person_fullest_form_descriptors_dropped_case_fixed() {
        assert_eq!(
            speakers(&[
                "Donald Trump spoke in Ohio on Monday.",
                "“We will win,” Trump said.",
                "Nigel Farage was there too. “It is over,” Mr Farage said.",
            ]),
            [some("Donald Trump"), some("Nigel Farage")]
        );
        assert_eq!(
            speakers(&["Neighbour Margaret Ellery said: “We heard a bang at midnight.”"]),
            [some("Margaret Ellery")]
        );
        assert_eq!(
            speakers(&[
                "Mike Pence spoke to Fox News on Sunday.",
                "\"PENCE: Well, look, it is serious business.\"",
            ]),
            [some("Mike Pence")]
        );
        assert_eq!(
            speakers(&["\"PENCE: Well, look, it is serious business.\""]),
            [some("Pence")]
        );
    }

    #[test]
    fn a_short_attribution_after_a_closed_quote() {
        assert_eq!(
            speakers(&["“Russia, if you’re listening, find the emails.” Trump said."]),
            [some("Trump")]
        );
    }

    #[test]
    fn a_quote_only_paragraph_continues_the_previous_speaker() {
        assert_eq!(
            speakers(&[
                "“We lost the first half,” coach Ada Moyo said.",
                "“Then we found our feet.”",
            ]),
            [some("Ada Moyo"), some("Ada Moyo")]
        );
    }

    #[test]
    fn a_quotation_paragraph_after_a_colon_lead() {
        assert_eq!(
            speakers(&[
                "Later, Governor Ruth Adeyemi wrote:",
                "“The budget is balanced for the first time in a decade.”",
                "“We kept every promise.”",
            ]),
            [some("Ruth Adeyemi"), some("Ruth Adeyemi")]
        );
    }

    #[test]
    fn a_nickname_inside_the_name() {
        assert_eq!(
            speakers(&["“We won,” Mayor Robert \"Bobby\" Kline said on Sunday."]),
            [some("Robert Kline")]
        );
    }

    #[test]
    fn a_quote_after_a_sentence_naming_a_speaker() {
        assert_eq!(
            speakers(&["Kofi Mensah called the plan bold. “Nobody else tried it.”"]),
            [some("Kofi Mensah")]
        );
    }

    #[test]
    fn a_quote_after_a_quoted_sentence_keeps_its_speaker() {
        // The sentence before names a place after the verb's object; the
        // quotation goes on with the speaker of the one before it.
        assert_eq!(
            speakers(&[
                "Ortiz “drew well” in Ohio, said state professor Lena Brandt. “It was her ground.”"
            ]),
            [some("Lena Brandt"), some("Lena Brandt")]
        );
    }

    #[test]
    fn a_name_after_modifiers_the_tables_do_not_know() {
        assert_eq!(
            speakers(&[
                "“It became crowded,” said  Republican political consultant Omar Haddad.",
                "“Thanks for coming,” said master of ceremonies Rui Tavares.",
                "Oversight ranking Democrat Elias Crump said it was “a farce”.",
            ]),
            [
                some("Omar Haddad"),
                some("Rui Tavares"),
                some("Elias Crump")
            ]
        );
        // Never past a possessive or a verb.
        assert_eq!(
            speakers(&[
                "Mara Quist accuses Ned Fell of an “artful smear” regarding her Wall Street links while Fell suggests otherwise."
            ]),
            [some("Mara Quist")]
        );
    }

    #[test]
    fn an_apposition_or_a_hometown_between_name_and_verb() {
        assert_eq!(
            speakers(&[
                "Guns are “a crisis,” Hal Dorn, the former governor of Vermont, proclaimed.",
                "Tess Baker of Columbia, South Carolina says he keeps “doing what he does.”",
            ]),
            [some("Hal Dorn"), some("Tess Baker")]
        );
    }

    #[test]
    fn the_outer_speaker_of_reported_speech() {
        assert_eq!(
            speakers(&[
                "Rep. Sol Irving said Vera Lund called on members to be “closely coordinated.”"
            ]),
            [some("Sol Irving")]
        );
    }

    #[test]
    fn a_quotation_paragraph_after_a_sentence_about_its_speaker() {
        assert_eq!(
            speakers(&[
                "Bram Valdo praised the governor’s leadership after the storm.",
                "“We need someone who cuts through it.”",
            ]),
            [some("Bram Valdo")]
        );
    }

    #[test]
    fn an_indefinite_description_is_someone_new() {
        assert_eq!(
            speakers(&[
                "Carla Finch ran the firm for six years.",
                "One former executive said she was “hard to read”.",
            ]),
            [some("One former executive")]
        );
    }

    #[test]
    fn a_possessive_before_words_is_the_owner() {
        assert_eq!(
            speakers(&[
                "Speaker Luke Ryland issued a statement.",
                "Ryland’s language in the statement shows “respect” for the bureau.",
            ]),
            [some("Luke Ryland")]
        );
    }

    #[test]
    fn twice_decoded_letters_stay_in_the_name() {
        assert_eq!(
            speakers(&["President Enrique PeÃ±a Nieto urged people not to “choose isolation.”"]),
            [some("Enrique PeÃ±a Nieto")]
        );
    }

    #[test]
    fn a_surname_only_speaker_takes_a_pronoun() {
        assert_eq!(
            speakers(&["“It isn’t fair,” Okonkwo said. “They cut our budget” twice, she said."]),
            [some("Okonkwo"), some("Okonkwo")]
        );
    }

    #[test]
    fn a_second_quote_in_the_sentence_keeps_the_speaker() {
        assert_eq!(
            speakers(&["“Sit down,” Lara Quist told him before adding, “and listen.”"]),
            [some("Lara Quist"), some("Lara Quist")]
        );
    }

    #[test]
    fn a_time_phrase_before_the_subject() {
        assert_eq!(
            speakers(&["Ten years ago, a city survey called the tunnel “unsafe”."]),
            [some("a city survey")]
        );
    }

    #[test]
    fn british_single_quotes_and_an_apposed_name() {
        assert_eq!(
            speakers(&[
                "The minister, Joan Abbey, spoke on Monday. ‘We will not borrow,’ she told MPs.",
                "Her rival’s deputy, Colm Ryan, called the plan ‘a fudge’.",
            ]),
            [some("Joan Abbey"), some("Colm Ryan")]
        );
    }

    #[test]
    fn other_languages_inverted_verbs_and_selon() {
        assert_eq!(
            speakers(&[
                "« Nous tiendrons bon », a déclaré Claire Dubois.",
                "„Das reicht nicht“, sagte Jonas Weber.",
                "«No habrá recortes», dijo Lucía Ortega.",
                "La réforme est « injuste », selon Paul Girard.",
            ]),
            [
                some("Claire Dubois"),
                some("Jonas Weber"),
                some("Lucía Ortega"),
                some("Paul Girard")
            ]
        );
    }

    #[test]
    fn a_lone_opening_word_is_no_speaker_unless_named_again() {
        assert_eq!(
            speakers(&["Consider the “gig economy” of the 2010s."]),
            [None]
        );
        assert_eq!(
            speakers(&["Valdez runs the farm. Valdez calls it “a family affair”."]),
            [some("Valdez")]
        );
    }

    #[test]
    fn an_age_description_is_the_person_meant() {
        let story = [
            "Coach Ines Moreau signed a new deal on Friday.",
            "“I am staying,” the 56-year-old said.",
        ];
        assert_eq!(speakers(&story), [some("Ines Moreau")]);
        assert_eq!(canonical(&story), [some("Ines Moreau")]);
    }

    #[test]
    fn headline_case_lines_lend_no_names() {
        assert_eq!(
            speakers(&["Studio Revives ‘The Long Night’ With New Cast And Director"]),
            [None]
        );
    }

    #[test]
    fn no_speaker_is_none_rather_than_a_guess() {
        assert_eq!(
            speakers(&["The word “sustainable” appears on every label in the shop."]),
            [None]
        );
    }

    #[test]
    fn transcript_labels_name_the_speaker() {
        assert_eq!(
            speakers(&[
                "\"HOST: Welcome back to the show.\"",
                "\"GUEST: Thanks for having me.\""
            ]),
            [some("Host"), some("Guest")]
        );
    }

    #[test]
    fn captions_have_no_quotes() {
        let mut a = article(&["Body text."]);
        a.blocks.push(Block::new(
            BlockKind::Caption,
            "Fans chant “olé” at the match.",
        ));
        assert!(find(&a).is_empty());
    }

    #[test]
    fn kinds_direct_and_partial() {
        let a = article(&["“We will appeal,” she said, calling the ruling “deeply flawed”."]);
        let kinds: Vec<QuoteKind> = find(&a).iter().map(|q| q.kind).collect();
        assert_eq!(kinds, [QuoteKind::Direct, QuoteKind::Partial]);
    }

    #[test]
    fn a_role_over_a_noun_still_leads_to_the_name() {
        assert_eq!(
            speakers(&[
                "“He did not pick a nominee,” wrote Post White House bureau chief Juliet Eilperin, citing participants."
            ]),
            [some("Juliet Eilperin")]
        );
    }

    #[test]
    fn a_rank_after_an_ordinal_opens_the_name() {
        assert_eq!(
            speakers(&["“I was hoping for more,” said Air Force 1st Lt. Tyler Livingston."]),
            [some("Tyler Livingston")]
        );
    }

    #[test]
    fn two_roles_of_one_person_lead_to_the_name_after_the_second() {
        assert_eq!(
            speakers(&[
                "“He’s reprising that role,” said former Pennsylvania Gov. and Democratic National Committee Chairman Ed Rendell."
            ]),
            [some("Ed Rendell")]
        );
    }

    #[test]
    fn a_name_may_end_in_a_title_word() {
        // Only an abbreviated title ("Gov.") ends a run that names nobody.
        assert_eq!(
            speakers(&["“We have seen enough,” Amy Pope, deputy homeland security advisor, said."]),
            [some("Amy Pope")]
        );
    }

    #[test]
    fn a_name_in_decomposed_accents_stays_whole() {
        let name = "Enrique Pen\u{303}a Nieto";
        let text = format!("“Choose the road,” said Mexican President {name}.");
        assert_eq!(speakers(&[text.as_str()]), [some(name)]);
    }

    #[test]
    fn remarks_held_by_a_verb_are_not_their_owners_cue() {
        assert_eq!(
            speakers(&[
                "French President François Hollande answered Donald Trump on Tuesday in Paris.",
                "Hollande denounced Trump’s remarks as “hurtful and humiliating” on Tuesday.",
            ]),
            [some("François Hollande")]
        );
        // Not Trump, whose remarks the sentence is about.
        assert_ne!(
            speakers(&[
                "Hollande denounced Trump’s remarks as “hurtful and humiliating” on Tuesday."
            ]),
            [some("Trump")]
        );
        assert_eq!(
            speakers(&[
                "Big Machine has denied Swift’s claims, saying they were “shocking and false.”"
            ]),
            [some("Big Machine")]
        );
        // The claim's own words still belong to its owner.
        assert_eq!(
            speakers(&[
                "Politifact did a fact-check on Donald Trump’s claim that there have been “thousands of shootings” this year."
            ]),
            [some("Donald Trump")]
        );
    }

    #[test]
    fn an_auxiliary_opening_a_question_is_no_part_of_the_name() {
        assert_eq!(
            speakers(&[
                "Scott Szlachta watched the debate at home.",
                "Was Szlachta satisfied with Rubio's response?",
                "“To a point,” he said. “He sort of redirected.”",
            ]),
            [some("Scott Szlachta"), some("Scott Szlachta")]
        );
    }

    #[test]
    fn as_someone_puts_it() {
        assert_eq!(
            speakers(&[
                "As The Post's Ruth Marcus puts it, Obama is trying to make Republicans “an offer they can't afford to refuse.”"
            ]),
            [some("Ruth Marcus")]
        );
    }

    #[test]
    fn more_verbs_of_speech() {
        assert_eq!(
            speakers(&[
                "Glenn Beck spoke on his show on Monday.",
                "“What was the massive pivot point to make him change so fundamentally?” Beck questioned.",
            ]),
            [some("Glenn Beck")]
        );
        assert_eq!(
            speakers(&[
                "In June 2009, David Axelrod emailed her condolences, addressing her informally as “Hillary.”"
            ]),
            [some("David Axelrod")]
        );
    }

    #[test]
    fn a_speech_verb_after_a_possessive_is_a_modifier() {
        assert_eq!(
            speakers(&[
                "Khizr Khan spoke at the convention.",
                "Khan, who is Muslim, also decried Trump’s repeated calls to ban all Muslims, noting he has “sacrificed nothing” for the country.",
            ]),
            [some("Khizr Khan")]
        );
        assert_eq!(
            speakers(&["Soviet dissident Milovan Djilas referred to the “New Class.”"]),
            [some("Milovan Djilas")]
        );
    }

    #[test]
    fn two_authors_before_a_colon_are_led_by_the_first() {
        assert_eq!(
            speakers(&[
                "VOTERS CARE MORE ABOUT CANDIDATES’ ABILITY TO INSPIRE - Frank Newport and Jim Harter: “We found that, across candidates, the leadership strengths mattered.”"
            ]),
            [some("Frank Newport")]
        );
    }

    #[test]
    fn a_sentence_of_many_quotations_is_read_in_one_pass() {
        let long = "He listed “this”, “that” and “more” and ".repeat(400) + "stopped.";
        let started = std::time::Instant::now();
        assert_eq!(said(&[long.as_str()]).len(), 1200);
        assert!(
            started.elapsed().as_secs() < 5,
            "quadratic on long sentences"
        );
    }

    #[test]
    fn odd_input_never_panics() {
        for text in [
            "“",
            "”",
            "\"",
            "'",
            "‘’",
            "“”“",
            "a“b”c",
            "—“x”—",
            "««»»",
            "''''",
            "Mr.",
            ":“",
        ] {
            let _ = said(&[text]);
        }
    }
}
