//! The WebAssembly edge (wasm32 only): `pkg/` wraps these bindings for Node and browsers.
//!
//! Nothing here decides a rule. Values come in as JSON text: the host's `JSON.stringify`,
//! then [`request::decode`](crate::request::decode) (the same decoder as the CLI, so a
//! `bad_request` names the same path). Answers go out through the same `Serialize` code
//! as the CLI's JSON, but written to a tape of tokens and one string blob that a small JS
//! reader builds the object from (`tape`): no JSON text is written or parsed, and the
//! object is still the one `JSON.parse` of the CLI's output gives (the parity tests
//! compare the two byte for byte). The account and its indexes stay inside wasm memory
//! between calls.
//!
//! Checks never throw: bad data is a `bad_request` Outcome. Only the constructor and
//! the setters throw (an `Error` whose `outcome` property is the `bad_request`), since
//! they have no Outcome to return.
//!
//! The account, policy, ops and drafts go through their serde-derived decoders, which
//! name the exact path at fault. The small inputs only this edge reads (the message
//! table, the directory, the Standard Schema form) are read from a `serde_json::Value`,
//! whose decoder the `.wasm` carries anyway: a derived decoder for each cost 0.2–0.6 KB
//! gzipped. The name lists and the capability map going out are built as JS values
//! directly rather than written as JSON and parsed.
//!
//! Schedule offsets in params count Unicode code points (`[...text]` in JS), the same
//! in every front-end.

use js_sys::{Error, JsString, Reflect, JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::json::{FromJson, JsonError, Reader};
use crate::messages::MessageTable;
use crate::model::UserDraft;
use crate::ops::check_field::FieldValue;
use crate::outcome::Outcome;
use crate::request::{decode_at, decode_with};
use crate::{Account, Capability, Op, Policy};

mod tape;

/// JSON text of a JS value: a string is taken as JSON text already, anything else
/// goes through `JSON.stringify`.
fn json_text(value: &JsValue, what: &str) -> Result<String, Outcome> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    match JSON::stringify(value) {
        Ok(s) if s.is_string() => Ok(String::from(s)),
        Ok(_) => Err(Outcome::bad_request(what, "a value is required")),
        Err(_) => Err(Outcome::bad_request(what, "the value cannot be written as JSON (a BigInt or a cycle)")),
    }
}

fn from_js<T: FromJson>(value: &JsValue, prefix: &str) -> Result<T, Outcome> {
    decode_at(&json_text(value, prefix)?, prefix)
}

/// [`from_js`] of a host's row: unknown keys skipped when `lenient` (one decoder per type
/// either way).
fn row_from_js<T: FromJson>(value: &JsValue, prefix: &str, lenient: bool) -> Result<T, Outcome> {
    decode_with(&json_text(value, prefix)?, prefix, lenient)
}

/// The JS value of an Outcome, messages from `table` where it has the code.
fn outcome_js(outcome: &Outcome, table: Option<&MessageTable>) -> JsValue {
    tape::to_js(|t| outcome.serialize_with(t, table))
}

#[wasm_bindgen(inline_js = "export function copy(v) {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const a = new Array(v.length);
    for (let i = 0; i < v.length; i++) a[i] = copy(v[i]);
    return a;
  }
  const o = {};
  for (const k of Object.keys(v)) o[k] = copy(v[k]);
  return o;
}")]
extern "C" {
    /// A deep copy of a JSON value (own keys only, so a page that added properties to
    /// `Object.prototype` does not add them to the answer): one call, where `JSON.parse` of
    /// its text costs more than the check itself and building it with `Reflect.set`
    /// crosses the boundary once per key.
    fn copy(value: &JsValue) -> JsValue;
}

/// The Outcome with nothing to say, the usual answer while a user types. Building even
/// this small object from wasm costs more than the check, so it is built once into a
/// template and each call returns a deep copy: a new object every time, with the same
/// keys in the same order.
fn empty_ok() -> JsValue {
    thread_local! {
        static TEMPLATE: JsValue = outcome_js(&Outcome::from_violations(Vec::new()), None);
    }
    TEMPLATE.with(copy)
}

