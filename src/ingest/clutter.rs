//! Line classifiers for page furniture: ad slots, audio widgets, reading
//! times, follow/subscribe prompts, share and comment buttons, navigation,
//! breadcrumbs, tag lines, related-story headers, sign-offs and footers.
//!
//! Every test is on one line's text alone and whole-line anchored, so a
//! sentence that merely begins like clutter ("Advertisement revenue fell
//! 5 per cent") is never matched. Context (where the line stands, what is
//! around it) is the caller's business: see `ingest::text`. The HTML
//! extractor may reuse these on block texts.

use crate::ingest::patterns;
use regex::{Regex, RegexSet};
use std::sync::LazyLock;

/// Lines longer than this are never furniture by pattern alone.
const MAX_CLUTTER_CHARS: usize = 260;

fn set<S: AsRef<str>>(patterns: &[S]) -> RegexSet {
    let anchored: Vec<String> = patterns
        .iter()
        .map(|p| format!("^(?:{})$", p.as_ref()))
        .collect();
    // The patterns are literals; a bad one is a bug caught by the tests.
    patterns::regex_set(&anchored)
}

fn re(pattern: &str) -> Regex {
    patterns::regex(pattern)
}

const SOCIAL: &str = "facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram|flipboard|tumblr|messenger|line|wechat|weibo|threads|bluesky|mastodon|pocket|sms|mail|e-?mail|instagram|youtube|tiktok|google\\+?|rss|copy link|print";

/// Whole-line shapes of furniture, matched on `match_form`.
static STRONG: LazyLock<RegexSet> = LazyLock::new(|| set(&strong_patterns()));
static PROMPTS: LazyLock<RegexSet> = LazyLock::new(|| set(&prompt_patterns()));

