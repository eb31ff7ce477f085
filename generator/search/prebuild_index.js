// Build the search index once, at build time, with the very worker the site ships (node SITE > out.json).
//
// The browser would otherwise build the lunr index from search_index.json each time the search is first
// opened: about 0.8 s of lunr's Builder on a freshly opened page, before the first result can show. Running
// the same worker script here (in a sandbox that stands in for the worker global) gives the same index, which
// is then written compactly: documents by their position in `docs` instead of their address, positions as
// flat number lists. The patched worker expands it and loads it with lunr.Index.load.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

function fail(message) {
  process.stderr.write(message + "\n");
  process.exit(1);
}

function loadWorker(site) {
  const folder = path.join(site, "assets", "javascripts", "workers");
  const names = fs.readdirSync(folder).filter((name) => /^search\.[0-9a-f]+\.min\.js$/.test(name));
  if (names.length !== 1) fail(`找不到唯一的搜索脚本（${folder}）。`);
  const source = fs.readFileSync(path.join(folder, names[0]), "utf8");
  const marker = "var U=class{";
  if (source.split(marker).length !== 2) fail("mkdocs-material 的搜索脚本与预期不同（版本变了？），无法预先建立索引。");
  const sandbox = { console, setTimeout, addEventListener() {}, postMessage() {} };
  sandbox.self = sandbox;
  sandbox.importScripts = (...files) => {
    for (const file of files) vm.runInContext(fs.readFileSync(path.join(folder, file), "utf8"), sandbox, { filename: file });
  };
  vm.createContext(sandbox);
  // expose the worker's search class to this script only; the shipped file is not changed
  vm.runInContext(source.replace(marker, "var U=self.aqSearch=class{"), sandbox, { filename: names[0] });
  return sandbox;
}

function languageScripts(config) {
  const scripts = ["../lunr/min/lunr.stemmer.support.min.js"];
  for (const lang of config.lang) if (lang !== "en") scripts.push(`../lunr/min/lunr.${lang}.min.js`);
  if (config.lang.length > 1) scripts.push("../lunr/min/lunr.multi.min.js");
  return scripts;
}

function positionsOf(metadata, term) {
  const positions = metadata.position || [];
  for (const p of positions) if (!Number.isInteger(p)) fail(`搜索索引的词“${term}”的位置不是整数，无法压缩。`);
  return positions;
}

// A term's documents in one field: [document number − the previous one, count, then per occurrence its
// block and token (the worker's position is block << 20 | token)].
function compactPosting(fieldPosting, number, term) {
  const flat = [];
  let previous = 0;
  for (const [ref, metadata] of Object.entries(fieldPosting || {})) {
    const positions = positionsOf(metadata, term);
    flat.push(number.get(ref) - previous, positions.length);
    previous = number.get(ref);
    for (const p of positions) flat.push(p >> 20, p & 0xfffff);
  }
  return flat;
}

// A field's highlight table: per block, per token [start − the previous start, the low 12 bits
// (length << 2 | kind)] instead of start << 12 | length << 2 | kind.
function compactTable(blocks) {
  return blocks.map((block) => {
    const flat = [];
    let previous = 0;
    for (const packed of block) {
      flat.push((packed >> 12) - previous, packed & 0xfff);
      previous = packed >> 12;
    }
    return flat;
  });
}

function compact(search, docs) {
  const number = new Map(docs.map((doc, i) => [doc.location, i]));
  const index = search.index;
  const fields = index.fields;
  const terms = Object.keys(index.invertedIndex).sort().map((term) => {
    const posting = index.invertedIndex[term];
    return [term, posting._index, ...fields.map((field) => compactPosting(posting[field], number, term))];
  });
  const vectors = fields.map((field) => docs.map((doc) => {
    const vector = index.fieldVectors[`${field}/${doc.location}`];
    return vector ? vector.elements : null;
  }));
  const table = fields.map((field) => docs.map((doc) => {
    const blocks = search.table.get(`${doc.location}:${field}`);
    return blocks ? compactTable(blocks) : null;
  }));
  return { pipeline: index.pipeline.toJSON(), fields, terms, vectors, table };
}

// The worker's search class with its languages loaded, for this script and tests/search_worker_compare.js.
function loadSearch(site, config) {
  const sandbox = loadWorker(site);
  sandbox.importScripts(...languageScripts(config));
  return { Search: sandbox.aqSearch, lunr: sandbox.lunr };
}

function main() {
  const site = process.argv[2];
  if (!site) fail("用法：node prebuild_index.js 网站目录");
  const data = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"));
  const { Search, lunr } = loadSearch(site, data.config);
  const out = compact(new Search({ config: data.config, docs: data.docs, options: {} }), data.docs);
  out.version = lunr.version;
  process.stdout.write(JSON.stringify(out));
}

module.exports = { loadSearch };
if (require.main === module) main();
