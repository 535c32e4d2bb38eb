// The admin's upload of a meeting's minutes or material: sends the PDF to the API (the session
// logs it in; X-Requested-By marks it as the app's own request), then shows the page again with
// the file listed. Problems go beside the file field.
(function () {
  'use strict';
  var form = document.getElementById('meeting-file');
  if (!form) { return; }
  var d = form.dataset;
  var input = document.getElementById('file');
  var error = document.getElementById('file-error');
  var button = document.getElementById('upload-button');

  function problem(message) {
    error.textContent = message || '';
    if (message) { input.setAttribute('aria-invalid', 'true'); input.focus(); }
    else { input.removeAttribute('aria-invalid'); }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = input.files[0];
    if (!file) { problem(d.msgNotPdf); return; }
    problem('');
    button.disabled = true;
    var query = '?kind=' + encodeURIComponent(document.getElementById('file-kind').value)
      + '&visibility=' + encodeURIComponent(document.getElementById('file-visibility').value)
      + '&name=' + encodeURIComponent(file.name);
    fetch(d.api + query, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/pdf', 'X-Requested-By': 'municipia' },
      body: file
    }).then(function (r) {
      if (r.status === 201) { window.location.assign(d.page); return; }
      button.disabled = false;
      problem(r.status === 413 ? d.msgTooLarge : r.status === 400 ? d.msgNotPdf : d.msgFailed);
    }, function () {
      button.disabled = false;
      problem(d.msgFailed);
    });
  });
})();
