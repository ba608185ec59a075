//! Field rules of SPEC §2, one module per family. Each validator is pure: it takes the
//! typed text and returns the normalised value or a typed problem, never a string code.

pub mod email;
pub mod extension;
pub mod ip;
pub mod name;
pub mod phone;
pub mod web_login;

mod calling_codes;
mod pictographic;
