//! Two players on one course save at the same time and neither loses the other's records.
//!
//! Each player is this test binary started again with [`PLAYER_ENV`] set (see
//! `progress_crash.rs` for why). Both load the same file, wait for a common start signal, then
//! complete different nodes, saving after each without ever re-reading, so every save must
//! merge with what the other wrote in between.

mod support;

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::Stdio;

use support::{ChildGuard, respawn_self};
use termcourse::core::course::{NodeId, StepId};
use termcourse::edge::store::Store;

const PLAYER_ENV: &str = "TERMCOURSE_TEST_PLAYER";
const DIR_ENV: &str = "TERMCOURSE_TEST_PLAYER_DIR";
const COURSE: &str = "shared-course";
const NODES_EACH: usize = 30;
const ROUNDS: usize = 3;

#[test]
fn two_players_completing_different_nodes_keep_both() {
    if let (Some(name), Some(dir)) = (std::env::var_os(PLAYER_ENV), std::env::var_os(DIR_ENV)) {
        play(&name.to_string_lossy(), Path::new(&dir));
        return;
    }
    for round in 0..ROUNDS {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut players: Vec<ChildGuard> = ["left", "right"]
            .iter()
            .map(|name| start_player(name, dir.path()))
            .collect();
        for player in &mut players {
            expect_line(player, "loaded");
        }
        for player in &mut players {
            let stdin = player.0.stdin.as_mut().expect("piped stdin");
            stdin.write_all(b"go\n").expect("signal the player");
        }
        for player in &mut players {
            expect_line(player, "done");
            let status = player.0.wait().expect("player exits");
            assert!(status.success(), "round {round}: a player failed: {status}");
        }

        let loaded = Store::open(dir.path(), COURSE).load();
        assert_eq!(loaded.notice, None);
        let progress = loaded.progress;
        for name in ["left", "right"] {
            for k in 0..NODES_EACH {
                let node = NodeId::new(format!("{name}-{k}"));
                assert!(
                    progress.is_complete(&node),
                    "round {round}: {node} was lost"
                );
            }
        }
        // Both players answered the same quiz wrongly in different ways: both answers stay.
        let quiz = &progress.nodes["shared"].quizzes["check"];
        assert!(quiz.wrong_answers.contains(&"left's answer".to_owned()));
        assert!(quiz.wrong_answers.contains(&"right's answer".to_owned()));
    }
}

fn start_player(name: &str, dir: &Path) -> ChildGuard {
    respawn_self("two_players_completing_different_nodes_keep_both")
        .env(PLAYER_ENV, name)
        .env(DIR_ENV, dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map(ChildGuard)
        .expect("start a player")
}

/// Reads the player's output until `want`, failing if it ends first.
fn expect_line(player: &mut ChildGuard, want: &str) {
    let stdout = player.0.stdout.take().expect("piped stdout");
    let mut reader = BufReader::new(stdout);
    let mut line = String::new();
    loop {
        line.clear();
        let read = reader.read_line(&mut line).expect("read player output");
        assert!(read > 0, "the player ended before saying {want:?}");
        if line.trim() == want {
            break;
        }
    }
    player.0.stdout = Some(reader.into_inner());
}

/// A player's part: load, wait for "go", complete its own nodes one save at a time.
fn play(name: &str, dir: &Path) {
    let store = Store::open(dir, COURSE);
    let mut progress = store.load().progress;
    say("loaded");
    let mut go = String::new();
    std::io::stdin().read_line(&mut go).expect("wait for go");

    progress.record_attempt(
        &NodeId::from("shared"),
        &StepId::from("check"),
        Some(format!("{name}'s answer")),
    );
    for k in 0..NODES_EACH {
        let node = NodeId::new(format!("{name}-{k}"));
        progress.mark_seen(&node, &StepId::from("only"));
        progress.nodes.entry(node.to_string()).or_default().complete = true;
        // The merged result is deliberately not adopted: each save must merge on its own.
        store.save(&progress).expect("save");
    }
    say("done");
}

fn say(line: &str) {
    let mut out = std::io::stdout();
    writeln!(out, "{line}").expect("write to parent");
    out.flush().expect("flush to parent");
}
