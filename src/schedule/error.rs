//! Why a schedule's text was rejected, and where.

use core::fmt;

/// A schedule's text could not be parsed: what went wrong and where.
///
/// `offset` counts Unicode scalar values (Rust `char`s) from the start of the
/// original text, not bytes and not UTF-16 units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ScheduleError {
    /// What went wrong.
    pub kind: ScheduleErrorKind,
    /// Where it went wrong, in `char`s from the start of the original text.
    pub offset: usize,
}

/// The two families of schedule errors, each with its own violation code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScheduleErrorKind {
    /// The text is not in the accepted language (`schedule_invalid`).
    Invalid(Reason),
    /// Two spans of one rule overlap (`schedule_overlap`); the offset is the
    /// start of the second span.
    Overlap,
}

/// Why a schedule's text is invalid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// The text is empty or only whitespace.
    Empty,
    /// The text is longer than 1024 characters (the offset is 1024), or shorter text
    /// whose canonical form would be (the offset is the end of the text).
    TooLong,
    /// A rule must start with a day, a time or a keyword such as `off`.
    ExpectedRule,
    /// A day name was expected (after `,` or `-` in a day list).
    ExpectedDay,
    /// A time such as `09:00` or `9am` was expected.
    ExpectedTime,
    /// A `-` (or `–`, `—`, ` to `) was expected between two times.
    ExpectedDash,
    /// An hour or minute is out of range: a start after 23:59, an end after
    /// 24:00, minutes above 59, or a 12-hour clock hour outside 1–12.
    TimeOutOfRange,
    /// Text that fits nowhere in the grammar.
    UnexpectedInput,
    /// Two rules joined by `,` instead of `;`.
    RuleComma,
    /// `off` after times (`Mo 10:00-12:00 off`), which only `off` after days may do.
    TimeSpecificOff,
    /// Public or school holidays (`PH`, `SH`).
    Holiday,
    /// Months or dates (`Jan`, `Dec 25`).
    Month,
    /// Week numbers (`week 01-10`).
    Week,
    /// Times relative to the sun (`sunrise`, `sunset`, `dawn`, `dusk`).
    SolarTime,
    /// Fallback rules joined by `||`.
    Fallback,
    /// Comments in double quotes.
    Comment,
    /// Another `opening_hours` feature outside the subset (years, `+`, `[1]` …).
    Unsupported,
}

impl Reason {
    /// A short English phrase for people, such as "expected a day such as Mo".
    pub fn describe(&self) -> &'static str {
        match self {
            Reason::Empty => "the schedule is empty",
            Reason::TooLong => "the schedule is longer than 1024 characters",
            Reason::ExpectedRule => "expected a day such as Mo or a time such as 09:00",
            Reason::ExpectedDay => "expected a day such as Mo",
            Reason::ExpectedTime => "expected a time such as 09:00",
            Reason::ExpectedDash => "expected '-' between the start and end times",
            Reason::TimeOutOfRange => "time out of range: starts run from 00:00 to 23:59, ends up to 24:00",
            Reason::UnexpectedInput => "unexpected text",
            Reason::RuleComma => "separate rules with ';', not ','",
            Reason::TimeSpecificOff => "'off' may follow days only, not times",
            Reason::Holiday => "public and school holidays are not supported",
            Reason::Month => "months and dates are not supported",
            Reason::Week => "week numbers are not supported",
            Reason::SolarTime => "sunrise and sunset times are not supported",
            Reason::Fallback => "fallback rules ('||') are not supported",
            Reason::Comment => "comments are not supported",
            Reason::Unsupported => "this opening_hours feature is not supported",
        }
    }

    /// A stable snake_case token for machines, such as `expected_day`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Reason::Empty => "empty",
            Reason::TooLong => "too_long",
            Reason::ExpectedRule => "expected_rule",
            Reason::ExpectedDay => "expected_day",
            Reason::ExpectedTime => "expected_time",
            Reason::ExpectedDash => "expected_dash",
            Reason::TimeOutOfRange => "time_out_of_range",
            Reason::UnexpectedInput => "unexpected_input",
            Reason::RuleComma => "rule_comma",
            Reason::TimeSpecificOff => "time_specific_off",
            Reason::Holiday => "holiday",
            Reason::Month => "month",
            Reason::Week => "week",
            Reason::SolarTime => "solar_time",
            Reason::Fallback => "fallback",
            Reason::Comment => "comment",
            Reason::Unsupported => "unsupported",
        }
    }
}

impl ScheduleErrorKind {
    /// The violation code: `schedule_invalid` or `schedule_overlap`.
    pub fn code(&self) -> &'static str {
        match self {
            ScheduleErrorKind::Invalid(_) => "schedule_invalid",
            ScheduleErrorKind::Overlap => "schedule_overlap",
        }
    }

    /// A short English phrase for people.
    pub fn describe(&self) -> &'static str {
        match self {
            ScheduleErrorKind::Invalid(reason) => reason.describe(),
            ScheduleErrorKind::Overlap => "two time spans of one rule overlap",
        }
    }

    /// A stable snake_case token: the reason's token, or `overlap`.
    pub fn as_str(&self) -> &'static str {
        match self {
            ScheduleErrorKind::Invalid(reason) => reason.as_str(),
            ScheduleErrorKind::Overlap => "overlap",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

impl fmt::Display for ScheduleErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

impl fmt::Display for ScheduleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.kind, self.offset)
    }
}

impl std::error::Error for ScheduleError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_reason_and_offset() {
        let err = ScheduleError { kind: ScheduleErrorKind::Invalid(Reason::ExpectedDay), offset: 3 };
        assert_eq!(err.to_string(), "expected a day such as Mo (at character 3)");
        assert_eq!(err.kind.code(), "schedule_invalid");
        assert_eq!(ScheduleErrorKind::Overlap.code(), "schedule_overlap");
        assert_eq!(Reason::TimeOutOfRange.as_str(), "time_out_of_range");
    }
}
