/*
 * What the learning system hears: one adapter per standard (SCORM 1.2, SCORM 2004 4th edition, cmi5), and one for a
 * page opened on its own (nothing is sent). Each adapter checks every call; when the LMS stops answering, what it has
 * not taken stays in the page and is sent again (every 15 s, and when the trainee presses "Try again").
 */
(function () {
  "use strict";

  function pad(n, w) { n = String(n); while (n.length < w) n = "0" + n; return n; }

  /** SCORM 1.2 CMITimespan: HHHH:MM:SS.SS */
  function timespan12(ms) {
    var cs = Math.round(Math.max(0, ms) / 10), h = Math.floor(cs / 360000), m = Math.floor(cs / 6000) % 60,
        s = Math.floor(cs / 100) % 60, c = cs % 100;
    return pad(Math.min(h, 9999), 4) + ":" + pad(m, 2) + ":" + pad(s, 2) + "." + pad(c, 2);
  }
  /** ISO 8601 duration, as SCORM 2004 and xAPI want it: PT1H2M3.45S */
  function isoDuration(ms) {
    var cs = Math.round(Math.max(0, ms) / 10), h = Math.floor(cs / 360000), m = Math.floor(cs / 6000) % 60,
        s = (cs % 6000) / 100;
    return "PT" + (h ? h + "H" : "") + (m ? m + "M" : "") + s.toFixed(2).replace(/\.?0+$/, "") + "S";
  }
  function clock12(d) { return pad(d.getHours(), 2) + ":" + pad(d.getMinutes(), 2) + ":" + pad(d.getSeconds(), 2); }
  function timestamp2004(d) {
    return d.getFullYear() + "-" + pad(d.getMonth() + 1, 2) + "-" + pad(d.getDate(), 2) + "T" + clock12(d);
  }
  /** A node id as a SCORM identifier: letters, digits and - _ . only. */
  function ident(s) { return String(s).replace(/[^A-Za-z0-9_.-]/g, "_").slice(0, 250) || "node"; }
  function uuid() {
    var b = new Uint8Array(16);
    (window.crypto || window.msCrypto).getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40; b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return pad(x.toString(16), 2); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  /** The API object of the LMS: the nearest window up the frames, then the opener's, as the SCORM books say. */
  function findApi(name) {
    function up(w) {
      for (var i = 0; w && i < 12; i++) {
        try { if (w[name]) return w[name]; } catch (e) { return null; }
        if (w.parent === w) break;
        w = w.parent;
      }
      return null;
    }
    var api = up(window);
    if (!api && window.opener) { try { api = up(window.opener); } catch (e) { api = null; } }
    return api;
  }

  /* ---------- SCORM (1.2 and 2004 share the queue; the names and words differ) ---------- */
  function Scorm(api, v12) {
    var self = this, pending = [], interactions = 0, finished = false;
    var call = v12
      ? { init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue", commit: "LMSCommit", finish: "LMSFinish", err: "LMSGetLastError", text: "LMSGetErrorString" }
      : { init: "Initialize", get: "GetValue", set: "SetValue", commit: "Commit", finish: "Terminate", err: "GetLastError", text: "GetErrorString" };
    this.name = v12 ? "SCORM 1.2" : "SCORM 2004";
    this.problem = null;

    function lastError() {
      try { return String(api[call.err]()); } catch (e) { return "101"; }
    }
    function fail(what) {
      var code = lastError();
      var text = "";
      try { text = api[call.text](code); } catch (e) { text = ""; }
      self.problem = what + " (error " + code + (text ? ": " + text : "") + ")";
      return false;
    }
    function get(el) {
      try {
        var v = api[call.get](el);
        var code = lastError();
        return code === "0" ? String(v) : "";
      } catch (e) { return ""; }
    }
    /** Sends what is waiting, in order; stops at the first refusal and keeps the rest. */
    function flush() {
      while (pending.length) {
        var p = pending[0];
        var ok;
        try {
          if (p[0] === "commit") ok = String(api[call.commit]("")) === "true" && lastError() === "0";
          else if (p[0] === "finish") { ok = String(api[call.finish]("")) === "true"; if (ok) finished = true; }
          else ok = String(api[call.set](p[0], String(p[1]))) === "true" && lastError() === "0";
        } catch (e) { ok = false; }
        if (!ok) {
          if (p[0] !== "commit" && p[0] !== "finish" && lastError() !== "0" && lastError() !== "101" && lastError() !== "301" && lastError() !== "391") {
            // The LMS refused this value (not a lost connection): say so and go on, it will never be taken.
            fail("The learning system refused " + p[0]);
            pending.shift();
            continue;
          }
          return fail("The learning system did not take " + (p[0] === "commit" ? "the save" : p[0]));
        }
        pending.shift();
      }
      self.problem = null;
      return true;
    }
    function queue(el, value) { if (!finished) pending.push([el, value]); }
    this.waiting = function () { return pending.length; };
    this.retry = flush;

    this.start = function () {
      var ok;
      try { ok = String(api[call.init]("")) === "true"; } catch (e) { ok = false; }
      if (!ok) { fail("The learning system did not start this attempt"); return { resume: "", mastery: null }; }
      var entry = get(v12 ? "cmi.core.entry" : "cmi.entry");
      var mastery = v12 ? get("cmi.student_data.mastery_score") : get("cmi.scaled_passing_score");
      var m = mastery === "" ? null : Number(mastery);
      if (m !== null && v12) m = m / 100;
      var status = get(v12 ? "cmi.core.lesson_status" : "cmi.completion_status");
      if (status === "not attempted" || status === "unknown" || status === "") {
        queue(v12 ? "cmi.core.lesson_status" : "cmi.completion_status", "incomplete");
      }
      interactions = Number(get("cmi.interactions._count")) || 0;
      return { resume: entry === "resume" ? get("cmi.suspend_data") : "", mastery: isFinite(m) ? m : null };
    };
    /** One decision: an interaction, where the trainee is, and the data to resume from. */
    this.decision = function (step, suspendData, when) {
      var n = "cmi.interactions." + interactions++ + ".";
      queue(n + "id", ident(step.node));
      queue(n + "type", "choice");
      if (v12) {
        queue(n + "time", clock12(when));
        queue(n + "student_response", String(step.reply));
        queue(n + "result", step.result);
        queue(n + "latency", timespan12(step.millis));
        queue("cmi.core.lesson_location", ident(step.node));
        queue("cmi.core.exit", "suspend");
      } else {
        queue(n + "timestamp", timestamp2004(when));
        queue(n + "learner_response", "reply_" + step.reply);
        queue(n + "result", step.result === "wrong" ? "incorrect" : step.result);
        queue(n + "latency", isoDuration(step.millis));
        queue(n + "description", "Reply " + step.reply + " of " + step.replies);
        queue("cmi.location", ident(step.node));
        queue("cmi.exit", "suspend");
      }
      queue("cmi.suspend_data", suspendData);
      queue("commit");
      return flush();
    };
    /** The end: score, status, time; then the attempt is closed. */
    this.finish = function (r) {
      if (v12) {
        queue("cmi.core.score.min", "0");
        queue("cmi.core.score.max", "100");
        queue("cmi.core.score.raw", String(r.percent));
        queue("cmi.core.lesson_status", r.mastery === null ? "completed" : (r.passed ? "passed" : "failed"));
        queue("cmi.core.session_time", timespan12(r.sessionMillis));
        queue("cmi.core.exit", "");
        queue("cmi.suspend_data", "");
      } else {
        queue("cmi.score.min", "0");
        queue("cmi.score.max", "100");
        queue("cmi.score.raw", String(r.percent));
        queue("cmi.score.scaled", String(Math.round(r.percent * 100) / 10000));
        queue("cmi.completion_status", "completed");
        queue("cmi.success_status", r.mastery === null ? "unknown" : (r.passed ? "passed" : "failed"));
        queue("cmi.session_time", isoDuration(r.sessionMillis));
        queue("cmi.exit", "normal");
        queue("cmi.suspend_data", "");
      }
      queue("commit");
      queue("finish");
      return flush();
    };
    /** Leaving halfway: the LMS keeps the place (exit=suspend) and the time spent. */
    this.leave = function (sessionMillis) {
      if (finished) return true;
      queue(v12 ? "cmi.core.session_time" : "cmi.session_time", v12 ? timespan12(sessionMillis) : isoDuration(sessionMillis));
      queue(v12 ? "cmi.core.exit" : "cmi.exit", "suspend");
      queue("commit");
      queue("finish");
      return flush();
    };
  }

  /* ---------- cmi5 ---------- */
  function Cmi5(params, pkg) {
    var self = this, pending = [], token = null, launchData = {}, sessionId = uuid(), started = Date.now(), ended = false;
    var endpoint = params.get("endpoint").replace(/\/?$/, "/");
    var actor = JSON.parse(params.get("actor"));
    var registration = params.get("registration");
    var activityId = params.get("activityId");
    var CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
    var MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
    var SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
    this.name = "cmi5";
    this.problem = null;

    function request(method, url, body, headers) {
      return new Promise(function (resolve, reject) {
        var x = new XMLHttpRequest();
        x.open(method, url, true);
        x.timeout = 15000;
        Object.keys(headers || {}).forEach(function (k) { x.setRequestHeader(k, headers[k]); });
        x.onload = function () { resolve(x); };
        x.onerror = function () { reject(new Error("no answer")); };
        x.ontimeout = function () { reject(new Error("no answer in 15 s")); };
        x.send(body === undefined ? null : body);
      });
    }
    function xapiHeaders(json) {
      var h = { "X-Experience-API-Version": "1.0.3", "Authorization": "Basic " + token };
      if (json) h["Content-Type"] = "application/json";
      return h;
    }
    function context(categories, extra) {
      var t = JSON.parse(JSON.stringify(launchData.contextTemplate || {}));
      t.registration = registration;
      t.contextActivities = t.contextActivities || {};
      if (categories.length) {
        t.contextActivities.category = (t.contextActivities.category || []).concat(categories.map(function (id) { return { id: id }; }));
      }
      t.extensions = t.extensions || {};
      t.extensions[SESSION] = sessionId;
      if (extra) Object.keys(extra).forEach(function (k) { t[k] = extra[k]; });
      return t;
    }
    function verb(word) { return { id: "http://adlnet.gov/expapi/verbs/" + word, display: { "en-US": word } }; }
    function statement(word, categories, result, object, extraContext) {
      var s = { id: uuid(), timestamp: new Date().toISOString(), actor: actor, verb: verb(word),
        object: object || { objectType: "Activity", id: activityId }, context: context(categories, extraContext) };
      if (result) s.result = result;
      return s;
    }
    // One sender at a time: a flush asked for while another is sending waits for it, then sends what is left. Two
    // at once each sent the first statement waiting and each took one off the list, so a statement could be skipped
    // or two could reach the record store out of order (completed after terminated).
    var sending = Promise.resolve(true);
    function flush() {
      sending = sending.then(drain, drain);
      return sending;
    }
    function drain() {
      if (!pending.length) { self.problem = null; return Promise.resolve(true); }
      var s = pending[0];
      return request("PUT", endpoint + "statements?statementId=" + encodeURIComponent(s.id), JSON.stringify(s), xapiHeaders(true))
        .then(function (x) {
          if (x.status >= 200 && x.status < 300) { pending.shift(); return drain(); }
          if (x.status === 400 || x.status === 409) {
            // Refused for good: say so and do not send it again.
            self.problem = "The learning record store refused a statement (" + x.status + ")";
            pending.shift();
            return drain();
          }
          self.problem = "The learning record store did not take the attempt (" + x.status + ")";
          return false;
        }, function (e) { self.problem = "The learning record store can't be reached (" + e.message + ")"; return false; });
    }
    this.waiting = function () { return pending.length; };
    this.retry = flush;

    this.start = function () {
      return request("POST", params.get("fetch"), "", {}).then(function (x) {
        var body = JSON.parse(x.responseText || "{}");
        if (x.status !== 200 || !body["auth-token"]) throw new Error(body["error-text"] || ("status " + x.status));
        token = body["auth-token"];
        var q = "activityId=" + encodeURIComponent(activityId) + "&agent=" + encodeURIComponent(JSON.stringify(actor))
          + "&registration=" + encodeURIComponent(registration);
        return request("GET", endpoint + "activities/state?" + q + "&stateId=LMS.LaunchData", undefined, xapiHeaders(false))
          .then(function (s) {
            if (s.status !== 200) throw new Error("no launch data (" + s.status + ")");
            launchData = JSON.parse(s.responseText);
            // The LMS names the session in the context template; every statement carries that id.
            var ext = launchData.contextTemplate && launchData.contextTemplate.extensions;
            if (ext && typeof ext[SESSION] === "string") sessionId = ext[SESSION];
            return request("GET", endpoint + "activities/state?" + q + "&stateId=" + encodeURIComponent("rapport.suspend"), undefined, xapiHeaders(false))
              .then(function (r) { return r.status === 200 ? r.responseText : ""; }, function () { return ""; });
          })
          .then(function (resume) {
            self.saveState = function (data) {
              return request("PUT", endpoint + "activities/state?" + q + "&stateId=" + encodeURIComponent("rapport.suspend"),
                data, { "X-Experience-API-Version": "1.0.3", "Authorization": "Basic " + token, "Content-Type": "text/plain" })
                .then(function () { return true; }, function () { return false; });
            };
            pending.push(statement("initialized", [CMI5]));
            flush();
            var m = typeof launchData.masteryScore === "number" ? launchData.masteryScore : null;
            var review = launchData.launchMode && launchData.launchMode !== "Normal";
            return { resume: review ? "" : (resume || ""), mastery: m, moveOn: launchData.moveOn || null, launchMode: launchData.launchMode || "Normal",
              returnUrl: typeof launchData.returnURL === "string" ? launchData.returnURL : null };
          });
      }).catch(function (e) {
        self.problem = "The learning system did not start this attempt: " + e.message;
        return { resume: "", mastery: null };
      });
    };
    this.decision = function (step, suspendData) {
      var base = (pkg.base || "").replace(/\/?$/, "/");
      var did = pkg.dialogueIri + "/nodes/" + encodeURIComponent(step.node);
      pending.push(statement("answered", [], {
        success: step.result === "correct", response: String(step.reply), duration: isoDuration(step.millis),
        extensions: (function () { var e = {}; e[base + "extensions/grade"] = step.grade; return e; })()
      }, { objectType: "Activity", id: did, definition: {
        type: "http://adlnet.gov/expapi/activities/cmi.interaction", interactionType: "choice",
        name: { "en-US": "Decision at " + step.node }, description: { "en-US": step.customerSaid }
      } }, { contextActivities: { parent: [{ id: activityId }] } }));
      if (self.saveState) self.saveState(suspendData);
      return flush();
    };
    this.finish = function (r) {
      if (ended) return Promise.resolve(true);
      ended = true;
      var duration = isoDuration(Date.now() - started);
      if (launchData.launchMode && launchData.launchMode !== "Normal") {
        // Browse and Review: cmi5 lets the AU send no passed, failed or completed; the session still ends.
        pending.push(statement("terminated", [CMI5], { duration: duration }));
        return flush();
      }
      var score = { scaled: Math.round(r.percent * 100) / 10000, raw: r.percent, min: 0, max: 100 };
      if (r.mastery !== null) {
        var ext = {};
        ext[SESSION] = sessionId;
        ext["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"] = r.mastery;
        pending.push(statement(r.passed ? "passed" : "failed", [CMI5, MOVEON],
          { score: score, success: r.passed, duration: duration }, null, { extensions: ext }));
      }
      pending.push(statement("completed", [CMI5, MOVEON], { completion: true, duration: duration }));
      pending.push(statement("terminated", [CMI5], { duration: duration }));
      if (self.saveState) self.saveState("");
      return flush();
    };
    this.leave = function () {
      if (ended) return true;
      ended = true;
      pending.push(statement("terminated", [CMI5], { duration: isoDuration(Date.now() - started) }));
      flush();
      return true;
    };
  }

  /* ---------- no LMS: the page opened on its own ---------- */
  function Standalone() {
    this.name = null;
    this.problem = null;
    this.waiting = function () { return 0; };
    this.retry = function () { return true; };
    this.start = function () { return { resume: "", mastery: null }; };
    this.decision = function () { return true; };
    this.finish = function () { return true; };
    this.leave = function () { return true; };
  }

  /** The adapter for how this page was launched. */
  window.RapportLms = {
    connect: function (pkg, params) {
      if (pkg.standard === "cmi5" && params.get("endpoint") && params.get("fetch") && params.get("actor")) return new Cmi5(params, pkg);
      if (pkg.standard === "scorm12") { var a = findApi("API"); if (a) return new Scorm(a, true); }
      if (pkg.standard === "scorm2004") { var b = findApi("API_1484_11"); if (b) return new Scorm(b, false); }
      return new Standalone(pkg.standard);
    },
    timespan12: timespan12,
    isoDuration: isoDuration
  };
})();
