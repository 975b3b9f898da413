// Bar charts drawn by Chart.js from their canvas's data attributes (no inline script: CSP): every
// <canvas data-bar-chart data-labels="a,b" data-counts="1,2" data-series="…" data-color="#c0392b" data-max-ticks="10">.
(function () {
  'use strict';
  if (!window.Chart) {
    return;
  }
  document.querySelectorAll('canvas[data-bar-chart]').forEach(function (canvas) {
    const labels = canvas.dataset.labels ? canvas.dataset.labels.split(',') : [];
    const counts = canvas.dataset.counts ? canvas.dataset.counts.split(',').map(Number) : [];
    new Chart(canvas, {
      type: 'bar',
      data: {labels: labels, datasets: [{label: canvas.dataset.series, data: counts,
        backgroundColor: canvas.dataset.color || '#c0392b'}]},
      options: {
        animation: false,
        plugins: {legend: {display: false}},
        scales: {y: {beginAtZero: true, ticks: {precision: 0}},
          x: {ticks: {maxTicksLimit: Number(canvas.dataset.maxTicks) || 10}}}
      }
    });
  });
})();
