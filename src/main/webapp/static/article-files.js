// The editor's upload of an image or attachment (through upload.js), then the article again with
// the file listed. Each problem the API names goes beside its field: the file, or its description.
(function () {
  'use strict';
  var form = document.getElementById('files');
  if (!form || !form.dataset.api) { return; }
  var d = form.dataset;
  var input = document.getElementById('files:upload');
  var description = document.getElementById('files:uploadDescription');
  var button = document.getElementById('files:upload-button');
  var show = window.Municipia.fieldError;

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

  function failed() {
    button.disabled = false;
    show(input, d.msgFailed);
    input.focus();
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
    window.Municipia.upload(d.api + query, 'POST', file).then(function (answer) {
      if (answer.status === 201) {
        window.location.assign(d.page + '&stored=' + encodeURIComponent(file.name));
        return;
      }
      if (answer.status !== 400 && answer.status !== 413) { failed(); return; }
      button.disabled = false;
      refused(answer.body || { detail: answer.status === 413 ? d.msgTooLarge : d.msgFailed });
    }, failed);
  });
})();