fn strong_patterns() -> Vec<String> {
    let social_run = format!("(?:(?:{SOCIAL})[ ,|/·•]*)+");
    let share_on = format!("(?:share|post|send) (?:on|to|via|with) (?:{SOCIAL})");
    let patterns: Vec<&str> = vec![
        // ad slots
        r"advert(?:isement|isements|s)?(?: ?[-:|·•] ?(?:scroll|continue|story|article).*)?",
        r"ads?|skip (?:ad|advertisement)|(?:close|hide|remove|report(?: this)?) (?:ad|ads|advert|advertisement)s?",
        r"(?:sponsored|promoted|paid|partner)(?: (?:content|post|story|stories|links?|partner|partner content|feature|by .+))*",
        r"(?:supported|presented|brought to you|powered|sponsored|paid for) by(?: [^.!?]+)?",
        r"continue reading(?: (?:below|the (?:main )?(?:story|article)|after .+|here))?",
        r"scroll (?:down )?(?:to|for) (?:continue|read|more|the rest).*",
        r"ad feedback|advertise(?: with us| here)?|advertising|anzeige|werbung|广告",
        // audio and text-to-speech widgets
        r"listen(?: now| here| live)?|(?:listen to|hear) (?:this|the|our) (?:article|story|episode|podcast|report|piece|audio)(?: .*)?",
        r"listen ?(?:[-·|] ?)?\(?\d+(?:[:.]\d+)? ?(?:min|mins|minutes|m|sec|s)\)?.*",
        r"(?:select|choose|change|pick) (?:a |the |your )?voice",
        r"(?:choose|select|change|set|adjust) (?:your |the )?(?:listening|playback|reading|audio) speed",
        r"(?:listening|playback|audio|reading) speed.{0,20}",
        r"get through articles .{0,20}faster",
        r"\d+(?:\.\d+)?x|\d+ ?wpm",
        r"(?:play|pause|stop|mute|unmute|replay|resume|rewind|fast forward)(?: (?:audio|video|article|story|podcast))?",
        r"\d{1,2}:\d{2}(?::\d{2})?(?: ?/ ?\d{1,2}:\d{2}(?::\d{2})?)?(?: ?(?:min|mins|minutes))?",
        r"(?:duration|length|runtime|running time):? ?\d[\d:.]* ?(?:min|mins|minutes|sec|seconds|s|m)?",
        r"(?:text|font) size|(?:increase|decrease|reset|change) (?:the )?(?:text|font)(?: size)?|a a a|aa|a- a\+",
        r"(?:audio|text[- ]to[- ]speech)(?: (?:version|player|available|article))?",
        // reading time
        r"(?:estimated )?read(?:ing)? ?time ?:? ?(?:about |approx\.? |approximately |less than |under )?(?:\d+|a|one)(?: ?- ?\d+)? ?-?(?:min|mins|minute|minutes|m)?s?(?: \d+ ?(?:sec|secs|seconds|s))?(?: read)?",
        r"(?:about |approx\.? )?\d+(?: ?- ?\d+)? ?-?(?:min|mins|minute|minutes)\.? (?:read|to read|listen|watch|reading|video)",
        r"(?:read|listen) in \d+ ?(?:min|mins|minutes)|lesezeit:? ?\d+ ?(?:min|minuten)\.?",
        // trust, standards
        // follow, subscribe, newsletters, apps
        r"(?:sign up|signup|sign in|signin|log ?in|log out|register|subscribe|subscribed|unsubscribe|join now|donate|contribute|support us|subscribe now|create account|my account)(?: (?:now|here|today|for free|free|now for free|for \w+))?",
        r"newsletters?(?: (?:sign ?-?up|promotion|signup|box))?",
        r"(?:our|the|free|daily|weekly|morning|evening|get our) .{0,40}newsletters?(?: (?:sign ?-?up|promotion|here|now|today))?",
        r"(?:skip past|after|before) newsletter promotion",
        r"(?:give|gift|send) (?:this|full|the) (?:article|story)|gift (?:article|this article|\d+ articles?)|share (?:full|gift) article",
        r"(?:subscriber|subscribers|members?|premium)(?: only| exclusive| content| article)",
        r"join .{0,40}(?:community|group)|new to [^.]{1,30}",
        // share, save, comment
        r"share|shares|share this|share (?:this|the) (?:article|story|page|post|link|video|gallery)|share (?:article|story)|share:|teilen|artikel teilen|分享",
        &share_on,
        &social_run,
        r"[\d.,]+ ?[kmb]? ?(?:shares?|comments?|likes?|views?|reactions?|replies|reads?|claps?|retweets?|upvotes?)",
        r"(?:shares?|comments?|likes?|views?|reactions?|replies)(?: ?\(?[\d.,]+[kmb]?\)?)?",
        r"(?:view|show|read|hide|load|see|open|close|add|post|write|leave|submit|jump to)(?: all)?(?: a| the| your)? (?:comments?|reply|replies|response|responses)(?: \(?\d+\)?)?",
        r"save|saved|save (?:article|story|for later|this(?: article| story)?|to (?:my|your) .{1,20})|bookmark(?:ed)?|add to (?:your |my )?(?:saved stories|saved articles|bookmarks|reading list|favou?rites)|remove from (?:saved|bookmarks)",
        r"print(?: this)?(?: article| page| story)?|e-?mail (?:this )?(?:article|story|link|to a friend)|copy (?:link|url|article link)|link copied!?|copied!?|copy",
        r"tweet|pin(?: it)?|like|recommend|\+1|like this|like loading\.*|share this|share on:?|(?:share|comment)(?: or (?:share|comment))? on this (?:article|story|post)",
        r"(?:reuse|republish|reprint) this (?:content|article|story)|reprints?(?: (?:and|&) permissions)?|(?:licen[cs]e|buy) (?:this )?(?:article|content|photo|image)s?",
        // navigation and page chrome
        r"home|homepage|menu|main menu|search|close|open|back|next|previous|prev|more|top|skip|navigation|sections|all sections|back to top|go to top|scroll to top|return to top|skip to [^.!?]{1,30}|skip navigation|jump to (?:content|navigation)",
        r"show more|load more|see more|read more|view more|more details|view all|see all|expand|collapse|show less|continue|toggle caption|hide caption|show caption|toggle navigation|(?:open|close) (?:the )?(?:menu|navigation)",
        r"enlarge(?: this)?(?: image)?|view image in fullscreen|expand image|view (?:full )?(?:gallery|image|photo|slideshow)|open gallery|photos?|gallery|slideshow|videos?|watch|watch (?:now|live|video|the video|more)|play video|images?",
        r"(?:image|photo|picture|slide) \d+ (?:of|/) \d+|\d+ (?:of|/) \d+|\d+ (?:photos?|images?|pictures|videos?)",
        r"caption|close caption|zoom(?: in| out)?|full ?screen|exit full ?screen|loading\.*|please wait|refresh",
        r"privacy(?: policy| settings| notice| center| centre)?|terms(?: of (?:use|service|sale)| (?:and|&) conditions)?|about(?: us)?|contact|careers|sitemap|site map|accessibility(?: statement)?|do not sell(?: or share)? my personal information|ad ?choices|help(?: cent(?:er|re))?|faqs?",
        r"\d+ (?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|years?) ago",
        // sign-offs, credits, print notes, copyright
        r"(?:editor|edited by|editing|责任编辑|编辑|来源|source|sources|via) ?[:：] ?[^.!?]+",
        r"for immediate release|embargoed? (?:until|till) .*|(?:media|press|investor|news)(?: relations)? (?:contacts?|inquiries|enquiries)(?: ?:.*)?|contacts?",
        r"\(?-?(?:end|ends|fin)-?\)?|-30-|#(?: ?#){2,}|-+ ?ends? ?-+",
        // tag line prefixes
    ];
    patterns
        .into_iter()
        .map(str::to_string)
        .chain(prompt_patterns())
        .collect()
}

