//! Publication dates: one rule for which dates can be trusted (HTML and
//! text paths alike), and dates read from visible lines ("Updated March
//! 3, 2025", "3 March 2025", "2025/03/03") as ISO 8601 days.

use regex::Regex;
use std::sync::LazyLock;

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The day an ISO date or date-time names: (year, month, day). A bare
/// "YYYY-MM" counts as the first of the month.
fn ymd(iso: &str) -> Option<(i64, u32, u32)> {
    let y: i64 = iso.get(..4)?.parse().ok()?;
    if iso.as_bytes().get(4) != Some(&b'-') {
        return None;
    }
    let m: u32 = iso.get(5..7)?.parse().ok()?;
    let d: u32 = match iso.as_bytes().get(7) {
        Some(b'-') => iso.get(8..10)?.parse().ok()?,
        None => 1,
        _ => return None,
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    let max = *month_days.get(m.checked_sub(1)? as usize)?;
    (1..=max).contains(&d).then_some((y, m, d))
}

/// A date that can stand as a publication date: a real calendar day, not
/// before 1900 (which also rules out the 0001-01-01 of empty date fields),
/// and not after `today` (days since 1970-01-01) when the caller knows it.
/// A day of slack covers time zones.
pub fn trusted(iso: &str, today: Option<i64>) -> bool {
    let Some((y, m, d)) = ymd(iso.trim()) else {
        return false;
    };
    if y < 1900 {
        return false;
    }
    today.is_none_or(|t| days_from_civil(y, m, d) <= t + 1)
}

/// "2024-10-09" as "2024-09-10": the reading a date with day and month
/// both under 13 could also have had.
pub fn day_month_swapped(iso: &str) -> Option<String> {
    let (y, rest) = iso.split_at_checked(5)?;
    let (m, d) = (rest.get(..2)?, rest.get(3..5)?);
    (m != d && d <= "12").then(|| format!("{y}{d}-{m}"))
}

/// Whether `day` ("YYYY-MM-DD") is the local day, in some time zone
/// (UTC-12 to UTC+14), of the instant `declared` names
/// ("2025-07-05T00:04:00Z" was July 4 in New York). A declared date
/// without a time only names its own day.
pub fn day_of_instant(declared: &str, day: &str) -> bool {
    let (Some((y, m, d)), Some((sy, sm, sd))) = (ymd(declared.get(..10).unwrap_or("")), ymd(day))
    else {
        return false;
    };
    let shown = days_from_civil(sy, sm, sd) * 1440;
    let date = days_from_civil(y, m, d) * 1440;
    let Some(local) = minutes_and_offset(declared.get(10..).unwrap_or("")) else {
        return shown == date;
    };
    let (minutes, offset) = local;
    let utc = date + minutes - offset;
    // Some zone's local time utc+o, o in [-12h, +14h], falls on `day`.
    utc - 720 < shown + 1440 && shown <= utc + 840
}

/// "T08:10:00+02:00" -> (minutes past midnight, offset in minutes); no
/// offset reads as UTC.
fn minutes_and_offset(rest: &str) -> Option<(i64, i64)> {
    let rest = rest.strip_prefix(['T', ' '])?;
    let num = |r: &str| r.parse::<i64>().ok();
    let (h, mi) = (num(rest.get(..2)?)?, num(rest.get(3..5)?)?);
    let zone = rest.find(['Z', 'z', '+', '-']).map_or("", |i| &rest[i..]);
    let offset = match zone.as_bytes().first() {
        Some(b'+' | b'-') => {
            let digits: String = zone[1..].chars().filter(char::is_ascii_digit).collect();
            let o = num(digits.get(..2)?)? * 60 + digits.get(2..4).and_then(num).unwrap_or(0);
            if zone.starts_with('-') { -o } else { o }
        }
        _ => 0,
    };
    Some((h * 60 + mi, offset))
}

const MONTHS: &str = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)";

/// "March 3, 2025", "Mar. 3rd 2025", "3 March 2025", "3. März 2025",
/// "2025-03-03", "2025/03/03", "03/15/2025" (month first unless it cannot
/// be), "15.03.2025" (day first). A letter may follow the date where the
/// page glues a time or a name to it ("2022-11-23T08:10", "Dec 17,
/// 2025Julian" from two spans), a digit may not.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?i)\b(?:{MONTHS}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})|(\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?{MONTHS}\.?,?\s+(?:de\s+)?(\d{{4}})|(\d{{4}})[-/.](\d{{1,2}})[-/.](\d{{1,2}})|(\d{{1,2}})([/.])(\d{{1,2}})[/.](\d{{4}}))(?:\b|[^\d\W])"
    );
    Regex::new(&pattern).unwrap_or_else(|e| panic!("literal regex: {e}"))
});

