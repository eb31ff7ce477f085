// The inspection record and what is computed from it: progress, statistics, the hazard ledger.
// Pure functions over plain data; storage and pages live elsewhere.
(function () {
  "use strict";
  var A = window.AQInspect = window.AQInspect || {};

  var RECORD_FORMAT = "aq-inspection";
  var RECORD_VERSION = 1;
  var NONCONFORM = "不符合";
  var NOT_APPLICABLE = "不适用";
  var CONFORM = "符合";
  var MAJOR = "重大";
  var RECTIFIED = "已整改";
  // Every text field an answer may hold, with the longest text we keep (a form cell, not an essay).
  var ANSWER_TEXT = { carried: 1200, reason: 500, problem: 1000, location: 200, measure: 1000, owner: 50, deadline: 10,
                      reviewer: 50, review_date: 10, review: 10, closed: 10, result: 10, level: 10 };

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function today() {
    var d = new Date();
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }
  // Not crypto.randomUUID: it exists only on https pages, and the intranet may serve plain http.
  function newId(prefix) {
    return prefix + "-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 8);
  }

  // FNV-1a (32 bit) of a text as 8 hex digits: finds a file cut short or edited by hand (not a forgery),
  // and versions a composed checklist.
  function fnv1a(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return ("0000000" + h.toString(16)).slice(-8);
  }

  function items(checklist) {
    var list = [];
    checklist.parts.forEach(function (part) {
      part.groups.forEach(function (group) {
        group.items.forEach(function (item) { list.push(item); });
      });
    });
    return list;
  }

  function checklistKey(checklist) { return checklist.id + "@" + checklist.checklist_version; }

  function newRecord(checklist) {
    var header = {};
    checklist.fields.forEach(function (f) { header[f] = ""; });
    if ("检查日期" in header) header["检查日期"] = today();
    var now = new Date().toISOString();
    return {
      format: RECORD_FORMAT, version: RECORD_VERSION, id: newId("zc"), checklist_key: checklistKey(checklist),
      checklist_id: checklist.id, form_code: checklist.form_code, title: checklist.title,
      created: now, updated: now, header: header, answers: {},
    };
  }

  // "复制为下次检查": the same checklist and header, a new date, no answers; open hazards are carried
  // over so the next inspection starts by looking at them.
  function nextRecord(previous) {
    var record = JSON.parse(JSON.stringify(previous));
    var now = new Date().toISOString();
    record.id = newId("zc");
    record.created = now;
    record.updated = now;
    if ("检查日期" in record.header) record.header["检查日期"] = today();
    var carried = {};
    Object.keys(record.answers).forEach(function (n) {
      var a = record.answers[n];
      if (a.result === NONCONFORM && a.review !== RECTIFIED) {
        carried[n] = { result: "", photos: [],
                       carried: [a.problem, a.location, a.level && a.level + "隐患", a.deadline && "整改期限 " + a.deadline]
                         .filter(Boolean).join("，").slice(0, 1200) };
      }
    });
    record.answers = carried;
    return record;
  }

  function answer(record, n) {
    return record.answers[n] || (record.answers[n] = { result: "", photos: [] });
  }

  function stats(checklist, record) {
    var s = { items: 0, conform: 0, nonconform: 0, na: 0, unchecked: 0, major: 0, naMissingReason: 0 };
    items(checklist).forEach(function (item) {
      var a = record.answers[item.n] || {};
      s.items++;
      if (a.result === CONFORM) s.conform++;
      else if (a.result === NONCONFORM) { s.nonconform++; if (a.level === MAJOR) s.major++; }
      else if (a.result === NOT_APPLICABLE) { s.na++; if (!(a.reason || "").trim()) s.naMissingReason++; }
      else s.unchecked++;
    });
    s.checked = s.items - s.unchecked;
    // 符合率 leaves 不适用 (and items not yet checked) out of the denominator.
    var base = s.conform + s.nonconform;
    s.rate = base ? Math.round(s.conform / base * 1000) / 10 : null;
    return s;
  }

  // One ledger row per 不符合 item, in checklist order.
  function ledger(checklist, record) {
    return items(checklist).filter(function (item) {
      return (record.answers[item.n] || {}).result === NONCONFORM;
    }).map(function (item, i) {
      return { row: i + 1, item: item, answer: record.answers[item.n] };
    });
  }

  function isOpen(a) { return a.result === NONCONFORM && !a.closed && a.review !== RECTIFIED; }
  function isOverdue(a, day) { return isOpen(a) && !!a.deadline && a.deadline < (day || today()); }

  function headerSummary(record) {
    var h = record.header || {};
    return [h["单位名称"], h["检查部位"], h["检查日期"]].filter(Boolean).join(" · ");
  }

  A.model = {
    RECORD_FORMAT: RECORD_FORMAT, RECORD_VERSION: RECORD_VERSION, ANSWER_TEXT: ANSWER_TEXT,
    CONFORM: CONFORM, NONCONFORM: NONCONFORM, NOT_APPLICABLE: NOT_APPLICABLE, MAJOR: MAJOR, RECTIFIED: RECTIFIED,
    today: today, newId: newId, fnv1a: fnv1a, items: items, checklistKey: checklistKey, newRecord: newRecord,
    nextRecord: nextRecord, answer: answer, stats: stats, ledger: ledger, isOpen: isOpen, isOverdue: isOverdue,
    headerSummary: headerSummary,
  };
})();
