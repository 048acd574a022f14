'use strict';
// The packaging rules of issue 7: pinned tools, @types/vscode equal to engines.vscode, and the
// extension's version following the Maven project's.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');

const root = path.join(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

test('every dependency is pinned to an exact version', () => {
  for (const [name, version] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
    assert.match(version, /^\d+\.\d+\.\d+$/, name);
  }
  assert.equal(manifest.devDependencies['@vscode/vsce'], '3.9.2');
});

test('@types/vscode equals engines.vscode', () => {
  assert.equal(`^${manifest.devDependencies['@types/vscode']}`, manifest.engines.vscode);
});

test('the extension version is the Maven version without -SNAPSHOT', () => {
  const pom = fs.readFileSync(path.join(root, 'pom.xml'), 'utf8');
  const parentVersion = /<parent>[\s\S]*?<version>([^<]+)<\/version>/.exec(pom)[1];
  assert.equal(manifest.version, parentVersion.replace(/-SNAPSHOT$/, ''));
});

test('every contributed command has an implementation registered by the client', () => {
  const source = fs.readFileSync(path.join(root, 'client', 'extension.js'), 'utf8');
  for (const { command } of manifest.contributes.commands) {
    assert.ok(source.includes(`registerCommand('${command}'`), command);
  }
});

test('the snippets the issue asks for exist', () => {
  const snippets = JSON.parse(fs.readFileSync(path.join(root, 'snippets', 'ipsl.json'), 'utf8'));
  assert.deepEqual(Object.values(snippets).map((s) => s.prefix).sort(), ['host', 'ike', 'manual-sa', 'network', 'policy']);
});
