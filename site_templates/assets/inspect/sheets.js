// A filled inspection as CSV and as XLSX (ExcelJS, loaded only when the user asks for the workbook).
(function () {
  "use strict";
  var A = window.AQInspect = window.AQInspect || {};
  var M = A.model;
  var EXCELJS = "assets/vendor/exceljs/exceljs.min.js";
  var FORMULA_STARTS = /^[=+\-@\t\r]/;
  var BLANK_RESULT = "☐符合 ☐不符合 ☐不适用";

  var CHECK_COLUMNS = [["序号", 6], ["部分", 14], ["检查项目", 26], ["检查内容", 46], ["检查结果", 9],
                       ["问题描述（不适用的写明理由）", 36], ["位置", 14]];
  var LEDGER_COLUMNS = [["序号", 6], ["检查表序号", 8], ["检查项目", 24], ["隐患描述", 32], ["位置", 14],
                        ["隐患等级", 8], ["整改措施", 30], ["责任人", 10], ["整改期限", 12], ["复查人", 10],
                        ["复查日期", 12], ["复查结论", 10], ["销号日期", 12]];

  // A spreadsheet evaluates a CSV cell that starts with = + - @ (or tab/CR): such a cell gets a leading
  // apostrophe, so it is shown as the text that was typed.
  function safeText(value) {
    var text = value == null ? "" : String(value);
    return FORMULA_STARTS.test(text) ? "'" + text : text;
  }

  function partOf(checklist) {
    var parts = {};
    checklist.parts.forEach(function (part) {
      part.groups.forEach(function (g) { g.items.forEach(function (item) { parts[item.n] = part.heading; }); });
    });
    return parts;
  }

  function checkRows(checklist, record) {
    var parts = partOf(checklist);
    return M.items(checklist).map(function (item) {
      var a = record.answers[item.n] || {};
      var note = a.result === M.NOT_APPLICABLE ? a.reason : a.problem;
      var result = a.result || (record.blank ? BLANK_RESULT : "未检查");
      return [item.n, parts[item.n] || "", item.title, item.content, result, note || "", a.location || ""];
    });
  }

  function ledgerRows(checklist, record) {
    return M.ledger(checklist, record).map(function (row) {
      var a = row.answer;
      return [row.row, row.item.n, row.item.title, a.problem || "", a.location || "", a.level || "", a.measure || "",
              a.owner || "", a.deadline || "", a.reviewer || "", a.review_date || "", a.review || "", a.closed || ""];
    });
  }

  function headerLines(checklist, record) {
    var s = M.stats(checklist, record);
    var lines = [["表单编号", checklist.form_code + "（版本 " + checklist.checklist_version + "）"]];
    checklist.fields.forEach(function (f) { lines.push([f, record.header[f] || ""]); });
    if (record.blank) return lines;  // a blank form (在线组表) to fill in by hand: no statistics
    lines.push(["统计", "检查项 " + s.items + "，符合 " + s.conform + "，不符合 " + s.nonconform + "，不适用 " + s.na +
                "，未检查 " + s.unchecked + "，重大隐患 " + s.major +
                "，符合率 " + (s.rate === null ? "—" : s.rate + "%") + "（不适用项不计入）"]);
    return lines;
  }

  function csvCell(value) {
    var text = safeText(value);
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  // One table: the filled checklist with each item's hazard and 复查 columns (UTF-8 with BOM for Excel).
  function csv(checklist, record) {
    var ledger = {};
    M.ledger(checklist, record).forEach(function (row) { ledger[row.item.n] = row.answer; });
    var head = CHECK_COLUMNS.map(function (c) { return c[0]; })
      .concat(["隐患等级", "整改措施", "责任人", "整改期限", "复查人", "复查日期", "复查结论", "销号日期"]);
    var lines = [head].concat(checkRows(checklist, record).map(function (row) {
      var a = ledger[row[0]] || {};
      return row.concat([a.level, a.measure, a.owner, a.deadline, a.reviewer, a.review_date, a.review, a.closed]);
    }));
    return "\ufeff" + lines.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }

  function loadExcelJS() {
    if (window.ExcelJS) return Promise.resolve(window.ExcelJS);
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = A.root + EXCELJS;
      script.onload = function () { resolve(window.ExcelJS); };
      script.onerror = function () { reject(new Error("无法载入 Excel 组件（" + EXCELJS + "）")); };
      document.head.appendChild(script);
    });
  }

  function addTable(sheet, code, title, lines, columns, rows) {
    var width = columns.length;
    sheet.columns = columns.map(function (c) { return { width: c[1] }; });
    sheet.addRow([title]).font = { bold: true, size: 14 };
    sheet.mergeCells(1, 1, 1, width);
    lines.forEach(function (line) {
      var row = sheet.addRow([line[0], line[1]]);
      sheet.mergeCells(row.number, 2, row.number, width);
    });
    sheet.addRow([]);
    var head = sheet.addRow(columns.map(function (c) { return c[0]; }));
    head.font = { bold: true };
    head.eachCell(function (cell) {
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EAF6" } };
    });
    // Typed text goes in as strings: ExcelJS writes a formula only when given {formula: …}.
    rows.forEach(function (values) { sheet.addRow(values); });
    sheet.eachRow(function (row, number) {
      if (number === 1) return;
      row.eachCell({ includeEmpty: true }, function (cell) {
        cell.alignment = { wrapText: true, vertical: "top" };
        if (number >= head.number) {
          cell.border = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
        }
      });
    });
    sheet.views = [{ state: "frozen", ySplit: head.number }];
    sheet.pageSetup = { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0,
                        printTitlesRow: head.number + ":" + head.number,
                        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.2, footer: 0.3 } };
    sheet.headerFooter = { oddFooter: "&L" + code + "&C第 &P 页 共 &N 页" };
  }

  function xlsx(checklist, record) {
    return loadExcelJS().then(function (ExcelJS) {
      var book = new ExcelJS.Workbook();
      book.creator = "安全生产知识库";
      book.created = new Date();
      var lines = headerLines(checklist, record);
      addTable(book.addWorksheet("自查表"), checklist.form_code, checklist.title + (record.blank ? "" : " 自查记录"), lines, CHECK_COLUMNS, checkRows(checklist, record));
      addTable(book.addWorksheet(checklist.ledger_title), checklist.form_code, checklist.ledger_title, lines.slice(0, 3), LEDGER_COLUMNS, ledgerRows(checklist, record));
      return book.xlsx.writeBuffer();
    }).then(function (buffer) {
      return new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
    });
  }

  A.sheets = { csv: csv, xlsx: xlsx, safeText: safeText, checkRows: checkRows, ledgerRows: ledgerRows,
               CHECK_COLUMNS: CHECK_COLUMNS, LEDGER_COLUMNS: LEDGER_COLUMNS };
})();
