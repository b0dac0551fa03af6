//! The words of a course's text as a learner reads them on screen: runs of letters and digits.
//! Markdown punctuation, quotes and code ticks fall away, so a word of the source is on screen
//! exactly when the same run of letters and digits is, whole, on one line (a word cut by a
//! wrap or by the pane's edge is not).

use std::collections::HashSet;

/// The words of `text`, in order.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The words of `wanted` that are not on `screen`.
pub fn missing<'a>(wanted: &'a [String], screen: &str) -> Vec<&'a str> {
    let on_screen: HashSet<String> = screen.lines().flat_map(words).collect();
    wanted
        .iter()
        .filter(|w| !on_screen.contains(*w))
        .map(String::as_str)
        .collect()
}
