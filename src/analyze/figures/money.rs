//! Money: a currency before the amount (`US$5.5 billion`, `£30m`, `RMB 5bn`,
//! `USD 200`) or after it (`200 euros`, `5 billion yuan`, `37 cents`), as an
//! ISO 4217 code.

use super::numbers::Numeral;
use super::ranges::share_scale;
use super::scan::{Found, Scanner, Unit};
use super::tokens::TokKind;
use super::words::with_lower;
use crate::article::FigureKind;

/// Codes written before a `$`: `US$`, `HK$`, `A$`...
fn dollar_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "US" | "USD" => "USD",
        "HK" => "HKD",
        "S" | "SG" => "SGD",
        "A" | "AU" => "AUD",
        "C" | "CA" | "Can" => "CAD",
        "NZ" => "NZD",
        "NT" => "TWD",
        "R" => "BRL",
        "MX" | "Mex" => "MXN",
        _ => return None,
    })
}

/// Currency signs.
fn symbol(s: &str, yuan: bool) -> Option<&'static str> {
    Some(match s {
        "$" => "USD",
        "£" => "GBP",
        "€" => "EUR",
        "¥" | "￥" => {
            if yuan {
                "CNY"
            } else {
                "JPY"
            }
        }
        "₹" => "INR",
        "₩" => "KRW",
        "₱" => "PHP",
        "₦" => "NGN",
        "₺" => "TRY",
        "₽" => "RUB",
        "₪" => "ILS",
        "฿" => "THB",
        "₫" => "VND",
        "₴" => "UAH",
        _ => return None,
    })
}

/// ISO codes (and a few local abbreviations) written as words. Codes that
/// are also common words or names (PHP, TRY, SAR) are read only after the
/// amount.
fn code(w: &str) -> Option<&'static str> {
    prefix_code(w).or(match w {
        "PHP" => Some("PHP"),
        "TRY" => Some("TRY"),
        "SAR" => Some("SAR"),
        "ILS" => Some("ILS"),
        _ => None,
    })
}

fn prefix_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "USD" => "USD",
        "EUR" => "EUR",
        "GBP" => "GBP",
        "JPY" => "JPY",
        "CNY" | "RMB" => "CNY",
        "HKD" => "HKD",
        "SGD" => "SGD",
        "AUD" => "AUD",
        "CAD" => "CAD",
        "NZD" => "NZD",
        "CHF" => "CHF",
        "INR" | "Rs" => "INR",
        "KRW" => "KRW",
        "TWD" => "TWD",
        "BRL" => "BRL",
        "MXN" => "MXN",
        "ZAR" => "ZAR",
        "RUB" => "RUB",
        "IDR" | "Rp" => "IDR",
        "MYR" | "RM" => "MYR",
        "THB" => "THB",
        "VND" => "VND",
        "SEK" => "SEK",
        "NOK" => "NOK",
        "DKK" => "DKK",
        "PLN" => "PLN",
        "AED" => "AED",
        "NGN" => "NGN",
        "EGP" => "EGP",
        "PKR" => "PKR",
        "BDT" => "BDT",
        _ => return None,
    })
}

/// Currency names after an amount, with the powers of ten they add
/// (`cents` -2). `scaled`: the amount had a scale word, needed for names
/// that are also common words (`won`, `dong`).
fn currency_name(w: &str, scaled: bool) -> Option<(&'static str, i32)> {
    with_lower(w, |l| {
        Some(match l {
            "dollar" | "dollars" => ("USD", 0),
            "euro" | "euros" => ("EUR", 0),
            "pound" | "pounds" | "sterling" => ("GBP", 0),
            "pence" => ("GBP", -2),
            "cent" | "cents" => ("USD", -2),
            "yen" => ("JPY", 0),
            "yuan" | "renminbi" => ("CNY", 0),
            "rupee" | "rupees" => ("INR", 0),
            "peso" | "pesos" => ("MXN", 0),
            "ringgit" => ("MYR", 0),
            "baht" => ("THB", 0),
            "rand" => ("ZAR", 0),
            "rupiah" => ("IDR", 0),
            "lira" | "liras" => ("TRY", 0),
            "rouble" | "roubles" | "ruble" | "rubles" => ("RUB", 0),
            "franc" | "francs" => ("CHF", 0),
            "krona" | "kronor" => ("SEK", 0),
            "krone" | "kroner" => ("NOK", 0),
            "zloty" | "zlotys" => ("PLN", 0),
            "shekel" | "shekels" => ("ILS", 0),
            "naira" => ("NGN", 0),
            "dirham" | "dirhams" => ("AED", 0),
            "riyal" | "riyals" => ("SAR", 0),
            "won" if scaled => ("KRW", 0),
            "dong" if scaled => ("VND", 0),
            _ => return None,
        })
    })
}

