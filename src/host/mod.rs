//! The exercise host: one process owns the exercise and its journal, and every screen is a
//! client of it with an audience (the facilitator, the presenter, or one team).
//!
//! ```text
//!  stdin driver ─┐                       ┌─► watch (presenter) ─► SSE ─► presenter page
//!  (console,     │  mpsc   ┌─────────┐   ├─► watch (team 1)    ─► SSE ─► team 1 pages
//!   later)       ├───────► │  owner  │ ──┤        …
//!  seats: votes, │ Request │ Session │   └─► watch (team n)    ─► SSE ─► team n pages
//!  submissions ──┘         └─────────┘       (audience::view, as JSON)
//! ```
//!
//! The owner ([`owner`]) is a thread holding the [`Session`]: it applies every command,
//! journals it, and publishes each seat's [`crate::audience::SeatView`]. Web requests
//! ([`web`]) are authorised against their seat's audience before anything reaches the
//! owner. The facilitator's driver is one more client ([`Client`]); the console can become
//! one in the same way.

pub mod auth;
mod driver;
pub mod net;
pub mod owner;
pub mod qr;
pub mod seats;
pub mod ssh;
pub mod ssh_screen;
pub mod tls;
pub mod web;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::SyncSender;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use tokio::sync::{oneshot, watch};

use crate::engine::{Command, Event, Exercise, ParamSetting, RealMs};
use crate::i18n::Lang;
use crate::journal::{BeatKind, Session, SessionError, ViewEntry};
use crate::tr;

pub use driver::HostDriver;
pub use owner::Snapshot;
pub use seats::{Device, MemberInfo, Roster, SeatInfo};

/// Bounds on what clients may cost the host.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Connections open at once; more are closed at once.
    pub max_connections: usize,
    /// Time for a new connection's first request to arrive.
    pub first_request: Duration,
    /// Time a connection may stay with nothing read or written.
    pub idle: Duration,
    /// Largest request body, bytes.
    pub body: usize,
    /// Wrong join codes per address and window before it is locked out.
    pub join_failures: usize,
    /// The window of `join_failures`.
    pub join_window: Duration,
    /// Requests waiting for the owner at most; more are answered 503.
    pub queue: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_connections: 1024,
            first_request: Duration::from_secs(10),
            idle: Duration::from_secs(45),
            body: 8 * 1024,
            join_failures: 5,
            join_window: Duration::from_secs(60),
            queue: 1024,
        }
    }
}

/// The longest name a member may give, in characters.
pub const MAX_NAME: usize = 40;

/// A member's name as it may reach a terminal, the journal or a report: one line, no
/// control, bidi, invisible or tag characters (made visible by [`crate::text`]), spaces
/// collapsed, at most [`MAX_NAME`] characters.
pub fn clean_name(s: &str) -> String {
    let bounded: String = s.chars().take(4 * MAX_NAME).collect();
    let line = crate::text::sanitize_line(&bounded);
    let words: Vec<&str> = line.split_whitespace().collect();
    words.join(" ").chars().take(MAX_NAME).collect()
}

/// What handlers share.
pub struct Shared {
    registry: Mutex<seats::Registry>,
    limiter: Mutex<auth::JoinLimiter>,
    /// Each seat's published view, by seat index.
    pub views: Vec<watch::Receiver<Arc<Snapshot>>>,
    tx: SyncSender<owner::Request>,
    limits: Limits,
    tls: bool,
    /// Bumped by the owner after every entry and by the seats when a member joins or leaves.
    version: Arc<AtomicU64>,
    /// The session's real time at an instant, for the facilitator's clock.
    clock: (RealMs, Instant),
    /// The seats' language: `--lang`, else the scenario's; the pages' `lang` and the
    /// seats' words.
    pub lang: crate::i18n::Lang,
}

impl Shared {
    fn registry(&self) -> MutexGuard<'_, seats::Registry> {
        self.registry.lock().unwrap_or_else(|e| e.into_inner())
    }
    fn limiter(&self) -> MutexGuard<'_, auth::JoinLimiter> {
        self.limiter.lock().unwrap_or_else(|e| e.into_inner())
    }
    fn republish(&self) {
        self.republish_roster();
        let _ = self.tx.try_send(owner::Request::Republish);
    }
    /// Tells the facilitator's client that who is connected changed.
    fn republish_roster(&self) {
        self.version.fetch_add(1, Ordering::Release);
    }
}

