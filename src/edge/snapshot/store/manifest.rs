//! The manifest: the list of files `snapshot --update` wrote, kept in the snapshot directory
//! as `.termcourse-snapshots`. It is how an update knows what it may delete: a file is removed
//! only when the manifest names it (and it is still a regular file there).
//!
//! The manifest is as untrusted as the rest of the folder, so only entries that are snapshot
//! names (relative, `/`-separated, no `.` or `..` components, ending in `@WxH.txt`) are taken
//! from it; anything else in it is ignored.

use std::collections::BTreeSet;

/// The manifest's file name, at the top of the snapshot directory.
pub const MANIFEST: &str = ".termcourse-snapshots";

const HEADER: &str = "\
# Written by `termcourse snapshot --update`: the snapshot files in this directory.
# An update rewrites and deletes only the files listed here; commit this file with them.
";

/// The snapshot paths listed in a manifest's text.
pub fn parse(text: &str) -> BTreeSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .filter(|line| is_snapshot_name(line))
        .map(str::to_owned)
        .collect()
}

/// The text of a manifest listing `paths`.
pub fn render<'a>(paths: impl IntoIterator<Item = &'a String>) -> String {
    let mut text = HEADER.to_owned();
    for path in paths {
        text.push_str(path);
        text.push('\n');
    }
    text
}

/// Whether `rel` is a name termcourse gives snapshots: components made of printable characters
/// other than `/` and `\`, none of them empty, `.` or `..`, the last ending in `@WxH.txt`.
pub fn is_snapshot_name(rel: &str) -> bool {
    let parts: Vec<&str> = rel.split('/').collect();
    let sane = parts.iter().all(|part| {
        !part.is_empty()
            && *part != "."
            && *part != ".."
            && !part.chars().any(|c| c.is_control() || c == '\\')
    });
    let Some(last) = parts.last() else {
        return false;
    };
    let Some((_, size)) = last.strip_suffix(".txt").and_then(|s| s.rsplit_once('@')) else {
        return false;
    };
    let Some((w, h)) = size.split_once('x') else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit());
    sane && digits(w) && digits(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_names_are_recognised() {
        for good in [
            "matrix@80x24.txt",
            "n/s@120x40.txt",
            "n/s.quiz-wrong@80x24.txt",
        ] {
            assert!(is_snapshot_name(good), "{good}");
        }
        for bad in [
            "matrix.txt",
            "README.txt",
            "../x@80x24.txt",
            "a/./b@80x24.txt",
            "/abs@80x24.txt",
            "a//b@80x24.txt",
            "a@80x24.txt/b",
            "a@80X24.txt",
            "a@x24.txt",
            "a\\b@80x24.txt",
            "a\u{1b}@80x24.txt",
            "a@999999x1.txt",
        ] {
            assert!(!is_snapshot_name(bad), "{bad:?}");
        }
    }

    #[test]
    fn a_manifest_round_trips_and_ignores_what_is_not_a_snapshot_name() {
        let paths = ["a/b@80x24.txt".to_owned(), "matrix@80x24.txt".to_owned()];
        let text = render(&paths);
        assert!(text.starts_with("# Written by"));
        assert_eq!(parse(&text), paths.iter().cloned().collect());
        let hostile = "../../.bashrc\n/etc/passwd\n~/x@80x24.txt\nok@1x1.txt\n";
        assert_eq!(
            parse(hostile),
            ["~/x@80x24.txt".to_owned(), "ok@1x1.txt".to_owned()].into()
        );
    }
}
