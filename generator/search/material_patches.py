"""Patches to mkdocs-material's search scripts in the built site (the pinned version is checked: a patch
whose original text is not found exactly once stops the build)."""
from __future__ import annotations

from pathlib import Path


# Material 9.8's query segmenter tries every substring of a Chinese query except the whole
# query (`o<t.length`), so "安全生产月" is searched as "安全生产*". Letting it try the whole
# query keeps an indexed word whole. Patched in the built copy; the pinned version is checked.
_SEGMENTER_LOOP = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"
_SEGMENTER_FIXED = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e&&(n[s]=o-s)"


# Material 9.8 fetches the whole search index (2.2 MB, 300 KB gzip) on every page view over
# http(s), whether or not anyone searches: the worker is set up at once unless the page came from
# file:, and the search.highlight feature subscribes to the index on every page. Patched so that the
# index loads when the search is first opened (focus, click or keyboard shortcut), as material already
# does for file:, and for highlighting only when the address carries ?h=.
_SETUP_AT_ONCE = 'L($(location.protocol!=="file:"),Je("search"))'
_SETUP_ON_OPEN = 'L($(!1),Je("search"))'
_HIGHLIGHT_ALWAYS = 'z([t,r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")))])'
_HIGHLIGHT_ON_REQUEST = 'r.pipe(Q(we()),g(o=>!!o.searchParams.get("h")),b(n=>t.pipe(m(o=>[o,n]))))'


# Why material's ranking failed the common queries, measured on the gold set (tests/search_gold.yaml):
# the worker cuts a query into index tokens (安全生产责任制 → 安全生产*, 责任制*), ORs them with a
# trailing wildcard, and scores with BM25 without length normalisation (b = 0), multiplied by at most
# (1 + 1²) for covering every token. A long item that repeats 安全生产 often therefore outscores the
# item that holds the whole phrase, and a phrase that jieba cut differently in the text (责任/制度)
# never counts as covered at all; a sector page titled 旅游 lost against 旅游企业…自查表. And the greedy
# cut can pick a token that exists elsewhere but not in the item sought (考试点 is one token in one text,
# 考试/点及 in another), which then cannot be found at all. So the patched worker also takes every item
# whose plain text holds each query word literally (a scan of the loaded documents, a few ms), and ranks
# first by those literal words: a page's title equals the query (a section's, e.g. a glossary term
# the documents never explain, only counts as containing it); the query is one of a sector's aliases or
# scopes (its page `tags`); every word is in the title; every word is in the title or text; every token
# the query was cut into is there (动火作业 finds 以动火、受限空间作业…, which never says 动火作业). Then by the
# share of query tokens found (lunr's match, or the token in the text as it is: the result then does not
# say 缺少 for a word it shows), then by lunr's score.
_RANKING_HELPERS = r"""function aqWords(q){return q.toLowerCase().split(/\s+/).map(w=>w.replace(/[*+\-:^~"]/g,"")).filter(Boolean)}
var aqPlainCache=new WeakMap;
function aqPlain(s){return String(s||"").replace(/\u200b/g,"").replace(/<[^>]*>/g,"").toLowerCase()}
function aqPlainDoc(d){let p=aqPlainCache.get(d);if(!p){p={title:aqPlain(d.title),text:aqPlain(d.text),tags:(d.tags||[]).map(aqPlain)};aqPlainCache.set(d,p)}return p}
function aqLiteral(hits,map,words){if(words.join("").length<2)return hits;let seen=new Set(hits.map(h=>h.ref));for(let[ref,doc]of map){if(seen.has(ref))continue;let p=aqPlainDoc(doc);if(words.every(w=>p.title.includes(w)||p.text.includes(w)))hits.push({ref,score:0,matchData:{metadata:{}}})}return hits}
function aqRank(score,terms,doc,words){let keys=Object.keys(terms),p=doc&&aqPlainDoc(doc);if(p)for(let k of keys){let w=k.replace(/\*$/,"");if(!terms[k]&&w&&(p.title.includes(w)||p.text.includes(w)))terms[k]=!0}let cover=keys.length?keys.filter(k=>terms[k]).length/keys.length:0,level=0;if(p&&words.length){let whole=words.join("");if(!doc.location.includes("#")&&(p.title===whole||p.title===words.join(" ")))level=5;else if(p.tags.includes(whole))level=4;else if(words.every(w=>p.title.includes(w)))level=3;else if(words.every(w=>p.title.includes(w)||p.text.includes(w)))level=2;else if(keys.length&&keys.every(k=>terms[k]))level=1}return level*1e12+cover*1e11+score}
"""
# The index built at build time (prebuilt.py): the worker expands its compact form and loads it instead of
# building the lunr index from the documents itself (0.8 s on a fresh page, more on a phone). The globals set
# here are the ones the worker's own build sets and its search reads.
_PREBUILT_LOADER = r"""function aqPosting(a,docs){let o={},doc=0;for(let j=0;j<a.length;){doc+=a[j];let n=a[j+1],pos=[];j+=2;for(let k=0;k<n;k++,j+=2)pos.push(a[j]<<20|a[j+1]);o[docs[doc].location]={position:pos}}return o}
function aqBlocks(blocks){return blocks.map(a=>{let out=[],start=0;for(let j=0;j<a.length;j+=2){start+=a[j];out.push(start<<12|a[j+1])}return out})}
function aqLoad(p,docs,table,config){lunr.tokenizer.separator=new RegExp(config.separator);lunr.segmenter="TinySegmenter"in lunr?new lunr.TinySegmenter:void 0;let F=p.fields,vectors=[],terms=p.terms.map(([term,at,...per])=>{let posting={_index:at};F.forEach((f,k)=>posting[f]=aqPosting(per[k],docs));return[term,posting]});F.forEach((f,k)=>{p.vectors[k].forEach((v,i)=>{if(v)vectors.push([f+"/"+docs[i].location,v])});p.table[k].forEach((t,i)=>{if(t)table.set(docs[i].location+":"+f,aqBlocks(t))})});return lunr.Index.load({version:p.version,fields:F,fieldVectors:vectors,invertedIndex:terms,pipeline:p.pipeline})}
"""
_BUILD_INDEX = ("constructor({config:e,docs:r,options:n}){let i=Oe(this.table=new Map);"
                "this.map=ie(r),this.options=n,this.index=lunr(function(){")