/// An `Error` carrying the `bad_request` Outcome as its `outcome` property.
fn thrown(outcome: &Outcome, table: Option<&MessageTable>) -> JsValue {
    let message = outcome.violations.first().map(|v| v.text(table).0);
    let err = Error::new(message.as_deref().unwrap_or("bad request"));
    err.set_name("RosterError");
    // Setting a property on a fresh Error cannot fail.
    let _ = Reflect::set(&err, &JsString::from("outcome"), &outcome_js(outcome, table));
    err.into()
}

/// The rules engine over one account (`new Engine(account, policy?)` in JS).
#[wasm_bindgen(js_name = Engine)]
pub struct WasmEngine {
    inner: crate::Engine,
    messages: Option<MessageTable>,
    /// `options.ignoreUnknownKeys`: rows the host stores (the account, `upsertUser`) may
    /// carry columns of its own.
    lenient: bool,
}

#[wasm_bindgen(js_class = Engine)]
impl WasmEngine {
    /// Builds the engine and its indexes. Throws a `RosterError` for an account or
    /// policy of the wrong shape. `options.ignoreUnknownKeys` reads the account leniently
    /// (a database row's own columns are dropped); requests stay strict.
    #[wasm_bindgen(constructor)]
    pub fn new(account: &JsValue, policy: &JsValue, options: &JsValue) -> Result<WasmEngine, JsValue> {
        let lenient = !options.is_undefined()
            && !options.is_null()
            && Reflect::get(options, &JsString::from("ignoreUnknownKeys")).is_ok_and(|v| v.is_truthy());
        let account: Account = row_from_js(account, "account", lenient).map_err(|o| thrown(&o, None))?;
        let policy: Policy = if policy.is_undefined() || policy.is_null() {
            Policy::default()
        } else {
            from_js(policy, "policy").map_err(|o| thrown(&o, None))?
        };
        Ok(WasmEngine { inner: crate::Engine::new(policy, account), messages: None, lenient })
    }

    fn out(&self, outcome: &Outcome) -> JsValue {
        let o = outcome;
        let empty = o.ok && o.violations.is_empty() && o.effects.is_empty() && o.changes.is_empty();
        if empty && o.user.is_none() && o.plan.is_none() && o.schedule.is_none() && o.fields.is_none() {
            return empty_ok();
        }
        outcome_js(outcome, self.messages.as_ref())
    }

    /// Checks `op` without changing anything; the Outcome of RULES §6.
    pub fn check(&self, op: &JsValue) -> JsValue {
        match from_js::<Op>(op, "op") {
            Ok(op) => self.out(&self.inner.check(&op)),
            Err(o) => self.out(&o),
        }
    }

    /// Checks `op` and carries it out only when the Outcome is ok.
    pub fn apply(&mut self, op: &JsValue) -> JsValue {
        match from_js::<Op>(op, "op") {
            Ok(op) => {
                let outcome = self.inner.apply(&op);
                self.out(&outcome)
            }
            Err(o) => self.out(&o),
        }
    }

    /// `check` of `op` sent by the signed-in user `signedIn`: an op naming another actor
    /// is refused (`not_permitted`, reason `actor_not_signed_in`).
    #[wasm_bindgen(js_name = checkAs)]
    pub fn check_as(&self, signed_in: &str, op: &JsValue) -> JsValue {
        match from_js::<Op>(op, "op") {
            Ok(op) => self.out(&self.inner.check_as(signed_in, &op)),
            Err(o) => self.out(&o),
        }
    }

    /// `apply` of `op` sent by the signed-in user `signedIn`, refused as `checkAs` refuses it.
    #[wasm_bindgen(js_name = applyAs)]
    pub fn apply_as(&mut self, signed_in: &str, op: &JsValue) -> JsValue {
        match from_js::<Op>(op, "op") {
            Ok(op) => {
                let outcome = self.inner.apply_as(signed_in, &op);
                self.out(&outcome)
            }
            Err(o) => self.out(&o),
        }
    }

    /// The user `id` as stored now, or `null`: what a backend writes after an op, without
    /// copying the whole account.
    pub fn user(&self, id: &str) -> JsValue {
        match self.inner.user(id) {
            Some(u) => tape::to_js(|t| u.serialize(t)),
            None => JsValue::NULL,
        }
    }

