// 在线自查: the page's views (start, fill in, hazards) and moving between them by the address's #part.
// The report is in report.js, composing a checklist (在线组表) in composer.js. Loaded only on the
// 在线自查 page (see site_templates/theme/main.html).
(function () {
  "use strict";
  var A = window.AQInspect = window.AQInspect || {};
  var M = A.model, D = A.dom, S = A.store, el = D.el;
  var script = document.currentScript;
  A.root = script.getAttribute("data-root") || "";
  var DATA = "checklists/data/";
  var CHECKLIST_ID = /^[a-z0-9-]{1,60}$/;
  var SAVE_DELAY = 250;

  var loaded = {};
  var index = null;
  var app, status;

  A.registerChecklist = function (data) { loaded[data.id] = data; };
  A.registerIndex = function (list) { index = list; };

  // ---- loading --------------------------------------------------------------------------------------

  function loadIndex() {
    if (index) return Promise.resolve(index);
    return D.loadScript(A.root + DATA + "index.js").then(function () { return index || []; });
  }

  function loadChecklist(id) {
    if (!CHECKLIST_ID.test(id)) return Promise.reject(new Error("检查表编号“" + id + "”无效。"));
    if (loaded[id]) return Promise.resolve(loaded[id]);
    return D.loadScript(A.root + DATA + id + ".js").then(function () {
      if (!loaded[id]) throw new Error("检查表“" + id + "”的数据有误。");
      return loaded[id];
    }, function () { throw new Error("找不到检查表“" + id + "”：请从列表中重新选择。"); });
  }

  function recordAndChecklist(id) {
    return S.record(id).then(function (record) {
      if (!record) throw new Error("本设备上没有这次自查（可能已删除，或保存在另一台设备、另一个浏览器中）。");
      return S.checklist(record.checklist_key).then(function (checklist) {
        if (!checklist) throw new Error("这次自查所用的检查表不在本设备上：请导入它的备份文件。");
        return { record: record, checklist: checklist };
      });
    });
  }

  // ---- messages and saving ------------------------------------------------------------------------

  function say(text, kind) {
    D.clear(status);
    delete status.dataset.failed;
    status.className = "aq-status" + (kind ? " aq-status--" + kind : "");
    if (text) D.append(status, text);
  }

  // Storage failed: say so and offer the file, so nothing typed is lost.
  function storageFailed(error, record, checklist) {
    var message = S.explain(error) + (record ? "请下载备份文件保存本次记录。" : "");
    // Typing then tapping the button makes a save (on blur) fail again: rebuilding the notice then would
    // swallow the tap, so the same notice stays as it is.
    if (status.dataset.failed === message && status.dataset.record === (record ? record.id : "")) return;
    D.clear(status);
    status.dataset.failed = message;
    status.dataset.record = record ? record.id : "";
    status.className = "aq-status aq-status--error";
    D.append(status, el("span", { text: message }));
    if (record) {
      D.append(status, " ", el("button", { type: "button", className: "md-button", text: "下载备份（JSON）",
                                           onclick: function () {
                                             withPhotos(record, checklist).catch(function () {
                                               return withoutPhotos(record, checklist);
                                             }).then(function (entry) { downloadBackup([entry]); });
                                           } }));
    }
  }

  // Our own messages are plain Errors; anything else came from the browser's storage.
  function fail(error, record, checklist) {
    if (error instanceof Error && error.name === "Error") say(error.message, "error");
    else storageFailed(error, record, checklist);
  }

  function summarize(record, checklist) {
    var s = M.stats(checklist, record);
    var open = M.ledger(checklist, record).filter(function (row) { return M.isOpen(row.answer); }).length;
    record.summary = { items: s.items, checked: s.checked, nonconform: s.nonconform, major: s.major, open: open };
  }

  function saver(record, checklist, onSaved) {
    var timer = null;
    var failing = false;
    function write() {
      timer = null;
      record.updated = new Date().toISOString();
      summarize(record, checklist);
      return S.saveRecord(record).then(function () {
        // Space freed (or the browser let us write again): the warning would now be wrong.
        if (failing && !S.inMemory()) say("浏览器存储恢复正常，本次记录已全部保存。", "ok");
        failing = false;
        onSaved(new Date());
      }, function (error) {
        failing = true;
        storageFailed(error, record, checklist);
      });
    }
    return {
      now: function () { if (timer) clearTimeout(timer); return write(); },
      soon: function () { if (timer) clearTimeout(timer); timer = setTimeout(write, SAVE_DELAY); },
      flush: function () { if (timer) { clearTimeout(timer); write(); } },
    };
  }

  function withoutPhotos(record, checklist) {
    var copy = JSON.parse(JSON.stringify(record));
    Object.keys(copy.answers).forEach(function (n) { copy.answers[n].photos = []; });
    return { record: copy, checklist: checklist, photos: {} };
  }

  // The backup entries of records, photos read from storage.
  function withPhotos(record, checklist) {
    var ids = A.photoIds(record);
    return Promise.all(ids.map(function (id) { return S.photo(id); })).then(function (urls) {
      var photos = {};
      ids.forEach(function (id, i) { if (urls[i]) photos[id] = urls[i]; });
      var copy = JSON.parse(JSON.stringify(record));
      Object.keys(copy.answers).forEach(function (n) {
        copy.answers[n].photos = (copy.answers[n].photos || []).filter(function (id) { return photos[id]; });
      });
      return { record: copy, checklist: checklist, photos: photos };
    });
  }

  function downloadBackup(entries, name) {
    D.download(name || D.fileName(["自查备份", M.today()], "json"),
               new Blob([A.backup.build(entries)], { type: "application/json" }));
  }

  // ---- asking ---------------------------------------------------------------------------------------

  // An in-page question (a phone shows browser dialogs badly, and some block them).
  function ask(question, yes) {
    return new Promise(function (resolve) {
      var box;
      function answer(value) { box.remove(); resolve(value); }
      box = el("div", { className: "aq-ask", role: "alertdialog", "aria-modal": "true" },
        el("div", { className: "aq-ask__box" },
          el("p", { text: question }),
          el("button", { type: "button", className: "md-button md-button--primary", text: yes || "确定",
                         onclick: function () { answer(true); } }),
          " ",
          el("button", { type: "button", className: "md-button", text: "取消", onclick: function () { answer(false); } })));
      document.body.appendChild(box);
      box.querySelector("button").focus();
    });
  }

  // ---- start page -----------------------------------------------------------------------------------

  function renderHome() {
    D.clear(app);
    var picker = el("select", { id: "aq-new-checklist", "aria-label": "选择检查表" });
    var start = el("button", { type: "button", className: "md-button md-button--primary", text: "开始自查",
                               onclick: function () { if (picker.value) location.hash = "#new/" + picker.value; } });
    var saved = el("div", { className: "aq-saved" }, el("p", { text: "正在读取本设备上保存的自查……" }));
    var hazards = el("p", {});
    var importer = el("input", { type: "file", accept: "application/json,.json", id: "aq-import",
                                 onchange: function () { if (importer.files[0]) importFile(importer.files[0]); } });
    D.append(app,
      el("section", { className: "aq-panel" },
        el("h2", { text: "开始新的自查" }),
        el("p", {}, el("label", { for: "aq-new-checklist", text: "检查表：" }), picker, " ", start)),
      el("section", { className: "aq-panel" }, el("h2", { text: "本设备上的自查" }), hazards, saved),
      A.composer.homeSection(ui),
      el("section", { className: "aq-panel" },
        el("h2", { text: "备份和导入" }),
        el("p", { text: "备份文件（JSON）含自查记录、所用检查表和照片，可以存档，也可以在另一台设备或另一个浏览器中导入。" }),
        el("p", {}, el("button", { type: "button", className: "md-button", text: "下载全部自查的备份",
                                   onclick: backupAll }), " ",
          el("label", { for: "aq-import", className: "md-button", text: "导入备份文件" }), importer)));
    loadIndex().then(function (list) {
      list.forEach(function (c) {
        D.append(picker, el("option", { value: c.id, text: c.form_code + " " + c.title + "（" + c.items + " 项）" }));
      });
    }, function () { say("检查表列表载入失败：请刷新页面。", "error"); });
    S.records().then(function (records) {
      records.sort(function (a, b) { return a.updated < b.updated ? 1 : -1; });
      D.clear(saved);
      if (!records.length) D.append(saved, el("p", { text: "还没有保存的自查。选择一张检查表开始。" }));
      records.forEach(function (r) { D.append(saved, savedCard(r)); });
      var open = records.reduce(function (n, r) { return n + ((r.summary || {}).open || 0); }, 0);
      D.append(hazards, el("a", { href: "#hazards", className: "md-button", text: "未整改的隐患：" + open + " 项" }));
    }, function (error) {
      D.clear(saved);
      storageFailed(error);
    });
  }

  function savedCard(r) {
    var s = r.summary || {};
    return el("article", { className: "aq-saved__item", "data-record": r.id },
      el("h3", {}, el("a", { href: "#i/" + r.id, text: r.title })),
      el("p", { className: "aq-muted", text: [r.form_code, M.headerSummary(r)].filter(Boolean).join(" · ") }),
      el("p", { text: "已查 " + (s.checked || 0) + " / " + (s.items || 0) + "，不符合 " + (s.nonconform || 0) +
                "（未整改 " + (s.open || 0) + "），重大隐患 " + (s.major || 0) }),
      el("p", { className: "aq-actions" },
        el("a", { href: "#i/" + r.id, className: "md-button", text: "继续检查" }), " ",
        el("a", { href: "#r/" + r.id, className: "md-button", text: "报告" }), " ",
        el("button", { type: "button", className: "md-button", text: "复制为下次检查", onclick: function () { copyAsNext(r); } }), " ",
        el("button", { type: "button", className: "md-button aq-danger", text: "删除", onclick: function () { remove(r); } })));
  }

  function copyAsNext(r) {
    S.checklist(r.checklist_key).then(function (checklist) {
      var next = M.nextRecord(r);
      summarize(next, checklist);
      return S.saveRecord(next).then(function () { location.hash = "#i/" + next.id; });
    }).catch(function (error) { storageFailed(error); });
  }

  function remove(r) {
    ask("删除“" + r.title + "”（" + (M.headerSummary(r) || r.created.slice(0, 10)) + "）？删除后无法恢复；需要时先下载备份。", "删除")
      .then(function (yes) {
        if (!yes) return;
        S.deleteRecord(r).then(function () { say("已删除。"); renderHome(); }, function (e) { storageFailed(e); });
      });
  }

  function allEntries() {
    return S.records().then(function (records) {
      return Promise.all(records.map(function (r) {
        return S.checklist(r.checklist_key).then(function (c) { return withPhotos(r, c); });
      }));
    });
  }

  function backupAll() {
    allEntries().then(function (entries) {
      if (!entries.length) { say("本设备上没有自查记录。"); return; }
      downloadBackup(entries);
    }, function (error) { storageFailed(error); });
  }

  // ---- import ---------------------------------------------------------------------------------------

  function importFile(file) {
    var reader = new FileReader();
    reader.onerror = function () { say("文件“" + file.name + "”无法读取。没有导入任何内容。", "error"); };
    reader.onload = function () {
      var entries;
      try {
        entries = A.backup.parse(String(reader.result), file.name);
      } catch (e) {
        say(e instanceof A.backup.Problem ? e.message : "文件“" + file.name + "”无法导入。没有导入任何内容。", "error");
        return;
      }
      chooseReplacements(entries).then(function (chosen) {
        if (!chosen.length) { say("没有导入任何内容。"); return null; }
        var write = { records: [], checklists: [], photos: [] };
        chosen.forEach(function (e) {
          write.records.push([e.record.id, e.record]);
          write.checklists.push([e.record.checklist_key, e.checklist]);
          Object.keys(e.photos).forEach(function (id) { write.photos.push([id, e.photos[id]]); });
        });
        return S.saveImported(write).then(function () {
          say("已导入 " + chosen.length + " 次自查。", "ok");
          renderHome();
        });
      }).catch(function (error) { storageFailed(error); });
    };
    reader.readAsText(file);
  }

  // Each inspection already on this device is replaced only if the user says so.
  function chooseReplacements(entries) {
    return entries.reduce(function (chain, e) {
      return chain.then(function (chosen) {
        return S.record(e.record.id).then(function (existing) {
          if (!existing) return chosen.concat([e]);
          return ask("本设备上已有这次自查：“" + existing.title + "”（" + (M.headerSummary(existing) || existing.created.slice(0, 10)) +
                     "，最后修改 " + existing.updated.slice(0, 16).replace("T", " ") + "）。用文件中的（最后修改 " +
                     e.record.updated.slice(0, 16).replace("T", " ") + "）替换它吗？", "替换")
            .then(function (yes) { return yes ? chosen.concat([e]) : chosen; });
        });
      });
    }, Promise.resolve([]));
  }

  // ---- new inspection -------------------------------------------------------------------------------

  function startNew(checklistId) {
    loadChecklist(checklistId).then(startWith).catch(function (error) { fail(error); });
  }

  // A new inspection of this checklist (built in, or composed here): the checklist is stored with it.
  function startWith(checklist) {
    var record = M.newRecord(checklist);
    summarize(record, checklist);
    return S.saveChecklist(record.checklist_key, checklist)
      .then(function () { return S.saveRecord(record); })
      .then(function () { S.persist(); location.replace("#i/" + record.id); });
  }

  // What 在线组表 (composer.js) uses of this page.
  var ui = {
    say: say, ask: ask, start: startWith, refresh: function () { renderHome(); },
    failed: function (error) { fail(error); },
  };

  // ---- filling in -----------------------------------------------------------------------------------

  function renderFill(record, checklist, focusItem) {
    D.clear(app);
    var progress = el("span", { className: "aq-progress__text" });
    var saved = el("span", { className: "aq-muted aq-progress__saved" });
    var save = saver(record, checklist, function (when) {
      saved.textContent = "已保存 " + when.toTimeString().slice(0, 8);
    });
    function update() {
      var s = M.stats(checklist, record);
      progress.textContent = "已查 " + s.checked + " / " + s.items + " · 不符合 " + s.nonconform +
        (s.major ? " · 重大隐患 " + s.major : "");
    }
    window.addEventListener("pagehide", save.flush);
    document.addEventListener("visibilitychange", save.flush);
    A.leaveFill = function () {
      save.flush();
      window.removeEventListener("pagehide", save.flush);
      document.removeEventListener("visibilitychange", save.flush);
    };
    D.append(app,
      el("div", { className: "aq-progress", role: "status" }, progress, " ", saved,
        el("span", { className: "aq-progress__links" },
          el("a", { href: "#r/" + record.id, className: "md-button", text: "报告" }), " ",
          el("a", { href: "#", className: "md-button", text: "全部自查" }))),
      el("h2", { text: checklist.title }),
      el("p", { className: "aq-muted", text: "表单编号 " + checklist.form_code + "，版本 " + checklist.checklist_version }),
      headerFields(record, checklist, save));
    checklist.parts.forEach(function (part) {
      if (part.heading) D.append(app, el("h3", { className: "aq-part", text: part.heading }));
      part.groups.forEach(function (group) {
        if (group.heading) D.append(app, el("h4", { className: "aq-group", text: group.heading }));
        group.items.forEach(function (item) { D.append(app, itemCard(item, record, checklist, save, update)); });
      });
    });
    D.append(app, el("section", { className: "aq-panel" },
      el("h3", { text: "说明" }), el("ul", {}, checklist.notes.map(function (n) { return el("li", { text: n }); })),
      el("h3", { text: "所依据的文件" }),
      el("ul", {}, checklist.documents.map(function (d) { return el("li", { text: d }); }))));
    update();
    var target = focusItem && document.getElementById("aq-item-" + focusItem);
    (target || app).scrollIntoView();  // the item asked for, or the form, past the page's introduction
  }

  function headerFields(record, checklist, save) {
    var box = el("fieldset", { className: "aq-header" }, el("legend", { text: "检查信息" }));
    checklist.fields.forEach(function (field, i) {
      var id = "aq-field-" + i;
      var input;
      if (field === "检查类型") {
        input = el("select", { id: id }, el("option", { value: "", text: "（请选择）" }),
                   checklist.inspection_types.map(function (t) { return el("option", { value: t, text: t + "检查" }); }));
      } else {
        input = el("input", { id: id, type: /日期/.test(field) ? "date" : "text", maxlength: 200 });
      }
      input.value = record.header[field] || "";
      input.addEventListener("input", function () { record.header[field] = input.value; save.soon(); });
      input.addEventListener("change", function () { record.header[field] = input.value; save.now(); });
      D.append(box, el("p", { className: "aq-field" }, el("label", { for: id, text: field }), input));
    });
    return box;
  }

  function itemCard(item, record, checklist, save, update) {
    var a = record.answers[item.n] || {};
    var detail = el("div", { className: "aq-item__detail" });
    var card = el("article", { className: "aq-item", id: "aq-item-" + item.n, "data-n": item.n },
      el("h5", { className: "aq-item__title" }, item.n + ". ", item.derived ? el("span", { className: "aq-derived", title: "据政府部门职责列出的企业事项", text: "※ " }) : null, item.title),
      a.carried ? el("p", { className: "aq-carried", text: "上次检查未整改：" + a.carried }) : null,
      el("p", { className: "aq-item__content", text: item.content }),
      el("p", { className: "aq-item__method aq-muted",
                text: "检查方法：" + item.methods + (item.records ? "；查阅：" + item.records : "") }),
      el("details", { className: "aq-item__basis" }, el("summary", { text: "检查依据" }),
        el("ul", {}, item.basis.map(function (b) { return el("li", {}, b.text, " ", el("small", { text: b.ref })); }))),
      choices(item, checklist.results, a.result, function (result) {
        var answer = M.answer(record, item.n);
        answer.result = result;
        showDetail(detail, item, record, checklist, save);
        card.setAttribute("data-result", result);
        update();
        save.now();
      }),
      detail);
    if (a.result) card.setAttribute("data-result", a.result);
    showDetail(detail, item, record, checklist, save);
    return card;
  }

  function choices(item, results, current, onChoose) {
    var group = el("div", { className: "aq-choices", role: "radiogroup", "aria-label": "第 " + item.n + " 项检查结果" });
    results.forEach(function (result) {
      var input = el("input", { type: "radio", name: "aq-result-" + item.n, value: result, checked: current === result,
                                onchange: function () { onChoose(result); } });
      D.append(group, el("label", { className: "aq-choice aq-choice--" + results.indexOf(result) }, input, result));
    });
    return group;
  }

  function textField(answer, key, label, save, options) {
    options = options || {};
    var id = "aq-" + key + "-" + options.n;
    var input = options.multiline
      ? el("textarea", { id: id, rows: 2, maxlength: M.ANSWER_TEXT[key] })
      : el("input", { id: id, type: options.type || "text", maxlength: M.ANSWER_TEXT[key] });
    input.value = answer[key] || "";
    input.addEventListener("input", function () { answer[key] = input.value; save.soon(); if (options.onInput) options.onInput(); });
    input.addEventListener("change", function () { answer[key] = input.value; save.now(); });
    return el("p", { className: "aq-field" }, el("label", { for: id, text: label }), input);
  }

  function selectField(answer, key, label, values, save, n) {
    var id = "aq-" + key + "-" + n;
    var select = el("select", { id: id }, el("option", { value: "", text: "（请选择）" }),
                    values.map(function (v) { return el("option", { value: v, text: v }); }));
    select.value = answer[key] || "";
    select.addEventListener("change", function () { answer[key] = select.value; save.now(); });
    return el("p", { className: "aq-field" }, el("label", { for: id, text: label }), select);
  }

  function showDetail(detail, item, record, checklist, save) {
    D.clear(detail);
    var a = record.answers[item.n];
    if (!a || !a.result || a.result === M.CONFORM) return;
    var n = item.n;
    if (a.result === M.NOT_APPLICABLE) {
      var warning = el("p", { className: "aq-warning", text: "选“不适用”须写明理由。" });
      var check = function () { warning.hidden = !!(a.reason || "").trim(); };
      D.append(detail, textField(a, "reason", "不适用的理由（必填）", save, { multiline: true, n: n, onInput: check }), warning);
      check();
      return;
    }
    D.append(detail,
      textField(a, "problem", "隐患描述", save, { multiline: true, n: n }),
      textField(a, "location", "位置", save, { n: n }),
      selectField(a, "level", "隐患等级", checklist.levels, save, n),
      textField(a, "measure", "整改措施", save, { multiline: true, n: n }),
      textField(a, "owner", "责任人", save, { n: n }),
      textField(a, "deadline", "整改期限", save, { type: "date", n: n }),
      photoField(a, record, checklist, n, save),
      el("fieldset", { className: "aq-review" }, el("legend", { text: "复查" }),
        textField(a, "reviewer", "复查人", save, { n: n }),
        textField(a, "review_date", "复查日期", save, { type: "date", n: n }),
        selectField(a, "review", "复查结论", checklist.review_results, save, n),
        textField(a, "closed", "销号日期", save, { type: "date", n: n })));
  }

  function photoField(a, record, checklist, n, save) {
    var list = el("span", { className: "aq-photos" });
    var input = el("input", { type: "file", accept: "image/*", capture: "environment", id: "aq-photo-" + n,
                              className: "aq-photo-input" });
    function show() {
      D.clear(list);
      (a.photos || []).forEach(function (id) {
        var img = el("img", { alt: "第 " + n + " 项照片", className: "aq-photo" });
        S.photo(id).then(function (url) { if (url) img.src = url; });
        D.append(list, el("span", { className: "aq-photo-box" }, img,
          el("button", { type: "button", className: "aq-photo-remove", "aria-label": "删除这张照片", text: "×",
                         onclick: function () {
                           a.photos = a.photos.filter(function (p) { return p !== id; });
                           S.deletePhoto(id);
                           show();
                           save.now();
                         } })));
      });
    }
    input.addEventListener("change", function () {
      var files = Array.prototype.slice.call(input.files);
      input.value = "";
      files.reduce(function (chain, file) {
        return chain.then(function () { return A.photos.scaled(file); }).then(function (url) {
          var id = M.newId("photo");
          return S.savePhoto(id, url).then(function () {
            a.photos = (a.photos || []).concat([id]);
            show();
            return save.now();
          });
        });
      }, Promise.resolve()).catch(function (error) { fail(error, record, checklist); });
    });
    show();
    return el("div", { className: "aq-field" }, el("span", { className: "aq-field__label", text: "照片（保存在本设备）" }),
              el("label", { for: "aq-photo-" + n, className: "md-button", text: "拍照 / 选图" }), input, list);
  }

  // ---- hazards across inspections ---------------------------------------------------------------

  function renderHazards() {
    D.clear(app);
    var day = M.today();
    var body = el("tbody", {});
    D.append(app, el("h2", { text: "未整改的隐患" }),
      el("p", { className: "aq-muted", text: "本设备上所有自查中“不符合”且尚未复查为“已整改”的项目；超过整改期限的标为“已逾期”。" }),
      el("div", { className: "aq-table" }, el("table", { className: "aq-hazards" },
        el("thead", {}, el("tr", {}, ["自查", "序号", "检查项目", "隐患描述", "等级", "责任人", "整改期限", ""].map(function (h) {
          return el("th", { text: h });
        }))), body)),
      el("p", {}, el("a", { href: "#", className: "md-button", text: "返回" })));
    app.scrollIntoView();
    S.records().then(function (records) {
      return Promise.all(records.map(function (r) {
        return S.checklist(r.checklist_key).then(function (c) { return { record: r, checklist: c }; });
      }));
    }).then(function (pairs) {
      var rows = [];
      pairs.forEach(function (p) {
        if (!p.checklist) return;
        M.ledger(p.checklist, p.record).forEach(function (row) {
          if (M.isOpen(row.answer)) rows.push({ record: p.record, row: row });
        });
      });
      rows.sort(function (x, y) { return (x.row.answer.deadline || "9999") < (y.row.answer.deadline || "9999") ? -1 : 1; });
      if (!rows.length) D.append(body, el("tr", {}, el("td", { colspan: 8, text: "没有未整改的隐患。" })));
      rows.forEach(function (x) {
        var a = x.row.answer;
        var overdue = M.isOverdue(a, day);
        D.append(body, el("tr", { className: overdue ? "aq-overdue" : "" },
          el("td", { "data-label": "自查", text: x.record.title + (M.headerSummary(x.record) ? "（" + M.headerSummary(x.record) + "）" : "") }),
          el("td", { "data-label": "序号", text: String(x.row.item.n) }),
          el("td", { "data-label": "检查项目", text: x.row.item.title }),
          el("td", { "data-label": "隐患描述", text: a.problem || "" }),
          el("td", { "data-label": "等级", text: a.level || "" }),
          el("td", { "data-label": "责任人", text: a.owner || "" }),
          el("td", { "data-label": "整改期限", text: (a.deadline || "未定") + (overdue ? "（已逾期）" : "") }),
          el("td", {}, el("a", { href: "#i/" + x.record.id + "/" + x.row.item.n, text: "复查" }))));
      });
    }).catch(function (error) { storageFailed(error); });
  }

  // ---- routing --------------------------------------------------------------------------------------

  function route() {
    if (A.leaveFill) { A.leaveFill(); A.leaveFill = null; }
    // A checklist page links here as ?new=<id>: start once, then drop the query (a reload must not start another).
    var asked = /[?&]new=([a-z0-9-]+)/.exec(location.search);
    if (asked) {
      try { history.replaceState(null, "", location.pathname + "#new/" + asked[1]); } catch (e) { /* file:// in some browsers */ }
      if (/[?&]new=/.test(location.search)) { location.replace(location.pathname + "#new/" + asked[1]); return; }
    }
    say("");
    document.body.classList.remove("aq-reporting");
    A.composer.leaveBlank();
    var parts = location.hash.replace(/^#/, "").split("/");
    var view = parts[0];
    if (view === "new" && parts[1]) { startNew(parts[1]); return; }
    if ((view === "i" || view === "r") && parts[1]) {
      recordAndChecklist(parts[1]).then(function (x) {
        if (view === "i") renderFill(x.record, x.checklist, parts[2]);
        else A.report.render(app, x.record, x.checklist, {
          backup: function () {
            withPhotos(x.record, x.checklist).then(function (entry) {
              downloadBackup([entry], D.fileName(["自查备份", x.record.form_code, x.record.header["检查日期"]], "json"));
            });
          },
          failed: function (error) { say(error.message || String(error), "error"); },
        });
      }).catch(function (error) { fail(error); });
      return;
    }
    if (view === "hazards") { renderHazards(); return; }
    if (view === "compose" && parts[1]) { A.composer.render(app, parts[1], ui); return; }
    if (view === "blank" && parts[1]) { A.composer.blankForm(app, parts[1], ui); return; }
    renderHome();
  }

  function setup() {
    app = document.getElementById("aq-inspect");
    if (!app) return;
    status = el("div", { className: "aq-status", role: "alert" });
    app.parentNode.insertBefore(status, app);
    var notice = el("div", { className: "aq-status aq-status--error", role: "alert" });
    S.isAvailable().then(function (ok) {
      if (!ok) {
        // Blocked storage: work goes on in memory until the page is closed; say so, always in view.
        D.append(notice, el("span", { text: S.explain({ name: "Unavailable" }) + "本次填写的内容只保留到关闭页面为止，" +
                                              "请在离开前下载备份文件。" }), " ",
                 el("button", { type: "button", className: "md-button", text: "下载备份（JSON）", onclick: backupAll }));
        app.parentNode.insertBefore(notice, status);
      }
      window.addEventListener("hashchange", route);
      route();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup); else setup();
})();
