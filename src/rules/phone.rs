//! The `mobile` / `altMobile` field rule: a mobile number, normalised to E.164.
//!
//! # What is accepted
//!
//! - Digits, a `+` before the first digit, and separators, which are dropped: Unicode
//!   white space, `-` and the dashes U+2010–U+2015, `.`, `(`, `)`, `[`, `]`. Anything
//!   else (letters, `ext`, `tel:`, `/`, non-ASCII digits) is [`PhoneProblem::BadCharacter`].
//!   Brackets need not balance: they are formatting, not structure.
//! - `+` or `00` then the country calling code and the number: the international form.
//!   `00` is the international call prefix of India and most of the world, so `0044 20…`
//!   is read as `+44 20…` whatever the default country.
//! - Otherwise a national number of `default_country` (an ISO 3166-1 alpha-2 code, any
//!   case): its calling code is put in front, after dropping the country's national trunk
//!   prefix if the number starts with it (`0` in India and the UK, `1` in the NANP, `8` in
//!   Russia, `06` in Hungary, none in Italy or Singapore; see [`super::calling_codes`]).
//!   For India this accepts `98123 45678` and `0 98123 45678`; `91 98123 45678` is
//!   accepted too (the country code typed without `+`), but only for India, where a
//!   10-digit mobile never starts with 91 after its trunk `0` is gone (12 digits in all,
//!   13 as `91 0 98123 45678`).
//!
//! The result must be E.164: `+`, a first digit 1–9, 7–15 digits in all. Numbers in
//! India (`+91`) must be mobiles: exactly 10 digits after `91`, the first 6–9. A trunk
//! `0` typed after the code of a country whose trunk prefix is `0` is dropped, as
//! libphonenumber does: `+91 0 98123 45678` (common on Indian cards), `+44 (0)20 7946 0958`
//! (common in the UK and Europe). Other trunk prefixes (`8`, `1`, `06`) are kept: a
//! Russian number may start with 8.
//!
//! Country codes are not checked against the list of assigned codes beyond this: E.164's
//! shape is the rule, and a number is not checked to be in service.

use super::calling_codes::{self, Trunk};

/// Why a phone number is not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PhoneProblem {
    /// Nothing but white space.
    Empty,
    /// A character that is neither a digit, a leading `+` nor a separator.
    BadCharacter,
    /// Separators or a `+` but no digit.
    NotANumber,
    /// Fewer than 7 digits with the country code.
    TooShort,
    /// More than 15 digits with the country code.
    TooLong,
    /// The country code starts with `0` (`+0…`, `000…`).
    BadCountryCode,
    /// A `+91` number that is not 10 digits starting 6–9 after the country code.
    BadIndianNumber,
    /// No `+` and the default country is not a known ISO 3166-1 alpha-2 code.
    UnknownCountry,
}

impl PhoneProblem {
    /// A stable snake_case name for the problem, e.g. `"bad_indian_number"`.
    ///
    /// # Example
    /// ```
    /// use roster_rules::rules::phone::{normalize, PhoneProblem};
    /// let problem = normalize("+91 58000 00007", "IN").unwrap_err();
    /// assert_eq!(problem, PhoneProblem::BadIndianNumber);
    /// assert_eq!(problem.as_str(), "bad_indian_number");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            PhoneProblem::Empty => "empty",
            PhoneProblem::BadCharacter => "bad_character",
            PhoneProblem::NotANumber => "not_a_number",
            PhoneProblem::TooShort => "too_short",
            PhoneProblem::TooLong => "too_long",
            PhoneProblem::BadCountryCode => "bad_country_code",
            PhoneProblem::BadIndianNumber => "bad_indian_number",
            PhoneProblem::UnknownCountry => "unknown_country",
        }
    }

    /// A short English phrase for the problem, to complete "The number …".
    pub fn describe(&self) -> &'static str {
        match self {
            PhoneProblem::Empty => "is empty",
            PhoneProblem::BadCharacter => {
                "has a character other than digits, a leading +, spaces, dashes, dots or brackets"
            }
            PhoneProblem::NotANumber => "has no digits",
            PhoneProblem::TooShort => "has fewer than 7 digits with the country code",
            PhoneProblem::TooLong => "has more than 15 digits with the country code",
            PhoneProblem::BadCountryCode => "has a country code starting with 0",
            PhoneProblem::BadIndianNumber => {
                "is not an Indian mobile number (10 digits starting with 6, 7, 8 or 9 after +91)"
            }
            PhoneProblem::UnknownCountry => "has no + country code and the default country is unknown",
        }
    }
}

