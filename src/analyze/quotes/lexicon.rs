//! Word tables for attribution: speech verbs, titles, pronouns, and the
//! words that tell people, organisations and places apart. All lowercase.

/// Capitalised abbreviations whose dot belongs to the word (titles,
/// months, US states): Mr. Sen. Sept. Calif.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "rev", "rep", "reps", "sen", "sens", "gov", "lt", "gen",
    "col", "capt", "maj", "sgt", "adm", "cmdr", "st", "jr", "sr", "inc", "corp", "co", "ltd",
    "hon", "del", "ald", "supt", "insp", "pres", "sec", "dep", "asst", "comm", "ret", "jan", "feb",
    "aug", "sept", "sep", "oct", "nov", "dec", "mt", "ft", "messrs", "gens", "govs", "atty",
    "calif", "conn", "fla", "ill", "ind", "kan", "ky", "mass", "mich", "minn", "miss", "mo",
    "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
    "ariz", "ark", "colo", "ala", "md", "ga", "la",
];

/// Speech verbs of other languages (French, German, Spanish, Italian,
/// Portuguese), in the inverted form news uses: « ... », a déclaré X.
#[rustfmt::skip]
const OTHER_SPEECH_VERBS: &[&str] = &[
    "dit", "déclare", "déclaré", "affirme", "affirmé", "explique", "expliqué", "ajoute", "ajouté",
    "estime", "estimé", "souligne", "souligné", "sagte", "sagt", "erklärte", "erklärt", "betonte",
    "meinte", "dijo", "afirmó", "explicó", "aseguró", "señaló", "añadió", "disse", "afirmou",
    "dichiarato", "detto",
];

/// Verbs that report speech or writing, in the forms news uses.
#[rustfmt::skip]
const SPEECH_VERBS: &[&str] = &[
    "rule", "ruled", "rules", "rated", "cite", "cites", "cited", "citing", "say", "says", "said",
    "saying", "add", "adds", "added", "adding", "tell", "tells", "told", "telling", "write",
    "writes", "wrote", "writing", "argue", "argues", "argued", "arguing", "warn", "warns",
    "warned", "warning", "insist", "insists", "insisted", "insisting", "call", "calls", "called",
    "calling", "describe", "describes", "described", "describing", "state", "states", "stated",
    "note", "notes", "noted", "noting", "explain", "explains", "explained", "explaining", "ask",
    "asks", "asked", "asking", "reply", "replies", "replied", "tweet", "tweets", "tweeted",
    "tweeting", "declare", "declares", "declared", "declaring", "claim", "claims", "claimed",
    "claiming", "contend", "contends", "contended", "acknowledge", "acknowledges", "acknowledged",
    "admit", "admits", "admitted", "announce", "announces", "announced", "answer", "answers",
    "answered", "boast", "boasts", "boasted", "caution", "cautions", "cautioned", "comment",
    "comments", "commented", "complain", "complains", "complained", "concede", "concedes",
    "conceded", "conclude", "concludes", "concluded", "confirm", "confirms", "confirmed",
    "continue", "continues", "continued", "counter", "counters", "countered", "emphasize",
    "emphasizes", "emphasized", "emphasise", "emphasises", "emphasised", "exclaim", "exclaimed",
    "joke", "jokes", "joked", "lament", "laments", "lamented", "maintain", "maintains",
    "maintained", "muse", "mused", "observe", "observes", "observed", "post", "posted", "predict",
    "predicts", "predicted", "promise", "promises", "promised", "pledge", "pledged", "quip",
    "quipped", "recall", "recalls", "recalled", "remark", "remarked", "report", "reports",
    "reported", "respond", "responds", "responded", "shout", "shouted", "stress", "stresses",
    "stressed", "suggest", "suggests", "suggested", "testify", "testified", "urge", "urges",
    "urged", "vow", "vows", "vowed", "whisper", "whispered", "yell", "yelled", "dub", "dubs",
    "dubbed", "label", "labels", "labeled", "labelled", "brand", "brands", "branded", "term",
    "terms", "termed", "recount", "recounted", "agree", "agrees", "agreed", "declare", "proclaim",
    "proclaimed", "scoff", "scoffed", "sneer", "sneered", "snap", "snapped", "retort", "retorted",
    "chant", "chanted", "read", "reads", "quote", "quoted", "quoting", "blast", "blasted", "slam",
    "slammed", "demand", "demanded", "demands", "assert", "asserts", "asserted", "allege",
    "alleges", "alleged", "mention", "mentioned", "reveal", "revealed", "reiterate", "reiterated",
    "pronounce", "pronounced", "proclaim", "concur", "concurred", "wonder", "wondered", "wonders",
    "sing", "sang", "sings", "begin", "began", "went", "go", "goes", "opine", "opined",
    "summarize", "summarized", "summed", "thunder", "thundered", "rage", "raged", "fume", "fumed",
    "conclude", "elaborate", "elaborated", "clarify", "clarified", "hint", "hinted", "charged",
    "barked", "beamed", "retaliated", "griped", "gushed", "pleaded", "sniped", "snarled",
    "scolded", "chided", "interjected", "murmured", "sighed", "screamed", "groused",
    "remembered", "pressed", "riffed", "assured", "exhorted", "cried", "questioned", "proclaims",
    "marveled", "marvelled", "emailed", "texted", "touted", "touts", "mocked", "mocks",
    "denounced", "denounces", "expressed", "repeated", "referred",
];

