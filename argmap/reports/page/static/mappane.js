/* argmap map pane: the rendered diagram with pan and zoom (svg-pan-zoom), selection and focus.
   One implementation, used by the viewer and the review report. Nodes carry data-panel.

   A big map's SVG comes with class "lazy" (argmap.reports.page.svg): the browser lays out its
   text only for the elements in and near the view (class "near"), at a scale where text can be
   read. Laying out the text of thousands of nodes took a second or more, and again on every
   zoom step (the browser lays SVG text out anew for each scale). The SVG stays undisplayed until
   the pane is set up, so that the browser lays it out once, not once per chunk the parser
   delivers. */
(function () {
  "use strict";

  var LAZY_MIN_SCALE = 0.3;  /* below this (screen pixels per diagram point) text is not drawn: 10 pt would be 3 px */
  var LAZY_MARGIN = 0.5;     /* text is laid out this many pane sizes beyond each edge, so a short pan finds it there */

  function boxThrough(m, box) {
    var xs = [], ys = [];
    [[box.x, box.y], [box.x + box.width, box.y], [box.x, box.y + box.height], [box.x + box.width, box.y + box.height]].forEach(function (p) {
      xs.push(m.a * p[0] + m.c * p[1] + m.e); ys.push(m.b * p[0] + m.d * p[1] + m.f);
    });
    return {left: Math.min.apply(null, xs), top: Math.min.apply(null, ys), right: Math.max.apply(null, xs), bottom: Math.max.apply(null, ys)};
  }

  function MapPane(container, options) {
    options = options || {};
    this.container = container;
    this.svg = container.querySelector("svg");
    this.onSelect = options.onSelect || function () {};
    this.selected = null;
    this.byPanel = {};
    if (!this.svg) { return; }
    var nodes = this.svg.querySelectorAll("[data-panel]");
    for (var i = 0; i < nodes.length; i++) {
      var key = nodes[i].getAttribute("data-panel");
      if (!this.byPanel[key]) { this.byPanel[key] = nodes[i]; }
    }
    this.svg.style.overflow = "hidden";  /* set through the CSSOM, so svg-pan-zoom need not write a style attribute */
    this.boxes = new WeakMap();
    this.matrices = new WeakMap();
    this.lazy = this.svg.classList.contains("lazy");
    this.texts = null;
    this.svg.classList.add("ready");  /* a lazy SVG is displayed from here on */
    if (this.lazy) { this._textItems(); }  /* the one layout, before svg-pan-zoom measures the pane */
    var self = this;
    this.zoom = window.svgPanZoom(this.svg, {
      viewportSelector: ".svg-pan-zoom_viewport", panEnabled: true, zoomEnabled: true,
      controlIconsEnabled: false, dblClickZoomEnabled: false, mouseWheelZoomEnabled: true,
      preventMouseEventsDefault: true, zoomScaleSensitivity: 0.25, minZoom: 0.01, maxZoom: 60,
      fit: true, center: true,
      onUpdatedCTM: function () { self._layText(); }  /* after each pan or zoom is applied */
    });
    this._wire(options);
    this._layText();
  }

  /* The matrix from an element's user space to the coordinates of the pan-zoom viewport group
     (the root's user space less the pan and zoom), from the transform attributes alone: reading
     them needs no layout, and they do not change with pan and zoom. */
  MapPane.prototype._matrix = function (el) {
    if (!el || el === this.svg || !el.classList) { return this.svg.createSVGMatrix(); }
    var known = this.matrices.get(el);
    if (known) { return known; }
    var m = this._matrix(el.parentNode);
    if (!el.classList.contains("svg-pan-zoom_viewport") && el.transform) {
      var own = el.transform.baseVal.consolidate();
      if (own) { m = m.multiply(own.matrix); }
    }
    this.matrices.set(el, m);
    return m;
  };

  /* An element's bounding box in viewport coordinates (once: nodes do not move). getBBox lays
     the document out if it has changed, so a lazy map computes all its boxes at once, first. */
  MapPane.prototype._box = function (el) {
    var known = this.boxes.get(el);
    if (known !== undefined) { return known; }
    var box = null;
    try { box = el.getBBox(); } catch (e) { box = null; }
    var r = box && (box.width || box.height) ? boxThrough(this._matrix(el), box) : null;
    this.boxes.set(el, r);
    return r;
  };

  /* The bounding box of elements in the coordinates of the pan-zoom viewport group, which do
     not change with pan and zoom (svg-pan-zoom applies its transform on the next frame, so
     screen rectangles read right after a zoom would be stale). */
  MapPane.prototype._rect = function (elements) {
    var r = null;
    for (var i = 0; i < elements.length; i++) {
      var b = this._box(elements[i]);
      if (!b) { continue; }
      r = r ? {left: Math.min(r.left, b.left), top: Math.min(r.top, b.top), right: Math.max(r.right, b.right), bottom: Math.max(r.bottom, b.bottom)} : b;
    }
    return r;
  };

  /* A lazy map's elements with text, each with its box. */
  MapPane.prototype._textItems = function () {
    if (this.texts) { return this.texts; }
    var items = [], texts = this.svg.querySelectorAll("[data-panel] text"), last = null;
    for (var i = 0; i < texts.length; i++) {
      var el = texts[i].closest("[data-panel]");
      if (el === last) { continue; }
      last = el;
      var box = this._box(el);
      if (box) { items.push({el: el, box: box, near: false}); }
    }
    this.texts = items;
    return items;
  };

  /* A lazy SVG: mark "near" the elements in or near the view, when text is big enough to read. */
  MapPane.prototype._layText = function () {
    if (!this.lazy || !this.zoom || !this.texts) { return; }
    var sizes = this.zoom.getSizes(), pan = this.zoom.getPan(), real = sizes.realZoom;
    var items = this.texts, show = real >= LAZY_MIN_SCALE;
    var w = sizes.width / real, h = sizes.height / real;
    var left = -pan.x / real - w * LAZY_MARGIN, top = -pan.y / real - h * LAZY_MARGIN;
    var right = left + w * (1 + 2 * LAZY_MARGIN), bottom = top + h * (1 + 2 * LAZY_MARGIN);
    for (var i = 0; i < items.length; i++) {
      var it = items[i], b = it.box;
      var near = show && b.right >= left && b.left <= right && b.bottom >= top && b.top <= bottom;
      if (near !== it.near) { it.near = near; it.el.classList.toggle("near", near); }
    }
  };

  MapPane.prototype._wire = function (options) {
    var self = this, down = null, dragged = false;
    this.svg.addEventListener("mousedown", function (ev) { down = [ev.clientX, ev.clientY]; dragged = false; });
    this.svg.addEventListener("mousemove", function (ev) {
      if (down && Math.abs(ev.clientX - down[0]) + Math.abs(ev.clientY - down[1]) > 5) { dragged = true; }
    });
    this.svg.addEventListener("click", function (ev) {
      down = null;
      if (dragged) { dragged = false; ev.stopPropagation(); ev.preventDefault(); return; }
      var node = ev.target.closest ? ev.target.closest("[data-panel]") : null;
      if (node) { ev.preventDefault(); ev.stopPropagation(); self.onSelect(node.getAttribute("data-panel"), "map"); }
    }, true);
    this.container.addEventListener("keydown", function (ev) {
      if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
      var node = ev.target.closest ? ev.target.closest("[data-panel]") : null;
      if (node && (ev.key === "Enter" || ev.key === " ")) {
        ev.preventDefault(); self.onSelect(node.getAttribute("data-panel"), "map"); return;
      }
      var step = 80, handled = true;
      if (ev.key === "+" || ev.key === "=") { self.zoom.zoomBy(1.25); }
      else if (ev.key === "-" || ev.key === "_") { self.zoom.zoomBy(0.8); }
      else if (ev.key === "0") { self.fitAll(); }
      else if (ev.key === "ArrowLeft") { self.zoom.panBy({x: step, y: 0}); }
      else if (ev.key === "ArrowRight") { self.zoom.panBy({x: -step, y: 0}); }
      else if (ev.key === "ArrowUp") { self.zoom.panBy({x: 0, y: step}); }
      else if (ev.key === "ArrowDown") { self.zoom.panBy({x: 0, y: -step}); }
      else { handled = false; }
      if (handled) { ev.preventDefault(); }
    });
    var tools = this.container.querySelectorAll("[data-map-tool]");
    for (var i = 0; i < tools.length; i++) {
      tools[i].addEventListener("click", function (ev) {
        var tool = ev.currentTarget.getAttribute("data-map-tool");
        if (tool === "in") { self.zoom.zoomBy(1.25); }
        else if (tool === "out") { self.zoom.zoomBy(0.8); }
        else if (tool === "fit") { self.fitAll(); }
        else if (tool === "focus") { self.fitFocus(); }
      });
    }
    window.addEventListener("resize", function () {  /* keep the point at the centre where it is */
      if (!self.zoom) { return; }
      var sizes = self.zoom.getSizes(), pan = self.zoom.getPan();  /* the sizes from before the resize */
      var x = (sizes.width / 2 - pan.x) / sizes.realZoom, y = (sizes.height / 2 - pan.y) / sizes.realZoom;
      self.zoom.resize();
      self._show(x, y, sizes.realZoom);
    });
    this.focusIds = options.focus || [];
  };

  MapPane.prototype.node = function (panelId) { return this.byPanel[panelId] || null; };

  MapPane.prototype.select = function (panelId) {
    if (this.selected) { this.selected.classList.remove("selected"); }
    this.selected = this.node(panelId);
    if (this.selected) { this.selected.classList.add("selected"); }
    return this.selected;
  };

  /* Show the point (x, y) of the viewport group at the centre of the pane, at this real zoom
     (screen pixels per diagram point). */
  MapPane.prototype._show = function (x, y, real) {
    var sizes = this.zoom.getSizes(), perLevel = sizes.realZoom / this.zoom.getZoom();
    this.zoom.zoom(real / perLevel);
    real = this.zoom.getSizes().realZoom;  /* after svg-pan-zoom's own limits */
    this.zoom.pan({x: sizes.width / 2 - x * real, y: sizes.height / 2 - y * real});
  };

  /* Zoom and pan so that these elements fill the pane (with a margin), at a scale between
     minScale and maxScale (screen pixels per diagram point). When they do not fit at minScale
     (text readable), centre on the first of them, the one that matters. */
  MapPane.prototype.fitElements = function (elements, maxScale, minScale) {
    if (!this.zoom) { return; }
    var r = this._rect(elements);
    if (!r) { return; }
    var sizes = this.zoom.getSizes();
    var w = Math.max(r.right - r.left, 1), h = Math.max(r.bottom - r.top, 1);
    var real = Math.min(sizes.width * 0.92 / w, sizes.height * 0.92 / h, maxScale || 1.5);
    if (minScale && real < minScale) {
      real = minScale;
      r = this._rect([elements[0]]) || r;
    }
    this._show((r.left + r.right) / 2, (r.top + r.bottom) / 2, real);
  };

  /* Pan (no zoom) so that the centre of these elements is the centre of the pane. */
  MapPane.prototype.centreOn = function (elements) {
    if (!this.zoom) { return; }
    var r = this._rect(elements);
    if (r) { this._show((r.left + r.right) / 2, (r.top + r.bottom) / 2, this.zoom.getSizes().realZoom); }
  };

  /* Centre a node; zoom in first when it is too small to read. */
  MapPane.prototype.centre = function (node) {
    if (!this.zoom || !node) { return; }
    var r = this._rect([node]);
    if (!r) { return; }
    var real = this.zoom.getSizes().realZoom;
    if ((r.bottom - r.top) * real < 28) { real = Math.min(1, 28 / Math.max(r.bottom - r.top, 1) * 1.5); }
    this._show((r.left + r.right) / 2, (r.top + r.bottom) / 2, Math.max(real, this.zoom.getSizes().realZoom));
  };

  MapPane.prototype.fitAll = function () { if (this.zoom) { this.zoom.resize(); this.zoom.fit(); this.zoom.center(); } };

  MapPane.prototype.fitFocus = function () {
    var els = [];
    for (var i = 0; i < this.focusIds.length; i++) {
      var n = this.node(this.focusIds[i]);
      if (n) { els.push(n); }
    }
    if (els.length) { this.fitElements(els, 1.2, 0.55); } else { this.fitAll(); }
  };

  MapPane.prototype.state = function () {
    return this.zoom ? {zoom: this.zoom.getZoom(), pan: this.zoom.getPan()} : null;
  };

  MapPane.prototype.restore = function (state) {
    if (this.zoom && state) { this.zoom.zoom(state.zoom); this.zoom.pan(state.pan); }
  };

  MapPane.prototype.destroy = function () { if (this.zoom) { this.zoom.destroy(); this.zoom = null; } };

  window.ArgmapMapPane = MapPane;
})();
