// Times come from the hub in UTC (ISO 8601); people read them in their browser's time zone.
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
  document.addEventListener("DOMContentLoaded", function () { localTimes(document); });
  document.addEventListener("htmx:afterSwap", function (event) { localTimes(event.target); });
})();