/// Speech verbs whose subject may follow them: “...,” said Jane Smith.
#[rustfmt::skip]
const INVERTIBLE: &[&str] = &[
    "report", "reports", "reported", "say", "says", "said", "add", "adds", "added", "write",
    "writes", "wrote", "argue", "argues", "argued", "warn", "warns", "warned", "insist", "insists",
    "insisted", "note", "notes", "noted", "explain", "explains", "explained", "ask", "asks",
    "asked", "reply", "replies", "replied", "declare", "declares", "declared", "continue",
    "continues", "continued", "counter", "countered", "observe", "observed", "recall", "recalls",
    "recalled", "remark", "remarked", "respond", "responded", "quip", "quipped", "tweet",
    "tweeted", "tweets", "joke", "joked", "state", "states", "stated", "concede", "conceded",
    "conclude", "concluded", "acknowledge", "acknowledged", "admit", "admitted", "reads", "read",
    "wonder", "wondered", "claim", "claimed", "claims", "exclaimed", "shouted", "yelled",
    "cautioned", "predicted", "mused", "retorted", "snapped", "boasted", "answered", "commented",
    "complained", "charged", "barked", "beamed", "retaliated", "griped", "gushed", "pleaded",
    "sniped", "snarled", "scolded", "interjected", "murmured", "sighed", "screamed", "groused",
    "remembered", "pressed", "riffed", "agrees", "agreed", "opined", "posted", "echoed",
    "asserted", "chimed", "exhorted", "cried",
];

/// Titles and honorifics dropped from a reported name (lowercase, no dot).
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "rev", "reverend", "father", "rabbi", "imam", "sheikh", "rep", "representative", "sen",
    "senator", "gov", "governor", "lt", "gen", "general", "col", "colonel", "capt", "captain",
    "maj", "major", "sgt", "sergeant", "adm", "admiral", "cmdr", "commander", "president", "vice",
    "chairman", "chairwoman", "chair", "chairperson", "ceo", "cfo", "coo", "cto", "founder",
    "co-founder", "cofounder", "chief", "secretary", "minister", "premier", "chancellor", "mayor",
    "speaker", "leader", "judge", "justice", "attorney", "officer", "spokesman", "spokeswoman",
    "spokesperson", "director", "executive", "analyst", "economist", "king", "queen", "prince",
    "princess", "pope", "cardinal", "bishop", "ambassador", "envoy", "del", "delegate",
    "councilman", "councilwoman", "councillor", "alderman", "sheriff", "chief", "coach", "host",
    "anchor", "correspondent", "editor", "commissioner", "trustee", "superintendent", "inspector",
    "detective", "deputy", "assistant", "former", "acting", "interim", "incumbent", "then",
    "retired", "ret", "hon", "honourable", "honorable", "st", "ald", "supt", "insp", "pres", "sec",
    "dep", "asst", "comm", "congressman", "congresswoman", "assemblyman", "assemblywoman", "md",
    "managing", "head", "boss", "adviser", "advisor", "aide", "strategist", "strategists",
    "nominee", "candidate", "candidates", "rival", "lawyer", "attorney-general",
    "attorney general", "mp", "mep", "msp", "ag", "democrat", "republican", "democratic",
    "libertarian", "independent", "conservative", "liberal", "gop", "labour", "tory", "ceo-elect",
    "president-elect", "governor-elect", "state", "sens", "reps", "govs", "gens", "mmes", "messrs",
];

