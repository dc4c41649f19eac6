/*
 * The stub learning system of the web player's tests: it provides the SCORM API (scorm-again), opens the package's
 * player in a frame, clicks the player's own buttons as a trainee would, and writes what the LMS ended up holding
 * into <pre id="result">. Options: path 'best' or 'worst' (the reply to take, found by its text in the dialogue),
 * leaveAfter N (leave the page after N replies, then open it again with what the LMS kept).
 */
window.addEventListener("error", function (e) {
  var pre = document.createElement("pre");
  pre.id = "result";
  pre.textContent = JSON.stringify({ problem: "script error: " + e.message + " at " + e.filename + ":" + e.lineno, calls: [] });
  if (!document.getElementById("result")) document.body.appendChild(pre);
});
var Harness = (function () {
  var down = false, calls = [], standard, frame, opts, result = {}, dialogue;
  function log(name, el, val) {
    if (down) return;
    var err = standard === "scorm12" ? window.API.LMSGetLastError() : window.API_1484_11.GetLastError();
    calls.push(name + (el ? " " + el + "=" + val : "") + " err=" + err);
  }
  function newApi(cmi) {
    if (standard === "cmi5") return;
    var settings = { autocommit: false, logLevel: 5 };
    if (standard === "scorm12") {
      window.API = new Scorm12API(settings);
      if (cmi) window.API.loadFromJSON(cmi, "cmi");
      // A lost connection: while `down`, the LMS takes nothing in (commit fails, error 101).
      var api12 = window.API, commit = api12.LMSCommit.bind(api12), lastError = api12.LMSGetLastError.bind(api12);
      api12.LMSCommit = function (x) { return down ? "false" : commit(x); };
      api12.LMSGetLastError = function () { return down ? "101" : lastError(); };
      ["LMSInitialize", "LMSSetValue", "LMSCommit", "LMSFinish"].forEach(function (ev) {
        window.API.on(ev, function (el, val) { log(ev, el, val); });
      });
    } else {
      window.API_1484_11 = new Scorm2004API(settings);
      if (cmi) window.API_1484_11.loadFromJSON(cmi, "cmi");
      ["Initialize", "SetValue", "Commit", "Terminate"].forEach(function (ev) {
        window.API_1484_11.on(ev, function (el, val) { log(ev, el, val); });
      });
    }
  }
  function api() { return standard === "scorm12" ? window.API : window.API_1484_11; }
  function get(el) { return standard === "scorm12" ? window.API.LMSGetValue(el) : window.API_1484_11.GetValue(el); }
  function doc() { return frame.contentDocument; }
  /** On screen as the trainee sees it: not hidden, and not drawn away by the style sheet. */
  function visible(id) {
    var e = doc().getElementById(id);
    return !!e && !e.hidden && frame.contentWindow.getComputedStyle(e).display !== "none";
  }
  /** Fails the run when the page shows something the trainee should not see now. */
  function shownWrongly(id) {
    var e = doc().getElementById(id);
    return !!e && e.hidden && frame.contentWindow.getComputedStyle(e).display !== "none";
  }
  function wait(cond, then, tries) {
    tries = tries || 0;
    if (cond()) return then();
    if (tries > 400) return report("timed out waiting in the player: " + (doc() && doc().body ? doc().body.innerText.slice(0, 400) : ""));
    setTimeout(function () { wait(cond, then, tries + 1); }, 25);
  }
  function gradeOf(text) {
    var nodes = dialogue.nodes, best = null;
    Object.keys(nodes).forEach(function (k) {
      (nodes[k].choices || []).forEach(function (c) { if (c.say === text) best = c.grade; });
    });
    return best;
  }
  var rank = { best: 3, good: 2, weak: 1, harmful: 0 };
  function takeReply() {
    var buttons = Array.prototype.slice.call(doc().querySelectorAll("#replies button"));
    buttons.sort(function (a, b) {
      var ga = rank[gradeOf(a.lastChild.textContent)], gb = rank[gradeOf(b.lastChild.textContent)];
      return opts.path === "best" ? gb - ga : ga - gb;
    });
    if (!opts.keys) return buttons[0].click();
    // As a keyboard user: a bare Enter first (it must send nothing), then the reply's number and Enter.
    var sent = function () { return doc().querySelectorAll("#transcript .line.trainee").length; };
    var before = sent();
    key("Enter");
    if (sent() !== before) { result.bareEnterSent = true; }
    key(buttons[0].dataset.position);
    result.numberFocuses = (result.numberFocuses !== false) && doc().activeElement === buttons[0]
      && buttons[0].getAttribute("aria-pressed") === "true";
    key("Enter");
    if (sent() !== before + 1) result.numberEnterFailed = true;
  }
  function key(k) {
    var w = frame.contentWindow;
    doc().activeElement.dispatchEvent(new w.KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
  }
  var replies = 0;
  /** What a screen reader hears (the live region) against the customer's last line on screen. */
  function liveRegionCheck() {
    var lines = doc().querySelectorAll("#transcript .line.customer");
    if (!lines.length) return;
    var last = lines[lines.length - 1].lastChild.textContent;
    var heard = doc().getElementById("say-customer").textContent;
    var live = doc().getElementById("say-customer").getAttribute("aria-live");
    if (heard.indexOf(last) < 0 || live !== "polite") result.liveRegionMissed = (result.liveRegionMissed || 0) + 1;
    result.liveRegionChecked = (result.liveRegionChecked || 0) + 1;
  }
  function step() {
    if (visible("ended-box")) {
      doc().getElementById("to-debrief").click();
      return wait(function () { return visible("debrief"); }, function () { setTimeout(function () { finish(""); }, 50); });
    }
    var wrong = ["ended-box", "continue-box", "replies-box", "debrief", "prebrief"].filter(shownWrongly);
    if (wrong.length) return report("hidden but drawn: " + wrong.join(", "));
    if (visible("continue-box")) { doc().getElementById("continue").click(); return wait(function () { return true; }, step); }
    if (visible("replies-box")) {
      liveRegionCheck();
      if (opts.leaveAfter && replies === opts.leaveAfter && !result.left) return leave();
      if (opts.outageAt && replies === opts.outageAt) down = true;
      if (opts.outageAt && replies === opts.outageAt + 3 && down) {
        var st = doc().getElementById("lms-status");
        result.statusDuringOutage = st.hidden ? "" : st.textContent;
        result.heldDuringOutage = JSON.parse(JSON.stringify(api().cmi)).interactions;
        down = false;
        st.querySelector("button").click();
        return setTimeout(function () { result.statusAfterRetry = st.textContent; step(); }, 20);
      }
      takeReply();
      replies++;
      return setTimeout(step, 10);
    }
    setTimeout(step, 25);
  }
  function leave() {
    result.left = true;
    frame.src = "about:blank";
    wait(function () { return !frame.contentDocument || frame.contentDocument.URL === "about:blank"; }, function () {
      setTimeout(function () {
        var h = held();
        result.exitAtLeave = standard === "scorm12" ? h.core.exit : h.exit;
        result.suspendAtLeave = h.suspend_data;
        var kept = standard === "scorm12"
          ? { core: { entry: "resume" }, suspend_data: result.suspendAtLeave }
          : { entry: "resume", suspend_data: result.suspendAtLeave };
        newApi(kept);
        open(function () {
          result.resumedAt = doc().getElementById("progress").textContent;
          result.repliesShownAfterResume = doc().querySelectorAll("#transcript .line.trainee").length;
          step();
        });
      }, 50);
    });
  }
  function open(then) {
    frame.src = result.url;
    wait(function () { return frame.contentDocument && frame.contentDocument.getElementById("start") && visible("prebrief"); }, function () {
      doc().getElementById("start").click();
      wait(function () { return visible("replies-box"); }, then);
    });
  }
  /** What the LMS holds, read as a whole (scorm-again does not let a page read write-only elements one by one). */
  function held() { return JSON.parse(JSON.stringify(api().cmi)); }
  function finish(problem) {
    if (standard === "cmi5") {
      // Wait until the player says the learning record store has everything (or gives up), then report.
      return wait(function () {
        var st = doc().getElementById("lms-status");
        return st && !st.hidden && (st.className.indexOf("ok") >= 0 && st.textContent.indexOf("result is saved") >= 0);
      }, function () {
        var pre = document.createElement("pre");
        pre.id = "result";
        var back = doc().getElementById("return");
        pre.textContent = JSON.stringify({ problem: problem, status: doc().getElementById("lms-status").textContent,
          returnHref: back && !back.hidden ? back.getAttribute("href") : "", calls: [] });
        document.body.appendChild(pre);
      });
    }
    var a = held();
    if (standard === "scorm12") {
      result.status = a.core.lesson_status;
      result.raw = a.core.score.raw;
      result.min = a.core.score.min;
      result.max = a.core.score.max;
      result.sessionTime = a.core.session_time;
      result.interactions = Object.keys(a.interactions).length;
      result.firstResult = result.interactions ? a.interactions["0"].result : "";
    } else {
      result.completion = a.completion_status;
      result.success = a.success_status;
      result.scaled = a.score.scaled;
      result.raw = a.score.raw;
      result.sessionTime = a.session_time;
      result.interactions = Object.keys(a.interactions).length;
      result.firstResult = result.interactions ? a.interactions["0"].result : "";
    }
    result.liveRegion = { checked: result.liveRegionChecked || 0, missed: result.liveRegionMissed || 0 };
    result.keys = { bareEnterSent: !!result.bareEnterSent, numberFocuses: result.numberFocuses !== false, numberEnterFailed: !!result.numberEnterFailed };
    result.finished = calls.some(function (c) { return c.indexOf("LMSFinish") === 0 || c.indexOf("Terminate") === 0; });
    var status = doc() && doc().getElementById("lms-status");
    result.problem = problem || (status && !status.hidden && status.className.indexOf("ok") < 0 ? status.textContent : "");
    result.calls = calls;
    var pre = document.createElement("pre");
    pre.id = "result";
    pre.textContent = JSON.stringify(result);
    document.body.appendChild(pre);
  }
  function report(problem) {
    var pre = document.createElement("pre");
    pre.id = "result";
    pre.textContent = JSON.stringify({ problem: problem, calls: calls });
    if (!document.getElementById("result")) document.body.appendChild(pre);
  }
  return {
    run: function (std, url, options) {
      standard = std; opts = options; result.url = url;
      var x = new XMLHttpRequest();
      x.open("GET", "../pkg/content/dialogues/" + new URLSearchParams(url.split("?")[1]).get("d") + ".js", false);
      x.send();
      var window_ = {}; (new Function("window", x.responseText))(window_);
      dialogue = JSON.parse(window_.RAPPORT_DIALOGUE);
      newApi(null);
      frame = document.createElement("iframe");
      frame.style.width = "1000px"; frame.style.height = "700px";
      document.body.appendChild(frame);
      open(step);
    }
  };
})();
