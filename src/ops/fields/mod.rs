//! The field rules of RULES §2 applied to a user: one checker per field, each written
//! once for add, edit, import, audit and as-you-type checks. A checker reads the typed
//! value from [`Fields`], reports what is wrong at the field's path, and writes the
//! normalised value into the user being built (or, when it cannot be normalised, what
//! was typed, so a form redrawn from the Outcome loses nothing).

use std::borrow::Cow;

use crate::field::Path;
use crate::model::{User, UserDraft, DEFAULT_SCHEDULE};
use crate::outcome::{Report, Violation};
use crate::problem::Problem;
use crate::schedule::{Schedule, ScheduleErrorKind};
use crate::state::{Key, Slot, View};

mod access;
mod identity;
mod lists;
mod number;
mod times;
mod web_login;

/// How the fields are being checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A new user: name, email, mobile and extension are required.
    Add,
    /// A patch: only the fields given are checked (the mobile is the op's business).
    Edit,
    /// A stored user, against the users before it.
    Audit,
    /// One field of the add form as the user types: the fields given, as for a new user.
    Field,
}

/// The fields a check reads, borrowed: from a [`UserDraft`] (add, edit, import) or from
/// a stored [`User`] (audit), so re-checking 100,000 stored users copies no strings.
#[derive(Default)]
pub(crate) struct Fields<'a> {
    pub id: Option<&'a str>,
    pub name: Option<&'a str>,
    pub email: Option<&'a str>,
    pub mobile: Option<&'a str>,
    pub alt_mobile: Option<Option<&'a str>>,
    pub extension: Option<&'a str>,
    pub role: Option<&'a str>,
    pub pro: Option<bool>,
    pub schedule: Option<&'a str>,
    /// What `schedule` comes to, when the caller already knows (import and audit keep one
    /// verdict per distinct text): it must be [`schedule_verdict`] of `schedule`.
    pub schedule_verdict: Option<&'a ScheduleVerdict>,
    pub time_zone: Option<Option<&'a str>>,
    pub departments: Option<&'a [String]>,
    pub web_login: Option<Option<LoginFields<'a>>>,
    pub allowed_caller_ids: Option<Option<&'a [String]>>,
    pub report_users: Option<Option<&'a [String]>>,
}

/// The `webLogin` part of [`Fields`].
#[derive(Clone, Copy, Default)]
pub(crate) struct LoginFields<'a> {
    pub login_id: Option<&'a str>,
    pub allowed_ips: Option<&'a [String]>,
    pub blocked: Option<bool>,
    pub password: Option<&'a str>,
}

impl<'a> From<&'a UserDraft> for Fields<'a> {
    fn from(d: &'a UserDraft) -> Self {
        Fields {
            id: d.id.as_deref(),
            name: d.name.as_deref(),
            email: d.email.as_deref(),
            mobile: d.mobile.as_deref(),
            alt_mobile: d.alt_mobile.as_ref().map(Option::as_deref),
            extension: d.extension.as_deref(),
            role: d.role.as_deref(),
            pro: d.pro,
            schedule: d.schedule.as_deref(),
            schedule_verdict: None,
            time_zone: d.time_zone.as_ref().map(Option::as_deref),
            departments: d.departments.as_deref(),
            web_login: d.web_login.as_ref().map(|w| {
                w.as_ref().map(|w| LoginFields {
                    login_id: w.login_id.as_deref(),
                    allowed_ips: w.allowed_ips.as_deref(),
                    blocked: w.blocked,
                    password: w.password.as_deref(),
                })
            }),
            allowed_caller_ids: d.allowed_caller_ids.as_ref().map(Option::as_deref),
            report_users: d.report_users.as_ref().map(Option::as_deref),
        }
    }
}

impl<'a> Fields<'a> {
    /// The fields that re-check a stored user in full (audit); `verdict` is its schedule's.
    pub(crate) fn of_user(u: &'a User, verdict: &'a ScheduleVerdict) -> Self {
        Fields {
            id: Some(&u.id),
            name: Some(&u.name),
            email: Some(&u.email),
            mobile: Some(&u.mobile),
            alt_mobile: u.alt_mobile.as_deref().map(Some),
            extension: Some(&u.extension),
            role: Some(u.role.as_str()),
            pro: Some(u.pro),
            schedule: Some(&u.schedule),
            schedule_verdict: Some(verdict),
            time_zone: u.time_zone.as_deref().map(Some),
            departments: Some(&u.departments),
            web_login: u.web_login.as_ref().map(|w| {
                Some(LoginFields {
                    login_id: Some(&w.login_id),
                    allowed_ips: Some(&w.allowed_ips),
                    blocked: Some(w.blocked),
                    password: None,
                })
            }),
            allowed_caller_ids: u.allowed_caller_ids.as_deref().map(Some),
            report_users: u.report_users.as_deref().map(Some),
        }
    }
}

/// What a schedule text comes to (import and audit keep one verdict per distinct text,
/// as most users share a few; single checks ask the engine's memo).
pub(crate) use crate::state::ScheduleVerdict;

/// The [`ScheduleVerdict`] of `text` (blank is the default, open all the time).
pub(crate) fn schedule_verdict(text: &str) -> ScheduleVerdict {
    let text = if text.trim().is_empty() { DEFAULT_SCHEDULE } else { text };
    Schedule::parse(text).map(|s| (s.canonical(), s.is_never_open()))
}

