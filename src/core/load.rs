//! The one course loader: reads `course.toml` and its node files through a [`CourseSource`],
//! then checks and converts everything (see `core::check`).
//!
//! Paths in `nodes = [...]` are relative to the course directory and may not leave it: absolute
//! paths, `..` and backslashes are refused here, before the source is asked for the file.
//! Files over [`MAX_FILE_BYTES`] are refused before parsing.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use std::rc::Rc;

use crate::core::check::md_file::{self, MdFiles};
use crate::core::check::{self, Checker, CourseInput, FileCx, NodeInput};
use crate::core::course::{Course, Step};
use crate::core::diagnostic::Report;
use crate::core::raw::{RawCourse, RawNode, Sp};
use crate::core::source::{CourseSource, MAX_FILE_BYTES, SourceError};

/// The course file every course directory has.
pub const COURSE_FILE: &str = "course.toml";

/// What the loader needs from its caller.
pub struct LoadOptions<'a> {
    /// Whether a fenced code block's language has a highlighting syntax; blocks in other
    /// languages get a warning. The default accepts every language.
    pub known_language: &'a dyn Fn(&str) -> bool,
    /// What of a step a learner could never see, at the smallest terminal courses are written
    /// for; each is a warning. Measuring is the view's business (`view::fit`), so the caller
    /// injects it. The default finds nothing.
    pub unseen: &'a dyn Fn(&Step) -> Vec<Unseen>,
}

impl Default for LoadOptions<'_> {
    fn default() -> Self {
        Self {
            known_language: &|_| true,
            unseen: &|_| Vec::new(),
        }
    }
}

/// Content of a step that a learner could never see, however they scroll or zoom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unseen {
    /// Where the content is written.
    pub place: UnseenPlace,
    /// What does not fit, and by how much (one line).
    pub message: String,
}

/// The part of a step some content comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnseenPlace {
    SysMsg,
    Body,
    Quiz,
    /// Bash entry `i` (its note or hint).
    Bash(usize),
}

impl std::fmt::Debug for LoadOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadOptions").finish_non_exhaustive()
    }
}

/// Loads and validates the course in `source`. On error, the report lists every problem found.
pub fn load(source: &dyn CourseSource, opts: &LoadOptions) -> Result<Course, Report> {
    match load_with_warnings(source, opts) {
        (Some(course), _) => Ok(course),
        (None, report) => Err(report),
    }
}

/// Like [`load`], but also returns the warnings of a course that loaded. The course is `None`
/// exactly when the report has errors.
pub fn load_with_warnings(
    source: &dyn CourseSource,
    opts: &LoadOptions,
) -> (Option<Course>, Report) {
    let mut cx = Checker::new(opts);
    cx.stray_files = true;
    load_into(cx, source)
}

/// Like [`load`], for a course that already passed the full check when the binary was built
/// (the built-in one): regexes are parsed but compiled only when first matched, and whether
/// they accept their own `cmd` / `sample` is not checked again. That keeps the compilation of
/// ~120 patterns off the player's time to first frame.
pub fn load_prechecked(source: &dyn CourseSource, opts: &LoadOptions) -> Result<Course, Report> {
    let mut cx = Checker::new(opts);
    cx.compile_patterns = false;
    match load_into(cx, source) {
        (Some(course), _) => Ok(course),
        (None, report) => Err(report),
    }
}

/// What `termcourse play` loads: everything the player shows is checked (ids, requirements,
/// steps, quizzes, patterns parse), but what only `termcourse check` needs is left out:
/// patterns are compiled when first matched rather than all up front, and whether they accept
/// their own `cmd` / `sample` is not tried. A course that `check` accepts plays the same
/// either way.
pub fn load_for_play(source: &dyn CourseSource) -> Result<Course, Report> {
    load_prechecked(source, &LoadOptions::default())
}

/// A course loaded in outline: the course file in full, every node's header (id, title,
/// summary, `requires`, all checked across the course) and the steps of only some nodes.
#[derive(Debug)]
pub struct Outline {
    /// Nodes whose steps were not loaded have none.
    pub course: Course,
    /// Per node, in course order: the file it was written in, relative to the course root
    /// (`None` for a node written in the course file, which is always loaded in full).
    pub files: Vec<Option<String>>,
}

