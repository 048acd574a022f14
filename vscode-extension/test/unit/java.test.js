'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('fs');
const os = require('os');
const path = require('path');
const java = require('../../client/java');

test('the major version is read from the java -version output of every vendor style', () => {
  const cases = [
    ['openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime Environment (build 17.0.15+6-Debian-1deb12u1)', 17],
    ['java version "1.8.0_392"\nJava(TM) SE Runtime Environment', 8],
    ['openjdk version "11.0.22" 2024-01-16 LTS', 11],
    ['openjdk version "21" 2023-09-19', 21],
    ['openjdk version "17-ea" 2021-09-14', 17],
    ['openjdk version "22-ea+27-2262"', 22],
    ['Picked up JAVA_TOOL_OPTIONS: -Dx=1\nopenjdk version "25.0.1" 2025-10-21', 25],
  ];
  for (const [output, major] of cases) assert.equal(java.parseJavaMajorVersion(output), major, output);
});

test('output without a version gives no major version', () => {
  assert.equal(java.parseJavaMajorVersion(''), undefined);
  assert.equal(java.parseJavaMajorVersion('Error: could not find libjava.so'), undefined);
});

test('ipsl.java.home wins over JAVA_HOME, which wins over the PATH', () => {
  assert.deepEqual(java.chooseJava('/opt/jdk-21', { JAVA_HOME: '/usr/lib/jvm/x' }, 'linux'),
    { executable: path.join('/opt/jdk-21', 'bin', 'java'), source: 'the setting ipsl.java.home' });
  assert.deepEqual(java.chooseJava('  ', { JAVA_HOME: '/usr/lib/jvm/x' }, 'linux'),
    { executable: path.join('/usr/lib/jvm/x', 'bin', 'java'), source: 'JAVA_HOME' });
  assert.deepEqual(java.chooseJava('', {}, 'linux'), { executable: 'java', source: 'the PATH' });
  assert.equal(java.chooseJava('', {}, 'win32').executable, 'java.exe');
});

test('JVM options split on white space and keep double-quoted spaces', () => {
  assert.deepEqual(java.splitJvmOptions(''), []);
  assert.deepEqual(java.splitJvmOptions('  -Xmx512m   -Xss4m '), ['-Xmx512m', '-Xss4m']);
  assert.deepEqual(java.splitJvmOptions('-Dlog.dir="/var/log/my logs" -ea'), ['-Dlog.dir=/var/log/my logs', '-ea']);
  assert.deepEqual(java.splitJvmOptions('-Dempty=""'), ['-Dempty=']);
  assert.throws(() => java.splitJvmOptions('-Dx="open'), /unclosed double quote/);
});

test('the server is started as java [serial collector unless the options choose one] [options] -jar JAR lsp', () => {
  assert.deepEqual(java.serverArguments('-Xmx1g', '/ext/server/ipsl.jar'),
    ['-XX:+UseSerialGC', '-Xmx1g', '-jar', '/ext/server/ipsl.jar', 'lsp']);
  assert.deepEqual(java.serverArguments('', '/ext/server/ipsl.jar'), ['-XX:+UseSerialGC', '-jar', '/ext/server/ipsl.jar', 'lsp']);
  assert.deepEqual(java.serverArguments('-XX:+UseG1GC -Xmx1g', '/ext/server/ipsl.jar'),
    ['-XX:+UseG1GC', '-Xmx1g', '-jar', '/ext/server/ipsl.jar', 'lsp']);
});

/** A fake `java` that prints the given text on stderr, as the real one does for -version. */
function fakeJava(versionText) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipsl-java-'));
  const file = path.join(dir, 'java');
  fs.writeFileSync(file, `#!/bin/sh\ncat >&2 <<'END'\n${versionText}\nEND\n`, { mode: 0o755 });
  return file;
}

test('probing a Java 17 runtime accepts it', { skip: process.platform === 'win32' }, async () => {
  const result = await java.probeJava(fakeJava('openjdk version "17.0.15" 2025-04-15'));
  assert.equal(result.status, 'ok');
  assert.equal(result.major, 17);
});

test('probing a Java 11 runtime reports it as too old, with its version', { skip: process.platform === 'win32' }, async () => {
  const result = await java.probeJava(fakeJava('openjdk version "11.0.22" 2024-01-16'));
  assert.equal(result.status, 'too-old');
  assert.match(result.detail, /Java 11/);
});

test('probing a path without Java reports it missing', async () => {
  const result = await java.probeJava(path.join(os.tmpdir(), 'no-such-jdk', 'bin', 'java'));
  assert.equal(result.status, 'missing');
  assert.match(result.detail, /ENOENT/);
});

test('probing something that prints no version says so', { skip: process.platform === 'win32' }, async () => {
  const result = await java.probeJava(fakeJava('Error occurred during initialization of VM'));
  assert.equal(result.status, 'unknown');
  assert.match(result.detail, /Error occurred during initialization of VM/);
});

test('the machine\'s own java is found and judged', async () => {
  const result = await java.probeJava('java');
  assert.ok(['ok', 'too-old'].includes(result.status), result.detail);
  assert.ok(result.major >= 8);
});
