// The format patterns the stand-in schemas share (bench.mjs explains what they stand for):
// what a form author might write by hand for the four fields a JS library can express.
// Benchmark-only: not used by the package, not a second implementation of its rules.

/** Separators a person types in a phone number; the libraries that can transform strip them first. */
export const SEP = /[\s.\-()]/g;
/** An Indian mobile (`(+91|0091|91|0)?[6-9]` + 9 digits) or another E.164 number. */
export const MOBILE = /^(?:(?:\+91|0091|91|0)?[6-9]\d{9}|\+(?!91)[1-9]\d{6,14})$/;
/** The same, with the separators allowed between digits, for JSON Schema (which cannot strip them). */
export const MOBILE_SEPARATED_SRC =
  '^[\\s.()-]*(?:(?:\\+91|0091|91|0)?[\\s.()-]*[6-9](?:[\\s.()-]*\\d){9}|\\+(?!91)[1-9](?:[\\s.()-]*\\d){6,14})[\\s.()-]*$';
export const EXTENSION = /^[1-9]\d*$/;
// Not blank, no control/format characters (bidi controls, zero-width space, word joiner,
// BOM and ZWJ/ZWNJ alike: a hand-written pattern rarely allows ZWJ only between letters),
// no emoji.
export const NAME = /^(?!\s*$)[^\p{Cc}\p{Cf}\p{Extended_Pictographic}]*$/u;
export const NAME_SRC = '^(?!\\s*$)[^\\p{Cc}\\p{Cf}\\p{Extended_Pictographic}]*$';
