#!/usr/bin/env python3
"""Time to first frame and peak memory: termcourse against a minimal ratatui "hello" program.

Each program is started in a fresh 120x40 pseudo-terminal; the clock runs from just before
fork/exec until the program's output contains a marker that its first frame draws (the footer's
`quit`, `any key to start` or `stop typing` for termcourse, `hello` for the yardstick). A moment
later (`--settle`, long enough for late work such as highlighting to finish), the program's peak
resident memory is read
(`VmHWM` in /proc: `ru_maxrss` would count the forked Python before the exec), with how much
of it is the program's own (anonymous) memory and how much mapped files (the binary and
libraries, as far as the page cache lets the kernel map them), `q` is sent and the program
reaped. Runs alternate between the programs to share the machine's load fairly.

    cargo build --release --example hello && cargo build --release
    python3 benches/first_frame.py [--runs N] [--bin NAME=PATH ...] [-- TERMCOURSE ARGS...]

Arguments after `--` are passed to every termcourse binary, so any step of any course can be
timed, e.g. the built-in course's step with two code blocks:

    python3 benches/first_frame.py -- --practice --node serving --step healthcheck

or the generated 1,000-node course (`cargo run --release --example gen_course -- DIR`):

    python3 benches/first_frame.py -- play DIR

`--bin NAME=PATH` (repeatable) compares several builds in one alternating run, e.g. a copy of
main's binary against this branch's. Without it, `target/release/termcourse` is timed.

Note the load average with the figures: on a busy machine every CPU-bound millisecond of
start-up is stretched by waiting for a core, so compare medians, not single runs.
"""
import argparse, fcntl, os, pty, re, select, statistics, struct, sys, tempfile, termios, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# What termcourse's footer shows on its first frame: `quit` among the keys, or, on a step that
# waits for the learner before typing along, `any key to start` (or, once typing along,
# `stop typing`: the data directory is shared by the runs). The output is searched without
# its colour changes, and with cursor moves (how skipped blanks are drawn) read as spaces.
FOOTER_MARKERS = (b"quit", b"any key to start", b"stop typing")
CURSOR_MOVE = re.compile(rb"\x1b\[\d+;\d+H")
OTHER_ESCAPE = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


def seen_text(seen):
    return OTHER_ESCAPE.sub(b"", CURSOR_MOVE.sub(b" ", seen))


def memory_kib(pid):
    """(peak RSS, anonymous RSS now, file-backed RSS now) in KiB, from /proc/PID/status.

    File-backed pages (the binary and libraries) count as far as the process has mapped them,
    which depends on what the page cache holds; anonymous memory is the program's own."""
    fields = {}
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                key, _, value = line.partition(":")
                if key in ("VmHWM", "RssAnon", "RssFile"):
                    fields[key] = int(value.split()[0])
    except OSError:
        return None
    if len(fields) < 3:
        return None
    return fields["VmHWM"], fields["RssAnon"], fields["RssFile"]


def first_frame(argv, markers, env, settle):
    """(milliseconds to the first of the markers or None, peak RSS in KiB or None)."""
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
        if any(marker in seen_text(seen) for marker in markers):
            elapsed = (time.perf_counter() - start) * 1000
    settled = time.time() + settle
    while time.time() < settled:
        try:
            r, _, _ = select.select([fd], [], [], 0.01)
            if r:
                os.read(fd, 65536)
        except OSError:
            break
    rss = memory_kib(pid)
    os.write(fd, b"q")
    # On a step waiting for "any key", `q` starts typing along instead of quitting: then SIGTERM
    # (which termcourse also answers by restoring the terminal and saving).
    term_at, deadline = time.time() + 0.5, time.time() + 5
    while time.time() < deadline:
        if term_at is not None and time.time() > term_at:
            os.kill(pid, 15)
            term_at = None
        try:
            r, _, _ = select.select([fd], [], [], 0.05)
            if r:
                os.read(fd, 65536)
        except OSError:
            pass
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done:
            break
    else:
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    os.close(fd)
    return elapsed, rss


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--bin", action="append", default=[], metavar="NAME=PATH")
    parser.add_argument("--settle", type=float, default=0.2, metavar="SECONDS")
    parser.add_argument("--hello", default=os.path.join(ROOT, "target/release/examples/hello"))
    parser.add_argument("args", nargs="*", help="arguments for termcourse (after --)")
    opts = parser.parse_args()
    bins = [b.split("=", 1) for b in opts.bin] or [
        ("termcourse", os.path.join(ROOT, "target/release/termcourse"))]
    programs = {"hello": ([opts.hello], (b"hello",))}
    for name, path in bins:
        programs[name] = ([path] + opts.args, FOOTER_MARKERS)
    data = tempfile.mkdtemp()
    env = dict(os.environ, TERM="xterm-256color", LANG="C.UTF-8", TERMCOURSE_DATA_DIR=data)
    times = {name: [] for name in programs}
    rss = {name: [] for name in programs}
    load_before = os.getloadavg()
    for _ in range(opts.runs):
        for name, (argv, markers) in programs.items():
            t, kib = first_frame(argv, markers, env, opts.settle)
            if t is not None:
                times[name].append(t)
            if kib is not None:
                rss[name].append(tuple(k / 1024 for k in kib))
    load_after = os.getloadavg()
    print(f"termcourse args: {' '.join(opts.args) or '(none: the built-in course)'}")
    print(f"load average before {load_before[0]:.2f}, after {load_after[0]:.2f}")
    for name, ts in times.items():
        if not ts:
            print(f"{name:>12}: never drew its first frame")
            continue
        mem = rss[name]
        mem_text = ""
        if mem:
            peak, anon, files = (statistics.median(m[i] for m in mem) for i in range(3))
            mem_text = (f"peak RSS median {peak:5.1f} MiB (anon {anon:4.1f}, files {files:4.1f}) "
                        f"max {max(m[0] for m in mem):5.1f}")
        print(f"{name:>12}: first frame median {statistics.median(ts):6.2f} ms  "
              f"min {min(ts):6.2f}  max {max(ts):6.2f}  (n={len(ts)})  {mem_text}")
    for name in list(programs)[1:]:
        if times[name] and times["hello"]:
            diff = statistics.median(times[name]) - statistics.median(times["hello"])
            print(f"{name} - hello, difference of medians: {diff:+.2f} ms")


if __name__ == "__main__":
    main()
