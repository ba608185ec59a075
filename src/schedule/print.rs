//! Canonical printing.

use core::fmt::{self, Write};

use super::eval::{self, Week};
use super::rule::{Body, DayRange, RawSpan, Rule};
use super::MINUTES_PER_DAY;

/// Writes `24/7` or `off` when the week is open at every minute or none,
/// otherwise the normalised rules joined by `; `. Into any writer: a `String` directly
/// (the canonical text, on every check), or a `Formatter`.
pub(super) fn write_schedule(f: &mut impl Write, rules: &[Rule], week: &Week) -> fmt::Result {
    if eval::is_always_open(week) {
        return f.write_str("24/7");
    }
    if eval::is_never_open(week) {
        return f.write_str("off");
    }
    for (i, rule) in rules.iter().enumerate() {
        if i > 0 {
            f.write_str("; ")?;
        }
        write_rule(f, rule)?;
    }
    Ok(())
}

fn write_rule(f: &mut impl Write, rule: &Rule) -> fmt::Result {
    for (i, range) in rule.days.iter().enumerate() {
        if i > 0 {
            f.write_char(',')?;
        }
        write_range(f, *range)?;
    }
    let gap = if rule.days.is_empty() { "" } else { " " };
    match &rule.body {
        // Days alone are open all day; without days, spell out the whole day.
        Body::AllDay if rule.days.is_empty() => f.write_str("00:00-24:00"),
        Body::AllDay => Ok(()),
        Body::Off => {
            f.write_str(gap)?;
            f.write_str("off")
        }
        Body::Spans(spans) => {
            f.write_str(gap)?;
            for (i, span) in spans.iter().enumerate() {
                if i > 0 {
                    f.write_char(',')?;
                }
                write_span(f, *span)?;
            }
            Ok(())
        }
    }
}

fn write_range(f: &mut impl Write, range: DayRange) -> fmt::Result {
    f.write_str(range.first.short_name())?;
    if range.last != range.first {
        f.write_char('-')?;
        f.write_str(range.last.short_name())?;
    }
    Ok(())
}

/// An end at midnight prints as `24:00`; a later end as the next day's time,
/// which is at or before the start and so reads back as overnight.
fn write_span(f: &mut impl Write, span: RawSpan) -> fmt::Result {
    write_time(f, span.start)?;
    f.write_char('-')?;
    let end = if span.end > MINUTES_PER_DAY { span.end - MINUTES_PER_DAY } else { span.end };
    write_time(f, end)
}

/// `HH:MM`, with 1440 as `24:00` (digits written directly: this runs on every check).
pub(super) fn write_time(f: &mut impl Write, minutes: u16) -> fmt::Result {
    let digit = |n: u16| char::from(b'0' + (n % 10) as u8);
    let (h, m) = (minutes / 60, minutes % 60);
    for c in [digit(h / 10), digit(h), ':', digit(m / 10), digit(m)] {
        f.write_char(c)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{Schedule, Span};

    #[track_caller]
    fn canonical(text: &str) -> String {
        Schedule::parse(text).unwrap().canonical()
    }

    #[test]
    fn print_end_at_midnight_as_24_00() {
        assert_eq!(canonical("Mo 20:00-00:00"), "Mo 20:00-24:00");
        assert_eq!(canonical("Mo 8pm-12am"), "Mo 20:00-24:00");
        assert_eq!(canonical("Mo 00:00-00:00"), "Mo 00:00-24:00");
        assert_eq!(canonical("Mo 12am-12am"), "Mo 00:00-24:00");
    }

    #[test]
    fn print_overnight_and_full_day_spans() {
        assert_eq!(canonical("Fr 10pm-6am"), "Fr 22:00-06:00");
        assert_eq!(canonical("Fr 10:00-10:00"), "Fr 10:00-10:00");
    }

    #[test]
    fn print_simplifies_whole_week() {
        assert_eq!(canonical("00:00-24:00"), "24/7");
        assert_eq!(canonical("Mo-Fr; Sa,Su 00:00-00:00"), "24/7");
        assert_eq!(canonical("Mo-Su 12:00-12:00"), "24/7");
        assert_eq!(canonical("Sa off"), "off");
        assert_eq!(canonical("Mo 10:00-11:00; Mo off"), "off");
        assert_eq!(Schedule::always().to_string(), "24/7");
        assert_eq!(Schedule::never().to_string(), "off");
    }

    #[test]
    fn print_day_lists_as_written() {
        assert_eq!(canonical("Fr-Mo,We 10:00-11:00"), "Fr-Mo,We 10:00-11:00");
        assert_eq!(canonical("Mo,Tu,We 10:00-11:00"), "Mo,Tu,We 10:00-11:00");
    }

    #[test]
    fn print_span() {
        assert_eq!(Span { start: 570, end: 1440 }.to_string(), "09:30-24:00");
    }
}
