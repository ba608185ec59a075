//! The field rules of SPEC §2 applied to a user: one function serves add, edit, audit,
//! import and as-you-type checks, so each rule is written once.

use crate::engine::{Engine, Key};
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
}

/// The merged, normalised user and what is wrong with it.
pub(crate) struct Checked {
    pub user: User,
    pub violations: Vec<Violation>,
    pub password_set: bool,
}

fn blank(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(|s| s.trim().is_empty())
}

/// A schedule parse error as a violation at `field`.
pub(crate) fn schedule_violation(field: &str, e: &crate::schedule::ScheduleError) -> Violation {
    let problem = match e.kind {
        ScheduleErrorKind::Invalid(reason) => Problem::ScheduleInvalid { offset: e.offset, reason: reason.as_str() },
        ScheduleErrorKind::Overlap => Problem::ScheduleOverlap { offset: e.offset },
    };
    Violation::at(field, problem)
}

impl Engine {
    /// Applies `draft` over `base` and checks every field it sets (all of them for
    /// [`Mode::Add`] and [`Mode::Audit`]). `me` is the user's own position, so its own
    /// email or extension does not count as taken; in an audit only earlier users count.
    pub(crate) fn check_fields(&self, base: &User, draft: &UserDraft, me: Option<usize>, mode: Mode) -> Checked {
        let mut out = Vec::new();
        let mut user = base.clone();
        let full = mode != Mode::Edit;
        // Who else holds a key: in an audit, only an earlier user (found while indexing).
        let holder = |k: Key, map: &std::collections::HashMap<String, usize>, key: &str| match (mode, me) {
            (Mode::Audit, Some(m)) => self.idx.clash(m, k),
            _ => map.get(key).copied().filter(|&h| Some(h) != me),
        };
        let held_by = |pos: usize| self.at(pos).map(|u| (u.id.clone(), u.name.clone())).unwrap_or_default();

        if full || draft.name.is_some() {
            match draft.name.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                None => out.push(Violation::at("name", Problem::Required)),
                Some(text) => match name::validate(text) {
                    Ok(v) => user.name = v.to_owned(),
                    Err(e) => out.push(Violation::at(
                        "name",
                        Problem::NameInvalid { reason: e.problem.as_str(), offset: e.offset },
                    )),
                },
            }
        }

        if full || draft.email.is_some() {
            if blank(&draft.email) {
                out.push(Violation::at("email", Problem::Required));
            } else if let Some(text) = draft.email.as_deref() {
                match email::validate(text) {
                    Err(p) => out.push(Violation::at("email", Problem::EmailInvalid { reason: p.as_str() })),
                    Ok(v) => {
                        let key = email::key(v);
                        if let Some(h) = holder(Key::Email, &self.idx.email, &key) {
                            out.push(Violation::at(
                                "email",
                                Problem::EmailTaken { email: v.to_owned(), held_by: held_by(h).0 },
                            ));
                        } else if self.directory.email_taken_elsewhere(&key)
                            && (mode != Mode::Edit || key != email::key(base.email.trim()))
                        {
                            out.push(Violation::at("email", Problem::EmailTakenElsewhere { email: v.to_owned() }));
                        }
                        user.email = v.to_owned();
                    }
                }
            }
        }

