//! `termcourse render`: one step (or screen) of a course, drawn headlessly by the player's own
//! view, printed as text.

pub mod target;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::ValueEnum;
use clap::builder::{PossibleValuesParser, TypedValueParser};

use crate::app::overlay::OverlayKind;
use crate::core::course::Course;
use crate::core::progress::Progress;
use crate::core::progress::codec::{Decoded, decode};
use crate::edge::headless::{Scene, render_scene};
use crate::edge::safe_fs::{Follow, read_limited};
use crate::edge::snapshot::Size;
use crate::edge::store::MAX_PROGRESS_BYTES;
use crate::view::text::{TextFormat, buffer_to_text, check_inert};

/// Print exactly what the player shows for one step, at a fixed size, as text.
///
/// The learner is a new one: nothing is complete, so nodes that require others show locked in
/// the matrix, and "you are here" is on the first available node. `--progress FILE` renders
/// for the learner whose saved progress FILE holds (a finished course, say). Screens
/// (`--screen`) are drawn over a neutral background, without any step around them.
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
    /// Show the bash pane after K entries [default: all of them, as K equal to their number];
    /// a type-along entry right after them is shown at its open prompt, as the player opens it.
    #[arg(long, value_name = "K")]
    pub bash: Option<usize>,
    /// Show this page of the step's narration, as the learner scrolls it (1 is the top; the
    /// snapshot of page N is `<step>.page-N`).
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u16).range(1..))]
    pub page: u16,
    /// Render for the learner whose progress this file holds (a progress file as termcourse
    /// saves it, e.g. from `termcourse progress path`) instead of a new learner.
    #[arg(long, value_name = "FILE")]
    pub progress: Option<PathBuf>,
    /// Show the quiz after this answer: `2`, `1,3`, an order like `3,1,2,4` (numbers from 1,
    /// in the author's order), or the typed text. On a task step, `solution` shows the task
    /// solved (the author's solutions checked, command checks passed); without it a task shows
    /// its starters.
    #[arg(long, value_name = "A", allow_hyphen_values = true)]
    pub answer: Option<String>,
    /// Show this screen instead of a step (`finish` shows the course-complete screen with no
    /// results yet, to check the course's closing note).
    #[arg(long, value_parser = screen_names(), conflicts_with_all = ["step", "node", "bash", "answer", "page"])]
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
    let mut scene = match scene(&course, args) {
        Ok(scene) => scene,
        Err(message) => return Ok(usage_error(&message)),
    };
    if let Some(file) = &args.progress {
        match read_progress(file, course.id.as_str()) {
            Ok(progress) => scene.progress = Some(progress),
            Err(message) => return Ok(usage_error(&message)),
        }
    }
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
        page: usize::from(args.page.saturating_sub(1)),
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

/// The progress in `file`, for the course `course_id`, or what is wrong with it. The file is
/// read as the store reads one: a regular file, not through a symlink, within the size limit.
fn read_progress(file: &Path, course_id: &str) -> Result<Progress, String> {
    let shown = crate::core::sanitize::sanitize(&file.display().to_string()).into_owned();
    let bytes = read_limited(file, MAX_PROGRESS_BYTES, Follow::Symlinks)
        .map_err(|err| format!("cannot read `{shown}`: {err}"))?;
    let progress = match decode(&bytes) {
        Ok(Decoded::Current(progress) | Decoded::Migrated { progress, .. }) => progress,
        Ok(Decoded::Newer { format }) => {
            return Err(format!(
                "`{shown}` is in progress format {format}, newer than this termcourse reads"
            ));
        }
        Err(err) => return Err(format!("`{shown}` is not a progress file: {err}")),
    };
    if progress.course != course_id {
        return Err(format!(
            "`{shown}` holds progress for course `{}`, not `{course_id}`",
            crate::core::sanitize::sanitize(&progress.course)
        ));
    }
    Ok(progress)
}

/// Reports a flag that does not fit the course, the way clap reports malformed ones.
fn usage_error(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}