    /// Checks one field as the user types (`targetId` for an edit form).
    #[wasm_bindgen(js_name = checkField)]
    pub fn check_field(&self, field: &str, value: &JsValue, target_id: Option<String>) -> JsValue {
        let target = target_id.as_deref();
        if let Some(text) = value.as_string() {
            return self.out(&self.inner.check_field_value(field, FieldValue::Text(&text), target));
        }
        let json = if let Some(b) = value.as_bool() {
            if b { "true" } else { "false" }.to_owned()
        } else if value.is_null() || value.is_undefined() {
            "null".to_owned()
        } else {
            match json_text(value, field) {
                Ok(t) => t,
                Err(o) => return self.out(&o),
            }
        };
        self.out(&self.inner.check_field_value(field, FieldValue::Json(&json), target))
    }

    /// The account as it is now (after every successful `apply`).
    pub fn account(&self) -> JsValue {
        tape::to_js(|t| self.inner.account().serialize(t))
    }

    /// Stores a user row as the host's database has it (replacing the user with its id,
    /// or appending it), without checking any rule: how a cached engine follows writes
    /// made by another process. Throws a `RosterError` for a row of the wrong shape;
    /// read leniently when the engine was built with `ignoreUnknownKeys`.
    #[wasm_bindgen(js_name = upsertUser)]
    pub fn upsert_user(&mut self, user: &JsValue) -> Result<(), JsValue> {
        let user: crate::User = row_from_js(user, "user", self.lenient).map_err(|o| thrown(&o, None))?;
        self.inner.upsert_user(user);
        Ok(())
    }

    /// Forgets the user `id` (deleted elsewhere); whether there was such a user.
    #[wasm_bindgen(js_name = removeUser)]
    pub fn remove_user(&mut self, id: &str) -> bool {
        self.inner.remove_user(id).is_some()
    }

    /// Moves `nextUserNumber` up to `next` (never down; a number that is not a whole
    /// number of 0 or more changes nothing): ids another process gave, deleted or not.
    #[wasm_bindgen(js_name = advanceUserNumber)]
    pub fn advance_user_number(&mut self, next: f64) {
        // Whole numbers JavaScript holds exactly; anything else is no number of an id.
        if next.fract() == 0.0 && (0.0..=9_007_199_254_740_991.0).contains(&next) {
            self.inner.advance_user_number(next as u64);
        }
    }

    /// Emails used in other workspaces (the host's directory, RULES §6).
    #[wasm_bindgen(js_name = setExternalEmails)]
    pub fn set_external_emails(&mut self, emails: &JsValue) -> Result<(), JsValue> {
        let list: Vec<String> = from_js(emails, "externalEmails").map_err(|o| thrown(&o, None))?;
        self.inner.set_external_emails(&list);
        Ok(())
    }

    /// Messages by code (`{code: {message, hint?}}` with `{param}` holes) for every
    /// Outcome from now on; `null` goes back to English. Codes the table lacks stay
    /// English.
    #[wasm_bindgen(js_name = setMessages)]
    pub fn set_messages(&mut self, table: &JsValue) -> Result<(), JsValue> {
        self.messages = if table.is_null() || table.is_undefined() {
            None
        } else {
            Some(from_js::<MessageTable>(table, "messages").map_err(|o| thrown(&o, None))?)
        };
        Ok(())
    }

    /// Whether `actor` holds `capability` (snake_case) over `target`.
    pub fn can(&self, actor: &str, capability: &str, target: Option<String>) -> bool {
        let cap = Capability::ALL.iter().find(|c| c.as_str() == capability);
        cap.is_some_and(|&c| self.inner.can(actor, c, target.as_deref()))
    }

    /// What `actor` may do and how far (`{capability: reach}`), or `null` for no such user.
    pub fn capabilities(&self, actor: &str) -> JsValue {
        let Some(grants) = self.inner.capabilities(actor) else { return JsValue::NULL };
        let object = js_sys::Object::new();
        for (c, r) in grants {
            // Setting a property on a fresh plain object cannot fail.
            let _ = Reflect::set(&object, &JsValue::from_str(c.as_str()), &JsValue::from_str(r.as_str()));
        }
        object.into()
    }

