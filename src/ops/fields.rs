//! The field rules of SPEC §2 applied to a user: one function serves add, edit, audit,
//! import and as-you-type checks, so each rule is written once.

use std::borrow::Cow;

use crate::engine::{Key, View};
use crate::model::{Role, User, UserDraft, WebLogin};
use crate::outcome::{Problem, Violation};
use crate::rules::{email, extension, ip, name, phone, web_login};
use crate::schedule::{Schedule, ScheduleErrorKind};

/// The user fields a form shows, in the order checks and changes are reported.
pub const FIELDS: [&str; 15] = [
    "id",
    "name",
    "email",
    "mobile",
    "altMobile",
    "extension",
    "role",
    "pro",
    "status",
    "schedule",
    "timeZone",
    "departments",
    "webLogin",
    "allowedCallerIds",
    "reportUsers",
];

/// How the fields are being checked.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// A new user: name, email, mobile and extension are required.
    Add,
    /// A patch: only the fields given are checked (the mobile is handled by the caller).
    Edit,
    /// A stored user, against the users before it.
    Audit,
    /// One field of the add form as the user types: the fields given, as for a new user.
    Field,
}

/// The fields a check reads, borrowed: from a [`UserDraft`] (add, edit, import) or from
/// a stored [`User`] (audit), so re-checking 100,000 stored users copies no strings.
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
    /// What `schedule` comes to, when the caller already knows (import keeps one verdict
    /// per distinct text): it must be `schedule_verdict` of `schedule`. `None` to parse
    /// it here.
    pub schedule_verdict: Option<&'a ScheduleVerdict>,
    pub time_zone: Option<Option<&'a str>>,
    pub departments: Option<&'a [String]>,
    pub web_login: Option<Option<LoginFields<'a>>>,
    pub allowed_caller_ids: Option<Option<&'a [String]>>,
    pub report_users: Option<Option<&'a [String]>>,
}

