import CQRencode
import Foundation

/// A QR code made by libqrencode, drawn as SVG for a workshop's page and a projected slide.
public struct QRCode: Sendable {
    /// Modules per side, without the quiet zone.
    public let size: Int
    /// Row by row: true for a dark module.
    let modules: [Bool]

    // why: libqrencode keeps state between calls in some builds; one encoding at a time is safe everywhere.
    private static let lock = NSLock()

    /// Encodes the text at error correction level M (about 15% of the code may be covered or
    /// damaged); `nil` when it does not fit.
    public init?(text: String) {
        let encoded: (Int, [Bool])? = Self.lock.withLock {
            guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else { return nil }
            defer { QRcode_free(code) }
            let width = Int(code.pointee.width)
            // why: bit 0 of each byte is the module's colour; the other bits describe its role.
            return (width, (0..<width * width).map { code.pointee.data[$0] & 1 == 1 })
        }
        guard let encoded else { return nil }
        (size, modules) = encoded
    }

    /// The code as an SVG image with a four-module quiet zone; `label` names it for screen readers.
    public func svg(label: String) -> String {
        let side = size + 8
        var path = ""
        for row in 0..<size {
            for column in 0..<size where modules[row * size + column] {
                path += "M\(column + 4) \(row + 4)h1v1h-1z"
            }
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(side) \(side)" role="img" \
            aria-label="\(HTML.escape(label))" shape-rendering="crispEdges"><rect width="\(side)" height="\(side)" \
            fill="#fff"/><path d="\(path)" fill="#000"/></svg>
            """
    }
}
