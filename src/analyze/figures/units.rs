//! What a number measures when a unit follows it: per cent and points,
//! time spans, physical quantities, multipliers (money is in money.rs).

use super::numbers::Numeral;
use super::scan::{Found, Scanner, Unit};
use super::words::with_lower;
use crate::article::FigureKind;

/// Time units (singular or plural) -> the unit reported and the powers of
/// ten they add (`decades` are counted in years).
fn duration_word(w: &str) -> Option<(&'static str, i32)> {
    with_lower(w, |l| {
        Some(match l {
            "year" | "years" | "yr" | "yrs" => ("years", 0),
            "month" | "months" => ("months", 0),
            "week" | "weeks" => ("weeks", 0),
            "day" | "days" => ("days", 0),
            "hour" | "hours" | "hr" | "hrs" => ("hours", 0),
            "minute" | "minutes" | "mins" => ("minutes", 0),
            "second" | "seconds" | "secs" => ("seconds", 0),
            "decade" | "decades" => ("years", 1),
            "century" | "centuries" => ("years", 2),
            _ => return None,
        })
    })
}

/// Units of measure written as words or symbols. `glued`: right against
/// the digits (`100m`, `2.1C`), where single letters are safe to read.
fn measure(w: &str, glued: bool) -> Option<&'static str> {
    let exact = match w {
        "MW" => Some("MW"),
        "GW" => Some("GW"),
        "kW" => Some("kW"),
        "TW" => Some("TW"),
        "GWh" => Some("GWh"),
        "MWh" => Some("MWh"),
        "kWh" => Some("kWh"),
        "TWh" => Some("TWh"),
        "GB" => Some("GB"),
        "TB" => Some("TB"),
        "MB" => Some("MB"),
        "PB" => Some("PB"),
        "GHz" => Some("GHz"),
        "MHz" => Some("MHz"),
        "Hz" => Some("Hz"),
        "km" => Some("km"),
        "cm" => Some("cm"),
        "mm" => Some("mm"),
        "kg" => Some("kg"),
        "mg" => Some("mg"),
        "ml" => Some("mL"),
        "mph" => Some("mph"),
        "kph" => Some("km/h"),
        "ppm" => Some("ppm"),
        "bpd" => Some("bbl/d"),
        "ft" => Some("ft"),
        "lb" | "lbs" => Some("lb"),
        "oz" => Some("oz"),
        "m" if glued => Some("m"),
        "g" if glued => Some("g"),
        "t" if glued => Some("t"),
        "nm" if glued => Some("nm"),
        "ha" if glued => Some("ha"),
        "L" | "l" if glued => Some("L"),
        "C" if glued => Some("°C"),
        "F" if glued => Some("°F"),
        _ => None,
    };
    if exact.is_some() {
        return exact;
    }
    with_lower(w, |l| {
        Some(match l {
            "kilometre" | "kilometres" | "kilometer" | "kilometers" => "km",
            "metre" | "metres" | "meter" | "meters" => "m",
            "centimetre" | "centimetres" | "centimeter" | "centimeters" => "cm",
            "millimetre" | "millimetres" | "millimeter" | "millimeters" => "mm",
            "mile" | "miles" => "mi",
            "foot" | "feet" => "ft",
            "inch" | "inches" => "in",
            "yard" | "yards" => "yd",
            "kilogram" | "kilograms" | "kilo" | "kilos" => "kg",
            "gram" | "grams" => "g",
            "tonne" | "tonnes" | "ton" | "tons" => "t",
            "ounce" | "ounces" => "oz",
            "litre" | "litres" | "liter" | "liters" => "L",
            "gallon" | "gallons" => "gal",
            "barrel" | "barrels" => "bbl",
            "megawatt" | "megawatts" => "MW",
            "gigawatt" | "gigawatts" => "GW",
            "kilowatt" | "kilowatts" => "kW",
            "watt" | "watts" => "W",
            "knot" | "knots" => "kn",
            "acre" | "acres" => "acres",
            "hectare" | "hectares" => "ha",
            "magnitude" => "magnitude",
            _ => return None,
        })
    })
}

