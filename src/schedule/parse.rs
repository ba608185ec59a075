//! The hand-written parser: canonical and friendly text to normalised rules.
//!
//! Each step takes the remaining input and returns a value and the rest, or a
//! [`Fail`] that points into the input; offsets in `char`s are worked out only
//! when an error leaves the module.

use super::rule::{Body, DayRange, RawSpan, Rule};
use super::{Reason, ScheduleError, ScheduleErrorKind, Weekday, MINUTES_PER_DAY};

/// Longest accepted input, in `char`s.
pub(super) const MAX_CHARS: usize = 1024;

/// A failed step: what went wrong and the input left at that point.
struct Fail<'a> {
    kind: ScheduleErrorKind,
    /// A suffix of the original text.
    at: &'a str,
}

/// The result of one step: a value and the rest of the input.
type Step<'a, T> = Result<(T, &'a str), Fail<'a>>;

fn invalid(reason: Reason, at: &str) -> Fail<'_> {
    Fail { kind: ScheduleErrorKind::Invalid(reason), at }
}

/// Parses a whole schedule into normalised rules.
pub(super) fn parse(text: &str) -> Result<Vec<Rule>, ScheduleError> {
    // Bytes bound chars from above and a char is at most four bytes, so the
    // count is needed only for 1025..=4096 bytes: cheap on a 10 MB string.
    if text.len() > MAX_CHARS && (text.len() > 4 * MAX_CHARS || text.chars().count() > MAX_CHARS) {
        return Err(ScheduleError { kind: ScheduleErrorKind::Invalid(Reason::TooLong), offset: MAX_CHARS });
    }
    schedule(text).map_err(|fail| ScheduleError {
        kind: fail.kind,
        offset: text.chars().count().saturating_sub(fail.at.chars().count()),
    })
}

fn schedule(text: &str) -> Result<Vec<Rule>, Fail<'_>> {
    let mut rest = skip_ws(text);
    if rest.is_empty() {
        return Err(invalid(Reason::Empty, text));
    }
    let mut rules = Vec::with_capacity(4);
    loop {
        let (rule, after) = rule(rest)?;
        // A rule without days adds to what the rules before it say (as opening_hours.js
        // reads it), unless it closes every day or follows another rule without days,
        // which it replaces with all that came before: those rules are dropped here, so
        // the evaluator only ever adds a day-less rule's spans.
        let follows_dayless = rules.last().is_some_and(|r: &Rule| r.days.is_empty());
        if rule.days.is_empty() && (rule.body == Body::Off || follows_dayless) {
            rules.clear();
        }
        rules.push(rule);
        let after = skip_ws(after);
        match after.strip_prefix(';') {
            Some(next) => {
                rest = skip_ws(next);
                if rest.is_empty() {
                    break;
                }
            }
            None if after.is_empty() => break,
            None => return Err(unexpected(after)),
        }
    }
    // Leading `off` rules only restate the default (closed).
    let leading_off = rules.iter().take_while(|r| r.body == Body::Off).count();
    if leading_off < rules.len() {
        rules.drain(..leading_off);
    }
    Ok(rules)
}

fn rule(s: &str) -> Step<'_, Rule> {
    if starts_with_digit(s) && !s.starts_with("24/7") {
        let (spans, rest) = spans(s)?;
        return Ok((Rule::every_day(Body::Spans(spans)), rest));
    }
    if let Some(rest) = all_day(s) {
        return Ok((Rule::every_day(Body::AllDay), rest));
    }
    if let Some(rest) = closed(s) {
        return Ok((Rule::every_day(Body::Off), rest));
    }
    if day(s).is_none() {
        return Err(expected(s, Reason::ExpectedRule));
    }
    let (days, after_days) = days(s)?;
    let t = skip_ws(after_days);
    if t.is_empty() || t.starts_with(';') {
        return Ok((Rule { days, body: Body::AllDay }, after_days));
    }
    if t.len() == after_days.len() {
        // Days and what follows them need whitespace between (`Mo[1]`, `Mo:`).
        return Err(unexpected(t));
    }
    let (body, rest) = if let Some(rest) = all_day(t) {
        (Body::AllDay, rest)
    } else if let Some(rest) = closed(t) {
        (Body::Off, rest)
    } else if starts_with_digit(t) {
        let (spans, rest) = spans(t)?;
        (Body::Spans(spans), rest)
    } else {
        return Err(expected(t, Reason::ExpectedTime));
    };
    Ok((Rule { days, body }, rest))
}

