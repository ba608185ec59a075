//! The role capability matrix of RULES §3, as data.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Role, User};

/// Something a user may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Capability {
    ReceiveCalls,
    PanelLogin,
    ViewOwnCalls,
    ViewReports,
    AddUsers,
    EditUsers,
    DeactivateUsers,
    DeleteUsers,
    ManageDepartments,
    ManageBilling,
    ResetPasswords,
}

impl Capability {
    /// Every capability, in the matrix's order.
    pub const ALL: [Capability; 11] = [
        Capability::ReceiveCalls,
        Capability::PanelLogin,
        Capability::ViewOwnCalls,
        Capability::ViewReports,
        Capability::AddUsers,
        Capability::EditUsers,
        Capability::DeactivateUsers,
        Capability::DeleteUsers,
        Capability::ManageDepartments,
        Capability::ManageBilling,
        Capability::ResetPasswords,
    ];

    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Capability::ReceiveCalls => "receive_calls",
            Capability::PanelLogin => "panel_login",
            Capability::ViewOwnCalls => "view_own_calls",
            Capability::ViewReports => "view_reports",
            Capability::AddUsers => "add_users",
            Capability::EditUsers => "edit_users",
            Capability::DeactivateUsers => "deactivate_users",
            Capability::DeleteUsers => "delete_users",
            Capability::ManageDepartments => "manage_departments",
            Capability::ManageBilling => "manage_billing",
            Capability::ResetPasswords => "reset_passwords",
        }
    }
}

/// How far a granted capability reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reach {
    /// Everyone (or, for a personal capability, simply granted).
    All,
    /// Users who share one of the actor's departments.
    OwnDepartments,
    /// Agents who share one of the actor's departments; only role `agent`, only into
    /// the actor's own departments.
    OwnDepartmentAgents,
}

impl Reach {
    /// The snake_case name (what serde writes).
    pub fn as_str(self) -> &'static str {
        match self {
            Reach::All => "all",
            Reach::OwnDepartments => "own_departments",
            Reach::OwnDepartmentAgents => "own_department_agents",
        }
    }
}

/// One column of the matrix: capability → reach; an absent capability is not granted.
pub type Grants = BTreeMap<Capability, Reach>;

/// The capability matrix: one column per role, plus the call-only agent (Pro off).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
#[allow(missing_docs)]
pub struct RoleMatrix {
    pub owner: Grants,
    pub admin: Grants,
    pub manager: Grants,
    pub agent: Grants,
    pub call_only: Grants,
}

impl Default for RoleMatrix {
    fn default() -> Self {
        use Capability::*;
        use Reach::*;
        // Inserts, not `collect`: a BTreeMap collect sorts, and each sort instance costs wasm size.
        let col = |list: &[(Capability, Reach)]| {
            let mut grants = Grants::new();
            for &(c, r) in list {
                grants.insert(c, r);
            }
            grants
        };
        let personal = [(ReceiveCalls, All), (PanelLogin, All), (ViewOwnCalls, All)];
        let manage = [(DeactivateUsers, All), (DeleteUsers, All), (ManageDepartments, All), (ResetPasswords, All)];
        let admin: Vec<_> = personal
            .iter()
            .chain(&[(ViewReports, All), (AddUsers, All), (EditUsers, All)])
            .chain(&manage)
            .copied()
            .collect();
        let mut owner = admin.clone();
        owner.push((ManageBilling, All));
        let manager: Vec<_> = personal
            .iter()
            .chain(&[(ViewReports, OwnDepartments), (AddUsers, OwnDepartmentAgents), (EditUsers, OwnDepartmentAgents)])
            .copied()
            .collect();
        RoleMatrix {
            owner: col(&owner),
            admin: col(&admin),
            manager: col(&manager),
            agent: col(&personal),
            call_only: col(&[(ReceiveCalls, All)]),
        }
    }
}

impl RoleMatrix {
    /// What `user` may do, and how far: deactivated users nothing; a blocked login or
    /// Pro off leaves only the call-only column.
    ///
    /// # Example
    /// ```
    /// use roster_rules::{capability::{Capability, Reach, RoleMatrix}, User};
    /// let user: User = serde_json::from_str(r#"{"id":"u3","name":"C","email":"c@x.in",
    ///   "mobile":"+919800000003","extension":"12","role":"manager","pro":true,"status":"active"}"#)?;
    /// let m = RoleMatrix::default();
    /// assert_eq!(m.reach(&user, Capability::EditUsers), Some(Reach::OwnDepartmentAgents));
    /// assert_eq!(m.reach(&user, Capability::DeleteUsers), None);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn reach(&self, user: &User, capability: Capability) -> Option<Reach> {
        if user.is_deactivated() {
            return None;
        }
        self.column(user).get(&capability).copied()
    }

    /// The column that applies to `user` (ignoring deactivation).
    pub fn column(&self, user: &User) -> &Grants {
        if !user.can_sign_in() {
            return &self.call_only;
        }
        match user.role {
            Role::Owner => &self.owner,
            Role::Admin => &self.admin,
            Role::Manager => &self.manager,
            Role::Agent => &self.agent,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_the_serde_names() {
        for c in Capability::ALL {
            assert_eq!(serde_json::to_value(c).unwrap(), c.as_str());
        }
        for r in [Reach::All, Reach::OwnDepartments, Reach::OwnDepartmentAgents] {
            assert_eq!(serde_json::to_value(r).unwrap(), r.as_str());
        }
    }
}
