//! The highlighter: code blocks are coloured on a thread of their own, so neither loading the
//! syntax set nor a block that takes long to highlight ever delays a key or a frame.
//!
//! The runtime hands it the blocks the screen drew without colours ([`Highlighter::request`]);
//! each result goes back through the callback it was given (the runtime forwards it to the
//! event loop, which repaints). The newest request is served first, so the step on screen gets
//! its colours before steps the learner has already left. Each block is highlighted within a
//! [`Budget`]; past it the block stays plain. The thread ends when the handle is dropped (after
//! the block it is on); the process does not wait for it.

use std::collections::VecDeque;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};

use crate::view::highlight::{Budget, CodeBlock, Coloured, colour};
use crate::view::theme::Theme;

/// A handle on the highlighter thread.
pub struct Highlighter {
    jobs: Sender<Vec<CodeBlock>>,
}

impl Highlighter {
    /// Starts the thread, colouring with `theme` within `budget`; `report` is called on the
    /// thread with each block's result.
    pub fn spawn(
        theme: Theme,
        budget: Budget,
        report: impl Fn(Coloured) + Send + 'static,
    ) -> std::io::Result<Self> {
        let (jobs, queue) = mpsc::channel();
        std::thread::Builder::new()
            .name("termcourse-highlight".into())
            .spawn(move || run(&queue, &theme, budget, &report))?;
        Ok(Self { jobs })
    }

    /// Asks for `blocks` to be coloured, before anything asked for earlier; returns at once.
    pub fn request(&self, blocks: Vec<CodeBlock>) {
        if !blocks.is_empty() {
            // The thread only ends when this handle is dropped.
            let _ = self.jobs.send(blocks);
        }
    }
}

fn run(queue: &Receiver<Vec<CodeBlock>>, theme: &Theme, budget: Budget, report: &dyn Fn(Coloured)) {
    // Batches of blocks, newest last; each batch is served in its own order.
    let mut batches: Vec<VecDeque<CodeBlock>> = Vec::new();
    loop {
        if batches.is_empty() {
            match queue.recv() {
                Ok(batch) => batches.push(batch.into()),
                Err(_) => return,
            }
        }
        batches.extend(queue.try_iter().map(VecDeque::from));
        let Some(newest) = batches.last_mut() else {
            continue;
        };
        let Some(block) = newest.pop_front() else {
            batches.pop();
            continue;
        };
        let lines = colour(&block, theme, budget).map(Arc::from);
        report(Coloured { block, lines });
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::time::{Duration, Instant};

    use super::*;

    fn block(code: &str, lang: &str) -> CodeBlock {
        CodeBlock {
            code: Arc::from(code),
            lang: Arc::from(lang),
            theme: Theme::dark().kind,
        }
    }

    #[test]
    fn colours_arrive_for_every_block_the_newest_first_and_pathological_ones_stay_plain() {
        let (tx, rx) = mpsc::channel();
        let highlighter = Highlighter::spawn(Theme::dark(), Budget::PLAYER, move |c| {
            let _ = tx.send(c);
        })
        .expect("thread");
        // LESS is slow on a line of spaces and tabs after a selector: tens of milliseconds for
        // 2,000 characters, minutes for 20,000.
        let busy = block(&format!("a{}\n", " \t".repeat(999)), "less");
        let hopeless = block(&format!("a{}\n", " \t".repeat(10_000)), "less");
        let many = block(&format!("a{}\n", " \t".repeat(999)).repeat(50), "less");
        let docker = block("FROM python:3.12-slim\n", "dockerfile");
        let started = Instant::now();
        // The first block keeps the thread busy while the other requests queue up.
        highlighter.request(vec![busy.clone()]);
        highlighter.request(vec![hopeless.clone(), many.clone()]);
        highlighter.request(vec![docker.clone()]);
        let got: Vec<Coloured> = (0..4)
            .map(|_| {
                rx.recv_timeout(Duration::from_secs(20))
                    .expect("a result for every block")
            })
            .collect();
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "bounded: {:?}",
            started.elapsed()
        );
        let at = |b: &CodeBlock| got.iter().position(|c| &c.block == b).expect("answered");
        // Each request is served in its own order. Which request goes first depends on when
        // the thread takes them (on a loaded machine it may finish `busy` before `docker` is
        // queued); the newest-first order is asserted by `waiting_requests_are_served_newest_first`.
        assert!(
            at(&hopeless) < at(&many),
            "each request in its own order: {:?}",
            [at(&busy), at(&hopeless), at(&many), at(&docker)]
        );
        let lines = |b: &CodeBlock| got[at(b)].lines.is_some();
        assert!(lines(&docker), "dockerfile is coloured");
        assert!(!lines(&hopeless), "a 20,000-character line stays plain");
        assert!(!lines(&many), "a block over the time budget stays plain");
    }

    #[test]
    fn the_thread_ends_when_the_handle_is_dropped() {
        let (tx, rx) = mpsc::channel::<Coloured>();
        let highlighter = Highlighter::spawn(Theme::dark(), Budget::PLAYER, move |c| {
            let _ = tx.send(c);
        })
        .expect("thread");
        drop(highlighter);
        // The report callback (and with it the sender) goes with the thread.
        assert!(rx.recv_timeout(Duration::from_secs(5)).is_err());
    }

    #[test]
    fn waiting_requests_are_served_newest_first() {
        let (jobs, queue) = mpsc::channel();
        let [a, b, c] = ["FROM a\n", "FROM b\n", "FROM c\n"].map(|code| block(code, "dockerfile"));
        jobs.send(vec![a.clone()]).expect("queued");
        jobs.send(vec![b.clone(), c.clone()]).expect("queued");
        let d = block("RUN d\n", "dockerfile");
        jobs.send(vec![d.clone()]).expect("queued");
        drop(jobs);
        let order = std::cell::RefCell::new(Vec::new());
        run(&queue, &Theme::dark(), Budget::PLAYER, &|c: Coloured| {
            order.borrow_mut().push(c.block);
        });
        assert_eq!(order.into_inner(), vec![d, b, c, a]);
    }
}
