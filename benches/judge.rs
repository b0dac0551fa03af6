//! Judging a typed command (`core::command::judge`), which runs when the learner presses Enter
//! at a type-along: a typical line, a line with the most ambiguous options tried both ways, and
//! a hostile 10,000-word line (compared word for word). Target: typical well under 1 ms, the
//! worst cases bounded (milliseconds, not seconds).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use termcourse::core::command::judge;

fn bench(c: &mut Criterion) {
    let cmd = "docker run --rm --gpus all -p 8000:8000 -e MODEL=iris iris-api:gpu python serve.py";
    let line = "docker container run -e MODEL=iris --gpus=all --rm -p8000:8000 iris-api:gpu python serve.py";
    c.bench_function("judge/typical", |b| {
        b.iter(|| judge(black_box(cmd), black_box(line)));
    });

    let ambiguous = "tool -a 1 -b 2 -c 3 -d 4 -e 5 -f 6 -g 7 -h 8 file";
    let swapped = "tool -h 8 -g 7 -f 6 -e 5 -d 4 -c 3 -b 2 -a 1 other";
    c.bench_function("judge/eight_ambiguous_options_missed", |b| {
        b.iter(|| judge(black_box(ambiguous), black_box(swapped)));
    });

    let long = "-x y ".repeat(2_000);
    let hostile = format!("tool {long}");
    c.bench_function("judge/ten_thousand_words", |b| {
        b.iter(|| judge(black_box(cmd), black_box(&hostile)));
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
