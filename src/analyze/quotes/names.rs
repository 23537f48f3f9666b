//! What a speaker may be, and the one form its name takes: a person or an
//! organisation, never a place, a date, a work, an event, a body part or a
//! fragment of a sentence; names in the case the story writes them, with
//! the descriptors before them dropped.

use super::lexicon;

/// Heads of descriptions that name no speaker: works, events, products,
/// body parts and abstractions ("a poem", "an improvised live show").
#[rustfmt::skip]
const MUTE_HEADS: &[&str] = &[
    "poem", "poems", "song", "songs", "show", "shows", "film", "films", "movie", "movies", "novel", "novels", "album", "albums", "musical", "episode", "episodes", "painting",
    "exhibition", "sitcom", "series", "play", "opera", "lyrics", "chorus", "hat", "shirt", "cap",
    "t-shirt", "debate", "debates", "ceremony", "festival", "game", "games", "match", "concert",
    "parade", "tour", "face", "eyes", "eye", "mouth", "lips", "hand", "hands", "heart", "voice",
    "importance", "topic", "goal", "assumption", "process", "decision", "deal", "merger",
    "outages", "environment", "mission", "performance", "footing", "odyssey", "appearance",
    "experience", "career", "bar", "index", "cells", "keys", "stage", "base", "installation",
    "same", "new", "former", "latter", "medical", "viral", "other", "others", "way", "idea",
    "concept", "phrase", "word", "words", "term", "slogan", "motto", "name", "title", "label",
    "headline", "hashtag", "nickname", "chant", "app", "phone", "device", "product", "car",
    "model", "edition", "feature", "issue", "problem", "thing", "question", "record", "answer",
    "things", "part", "fact", "truth", "result", "results", "effect", "effects", "time",
    "day", "days", "week", "year", "years", "month", "night", "morning", "evening", "moment",
    "ago", "weeks", "months", "nights", "willingness", "stances", "music", "wins",
];

/// Last words of a capitalised run that make it an event or a work:
/// "Presidential Debates", "Quick Start Guide".
#[rustfmt::skip]
const EVENT_WORDS: &[&str] = &[
    "debate", "debates", "games", "olympics", "championship", "championships", "cup", "awards",
    "festival", "ceremony", "election", "elections", "primary", "primaries", "marathon",
    "tournament", "bowl", "gala", "parade", "concert", "tour", "guide", "manual", "day", "week",
    "night", "season", "finals", "final", "open", "prix", "expo",
];

/// Descriptor words a writer puts before a name in capitals at the start
/// of a sentence ("Neighbour Margaret Ellery"), dropped from the name.
#[rustfmt::skip]
const DESCRIPTORS: &[&str] = &[
    "neighbour", "neighbor", "resident", "residents", "local", "student", "teacher", "nurse",
    "doctor", "mum", "mom", "dad", "father", "mother", "grandmother", "grandfather", "widow",
    "widower", "fan", "fans", "shopper", "passenger", "driver", "owner", "landlord", "tenant",
    "pensioner", "voter", "witness", "survivor", "victim", "veteran", "volunteer", "worker",
    "farmer", "parent", "campaigner", "activist", "protester", "organiser", "organizer",
    "manager", "boss", "chef", "author", "writer", "actor", "actress", "singer", "star",
    "presenter", "host", "lawyer", "solicitor", "barrister", "councillor", "councilor", "pastor",
    "expert", "analyst", "economist", "researcher", "scientist", "historian", "critic", "friend",
    "colleague", "daughter", "son", "wife", "husband", "brother", "sister", "aunt", "uncle",
    "comedian", "rapper", "musician", "comic", "journalist", "reporter", "columnist",
    "commentator", "broadcaster", "businessman", "businesswoman", "billionaire", "entrepreneur",
    "candidate", "nominee", "strategist", "consultant", "pollster", "spokesman", "spokeswoman",
    "spokesperson", "adviser", "advisor", "aide", "attorney", "prosecutor", "coach", "player",
    "striker", "goalkeeper", "director", "producer", "filmmaker", "novelist", "poet", "artist",
    "designer", "founder", "investor", "blogger", "podcaster", "influencer", "model", "dancer",
];

