//! Helpers shared by the view tests: buffers as plain text for snapshots.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use crate::core::course::{
    Course, CourseId, FaqEntry, GlossaryEntry, MatrixInfo, Node, NodeId, Step, StepId,
};

/// The buffer as the player's plain-text output shows it (`render`, `snapshot`): one line per
/// row, trailing spaces trimmed, the cells behind a wide character skipped. Every test turns a
/// buffer into text with this one function ([`crate::view::text::to_plain`], the one `render` and
/// `snapshot` print with).
pub fn buffer_text(buf: &Buffer) -> String {
    crate::view::text::to_plain(buf)
}

/// `widget` drawn into a fresh `width` × `height` buffer.
pub fn draw(widget: impl Widget, width: u16, height: u16) -> Buffer {
    let area = Rect::new(0, 0, width, height);
    let mut buf = Buffer::empty(area);
    widget.render(area, &mut buf);
    buf
}

/// A ten-node course in the shape of the built-in one, with a glossary and an FAQ.
pub fn sample_course() -> Course {
    let node = |id: &str, title: &str, requires: &[&str]| Node {
        id: NodeId::new(id),
        title: title.to_owned(),
        summary: format!("What {title} means for an ML image, and how to get it right."),
        requires: requires.iter().map(|r| NodeId::new(*r)).collect(),
        steps: vec![Step {
            id: StepId::new("intro"),
            title: "Intro".to_owned(),
            sys_msg: None,
            body: Some("Hello".to_owned()),
            bash: Vec::new(),
            quiz: None,
            task: None,
        }],
    };
    Course {
        id: CourseId::new("dockerfiles-ml"),
        title: "Creating Dockerfiles for ML Models".to_owned(),
        tagline: "Ship models in containers".to_owned(),
        ticker: vec!["docker".to_owned()],
        matrix: MatrixInfo {
            title: "Deployment Matrix".to_owned(),
            motto: "Build small. Build cached. Ship.".to_owned(),
        },
        glossary: vec![
            glossary(
                "Layer",
                "Concept",
                "One filesystem **diff** per instruction.",
            ),
            glossary(
                "FROM",
                "Dockerfile",
                "Sets the base image: `FROM python:3.12-slim`.",
            ),
            glossary(
                "Build cache",
                "Concept",
                "Reuses layers whose inputs did not change.",
            ),
        ],
        faq: vec![
            FaqEntry {
                question: "Why is my image 5 GB?".to_owned(),
                answer: "Usually CUDA wheels. Use a *slim* base and `--no-cache-dir`.".to_owned(),
            },
            FaqEntry {
                question: "Where do model weights go?".to_owned(),
                answer: "Mount them at run time, or bake them in a late layer.".to_owned(),
            },
        ],
        finish: None,
        nodes: vec![
            node("basics", "Container basics", &[]),
            node("base", "Base images", &["basics"]),
            node("deps", "Python deps", &["basics"]),
            node("layers", "Layer caching", &["base", "deps"]),
            node("secrets", "Secrets", &["base"]),
            node("gpu", "GPU runtimes", &["base"]),
            node("multistage", "Multi-stage builds", &["layers"]),
            node("weights", "Model weights", &["layers", "secrets"]),
            node("serve", "Serving", &["multistage", "weights"]),
            node("ship", "Ship it", &["serve", "gpu"]),
        ],
    }
}

fn glossary(term: &str, tag: &str, definition: &str) -> GlossaryEntry {
    GlossaryEntry {
        term: term.to_owned(),
        tag: tag.to_owned(),
        definition: definition.to_owned(),
    }
}
