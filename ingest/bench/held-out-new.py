#!/usr/bin/env python3
"""Checks that a held-out list's wordings and parts (detail, flat and indirect lines) are new (docs/decisions/025, 027, 029).

    python3 ingest/bench/held-out-new.py ingest/src/test/resources/jp/shinsa/ingest/tools/held-out-statements-5.tsv \
        [--corpus ../shared/corpus/dev] [--near]

Each wording and part of the list, as printed and after NFKC without spaces, is compared with:
  - the wordings and parts of the earlier lists (held-out-statements*.tsv beside it, except itself),
    bounded by the lists' separators;
  - every field of accounts.csv (models, and ../shared/spec when present) and of every CSV under
    ingest/src and scoring/src (account-synonyms.csv among them);
  - every quoted string of the Java sources of ingest/src and scoring/src (the generator's LABELS,
    WORDINGS_TUNED and detail levels among them), whole and split at regex / punctuation separators;
  - the text of the dev corpus: each pdftotext -layout line of every PDF split into cells at runs of
    two or more spaces and at amounts, and every shared / inline string of every XLSX.
A match is an equal string (as printed, or both normalised). The parts the generator needs by name
(減価償却費, 支払利息) are allowed. Prints every match with the sources it was found in (file names, not
their text), and exits 1 if any. --near also lists wordings that contain, or are contained in, a
string of the lists, the generator's test sources, accounts.csv or the corpus (for judging near forms;
the reader's sources are left out of it).
"""
import argparse
import glob
import os
import re
import subprocess
import sys
import unicodedata
import zipfile
from collections import defaultdict
from xml.etree import ElementTree

ALLOWED = {"減価償却費", "支払利息"}
SEPARATORS = re.compile(r"[|()\[\]{}^$?*+.,;:\\\"'<>=!&/\s]+")
AMOUNT = re.compile(r"[△▲\-−]?\s?[\d０-９][\d０-９,，.]*円?")


