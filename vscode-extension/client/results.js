// @ts-check
// The IPSL commands' results as read-only virtual documents (scheme `ipsl-result`): VS Code never
// asks to save them, and running a command again refreshes its document in place.
'use strict';

const vscode = require('vscode');

const SCHEME = 'ipsl-result';

/** @implements {vscode.TextDocumentContentProvider} */
class ResultDocuments {
  constructor() {
    /** @type {Map<string, string>} */
    this.texts = new Map();
    this.changes = new vscode.EventEmitter();
    this.onDidChange = this.changes.event;
  }

  /** @param {vscode.Uri} uri */
  provideTextDocumentContent(uri) {
    return this.texts.get(uri.toString()) ?? '';
  }

  /**
   * Shows TEXT in the read-only document named NAME (its tab title, e.g. "IPSL peer sessions.txt").
   * @param {string} name
   * @param {string} text
   */
  async show(name, text) {
    const uri = vscode.Uri.from({ scheme: SCHEME, path: `/${name}` });
    this.texts.set(uri.toString(), text);
    this.changes.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
  }

  /** @returns {vscode.Disposable} */
  register() {
    return vscode.Disposable.from(vscode.workspace.registerTextDocumentContentProvider(SCHEME, this), this.changes);
  }
}

module.exports = { ResultDocuments, SCHEME };
