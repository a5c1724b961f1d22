import Crypto
import Foundation

/// Twilio's request signature: base64 HMAC-SHA1, keyed by the auth token, of the public URL
/// followed by every POST parameter's name and value, sorted by name.
public enum TwilioSignature {
    public static func expected(url: String, parameters: [(name: String, value: String)], authToken: String) -> String {
        let sorted = parameters.sorted { lhs, rhs in
            lhs.name == rhs.name
                ? Array(lhs.value.utf8).lexicographicallyPrecedes(Array(rhs.value.utf8))
                : Array(lhs.name.utf8).lexicographicallyPrecedes(Array(rhs.name.utf8))
        }
        let signed = url + sorted.map { $0.name + $0.value }.joined()
        let code = HMAC<Insecure.SHA1>.authenticationCode(
            for: Data(signed.utf8), using: SymmetricKey(data: Data(authToken.utf8)))
        return Data(code).base64EncodedString()
    }

    public static func isValid(
        _ signature: String?, url: String, parameters: [(name: String, value: String)], authToken: String
    ) -> Bool {
        ConstantTime.equals(signature, expected(url: url, parameters: parameters, authToken: authToken))
    }
}
