//! Values out of wasm without JSON text: a serde [`Serializer`](serde::Serializer) that
//! writes a tape of `u32` tokens and one string blob, and a small JavaScript reader that
//! turns them into the object `JSON.parse` of serde_json's text would give (same keys, same
//! order, same values).
//!
//! Why: `JSON.parse` of a 327-byte `extension_taken` answer alone takes 1.6 µs in Node,
//! and serde_json writing it more (docs/PROFILES.md). Here the blob is decoded once
//! (one `TextDecoder` call) and every string of the answer is a `slice` of it; the tape
//! crosses as a view of wasm memory, without a copy.
//!
//! Tokens: `NULL`, `FALSE`, `TRUE`; `NUM lo hi` (the bits of an `f64`); `STR at len`
//! (a slice of the blob in UTF-16 units); `ARR n` then `n` values; `OBJ n` then `n`
//! pairs of a key and a value.
//!
//! Keys are sent once: a property name made from a fresh slice costs V8 a string-table
//! lookup each time (an answer built that way took 3.4 µs instead of 0.66 µs), so both
//! sides keep one list of the keys sent so far. A key is `KEY id` once JS has it, or
//! `NEWKEY id at len` the first time; past `MAX_KEYS` (keys that are data, not names) a
//! key goes as an inline `STR`.

use std::cell::RefCell;
use std::fmt::Display;

use serde::ser::{self, Serialize};
use wasm_bindgen::prelude::*;

const NULL: u32 = 0;
const FALSE: u32 = 1;
const TRUE: u32 = 2;
const NUM: u32 = 3;
const STR: u32 = 4;
const ARR: u32 = 5;
const OBJ: u32 = 6;
const KEY: u32 = 7;
const NEWKEY: u32 = 8;

/// Keys remembered on both sides: the names of every type the edge writes are far fewer.
const MAX_KEYS: usize = 1024;

#[wasm_bindgen(inline_js = "
const bits = new Uint32Array(2), num = new Float64Array(bits.buffer);
const K = [];
let T, B, i;
function value() {
  switch (T[i++]) {
    case 0: return null;
    case 1: return false;
    case 2: return true;
    case 3: bits[0] = T[i++]; bits[1] = T[i++]; return num[0];
    case 4: { const at = T[i++]; return B.slice(at, at + T[i++]); }
    case 5: { const a = []; for (let n = T[i++]; n > 0; n--) a.push(value()); return a; }
    default: {
      const o = {};
      for (let n = T[i++]; n > 0; n--) {
        const tag = T[i++];
        let key;
        if (tag === 7) key = K[T[i++]];
        else if (tag === 8) { const id = T[i++], at = T[i++]; key = K[id] = B.slice(at, at + T[i++]); }
        else { const at = T[i++]; key = B.slice(at, at + T[i++]); }
        const v = value();
        // As JSON.parse: an own property, never the prototype.
        if (key === '__proto__') Object.defineProperty(o, key, { value: v, writable: true, enumerable: true, configurable: true });
        else o[key] = v;
      }
      return o;
    }
  }
}
export function build(tape, blob) {
  T = tape; B = blob; i = 0;
  const v = value();
  T = B = undefined;
  return v;
}")]
extern "C" {
    /// The JS value of a tape and its blob.
    fn build(tape: &[u32], blob: &str) -> JsValue;
}

/// The JS value `write` serializes (`null` if it fails, which the Outcome and account
/// writers never do: every key they write is a string).
pub(super) fn to_js(write: impl FnOnce(&mut Tape) -> Result<(), Error>) -> JsValue {
    let mut tape = Tape {
        keys: KEYS.with(|k| std::mem::take(&mut *k.borrow_mut())),
        // Room for a typical answer (one violation with its message and params), so the
        // tape is not regrown while it is written.
        tokens: Vec::with_capacity(128),
        blob: String::with_capacity(256),
        ..Tape::default()
    };
    let value = match write(&mut tape) {
        Ok(()) => {
            let value = build(&tape.tokens, &tape.blob);
            // JS has the new keys now.
            tape.keys.known.append(&mut tape.fresh);
            value
        }
        Err(Error) => JsValue::NULL,
    };
    KEYS.with(|k| *k.borrow_mut() = tape.keys);
    value
}

thread_local! {
    static KEYS: RefCell<Keys> = RefCell::new(Keys::default());
}

/// The keys JS has, by id, and where the last use of each key's text was.
#[derive(Default)]
struct Keys {
    known: Vec<String>,
    /// `(address, length, id)` by a hash of the address: a key written from the same
    /// `&'static str` (a field name) is found without searching.
    slots: Vec<(usize, usize, u32)>,
}

const SLOTS: usize = 256;

impl Keys {
    fn find(&mut self, key: &str) -> Option<u32> {
        let (addr, len) = (key.as_ptr() as usize, key.len());
        let slot = ((addr >> 3) ^ len) % SLOTS;
        if let Some(&(a, l, id)) = self.slots.get(slot) {
            if a == addr && l == len && self.known.get(id as usize).is_some_and(|k| k == key) {
                return Some(id);
            }
        }
        let id = u32::try_from(self.known.iter().position(|k| k == key)?).ok()?;
        if self.slots.is_empty() {
            self.slots = vec![(0, 0, 0); SLOTS];
        }
        if let Some(s) = self.slots.get_mut(slot) {
            *s = (addr, len, id);
        }
        Some(id)
    }
}

