//! `addUser`, `editUser`, `editableFields`, and who may edit what.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::fields::{Fields, Mode, FIELDS};
use super::{denied, Actor};
use crate::capability::{can, Capability, Reach};
use crate::engine::{Engine, Mutation, View};
use crate::model::{default_schedule, Role, Status, User, UserDraft};
use crate::outcome::{Effect, FieldState, Outcome, Problem, Violation};

/// Fields any user who may sign in may change on their own record.
const SELF_EDITABLE: [&str; 3] = ["name", "timeZone", "webLogin.password"];

/// The fields a patch sets, by JSON name (`webLogin.password` apart from the rest of `webLogin`).
fn patched_fields(p: &UserDraft) -> Vec<&'static str> {
    let w = p.web_login.as_ref();
    let only_password = matches!(w, Some(Some(w)) if w.password.is_some() && w.login_id.is_none() && w.allowed_ips.is_none() && w.blocked.is_none());
    let set = [
        p.id.is_some(),
        p.name.is_some(),
        p.email.is_some(),
        p.mobile.is_some(),
        p.alt_mobile.is_some(),
        p.extension.is_some(),
        p.role.is_some(),
        p.pro.is_some(),
        false,
        p.schedule.is_some(),
        p.time_zone.is_some(),
        p.departments.is_some(),
        w.is_some() && !only_password,
        p.allowed_caller_ids.is_some(),
        p.report_users.is_some(),
    ];
    let mut out: Vec<&'static str> = FIELDS.iter().zip(set).filter(|(_, s)| *s).map(|(f, _)| *f).collect();
    if only_password {
        out.push("webLogin.password");
    }
    out
}

/// What [`View::new_user`] finds.
pub(crate) struct NewUser {
    pub violations: Vec<Violation>,
    pub password_set: bool,
    pub user: User,
}

impl Engine {
    /// May `actor` edit `field` of `target`? The permission part of SPEC §5 for edits.
    pub(crate) fn may_edit(&self, actor: Actor<'_>, target: &User, field: &str) -> Result<(), Violation> {
        let Actor::User(a) = actor else { return Ok(()) };
        if a.id == target.id {
            if field == "role" {
                return Err(Violation::at(field, Problem::SelfAction { action: "change_own_role" }));
            }
            if SELF_EDITABLE.contains(&field) && a.can_sign_in() {
                return Ok(());
            }
        }
        // Setting someone else's password is a password reset (owner/admin only, SPEC §3).
        let (cap, action) = if field == "webLogin.password" {
            (Capability::ResetPasswords, "reset_passwords")
        } else {
            (Capability::EditUsers, "edit_users")
        };
        if target.role > a.role || !can(&self.policy.roles, a, cap, Some(target)) {
            return Err(Violation::at(field, Problem::NotPermitted { action }));
        }
        Ok(())
    }

    /// May `actor` open `target`'s record for editing at all? Checked before any field,
    /// so an empty patch teaches a stranger nothing.
    fn may_open(&self, actor: Actor<'_>, target: &User) -> Result<(), Violation> {
        let allowed = match actor {
            Actor::System => true,
            Actor::User(a) if a.id == target.id && a.can_sign_in() => true,
            Actor::User(a) => target.role <= a.role && can(&self.policy.roles, a, Capability::EditUsers, Some(target)),
        };
        if allowed {
            Ok(())
        } else {
            Err(Violation::general(Problem::NotPermitted { action: "edit_users" }))
        }
    }

    /// Role and department scope of a new or edited user (escalation, manager scope).
    fn may_assign(
        &self,
        a: &User,
        cap: Capability,
        role: Option<Role>,
        departments: Option<(&[String], &[String])>,
    ) -> Result<(), Violation> {
        if let Some(r) = role.filter(|r| *r > a.role) {
            return Err(Violation::at("role", Problem::RoleEscalation { role: r.as_str() }));
        }
        if self.policy.roles.reach(a, cap) == Some(Reach::OwnDepartmentAgents) {
            let action = if cap == Capability::AddUsers { "add_users" } else { "edit_users" };
            if role.is_some_and(|r| r != Role::Agent) {
                return Err(Violation::at("role", Problem::NotPermitted { action }));
            }
            if let Some((new, old)) = departments {
                let changed = new.iter().filter(|d| !old.contains(d)).chain(old.iter().filter(|d| !new.contains(d)));
                let outside = changed.clone().any(|d| !a.departments.iter().any(|x| x.trim() == d.trim()));
                let none_left = cap == Capability::AddUsers && new.is_empty();
                if outside || none_left {
                    return Err(Violation::at("departments", Problem::NotPermitted { action }));
                }
            }
        }
        Ok(())
    }

