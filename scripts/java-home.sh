# Sourced by ./shinsa and .ci/run: sets JAVA_HOME to a JDK of version 21 or newer.
# JAVA_HOME wins when it is one; else the newest JDK under /usr/lib/jvm (and macOS's java_home).
shinsa_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}' | cut -d. -f1
}
shinsa_pick_java() {
  local best="" best_major=0 candidate major
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    major=$(shinsa_java_major "$JAVA_HOME")
    if [ "${major:-0}" -ge 21 ] 2>/dev/null; then return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(shinsa_java_major "$candidate")
    if [ "${major:-0}" -gt "$best_major" ] 2>/dev/null; then best="$candidate"; best_major=$major; fi
  done
  if [ -z "$best" ] && command -v /usr/libexec/java_home >/dev/null 2>&1; then
    best=$(/usr/libexec/java_home -v 21+ 2>/dev/null); best_major=21
  fi
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    best_major=$(shinsa_java_major "$candidate"); best="$candidate"
  fi
  if [ -z "$best" ] || [ "${best_major:-0}" -lt 21 ] 2>/dev/null; then
    echo "Shinsa needs a JDK 21 or newer; none found (set JAVA_HOME to one)." >&2
    return 1
  fi
  export JAVA_HOME="$best"
}
