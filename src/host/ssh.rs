//! The SSH seats: an embedded SSH server (russh) that serves the same team and presenter
//! views as the web seats, drawn with ratatui into the channel.
//!
//! `ssh -p 2222 crisis@host`: the user name picks the seat (a team's id, or `presenter`;
//! `crisis:Nadia` also gives the name the member's votes carry) and the password is that
//! seat's join code, under the same rate limit as the web seats
//! and compared in constant time. Only the exercise's screen is served: a pseudo-terminal
//! and a shell request on one session channel. Exec, subsystems, environment variables,
//! X11, agent and port forwarding, and every other channel or request are refused.
//!
//! Each seat's screen is a task of its own that follows the seat's published view (a
//! `watch` channel: the owner never waits for it) and the member's keys. Writes wait for
//! the client's window and are bounded in time, so a client that stops reading is dropped;
//! a connection that has not opened its screen within the login grace time is dropped; and
//! the number of connections is bounded.

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use russh::keys::ssh_key::LineEnding;
use russh::keys::{Algorithm, HashAlg, PrivateKey};
use russh::server::{Auth, ChannelOpenHandle, Msg, Session};
use russh::{Channel, ChannelId, ChannelMsg, ChannelOpenFailure, ChannelWriteHalf, MethodKind};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::{Semaphore, mpsc};

use crate::audience::Audience;

use super::owner::{Refusal, Request, SeatAction, SeatDo};
use super::seats::Member;
use super::ssh_screen::{self, Act, Key, Me, Ui};
use super::{Host, Shared, auth};
use crate::i18n::Lang;
use crate::tr;

/// Where the SSH seats listen, with which host key, and their bounds.
#[derive(Clone, Debug)]
pub struct Config {
    /// Address to listen on (`0.0.0.0:2222`; port 0 picks one).
    pub listen: SocketAddr,
    /// The host key file (OpenSSH format, ed25519), created on first use.
    pub host_key: PathBuf,
    /// Time to log in and open the screen after connecting.
    pub login_grace: Duration,
    /// SSH connections open at once at most; more are closed at once.
    pub max_connections: usize,
    /// Time a write to a seat may wait for the client to read.
    pub write_timeout: Duration,
}

impl Config {
    /// The SSH seats on `listen` with the host key at `host_key`, with the default bounds.
    pub fn new(listen: SocketAddr, host_key: PathBuf) -> Self {
        Config {
            listen,
            host_key,
            login_grace: LOGIN_GRACE,
            max_connections: MAX_SSH,
            write_timeout: WRITE_TIMEOUT,
        }
    }
}

/// The host key's default place: `ssh_host_ed25519_key` in the data folder
/// (`$XDG_DATA_HOME/downtime/` on Linux).
pub fn default_host_key() -> PathBuf {
    directories::ProjectDirs::from("", "", "downtime")
        .map(|d| d.data_dir().join("ssh_host_ed25519_key"))
        .unwrap_or_else(|| PathBuf::from("ssh_host_ed25519_key"))
}

/// Time to log in and open the screen after connecting.
const LOGIN_GRACE: Duration = Duration::from_secs(60);
/// Time a write to a seat may wait for the client to read.
const WRITE_TIMEOUT: Duration = Duration::from_secs(15);
/// The screen is checked this often even when nothing was published (a rotated seat, a new
/// lead).
const TICK: Duration = Duration::from_secs(2);
/// Keys queued for a screen at most; more are dropped.
const KEY_QUEUE: usize = 64;
/// The largest terminal drawn (a screen keeps two buffers of this many cells).
const MAX_COLS: u16 = 240;
const MAX_ROWS: u16 = 100;
/// SSH connections open at once at most (each screen costs a little memory and a task).
const MAX_SSH: usize = 256;
/// Time left to the client to close the connection itself once the screen has closed.
const CLOSE_GRACE: Duration = Duration::from_secs(5);

