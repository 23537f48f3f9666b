//! Metadata shapes in a dump: bylines, dates, and the outlet's name from
//! sign-offs, datelines, trust lines and copyright lines.

use crate::ingest::clutter::ends_sentence;
use regex::Regex;
use std::sync::LazyLock;

fn re(p: &str) -> Regex {
    crate::ingest::patterns::regex(p)
}

/// A parsed byline: the people, and an outlet named beside them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Byline {
    pub names: String,
    pub outlet: Option<String>,
    /// A date standing in the same line ("By X | March 3, 2025").
    pub date: Option<String>,
}

static BY_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:by|written by|story by|words by|text by|reported by|posted by|report by|author|authors|contributors?|article by|(?:guide|review|recipe) by|von|par|por)[:\s]\s*(.+)$",
    )
});
static AVATAR: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?i:picture|photo|image|avatar|headshot) of (.+)$|^(.+?)['’]s (?i:profile picture|avatar|profile photo|headshot)$",
    )
});
static EMAIL: LazyLock<Regex> = LazyLock::new(|| re(r"\(?\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*\)?"));

const ROLE_WORDS: &[&str] = &[
    "correspondent",
    "editor",
    "reporter",
    "writer",
    "columnist",
    "contributor",
    "staff",
    "producer",
    "analyst",
    "chief",
    "senior",
    "bureau",
    "political",
    "business",
    "news",
    "desk",
    "team",
    "journalist",
    "photographer",
    "critic",
    "associate",
    "deputy",
    "special",
    "international",
    "science",
    "technology",
    "health",
    "economics",
    // titles beside the name ("Catherine Boeckmann Executive Digital
    // Editor", "Audrey Huang, Print Managing Editor")
    "executive",
    "managing",
    "founder",
    "co-founder",
    "cofounder",
    "lead",
    "head",
    "expert",
    "reviewer",
    "director",
    "manager",
    "president",
    "officer",
    "ceo",
    "assistant",
    "contributing",
];

/// Capitalised words that label sections or pages, never people.
const NOT_NAMES: &[&str] = &[
    "the",
    "big",
    "tech",
    "news",
    "world",
    "business",
    "live",
    "updates",
    "more",
    "read",
    "latest",
    "breaking",
    "opinion",
    "analysis",
    "home",
    "top",
    "stories",
    "video",
    "sport",
    "sports",
    "markets",
    "politics",
    "china",
    "asia",
    "europe",
    "economy",
    "science",
    "health",
    "culture",
    "life",
    "style",
    "travel",
    "new",
    "today",
    "week",
    "daily",
    "post",
    "times",
    "story",
    "share",
    "follow",
    "subscribe",
    "advertisement",
    "related",
    "topics",
    "intelligence",
    "artificial",
    "climate",
    "change",
    "global",
    "local",
    "national",
    "international",
    "press",
    "associated",
    "agency",
    "reuters",
    "bloomberg",
    "media",
    "newsroom",
    "desk",
    "wire",
    "service",
    "group",
    "company",
    "university",
    "hong",
    "kong",
    "york",
    "united",
    "states",
    "kingdom",
    "north",
    "south",
    "east",
    "west",
    "middle",
    "korea",
    "america",
    "africa",
    "city",
    "county",
    "editorial",
    "board",
    "staff",
    "sign",
    "log",
    "account",
    "menu",
    "search",
    "home",
    // labels standing beside bylines
    "written",
    "by",
    "full",
    "bio",
    "about",
    "author",
    "posted",
    "reviewed",
    "edited",
    "min",
    "read",
    "type",
    "blog",
    "blogs",
    "our",
    "recent",
    "trends",
    "frequently",
    "asked",
    "questions",
    "decor",
    // section labels that pass for two-word names ("HR Strategy", "ML Tools")
    "tools",
    "tips",
    "strategy",
    "strategies",
    "center",
    "centre",
    "planning",
    "updated",
    "based",
    "guide",
    "guides",
    "review",
    "reviews",
    "resources",
    "insights",
    "solutions",
    "services",
    "products",
    "marketing",
    "software",
    "development",
    "design",
    "management",
    "protocol",
    "sector",
    "update",
    "learning",
    // page furniture taken for names ("TABLE OF CONTENTS", "On This
    // Page", "Primary Sidebar", "By Company Size")
    "table",
    "contents",
    "of",
    "on",
    "this",
    "page",
    "published",
    "primary",
    "sidebar",
    "nutrition",
    "information",
    "size",
    "functionality",
    "thank",
    "you",
    "apply",
    "now",
    "why",
    "facebook",
    "twitter",
    "linkedin",
    "youtube",
    "instagram",
    "pinterest",
];

const PARTICLES: &[&str] = &[
    "de", "da", "van", "von", "der", "den", "bin", "binti", "al", "el", "la", "le", "du", "dos",
    "di", "ter", "y", "ibn", "del", "van der", "st",
];

