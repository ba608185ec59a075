//! `editableFields`: for a form, which fields of a user the actor may change, and why
//! not: exactly what an `editUser` of that one field would meet first.

use super::edit::gate;
use super::{actor, target};
use crate::field::Field;
use crate::model::{UserDraft, WebLoginDraft};
use crate::outcome::{FieldState, Outcome, Report, Violation};
use crate::permission::Actor;
use crate::state::View;

/// The fields a form may show for editing, in form order: every field but `status` and
/// `previousStatus`, which have ops of their own.
pub fn form_fields() -> impl Iterator<Item = Field> {
    Field::ALL.into_iter().filter(|f| !matches!(f, Field::Status | Field::PreviousStatus))
}

/// A patch of `field` alone, with a value that changes nothing the permission reads (the
/// user's own role and departments; an id and mobile that differ, as any edit of them
/// would).
pub(crate) fn one_field_patch(field: Field, t: &crate::model::User) -> UserDraft {
    let mut p = UserDraft::default();
    let text = Some(String::new());
    let login = |w: WebLoginDraft| Some(Some(w));
    match field {
        Field::Id => p.id = Some(format!("{}-", t.id)),
        Field::Name => p.name = text,
        Field::Email => p.email = text,
        Field::Mobile => p.mobile = text,
        Field::AltMobile => p.alt_mobile = Some(None),
        Field::Extension => p.extension = text,
        Field::Role => p.role = Some(t.role.as_str().to_owned()),
        Field::Pro => p.pro = Some(t.pro),
        Field::Schedule => p.schedule = text,
        Field::TimeZone => p.time_zone = Some(None),
        Field::Departments => p.departments = Some(t.departments.clone()),
        Field::WebLogin => p.web_login = Some(None),
        Field::LoginId => p.web_login = login(WebLoginDraft { login_id: text, ..WebLoginDraft::default() }),
        Field::AllowedIps => p.web_login = login(WebLoginDraft { allowed_ips: Some(Vec::new()), ..Default::default() }),
        Field::Blocked => p.web_login = login(WebLoginDraft { blocked: Some(false), ..Default::default() }),
        Field::Password => p.web_login = login(WebLoginDraft { password: text, ..WebLoginDraft::default() }),
        Field::AllowedCallerIds => p.allowed_caller_ids = Some(None),
        Field::ReportUsers => p.report_users = Some(None),
        Field::Status | Field::PreviousStatus => {}
    }
    p
}

/// Why an edit of `field` alone by `actor` is refused, if it is.
pub(crate) fn why_not(view: &View<'_>, actor: Actor<'_>, t: &crate::model::User, field: Field) -> Option<Violation> {
    let mut report = Report::new();
    match gate(view, actor, t, &one_field_patch(field, t), &mut report) {
        Err(v) => Some(v),
        Ok(()) => report.into_outcome().violations.into_iter().next(),
    }
}

pub(crate) fn editable_fields(view: &View<'_>, actor_id: &str, target_id: &str) -> Outcome {
    let (actor, (_, t)) = match actor(view, actor_id).and_then(|a| Ok((a, target(view, target_id)?))) {
        Ok(x) => x,
        Err(v) => return Outcome::from_violations(vec![v]),
    };
    let fields = form_fields().map(|f| (f, FieldState { why: why_not(view, actor, t, f) })).collect();
    let mut outcome = Outcome::from_violations(Vec::new());
    outcome.fields = Some(fields);
    outcome
}
