// Building the page: every text goes in as a text node, never as HTML (what a user types stays text).
(function () {
  "use strict";
  var A = window.AQInspect = window.AQInspect || {};

  // el("p", {className: "x", onclick: f, "aria-label": "…"}, "text", child, [more children])
  function el(tag, props) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (key) {
      var value = props[key];
      if (value === undefined || value === null || value === false) return;
      if (key === "className") node.className = value;
      else if (key === "text") node.textContent = value;
      else if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), value);
      else if (key === "value" || key === "checked") node[key] = value;
      else node.setAttribute(key, value === true ? "" : String(value));
    });
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function append(node, child) {
    if (child === undefined || child === null || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  // Hand a file to the user: the only way data leaves this page.
  function download(name, blob) {
    var url = URL.createObjectURL(blob);
    var link = el("a", { href: url, download: name, hidden: true });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(url); link.remove(); }, 1000);
  }

  // Scripts, not fetch(): a page opened from disk (file://) may run a script but not fetch a file.
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = el("script", { src: src });
      script.onload = function () { resolve(); };
      script.onerror = function () { reject(new Error(src)); };
      document.head.appendChild(script);
    });
  }

  // File names a user keeps: the form code and the date, and nothing a file system rejects.
  function fileName(parts, ext) {
    return parts.filter(Boolean).join("-").replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 80) + "." + ext;
  }

  // append(node, child, child, …)
  function appendAll(node) {
    for (var i = 1; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  A.dom = { el: el, append: appendAll, clear: clear, download: download, loadScript: loadScript, fileName: fileName };
})();
