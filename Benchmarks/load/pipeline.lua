-- Sends DEPTH requests for the benchmark URL in one write and waits for all
-- DEPTH responses before the next write (HTTP/1.1 pipelining).
-- Usage: wrk -s pipeline.lua URL -- DEPTH
--
-- wrk counts the requests in the returned string, adds one to its totals per
-- response, and records one latency sample per batch: Requests/sec counts
-- responses, while the latency percentiles are the time for a whole batch.

local pipelined_requests

init = function(args)
    local depth = tonumber(args[1]) or 16
    local requests = {}
    for index = 1, depth do
        requests[index] = wrk.format(nil, wrk.path)
    end
    pipelined_requests = table.concat(requests)
end

request = function()
    return pipelined_requests
end
