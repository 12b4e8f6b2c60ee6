/* argmap serve: ask the server for changes (long polling) and update the page in place. */
(function () {
  "use strict";
  var live = JSON.parse(document.getElementById("argmap-data").textContent).live || {version: -1, page: -1};
  var version = live.version, page = live.page;
  var banner = document.getElementById("live-error");
  function show(error) {
    banner.textContent = error || "";
    banner.hidden = !error;
  }
  show(live.error);
  function poll() {
    fetch("/state?after=" + version + "&page=" + page, {cache: "no-store"})
      .then(function (r) { if (!r.ok) { throw new Error("HTTP " + r.status); } return r.json(); })
      .then(function (s) {
        if (s.parts && s.page !== page) { window.argmapViewer.update(s.parts); page = s.page; }
        version = s.version;
        show(s.error);
        setTimeout(poll, 50);
      })
      .catch(function () {
        show("argmap serve does not answer (stopped?). The page shows the last map it sent.");
        setTimeout(poll, 2000);
      });
  }
  poll();
})();
