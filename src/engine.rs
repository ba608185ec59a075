//! [`Engine`]: holds one account, checks ops, applies them.
//!
//! Every op is evaluated once into an [`Outcome`] plus the change it would make
//! (`ops::evaluate`); [`Engine::check`] drops the change, [`Engine::apply`] carries it
//! out only when the Outcome is ok. So `check` and `apply` cannot disagree.

use std::sync::Arc;

use crate::capability::{Capability, Grants};
use crate::field::Field;
use crate::model::{Account, Policy, User};
use crate::op::Op;
use crate::outcome::Outcome;
use crate::permission::{action_of, authorize, refused, Action, Actor};
use crate::state::{Directory, ExternalEmails, Put, State};

/// The rules engine over one account.
///
/// # Example
/// ```
/// use roster_rules::{Engine, Op, Policy};
/// let account = serde_json::from_str(r#"{"plan":"nano","proSeats":1,"users":[
///   {"id":"u1","name":"Asha Rao","email":"asha@acme.in","mobile":"+919800000001",
///    "extension":"10","role":"owner","pro":true,"status":"active"}]}"#)?;
/// let mut engine = Engine::new(Policy::default(), account);
/// let op: Op = serde_json::from_str(r#"{"type":"addUser","actor":"u1","user":{
///   "name":"Bala Iyer","email":"bala@acme.in","mobile":"98000 00002","extension":"10"}}"#)?;
/// let outcome = engine.check(&op);
/// assert_eq!(outcome.codes(), ["extension_taken", "no_department"]);
/// assert!(!engine.apply(&op).ok);
/// assert_eq!(engine.users().count(), 1);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone)]
pub struct Engine {
    pub(crate) state: State,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("policy", &self.state.policy)
            .field("users", &self.state.len())
            .finish_non_exhaustive()
    }
}

impl Engine {
    /// An engine over `account` under `policy`.
    pub fn new(policy: Policy, account: Account) -> Engine {
        Engine { state: State::new(policy, account) }
    }

    /// Emails the host knows are used in other workspaces (`email_taken_elsewhere`).
    pub fn set_external_emails<I: IntoIterator<Item = S>, S: AsRef<str>>(&mut self, emails: I) {
        self.state.directory = Arc::new(ExternalEmails::new(emails));
    }

    /// Uses the host's own [`Directory`].
    pub fn set_directory(&mut self, directory: Arc<dyn Directory>) {
        self.state.directory = directory;
    }

    /// The account as it is now: its settings, its users, and the number the next fresh
    /// user id will take (`nextUserNumber`). A copy; [`Engine::users`] reads without one.
    pub fn account(&self) -> Account {
        self.state.account()
    }

