// Reading aids on every page: the phone menu, copy buttons on code, the current section in the page's contents,
// and figures opened full size. Everything works without it too (links stay links).
(function () {
  'use strict';

  // --- phone: the chapter list folds behind the "Chapters" button
  var toggle = document.getElementById('nav-toggle');
  var nav = document.getElementById('book-nav');
  if (toggle && nav) {
    toggle.addEventListener('click', function () {
      var open = document.body.classList.toggle('nav-open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
      if (open) {
        var current = nav.querySelector('[aria-current="page"]') || nav.querySelector('a');
        if (current) {
          current.focus();
        }
      }
    });
    document.addEventListener('keydown', function (e) {
      if (e.key === 'Escape' && document.body.classList.contains('nav-open')) {
        document.body.classList.remove('nav-open');
        toggle.setAttribute('aria-expanded', 'false');
        toggle.focus();
      }
    });
  }

  // --- a formula wider than the screen scrolls in its own box: make that box reachable by keyboard too
  function focusableWhenScrolling() {
    document.querySelectorAll('.katex-display').forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute('tabindex', '0');
      } else {
        box.removeAttribute('tabindex');
      }
    });
  }
  focusableWhenScrolling();
  window.addEventListener('resize', focusableWhenScrolling);

  // --- copy buttons on code listings
  function copyText(text, done) {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text, done); });
    } else {
      fallbackCopy(text, done);
    }
  }
  function fallbackCopy(text, done) { // file:// pages have no clipboard API
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    try {
      document.execCommand('copy');
      done();
    } catch (e) { /* nothing to copy into: leave the button as it was */ }
    document.body.removeChild(area);
  }
  document.querySelectorAll('#content .listingblock > .content').forEach(function (box) {
    var code = box.querySelector('pre');
    if (!code) {
      return;
    }
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy the code');
    button.addEventListener('click', function () {
      copyText(code.innerText.replace(/\n$/, ''), function () {
        button.textContent = 'Copied';
        setTimeout(function () { button.textContent = 'Copy'; }, 1500);
      });
    });
    box.appendChild(button);
  });

  // --- the section being read is marked in "On this page"
  var tocLinks = Array.prototype.slice.call(document.querySelectorAll('.page-toc a[href^="#"]'));
  var headings = tocLinks.map(function (a) {
    return document.getElementById(decodeURIComponent(a.getAttribute('href').substring(1)));
  });
  function markCurrent() {
    var current = -1;
    var line = window.innerHeight * 0.25;
    for (var i = 0; i < headings.length; i++) {
      if (headings[i] && headings[i].getBoundingClientRect().top <= line) {
        current = i;
      }
    }
    tocLinks.forEach(function (a, i) {
      if (i === current) {
        a.setAttribute('aria-current', 'location');
      } else {
        a.removeAttribute('aria-current');
      }
    });
  }
  if (tocLinks.length > 0) {
    var pending = false;
    window.addEventListener('scroll', function () {
      if (!pending) {
        pending = true;
        window.requestAnimationFrame(function () {
          pending = false;
          markCurrent();
        });
      }
    }, { passive: true });
    markCurrent();
  }

  // --- figures open full size (a tap on a phone, a click on a desktop); the link alone opens the file
  var viewer = null;
  function openViewer(href, alt) {
    if (!viewer) {
      viewer = document.createElement('dialog');
      viewer.className = 'figure-viewer';
      viewer.setAttribute('aria-label', 'Figure, full size');
      var close = document.createElement('button');
      close.type = 'button';
      close.className = 'figure-viewer-close';
      close.textContent = 'Close';
      close.addEventListener('click', function () { viewer.close(); });
      var frame = document.createElement('div');
      frame.className = 'figure-viewer-frame';
      frame.appendChild(document.createElement('img'));
      viewer.appendChild(close);
      viewer.appendChild(frame);
      viewer.addEventListener('click', function (e) {
        if (e.target === viewer) {
          viewer.close();
        }
      });
      document.body.appendChild(viewer);
    }
    var img = viewer.querySelector('img');
    img.src = href;
    img.alt = alt || '';
    viewer.showModal();
  }
  document.querySelectorAll('#content a.figure-zoom').forEach(function (a) {
    a.addEventListener('click', function (e) {
      if (typeof HTMLDialogElement !== 'function' || e.ctrlKey || e.metaKey || e.shiftKey) {
        return; // the browser opens the file
      }
      e.preventDefault();
      var img = a.querySelector('img');
      openViewer(a.getAttribute('href'), img ? img.getAttribute('alt') : '');
    });
  });
})();
