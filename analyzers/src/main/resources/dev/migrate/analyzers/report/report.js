// Sorts the inventory table by a column. Header clicks toggle the direction; "#sort=kind" or
// "#sort=-kind" in the URL sorts on load, so a link can share a sorted view.
(function () {
  var table = document.getElementById('inventory');
  if (!table) { return; }
  var body = table.tBodies[0];
  function sortBy(key, descending) {
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.querySelector('td[data-key="' + key + '"]').getAttribute('data-value');
      var y = b.querySelector('td[data-key="' + key + '"]').getAttribute('data-value');
      var c = x < y ? -1 : x > y ? 1 : 0;
      if (c === 0) { c = a.getAttribute('data-id') < b.getAttribute('data-id') ? -1 : 1; }
      return descending ? -c : c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      if (th.getAttribute('data-key') === key) {
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      } else {
        th.removeAttribute('aria-sort');
      }
    });
    table.setAttribute('data-sorted', (descending ? '-' : '') + key);
  }
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    function toggle() { sortBy(th.getAttribute('data-key'), th.getAttribute('aria-sort') === 'ascending'); }
    th.addEventListener('click', toggle);
    th.addEventListener('keydown', function (e) { if (e.key === 'Enter') { toggle(); } });
  });
  var m = /(?:^#|&)sort=(-?)([a-z]+)/.exec(window.location.hash);
  if (m && table.querySelector('th[data-key="' + m[2] + '"]')) { sortBy(m[2], m[1] === '-'); }
}());
