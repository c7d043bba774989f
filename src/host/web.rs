//! The web seats: a page per team and one for the presenter, the seat's view as JSON and
//! as server-sent events, votes and the lead's submission. Every request is authorised by
//! its member cookie against its seat's audience here, on the server; the page is only a
//! rendering of what the host already decided the seat may see.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::extract::connect_info::Connected;
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;

use crate::audience::Audience;
use crate::i18n::Lang;
use crate::tr;

use super::owner::{Refusal, Request, SeatAction, SeatDo, Snapshot};
use super::seats::Member;
use super::{Shared, auth, net};

/// The name of the member cookie.
pub const COOKIE: &str = "dt_seat";

/// The peer's address, for the join-code rate limit.
#[derive(Clone, Copy, Debug)]
pub struct Peer(pub SocketAddr);

impl Connected<axum::serve::IncomingStream<'_, net::Guarded>> for Peer {
    fn connect_info(s: axum::serve::IncomingStream<'_, net::Guarded>) -> Self {
        Peer(*s.remote_addr())
    }
}

/// The routes.
pub fn router(shared: Arc<Shared>) -> Router {
    let body = shared.limits.body;
    Router::new()
        .route("/", get(page))
        .route("/s/{token}", get(seat_link))
        .route("/join", post(join))
        .route("/api/view", get(view))
        .route("/api/events", get(events))
        .route("/api/vote", post(vote))
        .route("/api/submit", post(submit))
        .route("/api/take", post(take))
        .route(
            "/app.js",
            get(|| async { asset("text/javascript", APP_JS) }),
        )
        .route("/app.css", get(|| async { asset("text/css", APP_CSS) }))
        .fallback(|| async { plain(StatusCode::NOT_FOUND, "not found") })
        .layer(DefaultBodyLimit::max(body))
        .layer(axum::middleware::from_fn_with_state(body, declared_length))
        .layer(axum::middleware::map_response(harden))
        .with_state(shared)
}

const APP_HTML: &str = include_str!("../../assets/web/app.html");
const JOIN_HTML: &str = include_str!("../../assets/web/join.html");
const APP_JS: &str = include_str!("../../assets/web/app.js");
const APP_CSS: &str = include_str!("../../assets/web/app.css");

/// Headers every answer carries: no framing, no sniffing, no referrer (a seat URL must not
/// leak), scripts and styles from this host only, nothing cached.
async fn harden(mut r: Response) -> Response {
    let h = r.headers_mut();
    let set = |h: &mut HeaderMap, k: header::HeaderName, v: &'static str| {
        h.insert(k, HeaderValue::from_static(v));
    };
    set(
        h,
        header::CONTENT_SECURITY_POLICY,
        "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(h, header::CACHE_CONTROL, "no-store");
    r
}

/// Refuses at once a body whose declared length is over the cap (rather than reading it).
async fn declared_length(
    State(cap): State<usize>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > cap as u64) {
        return plain(StatusCode::PAYLOAD_TOO_LARGE, "request body too large");
    }
    next.run(req).await
}

fn asset(kind: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, kind)], body).into_response()
}

fn plain(status: StatusCode, text: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text.to_string(),
    )
        .into_response()
}

/// A page with `<html lang="…">` set to the scenario's language (`en` when it names none
/// or an unusable one: only letters, digits and `-` are kept).
fn with_lang(page: &str, language: &str) -> String {
    page.replacen(
        "<html lang=\"en\">",
        &format!("<html lang=\"{}\">", crate::text::html_lang(language)),
        1,
    )
}