impl core::fmt::Display for PhoneProblem {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "the number {}", self.describe())
    }
}

impl std::error::Error for PhoneProblem {}

/// E.164's shortest number accepted, country code included.
const MIN_DIGITS: usize = 7;
/// E.164's longest number, country code included.
const MAX_DIGITS: usize = 15;
/// More digits than any accepted input has (`00`, 15 digits, a stray trunk prefix):
/// input beyond this is too long without being stored.
const DIGIT_CAP: usize = MAX_DIGITS + 4;

/// Normalises a mobile number to E.164 (`+919812345678`), reading a number typed
/// without `+` or `00` as a national number of `default_country`.
///
/// # Errors
/// A [`PhoneProblem`]: a bad character is reported first, then the shape of the digits.
///
/// # Example
/// ```
/// use roster_rules::rules::phone::{normalize, PhoneProblem};
/// assert_eq!(normalize("98000 00007", "IN").as_deref(), Ok("+919800000007"));
/// assert_eq!(normalize("(+91) 98123.45678", "IN").as_deref(), Ok("+919812345678"));
/// assert_eq!(normalize("+1 212 555 0100", "IN").as_deref(), Ok("+12125550100"));
/// assert_eq!(normalize("020 7946 0958", "GB").as_deref(), Ok("+442079460958"));
/// assert_eq!(normalize("+0123", "IN"), Err(PhoneProblem::BadCountryCode));
/// ```
pub fn normalize(input: &str, default_country: &str) -> Result<String, PhoneProblem> {
    let typed = scan(input)?;
    let digits = typed.digits.as_str();
    let international = if typed.plus { Some(digits) } else { digits.strip_prefix("00") };
    match international {
        Some(number) => e164(number),
        None => national(digits, default_country),
    }
}

/// The digits of the input and whether it began with `+`.
struct Typed {
    plus: bool,
    /// At most [`DIGIT_CAP`] digits.
    digits: String,
}

/// Checks the characters and collects the digits (O(n), bounded memory).
fn scan(input: &str) -> Result<Typed, PhoneProblem> {
    let input = input.trim();
    if input.is_empty() {
        return Err(PhoneProblem::Empty);
    }
    let mut plus = false;
    let mut digits = String::with_capacity(input.len().min(DIGIT_CAP));
    let mut count = 0usize;
    for c in input.chars() {
        if c.is_ascii_digit() {
            count = count.saturating_add(1);
            if digits.len() < DIGIT_CAP {
                digits.push(c);
            }
        } else if c == '+' && !plus && count == 0 {
            plus = true;
        } else if !is_separator(c) {
            return Err(PhoneProblem::BadCharacter);
        }
    }
    if count == 0 {
        return Err(PhoneProblem::NotANumber);
    }
    if count > DIGIT_CAP {
        return Err(PhoneProblem::TooLong);
    }
    Ok(Typed { plus, digits })
}

/// Formatting characters that are dropped.
fn is_separator(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '.' | '(' | ')' | '[' | ']') || c.is_whitespace()
}

/// A national number of `country` → E.164.
fn national(digits: &str, country: &str) -> Result<String, PhoneProblem> {
    let (code, trunk) = calling_codes::lookup(country).ok_or(PhoneProblem::UnknownCountry)?;
    let number = match trunk {
        Trunk::None => digits,
        _ => digits.strip_prefix(trunk.as_str()).unwrap_or(digits),
    };
    if code == 91 && (12..=13).contains(&number.len()) && number.starts_with("91") {
        // "91 98123 45678" (and "91 0 98123 45678"): the country code typed without `+`.
        return e164(number);
    }
    e164_parts(code, trunk, number)
}

/// The calling code `country` (whose trunk prefix is `trunk`) and `rest` joined,
/// checked as E.164. The code is known, so the table is not searched for it again.
fn e164_parts(country: u16, trunk: Trunk, rest: &str) -> Result<String, PhoneProblem> {
    let mut all = String::with_capacity(5 + rest.len());
    super::push_decimal(&mut all, u64::from(country));
    let code_len = all.len();
    all.push_str(rest);
    e164_known(&all, Some((code_len, trunk)))
}

/// Checks the digits after the `+` and returns the E.164 string.
fn e164(number: &str) -> Result<String, PhoneProblem> {
    e164_known(number, calling_codes::by_number(number))
}

