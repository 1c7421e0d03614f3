#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
# matrix.sh - the transport matrix of balloon-ccw-2019 (check/matrix.c):
# exactly one transport, ccw, and the balloon's three callbacks reached
# from its interrupt path in hardirq context - config_changed and both
# virtqueue callbacks, which only the find_vqs parameters lead to.
#
#   matrix.sh LOCKPATH CORPUS_DIR WORK_DIR
set -u
[ $# -eq 3 ] || { echo "usage: matrix.sh LOCKPATH CORPUS_DIR WORK_DIR" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
bash "$here/run-tree.sh" "$1" "$2" balloon-ccw-2019 "$3" >/dev/null || { echo "matrix: the tree fails" >&2; exit 1; }
db=$3/balloon-ccw-2019/lockpath.db
q() { sqlite3 -readonly -batch -noheader "$db" "$1"; }
fail=0
transports=$(q "SELECT group_concat(t, ',') FROM (SELECT DISTINCT transport t FROM transport_file WHERE has_ops = 1 ORDER BY t)")
[ "$transports" = ccw ] || { echo "matrix: FAIL transports '$transports', want 'ccw'" >&2; fail=1; }
reached=$(q "SELECT group_concat(n, ',') FROM (SELECT f.name || '/' || c.context n FROM callback_reach c
             JOIN func f ON f.id = c.cb_func WHERE c.transport = 'ccw' ORDER BY f.name)")
want=balloon_ack/hardirq,stats_request/hardirq,virtballoon_changed/hardirq
[ "$reached" = "$want" ] || { echo "matrix: FAIL callbacks '$reached', want '$want'" >&2; fail=1; }
[ $fail = 0 ] && echo "matrix: transports $transports; callbacks $reached"
exit $fail
