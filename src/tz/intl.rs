//! UTC offsets in WebAssembly from the host's `Intl.DateTimeFormat`: the browser or
//! Node already carries a tz database, so the `.wasm` does not.
//!
//! One formatter per zone is cached (creating one costs far more than using it).
//! An unknown zone makes the `Intl` constructor throw; the binding catches that and
//! the answer is `None`, as natively for a zone jiff does not know.

use std::cell::RefCell;
use std::collections::BTreeMap;

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat`.
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type Dtf;

    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locale: &str, options: &Object) -> Result<Dtf, JsValue>;

    #[wasm_bindgen(catch, method, js_name = formatToParts)]
    fn format_to_parts(this: &Dtf, epoch_ms: f64) -> Result<Array, JsValue>;
}

thread_local! {
    static FORMATS: RefCell<BTreeMap<String, Option<Dtf>>> = const { RefCell::new(BTreeMap::new()) };
}

fn formatter(zone: &str) -> Option<Dtf> {
    let options = Object::new();
    let set = |k: &str, v: &str| Reflect::set(&options, &k.into(), &v.into()).is_ok();
    let all_set = set("timeZone", zone)
        && set("hourCycle", "h23")
        && ["year", "month", "day", "hour", "minute", "second"].iter().all(|k| set(k, "numeric"));
    if !all_set {
        return None;
    }
    Dtf::new("en-US", &options).ok()
}

/// The local civil time of `epoch_ms` in the formatter's zone, as seconds since the
/// Unix epoch read as local time.
fn local_seconds(dtf: &Dtf, epoch_ms: f64) -> Option<i64> {
    let parts = dtf.format_to_parts(epoch_ms).ok()?;
    let (mut y, mut mo, mut d, mut h, mut mi, mut s) = (None, None, None, None, None, None);
    for part in parts.iter() {
        let part: &Object = part.dyn_ref()?;
        let kind = Reflect::get(part, &"type".into()).ok()?.as_string()?;
        let value = || Reflect::get(part, &"value".into()).ok()?.as_string()?.parse::<i64>().ok();
        match kind.as_str() {
            "year" => y = value(),
            "month" => mo = value(),
            "day" => d = value(),
            // Some engines print midnight as 24 even with `h23`.
            "hour" => h = value().map(|h| h % 24),
            "minute" => mi = value(),
            "second" => s = value(),
            _ => {}
        }
    }
    Some(super::days_from_civil(y?, mo?, d?) * super::DAY + h? * 3600 + mi? * 60 + s?)
}

/// The UTC offset in seconds of `zone` at the Unix instant `unix`, from `Intl`.
pub fn offset_at(zone: &str, unix: i64) -> Option<i32> {
    FORMATS.with(|cache| {
        let mut cache = cache.try_borrow_mut().ok()?;
        let dtf = cache.entry(zone.to_owned()).or_insert_with(|| formatter(zone)).as_ref()?;
        // A Date holds ±8.64e15 ms; within that, `unix * 1000` is exact in an f64.
        let ms = (unix.unsigned_abs() < 8_640_000_000_000).then_some(unix as f64 * 1000.0)?;
        let offset = local_seconds(dtf, ms)? - unix;
        i32::try_from(offset).ok().filter(|o| o.abs() < 86_400)
    })
}
