// The SUS statistics form: each table's rules are written under its heading with the number
// they must reach ("Totalt ska bli 12, som nya deltagare."); this script recounts the number and
// how far the table is from it ("Kvar att fördela: 3.") as the user types. The server states the
// same when it renders the page and checks every rule when the period is sent in, so the form
// works without the script.
(function () {
  var form = document.querySelector("form.statistik-form");
  if (!form) return;
  var regler = Array.prototype.slice.call(form.querySelectorAll("[data-regel]"));

  function tal(id) {
    var falt = document.getElementById(id);
    var varde = falt ? parseInt(falt.value, 10) : 0;
    return isNaN(varde) || varde < 0 ? 0 : varde;
  }

  function ider(text) {
    return (text || "").split(" ").filter(Boolean);
  }

  function status(regel, mal) {
    var falt = ider(regel.dataset.falt);
    if (regel.dataset.regel === "hogst") {
      var over = falt.filter(function (id) { return tal(id) > mal; }).length;
      if (!over) return ["Stämmer.", true];
      return [over === 1 ? "1 rad är för hög." : over + " rader är för höga.", false];
    }
    var summa = falt.reduce(function (s, id) { return s + tal(id); }, 0);
    if (summa === mal) return ["Stämmer.", true];
    if (summa < mal) return ["Kvar att fördela: " + (mal - summa) + ".", null];
    return [summa - mal + " för många.", false];
  }

  function rakna() {
    regler.forEach(function (regel) {
      var mal = parseInt(regel.dataset.konstant || "0", 10);
      ider(regel.dataset.mal).forEach(function (term) {
        mal += (term.charAt(0) === "-" ? -1 : 1) * tal(term.slice(1));
      });
      var svar = status(regel, mal);
      var malvarde = regel.querySelector("[data-malvarde]");
      var text = regel.querySelector("[data-status]");
      if (malvarde.textContent !== String(mal)) malvarde.textContent = mal;
      if (text.textContent !== svar[0]) text.textContent = svar[0];
      text.classList.toggle("text-success", svar[1] === true);
      text.classList.toggle("text-danger", svar[1] === false);
    });
  }

  form.addEventListener("input", rakna);
  rakna();
})();
