/**
 * The site's one stylesheet and one classic script (no framework: the pages read fine
 * without the script, which only adds the map selector, table sorting and the filter box).
 */
export const SITE_CSS = `
:root{--ink:#1b1b1b;--muted:#4a4a4a;--line:#d0d0d0;--bg:#fff;--soft:#f5f4f0;--link:#0b51a5;--accent:#8a3a00;--reported:#7a4b00;--reported-bg:#fff1d6;--water:#d6e6f2;--land:#f1efe9;--border:#8f8f8f;--s1:#fbe0bf;--s2:#f5b77a;--s3:#de7f3e;--s4:#a5441b;--cross:#1c5aa6;--connect:#8ec0ec;--agreement:#1c5aa6;--event:#8a3a00;--status:#2d6b3a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--link)}
a:focus-visible,button:focus-visible,select:focus-visible,input:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:3px solid #f0a500;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:2}
.skip:focus{left:.5rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.site-header{background:#12304f;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.4rem 1.5rem;align-items:baseline}
.site-header a{color:#fff}
.brand{font-weight:700;text-decoration:none;font-size:1.1rem}
.version{font-weight:400;opacity:.85;font-size:.9rem}
.site-header ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1rem}
main{max-width:72rem;margin:0 auto;padding:1rem}
.site-footer{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem;padding:1rem;max-width:72rem;margin:2rem auto 0}
h1{font-size:1.8rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.35rem;margin:2rem 0 .6rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
h3{font-size:1.1rem;margin:1.2rem 0 .4rem}
code{font-size:.9em;background:var(--soft);padding:0 .2em;border-radius:3px;overflow-wrap:anywhere}
.lede{font-size:1.1rem;max-width:50rem}
.counts{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem}
.counts a{display:block;padding:.4rem .8rem;border:1px solid var(--line);border-radius:6px;text-decoration:none;background:var(--soft)}
.crumbs{font-size:.9rem;color:var(--muted)}
.kind{color:var(--muted);margin-top:-.5rem}
.badge{display:inline-block;font-size:.75rem;font-weight:600;letter-spacing:.02em;padding:0 .4em;border-radius:3px;vertical-align:.1em}
.badge.reported{background:var(--reported-bg);color:var(--reported);border:1px solid #d9a441}
.fields{margin:0}
.field{display:grid;grid-template-columns:11rem minmax(0,1fr);gap:.2rem 1.2rem;padding:.7rem 0;border-top:1px solid var(--line)}
.field>dt{font-weight:600;grid-row:1/span 2}
.field>dd{margin:0;min-width:0}
.field .evidence{grid-column:2}
@media (min-width:60rem){.field.has-evidence{grid-template-columns:11rem minmax(0,1fr) minmax(0,1.15fr)}.field .evidence{grid-column:3;grid-row:1}}
@media (max-width:40rem){.field{grid-template-columns:1fr}.field>dt{grid-row:auto}.field .evidence{grid-column:1}}
.items,.list{margin:0;padding-left:1.2rem}
.list{padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:.2rem .9rem}
.sub{margin:0;display:grid;grid-template-columns:max-content 1fr;gap:0 .8rem}
.sub>div{display:contents}
.sub dt{color:var(--muted)}
.sub dd{margin:0}
.items>li{margin-bottom:.4rem}
.tag{background:var(--soft);border:1px solid var(--line);border-radius:3px;padding:0 .35em;font-size:.92em}
.cite{margin:0 0 .7rem;padding:.45rem .7rem;border-left:4px solid #6f8fb3;background:#f4f7fb}
.cite.is-reported{border-left-color:#d9a441;background:#fffaf0}
.cite blockquote{margin:0;font-style:italic}
.cite blockquote p{margin:0}
.cite blockquote p::before{content:"“"}.cite blockquote p::after{content:"”"}
.cite-again{margin:0 0 .7rem;padding:.35rem .7rem;border-left:4px solid #6f8fb3;background:#f4f7fb;font-size:.92rem}
.cite-again.is-reported{border-left-color:#d9a441;background:#fffaf0}
.cite-again summary{cursor:pointer;font-style:italic}
.cite-again .again{font-style:normal;color:var(--muted);font-size:.85rem}
.cite-again .cite{border:0;padding:.3rem 0 0;margin:0;background:none}
.cite figcaption{font-size:.88rem;color:var(--muted);margin-top:.25rem}
.cite cite{font-style:normal}
.links{padding-left:1.2rem}
.map-figure{margin:0;max-width:56rem}
.map{width:100%;height:auto;display:block;background:var(--water);border:1px solid var(--line)}
.map .c{fill:var(--land);stroke:var(--border);stroke-width:.6}
.map .s1{fill:var(--s1)}.map .s2{fill:var(--s2)}.map .s3{fill:var(--s3)}.map .s4{fill:var(--s4)}
.map .hl-connect{fill:var(--connect)}
.map .hl-cross{fill:var(--cross)}
.map-legend,.tl-legend{list-style:none;padding:0;margin:.4rem 0;display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.9rem}
.key{display:inline-block;width:1rem;height:.8rem;border:1px solid var(--border);margin-right:.35rem;vertical-align:-.05rem}
.key.s1{background:var(--s1)}.key.s2{background:var(--s2)}.key.s3{background:var(--s3)}.key.s4{background:var(--s4)}
.key.hl-cross{background:var(--cross)}.key.hl-connect{background:var(--connect)}.key.land{background:var(--land)}
.map-controls{margin:.5rem 0}
.map-controls select{font:inherit;max-width:100%}
.map-status{min-height:1.5em;margin:.3rem 0}
table{border-collapse:collapse}
.plain td,.plain th{padding:.2rem .6rem;border-bottom:1px solid var(--line);text-align:left}
.table-wrap{overflow-x:auto;max-width:100%}
.records{width:max-content;min-width:100%;font-size:.92rem}
.records th[scope=row]{min-width:11rem;max-width:18rem}
.records td{max-width:22rem}
.records caption{text-align:left;color:var(--muted);padding:.3rem 0}
.records th,.records td{text-align:left;vertical-align:top;padding:.35rem .5rem;border-bottom:1px solid var(--line)}
.records thead th{background:var(--soft);white-space:nowrap}
.records thead button{font:inherit;font-weight:600;background:none;border:0;padding:0;cursor:pointer;color:var(--ink)}
.records thead th[aria-sort=ascending] button::after{content:" ▲"}.records thead th[aria-sort=descending] button::after{content:" ▼"}
.table-tools{margin:.6rem 0}
.table-tools input{font:inherit;padding:.2rem .4rem;width:min(24rem,100%)}
.downloads{padding-left:1.2rem}
.size{color:var(--muted);font-size:.9rem}
.citation{margin:0;padding:.6rem 1rem;background:var(--soft);border-left:4px solid var(--line)}
.timeline{font-size:.92rem}
.key.k-agreement{background:var(--agreement)}.key.k-event{background:var(--event)}.key.k-status{background:var(--status)}
.key.point{width:.8rem;border-radius:50%;background:var(--muted)}.key.span{width:2rem;background:var(--muted)}.key.uncertain{width:2rem;background:repeating-linear-gradient(90deg,var(--muted) 0 4px,transparent 4px 7px)}
.tl,.tl-undated{list-style:none;padding:0;margin:0}
.tl-item,.tl-axis{display:grid;grid-template-columns:10.5rem minmax(0,1fr) minmax(0,38%);gap:.1rem .8rem;align-items:center;padding:.2rem 0;border-bottom:1px solid #ececec}
.tl-axis{border:0;height:1.6rem;position:sticky;top:0;z-index:2;background:var(--bg)}
.tl-axis-track{grid-column:3;position:relative;height:1.4rem;border-bottom:1px solid var(--border)}
.tl-tick{position:absolute;bottom:0;z-index:1;white-space:nowrap;background:var(--bg);font-size:.78rem;color:var(--muted);border-left:1px solid var(--border);padding-left:2px;line-height:1.1}
.tl-date{color:var(--muted)}
.tl-kind{font-size:.78rem;color:var(--muted);white-space:nowrap}
.tl-track{position:relative;height:.9rem}\n.tl-break{position:absolute;bottom:-1px;height:.5rem;background:repeating-linear-gradient(135deg,#fff 0 3px,var(--border) 3px 4px);border-left:1px solid var(--border);border-right:1px solid var(--border)}\n.key.break{width:1.2rem;background:repeating-linear-gradient(135deg,#fff 0 3px,var(--border) 3px 4px)}
.tl-bar{position:absolute;top:.1rem;height:.7rem;min-width:.7rem;border-radius:2px;background:var(--agreement)}
.k-event .tl-bar{background:var(--event)}.k-status .tl-bar{background:var(--status)}
.p-day .tl-bar{border-radius:50%;transform:translateX(-.35rem)}
.uncertain .tl-bar{background:repeating-linear-gradient(90deg,var(--agreement) 0 4px,transparent 4px 7px);outline:1px dashed var(--agreement)}
.uncertain.k-event .tl-bar{background:repeating-linear-gradient(90deg,var(--event) 0 4px,transparent 4px 7px);outline-color:var(--event)}
.uncertain.k-status .tl-bar{background:repeating-linear-gradient(90deg,var(--status) 0 4px,transparent 4px 7px);outline-color:var(--status)}
.approximate .tl-bar{opacity:.75}
.tl-undated li{padding:.15rem 0}
@media (max-width:40rem){.tl-item{grid-template-columns:1fr}.tl-axis{grid-template-columns:1fr}.tl-axis-track{grid-column:1}h1{font-size:1.45rem}.site-header{padding:.5rem .8rem}main{padding:.8rem}}
`;