/// [`e164`] of `number`, whose calling code (length and trunk prefix) is `code`:
/// what [`calling_codes::by_number`] finds, which codes being prefix-free makes unique.
fn e164_known(number: &str, code: Option<(usize, Trunk)>) -> Result<String, PhoneProblem> {
    match number.as_bytes().first() {
        None => return Err(PhoneProblem::TooShort),
        Some(b'0') => return Err(PhoneProblem::BadCountryCode),
        Some(_) => {}
    }
    // The country code, and the rest without a trunk `0` typed after the code of a
    // country whose trunk prefix is `0` ("+44 (0)20 7946 0958", "+91 0 98123 45678"): no
    // mobile number there starts with it. Not `00`: a second 0 would be dropped on the
    // next reading, and normalising twice must give the same number.
    let (code, rest) = match code.and_then(|(len, t)| Some((number.split_at_checked(len)?, t))) {
        Some(((code, rest), trunk)) => match rest.strip_prefix('0') {
            Some(after) if trunk == Trunk::Zero && !after.starts_with('0') => (code, after),
            _ => (code, rest),
        },
        None => ("", number),
    };
    if code == "91" {
        // Then exactly a 10-digit mobile.
        let mobile = rest.len() == 10 && matches!(rest.as_bytes().first(), Some(b'6'..=b'9'));
        return if mobile { Ok(plus(code, rest)) } else { Err(PhoneProblem::BadIndianNumber) };
    }
    let len = code.len() + rest.len();
    if len < MIN_DIGITS {
        return Err(PhoneProblem::TooShort);
    }
    if len > MAX_DIGITS {
        return Err(PhoneProblem::TooLong);
    }
    Ok(plus(code, rest))
}

