// The account page's 30-day incident trend: Chart.js over the canvas's data attributes (no inline script: CSP).
(function () {
  'use strict';
  const canvas = document.getElementById('incident-trend');
  if (!canvas || !window.Chart) {
    return;
  }
  const labels = canvas.dataset.labels ? canvas.dataset.labels.split(',') : [];
  const counts = canvas.dataset.counts ? canvas.dataset.counts.split(',').map(Number) : [];
  new Chart(canvas, {
    type: 'bar',
    data: {labels: labels, datasets: [{label: canvas.dataset.series, data: counts, backgroundColor: '#c0392b'}]},
    options: {
      animation: false,
      plugins: {legend: {display: false}},
      scales: {y: {beginAtZero: true, ticks: {precision: 0}}, x: {ticks: {maxTicksLimit: 10}}}
    }
  });
})();
