//! Seat load budget (issue 15, "Scale, measured"): 500 web seats and 100 SSH seats follow
//! one `downtime host` playing the flagship while the facilitator, on its standard input,
//! plays it to the end: all 50 of its injects (those `next` brings; curveballs, each looked
//! at ahead so that none ends the exercise early; and, while the last decision is open, every
//! one left, so that the ending they reach waits for its answer) and its 16 decisions.
//! Reported, not asserted: the delivery latency from the host's event to every seat's
//! receipt (budget p99 ≤ 250 ms on 2 cores), the host's CPU time and peak memory (budget
//! ≤ 200 MB), and the console's render time meanwhile, against the same render before the
//! host starts (its budget from benches/tui.rs, 0.5 ms).
//!
//! Loopback only, bounded in count and in time (every wait has a deadline; the host is
//! killed on drop). Exits non-zero only when the run itself fails: a seat could not join, a
//! stream broke, or a seat missed an update.
//!
//! Run: `cargo bench --bench seats`.

use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;
use std::io::{Read, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use hyper::client::conn::http1::SendRequest;
use hyper::header;
use hyper_util::rt::TokioIo;

/// Seats of each kind.
const WEB: usize = 500;
const SSH: usize = 100;
/// Clients joining at once.
const JOINING: usize = 50;
/// The longest any one wait may take: joining, a command's answer, a delivery.
const WAIT: Duration = Duration::from_secs(20);
/// The whole run's bound (the bench must end well within 3 minutes).
const RUN: Duration = Duration::from_secs(150);
/// Injects fired at least: after those `next` brings, curveballs make up the count.
const INJECTS: usize = 50;
/// Decisions the flagship asks on a sound play: while the last is open, every inject not
/// fired yet is thrown in (an ending they reach waits for the answer).
const DECISIONS: usize = 16;
/// Curveballs thrown between two `next`s at most.
const PER_NEXT: usize = 2;
/// Pause between two commands once every seat has its update.
const GAP: Duration = Duration::from_millis(100);
/// Budgets.
const P99_BUDGET: Duration = Duration::from_millis(250);
const RSS_BUDGET_MB: f64 = 200.0;
/// The console's render budget (benches/tui.rs: a full render of the exercise screen).
const RENDER_BUDGET: Duration = Duration::from_micros(500);

type Res<T> = Result<T, String>;

fn main() {
    let started = Instant::now();
    match run() {
        Ok(()) => println!("seats: done in {:.1} s", started.elapsed().as_secs_f64()),
        Err(e) => {
            eprintln!("seats: the run failed: {e}");
            std::process::exit(1);
        }
    }
}

fn run() -> Res<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| format!("runtime: {e}"))?;
    let dir = tempfile::tempdir().map_err(|e| format!("tempdir: {e}"))?;
    // The same render on a quiet machine first, to compare.
    let quiet = Console::start();
    std::thread::sleep(Duration::from_secs(1));
    let quiet = quiet.stop();
    let mut host = HostProc::start(dir.path())?;
    let seats = host.seats_file(dir.path())?;
    let t0 = Instant::now();
    let clients = rt.block_on(join_all(&seats))?;
    println!(
        "seats: {WEB} web + {SSH} SSH seats joined in {:.1} s (flagship, seed 7; host pid {})",
        t0.elapsed().as_secs_f64(),
        host.child.id()
    );
    let mut probes = rt.block_on(probes(&seats))?;
    let console = Console::start();
    let cpu_before = host_cpu(host.child.id());
    let play = drive(&rt, &mut host, &clients, &mut probes)?;
    let cpu_after = host_cpu(host.child.id());
    let rss = host_peak_mb(host.child.id());
    let frames = console.stop();
    for c in clients.web.iter() {
        if let Some(e) = c.broken() {
            return Err(format!("a web seat's stream broke: {e}"));
        }
    }
    for c in clients.ssh.iter() {
        if let Some(e) = c.broken() {
            return Err(format!("an SSH seat's channel broke: {e}"));
        }
    }
    host.quit()?;
    report(&play, cpu_before, cpu_after, rss, &quiet, &frames);
    Ok(())
}

// ---------------------------------------------------------------------------------------
// The host process.

/// What the host writes on stdout: whole lines, and a prompt (a partial line ending in
/// `: `) as soon as it is waiting for input.
enum Out {
    Line(Instant, String),
    Prompt(String),
}

/// `downtime host` as a child process; killed on drop.
struct HostProc {
    child: Child,
    stdin: Option<ChildStdin>,
    out: Receiver<Out>,
    err: PathBuf,
}

