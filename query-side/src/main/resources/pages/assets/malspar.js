// The date slider of the programme page: shows (and announces) the date a step stands for while it
// moves. The form is submitted by its button, so nothing changes before the person asks for it.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('input[data-dates]').forEach(function (slider) {
    var dates = slider.getAttribute('data-dates').split(',');
    var output = document.getElementById(slider.getAttribute('aria-describedby'));
    var show = function () {
      var date = dates[Number(slider.value)];
      slider.setAttribute('aria-valuetext', date);
      if (output) { output.textContent = date; }
    };
    slider.addEventListener('input', show);
    show();
  });
});

// A running check of the event store: its page reloads its own progress region every second
// (announced politely); without JavaScript the "Uppdatera" link does the same.
document.addEventListener('DOMContentLoaded', function () {
  var region = document.getElementById('framsteg');
  if (!region || region.getAttribute('data-running') !== 'true') { return; }
  var poll = function () {
    fetch(window.location.href, { credentials: 'same-origin' })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('framsteg');
        if (!fresh) { return; }
        region.innerHTML = fresh.innerHTML;
        if (fresh.getAttribute('data-running') === 'true') { setTimeout(poll, 1000); }
        else { region.setAttribute('data-running', 'false'); }
      });
  };
  setTimeout(poll, 1000);
});