fn days(s: &str) -> Step<'_, Vec<DayRange>> {
    let mut ranges = Vec::with_capacity(4);
    let mut rest = s;
    loop {
        let (first, after_first) = day(rest).ok_or_else(|| expected(rest, Reason::ExpectedDay))?;
        let (last, after_range) = match dash(after_first) {
            Some(r) => day(r).ok_or_else(|| expected(r, Reason::ExpectedDay))?,
            None => (first, after_first),
        };
        ranges.push(DayRange { first, last });
        match skip_ws(after_range).strip_prefix(',') {
            Some(next) => rest = skip_ws(next),
            None => return Ok((ranges, after_range)),
        }
    }
}

/// A day name, full or short, in any case.
fn day(s: &str) -> Option<(Weekday, &str)> {
    let (word, rest) = word(s);
    // The first two letters pick the day; the whole word must be one of its names.
    let prefix = word.get(..2)?;
    let (day, names) =
        DAY_NAMES.iter().find(|(_, names)| names.first().is_some_and(|n| n.eq_ignore_ascii_case(prefix)))?;
    names.iter().any(|n| n.eq_ignore_ascii_case(word)).then_some((*day, rest))
}

const DAY_NAMES: [(Weekday, &[&str]); 7] = [
    (Weekday::Mo, &["mo", "mon", "monday"]),
    (Weekday::Tu, &["tu", "tue", "tues", "tuesday"]),
    (Weekday::We, &["we", "wed", "weds", "wednesday"]),
    (Weekday::Th, &["th", "thu", "thur", "thurs", "thursday"]),
    (Weekday::Fr, &["fr", "fri", "friday"]),
    (Weekday::Sa, &["sa", "sat", "saturday"]),
    (Weekday::Su, &["su", "sun", "sunday"]),
];

fn spans(s: &str) -> Step<'_, Vec<RawSpan>> {
    let mut list: Vec<RawSpan> = Vec::with_capacity(4);
    let mut rest = s;
    loop {
        let (span, after) = span(rest)?;
        if list.iter().any(|earlier| earlier.overlaps(span)) {
            return Err(Fail { kind: ScheduleErrorKind::Overlap, at: rest });
        }
        list.push(span);
        // Only a time continues the list; `, Sa 10:00` is left for the caller to
        // report as rules joined by a comma.
        match skip_ws(after).strip_prefix(',').map(skip_ws) {
            Some(next) if starts_with_digit(next) => rest = next,
            _ => return Ok((list, after)),
        }
    }
}

fn span(s: &str) -> Step<'_, RawSpan> {
    let (start, after_start) = time(s)?;
    if start >= MINUTES_PER_DAY {
        return Err(invalid(Reason::TimeOutOfRange, s));
    }
    let after_dash = dash(after_start).ok_or_else(|| expected(skip_ws(after_start), Reason::ExpectedDash))?;
    let (end, rest) = time(after_dash)?;
    let end = if end > start { end } else { end + MINUTES_PER_DAY };
    Ok((RawSpan { start, end }, rest))
}