/// Parse a byline. With a "By" prefix the names may stand beside an
/// outlet, a role, a place or a date; without one the whole line must be
/// names (so "Big Tech" is not a byline).
pub fn parse_byline(line: &str) -> Option<Byline> {
    // Ungluing only adds spaces: a line already too long stays too long.
    if line.trim().chars().count() > 160 {
        return None;
    }
    let line = unglue_byline(line.trim());
    // "[Jo-Hale-1-s] By Jo Hale": an image's file name (a text browser's
    // alt text) beside the names.
    let line = if line.contains('[') {
        static ALT: LazyLock<Regex> = LazyLock::new(|| re(r"\[[^\]\s]*\]\s*"));
        ALT.replace_all(&line, "").trim().to_string()
    } else {
        line
    };
    // "Picture of Kev Kev", "Jo Hale's avatar": an image's alt text.
    let line = match AVATAR.captures(&line) {
        Some(c) => c
            .get(1)
            .or(c.get(2))
            .map_or("", |m| m.as_str())
            .trim()
            .to_string(),
        None => line,
    };
    let line = line.as_str();
    if line.chars().count() > 160 || line.is_empty() {
        return None;
    }
    // "October 11, 2023 by Jo Hale": a date leading a "by" line.
    static POSTED_ON: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^(?i:(?:posted|published|last updated|updated|modified)(?: on)?:?\s*)")
    });
    let dated = POSTED_ON.replace(line, "");
    if let Some((iso, 0, end)) = date_match(&dated)
        && let Some(rest) = dated.get(end..)
    {
        let rest = rest.trim_start_matches(|c: char| !c.is_alphanumeric());
        // "Dec 17, 2025Julian K. Arni": a name glued after the date.
        if !rest.is_empty()
            && !BY_PREFIX.is_match(rest)
            && is_name(rest.trim(), false)
            && !rest.contains(SEPARATORS)
        {
            return Some(Byline {
                names: tidy_case(rest.trim()),
                outlet: None,
                date: Some(iso),
            });
        }
        if let Some(c) = BY_PREFIX.captures(rest) {
            // "Posted on July 1, 2024 by infuy": a handle signs.
            let handle = c
                .get(1)
                .map(|m| m.as_str().trim())
                .filter(|h| is_handle(h))
                .map(|h| Byline {
                    names: h.to_string(),
                    outlet: None,
                    date: None,
                });
            let mut b = parse_byline(rest).or(handle)?;
            b.date = b.date.or(Some(iso));
            return Some(b);
        }
    }
    // "0 · by Jo Hale · Updated ...": the "by" part of a separated line.
    if !BY_PREFIX.is_match(line)
        && let Some(b) = by_part(line)
    {
        return Some(b);
    }
    // Counts and review credits beside the names: "By Jo Hale 4 Comments",
    // "By Jo Hale, DVM. Reviewed by Al Roe, DVM".
    // "109 Comments | Jill Winger | Last Updated: ...": a count leads.
    static LEADER: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(?i)\d+\s+(?:comments?|responses?|replies)\s*[|·•]\s*"));
    let line = LEADER
        .find(line)
        .map_or(line, |m| line.get(m.end()..).unwrap_or(line));
    let trimmed = TRAILER.replace(line, "");
    let line = trimmed.as_ref();
    // "Jo Hale By Jo Hale": an avatar's alt text before the "By".
    let line = match line.split_once(" By ") {
        Some((alt, rest)) if alt == rest => rest,
        _ => line,
    };
    let (rest, prefixed) = match BY_PREFIX.captures(line) {
        Some(c) => (c.get(1)?.as_str(), true),
        None => (line, false),
    };
    if !prefixed && ends_sentence(line) {
        return None;
    }
    let rest = EMAIL.replace_all(rest, " ");
    // "Brian Truitt   USA TODAY": a run of spaces parts cells; after a
    // "By" so does a dash ("By Eliz - Product marketer").
    let mut rest = rest.replace("   ", "|").replace(" / ", "|");
    if prefixed {
        rest = rest.replace(" - ", "|");
    }
    let mut parts = rest.split(SEPARATORS);
    let head = parts.next()?.trim();
    let tail: Vec<&str> = parts.map(str::trim).filter(|p| !p.is_empty()).collect();
    // "Dec 26, 2025 • Mahua Das in Project Management": the date leads.
    if !prefixed
        && tail.len() == 1
        && date_match(head).is_some_and(|(_, start, end)| start == 0 && end == head.len())
    {
        let mut b = parse_byline(tail.first()?)?;
        b.date = b.date.or_else(|| parse_date(head));
        return Some(b);
    }
    let date = tail.iter().find_map(|p| parse_date(p));
    if !prefixed
        && tail
            .iter()
            .any(|p| date.is_none() && p.split_whitespace().count() > 4)
    {
        return None;
    }
    // "Jo Hale on 12 June 2024": the date is not part of the names.
    let (head, date) = match date_match(head) {
        Some((iso, start, _)) if start > 0 => {
            let names = head.get(..start).unwrap_or(head).trim_end();
            let names = DATE_LABEL
                .find(names)
                .map_or(names, |m| names.get(..m.start()).unwrap_or(names));
            (
                names.trim_end_matches([',', '|', ' ', '-']),
                date.or(Some(iso)),
            )
        }
        _ => (head, date),
    };
    // "JANE SMITH FOR MAILONLINE", "Jane Smith in Beijing"
    let (head, mut outlet) = split_word(head, " for ", " FOR ");
    // Without a "By" the outlet must read as one ("for MAILONLINE", "for
    // The Daily Post"): "Getting Ethereum Ready for GigaGas" is a headline.
    if !prefixed
        && outlet
            .as_deref()
            .is_some_and(|o| o.split_whitespace().count() < 2 || !super::head::looks_like_outlet(o))
        && !outlet.as_deref().is_some_and(|o| {
            o.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
        })
    {
        return None;
    }
    let (head, _place) = split_word(head, " in ", " IN ");
    let head = head.trim().trim_end_matches([',', ';', ':']);
    let items: Vec<&str> = head
        .split(',')
        .map(str::trim)
        .map(|s| {
            s.strip_prefix("and ")
                .or_else(|| s.strip_prefix("& "))
                .unwrap_or(s)
        })
        .filter(|s| !s.is_empty())
        .collect();
    let mut names: Vec<String> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        // "Dylan Bailey, MS, RD": credentials stay with the name.
        // One person only: "Jo Park, Tom Reed, CNN" ends with an outlet.
        if i > 0
            && names.len() == 1
            && CREDENTIAL.is_match(item)
            && let Some(last) = names.last_mut()
        {
            last.push_str(", ");
            last.push_str(item);
            continue;
        }
        if prefixed && items.len() == 1 && is_single_name(item) {
            names.push((*item).to_string());
            continue;
        }
        // "by whova | Apr 21, 2025": a lower-case handle with a date.
        if prefixed && items.len() == 1 && date.is_some() && is_handle(item) {
            names.push((*item).to_string());
            continue;
        }
        // "TOI Lifestyle Desk", "By The Currency editors": a team signs.
        if i == 0 && is_team_name(item) && (prefixed || has_role_word(item)) {
            names.push(tidy_case(item));
            continue;
        }
        if has_role_word(item) {
            // "Priya Nair North of England correspondent": the names lead.
            if let Some(lead) = leading_name(item) {
                names.push(tidy_case(&lead));
            } else if i == 0 && is_team_name(item) {
                // "Everfit Team", "TOI Lifestyle Desk": a team signs.
                names.push(tidy_case(item));
            }
            continue;
        }
        let people: Vec<&str> = split_people(item);
        // "Written By Linny and Peter": first names joined after a "By".
        if prefixed && people.len() > 1 && people.iter().all(|p| is_single_name(p)) {
            names.extend(people.iter().map(|p| (*p).to_string()));
            continue;
        }
        if people.iter().all(|p| is_name(p, prefixed)) {
            names.extend(people.iter().map(|p| tidy_case(p)));
        } else if i > 0 && i == items.len() - 1 && is_outlet_like(item) {
            outlet = Some(item.to_string());
        } else if let Some(lead) = (prefixed && i == 0).then(|| two_word_name(item)).flatten() {
            // "By: Jo Hale Gardener & Astrologer": a role no list knows.
            names.push(tidy_case(&lead));
        } else {
            return None;
        }
    }
    if names.is_empty() {
        // "By Reuters": an outlet, not a person.
        return None;
    }
    let mut names = undouble(&join_names(&names));
    // "By Jeff Cobb.  Last Updated ...": the sentence's stop, not an initial.
    let last = names.rsplit(' ').next().unwrap_or("");
    if last.ends_with('.') && last.chars().count() > 4 && !last[..last.len() - 1].contains('.') {
        names.pop();
    }
    Some(Byline {
        names,
        outlet: outlet.map(|o| tidy_case(o.trim())),
        date,
    })
}

