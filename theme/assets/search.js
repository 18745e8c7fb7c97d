/*
 * Site search for handbook-site. No dependencies and no third-party service: it reads the site's own
 * /search-index.json (written at build time, see README "Search") and searches it in the browser, so it works
 * offline on the built site.
 *
 * - Every <form data-search-form> (the header box) becomes an ARIA 1.2 combobox with a listbox of suggestions:
 *   ArrowDown/ArrowUp move through them, Enter opens the chosen one (or submits the form to the results page
 *   when none is chosen), Escape closes the list (a second Escape clears the box).
 * - The results page fills [data-search-results] from ?q=…; without JavaScript its <noscript> message shows.
 *
 * Query language: words match the beginning of words (all words must match somewhere in a family);
 * "grade 8" (also "Grade #9.5") keeps the families with a level at that grade.
 */
(function () {
  'use strict';

  var INDEX_URL = '/search-index.json';
  var RESULTS_URL = '/job-families/search/';
  var MAX_SUGGESTIONS = 8;
  var MAX_ROLES = 3;
  var GRADE = /\bgrade\s*#?\s*(\d+(?:[.,]\d+)?)\b/i;
  var loaded = null;

  function fold(text) {
    return String(text || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  }

  // " word word " – a term matches the start of a word when " " + term occurs in it.
  function hay(text) {
    return ' ' + words(text).join(' ') + ' ';
  }

  function has(haystack, term) {
    return haystack.indexOf(' ' + term) >= 0;
  }

  function loadIndex() {
    if (!loaded) {
      loaded = fetch(INDEX_URL, { credentials: 'same-origin' })
        .then(function (response) {
          if (!response.ok) {
            throw new Error('HTTP ' + response.status);
          }
          return response.json();
        })
        .then(prepare);
      loaded.catch(function () { loaded = null; }); // try again on the next query
    }
    return loaded;
  }

  function prepare(index) {
    var texts = index.texts.map(function (text) { return { text: text, hay: hay(text) }; });
    return index.families.map(function (family) {
      return {
        title: family.title,
        url: family.url,
        department: family.department,
        description: family.description || '',
        fields: [
          { hay: hay(family.title), weight: 10 },
          { hay: hay(family.department), weight: 3 },
          { hay: hay(family.description), weight: 2 }
        ],
        roles: family.roles.map(function (role) {
          return {
            name: role.name,
            anchor: role.anchor,
            kind: role.kind,
            grade: role.grade === undefined ? null : role.grade,
            gradeTitle: role.grade_title || null,
            nameHay: hay(role.name),
            gradeHay: hay(role.grade_title),
            items: role.items.map(function (i) { return texts[i]; })
          };
        })
      };
    });
  }

  function parseQuery(raw) {
    var grade = null;
    var rest = raw;
    var match = GRADE.exec(raw);
    if (match) {
      grade = parseFloat(match[1].replace(',', '.'));
      rest = raw.slice(0, match.index) + ' ' + raw.slice(match.index + match[0].length);
    }
    var terms = words(rest);
    return { grade: grade, terms: terms, phrase: terms.length > 1 ? ' ' + terms.join(' ') : null };
  }

  function roleMatches(role, terms) {
    var score = 0;
    terms.forEach(function (term) {
      if (has(role.nameHay, term)) {
        score += 3;
      } else if (role.items.some(function (item) { return has(item.hay, term); })) {
        score += 1;
      }
    });
    return score;
  }

  /** Families matching the query, best first: { family, score, roles, snippet }. */
  function search(families, raw) {
    var query = parseQuery(raw);
    if (query.grade === null && query.terms.length === 0) {
      return [];
    }
    var results = [];
    families.forEach(function (family) {
      var roles = family.roles;
      if (query.grade !== null) {
        roles = roles.filter(function (role) { return role.grade !== null && parseFloat(role.grade) === query.grade; });
        if (roles.length === 0) {
          return;
        }
      }
      var score = query.grade !== null ? 5 : 0;
      for (var t = 0; t < query.terms.length; t++) {
        var term = query.terms[t];
        var best = 0;
        family.fields.forEach(function (field) {
          if (field.weight > best && has(field.hay, term)) {
            best = field.weight;
          }
        });
        roles.forEach(function (role) {
          if (best < 6 && has(role.nameHay, term)) {
            best = 6;
          }
          if (best < 1 && (has(role.gradeHay, term) || role.items.some(function (item) { return has(item.hay, term); }))) {
            best = 1;
          }
        });
        if (best === 0) {
          return; // every word must match somewhere
        }
        score += best;
      }

      var snippet = null;
      if (query.phrase) {
        roles.some(function (role) {
          var found = role.items.filter(function (item) { return item.hay.indexOf(query.phrase) >= 0; })[0];
          if (found) {
            snippet = found.text;
          }
          return !!found;
        });
        if (snippet || family.fields[0].hay.indexOf(query.phrase) >= 0) {
          score += 10;
        }
      }
      if (!snippet && query.terms.length > 0) {
        var bestCount = 0;
        roles.forEach(function (role) {
          role.items.forEach(function (item) {
            var count = query.terms.filter(function (term) { return has(item.hay, term); }).length;
            if (count > bestCount) {
              bestCount = count;
              snippet = item.text;
            }
          });
        });
      }

      var shown = roles
        .map(function (role, position) { return { role: role, position: position, score: query.terms.length ? roleMatches(role, query.terms) : 1 }; })
        .filter(function (entry) { return entry.score > 0 && entry.role.anchor; })
        .sort(function (a, b) { return b.score - a.score || a.position - b.position; })
        .slice(0, MAX_ROLES)
        .map(function (entry) { return entry.role; });
      results.push({ family: family, score: score, roles: shown, snippet: snippet });
    });
    results.sort(function (a, b) {
      return b.score - a.score || a.family.title.localeCompare(b.family.title);
    });
    return results;
  }

  function resultsUrl(value) {
    return RESULTS_URL + '?q=' + encodeURIComponent(value);
  }

  function roleLabel(role) {
    return role.name + (role.grade !== null ? ' (grade ' + role.grade + ')' : '');
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function enhanceBox(form, number) {
    var input = form.querySelector('input[name="q"]');
    if (!input) {
      return;
    }
    var listId = (input.id || 'search-' + number) + '-listbox';
    var list = element('ul', 'search-suggestions');
    list.id = listId;
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Search suggestions');
    list.hidden = true;
    var status = element('p', 'visually-hidden');
    status.setAttribute('role', 'status');
    form.appendChild(list);
    form.appendChild(status);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', listId);

    var options = [];
    var active = -1;
    var timer = null;
    var asked = 0;

    function setActive(index) {
      if (active >= 0 && options[active]) {
        options[active].node.setAttribute('aria-selected', 'false');
      }
      active = index;
      if (index >= 0) {
        options[index].node.setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', options[index].node.id);
        options[index].node.scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function close() {
      setActive(-1);
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
    }

    function open() {
      if (options.length > 0) {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }
    }

    function addOption(label, detail, url) {
      var node = element('li', 'search-option');
      node.id = listId + '-' + options.length;
      node.setAttribute('role', 'option');
      node.setAttribute('aria-selected', 'false');
      node.appendChild(element('span', 'search-option-title', label));
      if (detail) {
        node.appendChild(element('span', 'search-option-detail', detail));
      }
      node.addEventListener('mousedown', function (event) { event.preventDefault(); }); // keep focus in the box
      node.addEventListener('click', function () { window.location.assign(url); });
      list.appendChild(node);
      options.push({ node: node, url: url });
    }

    function render(results, value) {
      list.textContent = '';
      options = [];
      active = -1;
      input.removeAttribute('aria-activedescendant');
      results.slice(0, MAX_SUGGESTIONS).forEach(function (result) {
        var family = result.family;
        var single = result.roles.length === 1 ? result.roles[0] : null;
        var detail = [family.department].concat(result.roles.map(roleLabel)).join(' · ');
        addOption(family.title, detail, single ? family.url + '#' + single.anchor : family.url);
      });
      addOption('All results for “' + value + '”', null, resultsUrl(value));
      var count = results.length;
      status.textContent = count === 0
        ? 'No job families match.'
        : count + (count === 1 ? ' job family matches' : ' job families match') + '; use the up and down arrow keys to choose.';
      open();
    }

    function update() {
      var value = input.value.trim();
      var ticket = ++asked;
      if (!value) {
        list.textContent = '';
        options = [];
        status.textContent = '';
        close();
        return;
      }
      loadIndex().then(function (families) {
        if (ticket === asked) {
          render(search(families, value), value);
        }
      }, function () {
        status.textContent = 'Search is not available right now.';
      });
    }

    input.addEventListener('input', function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, 60);
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        if (list.hidden) {
          if (options.length > 0) {
            open();
          } else {
            update();
          }
        } else {
          setActive(active + 1 < options.length ? active + 1 : 0);
        }
      } else if (event.key === 'ArrowUp') {
        event.preventDefault();
        if (!list.hidden && options.length > 0) {
          setActive(active > 0 ? active - 1 : options.length - 1);
        }
      } else if (event.key === 'Enter') {
        if (!list.hidden && active >= 0) {
          event.preventDefault();
          window.location.assign(options[active].url);
        }
      } else if (event.key === 'Escape') {
        if (!list.hidden) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = '';
          update();
        }
      }
    });
    input.addEventListener('blur', close);
  }

  function renderResults(container, families, value) {
    container.textContent = '';
    var results = search(families, value);
    container.appendChild(element('p', 'search-summary', results.length === 0
      ? 'No job families match “' + value + '”.'
      : results.length + (results.length === 1 ? ' job family matches' : ' job families match') + ' “' + value + '”.'));
    if (results.length === 0) {
      return;
    }
    var list = element('ol', 'search-results');
    results.forEach(function (result) {
      var item = element('li', 'search-result');
      var heading = element('h2', 'search-result-title');
      var link = element('a', null, result.family.title);
      link.href = result.family.url;
      heading.appendChild(link);
      item.appendChild(heading);
      item.appendChild(element('p', 'search-result-department', result.family.department));
      if (result.roles.length > 0) {
        var roles = element('ul', 'search-result-roles');
        result.roles.forEach(function (role) {
          var entry = element('li');
          var roleLink = element('a', null, role.name);
          roleLink.href = result.family.url + '#' + role.anchor;
          entry.appendChild(roleLink);
          if (role.grade !== null) {
            entry.appendChild(document.createTextNode(' '));
            entry.appendChild(element('span', 'grade-badge', 'Grade ' + role.grade));
          }
          roles.appendChild(entry);
        });
        item.appendChild(roles);
      }
      if (result.snippet) {
        item.appendChild(element('p', 'search-result-snippet', result.snippet));
      } else if (result.family.description) {
        item.appendChild(element('p', 'search-result-snippet', result.family.description));
      }
      list.appendChild(item);
    });
    container.appendChild(list);
  }

  function enhanceResultsPage(container) {
    var value = (new URLSearchParams(window.location.search).get('q') || '').trim();
    var input = document.querySelector('[data-search-page] input[name="q"]');
    if (input) {
      input.value = value;
    }
    if (!value) {
      container.textContent = '';
      container.appendChild(element('p', 'search-summary', 'Type what you are looking for: a role, a grade such as “grade 8”, or words from a responsibility.'));
      return;
    }
    document.title = 'Search: ' + value + ' | ' + document.title.replace(/^Search \| /, '');
    container.textContent = '';
    container.appendChild(element('p', 'search-summary', 'Searching…'));
    loadIndex().then(function (families) {
      renderResults(container, families, value);
    }, function () {
      container.textContent = '';
      container.appendChild(element('p', 'search-summary', 'The search index could not be loaded. Browse all job families instead.'));
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-search-form]'), enhanceBox);
    var container = document.querySelector('[data-search-results]');
    if (container) {
      enhanceResultsPage(container);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
