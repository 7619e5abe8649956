#!/usr/bin/env python3
"""Generate a large, valid `roles` knowledge base from `roles kb dump --format json`.

Usage: gen_kb.py DUMP.json FACTOR OUT.yaml

Standard library only: the dump is read as JSON and the output written as block
YAML by hand, every string as a JSON string (a valid YAML 1.2 double-quoted scalar).

Copy 0 is the dump itself; copies 1..FACTOR-1 repeat its sources, every role's
sections, the dimensions, the topics and the questionnaire's questions with
`-cN` appended to their ids (and to the source ids their facts cite), so every
id stays unique and every reference resolves. The roles themselves are not
copied: dimension values, topic facts and answer weights name roles by id, and
`roles compare` should still compare two roles (with FACTOR x the rows), as a
real, larger knowledge base would. The output is about FACTOR x the dump's size.

Each list is written once with a placeholder suffix, then repeated by string
replacement, so even 1000x (~80 MB) takes a few seconds.
"""

import json
import re
import sys

SFX = "__SFX__"


def key_text(key):
    """A mapping key: plain when it is an identifier (all the format's keys and ids are)."""
    if re.fullmatch(r"[a-z_][a-z0-9_-]*", key) and key not in ("null", "true", "false", "y", "n", "yes", "no", "on", "off"):
        return key
    return scalar(key)


def scalar(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False)


def emit(value, indent, out):
    """Appends `value` as block YAML lines indented by `indent` spaces."""
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            out.append(pad + "{}\n")
        for key, item in value.items():
            key = key_text(key)
            if isinstance(item, (dict, list)) and item:
                out.append(f"{pad}{key}:\n")
                emit(item, indent + 2, out)
            else:
                out.append(f"{pad}{key}: {inline(item)}\n")
    elif isinstance(value, list):
        if not value:
            out.append(pad + "[]\n")
        for item in value:
            if isinstance(item, dict) and item:
                lines = []
                emit(item, indent + 2, lines)
                first = lines[0]
                lines[0] = pad + "- " + first[indent + 2 :]
                out.extend(lines)
            elif isinstance(item, list) and item:
                out.append(pad + "-\n")
                emit(item, indent + 2, out)
            else:
                out.append(f"{pad}- {inline(item)}\n")
    else:
        out.append(pad + scalar(value) + "\n")


def inline(value):
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return scalar(value)


def dump(value, indent=0):
    out = []
    emit(value, indent, out)
    return "".join(out)


def suffix_fact(fact):
    fact = dict(fact)
    fact["sources"] = [s + SFX for s in fact.get("sources", [])]
    return fact


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    src, factor, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(src, encoding="utf-8") as f:
        kb = json.load(f)
    if factor < 1:
        sys.exit("FACTOR must be at least 1")

    sources = [dict(s, id=s["id"] + SFX) for s in kb["sources"]]
    dimensions = [
        dict(
            d,
            id=d["id"] + SFX,
            values={role: suffix_fact(v) for role, v in d["values"].items()},
        )
        for d in kb.get("dimensions", [])
    ]
    topics = [
        dict(t, id=t["id"] + SFX, facts=[suffix_fact(x) for x in t["facts"]])
        for t in kb.get("topics", [])
    ]
    questions = [
        dict(
            q,
            id=q["id"] + SFX,
            choices=[dict(c, reason=suffix_fact(c["reason"])) for c in q["choices"]],
        )
        for q in kb.get("questionnaire", {}).get("questions", [])
    ]

    chunks = {
        "sources": dump(sources),
        "dimensions": dump(dimensions) if dimensions else "",
        "topics": dump(topics) if topics else "",
        "questions": dump(questions, 2) if questions else "",
    }
    role_heads, role_sections = [], []
    for role in kb["roles"]:
        head = {k: v for k, v in role.items() if k != "sections"}
        role_heads.append(dump([head]))
        sections = [
            dict(s, id=s["id"] + SFX, facts=[suffix_fact(x) for x in s["facts"]])
            for s in role.get("sections", [])
        ]
        role_sections.append(dump(sections, 4))

    copies = ["" if i == 0 else f"-c{i}" for i in range(factor)]

    def repeat(chunk):
        return "".join(chunk.replace(SFX, c) for c in copies)

    parts = [f"schema_version: {kb['schema_version']}\n", "sources:\n", repeat(chunks["sources"]), "roles:\n"]
    for head, sections in zip(role_heads, role_sections):
        parts.append(head)
        parts.append("  sections:\n")
        parts.append(repeat(sections))
    if dimensions:
        parts += ["dimensions:\n", repeat(chunks["dimensions"])]
    else:
        parts.append("dimensions: []\n")
    if topics:
        parts += ["topics:\n", repeat(chunks["topics"])]
    if questions:
        parts += ["questionnaire:\n", "  questions:\n", repeat(chunks["questions"])]
    with open(out, "w", encoding="utf-8") as f:
        f.write("".join(parts))


if __name__ == "__main__":
    main()