/// A schedule parse error as a violation at `path`; `text` is the schedule parsed.
pub(crate) fn schedule_violation(path: Path, text: &str, e: &crate::schedule::ScheduleError) -> Violation {
    // The text at the offset, which a message quotes (not for a text that is too long).
    let quoted = !matches!(e.kind, ScheduleErrorKind::Invalid(crate::schedule::Reason::TooLong));
    let near = if quoted { text.chars().skip(e.offset).take(16).collect() } else { String::new() };
    let problem = match e.kind {
        ScheduleErrorKind::Invalid(reason) => {
            Problem::ScheduleInvalid { offset: e.offset, reason: reason.as_str(), near }
        }
        ScheduleErrorKind::Overlap => Problem::ScheduleOverlap { offset: e.offset, near },
    };
    Violation::at(path, problem)
}

/// One check of a user's fields in progress: what the checkers share.
pub(crate) struct Check<'r, 'v> {
    pub view: &'r View<'v>,
    pub mode: Mode,
    /// The user's own slot: its own email or extension is not taken by someone else.
    pub me: Option<Slot>,
    /// The stored user an edit starts from.
    pub base: Option<&'r User>,
    /// The user being built: the base with the draft applied, normalised.
    pub user: User,
    /// A password was given and passed the rule.
    pub password_set: bool,
    pub report: &'r mut Report,
}

impl Check<'_, '_> {
    /// Every field (Add and Audit) or only the fields given (Edit and Field).
    pub(crate) fn full(&self) -> bool {
        matches!(self.mode, Mode::Add | Mode::Audit)
    }

    /// Whether normalised text is copied into the user (an audit only needs verdicts).
    pub(crate) fn keeps(&self) -> bool {
        self.mode != Mode::Audit
    }

    /// Who else holds `text` as `key`: in an audit, an earlier user only.
    pub(crate) fn holder(&self, key: Key, text: &str) -> Option<Slot> {
        match (self.mode, self.me) {
            // An audit looks for an earlier user with the same key, and there is none
            // when no key is held twice (the usual account: no lookup per user then).
            (Mode::Audit, Some(_)) if self.view.held_once(key) => None,
            (Mode::Audit, Some(me)) => self.view.first_holder(key, text, None).filter(|&h| h < me),
            _ => self.view.first_holder(key, text, self.me),
        }
    }

    pub(crate) fn report(&mut self, v: Violation) {
        self.report.push(v);
    }
}

/// The merged, normalised user and whether a password was set.
pub(crate) struct Checked {
    pub user: User,
    pub password_set: bool,
}

/// The longest typed text an Outcome's user keeps, in characters: longer than any value
/// a rule accepts (a schedule is at most 1024), short enough that a 10 MB field is not
/// echoed back.
pub(crate) const MAX_TYPED: usize = 1024;

/// The most items of a list an Outcome's user keeps (as many as violations it reports).
pub(crate) const MAX_ITEMS: usize = crate::outcome::MAX_VIOLATIONS;

/// Reports `too_many_items` at `field` when a list holds more than [`MAX_ITEMS`]
/// entries (counted once each): an ok op never stores less than it was sent.
pub(super) fn at_most_max_items(c: &mut Check<'_, '_>, field: crate::field::Field, count: usize) {
    if count > MAX_ITEMS {
        c.report(crate::outcome::Violation::at(field, Problem::TooManyItems { max: MAX_ITEMS }));
    }
}

/// Typed text as an Outcome's user keeps it: at most [`MAX_TYPED`] characters.
pub(crate) fn as_typed(text: &str) -> String {
    match text.char_indices().nth(MAX_TYPED) {
        None => text.to_owned(),
        Some((cut, _)) => text.get(..cut).unwrap_or_default().to_owned(),
    }
}

/// Whether a typed text is absent or blank.
pub(crate) fn blank(s: Option<&str>) -> bool {
    s.is_none_or(|s| s.trim().is_empty())
}

/// Applies `draft` over `base` and checks every field it sets (all of them for
/// [`Mode::Add`] and [`Mode::Audit`]), reporting into `report`. `me` is the user's own
/// slot. `base` is owned for a new user (nothing stored before it), lent for an edit or
/// an audit.
pub(crate) fn check_fields(
    view: &View<'_>,
    base: Cow<'_, User>,
    draft: &Fields<'_>,
    me: Option<Slot>,
    mode: Mode,
    report: &mut Report,
) -> Checked {
    // An audit reads every stored field through `draft` and keeps no merged user.
    let (user, stored) = match base {
        Cow::Borrowed(b) if mode == Mode::Audit => (crate::ops::blank_user(String::new()), Some(b)),
        Cow::Borrowed(b) => (b.clone(), Some(b)),
        Cow::Owned(u) => (u, None),
    };
    let mut c = Check { view, mode, me, base: stored, user, password_set: false, report };
    identity::name(&mut c, draft.name);
    identity::email(&mut c, draft.email);
    identity::mobile(&mut c, draft.mobile);
    identity::alt_mobile(&mut c, draft.alt_mobile);
    number::extension(&mut c, draft.extension);
    access::role_and_pro(&mut c, draft.role, draft.pro);
    times::schedule(&mut c, draft.schedule, draft.schedule_verdict);
    times::time_zone(&mut c, draft.time_zone);
    access::departments(&mut c, draft.departments);
    web_login::web_login(&mut c, draft.web_login);
    lists::allowed_caller_ids(&mut c, draft.allowed_caller_ids);
    lists::report_users(&mut c, draft.report_users, draft.id);
    Checked { user: c.user, password_set: c.password_set }
}