/// Reads the host key at `path`, or creates one (ed25519, mode 0600 on Unix) when there is
/// none. Returns the key and whether it was created; a problem is said in `lang`.
pub fn host_key(path: &Path, lang: Lang) -> Result<(PrivateKey, bool), String> {
    let shown = path.display().to_string();
    let unreadable = |e: &dyn std::fmt::Display| {
        tr!(
            lang,
            "host-ssh-key-unreadable",
            path = &shown,
            error = e.to_string()
        )
    };
    match std::fs::read(path) {
        Ok(bytes) => {
            let key = PrivateKey::from_openssh(&bytes).map_err(|e| unreadable(&e))?;
            if key.algorithm() != Algorithm::Ed25519 {
                return Err(tr!(lang, "host-ssh-key-not-ed25519", path = &shown));
            }
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                if let Ok(m) = std::fs::metadata(path)
                    && m.permissions().mode() & 0o077 != 0
                {
                    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
                        .map_err(|e| {
                            tr!(
                                lang,
                                "host-ssh-key-not-private",
                                path = &shown,
                                error = e.to_string()
                            )
                        })?;
                }
            }
            Ok((key, false))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let mut seed = [0u8; 32];
            getrandom::fill(&mut seed)
                .map_err(|e| tr!(lang, "host-no-random", error = e.to_string()))?;
            let pair = russh::keys::ssh_key::private::Ed25519Keypair::from_seed(&seed);
            seed.fill(0);
            let key = PrivateKey::from(pair);
            let text = key
                .to_openssh(LineEnding::LF)
                .map_err(|e| tr!(lang, "host-ssh-key-unencodable", error = e.to_string()))?;
            write_private(path, text.as_bytes()).map_err(|e| {
                tr!(
                    lang,
                    "host-ssh-key-unwritable",
                    path = &shown,
                    error = e.to_string()
                )
            })?;
            Ok((key, true))
        }
        Err(e) => Err(unreadable(&e)),
    }
}

/// Writes a new private file (mode 0600 on Unix, its folder created), atomically.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty());
    if let Some(d) = dir {
        std::fs::create_dir_all(d)?;
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "ssh_host_ed25519_key".into());
    let tmp = dir
        .map(|d| d.join(format!(".{name}.tmp")))
        .unwrap_or_else(|| format!(".{name}.tmp").into());
    let _ = std::fs::remove_file(&tmp);
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    drop(f);
    std::fs::rename(&tmp, path)
}

/// The SSH side of a running host, as started.
#[derive(Clone, Debug)]
pub struct Started {
    /// The address the SSH seats listen on.
    pub addr: SocketAddr,
    /// The host key's fingerprint (`SHA256:…`), for people to check.
    pub fingerprint: String,
    /// Where the host key is, and whether it was just created.
    pub key_path: PathBuf,
    /// Whether the key was created now.
    pub key_created: bool,
}

impl Host {
    /// Starts serving the SSH seats beside the web seats.
    pub fn start_ssh(&mut self, config: &Config) -> Result<Started, String> {
        let lang = self.shared.lang;
        let (key, created) = host_key(&config.host_key, lang)?;
        let fingerprint = key.public_key().fingerprint(HashAlg::Sha256).to_string();
        let rt = self
            .runtime
            .as_ref()
            .ok_or_else(|| tr!(lang, "host-stopped"))?;
        let listener = rt
            .block_on(tokio::net::TcpListener::bind(config.listen))
            .map_err(|e| {
                tr!(
                    lang,
                    "host-ssh-cannot-listen",
                    addr = config.listen.to_string(),
                    error = e.to_string()
                )
            })?;
        let addr = listener
            .local_addr()
            .map_err(|e| tr!(lang, "host-ssh-no-address", error = e.to_string()))?;
        self.shared.registry().set_ssh(super::reachable(addr));
        let server = Arc::new(russh::server::Config {
            server_id: russh::SshId::Standard("SSH-2.0-downtime".into()),
            methods: russh::MethodSet::from(&[MethodKind::Password][..]),
            // Every wrong password takes as long as any other.
            auth_rejection_time: Duration::from_secs(1),
            // OpenSSH asks "none" first to learn the methods: no need to make it wait.
            auth_rejection_time_initial: Some(Duration::ZERO),
            keys: vec![key],
            max_auth_attempts: 3,
            inactivity_timeout: Some(Duration::from_secs(600)),
            keepalive_interval: Some(Duration::from_secs(15)),
            keepalive_max: 3,
            nodelay: true,
            channel_buffer_size: 32,
            ..Default::default()
        });
        let permits = Arc::new(Semaphore::new(config.max_connections.max(1)));
        let shared = Arc::clone(&self.shared);
        let bounds = Bounds {
            login_grace: config.login_grace,
            write_timeout: config.write_timeout,
        };
        rt.spawn(accept(listener, server, shared, permits, bounds));
        Ok(Started {
            addr,
            fingerprint,
            key_path: config.host_key.clone(),
            key_created: created,
        })
    }
}

