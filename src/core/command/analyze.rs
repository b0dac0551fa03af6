//! One simple command read as a program, its subcommands, arguments and options, under a
//! *reading*: a choice, for each option whose kind is not known, of whether it takes the word
//! after it as its value.
//!
//! Options of a known tool (see `known`) are *floating*: they may be written anywhere after the
//! subcommand, as the tool's own parser allows. Every other option is *anchored*: it belongs
//! between the same two arguments as written, because an unknown program may not allow options
//! to move (and moving an option that takes a value past an argument would change which word is
//! its value).

use std::collections::{BTreeMap, BTreeSet};

use super::known::{self, Kind, Tool};
use super::shape::{Simple, Word};

/// For each ambiguous option (by [`scoped`] key): whether it takes a value in this reading.
pub(crate) type Reading = BTreeMap<String, Kind>;

/// An option as understood: canonical name and value, and how it was written (for messages).
#[derive(Debug, Clone)]
pub(crate) struct Opt {
    pub key: String,
    pub value: Option<String>,
    pub shown: String,
}

impl PartialEq for Opt {
    fn eq(&self, other: &Self) -> bool {
        (&self.key, &self.value) == (&other.key, &other.value)
    }
}

/// A simple command understood under one reading.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cmd {
    /// The command as written, for messages.
    pub text: String,
    /// `NAME=value` words before the program, sorted.
    pub assigns: Vec<String>,
    pub program: String,
    /// The canonical subcommand words of a known tool; empty otherwise.
    pub path: Vec<String>,
    /// Options before the end of the subcommand words (a known tool's global options).
    pub global: Vec<Opt>,
    /// Arguments after the subcommand, in order (`--` included).
    pub args: Vec<String>,
    /// Options a known tool's table lists, written anywhere after its subcommand.
    pub floating: Vec<Opt>,
    /// Every other option, with the number of arguments written before it.
    pub anchored: Vec<(usize, Opt)>,
    /// The command a runner runs (`docker run IMAGE cmd…`, `time cmd…`).
    pub inner: Option<Box<Cmd>>,
    pub redirects: Vec<String>,
}

/// The key a reading uses for option `name` of the command named `scope`.
pub(crate) fn scoped(scope: &str, name: &str) -> String {
    format!("{scope} {name}")
}

/// Reads `simple` (from `line`) under `reading`; options of unknown kind followed by an
/// argument are added to `ambiguous`.
pub(crate) fn analyze(
    line: &str,
    simple: &Simple,
    reading: &Reading,
    ambiguous: &mut BTreeSet<String>,
) -> Cmd {
    let mut cmd = walk(line, &simple.words, reading, ambiguous);
    cmd.redirects.clone_from(&simple.redirects);
    line.get(simple.span.clone())
        .unwrap_or_default()
        .clone_into(&mut cmd.text);
    cmd
}

