//! `replaceUser`: the "change a mobile number" workaround of the help centre as one
//! op. It plans the steps an admin would take by hand, each an op that passes every rule
//! in the account as the earlier steps left it, and `apply` carries out all of them or
//! none:
//!
//! 1. give the old user an alias of its email (`name+old@…`) and of its login id, so the
//!    new user can have them;
//! 2. move the old user to a free extension, so the new user can have its number;
//! 3. (only when every Pro licence is in use and the old user holds one it can give up)
//!    turn Pro off on the old user;
//! 4. add the new user: the old one's name, email, extension, role, Pro, schedule, time
//!    zone, departments, alternative mobile, panel login, caller ids and report users,
//!    with the new mobile;
//! 5. take the old user out of its departments;
//! 6. deactivate the old user — unless it is the last active owner or admin: the new
//!    user is only invited (`pending`), so the old one stays active until the new one has
//!    signed in, and the account keeps an active owner or admin.
//!
//! Permission comes first for the whole plan: a step the actor may not take ends the
//! check with that refusal alone. The steps are checked on an [`Overlay`] of the account,
//! never a copy of it.

use super::{actor, denied, target, Evaluated};
use crate::field::Field;
use crate::model::{Role, User, UserDraft, WebLoginDraft};
use crate::op::Op;
use crate::outcome::{Effect, Outcome, Violation};
use crate::permission::{authorize, Action, Actor};
use crate::problem::{Act, Problem};
use crate::state::{Key, Overlay, Put, Slot, View};

/// How many aliases (`+old`, `+old2`, …) are tried before giving up: the cost of a
/// replace does not grow with how many old aliases an account has.
const MAX_ALIASES: usize = 100;

/// An alias that no user holds: `alias(1)`, `alias(2)`, … (`None` if the first
/// [`MAX_ALIASES`] are all held).
fn free_alias(
    view: &View<'_>,
    key: Key,
    alias: impl Fn(usize) -> String,
    lower: impl Fn(&str) -> String,
) -> Option<String> {
    (1..=MAX_ALIASES).map(alias).find(|a| view.first_holder(key, &lower(a), None).is_none())
}

fn email_alias(view: &View<'_>, email: &str) -> Option<String> {
    let (local, domain) = email.split_once('@').unwrap_or((email, ""));
    let alias = |n: usize| if n == 1 { format!("{local}+old@{domain}") } else { format!("{local}+old{n}@{domain}") };
    free_alias(view, Key::Email, alias, crate::rules::email::key)
}

fn login_alias(view: &View<'_>, login: &str) -> Option<String> {
    let alias = |n: usize| if n == 1 { format!("{login}.old") } else { format!("{login}.old{n}") };
    free_alias(view, Key::Login, alias, str::to_ascii_lowercase)
}

fn edit(actor: &str, target: &str, patch: UserDraft) -> Op {
    Op::EditUser { actor: actor.to_owned(), target: target.to_owned(), patch }
}

/// The draft of the new user: every setting of `old` but its id and mobile.
fn successor(old: &User, id: String, mobile: &str) -> UserDraft {
    UserDraft {
        id: Some(id),
        name: Some(old.name.clone()),
        email: Some(old.email.clone()),
        mobile: Some(mobile.to_owned()),
        alt_mobile: old.alt_mobile.clone().map(Some),
        extension: Some(old.extension.clone()),
        role: Some(old.role.as_str().to_owned()),
        pro: Some(old.pro),
        schedule: Some(old.schedule.clone()),
        time_zone: old.time_zone.clone().map(Some),
        departments: Some(old.departments.clone()),
        web_login: old.web_login.as_ref().map(|w| {
            Some(WebLoginDraft {
                login_id: Some(w.login_id.clone()),
                allowed_ips: Some(w.allowed_ips.clone()),
                blocked: Some(w.blocked),
                password: None,
            })
        }),
        allowed_caller_ids: old.allowed_caller_ids.clone().map(Some),
        report_users: old.report_users.clone().map(Some),
    }
}

