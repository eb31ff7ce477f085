// 在线组表: a composed checklist's definition, and the checklist data it makes from the catalog
// (checklists/data/catalog.js). Mirrors generator/checklists/select.py (what is chosen, in which order)
// and form.py / form_data.py (how a form lays it out and what its notes say); the tests compose every
// built-in definition here and compare the result with the generator's data, so the two stay the same.
// Pure functions over plain data; the page is composer.js.
(function () {
  "use strict";
  var A = window.AQInspect = window.AQInspect || {};

  var DEFINITION_FORMAT = "aq-composed";
  var DEFINITION_VERSION = 1;
  var FORM_CODE = /^ZCB-[A-Z]{2,4}-[0-9]{2}$/;
  var DEFAULT_FORM_CODE = "ZCB-ZX-01";
  var TEXT_LIMITS = { title: 100, heading: 60, description: 500, form_code: 12, reason: 200, own_title: 100, own_content: 500,
                      own_basis: 300 };

  function unique(list) {
    var seen = {};
    return list.filter(function (x) { var k = String(x); if (seen[k]) return false; seen[k] = true; return true; });
  }
  function intersects(a, b) { return a.some(function (x) { return b.indexOf(x) >= 0; }); }

  function newDefinition(id) {
    var now = new Date().toISOString();
    return {
      format: DEFINITION_FORMAT, version: DEFINITION_VERSION, id: id, title: "", form_code: DEFAULT_FORM_CODE,
      heading: "", description: "", created: now, updated: now,
      select: { sectors: [], scope: [], topics: [], actors: [], sources: [], exclude_sources: [], jurisdictions: [],
                status: [], derived: true },
      include_main: true, exclude: [], order: [], own_items: [],
    };
  }

  // ---- selection (select.py) ---------------------------------------------------------------------

  function documentFilter(catalog, select) {
    var sources = {};
    catalog.sources.forEach(function (s) { sources[s.id] = s; });
    return function (cite) {
      var s = sources[cite.source];
      if (!s) return false;
      return (!select.sources.length || select.sources.indexOf(s.id) >= 0) && select.exclude_sources.indexOf(s.id) < 0 &&
        (!select.jurisdictions.length || intersects(s.places, select.jurisdictions)) &&
        (!select.status.length || select.status.indexOf(s.status) >= 0);
    };
  }

  function bySector(catalog) {
    var map = {};
    catalog.requirements.forEach(function (r) { (map[r.sector] = map[r.sector] || []).push(r); });
    return map;
  }

  // The requirements a selection takes, each with the citations the form may rest on.
  function selected(catalog, select, outer, allows) {
    var sectors = bySector(catalog);
    var chosen = [];
    select.sectors.forEach(function (sid) {
      (sectors[sid] || []).forEach(function (r) {
        if (select.topics.length && !intersects(r.topics, select.topics)) return;
        if (select.actors.length && select.actors.indexOf(r.actor) < 0) return;
        if (select.scope.length && r.scope.length && !intersects(select.scope, r.scope)) return;
        chosen.push(r);
      });
    });
    var derivedAllowed = outer.derived && select.derived;
    return chosen.map(function (r) { return { req: r, cites: r.cites.filter(allows) }; })
      .filter(function (x) { return x.cites.length && (derivedAllowed || !x.req.derived); });
  }

  function mainDutiesSelect(catalog) {
    var m = catalog.main_duties;
    return { sectors: m.sectors, scope: [], topics: [], actors: [], sources: [], exclude_sources: [],
             jurisdictions: [], status: [], derived: true };
  }

  function sectorHeading(catalog, ids) {
    return catalog.sectors.filter(function (s) { return ids.indexOf(s.id) >= 0; })
      .sort(function (a, b) { return ids.indexOf(a.id) - ids.indexOf(b.id); })
      .map(function (s) { return s.name; }).join("、");
  }

  // The parts before layout: [{heading, chosen: [{req, cites}]}], each requirement once, exclusions removed.
  function chosenParts(catalog, def) {
    var allows = documentFilter(catalog, def.select);
    var parts = [{ heading: (def.heading || "").trim() || sectorHeading(catalog, def.select.sectors) || def.title,
                   chosen: selected(catalog, def.select, def.select, allows) }];
    if (def.include_main && catalog.main_duties.id) {
      var skip = catalog.main_duties.exclude;
      parts.push({ heading: catalog.main_duties.heading,
                   chosen: selected(catalog, mainDutiesSelect(catalog), def.select, allows).filter(function (x) {
                     return skip.indexOf(x.req.id) < 0;
                   }) });
    }
    var excluded = def.exclude.map(function (e) { return e.id; });
    var taken = {};
    return parts.map(function (p) {
      var fresh = p.chosen.filter(function (x) { return !taken[x.req.id] && excluded.indexOf(x.req.id) < 0; });
      fresh.forEach(function (x) { taken[x.req.id] = true; });
      return { heading: p.heading, chosen: fresh };
    }).filter(function (p) { return p.chosen.length; });
  }

  // Every requirement the selection takes before exclusions (the composer lists removed ones from it).
  function candidates(catalog, def) {
    var open = JSON.parse(JSON.stringify(def));
    open.exclude = [];
    var ids = {};
    chosenParts(catalog, open).forEach(function (p) { p.chosen.forEach(function (x) { ids[x.req.id] = x.req; }); });
    return ids;
  }

  // Grouped by first topic in the topics' order; within a group, ordered ids first (select.py).
  function ranked(catalog, chosen, order) {
    var topicRank = {};
    catalog.topics.forEach(function (t, i) { topicRank[t] = i; });
    var placed = {};
    order.forEach(function (id, i) { placed[id] = i; });
    function key(x, i) {
      var t = topicRank[x.req.topics[0]];
      var p = placed[x.req.id];
      return [t === undefined ? catalog.topics.length : t, p === undefined ? order.length : p, i];
    }
    return chosen.map(function (x, i) { return { x: x, k: key(x, i) }; }).sort(function (a, b) {
      for (var j = 0; j < 3; j++) if (a.k[j] !== b.k[j]) return a.k[j] - b.k[j];
      return 0;
    }).map(function (y) { return y.x; });
  }

  // ---- citing (citing.py) ---------------------------------------------------------------------------

  function quoteBook(catalog) {
    var sources = {};
    catalog.sources.forEach(function (s) { sources[s.id] = s; });
    var numbers = {}, quotes = [];
    function number(c) {
      var key = c.source + "\u0000" + c.lines + "\u0000" + c.quote;
      if (!numbers[key]) {
        numbers[key] = quotes.length + 1;
        quotes.push({ n: numbers[key], source: c.source, text: sources[c.source].short + " " + c.section + " 第" + c.lines +
                      "行：“" + c.quote + "”" });
      }
      return numbers[key];
    }
    function basis(cites) {
      var order = [], grouped = {};
      cites.forEach(function (c) {
        if (!grouped[c.source]) { grouped[c.source] = []; order.push(c.source); }
        grouped[c.source].push(c);
      });
      return order.map(function (sid) {
        var group = grouped[sid];
        var sections = unique(group.map(function (c) { return c.number; }));
        var lines = unique(group.map(function (c) { return c.lines; }));
        var nums = unique(group.map(number));
        return { text: sources[sid].label + " " + sections.join("；"), ref: "第" + lines.join("、") + "行 · 摘录" + nums.join("、") };
      });
    }
    return { basis: basis, quotes: quotes };
  }

  // ---- the form's words (form.py) -------------------------------------------------------------------

  function documents(usedSources) {
    return usedSources.map(function (s) {
      var period = "规划期" + s.period + (s.ended ? "，已结束" : "");
      return s.label + "：《" + s.title + "》（" + s.jurisdiction + "，" + s.status + "，" + period + "）";
    });
  }

  function notes(catalog, usedSources, hasDerived, hasOwn) {
    var places = unique(usedSources.map(function (s) { return s.jurisdiction; })).join("、");
    var list = ["本表的检查项取自 " + usedSources.length + " 份地方文件（" + places + "）中的规定，" +
                "不是法律法规条款，也不是重大事故隐患判定标准；文件没有写到的事项，本表也不涉及。"];
    var ended = usedSources.filter(function (s) { return s.ended; });
    var drafts = usedSources.filter(function (s) { return s.status === "征求意见稿"; });
    var status = [];
    if (ended.length) {
      var years = unique(ended.map(function (s) { return s.period_end; })).sort(function (a, b) { return a - b; })
        .map(function (y) { return y + " 年"; }).join("或");
      status.push((ended.length === usedSources.length ? "这些文件的规划期都已结束" : "其中 " + ended.length + " 份的规划期已结束") +
                  "（至 " + years + "）");
    }
    if (drafts.length) status.push(drafts.map(function (s) { return s.place; }).join("、") + "的文件是征求意见稿，不是正式印发的文件");
    list.push((status.length ? status.join("，") + "。" : "") + "使用时请对照现行的法律法规、国家标准和行业标准以及本地的规定。");
    var mark = catalog.derived_mark;
    if (hasDerived) {
      list.push("标“" + mark + "”的检查项：原文是对政府部门工作的要求，工作对象是企业，本表据此列出企业应做到的事项，" +
                "不是原文对企业的直接规定。");
    }
    list.push("检查结果在相应方框内打“√”；选“不适用”的，在问题描述栏写明理由。发现的问题按本表序号登记到" +
              "“" + catalog.ledger_title + "”，整改完成后复查销号。");
    if (hasOwn) list.push("“" + catalog.own_part + "”是使用本表的单位自己写的，检查依据由该单位填写，不出自本知识库收录的文件。");
    list.push("“检查依据”栏列出文件、章节和行号（行号对应本知识库收录的原文）；“摘录”后的编号对应附页“" + catalog.appendix_title + "”。");
    return list;
  }

  // ---- the checklist data (form_data.py) ------------------------------------------------------------

  function build(catalog, def, today) {
    var book = quoteBook(catalog);
    var parts = chosenParts(catalog, def).map(function (p) {
      return { heading: p.heading, chosen: ranked(catalog, p.chosen, def.order) };
    });
    var own = def.own_items.filter(function (o) { return o.title.trim() && o.content.trim(); });
    var n = 0, hasDerived = false;
    var laidOut = parts.map(function (p) {
      var groups = [];
      p.chosen.forEach(function (x) {
        var r = x.req;
        if (!groups.length || groups[groups.length - 1].heading !== r.topics[0]) groups.push({ heading: r.topics[0], items: [] });
        hasDerived = hasDerived || r.derived;
        groups[groups.length - 1].items.push({
          n: ++n, ref: r.id, title: r.title, derived: r.derived, content: r.question, methods: r.methods.join("、"),
          records: r.records.join("、"), basis: book.basis(x.cites),
        });
      });
      return { heading: p.heading, groups: groups };
    });
    if (own.length) {
      laidOut.push({ heading: catalog.own_part, groups: [{ heading: "", items: own.map(function (o) {
        var methods = o.methods && o.methods.length ? o.methods.join("、") : catalog.own_method;
        return { n: ++n, ref: "", title: o.title.trim(), derived: false, content: o.content.trim(), methods: methods,
                 records: "", basis: [{ text: o.basis.trim(), ref: catalog.own_basis_mark }], own: true };
      }) }] });
    }
    var numbered = laidOut.length > 1;
    var labels = "一二三四五六七八九十";
    laidOut.forEach(function (p, i) { p.heading = numbered ? labels[i] + "、" + p.heading : ""; });
    var used = {};
    book.quotes.forEach(function (q) { used[q.source] = true; });
    var usedSources = catalog.sources.filter(function (s) { return used[s.id]; });
    var data = {
      format: "aq-checklist", version: 1, id: def.id, form_code: def.form_code || DEFAULT_FORM_CODE,
      title: def.title || "自选自查表", kind: "自查表", checklist_version: "", generated: today,
      fields: catalog.fields, inspection_types: catalog.inspection_types, results: catalog.results,
      levels: catalog.levels, review_results: catalog.review_results, ledger_title: catalog.ledger_title,
      documents: documents(usedSources), notes: notes(catalog, usedSources, hasDerived, own.length > 0),
      signoff: catalog.signoff, parts: laidOut,
      appendix: book.quotes.map(function (q) { return { n: String(q.n), text: q.text }; }),
      composed: true,
    };
    // a digest of what the form prints, so an edited composition gets a new version
    data.checklist_version = "自选-" + A.model.fnv1a(JSON.stringify([data.title, data.form_code, data.parts, data.appendix, data.notes]));
    return data;
  }

  // ---- the definition file (checklists/*.yaml) --------------------------------------------------

  // What the generator reads: only the keys the checklist schema knows, only ids the selection takes.
  function definitionFile(catalog, def) {
    var taken = candidates(catalog, def);
    var out = { id: def.id, form_code: def.form_code || DEFAULT_FORM_CODE, title: def.title || "自选自查表", audience: "企业" };
    if ((def.heading || "").trim()) out.heading = def.heading.trim();
    if (def.description.trim()) out.description = def.description.trim();
    var select = {};
    ["sectors", "scope", "topics", "actors", "sources", "exclude_sources", "jurisdictions", "status"].forEach(function (k) {
      if (def.select[k].length) select[k] = def.select[k].slice();
    });
    if (!def.select.derived) select.derived = false;
    out.select = select;
    out.include = def.include_main && catalog.main_duties.id ? [catalog.main_duties.id] : [];
    var exclude = def.exclude.filter(function (e) { return taken[e.id]; });
    if (exclude.length) out.exclude = exclude.map(function (e) { return { id: e.id, reason: e.reason.trim() || "不适用于本单位" }; });
    var excluded = exclude.map(function (e) { return e.id; });
    var order = def.order.filter(function (id) { return taken[id] && excluded.indexOf(id) < 0; });
    if (order.length) out.order = order;
    var own = def.own_items.filter(function (o) { return o.title.trim() && o.content.trim() && o.basis.trim(); });
    if (own.length) {
      out.own_items = own.map(function (o) {
        var entry = { title: o.title.trim(), content: o.content.trim(), basis: o.basis.trim() };
        if (o.methods && o.methods.length) entry.methods = o.methods.slice();
        return entry;
      });
    }
    return out;
  }

  // YAML whose every string is a JSON string (a valid YAML double-quoted scalar): nothing typed can
  // change the file's structure.
  function yamlText(value, indent) {
    indent = indent || "";
    var lines = [];
    Object.keys(value).forEach(function (key) {
      var v = value[key];
      if (Array.isArray(v) && v.length && typeof v[0] === "object") {
        lines.push(indent + key + ":");
        v.forEach(function (entry) {
          var inner = yamlText(entry, indent + "    ").split("\n");
          lines.push(indent + "  - " + inner[0].slice(indent.length + 4));
          inner.slice(1).forEach(function (l) { lines.push(l); });
        });
      } else if (Array.isArray(v)) {
        lines.push(indent + key + ": [" + v.map(function (x) { return JSON.stringify(x); }).join(", ") + "]");
      } else if (v && typeof v === "object") {
        lines.push(indent + key + ":");
        lines.push(yamlText(v, indent + "  "));
      } else {
        lines.push(indent + key + ": " + JSON.stringify(v));
      }
    });
    return lines.join("\n");
  }

  function definitionYaml(catalog, def) {
    return "# yaml-language-server: $schema=../schema/checklist.schema.json\n" +
      "# 在线组表导出。放进 checklists/（文件名 " + def.id + ".yaml）即成为内置自查表；表单编号须与已有的不同。\n" +
      yamlText(definitionFile(catalog, def)) + "\n";
  }

  // ---- reading a definition file back (导入定义) -----------------------------------------------------

  function Problem(message) { this.message = message; }
  var SELECT_KEYS = ["sectors", "scope", "topics", "actors", "sources", "exclude_sources", "jurisdictions", "status", "derived"];
  var FILE_KEYS = ["id", "form_code", "title", "heading", "description", "audience", "select", "include", "exclude", "order",
                   "own_items"];
  var ACTORS = ["enterprise", "government", "township"];

  // A definition file (JSON, the checklists/*.yaml schema) as a composed checklist; every mistake is a
  // sentence naming the file and the field, and nothing is stored unless the whole file is right.
  function fromDefinitionFile(catalog, text, fileName) {
    var where = "文件“" + fileName + "”";
    function need(ok, message) { if (!ok) throw new Problem(where + message + "没有导入任何内容。"); }
    function isText(v, limit) { return typeof v === "string" && v.trim().length > 0 && v.length <= (limit || 500); }
    function texts(v, field, known, label) {
      need(v === undefined || (Array.isArray(v) && v.every(function (x) { return isText(x, 100); })),
           "中“" + field + "”应是文字的列表。");
      (v || []).forEach(function (x) {
        need(!known || known.indexOf(x) >= 0, "中" + label + "“" + x + "”在本站的内容中没有。");
      });
      return (v || []).slice();
    }
    var data;
    try { data = JSON.parse(text); } catch (e) { need(false, "不是 JSON 格式的定义文件（YAML 定义请交给维护本站的同事放进 checklists/）。"); }
    need(data && typeof data === "object" && !Array.isArray(data) && typeof data.select === "object",
         "不是自查表定义（没有 select）。");
    Object.keys(data).forEach(function (k) {
      need(FILE_KEYS.indexOf(k) >= 0, "中的字段“" + k + "”在线组表不支持（在线组表不能自定表头栏目、签字栏或分值）。");
    });
    need(data.audience === undefined || data.audience === "企业", "是乡镇自评表的定义，在线组表只组企业自查表。");
    need(isText(data.id, 60) && /^[a-z][a-z0-9-]*$/.test(data.id), "中的“id”应为小写字母、数字和连字符。");
    need(isText(data.title, TEXT_LIMITS.title), "中的“title”（名称）缺少或太长。");
    need(typeof data.form_code === "string" && FORM_CODE.test(data.form_code), "中的“form_code”应写成 ZCB-字母-两位数字。");
    ["heading", "description"].forEach(function (k) {
      need(data[k] === undefined || (typeof data[k] === "string" && data[k].length <= TEXT_LIMITS[k]), "中的“" + k + "”有误。");
    });
    var sel = data.select;
    Object.keys(sel).forEach(function (k) { need(SELECT_KEYS.indexOf(k) >= 0, "中 select 的字段“" + k + "”在线组表不支持。"); });
    var places = [];
    catalog.sources.forEach(function (s) { s.places.forEach(function (p) { places.push(p); }); });
    var scopes = [];
    catalog.sectors.forEach(function (s) { s.scopes.forEach(function (sc) { scopes.push(sc); }); });
    var def = newDefinition(data.id);
    def.title = data.title.trim();
    def.form_code = data.form_code;
    def.heading = data.heading || "";
    def.description = data.description || "";
    def.select = {
      sectors: texts(sel.sectors, "sectors", catalog.sectors.map(function (s) { return s.id; }), "行业"),
      scope: texts(sel.scope, "scope", scopes, "适用范围"), topics: texts(sel.topics, "topics", catalog.topics, "主题"),
      actors: texts(sel.actors, "actors", ACTORS, "责任主体"),
      sources: texts(sel.sources, "sources", catalog.sources.map(function (s) { return s.id; }), "来源文件"),
      exclude_sources: texts(sel.exclude_sources, "exclude_sources", catalog.sources.map(function (s) { return s.id; }), "来源文件"),
      jurisdictions: texts(sel.jurisdictions, "jurisdictions", places, "地区"),
      status: texts(sel.status, "status", catalog.statuses, "文件状态"),
      derived: sel.derived === undefined ? true : sel.derived,
    };
    need(typeof def.select.derived === "boolean", "中的“derived”应为 true 或 false。");
    need(def.select.sectors.length > 0, "没有选择行业（select.sectors）。");
    var include = texts(data.include, "include");
    need(include.every(function (x) { return x === catalog.main_duties.id; }),
         "中的“include”在线组表只支持并入 " + catalog.main_duties.id + "（企业安全生产主体责任）。");
    def.include_main = data.include === undefined ? true : include.length > 0;
    need(data.exclude === undefined || Array.isArray(data.exclude), "中的“exclude”应是列表。");
    def.exclude = (data.exclude || []).map(function (e, i) {
      need(e && isText(e.id, 20) && isText(e.reason, TEXT_LIMITS.reason), "中 exclude 第 " + (i + 1) + " 条应有 id 和 reason。");
      return { id: e.id, reason: e.reason.trim() };
    });
    def.order = texts(data.order, "order");
    need(data.own_items === undefined || Array.isArray(data.own_items), "中的“own_items”应是列表。");
    def.own_items = (data.own_items || []).map(function (o, i) {
      need(o && isText(o.title, TEXT_LIMITS.own_title) && isText(o.content, TEXT_LIMITS.own_content) &&
           isText(o.basis, TEXT_LIMITS.own_basis), "中 own_items 第 " + (i + 1) + " 项应有 title、content 和 basis。");
      var own = { title: o.title.trim(), content: o.content.trim(), basis: o.basis.trim() };
      var methods = texts(o.methods, "methods");
      if (methods.length) own.methods = methods;
      return own;
    });
    return def;
  }

  A.compose = {
    FORMAT: DEFINITION_FORMAT, VERSION: DEFINITION_VERSION, FORM_CODE: FORM_CODE, LIMITS: TEXT_LIMITS,
    newDefinition: newDefinition, build: build, candidates: candidates, definitionFile: definitionFile,
    definitionYaml: definitionYaml, fromDefinitionFile: fromDefinitionFile, Problem: Problem,
  };
})();
