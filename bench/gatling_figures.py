#!/usr/bin/env python3
"""The figures of a Gatling report (bench/run.sh; see bench/README.md) as key=value lines on standard output.

    python3 bench/gatling_figures.py target/bench/gatling/<simulation>-<time>/

Gatling 3.14 writes its statistics into the report's index.html (its simulation.log is binary, and there is no
stats.json any more): the statistics table has a row for all requests and one per request name, with count, OK, KO,
% KO, count per second, min, 50th, 75th, 95th, 99th percentile, max, mean and standard deviation (ms); the errors
table gives each error message with its count. Keys: all.<figure> and <request name>.<figure> (the name in lower
case, blanks as dots), error.<n>=<count> <message>, and report=<folder>.
"""
import html
import re
import sys
from pathlib import Path

COLUMNS = {2: "count", 3: "ok", 4: "ko", 5: "ko.percent", 6: "rps", 7: "min", 8: "p50", 9: "p75", 10: "p95",
           11: "p99", 12: "max", 13: "mean", 14: "stddev"}


def figures(report: Path):
    page = (report / "index.html").read_text(encoding="utf-8")
    result = {"report": str(report)}
    for row in re.finditer(r'<tr id="([^"]+)"[^>]*>(.*?)</tr>', page, re.S):
        body = row.group(2)
        name = re.search(r'class="ellipsed-name">([^<]*)</span>', body)
        if not name:
            continue
        key = "all" if row.group(1) == "ROOT" else re.sub(r"\s+", ".", html.unescape(name.group(1)).strip().lower())
        for column, value in re.findall(r'<td class="value [^"]*col-(\d+)">([^<]*)</td>', body):
            if int(column) in COLUMNS:
                result[f"{key}.{COLUMNS[int(column)]}"] = value.strip().replace(",", "")
    errors = re.search(r'<table id="container_errors".*?</table>', page, re.S)
    if errors:
        n = 0
        for message, count in re.findall(r'<td class="error-col-1[^"]*">(.*?)<span.*?</td>\s*'
                                         r'<td class="value error-col-2[^"]*">([^<]*)</td>', errors.group(0), re.S):
            n += 1
            result[f"error.{n}"] = f"{count.strip()} {html.unescape(message).strip()}"
    return result


if __name__ == "__main__":
    for k, v in figures(Path(sys.argv[1])).items():
        print(f"{k}={v}")
