//! Per-host politeness: one request at a time per host, a jittered gap between requests, and a
//! slow-down after rate limits (an AutoThrottle-lite: errors may raise the gap, only successes lower it).
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use futures_util::future::BoxFuture;
use tokio::time::Instant;

use super::robots::RobotsRules;

/// Largest factor the gap grows to after repeated 429/503/timeouts.
const MAX_THROTTLE: f64 = 16.0;

/// How much one success shrinks the slow-down factor.
const SPEED_UP: f64 = 1.25;

/// The gap a slowed-down host gets at least (before the slow-down factor).
const MIN_THROTTLED_GAP: Duration = Duration::from_millis(500);

/// Why the fetcher waits.
#[derive(Debug, Clone, PartialEq)]
pub enum WaitReason {
    /// The gap between two requests to one host: `base` = max(--delay, Crawl-delay), `gap` after
    /// jitter and slow-down; the wait is what is left of `gap` since the last request ended.
    Politeness {
        /// max(--delay, capped Crawl-delay).
        base: Duration,
        /// The gap chosen for this pair of requests.
        gap: Duration,
    },
    /// Exponential backoff before retry number `attempt`.
    Backoff {
        /// 1 for the first retry.
        attempt: u32,
    },
    /// The server's Retry-After, before retry number `attempt`.
    RetryAfter {
        /// 1 for the first retry.
        attempt: u32,
    },
}

/// One wait the fetcher is about to make.
#[derive(Debug, Clone, PartialEq)]
pub struct Wait {
    /// Host the wait is for.
    pub host: String,
    /// Why.
    pub reason: WaitReason,
    /// How long.
    pub duration: Duration,
}

/// How the fetcher waits; tests swap in one that records the schedule instead of sleeping.
pub trait Sleeper: Send + Sync {
    /// Wait `wait.duration`.
    fn sleep(&self, wait: Wait) -> BoxFuture<'static, ()>;
}

/// The real sleeper (tokio timers); wakes early on Ctrl-C so a long Retry-After does not hold the exit.
pub struct TokioSleeper;

impl Sleeper for TokioSleeper {
    fn sleep(&self, wait: Wait) -> BoxFuture<'static, ()> {
        Box::pin(async move {
            let until = Instant::now() + wait.duration;
            while Instant::now() < until && !crate::signal::interrupted() {
                let step = (until - Instant::now()).min(Duration::from_millis(200));
                tokio::time::sleep(step).await;
            }
        })
    }
}

/// State of one host; its async mutex is held for a whole request (with retries), which is what
/// keeps one request in flight per host.
pub(crate) struct HostState {
    /// When the next request may start.
    pub next_allowed: Option<Instant>,
    /// Slow-down factor (1 = none).
    pub throttle: f64,
    /// robots.txt per origin (scheme://host:port) on this host, fetched once.
    pub robots: HashMap<String, Arc<RobotsRules>>,
    /// The gap chosen after the last request (for the schedule log).
    pub last_gap: (Duration, Duration),
}

impl Default for HostState {
    fn default() -> Self {
        HostState {
            next_allowed: None,
            throttle: 1.0,
            robots: HashMap::new(),
            last_gap: (Duration::ZERO, Duration::ZERO),
        }
    }
}

impl HostState {
    /// Record that a request just ended: the next one waits `gap(base, jitter) × throttle`.
    pub fn request_done(&mut self, base: Duration, floor: Duration, jitter: f64) {
        let mut gap = politeness_gap(base, floor, jitter);
        if self.throttle > 1.0 {
            // A slowed-down host gets a real gap even with `--delay 0`, or it would never converge.
            gap = gap.max(MIN_THROTTLED_GAP).mul_f64(self.throttle);
        }
        self.last_gap = (base, gap);
        self.next_allowed = Some(Instant::now() + gap);
    }

