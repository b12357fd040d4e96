#!/usr/bin/env python3
"""A plain Python validator of a gen_kb.py library, for comparison with taxo: parses every JSON and
YAML file (json / PyYAML if present), reads every Markdown file, collects the declared IDs, and
reports duplicate IDs, bad ID formats, malformed JSON and dangling references (any ID-shaped token in
an entity or a document that no entity declares). It is what a team writes before they have taxo."""
import json, os, re, sys

ID_FIELDS = ["tool_id", "workflow_id", "milestone_template_id", "template_id", "step_template_id",
             "responsibility_id", "skill_id", "object_id", "action_id", "profession_id", "department_id"]
TOKEN = re.compile(r"(?<![A-Za-z0-9_-])(?:TOL|WRF|MLT|TST|STT|RSP|SKL|OBJ|ACT|PRF|DPT)(?:-[A-Z]+)?-\d{3,}(?![A-Za-z0-9_])")
GOOD = re.compile(r"^[A-Z]{3}(?:-[A-Z]+)?-\d{3,}$")
STEP_MD = re.compile(r"\|\s*Step ID\s*\|\s*`([^`]+)`")

try:
    import yaml
except ImportError:
    yaml = None


def records(v):
    if isinstance(v, list):
        return [x for x in v if isinstance(x, dict)]
    if isinstance(v, dict):
        for k in ("objects", "actions", "data"):
            if isinstance(v.get(k), list):
                return [x for x in v[k] if isinstance(x, dict)]
        return [v]
    return []


def main(root):
    declared, refs, errors = {}, [], []
    for d, _, files in os.walk(root):
        for name in sorted(files):
            p = os.path.join(d, name)
            rel = os.path.relpath(p, root)
            if name.endswith(".json") or name.endswith(".yaml"):
                text = open(p, encoding="utf-8-sig").read()
                try:
                    v = json.loads(text) if name.endswith(".json") else (yaml.safe_load(text) if yaml else {})
                except Exception as e:
                    errors.append("%s: malformed: %s" % (rel, e))
                    continue
                for r in records(v):
                    own = next((r[k] for k in ID_FIELDS if k in r), None)
                    if own is None:
                        continue
                    if not GOOD.match(str(own)):
                        errors.append("%s: bad ID %s" % (rel, own))
                        continue
                    if own in declared:
                        errors.append("%s: duplicate %s" % (rel, own))
                    declared.setdefault(own, rel)
                    for t in TOKEN.findall(json.dumps(r)):
                        if t != own:
                            refs.append((rel, t))
            elif name.endswith(".md"):
                text = open(p, encoding="utf-8").read()
                m = STEP_MD.search(text)
                own = m.group(1) if m else None
                if own:
                    declared.setdefault(own, rel)
                for t in set(TOKEN.findall(text)):
                    if t != own:
                        refs.append((rel, t))
    seen = set()
    for rel, t in refs:
        if t not in declared and (rel, t) not in seen:
            seen.add((rel, t))
            errors.append("%s: dangling %s" % (rel, t))
    for e in sorted(errors):
        print(e)
    print("%d errors" % len(errors), file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
