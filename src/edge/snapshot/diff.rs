//! Unified diffs between a committed snapshot and a fresh rendering.

use similar::TextDiff;

/// Lines of unchanged context around each change, as in `diff -u`.
const CONTEXT: usize = 3;

/// A unified diff from `old` (labelled `old_label`) to `new`; empty when the texts are equal.
pub fn unified(old_label: &str, new_label: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(CONTEXT)
        .missing_newline_hint(true)
        .header(old_label, new_label)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_texts_have_no_diff() {
        assert_eq!(unified("a", "b", "x\ny\n", "x\ny\n"), "");
    }

    #[test]
    fn shows_a_changed_line_with_context() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n";
        let new = "1\n2\n3\n4\nfive\n6\n7\n8\n";
        let diff = unified("old/a.txt", "new/a.txt", old, new);
        assert_eq!(
            diff,
            "--- old/a.txt\n+++ new/a.txt\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
        );
    }

    #[test]
    fn notes_a_missing_final_newline() {
        let diff = unified("a", "b", "x\n", "x");
        assert!(diff.contains("\\ No newline at end of file"), "{diff}");
    }
}
