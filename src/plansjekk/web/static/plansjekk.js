// plansjekk's web page: drag and drop, upload progress, and choosing a finding shows its
// quotes in the plan's text. Plain JavaScript; the page works without it (plain form post,
// and each quote link is an in-page anchor).
(function () {
  "use strict";

  function setupUpload() {
    var form = document.querySelector("form.opplasting");
    if (!form) return;
    var input = document.getElementById("fil");
    var zone = document.getElementById("slippsone");
    var list = document.getElementById("valgte");
    var status = document.getElementById("fremdrift");
    var bar = document.getElementById("fremdriftslinje");
    var text = document.getElementById("fremdriftstekst");
    var button = document.getElementById("send");

    function showChosen() {
      list.textContent = "";
      Array.prototype.forEach.call(input.files, function (file) {
        var item = document.createElement("li");
        item.textContent = file.name;
        list.appendChild(item);
      });
    }
    input.addEventListener("change", showChosen);
    ["dragenter", "dragover"].forEach(function (name) {
      zone.addEventListener(name, function (event) {
        event.preventDefault();
        zone.classList.add("over");
      });
    });
    ["dragleave", "drop"].forEach(function (name) {
      zone.addEventListener(name, function () { zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        showChosen();
      }
    });

    form.addEventListener("submit", function (event) {
      if (!window.FormData || !input.files.length) return;  // let the browser post the form
      event.preventDefault();
      var request = new XMLHttpRequest();
      var count = input.files.length;
      request.open("POST", form.action);
      bar.hidden = false;
      bar.value = 0;
      button.disabled = true;
      request.upload.addEventListener("progress", function (e) {
        if (!e.lengthComputable) return;
        var percent = Math.round(100 * e.loaded / e.total);
        bar.value = percent;
        text.textContent = status.dataset.uploading.replace("{percent}", percent);
      });
      request.upload.addEventListener("load", function () {
        bar.removeAttribute("value");  // indeterminate while the server checks
        text.textContent = status.dataset.checking.replace("{count}", count);
      });
      request.addEventListener("load", function () {
        var report = request.getResponseHeader("X-Rapport");
        if (request.status === 200 && report) {
          window.location.assign(report);
          return;
        }
        document.open();
        document.write(request.responseText);
        document.close();
      });
      request.addEventListener("error", function () { form.submit(); });
      request.send(new FormData(form));
    });
  }

  function select(anchorId, focus) {
    var anchor = document.getElementById(anchorId);
    if (!anchor) return;
    var code = anchorId.replace(/^sitat-/, "").replace(/-\d+$/, "");
    document.querySelectorAll("mark.valgt, .regelkort.valgt").forEach(function (el) { el.classList.remove("valgt"); });
    document.querySelectorAll("mark[data-funn]").forEach(function (mark) {
      if (mark.dataset.funn.split(" ").indexOf(code) >= 0) mark.classList.add("valgt");
    });
    var card = document.querySelector('.regelkort[data-code="' + code + '"]');
    if (card) card.classList.add("valgt");
    var target = anchor.parentElement.tagName === "MARK" ? anchor.parentElement : anchor;
    target.setAttribute("tabindex", "-1");
    target.scrollIntoView({ block: "center" });
    if (focus) target.focus({ preventScroll: true });
    if (window.history && history.replaceState) history.replaceState(null, "", "#" + anchorId);
  }

  function setupReport() {
    document.querySelectorAll("a.til-sitat").forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        select(link.getAttribute("href").slice(1), true);
      });
    });
    // Choosing a card (click anywhere on it that is not a link) shows its first quote.
    document.querySelectorAll(".regelkort").forEach(function (card) {
      var first = card.querySelector("a.til-sitat");
      if (!first) return;
      card.addEventListener("click", function (event) {
        if (event.target.closest("a")) return;
        select(first.getAttribute("href").slice(1), false);
      });
    });
    if (location.hash.indexOf("#sitat-") === 0) {  // a link to a quote: show its finding too
      var code = location.hash.slice(7).replace(/-\d+$/, "");
      var card = document.querySelector('.regelkort[data-code="' + code + '"]');
      select(location.hash.slice(1), false);
      if (card) card.scrollIntoView({ block: "start" });  // the text column is sticky: its mark stays
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupUpload();
    setupReport();
  });
})();
