//! The panel login: `webLogin.loginId`, `.allowedIps`, `.blocked`, `.password`.

use super::{as_typed, at_most_max_items, Check, LoginFields, MAX_ITEMS};
use crate::field::{Field, Path};
use crate::model::WebLogin;
use crate::outcome::Violation;
use crate::problem::Problem;
use crate::rules::{ip, web_login as rule};
use crate::state::Key;

/// `webLogin`: `null` removes the login; an object sets the parts it gives (the others
/// stay as stored). The password is checked and dropped: never stored, never echoed.
pub(super) fn web_login(c: &mut Check<'_, '_>, typed: Option<Option<LoginFields<'_>>>) {
    let Some(w) = typed else { return };
    let Some(w) = w else {
        c.user.web_login = None;
        return;
    };
    let before = c.base.and_then(|b| b.web_login.as_ref());
    let mut login = match before {
        Some(b) if c.keeps() => b.clone(),
        _ => WebLogin { login_id: String::new(), allowed_ips: Vec::new(), blocked: false },
    };
    if let Some(id) = w.login_id {
        login.login_id = as_typed(id.trim());
    }
    login_id(c, &login.login_id, before);
    if let Some(ips) = w.allowed_ips {
        login.allowed_ips = allowed_ips(c, ips);
    }
    if let Some(b) = w.blocked {
        login.blocked = b;
    }
    if let Some(pw) = w.password {
        password(c, pw, &login.login_id);
    }
    c.user.web_login = Some(login);
}

/// `webLogin.loginId`: long enough, of allowed characters, unique (case-insensitive).
fn login_id(c: &mut Check<'_, '_>, id: &str, before: Option<&WebLogin>) {
    let changed = before.is_none_or(|b| b.login_id != id);
    if !(c.full() || changed) {
        return;
    }
    let min = c.view.policy().login_id_min;
    if !rule::login_id_ok(id, min) {
        c.report(Violation::at(Field::LoginId, Problem::LoginIdInvalid { min }));
    } else if let Some(h) = c.holder(Key::Login, &id.to_ascii_lowercase()) {
        let holder = c.view.holder(h);
        c.report(Violation::at(Field::LoginId, Problem::LoginIdTaken { login_id: id.to_owned(), holder }));
    }
}

/// `webLogin.allowedIps`: each an IPv4/IPv6 address or CIDR block.
fn allowed_ips(c: &mut Check<'_, '_>, ips: &[String]) -> Vec<String> {
    for (i, entry) in ips.iter().enumerate() {
        let entry = entry.trim();
        if !ip::is_valid(entry) {
            c.report.add(Path::item(Field::AllowedIps, i), || Problem::IpInvalid { ip: entry.to_owned() });
        }
    }
    at_most_max_items(c, Field::AllowedIps, ips.len());
    ips.iter().take(MAX_ITEMS).map(|s| as_typed(s.trim())).collect()
}

/// `webLogin.password`: the policy's rule, against the login id and the email's name.
fn password(c: &mut Check<'_, '_>, pw: &str, login_id: &str) {
    let policy = &c.view.policy().password;
    let local = c.user.email.split('@').next().unwrap_or("");
    match rule::check_password(pw, policy, &[login_id, local]) {
        Ok(()) => c.password_set = true,
        Err(p) => c.report(Violation::at(
            Field::Password,
            Problem::PasswordWeak { reason: p.as_str(), min: policy.min_length, max: policy.max_length },
        )),
    }
}
