//! The view layer: pure drawing of data into ratatui buffers, never mutating state.
//!
//! Reusable, data-driven pieces live here, taking plain data (domain types, slices, indices)
//! rather than the app's model: the [`theme`] (every style, including `NO_COLOR`),
//! [`highlight`] (code colouring) and the [`colours`] cache, [`markdown`] (our markdown renderer, cached by callers per
//! step and width), the Deployment [`matrix`], the popup [`overlay`]s and shared [`panel`]
//! chrome.

pub mod colours;
pub mod highlight;
pub mod markdown;
pub mod matrix;
pub mod overlay;
pub mod panel;
pub mod theme;

// The player's screen (composes the widgets above).
pub mod bash_pane;
pub mod footer;
pub mod header;
pub mod layout;
pub mod narration;
pub mod pane;
pub mod prepared;
pub mod quiz;
pub mod screen;
pub mod too_small;

#[cfg(test)]
mod test_util;
