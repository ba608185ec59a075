//! `importUsers`: bulk add from CSV, every row checked as an `addUser` against the
//! account plus the rows accepted before it (so duplicates within the file and the plan
//! and seat limits count cumulatively); all or nothing. The account is not copied: the
//! accepted rows are [`Added`] after it and the checks read both through a `View`.

use std::collections::HashMap;

use super::csv;
use super::fields::{schedule_verdict, Fields, ScheduleVerdict};
use super::{denied, Actor};
use crate::capability::{can, Capability};
use crate::engine::{Added, Engine, Mutation};
use crate::model::UserDraft;
use crate::outcome::{Effect, Outcome, Problem, Severity, Violation};

const COLUMNS: [&str; 8] = ["name", "email", "mobile", "extension", "role", "pro", "schedule", "departments"];
const REQUIRED: [&str; 4] = ["name", "email", "mobile", "extension"];

fn row_violation(line: usize, problem: Problem, field: Option<&str>) -> Violation {
    let mut v = match field {
        Some(f) => Violation::at(f, problem),
        None => Violation::general(problem),
    };
    v.row = Some(line);
    v
}

fn parse_pro(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "" | "false" | "no" | "0" | "off" => Some(false),
        "true" | "yes" | "1" | "on" => Some(true),
        _ => None,
    }
}

impl Engine {
    pub(crate) fn import_users(&self, actor: &str, text: &str) -> (Outcome, Option<Mutation>) {
        match self.actor(actor) {
            Err(v) => return denied(v),
            Ok(Actor::User(a)) if !can(&self.policy.roles, a, Capability::AddUsers, None) => {
                return denied(Violation::general(Problem::NotPermitted { action: "add_users" }))
            }
            Ok(_) => {}
        }
        let max = self.policy.max_import_rows;
        let records = match csv::read(text, max.saturating_add(1)) {
            Ok(r) => r,
            Err(e) => {
                return (
                    Outcome::from_violations(vec![row_violation(
                        e.line,
                        Problem::CsvInvalid { reason: e.reason },
                        None,
                    )]),
                    None,
                )
            }
        };
        let mut rows = records.into_iter();
        let Some(header) = rows.next() else {
            return (
                Outcome::from_violations(vec![row_violation(1, Problem::CsvInvalid { reason: "empty" }, None)]),
                None,
            );
        };
        let mut columns = Vec::with_capacity(header.fields.len());
        for h in &header.fields {
            let name = h.trim().to_ascii_lowercase();
            match COLUMNS.iter().find(|c| **c == name) {
                Some(c) if !columns.contains(c) => columns.push(*c),
                _ => {
                    return (
                        Outcome::from_violations(vec![row_violation(
                            1,
                            Problem::CsvInvalid { reason: "bad_header" },
                            None,
                        )]),
                        None,
                    )
                }
            }
        }
        if REQUIRED.iter().any(|r| !columns.contains(r)) {
            return (
                Outcome::from_violations(vec![row_violation(
                    1,
                    Problem::CsvInvalid { reason: "missing_column" },
                    None,
                )]),
                None,
            );
        }
        let rows: Vec<csv::Record> = rows.collect();
        if rows.len() > max {
            return (Outcome::from_violations(vec![Violation::general(Problem::TooManyRows { max })]), None);
        }

        let mut added = Added::with_capacity(rows.len());
        let mut violations = Vec::new();
        // A file's rows share a few schedules: each distinct text is parsed once.
        let mut schedules: HashMap<String, ScheduleVerdict> = HashMap::new();
        for rec in rows {
            if rec.fields.len() != columns.len() {
                violations.push(row_violation(rec.line, Problem::CsvInvalid { reason: "wrong_field_count" }, None));
                continue;
            }
            let mut draft = UserDraft::default();
            let mut bad_pro = None;
            for (col, value) in columns.iter().zip(rec.fields) {
                let opt = |v: String| (!v.trim().is_empty()).then_some(v);
                match *col {
                    "name" => draft.name = Some(value),
                    "email" => draft.email = Some(value),
                    "mobile" => draft.mobile = Some(value),
                    "extension" => draft.extension = Some(value),
                    "role" => draft.role = opt(value),
                    "schedule" => draft.schedule = opt(value),
                    "departments" => {
                        draft.departments =
                            Some(value.split(';').map(str::trim).filter(|d| !d.is_empty()).map(str::to_owned).collect())
                    }
                    _ => match parse_pro(&value) {
                        Some(p) => draft.pro = Some(p),
                        None => bad_pro = Some(value),
                    },
                }
            }
            if let Some(text) = draft.schedule.as_deref().filter(|t| !schedules.contains_key(*t)) {
                schedules.insert(text.to_owned(), schedule_verdict(text));
            }
            let verdict = draft.schedule.as_deref().and_then(|text| schedules.get(text));
            let fields = Fields { schedule_verdict: verdict, ..Fields::from(&draft) };
            let (mut errors, user) = match self.view_with(&added).new_user(actor, &fields) {
                Err(v) => (vec![v], None),
                Ok(n) => (n.violations.into_iter().filter(|v| v.severity == Severity::Error).collect(), Some(n.user)),
            };
            if let Some(value) = bad_pro {
                errors.push(Violation::at("pro", Problem::ValueInvalid { value }));
            }
            if let Some(user) = user.filter(|_| errors.is_empty()) {
                self.push_added(&mut added, user);
            }
            for mut v in errors {
                v.row = Some(rec.line);
                violations.push(v);
            }
        }
        let mut outcome = Outcome::from_violations(violations);
        outcome.effects.push(Effect::InviteSent);
        (outcome, Some(Mutation::Extend(added.into_users())))
    }
}
