//! [`Engine`]: holds one account with its indexes, checks ops, applies them.
//!
//! Every op is evaluated once into an [`Outcome`] plus the mutation it would make;
//! [`Engine::check`] drops the mutation, [`Engine::apply`] performs it only when the
//! Outcome is ok. So `check` and `apply` cannot disagree.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::model::{Account, ExtensionRange, Policy, User};
use crate::ops::Op;
use crate::outcome::Outcome;
use crate::rules::{email, phone};

/// The maps of the indexes: key text → position.
pub(crate) type KeyMap = HashMap<String, usize>;

/// The host's knowledge of emails used in other workspaces (SPEC §6 "Directory").
pub trait Directory: Send + Sync {
    /// Whether `email_key` (the lower-cased address) is in use in another workspace.
    fn email_taken_elsewhere(&self, email_key: &str) -> bool;
}

/// A [`Directory`] that is a plain list of addresses.
#[derive(Debug, Default)]
pub struct ExternalEmails(HashSet<String>);

impl ExternalEmails {
    /// A directory of these addresses (compared case-insensitively).
    pub fn new<I: IntoIterator<Item = S>, S: AsRef<str>>(emails: I) -> Self {
        ExternalEmails(emails.into_iter().map(|e| email::key(e.as_ref().trim())).collect())
    }
}

impl Directory for ExternalEmails {
    fn email_taken_elsewhere(&self, email_key: &str) -> bool {
        self.0.contains(email_key)
    }
}

/// A key that must be unique among the users of an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Key {
    Id,
    Email,
    Mobile,
    Extension,
    Login,
}

/// Lookups that keep one check from scanning the account.
// INVARIANT: rebuilt (or updated by `Engine::push_user`) after every change of `account.users`;
// each map points at the FIRST user holding the key, so a later duplicate is the one flagged.
// The keys are normalised as the field checks normalise them (`ops::fields`).
#[derive(Clone, Debug, Default)]
pub(crate) struct Index {
    pub by_id: KeyMap,
    pub email: KeyMap,
    pub mobile: KeyMap,
    pub extension: KeyMap,
    pub login: KeyMap,
    /// Users counted toward `maxUsers`.
    pub counted: u64,
    /// Pro seats in use.
    pub pro_used: u64,
    /// Active owners and admins who can sign in.
    pub active_admins: u64,
    /// `(position, key, first holder)` of every user whose key an earlier user holds, in
    /// position order: what an audit reports, found while indexing instead of by lookups.
    pub clashes: Vec<(usize, Key, usize)>,
}

impl Index {
    /// The earlier user who holds `key` of the user at `pos`, found while indexing.
    pub(crate) fn clash(&self, pos: usize, key: Key) -> Option<usize> {
        let from = self.clashes.partition_point(|c| c.0 < pos);
        self.clashes.get(from..)?.iter().take_while(|c| c.0 == pos).find(|c| c.1 == key).map(|c| c.2)
    }

    /// Room for `n` more users in the maps every user has a key in.
    fn reserve(&mut self, n: usize) {
        for map in [&mut self.by_id, &mut self.email, &mut self.mobile, &mut self.extension] {
            map.reserve(n);
        }
    }

    /// The map of `key`.
    pub(crate) fn map(&self, key: Key) -> &KeyMap {
        match key {
            Key::Id => &self.by_id,
            Key::Email => &self.email,
            Key::Mobile => &self.mobile,
            Key::Extension => &self.extension,
            Key::Login => &self.login,
        }
    }

    fn claim(&mut self, key: Key, text: String, pos: usize) {
        let map = match key {
            Key::Id => &mut self.by_id,
            Key::Email => &mut self.email,
            Key::Mobile => &mut self.mobile,
            Key::Extension => &mut self.extension,
            Key::Login => &mut self.login,
        };
        match map.entry(text) {
            std::collections::hash_map::Entry::Occupied(held) => self.clashes.push((pos, key, *held.get())),
            std::collections::hash_map::Entry::Vacant(free) => {
                free.insert(pos);
            }
        }
    }
}

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
/// assert_eq!(engine.account().users.len(), 1);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone)]
pub struct Engine {
    pub(crate) policy: Policy,
    pub(crate) account: Account,
    pub(crate) idx: Index,
    pub(crate) directory: Arc<dyn Directory>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine").field("policy", &self.policy).field("account", &self.account).finish_non_exhaustive()
    }
}

