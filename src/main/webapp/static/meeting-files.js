// The admin's upload of a meeting's minutes or material (a PDF, through upload.js), then the page
// again with the file listed. Problems go beside the file field.
(function () {
  'use strict';
  var form = document.getElementById('meeting-file');
  if (!form) { return; }
  var d = form.dataset;
  var input = document.getElementById('file');
  var button = document.getElementById('upload-button');

  function problem(message) {
    window.Municipia.fieldError(input, message);
    if (message) { input.focus(); }
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
    window.Municipia.upload(d.api + query, 'POST', file, 'application/pdf').then(function (answer) {
      if (answer.status === 201) { window.location.assign(d.page); return; }
      button.disabled = false;
      problem(answer.status === 413 ? d.msgTooLarge : answer.status === 400 ? d.msgNotPdf : d.msgFailed);
    }, function () {
      button.disabled = false;
      problem(d.msgFailed);
    });
  });
})();
