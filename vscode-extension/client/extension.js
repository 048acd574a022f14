// @ts-check
// The IPSL extension: starts the bundled language server (`java -jar server/ipsl.jar lsp`), shows
// its state in the status bar and its log in an output channel, and offers the IPSL commands.
'use strict';

const vscode = require('vscode');
const { LanguageClient, State, ExecuteCommandRequest } = require('vscode-languageclient/node');
const java = require('./java');
const commands = require('./commands');
const { ResultDocuments } = require('./results');
const trust = require('./trust');

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.OutputChannel} */
let log;
/** @type {vscode.StatusBarItem} */
let statusItem;
/** The start in progress or done, so that a command given during start-up waits for it. */
let started = Promise.resolve();
const results = new ResultDocuments();

/** @param {vscode.ExtensionContext} context */
async function activate(context) {
  log = vscode.window.createOutputChannel('IPSL Language Server');
  statusItem = vscode.window.createStatusBarItem('ipsl.server', vscode.StatusBarAlignment.Left, 0);
  statusItem.name = 'IPSL language server';
  statusItem.command = 'ipsl.command.showLog';
  context.subscriptions.push(log, statusItem, results.register(),
    vscode.commands.registerCommand('ipsl.command.showLog', () => log.show(true)),
    vscode.commands.registerCommand('ipsl.command.restartServer', () => { started = restart(context); return started; }),
    vscode.commands.registerCommand('ipsl.command.generate', generate),
    vscode.commands.registerCommand('ipsl.command.showPeerSessions', showPeerSessions),
    vscode.commands.registerCommand('ipsl.command.tracePacket', tracePacket),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('ipsl.java') || event.affectsConfiguration('ipsl.allowOutside')) {
        started = restart(context);
      }
    }),
    // A server started in Restricted Mode checks syntax only: trusting the workspace restarts it whole.
    vscode.workspace.onDidGrantWorkspaceTrust(() => { started = restart(context); }));
  started = start(context);
  await started;
}

function deactivate() {
  return client ? client.stop() : undefined;
}

/**
 * @param {string} icon a codicon name
 * @param {string} text
 * @param {string} tooltip
 */
function showStatus(icon, text, tooltip) {
  statusItem.text = `$(${icon}) ${text}`;
  statusItem.tooltip = `${tooltip}\nClick to show the server log.`;
  statusItem.show();
}

/** @param {vscode.ExtensionContext} context */
async function start(context) {
  const settings = vscode.workspace.getConfiguration('ipsl');
  const { executable, source } = java.chooseJava(settings.get('java.home', ''), process.env, process.platform);
  showStatus('loading~spin', 'IPSL', 'Checking the Java runtime…');
  const probe = await java.probeJava(executable);
  log.appendLine(`[ipsl] Java from ${source}: ${probe.detail}`);
  if (probe.status !== 'ok') {
    showStatus('error', 'IPSL: no Java 17', probe.detail);
    reportJavaProblem(probe, source);
    return;
  }
  let args;
  try {
    args = java.serverArguments(settings.get('java.opts', ''), context.asAbsolutePath('server/ipsl.jar'));
  } catch (error) {
    showStatus('error', 'IPSL', String(error));
    vscode.window.showErrorMessage(`IPSL: ${error instanceof Error ? error.message : error}`);
    return;
  }
  log.appendLine(`[ipsl] starting: ${executable} ${args.join(' ')}`);
  client = new LanguageClient('ipsl', 'IPSL Language Server',
    { command: executable, args },
    {
      documentSelector: [{ scheme: 'file', language: 'ipsl' }],
      initializationOptions: trust.initializationOptions(vscode.workspace.isTrusted, settings.get('allowOutside', [])),
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.ipsl') },
      outputChannel: log,
      middleware: {
        // VS Code shows a diagnostic's code (Problems panel, hover) only next to a source.
        handleDiagnostics(uri, diagnostics, next) {
          next(uri, diagnostics.map((diagnostic) => {
            if (!diagnostic.source) diagnostic.source = 'ipsl';
            return diagnostic;
          }));
        },
      },
    });
  client.onDidChangeState((event) => {
    if (event.newState === State.Running) showStatus('check', 'IPSL', `Language server running (${probe.detail})`);
    else if (event.newState === State.Starting) showStatus('loading~spin', 'IPSL', 'Language server starting…');
    else showStatus('circle-slash', 'IPSL: stopped', 'Language server stopped; run "IPSL: Restart the language server".');
  });
  try {
    await client.start();
  } catch (error) {
    showStatus('error', 'IPSL', `The language server did not start: ${error}`);
    vscode.window.showErrorMessage(`IPSL: the language server did not start: ${error instanceof Error ? error.message : error}`,
      'Show Log').then((choice) => { if (choice) log.show(true); });
  }
}

/** @param {vscode.ExtensionContext} context */
async function restart(context) {
  await started; // `started` is still the previous start here: never run two starts at once
  if (client) {
    const stopping = client;
    client = undefined;
    await stopping.stop().catch((error) => log.appendLine(`[ipsl] stopping the server: ${error}`));
  }
  await start(context);
}

/**
 * @param {{ status: string, major?: number, detail: string }} probe
 * @param {string} source
 */
