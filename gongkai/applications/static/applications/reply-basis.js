// Progressive enhancement of the reply form: choosing an outcome fills the
// legal basis with its article (条例 as in the glossary) unless the officer
// has written one of their own. Without JavaScript the server does the same
// for a blank basis.
document.querySelectorAll("select[data-articles]").forEach(function (select) {
  var articles = JSON.parse(select.dataset.articles);
  var basis = select.form.querySelector("textarea[data-basis]");
  if (!basis) return;
  var filled = basis.value;
  select.addEventListener("change", function () {
    if (basis.value === "" || basis.value === filled) {
      filled = articles[select.value] || "";
      basis.value = filled;
    }
  });
});