fn month_number(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    let n = n.trim_end_matches('.');
    const PREFIXES: &[(&str, u32)] = &[
        ("jan", 1),
        ("ene", 1),
        ("feb", 2),
        ("fév", 2),
        ("fev", 2),
        ("mar", 3),
        ("mär", 3),
        ("apr", 4),
        ("avr", 4),
        ("abr", 4),
        ("may", 5),
        ("mai", 5),
        ("jun", 6),
        ("juin", 6),
        ("jul", 7),
        ("juil", 7),
        ("aug", 8),
        ("aoû", 8),
        ("aou", 8),
        ("ago", 8),
        ("sep", 9),
        ("oct", 10),
        ("okt", 10),
        ("nov", 11),
        ("dec", 12),
        ("déc", 12),
        ("dez", 12),
        ("dic", 12),
    ];
    // Longest prefix first: "juil" before "jul", "juin" before "jun".
    let mut best: Option<(usize, u32)> = None;
    for &(p, m) in PREFIXES {
        if n.starts_with(p) && best.is_none_or(|(len, _)| p.len() > len) {
            best = Some((p.len(), m));
        }
    }
    // "marzo"/"mars"/"march" are March; "mayo" is May.
    best.map(|(_, m)| m)
}

/// The first date written in a line of text, as "YYYY-MM-DD".
pub fn parse_visible(text: &str) -> Option<String> {
    // Every form has a year of four digits, and a match whose digits are
    // not ASCII reads as none: most lines are ruled out without the regex.
    if !has_ascii_digits(text, 4) {
        return None;
    }
    for c in DATE.captures_iter(text) {
        let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
        let (y, m, d) = if let Some(month) = c.get(1) {
            (num(3)?, month_number(month.as_str())?, num(2)?)
        } else if let Some(month) = c.get(5) {
            (num(6)?, month_number(month.as_str())?, num(4)?)
        } else if c.get(7).is_some() {
            (num(7)?, num(8)?, num(9)?)
        } else {
            let (a, b, y) = (num(10)?, num(12)?, num(13)?);
            let day_first = c.get(11).is_some_and(|s| s.as_str() == ".") || a > 12;
            if day_first { (y, b, a) } else { (y, a, b) }
        };
        let iso = format!("{y:04}-{m:02}-{d:02}");
        if ymd(&iso).is_some() {
            return Some(iso);
        }
    }
    None
}

/// `n` ASCII digits in a row somewhere in `text`.
fn has_ascii_digits(text: &str, n: usize) -> bool {
    let mut run = 0;
    text.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run >= n
    })
}

/// A line that is little more than a date ("Feb 2, 2023", "Posted on April
/// 13, 2023", "Updated March 13, 2024 by Ann Lee"): its date, when the words
/// around it are few. A sentence that mentions a date is not a date line.
pub fn parse_date_line(text: &str) -> Option<String> {
    const MAX_OTHER_WORDS: usize = 8;
    if text.chars().count() > 80 || !has_ascii_digits(text, 4) {
        return None;
    }
    let m = DATE.find(text)?;
    let other =
        text[..m.start()].split_whitespace().count() + text[m.end()..].split_whitespace().count();
    (other <= MAX_OTHER_WORDS).then(|| parse_visible(m.as_str()))?
}

