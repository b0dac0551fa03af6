//! `update` tests, one group per mode. They drive the model with the same messages the keymap
//! produces and assert on the model and the returned effects.

use super::super::keymap::{Key, resolve};
use super::super::test_course::course;
use std::sync::Arc;

use super::super::overlay::{FaqState, HelpState, MatrixState, Overlay, OverlayKind};
use super::super::{Extent, Focus, KeyMode, Metrics, Model, Options};
use super::update;
use crate::app::effect::Effect;
use crate::app::msg::Msg;
use crate::core::course::{Course, NodeId, StepId};
use crate::core::progress::Progress;
use crate::core::quiz::{Answer, Grade};

fn model_at(course: &Arc<Course>, node: &str, step: &str, practice: bool) -> Model {
    Model::new(
        Arc::clone(course),
        Progress::new("test"),
        &Options {
            practice,
            animate: true,
            node: Some(NodeId::new(node)),
            step: Some(StepId::new(step)),
            ..Options::default()
        },
    )
}

/// Presses `key` through the keymap, as the runtime does.
fn press(model: &mut Model, key: Key) -> Vec<Effect> {
    match resolve(model.key_mode(), key) {
        Some(msg) => update(model, msg),
        None => Vec::new(),
    }
}

fn type_text(model: &mut Model, text: &str) {
    for c in text.chars() {
        update(model, Msg::Input(c));
    }
}

fn saves(effects: &[Effect]) -> usize {
    effects
        .iter()
        .filter(|e| matches!(e, Effect::SaveProgress(_)))
        .count()
}

mod bash;
mod finish;
mod learner;
mod narration;
mod overlays;
mod quiz;
mod task;
mod type_along;