/// Pronouns that stand for a speaker, with the gender they carry.
pub fn pronoun_gender(low: &str) -> Option<Option<Gender>> {
    match low {
        "he" | "him" => Some(Some(Gender::Male)),
        "she" | "her" => Some(Some(Gender::Female)),
        "they" | "it" | "we" | "i" | "you" => Some(None),
        _ => None,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// Determiners and possessives that open a description: "the company".
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these",
    "those", "one", "another", "some", "several", "many", "most", "two", "three", "four", "five",
    "both", "each", "other", "all", "no", "few", "any",
];

/// Heads of descriptions that stand for an organisation ("the company said").
#[rustfmt::skip]
const ORG_HEADS: &[&str] = &[
    "company", "firm", "group", "giant", "maker", "manufacturer", "designer", "startup",
    "start-up", "carrier", "retailer", "bank", "lender", "insurer", "airline", "conglomerate",
    "corporation", "business", "brand", "platform", "developer", "operator", "outlet", "newspaper",
    "broadcaster", "publisher", "network", "chain", "supplier", "producer", "automaker",
    "carmaker", "chipmaker", "unicorn", "lab", "utility", "exchange", "studio",
];

/// Heads of descriptions that stand for a person ("the entrepreneur said").
#[rustfmt::skip]
const PERSON_HEADS: &[&str] = &[
    "entrepreneur", "billionaire", "executive", "businessman", "businesswoman", "tycoon",
    "founder", "co-founder", "boss", "mogul", "magnate", "investor", "chief", "ceo",
];

/// Plurals that stand for people with no article: "according to
/// insiders" (besides the plurals of roles and person heads).
#[rustfmt::skip]
const PEOPLE_PLURALS: &[&str] = &[
    "sources", "insiders", "people", "witnesses", "residents", "authorities", "police",
    "observers", "investigators", "prosecutors", "aides", "neighbors", "neighbours", "relatives",
    "friends", "colleagues",
];

/// Words that make a capitalised name an organisation, not a person.
#[rustfmt::skip]
const ORG_WORDS: &[&str] = &[
    "inc", "corp", "corporation", "co", "ltd", "llc", "plc", "group", "holdings", "company",
    "party", "committee", "department", "ministry", "university", "college", "school",
    "association", "council", "agency", "commission", "bank", "times", "post", "news", "journal",
    "tribune", "herald", "press", "institute", "foundation", "fund", "center", "centre", "office",
    "house", "senate", "congress", "court", "board", "bureau", "service", "services", "union",
    "federation", "league", "organization", "organisation", "network", "media", "technologies",
    "technology", "systems", "labs", "motors", "airlines", "administration", "government",
    "parliament", "police", "army", "navy", "force", "forces", "authority", "trust", "society",
    "church", "campaign", "club", "team", "reuters", "ap", "afp", "cnn", "bbc", "nbc", "cbs",
    "abc", "fox", "msnbc", "expo", "show", "summit", "conference", "festival", "alliance",
    "coalition", "caucus", "network", "magazine", "review", "daily", "weekly", "radio", "tv",
    "television", "studios", "entertainment", "partners", "capital", "securities", "markets",
    "exchange", "street", "avenue", "road", "energy", "coal", "oil", "gas", "resources",
    "industries", "pharmaceuticals", "foods", "brands", "airways", "railways", "electric", "power",
    "health", "healthcare", "insurance", "financial", "investments", "ventures", "solutions",
    "software", "communications", "telecom", "mobile", "motor", "steel", "chemicals", "robotics",
    "semiconductor",
];

/// Capitalised words that are no one's name: sentence openers, days, months.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "the", "a", "an", "but", "and", "or", "so", "yet", "if", "when", "while", "as", "in", "on",
    "at", "for", "from", "with", "after", "before", "during", "since", "this", "that", "these",
    "those", "there", "here", "it", "he", "she", "they", "we", "i", "you", "his", "her", "its",
    "their", "our", "my", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "meanwhile", "however", "still", "also", "now",
    "then", "today", "yesterday", "tomorrow", "last", "next", "asked", "according", "despite",
    "although", "though", "because", "what", "who", "why", "how", "where", "which", "one", "some",
    "many", "most", "all", "both", "each", "no", "not", "other", "another", "under", "over", "by",
    "to", "of", "speaking", "instead", "indeed", "even", "just", "only", "like", "unlike", "among",
    "amid", "about", "once", "every", "mr", "mrs", "ms", "dr", "read", "more", "said", "says",
    "editor", "note", "update", "photo", "video", "was", "is", "did", "does", "were", "are",
    "has", "had", "would", "could", "should",
];

