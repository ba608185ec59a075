//! Evaluation: the weekly table of open spans, and questions asked of it.

use super::rule::{Body, Rule};
use super::{Span, Weekday, MINUTES_PER_DAY};

/// Minutes in a week.
const MINUTES_PER_WEEK: u32 = 7 * MINUTES_PER_DAY as u32;

/// Open spans per day, Monday first.
pub(super) type Week = [Vec<Span>; 7];

/// Applies the rules in order: a rule with days first clears the days it names (an
/// earlier overnight span's part after midnight included, since it lies on the named
/// day), then adds its spans; a rule without days adds its spans to every day (an
/// `off` without days closes every day; the parser has already dropped what a day-less
/// rule after another replaces). A span's part after midnight goes to the next day
/// whether or not the rule names it.
pub(super) fn weekly_table(rules: &[Rule]) -> Week {
    let mut week = Week::default();
    for rule in rules {
        let mask = rule.day_mask();
        let named = || Weekday::ALL.into_iter().filter(move |d| mask & (1 << d.index()) != 0);
        let clears = !rule.days.is_empty() || rule.body == Body::Off;
        for day in named().filter(|_| clears) {
            if let Some(spans) = week.get_mut(day.index()) {
                spans.clear();
            }
        }
        for day in named() {
            match &rule.body {
                Body::Off => {}
                Body::AllDay => add(&mut week, day, 0, MINUTES_PER_DAY),
                Body::Spans(spans) => {
                    for span in spans {
                        add(&mut week, day, span.start, span.end.min(MINUTES_PER_DAY));
                        if span.end > MINUTES_PER_DAY {
                            add(&mut week, day.next(), 0, span.end - MINUTES_PER_DAY);
                        }
                    }
                }
            }
        }
    }
    for spans in &mut week {
        merge(spans);
    }
    week
}

fn add(week: &mut Week, day: Weekday, start: u16, end: u16) {
    if let Some(spans) = week.get_mut(day.index()) {
        if spans.capacity() == 0 {
            // Cheaper than the first push's growth path.
            *spans = Vec::with_capacity(4);
        }
        spans.push(Span { start, end });
    }
}

/// Sorts the spans and joins those that overlap or touch.
fn merge(spans: &mut Vec<Span>) {
    // Insertion sort: a day holds a handful of spans (the text is capped at 1024
    // characters), and the library sort would add 3.4 KB to the `.wasm`.
    for i in 1..spans.len() {
        let mut j = i;
        while j > 0 && spans.get(j - 1) > spans.get(j) {
            spans.swap(j - 1, j);
            j -= 1;
        }
    }
    // `dedup_by` hands each span with the last one kept before it.
    spans.dedup_by(|next, kept| {
        let joins = next.start <= kept.end;
        if joins {
            kept.end = kept.end.max(next.end);
        }
        joins
    });
}

/// `day` at `minute` as minutes since Monday 00:00, wrapped into one week.
pub(super) fn week_minute(day: Weekday, minute: u16) -> u32 {
    (day.index() as u32 * u32::from(MINUTES_PER_DAY) + u32::from(minute)) % MINUTES_PER_WEEK
}

/// Whether the week is open at `t` minutes since Monday 00:00 (`t < 10080`).
pub(super) fn is_open(week: &Week, t: u32) -> bool {
    let day = (t / u32::from(MINUTES_PER_DAY)) as usize;
    let minute = (t % u32::from(MINUTES_PER_DAY)) as u16;
    week.get(day).is_some_and(|spans| spans.iter().any(|span| span.contains(minute)))
}

/// Minutes from `t` until the open state next differs from that at `t`.
///
/// The state is constant between span boundaries, so the next change is at the
/// nearest boundary after `t` whose state differs from the state at `t`.
pub(super) fn next_change(week: &Week, t: u32) -> Option<u32> {
    let now = is_open(week, t);
    let boundaries = week.iter().enumerate().flat_map(|(day, spans)| {
        let base = day as u32 * u32::from(MINUTES_PER_DAY);
        spans.iter().flat_map(move |span| [base + u32::from(span.start), base + u32::from(span.end)])
    });
    boundaries
        .map(|b| b % MINUTES_PER_WEEK)
        .filter(|&b| is_open(week, b) != now)
        .map(|b| match (b + MINUTES_PER_WEEK - t) % MINUTES_PER_WEEK {
            0 => MINUTES_PER_WEEK,
            delta => delta,
        })
        .min()
}

