// The JSON backup: one file holds inspections with the checklists they were made from and their photos.
// Importing checks the whole file first; a file that is not ours, of a newer format, cut short or changed
// after export is refused with a sentence saying so, and nothing stored is touched.
(function () {
  "use strict";
  var A = window.AQInspect = window.AQInspect || {};
  var M = A.model;

  var FORMAT = "aq-inspection-backup";
  var VERSION = 1;
  var CHECKLIST_FORMAT = "aq-checklist";
  var CHECKLIST_VERSION = 1;
  var PHOTO = /^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/;
  var DATE = /^(\d{4}-\d{2}-\d{2})?$/;
  var ID = /^[a-z0-9-]{3,60}$/;

  function checksum(text) { return "fnv1a32-" + M.fnv1a(text); }

  function build(entries) {
    var inspections = entries.map(function (e) {
      return { record: e.record, checklist: e.checklist, photos: e.photos };
    });
    return JSON.stringify({ format: FORMAT, version: VERSION, exported: new Date().toISOString(),
                            checksum: checksum(JSON.stringify(inspections)), inspections: inspections });
  }

  function Problem(message) { this.message = message; }

  function isText(v) { return typeof v === "string"; }
  function need(ok, message) { if (!ok) throw new Problem(message); }

  function jsonLine(text, error) {
    var m = /position (\d+)/.exec(String(error && error.message));
    if (m) return text.slice(0, Number(m[1])).split("\n").length;
    m = /line (\d+)/.exec(String(error && error.message));
    return m ? Number(m[1]) : text.split("\n").length;
  }

  function checkChecklist(c, where) {
    need(c && typeof c === "object", where + "缺少检查表内容。");
    need(c.format === CHECKLIST_FORMAT, where + "的检查表不是本网站的格式。");
    need(typeof c.version === "number" && c.version <= CHECKLIST_VERSION,
         where + "的检查表格式版本比本网站新，请用更新的网站导入。");
    need(isText(c.id) && ID.test(c.id) && isText(c.title) && isText(c.form_code) && isText(c.checklist_version),
         where + "的检查表缺少编号或名称。");
    need(Array.isArray(c.fields) && c.fields.every(isText), where + "的检查表表头栏目有误。");
    ["documents", "notes", "signoff", "inspection_types", "results", "levels", "review_results"].forEach(function (k) {
      need(Array.isArray(c[k]) && c[k].every(isText), where + "的检查表“" + k + "”有误。");
    });
    need(Array.isArray(c.parts) && c.parts.length > 0, where + "的检查表没有检查项。");
    var numbers = {};
    c.parts.forEach(function (part) {
      need(part && isText(part.heading) && Array.isArray(part.groups), where + "的检查表分部有误。");
      part.groups.forEach(function (group) {
        need(group && isText(group.heading) && Array.isArray(group.items), where + "的检查表分组有误。");
        group.items.forEach(function (item) {
          need(item && Number.isInteger(item.n) && item.n > 0 && !numbers[item.n], where + "的检查表序号有误。");
          numbers[item.n] = true;
          need(isText(item.title) && isText(item.content) && isText(item.ref) && isText(item.methods) &&
               isText(item.records) && typeof item.derived === "boolean" && Array.isArray(item.basis) &&
               item.basis.every(function (b) { return b && isText(b.text) && isText(b.ref); }),
               where + "的检查表第 " + item.n + " 项内容有误。");
        });
      });
    });
    return numbers;
  }

  function checkRecord(r, numbers, photos, where) {
    need(r && typeof r === "object" && r.format === M.RECORD_FORMAT, where + "不是自查记录。");
    need(typeof r.version === "number" && r.version <= M.RECORD_VERSION,
         where + "的格式版本比本网站新，请用更新的网站导入。");
    need(isText(r.id) && ID.test(r.id), where + "的记录编号有误。");
    need(isText(r.checklist_key) && isText(r.title) && isText(r.created) && isText(r.updated),
         where + "缺少检查表名称或时间。");
    need(r.header && typeof r.header === "object" && !Array.isArray(r.header), where + "的表头有误。");
    Object.keys(r.header).forEach(function (k) {
      need(isText(r.header[k]) && r.header[k].length <= 200, where + "的表头“" + k + "”有误。");
    });
    need(r.answers && typeof r.answers === "object" && !Array.isArray(r.answers), where + "的检查结果有误。");
    Object.keys(r.answers).forEach(function (n) {
      var a = r.answers[n];
      var at = where + "第 " + n + " 项";
      need(numbers[n], at + "不在检查表中。");
      need(a && typeof a === "object", at + "的内容有误。");
      Object.keys(a).forEach(function (k) {
        if (k === "photos") return;
        need(k in M.ANSWER_TEXT, at + "有未知的栏目“" + k + "”。");
        need(isText(a[k]) && a[k].length <= M.ANSWER_TEXT[k], at + "的“" + k + "”有误或过长。");
      });
      need(["", M.CONFORM, M.NONCONFORM, M.NOT_APPLICABLE].indexOf(a.result || "") >= 0,
           at + "的检查结果“" + a.result + "”不是 符合、不符合、不适用 之一。");
      need(["", "一般", M.MAJOR].indexOf(a.level || "") >= 0, at + "的隐患等级“" + a.level + "”有误。");
      ["deadline", "review_date", "closed"].forEach(function (k) {
        need(DATE.test(a[k] || ""), at + "的日期“" + a[k] + "”格式有误（应为 年-月-日）。");
      });
      need(Array.isArray(a.photos || []) && (a.photos || []).every(function (id) {
        return isText(id) && isText(photos[id]) && PHOTO.test(photos[id]);
      }), at + "的照片缺失或已损坏。");
    });
  }

  // The file's inspections, checked; or a Problem naming the file and what is wrong.
  function parse(text, fileName) {
    var name = "文件“" + fileName + "”";
    var data;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new Problem(name + "不完整或不是 JSON 文件（第 " + jsonLine(text, e) + " 行附近出错）。没有导入任何内容。");
    }
    try {
      need(data && typeof data === "object" && data.format === FORMAT,
           name + "不是本网站导出的自查备份。没有导入任何内容。");
      need(typeof data.version === "number", name + "缺少格式版本。没有导入任何内容。");
      need(data.version <= VERSION, name + "的格式版本是 " + data.version + "，比本网站使用的版本 " + VERSION +
           " 新：请用更新版本的网站导入。没有导入任何内容。");
      need(Array.isArray(data.inspections), name + "中没有自查记录。没有导入任何内容。");
      need(data.checksum === checksum(JSON.stringify(data.inspections)),
           name + "在导出后被修改过或已损坏（校验码不符）。没有导入任何内容。");
      data.inspections.forEach(function (e, i) {
        var where = name + "中的第 " + (i + 1) + " 条自查记录";
        try {
          need(e && typeof e === "object" && e.photos && typeof e.photos === "object", where + "有误。");
          var numbers = checkChecklist(e.checklist, where);
          checkRecord(e.record, numbers, e.photos, where);
          need(e.record.checklist_key === M.checklistKey(e.checklist), where + "与它的检查表对不上。");
        } catch (problem) {
          if (problem instanceof Problem) problem.message += "没有导入任何内容。";
          throw problem;
        }
      });
    } catch (e) {
      if (e instanceof Problem) throw e;
      throw new Problem(name + "的内容有误（" + e.message + "）。没有导入任何内容。");
    }
    return data.inspections;
  }

  A.backup = { FORMAT: FORMAT, VERSION: VERSION, build: build, parse: parse, checksum: checksum, Problem: Problem };
})();
