// The console's only script (the Content-Security-Policy allows no inline code). Times come from the hub in UTC
// (ISO 8601); people read them in their browser's time zone.
(function () {
  const format = new Intl.DateTimeFormat(undefined, {dateStyle: "medium", timeStyle: "short"});
  function localTimes(root) {
    root.querySelectorAll("time[datetime]").forEach(function (time) {
      const when = new Date(time.getAttribute("datetime"));
      if (!isNaN(when)) {
        time.textContent = format.format(when);
      }
    });
  }
  // the message page's switch between segments as sent and segments with their field positions
  function positionsSwitch() {
    const toggle = document.getElementById("show-positions");
    if (toggle) {
      toggle.addEventListener("change", function () {
        document.querySelectorAll(".hl7").forEach(function (m) { m.classList.toggle("positions", toggle.checked); });
      });
    }
  }
  document.addEventListener("DOMContentLoaded", function () { localTimes(document); positionsSwitch(); });
  document.addEventListener("htmx:afterSwap", function (event) { localTimes(event.target); });
})();