    /// The users, in account order.
    pub fn users(&self) -> impl Iterator<Item = &User> + '_ {
        self.state.users().map(|(_, u)| u)
    }

    /// The user `id`.
    pub fn user(&self, id: &str) -> Option<&User> {
        self.state.find(id).map(|(_, u)| u)
    }

    /// The policy in force.
    pub fn policy(&self) -> &Policy {
        &self.state.policy
    }

    /// Checks `op` against every rule without changing anything.
    // Not inlined: every caller at the wasm edge would carry its own copy.
    #[inline(never)]
    pub fn check(&self, op: &Op) -> Outcome {
        crate::ops::evaluate(&self.state, op).0
    }

    /// Checks `op` and, only when the Outcome is ok, carries it out.
    pub fn apply(&mut self, op: &Op) -> Outcome {
        let (outcome, mutation) = crate::ops::evaluate(&self.state, op);
        if outcome.ok {
            if let Some(m) = mutation {
                self.state.perform(m);
            }
        }
        outcome
    }

    /// Checks `op` sent by the user `signed_in` (the host's session): an op that names
    /// another actor is refused (`not_permitted`, reason `actor_not_signed_in`, at
    /// `actor`) and nothing else is looked at; otherwise it is [`Engine::check`]. The actor
    /// of an op is who signed in, never what the request says. Ops without an actor
    /// (`reachable`, `audit`, …) are checked as they are.
    ///
    /// # Example
    /// ```
    /// use roster_rules::{Engine, Op, Policy};
    /// let account = serde_json::from_str(r#"{"plan":"nano","users":[
    ///   {"id":"u1","name":"Asha Rao","email":"asha@acme.in","mobile":"+919800000001",
    ///    "extension":"10","role":"owner","pro":true,"status":"active"},
    ///   {"id":"u2","name":"Dev Patel","email":"dev@acme.in","mobile":"+919800000002",
    ///    "extension":"11","pro":true,"status":"active"}]}"#)?;
    /// let engine = Engine::new(Policy::default(), account);
    /// let op: Op = serde_json::from_str(r#"{"type":"deleteUser","actor":"u1","target":"u2"}"#)?;
    /// let out = engine.check_as("u2", &op); // u2 signed in, posing as the owner
    /// assert_eq!(out.codes(), ["not_permitted"]);
    /// assert_eq!(out.violations[0].param("reason").unwrap().text(), "actor_not_signed_in");
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn check_as(&self, signed_in: &str, op: &Op) -> Outcome {
        match self.impostor(signed_in, op) {
            Some(refusal) => refusal,
            None => self.check(op),
        }
    }

    /// [`Engine::apply`] of `op` sent by the user `signed_in`, refused as
    /// [`Engine::check_as`] refuses it.
    pub fn apply_as(&mut self, signed_in: &str, op: &Op) -> Outcome {
        match self.impostor(signed_in, op) {
            Some(refusal) => refusal,
            None => self.apply(op),
        }
    }

    /// The refusal of an op that names an actor other than `signed_in`.
    fn impostor(&self, signed_in: &str, op: &Op) -> Option<Outcome> {
        op.actor().filter(|a| *a != signed_in)?;
        let view = self.state.view();
        let refusal = match view.find(signed_in) {
            None => crate::outcome::Violation::at(
                crate::field::Key::Actor,
                crate::problem::Problem::UserUnknown { id: signed_in.to_owned() },
            ),
            Some((_, user)) => crate::permission::impostor(&view, user, op.act()),
        };
        Some(Outcome::from_violations(vec![refusal]))
    }

    /// Stores `user` as the host's database has it, replacing the user with the same id
    /// or appending it: how a cached engine follows writes made elsewhere (another
    /// process, a migration). No rule is checked: the database is the truth here, and an
    /// `audit` reports what it breaks. The index is updated for this user only.
    ///
    /// # Example
    /// ```
    /// use roster_rules::{Engine, Policy, User};
    /// let mut engine = Engine::new(Policy::default(), serde_json::from_str(r#"{"plan":"nano","users":[]}"#)?);
    /// let row: User = serde_json::from_str(r#"{"id":"u7","name":"Gita Nair","email":"gita@acme.in",
    ///   "mobile":"+919800000007","extension":"16"}"#)?;
    /// engine.upsert_user(row);
    /// assert_eq!(engine.users().count(), 1);
    /// assert!(engine.remove_user("u7").is_some());
    /// assert_eq!(engine.users().count(), 0);
    /// assert_eq!(engine.account().next_user_number, Some(8)); // u7 is never given again
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn upsert_user(&mut self, user: User) {
        let put = match self.state.find(&user.id) {
            Some((slot, _)) => Put::Replace(slot, user),
            None => Put::Append(user),
        };
        self.state.perform(vec![put]);
    }

    /// Moves the account's `nextUserNumber` up to `next` (never down): how a cached engine
    /// learns of ids another process gave, including ones already deleted again, which
    /// no row would show it. Fresh ids then start at `u<next>` at the earliest.
    ///
    /// # Example
    /// ```
    /// use roster_rules::{Engine, Policy};
    /// let mut engine = Engine::new(Policy::default(), serde_json::from_str(r#"{"plan":"nano","users":[]}"#)?);
    /// engine.advance_user_number(42);
    /// engine.advance_user_number(7); // never down
    /// assert_eq!(engine.account().next_user_number, Some(42));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn advance_user_number(&mut self, next: u64) {
        self.state.advance_next_number(next);
    }

    /// Forgets the user `id` (deleted elsewhere), returning it; `None` when there is no
    /// such user. No rule is checked, as for [`Engine::upsert_user`].
    pub fn remove_user(&mut self, id: &str) -> Option<User> {
        let (slot, user) = self.state.find(id)?;
        let user = user.clone();
        self.state.perform(vec![Put::Remove(slot)]);
        Some(user)
    }

    /// Whether user `actor` may use `capability` over user `target` (RULES §3): the same
    /// decision as the ops' (capability, scope, rank, self). See
    /// [`permission`](crate::permission) for what each capability asks of a target.
    ///
    /// # Example
    /// ```
    /// use roster_rules::{Capability, Engine, Policy};
    /// let account = serde_json::from_str(r#"{"plan":"nano","users":[
    ///   {"id":"u1","name":"A","email":"a@x.in","mobile":"+919800000001","extension":"10","role":"owner","pro":true,"status":"active"},
    ///   {"id":"u2","name":"B","email":"b@x.in","mobile":"+919800000002","extension":"11"}]}"#)?;
    /// let engine = Engine::new(Policy::default(), account);
    /// assert!(engine.can("u1", Capability::DeleteUsers, Some("u2")));
    /// assert!(!engine.can("u1", Capability::DeleteUsers, Some("u1"))); // not oneself
    /// assert!(!engine.can("u2", Capability::PanelLogin, None));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn can(&self, actor: &str, capability: Capability, target: Option<&str>) -> bool {
        let view = self.state.view();
        let Some((slot, a)) = view.find(actor) else { return false };
        let t = match target {
            Some(id) => match view.find(id) {
                Some((_, t)) => Some(t),
                None => return false,
            },
            None => None,
        };
        let personal =
            matches!(capability, Capability::ReceiveCalls | Capability::PanelLogin | Capability::ViewOwnCalls);
        if personal && t.is_some_and(|t| t.id != a.id) {
            return false;
        }
        let actor = Actor::User(slot, a);
        let edit = match capability {
            Capability::EditUsers => Some(Field::Extension),
            Capability::ResetPasswords => Some(Field::Password),
            _ => None,
        };
        match (edit, t) {
            // What a one-field editUser of that field would meet (the record opened, then
            // the field, leaf by leaf): the same gate as the op.
            (Some(field), Some(t)) => {
                !crate::ops::why_not(&view, actor, t, field).is_some_and(|v| v.problem.is_permission())
            }
            _ => !refused(&authorize(&view, actor, action_of(capability, t))),
        }
    }

    /// What user `actor` may do and how far (an empty column for a deactivated user),
    /// or `None` when there is no such user: the row of the matrix a screen shows. Each
    /// reach is the one [`Engine::can`] and the ops read.
    ///
    /// # Example
    /// ```
    /// use roster_rules::{capability::Reach, Capability, Engine, Policy};
    /// let account = serde_json::from_str(r#"{"plan":"nano","users":[{"id":"u3","name":"C",
    ///   "email":"c@x.in","mobile":"+919800000003","extension":"12","role":"manager","pro":true,
    ///   "status":"active"}]}"#)?;
    /// let engine = Engine::new(Policy::default(), account);
    /// let grants = engine.capabilities("u3").unwrap();
    /// assert_eq!(grants.get(&Capability::AddUsers), Some(&Reach::OwnDepartmentAgents));
    /// assert_eq!(grants.get(&Capability::DeleteUsers), None);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn capabilities(&self, actor: &str) -> Option<Grants> {
        let view = self.state.view();
        let (slot, user) = view.find(actor)?;
        let mut grants = Grants::new();
        for c in Capability::ALL {
            let held = !refused(&authorize(&view, Actor::User(slot, user), Action::Hold(c)));
            if let (true, Some(r)) = (held, self.state.policy.roles.reach(user, c)) {
                grants.insert(c, r);
            }
        }
        Some(grants)
    }
}
