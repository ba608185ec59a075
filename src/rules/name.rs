//! The `name` field rule: a display name of 1–100 characters that renders as what it
//! says.
//!
//! The name is trimmed of Unicode white space (`char::is_whitespace`, the `White_Space`
//! property), then read left to right; the first problem found is reported with where it
//! is. A blank name is the caller's `required`, not a problem of this rule.
//!
//! Rejected:
//! - more than 100 characters (Unicode scalar values) after trimming;
//! - control characters, general category `Cc` (NUL, tab, newline, DEL, C1 controls);
//! - invisible format characters that can disguise a name: the bidi controls
//!   U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, the zero-width space U+200B,
//!   the word joiner U+2060 and the BOM / zero-width no-break space U+FEFF;
//! - emoji: every `Extended_Pictographic` character (see [`super::pictographic`]), and
//!   also the emoji building blocks that are not `Extended_Pictographic`: the regional
//!   indicators U+1F1E6–U+1F1FF (flags), the skin-tone modifiers U+1F3FB–U+1F3FF and the
//!   combining keycap U+20E3. ASCII digits, `#` and `*` are fine;
//! - a zero-width joiner U+200D or non-joiner U+200C that is not between two letters or
//!   marks. Indic scripts need them inside words (`क्‍ष`, `ශ්‍රී`), Persian needs the
//!   non-joiner (`می‌خواهم`); anywhere else they are invisible padding.
//!
//! "Letter or mark" without a Unicode crate: `char::is_alphabetic` (the `Alphabetic`
//! property: all letters, letter numbers and the marks that are `Other_Alphabetic`,
//! which covers most vowel signs) plus the marks that are not `Alphabetic` in
//! [`MARKS`]: the combining diacritics blocks (U+0300–U+036F, U+1AB0–U+1AFF,
//! U+1DC0–U+1DFF, U+20D0–U+20FF, U+FE20–U+FE2F) and, for Devanagari, Bengali, Gurmukhi,
//! Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam and Sinhala, the nuktas, viramas
//! and other non-alphabetic marks (general category `M*` less `Alphabetic`, Unicode 17).
//! A joiner beside a mark of another script outside that list is reported; extend
//! [`MARKS`] if a real name needs it. A joiner at the end of a word is reported even
//! after a virama (the pre-Unicode-5.1 Malayalam chillu, `ണ്` + ZWJ): the atomic chillu
//! letters U+0D7A–U+0D7F are the encoding to use.
//!
//! Everything else is accepted, including unassigned code points and private use
//! characters: a name is shown, not interpreted.

use super::pictographic::is_extended_pictographic;

/// Why a name is not accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameProblem {
    /// More than 100 characters after trimming.
    TooLong,
    /// A control character (general category `Cc`).
    ControlCharacter,
    /// A bidi control, zero-width space, word joiner or BOM.
    InvisibleCharacter,
    /// An emoji (`Extended_Pictographic`, a flag letter, a skin tone or a keycap).
    Emoji,
    /// A zero-width joiner or non-joiner that is not between two letters or marks.
    MisplacedJoiner,
}

impl NameProblem {
    /// A stable snake_case name for the problem, e.g. `"misplaced_joiner"`.
    ///
    /// # Example
    /// ```
    /// use roster_rules::rules::name::NameProblem;
    /// assert_eq!(NameProblem::Emoji.as_str(), "emoji");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            NameProblem::TooLong => "too_long",
            NameProblem::ControlCharacter => "control_character",
            NameProblem::InvisibleCharacter => "invisible_character",
            NameProblem::Emoji => "emoji",
            NameProblem::MisplacedJoiner => "misplaced_joiner",
        }
    }

    /// A short English phrase for the problem, to complete "The name …".
    pub fn describe(&self) -> &'static str {
        match self {
            NameProblem::TooLong => "is longer than 100 characters",
            NameProblem::ControlCharacter => "contains a control character",
            NameProblem::InvisibleCharacter => "contains an invisible formatting character",
            NameProblem::Emoji => "contains an emoji",
            NameProblem::MisplacedJoiner => "contains a zero-width joiner outside a word",
        }
    }
}

/// A [`NameProblem`] and where it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NameError {
    /// What is wrong.
    pub problem: NameProblem,
    /// Where, in Unicode scalar values (Rust `char`s) from the start of the input as
    /// given, before trimming: the offending character, or for
    /// [`NameProblem::TooLong`] the first character past the limit. (A JavaScript
    /// caller counting UTF-16 units must convert.)
    pub offset: usize,
    /// The same place as a byte offset into the input as given (UTF-8).
    pub byte_offset: usize,
}

