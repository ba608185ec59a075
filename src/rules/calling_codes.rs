//! Country calling codes and national trunk prefixes, by ISO 3166-1 alpha-2 region.
//!
//! Generated from the region metadata of Google's libphonenumber (Python package
//! `phonenumberslite` 9.0.42): 245 regions, the 2-letter ISO codes plus the
//! few non-ISO regions libphonenumber knows (`AC` Ascension, `TA` Tristan da Cunha, `XK`
//! Kosovo). Each region keeps its *country* calling code only: the NANP territories are all
//! `1` (their area code is part of the national number), Jersey, Guernsey and the Isle of
//! Man are `44`. The trunk prefix is libphonenumber's `national_prefix` (what a caller
//! dials before a national number inside the country: `0` in most of the world, `1` in
//! the NANP, `8` in Russia, Kazakhstan, Belarus and Turkmenistan, `06` in Hungary, none in
//! e.g. Italy or Singapore, where a leading `0` is part of the number).
//!
//! To regenerate: install `phonenumberslite` from PyPI and print `country_code` and
//! `national_prefix` of `PhoneMetadata.metadata_for_region(r)` for every region in
//! `phonenumbers.SUPPORTED_REGIONS`, sorted, in the layout below.

/// The national trunk prefix a region's callers dial before a national number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trunk {
    /// No trunk prefix: a leading `0` is part of the national number.
    None,
    /// `0` (most countries, India included).
    Zero,
    /// `1` (the North American Numbering Plan and the Marshall Islands).
    One,
    /// `8` (Russia, Kazakhstan, Belarus, Turkmenistan).
    Eight,
    /// `06` (Hungary).
    ZeroSix,
}

impl Trunk {
    /// The digits of the prefix (empty for [`Trunk::None`]).
    pub fn as_str(self) -> &'static str {
        match self {
            Trunk::None => "",
            Trunk::Zero => "0",
            Trunk::One => "1",
            Trunk::Eight => "8",
            Trunk::ZeroSix => "06",
        }
    }
}

