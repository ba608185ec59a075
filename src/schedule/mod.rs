//! Weekly schedules: when a user takes calls.
//!
//! The canonical syntax is a strict subset of OpenStreetMap `opening_hours`, and on
//! that subset the meaning is that of the npm package `opening_hours`. Friendlier
//! input (`Mon-Fri 9:30 am to 6 pm`) is accepted and normalised to the canonical
//! form (`Mo-Fr 09:30-18:00`).
//!
//! # Grammar
//!
//! The canonical form, which [`Schedule::canonical`] prints:
//!
//! ```text
//! schedule := "24/7" | "off" | rule ("; " rule)*
//! rule     := days | [days " "] spans | days " off"
//! days     := range ("," range)*
//! range    := day ["-" day]
//! day      := "Mo" | "Tu" | "We" | "Th" | "Fr" | "Sa" | "Su"
//! spans    := span ("," span)*
//! span     := time "-" time
//! time     := HH ":" MM
//! ```
//!
//! [`Schedule::parse`] also accepts, case-insensitively:
//!
//! ```text
//! day      := "Mo" | "Mon" | "Monday" | "Tu" | "Tue" | "Tues" | "Tuesday"
//!           | "We" | "Wed" | "Wednesday" | "Th" | "Thu" | "Thur" | "Thurs"
//!           | "Thursday" | "Fr" | "Fri" | "Friday" | "Sa" | "Sat" | "Saturday"
//!           | "Su" | "Sun" | "Sunday"
//! dash     := ws* ("-" | "–" | "—") ws* | ws+ "to" ws+
//! time     := H[H] ":" MM | H[H] [":" MM] ws* ("am" | "pm" | "a.m." | "p.m.")
//! all-day  := "24/7" | "all" (ws+ | "-") "day"
//! closed   := "off" | "closed"
//! rule     := all-day | closed | spans | days [ws+ (all-day | closed | spans)]
//! ```
//!
//! with any whitespace around `;`, `,` and dashes, around the whole text, and a
//! trailing `;`. `12am` is midnight and `12pm` noon.
//!
//! # Meaning
//!
//! - A start runs from `00:00` to `23:59`, an end from `00:00` to `24:00`. An end
//!   before the start runs past midnight into the next day; an end equal to the
//!   start is 24 hours later (`00:00-00:00` is the whole day).
//! - A rule of days alone is open all day on them.
//! - A later rule with days replaces everything earlier rules said about the days it
//!   names, including the part of the previous day's overnight span that runs into them.
//! - A rule without days covers every day and adds its spans to what the rules before
//!   it say (`Mo-Fr 09:00-12:00; 14:00-16:00` is 9–12 and 14–16 on weekdays, 14–16 at
//!   the weekend), as opening_hours.js reads it. Following another rule without days,
//!   it replaces everything before it (opening_hours.js again); `off` without days
//!   closes every day.
//! - Two spans of one rule that overlap (as intervals from the day's start, an
//!   overnight span reaching past 24:00) are an error.
//!
//! Text is limited to 1024 characters.

mod error;
mod eval;
mod parse;
mod print;
mod rule;

use core::fmt;

pub use self::error::{Reason, ScheduleError, ScheduleErrorKind};

/// Minutes in a day.
pub const MINUTES_PER_DAY: u16 = 1440;

/// A day of the week, Monday first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Weekday {
    /// Monday.
    Mo,
    /// Tuesday.
    Tu,
    /// Wednesday.
    We,
    /// Thursday.
    Th,
    /// Friday.
    Fr,
    /// Saturday.
    Sa,
    /// Sunday.
    Su,
}

impl Weekday {
    /// Every day, Monday first.
    pub const ALL: [Weekday; 7] =
        [Weekday::Mo, Weekday::Tu, Weekday::We, Weekday::Th, Weekday::Fr, Weekday::Sa, Weekday::Su];

    /// The day at `index` (Monday = 0), or `None` from 7 on.
    pub fn from_index(index: usize) -> Option<Weekday> {
        Weekday::ALL.get(index).copied()
    }

