#!/bin/bash
# Scores review results of LayoutVariants packages per variation (one truth dir per variation):
# figures (P/R/F1, F1 per document type), planted errors found, clean applications without a false alarm.
#   ingest/bench/score-variants.sh VARIANTS_DIR RESULTS.jsonl
D=$1; R=$2
printf "%-22s %4s %6s %6s %6s  %-17s %7s %7s\n" variation apps P R F1 "F1 FS/IS/BSC" planted clean
for v in $(ls $D/truth); do
  python3 "${SCORE:-$(dirname "$0")/../../../shared/tools/score.py}" --truth $D/truth/$v --results $R --json | python3 -c "
import json,sys; s=json.load(sys.stdin); f=s['figures']; t=s['figuresByDocumentType']
g=lambda k: '%.3f' % t[k]['f1'] if k in t else '-'
clean=s['cleanApplications']; ok=round((s['cleanApplicationsZeroFalseAlarmShare'] or 0)*clean)
print('%-22s %4d %6.4f %6.4f %6.4f  %s/%s/%s %3d/%-3d %3d/%-3d' % ('$v', s['applications'], f['precision'], f['recall'], f['f1'],
  g('FINANCIAL_STATEMENTS'), g('INPUT_SHEET'), g('BS_COMPARISON'), s['findingsFound'], s['findingsExpected'], ok, clean))"
done