/// Region code (upper-case ASCII), country calling code, trunk prefix; sorted by region.
// INVARIANT: sorted by the region code, for the binary search in `lookup`.
#[rustfmt::skip]
static REGIONS: &[([u8; 2], u16, Trunk)] = &[
    (*b"AC", 247, Trunk::None),
    (*b"AD", 376, Trunk::None),
    (*b"AE", 971, Trunk::Zero),
    (*b"AF", 93, Trunk::Zero),
    (*b"AG", 1, Trunk::One),
    (*b"AI", 1, Trunk::One),
    (*b"AL", 355, Trunk::Zero),
    (*b"AM", 374, Trunk::Zero),
    (*b"AO", 244, Trunk::None),
    (*b"AR", 54, Trunk::Zero),
    (*b"AS", 1, Trunk::One),
    (*b"AT", 43, Trunk::Zero),
    (*b"AU", 61, Trunk::Zero),
    (*b"AW", 297, Trunk::None),
    (*b"AX", 358, Trunk::Zero),
    (*b"AZ", 994, Trunk::Zero),
    (*b"BA", 387, Trunk::Zero),
    (*b"BB", 1, Trunk::One),
    (*b"BD", 880, Trunk::Zero),
    (*b"BE", 32, Trunk::Zero),
    (*b"BF", 226, Trunk::None),
    (*b"BG", 359, Trunk::Zero),
    (*b"BH", 973, Trunk::None),
    (*b"BI", 257, Trunk::None),
    (*b"BJ", 229, Trunk::None),
    (*b"BL", 590, Trunk::Zero),
    (*b"BM", 1, Trunk::One),
    (*b"BN", 673, Trunk::None),
    (*b"BO", 591, Trunk::Zero),
    (*b"BQ", 599, Trunk::None),
    (*b"BR", 55, Trunk::Zero),
    (*b"BS", 1, Trunk::One),
    (*b"BT", 975, Trunk::None),
    (*b"BW", 267, Trunk::None),
    (*b"BY", 375, Trunk::Eight),
    (*b"BZ", 501, Trunk::None),
    (*b"CA", 1, Trunk::One),
    (*b"CC", 61, Trunk::Zero),
    (*b"CD", 243, Trunk::Zero),
    (*b"CF", 236, Trunk::None),
    (*b"CG", 242, Trunk::None),
    (*b"CH", 41, Trunk::Zero),
    (*b"CI", 225, Trunk::None),
    (*b"CK", 682, Trunk::None),
    (*b"CL", 56, Trunk::None),
    (*b"CM", 237, Trunk::None),
    (*b"CN", 86, Trunk::Zero),
    (*b"CO", 57, Trunk::Zero),
    (*b"CR", 506, Trunk::None),
    (*b"CU", 53, Trunk::Zero),
    (*b"CV", 238, Trunk::None),
    (*b"CW", 599, Trunk::None),
    (*b"CX", 61, Trunk::Zero),
    (*b"CY", 357, Trunk::None),
    (*b"CZ", 420, Trunk::None),
    (*b"DE", 49, Trunk::Zero),
    (*b"DJ", 253, Trunk::None),
    (*b"DK", 45, Trunk::None),
    (*b"DM", 1, Trunk::One),
    (*b"DO", 1, Trunk::One),
    (*b"DZ", 213, Trunk::Zero),
    (*b"EC", 593, Trunk::Zero),
    (*b"EE", 372, Trunk::None),
    (*b"EG", 20, Trunk::Zero),
    (*b"EH", 212, Trunk::Zero),
    (*b"ER", 291, Trunk::Zero),
    (*b"ES", 34, Trunk::None),
    (*b"ET", 251, Trunk::Zero),
    (*b"FI", 358, Trunk::Zero),
    (*b"FJ", 679, Trunk::None),
    (*b"FK", 500, Trunk::None),
    (*b"FM", 691, Trunk::None),
    (*b"FO", 298, Trunk::None),
    (*b"FR", 33, Trunk::Zero),
    (*b"GA", 241, Trunk::None),
    (*b"GB", 44, Trunk::Zero),
    (*b"GD", 1, Trunk::One),
    (*b"GE", 995, Trunk::Zero),
    (*b"GF", 594, Trunk::Zero),
    (*b"GG", 44, Trunk::Zero),
    (*b"GH", 233, Trunk::Zero),
    (*b"GI", 350, Trunk::None),
    (*b"GL", 299, Trunk::None),
    (*b"GM", 220, Trunk::None),
    (*b"GN", 224, Trunk::None),
    (*b"GP", 590, Trunk::Zero),
    (*b"GQ", 240, Trunk::None),
    (*b"GR", 30, Trunk::None),
    (*b"GT", 502, Trunk::None),
    (*b"GU", 1, Trunk::One),
    (*b"GW", 245, Trunk::None),
    (*b"GY", 592, Trunk::None),
    (*b"HK", 852, Trunk::None),
    (*b"HN", 504, Trunk::None),
    (*b"HR", 385, Trunk::Zero),
    (*b"HT", 509, Trunk::None),
    (*b"HU", 36, Trunk::ZeroSix),
    (*b"ID", 62, Trunk::Zero),
    (*b"IE", 353, Trunk::Zero),
    (*b"IL", 972, Trunk::Zero),
    (*b"IM", 44, Trunk::Zero),
    (*b"IN", 91, Trunk::Zero),
    (*b"IO", 246, Trunk::None),
    (*b"IQ", 964, Trunk::Zero),
    (*b"IR", 98, Trunk::Zero),
    (*b"IS", 354, Trunk::None),
    (*b"IT", 39, Trunk::None),
    (*b"JE", 44, Trunk::Zero),
    (*b"JM", 1, Trunk::One),
    (*b"JO", 962, Trunk::Zero),
    (*b"JP", 81, Trunk::Zero),
    (*b"KE", 254, Trunk::Zero),
    (*b"KG", 996, Trunk::Zero),
    (*b"KH", 855, Trunk::Zero),
    (*b"KI", 686, Trunk::Zero),
    (*b"KM", 269, Trunk::None),
    (*b"KN", 1, Trunk::One),
    (*b"KP", 850, Trunk::Zero),
    (*b"KR", 82, Trunk::Zero),
    (*b"KW", 965, Trunk::None),
    (*b"KY", 1, Trunk::One),
    (*b"KZ", 7, Trunk::Eight),
    (*b"LA", 856, Trunk::Zero),
    (*b"LB", 961, Trunk::Zero),
    (*b"LC", 1, Trunk::One),
    (*b"LI", 423, Trunk::Zero),
    (*b"LK", 94, Trunk::Zero),
    (*b"LR", 231, Trunk::Zero),
    (*b"LS", 266, Trunk::None),
    (*b"LT", 370, Trunk::Zero),
    (*b"LU", 352, Trunk::None),
    (*b"LV", 371, Trunk::None),
    (*b"LY", 218, Trunk::Zero),
    (*b"MA", 212, Trunk::Zero),
    (*b"MC", 377, Trunk::Zero),
    (*b"MD", 373, Trunk::Zero),
    (*b"ME", 382, Trunk::Zero),
    (*b"MF", 590, Trunk::Zero),
    (*b"MG", 261, Trunk::Zero),
    (*b"MH", 692, Trunk::One),
    (*b"MK", 389, Trunk::Zero),
    (*b"ML", 223, Trunk::None),
    (*b"MM", 95, Trunk::Zero),
    (*b"MN", 976, Trunk::Zero),
    (*b"MO", 853, Trunk::None),
    (*b"MP", 1, Trunk::One),
    (*b"MQ", 596, Trunk::Zero),
    (*b"MR", 222, Trunk::None),
    (*b"MS", 1, Trunk::One),
    (*b"MT", 356, Trunk::None),
    (*b"MU", 230, Trunk::None),
    (*b"MV", 960, Trunk::None),
    (*b"MW", 265, Trunk::Zero),
    (*b"MX", 52, Trunk::None),
    (*b"MY", 60, Trunk::Zero),
    (*b"MZ", 258, Trunk::None),
    (*b"NA", 264, Trunk::Zero),
    (*b"NC", 687, Trunk::None),
    (*b"NE", 227, Trunk::None),
    (*b"NF", 672, Trunk::None),
    (*b"NG", 234, Trunk::Zero),
    (*b"NI", 505, Trunk::None),
    (*b"NL", 31, Trunk::Zero),
    (*b"NO", 47, Trunk::None),
    (*b"NP", 977, Trunk::Zero),
    (*b"NR", 674, Trunk::None),
    (*b"NU", 683, Trunk::None),
    (*b"NZ", 64, Trunk::Zero),
    (*b"OM", 968, Trunk::None),
    (*b"PA", 507, Trunk::None),
    (*b"PE", 51, Trunk::Zero),
    (*b"PF", 689, Trunk::None),
    (*b"PG", 675, Trunk::None),
    (*b"PH", 63, Trunk::Zero),
    (*b"PK", 92, Trunk::Zero),
    (*b"PL", 48, Trunk::None),
    (*b"PM", 508, Trunk::Zero),
    (*b"PR", 1, Trunk::One),
    (*b"PS", 970, Trunk::Zero),
    (*b"PT", 351, Trunk::None),
    (*b"PW", 680, Trunk::None),
    (*b"PY", 595, Trunk::Zero),
    (*b"QA", 974, Trunk::None),
    (*b"RE", 262, Trunk::Zero),
    (*b"RO", 40, Trunk::Zero),
    (*b"RS", 381, Trunk::Zero),
    (*b"RU", 7, Trunk::Eight),
    (*b"RW", 250, Trunk::Zero),
    (*b"SA", 966, Trunk::Zero),
    (*b"SB", 677, Trunk::None),
    (*b"SC", 248, Trunk::None),
    (*b"SD", 249, Trunk::Zero),
    (*b"SE", 46, Trunk::Zero),
    (*b"SG", 65, Trunk::None),
    (*b"SH", 290, Trunk::None),
    (*b"SI", 386, Trunk::Zero),
    (*b"SJ", 47, Trunk::None),
    (*b"SK", 421, Trunk::Zero),
    (*b"SL", 232, Trunk::Zero),
    (*b"SM", 378, Trunk::None),
    (*b"SN", 221, Trunk::None),
    (*b"SO", 252, Trunk::Zero),
    (*b"SR", 597, Trunk::None),
    (*b"SS", 211, Trunk::Zero),
    (*b"ST", 239, Trunk::None),
    (*b"SV", 503, Trunk::None),
    (*b"SX", 1, Trunk::One),
    (*b"SY", 963, Trunk::Zero),
    (*b"SZ", 268, Trunk::None),
    (*b"TA", 290, Trunk::None),
    (*b"TC", 1, Trunk::One),
    (*b"TD", 235, Trunk::None),
    (*b"TG", 228, Trunk::None),
    (*b"TH", 66, Trunk::Zero),
    (*b"TJ", 992, Trunk::None),
    (*b"TK", 690, Trunk::None),
    (*b"TL", 670, Trunk::None),
    (*b"TM", 993, Trunk::Eight),
    (*b"TN", 216, Trunk::None),
    (*b"TO", 676, Trunk::None),
    (*b"TR", 90, Trunk::Zero),
    (*b"TT", 1, Trunk::One),
    (*b"TV", 688, Trunk::None),
    (*b"TW", 886, Trunk::Zero),
    (*b"TZ", 255, Trunk::Zero),
    (*b"UA", 380, Trunk::Zero),
    (*b"UG", 256, Trunk::Zero),
    (*b"US", 1, Trunk::One),
    (*b"UY", 598, Trunk::Zero),
    (*b"UZ", 998, Trunk::None),
    (*b"VA", 39, Trunk::None),
    (*b"VC", 1, Trunk::One),
    (*b"VE", 58, Trunk::Zero),
    (*b"VG", 1, Trunk::One),
    (*b"VI", 1, Trunk::One),
    (*b"VN", 84, Trunk::Zero),
    (*b"VU", 678, Trunk::None),
    (*b"WF", 681, Trunk::None),
    (*b"WS", 685, Trunk::None),
    (*b"XK", 383, Trunk::Zero),
    (*b"YE", 967, Trunk::Zero),
    (*b"YT", 262, Trunk::Zero),
    (*b"ZA", 27, Trunk::Zero),
    (*b"ZM", 260, Trunk::Zero),
    (*b"ZW", 263, Trunk::Zero),
];

