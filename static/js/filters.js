// Filter forms: a box that narrows a long list of checkboxes as one types, and requests (and the URLs they
// push) that carry only the filters in use. Without this script the forms still work: the list scrolls and
// the server drops empty parameters by redirecting.
(function () {
  "use strict";

  function folded(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function counted(list) {
    var chosen = list.querySelectorAll("input[type=checkbox]:checked").length;
    var note = list.querySelector(".choice-count");
    if (note) note.textContent = chosen ? chosen + " chosen" : "";
  }

  function enhance(root) {
    root.querySelectorAll("[data-choice-filter]").forEach(function (list) {
      if (list.dataset.enhanced) return;
      list.dataset.enhanced = "1";
      var box = list.querySelector(".choice-filter");
      var items = Array.prototype.slice.call(list.querySelectorAll("li"));
      var labels = items.map(function (item) { return folded(item.textContent); });
      box.hidden = false;
      box.addEventListener("input", function () {
        var wanted = folded(box.value);
        items.forEach(function (item, i) {
          var checked = item.querySelector("input").checked;
          item.hidden = wanted !== "" && !checked && labels[i].indexOf(wanted) === -1;
        });
      });
      // The box is not a filter: typing in it neither submits nor re-filters the form.
      box.addEventListener("change", function (event) { event.stopPropagation(); });
      box.addEventListener("keydown", function (event) { if (event.key === "Enter") event.preventDefault(); });
      list.addEventListener("change", function () { counted(list); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
  document.addEventListener("htmx:load", function (event) { enhance(event.target); });

  // Only the parameters in use travel, so the pushed URL is as short as the filters chosen.
  document.addEventListener("htmx:configRequest", function (event) {
    var data = event.detail.formData;
    if (event.detail.verb !== "get" || !data || !event.detail.elt.closest("form[data-drop-empty]")) return;
    Array.from(new Set(data.keys())).forEach(function (key) {
      var kept = data.getAll(key).filter(function (value) { return value !== ""; });
      data.delete(key);
      kept.forEach(function (value) { data.append(key, value); });
    });
  });
})();