/// Loads `source` in outline, then node `pick` chooses (by index, from the outline) in full:
/// what the player needs for its first screen (the unlock graph, titles, the start node's
/// steps) at a fraction of the cost of the whole course. A node file is cut before its first
/// table header, so its steps are not even parsed (a file whose header cannot be cut off on
/// its own is read whole). Errors in what was loaded are reported as by [`load_for_play`]; the
/// rest is for a full load to check.
pub fn load_outline(
    source: &dyn CourseSource,
    pick: impl FnOnce(&Outline) -> Option<usize>,
) -> Result<Outline, Report> {
    let opts = LoadOptions::default();
    let outline_checker = || {
        let mut cx = Checker::new(&opts);
        cx.compile_patterns = false;
        cx.outline = true;
        cx
    };
    let mut cx = outline_checker();
    let mut parsed = parse_all(&mut cx, &OutlineSource { source }, source);
    let (course, report) = check_parsed(cx, source, &parsed);
    let files: Vec<Option<String>> = parsed
        .node_files
        .iter()
        .map(|f| Some(f.rel.clone()))
        .chain(std::iter::repeat(None))
        .take(course.as_ref().map_or(0, |c| c.nodes.len()))
        .collect();
    let outline = Outline {
        course: course.ok_or(report)?,
        files,
    };
    let Some(i) = pick(&outline).filter(|&i| outline.course.nodes[i].steps.is_empty()) else {
        return Ok(outline);
    };
    let Some(Some(rel)) = outline.files.get(i) else {
        return Ok(outline);
    };
    // Only that file is read again, whole; the rest of the parse is reused.
    let mut cx = outline_checker();
    let Some(mut file) = read(&mut cx, source, rel, None) else {
        return Err(cx.report);
    };
    let raw = check::parse::<RawNode>(&mut cx, &mut file, false);
    if let Some(raw) = &raw {
        read_markdown(
            &mut cx,
            source,
            &file,
            md_file::node_refs(raw),
            &mut parsed.md,
        );
    }
    let rel = rel.clone();
    parsed.node_files[i] = NodeFile { rel, file, raw };
    let (course, report) = check_parsed(cx, source, &parsed);
    Ok(Outline {
        course: course.ok_or(report)?,
        files: outline.files,
    })
}

/// A source that cuts node files to their header.
struct OutlineSource<'s> {
    source: &'s dyn CourseSource,
}

impl CourseSource for OutlineSource<'_> {
    fn display_path(&self, rel: &str) -> String {
        self.source.display_path(rel)
    }

    fn read(&self, rel: &str) -> Result<Cow<'static, str>, SourceError> {
        let text = self.source.read(rel)?;
        let cut = (rel != COURSE_FILE)
            .then(|| header(&text).map(str::len))
            .flatten();
        Ok(match (text, cut) {
            (Cow::Borrowed(text), Some(len)) => Cow::Borrowed(text.get(..len).unwrap_or(text)),
            (Cow::Owned(mut text), Some(len)) => {
                text.truncate(len);
                Cow::Owned(text)
            }
            (text, None) => text,
        })
    }
}

/// The root table of a TOML file: everything before the first line that starts a table (`[`
/// after indentation). Keys of the root table must come before any table header, so that is
/// the whole root table, unless the cut falls inside a multi-line string, and then `None` says
/// to read the whole file. (A cut inside a multi-line array leaves an unterminated array: an
/// error, for which the player loads the course in full and reports it as always.)
fn header(text: &str) -> Option<&str> {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with('[') {
            let header = &text[..at];
            let multi_line = header.contains("\"\"\"") || header.contains("\'\'\'");
            // Only then can the cut be inside a string; checking it costs a parse.
            let whole = !multi_line || header.parse::<toml::Table>().is_ok();
            return whole.then_some(header);
        }
        at += line.len();
    }
    None
}

fn load_into(mut cx: Checker<'_>, source: &dyn CourseSource) -> (Option<Course>, Report) {
    let parsed = parse_all(&mut cx, source, source);
    if cx.stray_files {
        stray_files(&mut cx, source, &parsed);
    }
    check_parsed(cx, source, &parsed)
}

/// A node file as read and parsed.
struct NodeFile {
    /// As listed, normalized.
    rel: String,
    file: FileCx,
    raw: Option<Sp<RawNode>>,
}

/// Every course file, parsed.
struct Parsed {
    course_file: Option<FileCx>,
    raw_course: Option<Sp<RawCourse>>,
    listed: Vec<(String, Range<usize>)>,
    node_files: Vec<NodeFile>,
    /// The markdown files the TOML files name (`body_file` …).
    md: MdFiles,
}

