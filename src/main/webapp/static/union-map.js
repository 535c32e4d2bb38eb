/*
 * The union's map of the country: one point per municipality, coloured by the association it is a
 * member of (grey: none; with an association chosen, only its members are coloured). A click on a
 * municipality lists the member municipalities of its district in the section below the map, the
 * same list the page shows for ?district= without JavaScript. An enhancement only: the figure stays
 * hidden unless Leaflet and the data are there; the table of districts says the same. Tiles come
 * from the configured server (data-tiles-url); without one, the points are drawn on a plain
 * background. Names come from the register and are only ever set as text, never parsed as HTML.
 */
(function () {
  'use strict';

  var figure = document.getElementById('union-map-figure');
  var box = document.getElementById('union-map');
  if (!figure || !box || typeof window.L === 'undefined' || !window.fetch) {
    return;
  }
  var L = window.L;
  var language = document.documentElement.lang || 'cs';
  var numbers = new Intl.NumberFormat(language);
  var only = box.dataset.association || '';
  var NONE = '#b3b6b7';

  /* The legend's colours and names, as the page shows them. */
  var colours = {};
  var names = {};
  document.querySelectorAll('#map-legend li[data-association]').forEach(function (li) {
    if (li.dataset.association) {
      colours[li.dataset.association] = li.dataset.colour;
      names[li.dataset.association] = li.textContent.trim();
    }
  });

  function memberOfChosen(m) {
    return only ? m.associations.indexOf(only) >= 0 : m.associations.length > 0;
  }

  function colour(m) {
    if (!memberOfChosen(m)) {
      return NONE;
    }
    return colours[only || m.associations[0]] || NONE;
  }

  function radius(population) {
    return Math.max(2.5, Math.min(14, 1.5 + Math.sqrt(population || 0) / 40));
  }

  function tooltip(m) {
    var content = document.createElement('span');
    var name = document.createElement('strong');
    name.textContent = m.name;
    content.appendChild(name);
    content.appendChild(document.createElement('br'));
    content.appendChild(document.createTextNode(box.dataset.labelDistrict + ': ' + m.district));
    if (m.population !== null && m.population !== undefined) {
      content.appendChild(document.createElement('br'));
      content.appendChild(
        document.createTextNode(box.dataset.labelPopulation + ': ' + numbers.format(m.population)));
    }
    if (m.associations.length > 0) {
      content.appendChild(document.createElement('br'));
      content.appendChild(
        document.createTextNode(m.associations.map(function (a) { return names[a] || a; }).join(', ')));
    }
    return content;
  }

  function cell(tag, text, className) {
    var c = document.createElement(tag);
    c.textContent = text;
    if (className) {
      c.className = className;
    }
    return c;
  }

  /* Lists the members of a district in the page's own section, as the server renders it. */
  function listDistrict(municipalities, district) {
    var section = document.getElementById('district-members');
    var body = document.querySelector('#table-district-members tbody');
    if (!section || !body) {
      return;
    }
    var members = municipalities
      .filter(function (m) { return m.district === district && memberOfChosen(m); })
      .sort(function (a, b) { return a.name.localeCompare(b.name, language) || a.code.localeCompare(b.code); });
    while (body.firstChild) {
      body.removeChild(body.firstChild);
    }
    members.forEach(function (m) {
      var tr = document.createElement('tr');
      tr.dataset.code = m.code;
      var th = cell('th', m.name);
      th.scope = 'row';
      tr.appendChild(th);
      tr.appendChild(cell('td', m.code));
      tr.appendChild(
        cell('td', m.population === null || m.population === undefined ? '' : numbers.format(m.population), 'number'));
      tr.appendChild(cell('td', m.associations.map(function (a) { return names[a] || a; }).join(', ')));
      body.appendChild(tr);
    });
    var title = box.dataset.labelMembers + ' ' + district;
    document.getElementById('district-members-heading').textContent = title;
    document.querySelector('#table-district-members caption').textContent = title;
    document.getElementById('district-members-none').hidden = members.length > 0;
    section.dataset.district = district;
    section.hidden = false;
    if (window.history && window.URLSearchParams) {
      var params = new URLSearchParams(window.location.search);
      params.set('district', district);
      window.history.replaceState(null, '', '?' + params.toString() + '#district-members');
    }
  }

  function draw(data) {
    figure.hidden = false;
    var municipalities = data.municipalities;
    var map = L.map(box, { scrollWheelZoom: false, preferCanvas: true });
    var tilesUrl = box.dataset.tilesUrl;
    if (tilesUrl) {
      L.tileLayer(tilesUrl, { maxZoom: 18, attribution: box.dataset.tilesAttribution || '' }).addTo(map);
    }
    var points = L.featureGroup();
    var coloured = 0;
    // Members last, so that they are drawn over the others.
    var ordered = municipalities.filter(function (m) { return !memberOfChosen(m); })
      .concat(municipalities.filter(memberOfChosen));
    ordered.forEach(function (m) {
      if (m.lat === null || m.lon === null || m.lat === undefined || m.lon === undefined) {
        return;
      }
      var member = memberOfChosen(m);
      if (member) {
        coloured++;
      }
      L.circleMarker([m.lat, m.lon], {
        radius: radius(m.population),
        color: member ? '#1b2631' : colour(m),
        weight: member ? 0.6 : 0.3,
        fillColor: colour(m),
        fillOpacity: member ? 0.85 : 0.5
      })
        .bindTooltip(tooltip(m))
        .on('click', function () { listDistrict(municipalities, m.district); })
        .addTo(points);
    });
    points.addTo(map);
    if (points.getLayers().length > 0) {
      map.fitBounds(points.getBounds(), { padding: [8, 8] });
    } else {
      map.setView([49.8, 15.5], 7);
    }
    // For tests and for people reading the page source: what the map shows.
    box.setAttribute('data-markers', String(points.getLayers().length));
    box.setAttribute('data-members', String(coloured));
    // The map itself, for the browser test that clicks a municipality at its point.
    box.leafletMap = map;
  }

  fetch(box.dataset.src, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) {
        throw new Error('The map\'s data answered ' + response.status);
      }
      return response.json();
    })
    .then(draw)
    .catch(function (error) {
      // No map then; the table of districts says it all.
      figure.hidden = true;
      box.setAttribute('data-error', String(error));
    });
})();
