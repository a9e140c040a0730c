-- wrk script: POSTs valid text messages to the simulator, spread over 10,000 recipients so that
-- the pair rate (131056) is not what is measured. Usage in bench/sim/run.sh.
local counter = 0
local token = os.getenv("WA_TOKEN") or "sim-access-token"
local phone = os.getenv("SIM_PHONE_NUMBER_ID") or "106540352242922"
wrk.method = "POST"
wrk.path = "/v23.0/" .. phone .. "/messages"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token

request = function()
  counter = counter + 1
  local to = string.format("1650%07d", counter % 10000)
  local body = '{"messaging_product":"whatsapp","recipient_type":"individual","to":"+' .. to ..
               '","type":"text","text":{"preview_url":false,"body":"Benchmark message ' .. counter .. '"}}'
  return wrk.format(nil, nil, nil, body)
end

local statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("non-2xx: %d\n", summary.errors.status))
end
