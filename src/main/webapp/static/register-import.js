// The platform admin's register import: sends the table, then polls the import job and moves
// the progress bar until the report is there. Errors go beside the field they concern.
(function () {
  'use strict';
  var form = document.getElementById('register-import');
  if (!form) { return; }
  var d = form.dataset;
  var bar = document.getElementById('progress');
  var text = document.getElementById('progress-text');
  var section = document.getElementById('progress-section');
  var report = document.getElementById('report');
  var button = document.getElementById('import-button');
  var TERMS = ['nameCs', 'nameEn', 'regionCs', 'regionEn', 'districtCs', 'districtEn', 'authorityCs', 'authorityEn'];
  var FIELDS = ['year', 'country'].concat(TERMS);
  var number = new Intl.NumberFormat(document.documentElement.lang || 'cs');

  function fieldError(field, message) {
    var input = document.getElementById(field);
    var error = document.getElementById(field + '-error');
    error.textContent = message || '';
    if (message) { input.setAttribute('aria-invalid', 'true'); input.focus(); }
    else { input.removeAttribute('aria-invalid'); }
  }

  function show(state, done, total) {
    section.hidden = false;
    bar.max = Math.max(total, 1);
    bar.value = done;
    text.textContent = state + ' ' + number.format(done) + ' / ' + number.format(total);
  }

  function poll(url) {
    fetch(url, { headers: { 'Accept': 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        if (job.state === 'RUNNING') {
          show(d.msgRunning, job.done, job.total);
          setTimeout(function () { poll(url); }, 250);
        } else if (job.state === 'DONE') {
          show(d.msgDone, job.total, job.total);
          report.querySelectorAll('[data-field]').forEach(function (cell) {
            cell.textContent = number.format(job.report[cell.dataset.field]);
          });
          report.hidden = false;
          button.disabled = false;
        } else {
          text.textContent = d.msgFailed + ' ' + (job.error || '');
          button.disabled = false;
        }
      });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = document.getElementById('file').files[0];
    var year = document.getElementById('year').value;
    fieldError('file', file ? '' : d.msgNofile);
    fieldError('year', year ? '' : d.msgNoyear);
    if (!file || !year) { return; }
    button.disabled = true;
    report.hidden = true;
    section.hidden = false;
    bar.removeAttribute('value');
    text.textContent = d.msgReading;
    var query = '?async=true&year=' + encodeURIComponent(year);
    // The country, and its terms where given (required for a country the platform does not know).
    ['country'].concat(TERMS).forEach(function (field) {
      var value = document.getElementById(field).value.trim();
      fieldError(field, '');
      if (value) { query += '&' + field + '=' + encodeURIComponent(value); }
    });
    fetch(d.api + query, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'text/csv', 'X-Requested-By': 'municipia', 'X-File-Name': encodeURIComponent(file.name) },
      body: file
    }).then(function (r) {
      return r.json().then(function (body) { return { status: r.status, body: body, location: r.headers.get('Location') }; });
    }).then(function (answer) {
      if (answer.status === 202) {
        show(d.msgRunning, 0, answer.body.total);
        poll(d.api + '/jobs/' + answer.body.id);
        return;
      }
      button.disabled = false;
      section.hidden = true;
      var errors = (answer.body.errors && answer.body.errors.length) ? answer.body.errors
        : [{ field: 'file', message: answer.body.detail }];
      errors.slice().reverse().forEach(function (error) {
        var field = FIELDS.indexOf(error.field) >= 0 ? error.field : 'file';
        fieldError(field, error.message);
      });
    });
  });
})();