fn is_assignment(line: &str, word: &Word) -> bool {
    let raw = line.get(word.span.clone()).unwrap_or_default();
    let Some((name, _)) = raw.split_once('=') else {
        return false;
    };
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn walk(line: &str, words: &[Word], reading: &Reading, ambiguous: &mut BTreeSet<String>) -> Cmd {
    let mut cmd = Cmd::default();
    let mut i = 0;
    while i < words.len() && is_assignment(line, &words[i]) {
        cmd.assigns.push(words[i].text.clone());
        i += 1;
    }
    cmd.assigns.sort();
    let Some(first) = words.get(i) else {
        return cmd;
    };
    known::program(&first.text).clone_into(&mut cmd.program);
    let rest = &words[i + 1..];
    let (tool, path_end) = find_tool(&cmd.program, rest);
    if let Some(tool) = tool {
        cmd.path = tool.path.iter().map(|w| (*w).to_owned()).collect();
    }
    let scope = if cmd.path.is_empty() {
        cmd.program.clone()
    } else {
        format!("{} {}", cmd.program, cmd.path.join(" "))
    };
    let mut cx = Walker {
        words: rest,
        reading,
        ambiguous,
        scope,
        tool,
    };
    let mut j = 0;
    let mut end_of_options = false;
    while j < rest.len() {
        let word = &rest[j];
        let global = j < path_end;
        if !global && let Some(tool) = tool {
            let inner_starts = match tool.runner {
                Some(0) => end_of_options || !word.is_option(),
                Some(n) => cmd.args.len() >= n,
                None => false,
            };
            if inner_starts {
                cmd.inner = Some(Box::new(inner(line, &rest[j..], reading, cx.ambiguous)));
                break;
            }
        }
        if end_of_options || !word.is_option() {
            if !global {
                end_of_options |= word.text == "--";
                cmd.args.push(word.text.clone());
            }
            j += 1;
            continue;
        }
        let (opts, used) = cx.option(j, global);
        for (opt, known) in opts {
            if global {
                cmd.global.push(opt);
            } else if known {
                cmd.floating.push(opt);
            } else {
                cmd.anchored.push((cmd.args.len(), opt));
            }
        }
        j += used;
    }
    sort_opts(&mut cmd.global);
    sort_opts(&mut cmd.floating);
    cmd.anchored
        .sort_by(|(a, x), (b, y)| (a, &x.key, &x.value).cmp(&(b, &y.key, &y.value)));
    cmd
}

fn sort_opts(opts: &mut [Opt]) {
    opts.sort_by(|a, b| (&a.key, &a.value).cmp(&(&b.key, &b.value)));
}

/// The command a runner runs: the remaining words, as a command of their own.
fn inner(line: &str, words: &[Word], reading: &Reading, ambiguous: &mut BTreeSet<String>) -> Cmd {
    let mut cmd = walk(line, words, reading, ambiguous);
    let start = words.first().map_or(0, |w| w.span.start);
    let end = words.last().map_or(start, |w| w.span.end);
    line.get(start..end)
        .unwrap_or_default()
        .clone_into(&mut cmd.text);
    cmd
}

/// The known tool named by the leading arguments, and how many words (options included)
/// precede the end of its subcommand words.
fn find_tool(program: &str, words: &[Word]) -> (Option<&'static Tool>, usize) {
    let mut leading: Vec<(&str, usize)> = Vec::new();
    let mut j = 0;
    while j < words.len() && leading.len() < 3 {
        let word = &words[j];
        if word.is_option() {
            let name = word
                .text
                .split_once('=')
                .map_or(word.text.as_str(), |(n, _)| n);
            let takes_next = !word.text.contains('=')
                && known::global_option(program, name).is_some_and(|(_, k)| k == Kind::Value);
            j += 1 + usize::from(takes_next);
        } else {
            leading.push((word.text.as_str(), j));
            j += 1;
        }
    }
    let texts: Vec<&str> = leading.iter().map(|(t, _)| *t).collect();
    match known::find_tool(program, &texts) {
        Some((tool, 0)) => (Some(tool), 0),
        Some((tool, used)) => (Some(tool), leading[used - 1].1 + 1),
        None => (None, 0),
    }
}

struct Walker<'a, 'r> {
    words: &'a [Word],
    reading: &'r Reading,
    ambiguous: &'r mut BTreeSet<String>,
    scope: String,
    tool: Option<&'static Tool>,
}

impl Walker<'_, '_> {
    /// The canonical name and kind of option `name`, and whether a table knows it.
    fn kind(&self, name: &str, global: bool) -> (String, Kind, bool) {
        let known = match (global, self.tool) {
            (true, Some(tool)) => known::global_option(tool.program, name),
            (false, Some(tool)) => tool.option(name),
            (_, None) => None,
        };
        if let Some((canonical, kind)) = known {
            return (canonical.to_owned(), kind, true);
        }
        let kind = self.reading.get(&scoped(&self.scope, name)).copied();
        (name.to_owned(), kind.unwrap_or(Kind::Flag), false)
    }

    /// The argument after word `j`, if there is one that could be a value.
    fn next_value(&self, j: usize) -> Option<&Word> {
        self.words.get(j + 1).filter(|w| !w.is_option())
    }

    /// The options of word `j` (several for `-abc`), each with whether a table knows it, and
    /// how many words they used.
    fn option(&mut self, j: usize, global: bool) -> (Vec<(Opt, bool)>, usize) {
        let text = self.words[j].text.clone();
        if let Some(name) = text.strip_prefix("--").map(|n| format!("--{n}")) {
            return self.long(j, &name, global);
        }
        let body = &text[1..];
        if let Some((letter, value)) = body.split_once('=')
            && letter.chars().count() == 1
        {
            let (key, _, known) = self.kind(&format!("-{letter}"), global);
            let opt = Opt {
                key,
                value: Some(value.to_owned()),
                shown: quote(&text),
            };
            return (vec![(opt, known)], 1);
        }
        let mut out = Vec::new();
        for (at, letter) in body.char_indices() {
            let name = format!("-{letter}");
            let (key, kind, known) = self.kind(&name, global);
            let rest = &body[at + letter.len_utf8()..];
            let last = rest.is_empty();
            if !known && last && self.next_value(j).is_some() {
                self.ambiguous.insert(scoped(&self.scope, &name));
            }
            if kind == Kind::Flag {
                out.push((flag(key, name), known));
                continue;
            }
            if !last {
                let shown = format!("{name}{}", quote(rest));
                let value = Some(rest.to_owned());
                out.push((Opt { key, value, shown }, known));
                return (out, 1);
            }
            let value = self.next_value(j).map(|w| w.text.clone());
            let used = 1 + usize::from(value.is_some());
            let shown = value
                .as_deref()
                .map_or_else(|| name.clone(), |v| format!("{name} {}", quote(v)));
            out.push((Opt { key, value, shown }, known));
            return (out, used);
        }
        (out, 1)
    }

    fn long(&mut self, j: usize, text: &str, global: bool) -> (Vec<(Opt, bool)>, usize) {
        if let Some((name, value)) = text.split_once('=') {
            let (key, _, known) = self.kind(name, global);
            let opt = Opt {
                key,
                value: Some(value.to_owned()),
                shown: format!("{name}={}", quote(value)),
            };
            return (vec![(opt, known)], 1);
        }
        let (key, kind, known) = self.kind(text, global);
        let next = self.next_value(j).map(|w| w.text.clone());
        if !known && next.is_some() {
            self.ambiguous.insert(scoped(&self.scope, text));
        }
        match (kind, next) {
            (Kind::Value, Some(value)) => {
                let shown = format!("{text} {}", quote(&value));
                (
                    vec![(
                        Opt {
                            key,
                            value: Some(value),
                            shown,
                        },
                        known,
                    )],
                    2,
                )
            }
            _ => (vec![(flag(key, text.to_owned()), known)], 1),
        }
    }
}

fn flag(key: String, shown: String) -> Opt {
    Opt {
        key,
        value: None,
        shown,
    }
}

/// `text` as a shell word: quoted when it holds spaces or characters the shell treats
/// specially.
pub(crate) fn quote(text: &str) -> String {
    let plain = !text.is_empty()
        && text.chars().all(|c| {
            c.is_alphanumeric()
                || matches!(c, '-' | '_' | '.' | '/' | ':' | '=' | ',' | '@' | '+' | '%')
        });
    if plain {
        text.to_owned()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}