/// Words that open a sentence and never a name: a phrase starting with
/// one is a fragment of the sentence ("Maybe Instagram", "See").
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "maybe", "perhaps", "see", "also", "still", "yet", "even", "just", "only", "then", "now",
    "here", "there", "meanwhile", "however", "instead", "indeed", "across", "after", "before",
    "during", "since", "while", "when", "where", "if", "unlike", "despite", "among", "nor",
    "although", "though", "because",
];

fn has(list: &[&str], low: &str) -> bool {
    list.contains(&low)
}

fn is_determiner_like(low: &str) -> bool {
    lexicon::is_determiner(low) || matches!(low, "what" | "which" | "whose")
}

/// A pronoun with a verb glued on: He’s, I’m, We’ve, It’d.
fn is_contraction(word: &str) -> bool {
    let low = word.to_lowercase();
    let mut parts = low.split(['’', '\'']);
    let stem = parts.next().unwrap_or("");
    parts.next().is_some() && lexicon::pronoun_gender(stem).is_some()
}

/// A clipped word standing alone ("Calif.", "Sen."): what a dateline or a
/// title leaves, never a name.
fn is_clipped(word: &str) -> bool {
    let stem = word.trim_end_matches('.');
    word.ends_with('.') && !stem.contains('.') && lexicon::is_abbreviation(stem)
}

/// Can `speaker` (as the quote pass would print it) be someone who speaks?
pub fn may_speak(speaker: &str) -> bool {
    let words: Vec<&str> = speaker.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    let Some(last) = words.last() else {
        return false;
    };
    if is_contraction(first) || !first.starts_with(char::is_alphabetic) {
        return false;
    }
    let low_last = last
        .trim_end_matches(['’', '\'', 's'])
        .to_lowercase()
        .trim_end_matches('.')
        .to_string();
    let last_low = last.to_lowercase();
    // A number, or determiners only: "The 2", "That", "Any".
    let number_word = |w: &str| {
        matches!(
            w,
            "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "both"
                | "all"
                | "many"
                | "several"
                | "most"
        )
    };
    if last
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_ascii_punctuation())
        || words.iter().all(|w| {
            let w = w.to_lowercase();
            is_determiner_like(&w) && !number_word(&w)
        })
    {
        return false;
    }
    let first_low = first.to_lowercase();
    if has(OPENERS, &first_low) || (words.len() == 1 && is_clipped(last)) {
        return false;
    }
    // A speech verb inside the phrase: the writer's clause, not a name
    // ("Another advised", "a fresh poll shows how hard").
    // A record closing the phrase is its head ("a White House pool report").
    let n = words.len();
    if words.iter().enumerate().skip(1).any(|(i, w)| {
        w.starts_with(char::is_lowercase)
            && lexicon::is_speech_verb(&w.to_lowercase())
            && !(i + 1 == n && lexicon::is_record(&w.to_lowercase()))
    }) {
        return false;
    }
    let description = is_determiner_like(&first_low)
        || lexicon::pronoun_gender(&first_low).is_some()
        || first.starts_with(char::is_lowercase);
    if description {
        // A second article or owner not opening a phrase or a list: the
        // writer's clause ran on ("His remarks buttress the contention",
        // "The rationale these proven"); so does a negated verb ("aren’t").
        let ran_on = words.windows(2).any(|w| {
            let (before, word) = (w[0].to_lowercase(), w[1]);
            matches!(
                word,
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "our"
                    | "my"
                    | "your"
                    | "this"
                    | "that"
                    | "these"
                    | "those"
            ) && !lexicon::is_preposition(&before)
                && !matches!(before.as_str(), "and" | "or")
                && !before.ends_with(',')
        });
        if ran_on
            || words
                .iter()
                .any(|w| w.ends_with("n’t") || w.ends_with("n't"))
        {
            return false;
        }
        // The head noun stands before any phrase: "the merger of ... Gannett".
        let head = words
            .iter()
            .position(|w| matches!(*w, "of" | "to" | "for" | "at" | "with" | "from"))
            .filter(|&p| p > 0)
            .and_then(|p| words.get(p - 1))
            .map(|w| w.to_lowercase());
        if head.is_some_and(|h| has(MUTE_HEADS, &h) || h == "merger") {
            return false;
        }
        // "the paper-thin medical", "our shocked", "His seeming".
        let owner = matches!(
            first_low.as_str(),
            "our" | "his" | "her" | "their" | "my" | "its" | "your"
        );
        let participle =
            owner && words.len() == 2 && (last_low.ends_with("ed") || last_low.ends_with("ing"));
        // "a snappy", "the caustic": a phrase cut after its adjective.
        let adjective = words.len() > 1
            && ["al", "ic", "ous", "py"]
                .iter()
                .any(|e| last_low.ends_with(e))
            && !lexicon::is_role(&last_low)
            && !lexicon::is_title(&last_low)
            && !lexicon::is_person_head(&last_low)
            && !lexicon::is_org_head(&last_low)
            && !matches!(
                last_low.as_str(),
                "editorial" | "journal" | "public" | "general" | "local"
            );
        return !(has(MUTE_HEADS, &last_low) || participle || adjective);
    }
    // Capitalised: not all places, dates or sentence openers; no event.
    let lows: Vec<String> = words
        .iter()
        .map(|w| {
            w.trim_end_matches("’s")
                .trim_end_matches("'s")
                .trim_end_matches('.')
                .to_lowercase()
        })
        .collect();
    // Places are told apart by the story (see entities); a country may
    // speak for its government ("Japan branded North Korea ...").
    if lows.iter().all(|w| lexicon::is_not_name(w)) {
        return false;
    }
    if words.len() > 1 && has(EVENT_WORDS, &low_last) {
        return false;
    }
    // One word that is a common adjective or adverb at a sentence start.
    if words.len() == 1
        && (first_low.ends_with("ly") || has(MUTE_HEADS, &first_low) || has(EVENT_WORDS, &low_last))
    {
        return false;
    }
    true
}

