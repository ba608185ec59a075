//! `reachable`: can a user take a call at an instant?

use super::fields::schedule_violation;
use super::target;
use crate::field::{Field, Key, Path, Step};
use crate::outcome::{Outcome, Severity, Violation};
use crate::problem::Problem;
use crate::schedule::{Schedule, Weekday};
use crate::state::View;
use crate::tz;

fn bad_instant(detail: &str) -> Outcome {
    Outcome::bad_request_at(vec![Step::Key("op".into()), Step::Key(Key::At.as_str().into())], detail)
}

pub(crate) fn reachable(view: &View<'_>, target_id: &str, at: &str) -> Outcome {
    let u = match target(view, target_id) {
        Ok((_, u)) => u,
        Err(v) => return Outcome::from_violations(vec![v]),
    };
    let Some(instant) = tz::parse_rfc3339(at) else {
        return bad_instant("expected an RFC 3339 instant such as 2026-11-28T06:00:00Z");
    };
    let mut out = Vec::new();
    if u.is_deactivated() {
        out.push(Violation::general(Problem::Deactivated));
    }
    if u.departments.is_empty() {
        let mut v = Violation::at(Field::Departments, Problem::NoDepartment);
        v.severity = Severity::Error;
        out.push(v);
    }
    let zone_name = u.time_zone.as_deref().unwrap_or(&view.settings().time_zone);
    let zone = match tz::canonical_name(zone_name) {
        Some(z) => z,
        None => {
            out.push(Violation::at(Field::TimeZone, Problem::TimeZoneInvalid { time_zone: zone_name.to_owned() }));
            return Outcome::from_violations(out);
        }
    };
    match Schedule::parse(&u.schedule) {
        Err(e) => out.push(schedule_violation(Path::field(Field::Schedule), &u.schedule, &e)),
        Ok(s) => {
            let Some(open) = open_at(&s, zone, instant) else {
                return bad_instant("no UTC offset is known for this instant in the user's time zone");
            };
            if !open {
                out.push(Violation::at(
                    Field::Schedule,
                    Problem::OutsideSchedule { next_open: next_open(&s, zone, instant) },
                ));
            }
        }
    }
    Outcome::from_violations(out)
}
fn open_at(s: &Schedule, zone: &str, t: i64) -> Option<bool> {
    let (wd, minute, _) = tz::local_parts(t, tz::offset_at(zone, t)?);
    Some(s.is_open(Weekday::from_index(wd)?, minute))
}

/// The next instant after `t` at which the schedule opens, in the zone's offset then.
/// Steps from one local change to the next and re-reads the offset at each step, so a
/// DST shift between `t` and the opening is honoured.
/// The next opening as RFC 3339 text in the zone's offset, with its day and `HH:MM` on
/// the user's clock (what a message says).
fn next_open(s: &Schedule, zone: &str, mut t: i64) -> Option<(String, &'static str, String)> {
    for _ in 0..64 {
        let off = tz::offset_at(zone, t)?;
        let (wd, minute, sec) = tz::local_parts(t, off);
        let day = Weekday::from_index(wd)?;
        if s.is_open(day, minute) {
            return Some((tz::format_rfc3339(t, off), day.short_name(), crate::schedule::clock(minute)));
        }
        // The change happens at a local wall-clock time; map it back to an instant
        // with the offset in force THEN (a DST shift may lie in between).
        let local = t + i64::from(off) - sec + i64::from(s.next_change(day, minute)?) * 60;
        let guess = local - i64::from(off);
        t = local - i64::from(tz::offset_at(zone, guess)?);
    }
    None
}
