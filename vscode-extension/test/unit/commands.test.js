'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const commands = require('../../client/commands');

test('the server command names are the ones the LSP server provides', () => {
  assert.deepEqual(commands.SERVER_COMMANDS,
    { generate: 'ipsl.generate', peers: 'ipsl.peers', hosts: 'ipsl.hosts', trace: 'ipsl.trace' });
});

test('generate sends the chosen targets and the output folder', () => {
  assert.deepEqual(commands.generateArguments(['hpux', 'xfrm'], '/tmp/out'), { targets: ['hpux', 'xfrm'], outputFolder: '/tmp/out' });
  assert.throws(() => commands.generateArguments([], '/tmp/out'), /no target/);
  assert.equal(commands.DEFAULT_OUTPUT_FOLDER, 'generated');
  assert.deepEqual(commands.GENERATE_TARGETS.map((t) => t.id), ['hpux', 'strongswan', 'xfrm', 'runtime']);
});

test('well-formed packets are accepted', () => {
  for (const packet of [
    'tcp 10.1.1.10:40000 -> 10.2.2.20:22',
    'udp 10.0.4.1:514->10.0.0.1:514',
    'icmp 10.0.0.1 -> 10.0.1.1',
    '50 10.0.0.1 -> 10.0.1.1',
    'tcp [2001:db8::1]:40000 -> [2001:db8::2]:443',
    'icmpv6 2001:db8::1 -> 2001:db8::2',
  ]) assert.equal(commands.packetProblem(packet), undefined, packet);
});

test('malformed packets are refused with an example', () => {
  for (const packet of ['', 'tcp 10.1.1.10', 'tcp 10.1.1.10 to 10.2.2.20', 'sctp 10.0.0.1 -> 10.0.0.2', 'tcp hq -> b1']) {
    assert.match(commands.packetProblem(packet), /tcp 10\.1\.1\.10:40000 -> 10\.2\.2\.20:22/, packet);
  }
  assert.throws(() => commands.traceArguments('hq', 'b1', 'tcp nowhere'), /PROTOCOL SOURCE/);
  assert.deepEqual(commands.traceArguments('hq', 'b1', '  tcp   10.1.1.10:1 ->  10.2.2.20:22 '),
    { from: 'hq', to: 'b1', packet: 'tcp 10.1.1.10:1 -> 10.2.2.20:22' });
});

test('the suggested packet goes from the first address of one host to the first of the other, and is well formed', () => {
  const hq = { addresses: ['10.0.0.1', '10.0.0.2'] };
  const v6 = { addresses: ['2001:db8::2'] };
  assert.equal(commands.suggestedPacket(hq, v6), 'tcp 10.0.0.1:40000 -> [2001:db8::2]:22');
  assert.equal(commands.packetProblem(commands.suggestedPacket(hq, v6)), undefined);
  assert.equal(commands.suggestedPacket({ addresses: [] }, hq), commands.PACKET_EXAMPLE);
});

test('the session table is shown as aligned columns, and an empty one says why', () => {
  const text = commands.renderSessions([
    { from: 'hq', to: 'b1', outcome: 'IKE_PHASE1_FAILED' },
    { from: 'b3', to: 'hq', outcome: 'ESTABLISHED', proposal: 'aes128-sha1-modp2048' },
  ]);
  assert.equal(text, [
    'from  to  outcome            proposal',
    '----  --  -----------------  --------------------',
    'hq    b1  IKE_PHASE1_FAILED',
    'b3    hq  ESTABLISHED        aes128-sha1-modp2048',
    '',
  ].join('\n'));
  assert.match(commands.renderSessions([]), /^No peer sessions: /);
});

test('a trace is shown as its lines, a generation as its message, files and diagnostics', () => {
  assert.equal(commands.renderTrace({ lines: ['packet: udp 10.1.5.5:4000 -> 10.2.7.7:53 (alpha -> beta)', 'verdict: delivered'] }),
    'packet: udp 10.1.5.5:4000 -> 10.2.7.7:53 (alpha -> beta)\nverdict: delivered\n');
  assert.equal(commands.renderGenerated({ message: 'IPSL: 2 files written to generated',
    written: ['/w/generated/a/xfrm.sh', '/w/generated/b/xfrm.sh'], diagnostics: [] }),
  'IPSL: 2 files written to generated\n\nWritten:\n  /w/generated/a/xfrm.sh\n  /w/generated/b/xfrm.sh\n');
  assert.equal(commands.renderGenerated({ message: 'IPSL: nothing generated', written: [], diagnostics: ['a.ipsl:3:5: error: x [syntax]'] }),
    'IPSL: nothing generated\n\nDiagnostics:\n  a.ipsl:3:5: error: x [syntax]\n');
});

test('failure messages name the command and the reason', () => {
  assert.equal(commands.failureMessage('Show peer sessions', 'ipsl.peers', new Error('Unknown command')),
    'IPSL: Show peer sessions failed: Unknown command');
  assert.match(commands.failureMessage('Trace a packet', 'ipsl.trace', undefined),
    /^IPSL: Trace a packet failed: the language server gave no answer to ipsl\.trace/);
});
