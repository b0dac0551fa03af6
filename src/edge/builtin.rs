//! The built-in course, "Creating Dockerfiles for ML Models", embedded in the binary.
//!
//! `build.rs` lists the files under `lessons/dockerfiles-for-ml/`; they are compiled in with
//! `include_str!`, so `termcourse` plays the course with no files on disk.

use std::borrow::Cow;

use crate::core::course::Course;
use crate::core::diagnostic::Report;
use crate::core::load::{self, LoadOptions};
use crate::core::source::{CourseSource, MemorySource, SourceError};

mod files {
    include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));
}

/// Where the built-in course lives in the repository; diagnostics name files under it.
pub const ROOT: &str = "lessons/dockerfiles-for-ml";

/// The embedded course files as a source for the loader (a copy, which tests can change).
pub fn source() -> MemorySource {
    MemorySource {
        root: ROOT.to_owned(),
        files: files::FILES
            .iter()
            .map(|(path, text)| ((*path).to_owned(), (*text).to_owned()))
            .collect(),
    }
}

/// Loads and validates the built-in course. The test suite runs the full check on it (as does
/// `termcourse check lessons/dockerfiles-for-ml`), so this skips the part that needs every
/// regex compiled (see [`load::load_prechecked`]); an error here means a broken build.
pub fn load() -> Result<Course, Report> {
    load::load_prechecked(&Embedded, &LoadOptions::default())
}

/// The embedded files as a source the player loads in outline first (see `edge::play_load`),
/// reading them in place.
pub fn embedded() -> impl CourseSource + Send + 'static {
    Embedded
}

/// The embedded files read in place: the player's load copies none of their text (it used to
/// copy the course's 160 KB twice before its first frame, peak memory the process kept).
struct Embedded;

impl CourseSource for Embedded {
    fn display_path(&self, rel: &str) -> String {
        format!("{ROOT}/{rel}")
    }

    fn read(&self, rel: &str) -> Result<Cow<'static, str>, SourceError> {
        files::FILES
            .iter()
            .find(|(path, _)| *path == rel)
            .map(|(_, text)| Cow::Borrowed(*text))
            .ok_or(SourceError::NotFound)
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use crate::core::command::Verdict;
    use crate::core::course::QuizKind;
    use crate::core::load::{self, LoadOptions};
    use crate::core::quiz::{Answer, Grade, grade};
    use crate::core::source::{CourseSource, SourceError};

    #[test]
    fn every_text_quiz_accepts_its_sample_which_is_the_answer_offered() {
        let course = super::load().map_err(|r| r.render(false));
        let course = course.unwrap_or_else(|report| panic!("{report}"));
        let mut checked = 0;
        for quiz in course
            .nodes
            .iter()
            .flat_map(|n| &n.steps)
            .filter_map(|s| s.quiz.as_ref())
        {
            if let QuizKind::Text { sample, .. } = &quiz.kind {
                assert_eq!(
                    grade(quiz, &Answer::Text(sample.clone())),
                    Grade::Correct,
                    "{sample}"
                );
                checked += 1;
            }
        }
        assert!(checked > 0, "the built-in course has text quizzes");
    }

    #[test]
    fn the_embedded_files_are_read_in_place_and_load_as_their_copy_does() {
        let copy = super::source();
        for (path, text) in &copy.files {
            match super::Embedded.read(path) {
                Ok(Cow::Borrowed(read)) => assert_eq!(read, text, "{path}"),
                other => panic!("{path}: {other:?}"),
            }
            assert_eq!(super::Embedded.display_path(path), copy.display_path(path));
        }
        assert!(matches!(
            super::Embedded.read("nodes/missing.toml"),
            Err(SourceError::NotFound)
        ));
        let opts = LoadOptions::default();
        let in_place = load::load_prechecked(&super::Embedded, &opts).map_err(|r| r.render(false));
        let copied = load::load_prechecked(&copy, &opts).map_err(|r| r.render(false));
        assert!(in_place.is_ok(), "{}", in_place.err().unwrap_or_default());
        assert_eq!(in_place.ok(), copied.ok());
        // In outline, node files are cut to their header, borrowed or owned alike.
        let outline = |source: &dyn CourseSource| {
            load::load_outline(source, |_| Some(1))
                .map(|o| o.course)
                .map_err(|r| r.render(false))
        };
        let in_place = outline(&super::Embedded);
        assert!(in_place.is_ok(), "{}", in_place.err().unwrap_or_default());
        assert_eq!(in_place.ok(), outline(&copy).ok());
    }

    #[test]
    fn the_built_in_course_passes_the_full_check() {
        // The full check: every regex compiled, accepts its own `cmd` / `sample`.
        let course = load::load(&super::source(), &LoadOptions::default());
        let course = course.map_err(|r| r.render(false));
        assert!(course.is_ok(), "{}", course.err().unwrap_or_default());
    }

    #[test]
    fn the_built_in_course_loads_prechecked_and_its_patterns_match() {
        let course = super::load().map_err(|r| r.render(false));
        let course = match course {
            Ok(course) => course,
            Err(report) => panic!("{report}"),
        };
        let entries = course
            .nodes
            .iter()
            .flat_map(|n| &n.steps)
            .flat_map(|s| &s.bash);
        let mut checked = 0;
        for entry in entries {
            if let Some(type_along) = &entry.type_along {
                assert!(
                    type_along.accept.iter().any(|p| p.is_match(&entry.cmd)),
                    "{}",
                    entry.cmd
                );
                let verdict = entry.judge(&entry.cmd);
                assert_eq!(verdict, Some(Verdict::Accepted), "{}", entry.cmd);
                checked += 1;
            }
        }
        assert!(checked > 0, "the built-in course has type-along commands");
    }
}
