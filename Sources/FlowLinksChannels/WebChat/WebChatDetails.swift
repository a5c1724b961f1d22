/// What a web chat reply needs: whether the page's script asked for JSON, and the page a plain
/// form post returns to.
public struct WebChatDetails: EventDetails {
    public var wantsJSON: Bool
    public var page: String

    public init(wantsJSON: Bool, page: String) {
        self.wantsJSON = wantsJSON
        self.page = page
    }
}
