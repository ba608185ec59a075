//! The lookups that keep every check from scanning the account: who holds each unique
//! key, which extensions are taken (as runs, so the lowest free one is a lookup), who
//! names whom in `reportUsers`, and the counts the limits need. Updated in place, user by
//! user, as the account changes.

use std::collections::{BTreeMap, HashMap};

use super::Slot;
use crate::model::{Role, Status, User};

/// A key that must be unique among the users of an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Key {
    Id,
    Email,
    Mobile,
    Extension,
    Login,
}

impl Key {
    pub(crate) const ALL: [Key; 5] = [Key::Id, Key::Email, Key::Mobile, Key::Extension, Key::Login];
}

/// The users holding one key, in slot order (account order). Nearly always one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Holders {
    One(Slot),
    Many(Vec<Slot>),
}

impl Holders {
    /// The first holder (the one an audit keeps; later ones are flagged).
    pub(crate) fn first(&self) -> Slot {
        match self {
            Holders::One(s) => *s,
            Holders::Many(v) => v.first().copied().unwrap_or(Slot::MAX),
        }
    }

    /// The holders in slot order.
    pub(crate) fn slots(&self) -> &[Slot] {
        match self {
            Holders::One(s) => std::slice::from_ref(s),
            Holders::Many(v) => v,
        }
    }

    fn insert(&mut self, slot: Slot) {
        match self {
            Holders::One(s) if *s == slot => {}
            Holders::One(s) => *self = Holders::Many(if *s < slot { vec![*s, slot] } else { vec![slot, *s] }),
            Holders::Many(v) => {
                if let Err(at) = v.binary_search(&slot) {
                    v.insert(at, slot);
                }
            }
        }
    }

    /// Removes `slot`; whether any holder is left.
    fn remove(&mut self, slot: Slot) -> bool {
        match self {
            Holders::One(s) => *s != slot,
            Holders::Many(v) => {
                if let Ok(at) = v.binary_search(&slot) {
                    v.remove(at);
                }
                match v.as_slice() {
                    [] => false,
                    [one] => {
                        *self = Holders::One(*one);
                        true
                    }
                    _ => true,
                }
            }
        }
    }
}

/// Key text → its holders, and how many keys have more than one holder (none in an
/// account without duplicates, which lets an audit skip looking for them).
#[derive(Clone, Debug, Default)]
pub(crate) struct KeyMap {
    map: HashMap<String, Holders>,
    shared: usize,
}

impl KeyMap {
    pub(crate) fn get(&self, key: &str) -> Option<&Holders> {
        self.map.get(key)
    }

    /// Whether some key has more than one holder.
    pub(crate) fn has_shared(&self) -> bool {
        self.shared > 0
    }

    fn reserve(&mut self, n: usize) {
        self.map.reserve(n);
    }
}

fn is_shared(h: &Holders) -> bool {
    matches!(h, Holders::Many(_))
}

fn claim(map: &mut KeyMap, key: String, slot: Slot) {
    match map.map.entry(key) {
        std::collections::hash_map::Entry::Occupied(mut e) => {
            let before = is_shared(e.get());
            e.get_mut().insert(slot);
            if !before && is_shared(e.get()) {
                map.shared += 1;
            }
        }
        std::collections::hash_map::Entry::Vacant(e) => {
            e.insert(Holders::One(slot));
        }
    }
}

/// Removes `slot` from `key`'s holders; whether the key is still held.
fn release(map: &mut KeyMap, key: &str, slot: Slot) -> bool {
    let (held, was_shared, still_shared) = match map.map.get_mut(key) {
        Some(h) => {
            let before = is_shared(h);
            let held = h.remove(slot);
            (held, before, held && is_shared(h))
        }
        None => (false, false, false),
    };
    if was_shared && !still_shared {
        map.shared = map.shared.saturating_sub(1);
    }
    if !held {
        map.map.remove(key);
    }
    held
}

