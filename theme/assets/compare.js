/*
 * Compare levels (handbook-site): the page works without this script – every pair of levels is pre-rendered and
 * the "Choose two levels" links select one through the URL fragment (CSS :target). This adds two drop-downs to
 * pick the levels directly; they set the same fragment, so the back button and shared links keep working.
 */
(function () {
  'use strict';

  function start() {
    var page = document.querySelector('[data-compare]');
    if (!page) {
      return;
    }
    var pairs = Array.prototype.slice.call(page.querySelectorAll('.compare-pair'));
    var levels = [];
    pairs.forEach(function (pair) {
      pair.id.replace(/^compare-/, '').split('--').forEach(function (anchor, side) {
        var name = pair.querySelectorAll('thead th a')[side];
        if (levels.every(function (l) { return l.anchor !== anchor; })) {
          levels.push({ anchor: anchor, name: name ? name.textContent : anchor });
        }
      });
    });
    if (levels.length < 2) {
      return;
    }

    var form = document.createElement('form');
    form.className = 'compare-pickers';
    form.addEventListener('submit', function (event) { event.preventDefault(); });
    var selects = ['First level', 'Second level'].map(function (label, side) {
      var wrapper = document.createElement('label');
      wrapper.appendChild(document.createTextNode(label + ' '));
      var select = document.createElement('select');
      levels.forEach(function (level) {
        var option = document.createElement('option');
        option.value = level.anchor;
        option.textContent = level.name;
        select.appendChild(option);
      });
      select.selectedIndex = side;
      select.addEventListener('change', function () { choose(side); });
      wrapper.appendChild(select);
      form.appendChild(wrapper);
      return select;
    });
    var choose_title = page.querySelector('.compare-choose');
    choose_title.parentNode.insertBefore(form, choose_title);

    function indexOf(anchor) {
      for (var i = 0; i < levels.length; i++) {
        if (levels[i].anchor === anchor) {
          return i;
        }
      }
      return -1;
    }

    function choose(changed) {
      var a = selects[0].selectedIndex;
      var b = selects[1].selectedIndex;
      if (a === b) {
        // The same level twice: move the other picker to a neighbour.
        var other = changed === 0 ? 1 : 0;
        selects[other].selectedIndex = a + 1 < levels.length ? a + 1 : a - 1;
        a = selects[0].selectedIndex;
        b = selects[1].selectedIndex;
      }
      var low = Math.min(a, b);
      var high = Math.max(a, b);
      var id = 'compare-' + levels[low].anchor + '--' + levels[high].anchor;
      if (document.getElementById(id)) {
        history.replaceState(null, '', '#' + id);
        show(id);
      }
    }

    function show(id) {
      pairs.forEach(function (pair) { pair.classList.toggle('compare-current', pair.id === id); });
      page.classList.add('compare-scripted');
    }

    function sync() {
      var id = window.location.hash.slice(1);
      var target = id && document.getElementById(id);
      if (!target || !target.classList.contains('compare-pair')) {
        id = pairs[0].id;
      }
      var anchors = id.replace(/^compare-/, '').split('--');
      selects[0].selectedIndex = indexOf(anchors[0]);
      selects[1].selectedIndex = indexOf(anchors[1]);
      show(id);
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