impl core::fmt::Display for NameError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "the name {} (at character {})", self.problem.describe(), self.offset)
    }
}

impl std::error::Error for NameError {}

/// The longest name, in Unicode scalar values.
pub const MAX_CHARS: usize = 100;

/// Marks that are not `Alphabetic`, inclusive ranges, sorted (see the module docs).
pub const MARKS: &[(char, char)] = &[
    ('\u{0300}', '\u{036F}'), // combining diacritical marks
    ('\u{093C}', '\u{093C}'), // Devanagari nukta
    ('\u{094D}', '\u{094D}'), // Devanagari virama
    ('\u{0951}', '\u{0954}'), // Devanagari stress signs
    ('\u{09BC}', '\u{09BC}'), // Bengali nukta
    ('\u{09CD}', '\u{09CD}'), // Bengali virama
    ('\u{09FE}', '\u{09FE}'), // Bengali sandhi mark
    ('\u{0A3C}', '\u{0A3C}'), // Gurmukhi nukta
    ('\u{0A4D}', '\u{0A4D}'), // Gurmukhi virama
    ('\u{0ABC}', '\u{0ABC}'), // Gujarati nukta
    ('\u{0ACD}', '\u{0ACD}'), // Gujarati virama
    ('\u{0AFD}', '\u{0AFF}'), // Gujarati nukta variants
    ('\u{0B3C}', '\u{0B3C}'), // Oriya nukta
    ('\u{0B4D}', '\u{0B4D}'), // Oriya virama
    ('\u{0B55}', '\u{0B55}'), // Oriya sign overline
    ('\u{0BCD}', '\u{0BCD}'), // Tamil virama (pulli)
    ('\u{0C3C}', '\u{0C3C}'), // Telugu nukta
    ('\u{0C4D}', '\u{0C4D}'), // Telugu virama
    ('\u{0CBC}', '\u{0CBC}'), // Kannada nukta
    ('\u{0CCD}', '\u{0CCD}'), // Kannada virama
    ('\u{0D3B}', '\u{0D3C}'), // Malayalam vertical bar viramas
    ('\u{0D4D}', '\u{0D4D}'), // Malayalam virama (chandrakkala)
    ('\u{0DCA}', '\u{0DCA}'), // Sinhala virama (al-lakuna)
    ('\u{1AB0}', '\u{1AFF}'), // combining diacritical marks extended
    ('\u{1DC0}', '\u{1DFF}'), // combining diacritical marks supplement
    ('\u{20D0}', '\u{20FF}'), // combining marks for symbols
    ('\u{FE20}', '\u{FE2F}'), // combining half marks
];

const ZWNJ: char = '\u{200C}';
const ZWJ: char = '\u{200D}';

/// Checks a display name; returns it trimmed of Unicode white space.
///
/// # Errors
/// The first problem from the left, as a [`NameError`] with its offset.
///
/// # Example
/// ```
/// use roster_rules::rules::name::{validate, NameProblem};
/// assert_eq!(validate("  आशा राव "), Ok("आशा राव"));
/// let err = validate("Asha 😀").unwrap_err();
/// assert_eq!((err.problem, err.offset), (NameProblem::Emoji, 5));
/// ```
pub fn validate(input: &str) -> Result<&str, NameError> {
    let name = input.trim_start();
    let lead_bytes = input.len() - name.len();
    let lead_chars = input.get(..lead_bytes).map_or(0, |s| s.chars().count());
    let name = name.trim_end();

    let mut prev: Option<char> = None;
    let mut iter = name.char_indices().enumerate().peekable();
    while let Some((i, (at, c))) = iter.next() {
        let problem = if i >= MAX_CHARS {
            Some(NameProblem::TooLong)
        } else if c.is_control() {
            Some(NameProblem::ControlCharacter)
        } else if is_invisible(c) {
            Some(NameProblem::InvisibleCharacter)
        } else if is_emoji(c) {
            Some(NameProblem::Emoji)
        } else if c == ZWJ || c == ZWNJ {
            let next = iter.peek().map(|&(_, (_, n))| n);
            let joins = prev.is_some_and(is_letter_or_mark) && next.is_some_and(is_letter_or_mark);
            (!joins).then_some(NameProblem::MisplacedJoiner)
        } else {
            None
        };
        if let Some(problem) = problem {
            return Err(NameError { problem, offset: lead_chars + i, byte_offset: lead_bytes + at });
        }
        prev = Some(c);
    }
    Ok(name)
}

