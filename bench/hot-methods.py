#!/usr/bin/env python3
"""Top methods of a JFR recording (JDK 17 has no `jfr view hot-methods`): reads `jfr print --events
jdk.ExecutionSample` and prints the methods on top of the sampled stacks (self time) and the application,
engine and persistence methods anywhere on them (total time), as a share of all samples.
    python3 bench/hot-methods.py target/bench/workshop.jfr"""
import collections, re, subprocess, sys

text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", sys.argv[1]],
                      capture_output=True, text=True, check=True).stdout
frame = re.compile(r"^\s+([\w$.<>]+)\(.*\)\s+line:")
stacks, current = [], None
for line in text.splitlines():
    if line.startswith("jdk.ExecutionSample"):
        current = []
        stacks.append(current)
    elif current is not None:
        m = frame.match(line)
        if m:
            current.append(m.group(1))
stacks = [s for s in stacks if s]
n = len(stacks) or 1
self_time = collections.Counter(s[0] for s in stacks)
total = collections.Counter()
ours = ("org.healthycities.", "org.camunda.bpm.engine.impl.", "org.hibernate.", "org.springframework.data.",
        "org.apache.tika.", "org.thymeleaf.", "com.zaxxer.", "org.mariadb.")
for s in stacks:
    for m in set(s):
        if m.startswith(ours):
            total[m] += 1
print(f"{len(stacks)} execution samples")
print("-- self (top of stack)")
for m, c in self_time.most_common(15):
    print(f"{100 * c / n:6.1f}%  {m}")
print("-- where the top 4 self frames are called from (most common path, first application frame marked *)")
for m, _ in self_time.most_common(4):
    paths = collections.Counter(tuple(s[:14]) for s in stacks if s[0] == m)
    path, c = paths.most_common(1)[0]
    print(f"  {m} ({c} samples on this path)")
    for f in path[1:]:
        print(f"      {'*' if f.startswith('org.healthycities.') else ' '} {f}")
callers = collections.Counter()
for s in stacks:
    first = next((f for f in s if f.startswith("org.healthycities.")), None)
    if first:
        callers[first] += 1
print("-- innermost application frame (where our code spends or calls into the time)")
for m, c in callers.most_common(12):
    print(f"{100 * c / n:6.1f}%  {m}")
print("-- total, application / engine / persistence / template frames")
for m, c in total.most_common(30):
    print(f"{100 * c / n:6.1f}%  {m}")