/// The time bounds of every connection.
#[derive(Clone, Copy, Debug)]
struct Bounds {
    login_grace: Duration,
    write_timeout: Duration,
}

async fn accept(
    listener: tokio::net::TcpListener,
    config: Arc<russh::server::Config>,
    shared: Arc<Shared>,
    permits: Arc<Semaphore>,
    bounds: Bounds,
) {
    loop {
        let (stream, peer) = match listener.accept().await {
            Ok(x) => x,
            // Out of file descriptors and the like: wait a little, then go on.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        // Over the limit: closed at once rather than queued.
        let Ok(permit) = permits.clone().try_acquire_owned() else {
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let started = Arc::new(AtomicBool::new(false));
        let ended = Arc::new(tokio::sync::Notify::new());
        let conn = Conn {
            ended: Arc::clone(&ended),
            bounds,
            shared: Arc::clone(&shared),
            ip: peer.ip(),
            seat: None,
            name: String::new(),
            started: Arc::clone(&started),
            channel: None,
            size: (80, 24),
        };
        let config = Arc::clone(&config);
        let lang = shared.lang;
        tokio::spawn(async move {
            let _permit = permit;
            let stream = Bounded {
                inner: stream,
                login: Box::pin(tokio::time::sleep(bounds.login_grace)),
                started,
                stall: bounds.write_timeout,
                stalled: None,
            };
            let session = match tokio::time::timeout(
                bounds.login_grace,
                russh::server::run_stream(config, stream, conn),
            )
            .await
            {
                Ok(Ok(s)) => s,
                _ => return,
            };
            let bye = session.handle();
            let mut session = session;
            tokio::select! {
                _ = &mut session => {}
                // The screen closed (the member left, or the seat was rotated, or the client
                // stopped reading): the client closes, or is closed.
                _ = ended.notified() => {
                    if tokio::time::timeout(CLOSE_GRACE, &mut session).await.is_err() {
                        let _ = bye
                            .disconnect(
                                russh::Disconnect::ByApplication,
                                tr!(lang, "ssh-screen-closed"),
                                lang.tag().into(),
                            )
                            .await;
                        let _ = tokio::time::timeout(CLOSE_GRACE, &mut session).await;
                    }
                }
            }
        });
    }
}

/// A connection's socket, bounded: until the screen opens, reading fails once the login
/// grace time has passed (a client that connects and never logs in is closed); and a write
/// that cannot go out for `stall` fails (a client that stopped reading is closed), so the
/// session's own task ends rather than wait for ever.
struct Bounded {
    inner: tokio::net::TcpStream,
    login: Pin<Box<tokio::time::Sleep>>,
    started: Arc<AtomicBool>,
    stall: Duration,
    stalled: Option<Pin<Box<tokio::time::Sleep>>>,
}

fn too_slow() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::TimedOut, "the SSH client is too slow")
}

impl Bounded {
    /// Whether a write pending since the first `Pending` has waited too long.
    fn stalled_too_long(&mut self, cx: &mut Context<'_>) -> bool {
        let stall = self.stall;
        self.stalled
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(stall)))
            .as_mut()
            .poll(cx)
            .is_ready()
    }
}

impl AsyncRead for Bounded {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        match Pin::new(&mut self.inner).poll_read(cx, buf) {
            Poll::Pending
                if !self.started.load(Ordering::Relaxed)
                    && self.login.as_mut().poll(cx).is_ready() =>
            {
                Poll::Ready(Err(too_slow()))
            }
            other => other,
        }
    }
}

