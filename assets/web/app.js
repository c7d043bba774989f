// Downtime seat page. No build step, no framework, no network but this host.
// Every string from the host is put in the page as text (textContent), never as HTML.
"use strict";
(function () {
  var state = null, received = 0, busy = false;
  // Options ticked on decisions with `pick`, by decision key, until they make a vote.
  var drafts = {};
  var $ = function (id) { return document.getElementById(id); };
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); }
  // The interface's words, in the seat's language: the host puts its seat catalogue in
  // the page (key -> text with {name} for a variable, or plural forms by category).
  var T = {};
  try { T = JSON.parse($("strings").textContent) || {}; } catch (e) { T = {}; }
  var plurals = null;
  try { plurals = new Intl.PluralRules(document.documentElement.lang || "en"); } catch (e) { plurals = null; }
  function t(key, args) {
    var m = Object.prototype.hasOwnProperty.call(T, key) ? T[key] : key;
    if (m && typeof m === "object") {
      var n = args ? Number(args.n) : 0;
      var cat = plurals ? plurals.select(n) : (n === 1 ? "one" : "other");
      var f = m["=" + n];
      if (typeof f !== "string") f = m[cat];
      if (typeof f !== "string") f = m[m["*"]];
      m = typeof f === "string" ? f : key;
    }
    // One pass: what is filled in is never read again for variables.
    return String(m).replace(/\{([A-Za-z0-9_-]+)\}/g, function (all, name) {
      return args && Object.prototype.hasOwnProperty.call(args, name) ? String(args[name]) : all;
    });
  }
  function pickWords(p) {
    return p.min === p.max ? t("pick-exactly", { n: p.min }) : t("pick-range", { min: p.min, max: p.max });
  }
  function say(msg) { $("status").textContent = msg; }
  var nameBox = $("name");
  try { nameBox.value = localStorage.getItem("downtime-name") || ""; } catch (e) {}
  nameBox.addEventListener("change", function () {
    try { localStorage.setItem("downtime-name", nameBox.value); } catch (e) {}
  });
  function seen() {
    try { return JSON.parse(localStorage.getItem("downtime-seen") || "{}"); } catch (e) { return {}; }
  }
  function markSeen(key) {
    var s = seen(); s[key] = 1;
    try { localStorage.setItem("downtime-seen", JSON.stringify(s)); } catch (e) {}
  }
  function mmss(ms) {
    if (ms < 0) ms = 0;
    var s = Math.ceil(ms / 1000), m = Math.floor(s / 60);
    s = s % 60;
    return m + ":" + (s < 10 ? "0" : "") + s;
  }
  function post(path, body) {
    if (busy) return;
    busy = true;
    var x = new XMLHttpRequest();
    x.open("POST", path);
    x.setRequestHeader("Content-Type", "application/json");
    x.onload = function () {
      busy = false;
      if (x.status >= 200 && x.status < 300) {
        say(path === "/api/submit" ? t("seat-choice-in") : path === "/api/take" ? t("seat-action-done") : t("seat-vote-recorded"));
      }
      else if (x.status === 401 || x.status === 403) { say(t("seat-web-not-joined")); }
      else if (x.status === 429) { say(t("seat-web-too-many-tries")); }
      else if (x.status === 404) { say(path === "/api/take" ? t("seat-action-not-open") : t("seat-decision-closed")); }
      else if (x.status === 503) { say(t("seat-not-saved")); }
      else if (x.status === 409 && x.responseText) { say(t("seat-refused", { why: x.responseText })); }
      else { say(t("seat-web-not-done")); }
    };
    x.onerror = function () { busy = false; say(t("seat-web-offline")); };
    x.send(JSON.stringify(body));
  }
  function render() {
    if (!state) return;
    var v = state.view, me = state.me || {};
    var team = v.audience === "team";
    document.title = (v.team || t("seat-presenter")) + " — " + v.title;
    $("title").textContent = v.title;
    $("who").textContent = team ? v.team : t("seat-presenter");
    var stage = { briefing: t("seat-stage-briefing"), running: "", paused: t("seat-stage-paused"),
      phase_break: t("seat-stage-break"), ended: t("seat-stage-ended") }[v.stage] || "";
    $("clock").textContent = t("seat-clock", { offset: v.clock.offset, time: v.clock.time,
      phase: v.clock.phase, phases: v.clock.phases, title: v.clock.phase_title }) + (stage ? " · " + stage : "");
    $("namebox").hidden = !team;
    $("decisions-h").textContent = team ? t("seat-web-team-decision") : t("seat-open-decisions");
    // Ending and briefing.
    $("ending").hidden = !v.ending;
    if (v.ending) {
      var eb = $("ending-body"); clear(eb);
      eb.appendChild(el("h3", null, v.ending.title));
      eb.appendChild(el("p", "body", v.ending.debrief));
    }
    // What the facilitator pinned on every screen (only what this seat may see).
    $("pinned").hidden = !v.pinned;
    if (v.pinned) {
      var pb = $("pinned-body"); clear(pb);
      pb.appendChild(el("h3", null, v.pinned.title));
      if (v.pinned.body) pb.appendChild(el("p", "body", v.pinned.body));
      if (v.pinned.questions.length) {
        var pq = el("ul"); v.pinned.questions.forEach(function (x) { pq.appendChild(el("li", null, x)); });
        pb.appendChild(pq);
      }
    }
    $("briefing").hidden = !(v.briefing && v.stage === "phase_break");
    if (v.briefing) {
      var bb = $("briefing-body"); clear(bb);
      bb.appendChild(el("h3", null, v.briefing.title));
      bb.appendChild(el("p", "body", v.briefing.briefing));
      if (v.briefing.questions.length) {
        var q = el("ul"); v.briefing.questions.forEach(function (x) { q.appendChild(el("li", null, x)); });
        bb.appendChild(q);
      }
    }
    // Decisions.
    var dl = $("decision-list"); clear(dl);
    if (!v.decisions.length) dl.appendChild(el("p", "empty", team ? t("seat-no-decision-team") : t("seat-no-decision")));
    v.decisions.forEach(function (d) {
      var box = el("div", "decision");
      var pid = "prompt-" + d.key;
      var p = el("p", "prompt", d.prompt); p.id = pid; box.appendChild(p);
      if (!team) box.appendChild(el("p", "meta", d.team));
      if (d.real_left_ms !== null && d.real_left_ms !== undefined) {
        var c = el("p", "countdown"); c.setAttribute("data-left", String(d.real_left_ms));
        c.textContent = t("seat-time-left", { left: mmss(d.real_left_ms) }); box.appendChild(c);
      }
      var mine = me.votes ? me.votes[String(d.key)] : undefined;
      // Several answers (`pick`): options are ticked; the ticked ones are the member's vote
      // as soon as their number fits.
      var ticked = null;
      if (d.pick) {
        ticked = drafts[d.key] || (mine === undefined ? [] : [].concat(mine));
        box.appendChild(el("p", "meta", t("seat-web-several", { pick: pickWords(d.pick) })));
      }
      var ul = el("ul", "options"); ul.setAttribute("aria-labelledby", pid);
      d.options.forEach(function (o) {
        var li = el("li");
        var label = o.number + ". " + o.label + (o.available ? "" : " " + t("seat-not-available"));
        var tally = t("seat-votes", { n: o.votes }) + (o.voters && o.voters.length ? ": " + o.voters.join(", ") : "");
        if (team) {
          var on = ticked ? ticked.indexOf(o.key) >= 0 : mine === o.key;
          var b = el("button", null, (ticked ? (on ? "☑ " : "☐ ") : "") + label);
          b.type = "button";
          b.disabled = !o.available;
          b.setAttribute("aria-pressed", on ? "true" : "false");
          b.appendChild(el("span", "tally", tally));
          b.addEventListener("click", function () {
            if (!ticked) {
              post("/api/vote", { decision: d.key, option: o.key, name: nameBox.value.slice(0, 40) });
              return;
            }
            var next = ticked.filter(function (k) { return k !== o.key; });
            if (next.length === ticked.length) next.push(o.key);
            next.sort(function (a, b) { return a - b; });
            drafts[d.key] = next;
            if (next.length >= d.pick.min && next.length <= d.pick.max) {
              post("/api/vote", { decision: d.key, options: next, name: nameBox.value.slice(0, 40) });
            } else {
              say(t("seat-ticked", { n: next.length, pick: pickWords(d.pick) }));
              render();
            }
          });
          li.appendChild(b);
        } else {
          li.appendChild(el("span", null, label));
          li.appendChild(el("span", "tally", tally));
        }
        ul.appendChild(li);
      });
      box.appendChild(ul);
      if (team && me.lead) {
        var lead = el("div", "lead");
        lead.appendChild(el("p", null, t("seat-web-lead")));
        var best = null;
        d.options.forEach(function (o) { if (o.available && (best === null || o.votes > best.votes)) best = o; });
        var pick = mine !== undefined ? d.options.filter(function (o) { return o.key === mine; })[0] : best;
        if (d.pick) {
          // The lead submits their own vote: the options they ticked.
          var keys = mine === undefined ? [] : [].concat(mine);
          var chosen = d.options.filter(function (o) { return keys.indexOf(o.key) >= 0; });
          pick = null;
          if (chosen.length) {
            var words = chosen.map(function (o) { return o.number + ". " + o.label; }).join(" + ");
            var sm = el("button", "primary", t("seat-web-submit", { choice: words }));
            sm.type = "button";
            sm.addEventListener("click", function () {
              if (window.confirm(t("seat-web-confirm-submit", { choice: words }))) {
                post("/api/submit", { decision: d.key, options: keys, name: nameBox.value.slice(0, 40) });
              }
            });
            lead.appendChild(sm);
          } else {
            lead.appendChild(el("p", "meta", t("seat-web-tick-first")));
          }
        }
        if (pick) {
          var s = el("button", "primary", t("seat-web-submit", { choice: pick.number + ". " + pick.label }));
          s.type = "button";
          s.addEventListener("click", function () {
            if (window.confirm(t("seat-web-confirm-submit", { choice: pick.label }))) {
              post("/api/submit", { decision: d.key, option: pick.key, name: nameBox.value.slice(0, 40) });
            }
          });
          lead.appendChild(s);
          lead.appendChild(el("p", "meta", t("seat-web-vote-other")));
        }
        box.appendChild(lead);
      }
      dl.appendChild(box);
    });
    // Actions the team may take at any time: the lead takes them, the others see them.
    var acts = v.actions || [], al = $("action-list"); clear(al);
    $("actions").hidden = !(team && acts.length);
    $("actions-note").hidden = !!me.lead;
    acts.forEach(function (a) {
      var li = el("li");
      var facts = [];
      if (a.uses) facts.push(t("seat-taken-times", { n: a.uses }));
      if (a.max_uses) facts.push(t("seat-web-at-most", { n: a.max_uses }));
      if (a.max_uses && a.uses >= a.max_uses) facts.push(t("seat-web-none-left"));
      else if (a.ready_in) facts.push(t("seat-web-again-in", { n: Math.ceil(a.ready_in / 60) }));
      else if (!a.available) facts.push(t("seat-web-not-available-now"));
      if (me.lead) {
        var b = el("button", null, a.label);
        b.type = "button";
        b.disabled = !a.available;
        b.appendChild(el("span", "tally", facts.join(" · ")));
        b.addEventListener("click", function () {
          if (window.confirm(t("seat-web-confirm-take", { action: a.label }))) {
            post("/api/take", { action: a.key, name: nameBox.value.slice(0, 40) });
          }
        });
        li.appendChild(b);
      } else {
        li.appendChild(el("span", "label", a.label));
        li.appendChild(el("span", "tally", facts.join(" · ")));
      }
      if (a.description) li.appendChild(el("p", "meta", a.description));
      al.appendChild(li);
    });
    // Inbox, newest first, unread marked.
    var ib = $("inbox"); clear(ib);
    var s = seen(), unread = 0, prefix = (v.team || "presenter") + ":";
    v.inbox.forEach(function (m) {
      var key = prefix + m.seq + ":" + m.title;
      var li = el("li"), det = el("details"), sum = el("summary");
      var isNew = !s[key];
      if (isNew) { unread++; sum.appendChild(el("span", "new", t("seat-web-new") + " ")); }
      sum.appendChild(el("strong", null, m.title));
      sum.appendChild(el("span", "meta", " · " + m.offset + (m.sender ? " · " + m.sender : "") + " · " + m.channel + " · " + m.severity));
      det.appendChild(sum);
      det.appendChild(el("p", "body", m.body));
      if (m.attachment) {
        var a = el("details", "attachment");
        a.appendChild(el("summary", null, t("seat-attachment", { name: m.attachment[0] })));
        a.appendChild(el("pre", null, m.attachment[1]));
        det.appendChild(a);
      }
      if (m.questions.length) {
        var q = el("ul"); m.questions.forEach(function (x) { q.appendChild(el("li", null, x)); });
        det.appendChild(q);
      }
      det.addEventListener("toggle", function () {
        if (det.open) { markSeen(key); var n = sum.querySelector(".new"); if (n) n.remove(); countUnread(); }
      });
      li.appendChild(det); ib.appendChild(li);
    });
    if (!v.inbox.length) ib.appendChild(el("li", "empty", t("seat-no-message")));
    showUnread(unread);
    // Taken decisions, deadlines, board.
    var tk = $("taken"); clear(tk);
    v.taken.forEach(function (x) {
      tk.appendChild(el("li", null, x.offset + " " + (team ? "" : x.team + ": ") + x.prompt + " → " + x.option + (x.timeout ? " " + t("seat-timed-out") : "")));
    });
    if (!v.taken.length) tk.appendChild(el("li", "empty", t("seat-web-none-yet")));
    var dd = $("deadlines"); clear(dd);
    v.deadlines.forEach(function (d) { dd.appendChild(el("li", null, t("seat-web-deadline-left", { label: d.label, n: Math.max(0, Math.round(d.left / 60)) }))); });
    var bd = $("board"); clear(bd);
    v.board.systems.forEach(function (x) { bd.appendChild(el("li", null, t("seat-web-item", { name: x[0], value: x[1] }))); });
    v.board.services.forEach(function (x) { bd.appendChild(el("li", null, t("seat-web-capacity", { name: x[0], n: Math.round(x[1]) }))); });
  }
  function countUnread() { showUnread(document.querySelectorAll("#inbox .new").length); }
  function showUnread(n) { var u = $("unread"); u.hidden = n === 0; u.textContent = n ? t("seat-web-unread", { n: n }) : ""; }
  // Countdowns tick locally between updates.
  setInterval(function () {
    var gone = Date.now() - received;
    document.querySelectorAll(".countdown").forEach(function (c) {
      c.textContent = t("seat-time-left", { left: mmss(Number(c.getAttribute("data-left")) - gone) });
    });
  }, 1000);
  function apply(text) {
    try { state = JSON.parse(text); } catch (e) { return; }
    received = Date.now();
    var focused = document.activeElement && document.activeElement.id;
    render();
    if (focused) { var f = $(focused); if (f) f.focus(); }
  }
  function fetchView() {
    var x = new XMLHttpRequest(); x.open("GET", "/api/view");
    x.onload = function () { if (x.status === 200) apply(x.responseText); };
    x.send();
  }
  // The first view at once; live updates once the page has loaded (a stream opened before
  // would keep the page "loading" for as long as it lasts).
  fetchView();
  window.addEventListener("load", function () {
    setTimeout(function () {
      if (window.EventSource) {
        var es = new EventSource("/api/events");
        es.onmessage = function (e) { say(""); apply(e.data); };
        es.onerror = function () { say(t("seat-web-lost")); };
      } else {
        setInterval(fetchView, 1000);
      }
    }, 0);
  });
  $("plain").textContent = location.protocol === "https:" ? "" : t("seat-web-plain");
}());
