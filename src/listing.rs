//! How the library is listed, shared by the reader and `lede list`: the
//! sort orders, and dates in one readable form with published and added
//! kept apart (an undated story says so and never borrows its import date).

use crate::library::CatalogEntry;
use std::cmp::Reverse;

/// The orders the library can be listed in (`s` cycles them in the reader).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Newest published first; undated stories after, newest added first.
    #[default]
    Published,
    /// Newest added first.
    Added,
    Title,
    Publisher,
    /// Unread stories first, then newest published.
    Unread,
}

impl Sort {
    pub const ALL: [Sort; 5] = [
        Sort::Published,
        Sort::Added,
        Sort::Title,
        Sort::Publisher,
        Sort::Unread,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Sort::Published => "published",
            Sort::Added => "added",
            Sort::Title => "title",
            Sort::Publisher => "publisher",
            Sort::Unread => "unread",
        }
    }

    pub fn from_name(name: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The next order in the cycle.
    pub fn next(self) -> Sort {
        let i = Sort::ALL.iter().position(|&s| s == self).unwrap_or(0);
        Sort::ALL[(i + 1) % Sort::ALL.len()]
    }

    /// How the order reads in a status line.
    pub fn describe(self) -> &'static str {
        match self {
            Sort::Published => "newest published first, undated by date added",
            Sort::Added => "newest added first",
            Sort::Title => "by title",
            Sort::Publisher => "by publisher",
            Sort::Unread => "unread first, then newest published",
        }
    }
}

/// A published date as far as it is known: year, month, day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// Hours and minutes, for ordering stories of the same day.
    pub time: Option<(u8, u8)>,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn digits(s: &str, n: usize) -> Option<u32> {
    let part = s.get(..n)?;
    if part.bytes().all(|b| b.is_ascii_digit()) {
        part.parse().ok()
    } else {
        None
    }
}

/// Parse an ISO 8601 date or date-time ("2024-05-02", "2024-05",
/// "2024-05-02T09:30:00Z"). Placeholder years ("0001-01-01") and anything
/// that is not a plausible date give None: the story is undated.
pub fn parse(s: &str) -> Option<Date> {
    let s = s.trim();
    let year = digits(s, 4)?;
    if !(1800..=2200).contains(&year) {
        return None;
    }
    let mut date = Date {
        year: year as u16,
        month: None,
        day: None,
        time: None,
    };
    let rest = &s[4..];
    let Some(rest) = rest.strip_prefix('-') else {
        return rest.is_empty().then_some(date);
    };
    let month = digits(rest, 2).filter(|m| (1..=12).contains(m))?;
    date.month = Some(month as u8);
    let Some(rest) = rest[2..].strip_prefix('-') else {
        return Some(date);
    };
    let day = digits(rest, 2).filter(|d| (1..=31).contains(d))?;
    date.day = Some(day as u8);
    let rest = &rest[2..];
    if let Some(t) = rest.strip_prefix(['T', ' ']) {
        let h = digits(t, 2).filter(|h| *h < 24);
        let m = t
            .get(2..)
            .and_then(|t| t.strip_prefix(':'))
            .and_then(|t| digits(t, 2))
            .filter(|m| *m < 60);
        if let (Some(h), Some(m)) = (h, m) {
            date.time = Some((h as u8, m as u8));
        }
    }
    Some(date)
}

impl Date {
    /// The one readable form: "2 May 2024", "May 2024" or "2024".
    pub fn readable(&self) -> String {
        let month = self
            .month
            .and_then(|m| MONTHS.get(usize::from(m).wrapping_sub(1)));
        match (self.day, month) {
            (Some(d), Some(m)) => format!("{d} {m} {}", self.year),
            (None, Some(m)) => format!("{m} {}", self.year),
            _ => self.year.to_string(),
        }
    }

    /// A number that orders dates (unknown parts count as the earliest).
    fn key(&self) -> u64 {
        let (h, m) = self.time.unwrap_or((0, 0));
        ((u64::from(self.year) * 100 + u64::from(self.month.unwrap_or(0))) * 100
            + u64::from(self.day.unwrap_or(0)))
            * 10_000
            + u64::from(h) * 100
            + u64::from(m)
    }
}

/// The date of a Unix time (UTC), by the civil-from-days algorithm.
pub fn from_unix(secs: u64) -> Date {
    let days = (secs / 86_400) as i64;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    let rem = secs % 86_400;
    Date {
        year: y.clamp(0, i64::from(u16::MAX)) as u16,
        month: Some(m as u8),
        day: Some(d as u8),
        time: Some(((rem / 3600) as u8, (rem % 3600 / 60) as u8)),
    }
}

