#!/usr/bin/env bash
# Builds the Linux installers: the .deb (cargo-deb) and the AppImage, on Debian or Ubuntu.
#
#   scripts/package-linux.sh --install-prereqs             # once per machine: the only step that downloads
#   scripts/package-linux.sh                               # release profile: .deb + AppImage, offline
#   scripts/package-linux.sh --profile ci-package          # what CI builds (.ci/run)
#
# Options:
#   --install-prereqs   install the tools (apt: dpkg-dev squashfs-tools desktop-file-utils appstream
#                       file; cargo: cargo-deb) and fetch the crates this build needs (the project's
#                       dependencies and the AppImage runtime crate); then build as usual unless
#                       --prereqs-only is given too
#   --prereqs-only      stop after installing the prerequisites
#   --profile NAME      cargo profile to build (default: release, the shipped one)
#   --no-build          package the binary already in target/<profile>/ instead of building it
#   --deb-only          skip the AppImage
#   --out DIR           where the packages go (default: target/packages)
#
# "No downloads at build time": everything after the prerequisites step runs with
# CARGO_NET_OFFLINE=true, so cargo fails instead of fetching anything it was not given beforehand.
# The AppImage runtime is not downloaded from GitHub: it comes from the `appimage` crate on
# crates.io, fetched with the prerequisites (packaging/appimage/runtime-crate/) and checked against
# the sha256 below. ATSDROP_APPIMAGE_RUNTIME=/path/to/runtime uses another type-2 runtime instead
# (for example the static one from AppImage/type2-runtime, where that can be had).
#
# Outputs: <out>/atsdrop_<version>-1_amd64.deb and <out>/atsdrop-<version>-x86_64.AppImage.
set -euo pipefail
cd "$(dirname "$0")/.."

APP_ID=io.github.atsdrop.Atsdrop
# sha256 of assets/runtime-x86_64 in appimage 0.4.0 (AppImageKit's type-2 runtime, gzip and xz).
RUNTIME_SHA256=328e0d745c5c6817048c27bc3e8314871703f8f47ffa81a37cb06cd95a94b323
RUNTIME_MANIFEST=packaging/appimage/runtime-crate/Cargo.toml

profile=release
install_prereqs=false
prereqs_only=false
build=true
appimage=true
out=""
while [ $# -gt 0 ]; do
    case "$1" in
        --install-prereqs) install_prereqs=true ;;
        --prereqs-only) install_prereqs=true; prereqs_only=true ;;
        --profile) profile=${2:?--profile needs a name}; shift ;;
        --no-build) build=false ;;
        --deb-only) appimage=false ;;
        --out) out=${2:?--out needs a directory}; shift ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "package-linux.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

started=$(date +%s)
step() { printf '\n--- %s (%ss)\n' "$*" "$(( $(date +%s) - started ))"; }
die() { echo "package-linux.sh: $*" >&2; exit 1; }

# ---- Prerequisites: the only network use ----------------------------------------------------------
if $install_prereqs; then
    step "prerequisites (downloads allowed here only)"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    # dpkg-dev: dpkg-shlibdeps, which cargo-deb uses for Depends. squashfs-tools: mksquashfs.
    # desktop-file-utils, appstream: validate the desktop entry and metainfo. file: sanity checks.
    $SUDO apt-get install -y --no-install-recommends \
        dpkg-dev squashfs-tools desktop-file-utils appstream file binutils
    command -v cargo-deb >/dev/null || cargo install cargo-deb --locked
    cargo fetch --locked --target "$(rustc -vV | sed -n 's/^host: //p')"
    $appimage && cargo fetch --locked --manifest-path "$RUNTIME_MANIFEST"
    $prereqs_only && { step "prerequisites installed"; exit 0; }
fi

# ---- Build: offline from here on ------------------------------------------------------------------
export CARGO_NET_OFFLINE=true
command -v cargo-deb >/dev/null || die "cargo-deb is missing: run with --install-prereqs (or: cargo install cargo-deb --locked)"

meta=$(cargo metadata --format-version 1 --no-deps --offline)
field() { python3 -c 'import json,sys; m=json.load(sys.stdin); print(eval(sys.argv[1]))' "$1" <<<"$meta"; }
version=$(field '[p for p in m["packages"] if p["name"]=="atsdrop"][0]["version"]')
target_dir=$(field 'm["target_directory"]')
case "$profile" in dev) die "cargo-deb does not package the dev profile: use release or ci-package" ;; esac
bin="$target_dir/$profile/atsdrop"
out=${out:-$target_dir/packages}
mkdir -p "$out"
out=$(cd "$out" && pwd)

