//! A small HTTP/1.1 client over a plain TCP socket, for tests that talk to a real host on
//! loopback: it sends exactly the bytes a test wants (attacks included) and reads chunked
//! server-sent events.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

use downtime::host::{Config, Host, Limits};
use downtime::journal::{Session, Started};

/// A response.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Sends raw bytes and reads the whole answer (the request should say `Connection: close`).
pub fn raw(addr: SocketAddr, bytes: &[u8]) -> Resp {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(20))).ok();
    s.write_all(bytes).expect("send");
    let mut buf = Vec::new();
    let _ = s.read_to_end(&mut buf);
    parse(&buf)
}

fn parse(buf: &[u8]) -> Resp {
    let text = String::from_utf8_lossy(buf).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect();
    let chunked = headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    let body = if chunked {
        dechunk(body)
    } else {
        body.to_string()
    };
    Resp {
        status,
        headers,
        body,
    }
}

fn dechunk(mut s: &str) -> String {
    let mut out = String::new();
    while let Some((size, rest)) = s.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 || rest.len() < n {
            break;
        }
        out.push_str(&rest[..n]);
        s = rest[n..].trim_start_matches("\r\n");
    }
    out
}

/// A request with the given method, path, cookie and JSON body.
pub fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    cookie: Option<&str>,
    body: Option<&str>,
) -> Resp {
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n");
    if let Some(c) = cookie {
        req.push_str(&format!("Cookie: dt_seat={c}\r\n"));
    }
    if let Some(b) = body {
        req.push_str(&format!(
            "Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{b}",
            b.len()
        ));
    } else {
        req.push_str("\r\n");
    }
    raw(addr, req.as_bytes())
}

pub fn get(addr: SocketAddr, path: &str, cookie: Option<&str>) -> Resp {
    request(addr, "GET", path, cookie, None)
}

/// Follows a seat URL: the member cookie it sets (`None` if refused).
pub fn join_url(addr: SocketAddr, url: &str) -> Option<String> {
    let path = &url[url.find("/s/")?..];
    let r = get(addr, path, None);
    cookie_of(&r)
}

pub fn cookie_of(r: &Resp) -> Option<String> {
    let c = r.header("set-cookie")?;
    let v = c.strip_prefix("dt_seat=")?;
    Some(v.split(';').next()?.to_string())
}

