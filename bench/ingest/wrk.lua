-- Sends pre-signed webhook bodies (bench/ingest/generate.py output). Each wrk thread takes its
-- own share of the lines (thread t of T: lines t, t + T, ...), so no body is sent twice until a
-- thread has sent all of its share; then it starts its share over (`run` warns when a run sends
-- more requests than there are bodies). The requests are formatted once in init(): wrk shares
-- the 2 cores with the server, so its per-request work is kept small.
-- (Non-2xx answers are counted by wrk itself in summary.errors.status.)
local file = os.getenv("BENCH_BODIES")
local threads = {}
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("thread_index", counter)
    table.insert(threads, thread)
end

function init(args)
    requests = {}
    local headers = {["Content-Type"] = "application/json"}
    local share = tonumber(os.getenv("BENCH_THREADS") or "1")
    local mine = ((thread_index or 1) - 1) % share
    local n = 0
    for line in io.lines(file) do
        if n % share == mine then
            local tab = line:find("\t", 1, true)
            headers["X-Hub-Signature-256"] = line:sub(1, tab - 1)
            table.insert(requests, wrk.format("POST", "/webhooks/whatsapp", headers, line:sub(tab + 1)))
        end
        n = n + 1
    end
    index = 0
end

function request()
    index = index % #requests + 1
    return requests[index]
end

function done(summary, latency, requests)
    io.write(string.format("BENCH requests=%d duration_us=%d non2xx_or_errors=%d p50_us=%d p99_us=%d max_us=%d\n",
        summary.requests, summary.duration,
        summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
        latency:percentile(50), latency:percentile(99), latency.max))
end

-- BENCH_PACE_MS: each connection waits about this long (a mean; wrk's timer counts whole
-- milliseconds, so each wait is the floor or the ceiling at random) after an answer before its
-- next request, to measure latency at an offered load below saturation.
local pace = tonumber(os.getenv("BENCH_PACE_MS") or "")
if pace and pace > 0 then
    function delay()
        local whole = math.floor(pace)
        if math.random() < pace - whole then
            return whole + 1
        end
        return whole
    end
end
