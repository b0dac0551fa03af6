use std::collections::BTreeMap;
use std::convert::Infallible;

use super::*;

/// A stand-in renderer: the scene text repeated to fill the width, one row per height.
fn fake(scene: &str, size: Size) -> Rendering {
    let overflows = if scene.len() > usize::from(size.width) {
        vec![PaneOverflow {
            pane: "narration".into(),
            needed: scene.len(),
            available: usize::from(size.width),
            unit: Unit::Columns,
        }]
    } else {
        Vec::new()
    };
    Rendering {
        text: format!("{scene} {size}\n"),
        overflows,
        scrolls: Vec::new(),
    }
}

#[allow(clippy::unnecessary_wraps)] // the signature render_cases expects
fn ok_fake(case: &Case<String>, size: Size) -> Result<Rendering, Infallible> {
    Ok(fake(&case.scene, size))
}

fn cases() -> Vec<Case<String>> {
    ["intro/hello", "matrix", "intro/a-long-step-title"]
        .into_iter()
        .map(|stem| Case {
            stem: stem.to_owned(),
            scene: stem.to_owned(),
        })
        .collect()
}

fn outcome(mode: Mode, comparison: Comparison, overflows: Vec<OverflowAt>) -> Outcome {
    Outcome {
        mode,
        dir_label: "snaps/".into(),
        comparison,
        left_alone: Vec::new(),
        overflows,
        deny_overflow: false,
    }
}

#[test]
fn renders_every_case_at_every_size_with_its_overflows() {
    let sizes = [Size::new(20, 5), Size::new(30, 6)];
    let Ok(rendered) = render_cases(&cases(), &sizes, ok_fake);
    let paths: Vec<&str> = rendered.shots.iter().map(|s| s.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "intro/hello@20x5.txt",
            "matrix@20x5.txt",
            "intro/a-long-step-title@20x5.txt",
            "intro/hello@30x6.txt",
            "matrix@30x6.txt",
            "intro/a-long-step-title@30x6.txt",
        ]
    );
    assert_eq!(rendered.shots[1].text, "matrix 20x5\n");
    assert_eq!(rendered.overflows.len(), 1);
    assert_eq!(
        rendered.overflows[0].path,
        "intro/a-long-step-title@20x5.txt"
    );
}

#[test]
fn render_errors_stop_the_run() {
    let result = render_cases(&cases(), &DEFAULT_SIZES, |case: &Case<String>, _| {
        if case.scene == "matrix" {
            Err("no matrix")
        } else {
            Ok(Rendering::default())
        }
    });
    assert_eq!(result.err(), Some("no matrix"));
}

#[test]
fn check_reports_diffs_lists_and_summary_and_fails() -> io::Result<()> {
    let Ok(rendered) = render_cases(&cases(), &[Size::new(40, 2)], ok_fake);
    let mut existing: BTreeMap<String, String> = rendered
        .shots
        .iter()
        .map(|s| (s.path.clone(), s.text.clone()))
        .collect();
    existing.insert("matrix@40x2.txt".into(), "matrix 40x2 (old)\n".into());
    existing.remove("intro/hello@40x2.txt");
    existing.insert("gone@40x2.txt".into(), "x\n".into());
    let result = outcome(
        Mode::Check,
        store::compare(&rendered.shots, &existing),
        Vec::new(),
    );
    assert!(result.failed());
    let mut report = Vec::new();
    result.write_report(&mut report)?;
    let report = String::from_utf8_lossy(&report);
    let expected = "changed: matrix@40x2.txt\n\
                    --- snaps/matrix@40x2.txt\n\
                    +++ rendered/matrix@40x2.txt\n\
                    @@ -1 +1 @@\n\
                    -matrix 40x2 (old)\n\
                    +matrix 40x2\n\
                    added (not in the snapshot directory): intro/hello@40x2.txt\n\
                    missing: gone@40x2.txt\n\
                    3 snapshots: 1 changed, 1 added, 1 missing\n";
    assert_eq!(report, expected);
    Ok(())
}

#[test]
fn a_clean_check_passes_and_update_never_fails_on_differences() {
    let clean = outcome(
        Mode::Check,
        Comparison {
            total: 4,
            ..Comparison::default()
        },
        Vec::new(),
    );
    assert!(!clean.failed());
    assert_eq!(
        clean.summary(),
        "4 snapshots: 0 changed, 0 added, 0 missing"
    );
    let update = outcome(
        Mode::Update,
        Comparison {
            total: 1,
            added: vec!["a.txt".into()],
            ..Comparison::default()
        },
        Vec::new(),
    );
    assert!(!update.failed());
}

#[test]
fn overflows_warn_and_fail_only_when_denied() -> io::Result<()> {
    let overflow = OverflowAt {
        path: "n/s@80x24.txt".into(),
        overflow: PaneOverflow {
            pane: "the quiz's choices".into(),
            needed: 30,
            available: 20,
            unit: Unit::Lines,
        },
    };
    let mut result = outcome(Mode::Check, Comparison::default(), vec![overflow]);
    assert!(!result.failed());
    let mut warn = Vec::new();
    result.write_overflows(&mut warn)?;
    assert_eq!(
        String::from_utf8_lossy(&warn),
        "warning: n/s@80x24.txt: the quiz's choices cannot be seen in full: 30 lines needed, 20 available even zoomed\n"
    );
    result.deny_overflow = true;
    assert!(result.failed());
    let mut error = Vec::new();
    result.write_overflows(&mut error)?;
    assert!(String::from_utf8_lossy(&error).starts_with("error: "));
    Ok(())
}
