// Drives real VS Code (code-server, already started by run.sh with the .vsix installed) in Debian
// Chromium and checks what a user sees: the grammar colours keywords, the Problems panel lists the
// diagnostics of `ipsl check`, a hover shows on a host name, the quick fix of a weak key removes its
// diagnostic, each IPSL command shows its result in a read-only document (an error notification or
// an empty result is a failure), and a missing Java gets a notification. Writes SHOWN diagnostics
// ("FILE:LINE:CODE") for compare-diagnostics.js and screenshots into the output folder; vscode.png
// is the README's screenshot (hq.ipsl, its diagnostics and a hover).
//
// Environment: IPSL_E2E_URL (code-server), IPSL_WORKSPACE, IPSL_EXPECTED (ipsl check JSON),
// IPSL_GENERATE_WORKSPACE (a workspace without errors, for Generate), IPSL_OUT (folder for results
// and screenshots), PUPPETEER_CORE (path of the puppeteer-core package).
// IPSL_E2E_ONLY: see check(). Prints one "PASS name" / "FAIL name: why" line per check; exit status 1 when any failed.
'use strict';
const fs = require('fs');
const path = require('path');
const puppeteer = require(process.env.PUPPETEER_CORE || 'puppeteer-core');

const url = process.env.IPSL_E2E_URL;
const workspace = process.env.IPSL_WORKSPACE;
const generateWorkspace = process.env.IPSL_GENERATE_WORKSPACE;
const out = process.env.IPSL_OUT;
// The Problems panel lists errors, warnings and infos; VS Code shows hints only in the editor.
const expected = JSON.parse(fs.readFileSync(process.env.IPSL_EXPECTED, 'utf8')).filter((d) => d.severity !== 'hint');
const results = [];

function record(name, ok, why, seconds) {
  results.push({ name, ok });
  const took = seconds === undefined ? '' : ` (${seconds} s)`;
  console.log(ok ? `PASS ${name}${took}` : `FAIL ${name}${took}: ${why}`);
}

// IPSL_E2E_ONLY (a regular expression) runs only the matching checks, for debugging one of them.
const only = process.env.IPSL_E2E_ONLY ? new RegExp(process.env.IPSL_E2E_ONLY) : undefined;