/// A running host: the owner thread, the web server, and the seats.
pub struct Host {
    runtime: Option<tokio::runtime::Runtime>,
    shared: Arc<Shared>,
    owner: Option<std::thread::JoinHandle<()>>,
    addr: SocketAddr,
    base: String,
    stop: Option<oneshot::Sender<()>>,
}

/// Where the host listens and how it is reached.
#[derive(Clone, Debug)]
pub struct Config {
    /// Address to listen on (`0.0.0.0:8080`; port 0 picks one).
    pub listen: SocketAddr,
    /// The URL base seats are given (default: `http://` and the address people reach).
    pub public_url: Option<String>,
    /// Bounds.
    pub limits: Limits,
    /// TLS, if a certificate was given (see [`tls::config`]).
    pub tls: Option<Arc<tokio_rustls::rustls::ServerConfig>>,
    /// The console drives the exercise (`play --seats`): it keeps the clock and shows what
    /// the seats do; without it (`host`), the owner times decisions out and tells stderr.
    pub console: bool,
    /// The seats' language asked for (`--lang`); `None`: the scenario's.
    pub lang: Option<crate::i18n::Lang>,
}

impl Config {
    /// Listening on `listen`, default bounds, no TLS, no console.
    pub fn new(listen: SocketAddr) -> Self {
        Config {
            listen,
            public_url: None,
            limits: Limits::default(),
            tls: None,
            console: false,
            lang: None,
        }
    }
}

/// Everything a host is started with besides its session: the web seats, the SSH seats and
/// the seats file (`play --seats` and `host` share it).
#[derive(Clone, Debug)]
pub struct Setup {
    /// The web seats.
    pub config: Config,
    /// The SSH seats, when asked for (`--ssh`).
    pub ssh: Option<ssh::Config>,
    /// Where to write the seats file, if anywhere.
    pub seats_file: Option<PathBuf>,
}

/// A host started from a [`Setup`]: the host, and its SSH server when there is one.
pub struct Launched {
    /// The host.
    pub host: Host,
    /// The SSH seats' server.
    pub ssh: Option<ssh::Started>,
}

impl Launched {
    /// What the facilitator should know, one line each, in the seats' language: where the
    /// host listens, the SSH host key, whether traffic is encrypted, the seats file.
    pub fn lines(&self, setup: &Setup) -> Vec<String> {
        let lang = self.host.lang();
        let mut out = vec![tr!(
            lang,
            "host-listening",
            addr = self.host.local_addr().to_string()
        )];
        if let Some(s) = &self.ssh {
            let (addr, key, path) = (
                s.addr.to_string(),
                s.fingerprint.to_string(),
                s.key_path.display().to_string(),
            );
            out.push(if s.key_created {
                tr!(
                    lang,
                    "host-ssh-listening-created",
                    addr = addr,
                    key = key,
                    path = path
                )
            } else {
                tr!(
                    lang,
                    "host-ssh-listening",
                    addr = addr,
                    key = key,
                    path = path
                )
            });
            out.push(tr!(lang, "host-ssh-users"));
        }
        out.push(if setup.config.tls.is_some() {
            tr!(lang, "host-tls-on")
        } else {
            unencrypted(lang)
        });
        if let Some(p) = &setup.seats_file {
            out.push(tr!(lang, "host-seats-file", path = p.display().to_string()));
        }
        out
    }
}

/// What the facilitator is told, in `lang`, when the seats are served without TLS.
pub fn unencrypted(lang: Lang) -> String {
    tr!(lang, "host-no-tls")
}

/// Starts a host for `session` as `setup` says: web seats, SSH seats, the seats file.
pub fn launch(session: Session, setup: &Setup) -> Result<Launched, String> {
    let mut host = Host::start(session, &setup.config)?;
    let ssh = match &setup.ssh {
        Some(c) => Some(host.start_ssh(c)?),
        None => None,
    };
    if let Some(path) = &setup.seats_file {
        seats::write_seats_file(path, &host.seats()).map_err(|e| {
            tr!(
                host.lang(),
                "host-seats-file-unwritable",
                path = path.display().to_string(),
                error = e.to_string()
            )
        })?;
    }
    Ok(Launched { host, ssh })
}

