// Offline search. The index was built with the site (assets/search-index.js, a script so that it loads from file://
// too); it and lunr are loaded only when the reader first uses the search box, not with every page.
(function () {
  'use strict';
  var input = document.getElementById('search-input');
  var list = document.getElementById('search-results');
  if (!input || !list) {
    return;
  }
  var root = document.body.getAttribute('data-root') || '';
  var state = null;      // {index, data, configure} once loaded
  var loading = null;    // the callbacks waiting for the load

  function loadScript(src, done, fail) {
    var s = document.createElement('script');
    s.src = root + src;
    s.onload = done;
    s.onerror = fail;
    document.head.appendChild(s);
  }

  function ready(callback) {
    if (state) {
      callback();
      return;
    }
    if (loading) {
      loading.push(callback);
      return;
    }
    loading = [callback];
    var failed = function () {
      loading = null;
      list.textContent = '';
      var li = document.createElement('li');
      li.className = 'no-results';
      li.textContent = 'The search index could not be loaded.';
      list.appendChild(li);
      list.hidden = false;
    };
    loadScript('assets/lunr.min.js', function () {
      loadScript('assets/search-pipeline.js', function () {
        loadScript('assets/search-index.js', function () {
          state = {
            configure: window.rnnbookSearchSetup(window.lunr),
            data: window.rnnbookSearch,
            index: window.lunr.Index.load(window.rnnbookSearch.index)
          };
          var waiting = loading;
          loading = null;
          waiting.forEach(function (f) { f(); });
        }, failed);
      }, failed);
    }, failed);
  }

  function termsOf(text) {
    return text.toLowerCase().split(/[\s\-]+/).map(state.configure.trim).filter(Boolean);
  }

  function find(terms) {
    if (terms.length === 0) {
      return [];
    }
    return state.index.query(function (q) {
      terms.forEach(function (t) {
        q.term(t, { boost: 10 });  // the whole word, stemmed like the index
        // and as a prefix: finds inflected words, and Korean words followed by a particle (한국어 -> 한국어를)
        q.term(t, { usePipeline: false, wildcard: window.lunr.Query.wildcard.TRAILING });
      });
    });
  }

  function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  // A word of the text matches a query term when it starts with the term or with the term's stem
  // ("gradients" finds "gradient", "clipping" finds "clipped").
  function matcher(terms) {
    var parts = [];
    terms.forEach(function (t) {
      var stem = window.lunr.stemmer(new window.lunr.Token(t)).toString();
      parts.push(escapeRegExp(stem.length >= 3 && stem.length < t.length ? stem : t));
    });
    return new RegExp('(' + parts.join('|') + ')[\\p{L}\\p{N}]*', 'giu');
  }

  // About 170 characters of the section around its first match, cut at word boundaries, matches marked.
  function excerpt(text, re) {
    re.lastIndex = 0;
    var m = re.exec(text);
    var start = 0;
    if (m && m.index > 60) {
      start = text.lastIndexOf(' ', m.index - 60) + 1;
    }
    var end = Math.min(text.length, start + 170);
    if (end < text.length) {
      var space = text.lastIndexOf(' ', end);
      end = space > start + 80 ? space : end;
    }
    var piece = text.substring(start, end);
    var span = document.createElement('span');
    span.className = 'result-excerpt';
    if (start > 0) {
      span.appendChild(document.createTextNode('… '));
    }
    var at = 0;
    re.lastIndex = 0;
    var hit;
    while ((hit = re.exec(piece)) !== null) {
      if (hit[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      span.appendChild(document.createTextNode(piece.substring(at, hit.index)));
      var mark = document.createElement('mark');
      mark.textContent = hit[0];
      span.appendChild(mark);
      at = hit.index + hit[0].length;
    }
    span.appendChild(document.createTextNode(piece.substring(at) + (end < text.length ? ' …' : '')));
    return span;
  }

  function show() {
    var query = input.value.trim();
    var terms = termsOf(query);
    var results = find(terms);
    var re = terms.length ? matcher(terms) : null;
    list.textContent = '';
    results.slice(0, 12).forEach(function (r) {
      var doc = state.data.docs[r.ref];
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + r.ref;
      var title = document.createElement('span');
      title.className = 'result-title';
      title.textContent = doc.title;
      var page = document.createElement('span');
      page.className = 'result-page';
      page.textContent = doc.page;
      a.appendChild(title);
      a.appendChild(page);
      a.appendChild(excerpt(doc.text, re));
      li.appendChild(a);
      list.appendChild(li);
    });
    if (results.length === 0 && query !== '') {
      var none = document.createElement('li');
      none.className = 'no-results';
      none.textContent = 'Nothing found.';
      list.appendChild(none);
    }
    list.hidden = query === '';
  }

  input.addEventListener('focus', function () { ready(function () {}); });
  input.addEventListener('input', function () { ready(show); });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') {
      input.value = '';
      list.textContent = '';
      list.hidden = true;
    } else if (e.key === 'Enter') { // straight to the best match
      ready(function () {
        show();
        var first = list.querySelector('a');
        if (first) {
          window.location.href = first.href;
        }
      });
    }
  });
})();
