//! The validated course model: immutable domain types produced by the loader.
//!
//! Everything here has already been checked (ids unique, references resolved, regexes valid) and
//! sanitized (no control characters or escape sequences), so the player can trust it without
//! re-validating. Raw, as-written TOML structures live in `core::raw`; the conversion is in
//! `core::check`.

use std::fmt;
use std::sync::OnceLock;

use regex_automata::meta::{self, BuildError, Regex};
use regex_automata::util::syntax;
use regex_syntax::hir::Hir;

use crate::core::command::{self, Verdict};

mod task;

pub use task::{
    Check, CheckKind, DEFAULT_TIMEOUT_SECS, MAX_TIMEOUT_SECS, RunCheck, Task, TaskFile,
};

/// The newest course format this build understands.
pub const COURSE_FORMAT: u32 = 1;

macro_rules! id_newtype {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }
    };
}

id_newtype!(
    /// A course's id: the key its progress file is stored under.
    CourseId
);
id_newtype!(
    /// A node's id, unique within its course.
    NodeId
);
id_newtype!(
    /// A step's id, unique within its node.
    StepId
);

/// A whole course, ready to play.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Course {
    pub id: CourseId,
    pub title: String,
    pub tagline: String,
    /// Tags scrolled in the header, shown joined by ` /// `.
    pub ticker: Vec<String>,
    pub matrix: MatrixInfo,
    pub glossary: Vec<GlossaryEntry>,
    pub faq: Vec<FaqEntry>,
    /// In declaration order, which is also the matrix order.
    pub nodes: Vec<Node>,
    /// The course's closing words, from `[finish]`.
    pub finish: Option<Finish>,
}

impl Course {
    pub fn node(&self, id: &NodeId) -> Option<&Node> {
        self.nodes.iter().find(|n| &n.id == id)
    }

    pub fn node_index(&self, id: &NodeId) -> Option<usize> {
        self.nodes.iter().position(|n| &n.id == id)
    }

    /// Step `step` of node `node`, by index.
    pub fn step_at(&self, node: usize, step: usize) -> Option<&Step> {
        self.nodes.get(node)?.steps.get(step)
    }
}

/// Title and motto of the course's prerequisite graph ("Deployment Matrix").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MatrixInfo {
    pub title: String,
    pub motto: String,
}

/// What the course-complete screen shows besides the learner's results (`[finish]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finish {
    /// Its heading, when the author gave one.
    pub title: Option<String>,
    /// Markdown; never empty.
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlossaryEntry {
    pub term: String,
    /// A short category label such as `Dockerfile` or `Concept`.
    pub tag: String,
    /// Markdown.
    pub definition: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaqEntry {
    pub question: String,
    /// Markdown.
    pub answer: String,
}

/// A topic of the course: a node of the matrix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub id: NodeId,
    pub title: String,
    pub summary: String,
    /// Nodes that must be complete before this one becomes available; all exist in the course.
    pub requires: Vec<NodeId>,
    /// Never empty.
    pub steps: Vec<Step>,
}

impl Node {
    pub fn step_index(&self, id: &StepId) -> Option<usize> {
        self.steps.iter().position(|s| &s.id == id)
    }

    pub fn has_quiz(&self) -> bool {
        self.steps.iter().any(|s| s.quiz.is_some())
    }

    pub fn has_task(&self) -> bool {
        self.steps.iter().any(|s| s.task.is_some())
    }

    /// Whether the node is completed by passing things (quizzes, tasks) rather than by
    /// reading to its last step.
    pub fn is_graded(&self) -> bool {
        self.steps.iter().any(Step::is_graded)
    }
}

