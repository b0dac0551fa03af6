//! Turning a course id into a file name that is safe on every platform and never shared by two
//! different ids.

/// Longest readable part kept from an id; the rest is covered by the hash suffix.
const MAX_STEM_CHARS: usize = 64;

/// Names Windows reserves whatever the extension.
const RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// The file stem for `course_id`: the id itself when it is already a plain name (letters,
/// digits, `-`, `_`, `.`, not starting with `.`), otherwise a cleaned-up version followed by a
/// hash of the original, so `a/b` and `a_b` do not share a file.
pub fn stem(course_id: &str) -> String {
    let cleaned: String = course_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let plain = cleaned == course_id
        && !cleaned.is_empty()
        && !cleaned.starts_with('.')
        && cleaned.len() <= MAX_STEM_CHARS
        && !RESERVED.contains(&cleaned.to_ascii_lowercase().as_str());
    if plain {
        return cleaned;
    }
    let readable: String = cleaned
        .trim_start_matches('.')
        .chars()
        .take(MAX_STEM_CHARS)
        .collect();
    let prefix = if readable.is_empty() {
        "course"
    } else {
        &readable
    };
    format!("{prefix}-{:016x}", fnv1a(course_id.as_bytes()))
}

/// FNV-1a, 64 bits: tiny, and stable across Rust versions and platforms (unlike std's hasher),
/// which file names must be.
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ids_are_kept_and_others_are_cleaned_and_hashed() {
        assert_eq!(stem("dockerfiles-for-ml"), "dockerfiles-for-ml");
        assert_eq!(stem("v1.2_course"), "v1.2_course");
        for (id, prefix) in [
            ("a/b", "a_b-"),
            ("../../etc/passwd", "_.._etc_passwd-"),
            ("", "course-"),
            ("...", "course-"),
            ("CON", "CON-"),
            ("ünïcode", "_n_code-"),
            ("line\nbreak", "line_break-"),
        ] {
            let got = stem(id);
            assert!(got.starts_with(prefix), "{id:?} -> {got:?}");
            assert_eq!(got.len(), prefix.len() + 16, "{id:?} -> {got:?}");
        }
        assert_ne!(stem("a/b"), stem("a_b"));
        assert_ne!(stem("a/b"), stem("a:b"));
        assert!(stem(&"x".repeat(500)).len() <= MAX_STEM_CHARS + 17);
    }

    #[test]
    fn the_hash_is_stable() {
        // Changing it would orphan every learner's progress file for such ids.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }
}
