//! The one decoder of requests: JSON text into the engine's types, by hand.
//!
//! Every front-end (the CLI, the wasm package, native callers of
//! [`request::decode`](crate::request::decode)) reads through here, so a request that is
//! not the right shape gets the same `bad_request` everywhere: the full JSON path of the
//! value at fault (`account.users[3].webLogin.lastLogin`) and what was expected there —
//! the key that is unknown and the keys that are known, the names a value may take —
//! never the value itself (it may be a misplaced password).
//!
//! Hand-written rather than serde-derived: a derived decoder is compiled once per type
//! and with serde_json it was half of the `.wasm`; this one reads bytes in one pass and
//! knows the path without re-reading the text.
//!
//! ```
//! use roster_rules::request::decode;
//! let err = decode::<roster_rules::Account>(r#"{"plan":"nano","users":[{"id":"u1","name":"A",
//!   "email":"a@x.in","mobile":"+919800000001","extension":"10","webLogin":{"loginId":"asha.rao",
//!   "lastLogin":"2026-01-01"}}]}"#).unwrap_err();
//! let v = &err.violations[0];
//! assert_eq!(v.field_text().as_deref(), Some("users[0].webLogin.lastLogin"));
//! assert_eq!(v.param("detail").unwrap().text(),
//!     "lastLogin is not a key of webLogin; the keys are loginId, allowedIps, blocked");
//! ```

use crate::field::Step;

mod model;

pub use model::Lenient;

/// The deepest nesting read: deeper text is refused before it can exhaust the stack.
const MAX_DEPTH: usize = 128;

/// Why a text could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// The path of the value at fault.
    pub path: Vec<Step>,
    /// What was wrong, in words that name keys and expected values but never the value.
    pub detail: String,
}

/// A type the decoder reads.
pub trait FromJson: Sized {
    /// Reads one value of this type at the reader's position.
    ///
    /// # Errors
    /// A [`JsonError`] at the path of the value at fault.
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError>;
}

/// Reads `T` from the whole of `text` (nothing but white space may follow).
///
/// # Errors
/// A [`JsonError`] at the path of the value at fault.
pub fn read<T: FromJson>(text: &str, lenient: bool) -> Result<T, JsonError> {
    let mut r = Reader { src: text, bytes: text.as_bytes(), pos: 0, path: Vec::new(), depth: 0, lenient };
    let value = T::from_json(&mut r)?;
    r.ws();
    if r.pos < r.bytes.len() {
        return Err(r.fail("not valid JSON: text follows the value"));
    }
    Ok(value)
}

/// `text` as a JSON string literal, quotes included.
pub fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                for shift in [4, 0] {
                    out.push(char::from(HEX.get((c as usize >> shift) & 0xf).copied().unwrap_or(b'0')));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// One step of the path being read, kept cheap: a key by where it starts in the text
/// (read again only when an error names it), an index as it is.
#[derive(Clone, Copy)]
enum Seg {
    Key(usize),
    Index(usize),
}

/// A position in JSON text, and the path to it.
pub struct Reader<'a> {
    /// The text, and the same as bytes (delimiters are ASCII, so every slice between
    /// them is on a character boundary).
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    path: Vec<Seg>,
    depth: usize,
    /// Unknown keys are skipped instead of refused (an account read leniently).
    lenient: bool,
}

/// A key as a message names it: at most 40 characters, no control characters.
fn shown(key: &str) -> String {
    let clean: String = key.chars().filter(|c| !c.is_control()).take(40).collect();
    if clean.is_empty() {
        "(empty)".to_owned()
    } else {
        clean
    }
}

impl<'a> Reader<'a> {
    /// The current path, with its keys read again from the text.
    fn steps(&self) -> Vec<Step> {
        let key = |at: usize| {
            let mut again =
                Reader { src: self.src, bytes: self.bytes, pos: at, path: Vec::new(), depth: 0, lenient: false };
            shown(&again.key().unwrap_or_default())
        };
        self.path
            .iter()
            .map(|seg| match *seg {
                Seg::Key(at) => Step::Key(key(at)),
                Seg::Index(i) => Step::Index(i),
            })
            .collect()
    }

