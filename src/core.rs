//! The pure core: the course model, loading and validation, quiz and task grading, judging
//! typed commands, the unlock graph, the progress value, choice shuffles, the review and the
//! course results, and the trust digest of a course's commands.
//!
//! Nothing here draws, reads the terminal or the clock, or touches the filesystem: course files
//! arrive through [`source::CourseSource`], and progress is persisted by `crate::edge::store`.

pub(crate) mod check;
pub mod command;
pub mod course;
pub mod diagnostic;
pub mod load;
pub mod markup;
pub mod progress;
pub mod quiz;
pub mod raw;
pub mod results;
pub mod review;
pub mod sanitize;
pub mod shuffle;
pub mod source;
pub mod task;
pub mod trust;
pub mod unlock;