/// Calls to action and notices that stay furniture even as full
/// sentences ("Follow us on X for breaking news.").
fn prompt_patterns() -> Vec<String> {
    let patterns: Vec<&str> = vec![
        r"(?:the )?(?:story|article|content|text|report) continues (?:below|after|under).*",
        r"voiced by .+|(?:this |the )?(?:audio|narration|voiceover|voice-over) (?:is|was|has been) .*(?:generated|automated|produced|created|narrated)(?-u:\b).*",
        r"why you can trust .+",
        r"(?:our|editorial) (?:standards|guidelines|principles|ethics)(?:: .*)?",
        r"(?:the )?thomson reuters trust principles.*",
        r"follow|following|unfollow|follow (?:us|me|@\S+)(?-u:\b).*",
        r"follow(?: the| this)? (?:topic|topics|author|authors|story|reporter|journalist|writer)s?.*",
        r"follow [\w .'@-]+ on (?:twitter|x|facebook|instagram|linkedin|threads|bluesky|tiktok|youtube|whatsapp|telegram|google news|google)(?-u:\b).*",
        r"(?:add|get|set|manage|turn on|sign up for) (?:email |news |breaking news |push )?(?:alerts?|notifications)(?: (?:for|on|about) .+)?",
        r"(?:sign up|subscribe|sign in|log in)(?: (?:now|here|today|free|for free))? (?:to|for|and|with|at) .+",
        r"(?:already (?:a )?(?:subscriber|member|registered)|already have an account|don't have an account|not a subscriber|not yet a subscriber|have an account)\??.*",
        r"(?:create|register for|sign up for) (?:a |an |your )?(?:free )?(?:account|profile).*",
        r"(?:sign up|subscribe|get|receive|join) .*newsletters?(?-u:\b).*",
        r"privacy notice: .*",
        r"(?:support|fund|back) (?:our|independent|quality|trusted|local|free|fearless) (?:journalism|reporting|newsroom|work|media).*",
        r"(?:become|join as|join) an? (?:member|subscriber|supporter|patron|premium member|insider)(?-u:\b).*",
        r"(?:download|get|install|open|try|read (?:it )?in|continue in|read in) (?:our|the|this) .*(?-u:\b)app(?-u:\b).*",
        r"join .*(?:channel|telegram|whatsapp|discord)(?-u:\b).*",
        r"(?:get|receive) (?:the )?(?:latest|breaking|top|our|daily|more|all the) .*(?:inbox|alerts|updates|notifications|headlines|emails?)(?-u:\b).*",
        r"(?:enable|turn on|allow) (?:push |browser )?notifications.*",
        r"(?:add|set|make) .+ (?:as|your) (?:a )?(?:preferred|trusted) source.*",
        r"(?:start|try|begin) (?:your |a )?(?:free )?trial.*",
        r"you have \d+ (?:free )?(?:articles?|stories) (?:left|remaining).*",
        r"this (?:article|story|content) is (?:for|only available to|reserved for) (?:subscribers|members).*",
        r"click (?:here|to|for|on) .*",
        r"(?:leave|post|add|write|submit) a (?:comment|reply|response)(?-u:\b).*",
        r"join the (?:conversation|discussion|debate)(?: .*)?|comment on this (?:story|article|post)",
        r"(?:be the first to comment|no comments(?: yet)?)\.?.*",
        r"(?:report|suggest|submit) (?:an? )?(?:error|correction|typo|mistake|issue)|(?:spot|see|notice)(?:ted)? (?:an? )?(?:error|typo|mistake)(?-u:\b).*",
        r"(?:send|submit|share) (?:us )?(?:a |your )?(?:news )?(?:tip|story tip|tips)(?: .*)?|have a (?:news )?(?:tip|story)\??.*",
        r"contact (?:us|the (?:author|reporter|writer|editor|newsroom))(?: .*)?",
        r"(?:read more|read full (?:article|story)|read the (?:full|whole|rest of the|complete) (?:article|story|report|piece)|read (?:the rest|on|it) here|read more here|full story|more here|see (?:full|the full|more) (?:story|coverage)|see full web article|view (?:the )?original (?:article|story|post)|read (?:the )?original(?: article| story)?|source link|original (?:article|story|link))",
        r"we use cookies.*|(?:accept|reject|manage|customi[sz]e|allow) (?:all )?(?:cookies|preferences|settings|cookie settings)|cookies? (?:settings|preferences|policy|notice)",
        r"this (?:article|story) is more than \d+ (?:years?|months?|days?) old",
        r"\((?:updates|adds|recasts|corrects|changes|rewrites|refiles|fixes|removes|inserts)(?-u:\b).*\)",
        r"a version of this (?:article|story|review|column|essay|interview|report) (?:appeared|appears|was published|ran) .*",
        r"this (?:article|story|piece|interview) (?:appeared|was published|first appeared|originally appeared|was originally published|was first published|was originally posted|is republished) (?:in|on|at|by|from|under) .*",
        r"(?:©|\(c\)) ?.*|copyright(?: ©| \(c\))? ?(?:\d{4}|©).*",
        // affiliate disclosures (a post's own "This post may contain
        // affiliate links. ..." paragraph reads as its text, and stays)
        r"(?:we|i) (?:may )?earn (?:a )?(?:commission|compensation)s? .*|as an amazon associate,? (?:we|i) earn from qualifying purchases",
        r"products are (?:chosen|selected) independently by our editors.*|i use affiliate links(?-u:\b).*",
        r"[\w.'-]+(?: [\w.'-]+){0,3} is supported by commissions .*|we are a reader-supported (?:website|site|publication)(?-u:\b).*",
        r"(?:tags?|topics|related topics|filed under|categories|category|keywords|more on|more about|explore more on these topics|posted in|tagged(?: with)?|in this (?:article|story)|suggested topics|themen|mehr zum thema|标签|关键词)(?: ?[:：].*)?",
    ];
    patterns.into_iter().map(str::to_string).collect()
}

