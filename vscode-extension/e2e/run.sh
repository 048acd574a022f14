#!/usr/bin/env bash
# End-to-end tests of IPSL's editor support against the real server jar:
#   1. real VS Code: code-server 4.100.3 (= VS Code 1.100.3) with the built .vsix installed, driven
#      by Debian Chromium through puppeteer-core (vscode.js);
#   2. Neovim 0.7 headless with vim.lsp.start_client (nvim-diagnostics.lua);
#   3. Emacs with eglot, which sends empty settings (eglot-diagnostics.el).
# Each opens a copy of examples/peers plus a deliberately broken file and a file with a weak key, and
# must show the same diagnostics (file, line, code) as `ipsl check --format json` of the same jar
# for that folder; VS Code then applies the weak key's quick fix, runs the IPSL commands, and
# generates in a copy of examples/site-to-site. When every check passes, VS Code's screenshot of
# hq.ipsl replaces docs/vscode.png (the README's).
#
# Needs the built jar and .vsix: `mvn -B verify` (or `mvn -B -pl vscode-extension -am package`).
# Installs what it lacks: Debian packages with apt-get, npm packages (e2e/package-lock.json) into
# the cache folder $IPSL_E2E_CACHE (default ~/.cache/ipsl-e2e), reused by later runs.
# Results and screenshots go to vscode-extension/target/e2e/. Ends with "N passed, N failed";
# exit status 0 only when every check passed, non-zero when any failed or a step could not run.
set -euo pipefail

E2E=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
EXTENSION=$(dirname "$E2E")
ROOT=$(dirname "$EXTENSION")
JAR=${IPSL_JAR:-$ROOT/dsl.ide/target/ipsl.jar}
VSIX=${IPSL_VSIX:-$(ls -t "$EXTENSION"/target/ipsl-*.vsix 2>/dev/null | head -1 || true)}
CACHE=${IPSL_E2E_CACHE:-$HOME/.cache/ipsl-e2e}
OUT=$EXTENSION/target/e2e
WORKSPACE=$OUT/workspace/peers
GENERATE_WORKSPACE=$OUT/workspace/site-to-site

passed=0
failed=0
started=$SECONDS
step_started=$SECONDS

pass() { passed=$((passed + 1)); echo "PASS $*"; }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
step() { echo "== $* (at ${SECONDS}s)"; step_started=$SECONDS; }
took() { echo "   ($((SECONDS - step_started)) s)"; }
# A step that cannot run ends the script: loud, counted, non-zero.
die() {
  echo "ERROR: $*" >&2
  echo "$passed passed, $((failed + 1)) failed"
  exit 1
}

