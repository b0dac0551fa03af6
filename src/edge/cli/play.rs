//! `termcourse play [PATH]` (and bare `termcourse`): load a course, open its progress, and run
//! the player in the terminal.

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context as _;
use clap::builder::FalseyValueParser;
use clap::{Args, ValueEnum};

use crate::app::Options;
use crate::core::course::{Course, NodeId, StepId};
use crate::core::diagnostic::Report;
use crate::core::progress::{Day, Progress};
use crate::edge::cli::watching::{Saves, clear_screen};
use crate::edge::first_run::take_first_run;
use crate::edge::play_load::{NotStarted, Start, first_screen};
use crate::edge::player::Player;
use crate::edge::reload::{self, Reload};
use crate::edge::runtime;
use crate::edge::store::{Store, StoreError, data_dir, ensure_seed, fresh_seed};
use crate::edge::task_session::TaskOptions;
use crate::edge::task_worker::initial_env;
use crate::edge::workspace::{Workspace, WorkspaceError};
use crate::edge::writer::Final;
use crate::view::colours::Colouring;
use crate::view::screen::Screen;
use crate::view::theme::Theme;

/// Flags shared by `termcourse` and `termcourse play`.
#[derive(Debug, Clone, Default, Args)]
// Command-line switches are naturally booleans, one per flag.
#[allow(clippy::struct_excessive_bools)]
pub struct PlayOptions {
    /// Start at this node (by id); a locked node opens the matrix on it instead, saying what it
    /// needs.
    #[arg(long, value_name = "ID")]
    pub node: Option<String>,
    /// Start at this step (by id; in --node, else in the first node that has it).
    #[arg(long, value_name = "ID")]
    pub step: Option<String>,
    /// Open every node; quiz passes are not recorded as completions.
    #[arg(long)]
    pub practice: bool,
    /// Turn animation off.
    #[arg(long, env = "TERMCOURSE_NO_ANIM", value_parser = FalseyValueParser::new())]
    pub no_anim: bool,
    /// Draw with ASCII only (also chosen for consoles without Unicode and non-UTF-8 locales).
    #[arg(long, env = "TERMCOURSE_ASCII", value_parser = FalseyValueParser::new())]
    pub ascii: bool,
    /// Colours for a dark or light terminal background. `NO_COLOR` (set and not empty, whatever
    /// its value, as no-color.org says) turns colour off.
    #[arg(long, value_enum, default_value_t = ThemeArg::Dark)]
    pub theme: ThemeArg,
    /// Where you write the files of the course's tasks (default: `$TERMCOURSE_WORKSPACE`,
    /// else `<data dir>/workspaces/<course id>`).
    #[arg(long, value_name = "DIR")]
    pub workspace: Option<PathBuf>,
    /// Run no commands from the course this session: its `run` checks show as not run.
    #[arg(long)]
    pub no_run: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    #[default]
    Dark,
    Light,
}

/// Play a course in the terminal.
///
/// With `--watch`, for authors: every save under the course directory loads the course again
/// and shows the first step that changed (or keeps your place); a save that breaks the course
/// keeps the last version that loaded on screen and lists the errors in a panel until a save
/// fixes them. Progress is neither read nor saved while watching.
#[derive(Debug, Clone, Args)]
pub struct PlayArgs {
    /// The course directory (or its course.toml); the built-in course when omitted.
    pub path: Option<PathBuf>,
    /// Reload the course on every save, for its author (needs PATH); keeps no progress.
    #[arg(long, requires = "path")]
    pub watch: bool,
    #[command(flatten)]
    pub options: PlayOptions,
}

/// Answer again the questions you missed.
///
/// Asks again, in a fresh order with freshly shuffled choices, every question you answered
/// wrong or had shown to you, most-missed first. A question leaves the review once you answer
/// it right on two different days (`R` on the matrix starts a review too). After the review
/// you are back where you were in the course: play on, or press q.
#[derive(Debug, Clone, Args)]
pub struct ReviewArgs {
    /// The course directory (or its course.toml); the built-in course when omitted.
    pub path: Option<PathBuf>,
    #[command(flatten)]
    pub options: PlayOptions,
}