/// The tape being written.
#[derive(Default)]
pub(super) struct Tape {
    tokens: Vec<u32>,
    keys: Keys,
    /// Keys sent for the first time in this tape (ids after `keys.known`).
    fresh: Vec<String>,
    /// The next string written is a map key.
    key_next: bool,
    blob: String,
    /// The blob's length in UTF-16 units.
    units: u32,
    /// Where the count of each open array or object is.
    open: Vec<usize>,
}

/// A value the tape cannot hold (a map key that is not a string, an `i128`) or an error a
/// `Serialize` impl raised.
#[derive(Debug)]
pub(super) struct Error;

impl Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the value cannot be written to the tape")
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(_: T) -> Self {
        Error
    }
}

fn units(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Tape {
    fn text(&mut self, s: &str) {
        if self.key_next {
            self.key_next = false;
            self.key_text(s);
            return;
        }
        self.inline(s);
    }

    fn inline(&mut self, s: &str) {
        self.tokens.push(STR);
        self.inline_at(s);
    }

    /// `at len` of `s`, appended to the blob.
    fn inline_at(&mut self, s: &str) {
        let len = if s.is_ascii() { units(s.len()) } else { units(s.encode_utf16().count()) };
        self.tokens.extend_from_slice(&[self.units, len]);
        self.blob.push_str(s);
        self.units = self.units.saturating_add(len);
    }

    fn number(&mut self, n: f64) {
        if n.is_finite() {
            let b = n.to_bits();
            self.tokens.extend_from_slice(&[NUM, b as u32, (b >> 32) as u32]);
        } else {
            // serde_json writes a NaN or an infinity as `null`.
            self.tokens.push(NULL);
        }
    }

    fn begin(&mut self, tag: u32) {
        self.tokens.push(tag);
        self.open.push(self.tokens.len());
        self.tokens.push(0);
    }

    /// One more element of the innermost open array or object.
    fn count(&mut self) {
        if let Some(n) = self.open.last().and_then(|&at| self.tokens.get_mut(at)) {
            *n += 1;
        }
    }

    fn end(&mut self) {
        self.open.pop();
    }

    /// A map key: it must write one string.
    fn key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.count();
        let at = self.tokens.len();
        self.key_next = true;
        key.serialize(&mut *self)?;
        match self.tokens.get(at..) {
            Some([KEY, _] | [NEWKEY, _, _, _] | [STR, _, _]) if !self.key_next => Ok(()),
            _ => Err(Error),
        }
    }

    /// A key, by id when JS has it (or gets it in this tape).
    fn key_text(&mut self, key: &str) {
        if let Some(id) = self.keys.find(key) {
            self.tokens.extend_from_slice(&[KEY, id]);
            return;
        }
        let known = self.keys.known.len();
        if let Some(i) = self.fresh.iter().position(|k| k == key) {
            self.tokens.extend_from_slice(&[KEY, units(known + i)]);
        } else if known + self.fresh.len() < MAX_KEYS {
            self.tokens.extend_from_slice(&[NEWKEY, units(known + self.fresh.len())]);
            self.fresh.push(key.to_owned());
            self.inline_at(key);
        } else {
            self.inline(key);
        }
    }

    /// `{variant: …}`: an object of one key, around what follows.
    fn variant(&mut self, variant: &str) {
        self.begin(OBJ);
        self.count();
        self.key_text(variant);
    }
}

/// An array or object being written; `variant` when it is inside `{variant: …}`.
pub(super) struct Compound<'a> {
    tape: &'a mut Tape,
    variant: bool,
}

impl Compound<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.tape.count();
        value.serialize(&mut *self.tape)
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Error> {
        self.tape.count();
        self.tape.key_text(key);
        value.serialize(&mut *self.tape)
    }

    fn close(self) -> Result<(), Error> {
        self.tape.end();
        if self.variant {
            self.tape.end();
        }
        Ok(())
    }
}

/// Integer methods whose every value is an exact double.
macro_rules! lossless {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> Result<(), Error> {
            self.serialize_f64(f64::from(v))
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.tokens.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    lossless!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32);
    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        // What `JSON.parse` makes of the digits serde_json writes: the nearest double.
        self.serialize_f64(v as f64)
    }
    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.serialize_f64(v as f64)
    }
    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        // serde_json writes the shortest digits that read back as this f32 (`0.1`), which
        // `JSON.parse` reads as a double: the same digits, not the f32 widened.
        self.serialize_f64(v.to_string().parse().unwrap_or(f64::NAN))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.text(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.text(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        // serde_json writes bytes as an array of numbers.
        self.begin(ARR);
        for &b in v {
            self.count();
            self.number(f64::from(b));
        }
        self.end();
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.tokens.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        self.text(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant(variant);
        value.serialize(&mut *self)?;
        self.end();
        Ok(())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(compound(self, None, ARR))
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        Ok(compound(self, Some(variant), ARR))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(compound(self, None, OBJ))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, Error> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        Ok(compound(self, Some(variant), OBJ))
    }
}

/// Opens an array or an object (`tag`), inside `{variant: …}` when there is one.
fn compound<'a>(tape: &'a mut Tape, variant: Option<&str>, tag: u32) -> Compound<'a> {
    if let Some(v) = variant {
        tape.variant(v);
    }
    tape.begin(tag);
    Compound { tape, variant: variant.is_some() }
}

/// The compounds whose elements are values: an array (a tuple variant's inside its object).
macro_rules! elements {
    ($($kind:ident :: $method:ident),*) => {$(
        impl ser::$kind for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.element(value)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// The compounds whose elements are named fields: an object (a struct variant's inside its
/// object).
macro_rules! fields {
    ($($kind:ident),*) => {$(
        impl ser::$kind for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), Error> {
                self.close()
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.tape.key(key)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result<(), Error> {
        self.close()
    }
}
