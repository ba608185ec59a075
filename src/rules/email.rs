//! The `email` field rule: a valid e-mail address by the HTML standard's
//! `input type=email` rule, narrowed so that every address accepted here is also
//! accepted by a browser's e-mail input.
//!
//! # Grammar
//!
//! The WHATWG "valid e-mail address", written out by hand (no regex engine):
//!
//! ```text
//! address := local "@" domain
//! local   := 1*( ALPHA / DIGIT / "." / "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "/"
//!                / "=" / "?" / "^" / "_" / "`" / "{" / "|" / "}" / "~" / "-" )
//! domain  := label *( "." label )
//! label   := ALNUM [ *61( ALNUM / "-" ) ALNUM ]        ; 1-63 characters
//! ```
//!
//! and on top of it: ASCII only, at least one dot in the domain (an intranet address
//! such as `a@localhost` is valid HTML but not a deliverable workspace address), a local
//! part of at most 64 and a whole address of at most 254 characters (RFC 5321).
//!
//! A browser sanitises the value before it checks it: it strips newlines anywhere, then
//! leading and trailing ASCII whitespace. [`validate`] strips leading and trailing ASCII
//! whitespace (newlines included) and rejects any whitespace left inside, which the
//! browser would have accepted as the address without it: the engine stays a subset of
//! the browser and never returns a value it did not receive.

/// Why an address is not valid, in the order [`validate`] checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EmailProblem {
    /// A character outside ASCII (internationalised addresses are not accepted).
    NotAscii,
    /// Longer than 254 characters after trimming.
    TooLong,
    /// No `@`.
    MissingAt,
    /// The part before the first `@` is empty or has a character outside the allowed set.
    BadLocalPart,
    /// The part before the `@` is longer than 64 characters.
    LocalPartTooLong,
    /// The part after the first `@` is not dot-separated labels of letters, digits and
    /// inner hyphens, each 1–63 characters (this includes a second `@`).
    BadDomain,
    /// The domain is a single label, such as `localhost`.
    NoDotInDomain,
}

impl EmailProblem {
    /// A stable snake_case name for the problem, e.g. `"missing_at"`.
    ///
    /// # Example
    /// ```
    /// use roster_rules::rules::email::{validate, EmailProblem};
    /// assert_eq!(validate("asha.acme.in"), Err(EmailProblem::MissingAt));
    /// assert_eq!(EmailProblem::MissingAt.as_str(), "missing_at");
    /// ```
    pub fn as_str(&self) -> &'static str {
        match self {
            EmailProblem::NotAscii => "not_ascii",
            EmailProblem::TooLong => "too_long",
            EmailProblem::MissingAt => "missing_at",
            EmailProblem::BadLocalPart => "bad_local_part",
            EmailProblem::LocalPartTooLong => "local_part_too_long",
            EmailProblem::BadDomain => "bad_domain",
            EmailProblem::NoDotInDomain => "no_dot_in_domain",
        }
    }

    /// A short English phrase for the problem, to complete "The email address …".
    pub fn describe(&self) -> &'static str {
        match self {
            EmailProblem::NotAscii => "contains a character that is not plain ASCII",
            EmailProblem::TooLong => "is longer than 254 characters",
            EmailProblem::MissingAt => "has no @",
            EmailProblem::BadLocalPart => "has a missing or invalid part before the @",
            EmailProblem::LocalPartTooLong => "has more than 64 characters before the @",
            EmailProblem::BadDomain => "has an invalid domain after the @",
            EmailProblem::NoDotInDomain => "has no dot in the domain",
        }
    }
}

impl core::fmt::Display for EmailProblem {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "the email address {}", self.describe())
    }
}

impl std::error::Error for EmailProblem {}

/// The longest address accepted (RFC 5321's path limit less the angle brackets).
pub const MAX_LEN: usize = 254;
/// The longest local part accepted (RFC 5321).
pub const MAX_LOCAL_LEN: usize = 64;
/// The longest domain label (the WHATWG grammar and RFC 1035).
const MAX_LABEL_LEN: usize = 63;

