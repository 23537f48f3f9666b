//! A small model of the story's people and organisations: the names as
//! first introduced, where each is mentioned (outside quotations), whether
//! as a subject, and the gender the text gives them. It turns a surname,
//! a pronoun or a description back into a full name.

use super::attribution::{self, Source, Who};
use super::first_names;
use super::lexicon::{self, FastHash, Gender};
use super::words::Tok;
use std::collections::HashMap;

#[derive(Debug)]
struct Entity {
    name: String,
    /// Lowercase words of the name.
    words: Vec<String>,
    person: bool,
    place: bool,
    /// Named after "in", "near"... or before ", Indiana": a place, unless
    /// it speaks or carries a title.
    place_votes: u32,
    titled: bool,
    /// Named as the subject of a speech verb ("Warren said").
    spoke: bool,
    male: i32,
    female: i32,
}

impl Entity {
    fn is_place(&self) -> bool {
        (self.place || self.place_votes > 0) && !self.spoke && !self.titled
    }

    /// The gender a person's first name tells ("Donald Trump": male; a
    /// lone "Melanie": female).
    fn first_name_gender(&self) -> Option<Gender> {
        if self.person || self.words.len() == 1 {
            self.words.first().and_then(|w| first_names::gender(w))
        } else {
            None
        }
    }

    /// The gender the story's pronouns give, else the one a first name
    /// tells ("Donald Trump" is no "she" even before any "he").
    fn gender(&self) -> Option<Gender> {
        match self.male.cmp(&self.female) {
            std::cmp::Ordering::Greater => Some(Gender::Male),
            std::cmp::Ordering::Less => Some(Gender::Female),
            std::cmp::Ordering::Equal => self.first_name_gender(),
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Mention {
    block: usize,
    at: usize,
    entity: usize,
    subject: bool,
}

/// How many mentions a pronoun or description looks back over.
const LOOKBACK: usize = 400;

/// A speaker as the writer names it, and the one name the story gives
/// the person or body behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub speaker: String,
    pub canonical: String,
}

impl Resolved {
    pub fn same(name: String) -> Resolved {
        Resolved {
            canonical: name.clone(),
            speaker: name,
        }
    }
}

/// Where in the article: block index and byte offset.
pub type Pos = (usize, usize);

#[derive(Debug, Default)]
pub struct People {
    entities: Vec<Entity>,
    mentions: Vec<Mention>,
    /// Entities by their lowercase words joined with spaces.
    by_name: HashMap<String, usize, FastHash>,
    /// People of two words or more by their last and first word, the
    /// first introduced (a bare surname means them).
    by_last: HashMap<String, usize, FastHash>,
    by_first: HashMap<String, usize, FastHash>,
    /// Organisations of two words or more by their first word: Helix Motors.
    org_by_first: HashMap<String, usize, FastHash>,
    /// How the story writes a word when not in capitals: "PENCE" -> "Pence".
    forms: HashMap<String, String, FastHash>,
    /// Each entity's mentions, and those as a subject.
    counts: Vec<(usize, usize)>,
}

/// One block's tokens and sentences, as the model reads them.
pub struct BlockView<'a, 'b> {
    pub block: usize,
    pub toks: &'b [Tok<'a>],
    pub sentences: &'b [(usize, usize)],
}

impl People {
    pub fn build(blocks: &[BlockView]) -> People {
        let mut people = People::default();
        for b in blocks {
            for &(lo, hi) in b.sentences {
                people.read_sentence(b.block, b.toks, lo, hi);
            }
        }
        people.counts = vec![(0, 0); people.entities.len()];
        for m in &people.mentions {
            if let Some(c) = people.counts.get_mut(m.entity) {
                c.0 += 1;
                c.1 += usize::from(m.subject);
            }
        }
        people
    }

