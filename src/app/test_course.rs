//! A small hand-built course for unit tests of the app layer: three nodes (a → b, a → c),
//! bash entries with a type-along, and one quiz of each kind.

use crate::core::course::{
    BashEntry, Choice, Course, CourseId, FaqEntry, GlossaryEntry, MatrixInfo, Node, NodeId,
    Pattern, Quiz, QuizKind, Step, StepId, TypeAlong,
};

fn pattern(src: &str) -> Pattern {
    Pattern::compile(src, false).expect("test pattern")
}

fn step(id: &str, title: &str) -> Step {
    Step {
        id: StepId::new(id),
        title: title.into(),
        sys_msg: None,
        body: None,
        bash: Vec::new(),
        quiz: None,
        task: None,
    }
}

fn choice(text: &str, correct: bool) -> Choice {
    Choice {
        text: text.into(),
        correct,
        why: Some(format!("because {text}")),
    }
}

fn quiz(kind: QuizKind) -> Quiz {
    Quiz {
        question: "Which?".into(),
        kind,
        hints: vec!["first hint".into(), "second hint".into()],
        explain: Some("That is why.".into()),
    }
}

pub fn course() -> std::sync::Arc<Course> {
    let mut intro = step("intro", "Welcome");
    intro.sys_msg = Some("Boot sequence".into());
    intro.body = Some("# Hello\n\nSome *text* with `code`.".into());
    let mut shell = step("shell", "Shell");
    shell.bash = vec![
        BashEntry {
            cmd: "docker build -t app .".into(),
            out: "Successfully built".into(),
            note: Some("Build it".into()),
            type_along: None,
        },
        BashEntry {
            cmd: "docker run app".into(),
            out: "hello".into(),
            note: None,
            type_along: Some(TypeAlong {
                accept: vec![pattern(r"^docker run app$")],
                hint: Some("run the image".into()),
            }),
        },
    ];
    let mut single = step("check", "Check");
    single.quiz = Some(quiz(QuizKind::Single {
        choices: vec![choice("wrong", false), choice("right", true)],
    }));
    let a = Node {
        id: NodeId::new("a"),
        title: "Basics".into(),
        summary: "The basics".into(),
        requires: vec![],
        steps: vec![intro, shell, single],
    };
    let mut multi = step("multi", "Multi");
    multi.quiz = Some(quiz(QuizKind::Multi {
        choices: vec![choice("x", true), choice("y", false), choice("z", true)],
    }));
    let mut text = step("text", "Text");
    text.quiz = Some(quiz(QuizKind::Text {
        answers: vec![pattern("(?i)^slim$")],
        sample: "slim".into(),
        case_sensitive: false,
    }));
    let mut order = step("order", "Order");
    order.quiz = Some(quiz(QuizKind::Order {
        items: vec!["FROM".into(), "COPY".into(), "RUN".into()],
    }));
    let b = Node {
        id: NodeId::new("b"),
        title: "Layers".into(),
        summary: "Layer caching".into(),
        requires: vec![NodeId::new("a")],
        steps: vec![multi, text, order],
    };
    let c = Node {
        id: NodeId::new("c"),
        title: "Secrets".into(),
        summary: "Keep secrets out".into(),
        requires: vec![NodeId::new("a"), NodeId::new("b")],
        steps: vec![step("only", "Only step")],
    };
    std::sync::Arc::new(Course {
        id: CourseId::new("test"),
        title: "Test Course".into(),
        tagline: "For tests".into(),
        ticker: vec!["MLOPS".into(), "DOCKER".into()],
        matrix: MatrixInfo::default(),
        glossary: vec![
            GlossaryEntry {
                term: "Layer".into(),
                tag: "Concept".into(),
                definition: "A filesystem diff".into(),
            },
            GlossaryEntry {
                term: "FROM".into(),
                tag: "Dockerfile".into(),
                definition: "Base image".into(),
            },
        ],
        faq: vec![FaqEntry {
            question: "Why?".into(),
            answer: "Because.".into(),
        }],
        finish: None,
        nodes: vec![a, b, c],
    })
}

/// A course with a hands-on task for unit tests: `intro` (one step), `write` (a task on
/// `Dockerfile` and `.dockerignore`: three file checks, two with hints, and two command
/// checks, the first needing `docker`), and `after`, which `write` unlocks.
pub fn task_course() -> std::sync::Arc<Course> {
    const COURSE: &str = r#"
format = 1
id = "tasks"
title = "Tasks"

[[node]]
id = "intro"
title = "Intro"
[[node.step]]
id = "welcome"
title = "Welcome"
body = "Next, a task."

[[node]]
id = "write"
title = "Write It"
requires = ["intro"]
[[node.step]]
id = "dockerfile"
title = "Write the Dockerfile"
[node.step.task]
goal = "Write a `Dockerfile`."
[[node.step.task.file]]
path = "Dockerfile"
starter = "FROM python:latest\nCOPY . .\n"
solution = "FROM python:3.13-slim\nUSER 10001\n"
[[node.step.task.file]]
path = ".dockerignore"
solution = ".git\n"
[[node.step.task.check]]
file = "Dockerfile"
matches = '(?m)^FROM python:3\.1[3-9]-slim'
message = "Start FROM a pinned slim Python image"
hint = "python:3.13-slim"
[[node.step.task.check]]
file = "Dockerfile"
matches = '(?m)^USER [1-9]'
message = "Switch to a non-root USER"
hint = "USER 10001"
[[node.step.task.check]]
file = ".dockerignore"
exists = true
message = "Add a .dockerignore"
[[node.step.task.check]]
file = "Dockerfile"
run = "docker build --check ."
needs = "docker"
message = "`docker build --check` finds no problems"
[[node.step.task.check]]
run = "true"
message = "The build passes"

[[node]]
id = "after"
title = "After"
requires = ["write"]
[[node.step]]
id = "next"
title = "Next"
body = "Done."
"#;
    let source = crate::core::source::MemorySource {
        root: String::new(),
        files: vec![("course.toml".into(), COURSE.into())],
    };
    match crate::core::load::load(&source, &crate::core::load::LoadOptions::default()) {
        Ok(course) => std::sync::Arc::new(course),
        Err(report) => panic!("{}", report.render(false)),
    }
}
