/// Why a webhook request was refused. The message is safe to show: it never holds a secret.
public enum ChannelError: Error, Equatable, Sendable {
    /// Missing or wrong credentials or signature (401).
    case unauthorized
    /// The body could not be read as the platform's format (400).
    case badRequest(String)
    /// The body is not in a format the endpoint accepts (415).
    case unsupportedMediaType(String)

    public var status: Int {
        switch self {
        case .unauthorized: 401
        case .badRequest: 400
        case .unsupportedMediaType: 415
        }
    }

    public var message: String {
        switch self {
        case .unauthorized: "Unauthorized."
        case .badRequest(let reason): reason
        case .unsupportedMediaType(let expected): "Unsupported content type: send \(expected)."
        }
    }
}
