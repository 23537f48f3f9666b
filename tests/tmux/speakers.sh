#!/usr/bin/env bash
# The speakers view on a real terminal (issue 17): p lists the speakers,
# Enter lists a speaker's quotes across stories, Enter on a quote opens
# its story scrolled to the quote, '' comes back to the list, and q backs
# out one level at a time before quitting.
# Usage: tests/tmux/speakers.sh [path/to/lede]   (needs tmux)
set -euo pipefail
# shellcheck source=tests/tmux/common.bash
source "$(dirname "$0")/common.bash"
story() { # FILE TITLE DATE SPEAKER WORDS
    {
        printf '%s\n\nBy Ada Venn\n%s\n\n' "$2" "$3"
        for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do
            printf 'Paragraph %s of the story about %s: the council met on Tuesday and spent a long evening on the budget, the roads and the harbour, as it does every month when the weather turns.\n\n' "$i" "$2"
        done
        printf '“%s,” said %s, the chair of the works committee.\n\n' "$5" "$4"
        for i in 15 16 17 18; do
            printf 'Paragraph %s closes the story about %s with more of the same long and careful detail.\n\n' "$i" "$2"
        done
    } > "stories/$1"
}
story a.txt "Harbour wall repairs begin" "2024-03-01" "Maria Lopez" "We will finish the wall before the winter"
story b.txt "Bridge tolls to rise in spring" "2024-05-01" "Maria Lopez" "Nobody likes a toll but the bridge must be paid for"
story c.txt "Ferry timetable changes" "2024-04-01" "Tom Okafor" "The ferry keeps its two boats"
"$lede" --library lib add stories/a.txt stories/b.txt stories/c.txt >/dev/null 2>&1

s=sp-walk
sessions+=("$s")
tmux new-session -d -s "$s" -x 120 -y 40 "$lede --library lib; echo LEDE-EXIT-\$?; sleep 60"
wait_for "$s" "Library (3)" 5 || fail "the reader did not start"

# p: every speaker, one row each, with counts.
tmux send-keys -t "$s" p
wait_for "$s" "Speakers (2)" 3 || fail "p did not show the speakers"
wait_for "$s" "2 quotes · 2 stories" 3 || fail "Maria Lopez is not counted 2 quotes in 2 stories"
[ "$(screen "$s" | grep -c 'Maria Lopez')" = 1 ] || fail "Maria Lopez is not listed exactly once"

# Enter: her quotes, newest story first.
tmux send-keys -t "$s" Enter
wait_for "$s" "Maria Lopez: 2 quotes" 3 || fail "Enter did not list her quotes"
first=$(screen "$s" | grep -n 'Nobody likes a toll' | head -n1 | cut -d: -f1)
second=$(screen "$s" | grep -n 'We will finish the wall' | head -n1 | cut -d: -f1)
[ -n "$first" ] && [ -n "$second" ] && [ "$first" -lt "$second" ] || fail "her quotes are not newest first"

# Enter on the second quote: its story, scrolled to the quote.
tmux send-keys -t "$s" j Enter
# (The story's own hints and its title with how far in, in the status line.)
wait_for "$s" "y copy quote" 5 || fail "Enter did not open the story"
screen "$s" | tail -n1 | grep -qE "Harbour wall repairs begin · [0-9]+%" || fail "not the story of the quote"
wait_for "$s" "said Maria Lopez" 3 || { fail "the story is not scrolled to the quote"; screen "$s"; }
screen "$s" | grep -qF "Paragraph 1 of the story" && fail "the story opened at its top, not at the quote"

# '': back to the list, on the quote we opened.
tmux send-keys -t "$s" "'" "'"
wait_for "$s" "Enter open at the place" 3 || fail "'' did not come back to the list"
wait_for "$s" "2 of 2" 3 || fail "the list lost its place"

# q, q, q: the list -> the speakers -> the stories -> quit.
tmux send-keys -t "$s" q
wait_for "$s" "Enter their quotes" 3 || fail "q did not go back to the speakers"
tmux send-keys -t "$s" q
wait_for "$s" "Enter open · " 3 || fail "q did not go back to the stories"
screen "$s" | grep -q LEDE-EXIT && fail "q quit too early"
tmux send-keys -t "$s" q
wait_for "$s" "LEDE-EXIT-0" 3 || fail "q in the library did not quit"

[ "$status" = 0 ] && echo "PASS: speakers -> quotes -> story at the quote -> '' back -> q out"
exit "$status"
