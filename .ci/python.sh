# Sourced by .ci/run (and by developers: `source .ci/python.sh && ensure_python_venv`): makes sure
# python3 can make a virtual environment, which tuner-core's RealOptunaTest needs to install Optuna 5
# into one under target/ (pip installs it from whatever index or wheel mirror pip is configured with).
# A clean Debian has python3 without its venv module; this installs Debian's python3-venv then.
# Without them the test is skipped, saying why.

ensure_python_venv() {
    local probe
    probe=$(mktemp -d)
    if command -v python3 >/dev/null && python3 -m venv --without-pip "$probe/venv" >/dev/null 2>&1 \
            && python3 -m ensurepip --version >/dev/null 2>&1; then
        rm -rf "$probe"
        return
    fi
    rm -rf "$probe"
    echo "python3 cannot make a virtual environment with pip; installing Debian's python3 and python3-venv" >&2
    if [ "$(id -u)" != 0 ]; then
        echo "cannot install them without root: apt-get install python3 python3-venv" >&2
        return 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv >/dev/null
    echo "$(python3 --version) with venv for the tests against the real Optuna"
}