/// Text made safe for HTML, in an element or a quoted attribute.
fn escape_html(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '&' => "&amp;".to_string(),
            '"' => "&quot;".to_string(),
            '\'' => "&#39;".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// A page in `lang`: `<html lang>` set, each `{{"key"}}` replaced by the catalogue's text
/// (escaped), and `{{STRINGS}}` by the seat catalogue as JSON for the script (see
/// [`crate::i18n::seat_strings`]), with `<`, `>` and `&` escaped so that it cannot close its
/// `<script type="application/json">` element.
fn localised(page: &str, lang: Lang) -> String {
    let mut out = String::with_capacity(page.len() + 1024);
    let mut rest = with_lang(page, lang.tag());
    while let Some(i) = rest.find("{{\"") {
        let Some(j) = rest[i + 3..].find("\"}}") else {
            break;
        };
        out.push_str(&rest[..i]);
        let key = &rest[i + 3..i + 3 + j];
        out.push_str(&escape_html(&crate::i18n::text(lang, key, &[])));
        rest = rest[i + 3 + j + 3..].to_string();
    }
    out.push_str(&rest);
    if out.contains("{{STRINGS}}") {
        let json = serde_json::Value::Object(crate::i18n::seat_strings(lang)).to_string();
        let json = crate::text::escape_json(json)
            .replace('<', "\\u003c")
            .replace('>', "\\u003e")
            .replace('&', "\\u0026");
        out = out.replacen("{{STRINGS}}", &json, 1);
    }
    out
}

fn join_page(sh: &Shared, status: StatusCode, message: &str) -> Response {
    // The message is one of ours, never a client's; escaped all the same.
    let escaped = escape_html(message);
    let html = localised(JOIN_HTML, sh.lang).replace("{{MESSAGE}}", &escaped);
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        html,
    )
        .into_response()
}

/// The member this request's cookie belongs to, if any.
fn member(sh: &Shared, headers: &HeaderMap) -> Option<(Member, [u8; 16])> {
    for v in headers.get_all(header::COOKIE) {
        let Ok(v) = v.to_str() else { continue };
        for part in v.split(';') {
            if let Some(val) = part
                .trim()
                .strip_prefix(COOKIE)
                .and_then(|r| r.strip_prefix('='))
                && let Some(m) = sh.registry().member(val)
            {
                let c = auth::parse_secret(val)?;
                return Some((m, c));
            }
        }
    }
    None
}

fn with_cookie(sh: &Shared, cookie: &[u8; 16]) -> Response {
    let secure = if sh.tls { "; Secure" } else { "" };
    let c = format!(
        "{COOKIE}={}; Path=/; HttpOnly; SameSite=Strict{secure}",
        auth::hex(cookie)
    );
    let mut r = (StatusCode::SEE_OTHER, [(header::LOCATION, "/")]).into_response();
    if let Ok(v) = HeaderValue::from_str(&c) {
        r.headers_mut().insert(header::SET_COOKIE, v);
    }
    r
}