pub(super) fn is_never_open(week: &Week) -> bool {
    week.iter().all(Vec::is_empty)
}

pub(super) fn is_always_open(week: &Week) -> bool {
    let whole = Span { start: 0, end: MINUTES_PER_DAY };
    week.iter().all(|spans| spans.as_slice() == [whole])
}

#[cfg(test)]
mod tests {
    use super::super::{Schedule, Span, Weekday};

    #[track_caller]
    fn weekly(text: &str) -> [Vec<(u16, u16)>; 7] {
        let schedule = Schedule::parse(text).unwrap();
        schedule.weekly().clone().map(|spans| spans.iter().map(|s| (s.start, s.end)).collect())
    }

    const H: u16 = 60;

    #[test]
    fn parse_overnight_span() {
        let week = weekly("Fr 22:00-06:00");
        assert_eq!(week[4], [(22 * H, 24 * H)]);
        assert_eq!(week[5], [(0, 6 * H)]);
        assert!(week[6].is_empty());
    }

    #[test]
    fn weekly_sunday_overnight_wraps_to_monday() {
        let week = weekly("Su 22:00-02:00");
        assert_eq!(week[0], [(0, 2 * H)]);
        assert_eq!(week[6], [(22 * H, 24 * H)]);
    }

    #[test]
    fn weekly_rule_without_days_adds_to_the_days_before_it() {
        // RULES §4, as opening_hours.js reads it.
        let week = weekly("Mo-Fr 09:00-12:00; 14:00-16:00");
        assert_eq!(week[0], [(9 * H, 12 * H), (14 * H, 16 * H)]);
        assert_eq!(week[5], [(14 * H, 16 * H)]);
        // Joined where they touch; an earlier overnight part stays.
        assert_eq!(weekly("Mo 10:00-12:00; 09:00-10:00")[0], [(9 * H, 12 * H)]);
        assert_eq!(weekly("Su 22:00-02:00; 09:00-10:00")[0], [(0, 2 * H), (9 * H, 10 * H)]);
        // After another rule without days, it replaces everything before.
        assert_eq!(weekly("Mo 10:00-12:00; 09:00-10:00; 11:00-12:00")[0], [(11 * H, 12 * H)]);
        assert_eq!(weekly("22:00-02:00; 09:00-10:00")[1], [(9 * H, 10 * H)]);
        // A later rule with days still replaces its days.
        assert_eq!(weekly("09:00-10:00; Mo 12:00-13:00")[0], [(12 * H, 13 * H)]);
    }

    #[test]
    fn weekly_override_replaces_named_days() {
        let week = weekly("Mo-Fr 09:00-18:00; We 10:00-12:00");
        assert_eq!(week[1], [(9 * H, 18 * H)]);
        assert_eq!(week[2], [(10 * H, 12 * H)]);
    }

    #[test]
    fn weekly_override_across_midnight() {
        // Saturday is named by the later rule: Friday's overnight part goes.
        let week = weekly("Fr 22:00-06:00; Sa 10:00-12:00");
        assert_eq!(week[4], [(22 * H, 24 * H)]);
        assert_eq!(week[5], [(10 * H, 12 * H)]);
        assert_eq!(weekly("Fr 22:00-06:00; Sa off")[5], []);
        // Friday is renamed, Saturday is not: the earlier part on Saturday stays
        // (as in opening_hours.js).
        let week = weekly("Fr 22:00-06:00; Fr 10:00-12:00");
        assert_eq!(week[4], [(10 * H, 12 * H)]);
        assert_eq!(week[5], [(0, 6 * H)]);
        // A later overnight span adds to the next day.
        assert_eq!(weekly("Sa 10:00-12:00; Fr 22:00-06:00")[5], [(0, 6 * H), (10 * H, 12 * H)]);
        assert_eq!(weekly("Su 22:00-06:00; Mo off")[0], []);
    }

    #[test]
    fn weekly_equal_start_and_end_is_24_hours() {
        assert_eq!(weekly("00:00-00:00"), std::array::from_fn(|_| vec![(0, 24 * H)]));
        let week = weekly("Mo 10:00-10:00");
        assert_eq!(week[0], [(10 * H, 24 * H)]);
        assert_eq!(week[1], [(0, 10 * H)]);
    }

