//! What termcourse knows about a few common programs, as data: subcommand synonyms (`docker
//! buildx build` is `docker build`), which options take a value and their long/short spellings,
//! and which commands run another command (`docker run IMAGE CMD…`, `time CMD…`).
//!
//! Knowing a program lets options be written anywhere among its arguments, as its parser
//! allows; unknown programs are compared more strictly (see `compare`). The table only lists
//! facts of the programs' own documentation; a program or option missing here is treated as
//! unknown, never guessed.

/// Whether an option takes a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Flag,
    Value,
}

/// A program, or one of its subcommands, whose options are known.
pub(crate) struct Tool {
    pub program: &'static str,
    /// Subcommand words, in canonical spelling.
    pub path: &'static [&'static str],
    /// Each entry: the option's spellings separated by spaces (the first is its canonical
    /// name), and its kind.
    pub options: &'static [(&'static str, Kind)],
    /// For a command that runs another command: how many arguments it takes before it (`docker
    /// run`: the image). Everything after them is that other command, compared on its own.
    pub runner: Option<usize>,
}

impl Tool {
    /// The canonical name and kind of option `name`, if known.
    pub fn option(&self, name: &str) -> Option<(&'static str, Kind)> {
        lookup(self.options, name)
    }
}

fn lookup(options: &'static [(&'static str, Kind)], name: &str) -> Option<(&'static str, Kind)> {
    options.iter().find_map(|(spellings, kind)| {
        let mut names = spellings.split(' ');
        let canonical = names.next().unwrap_or_default();
        (canonical == name || names.any(|n| n == name)).then_some((canonical, *kind))
    })
}

use Kind::{Flag as F, Value as V};

/// Other spellings of a program.
const PROGRAMS: &[(&str, &str)] = &[("pip3", "pip"), ("python3", "python")];

/// Subcommand synonyms: (program, as written, canonical).
const SYNONYMS: &[(&str, &[&str], &[&str])] = &[
    ("docker", &["buildx", "build"], &["build"]),
    ("docker", &["builder", "build"], &["build"]),
    ("docker", &["image", "build"], &["build"]),
    ("docker", &["container", "run"], &["run"]),
    ("docker", &["container", "exec"], &["exec"]),
    ("docker", &["container", "create"], &["create"]),
    ("docker", &["container", "ls"], &["ps"]),
    ("docker", &["container", "list"], &["ps"]),
    ("docker", &["container", "ps"], &["ps"]),
    ("docker", &["container", "logs"], &["logs"]),
    ("docker", &["container", "stop"], &["stop"]),
    ("docker", &["container", "start"], &["start"]),
    ("docker", &["container", "rm"], &["rm"]),
    ("docker", &["container", "remove"], &["rm"]),
    ("docker", &["container", "kill"], &["kill"]),
    ("docker", &["image", "ls"], &["images"]),
    ("docker", &["image", "list"], &["images"]),
    ("docker", &["image", "pull"], &["pull"]),
    ("docker", &["image", "push"], &["push"]),
    ("docker", &["image", "rm"], &["rmi"]),
    ("docker", &["image", "remove"], &["rmi"]),
    ("docker", &["image", "tag"], &["tag"]),
    ("docker", &["image", "history"], &["history"]),
];

/// Options of `docker` itself, before the subcommand.
const DOCKER_GLOBAL: &[(&str, Kind)] = &[
    ("--context -c", V),
    ("--config", V),
    ("--host -H", V),
    ("--log-level -l", V),
    ("--debug -D", F),
];