/// Reads and parses every course file from `source`; markdown files come from `md_source`
/// (the same files, but never cut to a header).
fn parse_all(
    cx: &mut Checker<'_>,
    source: &dyn CourseSource,
    md_source: &dyn CourseSource,
) -> Parsed {
    let mut md = MdFiles::new();
    let Some(mut course_file) = read(cx, source, COURSE_FILE, None) else {
        return Parsed {
            course_file: None,
            raw_course: None,
            listed: Vec::new(),
            node_files: Vec::new(),
            md,
        };
    };
    let raw_course = check::parse::<RawCourse>(cx, &mut course_file, true);
    if let Some(raw) = &raw_course {
        read_markdown(
            cx,
            md_source,
            &course_file,
            md_file::course_refs(raw),
            &mut md,
        );
    }
    let listed: Vec<(String, Range<usize>)> = match &raw_course {
        Some(raw) => raw
            .nodes
            .iter()
            .flat_map(|l| l.iter())
            .map(|p| (p.get().clone(), p.span()))
            .collect(),
        None => std::mem::take(&mut course_file.salvaged_node_files),
    };
    if raw_course.is_none() {
        // Inline nodes could not be read: requirements naming them must not look unknown.
        cx.nodes_incomplete = true;
    }
    let mut node_files = Vec::new();
    let mut seen = HashSet::new();
    for (rel, span) in &listed {
        let normal = normalize_relative_path(rel).unwrap_or_else(|_| rel.clone());
        if !seen.insert(normal.clone()) {
            cx.error(
                &course_file,
                span.clone(),
                format!("node file `{rel}` is listed twice"),
            )
            .with_label("listed again");
            continue;
        }
        let Some(mut file) = read(cx, source, rel, Some((&course_file, span.clone()))) else {
            cx.nodes_incomplete = true;
            continue;
        };
        let raw = check::parse::<RawNode>(cx, &mut file, false);
        if let Some(raw) = &raw {
            read_markdown(cx, md_source, &file, md_file::node_refs(raw), &mut md);
        }
        node_files.push(NodeFile {
            rel: normal,
            file,
            raw,
        });
    }
    Parsed {
        course_file: Some(course_file),
        raw_course,
        listed,
        node_files,
        md,
    }
}

/// Reads the markdown files `refs` (values in `toml`) name into `md`, reporting each one that
/// cannot be read at the value naming it.
fn read_markdown(
    cx: &mut Checker<'_>,
    source: &dyn CourseSource,
    toml: &FileCx,
    refs: Vec<&Sp<String>>,
    md: &mut MdFiles,
) {
    for value in refs {
        let key = (toml.path.clone(), value.span().start);
        let path = value.get().trim();
        let read = match md_file::resolve(&toml.rel, path) {
            Ok(rel) => read_md(cx, source, toml, value, &rel),
            Err(problem) => {
                let (message, help) = md_file::path_message(problem, path);
                cx.error(toml, value.span(), message)
                    .with_label("cannot be used")
                    .with_note(help);
                None
            }
        };
        md.insert(key, read.map(Rc::new));
    }
}

fn read_md(
    cx: &mut Checker<'_>,
    source: &dyn CourseSource,
    toml: &FileCx,
    value: &Sp<String>,
    rel: &str,
) -> Option<FileCx> {
    let display = source.display_path(rel);
    let problem = match source.read(rel) {
        Ok(text) if text.len() as u64 > MAX_FILE_BYTES => SourceError::TooLarge {
            limit: MAX_FILE_BYTES,
        },
        Ok(text) => {
            let mut file = FileCx::new(display, text);
            rel.clone_into(&mut file.rel);
            return Some(file);
        }
        Err(err) => err,
    };
    let written = value.get().trim();
    let message = match &problem {
        SourceError::NotFound => format!("cannot read `{written}`: file not found"),
        SourceError::OutsideCourse | SourceError::LinkOutside(_) => {
            format!("markdown file `{written}` is outside the course directory")
        }
        other => format!("cannot read `{written}`: {other}"),
    };
    let d = cx
        .error(toml, value.span(), message)
        .with_label("named here");
    if matches!(problem, SourceError::NotFound) {
        d.with_note(format!(
            "note: paths are relative to the file naming them: this one is `{display}`"
        ));
    }
    if let SourceError::LinkOutside(target) = &problem {
        d.with_note(format!("note: it is a symlink to `{target}`"));
    }
    None
}

