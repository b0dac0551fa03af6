//! Whether a course's `single` quizzes can be answered without reading them: the right choice
//! is the longest one, or in the same place, in more than half of them.
//!
//! Learners who are unsure pick the longest, most qualified answer, and notice where right
//! answers usually are. The player shuffles choices per learner, but previews, snapshots and a
//! player without a saved seed show the author's order, so both are worth a warning.

use std::fmt::Write as _;

use super::{Checker, FileCx};

/// Fewer `single` quizzes than this are too few to call a pattern.
pub(super) const MIN_QUIZZES: usize = 4;

/// Notes list at most this many quizzes.
const LISTED: usize = 5;

/// What the lint needs of one `single` quiz.
#[derive(Debug, Clone)]
pub(crate) struct SingleChoice {
    /// `path:line:col` of the quiz.
    pub at: String,
    /// Each choice's length in characters, in the author's order.
    pub lengths: Vec<usize>,
    pub correct: usize,
}

impl SingleChoice {
    fn correct_is_longest(&self) -> bool {
        let right = self.lengths.get(self.correct).copied().unwrap_or(0);
        self.lengths
            .iter()
            .enumerate()
            .all(|(i, len)| i == self.correct || *len < right)
    }
}

/// Warns (at the course file) when the course's `single` quizzes are guessable.
pub(super) fn lint(cx: &mut Checker<'_>, course_file: &FileCx) {
    let quizzes = std::mem::take(&mut cx.single_choices);
    let total = quizzes.len();
    if total < MIN_QUIZZES {
        return;
    }
    let longest: Vec<&SingleChoice> = quizzes.iter().filter(|q| q.correct_is_longest()).collect();
    if longest.len() * 2 > total {
        warn(
            cx,
            course_file,
            format!(
                "the right choice is the longest in {} of {total} `single` quizzes",
                longest.len()
            ),
            &longest,
            "help: learners who are unsure pick the longest answer; make wrong choices as long \
             and specific as the right one, or the right one shorter",
        );
    }
    let max_choices = quizzes.iter().map(|q| q.lengths.len()).max().unwrap_or(0);
    let mut places: Vec<(String, Vec<&SingleChoice>)> = (0..max_choices)
        .map(|k| {
            let at_k = quizzes.iter().filter(|q| q.correct == k).collect();
            (ordinal(k + 1), at_k)
        })
        .collect();
    let last = quizzes
        .iter()
        .filter(|q| q.correct + 1 == q.lengths.len())
        .collect();
    places.push(("last".to_owned(), last));
    if let Some((place, same)) = places.into_iter().find(|(_, qs)| qs.len() * 2 > total) {
        warn(
            cx,
            course_file,
            format!(
                "the right choice is the {place} one in {} of {total} `single` quizzes",
                same.len()
            ),
            &same,
            "help: vary where the right choice is written; the player shuffles choices for each \
             learner, but previews, snapshots and a first run without saved progress show them \
             in this order",
        );
    }
}

fn warn(
    cx: &mut Checker<'_>,
    course_file: &FileCx,
    message: String,
    quizzes: &[&SingleChoice],
    help: &str,
) {
    let listed: Vec<&str> = quizzes.iter().take(LISTED).map(|q| q.at.as_str()).collect();
    let more = quizzes.len().saturating_sub(LISTED);
    let mut note = format!("note: {}", listed.join(", "));
    if more > 0 {
        let _ = write!(note, " and {more} more");
    }
    cx.warning(course_file, 0..0, message)
        .with_label("answerable without reading the questions")
        .with_note(note)
        .with_note(help);
}

fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;

    use crate::core::load::{COURSE_FILE, LoadOptions, load_with_warnings};
    use crate::core::source::MemorySource;

    /// A course with one `single` quiz per entry: its choices, the right one first (`*`).
    fn warnings(quizzes: &[&[&str]]) -> Vec<String> {
        let mut course = String::from(
            "format = 1\nid = \"c\"\ntitle = \"C\"\n[[node]]\nid = \"n\"\ntitle = \"N\"\n",
        );
        for (i, choices) in quizzes.iter().enumerate() {
            let _ = write!(
                course,
                "[[node.step]]\nid = \"q{i}\"\ntitle = \"Q\"\n[node.step.quiz]\nkind = \"single\"\nquestion = \"?\"\n"
            );
            for choice in *choices {
                let (text, correct) = match choice.strip_prefix('*') {
                    Some(text) => (text, true),
                    None => (*choice, false),
                };
                let _ = write!(
                    course,
                    "[[node.step.quiz.choice]]\ntext = \"{text}\"\ncorrect = {correct}\n"
                );
            }
        }
        let source = MemorySource {
            root: "c".to_owned(),
            files: vec![(COURSE_FILE.to_owned(), course)],
        };
        let (course, report) = load_with_warnings(&source, &LoadOptions::default());
        assert!(course.is_some(), "{}", report.render(false));
        report
            .diagnostics
            .iter()
            .map(|d| d.message.clone())
            .collect()
    }

    #[test]
    fn the_longest_right_choice_in_most_quizzes_is_flagged() {
        let long: [&[&str]; 3] = [
            &["*the long and careful answer", "a", "b"],
            &["a", "*the long and careful answer", "b"],
            &["a", "b", "*the long and careful answer"],
        ];
        let short: &[&str] = &["a much longer wrong answer", "*c", "b"];
        assert_eq!(
            warnings(&[long[0], long[1], long[2], short]),
            ["the right choice is the longest in 3 of 4 `single` quizzes"]
        );
        let half = warnings(&[long[0], long[2], short, short]);
        assert!(half.is_empty(), "half is fine: {half:?}");
    }

    #[test]
    fn the_same_place_in_most_quizzes_is_flagged() {
        let first: &[&str] = &["*yes", "no", "maybe"];
        let second: &[&str] = &["no", "*yes", "maybe"];
        let last: &[&str] = &["no", "maybe", "*yes"];
        let last_of_two: &[&str] = &["no", "*yes"];
        assert_eq!(
            warnings(&[first, first, first, second, last]),
            ["the right choice is the 1st one in 3 of 5 `single` quizzes"]
        );
        assert_eq!(
            warnings(&[last, last_of_two, last, first]),
            ["the right choice is the last one in 3 of 4 `single` quizzes"]
        );
        assert!(warnings(&[first, second, last, first]).is_empty());
    }

    #[test]
    fn too_few_quizzes_say_nothing() {
        let first: &[&str] = &["*the long right answer", "no"];
        assert!(warnings(&[first, first, first]).is_empty());
    }
}
