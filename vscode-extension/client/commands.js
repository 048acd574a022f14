// @ts-check
// What the three IPSL commands send to the server and how their answers are shown. No `vscode`
// import here, so node's test runner can exercise all of it.
'use strict';

/** The server's `workspace/executeCommand` names. */
const SERVER_COMMANDS = Object.freeze({
  generate: 'ipsl.generate',
  peers: 'ipsl.peers',
  hosts: 'ipsl.hosts',
  trace: 'ipsl.trace',
});

/** Where Generate writes unless the user chooses another folder: relative to the workspace folder. */
const DEFAULT_OUTPUT_FOLDER = 'generated';

/** The targets of `ipsl generate --target`, as the quick pick offers them. */
const GENERATE_TARGETS = Object.freeze([
  { id: 'hpux', label: 'HP-UX', detail: 'ipsec_config.batch (ipsec_config batch input)' },
  { id: 'strongswan', label: 'strongSwan', detail: 'swanctl.conf' },
  { id: 'xfrm', label: 'Linux', detail: 'xfrm.sh (ip xfrm commands)' },
  { id: 'runtime', label: 'IPSL runtime', detail: 'runtime.json' },
]);

/**
 * The single argument of `ipsl.generate`.
 * @param {string[]} targets ids from GENERATE_TARGETS
 * @param {string} outputFolder absolute, or relative to the workspace folder
 */
function generateArguments(targets, outputFolder) {
  if (targets.length === 0) throw new Error('no target chosen');
  return { targets: [...targets], outputFolder };
}

const PROTOCOL = '(?:tcp|udp|icmp|icmpv6|any|\\d{1,3})';
const IPV4_END = '\\d{1,3}(?:\\.\\d{1,3}){3}(?::\\d{1,5})?';
const IPV6_END = '\\[[0-9A-Fa-f:.]+\\](?::\\d{1,5})?|[0-9A-Fa-f]*:[0-9A-Fa-f:.]*';
const PACKET = new RegExp(`^\\s*${PROTOCOL}\\s+(?:${IPV4_END}|${IPV6_END})\\s*->\\s*(?:${IPV4_END}|${IPV6_END})\\s*$`);

/** An example of the packet syntax the trace takes (issue 6's `--packet`). */
const PACKET_EXAMPLE = 'tcp 10.1.1.10:40000 -> 10.2.2.20:22';

/**
 * Checks a packet typed into the trace input box.
 * @param {string} text
 * @returns {string | undefined} what is wrong, or undefined when it is well formed
 */
function packetProblem(text) {
  return PACKET.test(text)
    ? undefined
    : `Write PROTOCOL SOURCE[:PORT] -> DESTINATION[:PORT], e.g. ${PACKET_EXAMPLE} (IPv6 with a port: [2001:db8::1]:22)`;
}

/**
 * The single argument of `ipsl.trace`: the packet goes from host FROM to host TO.
 * @param {string} from
 * @param {string} to
 * @param {string} packet
 */
function traceArguments(from, to, packet) {
  const problem = packetProblem(packet);
  if (problem) throw new Error(problem);
  return { from, to, packet: packet.trim().replace(/\s+/g, ' ') };
}

/**
 * A packet to start the trace input from: TCP from the first address of FROM to the first of TO
 * (ssh), which the user then edits.
 * @param {{ addresses: string[] }} from
 * @param {{ addresses: string[] }} to
 */
function suggestedPacket(from, to) {
  const end = (/** @type {string | undefined} */ address, /** @type {number} */ port) => {
    if (!address) return undefined;
    return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
  };
  const source = end(from.addresses[0], 40000);
  const destination = end(to.addresses[0], 22);
  return source && destination ? `tcp ${source} -> ${destination}` : PACKET_EXAMPLE;
}

/**
 * The text of a trace's answer ({from, to, packet, delivered, outcome, verdict, lines}).
 * @param {{ lines: string[] }} answer
 */
function renderTrace(answer) {
  return `${answer.lines.join('\n')}\n`;
}

/**
 * The text of a generation's answer ({exitCode, written, diagnostics, message}).
 * @param {{ message: string, written: string[], diagnostics: string[] }} answer
 */
function renderGenerated(answer) {
  const section = (/** @type {string} */ title, /** @type {string[]} */ items) => (items.length === 0 ? ''
    : `\n${title}:\n${items.map((item) => `  ${item}\n`).join('')}`);
  return `${answer.message}\n${section('Written', answer.written)}${section('Diagnostics', answer.diagnostics)}`;
}

/**
 * The session table (the rows of `ipsl.peers`) as aligned columns; an empty table says why it is empty.
 * @param {Record<string, unknown>[]} rows
 */
function renderSessions(rows) {
  return rows.length === 0
    ? 'No peer sessions: no host of the workspace has an IKE policy or a manual SA towards another of its hosts.\n'
    : renderTable(rows);
}

/** @param {Record<string, unknown>[]} rows */
function renderTable(rows) {
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (/** @type {unknown} */ value) => (value === undefined || value === null ? ''
    : typeof value === 'object' ? JSON.stringify(value) : String(value));
  const cells = rows.map((row) => columns.map((column) => cell(row[column])));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((line) => line[i].length)));
  const line = (/** @type {string[]} */ values) => values.map((v, i) => v.padEnd(widths[i])).join('  ').trimEnd();
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
}

/**
 * The notification text for a failed command. An answer of null is a failure too: Xtext's server
 * answers null to a command it does not know.
 * @param {string} title what the user asked for, e.g. "Show peer sessions"
 * @param {string} serverCommand
 * @param {unknown} error a thrown error, or undefined when the server answered null
 */
function failureMessage(title, serverCommand, error) {
  if (error === undefined) {
    return `IPSL: ${title} failed: the language server gave no answer to ${serverCommand}; `
      + 'this server version may not provide it yet.';
  }
  const text = error instanceof Error ? error.message : String(error);
  return `IPSL: ${title} failed: ${text}`;
}

module.exports = {
  SERVER_COMMANDS, GENERATE_TARGETS, DEFAULT_OUTPUT_FOLDER, PACKET_EXAMPLE,
  generateArguments, packetProblem, traceArguments, suggestedPacket,
  renderTrace, renderGenerated, renderSessions, failureMessage,
};