/// The published date of an entry, if it has a real one.
pub fn published(e: &CatalogEntry) -> Option<Date> {
    e.published.as_deref().and_then(parse)
}

/// "2 May 2024", or "undated, added 7 Dec 2026" (or just "undated").
pub fn shown_date(e: &CatalogEntry) -> String {
    match published(e) {
        Some(d) => d.readable(),
        None if e.added_at > 0 => format!("undated, added {}", from_unix(e.added_at).readable()),
        None => "undated".into(),
    }
}

/// "new", "42%" or "read".
pub fn read_state(e: &CatalogEntry) -> String {
    if e.read {
        "read".into()
    } else if e.percent_read == 0 {
        "new".into()
    } else {
        format!("{}%", e.percent_read)
    }
}

/// Newest published first, undated after; newest added first within.
fn published_key(e: &CatalogEntry) -> (bool, Reverse<u64>, Reverse<u64>) {
    let date = published(e).map(|d| d.key());
    (
        date.is_none(),
        Reverse(date.unwrap_or(0)),
        Reverse(e.added_at),
    )
}

fn text_key(s: Option<&str>) -> (bool, String) {
    match s.map(str::trim).filter(|s| !s.is_empty()) {
        Some(s) => (false, s.to_lowercase()),
        None => (true, String::new()),
    }
}

/// Sort entries in place. Ties keep the newer addition first.
pub fn sort(entries: &mut [CatalogEntry], order: Sort) {
    match order {
        // Keys computed once per entry: dates are parsed, not compared as text.
        Sort::Published => entries.sort_by_cached_key(published_key),
        Sort::Added => entries.sort_by_key(|e| Reverse(e.added_at)),
        Sort::Title => {
            entries.sort_by_cached_key(|e| (text_key(Some(&e.title)), Reverse(e.added_at)))
        }
        Sort::Publisher => {
            entries.sort_by_cached_key(published_key);
            entries.sort_by_cached_key(|e| text_key(e.publisher.as_deref()));
        }
        Sort::Unread => {
            entries.sort_by_cached_key(published_key);
            entries.sort_by_key(|e| e.read);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, published: Option<&str>, added_at: u64) -> CatalogEntry {
        CatalogEntry {
            id: id.into(),
            title: id.to_uppercase(),
            publisher: None,
            byline: None,
            published: published.map(str::to_string),
            added_at,
            source: None,
            words: 1,
            quotes: 0,
            figures: 0,
            position: Default::default(),
            percent_read: 0,
            read: false,
        }
    }

    #[test]
    fn dates_parse_and_read_one_way() {
        assert_eq!(parse("2024-05-02").unwrap().readable(), "2 May 2024");
        assert_eq!(
            parse("2024-05-02T09:30:00+02:00").unwrap().readable(),
            "2 May 2024"
        );
        assert_eq!(parse("2024-11").unwrap().readable(), "Nov 2024");
        assert_eq!(parse("1999").unwrap().readable(), "1999");
        for bad in ["0001-01-01", "", "yesterday", "2024-13-01", "2024-05-40"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        assert_eq!(from_unix(0).readable(), "1 Jan 1970");
        assert_eq!(from_unix(1_700_000_000).readable(), "14 Nov 2023");
    }

    #[test]
    fn undated_stories_say_so_and_sort_after_dated_ones_by_added() {
        let mut es = vec![
            entry("undated-new", None, 2_000_000_000),
            entry("placeholder", Some("0001-01-01"), 1_000),
            entry("old", Some("2020-01-01"), 5),
            entry("fresh", Some("2024-05-02T10:00Z"), 4),
            entry("fresh-morning", Some("2024-05-02T08:00Z"), 6),
        ];
        sort(&mut es, Sort::Published);
        let ids: Vec<&str> = es.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "fresh",
                "fresh-morning",
                "old",
                "undated-new",
                "placeholder"
            ]
        );
        assert_eq!(shown_date(&es[3]), "undated, added 18 May 2033");
        assert_eq!(shown_date(&es[0]), "2 May 2024");
        sort(&mut es, Sort::Added);
        assert_eq!(es[0].id, "undated-new");
        sort(&mut es, Sort::Title);
        assert_eq!(es[0].id, "fresh");
    }

    #[test]
    fn unread_first_and_the_cycle_comes_round() {
        let mut es = vec![entry("a", Some("2024-01-01"), 1), entry("b", None, 2)];
        es[0].read = true;
        sort(&mut es, Sort::Unread);
        assert_eq!(es[0].id, "b");
        let mut s = Sort::Published;
        for _ in 0..Sort::ALL.len() {
            s = s.next();
        }
        assert_eq!(s, Sort::Published);
        assert_eq!(Sort::from_name("publisher"), Some(Sort::Publisher));
    }
}
