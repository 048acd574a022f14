// Writes each snippet of snippets/ipsl.json, expanded as VS Code does when the user accepts every
// default (first choice, placeholder text), into FOLDER/<prefix>.ipsl, so that `ipsl check` can
// tell whether it parses. Placeholders in angle brackets (the manual SA's keys, which the user must
// supply) become zero keys of that many hex digits. Usage: node expand-snippets.js FOLDER
'use strict';
const fs = require('fs');
const path = require('path');

/** @param {string} body */
function expand(body) {
  const defaults = {};
  let text = body
    .replace(/\$\{(\d+)\|([^,|]*)[^}]*\|\}/g, (_, n, first) => (defaults[n] = first))
    .replace(/\$\{(\d+):([^${}]*(?:\$\d+[^${}]*)*)\}/g, (_, n, value) => {
      if (!(n in defaults)) defaults[n] = value;
      return defaults[n];
    });
  text = text.replace(/\$(\d+)/g, (_, n) => defaults[n] ?? '');
  return text.replace(/0x<(\d+) hex digits>/g, (_, digits) => `0x${'0'.repeat(Number(digits))}`);
}

module.exports = { expand };

if (require.main === module) {
  const folder = process.argv[2];
  const snippets = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'snippets', 'ipsl.json'), 'utf8'));
  fs.mkdirSync(folder, { recursive: true });
  for (const snippet of Object.values(snippets)) {
    const body = expand(snippet.body.join('\n')).replace(/\t/g, '    ');
    // A host body must sit inside a host; the others are top-level declarations.
    const inHost = ['policy', 'ike', 'manual-sa'].includes(snippet.prefix);
    const text = inHost ? `host h {\n    address 192.0.2.1\n${body.replace(/^/gm, '    ')}\n}\n` : `${body}\n`;
    fs.writeFileSync(path.join(folder, `${snippet.prefix}.ipsl`), text);
  }
}
