// Yesterday's nonconforming endpoints per hour: Chart.js over the canvas's data attributes (no inline script: CSP).
(function () {
  'use strict';
  const canvas = document.getElementById('nonconforming-hours');
  if (!canvas || !window.Chart) {
    return;
  }
  const labels = canvas.dataset.labels ? canvas.dataset.labels.split(',') : [];
  const counts = canvas.dataset.counts ? canvas.dataset.counts.split(',').map(Number) : [];
  new Chart(canvas, {
    type: 'bar',
    data: {labels: labels, datasets: [{label: canvas.dataset.series, data: counts, backgroundColor: '#d35400'}]},
    options: {
      animation: false,
      plugins: {legend: {display: false}},
      scales: {y: {beginAtZero: true, ticks: {precision: 0}}, x: {ticks: {maxTicksLimit: 12}}}
    }
  });
})();
