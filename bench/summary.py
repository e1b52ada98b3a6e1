#!/usr/bin/env python3
"""The summary table of bench/run.sh (see bench/README.md): one row per figure of issue 16, in markdown.

    python3 bench/summary.py target/bench > target/bench/summary.md

Reads the key=value files target/bench/*.figures that the stages of this run wrote (run.sh deletes them at its
start, so every figure and its baseline come from the same run); a figure whose stage did not run shows "-".
Columns: figure | measured | baseline (measured in the same run) | ratio | target.
"""
import sys
from pathlib import Path


def read(folder: Path, name: str) -> dict:
    path = folder / f"{name}.figures"
    result = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if "=" in line:
                key, value = line.split("=", 1)
                result[key.strip()] = value.strip()
    return result


def num(value):
    try:
        return float(str(value).replace(",", ""))
    except (TypeError, ValueError):
        return None


def fmt(value, unit="", digits=1):
    v = num(value)
    if v is None:
        return "-"
    text = f"{v:,.{digits}f}" if digits else f"{v:,.0f}"
    return text + unit


def ratio(measured, baseline, digits=2):
    m, b = num(measured), num(baseline)
    if m is None or not b:
        return "-"
    return f"{m / b:.{digits}f}"


def per_second_ratio(per_second, serial):
    """A throughput against the serial JDBC baseline, as the other benchmarks print it: x and 1 : n."""
    p, s = num(per_second), num(serial)
    if p is None or not s or not p:
        return "-"
    return f"{p / s:.4f} (1 : {s / p:,.0f})"


def latency_ratio(ms, serial):
    """A latency in serial single-row commits: how many the database commits one after the other meanwhile."""
    t, s = num(ms), num(serial)
    if t is None or not s:
        return "-"
    return f"= {t / 1000 * s:,.0f} serial commits"


def cpu(check: dict) -> str:
    """CPU ms per unit of the application's JVM and, in brackets, its database server (the check's cpu.*.ms)."""
    if "cpu.app.ms" not in check:
        return "-"
    db = check.get("cpu.db.ms")
    return fmt(check["cpu.app.ms"], " ms", 1) + (f" ({fmt(db, ' ms', 1)})" if db else "")


