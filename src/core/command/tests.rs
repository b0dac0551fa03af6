use super::*;

fn accepts(cmd: &str, line: &str) -> bool {
    equivalent(cmd, line)
}

fn says(cmd: &str, line: &str) -> String {
    judge(cmd, line)
        .message()
        .unwrap_or_else(|| "accepted".into())
}

#[test]
fn the_issue_examples_are_accepted() {
    let same = [
        (
            "docker run --rm --gpus all ubuntu nvidia-smi -L",
            "docker run --rm --gpus=all ubuntu nvidia-smi -L",
        ),
        (
            "docker run --rm --gpus all ubuntu nvidia-smi -L",
            "docker run --gpus all --rm ubuntu nvidia-smi -L",
        ),
        (
            "docker build -t iris-api:dev .",
            "docker buildx build -t iris-api:dev .",
        ),
        (
            "docker build -t iris-api:dev .",
            "docker build . --tag iris-api:dev",
        ),
        (
            "docker build -t iris-api:dev .",
            "docker image build --tag=iris-api:dev .",
        ),
        (
            "curl -sf localhost:8000/health",
            "curl -fs localhost:8000/health",
        ),
        (
            "curl -sf localhost:8000/health",
            "curl -s -f localhost:8000/health",
        ),
        (
            "curl -sf localhost:8000/health",
            "curl localhost:8000/health --silent --fail",
        ),
        ("docker images python", "docker image ls python"),
        (
            "docker   images  model-server",
            "docker images model-server ",
        ),
    ];
    for (cmd, line) in same {
        assert!(
            accepts(cmd, line),
            "{cmd:?} should accept {line:?}: {}",
            says(cmd, line)
        );
    }
}

#[test]
fn quoting_and_spacing_do_not_matter() {
    let cmd = "docker ps --format '{{.Names}}  {{.Status}}'";
    assert!(accepts(
        cmd,
        r#"docker ps --format "{{.Names}}  {{.Status}}""#
    ));
    assert!(accepts(
        cmd,
        r"docker ps --format={{.Names}}\ \ {{.Status}}"
    ));
    assert!(!accepts(cmd, "docker ps --format '{{.Names}} {{.Status}}'"));
    assert!(accepts(
        "git commit -m 'first commit'",
        "git commit -m \"first commit\""
    ));
}

#[test]
fn different_commands_are_rejected_with_what_differs() {
    let cases = [
        ("docker run --rm img", "docker run img", "missing `--rm`"),
        (
            "docker run --rm img",
            "docker run -d --rm img",
            "unexpected `-d`",
        ),
        (
            "docker run --gpus all img",
            "docker run --gpus 0 img",
            "`--gpus all` instead of `--gpus 0`",
        ),
        (
            "docker build -t app .",
            "docker biuld -t app .",
            "`build` instead of `biuld`",
        ),
        (
            "docker build -t app .",
            "dokcer build -t app .",
            "`docker` instead of `dokcer`",
        ),
        ("docker images python", "docker images", "missing `python`"),
        ("docker ps", "docker ps -a", "unexpected `-a`"),
        (
            "sleep 60; docker ps",
            "sleep 60 && docker ps",
            "`;` instead of `&&`",
        ),
        (
            "docker ps | wc -l",
            "docker ps",
            "missing `|`, missing `wc -l`",
        ),
        ("docker logs iris", "docker logs 'iris", "unclosed `'`"),
        ("ls", "  ", "nothing typed"),
    ];
    for (cmd, line, want) in cases {
        assert_eq!(says(cmd, line), want, "{cmd:?} vs {line:?}");
    }
}

#[test]
fn a_runner_compares_the_command_it_runs_on_its_own() {
    let cmd = "docker run --rm python:3.13-slim uname -r";
    assert!(accepts(
        cmd,
        "docker container run --rm python:3.13-slim uname -r"
    ));
    // After the image, options belong to the container's command.
    let late = says(cmd, "docker run python:3.13-slim --rm uname -r");
    assert!(late.starts_with("missing `--rm`"), "{late}");
    assert!(!accepts(cmd, "docker run --rm python:3.13-slim uname"));
    assert!(accepts(
        "time docker stop iris",
        "time docker container stop iris"
    ));
    assert!(!accepts("time docker stop iris", "docker stop iris"));
}

#[test]
fn unknown_options_keep_their_place_among_arguments() {
    // `-m` might take `msg` as its value, or be a flag before the argument `msg`: either
    // way it may not move after `msg`.
    assert!(!accepts("git commit -m msg", "git commit msg -m"));
    assert!(accepts("git commit -m msg -a", "git commit -a -m msg"));
    assert!(accepts("git commit -m msg", "git commit -m=msg"));
    // A flag of an unknown program stays before the argument it was written before.
    assert_eq!(
        says("ls-like -l dir", "ls-like dir -l"),
        "`-l` goes before `dir`"
    );
    // Reordering options that may take values keeps each value with its option.
    assert!(accepts("tool -a x -b y file", "tool -b y -a x file"));
    assert!(!accepts("tool -a x -b y file", "tool -a y -b x file"));
    // The documented limit: were `-v` and `-i` flags, this would swap the files.
    assert!(accepts("cp -v a -i b", "cp -i b -v a"));
    assert!(!accepts("cp -v -i a b", "cp -i -v b a"));
}