/// Who the dollars belong to: `Hong Kong dollars` -> HKD.
fn dollar_owner(w: &str) -> Option<&'static str> {
    Some(match w {
        "US" | "American" => "USD",
        "Singapore" => "SGD",
        "Australian" => "AUD",
        "Canadian" => "CAD",
        "Taiwan" | "Taiwanese" => "TWD",
        _ => return None,
    })
}

impl<'a> Scanner<'a, '_> {
    /// A currency written before an amount at `i`: its code and the token
    /// where the amount starts.
    fn currency_prefix(&self, i: usize) -> Option<(&'static str, usize)> {
        let t = self.tok(i)?;
        match t.kind {
            TokKind::Punct => {
                let c = symbol(t.text, self.ctx.yuan)?;
                // `$US5m`, `$A300`: the country after the sign
                match self.glued_word(i + 1).and_then(dollar_code) {
                    Some(d) if c == "USD" && self.kind(i + 2) == Some(TokKind::Num) => {
                        Some((d, i + 2))
                    }
                    _ => Some((c, i + 1)),
                }
            }
            TokKind::Word => {
                // every currency code starts with a capital
                if !t.text.starts_with(|c: char| c.is_ascii_uppercase())
                    || (self.glued(i) && self.kind(i - 1) == Some(TokKind::Word))
                {
                    return None;
                }
                if self.is_punct(i + 1, "$") {
                    let c = dollar_code(t.text)?;
                    // `US $5` is fine, `U$` is not
                    let ok = self.glued(i + 1) || t.text.len() > 1;
                    return ok.then_some((c, i + 2));
                }
                let c = prefix_code(t.text)?;
                if self.is_punct(i + 1, ".") && self.glued(i + 1) {
                    return Some((c, i + 2)); // `Rs. 500`
                }
                Some((c, i + 1))
            }
            TokKind::Num => None,
        }
    }

    /// Money with the currency first: `US$4 trillion`, `$5-10 billion`,
    /// `£30m`, `($99.99)` (accounting minus).
    pub fn money_at(&self, i: usize) -> Option<Found<'a>> {
        let (iso, j) = self.currency_prefix(i)?;
        let n = self.numeral(j, true).filter(|n| n.digits)?;
        let mut end = n.end;
        let mut value_of = n;
        if let Some(w) = self.glued_word(end) {
            if w != "s" {
                return None; // `$5G`
            }
            end += 1; // `a handful of $20s`
        }
        let c = end;
        if self
            .tok(c)
            .is_some_and(|t| matches!(t.text, "-" | "\u{2013}"))
            || self.is(c, "to")
        {
            if let Some(y) = self.numeral(c + 1, true).filter(|y| y.digits) {
                // `$5-10 billion`: one figure, the low end
                value_of = share_scale(&n, &y);
                end = y.end;
            } else if let Some((_, k)) = self.currency_prefix(c + 1)
                && let Some(y) = self.numeral(k, true)
            {
                // `$5 to $10 billion`: two figures, the first 5 billion
                value_of = share_scale(&n, &y);
            }
        }
        let mut value = value_of.value();
        if self.accounting_minus(i, end, &n) {
            value = -value;
        }
        Some(Found {
            first: i,
            end,
            kind: FigureKind::Money,
            value: Some(value),
            unit: Some(iso),
        })
    }

    /// `($99.99)` is a loss, but `HK$40 (US$5.10)` is a conversion and
    /// `($5 million)` an aside: only a bare amount in brackets with no money
    /// just before it.
    fn accounting_minus(&self, first: usize, end: usize, n: &Numeral) -> bool {
        let open = first
            .checked_sub(1)
            .is_some_and(|p| self.is_punct(p, "(") && self.glued(first));
        let close = self.is_punct(end, ")") && self.glued(end);
        if !(open && close && n.scale == 0) {
            return false;
        }
        let from = first.saturating_sub(8);
        !(from..first.saturating_sub(1)).any(|k| {
            self.kind(k) == Some(TokKind::Num)
                || self.currency_prefix(k).is_some()
                || self
                    .word(k)
                    .is_some_and(|w| currency_name(w, true).is_some())
        })
    }

    /// A currency named after an amount: `200 euros`, `37 cents`, `5
    /// billion Hong Kong dollars`, `50p`, `200 USD`.
    pub fn currency_after(&self, n: &Numeral) -> Option<Unit<'a>> {
        let j = n.end;
        match self.tok(j).map(|t| t.text) {
            Some("€") => return Some(money(j + 1, "EUR", 0)), // `5 €`, `5€`
            Some("¢") if self.glued(j) => return Some(money(j + 1, "USD", -2)),
            _ => {}
        }
        let w = self.word(j)?;
        let glued = self.glued(j);
        if glued {
            return match w {
                // `50p`; not `1080p`, a screen resolution
                "p" if n.int.is_some_and(|v| !is_resolution(v)) => Some(money(j + 1, "GBP", -2)),
                _ => code(w).map(|c| money(j + 1, c, 0)),
            };
        }
        if let Some(c) = code(w) {
            return Some(money(j + 1, c, 0));
        }
        let (owner, k) = match (w, self.word(j + 1)) {
            ("Hong", Some("Kong")) => (Some("HKD"), j + 2),
            ("New", Some("Zealand")) => (Some("NZD"), j + 2),
            _ => (dollar_owner(w), j + 1),
        };
        if let Some(owner) = owner {
            return self
                .is_any(k, &["dollar", "dollars"])
                .then(|| money(k + 1, owner, 0));
        }
        if matches!(w, "pound" | "pounds") && self.is(j + 1, "of") {
            return None; // weight
        }
        let (c, exp) = currency_name(w, n.scale > 0)?;
        let end = if c == "GBP" && self.is(j + 1, "sterling") {
            j + 2
        } else {
            j + 1
        };
        Some(money(end, c, exp))
    }
}

