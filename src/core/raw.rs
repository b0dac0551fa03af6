//! Course files as written: serde structs mirroring the TOML of format 1, with source spans.
//!
//! These types only describe shape. Every field a course needs is still an `Option` here so that
//! a missing key becomes a precise diagnostic in `core::check` rather than a serde error that
//! would stop deserialization; `#[schemars(required)]` keeps those keys required in the JSON
//! Schema that `termcourse schema` prints (`assets/course.schema.json`), which is derived from
//! these same structs. Unknown keys are rejected (`deny_unknown_fields`).

use std::borrow::Cow;
use std::ops::{Deref, Range};

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::Deserialize;

mod task;

/// A value with the byte range it was read from. Transparent in the JSON Schema.
#[derive(Debug, Clone, Deserialize)]
#[serde(transparent)]
pub struct Sp<T>(toml::Spanned<T>);

impl<T> Sp<T> {
    /// `value` as if read from `span` (text that came from a file of its own).
    pub fn new(span: Range<usize>, value: T) -> Self {
        Self(toml::Spanned::new(span, value))
    }

    pub fn span(&self) -> Range<usize> {
        self.0.span()
    }

    pub fn get(&self) -> &T {
        self.0.get_ref()
    }
}

impl<T> Deref for Sp<T> {
    type Target = T;

    fn deref(&self) -> &T {
        self.0.get_ref()
    }
}

impl<T: JsonSchema> JsonSchema for Sp<T> {
    fn inline_schema() -> bool {
        T::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        T::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        T::schema_id()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        T::json_schema(generator)
    }
}

/// A list with the span of the whole array and of each element.
pub type SpList<T> = Sp<Vec<Sp<T>>>;

/// Ids in the schema: what `check` accepts (letters, digits, `-`, `_`, `.`; at most 64).
pub const ID_PATTERN: &str = "^[A-Za-z0-9._-]+$";
/// Required text in the schema: something besides spaces (`check` trims it).
pub const TEXT_PATTERN: &str = "\\S";

/// `course.toml`: the course and, optionally, its nodes inline.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "termcourse course (format 1)")]
pub struct RawCourse {
    /// Course format version. This build reads format 1.
    #[schemars(required, range(min = 1, max = 1), extend("const" = 1))]
    pub format: Option<Sp<i64>>,
    /// The course's id: letters, digits, `-`, `_` and `.`. Progress is stored under it.
    #[schemars(required, length(min = 1, max = 64), pattern(ID_PATTERN))]
    pub id: Option<Sp<String>>,
    #[schemars(required, length(min = 1), pattern(TEXT_PATTERN))]
    pub title: Option<Sp<String>>,
    /// One line under the title.
    pub tagline: Option<Sp<String>>,
    /// Tags scrolled in the header, shown joined by ` /// `.
    pub ticker: Option<SpList<String>>,
    /// The prerequisite graph's title and motto.
    pub matrix: Option<Sp<RawMatrix>>,
    #[serde(default)]
    pub glossary: Vec<Sp<RawGlossaryEntry>>,
    #[serde(default)]
    pub faq: Vec<Sp<RawFaqEntry>>,
    /// Node files, relative to the course directory, one node per file. They come first in
    /// the matrix, in this order, followed by the inline `[[node]]` tables.
    #[schemars(inner(length(min = 1), pattern("^[^\\\\]+$")))]
    pub nodes: Option<SpList<String>>,
    /// Nodes written inline, in matrix order.
    #[serde(default)]
    pub node: Vec<Sp<RawNode>>,
    /// What the learner reads when the whole course is complete, under their results.
    pub finish: Option<Sp<RawFinish>>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Finish")]
#[schemars(extend("oneOf" = [{"required": ["note"]}, {"required": ["note_file"]}]))]
pub struct RawFinish {
    /// The heading of the course-complete screen (default "Course complete").
    pub title: Option<Sp<String>>,
    /// A closing note in markdown: what to build next, where to read more.
    #[schemars(length(min = 1), pattern(TEXT_PATTERN))]
    pub note: Option<Sp<String>>,
    /// `note` in a markdown file, relative to this file (give `note` or `note_file`).
    pub note_file: Option<Sp<String>>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Matrix")]
pub struct RawMatrix {
    /// e.g. "Deployment Matrix".
    #[schemars(required, length(min = 1), pattern(TEXT_PATTERN))]
    pub title: Option<Sp<String>>,
    /// e.g. "Unlock nodes by isolating environments".
    pub motto: Option<Sp<String>>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "GlossaryEntry")]
#[schemars(extend("oneOf" = [{"required": ["definition"]}, {"required": ["definition_file"]}]))]
pub struct RawGlossaryEntry {
    #[schemars(required, length(min = 1), pattern(TEXT_PATTERN))]
    pub term: Option<Sp<String>>,
    /// A short category label, e.g. `Dockerfile` or `Concept`.
    pub tag: Option<Sp<String>>,
    /// Markdown.
    #[schemars(length(min = 1), pattern(TEXT_PATTERN))]
    pub definition: Option<Sp<String>>,
    /// `definition` in a markdown file, relative to this file (give one of the two).
    pub definition_file: Option<Sp<String>>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "FaqEntry")]
