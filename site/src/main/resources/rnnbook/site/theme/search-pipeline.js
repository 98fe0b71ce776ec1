// The search pipeline shared by the index builder (node, at build time) and the browser.
// lunr's own trimmer strips every character outside [A-Za-z0-9_], which would erase Hangul words entirely;
// this one trims only what is neither a letter nor a digit in any script.
(function (root) {
  'use strict';
  function setup(lunr) {
    var trimmer = function (token) {
      return token.update(function (s) {
        return s.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[^\p{L}\p{N}]+$/u, '');
      });
    };
    lunr.Pipeline.registerFunction(trimmer, 'rnnbookTrimmer');
    var configure = function (builder) {
      builder.pipeline.before(lunr.trimmer, trimmer);
      builder.pipeline.remove(lunr.trimmer);
    };
    configure.trim = function (s) {
      return s.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[^\p{L}\p{N}]+$/u, '');
    };
    return configure;
  }
  if (typeof module === 'object' && module.exports) {
    module.exports = setup;
  } else {
    root.rnnbookSearchSetup = setup;
  }
})(this);
