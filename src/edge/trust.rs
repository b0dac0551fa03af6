//! Whether a course's commands may run: the learner's decisions, kept in
//! `<data dir>/trust/<course id>.toml`, and the [`Permission`] a session gets from them.
//!
//! direnv's model: a decision is stored with the digest of every command of the course
//! (`core::trust`), and only counts while the commands are the same; any change asks again.
//! A decision file is one small TOML file:
//!
//! ```toml
//! course = "my-course"
//! commands = "sha256:…"
//! decision = "allow"     # or "deny"
//! decided_at = 1764000000
//! ```
//!
//! Files are read without following symbolic links and replaced atomically and durably (like
//! progress files); anything in the way that is not a decision file (damaged, a symlink, a
//! directory) is moved aside to `<name>.corrupt-<unix seconds>`, never overwritten.

use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::core::course::Course;
use crate::core::trust::{CommandsDigest, course_digest};
use crate::edge::nofollow::{self, ReadError};
use crate::edge::store::{durable, file_name};

/// Decision files are tiny; anything bigger is not one.
const MAX_FILE_BYTES: u64 = 64 * 1024;

const HEADER: &str = "# termcourse: whether this course's commands may run (`termcourse trust`).\n";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Decision {
    Allow,
    Deny,
}

/// A stored decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub course: String,
    /// The digest of the commands decided on (`sha256:…`).
    pub commands: String,
    pub decision: Decision,
    pub decided_at: u64,
}

impl Record {
    /// Whether this decision was made on exactly `digest`'s commands.
    pub fn covers(&self, digest: &CommandsDigest) -> bool {
        self.commands == digest.as_str()
    }
}

#[derive(Debug, Error)]
pub enum TrustError {
    #[error("could not {action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("could not write the trust decision: {0}")]
    Encode(#[from] toml::ser::Error),
}

/// Proof that the commands of the course being played may run; the command runner requires
/// one. Only [`permission`] and [`TrustStore::allow`] make them.
#[derive(Debug, Clone)]
pub struct Grant {
    _private: (),
}

impl Grant {
    /// For the runner's own tests, which run harmless commands.
    #[cfg(test)]
    pub(crate) fn for_tests() -> Grant {
        Grant { _private: () }
    }
}

/// What a session may do with the course's commands.
#[derive(Debug, Clone)]
pub enum Permission {
    /// Run them: the course is built in, has no commands, or the learner allowed exactly these.
    Granted(Grant),
    /// The learner denied these commands: `run` checks show as not run.
    Denied,
    /// Not decided for these commands (never asked, or the commands changed): ask before the
    /// first one runs.
    Undecided,
    /// `--no-run`: commands are off for this session, whatever was decided.
    Disabled,
}

/// The permission for `course`: `--no-run` wins, the built-in course is trusted, and otherwise
/// the stored decision counts if it was made on the same commands. A store that cannot be
/// read counts as undecided.
pub fn permission(
    course: &Course,
    builtin: bool,
    no_run: bool,
    store: Option<&TrustStore>,
) -> Permission {
    if no_run {
        return Permission::Disabled;
    }
    if builtin || crate::core::trust::commands(course).is_empty() {
        return Permission::Granted(Grant { _private: () });
    }
    let digest = course_digest(course);
    let record = store.and_then(|s| s.lookup(course.id.as_str()).ok().flatten());
    match record {
        Some(r) if r.covers(&digest) && r.decision == Decision::Allow => {
            Permission::Granted(Grant { _private: () })
        }
        Some(r) if r.covers(&digest) => Permission::Denied,
        _ => Permission::Undecided,
    }
}

/// The learner allowed `digest`'s commands just now (the player's prompt): this session may
/// run them, and the decision is recorded when there is a store (the result says whether that
/// worked, for a notice).
pub fn allow_now(
    store: Option<&TrustStore>,
    course_id: &str,
    digest: &CommandsDigest,
) -> (Grant, Result<(), TrustError>) {
    let stored = store.map_or(Ok(()), |s| s.record(course_id, digest, Decision::Allow));
    (Grant { _private: () }, stored)
}

/// The decision files under one data directory.
#[derive(Debug, Clone)]
pub struct TrustStore {
    dir: PathBuf,
}

impl TrustStore {
    /// The store under `data_dir`. Touches nothing on disk.
    pub fn open(data_dir: &Path) -> TrustStore {
        TrustStore {
            dir: data_dir.join("trust"),
        }
    }

    /// The decision file of `course_id` (which may not exist).
    pub fn path(&self, course_id: &str) -> PathBuf {
        self.dir
            .join(format!("{}.toml", file_name::stem(course_id)))
    }

    /// The stored decision for `course_id`, whatever commands it was made on. `None` when
    /// there is none, or the file is not a decision for this course (damaged, a symbolic
    /// link, another course's).
    pub fn lookup(&self, course_id: &str) -> Result<Option<Record>, TrustError> {
        let path = self.path(course_id);
        match nofollow::read_text(&path, MAX_FILE_BYTES) {
            Ok(text) => Ok(parse(&text).filter(|r| r.course == course_id)),
            Err(ReadError::Io(source)) => Err(TrustError::Io {
                action: "read",
                path,
                source,
            }),
            // Missing, or not a decision file: nothing decided.
            Err(_) => Ok(None),
        }
    }

    /// Records that the learner allows `digest`'s commands for `course_id`, and returns the
    /// grant to run them.
    pub fn allow(&self, course_id: &str, digest: &CommandsDigest) -> Result<Grant, TrustError> {
        self.record(course_id, digest, Decision::Allow)?;
        Ok(Grant { _private: () })
    }

    /// Records a decision, replacing any earlier one for this course.
    pub fn record(
        &self,
        course_id: &str,
        digest: &CommandsDigest,
        decision: Decision,
    ) -> Result<(), TrustError> {
        let path = self.path(course_id);
        std::fs::create_dir_all(&self.dir).map_err(|e| io_error("create", &self.dir, e))?;
        self.clear_the_way(course_id, &path)?;
        let record = Record {
            course: course_id.to_owned(),
            commands: digest.as_str().to_owned(),
            decision,
            decided_at: unix_now(),
        };
        let text = format!("{HEADER}{}", toml::to_string(&record)?);
        durable::replace(&path, text.as_bytes()).map_err(|e| io_error("write", &path, e))
    }

    /// Forgets the decision for `course_id`, so the next session asks again. Returns whether
    /// there was one.
    pub fn revoke(&self, course_id: &str) -> Result<bool, TrustError> {
        let path = self.path(course_id);
        let had = self.lookup(course_id)?.is_some();
        if had {
            std::fs::remove_file(&path).map_err(|e| io_error("remove", &path, e))?;
        } else {
            self.clear_the_way(course_id, &path)?;
        }
        Ok(had)
    }

    /// Moves aside whatever is at `path` and is not a decision file for `course_id`.
    fn clear_the_way(&self, course_id: &str, path: &Path) -> Result<(), TrustError> {
        let present = std::fs::symlink_metadata(path).is_ok();
        if present && self.lookup(course_id)?.is_none() {
            durable::move_aside(path, "corrupt", unix_now())
                .map_err(|e| io_error("move aside", path, e))?;
        }
        Ok(())
    }
}

fn parse(text: &str) -> Option<Record> {
    let record: Record = toml::from_str(text).ok()?;
    CommandsDigest::parse(&record.commands)?;
    Some(record)
}

fn io_error(action: &'static str, path: &Path, source: io::Error) -> TrustError {
    TrustError::Io {
        action,
        path: path.to_owned(),
        source,
    }
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests;