/// What an evaluated op would change.
pub(crate) enum Mutation {
    Add(Box<User>),
    Replace(usize, Box<User>),
    Remove(usize),
    /// The state after a multi-step op (replace), computed on a copy.
    Swap(Box<Engine>),
    /// Users appended in order (import), checked on a [`View`] with them [`Added`].
    Extend(Vec<User>),
}

impl Engine {
    /// An engine over `account` under `policy`.
    pub fn new(policy: Policy, account: Account) -> Engine {
        let mut engine =
            Engine { policy, account, idx: Index::default(), directory: Arc::new(ExternalEmails::default()) };
        engine.reindex();
        engine
    }

    /// Emails the host knows are used in other workspaces (`email_taken_elsewhere`).
    pub fn set_external_emails<I: IntoIterator<Item = S>, S: AsRef<str>>(&mut self, emails: I) {
        self.directory = Arc::new(ExternalEmails::new(emails));
    }

    /// Uses the host's own [`Directory`].
    pub fn set_directory(&mut self, directory: Arc<dyn Directory>) {
        self.directory = directory;
    }

    /// The account as it is now.
    pub fn account(&self) -> &Account {
        &self.account
    }

    /// The policy in force.
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// Stores `user` as the host's database has it, replacing the user with the same id
    /// or appending it: how a cached engine follows writes made elsewhere (another
    /// process, a migration). No rule is checked: the database is the truth here, and an
    /// `audit` reports what it breaks.
    ///
    /// # Example
    /// ```
    /// use roster_rules::{Engine, Policy, User};
    /// let mut engine = Engine::new(Policy::default(), serde_json::from_str(r#"{"plan":"nano","users":[]}"#)?);
    /// let row: User = serde_json::from_str(r#"{"id":"u7","name":"Gita Nair","email":"gita@acme.in",
    ///   "mobile":"+919800000007","extension":"16"}"#)?;
    /// engine.upsert_user(row);
    /// assert_eq!(engine.account().users.len(), 1);
    /// assert!(engine.remove_user("u7").is_some());
    /// assert!(engine.account().users.is_empty());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn upsert_user(&mut self, user: User) {
        match self.pos(&user.id) {
            Some(pos) => self.perform(Mutation::Replace(pos, Box::new(user))),
            None => {
                self.account.users.push(user);
                self.reindex();
            }
        }
    }

    /// Forgets the user `id` (deleted elsewhere), returning it; `None` when there is no
    /// such user. No rule is checked, as for [`Engine::upsert_user`].
    pub fn remove_user(&mut self, id: &str) -> Option<User> {
        let pos = self.pos(id)?;
        let user = self.account.users.get(pos).cloned();
        self.perform(Mutation::Remove(pos));
        user
    }

    /// Checks `op` against every rule without changing anything.
    pub fn check(&self, op: &Op) -> Outcome {
        self.evaluate(op).0
    }

    /// Checks `op` and, only when the Outcome is ok, carries it out.
    pub fn apply(&mut self, op: &Op) -> Outcome {
        let (outcome, mutation) = self.evaluate(op);
        if outcome.ok {
            if let Some(m) = mutation {
                self.perform(m);
            }
        }
        outcome
    }

    /// Whether user `actor` holds `capability` over user `target` (SPEC §3).
    ///
    /// # Example
    /// ```
    /// use roster_rules::{Capability, Engine, Policy};
    /// let account = serde_json::from_str(r#"{"plan":"nano","users":[
    ///   {"id":"u1","name":"A","email":"a@x.in","mobile":"+919800000001","extension":"10","role":"owner","pro":true,"status":"active"},
    ///   {"id":"u2","name":"B","email":"b@x.in","mobile":"+919800000002","extension":"11"}]}"#)?;
    /// let engine = Engine::new(Policy::default(), account);
    /// assert!(engine.can("u1", Capability::DeleteUsers, Some("u2")));
    /// assert!(!engine.can("u2", Capability::PanelLogin, None));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn can(&self, actor: &str, capability: crate::Capability, target: Option<&str>) -> bool {
        let Some(a) = self.user(actor) else {
            return false;
        };
        let t = match target {
            Some(id) => match self.user(id) {
                Some(t) => Some(t),
                None => return false,
            },
            None => None,
        };
        crate::capability::can(&self.policy.roles, a, capability, t)
    }

    /// What user `actor` may do and how far (an empty column for a deactivated user),
    /// or `None` when there is no such user: the row of the matrix a screen shows.
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
    pub fn capabilities(&self, actor: &str) -> Option<crate::capability::Grants> {
        let user = self.user(actor)?;
        let roles = &self.policy.roles;
        let mut grants = crate::capability::Grants::new();
        for c in crate::Capability::ALL {
            if let Some(r) = roles.reach(user, c) {
                grants.insert(c, r);
            }
        }
        Some(grants)
    }

    pub(crate) fn user(&self, id: &str) -> Option<&User> {
        self.idx.by_id.get(id).and_then(|&i| self.account.users.get(i))
    }

    pub(crate) fn pos(&self, id: &str) -> Option<usize> {
        self.idx.by_id.get(id).copied()
    }

    pub(crate) fn at(&self, pos: usize) -> Option<&User> {
        self.account.users.get(pos)
    }

    /// The extension range in force: the account's, else the policy's.
    pub(crate) fn range(&self) -> ExtensionRange {
        self.account.extension_range.unwrap_or(self.policy.extension_range)
    }

    /// Whether `user` counts toward `maxUsers` / holds a Pro seat under this policy.
    pub(crate) fn counts(&self, user: &User) -> bool {
        self.policy.count_deactivated || !user.is_deactivated()
    }

    pub(crate) fn perform(&mut self, m: Mutation) {
        match m {
            Mutation::Add(user) => self.push_user(*user),
            Mutation::Replace(pos, user) => {
                if let Some(slot) = self.account.users.get_mut(pos) {
                    *slot = *user;
                }
                self.reindex();
            }
            Mutation::Remove(pos) => {
                if pos < self.account.users.len() {
                    self.account.users.remove(pos);
                }
                self.reindex();
            }
            Mutation::Swap(engine) => {
                self.account = engine.account;
                self.idx = engine.idx;
            }
            Mutation::Extend(users) => {
                self.reserve(users.len());
                for user in users {
                    self.push_user(user);
                }
            }
        }
    }

    /// A stored mobile as the index keys it: in E.164 where the phone rule normalises it,
    /// else as written (an audit then reports it as `mobile_invalid`).
    pub(crate) fn mobile_key(&self, stored: &str) -> String {
        phone::normalize(stored, &self.policy.default_country).unwrap_or_else(|_| stored.to_owned())
    }

    /// Room for `n` more users, so adding them does not regrow the indexes.
    pub(crate) fn reserve(&mut self, n: usize) {
        self.account.users.reserve(n);
        self.idx.reserve(n);
    }

    /// Appends a user and indexes it without a rebuild (an import adds thousands). The
    /// user is a checked new one (`new_user` without errors; see `checked_mobile_key`).
    pub(crate) fn push_user(&mut self, user: User) {
        let pos = self.account.users.len();
        let mobile = self.checked_mobile_key(&user);
        self.account.users.push(user);
        self.index_at(pos, mobile);
    }

    /// The mobile key of a checked new user: its mobile as stored, the phone rule's E.164
    /// text, which is its own key (normalising is idempotent), so it is not normalised again.
    fn checked_mobile_key(&self, user: &User) -> String {
        let mobile = user.mobile.clone();
        debug_assert_eq!(self.mobile_key(&user.mobile), mobile, "only a checked new user is added this way");
        mobile
    }

    pub(crate) fn reindex(&mut self) {
        self.idx = Index::default();
        // Sized once: growing the maps as they fill rehashes every key several times.
        self.idx.reserve(self.account.users.len());
        for pos in 0..self.account.users.len() {
            self.index_one(pos);
        }
    }

    fn index_one(&mut self, pos: usize) {
        if let Some(u) = self.account.users.get(pos) {
            let mobile = self.mobile_key(&u.mobile);
            self.index_at(pos, mobile);
        }
    }

    /// Indexes the user at `pos`, whose mobile key is `mobile`.
    fn index_at(&mut self, pos: usize, mobile: String) {
        let Some(u) = self.account.users.get(pos) else {
            return;
        };
        let counts = self.counts(u);
        self.idx.add(pos, u, mobile, counts);
    }

    /// The engine as the checks read it, with nothing added.
    pub(crate) fn view(&self) -> View<'_> {
        View { engine: self, added: None }
    }

    /// The engine with `added` appended after its users, as the checks read it.
    pub(crate) fn view_with<'e>(&'e self, added: &'e Added) -> View<'e> {
        View { engine: self, added: Some(added) }
    }

    /// Appends a checked new user to `added`, indexed at its position after this
    /// engine's users (as [`Engine::push_user`] would index it here).
    pub(crate) fn push_added(&self, added: &mut Added, user: User) {
        let pos = self.account.users.len().saturating_add(added.users.len());
        let mobile = self.checked_mobile_key(&user);
        added.idx.add(pos, &user, mobile, self.counts(&user));
        added.users.push(user);
    }
}

