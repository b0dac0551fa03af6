//! Snapshot testing of a whole course: render every screen worth checking at every size, one
//! text file each, and compare them with (or write them to) a snapshot directory.
//!
//! The pipeline is generic over the scene type and the render function, so the directory logic
//! is tested on its own and the CLI, the test suite and the benchmark share one implementation:
//! [`render_cases`] → [`store::compare`] → [`Outcome`] (report, exit status) and, when
//! updating, [`store::update`].

pub mod answers;
pub mod course;
pub mod diff;
mod size;
pub mod store;

use std::fmt::Write as _;
use std::io::{self, Write};

pub use size::{MAX_SIDE, Size, SizeError, parse_sizes};
pub use store::{Comparison, DirError, Shot};

pub use crate::view::fit::Unit;

/// The sizes snapshotted when none are given: a classic terminal and a roomy one.
pub const DEFAULT_SIZES: [Size; 2] = [Size::new(80, 24), Size::new(120, 40)];

/// One screen to snapshot at every size.
#[derive(Debug, Clone)]
pub struct Case<S> {
    /// The file name without size and extension, built from ids: `node/step.quiz-wrong`.
    pub stem: String,
    pub scene: S,
}

/// A rendered screen and what did not fit in it.
#[derive(Debug, Clone, Default)]
pub struct Rendering {
    pub text: String,
    /// Content a learner can never see at this size (see `view::fit`): overflow.
    pub overflows: Vec<PaneOverflow>,
    /// Panes whose content needs scrolling at this size (not overflow: it can be reached).
    pub scrolls: Vec<PaneOverflow>,
}

/// Content that does not fit its pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaneOverflow {
    /// What cannot be seen, as `check` says it (`the quiz's choices`).
    pub pane: String,
    pub needed: usize,
    pub available: usize,
    /// What `needed` and `available` count.
    pub unit: Unit,
}

/// A [`PaneOverflow`] found in one snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverflowAt {
    pub path: String,
    pub overflow: PaneOverflow,
}

/// Every rendered snapshot and every overflow found while rendering them.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub shots: Vec<Shot>,
    pub overflows: Vec<OverflowAt>,
}

/// The file a case is stored in at `size`: `node/step@80x24.txt`.
pub fn shot_path(stem: &str, size: Size) -> String {
    format!("{stem}@{size}.txt")
}

/// Renders every case at every size, in order (size-major, so one size's files come together).
pub fn render_cases<S, E>(
    cases: &[Case<S>],
    sizes: &[Size],
    mut render: impl FnMut(&Case<S>, Size) -> Result<Rendering, E>,
) -> Result<Rendered, E> {
    let mut rendered = Rendered::default();
    for &size in sizes {
        for case in cases {
            let path = shot_path(&case.stem, size);
            let Rendering {
                text, overflows, ..
            } = render(case, size)?;
            rendered
                .overflows
                .extend(overflows.into_iter().map(|overflow| OverflowAt {
                    path: path.clone(),
                    overflow,
                }));
            rendered.shots.push(Shot { path, text });
        }
    }
    Ok(rendered)
}

/// Whether the run compares the directory or rewrites it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Report differences; they make the run fail.
    Check,
    /// Rewrite the directory to match; differences are reported but are not failures.
    Update,
}

/// The result of one snapshot run, ready to report.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub mode: Mode,
    /// How the snapshot directory is named in diff headers, e.g. `tests/snapshots`.
    pub dir_label: String,
    /// In [`Mode::Update`], `missing` lists the files deleted.
    pub comparison: Comparison,
    /// In [`Mode::Update`]: files no longer rendered that termcourse did not write, so kept.
    pub left_alone: Vec<String>,
    pub overflows: Vec<OverflowAt>,
    /// Overflows are errors rather than warnings.
    pub deny_overflow: bool,
}

impl Outcome {
    /// Whether the run failed: differences under `--check`, or overflows when denied.
    pub fn failed(&self) -> bool {
        let differs = self.mode == Mode::Check && !self.comparison.is_clean();
        differs || (self.deny_overflow && !self.overflows.is_empty())
    }

    /// `N snapshots: M changed, A added, R missing` (`M updated, A added, R removed` and, when
    /// there are any, `K left alone` after an update).
    pub fn summary(&self) -> String {
        let c = &self.comparison;
        let (changed, missing) = match self.mode {
            Mode::Check => ("changed", "missing"),
            Mode::Update => ("updated", "removed"),
        };
        let mut summary = format!(
            "{} snapshots: {} {changed}, {} added, {} {missing}",
            c.total,
            c.changed.len(),
            c.added.len(),
            c.missing.len()
        );
        if !self.left_alone.is_empty() {
            let _ = write!(summary, ", {} left alone", self.left_alone.len());
        }
        summary
    }

    /// Writes the differences (unified diffs and file lists) and the summary line to `out`.
    pub fn write_report(&self, out: &mut dyn Write) -> io::Result<()> {
        let c = &self.comparison;
        let (changed, added, missing) = match self.mode {
            Mode::Check => (
                "changed",
                "added (not in the snapshot directory)",
                "missing",
            ),
            Mode::Update => ("updated", "added", "removed (no longer rendered)"),
        };
        for change in &c.changed {
            writeln!(out, "{changed}: {}", change.path)?;
            if self.mode == Mode::Check {
                let old = format!("{}/{}", self.dir_label.trim_end_matches('/'), change.path);
                let new = format!("rendered/{}", change.path);
                // The committed text comes from a folder anyone may have prepared: shown inert.
                let diff = diff::unified(&old, &new, &change.old, &change.new);
                write!(out, "{}", crate::core::sanitize::sanitize(&diff))?;
            }
        }
        for path in &c.added {
            writeln!(out, "{added}: {path}")?;
        }
        for path in &c.missing {
            writeln!(out, "{missing}: {path}")?;
        }
        for path in &self.left_alone {
            writeln!(
                out,
                "left alone (no longer rendered, but not written by termcourse): {path}"
            )?;
        }
        writeln!(out, "{}", self.summary())
    }

    /// Writes one line per overflow (content a learner can never see at that size): a
    /// warning, or an error when overflows are denied.
    pub fn write_overflows(&self, out: &mut dyn Write) -> io::Result<()> {
        let level = if self.deny_overflow {
            "error"
        } else {
            "warning"
        };
        for OverflowAt { path, overflow } in &self.overflows {
            writeln!(
                out,
                "{level}: {path}: {} cannot be seen in full: {} {} needed, {} available even zoomed",
                overflow.pane,
                overflow.needed,
                overflow.unit.name(),
                overflow.available
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests;