        if mode != Mode::Edit {
            if blank(&draft.mobile) {
                out.push(Violation::at("mobile", Problem::Required));
            } else if let Some(text) = draft.mobile.as_deref() {
                match phone::normalize(text, &self.policy.default_country) {
                    Err(p) => out.push(Violation::at("mobile", Problem::MobileInvalid { reason: p.as_str() })),
                    Ok(m) => {
                        if let Some(h) = holder(Key::Mobile, &self.idx.mobile, &m).filter(|_| self.policy.unique_mobile)
                        {
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

        if let Some(alt) = &draft.alt_mobile {
            match alt.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
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
            if blank(&draft.extension) {
                out.push(Violation::at("extension", Problem::Required));
            } else if let Some(text) = draft.extension.as_deref().map(str::trim) {
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
                        user.extension = text.to_owned();
                        if let Some(h) = holder(Key::Extension, &self.idx.extension, text) {
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

        if let Some(text) = &draft.role {
            match Role::parse(text.trim()) {
                Some(r) => user.role = r,
                None => out.push(Violation::at("role", Problem::RoleUnknown { role: text.clone() })),
            }
        }
        if let Some(pro) = draft.pro {
            user.pro = pro;
        }
        let role_ok = draft.role.as_deref().is_none_or(|r| Role::parse(r.trim()).is_some());
        if role_ok && (full || draft.role.is_some() || draft.pro.is_some()) && user.role.requires_pro() && !user.pro {
            out.push(Violation::at("role", Problem::RoleRequiresPro { role: user.role.as_str() }));
        }

        if let Some(text) = &draft.schedule {
            match Schedule::parse(schedule_text(text)) {
                Ok(s) => {
                    if s.is_never_open() && mode != Mode::Audit {
                        out.push(Violation::at("schedule", Problem::ScheduleNeverOpen));
                    }
                    user.schedule = s.canonical();
                }
                Err(e) => out.push(schedule_violation("schedule", &e)),
            }
        }

        if let Some(tz) = &draft.time_zone {
            match tz.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                None => user.time_zone = None,
                Some(text) => match crate::tz::canonical_name(text) {
                    Some(c) => user.time_zone = Some(c.to_owned()),
                    None => {
                        out.push(Violation::at("timeZone", Problem::TimeZoneInvalid { time_zone: text.to_owned() }))
                    }
                },
            }
        }

        if let Some(list) = &draft.departments {
            let mut kept: Vec<String> = Vec::with_capacity(list.len());
            for (i, d) in list.iter().enumerate() {
                let d = d.trim();
                if !self.account.departments.iter().any(|x| x.id == d) {
                    out.push(Violation::at(
                        format!("departments[{i}]"),
                        Problem::DepartmentUnknown { department: d.to_owned() },
                    ));
                } else if !kept.iter().any(|k| k == d) {
                    kept.push(d.to_owned());
                }
            }
            user.departments = kept;
        }
        if mode != Mode::Audit && user.departments.is_empty() && (full || draft.departments.is_some()) {
            out.push(Violation::at("departments", Problem::NoDepartment));
        }

        let mut password_set = false;
        if let Some(w) = &draft.web_login {
            match w {
                None => user.web_login = None,
                Some(w) => {
                    let before = base.web_login.clone();
                    let mut login = before.clone().unwrap_or(WebLogin {
                        login_id: String::new(),
                        allowed_ips: Vec::new(),
                        blocked: false,
                    });
                    if let Some(id) = &w.login_id {
                        login.login_id = id.trim().to_owned();
                    }
                    let id_changed = before.as_ref().is_none_or(|b| b.login_id != login.login_id);
                    if full || id_changed {
                        if !web_login::login_id_ok(&login.login_id, self.policy.login_id_min) {
                            out.push(Violation::at(
                                "webLogin.loginId",
                                Problem::LoginIdInvalid { min: self.policy.login_id_min },
                            ));
                        } else if let Some(h) =
                            holder(Key::Login, &self.idx.login, &login.login_id.to_ascii_lowercase())
                        {
                            out.push(Violation::at(
                                "webLogin.loginId",
                                Problem::LoginIdTaken { login_id: login.login_id.clone(), held_by: held_by(h).0 },
                            ));
                        }
                    }
                    if let Some(ips) = &w.allowed_ips {
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
                    if let Some(pw) = &w.password {
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

        if let Some(ids) = &draft.allowed_caller_ids {
            user.allowed_caller_ids = ids.as_ref().map(|ids| {
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

        if let Some(ids) = &draft.report_users {
            if let Some(ids) = ids {
                for (i, id) in ids.iter().enumerate() {
                    let is_new = mode == Mode::Add && draft.id.as_deref() == Some(id.as_str());
                    if self.pos(id).is_none() && !is_new {
                        out.push(Violation::at(format!("reportUsers[{i}]"), Problem::UserUnknown { id: id.clone() }));
                    }
                }
            }
            user.report_users = ids.clone();
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

/// A blank schedule is the default, open all the time.
pub(crate) fn schedule_text(text: &str) -> &str {
    if text.trim().is_empty() {
        "24/7"
    } else {
        text
    }
}

/// The draft that re-checks a stored user in full (audit), but for the schedule, which
/// the audit checks once per distinct text.
pub(crate) fn draft_of(u: &User) -> UserDraft {
    UserDraft {
        id: Some(u.id.clone()),
        name: Some(u.name.clone()),
        email: Some(u.email.clone()),
        mobile: Some(u.mobile.clone()),
        alt_mobile: u.alt_mobile.clone().map(Some),
        extension: Some(u.extension.clone()),
        role: Some(u.role.as_str().to_owned()),
        pro: Some(u.pro),
        schedule: None,
        time_zone: u.time_zone.clone().map(Some),
        departments: Some(u.departments.clone()),
        web_login: u.web_login.as_ref().map(|w| {
            Some(crate::model::WebLoginDraft {
                login_id: Some(w.login_id.clone()),
                allowed_ips: Some(w.allowed_ips.clone()),
                blocked: Some(w.blocked),
                password: None,
            })
        }),
        allowed_caller_ids: u.allowed_caller_ids.clone().map(Some),
        report_users: u.report_users.clone().map(Some),
    }
}
