//! What a learner trusts when they allow a course's commands: the set of its distinct `run`
//! commands and `ready` probes, and a digest of that set that keys the decision (direnv's
//! model: any change to any command asks again).
//!
//! # The digest (stable; changing it would ask every learner again)
//! 1. Take the `command` of every `run` check in the course and each of its `ready` probes
//!    (the exact texts given to `sh -c`), drop duplicates, and sort them by their UTF-8 bytes.
//! 2. SHA-256 over the bytes `termcourse-trust-v1` followed by a zero byte, then, for each
//!    command in that order, its length in bytes as a 64-bit little-endian integer followed by
//!    its bytes.
//! 3. Written as `sha256:` and 64 lowercase hex digits.
//!
//! So the order of steps and checks, repeated commands and every other key of a check (its
//! `needs`, `timeout`, `output`…) do not change the digest; adding, removing or editing any
//! command, even by one space, does. Lengths before bytes keep `["ab", "c"]` and `["a", "bc"]`
//! apart.

use std::collections::BTreeSet;
use std::fmt;
use std::fmt::Write as _;

use sha2::{Digest as _, Sha256};

use crate::core::course::Course;

const DOMAIN: &[u8] = b"termcourse-trust-v1\0";

/// The digest of a course's commands, as `sha256:<64 hex digits>`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CommandsDigest(String);

impl CommandsDigest {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Accepts text of the form `sha256:<64 lowercase hex digits>`, as read back from a store.
    pub fn parse(text: &str) -> Option<Self> {
        let hex = text.strip_prefix("sha256:")?;
        let valid = hex.len() == 64 && hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        valid.then(|| Self(text.to_owned()))
    }
}

impl fmt::Display for CommandsDigest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The distinct commands of `course`, sorted by their bytes: what the learner is asked to
/// trust.
pub fn commands(course: &Course) -> Vec<&str> {
    let set: BTreeSet<&str> = course
        .nodes
        .iter()
        .flat_map(|n| &n.steps)
        .filter_map(|s| s.task.as_ref())
        .flat_map(crate::core::course::Task::commands)
        .flat_map(|(_, run)| {
            std::iter::once(run.command.as_str()).chain(run.ready.iter().map(String::as_str))
        })
        .collect();
    set.into_iter().collect()
}

/// The digest of a set of commands (see the module docs); duplicates and order do not matter.
pub fn digest<'a>(commands: impl IntoIterator<Item = &'a str>) -> CommandsDigest {
    let set: BTreeSet<&str> = commands.into_iter().collect();
    let mut hasher = Sha256::new();
    hasher.update(DOMAIN);
    for command in set {
        hasher.update((command.len() as u64).to_le_bytes());
        hasher.update(command.as_bytes());
    }
    let mut text = String::from("sha256:");
    for byte in hasher.finalize() {
        let _ = write!(text, "{byte:02x}");
    }
    CommandsDigest(text)
}

/// The digest of `course`'s commands.
pub fn course_digest(course: &Course) -> CommandsDigest {
    digest(commands(course))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digest_ignores_order_and_repeats_and_sees_any_change() {
        let a = digest(["docker build --check .", "docker build -t iris ."]);
        let b = digest([
            "docker build -t iris .",
            "docker build --check .",
            "docker build -t iris .",
        ]);
        assert_eq!(a, b);
        assert_ne!(
            a,
            digest(["docker build --check .", "docker build -t iris  ."])
        );
        assert_ne!(a, digest(["docker build --check ."]));
        assert_ne!(digest(["ab", "c"]), digest(["a", "bc"]));
        assert_ne!(digest([]), digest([""]));
    }

    #[test]
    fn the_digest_is_stable() {
        // Changing the algorithm would make every learner trust every course again.
        // Also computed independently (Python's hashlib) from the documented algorithm.
        assert_eq!(
            digest([]).as_str(),
            "sha256:19e7b9a3fd368b630d1b65cfab2387cae4e5070f6505d7abcd742d5a3b430d2d"
        );
        assert_eq!(
            digest(["docker build -t iris .", "docker build --check ."]).as_str(),
            "sha256:eeb58db62cdfddc8af22c1f68b866c493558aeb6884c76acc8f49f4dff23b31b"
        );
    }

    #[test]
    fn digests_parse_back() {
        let d = digest(["make test"]);
        assert_eq!(CommandsDigest::parse(d.as_str()), Some(d));
        for bad in [
            "",
            "sha256:",
            "sha256:XYZ",
            "md5:00",
            &format!("sha256:{}", "A".repeat(64)),
        ] {
            assert_eq!(CommandsDigest::parse(bad), None, "{bad}");
        }
    }
}