const DOCKER_RUN: &[(&str, Kind)] = &[
    ("--rm", F),
    ("--detach -d", F),
    ("--interactive -i", F),
    ("--tty -t", F),
    ("--env -e", V),
    ("--env-file", V),
    ("--publish -p", V),
    ("--publish-all -P", F),
    ("--volume -v", V),
    ("--mount", V),
    ("--name", V),
    ("--workdir -w", V),
    ("--user -u", V),
    ("--gpus", V),
    ("--runtime", V),
    ("--network --net", V),
    ("--entrypoint", V),
    ("--memory -m", V),
    ("--cpus", V),
    ("--platform", V),
    ("--init", F),
    ("--read-only", F),
    ("--restart", V),
    ("--shm-size", V),
    ("--pull", V),
    ("--label -l", V),
    ("--hostname -h", V),
    ("--privileged", F),
    ("--cap-add", V),
    ("--cap-drop", V),
    ("--tmpfs", V),
    ("--security-opt", V),
    ("--health-cmd", V),
    ("--health-interval", V),
    ("--ipc", V),
    ("--ulimit", V),
];

const DOCKER_EXEC: &[(&str, Kind)] = &[
    ("--interactive -i", F),
    ("--tty -t", F),
    ("--detach -d", F),
    ("--env -e", V),
    ("--user -u", V),
    ("--workdir -w", V),
    ("--privileged", F),
];

const DOCKER_BUILD: &[(&str, Kind)] = &[
    ("--tag -t", V),
    ("--file -f", V),
    ("--build-arg", V),
    ("--target", V),
    ("--platform", V),
    ("--no-cache", F),
    ("--pull", F),
    ("--quiet -q", F),
    ("--progress", V),
    ("--secret", V),
    ("--ssh", V),
    ("--check", F),
    ("--load", F),
    ("--push", F),
    ("--output -o", V),
    ("--cache-from", V),
    ("--cache-to", V),
    ("--label", V),
    ("--network", V),
];

const DOCKER_PS: &[(&str, Kind)] = &[
    ("--all -a", F),
    ("--quiet -q", F),
    ("--filter -f", V),
    ("--format", V),
    ("--last -n", V),
    ("--latest -l", F),
    ("--size -s", F),
    ("--no-trunc", F),
];

const DOCKER_IMAGES: &[(&str, Kind)] = &[
    ("--all -a", F),
    ("--quiet -q", F),
    ("--filter -f", V),
    ("--format", V),
    ("--no-trunc", F),
    ("--digests", F),
];

const DOCKER_LOGS: &[(&str, Kind)] = &[
    ("--follow -f", F),
    ("--tail -n", V),
    ("--timestamps -t", F),
    ("--since", V),
    ("--until", V),
    ("--details", F),
];

const DOCKER_HISTORY: &[(&str, Kind)] = &[
    ("--no-trunc", F),
    ("--quiet -q", F),
    ("--human -H", F),
    ("--format", V),
];

const DOCKER_INSPECT: &[(&str, Kind)] = &[("--format -f", V), ("--size -s", F), ("--type", V)];
const DOCKER_STOP: &[(&str, Kind)] = &[("--time -t", V), ("--signal -s", V)];
const DOCKER_RM: &[(&str, Kind)] = &[("--force -f", F), ("--volumes -v", F)];
const DOCKER_RMI: &[(&str, Kind)] = &[("--force -f", F), ("--no-prune", F)];
const DOCKER_PULL: &[(&str, Kind)] = &[("--all-tags -a", F), ("--quiet -q", F), ("--platform", V)];

const CURL: &[(&str, Kind)] = &[
    ("--silent -s", F),
    ("--show-error -S", F),
    ("--fail -f", F),
    ("--fail-with-body", F),
    ("--location -L", F),
    ("--include -i", F),
    ("--head -I", F),
    ("--verbose -v", F),
    ("--insecure -k", F),
    ("--compressed", F),
    ("--remote-name -O", F),
    ("--output -o", V),
    ("--request -X", V),
    ("--header -H", V),
    ("--data -d", V),
    ("--data-binary", V),
    ("--data-raw", V),
    ("--json", V),
    ("--form -F", V),
    ("--user -u", V),
    ("--user-agent -A", V),
    ("--write-out -w", V),
    ("--max-time -m", V),
    ("--retry", V),
    ("--proxy -x", V),
];