/// The cells of a byline line.
const SEPARATORS: [char; 9] = ['|', '·', '•', '\u{2014}', '\u{2013}', '\t', '●', '⋅', '∙'];

/// Comment counts and review credits after the names.
static TRAILER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\s+in\s*$|\s+\d+\s+(?:comments?|responses?|replies)\b.*|\s+\d+(?:[–-]\d+)?\s*(?:min(?:ute)?s?)\.?(?:\s+read)?\s*$|[.,;]?\s+(?:medically |fact[- ]checked and )?(?:reviewed|edited|fact[- ]checked|updated) by\s.*|\s+on behalf of\s.*)$",
    )
});

/// "0 · by Jo Hale · Updated on 8 January 2026": a line of cells, one of
/// them a "By" byline; the date may stand in another cell.
fn by_part(line: &str) -> Option<Byline> {
    let cells: Vec<&str> = line.split(SEPARATORS).map(str::trim).collect();
    if cells.len() < 2 {
        return None;
    }
    let mut b = cells.iter().find_map(|c| {
        let lower = c.to_lowercase();
        (lower.starts_with("by") || lower.contains(" by "))
            .then(|| parse_byline(c))
            .flatten()
    })?;
    // "Published: date · Modified: date by Jo": the first date is the story's.
    b.date = cells.iter().find_map(|c| parse_date(c)).or(b.date);
    Some(b)
}