code_server_pid=
cleanup() {
  # code-server was started in its own process group (setsid): end that group only.
  if [ -n "$code_server_pid" ]; then kill -- "-$code_server_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT

[ -f "$JAR" ] || die "no server jar at $JAR: build it first (mvn -B -pl vscode-extension -am package)"
[ -n "$VSIX" ] && [ -f "$VSIX" ] || die "no .vsix in $EXTENSION/target: build it first (mvn -B -pl vscode-extension -am package)"

step "Debian packages"
packages=(neovim emacs-nox elpa-eglot chromium fonts-dejavu-core ripgrep
  build-essential python3 pkg-config libkrb5-dev libsecret-1-dev libxkbfile-dev)   # the last five build code-server
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  apt-get update -qq || die "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
fi
took

step "npm packages (code-server, puppeteer-core) in $CACHE"
stamp=$(cat "$E2E/package.json" "$E2E/package-lock.json" | sha256sum | cut -d' ' -f1)
if [ "$(cat "$CACHE/installed.stamp" 2>/dev/null || true)" != "$stamp" ] || [ ! -x "$CACHE/node_modules/.bin/code-server" ]; then
  rm -rf "$CACHE/node_modules" "$CACHE/installed.stamp" "$CACHE/tmp"
  mkdir -p "$CACHE/tmp/rg" "$CACHE/tmp/vscode-ripgrep-cache-1.15.11"
  cp "$E2E/package.json" "$E2E/package-lock.json" "$CACHE/"
  # @vscode/ripgrep's postinstall downloads rg from GitHub: seed its cache with Debian's rg.
  cp /usr/bin/rg "$CACHE/tmp/rg/rg"
  tar czf "$CACHE/tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$CACHE/tmp/rg" rg
  # As root code-server's postinstall needs unsafe_perm; node-gyp takes Node's headers from /usr;
  # node-pty's postinstall runs npx, which must not ask.
  (cd "$CACHE" && npm_config_yes=true TMPDIR="$CACHE/tmp" npm_config_unsafe_perm=true npm_config_nodedir=/usr \
    npm ci --no-audit --no-fund --foreground-scripts >"$CACHE/install.log" 2>&1) \
    || { tail -30 "$CACHE/install.log" >&2; die "npm ci of code-server and puppeteer-core failed (log: $CACHE/install.log)"; }
  echo "$stamp" >"$CACHE/installed.stamp"
fi
took

step "workspace: a copy of examples/peers with a broken file and a weak key, and what ipsl check says of it"
rm -rf "$OUT"
mkdir -p "$WORKSPACE" "$GENERATE_WORKSPACE" "$OUT/home"
cp "$ROOT"/examples/peers/*.ipsl "$WORKSPACE/"
cp -r "$ROOT"/examples/site-to-site/. "$GENERATE_WORKSPACE/"
cat >"$WORKSPACE/broken.ipsl" <<'EOF'
host broken {
    address 192.0.2.9
    bogus
}
EOF
# One quick-fixable diagnostic (weak-key on the DES key) for VS Code's quick fix check. It is in the
# folder from the start, so every editor and ipsl check see it; vscode.js fixes it after comparing.
cat >"$WORKSPACE/weak-key.ipsl" <<'EOF'
// The inbound DES key is a weak key: the quick fix replaces it with a fresh random one.
host logger {
    address 192.0.2.60
    policy syslog priority 10 {
        udp from 192.0.2.60 to 198.51.100.60 port syslog
        protect manual to-collector
    }
    manual-sa to-collector {
        peer 198.51.100.60
        inbound  esp spi 2600001 encryption des 0x0101010101010101 authentication hmac-sha1 0x3076fc20ab475bd3c1b2f9b437f34304d5f4469f
        outbound esp spi 2600002 encryption aes128 0xdb1b1e0c72857733e75965135be5fa24 authentication hmac-sha1 0xeca220e05b7bae2cfc75cff30d45f998f921744e
    }
    default pass
}
EOF
set +e
(cd "$WORKSPACE" && java -jar "$JAR" check . --format json >"$OUT/expected.json" 2>"$OUT/check.stderr")
check_status=$?
set -e
[ $check_status -le 1 ] || { cat "$OUT/check.stderr" >&2; die "ipsl check exited $check_status"; }
if node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    process.exit(d.some((x) => x.file.replace(/^\.\//, "") === "broken.ipsl" && x.line === 3 && x.severity === "error") ? 0 : 1)' "$OUT/expected.json"; then
  pass "ipsl check reports the syntax error of broken.ipsl on line 3"
else
  fail "ipsl check reports no error on line 3 of broken.ipsl: $(cat "$OUT/expected.json")"
fi
echo "   ipsl check: $(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).length)' "$OUT/expected.json") diagnostics"
took

step "snippets: each, expanded with its defaults, parses"
node "$E2E/expand-snippets.js" "$OUT/snippets"
set +e
(cd "$OUT/snippets" && java -jar "$JAR" check . --format json >"$OUT/snippets.json" 2>"$OUT/snippets.stderr")
set -e
# Names the snippets leave for the user to fill in may be unresolved; the text itself must be valid.
if node -e 'const d = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const bad = d.filter((x) => ["syntax", "invalid-value"].includes(x.code));
    bad.forEach((x) => console.log(`   ${x.file}:${x.line}: ${x.code}: ${x.message}`));
    process.exit(bad.length ? 1 : 0)' "$OUT/snippets.json"; then
  pass "the snippets host, policy, ike, manual-sa and network expand to valid IPSL"
else
  fail "the snippets host, policy, ike, manual-sa and network expand to valid IPSL"
fi
took

step "Neovim $(nvim --version | head -1)"
if HOME=$OUT/home IPSL_WORKSPACE=$WORKSPACE IPSL_OUT=$OUT/nvim-diagnostics.txt IPSL_JAR=$JAR \
    timeout 150 nvim --headless --clean -u "$E2E/nvim-diagnostics.lua" >"$OUT/nvim.log" 2>&1 \
  && node "$E2E/compare-diagnostics.js" "$OUT/expected.json" "$OUT/nvim-diagnostics.txt" Neovim; then
  pass "Neovim shows the diagnostics of ipsl check"
else
  cat "$OUT/nvim.log"
  fail "Neovim shows the diagnostics of ipsl check"
fi
took

step "Emacs eglot"
if HOME=$OUT/home IPSL_WORKSPACE=$WORKSPACE IPSL_OUT=$OUT/eglot-diagnostics.txt IPSL_JAR=$JAR \
    timeout 150 emacs --batch -l "$E2E/eglot-diagnostics.el" >"$OUT/eglot.log" 2>&1 \
  && node "$E2E/compare-diagnostics.js" "$OUT/expected.json" "$OUT/eglot-diagnostics.txt" "Emacs eglot"; then
  pass "Emacs eglot shows the diagnostics of ipsl check"
else
  cat "$OUT/eglot.log"
  fail "Emacs eglot shows the diagnostics of ipsl check"
fi
took

step "VS Code (code-server 4.100.3) with $(basename "$VSIX")"
code_server=$CACHE/node_modules/.bin/code-server
mkdir -p "$OUT/code-server/user/User" "$OUT/code-server/extensions"
cat >"$OUT/code-server/user/User/settings.json" <<'EOF'
{
  "workbench.colorTheme": "Default Dark Modern",
  "problems.defaultViewMode": "table",
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "workbench.tips.enabled": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "git.openRepositoryInParentFolders": "never"
}
EOF
# code-server keeps its own config and data under XDG folders: keep them in the output folder.
export XDG_CONFIG_HOME=$OUT/code-server/config XDG_DATA_HOME=$OUT/code-server/data
code_server_args=(--user-data-dir "$OUT/code-server/user" --extensions-dir "$OUT/code-server/extensions")
"$code_server" "${code_server_args[@]}" --install-extension "$VSIX" >"$OUT/code-server-install.log" 2>&1 \
  || { cat "$OUT/code-server-install.log" >&2; die "code-server could not install $VSIX"; }
port=$(node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
setsid "$code_server" "${code_server_args[@]}" --bind-addr "127.0.0.1:$port" --auth none \
  --disable-telemetry --disable-update-check --disable-workspace-trust >"$OUT/code-server.log" 2>&1 &
code_server_pid=$!
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  kill -0 "$code_server_pid" 2>/dev/null || { cat "$OUT/code-server.log" >&2; die "code-server exited"; }
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || die "code-server does not answer on port $port"
set +e
IPSL_E2E_URL=http://127.0.0.1:$port IPSL_WORKSPACE=$WORKSPACE IPSL_EXPECTED=$OUT/expected.json IPSL_OUT=$OUT \
  IPSL_GENERATE_WORKSPACE=$GENERATE_WORKSPACE PUPPETEER_CORE=$CACHE/node_modules/puppeteer-core timeout 600 node "$E2E/vscode.js" 2>&1 | tee "$OUT/vscode.log"
vscode_status=${PIPESTATUS[0]}
set -e
vscode_passed=$(grep -c '^PASS ' "$OUT/vscode.log" || true)
vscode_failed=$(grep -c '^FAIL ' "$OUT/vscode.log" || true)
passed=$((passed + vscode_passed))
failed=$((failed + vscode_failed))
if [ "$vscode_status" -ne 0 ] && [ "$vscode_failed" -eq 0 ]; then fail "the VS Code test ended with status $vscode_status"; fi
[ "$vscode_passed" -gt 0 ] || fail "the VS Code test ran no check"
took

echo "end-to-end tests took $((SECONDS - started)) s; results and screenshots in $OUT"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] || exit 1
if [ -z "${IPSL_E2E_ONLY:-}" ]; then   # a partial run may not have taken it
  cp "$OUT/vscode.png" "$ROOT/docs/vscode.png"
  echo "docs/vscode.png: VS Code's screenshot of this build"
fi
