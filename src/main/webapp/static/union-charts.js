// The union's dashboard: each chart draws one figure of the table beside it, a line per
// association (and the total) over the years. The tables are the content; without this script,
// or without Chart.js, the page is the tables alone and the charts stay hidden.
(function () {
  'use strict';

  function draw(canvas) {
    var table = document.getElementById(canvas.dataset.table);
    var figure = canvas.dataset.figure;
    if (!table || !figure || typeof Chart === 'undefined') {
      return;
    }
    var header = Array.prototype.slice.call(table.querySelectorAll('thead th'));
    var column = header.findIndex(function (th) { return th.dataset.figure === figure; });
    if (column < 0) {
      return;
    }
    var years = [];
    var series = {};
    var order = [];
    table.querySelectorAll('tbody tr').forEach(function (tr) {
      var year = tr.dataset.year;
      var name = tr.querySelector('th').textContent.trim();
      var cell = tr.children[column];
      var value = cell && cell.dataset.value !== '' ? Number(cell.dataset.value) : null;
      if (years.indexOf(year) < 0) {
        years.push(year);
      }
      if (!series[name]) {
        series[name] = {};
        order.push(name);
      }
      series[name][year] = value;
    });
    years.sort();
    new Chart(canvas, {
      type: years.length > 1 ? 'line' : 'bar',
      data: {
        labels: years,
        datasets: order.map(function (name) {
          return { label: name, data: years.map(function (y) { return series[name][y]; }) };
        })
      },
      options: { animation: false, responsive: true, plugins: { legend: { position: 'bottom' } } }
    });
    canvas.closest('figure').hidden = false;
  }

  function start() {
    document.querySelectorAll('canvas[data-table]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
