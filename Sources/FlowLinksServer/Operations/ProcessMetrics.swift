import Foundation

/// The process's own figures in Prometheus' standard names, read from `/proc` when scraped:
/// resident and virtual memory, open and allowed file descriptors, CPU time and start time.
struct ProcessMetrics: Sendable {
    /// The process started at this many seconds since 1970.
    let startTime: Double

    init() {
        startTime = Self.readStartTime() ?? Date().timeIntervalSince1970
    }

    /// Each figure by its metric name; a figure `/proc` does not give is left out.
    func current() -> [(name: String, value: Double)] {
        var figures: [(String, Double)] = [("process_start_time_seconds", startTime)]
        let pageSize = Double(sysconf(Int32(_SC_PAGESIZE)))
        if let statm = Self.read("/proc/self/statm")?.split(separator: " "), statm.count >= 2,
            let virtual = Double(statm[0]), let resident = Double(statm[1])
        {
            figures.append(("process_virtual_memory_bytes", virtual * pageSize))
            figures.append(("process_resident_memory_bytes", resident * pageSize))
        }
        if let open = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            figures.append(("process_open_fds", Double(open.count)))
        }
        var limit = rlimit()
        if getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 {
            figures.append(("process_max_fds", Double(limit.rlim_cur)))
        }
        if let fields = Self.statFields(), fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) {
            figures.append(("process_cpu_seconds_total", (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))))
        }
        return figures
    }

    /// `/proc/self/stat` after the program's name (which may hold spaces), split at spaces:
    /// field 3 of the file (the state) is index 0.
    private static func statFields() -> [Substring]? {
        guard let stat = read("/proc/self/stat"), let nameEnd = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: nameEnd)...].split(separator: " ")
    }

    /// Boot time plus the process's start in clock ticks after boot.
    private static func readStartTime() -> Double? {
        guard let fields = statFields(), fields.count > 19, let ticks = Double(fields[19]),
            let bootLine = read("/proc/stat")?.split(separator: "\n").first(where: { $0.hasPrefix("btime ") }),
            let boot = Double(bootLine.dropFirst("btime ".count))
        else { return nil }
        return boot + ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    private static func read(_ path: String) -> String? {
        (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
