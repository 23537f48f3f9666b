#!/usr/bin/env bash
# Hostile text on a real terminal: a story whose text carries escape
# sequences (CSI, OSC 52, OSC 8, OSC 0/2 titles, DCS, an unterminated OSC,
# 8-bit C1 forms) and bidi controls is shown by the reader in tmux; the
# screen must equal that of the same story without them, hold no escape
# but the reader's own SGR styling, and no clipboard buffer or title may
# have been set. A second library gets the sequences written straight into
# its library database (bypassing ingest) to test the render-time
# sanitizer alone.
# Usage: tests/tmux/escapes.sh [path/to/lede]   (needs tmux and python3;
# `lede --library DIR` with no subcommand must open the reader)
set -euo pipefail
lede="$(realpath "${1:-target/debug/lede}")"
work="$(mktemp -d)"
trap 'tmux kill-session -t lede-esc-h 2>/dev/null; tmux kill-session -t lede-esc-p 2>/dev/null; tmux kill-session -t lede-esc-r 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
mkdir hostile plain
python3 - <<'PY'
E = '\x1b'
parts = {  # name: (hostile text, what must remain)
    'CSI': (E + '[31m', ''), 'CSI0': (E + '[0m', ''), 'CLR': (E + '[2J' + E + '[H', ''),
    'OSC52': (E + ']52;c;ZXZpbCBjbGlwYm9hcmQ=\x07', ''),
    'OSC8A': (E + ']8;;https://evil.example/' + E + '\\', ''), 'OSC8B': (E + ']8;;' + E + '\\', ''),
    'TITLE': (E + ']2;PWNED-TITLE\x07', ''),
    'UNTERM': (E + ']0;unterminated title runs to the end of the line', ''),
    'C1CSI': ('\u009b41m', ''), 'C1OSC': ('\u009d52;c;YzE=\u009c', ''),
    'RLO': ('\u202e', ''), 'PDF': ('\u202c', ''), 'LRI': ('\u2066', ''), 'PDI': ('\u2069', ''),
    'DCS': (E + 'P+q544e' + E + '\\', ''), 'REPORT': (E + '[6n', ''), 'RESET': (E + 'c', ''),
}
tmpl = ('Council {CSI}approves{CSI0} budget{TITLE} after long debate{UNTERM}\n\n'
        'The council approved a $4.5 million budget on Tuesday{OSC52}, a rise of 12 per cent.{CLR}\n\n'
        '“We have waited {RLO}long enough{PDF},” said Maria Lopez{C1CSI}, the mayor. “Now we build.”\n\n'
        'Read more at {OSC8A}the city site{OSC8B} and the {LRI}archive{PDI}.{DCS}{REPORT}\n\n'
        'About 3,400 residents{C1OSC} signed the petition in 2023, she said.{RESET}\n')
for kind, i in (('hostile', 0), ('plain', 1)):
    with open(f'{kind}/council.txt', 'w', encoding='utf-8') as f:
        f.write(tmpl.format(**{k: v[i] for k, v in parts.items()}))
PY
"$lede" --library lib-h add hostile/council.txt >/dev/null
"$lede" --library lib-p add plain/council.txt >/dev/null
cp -r lib-h lib-r
python3 - <<'PY'
import sqlite3, zlib
E = '\x1b'
def poison(o):
    if not isinstance(o, str):
        return o
    return (o.replace('approves', E + '[31mapproves' + E + '[0m\u202e' + E + ']2;PWNED-TITLE\x07\u009b2J')
             .replace('Tuesday', 'Tuesday' + E + ']52;c;ZXZpbCBjbGlwYm9hcmQ=\x07' + E + '[2J')
             .replace('archive', 'archive' + E + ']8;;https://evil.example/' + E + '\\\u009b41m'))
db = sqlite3.connect('lib-r/library.db')
for sid, *cols in db.execute('SELECT sid, title, standfirst, byline, publisher FROM stories').fetchall():
    db.execute('UPDATE stories SET title=?, standfirst=?, byline=?, publisher=? WHERE sid=?',
               [poison(c) for c in cols] + [sid])
