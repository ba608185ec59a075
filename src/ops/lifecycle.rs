//! `deactivateUser`, `reactivateUser`, `deleteUser`.

use super::{denied, Actor};
use crate::capability::{can, Capability};
use crate::engine::{Engine, Mutation};
use crate::model::{Status, User};
use crate::outcome::{Outcome, Problem, Violation};

impl Engine {
    /// Actor, target and permission for an action on another user (self, rank, capability).
    fn manage(
        &self,
        actor: &str,
        target: &str,
        cap: Capability,
        action: &'static str,
    ) -> Result<(usize, &User), Violation> {
        let actor = self.actor(actor)?;
        let pos = self.target(target)?;
        let t = self.at(pos).ok_or_else(|| Violation::at("target", Problem::UserUnknown { id: target.to_owned() }))?;
        if let Actor::User(a) = actor {
            if a.id == t.id {
                return Err(Violation::general(Problem::SelfAction { action }));
            }
            if t.role > a.role || !can(&self.policy.roles, a, cap, Some(t)) {
                return Err(Violation::general(Problem::NotPermitted { action }));
            }
        }
        Ok((pos, t))
    }

    pub(crate) fn set_active(&self, actor: &str, target: &str, active: bool) -> (Outcome, Option<Mutation>) {
        let action = if active { "reactivate_users" } else { "deactivate_users" };
        let (pos, before) = match self.manage(actor, target, Capability::DeactivateUsers, action) {
            Ok(x) => x,
            Err(v) => return denied(v),
        };
        let mut after = before.clone();
        let mut violations = Vec::new();
        if active && before.is_deactivated() {
            after.status = Status::Active;
            if !self.policy.count_deactivated {
                violations.extend(self.view().limit_violations(1, u64::from(after.pro)));
            }
        } else if !active && !before.is_deactivated() {
            after.status = Status::Deactivated;
            violations.extend(self.last_admin(before, Some(&after), None));
        }
        let mut outcome = Outcome::from_violations(violations);
        outcome.user = Some(after.clone());
        (outcome, Some(Mutation::Replace(pos, Box::new(after))))
    }

    pub(crate) fn delete_user(&self, actor: &str, target: &str) -> (Outcome, Option<Mutation>) {
        let (pos, before) = match self.manage(actor, target, Capability::DeleteUsers, "delete_users") {
            Ok(x) => x,
            Err(v) => return denied(v),
        };
        let mut violations = Vec::new();
        if !before.departments.is_empty() {
            violations.push(Violation::at(
                "departments",
                Problem::UserInRouting { departments: before.departments.join(", ") },
            ));
        }
        if self.policy.delete_requires_deactivation && !before.is_deactivated() {
            violations.push(Violation::at("status", Problem::NotDeactivated));
        }
        violations.extend(self.last_admin(before, None, None));
        let outcome = Outcome::from_violations(violations);
        (outcome, Some(Mutation::Remove(pos)))
    }
}
