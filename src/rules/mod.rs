//! Field rules of RULES §2, one module per family. Each validator is pure: it takes the
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

/// Appends `n` in decimal, without the `format!` machinery (slow in wasm, and ids and
/// numbers are written on every keystroke and every imported row).
pub(crate) fn push_decimal(out: &mut String, n: u64) {
    let mut div = 1;
    while div <= n / 10 {
        div *= 10;
    }
    loop {
        out.push(char::from(b'0' + (n / div % 10) as u8));
        if div == 1 {
            break;
        }
        div /= 10;
    }
}

#[cfg(test)]
mod decimal_tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn push_decimal_writes_what_to_string_writes(n in any::<u64>(), prefix in "[a-z]{0,3}") {
            let mut out = prefix.clone();
            super::push_decimal(&mut out, n);
            prop_assert_eq!(out, format!("{prefix}{n}"));
        }
    }

    #[test]
    fn push_decimal_edges() {
        for n in [0, 1, 9, 10, 11, 99, 100, 1440, u64::MAX] {
            let mut out = String::new();
            super::push_decimal(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }
}
