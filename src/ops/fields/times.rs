//! When the user takes calls: `schedule` and `timeZone`.

use std::borrow::Cow;

use super::{as_typed, schedule_verdict, schedule_violation, Check, Mode, ScheduleVerdict};
use crate::field::{Field, Path};
use crate::outcome::Violation;
use crate::problem::Problem;

/// `schedule`: parses (RULES §4), stored in canonical form; never open is a warning.
pub(super) fn schedule(c: &mut Check<'_, '_>, typed: Option<&str>, known: Option<&ScheduleVerdict>) {
    let Some(text) = typed else { return };
    let verdict = match known {
        Some(v) => Cow::Borrowed(v),
        None => Cow::Owned(c.view.state().schedules.verdict(text, schedule_verdict)),
    };
    match verdict.as_ref() {
        Ok((canonical, never_open)) => {
            if *never_open && c.mode != Mode::Audit {
                c.report(Violation::at(Field::Schedule, Problem::ScheduleNeverOpen));
            }
            if c.keeps() {
                c.user.schedule = canonical.clone();
            }
        }
        Err(e) => {
            c.report(schedule_violation(Path::field(Field::Schedule), text, e));
            if c.keeps() {
                c.user.schedule = as_typed(text);
            }
        }
    }
}

/// `timeZone`: an IANA name (old links normalised); `null` or blank clears it.
pub(super) fn time_zone(c: &mut Check<'_, '_>, typed: Option<Option<&str>>) {
    let Some(tz) = typed else { return };
    match tz.map(str::trim).filter(|s| !s.is_empty()) {
        None => c.user.time_zone = None,
        Some(text) => match crate::tz::canonical_name(text) {
            Some(name) => {
                if c.keeps() {
                    c.user.time_zone = Some(name.to_owned());
                }
            }
            None => {
                c.report(Violation::at(Field::TimeZone, Problem::TimeZoneInvalid { time_zone: text.to_owned() }));
                if c.keeps() {
                    c.user.time_zone = Some(as_typed(text));
                }
            }
        },
    }
}
