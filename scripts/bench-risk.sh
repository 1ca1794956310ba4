#!/usr/bin/env bash
# Financial-risk benchmark (docs/benchmarks.md): 10-fold CV of the risk trainer and its Weka
# baselines on the Polish bankruptcy data (years 1 and 5), and on past-applicants.csv when present.
# Usage: scripts/bench-risk.sh [SHARED_DIR]   (default: ../shared beside the checkout)
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${1:-../shared}"
if [ -z "${JAVA_HOME:-}" ] || ! "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  JAVA_HOME="$(ls -d /usr/lib/jvm/*25* /usr/lib/jvm/*21* 2>/dev/null | head -1 || true)"
fi
export JAVA_HOME
# OpenMP (XGBoost) must not spin-wait on a busy 2-core machine.
export OMP_WAIT_POLICY=PASSIVE
./mvnw -B -q -pl scoring -am -DskipTests package dependency:build-classpath \
  -Dmdep.outputFile=target/risk-classpath.txt >&2
CP="scoring/target/classes:$(cat scoring/target/risk-classpath.txt)"
run() { "$JAVA_HOME/bin/java" -Xmx4g --enable-native-access=ALL-UNNAMED -cp "$CP" \
  jp.shinsa.scoring.risk.TrainRiskCommand "$@" 2> >(grep -vE 'WARN|ARPACK|SLF4J|^$' >&2); }
for year in 1 5; do
  f="$SHARED/data/polish-bankruptcy/${year}year.arff"
  [ -f "$f" ] || { echo "skip: $f absent" >&2; continue; }
  echo "== polish-bankruptcy ${year}year.arff"
  run train-risk --data "$f" --label class --folds 10
done
if [ -f "$SHARED/data/past-applicants.csv" ]; then
  echo "== past-applicants.csv"
  run train-risk --data "$SHARED/data/past-applicants.csv" --label distress_within_3y --folds 10
fi