def main(folder: Path):
    run = read(folder, "run")
    start = read(folder, "start")
    app = read(folder, "app")
    baseline = read(folder, "baseline")
    setup = read(folder, "workshop-setup")
    workshop = read(folder, "workshop")
    check = read(folder, "workshop-check")
    apply_setup = read(folder, "applications-setup")
    apply = read(folder, "applications")
    apply_check = read(folder, "applications-check")
    evaluation = read(folder, "evaluation")

    rows = []

    def row(figure, measured, base="-", r="-", target="-"):
        rows.append((figure, measured, base, r, target))

    def started(key):
        ready = start.get(f"{key}.ready")
        if ready is None:
            return "-"
        text = f"{fmt(ready, ' s')} (log: started in {fmt(start.get(key + '.started'), ' s')}"
        if not key.startswith("plain"):
            text += f"; {fmt(start.get(key + '.mapped.mb'), ' MB', 0)} of classes mapped from the archive"
        return text + ")"

    # the runtime's class cache: the AOT cache on Java 24 and later, CDS before
    kind = start.get("cache.kind") or run.get("cache.kind") or "CDS"
    kind_text = ("AOT cache (extracted jar, -XX:AOTCache)" if kind == "AOT cache"
                 else "CDS (extracted jar, -XX:SharedArchiveFile)")
    runtime = run.get("runtime")

    for which, label, target in (("first", "first start, fresh data folder", "< 20 s"),
                                 ("second", "second start, same folder", "< 12 s")):
        plain = start.get(f"plain.{which}.ready")
        row(f"Start to ready, {label}: plain `java -jar`", started(f"plain.{which}"),
            "(is the baseline)" if plain else "-", "1.00" if plain else "-", target)
        row(f"Start to ready, {label}: {kind_text}", started(f"cache.{which}"),
            fmt(plain, " s") + (" (plain)" if plain else ""), ratio(start.get(f"cache.{which}.ready"), plain), target)
    before = start.get("default.cds.second.ready")
    if before:
        row(f"Start to ready, second start: the cache against CDS on the default java ({start.get('default.java')})",
            started("cache.second"), f"{started('default.cds.second')}", ratio(start.get("cache.second.ready"), before),
            "< 12 s")

    plain_rss = start.get("plain.first.rss")
    base_rss = fmt(plain_rss, " MB", 0) + (" (plain jar, first start)" if plain_rss else "")
    for key, label, target in (("start", f"JVM RSS right after start (the {kind} start the loads run on)", "< 600 MB"),
                               ("after.workshop", "JVM RSS after the workshop load", "< 800 MB")):
        rss = app.get(f"rss.{key}")
        measured = "-" if rss is None else f"{fmt(rss, ' MB', 0)} (MariaDB {fmt(app.get('db.rss.' + key), ' MB', 0)})"
        row(label, measured, base_rss, ratio(rss, plain_rss), target)

    serial = setup.get("baseline.serial")
    base_serial = fmt(serial, " rows/s", 0) + (" (JDBC serial, right before)" if serial else "")
    phones, pace = num(setup.get("participants")), num(workshop.get("pace"))
    offered = phones / pace if phones and pace else None
    offered_text = f"{offered:,.0f} saves/s offered" if offered else "the offered rate"
    load = (f"{setup.get('participants')} phones / {setup.get('groups')} groups, a save every "
            f"{workshop.get('pace')} s for {workshop.get('duration')} s") if setup and workshop else "workshop"
    # the saves' count over the time from the first save sent to the last answered (Gatling's own rate would also
    # count the seconds in which the phones open their sheet)
    count, window = num(workshop.get("save.count")), num(workshop.get("save.window.seconds"))
    achieved = count / window if count and window else num(workshop.get("save.rps"))
    row(f"Workshop ({load}): saves/s achieved", fmt(achieved, " /s", 0), base_serial,
        per_second_ratio(achieved, serial), offered_text)
    row(f"Workshop save p99 at {offered_text}", fmt(workshop.get("save.p99"), " ms", 0), base_serial,
        latency_ratio(workshop.get("save.p99"), serial), "< 150 ms")
    row(f"Workshop save p95 (p50 {fmt(workshop.get('save.p50'), ' ms', 0)}, max "
        f"{fmt(workshop.get('save.max'), ' ms', 0)})", fmt(workshop.get("save.p95"), " ms", 0), base_serial,
        latency_ratio(workshop.get("save.p95"), serial))
    errors = "-"
    if "save.count" in workshop:
        errors = f"{workshop.get('save.ko')} of {workshop.get('save.count')}"
        if workshop.get("error.1"):
            errors += f" ({workshop.get('error.1')})"
    row("Workshop errors (not 200 \"saved\")", errors, "-", "-", "0")
    lost = "-"
    if check:
        lost = (f"{check.get('lost')} (duplicated {check.get('duplicated')}, last text wrong "
                f"{check.get('wrong.text')}; {check.get('stored')} versions stored for {check.get('ok')} saves)")
    row("Workshop saves lost (checked in the database)", lost, "-", "-", "0")
    row("SQL statements per workshop save (server counters)", fmt(check.get("statements.per.save"), "", 1),
        "-", "-", "<= 4")
    row("Commits per workshop save", fmt(check.get("commits.per.save"), "", 1), "-", "-", "1")
    row("CPU per workshop save over the load: application JVM (its database server beside it)",
        cpu(check), "-", "-", "-")

    bare = evaluation.get("bare.seconds")
    row(f"Evaluation round of {evaluation.get('members', '1300')} members: every invitation out",
        fmt(evaluation.get("opening.seconds"), " s"),
        fmt(bare, " s") + (" (bare engine)" if bare else ""), ratio(evaluation.get("opening.seconds"), bare),
        "< 10 s (1,300 members)")

    n = apply_setup.get("applicants") or apply_check.get("applicants")
    received = "-"
    if "apply.submit.count" in apply:
        received = f"{apply.get('apply.submit.ok')}/{n}"
        if apply_check:
            received += (f" (in the database: {apply_check.get('distinct')} applications, "
                         f"{apply_check.get('duplicates')} duplicates, {apply_check.get('missing')} missing)")
        if apply.get("late") not in (None, "0"):
            received += f"; {apply.get('late')} sent late (their form opened too late)"
        if apply.get("apply.page.ko") not in (None, "0"):
            received += f"; {apply.get('apply.page.ko')} form pages failed"
    warm = apply_setup.get("warmup")
    row(f"/apply: {n or 200} applicants send the form with a PDF at once"
        + (f" (after {warm} warm-up applicants)" if warm not in (None, "0") else " (cold server)") + ", received",
        received, "-", "-", "200/200")
    apply_serial = apply_setup.get("baseline.serial")
    row(f"/apply submit p99 (p50 {fmt(apply.get('apply.submit.p50'), ' ms', 0)}, max "
        f"{fmt(apply.get('apply.submit.max'), ' ms', 0)})", fmt(apply.get("apply.submit.p99"), " ms", 0),
        fmt(apply_serial, " rows/s", 0) + (" (JDBC serial, right before)" if apply_serial else ""),
        latency_ratio(apply.get("apply.submit.p99"), apply_serial), "< 2 s")
    row("CPU per applicant, the submit and the jobs it made: application JVM (its database server beside it)",
        cpu(apply_check), "-", "-", "-")

    print(f"## Benchmark summary, {run.get('date', '')}")
    print()
    print(f"{run.get('machine', '')}; load average {run.get('load.start', '-')} at the start, "
          f"{run.get('load.end', '-')} at the end; JVM options (docker/Dockerfile JAVA_TOOL_OPTIONS): "
          f"`{start.get('java.tool.options') or run.get('java.tool.options') or '-'}`; stages: {run.get('stages', '-')}")
    if runtime:
        print(f"The application ran on {runtime} with the {kind} (the image's runtime); the build, Gatling and the "
              f"programs in bench/ on the default java.")
    if baseline:
        print(f"JDBC baseline at the start: {fmt(baseline.get('serial'), ' rows/s', 0)} serial, "
              f"{fmt(baseline.get('concurrent'), ' rows/s', 0)} on 16 connections.")
    print()
    print("| figure | measured | baseline (same run) | ratio | target |")
    print("|---|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(str(c).replace("|", "/") for c in r) + " |")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "target/bench"))