#[test]
fn known_tools_allow_options_anywhere_among_arguments() {
    assert!(accepts(
        "grep -c '==' requirements.txt",
        "grep '==' requirements.txt -c"
    ));
    assert!(accepts(
        "pip install -r requirements.txt --no-cache-dir",
        "pip3 install --no-cache-dir -r requirements.txt"
    ));
    assert!(!accepts(
        "pip install -r requirements.txt",
        "pip install requirements.txt -r"
    ));
    // tar: `-f` takes the archive name, so `-xfz` would read `z` as the archive.
    assert!(accepts("tar -xzf model.tgz", "tar -zxf model.tgz"));
    assert!(!accepts("tar -xzf model.tgz", "tar -xfz model.tgz"));
}

#[test]
fn combined_short_flags_split() {
    assert!(accepts("docker run -it img", "docker run -i -t img"));
    assert!(accepts("docker run -it img", "docker run -ti img"));
    assert!(accepts(
        "docker run -d -p 8000:8000 img",
        "docker run -dp 8000:8000 img"
    ));
    assert!(accepts(
        "docker run -p8000:8000 img",
        "docker run -p 8000:8000 img"
    ));
}

#[test]
fn environment_assignments_redirections_and_heredocs() {
    assert!(accepts("A=1 B=2 python app.py", "B=2 A=1 python app.py"));
    assert_eq!(says("A=1 python app.py", "python app.py"), "missing `A=1`");
    assert!(accepts("docker ps > out.txt", "docker ps >out.txt"));
    assert!(accepts("make 2>&1 | tee log", "make 2>&1|tee log"));
    assert!(!accepts("make > log 2>&1", "make 2>&1 > log"));
    let heredoc = "cat <<EOF > requirements.in\nfastapi\nuvicorn\nEOF";
    assert!(accepts(
        heredoc,
        "cat > requirements.in <<'END'\nfastapi\nuvicorn\nEND"
    ));
    assert!(!accepts(
        heredoc,
        "cat <<EOF > requirements.in\nfastapi\nEOF"
    ));
    assert!(accepts("docker run --rm \\\n  img", "docker run --rm img"));
}

#[test]
fn judging_is_total_on_hostile_input() {
    let long = "-x ".repeat(5_000);
    let lines = [
        "\u{1b}[31m",
        "'",
        "\"\\",
        "$(((((",
        "<<<<<<",
        "&&&&||;;",
        "cat <<EOF",
        long.as_str(),
        "a -bcdefghijklmnopqrstuvwxyz0123456789 x y z",
    ];
    for line in lines {
        let verdict = judge("docker run --rm img", line);
        assert!(!verdict.is_accepted(), "{line:?}");
        let message = verdict.message().unwrap_or_default();
        assert!(!message.chars().any(char::is_control), "{message:?}");
    }
    // Many ambiguous options are bounded, not exponential.
    let many = (b'a'..=b'z').fold(String::new(), |mut acc, c| {
        acc.push_str("--");
        acc.push(char::from(c));
        acc.push_str(" v ");
        acc
    });
    assert!(accepts(&format!("tool {many}"), &format!("tool {many}")));
}

#[test]
fn messages_show_at_most_three_differences() {
    let message = says("tool", "tool -a -b -c -d");
    assert_eq!(
        message,
        "unexpected `-a`, unexpected `-b`, unexpected `-c`, …"
    );
}

#[test]
fn a_shell_asks_for_more_where_bash_would() {
    let more = [
        "cat > Dockerfile <<'EOF'",
        "cat > Dockerfile <<'EOF'\nFROM python:3.13-slim",
        "cat > Dockerfile <<'EOF'\nFROM python:3.13-slim\n",
        "cat <<-END\n\tx",
        "docker run --rm \\",
        "docker run \\\n  --rm \\",
        "echo 'abc",
        "echo \"x",
        "echo $(date",
        "docker ps |",
        "docker ps | # count them",
        "make &&",
        "make ||\n",
    ];
    for text in more {
        assert!(continues(text), "{text:?} goes on");
    }
    let done = [
        "",
        "docker ps",
        "cat > Dockerfile <<'EOF'\nFROM python:3.13-slim\nEOF",
        "cat <<-END\n\tx\n\tEND",
        "cat <<<word",
        "docker run \\\n  --rm img",
        "echo 'a\\'",
        "echo a \\\\",
        "sleep 1 &",
        "a; b;",
    ];
    for text in done {
        assert!(!continues(text), "{text:?} runs");
    }
}

#[test]
fn multi_line_commands_are_judged_whole() {
    let heredoc = "cat > compose.yaml <<'EOF'\nservices:\n  api:\n    build: .\nEOF";
    assert!(accepts(heredoc, heredoc));
    assert!(accepts(
        heredoc,
        "cat <<EOF > compose.yaml\nservices:\n  api:\n    build: .\nEOF"
    ));
    assert!(!accepts(
        heredoc,
        "cat > compose.yaml <<'EOF'\nservices:\n  api:\n    build: ..\nEOF"
    ));
    let continued = "docker run --rm \\\n  -p 8000:8000 \\\n  iris-api";
    assert!(accepts(continued, "docker run --rm -p 8000:8000 iris-api"));
    assert!(accepts(
        continued,
        "docker run -p 8000:8000 \\\n--rm iris-api"
    ));
    assert!(accepts("docker ps | wc -l", "docker ps |\nwc -l"));
}
