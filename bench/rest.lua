-- wrk script for bench/rest.sh. BENCH_TOKEN: the API key sent as Bearer token. BENCH_MODE:
--   get   the URL as given (no request() function, so wrk builds the request once)
--   byid  GET <URL path><random id>, ids one per line from the file BENCH_IDS
--   post  POST <URL path> a person (name, emails, jobTitle, city, companyId from BENCH_IDS);
--         e-mails are unique per thread, request and run
-- done() prints one line bench/rest.sh reads: requests, req/s, p50 and p99 in ms, non-2xx/3xx
-- answers and socket errors.
local mode = os.getenv("BENCH_MODE") or "get"
local token = os.getenv("BENCH_TOKEN") or ""
wrk.headers["Authorization"] = "Bearer " .. token

local threads = {}
function setup(thread)
    threads[#threads + 1] = thread
    thread:set("tid", #threads)
end

local ids = {}
local function load_ids()
    local file = os.getenv("BENCH_IDS")
    if not file then
        error("BENCH_IDS is not set")
    end
    for line in io.lines(file) do
        if #line > 0 then
            ids[#ids + 1] = line
        end
    end
    if #ids == 0 then
        error("no ids in " .. file)
    end
end

local first = { "Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Ken", "Margaret", "Linus", "Frances" }
local last = { "Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Thompson", "Hamilton", "Torvalds", "Allen" }
local titles = { "CEO", "CTO", "Engineer", "Designer", "Sales", "Support" }
local cities = { "Paris", "London", "Berlin", "Madrid", "Tokyo", "Lisbon" }
local counter = 0
local run = tostring(os.time())

function init(args)
    if mode ~= "get" then
        load_ids()
    end
    math.randomseed(os.time() * 100 + (tid or 0))
    if mode == "post" then
        wrk.method = "POST"
        wrk.headers["Content-Type"] = "application/json"
    end
end

if mode == "byid" then
    function request()
        return wrk.format("GET", wrk.path .. ids[math.random(#ids)])
    end
elseif mode == "post" then
    function request()
        counter = counter + 1
        local f = first[math.random(#first)]
        local l = last[math.random(#last)]
        local body = string.format(
            '{"name":{"firstName":"%s","lastName":"%s"},'
                .. '"emails":{"primaryEmail":"%s.%s.%s.%d.%d@post.example.com","additionalEmails":[]},'
                .. '"jobTitle":"%s","city":"%s","companyId":"%s"}',
            f, l, f:lower(), l:lower(), run, tid or 0, counter,
            titles[math.random(#titles)], cities[math.random(#cities)], ids[math.random(#ids)])
        return wrk.format("POST", wrk.path, nil, body)
    end
end

function done(summary, latency, requests)
    local seconds = summary.duration / 1e6
    local e = summary.errors
    io.write(string.format("bench: requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
        summary.requests, summary.requests / seconds, latency:percentile(50) / 1000,
        latency:percentile(99) / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
