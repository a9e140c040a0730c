-- Cycles through pre-signed webhook bodies (bench/ingest/generate.py output), each wrk thread
-- starting at its own offset so that threads send different bodies.
local file = os.getenv("BENCH_BODIES")
local threads = {}
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("thread_index", counter)
    table.insert(threads, thread)
end

function init(args)
    bodies, signatures = {}, {}
    for line in io.lines(file) do
        local tab = line:find("\t", 1, true)
        table.insert(signatures, line:sub(1, tab - 1))
        table.insert(bodies, line:sub(tab + 1))
    end
    local n = #bodies
    index = ((thread_index or 1) - 1) * math.floor(n / 8) % n
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
end

function request()
    index = index % #bodies + 1
    wrk.headers["X-Hub-Signature-256"] = signatures[index]
    return wrk.format("POST", "/webhooks/whatsapp", nil, bodies[index])
end

non200 = 0
function response(status, headers, body)
    if status ~= 200 then
        non200 = non200 + 1
    end
end

function done(summary, latency, requests)
    io.write(string.format("BENCH requests=%d duration_us=%d non2xx_or_errors=%d p50_us=%d p99_us=%d max_us=%d\n",
        summary.requests, summary.duration,
        summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
        latency:percentile(50), latency:percentile(99), latency.max))
end