step "validate the desktop entry and the AppStream metainfo"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate "packaging/linux/$APP_ID.desktop"
else
    echo "(desktop-file-validate not installed: skipped)"
fi
if command -v appstreamcli >/dev/null; then
    appstreamcli validate --no-net "packaging/linux/$APP_ID.metainfo.xml"
else
    echo "(appstreamcli not installed: skipped)"
fi

step ".deb: cargo deb --profile $profile"
deb_args=(--profile "$profile" --output "$out/")
$build || deb_args+=(--no-build)
cargo deb "${deb_args[@]}"
deb="$out/atsdrop_${version}-1_$(dpkg --print-architecture).deb"
[ -f "$deb" ] || die "cargo deb did not write $deb"
dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
dpkg-deb --contents "$deb" | awk '{print $6}'

if $appimage; then
    step "AppImage"
    [ -x "$bin" ] || die "$bin is missing: build it first or drop --no-build"
    command -v mksquashfs >/dev/null || die "mksquashfs is missing: run with --install-prereqs (apt-get install squashfs-tools)"
    runtime=${ATSDROP_APPIMAGE_RUNTIME:-}
    if [ -z "$runtime" ]; then
        crate_dir=$(cargo metadata --format-version 1 --offline --manifest-path "$RUNTIME_MANIFEST" 2>/dev/null |
            python3 -c 'import json,sys,os; m=json.load(sys.stdin); print(os.path.dirname([p for p in m["packages"] if p["name"]=="appimage"][0]["manifest_path"]))') ||
            die "the AppImage runtime crate is not fetched: run with --install-prereqs (cargo fetch --manifest-path $RUNTIME_MANIFEST)"
        runtime="$crate_dir/assets/runtime-x86_64"
        echo "$RUNTIME_SHA256  $runtime" | sha256sum --check --quiet ||
            die "$runtime does not have the expected sha256: refusing to ship it"
    fi
    [ -f "$runtime" ] || die "AppImage runtime $runtime not found"

    appdir="$target_dir/appimage/atsdrop.AppDir"
    rm -rf "$appdir"
    mkdir -p "$appdir/usr/bin" "$appdir/usr/share/applications" "$appdir/usr/share/metainfo"
    install -m 755 "$bin" "$appdir/usr/bin/atsdrop"
    strip --strip-unneeded "$appdir/usr/bin/atsdrop" 2>/dev/null || true
    # The desktop entry, with the version appimaged and AppImageLauncher show.
    sed "/^\[Desktop Entry\]/a X-AppImage-Version=$version" "packaging/linux/$APP_ID.desktop" \
        > "$appdir/usr/share/applications/$APP_ID.desktop"
    install -m 644 "packaging/linux/$APP_ID.metainfo.xml" "$appdir/usr/share/metainfo/"
    for size in 16 24 32 48 64 128 256 512; do
        install -D -m 644 "assets/icons/png/atsdrop-$size.png" \
            "$appdir/usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
    install -D -m 644 assets/icons/atsdrop.svg "$appdir/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
    # The AppDir's top level, as the AppImage specification asks: entry point, desktop entry, icon.
    ln -s usr/bin/atsdrop "$appdir/AppRun"
    ln -s "usr/share/applications/$APP_ID.desktop" "$appdir/$APP_ID.desktop"
    ln -s "usr/share/icons/hicolor/256x256/apps/$APP_ID.png" "$appdir/$APP_ID.png"
    ln -s "$APP_ID.png" "$appdir/.DirIcon"

    image="$out/atsdrop-$version-x86_64.AppImage"
    squashfs="$target_dir/appimage/atsdrop.squashfs"
    # gzip: the runtime reads gzip and xz; gzip starts faster. Times pinned for reproducibility.
    SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)} \
        mksquashfs "$appdir" "$squashfs" -root-owned -noappend -no-xattrs -comp gzip -quiet -no-progress
    cat "$runtime" "$squashfs" > "$image"
    chmod 755 "$image"
    rm -f "$squashfs"

    # Check it the way a user's machine would read it, without FUSE (none in containers/CI).
    check=$(mktemp -d)
    (cd "$check" && "$image" --appimage-extract >/dev/null)
    [ -x "$check/squashfs-root/usr/bin/atsdrop" ] || die "$image does not extract to an AppDir with usr/bin/atsdrop"
    "$check/squashfs-root/AppRun" --version
    rm -rf "$check"
    ls -l "$image"
fi

step "done"
echo "packages in $out:"
ls -1 "$out"/atsdrop_"${version}"-1_*.deb "$out"/atsdrop-"${version}"-*.AppImage 2>/dev/null || true
