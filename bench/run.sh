#!/usr/bin/env bash
# bench/run.sh: start-up and knowledge-base scaling benchmark for `roles` (issue 5).
#
# Usage, from the repository root:   bench/run.sh
#
# What it does, in one run:
#   1. builds `roles` in release mode, and a hello-world crate (generated under
#      <target>/bench/hello) whose [profile.release] is copied from Cargo.toml, so
#      both always use the same profile;
#   2. for `roles compare`, `compare --format json`, `show cto`, `search governance`
#      and `advise --no-input --answer aim=product --answer size=startup` (and hello
#      world), with COLUMNS=80 NO_COLOR=1 and stdout to /dev/null:
#        - instructions executed: valgrind --tool=callgrind (whole process);
#        - wall time over $RUNS runs after warm-up: hyperfine if installed, else a
#          python3 spawn-and-wait loop; median, min–max and IQR;
#        - peak RSS: /usr/bin/time -f %M if present, else python3 wait4() rusage;
#   3. user knowledge bases 1×, 10×, 100× and 1000× the size of `roles kb dump`
#      (bench/gen_kb.py; each checked valid with `roles kb validate`): time and
#      peak RSS of `roles kb validate FILE` and `roles --kb FILE compare`. A size
#      over the loader's cap (MAX_FILE_BYTES, read from src/kb/load.rs) is shown
#      refused (exit 2), and the largest whole multiple under the cap is measured
#      in its place;
#   4. prints a Markdown report and a PASS/FAIL line per target of issue 5, and
#      writes it to bench/results/latest.md.
#
# Exit status: 0 when every target passes, 1 when one fails, 2 on a setup error.
# Takes about 2–4 minutes on 2 cores once `roles` is built (more if it must build).
#
# Environment:
#   RUNS=50        timed runs per start-up command (plus 5 warm-up runs)
#   KB_RUNS=N      timed runs per knowledge-base size (default 20/10/5/3 by size)
#   KB_CALLGRIND=10  count instructions for knowledge bases up to this factor (0: none)
#   NO_HYPERFINE=1 use the python3 timing loop even when hyperfine is installed
#   SKIP_BUILD=1   use the binaries already built
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${RUNS:-50}
WARMUP=5
KB_CALLGRIND=${KB_CALLGRIND:-10}
export COLUMNS=80 NO_COLOR=1
unset ROLES_KB CLICOLOR_FORCE || true

die() { echo "bench/run.sh: $*" >&2; exit 2; }
note() { echo "bench/run.sh: $*" >&2; }

command -v cargo >/dev/null || die "cargo not found"
command -v python3 >/dev/null || die "python3 not found"