async fn page(State(sh): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    match member(&sh, &headers) {
        Some(_) => (
            [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
            localised(APP_HTML, sh.lang),
        )
            .into_response(),
        None => join_page(&sh, StatusCode::OK, ""),
    }
}

/// The seat URL: its token is exchanged for a member cookie, then the browser is sent to
/// `/` so that the token leaves the address bar (and the history, with `replace`).
async fn seat_link(
    State(sh): State<Arc<Shared>>,
    headers: HeaderMap,
    Path(token): Path<String>,
) -> Response {
    let mut reg = sh.registry();
    let Some(seat) = reg.by_token(&token) else {
        drop(reg);
        return join_page(
            &sh,
            StatusCode::NOT_FOUND,
            &tr!(sh.lang, "seat-web-bad-link"),
        );
    };
    drop(reg);
    if let Some((m, _)) = member(&sh, &headers)
        && m.seat == seat
    {
        return (StatusCode::SEE_OTHER, [(header::LOCATION, "/")]).into_response();
    }
    reg = sh.registry();
    match reg.join(seat, super::seats::Device::Web) {
        Ok(cookie) => {
            drop(reg);
            sh.republish();
            with_cookie(&sh, &cookie)
        }
        // The one refusal: the seat is full.
        Err(_) => join_page(
            &sh,
            StatusCode::SERVICE_UNAVAILABLE,
            &tr!(sh.lang, "seat-web-full"),
        ),
    }
}

/// A join code typed by hand: rate-limited per address, compared in constant time.
async fn join(
    State(sh): State<Arc<Shared>>,
    ConnectInfo(Peer(addr)): ConnectInfo<Peer>,
    body: Bytes,
) -> Response {
    let now = Instant::now();
    if let Err(wait) = sh.limiter().check(addr.ip(), now) {
        let secs = wait.as_secs().max(1).to_string();
        let mut r = join_page(
            &sh,
            StatusCode::TOO_MANY_REQUESTS,
            &tr!(sh.lang, "seat-web-too-many"),
        );
        if let Ok(v) = HeaderValue::from_str(&secs) {
            r.headers_mut().insert(header::RETRY_AFTER, v);
        }
        return r;
    }
    let code = std::str::from_utf8(&body)
        .ok()
        .and_then(|b| b.split('&').find_map(|kv| kv.strip_prefix("code=")))
        .filter(|c| c.len() == 6 && c.bytes().all(|b| b.is_ascii_digit()));
    let seat = code.and_then(|c| sh.registry().by_code(c));
    let Some(seat) = seat else {
        sh.limiter().failed(addr.ip(), now);
        return join_page(
            &sh,
            StatusCode::FORBIDDEN,
            &tr!(sh.lang, "seat-web-bad-code"),
        );
    };
    let joined = sh.registry().join(seat, super::seats::Device::Web);
    match joined {
        Ok(cookie) => {
            sh.republish();
            with_cookie(&sh, &cookie)
        }
        // The one refusal: the seat is full.
        Err(_) => join_page(
            &sh,
            StatusCode::SERVICE_UNAVAILABLE,
            &tr!(sh.lang, "seat-web-full"),
        ),
    }
}

/// The payload a member's page renders: the seat's view and the member's own part.
fn payload(sh: &Shared, snap: &Snapshot, m: &Member) -> String {
    let votes: serde_json::Map<String, serde_json::Value> = snap
        .ballots
        .iter()
        .filter(|(_, v, _)| *v == m.voter)
        .map(|(d, _, o)| {
            let v = match o.as_slice() {
                [one] => serde_json::Value::from(*one),
                many => serde_json::Value::from(many.to_vec()),
            };
            (d.to_string(), v)
        })
        .collect();
    let me = serde_json::json!({
        "voter": m.voter,
        "lead": sh.registry().is_lead(m.seat, &m.voter),
        "votes": votes,
    });
    format!("{{\"view\":{},\"me\":{}}}", snap.json, me)
}

async fn view(State(sh): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    let Some((m, _)) = member(&sh, &headers) else {
        return plain(StatusCode::UNAUTHORIZED, "join first");
    };
    let snap = sh.views[m.seat].borrow().clone();
    (
        [(header::CONTENT_TYPE, "application/json")],
        payload(&sh, &snap, &m),
    )
        .into_response()
}

async fn events(State(sh): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    let Some((m, cookie)) = member(&sh, &headers) else {
        return plain(StatusCode::UNAUTHORIZED, "join first");
    };
    let rx = sh.views[m.seat].clone();
    let online = Online::new(Arc::clone(&sh), auth::hex(&cookie));
    let stream = futures_util::stream::unfold(
        (rx, true, m, sh, online),
        |(mut rx, first, m, sh, online)| async move {
            if !first && rx.changed().await.is_err() {
                return None;
            }
            // A rotated seat's members are out: their stream ends with the next update.
            sh.registry().member(&online.cookie)?;
            let snap = rx.borrow_and_update().clone();
            let data = payload(&sh, &snap, &m);
            Some((
                Ok::<_, Infallible>(Event::default().data(data)),
                (rx, false, m, sh, online),
            ))
        },
    );
    Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(10)))
        .into_response()
}

/// A member's open stream, counted in the roster while it lives (the facilitator sees who
/// is connected).
pub(super) struct Online {
    sh: Arc<Shared>,
    /// The member's cookie, in hex.
    pub cookie: String,
}

impl Online {
    /// Counts a stream of the member with this cookie as open until dropped.
    pub fn new(sh: Arc<Shared>, cookie: String) -> Self {
        sh.registry().presence(&cookie, true);
        sh.republish_roster();
        Online { sh, cookie }
    }
}

impl Drop for Online {
    fn drop(&mut self) {
        self.sh.registry().presence(&self.cookie, false);
        self.sh.republish_roster();
    }
}

/// A vote or a submission as the page sends it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Ballot {
    decision: u16,
    /// One option (a decision with a single answer)…
    #[serde(default)]
    option: Option<u16>,
    /// …or several (a decision with `pick`), at most as many as a decision may hold.
    #[serde(default)]
    options: Vec<u16>,
    #[serde(default)]
    name: String,
}