/// A one-word lower-case handle ("whova", "infuy").
fn is_handle(item: &str) -> bool {
    let n = item.chars().count();
    (3..=20).contains(&n)
        && item.chars().all(|c| c.is_alphanumeric() || c == '_')
        && item.chars().next().is_some_and(char::is_lowercase)
        && !NOT_NAMES.contains(&item)
}

static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\s*(?:\bon|\bat|published|updated|posted|last updated|date)\s*:?)*\s*[|,•·-]?\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*)?$",
    )
});
static CREDENTIAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:Ph\.?D\.?|M\.?D\.?|Jr\.?|Sr\.?|[A-Z][A-Za-z]{0,1}[A-Z]{1,4}(?:-[A-Z]{1,4})?(?: \d{2,3})?®?)$",
    )
});

/// "ByNina Pineda", "Korin MillerPublished: Jan 29, 2025", "Jo
/// ParkMar 5, 2025": the spaces a paste lost between inline elements.
pub fn unglue_byline(line: &str) -> String {
    static BY: LazyLock<Regex> = LazyLock::new(|| re(r"^(By|BY)(\p{Lu}\p{Ll})"));
    static GLUED: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(\p{Ll})((?:Published|Updated|Posted|Last)|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s?\d|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,|published|updated|posted)",
        )
    });
    // No-break and thin spaces between the words of a label ("Written\u{a0}by").
    let spaced;
    let line = if line.contains(['\u{a0}', '\u{2009}', '\u{202f}']) {
        spaced = line.replace(['\u{a0}', '\u{2009}', '\u{202f}'], " ");
        spaced.as_str()
    } else {
        line
    };
    let line = BY.replace(line, "$1 $2");
    GLUED.replace_all(&line, "$1 $2").into_owned()
}

/// "Everfit Team", "Podium staff": capitalised words ending in a team word.
fn is_team_name(item: &str) -> bool {
    const TEAM: &[&str] = &[
        "team",
        "staff",
        "desk",
        "editors",
        "contributor",
        "newsroom",
    ];
    let words: Vec<&str> = item.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && words.last().is_some_and(|w| listed(w, TEAM))
        && words
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '\'' | '-'))
        })
}

/// "Jo Hale Jo Hale" (an avatar's alt text beside the name) -> "Jo Hale".
fn undouble(names: &str) -> String {
    let words: Vec<&str> = names.split_whitespace().collect();
    let half = words.len() / 2;
    if half >= 1 && words.len().is_multiple_of(2) && words[..half] == words[half..] {
        words[..half].join(" ")
    } else {
        names.to_string()
    }
}

/// One capitalised word after "By" ("By Kristin"), not a label.
fn is_single_name(item: &str) -> bool {
    let word = item.trim();
    !word.contains(' ')
        && word.chars().count() >= 3
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !listed(word, NOT_NAMES)
        && month_number(word).is_none()
}

/// The capitalised words before a role ("Jo Park Political editor" ->
/// "Jo Park"); a place word before "of" belongs to the role ("North of
/// England correspondent").
fn leading_name(item: &str) -> Option<String> {
    let words: Vec<&str> = item.split_whitespace().collect();
    let stop = words
        .iter()
        .position(|w| listed(w, ROLE_WORDS) || w.chars().next().is_some_and(char::is_lowercase))
        .unwrap_or(words.len());
    let mut lead = words.get(..stop)?.to_vec();
    // "North of England correspondent", "Environment editor": the word
    // before the role qualifies it.
    let qualified = words
        .get(stop)
        .is_some_and(|w| matches!(*w, "of" | "for" | "on") || listed(w, ROLE_WORDS));
    if qualified && lead.len() >= 3 {
        lead.pop();
    }
    let lead = lead.join(" ");
    is_name(&lead, false).then_some(lead)
}

fn split_word<'a>(s: &'a str, lower: &str, upper: &str) -> (&'a str, Option<String>) {
    let at = s.find(lower).or_else(|| s.find(upper));
    match at {
        Some(i) => {
            let after = s.get(i + lower.len()..).unwrap_or("").trim();
            let before = s.get(..i).unwrap_or(s);
            (before, (!after.is_empty()).then(|| after.to_string()))
        }
        None => (s, None),
    }
}

