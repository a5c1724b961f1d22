-- wrk script for the bare /healthz baseline, printing the same RESULT line as session.lua.
function done(summary, latency, requests)
  io.write(string.format("RESULT requests_per_s=%.0f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
