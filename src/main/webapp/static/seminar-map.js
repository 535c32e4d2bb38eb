/*
 * The map of an event's venue: one marker at its point, the venue's name in a tooltip. An
 * enhancement only: the figure stays hidden unless Leaflet is there, and the page says where in its
 * text. Tiles come from the configured server (data-tiles-url); without one the marker is drawn on
 * a plain background.
 */
(function () {
  'use strict';

  var figure = document.getElementById('event-map-figure');
  var box = document.getElementById('event-map');
  if (!figure || !box || typeof window.L === 'undefined') {
    return;
  }
  var L = window.L;
  var lat = parseFloat(box.dataset.lat);
  var lon = parseFloat(box.dataset.lon);
  if (isNaN(lat) || isNaN(lon)) {
    return;
  }
  figure.hidden = false;
  var map = L.map(box, { scrollWheelZoom: false }).setView([lat, lon], 15);
  if (box.dataset.tilesUrl) {
    L.tileLayer(box.dataset.tilesUrl, {
      maxZoom: 18,
      attribution: box.dataset.tilesAttribution || ''
    }).addTo(map);
  }
  var marker = L.circleMarker([lat, lon], {
    radius: 10,
    color: '#0b4f8a',
    weight: 2,
    fillColor: '#0b4f8a',
    fillOpacity: 0.5
  }).addTo(map);
  if (box.dataset.title) {
    var label = document.createElement('span');
    label.textContent = box.dataset.title;
    marker.bindTooltip(label);
  }
  box.setAttribute('data-markers', '1');
})();