/// Lines that are furniture only beside other furniture or outside the
/// body (speed labels, section names): alone between paragraphs they may
/// be a one-word subheading.
static WEAK: LazyLock<RegexSet> = LazyLock::new(|| {
    set(&[
        r"slow|slower|average|normal|fast|faster|slowest|fastest|medium|standard",
        r"news|world|business|politics|sport|sports|tech|technology|science|health|culture|lifestyle|life|arts|style|food|travel|markets|economy|opinion|asia|europe|africa|americas|china|us|uk|entertainment|environment|education|climate|property|analysis|explainer|comment|features?|review|interview|podcast|live|breaking(?: news)?|just in|exclusive|premium|developing(?: story)?|top stories|latest(?: news)?|updated|new|featured|trending",
    ])
});

/// Headers of lists of other stories ("Next in Asia", "Most read",
/// "Others also read"); the lines after one are headlines, not body.
static RELATED_HEADER: LazyLock<RegexSet> = LazyLock::new(|| {
    set(&[
        r"(?:next|more|latest|also|top) (?:in|from|on|about) [^.!?]+",
        r"(?:read|watch|listen) (?:next|more|also)|up next|next up|next (?:story|article|video)|previous (?:story|article)|also (?:read|see|watch)|read also|see also",
        r"(?:others?|people|readers|users|viewers) (?:also )?(?:read|viewed|liked|watched|searched|bought|enjoyed)(?: this)?",
        r"you (?:may|might|could|will) (?:also )?(?:like|enjoy|be interested in|have missed|want to read)",
        r"(?:recommended|suggested)(?: for you| stories| reading| articles| videos| content| links)?",
        r"related(?: articles?| stories| story| coverage| content| news| posts?| reading| links| videos| items| topics| searches)?",
        r"most (?:read|popular|viewed|shared|watched|commented|emailed|recent)(?: (?:stories|articles|news|today|this week|in [^.!?]+))?",
        r"trending(?: now| stories| news| topics| in [^.!?]+)?|popular(?: now| stories| articles| today)?|what'?s (?:new|hot|trending|popular)",
        r"top (?:stories|news|headlines|picks|reads)|more (?:top )?(?:stories|news|headlines|articles|videos)(?: (?:from|on|in|about) [^.!?]+)?|latest (?:news|stories|articles|updates|headlines|videos)(?: (?:from|on|in) [^.!?]+)?",
        r"don'?t miss|editor'?s? (?:picks?|choice)|(?:our )?top picks|what to read next|(?:promoted|sponsored) stories|around the web|from (?:around )?the web|stories you may like|in case you missed it|icymi|must reads?|further reading|keep reading|more to explore|more like this|more on this (?:story|topic)|elsewhere on [^.!?]+|more for you|for you",
        r"(?:recent|latest|popular|similar|recommended|featured) posts|other related (?:articles|posts|stories)",
        r"(?:das k[öo]nnte sie auch interessieren|mehr zum thema|weitere artikel|相关阅读|相关新闻|推荐阅读|延伸阅读|热门文章)",
    ])
});

/// Inline teasers: "Related: Some other headline", "READ MORE: ...".
static TEASER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:related|read more|read also|also read|see also|more|more on this|more from|read|watch|listen|recommended|suggested|don'?t miss|must read|related story|related article|related coverage|mehr|相关)(?: [a-z]+)? ?[:：|»›>-]+ ?\S.*$",
    )
});

