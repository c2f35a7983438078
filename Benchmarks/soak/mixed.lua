-- Keep-alive load for the soak: each connection cycles through the Quickstart
-- mix (mix.py writes it as a Lua table) and checks every answer: status, a
-- piece of the body, Location. Login, session, flash and logout carry the
-- session cookie from answer to request; the static file's ETag comes back
-- as If-None-Match.
--
-- Usage: wrk -tN -cN -s mixed.lua URL -- MIX_DATA_FILE [DELAY_MS]
--
-- Run one connection per thread (-t equal to -c): wrk's response() does not
-- say which connection answered, but a thread with one connection has one
-- request in flight, so each answer belongs to the last request sent.
-- DELAY_MS, when above 0, is the pause before each request, which bounds the
-- rate at 1000 / DELAY_MS requests a second per connection.
--
-- done() prints "soak NAME COUNT" lines for run.sh: requests (answers), and
-- errors: unexpected answers, lost requests (sent, never answered, because
-- wrk reconnected), and wrk's connect, read, write and timeout errors.

local threads = {}

function setup(thread)
    table.insert(threads, thread)
    thread:set("thread_number", #threads)
end

local exchanges
local next_index
local pending
local session_cookie
local etag
local verified = false
local shown = 0
local max_shown = 5

unexpected = 0
lost = 0

function init(args)
    exchanges = dofile(args[1])
    -- Threads start at different places in the mix so that, at any moment,
    -- the server sees different requests.
    next_index = (thread_number - 1) * 7 % #exchanges + 1
    local delay_ms = tonumber(args[2]) or 0
    if delay_ms > 0 then
        delay = function()
            return delay_ms
        end
    end
end

local function format(exchange)
    local lines = { exchange.head }
    if exchange.session and session_cookie then
        lines[#lines + 1] = "Cookie: session=" .. session_cookie .. "\r\n"
    end
    if exchange.etag == "send" and etag then
        lines[#lines + 1] = "If-None-Match: " .. etag .. "\r\n"
    end
    lines[#lines + 1] = "\r\n"
    lines[#lines + 1] = exchange.body
    return table.concat(lines)
end

function request()
    -- wrk calls the first thread's request() once before connecting, to check
    -- that it parses; that request is never sent.
    if thread_number == 1 and not verified then
        verified = true
        return format(exchanges[1])
    end
    if pending then
        lost = lost + 1
    end
    pending = exchanges[next_index]
    next_index = next_index % #exchanges + 1
    return format(pending)
end

local function header(headers, name)
    for key, value in pairs(headers) do
        if key:lower() == name then
            return value
        end
    end
    return nil
end

-- Why the answer is wrong, or nil; keeps its cookie and ETag either way.
local function check(exchange, status, headers, body)
    if exchange.session then
        local cookie = header(headers, "set-cookie")
        if cookie and cookie:sub(1, 8) == "session=" then
            local value = cookie:match("^session=([^;]*)")
            session_cookie = value ~= "" and value or nil
        end
    end
    if exchange.etag == "keep" then
        etag = header(headers, "etag")
    end
    if status ~= exchange.status then
        return string.format("status %d, expected %d", status, exchange.status)
    end
    if exchange.contains and not (body or ""):find(exchange.contains, 1, true) then
        return string.format("body %q lacks %q", (body or ""):sub(1, 120), exchange.contains)
    end
    if exchange.location and header(headers, "location") ~= exchange.location then
        return string.format("Location %q, expected %q", tostring(header(headers, "location")), exchange.location)
    end
    return nil
end

function response(status, headers, body)
    local exchange = pending
    pending = nil
    local problem
    if exchange then
        problem = check(exchange, status, headers, body)
    else
        problem = "an answer to no request"
    end
    if problem then
        unexpected = unexpected + 1
        if shown < max_shown then
            shown = shown + 1
            print(string.format("unexpected answer to %s: %s", exchange and exchange.name or "nothing", problem))
        end
    end
end

function done(summary, latency, requests)
    local totals = { unexpected = 0, lost = 0 }
    for _, thread in ipairs(threads) do
        totals.unexpected = totals.unexpected + thread:get("unexpected")
        totals.lost = totals.lost + thread:get("lost")
    end
    print(string.format("soak requests %d", summary.requests))
    print(string.format("soak unexpected %d", totals.unexpected))
    print(string.format("soak lost %d", totals.lost))
    for _, kind in ipairs({ "connect", "read", "write", "timeout" }) do
        print(string.format("soak %s %d", kind, summary.errors[kind]))
    end
end
