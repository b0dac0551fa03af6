//! `[step.task]` as written: the goal, the files and the checks, with spans.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};

use super::{Sp, SpList};

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Task")]
#[schemars(extend(
    "oneOf" = [{"required": ["goal"]}, {"required": ["goal_file"]}],
    // Given in full: schemars leaves keys with a serde default out of `required`.
    "required" = ["file", "check"],
))]
pub struct RawTask {
    /// Markdown: what to build, shown at the top of the task pane.
    #[schemars(length(min = 1), pattern(super::TEXT_PATTERN))]
    pub goal: Option<Sp<String>>,
    /// `goal` in a markdown file, relative to this file (give one of the two).
    pub goal_file: Option<Sp<String>>,
    /// The files the learner works on (at least one).
    #[serde(default)]
    #[schemars(required, length(min = 1))]
    pub file: Vec<Sp<RawTaskFile>>,
    /// The checklist, in display order (at least one, and at least one file check).
    #[serde(default)]
    #[schemars(required, length(min = 1))]
    pub check: Vec<Sp<RawCheck>>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "TaskFile")]
pub struct RawTaskFile {
    /// Relative to the workspace, `/`-separated; no `..`, no absolute path, no backslash.
    #[schemars(required, length(min = 1, max = 1024), pattern("^[^/\\\\:][^\\\\:]*$"))]
    pub path: Option<Sp<String>>,
    /// Written when the file does not exist yet; never over the learner's file.
    pub starter: Option<Sp<String>>,
    /// The author's answer: every file check must pass on it (`termcourse check`).
    pub solution: Option<Sp<String>>,
}

/// One check: exactly one of `matches`, `absent`, `order`, `exists` or `run`.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Check")]
#[schemars(extend("oneOf" = [
    {"required": ["matches"]},
    {"required": ["absent"]},
    {"required": ["order"]},
    {"required": ["exists"]},
    {"required": ["run"]},
]))]
pub struct RawCheck {
    /// One of the task's file paths. Required for file checks; for `run`, the file the edit
    /// key opens.
    pub file: Option<Sp<String>>,
    /// A regex that must match the file.
    pub matches: Option<Sp<String>>,
    /// A regex that must not match the file.
    pub absent: Option<Sp<String>>,
    /// Regexes that must each match, in this order (at least two).
    pub order: Option<SpList<String>>,
    /// `true`: the file exists and is not empty.
    pub exists: Option<Sp<bool>>,
    /// A command run with `sh -c` in the workspace (only in a trusted course).
    pub run: Option<Sp<String>>,
    /// `run`: programs that must be on PATH; when one is missing the check is skipped.
    pub needs: Option<Sp<RawNeeds>>,
    /// `run`: commands that must succeed first (each with `sh -c`, not shown in the bash
    /// pane); when one fails, the check is skipped with the last line it printed.
    pub ready: Option<Sp<RawNeeds>>,
    /// `run`: the expected exit status (default 0).
    #[schemars(range(min = 0, max = 255))]
    pub exit: Option<Sp<i64>>,
    /// `run`: a regex that must match the command's output (stdout and stderr).
    pub output: Option<Sp<String>>,
    /// `run`: seconds before the command is killed (default 30, at most 600).
    #[schemars(range(min = 1, max = 600))]
    pub timeout: Option<Sp<i64>>,
    /// What to fix, shown while the check fails.
    #[schemars(required, length(min = 1), pattern(super::TEXT_PATTERN))]
    pub message: Option<Sp<String>>,
    /// Shown when the learner asks for a hint.
    pub hint: Option<Sp<String>>,
    /// File checks: match logical lines (`\` continuations joined, comment lines dropped).
    pub logical: Option<Sp<bool>>,
}

/// `needs = "docker"` or `needs = ["docker", "curl"]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawNeeds(pub Vec<String>);

impl<'de> Deserialize<'de> for RawNeeds {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NeedsVisitor;

        impl<'de> Visitor<'de> for NeedsVisitor {
            type Value = RawNeeds;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or an array of strings")
            }

            fn visit_str<E: de::Error>(self, value: &str) -> Result<RawNeeds, E> {
                Ok(RawNeeds(vec![value.to_owned()]))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawNeeds, A::Error> {
                let mut names = Vec::new();
                while let Some(name) = seq.next_element::<String>()? {
                    names.push(name);
                }
                Ok(RawNeeds(names))
            }
        }

        deserializer.deserialize_any(NeedsVisitor)
    }
}

impl JsonSchema for RawNeeds {
    fn schema_name() -> Cow<'static, str> {
        "Needs".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Programs that must be on PATH: one name, or an array of names.",
            "anyOf": [
                {"type": "string"},
                {"type": "array", "items": {"type": "string"}},
            ]
        })
    }
}
