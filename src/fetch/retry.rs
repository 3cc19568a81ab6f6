//! When to retry, and how long to wait first: exponential backoff with jitter, Retry-After honoured.
use std::time::{Duration, SystemTime};

/// Statuses worth another try: Scrapy's `RETRY_HTTP_CODES` (timeouts, rate limits, gateway errors,
/// Cloudflare's 522/524 origin timeouts).
pub const RETRY_STATUSES: [u16; 8] = [408, 429, 500, 502, 503, 504, 522, 524];

/// True if a response with this status should be retried.
pub fn is_retryable_status(status: u16) -> bool {
    RETRY_STATUSES.contains(&status)
}

/// The wait a `Retry-After` value asks for: delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
/// A date in the past means "now"; an unparsable value means no request.
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    Some(when.duration_since(now).unwrap_or(Duration::ZERO))
}

/// Backoff before retry number `attempt` (1-based): `base·2^(attempt-1)`, capped, times a
/// random factor in [0.5, 1.5) so that clients do not retry in lockstep.
pub fn backoff(attempt: u32, base: Duration, cap: Duration, jitter: f64) -> Duration {
    let exp = attempt.saturating_sub(1).min(20);
    let step = base.saturating_mul(1u32 << exp).min(cap);
    step.mul_f64(jitter.clamp(0.5, 1.5))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_seconds_and_http_date() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        assert_eq!(parse_retry_after(" 7 ", now), Some(Duration::from_secs(7)));
        let later = httpdate::fmt_http_date(now + Duration::from_secs(42));
        assert_eq!(
            parse_retry_after(&later, now),
            Some(Duration::from_secs(42))
        );
        let earlier = httpdate::fmt_http_date(now - Duration::from_secs(42));
        assert_eq!(parse_retry_after(&earlier, now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        let base = Duration::from_secs(1);
        let cap = Duration::from_secs(60);
        assert_eq!(backoff(1, base, cap, 1.0), Duration::from_secs(1));
        assert_eq!(backoff(3, base, cap, 1.0), Duration::from_secs(4));
        assert_eq!(backoff(10, base, cap, 1.0), Duration::from_secs(60));
        assert_eq!(backoff(2, base, cap, 0.5), Duration::from_secs(1));
    }

    #[test]
    fn which_statuses_retry() {
        assert!(is_retryable_status(429));
        assert!(is_retryable_status(503));
        assert!(!is_retryable_status(404));
        assert!(!is_retryable_status(200));
    }
}