/// Places: names that speak for no one when a description looks back.
#[rustfmt::skip]
const PLACES: &[&str] = &[
    "china", "us", "u.s", "u.s.", "usa", "america", "united", "states", "uk", "u.k.", "britain",
    "england", "scotland", "wales", "ireland", "europe", "eu", "asia", "africa", "japan", "korea",
    "india", "russia", "ukraine", "germany", "france", "italy", "spain", "canada", "mexico",
    "brazil", "australia", "taiwan", "hong", "kong", "singapore", "israel", "iran", "iraq",
    "syria", "turkey", "egypt", "pakistan", "afghanistan", "beijing", "shanghai", "washington",
    "london", "paris", "berlin", "moscow", "tokyo", "seoul", "brussels", "new", "york",
    "california", "texas", "florida", "taipei", "shenzhen", "vietnam", "indonesia", "malaysia",
    "thailand", "philippines", "burma", "myanmar", "cuba", "venezuela", "argentina", "chile",
    "colombia", "peru", "nigeria", "kenya", "ethiopia", "saudi", "arabia", "qatar", "dubai",
    "emirates", "poland", "sweden", "norway", "finland", "denmark", "netherlands", "belgium",
    "switzerland", "austria", "greece", "portugal", "west", "east", "north", "south", "las",
    "vegas", "los", "angeles", "san", "francisco", "chicago", "alabama", "alaska", "arizona",
    "arkansas", "colorado", "connecticut", "delaware", "hawaii", "idaho", "illinois", "indiana",
    "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan",
    "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "hampshire",
    "jersey", "carolina", "dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode",
    "tennessee", "utah", "vermont", "virginia", "wisconsin", "wyoming", "manchester", "delhi",
    "kabul", "boston", "atlanta", "philadelphia", "houston", "dallas", "miami", "seattle",
    "denver", "detroit", "baltimore", "pyongyang", "jerusalem", "tehran", "baghdad", "damascus",
    "kyiv", "kiev", "mumbai", "sydney", "melbourne", "toronto", "vancouver", "montreal", "dublin",
    "edinburgh", "glasgow", "birmingham", "liverpool", "leeds", "bristol", "rome", "madrid",
    "lisbon", "vienna", "prague", "warsaw", "stockholm", "oslo", "copenhagen", "amsterdam",
    "geneva", "zurich", "istanbul", "ankara", "cairo", "lagos", "nairobi", "johannesburg",
    "bangkok", "jakarta", "manila", "hanoi", "guangzhou", "wuhan", "hangzhou", "chengdu",
];

/// Words after a speech verb that are not its subject: "said on Monday".
#[rustfmt::skip]
const NOT_SUBJECT_AFTER: &[&str] = &[
    "on", "in", "at", "during", "after", "before", "while", "when", "that", "this", "last",
    "earlier", "later", "to", "of", "for", "with", "by", "from", "as", "and", "but", "if", "it",
    "yesterday", "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "afterward", "afterwards", "again", "then", "recently", "previously",
    "once", "also", "about", "into", "through", "over", "under", "against",
];

/// Words between a subject and its speech verb: "Huang also said", "has said".
#[rustfmt::skip]
const VERB_FILLERS: &[&str] = &[
    "also", "later", "then", "has", "had", "have", "was", "were", "is", "are", "will", "would",
    "could", "should", "may", "might", "must", "can", "did", "does", "do", "once", "again",
    "previously", "recently", "repeatedly", "often", "frequently", "publicly", "privately",
    "separately", "further", "simply", "just", "still", "even", "already", "only", "earlier",
    "subsequently", "quickly", "flatly", "openly", "bluntly", "angrily", "proudly", "softly",
    "quietly", "loudly", "firmly", "famously", "reportedly", "allegedly", "apparently",
    "yesterday", "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "on", "last", "week", "night", "morning", "afternoon", "evening", "not",
    "never", "been", "being", "be", "quoted", "as", "first", "herself", "himself", "themselves",
    "itself", "once", "too", "ultimately", "finally", "initially", "always",
];