/// A time of day in minutes, `0..=1440`: `HH:MM`, `H:MM`, or 12-hour `H[:MM] am`.
fn time(s: &str) -> Step<'_, u16> {
    let (hour, after_hour) = digits(s);
    if !(1..=2).contains(&hour.len()) {
        return Err(expected(s, Reason::ExpectedTime));
    }
    let (minute, after_minute) = match after_hour.strip_prefix(':') {
        Some(m) => {
            let (minute, rest) = digits(m);
            if minute.len() != 2 {
                return Err(invalid(Reason::ExpectedTime, m));
            }
            (Some(minute), rest)
        }
        None => (None, after_hour),
    };
    let hour = number(hour);
    let minute_value = minute.map_or(0, number);
    let (meridiem, rest) = meridiem(after_minute);
    let value = match meridiem {
        None if minute.is_none() => return Err(invalid(Reason::ExpectedTime, s)),
        None if hour > 24 || minute_value > 59 || (hour == 24 && minute_value > 0) => {
            return Err(invalid(Reason::TimeOutOfRange, s))
        }
        None => hour * 60 + minute_value,
        Some(_) if hour == 0 || hour > 12 || minute_value > 59 => return Err(invalid(Reason::TimeOutOfRange, s)),
        Some(pm) => (hour % 12 + if pm { 12 } else { 0 }) * 60 + minute_value,
    };
    Ok((value, rest))
}

/// `am` / `pm` (or `a.m.` / `p.m.`) after optional whitespace: `Some(true)` for pm.
fn meridiem(s: &str) -> (Option<bool>, &str) {
    let t = skip_ws(s);
    if !t.starts_with(['a', 'p', 'A', 'P']) {
        return (None, s);
    }
    for (token, pm) in [("a.m.", false), ("p.m.", true), ("am", false), ("pm", true)] {
        if let Some(rest) = strip_prefix_ci(t, token) {
            if !rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
                return (Some(pm), rest);
            }
        }
    }
    (None, s)
}

/// A dash between days or times: `-`, `–`, `—` with optional whitespace, or ` to `.
fn dash(s: &str) -> Option<&str> {
    let t = skip_ws(s);
    if let Some(rest) = t.strip_prefix(['-', '\u{2013}', '\u{2014}']) {
        return Some(skip_ws(rest));
    }
    let rest = strip_prefix_ci(t, "to")?;
    let after = skip_ws(rest);
    (t.len() < s.len() && after.len() < rest.len()).then_some(after)
}

/// `24/7` or `all day` (`all-day`).
fn all_day(s: &str) -> Option<&str> {
    if let Some(rest) = s.strip_prefix("24/7") {
        return (!starts_with_word_char(rest)).then_some(rest);
    }
    let rest = keyword(s, "all")?;
    let between = skip_ws(rest);
    let between = if between.len() < rest.len() { between } else { rest.strip_prefix('-')? };
    keyword(between, "day")
}

/// `off` or `closed`.
fn closed(s: &str) -> Option<&str> {
    keyword(s, "off").or_else(|| keyword(s, "closed"))
}

/// `word` in any case, as a whole word.
fn keyword<'a>(s: &'a str, word: &str) -> Option<&'a str> {
    let rest = strip_prefix_ci(s, word)?;
    (!starts_with_word_char(rest)).then_some(rest)
}

/// Reports that `reason`'s item was expected at `at`, unless `at` starts a
/// construct that is recognisably outside the subset.
fn expected(at: &str, reason: Reason) -> Fail<'_> {
    invalid(unsupported(at).unwrap_or(reason), at)
}

/// Reports text left over where a rule should have ended.
fn unexpected(at: &str) -> Fail<'_> {
    let reason = if let Some(rest) = at.strip_prefix(',') {
        let next = skip_ws(rest);
        if next.starts_with(|c: char| c.is_ascii_alphabetic()) {
            Reason::RuleComma
        } else {
            return expected(next, Reason::ExpectedTime);
        }
    } else if closed(at).is_some() {
        Reason::TimeSpecificOff
    } else {
        unsupported(at).unwrap_or(Reason::UnexpectedInput)
    };
    invalid(reason, at)
}

