//! What SSH connections may cost the host, with raw TCP clients against an in-process host:
//! a connection that never logs in is closed after the login grace time; past the maximum
//! number of connections, the next is closed at once; and the host serves again as soon as
//! they are gone. Bounded waits, loopback only.

#[path = "support/http.rs"]
mod http;

use std::io::Read;
use std::net::TcpStream;
use std::time::{Duration, Instant};

use downtime::host::Limits;
use downtime::host::ssh::Config;

/// Reads until the server closes the connection (or `within` passes); returns what it read
/// and how long it took.
fn until_closed(s: &mut TcpStream, within: Duration) -> (Vec<u8>, Duration) {
    let start = Instant::now();
    s.set_read_timeout(Some(Duration::from_millis(200)))
        .expect("timeout");
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    while start.elapsed() < within {
        match s.read(&mut buf) {
            Ok(0) => return (got, start.elapsed()),
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) => {}
            Err(_) => return (got, start.elapsed()),
        }
    }
    panic!("the connection was still open after {within:?}");
}

/// Reads the server's identification line.
fn banner(s: &mut TcpStream) -> String {
    s.set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    let mut got = Vec::new();
    let mut b = [0u8; 1];
    while !got.ends_with(b"\n") && got.len() < 256 {
        match s.read(&mut b) {
            Ok(1) => got.push(b[0]),
            _ => break,
        }
    }
    String::from_utf8_lossy(&got).into_owned()
}

#[test]
fn silent_and_surplus_connections_are_closed_and_the_host_serves_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut host, _) = http::host(dir.path(), "tutorial", 3, Limits::default());
    let mut cfg = Config::new("127.0.0.1:0".parse().expect("addr"), dir.path().join("key"));
    cfg.login_grace = Duration::from_secs(2);
    cfg.max_connections = 2;
    let started = host.start_ssh(&cfg).expect("ssh starts");
    assert!(started.key_created);
    assert!(started.fingerprint.starts_with("SHA256:"));

    let mut a = TcpStream::connect(started.addr).expect("a");
    let mut b = TcpStream::connect(started.addr).expect("b");
    assert!(banner(&mut a).starts_with("SSH-2.0-downtime"));
    assert!(banner(&mut b).starts_with("SSH-2.0-downtime"));
    // A third, while two are open: closed at once, before a word.
    let mut c = TcpStream::connect(started.addr).expect("c");
    let (said, _) = until_closed(&mut c, Duration::from_secs(10));
    assert!(said.is_empty(), "{}", String::from_utf8_lossy(&said));
    // The two that never log in are closed after the grace time.
    let (_, took) = until_closed(&mut a, Duration::from_secs(20));
    assert!(took < Duration::from_secs(10), "{took:?}");
    let _ = until_closed(&mut b, Duration::from_secs(20));
    // And the host serves again.
    let mut d = http::eventually(Duration::from_secs(20), || {
        let mut d = TcpStream::connect(started.addr).ok()?;
        banner(&mut d).starts_with("SSH-2.0-downtime").then_some(d)
    });
    let _ = until_closed(&mut d, Duration::from_secs(20));
    // The web seats were never affected.
    assert_eq!(http::get(host.local_addr(), "/", None).status, 200);
    host.stop();
}