impl Host {
    /// Starts the owner and the web server for `session`.
    pub fn start(session: Session, config: &Config) -> Result<Host, String> {
        let lang = config
            .lang
            .unwrap_or_else(|| Lang::of_scenario(session.exercise().scenario()));
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("downtime-host")
            .enable_all()
            .build()
            .map_err(|e| tr!(lang, "host-no-runtime", error = e.to_string()))?;
        let listener = runtime
            .block_on(tokio::net::TcpListener::bind(config.listen))
            .map_err(|e| {
                tr!(
                    lang,
                    "host-cannot-listen",
                    addr = config.listen.to_string(),
                    error = e.to_string()
                )
            })?;
        let addr = listener
            .local_addr()
            .map_err(|e| tr!(lang, "host-no-address", error = e.to_string()))?;
        let base = config.public_url.clone().unwrap_or_else(|| {
            let scheme = if config.tls.is_some() {
                "https"
            } else {
                "http"
            };
            format!("{scheme}://{}", reachable(addr))
        });
        let sc = session.exercise().scenario();
        let teams: Vec<(String, String)> = sc
            .teams
            .iter()
            .map(|t| (t.id.clone(), t.name.clone()))
            .collect();
        let registry = seats::Registry::new(&teams, &base)?;
        let mut senders = Vec::new();
        let mut views = Vec::new();
        for s in 0..registry.len() {
            let (tx, rx) = watch::channel(Arc::new(Snapshot::default()));
            senders.push((registry.audience(s), tx));
            views.push(rx);
        }
        // Every seat has its view before the server answers anyone: a page asked for at once
        // never gets the empty snapshot the channels start with.
        owner::publish(&session, &senders, None, true, lang);
        let (tx, rx) = std::sync::mpsc::sync_channel(config.limits.queue.max(1));
        let version = Arc::new(AtomicU64::new(0));
        let clock = (session.real_now(), Instant::now());
        let opts = owner::Options {
            console: config.console,
            version: Arc::clone(&version),
            lang,
        };
        let owner = std::thread::Builder::new()
            .name("downtime-owner".into())
            .spawn(move || owner::run(session, rx, senders, opts))
            .map_err(|e| tr!(lang, "host-no-owner", error = e.to_string()))?;
        let shared = Arc::new(Shared {
            registry: Mutex::new(registry),
            limiter: Mutex::new(auth::JoinLimiter::new(
                config.limits.join_failures,
                config.limits.join_window,
            )),
            views,
            tx,
            limits: config.limits.clone(),
            tls: config.tls.is_some(),
            version,
            clock,
            lang,
        });
        let app =
            web::router(Arc::clone(&shared)).into_make_service_with_connect_info::<web::Peer>();
        let guarded = net::Guarded::new(
            listener,
            config.limits.max_connections,
            config.limits.first_request,
            config.limits.idle,
            config.limits.body + 16 * 1024,
            config.tls.clone(),
        );
        let (stop_tx, stop_rx) = oneshot::channel::<()>();
        runtime.spawn(async move {
            let _ = axum::serve(guarded, app)
                .with_graceful_shutdown(async move {
                    let _ = stop_rx.await;
                })
                .await;
        });
        Ok(Host {
            runtime: Some(runtime),
            shared,
            owner: Some(owner),
            addr,
            base,
            stop: Some(stop_tx),
        })
    }

    /// The address the host listens on.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// The seats' language (`--lang`, else the scenario's): their pages' and the words the
    /// host tells the facilitator.
    pub fn lang(&self) -> Lang {
        self.shared.lang
    }

    /// The URL base seats are given.
    pub fn base_url(&self) -> &str {
        &self.base
    }

    /// The seats as handed out (URL with token, join code).
    pub fn seats(&self) -> Vec<SeatInfo> {
        self.shared.registry().infos()
    }

    /// A facilitator's client of the exercise.
    pub fn client(&self) -> Client {
        Client {
            shared: Arc::clone(&self.shared),
        }
    }

