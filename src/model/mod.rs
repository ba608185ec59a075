//! The data model of RULES §1: [`Policy`], [`Account`], [`User`] and the op inputs.
//!
//! Every type reads and writes camelCase JSON. Unknown keys are an error (the request
//! decoder turns it into a `bad_request` naming the JSON path); in a [`Policy`] a
//! missing key takes the built-in default.

mod account;
mod draft;
mod policy;

pub(crate) use account::{default_schedule, DEFAULT_SCHEDULE};
pub use account::{Account, Department, ExtensionRange, Role, Routing, Sso, Status, User, WebLogin};
pub use draft::{UserDraft, WebLoginDraft};
pub use policy::{PasswordPolicy, Policy};
