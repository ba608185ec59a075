//! Time zones and instants: IANA names, UTC offsets, RFC 3339.
//!
//! Names come from an embedded table (no tz database). Offsets come from the host:
//! natively from jiff's bundled tzdb; in WebAssembly from the JavaScript `Intl` API.

#[cfg(target_arch = "wasm32")]
mod intl;
pub mod names;

/// The current IANA name for `name` (case-insensitive; old links map to current names).
///
/// # Example
/// ```
/// assert_eq!(roster_rules::tz::canonical_name("asia/calcutta"), Some("Asia/Kolkata"));
/// assert_eq!(roster_rules::tz::canonical_name("Mars/Olympus"), None);
/// ```
pub fn canonical_name(name: &str) -> Option<&'static str> {
    names::canonical(name)
}

/// The UTC offset in seconds of `zone` at the Unix instant `unix` (seconds), or `None`
/// when the host does not know the zone.
///
/// Natively from jiff's bundled tzdb; in WebAssembly from the host's `Intl` (so the
/// answer follows the browser's or Node's tz data, which is what the user's clock shows).
///
/// # Example
/// ```
/// assert_eq!(roster_rules::tz::offset_at("Asia/Kolkata", 0), Some(19_800));
/// ```
pub fn offset_at(zone: &str, unix: i64) -> Option<i32> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let tz = jiff::tz::TimeZone::get(zone).ok()?;
        let ts = jiff::Timestamp::from_second(unix).ok()?;
        Some(tz.to_offset(ts).seconds())
    }
    #[cfg(target_arch = "wasm32")]
    {
        intl::offset_at(zone, unix)
    }
}

const DAY: i64 = 86_400;

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

fn num(s: &str) -> Option<i64> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// Parses an RFC 3339 instant (`2026-11-28T06:00:00Z`, `…+05:30`, fractions ignored)
/// into Unix seconds.
///
/// # Example
/// ```
/// assert_eq!(roster_rules::tz::parse_rfc3339("1970-01-01T05:30:00+05:30"), Some(0));
/// assert_eq!(roster_rules::tz::parse_rfc3339("yesterday"), None);
/// ```
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let t = text.trim();
    if !t.is_ascii() || t.len() < 20 || t.len() > 40 {
        return None;
    }
    let (date, rest) = (t.get(..10)?, t.get(11..)?);
    if !matches!(t.as_bytes().get(10), Some(b'T' | b't' | b' ')) {
        return None;
    }
    // YYYY-MM-DD exactly, years 0001-9999 (what RFC 3339 allows).
    let db = date.as_bytes();
    if db.get(4) != Some(&b'-') || db.get(7) != Some(&b'-') {
        return None;
    }
    let (y, mo, d) = (num(date.get(0..4)?)?, num(date.get(5..7)?)?, num(date.get(8..10)?)?);
    if y < 1 {
        return None;
    }
    let (hh, mm, ss) = (num(rest.get(0..2)?)?, num(rest.get(3..5)?)?, num(rest.get(6..8)?)?);
    if rest.get(2..3)? != ":" || rest.get(5..6)? != ":" {
        return None;
    }
    let mut tail = rest.get(8..)?;
    if let Some(frac) = tail.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        tail = frac.get(digits..)?;
    }
    let offset = match tail {
        "Z" | "z" => 0,
        _ => {
            let sign = match tail.get(..1)? {
                "+" => 1,
                "-" => -1,
                _ => return None,
            };
            if tail.len() != 6 || tail.get(3..4)? != ":" {
                return None;
            }
            let (oh, om) = (num(tail.get(1..3)?)?, num(tail.get(4..6)?)?);
            if oh > 23 || om > 59 {
                return None;
            }
            sign * (oh * 3600 + om * 60)
        }
    };
    let days_in_month = match mo {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return None,
    };
    if d < 1 || d > days_in_month || hh > 23 || mm > 59 || ss > 60 {
        return None;
    }
    Some(days_from_civil(y, mo, d) * DAY + hh * 3600 + mm * 60 + ss.min(59) - offset)
}

/// Formats Unix seconds as RFC 3339 at a UTC offset (`2026-11-30T09:00:00+05:30`).
///
/// # Example
/// ```
/// assert_eq!(roster_rules::tz::format_rfc3339(0, 19_800), "1970-01-01T05:30:00+05:30");
/// ```
pub fn format_rfc3339(unix: i64, offset: i32) -> String {
    let local = unix + i64::from(offset);
    let (y, m, d) = civil_from_days(local.div_euclid(DAY));
    let s = local.rem_euclid(DAY);
    let sign = if offset < 0 { '-' } else { '+' };
    let o = offset.unsigned_abs();
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}{sign}{:02}:{:02}",
        s / 3600,
        s / 60 % 60,
        s % 60,
        o / 3600,
        o / 60 % 60
    )
}

/// The local weekday (Monday = 0), minute of the day and second of the minute of a
/// Unix instant at a UTC offset.
pub fn local_parts(unix: i64, offset: i32) -> (usize, u16, i64) {
    let local = unix + i64::from(offset);
    let days = local.div_euclid(DAY);
    let secs = local.rem_euclid(DAY);
    // 1970-01-01 was a Thursday (index 3 with Monday = 0).
    let weekday = usize::try_from((days + 3).rem_euclid(7)).unwrap_or(0);
    (weekday, u16::try_from(secs / 60).unwrap_or(0), secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_round_trip_with_offsets() {
        let t = parse_rfc3339("2026-11-28T06:00:00Z").unwrap();
        assert_eq!(format_rfc3339(t, 19_800), "2026-11-28T11:30:00+05:30");
        assert_eq!(parse_rfc3339("2026-11-28T11:30:00.123+05:30"), Some(t));
        assert_eq!(format_rfc3339(t, -18_000), "2026-11-28T01:00:00-05:00");
    }

    #[test]
    fn rfc3339_rejects_bad_dates() {
        for bad in [
            "2026-02-30T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-11-28T24:00:00Z",
            "2026-11-28T06:00:00",
            "2026-11-28T06:00:00+5:30",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn weekday_of_known_dates() {
        let sat = parse_rfc3339("2026-11-28T06:00:00Z").unwrap();
        assert_eq!(local_parts(sat, 19_800), (5, 11 * 60 + 30, 0));
    }

    #[test]
    fn offsets_follow_dst() {
        let winter = parse_rfc3339("2026-01-15T12:00:00Z").unwrap();
        let summer = parse_rfc3339("2026-07-15T12:00:00Z").unwrap();
        assert_eq!(offset_at("America/New_York", winter), Some(-5 * 3600));
        assert_eq!(offset_at("America/New_York", summer), Some(-4 * 3600));
        assert_eq!(offset_at("Asia/Kolkata", summer), Some(19_800));
    }
}
