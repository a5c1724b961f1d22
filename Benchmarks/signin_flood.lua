-- wrk script: a flood of sign-in attempts, each with a new random username and password, as an
-- attacker would send them. It sets the sign-in form's cookie and field to the same value, which
-- is all the form's CSRF check asks of a client that is not a victim's browser.
-- FLOWLINKS_FLOOD_SPREAD=1 adds a random X-Forwarded-For to each attempt: many addresses, as a
-- server with behind_proxy=true sees a distributed attack.

local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 100 + id)
  spread = os.getenv("FLOWLINKS_FLOOD_SPREAD") == "1"
  signed_in, wrong, limited, refused, other = 0, 0, 0, 0, 0
end

function request()
  local name = string.format("user%08x", math.random(0, 0x7fffffff))
  local body = string.format("csrf=flood&username=%s&password=guess%d", name, math.random(1, 1000000000))
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "flowlinks_login=flood",
  }
  if spread then
    headers["X-Forwarded-For"] = string.format(
      "10.%d.%d.%d", math.random(0, 255), math.random(0, 255), math.random(1, 254))
  end
  return wrk.format("POST", "/facilitator/login", headers, body)
end

function response(status, headers, body)
  if status == 303 then signed_in = signed_in + 1
  elseif status == 401 then wrong = wrong + 1
  elseif status == 429 then limited = limited + 1
  elseif status == 403 then refused = refused + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local totals = { signed_in = 0, wrong = 0, limited = 0, refused = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do totals[name] = totals[name] + (thread:get(name) or 0) end
  end
  io.write(string.format(
    "RESULT attempts=%d per_s=%.1f checked_401=%d refused_429=%d csrf_403=%d signed_in=%d other=%d p50_ms=%.0f p99_ms=%.0f errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), totals.wrong, totals.limited, totals.refused,
    totals.signed_in, totals.other, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
