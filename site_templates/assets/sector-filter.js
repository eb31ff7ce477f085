// Filters on a sector page: who must act, only the enterprise check items, scope, document.
// Loaded on sector pages only (front matter aq_app: sector). The choices live in the address
// (?actor=enterprise&check=1&scope=…&source=…), so a filtered view can be bookmarked or sent on.
(function () {
  "use strict";
  var KEYS = ["actor", "check", "scope", "source"];

  function setup() {
    var form = document.querySelector(".aq-req-filter");
    var items = Array.prototype.slice.call(document.querySelectorAll(".aq-req"));
    if (!form || !items.length) return;
    var controls = {};
    KEYS.forEach(function (key) { controls[key] = document.getElementById("aq-f-" + key); });
    var topics = Array.prototype.slice.call(document.querySelectorAll(".aq-topic"));
    var none = document.querySelector(".aq-f-none");
    var count = document.getElementById("aq-f-count");

    function value(key) {
      var c = controls[key];
      if (!c) return "";
      return c.type === "checkbox" ? (c.checked ? "1" : "") : c.value;
    }

    // An item with no scope applies to every scope, as in the checklists.
    function matches(item, chosen) {
      var scopes = (item.getAttribute("data-scope") || "").split("|").filter(Boolean);
      var sources = item.getAttribute("data-sources").split("|");
      return (!chosen.actor || item.getAttribute("data-actor") === chosen.actor) &&
             (!chosen.check || item.getAttribute("data-check") === "1") &&
             (!chosen.scope || !scopes.length || scopes.indexOf(chosen.scope) >= 0) &&
             (!chosen.source || sources.indexOf(chosen.source) >= 0);
    }

    function apply(remember) {
      var chosen = {};
      KEYS.forEach(function (key) { chosen[key] = value(key); });
      var shown = 0;
      items.forEach(function (item) {
        var ok = matches(item, chosen);
        item.hidden = !ok;
        if (ok) shown++;
      });
      topics.forEach(function (topic) { topic.hidden = !topic.querySelector(".aq-req:not([hidden])"); });
      none.hidden = shown > 0;
      count.textContent = "显示 " + shown + " / " + items.length + " 条";
      if (remember) {
        var params = new URLSearchParams(location.search);
        KEYS.forEach(function (key) { if (chosen[key]) params.set(key, chosen[key]); else params.delete(key); });
        var query = params.toString();
        try {
          history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
        } catch (e) { /* some browsers refuse it for pages opened from disk; the filter still works */ }
      }
    }

    // The view in the address, where its values exist on this page.
    var params = new URLSearchParams(location.search);
    KEYS.forEach(function (key) {
      var c = controls[key], wanted = params.get(key);
      if (!c || wanted === null) return;
      if (c.type === "checkbox") c.checked = wanted === "1";
      else if (Array.prototype.some.call(c.options, function (o) { return o.value === wanted; })) c.value = wanted;
    });
    KEYS.forEach(function (key) {
      if (controls[key]) controls[key].addEventListener("change", function () { apply(true); });
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply(false);
    // Opening an anchor of a hidden item (a search hit, a link) shows everything rather than nothing.
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.closest(".aq-req[hidden]")) {
      KEYS.forEach(function (key) { var c = controls[key]; if (c) { if (c.type === "checkbox") c.checked = false; else c.value = ""; } });
      apply(true);
      target.scrollIntoView();
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup); else setup();
})();