async function check(name, body) {
  if (only && !only.test(name)) return;
  const start = Date.now();
  const seconds = () => Math.round((Date.now() - start) / 100) / 10;
  try {
    const why = await body();
    record(name, !why, why, seconds());
  } catch (error) {
    record(name, false, error && error.stack ? error.stack.split('\n').slice(0, 3).join(' | ') : String(error), seconds());
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls fn until it returns a truthy value or the time is up; returns the last value. */
async function poll(fn, timeoutMs, intervalMs = 250) {
  const deadline = Date.now() + timeoutMs;
  let value;
  while (Date.now() < deadline) {
    value = await fn();
    if (value) return value;
    await sleep(intervalMs);
  }
  return value;
}

async function quickInput(page, keys, text) {
  await page.keyboard.press('Escape');
  for (const key of keys) await page.keyboard.down(key);
  for (const key of [...keys].reverse()) await page.keyboard.up(key);
  await page.waitForSelector('.quick-input-widget:not([style*="display: none"]) input', { visible: true, timeout: 10000 });
  await page.keyboard.type(text, { delay: 10 });
}

/** Waits until the open quick pick offers a row containing TEXT. */
async function waitForQuickPick(page, text) {
  const found = await poll(() => page.evaluate((t) => [...document.querySelectorAll('.quick-input-widget .monaco-list-row, .quick-input-widget input')]
    .some((e) => (e.value || e.textContent).includes(t)), text), 10000);
  if (!found) throw new Error(`the quick pick does not offer "${text}"`);
}

/** Runs a command from the command palette by its title; waits for the row to be offered. */
async function runCommand(page, title) {
  await quickInput(page, ['F1'], title);
  const found = await poll(() => page.evaluate((t) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')]
    .some((row) => row.textContent.includes(t)), title), 10000);
  if (!found) throw new Error(`the command palette does not offer "${title}"`);
  await page.keyboard.press('Enter');
}

async function openFile(page, name) {
  await quickInput(page, ['Control', 'P'], name);
  // The file index is built in the background: wait until Quick Open lists the file.
  const found = await poll(() => page.evaluate((n) => [...document.querySelectorAll('.quick-input-list .monaco-list-row')]
    .some((row) => row.textContent.includes(n)), name), 20000);
  if (!found) throw new Error(`Quick Open does not find ${name}`);
  await page.keyboard.press('Enter');
  await poll(() => page.evaluate((n) => {
    const tab = document.querySelector('.tabs-container .tab.active');
    return tab && tab.textContent.includes(n) && document.querySelectorAll('.monaco-editor .view-line').length > 0;
  }, name), 10000);
}

/** The editor's visible tokens: text, class and computed colour. */
function editorTokens(page) {
  return page.evaluate(() => [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line > span > span')]
    .map((span) => ({ text: span.textContent.replace(/\u00a0/g, ' '), className: span.className, color: getComputedStyle(span).color })));
}

/** The rows of the Problems table (problems.defaultViewMode = table) as "FILE:LINE:CODE". */
async function problemRows(page) {
  const rows = await page.evaluate(() => [...document.querySelectorAll('.markers-panel .monaco-table-tr')].map((row) => {
    const cell = (name) => { const c = row.querySelector(`.${name}`); return c ? c.textContent.trim() : ''; };
    return { code: cell('code'), file: cell('file') };
  }));
  return rows.map((r) => {
    // The file cell reads "hq.ipsl [Ln 7, Col 19]",
    const line = /Ln (\d+)/.exec(r.file);
    // and the code cell "ipsl(CODE)".
    const code = /^ipsl\(?(.*?)\)?$/.exec(r.code);
    return `${r.file.replace(/\[.*$/, '').trim()}:${line ? line[1] : '?'}:${code ? code[1] : r.code}`;
  });
}

/**
 * Polls the (maximised) Problems table until it shows exactly the diagnostics WANTED (ipsl check's
 * JSON objects) or the time is up; returns the differences, empty when it settled on them.
 */
async function awaitProblems(page, wanted, timeoutMs) {
  const { expectedKeys, shownKeys, compare } = require('./compare-diagnostics');
  const wantedKeys = expectedKeys(JSON.stringify(wanted));
  let shown = [];
  let differences = {};
  await poll(async () => {
    shown = await problemRows(page);
    differences = compare(wantedKeys, shownKeys(shown.join('\n')));
    return differences.missing.length + differences.unexpected.length === 0;
  }, timeoutMs, 500);
  return { shown, ...differences };
}

async function pressWith(page, modifiers, key) {
  for (const m of modifiers) await page.keyboard.down(m);
  await page.keyboard.press(key);
  for (const m of [...modifiers].reverse()) await page.keyboard.up(m);
}

/**
 * Moves the mouse onto WORD in the visible line whose text is LINE_TEXT and waits for a hover.
 * Returns { text } for a hover from the language server, { problem: true } when only a diagnostic's
 * hover showed, {} when none did, or { error } when the word is not on screen.
 */
async function hoverOn(page, lineText, word) {
  await page.mouse.move(5, 500);
  await page.keyboard.press('Escape');
  const point = await page.evaluate((wanted, w) => {
    // Monaco renders spaces as no-break spaces and may merge a space into the next token.
    const normal = (t) => t.replace(/\u00a0/g, ' ').trim().replace(/\s+/g, ' ');
    const lines = [...document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')];
    const line = lines.find((l) => normal(l.textContent) === wanted);
    const span = line && [...line.querySelectorAll('span > span')].find((s) => normal(s.textContent) === w);
    if (!span) return undefined;
    const start = span.textContent.lastIndexOf(w);
    const range = document.createRange();
    range.setStart(span.firstChild, start);
    range.setEnd(span.firstChild, start + w.length);
    const r = range.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, lineText, word);
  if (!point) return { error: `no line "${lineText}" on screen` };
  await page.mouse.move(point.x, point.y + 30);
  await page.mouse.move(point.x, point.y, { steps: 5 });
  const seen = await poll(() => page.evaluate(() => {
    const visible = [...document.querySelectorAll('.monaco-hover .hover-contents')].filter((p) => p.offsetParent !== null);
    const fromServer = visible.filter((p) => !p.classList.contains('marker')).map((p) => p.textContent.trim()).filter(Boolean);
    if (fromServer.length) return { text: fromServer.join(' | ') };
    return undefined;
  }), 8000);
  if (seen) return seen;
  const problem = await page.evaluate(() => [...document.querySelectorAll('.monaco-hover .hover-contents.marker')]
    .some((p) => p.offsetParent !== null));
  return problem ? { problem: true } : {};
}

/**
 * Types VALUE into the "ipsl.java.home" field of the Settings editor, as a user would. The setting is
 * machine-overridable, so in code-server it lives on the "Remote" tab (the machine running Java).
 */
async function setJavaHome(page, value) {
  await runCommand(page, 'Preferences: Open User Settings');
  await page.waitForSelector('.settings-editor .settings-tabs-widget', { visible: true, timeout: 15000 });
  const tab = await poll(async () => {
    for (const label of await page.$$('.settings-editor .settings-tabs-widget .action-label')) {
      if ((await label.evaluate((e) => e.textContent)).startsWith('Remote')) return label;
    }
    return undefined;
  }, 10000);
  if (!tab) throw new Error('the Settings editor has no Remote tab');
  await tab.click();
  await page.click('.settings-editor .search-container');
  await page.keyboard.down('Control'); await page.keyboard.press('A'); await page.keyboard.up('Control');
  await page.keyboard.type('ipsl.java.home', { delay: 5 });
  // The list renders asynchronously: wait until the only row left is Ipsl › Java: Home.
  const field = await poll(async () => {
    const handle = await page.evaluateHandle(() => {
      const rows = [...document.querySelectorAll('.settings-editor .setting-item-contents')].filter((r) => r.offsetParent !== null);
      const row = rows.length === 1 && /Java:\s*Home/.test(rows[0].querySelector('.setting-item-title')?.textContent || '') ? rows[0] : undefined;
      return row ? row.querySelector('.setting-item-control input') : undefined;
    });
    return handle.asElement() || undefined;
  }, 15000);
  if (!field) throw new Error('the Settings editor does not show ipsl.java.home');
  await field.click({ clickCount: 3 });
  await page.keyboard.press('Backspace');
  if (value) await page.keyboard.type(value, { delay: 5 });
  await page.keyboard.press('Enter');
  await sleep(1000); // the Settings editor writes the value after a short debounce
}

/** The messages of the notification toasts on screen. */
function notifications(page) {
  return page.evaluate(() => [...document.querySelectorAll('.notifications-toasts .notification-list-item-message')]
    .map((m) => m.textContent));
}

/** The messages of the error notifications on screen (VS Code gives them the error icon). */
function errorNotifications(page) {
  return page.evaluate(() => [...document.querySelectorAll('.notifications-toasts .notification-list-item')]
    .filter((item) => item.querySelector('.notification-list-item-icon.codicon-error'))
    .map((item) => item.querySelector('.notification-list-item-message')?.textContent || ''));
}

/** The text of the active editor when its tab is NAME, else undefined. */
function activeEditorText(page, name) {
  return page.evaluate((n) => {
    const group = document.querySelector('.editor-group-container.active');
    const tab = group && group.querySelector('.tabs-container .tab.active');
    if (!tab || !tab.textContent.includes(n)) return undefined;
    const lines = [...group.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line')]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    return { text: lines.map((l) => l.textContent.replace(/\u00a0/g, ' ')).join('\n'), dirty: tab.classList.contains('dirty') };
  }, name);
}

/**
 * Runs the IPSL command TITLE, answers its prompts with ANSWER, and waits for its result document
 * NAME. Returns why it failed (an error notification, no document, a document that is not
 * read-only, or a text WANTED rejects: it returns what is wrong), or undefined.
 */
async function commandShows(page, title, answer, name, wanted) {
  await runCommand(page, 'Notifications: Clear All Notifications');
  await runCommand(page, title);
  await answer();
  let problem = 'no result document within 60 s';
  const shown = await poll(async () => {
    const errors = await errorNotifications(page);
    if (errors.length) return { error: `error notification: ${errors.join(' | ')}` };
    const editor = await activeEditorText(page, name);
    if (!editor) return undefined;
    problem = wanted(editor.text);
    return problem ? undefined : editor;
  }, 60000, 500);
  if (!shown) return `"${name}" ${problem}`;
  if (shown.error) return shown.error;
  console.log(`     ${title}: ${shown.text.split('\n')[0].slice(0, 160)}`);
  fs.writeFileSync(path.join(out, name), `${shown.text}\n`);
  // Read-only: typing changes nothing and leaves nothing to save.
  await page.click('.editor-group-container.active .editor-instance .monaco-editor .view-lines');
  await page.keyboard.type('x');
  await sleep(500);
  const after = await activeEditorText(page, name);
  if (!after || after.dirty || after.text !== shown.text) return `"${name}" can be edited: it is not read-only`;
  return undefined;
}

async function main() {
  fs.mkdirSync(out, { recursive: true });
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--window-size=1600,1000'],
    defaultViewport: { width: 1600, height: 1000 },
  });
  const page = await browser.newPage();
  const began = Date.now();
  try {
    await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded', timeout: 60000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
    await page.waitForSelector('.statusbar', { timeout: 30000 });
    await openFile(page, 'hq.ipsl');
    console.log(`     workbench up and hq.ipsl open after ${Math.round((Date.now() - began) / 1000)} s`);

    await check('the IPSL status bar item shows the server running', async () => {
      const state = await poll(() => page.evaluate(() => {
        const item = [...document.querySelectorAll('.statusbar-item')].find((i) => /IPSL/.test(i.textContent));
        return item && item.querySelector('.codicon-check') ? item.textContent.trim() : undefined;
      }), 90000, 500);
      return state ? undefined : 'no IPSL status item with the running (check) icon within 90 s';
    });

    await check('keywords, names, algorithms, addresses and comments are coloured by the grammar', async () => {
      const tokens = await poll(async () => {
        const t = await editorTokens(page);
        return t.some((x) => x.text === 'host') ? t : undefined;
      }, 15000);
      if (!tokens) return 'the editor shows no "host" token';
      const plain = tokens.find((t) => t.className === 'mtk1');
      const defaultColor = plain ? plain.color : undefined;
      const colorOf = (text) => (tokens.find((t) => t.text.trim() === text) || {}).color;
      const wanted = { host: 'host', policy: 'policy', priority: 'priority', 'aes128-sha1-modp2048': 'aes128-sha1-modp2048',
        '10.0.0.1': '10.0.0.1', comment: tokens.find((t) => t.text.startsWith('// Headquarters'))?.text.trim() };
      const colors = {};
      for (const [name, text] of Object.entries(wanted)) {
        colors[name] = text && colorOf(text);
        if (!colors[name]) return `no token "${text || name}" on screen`;
        if (colors[name] === defaultColor) return `"${name}" has the default text colour ${defaultColor}`;
      }
      if (colors.host === colors.comment) return 'keywords and comments have the same colour';
      fs.writeFileSync(path.join(out, 'token-colours.json'), `${JSON.stringify(colors, null, 2)}\n`);
      return undefined;
    });

    // The Problems panel, maximised so that every row of the (virtualised) table is rendered.
    await pressWith(page, ['Control', 'Shift'], 'M');
    await page.waitForSelector('.markers-panel', { visible: true, timeout: 10000 });
    await runCommand(page, 'View: Toggle Maximized Panel');
    await check('the Problems panel lists the diagnostics of ipsl check (code and line)', async () => {
      // Settled: at least as many rows as ipsl check has, unchanged for 3 s.
      let previous = '';
      let stableSince = Date.now();
      const rows = await poll(async () => {
        const current = await problemRows(page);
        const key = JSON.stringify(current);
        if (key !== previous) { previous = key; stableSince = Date.now(); }
        return current.length >= expected.length && Date.now() - stableSince >= 3000 ? current : undefined;
      }, 90000, 500);
      const shown = rows || await problemRows(page);
      fs.writeFileSync(path.join(out, 'vscode-diagnostics.txt'), shown.map((s) => `${s}\n`).join(''));
      const { expectedKeys, shownKeys, compare } = require('./compare-diagnostics');
      const { missing, unexpected } = compare(expectedKeys(JSON.stringify(expected)), shownKeys(shown.join('\n')));
      if (missing.length || unexpected.length) return `missing [${missing.join(', ')}] unexpected [${unexpected.join(', ')}]`;
      return undefined;
    });
    await page.screenshot({ path: path.join(out, 'problems.png') });
    await runCommand(page, 'View: Toggle Maximized Panel');

    await check('a hover shows on a host name or an algorithm name', async () => {
      const problemHovers = [];
      for (const [lineText, word] of [['remote b1', 'b1'], ['proposals aes256-sha256-modp2048', 'aes256-sha256-modp2048']]) {
        const hover = await hoverOn(page, lineText, word);
        if (hover.error) return hover.error;
        if (hover.text) {
          fs.writeFileSync(path.join(out, 'hover.txt'), `${word}: ${hover.text}\n`);
          // The README's screenshot: hq.ipsl with its diagnostics, the Problems panel and the hover
          // (once the hover's "Checking for quick fixes…" has settled).
          await sleep(1500);
          await page.screenshot({ path: path.join(out, 'vscode.png') });
          return undefined;
        }
        if (hover.problem) problemHovers.push(word);
      }
      return 'the server gave no hover on "b1" nor on "aes256-sha256-modp2048"'
        + (problemHovers.length ? ` (the problem hover did show on ${problemHovers.join(', ')}, so the mouse reached it)` : '');
    });
    await page.mouse.move(5, 500);

    await check('the quick fix of a weak key changes the key and removes its diagnostic from the Problems panel', async () => {
      // run.sh planted this file with one diagnostic, weak-key, which has a quick fix.
      const file = 'weak-key.ipsl';
      const inFile = expected.filter((d) => d.file.replace(/^\.\//, '') === file);
      if (inFile.length !== 1 || inFile[0].code !== 'weak-key') {
        return `ipsl check should report just weak-key in ${file}, not [${inFile.map((d) => d.code).join(', ')}]`;
      }
      const target = inFile[0];
      const before = fs.readFileSync(path.join(workspace, file), 'utf8');
      await openFile(page, file);
      // The cursor into the key (Go to Line/Column), then Ctrl+. for the quick fixes offered there.
      await quickInput(page, ['Control', 'G'], `${target.line}:${target.column + 1}`);
      await page.keyboard.press('Enter');
      await pressWith(page, ['Control'], 'Period');
      const title = 'Replace with a fresh random des key';
      const row = await poll(async () => {
        for (const r of await page.$$('.action-widget .monaco-list-row')) {
          if ((await r.evaluate((e) => e.textContent)).includes(title)) return r;
        }
        return undefined;
      }, 15000);
      if (!row) {
        const offered = await page.evaluate(() => [...document.querySelectorAll('.action-widget .monaco-list-row')].map((r) => r.textContent));
        return `Ctrl+. does not offer "${title}" (offered: [${offered.join(', ')}])`;
      }
      await page.screenshot({ path: path.join(out, 'quickfix.png') });
      await row.click();
      await pressWith(page, ['Control'], 'S');
      const after = await poll(() => {
        const text = fs.readFileSync(path.join(workspace, file), 'utf8');
        return text !== before ? text : undefined;
      }, 10000);
      if (!after) return `${file} is unchanged on disk after the quick fix and Ctrl+S`;
      // Only the key may change; the texts hold keys, so the messages name lines only.
      const [oldLines, newLines] = [before.split('\n'), after.split('\n')];
      const changed = [...newLines.keys()].filter((i) => newLines[i] !== oldLines[i]);
      const keyLine = target.line - 1;
      if (newLines.length !== oldLines.length || changed.join() !== String(keyLine)) {
        return `the quick fix changed lines [${changed.map((i) => i + 1).join(', ')}] of ${file}, not just line ${target.line}`;
      }
      const [oldLine, newLine] = [oldLines[keyLine], newLines[keyLine]];
      const [prefix, suffix] = [oldLine.slice(0, target.column - 1), oldLine.slice(target.endColumn - 1)];
      const newKey = newLine.slice(prefix.length, newLine.length - suffix.length);
      const desKey = /^0x[0-9a-f]{16}$/i;
      if (!newLine.startsWith(prefix) || !newLine.endsWith(suffix) || !desKey.test(newKey)) {
        return `line ${target.line} of ${file} changed elsewhere than in the weak key, or the new key is not 8 bytes of hex`;
      }
      await runCommand(page, 'View: Toggle Maximized Panel');
      const { shown, missing, unexpected } = await awaitProblems(page, expected.filter((d) => d !== target), 30000);
      await runCommand(page, 'View: Toggle Maximized Panel');
      fs.writeFileSync(path.join(out, 'vscode-diagnostics-fixed.txt'), shown.map((s) => `${s}\n`).join(''));
      if (missing.length || unexpected.length) {
        return `after the fix the Problems panel misses [${missing.join(', ')}] and has unexpected [${unexpected.join(', ')}]`;
      }
      return undefined;
    });

    await check('"IPSL: Show peer sessions" shows the session table, read-only', () => commandShows(page,
      'IPSL: Show peer sessions', async () => {}, 'IPSL peer sessions.txt', (text) => {
        const lines = text.split('\n');
        if (!/^initiator\s+responder\s+outcome/.test(lines[0])) return `does not start with the table's header: ${lines[0]}`;
        return lines.some((l) => /^hq\s+b1\s+IKE_PHASE1_FAILED/.test(l)) ? undefined : 'has no row hq -> b1 IKE_PHASE1_FAILED';
      }));
    await page.keyboard.press('Escape');

    const packet = 'tcp 10.0.0.1:40000 -> 10.0.3.1:443';
    await check('"IPSL: Trace a packet…" asks for the hosts and the packet and shows the trace, read-only', () => commandShows(page,
      'IPSL: Trace a packet…', async () => {
        for (const host of ['hq', 'b3']) {
          await waitForQuickPick(page, host);
          await page.keyboard.type(host, { delay: 10 });
          await page.keyboard.press('Enter');
        }
        await waitForQuickPick(page, '10.0.0.1:40000'); // the packet input, with a packet between the two hosts
        await pressWith(page, ['Control'], 'A');
        await page.keyboard.type(packet, { delay: 5 });
        await page.keyboard.press('Enter');
      }, 'IPSL trace hq to b3.txt', (text) => {
        if (!text.includes(`packet: ${packet} (hq -> b3)`)) return `does not trace ${packet} from hq to b3`;
        return /^verdict: /m.test(text) ? undefined : 'has no verdict';
      }));
    await page.keyboard.press('Escape');
    await page.screenshot({ path: path.join(out, 'trace.png') });

    // Generate needs a workspace without errors: the peers example has disagreements by design.
    await page.goto(`${url}/?folder=${encodeURIComponent(generateWorkspace)}`, { waitUntil: 'domcontentloaded', timeout: 60000 });
    await page.waitForSelector('.statusbar', { timeout: 60000 });
    await openFile(page, 'alpha.ipsl');
    await check('"IPSL: Generate configurations…" writes into generated/ and names it, read-only', () => commandShows(page,
      'IPSL: Generate configurations…', async () => {
        await waitForQuickPick(page, 'HP-UX');
        await page.keyboard.press('Enter'); // all targets are picked by default
        await waitForQuickPick(page, 'generated/');
        await page.keyboard.press('Enter');
      }, 'IPSL generate.txt', (text) => {
        if (!text.startsWith('IPSL: 10 files written to generated')) return `does not say 10 files written to generated: ${text.split('\n')[0]}`;
        const file = path.join(generateWorkspace, 'generated', 'alpha', 'ipsec_config.batch');
        return fs.existsSync(file) ? undefined : `${file} does not exist`;
      }));
    await page.keyboard.press('Escape');

    await check('a missing Java runtime is reported with what to do', async () => {
      await setJavaHome(page, '/nonexistent/jdk');
      const toast = await poll(async () => (await notifications(page)).find((t) => t.includes('IPSL needs Java 17')), 30000);
      await page.screenshot({ path: path.join(out, 'java-missing.png') });
      await setJavaHome(page, '');
      if (!toast) return 'no "IPSL needs Java 17" notification within 30 s of setting ipsl.java.home to a missing folder';
      if (!/ipsl\.java\.home/.test(toast)) return `the notification does not say what to do: ${toast}`;
      return undefined;
    });
  } catch (error) {
    record('the workbench can be driven', false, error.stack);
    await page.screenshot({ path: path.join(out, 'failure.png') }).catch(() => {});
  } finally {
    await browser.close();
  }
  process.exit(results.every((r) => r.ok) ? 0 : 1);
}

main();
