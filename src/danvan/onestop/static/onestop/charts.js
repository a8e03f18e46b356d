// Draws an agency's on-time rate over its periods from the JSON the page carries (no inline script: CSP).
document.addEventListener("DOMContentLoaded", function () {
  var source = document.getElementById("du-lieu-mot-cua");
  var canvas = document.getElementById("bieu-do-mot-cua");
  if (!source || !canvas || typeof Chart === "undefined") return;
  var data = JSON.parse(source.textContent);
  var english = document.documentElement.lang === "en";
  new Chart(canvas, {
    data: {
      labels: data.labels,
      datasets: [
        { type: "line", label: english ? "On-time rate (%)" : "Tỷ lệ đúng hạn (%)", data: data.rates, borderColor: "#198754", yAxisID: "y" },
        { type: "bar", label: english ? "Late dossiers" : "Hồ sơ quá hạn", data: data.late, backgroundColor: "#dc3545", yAxisID: "y1" }
      ]
    },
    options: {
      responsive: true,
      scales: {
        y: { min: 0, max: 100, position: "left" },
        y1: { min: 0, position: "right", ticks: { precision: 0 }, grid: { drawOnChartArea: false } }
      }
    }
  });
});
