#!/usr/bin/env python3
"""Time to first frame: termcourse against a minimal ratatui "hello" program, side by side.

Each program is started in a fresh 120x40 pseudo-terminal; the clock runs from just before
fork/exec until the program's output contains a marker that its first frame draws (the footer's
`quit` for termcourse, `hello` for the yardstick). Then `q` is sent and the program reaped.
Runs alternate between the two programs to share the machine's load fairly.

    cargo build --release --example hello && cargo build --release
    python3 benches/first_frame.py [runs]

Note the load average with the figures: on a busy machine every CPU-bound millisecond of
start-up is stretched by waiting for a core, so compare the two programs' medians, not single runs.
"""
import fcntl, os, pty, select, statistics, struct, sys, tempfile, termios, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = {
    "hello": ([os.path.join(ROOT, "target/release/examples/hello")], b"hello"),
    "termcourse": ([os.path.join(ROOT, "target/release/termcourse")], b"quit"),
    # The same player on the small fixture course: the player's own start-up cost, without
    # most of the built-in course's loading (parsing and checking its TOML and markdown; its
    # regexes are compiled only when first matched, see `core::load::load_prechecked`).
    "fixture": ([os.path.join(ROOT, "target/release/termcourse"), "play",
                 os.path.join(ROOT, "tests/fixtures/basic")], b"quit"),
}


def first_frame(argv, marker, env):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(argv[0], argv, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    seen, elapsed = b"", None
    while elapsed is None:
        ready, _, _ = select.select([fd], [], [], 5)
        if not ready:
            break
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        seen += chunk
        if marker in seen:
            elapsed = time.perf_counter() - start
    os.write(fd, b"q")
    deadline = time.time() + 5
    while time.time() < deadline:
        try:
            r, _, _ = select.select([fd], [], [], 0.1)
            if r:
                os.read(fd, 65536)
        except OSError:
            break
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    os.close(fd)
    return elapsed


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    data = tempfile.mkdtemp()
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", TERMCOURSE_DATA_DIR=data)
    times = {name: [] for name in PROGRAMS}
    for _ in range(runs):
        for name, (argv, marker) in PROGRAMS.items():
            t = first_frame(argv, marker, env)
            if t is not None:
                times[name].append(t * 1000)
    for name, ts in times.items():
        print(f"{name:>10}: median {statistics.median(ts):6.2f} ms  "
              f"min {min(ts):6.2f}  max {max(ts):6.2f}  (n={len(ts)})")
    for name in ("termcourse", "fixture"):
        diff = statistics.median(times[name]) - statistics.median(times["hello"])
        print(f"{name} - hello, difference of medians: {diff:+.2f} ms")


if __name__ == "__main__":
    main()
