//! Ids and the `requires` graph: id syntax, duplicate node ids, unknown requirements, cycles
//! (named in full) and nodes that can never become available.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use super::node::{Pending, node};
use super::shape::Suggester;
use super::{Checker, FileCx, NodeInput, position};
use crate::core::course::{Node, NodeId};
use crate::core::raw::Sp;

/// Nodes named in a cycle's message; a longer cycle is named by its ends.
const NAMED: usize = 12;

/// Longest id accepted; ids are keys in progress files, not prose.
const MAX_ID_CHARS: usize = 64;

/// The id if it is made of letters, digits, `-`, `_` and `.`; otherwise reports it.
pub(super) fn check_id(
    cx: &mut Checker<'_>,
    file: &FileCx,
    value: &Sp<String>,
    what: &str,
) -> Option<String> {
    let id = value.get();
    let valid = id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    let chars = id.chars().count();
    if valid && !id.is_empty() && chars <= MAX_ID_CHARS {
        return Some(id.clone());
    }
    // Whatever names this id elsewhere (a `requires`) is not reported again.
    cx.invalid_ids.insert(id.clone());
    if valid && chars > MAX_ID_CHARS {
        let short: String = id.chars().take(MAX_ID_CHARS).collect();
        let short = short.trim_end_matches(['-', '_', '.']);
        cx.error(
            file,
            value.span(),
            format!("{what} id is too long: {chars} characters, at most {MAX_ID_CHARS}"),
        )
        .with_label(format!("{} characters too many", chars - MAX_ID_CHARS))
        .with_note("note: ids are keys in the learner's progress file, not titles")
        .with_note(format!("help: shorten it, e.g. `{short}`"));
        return None;
    }
    let suggestion: String = id
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let d = cx
        .error(
            file,
            value.span(),
            format!(
                "invalid {what} id `{}`",
                crate::core::sanitize::sanitize(id)
            ),
        )
        .with_label(format!(
            "use letters, digits, `-`, `_` and `.` (at most {MAX_ID_CHARS})"
        ));
    if !suggestion.is_empty() && suggestion.len() <= MAX_ID_CHARS {
        d.with_note(format!("help: for example `{suggestion}`"));
    }
    None
}

/// Checks every node, then their ids and `requires` together. Returns the valid nodes with
/// their requirements resolved, in declaration order.
pub(super) fn nodes(cx: &mut Checker<'_>, inputs: &[NodeInput<'_>]) -> Vec<Node> {
    let mut pending: Vec<Pending<'_>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut unreadable: HashSet<String> = HashSet::new();
    for input in inputs {
        let Some(raw) = &input.raw else {
            match &input.file.salvaged_id {
                Some(id) => {
                    unreadable.insert(id.clone());
                }
                None => cx.nodes_incomplete = true,
            }
            continue;
        };
        let Some(p) = node(cx, input.file, raw) else {
            continue;
        };
        let id = p.node.id.as_str().to_owned();
        if let Some(&first) = index.get(&id) {
            let first = &pending[first];
            let first_at = position(first.file, first.id_span.start);
            cx.error(
                p.file,
                p.id_span.clone(),
                format!("two nodes have the id `{id}`"),
            )
            .with_label("duplicate node id")
            .with_note(format!("note: first used at {first_at}"));
            continue;
        }
        index.insert(id, pending.len());
        pending.push(p);
    }
    let edges = resolve(cx, &mut pending, &index, &unreadable);
    report_cycles(cx, &pending, &edges);
    pending.into_iter().map(|p| p.node).collect()
}

