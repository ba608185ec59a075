//! Normalised rules: what the parser produces, the printer prints and the
//! evaluator turns into a weekly table.

use super::Weekday;

/// One rule: the days it names and what it says about them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Rule {
    /// Day ranges as written; empty means every day.
    pub(super) days: Vec<DayRange>,
    /// What the rule says about its days.
    pub(super) body: Body,
}

impl Rule {
    /// A rule without days, covering the whole week.
    pub(super) fn every_day(body: Body) -> Rule {
        Rule { days: Vec::new(), body }
    }

    /// The days the rule names, bit `i` for `Weekday::from_index(i)`.
    pub(super) fn day_mask(&self) -> u8 {
        if self.days.is_empty() {
            return 0x7f;
        }
        self.days.iter().fold(0, |mask, range| mask | range.mask())
    }
}

/// `first-last`, possibly wrapping the week (`Fr-Mo`); `first == last` is one day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct DayRange {
    pub(super) first: Weekday,
    pub(super) last: Weekday,
}

impl DayRange {
    fn mask(self) -> u8 {
        let mut mask = 0u8;
        let mut day = self.first;
        // At most seven steps: `next` cycles through every day.
        for _ in 0..7 {
            mask |= 1 << day.index();
            if day == self.last {
                break;
            }
            day = day.next();
        }
        mask
    }
}

/// What a rule says about its days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Body {
    /// Open the whole day (days alone, `all day`, `24/7`).
    AllDay,
    /// Closed the whole day (`off`).
    Off,
    /// Open in these spans, as written; never empty, never overlapping.
    Spans(Vec<RawSpan>),
}

/// A span as written, in minutes from the start of its day: `start < 1440` and
/// `start < end <= start + 1440`, so an overnight span has `end > 1440`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct RawSpan {
    pub(super) start: u16,
    pub(super) end: u16,
}

impl RawSpan {
    pub(super) fn overlaps(self, other: RawSpan) -> bool {
        self.start < other.end && other.start < self.end
    }
}