    /// An error at the current path.
    pub fn fail(&self, detail: impl Into<String>) -> JsonError {
        JsonError { path: self.steps(), detail: detail.into() }
    }

    /// An error at the key `key` of the object just read.
    pub fn fail_key(&self, key: &str, detail: impl Into<String>) -> JsonError {
        let mut path = self.steps();
        path.push(Step::Key(key.to_owned()));
        JsonError { path, detail: detail.into() }
    }

    /// Whether unknown keys are skipped here.
    pub fn lenient(&self) -> bool {
        self.lenient
    }

    /// Reads with unknown keys skipped (`true`) or refused (`false`) inside `f`.
    pub fn with_lenient<T>(&mut self, lenient: bool, f: impl FnOnce(&mut Self) -> T) -> T {
        let before = std::mem::replace(&mut self.lenient, lenient);
        let out = f(self);
        self.lenient = before;
        out
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.pos) {
            self.pos += 1;
        }
    }

    /// The next byte after white space, not consumed.
    fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.bytes.get(self.pos).copied()
    }

    fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn literal(&mut self, word: &[u8]) -> bool {
        self.ws();
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word) {
            self.pos += word.len();
            true
        } else {
            false
        }
    }

    /// What the next value is, for an error that says what was found instead.
    /// The bytes from the position on.
    fn rest(&self) -> &[u8] {
        self.bytes.get(self.pos..).unwrap_or_default()
    }

    fn wrong(&mut self, expected: &str) -> JsonError {
        let found = match self.peek() {
            None => return self.fail("not valid JSON: the text ends here"),
            Some(b'"') => "a string",
            Some(b'{') => "an object",
            Some(b'[') => "a list",
            Some(b't') if self.rest().starts_with(b"true") => "true or false",
            Some(b'f') if self.rest().starts_with(b"false") => "true or false",
            Some(b'n') if self.rest().starts_with(b"null") => "null",
            Some(b'-' | b'0'..=b'9') => "a number",
            Some(_) => return self.fail("not valid JSON"),
        };
        self.fail(format!("expected {expected}, found {found}"))
    }

    /// Consumes `null` if it comes next.
    pub fn null(&mut self) -> bool {
        self.peek() == Some(b'n') && self.literal(b"null")
    }

    /// A boolean.
    pub fn bool(&mut self) -> Result<bool, JsonError> {
        if self.literal(b"true") {
            Ok(true)
        } else if self.literal(b"false") {
            Ok(false)
        } else {
            Err(self.wrong("true or false"))
        }
    }

    /// A whole number from 0 to `u64::MAX`.
    pub fn u64(&mut self) -> Result<u64, JsonError> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.wrong("a whole number"));
        }
        let start = self.pos;
        let (whole, end) = self.number_span();
        self.pos = end;
        let text = self.text(start, end);
        match (whole, text.parse::<u64>()) {
            (true, Ok(n)) => Ok(n),
            (true, Err(_)) if !text.starts_with('-') => Err(self.fail("the number is too large")),
            _ => Err(self.fail("expected a whole number of 0 or more")),
        }
    }

    /// A whole number that fits `T`.
    pub fn int<T: TryFrom<u64>>(&mut self) -> Result<T, JsonError> {
        let n = self.u64()?;
        T::try_from(n).map_err(|_| self.fail("the number is too large"))
    }

    /// The end of the number at the position, and whether it is a whole number (digits,
    /// no sign, fraction or exponent). A span that is no JSON number (`01`, `1.`, `-`,
    /// `1e`) ends where the grammar stops, so the byte after it is refused.
    pub(crate) fn number_span(&self) -> (bool, usize) {
        let b = |i: usize| self.bytes.get(i).copied().unwrap_or(0);
        let digits = |mut i: usize| {
            while b(i).is_ascii_digit() {
                i += 1;
            }
            i
        };
        let mut i = self.pos;
        let mut whole = true;
        if b(i) == b'-' {
            whole = false;
            i += 1;
        }
        match b(i) {
            b'0' => i += 1,
            b'1'..=b'9' => i = digits(i),
            _ => return (false, i),
        }
        if b(i) == b'.' && b(i + 1).is_ascii_digit() {
            whole = false;
            i = digits(i + 1);
        }
        if matches!(b(i), b'e' | b'E') {
            let sign = usize::from(matches!(b(i + 1), b'+' | b'-'));
            if b(i + 1 + sign).is_ascii_digit() {
                whole = false;
                i = digits(i + 1 + sign);
            }
        }
        (whole, i)
    }

    /// A string.
    pub fn string(&mut self) -> Result<String, JsonError> {
        if self.peek() != Some(b'"') {
            return Err(self.wrong("a string"));
        }
        self.pos += 1;
        let mut out = String::new();
        let mut run = self.pos;
        loop {
            let Some(&b) = self.bytes.get(self.pos) else {
                return Err(self.fail("not valid JSON: a string is not closed"));
            };
            match b {
                b'"' => {
                    out.push_str(self.text(run, self.pos));
                    self.pos += 1;
                    return Ok(out);
                }
                b'\\' => {
                    out.push_str(self.text(run, self.pos));
                    self.pos += 1;
                    self.escape(&mut out)?;
                    run = self.pos;
                }
                0..=0x1f => return Err(self.fail("not valid JSON: a control character inside a string")),
                _ => self.pos += 1,
            }
        }
    }

    /// A key: borrowed from the text when it has no escape (nearly every key), so reading
    /// an object allocates nothing for its keys.
    fn key(&mut self) -> Result<std::borrow::Cow<'a, str>, JsonError> {
        if self.peek() != Some(b'"') {
            return Err(self.wrong("a key"));
        }
        let start = self.pos + 1;
        let mut i = start;
        while let Some(&b) = self.bytes.get(i) {
            match b {
                b'"' => {
                    self.pos = i + 1;
                    return Ok(std::borrow::Cow::Borrowed(self.text(start, i)));
                }
                b'\\' | 0..=0x1f => break,
                _ => i += 1,
            }
        }
        self.string().map(std::borrow::Cow::Owned)
    }

    /// The text between two byte positions (always on character boundaries here).
    fn text(&self, from: usize, to: usize) -> &'a str {
        self.src.get(from..to).unwrap_or("")
    }

    fn escape(&mut self, out: &mut String) -> Result<(), JsonError> {
        let b = self.bytes.get(self.pos).copied();
        self.pos += 1;
        let c = match b {
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                let hi = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&hi) {
                    if self.bytes.get(self.pos..self.pos + 2) != Some(b"\\u") {
                        return Err(self.fail("not valid JSON: a lone surrogate in a string"));
                    }
                    self.pos += 2;
                    let lo = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&lo) {
                        return Err(self.fail("not valid JSON: a lone surrogate in a string"));
                    }
                    0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                } else {
                    hi
                };
                char::from_u32(code).ok_or_else(|| self.fail("not valid JSON: a lone surrogate in a string"))?
            }
            _ => return Err(self.fail("not valid JSON: an unknown escape in a string")),
        };
        out.push(c);
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self.bytes.get(self.pos..self.pos + 4).and_then(|b| std::str::from_utf8(b).ok());
        // Four hex digits exactly (`from_str_radix` alone would take a sign).
        let n =
            digits.filter(|d| d.bytes().all(|c| c.is_ascii_hexdigit())).and_then(|d| u32::from_str_radix(d, 16).ok());
        self.pos += 4;
        n.ok_or_else(|| self.fail("not valid JSON: a bad \\u escape in a string"))
    }

    fn enter(&mut self) -> Result<(), JsonError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.fail("the JSON is nested too deeply"));
        }
        Ok(())
    }

    /// A list, each item read by `item` with its index on the path.
    pub fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Result<T, JsonError>) -> Result<Vec<T>, JsonError> {
        let mut out = Vec::new();
        self.items(&mut |r| {
            out.push(item(r)?);
            Ok(())
        })?;
        Ok(out)
    }

    /// The loop of [`Reader::list`], written once: a closure per call site would compile
    /// the whole loop again for every type read (the `.wasm` cost of a decoder).
    fn items(&mut self, item: &mut dyn FnMut(&mut Self) -> Result<(), JsonError>) -> Result<(), JsonError> {
        if self.peek() != Some(b'[') {
            return Err(self.wrong("a list"));
        }
        self.pos += 1;
        self.enter()?;
        let mut n = 0;
        if !self.eat(b']') {
            loop {
                self.path.push(Seg::Index(n));
                item(self)?;
                self.path.pop();
                n += 1;
                if self.eat(b']') {
                    break;
                }
                if !self.eat(b',') {
                    return Err(self.fail("not valid JSON: expected , or ] in a list"));
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// A list of strings.
    pub fn strings(&mut self) -> Result<Vec<String>, JsonError> {
        self.list(Reader::string)
    }

    /// An object whose keys are `keys` (named `what` in messages): `field(reader, i)`
    /// reads the value of `keys[i]` with the key on the path. An unknown key is refused
    /// (skipped when lenient), a key given twice is refused.
    pub fn object(
        &mut self,
        what: &str,
        keys: &[&str],
        mut field: impl FnMut(&mut Self, usize) -> Result<(), JsonError>,
    ) -> Result<(), JsonError> {
        self.keyed(what, keys, &mut field)
    }

    /// The body of [`Reader::object`], written once (see [`Reader::items`]).
    fn keyed(
        &mut self,
        what: &str,
        keys: &[&str],
        field: &mut dyn FnMut(&mut Self, usize) -> Result<(), JsonError>,
    ) -> Result<(), JsonError> {
        let mut seen = 0u64;
        self.entries(|r, key| {
            let Some(i) = keys.iter().position(|k| *k == key) else {
                if r.lenient {
                    return r.skip();
                }
                let detail = if keys.is_empty() {
                    format!("{} is not a key of {what}, which has none", shown(key))
                } else {
                    format!("{} is not a key of {what}; the keys are {}", shown(key), keys.join(", "))
                };
                return Err(r.fail(detail));
            };
            let bit = 1u64 << (i % 64);
            if seen & bit != 0 {
                return Err(r.fail(format!("{key} is given twice")));
            }
            seen |= bit;
            field(r, i)
        })
    }

    /// An object of any keys: `entry(reader, key)` reads each value with its key on the path.
    pub fn entries(
        &mut self,
        mut entry: impl FnMut(&mut Self, &str) -> Result<(), JsonError>,
    ) -> Result<(), JsonError> {
        if self.peek() != Some(b'{') {
            return Err(self.wrong("an object"));
        }
        self.pos += 1;
        self.enter()?;
        if !self.eat(b'}') {
            loop {
                self.ws();
                let at = self.pos;
                let key = self.key()?;
                if !self.eat(b':') {
                    return Err(self.fail("not valid JSON: expected : after a key"));
                }
                self.path.push(Seg::Key(at));
                entry(self, &key)?;
                self.path.pop();
                if self.eat(b'}') {
                    break;
                }
                if !self.eat(b',') {
                    return Err(self.fail("not valid JSON: expected , or } in an object"));
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// Reads past any value.
    pub fn skip(&mut self) -> Result<(), JsonError> {
        match self.peek() {
            Some(b'"') => self.string().map(drop),
            Some(b'{') => self.entries(|r, _| r.skip()),
            Some(b'[') => self.items(&mut Reader::skip),
            Some(b't' | b'f') => self.bool().map(drop),
            Some(b'n') if self.null() => Ok(()),
            Some(b'-' | b'0'..=b'9') => {
                let (_, end) = self.number_span();
                if !self.bytes.get(self.pos..end).is_some_and(|n| n.iter().any(u8::is_ascii_digit)) {
                    return Err(self.wrong("a value"));
                }
                self.pos = end;
                Ok(())
            }
            _ => Err(self.wrong("a value")),
        }
    }

    /// One of `names` (a string), as its index; the message lists the names, never the
    /// value.
    pub fn one_of(&mut self, names: &[&str]) -> Result<usize, JsonError> {
        if self.peek() != Some(b'"') {
            return Err(self.wrong("a string"));
        }
        let text = self.key()?;
        names.iter().position(|n| *n == text).ok_or_else(|| self.fail(format!("expected one of {}", names.join(", "))))
    }

    /// Reads a value of `T`.
    pub fn value<T: FromJson>(&mut self) -> Result<T, JsonError> {
        T::from_json(self)
    }

    /// `null`, or a value of `T`.
    pub fn optional<T: FromJson>(&mut self) -> Result<Option<T>, JsonError> {
        if self.null() {
            Ok(None)
        } else {
            T::from_json(self).map(Some)
        }
    }

    /// The error for a key the object needs and did not get.
    pub fn missing(&self, key: &str) -> JsonError {
        self.fail(format!("the key {key} is missing"))
    }
}

impl FromJson for String {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        r.string()
    }
}

impl FromJson for bool {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        r.bool()
    }
}

impl FromJson for u32 {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        r.int()
    }
}

impl FromJson for u64 {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        r.u64()
    }
}

impl FromJson for usize {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        r.int()
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        r.list(T::from_json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path_and_detail<T: FromJson>(text: &str) -> (String, String) {
        let e = read::<T>(text, false).err().expect("an error");
        let mut path = String::new();
        let _ = crate::field::write_steps(&mut path, &e.path);
        (path, e.detail)
    }

    #[test]
    fn strings_with_escapes_and_beyond_the_bmp() {
        assert_eq!(read::<String>(r#""a\"b\\c\/\n\u00e9\ud83d\ude00""#, false).unwrap(), "a\"b\\c/\né😀");
        assert_eq!(read::<String>("\"नमस्ते\"", false).unwrap(), "नमस्ते");
        assert!(read::<String>(r#""\ud83d""#, false).is_err());
        assert!(read::<String>("\"a\u{1}\"", false).is_err());
        assert!(read::<String>("\"open", false).is_err());
    }

    #[test]
    fn quote_writes_what_serde_json_writes() {
        for text in ["", "a\"b\\c", "line\nbreak\ttab\r", "\u{1}\u{1f}\u{7f}", "नमस्ते 😀"] {
            assert_eq!(quote(text), serde_json::to_string(text).unwrap(), "{text:?}");
            assert_eq!(read::<String>(&quote(text), false).unwrap(), text);
        }
    }

    #[test]
    fn numbers_are_whole_and_in_range() {
        assert_eq!(read::<u32>(" 42 ", false).unwrap(), 42);
        assert_eq!(path_and_detail::<u32>("-1").1, "expected a whole number of 0 or more");
        assert_eq!(path_and_detail::<u32>("1.5").1, "expected a whole number of 0 or more");
        assert_eq!(path_and_detail::<u32>("4294967296").1, "the number is too large");
        assert_eq!(path_and_detail::<u32>("\"3\"").1, "expected a whole number, found a string");
    }

    #[test]
    fn lists_name_the_index_and_nesting_is_bounded() {
        assert_eq!(
            path_and_detail::<Vec<String>>(r#"["a", 3]"#),
            ("[1]".into(), "expected a string, found a number".into())
        );
        let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
        assert_eq!(path_and_detail::<Vec<Vec<String>>>(&deep).1, "expected a string, found a list");
        let mut r = Reader { src: &deep, bytes: deep.as_bytes(), pos: 0, path: Vec::new(), depth: 0, lenient: false };
        assert_eq!(r.skip().unwrap_err().detail, "the JSON is nested too deeply");
        assert_eq!(path_and_detail::<Vec<String>>("[\"a\"] x").1, "not valid JSON: text follows the value");
    }
}
