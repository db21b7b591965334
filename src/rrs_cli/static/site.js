/* rrs site: list filters and search. Every page works without this file. */
(function () {
  "use strict";

  function fold(text) {
    return (text || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/_/g, "-").replace(/\s+/g, " ").trim();
  }

  /* ---- the action list: filters in the URL (actions.html?goal=cyber&status=ongoing) ---- */
  var FILTERS = ["goal", "quality", "status", "term", "kind", "owner"];

  function setupList(form, table) {
    var count = document.getElementById("result-count");
    var pagers = Array.prototype.slice.call(document.querySelectorAll(".pager"));
    /* A long list is paged (actions.html, actions-2.html, ...): a filter fetches
       the other pages once and narrows all rows; no filter shows this page. */
    var pages = (table.getAttribute("data-pages") || "").split(" ").filter(Boolean);
    var here = Number(table.getAttribute("data-page") || "1");
    var total = Number(table.getAttribute("data-total") || table.tBodies[0].rows.length);
    var pageText = count ? count.textContent : "";
    var loading = null, complete = pages.length < 2, failed = false, latest = null;

    function item(row, page) {
      var owner = row.cells.length ? row.cells[row.cells.length - 1].textContent : "";
      var entry = { row: row, page: page, text: fold(row.textContent), ownerText: loose(owner) };
      FILTERS.forEach(function (name) {
        entry[name] = (row.getAttribute("data-" + name) || "").split(" ");
      });
      return entry;
    }
    var data = Array.prototype.slice.call(table.tBodies[0].rows).map(function (row) {
      return item(row, here);
    });

    function rowsOf(href, number) {
      return fetch(href, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(href + ": " + response.status);
        return response.text();
      }).then(function (html) {
        var body = new DOMParser().parseFromString(html, "text/html").querySelector("#action-list tbody");
        if (!body) throw new Error(href + ": no list");
        return Array.prototype.slice.call(body.rows).map(function (row) {
          row = document.adoptNode(row);
          row.hidden = true;
          return item(row, number);
        });
      });
    }

    function loadAll() {
      if (!loading) {
        loading = Promise.all(pages.map(function (href, index) {
          return index + 1 === here ? data : rowsOf(href, index + 1);
        })).then(function (lists) {
          var all = [].concat.apply([], lists);
          var fragment = document.createDocumentFragment();
          all.forEach(function (entry) { fragment.appendChild(entry.row); });
          table.tBodies[0].appendChild(fragment);  /* in list order */
          data = all;
          complete = true;
        }, function () { failed = true; });
        loading.then(function () { if (latest) apply(latest); });
      }
      return loading;
    }

    /* A URL value may be a key, a number or a name, as `rrs list` accepts; null
       when it names no option. */
    function resolve(select, value) {
      var wanted = fold(value);
      var options = select.options, i, prefix = [];
      for (i = 1; i < options.length; i++) {
        if (fold(options[i].value) === wanted) return options[i].value;
      }
      for (i = 1; i < options.length; i++) {
        var alt = fold(options[i].getAttribute("data-alt") || "");
        var names = [fold(options[i].textContent)].concat(alt.split(" "));
        if (names.indexOf(wanted) >= 0 || alt === wanted) return options[i].value;
        if (wanted && (names[0].indexOf(wanted) >= 0 || alt.indexOf(wanted) >= 0)) {
          prefix.push(options[i].value);
        }
      }
      return prefix.length === 1 ? prefix[0] : null;
    }

    /* An owner in the URL matches the owner as printed, under any of the names
       strategy.yaml gives its organisation: the rule of `rrs list --owner`. */
    var organisations = [];
    try {
      organisations = JSON.parse(form.getAttribute("data-organisations") || "[]");
    } catch (error) {
      organisations = [];
    }
    function loose(text) {
      return fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(" ");
    }
    function ownerPattern(value) {
      var wanted = loose(value), terms = wanted ? [wanted] : [];
      organisations.forEach(function (names) {
        var folded = names.map(loose);
        var named = folded.some(function (n) {
          return wanted === n || (wanted.length > 3 && n.indexOf(wanted) === 0);
        });
        if (named) folded.forEach(function (n) { if (n && terms.indexOf(n) < 0) terms.push(n); });
      });
      return new RegExp(terms.map(function (term) {
        var text = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        return "(?<![\\p{L}\\p{N}_])" + text + (term.length <= 4 ? "(?![\\p{L}\\p{N}_])" : "");
      }).join("|") || "(?!)", "u");
    }

    /* The filters in the URL; what names nothing is kept in state.unknown. */
    function wanted() {
      var params = new URLSearchParams(window.location.search);
      var state = { unknown: [], text: {} };
      FILTERS.forEach(function (name) {
        var select = form.elements[name];
        state.text[name] = [];
        state[name] = params.getAll(name).filter(Boolean).map(function (v) {
          if (select && !select.options) return v;  /* a text box: matched in ownerTest */
          if (name === "owner" && !(select && resolve(select, v) === v)) {
            state.text[name].push({ value: v, pattern: ownerPattern(v) });
            return null;
          }
          var key = select ? resolve(select, v) : fold(v);
          if (key === null) state.unknown.push({ name: name, value: v });
          return key === null ? fold(v) : key;
        }).filter(function (v) { return v !== null; });
      });
      state.q = fold(params.get("q") || "");
      return state;
    }

    function textValues(state, name) {
      return (state.text && state.text[name]) || [];
    }

    function filtering(state) {
      return Boolean(state.q) || FILTERS.some(function (name) {
        return state[name].length || textValues(state, name).length;
      });
    }

    /* Above a few hundred organisations the owner filter is a text box: part of a
       name matches an owner key (a slug of the name) or one of its other spellings. */
    function slug(text) {
      return fold(text).replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    }
    var aliases = ((form.elements.owner && form.elements.owner.getAttribute("data-aliases")) || "")
      .split("|").filter(Boolean).map(function (pair) {
        var at = pair.indexOf("=");
        return { key: pair.slice(0, at), names: fold(pair.slice(at + 1)) };
      });
    function ownerTest(value) {
      var needle = slug(value), words = fold(value);
      var keys = aliases.filter(function (a) { return words && a.names.indexOf(words) >= 0; })
        .map(function (a) { return a.key; });
      return function (owners) {
        return owners.some(function (key) {
          return (needle && key.indexOf(needle) >= 0) || keys.indexOf(key) >= 0;
        });
      };
    }

    function tests(state) {
      return FILTERS.filter(function (name) {
        return state[name].length || textValues(state, name).length;
      }).map(function (name) {
        var values = state[name];
        var texts = textValues(state, name);
        var element = form.elements[name];
        if (element && !element.options) {
          var owned = values.map(ownerTest);
          return function (item) { return owned.some(function (test) { return test(item[name]); }); };
        }
        return function (item) {
          return values.some(function (v) { return item[name].indexOf(v) >= 0; }) ||
            texts.some(function (t) { return t.pattern.test(item.ownerText); });
        };
      });
    }

    /* "Eigenaar ‘xyz’ komt in deze lijst niet voor": values that name no choice,
       and owners that no action has, once every page is loaded. */
    function unknownText(state) {
      var template = count ? count.getAttribute("data-unknown") : "";
      if (!template) return "";
      var unknown = (state.unknown || []).slice();
      if (complete) {
        FILTERS.forEach(function (name) {
          textValues(state, name).forEach(function (t) {
            var used = data.some(function (entry) { return t.pattern.test(entry.ownerText); });
            if (!used) unknown.push({ name: name, value: t.value });
          });
        });
      }
      return unknown.map(function (u) {
        var label = document.querySelector('label[for="f-' + u.name + '"]');
        return template.replace("{filter}", label ? label.textContent : u.name)
          .replace("{value}", u.value);
      }).join(" ");
    }

    function apply(state) {
      latest = state;
      var active = filtering(state);
      if (active && !complete && !failed) loadAll();
      var checks = tests(state);
      var shown = 0;
      data.forEach(function (item) {
        var ok = active ? checks.every(function (check) { return check(item); }) &&
          (!state.q || item.text.indexOf(state.q) >= 0) : item.page === here;
        if (ok) shown++;
        if (item.row.hidden === ok) item.row.hidden = !ok;
      });
      pagers.forEach(function (pager) { pager.hidden = active && complete; });
      if (!count) return;
      var template = count.getAttribute("data-template") || "{count}";
      var of = total;
      if (active && !complete && failed) {
        template = count.getAttribute("data-partial") || template;
        of = data.length;
      } else if (active && !complete) {
        count.textContent = count.getAttribute("data-loading") || "";
        return;
      } else if (!active && pages.length > 1) {
        count.textContent = pageText;
        return;
      }
      var said = template.replace("{count}", String(shown)).replace("{total}", String(of));
      var unknown = active ? unknownText(state) : "";
      count.textContent = unknown ? said + ". " + unknown : said;
    }

    function fromForm() {
      var state = { unknown: [], text: {} };
      var params = new URLSearchParams();
      var current = new URLSearchParams(window.location.search);
      FILTERS.forEach(function (name) {
        var value = form.elements[name] ? form.elements[name].value : "";
        /* keep repeated values from the URL while the select still shows the first */
        var old = current.getAll(name);
        var values = value ? [value] : [];
        if (value && old.length > 1 && form.elements[name].getAttribute("data-multi") === value) {
          values = wanted()[name];
        }
        state[name] = values;
        values.forEach(function (v) { params.append(name, v); });
      });
      var q = form.elements.q ? form.elements.q.value : "";
      state.q = fold(q);
      if (q) params.set("q", q);
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
      return state;
    }

    var initial = wanted();
    FILTERS.forEach(function (name) {
      var select = form.elements[name];
      if (select && initial[name].length) {
        select.value = initial[name][0];
        if (initial[name].length > 1) select.setAttribute("data-multi", initial[name][0]);
      }
    });
    if (form.elements.q) form.elements.q.value = new URLSearchParams(window.location.search).get("q") || "";
    apply(initial);

    form.addEventListener("change", function () { apply(fromForm()); });
    form.addEventListener("input", function (event) {
      var name = event.target && event.target.name;
      if (name === "q" || (name && event.target.tagName === "INPUT")) apply(fromForm());
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      apply(fromForm());
    });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(fromForm()); }, 0);
    });
  }

  /* ---- search: Pagefind's index, our own small interface ---- */
  function setupSearch(input, list) {
    var status = document.getElementById("search-status");
    var form = document.getElementById("search-form");
    if (window.location.protocol === "file:") {
      var note = document.getElementById("search-file-note");
      if (note) note.hidden = false;
      return;
    }
    var root = document.body.getAttribute("data-root") || "";
    var base = new URL(root, window.location.href);
    var engine = null;

    function load() {
      if (!engine) {
        engine = import(new URL("pagefind/pagefind.js", base).href).then(function (pagefind) {
          return Promise.resolve(pagefind.options({ baseUrl: "/" })).then(function () {
            return pagefind;
          });
        });
      }
      return engine;
    }

    /* An excerpt as text with <mark> kept: parsed inertly, rebuilt from text nodes. */
    function excerpt(html) {
      var p = document.createElement("p");
      var doc = new DOMParser().parseFromString("<body>" + html, "text/html");
      doc.body.childNodes.forEach(function (node) {
        if (node.nodeType === 1 && node.nodeName === "MARK") {
          var mark = document.createElement("mark");
          mark.textContent = node.textContent;
          p.appendChild(mark);
        } else {
          p.appendChild(document.createTextNode(node.textContent));
        }
      });
      return p;
    }

    function relative(url) {
      var path = String(url || "").replace(/^\/+/, "");
      return /^actions\/[A-Z0-9]+\.html$/.test(path) ? root + path : null;
    }

    function show(items) {
      items.forEach(function (item) {
        var href = relative(item.url);
        if (!href) return;
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = href;
        a.textContent = (item.meta && item.meta.title) || href;
        li.appendChild(a);
        li.appendChild(excerpt(item.excerpt || ""));
        list.appendChild(li);
      });
    }

    /* At most two searches at a time. Pagefind runs searches in its worker and
       shares the index chunks they fetch, so a newer query need not wait for
       an older, slower one (the first search of a page is the slowest: it
       fetches its chunks and runs cold); keys typed while two run only leave
       the newest query waiting, so a fast typist does not queue a search per
       key. An answer that arrives for an older query is dropped. */
    var latest = 0;
    var running = 0;
    var waiting = null;
    function run(query) {
      var ticket = ++latest;
      var params = new URLSearchParams(window.location.search);
      if (query) params.set("q", query); else params.delete("q");
      var qs = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (qs ? "?" + qs : ""));
      if (!query.trim()) {
        waiting = null;
        list.textContent = "";
        if (status) status.textContent = "";
        return;
      }
      if (running >= 2) {
        waiting = query;
        return;
      }
      running++;
      var finished = false;
      function done() {
        if (finished) return;
        finished = true;
        running--;
        if (waiting !== null) {
          var next = waiting;
          waiting = null;
          run(next);
        }
      }
      load().then(function (pagefind) {
        return pagefind.search(query);
      }).then(function (search) {
        if (ticket !== latest || !search) return null;
        var results = search.results.slice(0, 30);
        var total = search.results.length;
        function fresh() { return ticket === latest; }
        function answer(items) {
          list.textContent = "";
          show(items);
          if (status) {
            status.textContent = total
              ? (status.getAttribute("data-template") || "{count}").replace("{count}", String(total))
              : status.getAttribute("data-none") || "";
          }
          done();
        }
        if (!results.length) {
          answer([]);
          return null;
        }
        /* Each result is one small fetch: the first is shown as soon as it
           arrives, the next nine after it, then the rest. */
        var data = results.map(function (r) { return r.data(); });
        return data[0].then(function (item) {
          if (!fresh()) return null;
          answer([item]);
          return Promise.all(data.slice(1, 10));
        }).then(function (items) {
          if (items && fresh()) show(items);
          return items && fresh() ? Promise.all(data.slice(10)) : null;
        }).then(function (rest) {
          if (rest && fresh()) show(rest);
        });
      }).catch(function () {
        if (ticket === latest && status) status.textContent = status.getAttribute("data-none") || "";
      }).then(done);
    }

    /* Fetch the search code and its WebAssembly when the reader comes to the
       box, not with the page, and run one search for a word that matches
       nothing: it waits for the WebAssembly and the index's table of contents
       and fetches one small index chunk, so the reader's first query pays only
       for its own chunks. */
    input.addEventListener("focus", function () {
      load().then(function (pagefind) { return pagefind.search("zzzzzz"); })
        .catch(function () {});
    }, { once: true });
    /* One or two letters match most words of a large index (a second or more
       at 10,000 actions) and would hold up the next key's search: they are
       searched only after a pause in typing, or on Enter. */
    var pause = null;
    input.addEventListener("input", function () {
      window.clearTimeout(pause);
      var query = input.value;
      if (query.trim().length > 0 && query.trim().length < 3) {
        latest++;  /* an answer still coming for an earlier query is no longer wanted */
        waiting = null;
        pause = window.setTimeout(function () { run(query); }, 400);
      } else {
        run(query);
      }
    });
    if (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        window.clearTimeout(pause);
        run(input.value);
      });
    }
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) {
      input.value = initial;
      run(initial);
    }
  }

  function start() {
    var form = document.getElementById("filters");
    var table = document.getElementById("action-list");
    if (form && table) setupList(form, table);
    var input = document.getElementById("search-input");
    var list = document.getElementById("search-results");
    if (input && list) setupSearch(input, list);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
