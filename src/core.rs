//! The pure core: the course model, loading and validation, quiz grading, the unlock graph and
//! the progress value.
//!
//! Nothing here draws, reads the terminal or the clock, or touches the filesystem: course files
//! arrive through [`source::CourseSource`], and progress is persisted by `crate::edge::store`.

pub(crate) mod check;
pub mod course;
pub mod diagnostic;
pub mod load;
pub mod progress;
pub mod quiz;
pub mod raw;
pub mod sanitize;
pub mod source;
pub mod unlock;
