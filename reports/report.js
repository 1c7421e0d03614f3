// SPDX-License-Identifier: GPL-2.0-only
/*
 * report.js - the little the report does in the browser: filter the
 * findings table (text and rule; the text matches every column and every
 * function on the path), sort it by a column, and keep the filter in the
 * URL's #fragment so a filtered view can be linked.  No library, no
 * network; the pages read fine without it.
 */
(function () {
	'use strict';

	var table = document.getElementById('findings-table');
	if (!table)
		return;
	var body = table.tBodies[0];
	var text = document.getElementById('filter');
	var rule = document.getElementById('rule-filter');
	var shown = document.getElementById('shown');
	var rows = Array.prototype.slice.call(body.rows);

	function rowText(row) {
		return (row.textContent + ' ' + (row.getAttribute('data-search') || '')).toLowerCase();
	}

	function apply() {
		var words = text.value.toLowerCase().split(/\s+/).filter(Boolean);
		var want = rule.value;
		var n = 0;
		rows.forEach(function (row) {
			var hay = rowText(row);
			var ok = (!want || row.getAttribute('data-rule') === want) &&
				words.every(function (w) { return hay.indexOf(w) >= 0; });
			row.hidden = !ok;
			if (ok)
				n++;
		});
		shown.textContent = n + ' of ' + rows.length;
		var state = [];
		if (text.value)
			state.push('q=' + encodeURIComponent(text.value));
		if (want)
			state.push('rule=' + encodeURIComponent(want));
		if (history.replaceState)
			history.replaceState(null, '', state.length ? '#' + state.join('&') : location.pathname);
	}

	function cellValue(row, col) {
		var cell = row.cells[col];
		var v = cell.getAttribute('data-value');
		return v !== null ? Number(v) : cell.textContent.trim().toLowerCase();
	}

	function sortBy(th) {
		var col = th.cellIndex;
		var asc = !th.classList.contains('asc');
		Array.prototype.forEach.call(th.parentNode.cells, function (c) { c.classList.remove('asc', 'desc'); });
		th.classList.add(asc ? 'asc' : 'desc');
		rows.sort(function (a, b) {
			var x = cellValue(a, col), y = cellValue(b, col);
			var c = x < y ? -1 : x > y ? 1 : 0;
			return asc ? c : -c;
		});
		rows.forEach(function (row) { body.appendChild(row); });
	}

	function restore() {
		location.hash.replace(/^#/, '').split('&').forEach(function (kv) {
			var i = kv.indexOf('=');
			if (i < 0)
				return;
			var k = kv.slice(0, i), v = decodeURIComponent(kv.slice(i + 1));
			if (k === 'q')
				text.value = v;
			else if (k === 'rule')
				rule.value = v;
		});
	}

	Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
		if (th.hasAttribute('data-sort'))
			th.addEventListener('click', function () { sortBy(th); });
	});
	text.addEventListener('input', apply);
	rule.addEventListener('change', apply);
	if (/[#&](q|rule)=/.test(location.hash)) {
		restore();
		apply();
	}
})();
