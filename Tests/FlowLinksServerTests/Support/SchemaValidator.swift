import Foundation
import Yams

/// Checks JSON values against the schemas of `docs/openapi.yaml`: the subset the spec uses
/// (type, properties, required, items, additionalProperties: false, minimum, minLength,
/// maxLength, enum) and `$ref` to `#/components/schemas/…`.
struct SchemaValidator {
    let document: [String: Any]

    init(openAPIFile: URL) throws {
        let text = try String(contentsOf: openAPIFile, encoding: .utf8)
        document = try Yams.load(yaml: text) as? [String: Any] ?? [:]
    }

    /// The schema of a response: path, method, status, media type.
    func responseSchema(path: String, method: String, status: Int, mediaType: String = "application/json") -> Any? {
        let paths = document["paths"] as? [String: Any]
        let operation = (paths?[path] as? [String: Any])?[method.lowercased()] as? [String: Any]
        let response = (operation?["responses"] as? [String: Any])?[String(status)] as? [String: Any]
        let content = (resolve(response ?? [:]) as? [String: Any])?["content"] as? [String: Any]
        return (content?[mediaType] as? [String: Any])?["schema"]
    }

    /// Every way `value` breaks `schema`, as readable paths; empty when it conforms.
    func problems(_ value: Any, against schema: Any, at path: String = "$") -> [String] {
        guard let schema = resolve(schema) as? [String: Any] else { return ["\(path): schema is not an object"] }
        var problems: [String] = []
        if let type = schema["type"] {
            let allowed = (type as? [String]) ?? [type as? String ?? ""]
            if !allowed.contains(where: { Self.matches(value, type: $0) }) {
                return ["\(path): expected \(allowed.joined(separator: " or ")), got \(Swift.type(of: value))"]
            }
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { "\($0)" == "\(value)" }) {
            problems.append("\(path): \(value) is not one of \(options)")
        }
        if let text = value as? String {
            if let minimum = schema["minLength"] as? Int, text.count < minimum {
                problems.append("\(path): shorter than \(minimum)")
            }
            if let maximum = schema["maxLength"] as? Int, text.count > maximum {
                problems.append("\(path): longer than \(maximum)")
            }
        }
        if let number = value as? NSNumber, !(value is Bool),
            let minimum = schema["minimum"] as? Double ?? (schema["minimum"] as? Int).map(Double.init),
            number.doubleValue < minimum
        {
            problems.append("\(path): below \(minimum)")
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                problems.append("\(path): missing \(name)")
            }
            for (name, member) in object {
                if let propertySchema = properties[name] {
                    problems += self.problems(member, against: propertySchema, at: "\(path).\(name)")
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): unexpected property \(name)")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] {
            for (index, element) in array.enumerated() {
                problems += self.problems(element, against: items, at: "\(path)[\(index)]")
            }
        }
        return problems
    }

    private func resolve(_ schema: Any) -> Any {
        guard let object = schema as? [String: Any], let reference = object["$ref"] as? String else { return schema }
        var node: Any = document
        for key in reference.dropFirst(2).split(separator: "/") {
            node = (node as? [String: Any])?[String(key)] ?? [:]
        }
        return resolve(node)
    }

    private static func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": value is NSNull
        case "boolean": (value as? NSNumber).map(isBoolean) ?? false
        case "integer": (value as? NSNumber).map { !isBoolean($0) && $0.doubleValue == $0.doubleValue.rounded() } ?? false
        case "number": (value as? NSNumber).map { !isBoolean($0) } ?? false
        case "string": value is String
        case "array": value is [Any]
        case "object": value is [String: Any]
        default: false
        }
    }

    // why: JSON booleans arrive as NSNumber too; their Objective-C type code is "c".
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }
}