/// Checks an e-mail address; returns it trimmed of leading and trailing ASCII
/// whitespace.
///
/// # Errors
/// The first [`EmailProblem`] found, in the order of its variants.
///
/// # Example
/// ```
/// use roster_rules::rules::email::{validate, EmailProblem};
/// assert_eq!(validate("  asha+ops@acme.in\n"), Ok("asha+ops@acme.in"));
/// assert_eq!(validate("asha@localhost"), Err(EmailProblem::NoDotInDomain));
/// assert_eq!(validate("asha@acme..in"), Err(EmailProblem::BadDomain));
/// ```
pub fn validate(input: &str) -> Result<&str, EmailProblem> {
    let address = input.trim_matches(|c: char| c.is_ascii_whitespace());
    if !address.is_ascii() {
        return Err(EmailProblem::NotAscii);
    }
    if address.len() > MAX_LEN {
        return Err(EmailProblem::TooLong);
    }
    let (local, domain) = address.split_once('@').ok_or(EmailProblem::MissingAt)?;
    if local.is_empty() || !local.bytes().all(is_local_byte) {
        return Err(EmailProblem::BadLocalPart);
    }
    if local.len() > MAX_LOCAL_LEN {
        return Err(EmailProblem::LocalPartTooLong);
    }
    if !domain.split('.').all(is_label) {
        return Err(EmailProblem::BadDomain);
    }
    if !domain.contains('.') {
        return Err(EmailProblem::NoDotInDomain);
    }
    Ok(address)
}

/// The uniqueness key of a valid address: the whole address, ASCII-lower-cased.
///
/// Sub-addresses stay distinct (`a+old@x.in` is not `a@x.in`): they are different
/// mailboxes as far as the account is concerned.
///
/// # Example
/// ```
/// use roster_rules::rules::email::key;
/// assert_eq!(key("Asha@ACME.in"), key("asha@acme.IN"));
/// assert_ne!(key("a+old@x.in"), key("a@x.in"));
/// ```
pub fn key(valid: &str) -> String {
    valid.to_ascii_lowercase()
}

/// A byte allowed in the local part by the WHATWG grammar.
fn is_local_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b)
}

