// @ts-check
// Finding and checking the Java runtime that runs the language server. No `vscode` import here,
// so node's test runner can exercise all of it.
'use strict';

const { execFile } = require('child_process');
const path = require('path');

const MINIMUM_JAVA = 17;

/**
 * The Java executable to use and where that choice came from.
 * @param {string} javaHomeSetting value of `ipsl.java.home` ('' when unset)
 * @param {NodeJS.ProcessEnv} env
 * @param {NodeJS.Platform} platform
 * @returns {{ executable: string, source: string }}
 */
function chooseJava(javaHomeSetting, env, platform) {
  const binary = platform === 'win32' ? 'java.exe' : 'java';
  const home = (javaHomeSetting || '').trim();
  if (home) return { executable: path.join(home, 'bin', binary), source: 'the setting ipsl.java.home' };
  if (env.JAVA_HOME) return { executable: path.join(env.JAVA_HOME, 'bin', binary), source: 'JAVA_HOME' };
  return { executable: binary, source: 'the PATH' };
}

/**
 * The major version in the output of `java -version`, or undefined when there is none.
 * Handles `1.8.0_392` (major 8), `17.0.15`, `21`, `17-ea` and `22-ea+27`.
 * @param {string} output
 * @returns {number | undefined}
 */
function parseJavaMajorVersion(output) {
  const match = /version "(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] !== undefined ? Number(match[2]) : first;
}

/**
 * Splits the `ipsl.java.opts` setting into JVM arguments: separated by white space, and a double
 * quoted part may hold spaces (`-Dname="a b"` gives `-Dname=a b`).
 * @param {string} options
 * @returns {string[]}
 */
function splitJvmOptions(options) {
  const result = [];
  let current = '';
  let inQuotes = false;
  let pending = false;
  for (const character of options || '') {
    if (character === '"') {
      inQuotes = !inQuotes;
      pending = true;
    } else if (!inQuotes && /\s/.test(character)) {
      if (pending) result.push(current);
      current = '';
      pending = false;
    } else {
      current += character;
      pending = true;
    }
  }
  if (inQuotes) throw new Error('ipsl.java.opts has an unclosed double quote');
  if (pending) result.push(current);
  return result;
}

/**
 * The garbage collector the server is started with unless `ipsl.java.opts` chooses one: on an
 * edit of a large file it spent less CPU and republished sooner than the default G1 (docs/latency.md).
 */
const SERVER_COLLECTOR = '-XX:+UseSerialGC';

/**
 * The arguments after `java` that start the bundled server.
 * @param {string} jvmOptions value of `ipsl.java.opts`
 * @param {string} jarPath
 */
function serverArguments(jvmOptions, jarPath) {
  const options = splitJvmOptions(jvmOptions);
  const collector = options.some((option) => /^-XX:\+Use\w*GC$/.test(option)) ? [] : [SERVER_COLLECTOR];
  return [...collector, ...options, '-jar', jarPath, 'lsp'];
}

/**
 * Runs `java -version` and judges it. Never rejects: a missing or unusable runtime is a result
 * the caller turns into a notification.
 * @param {string} executable
 * @param {number} [timeoutMs]
 * @returns {Promise<{ status: 'ok' | 'too-old' | 'missing' | 'unknown', major?: number, detail: string }>}
 */
function probeJava(executable, timeoutMs = 20000) {
  return new Promise((resolve) => {
    execFile(executable, ['-version'], { timeout: timeoutMs, windowsHide: true }, (error, stdout, stderr) => {
      const output = `${stderr}${stdout}`;
      if (error && (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT'
        || /** @type {NodeJS.ErrnoException} */ (error).code === 'EACCES')) {
        resolve({ status: 'missing', detail: `${executable} cannot be run (${/** @type {NodeJS.ErrnoException} */ (error).code})` });
        return;
      }
      const major = parseJavaMajorVersion(output);
      if (major === undefined) {
        const firstLine = output.split('\n')[0].trim() || (error ? error.message : 'no output');
        resolve({ status: 'unknown', detail: `${executable} -version did not report a version: ${firstLine}` });
      } else if (major < MINIMUM_JAVA) {
        resolve({ status: 'too-old', major, detail: `${executable} is Java ${major}` });
      } else {
        resolve({ status: 'ok', major, detail: `${executable} is Java ${major}` });
      }
    });
  });
}

module.exports = { MINIMUM_JAVA, chooseJava, parseJavaMajorVersion, splitJvmOptions, serverArguments, probeJava };