/// Recognises `opening_hours` constructs outside the subset.
fn unsupported(s: &str) -> Option<Reason> {
    if s.starts_with("||") {
        return Some(Reason::Fallback);
    }
    if s.starts_with('"') {
        return Some(Reason::Comment);
    }
    if s.starts_with(['+', '[', '(', '/']) {
        return Some(Reason::Unsupported);
    }
    let (year, _) = digits(s);
    if year.len() == 4 {
        return Some(Reason::Unsupported);
    }
    let (word, _) = word(s);
    let is = |names: &[&str]| names.iter().any(|n| n.eq_ignore_ascii_case(word));
    if is(&["ph", "sh"]) {
        Some(Reason::Holiday)
    } else if is_month(word) {
        Some(Reason::Month)
    } else if is(&["week"]) {
        Some(Reason::Week)
    } else if is(&["sunrise", "sunset", "dawn", "dusk"]) {
        Some(Reason::SolarTime)
    } else if is(&["open", "unknown", "easter"]) {
        Some(Reason::Unsupported)
    } else {
        None
    }
}

/// Month names; any prefix of three letters or more names the month (`Sept`).
const MONTHS: &str = "january february march april may june july august september october november december";

fn is_month(word: &str) -> bool {
    word.len() >= 3 && MONTHS.split(' ').any(|m| m.get(..word.len()).is_some_and(|p| p.eq_ignore_ascii_case(word)))
}

fn skip_ws(s: &str) -> &str {
    // Fast path: most steps start at a printable ASCII char. The only ASCII
    // whitespace for `char::is_whitespace` is 0x09..=0x0D and the space.
    match s.as_bytes().first() {
        Some(&b) if b < 0x80 && b != b' ' && !(0x09..=0x0d).contains(&b) => s,
        None => s,
        Some(_) => s.trim_start(),
    }
}

fn starts_with_digit(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_digit())
}