TARGET=$(cargo metadata --no-deps --format-version 1 |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
WORK=$TARGET/bench
mkdir -p "$WORK/hello/src" "$WORK/kb" "$ROOT/bench/results"
RESULTS=$WORK/results.tsv
: >"$RESULTS"

# ---------------------------------------------------------------- build
PROFILE=$(python3 bench/bench.py hello-manifest Cargo.toml "$WORK/hello/Cargo.toml")
printf 'fn main() {\n    println!("Hello, world!");\n}\n' >"$WORK/hello/src/main.rs"
if [[ -z ${SKIP_BUILD:-} ]]; then
  note "building roles (release) …"
  cargo build --release --bin roles >&2
  note "building hello world (release, same profile: $PROFILE) …"
  cargo build --release --manifest-path "$WORK/hello/Cargo.toml" --target-dir "$WORK/hello/target" >&2
fi
ROLES=$TARGET/release/roles
HELLO=$WORK/hello/target/release/hello
[[ -x $ROLES && -x $HELLO ]] || die "binaries missing: $ROLES $HELLO"
printf 'meta\tprofile\t%s\n' "$PROFILE" >>"$RESULTS"
printf 'meta\troles_bytes\t%s\n' "$(stat -c %s "$ROLES")" >>"$RESULTS"
printf 'meta\thello_bytes\t%s\n' "$(stat -c %s "$HELLO")" >>"$RESULTS"

# ---------------------------------------------------------------- tools
HAVE_VALGRIND=; command -v valgrind >/dev/null && HAVE_VALGRIND=1
[[ -n $HAVE_VALGRIND ]] || note "valgrind not found: instruction counts will read n/a (apt-get install valgrind)"
HAVE_HYPERFINE=; [[ -z ${NO_HYPERFINE:-} ]] && command -v hyperfine >/dev/null && HAVE_HYPERFINE=1
HAVE_GNU_TIME=; [[ -x /usr/bin/time ]] && /usr/bin/time -f %M true >/dev/null 2>&1 && HAVE_GNU_TIME=1
if [[ -z $HAVE_GNU_TIME ]]; then
  printf 'meta\trss_note\t%s\n' "Peak RSS from python3 wait4() (no GNU time): Linux carries the spawning python3's own max RSS across exec, so figures near $(python3 bench/bench.py peak-floor) KiB (what \`true\` reads) are upper bounds. Install \`time\` for exact figures." >>"$RESULTS"
fi
if [[ -n $HAVE_HYPERFINE ]]; then
  printf 'meta\ttimer\t%s\n' "$(hyperfine --version)" >>"$RESULTS"
else
  printf 'meta\ttimer\tpython3 posix_spawn/wait4 loop\n' >>"$RESULTS"
fi

# instructions CMD... : callgrind's total instruction count, or n/a.
instructions() {
  [[ -n $HAVE_VALGRIND ]] || { echo n/a; return; }
  local err
  err=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null) || true
  local n
  n=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' <<<"$err" | tail -1)
  [[ -n $n ]] || n=$(sed -n 's/.*refs: *\([0-9,]*\).*/\1/p' <<<"$err" | tr -d , | tail -1)
  echo "${n:-n/a}"
}

# timing RUNS WARMUP CMD... : "median min max q1 q3 runs" in seconds.
timing() {
  local runs=$1 warmup=$2; shift 2
  if [[ -n $HAVE_HYPERFINE ]]; then
    local json=$WORK/hyperfine.json cmdline
    printf -v cmdline '%q ' "$@"
    hyperfine -N --style none --runs "$runs" --warmup "$warmup" -i \
      --export-json "$json" "$cmdline" >/dev/null 2>&1
    python3 bench/bench.py hyperfine-json "$json"
  else
    python3 bench/bench.py timeit "$runs" "$warmup" "$@"
  fi
}

# peak_rss CMD... : the largest max-RSS (KiB) of 3 runs.
peak_rss() {
  local best=0 kb i
  for i in 1 2 3; do
    if [[ -n $HAVE_GNU_TIME ]]; then
      /usr/bin/time -o "$WORK/time.out" -f '%M' "$@" >/dev/null 2>&1 || true
      kb=$(tail -1 "$WORK/time.out")
    else
      kb=$(python3 bench/bench.py peak "$@")
    fi
    [[ $kb =~ ^[0-9]+$ ]] && ((kb > best)) && best=$kb
  done
  echo "$best"
}

# ---------------------------------------------------------------- start-up
declare -a LABELS=(
  "hello world"
  "roles compare"
  "roles compare --format json"
  "roles show cto"
  "roles search governance"
  "roles advise --no-input --answer aim=product --answer size=startup"
)
for label in "${LABELS[@]}"; do
  read -r -a words <<<"$label"
  if [[ $label == "hello world" ]]; then cmd=("$HELLO"); else cmd=("$ROLES" "${words[@]:1}"); fi
  "${cmd[@]}" >/dev/null || die "\`$label\` failed (exit $?)"
  note "measuring \`$label\` …"
  instr=$(instructions "${cmd[@]}")
  read -r median lo hi q1 q3 runs < <(timing "$RUNS" "$WARMUP" "${cmd[@]}")
  rss=$(peak_rss "${cmd[@]}")
  printf 'cmd\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
    "$label" "$instr" "$median" "$lo" "$hi" "$q1" "$q3" "$runs" "$rss" >>"$RESULTS"
done

