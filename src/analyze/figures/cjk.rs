//! Chinese and Japanese numbers: digits with 万 (1e4), 亿 (1e8) or 千
//! (1e3) after them, money in 元 (yuan), 美元, 欧元, 日元, 港元, 英镑, and
//! years in 年 (2027年). The word tokenizer reads a run of ideographs as
//! one word, so these are read from the text directly.

use crate::article::FigureKind;

/// A figure in CJK notation: byte span, kind, value and unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Cjk {
    pub start: usize,
    pub end: usize,
    pub kind: FigureKind,
    pub value: f64,
    pub unit: Option<&'static str>,
}

/// Does the text hold any CJK sign a figure may end with?
pub(super) fn may_hold(text: &str) -> bool {
    text.contains(['万', '亿', '元', '年', '千', '镑'])
}

fn currency(rest: &str) -> Option<(&'static str, usize)> {
    [
        ("美元", "USD"),
        ("欧元", "EUR"),
        ("日元", "JPY"),
        ("港元", "HKD"),
        ("英镑", "GBP"),
        ("人民币", "CNY"),
        ("元", "CNY"),
    ]
    .iter()
    .find(|(sign, _)| rest.starts_with(sign))
    .map(|&(sign, iso)| (iso, sign.len()))
}

/// Every CJK-notation figure of `text`, in order.
pub(super) fn find(text: &str) -> Vec<Cjk> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = b.get(i).is_some_and(u8::is_ascii_digit)
            && (i == 0 || b.get(i - 1).is_none_or(|c| !c.is_ascii_alphanumeric()));
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < b.len() && b.get(j).is_some_and(|c| c.is_ascii_digit() || *c == b',') {
            j += 1;
        }
        if b.get(j) == Some(&b'.') && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
            j += 1;
            while b.get(j).is_some_and(u8::is_ascii_digit) {
                j += 1;
            }
        }
        let digits: String = text
            .get(i..j)
            .unwrap_or("")
            .chars()
            .filter(|c| *c != ',')
            .collect();
        let Ok(mut value) = digits.parse::<f64>() else {
            i = j.max(i + 1);
            continue;
        };
        let mut end = j;
        let mut scaled = false;
        loop {
            let rest = text.get(end..).unwrap_or("");
            let step = if rest.starts_with('万') {
                1e4
            } else if rest.starts_with('亿') {
                1e8
            } else if rest.starts_with('千') {
                1e3
            } else {
                break;
            };
            value *= step;
            scaled = true;
            end += '万'.len_utf8();
        }
        let rest = text.get(end..).unwrap_or("");
        let found = if let Some((iso, len)) = currency(rest) {
            end += len;
            Some((FigureKind::Money, Some(iso)))
        } else if scaled {
            Some((FigureKind::Number, None))
        } else if rest.starts_with('年') && !digits.contains('.') {
            end += '年'.len_utf8();
            if (1000.0..=2200.0).contains(&value) && j - i == 4 {
                Some((FigureKind::Year, None))
            } else {
                Some((FigureKind::Duration, Some("years")))
            }
        } else {
            None
        };
        if let Some((kind, unit)) = found {
            out.push(Cjk {
                start: i,
                end,
                kind,
                value,
                unit,
            });
        }
        i = end.max(j).max(i + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yi_wan_yuan_and_nian() {
        let f = find("公司计划投资50亿元，2027年建成，年产3.5万吨，合计1,200万美元。");
        let got: Vec<(f64, FigureKind, Option<&str>)> =
            f.iter().map(|c| (c.value, c.kind, c.unit)).collect();
        assert_eq!(
            got,
            [
                (5e9, FigureKind::Money, Some("CNY")),
                (2027.0, FigureKind::Year, None),
                (35000.0, FigureKind::Number, None),
                (1.2e7, FigureKind::Money, Some("USD")),
            ]
        );
        let first = f.first().map(|c| (c.start, c.end));
        let text = "公司计划投资50亿元，2027年建成，年产3.5万吨，合计1,200万美元。";
        assert_eq!(first.and_then(|(s, e)| text.get(s..e)), Some("50亿元"));
        assert!(find("H20 chips, 3 years").is_empty());
        assert_eq!(
            find("任期5年").first().map(|c| c.kind),
            Some(FigureKind::Duration)
        );
    }
}