impl AsyncWrite for Bounded {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        match Pin::new(&mut self.inner).poll_write(cx, buf) {
            Poll::Pending if self.stalled_too_long(cx) => Poll::Ready(Err(too_slow())),
            Poll::Pending => Poll::Pending,
            other => {
                self.stalled = None;
                other
            }
        }
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        match Pin::new(&mut self.inner).poll_flush(cx) {
            Poll::Pending if self.stalled_too_long(cx) => Poll::Ready(Err(too_slow())),
            Poll::Pending => Poll::Pending,
            other => {
                self.stalled = None;
                other
            }
        }
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

/// What a screen hears from its member's terminal.
enum Input {
    Key(Key),
    Resize(u16, u16),
}

/// One SSH connection.
struct Conn {
    shared: Arc<Shared>,
    ip: IpAddr,
    /// The seat the user name and join code opened.
    seat: Option<usize>,
    /// The name given after the seat in the user name (`crisis:Nadia`), sanitised.
    name: String,
    /// Whether the screen is running (the login grace time no longer applies).
    started: Arc<AtomicBool>,
    /// Told when the screen has closed.
    ended: Arc<tokio::sync::Notify>,
    bounds: Bounds,
    /// The session channel, opened but not yet showing the screen.
    channel: Option<(ChannelId, Option<Pending>)>,
    /// The terminal's size, from the pty request.
    size: (u16, u16),
}

/// A channel waiting for its shell request.
struct Pending {
    write: ChannelWriteHalf<Msg>,
    keys: mpsc::Receiver<Input>,
}

/// A refusal that lets the client try another password (up to the connection's attempts).
fn retry() -> Auth {
    Auth::Reject {
        proceed_with_methods: Some(russh::MethodSet::from(&[MethodKind::Password][..])),
        partial_success: false,
    }
}

fn clamp_size(cols: u32, rows: u32) -> (u16, u16) {
    let c = u16::try_from(cols).unwrap_or(MAX_COLS).clamp(1, MAX_COLS);
    let r = u16::try_from(rows).unwrap_or(MAX_ROWS).clamp(1, MAX_ROWS);
    (c, r)
}

impl russh::server::Handler for Conn {
    type Error = russh::Error;

    async fn auth_password(&mut self, user: &str, password: &str) -> Result<Auth, Self::Error> {
        let now = Instant::now();
        if self.seat.is_some() {
            return Ok(Auth::reject());
        }
        if self.shared.limiter().check(self.ip, now).is_err() {
            // Locked out: the code is not even compared.
            return Ok(retry());
        }
        let code = password.trim();
        let shaped = code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit());
        // `crisis` or `crisis:Nadia`: the seat, and the name the member's votes carry.
        let (user, name) = user.split_once(':').unwrap_or((user, ""));
        let seat = {
            let reg = self.shared.registry();
            let seat = reg.by_user(user);
            // Compared even for an unknown user, so that the time says nothing.
            let ok = reg.code_is(seat.unwrap_or(0), if shaped { code } else { "------" });
            seat.filter(|_| ok && shaped)
        };
        match seat {
            Some(s) => {
                self.seat = Some(s);
                self.name = super::clean_name(name);
                Ok(Auth::Accept)
            }
            None => {
                self.shared.limiter().failed(self.ip, now);
                Ok(retry())
            }
        }
    }

    async fn channel_open_session(
        &mut self,
        channel: Channel<Msg>,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        // One screen per connection.
        if self.seat.is_none() || self.channel.is_some() {
            reply
                .reject(ChannelOpenFailure::AdministrativelyProhibited)
                .await;
            return Ok(());
        }
        let id = channel.id();
        let (mut read, write) = channel.split();
        let (tx, rx) = mpsc::channel(KEY_QUEUE);
        // Drains the channel at once, so that the session never waits for the screen; keys
        // beyond the queue are dropped.
        tokio::spawn(async move {
            while let Some(msg) = read.wait().await {
                match msg {
                    ChannelMsg::Data { data } => {
                        let n = data.len().min(256);
                        for k in ssh_screen::parse_keys(&data[..n], 32) {
                            if tx.try_send(Input::Key(k)).is_err() {
                                break;
                            }
                        }
                    }
                    ChannelMsg::WindowChange {
                        col_width,
                        row_height,
                        ..
                    } => {
                        let (c, r) = clamp_size(col_width, row_height);
                        let _ = tx.try_send(Input::Resize(c, r));
                    }
                    ChannelMsg::Eof | ChannelMsg::Close => break,
                    _ => {}
                }
            }
        });
        self.channel = Some((id, Some(Pending { write, keys: rx })));
        reply.accept().await;
        Ok(())
    }

