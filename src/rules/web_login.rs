//! Web-login ids and passwords.

use crate::model::PasswordPolicy;

/// Whether `login_id` has at least `min` characters, all of `A-Z a-z 0-9 . _ - @`.
///
/// # Example
/// ```
/// use roster_rules::rules::web_login::login_id_ok;
/// assert!(login_id_ok("asha.rao", 6));
/// assert!(!login_id_ok("asha", 6));
/// assert!(!login_id_ok("asha rao", 6));
/// ```
pub fn login_id_ok(login_id: &str, min: usize) -> bool {
    login_id.len() >= min
        && login_id.len() <= 254
        && login_id.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-' | b'@'))
}

/// Why a password is refused. The password itself is never part of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordProblem {
    /// Shorter than the minimum.
    TooShort,
    /// Longer than the maximum.
    TooLong,
    /// No letter.
    NoLetter,
    /// No digit.
    NoDigit,
    /// Contains the login id or the email's local part.
    ContainsIdentity,
}

impl PasswordProblem {
    /// Stable snake_case name, used as the `reason` param.
    pub fn as_str(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "too_short",
            PasswordProblem::TooLong => "too_long",
            PasswordProblem::NoLetter => "no_letter",
            PasswordProblem::NoDigit => "no_digit",
            PasswordProblem::ContainsIdentity => "contains_identity",
        }
    }
}

/// Checks `password` against the policy; `identities` are the login id and the email's
/// local part (compared case-insensitively; blanks ignored).
///
/// # Errors
/// The first [`PasswordProblem`] found, in the order of the enum.
///
/// # Example
/// ```
/// use roster_rules::rules::web_login::{check_password, PasswordProblem};
/// let policy = roster_rules::Policy::default().password;
/// assert_eq!(check_password("s3cret-pass", &policy, &["asha.rao", "asha"]), Ok(()));
/// assert_eq!(check_password("asha.rao1", &policy, &["asha.rao", "asha"]), Err(PasswordProblem::ContainsIdentity));
/// ```
pub fn check_password(password: &str, policy: &PasswordPolicy, identities: &[&str]) -> Result<(), PasswordProblem> {
    let len = password.chars().take(policy.max_length.saturating_add(1)).count();
    if len < policy.min_length {
        return Err(PasswordProblem::TooShort);
    }
    if len > policy.max_length {
        return Err(PasswordProblem::TooLong);
    }
    if policy.require_letter && !password.chars().any(char::is_alphabetic) {
        return Err(PasswordProblem::NoLetter);
    }
    if policy.require_digit && !password.chars().any(|c| c.is_ascii_digit()) {
        return Err(PasswordProblem::NoDigit);
    }
    if policy.forbid_identity {
        // ASCII case only: login ids are ASCII, and full Unicode case tables would add
        // 17 KB to the `.wasm` for letters no identity here contains.
        let lower = password.to_ascii_lowercase();
        // A window at a time: the password is at most `max_length` characters (checked
        // above), so this costs at most max_length × the identity's length.
        let contains = |id: &str| lower.as_bytes().windows(id.len()).any(|w| w == id.as_bytes());
        if identities.iter().map(|i| i.trim().to_ascii_lowercase()).any(|i| !i.is_empty() && contains(&i)) {
            return Err(PasswordProblem::ContainsIdentity);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_rules_in_order() {
        let p = PasswordPolicy::default();
        assert_eq!(check_password("a1", &p, &[]), Err(PasswordProblem::TooShort));
        assert_eq!(check_password(&"a1".repeat(40), &p, &[]), Err(PasswordProblem::TooLong));
        assert_eq!(check_password("12345678", &p, &[]), Err(PasswordProblem::NoLetter));
        assert_eq!(check_password("abcdefgh", &p, &[]), Err(PasswordProblem::NoDigit));
        assert_eq!(check_password("xxDEV42xx", &p, &["dev"]), Err(PasswordProblem::ContainsIdentity));
        assert_eq!(check_password("xxDEV42xx", &p, &[""]), Ok(()));
    }

    #[test]
    fn login_id_charset() {
        assert!(login_id_ok("a@b.c_d-e", 6));
        assert!(!login_id_ok("asha.rao✓", 6));
    }
}
