//! `termcourse render`: one step (or screen) of a course, drawn headlessly, printed as text.

pub mod target;
