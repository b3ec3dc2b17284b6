"""Time to a report from `plansjekk serve`: one 60-page PDF uploaded, the HTML page received.

Starts `plansjekk serve` as its own process on a free loopback port (the time until the
page answers is reported too), builds the benchmark plan (bench_extract.py), then:
- one upload at a time, N runs: wall time from sending the form to having the whole report
  page (the plan's text with its quotes marked, beside the findings), best and median;
- 20 uploads at once (as tests/test_web_load.py): wall time until the last report, and
  the median and slowest single wait.

    python benchmarks/bench_serve.py [--runs 5] [--concurrent 20]
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_extract import OUT, PAGES, build_pdf  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(port: int) -> tuple[subprocess.Popen, float]:
    cli = shutil.which("plansjekk", path=str(Path(sys.executable).parent)) or "plansjekk"
    started = time.perf_counter()
    process = subprocess.Popen([cli, "serve", "--port", str(port)], stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, start_new_session=True)
    while True:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/", timeout=2).status_code == 200:
                return process, time.perf_counter() - started
        except httpx.HTTPError:
            pass
        if process.poll() is not None:
            sys.exit("plansjekk serve stopped before it answered")
        time.sleep(0.05)


def upload(url: str, data: bytes, name: str) -> float:
    started = time.perf_counter()
    response = httpx.post(f"{url}/sjekk", files={"fil": (name, data)}, timeout=900)
    if response.status_code != 200 or "regelkort" not in response.text:
        sys.exit(f"upload failed: {response.status_code}")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--concurrent", type=int, default=20)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    pdf = build_pdf(OUT / f"plan-{PAGES}-sider.pdf")
    data = pdf.read_bytes()
    port = free_port()
    process, ready = start_server(port)
    url = f"http://127.0.0.1:{port}"
    try:
        upload(url, data, pdf.name)  # the workers' first document (lazy imports in the engine)
        times = [upload(url, data, pdf.name) for _ in range(args.runs)]
        started = time.perf_counter()
        with ThreadPoolExecutor(args.concurrent) as clients:
            waits = list(clients.map(lambda n: upload(url, data, f"plan-{n}.pdf"), range(args.concurrent)))
        total = time.perf_counter() - started
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=30)
    print(f"\nWeb benchmark: {pdf.name} ({PAGES} pages, {len(data) // 1024} KB), {os.cpu_count()} cores\n")
    print(f"server start until the page answers:  {ready:.2f} s")
    print(f"time to a report, one upload:         best {min(times):.2f} s, median {statistics.median(times):.2f} s "
          f"({args.runs} runs)")
    print(f"{args.concurrent} uploads at once:                 all answered in {total:.1f} s; "
          f"median wait {statistics.median(waits):.1f} s, slowest {max(waits):.1f} s")


if __name__ == "__main__":
    main()
