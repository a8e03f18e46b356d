// Draws the dashboard's bar chart from the JSON the page carries (no inline script: CSP).
document.addEventListener("DOMContentLoaded", function () {
  var source = document.getElementById("du-lieu-bieu-do");
  var canvas = document.getElementById("bieu-do-don-vi");
  if (!source || !canvas || typeof Chart === "undefined") return;
  var data = JSON.parse(source.textContent);
  var lang = document.documentElement.lang;
  var names = lang === "en" ? ["Done", "Open", "Overdue"] : ["Hoàn thành", "Đang thực hiện", "Quá hạn"];
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: names[0], data: data.done, backgroundColor: "#198754" },
        { label: names[1], data: data.open, backgroundColor: "#0d6efd" },
        { label: names[2], data: data.overdue, backgroundColor: "#dc3545" }
      ]
    },
    options: { indexAxis: "y", responsive: true, scales: { x: { stacked: true, ticks: { precision: 0 } }, y: { stacked: true } } }
  });
});