    /// The day's index, Monday = 0 … Sunday = 6.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The following day; Sunday is followed by Monday.
    pub fn next(self) -> Weekday {
        match self {
            Weekday::Mo => Weekday::Tu,
            Weekday::Tu => Weekday::We,
            Weekday::We => Weekday::Th,
            Weekday::Th => Weekday::Fr,
            Weekday::Fr => Weekday::Sa,
            Weekday::Sa => Weekday::Su,
            Weekday::Su => Weekday::Mo,
        }
    }

    /// The two-letter name used in the canonical syntax, such as `Mo`.
    pub fn short_name(self) -> &'static str {
        match self {
            Weekday::Mo => "Mo",
            Weekday::Tu => "Tu",
            Weekday::We => "We",
            Weekday::Th => "Th",
            Weekday::Fr => "Fr",
            Weekday::Sa => "Sa",
            Weekday::Su => "Su",
        }
    }
}

impl fmt::Display for Weekday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.short_name())
    }
}

/// An open span within one day, in minutes from midnight: `start < end <= 1440`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First open minute.
    pub start: u16,
    /// First closed minute after the span; 1440 is the end of the day.
    pub end: u16,
}

impl Span {
    /// Whether `minute` lies within the span.
    pub fn contains(&self, minute: u16) -> bool {
        self.start <= minute && minute < self.end
    }
}

impl fmt::Display for Span {
    /// Prints `HH:MM-HH:MM`, with `24:00` as an end at midnight.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        print::write_time(f, self.start)?;
        f.write_str("-")?;
        print::write_time(f, self.end)
    }
}

/// A parsed weekly schedule.
///
/// Two schedules are equal when they are open at the same minutes of the week
/// (their [`weekly`](Schedule::weekly) tables are equal), even if written
/// differently: `Mo-Fr 09:00-18:00` equals `Mo,Tu,We,Th,Fr 9am-6pm`, though their
/// canonical strings differ.
#[derive(Clone, Debug)]
pub struct Schedule {
    /// The normalised rules, printed by `canonical`.
    rules: Vec<rule::Rule>,
    /// INVARIANT: computed from `rules` by `eval::weekly_table`.
    weekly: [Vec<Span>; 7],
}

impl Schedule {
    /// Parses canonical or friendly schedule text.
    ///
    /// # Errors
    ///
    /// [`ScheduleErrorKind::Invalid`] when the text is outside the accepted
    /// grammar (its [`Reason`] says why), [`ScheduleErrorKind::Overlap`] when two
    /// spans of one rule overlap; the offset counts `char`s into `text`.
    ///
    /// # Example
    ///
    /// ```
    /// use roster_rules::schedule::Schedule;
    ///
    /// let schedule = Schedule::parse("Mon-Fri 9:30 am to 6 pm")?;
    /// assert_eq!(schedule.canonical(), "Mo-Fr 09:30-18:00");
    /// # Ok::<(), roster_rules::schedule::ScheduleError>(())
    /// ```
    pub fn parse(text: &str) -> Result<Schedule, ScheduleError> {
        let rules = parse::parse(text)?;
        let weekly = eval::weekly_table(&rules);
        let schedule = Schedule { rules, weekly };
        // The canonical text must parse again, so it too must fit the cap. Friendly text
        // prints at most about 1.6 times as long (`1am-2am` → `01:00-02:00`), so only
        // text over a quarter of the cap needs the check.
        if text.len() > parse::MAX_CHARS / 4 && schedule.canonical().chars().count() > parse::MAX_CHARS {
            let offset = text.chars().count().min(parse::MAX_CHARS);
            return Err(ScheduleError { kind: ScheduleErrorKind::Invalid(Reason::TooLong), offset });
        }
        Ok(schedule)
    }

    /// The schedule that is always open, `24/7`.
    ///
    /// # Example
    ///
    /// ```
    /// use roster_rules::schedule::Schedule;
    ///
    /// assert_eq!(Schedule::always().canonical(), "24/7");
    /// assert!(Schedule::always().is_always_open());
    /// ```
    pub fn always() -> Schedule {
        let rules = vec![rule::Rule::every_day(rule::Body::AllDay)];
        let weekly = eval::weekly_table(&rules);
        Schedule { rules, weekly }
    }

    /// The schedule that is never open, `off`.
    pub fn never() -> Schedule {
        let rules = vec![rule::Rule::every_day(rule::Body::Off)];
        let weekly = eval::weekly_table(&rules);
        Schedule { rules, weekly }
    }

