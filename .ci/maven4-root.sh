#!/usr/bin/env bash
# Checks that Maven 4 finds the root of this build (the .mvn directory) from the root and from a module
# below it, so that it does not warn "Unable to find the root directory" on every build. Maven 4 comes
# from Maven Central as org.apache.maven:apache-maven:<version>:tar.gz:bin, through the local repository.
# Arguments are passed to every mvn call (e.g. -Dmaven.repo.local=...). Run by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
version=4.0.0-rc-5
work=$(mktemp -d /tmp/tuner-maven4.XXXXXX)
trap 'rm -rf "$work"' EXIT

mvn -B -q "$@" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="org.apache.maven:apache-maven:$version:tar.gz:bin" -DoutputDirectory="$work" -Dmdep.useBaseVersion=true
tar -xzf "$work/apache-maven-$version-bin.tar.gz" -C "$work"
maven4="$work/apache-maven-$version/bin/mvn"

status=0
for dir in . examples/quickstart; do
    if ! (cd "$dir" && "$maven4" -B -N "$@" validate) > "$work/validate.log" 2>&1; then
        echo "Maven $version could not validate $dir:" >&2
        cat "$work/validate.log" >&2
        status=1
    elif grep -F "Unable to find the root directory" "$work/validate.log" >&2; then
        echo "Maven $version does not find the build's root from $dir: keep the .mvn directory at the root" >&2
        status=1
    else
        echo "Maven $version finds the build's root from $dir"
    fi
done
exit $status