export const SITE_JS = `(function () {
  'use strict';
  function each(selector, fn) { Array.prototype.forEach.call(document.querySelectorAll(selector), fn); }

  each('select[data-map]', function (select) {
    var svg = document.getElementById(select.getAttribute('data-map'));
    var box = select.closest('.map-controls');
    var status = box.querySelector('.map-status');
    box.hidden = false;
    function update() {
      var option = select.options[select.selectedIndex];
      var crosses = (option.getAttribute('data-crosses') || '').split(' ').filter(Boolean);
      var connects = (option.getAttribute('data-connects') || '').split(' ').filter(Boolean);
      each('#' + svg.id + ' path[data-iso]', function (path) {
        var iso = path.getAttribute('data-iso');
        path.classList.toggle('hl-cross', crosses.indexOf(iso) !== -1);
        path.classList.toggle('hl-connect', crosses.indexOf(iso) === -1 && connects.indexOf(iso) !== -1);
      });
      status.textContent = '';
      if (!option.value) return;
      status.appendChild(document.createTextNode(option.getAttribute('data-summary') + ' '));
      var link = document.createElement('a');
      link.href = option.getAttribute('data-href');
      link.textContent = 'Open its page';
      status.appendChild(link);
    }
    select.addEventListener('change', update);
    update();
  });

  each('table.sortable', function (table) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var headers = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(headers, function (th, column) {
      var button = document.createElement('button');
      button.type = 'button';
      button.textContent = th.textContent;
      th.textContent = '';
      th.appendChild(button);
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var key = function (row) {
          var cell = row.cells[column];
          return cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent.trim().toLowerCase();
        };
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          var nx = parseFloat(x), ny = parseFloat(y);
          var c = x !== '' && y !== '' && isFinite(x) && isFinite(y) ? nx - ny : x.localeCompare(y);
          return ascending ? c : -c;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
    var input = document.querySelector('input[data-filter="' + table.id + '"]');
    if (!input) return;
    var tools = input.closest('.table-tools');
    var count = tools.querySelector('.filter-count');
    tools.hidden = false;
    input.addEventListener('input', function () {
      var terms = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        var match = terms.every(function (t) { return text.indexOf(t) !== -1; });
        row.hidden = !match;
        if (match) shown++;
      });
      count.textContent = terms.length ? shown + ' of ' + rows.length + ' rows' : '';
    });
  });
})();
`;