    pub(crate) fn add_user(&self, actor: &str, draft: &UserDraft) -> (Outcome, Option<Mutation>) {
        match self.view().new_user(actor, &draft.into()) {
            Err(v) => denied(v),
            Ok(NewUser { violations, password_set, user }) => {
                let mut outcome = Outcome::from_violations(violations);
                outcome.effects.push(Effect::InviteSent);
                if password_set {
                    outcome.effects.push(Effect::PasswordChanged);
                }
                outcome.user = Some(user.clone());
                (outcome, Some(Mutation::Add(Box::new(user))))
            }
        }
    }

    /// A new user with the defaults of SPEC §5 (agent, Pro off, pending, 24/7) and blank
    /// required fields.
    pub(crate) fn blank_user(&self, id: String) -> User {
        User {
            id,
            name: String::new(),
            email: String::new(),
            mobile: String::new(),
            alt_mobile: None,
            extension: String::new(),
            role: Role::Agent,
            pro: false,
            status: Status::Pending,
            schedule: default_schedule(),
            time_zone: None,
            departments: Vec::new(),
            web_login: None,
            allowed_caller_ids: None,
            report_users: None,
        }
    }

    /// `last_admin` when `before` is an active owner/admin, `after` is not, and no other remains.
    pub(crate) fn last_admin(&self, before: &User, after: Option<&User>, field: Option<&str>) -> Option<Violation> {
        let lost = before.is_active_admin() && !after.is_some_and(User::is_active_admin);
        (lost && self.idx.active_admins <= 1).then(|| match field {
            Some(f) => Violation::at(f, Problem::LastAdmin),
            None => Violation::general(Problem::LastAdmin),
        })
    }

    pub(crate) fn edit_user(&self, actor: &str, target: &str, patch: &UserDraft) -> (Outcome, Option<Mutation>) {
        let actor = match self.actor(actor) {
            Ok(a) => a,
            Err(v) => return denied(v),
        };
        let (pos, before) = match self.target(target).map(|p| (p, self.at(p))) {
            Ok((p, Some(u))) => (p, u),
            Ok((_, None)) | Err(_) => {
                return denied(Violation::at("target", Problem::UserUnknown { id: target.to_owned() }))
            }
        };
        if let Err(v) = self.may_open(actor, before) {
            return denied(v);
        }
        let fields = patched_fields(patch);
        for f in &fields {
            if let Err(v) = self.may_edit(actor, before, f) {
                return denied(v);
            }
        }
        if let Actor::User(a) = actor {
            let role = patch.role.as_deref().and_then(|r| Role::parse(r.trim()));
            let deps = patch.departments.as_deref().map(|d| (d, before.departments.as_slice()));
            if let Err(v) = self.may_assign(a, Capability::EditUsers, role, deps) {
                return denied(v);
            }
        }

        let mut violations = Vec::new();
        if patch.id.as_deref().is_some_and(|id| id != before.id) {
            violations.push(Violation::at("id", Problem::ImmutableField { field: "id" }));
        }
        if let Some(v) = patch.mobile.as_deref().and_then(|m| self.mobile_change(before, m)) {
            violations.push(v);
        }
        if matches!(actor, Actor::User(_)) {
            for f in &fields {
                if let Some(v) = self.sso_managed(f) {
                    violations.push(v);
                }
            }
        }
        let checked = self.view().check_fields(Cow::Borrowed(before), &patch.into(), Some(pos), Mode::Edit);
        violations.extend(checked.violations);
        let after = checked.user;
        violations.extend(self.seat_for(Some(before), &after));
        let field = ["role", "pro", "webLogin"].into_iter().find(|f| fields.contains(f));
        violations.extend(self.last_admin(before, Some(&after), field));

        let mut outcome = Outcome::from_violations(violations);
        if !crate::rules::email::key(&after.email).eq(&crate::rules::email::key(&before.email)) {
            outcome.effects.push(Effect::EmailVerificationRequired);
        }
        if after.role != before.role || after.pro != before.pro {
            outcome.effects.push(Effect::ReloginSuggested);
        }
        if checked.password_set {
            outcome.effects.push(Effect::PasswordChanged);
        }
        outcome.user = Some(after.clone());
        (outcome, Some(Mutation::Replace(pos, Box::new(after))))
    }

    /// `pro_seat_limit` when `after` takes a Pro seat that `before` (`None`: a new user)
    /// did not hold: what `addUser`, `editUser` and the forms' `checkField` report.
    pub(crate) fn seat_for(&self, before: Option<&User>, after: &User) -> Vec<Violation> {
        let newly = after.pro && self.counts(after) && !before.is_some_and(|b| b.pro);
        if newly {
            self.view().limit_violations(0, 1)
        } else {
            Vec::new()
        }
    }

    /// `mobile_immutable` unless `typed` is the user's current mobile, however written.
    pub(crate) fn mobile_change(&self, before: &User, typed: &str) -> Option<Violation> {
        let stored = self.mobile_key(&before.mobile);
        let same = crate::rules::phone::normalize(typed, &self.policy.default_country).is_ok_and(|m| m == stored);
        (!same).then(|| Violation::at("mobile", Problem::MobileImmutable))
    }