/// The permission part of every step that is always taken, asked before any data.
fn may_replace(view: &View<'_>, actor: Actor<'_>, old: &User) -> Result<(), Violation> {
    authorize(view, actor, Action::Manage { target: old, act: Act::ReplaceUsers })?;
    // The new user takes calls in the old one's place: replacing a deactivated user is
    // reactivating it, replacing an active one deactivates it. Asked first: it is what a
    // replace is.
    let act = if old.is_deactivated() { Act::ReactivateUsers } else { Act::DeactivateUsers };
    match authorize(view, actor, Action::Manage { target: old, act }) {
        Err(v) if v.problem.is_permission() => return Err(v),
        _ => {}
    }
    const NONE: &[String] = &[];
    let edit_of = |field: Field, departments: Option<&'static [String]>| Action::Edit {
        target: old,
        field,
        role: None,
        departments,
    };
    let mut steps = vec![edit_of(Field::Email, None), edit_of(Field::Extension, None)];
    if old.web_login.is_some() {
        steps.push(edit_of(Field::LoginId, None));
    }
    steps.push(Action::Add { role: old.role, departments: &old.departments, chooses_id: false });
    for id in old.report_users.iter().flatten() {
        if let Some((_, named)) = view.find(id) {
            steps.push(Action::ViewReports(named));
        }
    }
    if !old.departments.is_empty() {
        steps.push(edit_of(Field::Departments, Some(NONE)));
    }
    for step in steps {
        match authorize(view, actor, step) {
            Err(v) if v.problem.is_permission() => return Err(v),
            // An SSO-managed field is reported by the step that changes it.
            _ => {}
        }
    }
    Ok(())
}

/// The plan being built on an overlay of the account.
struct Planner<'v> {
    view: View<'v>,
    overlay: Overlay,
    actor: String,
    slot: Slot,
    plan: Vec<Op>,
}

impl Planner<'_> {
    /// Checks `op` on the account as the earlier steps left it; records its change.
    fn step(&mut self, op: Op) -> Result<Outcome, Outcome> {
        let state = self.view.state();
        let (outcome, mutation) = super::evaluate_on(&state.view_with(&self.overlay), &op);
        self.plan.push(op);
        if !outcome.ok {
            return Err(outcome);
        }
        for put in mutation.into_iter().flatten() {
            match put {
                Put::Replace(slot, user) => self.overlay.change(slot, Some(user)),
                Put::Append(user) => state.view().push_added(&mut self.overlay.added, user, None),
                Put::Remove(slot) => self.overlay.change(slot, None),
            }
        }
        Ok(outcome)
    }

    fn old(&self) -> Option<&User> {
        self.overlay.changed.iter().find(|(s, _)| *s == self.slot).and_then(|(_, u)| u.as_ref())
    }

    fn edit_old(&mut self, target: &str, patch: UserDraft) -> Result<Outcome, Outcome> {
        let op = edit(&self.actor, target, patch);
        self.step(op)
    }
}

pub(crate) fn replace_user(view: &View<'_>, actor_id: &str, target_id: &str, mobile: &str) -> Evaluated {
    let (slot, old) = match actor(view, actor_id).and_then(|a| {
        let (slot, old) = target(view, target_id)?;
        may_replace(view, a, old)?;
        Ok((slot, old))
    }) {
        Ok(x) => x,
        Err(v) => return denied(v),
    };
    let mut p =
        Planner { view: *view, overlay: Overlay::default(), actor: actor_id.to_owned(), slot, plan: Vec::new() };
    p.overlay.change(slot, Some(old.clone()));
    let new_id = view.next_id();
    match plan(&mut p, old, target_id, &new_id, mobile) {
        Ok(new_user) => {
            let old_final = p.old().cloned().unwrap_or_else(|| old.clone());
            let mut outcome = Outcome::from_violations(Vec::new());
            outcome.effects.push(Effect::InviteSent);
            outcome.user = Some(new_user.clone());
            outcome.plan = Some(p.plan);
            (outcome, Some(vec![Put::Replace(slot, old_final), Put::Append(new_user)]))
        }
        Err(mut failed) => {
            // No partial plan: the failed step's own violations say what to fix.
            failed.plan = None;
            failed.user = None;
            failed.effects.clear();
            (failed, None)
        }
    }
}