    fn read_sentence(&mut self, block: usize, toks: &[Tok], lo: usize, hi: usize) {
        let subject_at = attribution::subject(toks, lo, hi).map(|s| s.at);
        let mut persons_here: Vec<usize> = Vec::new();
        let mut i = lo;
        while i < hi {
            let Some(t) = toks.get(i) else { break };
            if !t.is_cap() {
                i += 1;
                continue;
            }
            let mut e = i + 1;
            while e < hi
                && toks
                    .get(e)
                    .is_some_and(|t| t.is_cap() || is_inner_particle(toks, e))
            {
                e += 1;
            }
            for t in toks.get(i..e).unwrap_or(&[]) {
                if !t.is_all_caps() && !self.forms.contains_key(t.low.as_ref()) {
                    let form = strip_possessive(t.text).to_string();
                    self.forms
                        .insert(strip_possessive(&t.low).to_string(), form);
                }
            }
            // "in North Manchester", "Salem, New Hampshire": a place.
            let after_in = i > lo
                && matches!(
                    toks.get(i - 1).map(|t| t.low.as_ref()),
                    Some("in" | "near" | "outside" | "across" | "throughout" | "inside")
                );
            let before_place = toks.get(e).is_some_and(|t| t.is_punct(','))
                && toks
                    .get(e + 1)
                    .is_some_and(|t| t.is_cap() && lexicon::is_place(&t.low));
            let possessed = toks.get(i..e).is_some_and(|r| {
                r.iter()
                    .any(|t| t.low.ends_with("’s") || t.low.ends_with("'s"))
            });
            let place_vote = (after_in || before_place) && !possessed;
            let next =
                (e..hi).find(|&j| toks.get(j).is_none_or(|t| !lexicon::is_verb_filler(&t.low)));
            // A speech verb used as one: not "a Tumblr post", "the Trump
            // statement".
            let speaking = next.is_some_and(|j| attribution::is_cue(toks, lo, j))
                || i > lo
                    && toks
                        .get(i - 1)
                        .is_some_and(|p| lexicon::is_invertible(&p.low));
            for (s, se, titled) in segments(toks, i, e) {
                let Some(words) = toks.get(s..se) else {
                    continue;
                };
                let subject = subject_at.is_some_and(|a| {
                    toks.get(i..se)
                        .is_some_and(|r| r.iter().any(|w| w.start == a))
                });
                let id = self.note(words, titled, block, subject || speaking);
                if let Some(en) = id.and_then(|i| self.entities.get_mut(i)) {
                    en.spoke |= speaking;
                    en.titled |= titled.is_some();
                    en.place_votes += u32::from(place_vote && !speaking);
                }
                if let Some(id) = id
                    && self.entities.get(id).is_some_and(|en| en.person)
                {
                    persons_here.push(id);
                }
            }
            i = e;
        }
        // Pronouns after a lone person in a sentence vote for their gender.
        persons_here.dedup();
        if let [only] = persons_here.as_slice() {
            let (mut m, mut f) = (0, 0);
            for t in toks.get(lo..hi).unwrap_or(&[]) {
                match t.low.as_ref() {
                    "he" | "his" | "him" | "himself" => m += 1,
                    "she" | "her" | "hers" | "herself" => f += 1,
                    _ => {}
                }
            }
            if let Some(en) = self.entities.get_mut(*only) {
                en.male += m.min(1);
                en.female += f.min(1);
            }
        }
    }

    /// Record a mention of the name `words`; returns its entity.
    fn note(
        &mut self,
        words: &[Tok],
        titled: Option<Option<Gender>>,
        block: usize,
        subject: bool,
    ) -> Option<usize> {
        let first = words.first()?;
        // She’ll, It’s: pronouns, not names.
        let stem = first.low.split(['’', '\'']).next().unwrap_or("");
        if stem != first.low && lexicon::pronoun_gender(stem).is_some() {
            return None;
        }
        let clean: Vec<String> = words
            .iter()
            .map(|w| strip_possessive(&w.low).to_string())
            .collect();
        let id = match self.lookup(&clean) {
            Some(id) => id,
            None => {
                let text = words
                    .iter()
                    .map(|w| strip_possessive(w.text))
                    .collect::<Vec<_>>()
                    .join(" ");
                let place = clean.iter().all(|w| lexicon::is_place(w));
                let org = clean.iter().any(|w| lexicon::is_org_word(w));
                let person =
                    !place && !org && (clean.len() >= 2 && clean.len() <= 4 || titled.is_some());
                self.add(Entity {
                    name: text,
                    words: clean,
                    person,
                    place,
                    place_votes: 0,
                    titled: false,
                    spoke: false,
                    male: 0,
                    female: 0,
                })
            }
        };
        if let Some(en) = self.entities.get_mut(id) {
            match titled.flatten() {
                Some(Gender::Male) => en.male += 2,
                Some(Gender::Female) => en.female += 2,
                None => {}
            }
        }
        self.mentions.push(Mention {
            block,
            at: first.start,
            entity: id,
            subject,
        });
        Some(id)
    }

