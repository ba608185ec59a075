//! What the user may do and where: `role`, `pro`, `departments`.

use std::collections::HashSet;

use super::{as_typed, at_most_max_items, Check, Mode, MAX_ITEMS};
use crate::field::{Field, Path};
use crate::model::Role;
use crate::outcome::Violation;
use crate::problem::Problem;

/// `role` is one of the four roles; owner, admin and manager need `pro` on.
pub(super) fn role_and_pro(c: &mut Check<'_, '_>, role: Option<&str>, pro: Option<bool>) {
    let mut role_ok = true;
    if let Some(text) = role {
        match Role::parse(text.trim()) {
            Some(r) => c.user.role = r,
            None => {
                role_ok = false;
                c.report(Violation::at(Field::Role, Problem::RoleUnknown { role: text.to_owned() }));
            }
        }
    }
    if let Some(pro) = pro {
        c.user.pro = pro;
    }
    let asked = c.full() || role.is_some() || pro.is_some();
    if role_ok && asked && c.user.role.requires_pro() && !c.user.pro {
        c.report(Violation::at(Field::Role, Problem::RoleRequiresPro { role: c.user.role }));
    }
}

/// `departments`: each an id of the account's departments (kept once each); none is a
/// warning, `no_department`, since the user then takes no IVR calls.
pub(super) fn departments(c: &mut Check<'_, '_>, typed: Option<&[String]>) {
    if let Some(list) = typed {
        let rules = c.view.rules();
        let keep = c.keeps();
        let mut kept: Vec<String> = Vec::with_capacity(list.len().min(64));
        // A long list is deduplicated through a set; a short one (every real one) by
        // looking at what is kept.
        let mut seen: Option<HashSet<&str>> = (list.len() > 16).then(HashSet::new);
        let mut distinct = 0;
        for (i, d) in list.iter().enumerate() {
            let d = d.trim();
            if !rules.departments.contains_key(d) {
                c.report
                    .add(Path::item(Field::Departments, i), || Problem::DepartmentUnknown { department: d.to_owned() });
            }
            let new = match seen.as_mut() {
                Some(set) => set.insert(d),
                None => !kept.iter().any(|k| k == d),
            };
            if new {
                distinct += 1;
                if keep && kept.len() < MAX_ITEMS {
                    kept.push(as_typed(d));
                }
            }
        }
        at_most_max_items(c, Field::Departments, distinct);
        // Unknown ids are kept as typed: a rejected Outcome's user redraws the form.
        if keep {
            c.user.departments = kept;
        }
    }
    if c.mode != Mode::Audit && c.user.departments.is_empty() && (c.full() || typed.is_some()) {
        c.report(Violation::at(Field::Departments, Problem::NoDepartment));
    }
}
