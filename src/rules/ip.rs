//! Web-login IP allow-list entries: an IPv4/IPv6 address or a CIDR block.
//!
//! The grammar is the standard library's `IpAddr` parser (dotted quads without leading
//! zeros; IPv6 groups of 1–4 hex digits, one `::`, an IPv4 tail; no zone ids), written
//! out here because `std::net`'s parser costs 3 KB of the `.wasm`. A property test holds
//! the two to the same answers.

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
    let max = if ipv4(addr) {
        32
    } else if ipv6(addr) {
        128
    } else {
        return false;
    };
    match prefix {
        None => true,
        Some(p) => p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u32>().is_ok_and(|n| n <= max),
    }
}

/// A dotted quad: four decimal numbers 0–255, no leading zeros, no signs.
fn ipv4(text: &str) -> bool {
    let mut parts = 0;
    for part in text.split('.') {
        parts += 1;
        let b = part.as_bytes();
        let digits = !b.is_empty() && b.len() <= 3 && b.iter().all(u8::is_ascii_digit);
        let no_leading_zero = b.len() == 1 || b.first() != Some(&b'0');
        if !(digits && no_leading_zero && part.parse::<u16>().is_ok_and(|n| n <= 255)) {
            return false;
        }
    }
    parts == 4
}

/// Groups of 1–4 hex digits, eight in all, or fewer around one `::`; the last two
/// groups may be a dotted quad.
fn ipv6(text: &str) -> bool {
    let (head, tail) = match text.split_once("::") {
        Some((h, t)) => (h, Some(t)),
        None => (text, None),
    };
    let Some(head_groups) = groups(head, tail.is_none()) else { return false };
    match tail {
        None => head_groups == 8,
        Some(t) => groups(t, true).is_some_and(|n| head_groups + n <= 7),
    }
}

/// How many 16-bit groups `text` holds (an IPv4 tail counts two), if it is groups
/// separated by single colons; empty text is none. `last` allows the IPv4 tail.
fn groups(text: &str, last: bool) -> Option<usize> {
    if text.is_empty() {
        return Some(0);
    }
    let mut n = 0;
    let mut parts = text.split(':').peekable();
    while let Some(part) = parts.next() {
        let is_last = parts.peek().is_none();
        if last && is_last && part.contains('.') {
            return ipv4(part).then_some(n + 2);
        }
        let hex = !part.is_empty() && part.len() <= 4 && part.bytes().all(|b| b.is_ascii_hexdigit());
        if !hex {
            return None;
        }
        n += 1;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ip_accepts_addresses_and_blocks() {
        for ok in
            ["10.0.0.1", "10.0.0.0/8", "::1", "fe80::/10", "0.0.0.0/0", "::", "::ffff:10.0.0.1", "1:2:3:4:5:6:7:8"]
        {
            assert!(is_valid(ok), "{ok}");
        }
    }

    #[test]
    fn ip_rejects_bad_prefixes_and_names() {
        for bad in [
            "",
            "10.0.0.1/",
            "10.0.0.1/+8",
            "::/129",
            "10.0.0.256",
            "10.0.0.0/8/8",
            "a.b.c.d",
            "010.0.0.1",
            "1:2:3:4:5:6:7:8:9",
            "1::2::3",
            "fe80::1%eth0",
            ":1:2:3:4:5:6:7",
        ] {
            assert!(!is_valid(bad), "{bad}");
        }
    }

    fn std_says(entry: &str) -> bool {
        entry.parse::<std::net::IpAddr>().is_ok()
    }

    proptest! {
        /// The hand-written grammar answers as the standard library's parser does.
        #[test]
        fn addresses_are_what_std_net_says(text in "[0-9a-fA-F:.]{0,24}") {
            prop_assert_eq!(ipv4(&text) || ipv6(&text), std_says(&text), "{}", text);
        }

        #[test]
        fn generated_addresses_are_what_std_net_says(
            groups in prop::collection::vec("[0-9a-f]{1,5}", 0..10),
            quad in prop::option::of((0u16..300, 0u16..300, 0u16..300, 0u16..300)),
            gap in prop::option::of(0usize..10),
        ) {
            let mut parts = groups.clone();
            if let Some((a, b, c, d)) = quad {
                parts.push(format!("{a}.{b}.{c}.{d}"));
            }
            let mut text = parts.join(":");
            if let Some(g) = gap {
                let at = text.match_indices(':').nth(g).map_or(text.len(), |(i, _)| i);
                text.insert(at, ':');
            }
            prop_assert_eq!(ipv4(&text) || ipv6(&text), std_says(&text), "{}", text);
        }
    }
}
