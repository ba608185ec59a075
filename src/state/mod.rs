//! The account an engine holds: its users in stable slots, the [`Index`] over them, and
//! what the account's settings come to as rules ([`Rules`]). Ops read it through a
//! [`View`]; only [`State::perform`] changes it, user by user, updating the index in
//! place (no rebuild: an edit of one user of 100,000 touches one user's keys).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

mod index;
mod view;

pub(crate) use index::{Key, Keys, Placing};
pub(crate) use view::{Added, Overlay, View};

use crate::field::Field;
use crate::model::{Account, ExtensionRange, Policy, User};
use crate::rules::{email, phone};
use index::Index;

/// A user's place in the account: its position among every user ever stored by this
/// engine (account order), stable while others come and go.
pub(crate) type Slot = usize;

/// The host's knowledge of emails used in other workspaces (RULES §6 "Directory").
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

/// What the account's settings and the policy come to, worked out once per engine so
/// that no check searches a list: the range, the reserved numbers, the departments and
/// caller ids by key, the SSO-managed fields.
#[derive(Clone, Debug)]
pub(crate) struct Rules {
    pub range: ExtensionRange,
    /// Reserved extensions, as written.
    pub reserved: HashSet<String>,
    /// Department id → name.
    pub departments: HashMap<String, String>,
    /// The account's caller ids as [`caller_key`] keys them.
    pub caller_ids: HashSet<String>,
    /// Fields only the identity provider may change (a bit per [`Field`]).
    pub sso: u32,
}

/// Caller ids are often landlines (`+911140001234`), which the mobile rule refuses: they
/// are compared in E.164 where the phone rule can normalise them, else as `+` and digits.
pub(crate) fn caller_key(text: &str, country: &str) -> String {
    phone::normalize(text, country).unwrap_or_else(|_| {
        let t = text.trim();
        let plus = if t.starts_with('+') { "+" } else { "" };
        plus.chars().chain(t.chars().filter(char::is_ascii_digit)).collect()
    })
}

impl Rules {
    fn new(policy: &Policy, account: &Account) -> Rules {
        let range = account.extension_range.unwrap_or(policy.extension_range);
        let reserved: HashSet<String> = policy.reserved_extensions.iter().map(|r| r.trim().to_owned()).collect();
        let mut sso = 0;
        for name in account.sso.iter().flat_map(|s| &s.managed_fields) {
            if let Some(f) = Field::parse(name.trim()) {
                sso |= 1 << f as u32;
            }
        }
        Rules {
            range,
            reserved,
            departments: account.departments.iter().map(|d| (d.id.clone(), d.name.clone())).collect(),
            caller_ids: account.caller_ids.iter().map(|c| caller_key(c, &policy.default_country)).collect(),
            sso,
        }
    }

    /// Whether the identity provider manages `field`: named itself, through the object it
    /// is part of, or (for the `webLogin` object as a whole) through any stored part.
    pub(crate) fn sso_managed(&self, field: Field) -> bool {
        let named = |f: Field| self.sso & (1 << f as u32) != 0;
        let stored_parts = [Field::LoginId, Field::AllowedIps, Field::Blocked];
        named(field)
            || field.parent().is_some_and(named)
            || (field == Field::WebLogin && stored_parts.into_iter().any(named))
    }

    /// A department's name, or its id when the account has no such department.
    pub(crate) fn department_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.departments.get(id.trim()).map_or(id, String::as_str)
    }
}

/// What a schedule text comes to: its canonical text and whether it is never open, or
/// why it does not parse.
pub(crate) type ScheduleVerdict = Result<(String, bool), crate::schedule::ScheduleError>;

/// The verdicts of the schedule texts this engine has checked lately: a form sends the
/// same schedule with every keystroke in another field, and parsing and printing it is
/// most of a check's cost. At most [`ScheduleMemo::MAX`] texts; the memo empties when
/// full. A copy of the engine starts with an empty one.
#[derive(Default)]
pub(crate) struct ScheduleMemo(std::sync::Mutex<HashMap<String, ScheduleVerdict>>);

impl ScheduleMemo {
    const MAX: usize = 256;

