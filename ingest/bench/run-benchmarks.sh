#!/usr/bin/env bash
# Reproduces the ingest numbers of docs/benchmarks.md (needs ../shared beside the checkout).
#   ingest/bench/run-benchmarks.sh [CORPUS_DIR] [SCANNED_COUNT]
# 1. extraction quality on the dev corpus (score.py), 2. a scanned copy of the first N applications
# (statements and forms rendered to image-only PDFs) read through OCR and scored, 3. pages/second.
set -euo pipefail
cd "$(dirname "$0")/../.."
CORPUS=${1:-../shared/corpus/dev}
N=${2:-6}
CORPUS=$(cd "$CORPUS" && pwd)
OUT=${TMPDIR:-/tmp}/shinsa-bench
mkdir -p "$OUT"
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/*-2[1-9]* /usr/lib/jvm/*-[3-9][0-9]* 2>/dev/null | sort -V | tail -1)
  export JAVA_HOME
fi
MVN="./mvnw -B -q -o -pl ingest -am test -Dsurefire.failIfNoSpecifiedTests=false"
$MVN -Dtest=CorpusDump -Dshinsa.dump.in="$CORPUS" -Dshinsa.dump.out="$OUT/text.jsonl" 2>"$OUT/text.log"
python3 "$CORPUS/../../tools/score.py" --truth "$CORPUS/truth" --results "$OUT/text.jsonl" | sed -n 1,6p
rm -rf "$OUT/scanned"
$MVN -Dtest=ScanCorpus -Dshinsa.scan.in="$CORPUS" -Dshinsa.scan.out="$OUT/scanned" -Dshinsa.scan.count="$N" \
  '-Dshinsa.scan.only=(決算|貸借|損益|BS|所要|決算状況).*' 2>"$OUT/scan.log"
$MVN -Dtest=CorpusDump -Dshinsa.dump.in="$OUT/scanned" -Dshinsa.dump.out="$OUT/scanned.jsonl" 2>"$OUT/scanned.log"
echo "scanned copies (figures of the $N applications only):"
python3 - "$OUT/scanned.jsonl" "$CORPUS/truth" <<'PY'
import json, sys, collections
tp, fp, fn = collections.Counter(), collections.Counter(), collections.Counter()
for line in open(sys.argv[1]):
    r = json.loads(line)
    t = json.load(open(f"{sys.argv[2]}/{r['application']}.json"))
    T = {(f['file'], f['account'], f['fiscalYear'], f['value']): f['documentType'] for f in t['figures']}
    R = {(f['file'], f['account'], f['fiscalYear'], f['value']): f['documentType'] for f in r['figures']}
    for k, dt in T.items():
        (tp if k in R else fn)[dt] += 1
    for k, dt in R.items():
        if k not in T:
            fp[dt] += 1
for dt in sorted(set(tp) | set(fn)):
    p = tp[dt] / max(1, tp[dt] + fp[dt]); rc = tp[dt] / max(1, tp[dt] + fn[dt])
    print(f"  {dt:22s} P={p:.4f} R={rc:.4f} F1={2*p*rc/max(1e-9,p+rc):.4f}")
PY
$MVN -Dtest=IngestBenchmark -Dshinsa.bench.text="$CORPUS" -Dshinsa.bench.scanned="$OUT/scanned" 2>&1 | grep '^BENCH'
