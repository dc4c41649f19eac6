/*
 * The page: pre-brief, conversation, debrief. Every rule of the conversation lives in the engine (engine.js, the
 * desktop's own Java engine compiled to JavaScript); this file only shows what it returns and passes on what the
 * trainee does. A reply is sent by its number then Enter, or by a click; a bare Enter never sends one.
 */
(function () {
  "use strict";
  var E = window.RapportEngine;
  var pkg = window.RAPPORT_PACKAGE || { standard: "none", mastery: null, mode: "practice", dialogues: {} };
  var params = new URLSearchParams(location.search);
  var $ = function (id) { return document.getElementById(id); };
  var lms, about, mode, mastery = null, selected = -1, offeredAt = 0, sessionStart = Date.now(), finished = false;
  var retryTimer = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function show(id, on) { $(id).hidden = !on; }
  function parse(s) { var o = JSON.parse(s); if (o && o.error) throw new Error(o.error); return o; }
  function problem(text) {
    show("loading", false); show("prebrief", false); show("conversation", false);
    $("problem-text").textContent = text;
    show("problem", true);
  }

  /** The dialogue's file arrives as a script (content/dialogues/ID.js), so the page works from any web server or disk. */
  function loadDialogue(id) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = "../content/dialogues/" + encodeURIComponent(id) + ".js";
      s.onload = function () { resolve(window.RAPPORT_DIALOGUE); };
      s.onerror = function () { reject(new Error("The package has no conversation called \"" + id + "\".")); };
      document.head.appendChild(s);
    });
  }

  /* ---------- the learning system's status line ---------- */
  function lmsStatus() {
    var box = $("lms-status");
    if (!lms || !lms.name) { box.hidden = true; return; }
    box.textContent = "";
    box.hidden = false;
    var waiting = lms.waiting();
    if (lms.problem && waiting) {
      box.className = "lms-status";
      box.appendChild(document.createTextNode(lms.problem + ". Your " + waiting + " unsent "
        + (waiting === 1 ? "item is" : "items are") + " kept in this page and will be sent when the learning system answers; keep this page open. "));
      var b = el("button", "", "Try again");
      b.type = "button";
      b.addEventListener("click", retry);
      box.appendChild(b);
      if (!retryTimer) retryTimer = setInterval(retry, 15000);
    } else if (lms.problem) {
      box.className = "lms-status";
      box.textContent = lms.problem + ".";
    } else {
      box.className = "lms-status ok";
      box.textContent = finished ? "Your result is saved in the learning system (" + lms.name + ")."
        : "Your progress is saved in the learning system (" + lms.name + ") after every reply.";
      if (retryTimer) { clearInterval(retryTimer); retryTimer = null; }
    }
  }
  function retry() { Promise.resolve(lms.retry()).then(lmsStatus); }

  /* ---------- pre-brief ---------- */
  function prebrief(resumed) {
    $("title").textContent = about.title;
    document.title = about.title + " - Rapport";
    $("subtitle").textContent = about.customer + (about.setting ? " · " + about.setting : "");
    $("pb-summary").textContent = about.summary || "";
    $("pb-setting").textContent = about.minutes ? "About " + about.minutes + " minutes · " + about.decisions + " decision points in the file." : "";
    $("pb-customer").textContent = about.customer + (about.persona ? ": " + about.persona : "")
      + " At the start the customer is " + about.startMoodWords + ".";
    var lists = $("pb-lists");
    lists.textContent = "";
    [["Aim to", about.objectives], ["You may", about.mayDo], ["You may not", about.mayNotDo]].forEach(function (l) {
      if (!l[1] || !l[1].length) return;
      var d = el("div");
      d.appendChild(el("h3", "", l[0]));
      var ul = el("ul");
      l[1].forEach(function (t) { ul.appendChild(el("li", "", t)); });
      d.appendChild(ul);
      lists.appendChild(d);
    });
    $("pb-mode").textContent = mode === "assessment"
      ? "Assessment: you see how each reply landed in the debrief at the end."
      : "Practice: after each reply you see how it landed and why, before the conversation goes on.";
    show("pb-resume", resumed);
    $("start").textContent = resumed ? "Go on with the conversation" : "Start the conversation";
    show("loading", false);
    show("prebrief", true);
    $("start").focus({ preventScroll: true });
  }

  /* ---------- conversation ---------- */
  function header(v) {
    $("progress").textContent = v.ended ? "The conversation has ended"
      : "Decision " + v.decisionNumber + " of about " + v.expected + " · " + (mode === "assessment" ? "Assessment" : "Practice");
    show("mood-box", true);
    $("mood-words").textContent = v.moodWords + " (" + (v.mood > 0 ? "+" : "") + v.mood + ")";
    $("mood-meter").value = v.mood;
  }
  function customerLine(v) {
    var li = el("li", "line customer");
    li.appendChild(el("span", "who", about.customer + (v.emotion ? " (" + v.emotion + ")" : "")));
    li.appendChild(el("span", "", v.say));
    $("transcript").appendChild(li);
    // The live region makes a screen reader read the customer's new line.
    $("say-customer").textContent = about.customer + " says: " + v.say;
  }
  function traineeLine(step) {
    var li = el("li", "line trainee");
    li.appendChild(el("span", "who", "You"));
    li.appendChild(el("span", "", step.say));
    $("transcript").appendChild(li);
  }
  function feedback(step) {
    var li = el("li", "feedback " + step.grade);
    var top = el("p");
    top.appendChild(el("strong", "", "How it landed: "));
    top.appendChild(el("span", "grade " + step.grade, step.grade));
    li.appendChild(top);
    li.appendChild(el("p", "", step.why));
    tags(li, step.uses, step.pitfalls);
    if (step.better) {
      var b = el("p", "better");
      b.appendChild(el("strong", "", "A better reply: "));
      b.appendChild(document.createTextNode(step.better));
      li.appendChild(b);
    }
    $("transcript").appendChild(li);
    return li;
  }
  function tags(parent, uses, pitfalls) {
    if (!uses.length && !pitfalls.length) return;
    var ul = el("ul", "tags");
    ul.setAttribute("aria-label", "Techniques and pitfalls");
    uses.forEach(function (u) { ul.appendChild(el("li", "", "Uses: " + u.name)); });
    pitfalls.forEach(function (p) { ul.appendChild(el("li", "pitfall", "Pitfall: " + p.name)); });
    parent.appendChild(ul);
  }
  function offer(v) {
    var ol = $("replies");
    ol.textContent = "";
    selected = -1;
    v.offered.forEach(function (o) {
      var li = el("li");
      var b = el("button");
      b.type = "button";
      b.setAttribute("aria-pressed", "false");
      b.dataset.position = o.position;
      b.appendChild(el("span", "num", o.position + "."));
      b.appendChild(el("span", "", o.say));
      b.addEventListener("click", function () { send(o.position); });
      li.appendChild(b);
      ol.appendChild(li);
    });
    show("replies-box", v.offered.length > 0);
    offeredAt = Date.now();
  }
  function select(position) {
    var buttons = $("replies").querySelectorAll("button");
    if (position < 1 || position > buttons.length) return;
    selected = position;
    buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(Number(b.dataset.position) === position)); });
    buttons[position - 1].focus();
  }
  function arrive(v) {
    header(v);
    customerLine(v);
    if (v.ended) {
      var li = el("li", "line ending");
      li.appendChild(el("strong", "", v.ending.title));
      li.appendChild(el("p", "", v.ending.summary));
      $("transcript").appendChild(li);
      show("replies-box", false);
      show("ended-box", true);
      finish();
      $("to-debrief").focus();
    } else {
      offer(v);
    }
  }
  function send(position) {
    if ($("replies-box").hidden) return;
    var millis = Math.min(Date.now() - offeredAt, 2147483647);
    var r = parse(E.choose(position, millis));
    show("replies-box", false);
    traineeLine(r.step);
    Promise.resolve(lms.decision(r.step, E.suspendData(), new Date())).then(lmsStatus);
    if (mode !== "assessment") {
      var fb = feedback(r.step);
      if (!r.view.ended) {
        // The feedback is read first: the next line and replies wait for Continue (Enter or Space on it).
        show("continue-box", true);
        $("continue").onclick = function () { show("continue-box", false); arrive(r.view); };
        $("continue").focus();
        fb.scrollIntoView({ block: "nearest" });
        return;
      }
    }
    arrive(r.view);
  }
  document.addEventListener("keydown", function (e) {
    if ($("replies-box").hidden || e.altKey || e.ctrlKey || e.metaKey) return;
    if (/^[1-9]$/.test(e.key)) { select(Number(e.key)); e.preventDefault(); return; }
    if (e.key === "Enter" && selected > 0) {
      // Only a reply chosen by its number is sent by Enter; Enter on a focused reply button clicks it as usual.
      var active = document.activeElement;
      if (active && active.dataset && Number(active.dataset.position) === selected) { e.preventDefault(); send(selected); }
    }
  });

  /* ---------- the end ---------- */
  function result() {
    var d = parse(E.debrief());
    var percent = d.report.score.percent;
    return { debrief: d, percent: percent, mastery: mastery, passed: mastery !== null && percent >= Math.round(mastery * 100),
      sessionMillis: Date.now() - sessionStart };
  }
  function finish() {
    if (finished) return;
    finished = true;
    var r = result();
    Promise.resolve(lms.finish(r)).then(lmsStatus);
  }
  function debrief() {
    var r = result(), d = r.debrief, rep = d.report, names = d.names;
    show("conversation", false);
    show("debrief", true);
    $("progress").textContent = "Debrief";
    $("db-score").textContent = "Score: " + rep.score.percent + "% (" + rep.score.points + " of " + rep.score.max + " points)";
    $("db-pass").textContent = r.mastery === null ? ""
      : (r.passed ? "Passed: the pass mark is " : "Not passed yet: the pass mark is ") + Math.round(r.mastery * 100) + "%.";
    $("db-ending").textContent = rep.ending ? "Ending: " + rep.ending.title + ". " + rep.ending.summary : "";
    $("db-recovery").textContent = rep.ending && rep.ending.recoveryNote ? rep.ending.recoveryNote : "";
    var tech = $("db-techniques");
    tech.textContent = "";
    if (rep.score.techniques.length) {
      var t = el("table");
      var cap = el("caption", "", "By technique");
      t.appendChild(cap);
      var head = el("tr");
      ["Technique", "Points", "Score"].forEach(function (h) { var th = el("th", "", h); th.scope = "col"; head.appendChild(th); });
      t.appendChild(head);
      rep.score.techniques.forEach(function (s) {
        var tr = el("tr");
        var th = el("th", "", s.name); th.scope = "row"; tr.appendChild(th);
        tr.appendChild(el("td", "", s.points + " of " + s.max));
        tr.appendChild(el("td", "", s.percent + "%"));
        t.appendChild(tr);
      });
      tech.appendChild(t);
    }
    $("db-missed").textContent = rep.missedSteps.length
      ? "Steps you did not show: " + rep.missedSteps.map(function (m) { return m.name; }).join(", ") + "." : "";
    var ol = $("db-decisions");
    ol.textContent = "";
    rep.decisions.forEach(function (x) {
      var li = el("li");
      li.appendChild(el("p", "said", about.customer + ": " + x.customerSaid));
      if (x.tests.length) li.appendChild(el("p", "muted", "Tests: " + x.tests.map(function (id) { return names[id] || id; }).join(", ")));
      var you = el("p", "said");
      you.appendChild(el("strong", "", "You said: "));
      you.appendChild(document.createTextNode(x.chosen.say + " "));
      you.appendChild(el("span", "grade " + x.chosen.grade, x.chosen.grade));
      li.appendChild(you);
      li.appendChild(el("p", "", x.chosen.why));
      tags(li, x.chosen.uses.map(function (id) { return { name: names[id] || id }; }),
        x.chosen.pitfalls.map(function (id) { return { name: names[id] || id }; }));
      x.orderNotes.forEach(function (n) { li.appendChild(el("p", "muted", n)); });
      if (x.better) {
        var b = el("p", "better");
        b.appendChild(el("strong", "", "A better reply: "));
        b.appendChild(document.createTextNode(x.better.say + " "));
        b.appendChild(el("span", "muted", "(" + x.better.why + ")"));
        li.appendChild(b);
      }
      li.appendChild(el("p", "muted", "Mood " + x.moodBefore + " → " + x.moodAfter));
      ol.appendChild(li);
    });
    $("debrief-title").focus();
  }
  $("debrief-title").tabIndex = -1;
  $("to-debrief").addEventListener("click", debrief);
  $("print").addEventListener("click", function () { window.print(); });

  function leave() {
    if (finished || !lms) return;
    lms.leave(Date.now() - sessionStart);
  }
  window.addEventListener("pagehide", leave);
  window.addEventListener("beforeunload", function (e) {
    if (lms && lms.waiting() > 0) { e.preventDefault(); e.returnValue = ""; }
  });

  /* ---------- start ---------- */
  function boot() {
    var id = params.get("d") || Object.keys(pkg.dialogues || {})[0];
    if (!E || !E.open) return problem("The player's engine did not load (player/engine.js).");
    if (!id) return problem("This page was opened without naming a conversation.");
    loadDialogue(id).then(function (text) {
      var opened = parse(E.open(text, window.RAPPORT_CATALOG || ""));
      if (!opened.ok) {
        return problem("The conversation file has problems: " + opened.problems.map(function (p) {
          return (p.line ? "line " + p.line + ", column " + p.column + ": " : "") + p.message; }).join(" "));
      }
      about = opened.dialogue;
      mode = pkg.mode === "assessment" ? "assessment" : "practice";
      pkg.dialogueIri = (pkg.base || "").replace(/\/?$/, "/") + "dialogues/" + encodeURIComponent(about.id);
      lms = window.RapportLms.connect(pkg, params);
      return Promise.resolve(lms.start()).then(function (s) {
        mastery = s.mastery !== null && s.mastery !== undefined ? s.mastery : (typeof pkg.mastery === "number" ? pkg.mastery : null);
        if (s.returnUrl) {
          // cmi5: the LMS's page to go back to once the trainee is done (shown with the debrief)
          $("return").href = s.returnUrl;
          $("return").hidden = false;
        }
        var resumed = false;
        if (s.resume) {
          var v = JSON.parse(E.resume(s.resume));
          resumed = !v.error;
          if (resumed) mode = v.mode;
        }
        if (!resumed) parse(E.start(Math.floor(Math.random() * 2147483647), mode));
        lmsStatus();
        prebrief(resumed);
      });
    }).catch(function (e) { problem(e.message); });
  }
  $("start").addEventListener("click", function () {
    show("prebrief", false);
    show("conversation", true);
    replayTranscript();
  });
  /** Shows the conversation so far (after a resume, every earlier line and reply), then the customer's line. */
  function replayTranscript() {
    var d = parse(E.debrief());
    d.report.decisions.forEach(function (x) {
      var li = el("li", "line customer");
      li.appendChild(el("span", "who", about.customer));
      li.appendChild(el("span", "", x.customerSaid));
      $("transcript").appendChild(li);
      traineeLine({ say: x.chosen.say });
    });
    arrive(parse(E.view()));
  }
  window.rapportPlayer = { send: send, select: select };
  boot();
})();
