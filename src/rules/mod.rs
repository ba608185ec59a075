//! Field rules of SPEC §2, one module per family. Each validator is pure: it takes the
//! typed text and returns the normalised value or a typed problem, never a string code.

pub mod email;
pub mod extension;
pub mod ip;
pub mod name;
pub mod phone;
pub mod web_login;

mod calling_codes;
mod pictographic;

/// Whether `x` lies in one of the sorted, disjoint inclusive ranges of `table`.
pub(crate) fn in_ranges<T: Ord + Copy>(table: &[(T, T)], x: T) -> bool {
    table
        .binary_search_by(|&(lo, hi)| {
            if hi < x {
                core::cmp::Ordering::Less
            } else if lo > x {
                core::cmp::Ordering::Greater
            } else {
                core::cmp::Ordering::Equal
            }
        })
        .is_ok()
}
