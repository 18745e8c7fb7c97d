/* reader-nav: progressive enhancement of family pages. Without JavaScript everything still works: the table of
   contents is plain in-page links and the print stylesheet shows every "extends" alternative.
   1. Marks the TOC link of the section being read with aria-current="location" (IntersectionObserver).
   2. Following a TOC link moves keyboard focus to the section heading, so Tab continues from there.
   3. Before printing, opens every closed <details> (the inherited-items alternatives); closes them again after. */
(function () {
  "use strict";

  // The element an in-page link points at (ids may hold percent-encoded letters; a malformed one finds nothing).
  var targetOf = function (link) {
    try {
      return document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    } catch (e) {
      return null;
    }
  };

  var toc = document.querySelector("nav.toc");
  if (toc) {
    var links = Array.prototype.slice.call(toc.querySelectorAll('a[href^="#"]'));
    var targets = [];
    links.forEach(function (link) {
      var target = targetOf(link);
      if (target) {
        targets.push({ link: link, target: target });
      }
    });

    var markCurrent = function () {
      // The current section is the last one whose heading has scrolled to (or above) the top quarter of the window.
      var limit = window.innerHeight / 4;
      var current = null;
      targets.forEach(function (entry) {
        if (entry.target.getBoundingClientRect().top <= limit) {
          current = entry;
        }
      });
      links.forEach(function (link) {
        if (current && link === current.link) {
          link.setAttribute("aria-current", "location");
        } else {
          link.removeAttribute("aria-current");
        }
      });
    };

    if ("IntersectionObserver" in window && targets.length > 0) {
      var observer = new IntersectionObserver(markCurrent, { rootMargin: "0px 0px -75% 0px" });
      targets.forEach(function (entry) { observer.observe(entry.target); });
      markCurrent();
    }

    toc.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
      if (!link) {
        return;
      }
      var target = targetOf(link);
      if (!target) {
        return;
      }
      // Let the browser scroll and update the URL, then put focus on the heading itself.
      window.setTimeout(function () {
        if (!target.hasAttribute("tabindex")) {
          target.setAttribute("tabindex", "-1");
        }
        target.focus({ preventScroll: true });
        markCurrent();
      }, 0);
    });
  }

  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.slice.call(document.querySelectorAll("details:not([open])"));
    opened.forEach(function (details) { details.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  });
})();
