//! Progress on stderr: pages done, failures, rate; hidden when stderr is not a terminal (cron, pipes).
use std::io::IsTerminal as _;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

/// A rate for a progress line: one decimal (`2.2/s`), not indicatif's four.
pub fn rate(per_sec: f64) -> String {
    format!("{per_sec:.1}/s")
}

/// `style` with the `{rate}` key ([`rate`]).
pub fn with_rate(style: ProgressStyle) -> ProgressStyle {
    style.with_key(
        "rate",
        |state: &ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = w.write_str(&rate(state.per_sec()));
        },
    )
}

/// A progress bar over a known number of URLs.
pub struct Progress {
    bar: ProgressBar,
    failed: u64,
}

impl Progress {
    /// A bar for `total` URLs, drawn only if `show` and stderr is a terminal.
    pub fn new(total: usize, show: bool) -> Progress {
        let target = if show && std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(Some(total as u64), target);
        if let Ok(style) = ProgressStyle::with_template(
            "{spinner} fetching {bar:30} {pos}/{len} pages, {msg} ({rate}, {elapsed})",
        ) {
            bar.set_style(with_rate(style));
        }
        bar.set_message("0 failed");
        Progress { bar, failed: 0 }
    }

    /// Count one finished URL.
    pub fn record(&mut self, ok: bool) {
        if !ok {
            self.failed += 1;
            self.bar.set_message(format!("{} failed", self.failed));
        }
        self.bar.inc(1);
    }

    /// Remove the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn rates_have_one_decimal() {
        assert_eq!(super::rate(2.1863), "2.2/s");
        assert_eq!(super::rate(0.0), "0.0/s");
        assert_eq!(super::rate(153.04), "153.0/s");
    }
}