/// One screen of a node. At least one of `sys_msg`, `body`, `bash`, `quiz` or `task` is present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub id: StepId,
    pub title: String,
    /// The narration box labelled `SYS_MSG`.
    pub sys_msg: Option<String>,
    /// Markdown prose.
    pub body: Option<String>,
    /// The scripted bash pane, in order. Empty when the step has no pane.
    pub bash: Vec<BashEntry>,
    pub quiz: Option<Quiz>,
    /// A hands-on task: files the learner writes, checked live.
    pub task: Option<Task>,
}

impl Step {
    /// Whether the step has something the learner must pass (a quiz or a task).
    pub fn is_graded(&self) -> bool {
        self.quiz.is_some() || self.task.is_some()
    }
}

/// One command of the bash pane with its scripted output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BashEntry {
    pub cmd: String,
    /// May be empty; may span several lines.
    pub out: String,
    pub note: Option<String>,
    /// Present when the learner must type the command themselves.
    pub type_along: Option<TypeAlong>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeAlong {
    /// The learner's line is accepted when any of these matches. Never empty: the author's
    /// regexes (anchored only where the author wrote `^…$`), or, when the author gave no
    /// `accept`, one [`Pattern::command`] that compares the line with `cmd` argument by
    /// argument (`core::command`).
    pub accept: Vec<Pattern>,
    pub hint: Option<String>,
}

impl TypeAlong {
    /// Judges the learner's `line` against this entry, whose scripted command is `cmd`:
    /// accepted when an `accept` pattern matches; otherwise what differs from `cmd` (empty when
    /// only an author's stricter pattern rejected a line equivalent to `cmd`).
    pub fn judge(&self, cmd: &str, line: &str) -> Verdict {
        if let [only] = self.accept.as_slice()
            && only.scripted_command() == Some(cmd)
        {
            return command::judge(cmd, line);
        }
        if self.accept.iter().any(|p| p.is_match(line.trim())) {
            return Verdict::Accepted;
        }
        match command::judge(cmd, line) {
            Verdict::Accepted => Verdict::Rejected(Vec::new()),
            rejected @ Verdict::Rejected(_) => rejected,
        }
    }

    /// Whether the author wrote `accept` patterns (otherwise the line is compared with `cmd`).
    pub fn has_author_patterns(&self) -> bool {
        self.accept.iter().any(|p| p.scripted_command().is_none())
    }
}

impl BashEntry {
    /// Judges the learner's `line` for this entry; `None` when it is not a type-along.
    pub fn judge(&self, line: &str) -> Option<Verdict> {
        self.type_along.as_ref().map(|t| t.judge(&self.cmd, line))
    }
}

/// The most one pattern's automaton may take when compiled, in bytes. Compiling stops (and the
/// pattern is an error, or matches nothing when compiled late) as soon as it would take more,
/// which also bounds the time it takes. No answer pattern comes close; `\w{50}` (fifty copies
/// of a Unicode class) does.
pub const PATTERN_SIZE_LIMIT: usize = 2 * 1024 * 1024;

/// The lazy DFA's cache per pattern (and thread that matches it).
const PATTERN_CACHE_BYTES: usize = 1024 * 1024;

fn limits(size_limit: usize) -> meta::Config {
    meta::Config::new()
        .nfa_size_limit(Some(size_limit))
        .onepass_size_limit(Some(size_limit))
        .hybrid_cache_capacity(PATTERN_CACHE_BYTES)
}

/// A way to accept a learner's text: a regular expression together with the text the author
/// wrote (sanitised, for display), or, for a type-along without `accept`, the scripted command
/// compared argument by argument.
///
/// A regex is compiled when first needed: the loader has already checked that it compiles
/// (or, for a course checked when the binary was built, that it parses), and compiling the
/// built-in course's ~120 patterns up front was most of the player's start-up time. Every
/// compilation is bounded by [`PATTERN_SIZE_LIMIT`].
#[derive(Debug, Clone)]
pub struct Pattern {
    pub source: String,
    kind: PatternKind,
}

/// Patterns are equal when they match the same way, compiled yet or not.
impl PartialEq for Pattern {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source && self.kind == other.kind
    }
}

