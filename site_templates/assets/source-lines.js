// Highlight the cited lines when a source page is opened at #L12 or #L12-L15.
(function () {
  "use strict";
  function highlight() {
    var old = document.querySelectorAll(".aq-line.aq-hl");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("aq-hl");
    var match = /^#L(\d+)(?:-L(\d+))?$/.exec(window.location.hash);
    if (!match || !document.querySelector(".aq-source")) return;
    var first = parseInt(match[1], 10), last = parseInt(match[2] || match[1], 10);
    for (var n = first; n <= last; n++) {
      var line = document.getElementById("L" + n);
      if (line) line.classList.add("aq-hl");
    }
  }
  window.addEventListener("hashchange", highlight);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", highlight);
  } else {
    highlight();
  }
})();
