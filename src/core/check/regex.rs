//! Author patterns under a budget, so that a small course cannot take minutes and gigabytes to
//! compile (500 patterns of `\w{200}x` in 8 KB used to take 5.8 GB).
//!
//! Each pattern is parsed, then its compiled size is estimated from the parse (each Unicode
//! class counted as the UTF-8 byte sequences it compiles to, each repetition as its copies):
//! a pattern estimated over [`PATTERN_SIZE_LIMIT`] is refused without compiling it. Otherwise
//! it is compiled with that limit and whatever the course's budget has left, and its real size
//! counts against the budget, [`COURSE_REGEX_BUDGET`] for the whole course. A failed attempt
//! counts what it may have cost, so the total work stays bounded by the budget.

use regex_syntax::hir::{Class, Hir, HirKind};
use regex_syntax::utf8::Utf8Sequences;

use crate::core::course::{PATTERN_SIZE_LIMIT, Pattern};

/// What all of a course's compiled patterns may take together, in bytes. The built-in course's
/// ~120 patterns take under 1 MiB.
pub const COURSE_REGEX_BUDGET: usize = 16 * 1024 * 1024;

/// Bytes of compiled automaton per unit of [`weight`], measured on Unicode classes (`\w`, `\pL`,
/// `.`): between 15 and 17.
const BYTES_PER_WEIGHT: u64 = 16;

/// How much of the course's budget has been used.
#[derive(Debug, Default)]
pub(crate) struct Budget {
    used: usize,
    /// The budget ran out; the pattern that crossed it has been reported.
    exhausted: bool,
}

/// What became of one pattern.
pub(crate) enum Compiled {
    Ok(Pattern),
    /// Not valid syntax: the parser's message.
    Invalid(String),
    /// Estimated (or found, while compiling) larger than [`PATTERN_SIZE_LIMIT`].
    TooLarge {
        estimate: usize,
    },
    /// Fits on its own, but not in what the course's budget has left (`used` so far).
    OverBudget {
        used: usize,
    },
    /// The budget ran out on an earlier pattern (already reported).
    Skipped,
}

/// Parses `text` and, when `compile`, compiles it within the limits; otherwise checks its
/// estimated size and defers compiling to the first match.
pub(crate) fn compile(
    budget: &mut Budget,
    text: &str,
    case_insensitive: bool,
    compile: bool,
) -> Compiled {
    let hir = match regex_syntax::ParserBuilder::new()
        .case_insensitive(case_insensitive)
        .build()
        .parse(text)
    {
        Ok(hir) => hir,
        Err(err) => return Compiled::Invalid(err.to_string()),
    };
    let estimate =
        usize::try_from(weight(&hir).saturating_mul(BYTES_PER_WEIGHT)).unwrap_or(usize::MAX);
    if estimate > PATTERN_SIZE_LIMIT {
        return Compiled::TooLarge { estimate };
    }
    if !compile {
        return Compiled::Ok(Pattern::deferred(text, case_insensitive, true));
    }
    if budget.exhausted {
        return Compiled::Skipped;
    }
    let left = COURSE_REGEX_BUDGET.saturating_sub(budget.used);
    if estimate > left {
        budget.exhausted = true;
        return Compiled::OverBudget { used: budget.used };
    }
    let limit = left.min(PATTERN_SIZE_LIMIT);
    match Pattern::compile_parsed(text, case_insensitive, &hir, limit) {
        Ok((pattern, size)) => {
            budget.used = budget.used.saturating_add(size.max(estimate));
            Compiled::Ok(pattern)
        }
        Err(err) if err.size_limit().is_some() => {
            budget.used = budget.used.saturating_add(limit);
            if limit < PATTERN_SIZE_LIMIT {
                budget.exhausted = true;
                Compiled::OverBudget {
                    used: budget.used - limit,
                }
            } else {
                Compiled::TooLarge { estimate: limit }
            }
        }
        Err(err) => Compiled::Invalid(err.to_string()),
    }
}