/// An action taken as the page sends it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Taking {
    action: u16,
    #[serde(default)]
    name: String,
}

/// What a seat's request asks for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ask {
    Vote,
    Submit,
    Take,
}

async fn vote(State(sh): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Response {
    act(&sh, &headers, &body, Ask::Vote).await
}

async fn submit(State(sh): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Response {
    act(&sh, &headers, &body, Ask::Submit).await
}

async fn take(State(sh): State<Arc<Shared>>, headers: HeaderMap, body: Bytes) -> Response {
    act(&sh, &headers, &body, Ask::Take).await
}

/// Reads what the page sent for `ask`: what to do, and the name the member gave.
fn parse(ask: Ask, body: &[u8]) -> Result<(SeatDo, String), &'static str> {
    if ask == Ask::Take {
        let t = serde_json::from_slice::<Taking>(body)
            .map_err(|_| "expected {\"action\":N,\"name\":\"…\"}")?;
        return Ok((SeatDo::Take(t.action), t.name));
    }
    const SHAPE: &str =
        "expected {\"decision\":N,\"option\":N or \"options\":[N,…],\"name\":\"…\"}";
    let b = serde_json::from_slice::<Ballot>(body).map_err(|_| SHAPE)?;
    let picked = match (b.option, b.options) {
        (Some(o), v) if v.is_empty() => vec![o],
        (None, v) if !v.is_empty() && v.len() <= crate::scenario::validate::MAX_OPTIONS => v,
        _ => return Err(SHAPE),
    };
    let what = if ask == Ask::Submit {
        SeatDo::Submit(b.decision, picked)
    } else {
        SeatDo::Vote(b.decision, picked)
    };
    Ok((what, b.name))
}

async fn act(sh: &Arc<Shared>, headers: &HeaderMap, body: &[u8], ask: Ask) -> Response {
    let Some((m, cookie)) = member(sh, headers) else {
        return plain(StatusCode::UNAUTHORIZED, "join first");
    };
    let Audience::Team(team) = m.audience else {
        return plain(
            StatusCode::FORBIDDEN,
            "the presenter's screen does not vote",
        );
    };
    if ask != Ask::Vote && !sh.registry().is_lead(m.seat, &m.voter) {
        return plain(
            StatusCode::FORBIDDEN,
            if ask == Ask::Take {
                "only the team's lead takes the team's actions"
            } else {
                "only the team's lead submits the team's choice"
            },
        );
    }
    let json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(';')
                .next()
                .is_some_and(|t| t.trim() == "application/json")
        });
    if !json {
        return plain(StatusCode::UNSUPPORTED_MEDIA_TYPE, "send application/json");
    }
    let (what, name) = match parse(ask, body) {
        Ok(x) => x,
        Err(usage) => return plain(StatusCode::BAD_REQUEST, usage),
    };
    let name = super::clean_name(&name);
    sh.registry().named(&auth::hex(&cookie), &name);
    let action = SeatAction {
        team,
        voter: m.voter.clone(),
        name,
        what,
    };
    let (tx, rx) = tokio::sync::oneshot::channel();
    if sh.tx.try_send(Request::Seat { action, reply: tx }).is_err() {
        return plain(
            StatusCode::SERVICE_UNAVAILABLE,
            "the host is busy: try again",
        );
    }
    match rx.await {
        Ok(Ok(())) => StatusCode::NO_CONTENT.into_response(),
        Ok(Err(Refusal::NotFound)) if ask == Ask::Take => {
            plain(StatusCode::NOT_FOUND, "no such action for your team")
        }
        Ok(Err(Refusal::NotFound)) => {
            plain(StatusCode::NOT_FOUND, "no such open decision for your team")
        }
        Ok(Err(Refusal::Conflict(why))) => {
            plain(StatusCode::CONFLICT, &crate::text::sanitize_line(&why))
        }
        Ok(Err(Refusal::Unsaved(_))) | Err(_) => plain(
            StatusCode::SERVICE_UNAVAILABLE,
            "not saved: the host could not record it; try again",
        ),
    }
}
