# Shared by the tmux tests (sourced, not run): the lede under test, a
# scratch folder that is the working directory, tmux sessions killed on
# exit, a config file that is named but holds only the sort order, and
# the helpers to fail, read the screen and wait for text on it.
lede="$(realpath "${1:-target/debug/lede}")"
work="$(mktemp -d)"
sessions=()
cleanup() {
    for s in "${sessions[@]}"; do tmux kill-session -t "$s" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
cd "$work"
export LEDE_CONFIG="$work/none.toml"
printf '[reader]\nsort = "published"\n' > none.toml
mkdir stories

status=0
fail() { echo "FAIL: $*"; status=1; }
screen() { tmux capture-pane -p -t "$1"; }
# Wait until the pane shows TEXT (up to SECS seconds); true if it did.
wait_for() { # SESSION TEXT SECS
    local end=$((SECONDS + $3))
    while [ "$SECONDS" -le "$end" ]; do
        if screen "$1" | grep -qF -- "$2"; then return 0; fi
        sleep 0.1
    done
    return 1
}
