use serde::{Deserialize, Deserializer, Serialize};

/// A user as typed into the add form, or the patch of an edit: every field optional, raw.
///
/// Strings are validated and normalised by the engine, so a wrong value is a violation,
/// not a decoding error; only a wrong JSON type is a `bad_request`. In a patch, `null`
/// clears an optional field (`altMobile`, `timeZone`, `webLogin`, …).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct UserDraft {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
    #[serde(default, deserialize_with = "some", skip_serializing_if = "Option::is_none")]
    pub alt_mobile: Option<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pro: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<String>,
    #[serde(default, deserialize_with = "some", skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<Option<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub departments: Option<Vec<String>>,
    #[serde(default, deserialize_with = "some", skip_serializing_if = "Option::is_none")]
    pub web_login: Option<Option<WebLoginDraft>>,
    #[serde(default, deserialize_with = "some", skip_serializing_if = "Option::is_none")]
    pub allowed_caller_ids: Option<Option<Vec<String>>>,
    #[serde(default, deserialize_with = "some", skip_serializing_if = "Option::is_none")]
    pub report_users: Option<Option<Vec<String>>>,
}

/// Web-login fields as typed. In a patch, only the keys given change.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(missing_docs)]
pub struct WebLoginDraft {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub login_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_ips: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub blocked: Option<bool>,
    /// Checked against the password rule, then dropped: never stored, never echoed.
    #[serde(default, skip_serializing)]
    pub password: Option<String>,
}

/// A present key becomes `Some(value)`, `null` included (`Some(None)`); an absent key stays `None`.
fn some<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}
