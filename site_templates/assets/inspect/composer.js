// 在线组表: the page where a user composes a checklist (#compose/<id>), the list of composed checklists on
// the start page, and the blank form to print (#blank/<id>). What is chosen and how it is laid out is
// compose.js; app.js routes here and hands over its helpers (ui: say, ask, failed, start).
(function () {
  "use strict";
  var A = window.AQInspect = window.AQInspect || {};
  var C = A.compose, D = A.dom, S = A.store, M = A.model, el = D.el;
  var CATALOG = "checklists/data/catalog.js";
  var SAVE_DELAY = 300;
  var catalog = null;

  A.registerCatalog = function (data) { catalog = data; };

  function loadCatalog() {
    if (catalog) return Promise.resolve(catalog);
    return D.loadScript(A.root + CATALOG).then(function () {
      if (!catalog) throw new Error("组表数据有误：请刷新页面。");
      return catalog;
    }, function () { throw new Error("组表数据载入失败：请刷新页面。"); });
  }

  function definitionAndCatalog(id) {
    return Promise.all([loadCatalog(), S.composed(id)]).then(function (x) {
      if (!x[1]) throw new Error("本设备上没有这张自选检查表（可能已删除，或保存在另一台设备、另一个浏览器中）。");
      return { catalog: x[0], def: x[1] };
    });
  }

  // ---- on the start page ----------------------------------------------------------------------------

  function homeSection(ui) {
    var list = el("div", { className: "aq-saved" }, el("p", { text: "正在读取……" }));
    var importer = el("input", { type: "file", accept: "application/json,.json", id: "aq-compose-import",
                                 className: "aq-file-input",
                                 onchange: function () { if (importer.files[0]) importDefinition(importer.files[0], ui); } });
    S.allComposed().then(function (defs) {
      D.clear(list);
      defs.sort(function (a, b) { return a.updated < b.updated ? 1 : -1; });
      if (!defs.length) D.append(list, el("p", { className: "aq-muted", text: "还没有自选检查表。" }));
      defs.forEach(function (def) {
        D.append(list, el("article", { className: "aq-saved__item", "data-composed": def.id },
          el("h3", {}, el("a", { href: "#compose/" + def.id, text: def.title || "自选自查表" })),
          el("p", { className: "aq-muted", text: def.form_code + " · 修改于 " + def.updated.slice(0, 10) }),
          el("p", { className: "aq-actions" },
            el("a", { href: "#compose/" + def.id, className: "md-button", text: "编辑" }), " ",
            el("button", { type: "button", className: "md-button", text: "开始自查", onclick: function () { start(def.id, ui); } }), " ",
            el("a", { href: "#blank/" + def.id, className: "md-button", text: "打印空白表" }), " ",
            el("button", { type: "button", className: "md-button aq-danger", text: "删除", onclick: function () {
              ui.ask("删除自选检查表“" + (def.title || "自选自查表") + "”？用它做过的自查不受影响。", "删除").then(function (yes) {
                if (yes) S.deleteComposed(def.id).then(function () { location.hash = "#"; ui.refresh(); }, ui.failed);
              });
            } }))));
      });
    }, ui.failed);
    return el("section", { className: "aq-panel" },
      el("h2", { text: "自己组一张检查表" }),
      el("p", { text: "按行业、适用范围、主题和来源文件选取检查项，删去不适用的、调整顺序、加上本单位自己的检查项，" +
                      "保存在本设备上；可以用它在线自查，也可以打印空白表或下载 Excel。" }),
      el("p", {}, el("button", { type: "button", className: "md-button md-button--primary", id: "aq-compose-new",
                                 text: "新建自选检查表", onclick: function () { createNew(ui); } }), " ",
        el("label", { for: "aq-compose-import", className: "md-button", text: "导入定义文件（JSON）" }), importer),
      list);
  }

  function importDefinition(file, ui) {
    var reader = new FileReader();
    reader.onerror = function () { ui.say("文件“" + file.name + "”无法读取。没有导入任何内容。", "error"); };
    reader.onload = function () {
      loadCatalog().then(function (catalog) {
        var def;
        try {
          def = C.fromDefinitionFile(catalog, String(reader.result), file.name);
        } catch (e) {
          ui.say(e instanceof C.Problem ? e.message : "文件“" + file.name + "”无法导入。没有导入任何内容。", "error");
          return null;
        }
        return S.composed(def.id).then(function (existing) {
          if (!existing) return true;
          return ui.ask("本设备上已有自选检查表“" + (existing.title || def.id) + "”（" + def.id + "），用文件中的替换它吗？", "替换");
        }).then(function (yes) {
          if (!yes) { ui.say("没有导入任何内容。"); return null; }
          return S.saveComposed(def).then(function () { location.hash = "#compose/" + def.id; });
        });
      }).catch(ui.failed);
    };
    reader.readAsText(file);
  }

  function createNew(ui) {
    var def = C.newDefinition(M.newId("zb"));
    S.saveComposed(def).then(function () { location.hash = "#compose/" + def.id; }, ui.failed);
  }

  function start(id, ui) {
    definitionAndCatalog(id).then(function (x) {
      var data = C.build(x.catalog, x.def, M.today());
      if (!M.items(data).length) throw new Error("这张自选检查表还没有检查项：请先选择行业。");
      return ui.start(data);
    }).catch(ui.failed);
  }

  // ---- the composer ---------------------------------------------------------------------------------

  function checkboxes(name, legend, options, chosen, onChange, hint) {
    var box = el("fieldset", { className: "aq-compose__choices", "data-choice": name }, el("legend", { text: legend }));
    if (hint) D.append(box, el("p", { className: "aq-muted", text: hint }));
    options.forEach(function (o, i) {
      var id = "aq-c-" + name + "-" + i;
      var input = el("input", { type: "checkbox", id: id, value: o.value, checked: chosen.indexOf(o.value) >= 0,
                                onchange: function () { onChange(o.value, input.checked); } });
      D.append(box, el("label", { for: id, className: "aq-compose__choice" }, input, o.label));
    });
    return box;
  }

  function toggle(list, value, on) {
    var i = list.indexOf(value);
    if (on && i < 0) list.push(value);
    if (!on && i >= 0) list.splice(i, 1);
  }

  function render(app, id, ui) {
    definitionAndCatalog(id).then(function (x) { editor(app, x.catalog, x.def, ui); }).catch(ui.failed);
  }

  function editor(app, catalog, def, ui) {
    D.clear(app);
    var timer = null;
    var savedAt = el("span", { className: "aq-muted" });
    function save() {
      def.updated = new Date().toISOString();
      return S.saveComposed(def).then(function () { savedAt.textContent = "已保存 " + new Date().toTimeString().slice(0, 8); },
                                       ui.failed);
    }
    function changed(now) {
      if (timer) clearTimeout(timer);
      if (now) { timer = null; save(); } else timer = setTimeout(function () { timer = null; save(); }, SAVE_DELAY);
    }
    var scopeBox = el("div", {});
    var itemsBox = el("section", { className: "aq-panel aq-compose__items", "aria-live": "polite" });
    var codeWarning = el("p", { className: "aq-warning", hidden: true });

    function refresh() {
      showScopes();
      showItems();
      changed(true);
    }
    function showScopes() {
      var scopes = [];
      catalog.sectors.forEach(function (s) {
        if (def.select.sectors.indexOf(s.id) >= 0) s.scopes.forEach(function (sc) { if (scopes.indexOf(sc) < 0) scopes.push(sc); });
      });
      def.select.scope = def.select.scope.filter(function (sc) { return scopes.indexOf(sc) >= 0; });
      D.clear(scopeBox);
      if (scopes.length) {
        D.append(scopeBox, checkboxes("scope", "适用范围", scopes.map(function (sc) { return { value: sc, label: sc }; }),
          def.select.scope, function (v, on) { toggle(def.select.scope, v, on); refresh(); },
          "不选则包括全部；没有限定范围的检查项总是包括在内。"));
      }
    }
    function checkCode() {
      var code = def.form_code;
      var message = !C.FORM_CODE.test(code) ? "表单编号应写成 ZCB-字母-两位数字，如 ZCB-ZX-01。"
        : catalog.form_codes.indexOf(code) >= 0 ? "表单编号 " + code + " 已被内置的自查表使用；作为内置自查表提交前请换一个。" : "";
      codeWarning.textContent = message;
      codeWarning.hidden = !message;
    }
    var headingTimer = null;
    function textInput(key, label, limit, multiline) {
      var id = "aq-c-" + key;
      var input = multiline ? el("textarea", { id: id, rows: 2, maxlength: limit }) : el("input", { id: id, type: "text", maxlength: limit });
      input.value = def[key] || "";
      input.addEventListener("input", function () {
        def[key] = key === "form_code" ? input.value.trim().toUpperCase() : input.value;
        if (key === "form_code") checkCode();
        // The list shows the heading; with every sector chosen a redraw takes ~80 ms, so not on every key.
        if (key === "heading") { clearTimeout(headingTimer); headingTimer = setTimeout(showItems, 250); }
        changed(false);
      });
      return el("p", { className: "aq-field" }, el("label", { for: id, text: label }), input);
    }

    var shown = null;  // the checklist as the list on screen shows it
    function showItems() {
      D.clear(itemsBox);
      var data = shown = C.build(catalog, def, M.today());
      var count = M.items(data).length;
      D.append(itemsBox, el("h3", { text: "检查项（" + count + " 项）" }));
      if (!count) D.append(itemsBox, el("p", { className: "aq-muted", text: "先在上面选择行业。" }));
      data.parts.forEach(function (part) {
        if (part.groups.every(function (g) { return g.items.every(function (i) { return i.own; }); })) return;
        if (part.heading) D.append(itemsBox, el("h4", { className: "aq-part", text: part.heading }));
        part.groups.forEach(function (group) {
          if (group.heading) D.append(itemsBox, el("h5", { className: "aq-group", text: group.heading }));
          var ids = group.items.map(function (i) { return i.ref; });
          group.items.forEach(function (item, k) {
            D.append(itemsBox, itemRow(item, ids, k));
          });
        });
      });
      removedList();
      D.append(itemsBox, ownItems());
    }

    function move(ids, k, step) {
      var all = [];
      M.items(shown).forEach(function (i) { if (i.ref) all.push(i.ref); });
      var a = all.indexOf(ids[k]), b = all.indexOf(ids[k + step]);
      var t = all[a]; all[a] = all[b]; all[b] = t;
      def.order = all;
      refresh();
      var target = document.querySelector('[data-ref="' + ids[k] + '"] .aq-move-' + (step < 0 ? "up" : "down"));
      if (target && !target.disabled) target.focus();
    }

    function itemRow(item, ids, k) {
      if (item.own) return null;  // listed with the own items below
      var reasonBox = el("span", {});
      var row = el("div", { className: "aq-compose__item", "data-ref": item.ref },
        el("p", {}, el("strong", { text: item.n + ". " }), item.derived ? "※ " : "", item.title,
          " ", el("small", { className: "aq-muted", text: item.ref })),
        el("p", { className: "aq-muted", text: item.content }),
        el("p", { className: "aq-actions" },
          // items move within their topic group (the form groups by topic); a lone item has nowhere to go
          ids.length > 1 ? [
            el("button", { type: "button", className: "md-button aq-move-up", text: "上移", disabled: k === 0,
                           "aria-label": "上移第 " + item.n + " 项", onclick: function () { move(ids, k, -1); } }), " ",
            el("button", { type: "button", className: "md-button aq-move-down", text: "下移", disabled: k === ids.length - 1,
                           "aria-label": "下移第 " + item.n + " 项", onclick: function () { move(ids, k, 1); } }), " "] : null,
          el("button", { type: "button", className: "md-button aq-danger aq-remove", text: "删除",
                         "aria-label": "删除第 " + item.n + " 项", onclick: function () { askReason(); } }), reasonBox));
      function askReason() {
        D.clear(reasonBox);
        var id = "aq-c-reason-" + item.ref;
        var input = el("input", { id: id, type: "text", maxlength: C.LIMITS.reason, placeholder: "如：本单位没有仓库" });
        var warning = el("span", { className: "aq-warning", hidden: true, text: "请写明删除的理由。" });
        D.append(reasonBox, el("span", { className: "aq-field" }, el("label", { for: id, text: "删除理由" }), input,
          el("button", { type: "button", className: "md-button md-button--primary", text: "确定删除", onclick: function () {
            if (!input.value.trim()) { warning.hidden = false; input.focus(); return; }
            def.exclude.push({ id: item.ref, reason: input.value.trim() });
            refresh();
          } }), warning));
        input.focus();
      }
      return row;
    }

    function removedList() {
      var taken = C.candidates(catalog, def);
      var removed = def.exclude.filter(function (e) { return taken[e.id]; });
      if (!removed.length) return;
      D.append(itemsBox, el("h4", { text: "已删除的检查项（" + removed.length + " 项）" }),
        el("ul", { className: "aq-compose__removed" }, removed.map(function (e) {
          return el("li", { "data-removed": e.id }, taken[e.id].title + "（" + e.id + "）：" + e.reason + " ",
            el("button", { type: "button", className: "md-button", text: "恢复", onclick: function () {
              def.exclude = def.exclude.filter(function (x) { return x.id !== e.id; });
              refresh();
            } }));
        })));
    }

    function ownItems() {
      var box = el("div", { className: "aq-compose__own" }, el("h4", { text: catalog.own_part }));
      def.own_items.forEach(function (o, i) {
        D.append(box, el("div", { className: "aq-compose__item", "data-own": i },
          el("p", {}, el("strong", { text: o.title }), " ", el("small", { className: "aq-muted", text: "依据：" + o.basis })),
          el("p", { className: "aq-muted", text: o.content }),
          el("p", {}, el("button", { type: "button", className: "md-button aq-danger", text: "删除", onclick: function () {
            def.own_items.splice(i, 1);
            refresh();
          } }))));
      });
      var fields = {};
      [["title", "检查项目", C.LIMITS.own_title, false, "如：动火作业审批"],
       ["content", "检查内容", C.LIMITS.own_content, true, "如：是否每次动火都办理了动火作业票"],
       ["basis", "检查依据", C.LIMITS.own_basis, false, "如：本单位《动火作业管理制度》第 5 条"]].forEach(function (f) {
        var id = "aq-c-own-" + f[0];
        fields[f[0]] = f[3] ? el("textarea", { id: id, rows: 2, maxlength: f[2], placeholder: f[4] })
                            : el("input", { id: id, type: "text", maxlength: f[2], placeholder: f[4] });
        D.append(box, el("p", { className: "aq-field" }, el("label", { for: id, text: f[1] }), fields[f[0]]));
      });
      var warning = el("p", { className: "aq-warning", hidden: true, text: "检查项目、检查内容和检查依据都要填写。" });
      D.append(box, warning, el("p", {}, el("button", { type: "button", className: "md-button", id: "aq-c-own-add",
        text: "加入这一项", onclick: function () {
          var item = { title: fields.title.value.trim(), content: fields.content.value.trim(), basis: fields.basis.value.trim() };
          if (!item.title || !item.content || !item.basis) { warning.hidden = false; return; }
          def.own_items.push(item);
          refresh();
        } })));
      return box;
    }

    function downloads() {
      function data() { return C.build(catalog, def, M.today()); }
      function name(ext) { return D.fileName([def.title || "自选自查表", def.form_code], ext); }
      function blankRecord(checklist) { var r = M.newRecord(checklist); r.blank = true; r.header = {}; return r; }
      function guarded(fn) {
        return function (event) {
          var checklist = data();
          if (!M.items(checklist).length) { ui.say("这张自选检查表还没有检查项：请先选择行业。", "error"); return; }
          fn(checklist, event.currentTarget);
        };
      }
      return el("section", { className: "aq-panel aq-actions" },
        el("h3", { text: "使用这张表" }),
        el("button", { type: "button", className: "md-button md-button--primary", text: "开始自查",
                       onclick: guarded(function () { save().then(function () { start(def.id, ui); }); }) }), " ",
        el("a", { href: "#blank/" + def.id, className: "md-button", text: "打印空白表" }), " ",
        el("button", { type: "button", className: "md-button", text: "下载 Excel", onclick: guarded(function (c, button) {
          button.disabled = true;
          A.sheets.xlsx(c, blankRecord(c)).then(function (blob) { D.download(name("xlsx"), blob); })
            .catch(function (e) { ui.say(e.message || String(e), "error"); }).then(function () { button.disabled = false; });
        }) }), " ",
        el("button", { type: "button", className: "md-button", text: "下载 CSV", onclick: guarded(function (c) {
          D.download(name("csv"), new Blob([A.sheets.csv(c, blankRecord(c))], { type: "text/csv;charset=utf-8" }));
        }) }),
        el("h3", { text: "导出定义文件" }),
        el("p", { className: "aq-muted", text: "定义文件与 checklists/ 中的内置自查表格式相同（YAML，或同样结构的 JSON）：" +
                                               "交给维护本站的同事，放进 checklists/ 就成为内置自查表。" }),
        el("button", { type: "button", className: "md-button", text: "导出定义（YAML）", onclick: guarded(function () {
          D.download(def.id + ".yaml", new Blob([C.definitionYaml(catalog, def)], { type: "text/yaml;charset=utf-8" }));
        }) }), " ",
        el("button", { type: "button", className: "md-button", text: "导出定义（JSON）", onclick: guarded(function () {
          D.download(def.id + ".json", new Blob([JSON.stringify(C.definitionFile(catalog, def), null, 2) + "\n"],
                                                 { type: "application/json" }));
        }) }));
    }

    var sel = def.select;
    var places = [];
    catalog.sources.forEach(function (s) {
      [s.province, s.jurisdiction].forEach(function (p) { if (p && places.indexOf(p) < 0) places.push(p); });
    });
    D.append(app,
      el("p", { className: "aq-progress" }, el("a", { href: "#", className: "md-button", text: "返回" }), " ", savedAt),
      el("h2", { text: "自选检查表" }),
      el("section", { className: "aq-panel" },
        textInput("title", "名称", C.LIMITS.title), textInput("form_code", "表单编号", C.LIMITS.form_code), codeWarning,
        textInput("heading", "第一部分的标题（可不填，默认为所选行业的名称）", C.LIMITS.heading),
        textInput("description", "说明（可不填）", C.LIMITS.description, true)),
      el("section", { className: "aq-panel" },
        checkboxes("sectors", "行业", catalog.sectors.filter(function (s) { return s.id !== catalog.main_duties.id; })
          .map(function (s) { return { value: s.id, label: s.name + "（" + s.items + "）" }; }),
          sel.sectors, function (v, on) { toggle(sel.sectors, v, on); refresh(); }),
        checkboxes("main", "企业安全生产主体责任", [{ value: "main", label: "并为一个部分（各类企业共同的责任制、培训、隐患排查、应急等）" }],
          def.include_main ? ["main"] : [], function (v, on) { def.include_main = on; refresh(); }),
        scopeBox,
        checkboxes("topics", "主题", catalog.topics.map(function (t) { return { value: t, label: t }; }), sel.topics,
          function (v, on) { toggle(sel.topics, v, on); refresh(); }, "不选则包括全部主题。"),
        checkboxes("derived", "推导的检查项", [{ value: "derived", label: "包括据政府部门职责列出的企业事项（标“※”）" }],
          sel.derived ? ["derived"] : [], function (v, on) { sel.derived = on; refresh(); },
          "不选则只包括原文直接对企业提出的要求。"),
        checkboxes("jurisdictions", "来源文件的地区", places.map(function (p) { return { value: p, label: p }; }), sel.jurisdictions,
          function (v, on) { toggle(sel.jurisdictions, v, on); refresh(); }, "不选则包括所有地区。"),
        checkboxes("status", "来源文件的状态", catalog.statuses.map(function (s) { return { value: s, label: s }; }), sel.status,
          function (v, on) { toggle(sel.status, v, on); refresh(); }, "不选则两种都包括。"),
        checkboxes("sources", "来源文件", catalog.sources.map(function (s) {
          return { value: s.id, label: s.label + "《" + s.title + "》（" + s.status + "，规划期" + s.period + (s.ended ? "，已结束" : "") + "）" };
        }), sel.sources, function (v, on) { toggle(sel.sources, v, on); refresh(); },
          "不选则包括所有文件。这些都是地方文件，规划期已结束，不是现行的国家规定。")),
      itemsBox, downloads());
    checkCode();
    showScopes();
    showItems();
  }

  // ---- the blank form to print ----------------------------------------------------------------------

  // The columns and ledger rows are the built-in forms' (generator/checklists/form.py, via the catalog).

  // The blank form prints on A4 landscape like the built-in PDFs. A named page (CSS `page:`) does not
  // reach through the theme's flex layout in Chromium, so the page rule is set while the form is shown.
  function landscape(on) {
    var style = document.getElementById("aq-page-landscape");
    if (on && !style) {
      document.head.appendChild(el("style", { id: "aq-page-landscape",
                                              text: "@page { size: A4 landscape; margin: 12mm 10mm 14mm; }" }));
    }
    if (!on && style) style.remove();
  }

  function blankForm(app, id, ui) {
    definitionAndCatalog(id).then(function (x) {
      var c = C.build(x.catalog, x.def, M.today());
      D.clear(app);
      document.body.classList.add("aq-reporting");
      landscape(true);
      var body = el("tbody", {});
      c.parts.forEach(function (part) {
        if (part.heading) D.append(body, el("tr", { className: "aq-blank__part" }, el("td", { colspan: 7, text: part.heading })));
        part.groups.forEach(function (group) {
          if (group.heading) D.append(body, el("tr", { className: "aq-blank__group" }, el("td", { colspan: 7, text: group.heading })));
          group.items.forEach(function (item) {
            D.append(body, el("tr", {},
              el("td", { text: String(item.n) }),
              el("td", { text: (item.derived ? "※ " : "") + (item.ref ? item.ref + " " : "") + item.title }),
              el("td", { text: item.content }),
              el("td", { text: item.methods + (item.records ? "\n查阅：" + item.records : "") }),
              el("td", {}, item.basis.map(function (b) { return el("div", {}, b.text, el("br", {}), el("small", { text: b.ref })); })),
              el("td", { className: "aq-blank__boxes", text: c.results.map(function (r) { return "☐" + r; }).join("\n") }),
              el("td", {})));
          });
        });
      });
      var ledgerRows = [];
      var form = x.catalog.form;
      for (var i = 0; i < form.ledger_rows; i++) {
        ledgerRows.push(el("tr", {}, form.ledger_columns.map(function (_, k) { return el("td", { text: k === 0 ? String(i + 1) : "" }); })));
      }
      D.append(app,
        el("p", { className: "aq-noprint aq-actions" },
          el("button", { type: "button", className: "md-button md-button--primary", text: "打印 / 保存为 PDF",
                         onclick: function () { window.print(); } }), " ",
          el("a", { href: "#compose/" + id, className: "md-button", text: "返回组表" })),
        el("article", { className: "aq-blank" },
          el("h2", { text: c.title }),
          el("p", { className: "aq-muted", text: "表单编号 " + c.form_code + " · 版本 " + c.checklist_version + " · 生成日期 " + c.generated }),
          el("table", { className: "aq-blank__header" }, el("tbody", {}, c.fields.map(function (f) {
            return el("tr", {}, el("th", { text: f }),
                      el("td", { text: f === "检查类型" ? c.inspection_types.map(function (t) { return "☐" + t; }).join("　") : "" }));
          }))),
          el("table", { className: "aq-blank__items" },
            el("thead", {}, el("tr", {}, form.columns.map(function (h) { return el("th", { text: h }); }))), body),
          el("h3", { text: "说明" }),
          el("ul", {}, c.notes.map(function (n) { return el("li", { text: n }); })),
          el("h3", { text: "所依据的文件" }),
          el("ul", {}, c.documents.map(function (d) { return el("li", { text: d }); })),
          el("h3", { className: "aq-blank__break", text: c.ledger_title }),
          el("table", { className: "aq-blank__ledger" },
            el("thead", {}, el("tr", {}, form.ledger_columns.map(function (h) { return el("th", { text: h }); }))),
            el("tbody", {}, ledgerRows)),
          A.report.signatures(c),
          c.appendix.length ? el("h3", { className: "aq-blank__break", text: x.catalog.appendix_title }) : null,
          el("ol", { className: "aq-blank__appendix" }, c.appendix.map(function (q) { return el("li", { value: q.n, text: q.text }); }))));
      app.scrollIntoView();
    }).catch(ui.failed);
  }

  A.composer = { homeSection: homeSection, render: render, blankForm: blankForm, loadCatalog: loadCatalog,
                 leaveBlank: function () { landscape(false); } };
})();
