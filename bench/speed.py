#!/usr/bin/env python3
"""Wall time of every `roles` command against a hello-world binary, side by side.

Usage: bench/speed.py ROLES HELLO [RUNS]

Each command runs on the embedded knowledge base with COLUMNS=80 NO_COLOR=1 and
stdout to /dev/null, paired with a hello-world run (hello, command, hello,
command, ...) after warm-up runs, so a drift in the machine's speed hits both.
Prints a Markdown table: each command's median wall time, hello world's, and the
median of the pair-by-pair ratios; then PASS or FAIL against the budget (3x).
Exit status 0 when every command is within budget, 1 otherwise.
"""

import os
import statistics
import sys
import time

BUDGET = 3.0
COMMANDS = [
    "compare",
    "compare --format json",
    "compare --cite --format markdown",
    "show cto",
    "show cio --format yaml",
    "search governance",
    "search zzyzx",
    "topics",
    "topics need-both",
    "disputes",
    "split",
    "sources",
    "advise --no-input --answer aim=product --answer size=startup",
    "career --no-input --answer interest=product",
    "jd cto",
    "kb dump",
    "kb dump --format json",
    "schema",
    "completions bash",
    "man",
    "--help",
]


def wall(argv):
    """Seconds from spawn to reap of one run of argv."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    env = dict(os.environ, COLUMNS="80", NO_COLOR="1")
    env.pop("ROLES_KB", None)
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)])
    os.waitpid(pid, 0)
    elapsed = time.perf_counter() - start
    os.close(devnull)
    return elapsed


def main():
    roles, hello = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    print(f"Medians of {runs} paired runs (after 3 warm-up pairs); ratio = command / hello world, pair by pair.\n")
    print("| command | median | hello world | × hello (median of pairs) |")
    print("|---|---:|---:|---:|")
    worst = 0.0
    for command in COMMANDS:
        argv = [roles, *command.split()]
        pairs = []
        for run in range(runs + 3):
            pair = (wall([hello]), wall(argv))
            if run >= 3:
                pairs.append(pair)
        ratio = statistics.median(b / a for a, b in pairs)
        worst = max(worst, ratio)
        median = statistics.median(b for _, b in pairs) * 1000
        base = statistics.median(a for a, _ in pairs) * 1000
        print(f"| `roles {command}` | {median:.2f} ms | {base:.2f} ms | {ratio:.2f}× |")
    verdict = "PASS" if worst <= BUDGET else "FAIL"
    print(f"\n{verdict}: the slowest command takes {worst:.2f}× hello world (budget {BUDGET:.0f}×).")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
