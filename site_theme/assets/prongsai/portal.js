/* Prongsai: small progressive enhancements; every page works without this file.
   1. Wide tables that scroll sideways get a keyboard stop and a name (WCAG 2.1.1), so people
      without a mouse or touch screen can scroll them too. The tables of generator/pages/tables.py
      are named in their HTML (.table-scroll, the box that scrolls, focusable without script);
      here they only lose the keyboard stop while they fit.
   2. Before printing, attachment and outside links get their full address, shown after the link
      on paper by the print stylesheet.
   3. The home page's search box opens the header search. */
(function () {
  "use strict";

  function labelScrollers() {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap, .pz-scroll, .table-scroll");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      var table = wrap.querySelector("table");
      /* Material's wrapper inside a .table-scroll does not scroll (portal.css): not a stop */
      var scrolls = getComputedStyle(wrap).overflowX !== "visible" && wrap.scrollWidth > wrap.clientWidth + 1;
      if (wrap.classList.contains("table-scroll")) {
        if (scrolls) wrap.setAttribute("tabindex", "0");
        else wrap.removeAttribute("tabindex");
      } else if (scrolls) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        var caption = table && table.querySelector("caption");
        wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "ตาราง (เลื่อนดูด้านข้างได้)");
      } else if (wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    }
  }

  var FILE = /\.(pdf|xlsx?|docx?|csv|json|zip|odt|ods)(\?|#|$)/i;

  function markPrintUrls() {
    var links = document.querySelectorAll(".md-typeset a[href]");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      var outside = a.host && a.host !== location.host;
      if (outside || FILE.test(a.pathname) || a.hasAttribute("download")) {
        var address = a.href;
        try { address = decodeURI(address); } catch (e) { /* keep it encoded */ }
        a.setAttribute("data-print-url", address); /* Thai file names readable on paper */
      }
    }
  }

  /* 3. The home page's search box (a link styled as a box): open the header's search and put
        the cursor in it, by mouse, touch or keyboard (Enter, or Space as for a button). */
  function openSearch(event) {
    var toggle = document.getElementById("__search");
    var input = document.querySelector(".md-search__input");
    if (!toggle || !input) return;
    event.preventDefault();
    if (!toggle.checked) toggle.click();
    setTimeout(function () { input.focus(); }, 50);
  }

  function bindSearchOpeners() {
    var openers = document.querySelectorAll("[data-pz-open-search]");
    for (var i = 0; i < openers.length; i++) {
      var el = openers[i];
      if (el.getAttribute("data-pz-bound")) continue;
      el.setAttribute("data-pz-bound", "1");
      el.addEventListener("click", openSearch);
      el.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") openSearch(event);
      });
    }
  }

  /* 4. With navigation.indexes, Material names each menu section by a <label> that holds only an
        arrow icon, so screen readers hear a list of nameless, identical menus: name each one
        after its section's link. */
  function nameMenuSections() {
    var navs = document.querySelectorAll(".md-nav[aria-labelledby]");
    for (var i = 0; i < navs.length; i++) {
      var label = document.getElementById(navs[i].getAttribute("aria-labelledby"));
      if (!label || label.textContent.trim()) continue;
      var link = label.parentNode && label.parentNode.querySelector("a.md-nav__link");
      if (link && link.textContent.trim()) {
        navs[i].setAttribute("aria-label", link.textContent.trim());
        navs[i].removeAttribute("aria-labelledby"); /* it would win over aria-label */
      }
    }
  }

  function ready() {
    nameMenuSections();
    labelScrollers();
    markPrintUrls();
    bindSearchOpeners();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(ready); /* Material's "page loaded" (also after instant loading) */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
  window.addEventListener("resize", labelScrollers);
  window.addEventListener("beforeprint", markPrintUrls);
})();