fn split_people(item: &str) -> Vec<&str> {
    item.split(" and ")
        .flat_map(|p| p.split(" & "))
        .flat_map(|p| p.split(" AND "))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

fn has_role_word(item: &str) -> bool {
    item.split_whitespace().any(|w| listed(w, ROLE_WORDS))
}

/// Is `word`, lower-cased, one of `list` (written in lower case)? Most
/// words are ASCII and are compared without lower-casing a copy.
fn listed(word: &str, list: &[&str]) -> bool {
    if word.is_ascii() {
        list.iter().any(|l| l.eq_ignore_ascii_case(word))
    } else {
        list.contains(&word.to_lowercase().as_str())
    }
}

fn is_outlet_like(item: &str) -> bool {
    let words = item.split_whitespace().count();
    (1..=4).contains(&words) && item.chars().next().is_some_and(char::is_uppercase)
}

/// The first two words of a "By" line when they make a name and the rest
/// are capitalised words (a role).
fn two_word_name(item: &str) -> Option<String> {
    let words: Vec<&str> = item.split_whitespace().collect();
    let rest_capitalised = words
        .get(2..)?
        .iter()
        .all(|w| *w == "&" || w.chars().next().is_some_and(char::is_uppercase));
    let lead = words.get(..2)?.join(" ");
    (words.len() >= 3 && rest_capitalised && is_name(&lead, true)).then_some(lead)
}

/// Two to five capitalised name words (particles allowed), no digits.
fn is_name(s: &str, prefixed: bool) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) {
        return false;
    }
    let mut capitalised = 0;
    // "By Company Size": a menu sorting by something, not a signer.
    if prefixed
        && words
            .iter()
            .all(|w| NOT_NAMES.contains(&w.to_lowercase().trim_end_matches('.')))
    {
        return false;
    }
    for w in &words {
        if w.chars().next().is_some_and(char::is_lowercase) && listed(w, PARTICLES) {
            continue;
        }
        let first = w.chars().next().unwrap_or(' ');
        let ok_chars = w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'));
        if !first.is_uppercase() || !ok_chars {
            return false;
        }
        if !prefixed && listed(w.trim_end_matches('.'), NOT_NAMES) {
            return false;
        }
        capitalised += 1;
    }
    capitalised >= 2
}

