//! The view layer: pure drawing of data into ratatui buffers, never mutating state.
//!
//! Reusable, data-driven pieces live here, taking plain data (domain types, slices, indices)
//! rather than the app's model: the [`theme`] (every style, including `NO_COLOR`),
//! [`highlight`] (code colouring) and the [`colours`] cache, `markdown` (our markdown
//! renderer, cached by callers per step and width), the Deployment `matrix`, the overlays
//! (`overlay`: each overlay's layout, drawing and hit-testing) and shared `panel` chrome;
//! [`text`] turns a drawn buffer into plain or ANSI text (what `render` and `snapshot` write).

pub mod colours;
pub mod highlight;
pub(crate) mod markdown;
pub(crate) mod matrix;
pub(crate) mod overlay;
pub(crate) mod panel;
pub mod text;
pub mod theme;

// The player's screen (composes the widgets above).
pub(crate) mod bash_pane;
pub mod fit;
pub(crate) mod footer;
pub(crate) mod header;
pub(crate) mod layout;
pub(crate) mod narration;
pub(crate) mod pane;
pub(crate) mod prepared;
pub(crate) mod quiz;
pub mod screen;
pub(crate) mod split;
pub(crate) mod task;
pub(crate) mod too_small;

#[cfg(test)]
mod test_util;
