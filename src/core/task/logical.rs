//! Logical lines: a file as an instruction parser sees it, for checks with `logical = true`.
//!
//! Dockerfile rules, which also suit shell scripts:
//! - a line ending in the escape character (`\`, or the one chosen by a leading
//!   `# escape=` parser directive) continues on the next line; the pieces are joined with
//!   one space, and blank and comment lines inside a continuation are skipped;
//! - comment lines (first non-blank character `#`, which includes parser directives such as
//!   `# syntax=…` and a shebang) and blank lines are dropped;
//! - each logical line is trimmed, so `(?m)^RUN` matches an indented instruction too.
//!
//! An escape character that is itself escaped (an even run at the end of a line) does not
//! continue the line.

/// The logical lines of a text, joined by `\n`, and where each one started in the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logical {
    pub text: String,
    /// `(byte offset in text, 1-based physical line)` of each logical line, in order.
    starts: Vec<(usize, usize)>,
}

impl Logical {
    /// The 1-based line of the original text where the logical line holding `offset` starts.
    pub fn line_of(&self, offset: usize) -> usize {
        let i = self.starts.partition_point(|(start, _)| *start <= offset);
        i.checked_sub(1).map_or(1, |i| self.starts[i].1)
    }
}

/// The logical lines of `text` (see the module docs).
pub fn logical_lines(text: &str) -> Logical {
    let escape = escape_char(text);
    let mut out = Logical {
        text: String::with_capacity(text.len()),
        starts: Vec::new(),
    };
    let mut open = false;
    for (n, line) in text.split('\n').enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let trailing = trimmed.chars().rev().take_while(|c| *c == escape).count();
        let continues = trailing % 2 == 1;
        let content = if continues {
            trimmed[..trimmed.len() - escape.len_utf8()].trim_end()
        } else {
            trimmed
        };
        if open {
            if !content.is_empty() {
                out.text.push(' ');
            }
        } else {
            out.starts.push((out.text.len(), n + 1));
        }
        out.text.push_str(content);
        open = continues;
        if !open {
            out.text.push('\n');
        }
    }
    if open {
        out.text.push('\n');
    }
    out
}

/// The escape character: `\`, unless a parser directive at the very top of the file (before
/// any blank line, comment or instruction) says `# escape=` followed by a backtick.
fn escape_char(text: &str) -> char {
    for line in text.lines() {
        let Some(directive) = line.trim().strip_prefix('#') else {
            break;
        };
        let Some((key, value)) = directive.split_once('=') else {
            break;
        };
        let key = key.trim();
        if key.is_empty() || key.contains(char::is_whitespace) {
            break;
        }
        if key.eq_ignore_ascii_case("escape") && value.trim() == "`" {
            return '`';
        }
    }
    '\\'
}

/// The 1-based line of byte `offset` in `text`.
pub fn physical_line(text: &str, offset: usize) -> usize {
    let mut end = offset.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continuations_are_joined_and_comments_dropped() {
        let file = "# syntax=docker/dockerfile:1\n\
                    FROM python:3.13-slim\n\
                    \n\
                    RUN apt-get update && \\\n\
                    \x20   # a comment inside the continuation\n\
                    \n\
                    \x20   apt-get install -y curl \\\n\
                    \x20&& rm -rf /var/lib/apt/lists/*\n\
                    \x20 COPY . .\r\n\
                    #!/bin/sh\n";
        let logical = logical_lines(file);
        assert_eq!(
            logical.text,
            "FROM python:3.13-slim\n\
             RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n\
             COPY . .\n"
        );
        let copy = logical.text.find("COPY").expect("copy");
        assert_eq!(logical.line_of(copy), 9);
        assert_eq!(logical.line_of(0), 2);
        let install = logical.text.find("apt-get install").expect("install");
        assert_eq!(
            logical.line_of(install),
            4,
            "a joined line starts where it began"
        );
    }

    #[test]
    fn the_escape_directive_and_escaped_escapes() {
        let windows = "# escape=`\nRUN dir `\n  c:\\\nCOPY a b\n";
        assert_eq!(logical_lines(windows).text, "RUN dir c:\\\nCOPY a b\n");
        let late = "FROM x\n# escape=`\nRUN a `\nb\n";
        assert_eq!(logical_lines(late).text, "FROM x\nRUN a `\nb\n");
        assert_eq!(
            logical_lines("echo a\\\\\nnext\n").text,
            "echo a\\\\\nnext\n"
        );
        assert_eq!(logical_lines("RUN a \\").text, "RUN a\n", "open at the end");
        assert_eq!(logical_lines("").text, "");
    }

    #[test]
    fn physical_lines_count_from_one() {
        assert_eq!(physical_line("a\nb\nc", 0), 1);
        assert_eq!(physical_line("a\nb\nc", 2), 2);
        assert_eq!(physical_line("a\nb\nc", 99), 3);
    }
}