impl Eq for Pattern {}

impl Pattern {
    /// Compiles `text` now, so an invalid (or too large) pattern is an error here.
    pub fn compile(text: &str, case_insensitive: bool) -> Result<Self, Box<BuildError>> {
        let regex = build(text, case_insensitive, true, PATTERN_SIZE_LIMIT)?;
        let pattern = Self::deferred(text, case_insensitive, true);
        pattern.set_compiled(regex);
        Ok(pattern)
    }

    /// Compiles `text`, already parsed to `hir` (with Unicode on), with its automaton limited to
    /// `size_limit` bytes. Returns the pattern and the memory it takes.
    pub fn compile_parsed(
        text: &str,
        case_insensitive: bool,
        hir: &Hir,
        size_limit: usize,
    ) -> Result<(Self, usize), Box<BuildError>> {
        let regex = meta::Builder::new()
            .configure(limits(size_limit.min(PATTERN_SIZE_LIMIT)))
            .build_from_hir(hir)
            .map_err(Box::new)?;
        let size = regex.memory_usage();
        let pattern = Self::deferred(text, case_insensitive, true);
        pattern.set_compiled(regex);
        Ok((pattern, size))
    }

    /// Compiles `text` on first match. The caller has checked that it is valid; if it is not
    /// after all, it matches nothing.
    pub fn deferred(text: &str, case_insensitive: bool, unicode: bool) -> Self {
        Self {
            source: text.to_owned(),
            kind: PatternKind::Regex {
                text: text.to_owned(),
                case_insensitive,
                unicode,
                compiled: OnceLock::new(),
            },
        }
    }

    /// Accepts any line that is the same command as `cmd`: the same programs, subcommands,
    /// arguments in order and options in any order (see `core::command`).
    pub fn command(cmd: &str) -> Self {
        Self {
            source: cmd.to_owned(),
            kind: PatternKind::Command(cmd.to_owned()),
        }
    }

    /// The scripted command of a [`Pattern::command`]; `None` for a regex.
    pub fn scripted_command(&self) -> Option<&str> {
        match &self.kind {
            PatternKind::Command(cmd) => Some(cmd),
            PatternKind::Regex { .. } => None,
        }
    }

    /// Shows `source` instead of the regex text (e.g. with control characters made visible).
    #[must_use]
    pub fn with_source(mut self, source: String) -> Self {
        self.source = source;
        self
    }

    pub fn is_match(&self, text: &str) -> bool {
        match &self.kind {
            PatternKind::Command(cmd) => command::equivalent(cmd, text),
            PatternKind::Regex { .. } => self.regex().is_some_and(|regex| regex.is_match(text)),
        }
    }

    /// The first match starting at byte `start` or later, as a byte range. Anchors and
    /// word-boundary assertions (`^`, `\b`) see the text before `start`. A command pattern finds
    /// nothing.
    pub fn find_at(&self, text: &str, start: usize) -> Option<std::ops::Range<usize>> {
        if start > text.len() || !text.is_char_boundary(start) {
            return None;
        }
        let input = regex_automata::Input::new(text).range(start..);
        self.regex()?.find(input).map(|m| m.range())
    }

    fn set_compiled(&self, regex: Regex) {
        if let PatternKind::Regex { compiled, .. } = &self.kind {
            compiled.get_or_init(|| Some(regex));
        }
    }

    fn regex(&self) -> Option<&Regex> {
        let PatternKind::Regex {
            text,
            case_insensitive,
            unicode,
            compiled,
        } = &self.kind
        else {
            return None;
        };
        compiled
            .get_or_init(|| build(text, *case_insensitive, *unicode, PATTERN_SIZE_LIMIT).ok())
            .as_ref()
    }
}

