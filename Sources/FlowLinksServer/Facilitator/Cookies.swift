import Hummingbird

/// The cookies the facilitator pages use, and how they are read and written.
enum Cookies {
    static let session = "flowlinks_session"
    static let loginCSRF = "flowlinks_login"

    /// A cookie's value from the request's `Cookie` header.
    static func value(_ name: String, in request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, parts[0] == name { return parts[1] }
            }
        }
        return nil
    }

    /// A `Set-Cookie` value: HttpOnly, SameSite=Strict, Secure, scoped to the facilitator pages.
    static func setting(_ name: String, to value: String, maxAge: Int? = nil) -> String {
        var cookie = "\(name)=\(value); Path=/facilitator; HttpOnly; SameSite=Strict; Secure"
        if let maxAge { cookie += "; Max-Age=\(maxAge)" }
        return cookie
    }

    static func clearing(_ name: String) -> String { setting(name, to: "", maxAge: 0) }
}
