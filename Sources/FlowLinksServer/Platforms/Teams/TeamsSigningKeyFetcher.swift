import FlowLinksChannels
import Foundation

/// Fetches the Bot Connector's signing keys: the OpenID metadata document, then the key set at its
/// `jwks_uri`.
struct TeamsSigningKeyFetcher: TeamsSigningKeySource {
    let http: PlatformHTTP
    let metadataURL: String

    func signingKeys() async throws -> TeamsSigningKeys {
        let metadata = try JSONDecoder().decode(Metadata.self, from: try await document(at: metadataURL))
        return TeamsSigningKeys(issuer: metadata.issuer, jwks: Array(try await document(at: metadata.jwksURI)))
    }

    private func document(at url: String) async throws -> Data {
        let answer = try await http.get(url).get()
        guard answer.isSuccess else { throw FetchFailure(status: answer.status) }
        return answer.body
    }

    /// The two fields of the metadata document FlowLinks reads.
    private struct Metadata: Decodable {
        let issuer: String
        let jwksURI: String

        enum CodingKeys: String, CodingKey {
            case issuer
            case jwksURI = "jwks_uri"
        }
    }

    struct FetchFailure: Error {
        let status: Int
    }
}
