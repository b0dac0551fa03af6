//! The generated course of 1,000 nodes and 10,000 steps, shared by `benches/load.rs` (loading
//! it from memory) and `examples/gen_course.rs` (writing it to disk, for `benches/first_frame.py`
//! to time the player's first frame on it).
//!
//! The course is shaped like a real one, scaled up: one node file per node, each requiring one
//! or two earlier nodes; every step has narration and a markdown body (half of them with a
//! fenced code block); half the steps have a three-command bash pane; each node has one
//! type-along with a derived pattern, every other node one more with its own `accept` regex,
//! and each node has one quiz of each kind. Every command and pattern is unique, so nothing
//! can be shared between nodes.

use std::fmt::Write as _;

use termcourse::core::source::MemorySource;

pub const NODES: usize = 1_000;
pub const STEPS_PER_NODE: usize = 10;

pub fn generated_course() -> MemorySource {
    let mut course = String::from(
        "format = 1\nid = \"bench\"\ntitle = \"Bench\"\ntagline = \"Generated\"\n\
         ticker = [\"BENCH\", \"LOAD\"]\n",
    );
    let names: Vec<String> = (0..NODES)
        .map(|i| format!("\"nodes/n{i:04}.toml\""))
        .collect();
    let _ = writeln!(course, "nodes = [{}]", names.join(", "));
    course.push_str("[matrix]\ntitle = \"Bench Matrix\"\nmotto = \"Load fast\"\n");
    for i in 0..50 {
        let _ = writeln!(
            course,
            "[[glossary]]\nterm = \"Term {i}\"\ntag = \"Concept\"\ndefinition = \"Meaning of *{i}*.\""
        );
    }
    let mut files = vec![("course.toml".to_owned(), course)];
    files.extend((0..NODES).map(|i| (format!("nodes/n{i:04}.toml"), node_file(i))));
    MemorySource {
        root: "bench".to_owned(),
        files,
    }
}

fn node_file(i: usize) -> String {
    let mut text =
        format!("id = \"n{i:04}\"\ntitle = \"Node {i}\"\nsummary = \"Summary of node {i}.\"\n");
    let requires: Vec<String> = [i.checked_sub(1), i.checked_sub(7)]
        .into_iter()
        .flatten()
        .map(|r| format!("\"n{r:04}\""))
        .collect();
    let _ = writeln!(text, "requires = [{}]", requires.join(", "));
    for s in 0..STEPS_PER_NODE {
        let _ = write!(
            text,
            "\n[[step]]\nid = \"s{s}\"\ntitle = \"Step {s}\"\nsys_msg = \"Narration {i}.{s}\"\n\
             body = \"\"\"\n## Heading {s}\n\nSome *prose* with `code` and a list:\n\n- one\n- two\n"
        );
        if s % 2 == 0 {
            text.push_str("\n```dockerfile\nFROM python:3.12-slim\nRUN pip install torch\n```\n");
        }
        text.push_str("\"\"\"\n");
        if s < 5 {
            text.push_str(&bash_pane(i, s));
        }
        text.push_str(&quiz(i, s));
    }
    text
}

fn bash_pane(i: usize, s: usize) -> String {
    let mut pane = format!(
        "[[step.bash]]\ncmd = \"docker build -t model-{i}-{s} .\"\nout = \"Step 1/4\\nDone\"\n\
         [[step.bash]]\ncmd = \"docker images model-{i}-{s}\"\nout = \"REPOSITORY  TAG\"\n"
    );
    match s {
        0 => {
            let _ = write!(
                pane,
                "[[step.bash]]\ncmd = \"docker run model-{i}\"\nout = \"\"\ntype_along = true\nhint = \"Run it\"\n"
            );
        }
        1 if i.is_multiple_of(2) => {
            let _ = write!(
                pane,
                "[[step.bash]]\ncmd = \"docker push model-{i}\"\nout = \"\"\ntype_along = true\naccept = ['^docker\\s+push\\s+model-{i}$']\n"
            );
        }
        _ => {
            let _ = write!(
                pane,
                "[[step.bash]]\ncmd = \"docker ps\"\nout = \"CONTAINER ID\"\nnote = \"Nothing runs yet.\"\n"
            );
        }
    }
    pane
}

fn quiz(i: usize, step: usize) -> String {
    match step {
        2 => "[step.quiz]\nkind = \"single\"\nquestion = \"Which?\"\nhints = [\"h\"]\n\
              [[step.quiz.choice]]\ntext = \"a\"\ncorrect = true\nwhy = \"yes\"\n\
              [[step.quiz.choice]]\ntext = \"b\"\nwhy = \"no\"\n"
            .to_owned(),
        4 => "[step.quiz]\nkind = \"multi\"\nquestion = \"Which?\"\n\
              [[step.quiz.choice]]\ntext = \"a\"\ncorrect = true\n\
              [[step.quiz.choice]]\ntext = \"b\"\ncorrect = true\n\
              [[step.quiz.choice]]\ntext = \"c\"\n"
            .to_owned(),
        6 => format!(
            "[step.quiz]\nkind = \"text\"\nquestion = \"Flag?\"\n\
             answers = ['^--flag-{i}$']\nsample = \"--flag-{i}\"\n"
        ),
        8 => {
            "[step.quiz]\nkind = \"order\"\nquestion = \"Order?\"\nitems = [\"a\", \"b\", \"c\"]\n"
                .to_owned()
        }
        _ => String::new(),
    }
}
