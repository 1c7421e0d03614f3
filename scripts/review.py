#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""review.py - the whole-tree review's bookkeeping, against lockpath's SARIF.

docs/kernel-6.1-s390-full.md keeps one table row per reviewed finding,
newest session first:

  | #N `FP8` rule, context, `entry` -> `sink` | TRUE/DEFENSIBLE/FALSE | class | notes |

(older sessions' rows put the rule in a cell of its own).  FP8 is the
first 8 hex digits of the finding's 'lockpath/v1' fingerprint, in the
row's first cell; the verdict is the first cell that starts with one, the
class the next.  A finding's verdict is the first row that names its FP8.
The notes of a false finding name the first impossible hop as
'path/file.c:LINE'.

  review.py verdicts RUN.sarif [--doc DOC]   counts by verdict; lists the unreviewed
  review.py diff OLD.sarif NEW.sarif          findings gone and new, by fingerprint
  review.py show RUN.sarif FP8...             rank, rule, message and every hop
  review.py hops RUN.sarif [--doc DOC]        the false findings' first impossible
                                              hops, most common first

Standard library only; it reads files and prints, nothing else.
"""
import argparse
import collections
import json
import os
import re
import sys

DOC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "kernel-6.1-s390-full.md")
FP8 = re.compile(r"`([0-9a-f]{8})`")
VERDICT = re.compile(r"^\W*(TRUE|DEFENSIBLE|FALSE)\b", re.IGNORECASE)
HOP = re.compile(r"[\w./-]+\.[ch]:\d+")


def findings(path):
    """The results of a SARIF file, in its order (lockpath's rank order)."""
    with open(path, encoding="utf-8") as f:
        sarif = json.load(f)
    out = []
    for r in sarif["runs"][0]["results"]:
        fp = r.get("partialFingerprints", {}).get("lockpath/v1", "")
        out.append({"fp": fp[:8], "full": fp, "rule": r["ruleId"], "text": r["message"]["text"], "result": r})
    return out


def verdict_rows(doc):
    """FP8 -> (verdict, class, notes) of the first row that names it."""
    rows = {}
    with open(doc, encoding="utf-8") as f:
        for line in f:
            cells = line.rstrip("\n").split("|")[1:]
            fp = FP8.search(cells[0]) if line.startswith("|") and cells else None
            if not fp or fp.group(1) in rows:
                continue
            for k, cell in enumerate(cells[1:], 1):
                m = VERDICT.match(cell.strip())
                if m:
                    rows[fp.group(1)] = (m.group(1).upper(), cells[k + 1].strip() if k + 1 < len(cells) else "",
                                         "|".join(cells[k + 2:]))
                    break
    return rows


def cmd_verdicts(args):
    rows = verdict_rows(args.doc)
    run = findings(args.sarif)
    counts = collections.Counter()
    first40 = collections.Counter()
    for i, f in enumerate(run):
        v = rows.get(f["fp"], ("UNREVIEWED",))[0]
        counts[v] += 1
        if i < 40:
            first40[v] += 1
    print(f"{len(run)} findings: " + ", ".join(f"{counts[v]} {v.lower()}"
          for v in ("TRUE", "DEFENSIBLE", "FALSE", "UNREVIEWED")))
    print(f"first 40: {first40['TRUE']} true, {first40['DEFENSIBLE']} defensible")
    for i, f in enumerate(run):
        if f["fp"] not in rows:
            print(f"  unreviewed #{i + 1} {f['fp']} {f['rule']}: {f['text'][:150]}")
    return 0


def cmd_diff(args):
    old = findings(args.old)
    new = findings(args.new)
    old_fps = {f["full"] for f in old}   # whole fingerprints: two may share their first 8 digits
    new_fps = {f["full"] for f in new}
    gone = [f for f in old if f["full"] not in new_fps]
    came = [(i, f) for i, f in enumerate(new) if f["full"] not in old_fps]
    print(f"{len(old)} -> {len(new)}: {len(gone)} gone, {len(came)} new")
    for f in gone:
        print(f"  gone {f['fp']} {f['rule']}: {f['text'][:150]}")
    for i, f in came:
        print(f"  new #{i + 1} {f['fp']} {f['rule']}: {f['text'][:150]}")
    return 0


def hop_lines(result):
    """'file:line message' for every hop of every path of RESULT."""
    for k, flow in enumerate(result.get("codeFlows", [])):
        for tf in flow.get("threadFlows", []):
            yield f"  path {k}:"
            for loc in tf.get("locations", []):
                pl = loc["location"]["physicalLocation"]
                where = f"{pl['artifactLocation']['uri']}:{pl['region']['startLine']}"
                text = loc["location"].get("message", {}).get("text", "")
                yield f"    {'  ' * loc.get('nestingLevel', 0)}{where} {text}"


def cmd_show(args):
    run = findings(args.sarif)
    status = 0
    for want in args.fp:
        hits = [(i, f) for i, f in enumerate(run) if f["fp"].startswith(want.lower())]
        if not hits:
            print(f"review.py: no finding {want} in {args.sarif}", file=sys.stderr)
            status = 1
        for i, f in hits:
            r = f["result"]
            loc = r["locations"][0]["physicalLocation"]
            print(f"#{i + 1} {f['fp']} {f['rule']} ({r.get('properties', {}).get('context', '?')}) "
                  f"{loc['artifactLocation']['uri']}:{loc['region']['startLine']}")
            print(f"  {f['text']}")
            for line in hop_lines(r):
                print(line)
    return status


def cmd_hops(args):
    rows = verdict_rows(args.doc)
    tally = collections.Counter()
    for f in findings(args.sarif):
        row = rows.get(f["fp"])
        if row and row[0] == "FALSE":
            m = HOP.search(row[2])
            tally[m.group(0) if m else "(no hop named)"] += 1
    for hop, n in tally.most_common(args.top):
        print(f"{n:4d} {hop}")
    return 0


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    sub = p.add_subparsers(dest="cmd", required=True)
    v = sub.add_parser("verdicts", help="counts by verdict")
    v.add_argument("sarif")
    v.add_argument("--doc", default=DOC)
    d = sub.add_parser("diff", help="findings gone and new")
    d.add_argument("old")
    d.add_argument("new")
    s = sub.add_parser("show", help="a finding's hops")
    s.add_argument("sarif")
    s.add_argument("fp", nargs="+")
    h = sub.add_parser("hops", help="first impossible hops")
    h.add_argument("sarif")
    h.add_argument("--doc", default=DOC)
    h.add_argument("--top", type=int, default=20)
    args = p.parse_args(argv)
    try:
        return {"verdicts": cmd_verdicts, "diff": cmd_diff, "show": cmd_show, "hops": cmd_hops}[args.cmd](args)
    except BrokenPipeError:   # '| head': the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (OSError, ValueError, KeyError) as e:
        print(f"review.py: error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
