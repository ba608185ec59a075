//! The account as a check reads it: the stored state, plus the changes of the op being
//! checked so far ([`Overlay`]) without copying the account. An import checks each row
//! against the account plus the rows accepted before it ([`Added`]); a replace checks
//! each step of its plan against the account as the earlier steps left it (a few
//! [`Overlay::changed`] users and one added user). Every lookup a check makes goes
//! through here, so a check reads the same whether a user is stored or only planned.

use std::cell::Cell;
use std::collections::HashMap;

use super::index::{extension_number, Key, Keys, Runs};
use super::{id_number, Rules, Slot, State};
use crate::model::{Account, Policy, User};
use crate::problem::Holder;

/// Users added after the stored ones (the rows an import accepted so far, the new user of
/// a replace): their slots follow the stored users'.
#[derive(Default)]
pub(crate) struct Added {
    users: Vec<User>,
    /// The CSV line of each added user, for an import (a duplicate names the line).
    lines: Vec<Option<usize>>,
    /// Key text → the first added user holding it.
    maps: [HashMap<String, Slot>; 5],
    runs: Runs,
    counted: u64,
    pro_used: u64,
    next_number: u64,
    /// Every extension below this is taken (stored or added): where the search for a
    /// free one starts. Only ever moves up, since added users only take numbers.
    free_floor: Cell<u64>,
}

impl Added {
    /// Room for `n` users.
    pub(crate) fn with_capacity(n: usize) -> Added {
        let mut added = Added { users: Vec::with_capacity(n), lines: Vec::with_capacity(n), ..Added::default() };
        for map in &mut added.maps {
            map.reserve(n);
        }
        added
    }

    /// The users, in the order they were added.
    pub(crate) fn into_users(self) -> Vec<User> {
        self.users
    }

    fn map_index(key: Key) -> usize {
        match key {
            Key::Id => 0,
            Key::Email => 1,
            Key::Mobile => 2,
            Key::Extension => 3,
            Key::Login => 4,
        }
    }
}

/// The changes of an op being checked, on top of the stored account.
#[derive(Default)]
pub(crate) struct Overlay {
    /// Stored users as the op has changed them so far (`None`: deleted). A handful.
    pub changed: Vec<(Slot, Option<User>)>,
    /// Users the op adds.
    pub added: Added,
}

impl Overlay {
    /// Records that the stored user at `slot` is now `user`.
    pub(crate) fn change(&mut self, slot: Slot, user: Option<User>) {
        match self.changed.iter_mut().find(|(s, _)| *s == slot) {
            Some(entry) => entry.1 = user,
            None => self.changed.push((slot, user)),
        }
    }
}

/// The account as the checks read it: a state and, optionally, an overlay of changes.
#[derive(Clone, Copy)]
pub(crate) struct View<'a> {
    state: &'a State,
    overlay: Option<&'a Overlay>,
}

