// The progress of a newsletter send on the editor's issue page: every few seconds the counts are
// read from the API (with the page's own session) and written into the list, whose region is
// polite, so a screen reader hears the change without being interrupted. Stops once nothing waits.
(function () {
  "use strict";
  var section = document.getElementById("send-progress");
  if (!section || !window.fetch) {
    return;
  }
  var url = section.getAttribute("data-url");
  var fields = ["recipients", "queued", "sent", "failed", "bounced"];
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (progress) {
        if (!progress) {
          return;
        }
        fields.forEach(function (name) {
          var cell = document.getElementById("progress-" + name);
          if (cell && cell.textContent !== String(progress[name])) {
            cell.textContent = String(progress[name]);
          }
        });
        if (progress.queued > 0) {
          window.setTimeout(poll, 3000);
        }
      })
      .catch(function () {
        window.setTimeout(poll, 10000);
      });
  }
  window.setTimeout(poll, 2000);
})();
