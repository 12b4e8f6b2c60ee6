/* argmap viewer: source text, diagram and panel kept in step. All user text goes in as text nodes. */
(function () {
  "use strict";
  var SEVERITIES = ["error", "warning", "info"];
  var data = null, pane = null, selected = null, marksById = {}, markList = [];

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      for (var k in attrs) {
        if (!Object.prototype.hasOwnProperty.call(attrs, k) || attrs[k] == null) { continue; }
        if (k === "text") { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
      }
    }
    (children || []).forEach(function (c) {
      if (c == null || c === "") { return; }
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  function readData() {
    var node = document.getElementById("argmap-data");
    return JSON.parse(node.textContent);
  }

  function elementLink(ident) {
    var key = data.keys[ident];
    if (!key) { return el("code", {text: ident}); }
    var a = el("a", {"class": "el", href: "#" + key, "data-key": key, text: ident});
    return a;
  }

  function joinLinks(ids) {
    var span = el("span");
    ids.forEach(function (ident, i) {
      if (i) { span.appendChild(document.createTextNode(", ")); }
      span.appendChild(elementLink(ident));
    });
    return span;
  }

  function badge(word, cls) { return word ? el("span", {"class": "badge " + cls, text: word}) : null; }

  function section(title, body) {
    if (!body) { return null; }
    return el("div", null, [el("h3", {text: title}), body]);
  }

  function stepItem(ident) {
    var key = data.keys[ident], d = key ? data.elements[key] : null;
    if (!d) { return el("li", null, [elementLink(ident)]); }
    var line = [elementLink(ident), " " + d.ikind + " "];
    line.push(joinLinks(d.premises), " → ", elementLink(d.conclusion));
    if (d.qualifier) { line.push(" (" + d.qualifier + ")"); }
    return el("li", null, line);
  }

  function safeHref(href) { return href && /^https?:\/\/[^\/\s]/i.test(href) && !/[\s\x00-\x1f\x7f]/.test(href) ? href : null; }

  function renderPanel(key) {
    var d = data.elements[key], panel = document.getElementById("panel");
    panel.textContent = "";
    if (!d) { return; }
    var head = [el("span", {"class": "kind", text: d.kind + (d.ckind ? " · " + d.ckind : d.ikind ? " · " + d.ikind : d.ekind ? " · " + d.ekind : "")}), " ",
                el("code", {text: d.id})];
    if (d.thesis) { head.push(" ", badge("thesis", "b-thesis")); }
    panel.appendChild(el("h2", null, head));
    if (d.kind === "inference") {
      panel.appendChild(el("p", null, [joinLinks(d.premises), " → ", elementLink(d.conclusion)]));
      panel.appendChild(el("p", {"class": "meta", text: "Warrant: " + (d.warrant || "unstated")}));
    } else if (d.kind === "evidence") {
      var bits = [];
      if (d.by) { bits.push("by " + d.by); }
      bits.push(d.citation || "no citation given");
      if (d.published) { bits.push(d.published); }
      bits.push("added by " + d.added_by);
      panel.appendChild(el("p", {"class": "text", text: (d.title ? d.title + " · " : "") + bits.join(" · ")}));
      (d.urls || []).forEach(function (u) {
        var href = safeHref(u.href);
        panel.appendChild(el("p", null, [href ? el("a", {href: href, target: "_blank", rel: "noopener noreferrer nofollow", "class": "url", text: u.text})
                                                : el("span", {"class": "url", title: "not a web link", text: u.text})]));
      });
    } else {
      panel.appendChild(el("p", {"class": "text", text: d.text}));
    }
    var facts = [];
    if (d.qualifier) { facts.push("qualifier: " + d.qualifier); }
    if (d.assumption) { facts.push("assumption"); }
    if (d.section) { facts.push("section: " + d.section); }
    if (facts.length) { panel.appendChild(el("p", {"class": "meta", text: facts.join(" · ")})); }
    if (d.quote) { panel.appendChild(el("blockquote", {text: "“" + d.quote + "”"})); }
    if (d.note) { panel.appendChild(el("p", {"class": "meta", text: "Note: " + d.note})); }
    if (d.status || d.label) {
      var state = el("p", null, [badge(d.status, "b-" + d.status), badge(d.label, "b-" + d.label)]);
      if (d.why) { state.appendChild(document.createTextNode(" " + d.id + " is " + [d.status, d.label].filter(Boolean).join(" and ") + " (" + d.why + ")")); }
      if (d.weakest) { state.appendChild(el("span", {"class": "meta"}, [" · weakest link: ", elementLink(d.weakest)])); }
      panel.appendChild(section("Status and label", state));
    }
    if (d.evidence && d.evidence.length) { panel.appendChild(section("Evidence", el("p", null, [joinLinks(d.evidence)]))); }
    if (d.users && d.users.length) { panel.appendChild(section("Supports", el("p", null, [joinLinks(d.users)]))); }
    if (d.steps_in && d.steps_in.length) {
      panel.appendChild(section(d.kind === "inference" ? "Undercut by" : "Steps in", el("ul", null, d.steps_in.map(stepItem))));
    }
    if (d.steps_out && d.steps_out.length) { panel.appendChild(section("Steps out", el("ul", null, d.steps_out.map(stepItem)))); }
    var fs = d.findings.map(function (i) { return data.findings[i]; });
    panel.appendChild(section("Findings (" + fs.length + ")", fs.length ? el("ul", null, fs.map(function (f) {
      var rule = data.rules[f.code];
      var item = el("li", null, [badge(f.severity, "sev-" + f.severity), " ", el("code", {text: f.code}), " ", f.message]);
      if (rule) {
        item.appendChild(el("details", null, [el("summary", {text: rule.name + ": " + rule.summary}), el("div", {"class": "doc", text: rule.doc})]));
      }
      return item;
    })) : el("p", {"class": "meta", text: "None."})));
    if (d.reviews && d.reviews.length) {
      panel.appendChild(section("Reviews (" + d.reviews.length + ")", el("ul", null, d.reviews.map(function (r) {
        var li = el("li", null, [el("b", {text: r.reviewer}), " ", badge(r.verdict, ""), badge(r.severity, ""), badge(r.status, "")]);
        if (r.comment) { li.appendChild(el("p", {text: r.comment})); }
        r.details.forEach(function (x) { li.appendChild(el("p", {"class": "meta", text: x[0] + ": " + x[1]})); });
        return li;
      }))));
    }
  }

  function indexMarks() {
    marksById = {}; markList = [];
    var marks = document.querySelectorAll("#source mark.q[data-ids]");
    for (var i = 0; i < marks.length; i++) {
      markList.push(marks[i]);
      marks[i].getAttribute("data-ids").split(" ").forEach(function (k) {
        (marksById[k] = marksById[k] || []).push(marks[i]);
      });
    }
  }

  function markQuote(key, scroll) {
    var old = document.querySelectorAll("#source mark.marked");
    for (var i = 0; i < old.length; i++) { old[i].classList.remove("marked"); }
    var marks = marksById[key] || [];
    marks.forEach(function (m) { m.classList.add("marked"); });
    if (scroll && marks.length) { scrollWithin(document.getElementById("source"), marks[0]); }
  }

  function stacked() { return getComputedStyle(document.querySelector(".panes")).display !== "grid"; }

  /* Scroll a pane (not the page) so that this element is in its middle; a stacked layout scrolls nothing. */
  function scrollWithin(box, target) {
    if (!box || stacked()) { return; }
    var b = box.getBoundingClientRect(), t = target.getBoundingClientRect();
    box.scrollTop += (t.top - b.top) - (box.clientHeight - t.height) / 2;
  }

  /* Select an element: from "map", "source", "list" or "restore" (a live update: keep the view as it is). */
  function select(key, from) {
    if (!data.elements[key]) { return; }
    selected = key;
    document.getElementById("panel").scrollTop = 0;
    renderPanel(key);
    var node = pane ? pane.select(key) : null;
    if (node && from !== "map" && from !== "restore") {
      pane.centre(node);
      var wrap = document.querySelector(".map-wrap"), r = wrap.getBoundingClientRect();
      if (stacked() && (r.bottom < 0 || r.top > innerHeight)) { wrap.scrollIntoView({block: "start"}); }
    }
    markQuote(key, from !== "source" && from !== "restore");
    if (window.history && history.replaceState) { history.replaceState(null, "", "#" + encodeURIComponent(key)); }
  }

  function clearSelection() {
    selected = null;
    if (pane) { pane.select(null); }
    markQuote(null, false);
    var panel = document.getElementById("panel");
    panel.textContent = "";
    panel.appendChild(el("p", {"class": "meta", text: "Nothing selected. Click a node in the diagram or a highlighted quote."}));
    if (window.history && history.replaceState) { history.replaceState(null, "", location.pathname + location.search); }
  }

  var FIRST_FINDINGS = 300, allFindings = false;  /* a big map lists the first ones until asked for all */
  function fillFindings() {
    var sev = document.getElementById("filter-severity").value;
    var rule = document.getElementById("filter-rule").value;
    var list = document.getElementById("findings");
    list.textContent = "";
    var shown = 0, listed = 0;
    data.findings.forEach(function (f) {
      if ((sev && f.severity !== sev) || (rule && f.code !== rule)) { return; }
      shown++;
      if (!allFindings && listed >= FIRST_FINDINGS) { return; }
      listed++;
      list.appendChild(el("li", {tabindex: "0", "data-key": f.target || null}, [badge(f.severity, "sev-" + f.severity), " ",
        el("code", {text: f.code}), " ", f.target_id ? el("code", {text: f.target_id}) : null, " ", f.message]));
    });
    if (listed < shown) {
      var more = el("button", {type: "button", "class": "more", text: "Show all " + shown});
      more.addEventListener("click", function () { allFindings = true; fillFindings(); });
      list.appendChild(el("li", {"class": "meta"}, ["The first " + listed + " are listed. ", more]));
    }
    document.getElementById("findings-count").textContent = shown === data.findings.length ? "(" + shown + ")" : "(" + shown + " of " + data.findings.length + ")";
  }

  function fillRuleFilter() {
    var select = document.getElementById("filter-rule"), current = select.value;
    while (select.options.length > 1) { select.remove(1); }
    Object.keys(data.rules).sort().forEach(function (code) {
      select.appendChild(el("option", {value: code, text: code + " " + data.rules[code].name}));
    });
    select.value = data.rules[current] ? current : "";
  }

  var results = [], active = -1;
  function search(q) {
    var box = document.getElementById("search-results");
    box.textContent = ""; results = []; active = -1;
    q = q.trim().toLowerCase();
    if (!q) { box.hidden = true; return; }
    var keys = Object.keys(data.elements);
    for (var i = 0; i < keys.length && results.length < 30; i++) {
      var d = data.elements[keys[i]];
      if (d.id.toLowerCase().indexOf(q) >= 0 || (d.text || "").toLowerCase().indexOf(q) >= 0) { results.push(keys[i]); }
    }
    results.forEach(function (key, n) {
      var d = data.elements[key];
      box.appendChild(el("li", {role: "option", "data-key": key, id: "result-" + n}, [el("code", {text: d.kind + " " + d.id}), el("br"), d.text]));
    });
    if (!results.length) { box.appendChild(el("li", {"class": "meta", text: "No claim or id matches."})); }
    box.hidden = false;
  }
  function highlightResult(n) {
    var items = document.querySelectorAll("#search-results li[data-key]");
    for (var i = 0; i < items.length; i++) { items[i].setAttribute("aria-selected", i === n ? "true" : "false"); }
    if (items[n]) { items[n].scrollIntoView({block: "nearest"}); }
    active = n;
  }

  /* Select the element of the next (delta 1) or previous (-1) quote in text order. */
  function stepQuote(delta) {
    var n = markList.length;
    if (!n) { return; }
    var mine = selected && marksById[selected] ? marksById[selected] : [];
    var at = mine.length ? markList.indexOf(mine[delta > 0 ? mine.length - 1 : 0]) : (delta > 0 ? -1 : n);
    for (var step = 1; step <= n; step++) {
      var ids = markList[((at + delta * step) % n + n) % n].getAttribute("data-ids").split(" ");
      var other = ids.filter(function (k) { return k !== selected; });
      if (other.length) { select(other[0], "list"); return; }
    }
  }

  function setColour(mode) {
    document.body.classList.toggle("colour-findings", mode === "findings");
    document.body.classList.toggle("colour-status", mode === "status");
    var buttons = document.querySelectorAll("[data-colour]");
    for (var i = 0; i < buttons.length; i++) { buttons[i].setAttribute("aria-pressed", buttons[i].getAttribute("data-colour") === mode ? "true" : "false"); }
  }

  function makePane(keepState) {
    var container = document.getElementById("map");
    var state = keepState && pane ? pane.state() : null;
    if (pane) { pane.destroy(); }
    pane = null;
    if (!container || !container.querySelector("svg")) { return; }
    var focus = (container.getAttribute("data-focus") || "").split(" ").filter(Boolean);
    pane = new window.ArgmapMapPane(container, {focus: focus, onSelect: function (key) { select(key, "map"); }});
    if (state) { pane.restore(state); } else { pane.fitFocus(); }
  }

  function wire() {
    document.addEventListener("click", function (ev) {
      var t = ev.target;
      var link = t.closest && t.closest("a[data-key], #findings li[data-key], #search-results li[data-key]");
      if (link) {
        ev.preventDefault();
        document.getElementById("search-results").hidden = true;
        select(link.getAttribute("data-key"), "list");
        return;
      }
      var mark = t.closest && t.closest("#source mark.q[data-ids]");
      if (mark) {
        var ids = mark.getAttribute("data-ids").split(" ");
        var at = ids.indexOf(selected);
        select(ids[(at + 1) % ids.length], "source");  /* a second click on shared text goes to the next element */
      }
      if (!(t.closest && t.closest(".search"))) { document.getElementById("search-results").hidden = true; }
    });
    document.addEventListener("keydown", function (ev) {
      var t = ev.target, typing = t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA";
      if (t.id === "search") {
        if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
          ev.preventDefault();
          if (results.length) { highlightResult((active + (ev.key === "ArrowDown" ? 1 : -1) + results.length) % results.length); }
        } else if (ev.key === "Enter") {
          ev.preventDefault();
          var key = results[active < 0 ? 0 : active];
          if (key) { document.getElementById("search-results").hidden = true; select(key, "list"); }
        } else if (ev.key === "Escape") { t.value = ""; search(""); t.blur(); }
        return;
      }
      if (typing || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
      var mark = t.closest && t.closest("#source mark.q[data-ids]");
      var item = t.closest && t.closest("#findings li[data-key]");
      if ((mark || item) && (ev.key === "Enter" || ev.key === " ")) {
        ev.preventDefault();
        if (mark) { select(mark.getAttribute("data-ids").split(" ")[0], "source"); } else { select(item.getAttribute("data-key"), "list"); }
        return;
      }
      if (ev.key === "/") { ev.preventDefault(); document.getElementById("search").focus(); }
      else if (ev.key === "Escape") { clearSelection(); }
      else if (ev.key === "n") { stepQuote(1); }
      else if (ev.key === "p") { stepQuote(-1); }
      else if (ev.key === "t" && data.thesis) { select(data.thesis, "list"); }
    });
    document.getElementById("search").addEventListener("input", function (ev) { search(ev.target.value); });
    document.getElementById("filter-severity").addEventListener("change", fillFindings);
    document.getElementById("filter-rule").addEventListener("change", fillFindings);
    var buttons = document.querySelectorAll("[data-colour]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].addEventListener("click", function (ev) { setColour(ev.currentTarget.getAttribute("data-colour")); });
    }
  }

  /* A live update (argmap serve): new SVG, source and data; zoom, pan and selection stay. */
  function update(parts) {
    var keep = selected;
    data = parts.data;
    document.getElementById("title").textContent = parts.title;
    var container = document.getElementById("map");
    var state = pane ? pane.state() : null;
    if (pane) { pane.destroy(); pane = null; }
    var tools = container.querySelector("#map-tools");
    var old = container.querySelector("svg");
    if (old) { old.remove(); }
    var holder = document.createElement("div");
    holder.innerHTML = parts.svg;  /* sanitised by the server, as in the file argmap view writes */
    var svg = holder.querySelector("svg");
    var note = container.querySelector(".map-note");
    if (svg) { container.appendChild(svg); if (note) { note.remove(); } }
    document.getElementById("source-body").innerHTML = parts.source;
    indexMarks();
    if (svg) {
      var focus = (container.getAttribute("data-focus") || "").split(" ").filter(Boolean);
      pane = new window.ArgmapMapPane(container, {focus: focus, onSelect: function (key) { select(key, "map"); }});
      if (state) { pane.restore(state); } else { pane.fitFocus(); }
    }
    if (tools) { container.insertBefore(tools, container.firstChild); }
    fillRuleFilter();
    fillFindings();
    if (keep && data.elements[keep]) { select(keep, "restore"); } else if (keep) { clearSelection(); }
  }

  data = readData();
  indexMarks();
  makePane(false);
  wire();
  fillRuleFilter();
  fillFindings();
  var hash = decodeURIComponent(location.hash.slice(1));
  if (hash && data.elements[hash]) { select(hash, "list"); }
  window.argmapViewer = {update: update, select: select, selected: function () { return selected; },
                         pane: function () { return pane; }};
})();
