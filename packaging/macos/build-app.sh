#!/usr/bin/env bash
# Lays out atsdrop.app and, on macOS, signs it ad hoc and wraps it in a .dmg.
#
#   packaging/macos/build-app.sh BINARY OUT_DIR [--app-only]
#
# BINARY is the atsdrop executable for the Mac (the release workflow passes a universal one made
# with `lipo` from the aarch64 and x86_64 builds). Writes OUT_DIR/atsdrop.app and, unless
# --app-only (which also works on Linux, to check the layout), OUT_DIR/atsdrop-<version>-macos.dmg.
#
# atsdrop.app/Contents/
#   Info.plist             packaging/macos/Info.plist with the version filled in
#   PkgInfo                APPL????
#   MacOS/atsdrop          the program (no arguments: the window; with a subcommand: the CLI)
#   Resources/atsdrop.icns assets/icons/atsdrop.icns
#
# The .dmg is made with hdiutil, which every Mac has: the app and a link to /Applications, to drag
# it onto. No Homebrew tool is needed. The signature is ad hoc (`codesign --sign -`), which
# Apple Silicon requires to run at all; a Developer ID signature and notarization need Apple
# credentials (see packaging/README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."

bin=${1:?usage: build-app.sh BINARY OUT_DIR [--app-only]}
out=${2:?usage: build-app.sh BINARY OUT_DIR [--app-only]}
app_only=false
[ "${3:-}" = --app-only ] && app_only=true
version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1)

app="$out/atsdrop.app"
rm -rf "$app"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
install -m 755 "$bin" "$app/Contents/MacOS/atsdrop"
install -m 644 assets/icons/atsdrop.icns "$app/Contents/Resources/atsdrop.icns"
sed "s/@VERSION@/$version/g" packaging/macos/Info.plist > "$app/Contents/Info.plist"
printf 'APPL????' > "$app/Contents/PkgInfo"
if command -v plutil >/dev/null; then
    plutil -lint "$app/Contents/Info.plist"
else
    python3 -c 'import plistlib,sys; plistlib.load(open(sys.argv[1],"rb")); print(sys.argv[1] + ": OK")' "$app/Contents/Info.plist"
fi
echo "wrote $app"
$app_only && exit 0

codesign --force --sign - --timestamp=none "$app"
codesign --verify --strict --verbose=2 "$app"

staging=$(mktemp -d)
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
dmg="$out/atsdrop-$version-macos.dmg"
rm -f "$dmg"
hdiutil create -volname "atsdrop $version" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"
hdiutil verify "$dmg"
rm -rf "$staging"
echo "wrote $dmg"
