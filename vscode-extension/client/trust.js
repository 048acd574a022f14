// @ts-check
// What the language server is told at start (its initializationOptions): whether the user trusts the
// workspace (VS Code's workspace trust) and the folders beyond it whose secret and certificate files
// may be read. In Restricted Mode the server checks syntax and names only, reads no file the policies
// name, and runs no command.
'use strict';

/**
 * @param {boolean} trusted vscode.workspace.isTrusted
 * @param {unknown} allowOutside the user's `ipsl.allowOutside` setting
 * @returns {{ restricted: boolean, allowOutside: string[] }}
 */
function initializationOptions(trusted, allowOutside) {
  const folders = Array.isArray(allowOutside)
    ? allowOutside.filter((folder) => typeof folder === 'string' && folder.trim() !== '') : [];
  return { restricted: !trusted, allowOutside: trusted ? folders : [] };
}

module.exports = { initializationOptions };
