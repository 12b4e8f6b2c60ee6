/* argmap map pane: the rendered diagram with pan and zoom (svg-pan-zoom), selection and focus.
   One implementation, used by the viewer and the review report. Nodes carry data-panel. */
(function () {
  "use strict";

  /* The bounding box of elements in the coordinates of the pan-zoom viewport group, which do
     not change with pan and zoom (svg-pan-zoom applies its transform on the next frame, so
     screen rectangles read right after a zoom would be stale). */
  function localRect(viewport, elements) {
    var r = null, base = viewport.getCTM();
    if (!base) { return null; }
    var inv = base.inverse();
    for (var i = 0; i < elements.length; i++) {
      var el = elements[i], box, m;
      try { box = el.getBBox(); m = el.getCTM(); } catch (e) { continue; }
      if (!m || (!box.width && !box.height)) { continue; }
      m = inv.multiply(m);
      var xs = [], ys = [];
      [[box.x, box.y], [box.x + box.width, box.y], [box.x, box.y + box.height], [box.x + box.width, box.y + box.height]].forEach(function (p) {
        xs.push(m.a * p[0] + m.c * p[1] + m.e); ys.push(m.b * p[0] + m.d * p[1] + m.f);
      });
      var b = {left: Math.min.apply(null, xs), top: Math.min.apply(null, ys), right: Math.max.apply(null, xs), bottom: Math.max.apply(null, ys)};
      r = r ? {left: Math.min(r.left, b.left), top: Math.min(r.top, b.top), right: Math.max(r.right, b.right), bottom: Math.max(r.bottom, b.bottom)} : b;
    }
    return r;
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
    this.zoom = window.svgPanZoom(this.svg, {
      viewportSelector: ".svg-pan-zoom_viewport", panEnabled: true, zoomEnabled: true,
      controlIconsEnabled: false, dblClickZoomEnabled: false, mouseWheelZoomEnabled: true,
      preventMouseEventsDefault: true, zoomScaleSensitivity: 0.25, minZoom: 0.01, maxZoom: 60,
      fit: true, center: true
    });
    this._wire(options);
  }

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

  MapPane.prototype._viewport = function () { return this.svg.querySelector(".svg-pan-zoom_viewport"); };

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
    var r = localRect(this._viewport(), elements);
    if (!r) { return; }
    var sizes = this.zoom.getSizes();
    var w = Math.max(r.right - r.left, 1), h = Math.max(r.bottom - r.top, 1);
    var real = Math.min(sizes.width * 0.92 / w, sizes.height * 0.92 / h, maxScale || 1.5);
    if (minScale && real < minScale) {
      real = minScale;
      r = localRect(this._viewport(), [elements[0]]) || r;
    }
    this._show((r.left + r.right) / 2, (r.top + r.bottom) / 2, real);
  };

  /* Pan (no zoom) so that the centre of these elements is the centre of the pane. */
  MapPane.prototype.centreOn = function (elements) {
    if (!this.zoom) { return; }
    var r = localRect(this._viewport(), elements);
    if (r) { this._show((r.left + r.right) / 2, (r.top + r.bottom) / 2, this.zoom.getSizes().realZoom); }
  };

  /* Centre a node; zoom in first when it is too small to read. */
  MapPane.prototype.centre = function (node) {
    if (!this.zoom || !node) { return; }
    var r = localRect(this._viewport(), [node]);
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
