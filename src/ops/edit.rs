//! `editUser`: the fields in the patch, each judged by its own path.

use std::borrow::Cow;
use std::collections::HashSet;

use super::fields::{check_fields, Fields, Mode};
use super::{actor, denied, last_admin, seat_for, target, Evaluated};
use crate::field::Field;
use crate::model::{Role, User, UserDraft};
use crate::outcome::{Effect, Report, Violation};
use crate::permission::{authorize, Action, Actor};
use crate::problem::Problem;
use crate::rules::{email, phone};
use crate::state::{Put, View};

pub(crate) fn edit_user(view: &View<'_>, actor_id: &str, target_id: &str, patch: &UserDraft) -> Evaluated {
    let (actor, (slot, before)) = match actor(view, actor_id).and_then(|a| Ok((a, target(view, target_id)?))) {
        Ok(x) => x,
        Err(v) => return denied(v),
    };
    let mut report = Report::new();
    if let Err(v) = gate(view, actor, before, patch, &mut report) {
        return denied(v);
    }
    let checked = check_fields(view, Cow::Borrowed(before), &Fields::from(patch), Some(slot), Mode::Edit, &mut report);
    let after = checked.user;
    report.extend(seat_for(view, Some(before), &after));
    let leaves = leaves(patch, before);
    let field = [Field::Role, Field::Pro, Field::Blocked, Field::WebLogin].into_iter().find(|f| leaves.contains(f));
    report.extend(last_admin(view, before, Some(&after), field));

    let mut outcome = report.into_outcome();
    if email::key(after.email.trim()) != email::key(before.email.trim()) {
        outcome.effects.push(Effect::EmailVerificationRequired);
    }
    if after.role != before.role || after.pro != before.pro {
        outcome.effects.push(Effect::ReloginSuggested);
    }
    if checked.password_set {
        outcome.effects.push(Effect::PasswordChanged);
    }
    outcome.user = Some(after.clone());
    (outcome, Some(vec![Put::Replace(slot, after)]))
}

/// The fields a patch changes, leaf by leaf: each part of `webLogin` on its own (a new
/// login sets its login id), `webLogin` itself when the patch removes the login.
pub(crate) fn leaves(patch: &UserDraft, before: &User) -> Vec<Field> {
    let p = patch;
    let top = [
        (p.id.is_some(), Field::Id),
        (p.name.is_some(), Field::Name),
        (p.email.is_some(), Field::Email),
        (p.mobile.is_some(), Field::Mobile),
        (p.alt_mobile.is_some(), Field::AltMobile),
        (p.extension.is_some(), Field::Extension),
        (p.role.is_some(), Field::Role),
        (p.pro.is_some(), Field::Pro),
        (p.schedule.is_some(), Field::Schedule),
        (p.time_zone.is_some(), Field::TimeZone),
        (p.departments.is_some(), Field::Departments),
    ];
    let mut out: Vec<Field> = top.into_iter().filter(|(set, _)| *set).map(|(_, f)| f).collect();
    match &p.web_login {
        None => {}
        Some(None) => out.push(Field::WebLogin),
        Some(Some(w)) => {
            let parts = [
                (w.login_id.is_some() || before.web_login.is_none(), Field::LoginId),
                (w.allowed_ips.is_some(), Field::AllowedIps),
                (w.blocked.is_some(), Field::Blocked),
                (w.password.is_some(), Field::Password),
            ];
            out.extend(parts.into_iter().filter(|(set, _)| *set).map(|(_, f)| f));
        }
    }
    if p.allowed_caller_ids.is_some() {
        out.push(Field::AllowedCallerIds);
    }
    if p.report_users.is_some() {
        out.push(Field::ReportUsers);
    }
    out
}

/// Everything about who may change which field of `before`, asked before any value is
/// looked at: may the actor open the record, may it change each leaf of the patch (a
/// refusal ends the check), is a leaf managed by the identity provider or immutable
/// (reported with the rest, first at its field), may it name each user newly added to
/// `reportUsers`. `editableFields` asks the same of a one-field patch.
pub(crate) fn gate(
    view: &View<'_>,
    actor: Actor<'_>,
    before: &User,
    patch: &UserDraft,
    report: &mut Report,
) -> Result<(), Violation> {
    authorize(view, actor, Action::Open(before))?;
    let role = patch.role.as_deref().and_then(|r| Role::parse(r.trim()));
    for field in leaves(patch, before) {
        let departments = patch.departments.as_deref();
        match authorize(view, actor, Action::Edit { target: before, field, role, departments }) {
            Ok(()) => {}
            Err(v) if v.problem.is_permission() => return Err(v),
            Err(sso) => report.push(sso),
        }
    }
    if let Some(Some(ids)) = &patch.report_users {
        let known = before.report_users.as_deref().unwrap_or(&[]);
        // A long stored list is looked up through a set: never items × stored.
        let set: Option<HashSet<&str>> = (known.len() > 16).then(|| known.iter().map(String::as_str).collect());
        let is_known = |id: &str| set.as_ref().map_or_else(|| known.iter().any(|k| k == id), |s| s.contains(id));
        for id in ids.iter().filter(|id| !is_known(id)) {
            if let Some((_, named)) = view.find(id) {
                authorize(view, actor, Action::ViewReports(named))?;
            }
        }
    }
    if patch.id.as_deref().is_some_and(|id| id != before.id) {
        report.push(Violation::at(Field::Id, Problem::ImmutableField { field: Field::Id }));
    }
    if let Some(v) = patch.mobile.as_deref().and_then(|m| mobile_change(view, before, m)) {
        report.push(v);
    }
    Ok(())
}

/// `mobile_immutable` unless `typed` is the user's current mobile, however written.
pub(crate) fn mobile_change(view: &View<'_>, before: &User, typed: &str) -> Option<Violation> {
    let stored = view.state().mobile_key(&before.mobile);
    let same = phone::normalize(typed, &view.policy().default_country).is_ok_and(|m| m == stored);
    (!same).then(|| Violation::at(Field::Mobile, Problem::MobileImmutable))
}