    /// The entity a name refers to: the same full name, or the person whose
    /// surname (or first name) it is, the most recently mentioned first.
    fn lookup(&self, words: &[String]) -> Option<usize> {
        let exact = match words {
            [one] => self.by_name.get(one.as_str()).copied(),
            _ => self.by_name.get(&words.join(" ")).copied(),
        };
        if let [w] = words {
            let person = exact
                .and_then(|i| self.entities.get(i))
                .is_some_and(|e| e.person);
            let known = self.by_last.get(w).or_else(|| self.by_first.get(w));
            let known = known.or_else(|| self.org_by_first.get(w).filter(|_| exact.is_none()));
            if !person && let Some(&i) = known {
                return Some(i);
            }
        }
        exact
    }

    fn add(&mut self, entity: Entity) -> usize {
        let id = self.entities.len();
        self.by_name.entry(entity.words.join(" ")).or_insert(id);
        let short_form = entity
            .words
            .first()
            .filter(|w| !lexicon::is_place(w) && !lexicon::is_org_word(w));
        if !entity.person
            && !entity.place
            && entity.words.len() > 1
            && let Some(first) = short_form
        {
            self.org_by_first.entry(first.clone()).or_insert(id);
        }
        if entity.person && entity.words.len() > 1 {
            if let Some(last) = entity.words.last() {
                self.by_last.entry(last.clone()).or_insert(id);
            }
            if let Some(first) = entity.words.first() {
                self.by_first.entry(first.clone()).or_insert(id);
            }
        }
        self.entities.push(entity);
        id
    }

    /// The speaker for a phrase at `pos`: a name in the fullest form the
    /// story gives; a description as written ("the businessman"), with the
    /// person or body it stands for as the canonical name; a pronoun
    /// resolved to the person it points back to. None when a pronoun has
    /// no one to point back to.
    pub fn resolve(&self, source: &Source, block: usize) -> Option<Resolved> {
        let pos = (block, source.at);
        match &source.who {
            // A lone capitalised word opening a sentence with no speech cue
            // ("Consider", "Oh") is a name only if the story names it again.
            Who::Name(name) if source.weak && !name.contains(' ') && self.mentioned(name) < 2 => {
                None
            }
            Who::Name(name) => {
                let words = lookup_words(name);
                let id = self.lookup(&words);
                let entity = id
                    .and_then(|i| self.entities.get(i))
                    .filter(|e| e.words.len() >= words.len());
                if entity.is_some_and(Entity::is_place) {
                    return None;
                }
                let full = match entity {
                    Some(e) if e.person => plain_name(&e.name),
                    Some(e) => e.name.clone(),
                    None => plain_name(name),
                };
                Some(Resolved::same(full))
            }
            Who::Pronoun(p) => self.resolve_pronoun(p, pos).map(Resolved::same),
            // "Ryan’s language in the statement", "Podliska’s most explosive
            // claim": the words of the one whose they are.
            Who::Description(text, head)
                if says_words(head)
                    && let Some(owner) = owner_of(text) =>
            {
                let name = Source {
                    who: Who::Name(owner),
                    ..source.clone()
                };
                self.resolve(&name, block)
            }
            Who::Description(text, head) => {
                let meant = spokesperson_for(text, head)
                    .map(|org| self.full_name(&org))
                    .or_else(|| {
                        // "a former executive", "one official": someone new,
                        // not the last person named.
                        let first = text.split(' ').next().unwrap_or("").to_lowercase();
                        let definite = matches!(first.as_str(), "the" | "this" | "that");
                        definite
                            .then(|| self.resolve_description(head, pos))
                            .flatten()
                    });
                // The seeds' convention: a description that resolves is
                // shown as the name it stands for.
                Some(Resolved::same(meant.unwrap_or_else(|| text.clone())))
            }
        }
    }

    /// How the story treats a speaker's name: how often it mentions the
    /// one behind it, whether as a subject, and whether it was seen speaking.
    pub fn salience(&self, name: &str) -> (usize, usize, bool) {
        let words = lookup_words(name);
        let Some(id) = self.lookup(&words) else {
            return (0, 0, false);
        };
        let (all, subject) = self.counts.get(id).copied().unwrap_or((0, 0));
        let spoke = self.entities.get(id).is_some_and(|e| e.spoke);
        (all, subject, spoke)
    }

    /// Whether the pronoun `pronoun` can stand for `name`: not when the
    /// name's first name says the other gender ("she" is no Donald Trump).
    pub fn may_be(&self, name: &str, pronoun: &str) -> bool {
        let Some(Some(gender)) = lexicon::pronoun_gender(&pronoun.to_lowercase()) else {
            return true;
        };
        let words = lookup_words(name);
        self.lookup(&words)
            .and_then(|i| self.entities.get(i))
            .and_then(Entity::first_name_gender)
            .is_none_or(|g| g == gender)
    }

