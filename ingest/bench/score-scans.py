#!/usr/bin/env python3
"""Scores scanned copies on the scanned files only (not the spreadsheets beside them).

usage: score-scans.py TRUTH_DIR RESULTS.jsonl [RESULTS.jsonl ...]
Figures are (file, account, fiscalYear, value) as in run-benchmarks.sh; a file counts as scanned when
its name matches the pattern ScanCorpus and DegradedScans scan. Prints, per results file, figure
precision/recall/F1 overall and per document type, how many scanned files got the right type, and the
sign flips (a figure read as the truth's negation: a lost or invented △)."""
import collections
import json
import os
import re
import sys

SCANNED = re.compile(r"(決算|貸借|損益|BS|所要|決算状況).*\.pdf")


def score(truth_dir, path):
    tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
    types_ok = types_n = 0
    wrong = []
    flips = 0
    for line in open(path, encoding="utf-8"):
        r = json.loads(line)
        t = json.load(open(os.path.join(truth_dir, r["application"] + ".json"), encoding="utf-8"))
        truth = {(f["file"], f["account"], f["fiscalYear"], f["value"]): f["documentType"]
                 for f in t["figures"] if SCANNED.fullmatch(f["file"])}
        found = {(f["file"], f["account"], f["fiscalYear"], f["value"]): f["documentType"]
                 for f in r["figures"] if SCANNED.fullmatch(f["file"])}
        for k, dt in truth.items():
            (tp if k in found else fn)[dt] += 1
        # a sign flip: the truth's figure negated (a lost or invented △), same file, account and year
        flips += sum(1 for k in truth if k[3] != 0 and (k[0], k[1], k[2], -k[3]) in found)
        for k, dt in found.items():
            if k not in truth:
                fp[t["documents"].get(k[0], dt)] += 1
        for d in r["documents"]:
            if SCANNED.fullmatch(d["file"]):
                types_n += 1
                if t["documents"].get(d["file"]) == d["type"]:
                    types_ok += 1
                else:
                    wrong.append(f"{r['application']}/{d['file']}={d['type']}")

    def prf(a, b, c):
        p = a / max(1, a + b)
        rc = a / max(1, a + c)
        return p, rc, 2 * p * rc / max(1e-9, p + rc)

    p, rc, f = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    per = " ".join(f"{dt[:2]}={prf(tp[dt], fp[dt], fn[dt])[2]:.3f}" for dt in sorted(set(tp) | set(fn)))
    name = os.path.basename(path).removesuffix(".jsonl")
    print(f"{name:8s} P={p:.3f} R={rc:.3f} F1={f:.3f} (truth {sum(tp.values()) + sum(fn.values())}) {per} "
          f"types {types_ok}/{types_n} signFlips {flips}" + (" wrong: " + ", ".join(wrong) if wrong else ""))


for results in sys.argv[2:]:
    score(sys.argv[1], results)