const PIP_INSTALL: &[(&str, Kind)] = &[
    ("--requirement -r", V),
    ("--constraint -c", V),
    ("--editable -e", V),
    ("--upgrade -U", F),
    ("--quiet -q", F),
    ("--no-cache-dir", F),
    ("--require-hashes", F),
    ("--no-deps", F),
    ("--user", F),
    ("--index-url -i", V),
    ("--extra-index-url", V),
    ("--target -t", V),
];

const GREP: &[(&str, Kind)] = &[
    ("--count -c", F),
    ("--ignore-case -i", F),
    ("--invert-match -v", F),
    ("--extended-regexp -E", F),
    ("--fixed-strings -F", F),
    ("--line-number -n", F),
    ("--recursive -r", F),
    ("--dereference-recursive -R", F),
    ("--files-with-matches -l", F),
    ("--only-matching -o", F),
    ("--quiet --silent -q", F),
    ("--word-regexp -w", F),
    ("--line-regexp -x", F),
    ("--regexp -e", V),
    ("--file -f", V),
    ("--after-context -A", V),
    ("--before-context -B", V),
    ("--context -C", V),
    ("--max-count -m", V),
];

const LS: &[(&str, Kind)] = &[
    ("-l", F),
    ("--all -a", F),
    ("--almost-all -A", F),
    ("--human-readable -h", F),
    ("-t", F),
    ("--reverse -r", F),
    ("-S", F),
    ("-1", F),
    ("--recursive -R", F),
    ("--directory -d", F),
];

const WC: &[(&str, Kind)] = &[
    ("--lines -l", F),
    ("--bytes -c", F),
    ("--words -w", F),
    ("--chars -m", F),
];

const TAR: &[(&str, Kind)] = &[
    ("--file -f", V),
    ("--directory -C", V),
    ("--extract --get -x", F),
    ("--create -c", F),
    ("--list -t", F),
    ("--gzip -z", F),
    ("--bzip2 -j", F),
    ("--xz -J", F),
    ("--verbose -v", F),
];

const TIME: &[(&str, Kind)] = &[("-p", F)];
const SUDO: &[(&str, Kind)] = &[
    ("--user -u", V),
    ("--group -g", V),
    ("--preserve-env -E", F),
    ("--login -i", F),
    ("--shell -s", F),
];
const NICE: &[(&str, Kind)] = &[("--adjustment -n", V)];
const TIMEOUT: &[(&str, Kind)] = &[
    ("--signal -s", V),
    ("--kill-after -k", V),
    ("--preserve-status", F),
];

const fn tool(
    program: &'static str,
    path: &'static [&'static str],
    options: &'static [(&'static str, Kind)],
    runner: Option<usize>,
) -> Tool {
    Tool {
        program,
        path,
        options,
        runner,
    }
}

const TOOLS: &[Tool] = &[
    tool("docker", &["run"], DOCKER_RUN, Some(1)),
    tool("docker", &["create"], DOCKER_RUN, Some(1)),
    tool("docker", &["exec"], DOCKER_EXEC, Some(1)),
    tool("docker", &["build"], DOCKER_BUILD, None),
    tool("docker", &["ps"], DOCKER_PS, None),
    tool("docker", &["images"], DOCKER_IMAGES, None),
    tool("docker", &["logs"], DOCKER_LOGS, None),
    tool("docker", &["history"], DOCKER_HISTORY, None),
    tool("docker", &["inspect"], DOCKER_INSPECT, None),
    tool("docker", &["image", "inspect"], DOCKER_INSPECT, None),
    tool("docker", &["stop"], DOCKER_STOP, None),
    tool("docker", &["rm"], DOCKER_RM, None),
    tool("docker", &["rmi"], DOCKER_RMI, None),
    tool("docker", &["pull"], DOCKER_PULL, None),
    tool("docker", &["push"], DOCKER_PULL, None),
    tool("docker", &["tag"], &[], None),
    tool("curl", &[], CURL, None),
    tool("pip", &["install"], PIP_INSTALL, None),
    tool("grep", &[], GREP, None),
    tool("ls", &[], LS, None),
    tool("wc", &[], WC, None),
    tool("tar", &[], TAR, None),
    tool("time", &[], TIME, Some(0)),
    tool("sudo", &[], SUDO, Some(0)),
    tool("nohup", &[], &[], Some(0)),
    tool("nice", &[], NICE, Some(0)),
    tool("timeout", &[], TIMEOUT, Some(1)),
];

