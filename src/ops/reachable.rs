//! `reachable`: can a user take a call at an instant?

use super::fields::schedule_violation;
use crate::engine::Engine;
use crate::outcome::{Outcome, Problem, Severity, Violation};
use crate::schedule::{Schedule, Weekday};
use crate::tz;

impl Engine {
    pub(crate) fn reachable(&self, target: &str, at: &str) -> Outcome {
        let Some(u) = self.user(target) else {
            return Outcome::from_violations(vec![Violation::at(
                "target",
                Problem::UserUnknown { id: target.to_owned() },
            )]);
        };
        let Some(instant) = tz::parse_rfc3339(at) else {
            return Outcome::bad_request("op.at", "expected an RFC 3339 instant such as 2026-11-28T06:00:00Z");
        };
        let mut out = Vec::new();
        if u.is_deactivated() {
            out.push(Violation::general(Problem::Deactivated));
        }
        if u.departments.is_empty() {
            let mut v = Violation::at("departments", Problem::NoDepartment);
            v.severity = Severity::Error;
            out.push(v);
        }
        let zone_name = u.time_zone.as_deref().unwrap_or(&self.account.time_zone);
        let zone = match tz::canonical_name(zone_name) {
            Some(z) => z,
            None => {
                out.push(Violation::at("timeZone", Problem::TimeZoneInvalid { time_zone: zone_name.to_owned() }));
                return Outcome::from_violations(out);
            }
        };
        match Schedule::parse(&u.schedule) {
            Err(e) => out.push(schedule_violation("schedule", &e)),
            Ok(s) => {
                let Some(open) = open_at(&s, zone, instant) else {
                    return Outcome::bad_request(
                        "op.at",
                        "no UTC offset is known for this instant in the user's time zone",
                    );
                };
                if !open {
                    out.push(Violation::at(
                        "schedule",
                        Problem::OutsideSchedule { next_open: next_open(&s, zone, instant) },
                    ));
                }
            }
        }
        Outcome::from_violations(out)
    }
}

fn open_at(s: &Schedule, zone: &str, t: i64) -> Option<bool> {
    let (wd, minute, _) = tz::local_parts(t, tz::offset_at(zone, t)?);
    Some(s.is_open(Weekday::from_index(wd)?, minute))
}

/// The next instant after `t` at which the schedule opens, in the zone's offset then.
/// Steps from one local change to the next and re-reads the offset at each step, so a
/// DST shift between `t` and the opening is honoured.
fn next_open(s: &Schedule, zone: &str, mut t: i64) -> Option<String> {
    for _ in 0..64 {
        let off = tz::offset_at(zone, t)?;
        let (wd, minute, sec) = tz::local_parts(t, off);
        let day = Weekday::from_index(wd)?;
        if s.is_open(day, minute) {
            return Some(tz::format_rfc3339(t, off));
        }
        // The change happens at a local wall-clock time; map it back to an instant
        // with the offset in force THEN (a DST shift may lie in between).
        let local = t + i64::from(off) - sec + i64::from(s.next_change(day, minute)?) * 60;
        let guess = local - i64::from(off);
        t = local - i64::from(tz::offset_at(zone, guess)?);
    }
    None
}
