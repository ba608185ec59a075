//! The schedule parser (RULES §4) on arbitrary text: no panic; a parsed schedule's
//! canonical string parses again to the same schedule (same canonical, same weekly
//! table); the weekly table is well formed; `24/7` and `off` mean what they say; the
//! error offset lies within the text; `next_change` really is a change.
#![no_main]

use libfuzzer_sys::fuzz_target;
use roster_rules::schedule::{Schedule, Weekday};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let parsed = Schedule::parse(&text);
    // The op every front-end offers must agree with the typed parser.
    let outcome = roster_rules::ops::schedule_outcome(&text);
    let schedule = match parsed {
        Err(e) => {
            assert!(!outcome.ok && outcome.schedule.is_none(), "{text:?}: parse failed but the op did not");
            assert!(e.offset <= text.chars().count(), "{text:?}: offset {} past the end", e.offset);
            return;
        }
        Ok(s) => s,
    };
    let canonical = schedule.canonical();
    let view = outcome.schedule.expect("a parsed schedule has a view");
    assert_eq!(view.canonical, canonical);

    let again =
        Schedule::parse(&canonical).unwrap_or_else(|e| panic!("{text:?} → {canonical:?} does not parse: {e:?}"));
    assert_eq!(again.canonical(), canonical, "canonical of {text:?} is not a fixed point");
    assert_eq!(again.weekly(), schedule.weekly(), "{text:?} → {canonical:?} changes the week");

    for day in schedule.weekly() {
        let mut last_end = None;
        for span in day {
            assert!(span.start < span.end && span.end <= 1440, "{text:?}: bad span {span:?}");
            // Sorted and merged: each span starts after the previous one ended.
            assert!(last_end.is_none_or(|e| e < span.start), "{text:?}: unmerged spans {day:?}");
            last_end = Some(span.end);
        }
    }
    assert_eq!(schedule.is_always_open(), canonical == "24/7", "{text:?} → {canonical:?}");
    assert_eq!(schedule.is_never_open(), canonical == "off", "{text:?} → {canonical:?}");

    // A few instants picked from the input: the next change flips the state.
    let pick = |i: usize| data.get(i).copied().unwrap_or(0);
    for i in 0..4 {
        let day = Weekday::from_index(usize::from(pick(i)) % 7).expect("0..7 is a weekday");
        let minute = (u16::from(pick(i + 4)) * 7 + u16::from(pick(i + 8))) % 1440;
        let open = schedule.is_open(day, minute);
        match schedule.next_change(day, minute) {
            None => assert!(schedule.is_always_open() || schedule.is_never_open(), "{text:?}: no change"),
            Some(d) => {
                assert!(d > 0 && d <= 7 * 1440, "{text:?}: change in {d} minutes");
                let at = u16::try_from(u32::from(minute) + d).expect("within two weeks");
                assert_ne!(schedule.is_open(day, at), open, "{text:?}: {day} {minute} + {d} is no change");
                assert_eq!(schedule.is_open(day, at - 1), open, "{text:?}: changed before {day} {minute} + {d}");
            }
        }
    }
});
