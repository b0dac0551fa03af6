//! Dates and the review history of a question, as the progress file stores them.
//!
//! A [`Day`] is a calendar date (UTC), stored as `YYYY-MM-DD`. The core has no clock: the
//! caller converts "now" with [`Day::from_unix`]. A [`ReviewEvent`] is one answer given in a
//! review session, stored as `"2025-11-24 correct"`, so the file stays readable.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A calendar day (UTC), as the number of days since 1970-01-01 (the default).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(try_from = "String", into = "String")]
pub struct Day(pub i32);

const SECS_PER_DAY: u64 = 86_400;

impl Day {
    /// The day `secs` seconds after the Unix epoch falls on, in UTC.
    pub fn from_unix(secs: u64) -> Self {
        Self(i32::try_from(secs / SECS_PER_DAY).unwrap_or(i32::MAX))
    }

    /// The date from year, month (1–12) and day of month (1–31), or `None` if there is no
    /// such date.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        // Days from civil (H. Hinnant's algorithm): years start in March.
        let year = if month <= 2 { year - 1 } else { year };
        let era = year.div_euclid(400);
        let year_of_era = year.rem_euclid(400);
        let month = i32::try_from(month).ok()?;
        let shifted = if month > 2 { month - 3 } else { month + 9 };
        let day_of_year = (153 * shifted + 2) / 5 + i32::try_from(day).ok()? - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        Some(Self(era * 146_097 + day_of_era - 719_468))
    }

    /// Year, month (1–12) and day of month.
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted + 2) / 5 + 1;
        let month = if shifted < 10 {
            shifted + 3
        } else {
            shifted - 9
        };
        let year = year_of_era + era * 400 + i32::from(month <= 2);
        let as_u32 = |n: i32| u32::try_from(n).unwrap_or(1);
        (year, as_u32(month), as_u32(day))
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.ymd();
        write!(f, "{year:04}-{month:02}-{day:02}")
    }
}

impl FromStr for Day {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("{text:?} is not a date like 2025-11-24");
        let mut parts = text.splitn(3, '-');
        let mut next = || parts.next().ok_or_else(bad);
        let (year, month, day) = (next()?, next()?, next()?);
        let ok = year.len() == 4
            && month.len() == 2
            && day.len() == 2
            && [year, month, day]
                .iter()
                .all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        if !ok {
            return Err(bad());
        }
        let number = |p: &str| p.parse::<u32>().map_err(|_| bad());
        let year = i32::try_from(number(year)?).map_err(|_| bad())?;
        Self::from_ymd(year, number(month)?, number(day)?).ok_or_else(bad)
    }
}

impl TryFrom<String> for Day {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        text.parse()
    }
}

impl From<Day> for String {
    fn from(day: Day) -> String {
        day.to_string()
    }
}

/// How a question was answered in a review session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReviewOutcome {
    Missed,
    /// The learner asked for the answer.
    Revealed,
    Correct,
}

impl ReviewOutcome {
    fn as_str(self) -> &'static str {
        match self {
            Self::Missed => "missed",
            Self::Revealed => "revealed",
            Self::Correct => "correct",
        }
    }
}

/// One answer in a review session: when, and how it went.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ReviewEvent {
    pub day: Day,
    pub outcome: ReviewOutcome,
}

impl fmt::Display for ReviewEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.day, self.outcome.as_str())
    }
}

impl FromStr for ReviewEvent {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("{text:?} is not like \"2025-11-24 correct\"");
        let (day, outcome) = text.split_once(' ').ok_or_else(bad)?;
        let outcome = match outcome {
            "missed" => ReviewOutcome::Missed,
            "revealed" => ReviewOutcome::Revealed,
            "correct" => ReviewOutcome::Correct,
            _ => return Err(bad()),
        };
        Ok(Self {
            day: day.parse()?,
            outcome,
        })
    }
}

impl TryFrom<String> for ReviewEvent {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        text.parse()
    }
}

impl From<ReviewEvent> for String {
    fn from(event: ReviewEvent) -> String {
        event.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_convert_to_and_from_dates() {
        assert_eq!(Day(0).to_string(), "1970-01-01");
        assert_eq!(Day::from_unix(1_764_000_000).to_string(), "2025-11-24");
        assert_eq!(Day::from_unix(86_399), Day(0));
        assert_eq!("2024-02-29".parse(), Ok(Day(19_782)));
        for n in (-719_000..2_900_000).step_by(997) {
            let day = Day(n);
            assert_eq!(day.to_string().parse::<Day>(), Ok(day), "{day}");
        }
    }

    #[test]
    fn malformed_dates_are_errors() {
        for text in [
            "",
            "2025-13-01",
            "2025-02-30",
            "2023-02-29",
            "25-11-24",
            "2025-1-24",
            "2025-11-24x",
            "tomorrow",
        ] {
            assert!(text.parse::<Day>().is_err(), "{text}");
        }
    }

    #[test]
    fn review_events_are_readable_text() {
        let event = ReviewEvent {
            day: Day::from_unix(1_764_000_000),
            outcome: ReviewOutcome::Correct,
        };
        assert_eq!(event.to_string(), "2025-11-24 correct");
        assert_eq!("2025-11-24 correct".parse(), Ok(event));
        for text in [
            "2025-11-24",
            "2025-11-24  missed",
            "2025-11-24 wrong",
            "missed 2025-11-24",
        ] {
            assert!(text.parse::<ReviewEvent>().is_err(), "{text}");
        }
    }
}
