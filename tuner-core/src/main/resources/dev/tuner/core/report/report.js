// Tuner report: sorts a table by the column whose heading is clicked, by each cell's data-v
// (as numbers in columns marked data-type="num"); empty cells stay last. A cell whose text is
// shortened shows its full value (its data-v) on hover.
(function () {
  'use strict';
  function sortBy(table, heading) {
    var headings = Array.prototype.slice.call(heading.parentNode.children);
    var column = headings.indexOf(heading);
    var numeric = heading.getAttribute('data-type') === 'num';
    var ascending = heading.getAttribute('aria-sort') !== 'ascending';
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[column].getAttribute('data-v');
      var y = b.cells[column].getAttribute('data-v');
      if (x === '' || y === '') {
        return x === y ? 0 : (x === '' ? 1 : -1);
      }
      var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    headings.forEach(function (other) { other.removeAttribute('aria-sort'); });
    heading.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    table.tHead.addEventListener('click', function (event) {
      var heading = event.target.closest('th');
      if (heading) {
        sortBy(table, heading);
      }
    });
    table.tBodies[0].addEventListener('mouseover', function (event) {
      var cell = event.target.closest('td');
      if (cell && !cell.title) {
        var full = cell.getAttribute('data-v');
        if (full && full !== cell.textContent) {
          cell.title = full;
        }
      }
    });
  });
})();

// A page whose study is running (data-state="running", set by the writer) reloads itself every
// data-refresh ms, so that it shows the trials as they finish; the browser keeps the scroll position.
// The page written at the study's end says "finished" and stays. A running page no longer rewritten
// (its run was killed) stops reloading after ten refreshes and at least ten minutes without an update.
(function () {
  'use strict';
  var root = document.documentElement;
  var refresh = parseInt(root.getAttribute('data-refresh') || '0', 10);
  if (root.getAttribute('data-state') !== 'running' || !(refresh > 0)) {
    return;
  }
  var written = Date.parse(root.getAttribute('data-written'));
  if (!isNaN(written) && Date.now() - written > Math.max(10 * refresh, 600000)) {
    var status = document.querySelector('.status');
    if (status) {
      status.textContent += ' · no update since: its run may have ended';
    }
    return;
  }
  setTimeout(function () { location.reload(); }, refresh);
})();
