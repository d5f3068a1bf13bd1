// The live view: adds each development the server sends (server-sent events on the list's data-stream URL) to
// the top of the list, filled into the page's template row. Text only goes in through textContent.
(function () {
  'use strict';
  var list = document.getElementById('developments');
  var template = document.getElementById('development-template');
  var status = document.getElementById('status');
  if (!list || !template || !window.EventSource) {
    return;
  }
  var source = new EventSource(list.getAttribute('data-stream'));
  source.addEventListener('open', function () {
    status.textContent = 'Live: new developments appear at the top as they arrive.';
  });
  source.addEventListener('error', function () {
    status.textContent = 'Connection lost; reconnecting…';
  });
  source.addEventListener('development', function (event) {
    var d = JSON.parse(event.data);
    if (document.getElementById('d-' + d.id)) {
      return;
    }
    list.insertBefore(render(d), list.firstChild);
    var empty = document.getElementById('empty');
    if (empty) {
      empty.remove();
    }
  });

  function render(d) {
    var item = template.content.firstElementChild.cloneNode(true);
    item.id = 'd-' + d.id;
    item.className = d.verdict;
    item.querySelectorAll('[data-field]').forEach(function (node) {
      var field = node.getAttribute('data-field');
      if (field === 'figures') {
        node.hidden = !d.figures;
        if (d.figures) {
          node.href = d.figures;
        }
      } else if (field === 'page') {
        node.href = '/developments/' + encodeURIComponent(d.id);
      } else if (field === 'url') {
        node.textContent = d.title || d.url || '';
        if (d.url) {
          node.href = d.url;
        } else {
          node.removeAttribute('href');
        }
      } else {
        node.textContent = d[field] === undefined ? '' : String(d[field]);
      }
    });
    return item;
  }
})();