    /// Stops the server and the owner; the journal is already durable.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if let Some(s) = self.stop.take() {
            let _ = s.send(());
        }
        let _ = self.shared.tx.send(owner::Request::Stop);
        if let Some(o) = self.owner.take() {
            let _ = o.join();
        }
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_timeout(Duration::from_secs(2));
        }
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// The facilitator's side of a host (the stdin driver now, the console later): commands in,
/// the exercise out, seats managed. Its calls block; use it from a thread of its own, not
/// from the host's runtime.
#[derive(Clone)]
pub struct Client {
    shared: Arc<Shared>,
}

/// Why a client's request failed.
fn gone() -> SessionError {
    SessionError::Command(crate::engine::CommandError::NotNow(
        crate::engine::Refusal::HostStopped,
    ))
}

impl Client {
    /// Applies a command now; returns its events and the exercise after it.
    pub fn apply(&self, cmd: Command) -> Result<(Vec<Event>, Exercise), SessionError> {
        self.request(cmd, None)
    }

    /// Applies a command at real time `real` of the session (the console's clock).
    pub fn apply_at(
        &self,
        cmd: Command,
        real: RealMs,
    ) -> Result<(Vec<Event>, Exercise), SessionError> {
        self.request(cmd, Some(real))
    }

    fn request(
        &self,
        cmd: Command,
        real: Option<RealMs>,
    ) -> Result<(Vec<Event>, Exercise), SessionError> {
        let (tx, rx) = oneshot::channel();
        self.shared
            .tx
            .send(owner::Request::Apply {
                cmd,
                real,
                reply: tx,
            })
            .map_err(|_| gone())?;
        let (ev, ex) = rx.blocking_recv().map_err(|_| gone())??;
        Ok((ev, *ex))
    }

    /// Journals a view line; a pin or its release reaches every seat that may see it.
    pub fn view(&self, entry: ViewEntry) -> Result<(), String> {
        let (tx, rx) = oneshot::channel();
        self.shared
            .tx
            .send(owner::Request::View { entry, reply: tx })
            .map_err(|_| tr!(self.shared.lang, "host-stopped"))?;
        rx.blocking_recv()
            .map_err(|_| tr!(self.shared.lang, "host-stopped"))?
    }

    /// Journals the console's heartbeat (failures are left to the next command to report).
    pub fn beat(&self, kind: BeatKind, real: RealMs, wall: i64) {
        let _ = self
            .shared
            .tx
            .try_send(owner::Request::Beat { kind, real, wall });
    }

    /// A number that changes whenever the exercise or the roster did: look again when it
    /// differs from the last one seen.
    pub fn version(&self) -> u64 {
        self.shared.version.load(Ordering::Acquire)
    }

    /// Real milliseconds of the session now (the owner's clock).
    pub fn real_now(&self) -> RealMs {
        let (base, at) = self.shared.clock;
        base.saturating_add(at.elapsed().as_millis() as RealMs)
    }

    /// Whether the seats' traffic is encrypted.
    pub fn tls(&self) -> bool {
        self.shared.tls
    }

    /// The seats' language (`--lang`, else the scenario's).
    pub fn lang(&self) -> Lang {
        self.shared.lang
    }

    /// The exercise as it stands and the number of journal entries.
    pub fn snapshot(&self) -> Option<(Exercise, u64)> {
        let (tx, rx) = oneshot::channel();
        self.shared
            .tx
            .send(owner::Request::Snapshot { reply: tx })
            .ok()?;
        rx.blocking_recv().ok().map(|(ex, n)| (*ex, n))
    }

    /// The seats as handed out.
    pub fn seats(&self) -> Vec<SeatInfo> {
        self.shared.registry().infos()
    }

    /// Who has joined each seat, the presenter first.
    pub fn roster(&self) -> Vec<Roster> {
        self.shared.registry().roster()
    }

    /// Gives the seat `who` (a team id or `presenter`) a new URL and code; its members are out.
    pub fn rotate(&self, who: &str) -> Result<SeatInfo, String> {
        let s = self.shared.registry().rotate(who, self.shared.lang);
        self.shared.republish();
        s
    }

    /// Names `voter` lead of team `team`.
    pub fn set_lead(&self, team: &str, voter: &str) -> Result<(), String> {
        let r = self
            .shared
            .registry()
            .set_lead(team, voter, self.shared.lang);
        self.shared.republish();
        r
    }

