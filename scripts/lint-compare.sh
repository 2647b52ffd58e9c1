#!/usr/bin/env bash
# lint-compare.sh: `migrate lint` and squawk (PyPI squawk-cli, when installed) on the same up files:
# the saas module, where every finding is a false positive (each statement is on a table the same
# file creates), and Tests/Fixtures/lint-seeded, where each dangerous line ends with
# `-- danger: RULE` and every other line is safe. Prints true and false positives for each tool.
# squawk's style rules (prefer-*, require-timeout-settings, …) are counted apart: they are advice,
# not dangers of these statements.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product migrate --quiet >&2
migrate="$(swift build --show-bin-path)/migrate"
squawk_bin=$(command -v squawk || true)
python3 - "$migrate" "$squawk_bin" <<'PY'
import json, re, subprocess, sys, glob, os
migrate, squawk = sys.argv[1], sys.argv[2]
STYLE = re.compile(r"^(prefer-|require-timeout-settings|ban-char-field|require-table-schema)")

def dangers(folder):
    result = {}
    for path in sorted(glob.glob(folder + "/*.up.sql")):
        for number, line in enumerate(open(path, encoding="utf-8"), 1):
            m = re.search(r"-- danger: ([a-z-]+)", line)
            if m: result[(os.path.basename(path), number)] = m.group(1)
    return result

def ours(folder):
    out = subprocess.run([migrate, "-path", folder, "lint", "-json", "-disable", "missing-down-file"], capture_output=True, text=True).stdout
    found = []
    for f in json.loads(out or "[]"):
        path, line, _ = f["location"].rsplit(":", 2)
        found.append((os.path.basename(path), int(line), f["rule"]))
    return found

def theirs(folder):
    if not squawk: return None
    files = sorted(glob.glob(folder + "/*.up.sql"))
    out = subprocess.run([squawk, "--reporter", "gcc"] + files, capture_output=True, text=True).stdout
    found = []
    for line in out.splitlines():
        m = re.match(r"^(.*?):(\d+):(\d+): (warning|error): (\S+)", line)
        if m: found.append((os.path.basename(m.group(1)), int(m.group(2)) + 1, m.group(5)))  # squawk counts lines from 0
    return found

def score(found, expected, exact):
    if found is None: return "squawk not installed (pip install squawk-cli==2.70.0)"
    style = [f for f in found if STYLE.match(f[2])]
    safety = [f for f in found if not STYLE.match(f[2])]
    hit = {k for k, rule in expected.items() if any((f[0], f[1]) == k and (not exact or f[2] == rule) for f in safety)}
    false = [f for f in safety if (f[0], f[1]) not in expected]
    text = f"{len(hit)}/{len(expected)} dangers found, {len(false)} false positives"
    if style: text += f" (+{len(style)} style findings)"
    return text

for name, folder in [("saas", "migrations/saas"), ("lint-seeded", "Tests/Fixtures/lint-seeded")]:
    expected = dangers(folder)
    print(f"{name}:")
    print(f"  migrate lint: {score(ours(folder), expected, True)}")
    print(f"  squawk:       {score(theirs(folder), expected, False)}")
PY
