'use strict';
// The editing rules of language-configuration.json, checked with the same regular expressions
// VS Code applies.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');

const configuration = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'language-configuration.json'), 'utf8'));

test('a line opening a block indents the next line, a closing brace outdents', () => {
  const increase = new RegExp(configuration.indentationRules.increaseIndentPattern);
  const decrease = new RegExp(configuration.indentationRules.decreaseIndentPattern);
  for (const line of ['host alpha {', '    ike to-beta priority 10 {', '    manual-sa keys {  ']) assert.ok(increase.test(line), line);
  for (const line of ['host alpha { address 10.0.0.1 }', '    authentication preshared "a{b"', '    remote beta']) {
    assert.ok(!increase.test(line), line);
  }
  assert.ok(decrease.test('    }'));
  assert.ok(!decrease.test('    policy p {'));
});

test('a word is a whole IPSL name or address, dashes included', () => {
  const word = new RegExp(configuration.wordPattern, 'g');
  const words = (text) => text.match(word);
  assert.deepEqual(words('ike to-beta priority 10'), ['ike', 'to-beta', 'priority', '10']);
  assert.deepEqual(words('any from 10.1.1.0/24 to lan_a'), ['any', 'from', '10.1.1.0/24', 'to', 'lan_a']);
  assert.deepEqual(words('proposals aes128-sha1-modp2048, corp-ike'), ['proposals', 'aes128-sha1-modp2048', 'corp-ike']);
});

test('comments, brackets and auto-closing pairs are declared', () => {
  assert.deepEqual(configuration.comments, { lineComment: '//', blockComment: ['/*', '*/'] });
  assert.deepEqual(configuration.brackets, [['{', '}']]);
  assert.deepEqual(configuration.autoClosingPairs.map((pair) => pair.open), ['{', '"', '/*']);
  const start = new RegExp(configuration.folding.markers.start);
  const end = new RegExp(configuration.folding.markers.end);
  assert.ok(start.test('  // region branches') && end.test('  // endregion'));
  assert.ok(!start.test('  // regional offices'));
});
