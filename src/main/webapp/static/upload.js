// One way to send a file to the API from an admin's page (an article's files, a meeting's
// documents, the association's logo): the session logs the request in, X-Requested-By marks it as
// the app's own request (the API refuses cross-site writes without it), and problems come back in
// the page's language (Accept-Language) as application/problem+json, to be shown beside the field.
(function () {
  'use strict';
  var M = window.Municipia = window.Municipia || {};

  // Sends the file. Resolves with the status and the answer's JSON (null when it has none);
  // rejects only when the request could not be sent at all.
  M.upload = function (url, method, file, contentType) {
    return fetch(url, {
      method: method,
      credentials: 'same-origin',
      headers: {
        'Content-Type': contentType || 'application/octet-stream',
        'Accept': 'application/json, application/problem+json',
        'Accept-Language': document.documentElement.lang || 'cs',
        'X-Requested-By': 'municipia'
      },
      body: file
    }).then(function (r) {
      return r.json().then(
        function (body) { return { status: r.status, body: body }; },
        function () { return { status: r.status, body: null }; });
    });
  };

  // Shows a message beside its field (the element whose id is the field's and "-error"), or
  // clears it when there is none.
  M.fieldError = function (field, message) {
    document.getElementById(field.id + '-error').textContent = message || '';
    if (message) { field.setAttribute('aria-invalid', 'true'); }
    else { field.removeAttribute('aria-invalid'); }
  };
})();