def norm(s):
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def read_list(path):
    """(kind, account, text) of every wording and part of a held-out list."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            kind, account, text = line.split("\t")[:3]
            if kind == "label":
                out.append((kind, account, text))
            elif kind in ("detail", "flat", "indirect"):
                out.extend((kind, account, p) for p in text.split("|"))
    return out


def java_strings(path):
    text = open(path, encoding="utf-8").read()
    out = []
    for m in re.finditer(r'"((?:[^"\\\n]|\\.)*)"', text):
        s = re.sub(r"\\u([0-9a-fA-F]{4})", lambda u: chr(int(u.group(1), 16)), m.group(1))
        out.append(re.sub(r"\\(.)", r"\1", s))
    return out


def pieces(s):
    out = {s}
    out.update(p for p in SEPARATORS.split(s) if p)
    return out


def pdf_cells(path):
    try:
        text = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True, text=True, check=False).stdout
    except FileNotFoundError:
        sys.exit("pdftotext is needed for the corpus check")
    cells = set()
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        cells.add(AMOUNT.sub("", line).strip())
        for c in re.split(r"\s{2,}|　{2,}", line):
            c = AMOUNT.sub("", c).strip()
            if c:
                cells.add(c)
        for c in AMOUNT.split(line):
            if c.strip():
                cells.add(c.strip())
    return cells


def xlsx_cells(path):
    cells = set()
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name == "xl/sharedStrings.xml" or (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                root = ElementTree.fromstring(z.read(name))
                for si in root.iter():
                    if si.tag.endswith("}si") or si.tag.endswith("}is"):
                        t = "".join(x.text or "" for x in si.iter() if x.tag.endswith("}t"))
                        if t.strip():
                            cells.add(t.strip())
    return cells


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("list")
    ap.add_argument("--repo", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    ap.add_argument("--corpus", default=None)
    ap.add_argument("--near", action="store_true")
    a = ap.parse_args()
    repo = os.path.abspath(a.repo)
    corpus = a.corpus or os.path.join(repo, "..", "shared", "corpus", "dev")
    target = os.path.abspath(a.list)

    # source name -> set of strings; 'reader' sources are not used for --near
    sources = defaultdict(set)
    reader = set()
    for p in sorted(glob.glob(os.path.join(os.path.dirname(target), "held-out-statements*.tsv"))):
        if os.path.abspath(p) != target:
            sources["list:" + os.path.basename(p)].update(t for _, _, t in read_list(p))
    for p in [os.path.join(repo, "models/src/main/resources/jp/shinsa/models/accounts.csv"),
              os.path.join(repo, "..", "shared", "spec", "accounts.csv")]:
        if os.path.exists(p):
            for line in open(p, encoding="utf-8"):
                sources["accounts.csv"].update(f.strip() for f in line.split(","))
    for top in ("ingest/src", "scoring/src"):
        for p in glob.glob(os.path.join(repo, top, "**", "*"), recursive=True):
            rel = os.path.relpath(p, repo)
            if p.endswith(".csv"):
                key = "csv:" + os.path.basename(p)
                for line in open(p, encoding="utf-8", errors="ignore"):
                    for f in re.split(r"[,\t|]", line.rstrip("\n")):
                        if f.strip():
                            sources[key].add(f.strip().strip('"'))
                if "/main/" in rel:
                    reader.add(key)
            elif p.endswith(".java"):
                key = ("main:" if "/main/" in rel else "test:") + os.path.basename(p)
                for s in java_strings(p):
                    sources[key].update(pieces(s))
                if "/main/" in rel:
                    reader.add(key)
    corpus_files = 0
    if os.path.isdir(corpus):
        for p in sorted(glob.glob(os.path.join(corpus, "**", "*"), recursive=True)):
            if p.lower().endswith(".pdf"):
                sources["corpus:pdf"].update(pdf_cells(p))
                corpus_files += 1
            elif p.lower().endswith(".xlsx"):
                sources["corpus:xlsx"].update(xlsx_cells(p))
                corpus_files += 1
    else:
        print("note: no dev corpus at", corpus, "(corpus not checked)")

    index = defaultdict(set)  # printed or normalised string -> source names
    for name, strings in sources.items():
        for s in strings:
            index[s].add(name)
            index["\0" + norm(s)].add(name)

    items = read_list(target)
    hits = []
    for kind, account, text in items:
        found = set(index.get(text, set())) | set(index.get("\0" + norm(text), set()))
        if found and not (kind != "label" and text in ALLOWED):
            hits.append((kind, account, text, sorted(found)))
    allowed = [t for k, _, t in items if k != "label" and t in ALLOWED]
    # duplicates inside the list itself (after normalisation)
    seen = defaultdict(list)
    for kind, account, text in items:
        seen[norm(text)].append((kind, account, text))
    dups = {k: v for k, v in seen.items() if len(v) > 1}

    labels = sum(1 for k, _, _ in items if k == "label")
    parts = sum(1 for k, _, _ in items if k == "detail")
    blocks = len({acc for k, acc, _ in items if k == "detail"})
    flat = sum(1 for k, _, _ in items if k == "flat")
    flats = len({acc for k, acc, _ in items if k == "flat"})
    indirect = sum(1 for k, _, _ in items if k == "indirect")
    indirects = len({acc for k, acc, _ in items if k == "indirect"})
    print(f"{os.path.basename(target)}: {labels} wordings, {blocks} detail blocks with {parts} parts, "
          f"{flats} flat blocks with {flat} parts" + (f", {indirects} indirect blocks with {indirect} parts" if indirect else ""))
    print(f"compared with {sum(len(v) for v in sources.values())} strings from {len(sources)} sources "
          f"({corpus_files} corpus files)")
    print(f"allowed by name (memo parts): {sorted(set(allowed))}")
    for kind, account, text, found in hits:
        print(f"FOUND {kind}\t{account}\t{text}\tin {', '.join(found)}")
    for k, v in dups.items():
        print(f"DUPLICATE {k}: {v}")
    if a.near:
        near = []
        for kind, account, text in items:
            n = norm(text)
            if len(n) < 2 or text in ALLOWED:
                continue
            where = set()
            for name, strings in sources.items():
                if name in reader:
                    continue
                for s in strings:
                    m = norm(s)
                    if len(m) >= 2 and m != n and (n in m or (m in n and len(m) >= len(n) - 2)):
                        where.add(f"{name}:{s}")
            if where:
                near.append((kind, account, text, sorted(where)[:6]))
        for kind, account, text, where in near:
            print(f"near {kind}\t{account}\t{text}\t~ {'; '.join(where)}")
    print("result:", "new" if not hits and not dups else f"{len(hits)} found, {len(dups)} duplicated")
    return 1 if hits or dups else 0


if __name__ == "__main__":
    sys.exit(main())