#[schemars(extend("oneOf" = [{"required": ["answer"]}, {"required": ["answer_file"]}]))]
pub struct RawFaqEntry {
    #[schemars(required, length(min = 1), pattern(TEXT_PATTERN))]
    pub question: Option<Sp<String>>,
    /// Markdown.
    #[schemars(length(min = 1), pattern(TEXT_PATTERN))]
    pub answer: Option<Sp<String>>,
    /// `answer` in a markdown file, relative to this file (give one of the two).
    pub answer_file: Option<Sp<String>>,
}

/// A node of the matrix: inline as `[[node]]`, or the top level of a node file.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Node")]
// Given in full: schemars leaves a key with a serde default out of `required`, and a node
// needs its steps.
#[schemars(extend("required" = ["id", "title", "step"]))]
pub struct RawNode {
    /// Unique within the course: letters, digits, `-`, `_` and `.`.
    #[schemars(required, length(min = 1, max = 64), pattern(ID_PATTERN))]
    pub id: Option<Sp<String>>,
    #[schemars(required, length(min = 1), pattern(TEXT_PATTERN))]
    pub title: Option<Sp<String>>,
    /// One or two sentences shown in the matrix.
    pub summary: Option<Sp<String>>,
    /// Ids of the nodes that must be complete before this one becomes available.
    #[schemars(inner(length(min = 1, max = 64), pattern(ID_PATTERN)))]
    pub requires: Option<SpList<String>>,
    /// The node's steps, in order (at least one).
    #[serde(default)]
    #[schemars(required, length(min = 1))]
    pub step: Vec<Sp<RawStep>>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Step")]
#[schemars(extend("allOf" = [
    {"not": {"required": ["body", "body_file"]}},
    {"not": {"required": ["sys_msg", "sys_msg_file"]}},
    {"not": {"required": ["quiz", "task"]}},
    {"anyOf": [
        {"required": ["sys_msg"]},
        {"required": ["sys_msg_file"]},
        {"required": ["body"]},
        {"required": ["body_file"]},
        {"required": ["bash"]},
        {"required": ["quiz"]},
        {"required": ["task"]},
    ]},
]))]
pub struct RawStep {
    /// Unique within the node.
    #[schemars(required, length(min = 1, max = 64), pattern(ID_PATTERN))]
    pub id: Option<Sp<String>>,
    #[schemars(required, length(min = 1), pattern(TEXT_PATTERN))]
    pub title: Option<Sp<String>>,
    /// The narration box labelled `SYS_MSG`.
    pub sys_msg: Option<Sp<String>>,
    /// Markdown prose.
    pub body: Option<Sp<String>>,
    /// `sys_msg` in a markdown file, relative to this file (give one of the two).
    pub sys_msg_file: Option<Sp<String>>,
    /// `body` in a markdown file, relative to this file (give one of the two), e.g.
    /// `body_file = "intro.md"`.
    pub body_file: Option<Sp<String>>,
    /// The scripted bash pane, in order.
    #[serde(default)]
    pub bash: Vec<Sp<RawBashEntry>>,
    /// A "System Verification" question.
    pub quiz: Option<Sp<RawQuiz>>,
    /// A hands-on task: files the learner writes in their own editor, checked as they save.
    pub task: Option<Sp<RawTask>>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "BashEntry")]
pub struct RawBashEntry {
    /// The command, as shown after the prompt.
    #[schemars(required, length(min = 1), pattern(TEXT_PATTERN))]
    pub cmd: Option<Sp<String>>,
    /// Its output (may be empty or span several lines).
    pub out: Option<Sp<String>>,
    /// A remark shown under the output.
    pub note: Option<Sp<String>>,
    /// The learner must type this command.
    pub type_along: Option<Sp<bool>>,
    /// Regexes, any of which accepts the learner's line. Default: the line is compared with
    /// `cmd` as a command (options in any order, `--opt=value` or `--opt value`).
    #[schemars(length(min = 1))]
    pub accept: Option<SpList<String>>,
    /// Shown when the learner asks for help typing the command.
    pub hint: Option<Sp<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(rename = "QuizKind")]
