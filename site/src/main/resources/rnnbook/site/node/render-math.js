// Renders TeX to HTML with KaTeX at build time.
// stdin: [{tex, display}, ...]; argv[2]: path of katex.min.js; stdout: {html: [...], errors: [{index, message}]}
'use strict';
const katex = require(process.argv[2]);
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const jobs = JSON.parse(input);
  const html = [];
  const errors = [];
  jobs.forEach((job, index) => {
    try {
      // strict 'error': anything KaTeX would only warn about (e.g. unicode outside \text) fails the build instead
      html.push(katex.renderToString(job.tex, { displayMode: job.display, throwOnError: true, strict: 'error' }));
    } catch (e) {
      errors.push({ index, message: String(e.message || e) });
      html.push('');
    }
  });
  process.stdout.write(JSON.stringify({ html, errors }));
});
