// Log maintenance: the storage each kind of data uses, as a Chart.js bar chart over the canvas's data attributes
// (no inline script: CSP). Labels are separated by "|", sizes are bytes.
(function () {
  'use strict';
  const canvas = document.getElementById('storage-chart');
  if (!canvas || !window.Chart) {
    return;
  }
  const labels = canvas.dataset.labels ? canvas.dataset.labels.split('|') : [];
  const bytes = canvas.dataset.bytes ? canvas.dataset.bytes.split(',').map(Number) : [];
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  function human(value) {
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return (unit === 0 ? value : value.toFixed(1)) + ' ' + units[unit];
  }
  new Chart(canvas, {
    type: 'bar',
    data: {labels: labels, datasets: [{label: canvas.dataset.series, data: bytes, backgroundColor: '#1c3a5e'}]},
    options: {
      indexAxis: 'y',
      animation: false,
      plugins: {
        legend: {display: false},
        tooltip: {callbacks: {label: function (item) { return human(item.parsed.x); }}}
      },
      scales: {x: {beginAtZero: true, ticks: {callback: function (value) { return human(value); }}}}
    }
  });
})();