impl Drop for HostProc {
    fn drop(&mut self) {
        drop(self.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl HostProc {
    fn start(dir: &Path) -> Res<HostProc> {
        let scenario = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scenarios/saturday-night-blackout.ron"
        );
        let err = dir.join("host-stderr.txt");
        let mut child = Command::new(env!("CARGO_BIN_EXE_downtime"))
            .args([
                "host",
                scenario,
                "--seats",
                "127.0.0.1:0",
                "--ssh",
                "127.0.0.1:0",
            ])
            .arg("--seats-file")
            .arg(dir.join("seats.json"))
            .arg("--journal")
            .arg(dir.join("host.jsonl"))
            .args(["--seed", "7"])
            // The SSH host key goes to the data folder: a fresh one per run.
            .env("XDG_DATA_HOME", dir.join("data"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(std::fs::File::create(&err).map_err(|e| e.to_string())?)
            .spawn()
            .map_err(|e| format!("cannot start downtime host: {e}"))?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let (tx, out) = std::sync::mpsc::channel();
        std::thread::spawn(move || read_out(stdout, tx));
        Ok(HostProc {
            stdin: child.stdin.take(),
            child,
            out,
            err,
        })
    }

    fn stderr(&self) -> String {
        std::fs::read_to_string(&self.err).unwrap_or_default()
    }

    /// The seats file, once the host has written it.
    fn seats_file(&mut self, dir: &Path) -> Res<Vec<Seat>> {
        let path = dir.join("seats.json");
        let deadline = Instant::now() + WAIT;
        loop {
            if let Ok(text) = std::fs::read_to_string(&path)
                && let Ok(v) = serde_json::from_str::<serde_json::Value>(&text)
            {
                return Seat::all(&v);
            }
            if Instant::now() > deadline || self.child.try_wait().ok().flatten().is_some() {
                return Err(format!("no seats file; host said:\n{}", self.stderr()));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Sends one line; returns when it was sent.
    fn say(&mut self, line: &str) -> Res<Instant> {
        let s = self.stdin.as_mut().ok_or("stdin closed")?;
        writeln!(s, "{line}")
            .and_then(|_| s.flush())
            .map_err(|e| format!("the host stopped reading: {e}"))?;
        Ok(Instant::now())
    }

    /// What the host wrote up to its next prompt: (transcript lines with their time, prompt).
    fn answer(&mut self) -> Res<(Vec<(Instant, String)>, String)> {
        let deadline = Instant::now() + WAIT;
        let mut lines = Vec::new();
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.out.recv_timeout(left) {
                Ok(Out::Line(t, l)) => lines.push((t, l)),
                Ok(Out::Prompt(p)) => return Ok((lines, p)),
                Err(RecvTimeoutError::Timeout) => return Err("the host did not answer".into()),
                Err(RecvTimeoutError::Disconnected) => {
                    return Err(format!("the host exited; it said:\n{}", self.stderr()));
                }
            }
        }
    }

    /// `q`, and the host's exit within the wait.
    fn quit(&mut self) -> Res<()> {
        self.say("q")?;
        drop(self.stdin.take());
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            if let Ok(Some(s)) = self.child.try_wait() {
                return if s.success() {
                    Ok(())
                } else {
                    Err(format!("the host exited with {s}:\n{}", self.stderr()))
                };
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        Err("the host did not stop on q".into())
    }
}

/// Splits the host's stdout into lines and prompts, each stamped when it was read.
fn read_out(mut stdout: impl Read, tx: std::sync::mpsc::Sender<Out>) {
    let mut pending = String::new();
    let mut buf = [0u8; 16 * 1024];
    while let Ok(n) = stdout.read(&mut buf) {
        if n == 0 {
            return;
        }
        let now = Instant::now();
        pending.push_str(&String::from_utf8_lossy(&buf[..n]));
        while let Some(i) = pending.find('\n') {
            let line: String = pending.drain(..=i).collect();
            let _ = tx.send(Out::Line(now, line.trim_end().to_string()));
        }
        let prompt = ["Type ", "Choose "].iter().any(|p| pending.starts_with(p));
        if prompt && pending.ends_with(": ") && tx.send(Out::Prompt(pending.clone())).is_err() {
            return;
        }
    }
}

/// One seat of the seats file.
#[derive(Clone, Debug)]
struct Seat {
    /// The SSH user name: the team's id, or `presenter`.
    user: String,
    /// Where the web seats are served, and the token path.
    web: SocketAddr,
    path: String,
    code: String,
    ssh: SocketAddr,
}

impl Seat {
    fn all(v: &serde_json::Value) -> Res<Vec<Seat>> {
        let seats = v["seats"].as_array().ok_or("no seats")?;
        seats.iter().map(Seat::one).collect()
    }

    fn one(s: &serde_json::Value) -> Res<Seat> {
        let url = s["url"].as_str().ok_or("no url")?;
        let rest = url.strip_prefix("http://").ok_or("not http")?;
        let (addr, path) = rest.split_at(rest.find('/').ok_or("no path")?);
        let cmd = s["ssh"].as_str().ok_or("no ssh command")?;
        let port: u16 = cmd
            .split_whitespace()
            .nth(2)
            .and_then(|p| p.parse().ok())
            .ok_or("no ssh port")?;
        let web: SocketAddr = addr.parse().map_err(|e| format!("{addr}: {e}"))?;
        Ok(Seat {
            user: s["team"].as_str().unwrap_or("presenter").to_string(),
            web,
            path: path.to_string(),
            code: s["code"].as_str().ok_or("no code")?.to_string(),
            ssh: SocketAddr::new(web.ip(), port),
        })
    }
}

// ---------------------------------------------------------------------------------------
// What a seat received.

/// Everything one client received, each stamped on arrival: a web seat's events (the
/// stable fingerprint of the view) or an SSH seat's channel data (its length).
#[derive(Default)]
struct Feed {
    seat: usize,
    got: Mutex<Vec<(Instant, u64)>>,
    broken: Mutex<Option<String>>,
    /// Where the matching of the last command stopped.
    cursor: Mutex<usize>,
}

impl Feed {
    fn new(seat: usize) -> Arc<Feed> {
        Arc::new(Feed {
            seat,
            ..Feed::default()
        })
    }
    fn push(&self, t: Instant, v: u64) {
        self.got
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((t, v));
    }
    fn break_with(&self, why: String) {
        *self.broken.lock().unwrap_or_else(|e| e.into_inner()) = Some(why);
    }
    fn broken(&self) -> Option<String> {
        self.broken
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The first arrival at or after `since` that `fits`, scanning from where the last call
    /// stopped; `None` while there is none yet.
    fn first(&self, since: Instant, fits: impl Fn(u64) -> bool) -> Option<Instant> {
        let got = self.got.lock().unwrap_or_else(|e| e.into_inner());
        let mut cursor = self.cursor.lock().unwrap_or_else(|e| e.into_inner());
        while let Some(&(t, v)) = got.get(*cursor) {
            if t >= since && fits(v) {
                return Some(t);
            }
            *cursor += 1;
        }
        None
    }
}

/// Keys of a seat's view that change with the real time alone, not with the exercise.
const VOLATILE: [&str; 2] = ["\"elapsed_ms\":", "\"real_left_ms\":"];

/// A fingerprint of the seat's view in a payload (`{"view":…,"me":…}`), without the member's
/// own part and the real-time countdowns: equal for every member of a seat after the same
/// change.
fn fingerprint(payload: &str) -> u64 {
    let view = payload
        .rfind(",\"me\":")
        .map(|i| &payload[..i])
        .unwrap_or(payload);
    let mut h = DefaultHasher::new();
    let mut rest = view;
    loop {
        let next = VOLATILE
            .iter()
            .filter_map(|k| rest.find(k).map(|i| i + k.len()))
            .min();
        let Some(end) = next else {
            h.write(rest.as_bytes());
            return h.finish();
        };
        h.write(&rest.as_bytes()[..end]);
        rest = rest[end..].trim_start_matches(|c: char| c == '-' || c.is_ascii_alphanumeric());
    }
}

// ---------------------------------------------------------------------------------------
// Web seats: hyper's HTTP/1 client, one connection each.

type Sender = SendRequest<Empty<Bytes>>;

async fn connect(addr: SocketAddr) -> Res<Sender> {
    let stream = tokio::net::TcpStream::connect(addr)
        .await
        .map_err(|e| format!("connect {addr}: {e}"))?;
    let _ = stream.set_nodelay(true);
    let (tx, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .map_err(|e| format!("handshake: {e}"))?;
    tokio::spawn(conn);
    Ok(tx)
}

fn get(path: &str, cookie: Option<&str>) -> hyper::Request<Empty<Bytes>> {
    let mut b = hyper::Request::get(path).header(header::HOST, "127.0.0.1");
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, c);
    }
    b.body(Empty::new()).unwrap_or_default()
}

/// Opens the seat's token URL on `tx`; returns the member cookie (`dt_seat=…`).
async fn join_web(tx: &mut Sender, path: &str) -> Res<String> {
    let r = tx
        .send_request(get(path, None))
        .await
        .map_err(|e| format!("GET token: {e}"))?;
    if r.status() != 303 {
        return Err(format!("GET token: {}", r.status()));
    }
    let cookie = r
        .headers()
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .ok_or("no cookie")?
        .to_string();
    let _ = r.into_body().collect().await;
    tx.ready().await.map_err(|e| format!("keep-alive: {e}"))?;
    Ok(cookie)
}

/// A web seat: joins by its token URL, opens the event stream, and records each event.
async fn web_seat(seat: Seat, feed: Arc<Feed>) -> Res<()> {
    let mut tx = connect(seat.web).await?;
    let cookie = join_web(&mut tx, &seat.path).await?;
    let r = tx
        .send_request(get("/api/events", Some(&cookie)))
        .await
        .map_err(|e| format!("GET events: {e}"))?;
    if r.status() != 200 {
        return Err(format!("GET events: {}", r.status()));
    }
    let mut body = r.into_body();
    tokio::spawn(async move {
        let _keep = tx;
        let mut buf: Vec<u8> = Vec::new();
        loop {
            match body.frame().await {
                Some(Ok(f)) => {
                    let now = Instant::now();
                    if let Some(d) = f.data_ref() {
                        buf.extend_from_slice(d);
                        for payload in sse_events(&mut buf) {
                            feed.push(now, fingerprint(&payload));
                        }
                    }
                }
                Some(Err(e)) => return feed.break_with(e.to_string()),
                None => return feed.break_with("the stream ended".into()),
            }
        }
    });
    Ok(())
}

/// Takes the complete events out of `buf`: the data of each (comments are keep-alives).
fn sse_events(buf: &mut Vec<u8>) -> Vec<String> {
    let mut out = Vec::new();
    while let Some(i) = buf.windows(2).position(|w| w == b"\n\n") {
        let block: Vec<u8> = buf.drain(..i + 2).collect();
        let text = String::from_utf8_lossy(&block);
        let data: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("data:"))
            .map(|d| d.strip_prefix(' ').unwrap_or(d))
            .collect();
        if !data.is_empty() {
            out.push(data.join("\n"));
        }
    }
    out
}

/// One member per seat who asks for the seat's view after each command: the truth the
/// streams are compared with.
struct Probe {
    tx: Sender,
    cookie: String,
}

impl Probe {
    async fn view(&mut self) -> Res<u64> {
        self.tx.ready().await.map_err(|e| format!("probe: {e}"))?;
        let r = self
            .tx
            .send_request(get("/api/view", Some(&self.cookie)))
            .await
            .map_err(|e| format!("GET view: {e}"))?;
        if r.status() != 200 {
            return Err(format!("GET view: {}", r.status()));
        }
        let body = r
            .into_body()
            .collect()
            .await
            .map_err(|e| format!("GET view body: {e}"))?
            .to_bytes();
        Ok(fingerprint(&String::from_utf8_lossy(&body)))
    }
}

async fn probes(seats: &[Seat]) -> Res<Vec<Probe>> {
    let mut out = Vec::new();
    for s in seats {
        let mut tx = connect(s.web).await?;
        let cookie = join_web(&mut tx, &s.path).await?;
        out.push(Probe { tx, cookie });
    }
    Ok(out)
}

async fn views(probes: &mut [Probe]) -> Res<Vec<u64>> {
    let mut out = Vec::new();
    for p in probes.iter_mut() {
        out.push(p.view().await?);
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// SSH seats: russh's client, password = join code, a pty and a shell.

struct Trusting;

impl russh::client::Handler for Trusting {
    type Error = russh::Error;
    // Loopback, a fresh host key per run: nothing to check it against.
    async fn check_server_key(
        &mut self,
        _key: &russh::keys::PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        Ok(true)
    }
}

async fn ssh_seat(seat: Seat, feed: Arc<Feed>) -> Res<()> {
    let config = Arc::new(russh::client::Config {
        nodelay: true,
        ..Default::default()
    });
    let e = |what: &'static str| move |e: russh::Error| format!("ssh {what}: {e}");
    let mut h = russh::client::connect(config, seat.ssh, Trusting)
        .await
        .map_err(e("connect"))?;
    let auth = h
        .authenticate_password(seat.user.clone(), seat.code.clone())
        .await
        .map_err(e("auth"))?;
    if !auth.success() {
        return Err(format!("ssh: the join code of {} was refused", seat.user));
    }
    let mut ch = h.channel_open_session().await.map_err(e("session"))?;
    ch.request_pty(true, "xterm-256color", 80, 24, 0, 0, &[])
        .await
        .map_err(e("pty"))?;
    ch.request_shell(true).await.map_err(e("shell"))?;
    tokio::spawn(async move {
        let _keep = h;
        loop {
            match ch.wait().await {
                Some(russh::ChannelMsg::Data { data }) => {
                    feed.push(Instant::now(), data.len() as u64)
                }
                Some(
                    russh::ChannelMsg::Eof
                    | russh::ChannelMsg::Close
                    | russh::ChannelMsg::ExitStatus { .. },
                )
                | None => return feed.break_with("the channel closed".into()),
                Some(_) => {}
            }
        }
    });
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Joining.

struct Clients {
    web: Vec<Arc<Feed>>,
    ssh: Vec<Arc<Feed>>,
}

/// Joins every seat, a few at a time, spread over the presenter and the teams.
async fn join_all(seats: &[Seat]) -> Res<Clients> {
    let began = Instant::now();
    let gate = Arc::new(tokio::sync::Semaphore::new(JOINING));
    let mut tasks = tokio::task::JoinSet::new();
    let (mut web, mut ssh) = (Vec::new(), Vec::new());
    for i in 0..WEB + SSH {
        let s = i % seats.len();
        let feed = Feed::new(s);
        let seat = seats[s].clone();
        let gate = Arc::clone(&gate);
        let f = Arc::clone(&feed);
        let is_web = i < WEB;
        if is_web { &mut web } else { &mut ssh }.push(feed);
        tasks.spawn(async move {
            let _permit = gate.acquire_owned().await;
            let joined = async {
                if is_web {
                    web_seat(seat, f).await
                } else {
                    ssh_seat(seat, f).await
                }
            };
            tokio::time::timeout(WAIT, joined)
                .await
                .unwrap_or_else(|_| Err("joining took too long".into()))
        });
    }
    let all = async {
        while let Some(r) = tasks.join_next().await {
            r.map_err(|e| format!("a client task failed: {e}"))??;
        }
        Ok::<(), String>(())
    };
    tokio::time::timeout(Duration::from_secs(90), all)
        .await
        .map_err(|_| "joining took longer than 90 s".to_string())??;
    let clients = Clients { web, ssh };
    // Every stream has its first event, every screen its first frame.
    let deadline = Instant::now() + WAIT;
    for f in clients.web.iter().chain(&clients.ssh) {
        while f.first(began, |_| true).is_none() {
            if Instant::now() > deadline {
                return Err("a seat never received its first view".into());
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
    Ok(clients)
}

// ---------------------------------------------------------------------------------------
// Driving the exercise and matching deliveries.

/// What the play measured.
#[derive(Default)]
struct Play {
    commands: usize,
    injects: usize,
    curveballs: usize,
    decisions: usize,
    /// From the command sent / from the host's transcript line, to each seat's receipt.
    web_sent: Vec<Duration>,
    web_host: Vec<Duration>,
    ssh_sent: Vec<Duration>,
    ssh_host: Vec<Duration>,
}

/// The facilitator's plan: which injects have fired, which may still be thrown in.
struct Plan {
    fired: std::collections::HashSet<String>,
    /// Injects to throw in: first those without effects or a decision (they cannot move the
    /// metrics towards an early ending), then the others, in the scenario's order.
    spare: Vec<String>,
    /// The labels of the options the scenario recommends (sanitised as the host lists them).
    recommended: std::collections::HashSet<String>,
    /// The host's journal, to look ahead at what a curveball would do.
    journal: PathBuf,
    /// The flagship, compiled.
    sc: Arc<downtime::scenario::Scenario>,
    /// Curveballs thrown since the last `next` (up to [`PER_NEXT`] between two).
    threw: usize,
    /// Decisions taken so far.
    decided: usize,
    /// Injects an ending waits for or that end the exercise: only ever the last of the count.
    ending: std::collections::HashSet<String>,
    /// The open decision's options as last listed: `(number, available, recommended)`.
    options: Vec<(usize, bool, bool)>,
}

impl Plan {
    fn new(journal: PathBuf) -> Res<Plan> {
        let sc = downtime::bundled::find("saturday-night-blackout")
            .and_then(|b| b.load().scenario)
            .ok_or("the flagship does not load")?;
        let text = downtime::bundled::find("saturday-night-blackout")
            .map(|b| b.text)
            .unwrap_or_default();
        // An inject's text in the scenario file, up to the next item.
        let block_of = |id: &str| -> &str {
            let at = format!("id: \"{id}\"");
            let block = text.split_once(&at).map(|(_, b)| b).unwrap_or("");
            block.split("\n        (\n").next().unwrap_or(block)
        };
        let endings = text
            .split_once("endings:")
            .map(|(_, e)| e.split("scoring:").next().unwrap_or(e))
            .unwrap_or("");
        // Not early an inject an ending waits for (`fired(week_review)`), nor one that
        // ends the exercise itself (`end(reinfected)`).
        let (ending, going): (Vec<_>, Vec<_>) = sc.injects.iter().partition(|i| {
            endings.contains(&format!("fired({})", i.id)) || block_of(&i.id).contains("end(")
        });
        Ok(Plan {
            ending: ending.iter().map(|i| i.id.clone()).collect(),
            journal,
            sc: Arc::clone(&sc),
            fired: Default::default(),
            threw: 0,
            decided: 0,
            options: Vec::new(),
            recommended: sc
                .decisions
                .iter()
                .flat_map(|d| d.options.iter().filter(|o| o.recommended))
                .map(|o| downtime::text::sanitize_line(&o.label))
                .collect(),
            spare: {
                let (mut calm, rest): (Vec<_>, Vec<_>) = going
                    .into_iter()
                    .partition(|i| i.effects.is_empty() && i.decision.is_none());
                // Those that lower trust or safety (towards an ending) last.
                let harsh = |id: &str| {
                    let block = block_of(id);
                    ["trust -=", "patient_safety -="]
                        .iter()
                        .any(|e| block.contains(e))
                };
                let (mild, harsh): (Vec<_>, Vec<_>) = rest.into_iter().partition(|i| !harsh(&i.id));
                calm.extend(mild);
                calm.extend(harsh);
                calm.extend(ending);
                calm.into_iter().map(|i| i.id.clone()).collect()
            },
        })
    }

    /// Notes the inject a transcript line says fired (`◆ INJECT id "Title" …`).
    fn saw(&mut self, line: &str) -> bool {
        let Some((_, rest)) = line.split_once(" INJECT ") else {
            return false;
        };
        let id = rest.split_whitespace().next().unwrap_or_default();
        self.fired.insert(id.to_string());
        true
    }

    /// While the last decision is open, every inject not fired yet, those an ending waits
    /// for last: an ending they reach is held until the decision is answered.
    fn last_throw(&mut self) -> Option<String> {
        if self.decided + 1 < DECISIONS || self.fired.len() >= INJECTS {
            return None;
        }
        self.spare.retain(|id| !self.fired.contains(id));
        (!self.spare.is_empty()).then(|| self.spare.remove(0))
    }

    /// An inject to fire as a curveball while fewer than [`INJECTS`] have fired.
    fn curveball(&mut self) -> Option<String> {
        if self.fired.len() >= INJECTS || self.threw >= PER_NEXT {
            self.threw = 0;
            return None;
        }
        self.threw += 1;
        self.spare.retain(|id| !self.fired.contains(id));
        // Looked at ahead on the exercise as the host's journal has it: the first spare
        // inject that leaves the exercise running with margins above the endings' thresholds.
        let ex = downtime::journal::read_journal(&self.journal)
            .ok()
            .and_then(|r| downtime::journal::replay(Arc::clone(&self.sc), &r).ok());
        let Some(ex) = ex else {
            return (!self.spare.is_empty()).then(|| self.spare.remove(0));
        };
        let pos = self
            .spare
            .iter()
            .position(|id| !self.ending.contains(id) && safe(&ex, id))?;
        Some(self.spare.remove(pos))
    }
}

/// Whether firing inject `id` now keeps the exercise going: no ending reached or waiting,
/// trust and patient safety well above the thresholds of their endings.
fn safe(ex: &downtime::engine::Exercise, id: &str) -> bool {
    let mut trial = ex.clone();
    let real = ex.state().real_now;
    let cmd = downtime::engine::Command::Curveball { inject: id.into() };
    if trial.apply(cmd, real).is_err() || trial.is_over() || trial.held_ending().is_some() {
        return false;
    }
    let sc = trial.scenario();
    let metric = |m: &str| {
        sc.metric_index(m)
            .map(|i| trial.state().metrics[usize::from(i)])
            .unwrap_or(100.0)
    };
    metric("trust") >= 35.0 && metric("patient_safety") >= 40.0
}

/// The next line to type for a prompt (and the lines since the last one): `start`; a
/// curveball while too few injects have fired, then `next`; `continue`; the first available
/// option of the open decision; or `None` at the end.
fn next_line(prompt: &str, lines: &[String], plan: &mut Plan) -> Res<Option<String>> {
    let p = prompt.trim_start();
    if p.starts_with("Type start") {
        return Ok(Some("start".into()));
    }
    if p.starts_with("Type next") {
        return Ok(Some(match plan.curveball() {
            Some(id) => format!("curveball {id}"),
            None => "next".into(),
        }));
    }
    if p.starts_with("Type continue") {
        return Ok(Some("continue".into()));
    }
    if p.starts_with("Type q") {
        return Ok(None);
    }
    if p.starts_with("Choose") {
        // The options as listed just before the prompt: `  2. Label`, or
        // `  2. Label (not available: …)`.
        // The recommended one if it is available (a sound play lasts), else the first.
        let option = |l: &String| -> Option<(usize, bool, bool)> {
            let (num, rest) = l.strip_prefix("  ")?.split_once(". ")?;
            let label = rest.split(" [").next().unwrap_or(rest);
            let good = plan.recommended.contains(label);
            Some((num.parse().ok()?, !rest.contains("(not available:"), good))
        };
        let mut listed: Vec<(usize, bool, bool)> = lines.iter().rev().map_while(option).collect();
        listed.reverse();
        // After a curveball the decision is not listed again.
        if !listed.is_empty() {
            plan.options = listed;
        }
        if let Some(id) = plan.last_throw() {
            return Ok(Some(format!("curveball {id}")));
        }
        let n = plan
            .options
            .iter()
            .find(|o| o.1 && o.2)
            .or_else(|| plan.options.iter().find(|o| o.1))
            .map(|o| o.0)
            .ok_or_else(|| format!("no available option in {lines:?}"))?;
        return Ok(Some(format!("choose {n}")));
    }
    Err(format!("unexpected prompt: {prompt}"))
}

fn drive(
    rt: &tokio::runtime::Runtime,
    host: &mut HostProc,
    clients: &Clients,
    probes: &mut [Probe],
) -> Res<Play> {
    let start = Instant::now();
    let mut play = Play::default();
    let (mut lines, mut prompt) = host.answer()?;
    let mut truth = rt.block_on(views(probes))?;
    let mut shown: Vec<String> = lines.drain(..).map(|(_, l)| l).collect();
    let mut plan = Plan::new(host.err.with_file_name("host.jsonl"))?;
    while let Some(cmd) = next_line(&prompt, &shown, &mut plan)? {
        if start.elapsed() > RUN {
            return Err("the play took too long".into());
        }
        if std::env::var_os("BENCH_DEBUG").is_some() {
            eprintln!(
                "DBG {cmd} fired={} decided={} spare={:?}",
                plan.fired.len(),
                plan.decided,
                plan.spare
            );
        }
        let sent = host.say(&cmd)?;
        let (answer, p) = host.answer()?;
        prompt = p;
        // The first line is the end of the prompt this command answered.
        let transcript: Vec<&(Instant, String)> = answer
            .iter()
            .skip(1)
            .filter(|(_, l)| !l.is_empty())
            .collect();
        if transcript.iter().any(|(_, l)| l.starts_with("Not done")) {
            return Err(format!("`{cmd}` was refused: {answer:?}"));
        }
        let event = transcript.first().map(|(t, _)| *t).unwrap_or(sent);
        play.commands += 1;
        play.injects += transcript.iter().filter(|(_, l)| plan.saw(l)).count();
        play.curveballs += usize::from(cmd.starts_with("curveball"));
        play.decisions += usize::from(cmd.starts_with("choose"));
        plan.decided = play.decisions;
        let now = rt.block_on(views(probes))?;
        let changed: Vec<bool> = now.iter().zip(&truth).map(|(a, b)| a != b).collect();
        settle(clients, &now, &changed, sent, event, &mut play)
            .map_err(|e| format!("after `{cmd}`: {e}"))?;
        truth = now;
        for (_, l) in &answer {
            if l.contains("ENDING") || l.contains("ENDED") {
                eprintln!("  {l}");
            }
        }
        shown = answer.into_iter().map(|(_, l)| l).collect();
        std::thread::sleep(GAP);
    }
    Ok(play)
}

/// Waits until every member of every changed seat has the change: a web seat the event
/// carrying the seat's new view, an SSH seat the first frame drawn after the command (every
/// publication of the seat's view redraws its screens; a screen's own 2 s tick may come
/// first, which can only make an SSH figure smaller than the true one).
fn settle(
    clients: &Clients,
    truth: &[u64],
    changed: &[bool],
    sent: Instant,
    event: Instant,
    play: &mut Play,
) -> Res<()> {
    let deadline = Instant::now() + WAIT;
    let mut web: Vec<&Arc<Feed>> = clients.web.iter().filter(|f| changed[f.seat]).collect();
    let mut ssh: Vec<&Arc<Feed>> = clients.ssh.iter().filter(|f| changed[f.seat]).collect();
    let since = |t: Instant, from: Instant| t.saturating_duration_since(from);
    while !web.is_empty() || !ssh.is_empty() {
        web.retain(|f| match f.first(sent, |v| v == truth[f.seat]) {
            Some(t) => {
                play.web_sent.push(since(t, sent));
                play.web_host.push(since(t, event));
                false
            }
            None => true,
        });
        ssh.retain(|f| match f.first(sent, |n| n > 0) {
            Some(t) => {
                play.ssh_sent.push(since(t, sent));
                play.ssh_host.push(since(t, event));
                false
            }
            None => true,
        });
        if Instant::now() > deadline {
            return Err(format!(
                "{} web and {} SSH seats missed the update",
                web.len(),
                ssh.len()
            ));
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// The console, meanwhile.

/// Renders the console's exercise screen of the flagship at 120×40 on a TestBackend, over
/// and over, in a thread of the bench process: it shares the two cores with the 600 clients
/// and the host, as the console will when it is an in-process client of the host.
struct Console {
    stop: Arc<AtomicBool>,
    thread: std::thread::JoinHandle<Vec<Frame>>,
}

impl Console {
    fn start() -> Console {
        let stop = Arc::new(AtomicBool::new(false));
        let s = Arc::clone(&stop);
        let thread = std::thread::spawn(move || render_loop(&s));
        Console { stop, thread }
    }

    fn stop(self) -> Vec<Frame> {
        self.stop.store(true, Ordering::Relaxed);
        self.thread.join().unwrap_or_default()
    }
}

/// One frame's render time: on the clock, and on the rendering thread's CPU (where known).
#[derive(Clone, Copy)]
struct Frame {
    wall: Duration,
    cpu: Option<Duration>,
}

/// Frames rendered back to back between two pauses.
const BURST: usize = 10;

fn render_loop(stop: &AtomicBool) -> Vec<Frame> {
    use downtime::tui::{App, Config, JournalChoice, Msg, Theme, view};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::KeyCode;
    let Some(sc) =
        downtime::bundled::find("saturday-night-blackout").and_then(|b| b.load().scenario)
    else {
        return Vec::new();
    };
    let config = Config {
        seed: Some(7),
        journal: JournalChoice::Off,
    };
    let mut app = App::briefing(
        sc,
        "bundled:saturday-night-blackout.ron".into(),
        config,
        Theme::colours(),
    );
    // As in benches/tui.rs: started, isolated, two more injects in.
    for c in "s1nn".chars() {
        app.press(KeyCode::Char(c));
    }
    app.update(Msg::Tick(200_000));
    app.update(Msg::Resize(120, 40));
    let Ok(mut term) = Terminal::new(TestBackend::new(120, 40));
    let mut times = Vec::new();
    while !stop.load(Ordering::Relaxed) {
        // In bursts, as benches/tui.rs measures its budget (back to back); the first frame
        // of a burst, after the pause, is the slower one.
        for _ in 0..BURST {
            let (t, cpu) = (Instant::now(), thread_cpu());
            let _ = term.clear();
            let _ = term.draw(|f| view::draw(f, &app));
            times.push(Frame {
                wall: t.elapsed(),
                cpu: cpu.zip(thread_cpu()).map(|(a, b)| b.saturating_sub(a)),
            });
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    times
}

/// The CPU time the calling thread has used (Unix: its own CPU clock).
#[cfg(unix)]
fn thread_cpu() -> Option<Duration> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the call's duration.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0;
    ok.then(|| Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
}

#[cfg(not(unix))]
fn thread_cpu() -> Option<Duration> {
    None
}

// ---------------------------------------------------------------------------------------
// The host's resources (Linux: /proc).

/// The host's CPU time so far (user + system), seconds.
#[cfg(target_os = "linux")]
fn host_cpu(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may hold spaces) start at the state, field 3.
    let rest = &stat[stat.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i - 3)?.parse::<f64>().ok();
    // utime and stime are fields 14 and 15, in clock ticks (USER_HZ, 100 on Linux).
    Some((ticks(14)? + ticks(15)?) / 100.0)
}

/// The host's peak resident memory (VmHWM), MB.
#[cfg(target_os = "linux")]
fn host_peak_mb(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kb / 1024.0)
}

#[cfg(not(target_os = "linux"))]
fn host_cpu(_pid: u32) -> Option<f64> {
    None
}

#[cfg(not(target_os = "linux"))]
fn host_peak_mb(_pid: u32) -> Option<f64> {
    None
}

// ---------------------------------------------------------------------------------------
// The report.

fn pct(sorted: &[Duration], q: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1e3)
}

/// Milliseconds to the microsecond, for render times.
fn ms3(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

/// One latency line; returns its p99.
fn latency(label: &str, v: &[Duration]) -> Duration {
    let mut v = v.to_vec();
    v.sort();
    let p99 = pct(&v, 0.99);
    println!(
        "{label}: {} deliveries, p50 {}, p99 {}, max {}",
        v.len(),
        ms(pct(&v, 0.5)),
        ms(p99),
        ms(v.last().copied().unwrap_or_default())
    );
    p99
}

fn verdict(ok: bool) -> &'static str {
    if ok { "ok" } else { "OVER" }
}

fn report(
    play: &Play,
    cpu_before: Option<f64>,
    cpu_after: Option<f64>,
    rss: Option<f64>,
    quiet: &[Frame],
    frames: &[Frame],
) {
    println!(
        "play: {} commands from stdin, {} injects fired ({} as curveballs), {} decisions taken",
        play.commands, play.injects, play.curveballs, play.decisions
    );
    let mut worst = Duration::ZERO;
    for (label, v) in [
        (
            "web delivery, host's transcript line -> SSE event",
            &play.web_host,
        ),
        ("web delivery, command sent -> SSE event", &play.web_sent),
        (
            "ssh delivery, host's transcript line -> first frame",
            &play.ssh_host,
        ),
        ("ssh delivery, command sent -> first frame", &play.ssh_sent),
    ] {
        worst = worst.max(latency(label, v));
    }
    println!(
        "delivery budget p99 <= {}: {}",
        ms(P99_BUDGET),
        verdict(worst <= P99_BUDGET)
    );
    match (cpu_before, cpu_after, rss) {
        (Some(b), Some(a), Some(m)) => {
            println!(
                "host CPU (user + system): {a:.2} s in all, {:.2} s while playing; peak RSS (VmHWM) {m:.1} MB, budget <= {RSS_BUDGET_MB} MB: {}",
                a - b,
                verdict(m <= RSS_BUDGET_MB)
            );
        }
        _ => println!("host CPU and peak memory: measured on Linux only (/proc)"),
    }
    // The budget is benches/tui.rs's: the mean time of a full render. On the clock, a frame
    // here also waits for a core the host and 600 clients are using; the rendering thread's
    // own CPU time is what the render costs.
    let summary = |mut f: Vec<Duration>| {
        f.sort();
        let mean = f.iter().sum::<Duration>() / (f.len().max(1) as u32);
        let text = format!(
            "mean {}, p50 {}, p99 {}, max {}",
            ms3(mean),
            ms3(pct(&f, 0.5)),
            ms3(pct(&f, 0.99)),
            ms3(f.last().copied().unwrap_or_default())
        );
        (mean, text)
    };
    let mut judged = Duration::ZERO;
    for (when, frames) in [
        ("before the host starts", quiet),
        ("under the load", frames),
    ] {
        let (wall_mean, wall) = summary(frames.iter().map(|f| f.wall).collect());
        println!(
            "console render 120x40 (flagship, full, TestBackend), {when}: {} frames; on the clock {wall}",
            frames.len()
        );
        judged = match frames.iter().map(|f| f.cpu).collect::<Option<Vec<_>>>() {
            Some(cpu) => {
                let (mean, text) = summary(cpu);
                println!("  the rendering thread's CPU time: {text}");
                mean
            }
            None => wall_mean,
        };
    }
    println!(
        "console render budget (mean, under the load) {}: {}",
        ms3(RENDER_BUDGET),
        verdict(judged <= RENDER_BUDGET)
    );
}
