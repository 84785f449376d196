// The respondent's form.
// Routing: a question marked data-visas-om is shown only while the question it depends on has
// the given answer (the exit form: 9–10 only after "Ja" on 8). The server applies the same
// rule, so answers to skipped questions are never stored.
// One question at a time: a progressive enhancement. Without JavaScript every question is on
// the page; with it the respondent may switch to one question at a time, with buttons to go
// back and forth, the question number announced, and the focus on the new question.
(function () {
  var form = document.querySelector("form.enkat");
  if (!form) return;
  var alla = Array.prototype.slice.call(form.querySelectorAll("fieldset.fraga"));
  var beroende = form.querySelectorAll("fieldset[data-visas-om]");
  var lage = document.querySelector("[data-enkat-lage]");
  var nav = document.querySelector("[data-enkat-nav]");
  var status = document.querySelector("[data-enkat-status]");
  var enITaget = false;
  var aktuell = 0;

  function synliga() {
    return alla.filter(function (fs) { return !fs.hidden; });
  }

  function routa() {
    Array.prototype.forEach.call(beroende, function (fs) {
      var valt = form.querySelector("input[name=" + fs.dataset.visasOm + "]:checked");
      fs.hidden = !(valt && valt.value === fs.dataset.visasOmSvar);
    });
  }

  // The progress says the question's own number, out of the highest number the respondent
  // can reach ("Fråga 8 av 13" shows question "8."); a question without a number (kön on the
  // participant forms) is named by its heading.
  function framsteg(fs, lista) {
    if (!fs) return "";
    var nummer = fs.dataset.nummer;
    if (!nummer) {
      var legend = fs.querySelector("legend");
      return legend ? legend.textContent.trim().replace(/:$/, "") : "";
    }
    var sista = lista.reduce(function (max, f) {
      return f.dataset.nummer ? Math.max(max, Number(f.dataset.nummer)) : max;
    }, 0);
    return "Fråga " + nummer + " av " + sista;
  }

  function visa(fokus) {
    var lista = synliga();
    if (aktuell >= lista.length) aktuell = lista.length - 1;
    if (aktuell < 0) aktuell = 0;
    alla.forEach(function (fs) {
      fs.classList.toggle("d-none", enITaget && fs !== lista[aktuell]);
    });
    if (!nav) return;
    nav.hidden = !enITaget;
    if (!enITaget) return;
    nav.querySelector("[data-enkat-forra]").disabled = aktuell === 0;
    nav.querySelector("[data-enkat-nasta]").disabled = aktuell >= lista.length - 1;
    status.textContent = framsteg(lista[aktuell], lista);
    if (fokus && lista[aktuell]) {
      var el = lista[aktuell].querySelector("input:checked, input, textarea");
      if (el) el.focus();
    }
  }

  form.addEventListener("change", function () {
    var lista = synliga();
    var nu = lista[aktuell];
    routa();
    if (enITaget && nu) aktuell = Math.max(0, synliga().indexOf(nu));
    visa(false);
  });

  if (lage && nav) {
    lage.hidden = false;
    var knapp = lage.querySelector("button");
    knapp.addEventListener("click", function () {
      enITaget = !enITaget;
      knapp.setAttribute("aria-pressed", enITaget ? "true" : "false");
      knapp.textContent = enITaget ? "Visa alla frågor på en gång" : "Visa en fråga i taget";
      aktuell = 0;
      visa(enITaget);
    });
    nav.querySelector("[data-enkat-forra]").addEventListener("click", function () {
      aktuell -= 1;
      visa(true);
    });
    nav.querySelector("[data-enkat-nasta]").addEventListener("click", function () {
      aktuell += 1;
      visa(true);
    });
  }
  routa();
  visa(false);
})();