    /// Never wait more than `ceiling` from now (a Crawl-delay cut by `--max-crawl-delay` must not
    /// come back through the jitter).
    pub fn cap_gap(&mut self, ceiling: Duration) {
        let latest = Instant::now() + ceiling;
        if self.next_allowed.is_some_and(|next| next > latest) {
            self.next_allowed = Some(latest);
            self.last_gap.1 = self.last_gap.1.min(ceiling);
        }
    }

    /// A 429/503/timeout: double the gap (capped).
    pub fn slow_down(&mut self) {
        self.throttle = (self.throttle * 2.0).min(MAX_THROTTLE);
    }

    /// A success: shrink the slow-down slowly (÷1.25), so a host that just rate-limited us is
    /// not hit at full speed again after one good answer.
    pub fn speed_up(&mut self) {
        self.throttle = (self.throttle / SPEED_UP).max(1.0);
    }
}

/// The base gap for a host: max(--delay, Crawl-delay), the Crawl-delay cut to `cap`; the flag says
/// whether it was cut (the caller logs it).
pub fn base_delay(
    delay: Duration,
    crawl_delay: Option<Duration>,
    cap: Duration,
) -> (Duration, bool) {
    match crawl_delay {
        Some(cd) if cd > cap => (delay.max(cap), true),
        Some(cd) => (delay.max(cd), false),
        None => (delay, false),
    }
}

/// The gap between two requests: `base × jitter` (jitter in [0.5, 1.5), Scrapy's randomised delay),
/// never below `floor` (a site's Crawl-delay is a minimum, not an average).
pub fn politeness_gap(base: Duration, floor: Duration, jitter: f64) -> Duration {
    base.mul_f64(jitter.clamp(0.5, 1.5)).max(floor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crawl_delay_wins_when_longer_and_is_capped() {
        let s = Duration::from_secs;
        assert_eq!(base_delay(s(1), Some(s(5)), s(60)), (s(5), false));
        assert_eq!(base_delay(s(10), Some(s(5)), s(60)), (s(10), false));
        assert_eq!(base_delay(s(1), Some(s(3600)), s(60)), (s(60), true));
        assert_eq!(base_delay(s(1), None, s(60)), (s(1), false));
    }

    #[test]
    fn gap_is_jittered_but_never_below_crawl_delay() {
        let s = Duration::from_secs;
        assert_eq!(politeness_gap(s(2), Duration::ZERO, 0.5), s(1));
        assert_eq!(
            politeness_gap(s(2), Duration::ZERO, 1.25),
            Duration::from_millis(2500)
        );
        assert_eq!(politeness_gap(s(5), s(5), 0.5), s(5));
    }

    #[test]
    fn throttle_doubles_on_trouble_and_shrinks_slowly_on_success() {
        let mut host = HostState::default();
        host.slow_down();
        host.slow_down();
        assert_eq!(host.throttle, 4.0);
        host.speed_up();
        assert_eq!(host.throttle, 3.2);
        // Even with no --delay, a slowed-down host waits: 0.5 s × 3.2.
        host.request_done(Duration::ZERO, Duration::ZERO, 1.0);
        assert_eq!(host.last_gap.1, Duration::from_millis(1600));
        for _ in 0..20 {
            host.speed_up();
        }
        assert_eq!(host.throttle, 1.0);
        host.request_done(Duration::ZERO, Duration::ZERO, 1.0);
        assert_eq!(host.last_gap.1, Duration::ZERO);
        for _ in 0..10 {
            host.slow_down();
        }
        assert_eq!(host.throttle, MAX_THROTTLE);
    }

    #[test]
    fn capped_crawl_delay_never_comes_back_through_jitter() {
        let mut host = HostState::default();
        let s = Duration::from_secs;
        host.request_done(s(60), s(60), 1.49);
        assert!(host.last_gap.1 > s(80));
        host.cap_gap(s(60));
        assert_eq!(host.last_gap.1, s(60));
        assert!(
            host.next_allowed
                .is_some_and(|n| n <= Instant::now() + s(60))
        );
    }
}