/// "/2015/07/14/", "/2022/12/", "/2023/october/03/" in an address, as
/// "YYYY-MM-DD" or "YYYY-MM".
pub fn in_url(url: &str) -> Option<String> {
    static URL_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)/((?:19|20)\d\d)/(\d{1,2}|[a-z]{3,9})(?:/|$)(?:(\d{1,2})(?:/|$))?")
            .unwrap_or_else(|e| panic!("literal regex: {e}"))
    });
    let c = URL_DATE.captures(url)?;
    let y: i64 = c.get(1)?.as_str().parse().ok()?;
    let m = c.get(2)?.as_str();
    let m = m.parse::<u32>().ok().or_else(|| month_number(m))?;
    match c.get(3).and_then(|d| d.as_str().parse::<u32>().ok()) {
        Some(d) => {
            let iso = format!("{y:04}-{m:02}-{d:02}");
            ymd(&iso).map(|_| iso)
        }
        None => (1..=12).contains(&m).then(|| format!("{y:04}-{m:02}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untrustworthy_dates_are_no_dates() {
        let today = days_from_civil(2026, 12, 7);
        assert!(trusted("2024-05-01T08:00:00Z", Some(today)));
        assert!(
            trusted("2026-12-08", Some(today)),
            "a day of time-zone slack"
        );
        assert!(!trusted("0001-01-01T00:00:00", Some(today)));
        assert!(!trusted("1899-12-31", Some(today)));
        assert!(!trusted("2027-01-15", Some(today)), "in the future");
        assert!(!trusted("2024-02-30", None));
        assert!(!trusted("2024-13-01", None));
        assert!(!trusted("yesterday", None));
        assert!(trusted("2030-01-01", None), "no clock, no future rule");
        assert!(trusted("2024-05", None));
    }

    #[test]
    fn dates_in_addresses() {
        assert_eq!(
            in_url("https://a.org/2015/07/14/slug").as_deref(),
            Some("2015-07-14")
        );
        assert_eq!(
            in_url("https://a.org/blog/2022/12").as_deref(),
            Some("2022-12")
        );
        assert_eq!(
            in_url("https://a.org/2023/october/03/slug").as_deref(),
            Some("2023-10-03")
        );
        assert_eq!(in_url("https://a.org/p/2024-best-things"), None);
        assert_eq!(in_url("https://a.org/2024/slug/"), None);
    }

    #[test]
    fn the_local_day_of_a_declared_instant() {
        assert!(day_of_instant("2025-07-05T00:04:00+00:00", "2025-07-04"));
        assert!(day_of_instant("2025-07-05T00:04:00+00:00", "2025-07-05"));
        assert!(!day_of_instant("2025-07-05T00:04:00+00:00", "2025-07-03"));
        assert!(
            !day_of_instant("2025-12-19T22:02:58.705Z", "2025-12-18"),
            "no zone is 22 hours behind UTC"
        );
        assert!(day_of_instant("2025-05-14T19:30:03-07:00", "2025-05-15"));
        assert!(day_of_instant("2021-12-10T02:17:00+0000", "2021-12-09"));
        assert!(
            !day_of_instant("2021-12-10", "2021-12-09"),
            "a bare date is its own day"
        );
        assert!(!day_of_instant("yesterday", "2021-12-09"));
    }

    #[test]
    fn civil_days() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
    }

    #[test]
    fn date_lines_are_a_date_and_a_few_words() {
        for (line, iso) in [
            ("Feb 2, 2023", "2023-02-02"),
            ("Posted on April 13, 2023", "2023-04-13"),
            (
                "Posted on the 15/12/2025 at 19:00 by @GuillaumeGomez",
                "2025-12-15",
            ),
            ("Published On: 15 August 2025", "2025-08-15"),
        ] {
            assert_eq!(parse_date_line(line).as_deref(), Some(iso), "{line}");
        }
        for line in [
            "The council met on March 3, 2024 to vote on the budget for the harbour.",
            "Tickets go on sale on 4 June 2025, the organisers of the festival said",
            "Nothing here",
        ] {
            assert_eq!(parse_date_line(line), None, "{line}");
        }
    }

    #[test]
    fn visible_dates() {
        for (line, iso) in [
            ("Updated September 28, 2025", "2025-09-28"),
            ("Published: Sept. 8th, 2021 at 5pm", "2021-09-08"),
            ("By Ann Lee | 3 March 2024", "2024-03-03"),
            ("Veröffentlicht am 3. März 2024", "2024-03-03"),
            ("14 de julio de 2023", "2023-07-14"),
            ("Posted 2022/10/05", "2022-10-05"),
            ("Last updated 03/15/2025", "2025-03-15"),
            ("15/03/2025", "2025-03-15"),
            ("15.03.2025", "2025-03-15"),
            ("juillet 4, 2020", "2020-07-04"),
            ("2022-11-23T08:10+02:00", "2022-11-23"),
            ("July 30, 2019January 18, 2023", "2019-07-30"),
        ] {
            assert_eq!(parse_visible(line).as_deref(), Some(iso), "{line}");
        }
        for line in [
            "May the best team win in 2024",
            "Call 555 1234",
            "Feb 30, 2024",
            "Order 2024-05-012 shipped",
        ] {
            assert_eq!(parse_visible(line), None, "{line}");
        }
    }
}