    /// The Standard Schema issues of a form value (`null` when it may be submitted);
    /// `form` is `{type: "addUser", actor}` or `{type: "editUser", actor, target}`.
    /// `engine.schema(form)` in `pkg/` wraps this.
    #[wasm_bindgen(js_name = formIssues)]
    pub fn form_issues(&self, form: &JsValue, value: &JsValue) -> JsValue {
        let table = self.messages.as_ref();
        let outcome = match self.form_op(form, value) {
            Ok(op) => self.inner.check(&op),
            Err(o) => o,
        };
        tape::to_js(|t| crate::forms::issue_list(&outcome, table).serialize(t))
    }

    fn form_op(&self, form: &JsValue, value: &JsValue) -> Result<Op, Outcome> {
        let Form { add, actor, target } = from_js(form, "form")?;
        let draft: UserDraft = from_js(value, "")?;
        Ok(match (add, target) {
            (true, _) => Op::AddUser { actor, user: draft },
            (false, target) => Op::EditUser { actor, target: target.unwrap_or_default(), patch: draft },
        })
    }
}

/// Which form a schema validates: `{type: "addUser", actor}` or
/// `{type: "editUser", actor, target}`.
struct Form {
    add: bool,
    actor: String,
    target: Option<String>,
}

impl FromJson for Form {
    fn from_json(r: &mut Reader<'_>) -> Result<Self, JsonError> {
        let (mut kind, mut actor, mut target) = (None, None, None);
        r.object("form", &["type", "actor", "target"], |r, i| {
            match i {
                0 => kind = Some(r.one_of(&["addUser", "editUser"])?),
                1 => actor = Some(r.string()?),
                _ => target = r.optional()?,
            }
            Ok(())
        })?;
        let add = kind.ok_or_else(|| r.missing("type"))? == 0;
        let actor = actor.ok_or_else(|| r.missing("actor"))?;
        match (add, &target) {
            (true, Some(_)) => Err(r.fail_key("target", "an addUser form has no target")),
            (false, None) => Err(r.missing("target")),
            _ => Ok(Form { add, actor, target }),
        }
    }
}

/// A list of names as a JS array of strings.
fn names<'a>(list: impl IntoIterator<Item = &'a str>) -> JsValue {
    list.into_iter().map(JsValue::from_str).collect::<js_sys::Array>().into()
}

/// Every capability name of the role matrix (RULES §3), in the matrix's order: the rows
/// of a capability table, so a page never keeps its own list.
#[wasm_bindgen(js_name = capabilityNames)]
pub fn capability_names() -> JsValue {
    names(Capability::ALL.iter().map(|c| c.as_str()))
}

/// Every role, least to most powerful: the options of a role picker.
#[wasm_bindgen(js_name = roleNames)]
pub fn role_names() -> JsValue {
    names(crate::Role::ALL.iter().map(|r| r.as_str()))
}

/// The codes that end a check (a user who may not act learns nothing more): when an
/// answer holds one, its other fields were not checked.
#[wasm_bindgen(js_name = permissionCodes)]
pub fn permission_codes() -> JsValue {
    names(crate::Problem::PERMISSION_CODES)
}

/// The English message table: `{key: {message, hint}}`, each template a string or a
/// list of alternatives (the first whose `{param}` holes all have a value is used), keys
/// `code` or `code.variant`. Where a translator starts: `setMessages` takes the same shape.
#[wasm_bindgen(js_name = englishMessages)]
pub fn english_messages() -> JsValue {
    let templates = |list: &[&str]| -> JsValue {
        match list {
            [] => JsValue::NULL,
            [one] => JsValue::from_str(one),
            many => names(many.iter().copied()),
        }
    };
    let table = js_sys::Object::new();
    for (key, message, hint) in crate::messages::ENGLISH {
        let entry = js_sys::Object::new();
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&entry, &JsValue::from_str("message"), &templates(message));
        let _ = Reflect::set(&entry, &JsValue::from_str("hint"), &templates(hint));
        let _ = Reflect::set(&table, &JsValue::from_str(key), &entry);
    }
    table.into()
}

/// Parses a schedule: the `parseSchedule` Outcome (canonical form and week, or the
/// violation with its offset).
#[wasm_bindgen(js_name = parseSchedule)]
pub fn parse_schedule(text: &str) -> JsValue {
    outcome_js(&crate::ops::schedule_outcome(text), None)
}