/// Lowercase words of a role before a name: "press secretary Josh Earnest".
#[rustfmt::skip]
const ROLES: &[&str] = &[
    "press", "campaign", "communications", "policy", "senior", "junior", "top", "national",
    "security", "foreign", "host", "widow", "widower", "lawyer", "attorney", "manager", "official",
    "officials", "spokesman", "spokeswoman", "spokesperson", "adviser", "advisor", "aide",
    "strategist", "pollster", "analyst", "economist", "researcher", "scientist", "professor",
    "student", "activist", "organizer", "organiser", "columnist", "commentator", "journalist",
    "reporter", "writer", "author", "historian", "critic", "expert", "doctor", "physician", "talk",
    "radio", "show", "news", "general", "colonel", "officer", "candidate", "nominee", "hopeful",
    "challenger", "opponent", "rival", "ally", "allies", "surrogate", "supporter", "donor",
    "fundraiser", "operative", "consultant", "chief", "deputy", "vice", "executive", "director",
    "founder", "co-founder", "owner", "partner", "member", "leader", "head", "coach", "player",
    "star", "singer", "actor", "actress", "rapper", "comedian", "presidential",
    "vice-presidential", "gubernatorial", "congressional", "state", "federal", "district",
    "county", "city", "retired", "former", "then", "acting", "interim", "party", "chairman",
    "chairwoman", "secretary", "minister", "senator", "governor", "mayor", "president",
    "candidate", "investor", "entrepreneur", "billionaire", "businessman", "businesswoman",
    "veteran", "mother", "father", "wife", "husband", "son", "daughter", "sister", "brother",
    "niece", "nephew", "friend", "neighbor", "neighbour", "resident", "teacher", "nurse", "pastor",
    "priest", "legal", "chief-of-staff", "anchor", "editor", "correspondent", "producer",
    "director", "commentator", "blogger", "fellow", "scholar", "police", "panel", "committee",
    "union", "board", "agency", "department", "ministry",
];

use std::collections::HashSet;
use std::sync::LazyLock;

/// FNV-1a: the tables hold short words, for which SipHash is slow.
pub type FastHash = fnv::FnvBuildHasher;

type Table = LazyLock<HashSet<&'static str, FastHash>>;

fn has(table: &Table, low: &str) -> bool {
    table.contains(low.strip_suffix('.').unwrap_or(low))
}

macro_rules! table {
    ($name:ident, $list:ident) => {
        static $name: Table = LazyLock::new(|| $list.iter().copied().collect());
    };
}

table!(SPEECH_VERB_SET, SPEECH_VERBS);
table!(INVERTIBLE_SET, INVERTIBLE);
table!(OTHER_SPEECH_VERB_SET, OTHER_SPEECH_VERBS);
table!(TITLE_SET, TITLES);
table!(DETERMINER_SET, DETERMINERS);
table!(ORG_HEAD_SET, ORG_HEADS);
table!(PERSON_HEAD_SET, PERSON_HEADS);
table!(PEOPLE_PLURAL_SET, PEOPLE_PLURALS);
table!(ORG_WORD_SET, ORG_WORDS);
table!(NOT_NAME_SET, NOT_NAMES);
table!(PLACE_SET, PLACES);
table!(NOT_SUBJECT_AFTER_SET, NOT_SUBJECT_AFTER);
table!(VERB_FILLER_SET, VERB_FILLERS);
table!(ROLE_SET, ROLES);
table!(ABBREVIATION_SET, ABBREVIATIONS);

pub fn is_other_speech_verb(low: &str) -> bool {
    has(&OTHER_SPEECH_VERB_SET, low)
}

pub fn is_speech_verb(low: &str) -> bool {
    has(&SPEECH_VERB_SET, low) || is_other_speech_verb(low)
}

