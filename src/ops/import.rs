//! `importUsers`: bulk add from CSV, all or nothing. Permission first, for every row: a
//! row the actor may not add ends the check with that refusal alone. Then every row is
//! checked as an `addUser` against the account plus the rows accepted before it
//! ([`Added`]), so duplicates within the file name the other line, and the plan and
//! seat limits count cumulatively. The account is never copied.

use std::collections::HashMap;

use super::add::{may_add, new_user};
use super::fields::{schedule_verdict, Fields, ScheduleVerdict};
use super::{actor, csv, denied, Evaluated};
use crate::capability::Capability;
use crate::field::Field;
use crate::model::UserDraft;
use crate::outcome::{Effect, Outcome, Report, Violation};
use crate::permission::{authorize, Action};
use crate::problem::Problem;
use crate::state::{Added, Overlay, Put, View};

const COLUMNS: [&str; 8] = ["name", "email", "mobile", "extension", "role", "pro", "schedule", "departments"];
const REQUIRED: [&str; 4] = ["name", "email", "mobile", "extension"];

/// The Outcome of a file that cannot be read at all: one violation at `line`.
fn unreadable(line: usize, problem: Problem) -> Evaluated {
    let mut v = Violation::general(problem);
    v.row = Some(line);
    (Outcome::from_violations(vec![v]), None)
}

fn parse_pro(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "" | "false" | "no" | "0" | "off" => Some(false),
        "true" | "yes" | "1" | "on" => Some(true),
        _ => None,
    }
}

/// One data row: its line, the draft it makes (`None`: not as many fields as the
/// header), and a `pro` cell that is no yes/no.
struct Row {
    line: usize,
    draft: Option<UserDraft>,
    bad_pro: Option<String>,
}

/// The rows of the file, or the Outcome saying why it cannot be read.
fn read_rows(view: &View<'_>, text: &str) -> Result<Vec<Row>, Evaluated> {
    let max = view.policy().max_import_rows;
    let records = csv::read(text, max.saturating_add(1))
        .map_err(|e| unreadable(e.line, Problem::CsvInvalid { reason: e.reason }))?;
    let mut records = records.into_iter();
    let header = records.next().ok_or_else(|| unreadable(1, Problem::CsvInvalid { reason: "empty" }))?;
    let mut columns = Vec::with_capacity(header.fields.len());
    for h in &header.fields {
        let name = h.trim().to_ascii_lowercase();
        match COLUMNS.iter().find(|c| **c == name) {
            Some(c) if !columns.contains(c) => columns.push(*c),
            _ => return Err(unreadable(1, Problem::CsvInvalid { reason: "bad_header" })),
        }
    }
    if REQUIRED.iter().any(|r| !columns.contains(r)) {
        return Err(unreadable(1, Problem::CsvInvalid { reason: "missing_column" }));
    }
    let records: Vec<csv::Record> = records.collect();
    if records.len() > max {
        return Err((Outcome::from_violations(vec![Violation::general(Problem::TooManyRows { max })]), None));
    }
    let mut rows = Vec::with_capacity(records.len());
    for rec in records {
        if rec.fields.len() != columns.len() {
            rows.push(Row { line: rec.line, draft: None, bad_pro: None });
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
        rows.push(Row { line: rec.line, draft: Some(draft), bad_pro });
    }
    Ok(rows)
}

pub(crate) fn import_users(view: &View<'_>, actor_id: &str, text: &str) -> Evaluated {
    let actor =
        match actor(view, actor_id).and_then(|a| authorize(view, a, Action::Hold(Capability::AddUsers)).map(|()| a)) {
            Ok(a) => a,
            Err(v) => return denied(v),
        };
    let rows = match read_rows(view, text) {
        Ok(rows) => rows,
        Err(unreadable) => return unreadable,
    };
    // Permission first, for every row.
    for (row, draft) in rows.iter().filter_map(|r| r.draft.as_ref().map(|d| (r, d))) {
        if let Err(mut v) = may_add(view, actor, &Fields::from(draft)) {
            v.row = Some(row.line);
            return denied(v);
        }
    }
    let mut overlay = Overlay { added: Added::with_capacity(rows.len()), ..Overlay::default() };
    let mut report = Report::errors_only();
    // A file's rows share a few schedules: each distinct text is parsed once.
    let mut schedules: HashMap<String, ScheduleVerdict> = HashMap::new();
    for row in &rows {
        report.set_row(Some(row.line));
        let Some(draft) = &row.draft else {
            report.push(Violation::general(Problem::CsvInvalid { reason: "wrong_field_count" }));
            continue;
        };
        let errors_before = report.errors_seen();
        if let Some(text) = draft.schedule.as_deref().filter(|t| !schedules.contains_key(*t)) {
            schedules.insert(text.to_owned(), schedule_verdict(text));
        }
        let verdict = draft.schedule.as_deref().and_then(|text| schedules.get(text));
        let fields = Fields { schedule_verdict: verdict, ..Fields::from(draft) };
        let rows_view = view.state().view_with(&overlay);
        let user = new_user(&rows_view, &fields, &mut report).user;
        if let Some(value) = &row.bad_pro {
            report.push(Violation::at(Field::Pro, Problem::ValueInvalid { value: value.clone() }));
        }
        if report.errors_seen() == errors_before {
            view.push_added(&mut overlay.added, user, Some(row.line));
        }
    }
    let mut outcome = report.into_outcome();
    let added = overlay.added.into_users();
    // Invitations go out only when someone is added (a file of headers adds no one).
    if !added.is_empty() {
        outcome.effects.push(Effect::InviteSent);
    }
    (outcome, Some(added.into_iter().map(Put::Append).collect()))
}