    async fn pty_request(
        &mut self,
        channel: ChannelId,
        _term: &str,
        col_width: u32,
        row_height: u32,
        _pix_width: u32,
        _pix_height: u32,
        _modes: &[(russh::Pty, u32)],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        if self.channel.as_ref().is_some_and(|(id, _)| *id == channel) {
            self.size = clamp_size(col_width, row_height);
            session.channel_success(channel)
        } else {
            session.channel_failure(channel)
        }
    }

    async fn shell_request(
        &mut self,
        channel: ChannelId,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        let pending = match &mut self.channel {
            Some((id, p)) if *id == channel => p.take(),
            _ => None,
        };
        let (Some(p), Some(seat)) = (pending, self.seat) else {
            return session.channel_failure(channel);
        };
        let joined = {
            let mut reg = self.shared.registry();
            reg.join(seat, super::seats::Device::Ssh).map(|cookie| {
                let hex = auth::hex(&cookie);
                (reg.member(&hex), hex)
            })
        };
        let (member, cookie) = match joined {
            Ok((Some(m), c)) => (m, c),
            // The seat is full (or the seat was rotated meanwhile): no screen.
            _ => {
                drop(p);
                session.channel_failure(channel)?;
                return session.close(channel);
            }
        };
        self.shared.republish();
        self.started.store(true, Ordering::Relaxed);
        session.channel_success(channel)?;
        let shared = Arc::clone(&self.shared);
        let size = self.size;
        let name = self.name.clone();
        let handle = session.handle();
        let ended = Arc::clone(&self.ended);
        let timeout = self.bounds.write_timeout;
        tokio::spawn(async move {
            screen(shared, member, name, cookie, p, size, timeout).await;
            // A client that stopped reading may never take these: bounded too.
            let _ = tokio::time::timeout(CLOSE_GRACE, async {
                let _ = handle.exit_status_request(channel, 0).await;
                let _ = handle.eof(channel).await;
                let _ = handle.close(channel).await;
            })
            .await;
            ended.notify_one();
        });
        Ok(())
    }

    async fn exec_request(
        &mut self,
        channel: ChannelId,
        _data: &[u8],
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        // No commands: only the exercise's screen.
        session.channel_failure(channel)
    }

