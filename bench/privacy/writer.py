#!/usr/bin/env python3
# Commits one small settings row every 50 ms into STORE until SECONDS pass or STORE.done exists,
# then prints how long the commits waited: how much a purge holds other writers up.
#   bench/privacy/writer.py STORE SECONDS
import os
import sqlite3
import sys
import time

store, seconds = sys.argv[1], float(sys.argv[2])
db = sqlite3.connect(store, timeout=30, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
waits = []
stop = time.time() + seconds
i = 0
while time.time() < stop and not os.path.exists(store + ".done"):
    t = time.time()
    db.execute("INSERT INTO settings(key, value) VALUES ('bench/writer', ?) "
               "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(i),))
    waits.append((time.time() - t) * 1000)
    i += 1
    time.sleep(0.05)
db.execute("DELETE FROM settings WHERE key = 'bench/writer'")
waits.sort()
print("writes %d, median %.1f ms, p99 %.1f ms, max %.1f ms"
      % (len(waits), waits[len(waits) // 2], waits[int(len(waits) * 0.99)], waits[-1]))