    #[test]
    fn weekly_wrapping_day_ranges() {
        let week = weekly("Fr-Mo 09:00-10:00");
        let open: Vec<bool> = week.iter().map(|d| !d.is_empty()).collect();
        assert_eq!(open, [true, false, false, false, true, true, true]);
        let week = weekly("Su-Mo");
        assert_eq!(week[6], [(0, 24 * H)]);
        assert_eq!(week[0], [(0, 24 * H)]);
        assert!(week[1].is_empty());
        assert_eq!(weekly("Tu-Mo 10:00-11:00"), std::array::from_fn(|_| vec![(10 * H, 11 * H)]));
    }

    #[test]
    fn weekly_days_only_rule_is_open_all_day() {
        let week = weekly("Mo-Fr");
        assert_eq!(week[0], [(0, 24 * H)]);
        assert!(week[5].is_empty());
    }

    #[test]
    fn weekly_splits_and_merges() {
        let week = weekly("Mo-Tu 22:00-02:00");
        assert_eq!(week[0], [(22 * H, 24 * H)]);
        assert_eq!(week[1], [(0, 2 * H), (22 * H, 24 * H)]);
        assert_eq!(week[2], [(0, 2 * H)]);
        assert_eq!(weekly("Mo 12:00-13:00,09:00-12:00")[0], [(9 * H, 13 * H)]);
        assert_eq!(weekly("Mo 22:00-02:00,01:00-03:00")[0], [(H, 3 * H), (22 * H, 24 * H)]);
    }

    #[test]
    fn is_open_at_boundaries() {
        let s = Schedule::parse("Mo-Fr 09:00-18:00").unwrap();
        assert!(!s.is_open(Weekday::Mo, 9 * H - 1));
        assert!(s.is_open(Weekday::Mo, 9 * H));
        assert!(s.is_open(Weekday::Fr, 18 * H - 1));
        assert!(!s.is_open(Weekday::Fr, 18 * H));
        // Minutes past the day run on into the next day.
        assert!(s.is_open(Weekday::Mo, 24 * H + 9 * H));
        assert!(s.is_open(Weekday::Su, 24 * H + 9 * H));
        // 65535 minutes after Sunday 00:00 is Wednesday 12:15.
        assert!(s.is_open(Weekday::Su, u16::MAX));
    }

    #[test]
    fn next_change_within_day() {
        let s = Schedule::parse("Mo-Fr 09:00-18:00").unwrap();
        assert_eq!(s.next_change(Weekday::Mo, 8 * H), Some(60));
        assert_eq!(s.next_change(Weekday::Mo, 9 * H), Some(9 * 60));
        assert_eq!(s.next_change(Weekday::Mo, 18 * H), Some(15 * 60));
    }

    #[test]
    fn next_change_across_week_end() {
        let s = Schedule::parse("Mo-Fr 09:00-18:00").unwrap();
        // Friday 18:00 → Monday 09:00.
        assert_eq!(s.next_change(Weekday::Fr, 18 * H), Some(2 * 1440 + 15 * 60));
        assert_eq!(s.next_change(Weekday::Su, 23 * H), Some(10 * 60));
        // Open from Sunday 22:00 through Monday 02:00 without a change at midnight.
        let s = Schedule::parse("Su 22:00-02:00").unwrap();
        assert_eq!(s.next_change(Weekday::Su, 23 * H), Some(3 * 60));
        assert_eq!(s.next_change(Weekday::Mo, 2 * H), Some(6 * 1440 + 20 * 60));
        // A single opening: the next change after it closes is a week on.
        let s = Schedule::parse("We 10:00-11:00").unwrap();
        assert_eq!(s.next_change(Weekday::We, 11 * H), Some(7 * 1440 - 60));
    }

    #[test]
    fn next_change_never_for_constant_schedules() {
        for text in ["24/7", "off", "Mo-Su", "Sa off", "00:00-00:00"] {
            let s = Schedule::parse(text).unwrap();
            assert_eq!(s.next_change(Weekday::We, 600), None, "{text}");
        }
        let s = Schedule::parse("Mo-Sa").unwrap();
        assert_eq!(s.next_change(Weekday::Mo, 0), Some(6 * 1440));
    }

    #[test]
    fn always_and_never_open() {
        assert!(Schedule::parse("24/7").unwrap().is_always_open());
        assert!(Schedule::parse("Mo-Fr; Sa-Su").unwrap().is_always_open());
        assert!(Schedule::parse("Sa off").unwrap().is_never_open());
        assert!(!Schedule::parse("Mo 00:00-00:01").unwrap().is_never_open());
        let one = Span { start: 0, end: 1 };
        assert!(one.contains(0) && !one.contains(1));
    }
}