/// Compiles a regex with its automaton limited to `size_limit` bytes.
fn build(
    text: &str,
    case_insensitive: bool,
    unicode: bool,
    size_limit: usize,
) -> Result<Regex, Box<BuildError>> {
    meta::Builder::new()
        .configure(limits(size_limit))
        .syntax(
            syntax::Config::new()
                .case_insensitive(case_insensitive)
                .unicode(unicode),
        )
        .build(text)
        .map_err(Box::new)
}

impl PartialEq for PatternKind {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (
                Self::Regex {
                    text: a,
                    case_insensitive: ai,
                    unicode: au,
                    ..
                },
                Self::Regex {
                    text: b,
                    case_insensitive: bi,
                    unicode: bu,
                    ..
                },
            ) => (a, ai, au) == (b, bi, bu),
            (Self::Command(a), Self::Command(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for PatternKind {}

#[derive(Debug, Clone)]
enum PatternKind {
    Regex {
        text: String,
        case_insensitive: bool,
        unicode: bool,
        compiled: OnceLock<Option<Regex>>,
    },
    /// Accepts lines that are the same command as this one (`core::command::equivalent`).
    Command(String),
}

/// A "System Verification" question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quiz {
    /// Markdown.
    pub question: String,
    pub kind: QuizKind,
    /// Revealed one at a time, most gentle first.
    pub hints: Vec<String>,
    /// Shown after a correct answer. Markdown.
    pub explain: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuizKind {
    /// Exactly one choice is correct.
    Single { choices: Vec<Choice> },
    /// One or more choices are correct; the answer must select exactly those.
    Multi { choices: Vec<Choice> },
    /// A typed answer, accepted when any pattern matches.
    Text {
        answers: Vec<Pattern>,
        sample: String,
        case_sensitive: bool,
    },
    /// Items as written by the author, which is the correct order (at least two).
    Order { items: Vec<String> },
}

impl QuizKind {
    pub fn name(&self) -> &'static str {
        match self {
            Self::Single { .. } => "single",
            Self::Multi { .. } => "multi",
            Self::Text { .. } => "text",
            Self::Order { .. } => "order",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub text: String,
    pub correct: bool,
    /// Why this choice is right or wrong, shown after answering.
    pub why: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::Pattern;

    #[test]
    fn deferred_patterns_match_like_compiled_ones() {
        let compiled = Pattern::compile("^slim$", true).expect("valid");
        let deferred = Pattern::deferred("^slim$", true, true);
        for text in ["slim", "SLIM", "slim image"] {
            assert_eq!(compiled.is_match(text), deferred.is_match(text), "{text}");
        }
        assert!(deferred.is_match("Slim"));
        assert!(!Pattern::deferred("^slim$", false, true).is_match("Slim"));
    }

    #[test]
    fn patterns_are_equal_when_they_match_the_same_way() {
        let compiled = Pattern::compile("^ls$", false).expect("valid");
        assert_eq!(compiled, Pattern::deferred("^ls$", false, true));
        assert_ne!(compiled, Pattern::deferred("^ls$", true, true));
        assert_eq!(Pattern::command("ls -l"), Pattern::command("ls -l"));
        assert_ne!(Pattern::command("ls"), Pattern::deferred("ls", false, true));
    }

    #[test]
    fn an_invalid_pattern_is_an_error_when_compiled_and_matches_nothing_when_deferred() {
        assert!(Pattern::compile("(", false).is_err());
        assert!(!Pattern::deferred("(", false, true).is_match("("));
    }

    #[test]
    fn a_pattern_over_the_size_limit_is_refused_in_bounded_time() {
        // Compiling stops at the size limit (unlimited, it took ~0.4 s and 11 MB in a release
        // build); the error says so, and a deferred pattern matches nothing.
        let err = Pattern::compile(r"\w{200}x", false).expect_err("too large");
        assert!(err.size_limit().is_some(), "{err}");
        assert!(!Pattern::deferred(r"\w{200}x", false, true).is_match("x"));
    }
}
