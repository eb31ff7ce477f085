// Filter the task-division page by lead unit and by sector (the page works without it).
(function () {
  "use strict";
  function values(tasks, attr) {
    var seen = {};
    tasks.forEach(function (t) {
      (t.getAttribute(attr) || "").split("|").forEach(function (v) { if (v) seen[v] = true; });
    });
    return Object.keys(seen).sort(function (a, b) { return a.localeCompare(b, "zh"); });
  }
  function fill(select, options) {
    options.forEach(function (v) {
      var o = document.createElement("option");
      o.value = v; o.textContent = v; select.appendChild(o);
    });
  }
  function setup() {
    var tasks = Array.prototype.slice.call(document.querySelectorAll(".aq-task"));
    var lead = document.getElementById("aq-filter-lead");
    var sector = document.getElementById("aq-filter-sector");
    if (!tasks.length || !lead || !sector) return;
    fill(lead, values(tasks, "data-lead"));
    fill(sector, values(tasks, "data-sectors"));
    var count = document.getElementById("aq-filter-count");
    function apply() {
      var shown = 0;
      tasks.forEach(function (t) {
        var ok = (!lead.value || t.getAttribute("data-lead").split("|").indexOf(lead.value) >= 0) &&
                 (!sector.value || t.getAttribute("data-sectors").split("|").indexOf(sector.value) >= 0);
        t.hidden = !ok;
        if (ok) shown++;
      });
      count.textContent = "显示 " + shown + " 项";
    }
    lead.addEventListener("change", apply);
    sector.addEventListener("change", apply);
    document.querySelector(".aq-filter").hidden = false;
    apply();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup); else setup();
})();
