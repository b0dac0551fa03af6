//! `termcourse progress`: show, reset, locate or export a learner's progress in a course.

pub mod export;
pub mod show;