/// One name per person in a story: a name whose first and last words
/// (or whose one word, as a surname) match a single fuller name among
/// `names` becomes that name ("Owen Dempsey" -> "Owen John Dempsey",
/// "Noem" -> "Kristi Noem").
pub fn fullest<'n>(name: &'n str, names: &'n [String]) -> &'n str {
    let words: Vec<&str> = name.split(' ').collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return name;
    };
    if !first.starts_with(char::is_uppercase) || lexicon::is_determiner(&first.to_lowercase()) {
        return name;
    }
    let mut fuller = names.iter().filter(|n| {
        let w: Vec<&str> = n.split(' ').collect();
        w.len() > words.len()
            && w.last() == Some(last)
            && (words.len() == 1 || w.first() == Some(first))
            && w.iter().all(|x| x.starts_with(char::is_uppercase))
    });
    match (fuller.next(), fuller.next()) {
        (Some(only), None) => only.as_str(),
        _ => name,
    }
}

/// Drop descriptors written before a name: "Neighbour Margaret Ellery".
pub fn drop_descriptors(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    // A sentence opener before a name: "Maybe Trump" -> "Trump".
    let mut from = usize::from(
        words.len() > 1
            && words
                .get(1)
                .is_some_and(|w| w.starts_with(char::is_uppercase))
            && words
                .first()
                .is_some_and(|w| has(OPENERS, &w.to_lowercase())),
    );
    while words.len() - from > 2
        && words
            .get(from)
            .is_some_and(|w| has(DESCRIPTORS, &w.to_lowercase()))
    {
        from += 1;
    }
    words.get(from..).unwrap_or(&[]).join(" ")
}

/// A name with page text glued onto it, as pages that pack a link's card
/// into the text give it ("Kristi NoemKristi Lynn NoemSouth Dakota"): the
/// name up to the glue ("Kristi Noem"). Glue is a capital inside a word
/// after three lowercase letters where the name then starts over (a word
/// of it comes again), so BlackRock, McDonald and DeSantis stay whole.
pub fn cut_glued(name: &str) -> &str {
    let mut lower_run = 0;
    for (i, c) in name.char_indices() {
        if c.is_uppercase() && lower_run >= 3 {
            let (head, tail) = name.split_at(i);
            let again = head
                .split_whitespace()
                .filter(|w| w.chars().count() >= 3)
                .any(|w| tail.split_whitespace().any(|t| t.starts_with(w)));
            if again {
                return head.trim_end();
            }
        }
        lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
    }
    name
}