/// Slots in account order, for the few users a hint names (whom to ask, an idle Pro seat).
///
/// A `BTreeMap<u64, u64>` like [`Runs`], not a `BTreeSet<usize>`: each B-tree type is
/// compiled again into the `.wasm` (about 3 KB), so every ordered set here is one type.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct SlotSet(BTreeMap<u64, u64>);

impl SlotSet {
    fn set(&mut self, slot: Slot, on: bool) {
        let key = slot as u64;
        if on {
            self.0.insert(key, key);
        } else {
            self.0.remove(&key);
        }
    }

    /// The slots, in account order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = Slot> + '_ {
        self.0.keys().filter_map(|&k| Slot::try_from(k).ok())
    }

    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }
}

/// Taken numbers as maximal runs `start → end` (inclusive): the lowest free number at
/// or after `n` is one lookup, whatever the layout of the taken ones.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Runs(BTreeMap<u64, u64>);

impl Runs {
    /// The run holding `n`, if `n` is taken.
    fn run_of(&self, n: u64) -> Option<(u64, u64)> {
        self.0.range(..=n).next_back().map(|(&s, &e)| (s, e)).filter(|&(_, e)| e >= n)
    }

    pub(crate) fn contains(&self, n: u64) -> bool {
        self.run_of(n).is_some()
    }

    /// The lowest number `>= n` that is not taken (`None` past `u64::MAX`).
    pub(crate) fn free_from(&self, n: u64) -> Option<u64> {
        match self.run_of(n) {
            Some((_, end)) => end.checked_add(1),
            None => Some(n),
        }
    }

    pub(crate) fn insert(&mut self, n: u64) {
        if self.contains(n) {
            return;
        }
        let left = n.checked_sub(1).and_then(|m| self.run_of(m));
        let right = n.checked_add(1).and_then(|m| self.0.get(&m).copied().map(|e| (m, e)));
        match (left, right) {
            (Some((ls, _)), Some((rs, re))) => {
                self.0.remove(&rs);
                self.0.insert(ls, re);
            }
            (Some((ls, _)), None) => {
                self.0.insert(ls, n);
            }
            (None, Some((rs, re))) => {
                self.0.remove(&rs);
                self.0.insert(n, re);
            }
            (None, None) => {
                self.0.insert(n, n);
            }
        }
    }

    pub(crate) fn remove(&mut self, n: u64) {
        let Some((s, e)) = self.run_of(n) else { return };
        self.0.remove(&s);
        if s < n {
            self.0.insert(s, n - 1);
        }
        if n < e {
            self.0.insert(n + 1, e);
        }
    }
}

/// What the index needs to know of the account to place a user (fixed per engine).
pub(crate) struct Placing<'a> {
    /// The extension range in force.
    pub from: u64,
    pub to: u64,
    /// Reserved extensions as written (their numbers are in the runs for good).
    pub reserved: &'a std::collections::HashSet<String>,
    /// `countDeactivated`.
    pub count_deactivated: bool,
}

/// One user's contribution to the index, computed once when it is placed and again
/// when it is taken out.
pub(crate) struct Keys {
    pub id: String,
    pub email: String,
    pub mobile: String,
    pub extension: String,
    pub login: Option<String>,
}

impl Keys {
    pub(crate) fn of(u: &User, mobile_key: &dyn Fn(&str) -> String) -> Keys {
        Keys {
            id: u.id.clone(),
            email: crate::rules::email::key(u.email.trim()),
            mobile: mobile_key(&u.mobile),
            extension: u.extension.trim().to_owned(),
            login: u.web_login.as_ref().map(|w| w.login_id.trim().to_ascii_lowercase()),
        }
    }

    pub(crate) fn get(&self, key: Key) -> Option<&str> {
        match key {
            Key::Id => Some(&self.id),
            Key::Email => Some(&self.email),
            Key::Mobile => Some(&self.mobile),
            Key::Extension => Some(&self.extension),
            Key::Login => self.login.as_deref(),
        }
    }
}