pub(super) fn join_names(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Shouting case to title case, keeping acronyms ("SOUTH CHINA MORNING
/// POST" -> "South China Morning Post", "BBC NEWS" -> "BBC News").
pub fn tidy_case(s: &str) -> String {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    let shouting = letters.len() > 3 && letters.iter().all(|c| !c.is_lowercase());
    if !shouting {
        return s.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    const SMALL: &[&str] = &[
        "the", "of", "and", "for", "new", "sun", "day", "on", "in", "at", "a", "an", "de", "la",
        "le", "el", "mc", "bin", "van", "von",
    ];
    s.split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            let vowels = lower.chars().filter(|c| "aeiouy".contains(*c)).count();
            let alpha = w.chars().filter(|c| c.is_alphabetic()).count();
            if (alpha <= 3 && !SMALL.contains(&lower.as_str())) || (vowels == 0 && alpha > 1) {
                w.to_string()
            } else if i > 0
                && matches!(
                    lower.as_str(),
                    "of" | "the" | "and" | "for" | "on" | "in" | "at"
                )
            {
                lower
            } else {
                capitalise_parts(&lower)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// "o'brien" -> "O'Brien", "jean-luc" -> "Jean-Luc".
fn capitalise_parts(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    let mut up = true;
    for c in lower.chars() {
        if up && c.is_alphabetic() {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
        if matches!(c, '-' | '\'' | '’' | '.') {
            up = true;
        }
    }
    out
}

// ---- dates ----

static MONTH_NAMES: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("mai", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
];

const MONTH_RE: &str = r"(?i:january|february|march|april|may|june|july|august|september|october|november|december|januar|februar|märz|mai|juni|juli|oktober|dezember|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)";

static DATE_PATTERNS: LazyLock<[Regex; 4]> = LazyLock::new(|| {
    // The edges are checked in code (`glued_edge`): a paste glues dates to
    // the words around them ("calendarApr 16, 2024", "2025August 29").
    [
        re(r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T)"),
        re(&format!(
            r"({MONTH_RE})\.? (\d{{1,2}})(?i:st|nd|rd|th)?,? (\d{{4}})"
        )),
        re(&format!(
            r"\b(\d{{1,2}})(?i:st|nd|rd|th)?\.?[ -](?:of )?({MONTH_RE})\.?,?[ -](\d{{4}})"
        )),
        re(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"),
    ]
});
/// "05/03/2024", "5.3.2024", "05-03-2024": month first unless the first
/// number cannot be a month.
static DOTTED: LazyLock<Regex> = LazyLock::new(|| re(r"\b(\d{1,2})([./-])(\d{1,2})[./-](\d{4})\b"));

/// A written date may touch a word before it only where a capital starts
/// the month, and a word after it only where a capital or a time starts.
fn glued_edge(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|t| t.chars().next_back());
    let first = text.get(start..).and_then(|t| t.chars().next());
    let ok_before = match before {
        Some(c) if c.is_alphanumeric() => c.is_lowercase() && first.is_some_and(char::is_uppercase),
        _ => true,
    };
    let after = text.get(end..).unwrap_or("");
    let ok_after = match after.chars().next() {
        Some(c) if c.is_ascii_digit() => {
            let digits = after.chars().take_while(char::is_ascii_digit).count();
            digits <= 2 && after.chars().nth(digits) == Some(':')
        }
        Some(c) if c.is_alphabetic() => c.is_uppercase(),
        _ => true,
    };
    ok_before && ok_after
}

fn month_number(name: &str) -> Option<u32> {
    let lower = name.to_lowercase();
    MONTH_NAMES
        .iter()
        .find(|(n, _)| *n == lower)
        .map(|(_, m)| *m)
}

fn iso(year: &str, month: u32, day: &str) -> Option<String> {
    let y: u32 = year.parse().ok()?;
    let d: u32 = day.parse().ok()?;
    ((1900..=2100).contains(&y) && (1..=12).contains(&month) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{month:02}-{d:02}"))
}

/// The first full date (with a year) in the text, as ISO 8601.
pub fn parse_date(text: &str) -> Option<String> {
    date_match(text).map(|(iso, _, _)| iso)
}

/// The first full date in the text: ISO form and its byte range.
pub(super) fn date_span(text: &str) -> Option<(String, usize, usize)> {
    date_match(text)
}

fn date_match(text: &str) -> Option<(String, usize, usize)> {
    // Every written form holds a four-digit year: most lines have none, and
    // the patterns cost more than this scan.
    let mut run = 0;
    let has_year = text.chars().any(|c| {
        run = if c.is_numeric() { run + 1 } else { 0 };
        run >= 4
    });
    if !has_year {
        return None;
    }
    let [isoform, month_first, day_first, cjk] = &*DATE_PATTERNS;
    let mut found: Vec<(String, usize, usize)> = Vec::new();
    for c in isoform.captures_iter(text).chain(cjk.captures_iter(text)) {
        let (Some(all), Some(y), Some(m), Some(d)) = (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        if let Some(date) = iso(y.as_str(), m.as_str().parse().unwrap_or(0), d.as_str()) {
            found.push((date, all.start(), all.end()));
        }
    }
    for c in month_first.captures_iter(text) {
        let (Some(all), Some(m), Some(d), Some(y)) = (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        if !glued_edge(text, all.start(), all.end()) {
            continue;
        }
        if let Some(date) = month_number(m.as_str()).and_then(|m| iso(y.as_str(), m, d.as_str())) {
            found.push((date, all.start(), all.end()));
        }
    }
    for c in day_first.captures_iter(text) {
        let (Some(all), Some(d), Some(m), Some(y)) = (c.get(0), c.get(1), c.get(2), c.get(3))
        else {
            continue;
        };
        if !glued_edge(text, all.start(), all.end()) {
            continue;
        }
        if let Some(date) = month_number(m.as_str()).and_then(|m| iso(y.as_str(), m, d.as_str())) {
            found.push((date, all.start(), all.end()));
        }
    }
    for c in DOTTED.captures_iter(text) {
        let (Some(all), Some(a), Some(sep), Some(b), Some(y)) =
            (c.get(0), c.get(1), c.get(2), c.get(3), c.get(4))
        else {
            continue;
        };
        let (a, b) = (a.as_str(), b.as_str());
        let first: u32 = a.parse().unwrap_or(0);
        // "3.5.2024" with one-digit parts reads day first (European).
        let day_first = first > 12 || (sep.as_str() == "." && a.len() == 1 && b.len() == 1);
        let date = if day_first {
            iso(y.as_str(), b.parse().unwrap_or(0), a)
        } else {
            iso(y.as_str(), first, b)
        };
        if let Some(date) = date {
            found.push((date, all.start(), all.end()));
        }
    }
    found.into_iter().min_by_key(|(_, start, _)| *start)
}

/// A line that is only a date, maybe with a time and a "Published" or
/// "Updated" label: page metadata, not text.
pub fn is_date_line(line: &str) -> bool {
    static FILLER: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\b(?:published|updated|posted|last|modified|first|on|at|am|pm|a\.m|p\.m|gmt|bst|utc|est|edt|et|pt|pst|pdt|cet|cest|hkt|sgt|jst|kst|ist|aest|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|date|time|uhr|veröffentlicht|aktualisiert|am|um)\b|\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?|\d+ (?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?) ago|[|,·•:()\-–—/.]",
        )
    });
    let line = line.trim();
    if line.chars().count() > 100 {
        return false;
    }
    if date_match(line).is_none() {
        return false;
    }
    // "Published: 3 March 2025 | Updated: 4 March 2025": every date goes.
    let mut rest = line.to_string();
    while let Some((_, start, end)) = date_match(&rest) {
        rest.replace_range(start..end, " ");
    }
    let rest = FILLER.replace_all(&rest, " ");
    rest.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
        <= 1
}

// ---- the outlet ----

/// "WASHINGTON (AP) —", "LONDON, March 3 (Reuters) -", "/PRNewswire/":
/// the agency in a dateline at the start of the first paragraph.
pub fn dateline_agency(paragraph: &str) -> Option<String> {
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        re(r"^[\p{Lu}][\p{L}\d .,'’-]{1,60}?\s*\(([\p{Lu}][\p{L} .&-]{1,30})\)\s*(?:--|-|—|–)")
    });
    static WIRE: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"/\s*(PRNewswire|PR Newswire|Business Wire|GLOBE NEWSWIRE|Globe Newswire|ACCESSWIRE|EINPresswire)\s*/",
        )
    });
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^\(?(CNN|AP|AFP|Reuters|Bloomberg|Xinhua|Yonhap|Kyodo|Bernama|ANI|PTI|IANS)\)?\s*(?:--|—|–|-)\s",
        )
    });
    let head: String = paragraph.chars().take(160).collect();
    // Each pattern needs its bracket or slash: most paragraphs have none.
    let dateline = head
        .contains('(')
        .then(|| DATELINE.captures(&head))
        .flatten();
    if let Some(c) = dateline {
        let name = c.get(1)?.as_str().trim();
        if name.split_whitespace().count() <= 3 && !name.chars().any(|c| c.is_ascii_digit()) {
            return Some(tidy_case(name));
        }
    }
    let wire = || head.contains('/').then(|| WIRE.captures(&head)).flatten();
    if let Some(c) = wire().or_else(|| LEAD.captures(&head)) {
        return Some(c.get(1)?.as_str().to_string());
    }
    None
}

