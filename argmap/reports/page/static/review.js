/* The review report: a node, a finding or an id opens its element's panel; the map pane selects and centres it. */
(function () {
  "use strict";
  var current = null;
  var container = document.getElementById("map");
  var pane = null;
  function show(panelId, fromMap) {
    var panel = document.getElementById(panelId);
    if (!panel || !panel.classList.contains("element")) { return; }
    if (current) { current.classList.remove("active"); }
    panel.classList.add("active");
    current = panel;
    document.getElementById("panel-hint").hidden = true;
    var node = pane ? pane.select(panelId) : null;
    if (!fromMap) {
      document.querySelector(".layout").scrollIntoView({block: "start"});
      if (node) { pane.centre(node); }
    }
    document.getElementById("panel").scrollTop = 0;
    if (window.history && history.replaceState) { history.replaceState(null, "", "#" + panelId); }
  }
  if (container && container.querySelector("svg")) {
    pane = new window.ArgmapMapPane(container, {onSelect: function (id) { show(id, true); }});
  }
  document.addEventListener("click", function (ev) {
    var target = ev.target.closest ? ev.target.closest("[data-panel]") : null;
    if (!target || target.closest("#map")) { return; }
    ev.preventDefault();
    show(target.getAttribute("data-panel"), false);
  });
  if (location.hash.length > 1) { show(decodeURIComponent(location.hash.slice(1)), false); }
})();
