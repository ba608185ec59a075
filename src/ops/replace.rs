//! `replaceUser`: the "change a mobile number" workaround as an ordered plan of ops,
//! each checked on a copy of the account so every step passes every rule.

use super::{denied, Op};
use crate::engine::{Engine, Mutation};
use crate::model::{User, UserDraft};
use crate::outcome::{Outcome, Problem, Violation};

/// An alias of `email` that no user holds: `local+old@domain`, then `+old2`, …
fn alias(engine: &Engine, email: &str) -> String {
    let (local, domain) = email.split_once('@').unwrap_or((email, ""));
    (1..)
        .map(|n| if n == 1 { format!("{local}+old@{domain}") } else { format!("{local}+old{n}@{domain}") })
        .find(|a| !engine.idx.email.contains_key(&crate::rules::email::key(a)))
        .unwrap_or_default()
}

fn edit(actor: &str, target: &str, patch: UserDraft) -> Op {
    Op::EditUser { actor: actor.to_owned(), target: target.to_owned(), patch }
}

impl Engine {
    pub(crate) fn replace_user(&self, actor: &str, target: &str, mobile: &str) -> (Outcome, Option<Mutation>) {
        if let Err(v) = self.actor(actor) {
            return denied(v);
        }
        let old: User = match self.user(target) {
            Some(u) => u.clone(),
            None => return denied(Violation::at("target", Problem::UserUnknown { id: target.to_owned() })),
        };
        let mut sim = self.clone();
        let mut plan = Vec::new();
        let mut new_user = None;
        let new_id = sim.view().next_id();

        let step = |sim: &mut Engine, plan: &mut Vec<Op>, op: Op| -> Result<Outcome, Outcome> {
            let o = sim.apply(&op);
            plan.push(op);
            if o.ok {
                Ok(o)
            } else {
                Err(o)
            }
        };
        let mut run = || -> Result<(), Outcome> {
            let mut p = UserDraft { email: Some(alias(&sim, &old.email)), ..UserDraft::default() };
            step(&mut sim, &mut plan, edit(actor, target, std::mem::take(&mut p)))?;
            let free = sim.view().lowest_free_extension().ok_or_else(|| {
                Outcome::from_violations(vec![Violation::at(
                    "extension",
                    Problem::ExtensionTaken {
                        extension: old.extension.clone(),
                        held_by: old.id.clone(),
                        held_by_name: old.name.clone(),
                        suggestion: None,
                    },
                )])
            })?;
            step(
                &mut sim,
                &mut plan,
                edit(actor, target, UserDraft { extension: Some(free), ..UserDraft::default() }),
            )?;
            let draft = UserDraft {
                id: Some(new_id.clone()),
                name: Some(old.name.clone()),
                email: Some(old.email.clone()),
                mobile: Some(mobile.to_owned()),
                extension: Some(old.extension.clone()),
                role: Some(old.role.as_str().to_owned()),
                pro: Some(old.pro),
                schedule: Some(old.schedule.clone()),
                time_zone: old.time_zone.clone().map(Some),
                departments: Some(old.departments.clone()),
                allowed_caller_ids: old.allowed_caller_ids.clone().map(Some),
                report_users: old.report_users.clone().map(Some),
                web_login: None,
                alt_mobile: None,
            };
            let added = step(&mut sim, &mut plan, Op::AddUser { actor: actor.to_owned(), user: draft })?;
            new_user = added.user;
            if !old.departments.is_empty() {
                step(
                    &mut sim,
                    &mut plan,
                    edit(actor, target, UserDraft { departments: Some(Vec::new()), ..UserDraft::default() }),
                )?;
            }
            if !old.is_deactivated() {
                step(&mut sim, &mut plan, Op::DeactivateUser { actor: actor.to_owned(), target: target.to_owned() })?;
            }
            Ok(())
        };
        match run() {
            Ok(()) => {
                let mut o = Outcome::from_violations(Vec::new());
                o.user = new_user;
                o.plan = Some(plan);
                (o, Some(Mutation::Swap(Box::new(sim))))
            }
            Err(mut failed) => {
                // A denied step is reported alone, without the plan: it would show the
                // target's data to someone who may not act on it.
                if !failed.violations.iter().any(|v| v.problem.is_permission()) {
                    failed.plan = Some(plan);
                }
                failed.user = None;
                (failed, None)
            }
        }
    }
}
