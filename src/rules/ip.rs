//! Web-login IP allow-list entries: an IPv4/IPv6 address or a CIDR block.

use std::net::IpAddr;

/// Whether `entry` is an IP address or a CIDR block with a prefix length that fits.
///
/// # Example
/// ```
/// use roster_rules::rules::ip::is_valid;
/// assert!(is_valid("203.0.113.0/24"));
/// assert!(is_valid("2001:db8::/32"));
/// assert!(!is_valid("203.0.113.0/33"));
/// assert!(!is_valid("localhost"));
/// ```
pub fn is_valid(entry: &str) -> bool {
    let (addr, prefix) = match entry.split_once('/') {
        Some((a, p)) => (a, Some(p)),
        None => (entry, None),
    };
    let Ok(addr) = addr.parse::<IpAddr>() else {
        return false;
    };
    let max = if addr.is_ipv4() { 32 } else { 128 };
    match prefix {
        None => true,
        Some(p) => p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u32>().is_ok_and(|n| n <= max),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ip_accepts_addresses_and_blocks() {
        for ok in ["10.0.0.1", "10.0.0.0/8", "::1", "fe80::/10", "0.0.0.0/0"] {
            assert!(is_valid(ok), "{ok}");
        }
    }

    #[test]
    fn ip_rejects_bad_prefixes_and_names() {
        for bad in ["", "10.0.0.1/", "10.0.0.1/+8", "::/129", "10.0.0.256", "10.0.0.0/8/8", "a.b.c.d"] {
            assert!(!is_valid(bad), "{bad}");
        }
    }
}