function reportJavaProblem(probe, source) {
  const why = probe.status === 'missing' ? `no Java runtime was found (${probe.detail}, chosen from ${source})`
    : probe.status === 'too-old' ? `${probe.detail}, chosen from ${source}`
      : `${probe.detail} (chosen from ${source})`;
  const message = `IPSL needs Java ${java.MINIMUM_JAVA} or newer to run its language server, but ${why}. `
    + `Install a Java ${java.MINIMUM_JAVA}+ runtime (Debian/Ubuntu: apt install openjdk-17-jre-headless) `
    + 'or set "ipsl.java.home" to the folder of one, then reload the window.';
  vscode.window.showErrorMessage(message, 'Open Settings', 'Show Log').then((choice) => {
    if (choice === 'Open Settings') vscode.commands.executeCommand('workbench.action.openSettings', 'ipsl.java');
    else if (choice === 'Show Log') log.show(true);
  });
}

/**
 * Sends one `workspace/executeCommand` and returns its answer, or undefined after telling the user
 * why there is none.
 * @param {string} title
 * @param {string} serverCommand
 * @param {unknown[]} args
 */
async function executeOnServer(title, serverCommand, args) {
  await started;
  if (!client || !client.isRunning()) {
    vscode.window.showErrorMessage(`IPSL: ${title} failed: the language server is not running (see "IPSL: Show the language server log").`);
    return undefined;
  }
  try {
    const result = await client.sendRequest(ExecuteCommandRequest.type, { command: serverCommand, arguments: args });
    if (result === null || result === undefined) {
      vscode.window.showErrorMessage(commands.failureMessage(title, serverCommand, undefined));
      return undefined;
    }
    return result;
  } catch (error) {
    log.appendLine(`[ipsl] ${serverCommand} failed: ${error instanceof Error ? error.message : error}`);
    vscode.window.showErrorMessage(commands.failureMessage(title, serverCommand, error));
    return undefined;
  }
}

async function generate() {
  const title = 'Generate configurations';
  const picked = await vscode.window.showQuickPick(
    commands.GENERATE_TARGETS.map((target) => ({ ...target, picked: true })),
    { canPickMany: true, title: 'IPSL: Generate configurations — targets' });
  if (!picked || picked.length === 0) return;
  const outputFolder = await chooseOutputFolder();
  if (!outputFolder) return;
  const answer = await executeOnServer(title, commands.SERVER_COMMANDS.generate,
    [commands.generateArguments(picked.map((target) => target.id), outputFolder)]);
  if (answer !== undefined) await results.show('IPSL generate.txt', commands.renderGenerated(answer));
}

/** `generated` in the workspace folder, or a folder the user chooses; undefined when cancelled. */
async function chooseOutputFolder() {
  const choice = await vscode.window.showQuickPick([
    { label: `${commands.DEFAULT_OUTPUT_FOLDER}/`, description: 'in the workspace folder', folder: commands.DEFAULT_OUTPUT_FOLDER },
    { label: 'Choose a folder…', folder: undefined },
  ], { title: 'IPSL: Generate configurations — output folder' });
  if (!choice) return undefined;
  if (choice.folder) return choice.folder;
  const folders = await vscode.window.showOpenDialog({
    canSelectFolders: true, canSelectFiles: false, canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri, openLabel: 'Generate here', title: 'IPSL: output folder' });
  return folders && folders.length > 0 ? folders[0].fsPath : undefined;
}

async function showPeerSessions() {
  const rows = await executeOnServer('Show peer sessions', commands.SERVER_COMMANDS.peers, []);
  if (rows !== undefined) await results.show('IPSL peer sessions.txt', commands.renderSessions(rows));
}

async function tracePacket() {
  const title = 'Trace a packet';
  /** @type {{ name: string, addresses: string[], file: string }[] | undefined} */
  const hosts = await executeOnServer(title, commands.SERVER_COMMANDS.hosts, []);
  if (hosts === undefined) return;
  if (hosts.length < 2) {
    vscode.window.showErrorMessage(`IPSL: ${title} failed: a trace needs two hosts, and the saved files of the workspace declare ${hosts.length}.`);
    return;
  }
  const item = (/** @type {typeof hosts[number]} */ host) => ({ label: host.name, description: host.addresses.join(', '),
    detail: vscode.workspace.asRelativePath(host.file), host });
  const from = await vscode.window.showQuickPick(hosts.map(item), { title: 'IPSL: Trace a packet — from host' });
  if (!from) return;
  const to = await vscode.window.showQuickPick(hosts.filter((h) => h !== from.host).map(item),
    { title: `IPSL: Trace a packet — from ${from.label} to host` });
  if (!to) return;
  const packet = await vscode.window.showInputBox({
    title: `IPSL: Trace a packet — from ${from.label} to ${to.label}`,
    prompt: `The packet ${from.label} sends: PROTOCOL SOURCE[:PORT] -> DESTINATION[:PORT]`,
    value: commands.suggestedPacket(from.host, to.host),
    validateInput: commands.packetProblem });
  if (!packet) return;
  const answer = await executeOnServer(title, commands.SERVER_COMMANDS.trace,
    [commands.traceArguments(from.label, to.label, packet)]);
  if (answer !== undefined) await results.show(`IPSL trace ${from.label} to ${to.label}.txt`, commands.renderTrace(answer));
}

module.exports = { activate, deactivate };
