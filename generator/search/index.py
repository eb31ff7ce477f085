"""Tidy the search index mkdocs writes, so that Chinese queries segment well in the browser.

Material's browser search splits a Chinese query greedily into tokens that exist in
the index, never trying the whole query as one piece. When a single character such as
"机" is itself a token, the query "机场" is cut down to "机*" and matches every 机械 and
机制. jieba leaves many such one-character tokens (和、的、对、类 …); joining each to its
neighbour (the \\u200b between them is invisible, so the text reads the same) removes
them while the neighbouring word stays findable by its beginning.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

BOUNDARY = "\u200b"
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _is_single_han(segment: str) -> bool:
    return len(segment) == 1 and bool(_HAN.fullmatch(segment))


def join_single_characters(text: str) -> str:
    """Drop the boundary around one-character Chinese segments: onto the previous word
    when it ends in a letter or digit (so "800米矿井" keeps 矿井 whole), else onto the next one
    (after punctuation or a space: "（红橙黄蓝）" stays findable as 红橙黄蓝)."""
    if BOUNDARY not in text:
        return text
    segments = text.split(BOUNDARY)
    out: list[str] = []
    carry = ""
    for segment in segments:
        if _is_single_han(segment):
            if out and out[-1] and out[-1][-1].isalnum():
                out[-1] += segment
            else:
                carry += segment
            continue
        out.append(carry + segment)
        carry = ""
    if carry:
        out.append(carry)
    return BOUNDARY.join(out)


_ASCII_PARENS_BY_HAN = re.compile(r"\(([\u3400-\u9fff\uf900-\ufaff\u200b、，]{1,8})\)")


def full_width_parentheses(text: str) -> str:
    """"(三)" or "县(区)": ASCII parentheses are search separators, which would leave 三 and 区
    as one-character tokens; the full-width ones that Chinese text uses are not."""
    return _ASCII_PARENS_BY_HAN.sub(r"（\1）", text)


def tidy_search_index(site: Path) -> None:
    index_file = site / "search" / "search_index.json"
    if not index_file.exists():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    for doc in index["docs"]:
        if "#" in doc["location"]:
            doc.pop("tags", None)  # a page's tags (a sector's aliases) name the page, not each of its sections
        elif "tags" in doc:
            # the plugin escapes the page text but copies front-matter tags as they are, and the results
            # list puts them in as HTML: an alias is text
            doc["tags"] = [html.escape(tag, quote=False) for tag in doc["tags"]]
        doc["title"] = join_single_characters(full_width_parentheses(doc["title"]))
        doc["text"] = join_single_characters(full_width_parentheses(doc["text"]))
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    index_file.write_text(data, encoding="utf-8")
    inline = site / "search" / "search_index.js"  # written by the offline plugin for file://
    if inline.exists():
        inline.write_text(f"var __index = {data}", encoding="utf-8")


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


def patch_query_segmentation(site: Path) -> None:
    """The worker: whole-query segmentation and the ranking described above."""
    worker = _only_file(site / "assets" / "javascripts" / "workers", "search.*.min.js")
    _patch(worker, [(_SEGMENTER_LOOP, _SEGMENTER_FIXED), (_QUERY_START, _QUERY_START_KEEPING_WORDS),
                    (_SCORE, _SCORE_RANKED), (_RESULTS, _RESULTS_WITH_LITERAL)],
           "修正中文查询的切分和排序")
    text = worker.read_text(encoding="utf-8")
    if not text.startswith(_RANKING_HELPERS):
        worker.write_text(_RANKING_HELPERS + text, encoding="utf-8")


def patch_lazy_index(site: Path) -> None:
    bundle = _only_file(site / "assets" / "javascripts", "bundle.*.min.js")
    _patch(bundle, [(_SETUP_AT_ONCE, _SETUP_ON_OPEN), (_HIGHLIGHT_ALWAYS, _HIGHLIGHT_ON_REQUEST)],
           "让搜索索引在打开搜索时才载入")
