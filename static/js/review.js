// The review queue's keys: j or n next, k previous, c confirm, r reject, Enter open to correct.
(function () {
  "use strict";
  function items() { return Array.from(document.querySelectorAll("#review-queue .queue-item")); }
  function current() { return document.querySelector("#review-queue .queue-item.current"); }
  function select(item) {
    if (!item) return;
    items().forEach(function (other) { other.classList.remove("current"); other.removeAttribute("aria-current"); });
    item.classList.add("current");
    item.setAttribute("aria-current", "true");
    item.focus();
  }
  function move(step) {
    var all = items(), at = all.indexOf(current());
    select(all[Math.min(all.length - 1, Math.max(0, at + step))]);
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var item = current();
    if (!item) return;
    if (event.key === "j" || event.key === "n") { move(1); event.preventDefault(); }
    else if (event.key === "k") { move(-1); event.preventDefault(); }
    else if (event.key === "c" || event.key === "r") {
      var form = item.querySelector('form[data-key="' + event.key + '"]');
      if (form) { form.requestSubmit(); event.preventDefault(); }
    } else if (event.key === "Enter" && target === item) {
      var link = item.querySelector("a.correct");
      if (link) { window.location.href = link.href; event.preventDefault(); }
    }
  });
  document.addEventListener("click", function (event) {
    var item = event.target.closest && event.target.closest("#review-queue .queue-item");
    if (item && !event.target.closest("a, button")) select(item);
  });
  document.addEventListener("DOMContentLoaded", function () { select(current()); });
})();
