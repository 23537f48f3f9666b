#!/usr/bin/env bash
# The reader on a real terminal (issue 16): q/Esc back out of a story and
# q in the library quits; `y` sends exactly one OSC 52 sequence holding the
# quote and its citation; SIGTERM and SIGHUP keep the reading position and
# give the terminal back (normal screen, cursor shown, mouse off); a story
# added from another shell shows up within 2 seconds; a reader whose
# terminal goes away leaves.
# Usage: tests/tmux/reader.sh [path/to/lede]   (needs tmux and python3)
set -euo pipefail
# shellcheck source=tests/tmux/common.bash
source "$(dirname "$0")/common.bash"
story() { # FILE TITLE SPEAKER
    {
        printf '%s\n\nBy Ada Venn\n\n' "$2"
        for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
            printf 'Paragraph %s of the story about %s: the council met on Tuesday and spent a long evening on the budget, the roads and the harbour, as it does every month when the weather turns.\n\n' "$i" "$2"
        done
        printf '“We will finish the %s before the winter,” said %s, the chair of the works committee.\n\n' "$2" "$3"
        for i in 13 14 15 16 17 18; do
            printf 'Paragraph %s closes the story about %s with more of the same long and careful detail.\n\n' "$i" "$2"
        done
    } > "stories/$1"
}
story a.txt "Harbour wall repairs begin" "Maria Lopez"
story b.txt "Bridge tolls to rise in spring" "Tom Okafor"
story c.txt "Ferry timetable changes for the winter" "Lena Brandt"
"$lede" --library lib add stories/a.txt stories/b.txt >/dev/null 2>&1

start() { # SESSION [ARGS]
    local s=$1
    shift
    sessions+=("$s")
    tmux new-session -d -s "$s" -x 120 -y 40 "$lede --library lib $*; echo LEDE-EXIT-\$?; sleep 60"
    wait_for "$s" "Library (" 5 || fail "$s: the reader did not start"
}
lede_pid() { # SESSION: the reader's pid (a child of the pane's shell)
    local shell
    shell=$(tmux display -p -t "$1" '#{pane_pid}')
    pgrep -P "$shell" -x lede | head -n1
}

# 1. Back and quit.
start rd-back
tmux send-keys -t rd-back Enter
wait_for rd-back "q back" 3 || fail "Enter did not open a story"
tmux send-keys -t rd-back Escape
wait_for rd-back "Enter open" 3 || fail "Esc did not go back to the library"
screen rd-back | grep -q LEDE-EXIT && fail "Esc quit the reader"
tmux send-keys -t rd-back Enter
wait_for rd-back "q back" 3 || fail "Enter did not open the story again"
tmux send-keys -t rd-back q
wait_for rd-back "Enter open" 3 || fail "q did not go back to the library"
screen rd-back | grep -q LEDE-EXIT && fail "q in a story quit the reader"
tmux send-keys -t rd-back q
wait_for rd-back "LEDE-EXIT-0" 3 || fail "q in the library did not quit"

# 2. y: exactly one OSC 52 with the quote and its citation.
start rd-copy
tmux pipe-pane -o -t rd-copy "cat >> '$work/copy.raw'"
tmux send-keys -t rd-copy Enter
wait_for rd-copy "q back" 3 || fail "the story did not open"
tmux send-keys -t rd-copy Tab
sleep 0.3
tmux send-keys -t rd-copy y
wait_for rd-copy "copied the quote" 3 || fail "y did not say it copied"
sleep 0.3
tmux pipe-pane -t rd-copy
python3 - "$work/copy.raw" <<'PY' || status=1
import base64, re, sys
raw = open(sys.argv[1], 'rb').read()
seqs = re.findall(rb'\x1b\]52;c;([A-Za-z0-9+/=]*)(?:\x07|\x1b\\)', raw)
if raw.count(b'\x1b]52;') != 1 or len(seqs) != 1:
    n = raw.count(b'\x1b]52;')
    print(f"FAIL: {n} OSC 52 sequences, wanted exactly one"); sys.exit(1)
text = base64.b64decode(seqs[0]).decode('utf-8')
quote, _, cite = text.partition('\n')
stories = {'Harbour wall repairs begin': ('Maria Lopez', 'a.txt'),
           'Bridge tolls to rise in spring': ('Tom Okafor', 'b.txt')}
m = re.fullmatch('“We will finish the (.+) before the winter,”', quote)
title = m.group(1) if m else ''
speaker, file = stories.get(title, ('?', '?'))
ok = bool(m) and cite == f'— {speaker}, “{title}”, undated, file stories/{file}'
print(('ok   ' if ok else 'FAIL ') + 'clipboard: ' + repr(text))
sys.exit(0 if ok else 1)
PY
tmux send-keys -t rd-copy Escape
wait_for rd-copy "Enter open" 3 || fail "Esc did not go back from the sidebar"
tmux send-keys -t rd-copy q
wait_for rd-copy "LEDE-EXIT-0" 3 || fail "q did not quit"

# 3. SIGTERM and SIGHUP: the place is kept, the terminal given back.
for sig in TERM HUP; do
    s="rd-$sig"
    start "$s"
    tmux send-keys -t "$s" Enter
    wait_for "$s" "q back" 3 || fail "$sig: the story did not open"
    tmux send-keys -t "$s" Space Space
    sleep 0.4 # well inside the one-second save: the signal must save it
    pid=$(lede_pid "$s")
    [ -n "$pid" ] || { fail "$sig: no reader process"; continue; }
    kill -"$sig" "$pid"
    wait_for "$s" "LEDE-EXIT-" 5 || fail "$sig: the reader did not exit"
    [ "$(tmux display -p -t "$s" '#{alternate_on}')" = 0 ] || fail "$sig: still in the alternate screen"
    [ "$(tmux display -p -t "$s" '#{cursor_flag}')" = 1 ] || fail "$sig: the cursor is hidden"
    [ "$(tmux display -p -t "$s" '#{mouse_any_flag}')" = 0 ] || fail "$sig: mouse reporting left on"
    "$lede" --library lib list --json | python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin if l.strip()]
moved = [r for r in rows if r["position"]["block"] > 0]
sys.exit(0 if moved else 1)' || { fail "$sig: the reading position was lost"; "$lede" --library lib list --json; screen "$s"; }
done

# 4. A story added from another shell shows up within 2 seconds.
start rd-live
screen rd-live | grep -qF "Ferry timetable" && fail "the third story is there already"
"$lede" --library lib add stories/c.txt >/dev/null 2>&1
t0=$(date +%s.%N)
if wait_for rd-live "Ferry timetable changes for the winter" 2; then
    python3 -c "import sys; print(f'ok   added story shown after {float(sys.argv[2]) - float(sys.argv[1]):.1f} s')" "$t0" "$(date +%s.%N)"
else
    fail "a story added elsewhere did not show within 2 s"
fi
tmux send-keys -t rd-live q

# 5. The terminal itself goes away (window closed, tmux killed): the reader
# must leave, not spin on the dead tty (crossterm's poll never returns there).
start rd-gone
pid=$(lede_pid rd-gone)
tmux kill-session -t rd-gone
gone=no
for _ in $(seq 1 60); do
    if ! kill -0 "$pid" 2>/dev/null; then gone=yes; break; fi
    sleep 0.1
done
if [ "$gone" = yes ]; then echo "ok   reader left when its terminal went away"; else
    fail "the reader outlived its terminal"; kill -9 "$pid" 2>/dev/null || true; fi

[ "$status" = 0 ] && echo "PASS: back/quit, OSC 52 copy, signals, live library, lost terminal"
exit "$status"
