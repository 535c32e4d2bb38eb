/*
 * The coverage page's map of members: one circle per active member, its area following the
 * population, the name and population in a tooltip. An enhancement only: the figure stays hidden
 * unless Leaflet and the members' points are there, and the page says the same in its figures,
 * its table and the member directory. Tiles come from the configured server (data-tiles-url);
 * without one, or when it cannot be reached, the circles are drawn on a plain background.
 */
(function () {
  'use strict';

  var figure = document.getElementById('member-map-figure');
  var box = document.getElementById('member-map');
  if (!figure || !box || typeof window.L === 'undefined' || !window.fetch) {
    return;
  }
  var L = window.L;
  var language = document.documentElement.lang || 'cs';
  var numbers = new Intl.NumberFormat(language);

  /* Radius in pixels: the area follows the population; tiny members stay visible. */
  function radius(population) {
    return Math.max(4, Math.min(24, 2 + Math.sqrt(population || 0) / 20));
  }

  /* The tooltip as text nodes: names come from the register and are never parsed as HTML. */
  function tooltip(point) {
    var content = document.createElement('span');
    var name = document.createElement('strong');
    name.textContent = point.name;
    content.appendChild(name);
    if (point.population !== null && point.population !== undefined) {
      content.appendChild(document.createElement('br'));
      content.appendChild(
        document.createTextNode(box.dataset.labelPopulation + ': ' + numbers.format(point.population)));
    }
    return content;
  }

  function draw(points) {
    figure.hidden = false;
    var map = L.map(box, { scrollWheelZoom: false });
    var tilesUrl = box.dataset.tilesUrl;
    if (tilesUrl) {
      L.tileLayer(tilesUrl, { maxZoom: 18, attribution: box.dataset.tilesAttribution || '' }).addTo(map);
    }
    var markers = L.featureGroup();
    points.forEach(function (point) {
      L.circleMarker([point.lat, point.lon], {
        radius: radius(point.population),
        color: '#0b4f8a',
        weight: 1,
        fillColor: '#0b4f8a',
        fillOpacity: 0.45
      })
        .bindTooltip(tooltip(point))
        .addTo(markers);
    });
    markers.addTo(map);
    if (points.length > 0) {
      map.fitBounds(markers.getBounds(), { padding: [16, 16], maxZoom: 11 });
    } else {
      map.setView([49.8, 15.5], 7);
    }
    // For tests and for people reading the page source: how many members the map shows.
    box.setAttribute('data-markers', String(points.length));
  }

  fetch(box.dataset.src, { headers: { Accept: 'application/json' } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('The members\' points answered ' + response.status);
      }
      return response.json();
    })
    .then(draw)
    .catch(function (error) {
      // No map then; the figures and the table say it all.
      figure.hidden = true;
      box.setAttribute('data-error', String(error));
    });
})();