_LOAD_PREBUILT_INDEX = ("constructor({config:e,docs:r,options:n,aq:p}){let i=Oe(this.table=new Map);"
                        "this.map=ie(r),this.options=n,this.index=p?aqLoad(p,r,this.table,e):lunr(function(){")
# and the page passes the prebuilt index (the `aq` entry of search_index.json) on to the worker
_SEND_DOCS = "({config:o,docs:n})=>r.next({type:0,data:{config:o,docs:n,options:"
_SEND_DOCS_AND_INDEX = "({config:o,docs:n,aq:a})=>r.next({type:0,data:{config:o,docs:n,aq:a,options:"
_WORKER_HELPERS = _RANKING_HELPERS + _PREBUILT_LOADER
_QUERY_START = "search(e){if(e=e.replace("
_QUERY_START_KEEPING_WORDS = "search(e){let aqQ=aqWords(e);if(e=e.replace("
_SCORE = "score:a*(1+K(g,2)),terms:f}"
_RESULTS = "n=this.index.search(e).reduce("
_RESULTS_WITH_LITERAL = "n=aqLiteral(this.index.search(e),this.map,aqQ).reduce("
_SCORE_RANKED = "score:aqRank(a*(1+K(g,2)),f,this.map.get(o),aqQ),terms:f}"


class SearchPatchError(Exception):
    pass


_CHANGED_VERSION = ("mkdocs-material 的脚本与预期不同（版本变了？），无法{}。请检查 pyproject.toml 中固定的版本。")


def _only_file(folder: Path, pattern: str) -> Path:
    found = list(folder.glob(pattern))
    if len(found) != 1:
        raise SearchPatchError(f"找不到 mkdocs-material 的脚本 {pattern}（{len(found)} 个）。")
    return found[0]


def _patch(script: Path, replacements: list[tuple[str, str]], purpose: str) -> None:
    text = script.read_text(encoding="utf-8")
    for old, new in replacements:
        if text.count(old) == 0 and text.count(new) == 1:
            continue  # patched before: `mkdocs serve --dirty` keeps theme files it has copied once
        if text.count(old) != 1:
            raise SearchPatchError(_CHANGED_VERSION.format(purpose))
        text = text.replace(old, new)
    script.write_text(text, encoding="utf-8")


def search_worker(site: Path) -> Path:
    return _only_file(site / "assets" / "javascripts" / "workers", "search.*.min.js")


def patch_search_worker(site: Path) -> None:
    """The worker: whole-query segmentation, the ranking described above, the prebuilt index."""
    worker = search_worker(site)
    _patch(worker, [(_SEGMENTER_LOOP, _SEGMENTER_FIXED), (_QUERY_START, _QUERY_START_KEEPING_WORDS),
                    (_SCORE, _SCORE_RANKED), (_RESULTS, _RESULTS_WITH_LITERAL),
                    (_BUILD_INDEX, _LOAD_PREBUILT_INDEX)],
           "修正中文查询的切分和排序")
    text = worker.read_text(encoding="utf-8")
    if not text.startswith(_WORKER_HELPERS):
        worker.write_text(_WORKER_HELPERS + text, encoding="utf-8")


def patch_search_loading(site: Path) -> None:
    """The page: the index loads when the search is opened, and the prebuilt index goes to the worker."""
    bundle = _only_file(site / "assets" / "javascripts", "bundle.*.min.js")
    _patch(bundle, [(_SETUP_AT_ONCE, _SETUP_ON_OPEN), (_HIGHLIGHT_ALWAYS, _HIGHLIGHT_ON_REQUEST),
                    (_SEND_DOCS, _SEND_DOCS_AND_INDEX)],
           "让搜索索引在打开搜索时才载入")