/// Plays the course with a review session open at the start.
pub fn review(args: &ReviewArgs) -> anyhow::Result<ExitCode> {
    let play = PlayArgs {
        path: args.path.clone(),
        watch: false,
        options: args.options.clone(),
    };
    run_with(&play, true)
}

pub fn run(args: &PlayArgs) -> anyhow::Result<ExitCode> {
    run_with(args, false)
}

fn run_with(args: &PlayArgs, review: bool) -> anyhow::Result<ExitCode> {
    let flags = &args.options;
    let builtin = args.path.is_none();
    let watch = args.path.as_deref().filter(|_| args.watch);
    // `--step` alone names a step in any node: every node's steps must be known to check it
    // (with `--node`, that node's steps are loaded first). A watched course is loaded whole,
    // as `check` loads it, so its first screen can wait.
    // A review asks questions from every node, so it needs every node's quizzes at once.
    let lazy = (flags.step.is_none() || flags.node.is_some()) && watch.is_none() && !review;
    let mut store = None;
    let mut tasks = None;
    let prepare = |course: &Course| -> anyhow::Result<Start> {
        check_start(course, flags)?;
        // Set up before the terminal is taken, so a bad `--workspace` is a plain error. The
        // course may be an outline here: trust is decided by the task worker on the whole
        // course.
        let task_options = TaskOptions::from_env(flags.workspace.clone(), flags.no_run, builtin);
        let data = data_dir().ok();
        let workspace = workspace(course, &task_options, data.as_deref())?;
        let env = initial_env(&workspace);
        if !std::io::stdout().is_terminal() {
            anyhow::bail!(
                "the player needs a terminal; to draw a step to stdout, use `termcourse render`"
            );
        }
        let (opened, mut progress, notice) = if watch.is_some() {
            // A course being edited is no learner's: nothing is read or saved.
            let notice = "Watching: every save reloads the course; progress is not saved";
            (
                None,
                Progress::new(course.id.as_str()),
                Some(notice.to_owned()),
            )
        } else {
            open_store(course)
        };
        // The learner's shuffles: made once, kept in the progress file from the first save.
        ensure_seed(&mut progress);
        store = opened;
        let options = Options {
            practice: flags.practice,
            animate: !flags.no_anim,
            node: flags.node.as_deref().map(NodeId::new),
            step: flags.step.as_deref().map(StepId::new),
            notice,
            today: Day::from_unix(unix_now()),
            entropy: fresh_seed(),
            // An author watching their course is shown it, not the tour (which stays due).
            orientation: watch.is_none() && data_dir().is_ok_and(|dir| take_first_run(&dir)),
            review,
            tasks: env,
        };
        tasks = Some(runtime::Tasks {
            workspace,
            options: task_options,
            data_dir: data,
        });
        Ok((progress, options))
    };
    if let Some(path) = watch {
        wait_until_it_loads(path)?;
    }
    let mut first = match first_screen(args.path.as_deref(), lazy, flags.node.as_deref(), prepare) {
        Ok(first) => first,
        Err(NotStarted::Course(report)) => return Ok(report_errors(&report)),
        Err(NotStarted::Refused(err)) => return Err(err),
    };
    first.model.watching = watch.is_some();
    let ascii = flags.ascii || ascii_terminal();
    let screen = Screen::with_colouring(theme(flags.theme), ascii, Colouring::Deferred);
    let mut player = Player::new(first.model, screen);
    let ended = runtime::run(&mut player, store, first.rest, tasks, watch)?;
    match ended.last_save {
        Final::Saved => {}
        Final::SavedWithoutLock(note) => eprintln!("termcourse: {note}"),
        Final::Failed(why) => eprintln!("termcourse: progress not saved: {why}"),
    }
    Ok(match ended.course_errors {
        Some(report) => report_errors(&report),
        None => ExitCode::SUCCESS,
    })
}

