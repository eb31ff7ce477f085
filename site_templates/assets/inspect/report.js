// 自查报告: statistics, any 重大隐患 on the first page, the filled checklist, the 隐患整改台账, photos and
// signature lines; printed with the page's print CSS (site.css) and downloadable as XLSX, CSV and JSON.
(function () {
  "use strict";
  var A = window.AQInspect = window.AQInspect || {};
  var M = A.model, D = A.dom, S = A.store, el = D.el;

  function table(className, head, rows) {
    return el("div", { className: "aq-table" }, el("table", { className: className },
      el("thead", {}, el("tr", {}, head.map(function (h) { return el("th", { text: h }); }))),
      el("tbody", {}, rows.map(function (cells) {
        return el("tr", {}, cells.map(function (c, i) { return el("td", { "data-label": head[i], text: String(c) }); }));
      }))));
  }

  function statistics(s) {
    return el("table", { className: "aq-report-stats" },
      el("tbody", {},
        el("tr", {}, ["检查项", "符合", "不符合", "不适用", "未检查", "重大隐患", "符合率"].map(function (h) { return el("th", { text: h }); })),
        el("tr", {}, [s.items, s.conform, s.nonconform, s.na, s.unchecked, s.major,
                      s.rate === null ? "—" : s.rate + "%"].map(function (v) { return el("td", { text: String(v) }); }))));
  }

  function majorHazards(checklist, record) {
    var rows = M.ledger(checklist, record).filter(function (row) { return row.answer.level === M.MAJOR; });
    if (!rows.length) return null;
    return el("div", { className: "aq-major", role: "alert" },
      el("p", { className: "aq-major__title", text: "发现重大隐患 " + rows.length + " 项" }),
      el("ul", {}, rows.map(function (row) {
        return el("li", { text: "第 " + row.item.n + " 项 " + row.item.title + (row.answer.problem ? "：" + row.answer.problem : "") +
                                (row.answer.location ? "（" + row.answer.location + "）" : "") });
      })));
  }

  function notApplicable(checklist, record) {
    var items = M.items(checklist).filter(function (item) {
      return (record.answers[item.n] || {}).result === M.NOT_APPLICABLE;
    });
    if (!items.length) return null;
    return el("div", {}, el("h3", { text: "不适用的项目及理由" }),
      el("ul", {}, items.map(function (item) {
        var reason = (record.answers[item.n].reason || "").trim();
        return el("li", { text: "第 " + item.n + " 项 " + item.title + "：" + (reason || "（未写理由）") });
      })));
  }

  function photos(checklist, record) {
    var boxes = [];
    M.ledger(checklist, record).forEach(function (row) {
      (row.answer.photos || []).forEach(function (id) {
        var img = el("img", { alt: "第 " + row.item.n + " 项照片", className: "aq-report__photo" });
        S.photo(id).then(function (url) { if (url) img.src = url; });
        boxes.push(el("figure", {}, img, el("figcaption", { text: "第 " + row.item.n + " 项" })));
      });
    });
    return boxes.length ? el("div", {}, el("h3", { text: "照片" }), el("div", { className: "aq-report__photos" }, boxes)) : null;
  }

  function signatures(checklist) {
    return el("div", { className: "aq-signatures" }, checklist.signoff.map(function (who) {
      return el("p", {}, who + "（签字）：", el("span", { className: "aq-sign-line" }), "　日期：", el("span", { className: "aq-sign-line aq-sign-line--short" }));
    }));
  }

  function toolbar(checklist, record, actions) {
    var name = function (ext) { return D.fileName(["自查报告", checklist.form_code, record.header["检查日期"]], ext); };
    return el("p", { className: "aq-noprint aq-actions" },
      el("button", { type: "button", className: "md-button md-button--primary", text: "打印 / 保存为 PDF",
                     onclick: function () { window.print(); } }), " ",
      el("button", { type: "button", className: "md-button", text: "下载 Excel", onclick: function (event) {
        var button = event.currentTarget;
        button.disabled = true;
        A.sheets.xlsx(checklist, record).then(function (blob) { D.download(name("xlsx"), blob); })
          .catch(actions.failed).then(function () { button.disabled = false; });
      } }), " ",
      el("button", { type: "button", className: "md-button", text: "下载 CSV", onclick: function () {
        D.download(name("csv"), new Blob([A.sheets.csv(checklist, record)], { type: "text/csv;charset=utf-8" }));
      } }), " ",
      el("button", { type: "button", className: "md-button", text: "下载备份（JSON）", onclick: actions.backup }), " ",
      el("a", { href: "#i/" + record.id, className: "md-button", text: "返回检查" }));
  }

  function render(app, record, checklist, actions) {
    D.clear(app);
    document.body.classList.add("aq-reporting");
    var s = M.stats(checklist, record);
    var ledger = M.ledger(checklist, record);
    D.append(app, toolbar(checklist, record, actions), el("article", { className: "aq-report" },
      el("h2", { text: checklist.title + " 自查报告" }),
      el("p", { className: "aq-muted", text: "表单编号 " + checklist.form_code + " · 版本 " + checklist.checklist_version +
                                            " · 报告生成 " + M.today() }),
      table("aq-report__header", ["项目", "内容"], checklist.fields.map(function (f) { return [f, record.header[f] || ""]; })),
      majorHazards(checklist, record),
      s.unchecked ? el("p", { className: "aq-warning", text: "尚有 " + s.unchecked + " 项未检查。" }) : null,
      s.naMissingReason ? el("p", { className: "aq-warning", text: s.naMissingReason + " 项“不适用”没有写理由。" }) : null,
      el("h3", { text: "统计" }), statistics(s),
      el("p", { className: "aq-muted", text: "符合率 = 符合 ÷（符合 + 不符合）；不适用和未检查的项目不计入。" }),
      notApplicable(checklist, record),
      el("h3", { text: "检查结果" }),
      table("aq-report__items", ["序号", "检查项目", "检查结果", "问题描述（不适用的理由）", "位置"],
            A.sheets.checkRows(checklist, record).map(function (r) { return [r[0], r[2], r[4], r[5], r[6]]; })),
      el("h3", { text: checklist.ledger_title }),
      ledger.length ? table("aq-report__ledger", A.sheets.LEDGER_COLUMNS.map(function (c) { return c[0]; }),
                            A.sheets.ledgerRows(checklist, record))
                    : el("p", { text: "本次检查没有不符合的项目。" }),
      photos(checklist, record),
      signatures(checklist),
      el("h3", { text: "说明" }),
      el("ul", { className: "aq-report__notes" }, checklist.notes.concat(checklist.documents).map(function (n) {
        return el("li", { text: n });
      }))));
    app.scrollIntoView();  // past the page's introduction
  }

  A.report = { render: render, signatures: signatures };
})();
