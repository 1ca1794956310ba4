#!/bin/bash
# Scores CorpusDump results of LayoutVariants packages per variation (one truth dir per variation).
#   ingest/bench/score-variants.sh VARIANTS_DIR RESULTS.jsonl
D=$1; R=$2
printf "%-18s %5s %6s %6s %6s %6s  %s\n" variation apps docacc P R F1 "F1 FS/IS/BSC"
for v in $(ls $D/truth); do
  python3 "${SCORE:-$(dirname "$0")/../../../shared/tools/score.py}" --truth $D/truth/$v --results $R --json | python3 -c "
import json,sys; s=json.load(sys.stdin); f=s['figures']; t=s['figuresByDocumentType']
g=lambda k: str(t.get(k,{}).get('f1','-'))
print('%-18s %5d %6s %6.3f %6.3f %6.3f  %s/%s/%s' % ('$v', s['applications'], s['documentTypeAccuracy'], f['precision'], f['recall'], f['f1'], g('FINANCIAL_STATEMENTS'), g('INPUT_SHEET'), g('BS_COMPARISON')))"
done
