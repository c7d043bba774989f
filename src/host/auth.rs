//! Secrets and the join-code rate limit. Tokens, codes and cookies come from the operating
//! system's random source, never from the exercise's seeded generators: they must not be
//! guessable, and they must not change what the engine draws.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::time::{Duration, Instant};

use subtle::ConstantTimeEq;

/// 128 random bits from the operating system.
pub fn secret() -> Result<[u8; 16], String> {
    let mut b = [0u8; 16];
    getrandom::fill(&mut b).map_err(|e| format!("no random source: {e}"))?;
    Ok(b)
}

/// A random 6-digit join code, uniform over 000000–999999.
pub fn join_code() -> Result<[u8; 6], String> {
    loop {
        let v = getrandom::u32().map_err(|e| format!("no random source: {e}"))?;
        // Rejection sampling: the top partial range would favour small codes.
        if v >= 4_294_000_000 {
            continue;
        }
        let mut n = v % 1_000_000;
        let mut code = [b'0'; 6];
        for c in code.iter_mut().rev() {
            *c = b'0' + (n % 10) as u8;
            n /= 10;
        }
        return Ok(code);
    }
}

/// Lower-case hex.
pub fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Parses exactly 32 lower-case hex digits (a token or a cookie); anything else is `None`.
pub fn parse_secret(s: &str) -> Option<[u8; 16]> {
    let s = s.as_bytes();
    if s.len() != 32 {
        return None;
    }
    let mut out = [0u8; 16];
    for (i, o) in out.iter_mut().enumerate() {
        let digit = |b: u8| match b {
            b'0'..=b'9' => Some(b - b'0'),
            b'a'..=b'f' => Some(b - b'a' + 10),
            _ => None,
        };
        let (hi, lo) = (digit(s[2 * i])?, digit(s[2 * i + 1])?);
        *o = hi * 16 + lo;
    }
    Some(out)
}

/// Constant-time equality of two secrets of the same length.
pub fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && bool::from(a.ct_eq(b))
}

/// The key the rate limit counts by: an IPv4 address, or an IPv6 /64 (one subscriber's
/// network, so that an attacker cannot rotate through the addresses of a prefix).
fn key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(_) => ip,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => {
                let s = v6.segments();
                IpAddr::V6(std::net::Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
            }
        },
    }
}

#[derive(Default)]
struct Strikes {
    fails: VecDeque<Instant>,
    blocked_until: Option<Instant>,
    lockouts: u32,
}

/// At most `max` failed join codes per `window` per address; then the address waits, each
/// lock-out twice as long as the last (up to an hour). While it waits, codes are not even
/// compared, so a correct guess is worth nothing.
pub struct JoinLimiter {
    by_ip: HashMap<IpAddr, Strikes>,
    max: usize,
    window: Duration,
}

/// Addresses remembered at most (older, expired ones are forgotten first).
const MAX_ADDRESSES: usize = 65_536;

impl JoinLimiter {
    /// A limiter of `max` failures per `window`.
    pub fn new(max: usize, window: Duration) -> Self {
        JoinLimiter {
            by_ip: HashMap::new(),
            max: max.max(1),
            window,
        }
    }

    /// `Err(wait)` while `ip` is locked out.
    pub fn check(&mut self, ip: IpAddr, now: Instant) -> Result<(), Duration> {
        let k = key(ip);
        if !self.by_ip.contains_key(&k) && self.by_ip.len() >= MAX_ADDRESSES {
            self.forget(now);
            if self.by_ip.len() >= MAX_ADDRESSES {
                // Under a flood of addresses, newcomers wait rather than grow the table.
                return Err(self.window);
            }
        }
        match self.by_ip.get(&k).and_then(|s| s.blocked_until) {
            Some(until) if until > now => Err(until - now),
            _ => Ok(()),
        }
    }

    /// Records a wrong code from `ip`.
    pub fn failed(&mut self, ip: IpAddr, now: Instant) {
        let window = self.window;
        let max = self.max;
        let s = self.by_ip.entry(key(ip)).or_default();
        while s
            .fails
            .front()
            .is_some_and(|&t| now.duration_since(t) >= window)
        {
            s.fails.pop_front();
        }
        s.fails.push_back(now);
        if s.fails.len() >= max {
            s.lockouts = s.lockouts.saturating_add(1);
            let factor = 1u32 << (s.lockouts - 1).min(6);
            let wait = (window * factor).min(Duration::from_secs(3600));
            s.blocked_until = Some(now + wait);
            s.fails.clear();
        }
    }

    fn forget(&mut self, now: Instant) {
        let window = self.window;
        self.by_ip.retain(|_, s| {
            s.blocked_until.is_some_and(|u| u > now)
                || s.fails
                    .back()
                    .is_some_and(|&t| now.duration_since(t) < window)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_failures_lock_an_address_out_for_longer_each_time() {
        let mut l = JoinLimiter::new(5, Duration::from_secs(60));
        let ip: IpAddr = "192.0.2.7"
            .parse()
            .unwrap_or(IpAddr::V4(std::net::Ipv4Addr::LOCALHOST));
        let t0 = Instant::now();
        for _ in 0..4 {
            assert!(l.check(ip, t0).is_ok());
            l.failed(ip, t0);
        }
        assert!(l.check(ip, t0).is_ok());
        l.failed(ip, t0);
        let first = l.check(ip, t0).expect_err("locked");
        assert_eq!(first, Duration::from_secs(60));
        let t1 = t0 + first;
        for _ in 0..5 {
            assert!(l.check(ip, t1).is_ok());
            l.failed(ip, t1);
        }
        assert_eq!(
            l.check(ip, t1).expect_err("locked"),
            Duration::from_secs(120)
        );
        // Another address is not affected.
        let other: IpAddr = "192.0.2.8".parse().unwrap_or(ip);
        assert!(l.check(other, t1).is_ok());
    }

    #[test]
    fn secrets_and_codes_have_their_shape() {
        let s = secret().unwrap_or([0; 16]);
        assert_eq!(parse_secret(&hex(&s)), Some(s));
        assert_eq!(parse_secret("zz"), None);
        assert_eq!(parse_secret(&"g".repeat(32)), None);
        let c = join_code().unwrap_or([b'0'; 6]);
        assert!(c.iter().all(u8::is_ascii_digit));
        assert!(same(b"123456", b"123456") && !same(b"123456", b"123457") && !same(b"1", b"12"));
    }
}
