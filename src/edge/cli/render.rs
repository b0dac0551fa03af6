//! `termcourse render`: one step (or screen) of a course, drawn headlessly by the player's own
//! view, printed as text.

pub mod target;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::ValueEnum;
use clap::builder::{PossibleValuesParser, TypedValueParser};

use crate::app::overlay::OverlayKind;
use crate::core::course::Course;
use crate::edge::headless::{Scene, render_scene};
use crate::edge::snapshot::Size;
use crate::view::text::{TextFormat, buffer_to_text, check_inert};

/// Print exactly what the player shows for one step, at a fixed size, as text.
///
/// The output depends only on the course and these flags: no animation, clock or randomness,
/// and no environment variable (not even `NO_COLOR`; use `--no-color`).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The course directory (the one holding `course.toml`).
    pub path: PathBuf,
    /// The step to show: `STEP`, or `NODE/STEP` when several nodes have a step with that id.
    #[arg(long, value_name = "ID", required_unless_present = "screen")]
    pub step: Option<String>,
    /// The node the step belongs to (needed only when its id is not unique).
    #[arg(long, value_name = "ID")]
    pub node: Option<String>,
    /// Terminal size, `WIDTHxHEIGHT`.
    #[arg(long, value_name = "WxH", default_value = "100x30")]
    pub size: Size,
    /// `plain`: characters only; `ansi`: with colours and styles as SGR sequences.
    #[arg(long, value_enum, default_value_t = FormatArg::Plain)]
    pub format: FormatArg,
    /// Show the bash pane after K entries [default: all of them]; a type-along entry right
    /// after them is shown at its open prompt, as the player opens it.
    #[arg(long, value_name = "K")]
    pub bash: Option<usize>,
    /// Show the quiz after this answer: `2`, `1,3`, an order like `3,1,2,4` (numbers from 1,
    /// in the author's order), or the typed text. On a task step, `solution` shows the task
    /// solved (the author's solutions checked, command checks passed); without it a task shows
    /// its starters.
    #[arg(long, value_name = "A", allow_hyphen_values = true)]
    pub answer: Option<String>,
    /// Show this screen instead of a step (`finish` shows the course-complete screen with no
    /// results yet, to check the course's closing note).
    #[arg(long, value_parser = screen_names(), conflicts_with_all = ["step", "node", "bash", "answer"])]
    pub screen: Option<OverlayKind>,
    /// Render with the monochrome theme (the only way to turn colour off).
    #[arg(long)]
    pub no_color: bool,
    /// Show the step's reveal blocks (`<details>`) open, as after the learner presses `o`;
    /// without it they are closed (`▸ title`).
    #[arg(long, conflicts_with = "screen")]
    pub open: bool,
    /// Show quiz choices shuffled as a learner with this seed sees them (a learner's seed is
    /// in their progress file); by default they keep the author's order. `--answer` still
    /// numbers choices in the author's order.
    #[arg(long, value_name = "N")]
    pub seed: Option<u64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Plain,
    Ansi,
}

/// `--screen`'s values: the overlays that show something by themselves.
fn screen_names() -> impl TypedValueParser<Value = OverlayKind> {
    let names = OverlayKind::ALL
        .into_iter()
        .filter(|k| k.renderable())
        .map(OverlayKind::name);
    PossibleValuesParser::new(names).try_map(|name| name.parse::<OverlayKind>())
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let Some(course) = super::snapshot::load_course(&args.path) else {
        return Ok(ExitCode::FAILURE);
    };
    let course = std::sync::Arc::new(course);
    let scene = match scene(&course, args) {
        Ok(scene) => scene,
        Err(message) => return Ok(usage_error(&message)),
    };
    let buffer = match render_scene(&course, &scene, args.size.width, args.size.height) {
        Ok(buffer) => buffer,
        Err(err) => return Ok(usage_error(&err.to_string())),
    };
    let format = match args.format {
        FormatArg::Plain => TextFormat::Plain,
        FormatArg::Ansi => TextFormat::Ansi,
    };
    let text = buffer_to_text(&buffer, format);
    check_inert(&text).context("refusing to print a rendering that is not inert")?;
    std::io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .context("cannot write to stdout")?;
    Ok(ExitCode::SUCCESS)
}

/// The scene the flags describe, or why they do not fit this course.
fn scene(course: &Course, args: &Args) -> Result<Scene, String> {
    let mut scene = Scene {
        bash: args.bash,
        overlay: args.screen,
        no_color: args.no_color,
        open: args.open,
        seed: args.seed,
        ..Scene::default()
    };
    if scene.overlay.is_some() {
        return Ok(scene);
    }
    let step = args.step.as_deref().unwrap_or_default();
    let (node_id, step_id) =
        target::resolve_step(course, args.node.as_deref(), step).map_err(|e| e.to_string())?;
    let found = course
        .node(&node_id)
        .and_then(|node| node.step_index(&step_id).map(|i| &node.steps[i]));
    if let (Some(text), Some(found)) = (&args.answer, found) {
        if found.task.is_some() {
            if text != "solution" {
                return Err(format!(
                    "step `{node_id}/{step_id}` has a task: `--answer solution` shows it solved"
                ));
            }
            scene.solved = true;
        } else {
            let Some(quiz) = &found.quiz else {
                return Err(format!("step `{node_id}/{step_id}` has no quiz to answer"));
            };
            scene.answer = Some(target::parse_answer(quiz, text).map_err(|e| e.to_string())?);
        }
    }
    scene.node = Some(node_id);
    scene.step = Some(step_id);
    Ok(scene)
}

/// Reports a flag that does not fit the course, the way clap reports malformed ones.
fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}
