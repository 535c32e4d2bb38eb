// The admin's upload of the association's logo: sends the file to the API (the session logs it in;
// X-Requested-By marks it as the app's own request) and shows the site page again with the new
// logo. The API answers problems in the page's language (Accept-Language), shown beside the field.
(function () {
  'use strict';
  var form = document.getElementById('logo');
  if (!form || !form.dataset.api) { return; }
  var d = form.dataset;
  var input = document.getElementById('logo:file');
  var button = document.getElementById('logo:upload');

  function show(message) {
    document.getElementById('logo:file-error').textContent = message || '';
    if (message) { input.setAttribute('aria-invalid', 'true'); }
    else { input.removeAttribute('aria-invalid'); }
  }

  function refused(problem) {
    var errors = (problem && problem.errors) || [];
    show(errors.length ? errors[0].message : (problem && problem.detail) || d.msgFailed);
    input.focus();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    show('');
    var file = input.files[0];
    if (!file) { show(d.msgNone); input.focus(); return; }
    button.disabled = true;
    fetch(d.api, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/octet-stream',
        'Accept': 'application/json, application/problem+json',
        'Accept-Language': document.documentElement.lang || 'cs',
        'X-Requested-By': 'municipia'
      },
      body: file
    }).then(function (r) {
      if (r.status === 200) {
        window.location.assign(d.page + '?logo=saved');
        return;
      }
      button.disabled = false;
      return r.json().then(refused, function () { refused(null); });
    }, function () {
      button.disabled = false;
      refused(null);
    });
  });
})();