    /// The verdict of `text`, from `compute` the first time.
    pub(crate) fn verdict(&self, text: &str, compute: impl FnOnce(&str) -> ScheduleVerdict) -> ScheduleVerdict {
        // Nothing panics while the lock is held; a poisoned memo is still a valid one.
        let mut memo = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(v) = memo.get(text) {
            return v.clone();
        }
        let v = compute(text);
        if text.len() <= 1024 {
            if memo.len() >= Self::MAX {
                memo.clear();
            }
            memo.insert(text.to_owned(), v.clone());
        }
        v
    }
}

impl Clone for ScheduleMemo {
    fn clone(&self) -> Self {
        ScheduleMemo::default()
    }
}

/// One change of the account an op makes.
#[derive(Clone, Debug)]
pub(crate) enum Put {
    /// The user at a slot becomes this one.
    Replace(Slot, User),
    /// A new user, after all others.
    Append(User),
    /// The user at a slot is deleted.
    Remove(Slot),
}

/// Everything an op changes, in order: carried out together or not at all.
pub(crate) type Mutation = Vec<Put>;

/// The user number of an id of the form `u<n>` (`u7` → 7), as fresh ids are made.
pub(crate) fn id_number(id: &str) -> Option<u64> {
    let digits = id.strip_prefix('u')?.as_bytes();
    if digits.first().is_none_or(|&d| d == b'0') || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    // Every u64 counts (the fresh ids reach them all); longer numbers can't collide.
    digits.iter().try_fold(0u64, |n, &d| n.checked_mul(10)?.checked_add(u64::from(d - b'0')))
}

/// The account an engine holds.
#[derive(Clone)]
pub(crate) struct State {
    pub policy: Policy,
    /// The account's settings; its `users` are kept in `slots` instead.
    pub settings: Account,
    pub rules: Rules,
    /// The users in account order; `None` where one was deleted.
    slots: Vec<Option<User>>,
    live: usize,
    /// The number of the next fresh id (`u<n>`): past every id this account has given.
    next_number: u64,
    pub index: Index,
    pub directory: Arc<dyn Directory>,
    pub schedules: ScheduleMemo,
}

impl State {
    pub(crate) fn new(policy: Policy, mut account: Account) -> State {
        let users = std::mem::take(&mut account.users);
        let rules = Rules::new(&policy, &account);
        let mut state = State {
            policy,
            rules,
            slots: Vec::with_capacity(users.len()),
            live: 0,
            next_number: account.next_user_number.unwrap_or(1).max(1),
            settings: account,
            index: Index::default(),
            directory: Arc::new(ExternalEmails::default()),
            schedules: ScheduleMemo::default(),
        };
        state.index.reserve(users.len());
        state.index.reserve_numbers(&state.rules.reserved, state.rules.range.from, state.rules.range.to);
        for user in users {
            state.append(user);
        }
        state
    }

    /// A stored mobile as the index keys it: in E.164 where the phone rule normalises it,
    /// else as written (an audit then reports it as `mobile_invalid`).
    pub(crate) fn mobile_key(&self, stored: &str) -> String {
        phone::normalize(stored, &self.policy.default_country).unwrap_or_else(|_| stored.to_owned())
    }

    /// Places (or, with `add` false, takes out) the user at `slot` in the index.
    fn index_slot(&mut self, slot: Slot, add: bool) {
        let State { policy, rules, slots, index, .. } = self;
        let Some(Some(u)) = slots.get(slot) else { return };
        let country = policy.default_country.as_str();
        let mobile_key = |m: &str| phone::normalize(m, country).unwrap_or_else(|_| m.to_owned());
        let placing = Placing {
            from: rules.range.from,
            to: rules.range.to,
            reserved: &rules.reserved,
            count_deactivated: policy.count_deactivated,
        };
        let keys = Keys::of(u, &mobile_key);
        if add {
            index.place(slot, u, keys, &placing);
        } else {
            index.unplace(slot, u, &keys, &placing);
        }
    }

    fn place(&mut self, slot: Slot) {
        self.index_slot(slot, true);
    }

    fn unplace(&mut self, slot: Slot) {
        self.index_slot(slot, false);
    }