    /// The canonical text: `24/7`, `off`, or the rules as `Mo-Fr 09:00-18:00; Sa off`.
    ///
    /// Parsing it gives an equal schedule with the same canonical text.
    ///
    /// # Example
    ///
    /// ```
    /// use roster_rules::schedule::Schedule;
    ///
    /// let schedule = Schedule::parse("mon–fri 9am-6pm ;  Sat 10am to 2pm")?;
    /// assert_eq!(schedule.canonical(), "Mo-Fr 09:00-18:00; Sa 10:00-14:00");
    /// # Ok::<(), roster_rules::schedule::ScheduleError>(())
    /// ```
    pub fn canonical(&self) -> String {
        let mut out = String::with_capacity(8 + 20 * self.rules.len());
        // Writing to a String cannot fail.
        let _ = print::write_schedule(&mut out, &self.rules, &self.weekly);
        out
    }

    /// Open spans per day, Monday first: sorted, merged, within the day.
    ///
    /// An overnight span is split at midnight; the part after midnight belongs to
    /// the next day (Sunday's to Monday).
    ///
    /// # Example
    ///
    /// ```
    /// use roster_rules::schedule::{Schedule, Span};
    ///
    /// let schedule = Schedule::parse("Su 22:00-02:00")?;
    /// assert_eq!(schedule.weekly()[0], [Span { start: 0, end: 120 }]);
    /// assert_eq!(schedule.weekly()[6], [Span { start: 1320, end: 1440 }]);
    /// # Ok::<(), roster_rules::schedule::ScheduleError>(())
    /// ```
    pub fn weekly(&self) -> &[Vec<Span>; 7] {
        &self.weekly
    }

    /// Whether the schedule is open on `day` at `minute` past midnight.
    ///
    /// A `minute` of 1440 or more counts on into the following days.
    ///
    /// # Example
    ///
    /// ```
    /// use roster_rules::schedule::{Schedule, Weekday};
    ///
    /// let schedule = Schedule::parse("Mo-Fr 09:00-18:00")?;
    /// assert!(schedule.is_open(Weekday::Mo, 9 * 60));
    /// assert!(!schedule.is_open(Weekday::Mo, 18 * 60));
    /// assert!(!schedule.is_open(Weekday::Sa, 11 * 60 + 30));
    /// # Ok::<(), roster_rules::schedule::ScheduleError>(())
    /// ```
    pub fn is_open(&self, day: Weekday, minute: u16) -> bool {
        eval::is_open(&self.weekly, eval::week_minute(day, minute))
    }

    /// Minutes from `day` at `minute` until the schedule next opens or closes.
    ///
    /// Always more than zero; `None` when it never changes (`24/7`, `off`).
    ///
    /// # Example
    ///
    /// ```
    /// use roster_rules::schedule::{Schedule, Weekday};
    ///
    /// let schedule = Schedule::parse("Mo-Fr 09:00-18:00")?;
    /// // Saturday 11:30 → Monday 09:00.
    /// assert_eq!(schedule.next_change(Weekday::Sa, 11 * 60 + 30), Some(2 * 1440 - 150));
    /// assert_eq!(Schedule::always().next_change(Weekday::Sa, 0), None);
    /// # Ok::<(), roster_rules::schedule::ScheduleError>(())
    /// ```
    pub fn next_change(&self, day: Weekday, minute: u16) -> Option<u32> {
        eval::next_change(&self.weekly, eval::week_minute(day, minute))
    }

    /// Whether the schedule is closed at every minute of the week.
    pub fn is_never_open(&self) -> bool {
        eval::is_never_open(&self.weekly)
    }

    /// Whether the schedule is open at every minute of the week.
    pub fn is_always_open(&self) -> bool {
        eval::is_always_open(&self.weekly)
    }
}

impl PartialEq for Schedule {
    fn eq(&self, other: &Schedule) -> bool {
        self.weekly == other.weekly
    }
}

impl Eq for Schedule {}

/// `HH:MM` of a minute of the day (1440 is `24:00`), as the canonical text writes it.
pub(crate) fn clock(minutes: u16) -> String {
    let mut out = String::with_capacity(5);
    // Writing to a String cannot fail.
    let _ = print::write_time(&mut out, minutes);
    out
}

impl fmt::Display for Schedule {
    /// The canonical text, as [`Schedule::canonical`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        print::write_schedule(f, &self.rules, &self.weekly)
    }
}

