//! `parseSchedule`.

use super::fields::schedule_violation;
use crate::field::{Key, Path};
use crate::outcome::{Outcome, ScheduleView, Violation};
use crate::problem::Problem;
use crate::schedule::{clock, Schedule};

/// The Outcome of `parseSchedule`: canonical text and weekly table, or the error with
/// its offset. Needs no account, so front-ends offer it as a free function.
///
/// # Example
/// ```
/// let out = roster_rules::ops::schedule_outcome("Sa 10am-2pm");
/// assert_eq!(out.schedule.unwrap().weekly[5], [["10:00", "14:00"]]);
/// ```
pub fn schedule_outcome(text: &str) -> Outcome {
    match Schedule::parse(text) {
        Err(e) => Outcome::from_violations(vec![schedule_violation(Path::Key(Key::Text), text, &e)]),
        Ok(s) => {
            let mut warnings = Vec::new();
            if s.is_never_open() {
                warnings.push(Violation::at(Key::Text, Problem::ScheduleNeverOpen));
            }
            let mut o = Outcome::from_violations(warnings);
            let weekly =
                s.weekly().iter().map(|day| day.iter().map(|sp| [clock(sp.start), clock(sp.end)]).collect()).collect();
            o.schedule = Some(ScheduleView { canonical: s.canonical(), weekly });
            o
        }
    }
}