/// "Why you can trust SCMP" -> "SCMP".
pub fn trust_line_outlet(line: &str) -> Option<String> {
    static TRUST: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(?i:why you can trust)\s+([\p{L}\p{N} .&'’-]{2,40}?)\s*[.?!]?$"));
    let line = line.trim();
    // Checked on every line: most fail on the opening words.
    if !crate::ingest::patterns::starts_with_ignore_ascii_case(line, "why you can trust") {
        return None;
    }
    Some(tidy_case(TRUST.captures(line)?.get(1)?.as_str()))
}

/// "© 2025 Example Media Publishers Ltd. All rights reserved." ->
/// "Example Media".
pub fn copyright_holder(line: &str) -> Option<String> {
    static HEAD: LazyLock<Regex> =
        LazyLock::new(|| re(r"^(?i:copyright|\(c\)|©|copr\.|\s|\d{4}(?:\s*[-–]\s*\d{4})?|,)+"));
    static TAIL: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)[\s,.]*(?:all rights reserved.*|(?:publishers?|ltd|limited|inc|llc|l\.p|lp|plc|co|corp|corporation|gmbh|ag|pte|sdn bhd|bhd|group)\b[\s.,]*)*$",
        )
    });
    let line = line.trim();
    // ASCII prefixes: no other letter lower-cases into one of them.
    let starts = |p: &str| {
        line.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
    };
    if !(line.starts_with('©') || starts("copyright") || starts("(c)")) {
        return None;
    }
    static LEGAL: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"(?i)\s*,?\s*\b(?:l\.\s?p\.?|inc\.|ltd\.|co\.|corp\.|s\.a\.|n\.v\.|pte\.|llc|plc)(?:\s|$)",
        )
    });
    let line = LEGAL.replace_all(line, " ");
    let rest = HEAD.replace(&line, "");
    let rest = rest.split(['.', '|', ';']).next().unwrap_or("");
    let rest = TAIL.replace(rest.trim(), "");
    let rest = rest.trim().trim_end_matches(',').trim();
    let words = rest.split_whitespace().count();
    ((1..=6).contains(&words) && rest.chars().next().is_some_and(char::is_uppercase))
        .then(|| tidy_case(rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_lower_case_for_listed() {
        for list in [ROLE_WORDS, NOT_NAMES, PARTICLES] {
            for w in list {
                assert_eq!(*w, w.to_lowercase(), "{w}");
            }
        }
        assert!(listed("Correspondent", ROLE_WORDS) && listed("ÉDITEUR", &["éditeur"]));
        assert!(!listed("Jo", ROLE_WORDS));
    }

    fn names(line: &str) -> Option<String> {
        parse_byline(line).map(|b| b.names)
    }

    #[test]
    fn bylines_of_many_shapes() {
        assert_eq!(names("Mei Lin").as_deref(), Some("Mei Lin"));
        assert_eq!(names("By Tom Hart").as_deref(), Some("Tom Hart"));
        assert_eq!(
            names("By Ana Ruiz and Karl Berg").as_deref(),
            Some("Ana Ruiz and Karl Berg")
        );
        let b = parse_byline("Sara Okafor, Reuters").unwrap();
        assert_eq!(b.names, "Sara Okafor");
        assert_eq!(b.outlet.as_deref(), Some("Reuters"));
        let b = parse_byline("By PETER O'NEILL FOR MAILONLINE").unwrap();
        assert_eq!(b.names, "Peter O'Neill");
        assert_eq!(
            names("Rachel Green in Brussels").as_deref(),
            Some("Rachel Green")
        );
        assert_eq!(
            names("By Jo Park, Political Correspondent").as_deref(),
            Some("Jo Park")
        );
        let b = parse_byline("By Lee Min-ho | March 4, 2024").unwrap();
        assert_eq!(b.names, "Lee Min-ho");
        assert_eq!(b.date.as_deref(), Some("2024-03-04"));
        assert_eq!(
            names("By Kim Ji-won (jw@example.kr)").as_deref(),
            Some("Kim Ji-won")
        );
        assert_eq!(names("Juan de la Cruz").as_deref(), Some("Juan de la Cruz"));
        assert_eq!(
            names("By A. J. Neal    View In Digital Edition").as_deref(),
            Some("A. J. Neal")
        );
        assert_eq!(
            names("Audrey Huang, Print Managing Editor").as_deref(),
            Some("Audrey Huang")
        );
        assert_eq!(
            names("Rasmus Barslund Founder & Lead Reviewer").as_deref(),
            Some("Rasmus Barslund")
        );
        assert_eq!(
            names("By Kyle Howells 15 min read").as_deref(),
            Some("Kyle Howells")
        );
    }

    #[test]
    fn not_bylines() {
        assert_eq!(names("Big Tech"), None);
        assert_eq!(names("Artificial intelligence"), None);
        assert_eq!(names("It didn't."), None);
        assert_eq!(names("By Reuters"), None);
        assert_eq!(names("By the time the vote came, most had left."), None);
        assert_eq!(names("Europe"), None);
    }

    #[test]
    fn dates_to_iso() {
        assert_eq!(parse_date("March 3, 2025").as_deref(), Some("2025-03-03"));
        assert_eq!(
            parse_date("Mon 3 Mar 2025 14.05 GMT").as_deref(),
            Some("2025-03-03")
        );
        assert_eq!(
            parse_date("Published: 2024-11-05T08:00").as_deref(),
            Some("2024-11-05")
        );
        assert_eq!(
            parse_date("2025年12月8日 10:30").as_deref(),
            Some("2025-12-08")
        );
        assert_eq!(parse_date("Sept. 21, 2016").as_deref(), Some("2016-09-21"));
        assert_eq!(parse_date("12. März 2024").as_deref(), Some("2024-03-12"));
        assert_eq!(parse_date("on Monday (Dec 8)"), None);
        assert_eq!(parse_date("February 30, 20255"), None);
    }

    #[test]
    fn date_lines() {
        assert!(is_date_line("Published: 14:05 GMT, 3 March 2025"));
        assert!(is_date_line("Updated 10:55 AM EST, Mon December 8, 2025"));
        assert!(is_date_line("Tue 4 Feb 2025 07.00 GMT"));
        assert!(is_date_line(
            "Published: 9:00am, 8 Dec 2025 Updated: 10:30am, 9 Dec 2025"
        ));
        assert_eq!(
            parse_date("2025/12/08 14:00").as_deref(),
            Some("2025-12-08")
        );
        assert!(is_date_line(
            "Published: 10:42 GMT, 3 March 2025 | Updated: 11:05 GMT, 3 March 2025"
        ));
        assert!(is_date_line(
            "March 3, 2025 4:12 AM GMT Updated 2 hours ago"
        ));
        assert!(!is_date_line("The election on March 3, 2025 was close."));
    }

    #[test]
    fn legal_suffixes_and_qualified_roles() {
        assert_eq!(
            copyright_holder("©2025 Bloomberg L.P.").as_deref(),
            Some("Bloomberg")
        );
        assert_eq!(
            names("Dana Reyes Environment editor").as_deref(),
            Some("Dana Reyes")
        );
    }

    #[test]
    fn outlets() {
        assert_eq!(
            dateline_agency("LONDON, March 3 (Reuters) - Britain's economy grew").as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            dateline_agency("WASHINGTON (AP) — The Senate voted").as_deref(),
            Some("AP")
        );
        assert_eq!(
            dateline_agency("SAN JOSE, Calif., May 2, 2024 /PRNewswire/ -- Acme today").as_deref(),
            Some("PRNewswire")
        );
        assert_eq!(dateline_agency("The minister (left) said - no."), None);
        assert_eq!(
            trust_line_outlet("Why you can trust The Ledger").as_deref(),
            Some("The Ledger")
        );
        assert_eq!(
            copyright_holder("Copyright © 2024 Harbour Daily Publishers Ltd. All rights reserved.")
                .as_deref(),
            Some("Harbour Daily")
        );
        assert_eq!(
            tidy_case("SOUTH CHINA MORNING POST"),
            "South China Morning Post"
        );
        assert_eq!(tidy_case("BBC NEWS"), "BBC News");
        assert_eq!(tidy_case("AFP"), "AFP");
        assert_eq!(tidy_case("THE STRAITS TIMES"), "The Straits Times");
    }
}