impl Index {
    /// Indexes `u` at `pos`, whose mobile key is `mobile`; `counts` is [`Engine::counts`].
    fn add(&mut self, pos: usize, u: &User, mobile: String, counts: bool) {
        self.claim(Key::Id, u.id.clone(), pos);
        self.claim(Key::Email, email::key(u.email.trim()), pos);
        self.claim(Key::Mobile, mobile, pos);
        self.claim(Key::Extension, u.extension.trim().to_owned(), pos);
        if let Some(w) = &u.web_login {
            self.claim(Key::Login, w.login_id.trim().to_ascii_lowercase(), pos);
        }
        self.counted += u64::from(counts);
        self.pro_used += u64::from(counts && u.pro);
        self.active_admins += u64::from(u.is_active_admin());
    }
}

/// Users added after an engine's own without copying the engine: the rows an import
/// has accepted so far. Their positions follow the engine's users; their index holds
/// only their own keys and counts.
pub(crate) struct Added {
    users: Vec<User>,
    idx: Index,
}

impl Added {
    /// Room for `n` users.
    pub(crate) fn with_capacity(n: usize) -> Added {
        let mut added = Added { users: Vec::with_capacity(n), idx: Index::default() };
        added.idx.reserve(n);
        added
    }

    /// The users, in the order they were added.
    pub(crate) fn into_users(self) -> Vec<User> {
        self.users
    }
}