/// Sign-off line: "-- SOUTH CHINA MORNING POST", "— Reuters", "- AFP".
static SIGN_OFF: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:--+|—+|–+|-|~)\s*([\p{Lu}][\p{L}&.'’ ]+?)\s*(?:--+|—+|–+|-)?\s*$"));

/// Icons and bullets cut from the front of a line's match form.
fn is_leading_icon(c: char) -> bool {
    c.is_whitespace() || "•·▶►▸→|»›✓✔☆★♥❤🔊🎧📧📷🎥💬🔗⏱⌚🕐⏵■□▪◦".contains(c)
}

/// Marks cut from the end of a line's match form.
fn is_trailing_mark(c: char) -> bool {
    c.is_whitespace() || ":|»›→…>.!".contains(c)
}

/// The line as patterns see it: lower case, plain quotes and dashes,
/// single spaces, no leading icons or trailing marks.
pub fn match_form(line: &str) -> String {
    let mut s = if line.is_ascii() {
        ascii_form(line)
    } else {
        unicode_form(line)
    };
    // Cut in place (the scanners ask for this form of every line).
    let end = s.trim_end_matches(is_trailing_mark).len();
    s.truncate(end);
    let start = s.len() - s.trim_start_matches(is_leading_icon).len();
    s.drain(..start);
    s
}

/// `match_form`'s folding for an ASCII line (most lines), byte by byte.
fn ascii_form(line: &str) -> String {
    let mut out = Vec::with_capacity(line.len());
    let mut space = false;
    for &b in line.as_bytes() {
        // `char::is_whitespace` in ASCII: space, tab, LF, VT, FF, CR.
        if matches!(b, b' ' | b'\t'..=b'\r') {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(b' ');
            space = false;
        }
        out.push(b.to_ascii_lowercase());
    }
    String::from_utf8(out).unwrap_or_default()
}

/// `match_form`'s folding: typographic quotes, dashes and spaces made
/// plain, zero-width characters gone, runs of space made one, lower case.
fn unicode_form(line: &str) -> String {
    let mut s = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2009}' | '\u{200a}' => ' ',
            '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{feff}' => continue,
            c => c,
        };
        if c.is_whitespace() {
            space = !s.is_empty();
            continue;
        }
        if space {
            s.push(' ');
            space = false;
        }
        if c.is_ascii() {
            s.push(c.to_ascii_lowercase());
        } else {
            s.extend(c.to_lowercase());
        }
    }
    s
}

/// True for a line that is page furniture wherever it stands.
pub fn is_clutter_line(line: &str) -> bool {
    is_clutter_line_form(line, None)
}

/// `is_clutter_line` given the line's `match_form` if the caller has it.
pub fn is_clutter_line_form(line: &str, form: Option<&str>) -> bool {
    let trimmed = line.trim();
    if trimmed.is_empty() || trimmed.chars().count() > MAX_CLUTTER_CHARS {
        return false;
    }
    if !trimmed.chars().any(char::is_alphanumeric) {
        return true; // separators, icons, emoji
    }
    let owned;
    let m = match form {
        Some(f) => f,
        None => {
            owned = match_form(trimmed);
            &owned
        }
    };
    if m.is_empty() || is_numeric_only(m) {
        return true;
    }
    // A sentence with a full stop is text unless it is a call to action.
    let sentence =
        ends_sentence(trimmed) && !trimmed.ends_with([':', '：']) && word_len(trimmed) >= 6;
    let shape = if sentence { &*PROMPTS } else { &*STRONG };
    shape.is_match(m)
        || holds_notice(m, Notices::Any)
        || is_breadcrumb(trimmed)
        || is_tag_line(trimmed)
        || is_contact_detail(m)
        || TEASER.is_match(m)
        || is_sign_off(trimmed)
        || is_credit_line(trimmed)
}

/// "Reporting by Ana Lima; Editing by Tom Park", "With assistance from
/// Jo Park": the names after "by"/"from" are capitalised, unlike a
/// sentence such as "Reporting by the agency found...".
pub fn is_credit_line(line: &str) -> bool {
    static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
        re(
            r"^[(\[]?(?:-+ ?|— ?)?(?i:(?:additional )?(?:reporting|writing|editing|compiled|compiling|edited|written|translated|translation|fact-checking|photography|graphics) by|(?:with|additional) (?:reporting|assistance|contributions?) (?:from|by)) (?:\p{Lu}|[a-z]+@)",
        )
    });
    line.chars().count() <= 300 && CREDIT.is_match(line.trim())
}

/// True for a line that is furniture next to other furniture or outside
/// the body, but may be a one-word heading between paragraphs.
pub fn is_weak_clutter_line(line: &str) -> bool {
    is_weak_clutter_form(&match_form(line))
}

/// `is_weak_clutter_line` on a line's `match_form`.
pub fn is_weak_clutter_form(m: &str) -> bool {
    !m.is_empty() && m.len() < 40 && WEAK.is_match(m)
}