    /// Who is named in block `block` from byte `from` up to `to` and may
    /// speak: seen speaking, titled, or a person by a known first name (not
    /// "Korean War", "Western Europe"): (offset, name as shown, as a subject).
    pub fn named_between(
        &self,
        block: usize,
        from: usize,
        to: usize,
    ) -> impl DoubleEndedIterator<Item = (usize, String, bool)> + '_ {
        let first = self
            .mentions
            .partition_point(|m| (m.block, m.at) < (block, from));
        let end = self
            .mentions
            .partition_point(|m| (m.block, m.at) < (block, to))
            .max(first);
        self.mentions
            .get(first..end)
            .unwrap_or(&[])
            .iter()
            .filter_map(|m| {
                let e = self
                    .entities
                    .get(m.entity)
                    .filter(|e| !e.is_place() && (e.spoke || e.titled || has_first_name(e)))?;
                Some((m.at, display(e), m.subject))
            })
    }

    /// How often the story mentions the one-word name `name`.
    fn mentioned(&self, name: &str) -> usize {
        let key = strip_possessive(&name.to_lowercase()).to_string();
        let Some(id) = self.lookup(&[key]) else {
            return 0;
        };
        self.mentions.iter().filter(|m| m.entity == id).count()
    }

    fn resolve_pronoun(&self, pronoun: &str, pos: Pos) -> Option<String> {
        let gender = lexicon::pronoun_gender(pronoun)?;
        let Some(gender) = gender else {
            return match pronoun {
                "they" | "it" => self.recent(pos, |e| !e.person && !e.is_place(), true),
                _ => None,
            };
        };
        // A lone word that spoke and is no body or place may be a person
        // known by surname only.
        let fits = |e: &Entity| {
            let maybe_person = e.spoke
                && e.words.len() == 1
                && !e.place
                && !e.words.iter().any(|w| lexicon::is_org_word(w));
            // Pronoun votes can go astray ("she" about someone else in a
            // sentence naming him): a first name's gender must agree too.
            (e.person || maybe_person)
                && !e.is_place()
                && e.gender().is_none_or(|g| g == gender)
                && e.first_name_gender().is_none_or(|g| g == gender)
        };
        self.recent_near(pos, fits, true)
            .or_else(|| self.recent_near(pos, fits, false))
    }

    /// How the story writes `word` where it is not in capitals.
    pub fn form_of(&self, word: &str) -> Option<String> {
        self.forms.get(&word.to_lowercase()).cloned()
    }

    /// A name as the story introduced it.
    pub fn full_name(&self, name: &str) -> String {
        let words: Vec<String> = name.split(' ').map(str::to_lowercase).collect();
        self.lookup(&words)
            .and_then(|i| self.entities.get(i))
            .filter(|e| e.words.len() >= words.len())
            .map_or_else(|| name.to_string(), display)
    }

    fn resolve_description(&self, head: &str, pos: Pos) -> Option<String> {
        if lexicon::is_org_head(head) {
            return self.recent(pos, |e| !e.person && !e.place, true);
        }
        if lexicon::is_person_head(head) {
            return self.recent(pos, |e| e.person, true);
        }
        None
    }

    /// The most recent entity before `pos` that fits, as a subject if asked.
    fn recent(&self, pos: Pos, fits: impl Fn(&Entity) -> bool, subject: bool) -> Option<String> {
        self.recent_within(pos, fits, subject, usize::MAX)
    }

    /// Like `recent`, within the last few blocks.
    fn recent_near(
        &self,
        pos: Pos,
        fits: impl Fn(&Entity) -> bool,
        subject: bool,
    ) -> Option<String> {
        self.recent_within(pos, fits, subject, 4)
    }

    fn recent_within(
        &self,
        pos: Pos,
        fits: impl Fn(&Entity) -> bool,
        subject: bool,
        blocks_back: usize,
    ) -> Option<String> {
        self.mentions
            .iter()
            .rev()
            .skip_while(|m| (m.block, m.at) >= pos)
            .take(LOOKBACK)
            .filter(|m| !subject || m.subject)
            .take_while(|m| m.block.saturating_add(blocks_back) >= pos.0)
            .filter_map(|m| self.entities.get(m.entity))
            .find(|e| fits(e))
            .map(display)
    }
}

/// The capitalised name whose possessive opens `text`: "Hillary Clinton’s
/// campaign slogan" -> "Hillary Clinton".
fn owner_of(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split(' ').collect();
    let p = words
        .iter()
        .take(4)
        .position(|w| strip_possessive(w).len() < w.len())?;
    let owner = words.get(..=p)?;
    if !owner.iter().all(|w| w.starts_with(char::is_uppercase)) {
        return None;
    }
    let mut name: Vec<&str> = owner.to_vec();
    let last = name.pop()?;
    name.push(strip_possessive(last));
    Some(name.join(" "))
}

