//! Who the user is: `name`, `email`, `mobile`, `altMobile`.

use super::{as_typed, blank, Check, Mode};
use crate::field::Field;
use crate::outcome::Violation;
use crate::problem::Problem;
use crate::rules::{email as email_rule, name as name_rule, phone};
use crate::state::Key;

/// `name`: required, 1–100 characters, no control, invisible or emoji characters.
pub(super) fn name(c: &mut Check<'_, '_>, typed: Option<&str>) {
    if !(c.full() || typed.is_some()) {
        return;
    }
    match typed.map(str::trim).filter(|s| !s.is_empty()) {
        None => c.report(Violation::at(Field::Name, Problem::Required)),
        Some(text) => match name_rule::validate(text) {
            Ok(v) => {
                if c.keeps() {
                    c.user.name = v.to_owned();
                }
            }
            Err(e) => {
                c.report(Violation::at(
                    Field::Name,
                    Problem::NameInvalid { reason: e.problem.as_str(), offset: e.offset },
                ));
                if c.keeps() {
                    c.user.name = as_typed(text);
                }
            }
        },
    }
}

/// `email`: required, valid, unique in the account, not used in another workspace.
pub(super) fn email(c: &mut Check<'_, '_>, typed: Option<&str>) {
    if !(c.full() || typed.is_some()) {
        return;
    }
    let Some(text) = typed.filter(|_| !blank(typed)) else {
        c.report(Violation::at(Field::Email, Problem::Required));
        return;
    };
    match email_rule::validate(text) {
        Err(p) => {
            c.report(Violation::at(Field::Email, Problem::EmailInvalid { reason: p.as_str() }));
            if c.keeps() {
                c.user.email = as_typed(text.trim());
            }
        }
        Ok(v) => {
            let key = email_rule::key(v);
            if let Some(h) = c.holder(Key::Email, &key) {
                let holder = c.view.holder(h);
                c.report(Violation::at(Field::Email, Problem::EmailTaken { email: v.to_owned(), holder }));
            } else if c.view.state().directory.email_taken_elsewhere(&key)
                && (c.mode != Mode::Edit || c.base.is_none_or(|b| key != email_rule::key(b.email.trim())))
            {
                c.report(Violation::at(Field::Email, Problem::EmailTakenElsewhere { email: v.to_owned() }));
            }
            if c.keeps() {
                c.user.email = v.to_owned();
            }
        }
    }
}

/// `mobile`: required on a new user, a mobile number (E.164), unique where the policy
/// says so. An edit never changes it (the op reports `mobile_immutable`).
pub(super) fn mobile(c: &mut Check<'_, '_>, typed: Option<&str>) {
    if !(c.full() || (c.mode == Mode::Field && typed.is_some())) {
        return;
    }
    let Some(text) = typed.filter(|_| !blank(typed)) else {
        c.report(Violation::at(Field::Mobile, Problem::Required));
        return;
    };
    match phone::normalize(text, &c.view.policy().default_country) {
        Err(p) => {
            c.report(Violation::at(Field::Mobile, Problem::MobileInvalid { reason: p.as_str() }));
            if c.keeps() {
                c.user.mobile = as_typed(text.trim());
            }
        }
        Ok(m) => {
            if let Some(h) = c.holder(Key::Mobile, &m).filter(|_| c.view.policy().unique_mobile) {
                let holder = c.view.holder(h);
                c.report(Violation::at(Field::Mobile, Problem::MobileTaken { mobile: m.clone(), holder }));
            }
            c.user.mobile = m;
        }
    }
}

/// `altMobile`: optional, a mobile number other than the mobile.
pub(super) fn alt_mobile(c: &mut Check<'_, '_>, typed: Option<Option<&str>>) {
    let Some(alt) = typed else { return };
    match alt.map(str::trim).filter(|s| !s.is_empty()) {
        None => c.user.alt_mobile = None,
        Some(text) => match phone::normalize(text, &c.view.policy().default_country) {
            Err(p) => {
                c.report(Violation::at(Field::AltMobile, Problem::MobileInvalid { reason: p.as_str() }));
                c.user.alt_mobile = Some(as_typed(text));
            }
            Ok(m) => {
                if m == c.user.mobile {
                    c.report(Violation::at(Field::AltMobile, Problem::AltMobileSame));
                }
                c.user.alt_mobile = Some(m);
            }
        },
    }
}
