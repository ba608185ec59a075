#![doc = include_str!("../README.md")]
#![allow(
    clippy::result_large_err,
    reason = "a Violation or Outcome is the answer of a check, returned once; boxing it buys nothing"
)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic))]

pub mod capability;
mod engine;
pub mod field;
pub mod forms;
pub mod json;
pub mod messages;
pub mod model;
mod op;
pub mod ops;
pub mod outcome;
pub mod permission;
pub mod problem;
pub mod request;
pub mod rules;
pub mod schedule;
mod state;
pub mod tz;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use capability::Capability;
pub use engine::Engine;
pub use field::{Field, Path};
pub use model::{Account, Department, ExtensionRange, Policy, Role, Status, User, UserDraft};
pub use op::Op;
pub use outcome::{Outcome, Severity, Violation};
pub use permission::SYSTEM;
pub use problem::Problem;
pub use request::Request;
pub use schedule::Schedule;
pub use state::{Directory, ExternalEmails};

/// Parses a schedule text (RULES §4): a typed helper for native users.
///
/// # Errors
/// A [`schedule::ScheduleError`] with the kind and the character offset.
///
/// # Example
/// ```
/// let s = roster_rules::parse_schedule("Mon-Fri 9:30 am to 6 pm")?;
/// assert_eq!(s.canonical(), "Mo-Fr 09:30-18:00");
/// # Ok::<(), roster_rules::schedule::ScheduleError>(())
/// ```
pub fn parse_schedule(text: &str) -> Result<Schedule, schedule::ScheduleError> {
    Schedule::parse(text)
}