/// "Most read", "Next in Asia", "Others also read": the lines after it
/// list other stories.
pub fn is_related_header(line: &str) -> bool {
    is_related_header_form(line, None)
}

/// `is_related_header` given the line's `match_form` if the caller has it.
pub fn is_related_header_form(line: &str, form: Option<&str>) -> bool {
    let trimmed = line.trim();
    if trimmed.chars().count() > 60 || ends_sentence(trimmed) && !trimmed.ends_with(':') {
        return false;
    }
    match form {
        Some(m) => RELATED_HEADER.is_match(m),
        None => RELATED_HEADER.is_match(&match_form(trimmed)),
    }
}

/// A line after which the article is over: a sign-off, a credit line, a
/// print-edition note, a copyright line, "###" or "(END)".
pub fn is_end_marker(line: &str) -> bool {
    is_end_marker_form(line, None)
}

/// `is_end_marker` given the line's `match_form` if the caller has it.
pub fn is_end_marker_form(line: &str, form: Option<&str>) -> bool {
    static END: LazyLock<RegexSet> = LazyLock::new(|| {
        set(&[
            r"a version of this .*|this (?:article|story|piece|interview) (?:appeared|was published|first appeared|originally appeared|was originally published|was first published|was originally posted|is republished) .*",
            r"(?:©|\(c\)|copyright|copr\.) ?.*(?:\d{4}|rights reserved).*",
            r"\(?-?(?:end|ends)-?\)?|-30-|#(?: ?#){2,}|-+ ?ends? ?-+",
            r"(?:责任编辑|编辑) ?[:：].+",
        ])
    });
    let trimmed = line.trim();
    if trimmed.chars().count() > 400 {
        return false;
    }
    is_sign_off(trimmed) || is_credit_line(trimmed) || {
        let owned;
        let m = match form {
            Some(f) => f,
            None => {
                owned = match_form(trimmed);
                &owned
            }
        };
        END.is_match(m) || holds_notice(m, Notices::Closing)
    }
}

/// Which notices `holds_notice` looks for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Notices {
    /// Every notice that makes a line furniture.
    Any,
    /// Only those that close a story (rights lines).
    Closing,
}

/// A notice anywhere in a line's match form ("... All rights reserved.").
/// Kept out of the pattern sets, where a leading `.*` would keep every
/// line's search alive to its end; a few literal searches (SIMD `memmem`)
/// beat one automaton over them, whose rare-byte prefilter fires on most
/// lines of English.
fn holds_notice(m: &str, which: Notices) -> bool {
    const CLOSING: [&str; 3] = [
        "all rights reserved",
        "this material may not be published, broadcast, rewritten or redistributed",
        "this material may not be published, broadcast, rewritten, or redistributed",
    ];
    const OTHER: [&str; 3] = [
        "google recaptcha",
        "protected by recaptcha",
        "privacy policy and terms of service apply",
    ];
    static FINDERS: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
        CLOSING
            .iter()
            .chain(&OTHER)
            .map(|n| memchr::memmem::Finder::new(n.as_bytes()))
            .collect()
    });
    let finders = match which {
        Notices::Closing => FINDERS.get(..CLOSING.len()).unwrap_or_default(),
        Notices::Any => FINDERS.as_slice(),
    };
    finders.iter().any(|f| f.find(m.as_bytes()).is_some())
}

/// The outlet named by a sign-off line ("-- SOUTH CHINA MORNING POST"),
/// as written (the caller normalises its case).
pub fn sign_off_name(line: &str) -> Option<String> {
    let line = line.trim();
    // Most lines start otherwise, and captures are slow to rule out.
    if !line.starts_with(['-', '—', '–', '~']) {
        return None;
    }
    let caps = SIGN_OFF.captures(line)?;
    let name = caps.get(1)?.as_str().trim().trim_end_matches('.');
    let lower = name.to_lowercase();
    let words: Vec<&str> = name.split_whitespace().collect();
    let small = |w: &str| {
        matches!(
            w,
            "of" | "the" | "and" | "for" | "de" | "du" | "la" | "le" | "von" | "van" | "y" | "&"
        )
    };
    if matches!(lower.as_str(), "end" | "ends" | "more")
        || words.len() > 5
        || !words
            .iter()
            .all(|w| small(w) || w.chars().next().is_some_and(char::is_uppercase))
    {
        return None;
    }
    Some(name.to_string())
}

/// "-- REUTERS", "— Jane Smith": a dash then a short name, ending the story.
pub fn is_sign_off(line: &str) -> bool {
    sign_off_name(line).is_some()
}

