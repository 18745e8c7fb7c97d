/*
 * Compare levels (handbook-site): the page works without this script – every level is a column, and the pair the
 * URL fragment names (#compare-2-4, CSS :target) is what shows; the "Choose two levels" links set it. This adds
 * two drop-downs that set the same fragment (replacing the history entry), so shared links keep working.
 */
(function () {
  'use strict';

  function start() {
    var page = document.querySelector('[data-compare]');
    var header = page && page.querySelector('.compare-table thead tr');
    if (!header) {
      return;
    }
    var names = Array.prototype.map.call(header.querySelectorAll('th a'), function (a) { return a.textContent; });
    if (names.length < 2) {
      return;
    }

    var form = document.createElement('form');
    form.className = 'compare-pickers';
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    var selects = ['First level', 'Second level'].map(function (label, side) {
      var wrapper = document.createElement('label');
      wrapper.appendChild(document.createTextNode(label + ' '));
      var select = document.createElement('select');
      names.forEach(function (name, index) {
        var option = document.createElement('option');
        option.value = String(index + 1);
        option.textContent = name;
        select.appendChild(option);
      });
      select.selectedIndex = side;
      select.addEventListener('change', function () { choose(side); });
      wrapper.appendChild(select);
      form.appendChild(wrapper);
      return select;
    });
    var pairs = page.querySelector('.compare-pairs');
    pairs.parentNode.insertBefore(form, pairs);

    function choose(changed) {
      var a = selects[0].selectedIndex;
      var b = selects[1].selectedIndex;
      if (a === b) {
        // The same level twice: move the other picker to a neighbour.
        selects[changed === 0 ? 1 : 0].selectedIndex = a + 1 < names.length ? a + 1 : a - 1;
        a = selects[0].selectedIndex;
        b = selects[1].selectedIndex;
      }
      window.location.replace('#compare-' + (Math.min(a, b) + 1) + '-' + (Math.max(a, b) + 1));
    }

    function sync() {
      var match = /^#compare-(\d+)-(\d+)$/.exec(window.location.hash);
      var a = match ? Number(match[1]) - 1 : 0;
      var b = match ? Number(match[2]) - 1 : 1;
      if (a >= 0 && b < names.length) {
        selects[0].selectedIndex = a;
        selects[1].selectedIndex = b;
      }
    }

    window.addEventListener('hashchange', sync);
    sync();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
