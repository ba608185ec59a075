//! Who may do what: the one decision every op, `can`, `capabilities` and
//! `editableFields` asks ([`authorize`]). Capability (the matrix of RULES §3), scope (a
//! manager's departments and agents), rank, self and SSO are decided here and nowhere
//! else; the ops only say what is being done ([`Action`]) and report the answer.
//!
//! A patch is judged leaf by leaf: `webLogin.password` of another user needs
//! `reset_passwords` whatever else the patch holds, and an SSO-managed part of `webLogin`
//! is managed wherever it appears.

use std::collections::HashSet;

use crate::capability::{Capability, Reach};
use crate::field::{Field, Path};
use crate::model::{Role, User};
use crate::outcome::Violation;
use crate::problem::{Act, Denial, Problem, Refusal};
use crate::state::{Slot, View};

/// Who acts: the host itself (`$system`), or a user of the account.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Actor<'a> {
    /// The host (an identity-provider sync, a migration): no capability, rank or SSO
    /// check, never past the account's invariants.
    System,
    /// A user, at its slot.
    User(Slot, &'a User),
}

/// The actor id of the host itself.
pub const SYSTEM: &str = "$system";

/// What an actor wants to do.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Action<'a> {
    /// Hold a capability that needs no target (`panel_login`, `manage_billing`, …).
    Hold(Capability),
    /// Add a user with this role into these departments (`chooses_id`: with an id of
    /// the request's choosing, which only the host may give).
    Add { role: Role, departments: &'a [String], chooses_id: bool },
    /// Open a user's record for editing at all (before any field is looked at).
    Open(&'a User),
    /// Change one field of a user. `role` is the role given (for [`Field::Role`]);
    /// `departments` the new list (for [`Field::Departments`]).
    Edit { target: &'a User, field: Field, role: Option<Role>, departments: Option<&'a [String]> },
    /// Name a user in `reportUsers`: see its call records.
    ViewReports(&'a User),
    /// Deactivate, reactivate, delete or replace a user.
    Manage { target: &'a User, act: Act },
}

/// Fields any user who may sign in may change on their own record.
pub(crate) const SELF_EDITABLE: [Field; 3] = [Field::Name, Field::TimeZone, Field::Password];

/// Whether two users share a department.
pub(crate) fn shares_department(a: &User, b: &User) -> bool {
    let (small, large) = if a.departments.len() <= b.departments.len() {
        (&a.departments, &b.departments)
    } else {
        (&b.departments, &a.departments)
    };
    let small = Departments::new(small);
    large.iter().any(|d| small.has(d))
}

/// A list of department ids to ask "is `d` in it?". A short list is searched in order; a
/// long one goes into a set once, so that comparing two lists costs O(n + m), never
/// n × m, whatever lengths a request or a stored record brings.
enum Departments<'a> {
    Short(&'a [String]),
    Set(HashSet<&'a str>),
}

impl<'a> Departments<'a> {
    fn new(list: &'a [String]) -> Departments<'a> {
        if list.len() <= 16 {
            return Departments::Short(list);
        }
        Departments::Set(list.iter().map(|d| d.trim()).collect())
    }

    fn has(&self, d: &str) -> bool {
        let d = d.trim();
        match self {
            Departments::Short(list) => list.iter().any(|x| x.trim() == d),
            Departments::Set(set) => set.contains(d),
        }
    }
}

/// The capability of an act on another user.
fn capability_of(act: Act) -> Capability {
    match act {
        Act::AddUsers => Capability::AddUsers,
        Act::ResetPasswords => Capability::ResetPasswords,
        Act::DeactivateUsers | Act::ReactivateUsers => Capability::DeactivateUsers,
        Act::DeleteUsers => Capability::DeleteUsers,
        Act::ViewReports => Capability::ViewReports,
        Act::EditUsers | Act::ChangeOwnRole | Act::ReplaceUsers => Capability::EditUsers,
    }
}

/// The act a refusal to hold `cap` names (an import refused is refused `add_users`).
fn act_holding(cap: Capability) -> Act {
    match cap {
        Capability::AddUsers => Act::AddUsers,
        Capability::ResetPasswords => Act::ResetPasswords,
        Capability::DeactivateUsers => Act::DeactivateUsers,
        Capability::DeleteUsers => Act::DeleteUsers,
        Capability::ViewReports => Act::ViewReports,
        _ => Act::EditUsers,
    }
}

/// The one decision: may `actor` do `action`? `Err` is the violation that says no:
/// `not_permitted`, `role_escalation` or `self_action` (which end a check), or
/// `sso_managed` for a field the identity provider manages (reported with the rest).
///
/// The `$system` actor is the host: it is never refused here (the account's invariants
/// are checked by the ops, for every actor).
pub(crate) fn authorize(view: &View<'_>, actor: Actor<'_>, action: Action<'_>) -> Result<(), Violation> {
    let Actor::User(slot, a) = actor else { return Ok(()) };
    let judge = Judge { view, slot, a };
    match action {
        Action::Hold(cap) => judge.holds(cap, act_holding(cap)).map(|_| ()),
        Action::Add { role, departments, chooses_id } => judge.add(role, departments, chooses_id),
        Action::Open(t) => {
            if t.id == a.id && a.can_sign_in() {
                Ok(())
            } else {
                judge.over(t, Act::EditUsers)
            }
        }
        Action::Edit { target, field, role, departments } => judge.edit(target, field, role, departments),
        Action::ViewReports(t) => judge.view_reports(t),
        Action::Manage { target, act } => {
            if target.id == a.id {
                return Err(judge.self_action(act));
            }
            judge.over(target, act)?;
            // Turning a user on or off is the identity provider's when it manages status.
            let switches = matches!(act, Act::DeactivateUsers | Act::ReactivateUsers);
            if switches && view.rules().sso_managed(Field::Status) {
                return Err(Violation::at(Field::Status, Problem::SsoManaged { field: Field::Status }));
            }
            Ok(())
        }
    }
}

/// One actor's questions.
struct Judge<'v, 'a> {
    view: &'v View<'a>,
    slot: Slot,
    a: &'v User,
}

impl Judge<'_, '_> {
    /// The refusal of `act` for `reason`, naming the real limit and whom to ask.
    fn refuse(&self, act: Act, reason: Denial, target: Option<&User>) -> Violation {
        let rules = self.view.rules();
        let departments = self.a.departments.iter().map(|d| rules.department_name(d).to_owned()).collect();
        let owner_only = target.is_some_and(|t| t.role == Role::Owner);
        let refusal = Refusal {
            action: act,
            reason,
            role: self.a.role,
            departments,
            target: target.map(|t| (t.name.clone(), t.role)),
            ask: self.view.someone_to_ask(Some(self.slot), owner_only),
        };
        Violation::general(Problem::NotPermitted(Box::new(refusal)))
    }

    fn self_action(&self, act: Act) -> Violation {
        let ask = self.view.someone_to_ask(Some(self.slot), self.a.role == Role::Owner);
        Violation::general(Problem::SelfAction { action: act, ask })
    }

    /// How far the actor holds `cap`, or the refusal of `act`.
    fn holds(&self, cap: Capability, act: Act) -> Result<Reach, Violation> {
        self.view.policy().roles.reach(self.a, cap).ok_or_else(|| {
            let reason = if self.a.can_sign_in() { Denial::NoCapability } else { Denial::NoPanelAccess };
            self.refuse(act, reason, None)
        })
    }

    /// Capability, rank and scope of `act` over the user `t`.
    fn over(&self, t: &User, act: Act) -> Result<(), Violation> {
        let reach = self.holds(capability_of(act), act)?;
        if t.role > self.a.role {
            return Err(self.refuse(act, Denial::HigherRank, Some(t)));
        }
        match reach {
            Reach::All => Ok(()),
            Reach::OwnDepartments if shares_department(self.a, t) => Ok(()),
            Reach::OwnDepartmentAgents if t.role != Role::Agent => Err(self.refuse(act, Denial::AgentsOnly, Some(t))),
            Reach::OwnDepartmentAgents if shares_department(self.a, t) => Ok(()),
            Reach::OwnDepartments | Reach::OwnDepartmentAgents => {
                Err(self.refuse(act, Denial::OutsideDepartments, Some(t)))
            }
        }
    }

    /// Giving `role` to a user (a new one, or by an edit).
    fn give_role(&self, role: Role, cap: Capability, act: Act) -> Result<(), Violation> {
        if role > self.a.role {
            let ask = self.view.someone_to_ask(Some(self.slot), true);
            let rules = self.view.rules();
            let departments = self.a.departments.iter().map(|d| rules.department_name(d).to_owned()).collect();
            let problem = Problem::RoleEscalation { role, actor_role: self.a.role, departments, ask };
            return Err(Violation::at(Field::Role, problem));
        }
        let reach = self.holds(cap, act)?;
        if reach == Reach::OwnDepartmentAgents && role != Role::Agent {
            let mut v = self.refuse(act, Denial::AgentsOnly, None);
            v.field = Some(Path::field(Field::Role));
            return Err(v);
        }
        Ok(())
    }

    fn add(&self, role: Role, departments: &[String], chooses_id: bool) -> Result<(), Violation> {
        let act = Act::AddUsers;
        let reach = self.holds(Capability::AddUsers, act)?;
        if chooses_id {
            // Ids are the host's: a panel user choosing one could take a deleted user's
            // id, and with it the call records and reportUsers entries that name it.
            let mut v = self.refuse(act, Denial::IdsGivenByHost, None);
            v.field = Some(Path::field(Field::Id));
            return Err(v);
        }
        self.give_role(role, Capability::AddUsers, act)?;
        if reach == Reach::OwnDepartmentAgents {
            let own = Departments::new(&self.a.departments);
            let outside = departments.iter().any(|d| !own.has(d));
            if outside || departments.is_empty() {
                let reason = if outside { Denial::OutsideDepartments } else { Denial::NeedsOwnDepartment };
                let mut v = self.refuse(act, reason, None);
                v.field = Some(Path::field(Field::Departments));
                return Err(v);
            }
        }
        Ok(())
    }

    fn edit(
        &self,
        t: &User,
        field: Field,
        role: Option<Role>,
        departments: Option<&[String]>,
    ) -> Result<(), Violation> {
        let a = self.a;
        let at_field = |mut v: Violation| {
            v.field = Some(Path::field(field));
            v
        };
        if t.id == a.id && field == Field::Role {
            let mut v = self.self_action(Act::ChangeOwnRole);
            v.field = Some(Path::field(Field::Role));
            return Err(v);
        }
        let own_field = t.id == a.id && SELF_EDITABLE.contains(&field) && a.can_sign_in();
        if !own_field {
            // Someone else's password is a password reset (owner/admin only, RULES §3); so is
            // moving where a Pro user's sign-in goes (its email, its login id): whoever
            // may do that could reset the password to themselves.
            let sign_in = matches!(field, Field::Email | Field::LoginId) && t.pro;
            let act = if (field == Field::Password || sign_in) && t.id != a.id {
                Act::ResetPasswords
            } else {
                Act::EditUsers
            };
            self.over(t, act).map_err(at_field)?;
            if let Some(role) = role.filter(|_| field == Field::Role) {
                self.give_role(role, Capability::EditUsers, Act::EditUsers)?;
            }
            if let Some(new) = departments.filter(|_| field == Field::Departments) {
                let reach = self.holds(Capability::EditUsers, Act::EditUsers)?;
                let changes_outside = || {
                    let (own, was, now) =
                        (Departments::new(&a.departments), Departments::new(&t.departments), Departments::new(new));
                    let added = new.iter().filter(|d| !was.has(d));
                    let removed = t.departments.iter().filter(|d| !now.has(d));
                    added.chain(removed).any(|d| !own.has(d))
                };
                if reach != Reach::All && changes_outside() {
                    return Err(at_field(self.refuse(Act::EditUsers, Denial::OutsideDepartments, Some(t))));
                }
            }
        }
        if self.view.rules().sso_managed(field) {
            return Err(Violation::at(field, Problem::SsoManaged { field }));
        }
        Ok(())
    }

    fn view_reports(&self, t: &User) -> Result<(), Violation> {
        if t.id == self.a.id && self.view.policy().roles.reach(self.a, Capability::ViewOwnCalls).is_some() {
            return Ok(());
        }
        // Seeing call records is not acting on the user: no rank rule, only the reach.
        let reach = self.holds(Capability::ViewReports, Act::ViewReports)?;
        match reach {
            Reach::All => Ok(()),
            _ if shares_department(self.a, t) => Ok(()),
            _ => Err(self.refuse(Act::ViewReports, Denial::OutsideDepartments, Some(t))),
        }
    }
}

/// The refusal of an op that names an actor other than `signed_in` (the user the host
/// signed in), at `actor`.
pub(crate) fn impostor(view: &View<'_>, signed_in: &User, act: Act) -> Violation {
    let rules = view.rules();
    let refusal = Refusal {
        action: act,
        reason: Denial::NotSignedIn,
        role: signed_in.role,
        departments: signed_in.departments.iter().map(|d| rules.department_name(d).to_owned()).collect(),
        target: None,
        ask: None,
    };
    Violation::at(crate::field::Key::Actor, Problem::NotPermitted(Box::new(refusal)))
}

/// The action a capability names over `target`, for `can`. The two that edit a record
/// (`edit_users`, `reset_passwords`) are asked as the one-field `editUser` they stand for
/// (`ops::editable`), which asks [`authorize`] here leaf by leaf; the others map to one
/// action:
///
/// - `add_users`: adding a user like `target` (its role and departments), or any user.
/// - `deactivate_users`, `delete_users`: that op on `target`.
/// - `view_reports`: naming `target` in a `reportUsers` list.
/// - the personal capabilities (`receive_calls`, `panel_login`, `view_own_calls`): the
///   actor itself only (the caller checks); the account-wide ones (`manage_departments`,
///   `manage_billing`): the target does not matter.
pub(crate) fn action_of(capability: Capability, target: Option<&User>) -> Action<'_> {
    use Capability as C;
    let Some(t) = target else { return Action::Hold(capability) };
    match capability {
        C::AddUsers => Action::Add { role: t.role, departments: &t.departments, chooses_id: false },
        C::DeactivateUsers => Action::Manage { target: t, act: Act::DeactivateUsers },
        C::DeleteUsers => Action::Manage { target: t, act: Act::DeleteUsers },
        C::ViewReports => Action::ViewReports(t),
        C::EditUsers => Action::Edit { target: t, field: Field::Extension, role: None, departments: None },
        C::ResetPasswords => Action::Edit { target: t, field: Field::Password, role: None, departments: None },
        C::ReceiveCalls | C::PanelLogin | C::ViewOwnCalls | C::ManageDepartments | C::ManageBilling => {
            Action::Hold(capability)
        }
    }
}

/// Whether the answer of [`authorize`] is a refusal (a permission violation; an SSO
/// verdict is about the field, not the actor).
pub(crate) fn refused(answer: &Result<(), Violation>) -> bool {
    answer.as_ref().is_err_and(|v| v.problem.is_permission())
}