/// The extension number of an extension key, where it is a valid one.
pub(crate) fn extension_number(text: &str) -> Option<u64> {
    crate::rules::extension::parse(text)
}

/// The lookups over an account's users.
// INVARIANT: holds exactly the users of the store, each placed by `place` with the keys
// `Keys::of` gives for it, and taken out by `unplace` with the same keys before it changes.
#[derive(Clone, Debug, Default)]
pub(crate) struct Index {
    pub by_id: KeyMap,
    pub email: KeyMap,
    pub mobile: KeyMap,
    pub extension: KeyMap,
    pub login: KeyMap,
    /// User id → the users whose `reportUsers` name it (a delete removes it from them).
    pub reported_by: KeyMap,
    /// Extensions in range that are taken: held by a user, or reserved.
    pub runs: Runs,
    /// Users counted toward `maxUsers`.
    pub counted: u64,
    /// Pro seats in use.
    pub pro_used: u64,
    /// Active owners and admins who can sign in (`last_admin`, and whom to ask).
    pub owners: SlotSet,
    pub admins: SlotSet,
    /// Counted agents with Pro who do not use it: deactivated ones, and pending ones.
    pub idle_pro: SlotSet,
    pub pending_pro: SlotSet,
    /// Counted deactivated users in no department (room a delete would make).
    pub deactivated: SlotSet,
}

impl Index {
    pub(crate) fn map(&self, key: Key) -> &KeyMap {
        match key {
            Key::Id => &self.by_id,
            Key::Email => &self.email,
            Key::Mobile => &self.mobile,
            Key::Extension => &self.extension,
            Key::Login => &self.login,
        }
    }

    fn map_mut(&mut self, key: Key) -> &mut KeyMap {
        match key {
            Key::Id => &mut self.by_id,
            Key::Email => &mut self.email,
            Key::Mobile => &mut self.mobile,
            Key::Extension => &mut self.extension,
            Key::Login => &mut self.login,
        }
    }

    /// Room for `n` more users in the maps every user has a key in.
    pub(crate) fn reserve(&mut self, n: usize) {
        for key in [Key::Id, Key::Email, Key::Mobile, Key::Extension] {
            self.map_mut(key).reserve(n);
        }
    }

    /// The first holder of `text` as `key`.
    pub(crate) fn first(&self, key: Key, text: &str) -> Option<Slot> {
        self.map(key).get(text).map(Holders::first)
    }

    /// Marks the reserved numbers in `from..=to` as taken (once, when the index is built).
    pub(crate) fn reserve_numbers(&mut self, reserved: &std::collections::HashSet<String>, from: u64, to: u64) {
        for n in reserved.iter().filter_map(|r| extension_number(r)) {
            if (from..=to).contains(&n) {
                self.runs.insert(n);
            }
        }
    }

    /// Places the user `u` at `slot`.
    pub(crate) fn place(&mut self, slot: Slot, u: &User, keys: Keys, p: &Placing<'_>) {
        if let Some(n) = extension_number(&keys.extension).filter(|n| (p.from..=p.to).contains(n)) {
            self.runs.insert(n);
        }
        let Keys { id, email, mobile, extension, login } = keys;
        claim(&mut self.by_id, id, slot);
        claim(&mut self.email, email, slot);
        claim(&mut self.mobile, mobile, slot);
        claim(&mut self.extension, extension, slot);
        if let Some(login) = login {
            claim(&mut self.login, login, slot);
        }
        for named in u.report_users.iter().flatten() {
            claim(&mut self.reported_by, named.clone(), slot);
        }
        self.count(slot, u, p, true);
    }