/// The canonical spelling of a program name.
pub(crate) fn program(name: &str) -> &str {
    PROGRAMS
        .iter()
        .find(|(alias, _)| *alias == name)
        .map_or(name, |(_, canonical)| canonical)
}

/// Options the program takes before its subcommand.
pub(crate) fn global_options(program: &str) -> &'static [(&'static str, Kind)] {
    if program == "docker" {
        DOCKER_GLOBAL
    } else {
        &[]
    }
}

/// The kind and canonical name of a global option of `program`.
pub(crate) fn global_option(program: &str, name: &str) -> Option<(&'static str, Kind)> {
    lookup(global_options(program), name)
}

/// The known tool the leading arguments `words` of `program` name, with how many of them it
/// takes (its subcommand words as written, synonyms included).
pub(crate) fn find_tool(program: &str, words: &[&str]) -> Option<(&'static Tool, usize)> {
    let mut canonical: Vec<&str> = Vec::new();
    let mut written = 0;
    if let Some((from, to)) = SYNONYMS
        .iter()
        .filter(|(p, from, _)| *p == program && words.starts_with(from))
        .map(|(_, from, to)| (from, to))
        .max_by_key(|(from, _)| from.len())
    {
        canonical.extend(to.iter());
        written = from.len();
    }
    // The longest known path starting with the synonym (if any) and the words after it.
    TOOLS
        .iter()
        .filter(|t| t.program == program)
        .filter_map(|t| {
            let (head, rest) = t.path.split_at(canonical.len().min(t.path.len()));
            if head != canonical.as_slice() {
                return None;
            }
            let tail = words.get(written..written + rest.len())?;
            (tail == rest).then_some((t, written + rest.len()))
        })
        .max_by_key(|(t, _)| t.path.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synonyms_find_the_canonical_tool() {
        for (words, path, used) in [
            (&["buildx", "build", "."][..], &["build"][..], 2),
            (&["build", "."], &["build"], 1),
            (&["image", "ls"], &["images"], 2),
            (&["image", "inspect", "x"], &["image", "inspect"], 2),
            (&["container", "run", "img"], &["run"], 2),
        ] {
            let (tool, n) = find_tool("docker", words).expect("known");
            assert_eq!((tool.path, n), (path, used), "{words:?}");
        }
        assert!(find_tool("docker", &["frobnicate"]).is_none());
        assert!(find_tool("git", &["commit"]).is_none());
        assert_eq!(find_tool("curl", &["example.com"]).map(|(_, n)| n), Some(0));
    }

    #[test]
    fn options_have_one_canonical_name() {
        let (build, _) = find_tool("docker", &["build"]).expect("known");
        assert_eq!(build.option("-t"), Some(("--tag", Kind::Value)));
        assert_eq!(build.option("--tag"), Some(("--tag", Kind::Value)));
        let (run, _) = find_tool("docker", &["run"]).expect("known");
        assert_eq!(run.option("-t"), Some(("--tty", Kind::Flag)));
        assert_eq!(run.option("--frobnicate"), None);
        assert_eq!(
            global_option("docker", "-c"),
            Some(("--context", Kind::Value))
        );
    }

    #[test]
    fn every_spelling_is_an_option_and_listed_once_per_tool() {
        for tool in TOOLS {
            let mut seen = std::collections::HashSet::new();
            for (spellings, _) in tool.options {
                for name in spellings.split(' ') {
                    assert!(name.starts_with('-'), "{name}");
                    assert!(
                        seen.insert(name),
                        "{} {:?}: {name} twice",
                        tool.program,
                        tool.path
                    );
                }
            }
        }
    }
}
