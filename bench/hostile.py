#!/usr/bin/env python3
"""Hostile input and scale, measured (standard library only).

Usage: bench/hostile.py [ROLES]     ROLES defaults to target/release/roles
                                    (build it first: cargo build --release)

1. Every hostile shape of issue 8 through every route a file reaches the YAML
   reader: `--kb FILE compare`, `ROLES_KB=FILE compare`, `kb validate FILE`,
   `advise --no-input --answers FILE` and `advise --no-input --answers - < FILE`.
   Files go to the file routes at the 8 MiB size cap and to stdin at its 1 MiB
   cap. Target: exit 2, an `error:` that places the problem as FILE:LINE:COLUMN
   (or names the file, for refusals of a whole file: its size or kind), in under
   2 s and 300 MB.
2. Scale: every command on a valid knowledge base at the size cap (the embedded
   one repeated by bench/gen_kb.py), the same written as JSON, and ones with
   50,000 and 100,000 roles. Target: a result or a clear exit 2, in under 2 s and 300 MB.
   10,000 problems are reported in under 1 s.

Each run is timed (median of RUNS, default 3) and its peak RSS taken with GNU
time (`/usr/bin/time -f %M`) when present, else from wait4() (an upper bound:
Linux carries python3's own peak across exec). Writes bench/results/hostile.md
and prints it; exits 1 when a target fails.
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CAP = 8 * 1024 * 1024
STDIN_CAP = 1024 * 1024
MAX_SECONDS = 2.0
MAX_RSS_KIB = 300 * 1024
MAX_PROBLEMS_SECONDS = 1.0
RUNS = int(os.environ.get("RUNS", "3"))
GNU_TIME = "/usr/bin/time" if os.path.exists("/usr/bin/time") else None

ROUTES = ["--kb", "ROLES_KB", "kb validate", "--answers FILE", "--answers -"]


def argv_for(roles, route, path):
    """The command line, environment and stdin of one route."""
    env = {k: v for k, v in os.environ.items() if k not in ("ROLES_KB", "NO_COLOR", "CLICOLOR_FORCE")}
    env["COLUMNS"] = "80"
    stdin = None
    if route == "--kb":
        argv = [roles, "--kb", path, "compare"]
    elif route == "ROLES_KB":
        argv = [roles, "compare"]
        env["ROLES_KB"] = path
    elif route == "kb validate":
        argv = [roles, "kb", "validate", path]
    elif route == "--answers FILE":
        argv = [roles, "advise", "--no-input", "--answers", path]
    else:
        argv = [roles, "advise", "--no-input", "--answers", "-"]
        stdin = path
    return argv, env, stdin


def run_once(argv, env, stdin):
    """(exit code, seconds, peak RSS KiB, stderr) of one run."""
    with tempfile.NamedTemporaryFile() as rss_file:
        cmd = argv
        if GNU_TIME:
            cmd = [GNU_TIME, "-q", "-f", "%M", "-o", rss_file.name] + argv
        stdin_file = open(stdin, "rb") if stdin else subprocess.DEVNULL
        try:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, env=env, stdin=stdin_file, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            stderr = proc.stderr.read()
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - start
        finally:
            if stdin:
                stdin_file.close()
        code = os.waitstatus_to_exitcode(status)
        if GNU_TIME:
            text = open(rss_file.name).read().strip().splitlines()
            rss = int(text[-1]) if text and text[-1].isdigit() else usage.ru_maxrss
        else:
            rss = usage.ru_maxrss
        return code, seconds, rss, stderr.decode("utf-8", "replace")


def measure(argv, env, stdin, runs=RUNS):
    results = [run_once(argv, env, stdin) for _ in range(runs)]
    code = results[0][0]
    return {
        "code": code,
        "seconds": statistics.median(r[1] for r in results),
        "rss": max(r[2] for r in results),
        "stderr": results[0][3],
    }


def located(stderr, origin):
    return re.search(re.escape(origin) + r":\d+:\d+: ", stderr) is not None


# ---------------------------------------------------------------- shapes


def minimal():
    with open(os.path.join(ROOT, "tests/fixtures/minimal.yaml"), encoding="utf-8") as f:
        return "".join(line for line in f if not line.startswith("#"))


def head_without_topics():
    return minimal().split("topics:")[0]


def fill(head, unit, tail, size):
    room = max(0, size - len(head.encode()) - len(tail.encode()))
    return (head + unit * (room // len(unit.encode())) + tail).encode()


def citation_list_head():
    return head_without_topics() + "topics:\n  - id: both\n    title: Both roles\n    facts:\n      - text: A fact.\n        sources:"


def alias_bomb(anchor, alias_line):
    head = "schema_version: %s [%s]\nx:\n" % (anchor, ", ".join(["aaaaaaaa"] * 2000))
    return lambda size: fill(head, alias_line, "", size)


def aliased_text(size):
    text = head_without_topics() + "topics:\n  - id: both\n    title: Both roles\n    facts:\n"
    text += "      - text: &text '%s'\n        sources: [article]\n" % ("A" * min(1 << 20, size // 2))
    return fill(text, "      - {text: *text, sources: [article]}\n", "", size)


def nested(key, opening, closing):
    def make(size):
        depth = size // (len(opening) + len(closing)) - 4
        return ("%s: %sx%s\n" % (key, opening * depth, closing * depth)).encode()

    return make


def block_mappings(size):
    lines, total, depth = [], 0, 0
    while total + depth + 3 < size and depth < 4000:
        line = " " * depth + "k:\n"
        lines.append(line)
        total += len(line)
        depth += 1
    return "".join(lines).encode()


def distinct_keys(size):
    out, total, n = [], 0, 0
    while total + 16 < size:
        line = "k%x: v\n" % n
        out.append(line)
        total += len(line)
        n += 1
    return "".join(out).encode()


def quote_block_scalar(_size):
    return (head_without_topics() + "topics:\n  - id: both\n    title: Both roles\n    facts:\n"
            "      - text: |\n      'quoted at the list's column\n        sources: [article]\n"
            "      - text: &x plain\n        sources: [article]\n      - text: *x\n        sources: [article]\n").encode()


def unknown_citations(_size):
    lines = ["schema_version: 1\nsources:\n  - {id: article, title: T, file: f}\n"]
    lines += ["  - {id: s%d, title: T, file: f}\n" % n for n in range(1, 20000)]
    kb = "".join(lines) + "roles:" + minimal().split("roles:", 1)[1].split("topics:")[0]
    kb += "topics:\n  - id: both\n    title: Both roles\n    facts:\n"
    kb += "".join("      - {text: T, sources: [u%d]}\n" % n for n in range(20000))
    return kb.encode()


def empty_texts(_size):
    kb = head_without_topics() + "topics:\n  - id: both\n    title: Both roles\n    facts:\n"
    kb += "      - text: ''\n        sources: [article]\n" * 10000
    return kb.encode()


def unknown_answers(_size):
    return "".join("question-%d: x\n" % n for n in range(10000)).encode()


def huge_weight(_size):
    kb = minimal() + ("questionnaire:\n  questions:\n    - id: aim\n      text: Aim?\n      hint: Why.\n      choices:\n"
                      "        - value: process\n          label: Processes\n          weights: {alpha: 2147483647}\n"
                      "          reason: {text: Because., sources: [article]}\n"
                      "        - value: product\n          label: Products\n          weights: {beta: 2}\n"
                      "          reason: {text: Because., sources: [article]}\n")
    return kb.encode()


def weights_map(open_, unit, close):
    def make(size):
        head = minimal() + ("questionnaire:\n  questions:\n    - id: aim\n      text: Aim?\n      hint: Why.\n      choices:\n"
                            "        - value: process\n          label: Processes\n"
                            "          reason: {text: Because., sources: [article]}\n          weights:") + open_
        out, total, n = [head], len(head), 0
        while total + 40 < size:
            line = unit % n
            out.append(line)
            total += len(line)
            n += 1
        out.append(close)
        return "".join(out).encode()

    return make


def escape_in_text(_size):
    return minimal().replace("text: Keeps the doors open.", 'text: "Keeps the doors open.\\e]0;title\\a\\e[31m"').encode()


def bom_inside(_size):
    text = minimal()
    at = text.index("roles:")
    return (text[:at] + "\ufeff" + text[at:]).encode()


def replaced(old, new):
    return lambda _s: minimal().replace(old, new, 1).encode()


def invisible_name(char):
    def make(size):
        head = minimal().replace("name: Beta Officer", 'name: "Beta', 1)
        at = head.index('name: "Beta') + len('name: "Beta')
        filler = char * ((size - len(head) - 2) // len(char.encode()))
        return (head[:at] + filler + '"' + head[at:]).encode()

    return make


SHAPES = [
    # (name, make(size) -> bytes, sized: made at each route's cap)
    ("billion laughs (9 levels of 9 aliases)", lambda _s: open(os.path.join(ROOT, "tests/fixtures/hostile/answers-billion-laughs.yaml"), "rb").read(), False),
    ("alias bomb, anchor `&x?AAAA` (the 850 KB stdin abort)", alias_bomb("&x?AAAA", "  - *x?AAAA\n"), True),
    ("alias bomb, anchor `&x:`", alias_bomb("&x:", "  - *x:\n"), True),
    ("alias bomb, a BOM before each alias", alias_bomb("&x", "\ufeff  - *x\n"), True),
    ("1 MiB text aliased to the cap, fitting the schema", aliased_text, True),
    ("block scalar opening with `'` at the list's column", quote_block_scalar, False),
    ("flow nesting `[[[…` to the cap", nested("needs", "[", "]"), True),
    ("tagged flow nesting `!!seq [[[…`", nested("needs", "!!seq [", "]"), True),
    ("anchored flow nesting `&a [[[…`", nested("needs", "&a [", "]"), True),
    ("mapping nesting `{a: {a: …`", nested("schema_version", "{a: ", "}"), True),
    ("block mappings 4,000 deep", block_mappings, True),
    ("`- - - …` chain to the cap", lambda s: fill("", "- ", "x\n", s), True),
    ("`? ? ? …` chain to the cap", lambda s: fill("", "? ", "x\n", s), True),
    ("a line indented to the cap", lambda s: fill("schema_version: 1\nsources:\n", " ", "- x\n", s), True),
    ("width bomb `!!map {a,a,…}`", lambda s: fill("needs: !!map {", "a,", "a}\n", s), True),
    ("flat flow list `[a,a,…]`", lambda s: fill("needs: [", "a,", "a]\n", s), True),
    ("block list of tiny scalars", lambda s: fill("needs:\n", "- a\n", "", s), True),
    ("mapping of distinct keys", distinct_keys, True),
    ("a fact citing millions of sources (flow)", lambda s: fill(citation_list_head() + " [", "a,", "a]\n", s), True),
    ("a fact citing 700,000 unknown sources (block)", lambda s: fill(citation_list_head() + "\n", "        - a\n", "", s), True),
    ("a choice weighting 380,000 roles (block mapping)", weights_map("\n", "            k%x: 1\n", ""), True),
    ("a choice weighting 500,000 roles (flow mapping)", weights_map(" {", "k%x: 1, ", "z: 1}\n"), True),
    ("a BOM inside the file", bom_inside, False),
    ("a NUL byte", lambda _s: b"aim: product\nsize: \0startup\n", False),
    ("invalid UTF-8", lambda _s: b"aim: product\nsize: caf\xe9\n", False),
    ("20,000 sources x 20,000 unknown citations", unknown_citations, False),
    ("10,000 problems (empty texts)", empty_texts, False),
    ("10,000 unknown answers", unknown_answers, False),
    ("a weight of 2147483647", huge_weight, False),
    ("`\\e]0;title\\a` and `\\e[31m` as YAML escapes", escape_in_text, False),
    ("`schema_version: '1'` (a quoted integer)", replaced("schema_version: 1", "schema_version: '1'"), False),
    ("`!!binary` on a text", replaced("title: An article", "title: !!binary QW4gYXJ0aWNsZQ=="), False),
    ("a tab in a text", replaced("file: article.txt", 'file: "article\\t.txt"'), False),
    ("a line feed in a role name", replaced("name: Beta Officer", 'name: "Beta\\nOfficer"'), False),
    ("a zero-width space in a role name", replaced("name: Beta Officer", 'name: "Beta\\u200bOfficer"'), False),
    ("a role name of U+202E (bidi override) to the cap", invisible_name("\u202e"), True),
    ("a role name of tag characters to the cap", invisible_name("\U000e0041"), True),
]


def hostile(roles, work):
    rows, failures = [], []
    for name, make, sized in SHAPES:
        big = make(CAP - 64) if sized else make(None)
        small = make(STDIN_CAP - 64) if sized else big
        big_path = os.path.join(work, "shape.yaml")
        small_path = os.path.join(work, "stdin.yaml")
        with open(big_path, "wb") as f:
            f.write(big)
        with open(small_path, "wb") as f:
            f.write(small)
        cells = []
        for route in ROUTES:
            path = small_path if route == "--answers -" else big_path
            argv, env, stdin = argv_for(roles, route, path)
            result = measure(argv, env, stdin)
            origin = "<stdin>" if route == "--answers -" else path
            whole_file = "too large" in result["stderr"] or "larger than 1 MiB" in result["stderr"]
            limit = MAX_PROBLEMS_SECONDS if name.startswith("10,000") else MAX_SECONDS
            ok = (
                result["code"] == 2
                and result["stderr"].startswith("error: ")
                and (located(result["stderr"], origin) or whole_file)
                and result["seconds"] < limit
                and result["rss"] < MAX_RSS_KIB
                and "\x1b" not in result["stderr"]
            )
            if not ok:
                failures.append("%s via %s: exit %s, %.2f s, %d KiB\n%s" % (
                    name, route, result["code"], result["seconds"], result["rss"], result["stderr"][:400]))
            cells.append("%s · %s · %s%s" % (result["code"], fmt_s(result["seconds"]), fmt_mb(result["rss"]), "" if ok else " **FAIL**"))
        size = "%s / %s" % (fmt_bytes(len(big)), fmt_bytes(len(small)))
        rows.append("| %s | %s | %s |" % (name, size, " | ".join(cells)))
        print("hostile: %s: %s" % (name, "; ".join(cells)), file=sys.stderr)
    header = ["| shape | bytes (file / stdin) | " + " | ".join("`%s`" % r for r in ROUTES) + " |",
              "|---|---:|" + "---:|" * len(ROUTES)]
    return header + rows, failures


# ---------------------------------------------------------------- scale

COMMANDS = [
    ["compare"],
    ["compare", "--format", "json"],
    ["show", "cio"],
    ["search", "governance"],
    ["sources"],
    ["advise", "--no-input", "--answer", "aim=product"],
    ["jd", "cio"],
    ["kb", "dump"],
    ["kb", "dump", "--format", "json"],
]


def at_cap_kb(roles, work):
    dump = os.path.join(work, "dump.json")
    with open(dump, "wb") as f:
        f.write(subprocess.run([roles, "kb", "dump", "--format", "json"], check=True, capture_output=True).stdout)
    path = os.path.join(work, "cap.yaml")

    def gen(factor):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench/gen_kb.py"), dump, str(factor), path], check=True)
        return os.path.getsize(path)

    one, ten = gen(1), gen(10)
    per = (ten - one) // 9
    factor = (CAP - (one - per)) // per
    while gen(factor) > CAP:
        factor -= 1
    return path, factor


def many_roles_kb(work, count=100000):
    parts = ["schema_version: 1\nsources:\n  - {id: a, title: An article, file: a.txt}\nroles:\n"]
    parts += ["- {id: r%d, name: R, summary: {text: T, sources: [a]}, sections: []}\n" % n for n in range(count)]
    parts.append("dimensions:\n  - id: focus\n    name: Focus\n    values:\n")
    parts += ["      r%d: {text: Inward, sources: [a]}\n" % n for n in range(min(count, 2))]
    path = os.path.join(work, "roles-%d.yaml" % count)
    with open(path, "w") as f:
        f.write("".join(parts))
    return path


def scale(roles, work):
    rows, failures = [], []
    cap_path, factor = at_cap_kb(roles, work)
    # The JSON dump is larger than the YAML (pretty-printed): the largest
    # multiple of the embedded knowledge base whose JSON fits under the cap.
    json_path = os.path.join(work, "cap.json")
    json_factor = factor
    while True:
        json_yaml = os.path.join(work, "json-source.yaml")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench/gen_kb.py"), os.path.join(work, "dump.json"), str(json_factor), json_yaml], check=True)
        with open(json_path, "wb") as f:
            f.write(subprocess.run([roles, "--kb", json_yaml, "kb", "dump", "--format", "json"], check=True, capture_output=True).stdout)
        if os.path.getsize(json_path) <= CAP:
            break
        json_factor = json_factor * CAP // os.path.getsize(json_path)
    kbs = [
        ("the embedded one x%d, YAML" % factor, cap_path),
        ("the embedded one x%d, JSON (`kb dump --format json`)" % json_factor, json_path),
        # 14 nodes a role: 50,000 roles fit the node budget, 100,000 do not.
        ("50,000 roles", many_roles_kb(work, 50000)),
        ("100,000 roles", many_roles_kb(work, 100000)),
    ]
    env = {k: v for k, v in os.environ.items() if k not in ("ROLES_KB", "NO_COLOR", "CLICOLOR_FORCE")}
    env["COLUMNS"] = "80"
    for label, path in kbs:
        commands = [["kb", "validate", path]] + [["--kb", path] + c for c in COMMANDS]
        for words in commands:
            result = measure([roles] + words, env, None)
            ok = (result["code"] in (0, 2) and result["seconds"] < MAX_SECONDS and result["rss"] < MAX_RSS_KIB
                  and (result["code"] == 0 or result["stderr"].startswith("error: ")))
            shown = " ".join("FILE" if w == path else w for w in words)
            if not ok:
                failures.append("%s: `roles %s`: exit %s, %.2f s, %d KiB\n%s" % (
                    label, shown, result["code"], result["seconds"], result["rss"], result["stderr"][:300]))
            said = result["stderr"].strip().splitlines()[0][:100] if result["code"] else ""
            rows.append("| %s (%s bytes) | `roles %s` | %s%s | %s | %s |%s" % (
                label, fmt_bytes(os.path.getsize(path)), shown, result["code"],
                " (`%s`)" % said.replace(path, "FILE").replace("|", "\\|") if said else "",
                fmt_s(result["seconds"]), fmt_mb(result["rss"]), "" if ok else " **FAIL**"))
            print("scale: %s: roles %s: exit %s %.3f s %d KiB" % (label, shown, result["code"], result["seconds"], result["rss"]), file=sys.stderr)
    header = ["| knowledge base | command | exit | median time | peak RSS |", "|---|---|---:|---:|---:|"]
    return header + rows, failures


def fmt_s(seconds):
    return "%.0f ms" % (seconds * 1000) if seconds < 10 else "%.1f s" % seconds


def fmt_mb(kib):
    return "%.0f MB" % (kib * 1024 / 1e6)


def fmt_bytes(n):
    return "{:,}".format(n)


def main():
    roles = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/release/roles"))
    if not os.access(roles, os.X_OK):
        sys.exit("no %s: build it with `cargo build --release`" % roles)
    work = tempfile.mkdtemp(prefix="roles-hostile-")
    try:
        hostile_rows, hostile_failures = hostile(roles, work)
        scale_rows, scale_failures = scale(roles, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    git = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    lines = [
        "# roles: hostile input and scale (%s)" % time.strftime("%Y-%m-%dT%H:%MZ", time.gmtime()),
        "",
        "Machine: %d cores; git %s; peak RSS from %s; median of %d runs." % (
            os.cpu_count(), git or "?", "GNU time" if GNU_TIME else "wait4() (upper bounds)", RUNS),
        "",
        "## Hostile shapes: exit · median time · peak RSS per route",
        "",
    ] + hostile_rows + [
        "",
        "## Scale: every command on a valid knowledge base near the size cap",
        "",
    ] + scale_rows + [""]
    failures = hostile_failures + scale_failures
    lines.append("**%s**: %d hostile runs and %d scale runs%s." % (
        "PASS" if not failures else "FAIL", (len(hostile_rows) - 2) * len(ROUTES),
        len(scale_rows) - 2, "" if not failures else ", %d over a target" % len(failures)))
    for failure in failures:
        lines.append("")
        lines.append("    " + failure.replace("\n", "\n    "))
    report = "\n".join(lines) + "\n"
    os.makedirs(os.path.join(ROOT, "bench/results"), exist_ok=True)
    with open(os.path.join(ROOT, "bench/results/hostile.md"), "w", encoding="utf-8") as f:
        f.write(report)
    print(report)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
