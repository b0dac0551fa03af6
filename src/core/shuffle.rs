//! Seeded, stable permutations: the order a learner sees a quiz's choices in, the order an
//! `order` quiz starts from, and the order of a review session.
//!
//! Pure and portable: the same seed and the same ids give the same order on every platform and
//! in every release (a test pins an example), so a learner's choices do not move between
//! sessions. The seed is the learner's (`Progress::seed`, made once by the progress store);
//! without one, choices keep the author's order, which is what `render` and `snapshot` show.

use crate::core::course::{NodeId, StepId};

/// A small, well-mixed generator (`SplitMix64`); plenty for shuffling a handful of items.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `bound` (which must be above 0).
    fn below(&mut self, bound: usize) -> usize {
        let bound = u64::try_from(bound).unwrap_or(u64::MAX).max(1);
        usize::try_from(self.next_u64() % bound).unwrap_or(0)
    }
}

/// FNV-1a of `parts`, each followed by a zero byte so that `("ab", "c")` and `("a", "bc")`
/// differ.
pub fn hash(parts: &[&str]) -> u64 {
    parts.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, part| {
        part.bytes()
            .chain(std::iter::once(0))
            .fold(h, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
    })
}

/// A seed for one quiz of one learner.
pub fn quiz_seed(seed: u64, node: &NodeId, step: &StepId) -> u64 {
    Rng::new(seed ^ hash(&[node.as_str(), step.as_str()])).next_u64()
}

/// A permutation of `0..n` (Fisher–Yates) driven by `seed`.
pub fn permutation(seed: u64, n: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut rng = Rng::new(seed);
    for i in (1..n).rev() {
        let j = rng.below(i + 1);
        order.swap(i, j);
    }
    order
}

/// The order in which a `single` or `multi` quiz shows its `n` choices to the learner with
/// `seed`: element `k` is the author's index of the choice shown `k`-th. The author's order
/// when there is no seed.
pub fn choice_order(seed: Option<u64>, node: &NodeId, step: &StepId, n: usize) -> Vec<usize> {
    match seed {
        Some(seed) => permutation(quiz_seed(seed, node, step), n),
        None => (0..n).collect(),
    }
}

/// The order an `order` quiz's `n` items start in for the learner with `seed`: a shuffle
/// that is never already solved (for `n >= 2`). Without a seed it depends on the step id only
/// (`core::quiz::initial_order`), as previews and snapshots have always shown it.
pub fn order_start(seed: Option<u64>, node: &NodeId, step: &StepId, n: usize) -> Vec<usize> {
    let Some(seed) = seed else {
        return crate::core::quiz::initial_order(step.as_str(), n);
    };
    let mut order = permutation(quiz_seed(seed, node, step) ^ 0x006f_7264_6572, n);
    if n >= 2 && order.iter().enumerate().all(|(pos, item)| pos == *item) {
        order.rotate_left(1);
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids() -> (NodeId, StepId) {
        (NodeId::from("base-images"), StepId::from("pick-a-base"))
    }

    fn is_permutation(order: &[usize]) -> bool {
        let mut sorted = order.to_vec();
        sorted.sort_unstable();
        sorted == (0..order.len()).collect::<Vec<_>>()
    }

    #[test]
    fn choice_orders_are_stable_permutations_and_identity_without_a_seed() {
        let (node, step) = ids();
        for n in 0..12 {
            let order = choice_order(Some(42), &node, &step, n);
            assert!(is_permutation(&order), "{order:?}");
            assert_eq!(order, choice_order(Some(42), &node, &step, n));
            assert_eq!(
                choice_order(None, &node, &step, n),
                (0..n).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn the_order_is_pinned_across_releases() {
        // Changing these breaks every learner's remembered choice order: don't.
        let (node, step) = ids();
        assert_eq!(choice_order(Some(1), &node, &step, 4), [1, 2, 0, 3]);
        assert_eq!(choice_order(Some(2), &node, &step, 4), [3, 2, 1, 0]);
        assert_eq!(hash(&["a", "b"]), 0xab40_d782_0d40_8076);
    }

    #[test]
    fn seeds_and_quizzes_spread_the_right_choice_over_positions() {
        // Where choice 0 lands for 400 learners: every position, none much more than its share.
        let (node, step) = ids();
        let mut counts = [0usize; 4];
        for seed in 0..400 {
            let order = choice_order(Some(seed), &node, &step, 4);
            let at = order.iter().position(|i| *i == 0).unwrap_or(0);
            counts[at] += 1;
        }
        assert!(counts.iter().all(|c| (60..=140).contains(c)), "{counts:?}");
        let other = StepId::from("other");
        let differ = (0..50).filter(|s| {
            choice_order(Some(*s), &node, &step, 4) != choice_order(Some(*s), &node, &other, 4)
        });
        assert!(
            differ.count() > 30,
            "quizzes of one learner are shuffled differently"
        );
    }

    #[test]
    fn order_quizzes_never_start_solved() {
        let (node, step) = ids();
        for seed in 0..300 {
            for n in 2..6 {
                let order = order_start(Some(seed), &node, &step, n);
                assert!(is_permutation(&order));
                assert_ne!(order, (0..n).collect::<Vec<_>>(), "seed {seed}, n {n}");
            }
        }
        assert_eq!(
            order_start(None, &node, &step, 4),
            crate::core::quiz::initial_order("pick-a-base", 4)
        );
        assert_eq!(order_start(Some(3), &node, &step, 1), [0]);
    }
}
