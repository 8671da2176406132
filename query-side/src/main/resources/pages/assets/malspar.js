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
