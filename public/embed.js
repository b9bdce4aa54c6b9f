/*! Deportation errors timeline: embed helper. MIT License. No dependencies.
 *
 * Resizes the timeline's <iframe> to fit its content. Include once on the host page:
 *   <script src="https://YOUR-HOST/PATH/embed.js" defer></script>
 *
 * It listens for the height messages the timeline posts (pym.js, Datawrapper, AMP and Embedly
 * formats), resizes only the iframe whose window sent the message, accepts only a finite height
 * in a sane range, and ignores everything else.
 */
(function () {
  'use strict';
  if (window.__deportationTimelineEmbed) return;
  window.__deportationTimelineEmbed = true;
  var MIN = 150;
  var MAX = 20000;

  function heightOf(data) {
    if (typeof data === 'string') {
      var pym = data.split('xPYMx');
      if (pym.length === 4 && pym[0] === 'pym' && pym[2] === 'height') return Number(pym[3]);
      try { data = JSON.parse(data); } catch (e) { return NaN; }
    }
    if (!data || typeof data !== 'object') return NaN;
    if (data.sentinel === 'amp' && data.type === 'embed-size') return Number(data.height);
    if (data.context === 'iframe.resize') return Number(data.height);
    var dw = data['datawrapper-height'];
    if (dw && typeof dw === 'object') for (var k in dw) if (Object.prototype.hasOwnProperty.call(dw, k)) return Number(dw[k]);
    return NaN;
  }

  window.addEventListener('message', function (event) {
    var h = heightOf(event.data);
    if (!isFinite(h)) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(MAX, Math.max(MIN, Math.round(h))) + 'px';
        return;
      }
    }
  });
})();
