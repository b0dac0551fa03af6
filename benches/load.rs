//! Loading and validating a generated course of 1,000 nodes and 10,000 steps (target: < 200 ms).
//!
//! The course (see `support/generated.rs`) has about 2,500 patterns, of which the 1,500 written
//! by the author are compiled by the full check (derived patterns are valid by construction,
//! compiled on first match).
//!
//! Two figures are reported for it: wall-clock time (criterion's default) and the CPU time of the
//! benchmark thread. On a shared machine the first includes time spent waiting for a CPU; the
//! second does not, so it is the one to compare against the 200 ms budget there.
//!
//! Also the built-in course, in wall time, two ways: as the player loads it (`builtin::load`,
//! regexes parsed and compiled on first match) and under the full check (every regex compiled
//! and matched against its own `cmd` / `sample`, as `termcourse check` and the tests do).

use std::hint::black_box;

use std::time::{Duration, Instant};

use criterion::measurement::{Measurement, ValueFormatter};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use termcourse::core::load::{LoadOptions, load};
use termcourse::core::source::MemorySource;

#[path = "support/generated.rs"]
mod generated;
use generated::{NODES, STEPS_PER_NODE, generated_course};

fn checked_course() -> MemorySource {
    let source = generated_course();
    match load(&source, &LoadOptions::default()) {
        Ok(course) => {
            let steps: usize = course.nodes.iter().map(|n| n.steps.len()).sum();
            assert_eq!((course.nodes.len(), steps), (NODES, NODES * STEPS_PER_NODE));
        }
        Err(report) => panic!("generated course is invalid:\n{}", report.render(false)),
    }
    source
}

fn bench_load<M: Measurement + 'static>(c: &mut Criterion<M>, name: &str) {
    let source = checked_course();
    let known = |lang: &str| lang == "dockerfile";
    let opts = LoadOptions {
        known_language: &known,
        ..LoadOptions::default()
    };
    c.bench_function(name, |b| b.iter(|| load(black_box(&source), &opts)));
}

fn wall_time(c: &mut Criterion) {
    bench_load(c, "load 1000 nodes / 10000 steps (wall time)");
    let source = checked_course();
    c.bench_function("player load 1000 nodes / 10000 steps (wall time)", |b| {
        b.iter(|| termcourse::core::load::load_for_play(black_box(&source)));
    });
    // What the player loads before its first frame: the outline, then the start node.
    c.bench_function("player first screen 1000 nodes (wall time)", |b| {
        b.iter(|| termcourse::core::load::load_outline(black_box(&source), |_| Some(500)));
    });
}

fn cpu_time(c: &mut Criterion<CpuTime>) {
    bench_load(c, "load 1000 nodes / 10000 steps (CPU time)");
}

fn builtin_wall_time(c: &mut Criterion) {
    c.bench_function("built-in course, player load", |b| {
        b.iter(termcourse::edge::builtin::load);
    });
    let source = termcourse::edge::builtin::source();
    let opts = LoadOptions::default();
    c.bench_function("built-in course, full check", |b| {
        b.iter(|| load(black_box(&source), &opts));
    });
}

/// CPU time of the current thread, from `/proc/thread-self/schedstat` (Linux); wall-clock
/// time where that is not available.
struct CpuTime;

fn thread_cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

impl Measurement for CpuTime {
    type Intermediate = (Option<u64>, Instant);
    type Value = Duration;

    fn start(&self) -> Self::Intermediate {
        (thread_cpu_ns(), Instant::now())
    }

    fn end(&self, (cpu, wall): Self::Intermediate) -> Duration {
        match (cpu, thread_cpu_ns()) {
            (Some(start), Some(end)) => Duration::from_nanos(end.saturating_sub(start)),
            _ => wall.elapsed(),
        }
    }

    fn add(&self, v1: &Duration, v2: &Duration) -> Duration {
        *v1 + *v2
    }

    fn zero(&self) -> Duration {
        Duration::ZERO
    }

    #[allow(clippy::cast_precision_loss)]
    fn to_f64(&self, value: &Duration) -> f64 {
        value.as_nanos() as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        &Millis
    }
}

/// Formats nanosecond values as milliseconds.
struct Millis;

impl ValueFormatter for Millis {
    fn scale_values(&self, _typical: f64, values: &mut [f64]) -> &'static str {
        for v in values.iter_mut() {
            *v /= 1e6;
        }
        "ms"
    }

    fn scale_throughputs(
        &self,
        _typical: f64,
        _t: &Throughput,
        values: &mut [f64],
    ) -> &'static str {
        for v in values.iter_mut() {
            *v /= 1e6;
        }
        "ms"
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}

criterion_group! {
    name = wall;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(15));
    targets = wall_time
}
criterion_group! {
    name = cpu;
    config = Criterion::default()
        .with_measurement(CpuTime)
        .sample_size(10)
        .measurement_time(Duration::from_secs(15));
    targets = cpu_time
}
criterion_group! {
    name = builtin;
    // Wall time: a load takes about a millisecond, below the resolution of the thread's
    // scheduler statistics that `CpuTime` reads.
    config = Criterion::default();
    targets = builtin_wall_time
}
criterion_main!(wall, cpu, builtin);
