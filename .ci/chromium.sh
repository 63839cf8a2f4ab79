# Sourced by .ci/run (and by developers: `source .ci/chromium.sh && ensure_chromium`): makes sure a
# headless Chromium is there for the report's browser tests (tuner-core's HtmlReportBrowserTest),
# installing Debian's chromium package when it is missing. Without one those tests are skipped.

ensure_chromium() {
    if [ -n "${TUNER_CHROMIUM:-}" ] && [ -x "$TUNER_CHROMIUM" ]; then
        return
    fi
    if [ -x /usr/bin/chromium ]; then
        return
    fi
    echo "Chromium is not installed; installing it from Debian's packages" >&2
    if [ "$(id -u)" != 0 ]; then
        echo "cannot install Chromium without root: apt-get install chromium (or set TUNER_CHROMIUM)" >&2
        return 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    echo "$(/usr/bin/chromium --version 2>/dev/null) for the report's browser tests"
}