# ---------------------------------------------------------------- user knowledge bases
CAP=$(python3 bench/bench.py cap src/kb/load.rs)
DUMP=$WORK/kb/dump.yaml
"$ROLES" kb dump >"$DUMP"
DUMP_BYTES=$(stat -c %s "$DUMP")
# The generator reads the JSON dump (standard library only) and writes YAML.
DUMP_JSON=$WORK/kb/dump.json
"$ROLES" kb dump --format json >"$DUMP_JSON"

gen() { # gen FACTOR -> path
  local file=$WORK/kb/kb-$1x.yaml
  python3 bench/gen_kb.py "$DUMP_JSON" "$1" "$file"
  echo "$file"
}

measure_kb() { # measure_kb FACTOR FILE RUNS
  local factor=$1 file=$2 runs=$3 bytes label instr median lo hi q1 q3 n rss code
  bytes=$(stat -c %s "$file")
  for label in "roles kb validate" "roles --kb FILE compare"; do
    if [[ $label == "roles kb validate" ]]; then cmd=("$ROLES" kb validate "$file"); else cmd=("$ROLES" --kb "$file" compare); fi
    code=0; "${cmd[@]}" >/dev/null 2>"$WORK/kb/stderr" || code=$?
    note "measuring \`$label\` on ${factor}× ($bytes bytes, exit $code) …"
    instr=n/a
    if ((factor <= KB_CALLGRIND)) && [[ $code == 0 ]]; then instr=$(instructions "${cmd[@]}"); fi
    read -r median lo hi q1 q3 n < <(timing "$runs" 1 "${cmd[@]}")
    rss=$(peak_rss "${cmd[@]}")
    printf 'kb\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
      "$label" "$factor" "$bytes" "$instr" "$median" "$lo" "$hi" "$q1" "$q3" "$n" "$rss" "$code" >>"$RESULTS"
  done
}

kb_runs() { if [[ -n ${KB_RUNS:-} ]]; then echo "$KB_RUNS"; elif (($1 <= 1)); then echo 20; elif (($1 <= 10)); then echo 10; elif (($1 <= 100)); then echo 5; else echo 3; fi; }

for factor in 1 10 100 1000; do
  file=$(gen "$factor")
  bytes=$(stat -c %s "$file")
  if ((bytes <= CAP)); then
    "$ROLES" kb validate "$file" >/dev/null || die "generated ${factor}× knowledge base is not valid: $file"
    measure_kb "$factor" "$file" "$(kb_runs "$factor")"
  else
    # Over the cap: show it is refused (exit 2) quickly, then measure the largest
    # whole multiple of the dump that fits.
    measure_kb "$factor" "$file" 3
    rm -f "$file"
    one=$(stat -c %s "$WORK/kb/kb-1x.yaml"); ten=$(stat -c %s "$WORK/kb/kb-10x.yaml")
    per=$(((ten - one) / 9))
    largest=$(((CAP - (one - per)) / per))
    while :; do
      file=$(gen "$largest")
      (($(stat -c %s "$file") <= CAP)) && break
      largest=$((largest - 1))
    done
    "$ROLES" kb validate "$file" >/dev/null || die "generated ${largest}× knowledge base is not valid: $file"
    printf 'meta\tcap_note\t%s\n' "The ${factor}× file ($bytes bytes) is over the loader's cap of $CAP bytes (MAX_FILE_BYTES), so it is refused with exit 2 before parsing; ${largest}×, the largest whole multiple under the cap, is measured in its place." >>"$RESULTS"
    measure_kb "$largest" "$file" "$(kb_runs "$largest")"
  fi
done

# ---------------------------------------------------------------- report
set +e +o pipefail
{
  echo "# roles benchmark ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1); $(rustc --version); git $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src Cargo.toml build.rs data 2>/dev/null || echo ' + uncommitted changes')."
  echo "Embedded knowledge base as dumped by \`roles kb dump\`: $DUMP_BYTES bytes."
  echo
  python3 bench/bench.py report "$RESULTS"
} | tee "$ROOT/bench/results/latest.md"
exit "${PIPESTATUS[0]}"
