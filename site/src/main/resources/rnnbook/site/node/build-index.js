// Builds the lunr search index at build time.
// stdin: [{id, title, body}, ...]; argv[2]: lunr.min.js; argv[3]: search-pipeline.js; stdout: the serialized index
'use strict';
const lunr = require(process.argv[2]);
const configure = require(process.argv[3])(lunr);
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const docs = JSON.parse(input);
  const index = lunr(function () {
    configure(this);
    this.ref('id');
    this.field('title', { boost: 5 });
    this.field('body');
    docs.forEach(d => this.add(d));
  });
  process.stdout.write(JSON.stringify(index));
});
