// The editor's upload of an image or attachment: sends the file to the API (the session logs it
// in; X-Requested-By marks it as the app's own request) and shows the article again with the file
// listed. The API answers problems in the page's language (Accept-Language), and each goes beside
// its field: the file, or its description.
(function () {
  'use strict';
  var form = document.getElementById('files');
  if (!form || !form.dataset.api) { return; }
  var d = form.dataset;
  var input = document.getElementById('files:upload');
  var description = document.getElementById('files:uploadDescription');
  var button = document.getElementById('files:upload-button');

  function show(field, message) {
    var error = document.getElementById(field.id + '-error');
    error.textContent = message || '';
    if (message) { field.setAttribute('aria-invalid', 'true'); }
    else { field.removeAttribute('aria-invalid'); }
  }

  function refused(problem) {
    var errors = (problem && problem.errors) || [];
    var first = null;
    errors.forEach(function (e) {
      var field = e.field === 'description' || e.field === 'leadImageAlt' ? description : input;
      show(field, e.message);
      first = first || field;
    });
    if (!first) { show(input, problem.detail || d.msgFailed); first = input; }
    first.focus();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    show(input, '');
    show(description, '');
    var file = input.files[0];
    if (!file) { show(input, d.msgNone); input.focus(); return; }
    var use = form.querySelector('input[name=uploadUse]:checked');
    var query = '?use=' + encodeURIComponent(use ? use.value : 'IMAGE')
      + '&name=' + encodeURIComponent(file.name)
      + '&description=' + encodeURIComponent(description.value);
    button.disabled = true;
    fetch(d.api + query, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        'Content-Type': 'application/octet-stream',
        'Accept': 'application/json, application/problem+json',
        'Accept-Language': document.documentElement.lang || 'cs',
        'X-Requested-By': 'municipia'
      },
      body: file
    }).then(function (r) {
      if (r.status === 201) {
        window.location.assign(d.page + '&stored=' + encodeURIComponent(file.name));
        return;
      }
      button.disabled = false;
      if (r.status === 400 || r.status === 413) {
        var fallback = { detail: r.status === 413 ? d.msgTooLarge : d.msgFailed };
        return r.json().then(refused, function () { refused(fallback); });
      }
      show(input, d.msgFailed);
      input.focus();
    }, function () {
      button.disabled = false;
      show(input, d.msgFailed);
      input.focus();
    });
  });
})();