/// Square units after `square`/`sq`.
fn square(w: &str) -> Option<&'static str> {
    with_lower(w, |l| {
        Some(match l {
            "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => "km²",
            "mile" | "miles" | "mi" => "mi²",
            "metre" | "metres" | "meter" | "meters" | "m" => "m²",
            "foot" | "feet" | "ft" => "ft²",
            _ => return None,
        })
    })
}

impl<'a> Scanner<'a, '_> {
    /// The unit right after a number, if one says what it measures.
    pub fn unit_after(&self, n: &Numeral) -> Option<Unit<'a>> {
        self.percent_after(n.end)
            .or_else(|| self.currency_after(n))
            .or_else(|| self.duration_after(n.end))
            .or_else(|| self.measure_after(n.end))
            .or_else(|| self.multiplier_after(n.end))
    }

    /// `%`, `per cent`, `percent`, `pc`, `percentage points`, `basis points`.
    fn percent_after(&self, j: usize) -> Option<Unit<'a>> {
        let unit = |end, u| {
            Some(Unit {
                kind: FigureKind::Percent,
                unit: Some(u),
                end,
                exp: 0,
            })
        };
        if self.is_punct(j, "%") {
            return unit(j + 1, "%");
        }
        let points = |k: usize| self.is_any(k, &["point", "points", "pts"]);
        if self.is_any(j, &["percent", "pct"]) || (self.is(j, "pc") && self.glued(j)) {
            return unit(j + 1, "%");
        }
        if self.is(j, "per") && self.is(j + 1, "cent") {
            return unit(j + 2, "%");
        }
        if self.is(j, "percentage") && points(j + 1) {
            return unit(j + 2, "percentage points");
        }
        if self.is(j, "basis") && points(j + 1) {
            return unit(j + 2, "basis points");
        }
        if self.is_any(j, &["bp", "bps"]) {
            return unit(j + 1, "basis points");
        }
        // `ahead 3 points`: points of a poll, an index or a score
        if points(j) && !self.glued(j) {
            return Some(Unit {
                kind: FigureKind::Count,
                unit: Some("points"),
                end: j + 1,
                exp: 0,
            });
        }
        None
    }

    /// `18 months`, `two decades` (20 years), `30-second`, `17-year-old`,
    /// `15-plus years`.
    fn duration_after(&self, j: usize) -> Option<Unit<'a>> {
        let span = |end, (u, exp): (&'static str, i32)| Unit {
            kind: FigureKind::Duration,
            unit: Some(u),
            end,
            exp,
        };
        if self.hyphen_at(j) {
            if self.is(j + 1, "plus") {
                let k = j + 2;
                return Some(match self.word(k).and_then(duration_word) {
                    Some(d) if !self.glued(k) => span(k + 1, d),
                    _ => Unit {
                        kind: FigureKind::Number,
                        unit: None,
                        end: k,
                        exp: 0,
                    },
                });
            }
            let d = self.word(j + 1).and_then(duration_word)?;
            let mut end = j + 2;
            if self.hyphen_at(end) && self.is_any(end + 1, &["old", "long"]) {
                end += 2;
            }
            return Some(span(end, d));
        }
        let w = self.word(j)?;
        let glued = self.glued(j);
        if glued && !matches!(w, "min" | "mins" | "yr" | "yrs" | "hr" | "hrs" | "h") {
            return None;
        }
        if w == "h" {
            return Some(span(j + 1, ("hours", 0)));
        }
        let d = match w {
            "min" => ("minutes", 0),
            _ => duration_word(w)?,
        };
        let end = if self.is(j + 1, "old") { j + 2 } else { j + 1 };
        Some(span(end, d))
    }

    /// `5 km`, `100m`, `2.1C`, `30 °C`, `7.6-magnitude`, `50 square miles`.
    fn measure_after(&self, j: usize) -> Option<Unit<'a>> {
        let q = |end, u: &'static str| Unit {
            kind: FigureKind::Quantity,
            unit: Some(u),
            end,
            exp: 0,
        };
        if self.is_any(j, &["pound", "pounds"]) && self.is(j + 1, "of") {
            return Some(q(j + 1, "lb"));
        }
        if self.is_punct(j, "°") {
            return Some(match self.word(j + 1) {
                Some("C") if self.glued(j + 1) => q(j + 2, "°C"),
                Some("F") if self.glued(j + 1) => q(j + 2, "°F"),
                _ => q(j + 1, "°"),
            });
        }
        if self.is_any(j, &["degree", "degrees"]) {
            return Some(if self.is_any(j + 1, &["Celsius", "centigrade", "C"]) {
                q(j + 2, "°C")
            } else if self.is_any(j + 1, &["Fahrenheit", "F"]) {
                q(j + 2, "°F")
            } else {
                q(j + 1, "degrees")
            });
        }
        if self.is_any(j, &["square", "sq"]) {
            let k = if self.is_punct(j + 1, ".") {
                j + 2
            } else {
                j + 1
            };
            return self.word(k).and_then(square).map(|u| q(k + 1, u));
        }
        if self.is(j, "km") && self.is_punct(j + 1, "/") && self.is(j + 2, "h") {
            return Some(q(j + 3, "km/h"));
        }
        let hyphen = self.hyphen_at(j);
        let k = if hyphen { j + 1 } else { j };
        let w = self.word(k)?;
        let glued = self.glued(k) && !hyphen;
        let u = measure(w, glued)?;
        // a glued symbol must stand alone: `5C` yes, `5Cs` is no unit
        if glued && self.glued_word(k + 1).is_some() {
            return None;
        }
        Some(q(k + 1, u))
    }

    /// `2x`, `10 times`, `3-fold`.
    fn multiplier_after(&self, j: usize) -> Option<Unit<'a>> {
        let m = |end| Unit {
            kind: FigureKind::Multiplier,
            unit: None,
            end,
            exp: 0,
        };
        // `2x` but not the plane `777X`
        let small = self.numeral_before(j).is_some_and(|v| v <= 100.0);
        if small
            && matches!(self.glued_word(j), Some("x" | "X"))
            && !self
                .kind(j + 1)
                .is_some_and(|_| self.glued(j + 1) && !self.is_end_punct(j + 1))
        {
            return Some(m(j + 1));
        }
        if self.is(j, "times") && !self.glued(j) {
            return Some(m(j + 1));
        }
        if self.hyphen_at(j) && self.is(j + 1, "fold") {
            return Some(m(j + 2));
        }
        None
    }

    /// `a decade`, `a century`, `half-century`, `half a century`.
    pub fn duration_word_at(&self, i: usize) -> Option<Found<'a>> {
        let years = |end, v: f64| Found {
            first: i,
            end,
            kind: FigureKind::Duration,
            value: Some(v),
            unit: Some("years"),
        };
        let century = |k: usize| self.is(k, "century");
        if self.is_any(i, &["a", "an"]) {
            if self.is(i + 1, "decade") {
                return Some(years(i + 2, 10.0));
            }
            if century(i + 1) {
                return Some(years(i + 2, 100.0));
            }
            if self.is(i + 1, "half") && self.hyphen_at(i + 2) && century(i + 3) {
                return Some(years(i + 4, 50.0));
            }
            return None;
        }
        if self.is(i, "half") {
            if self.hyphen_at(i + 1) && century(i + 2) {
                return Some(years(i + 3, 50.0));
            }
            if self.is(i + 1, "a") && century(i + 2) {
                return Some(years(i + 3, 50.0));
            }
        }
        None
    }

    /// The value of the digits just before `j`.
    fn numeral_before(&self, j: usize) -> Option<f64> {
        let p = j.checked_sub(1)?;
        let t = self
            .tok(p)
            .filter(|t| t.kind == super::tokens::TokKind::Num)?;
        t.text.replace(',', "").parse().ok()
    }

    /// A `-` joining the token before to the one after: `30-second`.
    pub fn hyphen_at(&self, j: usize) -> bool {
        self.is_punct(j, "-") && self.glued(j) && self.glued(j + 1)
    }

    /// Punctuation that may touch the end of a figure: `2x,` `5C.`
    pub fn is_end_punct(&self, j: usize) -> bool {
        self.tok(j).is_some_and(|t| {
            matches!(
                t.text,
                "," | "." | ";" | ":" | ")" | "]" | "!" | "?" | "\"" | "'" | "”" | "’"
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::figs;

    #[test]
    fn per_cent_in_every_spelling() {
        for (s, t) in [
            ("grew 48 per cent this year", "48 per cent"),
            ("grew 48 percent this year", "48 percent"),
            ("grew 48% this year", "48%"),
            ("grew 48 % this year", "48 %"),
            ("grew 48pc this year", "48pc"),
            ("grew 48 pct this year", "48 pct"),
            ("grew forty-eight percent this year", "forty-eight percent"),
        ] {
            assert_eq!(figs(s), [(t, "percent", Some(48.0), Some("%"))], "{s}");
        }
        assert_eq!(
            figs("an 18.7% rate"),
            [("18.7%", "percent", Some(18.7), Some("%"))]
        );
        assert_eq!(
            figs("fell -3.5%"),
            [("-3.5%", "percent", Some(-3.5), Some("%"))]
        );
        assert_eq!(
            figs("minus five percent"),
            [("minus five percent", "percent", Some(-5.0), Some("%"))]
        );
        assert_eq!(
            figs("plus or minus 4 percentage points"),
            [(
                "4 percentage points",
                "percent",
                Some(4.0),
                Some("percentage points")
            )]
        );
        assert_eq!(
            figs("cut by 25 basis points"),
            [(
                "25 basis points",
                "percent",
                Some(25.0),
                Some("basis points")
            )]
        );
        assert_eq!(
            figs("up 50bps"),
            [("50bps", "percent", Some(50.0), Some("basis points"))]
        );
    }

    #[test]
    fn percent_ranges_are_one_figure_valued_at_the_low_end() {
        assert_eq!(
            figs("between 10 and 15 per cent"),
            [(
                "between 10 and 15 per cent",
                "percent",
                Some(10.0),
                Some("%")
            )]
        );
        assert_eq!(
            figs("rose 10-15% in May"),
            [("10-15%", "percent", Some(10.0), Some("%"))]
        );
        assert_eq!(
            figs("rose 10 to 15 percent"),
            [("10 to 15 percent", "percent", Some(10.0), Some("%"))]
        );
        assert_eq!(
            figs("leads 49 percent to 47 percent"),
            [
                ("49 percent", "percent", Some(49.0), Some("%")),
                ("47 percent", "percent", Some(47.0), Some("%"))
            ]
        );
    }

    #[test]
    fn durations() {
        assert_eq!(
            figs("for 18 months"),
            [("18 months", "duration", Some(18.0), Some("months"))]
        );
        assert_eq!(
            figs("within a decade"),
            [("a decade", "duration", Some(10.0), Some("years"))]
        );
        assert_eq!(
            figs("for two decades"),
            [("two decades", "duration", Some(20.0), Some("years"))]
        );
        assert_eq!(
            figs("a 30-second spot"),
            [("30-second", "duration", Some(30.0), Some("seconds"))]
        );
        assert_eq!(
            figs("his 17-year-old son"),
            [("17-year-old", "duration", Some(17.0), Some("years"))]
        );
        assert_eq!(
            figs("for 15-plus years"),
            [("15-plus years", "duration", Some(15.0), Some("years"))]
        );
        assert_eq!(
            figs("a half-century of rule"),
            [("a half-century", "duration", Some(50.0), Some("years"))]
        );
        assert_eq!(
            figs("two to three years"),
            [("two to three years", "duration", Some(2.0), Some("years"))]
        );
        assert_eq!(
            figs("every 72 minutes"),
            [("72 minutes", "duration", Some(72.0), Some("minutes"))]
        );
    }

    #[test]
    fn quantities() {
        assert_eq!(
            figs("a 100km trip"),
            [("100km", "quantity", Some(100.0), Some("km"))]
        );
        assert_eq!(
            figs("ran 5 miles"),
            [("5 miles", "quantity", Some(5.0), Some("mi"))]
        );
        assert_eq!(
            figs("2 million tonnes of grain"),
            [("2 million tonnes", "quantity", Some(2e6), Some("t"))]
        );
        assert_eq!(
            figs("a 20kg bag"),
            [("20kg", "quantity", Some(20.0), Some("kg"))]
        );
        assert_eq!(
            figs("warming of 2.1C by then"),
            [("2.1C", "quantity", Some(2.1), Some("°C"))]
        );
        assert_eq!(
            figs("it hit 40 °C"),
            [("40 °C", "quantity", Some(40.0), Some("°C"))]
        );
        assert_eq!(
            figs("it hit 104°F"),
            [("104°F", "quantity", Some(104.0), Some("°F"))]
        );
        assert_eq!(
            figs("a 500 MW plant"),
            [("500 MW", "quantity", Some(500.0), Some("MW"))]
        );
        assert_eq!(
            figs("3 GW of solar"),
            [("3 GW", "quantity", Some(3.0), Some("GW"))]
        );
        assert_eq!(
            figs("used 12 GWh"),
            [("12 GWh", "quantity", Some(12.0), Some("GWh"))]
        );
        assert_eq!(
            figs("1.2 million barrels a day"),
            [("1.2 million barrels", "quantity", Some(1.2e6), Some("bbl"))]
        );
        assert_eq!(
            figs("a 7.6-magnitude quake"),
            [("7.6-magnitude", "quantity", Some(7.6), Some("magnitude"))]
        );
        assert_eq!(
            figs("50 square miles"),
            [("50 square miles", "quantity", Some(50.0), Some("mi²"))]
        );
        assert_eq!(
            figs("from 5C to 10C"),
            [
                ("5C", "quantity", Some(5.0), Some("°C")),
                ("10C", "quantity", Some(10.0), Some("°C"))
            ]
        );
        assert_eq!(
            figs("from 5 to 10C"),
            [("5 to 10C", "quantity", Some(5.0), Some("°C"))]
        );
    }

    #[test]
    fn multipliers() {
        assert_eq!(
            figs("read 2x faster"),
            [("2x", "multiplier", Some(2.0), None)]
        );
        assert_eq!(
            figs("at 1.25x, then"),
            [("1.25x", "multiplier", Some(1.25), None)]
        );
        assert_eq!(
            figs("10 times the average"),
            [("10 times", "multiplier", Some(10.0), None)]
        );
        assert_eq!(
            figs("grew 1.3 times"),
            [("1.3 times", "multiplier", Some(1.3), None)]
        );
        assert_eq!(
            figs("a threefold rise"),
            [("threefold", "multiplier", Some(3.0), None)]
        );
        assert_eq!(
            figs("a 3-fold rise"),
            [("3-fold", "multiplier", Some(3.0), None)]
        );
        assert_eq!(
            figs("twice as many"),
            [("twice", "multiplier", Some(2.0), None)]
        );
        assert_eq!(
            figs("a 3 to 1 margin"),
            [("3 to 1", "multiplier", Some(3.0), None)]
        );
        assert!(figs("he tried twice").is_empty());
        assert_eq!(
            figs("by a factor of 10."),
            [("10", "multiplier", Some(10.0), None)]
        );
        assert!(figs("orders for 777X jets").is_empty());
    }
}