# The body is every block joined by '\n'; the layout holds each block's
# kind letter and byte length, so both are rewritten block by block.
# Bodies are stored zlib-packed (a blob) when that is smaller; lede reads
# plain text too, which is what goes back.
for sid, body, layout in db.execute('SELECT sid, body, layout FROM texts').fetchall():
    if isinstance(body, bytes):
        body = zlib.decompress(body).decode()
    raw, at, blocks = body.encode(), 0, []
    for item in layout.split():
        n = int(item[1:])
        blocks.append((item[0], poison(raw[at:at + n].decode())))
        at += n + 1
    db.execute('UPDATE texts SET body=?, layout=? WHERE sid=?',
               ('\n'.join(t for _, t in blocks), ' '.join(k + str(len(t.encode())) for k, t in blocks), sid))
for story, seq, text, speaker in db.execute('SELECT story, seq, text, speaker FROM quotes').fetchall():
    db.execute('UPDATE quotes SET text=?, speaker=? WHERE story=? AND seq=?', (poison(text), poison(speaker), story, seq))
n = sum(db.execute("SELECT count(*) FROM stories WHERE instr(title, char(27)) > 0").fetchone()) + \
    sum(db.execute("SELECT count(*) FROM texts WHERE instr(body, char(27)) > 0").fetchone())
assert n == 2, 'the poisoned library holds no escape: the test would prove nothing'
db.commit()
PY
for s in h p r; do
    tmux new-session -d -s "lede-esc-$s" -x 160 -y 45 "$lede --library lib-$s; sleep 30"
done
sleep 3
for s in h p r; do tmux capture-pane -p -e -t "lede-esc-$s" > "lib-$s.screen"; tmux send-keys -t "lede-esc-$s" Enter; done
sleep 3
for s in h p r; do tmux capture-pane -p -e -t "lede-esc-$s" > "story-$s.screen"; done
status=0
if ! grep -q "Quotes (" story-h.screen; then
    echo "FAIL: the reader did not open (does \`lede --library DIR\` start it?)"; exit 1
fi
for v in lib story; do
    if ! cmp -s "$v-h.screen" "$v-p.screen"; then
        echo "FAIL: the $v view of the hostile story differs from the plain one"; status=1
    fi
done
python3 - "$status" <<'PY' || status=1
import re, sys
bad = 0
for name in ('lib-h', 'story-h', 'lib-r', 'story-r'):
    s = open(f'{name}.screen', encoding='utf-8').read()
    escapes = re.findall(r'\x1b(?:\[[0-9;]*[A-Za-z]|.)', s)
    foreign = [e for e in escapes if not re.fullmatch(r'\x1b\[[0-9;]*m', e)]
    c1_bidi = [hex(ord(c)) for c in s if '\x80' <= c <= '\x9f' or c in '\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069']
    remnants = [w for w in ('[31m', '52;', 'ZXZp', 'PWNED', 'evil.example', '41m', 'unterminated', '+q544e') if w in s]
    ok = not foreign and not c1_bidi and not remnants
    bad += not ok
    print(f"{'ok  ' if ok else 'FAIL'} {name}: styling {sorted(set(escapes))} foreign {foreign} c1/bidi {c1_bidi} remnants {remnants}")
sys.exit(1 if bad else 0)
PY
if [ -n "$(tmux list-buffers 2>/dev/null | grep -i 'ZXZp\|YzE=' || true)" ]; then echo "FAIL: OSC 52 reached tmux's buffers"; status=1; fi
for s in h r; do
    case "$(tmux display -p -t "lede-esc-$s" '#{pane_title}')" in *PWNED*|*unterminated*) echo "FAIL: the story set the title"; status=1;; esac
done
[ "$status" = 0 ] && echo "PASS: no story-supplied sequence reached the terminal"
exit "$status"
