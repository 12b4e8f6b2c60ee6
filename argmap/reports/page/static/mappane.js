/* argmap map pane: the rendered diagram with pan and zoom (svg-pan-zoom), selection and focus.
   One implementation, used by the viewer and the review report. Nodes carry data-panel. */
(function () {
  "use strict";

  function rectOf(elements) {
    var r = null;
    for (var i = 0; i < elements.length; i++) {
      var b = elements[i].getBoundingClientRect();
      if (!b.width && !b.height) { continue; }
      r = r ? {left: Math.min(r.left, b.left), top: Math.min(r.top, b.top),
               right: Math.max(r.right, b.right), bottom: Math.max(r.bottom, b.bottom)}
            : {left: b.left, top: b.top, right: b.right, bottom: b.bottom};
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
    window.addEventListener("resize", function () { self.zoom.resize(); });
    this.focusIds = options.focus || [];
  };

  MapPane.prototype.node = function (panelId) { return this.byPanel[panelId] || null; };

  MapPane.prototype.select = function (panelId) {
    if (this.selected) { this.selected.classList.remove("selected"); }
    this.selected = this.node(panelId);
    if (this.selected) { this.selected.classList.add("selected"); }
    return this.selected;
  };

  /* Zoom and pan so that these elements fill the pane (with a margin), zooming in no further than maxScale. */
  MapPane.prototype.fitElements = function (elements, maxScale) {
    if (!this.zoom) { return; }
    var r = rectOf(elements);
    if (!r) { return; }
    var c = this.svg.getBoundingClientRect();
    var w = Math.max(r.right - r.left, 1), h = Math.max(r.bottom - r.top, 1);
    var factor = Math.min(c.width * 0.92 / w, c.height * 0.92 / h);
    factor = Math.min(factor, (maxScale || 1.5) / this.zoom.getSizes().realZoom);
    this.zoom.zoom(this.zoom.getZoom() * factor);
    this.centreOn(elements);
  };

  /* Pan (no zoom) so that the centre of these elements is the centre of the pane. */
  MapPane.prototype.centreOn = function (elements) {
    if (!this.zoom) { return; }
    var r = rectOf(elements);
    if (!r) { return; }
    var c = this.svg.getBoundingClientRect();
    this.zoom.panBy({x: (c.left + c.width / 2) - (r.left + r.right) / 2, y: (c.top + c.height / 2) - (r.top + r.bottom) / 2});
  };

  /* Centre a node; zoom in first when it is too small to read. */
  MapPane.prototype.centre = function (node) {
    if (!this.zoom || !node) { return; }
    var b = node.getBoundingClientRect(), sizes = this.zoom.getSizes();
    if (b.height < 28 && sizes.realZoom < 1) { this.zoom.zoom(this.zoom.getZoom() / sizes.realZoom); }
    this.centreOn([node]);
  };

  MapPane.prototype.fitAll = function () { if (this.zoom) { this.zoom.resize(); this.zoom.fit(); this.zoom.center(); } };

  MapPane.prototype.fitFocus = function () {
    var els = [];
    for (var i = 0; i < this.focusIds.length; i++) {
      var n = this.node(this.focusIds[i]);
      if (n) { els.push(n); }
    }
    if (els.length) { this.fitElements(els, 1.2); } else { this.fitAll(); }
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