/// Resolves `requires`; returns, per node, `(required node index, span of the entry)`.
fn resolve(
    cx: &mut Checker<'_>,
    pending: &mut [Pending<'_>],
    index: &HashMap<String, usize>,
    unreadable: &HashSet<String>,
) -> Vec<Vec<(usize, Range<usize>)>> {
    let ids: Vec<String> = pending
        .iter()
        .map(|p| p.node.id.as_str().to_owned())
        .collect();
    let candidates: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut suggester = Suggester::new(&candidates);
    let mut edges = Vec::with_capacity(pending.len());
    for p in pending.iter_mut() {
        let mut out: Vec<(usize, Range<usize>)> = Vec::new();
        let mut targets: HashSet<usize> = HashSet::new();
        for (req, span) in &p.requires {
            if let Some(&target) = index.get(req) {
                if !targets.insert(target) {
                    cx.warning(p.file, span.clone(), format!("`{req}` is required twice"))
                        .with_label("listed again");
                    continue;
                }
                out.push((target, span.clone()));
                p.node.requires.push(NodeId::new(req.clone()));
            } else if !unreadable.contains(req)
                && !cx.nodes_incomplete
                && !cx.invalid_ids.contains(req)
            {
                let d = cx
                    .error(
                        p.file,
                        span.clone(),
                        format!(
                            "node `{}` requires `{req}`, which is not a node of this course",
                            p.node.id
                        ),
                    )
                    .with_label("unknown node");
                if let Some(best) = suggester.suggest(req) {
                    d.with_note(format!("help: did you mean `{best}`?"));
                }
            }
        }
        edges.push(out);
    }
    edges
}

/// Reports each cycle once, naming all its nodes; the nodes that require (directly or not) a
/// node on a cycle are named in a note of that cycle's error, not in errors of their own (they
/// are fixed with it).
fn report_cycles(
    cx: &mut Checker<'_>,
    pending: &[Pending<'_>],
    edges: &[Vec<(usize, Range<usize>)>],
) {
    let stuck = stuck_nodes(edges);
    // 0: unvisited, 1: on a cycle, 2: downstream of a cycle.
    let mut state = vec![0_u8; pending.len()];
    // Per node on or below a cycle: the index of that cycle's diagnostic, if it was kept.
    let mut cycle_of: Vec<Option<usize>> = vec![None; pending.len()];
    let mut blocked: HashMap<usize, Vec<usize>> = HashMap::new();
    for start in (0..pending.len()).filter(|i| stuck[*i]) {
        if state[start] != 0 {
            continue;
        }
        let mut path = vec![start];
        // Where each node of the path is in it: a long chain must not be searched per step.
        let mut on_path: HashMap<usize, usize> = HashMap::from([(start, 0)]);
        let mut at = start;
        let cycle_start = loop {
            let Some(next) = edges[at].iter().map(|(t, _)| *t).find(|t| stuck[*t]) else {
                break None;
            };
            if state[next] != 0 {
                break None;
            }
            if let Some(&pos) = on_path.get(&next) {
                break Some(pos);
            }
            on_path.insert(next, path.len());
            path.push(next);
            at = next;
        };
        let cycle_from = cycle_start.unwrap_or(path.len());
        for &n in &path[cycle_from..] {
            state[n] = 1;
        }
        if cycle_start.is_some() {
            let at = report_cycle(cx, pending, edges, &path[cycle_from..]);
            for &n in &path[cycle_from..] {
                cycle_of[n] = at;
            }
        }
        for &n in path[..cycle_from].iter().rev() {
            state[n] = 2;
            let Some((to, _)) = edges[n].iter().find(|(t, _)| stuck[*t]) else {
                continue;
            };
            cycle_of[n] = cycle_of[*to];
            if let Some(at) = cycle_of[n] {
                blocked.entry(at).or_default().push(n);
            }
        }
    }
    for (at, mut nodes) in blocked {
        nodes.sort_unstable();
        let mut names: Vec<String> = nodes
            .iter()
            .take(NAMED)
            .map(|n| format!("`{}`", pending[*n].node.id))
            .collect();
        if nodes.len() > NAMED {
            names.push(format!("{} more", nodes.len() - NAMED));
        }
        let (they, verb) = if nodes.len() == 1 {
            ("it", "depends")
        } else {
            ("they", "depend")
        };
        if let Some(d) = cx.report.diagnostics.get_mut(at) {
            d.with_note(format!(
                "note: {} {verb} on it, so {they} can never become available either",
                names.join(", ")
            ));
        }
    }
}

/// Nodes left after repeatedly removing nodes whose requirements are all removed (Kahn):
/// those on a cycle or requiring one.
fn stuck_nodes(edges: &[Vec<(usize, Range<usize>)>]) -> Vec<bool> {
    let mut unmet: Vec<usize> = edges.iter().map(Vec::len).collect();
    let mut dependents: Vec<Vec<usize>> = vec![Vec::new(); edges.len()];
    for (n, reqs) in edges.iter().enumerate() {
        for (t, _) in reqs {
            dependents[*t].push(n);
        }
    }
    let mut ready: Vec<usize> = (0..edges.len()).filter(|n| unmet[*n] == 0).collect();
    let mut stuck = vec![true; edges.len()];
    while let Some(n) = ready.pop() {
        stuck[n] = false;
        for &d in &dependents[n] {
            unmet[d] -= 1;
            if unmet[d] == 0 {
                ready.push(d);
            }
        }
    }
    stuck
}

/// Reports a cycle; returns the index of its diagnostic in the report, if it was kept.
fn report_cycle(
    cx: &mut Checker<'_>,
    pending: &[Pending<'_>],
    edges: &[Vec<(usize, Range<usize>)>],
    cycle: &[usize],
) -> Option<usize> {
    let first = (0..cycle.len()).min_by_key(|i| cycle[*i]).unwrap_or(0);
    let mut ordered: Vec<usize> = cycle[first..]
        .iter()
        .chain(&cycle[..first])
        .copied()
        .collect();
    let (from, to) = (ordered[0], ordered.get(1).copied().unwrap_or(ordered[0]));
    ordered.push(from);
    // A cycle through thousands of nodes is named by its ends.
    let mut names: Vec<String> = ordered
        .iter()
        .map(|n| format!("`{}`", pending[*n].node.id))
        .collect();
    if names.len() > NAMED {
        let hidden = names.len() - NAMED;
        names.splice(
            NAMED / 2..names.len() - NAMED / 2,
            [format!("… ({hidden} more) …")],
        );
    }
    let span = edges[from]
        .iter()
        .find(|(t, _)| *t == to)
        .map(|(_, s)| s.clone())
        .unwrap_or_default();
    let p = &pending[from];
    let before = cx.report.diagnostics.len();
    let message = if cycle.len() == 1 {
        format!("node `{}` requires itself", p.node.id)
    } else {
        format!("`requires` cycle: {}", names.join(" → "))
    };
    cx.error(p.file, span, message)
        .with_label(format!(
            "`{}` requires `{}` here",
            p.node.id, pending[to].node.id
        ))
        .with_note("note: nodes on a cycle can never become available")
        .with_note("help: remove one of these requirements");
    (cx.report.diagnostics.len() > before).then_some(before)
}
