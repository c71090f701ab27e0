"""Clients for scripts/loadtest: CLIENTS threads, each on its own keep-alive connection, send
QUERIES queries in all, the query library in turn (POST application/sparql-query, JSON results).
A failure is an answer other than 200 or a connection error.

    python3 loadtest.py BASE_URL CLIENTS QUERIES
"""

import http.client
import json
import sys
import threading
import time
import urllib.parse
import urllib.request

base, clients, total = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
url = urllib.parse.urlsplit(base)


def wait_until_listening():
    for _ in range(600):
        try:
            with urllib.request.urlopen(base + "/queries", timeout=5) as r:
                return json.load(r)
        except OSError:
            time.sleep(0.1)
    sys.exit("the server did not answer")


library = wait_until_listening()
latencies = []
failures = []
lock = threading.Lock()
start_together = threading.Barrier(clients)


def client(index):
    mine = range(index, total, clients)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    times, failed = [], []
    start_together.wait()
    for n in mine:
        query = library[n % len(library)]
        started = time.perf_counter()
        try:
            connection.request("POST", "/query", body=query["text"].encode("utf-8"), headers={
                "Content-Type": "application/sparql-query",
                "Accept": "application/sparql-results+json",
            })
            response = connection.getresponse()
            body = response.read()
            if response.status != 200:
                failed.append(f"{query['name']}: {response.status} {body[:200]!r}")
        except (OSError, http.client.HTTPException) as error:
            failed.append(f"{query['name']}: {error!r}")
            connection.close()
            connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
        times.append(time.perf_counter() - started)
    connection.close()
    with lock:
        latencies.extend(times)
        failures.extend(failed)


threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
began = time.perf_counter()
for t in threads:
    t.start()
for t in threads:
    t.join()
elapsed = time.perf_counter() - began

latencies.sort()


def percentile(p):
    return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000


print(f"{clients} clients, {len(latencies)} queries of {len(library)} library queries in {elapsed:.1f} s")
print(f"failures: {len(failures)}")
for f in failures[:10]:
    print(f"  {f}")
print(f"latency: p50 {percentile(50):.1f} ms, p95 {percentile(95):.1f} ms, "
      f"p99 {percentile(99):.1f} ms, max {latencies[-1] * 1000:.1f} ms")
print(f"throughput: {len(latencies) / elapsed:.0f} queries/s")
sys.exit(1 if failures else 0)