/// The invisible format characters a name may not contain (module docs).
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200B}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// An emoji or emoji building block (module docs).
fn is_emoji(c: char) -> bool {
    matches!(c, '\u{1F1E6}'..='\u{1F1FF}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{20E3}') || is_extended_pictographic(c)
}

/// A letter or a mark, as far as joiners are concerned (module docs).
pub fn is_letter_or_mark(c: char) -> bool {
    c.is_alphabetic() || super::in_ranges(MARKS, c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[track_caller]
    fn ok(s: &str) {
        assert_eq!(validate(s), Ok(s.trim()), "{s:?}");
    }

    #[track_caller]
    fn err(s: &str, problem: NameProblem, offset: usize) {
        let e = validate(s).unwrap_err();
        assert_eq!((e.problem, e.offset), (problem, offset), "{s:?}");
        let byte_offset = s.char_indices().nth(offset).map(|(b, _)| b);
        assert_eq!(Some(e.byte_offset), byte_offset, "{s:?}");
    }

    #[test]
    fn name_accepts_latin_and_indic_names() {
        ok("Asha Rao");
        ok("आशा राव");
        ok("ਗੁਰਪ੍ਰੀਤ ਕੌਰ");
        ok("শ্রেয়া");
        ok("Zoë O'Brien-Núñez");
        ok("李小龙");
        ok("محمد");
        ok("A");
        ok("R2-D2 #7 *");
    }

    #[test]
    fn name_accepts_joiners_inside_words() {
        ok("क्\u{200D}ष"); // Devanagari half form
        ok("க்\u{200C}ஷ"); // Tamil, ZWNJ after the pulli
        ok("ශ්\u{200D}රී"); // Sinhala rakaransaya
    }

    #[test]
    fn name_accepts_zwnj_in_persian() {
        ok("می\u{200C}خواهم");
    }

    #[test]
    fn name_trims_unicode_whitespace() {
        assert_eq!(validate("\u{3000}\u{A0} Asha Rao\n\u{2003}"), Ok("Asha Rao"));
    }

    #[test]
    fn name_offsets_count_the_trimmed_prefix() {
        err("  Asha\u{0}", NameProblem::ControlCharacter, 6);
        err("\u{3000}आ\u{200B}", NameProblem::InvisibleCharacter, 2);
    }

    #[test]
    fn name_rejects_emoji() {
        err("Asha 😀", NameProblem::Emoji, 5);
        err("©Asha", NameProblem::Emoji, 0);
        err("Asha®", NameProblem::Emoji, 4);
        err("Asha ❤", NameProblem::Emoji, 5);
        err("Asha 🇮🇳", NameProblem::Emoji, 5);
        err("Asha 👍🏽", NameProblem::Emoji, 5);
        err("Asha \u{1F3FD}", NameProblem::Emoji, 5);
        err("Asha 1\u{FE0F}\u{20E3}", NameProblem::Emoji, 7);
    }

    #[test]
    fn name_rejects_control_characters() {
        err("As\u{0}ha", NameProblem::ControlCharacter, 2);
        err("Asha\tRao", NameProblem::ControlCharacter, 4);
        err("Asha\nRao", NameProblem::ControlCharacter, 4);
        err("Asha\u{7F}", NameProblem::ControlCharacter, 4);
        err("Asha\u{85}Rao", NameProblem::ControlCharacter, 4);
    }

    #[test]
    fn name_rejects_invisible_characters() {
        err("Asha\u{202E}", NameProblem::InvisibleCharacter, 4);
        err("\u{202A}Asha", NameProblem::InvisibleCharacter, 0);
        err("Asha\u{200E}", NameProblem::InvisibleCharacter, 4);
        err("Asha\u{200F}", NameProblem::InvisibleCharacter, 4);
        err("Asha\u{061C}", NameProblem::InvisibleCharacter, 4);
        err("Asha\u{2066}Rao\u{2069}", NameProblem::InvisibleCharacter, 4);
        err("As\u{200B}ha", NameProblem::InvisibleCharacter, 2);
        err("As\u{2060}ha", NameProblem::InvisibleCharacter, 2);
        err("\u{FEFF}Asha", NameProblem::InvisibleCharacter, 0);
    }

    #[test]
    fn name_rejects_misplaced_joiner() {
        err("\u{200D}Asha", NameProblem::MisplacedJoiner, 0);
        err("Asha\u{200C}", NameProblem::MisplacedJoiner, 4);
        err("Asha \u{200D}Rao", NameProblem::MisplacedJoiner, 5);
        err("As\u{200D}\u{200D}ha", NameProblem::MisplacedJoiner, 2);
        err("R2\u{200D}D2", NameProblem::MisplacedJoiner, 2);
        err("\u{200D}", NameProblem::MisplacedJoiner, 0);
        // The pre-Unicode-5.1 Malayalam chillu (consonant, virama, ZWJ at the end of a
        // word) is rejected too: the rule wants a letter or mark on both sides.
        err("അരുണ്\u{200D}", NameProblem::MisplacedJoiner, 5);
    }

    #[test]
    fn name_length_limit_is_100_characters() {
        ok(&"आ".repeat(100));
        err(&"a".repeat(101), NameProblem::TooLong, 100);
        err(&format!("  {}", "आ".repeat(101)), NameProblem::TooLong, 102);
        // Trailing white space does not count.
        ok(&format!("{}   ", "a".repeat(100)));
    }

    #[test]
    fn name_reports_the_first_problem_from_the_left() {
        err("😀\u{0}", NameProblem::Emoji, 0);
        err(&format!("{}😀", "a".repeat(100)), NameProblem::TooLong, 100);
    }

    #[test]
    fn name_survives_huge_input() {
        err(&"a".repeat(10_000_000), NameProblem::TooLong, 100);
        let spaces = " ".repeat(10_000_000);
        assert_eq!(validate(&format!("{spaces}Asha{spaces}")), Ok("Asha"));
    }

    #[test]
    fn name_marks_table_is_sorted_and_disjoint() {
        assert!(MARKS.iter().all(|&(lo, hi)| lo <= hi));
        assert!(MARKS.windows(2).all(|w| w[0].1 < w[1].0));
        for (lo, hi) in MARKS {
            assert!(is_letter_or_mark(*lo) && is_letter_or_mark(*hi));
        }
        assert!(!is_letter_or_mark(' ') && !is_letter_or_mark('1') && !is_letter_or_mark(ZWJ));
    }

    #[test]
    fn name_problem_names_are_snake_case_and_distinct() {
        let all = [
            NameProblem::TooLong,
            NameProblem::ControlCharacter,
            NameProblem::InvisibleCharacter,
            NameProblem::Emoji,
            NameProblem::MisplacedJoiner,
        ];
        let names: std::collections::BTreeSet<_> = all.iter().map(|p| p.as_str()).collect();
        assert_eq!(names.len(), all.len());
        for p in all {
            assert!(p.as_str().bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
            assert!(!p.describe().is_empty());
        }
    }

    fn forbidden(c: char) -> bool {
        c.is_control() || is_invisible(c) || is_emoji(c)
    }

    fn name_like() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                6 => proptest::sample::select(vec![
                    'a', 'Z', ' ', 'क', '\u{094D}', 'ष', '\u{200D}', '\u{200C}', '\u{202E}',
                    '\u{200B}', '\u{FEFF}', '\u{0}', '\n', '😀', '©', '\u{1F1EE}', '\u{3000}',
                ]),
                1 => any::<char>(),
            ],
            0..120,
        )
        .prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #[test]
        fn name_valid_names_hold_no_forbidden_character(s in name_like()) {
            if let Ok(name) = validate(&s) {
                prop_assert!(name.chars().count() <= MAX_CHARS);
                prop_assert!(!name.chars().any(forbidden), "{:?}", name);
                prop_assert_eq!(name, s.trim());
                let chars: Vec<char> = name.chars().collect();
                for (i, &c) in chars.iter().enumerate() {
                    if c == ZWJ || c == ZWNJ {
                        prop_assert!(i > 0 && is_letter_or_mark(chars[i - 1]));
                        prop_assert!(chars.get(i + 1).copied().is_some_and(is_letter_or_mark));
                    }
                }
            }
        }

        #[test]
        fn name_error_offset_points_at_the_culprit(s in name_like()) {
            if let Err(e) = validate(&s) {
                let c = s.chars().nth(e.offset).unwrap();
                prop_assert_eq!(s.char_indices().nth(e.offset).map(|(b, _)| b), Some(e.byte_offset));
                match e.problem {
                    NameProblem::TooLong => prop_assert_eq!(
                        e.offset - (s.chars().count() - s.trim_start().chars().count()),
                        MAX_CHARS
                    ),
                    NameProblem::MisplacedJoiner => prop_assert!(c == ZWJ || c == ZWNJ),
                    _ => prop_assert!(forbidden(c)),
                }
            }
        }

        #[test]
        fn name_validate_never_panics(s in any::<String>()) {
            let _ = validate(&s);
        }
    }
}
