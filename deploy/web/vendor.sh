#!/usr/bin/env bash
# Fetches the page's front-end libraries from the npm registry into pipeline/web/static/vendor/,
# with their licences. The result is checked in: `newsflow serve` needs no CDN and no npm at
# run time; run this again only to change a version (then commit the folder).
set -euo pipefail
cd "$(dirname "$0")/../.."
dest=pipeline/web/static/vendor
packages=(leaflet@1.9.4 leaflet.markercluster@1.5.3 topojson-client@3.1.0 world-atlas@2.0.2)
# What the page loads of each package (paths inside the package).
declare -A files=(
  [leaflet]="dist/leaflet.js dist/leaflet.css dist/images/layers.png dist/images/marker-icon.png"
  [leaflet.markercluster]="dist/leaflet.markercluster.js dist/MarkerCluster.css dist/MarkerCluster.Default.css"
  [topojson-client]="dist/topojson-client.min.js"
  [world-atlas]="countries-110m.json"
)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$dest"
for spec in "${packages[@]}"; do
  name=${spec%@*}
  (cd "$work" && npm pack --silent "$spec" >/dev/null)
  mkdir -p "$work/$name" "$dest/$name"
  tar -xzf "$work/${name}-${spec##*@}.tgz" -C "$work/$name"
  for f in ${files[$name]}; do
    mkdir -p "$dest/$name/$(dirname "$f")"
    cp "$work/$name/package/$f" "$dest/$name/$f"
  done
  cp "$work/$name/package/"*LICEN[CS]E* "$dest/$name/"
  echo "$spec" >> "$work/versions"
done
sort "$work/versions" > "$dest/VERSIONS"
echo "vendored into $dest:"; cat "$dest/VERSIONS"