    /// The latest published snapshot of seat `seat` (0: presenter, then the teams).
    pub fn published(&self, seat: usize) -> Option<Arc<Snapshot>> {
        self.shared.views.get(seat).map(|r| r.borrow().clone())
    }
}

/// The address people can reach: the listening one, or for `0.0.0.0` / `::` the address of
/// the interface that routes outwards (found without sending anything).
fn reachable(addr: SocketAddr) -> SocketAddr {
    if !addr.ip().is_unspecified() {
        return addr;
    }
    let probe = std::net::UdpSocket::bind(("0.0.0.0", 0))
        .and_then(|s| s.connect(("192.0.2.1", 9)).map(|_| s))
        .and_then(|s| s.local_addr());
    match probe {
        Ok(a) if !a.ip().is_unspecified() => SocketAddr::new(a.ip(), addr.port()),
        _ => SocketAddr::new(std::net::Ipv4Addr::LOCALHOST.into(), addr.port()),
    }
}

/// `seat: ` (or `席位：`, no space after fullwidth punctuation): what starts a line the host
/// prints about a seat.
pub(crate) fn seat_prefix(lang: Lang) -> String {
    let mut word = tr!(lang, "host-seat");
    if !word.ends_with('：') {
        word.push(' ');
    }
    word
}

/// `text` padded with spaces to `width` columns (wide characters count two).
pub(crate) fn padded(text: &str, width: usize) -> String {
    let w = unicode_width::UnicodeWidthStr::width(text);
    format!("{text}{}", " ".repeat(width.saturating_sub(w)))
}

/// What `downtime host` runs with.
#[derive(Clone, Debug)]
pub struct Options {
    /// The seats.
    pub setup: Setup,
    /// Parameter values for the start.
    pub params: std::collections::BTreeMap<String, ParamSetting>,
    /// Draw each seat's URL as a QR code on stderr.
    pub qr: bool,
}

/// Runs a host for `session` with the facilitator driving from standard input (the host
/// dialect of the `run --interactive` protocol) until `q` or the end of input.
pub fn serve(session: Session, opts: &Options) -> Result<(), (u8, String)> {
    let journal = session.path().map(|p| p.display().to_string());
    let launched = launch(session, &opts.setup).map_err(|e| (2, e))?;
    let lang = launched.host.lang();
    if let Some(j) = journal {
        crate::errln!("{}", tr!(lang, "host-journal", path = j));
    }
    for l in launched.lines(&opts.setup) {
        crate::errln!("{l}");
    }
    let host = launched.host;
    let seat_word = seat_prefix(lang);
    let code_word = tr!(lang, "seats-code");
    let indent = " ".repeat(unicode_width::UnicodeWidthStr::width(seat_word.as_str()));
    for s in host.seats() {
        crate::errln!(
            "{seat_word}{} {}  {code_word} {}",
            padded(&s.label_in(lang), 24),
            s.url,
            s.code
        );
        if let Some(cmd) = &s.ssh {
            crate::errln!("{indent}{} {cmd}", padded("", 24));
        }
        if opts.qr
            && let Some(lines) = qr::lines(&s.url)
        {
            for l in lines {
                crate::errln!("  {l}");
            }
        }
    }
    let client = host.client();
    let mut driver = HostDriver::new(client, opts.params.clone(), opts.setup.seats_file.clone())
        .ok_or_else(|| (2, tr!(lang, "host-stopped-at-once")))?;
    let now = driver.exercise_now();
    let mut transcript =
        crate::headless::transcript::Transcript::new(lang, &now, "host").full(true);
    let mut out = crate::output::stdout();
    use std::io::Write;
    let _ = out.write_all(transcript.text().as_bytes());
    let mut printed = transcript.text().len();
    let mut record = |ex: &Exercise, cmd: &Command, events: &[Event], out: &mut dyn Write| {
        transcript.record(ex, cmd, events);
        let _ = out.write_all(&transcript.text().as_bytes()[printed..]);
        let _ = out.flush();
        printed = transcript.text().len();
    };
    let r = crate::headless::interactive::interactive(
        &mut driver,
        &mut record,
        &mut out,
        crate::headless::interactive::Mode::Host,
        lang,
    );
    let _ = out.flush();
    host.stop();
    r
}