/// Warns about `.toml` files in the course directory that look like node files but that no
/// entry of `nodes` names: a node the author meant to add, and the learner will never see.
fn stray_files(cx: &mut Checker<'_>, source: &dyn CourseSource, parsed: &Parsed) {
    if parsed.raw_course.is_none() {
        return;
    }
    let listed: HashSet<String> = parsed
        .listed
        .iter()
        .map(|(rel, _)| normalize_relative_path(rel).unwrap_or_else(|_| rel.clone()))
        .collect();
    for rel in source.toml_files() {
        if rel == COURSE_FILE || listed.contains(&rel) {
            continue;
        }
        let Ok(text) = source.read(&rel) else {
            continue;
        };
        if !looks_like_a_node(&text) {
            continue;
        }
        let display = source.display_path(&rel);
        cx.file_warning(&display, format!("`{display}` is not part of the course"))
            .with_note("note: it looks like a node file, but no entry of `nodes` in course.toml names it")
            .with_note(format!(
                "help: add \"{rel}\" to `nodes` in course.toml, or move the file out of the course directory"
            ));
    }
}

/// Whether a TOML file reads like a node file (an `id` and a `title`, or steps) rather than
/// some other tool's file (`pyproject.toml` in a task's workspace, say).
fn looks_like_a_node(text: &str) -> bool {
    let Ok(table) = text.parse::<toml::Table>() else {
        // Not even TOML: a node file being written, if it has a step header.
        return text.lines().any(|l| l.trim_start().starts_with("[[step]]"));
    };
    table.contains_key("step") || (table.contains_key("id") && table.contains_key("title"))
}

fn check_parsed(
    mut cx: Checker<'_>,
    source: &dyn CourseSource,
    parsed: &Parsed,
) -> (Option<Course>, Report) {
    let Some(course_file) = &parsed.course_file else {
        return (None, cx.report);
    };
    let mut nodes: Vec<NodeInput<'_>> = parsed
        .node_files
        .iter()
        .map(|f| NodeInput {
            file: &f.file,
            raw: f.raw.as_ref(),
        })
        .collect();
    if let Some(raw) = &parsed.raw_course {
        nodes.extend(raw.node.iter().map(|n| NodeInput {
            file: course_file,
            raw: Some(n),
        }));
    }
    let input = CourseInput {
        file: course_file,
        raw: parsed.raw_course.as_ref(),
    };
    cx.md.clone_from(&parsed.md);
    let course = check::check(&mut cx, &input, &nodes);
    let mut report = cx.report;
    sort(&mut report, source, &parsed.listed, &parsed.md);
    (course, report)
}

/// Orders diagnostics by file (course file first, then node files as listed), then position.
/// A markdown file comes right after the TOML file naming it.
fn sort(
    report: &mut Report,
    source: &dyn CourseSource,
    listed: &[(String, Range<usize>)],
    md: &MdFiles,
) {
    if report.diagnostics.is_empty() {
        return;
    }
    let mut rank: HashMap<String, (usize, bool)> = listed
        .iter()
        .enumerate()
        .map(|(i, (rel, _))| {
            let rel = normalize_relative_path(rel).unwrap_or_else(|_| rel.clone());
            (source.display_path(&rel), (i + 1, false))
        })
        .collect();
    for ((toml, _), file) in md {
        if let Some(file) = file {
            let of_toml = rank.get(toml).map_or(0, |r| r.0);
            rank.entry(file.path.clone()).or_insert((of_toml, true));
        }
    }
    report.diagnostics.sort_by_cached_key(|d| {
        let (rank, is_md) = rank.get(&d.file).copied().unwrap_or((0, false));
        (
            rank,
            is_md,
            if is_md { d.file.clone() } else { String::new() },
            d.location.as_ref().map_or(0, |l| l.start),
        )
    });
}

