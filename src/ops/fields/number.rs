//! `extension`: digits without a leading zero, in the account's range, not reserved, not
//! held by another user (deactivated users keep theirs); a taken one comes with the
//! lowest free number as a suggestion.

use super::{as_typed, blank, Check};
use crate::field::Field;
use crate::outcome::Violation;
use crate::problem::Problem;
use crate::rules::extension::{check, ExtensionProblem};
use crate::state::Key;

pub(super) fn extension(c: &mut Check<'_, '_>, typed: Option<&str>) {
    if !(c.full() || typed.is_some()) {
        return;
    }
    let Some(text) = typed.filter(|_| !blank(typed)).map(str::trim) else {
        c.report(Violation::at(Field::Extension, Problem::Required));
        return;
    };
    if c.keeps() {
        c.user.extension = as_typed(text);
    }
    let rules = c.view.rules();
    let range = rules.range;
    let problem = match check(text, range, |e| rules.reserved.contains(e)) {
        Err(ExtensionProblem::Invalid) => Problem::ExtensionInvalid { extension: text.to_owned() },
        Err(p @ (ExtensionProblem::OutOfRange | ExtensionProblem::Reserved)) => Problem::ExtensionOutOfRange {
            extension: text.to_owned(),
            from: range.from,
            to: range.to,
            reserved: p == ExtensionProblem::Reserved,
        },
        Ok(_) => match c.holder(Key::Extension, text) {
            None => return,
            Some(h) => {
                let suggestion = c.view.lowest_free_extension().map(|n| n.to_string());
                Problem::ExtensionTaken { extension: text.to_owned(), holder: c.view.holder(h), suggestion }
            }
        },
    };
    c.report(Violation::at(Field::Extension, problem));
}