/// Types a join code.
pub fn join_code(addr: SocketAddr, code: &str) -> Resp {
    let body = format!("code={code}");
    let req = format!(
        "POST /join HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    raw(addr, req.as_bytes())
}

/// An open server-sent events stream.
pub struct Events {
    r: BufReader<TcpStream>,
    /// Bytes of the stream's chunks not yet part of a whole event (an event, or one
    /// character, may span chunks).
    pending: Vec<u8>,
    /// A chunk-size line read only in part when a read timed out.
    size: String,
}

impl Events {
    pub fn open(addr: SocketAddr, cookie: &str) -> Events {
        let mut s = TcpStream::connect(addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_millis(200))).ok();
        write!(
            s,
            "GET /api/events HTTP/1.1\r\nHost: {addr}\r\nCookie: dt_seat={cookie}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .expect("send");
        let mut r = BufReader::new(s);
        // Status line and headers.
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut line = String::new();
        loop {
            line.clear();
            match r.read_line(&mut line) {
                Ok(0) => panic!("events: connection closed before the headers"),
                Ok(_) if line == "\r\n" => break,
                Ok(_) => assert!(
                    !line.starts_with("HTTP/1.1 ") || line.starts_with("HTTP/1.1 200"),
                    "events refused: {line}"
                ),
                Err(_) if Instant::now() < deadline => continue,
                Err(e) => panic!("events: {e}"),
            }
        }
        Events {
            r,
            pending: Vec::new(),
            size: String::new(),
        }
    }

    /// The next event's data, or `None` if none came within `within`.
    pub fn next(&mut self, within: Duration) -> Option<String> {
        let deadline = Instant::now() + within;
        loop {
            if let Some(i) = self.pending.windows(2).position(|w| w == b"\n\n") {
                let ev: Vec<u8> = self.pending.drain(..i + 2).collect();
                let ev = String::from_utf8_lossy(&ev);
                let data: Vec<&str> = ev
                    .lines()
                    .filter_map(|l| l.strip_prefix("data: ").or(l.strip_prefix("data:")))
                    .collect();
                if data.is_empty() {
                    continue; // a keep-alive comment
                }
                return Some(data.join("\n"));
            }
            if Instant::now() >= deadline {
                return None;
            }
            // One chunk: its size line (kept across timed-out reads), its bytes, its CRLF.
            match self.r.read_line(&mut self.size) {
                Ok(0) => return None,
                Ok(_) if !self.size.ends_with('\n') => continue,
                Ok(_) => {}
                Err(_) => continue,
            }
            let size = std::mem::take(&mut self.size);
            let Ok(n) = usize::from_str_radix(size.trim(), 16) else {
                continue;
            };
            if n == 0 {
                return None;
            }
            let mut buf = vec![0u8; n + 2];
            let mut got = 0;
            // A chunk once begun is read to its end (a generous wait: it is already sent).
            let chunk_deadline = Instant::now().max(deadline) + Duration::from_secs(30);
            while got < buf.len() {
                match self.r.read(&mut buf[got..]) {
                    Ok(0) => return None,
                    Ok(k) => got += k,
                    Err(_) if Instant::now() < chunk_deadline => continue,
                    Err(_) => return None,
                }
            }
            self.pending.extend_from_slice(&buf[..n]);
        }
    }

    /// Whether the host ends the stream within `within` (events before the end are skipped).
    pub fn ends_within(&mut self, within: Duration) -> bool {
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            let mut line = String::new();
            match self.r.read_line(&mut line) {
                Ok(0) => return true,
                Ok(_) if line.trim() == "0" => return true,
                Ok(_) => {}
                Err(e)
                    if e.kind() == std::io::ErrorKind::WouldBlock
                        || e.kind() == std::io::ErrorKind::TimedOut => {}
                Err(_) => return true,
            }
        }
        false
    }

    /// Waits for an event whose data satisfies `pred`.
    pub fn until(
        &mut self,
        within: Duration,
        pred: impl Fn(&serde_json::Value) -> bool,
    ) -> serde_json::Value {
        let deadline = Instant::now() + within;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let Some(d) = self.next(left) else {
                panic!("no matching event within {within:?}");
            };
            let v: serde_json::Value = serde_json::from_str(&d).expect("event data is JSON");
            if pred(&v) {
                return v;
            }
        }
    }
}

/// A host on 127.0.0.1 (a free port) for a bundled scenario, journaled in `dir`.
pub fn host(
    dir: &std::path::Path,
    bundled: &str,
    seed: u64,
    limits: Limits,
) -> (Host, std::path::PathBuf) {
    let b = downtime::bundled::find(bundled).expect("bundled scenario");
    let sc: Arc<downtime::scenario::Scenario> = b.load().scenario.expect("loads");
    host_of(dir, sc, &b.source(), seed, limits)
}

/// A host of a scenario file (e.g. a test fixture).
pub fn host_file(
    dir: &std::path::Path,
    file: &std::path::Path,
    seed: u64,
    limits: Limits,
) -> (Host, std::path::PathBuf) {
    let sc = downtime::scenario::load_file(file).scenario.expect("loads");
    host_of(dir, sc, &file.display().to_string(), seed, limits)
}

/// A host on loopback for any scenario, its source as journals name it.
pub fn host_of(
    dir: &std::path::Path,
    sc: Arc<downtime::scenario::Scenario>,
    source: &str,
    seed: u64,
    limits: Limits,
) -> (Host, std::path::PathBuf) {
    let path = dir.join("host.jsonl");
    let session = Session::create(
        sc,
        source,
        seed,
        &path,
        Started::from("2026-12-01T10:00:00Z"),
    )
    .expect("journal");
    let host = Host::start(
        session,
        &Config {
            listen: "127.0.0.1:0".parse().expect("addr"),
            public_url: None,
            limits,
            tls: None,
            console: false,
            lang: None,
        },
    )
    .expect("host starts");
    (host, path)
}

/// Polls `f` until it returns `Some`, for up to `within`.
pub fn eventually<T>(within: Duration, mut f: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + within;
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(
            Instant::now() < deadline,
            "condition not met within {within:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}
