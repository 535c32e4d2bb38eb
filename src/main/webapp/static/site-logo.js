// The admin's upload of the association's logo (through upload.js), then the site page again with
// the new logo. A refused file gets the API's message beside the field.
(function () {
  'use strict';
  var form = document.getElementById('logo');
  if (!form || !form.dataset.api) { return; }
  var d = form.dataset;
  var input = document.getElementById('logo:file');
  var button = document.getElementById('logo:upload');
  var show = window.Municipia.fieldError;

  function refused(problem) {
    var errors = (problem && problem.errors) || [];
    show(input, errors.length ? errors[0].message : (problem && problem.detail) || d.msgFailed);
    input.focus();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    show(input, '');
    var file = input.files[0];
    if (!file) { show(input, d.msgNone); input.focus(); return; }
    button.disabled = true;
    window.Municipia.upload(d.api, 'PUT', file).then(function (answer) {
      if (answer.status === 200) {
        window.location.assign(d.page + '?logo=saved');
        return;
      }
      button.disabled = false;
      refused(answer.body);
    }, function () {
      button.disabled = false;
      refused(null);
    });
  });
})();
