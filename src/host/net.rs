//! Connections, bounded: at most so many at once (the next ones are closed at once), a
//! first request that must arrive within a few seconds (slow headers), and an idle limit
//! after it (nothing read or written: a client that stopped reading its updates is dropped),
//! and at most so many bytes read before the host answers (huge headers).

use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpListener;
use tokio_rustls::rustls::ServerConfig;

use super::tls::Stream;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::{Instant, Sleep};

/// A listener that bounds its connections.
pub struct Guarded {
    inner: TcpListener,
    permits: Arc<Semaphore>,
    first: Duration,
    idle: Duration,
    request: usize,
    tls: Option<tokio_rustls::TlsAcceptor>,
}

impl Guarded {
    /// At most `max` connections; the first request within `first`; idle at most `idle`;
    /// at most `request` bytes read between two answers.
    pub fn new(
        inner: TcpListener,
        max: usize,
        first: Duration,
        idle: Duration,
        request: usize,
        tls: Option<Arc<ServerConfig>>,
    ) -> Self {
        Guarded {
            inner,
            permits: Arc::new(Semaphore::new(max.max(1))),
            first,
            idle,
            request,
            tls: tls.map(tokio_rustls::TlsAcceptor::from),
        }
    }
}

impl axum::serve::Listener for Guarded {
    type Io = GuardedIo;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        loop {
            match self.inner.accept().await {
                Ok((stream, addr)) => {
                    // Over the limit: closed at once rather than queued.
                    let Ok(permit) = self.permits.clone().try_acquire_owned() else {
                        drop(stream);
                        continue;
                    };
                    let _ = stream.set_nodelay(true);
                    let inner = match &self.tls {
                        // The handshake runs when the connection's task first reads.
                        Some(acceptor) => Stream::Handshake(Box::new(acceptor.accept(stream))),
                        None => Stream::Plain(stream),
                    };
                    let io = GuardedIo {
                        inner,
                        _permit: permit,
                        deadline: Box::pin(tokio::time::sleep(self.first)),
                        idle: self.idle,
                        answered: false,
                        unanswered: 0,
                        request: self.request,
                    };
                    return (io, addr);
                }
                // Out of file descriptors and the like: wait a little, then go on.
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            }
        }
    }

    fn local_addr(&self) -> io::Result<Self::Addr> {
        self.inner.local_addr()
    }
}

/// A connection with its deadline.
pub struct GuardedIo {
    inner: Stream,
    _permit: OwnedSemaphorePermit,
    deadline: Pin<Box<Sleep>>,
    idle: Duration,
    /// Whether the host has written anything yet: until then the deadline is the first
    /// request's, and bytes trickling in do not push it back.
    answered: bool,
    /// Bytes read since the host last wrote, and the most allowed.
    unanswered: usize,
    request: usize,
}

impl GuardedIo {
    fn touch(&mut self) {
        let next = Instant::now() + self.idle;
        self.deadline.as_mut().reset(next);
    }

    fn expired(&mut self, cx: &mut Context<'_>) -> bool {
        self.deadline.as_mut().poll(cx).is_ready()
    }
}

fn timed_out() -> io::Error {
    io::Error::new(io::ErrorKind::TimedOut, "connection idle for too long")
}

impl AsyncRead for GuardedIo {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        match Pin::new(&mut self.inner).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                let got = buf.filled().len() - before;
                self.unanswered = self.unanswered.saturating_add(got);
                if self.unanswered > self.request {
                    return Poll::Ready(Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        "request too large",
                    )));
                }
                if self.answered && got > 0 {
                    self.touch();
                }
                Poll::Ready(Ok(()))
            }
            Poll::Pending if self.expired(cx) => Poll::Ready(Err(timed_out())),
            other => other,
        }
    }
}

impl AsyncWrite for GuardedIo {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match Pin::new(&mut self.inner).poll_write(cx, buf) {
            Poll::Ready(Ok(n)) => {
                self.answered = true;
                self.unanswered = 0;
                self.touch();
                Poll::Ready(Ok(n))
            }
            Poll::Pending if self.expired(cx) => Poll::Ready(Err(timed_out())),
            other => other,
        }
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match Pin::new(&mut self.inner).poll_flush(cx) {
            Poll::Pending if self.expired(cx) => Poll::Ready(Err(timed_out())),
            other => other,
        }
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