/// "Home > World > Asia", "News / UK / Politics".
pub fn is_breadcrumb(line: &str) -> bool {
    let line = line.trim();
    if line.chars().count() > 100 || ends_sentence(line) {
        return false;
    }
    let arrows = line
        .matches(['>', '»', '›', '→', '/', '|', '•', '·'])
        .count();
    let strong_arrows = line.matches(['>', '»', '›', '→']).count();
    if arrows == 0 || (strong_arrows == 0 && arrows < 2) {
        return false;
    }
    let parts: Vec<&str> = line
        .split(['>', '»', '›', '→', '/', '|', '•', '·'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.split_whitespace().count() <= 4 && !p.contains(['.', ',', '?', '!']))
}

/// "SCMP , China , Nvidia": a short comma list of capitalised tags.
pub fn is_tag_line(line: &str) -> bool {
    let line = line.trim();
    if line.chars().count() > 160 || ends_sentence(line) {
        return false;
    }
    // Two items at least: most lines hold no separator and stop here.
    if !line.contains([',', ';', '|']) {
        return false;
    }
    let spaced = line.contains(" , ");
    let items: Vec<&str> = line.split([',', ';', '|']).map(str::trim).collect();
    let min_items = if spaced { 2 } else { 3 };
    let lettered = items
        .iter()
        .filter(|i| i.chars().next().is_some_and(char::is_alphabetic))
        .count();
    if items.len() < min_items || items.iter().any(|i| i.is_empty()) || lettered < 2 {
        return false;
    }
    items.iter().all(|item| {
        let words: Vec<&str> = item.split_whitespace().collect();
        let first = item.chars().next().unwrap_or(' ');
        (1..=4).contains(&words.len())
            && (first.is_uppercase() || first.is_ascii_digit() || first == '#')
            && !words
                .iter()
                .any(|w| matches!(*w, "and" | "or" | "said" | "says" | "is" | "are" | "was"))
    })
}

/// An e-mail address, URL, phone number or handle alone on a line.
fn is_contact_detail(m: &str) -> bool {
    static CONTACT: LazyLock<RegexSet> = LazyLock::new(|| {
        set(&[
            r"(?:e-?mail|tel|phone|t|e|m|mobile|fax|web)?:? ?[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
            r"(?:https?://|www\.)\S+",
            r"(?:tel|phone|t|m|mobile|fax)?:? ?\+?[\d ()./-]{7,20}",
            r"@\w+",
        ])
    });
    CONTACT.is_match(m)
}

/// Digits and marks only: counters, scores of buttons ("12", "1.2k").
fn is_numeric_only(m: &str) -> bool {
    m.chars()
        .all(|c| c.is_ascii_digit() || " .,:/%+-kmb".contains(c))
        && m.chars().any(|c| c.is_ascii_digit())
}

/// Ends like running text: a full stop, question or exclamation mark, an
/// ellipsis or a colon, maybe inside closing quotes or brackets.
pub fn ends_sentence(line: &str) -> bool {
    let end = line
        .trim_end()
        .trim_end_matches(['"', '\'', '’', '”', '»', ')', ']', '」', '』', '）']);
    end.ends_with(['.', '!', '?', '…', ':', '。', '！', '？', '：', ';'])
}

/// Words in a line; a run of CJK text counts one word per two characters,
/// so a Chinese sentence weighs like an English one.
pub fn word_len(line: &str) -> usize {
    if line.is_ascii() {
        return line.split_ascii_whitespace().count();
    }
    line.split_whitespace()
        .map(|w| {
            // CJK characters encode from lead byte 0xE3 on.
            if !w.bytes().any(|b| b >= 0xE3) {
                return 1;
            }
            let cjk = w.chars().filter(|&c| is_cjk(c)).count();
            if cjk > 1 { cjk.div_ceil(2) } else { 1 }
        })
        .sum()
}

/// Han, kana, hangul.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'
        | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn ascii_lines_fold_as_any_line(s in "[ -~\t\n\u{b}\u{c}\r]{0,60}") {
            prop_assert_eq!(ascii_form(&s), unicode_form(&s));
        }
    }

    #[test]
    fn ad_slots_and_widgets_are_clutter() {
        for line in [
            "ADVERTISEMENT",
            "Advertisement - Scroll to continue",
            "Sponsored content",
            "Story continues below advertisement",
            "Listen to this article",
            "Listen (4 min)",
            "Choose your playback speed",
            "Select a voice",
            "0.75x",
            "180 WPM",
            "2:31",
            "04:10 / 12:00",
            "Estimated reading time: 6 minutes",
            "4 min read",
            "Reading time 3 min",
        ] {
            assert!(is_clutter_line(line), "{line}");
        }
    }

    #[test]
    fn prompts_buttons_and_navigation_are_clutter() {
        for line in [
            "Why you can trust The Daily Planet",
            "Follow us on Instagram for the latest pictures",
            "Sign up for our morning briefing newsletter",
            "Get the latest headlines delivered to your inbox every morning",
            "Join our Telegram channel for instant updates",
            "Download the Metro Times app",
            "Share this story",
            "Facebook Twitter Email",
            "148 comments",
            "Save for later",
            "Link copied!",
            "Skip to main content",
            "Home > Business > Markets",
            "News / Europe / France",
            "Tags: Elections, Parliament, Budget",
            "Ottawa , Senate , Housing",
            "Related: Council votes to close library",
            "READ MORE: Storm leaves thousands without power",
            "Click here to get our free briefing",
            "Follow us on Threads for the latest updates from the newsroom.",
            "Get the latest news delivered to your inbox every morning.",
            "We use cookies to improve your experience on our site.",
            "press@example.org",
            "https://example.org/story",
            "* * *",
            "Copyright 2024 Daily Planet Media. All rights reserved.",
            "© 2023 The Evening Ledger",
            "A version of this article appears in print on Feb. 2, 2024, Section B, Page 3.",
            "Reporting by Ana Lima; Editing by Tom Park",
            "3 hours ago",
            "This article is more than 2 years old",
            "-- THE MORNING HERALD",
            "(END)",
            "###",
        ] {
            assert!(is_clutter_line(line), "{line}");
        }
    }

    #[test]
    fn sentences_that_begin_like_clutter_are_text() {
        for line in [
            "Advertisement revenue fell 5 per cent in the quarter.",
            "Share prices rose sharply after the announcement.",
            "It didn't.",
            "No.",
            "Follow-up talks are planned for May.",
            "“Save the children,” she said.",
            "Listen, he told them, this is not over.",
            "Home owners in the area were evacuated on Monday.",
            "Comments by the minister drew criticism from the opposition.",
            "Paris, London and Berlin all saw protests on Saturday.",
            "He wrote about it in the weekly newsletter.",
            "Die Regierung hat am Montag neue Steuern beschlossen.",
            "中国经济在第三季度增长了百分之五。",
            "Scientists in Norway, Sweden and Finland agreed.",
            "Powered by solar panels, the village now has electricity all year.",
            "Sponsored by the state, the programme trained 400 nurses last year.",
            "The report was published in the weekly newsletter on Friday.",
            "Join a support group if you can, doctors advise patients.",
            "New to the job, the minister said she was still learning.",
        ] {
            assert!(!is_clutter_line(line), "{line}");
        }
    }

    #[test]
    fn affiliate_disclosures_are_clutter_but_a_posts_own_note_is_text() {
        for line in [
            "We may earn commission from links on this page, but we only recommend products we back.",
            "As an Amazon Associate we earn from qualifying purchases",
            "Products are chosen independently by our editors",
            "Example.org is supported by commissions from providers listed on our site.",
            "We are a reader-supported website and do not accept payment from makers.",
        ] {
            assert!(is_clutter_line(line), "{line}");
        }
        for line in [
            "This post may contain affiliate links. This means that when you click a link and buy, I make a small commission.",
            "We may receive a commission from our partners if you click on a link and buy a product.",
            "Many bloggers earn a commission on every sale they refer, which shapes what they review.",
        ] {
            assert!(!is_clutter_line(line), "{line}");
        }
    }

    #[test]
    fn weak_labels_only_flagged_as_weak() {
        assert!(is_weak_clutter_line("Average"));
        assert!(is_weak_clutter_line("Politics"));
        assert!(!is_clutter_line("Average"));
        assert!(!is_weak_clutter_line("The road ahead"));
    }

    #[test]
    fn related_headers_are_recognised() {
        for line in [
            "Most Read",
            "More from Business",
            "Next in World News",
            "Others also read",
            "You may also like",
            "Related stories",
            "Recommended for you",
            "Recent Posts",
            "Popular posts:",
            "Other related articles",
        ] {
            assert!(is_related_header(line), "{line}");
        }
        assert!(!is_related_header(
            "Most read books were published in 1990."
        ));
        assert!(!is_related_header("Related parties were not named."));
        assert!(!is_related_header(
            "Recent posts on the forum were mostly about prices."
        ));
    }

    #[test]
    fn end_markers_and_sign_offs() {
        assert!(is_end_marker("-- EASTERN TIMES"));
        assert!(is_end_marker(
            "(Reporting by Li Wei; Editing by Sam Holmes)"
        ));
        assert!(is_end_marker("© 2022 Example Media Ltd"));
        assert!(!is_end_marker("The deal ended talks over the copyright."));
        assert_eq!(sign_off_name("— Bernama").as_deref(), Some("Bernama"));
        assert_eq!(sign_off_name("- ENDS -"), None);
        assert_eq!(sign_off_name("- The talks collapsed."), None);
    }

    #[test]
    fn shapes() {
        assert!(ends_sentence("He said “no.”"));
        assert!(ends_sentence("Caddell continued:"));
        assert!(!ends_sentence("Japan pulls out of key project"));
        assert_eq!(word_len("中国经济增长"), 3);
        assert_eq!(
            match_form("▶ Listen  to THIS article:"),
            "listen to this article"
        );
    }
}