impl core::str::FromStr for Schedule {
    type Err = ScheduleError;

    fn from_str(text: &str) -> Result<Schedule, ScheduleError> {
        Schedule::parse(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn weekday_indices_and_names() {
        for (i, day) in Weekday::ALL.into_iter().enumerate() {
            assert_eq!(Weekday::from_index(i), Some(day));
            assert_eq!(day.index(), i);
            assert_eq!(day.next().index(), (i + 1) % 7);
        }
        assert_eq!(Weekday::from_index(7), None);
        assert_eq!(Weekday::Su.next(), Weekday::Mo);
        assert_eq!(Weekday::We.to_string(), "We");
    }

    #[test]
    fn schedules_compare_by_meaning() {
        let a = Schedule::parse("Mo-Fr 09:00-18:00").unwrap();
        let b: Schedule = "Mo,Tu,We,Th,Fr 9am-6pm".parse().unwrap();
        assert_eq!(a, b);
        assert_ne!(a.canonical(), b.canonical());
        assert_eq!(Schedule::always(), Schedule::parse("all day").unwrap());
        assert_eq!(Schedule::never(), Schedule::parse("Sa off").unwrap());
    }

    #[test]
    fn parse_garbage_never_panics() {
        for text in [
            "😀",
            "Mo 😀-😀",
            "\u{0}",
            "Mo\u{202e}Fr",
            "٩:٠٠",
            "Mo 9٠:00-10:00",
            "Mo 10:00-",
            "Mo 10:00–",
            "Mo 1",
            "Mo 12",
            "Mo 123",
            "Mo 9 a",
            "Mo 9 a.",
            "all",
            "all -",
            "24/",
            "Mo-Fr 09:00-18:00,",
            ",",
            "-",
            "–",
            "Mo-Su-Fr",
            "a.m.",
            "Mo 9 p.m",
        ] {
            let _ = Schedule::parse(text);
        }
    }

    /// The rule families of the canonical grammar, for generating text.
    #[derive(Clone, Debug)]
    enum Body {
        AllDay,
        Off,
        Spans(Vec<(u16, u16)>),
    }

    fn rule_strategy() -> impl Strategy<Value = (Vec<(usize, usize)>, Body)> {
        let days = prop::collection::vec((0..7usize, 0..7usize), 0..3);
        let span = (0..1440u16, 0..=1440u16);
        let body = prop_oneof![
            1 => Just(Body::AllDay),
            1 => Just(Body::Off),
            4 => prop::collection::vec(span, 1..4).prop_map(Body::Spans),
        ];
        (days, body)
    }

    fn text_of(rules: &[(Vec<(usize, usize)>, Body)]) -> String {
        let name = |i: usize| Weekday::ALL[i].short_name();
        let time = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
        let rules: Vec<String> = rules
            .iter()
            .map(|(days, body)| {
                let days: Vec<String> = days.iter().map(|&(a, b)| format!("{}-{}", name(a), name(b))).collect();
                let days = days.join(",");
                let body = match body {
                    // Without days, a days-alone rule is spelled as a full day.
                    Body::AllDay if days.is_empty() => "00:00-24:00".to_string(),
                    Body::AllDay => String::new(),
                    Body::Off if days.is_empty() => "off".to_string(),
                    Body::Off => " off".to_string(),
                    Body::Spans(spans) => {
                        let spans: Vec<String> =
                            spans.iter().map(|&(s, e)| format!("{}-{}", time(s), time(e))).collect();
                        let gap = if days.is_empty() { "" } else { " " };
                        format!("{gap}{}", spans.join(","))
                    }
                };
                format!("{days}{body}")
            })
            .collect();
        rules.join("; ")
    }

    /// A minute-by-minute model of the rules' meaning (RULES §4): a rule with days
    /// clears them; a rule without days clears every day only when it is `off` or
    /// follows another rule without days, and otherwise adds.
    fn model(rules: &[(Vec<(usize, usize)>, Body)]) -> Vec<bool> {
        let mut week = vec![false; 7 * 1440];
        let mut previous_dayless = false;
        for (ranges, body) in rules {
            let mut named = [ranges.is_empty(); 7];
            for &(a, b) in ranges {
                let len = (b + 7 - a) % 7;
                for k in 0..=len {
                    named[(a + k) % 7] = true;
                }
            }
            let dayless = ranges.is_empty();
            if !dayless || matches!(body, Body::Off) || previous_dayless {
                for d in (0..7).filter(|&d| named[d]) {
                    week[d * 1440..(d + 1) * 1440].fill(false);
                }
            }
            previous_dayless = dayless;
            for d in (0..7).filter(|&d| named[d]) {
                let spans = match body {
                    Body::AllDay => vec![(0, 1440)],
                    Body::Off => vec![],
                    Body::Spans(spans) => spans.clone(),
                };
                for (s, e) in spans {
                    let (s, e) = (usize::from(s), usize::from(e));
                    let len = if e > s { e - s } else { e + 1440 - s };
                    for k in 0..len {
                        week[(d * 1440 + s + k) % (7 * 1440)] = true;
                    }
                }
            }
        }
        week
    }

    fn minutes_of(schedule: &Schedule) -> Vec<bool> {
        (0..7 * 1440u32).map(|t| schedule.is_open(Weekday::ALL[(t / 1440) as usize], (t % 1440) as u16)).collect()
    }

    /// Text built from a soup of friendly and unsupported tokens.
    fn soup() -> impl Strategy<Value = String> {
        let token = prop::sample::select(vec![
            "Mo", "tue", "Friday", "SU", "-", "–", " to ", ",", ", ", "; ", ";", " ", "9", "12", "09:30", "24:00",
            "00:00", "18:00", ":", "am", " pm", "off", "all day", "24/7", "PH", "Jan", "||", "\"", "+", "sunrise",
            "😀", "é", "25:00",
        ]);
        prop::collection::vec(token, 0..14).prop_map(|tokens| tokens.concat())
    }

    proptest! {
        #[test]
        fn prop_parse_never_panics(text in any::<String>()) {
            let _ = Schedule::parse(&text);
        }

        #[test]
        fn prop_soup_never_panics_and_round_trips(text in soup()) {
            if let Ok(schedule) = Schedule::parse(&text) {
                let again = Schedule::parse(&schedule.canonical()).unwrap();
                prop_assert_eq!(again.weekly(), schedule.weekly());
                prop_assert_eq!(again.canonical(), schedule.canonical());
            }
        }

        #[test]
        fn prop_canonical_round_trips(rules in prop::collection::vec(rule_strategy(), 1..4)) {
            let text = text_of(&rules);
            let schedule = match Schedule::parse(&text) {
                Ok(schedule) => schedule,
                Err(err) => {
                    prop_assert_eq!(err.kind, ScheduleErrorKind::Overlap, "{}", text);
                    return Ok(());
                }
            };
            let canonical = schedule.canonical();
            let again = Schedule::parse(&canonical).unwrap();
            prop_assert_eq!(again.weekly(), schedule.weekly());
            prop_assert_eq!(again.canonical(), canonical);
            prop_assert!(minutes_of(&schedule) == model(&rules), "{}", text);
        }

        #[test]
        fn prop_is_open_agrees_with_weekly(
            rules in prop::collection::vec(rule_strategy(), 1..4),
            day in 0..7usize,
            minute in 0..1440u16,
        ) {
            if let Ok(schedule) = Schedule::parse(&text_of(&rules)) {
                let in_table = schedule.weekly()[day].iter().any(|s| s.contains(minute));
                prop_assert_eq!(schedule.is_open(Weekday::ALL[day], minute), in_table);
            }
        }

        #[test]
        fn prop_next_change_lands_on_flip(
            rules in prop::collection::vec(rule_strategy(), 1..4),
            day in 0..7usize,
            minute in 0..1440u16,
        ) {
            if let Ok(schedule) = Schedule::parse(&text_of(&rules)) {
                let minutes = minutes_of(&schedule);
                let t = day * 1440 + usize::from(minute);
                let state = |k: usize| minutes[(t + k) % minutes.len()];
                let first_flip = (1..=minutes.len()).find(|&k| state(k) != state(0));
                let next = schedule.next_change(Weekday::ALL[day], minute);
                prop_assert_eq!(next.map(|n| n as usize), first_flip);
                let constant = schedule.is_always_open() || schedule.is_never_open();
                prop_assert_eq!(next.is_none(), constant);
            }
        }
    }
}
