// Draws a survey's result charts from the JSON the page carries (no inline script: CSP).
document.addEventListener("DOMContentLoaded", function () {
  var source = document.getElementById("du-lieu-khao-sat");
  if (!source || typeof Chart === "undefined") return;
  var data = JSON.parse(source.textContent);
  var english = document.documentElement.lang === "en";
  var answers = english ? "Answers" : "Lượt trả lời";
  var rate = english ? "Satisfied (%)" : "Tỷ lệ hài lòng (%)";
  var percent = { y: { min: 0, max: 100, ticks: { callback: function (v) { return v + "%"; } } } };

  data.questions.forEach(function (question) {
    var canvas = document.getElementById("bieu-do-cau-" + question.id);
    if (!canvas) return;
    new Chart(canvas, {
      type: "bar",
      data: { labels: question.labels, datasets: [{ label: answers, data: question.counts, backgroundColor: "#0d6efd" }] },
      options: { indexAxis: "y", responsive: true, plugins: { legend: { display: false } }, scales: { x: { ticks: { precision: 0 } } } }
    });
  });
  var units = document.getElementById("bieu-do-don-vi-khao-sat");
  if (units) {
    new Chart(units, {
      type: "bar",
      data: { labels: data.units.labels, datasets: [{ label: rate, data: data.units.rates, backgroundColor: "#198754" }] },
      options: { responsive: true, scales: percent }
    });
  }
  var months = document.getElementById("bieu-do-theo-thang");
  if (months) {
    new Chart(months, {
      type: "line",
      data: { labels: data.months.labels, datasets: [{ label: rate, data: data.months.rates, borderColor: "#a4161a", backgroundColor: "#a4161a", tension: 0.2 }] },
      options: { responsive: true, scales: percent }
    });
  }
});
