/// What a Teams reply needs: the Bot Connector service the activity came from (checked against its
/// token), the conversation, and the activity to reply to.
public struct TeamsDetails: EventDetails {
    public var serviceURL: String
    public var conversationID: String
    public var activityID: String?

    public init(serviceURL: String, conversationID: String, activityID: String? = nil) {
        self.serviceURL = serviceURL
        self.conversationID = conversationID
        self.activityID = activityID
    }
}