    fn append(&mut self, user: User) {
        if let Some(n) = id_number(&user.id) {
            self.next_number = self.next_number.max(n.saturating_add(1));
        }
        self.slots.push(Some(user));
        self.live += 1;
        self.place(self.slots.len() - 1);
    }

    /// Carries out `m`: each put in order, the index updated user by user.
    pub(crate) fn perform(&mut self, m: Mutation) {
        for put in m {
            match put {
                Put::Append(user) => self.append(user),
                Put::Replace(slot, user) => {
                    if matches!(self.slots.get(slot), Some(Some(_))) {
                        self.unplace(slot);
                        if let Some(n) = id_number(&user.id) {
                            self.next_number = self.next_number.max(n.saturating_add(1));
                        }
                        if let Some(s) = self.slots.get_mut(slot) {
                            *s = Some(user);
                        }
                        self.place(slot);
                    }
                }
                Put::Remove(slot) => {
                    if matches!(self.slots.get(slot), Some(Some(_))) {
                        self.unplace(slot);
                        if let Some(s) = self.slots.get_mut(slot) {
                            *s = None;
                        }
                        self.live -= 1;
                    }
                }
            }
        }
        self.compact_if_sparse();
    }

    /// Drops the empty slots once they outnumber the users: slots move, so the index is
    /// rebuilt; at most once per as many deletes as there are users (amortised O(1)).
    fn compact_if_sparse(&mut self) {
        let dead = self.slots.len() - self.live;
        if dead > 64 && dead > self.live {
            let users: Vec<User> = std::mem::take(&mut self.slots).into_iter().flatten().collect();
            self.index = Index::default();
            self.index.reserve(users.len());
            self.index.reserve_numbers(&self.rules.reserved, self.rules.range.from, self.rules.range.to);
            self.live = 0;
            let next = self.next_number;
            for user in users {
                self.append(user);
            }
            self.next_number = next;
        }
    }

    /// The user at `slot`.
    pub(crate) fn at(&self, slot: Slot) -> Option<&User> {
        self.slots.get(slot).and_then(Option::as_ref)
    }

    /// The slot and user of `id`.
    pub(crate) fn find(&self, id: &str) -> Option<(Slot, &User)> {
        let slot = self.index.first(Key::Id, id)?;
        self.at(slot).map(|u| (slot, u))
    }

    /// The users in account order, with their slots.
    pub(crate) fn users(&self) -> impl Iterator<Item = (Slot, &User)> + '_ {
        self.slots.iter().enumerate().filter_map(|(s, u)| u.as_ref().map(|u| (s, u)))
    }

    /// How many users there are.
    pub(crate) fn len(&self) -> usize {
        self.live
    }

    /// One past the last slot: where the next appended user goes.
    pub(crate) fn end(&self) -> Slot {
        self.slots.len()
    }

    /// The number of the next fresh id.
    pub(crate) fn next_number(&self) -> u64 {
        self.next_number
    }

    /// Moves the next fresh id up to `u<next>` (never down).
    pub(crate) fn advance_next_number(&mut self, next: u64) {
        self.next_number = self.next_number.max(next);
    }

    /// The account as it is now (its users copied).
    pub(crate) fn account(&self) -> Account {
        let mut account = self.settings.clone();
        account.users = self.users().map(|(_, u)| u.clone()).collect();
        account.next_user_number = Some(self.next_number);
        account
    }

    /// The engine as the checks read it, with nothing changed.
    pub(crate) fn view(&self) -> View<'_> {
        View::new(self, None)
    }

    /// The engine with `overlay`'s changes, as the checks read it.
    pub(crate) fn view_with<'a>(&'a self, overlay: &'a Overlay) -> View<'a> {
        View::new(self, Some(overlay))
    }
}

impl serde::Serialize for State {
    /// The account as [`State::account`] gives it, written without copying the users.
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        struct Users<'a>(&'a State);
        impl serde::Serialize for Users<'_> {
            fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
                ser.collect_seq(self.0.users().map(|(_, u)| u))
            }
        }
        self.settings.serialize_with_users(ser, &Users(self), Some(self.next_number))
    }
}
