// Compares the diagnostics an editor showed ("FILE:LINE:CODE" lines) with those of
// `ipsl check --format json` for the same folder. Usage: node compare-diagnostics.js EXPECTED.json SHOWN.txt EDITOR
// Prints the differences; exit status 0 when equal, 1 otherwise.
'use strict';
const fs = require('fs');

/** @param {string} expectedJson */
function expectedKeys(expectedJson) {
  return JSON.parse(expectedJson).map((d) => `${d.file.replace(/^\.\//, '')}:${d.line}:${d.code}`).sort();
}

/** @param {string} shownText */
function shownKeys(shownText) {
  return shownText.split('\n').map((line) => line.trim()).filter(Boolean).sort();
}

/** Multiset difference: what a has more often than b. */
function minus(a, b) {
  const rest = [...b];
  return a.filter((key) => {
    const i = rest.indexOf(key);
    if (i < 0) return true;
    rest.splice(i, 1);
    return false;
  });
}

function compare(expected, shown) {
  return { missing: minus(expected, shown), unexpected: minus(shown, expected) };
}

module.exports = { expectedKeys, shownKeys, compare };

if (require.main === module) {
  const [expectedFile, shownFile, editor] = process.argv.slice(2);
  const expected = expectedKeys(fs.readFileSync(expectedFile, 'utf8'));
  const shown = shownKeys(fs.readFileSync(shownFile, 'utf8'));
  const { missing, unexpected } = compare(expected, shown);
  if (missing.length === 0 && unexpected.length === 0) {
    console.log(`${editor}: the same ${expected.length} diagnostics as ipsl check`);
    process.exit(0);
  }
  console.log(`${editor}: diagnostics differ from ipsl check (${expected.length} expected, ${shown.length} shown)`);
  for (const key of missing) console.log(`  missing:    ${key}`);
  for (const key of unexpected) console.log(`  unexpected: ${key}`);
  process.exit(1);
}