    /// Takes the user `u` at `slot` out (its keys as [`Keys::of`] gave them).
    pub(crate) fn unplace(&mut self, slot: Slot, u: &User, keys: &Keys, p: &Placing<'_>) {
        for key in Key::ALL {
            if let Some(text) = keys.get(key) {
                let held = release(self.map_mut(key), text, slot);
                if key == Key::Extension && !held && !p.reserved.contains(text) {
                    if let Some(n) = extension_number(text) {
                        self.runs.remove(n);
                    }
                }
            }
        }
        for named in u.report_users.iter().flatten() {
            release(&mut self.reported_by, named, slot);
        }
        self.count(slot, u, p, false);
    }

    fn count(&mut self, slot: Slot, u: &User, p: &Placing<'_>, add: bool) {
        let counts = p.count_deactivated || !u.is_deactivated();
        let step = |n: &mut u64, on: bool| {
            if on {
                *n = if add { n.saturating_add(1) } else { n.saturating_sub(1) };
            }
        };
        step(&mut self.counted, counts);
        step(&mut self.pro_used, counts && u.pro);
        // Hints name only steps that can be taken: Pro can be turned off for an agent
        // alone (other roles need it), and a user in a department cannot be deleted.
        let idle = counts && u.pro && !u.role.requires_pro();
        let sets = [
            (&mut self.owners, u.is_active_admin() && u.role == Role::Owner),
            (&mut self.admins, u.is_active_admin() && u.role == Role::Admin),
            (&mut self.deactivated, counts && u.is_deactivated() && u.departments.is_empty()),
            (&mut self.idle_pro, idle && u.is_deactivated()),
            (&mut self.pending_pro, idle && u.status == Status::Pending),
        ];
        for (set, on) in sets {
            if on {
                set.set(slot, add);
            }
        }
    }

    /// Active owners and admins.
    pub(crate) fn active_admins(&self) -> u64 {
        (self.owners.len() + self.admins.len()) as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_key_map_counts_the_keys_held_twice() {
        let mut m = KeyMap::default();
        claim(&mut m, "a".into(), 1);
        claim(&mut m, "b".into(), 2);
        assert!(!m.has_shared());
        claim(&mut m, "a".into(), 3);
        claim(&mut m, "a".into(), 4);
        claim(&mut m, "b".into(), 5);
        assert_eq!(m.shared, 2);
        assert!(release(&mut m, "a", 1));
        assert!(release(&mut m, "a", 3));
        assert_eq!(m.shared, 1, "a is held once again");
        assert!(release(&mut m, "b", 7), "b is still held");
        assert_eq!(m.shared, 1, "releasing a slot that holds nothing changes nothing");
        assert!(release(&mut m, "b", 2));
        assert!(!m.has_shared());
        assert!(!release(&mut m, "b", 5));
        assert!(!m.has_shared() && m.get("b").is_none());
    }

    proptest! {
        /// The runs answer as a plain set does, after any inserts and removes.
        #[test]
        fn runs_agree_with_a_set(ops in prop::collection::vec((any::<bool>(), 0u64..40), 0..200), from in 0u64..45) {
            let mut runs = Runs::default();
            let mut set = std::collections::BTreeSet::new();
            for (add, n) in ops {
                if add { runs.insert(n); set.insert(n); } else { runs.remove(n); set.remove(&n); }
            }
            let free = (from..).find(|n| !set.contains(n));
            prop_assert_eq!(runs.free_from(from), free);
            for n in 0..45 {
                prop_assert_eq!(runs.contains(n), set.contains(&n));
            }
            // Runs are maximal: no two touch.
            let list: Vec<(u64, u64)> = runs.0.iter().map(|(&s, &e)| (s, e)).collect();
            for w in list.windows(2) {
                prop_assert!(w[0].1 + 1 < w[1].0);
            }
        }
    }

    #[test]
    fn holders_keep_slot_order() {
        let mut h = Holders::One(5);
        h.insert(2);
        h.insert(9);
        assert_eq!(h.slots(), [2, 5, 9]);
        assert!(h.remove(2));
        assert_eq!(h.first(), 5);
        assert!(h.remove(9));
        assert_eq!(h, Holders::One(5));
        assert!(!h.remove(5));
    }
}
