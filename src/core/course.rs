//! The validated course model: immutable domain types produced by the loader.
//!
//! Everything here has already been checked (ids unique, references resolved, regexes valid) and
//! sanitized (no control characters or escape sequences), so the player can trust it without
//! re-validating. Raw, as-written TOML structures live in `core::raw`; the conversion is in
//! `core::check`.

use std::fmt;
use std::sync::OnceLock;

use regex::{Regex, RegexBuilder};

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
}

/// One screen of a node. At least one of `sys_msg`, `body`, `bash` or `quiz` is present.
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
    /// The learner's line is accepted when any of these matches (the loader anchors nothing;
    /// authors write `^...$` when they want a whole-line match). Never empty: when the author
    /// gives no `accept`, the loader derives one that matches `cmd` exactly, modulo spacing.
    pub accept: Vec<Pattern>,
    pub hint: Option<String>,
}

/// A regular expression together with the text the author wrote (sanitised, for display).
///
/// The regex is compiled when first needed: the loader has already checked that it compiles
/// (or, for a course checked when the binary was built, that it parses), and compiling the
/// built-in course's ~120 patterns up front was most of the player's start-up time.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub source: String,
    regex_text: String,
    case_insensitive: bool,
    unicode: bool,
    compiled: OnceLock<Option<Regex>>,
}

/// Patterns are equal when they match the same way, compiled yet or not.
impl PartialEq for Pattern {
    fn eq(&self, other: &Self) -> bool {
        self.source == other.source
            && self.regex_text == other.regex_text
            && self.case_insensitive == other.case_insensitive
            && self.unicode == other.unicode
    }
}

impl Eq for Pattern {}

impl Pattern {
    /// Compiles `text` now, so an invalid pattern is an error here.
    pub fn compile(text: &str, case_insensitive: bool) -> Result<Self, regex::Error> {
        let pattern = Self::deferred(text, case_insensitive, true);
        let regex = pattern.builder().build()?;
        pattern.compiled.get_or_init(|| Some(regex));
        Ok(pattern)
    }

    /// Compiles `text` on first match. The caller has checked that it is valid; if it is not
    /// after all, it matches nothing.
    pub fn deferred(text: &str, case_insensitive: bool, unicode: bool) -> Self {
        Self {
            source: text.to_owned(),
            regex_text: text.to_owned(),
            case_insensitive,
            unicode,
            compiled: OnceLock::new(),
        }
    }

    /// Shows `source` instead of the regex text (e.g. with control characters made visible).
    #[must_use]
    pub fn with_source(mut self, source: String) -> Self {
        self.source = source;
        self
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.compiled
            .get_or_init(|| self.builder().build().ok())
            .as_ref()
            .is_some_and(|regex| regex.is_match(text))
    }

    fn builder(&self) -> RegexBuilder {
        let mut builder = RegexBuilder::new(&self.regex_text);
        builder
            .case_insensitive(self.case_insensitive)
            .unicode(self.unicode);
        builder
    }
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
    fn an_invalid_pattern_is_an_error_when_compiled_and_matches_nothing_when_deferred() {
        assert!(Pattern::compile("(", false).is_err());
        assert!(!Pattern::deferred("(", false, true).is_match("("));
    }
}
