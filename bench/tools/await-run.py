#!/usr/bin/env python3
"""Polls a run's URL until it is neither QUEUED nor RUNNING; prints its last JSON (bench/correlate.sh, rule-test.sh).

  await-run.py URL COOKIES TIMEOUT_S [INTERVAL_S] [PROGRESS_FILE]

COOKIES is a curl cookie file holding the web session (bench/lib/portal.sh, web_session). One process on one kept-alive
connection: a poll costs well under a millisecond of CPU, where a shell loop of curl, jq and date took ~70 ms of CPU
each time, a third of a 2-core machine at ten polls a second, taken from the run being measured. With PROGRESS_FILE,
each poll's answer is appended to it as one line "<epoch ms> <JSON>".
Exit 0 when the run ended (DONE or FAILED: the caller reads which), 1 on a timeout, 2 when a poll fails.
"""
import http.client
import json
import sys
import time
import urllib.parse


def session_cookie(path):
    """The cookies of a curl (Netscape format) cookie file as one Cookie header value."""
    pairs = []
    with open(path) as f:
        for line in f:
            if line.startswith("#HttpOnly_"):
                line = line[len("#HttpOnly_"):]
            elif line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 7:
                pairs.append(f"{fields[5]}={fields[6]}")
    return "; ".join(pairs)


def main():
    url, cookies, timeout = sys.argv[1], sys.argv[2], float(sys.argv[3])
    interval = float(sys.argv[4]) if len(sys.argv) > 4 else 0.1
    progress = open(sys.argv[5], "a", buffering=1) if len(sys.argv) > 5 else None  # a line as it comes
    target = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=30)
    headers = {"Cookie": session_cookie(cookies), "Accept": "application/json"}
    path = target.path + ("?" + target.query if target.query else "")
    deadline = time.monotonic() + timeout
    while True:
        time.sleep(interval)
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            body = response.read().decode()
        except (OSError, http.client.HTTPException) as e:
            print(f"GET {url} failed: {e}", file=sys.stderr)
            return 2
        if response.status != 200:
            print(f"GET {url} answered HTTP {response.status}: {body[:300]}", file=sys.stderr)
            return 2
        if progress:
            progress.write(f"{int(time.time() * 1000)} {body}\n")
        run = json.loads(body)
        if run.get("status") not in ("QUEUED", "RUNNING"):
            print(body)
            return 0
        if time.monotonic() > deadline:
            print(body)
            return 1


if __name__ == "__main__":
    sys.exit(main())