/// Reads one course file. Problems are reported at `referrer` (the `nodes` entry naming the
/// file) when there is one, else against the file itself.
fn read(
    cx: &mut Checker<'_>,
    source: &dyn CourseSource,
    rel: &str,
    referrer: Option<(&FileCx, Range<usize>)>,
) -> Option<FileCx> {
    let normal = normalize_relative_path(rel);
    let display = source.display_path(normal.as_deref().unwrap_or(rel));
    if let (Some((file, span)), true) = (&referrer, rel.contains('\\')) {
        // Most likely a Windows path, not an attempt to leave the course.
        cx.error(
            file,
            span.clone(),
            format!("node file path `{rel}` uses `\\`"),
        )
        .with_label("paths use `/`")
        .with_note(format!(
            "help: paths use `/` on every system: write `{}`",
            rel.replace('\\', "/")
        ));
        return None;
    }
    let result = match &normal {
        Ok(rel) => source.read(rel),
        Err(_) => Err(SourceError::OutsideCourse),
    };
    let problem = match result {
        Ok(text) if text.len() as u64 > MAX_FILE_BYTES => SourceError::TooLarge {
            limit: MAX_FILE_BYTES,
        },
        Ok(text) => {
            let mut file = FileCx::new(display, text);
            file.rel = normal.unwrap_or_else(|_| rel.to_owned());
            return Some(file);
        }
        Err(err) => err,
    };
    // The course file is named as such: only the files it lists are "node files".
    let what = if referrer.is_some() {
        format!("node file `{rel}`")
    } else {
        format!("`{display}`")
    };
    let message = match &problem {
        SourceError::NotFound => format!("cannot read `{display}`: file not found"),
        SourceError::OutsideCourse => format!("{what} is outside the course directory"),
        SourceError::LinkOutside(target) => {
            format!("{what} is a symlink to `{target}`, outside the course directory")
        }
        other => format!("cannot read `{display}`: {other}"),
    };
    let d = match referrer {
        Some((file, span)) => cx.error(file, span, message),
        None => cx.file_error(&display, message),
    };
    match problem {
        SourceError::OutsideCourse => {
            d.with_note("help: node files must be inside the course directory; write paths relative to it, like `nodes/intro.toml`");
        }
        SourceError::LinkOutside(_) => {
            d.with_note("help: course files must be inside the course directory; copy the file in instead of linking to it");
        }
        SourceError::NotRegular(_) => {
            d.with_note("note: course files must be regular files; FIFOs, devices and directories are not read");
        }
        _ => {}
    }
    None
}

/// `rel` without `.` components and repeated slashes (`./nodes//a.toml` → `nodes/a.toml`);
/// refuses paths that could leave the course directory, whatever the source: absolute paths,
/// `..`, backslashes and drive letters.
pub fn normalize_relative_path(rel: &str) -> Result<String, SourceError> {
    let parts: Vec<&str> = rel
        .split('/')
        .filter(|part| !part.is_empty() && *part != ".")
        .collect();
    let bad = parts.is_empty()
        || rel.starts_with('/')
        || rel.contains(['\\', ':'])
        || parts.contains(&"..");
    if bad {
        Err(SourceError::OutsideCourse)
    } else {
        Ok(parts.join("/"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::source::MemorySource;

    fn course_accepting(accept: &str) -> MemorySource {
        let course = format!(
            "format = 1\nid = \"c\"\ntitle = \"C\"\n\
             [[node]]\nid = \"n\"\ntitle = \"N\"\nsummary = \"S\"\n\
             [[node.step]]\nid = \"s\"\ntitle = \"T\"\n\
             [[node.step.bash]]\ncmd = \"ls -la\"\nout = \"\"\ntype_along = true\n\
             accept = ['{accept}']\n"
        );
        MemorySource {
            root: "c".to_owned(),
            files: vec![(COURSE_FILE.to_owned(), course)],
        }
    }

    #[test]
    fn only_the_full_check_matches_patterns_against_their_own_cmd() {
        let source = course_accepting("^ls$");
        let full = load(&source, &LoadOptions::default()).map(|_| ());
        let full = full.map_err(|r| r.render(false)).expect_err("full check");
        assert!(full.contains("no `accept` pattern matches"), "{full}");
        let course = load_prechecked(&source, &LoadOptions::default());
        let course = course.map_err(|r| r.render(false)).expect("prechecked");
        let entry = &course.nodes[0].steps[0].bash[0];
        let accept = &entry.type_along.as_ref().expect("type-along").accept;
        assert!(accept[0].is_match("ls"));
        assert!(!accept[0].is_match("ls -la"));
    }

    #[test]
    fn both_loads_report_a_regex_that_does_not_parse() {
        let source = course_accepting("^ls -la(");
        for report in [
            load(&source, &LoadOptions::default()).map(|_| ()),
            load_prechecked(&source, &LoadOptions::default()).map(|_| ()),
        ] {
            let report = report.map_err(|r| r.render(false)).expect_err("invalid");
            assert!(report.contains("invalid regex: unclosed group"), "{report}");
        }
    }

    #[test]
    fn node_paths_are_normalized_and_kept_inside() {
        let ok = |p: &str| normalize_relative_path(p).ok();
        assert_eq!(ok("nodes/a.toml").as_deref(), Some("nodes/a.toml"));
        assert_eq!(ok("./nodes//a.toml").as_deref(), Some("nodes/a.toml"));
        for bad in [
            "",
            ".",
            "/etc/passwd",
            "../x.toml",
            "nodes/../../x",
            "C:\\x",
            "a\\b",
            "c:/x",
        ] {
            assert!(ok(bad).is_none(), "{bad}");
        }
    }
}
