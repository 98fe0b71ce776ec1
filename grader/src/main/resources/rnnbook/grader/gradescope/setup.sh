#!/usr/bin/env bash
# Gradescope runs this once, in /autograder/source, when it builds the autograder's image. Idempotent: installs
# only what is missing (a JDK 17 with javac, bubblewrap, util-linux for prlimit/setpriv), then compiles the tests
# and records the reference solution's values once, so each submission starts grading at once.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
java_ok() {
  command -v java >/dev/null && command -v javac >/dev/null \
    && [ "$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p' | cut -d. -f1)" -ge 17 ]
}
missing=()
java_ok || missing+=(openjdk-17-jdk-headless)
command -v bwrap >/dev/null || missing+=(bubblewrap)
{ command -v prlimit >/dev/null && command -v setpriv >/dev/null; } || missing+=(util-linux)
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# the grading children run on a jlink image of the JDK's own modules (faster start-up); Ubuntu ships the JDK's
# jmods in a package of their own. Without them grading still works, only slower (the grader says so).
if [ ! -f "$(java -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.home = //p')/jmods/java.base.jmod" ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jmods \
    || echo "setup.sh: no openjdk-17-jmods package: children run on the full JDK (slower start-up)"
fi
chmod 755 run_autograder
. ./autograder.conf
java -cp "lib/*" -Drnnbook.exercises.dir="$PWD/exercises" -Drnnbook.grader.dir="$PWD/grader" \
  rnnbook.grader.Cli gradescope --prepare --assignment "$ASSIGNMENT"