fn starts_with_word_char(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// The leading run of ASCII letters and the rest.
fn word(s: &str) -> (&str, &str) {
    let n = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    // ASCII letters are one byte each, so `n` is a char boundary.
    s.split_at_checked(n).unwrap_or((s, ""))
}

/// The leading run of ASCII digits and the rest.
fn digits(s: &str) -> (&str, &str) {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    s.split_at_checked(n).unwrap_or((s, ""))
}

/// The value of at most two ASCII digits.
fn number(digits: &str) -> u16 {
    digits.bytes().fold(0, |n, b| n * 10 + u16::from(b.wrapping_sub(b'0')))
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    if head.eq_ignore_ascii_case(prefix) {
        s.get(prefix.len()..)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Reason, Schedule, ScheduleErrorKind};

    #[track_caller]
    fn canonical(text: &str) -> String {
        match Schedule::parse(text) {
            Ok(schedule) => schedule.canonical(),
            Err(err) => panic!("{text:?} failed: {err}"),
        }
    }

    #[track_caller]
    fn invalid(text: &str, reason: Reason, offset: usize) {
        let err = Schedule::parse(text).expect_err(text);
        assert_eq!((err.kind, err.offset), (ScheduleErrorKind::Invalid(reason), offset), "{text:?}");
    }

    #[track_caller]
    fn overlap(text: &str, offset: usize) {
        let err = Schedule::parse(text).expect_err(text);
        assert_eq!((err.kind, err.offset), (ScheduleErrorKind::Overlap, offset), "{text:?}");
    }

    #[test]
    fn parse_canonical_is_unchanged() {
        for text in [
            "Mo-Fr 09:00-18:00",
            "Mo-Fr 09:30-18:00; Sa 10:00-14:00",
            "Mo,We,Fr 09:00-10:00,11:00-12:00",
            "Fr-Mo 22:00-06:00",
            "Mo-Fr; Sa 10:00-14:00",
            "Mo-Su 09:00-18:00; Sa off",
            "09:00-18:00; Su off",
            "Mo 10:00-10:00",
            "Mo 20:00-24:00",
        ] {
            assert_eq!(canonical(text), text);
        }
    }

    #[test]
    fn parse_friendly_input() {
        for (text, expected) in [
            ("12 am to 12 am", "24/7"),
            ("all day", "24/7"),
            ("All Day", "24/7"),
            ("ALL-DAY", "24/7"),
            ("9am-6pm", "09:00-18:00"),
            ("Mon-Fri 9:30 am to 6 pm", "Mo-Fr 09:30-18:00"),
            ("mon–fri 9am—6pm", "Mo-Fr 09:00-18:00"),
            ("MONDAY - friday 9:00 to 17:30", "Mo-Fr 09:00-17:30"),
            ("Tue, Thurs 12pm-12am", "Tu,Th 12:00-24:00"),
            ("Wednesday 9 a.m. to 5 p.m.", "We 09:00-17:00"),
            ("Sat 9:00-13:00", "Sa 09:00-13:00"),
            ("sun 12am-1am", "Su 00:00-01:00"),
            ("  Mo , We ,Fr 9:00 - 10:00 , 11:00-12:00 ", "Mo,We,Fr 09:00-10:00,11:00-12:00"),
            ("Mo-Fr 09:00-18:00 ;Sa 10:00-14:00;", "Mo-Fr 09:00-18:00; Sa 10:00-14:00"),
            ("Mo to Fr 10:00-11:00", "Mo-Fr 10:00-11:00"),
            ("Mo-Fr all day", "Mo-Fr"),
            ("OFF", "off"),
            ("closed", "off"),
            ("24/7; Sa off", "00:00-24:00; Sa off"),
            ("Mo-Mo 10:00-11:00", "Mo 10:00-11:00"),
        ] {
            assert_eq!(canonical(text), expected, "{text:?}");
        }
    }

    #[test]
    fn parse_rule_without_days_adds_unless_it_follows_one_or_closes() {
        assert_eq!(canonical("Mo 10:00-12:00; 09:00-10:00"), "Mo 10:00-12:00; 09:00-10:00");
        assert_eq!(canonical("Mo 10:00-12:00; 09:00-10:00; 11:00-12:00"), "11:00-12:00");
        assert_eq!(canonical("Mo 10:00-12:00; off; Tu 10:00-11:00"), "Tu 10:00-11:00");
        assert_eq!(canonical("Mo 10:00-12:00; off"), "off");
        assert_eq!(canonical("off; Mo 10:00-12:00"), "Mo 10:00-12:00");
        assert_eq!(canonical("Sa off; Su off; Mo 10:00-12:00"), "Mo 10:00-12:00");
        assert_eq!(canonical("Mo off; Mo 10:00-12:00; Mo off"), "off");
    }

    #[test]
    fn err_schedule_empty() {
        invalid("", Reason::Empty, 0);
        invalid(" \t ", Reason::Empty, 0);
    }

    #[test]
    fn err_schedule_hour_25() {
        invalid("Mo 25:00-26:00", Reason::TimeOutOfRange, 3);
    }

    #[test]
    fn err_schedule_times_out_of_range() {
        invalid("Mo 10:00-24:30", Reason::TimeOutOfRange, 9);
        invalid("Mo 10:00-25:00", Reason::TimeOutOfRange, 9);
        invalid("Mo 24:00-01:00", Reason::TimeOutOfRange, 3);
        invalid("Mo 10:60-11:00", Reason::TimeOutOfRange, 3);
        invalid("Mo 13pm-2pm", Reason::TimeOutOfRange, 3);
        invalid("Mo 0am-1am", Reason::TimeOutOfRange, 3);
    }

    #[test]
    fn err_schedule_malformed() {
        invalid("Mo 9-17", Reason::ExpectedTime, 3);
        invalid("Mo 9:5-10:00", Reason::ExpectedTime, 5);
        invalid("Mo 😀", Reason::ExpectedTime, 3);
        invalid("Mo 10:00", Reason::ExpectedDash, 8);
        invalid("Mo 10:00 12:00", Reason::ExpectedDash, 9);
        invalid("Mo-", Reason::ExpectedDay, 3);
        invalid("Mo,", Reason::ExpectedDay, 3);
        invalid("Mo-Xy 10:00-11:00", Reason::ExpectedDay, 3);
        invalid(";", Reason::ExpectedRule, 0);
        invalid("Mo;;Tu", Reason::ExpectedRule, 3);
        invalid("😀", Reason::ExpectedRule, 0);
        invalid("Мо 10:00-11:00", Reason::ExpectedRule, 0);
        invalid("Mo10:00-12:00", Reason::UnexpectedInput, 2);
        invalid("Mo 10:00-12:00 Tu", Reason::UnexpectedInput, 15);
        invalid("Mo 10:00-12:00 😀", Reason::UnexpectedInput, 15);
        invalid("24/7 Mo", Reason::UnexpectedInput, 5);
    }

    #[test]
    fn err_schedule_unsupported_constructs() {
        invalid("PH off", Reason::Holiday, 0);
        invalid("Mo-Fr 09:00-18:00; PH off", Reason::Holiday, 19);
        invalid("Mo-Fr,SH 09:00-18:00", Reason::Holiday, 6);
        invalid("Jan Mo 10:00-12:00", Reason::Month, 0);
        invalid("Dec 25 off", Reason::Month, 0);
        invalid("week 01-10 Mo", Reason::Week, 0);
        invalid("Mo sunrise-sunset", Reason::SolarTime, 3);
        invalid("Mo 10:00-sunset", Reason::SolarTime, 9);
        invalid("Mo 10:00-12:00 || Tu off", Reason::Fallback, 15);
        invalid("Mo 10:00-12:00 \"call first\"", Reason::Comment, 15);
        invalid("Mo-Fr 09:00-18:00, Sa 10:00-12:00", Reason::RuleComma, 17);
        invalid("Mo-Fr 09:00-18:00,Sa 10:00-12:00", Reason::RuleComma, 17);
        invalid("Sa off, Su off", Reason::RuleComma, 6);
        invalid("Mo 10:00-12:00 off", Reason::TimeSpecificOff, 15);
        invalid("Mo 10:00+", Reason::Unsupported, 8);
        invalid("Mo[1] 10:00-12:00", Reason::Unsupported, 2);
        invalid("2024 Mo", Reason::Unsupported, 0);
        invalid("open", Reason::Unsupported, 0);
    }

    #[test]
    fn err_schedule_offsets_count_chars() {
        // The en dash is three bytes but one char.
        invalid("Mo–Fr 25:00-26:00", Reason::TimeOutOfRange, 6);
        invalid("\u{a0}é", Reason::ExpectedRule, 1);
    }

    #[test]
    fn err_schedule_overlap() {
        overlap("Mo-Fr 09:00-12:00,11:00-13:00", 18);
        overlap("Mo 09:00-12:00,10:00-10:30", 15);
        overlap("Mo 22:00-02:00,23:00-23:30", 15);
        overlap("Mo 08:00-09:00,09:00-12:00, 11:00-11:30", 28);
        overlap("Sa 10:00-14:00; Mo 10:00-10:00,10:30-11:00", 31);
    }

    #[test]
    fn parse_touching_spans_do_not_overlap() {
        assert_eq!(canonical("Mo 09:00-12:00,12:00-13:00"), "Mo 09:00-12:00,12:00-13:00");
        // Measured from the day's start, 22:00-02:00 ends at 26:00: no overlap
        // with 01:00-03:00 of the same day.
        assert_eq!(canonical("Mo 22:00-02:00,01:00-03:00"), "Mo 22:00-02:00,01:00-03:00");
    }

    #[test]
    fn err_schedule_too_long() {
        let long = "Mo 09:00-10:00; ".repeat(100);
        invalid(&long, Reason::TooLong, 1024);
        invalid(&"😀".repeat(1025), Reason::TooLong, 1024);
        invalid(&"x".repeat(10_000_000), Reason::TooLong, 1024);
        // 1024 four-byte chars are within the limit.
        invalid(&"😀".repeat(1024), Reason::ExpectedRule, 0);
    }
}