/// An all-capitals word in a name written the way the story writes it
/// elsewhere, or in title case when it is a long word with a vowel
/// ("PENCE" -> "Pence"; "CNN", "NASA" stay).
pub fn fix_case(name: &str, seen: impl Fn(&str) -> Option<String>) -> String {
    fix_case_from(name, seen, 5)
}

/// Like `fix_case` for a transcript's speaker label ("HOST:", "PENCE:"),
/// which is a name or a role, never an acronym, from four letters.
pub fn fix_label_case(label: &str, seen: impl Fn(&str) -> Option<String>) -> String {
    fix_case_from(label, seen, 4)
}

fn fix_case_from(name: &str, seen: impl Fn(&str) -> Option<String>, min: usize) -> String {
    name.split(' ')
        .map(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            let all_caps = letters >= 2 && !w.chars().any(char::is_lowercase);
            if !all_caps {
                return w.to_string();
            }
            if let Some(form) = seen(w) {
                return form;
            }
            let vowel = w.chars().any(|c| "AEIOUY".contains(c));
            if letters >= min && vowel {
                title_case(w)
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut start = true;
    let mut run = 0;
    for c in w.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        // A capital after O’ and D’ (O’Malley), not after a plural’s ’s.
        start = !c.is_alphabetic() && (!matches!(c, '’' | '\'') || run == 1);
        run = if c.is_alphabetic() { run + 1 } else { 0 };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_works_events_and_fragments_do_not_speak() {
        for s in [
            "a poem",
            "an improvised live show",
            "Presidential Debates",
            "The 2",
            "He’s",
            "I’m",
            "the paper-thin medical",
            "our shocked",
            "His seeming",
            "The same",
            "Quick Start Guide",
            "The merger of the big newspaper chains Gannett",
            "See",
            "Perhaps",
            "Calif.",
            "The question",
            "the report said",
            "His remarks buttress the contention",
            "The rationale these proven",
            "The final results aren’t",
            "That makes her",
        ] {
            assert!(!may_speak(s), "{s} may not speak");
        }
        for s in [
            "Margaret Ellery",
            "the company",
            "the 46-year-old",
            "Steve Israel",
            "CNN",
            "the group",
            "Kanye West",
            "a White House pool report",
            "the event organizer Alliance to Reclaim Our Schools",
            "a letter to Facebook from the chairman",
            "one of those advisers",
            "the senator and his aides",
        ] {
            assert!(may_speak(s), "{s} may speak");
        }
    }

    #[test]
    fn the_fullest_form_of_a_name() {
        let names = [
            "Owen John Dempsey".to_string(),
            "Kristi Noem".to_string(),
            "Jo Walton".to_string(),
            "Ann Walton".to_string(),
        ];
        assert_eq!(fullest("Owen Dempsey", &names), "Owen John Dempsey");
        assert_eq!(fullest("Noem", &names), "Kristi Noem");
        assert_eq!(fullest("Walton", &names), "Walton");
        assert_eq!(fullest("the company", &names), "the company");
    }

    #[test]
    fn descriptors_are_dropped_and_case_fixed() {
        assert_eq!(
            drop_descriptors("Neighbour Margaret Ellery"),
            "Margaret Ellery"
        );
        assert_eq!(drop_descriptors("Star Wars"), "Star Wars");
        assert_eq!(drop_descriptors("Maybe Trump"), "Trump");
        assert_eq!(drop_descriptors("Maybe"), "Maybe");
        assert_eq!(
            drop_descriptors("Comedian Sarah Silverman"),
            "Sarah Silverman"
        );
        assert_eq!(
            cut_glued("Kristi NoemKristi Lynn NoemSouth Dakota"),
            "Kristi Noem"
        );
        for name in [
            "Ronald McDonald",
            "Ron DeSantis",
            "BlackRock",
            "LinkedIn Corp",
        ] {
            assert_eq!(cut_glued(name), name);
        }
        assert_eq!(fix_case("PENCE", |_| None), "Pence");
        assert_eq!(fix_case("CNN", |_| None), "CNN");
        assert_eq!(
            fix_case("KAINE", |w| (w == "KAINE").then(|| "Kaine".to_string())),
            "Kaine"
        );
        assert_eq!(fix_case("O’MALLEY", |_| None), "O’Malley");
    }
}