    /// `sso_managed` if the identity provider manages `field` (or the object it is part of).
    fn sso_managed(&self, field: &str) -> Option<Violation> {
        let top = field.split('.').next().unwrap_or(field);
        let managed = self.account.sso.as_ref()?.managed_fields.iter().any(|m| m == field || m == top);
        managed.then(|| Violation::at(field, Problem::SsoManaged { field: field.to_owned() }))
    }

    pub(crate) fn editable_fields(&self, actor: &str, target: &str) -> Outcome {
        let actor = match self.actor(actor) {
            Ok(a) => a,
            Err(v) => return Outcome::from_violations(vec![v]),
        };
        let Some(t) = self.pos(target).and_then(|p| self.at(p)) else {
            return Outcome::from_violations(vec![Violation::at(
                "target",
                Problem::UserUnknown { id: target.to_owned() },
            )]);
        };
        let mut map = BTreeMap::new();
        for f in FIELDS.iter().copied().filter(|f| *f != "status").chain(["webLogin.password"]) {
            let why = match self.may_edit(actor, t, f) {
                Err(v) => Some(v),
                Ok(()) if f == "id" => Some(Violation::at(f, Problem::ImmutableField { field: f })),
                Ok(()) if f == "mobile" => Some(Violation::at(f, Problem::MobileImmutable)),
                Ok(()) => match actor {
                    Actor::User(_) => self.sso_managed(f),
                    Actor::System => None,
                },
            };
            map.insert(f.to_owned(), FieldState { why });
        }
        let mut outcome = Outcome::from_violations(Vec::new());
        outcome.fields = Some(map);
        outcome
    }
}

/// The checks of a new user, which import also makes with its accepted rows added.
impl View<'_> {
    /// The user `addUser` would add and what is wrong with it (import adds the rows
    /// through this, without an Outcome per row); `Err` when the actor may not add it.
    pub(crate) fn new_user(&self, actor: &str, draft: &Fields<'_>) -> Result<NewUser, Violation> {
        let actor = self.actor(actor)?;
        if let Actor::User(a) = actor {
            if can(&self.policy.roles, a, Capability::AddUsers, None) {
                let role = draft.role.and_then(|r| Role::parse(r.trim())).or(Some(Role::Agent));
                let deps = draft.departments.unwrap_or(&[]);
                self.may_assign(a, Capability::AddUsers, role, Some((deps, &[])))?;
            } else {
                return Err(Violation::general(Problem::NotPermitted { action: "add_users" }));
            }
        }
        let mut violations = Vec::new();
        let mut id = draft.id.map(str::trim).filter(|s| !s.is_empty());
        // The host's own actor id, or text that is no id (over 100 bytes, control, bidi
        // or zero-width characters), is refused and not echoed: the user gets a fresh id.
        if let Some(bad) = id.filter(|id| {
            *id == super::SYSTEM
                || id.len() > 100
                || id.chars().any(|c| c.is_control() || crate::rules::name::is_invisible(c))
        }) {
            violations.push(Violation::at("id", Problem::ValueInvalid { value: bad.to_owned() }));
            id = None;
        }
        let id = match id {
            Some(id) => {
                if self.pos(id).is_some() {
                    violations.push(Violation::at("id", Problem::IdTaken { id: id.to_owned() }));
                }
                id.to_owned()
            }
            None => self.next_id(),
        };
        let checked = self.check_fields(Cow::Owned(self.blank_user(id)), draft, None, Mode::Add);
        violations.extend(checked.violations);
        let user = checked.user;
        violations.extend(self.limit_violations(1, u64::from(user.pro)));
        Ok(NewUser { violations, password_set: checked.password_set, user })
    }

    /// `plan_user_limit` / `pro_seat_limit` / `plan_unknown` when `users` more users and
    /// `pro` more Pro seats would be counted.
    pub(crate) fn limit_violations(&self, users: u64, pro: u64) -> Vec<Violation> {
        let mut out = Vec::new();
        let (counted, pro_used) = self.totals();
        if users > 0 {
            match self.policy.max_users(&self.account.plan) {
                None => out.push(Violation::at("plan", Problem::PlanUnknown { plan: self.account.plan.clone() })),
                Some(Some(max)) if counted.saturating_add(users) > u64::from(max) => {
                    out.push(Violation::general(Problem::PlanUserLimit {
                        plan: self.account.plan.clone(),
                        max_users: max,
                        users: counted.saturating_add(users),
                    }))
                }
                Some(_) => {}
            }
        }
        if pro > 0 && pro_used.saturating_add(pro) > u64::from(self.account.pro_seats) {
            out.push(Violation::at("pro", Problem::ProSeatLimit { pro_seats: self.account.pro_seats, used: pro_used }));
        }
        out
    }
}
