// node search_worker_compare.js SITE < queries.json: search each query with the site's worker twice, once
// building the lunr index from the documents (as material does) and once loading the prebuilt one, and
// print the queries whose results differ (as JSON: [[query, built, loaded], ...]).
"use strict";
const fs = require("fs");
const path = require("path");

const { loadSearch } = require("../generator/search/prebuild_index.js");

const site = process.argv[2];
const data = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"));
if (!data.aq) throw new Error("search_index.json has no prebuilt index");
const { Search } = loadSearch(site, data.config);
const options = { suggest: false };
const built = new Search({ config: data.config, docs: data.docs, options });
const loaded = new Search({ config: data.config, docs: data.docs, options, aq: data.aq });
const queries = JSON.parse(fs.readFileSync(0, "utf8"));
const differ = [];
for (const q of queries) {
  const a = JSON.stringify(built.search(q)), b = JSON.stringify(loaded.search(q));
  if (a !== b) differ.push([q, a.slice(0, 300), b.slice(0, 300)]);
}
process.stdout.write(JSON.stringify({ compared: queries.length, differ }));