impl<'a> View<'a> {
    pub(super) fn new(state: &'a State, overlay: Option<&'a Overlay>) -> View<'a> {
        View { state, overlay }
    }

    pub(crate) fn policy(&self) -> &'a Policy {
        &self.state.policy
    }

    pub(crate) fn settings(&self) -> &'a Account {
        &self.state.settings
    }

    pub(crate) fn rules(&self) -> &'a Rules {
        &self.state.rules
    }

    pub(crate) fn state(&self) -> &'a State {
        self.state
    }

    fn changed(&self) -> &'a [(Slot, Option<User>)] {
        self.overlay.map_or(&[], |o| o.changed.as_slice())
    }

    fn added(&self) -> Option<&'a Added> {
        self.overlay.map(|o| &o.added)
    }

    /// Whether `countDeactivated` counts `u` toward the limits.
    pub(crate) fn counts(&self, u: &User) -> bool {
        self.state.policy.count_deactivated || !u.is_deactivated()
    }

    /// The keys of `u` as the index keys them.
    pub(crate) fn keys(&self, u: &User) -> Keys {
        Keys::of(u, &|m| self.state.mobile_key(m))
    }

    /// The user at `slot`.
    pub(crate) fn at(&self, slot: Slot) -> Option<&'a User> {
        if let Some((_, u)) = self.changed().iter().find(|(s, _)| *s == slot) {
            return u.as_ref();
        }
        match slot.checked_sub(self.state.end()) {
            None => self.state.at(slot),
            Some(i) => self.added()?.users.get(i),
        }
    }

    /// The slot and user of `id`.
    pub(crate) fn find(&self, id: &str) -> Option<(Slot, &'a User)> {
        let slot = self.first_holder(Key::Id, id, None)?;
        self.at(slot).map(|u| (slot, u))
    }

    /// Whether every `key` of the stored users is held by one user alone (and the op
    /// changed nothing): then no user has an earlier holder of its key.
    pub(crate) fn held_once(&self, key: Key) -> bool {
        self.overlay.is_none() && !self.state.index.map(key).has_shared()
    }

    /// The first user (in account order) holding `text` as `key`, other than `except`.
    pub(crate) fn first_holder(&self, key: Key, text: &str, except: Option<Slot>) -> Option<Slot> {
        let changed = self.changed();
        let is_changed = |s: Slot| changed.iter().any(|(c, _)| *c == s);
        // Stored holders, but those the op changed (their keys are read below): a
        // handful are skipped at most, whatever the layout.
        let mut best = self
            .state
            .index
            .map(key)
            .get(text)
            .and_then(|h| h.slots().iter().copied().find(|&s| Some(s) != except && !is_changed(s)));
        for (slot, user) in changed {
            let holds = user.as_ref().is_some_and(|u| self.keys(u).get(key) == Some(text));
            if holds && Some(*slot) != except && best.is_none_or(|b| *slot < b) {
                best = Some(*slot);
            }
        }
        best.or_else(|| {
            let added = self.added()?;
            added.maps.get(Added::map_index(key))?.get(text).copied().filter(|&s| Some(s) != except)
        })
    }

    /// Who a holder is, as a message names it: a user, or the line of the file it is on.
    pub(crate) fn holder(&self, slot: Slot) -> Holder {
        if let Some(i) = slot.checked_sub(self.state.end()) {
            if let Some(Some(line)) = self.added().and_then(|a| a.lines.get(i)) {
                return Holder::Row { line: *line };
            }
        }
        match self.at(slot) {
            Some(u) => Holder::User { id: u.id.clone(), name: u.name.clone() },
            None => Holder::User { id: String::new(), name: String::new() },
        }
    }

    /// What the changed users add to a count, against what they added before.
    fn delta(&self, f: impl Fn(&User) -> bool) -> (u64, u64) {
        let mut plus = 0;
        let mut minus = 0;
        for (slot, now) in self.changed() {
            minus += u64::from(self.state.at(*slot).is_some_and(&f));
            plus += u64::from(now.as_ref().is_some_and(&f));
        }
        (plus, minus)
    }

    /// Users counted toward `maxUsers`, and Pro seats in use.
    pub(crate) fn totals(&self) -> (u64, u64) {
        let idx = &self.state.index;
        let (cp, cm) = self.delta(|u| self.counts(u));
        let (pp, pm) = self.delta(|u| self.counts(u) && u.pro);
        let (ac, ap) = self.added().map_or((0, 0), |a| (a.counted, a.pro_used));
        let counted = idx.counted.saturating_add(cp).saturating_sub(cm).saturating_add(ac);
        let pro = idx.pro_used.saturating_add(pp).saturating_sub(pm).saturating_add(ap);
        (counted, pro)
    }

    /// Active owners and admins who can sign in.
    pub(crate) fn active_admins(&self) -> u64 {
        let (plus, minus) = self.delta(User::is_active_admin);
        self.state.index.active_admins().saturating_add(plus).saturating_sub(minus)
    }

    /// Whether a changed or added user holds the extension number `n`.
    fn overlay_takes(&self, n: u64) -> bool {
        let changed = self.changed().iter().filter_map(|(_, u)| u.as_ref());
        changed.filter_map(|u| extension_number(u.extension.trim())).any(|m| m == n)
            || self.added().is_some_and(|a| a.runs.contains(n))
    }

    /// Whether `n` is free in this view: in range, not reserved, held by no one.
    fn is_free(&self, n: u64) -> bool {
        let r = self.state.rules.range;
        (r.from..=r.to).contains(&n) && {
            let text = n.to_string();
            !self.state.rules.reserved.contains(&text) && self.first_holder(Key::Extension, &text, None).is_none()
        }
    }

    /// The lowest extension in range that is neither reserved nor held: a few lookups in
    /// the runs of taken numbers, whatever the layout (no walk over the range).
    pub(crate) fn lowest_free_extension(&self) -> Option<u64> {
        let r = self.state.rules.range;
        let runs = &self.state.index.runs;
        // A number a changed user gave up may be the lowest.
        let freed = self
            .changed()
            .iter()
            .filter_map(|(slot, _)| self.state.at(*slot).and_then(|u| extension_number(u.extension.trim())))
            .filter(|&n| self.is_free(n))
            .min();
        let added = self.added();
        // `0` is no extension (a leading zero), even in a range that starts there.
        let from = r.from.max(1);
        let mut n = added.map_or(from, |a| a.free_floor.get().max(from));
        let found = loop {
            let Some(b) = runs.free_from(n) else { break None };
            if b > r.to {
                break None;
            }
            let next = match added {
                Some(a) => a.runs.free_from(b),
                None => Some(b),
            };
            match next {
                None => break None,
                Some(a) if a != b => n = a,
                Some(a) if self.overlay_takes(a) => n = a.saturating_add(1),
                Some(a) => break Some(a),
            }
        };
        // Stored numbers and added ones only get taken while an import runs, so the
        // search starts here next time.
        if let (Some(a), Some(f), true) = (added, found, self.changed().is_empty()) {
            a.free_floor.set(f);
        }
        match (freed, found) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        }
    }

    /// The number the next fresh id takes: every `u<n>` below it was given before.
    pub(crate) fn next_number(&self) -> u64 {
        self.added().map_or(0, |a| a.next_number).max(self.state.next_number())
    }

    /// A fresh user id, `u<n>`: past every id the account has given, so never one that
    /// was used before (RULES §5 Lifecycle).
    pub(crate) fn next_id(&self) -> String {
        let n = self.next_number();
        let mut id = String::with_capacity(8);
        id.push('u');
        crate::rules::push_decimal(&mut id, n);
        id
    }

    /// The first user of `set` (slots in account order) that the op has not changed.
    fn first_unchanged(&self, mut slots: impl Iterator<Item = Slot>, except: Option<Slot>) -> Option<&'a User> {
        let changed = self.changed();
        slots.find(|&s| Some(s) != except && !changed.iter().any(|(c, _)| *c == s)).and_then(|s| self.state.at(s))
    }

    /// A counted user who holds a Pro seat without using it (deactivated first, then one
    /// who never signed in), as `pro_seat_limit`'s hint names one: (id, name).
    pub(crate) fn idle_pro(&self) -> Option<(String, String)> {
        let idx = &self.state.index;
        let u = self
            .first_unchanged(idx.idle_pro.iter(), None)
            .or_else(|| self.first_unchanged(idx.pending_pro.iter(), None))?;
        Some((u.id.clone(), u.name.clone()))
    }

    /// A deactivated user who still counts toward the plan (deleting it makes room).
    pub(crate) fn deactivated_user(&self) -> Option<String> {
        self.first_unchanged(self.state.index.deactivated.iter(), None).map(|u| u.name.clone())
    }

    /// An active owner (or, unless `owner_only`, admin) other than the user at `except`:
    /// whom a refusal tells the actor to ask.
    pub(crate) fn someone_to_ask(&self, except: Option<Slot>, owner_only: bool) -> Option<String> {
        let idx = &self.state.index;
        let owners = self.first_unchanged(idx.owners.iter(), except);
        let any = owners.or_else(|| if owner_only { None } else { self.first_unchanged(idx.admins.iter(), except) });
        any.map(|u| u.name.clone())
    }

    /// The stored users whose `reportUsers` name `id` (the op's changes aside).
    pub(crate) fn reported_by(&self, id: &str) -> Vec<(Slot, &'a User)> {
        let slots = self.state.index.reported_by.get(id).map_or(&[][..], |h| h.slots());
        slots.iter().filter_map(|&s| self.at(s).map(|u| (s, u))).collect()
    }

    /// Adds a checked new user to `added`, at the slot after the last one (`line`: its
    /// CSV line in an import). Its mobile is the phone rule's E.164 text, its own key.
    pub(crate) fn push_added(&self, added: &mut Added, user: User, line: Option<usize>) {
        let slot = self.state.end().saturating_add(added.users.len());
        let keys = Keys::of(&user, &|m| m.to_owned());
        for key in Key::ALL {
            if let (Some(text), Some(map)) = (keys.get(key), added.maps.get_mut(Added::map_index(key))) {
                map.entry(text.to_owned()).or_insert(slot);
            }
        }
        let r = self.state.rules.range;
        if let Some(n) = extension_number(&keys.extension).filter(|n| (r.from..=r.to).contains(n)) {
            added.runs.insert(n);
        }
        let counts = self.counts(&user);
        added.counted += u64::from(counts);
        added.pro_used += u64::from(counts && user.pro);
        if let Some(n) = id_number(&user.id) {
            added.next_number = added.next_number.max(n.saturating_add(1)).max(self.state.next_number());
        }
        added.users.push(user);
        added.lines.push(line);
    }
}