/// One domain label: 1–63 letters, digits and hyphens, not starting or ending with `-`.
fn is_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) => {
            bytes.len() <= MAX_LABEL_LEN
                && first.is_ascii_alphanumeric()
                && last.is_ascii_alphanumeric()
                && bytes.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[track_caller]
    fn ok(s: &str) {
        assert_eq!(validate(s), Ok(s.trim()), "{s:?}");
    }

    #[track_caller]
    fn err(s: &str, p: EmailProblem) {
        assert_eq!(validate(s), Err(p), "{s:?}");
    }

    #[test]
    fn email_accepts_plain_addresses() {
        ok("asha@acme.in");
        ok("Asha.Rao@Acme.co.in");
        ok("a@b.co");
        ok("a+old@x.in");
        ok("1@2.3");
        ok("x@a-b.c-d.e");
    }

    #[test]
    fn email_accepts_every_special_character_of_the_local_part() {
        ok(".!#$%&'*+/=?^_`{|}~-@x.in");
        // The WHATWG grammar allows dots anywhere in the local part, RFC 5322 does not.
        ok(".a..b.@x.in");
    }

    #[test]
    fn email_trims_ascii_whitespace_like_a_browser() {
        assert_eq!(validate(" \t\r\n\x0Casha@acme.in \n"), Ok("asha@acme.in"));
    }

    #[test]
    fn email_rejects_inner_whitespace() {
        err("asha @acme.in", EmailProblem::BadLocalPart);
        err("asha@acme\n.in", EmailProblem::BadDomain);
        err("asha@ac me.in", EmailProblem::BadDomain);
    }

    #[test]
    fn email_rejects_unicode_whitespace_and_non_ascii() {
        err("\u{A0}asha@acme.in", EmailProblem::NotAscii);
        err("āsha@acme.in", EmailProblem::NotAscii);
        err("asha@exämple.in", EmailProblem::NotAscii);
        err("asha@acme.in\u{202E}", EmailProblem::NotAscii);
        // A vertical tab is not ASCII whitespace to WHATWG: it is not trimmed.
        err("\x0Basha@acme.in", EmailProblem::BadLocalPart);
    }

    #[test]
    fn email_rejects_missing_at() {
        err("asha.acme.in", EmailProblem::MissingAt);
        err("", EmailProblem::MissingAt);
        err("   ", EmailProblem::MissingAt);
    }

    #[test]
    fn email_rejects_bad_local_part() {
        err("@acme.in", EmailProblem::BadLocalPart);
        err("a\"b@acme.in", EmailProblem::BadLocalPart);
        err("a(b)@acme.in", EmailProblem::BadLocalPart);
        err("a,b@acme.in", EmailProblem::BadLocalPart);
        err("a\0b@acme.in", EmailProblem::BadLocalPart);
    }

    #[test]
    fn email_rejects_second_at() {
        err("a@b@acme.in", EmailProblem::BadDomain);
    }

    #[test]
    fn email_rejects_double_dot_domain_label() {
        err("a@acme..in", EmailProblem::BadDomain);
    }

    #[test]
    fn email_rejects_empty_or_dotted_domain_edges() {
        err("a@", EmailProblem::BadDomain);
        err("a@.acme.in", EmailProblem::BadDomain);
        err("a@acme.in.", EmailProblem::BadDomain);
    }

    #[test]
    fn email_rejects_hyphen_at_label_edges() {
        err("a@-acme.in", EmailProblem::BadDomain);
        err("a@acme-.in", EmailProblem::BadDomain);
        err("a@acme.-in", EmailProblem::BadDomain);
        ok("a@ac--me.in");
    }

    #[test]
    fn email_rejects_bad_domain_characters() {
        err("a@acme_co.in", EmailProblem::BadDomain);
        err("a@[127.0.0.1]", EmailProblem::BadDomain);
        err("a@acme.in:25", EmailProblem::BadDomain);
    }

    #[test]
    fn email_rejects_domain_without_dot() {
        err("asha@localhost", EmailProblem::NoDotInDomain);
    }

    #[test]
    fn email_label_length_limit_is_63() {
        ok(&format!("a@{}.in", "b".repeat(63)));
        err(&format!("a@{}.in", "b".repeat(64)), EmailProblem::BadDomain);
    }

    #[test]
    fn email_local_part_limit_is_64() {
        ok(&format!("{}@x.in", "a".repeat(64)));
        err(&format!("{}@x.in", "a".repeat(65)), EmailProblem::LocalPartTooLong);
    }

    #[test]
    fn email_whole_limit_is_254() {
        let domain = format!("{0}.{0}.{0}.{1}", "d".repeat(63), "e".repeat(59));
        let at_limit = format!("{}@{}", "a".repeat(254 - 1 - domain.len()), domain);
        assert_eq!(at_limit.len(), 254);
        ok(&at_limit);
        err(&format!("a{at_limit}"), EmailProblem::TooLong);
    }

    #[test]
    fn email_survives_huge_input() {
        let huge = "a".repeat(10_000_000);
        err(&huge, EmailProblem::TooLong);
        err(&format!("{huge}\u{FFFD}"), EmailProblem::NotAscii);
    }

    #[test]
    fn email_key_lowercases_the_whole_address() {
        assert_eq!(key("Asha.Rao@ACME.In"), "asha.rao@acme.in");
        assert_ne!(key("a+old@x.in"), key("a@x.in"));
    }

    #[test]
    fn email_problem_names_are_snake_case_and_distinct() {
        let all = [
            EmailProblem::NotAscii,
            EmailProblem::TooLong,
            EmailProblem::MissingAt,
            EmailProblem::BadLocalPart,
            EmailProblem::LocalPartTooLong,
            EmailProblem::BadDomain,
            EmailProblem::NoDotInDomain,
        ];
        let names: std::collections::BTreeSet<_> = all.iter().map(|p| p.as_str()).collect();
        assert_eq!(names.len(), all.len());
        for p in all {
            assert!(p.as_str().bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
            assert!(!p.describe().is_empty());
        }
    }

    /// The WHATWG grammar as a character-by-character state machine, written apart from
    /// `validate` (which splits on `@` and `.`), plus the engine's extra limits.
    fn reference(s: &str) -> bool {
        #[derive(Clone, Copy, PartialEq)]
        enum St {
            Local,
            LabelStart,
            Label { len: usize, last_hyphen: bool },
        }
        const SPECIAL: &str = ".!#$%&'*+/=?^_`{|}~-";
        let mut st = St::Local;
        let mut local_len = 0;
        let mut dots = 0;
        for c in s.chars() {
            st = match st {
                St::Local if c == '@' && local_len > 0 => St::LabelStart,
                St::Local if c.is_ascii_alphanumeric() || SPECIAL.contains(c) => {
                    local_len += 1;
                    St::Local
                }
                St::LabelStart if c.is_ascii_alphanumeric() => St::Label { len: 1, last_hyphen: false },
                St::Label { last_hyphen, .. } if c == '.' && !last_hyphen => {
                    dots += 1;
                    St::LabelStart
                }
                St::Label { len, .. } if len < 63 && (c.is_ascii_alphanumeric() || c == '-') => {
                    St::Label { len: len + 1, last_hyphen: c == '-' }
                }
                _ => return false,
            };
        }
        matches!(st, St::Label { last_hyphen: false, .. }) && dots > 0 && local_len <= 64 && s.len() <= 254
    }

    #[test]
    fn email_reference_agrees_on_hand_picked_cases() {
        for s in ["a@b.c", "a@b", "a@-b.c", "a@b-.c", "@b.c", "a@b..c", "a@b.c-d", "a@@b.c"] {
            assert_eq!(validate(s).is_ok(), reference(s), "{s:?}");
        }
    }

    fn address_like() -> impl Strategy<Value = String> {
        // Mostly characters that matter to the grammar, so that valid addresses occur.
        proptest::collection::vec(
            prop_oneof![
                8 => proptest::sample::select(vec![
                    'a', 'Z', '0', '9', '.', '.', '-', '-', '@', '+', '_', '!', '~', ' ', '\n',
                    '\t', '"', '(', ',', '\0', 'é', '\u{A0}', '\u{202E}',
                ]),
                1 => any::<char>(),
            ],
            0..80,
        )
        .prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #[test]
        fn email_validate_matches_reference_grammar(s in address_like()) {
            match validate(&s) {
                Ok(t) => {
                    prop_assert!(reference(t), "{t:?}");
                    prop_assert_eq!(t, s.trim_matches(|c: char| c.is_ascii_whitespace()));
                }
                Err(_) => prop_assert!(
                    !reference(s.trim_matches(|c: char| c.is_ascii_whitespace()))
                ),
            }
        }

        #[test]
        fn email_validate_never_panics(s in any::<String>()) {
            let _ = validate(&s);
            let _ = key(&s);
        }

        #[test]
        fn email_long_labels_match_reference(
            local in "[a-z.+]{1,70}",
            labels in proptest::collection::vec("[a-z0-9-]{0,66}", 1..6),
        ) {
            let s = format!("{local}@{}", labels.join("."));
            prop_assert_eq!(validate(&s).is_ok(), reference(&s), "{:?}", s);
        }
    }
}