pub enum RawQuizKind {
    /// Exactly one choice is correct.
    Single,
    /// One or more choices are correct.
    Multi,
    /// A typed answer matched by regexes.
    Text,
    /// Put `items` in order.
    Order,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Quiz")]
#[schemars(extend("allOf" = [
    {"oneOf": [{"required": ["question"]}, {"required": ["question_file"]}]},
    {
        "if": {"properties": {"kind": {"enum": ["single", "multi"]}}, "required": ["kind"]},
        "then": {
            "required": ["choice"],
            "properties": {"answers": false, "sample": false, "case_sensitive": false, "items": false},
        },
    },
    {
        "if": {"properties": {"kind": {"const": "text"}}, "required": ["kind"]},
        "then": {
            "required": ["answers", "sample"],
            "properties": {"choice": false, "items": false},
        },
    },
    {
        "if": {"properties": {"kind": {"const": "order"}}, "required": ["kind"]},
        "then": {
            "required": ["items"],
            "properties": {"choice": false, "answers": false, "sample": false, "case_sensitive": false},
        },
    },
]))]
pub struct RawQuiz {
    #[schemars(required)]
    pub kind: Option<Sp<RawQuizKind>>,
    /// Markdown.
    #[schemars(length(min = 1), pattern(TEXT_PATTERN))]
    pub question: Option<Sp<String>>,
    /// `question` in a markdown file, relative to this file (give one of the two).
    pub question_file: Option<Sp<String>>,
    /// Revealed one at a time, most gentle first.
    pub hints: Option<SpList<String>>,
    /// Shown after a correct answer. Markdown.
    pub explain: Option<Sp<String>>,
    /// `explain` in a markdown file, relative to this file (give one of the two).
    pub explain_file: Option<Sp<String>>,
    /// `single` and `multi`: the choices, in display order (at least two).
    #[serde(default)]
    #[schemars(length(min = 2))]
    pub choice: Vec<Sp<RawChoice>>,
    /// `text`: regexes, any of which accepts the answer.
    #[schemars(length(min = 1))]
    pub answers: Option<SpList<String>>,
    /// `text`: the instructor's own right answer; must be accepted by `answers`.
    #[schemars(length(min = 1), pattern(TEXT_PATTERN))]
    pub sample: Option<Sp<String>>,
    /// `text`: match `answers` case-sensitively (default false).
    pub case_sensitive: Option<Sp<bool>>,
    /// `order`: the items in the correct order (shown shuffled; at least two).
    #[schemars(length(min = 2), inner(length(min = 1), pattern(TEXT_PATTERN)))]
    pub items: Option<SpList<String>>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Choice")]
pub struct RawChoice {
    #[schemars(required, length(min = 1), pattern(TEXT_PATTERN))]
    pub text: Option<Sp<String>>,
    /// Whether this choice is right (default false).
    pub correct: Option<Sp<bool>>,
    /// Why this choice is right or wrong, shown after answering. Markdown.
    pub why: Option<Sp<String>>,
}

pub use task::{RawCheck, RawNeeds, RawTask, RawTaskFile};

/// The schemas' `$id`s: names, not addresses (termcourse publishes no schema on the web; a
/// `#:schema` line points at a file, which `termcourse new` writes beside the course).
pub const COURSE_SCHEMA_ID: &str = "urn:termcourse:schema:course:1";
pub const NODE_SCHEMA_ID: &str = "urn:termcourse:schema:node:1";

/// Which file's JSON Schema: `course.toml`, or a node file listed in `nodes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaFor {
    Course,
    NodeFile,
}

/// The JSON Schema (draft-07) of a course file or a node file, derived from these structs, as
/// pretty-printed JSON with a trailing newline.
pub fn json_schema(which: SchemaFor) -> String {
    let mut settings = schemars::generate::SchemaSettings::draft07();
    // Before `RemoveRefSiblings`, so a lone `$ref` left by `drop_null` gets the same treatment.
    settings.transforms.insert(
        0,
        Box::new(schemars::transform::RecursiveTransform(
            drop_null as fn(&mut Schema),
        )),
    );
    let generator = settings.into_generator();
    let (schema, id) = match which {
        SchemaFor::Course => (
            generator.into_root_schema_for::<RawCourse>(),
            COURSE_SCHEMA_ID,
        ),
        SchemaFor::NodeFile => (generator.into_root_schema_for::<RawNode>(), NODE_SCHEMA_ID),
    };
    // `$id` right after `$schema`, where a reader looks for it.
    let mut root = serde_json::Map::new();
    if let Some(object) = schema.as_object() {
        for (key, value) in object {
            root.insert(key.clone(), value.clone());
            if key == "$schema" {
                root.insert("$id".to_owned(), serde_json::Value::from(id));
            }
        }
    }
    let mut json = serde_json::to_string_pretty(&root).unwrap_or_default();
    json.push('\n');
    json
}

/// TOML has no null: an absent key is how a course leaves an optional value out, so the
/// schema's `null` alternatives (from `Option`) are dropped.
fn drop_null(schema: &mut Schema) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    if let Some(serde_json::Value::Array(types)) = obj.get_mut("type") {
        types.retain(|t| t != "null");
        if let [only] = types.as_slice() {
            let only = only.clone();
            obj.insert("type".to_owned(), only);
        }
    }
    if let Some(serde_json::Value::Array(any)) = obj.get_mut("anyOf") {
        any.retain(|s| s.get("type").and_then(serde_json::Value::as_str) != Some("null"));
        if any.len() == 1
            && let Some(serde_json::Value::Object(only)) = any.pop()
        {
            obj.remove("anyOf");
            obj.extend(only);
        }
    }
}