/// `play --watch` on a course that does not load yet: shows why, like `check --watch`, until
/// a save makes it load.
fn wait_until_it_loads(path: &Path) -> anyhow::Result<()> {
    if matches!(reload::load(path), Reload::Loaded(_)) {
        return Ok(());
    }
    // Watching before loading again: a save in between is not missed.
    let saves =
        Saves::watch(&[path.to_owned()]).map_err(|why| anyhow::anyhow!("cannot watch: {why}"))?;
    loop {
        let report = match reload::load(path) {
            Reload::Loaded(_) => return Ok(()),
            Reload::Broken(report) => report,
            Reload::Trouble(why) => anyhow::bail!("{why}"),
        };
        clear_screen();
        print!("{}", report.render(std::io::stdout().is_terminal()));
        println!(
            "\nThe course does not load yet: the player starts once a save fixes it (Ctrl-C to stop)."
        );
        if let Err(why) = saves.next() {
            anyhow::bail!("cannot watch for saves: {why}");
        }
    }
}

/// Where the course's tasks are written: an error for a `--workspace` (or
/// `TERMCOURSE_WORKSPACE`) that is there but not a directory; otherwise the workspace, or why
/// there is none (no data directory), which matters only if the course has tasks.
fn workspace(
    course: &Course,
    options: &TaskOptions,
    data: Option<&std::path::Path>,
) -> anyhow::Result<Result<Workspace, String>> {
    let resolved = Workspace::resolve(
        options.workspace.as_deref(),
        options.workspace_env.as_deref(),
        || data.map(ToOwned::to_owned).ok_or(StoreError::NoDataDir),
        course.id.as_str(),
    );
    match resolved {
        Ok(workspace) if workspace.root().exists() && !workspace.root().is_dir() => {
            Err(WorkspaceError::NotADirectory(workspace.root().to_owned()))
                .context("cannot use the workspace for this course's tasks")
        }
        Ok(workspace) => Ok(Ok(workspace)),
        Err(err) => Ok(Err(format!("{err}; choose one with --workspace DIR"))),
    }
}

/// Prints a course's errors; the exit status for a course that cannot be played.
fn report_errors(report: &Report) -> ExitCode {
    eprint!("{}", report.render(std::io::stderr().is_terminal()));
    ExitCode::from(1)
}

/// Refuses `--node` / `--step` ids the course does not have, naming the ones it has.
fn check_start(course: &Course, flags: &PlayOptions) -> anyhow::Result<()> {
    let node = match &flags.node {
        Some(id) => Some(course.node(&NodeId::new(id.as_str())).with_context(|| {
            let ids: Vec<&str> = course.nodes.iter().map(|n| n.id.as_str()).collect();
            format!("no node `{id}` in this course; nodes: {}", ids.join(", "))
        })?),
        None => None,
    };
    if let Some(step) = &flags.step {
        let id = StepId::new(step.as_str());
        let found = match node {
            Some(n) => n.step_index(&id).is_some(),
            None => course.nodes.iter().any(|n| n.step_index(&id).is_some()),
        };
        anyhow::ensure!(
            found,
            "no step `{step}` {}",
            match node {
                Some(n) => format!("in node `{}`", n.id),
                None => "in this course".to_owned(),
            }
        );
    }
    Ok(())
}

/// The store and the saved progress; without a usable data directory, or when the store is
/// read-only, the player runs without saving and says so.
fn open_store(course: &Course) -> (Option<Store>, Progress, Option<String>) {
    let dir = match data_dir() {
        Ok(dir) => dir,
        Err(err) => {
            let notice = format!("Progress will not be saved: {err}");
            return (None, Progress::new(course.id.as_str()), Some(notice));
        }
    };
    let store = Store::open(&dir, course.id.as_str());
    let loaded = store.load();
    let store = (!loaded.read_only).then_some(store);
    (store, loaded.progress, loaded.notice)
}

fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn theme(arg: ThemeArg) -> Theme {
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        Theme::no_color()
    } else if arg == ThemeArg::Light {
        Theme::light()
    } else {
        Theme::dark()
    }
}

/// Whether the terminal needs ASCII: a console without Unicode glyphs, or a locale that is set
/// but not UTF-8.
fn ascii_terminal() -> bool {
    if std::env::var("TERM")
        .is_ok_and(|t| matches!(t.as_str(), "linux" | "vt100" | "vt220" | "dumb"))
    {
        return true;
    }
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
    locale.is_some_and(|l| {
        let l = l.to_ascii_lowercase();
        !(l.contains("utf-8") || l.contains("utf8"))
    })
}