/// A size estimate of the automaton `hir` compiles to, in units of about [`BYTES_PER_WEIGHT`]
/// bytes: literal bytes, class byte ranges, copies of repetitions. Saturates instead of
/// overflowing; costs time in the size of the parse, not of the automaton.
fn weight(hir: &Hir) -> u64 {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => 1,
        HirKind::Literal(literal) => literal.0.len() as u64 + 1,
        HirKind::Class(Class::Bytes(class)) => class.ranges().len() as u64 + 1,
        HirKind::Class(Class::Unicode(class)) => {
            let sequences = class.ranges().iter().map(|range| {
                Utf8Sequences::new(range.start(), range.end())
                    .map(|sequence| sequence.len() as u64)
                    .sum::<u64>()
            });
            sequences.fold(1, u64::saturating_add)
        }
        HirKind::Repetition(repetition) => {
            // Bounded repetitions are copied `max` times; open ones `min` times plus a loop.
            let copies =
                u64::from(repetition.max.unwrap_or(repetition.min).max(repetition.min)) + 1;
            weight(&repetition.sub).saturating_mul(copies)
        }
        HirKind::Capture(capture) => weight(&capture.sub).saturating_add(1),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => {
            parts.iter().map(weight).fold(1, u64::saturating_add)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn estimate(pattern: &str) -> u64 {
        let hir = regex_syntax::Parser::new().parse(pattern).expect("valid");
        weight(&hir) * BYTES_PER_WEIGHT
    }

    #[test]
    fn estimates_are_close_to_the_compiled_size_of_unicode_classes() {
        for pattern in [r"\w{20}", r"\pL{20}", r"\w{50}", r".{100}"] {
            let compiled = Pattern::compile_parsed(
                pattern,
                false,
                &regex_syntax::Parser::new().parse(pattern).expect("valid"),
                usize::MAX,
            );
            let Ok((_, size)) = compiled else {
                // \w{50} is over the limit: the estimate must say so too.
                assert!(estimate(pattern) > PATTERN_SIZE_LIMIT as u64, "{pattern}");
                continue;
            };
            let (estimate, size) = (estimate(pattern), size as u64);
            assert!(
                estimate * 3 > size && estimate < size * 3,
                "{pattern}: estimated {estimate}, compiled {size}"
            );
        }
        assert!(estimate(r"\w{200}x1") > 10 * 1024 * 1024);
        assert!(estimate("((a{1000}){1000}){1000}") > 1 << 30);
        assert!(estimate("^docker build -t app \\.$") < 2048);
    }

    #[test]
    fn the_budget_stops_compiling_once_it_is_spent() {
        let mut budget = Budget::default();
        // About 1.1 MB each: fourteen fit in 16 MiB, the fifteenth does not.
        let mut compiled = 0;
        let mut over = None;
        for i in 0..40 {
            match compile(&mut budget, &format!(r"\w{{20}}x{i}"), false, true) {
                Compiled::Ok(_) => compiled += 1,
                Compiled::OverBudget { used } => over = Some((i, used)),
                Compiled::Skipped => {}
                Compiled::Invalid(e) => panic!("{e}"),
                Compiled::TooLarge { .. } => panic!("fits alone"),
            }
        }
        let (at, used) = over.expect("the budget ran out");
        assert_eq!(at, compiled);
        assert!((10..20).contains(&compiled), "{compiled}");
        assert!(used <= COURSE_REGEX_BUDGET && used > COURSE_REGEX_BUDGET / 2);
        // Deferred patterns are only parsed and estimated, whatever the budget.
        assert!(matches!(
            compile(&mut budget, "^ls$", false, false),
            Compiled::Ok(_)
        ));
        assert!(matches!(
            compile(&mut budget, r"\w{200}", false, false),
            Compiled::TooLarge { .. }
        ));
    }
}
