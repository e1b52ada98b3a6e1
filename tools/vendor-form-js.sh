#!/usr/bin/env bash
# Vendors the form-js editor and viewer (bpmn.io, custom license: keep the watermark) as static files of the
# application: fetches the pinned package with npm, checks its SHA-256, copies the prebuilt UMD bundles and CSS.
# Run it by hand when the version changes; `mvn verify` never runs Node.
set -euo pipefail
VERSION=1.23.0
SHA256=3093010d18c5fbaa152dfe72f20986dc43f922d56f6133b9ae676150bac57b56
cd "$(dirname "$0")/.."
target=src/main/resources/static/vendor/form-js
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@bpmn-io/form-js@$VERSION" >/dev/null)
tarball="$work/bpmn-io-form-js-$VERSION.tgz"
echo "$SHA256  $tarball" | sha256sum --check --quiet
tar xzf "$tarball" -C "$work"
rm -rf "$target" && mkdir -p "$target"
cp "$work/package/dist/form-editor.umd.js" "$work/package/dist/form-viewer.umd.js" \
   "$work/package/dist/assets/form-js.css" "$work/package/dist/assets/form-js-editor.css" \
   "$work/package/dist/assets/properties-panel.css" "$work/package/LICENSE" "$target/"
echo "$VERSION" > "$target/VERSION"
echo "form-js $VERSION vendored into $target"
