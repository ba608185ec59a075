use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::ExtensionRange;
use crate::capability::RoleMatrix;

/// The rules that vary between providers and plans (RULES §1).
///
/// `Policy::default()` is the built-in catalog. A host may load another one from JSON:
/// unknown keys are an error, missing keys take the default.
///
/// # Example
/// ```
/// use roster_rules::Policy;
/// let p: Policy = serde_json::from_str(r#"{ "loginIdMin": 8 }"#)?;
/// assert_eq!(p.login_id_min, 8);
/// assert_eq!(p.max_users("nano"), Some(Some(3)));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Policy {
    /// `maxUsers` per plan name; `None` (JSON `null`) is unlimited.
    pub plans: BTreeMap<String, Option<u32>>,
    /// Deactivated users still count toward `maxUsers` and still hold a Pro seat.
    pub count_deactivated: bool,
    /// The extension range used when an account does not set its own.
    pub extension_range: ExtensionRange,
    /// Extensions that can never be assigned.
    pub reserved_extensions: Vec<String>,
    /// No two users of one account share a mobile number.
    pub unique_mobile: bool,
    /// ISO 3166 alpha-2 country assumed for numbers typed without `+`.
    pub default_country: String,
    /// The capability matrix (fixed roles, RULES §3).
    pub roles: RoleMatrix,
    /// The web-login password rule.
    pub password: PasswordPolicy,
    /// Minimum length of a web-login id.
    pub login_id_min: usize,
    /// Maximum number of data rows in one bulk import.
    pub max_import_rows: usize,
    /// When true, only deactivated users may be deleted.
    pub delete_requires_deactivation: bool,
}

impl Default for Policy {
    fn default() -> Self {
        let mut plans = BTreeMap::new();
        for (name, max) in [("nano", Some(3)), ("swift", Some(10)), ("creta", Some(10)), ("enterprise", None)] {
            plans.insert(name.to_owned(), max);
        }
        Policy {
            plans,
            count_deactivated: true,
            extension_range: ExtensionRange { from: 10, to: 99 },
            reserved_extensions: Vec::new(),
            unique_mobile: true,
            default_country: "IN".to_owned(),
            roles: RoleMatrix::default(),
            password: PasswordPolicy::default(),
            login_id_min: 6,
            max_import_rows: 5000,
            delete_requires_deactivation: false,
        }
    }
}

impl Policy {
    /// The user limit of `plan`: `None` if the plan is unknown, `Some(None)` if unlimited.
    pub fn max_users(&self, plan: &str) -> Option<Option<u32>> {
        self.plans.get(plan).copied()
    }
}

/// The web-login password rule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct PasswordPolicy {
    /// Minimum length in characters.
    pub min_length: usize,
    /// Maximum length in characters.
    pub max_length: usize,
    /// At least one letter.
    pub require_letter: bool,
    /// At least one digit.
    pub require_digit: bool,
    /// Must not contain the login id or the email's local part (case-insensitive).
    pub forbid_identity: bool,
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        PasswordPolicy {
            min_length: 8,
            max_length: 64,
            require_letter: true,
            require_digit: true,
            forbid_identity: true,
        }
    }
}