/// The country calling code and trunk prefix of an ISO 3166-1 alpha-2 region code
/// (ASCII, any case), or `None` for a code that is not two letters or not known.
pub fn lookup(region: &str) -> Option<(u16, Trunk)> {
    let key = match region.as_bytes() {
        [a, b] => [a.to_ascii_uppercase(), b.to_ascii_uppercase()],
        _ => return None,
    };
    let i = REGIONS.binary_search_by(|(r, _, _)| r.cmp(&key)).ok()?;
    REGIONS.get(i).map(|&(_, code, trunk)| (code, trunk))
}

/// The length and trunk prefix of the country calling code that starts `number` (the
/// digits after `+`), or `None` when no known code starts it.
///
/// Calling codes are prefix-free, so at most one code of 1–3 digits starts a number, and
/// the regions that share a code (`44`: GB, GG, IM, JE) share its trunk prefix.
pub fn by_number(number: &str) -> Option<(usize, Trunk)> {
    // The numbers its first 1, 2 and 3 digits make (0 where there are fewer digits: no
    // code is 0), looked up in one pass over the table.
    let mut prefixes = [0u16; 3];
    let mut code = 0u16;
    for (slot, b) in prefixes.iter_mut().zip(number.bytes()) {
        if !b.is_ascii_digit() {
            break;
        }
        code = code * 10 + u16::from(b - b'0');
        *slot = code;
    }
    REGIONS.iter().find_map(|&(_, code, trunk)| {
        let len = prefixes.iter().position(|&p| p == code)?;
        Some((len + 1, trunk))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_number_finds_every_regions_own_code_and_trunk() {
        // `phone::e164_parts` skips the search for a region's own code: sound only if
        // the search would find exactly that code and trunk.
        for &(region, code, trunk) in REGIONS {
            let number = format!("{code}5550100");
            assert_eq!(by_number(&number), Some((code.to_string().len(), trunk)), "{region:?}");
        }
    }

    #[test]
    fn calling_codes_table_is_sorted_and_unique() {
        assert!(REGIONS.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn calling_codes_known_regions() {
        assert_eq!(lookup("IN"), Some((91, Trunk::Zero)));
        assert_eq!(lookup("in"), Some((91, Trunk::Zero)));
        assert_eq!(lookup("US"), Some((1, Trunk::One)));
        assert_eq!(lookup("GB"), Some((44, Trunk::Zero)));
        assert_eq!(lookup("AE"), Some((971, Trunk::Zero)));
        assert_eq!(lookup("SG"), Some((65, Trunk::None)));
        assert_eq!(lookup("IT"), Some((39, Trunk::None)));
        assert_eq!(lookup("RU"), Some((7, Trunk::Eight)));
        assert_eq!(lookup("HU"), Some((36, Trunk::ZeroSix)));
    }

    #[test]
    fn calling_codes_are_prefix_free_and_share_their_trunk() {
        // `by_number` relies on this, and on no code being 0 (a missing digit in its
        // prefixes) or longer than 3 digits.
        for (_, a, ta) in REGIONS {
            assert!((1..1000).contains(a), "+{a}");
            for (_, b, tb) in REGIONS {
                let (a, b) = (a.to_string(), b.to_string());
                if a == b {
                    assert_eq!(ta, tb, "+{a}");
                } else {
                    assert!(!b.starts_with(&a), "+{a} is a prefix of +{b}");
                }
            }
        }
    }

    #[test]
    fn calling_codes_by_number() {
        assert_eq!(by_number("442079460958"), Some((2, Trunk::Zero)));
        assert_eq!(by_number("12125550100"), Some((1, Trunk::One)));
        assert_eq!(by_number("9715012345"), Some((3, Trunk::Zero)));
        assert_eq!(by_number("390612345678"), Some((2, Trunk::None)));
        assert_eq!(by_number("79123456789"), Some((1, Trunk::Eight)));
        assert_eq!(by_number("8001234"), None);
        assert_eq!(by_number(""), None);
    }

    #[test]
    fn calling_codes_unknown_regions() {
        assert_eq!(lookup(""), None);
        assert_eq!(lookup("ZZ"), None);
        assert_eq!(lookup("IND"), None);
        assert_eq!(lookup("ı"), None);
    }
}