/// Heads that are someone's words ("claim", "language") or an adjective
/// the phrase was cut at ("most explosive", "repeated").
fn says_words(head: &str) -> bool {
    attribution::is_speech_noun(head)
        || matches!(
            head,
            "language"
                | "rhetoric"
                | "advice"
                | "broadside"
                | "assertion"
                | "phrase"
                | "slogan"
                | "motto"
                | "catchphrase"
                | "mantra"
                | "refrain"
        )
        || ["ive", "ous", "ful", "ed"]
            .iter()
            .any(|s| head.ends_with(s))
}

/// "Nvidia’s spokesman", "a spokeswoman for the Acme Group": the body
/// the spokesperson speaks for.
fn spokesperson_for(text: &str, head: &str) -> Option<String> {
    if !matches!(
        head,
        "spokesman" | "spokeswoman" | "spokesperson" | "representative"
    ) {
        return None;
    }
    let first = text.split(' ').next()?;
    let owner = strip_possessive(first);
    if owner != first && owner.starts_with(char::is_uppercase) {
        return Some(owner.to_string());
    }
    None
}

/// A person of two words or more whose first one is a known first name.
fn has_first_name(e: &Entity) -> bool {
    e.person
        && e.words.len() >= 2
        && e.words
            .first()
            .is_some_and(|w| first_names::gender(w).is_some())
}

fn display(e: &Entity) -> String {
    if e.person {
        plain_name(&e.name)
    } else {
        e.name.clone()
    }
}

/// A person's name as shown: middle initials and suffixes dropped
/// ("Loretta E. Lynch" -> "Loretta Lynch"); a first initial stays (G.K. Butterfield).
fn plain_name(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let n = words.len();
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| {
            let initial = w.ends_with('.') && w.trim_end_matches('.').chars().count() == 1;
            let inner_initial = i + 1 < n && initial;
            i == 0 || !(inner_initial || lexicon::is_name_suffix(&w.to_lowercase()))
        })
        .map(|(_, w)| *w)
        .collect();
    if kept.is_empty() {
        name.to_string()
    } else {
        kept.join(" ").trim_end_matches(',').to_string()
    }
}

/// A name's words as the story's tables key them: lower case, no "’s".
fn lookup_words(name: &str) -> Vec<String> {
    name.split(' ')
        .map(|w| strip_possessive(&w.to_lowercase()).to_string())
        .collect()
}

fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("’s")
        .or_else(|| w.strip_suffix("'s"))
        .or_else(|| w.strip_suffix('’'))
        .unwrap_or(w)
}

fn is_inner_particle(toks: &[Tok], i: usize) -> bool {
    toks.get(i)
        .is_some_and(|t| t.is_word() && lexicon::is_name_particle(&t.low))
        && toks.get(i + 1).is_some_and(Tok::is_cap)
}

/// The names inside a capitalised run `[s, e)`, split at titles and
/// possessives ("Nvidia’s CEO Jensen Huang" -> Nvidia, Jensen Huang), with
/// the gender a title before a name gives it.
fn segments(toks: &[Tok], s: usize, e: usize) -> Vec<(usize, usize, Option<Option<Gender>>)> {
    let mut out = Vec::new();
    let mut start = s;
    let mut title: Option<Option<Gender>> = None;
    let mut i = s;
    while i < e {
        let Some(t) = toks.get(i) else { break };
        let is_title = lexicon::is_title(&t.low) && i + 1 < e;
        let possessive = t.low.ends_with("’s") || t.low.ends_with("'s");
        if is_title || lexicon::is_not_name(&t.low) {
            push_segment(toks, start, i, title, &mut out);
            title = is_title.then(|| lexicon::word_gender(&t.low));
            start = i + 1;
        } else if possessive {
            push_segment(toks, start, i + 1, title, &mut out);
            title = None;
            start = i + 1;
        }
        i += 1;
    }
    push_segment(toks, start, e, title, &mut out);
    out
}

fn push_segment(
    toks: &[Tok],
    s: usize,
    e: usize,
    title: Option<Option<Gender>>,
    out: &mut Vec<(usize, usize, Option<Option<Gender>>)>,
) {
    if s >= e {
        return;
    }
    let Some(words) = toks.get(s..e) else { return };
    if words.iter().all(|w| lexicon::is_not_name(&w.low)) {
        return;
    }
    out.push((s, e, title));
}
