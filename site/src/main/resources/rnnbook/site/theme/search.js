// Offline search: the index was built with the site (assets/search-index.js), so this works from file:// too.
(function () {
  'use strict';
  var configure = window.rnnbookSearchSetup(window.lunr);
  var data = window.rnnbookSearch;
  var index = window.lunr.Index.load(data.index);
  var input = document.getElementById('search-input');
  var list = document.getElementById('search-results');
  var root = document.body.getAttribute('data-root') || '';

  function find(text) {
    var terms = text.toLowerCase().split(/[\s\-]+/).map(configure.trim).filter(Boolean);
    if (terms.length === 0) {
      return [];
    }
    return index.query(function (q) {
      terms.forEach(function (t) {
        q.term(t, { boost: 10 });  // the whole word, stemmed like the index
        // and as a prefix: finds inflected words, and Korean words followed by a particle (한국어 -> 한국어를)
        q.term(t, { usePipeline: false, wildcard: window.lunr.Query.wildcard.TRAILING });
      });
    });
  }

  function show(results) {
    list.textContent = '';
    results.slice(0, 12).forEach(function (r) {
      var doc = data.docs[r.ref];
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + r.ref;
      var title = document.createElement('span');
      title.className = 'result-title';
      title.textContent = doc.title;
      var page = document.createElement('span');
      page.className = 'result-page';
      page.textContent = doc.page;
      var excerpt = document.createElement('span');
      excerpt.className = 'result-excerpt';
      excerpt.textContent = doc.excerpt;
      a.appendChild(title);
      a.appendChild(page);
      a.appendChild(excerpt);
      li.appendChild(a);
      list.appendChild(li);
    });
    if (results.length === 0 && input.value.trim() !== '') {
      var none = document.createElement('li');
      none.className = 'no-results';
      none.textContent = 'Nothing found.';
      list.appendChild(none);
    }
    list.hidden = input.value.trim() === '';
  }

  input.addEventListener('input', function () {
    show(find(input.value));
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') {
      input.value = '';
      show([]);
    } else if (e.key === 'Enter') { // straight to the best match
      var first = list.querySelector('a');
      if (first) {
        window.location.href = first.href;
      }
    }
  });
})();
