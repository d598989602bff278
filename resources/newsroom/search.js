/* Presskit newsroom search: runs in the page, needs no server and works from file://.
 *
 * The index is search-index.js (var presskitSearchIndex = {releases: [...]}), loaded by a
 * <script> element before this one. A release matches when every word typed occurs in its
 * words, compared the way Presskit's library search compares text: Unicode NFKC and case
 * folded (so "MÜLLER" finds "Müller" and "strasse" finds "Straße"). Matches in the headline
 * come first, then newer before older. The query comes from ?q=... or #q=... and the box.
 */
(function (root) {
  "use strict";

  // The Python side folds with str.casefold(); toLowerCase() differs in a few letters.
  var FOLDS = { "ß": "ss", "ẞ": "ss", "ς": "σ", "ſ": "s", "ﬅ": "st", "ﬆ": "st" };

  function fold(text) {
    return String(text).normalize("NFKC").toLowerCase().replace(/[ßẞςſﬅﬆ]/g, function (c) {
      return FOLDS[c];
    });
  }

  function terms(query) {
    return fold(query).split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  function search(index, query) {
    var wanted = terms(query);
    if (!wanted.length) return [];
    var found = [];
    index.releases.forEach(function (release, position) {
      var haystack = release.w + " " + fold(release.t + " " + release.s);
      var title = fold(release.t);
      for (var i = 0; i < wanted.length; i++) {
        if (haystack.indexOf(wanted[i]) < 0) return;
      }
      var inTitle = wanted.filter(function (t) { return title.indexOf(t) >= 0; }).length;
      found.push({ release: release, score: inTitle, position: position });
    });
    found.sort(function (a, b) { return b.score - a.score || a.position - b.position; });
    return found.map(function (f) { return f.release; });
  }

  function queryFromLocation(location) {
    var sources = [location.search.replace(/^\?/, ""), location.hash.replace(/^#/, "")];
    for (var i = 0; i < sources.length; i++) {
      var params = new URLSearchParams(sources[i]);
      if (params.get("q")) return params.get("q");
    }
    return "";
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function card(release) {
    var item = element("li", "card");
    var date = element("p", "card-date");
    var time = element("time", "", release.d);
    time.setAttribute("datetime", release.d);
    date.appendChild(time);
    item.appendChild(date);
    var heading = element("h2", "card-title");
    heading.lang = release.l;
    var link = element("a", "", release.t);
    link.href = release.u;
    heading.appendChild(link);
    item.appendChild(heading);
    if (release.s) item.appendChild(element("p", "card-subtitle", release.s)).lang = release.l;
    if (release.x) item.appendChild(element("p", "card-summary", release.x)).lang = release.l;
    return item;
  }

  function show(query) {
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    var index = root.presskitSearchIndex || { releases: [] };
    list.textContent = "";
    if (!terms(query).length) {
      status.textContent = "Type a word or two to search " + index.releases.length +
        " press releases.";
      return;
    }
    var results = search(index, query);
    status.textContent = results.length === 0 ? "No press release matches \u201c" + query +
      "\u201d." : results.length + (results.length === 1 ? " press release matches" :
      " press releases match") + " \u201c" + query + "\u201d.";
    results.forEach(function (release) { list.appendChild(card(release)); });
  }

  function start() {
    var box = document.getElementById("search-query");
    var query = queryFromLocation(root.location);
    if (box) {
      box.value = query;
      box.addEventListener("input", function () {
        show(box.value);
        try {
          root.history.replaceState(null, "", "#q=" + encodeURIComponent(box.value));
        } catch (ignored) { /* some browsers refuse this for file:// pages; nothing lost */ }
      });
      box.form.addEventListener("submit", function (event) {
        event.preventDefault();
        show(box.value);
      });
      box.focus();
    }
    show(query);
  }

  root.PresskitSearch = { fold: fold, terms: terms, search: search, queryFromLocation: queryFromLocation };
  if (typeof document !== "undefined" && document.getElementById("search-results")) start();
})(typeof window !== "undefined" ? window : globalThis);