/// The `webLogin` part of [`Fields`].
#[derive(Clone, Copy)]
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
    /// The fields that re-check a stored user in full (audit), but for the schedule,
    /// which the audit checks once per distinct text.
    pub(crate) fn of_user(u: &'a User) -> Self {
        Fields {
            id: Some(&u.id),
            name: Some(&u.name),
            email: Some(&u.email),
            mobile: Some(&u.mobile),
            alt_mobile: u.alt_mobile.as_deref().map(Some),
            extension: Some(&u.extension),
            role: Some(u.role.as_str()),
            pro: Some(u.pro),
            schedule: None,
            schedule_verdict: None,
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

/// The merged, normalised user and what is wrong with it.
pub(crate) struct Checked {
    pub user: User,
    pub violations: Vec<Violation>,
    pub password_set: bool,
}

fn blank(s: Option<&str>) -> bool {
    s.is_none_or(|s| s.trim().is_empty())
}

/// What a schedule text comes to: its canonical text and whether it is never open, or
/// the violation at `schedule`. The one schedule rule of add, edit, import and audit;
/// import and audit keep one verdict per distinct text, as most users share a few.
pub(crate) type ScheduleVerdict = Result<(String, bool), Violation>;

/// The [`ScheduleVerdict`] of `text` (blank is the default, open all the time).
pub(crate) fn schedule_verdict(text: &str) -> ScheduleVerdict {
    let text = if text.trim().is_empty() { crate::model::DEFAULT_SCHEDULE } else { text };
    match Schedule::parse(text) {
        Ok(s) => Ok((s.canonical(), s.is_never_open())),
        Err(e) => Err(schedule_violation("schedule", &e)),
    }
}

/// A schedule parse error as a violation at `field`.
pub(crate) fn schedule_violation(field: &str, e: &crate::schedule::ScheduleError) -> Violation {
    let problem = match e.kind {
        ScheduleErrorKind::Invalid(reason) => Problem::ScheduleInvalid { offset: e.offset, reason: reason.as_str() },
        ScheduleErrorKind::Overlap => Problem::ScheduleOverlap { offset: e.offset },
    };
    Violation::at(field, problem)
}

impl View<'_> {
    /// Applies `draft` over `base` and checks every field it sets (all of them for
    /// [`Mode::Add`] and [`Mode::Audit`]). `me` is the user's own position, so its own
    /// email or extension does not count as taken; in an audit only earlier users count.
    ///
    /// `base` is owned when the caller built it for a new user ([`Mode::Add`],
    /// [`Mode::Field`]): it is not copied again, and there is no stored user to compare
    /// with. Edit and audit lend the stored user.
    pub(crate) fn check_fields(
        &self,
        base: Cow<'_, User>,
        draft: &Fields<'_>,
        me: Option<usize>,
        mode: Mode,
    ) -> Checked {
        let mut out = Vec::new();
        // An audit reads every stored field through `draft` and keeps no merged user, so
        // it starts from a blank one rather than copying each of 100,000 users.
        let (mut user, base) = match base {
            Cow::Borrowed(b) if mode == Mode::Audit => (self.blank_user(String::new()), Some(b)),
            Cow::Borrowed(b) => (b.clone(), Some(b)),
            // A new user: nothing stored before it.
            Cow::Owned(u) => {
                debug_assert!(matches!(mode, Mode::Add | Mode::Field), "a stored user is lent, not owned");
                (u, None)
            }
        };
        // Whether to copy normalised text into `user` (an audit only needs the verdicts).
        let keep = mode != Mode::Audit;
        let full = matches!(mode, Mode::Add | Mode::Audit);
        // Who else holds a key: in an audit, only an earlier user (found while indexing).
        let holder = |k: Key, key: &str| match (mode, me) {
            (Mode::Audit, Some(m)) => self.idx.clash(m, k),
            _ => self.holder(k, key).filter(|&h| Some(h) != me),
        };
        let held_by = |pos: usize| self.at(pos).map(|u| (u.id.clone(), u.name.clone())).unwrap_or_default();

        if full || draft.name.is_some() {
            match draft.name.map(str::trim).filter(|s| !s.is_empty()) {
                None => out.push(Violation::at("name", Problem::Required)),
                Some(text) => match name::validate(text) {
                    Ok(v) if keep => user.name = v.to_owned(),
                    Ok(_) => {}
                    Err(e) => out.push(Violation::at(
                        "name",
                        Problem::NameInvalid { reason: e.problem.as_str(), offset: e.offset },
                    )),
                },
            }
        }

        if full || draft.email.is_some() {
            if blank(draft.email) {
                out.push(Violation::at("email", Problem::Required));
            } else if let Some(text) = draft.email {
                match email::validate(text) {
                    Err(p) => out.push(Violation::at("email", Problem::EmailInvalid { reason: p.as_str() })),
                    Ok(v) => {
                        let key = email::key(v);
                        if let Some(h) = holder(Key::Email, &key) {
                            out.push(Violation::at(
                                "email",
                                Problem::EmailTaken { email: v.to_owned(), held_by: held_by(h).0 },
                            ));
                        } else if self.directory.email_taken_elsewhere(&key)
                            && (mode != Mode::Edit || base.is_none_or(|b| key != email::key(b.email.trim())))
                        {
                            out.push(Violation::at("email", Problem::EmailTakenElsewhere { email: v.to_owned() }));
                        }
                        if keep {
                            user.email = v.to_owned();
                        }
                    }
                }
            }
        }

        if full || (mode == Mode::Field && draft.mobile.is_some()) {
            if blank(draft.mobile) {
                out.push(Violation::at("mobile", Problem::Required));
            } else if let Some(text) = draft.mobile {
                match phone::normalize(text, &self.policy.default_country) {
                    Err(p) => out.push(Violation::at("mobile", Problem::MobileInvalid { reason: p.as_str() })),
                    Ok(m) => {
                        if let Some(h) = holder(Key::Mobile, &m).filter(|_| self.policy.unique_mobile) {
                            out.push(Violation::at(
                                "mobile",
                                Problem::MobileTaken { mobile: m.clone(), held_by: held_by(h).0 },
                            ));
                        }
                        user.mobile = m;
                    }
                }
            }
        }

        if let Some(alt) = draft.alt_mobile {
            match alt.map(str::trim).filter(|s| !s.is_empty()) {
                None => user.alt_mobile = None,
                Some(text) => match phone::normalize(text, &self.policy.default_country) {
                    Err(p) => out.push(Violation::at("altMobile", Problem::MobileInvalid { reason: p.as_str() })),
                    Ok(m) => {
                        if m == user.mobile {
                            out.push(Violation::at("altMobile", Problem::AltMobileSame));
                        }
                        user.alt_mobile = Some(m);
                    }
                },
            }
        }

        if full || draft.extension.is_some() {
            if blank(draft.extension) {
                out.push(Violation::at("extension", Problem::Required));
            } else if let Some(text) = draft.extension.map(str::trim) {
                let range = self.range();
                match extension::check(text, range, &self.policy.reserved_extensions) {
                    Err(extension::ExtensionProblem::Invalid) => {
                        out.push(Violation::at("extension", Problem::ExtensionInvalid { extension: text.to_owned() }))
                    }
                    Err(extension::ExtensionProblem::OutOfRange) => out.push(Violation::at(
                        "extension",
                        Problem::ExtensionOutOfRange { extension: text.to_owned(), from: range.from, to: range.to },
                    )),
                    Ok(_) => {
                        if keep {
                            user.extension = text.to_owned();
                        }
                        if let Some(h) = holder(Key::Extension, text) {
                            let (held_by, held_by_name) = held_by(h);
                            let suggestion = self.lowest_free_extension();
                            out.push(Violation::at(
                                "extension",
                                Problem::ExtensionTaken {
                                    extension: text.to_owned(),
                                    held_by,
                                    held_by_name,
                                    suggestion,
                                },
                            ));
                        }
                    }
                }
            }
        }

        if let Some(text) = draft.role {
            match Role::parse(text.trim()) {
                Some(r) => user.role = r,
                None => out.push(Violation::at("role", Problem::RoleUnknown { role: text.to_owned() })),
            }
        }
        if let Some(pro) = draft.pro {
            user.pro = pro;
        }
        let role_ok = draft.role.is_none_or(|r| Role::parse(r.trim()).is_some());
        if role_ok && (full || draft.role.is_some() || draft.pro.is_some()) && user.role.requires_pro() && !user.pro {
            out.push(Violation::at("role", Problem::RoleRequiresPro { role: user.role.as_str() }));
        }

        if let Some(text) = draft.schedule {
            let verdict = match draft.schedule_verdict {
                Some(known) => Cow::Borrowed(known),
                None => Cow::Owned(schedule_verdict(text)),
            };
            match verdict.into_owned() {
                Ok((canonical, never_open)) => {
                    if never_open && mode != Mode::Audit {
                        out.push(Violation::at("schedule", Problem::ScheduleNeverOpen));
                    }
                    user.schedule = canonical;
                }
                Err(v) => out.push(v),
            }
        }

        if let Some(tz) = draft.time_zone {
            match tz.map(str::trim).filter(|s| !s.is_empty()) {
                None => user.time_zone = None,
                Some(text) => match crate::tz::canonical_name(text) {
                    Some(c) if keep => user.time_zone = Some(c.to_owned()),
                    Some(_) => {}
                    None => {
                        out.push(Violation::at("timeZone", Problem::TimeZoneInvalid { time_zone: text.to_owned() }))
                    }
                },
            }
        }

        if let Some(list) = draft.departments {
            let mut kept: Vec<String> = Vec::with_capacity(list.len());
            for (i, d) in list.iter().enumerate() {
                let d = d.trim();
                if !self.account.departments.iter().any(|x| x.id == d) {
                    out.push(Violation::at(
                        format!("departments[{i}]"),
                        Problem::DepartmentUnknown { department: d.to_owned() },
                    ));
                } else if keep && !kept.iter().any(|k| k == d) {
                    kept.push(d.to_owned());
                }
            }
            user.departments = kept;
        }
        if mode != Mode::Audit && user.departments.is_empty() && (full || draft.departments.is_some()) {
            out.push(Violation::at("departments", Problem::NoDepartment));
        }

        let mut password_set = false;
        if let Some(w) = draft.web_login {
            match w {
                None => user.web_login = None,
                Some(w) => {
                    let before = base.and_then(|b| b.web_login.as_ref());
                    let mut login = match before {
                        Some(b) if keep => b.clone(),
                        _ => WebLogin { login_id: String::new(), allowed_ips: Vec::new(), blocked: false },
                    };
                    if let Some(id) = w.login_id {
                        login.login_id = id.trim().to_owned();
                    }
                    let id_changed = before.as_ref().is_none_or(|b| b.login_id != login.login_id);
                    if full || id_changed {
                        if !web_login::login_id_ok(&login.login_id, self.policy.login_id_min) {
                            out.push(Violation::at(
                                "webLogin.loginId",
                                Problem::LoginIdInvalid { min: self.policy.login_id_min },
                            ));
                        } else if let Some(h) = holder(Key::Login, &login.login_id.to_ascii_lowercase()) {
                            out.push(Violation::at(
                                "webLogin.loginId",
                                Problem::LoginIdTaken { login_id: login.login_id.clone(), held_by: held_by(h).0 },
                            ));
                        }
                    }
                    if let Some(ips) = w.allowed_ips {
                        let ips: Vec<String> = ips.iter().map(|s| s.trim().to_owned()).collect();
                        for (i, entry) in ips.iter().enumerate() {
                            if !ip::is_valid(entry) {
                                out.push(Violation::at(
                                    format!("webLogin.allowedIps[{i}]"),
                                    Problem::IpInvalid { ip: entry.clone() },
                                ));
                            }
                        }
                        login.allowed_ips = ips;
                    }
                    if let Some(b) = w.blocked {
                        login.blocked = b;
                    }
                    if let Some(pw) = w.password {
                        let local = user.email.split('@').next().unwrap_or("");
                        match web_login::check_password(pw, &self.policy.password, &[&login.login_id, local]) {
                            Ok(()) => password_set = true,
                            Err(p) => out
                                .push(Violation::at("webLogin.password", Problem::PasswordWeak { reason: p.as_str() })),
                        }
                    }
                    user.web_login = Some(login);
                }
            }
        }

        if let Some(ids) = draft.allowed_caller_ids {
            user.allowed_caller_ids = ids.map(|ids| {
                ids.iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let key = caller_key(c, &self.policy.default_country);
                        if !self
                            .account
                            .caller_ids
                            .iter()
                            .any(|own| caller_key(own, &self.policy.default_country) == key)
                        {
                            out.push(Violation::at(
                                format!("allowedCallerIds[{i}]"),
                                Problem::CallerIdUnknown { caller_id: c.clone() },
                            ));
                        }
                        key
                    })
                    .collect()
            });
        }

        if let Some(ids) = draft.report_users {
            if let Some(ids) = ids {
                for (i, id) in ids.iter().enumerate() {
                    let is_new = mode == Mode::Add && draft.id == Some(id.as_str());
                    if self.pos(id).is_none() && !is_new {
                        out.push(Violation::at(format!("reportUsers[{i}]"), Problem::UserUnknown { id: id.clone() }));
                    }
                }
            }
            if keep {
                user.report_users = ids.map(<[String]>::to_vec);
            }
        }

        Checked { user, violations: out, password_set }
    }
}

/// Caller ids are often landlines (`+911140001234`), which the mobile rule refuses: they
/// are compared in E.164 where the phone rule can normalise them, else as `+` and digits.
fn caller_key(text: &str, country: &str) -> String {
    phone::normalize(text, country).unwrap_or_else(|_| {
        let t = text.trim();
        let plus = if t.starts_with('+') { "+" } else { "" };
        plus.chars().chain(t.chars().filter(char::is_ascii_digit)).collect()
    })
}
