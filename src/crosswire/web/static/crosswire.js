// crosswire workbench: highlight a report passage [start, end) from a citation or a #start-end link.
// Offsets are the server's (Python code points); each .seg span carries its own offset in data-o.
"use strict";

(function () {
  function codePoints(text) {
    return Array.from(text);
  }

  // Every lit passage on the page, not only the container's: a citation into another report must not
  // leave the previous report's passage lit.
  function clear() {
    document.querySelectorAll(".seg.lit").forEach(function (el) { el.classList.remove("lit"); });
  }

  function cloneSeg(seg, text, offset) {
    var el = seg.cloneNode(false);
    el.textContent = text;
    el.dataset.o = String(offset);
    return el;
  }

  // Mark every character of [start, end) in container, splitting a segment where the span cuts it.
  function highlight(container, start, end) {
    clear();
    var first = null;
    container.querySelectorAll(".seg").forEach(function (seg) {
      var o = Number(seg.dataset.o);
      var chars = codePoints(seg.textContent);
      var a = Math.max(start, o), b = Math.min(end, o + chars.length);
      if (a >= b) { return; }
      var target = seg;
      if (a > o || b < o + chars.length) {
        var parts = [
          [chars.slice(0, a - o).join(""), o],
          [chars.slice(a - o, b - o).join(""), a],
          [chars.slice(b - o).join(""), b]
        ];
        var parent = seg.parentNode;
        parts.forEach(function (p, i) {
          if (!p[0]) { return; }
          var el = cloneSeg(seg, p[0], p[1]);
          parent.insertBefore(el, seg);
          if (i === 1) { target = el; }
        });
        parent.removeChild(seg);
      }
      target.classList.add("lit");
      if (!first) { first = target; }
    });
    return first;
  }

  function bodyFor(reportId) {
    return document.getElementById("body-" + reportId);
  }

  function fromLink(link, scroll) {
    var container = bodyFor(link.dataset.report);
    if (!container) { return false; }
    var first = highlight(container, Number(link.dataset.start), Number(link.dataset.end));
    document.querySelectorAll("a.cite.active").forEach(function (el) { el.classList.remove("active"); });
    link.classList.add("active");
    if (first && scroll) { first.scrollIntoView({ block: "center", behavior: "smooth" }); }
    return Boolean(first);
  }

  function fromHash() {
    var m = /^#(\d+)-(\d+)$/.exec(window.location.hash);
    var container = document.querySelector("[data-hash-target]");
    if (!m || !container) { return; }
    var first = highlight(container, Number(m[1]), Number(m[2]));
    if (first) { first.scrollIntoView({ block: "center" }); }
  }

  // The story page's compare button needs two checked reports: disabled (with a hint) below that.
  function compareGuard() {
    var button = document.getElementById("compare-button");
    if (!button || !button.form) { return; }
    var form = button.form, hint = document.getElementById("compare-hint");
    function update() {
      var n = form.querySelectorAll("input[name=ids]:checked").length;
      button.disabled = n < 2;
      if (hint) { hint.hidden = n >= 2; }
    }
    form.addEventListener("change", update);
    update();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("a.cite[data-report]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        if (bodyFor(link.dataset.report)) {
          event.preventDefault();
          fromLink(link, true);
        }
      });
      link.addEventListener("mouseenter", function () { fromLink(link, false); });
      // keyboard users get what hover gives: Tab onto a citation lights its passage
      link.addEventListener("focus", function () { fromLink(link, false); });
    });
    window.addEventListener("hashchange", fromHash);
    fromHash();
    compareGuard();
  });
})();
