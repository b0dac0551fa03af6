//! The built-in course, "Creating Dockerfiles for ML Models", embedded in the binary.
//!
//! `build.rs` lists the files under `lessons/dockerfiles-for-ml/`; they are compiled in with
//! `include_str!`, so `termcourse` plays the course with no files on disk.

use crate::core::course::Course;
use crate::core::diagnostic::Report;
use crate::core::load::{self, LoadOptions};
use crate::core::source::MemorySource;

mod files {
    include!(concat!(env!("OUT_DIR"), "/builtin_files.rs"));
}

/// Where the built-in course lives in the repository; diagnostics name files under it.
pub const ROOT: &str = "lessons/dockerfiles-for-ml";

/// The embedded course files as a source for the loader.
pub fn source() -> MemorySource {
    MemorySource {
        root: ROOT.to_owned(),
        files: files::FILES
            .iter()
            .map(|(path, text)| ((*path).to_owned(), (*text).to_owned()))
            .collect(),
    }
}

/// Loads and validates the built-in course. It is checked by the test suite (and by
/// `termcourse check lessons/dockerfiles-for-ml`), so an error here means a broken build.
pub fn load() -> Result<Course, Report> {
    load::load(&source(), &LoadOptions::default())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_built_in_course_loads() {
        let course = super::load().map_err(|r| r.render(false));
        assert!(course.is_ok(), "{}", course.err().unwrap_or_default());
    }
}
