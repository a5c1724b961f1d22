-- wrk script: every connection holds full FlowLinks sessions through the generic channel, one
-- turn at a time, starting a new conversation after each finished session.
-- Run with as many threads as connections (-t N -c N) so each connection is one conversation.

local answers = {
  "hello", "Riverside Family Services", "Parent Cafe", "Weekly drop-in for parents",
  "yes, partners reach families we cannot", "some, the school district", "2", "1", "3",
  "4 because families should shape it", "More trust and better turnout",
  "We value your feedback and want to work together", "yes", "We will co-host planning meetings",
}

local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  turn = 0
  sessions = 0
  run = os.time()
  token = os.getenv("FLOWLINKS_BENCH_TOKEN")
  -- two wrk processes at once (one per replica) keep their conversations apart by prefix
  prefix = os.getenv("FLOWLINKS_BENCH_PREFIX") or "bench"
end

function request()
  local index = turn % #answers
  if index == 0 then
    sessions = sessions + 1
    conversation = string.format("%s-%d-%d-%d", prefix, run, id, sessions)
  end
  turn = turn + 1
  local body = string.format(
    '{"conversation":"%s","message_id":"%s-%d","text":"%s"}', conversation, conversation, index, answers[index + 1])
  local headers = { ["Content-Type"] = "application/json" }
  if token then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("POST", "/webhooks/generic", headers, body)
end

function response(status, headers, body)
  if status ~= 200 then
    errors = (errors or 0) + 1
  end
end

function done(summary, latency, requests)
  local non200 = 0
  for _, thread in ipairs(threads) do non200 = non200 + (thread:get("errors") or 0) end
  io.write(string.format("RESULT turns_per_s=%.0f p50_ms=%.2f p99_ms=%.2f non_200=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    non200, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
