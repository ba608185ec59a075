//! Extensions: decimal digits, no leading zero, inside a range, not reserved.

use crate::model::ExtensionRange;

/// Why an extension is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExtensionProblem {
    /// Not decimal digits, or a leading zero (`extension_invalid`).
    Invalid,
    /// Outside the range, or reserved (`extension_out_of_range`).
    OutOfRange,
}

/// Checks the form of an extension and its place in `range`.
///
/// # Errors
/// [`ExtensionProblem::Invalid`] for anything but digits without a leading zero (at most
/// 18 of them), [`ExtensionProblem::OutOfRange`] outside `range` or when reserved.
///
/// # Example
/// ```
/// use roster_rules::rules::extension::{check, ExtensionProblem};
/// use roster_rules::ExtensionRange;
/// let range = ExtensionRange { from: 10, to: 99 };
/// assert_eq!(check("16", range, &[]), Ok(16));
/// assert_eq!(check("016", range, &[]), Err(ExtensionProblem::Invalid));
/// assert_eq!(check("100", range, &[]), Err(ExtensionProblem::OutOfRange));
/// assert_eq!(check("16", range, &["16".into()]), Err(ExtensionProblem::OutOfRange));
/// ```
pub fn check(text: &str, range: ExtensionRange, reserved: &[String]) -> Result<u64, ExtensionProblem> {
    let number = parse(text).ok_or(ExtensionProblem::Invalid)?;
    if number < range.from || number > range.to || reserved.iter().any(|r| r == text) {
        return Err(ExtensionProblem::OutOfRange);
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
        assert_eq!(check("10", R, &[]), Ok(10));
        assert_eq!(check("99", R, &[]), Ok(99));
        assert_eq!(check("9", R, &[]), Err(ExtensionProblem::OutOfRange));
    }

    #[test]
    fn extension_rejects_signs_spaces_and_huge_numbers() {
        for bad in ["", "+12", "-1", " 12", "1 2", "12a", "0", "١٢", "9999999999999999999"] {
            assert_eq!(check(bad, R, &[]), Err(ExtensionProblem::Invalid), "{bad:?}");
        }
    }
}
