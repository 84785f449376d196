// Paper transcription by keyboard alone: in a form marked data-transkribering, digits 1–6
// choose the answer of the question in focus and move on; 0 or space leaves it unanswered;
// Enter on the last question saves. Free-text questions take ordinary typing.
(function () {
  var form = document.querySelector("form[data-transkribering]");
  if (!form) return;
  var fragor = Array.prototype.slice.call(form.querySelectorAll("fieldset.fraga"));
  function fokusera(i) {
    if (i >= fragor.length) {
      document.getElementById("spara").focus();
      return;
    }
    var el = fragor[i].querySelector("input:checked, input[type=radio], textarea, input[type=text]");
    if (el) el.focus();
  }
  form.addEventListener("keydown", function (event) {
    var fieldset = event.target.closest("fieldset.fraga");
    if (!fieldset || event.target.tagName === "TEXTAREA") return;
    var i = fragor.indexOf(fieldset);
    var radios = fieldset.querySelectorAll("input[type=radio]");
    if (/^[1-6]$/.test(event.key) && radios.length >= Number(event.key)) {
      event.preventDefault();
      radios[Number(event.key) - 1].checked = true;
      fokusera(i + 1);
    } else if (event.key === "0" || event.key === " ") {
      event.preventDefault();
      Array.prototype.forEach.call(radios, function (r) { r.checked = false; });
      fokusera(i + 1);
    }
  });
  // A self-rating starts with the participant code: Enter there goes to the first question.
  var kod = form.querySelector("#id_deltagarkod");
  if (kod) {
    kod.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        fokusera(0);
      }
    });
  }
  if (kod && !kod.value) kod.focus();
  else fokusera(0);
})();
