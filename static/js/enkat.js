// Routing in the questionnaire: a question marked data-visas-om is shown only while the
// question it depends on has the given answer (the exit form: 9–10 only after "Ja" on 8).
// The server applies the same rule, so answers to skipped questions are never stored.
(function () {
  var beroende = document.querySelectorAll("fieldset[data-visas-om]");
  if (!beroende.length) return;
  function uppdatera() {
    Array.prototype.forEach.call(beroende, function (fs) {
      var valt = document.querySelector("input[name=" + fs.dataset.visasOm + "]:checked");
      fs.hidden = !(valt && valt.value === fs.dataset.visasOmSvar);
    });
  }
  document.addEventListener("change", uppdatera);
  uppdatera();
})();
