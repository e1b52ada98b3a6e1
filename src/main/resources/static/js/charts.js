// Draws the charts of a page (evaluation report and trend, survey results): each
// <canvas data-chart="{Chart.js config as JSON}"> becomes a chart (configs from web/Charts.java).
// The numbers are also in a table next to each chart, so the page reads without this script.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof Chart === 'undefined') {
    return;
  }
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    try {
      new Chart(canvas, JSON.parse(canvas.getAttribute('data-chart')));
    } catch (e) {
      canvas.setAttribute('hidden', 'hidden');
    }
  });
});
