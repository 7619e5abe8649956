#!/usr/bin/env python3
"""Generate a large, valid `roles` knowledge base from `roles kb dump` output.

Usage: gen_kb.py DUMP.yaml FACTOR OUT.yaml

Copy 0 is the dump itself; copies 1..FACTOR-1 repeat its sources, every role's
sections, the dimensions, the topics and the questionnaire's questions with
`-cN` appended to their ids (and to the source ids their facts cite), so every
id stays unique and every reference resolves. The roles themselves are not
copied: dimension values, topic facts and answer weights name roles by id, and
`roles compare` should still compare two roles (with FACTOR x the rows), as a
real, larger knowledge base would. The output is about FACTOR x the dump's size.

Each list is serialised once with PyYAML using a placeholder suffix, then
repeated by string replacement, so even 1000x (~70 MB) takes about a second.
"""

import re
import sys

import yaml

SFX = "__SFX__"


class Yaml12Loader(yaml.SafeLoader):
    """SafeLoader without YAML 1.1's `yes`/`no`/`on`/`off` booleans, as serde_yaml reads them."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def suffix_fact(fact):
    fact = dict(fact)
    fact["sources"] = [s + SFX for s in fact.get("sources", [])]
    return fact


def dump(value, indent=0):
    text = yaml.safe_dump(
        value,
        sort_keys=False,
        default_flow_style=False,
        allow_unicode=True,
        width=1 << 30,
    )
    if indent:
        pad = " " * indent
        text = "".join(pad + line if line.strip() else line for line in text.splitlines(True))
    return text


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    src, factor, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(src, encoding="utf-8") as f:
        kb = yaml.load(f, Loader=Yaml12Loader)
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
        head["summary"] = role["summary"]  # copy 0's sources: no suffix needed
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
