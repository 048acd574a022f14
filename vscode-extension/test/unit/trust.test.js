'use strict';
// Workspace trust: the manifest declares limited support, and the server is told to restrict itself.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const path = require('path');
const { initializationOptions } = require('../../client/trust');

const root = path.join(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

test('the manifest supports untrusted workspaces in a limited way and ignores their Java settings', () => {
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  assert.equal(untrusted.supported, 'limited');
  assert.match(untrusted.description, /Restricted Mode/);
  assert.deepEqual([...untrusted.restrictedConfigurations].sort(), ['ipsl.java.home', 'ipsl.java.opts']);
  assert.equal(manifest.contributes.configuration.properties['ipsl.allowOutside'].scope, 'machine');
});

test('an untrusted workspace starts a restricted server that may read no folder beyond it', () => {
  assert.deepEqual(initializationOptions(false, ['/etc/ipsec']), { restricted: true, allowOutside: [] });
});

test('a trusted workspace passes the allowed folders, strings only', () => {
  assert.deepEqual(initializationOptions(true, ['/etc/ipsec', '', 3, '/srv/certs']),
    { restricted: false, allowOutside: ['/etc/ipsec', '/srv/certs'] });
  assert.deepEqual(initializationOptions(true, undefined), { restricted: false, allowOutside: [] });
});