fn plan(p: &mut Planner<'_>, old: &User, target_id: &str, new_id: &str, mobile: &str) -> Result<User, Outcome> {
    let unavailable = |field: Field, problem: Problem| Outcome::from_violations(vec![Violation::at(field, problem)]);
    // 1. The old user's identity becomes an alias, so the new user can take it.
    let email = email_alias(&p.view.state().view_with(&p.overlay), &old.email).ok_or_else(|| {
        let holder = crate::problem::Holder::User { id: old.id.clone(), name: old.name.clone() };
        unavailable(Field::Email, Problem::EmailTaken { email: format!("{}+old", old.email), holder })
    })?;
    let mut alias = UserDraft { email: Some(email), ..UserDraft::default() };
    if let Some(w) = &old.web_login {
        let login = login_alias(&p.view.state().view_with(&p.overlay), &w.login_id).ok_or_else(|| {
            unavailable(Field::LoginId, Problem::LoginIdInvalid { min: p.view.policy().login_id_min })
        })?;
        alias.web_login = Some(Some(WebLoginDraft { login_id: Some(login), ..WebLoginDraft::default() }));
    }
    p.edit_old(target_id, alias)?;
    // 2. A free extension for the old user.
    let free = p.view.state().view_with(&p.overlay).lowest_free_extension().ok_or_else(|| {
        let holder = crate::problem::Holder::User { id: old.id.clone(), name: old.name.clone() };
        unavailable(
            Field::Extension,
            Problem::ExtensionTaken { extension: old.extension.clone(), holder, suggestion: None },
        )
    })?;
    p.edit_old(target_id, UserDraft { extension: Some(free.to_string()), ..UserDraft::default() })?;
    // 3. A Pro licence for the new user, from the old one, when none is free.
    let (_, pro_used) = p.view.state().view_with(&p.overlay).totals();
    let seats_full = pro_used >= u64::from(p.view.settings().pro_seats);
    if old.pro && seats_full && p.view.counts(old) {
        release_pro(p, old, target_id);
    }
    // 4. The new user.
    let added = p.step(Op::AddUser { actor: p.actor.clone(), user: successor(old, new_id.to_owned(), mobile) })?;
    let new_user = added.user.unwrap_or_else(|| super::blank_user(new_id.to_owned()));
    // 5. Out of the departments.
    if !old.departments.is_empty() {
        p.edit_old(target_id, UserDraft { departments: Some(Vec::new()), ..UserDraft::default() })?;
    }
    // 6. Deactivated, unless the account would keep no active owner or admin.
    let view = p.view.state().view_with(&p.overlay);
    let last = p.old().is_some_and(|o| super::last_admin(&view, o, None, None).is_some());
    if !old.is_deactivated() && !last {
        p.step(Op::DeactivateUser { actor: p.actor.clone(), target: target_id.to_owned() })?;
    }
    Ok(new_user)
}

/// Turns Pro off on the old user (an agent or manager, who becomes an agent) when that
/// step passes every rule; otherwise the plan goes on without it (the add then says
/// `pro_seat_limit`). Owners and admins keep theirs: demoting them first could leave the
/// account without an active owner or admin.
fn release_pro(p: &mut Planner<'_>, old: &User, target_id: &str) {
    if !matches!(old.role, Role::Agent | Role::Manager) {
        return;
    }
    let mut patch = UserDraft { pro: Some(false), ..UserDraft::default() };
    if old.role != Role::Agent {
        patch.role = Some(Role::Agent.as_str().to_owned());
    }
    let op = edit(&p.actor, target_id, patch);
    let state = p.view.state();
    let (outcome, mutation) = super::evaluate_on(&state.view_with(&p.overlay), &op);
    if outcome.ok {
        if let Some(Put::Replace(slot, user)) = mutation.and_then(|m| m.into_iter().next()) {
            p.overlay.change(slot, Some(user));
            p.plan.push(op);
        }
    }
}