/// Video heights written `720p`.
fn is_resolution(v: u64) -> bool {
    matches!(
        v,
        144 | 240 | 360 | 480 | 576 | 720 | 1080 | 1440 | 2160 | 4320
    )
}

fn money<'a>(end: usize, iso: &'static str, exp: i32) -> Unit<'a> {
    Unit {
        kind: FigureKind::Money,
        unit: Some(iso),
        end,
        exp,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::figs;

    #[test]
    fn currency_before_the_amount() {
        assert_eq!(
            figs("costs Rs 2 lakh crore"),
            [("Rs 2 lakh crore", "money", Some(2e12), Some("INR"))]
        );
        assert_eq!(
            figs("worth US$4 trillion today"),
            [("US$4 trillion", "money", Some(4e12), Some("USD"))]
        );
        assert_eq!(
            figs("a $1.1 trillion plan"),
            [("$1.1 trillion", "money", Some(1.1e12), Some("USD"))]
        );
        assert_eq!(
            figs("raised HK$40 million"),
            [("HK$40 million", "money", Some(4e7), Some("HKD"))]
        );
        assert_eq!(
            figs("a S$2.5bn deal"),
            [("S$2.5bn", "money", Some(2.5e9), Some("SGD"))]
        );
        assert_eq!(
            figs("spent A$300m on it"),
            [("A$300m", "money", Some(3e8), Some("AUD"))]
        );
        assert_eq!(
            figs("cost C$12,000 each"),
            [("C$12,000", "money", Some(12000.0), Some("CAD"))]
        );
        assert_eq!(
            figs("fined NZ$5k"),
            [("NZ$5k", "money", Some(5000.0), Some("NZD"))]
        );
        assert_eq!(
            figs("lost £30m last year"),
            [("£30m", "money", Some(3e7), Some("GBP"))]
        );
        assert_eq!(
            figs("a €5.5bn loan"),
            [("€5.5bn", "money", Some(5.5e9), Some("EUR"))]
        );
        assert_eq!(
            figs("priced at ₹499"),
            [("₹499", "money", Some(499.0), Some("INR"))]
        );
        assert_eq!(
            figs("a ¥300 ticket"),
            [("¥300", "money", Some(300.0), Some("JPY"))]
        );
        assert_eq!(
            figs("paid USD 200 upfront"),
            [("USD 200", "money", Some(200.0), Some("USD"))]
        );
        assert_eq!(
            figs("a RMB 5 billion fund"),
            [("RMB 5 billion", "money", Some(5e9), Some("CNY"))]
        );
        assert_eq!(
            figs("the $10K prize"),
            [("$10K", "money", Some(1e4), Some("USD"))]
        );
        assert_eq!(
            figs("a $1MM grant"),
            [("$1MM", "money", Some(1e6), Some("USD"))]
        );
        assert_eq!(
            figs("a $2.3tn hole"),
            [("$2.3tn", "money", Some(2.3e12), Some("USD"))]
        );
        assert_eq!(
            figs("earned $846.8million"),
            [("$846.8million", "money", Some(8.468e8), Some("USD"))]
        );
        assert_eq!(
            figs("costs Rs. 500 a month"),
            [("Rs. 500", "money", Some(500.0), Some("INR"))]
        );
        assert_eq!(
            figs("worth Rs 5 crore"),
            [("Rs 5 crore", "money", Some(5e7), Some("INR"))]
        );
    }

    #[test]
    fn yen_sign_is_yuan_in_a_yuan_story() {
        let v = figs("The yuan fell. A ¥300 ticket.");
        assert_eq!(v, [("¥300", "money", Some(300.0), Some("CNY"))]);
    }

    #[test]
    fn currency_after_the_amount() {
        assert_eq!(
            figs("fell 3p to 450p."),
            [
                ("3p", "money", Some(0.03), Some("GBP")),
                ("450p", "money", Some(4.5), Some("GBP"))
            ]
        );
        assert!(figs("streams at 1080p now").is_empty());
        assert_eq!(
            figs("costs 25¢ now"),
            [("25¢", "money", Some(0.25), Some("USD"))]
        );
        assert_eq!(
            figs("costs 5 € or 5€"),
            [
                ("5 €", "money", Some(5.0), Some("EUR")),
                ("5€", "money", Some(5.0), Some("EUR"))
            ]
        );
        assert_eq!(
            figs("paid 200 euros"),
            [("200 euros", "money", Some(200.0), Some("EUR"))]
        );
        assert_eq!(
            figs("just 5 dollars"),
            [("5 dollars", "money", Some(5.0), Some("USD"))]
        );
        assert_eq!(
            figs("a billion dollars"),
            [("a billion dollars", "money", Some(1e9), Some("USD"))]
        );
        assert_eq!(
            figs("37 cents of each"),
            [("37 cents", "money", Some(0.37), Some("USD"))]
        );
        assert_eq!(
            figs("it costs 50p now"),
            [("50p", "money", Some(0.5), Some("GBP"))]
        );
        assert_eq!(
            figs("up 20 pence"),
            [("20 pence", "money", Some(0.2), Some("GBP"))]
        );
        assert_eq!(
            figs("5 billion yuan"),
            [("5 billion yuan", "money", Some(5e9), Some("CNY"))]
        );
        assert_eq!(
            figs("10 billion renminbi"),
            [("10 billion renminbi", "money", Some(1e10), Some("CNY"))]
        );
        assert_eq!(
            figs("300 USD each"),
            [("300 USD", "money", Some(300.0), Some("USD"))]
        );
        assert_eq!(
            figs("2 million Hong Kong dollars"),
            [(
                "2 million Hong Kong dollars",
                "money",
                Some(2e6),
                Some("HKD")
            )]
        );
        assert_eq!(
            figs("5 trillion won"),
            [("5 trillion won", "money", Some(5e12), Some("KRW"))]
        );
        assert_eq!(
            figs("100 pounds sterling"),
            [("100 pounds sterling", "money", Some(100.0), Some("GBP"))]
        );
        assert_eq!(
            figs("5 pounds of beef"),
            [("5 pounds", "quantity", Some(5.0), Some("lb"))]
        );
    }

    #[test]
    fn negative_amounts() {
        assert_eq!(
            figs("176 Hong Kong dollars (£17.43) each"),
            [
                ("176 Hong Kong dollars", "money", Some(176.0), Some("HKD")),
                ("£17.43", "money", Some(17.43), Some("GBP"))
            ]
        );
        assert_eq!(
            figs("a swing of -$5m"),
            [("-$5m", "money", Some(-5e6), Some("USD"))]
        );
        assert_eq!(
            figs("a loss of ($99.99)"),
            [("$99.99", "money", Some(-99.99), Some("USD"))]
        );
        assert_eq!(
            figs("HK$40 (US$5.10)"),
            [
                ("HK$40", "money", Some(40.0), Some("HKD")),
                ("US$5.10", "money", Some(5.1), Some("USD"))
            ]
        );
        assert_eq!(
            figs("minus $5"),
            [("minus $5", "money", Some(-5.0), Some("USD"))]
        );
    }

    #[test]
    fn money_ranges() {
        assert_eq!(
            figs("a $5-10 billion bill"),
            [("$5-10 billion", "money", Some(5e9), Some("USD"))]
        );
        assert_eq!(
            figs("paid $500 to $2,000"),
            [
                ("$500", "money", Some(500.0), Some("USD")),
                ("$2,000", "money", Some(2000.0), Some("USD"))
            ]
        );
        assert_eq!(
            figs("$5 to $10 billion"),
            [
                ("$5", "money", Some(5e9), Some("USD")),
                ("$10 billion", "money", Some(1e10), Some("USD"))
            ]
        );
        assert_eq!(
            figs("between 10 and 20 dollars"),
            [(
                "between 10 and 20 dollars",
                "money",
                Some(10.0),
                Some("USD")
            )]
        );
    }

    #[test]
    fn not_money() {
        assert!(figs("ticker $WFC fell").is_empty());
        assert!(figs("the $5G plan").is_empty());
    }
}