/// Speech verbs that are speech only right before a quotation.
pub fn is_weak_verb(low: &str) -> bool {
    matches!(
        low,
        "continue"
            | "continues"
            | "continued"
            | "go"
            | "goes"
            | "went"
            | "begin"
            | "began"
            | "read"
            | "reads"
            | "sing"
            | "sings"
            | "sang"
            | "post"
            | "posted"
            | "report"
            | "state"
            | "note"
            | "call"
            | "term"
            | "brand"
            | "label"
            | "quote"
            | "counter"
    )
}

/// Prepositions that open a phrase inside a description.
pub fn is_preposition(low: &str) -> bool {
    matches!(
        low,
        "of" | "in" | "at" | "for" | "from" | "with" | "on" | "by" | "to"
    )
}

/// Records that carry words, shaped like speech verbs: "according to the
/// report", "the school’s Facebook post".
pub fn is_record(low: &str) -> bool {
    matches!(
        low,
        "report" | "reports" | "post" | "posts" | "note" | "notes" | "tweet" | "tweets"
    )
}

pub fn is_role(low: &str) -> bool {
    has(&ROLE_SET, low)
}

pub fn is_invertible(low: &str) -> bool {
    has(&INVERTIBLE_SET, low) || is_other_speech_verb(low)
}

pub fn is_title(low: &str) -> bool {
    has(&TITLE_SET, low)
}

pub fn is_determiner(low: &str) -> bool {
    has(&DETERMINER_SET, low)
}

pub fn is_org_head(low: &str) -> bool {
    has(&ORG_HEAD_SET, low)
}

pub fn is_person_head(low: &str) -> bool {
    has(&PERSON_HEAD_SET, low) || low.ends_with("-year-old")
}

pub fn is_people_plural(low: &str) -> bool {
    has(&PEOPLE_PLURAL_SET, low)
}

pub fn is_org_word(low: &str) -> bool {
    has(&ORG_WORD_SET, low)
}

pub fn is_not_name(low: &str) -> bool {
    has(&NOT_NAME_SET, low)
}

pub fn is_place(low: &str) -> bool {
    has(&PLACE_SET, low)
}

pub fn is_not_subject_after(low: &str) -> bool {
    has(&NOT_SUBJECT_AFTER_SET, low)
}

pub fn is_verb_filler(low: &str) -> bool {
    has(&VERB_FILLER_SET, low)
}

/// Particles inside names: Ludwig van Beethoven, Bill de Blasio.
pub fn is_name_particle(low: &str) -> bool {
    matches!(
        low,
        "de" | "van"
            | "von"
            | "der"
            | "den"
            | "da"
            | "di"
            | "del"
            | "della"
            | "la"
            | "le"
            | "bin"
            | "al"
            | "ibn"
            | "dos"
            | "das"
            | "du"
            | "ter"
            | "y"
    )
}

/// Name suffixes kept with the name: Jr., II.
pub fn is_name_suffix(low: &str) -> bool {
    matches!(low, "jr." | "jr" | "sr." | "sr" | "ii" | "iii" | "iv")
}

/// Gender a title or role word carries.
pub fn word_gender(low: &str) -> Option<Gender> {
    match low.trim_end_matches('.') {
        "mr" | "sir" | "lord" | "king" | "prince" | "spokesman" | "chairman" | "congressman"
        | "businessman" | "councilman" | "assemblyman" | "husband" | "father" | "son"
        | "brother" | "uncle" | "nephew" | "grandfather" | "boyfriend" | "actor" | "man" => {
            Some(Gender::Male)
        }
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "spokeswoman"
        | "chairwoman" | "congresswoman" | "businesswoman" | "councilwoman" | "assemblywoman"
        | "wife" | "mother" | "daughter" | "sister" | "aunt" | "niece" | "grandmother"
        | "girlfriend" | "actress" | "woman" => Some(Gender::Female),
        _ => None,
    }
}

/// Abbreviations whose dot belongs to the word: Mr. Rep. U.S. J.
pub fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let first = chars.next();
    if !first.is_some_and(char::is_uppercase) {
        return word == "vs" || word.contains('.'); // e.g.
    }
    if chars.next().is_none() || word.contains('.') {
        return true; // an initial, U.S, D.C
    }
    let low = word.rsplit('-').next().unwrap_or(word).to_lowercase();
    has(&ABBREVIATION_SET, &low)
}
