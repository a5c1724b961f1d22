import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import FlowLinksServer

@Suite("Signing in over plain http")
struct FacilitatorPlainHTTPTests {
    @Test(
        arguments: [
            ("flowlinks.example.org", nil, false, true),
            ("192.168.1.20:8080", nil, false, true),
            ("localhost:8080", nil, false, false),
            ("LOCALHOST", nil, false, false),
            ("app.localhost:8080", nil, false, false),
            ("127.0.0.1:8080", nil, false, false),
            ("[::1]:8080", nil, false, false),
            (nil, nil, false, false),
            ("flowlinks.example.org", "https", true, false),
            ("flowlinks.example.org", nil, true, false),
            ("flowlinks.example.org", "http", true, true),
            ("localhost", "HTTP", true, true),
            ("flowlinks.example.org", "http, https", true, false),
            ("flowlinks.example.org", "https, http", true, true),
        ] as [(String?, String?, Bool, Bool)])
    func aBrowserDropsSecureCookiesOnlyOverHTTPToAnAddressThatIsNotItsOwn(
        _ host: String?, _ forwardedProto: String?, _ behindProxy: Bool, _ drops: Bool
    ) {
        #expect(PlainHTTP.dropsSecureCookies(host: host, forwardedProto: forwardedProto, behindProxy: behindProxy) == drops)
    }

    /// A sign-in form sent without the cookie the form page set, as a browser does over plain http.
    static func signIn(proto: String?, cookie: String?, _ client: some TestClientProtocol) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let proto { headers[HTTPField.Name("X-Forwarded-Proto")!] = proto }
        if let cookie { headers[.cookie] = "flowlinks_login=\(cookie)" }
        let body = PlatformRequests.formEncoded([("csrf", "token"), ("username", "maria"), ("password", "whatever")])
        return try await client.execute(
            uri: "/facilitator/login", method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    @Test func aSignInOverPlainHTTPSaysHTTPSIsNeededNotThatTheFormExpired() async throws {
        let server = try await FacilitatorSignInTests.server()
        try await server.test { client in
            let plain = try await Self.signIn(proto: "http", cookie: nil, client)
            #expect(plain.status == .forbidden)
            #expect(plain.text.contains("Sign-in needs HTTPS."))
            #expect(plain.text.contains("docs/operations.md"))
            #expect(!plain.text.contains("expired"))
            #expect(plain.text.contains("<form method=\"post\" action=\"/facilitator/login\""))
        }
    }

    @Test(arguments: [("https", nil), ("http", "other"), (nil, nil)] as [(String?, String?)])
    func otherwiseAMissingOrWrongTokenStillSaysTheFormExpired(_ proto: String?, _ cookie: String?) async throws {
        let server = try await FacilitatorSignInTests.server()
        try await server.test { client in
            let response = try await Self.signIn(proto: proto, cookie: cookie, client)
            #expect(response.status == .forbidden)
            #expect(response.text.contains("The sign-in form expired."))
            #expect(!response.text.contains("HTTPS"))
        }
    }

    @Test func withoutAProxyTheForwardedSchemeIsNotBelievedAndLocalhostKeepsCookies() async throws {
        let server = try await FacilitatorWebTests.server()
        try await server.test { client in
            // why: the test client's address is localhost, where browsers keep Secure cookies over http.
            let response = try await Self.signIn(proto: "http", cookie: nil, client)
            #expect(response.text.contains("The sign-in form expired."))
        }
    }
}
