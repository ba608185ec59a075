//! Extensions: decimal digits, no leading zero, inside a range, not reserved.

use crate::model::ExtensionRange;

/// Why an extension is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExtensionProblem {
    /// Not decimal digits, or a leading zero (`extension_invalid`).
    Invalid,
    /// Outside the range (`extension_out_of_range`).
    OutOfRange,
    /// Reserved (`extension_out_of_range`, reason `reserved`).
    Reserved,
}

/// Checks the form of an extension and its place in `range`; `reserved` says whether a
/// number (as written) is reserved.
///
/// # Errors
/// [`ExtensionProblem::Invalid`] for anything but digits without a leading zero (at most
/// 18 of them), [`ExtensionProblem::OutOfRange`] outside `range`,
/// [`ExtensionProblem::Reserved`] when reserved.
///
/// # Example
/// ```
/// use roster_rules::rules::extension::{check, ExtensionProblem};
/// use roster_rules::ExtensionRange;
/// let range = ExtensionRange { from: 10, to: 99 };
/// let none = |_: &str| false;
/// assert_eq!(check("16", range, none), Ok(16));
/// assert_eq!(check("016", range, none), Err(ExtensionProblem::Invalid));
/// assert_eq!(check("100", range, none), Err(ExtensionProblem::OutOfRange));
/// assert_eq!(check("16", range, |e| e == "16"), Err(ExtensionProblem::Reserved));
/// ```
pub fn check(text: &str, range: ExtensionRange, reserved: impl Fn(&str) -> bool) -> Result<u64, ExtensionProblem> {
    let number = parse(text).ok_or(ExtensionProblem::Invalid)?;
    if number < range.from || number > range.to {
        return Err(ExtensionProblem::OutOfRange);
    }
    if reserved(text) {
        return Err(ExtensionProblem::Reserved);
    }
    Ok(number)
}

/// Parses digits without a leading zero (at most 18, so it always fits a `u64`).
pub fn parse(text: &str) -> Option<u64> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.len() > 18 || bytes.first() == Some(&b'0') || !bytes.iter().all(u8::is_ascii_digit) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const R: ExtensionRange = ExtensionRange { from: 10, to: 99 };

    #[test]
    fn extension_bounds_are_inclusive() {
        let none = |_: &str| false;
        assert_eq!(check("10", R, none), Ok(10));
        assert_eq!(check("99", R, none), Ok(99));
        assert_eq!(check("9", R, none), Err(ExtensionProblem::OutOfRange));
    }

    #[test]
    fn extension_rejects_signs_spaces_and_huge_numbers() {
        for bad in ["", "+12", "-1", " 12", "1 2", "12a", "0", "١٢", "9999999999999999999"] {
            assert_eq!(check(bad, R, |_| false), Err(ExtensionProblem::Invalid), "{bad:?}");
        }
    }
}