/// `+`, the country code and the rest (no `format!`: this runs on every keystroke).
fn plus(code: &str, rest: &str) -> String {
    let mut out = String::with_capacity(1 + code.len() + rest.len());
    out.push('+');
    out.push_str(code);
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[track_caller]
    fn ok_in(input: &str, want: &str) {
        assert_eq!(normalize(input, "IN").as_deref(), Ok(want), "{input:?}");
    }

    #[track_caller]
    fn err_in(input: &str, want: PhoneProblem) {
        assert_eq!(normalize(input, "IN"), Err(want), "{input:?}");
    }

    #[test]
    fn phone_accepts_indian_national_number() {
        ok_in("98000 00007", "+919800000007");
        ok_in("9812345678", "+919812345678");
        ok_in("6000000000", "+916000000000");
    }

    #[test]
    fn phone_accepts_plus91_with_separators() {
        ok_in("+91 98000-00004", "+919800000004");
        ok_in("+91-98123-45678", "+919812345678");
        ok_in("(+91) 98123.45678", "+919812345678");
        ok_in("[+91] (981) 234-5678", "+919812345678");
        ok_in("+91\u{A0}98123\u{2013}45678", "+919812345678");
        ok_in(" \t+919812345678\n", "+919812345678");
    }

    #[test]
    fn phone_accepts_trunk_zero() {
        ok_in("09812345678", "+919812345678");
        ok_in("0 98123 45678", "+919812345678");
    }

    #[test]
    fn phone_accepts_91_prefix_without_plus() {
        ok_in("919812345678", "+919812345678");
        ok_in("91 98123 45678", "+919812345678");
    }

    #[test]
    fn phone_accepts_0091_prefix() {
        ok_in("00919812345678", "+919812345678");
        ok_in("0091 98123 45678", "+919812345678");
    }

    #[test]
    fn phone_drops_trunk_zero_after_plus91() {
        ok_in("+91 0 98123 45678", "+919812345678");
        ok_in("+91 (0) 98123-45678", "+919812345678");
    }

    #[test]
    fn phone_rejects_indian_number_not_starting_6_to_9() {
        err_in("+91 58000 00007", PhoneProblem::BadIndianNumber);
        err_in("5800000007", PhoneProblem::BadIndianNumber);
        err_in("05800000007", PhoneProblem::BadIndianNumber);
        err_in("915800000007", PhoneProblem::BadIndianNumber);
    }

    #[test]
    fn phone_rejects_indian_number_of_wrong_length() {
        err_in("+91 98123 4567", PhoneProblem::BadIndianNumber);
        err_in("+91 98123 456789", PhoneProblem::BadIndianNumber);
        err_in("+91 11 4000 1234", PhoneProblem::BadIndianNumber);
        err_in("+91", PhoneProblem::BadIndianNumber);
        err_in("981234567", PhoneProblem::BadIndianNumber);
        err_in("98123456789", PhoneProblem::BadIndianNumber);
        err_in("0091 98123 4567", PhoneProblem::BadIndianNumber);
    }

    #[test]
    fn phone_accepts_foreign_numbers_with_plus() {
        ok_in("+1 212 555 0100", "+12125550100");
        ok_in("+44 20 7946 0958", "+442079460958");
        ok_in("+971 50 123 4567", "+971501234567");
        ok_in("+65 8123 4567", "+6581234567");
        ok_in("+1234567", "+1234567");
        ok_in("+123456789012345", "+123456789012345");
    }

    #[test]
    fn phone_drops_trunk_zero_after_any_country_code_with_trunk_zero() {
        ok_in("+44 (0) 20 7946 0958", "+442079460958");
        ok_in("+44 020 7946 0958", "+442079460958");
        ok_in("0044 (0)7911 123456", "+447911123456");
        ok_in("+33 (0)6 12 34 56 78", "+33612345678");
        ok_in("+971 (0) 50 123 4567", "+971501234567");
        ok_in("+86 (0) 131 2345 6789", "+8613123456789");
        // Only a 0, only where it is the trunk prefix.
        ok_in("+39 06 1234 5678", "+390612345678");
        ok_in("+7 812 123 45 67", "+78121234567");
        ok_in("+1 (1) 212 555 0100", "+112125550100");
        // Two zeros are not a trunk prefix: kept, so that normalising again changes nothing.
        ok_in("+44 00 20 7946 095", "+4400207946095");
        err_in("+91 00 98123 45678", PhoneProblem::BadIndianNumber);
    }

    #[test]
    fn phone_accepts_91_and_trunk_zero_without_plus() {
        ok_in("91 0 98123 45678", "+919812345678");
        err_in("91 1 98123 45678", PhoneProblem::BadIndianNumber);
        err_in("91 00 98123 4567", PhoneProblem::BadIndianNumber);
    }

    #[test]
    fn phone_reads_00_as_plus() {
        ok_in("0044 20 7946 0958", "+442079460958");
        assert_eq!(normalize("001 212 555 0100", "GB").as_deref(), Ok("+12125550100"));
        err_in("000 44 20 7946 0958", PhoneProblem::BadCountryCode);
    }

    #[test]
    fn phone_rejects_e164_length() {
        err_in("+123456", PhoneProblem::TooShort);
        err_in("+1234567890123456", PhoneProblem::TooLong);
        err_in(&format!("+{}", "1".repeat(100)), PhoneProblem::TooLong);
    }

    #[test]
    fn phone_rejects_country_code_zero() {
        err_in("+0123", PhoneProblem::BadCountryCode);
        err_in("+0 98123 45678", PhoneProblem::BadCountryCode);
    }

    #[test]
    fn phone_rejects_bad_characters() {
        err_in("98123 4567a", PhoneProblem::BadCharacter);
        err_in("tel:+919812345678", PhoneProblem::BadCharacter);
        err_in("+91 98123 45678 ext 5", PhoneProblem::BadCharacter);
        err_in("++919812345678", PhoneProblem::BadCharacter);
        err_in("91+9812345678", PhoneProblem::BadCharacter);
        err_in("98123/45678", PhoneProblem::BadCharacter);
        err_in("98123\u{0}45678", PhoneProblem::BadCharacter);
        err_in("+91 98123\u{202E}45678", PhoneProblem::BadCharacter);
        err_in("९८१२३४५६७८", PhoneProblem::BadCharacter);
        err_in("９８１２３４５６７８", PhoneProblem::BadCharacter);
    }

    #[test]
    fn phone_rejects_empty_and_digitless() {
        err_in("", PhoneProblem::Empty);
        err_in(" \n ", PhoneProblem::Empty);
        err_in("+", PhoneProblem::NotANumber);
        err_in("( - )", PhoneProblem::NotANumber);
    }

    #[test]
    fn phone_uses_default_country_calling_code_and_trunk() {
        let n = |s: &str, c: &str| normalize(s, c);
        assert_eq!(n("(212) 555-0100", "US").as_deref(), Ok("+12125550100"));
        assert_eq!(n("1 212 555 0100", "us").as_deref(), Ok("+12125550100"));
        assert_eq!(n("07911 123456", "GB").as_deref(), Ok("+447911123456"));
        assert_eq!(n("050 123 4567", "AE").as_deref(), Ok("+971501234567"));
        assert_eq!(n("8123 4567", "SG").as_deref(), Ok("+6581234567"));
        assert_eq!(n("8 912 345 67 89", "RU").as_deref(), Ok("+79123456789"));
        assert_eq!(n("06 20 123 4567", "HU").as_deref(), Ok("+36201234567"));
        // Italy has no trunk prefix: the leading 0 of a landline is part of the number.
        assert_eq!(n("06 1234 5678", "IT").as_deref(), Ok("+390612345678"));
        assert_eq!(n("123", "SG"), Err(PhoneProblem::TooShort));
        // The 91-without-plus reading is India's alone.
        assert_eq!(n("919812345678", "US").as_deref(), Ok("+1919812345678"));
    }

    #[test]
    fn phone_rejects_unknown_default_country_without_plus() {
        for c in ["", "ZZ", "IND", "India", "\u{0}\u{0}"] {
            assert_eq!(normalize("9812345678", c), Err(PhoneProblem::UnknownCountry), "{c:?}");
        }
        assert_eq!(normalize("+919812345678", "ZZ").as_deref(), Ok("+919812345678"));
        assert_eq!(normalize("0044 20 7946 0958", "").as_deref(), Ok("+442079460958"));
    }

    #[test]
    fn phone_survives_huge_input() {
        err_in(&"9".repeat(10_000_000), PhoneProblem::TooLong);
        err_in(&" ".repeat(10_000_000), PhoneProblem::Empty);
        err_in(&format!("{}x", "-".repeat(10_000_000)), PhoneProblem::BadCharacter);
    }

    #[test]
    fn phone_problem_names_are_snake_case_and_distinct() {
        let all = [
            PhoneProblem::Empty,
            PhoneProblem::BadCharacter,
            PhoneProblem::NotANumber,
            PhoneProblem::TooShort,
            PhoneProblem::TooLong,
            PhoneProblem::BadCountryCode,
            PhoneProblem::BadIndianNumber,
            PhoneProblem::UnknownCountry,
        ];
        let names: std::collections::BTreeSet<_> = all.iter().map(|p| p.as_str()).collect();
        assert_eq!(names.len(), all.len());
        for p in all {
            assert!(p.as_str().bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
            assert!(!p.describe().is_empty());
        }
    }

    fn phone_like() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                10 => proptest::sample::select(vec![
                    '0', '1', '6', '9', '9', '8', '4', '+', ' ', '-', '(', ')', '.',
                ]),
                1 => any::<char>(),
            ],
            0..24,
        )
        .prop_map(|v| v.into_iter().collect())
    }

    fn country() -> impl Strategy<Value = &'static str> {
        proptest::sample::select(vec!["IN", "US", "GB", "IT", "RU", "HU", "SG", "AE", "ZZ", ""])
    }

    proptest! {
        #[test]
        fn phone_normalize_is_idempotent(s in phone_like(), c in country(), c2 in country()) {
            if let Ok(n) = normalize(&s, c) {
                prop_assert_eq!(normalize(&n, c2), Ok(n.clone()));
            }
        }

        #[test]
        fn phone_output_is_e164(s in phone_like(), c in country()) {
            if let Ok(n) = normalize(&s, c) {
                let digits = n.strip_prefix('+').unwrap();
                prop_assert!((7..=15).contains(&digits.len()));
                prop_assert!(digits.bytes().all(|b| b.is_ascii_digit()));
                prop_assert!(!digits.starts_with('0'));
                if let Some(rest) = digits.strip_prefix("91") {
                    prop_assert_eq!(rest.len(), 10);
                    prop_assert!(matches!(rest.as_bytes()[0], b'6'..=b'9'));
                }
            }
        }

        #[test]
        fn phone_indian_mobiles_round_trip(m in "[6-9][0-9]{9}") {
            let want = format!("+91{m}");
            for typed in [m.clone(), format!("0{m}"), format!("91{m}"), format!("0091{m}"),
                          format!("+91 {m}"), format!("+91-0{m}")] {
                prop_assert_eq!(normalize(&typed, "IN"), Ok(want.clone()));
            }
        }

        #[test]
        fn phone_never_panics(s in any::<String>(), c in any::<String>()) {
            let _ = normalize(&s, &c);
        }
    }
}