/// The account as the checks read it: an engine's users, then any [`Added`] after them.
/// Every lookup the field checks make (positions, key holders, counts, fresh ids) goes
/// through here, so a check reads the same whether users were added or are stored. The
/// one exception is an audit, which reads the clashes found while the engine indexed its
/// own users (`Index::clash`): it runs on [`Engine::view`], with nothing added.
/// It derefs to the engine for what adding users does not change (policy, plan,
/// departments, the directory) and for the actor (`Engine::actor`), who is always one of
/// the engine's own users: an import's rows get fresh ids and cannot act.
#[derive(Clone, Copy)]
pub(crate) struct View<'e> {
    engine: &'e Engine,
    added: Option<&'e Added>,
}

impl std::ops::Deref for View<'_> {
    type Target = Engine;
    fn deref(&self) -> &Engine {
        self.engine
    }
}

impl<'e> View<'e> {
    fn base_len(&self) -> usize {
        self.engine.account.users.len()
    }

    /// The user at `pos`.
    pub(crate) fn at(&self, pos: usize) -> Option<&'e User> {
        match pos.checked_sub(self.base_len()) {
            None => self.engine.at(pos),
            Some(i) => self.added?.users.get(i),
        }
    }

    /// The first user holding `key` as `text` (normalised as the index keys it).
    pub(crate) fn holder(&self, key: Key, text: &str) -> Option<usize> {
        let first = self.engine.idx.map(key).get(text);
        first.or_else(|| self.added?.idx.map(key).get(text)).copied()
    }

    /// The position of user `id`.
    pub(crate) fn pos(&self, id: &str) -> Option<usize> {
        self.holder(Key::Id, id)
    }

    /// Users counted toward `maxUsers`, and Pro seats in use.
    pub(crate) fn totals(&self) -> (u64, u64) {
        let (a, b) = (&self.engine.idx, self.added.map(|a| &a.idx));
        let add = |f: fn(&Index) -> u64| f(a).saturating_add(b.map_or(0, f));
        (add(|i| i.counted), add(|i| i.pro_used))
    }

    /// The lowest extension in range that is neither reserved nor held.
    pub(crate) fn lowest_free_extension(&self) -> Option<String> {
        let r = self.range();
        (r.from..=r.to)
            .take(1_000_000)
            .map(|n| n.to_string())
            .find(|e| self.holder(Key::Extension, e).is_none() && !self.policy.reserved_extensions.contains(e))
    }

    /// A fresh user id: `u<n>`, the first one free from the user count on.
    pub(crate) fn next_id(&self) -> String {
        let mut n = self.base_len().saturating_add(self.added.map_or(0, |a| a.users.len())).saturating_add(1);
        loop {
            let mut id = String::with_capacity(8);
            id.push('u');
            crate::rules::push_decimal(&mut id, n);
            if self.pos(&id).is_none() {
                return id;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index an engine keeps after `op` is the one a rebuild of its account gives.
    #[track_caller]
    fn index_after(policy: serde_json::Value, csv: &str) {
        let policy: Policy = serde_json::from_value(policy).unwrap();
        let account: Account = serde_json::from_value(serde_json::json!({ "plan": "enterprise", "proSeats": 5,
            "departments": [{ "id": "sales", "name": "Sales", "routing": "round_robin" }], "users": [
            { "id": "u1", "name": "Asha Rao", "email": "asha@acme.in", "mobile": "+919800000001",
              "extension": "10", "role": "owner", "pro": true, "status": "active" },
            { "id": "u2", "name": "Bala Iyer", "email": "bala@acme.in", "mobile": "+919800000002",
              "extension": "11", "departments": ["sales"] },
            { "id": "u3", "name": "Bala Two", "email": "bala@acme.in", "mobile": "+919800000002",
              "extension": "12", "departments": ["sales"] }] }))
        .unwrap();
        let mut engine = Engine::new(policy.clone(), account);
        let op: Op =
            serde_json::from_value(serde_json::json!({ "type": "importUsers", "actor": "u1", "csv": csv })).unwrap();
        let outcome = engine.apply(&op);
        assert!(outcome.ok, "{:?}", outcome.codes());
        let rebuilt = Engine::new(policy, engine.account.clone());
        let (a, b) = (&engine.idx, &rebuilt.idx);
        for key in [Key::Id, Key::Email, Key::Mobile, Key::Extension, Key::Login] {
            assert_eq!(a.map(key), b.map(key), "{key:?}");
        }
        assert_eq!((a.counted, a.pro_used, a.active_admins), (b.counted, b.pro_used, b.active_admins));
        assert_eq!(a.clashes, b.clashes);
    }

    #[test]
    fn an_import_leaves_the_index_a_rebuild_gives() {
        let header = "name,email,mobile,extension,role,pro,departments";
        index_after(
            serde_json::json!({}),
            &format!("{header}\nGita Nair,gita@acme.in,9800000007,16,manager,yes,sales\nHari Das,hari@acme.in,9800000008,17,,,sales\n"),
        );
        // Mobiles need not be unique here: rows share one with the stored users and with
        // each other, so the clashes of the rows come after the account's own.
        index_after(
            serde_json::json!({ "uniqueMobile": false }),
            &format!("{header}\nGita Nair,gita@acme.in,9800000002,16,,,sales\nHari Das,hari@acme.in,9800000007,17,,,sales\nIndu Roy,indu@acme.in,9800000007,18,,,sales\n"),
        );
    }
}
