//! Seats over TLS: a host started with a certificate answers only TLS, its URLs are
//! `https://`, its member cookie is `Secure`, and a plain-HTTP request gets nothing.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::sync::Arc;
use std::time::Duration;

use downtime::host::{Config, Host, Limits};
use downtime::journal::{Session, Started};
use tokio_rustls::rustls;

/// Sends `req` over TLS to `addr`, trusting `ca`, and reads the whole answer.
fn tls_request(addr: std::net::SocketAddr, ca: &[u8], req: &str) -> String {
    use rustls_pki_types::pem::PemObject;
    let mut roots = rustls::RootCertStore::empty();
    for c in rustls_pki_types::CertificateDer::pem_slice_iter(ca) {
        roots.add(c.expect("cert")).expect("root");
    }
    let cfg = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .expect("versions")
    .with_root_certificates(roots)
    .with_no_client_auth();
    let name = rustls_pki_types::ServerName::try_from("localhost").expect("name");
    let conn = rustls::ClientConnection::new(Arc::new(cfg), name).expect("client");
    let sock = TcpStream::connect(addr).expect("connect");
    sock.set_read_timeout(Some(Duration::from_secs(20))).ok();
    let mut tls = rustls::StreamOwned::new(conn, sock);
    tls.write_all(req.as_bytes()).expect("send");
    let mut out = Vec::new();
    let _ = tls.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn seats_over_tls_are_https_with_secure_cookies_and_refuse_plain_http() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (cert, key) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    // A test CA and a certificate for localhost signed by it.
    let (ca_key, ca_pem, csr, ext) = (
        dir.path().join("ca.key"),
        dir.path().join("ca.pem"),
        dir.path().join("leaf.csr"),
        dir.path().join("leaf.ext"),
    );
    std::fs::write(
        &ext,
        "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n",
    )
    .expect("ext");
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    let steps: Vec<Vec<std::ffi::OsString>> = vec![
        ["req", "-x509"]
            .iter()
            .chain(&ec)
            .chain(&["-days", "1", "-subj", "/CN=Downtime test CA", "-keyout"])
            .map(Into::into)
            .chain([ca_key.clone().into(), "-out".into(), ca_pem.clone().into()])
            .collect(),
        ["req"]
            .iter()
            .chain(&ec)
            .chain(&["-subj", "/CN=localhost", "-keyout"])
            .map(Into::into)
            .chain([key.clone().into(), "-out".into(), csr.clone().into()])
            .collect(),
        ["x509", "-req", "-days", "1", "-in"]
            .iter()
            .map(Into::into)
            .chain([
                csr.clone().into(),
                "-CA".into(),
                ca_pem.clone().into(),
                "-CAkey".into(),
                ca_key.clone().into(),
                "-CAcreateserial".into(),
                "-extfile".into(),
                ext.clone().into(),
                "-out".into(),
                cert.clone().into(),
            ])
            .collect(),
    ];
    for args in steps {
        let made = Command::new("openssl")
            .args(&args)
            .current_dir(dir.path())
            .output();
        if !made.as_ref().is_ok_and(|o| o.status.success()) {
            eprintln!("skipped: openssl is needed to make a test certificate ({made:?})");
            return;
        }
    }
    let tls = downtime::host::tls::config(&cert, &key).expect("TLS config");
    let b = downtime::bundled::find("tutorial").expect("tutorial");
    let sc = b.load().scenario.expect("loads");
    let session = Session::create(
        sc,
        &b.source(),
        1,
        &dir.path().join("j.jsonl"),
        Started::from("2026-12-01T10:00:00Z"),
    )
    .expect("journal");
    let host = Host::start(
        session,
        &Config {
            listen: "127.0.0.1:0".parse().expect("addr"),
            public_url: None,
            limits: Limits::default(),
            tls: Some(tls),
            console: false,
            lang: None,
        },
    )
    .expect("host");
    let addr = host.local_addr();
    let seats = host.seats();
    assert!(seats[1].url.starts_with("https://"), "{}", seats[1].url);
    let ca = std::fs::read(&ca_pem).expect("ca");
    let path = &seats[1].url[seats[1].url.find("/s/").expect("path")..];
    let r = tls_request(
        addr,
        &ca,
        &format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"),
    );
    assert!(r.starts_with("HTTP/1.1 303"), "{r}");
    let cookie_line = r
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("set-cookie:"))
        .expect("cookie");
    assert!(
        cookie_line.contains("Secure") && cookie_line.contains("HttpOnly"),
        "{cookie_line}"
    );
    let cookie = cookie_line
        .split("dt_seat=")
        .nth(1)
        .and_then(|v| v.split(';').next())
        .expect("value");
    let r = tls_request(
        addr,
        &ca,
        &format!(
            "GET /api/view HTTP/1.1\r\nHost: localhost\r\nCookie: dt_seat={cookie}\r\nConnection: close\r\n\r\n"
        ),
    );
    assert!(
        r.starts_with("HTTP/1.1 200") && r.contains("\"audience\":\"team\""),
        "{r}"
    );
    // Plain HTTP to the TLS port gets no answer it could read.
    let mut plain = TcpStream::connect(addr).expect("connect");
    plain.set_read_timeout(Some(Duration::from_secs(20))).ok();
    plain
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .expect("send");
    let mut buf = Vec::new();
    let _ = plain.read_to_end(&mut buf);
    assert!(!String::from_utf8_lossy(&buf).contains("HTTP/1.1 200"));
    host.stop();
}