    async fn subsystem_request(
        &mut self,
        channel: ChannelId,
        _name: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn env_request(
        &mut self,
        channel: ChannelId,
        _name: &str,
        _value: &str,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn x11_request(
        &mut self,
        channel: ChannelId,
        _single: bool,
        _protocol: &str,
        _cookie: &str,
        _screen: u32,
        session: &mut Session,
    ) -> Result<(), Self::Error> {
        session.channel_failure(channel)
    }

    async fn agent_request(
        &mut self,
        _channel: ChannelId,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn channel_open_x11(
        &mut self,
        _channel: Channel<Msg>,
        _address: &str,
        _port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        reply
            .reject(ChannelOpenFailure::AdministrativelyProhibited)
            .await;
        Ok(())
    }

    async fn channel_open_direct_tcpip(
        &mut self,
        _channel: Channel<Msg>,
        _host: &str,
        _port: u32,
        _from: &str,
        _from_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        reply
            .reject(ChannelOpenFailure::AdministrativelyProhibited)
            .await;
        Ok(())
    }

    async fn channel_open_forwarded_tcpip(
        &mut self,
        _channel: Channel<Msg>,
        _host: &str,
        _port: u32,
        _from: &str,
        _from_port: u32,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        reply
            .reject(ChannelOpenFailure::AdministrativelyProhibited)
            .await;
        Ok(())
    }

    async fn channel_open_direct_streamlocal(
        &mut self,
        _channel: Channel<Msg>,
        _path: &str,
        reply: ChannelOpenHandle,
        _session: &mut Session,
    ) -> Result<(), Self::Error> {
        reply
            .reject(ChannelOpenFailure::AdministrativelyProhibited)
            .await;
        Ok(())
    }

    async fn tcpip_forward(
        &mut self,
        _address: &str,
        _port: &mut u32,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }

    async fn streamlocal_forward(
        &mut self,
        _path: &str,
        _session: &mut Session,
    ) -> Result<bool, Self::Error> {
        Ok(false)
    }
}

/// The bytes ratatui writes, collected for the channel.
#[derive(Clone, Default)]
struct Sink(Arc<std::sync::Mutex<Vec<u8>>>);

impl Sink {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

impl std::io::Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut v = self.0.lock().unwrap_or_else(|e| e.into_inner());
        // A frame is at most a few hundred KiB; anything past a bound is a bug, not a frame.
        if v.len() > 4 << 20 {
            return Err(std::io::Error::other("frame too large"));
        }
        v.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

type Term = Terminal<CrosstermBackend<Sink>>;

/// Sends `bytes` to the member, waiting for the client's window at most `timeout`.
async fn send(write: &ChannelWriteHalf<Msg>, bytes: Vec<u8>, timeout: Duration) -> bool {
    if bytes.is_empty() {
        return true;
    }
    matches!(
        tokio::time::timeout(timeout, write.data_bytes(bytes)).await,
        Ok(Ok(()))
    )
}

/// The member's screen: follows the seat's view and the member's keys until they leave,
/// the connection goes, or the seat is rotated.
async fn screen(
    shared: Arc<Shared>,
    member: Member,
    name: String,
    cookie: String,
    p: Pending,
    size: (u16, u16),
    timeout: Duration,
) {
    let Pending { write, mut keys } = p;
    let Some(mut rx) = shared.views.get(member.seat).cloned() else {
        return;
    };
    shared.registry().named(&cookie, &name);
    let _online = super::web::Online::new(Arc::clone(&shared), cookie.clone());
    let team = match member.audience {
        Audience::Team(t) => Some(t),
        _ => None,
    };
    let rect = |(w, h): (u16, u16)| Rect::new(0, 0, w, h);
    let sink = Sink::default();
    let Ok(mut term) = Terminal::with_options(
        CrosstermBackend::new(sink.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(rect(size)),
        },
    ) else {
        return;
    };
    // The alternate screen, cleared, the cursor hidden.
    if !send(
        &write,
        b"\x1b[?1049h\x1b[H\x1b[2J\x1b[?25l".to_vec(),
        timeout,
    )
    .await
    {
        return;
    }
    let mut ui = Ui {
        lang: shared.lang,
        ..Ui::default()
    };
    let mut farewell = String::new();
    let mut tick = tokio::time::interval(TICK);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        // A rotated seat's members are out.
        if shared.registry().member(&cookie).is_none() {
            farewell = tr!(shared.lang, "seat-rotated") + "\r\n";
            break;
        }
        draw(&mut term, &shared, &rx, &member, &name, &ui);
        if !send(&write, sink.take(), timeout).await {
            return;
        }
        tokio::select! {
            r = rx.changed() => {
                if r.is_err() {
                    break;
                }
            }
            _ = tick.tick() => {}
            input = keys.recv() => {
                let Some(input) = input else { return };
                match input {
                    Input::Resize(w, h) => {
                        if term.resize(rect((w, h))).is_err() {
                            return;
                        }
                    }
                    Input::Key(k) => {
                        let snap = rx.borrow().clone();
                        let me = me(&shared, &snap, &member, &name);
                        match ui.key(k, snap.view.as_deref(), &me, team.is_some()) {
                            Act::None => {}
                            Act::Quit => break,
                            Act::Redraw => {
                                if term.clear().is_err() {
                                    return;
                                }
                            }
                            Act::Vote(d, o) => {
                                let what = SeatDo::Vote(d, o);
                                ui.status = act(&shared, &member, &name, team, what).await;
                            }
                            Act::Submit(d, o) => {
                                let what = SeatDo::Submit(d, o);
                                ui.status = act(&shared, &member, &name, team, what).await;
                            }
                            Act::Take(k) => {
                                let what = SeatDo::Take(k);
                                ui.status = act(&shared, &member, &name, team, what).await;
                            }
                        }
                    }
                }
            }
        }
    }
    let mut bye = b"\x1b[?25h\x1b[?1049l".to_vec();
    bye.extend_from_slice(farewell.as_bytes());
    let _ = send(&write, bye, timeout).await;
}

/// The member's part of a snapshot: their lead status and their own votes.
fn me(shared: &Shared, snap: &super::Snapshot, m: &Member, name: &str) -> Me {
    Me {
        voter: m.voter.clone(),
        name: name.to_string(),
        lead: shared.registry().is_lead(m.seat, &m.voter),
        votes: snap
            .ballots
            .iter()
            .filter(|(_, v, _)| *v == m.voter)
            .map(|(d, _, o)| (*d, o.clone()))
            .collect(),
    }
}

fn draw(
    term: &mut Term,
    shared: &Shared,
    rx: &tokio::sync::watch::Receiver<Arc<super::Snapshot>>,
    member: &Member,
    name: &str,
    ui: &Ui,
) {
    let snap = rx.borrow().clone();
    let me = me(shared, &snap, member, name);
    let _ = term.draw(|f| ssh_screen::draw(f, snap.view.as_deref(), ui, &me));
}

/// Sends a vote, a submission or an action to the owner; returns what to tell the member.
async fn act(shared: &Shared, m: &Member, name: &str, team: Option<u16>, what: SeatDo) -> String {
    let lang = shared.lang;
    let Some(team) = team else {
        return tr!(lang, "seat-presenter-no-vote");
    };
    let lead = shared.registry().is_lead(m.seat, &m.voter);
    match &what {
        SeatDo::Submit(..) if !lead => {
            return tr!(lang, "seat-only-lead-submits");
        }
        SeatDo::Take(_) if !lead => return tr!(lang, "seat-only-lead-takes"),
        _ => {}
    }
    let kind = what.clone();
    let action = SeatAction {
        team,
        voter: m.voter.clone(),
        name: name.to_string(),
        what,
    };
    let (tx, rx) = tokio::sync::oneshot::channel();
    if shared
        .tx
        .try_send(Request::Seat { action, reply: tx })
        .is_err()
    {
        return tr!(lang, "seat-busy");
    }
    match tokio::time::timeout(Duration::from_secs(10), rx).await {
        Ok(Ok(Ok(()))) => match kind {
            SeatDo::Vote(..) => tr!(lang, "seat-vote-recorded"),
            SeatDo::Submit(..) => tr!(lang, "seat-choice-in"),
            SeatDo::Take(_) => tr!(lang, "seat-action-done"),
        },
        Ok(Ok(Err(Refusal::NotFound))) if matches!(kind, SeatDo::Take(_)) => {
            tr!(lang, "seat-action-not-open")
        }
        Ok(Ok(Err(Refusal::NotFound))) => tr!(lang, "seat-decision-closed"),
        Ok(Ok(Err(Refusal::Conflict(why)))) => {
            tr!(lang, "seat-refused", why = crate::text::sanitize_line(&why))
        }
        _ => tr!(lang, "seat-not-saved"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_host_key_is_created_once_private_then_kept() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("data/downtime/ssh_host_ed25519_key");
        let (a, created) = host_key(&path, Lang::En).expect("created");
        assert!(created);
        assert_eq!(a.algorithm(), Algorithm::Ed25519);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
            assert_eq!(mode(&path), 0o600);
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).expect("chmod");
            let (b, created) = host_key(&path, Lang::En).expect("read");
            assert!(!created);
            assert_eq!(a.public_key(), b.public_key(), "the same key every time");
            assert_eq!(mode(&path), 0o600, "made private again");
        }
        std::fs::write(&path, b"not a key\x1b[2J").expect("write");
        let e = host_key(&path, Lang::En).expect_err("garbage is refused");
        assert!(e.contains("cannot read the SSH host key"), "{e}");
    }

    #[test]
    fn terminal_sizes_are_bounded() {
        assert_eq!(clamp_size(0, 0), (1, 1));
        assert_eq!(clamp_size(u32::MAX, 100_000), (MAX_COLS, MAX_ROWS));
        assert_eq!(clamp_size(80, 24), (80, 24));
    }
}
