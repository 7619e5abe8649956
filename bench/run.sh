#!/usr/bin/env bash
# bench/run.sh: every `roles` command's wall time against a hello-world binary
# built with the same (ordinary release) profile, run side by side; the budget
# is 3x (see BENCHMARKS.md). Writes the report to bench/results/latest.md.
#
# Usage, from anywhere:  bench/run.sh [RUNS]     (default 30 paired runs a command)
# Needs cargo and python3 (standard library only). Exit 0 within budget, 1 not, 2 setup error.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked --quiet || exit 2
target=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
hello="$target/bench/hello"
mkdir -p "$hello/src"
printf '[package]\nname = "hello"\nversion = "0.1.0"\nedition = "2024"\n\n[workspace]\n' > "$hello/Cargo.toml"
printf 'fn main() {\n    println!("Hello, world!");\n}\n' > "$hello/src/main.rs"
cargo build --release --quiet --manifest-path "$hello/Cargo.toml" --target-dir "$hello/target" || exit 2
python3 bench/speed.py "$target/release/roles" "$hello/target/release/hello" "${1:-30}" | tee bench/results/latest.md
